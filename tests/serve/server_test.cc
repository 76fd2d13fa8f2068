// bilat serve against a real HTTP client (cpp-httplib's) on loopback: the
// API's answers, ETags and 304s, gzip, JSON errors with their status codes,
// refused methods, and no file outside the site folder, however the path is
// spelled.
#include "serve/api_server.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <thread>
#include <nlohmann/json.hpp>

#include "app/ingest_datasets.h"
#include "app/use_cases.h"
#include "tests/app/test_workspace.h"

namespace bilat::serve {
namespace {

using testing::Countries;
using testing::kExample;
using testing::TempWorkspace;
using testing::WriteAll;

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto ing = app::IngestRegistry({ws_.str(), (kExample / "registry").string(), false}, Countries());
    ASSERT_TRUE(ing.ok()) << ing.status().ToString();
    // Two of the openly licensed datasets bilat ships, so that the index has
    // components (it reads datasets, never registry rows).
    const std::filesystem::path series = std::filesystem::path(BILAT_SOURCE_DIR) / "data" / "series";
    for (const auto& [kind, file] : {std::pair{"partnerships", "china_partnerships.csv"},
                                     std::pair{"gcdf", "gcdf3_country_year.csv"}}) {
      app::IngestDatasetOptions d;
      d.workspace = ws_.str();
      d.dataset = kind;
      d.files = {(series / file).string()};
      auto r = app::IngestDatasets(d, Countries());
      ASSERT_TRUE(r.ok()) << kind << ": " << r.status().ToString();
    }
    site_ = ws_.dir() / "site";
    WriteAll(site_ / "index.html", "<!DOCTYPE html><title>site</title><p>the site</p>");
    WriteAll(site_ / "CHN" / "KAZ" / "index.html", "<!DOCTYPE html><title>pair</title>");
    WriteAll(ws_.dir() / "secret.txt", "outside the site");
    ServeOptions o;
    o.workspace = ws_.str();
    o.site_dir = site_.string();
    o.port = 0;
    o.threads = 2;
    auto server = ApiServer::Create(o, Countries());
    ASSERT_TRUE(server.ok()) << server.status().ToString();
    server_ = std::move(*server);
    auto port = server_->Bind();
    ASSERT_TRUE(port.ok()) << port.status().ToString();
    port_ = *port;
    thread_ = std::thread([this] { (void)server_->Listen(); });
  }
  void TearDown() override {
    if (server_) server_->Stop();
    if (thread_.joinable()) thread_.join();
  }
  httplib::Client Client() {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(60, 0);
    return c;
  }
  static nlohmann::json Json(const httplib::Result& r) { return nlohmann::json::parse(r->body); }

  TempWorkspace ws_;
  std::filesystem::path site_;
  std::unique_ptr<ApiServer> server_;
  int port_ = 0;
  std::thread thread_;
};

TEST_F(ServerTest, PairsAndReportAsJsonWithETag) {
  auto c = Client();
  auto pairs = c.Get("/api/v1/pairs?country=China");
  ASSERT_TRUE(pairs);
  ASSERT_EQ(pairs->status, 200) << pairs->body;
  EXPECT_EQ(pairs->get_header_value("Content-Type"), "application/json");
  bool kaz = false;
  for (const auto& p : Json(pairs)) kaz = kaz || (p["partner"] == "KAZ" && p["report"] == "/api/v1/pairs/CHN/KAZ/report");
  EXPECT_TRUE(kaz) << pairs->body.substr(0, 300);

  auto report = c.Get("/api/v1/pairs/CHN/KAZ/report");
  ASSERT_TRUE(report);
  ASSERT_EQ(report->status, 200) << report->body.substr(0, 300);
  const nlohmann::json doc = Json(report);
  EXPECT_EQ(doc["pair"]["a"], "CHN");
  EXPECT_FALSE(doc["sections"].empty());
  const std::string etag = report->get_header_value("ETag");
  ASSERT_FALSE(etag.empty());
  auto again = c.Get("/api/v1/pairs/CHN/KAZ/report", {{"If-None-Match", etag}});
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 304);
  EXPECT_TRUE(again->body.empty());
}

