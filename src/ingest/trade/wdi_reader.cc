#include "ingest/trade/wdi_reader.h"

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
using trade_internal::TrimView;

constexpr int kPreambleLinesMax = 20;  // WDI has 4; more means not WDI

int FindCol(const std::vector<std::string>& header, std::string_view name) {
  auto it = std::find(header.begin(), header.end(), name);
  return it == header.end() ? -1 : static_cast<int>(it - header.begin());
}

class WdiLoader {
 public:
  WdiLoader(const std::string& label, const CountryRegistry& countries, const LoadLimits& limits,
            IndicatorLoadResult* out)
      : countries_(countries),
        out_(out),
        sink_(label, limits, &out->issues, &out->issues_suppressed) {}

  // Returns false to stop reading (refusal in `status_`).
  bool Record(const CsvRecord& rec) {
    if (layout_ == Layout::kNone) {
      header_fields_ = rec.fields.size();
      return Header(rec);
    }
    ++out_->rows_read;
    // A row of another width than the header: most often a file cut short.
    if (rec.fields.size() != header_fields_) {
      sink_.Add(rec.line, "", std::to_string(rec.fields.size()) + " fields where the header has " +
                                  std::to_string(header_fields_) + "; row skipped",
                "a short last line usually means the file was cut off while downloading or copying");
      return true;
    }
    auto get = [&](int col) -> std::string_view {
      return col >= 0 && static_cast<size_t>(col) < rec.fields.size() ? TrimView(rec.fields[col])
                                                                      : std::string_view();
    };
    std::string_view country = get(country_col_);
    if (layout_ == Layout::kApi) {
      if (country.empty()) {
        sink_.Add(rec.line, "economy", "empty economy code; row skipped");
        return true;
      }
      for (const ApiSeries& a : api_series_) {
        std::string_view year_text = get(a.time_col);
        // wbgapi writes the year as 2020 or YR2020.
        if (year_text.size() > 2 && year_text.substr(0, 2) == "YR") year_text.remove_prefix(2);
        int64_t year = 0;
        if (get(a.value_col).empty()) continue;
        if (!ParseInt(year_text, &year) || year < kMinTradeYear || year > kMaxTradeYear) {
          sink_.Add(rec.line, header_[a.time_col],
                    "impossible year '" + std::string(get(a.time_col)) + "'; value skipped");
          continue;
        }
        Value(rec.line, country, a.series, static_cast<int>(year), get(a.value_col), header_[a.value_col]);
      }
      return true;
    }
    std::string_view series = get(series_col_);
    if (country.empty() || series.empty()) {
      sink_.Add(rec.line, country.empty() ? header_[country_col_] : header_[series_col_],
                std::string(country.empty() ? "empty economy code" : "empty series code") +
                    "; row skipped");
      return true;
    }
    if (layout_ == Layout::kWide) {
      for (auto [col, year] : year_cols_)
        Value(rec.line, country, series, year, get(col), header_[col]);
    } else {
      std::string_view year_text = get(year_col_);
      int64_t year = 0;
      if (!ParseInt(year_text, &year) || year < kMinTradeYear || year > kMaxTradeYear) {
        sink_.Add(rec.line, "year", "impossible year '" + std::string(year_text) + "'; row skipped",
                  "expected a year between " + std::to_string(kMinTradeYear) + " and " +
                      std::to_string(kMaxTradeYear));
        return true;
      }
      Value(rec.line, country, series, static_cast<int>(year), get(value_col_), "value");
    }
    return true;
  }

  Status Finish() const {
    if (!status_.ok()) return status_;
    if (layout_ == Layout::kNone) {
      return Status::InvalidArgument(sink_.file() + ": unknown WDI layout; columns found: " +
                                     JoinNames(first_line_) + "; layouts expected: " + kExpected);
    }
    return Status::Ok();
  }

 private:
  enum class Layout { kNone, kWide, kLong, kApi };
  static constexpr const char* kExpected =
      "wdi-wide (Country Name, Country Code, Indicator Name, Indicator Code, 1960, 1961, ...), "
      "wdi-long (country_code, Country, year, indicator_name, series, value), "
      "wdi-api (economy, SERIES, SERIES:T, ... as the World Bank's wbgapi writes it)";
  struct ApiSeries {
    std::string series;
    int value_col = -1, time_col = -1;
  };

