#include "ingest/text/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ingest/text/unicode.h"

namespace bilat::text {
namespace {

std::vector<std::string> Words(const std::string& text) {
  std::vector<Token> toks;
  Tokenize(text, 0, text.size(), &toks);
  std::vector<std::string> out;
  for (const Token& t : toks) out.push_back(text.substr(t.begin, t.size()));
  return out;
}

std::vector<std::string> Sentences(const std::string& text) {
  std::vector<Token> toks;
  Tokenize(text, 0, text.size(), &toks);
  std::vector<std::string> out;
  for (const TokenRange& r : SplitSentences(text, toks)) {
    out.push_back(text.substr(toks[r.begin].begin, toks[r.end - 1].end - toks[r.begin].begin));
  }
  return out;
}

TEST(Tokenizer, KeepsThousandsAndDecimalsInOneToken) {
  EXPECT_EQ(Words("$19,863 billion and 21.43%"),
            (std::vector<std::string>{"$", "19,863", "billion", "and", "21.43", "%"}));
}

TEST(Tokenizer, SplitsPossessiveButKeepsApostropheInsideName) {
  EXPECT_EQ(Words("Xi's stay in Xi'an"), (std::vector<std::string>{"Xi", "'s", "stay", "in", "Xi'an"}));
}

TEST(Tokenizer, HyphenBetweenWordsIsItsOwnToken) {
  EXPECT_EQ(Words("China-Kazakhstan Nur-Sultan"),
            (std::vector<std::string>{"China", "-", "Kazakhstan", "Nur", "-", "Sultan"}));
}

TEST(Tokenizer, MarksCaseOfWords) {
  std::string t = "SCO us Astana";
  std::vector<Token> toks;
  Tokenize(t, 0, t.size(), &toks);
  ASSERT_EQ(toks.size(), 3u);
  EXPECT_TRUE(toks[0].Has(kAllCaps));
  EXPECT_TRUE(toks[1].Has(kLower));
  EXPECT_TRUE(toks[2].Has(kCapitalized));
  EXPECT_FALSE(toks[2].Has(kAllCaps));
}

TEST(SentenceSplitter, DoesNotSplitAfterTitles) {
  EXPECT_EQ(Sentences("Mr. Li met Dr. Wang in Astana. They signed a deal."),
            (std::vector<std::string>{"Mr. Li met Dr. Wang in Astana.", "They signed a deal."}));
}

TEST(SentenceSplitter, DoesNotSplitAfterInitials) {
  EXPECT_EQ(Sentences("George W. Bush visited the U.S. Embassy. He left."),
            (std::vector<std::string>{"George W. Bush visited the U.S. Embassy.", "He left."}));
}

TEST(SentenceSplitter, DoesNotSplitInsideDecimals) {
  EXPECT_EQ(Sentences("Trade rose 3.5 percent to $21.43 billion. Exports fell."),
            (std::vector<std::string>{"Trade rose 3.5 percent to $21.43 billion.", "Exports fell."}));
}

TEST(SentenceSplitter, KeepsMonthAbbreviationWithItsDay) {
  EXPECT_EQ(Sentences("BEIJING, Jan. 22, 2024 -- The year was busy. It ended."),
            (std::vector<std::string>{"BEIJING, Jan. 22, 2024 -- The year was busy.", "It ended."}));
}

TEST(SentenceSplitter, DoesNotSplitBeforeLowerCase) {
  EXPECT_EQ(Sentences("The approx. value is high. Next."),
            (std::vector<std::string>{"The approx. value is high.", "Next."}));
}

TEST(SentenceSplitter, SplitsAtQuestionAndExclamationMarks) {
  EXPECT_EQ(Sentences("Will they meet? Yes! They will."),
            (std::vector<std::string>{"Will they meet?", "Yes!", "They will."}));
}

TEST(SentenceSplitter, ClosingQuoteStaysWithItsSentence) {
  EXPECT_EQ(Sentences("\"It works.\" She said so."),
            (std::vector<std::string>{"\"It works.\"", "She said so."}));
}

TEST(SentenceSplitter, SplitsMissingSpaceBetweenSentences) {
  EXPECT_EQ(Sentences("We discussed relations.We signed a statement."),
            (std::vector<std::string>{"We discussed relations.", "We signed a statement."}));
}

TEST(SentenceSplitter, CutsOverlongSentences) {
  std::string t;
  for (int i = 0; i < 1000; ++i) t += "word ";
  std::vector<Token> toks;
  Tokenize(t, 0, t.size(), &toks);
  std::vector<TokenRange> r = SplitSentences(t, toks, 400);
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[0].size(), 400u);
  EXPECT_EQ(r[2].size(), 200u);
}

TEST(Paragraphs, OneLineIsOneParagraph) {
  std::string t = "Fruitful achievements\nPresident Xi visited Kazakhstan.\n\nNext.";
  std::vector<Paragraph> p = SplitParagraphs(t, 0, t.size());
  ASSERT_EQ(p.size(), 3u);
  EXPECT_EQ(t.substr(p[0].begin, p[0].end - p[0].begin), "Fruitful achievements");
}

TEST(Paragraphs, JoinsHardWrappedLines) {
  std::string t = "Arnor is about to restore full ties with Gondor almost\nfive years later.";
  std::vector<Paragraph> p = SplitParagraphs(t, 0, t.size());
  ASSERT_EQ(p.size(), 1u);
}

TEST(Paragraphs, CutsOverlongLinesInBoundedPieces) {
  std::string t(300000, 'a');
  for (size_t i = 100; i < t.size(); i += 100) t[i] = ' ';
  std::vector<Paragraph> p = SplitParagraphs(t, 0, t.size(), 1 << 16);
  ASSERT_GE(p.size(), 4u);
  for (const Paragraph& q : p) EXPECT_LE(q.end - q.begin, size_t{1} << 16);
}

TEST(Normalize, FoldsQuotesDashesSpacesAndDiacritics) {
  NormalizedText n = Normalize("\xE2\x80\x9CVu\xC4\x8Di\xC4\x87\xE2\x80\x9D \xE2\x80\x94\xC2\xA0Xi\xE2\x80\x99s T\xC3\xBCrkiye\xE2\x80\xA6");
  EXPECT_EQ(n.text, "\"Vucic\" - Xi's Turkiye...");
}

TEST(Normalize, MapsOffsetsBackToTheOriginal) {
  std::string original = "\xE2\x80\x9C" "A" "\xE2\x80\x9D B";  // “A” B
  NormalizedText n = Normalize(original);
  ASSERT_EQ(n.text, "\"A\" B");
  EXPECT_EQ(n.map.ToOriginal(1), 3u);  // 'A'
  EXPECT_EQ(n.map.ToOriginal(2), 4u);  // the closing quote
  EXPECT_EQ(n.map.ToOriginal(3), 7u);  // ' '
  EXPECT_EQ(n.map.ToOriginal(4), 8u);  // 'B'
}

TEST(Normalize, ReplacesInvalidUtf8WithSpacesAndCountsIt) {
  NormalizedText n = Normalize(std::string("ab\xFF\xFE" "cd\xC3", 7));
  EXPECT_EQ(n.text, "ab  cd ");
  EXPECT_EQ(n.invalid_utf8, 3u);
}

TEST(Normalize, DropsInvisibleCharactersAndJoinsCrlf) {
  NormalizedText n = Normalize("\xEF\xBB\xBFone\r\ntwo\xE2\x80\x8B");
  EXPECT_EQ(n.text, "one\ntwo");
}

TEST(CodePoints, CountsLikePython) {
  std::string s = "\xE2\x80\x9CXi\xE2\x80\x9D";  // “Xi”
  CodePointIndex idx(s);
  EXPECT_EQ(idx.ToCodePoint(s.size()), 4u);
  EXPECT_EQ(idx.ToCodePoint(3), 1u);
}

}  // namespace
}  // namespace bilat::text
