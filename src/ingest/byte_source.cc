#include "ingest/byte_source.h"

#include <zlib.h>
#include <zstd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

#include "util/strings.h"

namespace warta {

Compression DetectCompression(std::string_view head) {
  if (head.size() >= 2 && uint8_t(head[0]) == 0x1f && uint8_t(head[1]) == 0x8b)
    return Compression::kGzip;
  if (head.size() >= 4 && uint8_t(head[0]) == 0x28 && uint8_t(head[1]) == 0xb5 &&
      uint8_t(head[2]) == 0x2f && uint8_t(head[3]) == 0xfd)
    return Compression::kZstd;
  return Compression::kNone;
}

std::string_view StripCompressionSuffix(std::string_view path) {
  for (std::string_view suffix : {".gz", ".zst", ".zstd", ".GZ"})
    if (EndsWith(path, suffix)) return path.substr(0, path.size() - suffix.size());
  return path;
}

namespace {

constexpr size_t kChunk = 1 << 18;

// A FILE* with a few bytes of look-ahead pushed back (the magic-number sniff).
class FileSource : public ByteSource {
 public:
  FileSource(FILE* f, bool owned, std::string name) : f_(f), owned_(owned), name_(name) {}
  ~FileSource() override {
    if (owned_) fclose(f_);
  }
  size_t Read(char* buf, size_t n) override {
    size_t got = 0;
    if (!head_.empty()) {
      got = std::min(n, head_.size());
      memcpy(buf, head_.data(), got);
      head_.erase(0, got);
      if (got == n) return got;
    }
    size_t r = fread(buf + got, 1, n - got, f_);
    if (r == 0 && ferror(f_) && status_.ok())
      status_ = Status::IoError(name_ + ": read error: " + strerror(errno));
    got += r;
    raw_bytes_ += got;
    return got;
  }
  // Reads up to n bytes for sniffing; they are returned again by Read().
  std::string_view Head(size_t n) {
    head_.resize(n);
    size_t r = fread(head_.data(), 1, n, f_);
    head_.resize(r);
    return head_;
  }

 private:
  FILE* f_;
  bool owned_;
  std::string name_;
  std::string head_;
};

class StreamSource : public ByteSource {
 public:
  explicit StreamSource(std::istream* in) : in_(in) {}
  size_t Read(char* buf, size_t n) override {
    in_->read(buf, static_cast<std::streamsize>(n));
    size_t got = static_cast<size_t>(in_->gcount());
    raw_bytes_ += got;
    return got;
  }

 private:
  std::istream* in_;
};

// gzip members one after another (WARC.gz compresses each record on its own), or a
// zlib stream. A stream that ends inside a member is "truncated".
class GzipSource : public ByteSource {
 public:
  explicit GzipSource(std::unique_ptr<ByteSource> inner) : inner_(std::move(inner)), in_(kChunk) {
    memset(&zs_, 0, sizeof(zs_));
    if (inflateInit2(&zs_, 15 + 32) != Z_OK) status_ = Status::IoError("zlib: cannot initialise");
  }
  ~GzipSource() override { inflateEnd(&zs_); }
  size_t Read(char* buf, size_t n) override {
    if (done_ || !status_.ok()) return 0;
    zs_.next_out = reinterpret_cast<Bytef*>(buf);
    zs_.avail_out = static_cast<uInt>(n);
    while (zs_.avail_out == n) {
      if (zs_.avail_in == 0) {
        size_t r = inner_->Read(in_.data(), in_.size());
        raw_bytes_ = inner_->raw_bytes();
        if (r == 0) {
          if (!inner_->status().ok()) {
            status_ = inner_->status();
          } else if (in_member_) {
            status_ = Status::Corruption("truncated gzip stream (unexpected end of file)");
          }
          done_ = true;
          break;
        }
        zs_.next_in = reinterpret_cast<Bytef*>(in_.data());
        zs_.avail_in = static_cast<uInt>(r);
      }
      in_member_ = true;
      int rc = inflate(&zs_, Z_NO_FLUSH);
      if (rc == Z_STREAM_END) {
        in_member_ = false;
        inflateReset(&zs_);
        continue;
      }
      if (rc == Z_BUF_ERROR) continue;  // needs more input
      if (rc != Z_OK) {
        status_ =
            Status::Corruption(std::string("corrupt gzip data (") +
                               (zs_.msg ? zs_.msg : "zlib error " + std::to_string(rc)) + ")");
        done_ = true;
        break;
      }
    }
    return n - zs_.avail_out;
  }

