// Confucius Institutes list (NC State LAS, April 2022) -> people records,
// kind confucius_institute, host the institute's country, partner China.
// The list's open/closed flag is unreliable (set from web pages being down,
// per the dataset's README), so it is kept in the note, never as a status.
#include "ingest/datasets/adapter_util.h"
#include "ingest/datasets/adapters.h"

namespace bilat::ingest {

using namespace dataset_internal;

Result<DatasetLoadResult> LoadConfucius(const std::string& path, const AdapterContext& ctx) {
  DatasetLoadResult out;
  out.dataset = "confucius";
  out.scope = "confucius";
  out.layout = "las-ncsu-confucius-institutes";
  BILAT_ASSIGN_OR_RETURN(CountryNames names, CountryNames::Load(out.dataset, *ctx.countries, ctx.data_dir));
  const std::string file = BaseName(path);
  const std::string source_id = out.scope + ":source";
  out.sources.push_back(MakeSource(
      source_id, "Confucius Institutes worldwide (BRI dashboard list)",
      "Laboratory for Analytic Sciences, NC State University", "https://github.com/LAS-NCSU/bridash",
      "LAS NC State, list of Confucius Institutes compiled from Dig Mandarin (2021) and NAS / Washington Examiner "
      "lists, April 2022 (" + file + ")",
      "2022-04"));
  BILAT_RETURN_IF_ERROR(ReadCsvWithHeader(
      path, ctx.label, {"id", "confucius_institute", "date_est", "country"}, &out,
      [&](const CsvRows& h, const std::vector<std::string_view>& f, uint64_t line) {
        std::string name(h.Get(f, "confucius_institute"));
        if (name.empty()) {
          AddIssue(&out, ctx.label, line, "confucius_institute", "no institute name");
          return;
        }
        std::optional<std::string> host = names.Map("country", h.Get(f, "country"), line, &out);
        if (!host) return;
        RecordBuilder b("people");
        std::string id = Slug(h.Get(f, "id"));
        b.Set("id", out.scope + ":" + (id.empty() ? std::to_string(line) : id));
        b.Set("kind", "confucius_institute").Set("name", name).Set("host", *host).Set("partner", "CHN");
        // date_est is M/D/YY (two-digit years 2004-2021); empty for half the rows.
        std::string_view est = h.Get(f, "date_est");
        std::string date;
        if (!est.empty()) {
          std::vector<std::string_view> parts = Split(est, '/');
          int64_t m = 0, d = 0, y = 0;
          if (parts.size() == 3 && ParseInt(parts[0], &m) && ParseInt(parts[1], &d) && ParseInt(parts[2], &y)) {
            char iso[16];
            std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", static_cast<int>(y < 100 ? 2000 + y : y),
                          static_cast<int>(m), static_cast<int>(d));
            if (Date::Parse(iso).ok()) date = iso;
          }
          if (date.empty()) {
            AddIssue(&out, ctx.label, line, "date_est", "'" + std::string(est) + "' is not a date M/D/YY",
                     "the institute is kept without its date");
          }
        }
        if (date.empty()) {
          b.Set("as_of", "2022-04");
        } else {
          b.Set("date", date);
        }
        std::string note = "city: " + std::string(h.Get(f, "nearest_city"));
        if (h.Get(f, "nearest_city").empty()) note.clear();
        b.Set("note", note);
        b.Set("source_id", source_id).Set("locator", file + ":" + std::to_string(line));
        out.records.push_back(b.Build(file, line));
      }));
  return out;
}

}  // namespace bilat::ingest
