#include "server/server.h"

#include <fmt/format.h>
#include <httplib.h>
#include <simdjson.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <initializer_list>
#include <mutex>
#include <string_view>
#include <vector>

#include "ingest/reader.h"
#include "output/event_writer.h"
#include "server/actor_lookup.h"
#include "store/event_json.h"
#include "util/date.h"
#include "util/json_writer.h"
#include "util/utf8.h"
#include "warta/coder.h"
#include "warta/store.h"

#ifndef WARTA_DEFAULT_WEB_DIR
#define WARTA_DEFAULT_WEB_DIR ""
#endif

namespace warta::server {
namespace {

using httplib::Request;
using httplib::Response;
using Clock = std::chrono::steady_clock;

constexpr size_t kMaxDetails = 20;
constexpr size_t kMaxParamBytes = 1000;

// ---------------------------------------------------------------------------------------
// Responses

void SendJson(Response& res, int status, std::string body) {
  res.status = status;
  body.push_back('\n');
  res.set_content(body, "application/json; charset=utf-8");
}

void AppendError(int status, std::string_view code, std::string_view message,
                 const std::vector<std::string>& details, std::string* out) {
  *out += fmt::format("{{\"status\": {}, \"code\": ", status);
  json::AppendString(code, out);
  *out += ", \"message\": ";
  json::AppendString(message, out);
  if (!details.empty()) {
    *out += ", \"details\": [";
    for (size_t i = 0; i < details.size() && i < kMaxDetails; ++i) {
      if (i) *out += ", ";
      json::AppendString(details[i], out);
    }
    if (details.size() > kMaxDetails)
      *out += fmt::format(", \"... and {} more\"", details.size() - kMaxDetails);
    *out += "]";
  }
  *out += "}";
}

void SendError(Response& res, int status, std::string_view code, std::string_view message,
               const std::vector<std::string>& details = {}) {
  std::string body = "{\"error\": ";
  AppendError(status, code, message, details, &body);
  body += "}";
  SendJson(res, status, std::move(body));
}

// A failed store call: bad filter values are the client's, the rest is ours.
void SendStoreError(Response& res, const Status& st) {
  if (st.code() == Status::Code::kInvalidArgument)
    SendError(res, 400, "invalid_parameter", st.message());
  else if (st.code() == Status::Code::kNotFound)
    SendError(res, 404, "not_found", st.message());
  else
    SendError(res, 500, "store_error", st.message());
}

const char* DefaultErrorCode(int status) {
  switch (status) {
    case 400:
      return "bad_request";
    case 401:
      return "unauthorized";
    case 404:
      return "not_found";
    case 405:
      return "method_not_allowed";
    case 408:
      return "timeout";
    case 413:
      return "payload_too_large";
    case 414:
      return "uri_too_long";
    case 416:
      return "range_not_satisfiable";
    default:
      return status >= 500 ? "internal" : "error";
  }
}

// ---------------------------------------------------------------------------------------
// Query parameters

// The query string's parameters. Not req.params: httplib adds the fields of a form body
// to those, and a document posted with curl's default content type looks like a form.
struct Query {
  explicit Query(const Request& req) {
    size_t q = req.target.find('?');
    if (q != std::string::npos) httplib::detail::parse_query_text(req.target.substr(q + 1), params);
  }
  httplib::Params params;
};

std::string Param(const Query& q, const char* key) {
  auto it = q.params.find(key);
  return it == q.params.end() ? std::string() : it->second;
}

// Unknown or repeated parameters and values that are not UTF-8 are errors: a typo in a
// filter must not silently return everything.
bool CheckParams(const Query& q, Response& res, std::initializer_list<std::string_view> allowed) {
  for (auto it = q.params.begin(); it != q.params.end(); ++it) {
    const std::string& key = it->first;
    bool known = std::find(allowed.begin(), allowed.end(), key) != allowed.end();
    if (utf8::FindInvalid(key) != std::string_view::npos) {
      SendError(res, 400, "invalid_utf8", "a query parameter name is not valid UTF-8");
      return false;
    }
    if (!known) {
      std::string names;
      for (std::string_view a : allowed) names += (names.empty() ? "" : ", ") + std::string(a);
      SendError(res, 400, "unknown_parameter",
                fmt::format("unknown query parameter \"{}\"; this endpoint takes: {}", key,
                            names.empty() ? "none" : names));
      return false;
    }
    if (q.params.count(key) > 1) {
      SendError(res, 400, "invalid_parameter",
                fmt::format("query parameter \"{}\" is given more than once", key));
      return false;
    }
    size_t bad = utf8::FindInvalid(it->second);
    if (bad != std::string_view::npos) {
      SendError(res, 400, "invalid_utf8",
                fmt::format("query parameter \"{}\" is not valid UTF-8 (byte {})", key, bad + 1));
      return false;
    }
    if (it->second.size() > kMaxParamBytes) {
      SendError(res, 400, "invalid_parameter",
                fmt::format("query parameter \"{}\" is longer than {} bytes", key, kMaxParamBytes));
      return false;
    }
  }
  return true;
}

bool IsAlnum(std::string_view s, size_t max_len) {
  if (s.empty() || s.size() > max_len) return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  });
}

