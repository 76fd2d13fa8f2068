// End-to-end: the example registry through ingest and report, checked the
// way a reader would check it.
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>

#include "app/ingest_text.h"
#include "app/ingest_trade.h"
#include "core/text.h"
#include "tests/app/test_workspace.h"

namespace bilat {
namespace {

using testing::Countries;
using testing::kExample;
using testing::ReadAll;
using testing::TempWorkspace;
using testing::WriteAll;
namespace fs = std::filesystem;

// The example workspace's registry and WDI extract, ingested into `ws`.
void SeedExample(const TempWorkspace& ws) {
  auto ing = app::IngestRegistry({ws.str(), (kExample / "registry").string(), false}, Countries());
  EXPECT_TRUE(ing.ok()) << ing.status().ToString();
  EXPECT_TRUE(ing->stored);
  EXPECT_TRUE(ing->issues.empty()) << ing->issues.front().ToString();
  app::IngestTradeOptions wdi;
  wdi.workspace = ws.str();
  wdi.dataset = "wdi";
  wdi.files = {(kExample / "macro" / "wdi_macro_long_2005_2024.csv").string()};
  auto macro = app::IngestTrade(wdi, Countries());
  EXPECT_TRUE(macro.ok() && macro->all_stored());
}

// Writes the CHN-KAZ report of `ws` in every format and reads it back; a
// failed write or any lint fails the test.
struct PairReport {
  std::string html, md, json;
};
PairReport WriteChnKaz(const TempWorkspace& ws) {
  app::ReportOptions o;
  o.workspace = ws.str();
  o.a = "CHN";
  o.b = "KAZ";
  auto r = app::WriteReport(o, Countries());
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  if (!r.ok()) return {};
  EXPECT_TRUE(r->lint.empty()) << r->lint.front();
  const auto dir = ws.dir() / "reports";
  return {ReadAll(dir / "CHN-KAZ.html"), ReadAll(dir / "CHN-KAZ.md"), ReadAll(dir / "CHN-KAZ.json")};
}

// Builds the example report into a temp workspace; returns the HTML.
struct ExampleReport {
  TempWorkspace ws;
  app::ReportResult result;
  std::string html, md, json;

