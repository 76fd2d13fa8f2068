// Record: one validated row of a registry kind, with its provenance.
//
// Values are kept in the column order of the row's KindSpec, already
// normalised (countries as alpha-3, money in units of its currency, defaults
// filled in). A Record does not own its KindSpec; specs are static.
#ifndef BILAT_CORE_RECORD_H_
#define BILAT_CORE_RECORD_H_

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/date.h"
#include "core/registry_schema.h"

namespace bilat {

// NULL, text, integer or real: the SQLite storage classes bilat uses.
using Value = std::variant<std::monostate, std::string, long long, double>;

struct Record {
  const KindSpec* kind = nullptr;
  std::vector<Value> values;  // parallel to kind->columns
  std::string origin_file;    // registry file the row came from, e.g. "exchanges.csv"
  int origin_line = 0;        // its line in that file (1 = header)

  // Index of a column, or -1 if the kind has no such column.
  int ColumnIndex(std::string_view column) const;
  // Typed access by column name; empty/nullopt when NULL or absent.
  std::string Text(std::string_view column) const;
  std::optional<double> Number(std::string_view column) const;
  std::optional<long long> Int(std::string_view column) const;
  // The column parsed as a Date (unset Date when NULL).
  Date DateOf(std::string_view column) const;
  // "exchanges.csv:14"
  std::string Origin() const;
};

}  // namespace bilat

#endif  // BILAT_CORE_RECORD_H_
