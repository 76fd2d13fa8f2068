#include "ingest/registry/registry_validator.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>
#include <unordered_map>

#include "core/text.h"
#include "ingest/registry/csv_table.h"

namespace bilat::ingest {
namespace {

namespace fs = std::filesystem;

constexpr double ScaleFactor(std::string_view scale) {
  return scale == "thousands" ? 1e3
         : scale == "millions" ? 1e6
         : scale == "billions" ? 1e9
                               : 1.0;
}

std::string Join(const std::vector<std::string_view>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += ", ";
    out += items[i];
  }
  return out;
}

constexpr std::string_view kReviewColumnNames[] = {"review", "confidence", "extracted", "to_check", "evidence"};
constexpr int kNotStored = -1;  // a review column: read, never stored
constexpr int kUnknown = -2;

// Where an id was first used, across every file of one kind.
struct IdUse {
  std::string file;
  int line = 0;
};
using IdUses = std::unordered_map<std::string, IdUse>;

// Source rows that were read but not kept, by id: why, where. A row citing
// one is told so, rather than that the source does not exist.
struct LeftOutSource {
  std::string why;  // "is not reviewed yet", "was rejected in review", "has problems, listed above"
  std::string hint;
  IdUse where;
};
using LeftOutSources = std::map<std::string, LeftOutSource>;

bool IsIdChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '.';
}

// Checks one file of one kind against its spec.
class FileValidator {
 public:
  // `source_ids` are the valid ids of sources.csv, `left_out` those read but
  // not kept (both ignored for sources.csv, which fills `left_out`).
  // `ids` are the ids used so far by this kind's files (shared across the
  // folders of a registry).
  FileValidator(const KindSpec& kind, std::string file_label,
                const CountryRegistry& countries,
                const std::set<std::string>& source_ids, LeftOutSources* left_out, IdUses* ids,
                RegistryBatch* batch)
      : kind_(kind), label_(std::move(file_label)), countries_(countries),
        source_ids_(source_ids), left_out_(left_out), ids_(ids), batch_(batch) {}

  // Returns the good records; issues go to the batch. `*header_ok` is false
  // when the header itself is unusable (then no row is read). Rows whose
  // review cell says they are not accepted are counted and skipped.
  std::vector<Record> Run(const CsvTable& table, bool* header_ok) {
    std::vector<Record> out;
    *header_ok = MapHeader(table);
    if (!*header_ok) return out;
    UnreviewedRows unreviewed{label_, {}};
    for (const CsvRow& row : table.rows) {
      ++batch_->rows_read;
      size_t issues_before = batch_->issues.size();
      Decision decision = Review(row, &unreviewed);
      if (decision == Decision::kReject) {
        NoteLeftOut(row, {"was rejected in review", "accept it, or reject this row too", {}});
      } else if (decision == Decision::kUnreviewed) {
        NoteLeftOut(row, {"is not reviewed yet", "set its review cell to accept", {}});
      } else if (decision == Decision::kInvalid) {
        NoteLeftOut(row, {"has problems, listed above", "fix them", {}});
      }
      if (decision != Decision::kAccept) continue;
      Record rec = ValidateRow(row);
      if (batch_->issues.size() == issues_before) {
        out.push_back(std::move(rec));
      } else {
        ++batch_->rows_rejected;
        NoteLeftOut(row, {"has problems, listed above", "fix them", {}});
      }
    }
    if (!unreviewed.lines.empty()) batch_->unreviewed.push_back(std::move(unreviewed));
    return out;
  }

 private:
  // Remembers a sources row that is not kept, for the rows that cite it.
  void NoteLeftOut(const CsvRow& row, LeftOutSource why) {
    if (kind_.name != "sources") return;
    for (size_t c = 0; c < row.cells.size() && c < column_of_cell_.size(); ++c) {
      if (column_of_cell_[c] >= 0 && kind_.columns[column_of_cell_[c]].name == "id") {
        why.where = {label_, row.line};
        left_out_->emplace(std::string(Trim(row.cells[c].text)), std::move(why));
      }
    }
  }

  enum class Decision { kAccept, kReject, kUnreviewed, kInvalid };

