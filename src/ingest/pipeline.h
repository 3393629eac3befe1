// CodePipeline: codes a stream of Documents on a pool of worker threads and hands the
// output back in input order, streaming.
//
// The caller (usually the thread running a DocumentReader) Add()s documents; they are
// grouped into batches (batch_docs documents or batch_bytes of text), coded by
// `threads` threads that share one const Coder, and written in the order they were
// added — so `-j 8` prints exactly what `-j 1` prints. Of the `threads` threads, one is
// the writer: it writes each batch when its turn comes and codes waiting batches when
// it has nothing to write, so `threads` = 1 codes and writes on one thread and N
// threads use at most N cores (besides the caller's, which reads). At most
// max_in_flight batches exist at once: Add() blocks when the coding or the output
// falls behind, which bounds memory whatever the size of the input.
// Coding errors are reported through the error callback, in order with the output.
//
// Two kinds of output: event lines (jsonl or tsv text, for `warta code`), or, with a
// BatchFn, the coded documents themselves with their events (for `warta ingest`, whose
// writer thread owns the store connection). A BatchFn gets the documents of one or
// more consecutive batches at once — when the writer falls behind, the batches waiting
// for it are handed over together, so a store commits fewer, larger transactions.
// Documents the coder refused go to the error callback and not to the BatchFn. With a
// BatchFn, options.prepare (if set) runs on the coding thread after each document is
// coded, so that work the writer would otherwise do (e.g. Store::Prepare()) is spread
// over the coding threads.
// Thread-safety: Add(), Finish() and SetInputPosition() from one thread; the
// callbacks run on the writer thread, one at a time; the Count* calls from any thread.
#ifndef WARTA_INGEST_PIPELINE_H_
#define WARTA_INGEST_PIPELINE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "warta/coder.h"
#include "warta/document.h"

namespace warta {

struct CodedDocument;

struct PipelineOptions {
  int threads = 0;               // coding threads, the writer included; 0: all cores
  std::string format = "jsonl";  // jsonl or tsv (rows only; the caller writes the header)
  size_t batch_docs = 32;
  size_t batch_bytes = 256u << 10;
  int max_in_flight = 0;  // batches; 0: 4 per thread
  // A progress line on stderr ("\r"-updated) twice a second; for terminals only.
  bool progress = false;
  // Bytes of input in all (0: unknown); with SetInputPosition(), the progress line
  // shows an ETA.
  uint64_t total_bytes = 0;
  // With a BatchFn: at most this many batches are handed over at once.
  int max_merge = 8;
  // With a BatchFn: runs on the coding thread after each document is coded.
  std::function<void(CodedDocument&)> prepare;
};

struct PipelineStats {
  uint64_t docs = 0;
  uint64_t events = 0;
  uint64_t errors = 0;  // documents the coder refused
  uint64_t sentences = 0;
  uint64_t text_bytes = 0;
  uint64_t skipped = 0;  // CountSkipped()
};

class PreparedDocument;  // warta/store.h

// One document as coded, for a BatchFn: doc.lang is the language the coder used.
struct CodedDocument {
  Document doc;
  std::vector<Event> events;
  CodeStats stats;
  // Set by options.prepare, if it wants: the document made ready for a store, or why
  // it cannot be stored.
  std::shared_ptr<PreparedDocument> prepared;
  Status prepare_status;
};

class CodePipeline {
 public:
  using OutputFn = std::function<void(std::string_view)>;
  using ErrorFn = std::function<void(const Status&)>;
  using BatchFn = std::function<void(std::vector<CodedDocument>& batch)>;

  CodePipeline(const Coder& coder, PipelineOptions options, OutputFn output, ErrorFn error);
  CodePipeline(const Coder& coder, PipelineOptions options, BatchFn batch, ErrorFn error);
  ~CodePipeline();  // Finish()es
  CodePipeline(const CodePipeline&) = delete;
  CodePipeline& operator=(const CodePipeline&) = delete;

  void Add(Document&& doc);
  // Codes and writes everything added, then stops the threads. Idempotent.
  void Finish();
  // Counts so far (complete after Finish()).
  PipelineStats stats() const;
  // Counts an error found outside the pipeline (the reader's) on the progress line;
  // stats() does not include it.
  void CountExternalError();
  // Counts documents the caller did not Add() because they were done already (a
  // resumed ingest); shown on the progress line and in stats().skipped.
  void CountSkipped(uint64_t n);
  // How many bytes of the input have been read, for the progress line's MB/s and ETA.
  void SetInputPosition(uint64_t bytes);

  static int DefaultThreads();

 private:
  void Start();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace warta

#endif  // WARTA_INGEST_PIPELINE_H_
