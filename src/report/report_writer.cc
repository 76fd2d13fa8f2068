#include "report/report_writer.h"

#include <algorithm>
#include <set>

namespace bilat::report {

ReportWriter::ReportWriter(const measure::PairFacts& facts, const CountryRegistry& countries)
    : facts_(facts), countries_(countries) {
  model_.a = facts_.a;
  model_.b = facts_.b;
  model_.a_name = Name(facts_.a);
  model_.b_name = Name(facts_.b);
  pa_ = Name(facts_.a);
  pb_ = Name(facts_.b);
  model_.title = Capitalise(pa_) + " and " + pb_ + ": bilateral relations";
}

std::string ReportWriter::Name(const std::string& alpha3) const {
  if (alpha3.empty()) return "";
  const Country* c = countries_.Find(alpha3);
  return c ? c->ProseName() : alpha3;
}

std::string ReportWriter::Direction(const Record* r) const {
  return Name(r->Text("from")) + " \u2192 " + Name(r->Text("to"));
}

Section& ReportWriter::NewSection(std::string id, std::string title) {
  model_.sections.push_back({std::move(id), std::move(title), {}});
  return model_.sections.back();
}

void ReportWriter::Add(Section& s, Prose p) { s.blocks.emplace_back(Paragraph{std::move(p)}); }

void ReportWriter::T(Prose* p, std::string text) {
  if (HasDigit(text)) model_.lint.push_back("uncited digit in template text: " + text);
  p->push_back({std::move(text), false, {}, {}});
}

void ReportWriter::F(Prose* p, std::string text, const std::vector<const Record*>& records) {
  Segment s{std::move(text), true, {}, {}};
  std::set<std::string> seen;
  for (const Record* r : records) {
    if (r && seen.insert(std::string(r->kind->name) + "/" + r->Text("id")).second) {
      s.cites.push_back(Cite(r));
    }
  }
  if (s.cites.empty()) model_.lint.push_back("figure without citation: " + s.text);
  p->push_back(std::move(s));
}

void ReportWriter::D(Prose* p, std::string text, const Record* r) {
  if (HasDigit(text)) {
    F(p, std::move(text), {r});
  } else {
    p->push_back({std::move(text), false, {}, {}});
  }
}

Prose ReportWriter::Cell(std::string text) { return {{std::move(text), false, {}, {}}}; }

Prose ReportWriter::CellFig(std::string text, const Record* r) {
  Prose p;
  F(&p, std::move(text), {r});
  return p;
}

void ReportWriter::AddSource(const Record& source) { extra_sources_.emplace(source.Text("id"), source); }

Citation ReportWriter::Cite(const Record* r) {
  Citation c;
  c.source_id = r->Text("source_id");
  c.record = std::string(r->kind->name) + "/" + r->Text("id");
  c.origin = r->Origin();
  c.locator = r->Text("locator");
  const Record* source = nullptr;
  if (auto it = facts_.sources.find(c.source_id); it != facts_.sources.end()) {
    source = &it->second;
  } else if (auto extra = extra_sources_.find(c.source_id); extra != extra_sources_.end()) {
    source = &extra->second;
  }
  if (!source) {
    model_.lint.push_back("record " + c.record + " cites unknown source " + c.source_id);
    return c;
  }
  auto [it, inserted] = numbers_.emplace(c.source_id, static_cast<int>(numbers_.size()) + 1);
  if (inserted) model_.sources.push_back({it->second, *source, {}});
  c.source_number = it->second;
  auto& used = model_.sources[it->second - 1].used_by;
  if (std::none_of(used.begin(), used.end(), [&](const Citation& u) { return u.record == c.record; })) {
    used.push_back(c);
  }
  return c;
}

bool HasDigit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string Capitalise(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

std::string Plural(long long n, const std::string& one, const std::string& many) {
  return n == 1 ? one : many;
}

std::string Humanise(std::string s) {
  std::replace(s.begin(), s.end(), '_', ' ');
  return s;
}

}  // namespace bilat::report
