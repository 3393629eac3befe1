// Tests of the PETRARCH/TABARI dictionary reader on small hand-written snippets, plus a
// smoke test over the reference dictionaries in ../shared (skipped when absent).
#include "compat/petrarch_dict.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace warta {
namespace {

using Words = std::vector<std::string>;

const PetrSynset* FindSet(const std::vector<PetrSynset>& sets, const std::string& name) {
  for (const auto& s : sets)
    if (s.name == name) return &s;
  return nullptr;
}

bool Has(const std::vector<Words>& v, const Words& w) {
  return std::find(v.begin(), v.end(), w) != v.end();
}

bool HasStr(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST(PetrVerbs, SynsetsIncludingNestedAndPlurals) {
  const std::string text =
      "<!-- synsets -->\n"
      "&TIES\n"
      "+MILITARY\n"
      "+economic_policy   # a comment\n"
      "&MONEY_\n"
      "+CASH\n"
      "+PESO\n"
      "&MIX\n"
      "+&TIES\n"
      "+CLOSER\n"
      "+&LATER\n"  // defined further down: still expanded
      "+GOLD_\n"
      "&LATER\n"
      "+SOON\n";
  PetrVerbDictionary d = ParsePetrVerbDictionary(text);
  EXPECT_TRUE(d.errors.empty()) << d.errors[0];
  ASSERT_EQ(d.synsets.size(), 4u);
  const PetrSynset* ties = FindSet(d.synsets, "&TIES");
  ASSERT_NE(ties, nullptr);
  EXPECT_EQ(ties->line, 2);
  EXPECT_EQ(ties->members, (std::vector<Words>{{"MILITARY"}, {"ECONOMIC", "POLICY"}}));
  EXPECT_EQ(ties->plurals, (std::vector<Words>{{"MILITARIES"}, {"ECONOMIC", "POLICIES"}}));
  const PetrSynset* money = FindSet(d.synsets, "&MONEY");  // trailing '_' dropped
  ASSERT_NE(money, nullptr);
  EXPECT_TRUE(money->no_plural);
  EXPECT_TRUE(money->plurals.empty());
  const PetrSynset* mix = FindSet(d.synsets, "&MIX");
  ASSERT_NE(mix, nullptr);
  EXPECT_EQ(
      mix->members,
      (std::vector<Words>{{"MILITARY"}, {"ECONOMIC", "POLICY"}, {"CLOSER"}, {"SOON"}, {"GOLD"}}));
  EXPECT_TRUE(Has(mix->plurals, {"CLOSERS"}));
  EXPECT_TRUE(Has(mix->plurals, {"MILITARIES"}));
  EXPECT_FALSE(Has(mix->plurals, {"GOLDS"}));  // member ends in '_'
}

TEST(PetrVerbs, SynsetCyclesAndUndefinedNestedSetsAreErrors) {
  PetrVerbDictionary d = ParsePetrVerbDictionary("&A\n+&B\n+X\n&B\n+&A\n&C\n+&NOPE\n+Y\n");
  ASSERT_EQ(d.errors.size(), 3u);
  EXPECT_EQ(d.errors[0], "line 4: synset &B has no members");
  EXPECT_EQ(d.errors[1], "line 5: synset &B includes itself via &A");
  EXPECT_EQ(d.errors[2], "line 7: undefined synset &NOPE in &C");
  EXPECT_EQ(FindSet(d.synsets, "&C")->members, (std::vector<Words>{{"Y"}}));
  EXPECT_EQ(FindSet(d.synsets, "&A")->members, (std::vector<Words>{{"X"}}));
}

TEST(PetrVerbs, BlocksFormsAndCodes) {
  const std::string text =
      "--- ABANDON  [345]  ---\n"
      "ABANDON    # pas\n"
      "BREAK { BROKE BROKEN  }\n"
      "+BREAK_DOWN {+BREAKS_DOWN +BROKE_DOWN}\n"
      "KLM_NOP_+RST [002]\n"
      "LASH OUT\n"
      "\n"
      "--- ADMIT  [013:012] ---\n"
      "ADMIT\n"
      "--- NOTHING ---\n"
      "IDLE\n";
  std::vector<PetrVerb> verbs;
  std::vector<PetrSynset> sets;
  std::vector<std::string> errors;
  ParsePetrVerbs(text, &verbs, &sets, &errors);
  EXPECT_TRUE(errors.empty()) << errors[0];
  ASSERT_EQ(verbs.size(), 3u);
  const PetrVerb& v = verbs[0];
  EXPECT_EQ(v.block, "ABANDON");
  EXPECT_EQ(v.code, "345");
  EXPECT_EQ(v.passive_code, "");
  EXPECT_EQ(v.line, 1);
  EXPECT_EQ(v.forms, (Words{"ABANDON", "BREAK", "BROKE", "BROKEN"}));
  EXPECT_EQ(v.multiword, (std::vector<Words>{{"+BREAK", "DOWN"},
                                             {"+BREAKS", "DOWN"},
                                             {"+BROKE", "DOWN"},
                                             {"KLM", "NOP", "+RST"},
                                             {"+LASH", "OUT"}}));
  ASSERT_EQ(v.entries.size(), 5u);
  EXPECT_FALSE(v.entries[0].irregular_given);
  EXPECT_TRUE(v.entries[1].irregular_given);
  EXPECT_EQ(v.entries[3].words, (Words{"KLM", "NOP", "RST"}));
  EXPECT_EQ(v.entries[3].head, 2u);
  EXPECT_EQ(v.entries[3].code, "002");
  EXPECT_TRUE(v.entries[3].own_code);
  EXPECT_EQ(v.entries[0].code, "345");  // inherits the block code
  EXPECT_EQ(verbs[1].code, "013");
  EXPECT_EQ(verbs[1].passive_code, "012");
  EXPECT_EQ(verbs[2].code, "---");  // no code: null code
}

TEST(PetrVerbs, PatternTokens) {
  const std::string text =
      "&TIE\n+MILITARY\n"
      "--- ACCORD  [---] ---\n"
      "ACCORD\n"
      "- SUGGESTED_+ * DEMAND_&TIE_CONVENTIONS  [111]  # comment\n"
      "- IN_*  [075]\n"
      "- IN_ *  [075A]\n"
      "- * WITH % [031]\n"
      "- $ * + [042:043]\n"
      "- * OFF_  [195]\n"
      "- * POLICE (TO {BIG BORDER}) [:173]\n";
  PetrVerbDictionary d = ParsePetrVerbDictionary(text);
  EXPECT_TRUE(d.errors.empty()) << d.errors[0];
  ASSERT_EQ(d.verbs.size(), 1u);
  const auto& p = d.verbs[0].patterns;
  ASSERT_EQ(p.size(), 7u);
  EXPECT_EQ(p[0].before, (Words{"SUGGESTED", "_", "+"}));
  EXPECT_EQ(p[0].after, (Words{"DEMAND", "_", "&TIE", "_", "CONVENTIONS"}));
  EXPECT_EQ(p[0].code, "111");
  EXPECT_EQ(p[0].line, 5);
  EXPECT_EQ(p[1].before, (Words{"IN", "_"}));  // IN right before the verb
  EXPECT_TRUE(p[1].after.empty());
  EXPECT_EQ(p[2].before, (Words{"IN"}));  // legacy "IN_ *" is an open match
  EXPECT_EQ(p[2].code, "075A");
  EXPECT_EQ(p[3].after, (Words{"WITH", "%"}));
  EXPECT_EQ(p[4].before, (Words{"$"}));
  EXPECT_EQ(p[4].after, (Words{"+"}));
  EXPECT_EQ(p[4].code, "042");
  EXPECT_EQ(p[4].passive_code, "043");
  EXPECT_EQ(p[5].after, (Words{"OFF"}));
  EXPECT_EQ(p[6].after, (Words{"POLICE", "(", "TO", "{", "BIG", "BORDER", "}", ")"}));
  EXPECT_EQ(p[6].code, "");
  EXPECT_EQ(p[6].passive_code, "173");
}

TEST(PetrVerbs, MalformedLinesAreReportedAndSkipped) {
  const std::string text =
      "- * ORPHAN [010]\n"      // 1: before any block
      "--- SAY [010] ---\n"     // 2
      "SAY {SAID SAYING\n"      // 3: missing '}'
      "- * NO CODE\n"           // 4: no [code]
      "- NO VERB [010]\n"       // 5: no '*'
      "- * * TWICE [010]\n"     // 6: two '*'
      "- * &UNDEFINED [010]\n"  // 7: undefined synset
      "- * (OPEN [010]\n"       // 8: unbalanced
      "- * GOOD [011]\n"        // 9
      "WIRE_TAP\n"              // 10: multi-word verb without '+'
      "- * EMPTY []\n"          // 11
      "TELL [012\n";            // 12
  PetrVerbDictionary d = ParsePetrVerbDictionary(text);
  ASSERT_EQ(d.verbs.size(), 1u);
  ASSERT_EQ(d.verbs[0].patterns.size(), 1u);
  EXPECT_EQ(d.verbs[0].patterns[0].after, (Words{"GOOD"}));
  EXPECT_TRUE(d.verbs[0].forms.empty());
  ASSERT_EQ(d.errors.size(), 10u);
  const int lines[] = {1, 3, 4, 5, 6, 7, 8, 10, 11, 12};
  for (size_t i = 0; i < d.errors.size(); ++i)
    EXPECT_EQ(d.errors[i].rfind("line " + std::to_string(lines[i]) + ": ", 0), 0u) << d.errors[i];
  EXPECT_NE(d.errors[5].find("undefined synset &UNDEFINED"), std::string::npos);
}

TEST(PetrVerbs, CommentsAndTransformations) {
  const std::string text =
      "<!-- a comment that\n"
      "--- FAKE [999] ---\n"
      "spans lines -->\n"
      "# --- ALSO FAKE [998] ---\n"
      "<! -- NOT A REAL COMMENT BUT SKIPPED AS PETRARCH DOES -->\n"
      "--- REAL [010] --- <!-- inline --> \n"
      "REAL<!-- x --> # trailing\n"
      "~ a (a b ATTACK) SAY = a b 015\n";
  PetrVerbDictionary d = ParsePetrVerbDictionary(text);
  EXPECT_TRUE(d.errors.empty()) << d.errors[0];
  ASSERT_EQ(d.verbs.size(), 1u);
  EXPECT_EQ(d.verbs[0].block, "REAL");
  EXPECT_EQ(d.verbs[0].line, 6);
  EXPECT_EQ(d.verbs[0].forms, (Words{"REAL"}));
  ASSERT_EQ(d.transformations.size(), 1u);
  EXPECT_EQ(d.transformations[0].text, "a (a b ATTACK) SAY = a b 015");
  EXPECT_EQ(d.transformations[0].line, 8);
}

TEST(PetrInflection, RegularFormsAndPlurals) {
  EXPECT_EQ(PetrRegularVerbForms("ATTACK"), (Words{"ATTACKS", "ATTACKED", "ATTACKING"}));
  EXPECT_EQ(PetrRegularVerbForms("ACCUSE"), (Words{"ACCUSES", "ACCUSED", "ACCUSING"}));
  EXPECT_EQ(PetrRegularVerbForms("AGREE"), (Words{"AGREES", "AGREED", "AGREEING"}));
  EXPECT_EQ(PetrRegularVerbForms("PRESS"), (Words{"PRESSES", "PRESSED", "PRESSING"}));
  EXPECT_EQ(PetrRegularVerbForms("REACH"), (Words{"REACHES", "REACHED", "REACHING"}));
  EXPECT_EQ(PetrRegularVerbForms("DENY"), (Words{"DENIES", "DENIED", "DENYING"}));
  EXPECT_EQ(PetrRegularVerbForms("DELAY"), (Words{"DELAYS", "DELAYED", "DELAYING"}));
  // PETRARCH does not double consonants: such verbs carry {...} in the dictionaries.
  EXPECT_EQ(PetrRegularVerbForms("REGRET"), (Words{"REGRETS", "REGRETED", "REGRETING"}));
  EXPECT_TRUE(PetrRegularVerbForms("").empty());
  EXPECT_EQ(PetrNounPlural("CONGRESS"), "CONGRESSES");
  EXPECT_EQ(PetrNounPlural("MINISTRY"), "MINISTRIES");
  EXPECT_EQ(PetrNounPlural("ATTORNEY"), "ATTORNEYS");
  EXPECT_EQ(PetrNounPlural("TROOP"), "TROOPS");
}

TEST(PetrActors, NamesAliasesAndDatedCodes) {
  const std::string text =
      "<!-- actors -->\n"
      "ISRAEL [ISR]\n"
      "PRESIDENT_GEORGE_W._BUSH [USAGOV]\n"
      "HAMAS WING [PSEHMSBRD]\n"
      "GOLLUM  # pas 27 Apr 03\n"
      "+SMEAGOL\n"
      "+stinker_\n"
      "\t[HOB < 950601]\n"
      "\t[HOBGOV 19950601 - 19990815]\n"
      "#\t[XXX]\n"
      "\t[HOBREB >990816]\n"
      "JAVIER_DE_CUELLAR_\t[IGOUNO 820101-911231] [ELI]# IGOrulers\n"
      "U.N._\n"
      "\n"
      "UN_SECRETARY_GENERAL\n"
      "+UNSG ; old comment\n"
      "    [IGOUNO]\n";
  std::vector<PetrActor> actors;
  std::vector<std::string> errors;
  ParsePetrActors(text, &actors, &errors);
  EXPECT_TRUE(errors.empty()) << errors[0];
  ASSERT_EQ(actors.size(), 6u);
  EXPECT_EQ(actors[0].names, (Words{"ISRAEL"}));
  ASSERT_EQ(actors[0].codes.size(), 1u);
  EXPECT_EQ(actors[0].codes[0].code, "ISR");
  EXPECT_EQ(actors[0].codes[0].from, "");
  EXPECT_EQ(actors[0].line, 2);
  EXPECT_EQ(actors[1].names, (Words{"PRESIDENT GEORGE W. BUSH"}));
  EXPECT_EQ(actors[2].names, (Words{"HAMAS WING"}));
  const PetrActor& g = actors[3];
  EXPECT_EQ(g.names, (Words{"GOLLUM", "SMEAGOL", "STINKER"}));
  ASSERT_EQ(g.codes.size(), 3u);
  EXPECT_EQ(g.codes[0].code, "HOB");
  EXPECT_EQ(g.codes[0].from, "");
  EXPECT_EQ(g.codes[0].to, "1995-06-01");
  EXPECT_EQ(g.codes[1].code, "HOBGOV");
  EXPECT_EQ(g.codes[1].from, "1995-06-01");
  EXPECT_EQ(g.codes[1].to, "1999-08-15");
  EXPECT_EQ(g.codes[2].code, "HOBREB");
  EXPECT_EQ(g.codes[2].from, "1999-08-16");
  EXPECT_EQ(g.codes[2].to, "");
  const PetrActor& j = actors[4];
  EXPECT_EQ(j.names, (Words{"JAVIER DE CUELLAR"}));
  ASSERT_EQ(j.codes.size(), 2u);
  EXPECT_EQ(j.codes[0].from, "1982-01-01");
  EXPECT_EQ(j.codes[0].to, "1991-12-31");
  EXPECT_EQ(j.codes[1].code, "ELI");
  // A primary phrase without a code takes the codes of the next actor (PETRARCH 1).
  const PetrActor& un = actors[5];
  EXPECT_EQ(un.names, (Words{"U.N.", "UN SECRETARY GENERAL", "UNSG"}));
  EXPECT_EQ(un.line, 13);
  ASSERT_EQ(un.codes.size(), 1u);
  EXPECT_EQ(un.codes[0].code, "IGOUNO");
}

TEST(PetrActors, MalformedCodesAreReported) {
  const std::string text =
      "\t[ORPHAN]\n"                 // 1
      "+ORPHAN_ALIAS\n"              // 2
      "ARAGORN [RNG]\n"              // 3
      "\t[RNG 20100231-20110101]\n"  // 4: no Feb 31
      "\t[RNG 2004017-20061201]\n"   // 5: 7-digit date
      "\t[950601-990815]\n"          // 6: no code
      "\t[RNG 20100101-20000101]\n"  // 7: end before start
      "\t[RNG ~20100101]\n"          // 8
      "\t[RNG\n"                     // 9
      "\t[RNG] extra\n"              // 10
      "\t[RNG >300101]\n"            // 11: ok, 2030
      "NOCODE_AT_END\n";             // 12
  std::vector<PetrActor> actors;
  std::vector<std::string> errors;
  ParsePetrActors(text, &actors, &errors);
  ASSERT_EQ(actors.size(), 1u);
  ASSERT_EQ(actors[0].codes.size(), 2u);
  EXPECT_EQ(actors[0].codes[1].from, "2030-01-01");
  const int lines[] = {1, 2, 4, 5, 6, 7, 8, 9, 10, 12};
  ASSERT_EQ(errors.size(), 10u);
  for (size_t i = 0; i < errors.size(); ++i)
    EXPECT_EQ(errors[i].rfind("line " + std::to_string(lines[i]) + ": ", 0), 0u) << errors[i];
}

TEST(PetrAgents, PluralsSubstitutionsAndAffixes) {
  const std::string text =
      "!PERSON! = MAN, MEN, WOMAN\n"
      "!MINST! = MINISTER, MINISTRY\n"
      "PARLIAMENTARY_OPPOSITION {} [~OPP] #jap\n"
      "AMBASSADOR [~GOV]\n"
      "CONGRESS [~LEG]\n"
      "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]\n"
      "CONGRESS!PERSON! [~LEG]\n"
      "!MINST!_OF_SILLY_WALKS [~GOV]\n"
      "HUMAN_RIGHTS_BODY  [NGO~]\n"
      "POLICE {} [ ~COP]\n"
      "AUTHORITY [~GOV]\n"
      "NOCODE\n"                 // 12: error
      "X!UNKNOWN! [~GOV]\n"      // 13: error
      "BROKEN {PLURAL [~GOV]\n"  // 14: error
      "BAD [~]\n";               // 15: error
  std::vector<PetrAgent> agents;
  std::vector<std::string> errors;
  ParsePetrAgents(text, &agents, &errors);
  ASSERT_EQ(agents.size(), 9u);
  EXPECT_EQ(agents[0].names, (Words{"PARLIAMENTARY OPPOSITION"}));
  EXPECT_EQ(agents[0].code, "OPP");
  EXPECT_TRUE(agents[0].suffix);
  EXPECT_EQ(agents[0].line, 3);
  EXPECT_EQ(agents[1].names, (Words{"AMBASSADOR", "AMBASSADORS"}));
  EXPECT_EQ(agents[2].names, (Words{"CONGRESS", "CONGRESSES"}));
  EXPECT_EQ(agents[3].names, (Words{"ATTORNEY GENERAL", "ATTORNEYS GENERAL"}));
  EXPECT_EQ(agents[4].names, (Words{"CONGRESSMAN", "CONGRESSMEN", "CONGRESSWOMAN"}));
  EXPECT_EQ(agents[5].names, (Words{"MINISTER OF SILLY WALKS", "MINISTRY OF SILLY WALKS"}));
  EXPECT_EQ(agents[6].code, "NGO");
  EXPECT_FALSE(agents[6].suffix);
  EXPECT_EQ(agents[7].names, (Words{"POLICE"}));
  EXPECT_EQ(agents[7].code, "COP");
  EXPECT_EQ(agents[8].names, (Words{"AUTHORITY", "AUTHORITIES"}));
  const int lines[] = {12, 13, 14, 15};
  ASSERT_EQ(errors.size(), 4u);
  for (size_t i = 0; i < errors.size(); ++i)
    EXPECT_EQ(errors[i].rfind("line " + std::to_string(lines[i]) + ": ", 0), 0u) << errors[i];
}

TEST(PetrDiscards, StoryAndSentenceLevel) {
  const std::string text =
      "# Story-level discards are indicated with a '+'.\n"
      "MONTHS LATER\n"
      "+World Golf Championships   # pas\n"
      "GROUP D_\n"
      "+TYPHOON\n"
      "BAD [X]\n";
  std::vector<PetrDiscard> discards;
  std::vector<std::string> errors;
  ParsePetrDiscards(text, &discards, &errors);
  ASSERT_EQ(discards.size(), 4u);
  EXPECT_EQ(discards[0].phrase, "MONTHS LATER");
  EXPECT_FALSE(discards[0].story_level);
  EXPECT_EQ(discards[0].line, 2);
  EXPECT_EQ(discards[1].phrase, "WORLD GOLF CHAMPIONSHIPS");
  EXPECT_TRUE(discards[1].story_level);
  EXPECT_EQ(discards[2].phrase, "GROUP D");
  EXPECT_TRUE(discards[2].whole_word);
  EXPECT_FALSE(discards[1].whole_word);
  EXPECT_EQ(discards[3].phrase, "TYPHOON");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].rfind("line 6: ", 0), 0u);
}

