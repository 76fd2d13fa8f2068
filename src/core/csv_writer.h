// Writing CSV that is safe to open in a spreadsheet: fields quoted per RFC
// 4180, and a field a spreadsheet would run as a formula (starting with =,
// +, -, @, tab or CR, and neither a plain number nor a lone "-") given a
// leading apostrophe inside the quotes, so "=HYPERLINK(...)" stays text.
#ifndef BILAT_CORE_CSV_WRITER_H_
#define BILAT_CORE_CSV_WRITER_H_

#include <string>
#include <string_view>
#include <vector>

namespace bilat {

// One CSV field, quoted when it holds a comma, quote, CR or LF (quotes
// doubled) or when it would be run as a formula.
std::string CsvField(std::string_view s);
// A row of fields joined with commas, without the line end.
std::string CsvRow(const std::vector<std::string>& fields);

}  // namespace bilat

#endif  // BILAT_CORE_CSV_WRITER_H_
