// What every `warta` subcommand prints through: error lines on stderr ("warta: ...")
// and buffered standard output (one write per 64 KB, not per event).
#ifndef WARTA_TOOLS_CLI_OUTPUT_H_
#define WARTA_TOOLS_CLI_OUTPUT_H_

#include <fmt/format.h>

#include <cstdio>
#include <string>

namespace warta::cli {

inline void Error(const std::string& msg) { fmt::print(stderr, "warta: {}\n", msg); }

class Output {
 public:
  ~Output() { Flush(); }
  std::string& buf() { return buf_; }
  // Ends a line and writes out once enough has gathered.
  void Line() {
    buf_.push_back('\n');
    MaybeFlush();
  }
  void MaybeFlush() {
    if (buf_.size() > (1 << 16)) Flush();
  }
  void Flush() {
    if (!buf_.empty()) fwrite(buf_.data(), 1, buf_.size(), stdout);
    buf_.clear();
    fflush(stdout);
  }

 private:
  std::string buf_;
};

}  // namespace warta::cli

#endif  // WARTA_TOOLS_CLI_OUTPUT_H_
