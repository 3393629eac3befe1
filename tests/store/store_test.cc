// Store tests, run on SQLite always and on PostgreSQL when WARTA_TEST_PG names a
// server (postgresql://warta@127.0.0.1:5433/warta); skipped otherwise. Each test gets
// a fresh database: a temporary SQLite file, or its own PostgreSQL schema.
#include "warta/store.h"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>

#include "ingest/reader.h"
#include "store/gdelt.h"
#include "store/tone.h"
#include "util/date.h"
#include "util/strings.h"
#include "warta/coder.h"

namespace warta {
namespace {

const std::string kFixtures = std::string(WARTA_TEST_DIR) + "/store/fixtures";

Event MakeEvent(const std::string& doc, const std::string& date, const std::string& src,
                const std::string& tgt, const std::string& code, double goldstein, int sentence,
                const std::string& place = "") {
  Event ev;
  ev.doc_id = doc;
  ev.event_id = doc + "-" + std::to_string(sentence) + "-" + code;
  ev.date = date;
  ev.source = {src, src + " words", {0, 5}};
  if (!tgt.empty()) ev.target = ActorRef{tgt, tgt + " words", {10, 15}};
  ev.code = code;
  ev.root = code.substr(0, 2);
  ev.quad_class = goldstein >= 0 ? 1 : 3;
  ev.goldstein = goldstein;
  ev.plover = goldstein >= 0 ? "CONSULT" : "ACCUSE";
  ev.sentence_index = sentence;
  ev.sentence_text = "Sentence " + std::to_string(sentence) + " about " + src + " and " + tgt;
  ev.sentence_span = {0, 30};
  ev.trigger_span = {6, 9};
  ev.rule = "test/" + code;
  if (place == "Jakarta") ev.location = Location{"Jakarta", "ID", "IDN", -6.21, 106.85};
  if (place == "Kuala Lumpur") ev.location = Location{"Kuala Lumpur", "MY", "MYS", 3.14, 101.69};
  return ev;
}

Document MakeDoc(const std::string& id, const std::string& text, const std::string& url = "") {
  Document d;
  d.id = id;
  d.date = "2024-05-08";
  d.lang = "en";
  d.url = url;
  d.text = text;
  return d;
}

// Runs SQL outside the Store, to set up what the Store would never write.
void RawExec(const std::string& uri, const std::string& sql) {
  if (StartsWith(uri, "postgresql://")) {
    PGconn* c = PQconnectdb(uri.c_str());
    ASSERT_EQ(PQstatus(c), CONNECTION_OK) << PQerrorMessage(c);
    PQsetNoticeProcessor(
        c, [](void*, const char*) {}, nullptr);
    PGresult* r = PQexec(c, sql.c_str());
    EXPECT_TRUE(PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK)
        << PQresultErrorMessage(r);
    PQclear(r);
    PQfinish(c);
  } else {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(uri.c_str(), &db), SQLITE_OK);
    char* err = nullptr;
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
    sqlite3_free(err);
    sqlite3_close(db);
  }
}

class StoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    static std::mt19937_64 rng(std::random_device{}() ^ static_cast<uint64_t>(getpid()));
    std::string tag = std::to_string(getpid()) + "_" + std::to_string(rng() % 1000000000);
    if (GetParam() == "postgresql") {
      const char* pg = std::getenv("WARTA_TEST_PG");
      if (!pg || !*pg) GTEST_SKIP() << "WARTA_TEST_PG is not set: no PostgreSQL to test against";
      schema_ = "warta_test_" + tag;
      RawExec(pg, "CREATE SCHEMA " + schema_);
      std::string base = pg;
      uri_ = base + (base.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" +
             schema_;
      base_ = base;
    } else {
      dir_ = std::filesystem::temp_directory_path() / ("warta_store_test_" + tag);
      std::filesystem::create_directories(dir_);
      uri_ = (dir_ / "store.db").string();
    }
  }
  void TearDown() override {
    if (!schema_.empty()) RawExec(base_, "DROP SCHEMA " + schema_ + " CASCADE");
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  std::unique_ptr<Store> Open(StoreOptions opts = {}) {
    if (opts.data_dir.empty()) opts.data_dir = std::string(WARTA_TEST_DIR) + "/../data";
    auto s = Store::Open(uri_, opts);
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return s.ok() ? std::move(*s) : nullptr;
  }

  std::vector<StoredEvent> Events(Store* s, const EventFilter& f = {}) {
    std::vector<StoredEvent> out;
    Status st = s->ForEachEvent(f, [&](const StoredEvent& e) {
      out.push_back(e);
      return true;
    });
    EXPECT_TRUE(st.ok()) << st.ToString();
    return out;
  }

  // Codes the fixture files with the real coder and writes them.
  void IngestFixtures(Store* s, const std::vector<std::string>& files) {
    auto coder = Coder::Open({});
    ASSERT_TRUE(coder.ok()) << coder.status().ToString();
    DocumentReader reader(
        {},
        [&](Document&& doc) {
          std::vector<Event> evs;
          CodeStats cs;
          ASSERT_TRUE((*coder)->Code(doc, &evs, &cs).ok());
          doc.lang = cs.lang;
          auto w = s->WriteDocument(doc, evs);
          ASSERT_TRUE(w.ok()) << w.status().ToString();
        },
        [&](const Status& st) { ADD_FAILURE() << st.ToString(); });
    for (const auto& f : files) ASSERT_TRUE(reader.ReadPath(kFixtures + "/" + f).ok());
  }

  std::string uri_, base_, schema_;
  std::filesystem::path dir_;
};

TEST_P(StoreTest, IdempotentReingest) {
  auto s = Open();
  ASSERT_TRUE(s);
  Document d = MakeDoc("d1", "Indonesia met Malaysia in peace.");
  std::vector<Event> evs = {MakeEvent("d1", "2024-05-07", "IDN", "MYS", "043", 2.8, 0, "Jakarta"),
                            MakeEvent("d1", "2024-05-07", "MYS", "IDN", "043", 2.8, 0, "Jakarta")};
  auto w1 = s->WriteDocument(d, evs);
  ASSERT_TRUE(w1.ok()) << w1.status().ToString();
  EXPECT_EQ(w1->events_new, 2);
  auto before = s->Counts();
  std::vector<StoredEvent> first = Events(s.get());
  auto w2 = s->WriteDocument(d, evs);
  ASSERT_TRUE(w2.ok());
  EXPECT_TRUE(w2->unchanged);
  auto after = s->Counts();
  EXPECT_EQ(before->documents, after->documents);
  EXPECT_EQ(before->events, after->events);
  EXPECT_EQ(before->mentions, after->mentions);
  std::vector<StoredEvent> second = Events(s.get());
  ASSERT_EQ(first.size(), second.size());
  for (size_t i = 0; i < first.size(); ++i) {
    EXPECT_EQ(first[i].id, second[i].id);
    EXPECT_EQ(first[i].num_mentions, second[i].num_mentions);
    EXPECT_EQ(first[i].date_added, second[i].date_added);
  }
  // Reopening and writing again changes nothing either.
  s.reset();
  s = Open();
  ASSERT_TRUE(s->WriteDocument(d, evs)->unchanged);
  EXPECT_EQ(s->Counts()->mentions, before->mentions);
}

TEST_P(StoreTest, TwoFixtureArticlesOfOneMeetingGiveOneEvent) {
  auto s = Open();
  ASSERT_TRUE(s);
  IngestFixtures(s.get(), {"meeting.jsonl"});
  EventFilter f;
  f.code = "043";
  auto evs = Events(s.get(), f);
  ASSERT_EQ(evs.size(), 1u);
  EXPECT_EQ(evs[0].source, "IDNGOV");
  EXPECT_EQ(evs[0].target, "MYSGOV");
  EXPECT_EQ(evs[0].date, "2024-05-07");
  EXPECT_EQ(evs[0].place, "Jakarta");
  EXPECT_EQ(evs[0].num_articles, 2);
  EXPECT_EQ(evs[0].num_mentions, 2);
  EXPECT_EQ(evs[0].num_sources, 2);  // two news sites
  EXPECT_GT(evs[0].avg_tone, 0);     // a friendly meeting in both languages
  EXPECT_TRUE(evs[0].is_root);
  std::vector<StoredMention> ms;
  ASSERT_TRUE(s->ForEachMention(f, [&](const StoredMention& m) {
                 ms.push_back(m);
                 return true;
               }).ok());
  ASSERT_EQ(ms.size(), 2u);
  EXPECT_EQ(ms[0].doc_id, "meet-en");
  EXPECT_EQ(ms[1].doc_id, "meet-id");
  EXPECT_EQ(ms[0].rule, "en/04/meet");
  EXPECT_EQ(ms[1].rule, "id/04/bertemu-dengan");
}

TEST_P(StoreTest, MentionsInOneArticleCountOnce) {
  auto s = Open();
  ASSERT_TRUE(s);
  std::vector<Event> evs = {MakeEvent("d1", "2024-05-07", "IDN", "MYS", "043", 2.8, 0),
                            MakeEvent("d1", "2024-05-07", "IDN", "MYS", "043", 2.8, 3)};
  ASSERT_TRUE(s->WriteDocument(MakeDoc("d1", "text one"), evs).ok());
  auto e = Events(s.get());
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].num_mentions, 2);
  EXPECT_EQ(e[0].num_articles, 1);
  EXPECT_EQ(e[0].num_sources, 1);
}