bool IsDigits(std::string_view s, size_t max_len) {
  if (s.empty() || s.size() > max_len) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::optional<int64_t> ToInt(std::string_view s) {
  int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

bool IsDate(std::string_view s) { return ParseIsoDate(s).has_value(); }

bool IsFullDate(std::string_view s) {
  auto d = ParseIsoDate(s);
  return d && d->month && d->day;
}

std::string Upper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// ---------------------------------------------------------------------------------------
// Stores: one connection per request in flight, kept for the next one.

class StorePool {
 public:
  StorePool(std::string uri, StoreOptions options)
      : uri_(std::move(uri)), options_(std::move(options)) {}

  class Lease {
   public:
    Lease(StorePool* pool, std::unique_ptr<Store> store) : pool_(pool), store_(std::move(store)) {}
    Lease(Lease&&) = default;
    ~Lease() {
      if (store_) pool_->Release(std::move(store_));
    }
    Store* operator->() { return store_.get(); }
    Store* get() { return store_.get(); }
    // After an error that may have broken the connection: do not reuse it.
    void Discard() { store_.reset(); }

   private:
    StorePool* pool_;
    std::unique_ptr<Store> store_;
  };

  Result<Lease> Acquire() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!idle_.empty()) {
        std::unique_ptr<Store> s = std::move(idle_.back());
        idle_.pop_back();
        return Lease(this, std::move(s));
      }
    }
    auto s = Store::Open(uri_, options_);
    if (!s.ok()) return s.status();
    return Lease(this, std::move(*s));
  }

  void Release(std::unique_ptr<Store> s) {
    std::lock_guard<std::mutex> lock(mu_);
    idle_.push_back(std::move(s));
  }

 private:
  std::string uri_;
  StoreOptions options_;
  std::mutex mu_;
  std::vector<std::unique_ptr<Store>> idle_;
};

// ---------------------------------------------------------------------------------------
// Request bodies: one JSON object, a JSON array of objects, or JSON lines.

struct ParsedBody {
  std::vector<Document> docs;
  std::vector<std::string> errors;
  std::string summary;  // the error message when errors is not empty
};

ParsedBody ParseDocuments(std::string_view body, const ReaderOptions& ropts) {
  ParsedBody out;
  DocumentReader reader(
      ropts, [](Document&&) {}, [](const Status&) {});
  size_t first = body.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) {
    out.summary = "the request body is empty: send a JSON object, an array of them or JSON lines";
    out.errors.push_back(out.summary);
    return out;
  }
  if (body[first] == '[') {
    simdjson::dom::parser parser;
    simdjson::padded_string padded(body);
    simdjson::dom::element root;
    if (auto err = parser.parse(padded).get(root)) {
      out.summary = "the request body is not valid JSON";
      out.errors.push_back(fmt::format("body: {}", simdjson::error_message(err)));
      return out;
    }
    simdjson::dom::array arr;
    if (root.get_array().get(arr)) {  // cannot happen after '['; kept for safety
      out.summary = "the request body is not a JSON array";
      out.errors.push_back(out.summary);
      return out;
    }
    size_t i = 0;
    for (simdjson::dom::element el : arr) {
      ++i;
      std::string origin = fmt::format("document {}", i);
      if (!el.is_object()) {
        out.errors.push_back(origin + ": a document must be a JSON object");
        continue;
      }
      Document doc;
      Status st = reader.ParseJsonRecord(simdjson::minify(el), origin, &doc);
      if (st.ok())
        out.docs.push_back(std::move(doc));
      else
        out.errors.push_back(st.message());
    }
    if (i == 0) out.errors.push_back("the array holds no documents");
    if (!out.errors.empty()) out.summary = "some documents of the request are not valid";
    return out;
  }
  // One object, possibly over several lines (pretty-printed).
  Document whole;
  Status whole_st = reader.ParseJsonRecord(body, "body", &whole);
  if (whole_st.ok()) {
    out.docs.push_back(std::move(whole));
    return out;
  }
  // JSON lines.
  std::vector<std::string> line_errors;
  size_t start = 0, number = 0, records = 0;
  bool first_line_bad = false;
  while (start <= body.size()) {
    size_t end = body.find('\n', start);
    if (end == std::string_view::npos) end = body.size();
    std::string_view line = body.substr(start, end - start);
    start = end + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) {
      if (end == body.size()) break;
      continue;
    }
    ++records;
    Document doc;
    Status st = reader.ParseJsonRecord(line, fmt::format("line {}", number), &doc);
    if (st.ok()) {
      out.docs.push_back(std::move(doc));
    } else {
      if (records == 1) first_line_bad = true;
      line_errors.push_back(st.message());
    }
    if (end == body.size()) break;
  }
  if (records <= 1 || (first_line_bad && line_errors.size() == records)) {
    // Not JSON lines either: the whole body's error says most.
    out.docs.clear();
    out.summary = "the request body is not a JSON document, an array of them or JSON lines";
    out.errors.push_back(whole_st.message());
    if (records > 1)
      for (auto& e : line_errors) out.errors.push_back(std::move(e));
    return out;
  }
  if (!line_errors.empty()) {
    out.summary = "some lines of the request are not valid documents";
    out.errors = std::move(line_errors);
  }
  return out;
}

// ---------------------------------------------------------------------------------------

