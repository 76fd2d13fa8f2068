// Formatting of figures for prose, and escaping for HTML and Markdown.
#ifndef BILAT_REPORT_FORMAT_H_
#define BILAT_REPORT_FORMAT_H_

#include <string>
#include <string_view>

namespace bilat::report {

// "$31.17 billion", "$420 million", "$27.4 billion", "$950,000".
std::string FormatUsd(double value_usd);
// Money in another currency: "CNY 1.2 billion".
std::string FormatMoney(double value, std::string_view currency);
// "23.4%" (one decimal), "-3.1%".
std::string FormatPct(double pct, int decimals = 1);
// Signed change for prose: "up 23.4%" / "down 3.1%".
std::string FormatChange(double pct);
// Exactly `decimals` decimals: "1.00", "-0.25".
std::string FormatFixed(double v, int decimals);
// A plain number with thousands separators and up to `decimals` decimals.
std::string FormatNumber(double v, int decimals = 2);
// English words for small counts ("seven"), digits above twelve.
std::string CountWord(long long n);

// True for http:// and https:// addresses, the only ones a report links.
bool IsWebUrl(std::string_view url);

// Escapes &, <, >, " and ' for HTML text and attribute values.
std::string EscapeHtml(std::string_view s);
// Escapes Markdown punctuation that would change the rendering, and HTML.
std::string EscapeMarkdown(std::string_view s);

}  // namespace bilat::report

#endif  // BILAT_REPORT_FORMAT_H_
