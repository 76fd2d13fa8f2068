#include "core/country.h"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <unistd.h>

#include "core/text.h"

namespace bilat {
namespace {

namespace fs = std::filesystem;

const char kIsoJson[] = "/usr/share/iso-codes/json/iso_3166-1.json";

// The default registry, loaded once for the whole test program.
const CountryRegistry& Countries() {
  static const std::shared_ptr<const CountryRegistry> reg = [] {
    auto r = CountryRegistry::LoadDefault();
    if (!r.ok()) {
      ADD_FAILURE() << r.status().ToString();
      return std::shared_ptr<const CountryRegistry>();
    }
    return *r;
  }();
  if (!reg) std::abort();
  return *reg;
}

std::string Alpha3(std::string_view name) {
  const Country* c = Countries().Find(name);
  return c ? c->alpha3 : "(not found)";
}

// A file under a fresh temporary folder, removed with the folder.
class TempFile {
 public:
  explicit TempFile(const std::string& contents) {
    static std::atomic<int> counter{0};
    dir_ = fs::temp_directory_path() /
           ("bilat_country_test_" + std::to_string(::getpid()) + "_" +
            std::to_string(counter++));
    fs::create_directories(dir_);
    path_ = (dir_ / "aliases.tsv").string();
    std::ofstream(path_, std::ios::binary) << contents;
  }
  ~TempFile() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  fs::path dir_;
  std::string path_;
};

TEST(CountryRegistry, LoadsEveryIsoCountry) {
  EXPECT_EQ(Countries().size(), 249u);
}

TEST(CountryRegistry, ResolvesCodesInAnyCase) {
  EXPECT_EQ(Alpha3("KAZ"), "KAZ");
  EXPECT_EQ(Alpha3("kaz"), "KAZ");
  EXPECT_EQ(Alpha3("kz"), "KAZ");
  EXPECT_EQ(Alpha3("KZ"), "KAZ");
  EXPECT_EQ(Alpha3("398"), "KAZ");
  EXPECT_EQ(Alpha3("156"), "CHN");
}

TEST(CountryRegistry, ResolvesIsoAndOfficialNames) {
  EXPECT_EQ(Alpha3("Kazakhstan"), "KAZ");
  EXPECT_EQ(Alpha3("Republic of Kazakhstan"), "KAZ");
  EXPECT_EQ(Alpha3("Kyrgyz Republic"), "KGZ");          // ISO official name
  EXPECT_EQ(Alpha3("Korea, Republic of"), "KOR");       // ISO name
  EXPECT_EQ(Alpha3("People's Republic of China"), "CHN");
}

TEST(CountryRegistry, ResolvesAliases) {
  EXPECT_EQ(Alpha3("Kazakh"), "KAZ");
  EXPECT_EQ(Alpha3("PRC"), "CHN");
  EXPECT_EQ(Alpha3("Chinese"), "CHN");
  EXPECT_EQ(Alpha3("Republic of Korea"), "KOR");
  EXPECT_EQ(Alpha3("Kazakstan"), "KAZ");
}

TEST(CountryRegistry, IgnoresLeadingTheCaseAndRepeatedSpaces) {
  EXPECT_EQ(Alpha3("the Netherlands"), "NLD");
  EXPECT_EQ(Alpha3("The Netherlands"), "NLD");
  EXPECT_EQ(Alpha3("  kyrgyz   REPUBLIC "), "KGZ");
}

TEST(CountryRegistry, FoldsTypographicApostrophe) {
  EXPECT_EQ(Alpha3("People\xE2\x80\x99s Republic of China"), "CHN");
}

TEST(CountryRegistry, FindReturnsNullForUnknownName) {
  EXPECT_EQ(Countries().Find("Atlantis"), nullptr);
  EXPECT_EQ(Countries().Find(""), nullptr);
}

TEST(CountryRegistry, DisplayNameComesFromAliasTableThenCommonName) {
  EXPECT_EQ(Countries().Find("RUS")->display_name, "Russia");       // alias marked display
  EXPECT_EQ(Countries().Find("KOR")->display_name, "South Korea");  // alias marked display
  EXPECT_EQ(Countries().Find("TWN")->display_name, "Taiwan");       // ISO common_name
  EXPECT_EQ(Countries().Find("KAZ")->display_name, "Kazakhstan");   // ISO name
}

TEST(CountryRegistry, ResolveSuggestsClosestName) {
  Result<const Country*> c = Countries().Resolve("Kazakhstn");
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(c.status().message(), "unknown country 'Kazakhstn' (did you mean Kazakhstan, KAZ?)");
}

TEST(CountryRegistry, ResolveSuggestionUsesDisplayName) {
  Result<const Country*> c = Countries().Resolve("Russsia");
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().message(), "unknown country 'Russsia' (did you mean Russia, RUS?)");
}

TEST(CountryRegistry, ResolveGarbageGivesAHint) {
  Result<const Country*> c = Countries().Resolve("Qwxzvbn");
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().message(),
            "unknown country 'Qwxzvbn' (use an ISO 3166-1 code such as KAZ, or a name in "
            "data/country_aliases.tsv)");
}

