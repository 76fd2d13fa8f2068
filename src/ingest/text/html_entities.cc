#include "ingest/text/html_entities.h"

#include <algorithm>
#include <cctype>
#include <cstdint>

#include "ingest/text/unicode.h"

namespace bilat::text {
namespace {

// U+00A0 .. U+00FF in order: also the legacy names a browser decodes
// without ';'.
constexpr const char* kLatin1[96] = {
    "nbsp",   "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar", "sect",   "uml",    "copy",   "ordf",
    "laquo",  "not",    "shy",    "reg",    "macr",   "deg",    "plusmn", "sup2",   "sup3",   "acute",  "micro",
    "para",   "middot", "cedil",  "sup1",   "ordm",   "raquo",  "frac14", "frac12", "frac34", "iquest", "Agrave",
    "Aacute", "Acirc",  "Atilde", "Auml",   "Aring",  "AElig",  "Ccedil", "Egrave", "Eacute", "Ecirc",  "Euml",
    "Igrave", "Iacute", "Icirc",  "Iuml",   "ETH",    "Ntilde", "Ograve", "Oacute", "Ocirc",  "Otilde", "Ouml",
    "times",  "Oslash", "Ugrave", "Uacute", "Ucirc",  "Uuml",   "Yacute", "THORN",  "szlig",  "agrave", "aacute",
    "acirc",  "atilde", "auml",   "aring",  "aelig",  "ccedil", "egrave", "eacute", "ecirc",  "euml",   "igrave",
    "iacute", "icirc",  "iuml",   "eth",    "ntilde", "ograve", "oacute", "ocirc",  "otilde", "ouml",   "divide",
    "oslash", "ugrave", "uacute", "ucirc",  "uuml",   "yacute", "thorn",  "yuml"};

// Greek capitals from U+0391 and small letters from U+03B1, in order; ""
// where Unicode has no letter (U+03A2).
constexpr const char* kGreekUpper[25] = {"Alpha", "Beta", "Gamma", "Delta",   "Epsilon", "Zeta",  "Eta",
                                         "Theta", "Iota", "Kappa", "Lambda",  "Mu",      "Nu",    "Xi",
                                         "Omicron", "Pi", "Rho",   "",        "Sigma",   "Tau",   "Upsilon",
                                         "Phi",   "Chi",  "Psi",   "Omega"};
constexpr const char* kGreekLower[25] = {"alpha", "beta", "gamma", "delta",  "epsilon", "zeta",  "eta",
                                         "theta", "iota", "kappa", "lambda", "mu",      "nu",    "xi",
                                         "omicron", "pi", "rho",   "sigmaf", "sigma",   "tau",   "upsilon",
                                         "phi",   "chi",  "psi",   "omega"};

struct Named {
  const char* name;
  int32_t cp;
};
// The rest of HTML 4's references (plus apos and the Czech/Slovak carons
// names in the news): markup, typography, arrows, mathematics, symbols.
constexpr Named kOther[] = {
    {"quot", 0x22},     {"amp", 0x26},      {"apos", 0x27},     {"lt", 0x3C},       {"gt", 0x3E},
    {"OElig", 0x152},   {"oelig", 0x153},   {"Scaron", 0x160},  {"scaron", 0x161},  {"Yuml", 0x178},
    {"Ccaron", 0x10C},  {"ccaron", 0x10D},  {"Zcaron", 0x17D},  {"zcaron", 0x17E},  {"fnof", 0x192},
    {"circ", 0x2C6},    {"tilde", 0x2DC},   {"thetasym", 0x3D1}, {"upsih", 0x3D2},  {"piv", 0x3D6},
    {"ensp", 0x2002},   {"emsp", 0x2003},   {"thinsp", 0x2009}, {"zwnj", 0x200C},   {"zwj", 0x200D},
    {"lrm", 0x200E},    {"rlm", 0x200F},    {"ndash", 0x2013},  {"mdash", 0x2014},  {"lsquo", 0x2018},
    {"rsquo", 0x2019},  {"sbquo", 0x201A},  {"ldquo", 0x201C},  {"rdquo", 0x201D},  {"bdquo", 0x201E},
    {"dagger", 0x2020}, {"Dagger", 0x2021}, {"bull", 0x2022},   {"hellip", 0x2026}, {"permil", 0x2030},
    {"prime", 0x2032},  {"Prime", 0x2033},  {"lsaquo", 0x2039}, {"rsaquo", 0x203A}, {"oline", 0x203E},
    {"frasl", 0x2044},  {"euro", 0x20AC},   {"image", 0x2111},  {"weierp", 0x2118}, {"real", 0x211C},
    {"trade", 0x2122},  {"alefsym", 0x2135}, {"larr", 0x2190},  {"uarr", 0x2191},   {"rarr", 0x2192},
    {"darr", 0x2193},   {"harr", 0x2194},   {"crarr", 0x21B5},  {"lArr", 0x21D0},   {"uArr", 0x21D1},
    {"rArr", 0x21D2},   {"dArr", 0x21D3},   {"hArr", 0x21D4},   {"forall", 0x2200}, {"part", 0x2202},
    {"exist", 0x2203},  {"empty", 0x2205},  {"nabla", 0x2207},  {"isin", 0x2208},   {"notin", 0x2209},
    {"ni", 0x220B},     {"prod", 0x220F},   {"sum", 0x2211},    {"minus", 0x2212},  {"lowast", 0x2217},
    {"radic", 0x221A},  {"prop", 0x221D},   {"infin", 0x221E},  {"ang", 0x2220},    {"and", 0x2227},
    {"or", 0x2228},     {"cap", 0x2229},    {"cup", 0x222A},    {"int", 0x222B},    {"there4", 0x2234},
    {"sim", 0x223C},    {"cong", 0x2245},   {"asymp", 0x2248},  {"ne", 0x2260},     {"equiv", 0x2261},
    {"le", 0x2264},     {"ge", 0x2265},     {"sub", 0x2282},    {"sup", 0x2283},    {"nsub", 0x2284},
    {"sube", 0x2286},   {"supe", 0x2287},   {"oplus", 0x2295},  {"otimes", 0x2297}, {"perp", 0x22A5},
    {"sdot", 0x22C5},   {"lceil", 0x2308},  {"rceil", 0x2309},  {"lfloor", 0x230A}, {"rfloor", 0x230B},
    {"lang", 0x27E8},   {"rang", 0x27E9},   {"loz", 0x25CA},    {"spades", 0x2660}, {"clubs", 0x2663},
    {"hearts", 0x2665}, {"diams", 0x2666}};

// What a browser makes of &#128; .. &#159;: the Windows-1252 character (0
// where Windows-1252 has none and the value stands).
constexpr int32_t kC1[32] = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                             0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                             0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                             0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

int32_t Lookup(std::string_view name) {
  for (int i = 0; i < 96; ++i) {
    if (name == kLatin1[i]) return 0xA0 + i;
  }
  for (const Named& n : kOther) {
    if (name == n.name) return n.cp;
  }
  for (int i = 0; i < 25; ++i) {
    if (*kGreekUpper[i] && name == kGreekUpper[i]) return 0x391 + i;
    if (name == kGreekLower[i]) return 0x3B1 + i;
  }
  return -1;
}

// The names a browser decodes without ';' in text.
int32_t LookupLegacy(std::string_view name) {
  for (int i = 0; i < 96; ++i) {
    if (name == kLatin1[i]) return 0xA0 + i;
  }
  for (const Named& n : {Named{"amp", '&'}, Named{"AMP", '&'}, Named{"lt", '<'}, Named{"LT", '<'},
                         Named{"gt", '>'}, Named{"GT", '>'}, Named{"quot", '"'}, Named{"QUOT", '"'},
                         Named{"COPY", 0xA9}, Named{"REG", 0xAE}}) {
    if (name == n.name) return n.cp;
  }
  return -1;
}

}  // namespace

size_t DecodeHtmlEntity(std::string_view html, size_t pos, std::string* out) {
  const size_t n = html.size();
  size_t i = pos + 1;
  if (i < n && html[i] == '#') {
    size_t j = i + 1;
    const bool hex = j < n && (html[j] == 'x' || html[j] == 'X');
    if (hex) ++j;
    const size_t digits_begin = j;
    int64_t v = 0;
    while (j < n && (hex ? std::isxdigit(static_cast<unsigned char>(html[j]))
                         : std::isdigit(static_cast<unsigned char>(html[j])))) {
      int d = std::isdigit(static_cast<unsigned char>(html[j])) ? html[j] - '0'
                                                                  : (std::tolower(html[j]) - 'a' + 10);
      if (v <= 0x10FFFF) v = v * (hex ? 16 : 10) + d;  // beyond: stays out of range, no overflow
      ++j;
    }
    if (j == digits_begin) {
      out->push_back('&');
      return pos + 1;
    }
    if (j < n && html[j] == ';') ++j;
    int32_t cp = static_cast<int32_t>(v);
    if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
      cp = 0xFFFD;
    } else if (v >= 0x80 && v <= 0x9F && kC1[v - 0x80] != 0) {
      cp = kC1[v - 0x80];
    }
    AppendUtf8(cp, out);
    return j;
  }
  size_t j = i;
  while (j < n && j - i < 32 && std::isalnum(static_cast<unsigned char>(html[j]))) ++j;
  std::string_view name = html.substr(i, j - i);
  if (!name.empty() && j < n && html[j] == ';') {
    if (int32_t cp = Lookup(name); cp >= 0) {
      AppendUtf8(cp, out);
      return j + 1;
    }
  }
  // "&copy 2024", "&amp co": the longest legacy name the run starts with.
  for (size_t len = std::min<size_t>(name.size(), 6); len >= 2; --len) {
    if (int32_t cp = LookupLegacy(name.substr(0, len)); cp >= 0) {
      AppendUtf8(cp, out);
      return i + len;
    }
  }
  out->push_back('&');
  return pos + 1;
}

}  // namespace bilat::text
