// Streaming CSV reader over libcsv for the trade and macro loaders: feeds the
// file in large chunks and hands each record to a callback with its physical
// line, so files of any size are read in constant memory.
#ifndef BILAT_INGEST_TRADE_CSV_STREAM_H_
#define BILAT_INGEST_TRADE_CSV_STREAM_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace bilat::ingest {

// One record. `fields` point into the reader's buffers and live only until the
// callback returns. `line` is the 1-based physical line the record starts on
// (a UTF-8 byte-order mark and blank lines are counted as the file has them;
// a quoted cell spanning lines moves later records down).
struct CsvRecord {
  const std::vector<std::string_view>& fields;
  uint64_t line;
};

// Reads `path` and calls `on_record` for each non-empty record, in order,
// until it returns false. A UTF-8 byte-order mark is dropped. Returns IoError
// if the file cannot be read, InvalidArgument "label:line: ..." for malformed
// quoting (an unterminated or stray quote); records before it were delivered.
Status StreamCsvFile(const std::string& path, const std::string& label,
                     const std::function<bool(const CsvRecord&)>& on_record);

}  // namespace bilat::ingest

#endif  // BILAT_INGEST_TRADE_CSV_STREAM_H_
