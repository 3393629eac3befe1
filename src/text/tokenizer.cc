#include "text/token.h"
#include "util/utf8.h"

namespace warta {
namespace {

bool IsQuote(char32_t c) {
  return c == '"' || c == '\'' || c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 ||
         c == 0xAB || c == 0xBB || c == 0x201E || c == 0x201A || c == 0x2039 || c == 0x203A ||
         c == '`';
}
bool IsDash(char32_t c) { return c == '-' || c == 0x2013 || c == 0x2014 || c == 0x2012 || c == 0x2015 || c == 0x2212; }
bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019; }
bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }

char32_t PeekCp(std::string_view s, size_t i) {
  if (i >= s.size()) return 0;
  return utf8::Next(s, &i);
}

// End of an acronym written with periods (U.S., a.m.) starting at `start`, or `start`.
size_t AcronymEnd(std::string_view s, size_t start) {
  size_t k = start;
  int letters = 0;
  while (k < s.size()) {
    size_t j = k;
    char32_t c = utf8::Next(s, &j);
    if (!utf8::IsWordChar(c) || IsDigit(c) || j >= s.size() || s[j] != '.') break;
    k = j + 1;
    ++letters;
  }
  if (letters < 2) return start;
  // The next character must not continue a word ("U.S.A" is fine, "e.g.x" is not).
  if (k < s.size() && utf8::IsWordChar(PeekCp(s, k))) return start;
  return k;
}

// "n't" or "n’t" at i, followed by a non-word character.
bool IsNegativeClitic(std::string_view s, size_t i) {
  if (i + 3 > s.size() || (s[i] != 'n' && s[i] != 'N')) return false;
  size_t j = i + 1;
  char32_t a = utf8::Next(s, &j);
  if (!IsApostrophe(a) || j >= s.size() || (s[j] != 't' && s[j] != 'T')) return false;
  return !utf8::IsWordChar(PeekCp(s, j + 1));
}

}  // namespace

void Tokenize(std::string_view text, std::vector<Token>* out) {
  size_t i = 0;
  const size_t n = text.size();
  bool space = true, newline = false, paragraph = true;
  while (i < n) {
    size_t start = i;
    char32_t c = utf8::Next(text, &i);
    if (utf8::IsSpace(c) || c < 0x20 || c == 0x200E || c == 0x200F) {
      space = true;
      if (c == '\n') {
        if (newline) paragraph = true;
        newline = true;
      }
      continue;
    }
    Token t;
    t.begin = static_cast<uint32_t>(start);
    if (space) t.flags |= kTokSpaceBefore;
    if (newline) t.flags |= kTokNewlineBefore;
    if (paragraph) t.flags |= kTokParagraphBefore;
    space = newline = paragraph = false;
    if (utf8::IsWordChar(c)) {
      t.flags |= kTokWord;
      if (IsDigit(c)) t.flags |= kTokNumber;
      bool upper = utf8::IsUpper(c);
      if (upper) t.flags |= kTokCapital;
      size_t end = AcronymEnd(text, start);
      if (end != start) {
        // U.S., a.m., P.B.B.: letters separated by periods are one token.
        t.flags |= kTokAllCaps;
      } else if (IsNegativeClitic(text, start)) {
        end = start + (static_cast<unsigned char>(text[start + 1]) == 0xE2 ? 5 : 3);
      } else {
        bool all_caps = upper;
        int letters = IsDigit(c) ? 0 : 1;
        end = i;
        while (end < n) {
          size_t j = end;
          char32_t d = utf8::Next(text, &j);
          if (utf8::IsWordChar(d)) {
            if (!IsDigit(d)) {
              ++letters;
              if (!utf8::IsUpper(d)) all_caps = false;
            }
            // "didn't": stop before the n of n't.
            if ((d == 'n' || d == 'N') && IsNegativeClitic(text, end) && end > start) break;
            end = j;
            continue;
          }
          // 17.600, 2,5, 2.5, 10:30: separators between digits stay inside numbers.
          if ((d == '.' || d == ',' || d == ':') && (t.flags & kTokNumber) &&
              IsDigit(PeekCp(text, j))) {
            end = j;
            continue;
          }
          // Word-internal apostrophe: O'Brien and Ma'ruf stay whole; 's splits off.
          if (IsApostrophe(d)) {
            size_t k = j;
            char32_t e = PeekCp(text, k);
            if (utf8::IsWordChar(e)) {
              size_t after = k;
              utf8::Next(text, &after);
              bool s_suffix = (e == 's' || e == 'S') && !utf8::IsWordChar(PeekCp(text, after));
              if (!s_suffix) {
                end = j;
                continue;
              }
            }
          }
          break;
        }
        if (all_caps && letters >= 2) t.flags |= kTokAllCaps;
      }
      t.end = static_cast<uint32_t>(end);
      i = end;
      out->push_back(t);
      continue;
    }
    // Punctuation: one code point, except runs of the same character ("...", "--").
    t.flags |= kTokPunct;
    if (IsQuote(c)) t.flags |= kTokQuote;
    if (IsDash(c)) t.flags |= kTokDash;
    if (c == '.' || c == '!' || c == '?' || c == 0x2026) t.flags |= kTokTerminal;
    if (c == ',' || c == ';' || c == ':') t.flags |= kTokComma;
    if (c == '(' || c == '[' || c == '{') t.flags |= kTokOpenBracket;
    if (c == ')' || c == ']' || c == '}') t.flags |= kTokCloseBracket;
    // 's and n't as tokens of their own
    if (IsApostrophe(c)) {
      size_t k = i;
      char32_t e = PeekCp(text, k);
      if (e == 's' || e == 'S') {
        size_t after = k + 1;
        if (!utf8::IsWordChar(PeekCp(text, after))) {
          t.flags = (t.flags & (kTokSpaceBefore | kTokNewlineBefore | kTokParagraphBefore)) | kTokWord;
          i = after;
        }
      }
    }
    while (i < n && !(t.flags & kTokWord)) {
      size_t j = i;
      char32_t d = utf8::Next(text, &j);
      if (d != c || c == '"' || IsQuote(c)) break;
      i = j;
    }
    t.end = static_cast<uint32_t>(i);
    out->push_back(t);
  }
}

}  // namespace warta
