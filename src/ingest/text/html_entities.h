// HTML character references, decoded as an HTML5 browser decodes them in
// text: every named reference of HTML 4 (the 252 that news pages use: Latin-1,
// typography, Greek, arrows, mathematics), the legacy forms without ';'
// ("&copy 2024", "&amp co"), numeric references with the Windows-1252 remap
// of 0x80-0x9F ("&#150;" is an en dash) and U+FFFD for NUL, surrogates and
// values past U+10FFFF. Pure functions; thread-safe.
#ifndef BILAT_INGEST_TEXT_HTML_ENTITIES_H_
#define BILAT_INGEST_TEXT_HTML_ENTITIES_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace bilat::text {

// Decodes the reference at html[pos] == '&' and appends it to `out` as
// UTF-8; returns the position after it. What is not a reference ("AT&T",
// "&unknown;") is appended as written.
size_t DecodeHtmlEntity(std::string_view html, size_t pos, std::string* out);

}  // namespace bilat::text

#endif  // BILAT_INGEST_TEXT_HTML_ENTITIES_H_
