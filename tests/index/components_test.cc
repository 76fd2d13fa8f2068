// LoadSeriesComponents on a small workspace filled through the real ingest
// path from tiny dataset files written here (formats in
// docs/formats/datasets.md): the value of each partner-year, zeros by
// coverage, states carried forward, the Lowy stray-year rule, the GDELT
// balance with the partial month and year left out, and trade from the
// country's own statement else the partner's mirror.
#include "index/components.h"

#include <gtest/gtest.h>

#include <memory>
#include <optional>

#include "app/ingest_datasets.h"
#include "app/ingest_trade.h"
#include "store/workspace.h"
#include "tests/app/test_workspace.h"

namespace bilat::index {
namespace {

using testing::Countries;
using testing::TempWorkspace;
using testing::WriteAll;

// UN votes, sessions 73-75 (2018-2020). KAZ has 2019 only, VEN 2020 only.
constexpr const char* kUnga =
    "\"\",ccode,session,NVotesAll,IdealPointAll,iso3c,Countryname,ChinaAgree\n"
    "\"1\",770,73,90,-0.5,PAK,Pakistan,0.90\n"
    "\"2\",770,74,90,-0.5,PAK,Pakistan,0.92\n"
    "\"3\",2,73,90,3,USA,United States,0.20\n"
    "\"4\",2,74,90,3,USA,United States,0.18\n"
    "\"5\",705,74,90,-0.2,KAZ,Kazakhstan,0.85\n"
    "\"6\",101,75,90,-0.9,VEN,Venezuela,0.95\n"
    "\"7\",710,74,90,-1,CHN,China,NA\n";

// Lowy posts: the 2016 edition (11 rows), one stray 2019 row (under a tenth
// of 11: not an edition), a 2021 edition of 2 rows (China and Pakistan only).
constexpr const char* kLowy =
    "COUNTRY,POST CITY,POST COUNTRY,TYPE OF POST,POST TYPE TITLE,Year\n"
    "China,Islamabad,Pakistan,Embassy / High Commission,Embassy,2016\n"
    "China,Karachi,Pakistan,Consulate / Consulate-General,Consulate-General,2016\n"
    "China,Lahore,Pakistan,Consulate / Consulate-General,Consulate-General,2016\n"
    "China,Washington,United States,Embassy / High Commission,Embassy,2016\n"
    "China,New York,United States,Consulate / Consulate-General,Consulate-General,2016\n"
    "China,Astana,Kazakhstan,Embassy / High Commission,Embassy,2016\n"
    "Pakistan,Beijing,China,Embassy / High Commission,Embassy,2016\n"
    "Pakistan,Shanghai,China,Consulate / Consulate-General,Consulate-General,2016\n"
    "United States,Beijing,China,Embassy / High Commission,Embassy,2016\n"
    "United States,Shanghai,China,Consulate / Consulate-General,Consulate-General,2016\n"
    "United States,Guangzhou,China,Consulate / Consulate-General,Consulate-General,2016\n"
    "China,Caracas,Venezuela,Embassy / High Commission,Embassy,2019\n"
    "China,Islamabad,Pakistan,Embassy / High Commission,Embassy,2021\n"
    "Pakistan,Beijing,China,Embassy / High Commission,Embassy,2021\n";

// The partnership ladder: two levels of Kazakhstan in 2019 (September's stands).
constexpr const char* kPartnerships =
    "iso3,country,year,month,level_label,level_rank,source_url,source_title,note\n"
    "PAK,Pakistan,1951,5,diplomatic relations established,0,https://example.org/pak-1951,Pakistan 1951,\n"
    "PAK,Pakistan,2015,4,all-weather strategic cooperative partnership,5,https://example.org/pak-2015,Pakistan 2015,\n"
    "KAZ,Kazakhstan,2019,3,comprehensive strategic partnership,4,https://example.org/kaz-2019a,Kazakhstan 2019,\n"
    "KAZ,Kazakhstan,2019,9,permanent comprehensive strategic partnership,5,https://example.org/kaz-2019b,Kazakhstan "
    "2019,\n";

// Passport Index releases. In June 2020 Pakistan's passport meets a Covid
// ban (says nothing about the pair: January's rule stands).
constexpr const char* kVisa =
    "snapshot_date,passport,destination,requirement,coding_scheme,category,visa_free_days\n"
    "2019-11-23,PAK,CHN,0,codes_2019,visa_required,\n"
    "2019-11-23,CHN,PAK,0,codes_2019,eta_or_evisa,\n"
    "2019-11-23,USA,CHN,0,codes_2019,visa_required,\n"
    "2019-11-23,CHN,USA,0,codes_2019,visa_required,\n"
    "2020-01-10,PAK,CHN,0,codes_2019,visa_required,\n"
    "2020-01-10,CHN,PAK,0,codes_2019,eta_or_evisa,\n"
    "2020-06-01,PAK,CHN,0,codes_2019,covid_ban,\n"
    "2020-06-01,CHN,PAK,0,codes_2019,visa_on_arrival,\n";

// The daily GDELT score; the series ends on 2020-02-10, so February 2020
// and the year 2020 are partial.
constexpr const char* kGdelt =
    "date,partner_iso3,edge_score\n"
    "2019-01-05,PAK,3\n"
    "2019-01-20,PAK,-1\n"
    "2019-06-01,USA,-4\n"
    "2019-06-02,USA,1\n"
    "2019-12-10,PAK,1\n"
    "2020-01-03,PAK,2\n"
    "2020-01-31,PAK,-1\n"
    "2020-02-10,PAK,5\n"
    "2020-02-10,USA,-1\n";

// Belt and Road: Italy joined in 2019 and left in 2023; Venezuela's date
// is uncertain. The real list has a row for China itself (kept here).
constexpr const char* kBri =
    "country,iso3,region,income_group,likely_date_joining,likely_date_exit\n"
    "\"China, P.R. \",CHN,East Asia & Pacific,Upper middle income,2013-12-01,\n"
    "Pakistan,PAK,South Asia,Lower middle income,2013-10-01,\n"
    "Kazakhstan,KAZ,Europe & Central Asia,Upper middle income,2014-12-01,\n"
    "Italy,ITA,Europe & Central Asia,High income,2019-03-23,2023-12-06\n"
    "Venezuela,VEN,Latin America & Caribbean,Upper middle income,uncertain,\n";

// GCDF recipient-year sums (a listed-countries dataset).
constexpr const char* kGcdf =
    "Country Code,year,projects,usd_const_2021\n"
    "PAK,2018,2,500000000\n"
    "KAZ,2019,1,100000000\n";

// IMF DOTS: China states both flows with Pakistan in 2019 (Pakistan's own
// statement differs and is not used), only its exports to Kazakhstan (so
// Kazakhstan's statement is), both flows with the United States in 2018.
constexpr const char* kDots =
    "reporter,partner,flow,year,value_usd_mn,estimated\n"
    "CHN,PAK,X,2019,100,0\n"
    "CHN,PAK,M,2019,20,0\n"
    "PAK,CHN,X,2019,25,0\n"
    "PAK,CHN,M,2019,110,0\n"
    "CHN,KAZ,X,2019,50,0\n"
    "KAZ,CHN,X,2019,30,0\n"
    "KAZ,CHN,M,2019,45,0\n"
    "CHN,USA,X,2018,400,0\n"
    "CHN,USA,M,2018,100,0\n"
    "CHN,_WLD,X,2019,1000,0\n";

class SeriesComponentsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ws_ = new TempWorkspace();
    auto dataset = [](const std::string& name, const char* text) {
      const std::string path = (ws_->dir() / "in" / (name + ".csv")).string();
      WriteAll(path, text);
      app::IngestDatasetOptions o;
      o.workspace = ws_->str();
      o.dataset = name;
      o.files = {path};
      o.data_dir = std::string(BILAT_SOURCE_DIR) + "/data";
      auto r = app::IngestDatasets(o, Countries());
      ASSERT_TRUE(r.ok()) << name << ": " << r.status().ToString();
      ASSERT_EQ(r->files.size(), 1u);
      const app::DatasetFileOutcome& f = r->files[0];
      EXPECT_EQ(f.state, app::DatasetFileOutcome::State::kStored) << name << ": " << f.error;
      EXPECT_EQ(f.problem_rows, 0u) << name << ": " << (f.sample_issues.empty() ? "" : f.sample_issues[0]);
    };
    dataset("unga", kUnga);
    dataset("lowy", kLowy);
    dataset("partnerships", kPartnerships);
    dataset("visa", kVisa);
    dataset("gdelt-tone", kGdelt);
    dataset("bri", kBri);
    dataset("gcdf", kGcdf);
    const std::string dots = (ws_->dir() / "in" / "dots.csv").string();
    WriteAll(dots, kDots);
    app::IngestTradeOptions t;
    t.workspace = ws_->str();
    t.dataset = "imf_dots";
    t.files = {dots};
    auto r = app::IngestTrade(t, Countries());
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_TRUE(r->all_stored()) << (r->files.empty() ? "" : r->files[0].error);

