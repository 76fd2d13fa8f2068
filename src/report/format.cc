#include "report/format.h"

#include <cmath>
#include <cstdio>

namespace bilat::report {
namespace {

// Up to `decimals` decimals, trailing zeros dropped, thousands separated.
std::string Trimmed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s(buf);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  size_t neg = s[0] == '-' ? 1 : 0;
  size_t dot = s.find('.');
  size_t int_end = dot == std::string::npos ? s.size() : dot;
  for (long i = static_cast<long>(int_end) - 3; i > static_cast<long>(neg); i -= 3) {
    s.insert(static_cast<size_t>(i), ",");
  }
  return s;
}

}  // namespace

std::string FormatNumber(double v, int decimals) { return Trimmed(v, decimals); }

std::string FormatFixed(double v, int decimals) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s(buf);
  return s == "-0.00" || s == "-0.0" ? s.substr(1) : s;
}

std::string FormatMoney(double value, std::string_view currency) {
  if (value < 0) return "-" + FormatMoney(-value, currency);  // "-$32 million", not "$-32 million"
  std::string prefix = currency == "USD" || currency.empty() ? "$" : std::string(currency) + " ";
  double a = std::fabs(value);
  if (a >= 1e9) return prefix + Trimmed(value / 1e9, 2) + " billion";
  if (a >= 1e6) return prefix + Trimmed(value / 1e6, 1) + " million";
  return prefix + Trimmed(value, 0);
}

std::string FormatUsd(double value_usd) { return FormatMoney(value_usd, "USD"); }

std::string FormatPct(double pct, int decimals) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*f%%", decimals, pct);
  return std::string(buf) == "-0.0%" ? "0.0%" : buf;
}

std::string FormatChange(double pct) {
  return (pct >= 0 ? "up " : "down ") + FormatPct(std::fabs(pct));
}

std::string CountWord(long long n) {
  static constexpr const char* kWords[] = {"no", "one", "two", "three", "four", "five", "six",
                                           "seven", "eight", "nine", "ten", "eleven", "twelve"};
  if (n >= 0 && n <= 12) return kWords[n];
  return Trimmed(static_cast<double>(n), 0);
}

bool IsWebUrl(std::string_view url) {
  return url.starts_with("https://") || url.starts_with("http://");
}

std::string EscapeHtml(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string EscapeMarkdown(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\\' || c == '*' || c == '_' || c == '[' || c == ']' || c == '`' || c == '|' ||
        c == '<' || c == '>' || c == '#') {
      out += '\\';
    }
    out += c;
  }
  return out;
}

}  // namespace bilat::report
