// What every adapter shares (docs/formats/datasets.md, "The contract every
// adapter keeps"): the list of adapters, a file that is not the dataset
// refused naming the columns expected and found, an empty file refused.
#include "ingest/datasets/adapters.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "tests/ingest/datasets/dataset_test_util.h"

namespace bilat::ingest {
namespace {

using testing_util::Ctx;
using testing_util::WriteTemp;

TEST(DatasetAdapters, ListsEveryDatasetOnceByItsCommand) {
  std::set<std::string_view> names;
  for (const DatasetAdapter& a : DatasetAdapters()) {
    EXPECT_TRUE(names.insert(a.name).second) << a.name;
    EXPECT_FALSE(a.title.empty()) << a.name;
    EXPECT_FALSE(a.help.empty()) << a.name;
    EXPECT_NE(a.load, nullptr) << a.name;
    EXPECT_EQ(FindDatasetAdapter(a.name), &a);
  }
  EXPECT_EQ(names, (std::set<std::string_view>{"chinavitae", "ceias", "aei", "gcdf", "aiddata-geocoded",
                                               "public-diplomacy", "confucius", "visa", "bri", "partnerships",
                                               "lowy", "unga", "gdelt-tone"}));
  EXPECT_EQ(FindDatasetAdapter("imf-dots"), nullptr);  // trade flows: ingest/trade/dots_reader.h
  EXPECT_EQ(FindDatasetAdapter("registry"), nullptr);
}

struct HeaderCase {
  const char* adapter;
  const char* missing;  // the columns the refusal names
};

class WrongFile : public ::testing::TestWithParam<HeaderCase> {};

TEST_P(WrongFile, IsRefusedNamingTheMissingColumnsAndTheHeaderFound) {
  const DatasetAdapter* a = FindDatasetAdapter(GetParam().adapter);
  ASSERT_NE(a, nullptr);
  std::string path = WriteTemp("other.csv", "when,who\n2013,Xi Jinping\n");
  Result<DatasetLoadResult> r = a->load(path, Ctx("other.csv"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  const std::string missing = GetParam().missing;
  EXPECT_EQ(r.status().message(), "other.csv:1: not a file `bilat ingest " + std::string(a->name) +
                                      "` reads: missing column" + (missing.find(',') != std::string::npos ? "s " : " ") +
                                      missing + " (header: when,who; docs/formats/datasets.md)");
}

TEST_P(WrongFile, EmptyFileIsRefused) {
  const DatasetAdapter* a = FindDatasetAdapter(GetParam().adapter);
  ASSERT_NE(a, nullptr);
  Result<DatasetLoadResult> r = a->load(WriteTemp("empty.csv", ""), Ctx("empty.csv"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().message(),
            "empty.csv: empty file (expected a " + std::string(a->name) + " CSV with a header)");
}

TEST_P(WrongFile, MissingFileIsAnIoError) {
  const DatasetAdapter* a = FindDatasetAdapter(GetParam().adapter);
  ASSERT_NE(a, nullptr);
  Result<DatasetLoadResult> r = a->load(::testing::TempDir() + "/bilat-no-such-file.csv", Ctx("gone.csv"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kIoError);
  EXPECT_EQ(r.status().message(), "gone.csv: cannot open for reading");
}

INSTANTIATE_TEST_SUITE_P(
    EveryAdapter, WrongFile,
    ::testing::Values(HeaderCase{"chinavitae", "date, country, leader, text"},
                      HeaderCase{"ceias", "Year, Name, Level, Country"},
                      HeaderCase{"aei", "Year, Month, Sector, Country"},
                      HeaderCase{"gcdf", "year"},
                      HeaderCase{"aiddata-geocoded", "id, year, country, sector, title, flow, usd_current"},
                      HeaderCase{"public-diplomacy", "receiving_country, year, government_visits"},
                      HeaderCase{"confucius", "id, confucius_institute, date_est, country"},
                      HeaderCase{"visa", "snapshot_date, passport, destination, category"},
                      HeaderCase{"bri", "country, iso3, likely_date_joining, likely_date_exit"},
                      HeaderCase{"partnerships", "iso3, year, month, level_label, level_rank, source_url"},
                      HeaderCase{"lowy", "COUNTRY, POST CITY, POST COUNTRY, TYPE OF POST, Year"},
                      HeaderCase{"unga", "ccode, session, IdealPointAll, iso3c"},
                      HeaderCase{"gdelt-tone", "date, partner_iso3, edge_score"}),
    [](const ::testing::TestParamInfo<HeaderCase>& info) {
      std::string name;
      for (const char* p = info.param.adapter; *p; ++p) name += *p == '-' ? '_' : *p;
      return name;
    });

TEST(DatasetAdapters, UnknownCountryTableEntryIsAnErrorNamingItsLine) {
  // The adapters read data/dataset_country_names.tsv; a code the registry
  // does not know there is the table's fault and names its line.
  std::string dir = ::testing::TempDir() + "/bilat-names-" + std::to_string(::getpid());
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/dataset_country_names.tsv") << "# comment\nceias\tNarnia\tNRN\n";
  AdapterContext ctx = Ctx("v.csv");
  ctx.data_dir = dir;
  Result<DatasetLoadResult> r = LoadCeias(WriteTemp("v.csv", "Year,Name,Level,Country\n"), ctx);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), dir + "/dataset_country_names.tsv:2: unknown code 'NRN'");
  std::ofstream(dir + "/dataset_country_names.tsv") << "ceias\tNarnia\n";
  r = LoadCeias(WriteTemp("v.csv", "Year,Name,Level,Country\n"), ctx);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(),
            dir + "/dataset_country_names.tsv:1: expected DATASET<TAB>NAME<TAB>ALPHA3 or '-'<TAB>WHY");
  ctx.data_dir = dir + "/missing";
  r = LoadCeias(WriteTemp("v.csv", "Year,Name,Level,Country\n"), ctx);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace bilat::ingest
