// Store over a SqlConn: the schema of store/schema.cc, written once for SQLite and
// PostgreSQL.
//
// De-duplication: an event's key is (date as coded, source code, target code, CAMEO
// code, place), the place being its coordinates rounded to 0.1 degree (or its name
// when it has none, or nothing); key_hash is a 63-bit hash of it. An event is found by
// (source, target, day, key_hash) — the head of events_dyad, so the lookup needs no
// index of its own — and its GLOBALEVENTID is the id the database assigns in sequence
// when it is first stored: rows and index entries are appended rather than scattered.
//
// Writing is split in two: Prepare() (any thread) computes everything a document's
// rows need, and the writer binds and steps prepared statements.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <map>
#include <set>
#include <unordered_map>

#include "store/schema.h"
#include "store/sql_conn.h"
#include "store/tone.h"
#include "util/date.h"
#include "util/strings.h"
#include "util/tsv.h"
#include "util/utf8.h"
#include "warta/store.h"

namespace warta {
namespace {

using store::SqlConn;
using store::SqlRow;
using store::SqlValue;

std::string Upper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

// The smallest string greater than every string starting with prefix ("" = none).
std::string PrefixEnd(std::string prefix) {
  while (!prefix.empty()) {
    unsigned char c = static_cast<unsigned char>(prefix.back());
    if (c < 0xff) {
      prefix.back() = static_cast<char>(c + 1);
      return prefix;
    }
    prefix.pop_back();
  }
  return prefix;
}

std::string UtcNow(const char* format) {
  time_t now = time(nullptr);
  struct tm tm;
  gmtime_r(&now, &tm);
  char buf[32];
  strftime(buf, sizeof buf, format, &tm);
  return buf;
}

std::string HostOf(const std::string& url) {
  size_t p = url.find("://");
  if (p == std::string::npos) return {};
  std::string host = url.substr(p + 3);
  host = host.substr(0, host.find_first_of("/?#"));
  if (size_t at = host.rfind('@'); at != std::string::npos) host = host.substr(at + 1);
  host = host.substr(0, host.find(':'));
  host = utf8::Lower(host);
  if (StartsWith(host, "www.")) host = host.substr(4);
  return host;
}

// First (or, with last = true, last) day of a YYYY[-MM[-DD]] date.
std::optional<int64_t> DayOf(const std::string& date, bool last = false) {
  auto d = ParseIsoDate(date);
  if (!d) return std::nullopt;
  if (!last) return DaysFromCivil(d->year, d->month ? d->month : 1, d->day ? d->day : 1);
  if (d->day) return DaysFromCivil(d->year, d->month, d->day);
  if (d->month)
    return d->month == 12 ? DaysFromCivil(d->year + 1, 1, 1) - 1
                          : DaysFromCivil(d->year, d->month + 1, 1) - 1;
  return DaysFromCivil(d->year + 1, 1, 1) - 1;
}

std::string Hex64(uint64_t v) { return fmt::format("{:016x}", v); }

SqlValue DayValue(std::optional<int64_t> day) {
  if (day) return *day;
  return SqlValue();
}

int Confidence(const Event& ev) {
  // warta's rules do not score themselves; this says how complete the coding is.
  int c = 100;
  if (!ev.target) c -= 30;
  if (std::find(ev.modality.begin(), ev.modality.end(), "reported") != ev.modality.end()) c -= 20;
  return c;
}

constexpr const char* kEventColumns =
    "id, date, day, source, source_name, target, target_name, code, root, quad_class, goldstein, "
    "plover, place, country, country3, lat, lon, num_mentions, num_sources, num_articles, "
    "avg_tone, is_root, date_added, source_url";

StoredEvent ReadEvent(const SqlRow& r) {
  StoredEvent e;
  e.id = r.Int(0);
  e.date = r.Text(1);
  if (!r.IsNull(2)) e.day = r.Int(2);
  e.source = r.Text(3);
  e.source_name = r.Text(4);
  e.target = r.Text(5);
  e.target_name = r.Text(6);
  e.code = r.Text(7);
  e.root = r.Text(8);
  e.quad_class = static_cast<int>(r.Int(9));
  e.goldstein = r.Double(10);
  e.plover = r.Text(11);
  e.has_place = !r.IsNull(12);
  e.place = r.Text(12);
  e.country = r.Text(13);
  e.country3 = r.Text(14);
  e.lat = r.Double(15);
  e.lon = r.Double(16);
  e.num_mentions = r.Int(17);
  e.num_sources = r.Int(18);
  e.num_articles = r.Int(19);
  e.avg_tone = r.Double(20);
  e.is_root = r.Int(21) != 0;
  e.date_added = r.Text(22);
  e.source_url = r.Text(23);
  return e;
}

struct Where {
  std::string sql;  // " WHERE ..." or ""
  std::vector<SqlValue> params;
  void Add(const std::string& clause) { sql += (sql.empty() ? " WHERE " : " AND ") + clause; }
};

// LIKE pattern for "contains words", lower-cased, with the wildcards escaped.
std::string Contains(const std::string& words) {
  std::string p = "%";
  for (char c : utf8::Lower(words)) {
    if (c == '%' || c == '_' || c == '\\') p.push_back('\\');
    p.push_back(c);
  }
  return p + "%";
}

Result<Where> BuildWhere(const EventFilter& f) {
  Where w;
  if (!f.from.empty()) {
    auto d = DayOf(f.from);
    if (!d) return Status::InvalidArgument("--from must be YYYY, YYYY-MM or YYYY-MM-DD: " + f.from);
    w.Add("day >= ?");
    w.params.push_back(*d);
  }
  if (!f.to.empty()) {
    auto d = DayOf(f.to, true);
    if (!d) return Status::InvalidArgument("--to must be YYYY, YYYY-MM or YYYY-MM-DD: " + f.to);
    w.Add("day <= ?");
    w.params.push_back(*d);
  }
  if (!f.actor.empty()) {
    std::string a = Upper(f.actor), e = PrefixEnd(a);
    w.Add("((source >= ? AND source < ?) OR (target >= ? AND target < ?))");
    w.params.insert(w.params.end(), {a, e, a, e});
  }
  if (!f.country.empty()) {
    w.Add("(country = ? OR country3 = ?)");
    w.params.insert(w.params.end(), {Upper(f.country), Upper(f.country)});
  }
  if (!f.code.empty()) {
    w.Add("code >= ? AND code < ?");
    w.params.insert(w.params.end(), {f.code, PrefixEnd(f.code)});
  }
  if (!f.root.empty()) {
    w.Add("root = ?");
    w.params.push_back(f.root.size() == 1 ? "0" + f.root : f.root);
  }
  if (f.quad) {
    w.Add("quad_class = ?");
    w.params.push_back(int64_t{*f.quad});
  }
  if (!f.place.empty()) {
    w.Add("lower(place) LIKE ? ESCAPE '\\'");
    w.params.push_back(Contains(f.place));
  }
  if (!f.text.empty()) {
    w.Add(
        "EXISTS (SELECT 1 FROM mentions m WHERE m.event_id = events.id AND "
        "lower(m.sentence_text) LIKE ? ESCAPE '\\')");
    w.params.push_back(Contains(f.text));
  }
  if (f.event_id) {
    w.Add("id = ?");
    w.params.push_back(*f.event_id);
  }
  return w;
}

int64_t PeriodStart(int64_t day, Period by) {
  if (by == Period::kDay) return day;
  if (by == Period::kWeek) return day - Weekday(day);
  CivilDate d = CivilFromDays(day);
  return DaysFromCivil(d.year, by == Period::kMonth ? d.month : 1, 1);
}

std::string PeriodName(int64_t day, Period by) {
  CivilDate d = CivilFromDays(day);
  switch (by) {
    case Period::kDay:
    case Period::kWeek:
      return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day);
    case Period::kMonth:
      return fmt::format("{:04}-{:02}", d.year, d.month);
    case Period::kYear:
      return fmt::format("{:04}", d.year);
  }
  return {};
}

// A document made ready for the SQL store: its row, and one row per happening and per
// mention, in the order the statements bind them. The writer fills in the keys the
// database assigns (the document's rid, the events' ids) and runs the statements.
struct SqlPrepared final : PreparedDocument {
  std::string id, hash;
  std::vector<SqlValue> doc_row;  // the documents columns of kInsertDocument, id last
  int skipped_negated = 0;
  struct Happening {
    std::vector<SqlValue> row;  // kInsertEvent's parameters
  };
  std::vector<Happening> events;  // one per happening, in order of first report
  struct Mention {
    size_t event;               // in events
    std::vector<SqlValue> row;  // kInsertMention's: doc_rid and event_id are set on writing
  };
  std::vector<Mention> mentions;  // one per (happening, sentence)
};

constexpr const char* kInsertDocument =
    "INSERT INTO documents (url, title, date, lang, source_name, text_hash, text_length, "
    "dict_version, coded_at, tone, tone_positive, tone_negative, word_count, id) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING";
constexpr const char* kUpdateDocument =
    "UPDATE documents SET url = ?, title = ?, date = ?, lang = ?, source_name = ?, "
    "text_hash = ?, text_length = ?, dict_version = ?, coded_at = ?, tone = ?, "
    "tone_positive = ?, tone_negative = ?, word_count = ? WHERE id = ?";
// On SQLite through events_dyad; on PostgreSQL through the unique index on key_hash.
constexpr const char* kFindEvent =
    "SELECT id FROM events WHERE source = ? AND target = ? AND day IS NOT DISTINCT FROM ? AND "
    "key_hash = ?";
// ON CONFLICT: PostgreSQL's unique key_hash, should a concurrent writer insert the same
// happening first (SQLite's writers take turns: BEGIN IMMEDIATE).
constexpr const char* kInsertEvent =
    "INSERT INTO events (key_hash, date, day, source, source_name, target, target_name, code, "
    "root, quad_class, goldstein, plover, place, country, country3, lat, lon, date_added, "
    "source_url, num_mentions, num_sources, num_articles, avg_tone, is_root) VALUES (?, ?, ?, ?, "
    "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
constexpr const char* kInsertMention =
    "INSERT INTO mentions (doc_rid, sentence_index, event_id, sentence_text, sentence_begin, "
    "sentence_end, source_offset, target_offset, action_offset, rule, confidence, coder_event) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

// PostgreSQL: rows per multi-row INSERT (its limit is 65535 parameters).
constexpr size_t kRowsPerStatement = 1000;

class SqlStore : public Store {
 public:
  SqlStore(std::unique_ptr<SqlConn> conn, int version, StoreOptions options)
      : conn_(std::move(conn)), version_(version), options_(std::move(options)) {
    insert_document_ = conn_->Prepare(kInsertDocument);
    find_event_ = conn_->Prepare(kFindEvent);
    insert_event_ = conn_->Prepare(kInsertEvent);
    insert_mention_ = conn_->Prepare(kInsertMention);
  }

