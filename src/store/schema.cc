#include "store/schema.h"

#include <fmt/format.h>

#include <string_view>

namespace warta::store {
namespace {

// Step N takes the schema from version N-1 to N. Never edit a released step: add one.
// events_dyad covers the dyad query (no table lookups). {id} is the events key, {real} a
// double, {c} the collation of code columns (byte
// order, so that prefix ranges use the indexes on PostgreSQL as on SQLite). From step 3:
// {serial} a key the database assigns in sequence (SQLite: the rowid), {norowid} a
// table clustered on its primary key (SQLite's WITHOUT ROWID), and a line that starts
// with {pg} or {sqlite} is for that database only.
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
    // 3: sequential keys, so that a bulk write appends instead of landing on random
    // pages. Events: id (the GLOBALEVENTID) is assigned in order of first report;
    // key_hash, the 63-bit hash of the de-duplication key (the old id), is looked up
    // through events_dyad (PostgreSQL: a unique index, for concurrent writers) and
    // event_key is gone. Documents get a sequential rid, which mentions refer to;
    // mentions are clustered by document. events_target and events_day no longer
    // repeat the day: within a value, entries follow the id.
    R"(
ALTER TABLE mentions RENAME TO mentions_v2;
ALTER TABLE events RENAME TO events_v2;
ALTER TABLE documents RENAME TO documents_v2;
DROP INDEX events_dyad;
DROP INDEX events_target;
DROP INDEX events_day;
DROP INDEX events_code;
DROP INDEX mentions_doc;
CREATE TABLE documents (
  rid {serial},
  id TEXT{c} NOT NULL UNIQUE,
  url TEXT, title TEXT, date TEXT, lang TEXT,
  source_name TEXT NOT NULL DEFAULT '',
  text_hash TEXT NOT NULL,
  text_length BIGINT NOT NULL DEFAULT 0,
  dict_version TEXT,
  coded_at TEXT NOT NULL,
  tone {real} NOT NULL DEFAULT 0,
  tone_positive {real} NOT NULL DEFAULT 0,
  tone_negative {real} NOT NULL DEFAULT 0,
  word_count BIGINT NOT NULL DEFAULT 0);
CREATE TABLE events (
  id {serial},
  key_hash BIGINT NOT NULL,
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
CREATE TABLE mentions (
  doc_rid BIGINT NOT NULL REFERENCES documents (rid),
  sentence_index INTEGER NOT NULL,
  event_id BIGINT NOT NULL REFERENCES events (id),
  sentence_text TEXT,
  sentence_begin BIGINT, sentence_end BIGINT,
  source_offset BIGINT, target_offset BIGINT, action_offset BIGINT,
  rule TEXT, confidence INTEGER, coder_event TEXT,
  PRIMARY KEY (doc_rid, sentence_index, event_id)){norowid};
INSERT INTO documents (id, url, title, date, lang, source_name, text_hash, text_length,
  dict_version, coded_at, tone, tone_positive, tone_negative, word_count)
  SELECT id, url, title, date, lang, source_name, text_hash, text_length, dict_version,
  coded_at, tone, tone_positive, tone_negative, word_count FROM documents_v2
  ORDER BY coded_at, id;
INSERT INTO events (key_hash, date, day, source, source_name, target, target_name, code,
  root, quad_class, goldstein, plover, place, country, country3, lat, lon, num_mentions,
  num_sources, num_articles, avg_tone, is_root, date_added, source_url)
  SELECT id, date, day, source, source_name, target, target_name, code, root, quad_class,
  goldstein, plover, place, country, country3, lat, lon, num_mentions, num_sources,
  num_articles, avg_tone, is_root, date_added, source_url FROM events_v2
  ORDER BY date_added, id;
{pg}CREATE UNIQUE INDEX events_key ON events (key_hash);
{sqlite}CREATE INDEX events_migrating ON events (key_hash);
INSERT INTO mentions (doc_rid, sentence_index, event_id, sentence_text, sentence_begin,
  sentence_end, source_offset, target_offset, action_offset, rule, confidence, coder_event)
  SELECT d.rid, m.sentence_index, e.id, m.sentence_text, m.sentence_begin, m.sentence_end,
  m.source_offset, m.target_offset, m.action_offset, m.rule, m.confidence, m.coder_event
  FROM mentions_v2 m JOIN events e ON e.key_hash = m.event_id
  JOIN documents d ON d.id = m.doc_id;
{sqlite}DROP INDEX events_migrating;
DROP TABLE mentions_v2;
DROP TABLE events_v2;
DROP TABLE documents_v2;
CREATE INDEX events_dyad ON events (source, target, day, key_hash, goldstein);
CREATE INDEX events_target ON events (target);
CREATE INDEX events_day ON events (day);
CREATE INDEX events_code ON events (code);
CREATE INDEX mentions_event ON mentions (event_id);
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
      else if (var == "serial")
        out += pg ? "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY" : "INTEGER PRIMARY KEY";
      else if (var == "norowid")
        out += pg ? "" : " WITHOUT ROWID";
      else if (var == "pg" || var == "sqlite")
        out += (var == "pg") == pg ? "" : "-- ";  // the rest of the line is a comment
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