 private:
  std::unique_ptr<ByteSource> inner_;
  std::vector<char> in_;
  z_stream zs_;
  bool in_member_ = false;
  bool done_ = false;
};

class ZstdSource : public ByteSource {
 public:
  explicit ZstdSource(std::unique_ptr<ByteSource> inner)
      : inner_(std::move(inner)), in_(ZSTD_DStreamInSize()), ds_(ZSTD_createDStream()) {
    ZSTD_initDStream(ds_);
  }
  ~ZstdSource() override { ZSTD_freeDStream(ds_); }
  size_t Read(char* buf, size_t n) override {
    if (done_ || !status_.ok()) return 0;
    ZSTD_outBuffer out{buf, n, 0};
    while (out.pos == 0) {
      if (input_.pos == input_.size) {
        size_t r = inner_->Read(in_.data(), in_.size());
        raw_bytes_ = inner_->raw_bytes();
        if (r == 0) {
          if (!inner_->status().ok())
            status_ = inner_->status();
          else if (last_ != 0)
            status_ = Status::Corruption("truncated zstd stream (unexpected end of file)");
          done_ = true;
          break;
        }
        input_ = ZSTD_inBuffer{in_.data(), r, 0};
      }
      last_ = ZSTD_decompressStream(ds_, &out, &input_);
      if (ZSTD_isError(last_)) {
        status_ =
            Status::Corruption(std::string("corrupt zstd data (") + ZSTD_getErrorName(last_) + ")");
        done_ = true;
        break;
      }
    }
    return out.pos;
  }

