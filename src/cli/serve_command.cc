// `bilat serve -w W [--site DIR]`: the site and the read-only JSON API.
#include <csignal>
#include <iostream>

#include "cli/command.h"
#include "serve/api_server.h"

namespace bilat::cli {
namespace {

serve::ApiServer* g_server = nullptr;

void OnSignal(int) {
  if (g_server) g_server->Stop();
}

}  // namespace

void RegisterServeCommand(const CommandRoots& roots, std::vector<Command>* commands) {
  auto o = std::make_shared<serve::ServeOptions>();
  CLI::App* sub = roots.root->add_subcommand(
      "serve",
      "Serve a workspace read-only over HTTP: the site written by bilat site (--site DIR) and a JSON API under "
      "/api/v1/ (pairs, a pair's report, the relations index by year and by pair; OpenAPI document at "
      "/api/v1/openapi.json). Loopback by default; only GET and HEAD; ETag and gzip; JSON errors. Ctrl-C stops.");
  sub->add_option("-w,--workspace", o->workspace, "Workspace folder")->capture_default_str();
  sub->add_option("--site", o->site_dir, "Site folder to serve at / (from bilat site A --out DIR)");
  sub->add_option("--host", o->host, "Address to listen on (loopback unless you mean otherwise)")->capture_default_str();
  sub->add_option("--port", o->port, "Port (0: any free port)")->capture_default_str()->check(CLI::Range(0, 65535));
  sub->add_option("--threads", o->threads, "Worker threads")->capture_default_str()->check(CLI::Range(1, 64));
  sub->add_option("--index-weights", o->index_weights, "Relations index settings and weights (see bilat index)");
  sub->footer(kExitCodesHelp);
  commands->push_back({sub, [o] {
    auto server = serve::ApiServer::Create(*o, Countries());
    if (!server.ok()) return Fail(server.status());
    auto port = (*server)->Bind();
    if (!port.ok()) return Fail(port.status());
    if (o->host != "127.0.0.1" && o->host != "::1" && o->host != "localhost") {
      std::cerr << "bilat: warning: listening on " << o->host << ", not loopback: anyone who can reach it can read "
                << "the workspace\n";
    }
    std::cerr << "serving " << o->workspace << " on http://" << o->host << ":" << *port << "/ (API: /api/v1/)\n";
    std::cout << "http://" << o->host << ":" << *port << "/\n" << std::flush;
    g_server = server->get();
    std::signal(SIGINT, OnSignal);
    std::signal(SIGTERM, OnSignal);
    Status st = (*server)->Listen();
    g_server = nullptr;
    if (!st.ok()) return Fail(st);
    return kExitOk;
  }});
}

}  // namespace bilat::cli
