// warta ingest | query | dyad | export: the event store from the command line.
//
// ingest is crash-safe and resumable: documents are committed whole (a batch per
// transaction, in input order), and a run of the same command after a kill skips the
// documents already stored (same id and text) before coding them.
#include "cmd_store.h"

#include <fmt/format.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>

#include "cli_output.h"
#include "ingest/byte_source.h"
#include "ingest/pipeline.h"
#include "ingest/reader.h"
#include "store/event_json.h"
#include "store/gdelt.h"
#include "util/json_writer.h"
#include "warta/coder.h"
#include "warta/store.h"

namespace warta {
namespace {

using cli::Error;
using Out = cli::Output;

// Ends the CLI11 parse with an exit code (CLI11 returns it silently).
[[noreturn]] void Exit(int code) { throw CLI::RuntimeError(code); }

std::unique_ptr<Store> OpenStore(const std::string& db, bool create, const std::string& data_dir,
                                 const std::string& dict_version = "", int cache_mb = 0,
                                 int checkpoint_pages = 0) {
  StoreOptions opts;
  opts.cache_mb = cache_mb;
  opts.checkpoint_pages = checkpoint_pages;
  opts.create_if_missing = create;
  opts.data_dir = data_dir;
  opts.dictionary_version = dict_version;
  auto store = Store::Open(db, opts);
  if (!store.ok()) {
    Error(store.status().message());
    Exit(1);
  }
  return std::move(*store);
}

std::string Csv(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) {
    if (c == '"') q.push_back('"');
    q.push_back(c);
  }
  return q + "\"";
}

std::string Num(double v) { return fmt::format("{:.6g}", v); }

const char* kCsvHeader =
    "id,date,source,source_name,target,target_name,code,root,quad_class,goldstein,plover,place,"
    "country,lat,lon,num_mentions,num_sources,num_articles,avg_tone,source_url";

void AppendCsv(const StoredEvent& e, std::string* out) {
  *out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}", e.id, e.date,
                      Csv(e.source), Csv(e.source_name), Csv(e.target), Csv(e.target_name), e.code,
                      e.root, e.quad_class, Num(e.goldstein), e.plover, Csv(e.place), e.country,
                      e.has_place ? Num(e.lat) : "", e.has_place ? Num(e.lon) : "", e.num_mentions,
                      e.num_sources, e.num_articles, Num(e.avg_tone), Csv(e.source_url));
}

std::string Cut(const std::string& s, size_t n) {
  if (s.size() <= n) return s;
  size_t i = n;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;  // UTF-8 boundary
  return s.substr(0, i);
}

// Prints events in one of the formats; jsonl carries the mentions.
int PrintEvents(Store* store, const EventFilter& filter, const std::string& format) {
  Out out;
  Status st;
  if (format == "table") {
    out.buf() += fmt::format(
        "{:<19} {:<10} {:<10} {:<10} {:<5} {:>4} {:>6} {:<16} {:>3} {:>3} {:>6}", "id", "date",
        "source", "target", "code", "quad", "gold", "place", "men", "art", "tone");
    out.Line();
  } else if (format == "csv") {
    out.buf() += kCsvHeader;
    out.Line();
  }
  int64_t n = 0;
  std::vector<StoredMention> mentions;
  Status inner;
  st = store->ForEachEvent(filter, [&](const StoredEvent& e) {
    ++n;
    if (format == "table") {
      out.buf() += fmt::format(
          "{:<19} {:<10} {:<10} {:<10} {:<5} {:>4} {:>6} {:<16} {:>3} {:>3} {:>6}", e.id, e.date,
          e.source, e.target.empty() ? "-" : e.target, e.code, e.quad_class, Num(e.goldstein),
          Cut(e.place, 16), e.num_mentions, e.num_articles, fmt::format("{:.2f}", e.avg_tone));
      out.Line();
    } else if (format == "csv") {
      AppendCsv(e, &out.buf());
      out.Line();
    } else {
      mentions.clear();
      EventFilter one;
      one.event_id = e.id;
      inner = store->ForEachMention(one, [&](const StoredMention& m) {
        mentions.push_back(m);
        return true;
      });
      if (!inner.ok()) return false;
      AppendStoredEventJson(e, mentions, &out.buf());
      out.Line();
    }
    return true;
  });
  if (st.ok()) st = inner;
  out.Flush();
  if (!st.ok()) {
    Error(st.message());
    return 1;
  }
  if (format == "table" && isatty(STDOUT_FILENO)) fmt::print("{} events\n", n);
  return 0;
}

