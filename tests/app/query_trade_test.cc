// `bilat trade` as a use case: on the example registry (stated figures, no
// flows), with the made-up Comtrade fixture beside it, and the errors that
// say what to ingest.
#include "app/query_trade.h"

#include <gtest/gtest.h>

#include <set>

#include "app/ingest_trade.h"
#include "tests/app/test_workspace.h"

namespace bilat {
namespace {

using testing::Countries;
using testing::kExample;
using testing::TempWorkspace;

const std::string kFixture = std::string(BILAT_SOURCE_DIR) + "/tests/data/trade/comtrade_test_chn_kaz.csv";

void IngestExampleRegistry(const TempWorkspace& ws) {
  auto r = app::IngestRegistry({ws.str(), (kExample / "registry").string(), false}, Countries());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_TRUE(r->stored);
}

Result<app::TradeAnswer> Query(const TempWorkspace& ws, const std::string& a, const std::string& b,
                               const std::string& dataset = "", int year = 0) {
  app::TradeQuery q;
  q.workspace = ws.str();
  q.a = a;
  q.b = b;
  q.dataset = dataset;
  q.year = year;
  return app::QueryTrade(q, Countries());
}

const app::StatedTradeFigure* Find(const app::TradeAnswer& t, const std::string& id) {
  for (const app::StatedTradeFigure& s : t.stated) {
    if (s.record->Text("id") == id) return &s;
  }
  return nullptr;
}

std::string Id(const Record* r) { return r ? r->Text("id") : "(none)"; }

// The symptom: "no trade flows" although the report shows years of stated totals.
TEST(QueryTrade, ShowsTheRegistrysStatedYearsWhenNoFlowsAreIngested) {
  TempWorkspace ws;
  IngestExampleRegistry(ws);
  auto t = Query(ws, "China", "Kazakh");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->a, "CHN");
  EXPECT_EQ(t->b, "KAZ");
  EXPECT_FALSE(t->flows_ingested);
  EXPECT_TRUE(t->rows.empty());
  // Every trade.csv row of the example (77), by year.
  ASSERT_EQ(t->stated.size(), 77u);
  EXPECT_EQ(t->stated.front().year, 1992);
  EXPECT_EQ(t->stated.back().year, 2025);
  std::set<int> years;
  for (size_t i = 0; i < t->stated.size(); ++i) {
    years.insert(t->stated[i].year);
    if (i) {
      EXPECT_LE(t->stated[i - 1].year, t->stated[i].year);
    }
    EXPECT_EQ(t->stated[i].record->origin_file, "trade.csv");
  }
  EXPECT_EQ(years, (std::set<int>{1992, 1997, 1998, 2000, 2002, 2008, 2009, 2010, 2011, 2013, 2015, 2016, 2017,
                                  2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025}));
}

TEST(QueryTrade, StatedFigureCarriesItsSourceRegistryLineGrowthAndMirrorGap) {
  TempWorkspace ws;
  IngestExampleRegistry(ws);
  auto t = Query(ws, "CHN", "KAZ");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  const app::StatedTradeFigure* s = Find(*t, "tr-2022-fy-chn-total-l45");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->year, 2022);
  EXPECT_EQ(s->period, "");
  EXPECT_EQ(s->reporter, "CHN");
  EXPECT_EQ(s->flow, "total");
  EXPECT_DOUBLE_EQ(s->value, 31.2e9);
  EXPECT_EQ(s->currency, "USD");
  EXPECT_EQ(s->qualifier, "exact");
  ASSERT_TRUE(s->stated_growth_pct.has_value());
  EXPECT_DOUBLE_EQ(*s->stated_growth_pct, 23.6);
  EXPECT_EQ(s->record->Text("source_id"), "src-nhlogistics-2023");
  EXPECT_EQ(s->record->Origin(), "trade.csv:50");
  // On China's 2021 total ($25.25 billion), the series' previous year.
  ASSERT_TRUE(s->computed_growth_pct.has_value());
  EXPECT_NEAR(*s->computed_growth_pct, 100.0 * (31.2 / 25.25 - 1), 1e-9);
  EXPECT_EQ(Id(s->growth_from), "tr-2021-fy-chn-total-l38");
  // Against Kazakhstan's 2022 total, the first of its three by id ($24.1 billion).
  ASSERT_TRUE(s->mirror.has_value());
  EXPECT_EQ(Id(s->mirror->b), "tr-2022-fy-kaz-total-l46");
  EXPECT_NEAR(s->mirror->gap_pct, 100.0 * (31.2 / 24.1 - 1), 1e-9);
  // The same gap on Kazakhstan's row, pointing back at China's.
  const app::StatedTradeFigure* kaz = Find(*t, "tr-2022-fy-kaz-total-l46");
  ASSERT_NE(kaz, nullptr);
  ASSERT_TRUE(kaz->mirror.has_value());
  EXPECT_EQ(Id(kaz->mirror->a), "tr-2022-fy-chn-total-l45");
  EXPECT_DOUBLE_EQ(kaz->mirror->gap_pct, s->mirror->gap_pct);
  // A second Kazakh figure for the year is listed but not in the gap.
  const app::StatedTradeFigure* other = Find(*t, "tr-2022-fy-kaz-total-l47");
  ASSERT_NE(other, nullptr);
  EXPECT_FALSE(other->mirror.has_value());
}