    auto w = store::Workspace::Open(ws_->str());
    ASSERT_TRUE(w.ok()) << w.status().ToString();
    auto s = LoadSeriesComponents((*w)->db(), "CHN");
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    series_ = new SeriesComponents(std::move(*s));
  }
  static void TearDownTestSuite() {
    delete series_;
    series_ = nullptr;
    delete ws_;
    ws_ = nullptr;
  }
  void SetUp() override { ASSERT_NE(series_, nullptr) << "the workspace could not be built"; }

  static const ComponentValues& Of(const std::string& id) {
    for (const ComponentValues& c : series_->components) {
      if (c.spec->id == id) return c;
    }
    ADD_FAILURE() << "no component " << id;
    static ComponentValues none;
    return none;
  }
  // The cell of one partner-year, or nullopt when it is missing.
  static std::optional<Cell> At(const std::string& id, const std::string& partner, int year) {
    const ComponentValues& c = Of(id);
    auto p = c.cells.find(partner);
    if (p == c.cells.end()) return std::nullopt;
    auto y = p->second.find(year);
    if (y == p->second.end()) return std::nullopt;
    return y->second;
  }
  static bool HasPartner(const std::string& id, const std::string& partner) {
    return Of(id).cells.count(partner) > 0;
  }

  static TempWorkspace* ws_;
  static SeriesComponents* series_;
};

