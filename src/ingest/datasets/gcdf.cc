// AidData Global Chinese Development Finance 3.0, summed by recipient and
// commitment year (third-party aggregates of the project file) ->
// observations, constant 2021 US dollars. Two layouts:
//   ISO3 file   Country Code,year,projects,usd_const_2021,...
//               -> gcdf.usd_const_2021, gcdf.projects
//   COW file    ccode,year,oof_amt,oof_adj,oda_amt,oda_adj,vof_amt,vof_adj
//               -> gcdf.oda_like, gcdf.oof_like, gcdf.vague (adjusted amounts)
// Subject is the recipient, object China (the lender).
#include "ingest/datasets/adapter_util.h"
#include "ingest/datasets/adapters.h"

namespace bilat::ingest {

using namespace dataset_internal;

Result<DatasetLoadResult> LoadGcdf(const std::string& path, const AdapterContext& ctx) {
  DatasetLoadResult out;
  out.dataset = "gcdf";
  BILAT_ASSIGN_OR_RETURN(CountryNames names, CountryNames::Load(out.dataset, *ctx.countries, ctx.data_dir));
  BILAT_ASSIGN_OR_RETURN(CountryNames cow, CountryNames::Load("cow", *ctx.countries, ctx.data_dir));
  const std::string file = BaseName(path);
  bool iso_layout = true;
  bool decided = false;
  const Status not_gcdf = Status::InvalidArgument(
      ctx.label + ":1: not an AidData GCDF aggregate (expected Country Code,year,... or ccode,year,oof_amt,oof_adj,"
                  "oda_amt,oda_adj,vof_amt,vof_adj)");
  Status layout_error;
  BILAT_RETURN_IF_ERROR(ReadCsvWithHeader(
      path, ctx.label, {"year"}, &out, [&](const CsvRows& h, const std::vector<std::string_view>& f, uint64_t line) {
        if (!decided) {
          decided = true;
          iso_layout = h.Index("Country Code") >= 0;
          // Neither key column (the Gleditsch-Ward file has gwcode): every row
          // would be an unknown country; refuse the file instead.
          if (!iso_layout && h.Index("ccode") < 0) layout_error = not_gcdf;
        }
        if (!layout_error.ok()) return;
        int64_t year = 0;
        if (!ParseInt(h.Get(f, "year"), &year) || year < 1990 || year > 2100) {
          AddIssue(&out, ctx.label, line, "year", "'" + std::string(h.Get(f, "year")) + "' is not a year");
          return;
        }
        std::optional<std::string> iso = iso_layout ? names.Map("Country Code", h.Get(f, "Country Code"), line, &out)
                                                    : cow.Map("ccode", h.Get(f, "ccode"), line, &out);
        if (!iso) return;
        auto add = [&](const char* column, const char* measure) {
          double v = 0;
          std::string_view text = h.Get(f, column);
          if (text.empty() || text == "NA") return;
          if (!ParseDouble(text, &v) || v < 0) {
            AddIssue(&out, ctx.label, line, column, "'" + std::string(text) + "' is not an amount",
                     "constant 2021 US dollars, e.g. 1283228.36");
            return;
          }
          out.observations.push_back({measure, *iso, "CHN", std::to_string(year), "", v, "", line});
        };
        if (iso_layout) {
          add("usd_const_2021", "gcdf.usd_const_2021");
          add("projects", "gcdf.projects");
        } else {
          add("oda_adj", "gcdf.oda_like");
          add("oof_adj", "gcdf.oof_like");
          add("vof_adj", "gcdf.vague");
        }
      }));
  if (!layout_error.ok()) return layout_error;
  if (decided && !iso_layout && out.rows_read > 0 && out.observations.empty() && out.issues.empty() &&
      out.unmapped.empty()) {
    return not_gcdf;
  }
  out.scope = iso_layout ? "gcdf3-iso" : "gcdf3-cow";
  out.layout = iso_layout ? "gcdf3-country-year" : "gcdf3-cow-flow-class";
  out.sources.push_back(MakeSource(
      out.scope + ":source", "Global Chinese Development Finance Dataset, Version 3.0 (recipient-year sums)",
      "AidData at William & Mary", "https://www.aiddata.org/data/aiddatas-global-chinese-development-finance-dataset-version-3-0",
      "Custer, S. et al. (2023), AidData's Global Chinese Development Finance Dataset, Version 3.0; records recommended "
      "for aggregates summed by recipient and commitment year, constant 2021 US$ (" + file + ")",
      "2023"));
  return out;
}

}  // namespace bilat::ingest
