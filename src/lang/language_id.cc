#include "lang/language_id.h"

#include "text/token.h"
#include "util/utf8.h"

namespace warta {

std::string LanguageIdentifier::Identify(std::string_view text) const {
  if (packs_.empty()) return "";
  // The first 4 KB decide; cut at a character boundary.
  size_t limit = std::min<size_t>(text.size(), 4096);
  while (limit < text.size() && (static_cast<unsigned char>(text[limit]) & 0xC0) == 0x80) ++limit;
  std::string_view head = text.substr(0, limit);
  std::vector<Token> tokens;
  Tokenize(head, &tokens);
  std::vector<double> score(packs_.size(), 0.0);
  std::string lower;
  for (const Token& t : tokens) {
    if (!t.Is(kTokWord) || t.Is(kTokNumber)) continue;
    lower.clear();
    utf8::AppendLower(TokenText(head, t), &lower);
    for (size_t p = 0; p < packs_.size(); ++p) {
      WordId id = packs_[p]->lexicon().Find(lower);
      if (id != kNoWord && packs_[p]->Is(id, Cat::kStopword)) score[p] += 1.0;
    }
    // Letter pairs: "ng"/"ny" word-finally or initially are Indonesian; "th"/"wh" English.
    auto bonus = [&](const char* iso, double v) {
      for (size_t p = 0; p < packs_.size(); ++p)
        if (packs_[p]->iso() == iso) score[p] += v;
    };
    if (lower.size() >= 3) {
      if (lower.compare(lower.size() - 2, 2, "ng") == 0 && lower.size() > 4 &&
          lower.compare(lower.size() - 3, 3, "ing") != 0)
        bonus("id", 0.3);
      if (lower.compare(0, 2, "ny") == 0 || lower.compare(0, 3, "mem") == 0 ||
          lower.compare(0, 3, "men") == 0 || lower.compare(0, 3, "ber") == 0 ||
          lower.compare(lower.size() - 3, 3, "kan") == 0 || lower.compare(lower.size() - 3, 3, "nya") == 0)
        bonus("id", 0.3);
      if (lower.compare(0, 2, "th") == 0 || lower.compare(0, 2, "wh") == 0 ||
          lower.compare(lower.size() - 3, 3, "ing") == 0 || lower.compare(lower.size() - 2, 2, "ed") == 0 ||
          lower.compare(lower.size() - 3, 3, "ion") == 0 || lower.compare(lower.size() - 2, 2, "ly") == 0)
        bonus("en", 0.3);
    }
  }
  size_t best = 0;
  for (size_t p = 1; p < packs_.size(); ++p)
    if (score[p] > score[best]) best = p;
  return packs_[best]->iso();
}

}  // namespace warta
