// Documents: the texts bilat extracts from, read from plain text, HTML and
// JSON Lines, with their URL and date.
//
// A plain-text file may begin with a "URL: ..." line and a "date
// YYYY-MM-DD" marker (the corpus convention); otherwise the date comes from
// a dateline ("BEIJING, Jan. 22, 2024 /PRNewswire/ --", "BELGRADE, May 9
// (Xinhua) --") or from the URL ("/2024/07/04/", "/20240509/",
// "/04-Nov-2022/", "/28072023-"). A text that cites its own original URL
// (a republished piece) gets that earlier date as `original_date`, which
// relative dates ("this year") resolve against.
//
// Bad input is refused with a message, never a crash: files over the size
// limit are not read; binary data (NUL bytes, mostly control characters) is
// refused; invalid UTF-8 bytes become spaces and are counted; an empty file
// is an empty document. Value type; thread-compatible.
#ifndef BILAT_INGEST_TEXT_DOCUMENT_H_
#define BILAT_INGEST_TEXT_DOCUMENT_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "ingest/text/dates.h"
#include "ingest/text/unicode.h"

namespace bilat::text {

struct Document {
  std::string id;           // file name without extension, or the JSONL "id"
  std::string source_path;  // the file it was read from
  std::string url;          // "" if unknown
  TextDate date;            // the document's date; unset if unknown
  std::string date_source;  // "input", "text", "url" or ""
  TextDate original_date;   // date of the original when republished; else unset

  // The text evidence spans point into, as code points: the file's
  // content for plain text, the article text for HTML, "text" for JSONL.
  std::string original;
  NormalizedText norm;      // `original`, normalised
  std::string lower;        // norm.text lower-cased (ASCII), same offsets
  size_t body_begin = 0;    // where the body starts in norm.text (after URL/date lines)

  // The date "last year" and "on Monday" resolve against.
  const TextDate& writing_date() const {
    return original_date.IsSet() ? original_date : date;
  }
};

struct ReadOptions {
  // Documents larger than this are refused with a message (the limit
  // bounds memory: a document is held three times while it is processed).
  size_t max_document_bytes = size_t{16} << 20;
};

// A problem with one input: which file, which line (0: the whole file), what.
struct ReadIssue {
  std::string file;
  size_t line = 0;
  std::string reason;
  bool fatal = true;  // false: a warning (e.g. invalid UTF-8 replaced)
  std::string ToString() const;
};

// Builds a document from plain text. Never fails on content; issues (e.g.
// invalid UTF-8) are appended to `issues` when given.
Result<Document> DocumentFromText(std::string id, std::string content, std::string source_path,
                                  std::vector<ReadIssue>* issues = nullptr);

// The date given with a document in its input (a JSON Lines "date", the
// Python module's date=): "YYYY-MM-DD" (anything after the day, such as a
// time, ignored), "YYYYMMDD", or the shorter forms TextDate::Parse reads
// ("YYYY-MM", "YYYY"). nullopt if it is none of them.
std::optional<TextDate> ParseInputDate(std::string_view date);
// Builds a document from a text given with its own url and date, as a JSON
// Lines record gives one: the url when given (else a "URL:" first line's);
// the date given
// wins, and without one the date comes from the text's dateline or the url,
// never from a leading "date" marker line (a plain-text file's convention).
Result<Document> DocumentFromRecord(std::string id, std::string text, std::string url,
                                    const std::optional<TextDate>& date, std::string source_path,
                                    std::vector<ReadIssue>* issues = nullptr);
// Builds a document from an HTML page: the article text, with scripts,
// styles, navigation, headers, footers and link lists dropped.
Result<Document> DocumentFromHtml(std::string id, std::string_view html, std::string source_path,
                                  std::vector<ReadIssue>* issues = nullptr);

// Reads every document in `path`: .html/.htm as HTML, .jsonl/.ndjson as JSON
// Lines (one {id, url, date, text} object per line), anything else as plain
// text (HTML is also recognised by its first tag). Problems with single
// JSONL lines are issues, and the other lines are still read; a problem
// with the whole file is the returned error.
Result<std::vector<Document>> ReadDocuments(const std::string& path, const ReadOptions& options,
                                            std::vector<ReadIssue>* issues);

// Finds a date in a URL: "/2024/07/04/", "/20240509/", "/2022-11-28",
// "/04-Nov-2022/", "/28072023-", "/202312/" (month). Unset if none.
TextDate DateFromUrl(std::string_view url);

// The HTML-to-text step on its own, for tests: returns the article text
// and fills `url` and `date` from canonical links and meta tags.
std::string HtmlToText(std::string_view html, std::string* url, std::string* date);

// A block of page text with its runs of whitespace made one space and its
// ends trimmed (the HTML reader's rule, shared with its gumbo benchmark).
std::string CollapseWhitespace(std::string_view text);

}  // namespace bilat::text

#endif  // BILAT_INGEST_TEXT_DOCUMENT_H_