  ExampleReport() {
    SeedExample(ws);
    std::filesystem::copy(kExample / "notes", ws.dir() / "notes",
                          std::filesystem::copy_options::recursive |
                              std::filesystem::copy_options::overwrite_existing);
    app::ReportOptions o;
    o.workspace = ws.str();
    o.a = "China";
    o.b = "Kazakh";
    auto r = app::WriteReport(o, Countries());
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    result = *r;
    html = ReadAll(ws.dir() / "reports" / "CHN-KAZ.html");
    md = ReadAll(ws.dir() / "reports" / "CHN-KAZ.md");
    json = ReadAll(ws.dir() / "reports" / "CHN-KAZ.json");
  }
};

const ExampleReport& Example() {
  static ExampleReport* r = new ExampleReport();
  return *r;
}

std::vector<std::string> GeneratedParagraphs(const std::string& html) {
  // Found by find(), not std::regex: libstdc++'s regex recurses once per
  // character, which overflows the stack on long paragraphs under ASan.
  std::vector<std::string> out;
  const std::string open = "<p class=\"gen\">";
  for (size_t b = html.find(open); b != std::string::npos; b = html.find(open, b)) {
    b += open.size();
    const size_t e = html.find("</p>", b);
    if (e == std::string::npos) break;
    out.push_back(html.substr(b, e - b));
    b = e;
  }
  return out;
}

TEST(ReportEndToEnd, WritesAllThreeFormatsWithoutLint) {
  const auto& r = Example();
  ASSERT_EQ(r.result.files.size(), 3u);
  EXPECT_TRUE(r.result.lint.empty()) << r.result.lint.front();
  EXPECT_GT(r.result.sources, 5);
  EXPECT_FALSE(r.html.empty());
  EXPECT_FALSE(r.md.empty());
  EXPECT_FALSE(r.json.empty());
}

TEST(ReportEndToEnd, EveryNumberInGeneratedProseHasAFootnote) {
  auto paragraphs = GeneratedParagraphs(Example().html);
  ASSERT_GT(paragraphs.size(), 10u);
  std::regex cited(
      "<span class=\"fig\">[^<]*</span><sup class=\"fn\"><a href=\"#src-[0-9]+\"[^>]*>[0-9]+</a>"
      "(,<a href=\"#src-[0-9]+\"[^>]*>[0-9]+</a>)*</sup>");
  std::regex tag("<[^>]*>|&[#a-zA-Z0-9]+;");  // markup and character references
  int figures = 0;
  for (const std::string& p : paragraphs) {
    figures += static_cast<int>(std::distance(std::sregex_iterator(p.begin(), p.end(), cited), std::sregex_iterator()));
    std::string rest = std::regex_replace(std::regex_replace(p, cited, ""), tag, "");
    for (char c : rest) {
      ASSERT_FALSE(c >= '0' && c <= '9') << "uncited digit in: " << rest;
    }
  }
  EXPECT_GT(figures, 50);
}

TEST(ReportEndToEnd, EveryFootnoteTargetsAListedSource) {
  const std::string& html = Example().html;
  std::regex link("href=\"#src-([0-9]+)\"");
  std::set<std::string> targets;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), link); it != std::sregex_iterator(); ++it) {
    targets.insert((*it)[1]);
  }
  ASSERT_FALSE(targets.empty());
  for (const std::string& n : targets) {
    EXPECT_NE(html.find("<li id=\"src-" + n + "\">"), std::string::npos) << "footnote " << n;
  }
}

TEST(ReportEndToEnd, HasEverySectionAndChart) {
  const std::string& html = Example().html;
  for (const char* id : {"political", "economy", "connectivity", "finance", "people", "outlook", "sources"}) {
    EXPECT_NE(html.find(std::string("<section id=\"") + id + "\">"), std::string::npos) << id;
  }
  for (const char* chart : {"exchanges-timeline", "exchanges-per-year", "trade-by-year", "projects-by-sector"}) {
    EXPECT_NE(html.find(std::string("<figure class=\"chart\" id=\"") + chart + "\"><svg"), std::string::npos) << chart;
  }
}

TEST(ReportEndToEnd, HtmlIsSelfContained) {
  const std::string& html = Example().html;
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("src=\"http"), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
  EXPECT_NE(html.find("@media print"), std::string::npos);
}

TEST(ReportEndToEnd, ShowsAuthorsTextMarkedAsSuch) {
  const std::string& html = Example().html;
  EXPECT_NE(html.find("<aside class=\"authors\"><div class=\"label\">Authors\xE2\x80\x99 text \xC2\xB7 notes/CHN-KAZ/political.md"),
            std::string::npos);
  EXPECT_NE(Example().md.find("> **Authors' text** (notes/CHN-KAZ/economy.md)"), std::string::npos);
}

TEST(ReportEndToEnd, ComputesGrowthAndFlagsTheStatedFigure) {
  // Global Times: 2021 $25.25bn, 2022 $31.17bn "up 23.6%"; the values give 23.4%.
  const std::string& md = Example().md;
  EXPECT_NE(md.find("| 2022 | not stated | **$31.17 billion**"), std::string::npos);
  EXPECT_NE(md.find("**23.4%**"), std::string::npos);
  EXPECT_NE(md.find("**23.6%**"), std::string::npos);
}

