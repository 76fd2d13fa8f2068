#include "ingest/trade/comtrade_reader.h"

#include <algorithm>
#include <unordered_map>

#include "ingest/trade/csv_stream.h"
#include "ingest/trade/load_util.h"

namespace bilat::ingest {
namespace {

using trade_internal::IssueSink;
using trade_internal::JoinNames;
using trade_internal::ParseInt;
using trade_internal::ParseNumber;
using trade_internal::ResolveTradeCountry;
using trade_internal::TrimView;

// Column positions for one file; -1 = absent.
struct Columns {
  int year = -1, period = -1, flow_code = -1, flow_desc = -1;
  int reporter_code = -1, reporter_iso = -1, reporter_name = -1;
  int partner_code = -1, partner_iso = -1, partner_name = -1;
  int partner2_code = -1, customs_code = -1, mot_code = -1;
  int product = -1, value = -1, qty = -1, qty_unit = -1;
};

// A layout: its name, the columns it must have (alternatives joined by '|'),
// and the names of every field it reads.
struct Layout {
  const char* name;
  std::vector<std::string> required;
};

const std::vector<Layout>& Layouts() {
  static const std::vector<Layout> kLayouts = {
      {"comtrade-legacy",
       {"Year", "Period", "Trade Flow Code", "Reporter Code", "Reporter ISO", "Partner Code",
        "Partner ISO", "Commodity Code", "Trade Value (US$)"}},
      {"comtrade-api",
       {"refYear|period", "flowCode|flowDesc", "reporterCode|reporterISO", "partnerCode|partnerISO",
        "cmdCode", "primaryValue"}},
  };
  return kLayouts;
}

int Find(const std::vector<std::string>& header, std::string_view name) {
  auto it = std::find(header.begin(), header.end(), name);
  return it == header.end() ? -1 : static_cast<int>(it - header.begin());
}

// Names in `required` the header lacks ("a|b" needs either).
std::vector<std::string> Missing(const std::vector<std::string>& header,
                                 const std::vector<std::string>& required) {
  std::vector<std::string> missing;
  for (const auto& alt : required) {
    bool found = false;
    size_t start = 0;
    while (start <= alt.size()) {
      size_t bar = alt.find('|', start);
      if (bar == std::string::npos) bar = alt.size();
      found = found || Find(header, std::string_view(alt).substr(start, bar - start)) >= 0;
      start = bar + 1;
    }
    if (!found) {
      std::string shown = alt;
      std::replace(shown.begin(), shown.end(), '|', '/');
      missing.push_back(shown);
    }
  }
  return missing;
}

Columns MapColumns(const std::vector<std::string>& h, bool legacy) {
  Columns c;
  if (legacy) {
    c.year = Find(h, "Year");
    c.period = Find(h, "Period");
    c.flow_code = Find(h, "Trade Flow Code");
    c.reporter_code = Find(h, "Reporter Code");
    c.reporter_iso = Find(h, "Reporter ISO");
    c.reporter_name = Find(h, "Reporter");
    c.partner_code = Find(h, "Partner Code");
    c.partner_iso = Find(h, "Partner ISO");
    c.partner_name = Find(h, "Partner");
    c.partner2_code = Find(h, "2nd Partner Code");
    c.customs_code = Find(h, "Customs Proc. Code");
    c.mot_code = Find(h, "Mode of Transport Code");
    c.product = Find(h, "Commodity Code");
    c.value = Find(h, "Trade Value (US$)");
    c.qty = Find(h, "Qty");
    c.qty_unit = Find(h, "Qty Unit");
  } else {
    c.year = Find(h, "refYear");
    c.period = Find(h, "period");
    c.flow_code = Find(h, "flowCode");
    c.flow_desc = Find(h, "flowDesc");
    c.reporter_code = Find(h, "reporterCode");
    c.reporter_iso = Find(h, "reporterISO");
    c.reporter_name = Find(h, "reporterDesc");
    c.partner_code = Find(h, "partnerCode");
    c.partner_iso = Find(h, "partnerISO");
    c.partner_name = Find(h, "partnerDesc");
    c.partner2_code = Find(h, "partner2Code");
    c.customs_code = Find(h, "customsCode");
    c.mot_code = Find(h, "motCode");
    c.product = Find(h, "cmdCode");
    c.value = Find(h, "primaryValue");
    c.qty = Find(h, "qty");
    c.qty_unit = Find(h, "qtyUnitAbbr");
  }
  return c;
}

std::optional<TradeFlow::Flow> ParseFlow(std::string_view code, bool legacy) {
  using F = TradeFlow::Flow;
  if (legacy) {
    if (code == "1") return F::kImport;
    if (code == "2") return F::kExport;
    if (code == "3") return F::kReExport;
    if (code == "4") return F::kReImport;
    return std::nullopt;
  }
  if (code == "X" || code == "Export") return F::kExport;
  if (code == "M" || code == "Import") return F::kImport;
  if (code == "RX" || code == "Re-export") return F::kReExport;
  if (code == "RM" || code == "Re-import") return F::kReImport;
  return std::nullopt;
}

// True when `text` is empty or the code a source uses for "all" in a
// breakdown column (second partner World, customs C00, all modes of transport).
bool IsAllCode(std::string_view text) {
  text = TrimView(text);
  return text.empty() || text == "0" || text == "C00" || text == "World";
}

class ComtradeLoader {
 public:
  ComtradeLoader(const std::string& label, const CountryRegistry& countries,
                 const LoadLimits& limits, TradeLoadResult* out)
      : countries_(countries),
        out_(out),
        sink_(label, limits, &out->issues, &out->issues_suppressed) {}

