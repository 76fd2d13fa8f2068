// Speed of text extraction on one core, with every dictionary loaded.
//
// The corpus is the development texts (../shared/corpus/dev/texts) repeated
// as separate documents until it reaches --mb megabytes (default 50). The
// run measures, on the same documents and in the same process:
//   read      DocumentFromText: normalisation, URL/dateline/date detection
//   extract   Extractor::Extract: tokens, sentences, names, dates, numbers,
//             rules, merging -- the whole `bilat extract` minus file I/O
//   split     tokenisation and sentence splitting alone (the floor)
//   petrarch  the PETRARCH-style pattern coder with the Phoenix actor,
//             agent and CAMEO 2.0 verb dictionaries plus TABARI's verbs (a
//             dictionary coder of the TABARI kind, for comparison)
// and prints sentences/s for each, median of --runs runs, and the ratios.
// Results: bench/README.md.
//
// Usage: text_extract_bench [--mb N] [--runs N] [--shared DIR] [--data DIR]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>
#include <string>
#include <vector>

#include "core/country.h"
#include "ingest/text/document.h"
#include "ingest/text/extractor.h"
#include "ingest/text/petrarch.h"
#include "ingest/text/tokenizer.h"

namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double>(b - a).count(); }

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

int main(int argc, char** argv) {
  size_t mb = 50;
  int runs = 3;
  std::string shared = BILAT_SHARED_DIR;
  std::string data = BILAT_SOURCE_DATA_DIR;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--mb") mb = std::stoul(argv[i + 1]);
    else if (a == "--runs") runs = std::stoi(argv[i + 1]);
    else if (a == "--shared") shared = argv[i + 1];
    else if (a == "--data") data = argv[i + 1];
  }
  auto countries = bilat::CountryRegistry::LoadDefault();
  if (!countries.ok()) {
    std::cerr << "text_extract_bench: " << countries.status().message() << "\n";
    return 1;
  }
  auto t0 = Clock::now();
  auto ex = bilat::text::Extractor::Load(data, **countries);
  if (!ex.ok()) {
    std::cerr << "text_extract_bench: " << ex.status().message() << "\n";
    return 1;
  }
  auto t1 = Clock::now();
  // The analysts' dictionaries, loaded in full.
  auto dicts = std::make_shared<bilat::text::PetrarchDictionaries>();
  std::vector<bilat::text::DictionaryIssue> issues;
  const std::string pd = shared + "/data/petrarch2/dictionaries/";
  for (auto st : {dicts->LoadActors(pd + "Phoenix.Countries.actors.txt", &issues),
                  dicts->LoadActors(pd + "Phoenix.International.actors.txt", &issues),
                  dicts->LoadActors(pd + "Phoenix.MilNonState.actors.txt", &issues),
                  dicts->LoadAgents(pd + "Phoenix.agents.txt", &issues),
                  dicts->LoadPetrarchVerbs(pd + "CAMEO.2.0.txt", &issues),
                  dicts->LoadTabariVerbs(shared + "/data/tabari/CAMEO.091003.master.verbs", &issues),
                  dicts->LoadDiscards(pd + "Phoenix.discards.txt", &issues)}) {
    if (!st.ok()) {
      std::cerr << "text_extract_bench: " << st.message() << "\n";
      return 1;
    }
  }
  dicts->BuildIndexes();
  auto t2 = Clock::now();
  bilat::text::PatternCoder coder(dicts);

  std::vector<std::pair<std::string, std::string>> texts;
  for (const auto& e : std::filesystem::directory_iterator(shared + "/corpus/dev/texts")) {
    if (e.path().extension() == ".txt") texts.push_back({e.path().stem().string(), ReadFile(e.path().string())});
  }
  std::sort(texts.begin(), texts.end());
  size_t one_pass = 0;
  for (const auto& [id, t] : texts) one_pass += t.size();
  if (one_pass == 0) {
    std::cerr << "text_extract_bench: no texts in " << shared << "/corpus/dev/texts\n";
    return 1;
  }
  size_t copies = (mb << 20) / one_pass + 1;

  std::printf("machine: %u hardware threads; one core used\n", std::thread::hardware_concurrency());
  std::printf("dictionaries: bilat %zu phrases, %zu leaders, %zu lexicon words (%.0f ms); "
              "PETRARCH/TABARI %zu actors, %zu agents, %zu verbs, %zu patterns (%.0f ms)\n",
              (*ex)->gazetteer().phrase_count(), (*ex)->gazetteer().leader_count(), (*ex)->lexicon().size(),
              1e3 * Seconds(t0, t1), dicts->actors().size(), dicts->agents().size(), dicts->verbs().size(),
              dicts->pattern_count(), 1e3 * Seconds(t1, t2));

  std::vector<double> read_s, extract_s, split_s, petrarch_s;
  size_t bytes = 0, sentences = 0, items = 0, docs_n = 0;
  for (int r = 0; r < runs; ++r) {
    std::vector<bilat::text::Document> docs;
    docs.reserve(copies * texts.size());
    auto a = Clock::now();
    for (size_t c = 0; c < copies; ++c) {
      for (const auto& [id, t] : texts) {
        auto d = bilat::text::DocumentFromText(id + "-" + std::to_string(c), t, id);
        docs.push_back(std::move(*d));
      }
    }
    auto b = Clock::now();
    size_t sent = 0, it = 0;
    for (const bilat::text::Document& d : docs) {
      bilat::text::Extraction x = (*ex)->Extract(d);
      sent += x.sentences;
      it += x.visits.size() + x.events.size() + x.trade.size() + x.quantities.size() + x.money.size() +
            x.percentages.size();
    }
    auto c = Clock::now();
    // The floor: tokens and sentences only.
    size_t split_sent = 0;
    std::vector<bilat::text::Token> toks;
    std::vector<std::string> sentence_texts;
    for (const bilat::text::Document& d : docs) {
      for (const bilat::text::Paragraph& p : bilat::text::SplitParagraphs(d.norm.text, d.body_begin, d.norm.text.size())) {
        // As the extractor does, a line holding only a URL is not prose.
        std::string_view line = std::string_view(d.norm.text).substr(p.begin, p.end - p.begin);
        if (line.rfind("http", 0) == 0 && line.find(' ') == std::string_view::npos) continue;
        toks.clear();
        bilat::text::Tokenize(d.norm.text, p.begin, p.end, &toks);
        for (const bilat::text::TokenRange& sr : bilat::text::SplitSentences(d.norm.text, toks)) {
          ++split_sent;
          if (&d - docs.data() < static_cast<ptrdiff_t>(texts.size())) {
            sentence_texts.push_back(d.norm.text.substr(toks[sr.begin].begin, toks[sr.end - 1].end - toks[sr.begin].begin));
          }
        }
      }
    }
    auto e = Clock::now();
    // The dictionary coder on the same sentences (one pass of the texts,
    // repeated to the same count).
    size_t coded = 0, events = 0;
    for (size_t c2 = 0; c2 < copies; ++c2) {
      for (const std::string& s : sentence_texts) {
        events += coder.Code(s, bilat::text::TextDate::Year(2023)).size();
        ++coded;
      }
    }
    auto f = Clock::now();
    read_s.push_back(Seconds(a, b));
    extract_s.push_back(Seconds(b, c));
    split_s.push_back(Seconds(c, e));
    petrarch_s.push_back(Seconds(e, f));
    bytes = 0;
    for (const auto& d : docs) bytes += d.original.size();
    sentences = sent;
    items = it;
    docs_n = docs.size();
    if (split_sent != sent || coded != sent) {
      std::fprintf(stderr, "note: sentence counts differ (extract %zu, split %zu, coded %zu)\n", sent, split_sent, coded);
    }
    (void)events;
  }
  double rs = Median(read_s), es = Median(extract_s), ss = Median(split_s), ps = Median(petrarch_s);
  double n = static_cast<double>(sentences);
  std::printf("corpus: %zu documents, %.1f MB, %zu sentences, %zu items extracted; median of %d runs\n", docs_n,
              static_cast<double>(bytes) / (1 << 20), sentences, items, runs);
  std::printf("%-10s %10s %14s %10s\n", "stage", "seconds", "sentences/s", "MB/s");
  auto row = [&](const char* name, double s) {
    std::printf("%-10s %10.3f %14.0f %10.1f\n", name, s, n / s, static_cast<double>(bytes) / (1 << 20) / s);
  };
  row("read", rs);
  row("extract", es);
  row("read+extr", rs + es);
  row("split", ss);
  row("petrarch", ps);
  std::printf("ratios: extract is %.1fx the PETRARCH-style coder's speed, %.2fx the tokeniser-only floor; "
              "target 50000 sentences/s: %s\n",
              ps / es, ss / es, n / (rs + es) >= 50000 ? "met (read+extract)" : "NOT met");
  return 0;
}