TEST(QueryTrade, StatedFlowsKeepTheirDirection) {
  TempWorkspace ws;
  IngestExampleRegistry(ws);
  auto t = Query(ws, "CHN", "KAZ");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  // Kazakhstan's imports from China: partner_a KAZ, flow import.
  const app::StatedTradeFigure* m = Find(*t, "tr-2011-fy-kaz-import-l15");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->flow, "import");
  EXPECT_EQ(m->exporter, "CHN");
  EXPECT_EQ(m->importer, "KAZ");
  const app::StatedTradeFigure* x = Find(*t, "tr-2002-fy-chn-export-l7");
  ASSERT_NE(x, nullptr);
  EXPECT_EQ(x->exporter, "CHN");
  EXPECT_EQ(x->importer, "KAZ");
  const app::StatedTradeFigure* total = Find(*t, "tr-2013-fy-kaz-total-l21");
  ASSERT_NE(total, nullptr);
  EXPECT_EQ(total->exporter, "");
  EXPECT_EQ(total->importer, "");
}

TEST(QueryTrade, NeverComputesGrowthFromABound) {
  TempWorkspace ws;
  IngestExampleRegistry(ws);
  auto t = Query(ws, "CHN", "KAZ");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  const app::StatedTradeFigure* bound = Find(*t, "tr-1997-fy-chn-total-l3");  // "surpassed $500 million"
  ASSERT_NE(bound, nullptr);
  EXPECT_EQ(bound->qualifier, "at_least");
  EXPECT_FALSE(bound->computed_growth_pct.has_value());
  const app::StatedTradeFigure* after = Find(*t, "tr-1998-fy-chn-total-l4");
  ASSERT_NE(after, nullptr);
  EXPECT_FALSE(after->computed_growth_pct.has_value()) << "1998 on the 1997 bound";
}

TEST(QueryTrade, MirrorGapsAreLatestFirstInThePairsOrder) {
  TempWorkspace ws;
  IngestExampleRegistry(ws);
  auto ck = Query(ws, "CHN", "KAZ");
  ASSERT_TRUE(ck.ok()) << ck.status().ToString();
  std::vector<int> years;
  for (const measure::MirrorGap& g : ck->mirror_gaps) years.push_back(g.year);
  EXPECT_EQ(years, (std::vector<int>{2024, 2023, 2022, 2021, 2018, 2013}));
  EXPECT_NEAR(ck->mirror_gaps.back().gap_pct, 100.0 * (28.5 / 22.53 - 1), 1e-9);
  auto kc = Query(ws, "KAZ", "CHN");
  ASSERT_TRUE(kc.ok()) << kc.status().ToString();
  ASSERT_EQ(kc->mirror_gaps.size(), 6u);
  EXPECT_NEAR(kc->mirror_gaps.back().gap_pct, 100.0 * (22.53 / 28.5 - 1), 1e-9);
}

