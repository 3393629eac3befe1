#include "util/tsv.h"

#include <fstream>
#include <sstream>

#include "util/strings.h"
#include "util/utf8.h"

namespace warta {

std::string DataFile::Where(const DataLine& line) const {
  return path + ":" + std::to_string(line.number);
}

Status ReadFileToString(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": cannot open");
  std::ostringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return Status::Ok();
}

Result<DataFile> ReadDataFile(const std::string& path, bool optional) {
  DataFile file;
  file.path = path;
  std::string content;
  Status st = ReadFileToString(path, &content);
  if (!st.ok()) {
    if (optional) return file;
    return st;
  }
  size_t bad = utf8::FindInvalid(content);
  if (bad != std::string::npos) {
    int line = 1;
    for (size_t i = 0; i < bad; ++i) line += content[i] == '\n';
    return Status::DataError(path + ":" + std::to_string(line) + ": invalid UTF-8");
  }
  int number = 0;
  for (std::string_view raw : Split(content, '\n')) {
    ++number;
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    std::string_view t = Trim(raw);
    if (t.empty() || t[0] == '#') continue;
    DataLine line;
    line.number = number;
    line.text = std::string(raw);
    for (std::string_view f : Split(raw, '\t')) line.fields.emplace_back(Trim(f));
    file.lines.push_back(std::move(line));
  }
  return file;
}

}  // namespace warta