TEST(PetrDetect, KindsFromContent) {
  EXPECT_EQ(DetectPetrDictKind("&S\n+A\n--- SAY [010] ---\nSAY\n- * + [011]\n"),
            PetrDictKind::kVerbs);
  EXPECT_EQ(DetectPetrDictKind("ISRAEL [ISR]\n+ISRAELI\nGOLLUM\n\t[HOB <950601]\n"),
            PetrDictKind::kActors);
  EXPECT_EQ(DetectPetrDictKind("!P! = MAN, MEN\nPOLICE {} [~COP]\nHUMAN_BODY [NGO~]\n"),
            PetrDictKind::kAgents);
  EXPECT_EQ(DetectPetrDictKind("MONTHS LATER\n+TYPHOON\n"), PetrDictKind::kDiscards);
  EXPECT_EQ(DetectPetrDictKind("# only a comment\n<!-- x -->\n"), PetrDictKind::kUnknown);
  EXPECT_STREQ(PetrDictKindName(PetrDictKind::kAgents), "agents");
}

TEST(PetrRobustness, GarbageNeverCrashes) {
  const std::string inputs[] = {
      "",     "\n\n",    "[",
      "]",    "{",       "- *",
      "---",  "&",       "+",
      "!A!=", "\t[",     "<!--",
      "-->",  "+&",      "- ( * ) [",
      "[ <]", "X [A -]", "\xEF\xBB\xBF--- A [1] ---\nA {B\n- _ * _ [2]\n"};
  for (const std::string& in : inputs) {
    std::vector<std::string> errors;
    PetrVerbDictionary d = ParsePetrVerbDictionary(in);
    std::vector<PetrActor> actors;
    ParsePetrActors(in, &actors, &errors);
    std::vector<PetrAgent> agents;
    ParsePetrAgents(in, &agents, &errors);
    std::vector<PetrDiscard> discards;
    ParsePetrDiscards(in, &discards, &errors);
    (void)DetectPetrDictKind(in);
  }
  SUCCEED();
}

