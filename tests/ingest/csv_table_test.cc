#include "ingest/registry/csv_table.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>

namespace bilat::ingest {
namespace {

CsvTable Parse(const std::string& text) {
  Result<CsvTable> t = ParseCsv("t.csv", text);
  EXPECT_TRUE(t.ok()) << t.status().ToString();
  return t.ok() ? *t : CsvTable{};
}

std::vector<std::string> Texts(const std::vector<CsvCell>& cells) {
  std::vector<std::string> out;
  for (const CsvCell& c : cells) out.push_back(c.text);
  return out;
}

using Strings = std::vector<std::string>;

TEST(CsvTable, FirstRowIsTheHeader) {
  CsvTable t = Parse("id,name\n1,a\n2,b\n");
  EXPECT_EQ(Texts(t.header), (Strings{"id", "name"}));
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(Texts(t.rows[0].cells), (Strings{"1", "a"}));
  EXPECT_EQ(Texts(t.rows[1].cells), (Strings{"2", "b"}));
  EXPECT_EQ(t.rows[0].line, 2);
  EXPECT_EQ(t.rows[1].line, 3);
}

TEST(CsvTable, QuotedCellKeepsItsComma) {
  CsvTable t = Parse("id,title\n1,\"Trade, investment and transit\"\n");
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(Texts(t.rows[0].cells), (Strings{"1", "Trade, investment and transit"}));
}

TEST(CsvTable, DoubledQuoteIsOneQuote) {
  CsvTable t = Parse("id,title\n1,\"the \"\"Belt and Road\"\" initiative\"\n");
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0].cells[1].text, "the \"Belt and Road\" initiative");
}

TEST(CsvTable, MultiLineCellKeepsTheRowsStartLine) {
  CsvTable t = Parse("id,note,locator\nex-1,\"first line\nsecond line\",p. 2\nex-2,x,p. 3\n");
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0].line, 2);
  EXPECT_EQ(t.rows[0].cells[1].text, "first line\nsecond line");
  EXPECT_EQ(t.rows[0].cells[1].line, 2);
  EXPECT_EQ(t.rows[0].cells[1].column, 6);
  EXPECT_EQ(t.rows[0].cells[2].line, 3);  // after the embedded newline
  EXPECT_EQ(t.rows[0].cells[2].column, 14);
  EXPECT_EQ(t.rows[1].line, 4);
}

TEST(CsvTable, SkipsByteOrderMark) {
  CsvTable t = Parse("\xEF\xBB\xBFid,name\n1,a\n");
  ASSERT_EQ(t.header.size(), 2u);
  EXPECT_EQ(t.header[0].text, "id");
  EXPECT_EQ(t.header[0].line, 1);
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0].cells[0].column, 1);
}

// Regression: the BOM counts as a character on line 1 (fixed).
TEST(CsvTable, ByteOrderMarkDoesNotShiftHeaderColumns) {
  CsvTable t = Parse("\xEF\xBB\xBFid,name\n1,a\n");
  ASSERT_EQ(t.header.size(), 2u);
  EXPECT_EQ(t.header[0].column, 1);
  EXPECT_EQ(t.header[1].column, 4);
}

TEST(CsvTable, AcceptsCrLfLineEnds) {
  CsvTable t = Parse("id,name\r\n1,a\r\n2,\"b\"\r\n");
  EXPECT_EQ(Texts(t.header), (Strings{"id", "name"}));
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(Texts(t.rows[0].cells), (Strings{"1", "a"}));
  EXPECT_EQ(Texts(t.rows[1].cells), (Strings{"2", "b"}));
  EXPECT_EQ(t.rows[1].line, 3);
}

TEST(CsvTable, AcceptsLastLineWithoutNewline) {
  CsvTable t = Parse("id,name\n1,a");
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(Texts(t.rows[0].cells), (Strings{"1", "a"}));
}

TEST(CsvTable, SkipsCommentAndBlankLinesButCountsThem) {
  CsvTable t = Parse(
      "# Registry of exchanges\n"
      "id,name\n"
      "\n"
      "# a comment, with a comma\n"
      ",,\n"
      "1,a\n");
  EXPECT_EQ(Texts(t.header), (Strings{"id", "name"}));
  EXPECT_EQ(t.header[0].line, 2);
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0].line, 6);
  EXPECT_EQ(Texts(t.rows[0].cells), (Strings{"1", "a"}));
}

// Regression: a double quote inside a comment line fails the file (fixed).
TEST(CsvTable, CommentMayContainAQuote) {
  CsvTable t = Parse("# write \"Kazakh\" or KAZ\nid,name\n1,a\n");
  EXPECT_EQ(Texts(t.header), (Strings{"id", "name"}));
  ASSERT_EQ(t.rows.size(), 1u);
}

