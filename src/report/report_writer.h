// ReportWriter: the prose machinery every report section writes through.
//
// Section code (report/sections/) receives the writer by reference, reads
// the pair's facts from it and appends sections, paragraphs and tables. The
// writer owns the ReportModel being built and keeps its invariant: plain
// template text (T) never contains a digit, and every figure (F) is its own
// segment citing the records it rests on; a breach is recorded in the
// model's lint list, which tests require to be empty. Citing a record numbers
// its source in order of first use and lists the record under that source.
//
// The writer keeps references to the facts and the country registry it is
// given; both must outlive it. Not safe to share across threads.
#ifndef BILAT_REPORT_REPORT_WRITER_H_
#define BILAT_REPORT_REPORT_WRITER_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/country.h"
#include "core/record.h"
#include "index/standing.h"
#include "measure/pair_facts.h"
#include "report/model.h"

namespace bilat::report {

class ReportWriter {
 public:
  // Sets the model's pair, display names and title.
  ReportWriter(const measure::PairFacts& facts, const CountryRegistry& countries);

  ReportWriter(const ReportWriter&) = delete;
  ReportWriter& operator=(const ReportWriter&) = delete;

  // Everything the workspace holds about the pair.
  const measure::PairFacts& facts() const { return facts_; }
  // The relations index and trajectories of the series of the pair's first
  // country; null when the report is built without them.
  const index::SeriesStanding* standing() const { return standing_; }
  void set_standing(const index::SeriesStanding* standing) { standing_ = standing; }
  // Registers a source that is not among the facts' sources (the index's
  // components), so that records citing it can be cited.
  void AddSource(const Record& source);
  // The pair's names as prose writes them ("the United States"); a pass
  // over the finished model capitalises "the" where a sentence opens.
  const std::string& pa() const { return pa_; }
  const std::string& pb() const { return pb_; }

  // The prose name of a country by alpha-3 code (the code itself when the
  // registry does not know it; "" for "").
  std::string Name(const std::string& alpha3) const;
  // "China → Kazakhstan" from a record's `from` and `to` columns.
  std::string Direction(const Record* r) const;

  // Appends a section to the model; the reference lives until the next
  // NewSection call.
  Section& NewSection(std::string id, std::string title);
  // Appends a paragraph to `s`.
  void Add(Section& s, Prose p);

  // Plain template text: never a digit, so that no figure goes uncited.
  void T(Prose* p, std::string text);
  // A figure resting on `records` (null entries and repeats are skipped).
  void F(Prose* p, std::string text, const std::vector<const Record*>& records);
  // Text taken from a record (a name, a title): cited when it holds a digit.
  void D(Prose* p, std::string text, const Record* r);
  // A table cell of plain text, and one holding a figure from `r`.
  static Prose Cell(std::string text);
  Prose CellFig(std::string text, const Record* r);
  // The citation of `r`; numbers its source on first use.
  Citation Cite(const Record* r);

  // Hands over the model; the writer is not used afterwards.
  ReportModel TakeModel() { return std::move(model_); }

 private:
  const measure::PairFacts& facts_;
  const CountryRegistry& countries_;
  std::string pa_, pb_;
  ReportModel model_;
  std::map<std::string, int> numbers_;  // source id -> footnote number
  const index::SeriesStanding* standing_ = nullptr;
  std::map<std::string, Record> extra_sources_;  // by id
};

// ---- words ----------------------------------------------------------------

bool HasDigit(std::string_view s);
// Upper-cases a leading ASCII letter.
std::string Capitalise(std::string s);
std::string Plural(long long n, const std::string& one, const std::string& many);
// A registry code as words: "border_crossing" -> "border crossing".
std::string Humanise(std::string s);

// Joins items as "a, b and c": item(i) writes the i-th into `p`.
template <typename Fn>
void AppendList(size_t n, Fn item, Prose* p) {
  for (size_t i = 0; i < n; ++i) {
    if (i > 0) p->push_back({i + 1 == n ? " and " : ", ", false, {}, {}});
    item(i);
  }
}

}  // namespace bilat::report

#endif  // BILAT_REPORT_REPORT_WRITER_H_