class ServerImpl : public Server {
 public:
  ServerImpl(const ServerOptions& options, std::unique_ptr<Coder> coder,
             std::unique_ptr<ActorLookup> actors, std::unique_ptr<StorePool> stores,
             std::string web_dir)
      : options_(options),
        coder_(std::move(coder)),
        actors_(std::move(actors)),
        stores_(std::move(stores)),
        web_dir_(std::move(web_dir)) {}

  Status Setup();
  int port() const override { return port_; }
  std::string web_dir() const override { return web_dir_; }
  bool Run() override { return http_.listen_after_bind(); }
  void Stop() override { http_.stop(); }

 private:
  bool Authorized(const Request& req, Response& res) const;
  bool ReadCodingParams(const Query& q, Response& res, ReaderOptions* ropts);

  void Health(const Request& req, Response& res);
  // Reads the body through `reader`, at most max_body_bytes of it (chunked or not).
  bool ReadBody(const httplib::ContentReader& reader, Response& res, std::string* body);
  void Code(const Request& req, Response& res, const std::string& body);
  void Ingest(const Request& req, Response& res, const std::string& body);
  void Events(const Request& req, Response& res);
  void EventById(const Request& req, Response& res);
  void DyadPeriods(const Request& req, Response& res);
  void DyadEvents(const Request& req, Response& res);
  void ActorsLookup(const Request& req, Response& res);
  void DashboardMissing(const Request& req, Response& res);

  bool ParseFilter(const Query& q, Response& res, EventFilter* f);
  bool ParseLimit(const Query& q, Response& res, int64_t* limit);
  // Writes events (and their mentions when `mentions`) as a JSON array into out.
  Status AppendEvents(Store* store, const std::vector<StoredEvent>& events, bool mentions,
                      std::string* out);

  ServerOptions options_;
  std::unique_ptr<Coder> coder_;
  std::unique_ptr<ActorLookup> actors_;
  std::unique_ptr<StorePool> stores_;
  std::string web_dir_;
  httplib::Server http_;
  int port_ = 0;
};

bool ServerImpl::Authorized(const Request& req, Response& res) const {
  if (options_.token.empty()) return true;
  std::string want = "Bearer " + options_.token;
  std::string got = req.get_header_value("Authorization");
  // Constant-time comparison: the time taken does not tell how much of a guess matched.
  unsigned char diff = got.size() == want.size() ? 0 : 1;
  for (size_t i = 0; i < want.size(); ++i)
    diff |= static_cast<unsigned char>(want[i] ^ (i < got.size() ? got[i] : 0));
  if (diff == 0) return true;
  res.set_header("WWW-Authenticate", "Bearer realm=\"warta\"");
  SendError(res, 401, "unauthorized",
            got.empty() ? "this endpoint needs \"Authorization: Bearer <token>\""
                        : "the bearer token is not the one the server was started with");
  return false;
}

bool ServerImpl::ReadCodingParams(const Query& q, Response& res, ReaderOptions* ropts) {
  std::string lang = Param(q, "lang"), date = Param(q, "date");
  if (!lang.empty() && lang != "auto" && lang != "en" && lang != "id") {
    SendError(res, 400, "invalid_parameter", "lang must be auto, en or id");
    return false;
  }
  if (!date.empty() && !IsFullDate(date)) {
    SendError(res, 400, "invalid_parameter", "date must be YYYY-MM-DD");
    return false;
  }
  ropts->default_lang = lang.empty() ? "auto" : lang;
  ropts->default_date = date;
  ropts->max_record_bytes = options_.max_body_bytes;
  return true;
}

void ServerImpl::Health(const Request& req, Response& res) {
  Query q(req);
  if (!CheckParams(q, res, {})) return;
  auto store = stores_->Acquire();
  if (!store.ok()) {
    SendError(res, 503, "store_unavailable", store.status().message());
    return;
  }
  auto counts = (*store)->Counts();
  if (!counts.ok()) {
    store->Discard();
    SendError(res, 503, "store_unavailable", counts.status().message());
    return;
  }
  std::string body = "{\"status\": \"ok\", \"store\": {\"backend\": ";
  json::AppendString((*store)->backend(), &body);
  body += fmt::format(
      ", \"schema_version\": {}, \"documents\": {}, \"events\": {}, \"mentions\": {}}}, "
      "\"dashboard\": {}, \"auth\": {}}}",
      (*store)->schema_version(), counts->documents, counts->events, counts->mentions,
      web_dir_.empty() ? "false" : "true", options_.token.empty() ? "false" : "true");
  SendJson(res, 200, std::move(body));
}