TEST(ReportEndToEnd, ChecksEachDirectionAgainstTheOtherSidesStatement) {
  // 2021: China states exports to Kazakhstan of $13.98bn; Kazakhstan states
  // imports from China of $8.3bn: the same goods, 68.4% apart.
  const std::string& md = Example().md;
  EXPECT_NE(md.find("| China's exports to Kazakhstan | **$13.98 billion**"), std::string::npos);
  EXPECT_NE(md.find("**$8.3 billion (Kazakhstan, as imports)**"), std::string::npos);
  EXPECT_NE(md.find("**+68.4%**"), std::string::npos);
  // The mirror paragraph names the latest year both directions are stated.
  EXPECT_NE(md.find("Flow by flow: for **2023**"), std::string::npos);
}

TEST(ReportEndToEnd, OutlookComputesRequiredGrowthFromLatestGdp) {
  // $450bn by 2029 from WDI 2024 GDP $291.48bn: (450/291.48)^(1/5) - 1 = 9.08%.
  const std::string& md = Example().md;
  EXPECT_NE(md.find("**$450 billion**"), std::string::npos);
  EXPECT_NE(md.find("**$291.48 billion**"), std::string::npos);
  EXPECT_NE(md.find("requires growth of **9.1%**"), std::string::npos);
}

TEST(ReportEndToEnd, OutlookCitesTheWdiFileLine) {
  // The GDP figure comes from the ingested WDI file, cited to its line.
  const std::string& json = Example().json;
  std::string text = ReadAll(kExample / "macro" / "wdi_macro_long_2005_2024.csv");
  size_t at = text.find("KAZ,Kazakhstan,2024,GDP_CURRENT");
  ASSERT_NE(at, std::string::npos);
  std::string line = std::to_string(1 + std::count(text.begin(), text.begin() + at, '\n'));
  EXPECT_NE(json.find("wdi_macro_long_2005_2024.csv line " + line + ", series NY.GDP.MKTP.CD"), std::string::npos);
  EXPECT_NE(json.find("World Development Indicators files ingested into the workspace"), std::string::npos);
}

