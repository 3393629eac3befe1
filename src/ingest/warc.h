// WARC (ISO 28500) records, read one at a time from a BufferedReader, and the HTTP
// response inside a "response" record.
//
// Only response records are read into memory (and only up to max_block_bytes); other
// records are skipped without being read. A record whose header does not parse is
// reported and reading resynchronises on the next "WARC/1." line, so one damaged
// record loses nothing else. Thread-safety: one WarcReader per thread.
#ifndef WARTA_INGEST_WARC_H_
#define WARTA_INGEST_WARC_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "ingest/byte_source.h"
#include "warta/status.h"

namespace warta {

struct WarcRecord {
  uint64_t number = 0;  // 1-based position in the file
  uint64_t offset = 0;  // byte offset (decompressed) of its "WARC/" line
  std::string type;     // WARC-Type
  std::string target_uri;
  std::string date;       // WARC-Date as written
  std::string record_id;  // WARC-Record-ID without the angle brackets
  std::string content_type;
  uint64_t length = 0;  // Content-Length
  std::string block;    // the content block (response records only)
};

class WarcReader {
 public:
  WarcReader(BufferedReader* in, size_t max_block_bytes)
      : in_(in), max_block_bytes_(max_block_bytes) {}

  enum class Next {
    kResponse,  // *record holds a response record and its block
    kOther,     // a record of another type (or a response too large: *error says so)
    kError,     // a damaged record: *error says what; reading can go on
    kEnd,
  };
  Next Read(WarcRecord* record, Status* error);

 private:
  BufferedReader* in_;
  size_t max_block_bytes_;
  uint64_t number_ = 0;
  bool header_read_ = false;  // the "WARC/" line of the next record was consumed
  uint64_t header_at_ = 0;
};

struct HttpResponse {
  int status = 0;
  std::string content_type;  // lowercased, parameters included
  std::string body;          // de-chunked and decoded (gzip/deflate)
};

// Parses the HTTP response in a WARC response block.
Status ParseHttpResponse(std::string_view block, size_t max_body_bytes, HttpResponse* out);

}  // namespace warta

#endif  // WARTA_INGEST_WARC_H_