TempWorkspace* SeriesComponentsTest::ws_ = nullptr;
SeriesComponents* SeriesComponentsTest::series_ = nullptr;

TEST_F(SeriesComponentsTest, PartnersAreEveryCountryAComponentNames) {
  EXPECT_EQ(series_->country, "CHN");
  // WLD (the DOTS world row) and China itself are not partners.
  EXPECT_EQ(series_->partners, (std::vector<std::string>{"ITA", "KAZ", "PAK", "USA", "VEN"}));
  EXPECT_EQ(series_->components.size(), ComponentSpecs().size());
  // Datasets not ingested: no cell at all.
  EXPECT_TRUE(Of("investment").cells.empty());
  EXPECT_TRUE(Of("exchanges").cells.empty());
  EXPECT_TRUE(Of("students").cells.empty());
  EXPECT_EQ(Of("investment").first_year, 0);
}

TEST_F(SeriesComponentsTest, TradeFromOwnStatementElseMirrorAndZeroForEveryCountry) {
  EXPECT_EQ(Of("trade").first_year, 2018);
  EXPECT_EQ(Of("trade").last_year, 2019);
  // PAK 2019: China's 100 + 20 (Pakistan's 25 + 110 is not used).
  ASSERT_TRUE(At("trade", "PAK", 2019));
  EXPECT_DOUBLE_EQ(At("trade", "PAK", 2019)->value, 120e6);
  EXPECT_EQ(At("trade", "PAK", 2019)->rows, 2);
  // KAZ 2019: China gives exports only, so Kazakhstan's 30 + 45.
  EXPECT_DOUBLE_EQ(At("trade", "KAZ", 2019)->value, 75e6);
  EXPECT_DOUBLE_EQ(At("trade", "USA", 2018)->value, 500e6);
  // Every country within the dataset's years: no row is zero.
  for (const auto& [p, y] : std::vector<std::pair<std::string, int>>{
           {"PAK", 2018}, {"USA", 2019}, {"KAZ", 2018}, {"VEN", 2018}, {"ITA", 2019}}) {
    ASSERT_TRUE(At("trade", p, y)) << p << " " << y;
    EXPECT_EQ(At("trade", p, y)->value, 0) << p << " " << y;
    EXPECT_EQ(At("trade", p, y)->rows, 0) << p << " " << y;
  }
  EXPECT_FALSE(At("trade", "PAK", 2020));  // outside the dataset's years
  EXPECT_FALSE(HasPartner("trade", "WLD"));
}