// A pair with loaded trade statistics: both sides' Comtrade statements and
// a BACI year, written here (the shared data hold no CHN-KAZ flow rows).
TEST(ReportEndToEnd, LoadedTradeStatisticsAreReadAndCited) {
  TempWorkspace ws;
  const std::string header =
      "Classification,Year,Period,Period Desc.,Aggregate Level,Is Leaf Code,Trade Flow Code,Trade Flow,Reporter Code,"
      "Reporter,Reporter ISO,Partner Code,Partner,Partner ISO,2nd Partner Code,2nd Partner,2nd Partner ISO,Customs "
      "Proc. Code,Customs,Mode of Transport Code,Mode of Transport,Commodity Code,Commodity,Qty Unit Code,Qty Unit,Qty,"
      "Alt Qty Unit Code,Alt Qty Unit,Alt Qty,Netweight (kg),Gross weight (kg),Trade Value (US$),CIF Trade Value "
      "(US$),FOB Trade Value (US$),Flag\n";
  auto row = [](int year, int flow, const char* rep, int rep_code, const char* par, int par_code,
                const char* hs, long long value) {
    return "H5," + std::to_string(year) + "," + std::to_string(year) + "," + std::to_string(year) + ",6,1," +
           std::to_string(flow) + "," + (flow == 1 ? "Import" : "Export") + "," + std::to_string(rep_code) + ",," +
           rep + "," + std::to_string(par_code) + ",," + par + ",,,,,,,," + hs + ",,1,No Quantity,,,,,,," +
           std::to_string(value) + ",,,0\n";
  };
  std::string csv = header;
  for (int year : {2021, 2022}) {
    long long k = year == 2021 ? 1 : 2;
    // China's statements: exports of machinery and vehicles, imports of ores and fuel.
    csv += row(year, 2, "CHN", 156, "KAZ", 398, "847130", 4000000000LL * k);
    csv += row(year, 2, "CHN", 156, "KAZ", 398, "870323", 2000000000LL * k);
    csv += row(year, 1, "CHN", 156, "KAZ", 398, "260300", 3000000000LL * k);
    csv += row(year, 1, "CHN", 156, "KAZ", 398, "270900", 1000000000LL * k);
    csv += row(year, 2, "CHN", 156, "RUS", 643, "847130", 12000000000LL * k);
    // Kazakhstan's statements of the same trade, CIF imports higher.
    csv += row(year, 1, "KAZ", 398, "CHN", 156, "847130", 4400000000LL * k);
    csv += row(year, 1, "KAZ", 398, "CHN", 156, "870323", 2100000000LL * k);
    csv += row(year, 2, "KAZ", 398, "CHN", 156, "260300", 2500000000LL * k);
    csv += row(year, 2, "KAZ", 398, "CHN", 156, "270900", 900000000LL * k);
    csv += row(year, 2, "KAZ", 398, "RUS", 643, "270900", 1000000000LL * k);
  }
  WriteAll(ws.dir() / "comtrade_chn_kaz.csv", csv);
  app::IngestTradeOptions o;
  o.workspace = ws.str();
  o.dataset = "comtrade";
  o.files = {(ws.dir() / "comtrade_chn_kaz.csv").string()};
  auto in = app::IngestTrade(o, Countries());
  ASSERT_TRUE(in.ok());
  ASSERT_EQ(in->files[0].state, app::TradeFileOutcome::State::kStored) << in->files[0].error;
  // A stated figure to check against the data: China's 2022 total, $20.5 bn.
  const auto reg = ws.dir() / "reg";
  WriteAll(reg / "sources.csv", "id,title,publisher,url,published\nsrc-x,A statement,A publisher,https://example.org/statement,2023-01-10\n");
  WriteAll(reg / "trade.csv",
           "id,year,period,reporter,partner_a,partner_b,flow,value,value_qualifier,currency,scale,"
           "stated_growth_pct,source_id,locator\n"
           "tr-x,2022,,CHN,CHN,KAZ,total,20.5,,USD,billions,,src-x,p. 1\n");
  auto reg_in = app::IngestRegistry({ws.str(), reg.string(), false}, Countries());
  ASSERT_TRUE(reg_in.ok() && reg_in->stored) << (reg_in.ok() && !reg_in->issues.empty() ? reg_in->issues.front().ToString() : "not ok");
  const PairReport report = WriteChnKaz(ws);
  const std::string& md = report.md;
  const std::string& json = report.json;
  // 2022 as China reports it: exports 12.0, imports 8.0 bn; up 100% on 2021.
  EXPECT_NE(md.find("as China reports it, China exported goods worth **$12 billion**"), std::string::npos) << md;
  EXPECT_NE(md.find("**up 100.0%**"), std::string::npos);
  // Kazakhstan is China's second partner (20 of 44 bn, 45.5%); China is Kazakhstan's first.
  EXPECT_NE(md.find("Kazakhstan was China's **second-largest**[^"), std::string::npos);
  EXPECT_NE(md.find(" trading partner, with **45.5%**"), std::string::npos);
  EXPECT_NE(md.find("China was Kazakhstan's **largest**"), std::string::npos);
  // Mirror: China's exports 12.0 vs Kazakhstan's imports 13.0 bn: -7.7%.
  EXPECT_NE(md.find("a gap of **-7.7%**"), std::string::npos);
  EXPECT_NE(md.find("(CIF)"), std::string::npos);
  // HHI of China's exports to Kazakhstan: (8/12)^2 + (4/12)^2 = 0.556; chapter 84 first at 66.7%.
  EXPECT_NE(md.find("**0.556**"), std::string::npos);
  EXPECT_NE(md.find("chapter 84 (machinery and mechanical appliances) at 66.7%"), std::string::npos);
  EXPECT_NE(json.find("UN Comtrade files ingested into the workspace (1 file: comtrade_chn_kaz.csv)"),
            std::string::npos);
  // The claims check sets the stated $20.5 bn beside China's own statement in the data ($20 bn).
  EXPECT_NE(md.find("**One**[^1][^2] of them could be set beside the ingested trade statistics"), std::string::npos)
      << md.substr(md.find("Claims checked"), 600);
  EXPECT_NE(md.find("**$20 billion (Comtrade, China's): +2.5%**"), std::string::npos);
}

