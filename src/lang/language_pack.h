// LanguagePack: everything language-specific, loaded from data/lang/<iso>/.
//
// A pack holds the function words the coder reasons with (negators, modal markers,
// attribution verbs, clause markers, pronouns, date words, abbreviations: lexicon.tsv),
// the agent words (agents.tsv) and a morphology that maps inflected words to the roots
// patterns are written over. Adding a language = adding a folder and a Morphology.
// Thread-safety: immutable after Load(); Morphology caches are per thread.
#ifndef WARTA_LANG_LANGUAGE_PACK_H_
#define WARTA_LANG_LANGUAGE_PACK_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lang/lexicon.h"
#include "warta/status.h"

namespace warta {

// Function-word categories of lexicon.tsv. The names in the file are the lowercase
// names below without the k ("negator", "say", "last_month", ...).
enum class Cat : uint8_t {
  kNegator,         // tidak, not, never: the event is not asserted
  kDeny,            // membantah, denied: what follows is not asserted
  kIntent,          // akan, will, pledged to: intent / future
  kMust,            // harus, must, should: obligation (a demand when quoted)
  kRefuse,          // menolak untuk, refused to
  kSay,             // kata, mengatakan, said: attribution
  kAccording,       // menurut, according to: attribution before the speaker
  kComplementizer,  // bahwa, that
  kRelative,        // yang, which, who
  kSubordinator,    // setelah, ketika, after, when: opens an adverbial clause
  kCoordinator,     // dan, and
  kClauseConj,      // tetapi, namun, but: opens a new clause
  kPassiveBy,       // oleh, by
  kPassiveAux,      // was, were, been (English passive)
  kAuxiliary,       // has, did, can, also, still, telah, sudah: between subject and verb
  kPreposition,     // of, on, over, during: a noun trigger after one has no clause subject
  kPronounPerson,   // ia, dia, he, she
  kPronounPlural,   // mereka, they
  kPronounIt,       // it: a country or organisation named as the last subject
  kNotName,         // Islam, Pemilu, Stadion: capitalised words that are no person's name
  kDiscard,         // gawang, wasit, striker: a sentence about sport codes no event
  kNameNoun,        // agreement, perjanjian: a city next to one names a treaty
  kModifiedNoun,    // offensive, contact: "military offensive" is no military actor
  kPossessive,      // its, their, his: "its troops" belong to someone already named
  kGroupRef,        // kelompok tersebut, the group
  kCountryRef,      // negara tersebut, the country
  kBoth,            // kedua negara, both countries
  kDeterminer,      // para, the: skipped before actors
  kHonorific,       // tuan, Mr.
  kLocative,        // di, in, at: a place follows
  kDirectional,     // ke, to: a destination follows
  kPurpose,         // untuk, to (infinitive)
  kMotion,          // menuju, heading: "going to X to do Y" expresses intent
  kWeekday,         // value 1..7 (Monday..Sunday)
  kMonth,           // value 1..12
  kToday,
  kYesterday,
  kLastWeek,
  kLastMonth,
  kLastYear,
  kThisYear,
  kYearMarker,    // tahun, in: before a year number
  kHistorical,    // masa lalu, formerly: the event is historical
  kAbbreviation,  // dr., prof., jl.: a period that does not end a sentence
  kBoilerplate,   // words of spam trailers and page furniture
  kStopword,      // frequent words, for language identification
  kCount
};

const char* CatName(Cat c);

// Morphological analysis of one lowercase word.
struct Analysis {
  WordId root = kNoWord;  // the root/lemma if known, else the word itself if known
  uint16_t affixes = 0;   // Affix bits
};

enum Affix : uint16_t {
  kPrefixMe = 1 << 0,   // me-, mem-, men-, meng-, meny-
  kPrefixDi = 1 << 1,   // di- (passive)
  kPrefixBer = 1 << 2,  // ber-
  kPrefixTer = 1 << 3,  // ter-
  kPrefixPe = 1 << 4,   // pe-, pem-, ... (nominal agent)
  kPrefixPer = 1 << 5,  // per-, memper-, diper-
  kPrefixKe = 1 << 6,   // ke-
  kSuffixKan = 1 << 7,
  kSuffixI = 1 << 8,
  kSuffixAn = 1 << 9,     // -an, pe-an, per-an, ke-an nominalisation
  kSuffixNya = 1 << 10,   // -nya (possessive / definite)
  kPast = 1 << 11,        // English -ed / irregular past
  kParticiple = 1 << 12,  // English past participle
  kGerund = 1 << 13,      // English -ing
  kPlural = 1 << 14,      // English -s
};

class Morphology {
 public:
  virtual ~Morphology() = default;
  // Adds a root the patterns are written over (called while loading).
  virtual void AddRoot(WordId root) = 0;
  // Analyses a lowercase word (thread-safe; results are cached per thread).
  virtual Analysis Analyze(std::string_view lower) const = 0;
};

struct Marker {
  uint32_t begin = 0;  // token index
  uint32_t end = 0;    // one past the last token
  Cat cat = Cat::kCount;
  int value = 0;
};

class LanguagePack {
 public:
  // Loads data/lang/<iso>/lexicon.tsv (+ roots.txt, irregular.tsv) into the shared lexicon.
  static Result<std::unique_ptr<LanguagePack>> Load(const std::string& data_dir,
                                                    const std::string& iso, Lexicon* lexicon);

