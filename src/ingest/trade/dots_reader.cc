#include "ingest/trade/dots_reader.h"

#include <map>
#include <unordered_set>

#include "ingest/trade/csv_stream.h"
#include "ingest/trade/load_util.h"

namespace bilat::ingest {

using trade_internal::IssueSink;
using trade_internal::ParseNumber;
using trade_internal::TrimView;

Result<TradeLoadResult> ReadDotsCsv(const std::string& path, const std::string& label,
                                    const CountryRegistry& countries, const LoadLimits& limits) {
  TradeLoadResult out;
  out.layout = "imf-dots";
  IssueSink issues(label, limits, &out.issues, &out.issues_suppressed);
  constexpr const char* kColumns[] = {"reporter", "partner", "flow", "year", "value_usd_mn"};
  int col[5] = {-1, -1, -1, -1, -1};
  size_t width = 0;
  bool header = true;
  Status bad_header;
  struct Skipped {
    uint64_t rows = 0, first_line = 0;
  };
  std::map<std::string, Skipped> skipped;
  std::unordered_set<std::string> seen;  // reporter|partner|flow|year
  Status read = StreamCsvFile(path, label, [&](const CsvRecord& rec) {
    const auto& f = rec.fields;
    if (header) {
      header = false;
      width = f.size();
      for (size_t i = 0; i < f.size(); ++i) {
        for (int k = 0; k < 5; ++k) {
          if (TrimView(f[i]) == kColumns[k]) col[k] = static_cast<int>(i);
        }
      }
      for (int k = 0; k < 5; ++k) {
        if (col[k] < 0) {
          std::string found;
          for (size_t i = 0; i < f.size() && i < 10; ++i) found += (i ? "," : "") + std::string(TrimView(f[i]));
          bad_header = Status::InvalidArgument(label + ":1: not an IMF DOTS extract: no column '" + kColumns[k] +
                                               "' (expected reporter,partner,flow,year,value_usd_mn,estimated; "
                                               "found " + found + ")");
          return false;
        }
      }
      return true;
    }
    ++out.rows_read;
    if (f.size() != width) {
      issues.Add(rec.line, "", "row has " + std::to_string(f.size()) + " cells, the header " + std::to_string(width),
                 "the file may be cut short");
      return true;
    }
    auto cell = [&](int k) { return TrimView(f[static_cast<size_t>(col[k])]); };
    std::string codes[2];
    for (int k = 0; k < 2; ++k) {
      std::string_view code = cell(k);
      if (code == "_WLD") {
        codes[k] = "WLD";
      } else if ((!code.empty() && code[0] == '_') || code == "XKX") {
        Skipped& s = skipped[std::string(code)];
        if (!s.rows++) s.first_line = rec.line;
        ++out.rows_skipped;
        return true;
      } else if (const Country* c = code.size() == 3 ? countries.Find(code) : nullptr) {
        codes[k] = c->alpha3;
      } else {
        issues.Add(rec.line, kColumns[k], "unknown country code '" + std::string(code) + "'",
                   "DOTS uses ISO alpha-3 codes, and '_'-prefixed codes for aggregates");
        return true;
      }
    }
    std::string_view flow = cell(2);
    if (flow != "X" && flow != "M") {
      issues.Add(rec.line, "flow", "flow '" + std::string(flow) + "' is neither X (exports) nor M (imports)");
      return true;
    }
    double year = 0, value = 0;
    if (!ParseNumber(cell(3), &year) || year != static_cast<int>(year) || year < kMinTradeYear || year > kMaxTradeYear) {
      issues.Add(rec.line, "year", "'" + std::string(cell(3)) + "' is not a year");
      return true;
    }
    if (!ParseNumber(cell(4), &value) || value < 0) {
      issues.Add(rec.line, "value_usd_mn", "'" + std::string(cell(4)) + "' is not a value in US$ millions",
                 value < 0 ? "trade values are never negative" : "write digits with '.' for decimals");
      return true;
    }
    std::string key = codes[0] + "|" + codes[1] + "|" + std::string(flow) + "|" + std::string(cell(3));
    if (!seen.insert(key).second) {
      issues.Add(rec.line, "", "a second row for " + codes[0] + " " + std::string(flow) + " " + codes[1] + " " +
                                   std::string(cell(3)), "the first one stands");
      return true;
    }
    TradeFlow t;
    t.year = static_cast<int>(year);
    t.reporter = codes[0];
    t.partner = codes[1];
    t.flow = flow == "X" ? TradeFlow::Flow::kExport : TradeFlow::Flow::kImport;
    t.product = "TOTAL";
    t.value_usd = value * 1e6;
    t.line = rec.line;
    out.flows.push_back(std::move(t));
    return true;
  });
  if (!bad_header.ok()) return bad_header;
  BILAT_RETURN_IF_ERROR(read);
  if (header) return Status::InvalidArgument(label + ": empty file (expected an IMF DOTS CSV with a header)");
  for (const auto& [code, s] : skipped) {
    out.skipped_codes.push_back(code + ": " + std::to_string(s.rows) + (s.rows == 1 ? " row" : " rows") +
                                " from line " + std::to_string(s.first_line) +
                                (code == "XKX" ? " (Kosovo: XKX is a user code, not ISO 3166-1)"
                                               : " (an IMF aggregate or former state)"));
  }
  return out;
}

}  // namespace bilat::ingest
