#include "ingest/text/document.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>

namespace bilat::text {
namespace {

// A file in a fresh temporary folder, removed with the test.
class TempFile {
 public:
  explicit TempFile(const std::string& name) {
    dir_ = std::filesystem::temp_directory_path() /
           ("bilat-text-" + std::to_string(::getpid()) + "-" + name);
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / name).string();
  }
  ~TempFile() { std::filesystem::remove_all(dir_); }
  void Write(const std::string& content) const {
    std::ofstream f(path_, std::ios::binary);
    f << content;
  }
  const std::string& path() const { return path_; }

 private:
  std::filesystem::path dir_;
  std::string path_;
};

TEST(DateFromUrl, ReadsTheCommonPathForms) {
  EXPECT_EQ(DateFromUrl("https://www.newscentralasia.net/2024/07/04/china-and-kazakhstan").Iso(), "2024-07-04");
  EXPECT_EQ(DateFromUrl("https://english.news.cn/20240509/4664e244f9/c.html").Iso(), "2024-05-09");
  EXPECT_EQ(DateFromUrl("https://www.nation.com.pk/04-Nov-2022/pak-china").Iso(), "2022-11-04");
  EXPECT_EQ(DateFromUrl("https://www.eurasiareview.com/28072023-central-asia-trade/").Iso(), "2023-07-28");
  EXPECT_EQ(DateFromUrl("https://www.globaltimes.cn/page/202312/1304081.shtml").Iso(), "2023-12");
  EXPECT_EQ(DateFromUrl("https://example.org/news/2022-11-28-story").Iso(), "2022-11-28");
}

TEST(DateFromUrl, IgnoresDigitsInTheHostAndIds) {
  EXPECT_FALSE(DateFromUrl("https://24.kg/english/318885_Sadyr_Japarov/").IsSet());
}

TEST(PlainText, ReadsUrlLineAndDateMarker) {
  auto d = DocumentFromText("x", "URL: https://example.org/a\n\n date 2023-05-18 XI'AN. KAZINFORM Text.", "x.txt");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->url, "https://example.org/a");
  EXPECT_EQ(d->date.Iso(), "2023-05-18");
  EXPECT_EQ(d->date_source, "text");
  EXPECT_EQ(d->norm.text.substr(d->body_begin, 7), " XI'AN.");
}

TEST(PlainText, ReadsDatelineWithYear) {
  auto d = DocumentFromText("x", "BEIJING, Jan. 22, 2024 /PRNewswire/ -- The year was busy.", "x.txt");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->date.Iso(), "2024-01-22");
}

TEST(PlainText, DatelineWithoutYearTakesItFromTheUrl) {
  auto d = DocumentFromText("x", "URL: https://news.example/20240509/abc.html\nBELGRADE, May 9 (Xinhua) -- Text.", "x.txt");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->date.Iso(), "2024-05-09");
}

TEST(PlainText, RepublishedPieceKeepsItsOriginalDate) {
  auto d = DocumentFromText("x",
                            "BEIJING, Jan. 22, 2024 /PRNewswire/ -- This year was busy.\n"
                            "https://www.globaltimes.cn/page/202312/1304081.shtml\n",
                            "x.txt");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->date.Iso(), "2024-01-22");
  EXPECT_EQ(d->writing_date().Iso(), "2023-12");
}

TEST(InputDate, ReadsTheFormsARecordMayGive) {
  EXPECT_EQ(ParseInputDate("2024-06-20")->Iso(), "2024-06-20");
  EXPECT_EQ(ParseInputDate("2024-06-20T08:00:00Z")->Iso(), "2024-06-20");
  EXPECT_EQ(ParseInputDate("20240620")->Iso(), "2024-06-20");
  EXPECT_EQ(ParseInputDate("2024-06")->Iso(), "2024-06");
  EXPECT_EQ(ParseInputDate("2024")->Iso(), "2024");
  EXPECT_FALSE(ParseInputDate("next week"));
  EXPECT_FALSE(ParseInputDate(""));
}