TEST(ReportEndToEnd, ReportIsDeterministic) {
  TempWorkspace ws;
  SeedExample(ws);
  std::filesystem::copy(kExample / "notes", ws.dir() / "notes", std::filesystem::copy_options::recursive);
  app::ReportOptions o;
  o.workspace = ws.str();
  o.a = "CHN";
  o.b = "KAZ";
  o.formats = {"json"};
  ASSERT_TRUE(app::WriteReport(o, Countries()).ok());
  EXPECT_EQ(ReadAll(ws.dir() / "reports" / "CHN-KAZ.json"), Example().json);
}

// A notes file saved as Latin-1 on Windows: every format is written, the
// text is read as Windows-1252, and the report says so (it used to abort
// after the HTML and Markdown, before the JSON).
TEST(ReportEndToEnd, NotesThatAreNotUtf8AreReadAsWindows1252) {
  TempWorkspace ws;
  SeedExample(ws);
  WriteAll(ws.dir() / "notes" / "CHN-KAZ" / "political.md", "Caf\xe9 diplomacy \x96 a note in Latin-1.\n");
  app::ReportOptions o;
  o.workspace = ws.str();
  o.a = "CHN";
  o.b = "KAZ";
  auto r = app::WriteReport(o, Countries());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->files.size(), 3u);
  ASSERT_EQ(r->warnings.size(), 1u);
  EXPECT_EQ(r->warnings[0], "notes/CHN-KAZ/political.md is not UTF-8; read as Windows-1252 (save it as UTF-8)");
  const std::string json = ReadAll(ws.dir() / "reports" / "CHN-KAZ.json");
  EXPECT_NE(json.find("Caf\u00e9 diplomacy \u2013 a note"), std::string::npos);
  EXPECT_TRUE(IsValidUtf8(json));
}

// Analysts' notes are made safe once and rendered alike in HTML and
// Markdown: no raw HTML, no javascript: links, images only as links.
TEST(ReportEndToEnd, NotesAreSanitisedAlikeInHtmlAndMarkdown) {
  TempWorkspace ws;
  SeedExample(ws);
  WriteAll(ws.dir() / "notes" / "CHN-KAZ" / "political.md",
           "Kept **bold** and a [source](https://example.org/a).\n\n"
           "<script>alert('md')</script>\n\n"
           "<iframe src=\"https://evil.example/\"></iframe>\n\n"
           "Inline <b onmouseover=\"x()\">tag</b> and [a trap](javascript:alert(1)).\n\n"
           "![chart](https://tracker.example/pixel.png)\n");
  app::ReportOptions o;
  o.workspace = ws.str();
  o.a = "CHN";
  o.b = "KAZ";
  ASSERT_TRUE(app::WriteReport(o, Countries()).ok());
  const std::string md = ReadAll(ws.dir() / "reports" / "CHN-KAZ.md");
  const std::string html = ReadAll(ws.dir() / "reports" / "CHN-KAZ.html");
  for (const std::string* out : {&md, &html}) {
    EXPECT_EQ(out->find("<script>alert('md')"), std::string::npos);
    EXPECT_EQ(out->find("<iframe"), std::string::npos);
    EXPECT_EQ(out->find("onmouseover"), std::string::npos);
    EXPECT_EQ(out->find("javascript:"), std::string::npos);
    EXPECT_EQ(out->find("<img src=\"https://tracker"), std::string::npos);
    EXPECT_EQ(out->find("![chart]"), std::string::npos);
    EXPECT_NE(out->find("tracker.example/pixel.png"), std::string::npos);  // kept, as a link
    EXPECT_NE(out->find("https://example.org/a"), std::string::npos);
  }
  EXPECT_NE(md.find("> Kept **bold** and a [source](https://example.org/a)."), std::string::npos);
  EXPECT_NE(md.find("[image: chart](https://tracker.example/pixel.png)"), std::string::npos);
  EXPECT_NE(html.find("<a href=\"https://tracker.example/pixel.png\">image: chart</a>"), std::string::npos);
}