TEST_F(SeriesComponentsTest, ListedCountriesAreZeroOnlyWhenListed) {
  // GCDF lists PAK and KAZ: a listed partner's year without a row is zero,
  // a partner never listed is missing.
  EXPECT_DOUBLE_EQ(At("finance", "PAK", 2018)->value, 5e8);
  EXPECT_DOUBLE_EQ(At("finance", "KAZ", 2019)->value, 1e8);
  ASSERT_TRUE(At("finance", "PAK", 2019));
  EXPECT_EQ(At("finance", "PAK", 2019)->value, 0);
  ASSERT_TRUE(At("finance", "KAZ", 2018));
  EXPECT_EQ(At("finance", "KAZ", 2018)->value, 0);
  EXPECT_FALSE(HasPartner("finance", "USA"));
  EXPECT_FALSE(HasPartner("finance", "VEN"));
}

TEST_F(SeriesComponentsTest, RowsOnlyLeavesNoRowMissing) {
  // UNGA agreement with China, by the year a session opens (1945 + session).
  EXPECT_DOUBLE_EQ(At("unga", "PAK", 2018)->value, 0.90);
  EXPECT_DOUBLE_EQ(At("unga", "PAK", 2019)->value, 0.92);
  EXPECT_DOUBLE_EQ(At("unga", "USA", 2019)->value, 0.18);
  EXPECT_DOUBLE_EQ(At("unga", "KAZ", 2019)->value, 0.85);
  EXPECT_DOUBLE_EQ(At("unga", "VEN", 2020)->value, 0.95);
  EXPECT_FALSE(At("unga", "KAZ", 2018));
  EXPECT_FALSE(At("unga", "PAK", 2020));
  EXPECT_FALSE(HasPartner("unga", "ITA"));
  EXPECT_FALSE(HasPartner("unga", "CHN"));
  EXPECT_EQ(Of("unga").first_year, 2018);
  EXPECT_EQ(Of("unga").last_year, 2020);
}

TEST_F(SeriesComponentsTest, LowyStrayYearIsNotAnEdition) {
  // 2019 has 1 row against 11 in 2016: not an edition. Its row does not count.
  EXPECT_EQ(Of("posts_out").first_year, 2016);
  EXPECT_EQ(Of("posts_out").last_year, 2021);
  ASSERT_TRUE(At("posts_out", "VEN", 2019));
  EXPECT_EQ(At("posts_out", "VEN", 2019)->value, 0);  // 2016's zero carried, not the stray post
  EXPECT_TRUE(At("posts_out", "VEN", 2019)->carried);
  EXPECT_EQ(At("posts_out", "VEN", 2019)->from_year, 2016);
}

