// Lexicon: the interned vocabulary of everything the dictionaries mention.
//
// Every word of every data file gets a small integer id at load time; tokens are
// looked up (never inserted) while coding, so matching compares integers. Id 0 means
// "not a word any dictionary knows". Thread-safety: built single-threaded by the
// loaders, then read-only and safe to share.
#ifndef WARTA_LANG_LEXICON_H_
#define WARTA_LANG_LEXICON_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace warta {

using WordId = uint32_t;
constexpr WordId kNoWord = 0;

class Lexicon {
 public:
  Lexicon();
  // Interns a lowercase word; returns its id.
  WordId Intern(std::string_view lower_word);
  // Looks up a lowercase word; kNoWord when unknown.
  WordId Find(std::string_view lower_word) const;
  std::string_view Word(WordId id) const { return words_[id]; }
  size_t size() const { return words_.size(); }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unordered_map<std::string, WordId, Hash, std::equal_to<>> ids_;
  std::vector<std::string> words_;
};

}  // namespace warta

#endif  // WARTA_LANG_LEXICON_H_
