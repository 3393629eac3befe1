#include "ingest/pipeline.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <iterator>
#include <mutex>
#include <thread>
#include <vector>

#include "output/event_writer.h"

namespace warta {

namespace {

struct Batch {
  std::vector<Document> docs;
  size_t bytes = 0;
  // Filled by a worker.
  std::string output;
  std::vector<CodedDocument> coded;  // with a BatchFn
  std::vector<Status> errors;
  PipelineStats stats;
  bool done = false;
};

}  // namespace

struct CodePipeline::Impl {
  const Coder& coder;
  PipelineOptions options;
  OutputFn output;
  BatchFn batch_fn;
  ErrorFn error;

  std::mutex mu;
  std::condition_variable work_cv;               // workers: a batch to code, or stop
  std::condition_variable done_cv;               // writer: the oldest batch is done, or stop
  std::condition_variable space_cv;              // producer: room for another batch
  std::deque<std::unique_ptr<Batch>> in_flight;  // in input order
  std::deque<Batch*> queue;                      // waiting for a worker
  bool stopping = false;
  bool finished = false;
  std::unique_ptr<Batch> current;
  std::vector<std::thread> workers;
  std::thread writer;

  std::atomic<uint64_t> docs{0}, events{0}, errors{0}, sentences{0}, text_bytes{0};
  std::atomic<uint64_t> external_errors{0}, skipped{0}, input_pos{0};
  std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
  bool progress_shown = false;

  Impl(const Coder& c, PipelineOptions o, OutputFn out, BatchFn bf, ErrorFn err)
      : coder(c),
        options(std::move(o)),
        output(std::move(out)),
        batch_fn(std::move(bf)),
        error(std::move(err)) {}

  // Codes one batch (on a worker, or on the writer when it has nothing to write).
  void Code(Batch* b, std::vector<Event>& evs) {
    bool tsv = options.format == "tsv";
    if (batch_fn) b->coded.reserve(b->docs.size());
    for (Document& doc : b->docs) {
      evs.clear();
      CodeStats cs;
      Status st = coder.Code(doc, &evs, &cs);
      ++b->stats.docs;
      b->stats.sentences += static_cast<uint64_t>(cs.sentences);
      b->stats.text_bytes += doc.text.size();
      b->stats.events += evs.size();
      if (!st.ok()) {
        ++b->stats.errors;
        b->errors.push_back(Status::InvalidArgument(doc.origin + ": " + st.message()));
      }
      if (batch_fn) {
        if (!st.ok()) continue;  // not handed on: a later run may code it
        if (!cs.lang.empty()) doc.lang = cs.lang;
        b->coded.push_back(CodedDocument{std::move(doc), std::move(evs), std::move(cs), {}, {}});
        evs = {};
        if (options.prepare) options.prepare(b->coded.back());
        continue;
      }
      for (const Event& ev : evs) {
        if (tsv)
          AppendEventTsv(ev, &b->output);
        else
          AppendEventJson(ev, &b->output);
        b->output.push_back('\n');
      }
    }
    b->docs.clear();
    b->docs.shrink_to_fit();
  }

  void Work() {
    std::vector<Event> evs;
    for (;;) {
      Batch* b;
      {
        std::unique_lock lock(mu);
        work_cv.wait(lock, [&] { return !queue.empty() || stopping; });
        if (queue.empty()) return;
        b = queue.front();
        queue.pop_front();
      }
      Code(b, evs);
      {
        std::lock_guard lock(mu);
        b->done = true;
      }
      done_cv.notify_all();
    }
  }

  // The writer: writes the oldest batch once it is coded, and codes a waiting batch
  // itself when the oldest is not ready.
  void Write() {
    auto last_progress = std::chrono::steady_clock::now();
    std::vector<std::unique_ptr<Batch>> more;  // batches merged into b (BatchFn only)
    std::vector<Event> evs;
    for (;;) {
      std::unique_ptr<Batch> b;
      Batch* to_code = nullptr;
      more.clear();
      {
        std::unique_lock lock(mu);
        auto ready = [&] {
          return (!in_flight.empty() && in_flight.front()->done) || !queue.empty() ||
                 (finished && in_flight.empty());
        };
        if (options.progress) {
          done_cv.wait_for(lock, std::chrono::milliseconds(500), ready);
        } else {
          done_cv.wait(lock, ready);
        }
        if (!in_flight.empty() && in_flight.front()->done) {
          b = std::move(in_flight.front());
          in_flight.pop_front();
          while (batch_fn && static_cast<int>(more.size()) + 1 < options.max_merge &&
                 !in_flight.empty() && in_flight.front()->done) {
            more.push_back(std::move(in_flight.front()));
            in_flight.pop_front();
          }
        } else if (!queue.empty()) {
          to_code = queue.front();
          queue.pop_front();
        } else if (finished && in_flight.empty()) {
          break;
        }
      }
      if (to_code) {
        Code(to_code, evs);
        std::lock_guard lock(mu);
        to_code->done = true;
      }
      if (b) {
        space_cv.notify_all();
        for (const Status& st : b->errors) error(st);
        for (auto& m : more) {
          for (const Status& st : m->errors) error(st);
          std::move(m->coded.begin(), m->coded.end(), std::back_inserter(b->coded));
        }
        if (batch_fn) {
          if (!b->coded.empty()) batch_fn(b->coded);
        } else if (!b->output.empty()) {
          output(b->output);
        }
        more.push_back(std::move(b));
        for (auto& m : more) {
          docs += m->stats.docs;
          events += m->stats.events;
          errors += m->stats.errors;
          sentences += m->stats.sentences;
          text_bytes += m->stats.text_bytes;
        }
        more.clear();
      }
      if (options.progress &&
          std::chrono::steady_clock::now() - last_progress > std::chrono::milliseconds(500)) {
        last_progress = std::chrono::steady_clock::now();
        ShowProgress();
      }
    }
    if (progress_shown) fmt::print(stderr, "\r\033[K");
  }

