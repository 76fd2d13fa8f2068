// Renderers: ReportModel -> one self-contained HTML file, Markdown, JSON.
// All three carry the same facts; every data-derived string is escaped for
// its format.
#ifndef BILAT_REPORT_RENDERERS_H_
#define BILAT_REPORT_RENDERERS_H_

#include <string>

#include "measure/pair_facts.h"
#include "report/model.h"

namespace bilat::report {

// One HTML file: inline CSS (with a print stylesheet) and inline SVG, no
// script and no external reference.
std::string RenderHtml(const ReportModel& model);
// CommonMark with footnotes ([^n]) mirroring the HTML.
std::string RenderMarkdown(const ReportModel& model);
// The report's text and figures with their citations, the facts used (with
// source ids and registry lines) and the derived figures. Deterministic:
// the same workspace gives byte-identical output.
std::string RenderJson(const ReportModel& model, const measure::PairFacts& facts);

}  // namespace bilat::report

#endif  // BILAT_REPORT_RENDERERS_H_
