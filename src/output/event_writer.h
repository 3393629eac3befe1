// Event output: the event JSON contract of DESIGN.md (one object a line) and a flat
// TSV with a header. Thread-safety: pure functions.
#ifndef WARTA_OUTPUT_EVENT_WRITER_H_
#define WARTA_OUTPUT_EVENT_WRITER_H_

#include <string>

#include "warta/event.h"

namespace warta {

void AppendEventJson(const Event& ev, std::string* out);  // no trailing newline
std::string TsvHeader();
void AppendEventTsv(const Event& ev, std::string* out);   // no trailing newline

}  // namespace warta

#endif  // WARTA_OUTPUT_EVENT_WRITER_H_
