// Minimal JSON output: string escaping and a small builder for flat objects, so the
// hot path of `warta code` writes events without a DOM. Thread-safety: values.
#ifndef WARTA_UTIL_JSON_WRITER_H_
#define WARTA_UTIL_JSON_WRITER_H_

#include <string>
#include <string_view>

namespace warta::json {

// Appends s as a quoted JSON string (valid UTF-8 assumed; control characters escaped).
void AppendString(std::string_view s, std::string* out);
std::string Quote(std::string_view s);
void AppendNumber(double v, std::string* out);

}  // namespace warta::json

#endif  // WARTA_UTIL_JSON_WRITER_H_
