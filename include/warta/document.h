// Document: one news article as warta reads it.
//
// The text is UTF-8 and is never rewritten: every span warta reports is an offset into
// exactly this text. Thread-safety: a plain value.
#ifndef WARTA_DOCUMENT_H_
#define WARTA_DOCUMENT_H_

#include <string>

namespace warta {

struct Document {
  std::string id;
  std::string date;  // YYYY-MM-DD publication date; may be empty
  std::string lang;  // "en", "id", or empty to detect
  std::string title;
  std::string url;
  std::string text;
  // Where it came from, for error messages: "file:line".
  std::string origin;
};

}  // namespace warta

#endif  // WARTA_DOCUMENT_H_
