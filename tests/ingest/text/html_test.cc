// HTML to text on malformed pages, the cases where the tag scanner and an
// HTML5 parser (libgumbo, bench/html_gumbo_compare.cc) were compared;
// each test pins the text a browser's parser gives.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "ingest/text/document.h"
#include "ingest/text/html_entities.h"

namespace bilat::text {
namespace {

std::string Text(const std::string& html) {
  std::string url, date;
  return HtmlToText(html, &url, &date);
}

std::string Decode(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    if (s[i] == '&') {
      i = DecodeHtmlEntity(s, i, &out);
    } else {
      out.push_back(s[i++]);
    }
  }
  return out;
}

// Regression: gtk-doc pages lost everything after their first
// <a name="x"/>, counted as an open link, so every block looked like links.
TEST(Html, XhtmlSelfClosingAnchorIsNotALink) {
  EXPECT_EQ(Text("<h3><a name=\"f\"/>f ()</h3><p>Frees the memory used by the set.</p>"),
            "f ()\nFrees the memory used by the set.");
}

TEST(Html, UnclosedSkippedElementEndsAtItsParentsEndTag) {
  EXPECT_EQ(Text("<article><div><aside>Related: x</div><p>Body text.</p></article>"), "Body text.");
  EXPECT_EQ(Text("<p>Lead <span class=\"share\">Share</p><p>Second.</p>"), "Lead\nSecond.");
}

TEST(Html, SkippedElementWithNestedElementsOfItsOwnName) {
  EXPECT_EQ(Text("<div class=\"share\"><div>x</div>y<div><p>z</div></div><p>Body.</p>"), "Body.");
}

TEST(Html, UnclosedNavInTheBodyDropsTheRestAsABrowserWould) {
  EXPECT_EQ(Text("<body><nav><a href=/>Home</a><p>Body text.</p></body>"), "");
}

TEST(Html, UnclosedRawTextElementsHideTheRestAsInHtml5) {
  EXPECT_EQ(Text("<p>Before.</p><textarea>x<p>After.</p>"), "Before.");
  EXPECT_EQ(Text("<body><script>var a = 1;<p>First.</p></body>"), "");
}

TEST(Html, StrayEndTagsAndManyUnclosedTagsStayLinear) {
  auto run = [](size_t n) {
    std::string html = "<p>Kept.</p>";
    for (size_t i = 0; i < n; ++i) html += "<p>x</span>";
    auto start = std::chrono::steady_clock::now();
    std::string text = Text(html);
    EXPECT_EQ(text.rfind("Kept.", 0), 0u);
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  double small = run(100000), large = run(400000);
  EXPECT_LT(large / std::max(small, 2e-3), 10.0) << small << " s, " << large << " s";
}

TEST(HtmlEntities, NamedReferencesOfHtml4) {
  EXPECT_EQ(Decode("A &rarr; B &frac12; &alpha;&Omega; &hearts; &Aring; &ccaron;"),
            "A \u2192 B \u00BD \u03B1\u03A9 \u2665 \u00C5 \u010D");
  EXPECT_EQ(Decode("&lang;x&rang; &sigmaf;"), "\u27E8x\u27E9 \u03C2");
}

TEST(HtmlEntities, LegacyNamesWithoutSemicolon) {
  EXPECT_EQ(Decode("AT&T &amp co &copy 2024 &nbspx"), "AT&T & co \u00A9 2024 \u00A0x");
}

TEST(HtmlEntities, NumericWithWindows1252RemapAndReplacement) {
  EXPECT_EQ(Decode("1990&#150;2000 &#147;q&#148; &#x2014; &#8212"), "1990\u20132000 \u201Cq\u201D \u2014 \u2014");
  EXPECT_EQ(Decode("&#0; &#xD800; &#99999999999;"), "\uFFFD \uFFFD \uFFFD");
  EXPECT_EQ(Decode("&#; &#x; &#129;"), "&#; &#x; \u0081");
}

TEST(HtmlEntities, UnknownReferenceIsKeptAsWritten) {
  EXPECT_EQ(Decode("&bogus; & &;"), "&bogus; & &;");
}

}  // namespace
}  // namespace bilat::text
