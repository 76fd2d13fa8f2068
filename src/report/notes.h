// Analysts' Markdown notes, made safe once for every renderer: parsed with
// cmark, raw HTML (scripts, iframes, any tag) dropped, links kept only with
// http(s), mailto or relative targets, and images turned into links so that
// no report fetches anything when opened. Both the HTML and the Markdown
// report are rendered from the same cleaned tree.
#ifndef BILAT_REPORT_NOTES_H_
#define BILAT_REPORT_NOTES_H_

#include <string>

namespace bilat::report {

struct SafeNotes {
  std::string markdown;  // CommonMark, for the Markdown report
  std::string html;      // for the HTML report
  int removed = 0;       // raw HTML blocks or spans dropped, unsafe link targets cleared, images made links
};

SafeNotes SanitizeNotes(const std::string& markdown);

}  // namespace bilat::report

#endif  // BILAT_REPORT_NOTES_H_