TEST_P(StoreTest, NewTextUnderKnownIdReplacesItsMentions) {
  auto s = Open();
  ASSERT_TRUE(s);
  ASSERT_TRUE(s->WriteDocument(MakeDoc("d1", "v1"),
                               {MakeEvent("d1", "2024-05-07", "IDN", "MYS", "043", 2.8, 0),
                                MakeEvent("d1", "2024-05-07", "USA", "RUS", "111", -2, 1)})
                  .ok());
  ASSERT_TRUE(s->WriteDocument(MakeDoc("d2", "other"),
                               {MakeEvent("d2", "2024-05-07", "IDN", "MYS", "043", 2.8, 0)})
                  .ok());
  auto w = s->WriteDocument(MakeDoc("d1", "v2"),
                            {MakeEvent("d1", "2024-05-07", "IDN", "MYS", "043", 2.8, 2)});
  ASSERT_TRUE(w.ok());
  EXPECT_TRUE(w->replaced);
  auto e = Events(s.get());
  ASSERT_EQ(e.size(), 1u);  // USA→RUS was only in the old text
  EXPECT_EQ(e[0].source, "IDN");
  EXPECT_EQ(e[0].num_articles, 2);
  EXPECT_EQ(s->Counts()->documents, 2);
}

// What a store holds, without the times of writing, to compare two ways of writing.
// Event ids are shown as their rank: they are assigned in sequence, and PostgreSQL's
// sequences go on counting after a DELETE (SQLite starts again after the largest id).
std::string Snapshot(Store* s) {
  std::string out;
  std::map<int64_t, int> rank;
  EXPECT_TRUE(s->ForEachEvent({}, [&](const StoredEvent& e) {
                 rank.emplace(e.id, 0);
                 return true;
               }).ok());
  int n = 0;
  for (auto& [id, r] : rank) r = ++n;
  EXPECT_TRUE(s->ForEachEvent({}, [&](const StoredEvent& e) {
                 out += fmt::format("E {} {} {} {} {} {} {} {} {} {:.6f} {} {}\n", rank[e.id],
                                    e.date, e.source, e.source_name, e.target, e.code,
                                    e.num_mentions, e.num_articles, e.num_sources, e.avg_tone,
                                    e.is_root, e.source_url);
                 return true;
               }).ok());
  EXPECT_TRUE(s->ForEachMention({}, [&](const StoredMention& m) {
                 out += fmt::format("M {} {} {} {} {}\n", rank[m.event_id], m.doc_id,
                                    m.sentence_index, m.rule, m.confidence);
                 return true;
               }).ok());
  auto c = s->Counts();
  EXPECT_TRUE(c.ok());
  out += fmt::format("C {} {} {}\n", c->documents, c->events, c->mentions);
  return out;
}

