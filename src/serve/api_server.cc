#include "serve/api_server.h"

#include <httplib.h>
#include <xxhash.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <nlohmann/json.hpp>

#include "app/events_json.h"
#include "app/query_events.h"
#include "app/query_index.h"
#include "app/query_trade.h"
#include "app/trade_json.h"
#include "app/write_report.h"
#include "index/index_export.h"
#include "index/standing.h"
#include "store/partners.h"
#include "store/workspace.h"

namespace bilat::serve {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr size_t kMaxFileBytes = 64u << 20;  // a site file larger than this is not served
constexpr size_t kMaxCachedReports = 512;

std::string ETagOf(const std::string& body) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "\"%016llx\"", static_cast<unsigned long long>(XXH3_64bits(body.data(), body.size())));
  return buf;
}

// Sends `body` with its ETag, or 304 when the client already has it.
void Send(const httplib::Request& req, httplib::Response& res, std::string body, const char* type) {
  const std::string etag = ETagOf(body);
  res.set_header("ETag", etag);
  res.set_header("Cache-Control", "no-cache");
  res.set_header("X-Content-Type-Options", "nosniff");
  if (req.get_header_value("If-None-Match") == etag) {
    res.status = 304;
    return;
  }
  res.status = 200;
  res.set_content(std::move(body), type);
}

void Error(httplib::Response& res, int status, const std::string& message) {
  res.status = status;
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_content(json{{"error", {{"status", status}, {"message", message}}}}.dump() + "\n", "application/json");
}

int StatusFor(const Status& s) {
  switch (s.code()) {
    case StatusCode::kNotFound:
      return 404;
    case StatusCode::kInvalidArgument:
      return 400;
    default:
      return 500;
  }
}

const char* ContentType(const fs::path& p) {
  const std::string ext = p.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".json") return "application/json";
  if (ext == ".csv") return "text/csv; charset=utf-8";
  if (ext == ".md") return "text/markdown; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".css") return "text/css";
  if (ext == ".js") return "application/javascript";
  return "application/octet-stream";
}

json OpenApi() {
  auto get = [](const char* summary, json params) {
    return json{{"get",
                 {{"summary", summary},
                  {"parameters", params},
                  {"responses",
                   {{"200", {{"description", "JSON"}}},
                    {"304", {{"description", "not modified (If-None-Match matched the ETag)"}}},
                    {"400", {{"description", "bad parameter, as JSON error"}}},
                    {"404", {{"description", "unknown country or pair, as JSON error"}}}}}}}};
  };
  auto path_param = [](const char* name, const char* what) {
    return json{{"name", name}, {"in", "path"}, {"required", true}, {"description", what},
                {"schema", {{"type", "string"}}}};
  };
  return {{"openapi", "3.0.3"},
          {"info",
           {{"title", "bilat read-only API"},
            {"version", "1"},
            {"description", "Country reports, the relations index and its components, from one bilat workspace. "
                            "Read-only; formats in bilat's docs/formats/report_json.md and index_json.md."}}},
          {"paths",
           {{"/api/v1/pairs",
             get("Every partner of a country, with links",
                 json::array({{{"name", "country"}, {"in", "query"}, {"required", true},
                               {"schema", {{"type", "string"}}}, {"description", "ISO code or name"}}}))},
            {"/api/v1/pairs/{a}/{b}/report",
             get("The pair's report as JSON", json::array({path_param("a", "first country (ISO alpha-3)"),
                                                           path_param("b", "partner (ISO alpha-3)")}))},
            {"/api/v1/pairs/{a}/{b}/index",
             get("The pair in the relations index of a's series, every year",
                 json::array({path_param("a", "the series' country"), path_param("b", "partner")}))},
            {"/api/v1/pairs/{a}/{b}/events",
             get("The pair's event series both ways (net cooperation, quad classes, Goldstein, tone)",
                 json::array({path_param("a", "first country"), path_param("b", "partner"),
                              {{"name", "dataset"}, {"in", "query"}, {"required", false},
                               {"schema", {{"type", "string"}}}, {"description", "gdelt (default), icews or text"}},
                              {{"name", "period"}, {"in", "query"}, {"required", false},
                               {"schema", {{"type", "string"}}}, {"description", "month (default) or year"}}}))},
            {"/api/v1/pairs/{a}/{b}/trade",
             get("The pair's trade indicators every year, and the figures its registry states",
                 json::array({path_param("a", "first country"), path_param("b", "partner"),
                              {{"name", "dataset"}, {"in", "query"}, {"required", false},
                               {"schema", {{"type", "string"}}},
                               {"description", "imf_dots, comtrade, baci or registry (default: all)"}}}))},
            {"/api/v1/index/{a}",
             get("Every partner of a in the relations index in one year",
                 json::array({path_param("a", "the series' country"),
                              {{"name", "year"}, {"in", "query"}, {"required", false},
                               {"schema", {{"type", "integer"}}},
                               {"description", "default: the index's default year"}}}))}}}};
}

}  // namespace

