#include "ingest/text/cameo.h"

#include <fstream>

#include "core/text.h"

namespace bilat::text {
namespace {

bool IsCode(std::string_view s) {
  if (s.empty() || s.size() > 4) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// Reads "CODE<TAB>VALUE" lines; `row` gets the line number and both cells.
template <typename Fn>
Status ReadPairs(const std::string& path, bool header, Fn row) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open the CAMEO table");
  std::string line;
  for (int line_no = 1; std::getline(in, line); ++line_no) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (header && line_no == 1) continue;
    std::string_view l = line;
    if (Trim(l).empty() || Trim(l)[0] == '#') continue;
    size_t tab = l.find('\t');
    if (tab == std::string_view::npos) {
      return Status::Corruption(path + ":" + std::to_string(line_no) + ": expected CODE<TAB>VALUE");
    }
    std::string_view code = Trim(l.substr(0, tab));
    if (!IsCode(code)) {
      return Status::Corruption(path + ":" + std::to_string(line_no) + ": '" + std::string(code) +
                                "' is not a CAMEO code (1-4 digits)");
    }
    BILAT_RETURN_IF_ERROR(row(line_no, code, l.substr(tab + 1)));
  }
  return Status::Ok();
}

}  // namespace

Result<CameoTable> CameoTable::LoadTsv(const std::string& path) {
  CameoTable t;
  Status st = ReadPairs(path, false, [&](int line_no, std::string_view code, std::string_view rest) -> Status {
    std::vector<std::string_view> cells = Split(rest, '\t');
    auto g = ParseDecimal(Trim(cells[0]));
    if (!g || *g < -10 || *g > 10) {
      return Status::Corruption(path + ":" + std::to_string(line_no) + ": GOLDSTEIN must be a number from -10 to 10");
    }
    Entry& e = t.entries_[std::string(code)];
    e.goldstein = *g;
    if (cells.size() > 1) e.label = std::string(Trim(cells[1]));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return t;
}

Result<CameoTable> CameoTable::LoadGdelt(const std::string& eventcodes_path,
                                         const std::string& goldstein_path) {
  CameoTable t;
  Status st = ReadPairs(eventcodes_path, true, [&](int, std::string_view code, std::string_view rest) -> Status {
    std::string label(Trim(rest));
    // The one known mojibake: a curly-quoted 'third' read as Mac Roman.
    const std::string bad = "\xC3\x92hird\xC3\x93";
    if (size_t p = label.find(bad); p != std::string::npos) label.replace(p, bad.size(), "\"third\" ");
    t.entries_[std::string(code)].label = std::move(label);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  st = ReadPairs(goldstein_path, true, [&](int line_no, std::string_view code, std::string_view rest) -> Status {
    auto g = ParseDecimal(Trim(rest));
    if (!g) {
      return Status::Corruption(goldstein_path + ":" + std::to_string(line_no) + ": '" +
                                std::string(Trim(rest)) + "' is not a Goldstein value");
    }
    t.entries_[std::string(code)].goldstein = *g;
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return t;
}

std::optional<double> CameoTable::Goldstein(std::string_view code) const {
  auto it = entries_.find(std::string(code));
  return it == entries_.end() ? std::nullopt : it->second.goldstein;
}

std::string CameoTable::Label(std::string_view code) const {
  auto it = entries_.find(std::string(code));
  return it == entries_.end() ? std::string() : it->second.label;
}

}  // namespace bilat::text