TEST_P(StoreTest, WriteDocumentsInOneTransactionEqualsOneByOne) {
  auto s = Open();
  ASSERT_TRUE(s);
  // New documents, a report of an event stored earlier in the batch, a document
  // written twice, a new text under a known id (its old-only event goes before a later
  // document reports it again) and an invalid document, which fails alone.
  std::vector<Document> docs = {MakeDoc("a", "one", "https://x.example/a"),
                                MakeDoc("b", "two", "https://y.example/b"),
                                MakeDoc("a", "one", "https://x.example/a"),
                                MakeDoc("bad", "nul \0 inside"),
                                MakeDoc("a", "one, new text", "https://x.example/a"),
                                MakeDoc("c", "three")};
  docs[3].text = std::string("nul \0 inside", 13);
  std::vector<std::vector<Event>> events = {
      {MakeEvent("a", "2024-05-07", "IDN", "MYS", "043", 2.8, 0, "Jakarta"),
       MakeEvent("a", "2024-05-07", "USA", "RUS", "111", -2, 1)},
      {MakeEvent("b", "2024-05-07", "IDN", "MYS", "043", 2.8, 3, "Jakarta")},
      {MakeEvent("a", "2024-05-07", "IDN", "MYS", "043", 2.8, 0, "Jakarta"),
       MakeEvent("a", "2024-05-07", "USA", "RUS", "111", -2, 1)},
      {MakeEvent("bad", "2024-05-07", "CHN", "JPN", "036", 4, 0)},
      {MakeEvent("a", "2024-05-07", "IDN", "MYS", "043", 2.8, 2, "Jakarta")},
      {MakeEvent("c", "2024-05-07", "USA", "RUS", "111", -2, 0)}};
  std::vector<std::string> one_by_one;
  for (size_t i = 0; i < docs.size(); ++i) {
    auto w = s->WriteDocument(docs[i], events[i]);
    one_by_one.push_back(w.ok() ? fmt::format("{} {} {} {} {}", w->unchanged, w->replaced,
                                              w->events_new, w->events_merged, w->mentions)
                                : "error");
  }
  std::string expected = Snapshot(s.get());
  RawExec(uri_, "DELETE FROM mentions; DELETE FROM events; DELETE FROM documents");

  std::vector<DocumentWrite> writes;
  for (size_t i = 0; i < docs.size(); ++i) writes.push_back({&docs[i], &events[i]});
  std::vector<Result<WriteStats>> results = s->WriteDocuments(writes);
  ASSERT_EQ(results.size(), docs.size());
  for (size_t i = 0; i < docs.size(); ++i) {
    const Result<WriteStats>& w = results[i];
    std::string got =
        w.ok() ? fmt::format("{} {} {} {} {}", w.value().unchanged, w.value().replaced,
                             w.value().events_new, w.value().events_merged, w.value().mentions)
               : "error";
    EXPECT_EQ(got, one_by_one[i]) << "document " << i;
  }
  EXPECT_EQ(one_by_one[3], "error");
  EXPECT_EQ(Snapshot(s.get()), expected);
  EXPECT_NE(expected.find("C 3 2 3"), std::string::npos) << expected;
}