struct ApiServer::Impl {
  Impl(const ServeOptions& options, const CountryRegistry& c) : o(options), countries(c) {}
  ServeOptions o;
  const CountryRegistry& countries;
  httplib::Server server;
  std::mutex mu;  // the workspace connection and the caches: one request at a time
  std::unique_ptr<store::Workspace> ws;
  index::IndexSettings settings;
  std::map<std::string, std::unique_ptr<index::SeriesStanding>> standings;
  // Rendered reports by "A-B": the workspace is read, never written, while
  // serving, so a report is built once (about 40 ms) and then served from
  // memory. Bounded: cleared when it holds kMaxCachedReports.
  std::map<std::string, std::string> reports;
  fs::path site_root;

  Result<const index::SeriesStanding*> Standing(const std::string& country) {
    auto it = standings.find(country);
    if (it == standings.end()) {
      BILAT_ASSIGN_OR_RETURN(auto st, index::LoadSeriesStanding(ws->db(), country, settings));
      it = standings.emplace(country, std::move(st)).first;
    }
    return it->second.get();
  }

  Result<std::string> Code(const std::string& text) {
    BILAT_ASSIGN_OR_RETURN(const Country* c, countries.Resolve(text));
    return c->alpha3;
  }

  // The pair of a /pairs/A/B/... route as alpha-3 codes; false (a 404 sent)
  // when either is not a country.
  bool Pair(const httplib::Request& req, httplib::Response& res, std::string* a, std::string* b) {
    for (auto [i, out] : {std::pair{1, a}, std::pair{2, b}}) {
      auto code = Code(req.matches[i]);
      if (!code.ok()) {
        Error(res, 404, code.status().message());
        return false;
      }
      *out = *code;
    }
    return true;
  }

  void Routes();
  void ServeFile(const httplib::Request& req, httplib::Response& res);
};

