// Scorer: compares coded events with a hand-coded gold file, with the same matching
// and figures as ../shared/eval/score.py (precision, recall, F1 at country or full
// actor level; forbidden sentences; exact codes and dates), so users can validate
// their own dictionaries with `warta eval`. Thread-safety: pure function.
#ifndef WARTA_EVAL_SCORER_H_
#define WARTA_EVAL_SCORER_H_

#include <string>
#include <vector>

#include "warta/status.h"

namespace warta {

struct ScoreResult {
  std::string level;
  int docs = 0, required = 0, produced = 0, matched_required = 0, matched_optional = 0;
  int false_positives = 0, forbidden_hits = 0, forbidden_sentences = 0, forbidden_total = 0;
  double precision = 0, recall = 0, f1 = 0;
  int code_exact = 0, code_total = 0, date_ok = 0, date_total = 0;
  std::vector<std::string> misses;  // "MISS ..." and "EXTRA ..." lines
  std::string ToString() const;     // one line, key=value like score.py
};

Result<ScoreResult> ScoreFiles(const std::string& gold_path, const std::string& events_path,
                               const std::string& level);

// Whether a produced actor code satisfies a gold actor spec ("USA|RUS", "*", "IMG").
bool ActorMatches(const std::string& spec, const std::string& produced, const std::string& level);

}  // namespace warta

#endif  // WARTA_EVAL_SCORER_H_
