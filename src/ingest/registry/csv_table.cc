#include "ingest/registry/csv_table.h"

#include <csv.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace bilat::ingest {
namespace {

// State shared with libcsv's callbacks while one file is parsed.
struct ParseState {
  const std::string* text = nullptr;
  size_t text_begin = 0;  // after a byte-order mark
  std::vector<size_t> line_starts{0};  // byte offset of each line's start
  size_t offset = 0;                   // byte being fed
  size_t field_start = 0;
  bool awaiting_field = true;
  std::vector<std::pair<std::string, size_t>> fields;  // text, start offset
  std::vector<std::vector<std::pair<std::string, size_t>>> rows;
};

void OnField(void* data, size_t len, void* user) {
  auto* st = static_cast<ParseState*>(user);
  if (st->awaiting_field) st->field_start = st->offset;
  st->fields.emplace_back(std::string(static_cast<const char*>(data), len),
                          st->field_start);
  st->awaiting_field = true;
}

void OnRow(int, void* user) {
  auto* st = static_cast<ParseState*>(user);
  st->rows.push_back(std::move(st->fields));
  st->fields.clear();
  st->awaiting_field = true;
}

// Line and character column of `offset`; a byte-order mark before the first
// line (`text_begin` > 0) takes no column. Successive calls with growing
// offsets on one line continue from the last position, so locating every
// cell of a row is linear in the row's length (a row of 80,000 cells took
// 5 s when each cell was counted from the line's start).
class Locator {
 public:
  explicit Locator(const ParseState& st) : st_(st) {}
  void Locate(size_t offset, int* line, int* column) {
    auto it = std::upper_bound(st_.line_starts.begin(), st_.line_starts.end(), offset);
    size_t idx = static_cast<size_t>(it - st_.line_starts.begin()) - 1;
    size_t from = std::max(st_.line_starts[idx], st_.text_begin);
    int col = 1;
    if (idx == line_ && offset >= offset_ && offset_ >= from) {
      from = offset_;
      col = column_;
    }
    for (size_t i = from; i < offset && i < st_.text->size(); ++i) {
      if ((static_cast<unsigned char>((*st_.text)[i]) & 0xC0) != 0x80) ++col;
    }
    line_ = idx;
    offset_ = offset;
    column_ = col;
    *line = static_cast<int>(idx) + 1;
    *column = col;
  }

 private:
  const ParseState& st_;
  size_t line_ = static_cast<size_t>(-1), offset_ = 0;
  int column_ = 1;
};

void Locate(const ParseState& st, size_t offset, int* line, int* column) { Locator(st).Locate(offset, line, column); }

}  // namespace

Result<CsvTable> ParseCsv(const std::string& name, const std::string& text) {
  ParseState st;
  st.text = &text;
  size_t begin = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  st.text_begin = begin;
  csv_parser parser;
  if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) {
    return Status::Internal("libcsv could not start");
  }
  // Fed one byte at a time so that each callback knows the exact offset;
  // registry files are small enough that this costs nothing noticeable.
  bool in_quotes = false;  // inside a quoted cell (quote parity since the file start)
  bool skipping_comment = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (i > 0 && text[i - 1] == '\n') st.line_starts.push_back(i);
    if (i < begin) continue;
    // A line starting with '#' outside a quoted cell is a comment: it never
    // reaches libcsv, so quotes in it cannot upset the parser.
    bool at_line_start = i == begin || text[i - 1] == '\n';
    if (at_line_start && !in_quotes && c == '#') skipping_comment = true;
    if (skipping_comment) {
      if (c == '\n') skipping_comment = false;
      continue;
    }
    if (c == '"') in_quotes = !in_quotes;
    st.offset = i;
    if (st.awaiting_field && c != ' ' && c != '\t' && c != '\r' && c != '\n') {
      st.field_start = i;
      st.awaiting_field = false;
    }
    if (csv_parse(&parser, &c, 1, OnField, OnRow, &st) != 1) {
      int line, column;
      Locate(st, i, &line, &column);
      csv_free(&parser);
      return Status::InvalidArgument(
          name + ":" + std::to_string(line) + ":" + std::to_string(column) +
          ": malformed CSV quoting (a cell holding a comma or a quote must be "
          "wrapped in double quotes, and a quote inside it doubled: \"say \"\"hi\"\"\")");
    }
  }
  st.offset = text.size();
  if (csv_fini(&parser, OnField, OnRow, &st) != 0) {
    int line, column;
    Locate(st, st.field_start, &line, &column);
    csv_free(&parser);
    return Status::InvalidArgument(
        name + ":" + std::to_string(line) + ":" + std::to_string(column) +
        ": a quoted cell is never closed (add the closing double quote)");
  }
  csv_free(&parser);

  CsvTable table;
  bool have_header = false;
  Locator locator(st);
  for (auto& raw : st.rows) {
    if (raw.empty()) continue;
    bool blank = std::all_of(raw.begin(), raw.end(),
                             [](const auto& f) { return f.first.empty(); });
    if (blank || (!raw[0].first.empty() && raw[0].first[0] == '#')) continue;
    CsvRow row;
    for (auto& [cell_text, start] : raw) {
      CsvCell cell;
      cell.text = std::move(cell_text);
      locator.Locate(start, &cell.line, &cell.column);
      row.cells.push_back(std::move(cell));
    }
    row.line = row.cells[0].line;
    if (!have_header) {
      table.header = std::move(row.cells);
      have_header = true;
    } else {
      table.rows.push_back(std::move(row));
    }
  }
  return table;
}

Result<CsvTable> ReadCsvFile(const std::string& path, const std::string& label) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(label + ": cannot open for reading");
  std::ostringstream buf;
  buf << in.rdbuf();
  return ParseCsv(label, buf.str());
}

}  // namespace bilat::ingest
