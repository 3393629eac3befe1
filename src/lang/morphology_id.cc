// Indonesian morphology: strips the inflectional and derivational affixes news text
// uses (me-/mem-/men-/meng-/meny-/memper-, di-/diper-, ber-, ter-, per-, pe-…-an,
// ke-…-an, -kan, -i, -an, -nya, -lah/-kah/-pun) and accepts a decomposition only when
// what remains is a known root, so "mengatakan" → "kata" (not libstemmer's "ata") and
// "memperbarui" → "baru". Nasal assimilation is undone: meny+vowel → s, men+vowel → t,
// mem+vowel → p, meng+vowel → k (each also tried without the restored consonant).
#include <atomic>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "lang/language_pack.h"
#include "util/strings.h"

namespace warta {
namespace {

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

struct Candidate {
  std::string stem;
  uint16_t affixes;
};

class IndonesianMorphology : public Morphology {
 public:
  explicit IndonesianMorphology(const Lexicon* lexicon)
      : lexicon_(lexicon), serial_(next_serial_.fetch_add(1) + 1) {}

  void AddRoot(WordId root) override { roots_.insert(root); }

  Analysis Analyze(std::string_view lower) const override {
    // Per-thread cache of analyses, for the morphology that filled it: keyed by a serial
    // number, not the address — a new morphology may be built where an old one was.
    thread_local uint64_t owner = 0;
    thread_local std::unordered_map<std::string, Analysis> cache;
    if (owner != serial_) {
      cache.clear();
      owner = serial_;
    }
    auto it = cache.find(std::string(lower));
    if (it != cache.end()) return it->second;
    Analysis a = Compute(lower);
    if (cache.size() > 200000) cache.clear();
    cache.emplace(std::string(lower), a);
    return a;
  }

 private:
  bool IsRoot(std::string_view s, WordId* id) const {
    if (s.size() < 2) return false;
    WordId w = lexicon_->Find(s);
    if (w == kNoWord || !roots_.count(w)) return false;
    *id = w;
    return true;
  }

  // Prefix decompositions of `w` (after suffixes are removed).
  static void Prefixes(std::string_view w, uint16_t suffix_bits, std::vector<Candidate>* out) {
    auto add = [&](std::string stem, uint16_t bits) {
      if (stem.size() >= 2)
        out->push_back({std::move(stem), static_cast<uint16_t>(bits | suffix_bits)});
    };
    add(std::string(w), 0);
    auto rest = [&](size_t n) { return std::string(w.substr(n)); };
    // The consonant a nasal prefix replaced ("menulis" → t+ulis). Built by append, not
    // `"t" + std::string`, which trips GCC 12's false -Wrestrict.
    auto restored = [&](char first, size_t n) {
      std::string s(1, first);
      s.append(w.substr(n));
      return s;
    };
    if (StartsWith(w, "memper")) add(rest(6), kPrefixMe | kPrefixPer);
    if (StartsWith(w, "diper")) add(rest(5), kPrefixDi | kPrefixPer);
    if (StartsWith(w, "menge")) add(rest(5), kPrefixMe);
    if (StartsWith(w, "penge")) add(rest(5), kPrefixPe);
    if (StartsWith(w, "meng")) {
      add(rest(4), kPrefixMe);
      if (w.size() > 4 && IsVowel(w[4])) add(restored('k', 4), kPrefixMe);
    }
    if (StartsWith(w, "peng")) {
      add(rest(4), kPrefixPe);
      if (w.size() > 4 && IsVowel(w[4])) add(restored('k', 4), kPrefixPe);
    }
    if (StartsWith(w, "meny") && w.size() > 4 && IsVowel(w[4])) add(restored('s', 4), kPrefixMe);
    if (StartsWith(w, "peny") && w.size() > 4 && IsVowel(w[4])) add(restored('s', 4), kPrefixPe);
    if (StartsWith(w, "mem")) {
      add(rest(3), kPrefixMe);
      if (w.size() > 3 && IsVowel(w[3])) add(restored('p', 3), kPrefixMe);
    }
    if (StartsWith(w, "pem")) {
      add(rest(3), kPrefixPe);
      if (w.size() > 3 && IsVowel(w[3])) add(restored('p', 3), kPrefixPe);
    }
    if (StartsWith(w, "men")) {
      add(rest(3), kPrefixMe);
      if (w.size() > 3 && IsVowel(w[3])) add(restored('t', 3), kPrefixMe);
    }
    if (StartsWith(w, "pen")) {
      add(rest(3), kPrefixPe);
      if (w.size() > 3 && IsVowel(w[3])) add(restored('t', 3), kPrefixPe);
    }
    if (StartsWith(w, "me")) add(rest(2), kPrefixMe);
    if (StartsWith(w, "pe")) add(rest(2), kPrefixPe);
    if (StartsWith(w, "di")) {
      add(rest(2), kPrefixDi);
    }
    if (StartsWith(w, "ter")) add(rest(3), kPrefixTer);
    if (StartsWith(w, "ber")) add(rest(3), kPrefixBer);
    if (StartsWith(w, "bel")) add(rest(3), kPrefixBer);
    if (StartsWith(w, "be")) add(rest(2), kPrefixBer);
    if (StartsWith(w, "per")) add(rest(3), kPrefixPer);
    if (StartsWith(w, "ke")) add(rest(2), kPrefixKe);
    if (StartsWith(w, "se")) add(rest(2), 0);
    // Second-level prefixes: memper-/diper- handled; "dipe-" + nasal? rare. "keber-" as in
    // "keberhasilan": ke + ber + hasil + an.
    if (StartsWith(w, "keber")) add(rest(5), kPrefixKe | kPrefixBer);
    if (StartsWith(w, "keter")) add(rest(5), kPrefixKe | kPrefixTer);
    if (StartsWith(w, "diber")) add(rest(5), kPrefixDi | kPrefixBer);
  }