 private:
  std::unique_ptr<ByteSource> inner_;
  std::vector<char> in_;
  ZSTD_DStream* ds_;
  ZSTD_inBuffer input_{nullptr, 0, 0};
  size_t last_ = 0;  // 0: at a frame boundary
  bool done_ = false;
};

}  // namespace

std::unique_ptr<ByteSource> StreamByteSource(std::istream* in) {
  return std::make_unique<StreamSource>(in);
}

std::unique_ptr<ByteSource> DecompressingSource(std::unique_ptr<ByteSource> inner, Compression c) {
  switch (c) {
    case Compression::kGzip:
      return std::make_unique<GzipSource>(std::move(inner));
    case Compression::kZstd:
      return std::make_unique<ZstdSource>(std::move(inner));
    case Compression::kNone:
      break;
  }
  return inner;
}

Result<std::unique_ptr<ByteSource>> OpenByteSource(const std::string& path) {
  FILE* f = path == "-" ? stdin : fopen(path.c_str(), "rb");
  if (!f) return Status::IoError(path + ": cannot open (" + strerror(errno) + ")");
  auto file = std::make_unique<FileSource>(f, path != "-", path);
  Compression c = DetectCompression(file->Head(4));
  return DecompressingSource(std::move(file), c);
}

Status InflateBuffer(std::string_view in, size_t max_bytes, std::string* out) {
  z_stream zs;
  memset(&zs, 0, sizeof(zs));
  // 15 + 32: gzip or zlib by header; raw deflate is retried below.
  for (int window : {15 + 32, -15}) {
    out->clear();
    if (inflateInit2(&zs, window) != Z_OK) return Status::IoError("zlib: cannot initialise");
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    zs.avail_in = static_cast<uInt>(in.size());
    int rc = Z_OK;
    char chunk[1 << 14];
    while (rc == Z_OK) {
      zs.next_out = reinterpret_cast<Bytef*>(chunk);
      zs.avail_out = sizeof(chunk);
      rc = inflate(&zs, Z_NO_FLUSH);
      out->append(chunk, sizeof(chunk) - zs.avail_out);
      if (out->size() > max_bytes) {
        inflateEnd(&zs);
        return Status::InvalidArgument("compressed body inflates beyond " +
                                       std::to_string(max_bytes) + " bytes");
      }
      if (rc == Z_BUF_ERROR && zs.avail_in == 0) break;
    }
    inflateEnd(&zs);
    if (rc == Z_STREAM_END) return Status::Ok();
    if (rc == Z_BUF_ERROR) return Status::Corruption("truncated compressed body");
  }
  return Status::Corruption("corrupt compressed body");
}

BufferedReader::BufferedReader(ByteSource* source, size_t buffer_size)
    : source_(source), buf_(buffer_size, '\0') {}

bool BufferedReader::Fill() {
  if (eof_) return false;
  if (begin_ > 0 && begin_ == end_) begin_ = end_ = 0;
  if (end_ == buf_.size()) {
    if (begin_ > 0) {
      memmove(buf_.data(), buf_.data() + begin_, end_ - begin_);
      end_ -= begin_;
      begin_ = 0;
    } else {
      buf_.resize(buf_.size() * 2);
    }
  }
  size_t r = source_->Read(buf_.data() + end_, buf_.size() - end_);
  if (r == 0) {
    eof_ = true;
    return false;
  }
  end_ += r;
  return true;
}

BufferedReader::LineResult BufferedReader::ReadLine(size_t max_bytes, std::string_view* line,
                                                    uint64_t* length, bool strip_cr) {
  size_t scanned = 0;      // bytes of [begin_, end_) known to hold no '\n'
  uint64_t discarded = 0;  // bytes of an over-long line already dropped
  auto finish = [&](size_t len, size_t consumed) {
    const char* base = buf_.data() + begin_;
    begin_ += consumed;
    offset_ += consumed;
    if (length) *length = discarded + len;
    if (discarded > 0 || len > max_bytes) return LineResult::kTooLong;
    if (strip_cr && len > 0 && base[len - 1] == '\r') --len;
    *line = std::string_view(base, len);
    return LineResult::kLine;
  };
  for (;;) {
    size_t avail = end_ - begin_;
    const char* base = buf_.data() + begin_;
    const void* nl = memchr(base + scanned, '\n', avail - scanned);
    if (nl) {
      size_t len = static_cast<const char*>(nl) - base;
      return finish(len, len + 1);
    }
    scanned = avail;
    if (avail > 0 && discarded + avail > max_bytes) {
      // Over-long: drop what we have and keep looking for the end of the line.
      discarded += avail;
      offset_ += avail;
      begin_ = end_ = 0;
      scanned = 0;
    }
    if (!Fill()) {
      avail = end_ - begin_;
      if (avail == 0 && discarded == 0) return LineResult::kEnd;
      return finish(avail, avail);
    }
  }
}

bool BufferedReader::ReadExact(size_t n, std::string* out) {
  while (n > 0) {
    if (begin_ == end_ && !Fill()) return false;
    size_t take = std::min(n, end_ - begin_);
    out->append(buf_.data() + begin_, take);
    begin_ += take;
    offset_ += take;
    n -= take;
  }
  return true;
}

bool BufferedReader::Skip(uint64_t n) {
  while (n > 0) {
    if (begin_ == end_ && !Fill()) return false;
    size_t take = static_cast<size_t>(std::min<uint64_t>(n, end_ - begin_));
    begin_ += take;
    offset_ += take;
    n -= take;
  }
  return true;
}

int BufferedReader::Peek() {
  if (begin_ == end_ && !Fill()) return -1;
  return static_cast<unsigned char>(buf_[begin_]);
}

std::string_view BufferedReader::PeekBytes(size_t n) {
  while (end_ - begin_ < n && Fill()) {
  }
  return std::string_view(buf_.data() + begin_, std::min(n, end_ - begin_));
}

}  // namespace warta