TEST_F(SeriesComponentsTest, PostsCountedAndCarriedUpToThreeYears) {
  // China's posts in Pakistan: 3 in 2016, carried to 2019; 2020 is four
  // years on: missing; 1 in 2021, carried to 2023 (the series' last year).
  EXPECT_EQ(At("posts_out", "PAK", 2016)->value, 3);
  EXPECT_FALSE(At("posts_out", "PAK", 2016)->carried);
  for (int y : {2017, 2018, 2019}) {
    ASSERT_TRUE(At("posts_out", "PAK", y)) << y;
    EXPECT_EQ(At("posts_out", "PAK", y)->value, 3) << y;
    EXPECT_TRUE(At("posts_out", "PAK", y)->carried) << y;
    EXPECT_EQ(At("posts_out", "PAK", y)->from_year, 2016) << y;
  }
  EXPECT_FALSE(At("posts_out", "PAK", 2020));
  EXPECT_EQ(At("posts_out", "PAK", 2021)->value, 1);
  EXPECT_EQ(At("posts_out", "PAK", 2023)->value, 1);
  EXPECT_FALSE(At("posts_out", "PAK", 2024));
  // An edition that lists China as sender and no post in the partner: zero.
  EXPECT_EQ(At("posts_out", "USA", 2016)->value, 2);
  ASSERT_TRUE(At("posts_out", "USA", 2021));
  EXPECT_EQ(At("posts_out", "USA", 2021)->value, 0);
  EXPECT_FALSE(At("posts_out", "USA", 2021)->carried);
  EXPECT_EQ(At("posts_out", "ITA", 2016)->value, 0);
  // The partners' posts in China: only in the editions that list the
  // partner as a sender. Kazakhstan never is: missing, not zero.
  EXPECT_EQ(At("posts_in", "PAK", 2016)->value, 2);
  EXPECT_EQ(At("posts_in", "PAK", 2018)->value, 2);
  EXPECT_EQ(At("posts_in", "PAK", 2021)->value, 1);
  EXPECT_EQ(At("posts_in", "USA", 2016)->value, 3);
  EXPECT_EQ(At("posts_in", "USA", 2019)->value, 3);
  EXPECT_FALSE(At("posts_in", "USA", 2020));
  EXPECT_FALSE(At("posts_in", "USA", 2021));  // the 2021 edition does not list the United States
  EXPECT_FALSE(HasPartner("posts_in", "KAZ"));
  EXPECT_FALSE(HasPartner("posts_in", "VEN"));
}

TEST_F(SeriesComponentsTest, PartnershipHeldUntilTheNext) {
  EXPECT_EQ(At("partnership", "PAK", 1951)->value, 0);
  EXPECT_EQ(At("partnership", "PAK", 1990)->value, 0);
  EXPECT_TRUE(At("partnership", "PAK", 1990)->carried);
  EXPECT_EQ(At("partnership", "PAK", 2015)->value, 5);
  EXPECT_EQ(At("partnership", "PAK", 2018)->value, 5);
  EXPECT_EQ(At("partnership", "PAK", 2018)->from_year, 2015);
  // Held to the series' last year (2023, BRI's), no further.
  EXPECT_EQ(At("partnership", "PAK", 2023)->value, 5);
  EXPECT_FALSE(At("partnership", "PAK", 2024));
  // Two levels in 2019: the later one stands.
  EXPECT_EQ(At("partnership", "KAZ", 2019)->value, 5);
  EXPECT_EQ(At("partnership", "KAZ", 2019)->rows, 2);
  EXPECT_FALSE(At("partnership", "KAZ", 2018));
  EXPECT_EQ(At("partnership", "KAZ", 2022)->value, 5);
  EXPECT_FALSE(HasPartner("partnership", "USA"));
}

TEST_F(SeriesComponentsTest, VisaMeanOfBothDirectionsFromTheYearsLastRelease) {
  // PAK 2019: visa required into China (0), e-visa into Pakistan (0.5).
  EXPECT_DOUBLE_EQ(At("visa", "PAK", 2019)->value, 0.25);
  // PAK 2020: visa on arrival into Pakistan by June (0.75); the Covid ban
  // is left out, January's visa requirement (0) stands.
  EXPECT_DOUBLE_EQ(At("visa", "PAK", 2020)->value, 0.375);
  EXPECT_EQ(At("visa", "PAK", 2020)->rows, 2);
  // Carried one year, no more.
  EXPECT_DOUBLE_EQ(At("visa", "PAK", 2021)->value, 0.375);
  EXPECT_TRUE(At("visa", "PAK", 2021)->carried);
  EXPECT_FALSE(At("visa", "PAK", 2022));
  EXPECT_EQ(At("visa", "USA", 2019)->value, 0);
  EXPECT_TRUE(At("visa", "USA", 2020)->carried);
  EXPECT_FALSE(At("visa", "USA", 2021));
  EXPECT_FALSE(HasPartner("visa", "KAZ"));
}

