#include "cli/output.h"

#include <gtest/gtest.h>

namespace bilat::cli {
namespace {

TEST(CsvField, PlainTextAndNumbersStayAsTheyAre) {
  EXPECT_EQ(CsvField("KAZ"), "KAZ");
  EXPECT_EQ(CsvField("-12.1"), "-12.1");
  EXPECT_EQ(CsvField("+3e5"), "+3e5");
  EXPECT_EQ(CsvField("-"), "-");  // no value
  EXPECT_EQ(CsvField(""), "");
}

TEST(CsvField, QuotesCommasQuotesAndLineBreaks) {
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(CsvField("cr\rhere"), "\"cr\rhere\"");
}

TEST(CsvField, NeutralisesFormulas) {
  EXPECT_EQ(CsvField("=HYPERLINK(\"http://x\",\"click\")"), "\"'=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\"");
  EXPECT_EQ(CsvField("@SUM(A1)"), "\"'@SUM(A1)\"");
  EXPECT_EQ(CsvField("+cmd|' /C calc'!A0"), "\"'+cmd|' /C calc'!A0\"");
  EXPECT_EQ(CsvField("-2+3"), "-2+3");  // numeric characters only: a spreadsheet reads a number, not a call
  EXPECT_EQ(CsvField("\tx"), "\"'\tx\"");
}

TEST(CsvRow, JoinsQuotedFields) {
  EXPECT_EQ(CsvRow({"2018-01-01", "CHN", "http://a.example/x,y", "=1+1"}),
            "2018-01-01,CHN,\"http://a.example/x,y\",\"'=1+1\"");
}

TEST(TableCell, StripsControlCharacters) {
  EXPECT_EQ(TableCell("ok text"), "ok text");
  EXPECT_EQ(TableCell("red\x1b[31mtext\x07"), "red [31mtext ");
  EXPECT_EQ(TableCell("line\nbreak\rand\ttab"), "line break and tab");
  EXPECT_EQ(TableCell("c1 \xc2\x9b csi"), "c1   csi");
  EXPECT_EQ(TableCell("caf\xc3\xa9"), "caf\xc3\xa9");  // UTF-8 letters stay
}

}  // namespace
}  // namespace bilat::cli
