// CodePipeline: many workers, one Coder, output in input order and identical to a
// sequential run; coding errors reported in order; bounded batches in flight.
#include "ingest/pipeline.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <thread>

#include "output/event_writer.h"

namespace warta {
namespace {

const char* kSentences[] = {
    "Ukraina pada Selasa menuduh Rusia melanggar gencatan senjata.",
    "Harga beras naik tiga persen di ibu kota pada Senin.",
    "Russia accused Ukraine of shelling villages near the border on Tuesday.",
    "Indonesia dan Malaysia sepakat meningkatkan kerja sama maritim.",
    "The national football team won its match 2-1 on Sunday.",
    "Japan and China agreed to hold talks in Beijing.",
};

std::vector<Document> MakeDocs(int n) {
  std::vector<Document> docs;
  for (int i = 0; i < n; ++i) {
    Document d;
    d.id = "doc" + std::to_string(i);
    d.origin = "test:" + std::to_string(i + 1);
    d.date = "2014-10-15";
    for (int k = 0; k < 1 + i % 5; ++k) d.text += std::string(kSentences[(i + k) % 6]) + " ";
    if (i % 37 == 5) d.text = "bad \xff utf-8";  // the coder refuses it
    docs.push_back(std::move(d));
  }
  return docs;
}

class PipelineTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto c = Coder::Open({});
    ASSERT_TRUE(c.ok()) << c.status().ToString();
    coder_ = c->release();
  }
  static void TearDownTestSuite() { delete coder_; }

  struct Run {
    std::string output;
    std::vector<std::string> errors;
    PipelineStats stats;
  };
  static Run Code(const std::vector<Document>& docs, PipelineOptions opts) {
    Run run;
    CodePipeline p(
        *coder_, opts, [&](std::string_view s) { run.output.append(s); },
        [&](const Status& st) { run.errors.push_back(st.message()); });
    for (const Document& d : docs) p.Add(Document(d));
    p.Finish();
    run.stats = p.stats();
    return run;
  }

  static Coder* coder_;
};

Coder* PipelineTest::coder_ = nullptr;

TEST_F(PipelineTest, ParallelOutputEqualsSequentialInInputOrder) {
  std::vector<Document> docs = MakeDocs(400);
  std::string expected;
  std::vector<std::string> expected_errors;
  for (const Document& d : docs) {
    std::vector<Event> evs;
    Status st = coder_->Code(d, &evs);
    if (!st.ok()) expected_errors.push_back(d.origin + ": " + st.message());
    for (const Event& ev : evs) {
      AppendEventJson(ev, &expected);
      expected.push_back('\n');
    }
  }
  ASSERT_FALSE(expected.empty());
  ASSERT_EQ(expected_errors.size(), 11u);
  for (int threads : {1, 2, 4, 8}) {
    PipelineOptions opts;
    opts.threads = threads;
    opts.batch_docs = 3;  // many small batches: ordering is exercised
    opts.max_in_flight = 2;
    Run run = Code(docs, opts);
    EXPECT_EQ(run.output, expected) << threads << " threads";
    EXPECT_EQ(run.errors, expected_errors) << threads << " threads";
    EXPECT_EQ(run.stats.docs, 400u);
    EXPECT_EQ(run.stats.errors, 11u);
    EXPECT_GT(run.stats.sentences, 400u);
    EXPECT_EQ(run.stats.events,
              static_cast<uint64_t>(std::count(expected.begin(), expected.end(), '\n')));
  }
}

TEST_F(PipelineTest, TsvRowsAndEmptyInput) {
  PipelineOptions opts;
  opts.threads = 2;
  opts.format = "tsv";
  Run run = Code(MakeDocs(3), opts);
  ASSERT_FALSE(run.output.empty());
  EXPECT_EQ(run.output.find('{'), std::string::npos);
  EXPECT_NE(run.output.find('\t'), std::string::npos);
  Run none = Code({}, opts);
  EXPECT_TRUE(none.output.empty());
  EXPECT_EQ(none.stats.docs, 0u);
}

// With a BatchFn (warta ingest), the writer gets the coded documents themselves, in
// input order, several batches at once when it falls behind; refused ones go to the
// error callback only.
TEST_F(PipelineTest, BatchOutputHasTheCodedDocumentsInInputOrder) {
  std::vector<Document> docs = MakeDocs(200);
  std::vector<std::string> expected_ids;
  std::string expected_events;
  for (const Document& d : docs) {
    std::vector<Event> evs;
    if (!coder_->Code(d, &evs).ok()) continue;
    expected_ids.push_back(d.id);
    for (const Event& ev : evs) AppendEventJson(ev, &expected_events);
  }
  for (int threads : {1, 2, 4}) {
    PipelineOptions opts;
    opts.threads = threads;
    opts.batch_docs = 3;
    opts.max_in_flight = 4;
    opts.max_merge = 3;
    std::vector<std::string> ids, errors;
    std::string events;
    size_t calls = 0, largest = 0;
    CodePipeline p(
        *coder_, opts,
        [&](std::vector<CodedDocument>& batch) {
          ++calls;
          largest = std::max(largest, batch.size());
          if (calls == 1) std::this_thread::sleep_for(std::chrono::milliseconds(50));
          for (CodedDocument& cd : batch) {
            ids.push_back(cd.doc.id);
            EXPECT_FALSE(cd.doc.lang.empty());
            EXPECT_GT(cd.stats.sentences, 0);
            for (const Event& ev : cd.events) AppendEventJson(ev, &events);
          }
        },
        [&](const Status& st) { errors.push_back(st.message()); });
    for (const Document& d : docs) p.Add(Document(d));
    p.Finish();
    EXPECT_EQ(ids, expected_ids) << threads << " threads";
    EXPECT_EQ(events, expected_events) << threads << " threads";
    EXPECT_EQ(errors.size(), docs.size() - expected_ids.size());
    EXPECT_LE(largest, 9u);  // max_merge batches of batch_docs
    EXPECT_EQ(p.stats().docs, docs.size());
  }
}

TEST_F(PipelineTest, DefaultThreadsIsAtLeastOne) { EXPECT_GE(CodePipeline::DefaultThreads(), 1); }

}  // namespace
}  // namespace warta
