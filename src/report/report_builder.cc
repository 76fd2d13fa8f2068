// BuildReport: writes the sections (report/sections/) in order through one
// ReportWriter, then adds the authors' text and polishes the finished model
// (a "the" that opens a sentence capitalised, "States's" written "States'").
#include "report/report_builder.h"

#include <cmark.h>

#include <cctype>
#include <cstdlib>
#include <string>
#include <variant>
#include <vector>

#include "report/notes.h"
#include "report/report_writer.h"
#include "report/sections/sections.h"

namespace bilat::report {
namespace {

// Names that take the article are written "the United States" in
// templates; this pass capitalises "the" where a sentence (or a cell, a
// caption, a header) opens with it, and writes the possessive of a name
// ending in s as "the United States'" rather than "the United States's".
void FixPossessive(std::string* t) {
  for (size_t at = t->find("s's"); at != std::string::npos; at = t->find("s's", at + 2)) {
    size_t after = at + 3;
    if (after == t->size() || !std::isalpha(static_cast<unsigned char>((*t)[after]))) t->erase(at + 2, 1);
  }
}

void PolishProse(Prose* prose, bool opens) {
  bool start = opens;
  for (Segment& seg : *prose) {
    FixPossessive(&seg.text);
    for (size_t i = 0; i < seg.text.size(); ++i) {
      char c = seg.text[i];
      if (c == ' ' || c == '(' || c == '"') continue;
      if (start && seg.text.compare(i, 4, "the ") == 0) seg.text[i] = 'T';
      start = !seg.figure && (c == '.' || c == '!' || c == '?' || c == ':') &&
              (i + 1 == seg.text.size() || seg.text[i + 1] == ' ');
      if (c == ':') start = false;  // "...: the United States" stays lower case
    }
  }
}

void Polish(ReportModel* model) {
  for (Section& s : model->sections) {
    for (Block& b : s.blocks) {
      if (auto* p = std::get_if<Paragraph>(&b)) {
        PolishProse(&p->prose, true);
      } else if (auto* t = std::get_if<Table>(&b)) {
        t->caption = Capitalise(t->caption);
        FixPossessive(&t->caption);
        for (std::string& h : t->header) {
          h = Capitalise(h);
          FixPossessive(&h);
        }
        for (auto& row : t->rows) {
          for (Prose& cell : row) PolishProse(&cell, true);
        }
      }
    }
  }
}

// The analysts' Markdown for the section, if any, after its first block.
void AddAuthorsText(const ReportInputs& in, Section* s) {
  auto it = in.authors_text.find(s->id);
  if (it == in.authors_text.end()) return;
  SafeNotes safe = SanitizeNotes(it->second.second);
  AuthorsText a{it->second.first, std::move(safe.markdown), std::move(safe.html)};
  // Shown right after the first generated paragraph, beside the figures.
  auto pos = s->blocks.begin();
  if (pos != s->blocks.end()) ++pos;
  s->blocks.insert(pos, std::move(a));
}

}  // namespace

const std::vector<std::string>& SectionIds() {
  static const std::vector<std::string> kIds = {"political", "pulse", "economy", "connectivity", "finance",
                                                "people",    "risks", "standing", "outlook"};
  return kIds;
}

ReportModel BuildReport(const ReportInputs& inputs) {
  // Sections in the order of SectionIds(), each from report/sections/.
  ReportWriter w(*inputs.facts, *inputs.countries);
  w.set_standing(inputs.standing);
  sections::Political(w);
  sections::Pulse(w);
  sections::Economy(w);
  sections::Connectivity(w);
  sections::Finance(w);
  sections::People(w);
  sections::Risks(w);
  sections::Standing(w);
  sections::Outlook(w);
  ReportModel model = w.TakeModel();
  for (Section& s : model.sections) AddAuthorsText(inputs, &s);
  Polish(&model);
  return model;
}

std::string MarkdownToSafeHtml(const std::string& markdown) { return SanitizeNotes(markdown).html; }

}  // namespace bilat::report