  void ShowProgress() {
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (secs <= 0) return;
    uint64_t pos = input_pos.load(), total = options.total_bytes;
    std::string line =
        fmt::format("\r\033[Kwarta: {} docs ({:.0f}/s), {:.1f} MB/s, {} events, {} errors",
                    docs.load(), docs.load() / secs, (pos ? pos : text_bytes.load()) / secs / 1e6,
                    events.load(), errors.load() + external_errors.load());
    if (uint64_t n = skipped.load()) line += fmt::format(", {} done before", n);
    if (total && pos && pos <= total) {
      line += fmt::format(", {:.0f} %", 100.0 * static_cast<double>(pos) / total);
      double eta = static_cast<double>(total - pos) / (pos / secs);
      if (eta >= 1)
        line +=
            fmt::format(", ETA {}:{:02}", static_cast<int>(eta) / 60, static_cast<int>(eta) % 60);
    }
    fputs(line.c_str(), stderr);
    fflush(stderr);
    progress_shown = true;
  }

  void Submit() {
    if (!current || current->docs.empty()) return;
    size_t limit = static_cast<size_t>(options.max_in_flight);
    {
      std::unique_lock lock(mu);
      space_cv.wait(lock, [&] { return in_flight.size() < limit; });
      queue.push_back(current.get());
      in_flight.push_back(std::move(current));
    }
    work_cv.notify_one();
    done_cv.notify_all();  // the writer codes too when it has nothing to write
  }
};

int CodePipeline::DefaultThreads() {
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : static_cast<int>(n);
}

CodePipeline::CodePipeline(const Coder& coder, PipelineOptions options, OutputFn output,
                           ErrorFn error)
    : impl_(std::make_unique<Impl>(coder, std::move(options), std::move(output), nullptr,
                                   std::move(error))) {
  Start();
}

CodePipeline::CodePipeline(const Coder& coder, PipelineOptions options, BatchFn batch,
                           ErrorFn error)
    : impl_(std::make_unique<Impl>(coder, std::move(options), nullptr, std::move(batch),
                                   std::move(error))) {
  Start();
}

void CodePipeline::Start() {
  PipelineOptions& o = impl_->options;
  if (o.threads <= 0) o.threads = DefaultThreads();
  if (o.max_in_flight <= 0) o.max_in_flight = 4 * o.threads;
  if (o.batch_docs == 0) o.batch_docs = 1;
  if (o.max_merge <= 0) o.max_merge = 1;
  // The writer is one of the `threads` coding threads.
  for (int i = 1; i < o.threads; ++i) impl_->workers.emplace_back([this] { impl_->Work(); });
  impl_->writer = std::thread([this] { impl_->Write(); });
}

CodePipeline::~CodePipeline() { Finish(); }

void CodePipeline::Add(Document&& doc) {
  Impl& s = *impl_;
  if (!s.current) s.current = std::make_unique<Batch>();
  s.current->bytes += doc.text.size();
  s.current->docs.push_back(std::move(doc));
  if (s.current->docs.size() >= s.options.batch_docs || s.current->bytes >= s.options.batch_bytes)
    s.Submit();
}

void CodePipeline::Finish() {
  Impl& s = *impl_;
  if (!s.writer.joinable()) return;
  s.Submit();
  {
    std::lock_guard lock(s.mu);
    s.finished = true;
  }
  s.done_cv.notify_all();
  s.writer.join();
  {
    std::lock_guard lock(s.mu);
    s.stopping = true;
  }
  s.work_cv.notify_all();
  for (auto& t : s.workers) t.join();
  s.workers.clear();
}

PipelineStats CodePipeline::stats() const {
  PipelineStats st;
  st.docs = impl_->docs;
  st.events = impl_->events;
  st.errors = impl_->errors;
  st.sentences = impl_->sentences;
  st.text_bytes = impl_->text_bytes;
  st.skipped = impl_->skipped;
  return st;
}

void CodePipeline::CountExternalError() { ++impl_->external_errors; }

void CodePipeline::CountSkipped(uint64_t n) { impl_->skipped += n; }

void CodePipeline::SetInputPosition(uint64_t bytes) { impl_->input_pos = bytes; }

}  // namespace warta
