// JSON of stored events, for `warta query`/`export --format jsonl` and the HTTP API: an event of the store (StoredEvent) with the
// mentions that report it, and per mention the spans to highlight in its sentence.
//
// The store keeps, per mention, the sentence text and its [begin, end) in the document
// and only the *start* offsets of the source, target and trigger (GDELT's
// Actor1/Actor2/ActionCharOffset). Ends are rebuilt here: an actor's end from the
// event's actor name when the sentence has that name at the offset (exact), else the
// word at the offset; the trigger is the word at its offset. `exact` says which.
// Thread-safety: pure functions.
#ifndef WARTA_STORE_EVENT_JSON_H_
#define WARTA_STORE_EVENT_JSON_H_

#include <cstdint>
#include <string>
#include <vector>

#include "warta/store.h"

namespace warta {

// A highlight in a mention's sentence: code points from the start of the sentence text.
struct Highlight {
  std::string role;  // "source", "target" or "trigger"
  int64_t begin = 0, end = 0;
  bool exact = false;  // the end is known (the actor's name is there), not a guess
};

// The highlights of one mention (source, target, trigger; those whose offset falls in
// the sentence), in that order.
std::vector<Highlight> MentionHighlights(const StoredEvent& event, const StoredMention& mention);

// Appends the event as one JSON object. Ids are strings: GLOBALEVENTIDs are 63-bit and
// JavaScript numbers hold 53.
void AppendStoredEventJson(const StoredEvent& event, const std::vector<StoredMention>& mentions,
                           std::string* out);

}  // namespace warta

#endif  // WARTA_STORE_EVENT_JSON_H_