TEST(CountryRegistry, ResolveReturnsTheCountry) {
  Result<const Country*> c = Countries().Resolve("Kazakh");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ((*c)->alpha3, "KAZ");
  EXPECT_EQ((*c)->alpha2, "KZ");
  EXPECT_EQ((*c)->numeric, "398");
  EXPECT_EQ((*c)->name, "Kazakhstan");
}

TEST(CountryRegistry, EveryCountryHasUniqueCodesThatResolveToIt) {
  std::set<std::string> alpha3, alpha2, numeric;
  for (const Country& c : Countries().countries()) {
    EXPECT_EQ(c.alpha3.size(), 3u) << c.name;
    EXPECT_EQ(c.alpha2.size(), 2u) << c.name;
    EXPECT_EQ(c.numeric.size(), 3u) << c.name;
    EXPECT_TRUE(alpha3.insert(c.alpha3).second) << "duplicate alpha-3 " << c.alpha3;
    EXPECT_TRUE(alpha2.insert(c.alpha2).second) << "duplicate alpha-2 " << c.alpha2;
    EXPECT_TRUE(numeric.insert(c.numeric).second) << "duplicate numeric " << c.numeric;
    EXPECT_EQ(Countries().Find(c.alpha3), &c) << c.alpha3;
    EXPECT_EQ(Countries().Find(c.alpha2), &c) << c.alpha2;
    EXPECT_EQ(Countries().Find(c.numeric), &c) << c.numeric;
    EXPECT_FALSE(c.display_name.empty()) << c.alpha3;
  }
}

TEST(CountryRegistry, EveryAliasInTheTableResolvesToItsCountry) {
  const std::string path = std::string(BILAT_SOURCE_DIR) + "/data/country_aliases.tsv";
  std::ifstream in(path);
  ASSERT_TRUE(in) << path;
  std::string line;
  int aliases = 0;
  for (int line_no = 1; std::getline(in, line); ++line_no) {
    std::string_view l = Trim(line);
    if (l.empty() || l[0] == '#') continue;
    std::vector<std::string_view> cells = Split(l, '\t');
    ASSERT_GE(cells.size(), 2u) << path << ":" << line_no;
    EXPECT_EQ(Alpha3(cells[0]), std::string(Trim(cells[1]))) << path << ":" << line_no;
    ++aliases;
  }
  EXPECT_GT(aliases, 100);
}

TEST(CountryRegistryLoad, BadAlpha3NamesFileAndLine) {
  TempFile f("# comment\nKazakh\tKAZ\nFooland\tXYZ\n");
  auto r = CountryRegistry::Load(kIsoJson, f.path());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kCorruption);
  EXPECT_EQ(r.status().message(), f.path() + ":3: 'XYZ' is not an ISO alpha-3 code");
}