TEST(Record, GivenDateWinsOverTheTexts) {
  auto d = DocumentFromRecord("r", "BEIJING, Jan. 22, 2024 /PRNewswire/ -- Text.", "", TextDate::Day(2024, 3, 1), "r");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->date.Iso(), "2024-03-01");
  EXPECT_EQ(d->date_source, "input");
}

TEST(Record, WithoutADateTakesTheUrlsButNeverAMarkerLine) {
  auto d = DocumentFromRecord("r", "date 2023-05-18 A text.", "https://news.example/2024/07/04/a.html", std::nullopt,
                              "r");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->url, "https://news.example/2024/07/04/a.html");
  EXPECT_EQ(d->date.Iso(), "2024-07-04");
  EXPECT_EQ(d->date_source, "url");
}

TEST(Html, DropsScriptsStylesNavigationAndBoilerplate) {
  std::string html =
      "<!DOCTYPE html><html><head><title>T</title><style>p{color:red}</style>"
      "<link rel=\"canonical\" href=\"https://example.org/2024/05/09/story\">"
      "<meta property=\"article:published_time\" content=\"2024-05-09T10:00:00Z\">"
      "<script>var visited = 'China visited Kazakhstan';</script></head><body>"
      "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
      "<div class=\"cookie-banner\">We use cookies.</div>"
      "<article><h1>Xi visits Serbia</h1><p>Chinese President Xi Jinping&nbsp;wrapped up his visit.</p>"
      "<p>Trade rose &amp; grew.<script>document.write('junk')</script></p>"
      "<div class=\"share-buttons\"><a href='#'>Share</a></div></article>"
      "<footer>Copyright</footer></body></html>";
  std::string url, date;
  std::string text = HtmlToText(html, &url, &date);
  EXPECT_EQ(text, "Xi visits Serbia\nChinese President Xi Jinping\xC2\xA0wrapped up his visit.\nTrade rose & grew.");
  EXPECT_EQ(url, "https://example.org/2024/05/09/story");
  EXPECT_EQ(date, "2024-05-09T10:00:00Z");
}

// An unclosed raw-text element followed by many '<' (audit finding: 3 MB took
// 18 s): linear, checked as a ratio so a busy machine does not fail it.
TEST(Html, UnclosedRawTextElementWithManyAnglesTakesLinearTime) {
  for (const char* element : {"script", "style", "title", "textarea"}) {
    auto run = [&](size_t n) {
      std::string html = "<html><body><p>China and Kazakhstan signed.</p><" + std::string(element) + ">";
      html.append(n, '<');
      std::string url, date;
      auto start = std::chrono::steady_clock::now();
      std::string text = HtmlToText(html, &url, &date);
      EXPECT_NE(text.find("China and Kazakhstan signed."), std::string::npos) << element;
      return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    };
    // Sizes large enough that the times are not noise (milliseconds, not microseconds).
    double small = run(1000000), large = run(4000000);
    EXPECT_LT(large / std::max(small, 2e-3), 10.0) << element << ": 1M '<' " << small << " s, 4M " << large << " s";
  }
}

TEST(Html, DropsBlocksThatAreMostlyLinks) {
  std::string url, date;
  std::string text = HtmlToText("<body><p>Real article text here.</p><p><a>Link one</a> <a>Link two</a></p></body>", &url, &date);
  EXPECT_EQ(text, "Real article text here.");
}

TEST(Html, DocumentGetsDateFromMetadata) {
  auto d = DocumentFromHtml("x", "<html><head><meta name=\"date\" content=\"2022-11-28\"></head><body><p>Hi.</p></body></html>", "x.html");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->date.Iso(), "2022-11-28");
  EXPECT_EQ(d->date_source, "input");
  EXPECT_EQ(d->original, "Hi.");
}

TEST(BadInput, BinaryJunkIsRefusedWithAMessage) {
  TempFile f("junk.bin");
  std::string junk;
  for (int i = 0; i < 4096; ++i) junk.push_back(static_cast<char>((i * 7919) % 256));
  f.Write(junk);
  std::vector<ReadIssue> issues;
  auto r = ReadDocuments(f.path(), {}, &issues);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("binary data"), std::string::npos) << r.status().message();
  EXPECT_NE(r.status().message().find("junk.bin"), std::string::npos);
}

