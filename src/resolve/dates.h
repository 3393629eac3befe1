// Temporal expressions in a sentence, resolved against the document date: weekdays
// ("pada Selasa" = the Tuesday on or before the document date), today/yesterday,
// last week/month/year, explicit years ("tahun 2008", "in 2008"), month names with or
// without day and year ("12 Oktober 2014", "October 2014"), and d/m/y dates
// ("25/9/2014"). Each keeps its precision (YYYY, YYYY-MM, YYYY-MM-DD).
// Thread-safety: stateless functions.
#ifndef WARTA_RESOLVE_DATES_H_
#define WARTA_RESOLVE_DATES_H_

#include <vector>

#include "actors/actor_matcher.h"
#include "util/date.h"

namespace warta {

struct TimeRef {
  uint32_t tb = 0, te = 0;  // token range
  CivilDate date;
  bool relative_day = false;  // weekday / today / yesterday: the news peg
};

void FindTimeRefs(const SentenceView& s, const LanguagePack& lang, const CivilDate& doc_date,
                  std::vector<TimeRef>* out);

}  // namespace warta

#endif  // WARTA_RESOLVE_DATES_H_