TEST_P(StoreTest, ADocumentThatFailsInABatchFailsAlone) {
  auto s = Open();
  ASSERT_TRUE(s);
  if (GetParam() == "postgresql") {
    RawExec(uri_,
            "CREATE FUNCTION boom() RETURNS trigger AS $$ BEGIN IF NEW.rule = 'test/boom' THEN "
            "RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql;"
            "CREATE TRIGGER boom BEFORE INSERT ON mentions FOR EACH ROW EXECUTE FUNCTION boom()");
  } else {
    RawExec(uri_,
            "CREATE TRIGGER boom BEFORE INSERT ON mentions WHEN NEW.rule = 'test/boom' "
            "BEGIN SELECT RAISE(ABORT, 'boom'); END");
  }
  std::vector<Document> docs = {MakeDoc("d1", "one"), MakeDoc("d2", "two"), MakeDoc("d3", "3")};
  std::vector<std::vector<Event>> events = {
      {MakeEvent("d1", "2024-05-07", "IDN", "MYS", "043", 2.8, 0)},
      {MakeEvent("d2", "2024-05-07", "IDN", "MYS", "043", 2.8, 0),
       MakeEvent("d2", "2024-05-07", "USA", "RUS", "boom", -2, 1)},
      {MakeEvent("d3", "2024-05-07", "USA", "RUS", "111", -2, 0)}};
  std::vector<DocumentWrite> writes;
  for (size_t i = 0; i < docs.size(); ++i) writes.push_back({&docs[i], &events[i]});
  auto results = s->WriteDocuments(writes);
  ASSERT_EQ(results.size(), 3u);
  EXPECT_TRUE(results[0].ok());
  ASSERT_FALSE(results[1].ok());
  EXPECT_NE(results[1].status().message().find("d2"), std::string::npos);
  EXPECT_TRUE(results[2].ok());
  auto c = s->Counts();
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->documents, 2);
  EXPECT_EQ(c->events, 2);
  EXPECT_EQ(c->mentions, 2);
  auto e = Events(s.get(), [] {
    EventFilter f;
    f.code = "043";
    return f;
  }());
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].num_mentions, 1);  // d2's report was rolled back with d2
}

TEST_P(StoreTest, AlreadyStoredComparesIdAndText) {
  auto s = Open();
  ASSERT_TRUE(s);
  std::vector<Document> docs;
  for (int i = 0; i < 150; ++i)
    docs.push_back(MakeDoc(fmt::format("d{}", i), fmt::format("text {}", i)));
  for (int i = 0; i < 100; ++i) ASSERT_TRUE(s->WriteDocument(docs[i], {}).ok());
  docs[7].text = "a new text";
  std::vector<const Document*> ask;
  for (const Document& d : docs) ask.push_back(&d);
  auto stored = s->AlreadyStored(ask);
  ASSERT_TRUE(stored.ok()) << stored.status().ToString();
  ASSERT_EQ(stored->size(), 150u);
  for (int i = 0; i < 150; ++i) EXPECT_EQ((*stored)[i], i < 100 && i != 7) << i;
  // From a second connection, as `warta ingest` asks.
  auto reader = Open();
  ASSERT_TRUE(reader);
  auto again = reader->AlreadyStored(ask);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, *stored);
  EXPECT_TRUE(s->AlreadyStored({})->empty());
}

