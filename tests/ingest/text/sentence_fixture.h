// Test helper: one sentence of text, tokenised and looked up in the
// lexicon shipped in data/text, as the recognisers see it.
#ifndef BILAT_TESTS_INGEST_TEXT_SENTENCE_FIXTURE_H_
#define BILAT_TESTS_INGEST_TEXT_SENTENCE_FIXTURE_H_

#include <memory>
#include <string>
#include <vector>

#include "core/text.h"
#include "ingest/text/lexicon.h"
#include "ingest/text/sentence.h"
#include "ingest/text/tokenizer.h"
#include "ingest/text/unicode.h"

namespace bilat::text {

inline std::shared_ptr<const Lexicon> TestLexicon() {
  static std::shared_ptr<const Lexicon> lex = [] {
    auto r = Lexicon::Load(std::string(BILAT_SOURCE_DIR) + "/data/text/lexicon.tsv");
    return r.ok() ? *r : Lexicon::BuiltIn();
  }();
  return lex;
}

class SentenceFixture {
 public:
  explicit SentenceFixture(const std::string& raw) : text_(Normalize(raw).text), lower_(ToLower(text_)) {
    Tokenize(text_, 0, text_.size(), &tokens_);
    for (const Token& t : tokens_) lex_.push_back(TestLexicon()->Find(std::string_view(lower_).substr(t.begin, t.size())));
  }
  SentenceView view() const {
    return SentenceView{text_, lower_, tokens_.data(), lex_.data(), static_cast<uint32_t>(tokens_.size())};
  }

 private:
  std::string text_;
  std::string lower_;
  std::vector<Token> tokens_;
  std::vector<const LexInfo*> lex_;
};

}  // namespace bilat::text

#endif  // BILAT_TESTS_INGEST_TEXT_SENTENCE_FIXTURE_H_