  Status LoadTone() {
    return options_.data_dir.empty() ? Status::Ok() : tone_.Load(options_.data_dir);
  }

  int schema_version() const override { return version_; }
  std::string backend() const override {
    return conn_->kind() == SqlConn::Kind::kSqlite ? "sqlite" : "postgresql";
  }

  Result<std::unique_ptr<PreparedDocument>> Prepare(
      const Document& doc, const std::vector<Event>& events) const override {
    if (doc.id.empty()) return Status::InvalidArgument("document without an id");
    if (utf8::FindInvalid(doc.text) != std::string_view::npos)
      return Status::InvalidArgument("document " + doc.id + ": text is not valid UTF-8");
    // PostgreSQL text cannot hold NUL; refuse it on every backend alike.
    for (const std::string* f : {&doc.id, &doc.text, &doc.title, &doc.url, &doc.date, &doc.lang})
      if (f->find('\0') != std::string::npos)
        return Status::InvalidArgument("document " + doc.id + ": contains a NUL character");
    if (version_ != store::kSchemaVersion)
      return Status::InvalidArgument("store is at an older schema version; reopen to migrate");
    auto p = std::make_unique<SqlPrepared>();
    p->id = doc.id;
    p->hash = Hex64(Fnv1a64(doc.text));
    store::ToneScore tone = tone_.Score(doc.text, doc.lang);
    std::string added = UtcNow("%Y%m%d%H%M%S");
    p->doc_row = {doc.url,
                  doc.title,
                  doc.date,
                  doc.lang,
                  HostOf(doc.url),
                  p->hash,
                  int64_t(utf8::Length(doc.text)),
                  options_.dictionary_version,
                  UtcNow("%Y-%m-%dT%H:%M:%SZ"),
                  tone.tone,
                  tone.positive,
                  tone.negative,
                  tone.words,
                  doc.id};
    // A happening this document reports first is inserted with its counts (the mentions
    // are all this document's): the sentences that report it, whether one is the lead.
    std::vector<std::set<int>> sentences;
    std::unordered_map<int64_t, size_t> by_hash;
    std::set<std::pair<size_t, int>> mentioned;
    for (const Event& ev : events) {
      if (ev.negated) {
        ++p->skipped_negated;
        continue;
      }
      std::string date = ev.date.empty() ? doc.date : ev.date;
      const Location* loc = ev.location ? &*ev.location : nullptr;
      std::string place;
      if (loc)
        place = (loc->lat != 0 || loc->lon != 0) ? fmt::format("{:.1f},{:.1f}", loc->lat, loc->lon)
                                                 : utf8::Lower(loc->name);
      std::string target = ev.target ? ev.target->code : "";
      int64_t hash = static_cast<int64_t>(
          Fnv1a64(fmt::format("{}|{}|{}|{}|{}", date, ev.source.code, target, ev.code, place)) &
          0x7fffffffffffffffULL);
      if (hash == 0) hash = 1;
      auto [it, added_now] = by_hash.emplace(hash, p->events.size());
      if (added_now) {
        std::optional<int64_t> day = DayOf(date);
        p->events.push_back({{hash,
                              std::move(date),
                              DayValue(day),
                              ev.source.code,
                              ev.source.text,
                              target,
                              ev.target ? ev.target->text : "",
                              ev.code,
                              ev.root.empty() ? ev.code.substr(0, 2) : ev.root,
                              int64_t{ev.quad_class},
                              ev.goldstein,
                              ev.plover,
                              loc ? SqlValue(loc->name) : SqlValue(),
                              loc ? SqlValue(loc->country) : SqlValue(),
                              loc ? SqlValue(loc->country3) : SqlValue(),
                              loc ? SqlValue(loc->lat) : SqlValue(),
                              loc ? SqlValue(loc->lon) : SqlValue(),
                              added,
                              doc.url.empty() ? doc.id : doc.url,
                              int64_t{0},  // num_mentions, below
                              int64_t{1},
                              int64_t{1},
                              tone.tone,
                              int64_t{0}}});  // is_root, below
        sentences.emplace_back();
      }
      size_t k = it->second;
      sentences[k].insert(ev.sentence_index);
      // One mention per happening and sentence: the first event that says it.
      if (!mentioned.emplace(k, ev.sentence_index).second) continue;
      p->mentions.push_back(
          {k,
           {int64_t{0},                              // doc_rid
            int64_t{ev.sentence_index}, int64_t{0},  // event_id
            ev.sentence_text, int64_t{ev.sentence_span.begin}, int64_t{ev.sentence_span.end},
            int64_t{ev.source.span.begin}, ev.target ? int64_t{ev.target->span.begin} : int64_t{-1},
            int64_t{ev.trigger_span.begin}, ev.rule, int64_t{Confidence(ev)}, ev.event_id}});
    }
    for (size_t k = 0; k < p->events.size(); ++k) {
      std::vector<SqlValue>& row = p->events[k].row;
      row[19] = static_cast<int64_t>(sentences[k].size());
      row[23] = int64_t{*sentences[k].begin() == 0};
    }
    return std::unique_ptr<PreparedDocument>(std::move(p));
  }

