// The GDELT scanner: real samples, every reject kind, compressed input, and
// the fast kernels against a slow, obviously-right reference.
#include "ingest/events/event_scan.h"
#include "ingest/events/byte_source.h"

#include <gtest/gtest.h>
#include <zip.h>
#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include "tests/ingest/events/event_test_util.h"

namespace bilat::ingest {
namespace {

using testing::JoinTabs;
using testing::LineOf;
using testing::SharedData;
using testing::SplitTabs;
using testing::TempDir;

const std::string kV2File = SharedData("gdelt/v2/20151027220000.export.CSV");

uint64_t DyadicEvents(const ScanResult& r) {
  uint64_t n = 0;
  r.dyads.ForEach([&](uint64_t, const EventTotals& t) { n += t.events; });
  return n;
}

// A known-good GDELT 2.0 row (USA -> CHN, "Criticize or denounce").
std::vector<std::string> GoodRow() { return SplitTabs(LineOf(kV2File, 1871)); }

std::unique_ptr<ScanResult> Scan(const std::string& text, ScanOptions o = {}) {
  o.version = GdeltVersion::kV2;
  return ScanGdeltBytes(text, o);
}

TEST(GdeltScanner, ReadsRealV2FileWithoutRejects) {
  auto r = ScanGdeltFile(kV2File, {});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)->version, GdeltVersion::kV2);
  EXPECT_EQ((*r)->lines, 2116u);
  EXPECT_EQ((*r)->rows_ok, 2116u);
  EXPECT_EQ((*r)->rows_rejected(), 0u);
  EXPECT_EQ(DyadicEvents(**r), 499u);  // rows with both actor country codes (awk count)
}

TEST(GdeltScanner, DecodesAKnownRowOfAFollowedPair) {
  ScanOptions o;
  o.followed = {{"USA", "CHN"}};
  auto r = ScanGdeltFile(kV2File, o);
  ASSERT_TRUE(r.ok());
  const FollowedEvent* e = nullptr;
  for (const auto& f : (*r)->followed) {
    if (f.event_id == 479493109) e = &f;
  }
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->line, 1871u);
  EXPECT_EQ(e->sql_date, 20151027);
  EXPECT_EQ(e->month, 201510);
  EXPECT_EQ(e->actor1_name, "AMERICAN");
  EXPECT_EQ(e->actor2_name, "CHINA");
  EXPECT_FALSE(e->root);
  EXPECT_EQ(e->event_code, "111");
  EXPECT_EQ(e->quad_class, 3);
  EXPECT_DOUBLE_EQ(e->goldstein, -2.0);
  EXPECT_EQ(e->mentions, 2);
  EXPECT_EQ(e->sources, 1);
  EXPECT_EQ(e->articles, 2);
  EXPECT_NEAR(e->avg_tone, -1.03559870550161, 1e-12);
  EXPECT_EQ(e->action_geo_name, "Afghanistan");
  EXPECT_EQ(e->action_geo_country_fips, "AF");  // FIPS, not ISO
  EXPECT_EQ(e->date_added, 20151027220000);
  EXPECT_EQ(e->source_url, "http://commondreams.org/views/2015/10/27/neocons-launch-2016-manifesto");
}

TEST(GdeltScanner, ReadsV1FileWithBoth57And58Columns) {
  auto r = ScanGdeltFile(SharedData("gdelt/v1/sample710.export.CSV"), {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)->version, GdeltVersion::kV1);
  EXPECT_EQ((*r)->rows_ok, 710u);  // 201 rows of 57 fields, 509 of 58
  EXPECT_EQ((*r)->rows_rejected(), 0u);
}

