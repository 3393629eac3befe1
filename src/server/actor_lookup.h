// ActorLookup: how a name codes in the actor dictionaries, and why — what
// `warta actors lookup` prints, as JSON for `GET /v1/actors/lookup`.
//
// Thread-safety: Lookup() may be called from many threads; it takes a lock, because
// turning a name into word ids interns unknown words into the dictionary's lexicon.
#ifndef WARTA_SERVER_ACTOR_LOOKUP_H_
#define WARTA_SERVER_ACTOR_LOOKUP_H_

#include <memory>
#include <mutex>
#include <string>

#include "actors/actor_dictionary.h"
#include "lang/lexicon.h"
#include "warta/status.h"

namespace warta::server {

class ActorLookup {
 public:
  static Result<std::unique_ptr<ActorLookup>> Load(const std::string& data_dir);

  // Appends {"name", "date", "lang", "entries": [...]} for the entries of `name` valid
  // in `lang` ("" = any); `day` (days since 1970-01-01) picks people's roles. Returns
  // the number of entries found.
  int Lookup(const std::string& name, int64_t day, const std::string& lang,
             std::string* json) const;

 private:
  ActorLookup() = default;
  mutable std::mutex mu_;
  mutable Lexicon lexicon_;
  std::unique_ptr<ActorDictionary> dict_;
};

}  // namespace warta::server

#endif  // WARTA_SERVER_ACTOR_LOOKUP_H_
