#include "ingest/text/petrarch.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "ingest/text/cameo.h"

namespace bilat::text {
namespace {

// Writes `content` to a temporary file that lives as long as the object.
class DictFile {
 public:
  DictFile(const std::string& name, const std::string& content)
      : path_((std::filesystem::temp_directory_path() / ("bilat-petr-" + std::to_string(::getpid()) + "-" + name)).string()) {
    std::ofstream(path_, std::ios::binary) << content;
  }
  ~DictFile() { std::filesystem::remove(path_); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

TEST(PetrarchActors, ReadsSynonymsAndDatedCodes) {
  DictFile f("actors.txt",
             "<!-- a comment\n spanning lines -->\n"
             "NORLAND_  [NRL]\n+NORLANDIC_\n+NORTH_CITY # a capital\n"
             "ADA_MORROW_  # CountryInfo.txt\n\t[NRLELI 850101-001231]\n\t[NRLGOV >010101]\n"
             "BEN_SAND_\n\t[NRLGOV 19950601 - 19990815]\n\t[NRLREB]\n");
  PetrarchDictionaries d;
  std::vector<DictionaryIssue> issues;
  ASSERT_TRUE(d.LoadActors(f.path(), &issues).ok());
  EXPECT_TRUE(issues.empty());
  ASSERT_EQ(d.actors().size(), 3u);
  EXPECT_EQ(d.actors()[0].phrases.size(), 3u);
  EXPECT_EQ(d.actors()[0].phrases[2], (std::vector<std::string>{"NORTH", "CITY"}));
  EXPECT_EQ(d.actors()[1].CodeOn(TextDate::Year(1990)), "NRLELI");
  EXPECT_EQ(d.actors()[1].CodeOn(TextDate::Day(2005, 3, 1)), "NRLGOV");
  EXPECT_EQ(d.actors()[2].CodeOn(TextDate::Year(1997)), "NRLGOV");
  EXPECT_EQ(d.actors()[2].CodeOn(TextDate::Year(2005)), "NRLREB");
}

TEST(PetrarchActors, MalformedRestrictionIsAnIssueWithItsLine) {
  DictFile f("bad_actors.txt", "NORLAND_ [NRL]\n\t[950601-990815]\n");
  PetrarchDictionaries d;
  std::vector<DictionaryIssue> issues;
  ASSERT_TRUE(d.LoadActors(f.path(), &issues).ok());
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].line, 2);
  EXPECT_EQ(issues[0].reason, "restriction [950601-990815] has no actor code");
}

TEST(PetrarchAgents, ExpandsMacrosPluralsAndPrefixes) {
  DictFile f("agents.txt",
             "!PERSON! = MAN, WOMAN\n"
             "FOREIGN_MINISTER [~GOVFRM] # note\n"
             "POLICE {} [ ~COP]\n"
             "PORT!PERSON! [~BUS]\n"
             "AIDGROUP {}  [NGO~]\n");
  PetrarchDictionaries d;
  std::vector<DictionaryIssue> issues;
  ASSERT_TRUE(d.LoadAgents(f.path(), &issues).ok());
  ASSERT_EQ(d.agents().size(), 4u);
  EXPECT_EQ(d.agents()[0].code, "GOVFRM");
  EXPECT_EQ(d.agents()[0].phrases[1], (std::vector<std::string>{"FOREIGN", "MINISTERS"}));
  EXPECT_EQ(d.agents()[1].phrases.size(), 1u);  // "{}": no plural
  EXPECT_EQ(d.agents()[2].phrases[0], (std::vector<std::string>{"PORTMAN"}));
  EXPECT_TRUE(d.agents()[3].prefix);
}

TEST(PetrarchVerbs, ReadsBlocksSynsetsFormsAndPatterns) {
  DictFile f("verbs.txt",
             "&TIEKIND\n+TRADE\n+CULTURAL_\n\n"
             "--- MEND  [060]  ---\n"
             "MEND {MENDS MENDED MENDING}\n"
             "+PATCH_UP [061]\n"
             "- * &TIEKIND TIES  [064] # mend trade ties\n"
             "- REFUSED_TO *  [125]\n");
  PetrarchDictionaries d;
  std::vector<DictionaryIssue> issues;
  ASSERT_TRUE(d.LoadPetrarchVerbs(f.path(), &issues).ok());
  EXPECT_TRUE(issues.empty());
  ASSERT_EQ(d.verbs().size(), 2u);
  EXPECT_EQ(d.verbs()[0].code, "060");
  EXPECT_EQ(d.verbs()[0].forms.size(), 4u);
  EXPECT_EQ(d.verbs()[1].lemma, "PATCH");
  EXPECT_EQ(d.verbs()[1].particle, (std::vector<std::string>{"UP"}));
  EXPECT_EQ(d.verbs()[1].code, "061");
  ASSERT_EQ(d.verbs()[0].patterns.size(), 2u);
  EXPECT_EQ(d.verbs()[0].patterns[0].code, "064");
  // The synset expands to its members and their plurals ("CULTURAL_" has none).
  EXPECT_EQ(d.verbs()[0].patterns[0].after[0], (std::vector<std::string>{"TRADE", "TRADES", "CULTURAL"}));
}

TEST(TabariVerbs, ReadsStemsAndPatternsWithCrlf) {
  DictFile f("tabari.verbs", "ABANDON  [---] ;OY 25 Jul 2003\r\n- * TRUCE  [196]\r\n- CREW * SHIP  [---] ;ab\r\nACCELERAT  [---]\r\n");
  PetrarchDictionaries d;
  std::vector<DictionaryIssue> issues;
  ASSERT_TRUE(d.LoadTabariVerbs(f.path(), &issues).ok());
  ASSERT_EQ(d.verbs().size(), 2u);
  EXPECT_EQ(d.verbs()[0].patterns.size(), 2u);
  EXPECT_EQ(d.verbs()[0].patterns[0].code, "196");
  d.BuildIndexes();
  EXPECT_TRUE(d.verb_forms().count("ACCELERATED"));
}

TEST(PatternCoder, CodesSourceVerbPatternTarget) {
  DictFile actors("c_actors.txt", "NORLAND_ [NRL]\nSOUTHIA_ [STH]\n");
  DictFile agents("c_agents.txt", "ENVOY [~GOV]\n");
  DictFile verbs("c_verbs.txt", "--- MEND  [060]  ---\nMEND\n- * TRADE TIES  [064]\n\n--- VISIT [042] ---\nVISIT\n");
  auto d = std::make_shared<PetrarchDictionaries>();
  std::vector<DictionaryIssue> issues;
  ASSERT_TRUE(d->LoadActors(actors.path(), &issues).ok());
  ASSERT_TRUE(d->LoadAgents(agents.path(), &issues).ok());
  ASSERT_TRUE(d->LoadPetrarchVerbs(verbs.path(), &issues).ok());
  d->BuildIndexes();
  PatternCoder coder(d);
  EXPECT_EQ(coder.Code("Norland mended its trade ties with Southia.", {}),
            (std::vector<Coding>{{"NRL", "STH", "064"}}));
  EXPECT_EQ(coder.Code("The Norland envoy visited Southia.", {}), (std::vector<Coding>{{"NRLGOV", "STH", "042"}}));
  EXPECT_TRUE(coder.Code("Norland rested.", {}).empty());
}

TEST(CameoTable, ReadsGdeltLookupsWithTheirQuirks) {
  const std::string dir = std::string(BILAT_SHARED_DIR) + "/data/gdelt/lookups/";
  auto t = CameoTable::LoadGdelt(dir + "CAMEO.eventcodes.txt", dir + "CAMEO.goldsteinscale.txt");
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_GT(t->size(), 300u);
  EXPECT_DOUBLE_EQ(*t->Goldstein("057"), 8.0);
  EXPECT_EQ(t->Label("044"), "Meet at a \"third\" location");
  EXPECT_EQ(t->Label("042"), "Make a visit");
  EXPECT_FALSE(t->Goldstein("42").has_value());  // codes are strings
}

TEST(CameoTable, ShippedTableCoversEveryEventKind) {
  auto t = CameoTable::LoadTsv(std::string(BILAT_SOURCE_DIR) + "/data/text/cameo.tsv");
  ASSERT_TRUE(t.ok()) << t.status().message();
  for (const char* code : {"010", "040", "042", "050", "057", "061"}) EXPECT_TRUE(t->Goldstein(code)) << code;
}

TEST(CameoTable, BadGoldsteinValueNamesTheLine) {
  DictFile f("cameo.tsv", "# comment\n042\t1.9\n043\tlots\n");
  auto t = CameoTable::LoadTsv(f.path());
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().message(), f.path() + ":3: GOLDSTEIN must be a number from -10 to 10");
}

}  // namespace
}  // namespace bilat::text