TEST_P(StoreTest, NegatedEventsAreNotStored) {
  auto s = Open();
  ASSERT_TRUE(s);
  Event ev = MakeEvent("d1", "2024-05-07", "RUS", "UKR", "190", -10, 0);
  ev.negated = true;
  auto w = s->WriteDocument(MakeDoc("d1", "Russia did not attack."), {ev});
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(w->skipped_negated, 1);
  EXPECT_EQ(s->Counts()->events, 0);
  EXPECT_EQ(s->Counts()->documents, 1);
}

TEST_P(StoreTest, FailedWriteLeavesNothingBehind) {
  auto s = Open();
  ASSERT_TRUE(s);
  // A trigger makes the second mention fail, after the document and one event are in.
  if (GetParam() == "postgresql") {
    RawExec(uri_,
            "CREATE FUNCTION boom() RETURNS trigger AS $$ BEGIN IF NEW.rule = 'test/boom' THEN "
            "RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql;"
            "CREATE TRIGGER boom BEFORE INSERT ON mentions FOR EACH ROW EXECUTE FUNCTION boom()");
  } else {
    RawExec(uri_,
            "CREATE TRIGGER boom BEFORE INSERT ON mentions WHEN NEW.rule = 'test/boom' "
            "BEGIN SELECT RAISE(ABORT, 'boom'); END");
  }
  auto w = s->WriteDocument(MakeDoc("d1", "text"),
                            {MakeEvent("d1", "2024-05-07", "IDN", "MYS", "043", 2.8, 0),
                             MakeEvent("d1", "2024-05-07", "USA", "RUS", "boom", -2, 1)});
  EXPECT_FALSE(w.ok());
  EXPECT_NE(w.status().message().find("d1"), std::string::npos) << w.status().message();
  auto c = s->Counts();
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->documents, 0);
  EXPECT_EQ(c->events, 0);
  EXPECT_EQ(c->mentions, 0);
  // The store is still usable.
  ASSERT_TRUE(s->WriteDocument(MakeDoc("d2", "text"),
                               {MakeEvent("d2", "2024-05-07", "IDN", "MYS", "043", 2.8, 0)})
                  .ok());
  EXPECT_EQ(s->Counts()->events, 1);
}

TEST_P(StoreTest, QueryFilters) {
  auto s = Open();
  ASSERT_TRUE(s);
  Event haze = MakeEvent("b", "2024-06-10", "MYS", "IDN", "112", -2, 0, "Kuala Lumpur");
  haze.sentence_text = "Malaysia accused Indonesia over the HAZE.";
  ASSERT_TRUE(
      s->WriteDocument(MakeDoc("a", "a"),
                       {MakeEvent("a", "2024-05-07", "IDNGOV", "MYSGOV", "043", 2.8, 0, "Jakarta"),
                        MakeEvent("a", "2024-05-07", "IDNGOV", "", "046", 7, 1),
                        MakeEvent("a", "2024-05-07", "GOV", "", "051", 3.4, 2)})
          .ok());
  ASSERT_TRUE(
      s->WriteDocument(MakeDoc("b", "b"),
                       {haze, MakeEvent("b", "2024-07-01", "IDN", "MYS", "111", -2, 1, "Jakarta"),
                        MakeEvent("b", "2024-07-19", "USA", "RUS", "111", -2, 2)})
          .ok());
  auto count = [&](EventFilter f) { return Events(s.get(), f).size(); };
  EXPECT_EQ(count({}), 6u);
  EventFilter f;
  f.actor = "MYS";
  EXPECT_EQ(count(f), 3u);
  f = {};
  f.actor = "mysgov";  // codes are matched case-insensitively
  EXPECT_EQ(count(f), 1u);
  f = {};
  f.country = "MY";
  EXPECT_EQ(count(f), 1u);
  f.country = "IDN";
  EXPECT_EQ(count(f), 2u);
  f = {};
  f.code = "11";
  EXPECT_EQ(count(f), 3u);
  f = {};
  f.root = "4";
  EXPECT_EQ(count(f), 2u);
  f = {};
  f.quad = 3;
  EXPECT_EQ(count(f), 3u);
  f = {};
  f.place = "kuala";
  EXPECT_EQ(count(f), 1u);
  f = {};
  f.text = "haze";
  EXPECT_EQ(count(f), 1u);
  f.text = "100%_";  // wildcards are words, not patterns
  EXPECT_EQ(count(f), 0u);
  f = {};
  f.from = "2024-06";
  EXPECT_EQ(count(f), 3u);
  f.to = "2024-06";
  EXPECT_EQ(count(f), 1u);
  f = {};
  f.to = "2024-05-07";
  EXPECT_EQ(count(f), 3u);
  f = {};
  f.actor = "IDN";
  f.quad = 3;
  f.from = "2024";
  EXPECT_EQ(count(f), 2u);
  f = {};
  f.limit = 2;
  EXPECT_EQ(count(f), 2u);
  f = {};
  f.from = "June";
  Status st = s->ForEachEvent(f, [](const StoredEvent&) { return true; });
  EXPECT_EQ(st.code(), Status::Code::kInvalidArgument);
}

