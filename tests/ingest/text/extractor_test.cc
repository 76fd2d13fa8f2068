#include "ingest/text/extractor.h"

#include <gtest/gtest.h>

#include <chrono>

#include "ingest/text/output.h"
#include "tests/ingest/text/test_extractor.h"

namespace bilat::text {
namespace {

const Extractor& Ex() { return testing::TestExtractor(); }

Extraction ExtractText(const std::string& text) {
  auto doc = DocumentFromText("t", text, "t.txt");
  EXPECT_TRUE(doc.ok());
  return Ex().Extract(*doc);
}

TEST(Extractor, VisitResolvesTitleAndDate) {
  Extraction x = ExtractText("URL: https://example.org/2019/06/12/story\nPresident Tokayev visited Beijing on Tuesday.");
  ASSERT_EQ(x.visits.size(), 1u);
  EXPECT_EQ(x.visits[0].visitor_country, "KAZ");
  EXPECT_EQ(x.visits[0].host_country, "CHN");
  EXPECT_EQ(x.visits[0].visitor, "Kassym-Jomart Tokayev");
  EXPECT_EQ(x.visits[0].date.Iso(), "2019-06-11");
  EXPECT_EQ(x.visits[0].cameo.code, "042");
}

TEST(Extractor, ChinesePresidentIsResolvedByTheDocumentsDate) {
  Extraction x = ExtractText("URL: https://example.org/2015/05/08/story\nThe Chinese President arrived in Astana on Thursday for a state visit.");
  ASSERT_EQ(x.visits.size(), 1u);
  EXPECT_EQ(x.visits[0].visitor, "Xi Jinping");
  EXPECT_EQ(x.visits[0].kind, "state visit");
  EXPECT_EQ(x.visits[0].host_country, "KAZ");
}

TEST(Extractor, ListOfDatesIsOneVisitEach) {
  Extraction x = ExtractText("BEIJING, Jan. 22, 2024 -- President Xi visited Kazakhstan three times: in September 2013, May 2015 and June 2017.");
  ASSERT_EQ(x.visits.size(), 3u);
  EXPECT_EQ(x.visits[2].date.Iso(), "2017-06");
  ASSERT_EQ(x.quantities.size(), 1u);
  EXPECT_EQ(x.quantities[0].value, 3);
}

TEST(Extractor, RepeatedMentionsOfOneVisitMerge) {
  Extraction x = ExtractText(
      "URL: https://example.org/2023/05/18/a\n"
      "Agreements were signed during the state visit of President Tokayev to China.\n"
      "The Kazakh leader arrived in Xi'an on May 17 for a state visit.\n"
      "He was greeted by Chinese President Xi Jinping.");
  ASSERT_EQ(x.visits.size(), 1u);
  EXPECT_EQ(x.visits[0].date.Iso(), "2023-05-17");
}

TEST(Extractor, DeniedVisitIsNoVisit) {
  Extraction x = ExtractText("URL: https://example.org/2023/06/10/a\nThe ministry denied reports that Putin would visit Pakistan.");
  EXPECT_TRUE(x.visits.empty());
}

TEST(Extractor, MeetingDuringAVisitIsPartOfTheVisit) {
  Extraction x = ExtractText("URL: https://example.org/2024/03/13/a\nUzbek Foreign Minister Bakhtiyor Saidov held talks with his Chinese counterpart Wang Yi in Beijing on Tuesday.");
  ASSERT_EQ(x.visits.size(), 1u);
  EXPECT_EQ(x.visits[0].visitor_country, "UZB");
  EXPECT_EQ(x.visits[0].date.Iso(), "2024-03-12");
  EXPECT_TRUE(x.events.empty());
}

TEST(Extractor, TradeFigureWithDecimalCommaAndPeriod) {
  Extraction x = ExtractText("URL: https://example.org/2025/02/04/a\nIn January-November 2024, trade between China and Kyrgyzstan reached $19,863 billion.");
  ASSERT_EQ(x.trade.size(), 1u);
  EXPECT_EQ(x.trade[0].year, 2024);
  EXPECT_EQ(x.trade[0].period, "Jan-Nov");
  EXPECT_DOUBLE_EQ(x.trade[0].value, 19.863);
  EXPECT_EQ(x.trade[0].unit, "USD billion");
  EXPECT_EQ(x.trade[0].flow, "total");
  EXPECT_TRUE(x.money.empty());
}

TEST(Extractor, TradeFlowsAndGrowthAttachToTheirFigures) {
  Extraction x = ExtractText(
      "URL: https://example.org/2022/11/04/a\n"
      "Last year, Chinese exports to Pakistan totalled $24.23 billion, a year-on-year increase of 57.8 percent, "
      "while imports from Pakistan were $3.59 billion, up 68.9 percent.");
  ASSERT_EQ(x.trade.size(), 2u);
  EXPECT_EQ(x.trade[0].flow, "exports");
  EXPECT_EQ(x.trade[0].reporter_or_direction, "CHN->PAK");
  EXPECT_EQ(x.trade[0].year, 2021);
  EXPECT_DOUBLE_EQ(*x.trade[0].yoy_pct, 57.8);
  EXPECT_EQ(x.trade[1].flow, "imports");
  EXPECT_EQ(x.trade[1].reporter_or_direction, "PAK->CHN");
  EXPECT_DOUBLE_EQ(*x.trade[1].yoy_pct, 68.9);
  EXPECT_TRUE(x.percentages.empty());
}

TEST(Extractor, ComparisonYearIsNotTheFiguresYear) {
  Extraction x = ExtractText(
      "URL: https://example.org/2023/07/28/a\nCustoms released data for the first half of 2023.\n"
      "Trade with Uzbekistan increased by 26.8 percent compared to the same period in 2022, reaching almost $6.1 billion.");
  ASSERT_EQ(x.trade.size(), 1u);
  EXPECT_EQ(x.trade[0].year, 2023);
  EXPECT_EQ(x.trade[0].period, "H1");
  EXPECT_EQ(x.trade[0].qualifier, "almost");
  EXPECT_DOUBLE_EQ(*x.trade[0].yoy_pct, 26.8);
}

TEST(Extractor, ComparisonBaseWithItsOwnYearIsAFigure) {
  Extraction x = ExtractText(
      "URL: https://example.org/2023/03/01/a\n"
      "Trade between Kazakhstan and China grew from $21.4 billion in 2020 to $31.2 billion in 2022.\n"
      "Trade reached $14 billion in 2021, up from $10 billion.");
  ASSERT_EQ(x.trade.size(), 3u);
  EXPECT_EQ(x.trade[0].year, 2020);
  EXPECT_EQ(x.trade[1].year, 2022);
  EXPECT_DOUBLE_EQ(x.trade[2].value, 14);
  EXPECT_TRUE(x.money.empty());
}

TEST(Extractor, CountAfterItsNoun) {
  Extraction x = ExtractText("URL: https://example.org/2024/10/15/a\nIn Kazakhstan, the number of joint ventures with Russia exceeded 12,000.");
  ASSERT_EQ(x.quantities.size(), 1u);
  EXPECT_EQ(x.quantities[0].value, 12000);
}

TEST(Extractor, TakingPartInAForumAbroadIsATrip) {
  Extraction x = ExtractText("URL: https://example.org/2024/10/15/a\nPresident Tokayev will take part in the Forum of Interregional Cooperation in Omsk next month.");
  ASSERT_EQ(x.visits.size(), 1u);
  EXPECT_EQ(x.visits[0].host_country, "RUS");
  EXPECT_EQ(x.visits[0].kind, "summit attendance");
  EXPECT_EQ(x.visits[0].status, "planned");
  EXPECT_EQ(x.visits[0].date.Iso(), "2024-11");
}

TEST(Extractor, TradeTargetIsMoneyNotATradeFigure) {
  Extraction x = ExtractText("URL: https://example.org/2024/07/04/a\nChina and Kazakhstan agreed to raise bilateral trade to $80 billion by 2030.");
  EXPECT_TRUE(x.trade.empty());
  ASSERT_EQ(x.money.size(), 1u);
  EXPECT_EQ(x.money[0].date.Iso(), "2030");
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_EQ(x.events[0].kind, "announcement");
}

TEST(Extractor, InvestmentIsMoney) {
  Extraction x = ExtractText("URL: https://example.org/2024/07/04/a\nIn 2023, Chinese investments in Kazakhstan increased by 16% and reached $1.8 billion.");
  ASSERT_EQ(x.money.size(), 1u);
  EXPECT_EQ(x.money[0].date.Iso(), "2023");
  ASSERT_EQ(x.percentages.size(), 1u);
  EXPECT_DOUBLE_EQ(x.percentages[0].value_low, 16);
}

TEST(Extractor, CountsRelationshipThingsNotDurations) {
  Extraction x = ExtractText(
      "URL: https://example.org/2024/01/22/a\n"
      "Over the past 10 years, the two countries opened seven pairs of border ports, five cross-border "
      "pipelines and an international cooperation center.");
  ASSERT_EQ(x.quantities.size(), 3u);
  EXPECT_EQ(x.quantities[0].value, 7);
  EXPECT_EQ(x.quantities[1].value, 5);
  EXPECT_EQ(x.quantities[2].value, 1);
}

TEST(Extractor, ElectionFiguresAreOutOfScope) {
  Extraction x = ExtractText("URL: https://example.org/2022/11/28/a\nHe received 81.31% of the votes, with 8.3 million voters taking part.");
  EXPECT_TRUE(x.percentages.empty());
  EXPECT_TRUE(x.quantities.empty());
}

TEST(Extractor, CodesEventKinds) {
  Extraction x = ExtractText(
      "URL: https://example.org/2024/05/09/a\n"
      "In September 2022, the central banks signed a memorandum of cooperation.\n"
      "On September 23, 2019, the Bank of China branch in Astana was opened.\n"
      "Russia and Kazakhstan established diplomatic relations on October 22, 1992.\n"
      "A free trade agreement between China and Serbia will take effect on July 1.");
  ASSERT_EQ(x.events.size(), 4u);
  EXPECT_EQ(x.events[0].kind, "memorandum signed");
  EXPECT_EQ(x.events[0].cameo.code, "057");
  EXPECT_DOUBLE_EQ(x.events[0].cameo.goldstein, 8.0);
  EXPECT_EQ(x.events[1].kind, "opening");
  EXPECT_EQ(x.events[1].date.Iso(), "2019-09-23");
  EXPECT_EQ(x.events[2].kind, "partnership established");
  EXPECT_EQ(x.events[2].parties, (std::vector<std::string>{"KAZ", "RUS"}));
  EXPECT_EQ(x.events[3].kind, "entry into force");
  EXPECT_EQ(x.events[3].date.Iso(), "2024-07-01");
  EXPECT_EQ(x.events[3].status, "planned");
}

TEST(Extractor, NamedSummitMentionedTwiceIsOneSummit) {
  Extraction x = ExtractText(
      "URL: https://example.org/2024/01/22/a\n"
      "The China-Central Asia Summit held in Xi'an in May 2023 was a success.\n"
      "The achievements of the China-Central Asia Summit were praised.");
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_EQ(x.events[0].kind, "summit");
  EXPECT_EQ(x.events[0].date.Iso(), "2023-05");
}

TEST(Extractor, EvidenceSpanCitesTheOriginalCharacters) {
  std::string text = "URL: https://example.org/2024/01/22/a\n\xE2\x80\x9CQuote.\xE2\x80\x9D Tokayev visited China in May 2023.";
  Extraction x = ExtractText(text);
  ASSERT_EQ(x.visits.size(), 1u);
  const Evidence& e = x.visits[0].evidence;
  EXPECT_EQ(e.text(), "Tokayev visited China in May 2023.");
  // Code points: the URL line (37 and a newline), the curly-quoted sentence (8), a space.
  EXPECT_EQ(e.begin, 47u);
  EXPECT_EQ(e.end, 47u + 34u);
}

TEST(Extractor, EmptyDocumentGivesAnEmptyResult) {
  Extraction x = ExtractText("");
  EXPECT_TRUE(x.visits.empty() && x.events.empty() && x.trade.empty() && x.quantities.empty() &&
              x.money.empty() && x.percentages.empty());
  EXPECT_NE(GoldJson(x).find("\"visits\": []"), std::string::npos);
}

// Linear, not quadratic, in the length of a line without sentence ends: four
// times the text takes well under sixteen times as long. A ratio rather than
// a wall-clock limit, so a busy machine does not fail it.
TEST(Extractor, LongSingleLineTakesLinearTime) {
  auto run = [](size_t bytes, size_t* sentences) {
    std::string text;
    text.reserve(bytes + 64);
    while (text.size() < bytes) text += "China Kazakhstan trade 2023 $5 billion visit Astana ";
    auto start = std::chrono::steady_clock::now();
    Extraction x = ExtractText(text);
    *sentences = x.sentences;
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  size_t small_sentences = 0, large_sentences = 0;
  double small = run(1u << 20, &small_sentences);
  double large = run(4u << 20, &large_sentences);
  EXPECT_GT(large_sentences, 1000u);  // cut into bounded sentences
  EXPECT_GT(large_sentences, 3 * small_sentences);
  EXPECT_LT(large / small, 10.0) << "1 MiB: " << small << " s, 4 MiB: " << large << " s";
}

TEST(Output, GoldJsonFollowsTheScoringSchema) {
  Extraction x = ExtractText("URL: https://example.org/2021/03/01/a\nIn 2020, bilateral trade between China and Kazakhstan reached $21.43 billion.");
  std::string j = GoldJson(x);
  for (const char* key : {"\"url\"", "\"country_pair\"", "\"doc_date\"", "\"visits\"", "\"meetings_and_events\"",
                          "\"trade_figures\"", "\"quantities\"", "\"money\"", "\"percentages\"", "\"evidence\"",
                          "\"confidence\""}) {
    EXPECT_NE(j.find(key), std::string::npos) << key;
  }
  EXPECT_NE(j.find("\"value\": 21.43"), std::string::npos) << j;
  EXPECT_NE(j.find("\"period\": null"), std::string::npos);
}

}  // namespace
}  // namespace bilat::text

namespace bilat::text {
namespace {

// Text dense with figures (audit finding: 9 MB of numbers took 3.9 GB): a
// document gives at most kMaxItemsPerDocument items, the rest of it is not
// read and the extraction says how many sentences were skipped; the items
// share their sentence instead of copying it.
TEST(Extractor, TextDenseWithNumbersIsBoundedAndSaysSo) {
  std::string text = "China and Kazakhstan trade grew.";
  for (int i = 0; i < 60000; ++i) text += " " + std::to_string(1000 + i % 9000) + (i % 5 == 0 ? "%" : "");
  Extraction x = ExtractText(text);
  const size_t items = x.visits.size() + x.events.size() + x.trade.size() + x.quantities.size() + x.money.size() +
                       x.percentages.size();
  EXPECT_GE(items, kMaxItemsPerDocument);
  EXPECT_LT(items, kMaxItemsPerDocument + 1000);  // at most one more sentence's worth
  EXPECT_GT(x.sentences_skipped, 0u);
  // Items of one sentence share its text.
  const Percentage* a = x.percentages.size() > 1 ? &x.percentages[0] : nullptr;
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->evidence.sentence.get(), x.percentages[1].evidence.sentence.get());
}

}  // namespace
}  // namespace bilat::text