  Result<WriteStats> WriteDocument(const Document& doc, const std::vector<Event>& events) override {
    auto p = Prepare(doc, events);
    if (!p.ok()) return p.status();
    return WriteAlone(static_cast<SqlPrepared&>(**p));
  }

  std::vector<Result<WriteStats>> WriteDocuments(const std::vector<DocumentWrite>& docs) override {
    std::vector<Result<WriteStats>> out;
    out.reserve(docs.size());
    std::vector<std::unique_ptr<PreparedDocument>> prepared;
    std::vector<PreparedDocument*> ready;
    std::vector<size_t> where;  // index in docs of ready[k]
    for (size_t i = 0; i < docs.size(); ++i) {
      auto p = Prepare(*docs[i].doc, *docs[i].events);
      if (p.ok()) {
        out.emplace_back(WriteStats{});
        ready.push_back(p->get());
        where.push_back(i);
        prepared.push_back(std::move(*p));
      } else {
        out.emplace_back(p.status());
      }
    }
    std::vector<Result<WriteStats>> written = WritePrepared(ready);
    for (size_t k = 0; k < written.size(); ++k) out[where[k]] = std::move(written[k]);
    return out;
  }

  std::vector<Result<WriteStats>> WritePrepared(
      const std::vector<PreparedDocument*>& docs) override {
    std::vector<Result<WriteStats>> out;
    out.reserve(docs.size());
    if (docs.empty()) return out;
    if (docs.size() == 1) {
      out.push_back(WriteAlone(static_cast<SqlPrepared&>(*docs[0])));
      return out;
    }
    Status st = BeginBatch();
    for (size_t k = 0; k < docs.size() && st.ok(); ++k) {
      out.push_back(AddToBatch(docs[k]));
      st = out.back().status();
    }
    if (st.ok()) st = CommitBatch();
    if (st.ok()) return out;
    // Something failed: nothing of the batch is stored. Write the documents one by one
    // so that only the one at fault fails.
    AbortBatch();
    out.clear();
    for (PreparedDocument* p : docs) out.push_back(WriteAlone(static_cast<SqlPrepared&>(*p)));
    return out;
  }