TEST(BadInput, InvalidUtf8BecomesSpacesWithAWarning) {
  TempFile f("latin1.txt");
  f.Write("Trade with T\xFCrkiye rose.\n");
  std::vector<ReadIssue> issues;
  auto r = ReadDocuments(f.path(), {}, &issues);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0].norm.text, "Trade with T rkiye rose.\n");
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_FALSE(issues[0].fatal);
  EXPECT_EQ(issues[0].ToString(), f.path() + ": warning: 1 bytes of invalid UTF-8 were read as spaces (is the file UTF-8?)");
}

TEST(BadInput, EmptyFileIsAnEmptyDocument) {
  TempFile f("empty.txt");
  f.Write("");
  std::vector<ReadIssue> issues;
  auto r = ReadDocuments(f.path(), {}, &issues);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 1u);
  EXPECT_TRUE((*r)[0].norm.text.empty());
  EXPECT_TRUE(issues.empty());
}

TEST(BadInput, HundredMegabyteLineIsRefusedQuickly) {
  TempFile f("huge.txt");
  {
    std::ofstream out(f.path(), std::ios::binary);
    std::string chunk(1 << 20, 'a');
    for (int i = 0; i < 100; ++i) out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
  }
  auto start = std::chrono::steady_clock::now();
  std::vector<ReadIssue> issues;
  auto r = ReadDocuments(f.path(), {}, &issues);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(),
            f.path() + ": 104857600 bytes is more than the 16 MiB one document may have; split it, or give "
                       "articles as JSON Lines");
  EXPECT_LT(seconds, 1.0);
}

TEST(BadInput, HundredMegabyteJsonLineIsSkippedAndTheRestRead) {
  TempFile f("huge.jsonl");
  {
    std::ofstream out(f.path(), std::ios::binary);
    out << "{\"id\": \"a\", \"text\": \"First.\"}\n{\"id\": \"big\", \"text\": \"";
    std::string chunk(1 << 20, 'a');
    for (int i = 0; i < 100; ++i) out.write(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    out << "\"}\n{\"id\": \"c\", \"url\": \"https://x.org/2024/01/02/y\", \"text\": \"Third.\"}\n";
  }
  std::vector<ReadIssue> issues;
  auto r = ReadDocuments(f.path(), {}, &issues);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].id, "a");
  EXPECT_EQ((*r)[1].id, "c");
  EXPECT_EQ((*r)[1].date.Iso(), "2024-01-02");
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].line, 2u);
  EXPECT_EQ(issues[0].ToString(),
            f.path() + ":2: line longer than 16 MiB skipped (one JSON object per line, one document each)");
}

TEST(BadInput, BrokenJsonLineIsAnIssueWithItsLineNumber) {
  TempFile f("bad.jsonl");
  f.Write("{\"id\": \"a\", \"text\": \"One.\"}\nnot json\n{\"id\": \"b\"}\n");
  std::vector<ReadIssue> issues;
  auto r = ReadDocuments(f.path(), {}, &issues);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->size(), 1u);
  ASSERT_EQ(issues.size(), 2u);
  EXPECT_EQ(issues[0].line, 2u);
  EXPECT_EQ(issues[1].ToString(), f.path() + ":3: expected an object with a string \"text\" (and id, url, date)");
}

TEST(BadInput, HtmlWithScriptsKeepsOnlyTheText) {
  TempFile f("page.html");
  std::string html = "<html><body><p>Tokayev visited China.</p>";
  for (int i = 0; i < 100; ++i) html += "<script>for(;;){alert('x')}</script><style>.a{}</style>";
  html += "<script>unterminated";
  f.Write(html);
  std::vector<ReadIssue> issues;
  auto r = ReadDocuments(f.path(), {}, &issues);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)[0].original, "Tokayev visited China.");
}

TEST(BadInput, MissingFileSaysSo) {
  std::vector<ReadIssue> issues;
  auto r = ReadDocuments("/nonexistent/bilat/file.txt", {}, &issues);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kIoError);
}

}  // namespace
}  // namespace bilat::text
