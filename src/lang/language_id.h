// Language identification between the installed packs: counts each pack's stopwords
// (and, for short texts, tell-tale letter pairs) in the first few thousand bytes and
// picks the best-scoring pack. Thread-safety: const after construction.
#ifndef WARTA_LANG_LANGUAGE_ID_H_
#define WARTA_LANG_LANGUAGE_ID_H_

#include <string>
#include <string_view>
#include <vector>

#include "lang/language_pack.h"

namespace warta {

class LanguageIdentifier {
 public:
  explicit LanguageIdentifier(std::vector<const LanguagePack*> packs) : packs_(std::move(packs)) {}
  // Returns the iso code of the most likely pack; the first pack when nothing is known.
  std::string Identify(std::string_view text) const;

 private:
  std::vector<const LanguagePack*> packs_;
};

}  // namespace warta

#endif  // WARTA_LANG_LANGUAGE_ID_H_