TEST(ReportEndToEnd, DataDerivedMarkupRendersInert) {
  TempWorkspace ws;
  const auto reg = ws.dir() / "reg";
  WriteAll(reg / "sources.csv",
           "id,title,publisher,url,published\n"
           "s1,\"<script>alert('t')</script>\",<b>Pub</b>,\"javascript:alert(1)\",2020\n");
  WriteAll(reg / "exchanges.csv",
           "id,date,kind,from,to,leader,occasion,source_id,locator\n"
           "e1,2020-01-02,visit,CHN,KAZ,\"<script>alert(1)</script>\",<img src=x onerror=alert(2)>,s1,p1\n");
  WriteAll(reg / "projects.csv",
           "id,date,name,investor,host,sector,value,scale,source_id,locator\n"
           "p1,2019,\"</td><script>x()</script>\",CHN,KAZ,<i>Energy</i>,5,millions,s1,p2\n");
  WriteAll(ws.dir() / "notes" / "CHN-KAZ" / "political.md", "Hello <script>alert(3)</script> *world*\n");
  auto ing = app::IngestRegistry({ws.str(), reg.string(), false}, Countries());
  ASSERT_TRUE(ing.ok());
  ASSERT_TRUE(ing->stored) << ing->issues.front().ToString();
  app::ReportOptions o;
  o.workspace = ws.str();
  o.a = "CHN";
  o.b = "KAZ";
  ASSERT_TRUE(app::WriteReport(o, Countries()).ok());
  std::string html = ReadAll(ws.dir() / "reports" / "CHN-KAZ.html");
  std::string lower = html;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_EQ(lower.find("<script"), std::string::npos);
  EXPECT_EQ(lower.find("<img"), std::string::npos);
  EXPECT_EQ(lower.find("<b>pub"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("<em>world</em>"), std::string::npos);  // Markdown still renders
  // A javascript: URL from a registry is shown as text, never as a link.
  EXPECT_EQ(lower.find("href=\"javascript:"), std::string::npos);
}

TEST(ReportEndToEnd, StatedFlowsAreCheckedWithoutAnySeriesOfTotals) {
  // Only the two sides' statements of one flow: no totals, no ingested data.
  TempWorkspace ws;
  const auto reg = ws.dir() / "reg";
  WriteAll(reg / "sources.csv", "id,title,publisher,url,published\n"
                                "src-c,China customs,GACC,https://example.org/c,2022-01-14\n"
                                "src-k,Kazakh statistics,BNS,https://example.org/k,2022-02-10\n");
  WriteAll(reg / "trade.csv",
           "id,year,period,reporter,partner_a,partner_b,flow,value,value_qualifier,currency,scale,"
           "stated_growth_pct,source_id,locator\n"
           "tr-c,2021,,CHN,CHN,KAZ,export,13.98,,USD,billions,,src-c,table 1\n"
           "tr-k,2021,,KAZ,KAZ,CHN,import,8.3,,USD,billions,,src-k,table 2\n");
  auto in = app::IngestRegistry({ws.str(), reg.string(), false}, Countries());
  ASSERT_TRUE(in.ok() && in->stored);
  const std::string md = WriteChnKaz(ws).md;
  EXPECT_EQ(md.find("holds no trade totals"), std::string::npos);
  EXPECT_NE(md.find("Flow by flow: for **2021**"), std::string::npos) << md.substr(md.find("## Economy"), 800);
  EXPECT_NE(md.find("| Kazakhstan's imports from China | **$8.3 billion**"), std::string::npos);
}

TEST(ReportEndToEnd, TextStatedFlowsJoinTheClaimsCheck) {
  // A text's "China's exports to Kazakhstan" figure is set beside the
  // registry's statement of the same goods as Kazakhstan's imports.
  TempWorkspace ws;
  SeedExample(ws);
  const auto text = ws.dir() / "flow.txt";
  WriteAll(text, "Kazakhstan and China trade grows\n\nASTANA, March 3, 2022. China's exports to Kazakhstan "
                 "reached $13.9 billion in 2021, according to Chinese customs.\n");
  auto ing = app::IngestText({ws.str(), {text.string()}}, Countries());
  ASSERT_TRUE(ing.ok()) << ing.status().ToString();
  const std::string md = WriteChnKaz(ws).md;
  // 13.9 against Kazakhstan's 8.3 (as imports): +67.5%.
  size_t row = md.find("| China's exports to Kazakhstan | **$13.9 billion**");
  ASSERT_NE(row, std::string::npos);
  std::string line = md.substr(row, md.find('\n', row) - row);
  EXPECT_NE(line.find("**$8.3 billion (Kazakhstan, as imports)**"), std::string::npos) << line;
  EXPECT_NE(line.find("**+67.5%**"), std::string::npos) << line;
}

TEST(ReportEndToEnd, TextDerivedFactsShowTheirEvidenceAndJoinThePulse) {
  TempWorkspace ws;
  const std::string seed = std::string(BILAT_SHARED_DIR) + "/corpus/dev/texts/00_seed.txt";
  auto ing = app::IngestText({ws.str(), {seed}}, Countries());
  ASSERT_TRUE(ing.ok()) << ing.status().ToString();
  ASSERT_EQ(ing->documents.size(), 1u);
  EXPECT_GT(ing->documents[0].items, 10u);
  EXPECT_GT(ing->documents[0].events, 0u);
  // The same document again is recognised by its content.
  auto again = app::IngestText({ws.str(), {seed}}, Countries());
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->documents[0].already_ingested);

  app::ReportOptions o;
  o.workspace = ws.str();
  o.a = "CHN";
  o.b = "KAZ";
  auto r = app::WriteReport(o, Countries());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE(r->lint.empty()) << r->lint.front();
  std::string html = ReadAll(ws.dir() / "reports" / "CHN-KAZ.html");
  EXPECT_NE(html.find("Extracted visits and events, with their evidence"), std::string::npos);
  EXPECT_NE(html.find("Extracted figures, with their evidence"), std::string::npos);
  // The evidence is the document's own sentence, quoted.
  std::string text = ReadAll(seed);
  size_t at = html.find("<td>\u201c");
  ASSERT_NE(at, std::string::npos);
  std::string quoted = html.substr(at + 7, 40);
  EXPECT_NE(text.find(quoted.substr(0, 20)), std::string::npos) << quoted;
  // Text-coded events appear in the pulse as their own dataset.
  EXPECT_NE(html.find("<figure class=\"chart\" id=\"pulse-text\">"), std::string::npos);
  // And every generated number still carries a footnote.
  std::regex cited(
      "<span class=\"fig\">[^<]*</span><sup class=\"fn\"><a href=\"#src-[0-9]+\"[^>]*>[0-9]+</a>"
      "(,<a href=\"#src-[0-9]+\"[^>]*>[0-9]+</a>)*</sup>");
  std::regex tag("<[^>]*>|&[#a-zA-Z0-9]+;");
  for (const std::string& p : GeneratedParagraphs(html)) {
    std::string rest = std::regex_replace(std::regex_replace(p, cited, ""), tag, "");
    for (char c : rest) ASSERT_FALSE(c >= '0' && c <= '9') << "uncited digit in: " << rest;
  }
}