TEST(GdeltScanner, KeepsEventCodesWithLeadingZeros) {
  auto row = GoodRow();
  row[26] = "0841";
  row[27] = "084";
  row[28] = "08";
  row[29] = "2";
  ScanOptions o;
  o.followed = {{"USA", "CHN"}};
  auto r = Scan(JoinTabs(row) + "\n", o);
  ASSERT_EQ(r->followed.size(), 1u);
  EXPECT_EQ(r->followed[0].event_code, "0841");
  EXPECT_EQ(r->followed[0].event_root_code, "08");
}

TEST(GdeltScanner, CountsShortRowAsColumnCountReject) {
  auto row = GoodRow();
  row.resize(40);
  auto r = Scan(LineOf(kV2File, 1) + "\n" + JoinTabs(row) + "\n");
  EXPECT_EQ(r->rows_ok, 1u);
  ASSERT_EQ(r->rejects.size(), 1u);
  EXPECT_EQ(r->rejects[0].reason, RejectReason::kColumnCount);
  EXPECT_EQ(r->rejects[0].line, 2u);
  EXPECT_EQ(r->rejects[0].byte_offset, LineOf(kV2File, 1).size() + 1);
  EXPECT_EQ(r->rejects[0].detail, "40 fields, expected 61 (GDELT 2.0)");
}

TEST(GdeltScanner, CountsBadNumberReject) {
  auto row = GoodRow();
  row[31] = "two";
  auto r = Scan(JoinTabs(row) + "\n");
  ASSERT_EQ(r->rejects.size(), 1u);
  EXPECT_EQ(r->rejects[0].reason, RejectReason::kBadNumber);
  EXPECT_EQ(r->rejects[0].detail, "NumMentions 'two'");
  EXPECT_EQ(r->rows_ok, 0u);
  EXPECT_EQ(DyadicEvents(*r), 0u);
}

// A line of 60 tabs has the right field count but is no event: it is a
// reject (found by an outside audit: such lines counted as good rows).
TEST(GdeltScanner, RowOfEmptyFieldsIsARejectNotAGoodRow) {
  auto r = Scan(std::string(60, '\t') + "\n" + LineOf(kV2File, 1) + "\n");
  EXPECT_EQ(r->rows_ok, 1u);
  ASSERT_EQ(r->rejects.size(), 1u);
  EXPECT_EQ(r->rejects[0].reason, RejectReason::kBadNumber);
  EXPECT_EQ(r->rejects[0].line, 1u);
  EXPECT_EQ(r->rejects[0].detail, "GLOBALEVENTID ''");
  auto row = GoodRow();
  row[0] = "x17";
  EXPECT_EQ(Scan(JoinTabs(row) + "\n")->rows_ok, 0u);
}

TEST(GdeltScanner, CountsBadDateRejects) {
  auto bad_month = GoodRow();
  bad_month[2] = "201513";
  auto bad_day = GoodRow();
  bad_day[1] = "20150230";
  auto r = Scan(JoinTabs(bad_month) + "\n" + JoinTabs(bad_day) + "\n");
  ASSERT_EQ(r->rejects.size(), 2u);
  EXPECT_EQ(r->rejects[0].reason, RejectReason::kBadDate);
  EXPECT_EQ(r->rejects[0].detail, "MonthYear '201513'");
  EXPECT_EQ(r->rejects[1].detail, "SQLDATE '20150230'");
}

TEST(GdeltScanner, CountsInvalidUtf8Reject) {
  auto row = GoodRow();
  row[6] = "AMERIC\xC3";  // truncated two-byte sequence
  auto ok = GoodRow();
  ok[6] = "AM\xC3\xA9RICAN";  // valid é
  auto r = Scan(JoinTabs(row) + "\n" + JoinTabs(ok) + "\n");
  ASSERT_EQ(r->rejects.size(), 1u);
  EXPECT_EQ(r->rejects[0].reason, RejectReason::kInvalidUtf8);
  EXPECT_EQ(r->rows_ok, 1u);
}

