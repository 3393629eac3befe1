#include "lang/language_pack.h"

#include <algorithm>
#include <filesystem>

#include "text/token.h"
#include "util/strings.h"
#include "util/tsv.h"
#include "util/utf8.h"

namespace warta {

namespace {

struct CatNameEntry {
  Cat cat;
  const char* name;
};

constexpr CatNameEntry kCatNames[] = {
    {Cat::kNegator, "negator"},
    {Cat::kDeny, "deny"},
    {Cat::kIntent, "intent"},
    {Cat::kMust, "must"},
    {Cat::kRefuse, "refuse"},
    {Cat::kSay, "say"},
    {Cat::kAccording, "according"},
    {Cat::kComplementizer, "complementizer"},
    {Cat::kRelative, "relative"},
    {Cat::kSubordinator, "subordinator"},
    {Cat::kCoordinator, "coordinator"},
    {Cat::kClauseConj, "clause_conj"},
    {Cat::kPassiveBy, "passive_by"},
    {Cat::kPassiveAux, "passive_aux"},
    {Cat::kAuxiliary, "auxiliary"},
    {Cat::kPronounIt, "pronoun_it"},
    {Cat::kNotName, "not_name"},
    {Cat::kDiscard, "discard"},
    {Cat::kNameNoun, "name_noun"},
    {Cat::kModifiedNoun, "modified_noun"},
    {Cat::kPossessive, "possessive"},
    {Cat::kPreposition, "preposition"},
    {Cat::kPronounPerson, "pronoun_person"},
    {Cat::kPronounPlural, "pronoun_plural"},
    {Cat::kGroupRef, "group_ref"},
    {Cat::kCountryRef, "country_ref"},
    {Cat::kBoth, "both"},
    {Cat::kDeterminer, "determiner"},
    {Cat::kHonorific, "honorific"},
    {Cat::kLocative, "locative"},
    {Cat::kDirectional, "directional"},
    {Cat::kPurpose, "purpose"},
    {Cat::kMotion, "motion"},
    {Cat::kWeekday, "weekday"},
    {Cat::kMonth, "month"},
    {Cat::kToday, "today"},
    {Cat::kYesterday, "yesterday"},
    {Cat::kLastWeek, "last_week"},
    {Cat::kLastMonth, "last_month"},
    {Cat::kLastYear, "last_year"},
    {Cat::kThisYear, "this_year"},
    {Cat::kYearMarker, "year_marker"},
    {Cat::kHistorical, "historical"},
    {Cat::kAbbreviation, "abbreviation"},
    {Cat::kBoilerplate, "boilerplate"},
    {Cat::kStopword, "stopword"},
};

class IdentityMorphology : public Morphology {
 public:
  explicit IdentityMorphology(const Lexicon* lexicon) : lexicon_(lexicon) {}
  void AddRoot(WordId) override {}
  Analysis Analyze(std::string_view lower) const override { return {lexicon_->Find(lower), 0}; }