void ServerImpl::Code(const Request& req, Response& res, const std::string& body) {
  Query q(req);
  if (!CheckParams(q, res, {"lang", "date", "format"})) return;
  std::string format = Param(q, "format");
  if (!format.empty() && format != "json" && format != "jsonl") {
    SendError(res, 400, "invalid_parameter", "format must be json or jsonl");
    return;
  }
  ReaderOptions ropts;
  if (!ReadCodingParams(q, res, &ropts)) return;
  size_t bad = utf8::FindInvalid(body);
  if (bad != std::string_view::npos) {
    SendError(res, 400, "invalid_utf8",
              fmt::format("the request body is not valid UTF-8 (byte {})", bad + 1));
    return;
  }
  ParsedBody parsed = ParseDocuments(body, ropts);
  if (!parsed.errors.empty()) {
    SendError(res, 400, "invalid_document", parsed.summary, parsed.errors);
    return;
  }
  auto deadline = Clock::now() + std::chrono::seconds(options_.request_seconds);
  std::string events_json;
  std::vector<std::string> errors;
  std::vector<Event> events;
  size_t n_events = 0, done = 0;
  bool jsonl = format == "jsonl";
  for (const Document& doc : parsed.docs) {
    if (Clock::now() > deadline) break;
    events.clear();
    Status st = coder_->Code(doc, &events);
    ++done;
    if (!st.ok()) {
      errors.push_back(doc.origin + " (id " + doc.id + "): " + st.message());
      continue;
    }
    for (const Event& ev : events) {
      if (!jsonl && n_events) events_json += ", ";
      AppendEventJson(ev, &events_json);
      if (jsonl) events_json += "\n";
      ++n_events;
    }
  }
  if (done < parsed.docs.size()) {
    SendError(res, 503, "timeout",
              fmt::format("coding took longer than {} s ({} of {} documents coded); send fewer "
                          "documents per request",
                          options_.request_seconds, done, parsed.docs.size()));
    return;
  }
  if (!errors.empty()) {
    SendError(res, 422, "coding_failed", "some documents could not be coded", errors);
    return;
  }
  if (jsonl) {
    res.status = 200;
    res.set_content(events_json, "application/x-ndjson; charset=utf-8");
    return;
  }
  SendJson(res, 200,
           fmt::format("{{\"documents\": {}, \"count\": {}, \"events\": [{}]}}", parsed.docs.size(),
                       n_events, events_json));
}

void ServerImpl::Ingest(const Request& req, Response& res, const std::string& body) {
  Query q(req);
  if (!CheckParams(q, res, {"lang", "date"})) return;
  ReaderOptions ropts;
  if (!ReadCodingParams(q, res, &ropts)) return;
  size_t bad = utf8::FindInvalid(body);
  if (bad != std::string_view::npos) {
    SendError(res, 400, "invalid_utf8",
              fmt::format("the request body is not valid UTF-8 (byte {})", bad + 1));
    return;
  }
  ParsedBody parsed = ParseDocuments(body, ropts);
  if (!parsed.errors.empty()) {
    // Nothing is stored when any record is malformed: the client fixes and resends.
    SendError(res, 400, "invalid_document", parsed.summary + " (nothing was stored)",
              parsed.errors);
    return;
  }
  auto store = stores_->Acquire();
  if (!store.ok()) {
    SendError(res, 503, "store_unavailable", store.status().message());
    return;
  }
  auto deadline = Clock::now() + std::chrono::seconds(options_.request_seconds);
  std::vector<std::string> errors;
  std::string results;
  int64_t stored = 0, events_new = 0, merged = 0, mentions = 0;
  size_t done = 0;
  std::vector<Event> events;
  for (Document& doc : parsed.docs) {
    if (Clock::now() > deadline) break;
    ++done;
    events.clear();
    CodeStats cs;
    Status st = coder_->Code(doc, &events, &cs);
    if (!st.ok()) {
      errors.push_back(doc.origin + " (id " + doc.id + "): " + st.message());
      continue;
    }
    if (!cs.lang.empty()) doc.lang = cs.lang;
    auto ws = (*store)->WriteDocument(doc, events);
    if (!ws.ok()) {
      errors.push_back(doc.origin + " (id " + doc.id + "): not stored: " + ws.status().message());
      if (ws.status().code() != Status::Code::kInvalidArgument) {
        store->Discard();
        break;
      }
      continue;
    }
    ++stored;
    events_new += ws->events_new;
    merged += ws->events_merged;
    mentions += ws->mentions;
    if (!results.empty()) results += ", ";
    results += "{\"id\": ";
    json::AppendString(doc.id, &results);
    results += fmt::format(
        ", \"status\": \"{}\", \"lang\": \"{}\", \"events_coded\": {}, \"events_new\": {}, "
        "\"events_merged\": {}, \"mentions\": {}, \"skipped_negated\": {}}}",
        ws->unchanged  ? "unchanged"
        : ws->replaced ? "replaced"
                       : "new",
        doc.lang, events.size(), ws->events_new, ws->events_merged, ws->mentions,
        ws->skipped_negated);
  }
  std::string out = fmt::format(
      "{{\"documents\": {}, \"stored\": {}, \"events_new\": {}, \"events_merged\": {}, "
      "\"mentions\": {}, \"results\": [{}]",
      parsed.docs.size(), stored, events_new, merged, mentions, results);
  int status = 200;
  if (done < parsed.docs.size()) {
    status = 503;
    out += ", \"error\": ";
    AppendError(status, "timeout",
                fmt::format("coding took longer than {} s: {} of {} documents were processed "
                            "(see results); send the rest again (a stored document sent again "
                            "changes nothing)",
                            options_.request_seconds, done, parsed.docs.size()),
                errors, &out);
  } else if (!errors.empty()) {
    status = 422;
    out += ", \"error\": ";
    AppendError(status, "not_stored",
                fmt::format("{} of {} documents could not be coded or stored; the others were "
                            "stored (see results)",
                            errors.size(), parsed.docs.size()),
                errors, &out);
  }
  out += "}";
  SendJson(res, status, std::move(out));
}

