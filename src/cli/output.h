// Writing data-derived text to a terminal or a CSV file safely: CSV fields
// quoted per RFC 4180 with spreadsheet formulas neutralised, and table cells
// without control characters (no terminal escape sequences, no broken rows).
#ifndef BILAT_CLI_OUTPUT_H_
#define BILAT_CLI_OUTPUT_H_

#include <string>
#include <string_view>
#include <vector>

#include "core/csv_writer.h"

namespace bilat::cli {

// CSV fields and rows (core/csv_writer.h), for the commands.
using bilat::CsvField;
using bilat::CsvRow;

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
