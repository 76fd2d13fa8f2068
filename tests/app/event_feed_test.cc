// GDELT's feed as it comes: many small files, plain, zipped or gzipped,
// committed in batches. Whatever the batching, the threads or the
// compression, the workspace must hold exactly what one ingest of the same
// rows as a single file holds, and a file must count once.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <zip.h>
#include <zlib.h>

#include <filesystem>
#include <string>
#include <vector>

#include "app/event_part_codec.h"
#include "app/event_parts.h"
#include "app/ingest_events.h"
#include "ingest/events/byte_source.h"
#include "ingest/events/whole_file.h"
#include "store/event_store.h"
#include "store/workspace.h"
#include "tests/app/test_workspace.h"

namespace bilat {
namespace {

using testing::Countries;
using testing::ReadAll;
using testing::TempWorkspace;
using testing::WriteAll;

// Four real 15-minute export files of GDELT 2.0.
std::vector<std::string> RealFeed() {
  const std::string dir = std::string(BILAT_SHARED_DIR) + "/data/gdelt/v2/";
  return {dir + "20151027220000.export.CSV", dir + "20180326044500.export.CSV", dir + "20190121220000.export.CSV",
          dir + "20191024143000.export.CSV"};
}

void WriteGzip(const std::string& path, const std::vector<std::string>& members) {
  for (size_t i = 0; i < members.size(); ++i) {  // one gzip member per string, appended
    gzFile g = gzopen(path.c_str(), i == 0 ? "wb" : "ab");
    ASSERT_NE(g, nullptr);
    ASSERT_EQ(gzwrite(g, members[i].data(), static_cast<unsigned>(members[i].size())),
              static_cast<int>(members[i].size()));
    gzclose(g);
  }
}

void WriteZip(const std::string& path, const std::string& entry, const std::string& text) {
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  ASSERT_NE(z, nullptr);
  zip_source_t* src = zip_source_buffer(z, text.data(), text.size(), 0);
  ASSERT_GE(zip_file_add(z, entry.c_str(), src, ZIP_FL_ENC_UTF_8), 0);
  ASSERT_EQ(zip_close(z), 0);
}

// Every stored aggregate, as text, in key order.
std::string Aggregates(const std::string& ws) {
  auto w = store::Workspace::Open(ws);
  EXPECT_TRUE(w.ok());
  std::string out;
  for (const char* sql :
       {"SELECT dataset, src, dst, month, root, events, q1, q2, q3, q4, printf('%.6f', goldstein_sum), mentions, "
        "sources, articles, printf('%.4f', tone_x_mentions) FROM dyad_months ORDER BY 1, 2, 3, 4, 5",
        "SELECT dataset, code, month, events FROM country_months ORDER BY 1, 2, 3",
        "SELECT dataset, event_id, date, src, dst, event_code, mentions FROM events ORDER BY 1, 2"}) {
    auto st = (*w)->db()->Prepare(sql);
    EXPECT_TRUE(st.ok());
    while (true) {
      auto row = st->Step();
      EXPECT_TRUE(row.ok());
      if (!*row) break;
      for (int c = 0; c < st->ColumnCount(); ++c) out += st->ColumnText(c) + "\t";
      out += "\n";
    }
    out += "--\n";
  }
  return out;
}

class EventFeed : public ::testing::Test {
 protected:
  // The feed: each real file cut at line ends into three, so that files
  // share dyad-months and a batch must sum them.
  void SetUp() override {
    for (const std::string& f : RealFeed()) {
      const std::string text = ReadAll(f);
      size_t from = 0;
      for (int part = 0; part < 3; ++part) {
        size_t to = part == 2 ? text.size() : text.find('\n', text.size() * (part + 1) / 3) + 1;
        feed_.push_back((files_.dir() / (std::filesystem::path(f).stem().string() + "." + std::to_string(part) +
                                         ".CSV")).string());
        WriteAll(feed_.back(), text.substr(from, to - from));
        from = to;
      }
      all_ += text;
    }
    one_file_ = (files_.dir() / "all.export.CSV").string();
    WriteAll(one_file_, all_);
  }
  // Ingests `files` into a fresh workspace following USA-CHN; returns the
  // aggregates and the outcome.
  std::string Ingest(const std::vector<std::string>& files, int threads, uint64_t batch_bytes,
                     app::IngestEventsResult* result = nullptr) {
    TempWorkspace ws;
    EXPECT_TRUE(app::FollowPair(ws.str(), "USA", "CHN", Countries()).ok());
    app::IngestEventsOptions o;
    o.workspace = ws.str();
    o.files = files;
    o.threads = threads;
    o.batch_bytes = batch_bytes;
    auto r = app::IngestEvents(o, Countries());
    EXPECT_TRUE(r.ok()) << r.status().message();
    if (r.ok() && result) *result = *r;
    return Aggregates(ws.str());
  }
  std::vector<std::string> feed_;
  std::string all_, one_file_;
  TempWorkspace files_;  // a folder for test files
};

TEST_F(EventFeed, ManySmallFilesStoreExactlyWhatOneFileOfTheSameRowsStores) {
  const std::string whole = Ingest({one_file_}, 1, uint64_t{512} << 20);
  ASSERT_NE(whole.find("CHN\tUSA"), std::string::npos) << "the sample has no CHN-USA events to compare";
  for (int threads : {1, 2}) {
    for (uint64_t batch : {uint64_t{1}, uint64_t{2} << 20, uint64_t{512} << 20}) {  // a batch per file, some, one
      app::IngestEventsResult r;
      EXPECT_EQ(Ingest(feed_, threads, batch, &r), whole) << threads << " threads, batches of " << batch << " bytes";
      ASSERT_EQ(r.files.size(), feed_.size());
      for (const auto& f : r.files) EXPECT_EQ(f.state, app::EventFileOutcome::State::kStored) << f.path << f.error;
    }
  }
}

TEST_F(EventFeed, ZippedAndGzippedFilesStoreWhatThePlainFilesStore) {
  const std::string plain = Ingest(feed_, 1, uint64_t{512} << 20);
  std::vector<std::string> zipped, gzipped;
  for (const std::string& f : feed_) {
    const std::string name = std::filesystem::path(f).filename().string();
    zipped.push_back((files_.dir() / (name + ".zip")).string());
    WriteZip(zipped.back(), name, ReadAll(f));
    gzipped.push_back((files_.dir() / (name + ".gz")).string());
    const std::string text = ReadAll(f);
    WriteGzip(gzipped.back(), {text.substr(0, text.size() / 3), text.substr(text.size() / 3)});  // two members
  }
  for (int threads : {1, 2}) {
    EXPECT_EQ(Ingest(zipped, threads, uint64_t{512} << 20), plain) << "zip, " << threads << " threads";
    EXPECT_EQ(Ingest(gzipped, threads, uint64_t{512} << 20), plain) << "gzip, " << threads << " threads";
  }
}

TEST_F(EventFeed, AFileGivenTwiceInOneBatchOrAgainLaterCountsOnce) {
  const std::string once = Ingest(feed_, 1, uint64_t{512} << 20);
  const std::string copy = (files_.dir() / "copy.export.CSV").string();
  WriteAll(copy, ReadAll(feed_[1]));
  std::vector<std::string> twice = feed_;
  twice.push_back(copy);      // the same content under another name, in the same batch
  twice.push_back(feed_[0]);  // the same path again
  for (int threads : {1, 2}) {
    app::IngestEventsResult r;
    EXPECT_EQ(Ingest(twice, threads, uint64_t{512} << 20, &r), once) << threads << " threads";
    ASSERT_EQ(r.files.size(), feed_.size() + 2);
    EXPECT_EQ(r.files[feed_.size()].state, app::EventFileOutcome::State::kAlreadyIngested);
    EXPECT_EQ(r.files[feed_.size() + 1].state, app::EventFileOutcome::State::kAlreadyIngested);
  }
  // A second run over a workspace that has the feed stores nothing more.
  TempWorkspace ws;
  ASSERT_TRUE(app::FollowPair(ws.str(), "USA", "CHN", Countries()).ok());
  app::IngestEventsOptions o;
  o.workspace = ws.str();
  o.files = feed_;
  ASSERT_TRUE(app::IngestEvents(o, Countries()).ok());
  o.files = {copy};
  auto again = app::IngestEvents(o, Countries());
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->files[0].state, app::EventFileOutcome::State::kAlreadyIngested);
  EXPECT_EQ(Aggregates(ws.str()), once);
}

TEST_F(EventFeed, ABrokenArchiveFailsAloneAndSaysWhatIsWrong) {
  const std::string good = Ingest(feed_, 1, uint64_t{512} << 20);
  const std::string name = "20200101000000.export.CSV";
  const std::string zip = (files_.dir() / (name + ".zip")).string();
  WriteZip(zip, name, ReadAll(feed_[0]) + ReadAll(feed_[0]).substr(0, 500));
  std::string bytes = ReadAll(zip);
  bytes.resize(bytes.size() / 2);  // a download cut in half
  WriteAll(zip, bytes);
  const std::string gz = (files_.dir() / (name + ".gz")).string();
  WriteGzip(gz, {ReadAll(feed_[2]) + "x"});
  bytes = ReadAll(gz);
  bytes[bytes.size() / 2] ^= 0x55;  // a flipped byte in the deflate stream
  WriteAll(gz, bytes);
  std::vector<std::string> files = feed_;
  files.insert(files.begin() + 1, zip);
  files.insert(files.begin() + 3, gz);
  for (int threads : {1, 2}) {
    app::IngestEventsResult r;
    EXPECT_EQ(Ingest(files, threads, uint64_t{512} << 20, &r), good);
    ASSERT_EQ(r.files.size(), feed_.size() + 2);
    EXPECT_EQ(r.files[1].state, app::EventFileOutcome::State::kFailed);
    EXPECT_NE(r.files[1].error.find(zip), std::string::npos) << r.files[1].error;
    EXPECT_NE(r.files[1].error.find("zip"), std::string::npos) << r.files[1].error;
    EXPECT_EQ(r.files[3].state, app::EventFileOutcome::State::kFailed);
    EXPECT_NE(r.files[3].error.find(gz), std::string::npos) << r.files[3].error;
    EXPECT_FALSE(r.all_stored());
  }
}

TEST_F(EventFeed, PartsScannedApartAndMergedAsBytesStoreWhatAnIngestStores) {
  const std::string ingested = Ingest(feed_, 1, uint64_t{512} << 20);
  TempWorkspace ws;
  ASSERT_TRUE(app::FollowPair(ws.str(), "USA", "CHN", Countries()).ok());
  auto setup = app::MakeEventScanSetup("gdelt", {{"CHN", "USA"}}, 1, 0.01, Countries());
  ASSERT_TRUE(setup.ok());
  std::vector<std::string> wire;  // as a worker would send them
  for (const std::string& f : feed_) wire.push_back(app::EncodeEventPart(app::ScanEventFile(f, *setup)));
  auto merge = [&](size_t from, size_t to) {
    std::vector<app::EventPart> parts;
    for (size_t i = from; i < to; ++i) {
      auto p = app::DecodeEventPart(wire[i]);
      EXPECT_TRUE(p.ok()) << p.status().message();
      parts.push_back(std::move(*p));
    }
    auto r = app::MergeEventParts(ws.str(), std::move(parts));
    EXPECT_TRUE(r.ok());
    return r.ok() ? *r : app::IngestEventsResult();
  };
  merge(0, wire.size() / 2);
  auto rest = merge(0, wire.size());  // the first half again: a worker's part delivered twice
  EXPECT_EQ(Aggregates(ws.str()), ingested);
  EXPECT_EQ(rest.files[0].state, app::EventFileOutcome::State::kAlreadyIngested);
  EXPECT_EQ(rest.files.back().state, app::EventFileOutcome::State::kStored);
  merge(0, wire.size());
  EXPECT_EQ(Aggregates(ws.str()), ingested);

  // Bytes that are not a part are refused with what is wrong.
  EXPECT_FALSE(app::DecodeEventPart("not msgpack").ok());
  EXPECT_FALSE(app::DecodeEventPart(wire[0].substr(0, wire[0].size() / 2)).ok());
  auto bad = nlohmann::json::from_msgpack(wire[0]);
  bad["dyads"][0][2] = "201501";  // a month as a string
  std::vector<std::uint8_t> bytes = nlohmann::json::to_msgpack(bad);
  auto refused = app::DecodeEventPart(std::string(bytes.begin(), bytes.end()));
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("dyad row 0"), std::string::npos) << refused.status().message();
  bad = nlohmann::json::from_msgpack(wire[0]);
  bad["bilat_event_part"] = 99;
  bytes = nlohmann::json::to_msgpack(bad);
  refused = app::DecodeEventPart(std::string(bytes.begin(), bytes.end()));
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("version"), std::string::npos) << refused.status().message();
}