TEST(GdeltScanner, CountsOverLongLineReject) {
  ScanOptions o;
  o.max_line_bytes = 1000;
  auto row = GoodRow();
  row[60] = "http://example.org/" + std::string(2000, 'x');
  auto r = Scan(JoinTabs(row) + "\n" + JoinTabs(GoodRow()) + "\n", o);
  ASSERT_EQ(r->rejects.size(), 1u);
  EXPECT_EQ(r->rejects[0].reason, RejectReason::kLineTooLong);
  EXPECT_EQ(r->rows_ok, 1u);
}

TEST(GdeltScanner, LineLongerThanTheReadBufferIsRejectedAndSkipped) {
  TempDir dir;
  ScanOptions o;
  o.buffer_bytes = 1 << 16;
  o.version = GdeltVersion::kV2;
  std::string good = JoinTabs(GoodRow());
  std::string path = dir.File("long.CSV", good + "\n" + std::string(300000, 'z') + "\n" + good + "\n");
  auto r = ScanGdeltFile(path, o);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)->rows_ok, 2u);
  ASSERT_EQ((*r)->rejects.size(), 1u);
  EXPECT_EQ((*r)->rejects[0].reason, RejectReason::kLineTooLong);
  EXPECT_EQ((*r)->rejects[0].line, 2u);
}

TEST(GdeltScanner, AcceptsCrlfAndByteOrderMark) {
  std::string good = JoinTabs(GoodRow());
  auto r = Scan("\xEF\xBB\xBF" + good + "\r\n" + good + "\r\n");
  EXPECT_EQ(r->rows_ok, 2u);
  EXPECT_EQ(r->rows_rejected(), 0u);
  ScanOptions o;
  o.followed = {{"USA", "CHN"}};
  auto f = Scan(good + "\r\n", o);
  ASSERT_EQ(f->followed.size(), 1u);
  EXPECT_EQ(f->followed[0].source_url, GoodRow()[60]);  // no '\r' left on the last field
}

TEST(GdeltScanner, RefusesBinaryFile) {
  TempDir dir;
  std::string junk(4096, '\0');
  auto r = ScanGdeltFile(dir.File("junk.bin", junk), {});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("binary data"), std::string::npos);
}

TEST(GdeltScanner, ReadsGzipAndZipLikePlain) {
  TempDir dir;
  std::string text = testing::ReadFile(kV2File);
  std::string gz = dir.Path("f.CSV.gz");
  gzFile g = gzopen(gz.c_str(), "wb");
  gzwrite(g, text.data(), static_cast<unsigned>(text.size()));
  gzclose(g);
  std::string zp = dir.Path("f.CSV.zip");
  int err = 0;
  zip_t* z = zip_open(zp.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  zip_source_t* src = zip_source_buffer(z, text.data(), text.size(), 0);
  zip_file_add(z, "20151027220000.export.CSV", src, ZIP_FL_OVERWRITE);
  ASSERT_EQ(zip_close(z), 0);
  auto plain = ScanGdeltFile(kV2File, {});
  for (const std::string& p : {gz, zp}) {
    auto r = ScanGdeltFile(p, {});
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ((*r)->rows_ok, (*plain)->rows_ok) << p;
    EXPECT_EQ(DyadicEvents(**r), DyadicEvents(**plain)) << p;
    EXPECT_EQ((*r)->dyads.size(), (*plain)->dyads.size()) << p;
  }
}

// ---- fast kernels against a slow reference --------------------------------

struct RefGroup {
  uint64_t events = 0, q[4] = {0, 0, 0, 0}, mentions = 0;
  double goldstein = 0, tone = 0;
};
using RefKey = std::tuple<std::string, std::string, int, bool>;

// Splits with std::getline and aggregates in a std::map: slow and plain.
std::map<RefKey, RefGroup> Reference(const std::string& text, uint64_t* rejected) {
  std::map<RefKey, RefGroup> out;
  std::istringstream in(text);
  std::string line;
  *rejected = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    auto f = SplitTabs(line);
    if (f.size() != 61) {
      ++*rejected;
      continue;
    }
    if (f[0].empty() || f[0].find_first_not_of("0123456789") != std::string::npos) {
      ++*rejected;  // no event id
      continue;
    }
    if (f[7].empty() || f[17].empty()) continue;
    RefGroup& g = out[{f[7], f[17], std::stoi(f[2]), f[25] == "1"}];
    ++g.events;
    ++g.q[std::stoi(f[29]) - 1];
    g.goldstein += std::stod(f[30]);
    g.mentions += std::stoull(f[31]);
    g.tone += std::stod(f[34]) * std::stod(f[31]);
  }
  return out;
}

