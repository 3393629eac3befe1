// Turns PETRARCH/TABARI dictionaries (parsed by compat/petrarch_dict) into warta's own
// structures, so users can code with the dictionaries they already have (`--dict`):
//   - verb blocks become event patterns: each pattern line `- BEFORE * AFTER [code]`
//     becomes a warta pattern over the block's verbs (`$` source, `+` target, synsets
//     as alternatives, `_` as adjacency, other neighbours with a short gap); a verb's
//     own code becomes a `fallback` pattern used when none of its phrases fits, as
//     PETRARCH does; "---" codes give nothing;
//   - actors become dictionary names with their (date-restricted) codes;
//   - agents become agent words; discards become sentence discard phrases.
// What PETRARCH reads from a parse tree (noun-phrase heads, clause structure) warta
// approximates with its own subject scan and target slots.
#ifndef WARTA_CODER_PETRARCH_IMPORT_H_
#define WARTA_CODER_PETRARCH_IMPORT_H_

#include <string>
#include <vector>

#include "actors/actor_dictionary.h"
#include "events/pattern.h"
#include "lang/language_pack.h"
#include "warta/status.h"

namespace warta {

struct PetrarchImportStats {
  int patterns = 0, actors = 0, agents = 0, discards = 0;
  std::vector<std::string> warnings;  // malformed lines and what could not be translated
};

// Reads one dictionary file of any of the four kinds (detected from its content) into the
// English pack, patterns and actor dictionary. `replace_patterns`: a verb dictionary
// replaces the built-in patterns instead of adding to them.
Status ImportPetrarchDictionary(const std::string& path, bool replace_patterns,
                                LanguagePack* english, PatternSet* patterns, ActorDictionary* dict,
                                Lexicon* lexicon, PetrarchImportStats* stats);

}  // namespace warta

#endif  // WARTA_CODER_PETRARCH_IMPORT_H_
