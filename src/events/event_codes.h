// EventCodes: the CAMEO code table (Goldstein, QuadClass, PLOVER, label) and the modal
// transforms (intent / demand / appeal / reject variants of an action code), both from
// data/cameo/. Thread-safety: immutable after Load().
#ifndef WARTA_EVENTS_EVENT_CODES_H_
#define WARTA_EVENTS_EVENT_CODES_H_

#include <array>
#include <string>
#include <unordered_map>

#include "warta/status.h"

namespace warta {

struct CodeInfo {
  double goldstein = 0;
  int quad_class = 0;
  std::string plover;  // empty when none
  std::string label;
};

enum class Modal { kIntent = 0, kDemand = 1, kAppeal = 2, kReject = 3 };

class EventCodes {
 public:
  static Result<EventCodes> Load(const std::string& data_dir);
  const CodeInfo* Find(const std::string& code) const;
  // The code an action becomes under a modality (longest base prefix wins); the code
  // itself when no transform applies.
  std::string Transform(const std::string& code, Modal modal) const;

 private:
  std::unordered_map<std::string, CodeInfo> codes_;
  std::unordered_map<std::string, std::array<std::string, 4>> transforms_;
};

}  // namespace warta

#endif  // WARTA_EVENTS_EVENT_CODES_H_
