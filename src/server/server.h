// Server: warta's HTTP API and dashboard over one event store (`warta serve`).
//
//   POST /v1/code             code posted documents, return their events (nothing stored)
//   POST /v1/ingest           code and store them (bearer token when one is set)
//   GET  /v1/events           stored events, with the filters of `warta query`
//   GET  /v1/events/{id}      one stored event with its mentions
//   GET  /v1/dyads/{A}/{B}    counts and Goldstein sum/mean per period, both directions
//   GET  /v1/dyads/{A}/{B}/events   the events of a dyad, both directions
//   GET  /v1/actors/lookup    how a name codes (name, date, lang)
//   GET  /healthz             liveness and store counts
//   GET  /...                 the dashboard: the static files of web/dist
//
// Every error is a JSON object {"error": {"status", "code", "message", "details"?}};
// bad input is a 4xx, never a crash. Limits: request body size, socket read/write
// timeouts, a per-request time budget for coding, a cap on events returned.
//
// Thread-safety: requests are served from a fixed pool of threads; the coder is
// shared (Coder::Code is const), stores are one connection per request from a pool.
// Stop() may be called from any thread.
#ifndef WARTA_SERVER_SERVER_H_
#define WARTA_SERVER_SERVER_H_

#include <cstddef>
#include <memory>
#include <string>

#include "warta/status.h"

namespace warta::server {

struct ServerOptions {
  std::string db;  // SQLite file (created when missing) or postgresql://...
  std::string host = "127.0.0.1";
  int port = 8080;       // 0: any free port (see Server::port())
  std::string token;     // non-empty: POST /v1/ingest needs "Authorization: Bearer <token>"
  std::string web_dir;   // the built dashboard; empty: the built-in default
  std::string data_dir;  // warta data directory; empty: the built-in default
  size_t max_body_bytes = 16u << 20;
  int io_timeout_seconds = 10;  // socket reads and writes
  int request_seconds = 30;     // coding budget of one request
  int threads = 4;              // requests served at once
  int64_t max_events = 10000;   // cap on `limit`
  bool access_log = true;       // one line per request on stderr
};

class Server {
 public:
  // Loads the dictionaries, opens the store (creating or migrating it) and binds the
  // port; errors come back as a Status (unusable store, port taken, ...).
  static Result<std::unique_ptr<Server>> Open(const ServerOptions& options);
  virtual ~Server() = default;

  virtual int port() const = 0;
  virtual std::string web_dir() const = 0;  // "" when no built dashboard was found
  // Serves until Stop(); returns false if the listening loop failed.
  virtual bool Run() = 0;
  virtual void Stop() = 0;
};

std::string DefaultWebDir();

}  // namespace warta::server

#endif  // WARTA_SERVER_SERVER_H_
