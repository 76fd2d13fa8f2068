// PETRARCH/TABARI dictionaries (actors, agents, verbs, discards) and the
// pattern coder run on the same bytes as a sentence.
#include "fuzz/fuzz_util.h"
#include "ingest/text/petrarch.h"

using namespace bilat;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto [selector, bytes] = fuzz::Select(data, size);
  std::string path = fuzz::WriteScratchFile("dictionary.txt", bytes);
  auto dicts = std::make_shared<text::PetrarchDictionaries>();
  std::vector<text::DictionaryIssue> issues;
  switch (selector % 5) {
    case 0: (void)dicts->LoadActors(path, &issues); break;
    case 1: (void)dicts->LoadAgents(path, &issues); break;
    case 2: (void)dicts->LoadPetrarchVerbs(path, &issues); break;
    case 3: (void)dicts->LoadTabariVerbs(path, &issues); break;
    case 4: (void)dicts->LoadDiscards(path, &issues); break;
  }
  dicts->BuildIndexes();
  text::PatternCoder coder(dicts);
  (void)coder.Code(bytes.substr(0, 2000), text::TextDate{});
  return 0;
}
