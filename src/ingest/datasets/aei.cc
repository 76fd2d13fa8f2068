// AEI China Global Investment Tracker -> projects.
//
// Every edition's sheets are recognised by their header:
//   2019 Fall investments      Investor ... Greenfield            kind investment
//   2019 Fall construction     Contractor ...                     kind construction
//   2019 Fall troubled         Chinese Entity ... Greenfield       status troubled
//   2005-2018 combined         Chinese Entity, Share size, no Greenfield
//   2021 Fall converted        ... type_matched_to_2019fall        kind from that column
//   2021 Fall verbatim         Investor ... Greenfield, amounts "$1,740 " (years past 2019)
// Sheets that mix investment and construction without saying which give
// kind investment_or_construction. The scope is "aei<last year>-<sheet>", so
// a later edition is kept apart from an earlier one (they revise rows and
// must not be added together; measure::PairFacts keeps the newest).
#include <algorithm>
#include <cmath>

#include "ingest/datasets/adapter_util.h"
#include "ingest/datasets/adapters.h"

namespace bilat::ingest {

using namespace dataset_internal;

namespace {

// "$1,740 " -> 1740; plain numbers as they are.
bool ParseAmount(std::string_view text, double* out) {
  std::string clean;
  for (char c : Trim(text)) {
    if (c != '$' && c != ',' && c != ' ') clean += c;
  }
  return ParseDouble(clean, out);
}

}  // namespace

Result<DatasetLoadResult> LoadAei(const std::string& path, const AdapterContext& ctx) {
  DatasetLoadResult out;
  out.dataset = "aei";
  BILAT_ASSIGN_OR_RETURN(CountryNames names, CountryNames::Load(out.dataset, *ctx.countries, ctx.data_dir));
  const std::string file = BaseName(path);
  enum class Sheet { kUnknown, kInvestments, kConstruction, kTroubled, kCombined, kTyped };
  Sheet sheet = Sheet::kUnknown;
  std::string entity_col, amount_col = "Quantity in Millions", share_col = "Share Size";
  bool dollar_amounts = false;
  int last_year = 0;
  std::vector<std::string> kinds;  // per record: from the type column, when there is one
  Status layout_error;
  BILAT_RETURN_IF_ERROR(ReadCsvWithHeader(
      path, ctx.label, {"Year", "Month", "Sector", "Country"}, &out,
      [&](const CsvRows& h, const std::vector<std::string_view>& f, uint64_t line) {
        if (sheet == Sheet::kUnknown) {
          if (h.Index("type_matched_to_2019fall") >= 0) {
            sheet = Sheet::kTyped;
            entity_col = "Investor";
            amount_col = "quantity_usd_mn";
          } else if (h.Index("Contractor") >= 0) {
            sheet = Sheet::kConstruction;
            entity_col = "Contractor";
          } else if (h.Index("Chinese Entity") >= 0) {
            sheet = h.Index("Greenfield") >= 0 ? Sheet::kTroubled : Sheet::kCombined;
            entity_col = "Chinese Entity";
            if (h.Index("Share size") >= 0) share_col = "Share size";
          } else if (h.Index("Investor") >= 0) {
            sheet = Sheet::kInvestments;
            entity_col = "Investor";
          }
          if (h.Index(amount_col) < 0) sheet = Sheet::kUnknown;
          if (sheet == Sheet::kUnknown) {
            layout_error = Status::InvalidArgument(
                ctx.label + ":1: not an AEI China Global Investment Tracker sheet (expected the columns Year, Month, "
                            "Investor/Contractor/Chinese Entity, Quantity in Millions, Sector, Country)");
          }
        }
        if (sheet == Sheet::kUnknown) return;
        int64_t year = 0;
        if (!ParseInt(h.Get(f, "Year"), &year) || year < 1990 || year > 2100) {
          AddIssue(&out, ctx.label, line, "Year", "'" + std::string(h.Get(f, "Year")) + "' is not a year");
          return;
        }
        int month = MonthNumber(h.Get(f, "Month"));
        double amount = 0;
        std::string_view amount_text = h.Get(f, amount_col);
        if (amount_text.find('$') != std::string_view::npos) dollar_amounts = true;
        if (!ParseAmount(amount_text, &amount) || amount < 0) {
          AddIssue(&out, ctx.label, line, amount_col, "'" + std::string(amount_text) + "' is not an amount",
                   "AEI gives US$ millions, e.g. 1740");
          return;
        }
        std::optional<std::string> host = names.Map("Country", Utf8Text(h.Get(f, "Country")), line, &out);
        if (!host) return;
        last_year = std::max(last_year, static_cast<int>(year));
        std::string entity = Utf8Text(h.Get(f, entity_col)), party = Utf8Text(h.Get(f, "Transaction Party"));
        std::string sector = Utf8Text(h.Get(f, "Sector"));
        if (sector.empty()) sector = "Unspecified";
        std::string name = entity.empty() ? "Chinese investor" : entity;
        name += party.empty() ? " in " + ctx.countries->Find(*host)->display_name : " \u2013 " + party;
        RecordBuilder b("projects");
        char date[16];
        if (month > 0) {
          std::snprintf(date, sizeof date, "%04d-%02d", static_cast<int>(year), month);
        } else {
          std::snprintf(date, sizeof date, "%04d", static_cast<int>(year));
        }
        b.Set("id", std::to_string(line)).Set("date", std::string(date)).Set("name", name);
        b.Set("investor", "CHN").Set("host", *host).Set("entity", entity).Set("counterpart", party);
        b.Set("sector", sector).Set("subsector", std::string(h.Get(f, "Subsector")));
        b.Set("value", amount * 1e6).Set("currency", "USD").Set("scale", "millions");
        // "49%" (2021 edition) or a fraction "0.49" (2005-2018 and 2019 sheets);
        // several shares ("45%, 35%, 20%") are not one number and are left out.
        std::string_view share = h.Get(f, share_col);
        double share_pct = 0;
        if (!share.empty() && share.back() == '%' && ParseDouble(share.substr(0, share.size() - 1), &share_pct)) {
          b.Set("share_pct", share_pct);
        } else if (ParseDouble(share, &share_pct) && share_pct > 0 && share_pct <= 1) {
          b.Set("share_pct", std::round(share_pct * 1e8) / 1e6);  // 0.49 -> 49, not 49.000000000000007
        }
        std::string note;
        if (h.Get(f, "Greenfield") == "G") note = "greenfield";
        if (h.Get(f, "BRI") == "1") note += note.empty() ? "BRI country" : "; BRI country";
        b.Set("note", note);
        b.Set("locator", file + ":" + std::to_string(line));
        if (sheet == Sheet::kTroubled) b.Set("status", "troubled");
        out.records.push_back(b.Build(file, line));
        kinds.emplace_back(h.Get(f, "type_matched_to_2019fall"));
      }));
  if (!layout_error.ok()) return layout_error;
  // The sheet's kind, the edition (its last year) and the scope.
  std::string table;
  switch (sheet) {
    case Sheet::kInvestments:
      table = last_year > 2019 || dollar_amounts ? "all" : "investments";
      break;
    case Sheet::kConstruction: table = "construction"; break;
    case Sheet::kTroubled: table = "troubled"; break;
    case Sheet::kCombined:
    case Sheet::kTyped:
    case Sheet::kUnknown: table = "all"; break;
  }
  out.scope = "aei" + std::to_string(last_year) + "-" + table;
  out.layout = "aei-cgit-" + table;
  const std::string source_id = out.scope + ":source";
  out.sources.push_back(MakeSource(
      source_id, "China Global Investment Tracker (" + std::to_string(last_year) + " edition, " + table + ")",
      "American Enterprise Institute", "https://www.aei.org/china-global-investment-tracker/",
      "China Global Investment Tracker, American Enterprise Institute; transactions of US$100 million or more (" +
          file + ")",
      std::to_string(last_year)));
  for (size_t i = 0; i < out.records.size(); ++i) {
    Record& r = out.records[i];
    r.values[static_cast<size_t>(r.ColumnIndex("id"))] = out.scope + ":" + r.Text("id");
    r.values[static_cast<size_t>(r.ColumnIndex("source_id"))] = source_id;
    std::string kind = table == "construction" ? "construction" : table == "investments" ? "investment" : "";
    if (sheet == Sheet::kTyped && (kinds[i] == "investment" || kinds[i] == "construction")) kind = kinds[i];
    if (sheet == Sheet::kTroubled) kind = "investment_or_construction";
    r.values[static_cast<size_t>(r.ColumnIndex("kind"))] = kind.empty() ? "investment_or_construction" : kind;
  }
  return out;
}

}  // namespace bilat::ingest
