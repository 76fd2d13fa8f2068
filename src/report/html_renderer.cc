#include <cstdio>
#include <set>

#include "report/format.h"
#include "report/renderers.h"

namespace bilat::report {
namespace {

constexpr const char* kCss = R"css(
:root { --ink:#1d1d1f; --muted:#5f6368; --rule:#d9d9de; --accent:#b2182b; --note:#f4f1e8; }
* { box-sizing: border-box; }
body { font: 16px/1.55 Georgia, "Times New Roman", serif; color: var(--ink); margin: 0; background: #fff; }
main { max-width: 860px; margin: 0 auto; padding: 32px 24px 64px; }
header.report h1 { font-size: 2rem; margin: 0 0 4px; }
header.report p { color: var(--muted); margin: 0; font-family: sans-serif; font-size: .9rem; }
nav.toc { font-family: sans-serif; font-size: .9rem; margin: 20px 0 8px; padding: 10px 0; border-top: 1px solid var(--rule); border-bottom: 1px solid var(--rule); }
nav.toc a { margin-right: 14px; color: var(--accent); text-decoration: none; }
section { margin-top: 36px; }
section h2 { font-size: 1.45rem; border-bottom: 2px solid var(--accent); padding-bottom: 4px; }
p.gen { margin: 12px 0; }
span.fig { font-weight: 600; }
sup.fn { font-family: sans-serif; font-size: .7em; line-height: 0; }
sup.fn a { color: var(--accent); text-decoration: none; }
aside.authors { background: var(--note); border-left: 4px solid #c9b37e; padding: 8px 16px; margin: 16px 0; }
aside.authors .label { font-family: sans-serif; font-size: .75rem; letter-spacing: .06em; text-transform: uppercase; color: var(--muted); }
figure.chart { margin: 20px 0; }
figure.chart svg { width: 100%; height: auto; display: block; }
figure.chart figcaption { font-family: sans-serif; font-size: .85rem; color: var(--muted); }
table { border-collapse: collapse; width: 100%; font-family: sans-serif; font-size: .82rem; margin: 14px 0; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
th, td { border-bottom: 1px solid var(--rule); padding: 4px 6px; text-align: left; vertical-align: top; overflow-wrap: break-word; }
th { background: #f6f6f8; overflow-wrap: normal; }
td:first-child { white-space: nowrap; }
details { margin: 10px 0; font-family: sans-serif; font-size: .9rem; }
ol.sources { font-size: .9rem; }
ol.sources li { margin-bottom: 8px; }
ol.sources .uses { color: var(--muted); font-family: sans-serif; font-size: .78rem; }
ol.sources li:target { background: #fff3c4; }
@page { size: A4; margin: 20mm 16mm 18mm; }
@media print {
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  nav.toc { border: 0; margin: 0 0 12pt; }
  nav.toc a { display: block; margin: 2pt 0; color: inherit; }
  section { break-inside: auto; }
  figure.chart, table, aside.authors { break-inside: avoid; }
  details { display: block; }
  details > summary { display: none; }
  a { color: inherit; }
  ol.sources a[href^="http"]::after { content: " <" attr(href) ">"; font-size: 9pt; }
}
)css";

// A CSS string: quotes, backslashes and anything that could end the style
// element written as escapes.
std::string CssString(const std::string& text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    if (c == '"' || c == '\\' || c == '<' || c == '>' || c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\%X ", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

// Printed pages (and the PDF): the report's title as a running header, page
// numbers at the foot (CSS page-margin boxes, which Chromium prints).
std::string PageMargins(const std::string& title) {
  return "@page { @top-center { content: " + CssString(title) +
         "; font: 8.5pt sans-serif; color: #555; } @bottom-center { content: \"Page \" counter(page) \" of \" "
         "counter(pages); font: 8.5pt sans-serif; color: #555; } }";
}

// One superscript per figure: "<sup class="fn"><a>1</a>,<a>2</a></sup>".
// Each link's title names the records behind the figure, so a reader can
// follow it to the registry row without leaving the page.
std::string Footnotes(const Segment& s) {
  std::set<int> numbers;
  for (const Citation& c : s.cites) numbers.insert(c.source_number);
  std::string out = "<sup class=\"fn\">";
  bool first = true;
  for (int n : numbers) {
    std::string title;
    for (const Citation& c : s.cites) {
      if (c.source_number != n) continue;
      if (!title.empty()) title += "; ";
      title += c.record + " (" + c.origin + (c.locator.empty() ? "" : ", " + c.locator) + ")";
    }
    if (!first) out += ",";
    first = false;
    out += "<a href=\"#src-" + std::to_string(n) + "\" title=\"" + EscapeHtml(title) + "\">" + std::to_string(n) +
           "</a>";
  }
  return out + "</sup>";
}

std::string ProseHtml(const Prose& prose) {
  std::string out;
  for (const Segment& s : prose) {
    if (s.figure || !s.cites.empty()) {
      out += "<span class=\"fig\">" + EscapeHtml(s.text) + "</span>" + Footnotes(s);
    } else if (!s.link.empty() && IsWebUrl(s.link)) {
      out += "<a href=\"" + EscapeHtml(s.link) + "\">" + EscapeHtml(s.text) + "</a>";
    } else {
      out += EscapeHtml(s.text);
    }
  }
  return out;
}

std::string TableHtml(const Table& t) {
  std::string out = "<details open><summary>" + EscapeHtml(t.caption) + " (" + std::to_string(t.rows.size()) +
                    " rows)</summary><table><caption>" + EscapeHtml(t.caption) + "</caption><thead><tr>";
  for (const std::string& h : t.header) out += "<th>" + EscapeHtml(h) + "</th>";
  out += "</tr></thead><tbody>";
  for (const auto& row : t.rows) {
    out += "<tr>";
    for (const Prose& cell : row) out += "<td>" + ProseHtml(cell) + "</td>";
    out += "</tr>";
  }
  return out + "</tbody></table></details>";
}

}  // namespace

std::string RenderHtml(const ReportModel& m) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                    "style-src 'unsafe-inline'; img-src data:\">"
                    "<title>" + EscapeHtml(m.title) + "</title><style>" + kCss + PageMargins(m.title) +
                    "</style></head><body><main>";
  out += "<header class=\"report\"><h1>" + EscapeHtml(m.title) + "</h1><p>Country report generated by bilat from "
         "the workspace's stored records. Every figure links to its source; paragraphs marked "
         "\xE2\x80\x9C" "Authors\xE2\x80\x99 text\xE2\x80\x9D are the analysts\xE2\x80\x99 own.</p></header>";
  out += "<nav class=\"toc\">";
  for (const Section& s : m.sections) out += "<a href=\"#" + s.id + "\">" + EscapeHtml(s.title) + "</a>";
  out += "<a href=\"#sources\">Sources</a></nav>";
  for (const Section& s : m.sections) {
    out += "<section id=\"" + EscapeHtml(s.id) + "\"><h2>" + EscapeHtml(s.title) + "</h2>";
    for (const Block& b : s.blocks) {
      if (const auto* p = std::get_if<Paragraph>(&b)) {
        out += "<p class=\"gen\">" + ProseHtml(p->prose) + "</p>";
      } else if (const auto* a = std::get_if<AuthorsText>(&b)) {
        out += "<aside class=\"authors\"><div class=\"label\">Authors\xE2\x80\x99 text \xC2\xB7 " +
               EscapeHtml(a->file) + "</div>" + a->html + "</aside>";
      } else if (const auto* c = std::get_if<Chart>(&b)) {
        out += "<figure class=\"chart\" id=\"" + EscapeHtml(c->id) + "\">" + c->svg + "<figcaption>" +
               EscapeHtml(c->title) + ". " + EscapeHtml(c->description) + "</figcaption></figure>";
      } else if (const auto* t = std::get_if<Table>(&b)) {
        out += TableHtml(*t);
      }
    }
    out += "</section>";
  }
  out += "<section id=\"sources\"><h2>Sources</h2><ol class=\"sources\">";
  for (const SourceEntry& e : m.sources) {
    const Record& s = e.source;
    out += "<li id=\"src-" + std::to_string(e.number) + "\">" + EscapeHtml(s.Text("publisher")) + ", <em>" +
           EscapeHtml(s.Text("title")) + "</em>, " + EscapeHtml(s.DateOf("published").ToEnglish()) + ".";
    const std::string url = s.Text("url");
    if (IsWebUrl(url)) {
      out += " <a href=\"" + EscapeHtml(url) + "\">" + EscapeHtml(url) + "</a>";
    } else if (!url.empty()) {
      out += " " + EscapeHtml(url);  // not a web address: shown, never linked
    }
    if (!s.Text("citation").empty()) out += " " + EscapeHtml(s.Text("citation"));
    out += "<div class=\"uses\">Cited for " + std::to_string(e.used_by.size()) + " record" +
           (e.used_by.size() == 1 ? "" : "s") + ": ";
    for (size_t i = 0; i < e.used_by.size(); ++i) {
      const Citation& c = e.used_by[i];
      if (i) out += "; ";
      out += EscapeHtml(c.record) + " (" + EscapeHtml(c.origin) + (c.locator.empty() ? "" : ", " + EscapeHtml(c.locator)) + ")";
    }
    out += "</div></li>";
  }
  out += "</ol></section></main></body></html>\n";
  return out;
}

}  // namespace bilat::report
