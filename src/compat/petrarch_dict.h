// Reader for PETRARCH / TABARI dictionaries (CAMEO verb patterns, actors, agents,
// discards) so that users can bring their own dictionaries to warta. This module only
// parses the text formats into plain structures and reports malformed lines; turning
// them into warta patterns and actors is the engine's job. It depends on the standard
// library only. Thread-safety: pure functions.
//
// Common lexical rules (all four formats):
//   - `<!-- ... -->` comments are removed, also when they span several lines;
//   - a line whose first character is `#` is a comment, and `#` anywhere else ends the
//     line (as PETRARCH does, so `[ELI]# note` is `[ELI]`); `;`, the old KEDS/TABARI
//     comment mark (`SCRAP {SCRAPS SCRAPPED};shan 8/30/93`), also ends the line;
//   - a line starting with `<!` that is not a `<!--` comment is skipped (PETRARCH);
//   - blank lines are ignored; words are upper-cased (ASCII); codes keep their case;
//   - line numbers in errors and in the `line` fields are 1-based lines of the input.
// Malformed lines are reported as "line N: what is wrong" and skipped; the parsers never
// throw on bad input.
#ifndef WARTA_COMPAT_PETRARCH_DICT_H_
#define WARTA_COMPAT_PETRARCH_DICT_H_

#include <cstddef>
#include <string>
#include <vector>

