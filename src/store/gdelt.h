// GDELT 2.0 export layouts: the event table (61 tab-separated columns) and the
// mentions table (16), in the order of the GDELT 2.0 Event Codebook, so that GDELT
// tooling reads warta's files. Columns warta does not know (ethnic and religion codes,
// actor geography, ADM codes, feature ids, translation info) are left empty.
// Thread-safety: pure functions.
#ifndef WARTA_STORE_GDELT_H_
#define WARTA_STORE_GDELT_H_

#include <string>
#include <string_view>

#include "warta/store.h"

namespace warta::store {

constexpr int kGdeltEventColumns = 61;
constexpr int kGdeltMentionColumns = 16;

// The codebook's column names, tab-separated (GDELT's files have no header; this is
// for readers who want one).
std::string GdeltEventHeader();
std::string GdeltMentionHeader();

// One row each, without the trailing newline.
void AppendGdeltEvent(const StoredEvent& ev, std::string* out);
void AppendGdeltMention(const StoredEvent& ev, const StoredMention& m, std::string* out);

// A CAMEO actor code split as GDELT does: country (ISO alpha-3) and up to three type
// codes. "IDNGOV" → IDN, GOV; "GOV" → -, GOV; "IGOUNO" → -, IGO.
struct ActorParts {
  std::string country;
  std::string types[3];
};
ActorParts SplitActorCode(std::string_view code);

}  // namespace warta::store

#endif  // WARTA_STORE_GDELT_H_
