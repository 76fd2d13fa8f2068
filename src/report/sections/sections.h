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

// ---- blocks written into a section ----------------------------------------

// The facts of `kinds` extracted from texts, each listed with its evidence
// sentence; nothing when there are none (text_facts.cc).
void TextFacts(ReportWriter& w, Section& s, const std::set<std::string>& kinds, const std::string& label);

}  // namespace bilat::report::sections

#endif  // BILAT_REPORT_SECTIONS_SECTIONS_H_
