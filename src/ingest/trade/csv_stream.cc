#include "ingest/trade/csv_stream.h"

#include <csv.h>

#include <cstdio>
#include <memory>

namespace bilat::ingest {
namespace {

constexpr size_t kChunkBytes = 1 << 20;

struct StreamState {
  const std::function<bool(const CsvRecord&)>* on_record = nullptr;
  std::string text;                              // this record's field bytes
  std::vector<std::pair<size_t, size_t>> spans;  // offset, length in `text`
  std::vector<std::string_view> views;
  uint64_t line = 1;               // line the next record starts on
  uint64_t embedded_newlines = 0;  // inside quoted cells of this record
  bool stop = false;
};

void OnField(void* data, size_t len, void* user) {
  auto* st = static_cast<StreamState*>(user);
  const char* p = static_cast<const char*>(data);
  st->spans.emplace_back(st->text.size(), len);
  st->text.append(p, len);
  for (size_t i = 0; i < len; ++i) st->embedded_newlines += p[i] == '\n';
}

void OnRow(int terminator, void* user) {
  auto* st = static_cast<StreamState*>(user);
  // With CSV_REPALL_NL libcsv reports every line terminator: "\r\n" ends a
  // record on '\r' and then reports '\n' as an empty row. Lines are counted
  // on '\n' only.
  uint64_t record_line = st->line;
  st->line += st->embedded_newlines + (terminator == '\n' ? 1 : 0);
  st->embedded_newlines = 0;
  bool empty = st->spans.empty() || (st->spans.size() == 1 && st->spans[0].second == 0);
  if (!empty && !st->stop) {
    st->views.clear();
    for (auto [off, len] : st->spans) st->views.emplace_back(st->text.data() + off, len);
    if (!(*st->on_record)(CsvRecord{st->views, record_line})) st->stop = true;
  }
  st->spans.clear();
  st->text.clear();
}

}  // namespace

Status StreamCsvFile(const std::string& path, const std::string& label,
                     const std::function<bool(const CsvRecord&)>& on_record) {
  std::unique_ptr<FILE, int (*)(FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) return Status::IoError(label + ": cannot open for reading");
  csv_parser parser;
  if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) != 0) {
    return Status::Internal("libcsv could not start");
  }
  StreamState st;
  st.on_record = &on_record;
  std::vector<char> buf(kChunkBytes);
  bool first = true;
  Status status;
  while (!st.stop) {
    size_t n = std::fread(buf.data(), 1, buf.size(), file.get());
    if (n == 0) {
      if (std::ferror(file.get())) status = Status::IoError(label + ": read failed");
      break;
    }
    const char* p = buf.data();
    if (first) {
      first = false;
      if (n >= 3 && static_cast<unsigned char>(p[0]) == 0xEF &&
          static_cast<unsigned char>(p[1]) == 0xBB && static_cast<unsigned char>(p[2]) == 0xBF) {
        p += 3;
        n -= 3;
      }
    }
    if (csv_parse(&parser, p, n, OnField, OnRow, &st) != n) {
      status = Status::InvalidArgument(
          label + ":" + std::to_string(st.line + st.embedded_newlines) +
          ": malformed CSV quoting (a cell holding a comma or a quote must be wrapped in "
          "double quotes, and a quote inside it doubled)");
      break;
    }
  }
  if (status.ok() && !st.stop && csv_fini(&parser, OnField, OnRow, &st) != 0) {
    status =
        Status::InvalidArgument(label + ":" + std::to_string(st.line) +
                                ": a quoted cell is never closed (add the closing double quote)");
  }
  csv_free(&parser);
  return status;
}

}  // namespace bilat::ingest
