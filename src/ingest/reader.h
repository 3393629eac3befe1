// Ingest: turns input paths into Documents, streaming, one record at a time.
//
// Formats, chosen by extension (after a .gz/.zst suffix) or, failing that, by content:
// - JSON lines ({"id", "date", "lang"?, "title"?, "url"?, "text" | "html"}; an "html"
//   field goes through main-text extraction);
// - plain text files (one document each; id = file name);
// - HTML pages (.html/.htm: main text, title and publication date, see html_extract.h);
// - WARC files of crawled news (HTTP response records with HTML; the url is the
//   WARC-Target-URI, the date the page's publication date, else the WARC-Date; other
//   records are skipped);
// - gzip (including multi-member WARC.gz) and zstd compression of any of these,
//   detected by magic bytes; directories, recursively, in name order; "-" for standard
//   input.
// Memory is bounded: input streams through fixed buffers, and no record larger than
// max_record_bytes is ever held.
// A bad record — invalid JSON, missing text, invalid UTF-8, a binary file, an
// over-long line, hostile HTML, a damaged WARC record, a truncated compressed stream —
// is reported through the error callback with file:line (or file:record N) and skipped;
// reading goes on with the next one.
// Thread-safety: one DocumentReader per thread.
#ifndef WARTA_INGEST_READER_H_
#define WARTA_INGEST_READER_H_

#include <cstdint>
#include <functional>
#include <istream>
#include <memory>
#include <string>

#include "ingest/html_extract.h"
#include "warta/document.h"
#include "warta/status.h"

namespace warta {

struct ReaderOptions {
  std::string default_date;             // for plain text and records without a date
  std::string default_lang;             // "" or "auto": leave to detection
  size_t max_record_bytes = 64u << 20;  // a longer line is reported and skipped
  HtmlOptions html;
};

struct ReadStats {
  uint64_t records = 0;  // documents handed on
  uint64_t errors = 0;   // records skipped
  uint64_t skipped = 0;  // WARC records that are not HTML pages (not errors)
  uint64_t bytes = 0;    // bytes read (after decompression)
};

class BufferedReader;

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
  // Makes a Document of one HTML page; `origin` names it in messages.
  Status ParseHtml(std::string_view html, std::string_view charset, const std::string& origin,
                   Document* doc);

  const ReadStats& stats() const { return stats_; }

 private:
  enum class Format { kJsonLines, kText, kHtml, kWarc };
  Status ReadFile(const std::string& path);
  void ReadJsonLines(BufferedReader* in, const std::string& name);
  void ReadText(BufferedReader* in, const std::string& name, const std::string& id);
  void ReadHtmlFile(BufferedReader* in, const std::string& name, const std::string& id);
  void ReadWarc(BufferedReader* in, const std::string& name);
  void ReadFormat(Format format, BufferedReader* in, const std::string& name,
                  const std::string& id);
  // Reads the whole rest of `in` into *out unless it exceeds max_record_bytes.
  bool ReadWhole(BufferedReader* in, const std::string& name, std::string* out);
  void CheckSource(BufferedReader* in, const std::string& where);
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
