// Tokens and sentences: views into the document text, never copies.
//
// A Token is a byte range of the document plus the ids the later stages fill in (the
// lowercase word's lexicon id, its morphological root). Sentences are token ranges.
// Thread-safety: plain values, owned by the per-document scratch state.
#ifndef WARTA_TEXT_TOKEN_H_
#define WARTA_TEXT_TOKEN_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace warta {

enum TokenFlag : uint16_t {
  kTokWord = 1 << 0,        // letters (and digits)
  kTokNumber = 1 << 1,      // starts with a digit: 2008, 17.600, 2,5
  kTokPunct = 1 << 2,
  kTokCapital = 1 << 3,     // first letter uppercase
  kTokAllCaps = 1 << 4,     // every letter uppercase (two letters or more)
  kTokSpaceBefore = 1 << 5, // whitespace precedes it
  kTokNewlineBefore = 1 << 6,
  kTokParagraphBefore = 1 << 7,  // a blank line precedes it
  kTokQuote = 1 << 8,       // " “ ” ‘ ’ « » '
  kTokDash = 1 << 9,        // - – —
  kTokTerminal = 1 << 10,   // . ! ? …
  kTokComma = 1 << 11,      // , ; :
  kTokOpenBracket = 1 << 12,
  kTokCloseBracket = 1 << 13,
};

struct Token {
  uint32_t begin = 0;  // byte offset into the document text
  uint32_t end = 0;
  uint16_t flags = 0;
  uint16_t affixes = 0;  // Affix bits from the morphology
  uint32_t word = 0;     // lexicon id of the lowercase form (0: unknown)
  uint32_t root = 0;     // lexicon id of the root / lemma (0: unknown)
  bool Is(uint16_t f) const { return (flags & f) != 0; }
};

struct Sentence {
  uint32_t token_begin = 0;
  uint32_t token_end = 0;
  uint32_t byte_begin = 0;
  uint32_t byte_end = 0;
  uint32_t paragraph = 0;
};

// Splits text into tokens (appends to *out). `text` must be valid UTF-8.
void Tokenize(std::string_view text, std::vector<Token>* out);

inline std::string_view TokenText(std::string_view text, const Token& t) {
  return text.substr(t.begin, t.end - t.begin);
}

// Splits tokens into sentences. `is_abbreviation(i)` says whether token i (a word
// followed by a period) is an abbreviation whose period does not end a sentence.
template <typename AbbrevFn>
void SplitSentences(std::string_view text, const std::vector<Token>& tokens,
                    AbbrevFn is_abbreviation, std::vector<Sentence>* out);

}  // namespace warta

#include "text/sentences_inl.h"

#endif  // WARTA_TEXT_TOKEN_H_
