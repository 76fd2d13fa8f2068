// Tokeniser and sentence splitter for normalised English text (see
// unicode.h: by now quotes, dashes and spaces have one plain form).
//
// Tokens are byte ranges of the text, so they cost no allocation and cite
// their source exactly. Words keep internal apostrophes ("Xi'an") but give up
// a possessive "'s" as its own token; numbers keep their separators
// ("19,863", "21.43") for the number parser to read; every other sign is a
// token of its own, and a hyphen between words is a token too, so that
// "China-Kazakhstan" yields both names and "Nur-Sultan" matches a dictionary
// entry written the same way.
//
// Sentences end at . ! ? unless the full stop closes an abbreviation ("Mr.",
// "Jan. 22", "No. 5"), an initial ("George W. Bush", "U.S."), or is followed
// by a lower-case word. A line break ends a paragraph unless the next line
// continues the sentence (starts lower-case after a line without final
// punctuation): text files hold one paragraph per line, hard-wrapped text
// does not. Thread-compatible; no state between calls.
#ifndef BILAT_INGEST_TEXT_TOKENIZER_H_
#define BILAT_INGEST_TEXT_TOKENIZER_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace bilat::text {

enum class TokenKind : uint8_t {
  kWord,      // letters, digits inside, internal apostrophes: "Xi'an", "H1"
  kNumber,    // starts with a digit: "2023", "19,863", "21.43"
  kCurrency,  // $ € £ ¥ ₽ ₸ ₹ ₩
  kPercent,   // %
  kPunct,     // any other sign, one per token ("..." is one)
};

enum TokenFlag : uint8_t {
  kSpaceBefore = 1 << 0,  // whitespace (or the paragraph start) precedes it
  kCapitalized = 1 << 1,  // first letter upper-case
  kAllCaps = 1 << 2,      // two or more letters, all upper-case: "SCO", "US"
  kLower = 1 << 3,        // first letter lower-case
};

struct Token {
  uint32_t begin = 0;  // byte offset in the text
  uint32_t end = 0;
  TokenKind kind = TokenKind::kWord;
  uint8_t flags = 0;
  bool Has(TokenFlag f) const { return (flags & f) != 0; }
  uint32_t size() const { return end - begin; }
};

// Appends the tokens of text[begin, end) to `out`. Offsets are relative to
// `text`. Never fails; any byte sequence yields some tokens.
void Tokenize(std::string_view text, size_t begin, size_t end, std::vector<Token>* out);

// A half-open range of token indices.
struct TokenRange {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
};

// Splits the tokens of one paragraph into sentences. `text` is the text the
// tokens point into. Sentences longer than `max_tokens` are cut there, so
// that no later stage sees unbounded input.
std::vector<TokenRange> SplitSentences(std::string_view text, const std::vector<Token>& tokens,
                                       size_t max_tokens = 400);

// A paragraph: a byte range of the text. Lines are joined when a sentence
// runs on to the next line (see above); blank lines never join.
struct Paragraph {
  size_t begin = 0;
  size_t end = 0;
};

// Splits text[begin, end) into paragraphs. Paragraphs longer than
// `max_bytes` are cut at a space near the limit, so that a document of one
// 100 MB line is processed in bounded pieces.
std::vector<Paragraph> SplitParagraphs(std::string_view text, size_t begin, size_t end,
                                       size_t max_bytes = 1 << 16);

// True if `word` (case-insensitive) is an abbreviation that a full stop does
// not end a sentence after ("Mr", "Gen", "Jan"). Exposed for tests.
bool IsAbbreviation(std::string_view word);

}  // namespace bilat::text

#endif  // BILAT_INGEST_TEXT_TOKENIZER_H_