  // What the review cell decides; kAccept without a review column (a
  // curated file is accepted as a whole). Rejected and unreviewed rows are
  // counted in the batch; a cell that is not a decision is an issue.
  Decision Review(const CsvRow& row, UnreviewedRows* unreviewed) {
    if (review_cell_ < 0) return Decision::kAccept;
    std::string decision;
    int column = 1;
    if (static_cast<size_t>(review_cell_) < row.cells.size()) {
      decision = std::string(Trim(row.cells[review_cell_].text));
      column = row.cells[review_cell_].column;
      for (char& c : decision) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (decision == "accept") return Decision::kAccept;
    if (decision == "reject") {
      ++batch_->rows_declined;
      return Decision::kReject;
    }
    if (decision.empty() || decision == "candidate") {
      unreviewed->lines.push_back(row.line);
      return Decision::kUnreviewed;
    }
    Issue(row.line, column, "column 'review': '" + decision + "' is not a review decision",
          "use accept (store the row), reject (leave it out) or candidate (not reviewed yet)");
    ++batch_->rows_rejected;
    return Decision::kInvalid;
  }

  void Issue(int line, int column, std::string message, std::string hint = {}) {
    batch_->issues.push_back({label_, line, column, std::move(message), std::move(hint)});
  }

  bool MapHeader(const CsvTable& table) {
    if (table.header.empty()) {
      if (!table.rows.empty()) Issue(1, 1, "the file has no header row");
      return false;
    }
    column_of_cell_.assign(table.header.size(), kUnknown);
    std::vector<bool> seen(kind_.columns.size(), false);
    std::set<std::string> review_seen;
    bool ok = true;
    for (size_t c = 0; c < table.header.size(); ++c) {
      const CsvCell& h = table.header[c];
      int idx = kUnknown;
      for (size_t k = 0; k < kind_.columns.size(); ++k) {
        if (kind_.columns[k].name == h.text) idx = static_cast<int>(k);
      }
      if (idx == kUnknown) {
        for (std::string_view r : kReviewColumnNames) {
          if (r == h.text) idx = kNotStored;
        }
      }
      if (idx == kNotStored) {
        if (!review_seen.insert(h.text).second) {
          Issue(h.line, h.column, "column '" + h.text + "' appears twice");
          ok = false;
        }
        column_of_cell_[c] = kNotStored;
        if (h.text == "review") review_cell_ = static_cast<int>(c);
      } else if (idx < 0) {
        std::vector<std::string_view> names;
        for (const ColumnSpec& col : kind_.columns) names.push_back(col.name);
        Issue(h.line, h.column, "unknown column '" + h.text + "'",
              "columns of " + std::string(kind_.file) + " are: " + Join(names));
        ok = false;
      } else if (seen[idx]) {
        Issue(h.line, h.column, "column '" + h.text + "' appears twice");
        ok = false;
      } else {
        seen[idx] = true;
        column_of_cell_[c] = idx;
      }
    }
    for (size_t k = 0; k < kind_.columns.size(); ++k) {
      if (kind_.columns[k].required && !seen[k]) {
        Issue(table.header[0].line, 1,
              "required column '" + std::string(kind_.columns[k].name) + "' is missing",
              "add it to the header; see docs/formats/registry.md");
        ok = false;
      }
    }
    header_size_ = table.header.size();
    return ok;
  }

  Record ValidateRow(const CsvRow& row) {
    Record rec;
    rec.kind = &kind_;
    rec.values.assign(kind_.columns.size(), std::monostate{});
    rec.origin_line = row.line;
    if (row.cells.size() > header_size_) {
      const CsvCell& extra = row.cells[header_size_];
      Issue(extra.line, extra.column,
            "row has " + std::to_string(row.cells.size()) + " cells but the header has " +
                std::to_string(header_size_),
            "quote cells that contain commas");
      return rec;
    }
    // Cells by spec column; blank when absent.
    std::vector<const CsvCell*> cell_of(kind_.columns.size(), nullptr);
    for (size_t c = 0; c < row.cells.size(); ++c) {
      if (column_of_cell_[c] >= 0) cell_of[column_of_cell_[c]] = &row.cells[c];
    }
    // The scale applies to every money cell of the row, so read it first.
    double factor = 1.0;
    for (size_t k = 0; k < kind_.columns.size(); ++k) {
      if (kind_.columns[k].type == ColumnType::kScale && cell_of[k] &&
          !cell_of[k]->text.empty()) {
        factor = ScaleFactor(cell_of[k]->text);
      }
    }
    for (size_t k = 0; k < kind_.columns.size(); ++k) {
      const ColumnSpec& spec = kind_.columns[k];
      const CsvCell* cell = cell_of[k];
      int line = cell ? cell->line : row.line;
      int column = cell ? cell->column : 1;
      std::string_view text = cell ? std::string_view(cell->text) : std::string_view();
      if (!text.empty() && !IsValidUtf8(text)) {
        Issue(line, column, "column '" + std::string(spec.name) + "' is not valid UTF-8",
              "save the file as UTF-8");
        continue;
      }
      if (text.empty()) text = spec.default_value;
      if (text.empty()) {
        if (spec.required) {
          Issue(line, column, MissingMessage(spec),
                spec.type == ColumnType::kSourceRef
                    ? "every row must cite a source listed in sources.csv"
                    : "fill in the cell; see docs/formats/registry.md");
        }
        continue;
      }
      rec.values[k] = ValidateCell(spec, text, factor, line, column);
    }
    CheckRowRules(rec, row);
    return rec;
  }

  static std::string MissingMessage(const ColumnSpec& spec) {
    if (spec.type == ColumnType::kSourceRef) return "missing source (column 'source_id' is empty)";
    return "missing value for required column '" + std::string(spec.name) + "'";
  }

  Value ValidateCell(const ColumnSpec& spec, std::string_view text, double factor, int line,
                     int column) {
    const std::string col(spec.name);
    switch (spec.type) {
      case ColumnType::kId: {
        bool ok = text.size() <= 64 &&
                  std::all_of(text.begin(), text.end(), IsIdChar);
        if (!ok) {
          Issue(line, column, "id '" + std::string(text) + "' is not a valid id",
                "use 1-64 characters from a-z, 0-9, '-', '_' and '.'");
          return {};
        }
        auto [it, inserted] = ids_->emplace(std::string(text), IdUse{label_, line});
        if (!inserted) {
          Issue(line, column, "duplicate id '" + std::string(text) + "'",
                it->second.file == label_
                    ? "first used on line " + std::to_string(it->second.line) + "; ids must be unique within the file"
                    : "first used in " + it->second.file + " on line " + std::to_string(it->second.line) +
                          "; ids must be unique across the registry folder and its subfolders");
          return {};
        }
        return std::string(text);
      }
      case ColumnType::kText:
        return std::string(text);
      case ColumnType::kSourceRef:
        if (!source_ids_.count(std::string(text))) {
          if (auto it = left_out_->find(std::string(text)); it != left_out_->end()) {
            Issue(line, column,
                  "source '" + std::string(text) + "' is not stored: its row on line " +
                      std::to_string(it->second.where.line) + " of " + it->second.where.file + " " + it->second.why,
                  it->second.hint);
            return {};
          }
          Issue(line, column, "source '" + std::string(text) + "' is not in sources.csv",
                source_ids_.empty() ? "sources.csv is missing or has no valid rows"
                                    : "add it to sources.csv, or fix the id");
          return {};
        }
        return std::string(text);
      case ColumnType::kCountry: {
        Result<const Country*> c = countries_.Resolve(text);
        if (!c.ok()) {
          Issue(line, column, "column '" + col + "': " + c.status().message());
          return {};
        }
        return (*c)->alpha3;
      }
      case ColumnType::kCountryList: {
        std::string joined;
        std::set<std::string> seen;
        for (std::string_view part : Split(text, ';')) {
          part = Trim(part);
          if (part.empty()) continue;
          Result<const Country*> c = countries_.Resolve(part);
          if (!c.ok()) {
            Issue(line, column, "column '" + col + "': " + c.status().message(),
                  "separate countries with ';'");
            return {};
          }
          if (!seen.insert((*c)->alpha3).second) continue;
          if (!joined.empty()) joined += ';';
          joined += (*c)->alpha3;
        }
        if (joined.empty()) {
          Issue(line, column, "column '" + col + "' names no country");
          return {};
        }
        return joined;
      }
      case ColumnType::kDate: {
        Result<Date> d = Date::Parse(text);
        if (!d.ok()) {
          Issue(line, column, "column '" + col + "': " + d.status().message());
          return {};
        }
        return d->ToIso();
      }
      case ColumnType::kYear: {
        std::optional<long long> y = ParseInteger(text);
        if (!y || *y < 1900 || *y > 2100) {
          Issue(line, column, "column '" + col + "': '" + std::string(text) +
                                  "' is not a year between 1900 and 2100");
          return {};
        }
        return *y;
      }
      case ColumnType::kCount: {
        std::optional<long long> n = ParseInteger(text);
        if (!n || *n < 1) {
          Issue(line, column, "column '" + col + "': '" + std::string(text) +
                                  "' is not a whole number of at least 1");
          return {};
        }
        return *n;
      }
      case ColumnType::kDecimal:
      case ColumnType::kPercent:
      case ColumnType::kMoney: {
        std::optional<double> v = ParseDecimal(text);
        if (!v) {
          std::string hint = "write digits with '.' for decimals and no thousands separators, e.g. 27400.5";
          if (text.find(',') != std::string_view::npos) {
            hint = "a comma is not allowed in numbers: write 21.43 rather than 21,43 and 19863 rather than 19,863";
          } else if (text.find('%') != std::string_view::npos || text.find('$') != std::string_view::npos) {
            hint = "write the bare number; the unit belongs in its own column";
          }
          Issue(line, column, "malformed number '" + std::string(text) + "' in column '" + col + "'",
                hint);
          return {};
        }
        if (spec.type == ColumnType::kPercent && (*v < -1000 || *v > 1000)) {
          Issue(line, column, "column '" + col + "': " + std::string(text) + "% is out of range",
                "percentages are written as 23.6, not 0.236");
          return {};
        }
        if (spec.type == ColumnType::kMoney) {
          if (*v < 0 && kind_.name != "indicators" && kind_.name != "targets") {
            Issue(line, column, "column '" + col + "': negative amount " + std::string(text),
                  "amounts of trade, projects and finance are never negative");
            return {};
          }
          return *v * factor;
        }
        return *v;
      }
      case ColumnType::kEnum: {
        for (std::string_view a : spec.allowed) {
          if (a == text) return std::string(text);
        }
        Issue(line, column, "column '" + col + "': '" + std::string(text) + "' is not a known value",
              "use one of: " + Join(spec.allowed));
        return {};
      }
      case ColumnType::kCurrency: {
        bool ok = text.size() == 3 && std::all_of(text.begin(), text.end(),
                                                  [](char c) { return c >= 'A' && c <= 'Z'; });
        if (!ok) {
          Issue(line, column, "column '" + col + "': '" + std::string(text) +
                                  "' is not an ISO 4217 currency code",
                "e.g. USD, CNY, KZT");
          return {};
        }
        return std::string(text);
      }
      case ColumnType::kScale: {
        if (text != "units" && text != "thousands" && text != "millions" && text != "billions") {
          Issue(line, column, "column '" + col + "': '" + std::string(text) + "' is not a scale",
                "use units, thousands, millions or billions");
          return {};
        }
        return std::string(text);
      }
    }
    return {};
  }

  // Rules that involve more than one cell.
  void CheckRowRules(const Record& rec, const CsvRow& row) {
    if (kind_.name == "sources" && rec.Text("url").empty() && rec.Text("citation").empty()) {
      Issue(row.line, 1, "source has neither url nor citation",
            "give the URL, or a citation for a printed source");
    }
    if (kind_.name == "agreements" && rec.Text("kind") == "partnership_level" &&
        rec.Text("level").empty()) {
      Issue(row.line, 1, "a partnership_level row needs the 'level' it establishes",
            "e.g. comprehensive strategic partnership");
    }
    if ((kind_.name == "projects" || kind_.name == "finance") && rec.Text("date").empty() &&
        rec.Text("as_of").empty()) {
      Issue(row.line, 1, "neither 'date' nor 'as_of' is given",
            "give the date of the deal, or as_of: the date at which the source reports it");
    }
    if (kind_.pair_rule == PairRule::kTwoColumns) {
      std::string a = rec.Text(kind_.pair_columns[0]);
      std::string b = rec.Text(kind_.pair_columns[1]);
      if (!a.empty() && a == b) {
        Issue(row.line, 1,
              "'" + std::string(kind_.pair_columns[0]) + "' and '" +
                  std::string(kind_.pair_columns[1]) + "' are the same country (" + a + ")",
              "a bilateral fact needs two different countries");
      }
    }
    if (auto hi = rec.Number("target_value_high")) {
      if (auto lo = rec.Number("target_value"); lo && *hi < *lo) {
        Issue(row.line, 1, "target_value_high is below target_value");
      }
    }
  }

  const KindSpec& kind_;
  std::string label_;
  const CountryRegistry& countries_;
  const std::set<std::string>& source_ids_;
  LeftOutSources* left_out_;
  IdUses* ids_;
  RegistryBatch* batch_;
  std::vector<int> column_of_cell_;  // spec column, kNotStored or kUnknown
  int review_cell_ = -1;             // the 'review' column's cell, if any
  size_t header_size_ = 0;
};

std::string ClosestKnownFile(const std::string& name) {
  std::string best;
  size_t best_common = 0;
  for (const KindSpec& k : RegistryKinds()) {
    std::string f(k.file);
    size_t common = 0;
    while (common < f.size() && common < name.size() && f[common] == name[common]) ++common;
    if (common > best_common) {
      best_common = common;
      best = f;
    }
  }
  return best_common >= 4 ? best : std::string();
}


// The registry's own folder ("") and its subfolders ("news/"), in order;
// hidden folders are left out.
std::vector<std::string> RegistryFolders(const std::string& dir) {
  std::vector<std::string> subs;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    std::string name = entry.path().filename().string();
    if (entry.is_directory(ec) && !name.empty() && name[0] != '.') subs.push_back(name + "/");
  }
  std::sort(subs.begin(), subs.end());
  subs.insert(subs.begin(), "");
  return subs;
}

}  // namespace

