// Store: the event store — documents, events with GDELT 2.0 semantics and the mentions
// that report them — in SQLite (embedded default, one file, WAL) or PostgreSQL
// (`postgresql://...`), with the same schema on both.
//
// An event is one happening: (date, source, target, CAMEO code, place). Two articles
// reporting the same happening give one event with two mentions; NumMentions,
// NumSources, NumArticles and AvgTone are kept up to date as documents are written.
// WriteDocument() (or WriteDocuments(), several in one transaction) is the one way in: it
// writes a document, its tone and its mentions in one transaction, and writing the same
// document (id and text) again changes nothing.
//
// Thread-safety: a Store is one database connection. Use it from one thread at a time
// (Prepare() excepted: any thread, any time); a worker pool opens one Store per worker
// (SQLite and PostgreSQL both serialise the writers' transactions).
#ifndef WARTA_STORE_H_
#define WARTA_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "warta/document.h"
#include "warta/event.h"
#include "warta/status.h"

namespace warta {

struct StoreOptions {
  // Recorded with every document written: which dictionaries coded it.
  std::string dictionary_version;
  // Directory holding tone/<lang>.tsv (a warta data directory). Empty: tone is 0.
  std::string data_dir;
  // false: opening a SQLite file that does not exist is an error (for readers).
  bool create_if_missing = true;
  // SQLite: the page cache of this connection, in MB (0: 64). A bulk writer gains from
  // a larger one; it is allocated as pages are read.
  int cache_mb = 0;
  // SQLite: WAL pages (4 KB) between automatic checkpoints (0: 10000). A bulk writer
  // gains from more: a checkpoint copies each page once however often it changed.
  int checkpoint_pages = 0;
  // Tests only: create or migrate the schema up to this version (0 = the latest).
  int schema_version = 0;
};

struct WriteStats {
  bool unchanged = false;  // same id and text already stored: nothing written
  bool replaced = false;   // same id, new text: the old mentions were replaced
  int events_new = 0;      // happenings not seen before
  int events_merged = 0;   // mentions added to happenings already stored
  int mentions = 0;
  int skipped_negated = 0;  // negated events are not happenings and are not stored
};

// Filters of `warta query`; empty fields do not filter. Dates are YYYY, YYYY-MM or
// YYYY-MM-DD: `from` is the first day of its period, `to` the last.
struct EventFilter {
  std::string from, to;
  std::string actor;    // source or target code starts with this (IDN matches IDNGOV)
  std::string country;  // place country, ISO alpha-2 or alpha-3
  std::string code;     // CAMEO code starts with this
  std::string root;     // CAMEO root, exactly
  std::optional<int> quad;
  std::string place;  // words of the place name
  std::string text;   // words of a reporting sentence
  std::optional<int64_t> event_id;
  int64_t limit = 0;  // 0: no limit
};

struct StoredEvent {
  int64_t id = 0;              // GLOBALEVENTID: assigned in sequence as events are first stored
  std::string date;            // as coded: YYYY, YYYY-MM or YYYY-MM-DD
  std::optional<int64_t> day;  // days since 1970-01-01 of the date's first day
  std::string source, source_name, target, target_name;
  std::string code, root, plover;
  int quad_class = 0;
  double goldstein = 0;
  bool has_place = false;
  std::string place, country, country3;
  double lat = 0, lon = 0;
  int64_t num_mentions = 0, num_sources = 0, num_articles = 0;
  double avg_tone = 0;
  bool is_root = false;    // reported in an article's lead sentence
  std::string date_added;  // YYYYMMDDHHMMSS, UTC
  std::string source_url;  // of the first article that reported it
};

struct StoredMention {
  int64_t event_id = 0;
  std::string doc_id;
  int sentence_index = 0;
  std::string sentence;
  int64_t sentence_begin = 0, sentence_end = 0;
  int64_t source_offset = -1, target_offset = -1, action_offset = -1;  // code points
  std::string rule;
  int confidence = 0;       // 0..100
  std::string coder_event;  // the coder's event_id
  // Of the document:
  std::string doc_url, doc_source, doc_date, coded_at;
  int64_t doc_length = 0;  // code points
  double doc_tone = 0;
};

enum class Period { kDay, kWeek, kMonth, kYear };

// One period of a dyad: A→B and B→A. Weeks start on Monday and are named by it.
struct DyadRow {
  std::string period;
  int64_t ab_count = 0, ba_count = 0;
  double ab_goldstein = 0, ba_goldstein = 0;  // sums
};

// One document of a WriteDocuments() batch; both pointers must outlive the call.
struct DocumentWrite {
  const Document* doc = nullptr;
  const std::vector<Event>* events = nullptr;
};

struct StoreCounts {
  int64_t documents = 0, events = 0, mentions = 0;
};

// A document and its events made ready to write by Store::Prepare(): checked, with its
// text hash, tone, the events' keys and every row computed. Self-contained: it keeps no
// reference to the Document or the events it was made from.
class PreparedDocument {
 public:
  virtual ~PreparedDocument() = default;
};

class Store {
 public:
  // uri: "postgresql://..." (or "postgres://...") for PostgreSQL, otherwise a SQLite
  // file path. Creates or migrates the schema; a database written by a newer warta is
  // refused with a message that says so.
  static Result<std::unique_ptr<Store>> Open(const std::string& uri,
                                             const StoreOptions& options = {});
  virtual ~Store() = default;

