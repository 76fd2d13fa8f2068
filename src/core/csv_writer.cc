#include "core/csv_writer.h"

#include <cctype>

namespace bilat {
namespace {

bool LooksNumeric(std::string_view s) {
  if (s.empty()) return false;
  size_t i = (s[0] == '-' || s[0] == '+') ? 1 : 0;
  bool digit = false;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      digit = true;
    } else if (c != '.' && c != 'e' && c != 'E' && c != '-' && c != '+') {
      return false;
    }
  }
  return digit;
}

}  // namespace

std::string CsvField(std::string_view s) {
  // A lone "-" (no value) or a number is data; anything else opening with a
  // formula character would be run by a spreadsheet.
  const bool formula = s.size() > 1 && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' ||
                                        s[0] == '\r') && !LooksNumeric(s);
  const bool quote = formula || s.find_first_of(",\"\r\n") != std::string_view::npos;
  if (!quote) return std::string(s);
  std::string out = formula ? "\"'" : "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string CsvRow(const std::vector<std::string>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) out += (i ? "," : "") + CsvField(fields[i]);
  return out;
}

}  // namespace bilat