void ApiServer::Impl::Routes() {
  server.Get("/api/v1/?", [](const httplib::Request& req, httplib::Response& res) {
    Send(req, res,
         json{{"openapi", "/api/v1/openapi.json"},
              {"pairs", "/api/v1/pairs?country=CHN"},
              {"report", "/api/v1/pairs/CHN/KAZ/report"},
              {"pair_index", "/api/v1/pairs/CHN/KAZ/index"},
              {"events", "/api/v1/pairs/CHN/KAZ/events?period=year"},
              {"trade", "/api/v1/pairs/CHN/KAZ/trade"},
              {"index", "/api/v1/index/CHN?year=2020"}}
                 .dump(2) + "\n",
         "application/json");
  });
  server.Get("/api/v1/openapi.json", [](const httplib::Request& req, httplib::Response& res) {
    Send(req, res, OpenApi().dump(2) + "\n", "application/json");
  });
  server.Get("/api/v1/pairs", [this](const httplib::Request& req, httplib::Response& res) {
    if (!req.has_param("country")) return Error(res, 400, "give ?country=A (an ISO code or name)");
    std::lock_guard<std::mutex> lock(mu);
    auto a = Code(req.get_param_value("country"));
    if (!a.ok()) return Error(res, 404, a.status().message());
    auto partners = store::PartnersOf(ws->db(), *a);
    if (!partners.ok()) return Error(res, 500, partners.status().message());
    json out = json::array();
    for (const std::string& p : *partners) {
      const Country* c = countries.Find(p);
      out.push_back({{"country", *a},
                     {"partner", p},
                     {"name", c ? c->display_name : p},
                     {"report", "/api/v1/pairs/" + *a + "/" + p + "/report"},
                     {"index", "/api/v1/pairs/" + *a + "/" + p + "/index"},
                     {"page", "/" + *a + "/" + p + "/"}});
    }
    Send(req, res, out.dump(2) + "\n", "application/json");
  });
  server.Get(R"(/api/v1/pairs/([^/]+)/([^/]+)/report)", [this](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard<std::mutex> lock(mu);
    std::string a, b;
    if (!Pair(req, res, &a, &b)) return;
    const std::string key = a + "-" + b;
    auto cached = reports.find(key);
    if (cached == reports.end()) {
      auto st = Standing(a);
      if (!st.ok()) return Error(res, StatusFor(st.status()), st.status().message());
      auto body = app::RenderReport(ws.get(), a, b, "json", countries, *st);
      if (!body.ok()) return Error(res, StatusFor(body.status()), body.status().message());
      if (reports.size() >= kMaxCachedReports) reports.clear();
      cached = reports.emplace(key, std::move(*body)).first;
    }
    Send(req, res, cached->second, "application/json");
  });
  server.Get(R"(/api/v1/pairs/([^/]+)/([^/]+)/index)", [this](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard<std::mutex> lock(mu);
    std::string a, b;
    if (!Pair(req, res, &a, &b)) return;
    auto st = Standing(a);
    if (!st.ok()) return Error(res, StatusFor(st.status()), st.status().message());
    std::vector<const index::IndexRow*> rows = (*st)->index.Partner(b);
    if (rows.empty()) return Error(res, 404, "no index values for " + a + " and " + b);
    Send(req, res, index::IndexRowsJson(rows, settings.normalisation) + "\n", "application/json");
  });
  server.Get(R"(/api/v1/pairs/([^/]+)/([^/]+)/events)", [this](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard<std::mutex> lock(mu);
    app::EventsQuery q;
    q.workspace = o.workspace;
    q.a = req.matches[1];
    q.b = req.matches[2];
    if (req.has_param("dataset")) q.series.dataset = req.get_param_value("dataset");
    if (req.has_param("period")) {
      const std::string period = req.get_param_value("period");
      if (period != "month" && period != "year") return Error(res, 400, "period must be month or year");
      q.series.yearly = period == "year";
    }
    auto answer = app::QueryEvents(q, countries);
    if (!answer.ok()) return Error(res, StatusFor(answer.status()), answer.status().message());
    Send(req, res, app::EventsAnswerJson(*answer) + "\n", "application/json");
  });
  server.Get(R"(/api/v1/pairs/([^/]+)/([^/]+)/trade)", [this](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard<std::mutex> lock(mu);
    app::TradeQuery q;
    q.workspace = o.workspace;
    q.a = req.matches[1];
    q.b = req.matches[2];
    if (req.has_param("dataset")) q.dataset = req.get_param_value("dataset");
    auto answer = app::QueryTrade(q, countries);
    if (!answer.ok()) return Error(res, StatusFor(answer.status()), answer.status().message());
    Send(req, res, app::TradeAnswerJson(*answer) + "\n", "application/json");
  });
  server.Get(R"(/api/v1/index/([^/]+))", [this](const httplib::Request& req, httplib::Response& res) {
    std::lock_guard<std::mutex> lock(mu);
    auto a = Code(req.matches[1]);
    if (!a.ok()) return Error(res, 404, a.status().message());
    auto st = Standing(*a);
    if (!st.ok()) return Error(res, StatusFor(st.status()), st.status().message());
    const index::RelationsIndex& ix = (*st)->index;
    int year = ix.default_year;
    if (req.has_param("year")) {
      const std::string y = req.get_param_value("year");
      char* end = nullptr;
      const long v = std::strtol(y.c_str(), &end, 10);
      if (y.empty() || *end || v < 1000 || v > 3000) return Error(res, 400, "year must be a year, e.g. 2020");
      year = static_cast<int>(v);
    }
    std::vector<const index::IndexRow*> rows = ix.Year(year);
    if (rows.empty()) {
      return Error(res, 404, "no index for " + std::to_string(year) + ": the index of " + *a + " runs from " +
                                 std::to_string(ix.first_year) + " to " + std::to_string(ix.last_year));
    }
    Send(req, res, index::IndexRowsJson(rows, settings.normalisation) + "\n", "application/json");
  });
  server.Get(R"(/api/.*)", [](const httplib::Request&, httplib::Response& res) {
    Error(res, 404, "no such API endpoint; see /api/v1/openapi.json");
  });
  server.Get(".*", [this](const httplib::Request& req, httplib::Response& res) { ServeFile(req, res); });
  // Read-only: every other method is refused.
  auto refuse = [](const httplib::Request&, httplib::Response& res) {
    res.set_header("Allow", "GET, HEAD");
    Error(res, 405, "read-only server: only GET and HEAD");
  };
  server.Post(".*", refuse);
  server.Put(".*", refuse);
  server.Patch(".*", refuse);
  server.Delete(".*", refuse);
  server.Options(".*", refuse);
}

