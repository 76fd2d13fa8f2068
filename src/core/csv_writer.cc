#include "core/csv_writer.h"

#include <cctype>

namespace bilat {
namespace {

// One number as a spreadsheet reads it: [+-]digits[.digits][e[+-]digits].
// Anything more ("-2+3", "1e5-1") is arithmetic a spreadsheet would compute.
bool IsNumber(std::string_view s) {
  size_t i = 0;
  auto digits = [&] {
    size_t start = i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    return i - start;
  };
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  size_t mantissa = digits();
  if (i < s.size() && s[i] == '.') {
    ++i;
    mantissa += digits();
  }
  if (mantissa == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    if (digits() == 0) return false;
  }
  return i == s.size();
}

}  // namespace

std::string CsvField(std::string_view s) {
  // A lone "-" (no value) or a number is data; anything else opening with a
  // formula character, after any spaces (spreadsheets skip them), would be
  // computed or run by a spreadsheet.
  const size_t first = s.find_first_not_of(' ');
  const char c = first == std::string_view::npos ? '\0' : s[first];
  const bool formula = s.size() > 1 && (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') &&
                       !IsNumber(s);
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