TEST_P(StoreTest, DyadPerPeriodBothDirections) {
  auto s = Open();
  ASSERT_TRUE(s);
  ASSERT_TRUE(s->WriteDocument(MakeDoc("a", "a"),
                               {MakeEvent("a", "2024-01-01", "IDNGOV", "MYS", "043", 3, 0),
                                MakeEvent("a", "2024-01-03", "IDN", "MYSGOV", "040", 1, 1),
                                MakeEvent("a", "2024-01-20", "MYS", "IDN", "112", -2, 2),
                                MakeEvent("a", "2024-03", "IDN", "MYS", "111", -2, 3),
                                MakeEvent("a", "2024-01-05", "IDN", "USA", "043", 3, 4)})
                  .ok());
  auto rows = s->Dyad("IDN", "MYS", Period::kMonth);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ((*rows)[0].period, "2024-01");
  EXPECT_EQ((*rows)[0].ab_count, 2);
  EXPECT_DOUBLE_EQ((*rows)[0].ab_goldstein, 4);
  EXPECT_EQ((*rows)[0].ba_count, 1);
  EXPECT_DOUBLE_EQ((*rows)[0].ba_goldstein, -2);
  EXPECT_EQ((*rows)[1].period, "2024-03");
  EXPECT_EQ((*rows)[1].ab_count, 1);
  // 2024-01-01 is a Monday; the 3rd is in its week, the 20th (a Saturday) in the week of
  // the 15th.
  auto weeks = s->Dyad("IDN", "MYS", Period::kWeek, "2024-01", "2024-01");
  ASSERT_TRUE(weeks.ok());
  ASSERT_EQ(weeks->size(), 2u);
  EXPECT_EQ((*weeks)[0].period, "2024-01-01");
  EXPECT_EQ((*weeks)[0].ab_count, 2);
  EXPECT_EQ((*weeks)[1].period, "2024-01-15");
  EXPECT_EQ((*weeks)[1].ba_count, 1);
  auto years = s->Dyad("MYS", "IDN", Period::kYear);
  ASSERT_EQ(years->size(), 1u);
  EXPECT_EQ((*years)[0].period, "2024");
  EXPECT_EQ((*years)[0].ab_count, 1);
  EXPECT_EQ((*years)[0].ba_count, 3);
  auto days = s->Dyad("IDN", "MYS", Period::kDay);
  EXPECT_EQ(days->size(), 4u);
}

TEST_P(StoreTest, GdeltExportHasTheCodebookColumnCounts) {
  auto s = Open();
  ASSERT_TRUE(s);
  IngestFixtures(s.get(), {"meeting.jsonl", "others.jsonl"});
  auto fields = [](const std::string& row) { return Split(row, '\t').size(); };
  EXPECT_EQ(fields(store::GdeltEventHeader()), 61u);
  EXPECT_EQ(fields(store::GdeltMentionHeader()), 16u);
  std::map<int64_t, StoredEvent> byid;
  for (const auto& e : Events(s.get())) {
    std::string row;
    store::AppendGdeltEvent(e, &row);
    EXPECT_EQ(fields(row), 61u) << row;
    auto f = Split(row, '\t');
    EXPECT_EQ(f[0], std::to_string(e.id));
    EXPECT_EQ(f[26], e.code);
    if (e.code == "043") {
      EXPECT_EQ(f[1], "20240507");
      EXPECT_EQ(f[5], "IDNGOV");
      EXPECT_EQ(f[7], "IDN");
      EXPECT_EQ(f[12], "GOV");
      EXPECT_EQ(f[33], "2");  // NumArticles
      EXPECT_EQ(f[52], "Jakarta");
      EXPECT_EQ(f[53], "ID");
    }
    byid[e.id] = e;
  }
  int64_t n = 0, expected = 0;
  for (const auto& [id, e] : byid) expected += e.num_mentions;
  ASSERT_TRUE(s->ForEachMention({}, [&](const StoredMention& m) {
                 std::string row;
                 store::AppendGdeltMention(byid[m.event_id], m, &row);
                 EXPECT_EQ(fields(row), 16u) << row;
                 ++n;
                 return true;
               }).ok());
  EXPECT_EQ(n, expected);
  EXPECT_GE(n, 5);
}

