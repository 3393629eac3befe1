#include "util/utf8.h"

#include <simdjson.h>

namespace warta::utf8 {

size_t FindInvalid(std::string_view s) {
  if (simdjson::validate_utf8(s.data(), s.size())) return std::string_view::npos;
  size_t i = 0;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  while (i < n) {
    unsigned char c = p[i];
    size_t len;
    char32_t min;
    if (c < 0x80) { ++i; continue; }
    if ((c & 0xE0) == 0xC0) { len = 2; min = 0x80; }
    else if ((c & 0xF0) == 0xE0) { len = 3; min = 0x800; }
    else if ((c & 0xF8) == 0xF0) { len = 4; min = 0x10000; }
    else return i;
    if (i + len > n) return i;
    char32_t cp = c & (0x7F >> len);
    for (size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += len;
  }
  return std::string_view::npos;
}

char32_t Next(std::string_view s, size_t* i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  unsigned char c = p[*i];
  if (c < 0x80) { ++*i; return c; }
  size_t len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
  if (*i + len > s.size()) { *i = s.size(); return 0xFFFD; }
  char32_t cp = c & (0x7F >> len);
  for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (p[*i + k] & 0x3F);
  *i += len;
  return cp;
}

void Append(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

size_t Length(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

OffsetMap::OffsetMap(std::string_view text) : text_(text) {
  uint32_t cps = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (i % 64 == 0) checkpoints_.push_back(cps);
    unsigned char c = text[i];
    if (c >= 0x80) ascii_ = false;
    cps += (c & 0xC0) != 0x80;
  }
  checkpoints_.push_back(cps);
}

uint32_t OffsetMap::ToCodePoint(size_t byte_offset) const {
  if (ascii_) return static_cast<uint32_t>(byte_offset);
  if (byte_offset >= text_.size()) return checkpoints_.back();
  size_t base = byte_offset / 64;
  uint32_t cps = checkpoints_[base];
  for (size_t i = base * 64; i < byte_offset; ++i)
    cps += (static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80;
  return cps;
}

static char32_t LowerCp(char32_t cp) {
  if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 32;
  if (cp >= 0x100 && cp <= 0x17F) {
    if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E)) return (cp & 1) ? cp + 1 : cp;
    return (cp & 1) ? cp : cp + 1;
  }
  if (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2) return cp + 32;  // Greek
  if (cp >= 0x410 && cp <= 0x42F) return cp + 32;                 // Cyrillic
  return cp;
}

void AppendLower(std::string_view s, std::string* out) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = s[i];
    if (c < 0x80) {
      out->push_back(static_cast<char>((c >= 'A' && c <= 'Z') ? c + 32 : c));
      ++i;
      continue;
    }
    Append(LowerCp(Next(s, &i)), out);
  }
}

std::string Lower(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  AppendLower(s, &out);
  return out;
}

bool IsUpper(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  return LowerCp(cp) != cp;
}

bool IsSpace(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
         cp == 0xA0 || cp == 0x2000 || (cp >= 0x2001 && cp <= 0x200B) || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000 || cp == 0xFEFF || cp == 0x85 || cp == 0x2028 ||
         cp == 0x2029;
}

bool IsWordChar(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  if (cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0xC0 && cp <= 0x24F) return true;   // Latin with diacritics
  if (cp >= 0x370 && cp <= 0x52F) return true;   // Greek, Cyrillic
  if (cp >= 0x0590 && cp <= 0x06FF) return true; // Hebrew, Arabic
  if (cp >= 0x0900 && cp <= 0x0DFF) return true; // Indic
  if (cp >= 0x0E00 && cp <= 0x0EFF) return true; // Thai, Lao
  if (cp >= 0x1E00 && cp <= 0x1EFF) return true; // Latin Extended Additional
  if (cp >= 0x3040 && cp <= 0x9FFF) return true; // CJK
  if (cp >= 0xAC00 && cp <= 0xD7AF) return true; // Hangul
  return false;
}

}  // namespace warta::utf8
