// Byte sources for ingest: plain files, gzip (one or many members, as WARC.gz writes
// them) and zstd, detected by their magic bytes, and a buffered reader on top that
// gives bounded lines and exact-length blocks. Everything streams through a fixed
// buffer, so a 10 GB input never needs 10 GB of memory; a line longer than the limit
// is skipped (and reported), not accumulated.
//
// A decompression error (a truncated or corrupt stream) ends the source: Read()
// returns 0 and status() says what went wrong, so the caller can report where.
// Thread-safety: one source per thread.
#ifndef WARTA_INGEST_BYTE_SOURCE_H_
#define WARTA_INGEST_BYTE_SOURCE_H_

#include <cstdint>
#include <istream>
#include <memory>
#include <string>
#include <string_view>

#include "warta/status.h"

namespace warta {

enum class Compression { kNone, kGzip, kZstd };

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to n bytes into buf; 0 at the end of the data or on error.
  virtual size_t Read(char* buf, size_t n) = 0;
  // OK, or why the data ended early.
  const Status& status() const { return status_; }
  // Bytes taken from the underlying file (compressed size), for throughput figures.
  uint64_t raw_bytes() const { return raw_bytes_; }

 protected:
  Status status_;
  uint64_t raw_bytes_ = 0;
};

// Compression named by the first bytes of a file (1f 8b: gzip; 28 b5 2f fd: zstd).
Compression DetectCompression(std::string_view head);
// The path without a trailing .gz / .zst / .zstd: "a.jsonl.gz" → "a.jsonl".
std::string_view StripCompressionSuffix(std::string_view path);

// Opens a file (or "-" for standard input), decompressing by magic bytes.
Result<std::unique_ptr<ByteSource>> OpenByteSource(const std::string& path);
// Wraps a stream the caller owns (no decompression).
std::unique_ptr<ByteSource> StreamByteSource(std::istream* in);
// Decompresses `inner` (gzip or zstd), which the new source owns.
std::unique_ptr<ByteSource> DecompressingSource(std::unique_ptr<ByteSource> inner, Compression c);

// Inflates a whole gzip/zlib/deflate buffer (HTTP Content-Encoding); fails when the
// result would exceed max_bytes.
Status InflateBuffer(std::string_view in, size_t max_bytes, std::string* out);

// Buffered reading on a ByteSource: lines of bounded length and exact-size blocks.
class BufferedReader {
 public:
  explicit BufferedReader(ByteSource* source, size_t buffer_size = 1 << 20);

  enum class LineResult { kLine, kTooLong, kEnd };
  // The next line without its '\n' (and without a trailing '\r' when strip_cr). The
  // view is valid until the next call. A line longer than max_bytes is consumed and
  // returned as kTooLong (with *length set) instead of being kept. At the end of the
  // data, a last line without '\n' is still returned; kEnd follows.
  LineResult ReadLine(size_t max_bytes, std::string_view* line, uint64_t* length = nullptr,
                      bool strip_cr = false);
  // Appends exactly n bytes to *out; false when the data ends first (what was there
  // is appended).
  bool ReadExact(size_t n, std::string* out);
  // Skips n bytes; false when the data ends first.
  bool Skip(uint64_t n);
  // Peeks at the next byte without consuming it; -1 at the end.
  int Peek();
  // Up to n next bytes without consuming them (fewer at the end of the data).
  std::string_view PeekBytes(size_t n);
  // Bytes consumed so far (decompressed).
  uint64_t offset() const { return offset_; }
  ByteSource* source() const { return source_; }

 private:
  bool Fill();  // reads more into the buffer; false at the end
  ByteSource* source_;
  std::string buf_;
  size_t begin_ = 0, end_ = 0;
  uint64_t offset_ = 0;
  bool eof_ = false;
};

}  // namespace warta

#endif  // WARTA_INGEST_BYTE_SOURCE_H_
