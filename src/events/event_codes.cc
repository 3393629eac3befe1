#include "events/event_codes.h"

#include "util/tsv.h"

namespace warta {

Result<EventCodes> EventCodes::Load(const std::string& data_dir) {
  EventCodes codes;
  auto file = ReadDataFile(data_dir + "/cameo/eventcodes.tsv");
  if (!file.ok()) return file.status();
  for (const DataLine& line : file->lines) {
    const auto& f = line.fields;
    if (f.size() < 5) return Status::DataError(file->Where(line) + ": expected 5 columns");
    CodeInfo info;
    char* end = nullptr;
    info.goldstein = std::strtod(f[1].c_str(), &end);
    if (end == f[1].c_str()) return Status::DataError(file->Where(line) + ": bad Goldstein value");
    info.quad_class = std::atoi(f[2].c_str());
    if (info.quad_class < 1 || info.quad_class > 4)
      return Status::DataError(file->Where(line) + ": QuadClass must be 1..4");
    info.plover = f[3] == "-" ? "" : f[3];
    info.label = f[4];
    codes.codes_[f[0]] = info;
  }
  auto tf = ReadDataFile(data_dir + "/cameo/modal_transforms.tsv");
  if (!tf.ok()) return tf.status();
  for (const DataLine& line : tf->lines) {
    const auto& f = line.fields;
    if (f.size() < 5) return Status::DataError(tf->Where(line) + ": expected 5 columns");
    std::array<std::string, 4> t;
    for (int i = 0; i < 4; ++i) {
      t[i] = f[i + 1];
      if (t[i] != "-" && !codes.codes_.count(t[i]))
        return Status::DataError(tf->Where(line) + ": unknown code " + t[i]);
    }
    codes.transforms_[f[0]] = t;
  }
  return codes;
}

const CodeInfo* EventCodes::Find(const std::string& code) const {
  auto it = codes_.find(code);
  return it == codes_.end() ? nullptr : &it->second;
}

std::string EventCodes::Transform(const std::string& code, Modal modal) const {
  for (size_t len = code.size(); len >= 2; --len) {
    auto it = transforms_.find(code.substr(0, len));
    if (it == transforms_.end()) continue;
    const std::string& t = it->second[static_cast<int>(modal)];
    if (t != "-") return t;
    break;
  }
  return code;
}

}  // namespace warta