std::span<const std::string_view> ReviewColumns() { return kReviewColumnNames; }

int RegistryBatch::RowsUnreviewed() const {
  int n = 0;
  for (const UnreviewedRows& u : unreviewed) n += static_cast<int>(u.lines.size());
  return n;
}

RegistryBatch ValidateRegistryDir(const std::string& dir, const std::string& display_dir,
                                  const CountryRegistry& countries) {
  RegistryBatch batch;
  batch.records.resize(RegistryKinds().size());
  std::string prefix = display_dir.empty() ? "" : display_dir;
  if (!prefix.empty() && prefix.back() != '/') prefix += '/';

  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    batch.issues.push_back({display_dir, 0, 0, "not a folder",
                            "give the folder that holds the registry CSV files"});
    return batch;
  }
  const std::vector<std::string> folders = RegistryFolders(dir);
  // Unknown CSV files are probably misnamed registry files: say so.
  for (const std::string& folder : folders) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(fs::path(dir) / folder, ec)) {
      if (entry.is_regular_file() && entry.path().extension() == ".csv") {
        names.push_back(entry.path().filename().string());
      }
    }
    std::sort(names.begin(), names.end());
    for (const std::string& n : names) {
      bool known = false;
      for (const KindSpec& k : RegistryKinds()) known |= (k.file == n);
      if (!known) {
        std::string guess = ClosestKnownFile(n);
        std::vector<std::string_view> files;
        for (const KindSpec& k : RegistryKinds()) files.push_back(k.file);
        batch.issues.push_back(
            {prefix + folder + n, 0, 0, "not a registry file name",
             guess.empty() ? "registry files are: " + Join(files)
                           : "did you mean " + guess + "?"});
      }
    }
  }

  // sources.csv comes first in RegistryKinds(), so the valid ids of every
  // folder's sources are known before any row that cites them is checked.
  const auto kinds = RegistryKinds();
  std::set<std::string> source_ids;
  LeftOutSources left_out;
  for (size_t i = 0; i < kinds.size(); ++i) {
    IdUses ids;
    bool failed = false;
    for (const std::string& folder : folders) {
      fs::path path = fs::path(dir) / folder / kinds[i].file;
      if (!fs::exists(path, ec)) continue;
      if (batch.files_present.empty() || batch.files_present.back() != &kinds[i]) {
        batch.files_present.push_back(&kinds[i]);
      }
      const std::string origin = folder + std::string(kinds[i].file);
      std::string label = prefix + origin;
      Result<CsvTable> table = ReadCsvFile(path.string(), label);
      if (!table.ok()) {
        batch.issues.push_back({"", 0, 0, table.status().message(), ""});
        failed = true;
        continue;
      }
      FileValidator v(kinds[i], label, countries, source_ids, &left_out, &ids, &batch);
      bool header_ok = true;
      std::vector<Record> records = v.Run(*table, &header_ok);
      if (!header_ok) failed = true;
      for (Record& r : records) {
        r.origin_file = origin;
        batch.records[i].push_back(std::move(r));
      }
    }
    if (failed) batch.files_failed.push_back(&kinds[i]);
    if (i == 0) {
      for (const Record& r : batch.records[0]) source_ids.insert(r.Text("id"));
    }
  }
  return batch;
}

}  // namespace bilat::ingest
