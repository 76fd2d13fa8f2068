// SentenceView: one sentence as the recognisers see it — its tokens, the
// text they point into (normalised and lower-cased copies with the same
// offsets) and each token's lexicon entry. A view: it owns nothing and lives
// as long as the document's buffers.
#ifndef BILAT_INGEST_TEXT_SENTENCE_H_
#define BILAT_INGEST_TEXT_SENTENCE_H_

#include <cstdint>
#include <string_view>

#include "ingest/text/lexicon.h"
#include "ingest/text/tokenizer.h"

namespace bilat::text {

struct SentenceView {
  std::string_view text;   // normalised document text
  std::string_view lower;  // the same, lower-cased (ASCII), same offsets
  const Token* tokens = nullptr;
  const LexInfo* const* lex = nullptr;  // per token; nullptr if unknown
  uint32_t size = 0;

  std::string_view Str(uint32_t i) const { return text.substr(tokens[i].begin, tokens[i].size()); }
  std::string_view Low(uint32_t i) const { return lower.substr(tokens[i].begin, tokens[i].size()); }
  bool Is(uint32_t i, WordClass c) const { return i < size && lex[i] && lex[i]->Is(c); }
  bool IsWord(uint32_t i, std::string_view lower_word) const {
    return i < size && Low(i) == lower_word;
  }
  bool IsKind(uint32_t i, TokenKind k) const { return i < size && tokens[i].kind == k; }
  bool Cap(uint32_t i) const { return i < size && tokens[i].Has(kCapitalized); }
  // True if token i+1 follows token i with no space ("24-hour", "Xi's").
  bool Joined(uint32_t i) const { return i + 1 < size && !tokens[i + 1].Has(kSpaceBefore); }
  int32_t Value(uint32_t i) const { return i < size && lex[i] ? lex[i]->value : 0; }
};

}  // namespace bilat::text

#endif  // BILAT_INGEST_TEXT_SENTENCE_H_
