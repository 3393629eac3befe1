// Helpers for the ingest tests: write files, gzip / zstd them, build WARC records.
#ifndef WARTA_TESTS_INGEST_TEST_UTIL_H_
#define WARTA_TESTS_INGEST_TEST_UTIL_H_

#include <zlib.h>
#include <zstd.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/reader.h"

namespace warta::testing_util {

inline std::string Gzip(const std::string& data) {
  z_stream zs;
  memset(&zs, 0, sizeof(zs));
  deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&zs, data.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

inline std::string Zstd(const std::string& data) {
  std::string out(ZSTD_compressBound(data.size()), '\0');
  out.resize(ZSTD_compress(out.data(), out.size(), data.data(), data.size(), 3));
  return out;
}

inline std::string ReadFileBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void WriteFileBytes(const std::string& path, const std::string& data) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << data;
}

// A fresh directory under the test temp dir.
inline std::string FreshDir(const std::string& name) {
  std::string dir = ::testing::TempDir() + "/warta_ingest_" + name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

inline std::string WarcRecord(
    const std::string& type, const std::string& uri, const std::string& date, const std::string& id,
    const std::string& block,
    const std::string& content_type = "application/http; msgtype=response") {
  std::string r = "WARC/1.0\r\nWARC-Type: " + type + "\r\n";
  if (!uri.empty()) r += "WARC-Target-URI: " + uri + "\r\n";
  r += "WARC-Date: " + date + "\r\nWARC-Record-ID: <" + id + ">\r\nContent-Type: " + content_type +
       "\r\nContent-Length: " + std::to_string(block.size()) + "\r\n\r\n";
  return r + block + "\r\n\r\n";
}

inline std::string HttpResponse(const std::string& body,
                                const std::string& content_type = "text/html; charset=UTF-8",
                                int status = 200, const std::string& extra_headers = "") {
  return "HTTP/1.1 " + std::to_string(status) + " OK\r\nContent-Type: " + content_type + "\r\n" +
         extra_headers + "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

struct Collected {
  std::vector<Document> docs;
  std::vector<std::string> errors;
};

inline Collected ReadPaths(const std::vector<std::string>& paths, ReaderOptions opts = {}) {
  Collected c;
  DocumentReader reader(
      opts, [&](Document&& d) { c.docs.push_back(std::move(d)); },
      [&](const Status& st) { c.errors.push_back(st.message()); });
  for (const auto& p : paths) {
    Status st = reader.ReadPath(p);
    if (!st.ok()) c.errors.push_back("ReadPath: " + st.message());
  }
  return c;
}

inline std::string Fixture(const std::string& name) {
  return std::string(WARTA_TEST_DIR) + "/ingest/fixtures/" + name;
}

}  // namespace warta::testing_util

#endif  // WARTA_TESTS_INGEST_TEST_UTIL_H_
