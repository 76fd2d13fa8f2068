// CsvTable: a whole CSV file in memory, each cell with its line and column.
//
// Registry files are small and edited by hand, so exact error positions
// matter more than speed: the file is parsed with libcsv (RFC 4180) and every
// cell remembers where it starts, so messages can point at it.
#ifndef BILAT_INGEST_REGISTRY_CSV_TABLE_H_
#define BILAT_INGEST_REGISTRY_CSV_TABLE_H_

#include <string>
#include <vector>

#include "core/status.h"

namespace bilat::ingest {

struct CsvCell {
  std::string text;  // unquoted, surrounding blanks trimmed
  int line = 0;      // 1-based line where the cell starts
  int column = 0;    // 1-based character (not byte) column where it starts
};

struct CsvRow {
  int line = 0;  // line where the row starts
  std::vector<CsvCell> cells;
};

struct CsvTable {
  std::vector<CsvCell> header;  // first non-comment row
  std::vector<CsvRow> rows;     // data rows; blank and '#' rows dropped
};

// Parses CSV text. `name` is used in error messages only. A UTF-8 byte-order
// mark is skipped. Malformed quoting is an error naming line and column.
Result<CsvTable> ParseCsv(const std::string& name, const std::string& text);

// Reads and parses a file; `label` names it in error messages.
Result<CsvTable> ReadCsvFile(const std::string& path, const std::string& label);

}  // namespace bilat::ingest

#endif  // BILAT_INGEST_REGISTRY_CSV_TABLE_H_
