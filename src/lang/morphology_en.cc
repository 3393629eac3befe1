// English morphology: maps inflected forms to lemmas for the verbs and nouns patterns
// are written over — irregular forms from irregular.tsv ("met" → "meet"), then the
// regular -s/-es/-ies, -ed/-ied and -ing rules with e-restoration and undoubled
// consonants ("stopped" → "stop", "seized" → "seize"). A rule applies only when it
// yields a known lemma, so "news" never becomes "new".
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "lang/language_pack.h"
#include "util/strings.h"
#include "util/tsv.h"

namespace warta {
namespace {

class EnglishMorphology : public Morphology {
 public:
  explicit EnglishMorphology(const Lexicon* lexicon) : lexicon_(lexicon) {}

  void AddRoot(WordId root) override { lemmas_.insert(root); }
  void AddIrregular(WordId form, WordId lemma, uint16_t bits) {
    irregular_[form] = {lemma, bits};
    lemmas_.insert(lemma);
  }

  Analysis Analyze(std::string_view w) const override {
    WordId self = lexicon_->Find(w);
    if (self != kNoWord) {
      auto it = irregular_.find(self);
      if (it != irregular_.end()) return it->second;
      if (lemmas_.count(self)) return {self, 0};
    }
    struct Rule {
      std::string_view suffix;
      std::string_view replacement;
      uint16_t bits;
      bool undouble;
    };
    static constexpr Rule kRules[] = {
        {"ies", "y", kPlural, false},   {"ied", "y", kPast | kParticiple, false},
        {"ing", "", kGerund, false},     {"ing", "e", kGerund, false},
        {"ing", "", kGerund, true},      {"ed", "", kPast | kParticiple, false},
        {"ed", "e", kPast | kParticiple, false}, {"ed", "", kPast | kParticiple, true},
        {"es", "", kPlural, false},      {"s", "", kPlural, false},
        {"'s", "", 0, false},
    };
    std::string stem;
    for (const Rule& r : kRules) {
      if (!EndsWith(w, r.suffix) || w.size() < r.suffix.size() + 2) continue;
      stem.assign(w.substr(0, w.size() - r.suffix.size()));
      if (r.undouble) {
        if (stem.size() < 3 || stem.back() != stem[stem.size() - 2]) continue;
        stem.pop_back();
      }
      stem.append(r.replacement);
      WordId id = lexicon_->Find(stem);
      if (id != kNoWord && lemmas_.count(id)) return {id, r.bits};
    }
    Analysis a{self, 0};
    if (EndsWith(w, "ed")) a.affixes = kPast | kParticiple;
    else if (EndsWith(w, "ing")) a.affixes = kGerund;
    return a;
  }

 private:
  const Lexicon* lexicon_;
  std::unordered_set<WordId> lemmas_;
  std::unordered_map<WordId, Analysis> irregular_;
};

}  // namespace

std::unique_ptr<Morphology> MakeEnglishMorphology(const Lexicon* lexicon,
                                                  const std::string& irregular_path,
                                                  Lexicon* interner, Status* status) {
  auto m = std::make_unique<EnglishMorphology>(lexicon);
  // irregular.tsv: lemma  past  participle (forms may be "a|b" alternatives)
  auto file = ReadDataFile(irregular_path, /*optional=*/true);
  if (!file.ok()) {
    *status = file.status();
    return m;
  }
  for (const DataLine& line : file->lines) {
    if (line.fields.size() < 3) {
      *status = Status::DataError(file->Where(line) + ": expected \"lemma<TAB>past<TAB>participle\"");
      return m;
    }
    WordId lemma = interner->Intern(line.fields[0]);
    for (std::string_view f : Split(line.fields[1], '|'))
      m->AddIrregular(interner->Intern(f), lemma, kPast);
    for (std::string_view f : Split(line.fields[2], '|'))
      m->AddIrregular(interner->Intern(f), lemma, kPast | kParticiple);
  }
  return m;
}

}  // namespace warta
