// CEIAS "WHO | WHERE | WHEN" travel of China's top leaders (1949-2020) ->
// exchanges: one visit per leader, country and year, dated to the year.
// bilat joins such a year-dated visit to a dated trip of the same leader to
// the same country in that year when another source records one (see
// measure/pair_facts.h), so a trip both sources record counts once.
#include "ingest/datasets/adapter_util.h"
#include "ingest/datasets/adapters.h"

namespace bilat::ingest {

using namespace dataset_internal;

Result<DatasetLoadResult> LoadCeias(const std::string& path, const AdapterContext& ctx) {
  DatasetLoadResult out;
  out.dataset = "ceias";
  out.scope = "ceias";
  out.layout = "ceias-who-where-when-1.1";
  BILAT_ASSIGN_OR_RETURN(CountryNames names, CountryNames::Load(out.dataset, *ctx.countries, ctx.data_dir));
  const std::string file = BaseName(path);
  const std::string source_id = out.scope + ":source";
  out.sources.push_back(MakeSource(
      source_id, "WHO | WHERE | WHEN: International travel of the Chinese leaders (1949-2020), v1.1",
      "Central European Institute of Asian Studies (CEIAS)", "https://ceias.eu/",
      "Turcsanyi, R., Eckert, M., Simalcik, M., Majsniarova, N. (2021). WHO | WHERE | WHEN - International travel of "
      "the Chinese leaders (1949-2020). Dataset, CEIAS. Sheet Dataset as CSV (" + file + ")",
      "2021-07-15"));
  BILAT_RETURN_IF_ERROR(ReadCsvWithHeader(
      path, ctx.label, {"Year", "Name", "Level", "Country"}, &out,
      [&](const CsvRows& h, const std::vector<std::string_view>& f, uint64_t line) {
        int64_t year = 0;
        if (!ParseInt(h.Get(f, "Year"), &year) || year < 1900 || year > 2100) {
          AddIssue(&out, ctx.label, line, "Year", "'" + std::string(h.Get(f, "Year")) + "' is not a year");
          return;
        }
        std::string_view leader = h.Get(f, "Name");
        if (leader.empty()) {
          AddIssue(&out, ctx.label, line, "Name", "no leader named");
          return;
        }
        std::optional<std::string> iso = names.Map("Country", h.Get(f, "Country"), line, &out);
        if (!iso) return;
        out.records.push_back(RecordBuilder("exchanges")
                                  .Set("id", out.scope + ":" + std::to_string(line))
                                  .Set("date", std::to_string(year))
                                  .Set("kind", "visit")
                                  .Set("from", "CHN")
                                  .Set("to", *iso)
                                  .Set("leader", std::string(leader))
                                  .Set("role", std::string(h.Get(f, "Level")))
                                  .Set("source_id", source_id)
                                  .Set("locator", file + ":" + std::to_string(line))
                                  .Build(file, line));
      }));
  return out;
}

}  // namespace bilat::ingest
