#include <gtest/gtest.h>

#include <map>
#include <set>

#include "ingest/datasets/adapters.h"
#include "tests/ingest/datasets/dataset_test_util.h"

namespace bilat::ingest {
namespace {

using testing_util::Ctx;
using testing_util::FindObservation;
using testing_util::FindRecord;
using testing_util::FindUnmapped;
using testing_util::IssueTexts;
using testing_util::SharedData;
using testing_util::UndeclaredNames;
using testing_util::WriteTemp;

constexpr char kFile[] = "china_partnerships.csv";
constexpr char kHeader[] = "iso3,country,year,month,level_label,level_rank,source_url,source_title,note\n";

const DatasetLoadResult& Real() {
  static const DatasetLoadResult r = [] {
    auto res = LoadPartnerships(SharedData(std::string("political/china_partnerships/") + kFile), Ctx(kFile));
    EXPECT_TRUE(res.ok()) << res.status().ToString();
    return res.ok() ? *res : DatasetLoadResult{};
  }();
  return r;
}

const Record* SourceOf(const DatasetLoadResult& r, const Record& rec) {
  for (const Record& s : r.sources) {
    if (s.Text("id") == rec.Text("source_id")) return &s;
  }
  return nullptr;
}

TEST(Partnerships, RealLadderOfKazakhstan) {
  const DatasetLoadResult& r = Real();
  EXPECT_EQ(r.rows_read, 147u);  // README: 147 rows, 61 countries, 5 ATTESTED ONLY
  EXPECT_EQ(r.scope, "partnerships");
  EXPECT_TRUE(r.issues.empty()) << ::testing::PrintToString(IssueTexts(r));
  EXPECT_EQ(r.records.size(), 147u - 5u);
  // 61: KAZ,Kazakhstan,1992,1,diplomatic relations established,0,https://www.laitimes.com/...,
  //     "Joint statement of the PRC and the Republic of Kazakhstan (Xinhua, Astana, 3 July 2024)"
  const Record* rel = FindRecord(r, "partnerships:61");
  ASSERT_NE(rel, nullptr);
  EXPECT_EQ(rel->kind->name, "agreements");
  EXPECT_EQ(rel->Text("kind"), "milestone");
  EXPECT_EQ(rel->Text("date"), "1992-01");
  EXPECT_EQ(rel->Text("parties"), "CHN;KAZ");
  EXPECT_EQ(rel->Text("title"), "Diplomatic relations established");
  EXPECT_EQ(rel->Text("note"), "joint communique 3 Jan 1992");
  EXPECT_EQ(rel->Text("locator"), "china_partnerships.csv:61");
  const Record* src = SourceOf(r, *rel);
  ASSERT_NE(src, nullptr);
  EXPECT_EQ(src->Text("url"), "https://www.laitimes.com/en/article/6wpk6_7d1tx.html");
  EXPECT_EQ(src->Text("title"), "Joint statement of the PRC and the Republic of Kazakhstan (Xinhua, Astana, 3 July 2024)");
  EXPECT_EQ(src->Text("published"), "2024");  // the last year the title names
  // 62: 2011-06 comprehensive strategic partnership, rank 4; 63: 2019-09 permanent CSP, rank 5.
  const Record* csp = FindRecord(r, "partnerships:62");
  ASSERT_NE(csp, nullptr);
  EXPECT_EQ(csp->Text("kind"), "partnership_level");
  EXPECT_EQ(csp->Text("date"), "2011-06");
  EXPECT_EQ(csp->Text("level"), "comprehensive strategic partnership");
  EXPECT_EQ(csp->Text("title"), "Partnership level: comprehensive strategic partnership");
  EXPECT_EQ(SourceOf(r, *csp)->Text("url"), "http://covid-19.chinadaily.com.cn/china/2011-06/14/content_12686689.htm");
  EXPECT_EQ(SourceOf(r, *csp)->Text("published"), "2011");
  const Observation* rank = FindObservation(r, "partnership.rank", "KAZ", "CHN", "2019-09");
  ASSERT_NE(rank, nullptr);
  EXPECT_EQ(rank->value, 5.0);
  EXPECT_EQ(rank->text, "permanent comprehensive strategic partnership");
  EXPECT_EQ(rank->line, 63u);
  EXPECT_EQ(FindObservation(r, "partnership.rank", "KAZ", "CHN", "1992-01")->value, 0.0);
}

TEST(Partnerships, EveryRowCitesItsOwnPage) {
  const DatasetLoadResult& r = Real();
  std::set<std::string> urls, ids;
  for (const Record& s : r.sources) {
    EXPECT_TRUE(urls.insert(s.Text("url")).second) << "two sources for " << s.Text("url");
    EXPECT_TRUE(ids.insert(s.Text("id")).second);
    EXPECT_FALSE(s.Text("url").empty());
  }
  for (const Record& rec : r.records) {
    ASSERT_NE(SourceOf(r, rec), nullptr) << rec.Text("id");
    EXPECT_EQ(rec.Text("source_id").rfind("partnerships:src-", 0), 0u);
  }
  EXPECT_LE(r.sources.size(), 123u);  // distinct source_url values in the file
  // A title without a year: the fact's year, a lower bound.
  // 10: AUS,Australia,1972,12,...,Australia-China relations (Wikipedia mirror)
  EXPECT_EQ(SourceOf(r, *FindRecord(r, "partnerships:10"))->Text("published"), "1972");
}

TEST(Partnerships, RowsWithoutAYearAreAttestedOnly) {
  const DatasetLoadResult& r = Real();
  std::set<std::string> attested;
  for (const Observation& o : r.observations) {
    if (o.measure != "partnership.attested") continue;
    attested.insert(o.subject);
    EXPECT_EQ(o.period, "");
  }
  EXPECT_EQ(attested, (std::set<std::string>{"LAO", "MEX", "NPL", "NZL", "PER"}));
  EXPECT_EQ(FindRecord(r, "partnerships:70"), nullptr);  // LAO, no year
  EXPECT_EQ(r.rows_skipped, 5u);
  const Observation* lao = nullptr;
  for (const Observation& o : r.observations) {
    if (o.measure == "partnership.attested" && o.subject == "LAO") lao = &o;
  }
  ASSERT_NE(lao, nullptr);
  EXPECT_EQ(lao->value, 4.0);
  EXPECT_EQ(lao->text, "comprehensive strategic partnership of cooperation");
  EXPECT_EQ(lao->line, 70u);
}

TEST(Partnerships, EveryCountryOfTheRealFileIsMappedOrDeclared) {
  EXPECT_EQ(UndeclaredNames(Real()), "");
  EXPECT_EQ(Real().ProblemRows(), 0u);
  std::set<std::string> countries;
  for (const Observation& o : Real().observations) countries.insert(o.subject);
  EXPECT_EQ(countries.size(), 61u);
}

TEST(Partnerships, BadRowsAreReportedWithTheirLineAndSkipped) {
  std::string path = WriteTemp(
      "p.csv", std::string(kHeader) +
                   "KAZ,Kazakhstan,2011,6,comprehensive strategic partnership,6,https://a.example/1,A,\n"
                   "KAZ,Kazakhstan,20x1,6,comprehensive strategic partnership,4,https://a.example/1,A,\n"
                   "KAZ,Kazakhstan,2011,13,comprehensive strategic partnership,4,https://a.example/1,A,\n"
                   "KAZ,Kazakhstan,2011,6,comprehensive strategic partnership,4,,A,\n"
                   "KAZ,Kazakhstan,2011,6,,4,https://a.example/1,A,\n"
                   "KAZ,Kazakhstan,2011\n"
                   "ZZZ,Atlantis,2011,6,strategic partnership,3,https://a.example/2,B,\n"
                   "KAZ,Kazakhstan,2011,,strategic partnership,3,https://a.example/3,\"Talks (Xinhua, 2011; "
                   "repost 2015)\",\n");
  auto r = LoadPartnerships(path, Ctx("p.csv"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(IssueTexts(*r),
            (std::vector<std::string>{
                "p.csv:2: '6' is not a rank 0-5 (see the dataset's README scale)",
                "p.csv:3: '20x1' is not a year",
                "p.csv:4: '13' is not a month 1-12",
                "p.csv:5: a partnership row needs its level and the page it was read from",
                "p.csv:6: a partnership row needs its level and the page it was read from",
                "p.csv:7: row has 3 cells, the header 9 (the file may be cut short or a cell holds an unquoted "
                "comma)"}));
  EXPECT_EQ(r->issues[3].field, "source_url");
  EXPECT_EQ(r->issues[4].field, "level_label");
  const UnmappedName* zzz = FindUnmapped(*r, "iso3", "ZZZ");
  ASSERT_NE(zzz, nullptr);
  EXPECT_EQ(zzz->first_line, 8u);
  ASSERT_EQ(r->records.size(), 1u);
  EXPECT_EQ(r->records[0].Text("date"), "2011");  // no month
  ASSERT_EQ(r->sources.size(), 1u);
  EXPECT_EQ(r->sources[0].Text("published"), "2015");  // the last year in the title
  EXPECT_EQ(r->sources[0].Text("url"), "https://a.example/3");
}

}  // namespace
}  // namespace bilat::ingest
