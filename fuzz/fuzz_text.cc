// News text: plain text, HTML and JSON Lines documents through the reader
// and the whole extractor. Selector: 0 text, 1 HTML, 2 a file of any kind.
#include "fuzz/fuzz_util.h"
#include "ingest/text/document.h"
#include "ingest/text/extractor.h"

using namespace bilat;

namespace {

const text::Extractor& TheExtractor() {
  static std::shared_ptr<const text::Extractor> extractor = [] {
    auto e = text::Extractor::Load(fuzz::DataDir(), fuzz::Countries());
    if (!e.ok()) __builtin_trap();
    return *std::move(e);
  }();
  return *extractor;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto [selector, bytes] = fuzz::Select(data, size);
  std::vector<text::Document> docs;
  switch (selector % 3) {
    case 0: {
      auto doc = text::DocumentFromText("fuzz", std::string(bytes), "fuzz.txt");
      if (doc.ok()) docs.push_back(*std::move(doc));
      break;
    }
    case 1: {
      auto doc = text::DocumentFromHtml("fuzz", bytes, "fuzz.html");
      if (doc.ok()) docs.push_back(*std::move(doc));
      break;
    }
    case 2: {
      static const char* kNames[] = {"fuzz.jsonl", "fuzz.html", "fuzz.txt"};
      std::string path = fuzz::WriteScratchFile(kNames[(selector / 3) % 3], bytes);
      std::vector<text::ReadIssue> issues;
      auto read = text::ReadDocuments(path, {}, &issues);
      if (read.ok()) docs = *std::move(read);
      break;
    }
  }
  for (const auto& doc : docs) (void)TheExtractor().Extract(doc);
  return 0;
}
