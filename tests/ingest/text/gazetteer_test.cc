#include "ingest/text/gazetteer.h"

#include <gtest/gtest.h>

#include "core/text.h"
#include "ingest/text/unicode.h"

namespace bilat::text {
namespace {

const Gazetteer& Gaz() {
  static std::shared_ptr<const Gazetteer> g = [] {
    auto countries = CountryRegistry::LoadDefault();
    EXPECT_TRUE(countries.ok()) << countries.status().message();
    auto r = Gazetteer::Load(std::string(BILAT_SOURCE_DIR) + "/data", **countries);
    EXPECT_TRUE(r.ok()) << r.status().message();
    return *r;
  }();
  return *g;
}

struct Found {
  std::string text;
  EntityKind kind;
  std::string country;
};

std::vector<Found> Match(const std::string& raw) {
  std::string text = Normalize(raw).text;
  std::string lower = ToLower(text);
  std::vector<Token> toks;
  Tokenize(text, 0, text.size(), &toks);
  std::vector<Mention> ms;
  Gaz().Match(text, lower, toks, 0, static_cast<uint32_t>(toks.size()), &ms);
  std::vector<Found> out;
  for (const Mention& m : ms) {
    std::string t = text.substr(toks[m.begin].begin, toks[m.end - 1].end - toks[m.begin].begin);
    out.push_back({t, m.entity->kind, m.entity->country >= 0 ? Gaz().Alpha3(m.entity->country) : ""});
  }
  return out;
}

std::string LeaderName(const std::string& country, const std::string& role, TextDate date) {
  int id = Gaz().ResolveRole(Gaz().CountryId(country), role, date);
  return id < 0 ? "" : Gaz().leader(id).name;
}

TEST(Gazetteer, ResolvesHeadOfStateByDate) {
  EXPECT_EQ(LeaderName("KAZ", "president", TextDate::Year(2015)), "Nursultan Nazarbayev");
  EXPECT_EQ(LeaderName("KAZ", "president", TextDate::Month(2019, 6)), "Kassym-Jomart Tokayev");
  EXPECT_EQ(LeaderName("CHN", "president", TextDate::Year(2015)), "Xi Jinping");
  EXPECT_EQ(LeaderName("CHN", "president", TextDate::Year(2010)), "Hu Jintao");
  EXPECT_EQ(LeaderName("KAZ", "leader", TextDate::Day(2023, 5, 17)), "Kassym-Jomart Tokayev");
}

TEST(Gazetteer, ResolvesPrimeMinistersAcrossTerms) {
  EXPECT_EQ(LeaderName("PAK", "prime_minister", TextDate::Month(2022, 11)), "Shehbaz Sharif");
  EXPECT_EQ(LeaderName("PAK", "prime_minister", TextDate::Year(2019)), "Imran Khan");
  EXPECT_EQ(LeaderName("RUS", "prime_minister", TextDate::Year(2010)), "Vladimir Putin");
  EXPECT_EQ(LeaderName("CHN", "foreign_minister", TextDate::Month(2023, 3)), "Qin Gang");
}

TEST(Gazetteer, UnknownRoleOrDateResolvesToNobody) {
  EXPECT_EQ(LeaderName("KAZ", "president", TextDate::Year(1950)), "");
}

TEST(Gazetteer, FindsLeadersBySurname) {
  std::vector<int> ids = Gaz().FindLeaders("Tokayev");
  ASSERT_EQ(ids.size(), 1u);
  EXPECT_EQ(Gaz().leader(ids[0]).name, "Kassym-Jomart Tokayev");
  EXPECT_EQ(Gaz().leader(Gaz().FindLeaders("Vučić")[0]).country, Gaz().CountryId("SRB"));
}

TEST(Gazetteer, MatchesNamesAdjectivesCapitalsAndRegions) {
  auto f = Match("Kazakh officials in Nur-Sultan met Chinese delegations from Xinjiang in Xi'an.");
  ASSERT_EQ(f.size(), 5u);
  EXPECT_EQ(f[0].kind, EntityKind::kCountryAdj);
  EXPECT_EQ(f[0].country, "KAZ");
  EXPECT_EQ(f[1].text, "Nur-Sultan");
  EXPECT_EQ(f[1].kind, EntityKind::kCapital);
  EXPECT_EQ(f[3].kind, EntityKind::kRegion);
  EXPECT_EQ(f[3].country, "CHN");
  EXPECT_EQ(f[4].text, "Xi'an");
  EXPECT_EQ(f[4].kind, EntityKind::kCity);
}

TEST(Gazetteer, PrefersTheLongestName) {
  auto f = Match("the China Construction Bank and the People's Bank of China");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].kind, EntityKind::kOrganisation);
  EXPECT_EQ(f[1].text, "People's Bank of China");
}

TEST(Gazetteer, AcronymsMustBeInCapitals) {
  auto f = Match("The US and the SCO told us so.");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].country, "USA");
  EXPECT_EQ(f[1].kind, EntityKind::kOrganisation);
}

TEST(Gazetteer, NamesNeedACapitalLetter) {
  EXPECT_TRUE(Match("a china cup and a turkey dinner").empty());
}

TEST(Gazetteer, RoleTitlesMatchInLowerCase) {
  auto f = Match("the president met his counterpart");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].kind, EntityKind::kRole);
}

TEST(Gazetteer, GroupsNameTheirMembers) {
  auto f = Match("trade with Central Asia");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].kind, EntityKind::kGroup);
}

}  // namespace
}  // namespace bilat::text
