// A GDELT 2.0-derived daily China-country score (a third party's sum over
// each day's events between the bare country codes; Goldstein plus small
// weights for sources, articles and tone) -> observations "gdelt.china_score":
// subject China, object the partner, period the day. Days absent from the file
// score zero unless the dataset lists them as missing (docs/formats/datasets.md).
#include "ingest/datasets/adapter_util.h"
#include "ingest/datasets/adapters.h"

namespace bilat::ingest {

using namespace dataset_internal;

Result<DatasetLoadResult> LoadGdeltTone(const std::string& path, const AdapterContext& ctx) {
  DatasetLoadResult out;
  out.dataset = "gdelt-tone";
  out.scope = "gdelt-china-score";
  out.layout = "gdelt-china-dyad-daily";
  BILAT_ASSIGN_OR_RETURN(CountryNames names, CountryNames::Load(out.dataset, *ctx.countries, ctx.data_dir));
  const std::string file = BaseName(path);
  out.sources.push_back(MakeSource(
      out.scope + ":source", "Daily China-country relationship score from GDELT 2.0 events (derived)",
      "gzemo/gdelt-graph-data (from the GDELT Project)", "https://github.com/gzemo/gdelt-graph-data",
      "The GDELT Project, GDELT 2.0 Events, as summed per day and country pair by gzemo/gdelt-graph-data (China's "
      "row, " + file + ")",
      "2024-02-23"));
  BILAT_RETURN_IF_ERROR(ReadCsvWithHeader(
      path, ctx.label, {"date", "partner_iso3", "edge_score"}, &out,
      [&](const CsvRows& h, const std::vector<std::string_view>& f, uint64_t line) {
        Result<Date> d = Date::Parse(h.Get(f, "date"));
        if (!d.ok() || d->precision() != DatePrecision::kDay) {
          AddIssue(&out, ctx.label, line, "date", "'" + std::string(h.Get(f, "date")) + "' is not a date YYYY-MM-DD");
          return;
        }
        double v = 0;
        if (!ParseDouble(h.Get(f, "edge_score"), &v)) {
          AddIssue(&out, ctx.label, line, "edge_score", "'" + std::string(h.Get(f, "edge_score")) + "' is not a number");
          return;
        }
        std::optional<std::string> iso = names.Map("partner_iso3", h.Get(f, "partner_iso3"), line, &out);
        if (!iso) return;
        out.observations.push_back({"gdelt.china_score", "CHN", *iso, d->ToIso(), "", v, "", line});
      }));
  return out;
}

}  // namespace bilat::ingest
