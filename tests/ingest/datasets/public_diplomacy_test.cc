#include <gtest/gtest.h>

#include <map>
#include <set>

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

constexpr char kFile[] = "ChinesePublicDiplomacy.csv";
constexpr char kHeader[] =
    "receiving_country,year,confucius_institutes,sister_cities_established,government_visits,military_visits,"
    "total_elite_visits,ambassador_op_eds,journalist_visits,media_partnerships,outbound_chinese_students,"
    "inbound_students_to_china\n";

const DatasetLoadResult& Real() {
  static const DatasetLoadResult r = [] {
    auto res = LoadPublicDiplomacy(SharedData(std::string("people/aiddata_public_diplomacy/") + kFile), Ctx(kFile));
    EXPECT_TRUE(res.ok()) << res.status().ToString();
    return res.ok() ? *res : DatasetLoadResult{};
  }();
  return r;
}

TEST(PublicDiplomacy, RealPanelKazakhstanSeries) {
  const DatasetLoadResult& r = Real();
  EXPECT_EQ(r.rows_read, 741u);  // README: 741 rows, 39 countries x 19 years
  EXPECT_EQ(r.scope, "aiddata-pd2");
  EXPECT_TRUE(r.issues.empty()) << ::testing::PrintToString(IssueTexts(r));
  // README: government visits 11 (2000), 15, 18, 9, 25, 22, 29, 11, 25, 15, 9, 10, 7, 7, 14, 6, 9, 11 (2017).
  const double kVisits[] = {11, 15, 18, 9, 25, 22, 29, 11, 25, 15, 9, 10, 7, 7, 14, 6, 9, 11};
  for (int year = 2000; year <= 2017; ++year) {
    const Observation* o = FindObservation(r, "pd.government_visits", "CHN", "KAZ", std::to_string(year));
    ASSERT_NE(o, nullptr) << year;
    EXPECT_EQ(o->value, kVisits[year - 2000]) << year;
    EXPECT_EQ(o->line, static_cast<uint64_t>(211 + year - 2000)) << year;
  }
  // 2018 is N/A in the panel: missing, not zero.
  EXPECT_EQ(FindObservation(r, "pd.government_visits", "CHN", "KAZ", "2018"), nullptr);
  EXPECT_EQ(FindObservation(r, "pd.inbound_students_to_china", "CHN", "KAZ", "2002")->value, 200.0);
  EXPECT_EQ(FindObservation(r, "pd.inbound_students_to_china", "CHN", "KAZ", "2017")->value, 14224.0);
  EXPECT_EQ(FindObservation(r, "pd.inbound_students_to_china", "CHN", "KAZ", "2001"), nullptr);
  // README: Kazakhstan's Confucius Institutes, new that year: 2006, 2007, 2010 (2), 2017 = 5.
  std::map<std::string, double> ci;
  for (const Observation& o : r.observations) {
    if (o.measure == "pd.confucius_institutes" && o.object == "KAZ" && *o.value > 0) ci[o.period] = *o.value;
  }
  EXPECT_EQ(ci, (std::map<std::string, double>{{"2006", 1}, {"2007", 1}, {"2010", 2}, {"2017", 1}}));
}

TEST(PublicDiplomacy, NotAvailableCellsAreMissingNeverZero) {
  // README's counts of N/A per column; every other cell is a value.
  const std::map<std::string, size_t> kNotAvailable = {
      {"confucius_institutes", 69},        {"sister_cities_established", 69}, {"government_visits", 107},
      {"military_visits", 227},            {"total_elite_visits", 107},       {"ambassador_op_eds", 366},
      {"journalist_visits", 158},          {"media_partnerships", 318},       {"outbound_chinese_students", 316},
      {"inbound_students_to_china", 181}};
  for (const auto& [column, na] : kNotAvailable) {
    const std::string measure = "pd." + column;  // clang 14 cannot capture a structured binding
    size_t n = testing_util::CountObservations(Real(), [&](const Observation& o) { return o.measure == measure; });
    EXPECT_EQ(n, 741u - na) << column;
  }
}

TEST(PublicDiplomacy, EveryCountryNameOfTheRealFileIsMappedOrDeclared) {
  EXPECT_EQ(UndeclaredNames(Real()), "");
  EXPECT_EQ(Real().ProblemRows(), 0u);
  std::set<std::string> countries;
  for (const Observation& o : Real().observations) countries.insert(o.object);
  // 39 countries; the Cook Islands (added to the README's 38) are N/A throughout.
  EXPECT_EQ(countries.size(), 38u);
  EXPECT_EQ(countries.count("COK"), 0u);
  EXPECT_TRUE(Real().unmapped.empty());
}

TEST(PublicDiplomacy, BadRowsAreReportedWithTheirLineAndSkipped) {
  std::string path = WriteTemp("pd.csv", std::string(kHeader) +
                                             "\"Kazakhstan\",20x0,0,2,11,\"N/A\",11,\"N/A\",\"N/A\",\"N/A\",\"N/A\",\"N/A\"\n"
                                             "\"Kazakhstan\",2001,0,0,many,-1,15,\"N/A\",\"N/A\",\"N/A\",\"N/A\",\"N/A\"\n"
                                             "\"Kazakhstan\",2002,0,0\n"
                                             "\"Atlantis\",2002,0,0,1,1,1,1,1,1,1,1\n");
  auto r = LoadPublicDiplomacy(path, Ctx("pd.csv"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(IssueTexts(*r),
            (std::vector<std::string>{
                "pd.csv:2: '20x0' is not a year",
                "pd.csv:3: 'many' is not a count (a whole number, or N/A where the panel has no data)",
                "pd.csv:3: '-1' is not a count (a whole number, or N/A where the panel has no data)",
                "pd.csv:4: row has 4 cells, the header 12 (the file may be cut short or a cell holds an unquoted "
                "comma)"}));
  EXPECT_EQ(r->issues[1].field, "government_visits");
  const UnmappedName* atlantis = FindUnmapped(*r, "receiving_country", "Atlantis");
  ASSERT_NE(atlantis, nullptr);
  EXPECT_EQ(atlantis->first_line, 5u);
  EXPECT_FALSE(atlantis->deliberate);
  // The good cells of line 3 go through: the bad cell is the row's only loss.
  EXPECT_EQ(FindObservation(*r, "pd.total_elite_visits", "CHN", "KAZ", "2001")->value, 15.0);
  EXPECT_EQ(FindObservation(*r, "pd.confucius_institutes", "CHN", "KAZ", "2001")->value, 0.0);
  EXPECT_EQ(r->observations.size(), 3u);  // confucius_institutes, sister_cities, total_elite_visits of 2001
}

}  // namespace
}  // namespace bilat::ingest
