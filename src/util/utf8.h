// UTF-8 helpers: validation, code-point decoding, byte→code-point offsets and simple
// case folding for the scripts warta codes (Latin with diacritics is enough for the
// English and Indonesian packs; other scripts pass through unchanged).
// Thread-safety: pure functions.
#ifndef WARTA_UTIL_UTF8_H_
#define WARTA_UTIL_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace warta::utf8 {

// Returns the byte offset of the first invalid sequence, or npos when all is valid.
size_t FindInvalid(std::string_view s);

// Decodes the code point at s[i] (s must be valid UTF-8); advances i.
char32_t Next(std::string_view s, size_t* i);

void Append(char32_t cp, std::string* out);

// Number of code points in s.
size_t Length(std::string_view s);

// Maps byte offsets to code-point offsets for one text, built once and queried often.
class OffsetMap {
 public:
  explicit OffsetMap(std::string_view text);
  uint32_t ToCodePoint(size_t byte_offset) const;

 private:
  // Code-point index at every 64th byte, then a short scan.
  std::string_view text_;
  std::vector<uint32_t> checkpoints_;
  bool ascii_ = true;
};

// Lowercases s (ASCII fast path; Latin-1 supplement and Latin Extended-A folded).
void AppendLower(std::string_view s, std::string* out);
std::string Lower(std::string_view s);

// True for letters (any script) and digits, judged on the first code point.
bool IsWordChar(char32_t cp);
bool IsUpper(char32_t cp);
bool IsSpace(char32_t cp);

}  // namespace warta::utf8

#endif  // WARTA_UTIL_UTF8_H_