bool ServerImpl::ReadBody(const httplib::ContentReader& reader, Response& res, std::string* body) {
  bool too_large = false;
  bool ok = reader([&](const char* data, size_t n) {
    if (body->size() + n > options_.max_body_bytes) {
      too_large = true;
      return false;
    }
    body->append(data, n);
    return true;
  });
  if (too_large || (!ok && res.status == 413)) {
    res.set_header("Connection", "close");  // the rest of the body is not read
    SendError(res, 413, "payload_too_large",
              fmt::format("the request body is larger than {} bytes (--max-body)",
                          options_.max_body_bytes));
    return false;
  }
  if (!ok) {
    res.set_header("Connection", "close");
    SendError(res, 400, "bad_request", "the request body could not be read");
    return false;
  }
  return true;
}

bool ServerImpl::ParseLimit(const Query& q, Response& res, int64_t* limit) {
  std::string s = Param(q, "limit");
  if (s.empty()) return true;
  auto v = ToInt(s);
  if (!v || *v < 1 || *v > options_.max_events) {
    SendError(res, 400, "invalid_parameter",
              fmt::format("limit must be a whole number from 1 to {}", options_.max_events));
    return false;
  }
  *limit = *v;
  return true;
}

bool ServerImpl::ParseFilter(const Query& q, Response& res, EventFilter* f) {
  auto bad = [&](const std::string& msg) {
    SendError(res, 400, "invalid_parameter", msg);
    return false;
  };
  f->from = Param(q, "from");
  f->to = Param(q, "to");
  if (!f->from.empty() && !IsDate(f->from)) return bad("from must be YYYY, YYYY-MM or YYYY-MM-DD");
  if (!f->to.empty() && !IsDate(f->to)) return bad("to must be YYYY, YYYY-MM or YYYY-MM-DD");
  f->actor = Param(q, "actor");
  if (!f->actor.empty() && !IsAlnum(f->actor, 32))
    return bad("actor must be a CAMEO actor code (letters and digits), e.g. IDN or USAGOV");
  f->country = Param(q, "country");
  if (!f->country.empty() && !(IsAlnum(f->country, 3) && f->country.size() >= 2))
    return bad("country must be an ISO 3166 alpha-2 or alpha-3 code");
  f->code = Param(q, "code");
  if (!f->code.empty() && !IsDigits(f->code, 4))
    return bad("code must be a CAMEO event code or its prefix (digits), e.g. 04 or 043");
  f->root = Param(q, "root");
  if (!f->root.empty() && !IsDigits(f->root, 2)) return bad("root must be a CAMEO root, 01 to 20");
  std::string quad = Param(q, "quad");
  if (!quad.empty()) {
    auto q = ToInt(quad);
    if (!q || *q < 1 || *q > 4) return bad("quad must be a QuadClass, 1 to 4");
    f->quad = static_cast<int>(*q);
  }
  f->place = Param(q, "place");
  f->text = Param(q, "text");
  std::string id = Param(q, "id");
  if (!id.empty()) {
    auto v = ToInt(id);
    if (!v || !IsDigits(id, 19)) return bad("id must be an event id (digits)");
    f->event_id = *v;
  }
  return true;
}

Status ServerImpl::AppendEvents(Store* store, const std::vector<StoredEvent>& events,
                                bool with_mentions, std::string* out) {
  std::vector<StoredMention> mentions;
  *out += "[";
  for (size_t i = 0; i < events.size(); ++i) {
    mentions.clear();
    if (with_mentions) {
      EventFilter one;
      one.event_id = events[i].id;
      Status st = store->ForEachMention(one, [&](const StoredMention& m) {
        mentions.push_back(m);
        return true;
      });
      if (!st.ok()) return st;
    }
    if (i) *out += ", ";
    AppendStoredEventJson(events[i], mentions, out);
  }
  *out += "]";
  return Status::Ok();
}

bool ParseMentionsFlag(const Query& q, Response& res, bool* with) {
  std::string m = Param(q, "mentions");
  if (m.empty() || m == "true" || m == "1") {
    *with = true;
  } else if (m == "false" || m == "0") {
    *with = false;
  } else {
    SendError(res, 400, "invalid_parameter", "mentions must be true or false");
    return false;
  }
  return true;
}

void ServerImpl::Events(const Request& req, Response& res) {
  Query q(req);
  if (!CheckParams(q, res,
                   {"from", "to", "actor", "country", "code", "root", "quad", "place", "text", "id",
                    "limit", "mentions"}))
    return;
  EventFilter f;
  int64_t limit = 100;
  bool with_mentions = true;
  if (!ParseFilter(q, res, &f) || !ParseLimit(q, res, &limit) ||
      !ParseMentionsFlag(q, res, &with_mentions))
    return;
  f.limit = limit + 1;  // one more tells whether there are more
  auto store = stores_->Acquire();
  if (!store.ok()) {
    SendError(res, 503, "store_unavailable", store.status().message());
    return;
  }
  std::vector<StoredEvent> events;
  Status st = (*store)->ForEachEvent(f, [&](const StoredEvent& e) {
    events.push_back(e);
    return true;
  });
  bool truncated = static_cast<int64_t>(events.size()) > limit;
  if (truncated) events.resize(limit);
  std::string body =
      fmt::format("{{\"count\": {}, \"limit\": {}, \"truncated\": {}, \"events\": ", events.size(),
                  limit, truncated ? "true" : "false");
  if (st.ok()) st = AppendEvents(store->get(), events, with_mentions, &body);
  if (!st.ok()) {
    if (st.code() != Status::Code::kInvalidArgument) store->Discard();
    SendStoreError(res, st);
    return;
  }
  body += "}";
  SendJson(res, 200, std::move(body));
}