  // Header; returns the refusal for an unknown layout.
  Status Header(const std::vector<std::string_view>& fields) {
    for (auto f : fields) header_.emplace_back(TrimView(f));
    header_fields_ = fields.size();  // rows have as many fields, trailing empty ones included
    while (!header_.empty() && header_.back().empty()) header_.pop_back();
    for (size_t i = 0; i < Layouts().size(); ++i) {
      if (Missing(header_, Layouts()[i].required).empty()) {
        legacy_ = i == 0;
        out_->layout = Layouts()[i].name;
        cols_ = MapColumns(header_, legacy_);
        return Status::Ok();
      }
    }
    std::string expected;
    for (const auto& layout : Layouts()) {
      std::vector<std::string> missing = Missing(header_, layout.required);
      if (!expected.empty()) expected += "; ";
      expected += std::string(layout.name) + " (needs " + JoinNames(layout.required) +
                  "; missing " + JoinNames(missing) + ")";
    }
    for (auto& name : expected) name = name == '|' ? '/' : name;
    return Status::InvalidArgument(
        sink_.file() + ":1: unknown UN Comtrade layout; columns found: " + JoinNames(header_) +
        "; layouts expected: " + expected);
  }

  void Row(const std::vector<std::string_view>& f, uint64_t line) {
    ++out_->rows_read;
    // A row shorter or longer than the header is not a row of the layout:
    // most often a file cut short (its last line ends mid-field), whose
    // value would otherwise be read from a partial number.
    if (f.size() != header_fields_) {
      sink_.Add(line, "", std::to_string(f.size()) + " fields where the header has " +
                              std::to_string(header_fields_) + "; row skipped",
                "a short last line usually means the file was cut off while downloading or copying");
      return;
    }
    auto get = [&](int col) -> std::string_view {
      return col >= 0 && static_cast<size_t>(col) < f.size() ? TrimView(f[col])
                                                             : std::string_view();
    };
    auto name_of = [&](int col) { return col >= 0 ? header_[col] : std::string(); };

    TradeFlow flow;
    flow.line = line;
    // Year and period.
    std::string_view period = get(cols_.period);
    int64_t year = 0;
    std::string_view year_text = cols_.year >= 0 ? get(cols_.year) : period.substr(0, 4);
    if (!ParseInt(year_text, &year) || year < kMinTradeYear || year > kMaxTradeYear) {
      sink_.Add(line, name_of(cols_.year >= 0 ? cols_.year : cols_.period),
                "impossible year '" + std::string(year_text) + "'; row skipped",
                "expected a year between " + std::to_string(kMinTradeYear) + " and " +
                    std::to_string(kMaxTradeYear));
      return;
    }
    flow.year = static_cast<int>(year);
    if (!period.empty() && period != year_text) {
      if (period.substr(0, 4) != year_text) {
        sink_.Add(line, name_of(cols_.period),
                  "period '" + std::string(period) + "' is not in year " + std::to_string(year) +
                      "; row skipped");
        return;
      }
      flow.period = std::string(period);
    }
    // Flow.
    // flowCode when the file has it and the row fills it, else flowDesc.
    int flow_col =
        cols_.flow_code >= 0 && !get(cols_.flow_code).empty() ? cols_.flow_code : cols_.flow_desc;
    if (flow_col < 0) flow_col = cols_.flow_code;
    std::optional<TradeFlow::Flow> kind = ParseFlow(get(flow_col), legacy_);
    if (!kind) {
      sink_.Add(line, name_of(flow_col),
                "flow '" + std::string(get(flow_col)) +
                    "' is not export, import, re-export or re-import; row skipped",
                legacy_ ? "legacy Trade Flow Code is 1 import, 2 export, 3 re-export, 4 re-import"
                        : "flowCode is X, M, RX or RM");
      return;
    }
    flow.flow = *kind;
    // Breakdowns would be counted twice next to their totals.
    for (int col : {cols_.partner2_code, cols_.customs_code, cols_.mot_code}) {
      if (col >= 0 && !IsAllCode(get(col))) {
        sink_.Add(
            line, name_of(col),
            "row is a breakdown by " + name_of(col) + " '" + std::string(get(col)) +
                "'; row skipped",
            "download totals: second partner World (0), customs C00, all modes of transport (0)");
        return;
      }
    }
    // Countries.
    if (!Country(get(cols_.reporter_iso), get(cols_.reporter_code), get(cols_.reporter_name),
                 "reporter", line, &flow.reporter) ||
        !Country(get(cols_.partner_iso), get(cols_.partner_code), get(cols_.partner_name),
                 "partner", line, &flow.partner)) {
      return;
    }
    // Product.
    std::string_view product = get(cols_.product);
    if (product.empty()) {
      sink_.Add(line, name_of(cols_.product), "empty commodity code; row skipped");
      return;
    }
    flow.product = std::string(product);
    bool digits =
        std::all_of(product.begin(), product.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (digits && product.size() % 2 == 1) {
      flow.product = "0" + flow.product;
      sink_.Add(line, name_of(cols_.product),
                "commodity code '" + std::string(product) +
                    "' has an odd number of digits; read as '" + flow.product + "'; row kept",
                "a spreadsheet probably dropped the leading zero: keep HS codes as text");
    }
    // Value.
    std::string_view value = get(cols_.value);
    if (!ParseNumber(value, &flow.value_usd)) {
      sink_.Add(line, name_of(cols_.value),
                value.empty() ? "missing trade value; row skipped"
                              : "malformed trade value '" + std::string(value) + "'; row skipped",
                "expected a number of US dollars, without thousands separators");
      return;
    }
    if (flow.value_usd < 0) {
      sink_.Add(line, name_of(cols_.value),
                "negative trade value " + std::string(value) + "; row skipped",
                "trade values are never negative; correct the value where the file came from");
      return;
    }
    // Quantity.
    std::string_view unit = get(cols_.qty_unit);
    bool no_unit = unit.empty() || unit == "No Quantity" || unit == "N/A";
    std::string_view qty = get(cols_.qty);
    if (!qty.empty() && !no_unit) {
      double q = 0;
      if (!ParseNumber(qty, &q)) {
        sink_.Add(line, name_of(cols_.qty),
                  "malformed quantity '" + std::string(qty) + "'; row kept without quantity");
      } else if (q < 0) {
        sink_.Add(line, name_of(cols_.qty),
                  "negative quantity " + std::string(qty) + "; row kept without quantity");
      } else {
        flow.quantity = q;
        flow.quantity_unit = std::string(unit);
      }
    }
    // Duplicates and mixed units.
    std::string key = flow.reporter + "|" + flow.partner + "|" + std::string(FlowName(flow.flow)) +
                      "|" + flow.product + "|" + std::to_string(flow.year) + "|" + flow.period;
    auto [it, inserted] = seen_.emplace(std::move(key), line);
    if (!inserted) {
      sink_.Add(line, "",
                "duplicate row: same reporter, partner, flow, product, year and period as line " +
                    std::to_string(it->second) + "; row skipped",
                "remove one of the two rows, or load them from separate files");
      return;
    }
    if (flow.quantity) {
      std::string unit_key = flow.reporter + "|" + flow.product + "|" + std::to_string(flow.year);
      auto [u, fresh] = units_.try_emplace(std::move(unit_key), flow.quantity_unit, line);
      if (!fresh && u->second.first != flow.quantity_unit) {
        sink_.Add(line, name_of(cols_.qty_unit),
                  "mixed quantity units for " + flow.reporter + " product " + flow.product +
                      " in " + std::to_string(flow.year) + ": '" + flow.quantity_unit +
                      "' here, '" + u->second.first + "' at line " +
                      std::to_string(u->second.second) + "; row kept",
                  "quantities in different units cannot be added");
      }
    }
    out_->flows.push_back(std::move(flow));
  }

 private:
  bool Country(std::string_view iso, std::string_view code, std::string_view name, const char* role,
               uint64_t line, std::string* alpha3) {
    std::optional<std::string> r;
    if (!iso.empty()) r = ResolveTradeCountry(countries_, iso);
    if (!r && !code.empty()) r = ResolveTradeCountry(countries_, code);
    if (r) {
      *alpha3 = std::move(*r);
      return true;
    }
    std::string what = "unknown " + std::string(role) + " code '" + std::string(code) + "'";
    if (!iso.empty()) what += " (ISO '" + std::string(iso) + "')";
    if (!name.empty()) what += " '" + std::string(name) + "'";
    sink_.Add(line, std::string(role), what + "; row skipped",
              "only countries with an ISO 3166-1 code, and the world (0), are loaded");
    return false;
  }

  const CountryRegistry& countries_;
  TradeLoadResult* out_;
  IssueSink sink_;
  std::vector<std::string> header_;
  size_t header_fields_ = 0;
  bool legacy_ = false;
  Columns cols_;
  std::unordered_map<std::string, uint64_t> seen_;
  std::unordered_map<std::string, std::pair<std::string, uint64_t>> units_;
};

}  // namespace

Result<TradeLoadResult> ReadComtradeCsv(const std::string& path, const std::string& label,
                                        const CountryRegistry& countries,
                                        const LoadLimits& limits) {
  TradeLoadResult result;
  ComtradeLoader loader(label, countries, limits, &result);
  bool have_header = false;
  Status header_status;
  Status status = StreamCsvFile(path, label, [&](const CsvRecord& rec) {
    if (!have_header) {
      have_header = true;
      header_status = loader.Header(rec.fields);
      return header_status.ok();
    }
    loader.Row(rec.fields, rec.line);
    return true;
  });
  BILAT_RETURN_IF_ERROR(header_status);
  BILAT_RETURN_IF_ERROR(status);
  if (!have_header)
    return Status::InvalidArgument(label + ": empty file (expected a UN Comtrade header)");
  return result;
}

}  // namespace bilat::ingest
