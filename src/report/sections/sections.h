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
#include <vector>

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
// People-to-people institutions and arrangements, visa rules, public
// diplomacy (people.cc).
void People(ReportWriter& w);
// Troubled transactions, conflictual events, negative event scores (risks.cc).
void Risks(ReportWriter& w);
// The pair's place in the relations index of the first country's series,
// what moved it, and the forecasts of both axes, trade and the event
// balance, with the stated trade targets' chances (standing.cc).
void Standing(ReportWriter& w);
// Stated targets and the growth they require (outlook.cc).
void Outlook(ReportWriter& w);

// ---- blocks written into a section ----------------------------------------

// Risks (risk_exposure.cc), each false when the data are not there: each
// side's share in the other's trade; official finance committed beside the
// recipient's GDP; months whose event balance fell far below the pair's own
// median.
bool DependenceBlock(ReportWriter& w, Section& s);
bool DebtExposureBlock(ReportWriter& w, Section& s);
bool AnomalousMonthsBlock(ReportWriter& w, Section& s);

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
// UN General Assembly vote agreement and ideal-point distance (un_voting.cc).
void UnVotingBlock(ReportWriter& w, Section& s);
// Each side's diplomatic posts in the other (diplomatic_posts.cc).
void DiplomaticPostsBlock(ReportWriter& w, Section& s);
// Belt and Road membership of China's partner (belt_and_road.cc).
void BeltAndRoadParagraph(ReportWriter& w, Section& s);
// Development finance sums by year and flow class (development_finance.cc).
void DevelopmentFinanceBlock(ReportWriter& w, Section& s);
// Official finance projects: loans, grants, aid (development_finance.cc).
void OfficialFinanceProjectsBlock(ReportWriter& w, Section& s);
// Visa rules each way over time (visa.cc).
void VisaBlock(ReportWriter& w, Section& s);
// Public diplomacy counts (public_diplomacy.cc).
void PublicDiplomacyBlock(ReportWriter& w, Section& s);

// ---- wording shared by sections (vocabulary.cc) ---------------------------

// "border crossing" / "border crossings" for a registry kind and count; an
// unknown kind is humanised.
std::string KindNoun(const std::string& kind, long long n);
// Who states `rows`: "the registry", "the datasets ingested" (rows of bulk
// datasets, ids with ':'), or "the registry with the datasets ingested".
std::string WhoRecords(const std::vector<const Record*>& rows);
// "The registry lists" / "The datasets ingested list": WhoRecords with the
// verb (given in the singular, "lists") agreeing, capitalised.
std::string WhoStates(const std::vector<const Record*>& rows, const std::string& verb);
// "a strategic partnership", "an all-weather partnership".
std::string WithArticle(const std::string& noun);
// A record's money value with its qualifier: "more than $500 million".
std::string QualifiedMoney(const Record& r, double value);

}  // namespace bilat::report::sections

#endif  // BILAT_REPORT_SECTIONS_SECTIONS_H_
