#include "store/schema.h"

#include <fmt/format.h>

#include <string_view>

namespace warta::store {
namespace {

// Step N takes the schema from version N-1 to N. Never edit a released step: add one.
// events_dyad covers the dyad query (no table lookups). {id} is the events key, {real} a
// double, {c} the collation of code columns (byte
// order, so that prefix ranges use the indexes on PostgreSQL as on SQLite).
constexpr std::string_view kSteps[] = {
    // 1: documents, events (GDELT 2.0 semantics), mentions.
    R"(
CREATE TABLE documents (
  id TEXT{c} PRIMARY KEY,
  url TEXT, title TEXT, date TEXT, lang TEXT,
  source_name TEXT NOT NULL DEFAULT '',
  text_hash TEXT NOT NULL,
  text_length BIGINT NOT NULL DEFAULT 0,
  dict_version TEXT,
  coded_at TEXT NOT NULL,
  tone {real} NOT NULL DEFAULT 0);
CREATE TABLE events (
  id {id} PRIMARY KEY,
  event_key TEXT NOT NULL,
  date TEXT NOT NULL,
  day BIGINT,
  source TEXT{c} NOT NULL, source_name TEXT,
  target TEXT{c} NOT NULL DEFAULT '', target_name TEXT,
  code TEXT{c} NOT NULL, root TEXT NOT NULL, quad_class INTEGER NOT NULL,
  goldstein {real} NOT NULL, plover TEXT,
  place TEXT, country TEXT, country3 TEXT, lat {real}, lon {real},
  num_mentions BIGINT NOT NULL DEFAULT 0,
  num_sources BIGINT NOT NULL DEFAULT 0,
  num_articles BIGINT NOT NULL DEFAULT 0,
  avg_tone {real} NOT NULL DEFAULT 0,
  is_root INTEGER NOT NULL DEFAULT 0,
  date_added TEXT NOT NULL,
  source_url TEXT);
CREATE INDEX events_dyad ON events (source, target, day, goldstein);
CREATE INDEX events_target ON events (target, day);
CREATE INDEX events_day ON events (day);
CREATE TABLE mentions (
  event_id BIGINT NOT NULL REFERENCES events (id),
  doc_id TEXT{c} NOT NULL REFERENCES documents (id),
  sentence_index INTEGER NOT NULL,
  sentence_text TEXT,
  sentence_begin BIGINT, sentence_end BIGINT,
  source_offset BIGINT, target_offset BIGINT, action_offset BIGINT,
  rule TEXT, confidence INTEGER, coder_event TEXT,
  PRIMARY KEY (event_id, doc_id, sentence_index));
CREATE INDEX mentions_doc ON mentions (doc_id);
)",
    // 2: GDELT's tone components and word count per document; code lookups.
    R"(
ALTER TABLE documents ADD COLUMN tone_positive {real} NOT NULL DEFAULT 0;
ALTER TABLE documents ADD COLUMN tone_negative {real} NOT NULL DEFAULT 0;
ALTER TABLE documents ADD COLUMN word_count BIGINT NOT NULL DEFAULT 0;
CREATE INDEX events_code ON events (code);
)",
};
static_assert(std::size(kSteps) == kSchemaVersion);

std::string Dialect(std::string_view ddl, SqlConn::Kind kind) {
  bool pg = kind == SqlConn::Kind::kPostgres;
  std::string out;
  for (size_t i = 0; i < ddl.size(); ++i) {
    if (ddl[i] == '{') {
      size_t end = ddl.find('}', i);
      std::string_view var = ddl.substr(i + 1, end - i - 1);
      if (var == "id")
        out += pg ? "BIGINT" : "INTEGER";  // SQLite: the rowid itself
      else if (var == "real")
        out += pg ? "DOUBLE PRECISION" : "REAL";
      else if (var == "c")
        out += pg ? " COLLATE \"C\"" : "";
      i = end;
    } else {
      out.push_back(ddl[i]);
    }
  }
  return out;
}

Result<int> ReadVersion(SqlConn* conn) {
  int version = -1;
  Status st = conn->Query("SELECT max(version) FROM warta_schema", {}, [&](const SqlRow& row) {
    version = row.IsNull(0) ? 0 : static_cast<int>(row.Int(0));
    return false;
  });
  if (!st.ok()) return st;
  return version;
}

}  // namespace

Result<int> MigrateSchema(SqlConn* conn, int target, const std::string& where) {
  if (target <= 0 || target > kSchemaVersion) target = kSchemaVersion;
  auto has = conn->HasTable("warta_schema");
  if (!has.ok()) return has.status();
  if (!*has) {
    for (const char* t : {"documents", "events", "mentions"}) {
      auto other = conn->HasTable(t);
      if (!other.ok()) return other.status();
      if (*other)
        return Status::InvalidArgument(
            fmt::format("{} has a table \"{}\" but is not a warta store", where, t));
    }
    Status st = conn->Begin();
    if (st.ok())
      st = conn->Exec("CREATE TABLE IF NOT EXISTS warta_schema (version INTEGER NOT NULL)");
    if (st.ok())
      st = conn->Exec(
          "INSERT INTO warta_schema (version) SELECT 0 WHERE NOT EXISTS "
          "(SELECT 1 FROM warta_schema)");
    if (st.ok()) st = conn->Commit();
    if (!st.ok()) {
      conn->Rollback();
      return st;
    }
  }
  for (;;) {
    Status st = conn->Begin();
    // Another process may be migrating the same database: one at a time.
    if (st.ok() && conn->kind() == SqlConn::Kind::kPostgres)
      st = conn->Exec("LOCK TABLE warta_schema IN EXCLUSIVE MODE");
    if (!st.ok()) {
      conn->Rollback();
      return st;
    }
    auto version = ReadVersion(conn);
    if (!version.ok()) {
      conn->Rollback();
      return version.status();
    }
    if (*version > kSchemaVersion) {
      conn->Rollback();
      return Status::InvalidArgument(fmt::format(
          "{} was written by a newer warta (store schema version {}; this warta knows versions "
          "up to {}): upgrade warta to read or write it",
          where, *version, kSchemaVersion));
    }
    if (*version >= target) {
      conn->Rollback();
      return *version;
    }
    int next = *version + 1;
    st = conn->Exec(Dialect(kSteps[next - 1], conn->kind()));
    if (st.ok()) st = conn->Query("UPDATE warta_schema SET version = ?", {int64_t{next}}, nullptr);
    if (st.ok()) st = conn->Commit();
    if (!st.ok()) {
      conn->Rollback();
      return Status::IoError(
          fmt::format("{}: migrating to store schema version {}: {}", where, next, st.message()));
    }
  }
}

}  // namespace warta::store