// Bytes of input in all, for the progress line's ETA; 0 when unknown (standard input,
// compressed files).
uint64_t TotalInputBytes(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  uint64_t total = 0;
  auto add = [&](const fs::path& p) {
    std::error_code ec;
    uint64_t size = fs::file_size(p, ec);
    if (ec) return false;
    char head[4] = {};
    FILE* f = fopen(p.c_str(), "rb");
    if (!f) return false;
    size_t n = fread(head, 1, sizeof head, f);
    fclose(f);
    if (DetectCompression(std::string_view(head, n)) != Compression::kNone) return false;
    total += size;
    return true;
  };
  for (const std::string& p : paths) {
    std::error_code ec;
    if (p == "-") return 0;
    if (fs::is_directory(p, ec)) {
      for (auto it = fs::recursive_directory_iterator(p, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (!name.empty() && name[0] == '.') {
          if (it->is_directory()) it.disable_recursion_pending();
          continue;
        }
        if (it->is_regular_file() && !add(it->path())) return 0;
      }
    } else if (!add(p)) {
      return 0;
    }
  }
  return total;
}

// WAL pages between checkpoints while ingesting (400 MB of WAL): a checkpoint copies
// each changed page once, however many commits changed it.
constexpr int kIngestCheckpointPages = 100000;

struct IngestOptions {
  std::vector<std::string> paths;
  std::string db, lang = "auto", date;
  int jobs = 0;
  int batch = 0;       // documents per transaction; 0: the default
  int cache_mb = 512;  // the writer's SQLite page cache
};

// warta ingest: a reader (this thread) → N coding threads, one of which is the writer:
// it owns the store connection and writes the documents in input order, a batch per
// transaction, and codes when it has nothing to write (so -j 1 codes and writes on one
// thread). Documents already stored with the same text are skipped before coding (a
// second, read-only connection asks), so a killed run resumes where it stopped.
int RunIngest(const IngestOptions& o, const std::string& data_dir) {
  if (o.lang != "auto" && o.lang != "en" && o.lang != "id") {
    Error("--lang must be auto, en or id");
    return 1;
  }
  auto start = std::chrono::steady_clock::now();
  CoderOptions copts;
  copts.data_dir = data_dir;
  copts.default_lang = o.lang;
  copts.default_date = o.date;
  auto coder = Coder::Open(copts);
  if (!coder.ok()) {
    Error(coder.status().ToString());
    return 1;
  }
  std::string dir = (*coder)->DataDir();
  std::unique_ptr<Store> store =
      OpenStore(o.db, true, dir, DictionaryVersion(dir), o.cache_mb, kIngestCheckpointPages);
  auto done = OpenStore(o.db, false, "");  // reads only: which documents are stored

  // Writer-thread counts.
  uint64_t fresh = 0, unchanged = 0, replaced = 0, events_new = 0, merged = 0;
  uint64_t store_errors = 0, coder_errors = 0, read_errors = 0, skipped = 0;
  int failed_in_a_row = 0;
  std::atomic<bool> fatal{false};

  PipelineOptions popts;
  popts.threads = o.jobs;
  popts.progress = isatty(STDERR_FILENO);
  if (popts.progress) popts.total_bytes = TotalInputBytes(o.paths);
  // The coding threads also prepare the store's rows (Store::Prepare() is thread-safe),
  // so the writer only runs statements.
  popts.prepare = [&store](CodedDocument& cd) {
    auto p = store->Prepare(cd.doc, cd.events);
    if (p.ok())
      cd.prepared = std::move(*p);
    else
      cd.prepare_status = p.status();
    cd.events = {};
  };
  // The writer writes each document into the open transaction as it comes and commits
  // every --batch documents (or 5 s): large transactions write each changed database
  // page once for many documents, and writing as documents come keeps the work even.
  // It holds the documents of the open transaction (not their rows: memory) to code and
  // write them again one by one should the batch fail. A kill loses the transaction in
  // progress; a rerun codes its documents again.
  const size_t commit_docs = o.batch > 0 ? static_cast<size_t>(o.batch) : 10000;
  const auto commit_every = std::chrono::seconds(5);
  // Enough batches in flight for the coding threads to go on while a commit runs.
  popts.max_in_flight =
      std::max(4 * (popts.threads > 0 ? popts.threads : CodePipeline::DefaultThreads()), 32);
  std::vector<CodedDocument> held;
  std::vector<Result<WriteStats>> held_stats;  // of held[i], final once committed
  bool in_batch = false;                       // a transaction is open
  bool batch_failed = false;                   // rolled back: write held one by one
  auto last_commit = std::chrono::steady_clock::now();
  CodePipeline* progress = nullptr;
  auto store_error = [&](const CodedDocument& cd, const Status& st) {
    // The document was rolled back; go on with the next one, unless the store itself is
    // failing (every write fails: disk full, connection lost).
    ++store_errors;
    if (progress) progress->CountExternalError();
    if (!fatal) Error(cd.doc.origin + ": " + st.message());
    if (++failed_in_a_row >= 20 && !fatal) {
      Error("giving up: 20 documents in a row could not be stored");
      fatal = true;
    }
  };
  auto write = [&](CodedDocument& cd) {
    held.push_back(std::move(cd));
    PreparedDocument* p = held.back().prepared.get();
    if (!p) {
      held_stats.emplace_back(held.back().prepare_status);
      return;
    }
    if (!in_batch && !batch_failed) {
      Status st = store->BeginBatch();
      in_batch = st.ok();
      batch_failed = !st.ok();
    }
    if (batch_failed) {
      held_stats.emplace_back(WriteStats{});  // written at the commit
    } else {
      held_stats.push_back(store->AddToBatch(p));
      if (!held_stats.back().ok()) {
        store->AbortBatch();
        in_batch = false;
        batch_failed = true;
      }
    }
    held.back().prepared.reset();
  };
  auto commit = [&] {
    last_commit = std::chrono::steady_clock::now();
    if (in_batch) {
      Status st = store->CommitBatch();
      in_batch = false;
      if (!st.ok()) {
        store->AbortBatch();
        batch_failed = true;
      }
    }
    if (batch_failed) {
      // Nothing of the batch is stored: code the documents again (the coder gives the
      // same events) and write them one transaction each, so that only the one at fault
      // fails.
      std::vector<Event> events;
      for (size_t i = 0; i < held.size(); ++i) {
        if (!held[i].prepare_status.ok()) continue;
        events.clear();
        Status st = (*coder)->Code(held[i].doc, &events, nullptr);
        auto p = store->Prepare(held[i].doc, events);
        if (!st.ok())
          held_stats[i] = st;
        else if (!p.ok())
          held_stats[i] = p.status();
        else
          held_stats[i] = std::move(store->WritePrepared({p->get()})[0]);
      }
      batch_failed = false;
    }
    for (size_t i = 0; i < held.size(); ++i) {
      Result<WriteStats>& ws = held_stats[i];
      if (!ws.ok()) {
        store_error(held[i], ws.status());
        continue;
      }
      failed_in_a_row = 0;
      if (ws->unchanged)
        ++unchanged;
      else if (ws->replaced)
        ++replaced;
      else
        ++fresh;
      events_new += static_cast<uint64_t>(ws->events_new);
      merged += static_cast<uint64_t>(ws->events_merged);
    }
    held.clear();
    held_stats.clear();
  };
  CodePipeline pipeline(
      **coder, popts,
      [&](std::vector<CodedDocument>& batch) {
        if (fatal) return;
        for (CodedDocument& cd : batch) write(cd);
        if (held.size() >= commit_docs ||
            std::chrono::steady_clock::now() - last_commit >= commit_every)
          commit();
      },
      [&](const Status& st) {
        // A document that does not code is not stored: a later run may code it.
        ++coder_errors;
        Error(st.message());
      });
  progress = &pipeline;

  // Documents are checked against the store a few dozen at a time, before coding.
  std::vector<Document> pending;
  size_t pending_bytes = 0;
  std::vector<const Document*> check;
  ReaderOptions ropts;
  ropts.default_date = o.date;
  ropts.default_lang = o.lang;
  uint64_t read_pos = 0;
  auto flush = [&] {
    if (pending.empty()) return;
    check.clear();
    for (const Document& d : pending) check.push_back(&d);
    auto stored = done->AlreadyStored(check);
    if (!stored.ok()) {
      // Not fatal: the writer finds stored documents again (and leaves them alone).
      Error(stored.status().message());
      stored = std::vector<bool>(pending.size(), false);
    }
    uint64_t n = 0;
    for (size_t i = 0; i < pending.size(); ++i) {
      if ((*stored)[i])
        ++n;
      else
        pipeline.Add(std::move(pending[i]));
    }
    skipped += n;
    if (n) pipeline.CountSkipped(n);
    pipeline.SetInputPosition(read_pos);
    pending.clear();
    pending_bytes = 0;
  };
  DocumentReader reader(
      ropts,
      [&](Document&& doc) {
        if (fatal) return;
        pending_bytes += doc.text.size();
        pending.push_back(std::move(doc));
        if (pending.size() >= 64 || pending_bytes >= (1u << 20)) {
          read_pos = reader.stats().bytes;
          flush();
        }
      },
      [&](const Status& st) {
        ++read_errors;
        pipeline.CountExternalError();
        Error(st.message());
      });
  for (const std::string& p : o.paths) {
    if (fatal) break;
    Status st = reader.ReadPath(p);
    read_pos = reader.stats().bytes;
    if (!st.ok()) {
      ++read_errors;
      pipeline.CountExternalError();
      Error(st.message());
    }
    flush();
  }
  flush();
  pipeline.Finish();
  if (!fatal) commit();  // the writer thread has ended: the store is this thread's now
  PipelineStats ps = pipeline.stats();
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  uint64_t errors = store_errors + coder_errors + read_errors;
  fmt::print(stderr,
             "warta: {} documents ({} new, {} replaced, {} unchanged), {} new events, {} reports "
             "of stored events, {} errors\n"
             "warta: {} documents coded ({} sentences, {:.1f} MB of text) in {:.1f} s: {:.0f} "
             "sentences/s, {:.1f} MB/s\n",
             ps.docs + skipped, fresh, replaced, unchanged + skipped, events_new, merged, errors,
             ps.docs, ps.sentences, ps.text_bytes / 1e6, secs, ps.sentences / secs,
             ps.text_bytes / 1e6 / secs);
  if (fatal) return 1;
  return errors ? 2 : 0;
}

int RunDyad(const std::string& a, const std::string& b, const std::string& db,
            const std::string& by, const std::string& from, const std::string& to,
            const std::string& format) {
  auto store = OpenStore(db, false, "");
  Period p = by == "day"    ? Period::kDay
             : by == "week" ? Period::kWeek
             : by == "year" ? Period::kYear
                            : Period::kMonth;
  auto rows = store->Dyad(a, b, p, from, to);
  if (!rows.ok()) {
    Error(rows.status().message());
    return 1;
  }
  auto mean = [](double sum, int64_t n) { return n ? sum / static_cast<double>(n) : 0.0; };
  Out out;
  std::string ab = a + ">" + b, ba = b + ">" + a;
  if (format == "table") {
    out.buf() += fmt::format("{:<10} {:>8} {:>9} {:>8} {:>8} {:>9} {:>8}", by, ab + " n", "sum",
                             "mean", ba + " n", "sum", "mean");
  } else if (format == "csv") {
    out.buf() +=
        "period,ab_count,ab_goldstein_sum,ab_goldstein_mean,ba_count,ba_goldstein_sum,"
        "ba_goldstein_mean";
  }
  if (format != "jsonl") out.Line();
  for (const DyadRow& r : *rows) {
    double am = mean(r.ab_goldstein, r.ab_count), bm = mean(r.ba_goldstein, r.ba_count);
    if (format == "table") {
      out.buf() += fmt::format("{:<10} {:>8} {:>9.2f} {:>8.2f} {:>8} {:>9.2f} {:>8.2f}", r.period,
                               r.ab_count, r.ab_goldstein, am, r.ba_count, r.ba_goldstein, bm);
    } else if (format == "csv") {
      out.buf() += fmt::format("{},{},{},{},{},{},{}", r.period, r.ab_count, Num(r.ab_goldstein),
                               Num(am), r.ba_count, Num(r.ba_goldstein), Num(bm));
    } else {
      out.buf() += "{\"period\": ";
      json::AppendString(r.period, &out.buf());
      out.buf() += ", \"a\": ";
      json::AppendString(a, &out.buf());
      out.buf() += ", \"b\": ";
      json::AppendString(b, &out.buf());
      out.buf() += fmt::format(
          ", \"ab\": {{\"count\": {}, \"goldstein_sum\": {}, \"goldstein_mean\": {}}}, "
          "\"ba\": {{\"count\": {}, \"goldstein_sum\": {}, \"goldstein_mean\": {}}}}}",
          r.ab_count, Num(r.ab_goldstein), Num(am), r.ba_count, Num(r.ba_goldstein), Num(bm));
    }
    out.Line();
  }
  return 0;
}

int RunExport(const std::string& db, const std::string& format, const EventFilter& filter,
              bool header) {
  auto store = OpenStore(db, false, "");
  if (format == "jsonl" || format == "csv") return PrintEvents(store.get(), filter, format);
  Out out;
  Status st;
  if (format == "gdelt-events") {
    if (header) {
      out.buf() += store::GdeltEventHeader();
      out.Line();
    }
    st = store->ForEachEvent(filter, [&](const StoredEvent& e) {
      store::AppendGdeltEvent(e, &out.buf());
      out.Line();
      return true;
    });
  } else {
    if (header) {
      out.buf() += store::GdeltMentionHeader();
      out.Line();
    }
    // Mentions come ordered by event id; the events they need are looked up by id.
    StoredEvent current;
    st = store->ForEachMention(filter, [&](const StoredMention& m) {
      if (current.id != m.event_id) {
        EventFilter one;
        one.event_id = m.event_id;
        Status s = store->ForEachEvent(one, [&](const StoredEvent& e) {
          current = e;
          return false;
        });
        if (!s.ok()) return false;
      }
      store::AppendGdeltMention(current, m, &out.buf());
      out.Line();
      return true;
    });
  }
  out.Flush();
  if (!st.ok()) {
    Error(st.message());
    return 1;
  }
  return 0;
}

struct FilterOptions {
  EventFilter f;
  int quad = 0;
};

void AddFilterOptions(CLI::App* cmd, FilterOptions* o) {
  cmd->add_option("--from", o->f.from, "first date, YYYY[-MM[-DD]]");
  cmd->add_option("--to", o->f.to, "last date, YYYY[-MM[-DD]] (inclusive)");
  cmd->add_option("--actor", o->f.actor, "source or target code starts with this (IDN, USAGOV)");
  cmd->add_option("--country", o->f.country, "country of the place (ISO alpha-2 or alpha-3)");
  cmd->add_option("--code", o->f.code, "CAMEO code starts with this (04, 043)");
  cmd->add_option("--root", o->f.root, "CAMEO root code (01..20)");
  cmd->add_option("--quad", o->quad, "QuadClass 1..4")->check(CLI::Range(1, 4));
  cmd->add_option("--place", o->f.place, "words of the place name");
  cmd->add_option("--text", o->f.text, "words of a reporting sentence");
  cmd->add_option("--limit", o->f.limit, "at most this many events");
}

EventFilter Filter(const FilterOptions& o) {
  EventFilter f = o.f;
  if (o.quad) f.quad = o.quad;
  return f;
}

}  // namespace

