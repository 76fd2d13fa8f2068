#include "ingest/text/unicode.h"

#include <algorithm>

namespace bilat::text {
namespace {

// ASCII folds of U+0100..U+017F (Latin Extended-A), in code point order.
// Covers the Central European, Turkish and Baltic letters of names in news.
constexpr const char* kLatinExtA[128] = {
    "A",  "a",  "A",  "a",  "A",  "a",  "C",  "c",  "C", "c", "C", "c", "C",  "c",  "D", "d",
    "D",  "d",  "E",  "e",  "E",  "e",  "E",  "e",  "E", "e", "E", "e", "G",  "g",  "G", "g",
    "G",  "g",  "G",  "g",  "H",  "h",  "H",  "h",  "I", "i", "I", "i", "I",  "i",  "I", "i",
    "I",  "i",  "IJ", "ij", "J",  "j",  "K",  "k",  "k", "L", "l", "L", "l",  "L",  "l", "L",
    "l",  "L",  "l",  "N",  "n",  "N",  "n",  "N",  "n", "n", "N", "n", "O",  "o",  "O", "o",
    "O",  "o",  "OE", "oe", "R",  "r",  "R",  "r",  "R", "r", "S", "s", "S",  "s",  "S", "s",
    "S",  "s",  "T",  "t",  "T",  "t",  "T",  "t",  "U", "u", "U", "u", "U",  "u",  "U", "u",
    "U",  "u",  "U",  "u",  "W",  "w",  "Y",  "y",  "Y", "Z", "z", "Z", "z",  "Z",  "z", "s",
};

// ASCII folds of U+00C0..U+00FF (Latin-1 letters); nullptr keeps the sign.
constexpr const char* kLatin1[64] = {
    "A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I", "I",
    "D", "N", "O", "O", "O", "O", "O",  "x", "O", "U", "U", "U", "U", "Y", "TH", "ss",
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
    "d", "n", "o", "o", "o", "o", "o",  nullptr, "o", "u", "u", "u", "u", "y", "th", "y",
};

// What a non-ASCII code point becomes. Returns nullptr to keep it as is.
const char* Fold(int32_t cp) {
  if (cp >= 0xC0 && cp <= 0xFF) return kLatin1[cp - 0xC0];
  if (cp >= 0x100 && cp <= 0x17F) return kLatinExtA[cp - 0x100];
  switch (cp) {
    // Quotes and primes.
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC:
    case 0x02B9: case 0xFF07:
      return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB:
    case 0x2033: case 0x301D: case 0x301E: case 0xFF02:
      return "\"";
    // Dashes, hyphens and the minus sign.
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
      return "-";
    // Spaces of every width.
    case 0x00A0: case 0x1680: case 0x2000: case 0x2001: case 0x2002: case 0x2003:
    case 0x2004: case 0x2005: case 0x2006: case 0x2007: case 0x2008: case 0x2009:
    case 0x200A: case 0x202F: case 0x205F: case 0x3000:
      return " ";
    // Invisible characters: zero-width space/joiners, word joiner, BOM, soft hyphen.
    case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF: case 0x00AD:
      return "";
    case 0x2028: case 0x2029: case 0x0085:
      return "\n";
    case 0x2026:
      return "...";
    // Bullets.
    case 0x2022: case 0x2023: case 0x2043: case 0x25CF: case 0x25AA: case 0x25E6:
    case 0x2219: case 0x25A0:
      return "*";
    // Letters outside the two Latin blocks that occur in Central Asian and
    // Balkan names written in Latin script.
    case 0x018F: return "A";   // Ə
    case 0x0259: return "a";   // ə
    case 0x0218: return "S";   // Ș
    case 0x0219: return "s";   // ș
    case 0x021A: return "T";   // Ț
    case 0x021B: return "t";   // ț
    case 0x01E6: return "G";   // Ǧ
    case 0x01E7: return "g";   // ǧ
    case 0x02BB: return "'";   // ʻ as in Oʻzbekiston
    default:
      break;
  }
  if (cp >= 0x80 && cp <= 0x9F) return " ";  // C1 controls
  return nullptr;
}

}  // namespace

int32_t DecodeUtf8(std::string_view s, size_t* pos) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t i = *pos, n = s.size();
  unsigned char c = p[i];
  if (c < 0x80) {
    *pos = i + 1;
    return c;
  }
  int len;
  int32_t cp;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    cp = c & 0x07;
  } else {
    *pos = i + 1;
    return -1;
  }
  if (n - i < static_cast<size_t>(len)) {
    *pos = i + 1;
    return -1;
  }
  for (int k = 1; k < len; ++k) {
    if ((p[i + k] & 0xC0) != 0x80) {
      *pos = i + 1;
      return -1;
    }
    cp = (cp << 6) | (p[i + k] & 0x3F);
  }
  // Overlong forms, surrogates and values past U+10FFFF are not text.
  if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
      (cp >= 0xD800 && cp <= 0xDFFF)) {
    *pos = i + 1;
    return -1;
  }
  *pos = i + len;
  return cp;
}