void ServerImpl::EventById(const Request& req, Response& res) {
  Query q(req);
  if (!CheckParams(q, res, {})) return;
  std::string id = req.matches[1];
  auto v = ToInt(id);
  if (!v || !IsDigits(id, 19)) {
    SendError(res, 400, "invalid_parameter", "an event id is a number");
    return;
  }
  auto store = stores_->Acquire();
  if (!store.ok()) {
    SendError(res, 503, "store_unavailable", store.status().message());
    return;
  }
  EventFilter f;
  f.event_id = *v;
  std::vector<StoredEvent> events;
  Status st = (*store)->ForEachEvent(f, [&](const StoredEvent& e) {
    events.push_back(e);
    return false;
  });
  if (st.ok() && events.empty()) {
    SendError(res, 404, "not_found", "no event " + id + " in the store");
    return;
  }
  std::string body;
  if (st.ok()) st = AppendEvents(store->get(), events, true, &body);
  if (!st.ok()) {
    store->Discard();
    SendStoreError(res, st);
    return;
  }
  // AppendEvents wrote "[{...}]": one object.
  SendJson(res, 200, body.substr(1, body.size() - 2));
}

bool DyadActors(const Request& req, Response& res, std::string* a, std::string* b) {
  *a = Upper(req.matches[1]);
  *b = Upper(req.matches[2]);
  if (!IsAlnum(*a, 32) || !IsAlnum(*b, 32)) {
    SendError(res, 400, "invalid_parameter",
              "a dyad is two CAMEO actor codes (letters and digits): /v1/dyads/USA/RUS");
    return false;
  }
  return true;
}

void ServerImpl::DyadPeriods(const Request& req, Response& res) {
  Query q(req);
  if (!CheckParams(q, res, {"by", "from", "to"})) return;
  std::string a, b;
  if (!DyadActors(req, res, &a, &b)) return;
  std::string by = Param(q, "by"), from = Param(q, "from"), to = Param(q, "to");
  if (by.empty()) by = "month";
  Period period;
  if (by == "day") {
    period = Period::kDay;
  } else if (by == "week") {
    period = Period::kWeek;
  } else if (by == "month") {
    period = Period::kMonth;
  } else if (by == "year") {
    period = Period::kYear;
  } else {
    SendError(res, 400, "invalid_parameter", "by must be day, week, month or year");
    return;
  }
  if ((!from.empty() && !IsDate(from)) || (!to.empty() && !IsDate(to))) {
    SendError(res, 400, "invalid_parameter", "from and to must be YYYY, YYYY-MM or YYYY-MM-DD");
    return;
  }
  auto store = stores_->Acquire();
  if (!store.ok()) {
    SendError(res, 503, "store_unavailable", store.status().message());
    return;
  }
  auto rows = (*store)->Dyad(a, b, period, from, to);
  if (!rows.ok()) {
    if (rows.status().code() != Status::Code::kInvalidArgument) store->Discard();
    SendStoreError(res, rows.status());
    return;
  }
  auto mean = [](double sum, int64_t n) { return n ? sum / static_cast<double>(n) : 0.0; };
  std::string body = "{\"a\": ";
  json::AppendString(a, &body);
  body += ", \"b\": ";
  json::AppendString(b, &body);
  body += ", \"by\": ";
  json::AppendString(by, &body);
  body += ", \"periods\": [";
  int64_t ab = 0, ba = 0;
  for (size_t i = 0; i < rows->size(); ++i) {
    const DyadRow& r = (*rows)[i];
    if (i) body += ", ";
    body += "{\"period\": ";
    json::AppendString(r.period, &body);
    body += ", \"ab\": {\"count\": " + std::to_string(r.ab_count) + ", \"goldstein_sum\": ";
    json::AppendNumber(r.ab_goldstein, &body);
    body += ", \"goldstein_mean\": ";
    json::AppendNumber(mean(r.ab_goldstein, r.ab_count), &body);
    body += "}, \"ba\": {\"count\": " + std::to_string(r.ba_count) + ", \"goldstein_sum\": ";
    json::AppendNumber(r.ba_goldstein, &body);
    body += ", \"goldstein_mean\": ";
    json::AppendNumber(mean(r.ba_goldstein, r.ba_count), &body);
    body += "}}";
    ab += r.ab_count;
    ba += r.ba_count;
  }
  body += fmt::format("], \"total\": {{\"ab\": {}, \"ba\": {}}}}}", ab, ba);
  SendJson(res, 200, std::move(body));
}

