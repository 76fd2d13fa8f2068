// The report model: what a country report says, independent of its format.
//
// Built by BuildReport (report_builder.h) from PairFacts; rendered by the
// HTML, Markdown and JSON renderers. Prose is a list of Segments: plain text
// never contains a digit, and every figure (amount, count, date, percentage)
// is its own Segment carrying the citations it rests on. That invariant is
// what lets every number in the report carry a footnote.
#ifndef BILAT_REPORT_MODEL_H_
#define BILAT_REPORT_MODEL_H_

#include <string>
#include <variant>
#include <vector>

#include "core/record.h"

namespace bilat::report {

// One stored record a figure rests on.
struct Citation {
  int source_number = 0;   // footnote number in the report's source list
  std::string source_id;
  std::string record;      // "trade/cn-kz-2022" (kind/id)
  std::string origin;      // registry file and line: "trade.csv:14"
  std::string locator;     // where in the source: "chars 1520-1610"
};

struct Segment {
  std::string text;
  bool figure = false;  // a figure: rendered with its footnotes
  std::vector<Citation> cites;
  std::string link;     // an http(s) address the text links to (tables only)
};

using Prose = std::vector<Segment>;

struct Paragraph {
  Prose prose;
};

// The analyst's own interpretation, from W/notes/A-B/<section>.md.
struct AuthorsText {
  std::string file;      // path as found, for the label
  std::string markdown;  // as written, made safe (report/notes.h): no raw HTML, no unsafe links, images as links
  std::string html;      // the same, rendered by cmark
};

struct Table {
  std::string caption;
  std::vector<std::string> header;
  std::vector<std::vector<Prose>> rows;
};

struct Chart {
  std::string id;     // "exchanges-timeline"
  std::string title;
  std::string svg;    // self-contained inline SVG, every label escaped
  std::string description;  // a text alternative, figures included
};

using Block = std::variant<Paragraph, AuthorsText, Table, Chart>;

struct Section {
  std::string id;     // "political", "economy", ...
  std::string title;
  std::vector<Block> blocks;
};

struct SourceEntry {
  int number = 0;
  Record source;                  // the sources.csv row
  std::vector<Citation> used_by;  // every record citing it, in order of use
};

struct ReportModel {
  std::string a, b;            // alpha-3
  std::string a_name, b_name;  // display names
  std::string title;
  std::vector<Section> sections;
  std::vector<SourceEntry> sources;  // by number
  // Internal consistency problems found while building (a digit in plain
  // text, a citation without a source). Empty in a correct build; tests
  // assert it.
  std::vector<std::string> lint;
};

}  // namespace bilat::report

#endif  // BILAT_REPORT_MODEL_H_
