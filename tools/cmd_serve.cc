// warta serve: the HTTP API and the dashboard (src/server/server.h).
#include "cmd_serve.h"

#include <fmt/format.h>
#include <pthread.h>
#include <signal.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <thread>

#include "cli_output.h"
#include "server/server.h"

namespace warta {
namespace {

using cli::Error;

int RunServe(server::ServerOptions opts, const std::string& data_dir) {
  if (opts.token.empty()) {
    const char* env = getenv("WARTA_TOKEN");
    if (env) opts.token = env;
  }
  opts.data_dir = data_dir;
  if (opts.token.empty() && opts.host != "127.0.0.1" && opts.host != "localhost" &&
      opts.host != "::1")
    Error("warning: listening on " + opts.host +
          " without --token: anyone who can reach it can write to the store");
  // SIGINT and SIGTERM stop the server from a thread of their own (blocked here before
  // any server thread exists, so they all inherit the mask); a peer that hangs up must
  // not kill the process.
  signal(SIGPIPE, SIG_IGN);
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  auto srv = server::Server::Open(opts);
  if (!srv.ok()) {
    Error(srv.status().message());
    return 1;
  }
  server::Server* s = srv->get();
  std::atomic<bool> done{false};
  std::thread waiter([&] {
    int sig = 0;
    sigwait(&stop_signals, &sig);
    if (!done) fmt::print(stderr, "warta serve: signal {}, stopping\n", sig);
    s->Stop();
  });
  fmt::print("warta serve: listening on http://{}:{}/ (store {}, dashboard {})\n", opts.host,
             s->port(), opts.db, s->web_dir().empty() ? "not built" : s->web_dir());
  fflush(stdout);
  bool ok = s->Run();
  done = true;
  pthread_kill(waiter.native_handle(), SIGTERM);  // wakes the waiter if no signal came
  waiter.join();
  if (!ok) {
    Error("the server stopped with an error");
    return 1;
  }
  return 0;
}

}  // namespace

void RegisterServeCommand(CLI::App* app, const std::string* data_dir) {
  static server::ServerOptions o;
  auto* serve = app->add_subcommand(
      "serve",
      "HTTP API (JSON) and dashboard over a store: /v1/code, /v1/ingest, /v1/events, "
      "/v1/dyads/A/B, /v1/actors/lookup, /healthz");
  serve
      ->add_option("--db", o.db,
                   "the store: a SQLite file (created when missing) or "
                   "postgresql://user@host:port/dbname")
      ->required();
  serve->add_option("--port", o.port, "TCP port (0: any free port; the first line printed says)")
      ->check(CLI::Range(0, 65535));
  serve->add_option("--host", o.host,
                    "address to listen on (default 127.0.0.1: this machine only)");
  serve->add_option("--token", o.token,
                    "bearer token that POST /v1/ingest requires (default: $WARTA_TOKEN; none: "
                    "no token needed)");
  serve->add_option("--web", o.web_dir,
                    "the built dashboard (default: web/dist of the source tree)");
  serve->add_option("--max-body", o.max_body_bytes, "largest request body in bytes")
      ->check(CLI::Range(size_t{1024}, size_t{1} << 30));
  serve->add_option("--timeout", o.io_timeout_seconds, "socket read and write timeout, seconds")
      ->check(CLI::Range(1, 3600));
  serve
      ->add_option("--request-seconds", o.request_seconds,
                   "time budget for coding the documents of one request")
      ->check(CLI::Range(1, 3600));
  serve->add_option("--threads", o.threads, "requests served at once")->check(CLI::Range(1, 256));
  serve->add_flag("!--no-access-log", o.access_log, "do not log requests on stderr");
  serve->callback([data_dir] { throw CLI::RuntimeError(RunServe(o, *data_dir)); });
}

}  // namespace warta