TEST_F(ServerTest, CompressesWhenTheClientAcceptsGzip) {
  httplib::Client c("127.0.0.1", port_);
  c.set_decompress(false);
  auto r = c.Get("/api/v1/openapi.json", {{"Accept-Encoding", "gzip"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Encoding"), "gzip");
  auto plain = Client().Get("/api/v1/openapi.json");
  ASSERT_TRUE(plain);
  EXPECT_EQ(Json(plain)["openapi"], "3.0.3");
  EXPECT_TRUE(Json(plain)["paths"].contains("/api/v1/pairs/{a}/{b}/report"));
}

TEST_F(ServerTest, ErrorsAreJsonWithTheirStatus) {
  auto c = Client();
  auto unknown = c.Get("/api/v1/pairs/CHN/Narnia/report");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->status, 404);
  EXPECT_EQ(Json(unknown)["error"]["status"], 404);
  EXPECT_NE(Json(unknown)["error"]["message"].get<std::string>().find("Narnia"), std::string::npos);
  auto missing = c.Get("/api/v1/pairs");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 400);
  auto year = c.Get("/api/v1/index/CHN?year=abc");
  ASSERT_TRUE(year);
  EXPECT_EQ(year->status, 400);
  auto period = c.Get("/api/v1/pairs/CHN/KAZ/events?period=decade");
  ASSERT_TRUE(period);
  EXPECT_EQ(period->status, 400);
  auto events = c.Get("/api/v1/pairs/CHN/KAZ/events?period=year");
  ASSERT_TRUE(events);
  // The example registry holds no event data: an answer either way, as JSON.
  EXPECT_TRUE(events->status == 200 || events->status == 404) << events->status;
  EXPECT_NO_THROW(Json(events));
  auto trade = c.Get("/api/v1/pairs/CHN/KAZ/trade");
  ASSERT_TRUE(trade);
  // The example registry states trade figures (trade.csv): answered as JSON.
  ASSERT_EQ(trade->status, 200) << trade->body.substr(0, 200);
  bool stated = false;
  for (const auto& row : Json(trade)) stated = stated || row["dataset"] == "registry";
  EXPECT_TRUE(stated);
  auto nothing = c.Get("/api/v1/nothing");
  ASSERT_TRUE(nothing);
  EXPECT_EQ(nothing->status, 404);
  auto post = c.Post("/api/v1/pairs?country=CHN", "x", "text/plain");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
  EXPECT_EQ(post->get_header_value("Allow"), "GET, HEAD");
  auto del = c.Delete("/index.html");
  ASSERT_TRUE(del);
  EXPECT_EQ(del->status, 405);
}

TEST_F(ServerTest, ServesTheSiteAndNothingOutsideIt) {
  auto c = Client();
  auto root = c.Get("/");
  ASSERT_TRUE(root);
  EXPECT_EQ(root->status, 200);
  EXPECT_NE(root->body.find("the site"), std::string::npos);
  EXPECT_EQ(root->get_header_value("Content-Type"), "text/html; charset=utf-8");
  auto pair = c.Get("/CHN/KAZ/");
  ASSERT_TRUE(pair);
  EXPECT_EQ(pair->status, 200);
  for (const char* path : {"/../secret.txt", "/..%2fsecret.txt", "/%2e%2e/secret.txt", "/CHN/../../secret.txt",
                           "/../bilat.db", "/%2e%2e%2fbilat.db", "/..\\secret.txt", "/nothing.html"}) {
    auto r = c.Get(path);
    if (!r) continue;  // the client may refuse to send it: also fine
    EXPECT_TRUE(r->status == 400 || r->status == 404) << path << " -> " << r->status;
    EXPECT_EQ(r->body.find("outside the site"), std::string::npos) << path;
    EXPECT_EQ(r->body.find("SQLite format"), std::string::npos) << path;
  }
}

TEST_F(ServerTest, TheIndexByYearAndByPair) {
  auto c = Client();
  auto pair = c.Get("/api/v1/pairs/CHN/KAZ/index");
  ASSERT_TRUE(pair);
  ASSERT_EQ(pair->status, 200) << pair->body.substr(0, 200);
  const nlohmann::json rows = Json(pair);
  ASSERT_TRUE(rows.is_array());
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(rows[0]["partner"], "KAZ");
  EXPECT_TRUE(rows[0].contains("warmth"));
  const int year = rows.back()["year"];
  auto by_year = c.Get(("/api/v1/index/CHN?year=" + std::to_string(year)).c_str());
  ASSERT_TRUE(by_year);
  EXPECT_EQ(by_year->status, 200);
  auto none = c.Get("/api/v1/index/CHN?year=1800");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 404);
}

}  // namespace
}  // namespace bilat::serve
