// ICEWS and GDELT mentions readers on the real samples, and their bad rows.
#include <gtest/gtest.h>

#include "core/country.h"
#include "ingest/events/event_lookups.h"
#include "ingest/events/icews_reader.h"
#include "ingest/events/mentions_reader.h"
#include "tests/ingest/events/event_test_util.h"

namespace bilat::ingest {
namespace {

using testing::SharedData;
using testing::TempDir;

const CountryRegistry& Countries() {
  static auto r = *CountryRegistry::LoadDefault();
  return *r;
}
const EventLookups& Lookups() {
  static auto l = *EventLookups::LoadDefault();
  return *l;
}

const std::string kIcews = SharedData("icews/events.2018.sample.tab");

TEST(IcewsReader, ReadsRealSampleAndResolvesEveryCountryName) {
  auto r = ReadIcewsFile(kIcews, {}, Countries(), Lookups());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)->lines, 3706u);  // header + 3705 events
  EXPECT_EQ((*r)->rows_ok, 3705u);
  EXPECT_EQ((*r)->rows_rejected(), 0u);
  for (const auto& [name, n] : (*r)->unresolved_names) ADD_FAILURE() << "unresolved: " << name << " x" << n;
}

TEST(IcewsReader, DecodesTheKazakhstanChinaEvent) {
  ScanOptions o;
  o.followed = {{"KAZ", "CHN"}};
  auto r = ReadIcewsFile(kIcews, o, Countries(), Lookups());
  ASSERT_TRUE(r.ok());
  ASSERT_EQ((*r)->followed.size(), 1u);
  const FollowedEvent& e = (*r)->followed[0];
  EXPECT_EQ(e.event_id, 32896152);
  EXPECT_EQ(e.sql_date, 20180602);
  EXPECT_EQ(e.actor1_name, "Nursultan Nazarbayev");
  EXPECT_EQ(e.actor2_country, "CHN");
  EXPECT_EQ(e.event_code, "036");
  EXPECT_EQ(e.quad_class, 1);
  EXPECT_DOUBLE_EQ(e.goldstein, 4.0);
  EXPECT_EQ(e.source_name, "China Daily");
  EXPECT_EQ(e.action_geo_country_iso, "KAZ");
  EXPECT_EQ(e.action_geo_name, "");  // City is NA
}

TEST(IcewsReader, ReportsBadRowsAndGoesOn) {
  TempDir dir;
  std::string header = testing::LineOf(kIcews, 1);
  std::string good = testing::LineOf(kIcews, 2);
  auto f = testing::SplitTabs(good);
  auto bad_date = f;
  bad_date[1] = "2018-02-30";
  auto bad_code = f;
  bad_code[6] = "999";
  std::string text = "\xEF\xBB\xBF" + header + "\r\n" + good + "\r\n" + testing::JoinTabs(bad_date) + "\n" +
                     testing::JoinTabs(bad_code) + "\nonly\tthree\tfields\n" + good + "\n";
  auto r = ReadIcewsFile(dir.File("i.tab", text), {}, Countries(), Lookups());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)->rows_ok, 2u);
  ASSERT_EQ((*r)->rejects.size(), 3u);
  EXPECT_EQ((*r)->rejects[0].line, 3u);
  EXPECT_EQ((*r)->rejects[0].reason, RejectReason::kBadDate);
  EXPECT_EQ((*r)->rejects[1].detail, "CAMEO Code '999' is unknown");
  EXPECT_EQ((*r)->rejects[2].reason, RejectReason::kColumnCount);
  EXPECT_EQ((*r)->rejects[2].detail, "3 fields, expected 20 (the header's)");
}

TEST(IcewsReader, RefusesFileOfUnknownLayoutNamingColumns) {
  TempDir dir;
  auto r = ReadIcewsFile(dir.File("x.tab", "a\tb\tc\n1\t2\t3\n"), {}, Countries(), Lookups());
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("missing columns Event ID, Event Date"), std::string::npos);
  EXPECT_NE(r.status().message().find("(found: a, b, c)"), std::string::npos);
}

TEST(MentionsReader, ReadsRealSampleAndKeepsWantedEvents) {
  std::string path = SharedData("gdelt/v2/sample100.mentions.CSV");
  auto first = testing::SplitTabs(testing::LineOf(path, 1));
  int64_t id = std::stoll(first[0]);
  auto r = ReadGdeltMentionsFile(path, {id}, {});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->rows_ok, 100u);
  EXPECT_EQ(r->rows_rejected(), 0u);
  ASSERT_FALSE(r->kept.empty());
  EXPECT_EQ(r->kept[0].event_id, id);
  EXPECT_EQ(r->kept[0].url, first[5]);
}

}  // namespace
}  // namespace bilat::ingest