  Status BeginBatch() override {
    batch_pending_.clear();
    return conn_->Begin();
  }

  Result<WriteStats> AddToBatch(PreparedDocument* doc) override {
    WriteStats stats;
    Status st = WriteOne(static_cast<SqlPrepared&>(*doc), &stats, &batch_pending_);
    // A replaced text may leave events without mentions: settle them before a later
    // document of the batch reports the same happening, as separate writes would.
    if (st.ok() && stats.replaced) st = Recount(&batch_pending_, true);
    if (!st.ok()) return st;
    return stats;
  }

  Status CommitBatch() override {
    Status st = Recount(&batch_pending_, false);
    if (st.ok()) st = conn_->Commit();
    return st;
  }

  void AbortBatch() override {
    conn_->Rollback();
    batch_pending_.clear();
  }

  Result<std::vector<bool>> AlreadyStored(const std::vector<const Document*>& docs) override {
    std::vector<bool> out(docs.size(), false);
    // A fixed number of placeholders, padded with "" (no document has an empty id), so
    // one prepared statement serves every chunk.
    constexpr size_t kChunk = 64;
    static const std::string sql = [] {
      std::string s = "SELECT id, text_hash FROM documents WHERE id IN (?";
      for (size_t i = 1; i < kChunk; ++i) s += ", ?";
      return s + ")";
    }();
    std::unordered_map<std::string, std::string> stored;  // id → text hash
    std::vector<SqlValue> params;
    for (size_t begin = 0; begin < docs.size(); begin += kChunk) {
      params.clear();
      for (size_t i = begin; i < begin + kChunk; ++i)
        params.emplace_back(i < docs.size() ? docs[i]->id : std::string());
      Status st = conn_->Query(sql, params, [&](const SqlRow& r) {
        stored.emplace(r.Text(0), r.Text(1));
        return true;
      });
      if (!st.ok()) return st;
    }
    for (size_t i = 0; i < docs.size(); ++i) {
      auto it = stored.find(docs[i]->id);
      out[i] = it != stored.end() && it->second == Hex64(Fnv1a64(docs[i]->text));
    }
    return out;
  }