TEST_P(StoreTest, SchemaMigratesFromAnOlderVersion) {
  StoreOptions old;
  old.schema_version = 1;
  {
    auto s = Open(old);
    ASSERT_TRUE(s);
    EXPECT_EQ(s->schema_version(), 1);
  }
  auto s = Open();
  ASSERT_TRUE(s);
  EXPECT_EQ(s->schema_version(), LatestStoreSchemaVersion());
  ASSERT_TRUE(s->WriteDocument(MakeDoc("d1", "peace"),
                               {MakeEvent("d1", "2024-05-07", "IDN", "MYS", "043", 2.8, 0)})
                  .ok());
}

// Version 3 renumbers events and documents in sequence: a store written at version 2
// (rows as that version's writer made them) keeps its documents, events, mentions and
// counts, and a new report of a stored happening still finds it.
TEST_P(StoreTest, SchemaVersion2StoreMigratesWithItsData) {
  StoreOptions v2;
  v2.schema_version = 2;
  {
    auto s = Open(v2);
    ASSERT_TRUE(s);
    ASSERT_EQ(s->schema_version(), 2);
  }
  auto hash = [](const std::string& key) {
    return static_cast<int64_t>(Fnv1a64(key) & 0x7fffffffffffffffULL);
  };
  int64_t usa_rus = hash("2024-05-07|USA|RUS|111|"), idn_mys = hash("2024-05-06|IDN|MYS|043|");
  int64_t day = DaysFromCivil(2024, 5, 7);
  std::string old_hash = fmt::format("{:016x}", Fnv1a64("old text"));
  RawExec(uri_,
          fmt::format(
              "INSERT INTO documents (id, url, title, date, lang, source_name, text_hash, "
              "text_length, dict_version, coded_at, tone, tone_positive, tone_negative, "
              "word_count) VALUES ('old', 'https://news.example/old', 'Old', '2024-05-07', 'en', "
              "'news.example', '{}', 8, 'v', '2024-05-08T00:00:00Z', -1.5, 1, 2.5, 2);"
              "INSERT INTO events (id, event_key, date, day, source, source_name, target, "
              "target_name, code, root, quad_class, goldstein, plover, num_mentions, "
              "num_sources, num_articles, avg_tone, is_root, date_added, source_url) VALUES "
              "({}, '2024-05-07|USA|RUS|111|', '2024-05-07', {}, 'USA', 'America', 'RUS', "
              "'Russia', '111', '11', 3, -2, 'ACCUSE', 1, 1, 1, -1.5, 1, '20240508000000', "
              "'https://news.example/old'), ({}, '2024-05-06|IDN|MYS|043|', '2024-05-06', {}, "
              "'IDN', 'Indonesia', 'MYS', 'Malaysia', '043', '04', 1, 2.8, 'CONSULT', 1, 1, 1, "
              "-1.5, 0, '20240508000000', 'https://news.example/old');"
              "INSERT INTO mentions (event_id, doc_id, sentence_index, sentence_text, "
              "sentence_begin, sentence_end, source_offset, target_offset, action_offset, rule, "
              "confidence, coder_event) VALUES ({}, 'old', 0, 'America accused Russia.', 0, 23, "
              "0, 16, 8, 'en/11/accuse', 100, 'old-0'), ({}, 'old', 1, 'Indonesia met "
              "Malaysia.', 24, 48, 24, 38, 34, 'en/04/meet', 100, 'old-1')",
              old_hash, usa_rus, day, idn_mys, day - 1, usa_rus, idn_mys));

  auto s = Open();
  ASSERT_TRUE(s);
  EXPECT_EQ(s->schema_version(), LatestStoreSchemaVersion());
  auto c = s->Counts();
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->documents, 1);
  EXPECT_EQ(c->events, 2);
  EXPECT_EQ(c->mentions, 2);
  auto events = Events(s.get());
  ASSERT_EQ(events.size(), 2u);  // by day
  EXPECT_EQ(events[0].source, "IDN");
  EXPECT_EQ(events[0].day, day - 1);
  EXPECT_EQ(events[1].source, "USA");
  EXPECT_EQ(events[1].target_name, "Russia");
  EXPECT_DOUBLE_EQ(events[1].goldstein, -2);
  EXPECT_TRUE(events[1].is_root);
  EXPECT_EQ(events[1].source_url, "https://news.example/old");
  std::vector<StoredMention> mentions;
  ASSERT_TRUE(s->ForEachMention({}, [&](const StoredMention& m) {
                 mentions.push_back(m);
                 return true;
               }).ok());
  ASSERT_EQ(mentions.size(), 2u);
  for (const StoredMention& m : mentions) {
    EXPECT_EQ(m.doc_id, "old");
    EXPECT_EQ(m.doc_source, "news.example");
    EXPECT_DOUBLE_EQ(m.doc_tone, -1.5);
    EXPECT_EQ(m.event_id, m.sentence_index == 0 ? events[1].id : events[0].id);
  }
  std::set<std::string> sentences = {mentions[0].sentence, mentions[1].sentence};
  EXPECT_EQ(sentences,
            (std::set<std::string>{"America accused Russia.", "Indonesia met Malaysia."}));
  // The migrated document is still known, with its text.
  Document old = MakeDoc("old", "old text");
  auto stored = s->AlreadyStored({&old});
  ASSERT_TRUE(stored.ok());
  EXPECT_TRUE((*stored)[0]);
  // A new article about the stored USA→RUS happening merges into it.
  auto w = s->WriteDocument(MakeDoc("new", "new text", "https://other.example/new"),
                            {MakeEvent("new", "2024-05-07", "USA", "RUS", "111", -2, 3)});
  ASSERT_TRUE(w.ok()) << w.status().ToString();
  EXPECT_EQ(w->events_new, 0);
  EXPECT_EQ(w->events_merged, 1);
  events = Events(s.get());
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[1].num_articles, 2);
  EXPECT_EQ(events[1].num_sources, 2);
  EXPECT_EQ(events[1].num_mentions, 2);
  auto dyad = s->Dyad("USA", "RUS", Period::kMonth);
  ASSERT_TRUE(dyad.ok());
  ASSERT_EQ(dyad->size(), 1u);
  EXPECT_EQ((*dyad)[0].ab_count, 1);
  // A new happening gets an id after the migrated ones.
  w = s->WriteDocument(MakeDoc("newer", "newer text"),
                       {MakeEvent("newer", "2024-05-09", "CHN", "JPN", "036", 4, 0)});
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(w->events_new, 1);
  events = Events(s.get());
  ASSERT_EQ(events.size(), 3u);
  EXPECT_GT(events[2].id, std::max(events[0].id, events[1].id));
}

