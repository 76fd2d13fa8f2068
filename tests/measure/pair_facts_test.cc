#include "measure/pair_facts.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <random>

#include "store/migrations.h"
#include "store/registry_store.h"

namespace bilat::measure {
namespace {

using Cells = std::initializer_list<std::pair<std::string_view, Value>>;

// A Record of `kind` with the given cells set and every other cell NULL.
Record Rec(std::string_view kind, Cells cells) {
  Record r;
  r.kind = FindKind(kind);
  r.values.assign(r.kind->columns.size(), std::monostate{});
  for (const auto& [column, value] : cells) {
    int i = r.ColumnIndex(column);
    if (i < 0) {
      ADD_FAILURE() << kind << " has no column " << column;
      continue;
    }
    r.values[i] = value;
  }
  r.origin_file = std::string(r.kind->file);
  return r;
}

// Sets a cell after construction; `value` NULL clears it.
void Set(Record* r, std::string_view column, Value value) {
  int i = r->ColumnIndex(column);
  ASSERT_GE(i, 0) << column;
  r->values[i] = std::move(value);
}

// A full-year total in US dollars between CHN and KAZ.
Record Trade(const std::string& id, long long year, const std::string& reporter, double value,
             const std::string& qualifier = "exact") {
  Record r = Rec("trade", {{"id", id}, {"year", year}, {"partner_a", "CHN"},
                           {"partner_b", "KAZ"}, {"flow", "total"}, {"value", value},
                           {"value_qualifier", qualifier}, {"currency", "USD"},
                           {"source_id", "src-1"}, {"locator", "t"}});
  if (!reporter.empty()) Set(&r, "reporter", reporter);
  return r;
}

Record Exchange(const std::string& id, const std::string& date, const std::string& from,
                const std::string& to, const std::string& leader,
                const std::string& status = "actual") {
  return Rec("exchanges", {{"id", id}, {"date", date}, {"kind", "visit"}, {"from", from},
                           {"to", to}, {"leader", leader}, {"status", status},
                           {"source_id", "src-1"}, {"locator", "p"}});
}

Record Project(const std::string& id, const std::string& sector, std::optional<double> value,
               const std::string& qualifier = "exact", long long count = 1,
               const std::string& currency = "USD") {
  Record r = Rec("projects", {{"id", id}, {"as_of", "2023"}, {"name", id}, {"investor", "CHN"},
                              {"host", "KAZ"}, {"sector", sector}, {"count", count},
                              {"value_qualifier", qualifier}, {"currency", currency},
                              {"source_id", "src-1"}, {"locator", "p"}});
  if (value) Set(&r, "value", *value);
  return r;
}

Record Indicator(const std::string& id, const std::string& country, const std::string& indicator,
                 long long year, double value) {
  return Rec("indicators", {{"id", id}, {"country", country}, {"year", year},
                            {"indicator", indicator}, {"value", value}, {"source_id", "src-1"},
                            {"locator", "p"}});
}

PairFacts Facts(std::map<std::string, std::vector<Record>> records) {
  PairFacts f;
  f.a = "CHN";
  f.b = "KAZ";
  f.records = std::move(records);
  DeriveFigures(&f);
  return f;
}

std::vector<int> Years(const TradeSeries& s) {
  std::vector<int> out;
  for (const TradePoint& p : s.points) out.push_back(p.year);
  return out;
}

std::vector<std::string> Ids(const std::vector<const Record*>& rows) {
  std::vector<std::string> out;
  for (const Record* r : rows) out.push_back(r ? r->Text("id") : "(null)");
  return out;
}

using Strings = std::vector<std::string>;

// ---------------------------------------------------------------------------
// Trade

TEST(DeriveTrade, OneSeriesPerReporterSortedByYear) {
  PairFacts f = Facts({{"trade",
                        {Trade("t01", 2021, "CHN", 25.25e9), Trade("t02", 2019, "CHN", 10e9),
                         Trade("t03", 2022, "CHN", 31.17e9), Trade("t04", 2022, "KAZ", 24e9),
                         Trade("t05", 2020, "", 20e9), Trade("t06", 2022, "RUS", 30e9)}}});
  ASSERT_EQ(f.trade.size(), 4u);
  // The pair's own statistics first (in pair order), others, then unattributed.
  EXPECT_EQ(f.trade[0].reporter, "CHN");
  EXPECT_EQ(f.trade[1].reporter, "KAZ");
  EXPECT_EQ(f.trade[2].reporter, "RUS");
  EXPECT_EQ(f.trade[3].reporter, "");
  EXPECT_EQ(Years(f.trade[0]), (std::vector<int>{2019, 2021, 2022}));
  EXPECT_EQ(f.trade[0].points[1].value_usd, 25.25e9);
  EXPECT_EQ(f.trade[0].points[1].record, &f.records["trade"][0]);
}

TEST(DeriveTrade, ComputesGrowthOnlyBetweenConsecutiveYears) {
  PairFacts f = Facts({{"trade",
                        {Trade("t01", 2021, "CHN", 25.25e9), Trade("t02", 2019, "CHN", 10e9),
                         Trade("t03", 2022, "CHN", 31.17e9)}}});
  ASSERT_EQ(f.trade.size(), 1u);
  const auto& p = f.trade[0].points;
  ASSERT_EQ(p.size(), 3u);
  EXPECT_EQ(p[0].computed_growth_pct, std::nullopt);  // first year
  EXPECT_EQ(p[1].computed_growth_pct, std::nullopt);  // 2020 missing
  EXPECT_EQ(p[1].previous, nullptr);
  ASSERT_TRUE(p[2].computed_growth_pct.has_value());
  EXPECT_NEAR(*p[2].computed_growth_pct, 23.4455, 1e-4);
  EXPECT_EQ(p[2].previous, &f.records["trade"][0]);
}

TEST(DeriveTrade, KeepsTheStatedGrowthBesideTheComputedOne) {
  Record r = Trade("t02", 2022, "CHN", 31.17e9);
  Set(&r, "stated_growth_pct", 23.6);
  PairFacts f = Facts({{"trade", {Trade("t01", 2021, "CHN", 25.25e9), r}}});
  ASSERT_EQ(f.trade[0].points.size(), 2u);
  EXPECT_EQ(f.trade[0].points[1].stated_growth_pct, 23.6);
  EXPECT_EQ(f.trade[0].points[0].stated_growth_pct, std::nullopt);
}

TEST(DeriveTrade, LeavesOutFlowsPeriodsAndOtherCurrencies) {
  Record exports = Trade("t02", 2020, "CHN", 1e9);
  Set(&exports, "flow", "export");
  Record half = Trade("t03", 2020, "CHN", 2e9);
  Set(&half, "period", "H1");
  Record yuan = Trade("t04", 2020, "CHN", 3e9);
  Set(&yuan, "currency", "CNY");
  Record no_currency = Trade("t05", 2022, "CHN", 4e9);  // blank currency means USD
  Set(&no_currency, "currency", std::monostate{});
  PairFacts f = Facts({{"trade", {Trade("t01", 2021, "CHN", 5e9), exports, half, yuan,
                                  no_currency}}});
  ASSERT_EQ(f.trade.size(), 1u);
  EXPECT_EQ(Years(f.trade[0]), (std::vector<int>{2021, 2022}));
  EXPECT_EQ(f.trade[0].points[0].computed_growth_pct, std::nullopt);  // no 2020 point
  EXPECT_TRUE(f.trade[0].alternatives.empty());
}

TEST(DeriveTrade, SecondRowForAYearIsAnAlternative) {
  PairFacts f = Facts({{"trade", {Trade("t01", 2021, "CHN", 25.25e9),
                                  Trade("t02", 2021, "CHN", 26e9)}}});
  ASSERT_EQ(f.trade.size(), 1u);
  ASSERT_EQ(f.trade[0].points.size(), 1u);
  EXPECT_EQ(f.trade[0].points[0].value_usd, 25.25e9);  // the first by id
  EXPECT_EQ(Ids(f.trade[0].alternatives), Strings{"t02"});
}

TEST(DeriveTrade, ComputesNoGrowthFromOrToABound) {
  Record unqualified = Trade("t04", 2022, "CHN", 18e9);
  Set(&unqualified, "value_qualifier", std::monostate{});  // blank means exact
  PairFacts f = Facts({{"trade", {Trade("t01", 2019, "CHN", 10e9),
                                  Trade("t02", 2020, "CHN", 12e9, "at_least"),
                                  Trade("t03", 2021, "CHN", 15e9), unqualified}}});
  ASSERT_EQ(f.trade.size(), 1u);
  const auto& p = f.trade[0].points;
  ASSERT_EQ(p.size(), 4u);
  EXPECT_TRUE(p[0].exact);
  EXPECT_FALSE(p[1].exact);
  EXPECT_TRUE(p[3].exact);
  EXPECT_EQ(p[1].computed_growth_pct, std::nullopt);  // to the bound
  EXPECT_EQ(p[2].computed_growth_pct, std::nullopt);  // from the bound
  EXPECT_EQ(p[2].previous, nullptr);
  ASSERT_TRUE(p[3].computed_growth_pct.has_value());
  EXPECT_NEAR(*p[3].computed_growth_pct, 20.0, 1e-9);
}

TEST(DeriveTrade, MirrorGapComparesTheTwoSidesByYearLatestFirst) {
  PairFacts f = Facts({{"trade", {Trade("t01", 2021, "CHN", 25.25e9),
                                  Trade("t02", 2022, "CHN", 31.17e9),
                                  Trade("t03", 2021, "KAZ", 20e9), Trade("t04", 2022, "KAZ", 24e9),
                                  Trade("t05", 2023, "KAZ", 26e9), Trade("t06", 2023, "", 27e9)}}});
  ASSERT_EQ(f.mirror_gaps.size(), 2u);
  EXPECT_EQ(f.mirror_gaps[0].year, 2022);
  EXPECT_NEAR(f.mirror_gaps[0].gap_pct, 29.875, 1e-9);  // 31.17 / 24 - 1
  EXPECT_EQ(f.mirror_gaps[0].a->Text("id"), "t02");
  EXPECT_EQ(f.mirror_gaps[0].b->Text("id"), "t04");
  EXPECT_EQ(f.mirror_gaps[1].year, 2021);
  EXPECT_NEAR(f.mirror_gaps[1].gap_pct, 26.25, 1e-9);  // 25.25 / 20 - 1
}

TEST(DeriveTrade, NoMirrorGapWithoutBothSides) {
  PairFacts f = Facts({{"trade", {Trade("t01", 2022, "CHN", 31.17e9),
                                  Trade("t02", 2022, "", 24e9), Trade("t03", 2022, "RUS", 24e9)}}});
  EXPECT_TRUE(f.mirror_gaps.empty());
}

// A slow, obviously-right reference for DeriveTrade's series and growth.
struct RefPoint {
  double value;
  bool exact;
  const Record* record;
};

std::map<std::string, std::map<int, RefPoint>> ReferenceSeries(const std::vector<Record>& rows) {
  std::map<std::string, std::map<int, RefPoint>> out;
  for (const Record& r : rows) {
    const std::string currency = r.Text("currency");
    if (r.Text("flow") != "total") continue;
    if (!r.Text("period").empty()) continue;
    if (!currency.empty() && currency != "USD") continue;
    const std::string q = r.Text("value_qualifier");
    // emplace keeps the first row (by id) of each year.
    out[r.Text("reporter")].emplace(static_cast<int>(*r.Int("year")),
                                    RefPoint{*r.Number("value"), q.empty() || q == "exact", &r});
  }
  return out;
}

TEST(DeriveTrade, MatchesReferenceOnRandomInputs) {
  std::mt19937 rng(20240131);
  auto pick = [&](std::initializer_list<const char*> items) {
    std::uniform_int_distribution<size_t> d(0, items.size() - 1);
    return std::string(*(items.begin() + d(rng)));
  };
  auto chance = [&](double p) { return std::uniform_real_distribution<double>(0, 1)(rng) < p; };
  int growth_seen = 0;
  for (int round = 0; round < 300; ++round) {
    std::vector<Record> rows;
    const int n = std::uniform_int_distribution<int>(0, 30)(rng);
    for (int i = 0; i < n; ++i) {
      char id[16];
      std::snprintf(id, sizeof id, "t%03d", i);  // ids ascending, as stored
      long long year = std::uniform_int_distribution<int>(2000, 2010)(rng);
      double value = chance(0.1) ? 0.0 : std::uniform_real_distribution<double>(1, 1e11)(rng);
      Record r = Trade(id, year, pick({"CHN", "KAZ", "RUS", ""}), value,
                       pick({"exact", "exact", "exact", "exact", "at_least", "about", "at_most"}));
      if (chance(0.15)) Set(&r, "value_qualifier", std::monostate{});
      if (chance(0.15)) Set(&r, "flow", pick({"export", "import"}));
      if (chance(0.1)) Set(&r, "period", pick({"H1", "Q3", "Jan-Oct"}));
      if (chance(0.3)) Set(&r, "currency", std::monostate{});
      if (chance(0.15)) Set(&r, "currency", "CNY");
      rows.push_back(std::move(r));
    }
    PairFacts f = Facts({{"trade", rows}});
    const std::vector<Record>& stored = f.records["trade"];
    auto ref = ReferenceSeries(stored);
    ASSERT_EQ(f.trade.size(), ref.size()) << "round " << round;
    int rank_before = -1;
    for (const TradeSeries& s : f.trade) {
      SCOPED_TRACE("round " + std::to_string(round) + " reporter '" + s.reporter + "'");
      const int rank = s.reporter == "CHN"   ? 0
                       : s.reporter == "KAZ" ? 1
                       : s.reporter.empty()  ? 3
                                             : 2;
      EXPECT_LT(rank_before, rank);
      rank_before = rank;
      ASSERT_EQ(ref.count(s.reporter), 1u);
      const std::map<int, RefPoint>& want = ref[s.reporter];
      ASSERT_EQ(s.points.size(), want.size());
      size_t i = 0;
      for (const auto& [year, rp] : want) {
        const TradePoint& p = s.points[i++];
        ASSERT_EQ(p.year, year);
        EXPECT_EQ(p.value_usd, rp.value);
        EXPECT_EQ(p.exact, rp.exact);
        EXPECT_EQ(p.record, rp.record);
        auto prev = want.find(year - 1);
        std::optional<double> growth;
        const Record* previous = nullptr;
        if (prev != want.end() && prev->second.exact && rp.exact) {
          previous = prev->second.record;
          if (prev->second.value > 0) growth = 100.0 * (rp.value / prev->second.value - 1.0);
        }
        ASSERT_EQ(p.computed_growth_pct.has_value(), growth.has_value()) << year;
        if (growth) {
          EXPECT_NEAR(*p.computed_growth_pct, *growth, 1e-9 * std::max(1.0, std::abs(*growth)));
          ++growth_seen;
        }
        EXPECT_EQ(p.previous, previous) << year;
      }
    }
  }
  EXPECT_GT(growth_seen, 100);  // the generator does exercise growth
}

// ---------------------------------------------------------------------------
// Exchanges

class DeriveExchanges : public ::testing::Test {
 protected:
  void SetUp() override {
    facts_ = Facts({{"exchanges",
                     {Exchange("e01", "2013-09-07", "CHN", "KAZ", "Xi Jinping"),
                      Exchange("e02", "2013-09-08", "CHN", "KAZ", "Xi Jinping"),
                      Exchange("e03", "2013-09-11", "CHN", "KAZ", "Xi Jinping"),  // 3 days on
                      Exchange("e04", "2013-09-15", "CHN", "KAZ", "Xi Jinping"),  // 4 days on
                      Exchange("e05", "2013-09-08", "CHN", "KAZ", "Li Keqiang"),
                      Exchange("e06", "2013-09-09", "KAZ", "CHN", "Xi Jinping"),
                      Exchange("e07", "2013-09-13", "CHN", "KAZ", "Xi Jinping", "planned"),
                      Exchange("e08", "2014-05", "CHN", "KAZ", "Xi Jinping"),
                      Exchange("e09", "2014-05-02", "CHN", "KAZ", "Xi Jinping"),
                      Exchange("e10", "2015-12-31", "CHN", "KAZ", "Xi Jinping"),
                      Exchange("e11", "2016-01-02", "CHN", "KAZ", "Xi Jinping")}},
                    {"agreements",
                     {Rec("agreements", {{"id", "a1"}, {"date", "2019-09-11"},
                                         {"kind", "partnership_level"}, {"parties", "CHN;KAZ"},
                                         {"level", "permanent comprehensive strategic"}}),
                      Rec("agreements", {{"id", "a2"}, {"date", "2013-09-07"},
                                         {"kind", "partnership_level"}, {"parties", "CHN;KAZ"},
                                         {"level", "comprehensive strategic"}}),
                      Rec("agreements", {{"id", "a3"}, {"date", "2011"}, {"kind", "agreement"},
                                         {"parties", "CHN;KAZ"}})}}});
  }
  std::vector<Strings> EpisodeIds() const {
    std::vector<Strings> out;
    for (const ExchangeEpisode& e : facts_.episodes) out.push_back(Ids(e.records));
    return out;
  }
  PairFacts facts_;
};

TEST_F(DeriveExchanges, ListsEveryExchangeByDate) {
  EXPECT_EQ(Ids(facts_.exchanges_by_date),
            (Strings{"e01", "e02", "e05", "e06", "e03", "e07", "e04", "e08", "e09", "e10",
                     "e11"}));
}

TEST_F(DeriveExchanges, MergesDaysAtMostThreeApartBySameLeaderAndDirection) {
  EXPECT_EQ(EpisodeIds(), (std::vector<Strings>{{"e01", "e02", "e03"},
                                                {"e05"},  // another leader
                                                {"e06"},  // the other direction
                                                {"e04"},  // four days after e03
                                                {"e08"},  // month precision: never merged
                                                {"e09"},
                                                {"e10", "e11"}}));  // across new year
}

TEST_F(DeriveExchanges, EpisodeSpansItsFirstAndLastDay) {
  ASSERT_FALSE(facts_.episodes.empty());
  const ExchangeEpisode& e = facts_.episodes[0];
  EXPECT_EQ(e.start.ToIso(), "2013-09-07");
  EXPECT_EQ(e.end.ToIso(), "2013-09-11");
  EXPECT_EQ(e.from, "CHN");
  EXPECT_EQ(e.to, "KAZ");
  EXPECT_EQ(e.leader, "Xi Jinping");
}

TEST_F(DeriveExchanges, PlannedExchangesMakeNoEpisode) {
  for (const ExchangeEpisode& e : facts_.episodes) {
    for (const Record* r : e.records) EXPECT_NE(r->Text("id"), "e07");
  }
}

TEST_F(DeriveExchanges, CountsEpisodesPerYearOfTheirStart) {
  ASSERT_EQ(facts_.exchanges_per_year.size(), 3u);
  EXPECT_EQ(facts_.exchanges_per_year[0].year, 2013);
  EXPECT_EQ(facts_.exchanges_per_year[0].count, 4);
  EXPECT_EQ(facts_.exchanges_per_year[0].records.size(), 6u);
  EXPECT_EQ(facts_.exchanges_per_year[1].year, 2014);
  EXPECT_EQ(facts_.exchanges_per_year[1].count, 2);
  EXPECT_EQ(facts_.exchanges_per_year[2].year, 2015);
  EXPECT_EQ(facts_.exchanges_per_year[2].count, 1);
  EXPECT_EQ(facts_.exchanges_per_year[2].records.size(), 2u);
}

TEST_F(DeriveExchanges, ListsPartnershipLevelsByDate) {
  EXPECT_EQ(Ids(facts_.partnership_levels), (Strings{"a2", "a1"}));
}

TEST(DeriveExchangesGap, DayGapIsCountedAcrossMonthsAndLeapDays) {
  PairFacts f = Facts({{"exchanges", {Exchange("e1", "2024-02-27", "CHN", "KAZ", "Xi"),
                                      Exchange("e2", "2024-03-01", "CHN", "KAZ", "Xi"),
                                      Exchange("e3", "2023-02-27", "CHN", "KAZ", "Xi"),
                                      Exchange("e4", "2023-03-03", "CHN", "KAZ", "Xi")}}});
  // 2024-02-27 -> 2024-03-01 is 3 days (leap year); 2023-02-27 -> 03-03 is 4.
  ASSERT_EQ(f.episodes.size(), 3u);
  EXPECT_EQ(Ids(f.episodes[0].records), Strings{"e3"});
  EXPECT_EQ(Ids(f.episodes[1].records), Strings{"e4"});
  EXPECT_EQ(Ids(f.episodes[2].records), (Strings{"e1", "e2"}));
}

// ---------------------------------------------------------------------------
// Sectors

TEST(DeriveSectors, TotalsExactUsdValuesOfSingleProjectsLargestFirst) {
  PairFacts f = Facts({{"projects",
                        {Project("p1", "Energy", 100), Project("p2", "Energy", 50),
                         Project("p3", "Energy", 200, "at_least"), Project("p4", "Metals", 400),
                         Project("p5", "Energy", 27.4e9, "at_least", 55),
                         Project("p6", "Transport", std::nullopt),
                         Project("p7", "Energy", 1000, "exact", 1, "CNY"),
                         Project("p8", "Energy", 10), Project("p9", "Metals", 1000, "exact", 2)}}});
  ASSERT_EQ(f.sectors.size(), 3u);
  EXPECT_EQ(f.sectors[0].sector, "Metals");
  EXPECT_EQ(f.sectors[0].projects, 1);
  EXPECT_EQ(f.sectors[0].value_usd, 400);
  EXPECT_EQ(f.sectors[1].sector, "Energy");
  EXPECT_EQ(f.sectors[1].projects, 5);    // p1 p2 p3 p7 p8
  EXPECT_EQ(f.sectors[1].with_value, 3);  // p1 p2 p8: exact US dollars
  EXPECT_EQ(f.sectors[1].value_usd, 160);
  EXPECT_EQ(Ids(f.sectors[1].records), (Strings{"p1", "p2", "p3", "p7", "p8"}));
  EXPECT_EQ(f.sectors[2].sector, "Transport");
  EXPECT_EQ(f.sectors[2].projects, 1);
  EXPECT_EQ(f.sectors[2].with_value, 0);
  EXPECT_EQ(Ids(f.project_groups), (Strings{"p5", "p9"}));
}

TEST(DeriveSectors, EqualValuesOrderByProjectCount) {
  PairFacts f = Facts({{"projects", {Project("p1", "Agriculture", std::nullopt),
                                     Project("p2", "Transport", std::nullopt),
                                     Project("p3", "Transport", std::nullopt)}}});
  ASSERT_EQ(f.sectors.size(), 2u);
  EXPECT_EQ(f.sectors[0].sector, "Transport");
  EXPECT_EQ(f.sectors[1].sector, "Agriculture");
}

// ---------------------------------------------------------------------------
// Targets

Record Target(const std::string& id, const std::string& country, const std::string& indicator,
              double value, std::optional<long long> target_year) {
  Record r = Rec("targets", {{"id", id}, {"stated", "2024-06"}, {"country", country},
                             {"indicator", indicator}, {"target_value", value},
                             {"source_id", "src-1"}, {"locator", "p"}});
  if (target_year) Set(&r, "target_year", *target_year);
  return r;
}

TEST(DeriveTargets, TradeTargetNeedsGrowthFromTheCountrysOwnLatestFigure) {
  PairFacts f = Facts(
      {{"trade",
        {Trade("t2018", 2018, "CHN", 50e9), Trade("t2019", 2019, "CHN", 200e9),
         Trade("t2020", 2020, "CHN", 210e9), Trade("t2021", 2021, "CHN", 220e9),
         Trade("t2022", 2022, "CHN", 250e9), Trade("t2023", 2023, "CHN", 270e9),
         Trade("t2024", 2024, "CHN", 291.48e9), Trade("t2024k", 2024, "KAZ", 300e9)}},
       {"targets", {Target("tg-trade", "CHN", "trade_total", 450e9, 2029)}}});
  ASSERT_EQ(f.targets.size(), 1u);
  const TargetAssessment& a = f.targets[0];
  EXPECT_EQ(a.target->Text("id"), "tg-trade");
  ASSERT_NE(a.latest, nullptr);
  EXPECT_EQ(a.latest->Text("id"), "t2024");  // China's figure, not Kazakhstan's
  EXPECT_EQ(a.latest_year, 2024);
  EXPECT_EQ(a.latest_value, 291.48e9);
  ASSERT_TRUE(a.required_growth_pct.has_value());
  EXPECT_NEAR(*a.required_growth_pct, 9.0739, 1e-4);  // see growth_test.cc
  // Recent record: five years back from 2024, (291.48 / 200)^(1/5) - 1 = 7.8241%.
  ASSERT_NE(a.record_start, nullptr);
  EXPECT_EQ(a.record_start->Text("id"), "t2019");
  EXPECT_EQ(a.recent_years, 5);
  ASSERT_TRUE(a.recent_growth_pct.has_value());
  EXPECT_NEAR(*a.recent_growth_pct, 7.8241, 1e-4);
}

TEST(DeriveTargets, TradeTargetFallsBackToUnattributedFigures) {
  PairFacts f = Facts({{"trade", {Trade("t1", 2022, "", 20e9), Trade("t2", 2023, "", 25e9),
                                  Trade("t3", 2023, "RUS", 99e9)}},
                       {"targets", {Target("tg", "KAZ", "trade_total", 40e9, 2030)}}});
  ASSERT_EQ(f.targets.size(), 1u);
  ASSERT_NE(f.targets[0].latest, nullptr);
  EXPECT_EQ(f.targets[0].latest->Text("id"), "t2");
  EXPECT_EQ(f.targets[0].recent_years, 1);
  EXPECT_NEAR(*f.targets[0].recent_growth_pct, 25.0, 1e-9);
}

TEST(DeriveTargets, RateIndicatorRecordIsTheMeanOfTheLastFiveObservations) {
  std::vector<Record> obs;
  const double kGrowth[] = {1.1, 4.1, 4.1, 4.5, -2.5, 4.3, 3.2, 5.1};  // 2016..2023
  for (int i = 0; i < 8; ++i) {
    obs.push_back(Indicator("in-" + std::to_string(2016 + i), "KAZ", "gdp_growth_pct", 2016 + i,
                            kGrowth[i]));
  }
  obs.push_back(Indicator("in-chn", "CHN", "gdp_growth_pct", 2023, 5.2));  // other country
  obs.push_back(Indicator("in-gdp", "KAZ", "gdp", 2023, 262e9));            // other indicator
  PairFacts f = Facts({{"indicators", obs},
                       {"targets", {Target("tg-rate", "KAZ", "gdp_growth_pct", 6, 2029)}}});
  ASSERT_EQ(f.targets.size(), 1u);
  const TargetAssessment& a = f.targets[0];
  ASSERT_NE(a.latest, nullptr);
  EXPECT_EQ(a.latest->Text("id"), "in-2023");
  EXPECT_EQ(a.latest_value, 5.1);
  EXPECT_EQ(a.required_growth_pct, std::nullopt);  // a rate is not compounded
  // (4.5 - 2.5 + 4.3 + 3.2 + 5.1) / 5 = 2.92
  ASSERT_TRUE(a.recent_growth_pct.has_value());
  EXPECT_NEAR(*a.recent_growth_pct, 2.92, 1e-9);
  EXPECT_EQ(a.recent_years, 5);
  EXPECT_EQ(Ids(a.recent_inputs), (Strings{"in-2019", "in-2020", "in-2021", "in-2022", "in-2023"}));
  ASSERT_NE(a.record_start, nullptr);
  EXPECT_EQ(a.record_start->Text("id"), "in-2019");
}

TEST(DeriveTargets, RateIndicatorNeedsTwoObservationsForARecord) {
  PairFacts f = Facts({{"indicators", {Indicator("in-1", "KAZ", "gdp_growth_pct", 2023, 5.1)}},
                       {"targets", {Target("tg", "KAZ", "gdp_growth_pct", 6, std::nullopt)}}});
  ASSERT_EQ(f.targets.size(), 1u);
  EXPECT_EQ(f.targets[0].latest_value, 5.1);
  EXPECT_EQ(f.targets[0].recent_years, 1);
  EXPECT_EQ(f.targets[0].recent_growth_pct, std::nullopt);
  EXPECT_EQ(f.targets[0].record_start, nullptr);
}

TEST(DeriveTargets, LevelIndicatorCompoundsToTheTarget) {
  PairFacts f = Facts({{"indicators", {Indicator("g21", "KAZ", "gdp", 2021, 197e9),
                                       Indicator("g22", "KAZ", "gdp", 2022, 225e9),
                                       Indicator("g23", "KAZ", "gdp", 2023, 262e9)}},
                       {"targets", {Target("tg-gdp", "KAZ", "gdp", 450e9, 2029),
                                    Target("tg-past", "KAZ", "gdp", 200e9, 2023)}}});
  ASSERT_EQ(f.targets.size(), 2u);
  const TargetAssessment& a = f.targets[0];
  // (450 / 262)^(1/6) - 1 = 9.4339%; record (262 / 197)^(1/2) - 1 = 15.3234%.
  ASSERT_TRUE(a.required_growth_pct.has_value());
  EXPECT_NEAR(*a.required_growth_pct, 9.4339, 1e-4);
  EXPECT_EQ(a.recent_years, 2);
  EXPECT_NEAR(*a.recent_growth_pct, 15.3234, 1e-4);
  EXPECT_EQ(a.record_start->Text("id"), "g21");
  // A target year not after the latest observation needs no growth figure.
  EXPECT_EQ(f.targets[1].required_growth_pct, std::nullopt);
  EXPECT_EQ(f.targets[1].latest_year, 2023);
}

TEST(DeriveTargets, TargetWithoutObservationsIsListedBare) {
  PairFacts f = Facts({{"targets", {Target("tg", "KAZ", "population", 25e6, 2030)}}});
  ASSERT_EQ(f.targets.size(), 1u);
  EXPECT_EQ(f.targets[0].latest, nullptr);
  EXPECT_EQ(f.targets[0].required_growth_pct, std::nullopt);
  EXPECT_EQ(f.targets[0].recent_growth_pct, std::nullopt);
}

bool IsBound(const Record* r) {
  if (!r) return false;
  std::string q = r->Text("value_qualifier");
  return !q.empty() && q != "exact";
}

// Regression: target growth is computed from an at_least trade figure (fixed).
TEST(DeriveTargets, ComputesNoGrowthFromABound) {
  PairFacts f = Facts({{"trade", {Trade("t1", 2022, "CHN", 20e9), Trade("t2", 2023, "CHN", 25e9),
                                  Trade("t3", 2024, "CHN", 30e9, "at_least")}},
                       {"targets", {Target("tg", "CHN", "trade_total", 40e9, 2030)}}});
  ASSERT_EQ(f.targets.size(), 1u);
  const TargetAssessment& a = f.targets[0];
  if (a.required_growth_pct) {
    EXPECT_FALSE(IsBound(a.latest)) << a.latest->Text("id");
  }
  if (a.recent_growth_pct) {
    EXPECT_FALSE(IsBound(a.latest)) << a.latest->Text("id");
    EXPECT_FALSE(IsBound(a.record_start)) << a.record_start->Text("id");
  }
}

// Regression: target observations mix currencies (fixed).
TEST(DeriveTargets, IgnoresIndicatorsInOtherCurrencies) {
  Record tenge = Indicator("g23-kzt", "KAZ", "gdp", 2023, 119e12);
  Set(&tenge, "currency", "KZT");
  Record dollars = Indicator("g22", "KAZ", "gdp", 2022, 225e9);
  Set(&dollars, "currency", "USD");
  PairFacts f = Facts({{"indicators", {tenge, dollars}},
                       {"targets", {Target("tg-gdp", "KAZ", "gdp", 450e9, 2029)}}});
  ASSERT_EQ(f.targets.size(), 1u);
  ASSERT_NE(f.targets[0].latest, nullptr);
  EXPECT_EQ(f.targets[0].latest->Text("id"), "g22");
  EXPECT_EQ(f.targets[0].latest_value, 225e9);
}

TEST(DeriveFigures, RunningTwiceGivesTheSameFigures) {
  PairFacts f = Facts({{"trade", {Trade("t1", 2022, "CHN", 20e9), Trade("t2", 2023, "CHN", 25e9)}},
                       {"exchanges", {Exchange("e1", "2013-09-07", "CHN", "KAZ", "Xi")}},
                       {"projects", {Project("p1", "Energy", 5)}}});
  DeriveFigures(&f);
  EXPECT_EQ(f.trade.size(), 1u);
  EXPECT_EQ(f.episodes.size(), 1u);
  EXPECT_EQ(f.exchanges_by_date.size(), 1u);
  EXPECT_EQ(f.sectors.size(), 1u);
}

TEST(LoadPairFacts, ReadsThePairsRecordsAndTheSourcesTheyCite) {
  auto db = store::SqliteDb::Open(":memory:", /*create=*/true);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  ASSERT_TRUE(store::Migrate(db->get()).ok());
  auto source = [](const std::string& id) {
    return Rec("sources", {{"id", id}, {"title", "t"}, {"publisher", "p"}, {"published", "2024"}});
  };
  std::vector<std::vector<Record>> batch(RegistryKinds().size());
  batch[0] = {source("src-1"), source("src-2"), source("src-3")};
  std::vector<const KindSpec*> present = {FindKind("sources")};
  for (size_t i = 0; i < RegistryKinds().size(); ++i) {
    if (RegistryKinds()[i].name == "trade") {
      Record other = Trade("t3", 2023, "KGZ", 5e9);
      Set(&other, "partner_b", "KGZ");
      Set(&other, "source_id", "src-3");
      Record t2 = Trade("t2", 2023, "CHN", 25e9);
      Set(&t2, "source_id", "src-2");
      batch[i] = {Trade("t1", 2022, "CHN", 20e9), t2, other};
      present.push_back(&RegistryKinds()[i]);
    }
  }
  ASSERT_TRUE(store::SyncRegistry(db->get(), batch, present).ok());
  Result<PairFacts> f = LoadPairFacts(db->get(), "KAZ", "CHN");
  ASSERT_TRUE(f.ok()) << f.status().ToString();
  EXPECT_EQ(f->a, "KAZ");
  EXPECT_EQ(f->b, "CHN");
  ASSERT_EQ(f->Of("trade").size(), 2u);  // not the KGZ row
  EXPECT_EQ(f->Of("trade")[1].Text("id"), "t2");
  ASSERT_EQ(f->sources.size(), 2u);  // src-3 is cited only by the KGZ row
  EXPECT_EQ(f->sources.count("src-1"), 1u);
  EXPECT_EQ(f->sources.count("src-2"), 1u);
  // Derived figures are ready and point into the loaded records.
  ASSERT_EQ(f->trade.size(), 1u);
  ASSERT_EQ(f->trade[0].points.size(), 2u);
  EXPECT_EQ(f->trade[0].points[1].record, &f->Of("trade")[1]);
  EXPECT_NEAR(*f->trade[0].points[1].computed_growth_pct, 25.0, 1e-9);
}

TEST(PairFacts, OfUnknownKindIsEmpty) {
  PairFacts f;
  EXPECT_TRUE(f.Of("exchanges").empty());
}

}  // namespace
}  // namespace bilat::measure
