// Belt and Road signatories (Green Finance & Development Center, May 2025)
// -> agreements: a memorandum "Belt and Road cooperation document" at the
// likely month of joining, and a milestone at the month of exit. A joining
// date the list gives as "uncertain" is stored as an observation
// "bri.member" (text "uncertain"), never as a dated agreement.
#include "ingest/datasets/adapter_util.h"
#include "ingest/datasets/adapters.h"

namespace bilat::ingest {

using namespace dataset_internal;

Result<DatasetLoadResult> LoadBri(const std::string& path, const AdapterContext& ctx) {
  DatasetLoadResult out;
  out.dataset = "bri";
  out.scope = "bri-gfdc";
  out.layout = "gfdc-bri-countries";
  BILAT_ASSIGN_OR_RETURN(CountryNames names, CountryNames::Load(out.dataset, *ctx.countries, ctx.data_dir));
  const std::string file = BaseName(path);
  const std::string source_id = out.scope + ":source";
  out.sources.push_back(MakeSource(source_id, "Countries of the Belt and Road Initiative",
                                   "Green Finance & Development Center, FISF Fudan University",
                                   "https://greenfdc.org/countries-of-the-belt-and-road-initiative-bri/",
                                   "Nedopil, Christoph (2025): Countries of the Belt and Road Initiative; Shanghai, "
                                   "Green Finance & Development Center, FISF Fudan University (" + file + ")",
                                   "2025-05"));
  BILAT_RETURN_IF_ERROR(ReadCsvWithHeader(
      path, ctx.label, {"country", "iso3", "likely_date_joining", "likely_date_exit"}, &out,
      [&](const CsvRows& h, const std::vector<std::string_view>& f, uint64_t line) {
        std::string_view code = h.Get(f, "iso3");
        std::optional<std::string> iso = names.Map("iso3", code.empty() ? h.Get(f, "country") : code, line, &out);
        if (!iso) return;
        const std::string locator = file + ":" + std::to_string(line);
        auto month_of = [&](std::string_view field) -> std::optional<std::string> {
          std::string_view text = h.Get(f, field);
          Result<Date> d = Date::Parse(text.substr(0, std::min<size_t>(text.size(), 10)));
          if (!d.ok()) {
            AddIssue(&out, ctx.label, line, std::string(field), "'" + std::string(text) + "' is not a date",
                     "YYYY-MM-DD, or 'uncertain'");
            return std::nullopt;
          }
          // The list's day is the first of the month or a signing day: month precision.
          return d->ToIso().substr(0, 7);
        };
        std::string_view joining = h.Get(f, "likely_date_joining");
        if (ToLower(joining) == "uncertain" || joining.empty()) {
          out.observations.push_back({"bri.member", *iso, "CHN", "", "", std::nullopt, "uncertain", line});
        } else if (std::optional<std::string> m = month_of("likely_date_joining")) {
          out.records.push_back(RecordBuilder("agreements")
                                    .Set("id", out.scope + ":join-" + ToLower(*iso))
                                    .Set("date", *m)
                                    .Set("kind", "memorandum")
                                    .Set("parties", "CHN;" + *iso)
                                    .Set("title", "Belt and Road cooperation document (joining the initiative)")
                                    .Set("note", "likely date of joining, month precision")
                                    .Set("source_id", source_id)
                                    .Set("locator", locator)
                                    .Build(file, line));
        }
        if (!h.Get(f, "likely_date_exit").empty()) {
          if (std::optional<std::string> m = month_of("likely_date_exit")) {
            out.records.push_back(RecordBuilder("agreements")
                                      .Set("id", out.scope + ":exit-" + ToLower(*iso))
                                      .Set("date", *m)
                                      .Set("kind", "milestone")
                                      .Set("parties", "CHN;" + *iso)
                                      .Set("title", "Exit from the Belt and Road Initiative")
                                      .Set("source_id", source_id)
                                      .Set("locator", locator)
                                      .Build(file, line));
          }
        }
      }));
  return out;
}

}  // namespace bilat::ingest
