// Reader for warta's data files: UTF-8 text, '#' comments, blank lines ignored,
// TAB-separated columns. Errors name file and line. Thread-safety: values.
#ifndef WARTA_UTIL_TSV_H_
#define WARTA_UTIL_TSV_H_

#include <string>
#include <string_view>
#include <vector>

#include "warta/status.h"

namespace warta {

struct DataLine {
  int number = 0;  // 1-based line number in the file
  std::string text;  // the whole line, without the newline
  std::vector<std::string> fields;  // TAB-separated, each trimmed
};

struct DataFile {
  std::string path;
  std::vector<DataLine> lines;  // comments and blank lines dropped
  std::string Where(const DataLine& line) const;  // "path:line"
};

Status ReadFileToString(const std::string& path, std::string* out);
// Reads a data file; a missing optional file gives an empty DataFile.
Result<DataFile> ReadDataFile(const std::string& path, bool optional = false);

}  // namespace warta

#endif  // WARTA_UTIL_TSV_H_
