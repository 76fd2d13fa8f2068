// The report's sections, one function each, and the blocks they share.
//
// A section function appends its section to the model through `w` and fills
// it from w.facts() with ReportWriter's T/F/D, so that every figure cites the
// records it rests on; where the workspace holds nothing for a section, the
// section says so. BuildReport (report_builder.cc) calls them in the order of
// SectionIds(). A new section is a new file in this folder, its function
// declared here, its id added to SectionIds() and its call to BuildReport; a
// new block of an existing section is a new file with its function declared
// under "Blocks" and called from the section.
#ifndef BILAT_REPORT_SECTIONS_SECTIONS_H_
#define BILAT_REPORT_SECTIONS_SECTIONS_H_

#include <set>
#include <string>

#include "core/record.h"
#include "measure/pair_facts.h"
#include "report/model.h"
#include "report/report_writer.h"

namespace bilat::report::sections {

// ---- sections, in report order --------------------------------------------

// Exchanges, heads of state's visits, partnership, agreements (political.cc).
void Political(ReportWriter& w);
// Event data (GDELT, ICEWS), month by month (pulse.cc).
void Pulse(ReportWriter& w);
// Trade totals and mirror gaps (economy.cc), then ClaimsBlock,
// TradeStatisticsBlock, ProjectsBlock and the extracted figures.
void Economy(ReportWriter& w);
// Operating connectivity assets by kind (connectivity.cc).
void Connectivity(ReportWriter& w);
// Financial arrangements (finance.cc).
void Finance(ReportWriter& w);
// People-to-people institutions and arrangements (people.cc).
void People(ReportWriter& w);
// Stated targets and the growth they require (outlook.cc).
void Outlook(ReportWriter& w);

// ---- blocks written into a section ----------------------------------------

// The facts of `kinds` extracted from texts, each listed with its evidence
// sentence; nothing when there are none (text_facts.cc).
void TextFacts(ReportWriter& w, Section& s, const std::set<std::string>& kinds, const std::string& label);
// Every stated trade figure beside the others for the same quantity and
// year and beside the ingested statistics, and each stated growth beside the
// growth its own source's figures give; nothing without claims (claims.cc).
void ClaimsBlock(ReportWriter& w, Section& s);
// One dataset's ingested trade statistics: totals, ranks, indicators, export
// structure, mirror statistics, a chart and a table (trade_statistics.cc).
void TradeStatisticsBlock(ReportWriter& w, Section& s, const measure::TradeStatistics& ts);
// Projects and investments: counts, values, sectors, the largest (projects.cc).
void ProjectsBlock(ReportWriter& w, Section& s);

// ---- wording shared by sections (vocabulary.cc) ---------------------------

// "border crossing" / "border crossings" for a registry kind and count; an
// unknown kind is humanised.
std::string KindNoun(const std::string& kind, long long n);
// A record's money value with its qualifier: "more than $500 million".
std::string QualifiedMoney(const Record& r, double value);

}  // namespace bilat::report::sections

#endif  // BILAT_REPORT_SECTIONS_SECTIONS_H_
