#include "core/text.h"

#include <gtest/gtest.h>

namespace bilat {
namespace {

TEST(ParseDecimal, AcceptsPlainDecimals) {
  EXPECT_EQ(ParseDecimal("-3.5"), -3.5);
  EXPECT_EQ(ParseDecimal("27.4"), 27.4);
  EXPECT_EQ(ParseDecimal("21430"), 21430.0);
  EXPECT_EQ(ParseDecimal("+2"), 2.0);
  EXPECT_EQ(ParseDecimal("0"), 0.0);
}

TEST(ParseDecimal, RejectsThousandsSeparator) {
  EXPECT_EQ(ParseDecimal("1,000"), std::nullopt);
  EXPECT_EQ(ParseDecimal("21,43"), std::nullopt);
}

TEST(ParseDecimal, RejectsExponent) {
  EXPECT_EQ(ParseDecimal("1e3"), std::nullopt);
  EXPECT_EQ(ParseDecimal("1E3"), std::nullopt);
}

TEST(ParseDecimal, RejectsEmptyAndLoneSymbols) {
  EXPECT_EQ(ParseDecimal(""), std::nullopt);
  EXPECT_EQ(ParseDecimal("."), std::nullopt);
  EXPECT_EQ(ParseDecimal("-"), std::nullopt);
  EXPECT_EQ(ParseDecimal("+"), std::nullopt);
}

TEST(ParseDecimal, RejectsOtherText) {
  for (const char* s : {"1.2.3", " 5", "5 ", "$5", "5%", "--5", "+-5", "nan", "inf", "0x10"}) {
    EXPECT_EQ(ParseDecimal(s), std::nullopt) << s;
  }
}

TEST(ParseInteger, AcceptsDigitsOnly) {
  EXPECT_EQ(ParseInteger("2013"), 2013);
  EXPECT_EQ(ParseInteger("0"), 0);
  EXPECT_EQ(ParseInteger("999999999999999999"), 999999999999999999LL);  // 18 digits
  EXPECT_EQ(ParseInteger(""), std::nullopt);
  EXPECT_EQ(ParseInteger("-5"), std::nullopt);
  EXPECT_EQ(ParseInteger("5.0"), std::nullopt);
  EXPECT_EQ(ParseInteger("1000000000000000000"), std::nullopt);  // 19 digits
}

TEST(IsValidUtf8, AcceptsAsciiAndMultiByteSequences) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("Xi Jinping"));
  // "Казах", 2 bytes a character
  EXPECT_TRUE(IsValidUtf8("\xD0\x9A\xD0\xB0\xD0\xB7\xD0\xB0\xD1\x85"));
  EXPECT_TRUE(IsValidUtf8("\xE4\xB8\xAD\xE5\x9B\xBD"));                  // "中国", 3 bytes each
  EXPECT_TRUE(IsValidUtf8("\xF0\x9F\x98\x80"));                          // U+1F600, 4 bytes
  EXPECT_TRUE(IsValidUtf8("C\xC3\xB4te d\xE2\x80\x99Ivoire"));           // "Côte d’Ivoire"
}

TEST(IsValidUtf8, RejectsTruncatedSequences) {
  EXPECT_FALSE(IsValidUtf8("\xD0"));
  EXPECT_FALSE(IsValidUtf8("\xE4\xB8"));
  EXPECT_FALSE(IsValidUtf8("\xF0\x9F\x98"));
  EXPECT_FALSE(IsValidUtf8("abc\xE4\xB8"));
  EXPECT_FALSE(IsValidUtf8("\xE4\xB8x"));  // continuation replaced by ASCII
}

TEST(IsValidUtf8, RejectsOverlongTwoByteEncoding) {
  EXPECT_FALSE(IsValidUtf8(std::string_view("\xC0\x80", 2)));  // overlong NUL
  EXPECT_FALSE(IsValidUtf8("\xC1\xBF"));                        // overlong '?'
}

TEST(IsValidUtf8, RejectsLoneContinuationByte) {
  EXPECT_FALSE(IsValidUtf8("\x80"));
  EXPECT_FALSE(IsValidUtf8("a\xBF" "b"));
}

TEST(IsValidUtf8, RejectsBytesThatNeverAppear) {
  EXPECT_FALSE(IsValidUtf8("\xFF"));
  EXPECT_FALSE(IsValidUtf8("\xFE"));
  EXPECT_FALSE(IsValidUtf8("\xF5\x80\x80\x80"));  // lead above U+10FFFF
}

// Regression: IsValidUtf8 does not check the second byte's range (fixed).
TEST(IsValidUtf8, RejectsOverlongSurrogateAndOutOfRangeSequences) {
  EXPECT_FALSE(IsValidUtf8("\xE0\x80\x80"));      // overlong NUL, 3 bytes
  EXPECT_FALSE(IsValidUtf8("\xE0\x9F\xBF"));      // overlong U+07FF
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // surrogate U+D800
  EXPECT_FALSE(IsValidUtf8("\xF0\x80\x80\x80"));  // overlong NUL, 4 bytes
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // U+110000
  EXPECT_TRUE(IsValidUtf8("\xED\x9F\xBF"));       // U+D7FF, last before surrogates
  EXPECT_TRUE(IsValidUtf8("\xF4\x8F\xBF\xBF"));   // U+10FFFF
}

TEST(Trim, RemovesBlanksAtBothEnds) {
  EXPECT_EQ(Trim("  a b \t\r\n"), "a b");
  EXPECT_EQ(Trim(""), "");
  EXPECT_EQ(Trim(" \t "), "");
}

TEST(Split, KeepsEmptyParts) {
  std::vector<std::string_view> parts = Split("CHN;;KAZ;", ';');
  ASSERT_EQ(parts.size(), 4u);
  EXPECT_EQ(parts[0], "CHN");
  EXPECT_EQ(parts[1], "");
  EXPECT_EQ(parts[2], "KAZ");
  EXPECT_EQ(parts[3], "");
  EXPECT_EQ(Split("", ';').size(), 1u);
}

TEST(ToLower, LowersAsciiOnly) {
  EXPECT_EQ(ToLower("KaZ \xD0\x9A"), "kaz \xD0\x9A");
}

}  // namespace
}  // namespace bilat