TEST(QueryTrade, YearAndDatasetSelectWhatIsShown) {
  TempWorkspace ws;
  IngestExampleRegistry(ws);
  auto y = Query(ws, "CHN", "KAZ", "", 2013);
  ASSERT_TRUE(y.ok()) << y.status().ToString();
  EXPECT_EQ(y->stated.size(), 7u);
  for (const app::StatedTradeFigure& s : y->stated) EXPECT_EQ(s.year, 2013);
  ASSERT_EQ(y->mirror_gaps.size(), 1u);
  EXPECT_EQ(y->mirror_gaps[0].year, 2013);

  auto registry = Query(ws, "CHN", "KAZ", "registry", 2013);
  ASSERT_TRUE(registry.ok()) << registry.status().ToString();
  EXPECT_EQ(registry->stated.size(), 7u);

  // Comtrade only: the workspace has none, and the message says what to ingest.
  auto comtrade = Query(ws, "CHN", "KAZ", "comtrade");
  ASSERT_FALSE(comtrade.ok());
  EXPECT_EQ(comtrade.status().code(), StatusCode::kNotFound);
  EXPECT_NE(comtrade.status().message().find("bilat ingest comtrade|baci"), std::string::npos);
  EXPECT_EQ(comtrade.status().message().find("trade.csv"), std::string::npos) << comtrade.status().message();
}

TEST(QueryTrade, SaysWhatToIngestWhenThereIsNothing) {
  TempWorkspace ws;
  IngestExampleRegistry(ws);
  auto none = Query(ws, "CHN", "KAZ", "", 1990);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(none.status().message(),
            "no trade flows of CHN with KAZ for 1990 in the ingested data and no stated trade figures of the pair "
            "for 1990 in the registry (ingest Comtrade or BACI files with bilat ingest comtrade|baci FILE, or add the "
            "pair's rows to trade.csv and run bilat ingest registry)");
  // The registry states figures of pairs, not of one country.
  auto alone = Query(ws, "CHN", "", "registry");
  ASSERT_FALSE(alone.ok());
  EXPECT_EQ(alone.status().code(), StatusCode::kInvalidArgument);
  auto world = Query(ws, "CHN", "WLD");
  ASSERT_FALSE(world.ok());
  EXPECT_NE(world.status().message().find("no trade flows in"), std::string::npos) << world.status().message();
}

TEST(QueryTrade, ShowsIngestedFlowsAndStatedFiguresTogether) {
  TempWorkspace ws;
  IngestExampleRegistry(ws);
  app::IngestTradeOptions o;
  o.workspace = ws.str();
  o.dataset = "comtrade";
  o.files = {kFixture};
  auto ing = app::IngestTrade(o, Countries());
  ASSERT_TRUE(ing.ok() && ing->all_stored());
  auto t = Query(ws, "CHN", "KAZ");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_TRUE(t->flows_ingested);
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_EQ(t->rows[0].dataset, "comtrade");
  EXPECT_EQ(t->rows[0].year, 2021);
  EXPECT_FALSE(t->rows[0].total_growth_pct.has_value());
  ASSERT_TRUE(t->rows[1].total_growth_pct.has_value());
  EXPECT_NEAR(*t->rows[1].total_growth_pct, 100.0, 1e-9);  // $10 billion to $20 billion in the fixture
  EXPECT_EQ(t->stated.size(), 77u);
  // --dataset comtrade leaves the stated figures out.
  auto c = Query(ws, "CHN", "KAZ", "comtrade");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->rows.size(), 2u);
  EXPECT_TRUE(c->stated.empty());
  EXPECT_TRUE(c->mirror_gaps.empty());
}

}  // namespace
}  // namespace bilat