void AppendUtf8(int32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

void OffsetMap::Add(size_t norm, size_t orig) {
  if (!anchors_.empty() && anchors_.back().norm == norm) {
    anchors_.back().orig = orig;
    return;
  }
  // Skip anchors that the previous one already implies.
  size_t implied = anchors_.empty() ? norm : anchors_.back().orig + (norm - anchors_.back().norm);
  if (implied == orig) return;
  anchors_.push_back({norm, orig});
}

size_t OffsetMap::ToOriginal(size_t norm) const {
  auto it = std::upper_bound(anchors_.begin(), anchors_.end(), norm,
                             [](size_t v, const Anchor& a) { return v < a.norm; });
  if (it == anchors_.begin()) return norm;
  --it;
  return it->orig + (norm - it->norm);
}

NormalizedText Normalize(std::string_view original) {
  NormalizedText out;
  std::string& t = out.text;
  t.reserve(original.size());
  const size_t n = original.size();
  size_t pos = 0;
  // Emits `rep` in place of original bytes [start, end) and keeps the map exact.
  auto replace = [&](size_t start, size_t end, std::string_view rep) {
    out.map.Add(t.size(), start);
    t.append(rep);
    out.map.Add(t.size(), end);
  };
  while (pos < n) {
    unsigned char c = static_cast<unsigned char>(original[pos]);
    if (c >= 0x20 && c < 0x7F) {
      // Fast path: a run of printable ASCII is copied unchanged.
      size_t run = pos + 1;
      while (run < n) {
        unsigned char d = static_cast<unsigned char>(original[run]);
        if (d < 0x20 || d >= 0x7F) break;
        ++run;
      }
      t.append(original.data() + pos, run - pos);
      pos = run;
      continue;
    }
    if (c < 0x80) {
      size_t start = pos++;
      if (c == '\n') {
        t.push_back('\n');
      } else if (c == '\r') {
        // CRLF and lone CR both end a line.
        if (pos < n && original[pos] == '\n') {
          replace(start, pos + 1, "\n");
          ++pos;
        } else {
          t.push_back('\n');
        }
      } else if (c == '\t' || c == '\v' || c == '\f') {
        t.push_back(' ');
      } else {
        if (c == 0) {
          ++out.nul_bytes;
        } else {
          ++out.control_chars;
        }
        t.push_back(' ');
      }
      continue;
    }
    size_t start = pos;
    int32_t cp = DecodeUtf8(original, &pos);
    if (cp < 0) {
      ++out.invalid_utf8;
      replace(start, pos, " ");
      continue;
    }
    if (cp >= 0xFF01 && cp <= 0xFF5E) {
      char ascii = static_cast<char>(cp - 0xFF01 + 0x21);
      replace(start, pos, std::string_view(&ascii, 1));
      continue;
    }
    if (cp >= 0x80 && cp <= 0x9F) ++out.control_chars;
    const char* rep = Fold(cp);
    if (rep == nullptr) {
      t.append(original.data() + start, pos - start);
    } else {
      replace(start, pos, rep);
    }
  }
  return out;
}

size_t CountCodePoints(std::string_view s) {
  size_t count = 0;
  for (char c : s) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

CodePointIndex::CodePointIndex(std::string_view original) : text_(original) {
  block_counts_.reserve(original.size() / kBlock + 2);
  size_t count = 0;
  for (size_t b = 0; b < original.size(); b += kBlock) {
    block_counts_.push_back(count);
    count += CountCodePoints(original.substr(b, kBlock));
  }
  block_counts_.push_back(count);
}

size_t CodePointIndex::ToCodePoint(size_t byte_offset) const {
  byte_offset = std::min(byte_offset, text_.size());
  size_t block = byte_offset / kBlock;
  size_t base = block * kBlock;
  return block_counts_[block] + CountCodePoints(text_.substr(base, byte_offset - base));
}

}  // namespace bilat::text