void ApiServer::Impl::ServeFile(const httplib::Request& req, httplib::Response& res) {
  if (site_root.empty()) return Error(res, 404, "no site folder given (bilat serve --site DIR, after bilat site)");
  const std::string& path = req.path;  // already percent-decoded by httplib
  if (path.empty() || path[0] != '/' || path.find("..") != std::string::npos ||
      path.find('\\') != std::string::npos || path.find('\0') != std::string::npos) {
    return Error(res, 400, "bad path");
  }
  fs::path file = site_root / path.substr(1);
  std::error_code ec;
  if (fs::is_directory(file, ec)) file /= "index.html";
  const fs::path resolved = fs::weakly_canonical(file, ec);
  const std::string root = site_root.string() + "/";
  if (ec || resolved.string().compare(0, root.size(), root) != 0) return Error(res, 404, "not found");
  if (!fs::is_regular_file(resolved, ec)) return Error(res, 404, "not found: " + path);
  const auto size = fs::file_size(resolved, ec);
  if (ec || size > kMaxFileBytes) return Error(res, 404, "not found: " + path);
  std::ifstream in(resolved, std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  Send(req, res, buf.str(), ContentType(resolved));
}

ApiServer::ApiServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ApiServer::~ApiServer() = default;

Result<std::unique_ptr<ApiServer>> ApiServer::Create(const ServeOptions& o, const CountryRegistry& countries) {
  auto impl = std::make_unique<Impl>(o, countries);
  BILAT_ASSIGN_OR_RETURN(impl->ws, store::Workspace::OpenForReading(o.workspace));
  BILAT_ASSIGN_OR_RETURN(impl->settings, app::LoadIndexSettingsOrDefault(o.index_weights));
  if (!o.site_dir.empty()) {
    std::error_code ec;
    impl->site_root = fs::canonical(o.site_dir, ec);
    if (ec || !fs::is_directory(impl->site_root)) {
      return Status::NotFound(o.site_dir + ": no such folder (write one with bilat site A -w W --out DIR)");
    }
  }
  httplib::Server& s = impl->server;
  s.set_payload_max_length(o.max_request_bytes);
  s.set_read_timeout(o.timeout_seconds, 0);
  s.set_write_timeout(o.timeout_seconds, 0);
  s.set_keep_alive_max_count(100);
  const int threads = std::max(1, o.threads);
  s.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
  impl->Routes();
  return std::unique_ptr<ApiServer>(new ApiServer(std::move(impl)));
}

Result<int> ApiServer::Bind() {
  const int port = impl_->o.port == 0 ? impl_->server.bind_to_any_port(impl_->o.host)
                                      : (impl_->server.bind_to_port(impl_->o.host, impl_->o.port) ? impl_->o.port : -1);
  if (port < 0) {
    return Status::IoError("cannot listen on " + impl_->o.host + ":" + std::to_string(impl_->o.port) +
                           " (in use, or not an address of this machine)");
  }
  return port;
}

Status ApiServer::Listen() {
  if (!impl_->server.listen_after_bind()) return Status::IoError("the server stopped with an error");
  return Status::Ok();
}

void ApiServer::Stop() { impl_->server.stop(); }

}  // namespace bilat::serve
