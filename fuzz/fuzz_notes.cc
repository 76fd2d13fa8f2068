// Analysts' Markdown notes: cmark parsing and the sanitiser. Whatever the
// input, the HTML must carry no tag that runs or fetches anything and no
// script link (text that merely mentions them is escaped, so it cannot
// match: '<' becomes "&lt;").
#include <algorithm>
#include <cctype>
#include <string>

#include "report/notes.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string markdown(reinterpret_cast<const char*>(data), size);
  bilat::report::SafeNotes safe = bilat::report::SanitizeNotes(markdown);
  std::string html = safe.html;
  std::transform(html.begin(), html.end(), html.begin(), [](unsigned char c) { return std::tolower(c); });
  for (const char* bad : {"<script", "<iframe", "<img", "<object", "<embed", "href=\"javascript:",
                          "href=\"data:", "src=\""}) {
    if (html.find(bad) != std::string::npos) __builtin_trap();
  }
  return 0;
}