std::string RandomFile(std::mt19937& rng, int rows) {
  static const char* kCodes[] = {"USA", "CHN", "KAZ", "RUS", "EUR", "AFR", "GBR", ""};
  std::uniform_int_distribution<int> code(0, 7), quad(1, 4), mentions(1, 40), month(1, 12), bad(0, 40);
  std::uniform_real_distribution<double> gold(-10, 10), tone(-10, 10);
  auto base = GoodRow();
  std::string text;
  for (int i = 0; i < rows; ++i) {
    auto f = base;
    f[7] = kCodes[code(rng)];
    f[17] = kCodes[code(rng)];
    int m = month(rng);
    f[2] = std::to_string(2015 * 100 + m);
    f[1] = std::to_string((2015 * 100 + m) * 100 + 1 + static_cast<int>(rng() % 28));
    f[25] = rng() % 2 ? "1" : "0";
    f[29] = std::to_string(quad(rng));
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", gold(rng));
    f[30] = buf;
    f[31] = std::to_string(mentions(rng));
    std::snprintf(buf, sizeof buf, "%.14f", tone(rng));
    f[34] = buf;
    f[60] = "http://example.org/" + std::string(rng() % 300, 'a');  // vary line length across blocks
    const int fault = bad(rng);
    if (fault == 0) f.resize(8 + rng() % 50);  // a malformed row
    if (fault == 1) f[0] = "";                 // a row with no event id
    text += JoinTabs(f) + "\n";
  }
  return text;
}

void ExpectMatchesReference(const ScanResult& r, const std::map<RefKey, RefGroup>& ref, uint64_t rejected) {
  EXPECT_EQ(r.rows_rejected(), rejected);
  std::map<RefKey, RefGroup> got;
  r.dyads.ForEach([&](uint64_t key, const EventTotals& t) {
    DyadKey k = DyadKey::Unpack(key);
    RefGroup& g = got[{r.codes.Name(k.src), r.codes.Name(k.dst), static_cast<int>(k.month), k.root}];
    g.events = t.events;
    for (int q = 0; q < 4; ++q) g.q[q] = t.quad[q];
    g.mentions = t.mentions;
    g.goldstein = t.goldstein_sum;
    g.tone = t.tone_x_mentions;
  });
  ASSERT_EQ(got.size(), ref.size());
  for (const auto& [k, g] : ref) {
    const RefGroup& h = got[k];
    EXPECT_EQ(h.events, g.events);
    for (int q = 0; q < 4; ++q) EXPECT_EQ(h.q[q], g.q[q]);
    EXPECT_EQ(h.mentions, g.mentions);
    EXPECT_NEAR(h.goldstein, g.goldstein, 1e-9);
    EXPECT_NEAR(h.tone, g.tone, 1e-6);
  }
}

