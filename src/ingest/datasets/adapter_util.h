// Helpers the dataset adapters share; not part of the library's interface.
#ifndef BILAT_INGEST_DATASETS_ADAPTER_UTIL_H_
#define BILAT_INGEST_DATASETS_ADAPTER_UTIL_H_

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/country.h"
#include "core/record.h"
#include "core/text.h"
#include "ingest/datasets/dataset_types.h"
#include "ingest/trade/csv_stream.h"

namespace bilat::ingest::dataset_internal {

// Builds a registry-kind Record column by column; columns not set take the
// schema's default (or NULL). Values are given already normalised: countries
// as alpha-3, dates as ISO text, money in units of the currency.
class RecordBuilder {
 public:
  explicit RecordBuilder(std::string_view kind);
  RecordBuilder& Set(std::string_view column, Value value);
  Record Build(const std::string& origin_file, uint64_t line) const;

 private:
  const KindSpec* kind_;
  std::vector<Value> values_;
};

// A sources-kind Record.
Record MakeSource(const std::string& id, const std::string& title, const std::string& publisher,
                  const std::string& url, const std::string& citation, const std::string& published);

// Maps a dataset's country names and codes to ISO alpha-3: first the
// dataset's own table in data/dataset_country_names.tsv (names the ISO list
// and the alias table do not know, and names that are deliberately not
// countries), then bilat's country registry. Every name it cannot map is
// kept in the result's `unmapped` list with its first line and row count.
class CountryNames {
 public:
  // Loads the table for `dataset` (rows for "*" apply to every dataset).
  static Result<CountryNames> Load(const std::string& dataset, const CountryRegistry& countries,
                                   const std::string& data_dir);
  // The alpha-3 code, or nullopt (the name is then listed in `out->unmapped`).
  std::optional<std::string> Map(std::string_view field, std::string_view name, uint64_t line,
                                 DatasetLoadResult* out) const;
  // Lists a name whose rows the adapter skips on purpose (a regional
  // project naming several countries), with the reason.
  void SkipOnPurpose(std::string_view field, std::string_view name, uint64_t line, std::string why,
                     DatasetLoadResult* out) const;
  // The same mapping without listing a failure (for names that are context,
  // such as the venue of a meeting).
  std::optional<std::string> Lookup(std::string_view name) const;

 private:
  const CountryRegistry* countries_ = nullptr;
  struct Entry {
    std::string alpha3;  // "" = deliberately not a country
    std::string why;
  };
  std::map<std::string, Entry> table_;  // by lower-cased name
};

// Reads a CSV file with a header; calls `row` with the cells by column name.
// Checks that every column in `required` is in the header (an error naming
// the missing ones and the header found). Rows of another width than the
// header are reported as issues and skipped.
class CsvRows {
 public:
  explicit CsvRows(const std::vector<std::string_view>& header_fields);
  // Index of a column, or -1.
  int Index(std::string_view name) const;
  std::string_view Get(const std::vector<std::string_view>& fields, std::string_view name) const;

 private:
  std::vector<std::string> names_;
};

using RowFn = std::function<void(const CsvRows& header, const std::vector<std::string_view>& fields, uint64_t line)>;
Status ReadCsvWithHeader(const std::string& path, const std::string& label,
                         const std::vector<std::string>& required, DatasetLoadResult* out, const RowFn& row);

// Appends an issue (capped at 10,000 per file; more are counted).
void AddIssue(DatasetLoadResult* out, const std::string& file, uint64_t line, std::string field,
              std::string message, std::string hint = "");

bool ParseDouble(std::string_view text, double* out);
bool ParseInt(std::string_view text, int64_t* out);
// "january" / "Jan" -> 1; 0 when not a month name.
int MonthNumber(std::string_view name);
// Lower-case ASCII id fragment: letters and digits kept, runs of anything
// else become one '-', at most `max` characters.
std::string Slug(std::string_view text, size_t max = 40);
// Text as UTF-8: valid UTF-8 is kept; anything else is read as Windows-1252
// (AEI's verbatim Excel exports), so no invalid byte reaches the store.
std::string Utf8Text(std::string_view text);
// Base name of a path, for locators ("file.csv:12").
std::string BaseName(const std::string& path);

}  // namespace bilat::ingest::dataset_internal

#endif  // BILAT_INGEST_DATASETS_ADAPTER_UTIL_H_
