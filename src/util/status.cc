#include "warta/status.h"

namespace warta {

const std::string& Status::message() const {
  static const std::string kEmpty;
  return state_ ? state_->message : kEmpty;
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  const char* name = "error";
  switch (state_->code) {
    case Code::kInvalidArgument: name = "invalid argument"; break;
    case Code::kNotFound: name = "not found"; break;
    case Code::kIoError: name = "I/O error"; break;
    case Code::kDataError: name = "data error"; break;
    case Code::kCorruption: name = "corruption"; break;
    case Code::kOk: break;
  }
  return std::string(name) + ": " + state_->message;
}

}  // namespace warta
