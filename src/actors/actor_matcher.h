// ActorMatcher: finds actor mentions in one sentence.
//
// Longest dictionary match at each token, then adjacent pieces are composed into one
// mention — agent + country + person ("Menteri Luar Negeri Rusia Sergey Lavrov" →
// RUSGOV), demonym + agent ("Russian troops" → RUSMIL), country + 's + agent
// ("Ukraine's president"), agent + of + country. Mentions joined by "dan"/"and"/","
// form a compound group. Pronouns and references ("ia", "the group", "kedua negara")
// become unresolved mentions that the event stage resolves from the document context.
// Thread-safety: stateless; all state is in the arguments.
#ifndef WARTA_ACTORS_ACTOR_MATCHER_H_
#define WARTA_ACTORS_ACTOR_MATCHER_H_

#include <string>
#include <string_view>
#include <vector>

#include "actors/actor_dictionary.h"
#include "lang/language_pack.h"
#include "text/token.h"

namespace warta {

// kIt: English "it" — the last single non-person subject (a country, an organisation).
enum class RefKind : uint8_t { kNone, kPerson, kPlural, kGroup, kCountry, kBoth, kIt };

struct Mention {
  uint32_t tb = 0, te = 0;  // token range in the document
  std::string code;         // CAMEO actor code; empty for an unresolved reference
  RefKind ref = RefKind::kNone;
  bool has_person = false;
  bool has_country = false;
  bool bare_agent = false;     // an agent with no country or organisation ("pasukan")
  bool locative = false;       // follows "di", "in", "at": a place, not an actor
  bool directional = false;    // follows "ke", "to": a destination (a target slot may take it)
  bool is_place_only = false;  // a gazetteer place that is not a country or capital
  bool absorbed = false;
  bool people = false;  // a plural demonym alone: "the Albanians", "Kurds"          // part of
                        // another mention's code ("soldiers from Gondor")
  int place = -1;       // gazetteer entry for use as a location
  int group = -1;       // index of the first mention of its compound group
  std::vector<std::string> pair;  // for kBoth once resolved: the two codes
};

struct SentenceView {
  std::string_view text;               // the whole document text
  const std::vector<Token>* tokens;    // the whole document's tokens
  uint32_t tb = 0, te = 0;             // this sentence
  const std::vector<Marker>* markers;  // markers of this sentence (document token indices)
};

// Appends the mentions of one sentence. `day` picks people's roles.
void FindMentions(const SentenceView& s, const LanguagePack& lang, const ActorDictionary& dict,
                  int64_t day, std::vector<Mention>* out);

}  // namespace warta

#endif  // WARTA_ACTORS_ACTOR_MATCHER_H_