 private:
  // One document in a transaction of its own.
  Result<WriteStats> WriteAlone(SqlPrepared& p) {
    WriteStats stats;
    std::set<int64_t> pending;
    Status st = conn_->Begin();
    if (st.ok()) st = WriteOne(p, &stats, &pending);
    if (st.ok()) st = Recount(&pending, stats.replaced);
    if (st.ok()) st = conn_->Commit();
    if (!st.ok()) {
      conn_->Rollback();
      return Status::IoError("document " + p.id + " not stored: " + st.message());
    }
    return stats;
  }

  // Writes one document inside the open transaction. The events it reports that were
  // stored before are added to *pending; their counts are Recount()ed before the
  // transaction commits.
  Status WriteOne(SqlPrepared& p, WriteStats* stats, std::set<int64_t>* pending) {
    stats->skipped_negated = p.skipped_negated;
    int64_t doc_rid = 0;
    Status st = conn_->Insert(insert_document_, p.doc_row, "rid", &doc_rid);
    if (!st.ok()) return st;
    std::set<int64_t> touched;
    if (doc_rid == 0) {
      // The id is known: the same text changes nothing; a new text replaces the old
      // one's mentions.
      std::optional<std::string> old_hash;
      st = conn_->Query("SELECT rid, text_hash FROM documents WHERE id = ?", {p.id},
                        [&](const SqlRow& r) {
                          doc_rid = r.Int(0);
                          old_hash = r.Text(1);
                          return false;
                        });
      if (!st.ok()) return st;
      if (!old_hash) return Status::IoError("document " + p.id + " is neither new nor stored");
      if (*old_hash == p.hash) {
        stats->unchanged = true;
        return st;
      }
      stats->replaced = true;
      st = conn_->Query("SELECT DISTINCT event_id FROM mentions WHERE doc_rid = ?", {doc_rid},
                        [&](const SqlRow& r) {
                          touched.insert(r.Int(0));
                          return true;
                        });
      if (st.ok()) st = conn_->Query("DELETE FROM mentions WHERE doc_rid = ?", {doc_rid}, nullptr);
      if (st.ok()) st = conn_->Query(kUpdateDocument, p.doc_row, nullptr);
      if (!st.ok()) return st;
    }

    std::set<int64_t> fresh;
    ids_.assign(p.events.size(), 0);
    inserted_.assign(p.events.size(), false);
    st = conn_->kind() == SqlConn::Kind::kPostgres ? StoreEventsPg(p) : StoreEvents(p);
    if (!st.ok()) return st;
    for (size_t k = 0; k < p.events.size(); ++k) {
      int64_t id = ids_[k];
      if (inserted_[k]) fresh.insert(id);
      if (!touched.count(id)) {
        if (inserted_[k])
          ++stats->events_new;
        else
          ++stats->events_merged;
      }
      touched.insert(id);
    }
    for (SqlPrepared::Mention& m : p.mentions) {
      m.row[0] = doc_rid;
      m.row[2] = ids_[m.event];
    }
    if (conn_->kind() == SqlConn::Kind::kPostgres) {
      // One statement for all of them: each statement is a round trip.
      for (size_t begin = 0; begin < p.mentions.size(); begin += kRowsPerStatement) {
        size_t end = std::min(p.mentions.size(), begin + kRowsPerStatement);
        rows_.clear();
        for (size_t i = begin; i < end; ++i)
          rows_.insert(rows_.end(), p.mentions[i].row.begin(), p.mentions[i].row.end());
        st = conn_->Query(MultiRow(kInsertMention, end - begin), rows_, nullptr);
        if (!st.ok()) return st;
        stats->mentions += static_cast<int>(conn_->changes());
      }
    } else {
      for (SqlPrepared::Mention& m : p.mentions) {
        st = conn_->Run(insert_mention_, m.row, nullptr);
        if (!st.ok()) return st;
        if (conn_->changes() > 0) ++stats->mentions;
      }
    }
    for (int64_t id : touched)
      if (!fresh.count(id)) pending->insert(id);
    return st;
  }

