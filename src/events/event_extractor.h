// EventExtractor: from the actors and patterns of one sentence to events.
//
// For every pattern match it decides who acted on whom: the source is the clause
// subject (scanning left past adverbs and modals to the nearest actor; the main
// clause's subject for a fronted "Setelah …," clause; the antecedent for a relative
// clause), or the agent after "oleh"/"by" (or right after a di- verb) in the passive;
// the target is the pattern's $T slot, the passive subject, or each other for a
// compound subject of a reciprocal pattern. It marks negation ("tidak", "never",
// "denied that"), applies intent, demand and refusal (promised / demanded / refused
// actions become CAMEO 03x/13x, 10x, 12x codes), attributes quotes ("…, kata Kerry":
// the speaker makes the demand), and dates and places each event from the sentence.
// Thread-safety: const; all per-document state lives in DocState.
#ifndef WARTA_EVENTS_EVENT_EXTRACTOR_H_
#define WARTA_EVENTS_EVENT_EXTRACTOR_H_

#include <string>
#include <vector>

#include "actors/actor_matcher.h"
#include "events/event_codes.h"
#include "events/pattern.h"
#include "resolve/dates.h"

namespace warta {

// Per-document working state: tokens, sentences and the discourse context that
// pronouns and "kedua negara" resolve against.
struct DocState {
  std::string_view text;
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::vector<bool> skip;  // boilerplate sentences
  CivilDate doc_date;
  CivilDate story_date;  // the news peg: "pada Selasa" in the lead, else the doc date
  int64_t day = 0;       // doc date in days, for people's roles
  int dateline_place = -1;
  uint32_t dateline_end = 0;  // tokens before this are the dateline
  // Discourse context.
  std::string last_person;
  std::string last_group;  // armed group / organisation
  std::string last_country;
  std::vector<std::string> last_subject;
  std::vector<std::string> last_pair;
  bool home_cue = false;  // the document named something of the language's home country
  void Reset() {
    tokens.clear();
    sentences.clear();
    skip.clear();
    dateline_place = -1;
    dateline_end = 0;
    last_person.clear();
    last_group.clear();
    last_country.clear();
    last_subject.clear();
    last_pair.clear();
    home_cue = false;
  }
};

struct RawActor {
  std::string code;
  uint32_t tb = 0, te = 0;  // token range of the mention
};

struct RawEvent {
  RawActor source;
  bool has_target = false;
  RawActor target;
  std::string code;
  const Pattern* pattern = nullptr;
  bool negated = false;
  std::vector<std::string> modality;
  CivilDate date;
  int place = -1;
  uint32_t sentence = 0;
  uint32_t trigger_tb = 0, trigger_te = 0;
};

class EventExtractor {
 public:
  EventExtractor(const LanguagePack& lang, const ActorDictionary& dict, const PatternSet& patterns,
                 const EventCodes& codes)
      : lang_(lang), dict_(dict), patterns_(patterns), codes_(codes) {}

  void ProcessSentence(DocState* doc, uint32_t sentence_index, std::vector<RawEvent>* out) const;

 private:
  const LanguagePack& lang_;
  const ActorDictionary& dict_;
  const PatternSet& patterns_;
  const EventCodes& codes_;
};

}  // namespace warta

#endif  // WARTA_EVENTS_EVENT_EXTRACTOR_H_
