// Writing data-derived text to a terminal or a CSV file safely: CSV fields
// quoted per RFC 4180 with spreadsheet formulas neutralised, and table cells
// without control characters (no terminal escape sequences, no broken rows).
#ifndef BILAT_CLI_OUTPUT_H_
#define BILAT_CLI_OUTPUT_H_

#include <string>
#include <string_view>
#include <vector>

namespace bilat::cli {

// One CSV field: quoted when it holds a comma, quote, CR or LF (quotes
// doubled); a field a spreadsheet would run as a formula (starting with =,
// +, -, @, tab or CR, and neither a plain number nor a lone "-") gets a leading apostrophe
// inside the quotes, so "=HYPERLINK(...)" stays text.
std::string CsvField(std::string_view s);
// A row of fields joined with commas, without the line end.
std::string CsvRow(const std::vector<std::string>& fields);
// Text for a terminal table: control characters (C0, DEL, C1 as UTF-8)
// become spaces, so a value cannot move the cursor, ring or end a row.
std::string TableCell(std::string_view s);

// Prints rows as a table on stdout: cells through TableCell, columns padded
// to their widest cell, two spaces between them.
void PrintTable(std::vector<std::vector<std::string>> rows);
// Prints rows as CSV on stdout (CsvRow per row).
void PrintCsv(const std::vector<std::vector<std::string>>& rows);

}  // namespace bilat::cli

#endif  // BILAT_CLI_OUTPUT_H_