void ServerImpl::DyadEvents(const Request& req, Response& res) {
  Query q(req);
  if (!CheckParams(q, res, {"from", "to", "limit", "mentions"})) return;
  std::string a, b;
  if (!DyadActors(req, res, &a, &b)) return;
  EventFilter f;
  int64_t limit = 100;
  bool with_mentions = true;
  if (!ParseFilter(q, res, &f) || !ParseLimit(q, res, &limit) ||
      !ParseMentionsFlag(q, res, &with_mentions))
    return;
  // The store filters on one actor (source or target); the other side is checked here.
  f.actor = a;
  auto store = stores_->Acquire();
  if (!store.ok()) {
    SendError(res, 503, "store_unavailable", store.status().message());
    return;
  }
  std::vector<StoredEvent> events;
  bool truncated = false;
  Status st = (*store)->ForEachEvent(f, [&](const StoredEvent& e) {
    bool ab = StartsWith(e.source, a) && StartsWith(e.target, b);
    bool ba = StartsWith(e.source, b) && StartsWith(e.target, a);
    if (!ab && !ba) return true;
    if (static_cast<int64_t>(events.size()) == limit) {
      truncated = true;
      return false;
    }
    events.push_back(e);
    return true;
  });
  std::string body = "{\"a\": ";
  json::AppendString(a, &body);
  body += ", \"b\": ";
  json::AppendString(b, &body);
  body +=
      fmt::format(", \"count\": {}, \"limit\": {}, \"truncated\": {}, \"events\": ", events.size(),
                  limit, truncated ? "true" : "false");
  if (st.ok()) st = AppendEvents(store->get(), events, with_mentions, &body);
  if (!st.ok()) {
    if (st.code() != Status::Code::kInvalidArgument) store->Discard();
    SendStoreError(res, st);
    return;
  }
  body += "}";
  SendJson(res, 200, std::move(body));
}

void ServerImpl::ActorsLookup(const Request& req, Response& res) {
  Query q(req);
  if (!CheckParams(q, res, {"name", "date", "lang"})) return;
  std::string name = Param(q, "name"), date = Param(q, "date"), lang = Param(q, "lang");
  if (name.find_first_not_of(" \t") == std::string::npos) {
    SendError(res, 400, "invalid_parameter", "name is required: /v1/actors/lookup?name=Kerry");
    return;
  }
  if (!lang.empty() && lang != "en" && lang != "id") {
    SendError(res, 400, "invalid_parameter", "lang must be en or id");
    return;
  }
  int64_t day;
  if (date.empty()) {
    day = static_cast<int64_t>(time(nullptr) / 86400);
  } else {
    auto d = ParseIsoDate(date);
    if (!d || !d->month || !d->day) {
      SendError(res, 400, "invalid_parameter", "date must be YYYY-MM-DD");
      return;
    }
    day = DaysFromCivil(d->year, d->month, d->day);
  }
  std::string body;
  int found = actors_->Lookup(name, day, lang, &body);
  if (!found) {
    SendError(res, 404, "not_found", "\"" + name + "\" is not in the dictionaries");
    return;
  }
  SendJson(res, 200, std::move(body));
}

void ServerImpl::DashboardMissing(const Request&, Response& res) {
  res.status = 503;
  res.set_content(
      "<!doctype html><meta charset=utf-8><title>warta</title><h1>warta</h1>"
      "<p>The dashboard is not built. Run <code>npm ci &amp;&amp; npm run build</code> in "
      "<code>web/</code> (scripts/setup.sh does), or start <code>warta serve</code> with "
      "<code>--web DIR</code>. The API is at <a href=/healthz>/healthz</a> and "
      "<code>/v1/...</code>.</p>\n",
      "text/html; charset=utf-8");
}