TEST_F(SeriesComponentsTest, EventBalanceIsSumOverAbsoluteSumWithPartialPeriodsLeftOut) {
  // PAK 2019: (3 - 1 + 1) / (3 + 1 + 1) = 0.6 over 3 days; USA 2019: (-4 + 1) / 5.
  ASSERT_TRUE(At("events", "PAK", 2019));
  EXPECT_DOUBLE_EQ(At("events", "PAK", 2019)->value, 0.6);
  EXPECT_EQ(At("events", "PAK", 2019)->rows, 3);
  EXPECT_DOUBLE_EQ(At("events", "USA", 2019)->value, -0.6);
  // The series ends on 2020-02-10: 2020 is not a full year.
  EXPECT_FALSE(At("events", "PAK", 2020));
  EXPECT_EQ(Of("events").last_year, 2019);

  ASSERT_EQ(series_->monthly.size(), 1u);
  const MonthlyValues& m = series_->monthly[0];
  EXPECT_EQ(m.id, "events");
  ASSERT_EQ(m.cells.count("PAK"), 1u);
  const auto& pak = m.cells.at("PAK");
  // 2019-01: (3 - 1) / 4; 2019-12: 1; 2020-01: (2 - 1) / 3; February 2020 is partial.
  std::vector<std::string> months;
  for (const auto& [month, cell] : pak) months.push_back(month);
  EXPECT_EQ(months, (std::vector<std::string>{"2019-01", "2019-12", "2020-01"}));
  EXPECT_DOUBLE_EQ(pak.at("2019-01").value, 0.5);
  EXPECT_DOUBLE_EQ(pak.at("2019-12").value, 1);
  EXPECT_DOUBLE_EQ(pak.at("2020-01").value, 1.0 / 3);
  EXPECT_EQ(pak.at("2020-01").rows, 2);
  EXPECT_DOUBLE_EQ(m.cells.at("USA").at("2019-06").value, -0.6);
  EXPECT_EQ(m.cells.at("USA").count("2020-02"), 0u);
}

// The BRI list names China itself: that row made a partner "" (a row with
// no partner in `bilat index CHN`, and thirteen stray 1s in BRI's scale).
TEST_F(SeriesComponentsTest, CountrysOwnBriRowIsNoPartner) {
  for (const ComponentValues& c : series_->components) {
    EXPECT_FALSE(c.cells.count("")) << c.spec->id;
    EXPECT_FALSE(c.cells.count("CHN")) << c.spec->id;
  }
  EXPECT_EQ(Of("bri").cells.size(), 4u);  // ITA, KAZ, PAK, USA
}

TEST_F(SeriesComponentsTest, BriMemberFromJoiningUntilExitElseZeroAndUncertainMissing) {
  EXPECT_EQ(Of("bri").first_year, 2013);
  EXPECT_EQ(Of("bri").last_year, 2023);
  EXPECT_EQ(At("bri", "PAK", 2013)->value, 1);
  EXPECT_EQ(At("bri", "PAK", 2023)->value, 1);
  EXPECT_EQ(At("bri", "KAZ", 2013)->value, 0);
  EXPECT_EQ(At("bri", "KAZ", 2014)->value, 1);
  EXPECT_EQ(At("bri", "ITA", 2018)->value, 0);
  EXPECT_EQ(At("bri", "ITA", 2019)->value, 1);
  EXPECT_EQ(At("bri", "ITA", 2022)->value, 1);
  EXPECT_EQ(At("bri", "ITA", 2023)->value, 0);  // the year of exit
  EXPECT_EQ(At("bri", "USA", 2016)->value, 0);  // never listed: not a member
  EXPECT_FALSE(HasPartner("bri", "VEN"));       // joining date uncertain
  EXPECT_FALSE(At("bri", "PAK", 2012));
}

}  // namespace
}  // namespace bilat::index
