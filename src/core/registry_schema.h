// The registry schema: which kinds of curated facts bilat knows, and the
// columns of each. One table drives validation (ingest/registry), storage
// (store) and the format documentation (docs/formats/registry.md), so the
// three cannot drift apart unnoticed: tests compare them.
#ifndef BILAT_CORE_REGISTRY_SCHEMA_H_
#define BILAT_CORE_REGISTRY_SCHEMA_H_

#include <span>
#include <string_view>
#include <vector>

namespace bilat {

enum class ColumnType {
  kId,           // [a-z0-9._-]{1,64}, unique within the file
  kText,         // any UTF-8 text
  kCountry,      // resolved through CountryRegistry, stored as alpha-3
  kCountryList,  // ';'-separated countries, stored as "CHN;KAZ"
  kDate,         // YYYY, YYYY-MM or YYYY-MM-DD, stored as written
  kYear,         // a calendar year 1900..2100
  kDecimal,      // plain decimal number
  kPercent,      // decimal percentage, -1000..1000 (growth can exceed 100%)
  kCount,        // integer >= 1
  kEnum,         // one of ColumnSpec::allowed
  kMoney,        // decimal, multiplied by the row's `scale` when stored
  kCurrency,     // ISO 4217 code of three capital letters
  kScale,        // units | thousands | millions | billions
  kSourceRef,    // id of a row in sources.csv
};

struct ColumnSpec {
  std::string_view name;
  ColumnType type;
  bool required;
  std::vector<std::string_view> allowed = {};  // for kEnum
  std::string_view default_value = {};         // stored when the cell is blank
};

// How a kind's rows are matched to a country pair (A, B) in a report.
enum class PairRule {
  kNone,         // sources: not pair-specific
  kTwoColumns,   // {pair_columns[0], pair_columns[1]} == {A, B}
  kListHasBoth,  // the country list in pair_columns[0] contains A and B
  kOneOfPair,    // pair_columns[0] is A or B (indicators, targets)
};

struct KindSpec {
  std::string_view name;   // table name and file stem: "exchanges"
  std::string_view file;   // "exchanges.csv"
  std::string_view title;  // "high-level exchanges"
  std::vector<ColumnSpec> columns;  // provenance columns included
  PairRule pair_rule;
  std::vector<std::string_view> pair_columns;
};

// All kinds, sources first (the others reference it).
std::span<const KindSpec> RegistryKinds();
const KindSpec* FindKind(std::string_view name);
std::string_view ColumnTypeName(ColumnType type);

}  // namespace bilat

#endif  // BILAT_CORE_REGISTRY_SCHEMA_H_
