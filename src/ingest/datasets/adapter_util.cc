#include "ingest/datasets/adapter_util.h"

#include <algorithm>
#include <fstream>

#include "core/text.h"
#include "ingest/trade/load_util.h"

namespace bilat::ingest {

uint64_t DatasetLoadResult::ProblemRows() const {
  uint64_t n = issues.size() + issues_suppressed;
  for (const auto& [key, u] : unmapped) {
    if (!u.deliberate) n += u.rows;
  }
  return n;
}

namespace dataset_internal {

namespace {
constexpr size_t kMaxIssues = 10000;

std::string Lower(std::string_view s) { return ToLower(s); }
}  // namespace

RecordBuilder::RecordBuilder(std::string_view kind) : kind_(FindKind(kind)) {
  values_.resize(kind_->columns.size());
  for (size_t i = 0; i < kind_->columns.size(); ++i) {
    const ColumnSpec& c = kind_->columns[i];
    if (c.default_value.empty()) continue;
    if (c.type == ColumnType::kCount) {
      values_[i] = static_cast<long long>(std::stoll(std::string(c.default_value)));
    } else {
      values_[i] = std::string(c.default_value);
    }
  }
}

RecordBuilder& RecordBuilder::Set(std::string_view column, Value value) {
  for (size_t i = 0; i < kind_->columns.size(); ++i) {
    if (kind_->columns[i].name == column) {
      // An empty text is NULL, as a blank registry cell is.
      if (const auto* s = std::get_if<std::string>(&value); s && s->empty()) {
        const ColumnSpec& c = kind_->columns[i];
        values_[i] = c.default_value.empty() ? Value{} : Value{std::string(c.default_value)};
        return *this;
      }
      values_[i] = std::move(value);
      return *this;
    }
  }
  return *this;  // a programming error; tests catch columns that stay NULL
}

Record RecordBuilder::Build(const std::string& origin_file, uint64_t line) const {
  Record r;
  r.kind = kind_;
  r.values = values_;
  r.origin_file = origin_file;
  r.origin_line = static_cast<int>(line);
  return r;
}

Record MakeSource(const std::string& id, const std::string& title, const std::string& publisher,
                  const std::string& url, const std::string& citation, const std::string& published) {
  return RecordBuilder("sources")
      .Set("id", id)
      .Set("title", title)
      .Set("publisher", publisher)
      .Set("url", url)
      .Set("citation", citation)
      .Set("published", published)
      .Build("", 0);
}

Result<CountryNames> CountryNames::Load(const std::string& dataset, const CountryRegistry& countries,
                                        const std::string& data_dir) {
  CountryNames names;
  names.countries_ = &countries;
  const std::string path = data_dir + "/dataset_country_names.tsv";
  std::ifstream in(path);
  if (!in) return Status::NotFound(path + ": cannot open (set BILAT_DATA_DIR to bilat's data folder)");
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cells;
    size_t start = 0;
    while (true) {
      size_t tab = line.find('\t', start);
      cells.emplace_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    if (cells.size() < 3) {
      return Status::InvalidArgument(path + ":" + std::to_string(n) +
                                     ": expected DATASET<TAB>NAME<TAB>ALPHA3 or '-'<TAB>WHY");
    }
    if (cells[0] != dataset && cells[0] != "*") continue;
    Entry e;
    if (cells[2] != "-") {
      const Country* c = countries.Find(cells[2]);
      if (!c) return Status::InvalidArgument(path + ":" + std::to_string(n) + ": unknown code '" + cells[2] + "'");
      e.alpha3 = c->alpha3;
    } else {
      e.why = cells.size() > 3 ? cells[3] : "not a country";
    }
    // A dataset's own row wins over a "*" row.
    std::string key = Lower(cells[1]);
    if (cells[0] == dataset || !names.table_.count(key)) names.table_[key] = e;
  }
  return names;
}

std::optional<std::string> CountryNames::Map(std::string_view field, std::string_view raw, uint64_t line,
                                             DatasetLoadResult* out) const {
  const std::string utf8 = Utf8Text(Trim(raw));  // a Latin-1 "Curaçao" is still Curaçao
  std::string_view name = utf8;
  auto it = table_.find(Lower(name));
  if (it != table_.end() && !it->second.alpha3.empty()) return it->second.alpha3;
  if (it == table_.end() && !name.empty()) {
    if (const Country* c = countries_->Find(name)) return c->alpha3;
  }
  std::string key = std::string(field) + "\x1f" + std::string(name);
  auto [u, inserted] = out->unmapped.try_emplace(key);
  if (inserted) {
    u->second.field = std::string(field);
    u->second.name = name.empty() ? "(empty)" : std::string(name);
    u->second.first_line = line;
    if (it != table_.end()) {
      u->second.deliberate = true;
      u->second.why = it->second.why;
    }
  }
  ++u->second.rows;
  return std::nullopt;
}

void CountryNames::SkipOnPurpose(std::string_view field, std::string_view name, uint64_t line, std::string why,
                                 DatasetLoadResult* out) const {
  std::string key = std::string(field) + "\x1f" + std::string(name);
  auto [u, inserted] = out->unmapped.try_emplace(key);
  if (inserted) {
    u->second.field = std::string(field);
    u->second.name = std::string(name);
    u->second.first_line = line;
    u->second.deliberate = true;
    u->second.why = std::move(why);
  }
  ++u->second.rows;
}

std::optional<std::string> CountryNames::Lookup(std::string_view raw) const {
  const std::string utf8 = Utf8Text(Trim(raw));
  std::string_view name = utf8;
  auto it = table_.find(Lower(name));
  if (it != table_.end()) {
    if (it->second.alpha3.empty()) return std::nullopt;
    return it->second.alpha3;
  }
  if (const Country* c = name.empty() ? nullptr : countries_->Find(name)) return c->alpha3;
  return std::nullopt;
}

CsvRows::CsvRows(const std::vector<std::string_view>& header_fields) {
  for (std::string_view f : header_fields) names_.emplace_back(Trim(f));
}

int CsvRows::Index(std::string_view name) const {
  for (size_t i = 0; i < names_.size(); ++i) {
    if (names_[i] == name) return static_cast<int>(i);
  }
  return -1;
}

std::string_view CsvRows::Get(const std::vector<std::string_view>& fields, std::string_view name) const {
  int i = Index(name);
  if (i < 0 || static_cast<size_t>(i) >= fields.size()) return {};
  return Trim(fields[static_cast<size_t>(i)]);
}

Status ReadCsvWithHeader(const std::string& path, const std::string& label, const std::vector<std::string>& required,
                         DatasetLoadResult* out, const RowFn& row) {
  std::optional<CsvRows> header;
  size_t width = 0;
  Status bad_header;
  Status read = StreamCsvFile(path, label, [&](const CsvRecord& rec) {
    if (!header) {
      header.emplace(rec.fields);
      width = rec.fields.size();
      std::vector<std::string> missing;
      for (const std::string& r : required) {
        if (header->Index(r) < 0) missing.push_back(r);
      }
      if (!missing.empty()) {
        std::string found;
        for (size_t i = 0; i < rec.fields.size() && i < 12; ++i) {
          found += (i ? "," : "") + std::string(Trim(rec.fields[i]));
        }
        std::string want;
        for (const std::string& m : missing) want += (want.empty() ? "" : ", ") + m;
        bad_header = Status::InvalidArgument(label + ":1: not a file `bilat ingest " + out->dataset +
                                             "` reads: missing column" + (missing.size() > 1 ? "s " : " ") + want +
                                             " (header: " + found + "; docs/formats/datasets.md)");
        return false;
      }
      return true;
    }
    ++out->rows_read;
    if (rec.fields.size() != width) {
      AddIssue(out, label, rec.line, "",
               "row has " + std::to_string(rec.fields.size()) + " cells, the header " + std::to_string(width),
               "the file may be cut short or a cell holds an unquoted comma");
      return true;
    }
    row(*header, rec.fields, rec.line);
    return true;
  });
  if (!bad_header.ok()) return bad_header;
  if (!read.ok()) return read;
  if (!header) return Status::InvalidArgument(label + ": empty file (expected a " + out->dataset + " CSV with a header)");
  return Status::Ok();
}

void AddIssue(DatasetLoadResult* out, const std::string& file, uint64_t line, std::string field, std::string message,
              std::string hint) {
  if (out->issues.size() >= kMaxIssues) {
    ++out->issues_suppressed;
    return;
  }
  out->issues.push_back(LoadIssue{file, line, std::move(field), std::move(message), std::move(hint)});
}

bool ParseDouble(std::string_view text, double* out) { return trade_internal::ParseNumber(text, out); }

bool ParseInt(std::string_view text, int64_t* out) { return trade_internal::ParseInt(Trim(text), out); }

int MonthNumber(std::string_view name) {
  static const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  std::string l = Lower(Trim(name));
  if (l.size() < 3) return 0;
  for (int i = 0; i < 12; ++i) {
    if (l.compare(0, 3, kMonths[i]) == 0) return i + 1;
  }
  return 0;
}

std::string Slug(std::string_view text, size_t max) {
  std::string out;
  bool dash = false;
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) && u < 128) {
      if (dash && !out.empty()) out += '-';
      dash = false;
      out += static_cast<char>(std::tolower(u));
      if (out.size() >= max) break;
    } else {
      dash = true;
    }
  }
  return out;
}

std::string Utf8Text(std::string_view text) { return AsUtf8(text); }

std::string BaseName(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace dataset_internal
}  // namespace bilat::ingest
