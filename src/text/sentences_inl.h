// Sentence splitting (template part of token.h; include token.h, not this file).
#ifndef WARTA_TEXT_SENTENCES_INL_H_
#define WARTA_TEXT_SENTENCES_INL_H_

#include <algorithm>

namespace warta {

// A sentence ends at . ! ? … when the next token starts a new sentence (a capital, a
// digit, an opening quote or bracket, or a new paragraph) and the period does not
// belong to an abbreviation or an initial ("Dr.", "Jl.", "J. Kerry"). Closing quotes
// and brackets after the terminator stay with the sentence. A blank line always ends
// a sentence, and so does a line break after a terminator or a heading-like line.
// Very long runs without punctuation are cut every kMaxSentenceTokens tokens so that
// later stages stay linear.
constexpr uint32_t kMaxSentenceTokens = 400;

template <typename AbbrevFn>
void SplitSentences(std::string_view text, const std::vector<Token>& tokens,
                    AbbrevFn is_abbreviation, std::vector<Sentence>* out) {
  (void)text;
  const uint32_t n = static_cast<uint32_t>(tokens.size());
  uint32_t start = 0;
  uint32_t paragraph = 0;
  auto emit = [&](uint32_t end) {
    if (end <= start) return;
    Sentence s;
    s.token_begin = start;
    s.token_end = end;
    s.byte_begin = tokens[start].begin;
    s.byte_end = tokens[end - 1].end;
    s.paragraph = paragraph;
    out->push_back(s);
    start = end;
  };
  for (uint32_t i = 0; i < n; ++i) {
    const Token& t = tokens[i];
    if (t.Is(kTokParagraphBefore) && i > 0) {
      emit(i);
      ++paragraph;
    } else if (i > start && t.Is(kTokNewlineBefore)) {
      const Token& prev = tokens[i - 1];
      bool prev_ends = prev.Is(kTokTerminal) || prev.Is(kTokQuote) || prev.Is(kTokCloseBracket);
      if (prev_ends && !(prev.Is(kTokTerminal) && i >= 2 && is_abbreviation(i - 2))) emit(i);
    }
    if (i - start >= kMaxSentenceTokens) emit(i);
    if (!t.Is(kTokTerminal)) continue;
    // Swallow closing quotes / brackets and repeated terminators.
    uint32_t end = i + 1;
    while (end < n && !tokens[end].Is(kTokSpaceBefore) &&
           (tokens[end].Is(kTokQuote) || tokens[end].Is(kTokCloseBracket) ||
            tokens[end].Is(kTokTerminal)))
      ++end;
    if (end >= n) {
      emit(n);
      break;
    }
    const Token& next = tokens[end];
    if (!next.Is(kTokSpaceBefore) && !next.Is(kTokQuote)) continue;  // 3.5, e.g.x
    bool period = text[t.begin] == '.';
    if (period && i > start) {
      const Token& prev = tokens[i - 1];
      if (prev.end == t.begin && prev.Is(kTokWord)) {
        if (is_abbreviation(i - 1)) continue;
        // A single capital letter before the period is an initial.
        if (prev.end - prev.begin == 1 && prev.Is(kTokCapital)) continue;
      }
    }
    bool starts_sentence = next.Is(kTokCapital) || next.Is(kTokNumber) || next.Is(kTokQuote) ||
                           next.Is(kTokOpenBracket) || next.Is(kTokDash) ||
                           next.Is(kTokParagraphBefore);
    if (!starts_sentence) continue;
    emit(end);
    i = end - 1;
  }
  emit(n);
}

}  // namespace warta

#endif  // WARTA_TEXT_SENTENCES_INL_H_
