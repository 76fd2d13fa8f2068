// BuildReport: turns the facts about one pair into a ReportModel.
//
// Every sentence is a template filled from stored records; every figure in
// it cites the records it was taken or computed from. Nothing is invented:
// where the workspace holds no data for a section, the section says so.
#ifndef BILAT_REPORT_REPORT_BUILDER_H_
#define BILAT_REPORT_REPORT_BUILDER_H_

#include <map>
#include <string>

#include "core/country.h"
#include "index/standing.h"
#include "measure/pair_facts.h"
#include "report/model.h"

namespace bilat::report {

struct ReportInputs {
  const measure::PairFacts* facts = nullptr;
  const CountryRegistry* countries = nullptr;
  // The relations index and trajectories of the series of facts->a; null
  // leaves the "Standing and trajectory" section saying so.
  const index::SeriesStanding* standing = nullptr;
  // Analysts' Markdown by section id ("political" -> text), with the file
  // each came from (for the label).
  std::map<std::string, std::pair<std::string, std::string>> authors_text;
};

// Section ids in report order.
const std::vector<std::string>& SectionIds();

ReportModel BuildReport(const ReportInputs& inputs);

// Renders CommonMark to HTML with raw HTML suppressed (cmark's safe mode).
std::string MarkdownToSafeHtml(const std::string& markdown);

}  // namespace bilat::report

#endif  // BILAT_REPORT_REPORT_BUILDER_H_