  // Finds or inserts the document's happenings one by one (SQLite: each is a lookup in
  // events_dyad and, for a new one, an append): ids_[k] and inserted_[k].
  Status StoreEvents(SqlPrepared& p) {
    for (size_t k = 0; k < p.events.size(); ++k) {
      std::vector<SqlValue>& row = p.events[k].row;
      // kFindEvent's source, target, day, key_hash: kInsertEvent's 4th, 6th, 3rd, 1st.
      find_params_.assign({row[3], row[5], row[2], row[0]});
      int64_t id = 0;
      Status st = conn_->Run(find_event_, find_params_, [&](const SqlRow& r) {
        id = r.Int(0);
        return false;
      });
      if (!st.ok()) return st;
      if (id == 0) {
        st = conn_->Insert(insert_event_, row, "id", &id);
        if (!st.ok()) return st;
        if (id == 0) return Status::IoError("an event was neither found nor inserted");
        inserted_[k] = true;
      }
      ids_[k] = id;
    }
    return Status::Ok();
  }

  // The same on PostgreSQL in two round trips: insert them all (a happening stored
  // already, or by a concurrent writer, conflicts on the unique key_hash and is left
  // alone), then look up those that were not inserted.
  Status StoreEventsPg(SqlPrepared& p) {
    std::unordered_map<int64_t, size_t> by_hash;
    for (size_t k = 0; k < p.events.size(); ++k)
      by_hash.emplace(std::get<int64_t>(p.events[k].row[0]), k);
    auto take = [&](bool inserted) {
      return [&, inserted](const SqlRow& r) {
        auto it = by_hash.find(r.Int(1));
        if (it != by_hash.end()) {
          ids_[it->second] = r.Int(0);
          inserted_[it->second] = inserted;
        }
        return true;
      };
    };
    std::string sql = kInsertEvent;
    sql = sql.substr(0, sql.rfind(" ON CONFLICT"));
    for (size_t begin = 0; begin < p.events.size(); begin += kRowsPerStatement) {
      size_t end = std::min(p.events.size(), begin + kRowsPerStatement);
      rows_.clear();
      for (size_t k = begin; k < end; ++k)
        rows_.insert(rows_.end(), p.events[k].row.begin(), p.events[k].row.end());
      Status st = conn_->Query(
          MultiRow(sql, end - begin) + " ON CONFLICT (key_hash) DO NOTHING RETURNING id, key_hash",
          rows_, take(true));
      if (!st.ok()) return st;
    }
    rows_.clear();
    for (size_t k = 0; k < p.events.size(); ++k)
      if (ids_[k] == 0) rows_.push_back(p.events[k].row[0]);
    for (size_t begin = 0; begin < rows_.size(); begin += kRowsPerStatement) {
      size_t end = std::min(rows_.size(), begin + kRowsPerStatement);
      std::vector<SqlValue> hashes(rows_.begin() + static_cast<ptrdiff_t>(begin),
                                   rows_.begin() + static_cast<ptrdiff_t>(end));
      std::string in = "SELECT id, key_hash FROM events WHERE key_hash IN (?";
      for (size_t i = 1; i < hashes.size(); ++i) in += ", ?";
      Status st = conn_->Query(in + ")", hashes, take(false));
      if (!st.ok()) return st;
    }
    for (size_t k = 0; k < p.events.size(); ++k)
      if (ids_[k] == 0) return Status::IoError("an event was neither found nor inserted");
    return Status::Ok();
  }

  // "INSERT ... VALUES (?, ...)" with `rows` rows of parameters; the text after the
  // first row (an ON CONFLICT clause) is kept at the end.
  static std::string MultiRow(const std::string& insert, size_t rows) {
    size_t open = insert.find("VALUES (") + 7, close = insert.find(')', open);
    std::string row = insert.substr(open, close - open + 1);
    std::string out = insert.substr(0, close + 1);
    for (size_t i = 1; i < rows; ++i) out += ", " + row;
    return out + insert.substr(close + 1);
  }