TEST(WholeFile, ContentHashIsTheStreamingHashAndArchivesInflateToThePlainBytes) {
  TempWorkspace dir;
  const std::string plain_path = RealFeed()[3];
  const std::string text = ReadAll(plain_path);
  auto plain = ingest::ReadWholeFile(plain_path);
  ASSERT_TRUE(plain.ok());
  ASSERT_TRUE(plain->has_value());
  EXPECT_EQ((*plain)->content_hash, *ingest::FileContentHash(plain_path));
  EXPECT_EQ((*plain)->bytes(), text);
  EXPECT_FALSE((*plain)->compressed);
  const std::string zip = (dir.dir() / "a.zip").string();
  WriteZip(zip, "a.CSV", text);
  auto z = ingest::ReadWholeFile(zip);
  ASSERT_TRUE(z.ok()) << z.status().message();
  EXPECT_EQ((*z)->bytes(), text);
  EXPECT_EQ((*z)->content_hash, *ingest::FileContentHash(zip));  // of the file as stored
  EXPECT_TRUE((*z)->compressed);
  // Padding: the scanner may read 64 bytes past the end.
  for (size_t i = 0; i < 64; ++i) ASSERT_EQ((*z)->bytes().data()[text.size() + i], '\0');
  const std::string gz = (dir.dir() / "a.gz").string();
  WriteGzip(gz, {text.substr(0, 1000), text.substr(1000, 5), text.substr(1005)});
  auto g = ingest::ReadWholeFile(gz);
  ASSERT_TRUE(g.ok()) << g.status().message();
  EXPECT_EQ((*g)->bytes(), text);
  // A hash over more than one 16 MiB block agrees too.
  std::string big;
  while (big.size() < (ingest::kHashBlockBytes * 5) / 2) big += text;
  const std::string big_path = (dir.dir() / "big.CSV").string();
  WriteAll(big_path, big);
  EXPECT_EQ(ingest::ContentHashOfBytes(big), *ingest::FileContentHash(big_path));
}