TEST(ReportEndToEnd, PairWithoutDataSaysSoPlainly) {
  TempWorkspace ws;
  app::ReportOptions o;
  o.workspace = ws.str();
  o.a = "CHN";
  o.b = "SRB";
  auto r = app::WriteReport(o, Countries());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  std::string md = ReadAll(ws.dir() / "reports" / "CHN-SRB.md");
  EXPECT_NE(md.find("The workspace holds no high-level exchanges between China and Serbia."), std::string::npos);
  EXPECT_NE(md.find("The workspace holds no trade totals for China and Serbia."), std::string::npos);
  EXPECT_NE(md.find("No event data (GDELT or ICEWS) are loaded for China and Serbia"), std::string::npos);
  EXPECT_TRUE(r->lint.empty());
}

// A full disk (the .tmp file is a link to /dev/full) fails the write with a
// message that says so, leaves no .tmp behind and no report in place.
TEST(ReportEndToEnd, FullDiskFailsCleanlyAndSaysSo) {
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full on this machine";
  TempWorkspace ws;
  SeedExample(ws);
  const fs::path out = ws.dir() / "full";
  fs::create_directories(out);
  fs::create_symlink("/dev/full", out / "CHN-KAZ.md.tmp");
  app::ReportOptions o;
  o.workspace = ws.str();
  o.a = "CHN";
  o.b = "KAZ";
  o.out_dir = out.string();
  o.formats = {"md"};
  auto r = app::WriteReport(o, Countries());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("the disk is full"), std::string::npos) << r.status().message();
  EXPECT_FALSE(fs::exists(out / "CHN-KAZ.md"));
  EXPECT_FALSE(fs::is_symlink(out / "CHN-KAZ.md.tmp"));
  EXPECT_FALSE(fs::exists(out / "CHN-KAZ.md.tmp"));
}

