#include "cli/output.h"

#include <algorithm>
#include <cctype>
#include <iostream>

namespace bilat::cli {

std::string TableCell(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7f) {
      out += ' ';
    } else if (c == 0xc2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(s[i + 1]) <= 0x9f) {
      out += ' ';  // a C1 control character (U+0080-U+009F), e.g. CSI
      ++i;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

void PrintTable(std::vector<std::vector<std::string>> rows) {
  for (auto& r : rows) {
    for (std::string& cell : r) cell = TableCell(cell);
  }
  std::vector<size_t> width;
  for (const auto& r : rows) {
    width.resize(std::max(width.size(), r.size()));
    for (size_t i = 0; i < r.size(); ++i) width[i] = std::max(width[i], r[i].size());
  }
  for (const auto& r : rows) {
    for (size_t i = 0; i < r.size(); ++i) {
      std::cout << (i ? "  " : "") << r[i] << std::string(i + 1 < r.size() ? width[i] - r[i].size() : 0, ' ');
    }
    std::cout << "\n";
  }
}

void PrintCsv(const std::vector<std::vector<std::string>>& rows) {
  for (const auto& row : rows) std::cout << CsvRow(row) << "\n";
}

}  // namespace bilat::cli