TEST(CommitEventFiles, AFileAlreadyStoredIsLeftOutOfTheBatchSum) {
  TempWorkspace ws;
  auto w = store::Workspace::Open(ws.str());
  ASSERT_TRUE(w.ok());
  auto batch = [](const std::string& hash, uint64_t events) {
    store::EventFileBatch b;
    b.file.content_hash = hash;
    b.file.path = hash + ".CSV";
    b.file.dataset = "gdelt";
    b.file.format = "gdelt2";
    store::DyadMonth d;
    d.src = "CHN";
    d.dst = "KAZ";
    d.month = 201901;
    d.events = events;
    d.q[0] = events;
    b.dyads.push_back(d);
    d.dst = "RUS";
    b.dyads.push_back(d);
    b.countries.push_back({"CHN", 201901, events});
    return b;
  };
  store::EventFileBatch a = batch("a", 1), b = batch("b", 10), c = batch("c", 100);
  ASSERT_TRUE(store::CommitEventFile((*w)->db(), b).ok());  // stored before, e.g. by another process
  auto commits = store::CommitEventFiles((*w)->db(), {&a, &b, &c, &a});
  ASSERT_TRUE(commits.ok());
  EXPECT_FALSE((*commits)[0].already_ingested);
  EXPECT_TRUE((*commits)[1].already_ingested);
  EXPECT_FALSE((*commits)[2].already_ingested);
  EXPECT_TRUE((*commits)[3].already_ingested);
  EXPECT_EQ((*commits)[3].file_id, (*commits)[0].file_id);
  EXPECT_EQ(*(*w)->db()->QueryInt("SELECT events FROM dyad_months WHERE dst = 'KAZ'"), 111);
  EXPECT_EQ(*(*w)->db()->QueryInt("SELECT events FROM dyad_months WHERE dst = 'RUS'"), 111);
  EXPECT_EQ(*(*w)->db()->QueryInt("SELECT events FROM country_months"), 111);
  EXPECT_EQ(*(*w)->db()->QueryInt("SELECT count(*) FROM event_files"), 3);
}

}  // namespace
}  // namespace bilat
