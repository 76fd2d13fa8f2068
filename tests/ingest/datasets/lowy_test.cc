#include <gtest/gtest.h>

#include <map>

#include "ingest/datasets/adapters.h"
#include "tests/ingest/datasets/dataset_test_util.h"

namespace bilat::ingest {
namespace {

using testing_util::Ctx;
using testing_util::FindObservation;
using testing_util::FindUnmapped;
using testing_util::IssueTexts;
using testing_util::SharedData;
using testing_util::UndeclaredNames;
using testing_util::WriteTemp;

constexpr char kFile[] = "lowy_gdi_posts.csv";
constexpr char kHeader[] =
    "COUNTRY,POPULATION (M),\"GDP (B, USD)\",G20 RANK,OECD RANK,ASIA RANK,OVERALL RANK,POST CITY,POST COUNTRY,"
    "TYPE OF POST,POST TYPE TITLE,Year\n";

const DatasetLoadResult& Real() {
  static const DatasetLoadResult r = [] {
    auto res = LoadLowy(SharedData(std::string("political/lowy_diplomacy_index/") + kFile), Ctx(kFile));
    EXPECT_TRUE(res.ok()) << res.status().ToString();
    return res.ok() ? *res : DatasetLoadResult{};
  }();
  return r;
}

TEST(Lowy, RealPostsOfChinaInKazakhstan) {
  const DatasetLoadResult& r = Real();
  EXPECT_EQ(r.rows_read, 28589u);  // README
  EXPECT_EQ(r.scope, "lowy-gdi");
  EXPECT_TRUE(r.issues.empty()) << ::testing::PrintToString(IssueTexts(r));
  // 1277: China,...,Astana,Kazakhstan,Embassy / High Commission,Embassy,2023
  const Observation* embassy = FindObservation(r, "lowy.post", "CHN", "KAZ", "2023", "Astana | Embassy");
  ASSERT_NE(embassy, nullptr);
  EXPECT_EQ(embassy->text, "Embassy / High Commission");
  EXPECT_FALSE(embassy->value.has_value());
  EXPECT_EQ(embassy->line, 1277u);
  // Astana is "Nur-Sultan" in 2021; the consulate-general in Almaty is in all four editions.
  EXPECT_NE(FindObservation(r, "lowy.post", "CHN", "KAZ", "2021", "Nur-Sultan | Embassy"), nullptr);
  EXPECT_NE(FindObservation(r, "lowy.post", "CHN", "KAZ", "2017", "Astana | Embassy"), nullptr);
  EXPECT_NE(FindObservation(r, "lowy.post", "CHN", "KAZ", "2016", "Astana | Embassy"), nullptr);
  for (const char* year : {"2016", "2017", "2021", "2023"}) {
    const Observation* cg = FindObservation(r, "lowy.post", "CHN", "KAZ", year, "Almaty | Consulate-General");
    ASSERT_NE(cg, nullptr) << year;
    EXPECT_EQ(cg->text, "Consulate / Consulate-General");
  }
  // Kazakhstan is not one of the senders.
  EXPECT_EQ(testing_util::CountObservations(r, [](const Observation& o) { return o.subject == "KAZ"; }), 0u);
}

TEST(Lowy, ChinasPostsPerEditionAreTheFiguresLowyPublished) {
  std::map<std::string, size_t> china;
  for (const Observation& o : Real().observations) {
    if (o.subject == "CHN") ++china[o.period];
  }
  // README: 263 (2016), 271 (2017), 275 (2021), 274 (2023); one stray 2019 row.
  EXPECT_EQ(china, (std::map<std::string, size_t>{{"2016", 263}, {"2017", 271}, {"2019", 1}, {"2021", 275}, {"2023", 274}}));
}

TEST(Lowy, EveryCountryNameOfTheRealFileIsMappedOrDeclared) {
  EXPECT_EQ(UndeclaredNames(Real()), "");
  EXPECT_EQ(Real().ProblemRows(), 0u);
  const UnmappedName* eeas = FindUnmapped(Real(), "COUNTRY", "European External Action Service");
  ASSERT_NE(eeas, nullptr);
  EXPECT_TRUE(eeas->deliberate);
  EXPECT_EQ(eeas->why, "the EU's diplomatic service, not a country");
}

TEST(Lowy, BadRowsAreReportedWithTheirLineAndSkipped) {
  std::string path = WriteTemp("lowy.csv", std::string(kHeader) +
                                               "China,1434.1,18125,1,,1,1,Astana,Kazakhstan,Embassy / High Commission,Embassy,20x3\n"
                                               "China,1434.1,18125,1,,1,1,Astana\n"
                                               "Atlantis,1,1,,,,,Astana,Kazakhstan,Embassy / High Commission,Embassy,2023\n"
                                               "China,1434.1,18125,1,,1,1,Poseidonia,Atlantis,Embassy / High Commission,Embassy,2023\n"
                                               "European External Action Service,,,,,,,Astana,Kazakhstan,Other,Delegation,2023\n"
                                               "China,1434.1,18125,1,,1,1,Astana,Kazakhstan,Embassy / High Commission,Embassy,2023\n");
  auto r = LoadLowy(path, Ctx("lowy.csv"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(IssueTexts(*r),
            (std::vector<std::string>{
                "lowy.csv:2: '20x3' is not an edition year",
                "lowy.csv:3: row has 8 cells, the header 12 (the file may be cut short or a cell holds an "
                "unquoted comma)"}));
  const UnmappedName* sender = FindUnmapped(*r, "COUNTRY", "Atlantis");
  ASSERT_NE(sender, nullptr);
  EXPECT_EQ(sender->first_line, 4u);
  const UnmappedName* host = FindUnmapped(*r, "POST COUNTRY", "Atlantis");
  ASSERT_NE(host, nullptr);
  EXPECT_EQ(host->first_line, 5u);
  EXPECT_FALSE(host->deliberate);
  ASSERT_NE(FindUnmapped(*r, "COUNTRY", "European External Action Service"), nullptr);
  EXPECT_EQ(r->ProblemRows(), 4u);  // not the EEAS row
  ASSERT_EQ(r->observations.size(), 1u);
  EXPECT_EQ(r->observations[0].item, "Astana | Embassy");
  EXPECT_EQ(r->observations[0].line, 7u);
}

}  // namespace
}  // namespace bilat::ingest