Status ServerImpl::Setup() {
  http_.new_task_queue = [n = options_.threads] {
    return new httplib::ThreadPool(static_cast<size_t>(std::max(1, n)));
  };
  http_.set_payload_max_length(options_.max_body_bytes);
  http_.set_read_timeout(options_.io_timeout_seconds, 0);
  http_.set_write_timeout(options_.io_timeout_seconds, 0);
  http_.set_keep_alive_max_count(100);
  http_.set_keep_alive_timeout(5);

  auto route = [this](void (ServerImpl::*fn)(const Request&, Response&)) {
    return [this, fn](const Request& req, Response& res) { (this->*fn)(req, res); };
  };
  auto not_allowed = [](const char* allow) {
    return [allow](const Request&, Response& res) {
      res.set_header("Allow", allow);
      SendError(res, 405, "method_not_allowed", fmt::format("this endpoint takes {}", allow));
    };
  };
  http_.Get("/healthz", route(&ServerImpl::Health));
  // Bodies are read here, not by httplib: its form-body limit (8 KiB for curl's default
  // content type) and its unbounded chunked reads do not apply, ours does; and an
  // ingest without the token is refused before its body is read.
  http_.Post("/v1/code",
             [this](const Request& req, Response& res, const httplib::ContentReader& reader) {
               std::string body;
               if (ReadBody(reader, res, &body)) Code(req, res, body);
             });
  http_.Get("/v1/code", not_allowed("POST"));
  http_.Post("/v1/ingest",
             [this](const Request& req, Response& res, const httplib::ContentReader& reader) {
               if (!Authorized(req, res)) {
                 res.set_header("Connection", "close");
                 return;
               }
               std::string body;
               if (ReadBody(reader, res, &body)) Ingest(req, res, body);
             });
  http_.Get("/v1/ingest", not_allowed("POST"));
  http_.Get("/v1/events", route(&ServerImpl::Events));
  http_.Get(R"(/v1/events/([^/]+))", route(&ServerImpl::EventById));
  http_.Get(R"(/v1/dyads/([^/]+)/([^/]+)/events)", route(&ServerImpl::DyadEvents));
  http_.Get(R"(/v1/dyads/([^/]+)/([^/]+))", route(&ServerImpl::DyadPeriods));
  http_.Get("/v1/actors/lookup", route(&ServerImpl::ActorsLookup));
  for (const char* p :
       {"/healthz", "/v1/events", R"(/v1/events/([^/]+))", R"(/v1/dyads/([^/]+)/([^/]+))",
        R"(/v1/dyads/([^/]+)/([^/]+)/events)", "/v1/actors/lookup"}) {
    http_.Post(p, not_allowed("GET"));
  }
  if (web_dir_.empty()) {
    http_.Get("/", route(&ServerImpl::DashboardMissing));
  } else if (!http_.set_mount_point("/", web_dir_)) {
    return Status::NotFound(web_dir_ + ": cannot serve the dashboard from here");
  }

  // Whatever ends in an error without a body (404 of an unknown path, 413 of a body
  // over the limit, ...) still answers in JSON.
  http_.set_error_handler(httplib::Server::HandlerWithResponse([](const Request&, Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    std::string msg = res.status == 404   ? "no such endpoint or file"
                      : res.status == 413 ? "the request body is larger than the server takes"
                                          : fmt::format("HTTP error {}", res.status);
    SendError(res, res.status, DefaultErrorCode(res.status), msg);
    return httplib::Server::HandlerResponse::Handled;
  }));
  http_.set_exception_handler([](const Request&, Response& res, std::exception_ptr ep) {
    std::string what = "internal error";
    try {
      if (ep) std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what = std::string("internal error: ") + e.what();
    } catch (...) {
    }
    SendError(res, 500, "internal", what);
  });
  // httplib (0.11) enforces the body limit on Content-Length only and reads a chunked
  // body whole before a plain handler runs: only the two POST endpoints, which read
  // their bodies themselves, take one.
  http_.set_pre_routing_handler([](const Request& req, Response& res) {
    if (req.has_header("Transfer-Encoding") &&
        !(req.method == "POST" && (req.path == "/v1/code" || req.path == "/v1/ingest"))) {
      res.set_header("Connection", "close");
      SendError(res, 411, "length_required",
                "send the body with a Content-Length (chunked transfer encoding is accepted "
                "only by POST /v1/code and /v1/ingest)");
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  http_.set_post_routing_handler([](const Request& req, Response& res) {
    res.set_header("X-Content-Type-Options", "nosniff");
    if (StartsWith(req.path, "/v1/") || req.path == "/healthz") {
      res.set_header("Cache-Control", "no-store");
    } else {
      // The dashboard loads nothing from elsewhere: no map tiles, fonts or scripts.
      res.set_header("Content-Security-Policy",
                     "default-src 'self'; img-src 'self' data:; style-src 'self' "
                     "'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'");
    }
  });
  if (options_.access_log) {
    http_.set_logger([](const Request& req, const Response& res) {
      fmt::print(stderr, "warta serve: {} {} {} {}\n", req.method, req.path, res.status,
                 res.body.size());
    });
  }
  if (options_.port == 0) {
    port_ = http_.bind_to_any_port(options_.host);
    if (port_ < 0) return Status::IoError("cannot listen on " + options_.host);
  } else {
    if (!http_.bind_to_port(options_.host, options_.port))
      return Status::IoError(
          fmt::format("cannot listen on {}:{} (in use?)", options_.host, options_.port));
    port_ = options_.port;
  }
  return Status::Ok();
}

}  // namespace

std::string DefaultWebDir() {
  const char* env = getenv("WARTA_WEB_DIR");
  if (env && *env) return env;
  return WARTA_DEFAULT_WEB_DIR;
}

Result<std::unique_ptr<Server>> Server::Open(const ServerOptions& options) {
  if (options.db.empty()) return Status::InvalidArgument("no store given (--db FILE)");
  if (options.port < 0 || options.port > 65535)
    return Status::InvalidArgument("--port must be 0..65535");
  CoderOptions copts;
  copts.data_dir = options.data_dir;
  auto coder = Coder::Open(copts);
  if (!coder.ok()) return coder.status();
  std::string data_dir = (*coder)->DataDir();
  auto actors = ActorLookup::Load(data_dir);
  if (!actors.ok()) return actors.status();

  StoreOptions sopts;
  sopts.data_dir = data_dir;
  sopts.dictionary_version = DictionaryVersion(data_dir);
  sopts.create_if_missing = true;
  auto pool = std::make_unique<StorePool>(options.db, sopts);
  {
    // Open one now: a store that cannot be opened (or is of a newer warta) is reported
    // at start, not on the first request.
    auto lease = pool->Acquire();
    if (!lease.ok()) return lease.status();
  }

  std::string web = options.web_dir.empty() ? DefaultWebDir() : options.web_dir;
  std::error_code ec;
  if (web.empty() || !std::filesystem::is_regular_file(web + "/index.html", ec)) {
    if (!options.web_dir.empty())
      return Status::NotFound(options.web_dir + ": no index.html (build the dashboard first)");
    web.clear();
  }
  auto server = std::make_unique<ServerImpl>(options, std::move(*coder), std::move(*actors),
                                             std::move(pool), web);
  Status st = server->Setup();
  if (!st.ok()) return st;
  return std::unique_ptr<Server>(std::move(server));
}

}  // namespace warta::server