// Smoke test over the reference dictionaries when ../shared is present.
std::string ReadFileOrEmpty(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(PetrShared, ValidationDictionariesParse) {
  const std::filesystem::path dir =
      std::filesystem::path(WARTA_TEST_DIR) / ".." / ".." / "shared" / "compat" / "petrarch2";
  if (!std::filesystem::exists(dir / "PETR.Validate.verbs.txt"))
    GTEST_SKIP() << "no " << dir.string() << " (reference dictionaries absent)";
  const std::string verbs_text = ReadFileOrEmpty(dir / "PETR.Validate.verbs.txt");
  EXPECT_EQ(DetectPetrDictKind(verbs_text), PetrDictKind::kVerbs);
  PetrVerbDictionary d = ParsePetrVerbDictionary(verbs_text);
  EXPECT_GT(d.verbs.size(), 200u);
  EXPECT_GT(d.synsets.size(), 10u);
  const PetrSynset* accord = FindSet(d.synsets, "&ACCORDSYN");
  ASSERT_NE(accord, nullptr);
  EXPECT_TRUE(Has(accord->members, {"CULTURAL"}));         // from the nested &TIETYPES
  EXPECT_TRUE(Has(accord->members, {"SWISS", "FRANCS"}));  // from the nested &CURRENCY

  const std::string actors_text = ReadFileOrEmpty(dir / "PETR.Validate.actors.txt");
  EXPECT_EQ(DetectPetrDictKind(actors_text), PetrDictKind::kActors);
  std::vector<PetrActor> actors;
  std::vector<std::string> errors;
  ParsePetrActors(actors_text, &actors, &errors);
  EXPECT_GT(actors.size(), 100u);
  bool gollum = false;
  for (const auto& a : actors)
    if (HasStr(a.names, "SMEAGOL")) gollum = a.codes.size() == 3;
  EXPECT_TRUE(gollum);

  const std::string agents_text = ReadFileOrEmpty(dir / "PETR.Validate.agents.txt");
  EXPECT_EQ(DetectPetrDictKind(agents_text), PetrDictKind::kAgents);
  std::vector<PetrAgent> agents;
  errors.clear();
  ParsePetrAgents(agents_text, &agents, &errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_GT(agents.size(), 50u);

  const std::string discards_text = ReadFileOrEmpty(dir / "PETR.Validate.discards.txt");
  EXPECT_EQ(DetectPetrDictKind(discards_text), PetrDictKind::kDiscards);
  std::vector<PetrDiscard> discards;
  errors.clear();
  ParsePetrDiscards(discards_text, &discards, &errors);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(discards.size(), 9u);
}

}  // namespace
}  // namespace warta
