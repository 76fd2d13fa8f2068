// ComputeIndex on a series built by hand, every number checked against a
// value worked out below; LoadIndexSettings and its errors; ReadWarmth's
// cut points.
#include "index/relations_index.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>

namespace bilat::index {
namespace {

namespace fs = std::filesystem;

constexpr double kTol = 1e-6;

// The series (three partners, 2019 and 2020), with the transformed value t
// each raw value becomes:
//
//   weight axis                  trade (USD; t = log10(1 + x/1e6))   exchanges (count; t = log10(1 + x))
//     USA 2019, 2020             999e6 -> 3, 999e6 -> 3               99 -> 2, 99 -> 2
//     PAK 2019, 2020              99e6 -> 2,  99e6 -> 2                9 -> 1,  0 -> 0
//     KAZ 2019, 2020               9e6 -> 1,   9e6 -> 1                9 -> 1,  (missing)
//   warmth axis                  unga (share; t = x)                  visa (share; t = x)
//     USA 2019, 2020             0.1, 0.3                             0, 0
//     PAK 2019, 2020             0.8, 0.6                             0.5, 0.5
//     KAZ 2019, 2020             0.5, 0.7                             1, 1
//
// z-scores pooled over the partner-years that have a value, sample sd:
//   trade:     mean 2, deviations 1,1,0,0,-1,-1, var 4/5 = 0.8      z = +-1/sqrt(0.8) = +-1.118034, 0
//   exchanges: 5 values (KAZ 2020 is missing, not zero): mean 6/5 = 1.2,
//              deviations .8,.8,-.2,-1.2,-.2, var 2.8/4 = 0.7
//              z: USA .8/sqrt(.7) = 0.956183, PAK 2019 and KAZ 2019 -0.239046, PAK 2020 -1.434274
//   unga:      mean 3/6 = 0.5, deviations -.4,-.2,.3,.1,0,.2, var .34/5 = 0.068 (sd 0.260768)
//              z: USA -1.533930, -0.766965; PAK 1.150447, 0.383482; KAZ 0, 0.766965
//   visa:      mean 0.5, deviations -.5,-.5,0,0,.5,.5, var 1/5 = 0.2  z = -+1.118034, 0
const double kTradeZ = 1 / std::sqrt(0.8);
const double kSdExchanges = std::sqrt(0.7);
const double kSdUnga = std::sqrt(0.068);
const double kVisaZ = 0.5 / std::sqrt(0.2);

SeriesComponents HandSeries() {
  SeriesComponents s;
  s.country = "CHN";
  s.partners = {"KAZ", "PAK", "USA"};
  for (const ComponentSpec& spec : ComponentSpecs()) s.components.push_back(ComponentValues{&spec, {}, 0, 0, {}});
  auto set = [&](const std::string& id, const std::string& partner, int year, double value) {
    for (ComponentValues& c : s.components) {
      if (c.spec->id != id) continue;
      c.cells[partner][year] = Cell{value, 1, false, year};
      c.first_year = 2019, c.last_year = 2020;
    }
  };
  for (int y : {2019, 2020}) {
    set("trade", "USA", y, 999e6);
    set("trade", "PAK", y, 99e6);
    set("trade", "KAZ", y, 9e6);
    set("exchanges", "USA", y, 99);
    set("visa", "USA", y, 0);
    set("visa", "PAK", y, 0.5);
    set("visa", "KAZ", y, 1);
  }
  set("exchanges", "PAK", 2019, 9);
  set("exchanges", "PAK", 2020, 0);
  set("exchanges", "KAZ", 2019, 9);  // KAZ 2020: no value
  set("unga", "USA", 2019, 0.1);
  set("unga", "USA", 2020, 0.3);
  set("unga", "PAK", 2019, 0.8);
  set("unga", "PAK", 2020, 0.6);
  set("unga", "KAZ", 2019, 0.5);
  set("unga", "KAZ", 2020, 0.7);
  return s;
}

// Only the four components of the hand series weigh (1 each).
IndexSettings FourComponents(int min_components = 2) {
  IndexSettings s = DefaultIndexSettings();
  for (auto& [id, w] : s.weights) w = 0;
  for (const char* id : {"trade", "exchanges", "unga", "visa"}) s.weights[id] = 1;
  s.min_components = min_components;
  return s;
}

const IndexRow& Row(const RelationsIndex& index, const std::string& partner, int year) {
  for (const IndexRow& r : index.rows) {
    if (r.partner == partner && r.year == year) return r;
  }
  ADD_FAILURE() << "no row " << partner << " " << year;
  static IndexRow none;
  return none;
}

const ComponentScore* Component(const IndexRow& row, const std::string& id) {
  for (const ComponentScore& c : row.components) {
    if (c.spec->id == id) return &c;
  }
  return nullptr;
}

const ComponentScale& Scale(const RelationsIndex& index, const std::string& id) {
  for (const ComponentScale& s : index.scales) {
    if (s.spec->id == id) return s;
  }
  ADD_FAILURE() << "no scale " << id;
  static ComponentScale none;
  return none;
}

TEST(RelationsIndex, PoolsZScoresOverPartnerYearsWithSampleSd) {
  RelationsIndex index = ComputeIndex(HandSeries(), FourComponents());
  EXPECT_EQ(Scale(index, "trade").values, 6);
  EXPECT_NEAR(Scale(index, "trade").centre, 2, kTol);
  EXPECT_NEAR(Scale(index, "trade").spread, std::sqrt(0.8), kTol);
  // The missing KAZ 2020 is not a zero: five values, mean 1.2.
  EXPECT_EQ(Scale(index, "exchanges").values, 5);
  EXPECT_EQ(Scale(index, "exchanges").partners, 3);
  EXPECT_NEAR(Scale(index, "exchanges").centre, 1.2, kTol);
  EXPECT_NEAR(Scale(index, "exchanges").spread, kSdExchanges, kTol);
  EXPECT_NEAR(Scale(index, "unga").centre, 0.5, kTol);
  EXPECT_NEAR(Scale(index, "unga").spread, kSdUnga, kTol);

  const IndexRow& usa = Row(index, "USA", 2019);
  ASSERT_NE(Component(usa, "trade"), nullptr);
  EXPECT_NEAR(Component(usa, "trade")->raw, 999e6, 1e-3);
  EXPECT_NEAR(Component(usa, "trade")->normalised, kTradeZ, kTol);  // 1.118034
  EXPECT_NEAR(Component(usa, "exchanges")->normalised, 0.8 / kSdExchanges, kTol);  // 0.956183
  EXPECT_NEAR(Component(usa, "unga")->normalised, -0.4 / kSdUnga, kTol);  // -1.533930
  EXPECT_NEAR(Component(usa, "visa")->normalised, -kVisaZ, kTol);
  EXPECT_NEAR(Component(Row(index, "PAK", 2020), "exchanges")->normalised, -1.2 / kSdExchanges, kTol);
}

TEST(RelationsIndex, AxisIsTheWeightedMeanWithALeaveOneOutBand) {
  RelationsIndex index = ComputeIndex(HandSeries(), FourComponents());
  // USA 2019 weight: (1.118034 + 0.956183) / 2 = 1.037108; leaving out
  // trade 0.956183, leaving out exchanges 1.118034.
  const IndexRow& usa = Row(index, "USA", 2019);
  ASSERT_TRUE(usa.weight.score);
  EXPECT_NEAR(*usa.weight.score, (kTradeZ + 0.8 / kSdExchanges) / 2, kTol);
  EXPECT_NEAR(*usa.weight.score, 1.037108, 1e-6);
  EXPECT_NEAR(usa.weight.low, 0.8 / kSdExchanges, kTol);
  EXPECT_NEAR(usa.weight.high, kTradeZ, kTol);
  EXPECT_EQ(usa.weight.components, 2);
  // PAK 2020 weight: (0 - 1.434274) / 2 = -0.717137, band [-1.434274, 0].
  const IndexRow& pak = Row(index, "PAK", 2020);
  EXPECT_NEAR(*pak.weight.score, -0.717137, 1e-6);
  EXPECT_NEAR(pak.weight.low, -1.2 / kSdExchanges, kTol);
  EXPECT_NEAR(pak.weight.high, 0, kTol);
  // KAZ 2019 weight: (-1.118034 - 0.239046) / 2 = -0.678540.
  EXPECT_NEAR(*Row(index, "KAZ", 2019).weight.score, -0.678540, 1e-6);
  // Warmth: USA 2019 (-1.533930 - 1.118034) / 2 = -1.325982; PAK 2019
  // (1.150447 + 0) / 2 = 0.575224; KAZ 2020 (0.766965 + 1.118034) / 2 = 0.942500.
  EXPECT_NEAR(*usa.warmth.score, -1.325982, 1e-6);
  EXPECT_NEAR(usa.warmth.low, -1.533930, 1e-6);
  EXPECT_NEAR(usa.warmth.high, -1.118034, 1e-6);
  EXPECT_NEAR(*Row(index, "PAK", 2019).warmth.score, 0.575224, 1e-6);
  EXPECT_NEAR(*Row(index, "KAZ", 2020).warmth.score, 0.942500, 1e-6);
  EXPECT_NEAR(*Row(index, "USA", 2020).warmth.score, -0.942500, 1e-6);
}

TEST(RelationsIndex, MissingComponentIsListedAndTheAxisNeedsMinComponents) {
  RelationsIndex index = ComputeIndex(HandSeries(), FourComponents());
  const IndexRow& kaz = Row(index, "KAZ", 2020);
  EXPECT_EQ(kaz.missing, std::vector<std::string>{"exchanges"});
  EXPECT_EQ(Component(kaz, "exchanges"), nullptr);
  EXPECT_EQ(kaz.weight.components, 1);
  EXPECT_FALSE(kaz.weight.score);  // one component, two needed
  EXPECT_FALSE(kaz.weight.rank);
  EXPECT_TRUE(kaz.warmth.score);
  EXPECT_TRUE(Row(index, "KAZ", 2019).missing.empty());

  // With one component enough, KAZ 2020 weighs trade alone (-1.118034);
  // counting the missing exchanges as zero would have given another number.
  RelationsIndex one = ComputeIndex(HandSeries(), FourComponents(1));
  const IndexRow& kaz1 = Row(one, "KAZ", 2020);
  ASSERT_TRUE(kaz1.weight.score);
  EXPECT_NEAR(*kaz1.weight.score, -kTradeZ, kTol);
  EXPECT_NEAR(kaz1.weight.low, -kTradeZ, kTol);
  EXPECT_NEAR(kaz1.weight.high, -kTradeZ, kTol);
  EXPECT_EQ(kaz1.missing, std::vector<std::string>{"exchanges"});
}

TEST(RelationsIndex, RanksPerYearAndRankChangeOnlyOnTheSameComponents) {
  RelationsIndex index = ComputeIndex(HandSeries(), FourComponents());
  // Weight 2019: USA 1.037, PAK -0.120, KAZ -0.679. 2020: USA, PAK; KAZ unscored.
  EXPECT_EQ(Row(index, "USA", 2019).weight.rank, 1);
  EXPECT_EQ(Row(index, "PAK", 2019).weight.rank, 2);
  EXPECT_EQ(Row(index, "KAZ", 2019).weight.rank, 3);
  EXPECT_EQ(Row(index, "USA", 2020).weight.rank, 1);
  EXPECT_EQ(Row(index, "PAK", 2020).weight.rank, 2);
  EXPECT_EQ(Row(index, "PAK", 2020).weight.rank_change, 0);
  EXPECT_FALSE(Row(index, "PAK", 2019).weight.rank_change);  // no year before
  // Warmth 2019: PAK 0.575, KAZ 0.559, USA -1.326; 2020: KAZ 0.943, PAK 0.192, USA -0.943.
  EXPECT_EQ(Row(index, "PAK", 2019).warmth.rank, 1);
  EXPECT_EQ(Row(index, "KAZ", 2019).warmth.rank, 2);
  EXPECT_EQ(Row(index, "USA", 2019).warmth.rank, 3);
  EXPECT_EQ(Row(index, "KAZ", 2020).warmth.rank, 1);
  EXPECT_EQ(Row(index, "PAK", 2020).warmth.rank, 2);
  EXPECT_EQ(Row(index, "KAZ", 2020).warmth.rank_change, 1);
  EXPECT_EQ(Row(index, "PAK", 2020).warmth.rank_change, -1);
  EXPECT_EQ(Row(index, "USA", 2020).warmth.rank_change, 0);

  // One component enough: KAZ 2020 is ranked (3rd) on trade alone, but its
  // 2019 rank rested on trade and exchanges, so no change is shown.
  RelationsIndex one = ComputeIndex(HandSeries(), FourComponents(1));
  EXPECT_EQ(Row(one, "KAZ", 2020).weight.rank, 3);
  EXPECT_EQ(Row(one, "KAZ", 2019).weight.rank, 3);
  EXPECT_FALSE(Row(one, "KAZ", 2020).weight.rank_change);
  EXPECT_EQ(Row(one, "PAK", 2020).weight.rank_change, 0);
}

TEST(RelationsIndex, YearsAndDefaultYear) {
  RelationsIndex index = ComputeIndex(HandSeries(), FourComponents());
  EXPECT_EQ(index.first_year, 2019);
  EXPECT_EQ(index.last_year, 2020);
  // 2020: two partners with both axes against three in 2019 (at least half).
  EXPECT_EQ(index.default_year, 2020);
  EXPECT_EQ(index.Year(2019).size(), 3u);
  EXPECT_EQ(index.Partner("PAK").size(), 2u);
}

TEST(RelationsIndex, MinMaxPutsEachComponentFromZeroToOne) {
  IndexSettings s = FourComponents();
  s.normalisation = Normalisation::kMinMax;
  RelationsIndex index = ComputeIndex(HandSeries(), s);
  // trade (t - 1) / 2: USA 1, PAK 0.5, KAZ 0; exchanges t / 2: USA 1,
  // PAK 2019 0.5, PAK 2020 0, KAZ 2019 0.5; unga (x - 0.1) / 0.7; visa x.
  EXPECT_NEAR(Scale(index, "trade").centre, 1, kTol);
  EXPECT_NEAR(Scale(index, "trade").spread, 2, kTol);
  EXPECT_NEAR(*Row(index, "USA", 2019).weight.score, 1, kTol);
  EXPECT_NEAR(*Row(index, "PAK", 2019).weight.score, 0.5, kTol);
  EXPECT_NEAR(*Row(index, "PAK", 2020).weight.score, 0.25, kTol);
  EXPECT_NEAR(*Row(index, "KAZ", 2019).weight.score, 0.25, kTol);
  // Warmth: USA 2019 (0 + 0) / 2 = 0; PAK 2020 (0.5/0.7 + 0.5) / 2 = 0.607143;
  // KAZ 2020 (0.6/0.7 + 1) / 2 = 0.928571.
  EXPECT_NEAR(*Row(index, "USA", 2019).warmth.score, 0, kTol);
  EXPECT_NEAR(*Row(index, "PAK", 2020).warmth.score, 0.607143, 1e-6);
  EXPECT_NEAR(*Row(index, "KAZ", 2020).warmth.score, 0.928571, 1e-6);
  // The ranks agree with the z-score ones here; the warmth reading is for z only.
  EXPECT_EQ(Row(index, "KAZ", 2020).warmth.rank, 1);
  EXPECT_FALSE(ReadWarmth(Row(index, "KAZ", 2020).warmth, Normalisation::kMinMax));
}

// A temporary file removed when the test ends.
class TempFile {
 public:
  explicit TempFile(const std::string& text) {
    std::random_device rd;
    path_ = (fs::temp_directory_path() / ("bilat-weights-" + std::to_string(rd()) + ".tsv")).string();
    std::ofstream(path_) << text;
  }
  ~TempFile() {
    std::error_code ec;
    fs::remove(path_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

TEST(IndexSettings, WeightsFileChangesTheScoreAndZeroDropsAComponent) {
  TempFile f(
      "# test weights\n"
      "normalisation\tz\n"
      "min_components 1\n"
      "weight\ttrade\t3\n"
      "weight exchanges 1\n"
      "weight unga 1\n"
      "weight visa 0\n");
  Result<IndexSettings> s = LoadIndexSettings(f.path());
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->path, f.path());
  EXPECT_EQ(s->min_components, 1);
  EXPECT_EQ(s->weights.at("trade"), 3);
  EXPECT_EQ(s->weights.at("investment"), 0);  // a component the file does not name weighs 0
  RelationsIndex index = ComputeIndex(HandSeries(), *s);
  // USA 2019 weight: (3 x 1.118034 + 0.956183) / 4 = 1.077571.
  const IndexRow& usa = Row(index, "USA", 2019);
  EXPECT_NEAR(*usa.weight.score, (3 * kTradeZ + 0.8 / kSdExchanges) / 4, kTol);
  EXPECT_NEAR(*usa.weight.score, 1.077571, 1e-6);
  // PAK 2020: (3 x 0 - 1.434274) / 4 = -0.358569.
  EXPECT_NEAR(*Row(index, "PAK", 2020).weight.score, -0.358569, 1e-6);
  // Visa weighs 0: not a component of the row, not missing, not in the mean:
  // warmth is UNGA alone (USA 2019: -1.533930).
  EXPECT_EQ(Component(usa, "visa"), nullptr);
  EXPECT_TRUE(usa.missing.empty());
  EXPECT_EQ(usa.warmth.components, 1);
  EXPECT_NEAR(*usa.warmth.score, -0.4 / kSdUnga, kTol);
}

TEST(IndexSettings, TheShippedFileLoads) {
  Result<IndexSettings> s = LoadIndexSettings(std::string(BILAT_SOURCE_DIR) + "/data/index_weights.tsv");
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->normalisation, Normalisation::kZScore);
  EXPECT_EQ(s->min_components, 2);
  EXPECT_EQ(s->weights.size(), ComponentSpecs().size());
  for (const auto& [id, w] : s->weights) EXPECT_GT(w, 0) << id;
}

std::string LoadError(const std::string& text) {
  TempFile f(text);
  Result<IndexSettings> s = LoadIndexSettings(f.path());
  EXPECT_FALSE(s.ok());
  if (s.ok()) return "";
  std::string message = s.status().ToString();
  // The message names the file and the line.
  EXPECT_NE(message.find(f.path() + ":"), std::string::npos) << message;
  return message.substr(message.find(f.path()) + f.path().size());
}

TEST(IndexSettings, UnknownComponentNamesTheLine) {
  std::string m = LoadError("normalisation z\n\n# comment\nweight trade 1\nweight tarde 1\n");
  EXPECT_EQ(m.rfind(":5: unknown component 'tarde' (known: trade, investment,", 0), 0u) << m;
}

TEST(IndexSettings, NegativeWeightNamesTheLine) {
  std::string m = LoadError("weight trade 1\nweight unga -0.5\n");
  EXPECT_EQ(m.rfind(":2: weight of 'unga' must be a number >= 0", 0), 0u) << m;
  m = LoadError("weight unga heavy\n");
  EXPECT_EQ(m.rfind(":1: weight of 'unga' must be a number >= 0", 0), 0u) << m;
}

TEST(IndexSettings, BadNormalisationNamesTheLine) {
  std::string m = LoadError("# a\nnormalisation zscore\n");
  EXPECT_EQ(m.rfind(":2: unknown normalisation 'zscore'", 0), 0u) << m;
  m = LoadError("min_components 0\n");
  EXPECT_EQ(m.rfind(":1: min_components must be a whole number from 1 to 20", 0), 0u) << m;
  m = LoadError("weight trade 1 2\n");
  EXPECT_EQ(m.rfind(":1: too many fields", 0), 0u) << m;
}

TEST(IndexSettings, MissingFileIsNotFound) {
  Result<IndexSettings> s = LoadIndexSettings("/nonexistent/bilat-weights.tsv");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().ToString().find("/nonexistent/bilat-weights.tsv"), std::string::npos);
}

WarmthReading Read(double z) {
  AxisScore a;
  a.score = z;
  std::optional<WarmthReading> r = ReadWarmth(a, Normalisation::kZScore);
  EXPECT_TRUE(r);
  return r.value_or(WarmthReading{});
}

TEST(ReadWarmth, CutPointsAtWholeStandardDeviations) {
  EXPECT_EQ(Read(-2.01).name, "much colder");
  EXPECT_EQ(Read(-2).name, "colder");
  EXPECT_EQ(Read(-1.01).name, "colder");
  EXPECT_EQ(Read(-1).name, "somewhat colder");
  EXPECT_EQ(Read(-0.2).name, "somewhat colder");  // level -1
  EXPECT_EQ(Read(-0.01).name, "about average");  // level 0
  EXPECT_EQ(Read(0).name, "about average");
  EXPECT_EQ(Read(0.16).name, "about average");
  EXPECT_EQ(Read(0.17).name, "somewhat warmer");  // level +1
  EXPECT_EQ(Read(0.99).name, "somewhat warmer");
  EXPECT_EQ(Read(1).name, "warmer");
  EXPECT_EQ(Read(1.99).name, "warmer");
  EXPECT_EQ(Read(2).name, "much warmer");
}

TEST(ReadWarmth, LevelIsThreeToAStandardDeviationClamped) {
  EXPECT_EQ(Read(0).level, 0);
  EXPECT_EQ(Read(0.2).level, 1);    // round(0.6)
  EXPECT_EQ(Read(-0.1).level, 0);   // round(-0.3)
  EXPECT_EQ(Read(-1).level, -3);
  EXPECT_EQ(Read(1.45).level, 4);   // round(4.35)
  EXPECT_EQ(Read(2).level, 6);
  EXPECT_EQ(Read(-2.9).level, -9);  // round(-8.7)
  EXPECT_EQ(Read(3.5).level, 9);    // clamped
  EXPECT_EQ(Read(-7).level, -9);
  AxisScore none;
  EXPECT_FALSE(ReadWarmth(none, Normalisation::kZScore));
}

}  // namespace
}  // namespace bilat::index
