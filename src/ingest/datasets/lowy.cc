// Lowy Institute Global Diplomacy Index, post level (editions 2016, 2017,
// 2021, 2023) -> observations "lowy.post": subject the sending country,
// object the host country, period the edition year, item "city | title",
// text the type of post (Embassy / High Commission, Consulate /
// Consulate-General, Permanent Mission, Other).
#include "ingest/datasets/adapter_util.h"
#include "ingest/datasets/adapters.h"

namespace bilat::ingest {

using namespace dataset_internal;

Result<DatasetLoadResult> LoadLowy(const std::string& path, const AdapterContext& ctx) {
  DatasetLoadResult out;
  out.dataset = "lowy";
  out.scope = "lowy-gdi";
  out.layout = "lowy-gdi-posts";
  BILAT_ASSIGN_OR_RETURN(CountryNames names, CountryNames::Load(out.dataset, *ctx.countries, ctx.data_dir));
  const std::string file = BaseName(path);
  out.sources.push_back(MakeSource(out.scope + ":source", "Global Diplomacy Index (post-level data)",
                                   "Lowy Institute", "https://globaldiplomacyindex.lowyinstitute.org/",
                                   "Lowy Institute Global Diplomacy Index, editions 2016, 2017, 2021 and 2023, one row "
                                   "per diplomatic post (" + file + ")",
                                   "2024-02"));
  BILAT_RETURN_IF_ERROR(ReadCsvWithHeader(
      path, ctx.label, {"COUNTRY", "POST CITY", "POST COUNTRY", "TYPE OF POST", "Year"}, &out,
      [&](const CsvRows& h, const std::vector<std::string_view>& f, uint64_t line) {
        int64_t year = 0;
        if (!ParseInt(h.Get(f, "Year"), &year) || year < 1990 || year > 2100) {
          AddIssue(&out, ctx.label, line, "Year", "'" + std::string(h.Get(f, "Year")) + "' is not an edition year");
          return;
        }
        std::optional<std::string> sender = names.Map("COUNTRY", h.Get(f, "COUNTRY"), line, &out);
        if (!sender) return;
        std::optional<std::string> host = names.Map("POST COUNTRY", h.Get(f, "POST COUNTRY"), line, &out);
        if (!host) return;
        std::string city(h.Get(f, "POST CITY")), title(h.Get(f, "POST TYPE TITLE"));
        out.observations.push_back({"lowy.post", *sender, *host, std::to_string(year), city + " | " + title,
                                    std::nullopt, std::string(h.Get(f, "TYPE OF POST")), line});
      }));
  return out;
}

}  // namespace bilat::ingest
