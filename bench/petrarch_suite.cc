// The PETRARCH unit-test suite as a peer's yardstick: codes the plain text
// of every <Sentence> in PETR.UnitTest.records.xml (the parse trees are
// ignored) with bilat's PETRARCH dictionary loader and shallow pattern
// coder, and compares the (source, target, CAMEO code) triples with the
// expected <EventCoding>s. Prints the share of expected events found and
// the share of produced events that were not expected, overall and by
// category. Results and method: docs/petrarch_suite.md.
//
// Usage: petrarch_suite [PETRARCH2_DIR]   (default: ../shared/data/petrarch2)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/text/petrarch.h"

namespace {

using bilat::text::Coding;

std::string Attr(const std::string& tag, const std::string& name) {
  size_t p = tag.find(name + "=");
  if (p == std::string::npos) return "";
  p += name.size() + 1;
  while (p < tag.size() && tag[p] == ' ') ++p;
  if (p >= tag.size()) return "";
  char q = tag[p];
  if (q != '"' && q != '\'') return "";
  size_t e = tag.find(q, p + 1);
  return e == std::string::npos ? "" : tag.substr(p + 1, e - p - 1);
}

struct Record {
  std::string id, category;
  bilat::text::TextDate date;
  std::string text;
  std::vector<Coding> expected;
  bool no_events = false;
};

std::vector<Record> ReadSuite(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string xml = ss.str();
  std::vector<Record> out;
  size_t pos = 0;
  while ((pos = xml.find("<Sentence ", pos)) != std::string::npos) {
    size_t tag_end = xml.find('>', pos);
    size_t end = xml.find("</Sentence>", pos);
    if (tag_end == std::string::npos || end == std::string::npos) break;
    std::string tag = xml.substr(pos, tag_end - pos);
    std::string body = xml.substr(tag_end + 1, end - tag_end - 1);
    Record r;
    r.id = Attr(tag, "id");
    r.category = Attr(tag, "category");
    std::string d = Attr(tag, "date");
    if (d.size() == 8) r.date = bilat::text::TextDate::Day(std::stoi(d.substr(0, 4)), std::stoi(d.substr(4, 2)), std::stoi(d.substr(6, 2)));
    size_t t = body.find("<Text>"), te = body.find("</Text>");
    if (t != std::string::npos && te != std::string::npos) r.text = body.substr(t + 6, te - t - 6);
    for (char& c : r.text) {
      if (c == '\n' || c == '\t') c = ' ';
    }
    size_t c = 0;
    while ((c = body.find("<EventCoding", c)) != std::string::npos) {
      size_t ce = body.find('>', c);
      std::string ctag = body.substr(c, ce - c);
      if (ctag.find("noevents") != std::string::npos) {
        r.no_events = true;
      } else {
        r.expected.push_back({Attr(ctag, "sourcecode"), Attr(ctag, "targetcode"), Attr(ctag, "eventcode")});
      }
      c = ce;
    }
    out.push_back(std::move(r));
    pos = end;
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir = argc > 1 ? argv[1] : std::string(BILAT_SHARED_DIR) + "/data/petrarch2";
  auto dicts = std::make_shared<bilat::text::PetrarchDictionaries>();
  std::vector<bilat::text::DictionaryIssue> issues;
  const std::string d = dir + "/dictionaries/";
  for (auto st : {dicts->LoadActors(d + "PETR.Validate.actors.txt", &issues),
                  dicts->LoadAgents(d + "PETR.Validate.agents.txt", &issues),
                  dicts->LoadPetrarchVerbs(d + "PETR.Validate.verbs.txt", &issues),
                  dicts->LoadDiscards(d + "PETR.Validate.discards.txt", &issues)}) {
    if (!st.ok()) {
      std::cerr << "petrarch_suite: " << st.message() << "\n";
      return 1;
    }
  }
  dicts->BuildIndexes();
  bilat::text::PatternCoder coder(dicts);
  std::vector<Record> suite = ReadSuite(dir + "/text/PETR.UnitTest.records.xml");
  if (suite.empty()) {
    std::cerr << "petrarch_suite: no <Sentence> records in " << dir << "/text/PETR.UnitTest.records.xml\n";
    return 1;
  }
  struct Tally {
    size_t sentences = 0, expected = 0, found = 0, produced = 0, unexpected = 0, root_found = 0;
  };
  std::map<std::string, Tally> by_cat;
  Tally all;
  auto start = std::chrono::steady_clock::now();
  for (const Record& r : suite) {
    std::vector<Coding> got = coder.Code(r.text, r.date);
    Tally& t = by_cat[r.category];
    for (Tally* x : {&t, &all}) {
      x->sentences++;
      x->expected += r.expected.size();
      x->produced += got.size();
    }
    for (const Coding& g : got) {
      bool hit = std::find(r.expected.begin(), r.expected.end(), g) != r.expected.end();
      if (hit) {
        t.found++;
        all.found++;
      } else {
        t.unexpected++;
        all.unexpected++;
      }
    }
    // Same dyad, same CAMEO root (first two digits): a looser reading.
    for (const Coding& e : r.expected) {
      for (const Coding& g : got) {
        if (g.source == e.source && g.target == e.target && g.code.substr(0, 2) == e.code.substr(0, 2)) {
          t.root_found++;
          all.root_found++;
          break;
        }
      }
    }
  }
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  auto pct = [](size_t a, size_t b) { return b ? 100.0 * static_cast<double>(a) / static_cast<double>(b) : 0.0; };
  std::printf("dictionaries: %zu actors, %zu agents, %zu verbs, %zu patterns, %zu discards; %zu lines skipped\n",
              dicts->actors().size(), dicts->agents().size(), dicts->verbs().size(), dicts->pattern_count(),
              dicts->discard_count(), issues.size());
  std::printf("%-10s %5s %8s %6s %7s %9s %11s %7s %9s\n", "category", "sent", "expected", "found", "found%",
              "produced", "unexpected", "unexp%", "root%");
  for (const auto& [cat, t] : by_cat) {
    std::printf("%-10s %5zu %8zu %6zu %6.1f%% %9zu %11zu %6.1f%% %8.1f%%\n", cat.c_str(), t.sentences, t.expected,
                t.found, pct(t.found, t.expected), t.produced, t.unexpected, pct(t.unexpected, t.produced),
                pct(t.root_found, t.expected));
  }
  std::printf("%-10s %5zu %8zu %6zu %6.1f%% %9zu %11zu %6.1f%% %8.1f%%\n", "all", all.sentences, all.expected,
              all.found, pct(all.found, all.expected), all.produced, all.unexpected, pct(all.unexpected, all.produced),
              pct(all.root_found, all.expected));
  std::printf("coded %zu sentences in %.1f ms\n", all.sentences, ms);
  return 0;
}