  // Writes one coded document and its events in one transaction (all or nothing).
  // doc.lang should be the language the coder used (it picks the tone word list).
  virtual Result<WriteStats> WriteDocument(const Document& doc,
                                           const std::vector<Event>& events) = 0;
  // Writes documents in order, as WriteDocument() would one by one, but in one
  // transaction (faster: a bulk ingest commits once per batch). A crash still leaves
  // whole documents only: all of the batch or none of it. A document that cannot be
  // written fails alone (the others are then written one transaction each); the
  // results are in the order of `docs`.
  virtual std::vector<Result<WriteStats>> WriteDocuments(
      const std::vector<DocumentWrite>& docs) = 0;
  // The work of a write that needs no database: checks (an error says why the document
  // cannot be stored), hashes, tone, the rows. Thread-safe — it reads only what Open()
  // loaded — so a bulk ingest calls it on its coding threads while one thread writes.
  virtual Result<std::unique_ptr<PreparedDocument>> Prepare(
      const Document& doc, const std::vector<Event>& events) const = 0;
  // WriteDocuments() for documents from this store's Prepare(): one transaction, a
  // document that cannot be written fails alone. Fills in the ids the database assigns
  // (the documents may be written again, e.g. after a failure).
  virtual std::vector<Result<WriteStats>> WritePrepared(
      const std::vector<PreparedDocument*>& docs) = 0;
  // WritePrepared() in pieces, for a writer that gets documents a few at a time and
  // wants to commit many at once: BeginBatch(), AddToBatch() each document as it comes
  // (it is written at once, in the open transaction), CommitBatch(). Statistics count
  // once the batch commits. After any error nothing of the batch is stored: call
  // AbortBatch() and write the documents again (WritePrepared() one by one finds the
  // one at fault).
  virtual Status BeginBatch() = 0;
  virtual Result<WriteStats> AddToBatch(PreparedDocument* doc) = 0;
  virtual Status CommitBatch() = 0;
  virtual void AbortBatch() = 0;
  // For each document, whether the store holds it already with the same id and text,
  // i.e. whether WriteDocument() would change nothing. Reads only: a resumed ingest
  // asks this before coding, from a second Store, so stored documents cost a lookup.
  virtual Result<std::vector<bool>> AlreadyStored(const std::vector<const Document*>& docs) = 0;

  // Events matching the filter, by date then id; fn returns false to stop.
  virtual Status ForEachEvent(const EventFilter& filter,
                              const std::function<bool(const StoredEvent&)>& fn) = 0;
  // Mentions of the events matching the filter, by event id then document.
  virtual Status ForEachMention(const EventFilter& filter,
                                const std::function<bool(const StoredMention&)>& fn) = 0;

  // Events between actors a and b (code prefixes) per period, both directions; periods
  // without events are left out. from/to as in EventFilter.
  virtual Result<std::vector<DyadRow>> Dyad(const std::string& a, const std::string& b, Period by,
                                            const std::string& from = "",
                                            const std::string& to = "") = 0;

  virtual Result<StoreCounts> Counts() = 0;
  virtual int schema_version() const = 0;
  virtual std::string backend() const = 0;  // "sqlite" or "postgresql"
};

// The schema version this warta writes.
int LatestStoreSchemaVersion();

// A short fingerprint of every file under a data directory, recorded with documents.
std::string DictionaryVersion(const std::string& data_dir);

}  // namespace warta

#endif  // WARTA_STORE_H_
