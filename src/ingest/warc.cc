#include "ingest/warc.h"

#include <cstdlib>

#include "util/strings.h"

namespace warta {

namespace {

constexpr size_t kMaxHeaderLine = 64 << 10;
constexpr int kMaxHeaderLines = 1000;

bool EqualsCi(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

std::string LowerCopy(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool ParseUint(std::string_view s, uint64_t* out) {
  s = Trim(s);
  if (s.empty() || s.size() > 19) return false;
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  *out = v;
  return true;
}

}  // namespace

WarcReader::Next WarcReader::Read(WarcRecord* r, Status* error) {
  std::string_view line;
  if (!header_read_) {
    uint64_t garbage = 0, garbage_at = 0;
    for (;;) {
      uint64_t at = in_->offset();
      auto res = in_->ReadLine(kMaxHeaderLine, &line, nullptr, /*strip_cr=*/true);
      if (res == BufferedReader::LineResult::kEnd) {
        if (garbage == 0) return Next::kEnd;
        *error = Status::Corruption("after record " + std::to_string(number_) + " (byte " +
                                    std::to_string(garbage_at) +
                                    "): no WARC header; data to the end of the file skipped");
        return Next::kError;
      }
      if (res == BufferedReader::LineResult::kLine && StartsWith(line, "WARC/")) {
        header_at_ = at;
        header_read_ = true;
        break;
      }
      if (res == BufferedReader::LineResult::kLine && Trim(line).empty() && garbage == 0) continue;
      if (garbage == 0) garbage_at = at;
      garbage += in_->offset() - at;
    }
    if (garbage > 0) {
      *error = Status::Corruption("after record " + std::to_string(number_) + " (byte " +
                                  std::to_string(garbage_at) + "): " + std::to_string(garbage) +
                                  " bytes that are not a WARC record skipped");
      return Next::kError;
    }
  }
  header_read_ = false;
  ++number_;
  *r = WarcRecord{};
  r->number = number_;
  r->offset = header_at_;
  auto fail = [&](const std::string& what) {
    *error = Status::Corruption("record " + std::to_string(r->number) + " (byte " +
                                std::to_string(r->offset) + "): " + what);
    return Next::kError;
  };
  bool has_length = false;
  for (int n = 0;; ++n) {
    if (n > kMaxHeaderLines) return fail("more than 1000 header lines");
    uint64_t at = in_->offset();
    auto res = in_->ReadLine(kMaxHeaderLine, &line, nullptr, /*strip_cr=*/true);
    if (res == BufferedReader::LineResult::kEnd) return fail("truncated header");
    if (res == BufferedReader::LineResult::kTooLong) return fail("header line too long");
    if (line.empty()) break;
    if (StartsWith(line, "WARC/")) {  // the next record began: this one had no block
      header_at_ = at;
      header_read_ = true;
      return fail("header without an end (no blank line)");
    }
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view name = Trim(line.substr(0, colon));
    std::string_view value = Trim(line.substr(colon + 1));
    if (EqualsCi(name, "WARC-Type")) {
      r->type = LowerCopy(value);
    } else if (EqualsCi(name, "WARC-Target-URI")) {
      if (value.size() >= 2 && value.front() == '<' && value.back() == '>')
        value = value.substr(1, value.size() - 2);
      r->target_uri = std::string(value);
    } else if (EqualsCi(name, "WARC-Date")) {
      r->date = std::string(value);
    } else if (EqualsCi(name, "WARC-Record-ID")) {
      if (value.size() >= 2 && value.front() == '<' && value.back() == '>')
        value = value.substr(1, value.size() - 2);
      r->record_id = std::string(value);
    } else if (EqualsCi(name, "Content-Type")) {
      r->content_type = LowerCopy(value);
    } else if (EqualsCi(name, "Content-Length")) {
      if (!ParseUint(value, &r->length))
        return fail("bad Content-Length \"" + std::string(value) + "\"");
      has_length = true;
    }
  }
  if (!has_length) return fail("no Content-Length");
  if (r->type != "response") {
    if (!in_->Skip(r->length)) return fail("truncated block");
    return Next::kOther;
  }
  if (r->length > max_block_bytes_) {
    bool whole = in_->Skip(r->length);
    *error = Status::InvalidArgument(
        "record " + std::to_string(r->number) + " (" + r->target_uri + "): response of " +
        std::to_string(r->length) + " bytes exceeds the limit of " +
        std::to_string(max_block_bytes_) + (whole ? "" : "; file truncated"));
    return Next::kOther;
  }
  r->block.reserve(r->length);
  if (!in_->ReadExact(r->length, &r->block))
    return fail("truncated block (" + std::to_string(r->block.size()) + " of " +
                std::to_string(r->length) + " bytes)");
  return Next::kResponse;
}

namespace {

bool Dechunk(std::string_view in, size_t max_bytes, std::string* out) {
  out->clear();
  size_t pos = 0;
  for (;;) {
    size_t eol = in.find('\n', pos);
    if (eol == std::string_view::npos) return false;
    std::string_view size_line = Trim(in.substr(pos, eol - pos));
    size_line = size_line.substr(0, size_line.find(';'));
    if (size_line.empty() || size_line.size() > 15) return false;
    uint64_t n = 0;
    for (char c : size_line) {
      int d = (c >= '0' && c <= '9')   ? c - '0'
              : (c >= 'a' && c <= 'f') ? c - 'a' + 10
              : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                       : -1;
      if (d < 0) return false;
      n = n * 16 + static_cast<uint64_t>(d);
    }
    pos = eol + 1;
    if (n == 0) return true;
    if (n > in.size() - pos || out->size() + n > max_bytes) return false;
    out->append(in.substr(pos, n));
    pos += n;
    if (pos < in.size() && in[pos] == '\r') ++pos;
    if (pos < in.size() && in[pos] == '\n') ++pos;
  }
}

}  // namespace

Status ParseHttpResponse(std::string_view block, size_t max_body_bytes, HttpResponse* out) {
  if (!StartsWith(block, "HTTP/")) return Status::InvalidArgument("not an HTTP response");
  size_t eol = block.find('\n');
  if (eol == std::string_view::npos)
    return Status::InvalidArgument("HTTP response without headers");
  std::string_view status_line = block.substr(0, eol);
  size_t sp = status_line.find(' ');
  uint64_t code = 0;
  if (sp == std::string_view::npos || !ParseUint(status_line.substr(sp + 1, 3), &code))
    return Status::InvalidArgument("bad HTTP status line");
  out->status = static_cast<int>(code);
  bool chunked = false;
  std::string encoding;
  size_t pos = eol + 1;
  for (;;) {
    size_t e = block.find('\n', pos);
    if (e == std::string_view::npos) return Status::InvalidArgument("HTTP headers without an end");
    std::string_view line = block.substr(pos, e - pos);
    pos = e + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) break;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view name = Trim(line.substr(0, colon));
    std::string value = LowerCopy(Trim(line.substr(colon + 1)));
    if (EqualsCi(name, "Content-Type")) out->content_type = value;
    if (EqualsCi(name, "Transfer-Encoding") && value.find("chunked") != std::string::npos)
      chunked = true;
    if (EqualsCi(name, "Content-Encoding")) encoding = value;
  }
  std::string_view body = block.substr(pos);
  std::string dechunked;
  if (chunked) {
    if (!Dechunk(body, max_body_bytes, &dechunked))
      return Status::InvalidArgument("bad chunked transfer encoding");
    body = dechunked;
  }
  if (encoding == "gzip" || encoding == "x-gzip" || encoding == "deflate") {
    Status st = InflateBuffer(body, max_body_bytes, &out->body);
    if (!st.ok())
      return Status::InvalidArgument("Content-Encoding " + encoding + ": " + st.message());
  } else if (encoding.empty() || encoding == "identity") {
    out->body.assign(body);
  } else {
    return Status::InvalidArgument("unsupported Content-Encoding \"" + encoding + "\"");
  }
  return Status::Ok();
}

}  // namespace warta
