// Passport Index visa rules, China <-> every country over time (53 releases,
// Nov 2019 - Jan 2025) -> observations "visa.requirement": subject the
// passport's country, object the destination, period the release date, text
// the category (visa_free, visa_on_arrival, eta_or_evisa, visa_required,
// covid_ban, no_admission, other), value the visa-free days when given.
#include "ingest/datasets/adapter_util.h"
#include "ingest/datasets/adapters.h"

namespace bilat::ingest {

using namespace dataset_internal;

Result<DatasetLoadResult> LoadVisa(const std::string& path, const AdapterContext& ctx) {
  DatasetLoadResult out;
  out.dataset = "visa";
  out.scope = "passport-index";
  out.layout = "passport-index-china-history";
  BILAT_ASSIGN_OR_RETURN(CountryNames names, CountryNames::Load(out.dataset, *ctx.countries, ctx.data_dir));
  const std::string file = BaseName(path);
  out.sources.push_back(MakeSource(
      out.scope + ":source", "Passport Index Dataset: visa requirements, releases November 2019 - January 2025",
      "Ilya Ilyankou (data from passportindex.org)", "https://github.com/ilyankou/passport-index-dataset",
      "Passport Index Dataset (MIT licence), every release's rows with China as passport or destination (" + file + ")",
      "2025-01-12"));
  static const char* kCategories[] = {"visa_free", "visa_on_arrival", "eta_or_evisa", "visa_required",
                                      "covid_ban", "no_admission",    "other"};
  BILAT_RETURN_IF_ERROR(ReadCsvWithHeader(
      path, ctx.label, {"snapshot_date", "passport", "destination", "category"}, &out,
      [&](const CsvRows& h, const std::vector<std::string_view>& f, uint64_t line) {
        std::string_view when = h.Get(f, "snapshot_date");
        Result<Date> d = Date::Parse(when);
        if (!d.ok() || d->precision() != DatePrecision::kDay) {
          AddIssue(&out, ctx.label, line, "snapshot_date", "'" + std::string(when) + "' is not a date YYYY-MM-DD");
          return;
        }
        std::string_view category = h.Get(f, "category");
        bool known = false;
        for (const char* c : kCategories) known = known || category == c;
        if (!known) {
          AddIssue(&out, ctx.label, line, "category", "'" + std::string(category) + "' is not a known category",
                   "visa_free, visa_on_arrival, eta_or_evisa, visa_required, covid_ban, no_admission or other");
          return;
        }
        std::optional<std::string> from = names.Map("passport", h.Get(f, "passport"), line, &out);
        std::optional<std::string> to = names.Map("destination", h.Get(f, "destination"), line, &out);
        if (!from || !to) return;
        Observation o{"visa.requirement", *from, *to, d->ToIso(), "", std::nullopt, std::string(category), line};
        double days = 0;
        if (ParseDouble(h.Get(f, "visa_free_days"), &days)) o.value = days;
        out.observations.push_back(std::move(o));
      }));
  return out;
}

}  // namespace bilat::ingest
