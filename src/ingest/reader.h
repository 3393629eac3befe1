// Ingest: turns input paths into Documents, streaming, one record at a time.
//
// Formats: JSON lines ({"id", "date", "lang"?, "title"?, "url"?, "text"}), plain text
// files (one document each; id = file name), and "-" for standard input (JSON lines
// when its first byte is '{', plain text otherwise). A bad record — invalid JSON,
// missing text, invalid UTF-8, a binary file, an over-long line — is reported through
// the error callback with file:line and skipped; reading goes on with the next one.
// Thread-safety: one DocumentReader per thread.
#ifndef WARTA_INGEST_READER_H_
#define WARTA_INGEST_READER_H_

#include <cstdint>
#include <functional>
#include <istream>
#include <string>

#include "warta/document.h"
#include "warta/status.h"

namespace warta {

struct ReaderOptions {
  std::string default_date;  // for plain text and records without a date
  std::string default_lang;  // "" or "auto": leave to detection
  size_t max_record_bytes = 64u << 20;  // a longer line is reported and skipped
};

struct ReadStats {
  uint64_t records = 0;  // documents handed on
  uint64_t errors = 0;   // records skipped
  uint64_t bytes = 0;
};

class DocumentReader {
 public:
  using DocumentFn = std::function<void(Document&&)>;
  using ErrorFn = std::function<void(const Status&)>;

  DocumentReader(ReaderOptions options, DocumentFn on_document, ErrorFn on_error);

  // Reads one path ("-" = standard input). Returns an error only when the path itself
  // cannot be read; bad records go to the error callback.
  Status ReadPath(const std::string& path);
  // Reads JSON lines from a stream; `name` is used in messages.
  void ReadJsonLines(std::istream& in, const std::string& name);
  // Parses one JSON-lines record. Public for tests and the server.
  Status ParseJsonRecord(std::string_view line, const std::string& origin, Document* doc);

  const ReadStats& stats() const { return stats_; }

 private:
  Status ReadTextFile(const std::string& path, std::istream& in);
  void Emit(Document&& doc);
  void Fail(const Status& st);

  ReaderOptions options_;
  DocumentFn on_document_;
  ErrorFn on_error_;
  ReadStats stats_;
  struct Impl;
  std::shared_ptr<Impl> impl_;
};

}  // namespace warta

#endif  // WARTA_INGEST_READER_H_