namespace warta {

enum class PetrDictKind { kUnknown, kVerbs, kActors, kAgents, kDiscards };

const char* PetrDictKindName(PetrDictKind kind);

// Guesses the kind of dictionary from its content (not from its file name).
PetrDictKind DetectPetrDictKind(const std::string& text);

// ---------------------------------------------------------------------------------------
// Verb dictionary.
//
// A synonym set: `&NAME` followed by `+member` lines. Members are words or phrases
// (`_` and space both separate words). A member `+&OTHER` includes another synset; it
// may be defined anywhere in the file and is expanded here (cycles are reported).
// A name ending in `_` (`&AUXVERB1_`) or a member ending in `_` (`+CASH_`) gets no
// generated plural; the `_` is dropped from the name (`&AUXVERB1`).
struct PetrSynset {
  std::string name;                               // with '&', e.g. "&CURRENCY"
  std::vector<std::vector<std::string>> members;  // as written, nested sets expanded
  // The plural of each member that PETRARCH pluralises (last word, PetrNounPlural):
  // PETRARCH matches these too. Empty when the synset name ends in '_'.
  std::vector<std::vector<std::string>> plurals;
  bool no_plural = false;
  int line = 0;
};

// One pattern line `- words * words [code]` of a verb block.
// Tokens of `before` (left of the verb `*`) and `after` (right of it), in text order:
//   "WORD"   an upper-case word;
//   "$"      the source actor, "+" the target actor, "%" a compound actor (both),
//   "^"      skip a phrase (TABARI);
//   "&NAME"  a synset reference, kept as a reference (look it up in the synsets; its
//            `members` and `plurals` are the alternatives). References to undefined
//            synsets make the pattern an error (PETRARCH skips such patterns);
//   "_"      the two neighbouring elements must be adjacent (no words in between). A "_"
//            at the end of `before` or the start of `after` ties that element to the
//            verb itself: `IN_*` gives before {"IN","_"}, `*_OUT` gives after {"_","OUT"};
//   "(" ")"  a prepositional phrase (PETRARCH 2 syntax, `(TO BORDER)`): preposition
//            first, then the noun(s) it governs;
//   "{" "}"  a noun phrase (PETRARCH 2 syntax, `{ARMS SHIPMENT}`): last word is the head.
// The legacy TABARI forms `WORD_ *` and a trailing `_` are read as plain spaces, as
// PETRARCH does. `code` is the event code before ':' (may be "---" = no event, or empty
// for `[:173]`), `passive_code` the one after ':' (empty when there is no ':').
struct PetrPattern {
  std::vector<std::string> before, after;
  std::string code;
  std::string passive_code;
  int line = 0;
};

// One verb line of a block: `BREAK {BROKE BROKEN}`, `SAY [010]`, `+BREAK_DOWN {...}`,
// `WIRE_+TAP {WIRE_+TAPPED WIRE_+TAPPING}`. In a multi-word verb the `+` marks the word
// the parser will see as the verb (the head); a phrase written with spaces only
// (`LASH OUT`) takes its first word as the head.
struct PetrVerbEntry {
  std::vector<std::string> words;  // e.g. {"BREAK", "DOWN"}
  std::size_t head = 0;            // index of the verb word in `words`
  // Forms listed in {...}, each with the same shape as `words` (head in `irregular_head`).
  std::vector<std::vector<std::string>> irregular;
  std::vector<std::size_t> irregular_head;
  // True when {...} was given (even empty, `{}`): PETRARCH then generates no regular
  // forms. Otherwise PETRARCH adds PetrRegularVerbForms() of the head word.
  bool irregular_given = false;
  std::string code, passive_code;  // the line's own [code], else the block's
  bool own_code = false;
  int line = 0;
};

// One block `--- NAME [code] ---` with its verbs and patterns.
struct PetrVerb {
  std::string block;  // NAME of the header, e.g. "ABANDON" or "LASH OUT"
  // Single-word verbs of the block and their irregular forms from {...}, upper case,
  // in file order (regular -S/-ED/-ING forms are NOT included; see PetrRegularVerbForms).
  std::vector<std::string> forms;
  // Multi-word verbs and their irregular forms as tokens, the head marked with a leading
  // '+': `KLM_NOP_+RST` -> {"KLM","NOP","+RST"}.
  std::vector<std::vector<std::string>> multiword;
  std::vector<PetrVerbEntry> entries;  // all verb lines with their own codes
  std::string code = "---";            // block default (active) code
  std::string passive_code;            // block default passive code, "" if none
  std::vector<PetrPattern> patterns;   // patterns are keyed to the whole block
  int line = 0;
};

// A `~ a (a b ATTACK) SAY = a b 015` line of the TRANSFORMATIONS section, kept raw.
struct PetrTransformation {
  std::string text;  // without the leading '~'
  int line = 0;
};

struct PetrVerbDictionary {
  std::vector<PetrVerb> verbs;
  std::vector<PetrSynset> synsets;
  std::vector<PetrTransformation> transformations;
  std::vector<std::string> errors;
};

PetrVerbDictionary ParsePetrVerbDictionary(const std::string& text);
// Same, into caller-owned vectors (each may be null); results are appended.
void ParsePetrVerbs(const std::string& text, std::vector<PetrVerb>* verbs,
                    std::vector<PetrSynset>* synsets, std::vector<std::string>* errors);

// English inflection as PETRARCH generates it for verbs without {...}: the 3rd person
// singular (+S; +ES after S X Z CH SH; consonant+Y -> IES), the past (+ED; +D after E;
// consonant+Y -> IED) and the -ING form (+ING; a final E after a consonant is dropped).
// PETRARCH never doubles a final consonant (REGRET -> REGRETED): dictionaries list such
// verbs with {...}. Returned in the order {3sg, past, ing}; input must be upper case.
// Note: warta's English morphology lemmatises regular and irregular verbs, so the engine
// can match on base forms and use these only for exact-form matching.
std::vector<std::string> PetrRegularVerbForms(const std::string& base);

// The plural PETRARCH generates for synset members and agents: +ES after S X Z CH SH,
// consonant+Y -> IES, else +S. Upper case in, upper case out.
std::string PetrNounPlural(const std::string& noun);

// ---------------------------------------------------------------------------------------
// Actor dictionary (TABARI .actors):
//   NAME_WORDS [CODE]             primary phrase, optional code(s) on the same line
//   +ALIAS_WORDS                  synonym of the preceding primary phrase
//   <TAB>[CODE]                   code line (indented); several [..] may share a line
//   [CODE >YYMMDD] / [CODE <YYMMDD] / [CODE YYMMDD-YYMMDD]   date-restricted codes
// Dates are YYYYMMDD or YYMMDD (YY <= 30 is 20YY, else 19YY); `<` means up to and
// including the date, `>` from the date on, an interval includes both ends. A code
// without dates is the default. A primary phrase without any code is merged into the
// next actor as one more name (PETRARCH 1 gives both the codes that follow). `_` joins
// words; a trailing `_` (no-stemming mark) is dropped. `---STOP---` ends the file.
// Text after the codes of a name line is reported and ignored (the name is kept).
struct PetrActor {
  struct Code {
    std::string code;
    std::string from, to;  // YYYY-MM-DD or empty (open)
  };
  std::vector<std::string> names;  // upper-case words separated by one space
  std::vector<Code> codes;         // in file order
  int line = 0;                    // line of the first name
};

void ParsePetrActors(const std::string& text, std::vector<PetrActor>* actors,
                     std::vector<std::string>* errors);

// ---------------------------------------------------------------------------------------
// Agent dictionary:
//   NAME_WORDS {PLURAL ...} [~CODE]   `{}` = no plural; without {...} the plural is
//                                     generated with PetrNounPlural on the last word
//   !MARK! = A, B, C                  substitution set; `CONGRESS!PERSON! [~LEG]` yields
//                                     CONGRESSMAN, CONGRESSMEN, ... (no plurals added)
// `[~CODE]` appends the agent code after the actor code (suffix = true), `[CODE~]`
// puts it before (suffix = false). A code without `~` is taken as a suffix.
struct PetrAgent {
  std::vector<std::string> names;  // base, plurals, substitutions; words space-separated
  std::string code;                // without '~'
  bool suffix = true;
  int line = 0;
};

void ParsePetrAgents(const std::string& text, std::vector<PetrAgent>* agents,
                     std::vector<std::string>* errors);

// ---------------------------------------------------------------------------------------
// Discard list: one phrase a line; a leading `+` discards the whole story, otherwise
// only the sentence. A phrase ending in `_` must end at a word boundary (whole_word);
// otherwise its last word is a stem (PETRARCH: "treated as a stem"). Matching is not
// case-sensitive; `_` inside a phrase is a space.
struct PetrDiscard {
  std::string phrase;  // upper-case words separated by one space
  bool story_level = false;
  bool whole_word = false;
  int line = 0;
};

void ParsePetrDiscards(const std::string& text, std::vector<PetrDiscard>* discards,
                       std::vector<std::string>* errors);

}  // namespace warta

#endif  // WARTA_COMPAT_PETRARCH_DICT_H_
