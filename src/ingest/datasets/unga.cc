// UN General Assembly voting, country-session file (Bailey, Strezhnev and
// Voeten, June 2024 release) -> observations, period the year session s
// opens (1945 + s), item "session s":
//   unga.ideal_point   subject the country, object ""     IdealPointAll
//   unga.votes         subject the country, object ""     NVotesAll
//   unga.agree         subject the country, object CHN / USA / RUS / BRA / IND / ISR
//                      share of votes cast as that country did (RUS: USSR before 1992)
// The ideal-point distance of any pair is |IP_a - IP_b| of one session.
#include "ingest/datasets/adapter_util.h"
#include "ingest/datasets/adapters.h"

namespace bilat::ingest {

using namespace dataset_internal;

Result<DatasetLoadResult> LoadUnga(const std::string& path, const AdapterContext& ctx) {
  DatasetLoadResult out;
  out.dataset = "unga";
  out.scope = "unga-voeten";
  out.layout = "unga-idealpoints-country-session";
  BILAT_ASSIGN_OR_RETURN(CountryNames names, CountryNames::Load(out.dataset, *ctx.countries, ctx.data_dir));
  BILAT_ASSIGN_OR_RETURN(CountryNames cow, CountryNames::Load("cow", *ctx.countries, ctx.data_dir));
  const std::string file = BaseName(path);
  out.sources.push_back(MakeSource(
      out.scope + ":source", "United Nations General Assembly Voting Data: ideal point estimates (June 2024)",
      "Erik Voeten, Anton Strezhnev and Michael Bailey (Harvard Dataverse)", "https://doi.org/10.7910/DVN/LEJUQZ",
      "Bailey, M. A., Strezhnev, A., Voeten, E. (2017). Estimating Dynamic State Preferences from United Nations "
      "Voting Data. Journal of Conflict Resolution 61(2):430-456; data release June 2024 (" + file + ")",
      "2024-06"));
  struct Ref {
    const char* column;
    const char* iso;
  };
  constexpr Ref kRefs[] = {{"ChinaAgree", "CHN"}, {"USAgree", "USA"},   {"RUSSAgree", "RUS"},
                           {"BrazilAgree", "BRA"}, {"IndiaAgree", "IND"}, {"IsraelAgree", "ISR"}};
  BILAT_RETURN_IF_ERROR(ReadCsvWithHeader(
      path, ctx.label, {"ccode", "session", "IdealPointAll", "iso3c"}, &out,
      [&](const CsvRows& h, const std::vector<std::string_view>& f, uint64_t line) {
        int64_t session = 0;
        if (!ParseInt(h.Get(f, "session"), &session) || session < 1 || session > 155) {
          AddIssue(&out, ctx.label, line, "session", "'" + std::string(h.Get(f, "session")) + "' is not a session");
          return;
        }
        std::string_view code = h.Get(f, "iso3c");
        // The file keeps Yugoslavia's code (YUG, COW 345) through session 78; from session 61 (2006, after
        // Montenegro's independence) the seat is Serbia's.
        if (code == "YUG" && session >= 61) code = "SRB";
        std::optional<std::string> iso = !code.empty() && code != "NA" ? names.Map("iso3c", code, line, &out)
                                                                       : cow.Map("ccode", h.Get(f, "ccode"), line, &out);
        if (!iso) return;
        const std::string period = std::to_string(1945 + session), item = "session " + std::to_string(session);
        auto value = [&](const char* column, const char* measure, const std::string& object) {
          std::string_view text = h.Get(f, column);
          if (text.empty() || text == "NA") return;
          double v = 0;
          if (!ParseDouble(text, &v)) {
            AddIssue(&out, ctx.label, line, column, "'" + std::string(text) + "' is not a number");
            return;
          }
          out.observations.push_back({measure, *iso, object, period, item, v, "", line});
        };
        value("IdealPointAll", "unga.ideal_point", "");
        value("NVotesAll", "unga.votes", "");
        for (const Ref& r : kRefs) {
          if (*iso != r.iso && h.Index(r.column) >= 0) value(r.column, "unga.agree", r.iso);
        }
      }));
  return out;
}

}  // namespace bilat::ingest