  bool Header(const CsvRecord& rec) {
    std::vector<std::string> names;
    for (auto f : rec.fields) names.emplace_back(TrimView(f));
    if (++header_candidates_ == 1) first_line_ = names;
    if (FindCol(names, "Country Code") >= 0 && FindCol(names, "Indicator Code") >= 0) {
      layout_ = Layout::kWide;
      out_->layout = "wdi-wide";
      header_ = std::move(names);
      country_col_ = FindCol(header_, "Country Code");
      series_col_ = FindCol(header_, "Indicator Code");
      for (size_t c = 0; c < header_.size(); ++c) {
        if (header_[c].empty() || static_cast<int>(c) == country_col_ ||
            static_cast<int>(c) == series_col_ || header_[c] == "Country Name" ||
            header_[c] == "Indicator Name") {
          continue;
        }
        int64_t year = 0;
        if (ParseInt(header_[c], &year) && year >= kMinTradeYear && year <= kMaxTradeYear) {
          year_cols_.emplace_back(static_cast<int>(c), static_cast<int>(year));
        } else {
          sink_.Add(rec.line, header_[c],
                    "column '" + header_[c] + "' is not a year; its values are ignored");
        }
      }
      return true;
    }
    if (FindCol(names, "country_code") >= 0 && FindCol(names, "series") >= 0 &&
        FindCol(names, "year") >= 0 && FindCol(names, "value") >= 0) {
      layout_ = Layout::kLong;
      out_->layout = "wdi-long";
      header_ = std::move(names);
      country_col_ = FindCol(header_, "country_code");
      series_col_ = FindCol(header_, "series");
      year_col_ = FindCol(header_, "year");
      value_col_ = FindCol(header_, "value");
      return true;
    }
    // wbgapi's data frames: "economy" and, per series, its value column and
    // a "<series>:T" column with the year.
    if (!names.empty() && names[0] == "economy") {
      for (size_t c = 1; c < names.size(); ++c) {
        int time = FindCol(names, names[c] + ":T");
        if (time >= 0) api_series_.push_back({names[c], static_cast<int>(c), time});
      }
      if (!api_series_.empty()) {
        layout_ = Layout::kApi;
        out_->layout = "wdi-api";
        header_ = std::move(names);
        country_col_ = 0;
        return true;
      }
    }
    // A wide file's preamble ("Data Source","World Development Indicators").
    if (header_candidates_ < kPreambleLinesMax && !names.empty() &&
        (names[0] == "Data Source" || names[0] == "Last Updated Date")) {
      return true;
    }
    const bool metadata = FindCol(names, "IncomeGroup") >= 0 || FindCol(names, "SOURCE_NOTE") >= 0;
    status_ = Status::InvalidArgument(
        sink_.file() + ":" + std::to_string(rec.line) + ": " +
        (metadata ? "a WDI metadata file (country or series descriptions, no values); ingest the "
                    "API_<series>_DS2_*.csv data file beside it instead. Columns found: "
                  : "unknown WDI layout; columns found: ") +
        JoinNames(names) + "; layouts expected: " + kExpected);
    return false;
  }

  void Value(uint64_t line, std::string_view country, std::string_view series, int year,
             std::string_view text, const std::string& field) {
    if (text.empty() || text == "..") {
      ++out_->missing_values;
      return;
    }
    IndicatorObservation obs;
    if (!ParseNumber(text, &obs.value)) {
      sink_.Add(line, field,
                "malformed number '" + std::string(text) + "' for " + std::string(country) + " " +
                    std::string(series) + " " + std::to_string(year) + "; value skipped");
      return;
    }
    obs.country = std::string(country);
    obs.series = std::string(series);
    obs.year = year;
    obs.line = line;
    std::string key = obs.country + "|" + obs.series + "|" + std::to_string(year);
    auto [it, fresh] = seen_.emplace(std::move(key), line);
    if (!fresh) {
      sink_.Add(line, field,
                "duplicate observation: " + obs.country + " " + obs.series + " " +
                    std::to_string(year) + " already given at line " + std::to_string(it->second) +
                    "; value skipped");
      return;
    }
    obs.is_country = IsCountry(obs.country);
    out_->observations.push_back(std::move(obs));
  }

  bool IsCountry(const std::string& code) {
    auto it = is_country_.find(code);
    if (it != is_country_.end()) return it->second;
    bool yes = code == "XKX" || code == "CHI";
    if (!yes && code.size() == 3) {
      const Country* c = countries_.Find(code);
      yes = c && c->alpha3 == code;
    }
    is_country_.emplace(code, yes);
    return yes;
  }

  const CountryRegistry& countries_;
  IndicatorLoadResult* out_;
  IssueSink sink_;
  Layout layout_ = Layout::kNone;
  Status status_;
  int header_candidates_ = 0;
  std::vector<std::string> first_line_;
  std::vector<std::string> header_;
  int country_col_ = -1, series_col_ = -1, year_col_ = -1, value_col_ = -1;
  std::vector<std::pair<int, int>> year_cols_;  // column, year
  std::vector<ApiSeries> api_series_;
  size_t header_fields_ = 0;
  std::unordered_map<std::string, uint64_t> seen_;
  std::unordered_map<std::string, bool> is_country_;
};

}  // namespace

Result<IndicatorLoadResult> ReadWdiCsv(const std::string& path, const std::string& label,
                                       const CountryRegistry& countries, const LoadLimits& limits) {
  IndicatorLoadResult result;
  WdiLoader loader(label, countries, limits, &result);
  Status st = StreamCsvFile(path, label, [&](const CsvRecord& rec) { return loader.Record(rec); });
  BILAT_RETURN_IF_ERROR(loader.Finish());
  BILAT_RETURN_IF_ERROR(st);
  return result;
}

}  // namespace bilat::ingest
