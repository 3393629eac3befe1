// Event: one coded happening — who did what to whom, when and where, and why warta
// says so (sentence, spans, rule). Mirrors the event JSON contract of DESIGN.md.
// Spans are [begin, end) offsets in Unicode code points into Document::text.
// Thread-safety: plain values.
#ifndef WARTA_EVENT_H_
#define WARTA_EVENT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace warta {

struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
};

struct ActorRef {
  std::string code;  // CAMEO actor code: USA, USAGOV, IMGMUSISI, ...
  std::string text;  // the words of the mention
  Span span;
};

struct Location {
  std::string name;
  std::string country;  // ISO 3166 alpha-2, as GDELT's ActionGeo_CountryCode
  std::string country3;  // ISO 3166 alpha-3
  double lat = 0;
  double lon = 0;
};

struct Event {
  std::string doc_id;
  std::string event_id;  // stable hash of doc, sentence, actors and code
  std::string date;      // YYYY, YYYY-MM or YYYY-MM-DD
  ActorRef source;
  std::optional<ActorRef> target;
  std::string code;  // CAMEO event code
  std::string root;  // its first two digits
  int quad_class = 0;
  double goldstein = 0;
  std::string plover;  // empty when PLOVER has no category
  bool negated = false;
  std::vector<std::string> modality;  // "intent", "demand", "appeal", "reported", ...
  int sentence_index = 0;
  std::string sentence_text;
  Span sentence_span;
  Span trigger_span;  // the words that fired the rule
  std::optional<Location> location;
  std::string rule;  // e.g. "id/19/caplok"
};

}  // namespace warta

#endif  // WARTA_EVENT_H_