TEST_P(StoreTest, NewerSchemaIsRefusedClearly) {
  { ASSERT_TRUE(Open()); }
  RawExec(uri_, "UPDATE warta_schema SET version = 99");
  auto s = Store::Open(uri_);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("newer warta"), std::string::npos) << s.status().message();
  EXPECT_NE(s.status().message().find("99"), std::string::npos);
}

TEST_P(StoreTest, ForeignTablesAreNotTakenForAStore) {
  RawExec(uri_, "CREATE TABLE documents (x INTEGER)");
  auto s = Store::Open(uri_);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("not a warta store"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

TEST(SqliteStore, ANonDatabaseFileIsAClearError) {
  auto path = std::filesystem::temp_directory_path() / ("warta_not_db_" + std::to_string(getpid()));
  std::ofstream(path) << "this is not a database, just some text that is long enough\n";
  auto s = Store::Open(path.string());
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("not a database"), std::string::npos) << s.status().message();
  std::filesystem::remove(path);
  StoreOptions ro;
  ro.create_if_missing = false;
  auto missing = Store::Open(path.string(), ro);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("no store"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(Tone, CountsOwnWordsPerLanguage) {
  store::ToneLexicon lex;
  ASSERT_TRUE(lex.Load(std::string(WARTA_TEST_DIR) + "/../data").ok());
  auto en = lex.Score("Leaders welcomed the peace agreement but warned of war.", "en");
  EXPECT_EQ(en.words, 9);
  EXPECT_NEAR(en.positive, 100.0 * 3 / 9, 1e-9);  // welcomed, peace, agreement
  EXPECT_NEAR(en.negative, 100.0 * 2 / 9, 1e-9);  // warned, war
  EXPECT_NEAR(en.tone, 100.0 / 9, 1e-9);
  auto id = lex.Score("Kedua negara-negara itu mengecam serangan.", "id");
  EXPECT_EQ(id.words, 5);
  EXPECT_LT(id.tone, 0);
  EXPECT_EQ(lex.Score("", "en").tone, 0);
}

TEST(Gdelt, SplitsActorCodes) {
  auto p = store::SplitActorCode("IDNGOVMIL");
  EXPECT_EQ(p.country, "IDN");
  EXPECT_EQ(p.types[0], "GOV");
  EXPECT_EQ(p.types[1], "MIL");
  p = store::SplitActorCode("GOV");
  EXPECT_EQ(p.country, "");
  EXPECT_EQ(p.types[0], "GOV");
}

}  // namespace
}  // namespace warta