  Analysis Compute(std::string_view w) const {
    Analysis a;
    WordId id;
    if (IsRoot(w, &id)) return {id, 0};
    WordId self = lexicon_->Find(w);
    // Reduplication: "bangsa-bangsa" is tokenised apart; "serang-menyerang" likewise.
    std::vector<Candidate> bases;
    bases.push_back({std::string(w), 0});
    // Particles and possessives.
    for (std::string_view p : {"lah", "kah", "pun", "tah"}) {
      if (EndsWith(w, p) && w.size() > p.size() + 2)
        bases.push_back({std::string(w.substr(0, w.size() - p.size())), 0});
    }
    size_t nb = bases.size();
    for (size_t i = 0; i < nb; ++i) {
      std::string b = bases[i].stem;
      for (std::string_view p : {"nya", "ku", "mu"}) {
        if (EndsWith(b, p) && b.size() > p.size() + 2)
          bases.push_back({b.substr(0, b.size() - p.size()), kSuffixNya});
      }
    }
    std::vector<Candidate> cands;
    for (const Candidate& base : bases) {
      std::string_view b = base.stem;
      Prefixes(b, base.affixes, &cands);
      struct Suf {
        std::string_view s;
        uint16_t bit;
      };
      for (Suf suf : {Suf{"kan", kSuffixKan}, Suf{"an", kSuffixAn}, Suf{"i", kSuffixI}}) {
        if (EndsWith(b, suf.s) && b.size() > suf.s.size() + 2)
          Prefixes(b.substr(0, b.size() - suf.s.size()), base.affixes | suf.bit, &cands);
      }
    }
    // The longest root wins (least stripped); ties go to the earliest candidate.
    const Candidate* best = nullptr;
    WordId best_id = kNoWord;
    for (const Candidate& c : cands) {
      WordId rid;
      if (!IsRoot(c.stem, &rid)) continue;
      if (!best || c.stem.size() > best->stem.size()) {
        best = &c;
        best_id = rid;
      }
    }
    if (best) return {best_id, best->affixes};
    a.root = self;
    // Unknown root: still note a passive di- or active me- prefix for voice.
    if (StartsWith(w, "di") && w.size() > 5)
      a.affixes |= kPrefixDi;
    else if (StartsWith(w, "me") && w.size() > 5)
      a.affixes |= kPrefixMe;
    return a;
  }

  const Lexicon* lexicon_;
  const uint64_t serial_;
  static inline std::atomic<uint64_t> next_serial_{0};
  std::unordered_set<WordId> roots_;
};

}  // namespace

std::unique_ptr<Morphology> MakeIndonesianMorphology(const Lexicon* lexicon) {
  return std::make_unique<IndonesianMorphology>(lexicon);
}

}  // namespace warta
