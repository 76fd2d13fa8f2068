// AidData China Public Diplomacy panel v2.0 (39 countries of East, South and
// Central Asia, 2000-2018) -> observations "pd.<column>": subject China,
// object the receiving country, period the year. "N/A" cells are missing, not
// zero, and are not stored.
#include "ingest/datasets/adapter_util.h"
#include "ingest/datasets/adapters.h"

namespace bilat::ingest {

using namespace dataset_internal;

namespace {
// The panel's count columns (documented in docs/formats/datasets.md).
constexpr const char* kColumns[] = {"confucius_institutes",   "sister_cities_established", "government_visits",
                                    "military_visits",        "total_elite_visits",        "ambassador_op_eds",
                                    "journalist_visits",      "media_partnerships",        "outbound_chinese_students",
                                    "inbound_students_to_china"};
}  // namespace

Result<DatasetLoadResult> LoadPublicDiplomacy(const std::string& path, const AdapterContext& ctx) {
  DatasetLoadResult out;
  out.dataset = "public-diplomacy";
  out.scope = "aiddata-pd2";
  out.layout = "aiddata-public-diplomacy-2.0-panel";
  BILAT_ASSIGN_OR_RETURN(CountryNames names, CountryNames::Load(out.dataset, *ctx.countries, ctx.data_dir));
  const std::string file = BaseName(path);
  out.sources.push_back(MakeSource(
      out.scope + ":source", "China's Public Diplomacy Dashboard Dataset, Version 2.0", "AidData at William & Mary",
      "http://china-dashboard.aiddata.org",
      "AidData (2021). China's Public Diplomacy Dashboard Dataset, Version 2.0, country-year panel (ODC-By) (" + file +
          ")",
      "2021-12-13"));
  BILAT_RETURN_IF_ERROR(ReadCsvWithHeader(
      path, ctx.label, {"receiving_country", "year", "government_visits"}, &out,
      [&](const CsvRows& h, const std::vector<std::string_view>& f, uint64_t line) {
        int64_t year = 0;
        if (!ParseInt(h.Get(f, "year"), &year) || year < 1990 || year > 2100) {
          AddIssue(&out, ctx.label, line, "year", "'" + std::string(h.Get(f, "year")) + "' is not a year");
          return;
        }
        std::optional<std::string> iso = names.Map("receiving_country", h.Get(f, "receiving_country"), line, &out);
        if (!iso) return;
        for (const char* column : kColumns) {
          if (h.Index(column) < 0) continue;
          std::string_view text = h.Get(f, column);
          if (text.empty() || text == "N/A" || text == "NA") continue;
          double v = 0;
          if (!ParseDouble(text, &v) || v < 0) {
            AddIssue(&out, ctx.label, line, column, "'" + std::string(text) + "' is not a count",
                     "a whole number, or N/A where the panel has no data");
            continue;
          }
          out.observations.push_back({std::string("pd.") + column, "CHN", *iso, std::to_string(year), "", v, "", line});
        }
      }));
  return out;
}

}  // namespace bilat::ingest
