#include "ingest/trade/load_util.h"

#include <charconv>
#include <cstdio>
#include <cstring>

namespace bilat::ingest {

std::string LoadIssue::ToString() const {
  std::string out = file;
  if (line > 0) out += ":" + std::to_string(line);
  if (!out.empty()) out += ": ";
  out += message;
  if (!hint.empty()) out += " (" + hint + ")";
  return out;
}

std::string_view FlowName(TradeFlow::Flow flow) {
  switch (flow) {
    case TradeFlow::Flow::kExport:
      return "export";
    case TradeFlow::Flow::kImport:
      return "import";
    case TradeFlow::Flow::kReExport:
      return "re-export";
    case TradeFlow::Flow::kReImport:
      return "re-import";
  }
  return "?";
}

namespace trade_internal {

void IssueSink::Add(uint64_t line, std::string field, std::string message, std::string hint) {
  if (issues_->size() >= limits_.max_issues) {
    ++*suppressed_;
    return;
  }
  issues_->push_back(LoadIssue{file_, line, std::move(field), std::move(message), std::move(hint)});
}

std::string_view TrimView(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

bool ParseNumber(std::string_view text, double* out) {
  text = TrimView(text);
  if (text.empty()) return false;
  const char* b = text.data();
  const char* e = b + text.size();
  if (*b == '+') ++b;  // from_chars takes '-' but not '+'
  if (b == e) return false;
  // from_chars would read "inf"/"nan"; trade figures never are.
  if (!((*b >= '0' && *b <= '9') || *b == '.' || *b == '-')) return false;
  auto [p, ec] = std::from_chars(b, e, *out);
  return ec == std::errc() && p == e;
}

bool ParseInt(std::string_view text, int64_t* out) {
  text = TrimView(text);
  if (text.empty()) return false;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), *out);
  return ec == std::errc() && p == text.data() + text.size();
}

std::string JoinNames(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i) out += ", ";
    out += names[i].empty() ? "(empty)" : names[i];
  }
  return out;
}

std::optional<std::string> ResolveTradeCountry(const CountryRegistry& countries,
                                               std::string_view code) {
  code = TrimView(code);
  if (code.empty()) return std::nullopt;
  bool digits = true;
  for (char c : code) digits = digits && c >= '0' && c <= '9';
  if (digits) {
    int64_t n = 0;
    if (!ParseInt(code, &n) || n < 0 || n > 999) return std::nullopt;
    switch (n) {  // UN Comtrade's own numbers, where they differ from ISO
      case 0:
        return "WLD";
      case 58:
        return "BEL";  // Belgium-Luxembourg until 1998
      case 251:
        return "FRA";
      case 381:
        return "ITA";
      case 579:
        return "NOR";
      case 699:
        return "IND";
      case 757:
        return "CHE";
      case 842:
        return "USA";
      default:
        break;
    }
    char padded[4];
    std::snprintf(padded, sizeof padded, "%03d", static_cast<int>(n));
    const Country* c = countries.Find(padded);
    if (c && c->numeric == padded) return c->alpha3;
    return std::nullopt;
  }
  std::string upper(code);
  for (char& c : upper) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  if (upper == "WLD" || upper == "W00" || upper == "WORLD") return "WLD";
  if (upper.size() != 3) return std::nullopt;
  const Country* c = countries.Find(upper);
  if (c && c->alpha3 == upper) return c->alpha3;
  return std::nullopt;
}

}  // namespace trade_internal
}  // namespace bilat::ingest