void RegisterStoreCommands(CLI::App* app, const std::string* data_dir) {
  // Options live as long as the app: main() parses once and returns.
  struct Opts {
    IngestOptions ingest;
    std::string db, format = "table", by = "month", a, b, from, to;
    std::string export_format = "gdelt-events";
    bool header = false;
    FilterOptions q, x;
  };
  static Opts o;

  const char* db_help = "the store: a SQLite file or postgresql://user@host:port/dbname";
  auto* ingest =
      app->add_subcommand("ingest", "code documents and write them with their events to a store");
  ingest
      ->add_option("paths", o.ingest.paths,
                   "JSON lines, .txt, .html, WARC (also .gz/.zst), directories, or - for stdin")
      ->required();
  ingest->add_option("--db", o.ingest.db, db_help)->required();
  ingest->add_option("--lang", o.ingest.lang,
                     "auto, en or id: language of documents that do not say");
  ingest->add_option("--date", o.ingest.date, "YYYY-MM-DD: date of documents that do not say");
  ingest
      ->add_option("-j,--jobs", o.ingest.jobs,
                   "threads that code, one of them also writing (default: all cores)")
      ->check(CLI::NonNegativeNumber);
  ingest
      ->add_option("--batch", o.ingest.batch,
                   "documents per transaction (default 10000; a commit at least every 5 s)")
      ->check(CLI::PositiveNumber);
  ingest
      ->add_option("--cache-mb", o.ingest.cache_mb,
                   "SQLite page cache of the writer, MB (default 512)")
      ->check(CLI::PositiveNumber);
  ingest->callback([data_dir] { Exit(RunIngest(o.ingest, *data_dir)); });

  auto* query = app->add_subcommand("query", "list stored events matching filters");
  query->add_option("--db", o.db, db_help)->required();
  AddFilterOptions(query, &o.q);
  query->add_option("--format", o.format, "table, jsonl (with mentions) or csv")
      ->check(CLI::IsMember({"table", "jsonl", "csv"}));
  query->callback([] {
    auto store = OpenStore(o.db, false, "");
    Exit(PrintEvents(store.get(), Filter(o.q), o.format));
  });

  auto* dyad = app->add_subcommand(
      "dyad", "events between two actors per period, both directions: count, Goldstein sum, mean");
  dyad->add_option("a", o.a, "actor code (prefix): IDN, USAGOV")->required();
  dyad->add_option("b", o.b, "actor code (prefix)")->required();
  dyad->add_option("--db", o.db, db_help)->required();
  dyad->add_option("--by", o.by, "day, week (from Monday), month or year")
      ->check(CLI::IsMember({"day", "week", "month", "year"}));
  dyad->add_option("--from", o.from, "first date, YYYY[-MM[-DD]]");
  dyad->add_option("--to", o.to, "last date, YYYY[-MM[-DD]] (inclusive)");
  dyad->add_option("--format", o.format, "table, jsonl or csv")
      ->check(CLI::IsMember({"table", "jsonl", "csv"}));
  dyad->callback([] { Exit(RunDyad(o.a, o.b, o.db, o.by, o.from, o.to, o.format)); });

  auto* exp = app->add_subcommand(
      "export",
      "write the store as GDELT 2.0 events (61 columns) or mentions (16), JSON lines or CSV");
  exp->add_option("--db", o.db, db_help)->required();
  exp->add_option("--format", o.export_format, "gdelt-events, gdelt-mentions, jsonl or csv")
      ->check(CLI::IsMember({"gdelt-events", "gdelt-mentions", "jsonl", "csv"}));
  exp->add_flag("--header", o.header, "GDELT formats: a first line of column names");
  AddFilterOptions(exp, &o.x);
  exp->callback([] { Exit(RunExport(o.db, o.export_format, Filter(o.x), o.header)); });
}

}  // namespace warta