TEST(CsvTable, TrimsBlanksAroundUnquotedCells) {
  CsvTable t = Parse("id , name\n 1 ,  a b  \n");
  EXPECT_EQ(Texts(t.header), (Strings{"id", "name"}));
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(Texts(t.rows[0].cells), (Strings{"1", "a b"}));
  EXPECT_EQ(t.rows[0].cells[0].column, 2);  // where the text starts
  EXPECT_EQ(t.rows[0].cells[1].column, 7);
}

TEST(CsvTable, KeepsEmptyCells) {
  CsvTable t = Parse("a,b,c\n1,,3\n");
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(Texts(t.rows[0].cells), (Strings{"1", "", "3"}));
}

TEST(CsvTable, ColumnsCountCharactersNotBytes) {
  // "Қазақстан" is 9 characters in 18 bytes; "中国" 2 characters in 6 bytes.
  CsvTable t = Parse(
      "name,code,x\n"
      "\xD2\x9A\xD0\xB0\xD0\xB7\xD0\xB0\xD2\x9B\xD1\x81\xD1\x82\xD0\xB0\xD0\xBD,KAZ,"
      "\xE4\xB8\xAD\xE5\x9B\xBD,y\n");
  ASSERT_EQ(t.rows.size(), 1u);
  ASSERT_EQ(t.rows[0].cells.size(), 4u);
  EXPECT_EQ(t.rows[0].cells[1].column, 11);
  EXPECT_EQ(t.rows[0].cells[2].column, 15);
  EXPECT_EQ(t.rows[0].cells[3].column, 18);
}

TEST(CsvTable, UnclosedQuoteNamesLineAndColumn) {
  Result<CsvTable> t = ParseCsv("reg/x.csv", "id,name\n1,a\n2,\"never closed\n3,c\n");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(t.status().message(),
            "reg/x.csv:3:3: a quoted cell is never closed (add the closing double quote)");
}

TEST(CsvTable, QuoteInsideUnquotedCellNamesLineAndColumn) {
  Result<CsvTable> t = ParseCsv("reg/x.csv", "id,name\n1,say \"hi\"\n");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().message(),
            "reg/x.csv:2:7: malformed CSV quoting (a cell holding a comma or a quote must be "
            "wrapped in double quotes, and a quote inside it doubled: \"say \"\"hi\"\"\")");
}

TEST(CsvTable, EmptyTextHasNoHeader) {
  CsvTable t = Parse("");
  EXPECT_TRUE(t.header.empty());
  EXPECT_TRUE(t.rows.empty());
}

TEST(CsvTable, ReadCsvFileReportsMissingFile) {
  Result<CsvTable> t = ReadCsvFile("/nonexistent/trade.csv", "reg/trade.csv");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), StatusCode::kIoError);
  EXPECT_EQ(t.status().message(), "reg/trade.csv: cannot open for reading");
}

TEST(CsvTable, ReadCsvFileParsesTheFile) {
  namespace fs = std::filesystem;
  fs::path path = fs::temp_directory_path() /
                  ("bilat_csv_table_test_" + std::to_string(::getpid()) + ".csv");
  std::ofstream(path, std::ios::binary) << "id,name\r\n1,\"a, b\"\r\n";
  Result<CsvTable> t = ReadCsvFile(path.string(), "reg/x.csv");
  std::error_code ec;
  fs::remove(path, ec);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  ASSERT_EQ(t->rows.size(), 1u);
  EXPECT_EQ(t->rows[0].cells[1].text, "a, b");
}

}  // namespace
}  // namespace bilat::ingest

namespace bilat::ingest {
namespace {

// A row with very many cells (audit finding: 80,000 cells took 3.5 s, a
// million did not finish): each cell's column is found from the previous
// one, so four times the cells take about four times as long, and the last
// cell's column is still exact.
TEST(CsvTable, RowWithVeryManyCellsTakesLinearTime) {
  auto run = [](size_t cells, CsvTable* out) {
    std::string text = "a,b\n";
    for (size_t i = 0; i < cells; ++i) text += i ? ",x" : "x";
    text += "\n";
    auto start = std::chrono::steady_clock::now();
    Result<CsvTable> t = ParseCsv("wide.csv", text);
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_TRUE(t.ok());
    if (t.ok()) *out = std::move(*t);
    return s;
  };
  CsvTable small_table, large_table;
  double small = run(50000, &small_table), large = run(200000, &large_table);
  ASSERT_EQ(large_table.rows.size(), 1u);
  ASSERT_EQ(large_table.rows[0].cells.size(), 200000u);
  EXPECT_EQ(large_table.rows[0].cells.back().line, 2);
  EXPECT_EQ(large_table.rows[0].cells.back().column, 2 * 200000 - 1);
  EXPECT_LT(large / std::max(small, 2e-3), 10.0) << "50k cells " << small << " s, 200k " << large << " s";
}

}  // namespace
}  // namespace bilat::ingest