TEST(CountryRegistryLoad, AlphaTwoCodeIsNotAnAlpha3) {
  TempFile f("Kazakh\tKZ\n");
  auto r = CountryRegistry::Load(kIsoJson, f.path());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), f.path() + ":1: 'KZ' is not an ISO alpha-3 code");
}

// Regression: alias table accepts a numeric code as alpha-3 (fixed).
TEST(CountryRegistryLoad, NumericCodeIsNotAnAlpha3) {
  TempFile f("Kazakh\t398\n");
  auto r = CountryRegistry::Load(kIsoJson, f.path());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), f.path() + ":1: '398' is not an ISO alpha-3 code");
}

TEST(CountryRegistryLoad, WrongCellCountNamesFileAndLine) {
  TempFile f("Kazakh\tKAZ\n\nKazakh only\n");
  auto r = CountryRegistry::Load(kIsoJson, f.path());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(),
            f.path() + ":3: expected ALIAS<TAB>ALPHA3[<TAB>FLAGS], FLAGS display and/or the, comma-separated");
}

TEST(CountryRegistryLoad, FlagsSetTheDisplayNameAndTheArticle) {
  TempFile f("United States\tUSA\tdisplay,the\nPhilippines\tPHL\tthe\nKazakh\tKAZ\n");
  auto r = CountryRegistry::Load(kIsoJson, f.path());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)->Find("USA")->ProseName(), "the United States");
  EXPECT_EQ((*r)->Find("PHL")->ProseName(), "the Philippines");
  EXPECT_EQ((*r)->Find("PHL")->display_name, "Philippines");
  EXPECT_EQ((*r)->Find("KAZ")->ProseName(), "Kazakhstan");
}

TEST(CountryRegistryLoad, UnknownFlagNamesIt) {
  TempFile f("Kazakh\tKAZ\tdisplay,an\n");
  auto r = CountryRegistry::Load(kIsoJson, f.path());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), f.path() + ":1: unknown flag 'an' (expected display and/or the)");
}

TEST(CountryRegistryLoad, AliasNamingTwoCountriesIsAnError) {
  TempFile f("Stan\tKAZ\nStan\tKGZ\n");
  auto r = CountryRegistry::Load(kIsoJson, f.path());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), f.path() + ":2: alias 'Stan' already names KAZ");
}

TEST(CountryRegistryLoad, AliasMayNotRenameAnIsoCode) {
  TempFile f("KGZ\tKAZ\n");
  auto r = CountryRegistry::Load(kIsoJson, f.path());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), f.path() + ":1: alias 'KGZ' already names KGZ");
}

TEST(CountryRegistryLoad, MissingAliasFileIsNotFound) {
  auto r = CountryRegistry::Load(kIsoJson, "/nonexistent/aliases.tsv");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(r.status().message(),
            "/nonexistent/aliases.tsv: cannot open the country alias table (set "
            "BILAT_DATA_DIR to bilat's data folder)");
}

TEST(CountryRegistryLoad, MissingIsoFileIsNotFound) {
  TempFile f("");
  auto r = CountryRegistry::Load("/nonexistent/iso.json", f.path());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  EXPECT_NE(r.status().message().find("/nonexistent/iso.json: cannot open the ISO 3166-1 list"),
            std::string::npos);
}

TEST(CountryRegistryLoad, IsoFileThatIsNotJsonIsCorruption) {
  TempFile f("not json at all");
  auto r = CountryRegistry::Load(f.path(), f.path());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kCorruption);
  EXPECT_EQ(r.status().message().rfind(f.path() + ": not the iso-codes 3166-1 JSON: ", 0), 0u)
      << r.status().message();
}

TEST(CountryRegistryLoad, DisplayMarkSetsTheDisplayName) {
  TempFile f("Qazaqstan\tKAZ\tdisplay\n");
  auto r = CountryRegistry::Load(kIsoJson, f.path());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)->Find("KAZ")->display_name, "Qazaqstan");
  EXPECT_EQ((*r)->Find("qazaqstan")->alpha3, "KAZ");
}

}  // namespace
}  // namespace bilat
