// China's partnership ladder (compiled for bilat; every row cites the page its
// fact was read from) -> agreements: kind partnership_level with the level's
// official wording and the ordinal rank (0-5) in an observation
// "partnership.rank"; rank 0 "diplomatic relations established" becomes a
// milestone. Each row cites its own page as its source; rows without a year
// ("ATTESTED ONLY") are listed as such and not dated.
#include <map>

#include "ingest/datasets/adapter_util.h"
#include "ingest/datasets/adapters.h"

namespace bilat::ingest {

using namespace dataset_internal;

Result<DatasetLoadResult> LoadPartnerships(const std::string& path, const AdapterContext& ctx) {
  DatasetLoadResult out;
  out.dataset = "partnerships";
  out.scope = "partnerships";
  out.layout = "china-partnership-ladder";
  BILAT_ASSIGN_OR_RETURN(CountryNames names, CountryNames::Load(out.dataset, *ctx.countries, ctx.data_dir));
  const std::string file = BaseName(path);
  std::map<std::string, std::string> source_ids;  // url -> id
  BILAT_RETURN_IF_ERROR(ReadCsvWithHeader(
      path, ctx.label, {"iso3", "year", "month", "level_label", "level_rank", "source_url"}, &out,
      [&](const CsvRows& h, const std::vector<std::string_view>& f, uint64_t line) {
        std::optional<std::string> iso = names.Map("iso3", h.Get(f, "iso3"), line, &out);
        if (!iso) return;
        std::string label(h.Get(f, "level_label"));
        int64_t rank = -1;
        if (!ParseInt(h.Get(f, "level_rank"), &rank) || rank < 0 || rank > 5) {
          AddIssue(&out, ctx.label, line, "level_rank", "'" + std::string(h.Get(f, "level_rank")) +
                                                            "' is not a rank 0-5", "see the dataset's README scale");
          return;
        }
        std::string url(h.Get(f, "source_url"));
        if (url.empty() || label.empty()) {
          AddIssue(&out, ctx.label, line, url.empty() ? "source_url" : "level_label",
                   "a partnership row needs its level and the page it was read from");
          return;
        }
        int64_t year = 0, month = 0;
        if (h.Get(f, "year").empty()) {
          ++out.rows_skipped;  // ATTESTED ONLY: the level is known, its year is not
          out.observations.push_back({"partnership.attested", *iso, "CHN", "", Slug(label), static_cast<double>(rank),
                                      label, line});
          return;
        }
        if (!ParseInt(h.Get(f, "year"), &year) || year < 1900 || year > 2100) {
          AddIssue(&out, ctx.label, line, "year", "'" + std::string(h.Get(f, "year")) + "' is not a year");
          return;
        }
        std::string date = std::to_string(year);
        if (!h.Get(f, "month").empty()) {
          if (!ParseInt(h.Get(f, "month"), &month) || month < 1 || month > 12) {
            AddIssue(&out, ctx.label, line, "month", "'" + std::string(h.Get(f, "month")) + "' is not a month 1-12");
            return;
          }
          char buf[8];
          std::snprintf(buf, sizeof buf, "-%02d", static_cast<int>(month));
          date += buf;
        }
        auto [src, inserted] = source_ids.try_emplace(url, out.scope + ":src-" + std::to_string(source_ids.size() + 1));
        if (inserted) {
          std::string title(h.Get(f, "source_title"));
          // The page's year: the last year its title names ("... Xinhua, 29 Apr 2015"); else the fact's
          // own year, a lower bound (docs/formats/datasets.md).
          std::string published = std::to_string(year);
          for (size_t i = 0; i + 4 <= title.size(); ++i) {
            std::string_view y = std::string_view(title).substr(i, 4);
            int64_t n = 0;
            bool bounded = (i == 0 || !std::isdigit(static_cast<unsigned char>(title[i - 1]))) &&
                           (i + 4 == title.size() || !std::isdigit(static_cast<unsigned char>(title[i + 4])));
            if (bounded && ParseInt(y, &n) && n >= 1949 && n <= 2100) published = std::string(y);
          }
          out.sources.push_back(MakeSource(src->second, title.empty() ? url : title,
                                           "as named in the title (cited by bilat's partnership ladder)", url, "",
                                           published));
        }
        RecordBuilder b("agreements");
        b.Set("id", out.scope + ":" + std::to_string(line)).Set("date", date).Set("parties", "CHN;" + *iso);
        if (rank == 0) {
          b.Set("kind", "milestone").Set("title", "Diplomatic relations established");
        } else {
          b.Set("kind", "partnership_level").Set("title", "Partnership level: " + label).Set("level", label);
        }
        b.Set("note", std::string(h.Get(f, "note")));
        b.Set("source_id", src->second).Set("locator", file + ":" + std::to_string(line));
        out.records.push_back(b.Build(file, line));
        out.observations.push_back(
            {"partnership.rank", *iso, "CHN", date, "", static_cast<double>(rank), label, line});
      }));
  return out;
}

}  // namespace bilat::ingest
