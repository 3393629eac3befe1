// Tone: a GDELT-like document tone from word lists of our own (data/tone/<lang>.tsv).
//
// Tone = (positive words - negative words) / all words * 100, as GDELT's AvgTone; the
// positive and negative scores are the two shares in percent. Words are matched
// lower-cased and whole. Thread-safety: immutable after Load(); Score() is const.
#ifndef WARTA_STORE_TONE_H_
#define WARTA_STORE_TONE_H_

#include <string>
#include <string_view>
#include <unordered_map>

#include "warta/status.h"

namespace warta::store {

struct ToneScore {
  double tone = 0;
  double positive = 0;  // percent of words
  double negative = 0;  // percent of words
  int64_t words = 0;
};

class ToneLexicon {
 public:
  // Reads every data_dir/tone/*.tsv: "word<TAB>+1" or "word<TAB>-1". A language
  // without a file scores 0.
  Status Load(const std::string& data_dir);
  // Adds one word (tests).
  void Add(const std::string& lang, std::string_view word, int polarity);
  // lang: "en", "id", ...; unknown or empty: every list at once.
  ToneScore Score(std::string_view text, const std::string& lang) const;

 private:
  // word → polarity, per language; "" holds the union.
  std::unordered_map<std::string, std::unordered_map<std::string, int>> words_;
};

}  // namespace warta::store

#endif  // WARTA_STORE_TONE_H_