  const std::string& iso() const { return iso_; }
  // The country a bare agent ("polisi", "anggota DPR") belongs to when a sentence names
  // no other ("home_country" in lexicon.tsv); empty for international languages.
  const std::string& home_country() const { return home_country_; }
  const Lexicon& lexicon() const { return *lexicon_; }
  const Morphology& morphology() const { return *morphology_; }
  Morphology* mutable_morphology() { return morphology_.get(); }

  // True when the single word `id` belongs to category c.
  bool Is(WordId id, Cat c) const {
    return id < word_cats_.size() && (word_cats_[id] >> static_cast<int>(c)) & 1;
  }
  // Value of a single-word entry (weekday or month number), 0 when none.
  int Value(WordId id, Cat c) const;
  // Finds all category phrases (single- and multi-word) in a token sequence given by
  // the tokens' lowercase word ids; longest match at each position.
  void FindMarkers(const WordId* words, size_t n, std::vector<Marker>* out) const;
  // Tokenises a phrase from a data file into word ids (interning them).
  static std::vector<WordId> InternPhrase(std::string_view phrase, Lexicon* lexicon);

  // Adds a phrase of a category (user dictionaries: PETRARCH discards). Before Finalize().
  void AddPhrase(std::string_view phrase, Cat cat, Lexicon* lexicon) {
    std::vector<WordId> words = InternPhrase(phrase, lexicon);
    if (!words.empty()) phrases_.push_back({std::move(words), cat, 0});
  }

  // Called when all dictionaries are loaded and the lexicon is complete.
  void Finalize();

 private:
  struct Phrase {
    std::vector<WordId> words;
    Cat cat;
    int value;
  };
  std::string iso_;
  std::string home_country_;
  Lexicon* lexicon_ = nullptr;
  std::unique_ptr<Morphology> morphology_;
  std::vector<Phrase> phrases_;
  std::unordered_map<WordId, std::vector<uint32_t>> phrases_by_first_;
  std::vector<uint64_t> word_cats_;
  std::unordered_map<uint64_t, int> values_;
};

std::unique_ptr<Morphology> MakeIndonesianMorphology(const Lexicon* lexicon);
std::unique_ptr<Morphology> MakeEnglishMorphology(const Lexicon* lexicon,
                                                  const std::string& irregular_path,
                                                  Lexicon* interner, Status* status);

}  // namespace warta

#endif  // WARTA_LANG_LANGUAGE_PACK_H_