TEST(GdeltScanner, MatchesSlowReferenceOnRandomInputWithEveryKernelAndThreadCount) {
  std::mt19937 rng(20261201);
  TempDir dir;
  for (int round = 0; round < 6; ++round) {
    std::string text = RandomFile(rng, 300 + round * 200);
    uint64_t rejected = 0;
    auto ref = Reference(text, &rejected);
    for (bool portable : {false, true}) {
      ScanOptions o;
      o.version = GdeltVersion::kV2;
      o.portable_kernel = portable;
      ExpectMatchesReference(*ScanGdeltBytes(text, o), ref, rejected);
      std::string path = dir.File("r" + std::to_string(round) + ".CSV", text);
      for (int threads : {1, 2, 3}) {
        o.threads = threads;
        o.buffer_bytes = 1 << 16;  // many buffer refills
        auto r = ScanGdeltFile(path, o);
        ASSERT_TRUE(r.ok());
        ExpectMatchesReference(**r, ref, rejected);
        EXPECT_EQ((*r)->lines, static_cast<uint64_t>(std::count(text.begin(), text.end(), '\n')));
      }
    }
  }
}

TEST(GdeltScanner, RejectLineNumbersAreFileWideWhenScannedInParallel) {
  TempDir dir;
  std::string good = JoinTabs(GoodRow());
  std::string text;
  for (int i = 1; i <= 3000; ++i) text += (i % 1000 == 0 ? std::string("short\trow") : good) + "\n";
  ScanOptions o;
  o.threads = 2;
  o.version = GdeltVersion::kV2;
  auto r = ScanGdeltFile(dir.File("p.CSV", text), o);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ((*r)->rejects.size(), 3u);
  EXPECT_EQ((*r)->rejects[0].line, 1000u);
  EXPECT_EQ((*r)->rejects[1].line, 2000u);
  EXPECT_EQ((*r)->rejects[2].line, 3000u);
  // 1998 good lines and one "short\trow\n" come before line 2000.
  EXPECT_EQ((*r)->rejects[1].byte_offset, 1998 * (good.size() + 1) + 10);
}

}  // namespace
}  // namespace bilat::ingest

namespace bilat::ingest {
namespace {

// The scanner hashes while it scans; that hash must equal the one-pass file
// hash whatever the thread count, including at block boundaries.
TEST(GdeltScanner, ContentHashFromTheScanEqualsTheFileHash) {
  TempDir dir;
  std::string line = JoinTabs(GoodRow()) + "\n";
  for (uint64_t size : {uint64_t{1000}, kHashBlockBytes, kHashBlockBytes + 1, 2 * kHashBlockBytes + 12345}) {
    std::string text;
    while (text.size() < size) text += line;
    text.resize(size);  // may cut the last line: a reject, not a problem
    std::string path = dir.File("h" + std::to_string(size) + ".CSV", text);
    auto expected = FileContentHash(path);
    ASSERT_TRUE(expected.ok());
    for (int threads : {1, 2, 3}) {
      ScanOptions o;
      o.version = GdeltVersion::kV2;
      o.threads = threads;
      auto r = ScanGdeltFile(path, o);
      ASSERT_TRUE(r.ok());
      EXPECT_EQ((*r)->content_hash, *expected) << size << " bytes, " << threads << " threads";
      EXPECT_EQ((*r)->lines, static_cast<uint64_t>((size + line.size() - 1) / line.size())) << size;
    }
  }
}

TEST(GdeltScanner, MultiBlockFileMatchesTheSlowReference) {
  std::mt19937 rng(42);
  std::string text;
  while (text.size() < 2 * kHashBlockBytes + 100000) text += RandomFile(rng, 2000);
  uint64_t rejected = 0;
  auto ref = Reference(text, &rejected);
  TempDir dir;
  std::string path = dir.File("big.CSV", text);
  for (int threads : {1, 2}) {
    ScanOptions o;
    o.version = GdeltVersion::kV2;
    o.threads = threads;
    auto r = ScanGdeltFile(path, o);
    ASSERT_TRUE(r.ok());
    ExpectMatchesReference(**r, ref, rejected);
    EXPECT_EQ((*r)->lines, static_cast<uint64_t>(std::count(text.begin(), text.end(), '\n')));
  }
}

}  // namespace
}  // namespace bilat::ingest