  // GDELT's counts and AvgTone (the mean tone of the articles that report the event) of
  // the events in *pending, which it empties; with delete_orphans, events left without
  // mentions (by a replaced text) are deleted.
  Status Recount(std::set<int64_t>* pending, bool delete_orphans) {
    Status st;
    struct Doc {
      int64_t rid;
      double tone;
    };
    std::vector<Doc> docs;
    std::set<std::string> sources;
    for (int64_t id : *pending) {
      // One read of the event's mentions and their documents, one write of the counts.
      int64_t mentions = 0, min_sentence = -1;
      docs.clear();
      sources.clear();
      st = conn_->Query(
          "SELECT m.doc_rid, m.sentence_index, d.source_name, d.tone, d.id FROM mentions m "
          "JOIN documents d ON d.rid = m.doc_rid WHERE m.event_id = ? ORDER BY m.doc_rid",
          {id}, [&](const SqlRow& r) {
            ++mentions;
            int64_t sentence = r.Int(1);
            if (min_sentence < 0 || sentence < min_sentence) min_sentence = sentence;
            int64_t rid = r.Int(0);
            if (!docs.empty() && docs.back().rid == rid) return true;
            std::string source = r.Text(2);
            sources.insert(source.empty() ? "doc:" + r.Text(4) : std::move(source));
            docs.push_back({rid, r.Double(3)});
            return true;
          });
      if (!st.ok()) return st;
      double tone = 0;
      for (const Doc& d : docs) tone += d.tone;
      if (!docs.empty()) tone /= static_cast<double>(docs.size());
      st = conn_->Query(
          "UPDATE events SET num_mentions = ?, num_articles = ?, num_sources = ?, avg_tone = ?, "
          "is_root = ? WHERE id = ?",
          {mentions, static_cast<int64_t>(docs.size()), static_cast<int64_t>(sources.size()), tone,
           int64_t{min_sentence == 0}, id},
          nullptr);
      if (!st.ok()) return st;
    }
    if (delete_orphans) {
      // Happenings only the old text reported are gone with it.
      for (int64_t id : *pending) {
        st = conn_->Query("DELETE FROM events WHERE id = ? AND num_mentions = 0", {id}, nullptr);
        if (!st.ok()) return st;
      }
    }
    pending->clear();
    return st;
  }

 public:
  Status ForEachEvent(const EventFilter& filter,
                      const std::function<bool(const StoredEvent&)>& fn) override {
    auto w = BuildWhere(filter);
    if (!w.ok()) return w.status();
    std::string sql =
        fmt::format("SELECT {} FROM events{} ORDER BY day, id", kEventColumns, w->sql);
    if (filter.limit > 0) sql += fmt::format(" LIMIT {}", filter.limit);
    return conn_->Query(sql, w->params, [&](const SqlRow& r) { return fn(ReadEvent(r)); });
  }

  Status ForEachMention(const EventFilter& filter,
                        const std::function<bool(const StoredMention&)>& fn) override {
    auto w = BuildWhere(filter);
    if (!w.ok()) return w.status();
    std::string inner = "SELECT id FROM events" + w->sql;
    if (filter.limit > 0) inner += fmt::format(" ORDER BY day, id LIMIT {}", filter.limit);
    std::string sql =
        "SELECT m.event_id, d.id, m.sentence_index, m.sentence_text, m.sentence_begin, "
        "m.sentence_end, m.source_offset, m.target_offset, m.action_offset, m.rule, "
        "m.confidence, m.coder_event, d.url, d.source_name, d.date, d.coded_at, d.text_length, "
        "d.tone FROM mentions m JOIN documents d ON d.rid = m.doc_rid WHERE m.event_id IN (" +
        inner + ") ORDER BY m.event_id, d.id, m.sentence_index";
    return conn_->Query(sql, w->params, [&](const SqlRow& r) {
      StoredMention m;
      m.event_id = r.Int(0);
      m.doc_id = r.Text(1);
      m.sentence_index = static_cast<int>(r.Int(2));
      m.sentence = r.Text(3);
      m.sentence_begin = r.Int(4);
      m.sentence_end = r.Int(5);
      m.source_offset = r.Int(6);
      m.target_offset = r.Int(7);
      m.action_offset = r.Int(8);
      m.rule = r.Text(9);
      m.confidence = static_cast<int>(r.Int(10));
      m.coder_event = r.Text(11);
      m.doc_url = r.Text(12);
      m.doc_source = r.Text(13);
      m.doc_date = r.Text(14);
      m.coded_at = r.Text(15);
      m.doc_length = r.Int(16);
      m.doc_tone = r.Double(17);
      return fn(m);
    });
  }

