// `bilat serve`: the published site and a read-only JSON API over one
// workspace, on loopback by default (cpp-httplib).
//
//   GET /api/v1/                         what there is
//   GET /api/v1/openapi.json             the OpenAPI 3 document
//   GET /api/v1/pairs?country=A          every partner of A, with links
//   GET /api/v1/pairs/A/B/report         the pair's report (docs/formats/report_json.md)
//   GET /api/v1/pairs/A/B/index          the pair in the relations index, every year
//   GET /api/v1/pairs/A/B/events         the pair's event series (?dataset=, ?period=month|year)
//   GET /api/v1/pairs/A/B/trade          the pair's trade indicators and stated figures (?dataset=)
//   GET /api/v1/index/A[?year=Y]         every partner of A in one year (docs/formats/index_json.md)
//   GET /anything-else                   a file of the site folder (`bilat site`), if given
//
// Only GET and HEAD; other methods get 405. Requests are bounded in size and
// time, handled by a fixed pool of threads; responses carry an ETag (304 on
// If-None-Match) and are compressed when the client accepts gzip. Errors are
// JSON: {"error": {"status": 404, "message": "..."}}. No path outside the
// site folder is ever served: ".." segments and encoded dots are refused
// and the resolved path must lie inside the folder.
#ifndef BILAT_SERVE_API_SERVER_H_
#define BILAT_SERVE_API_SERVER_H_

#include <memory>
#include <string>

#include "core/country.h"
#include "core/status.h"

namespace bilat::serve {

struct ServeOptions {
  std::string workspace = ".";
  std::string site_dir;        // "" serves the API only
  std::string host = "127.0.0.1";
  int port = 8080;             // 0: any free port (tests)
  int threads = 4;             // worker threads
  size_t max_request_bytes = 64 * 1024;
  int timeout_seconds = 10;    // read and write
  std::string index_weights;   // "" for data/index_weights.tsv
};

class ApiServer {
 public:
  static Result<std::unique_ptr<ApiServer>> Create(const ServeOptions& options, const CountryRegistry& countries);
  ~ApiServer();
  // Binds (port 0: any free port) and returns the port, or an error.
  Result<int> Bind();
  // Serves until Stop(); call after Bind().
  Status Listen();
  void Stop();

 private:
  struct Impl;
  explicit ApiServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace bilat::serve

#endif  // BILAT_SERVE_API_SERVER_H_
