// Event patterns: the verb and noun patterns of data/lang/<iso>/events.txt, compiled
// into item sequences over lexicon ids and indexed by their first word or root (the
// prefilter: only patterns whose anchor occurs in a sentence are tried).
//
// File format — one pattern a line, TAB-separated: CODE  NAME  PATTERN  [OPTIONS],
// followed by one or more example lines starting with ">" that a test codes:
//   195  serangan-udara  ~lancar serangan udara $T?
//     > Israel melancarkan serangan udara terhadap Gaza pada Selasa.
//     ! Persib melancarkan serangan balik ke gawang Persija.
// ("!" lines are counter-examples: sentences the pattern must not code as asserted.)
// Items: `word` (this word form), `~root` (any inflection or affixation of the root),
// `a|~b` (alternatives; `walk_out` or a hyphenated `cease-fire` is an alternative of
// several words), `item?` (optional), `..` (up to 3 words), `...` (up to 8),
// `$T` target actor (found within the next 3 words), `$S` source actor, `$P` a pair
// of actors ("antara X dan Y": both directions); slots may require an agent
// (`$T:MIL`) and take `?` to be optional. Options: `recip` (a compound subject acts on
// each other), `meet` (04x: visit/host/third place from the location), `statement`
// (the source is the speaker who says it), `nomodal` (intent/demand do not transform),
// `fallback` (the verb's default reading: used only when no other pattern matched the
// clause).
// Thread-safety: immutable after Load().
#ifndef WARTA_EVENTS_PATTERN_H_
#define WARTA_EVENTS_PATTERN_H_

#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "lang/language_pack.h"
#include "warta/status.h"

namespace warta {

struct PatternItem {
  enum Kind : uint8_t { kWord, kRoot, kAlt, kGap, kTarget, kSource, kPair };
  Kind kind = kWord;
  bool optional = false;
  WordId id = kNoWord;                        // kWord / kRoot
  std::vector<std::pair<WordId, bool>> alts;  // kAlt: (id, is_root)
  // kAlt: alternatives of several words ("walkout|walk_out", "ceasefire|cease-fire"),
  // each a sequence of (id, is_root).
  std::vector<std::vector<std::pair<WordId, bool>>> seqs;
  int max_gap = 0;    // kGap
  std::string agent;  // slots: required agent chunk ("MIL")
};

struct Pattern {
  std::string code;
  std::string name;
  std::string rule;  // "<iso>/<root>/<name>"
  std::string text;  // the pattern as written
  std::vector<PatternItem> items;
  bool recip = false, meet = false, statement = false, nomodal = false;
  // A verb's default reading ("agreed", "welcomed"): only when no other pattern matched
  // the clause, as PETRARCH uses a verb's own code when none of its phrases fits.
  bool fallback = false;
  // `late_recip`: a compound subject acts on each other only when no target is found
  // anywhere in the clause (PETRARCH's reading; imported dictionaries use it).
  bool late_recip = false;
  std::vector<std::string> examples;
  std::vector<std::string> counter_examples;  // "! ..." lines: must not fire (asserted)
  std::string where;                          // file:line
  bool leading_source = false;                // pattern starts with $S
  size_t anchor = 0;                          // index of the first concrete item
};

class PatternSet {
 public:
  // Loads data/lang/<iso>/events.txt, interning words and registering roots with the
  // pack's morphology. `code_ok` validates codes.
  Status Load(const std::string& path, LanguagePack* lang, Lexicon* lexicon,
              const std::function<bool(const std::string&)>& code_ok);
  // Adds one pattern line (also used for --dict files).
  Status AddPattern(const std::string& code, const std::string& name, const std::string& text,
                    const std::string& options, const std::string& where, LanguagePack* lang,
                    Lexicon* lexicon);

  const std::vector<Pattern>& patterns() const { return patterns_; }
  // Forgets every pattern (user dictionaries that replace the built-in ones).
  void Clear() {
    patterns_.clear();
    by_word_.clear();
    by_root_.clear();
  }
  // Patterns whose anchor item can match a token with this word / root id.
  void Candidates(WordId word, WordId root, std::vector<uint32_t>* out) const;

 private:
  std::string iso_;
  std::vector<Pattern> patterns_;
  std::unordered_map<WordId, std::vector<uint32_t>> by_word_;
  std::unordered_map<WordId, std::vector<uint32_t>> by_root_;
};

}  // namespace warta

#endif  // WARTA_EVENTS_PATTERN_H_
