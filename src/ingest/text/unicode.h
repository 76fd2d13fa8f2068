// Unicode layer of the text extractor: UTF-8 decoding that survives bad
// bytes, and the normalisation every later stage relies on.
//
// Normalize() rewrites typographic variants to one plain form so that rules
// and dictionaries need to know only one spelling: curly quotes and guillemets
// become ' and ", every dash and minus becomes '-', no-break and other wide
// spaces become ' ', invisible characters (zero-width, BOM, soft hyphen) are
// dropped, the ellipsis becomes "...", bullets become '*', and Latin letters
// with diacritics fold to ASCII ("Vučić" -> "Vucic", "Türkiye" -> "Turkiye").
// Other scripts (Cyrillic, CJK) pass through unchanged. Invalid UTF-8 and
// control bytes become spaces and are counted, never fatal.
//
// The normalised text keeps a sparse map back to the original bytes, so an
// extracted fact can cite the exact characters it came from. Value types,
// thread-compatible.
#ifndef BILAT_INGEST_TEXT_UNICODE_H_
#define BILAT_INGEST_TEXT_UNICODE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bilat::text {

// Decodes one code point at `s[*pos]` and advances `*pos`. Returns -1 (and
// advances one byte) for a byte that does not start a valid, shortest-form
// UTF-8 sequence.
int32_t DecodeUtf8(std::string_view s, size_t* pos);

// Appends the UTF-8 encoding of `cp` (a valid scalar value) to `out`.
void AppendUtf8(int32_t cp, std::string* out);

// Maps byte offsets of a normalised text back to the original. Built by
// Normalize(); a map for unchanged text is empty and maps identically.
class OffsetMap {
 public:
  // Records that normalised offset `norm` corresponds to original `orig`,
  // and that the following bytes advance together until the next anchor.
  // Anchors must be added in increasing `norm` order.
  void Add(size_t norm, size_t orig);
  size_t ToOriginal(size_t norm) const;
  bool empty() const { return anchors_.empty(); }

 private:
  struct Anchor {
    uint64_t norm;
    uint64_t orig;
  };
  std::vector<Anchor> anchors_;
};

struct NormalizedText {
  std::string text;            // normalised UTF-8, '\n' line ends
  OffsetMap map;               // text offsets -> original offsets
  size_t invalid_utf8 = 0;     // bytes that were not valid UTF-8
  size_t control_chars = 0;    // C0/C1 controls other than tab and newline
  size_t nul_bytes = 0;        // NUL bytes (a strong sign of binary data)
};

NormalizedText Normalize(std::string_view original);

// Counts code points in `s` the way Python's str does for valid UTF-8: every
// byte that is not a continuation byte starts one. Bad bytes count as one.
size_t CountCodePoints(std::string_view s);

// Converts sorted byte offsets of one original text to code-point offsets
// in a single pass. Construct once per text; offsets may be asked in any
// order but sequential asks are fastest.
class CodePointIndex {
 public:
  explicit CodePointIndex(std::string_view original);
  size_t ToCodePoint(size_t byte_offset) const;

 private:
  static constexpr size_t kBlock = 256;
  std::string_view text_;
  std::vector<size_t> block_counts_;  // code points before each block
};

}  // namespace bilat::text

#endif  // BILAT_INGEST_TEXT_UNICODE_H_
