// Extracted items as candidate registry rows: each kind lands in its file
// with its source, span and evidence, the files read back through the
// registry validator as unreviewed candidates, and accepted they validate.
#include "app/extract_to_registry.h"

#include <gtest/gtest.h>


#include "ingest/registry/csv_table.h"
#include "ingest/registry/registry_validator.h"
#include "tests/app/test_workspace.h"

namespace bilat {
namespace {

namespace fs = std::filesystem;
using testing::Countries;
using testing::ReadAll;
using testing::WriteAll;

text::Evidence Ev(const std::string& sentence, size_t begin) {
  return {"kaz-news", begin, begin + sentence.size(), std::make_shared<const std::string>(sentence)};
}

text::Extraction Sample() {
  text::Extraction x;
  x.doc_id = "kaz-news";
  x.url = "https://www.example.org/2023/05/18/visit";
  x.text_file = "/tmp/in/kaz-news.txt";
  x.country_pair = {"CHN", "KAZ"};
  x.doc_date = text::TextDate::Day(2023, 5, 18);
  text::Visit v;
  v.visitor_country = "KAZ";
  v.visitor = "Kassym-Jomart Tokayev";
  v.host_country = "CHN";
  v.date = text::TextDate::Day(2023, 5, 17);
  v.kind = "state visit";
  v.status = "actual";
  v.confidence = 0.95;
  v.evidence = Ev("Tokayev arrived in Xi'an, \"a city of history\", on Wednesday.", 60);
  x.visits.push_back(v);
  v.date = text::TextDate::Month(2023, 5);
  v.kind = "visit";
  v.evidence = Ev("=Tokayev's May visit was his second this year.", 400);
  x.visits.push_back(v);

  text::Event e;
  e.date = text::TextDate::Day(2023, 5, 17);
  e.parties = {"CHN", "KAZ"};
  e.status = "actual";
  e.confidence = 0.8;
  e.evidence = Ev("The sides signed an agreement on visa-free travel.", 120);
  e.kind = "agreement signed";
  e.what = "agreement on visa-free travel";
  x.events.push_back(e);
  e.kind = "opening";
  e.what = "a new railway line";
  x.events.push_back(e);
  e.kind = "opening";
  e.what = "a Confucius Institute";
  x.events.push_back(e);
  e.kind = "summit";
  e.what = "China-Central Asia Summit";
  x.events.push_back(e);

  text::TradeFigure t;
  t.year = 2022;
  t.value = 24.7;
  t.unit = "USD billion";
  t.flow = "exports";
  t.reporter_or_direction = "CHN->KAZ";
  t.yoy_pct = 12.5;
  t.qualifier = "more than";
  t.confidence = 0.85;
  t.evidence = Ev("Chinese exports to Kazakhstan were more than $24.7 billion in 2022.", 200);
  x.trade.push_back(t);
  t.flow = "imports";
  t.value = 1.5;
  t.unit = "USD trillion";
  t.yoy_pct.reset();
  t.qualifier = "";
  x.trade.push_back(t);

  text::Money m;
  m.what = "raise trade to $40 billion by 2030";
  m.value = 40;
  m.unit = "USD billion";
  m.date = text::TextDate::Year(2030);
  m.confidence = 0.7;
  m.evidence = Ev("The leaders aim to raise trade to $40 billion by 2030.", 300);
  x.money.push_back(m);
  m.what = "investment of $2 billion";
  m.evidence = Ev("Chinese firms plan an investment of $2 billion.", 350);
  x.money.push_back(m);
  x.quantities.push_back({});
  return x;
}

// The rows of a written CSV as maps from column to cell.
std::vector<std::map<std::string, std::string>> Rows(const fs::path& file) {
  auto table = ingest::ParseCsv(file.string(), ReadAll(file));
  EXPECT_TRUE(table.ok()) << table.status().ToString();
  std::vector<std::map<std::string, std::string>> out;
  if (!table.ok()) return out;
  for (const auto& row : table->rows) {
    std::map<std::string, std::string> m;
    for (size_t c = 0; c < row.cells.size() && c < table->header.size(); ++c) {
      m[table->header[c].text] = row.cells[c].text;
    }
    out.push_back(std::move(m));
  }
  return out;
}

class ExtractToRegistry : public ::testing::Test {
 protected:
  void SetUp() override {
    candidates_.Add(Sample());
    auto written = candidates_.Write(ws_.str() + "/cand");
    ASSERT_TRUE(written.ok()) << written.status().ToString();
    dir_ = ws_.dir() / "cand";
  }
  testing::TempWorkspace ws_;
  app::RegistryCandidates candidates_;
  fs::path dir_;
};

TEST_F(ExtractToRegistry, WritesOneFilePerKindWithRowsAndAReadme) {
  for (const char* f : {"sources.csv", "exchanges.csv", "agreements.csv", "connectivity.csv", "projects.csv",
                        "trade.csv", "targets.csv", "README.md"}) {
    EXPECT_TRUE(fs::exists(dir_ / f)) << f;
  }
  EXPECT_FALSE(fs::exists(dir_ / "people.csv"));  // no rows, no file: it would empty the stored kind
  EXPECT_EQ(candidates_.CandidateRows(), 8u);
  EXPECT_EQ(candidates_.Unmapped(),
            (std::map<std::string, size_t>{{"event: summit", 1}, {"money", 1}, {"quantity", 1}}));
  EXPECT_NE(ReadAll(dir_ / "README.md").find("event: summit: 1"), std::string::npos);
}

TEST_F(ExtractToRegistry, EveryRowKeepsItsSourceSpanAndSentence) {
  auto sources = Rows(dir_ / "sources.csv");
  ASSERT_EQ(sources.size(), 1u);
  EXPECT_EQ(sources[0]["id"], "txt-kaz-news");
  EXPECT_EQ(sources[0]["review"], "accept");  // complete: it only describes the document
  EXPECT_EQ(sources[0]["publisher"], "example.org");
  EXPECT_EQ(sources[0]["url"], "https://www.example.org/2023/05/18/visit");
  EXPECT_EQ(sources[0]["published"], "2023-05-18");
  auto ex = Rows(dir_ / "exchanges.csv");
  ASSERT_EQ(ex.size(), 2u);
  EXPECT_EQ(ex[0]["review"], "candidate");
  EXPECT_EQ(ex[0]["id"], "txt-kaz-news-v1");
  EXPECT_EQ(ex[0]["source_id"], "txt-kaz-news");
  EXPECT_EQ(ex[0]["locator"], "kaz-news.txt chars 60-120");
  EXPECT_EQ(ex[0]["evidence"], "Tokayev arrived in Xi'an, \"a city of history\", on Wednesday.");
  EXPECT_EQ(ex[0]["confidence"], "0.95");
  EXPECT_EQ(ex[0]["kind"], "state_visit");
  EXPECT_EQ(ex[0]["from"], "KAZ");
  EXPECT_EQ(ex[0]["to"], "CHN");
  EXPECT_EQ(ex[0]["date"], "2023-05-17");
  // The same visit told again is flagged; a formula stays text.
  EXPECT_EQ(ex[1]["to_check"].rfind("likely the same as txt-kaz-news-v1", 0), 0u) << ex[1]["to_check"];
  EXPECT_EQ(ex[1]["evidence"], "'=Tokayev's May visit was his second this year.");
}

TEST_F(ExtractToRegistry, MapsEachItemToItsRegistryColumns) {
  auto ag = Rows(dir_ / "agreements.csv");
  ASSERT_EQ(ag.size(), 1u);
  EXPECT_EQ(ag[0]["kind"], "agreement");
  EXPECT_EQ(ag[0]["parties"], "CHN;KAZ");
  EXPECT_EQ(ag[0]["title"], "agreement on visa-free travel");
  auto conn = Rows(dir_ / "connectivity.csv");
  ASSERT_EQ(conn.size(), 1u);
  EXPECT_EQ(conn[0]["kind"], "railway");
  EXPECT_EQ(conn[0]["opened"], "2023-05-17");
  auto proj = Rows(dir_ / "projects.csv");
  ASSERT_EQ(proj.size(), 1u);
  EXPECT_EQ(proj[0]["sector"], "");
  EXPECT_NE(proj[0]["to_check"].find("sector"), std::string::npos);
  auto trade = Rows(dir_ / "trade.csv");
  ASSERT_EQ(trade.size(), 2u);
  EXPECT_EQ(trade[0]["flow"], "export");
  EXPECT_EQ(trade[0]["partner_a"], "CHN");
  EXPECT_EQ(trade[0]["partner_b"], "KAZ");
  EXPECT_EQ(trade[0]["value"], "24.7");
  EXPECT_EQ(trade[0]["scale"], "billions");
  EXPECT_EQ(trade[0]["value_qualifier"], "at_least");
  EXPECT_EQ(trade[0]["stated_growth_pct"], "12.5");
  // Imports are seen from the importer: Kazakhstan imports from China.
  EXPECT_EQ(trade[1]["flow"], "import");
  EXPECT_EQ(trade[1]["partner_a"], "KAZ");
  EXPECT_EQ(trade[1]["value"], "1500");  // trillion as billions
  auto targets = Rows(dir_ / "targets.csv");
  ASSERT_EQ(targets.size(), 1u);
  EXPECT_EQ(targets[0]["indicator"], "trade_total");
  EXPECT_EQ(targets[0]["target_value"], "40");
  EXPECT_EQ(targets[0]["target_year"], "2030");
  EXPECT_EQ(targets[0]["stated"], "2023-05-18");
}

TEST_F(ExtractToRegistry, CandidatesAreReadAsUnreviewedAndNothingIsKept) {
  ingest::RegistryBatch b = ingest::ValidateRegistryDir(dir_.string(), "cand", Countries());
  for (const auto& i : b.issues) ADD_FAILURE() << i.ToString();
  EXPECT_EQ(b.RowsUnreviewed(), 8);
  for (size_t k = 1; k < b.records.size(); ++k) EXPECT_TRUE(b.records[k].empty());
}

TEST_F(ExtractToRegistry, AcceptedCandidatesValidateExceptCellsLeftToTheReviewer) {
  for (const auto& entry : fs::directory_iterator(dir_)) {
    if (entry.path().extension() != ".csv") continue;
    std::string csv = "\n" + ReadAll(entry.path());
    for (size_t at = csv.find("\ncandidate,"); at != std::string::npos; at = csv.find("\ncandidate,", at)) {
      csv.replace(at + 1, 9, "accept");
    }
    WriteAll(entry.path(), csv.substr(1));
  }
  ingest::RegistryBatch b = ingest::ValidateRegistryDir(dir_.string(), "cand", Countries());
  ASSERT_EQ(b.issues.size(), 1u);
  EXPECT_EQ(b.issues[0].ToString(),
            "cand/projects.csv:2:68: missing value for required column 'sector' (fill in the cell; see "
            "docs/formats/registry.md)");
  EXPECT_EQ(b.RowsUnreviewed(), 0);
}

TEST_F(ExtractToRegistry, RefusesAFolderThatHoldsRegistryFiles) {
  Status st = app::RegistryCandidates::CheckOutputDir(dir_.string());
  EXPECT_EQ(st.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(st.message().find("/cand/sources.csv exists and may hold a review"), std::string::npos) << st.message();
  EXPECT_TRUE(app::RegistryCandidates::CheckOutputDir((ws_.dir() / "new").string()).ok());
}

// The European Union is a party of a text (EUU) but no country of the
// registry: its row is written for review with a note that says so, and
// accepted unchanged it is refused, never stored.
TEST(ExtractToRegistryEu, AnEuRowAsksTheReviewerForAMemberState) {
  text::Extraction x = Sample();
  x.visits.clear();
  x.trade.clear();
  x.money.clear();
  x.quantities.clear();
  x.events.resize(1);
  x.events[0].parties = {"EUU", "KAZ"};
  testing::TempWorkspace ws;
  app::RegistryCandidates candidates;
  candidates.Add(x);
  ASSERT_TRUE(candidates.Write(ws.str() + "/cand").ok());
  auto ag = Rows(ws.dir() / "cand" / "agreements.csv");
  ASSERT_EQ(ag.size(), 1u);
  EXPECT_EQ(ag[0]["parties"], "EUU;KAZ");
  EXPECT_NE(ag[0]["to_check"].find("EUU (the European Union)"), std::string::npos) << ag[0]["to_check"];
  std::string csv = ReadAll(ws.dir() / "cand" / "agreements.csv");
  csv.replace(csv.find("\ncandidate,") + 1, 9, "accept");
  WriteAll(ws.dir() / "cand" / "agreements.csv", csv);
  ingest::RegistryBatch b = ingest::ValidateRegistryDir((ws.dir() / "cand").string(), "cand", Countries());
  ASSERT_FALSE(b.issues.empty());
  EXPECT_NE(b.issues[0].ToString().find("EUU"), std::string::npos) << b.issues[0].ToString();
}

}  // namespace
}  // namespace bilat