 private:
  const Lexicon* lexicon_;
};

}  // namespace

const char* CatName(Cat c) {
  for (const auto& e : kCatNames)
    if (e.cat == c) return e.name;
  return "?";
}

std::vector<WordId> LanguagePack::InternPhrase(std::string_view phrase, Lexicon* lexicon) {
  std::vector<Token> tokens;
  Tokenize(phrase, &tokens);
  std::vector<WordId> ids;
  std::string lower;
  for (const Token& t : tokens) {
    lower.clear();
    utf8::AppendLower(TokenText(phrase, t), &lower);
    ids.push_back(lexicon->Intern(lower));
  }
  return ids;
}

Result<std::unique_ptr<LanguagePack>> LanguagePack::Load(const std::string& data_dir,
                                                         const std::string& iso, Lexicon* lexicon) {
  auto pack = std::make_unique<LanguagePack>();
  pack->iso_ = iso;
  pack->lexicon_ = lexicon;
  std::string dir = data_dir + "/lang/" + iso;
  if (!std::filesystem::is_directory(dir)) {
    return Status::NotFound(dir + ": no language pack for \"" + iso + "\"");
  }
  auto file = ReadDataFile(dir + "/lexicon.tsv");
  if (!file.ok()) return file.status();
  for (const DataLine& line : file->lines) {
    if (line.fields.size() < 2) {
      return Status::DataError(file->Where(line) + ": expected \"category<TAB>phrase\"");
    }
    if (line.fields[0] == "home_country") {
      // A setting, not a category: whose news this language mostly is.
      pack->home_country_ = line.fields[1];
      continue;
    }
    Cat cat = Cat::kCount;
    for (const auto& e : kCatNames)
      if (line.fields[0] == e.name) cat = e.cat;
    if (cat == Cat::kCount) {
      return Status::DataError(file->Where(line) + ": unknown category \"" + line.fields[0] + "\"");
    }
    int value = 0;
    if (line.fields.size() >= 3 && !line.fields[2].empty())
      value = std::atoi(line.fields[2].c_str());
    std::vector<WordId> words = InternPhrase(line.fields[1], lexicon);
    if (words.empty()) return Status::DataError(file->Where(line) + ": empty phrase");
    pack->phrases_.push_back({std::move(words), cat, value});
  }
  if (iso == "id") {
    pack->morphology_ = MakeIndonesianMorphology(lexicon);
  } else if (iso == "en") {
    Status st;
    pack->morphology_ = MakeEnglishMorphology(lexicon, dir + "/irregular.tsv", lexicon, &st);
    if (!st.ok()) return st;
  } else {
    pack->morphology_ = std::make_unique<IdentityMorphology>(lexicon);
  }
  // Roots the language knows beyond those the patterns name.
  auto roots = ReadDataFile(dir + "/roots.txt", /*optional=*/true);
  if (!roots.ok()) return roots.status();
  for (const DataLine& line : roots->lines) {
    for (std::string_view w : SplitWords(line.text)) {
      pack->morphology_->AddRoot(lexicon->Intern(utf8::Lower(w)));
    }
  }
  return pack;
}

void LanguagePack::Finalize() {
  word_cats_.assign(lexicon_->size(), 0);
  phrases_by_first_.clear();
  for (uint32_t i = 0; i < phrases_.size(); ++i) {
    const Phrase& p = phrases_[i];
    if (p.words.size() == 1) {
      word_cats_[p.words[0]] |= uint64_t{1} << static_cast<int>(p.cat);
      if (p.value) values_[(uint64_t{p.words[0]} << 8) | static_cast<int>(p.cat)] = p.value;
    }
    phrases_by_first_[p.words[0]].push_back(i);
  }
  for (auto& [first, list] : phrases_by_first_) {
    std::stable_sort(list.begin(), list.end(), [&](uint32_t a, uint32_t b) {
      return phrases_[a].words.size() > phrases_[b].words.size();
    });
  }
}

int LanguagePack::Value(WordId id, Cat c) const {
  auto it = values_.find((uint64_t{id} << 8) | static_cast<int>(c));
  return it == values_.end() ? 0 : it->second;
}

void LanguagePack::FindMarkers(const WordId* words, size_t n, std::vector<Marker>* out) const {
  for (size_t i = 0; i < n; ++i) {
    if (words[i] == kNoWord) continue;
    auto it = phrases_by_first_.find(words[i]);
    if (it == phrases_by_first_.end()) continue;
    size_t longest = 0;
    for (uint32_t idx : it->second) {
      const Phrase& p = phrases_[idx];
      if (longest && p.words.size() < longest) break;
      if (i + p.words.size() > n) continue;
      if (!std::equal(p.words.begin(), p.words.end(), words + i)) continue;
      longest = p.words.size();
      out->push_back(
          {static_cast<uint32_t>(i), static_cast<uint32_t>(i + p.words.size()), p.cat, p.value});
    }
  }
}

}  // namespace warta