  Result<std::vector<DyadRow>> Dyad(const std::string& a, const std::string& b, Period by,
                                    const std::string& from, const std::string& to) override {
    if (a.empty() || b.empty()) return Status::InvalidArgument("a dyad needs two actor codes");
    std::string sql =
        "SELECT day, goldstein FROM events WHERE source >= ? AND source < ? AND target >= ? AND "
        "target < ? AND day IS NOT NULL";
    std::vector<SqlValue> range;
    if (!from.empty()) {
      auto d = DayOf(from);
      if (!d) return Status::InvalidArgument("--from must be YYYY, YYYY-MM or YYYY-MM-DD: " + from);
      sql += " AND day >= ?";
      range.push_back(*d);
    }
    if (!to.empty()) {
      auto d = DayOf(to, true);
      if (!d) return Status::InvalidArgument("--to must be YYYY, YYYY-MM or YYYY-MM-DD: " + to);
      sql += " AND day <= ?";
      range.push_back(*d);
    }
    // Keyed by the period's first day; consecutive rows mostly share it.
    std::map<int64_t, DyadRow> rows;
    for (int dir = 0; dir < 2; ++dir) {
      std::string s = Upper(dir == 0 ? a : b), t = Upper(dir == 0 ? b : a);
      std::vector<SqlValue> params = {s, PrefixEnd(s), t, PrefixEnd(t)};
      params.insert(params.end(), range.begin(), range.end());
      int64_t last_day = INT64_MIN;
      DyadRow* row = nullptr;
      Status st = conn_->Query(sql, params, [&](const SqlRow& r) {
        int64_t day = r.Int(0);
        if (day != last_day || !row) {
          row = &rows[PeriodStart(day, by)];
          last_day = day;
        }
        if (dir == 0) {
          ++row->ab_count;
          row->ab_goldstein += r.Double(1);
        } else {
          ++row->ba_count;
          row->ba_goldstein += r.Double(1);
        }
        return true;
      });
      if (!st.ok()) return st;
    }
    std::vector<DyadRow> out;
    out.reserve(rows.size());
    for (auto& [start, r] : rows) {
      out.push_back(r);
      out.back().period = PeriodName(start, by);
    }
    return out;
  }

  Result<StoreCounts> Counts() override {
    StoreCounts c;
    Status st = conn_->Query(
        "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events), "
        "(SELECT count(*) FROM mentions)",
        {}, [&](const SqlRow& r) {
          c.documents = r.Int(0);
          c.events = r.Int(1);
          c.mentions = r.Int(2);
          return false;
        });
    if (!st.ok()) return st;
    return c;
  }

 private:
  std::unique_ptr<SqlConn> conn_;
  int version_;
  StoreOptions options_;
  store::ToneLexicon tone_;
  int insert_document_, find_event_, insert_event_, insert_mention_;  // statement handles
  std::vector<int64_t> ids_;         // WriteOne(): the event ids of the document's happenings
  std::set<int64_t> batch_pending_;  // events of the open batch to Recount() before COMMIT
  std::vector<SqlValue> find_params_;
  std::vector<bool> inserted_;  // WriteOne(): which of the document's happenings are new
  std::vector<SqlValue> rows_;  // the parameters of a multi-row statement
};

}  // namespace

int LatestStoreSchemaVersion() { return store::kSchemaVersion; }

Result<std::unique_ptr<Store>> Store::Open(const std::string& uri, const StoreOptions& options) {
  if (uri.empty()) return Status::InvalidArgument("no store given (--db FILE or postgresql://...)");
  bool pg = StartsWith(uri, "postgresql://") || StartsWith(uri, "postgres://");
  auto conn = pg ? store::OpenPostgres(uri)
                 : store::OpenSqlite(uri, options.create_if_missing, options.cache_mb,
                                     options.checkpoint_pages);
  if (!conn.ok()) return conn.status();
  // Never echo a PostgreSQL URI: it may hold a password.
  std::string where = pg ? "the PostgreSQL store" : uri;
  auto version = store::MigrateSchema(conn->get(), options.schema_version, where);
  if (!version.ok()) return version.status();
  auto s = std::make_unique<SqlStore>(std::move(*conn), *version, options);
  Status st = s->LoadTone();
  if (!st.ok()) return st;
  return std::unique_ptr<Store>(std::move(s));
}

std::string DictionaryVersion(const std::string& data_dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<std::string> files;
  for (auto it = fs::recursive_directory_iterator(data_dir, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file(ec)) files.push_back(it->path().string());
  }
  std::sort(files.begin(), files.end());
  uint64_t h = Fnv1a64("warta-dict");
  for (const std::string& f : files) {
    std::string text;
    if (!ReadFileToString(f, &text).ok()) continue;
    h = Fnv1a64(fs::relative(f, data_dir, ec).string(), h);
    h = Fnv1a64(text, h);
  }
  return Hex64(h).substr(0, 12);
}

}  // namespace warta