// The formats of one report are one set: when the second cannot be written,
// the first keeps its old content too (found by an outside audit: a failed
// write left a new HTML beside an old JSON).
TEST(ReportEndToEnd, AFailedFormatLeavesTheWholeOldSetAndNoTmp) {
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full on this machine";
  TempWorkspace ws;
  SeedExample(ws);
  const fs::path out = ws.dir() / "set";
  fs::create_directories(out);
  for (const char* name : {"CHN-KAZ.html", "CHN-KAZ.md", "CHN-KAZ.json"}) WriteAll(out / name, "old");
  fs::create_symlink("/dev/full", out / "CHN-KAZ.json.tmp");  // the last of the set fails
  app::ReportOptions o;
  o.workspace = ws.str();
  o.a = "CHN";
  o.b = "KAZ";
  o.out_dir = out.string();
  o.formats = {"html", "md", "json"};
  auto r = app::WriteReport(o, Countries());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("the disk is full"), std::string::npos) << r.status().message();
  for (const char* name : {"CHN-KAZ.html", "CHN-KAZ.md", "CHN-KAZ.json"}) {
    EXPECT_EQ(ReadAll(out / name), "old") << name;
    EXPECT_FALSE(fs::exists(out / (std::string(name) + ".tmp"))) << name;
    EXPECT_FALSE(fs::is_symlink(out / (std::string(name) + ".tmp"))) << name;
  }
  fs::remove(out / "CHN-KAZ.json.tmp");
  ASSERT_TRUE(app::WriteReport(o, Countries()).ok());  // and with room, all three are new
  for (const char* name : {"CHN-KAZ.html", "CHN-KAZ.md", "CHN-KAZ.json"}) EXPECT_NE(ReadAll(out / name), "old");
}

TEST(ReportEndToEnd, RefusesUnknownCountryAndFormat) {
  TempWorkspace ws;
  app::ReportOptions o;
  o.workspace = ws.str();
  o.a = "CHN";
  o.b = "Kazakhstn";
  auto r = app::WriteReport(o, Countries());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), "unknown country 'Kazakhstn' (did you mean Kazakhstan, KAZ?)");
  o.b = "KAZ";
  o.formats = {"docx"};
  EXPECT_EQ(app::WriteReport(o, Countries()).status().message(),
            "unknown report format 'docx' (use html, md, json, pdf)");
}

}  // namespace
}  // namespace bilat
