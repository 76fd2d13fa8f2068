// AidData geocoded Chinese official finance 1.1.1 (2000-2014), one row per
// project location -> projects (one per project id; its places listed),
// kind loan, grant or aid from AidData's flow type.
#include <algorithm>
#include <map>

#include "ingest/datasets/adapter_util.h"
#include "ingest/datasets/adapters.h"

namespace bilat::ingest {

using namespace dataset_internal;

Result<DatasetLoadResult> LoadAidDataGeocoded(const std::string& path, const AdapterContext& ctx) {
  DatasetLoadResult out;
  out.dataset = "aiddata-geocoded";
  out.scope = "aiddata111";
  out.layout = "aiddata-geocoded-1.1.1-locations";
  BILAT_ASSIGN_OR_RETURN(CountryNames names, CountryNames::Load(out.dataset, *ctx.countries, ctx.data_dir));
  const std::string file = BaseName(path);
  const std::string source_id = out.scope + ":source";
  out.sources.push_back(MakeSource(
      source_id, "Geocoded Chinese official finance, version 1.1.1", "AidData at William & Mary",
      "https://www.aiddata.org/data/geocoded-chinese-global-official-finance-dataset",
      "AidData (2018), Geocoded Global Chinese Official Finance, Version 1.1.1, project locations 2000-2014 (" + file +
          ")",
      "2018"));
  std::map<std::string, size_t> by_id;  // project id -> record index
  std::vector<std::string> record_ids;    // parallel to out.records: the project id as written
  struct Rows {
    std::vector<std::string> countries;  // as written, each once
    uint64_t rows = 0;
  };
  std::map<std::string, Rows> rows_of;  // project id -> its location rows
  BILAT_RETURN_IF_ERROR(ReadCsvWithHeader(
      path, ctx.label, {"id", "year", "country", "sector", "title", "flow", "usd_current"}, &out,
      [&](const CsvRows& h, const std::vector<std::string_view>& f, uint64_t line) {
        std::string id(h.Get(f, "id"));
        std::string place(h.Get(f, "place"));
        if (auto it = by_id.find(id); it != by_id.end()) {
          // Another location of a project already read: add its place.
          Record& r = out.records[it->second];
          Rows& rows = rows_of[id];
          ++rows.rows;
          std::string country(Trim(h.Get(f, "country")));
          if (std::find(rows.countries.begin(), rows.countries.end(), country) == rows.countries.end()) {
            rows.countries.push_back(country);
          }
          std::string note = r.Text("note");
          if (!place.empty() && note.find(place) == std::string::npos) {
            r.values[static_cast<size_t>(r.ColumnIndex("note"))] = note + (note.empty() ? "places: " : "; ") + place;
          }
          ++out.rows_skipped;
          return;
        }
        int64_t year = 0;
        if (!ParseInt(h.Get(f, "year"), &year) || year < 1990 || year > 2100) {
          AddIssue(&out, ctx.label, line, "year", "'" + std::string(h.Get(f, "year")) + "' is not a year");
          return;
        }
        if (Slug(id).empty()) {
          AddIssue(&out, ctx.label, line, "id", "no project id");
          return;
        }
        if (h.Get(f, "country").find(';') != std::string_view::npos) {
          names.SkipOnPurpose("country", h.Get(f, "country"), line, "a regional project with several recipients",
                              &out);
          return;
        }
        std::optional<std::string> host = names.Map("country", h.Get(f, "country"), line, &out);
        if (!host) return;
        std::string flow = ToLower(h.Get(f, "flow"));
        const char* kind = flow.find("loan") != std::string::npos || flow.find("credit") != std::string::npos ? "loan"
                           : flow.find("grant") != std::string::npos                                           ? "grant"
                                                                                                               : "aid";
        RecordBuilder b("projects");
        b.Set("id", out.scope + ":" + Slug(id)).Set("date", std::to_string(year));
        std::string title(h.Get(f, "title"));
        b.Set("name", title.empty() ? "Chinese official finance project " + id : title);
        b.Set("investor", "CHN").Set("host", *host).Set("entity", std::string(h.Get(f, "funder")));
        std::string sector(h.Get(f, "sector"));
        b.Set("sector", sector.empty() ? "Unspecified" : sector).Set("kind", kind);
        double usd = 0;
        if (ParseDouble(h.Get(f, "usd_current"), &usd) && usd >= 0) {
          b.Set("value", usd).Set("currency", "USD").Set("scale", "units");
        }
        b.Set("note", place.empty() ? "" : "places: " + place);
        b.Set("source_id", source_id).Set("locator", file + ":" + std::to_string(line));
        by_id[id] = out.records.size();
        record_ids.push_back(id);
        rows_of[id] = Rows{{std::string(Trim(h.Get(f, "country")))}, 1};
        out.records.push_back(b.Build(file, line));
      }));
  // A project whose locations lie in several countries (one row each) is a
  // regional project like a row naming several: skipped on purpose, not
  // credited to the country of its first row.
  std::vector<Record> kept;
  for (size_t i = 0; i < out.records.size(); ++i) {
    const Rows& rows = rows_of[record_ids[i]];
    if (rows.countries.size() < 2) {
      kept.push_back(std::move(out.records[i]));
      continue;
    }
    std::string joined;
    for (const std::string& c : rows.countries) joined += (joined.empty() ? "" : "; ") + c;
    for (uint64_t k = 0; k < rows.rows; ++k) {
      names.SkipOnPurpose("country", joined, static_cast<uint64_t>(out.records[i].origin_line),
                          "a regional project with several recipients", &out);
    }
    out.rows_skipped -= rows.rows - 1;  // its later rows were counted as places of the project
  }
  out.records = std::move(kept);
  return out;
}

}  // namespace bilat::ingest
