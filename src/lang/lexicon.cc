#include "lang/lexicon.h"

namespace warta {

Lexicon::Lexicon() { words_.emplace_back(); }

WordId Lexicon::Intern(std::string_view w) {
  auto it = ids_.find(w);
  if (it != ids_.end()) return it->second;
  WordId id = static_cast<WordId>(words_.size());
  words_.emplace_back(w);
  ids_.emplace(std::string(w), id);
  return id;
}

WordId Lexicon::Find(std::string_view w) const {
  auto it = ids_.find(w);
  return it == ids_.end() ? kNoWord : it->second;
}

}  // namespace warta
