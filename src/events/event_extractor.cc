#include "events/event_extractor.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>

#include "util/utf8.h"

namespace warta {
namespace {

constexpr uint64_t Bit(Cat c) { return uint64_t{1} << static_cast<int>(c); }

// One sentence's analysis, shared by the steps below.
struct SentenceWork {
  SentenceView view;
  uint32_t tb = 0, te = 0;
  std::vector<Marker> markers;
  std::vector<uint64_t> starts;  // per token: categories of markers starting here
  std::vector<uint64_t> covers;  // per token: categories of markers covering it
  std::vector<Mention> mentions;
  std::vector<int> mention_start;  // per token: mention starting here, or -1
  std::vector<int> mention_end;    // per token: mention ending right after it, or -1
  std::vector<TimeRef> times;
  struct Attribution {
    int speaker = -1;  // mention index
    uint32_t say_tb = 0, say_te = 0;
    uint32_t content_tb = 0, content_te = 0;
  };
  std::vector<Attribution> attributions;
  std::vector<bool> say_token;        // tokens of attribution verbs
  std::vector<uint32_t> match_heads;  // anchors of the sentence's matches

  uint64_t StartsAt(uint32_t i) const { return starts[i - tb]; }
  uint64_t CoversAt(uint32_t i) const { return covers[i - tb]; }
  int MentionStart(uint32_t i) const { return i < te ? mention_start[i - tb] : -1; }
  int MentionEnd(uint32_t i) const { return (i > tb && i <= te) ? mention_end[i - 1 - tb] : -1; }
};

struct Match {
  const Pattern* pattern = nullptr;
  uint32_t tb = 0, te = 0;
  uint32_t head = 0;                        // anchor token
  int target = -1, source = -1, pair = -1;  // mention indices
  // A required target is the antecedent of an object relative clause ("ISIS, whom
  // the U.S. is fighting"); CodeMatch fills it or drops the match.
  bool target_from_relative = false;
  bool target_from_passive = false;  // likewise, the subject of a passive verb
  // Coordinated verb phrase: the subject scan starts at this earlier match instead.
  int continues = -1;
};

bool IsPunct(const SentenceWork& w, uint32_t i, std::string_view p) {
  return TokenText(w.view.text, (*w.view.tokens)[i]) == p;
}

}  // namespace

namespace {

class SentenceCoder {
 public:
  SentenceCoder(const LanguagePack& lang, const ActorDictionary& dict, const PatternSet& patterns,
                const EventCodes& codes, DocState* doc, uint32_t index)
      : lang_(lang),
        dict_(dict),
        patterns_(patterns),
        codes_(codes),
        doc_(doc),
        index_(index),
        tok_(doc->tokens) {}

  void Run(std::vector<RawEvent>* out);

 private:
  void Prepare();
  void ResolveReferences();
  void FindAttributions();
  void FindMatches(std::vector<Match>* matches);
  bool MatchFrom(const Pattern& p, size_t item, uint32_t pos, Match* m, int depth);
  bool TokenMatches(const PatternItem& it, const Token& t) const;
  bool Eligible(int mi) const;
  std::vector<std::string> Codes(int mi) const;
  std::vector<int> GroupMembers(int mi) const;
  uint32_t GroupEnd(int mi) const;
  int GroupHead(int mi) const;
  // The country an actor or a place of the sentence belongs to ("" for neither).
  std::string MentionCountry(const Mention& m) const;
  void CodeMatch(const Match& m, std::vector<RawEvent>* out);
  const SentenceWork::Attribution* AttributionFor(uint32_t tok) const;
  int AgentAfter(uint32_t from, bool english) const;
  int NearestMentionBefore(uint32_t pos) const;
  int ObjectRelativeAntecedent(uint32_t verb) const;
  bool IsPassiveAt(uint32_t verb) const;
  bool OwnedByPronoun(int mi) const;
  int FallbackTarget(const Match& m, int src) const;
  void DropComplementActions(std::vector<Match>* matches) const;
  void DropSupersededFallbacks(std::vector<Match>* matches) const;
  void UpdateContext(const std::vector<RawEvent>& events, size_t first);

  const LanguagePack& lang_;
  const ActorDictionary& dict_;
  const PatternSet& patterns_;
  const EventCodes& codes_;
  DocState* doc_;
  uint32_t index_;
  const std::vector<Token>& tok_;
  SentenceWork w_;
};

void SentenceCoder::Prepare() {
  const Sentence& s = doc_->sentences[index_];
  w_.tb = s.token_begin;
  w_.te = s.token_end;
  uint32_t n = w_.te - w_.tb;
  std::vector<WordId> words(n);
  for (uint32_t i = 0; i < n; ++i) words[i] = tok_[w_.tb + i].word;
  lang_.FindMarkers(words.data(), n, &w_.markers);
  for (Marker& m : w_.markers) {
    m.begin += w_.tb;
    m.end += w_.tb;
  }
  // A negator inside a longer phrase is part of that phrase's meaning: "will not
  // hesitate to", "tak akan segan" intend; they do not negate.
  std::vector<Marker> kept_markers;
  for (const Marker& m : w_.markers) {
    bool inside = false;
    if (m.cat == Cat::kNegator)
      for (const Marker& o : w_.markers)
        inside |= o.cat != Cat::kNegator && o.begin <= m.begin && m.end <= o.end &&
                  o.end - o.begin > m.end - m.begin;
    if (!inside) kept_markers.push_back(m);
  }
  w_.markers.swap(kept_markers);
  w_.starts.assign(n, 0);
  w_.covers.assign(n, 0);
  for (const Marker& m : w_.markers) {
    w_.starts[m.begin - w_.tb] |= Bit(m.cat);
    for (uint32_t i = m.begin; i < m.end; ++i) w_.covers[i - w_.tb] |= Bit(m.cat);
  }
  w_.view = SentenceView{doc_->text, &doc_->tokens, w_.tb, w_.te, &w_.markers};
  FindMentions(w_.view, lang_, dict_, doc_->day, &w_.mentions);
  // Dateline words ("PARIS –") name the place of writing, not an actor.
  for (Mention& m : w_.mentions)
    if (m.te <= doc_->dateline_end) m.locative = true;
  w_.mention_start.assign(n, -1);
  w_.mention_end.assign(n, -1);
  for (size_t k = 0; k < w_.mentions.size(); ++k) {
    w_.mention_start[w_.mentions[k].tb - w_.tb] = static_cast<int>(k);
    w_.mention_end[w_.mentions[k].te - 1 - w_.tb] = static_cast<int>(k);
  }
  FindTimeRefs(w_.view, lang_, doc_->doc_date, &w_.times);
}

std::vector<int> SentenceCoder::GroupMembers(int mi) const {
  std::vector<int> out;
  const Mention& m = w_.mentions[mi];
  if (m.group < 0) return {mi};
  for (size_t k = 0; k < w_.mentions.size(); ++k)
    if (w_.mentions[k].group == m.group) out.push_back(static_cast<int>(k));
  return out;
}

std::string SentenceCoder::MentionCountry(const Mention& m) const {
  if (m.has_country && m.code.size() >= 3) return m.code.substr(0, 3);
  if (m.is_place_only && m.place >= 0) return dict_.place(m.place).iso3;
  return "";
}

int SentenceCoder::GroupHead(int mi) const {
  const Mention& m = w_.mentions[mi];
  return m.group < 0 ? mi : m.group;
}

uint32_t SentenceCoder::GroupEnd(int mi) const {
  uint32_t end = w_.mentions[mi].te;
  for (int k : GroupMembers(mi)) end = std::max(end, w_.mentions[k].te);
  return end;
}

std::vector<std::string> SentenceCoder::Codes(int mi) const {
  std::vector<std::string> out;
  std::vector<int> members = GroupMembers(mi);
  bool any_full = false, all_placed = true;
  for (int k : members) {
    const Mention& m = w_.mentions[k];
    if ((!m.code.empty() && !m.bare_agent) || !m.pair.empty()) any_full = true;
    all_placed &= m.locative || m.directional;
  }
  for (int k : members) {
    const Mention& m = w_.mentions[k];
    // "Russia and its forces in Syria": the place is not one of the actors; "aid to
    // Iran, Libya and Sudan" is a list of destinations, each one.
    if ((m.locative || m.directional) && members.size() > 1 && !all_placed) continue;
    if (!m.pair.empty()) {
      for (const auto& c : m.pair)
        if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
      continue;
    }
    if (m.code.empty()) continue;
    if (m.bare_agent && any_full) continue;  // "Rusia dan pasukan sekutunya": Rusia
    if (std::find(out.begin(), out.end(), m.code) == out.end()) out.push_back(m.code);
  }
  // A bare country beside a more specific code of the same country adds nothing
  // ("Menteri Koordinator … dan Keamanan Tedjo": IDNGOV and IDN are one actor).
  if (out.size() > 1) {
    std::vector<std::string> kept;
    for (const std::string& c : out) {
      bool covered = false;
      for (const std::string& o : out)
        covered |= c.size() == 3 && o.size() > 3 && o.compare(0, 3, c) == 0;
      if (!covered) kept.push_back(c);
    }
    out.swap(kept);
  }
  return out;
}

bool SentenceCoder::Eligible(int mi) const {
  if (mi < 0) return false;
  const Mention& m = w_.mentions[mi];
  if (m.locative || m.directional || m.is_place_only || m.absorbed) return false;
  return !m.code.empty() || !m.pair.empty();
}

void SentenceCoder::ResolveReferences() {
  // Countries named so far in this sentence (not people, not places), for "kedua negara".
  std::vector<std::string> countries;
  for (size_t k = 0; k < w_.mentions.size(); ++k) {
    Mention& m = w_.mentions[k];
    switch (m.ref) {
      case RefKind::kPerson:
        if (!doc_->last_person.empty()) m.code = doc_->last_person;
        break;
      case RefKind::kPlural:
        if (doc_->last_subject.size() > 1)
          m.pair = doc_->last_subject;
        else if (!doc_->last_subject.empty())
          m.code = doc_->last_subject[0];
        break;
      case RefKind::kGroup:
        m.code = doc_->last_group;
        break;
      case RefKind::kCountry:
        m.code = doc_->last_country;
        break;
      case RefKind::kBoth:
        if (countries.size() >= 2)
          m.pair = {countries[countries.size() - 2], countries.back()};
        else
          m.pair = doc_->last_pair;
        break;
      case RefKind::kIt: {
        // "Russia denied that it attacked …": the nearest country or organisation
        // before it in the sentence, else the last subject.
        for (size_t j = k; j-- > 0;) {
          const Mention& o = w_.mentions[j];
          if (o.ref == RefKind::kNone && !o.code.empty() && !o.has_person && !o.locative &&
              !o.bare_agent && !o.is_place_only) {
            m.code = o.code;
            break;
          }
        }
        if (m.code.empty() && doc_->last_subject.size() == 1) m.code = doc_->last_subject[0];
        break;
      }
      case RefKind::kNone:
        break;
    }
    if (m.ref != RefKind::kNone) continue;
    // Update the context as the text goes on.
    if (m.has_person) doc_->last_person = m.code;
    if (!m.code.empty() && !m.locative && !m.is_place_only) {
      std::string c3 = m.code.substr(0, 3);
      if (c3 == "IMG" || m.code.find("REB") != std::string::npos ||
          m.code.find("INS") != std::string::npos || m.code.find("SEP") != std::string::npos)
        doc_->last_group = m.code;
      if (m.has_country && !m.has_person) {
        doc_->last_country = c3;
        if (std::find(countries.begin(), countries.end(), c3) == countries.end())
          countries.push_back(c3);
      }
    }
  }
  // "the country's Moscow-backed leader", "Ukraine's new president": an agent owned by
  // a country (up to three modifier words between) is that country's.
  for (size_t k = 0; k < w_.mentions.size(); ++k) {
    Mention& m = w_.mentions[k];
    if (!m.bare_agent) continue;
    uint32_t i = m.tb;
    for (int words = 0; words < 4 && i > w_.tb; ++words, --i) {
      std::string_view t = TokenText(doc_->text, tok_[i - 1]);
      if (t == "'s" || t == "’s" || t == "s") {
        int e = w_.MentionEnd(i - 1);
        if (e < 0 && i >= w_.tb + 2 && tok_[i - 2].Is(kTokQuote)) e = w_.MentionEnd(i - 2);
        // A person's agent is their country's ("President Suharto's government").
        if (e >= 0 && w_.mentions[e].has_person && w_.mentions[e].code.size() >= 3 &&
            !w_.mentions[e].locative) {
          m.code = w_.mentions[e].code.substr(0, 3) + m.code;
          m.bare_agent = false;
          m.has_country = true;
        } else if (e >= 0 && w_.mentions[e].code.size() == 3 && !w_.mentions[e].has_person &&
                   !w_.mentions[e].locative) {
          m.code = w_.mentions[e].code + m.code;
          m.bare_agent = false;
          m.has_country = true;
        }
        break;
      }
      if (tok_[i - 1].Is(kTokPunct) && t != "-") break;
    }
  }
  // "opposition groups in Zimbabwe", "pengunjuk rasa di Jakarta", "police of Kenya": a
  // bare agent placed in a country (or one of its places) belongs to it.
  for (size_t k = 0; k + 1 < w_.mentions.size(); ++k) {
    Mention& m = w_.mentions[k];
    const Mention& next = w_.mentions[k + 1];
    if (!(m.bare_agent || m.people) || next.has_person || next.code.size() != 3 ||
        !next.pair.empty())
      continue;
    // Up to two more words of the agent's phrase ("groups", "leaders") before it.
    uint32_t at = m.te;
    while (at < next.tb && at < m.te + 2 && tok_[at].Is(kTokWord) && !tok_[at].Is(kTokCapital) &&
           !lang_.Is(tok_[at].word, Cat::kLocative) &&
           !lang_.Is(tok_[at].word, Cat::kPreposition) && !lang_.Is(tok_[at].word, Cat::kStopword))
      ++at;
    if (at >= next.tb) continue;
    if (m.people && at != m.te) continue;  // "the Albanians of Serbia", nothing between
    std::string_view prep = TokenText(doc_->text, tok_[at]);
    bool of = prep == "of" || prep == "from" || prep == "dari" || prep == "asal";
    if (!(next.locative || of)) continue;
    uint32_t after = at + 1;
    while (after < next.tb && lang_.Is(tok_[after].word, Cat::kDeterminer)) ++after;
    if (after != next.tb) continue;
    // A people of a country's territory are of that country ("Albanians of Serbia").
    m.code = m.people ? next.code : next.code + m.code;
    m.bare_agent = false;
    m.people = false;
    m.has_country = true;
    if (of) w_.mentions[k + 1].absorbed = true;  // "in Zimbabwe" still says where
  }
  // Domestic news: in a sentence that names no foreign country, a bare agent ("polisi",
  // "Sekjen Kementerian ESDM Waryono Karno") is of the language's home country.
  const std::string& home = lang_.home_country();
  if (!home.empty()) {
    bool foreign = false, cue = false;
    for (const Mention& m : w_.mentions) {
      foreign |= m.has_country && m.code.size() >= 3 && m.code.compare(0, 3, home) != 0;
      cue |= m.code.compare(0, 3, home) == 0 && !m.bare_agent;
    }
    // Any of its institutions, places or people, in this sentence or the document so
    // far, makes the news domestic.
    cue |= doc_->home_cue;
    doc_->home_cue = cue;
    if (!foreign && cue) {
      for (Mention& m : w_.mentions) {
        if (!m.bare_agent || m.locative || m.directional) continue;
        m.code = home + m.code;
        m.bare_agent = false;
        m.has_country = true;
      }
    }
  }
  // "ethnic Albanians in Serbia", "ethnic Turks … Bulgaria": an ethnic group is coded
  // by the country it lives in when the sentence names one other country.
  for (Mention& m : w_.mentions) {
    if (m.tb == w_.tb || m.code.size() < 3 || m.has_person ||
        utf8::Lower(TokenText(doc_->text, tok_[m.tb - 1])) != "ethnic")
      continue;
    std::string other;
    bool several = false;
    for (const Mention& o : w_.mentions) {
      if (&o == &m) continue;
      std::string c = MentionCountry(o);
      if (c.empty() || c == m.code.substr(0, 3)) continue;
      if (other.empty()) other = c;
      several |= c != other;
    }
    if (!other.empty() && !several) m.code = other + m.code.substr(3);
  }
  // One country's news: "Islamic fundamentalists … to demand the resignation of
  // Algerian President Ben Bella", "a judge opened investigations against 28 Chilean
  // officials". In a sentence whose actors and places all belong to one country, a bare
  // agent is that country's; with two countries named, it stays bare.
  {
    std::string only;
    bool several = false;
    for (const Mention& m : w_.mentions) {
      std::string c = MentionCountry(m);
      if (c.empty()) continue;
      if (only.empty()) only = c;
      several |= c != only;
    }
    if (!only.empty() && !several) {
      for (Mention& m : w_.mentions) {
        if (!m.bare_agent || m.locative || m.directional) continue;
        m.code = only + m.code;
        m.bare_agent = false;
        m.has_country = true;
      }
    }
  }
  // A compound of two countries ("AS dan Rusia") or a dyad ("AS-Rusia") is the pair
  // "kedua negara" refers to later.
  for (size_t k = 0; k + 1 < w_.mentions.size(); ++k) {
    const Mention& a = w_.mentions[k];
    const Mention& b = w_.mentions[k + 1];
    if (!a.has_country || !b.has_country || a.has_person || b.has_person) continue;
    bool dyad = (a.group >= 0 && a.group == b.group) ||
                (b.tb == a.te + 1 && (tok_[a.te].Is(kTokDash) || IsPunct(w_, a.te, "-")) &&
                 !tok_[b.tb].Is(kTokSpaceBefore));
    std::string x = a.code.substr(0, 3), y = b.code.substr(0, 3);
    if (dyad && x != y) doc_->last_pair = {x, y};
  }
}

void SentenceCoder::FindAttributions() {
  w_.say_token.assign(w_.te - w_.tb, false);
  const std::string_view text = doc_->text;
  const bool english = lang_.iso() == "en";
  for (const Marker& mk : w_.markers) {
    if (mk.cat != Cat::kSay && mk.cat != Cat::kAccording) continue;
    SentenceWork::Attribution a;
    a.say_tb = mk.begin;
    a.say_te = mk.end;
    if (mk.cat == Cat::kAccording) {
      // "menurut X", "according to X": the speaker follows; the content is the rest.
      int sp = w_.MentionStart(mk.end);
      if (sp < 0 && mk.end + 1 < w_.te) sp = w_.MentionStart(mk.end + 1);
      if (sp < 0) continue;
      a.speaker = sp;
      uint32_t end = GroupEnd(sp);
      if (mk.begin > w_.tb + 2) {
        a.content_tb = w_.tb;
        a.content_te = mk.begin;
      } else {
        a.content_tb = end;
        a.content_te = w_.te;
      }
      w_.attributions.push_back(a);
      continue;
    }
    // Post-posed: "…, kata Kerry." / "…,” katanya." / "…, said Kerry."
    uint32_t before = mk.begin;
    while (before > w_.tb && (tok_[before - 1].Is(kTokQuote))) --before;
    bool after_comma = before > w_.tb && (IsPunct(w_, before - 1, ",") || before < mk.begin);
    std::string_view say = TokenText(text, tok_[mk.end - 1]);
    if (after_comma) {
      int sp = w_.MentionStart(mk.end);
      if (sp < 0 && mk.end < w_.te && lang_.Is(tok_[mk.end].word, Cat::kHonorific))
        sp = w_.MentionStart(mk.end + 1);
      bool nya = say.size() > 3 && say.substr(say.size() - 3) == "nya";
      if (sp >= 0 || nya) {
        a.speaker = sp;
        a.content_tb = w_.tb;
        a.content_te = before > w_.tb ? before - 1 : before;
        if (sp < 0) {
          // "katanya": he/she said — the last person.
          Mention m;
          m.tb = mk.begin;
          m.te = mk.end;
          m.ref = RefKind::kPerson;
          m.code = doc_->last_person;
          if (m.code.empty()) continue;
          w_.mentions.push_back(m);
          a.speaker = static_cast<int>(w_.mentions.size() - 1);
        }
        w_.attributions.push_back(a);
        continue;
      }
    }
    // Speaker before the verb: "Kerry mengatakan …", "…, Kerry said." / "he said".
    uint32_t s = mk.begin;
    // Skip adverbs between speaker and verb ("Kerry juga mengatakan", "he also said").
    int sp = -1;
    // A place is where the speaker is ("The Red Cross operating in Iraq said").
    for (uint32_t back = 0; back < 6 && s > w_.tb; ++back) {
      int e = w_.MentionEnd(s);
      if (e >= 0 && !w_.mentions[e].locative && !w_.mentions[e].is_place_only) {
        sp = e;
        break;
      }
      if (e >= 0) {
        s = w_.mentions[e].tb;
        continue;
      }
      if (tok_[s - 1].Is(kTokPunct)) break;
      --s;
    }
    if (sp < 0) continue;
    uint32_t sp_begin = w_.mentions[GroupHead(sp)].tb;
    bool before_is_comma =
        sp_begin > w_.tb && (IsPunct(w_, sp_begin - 1, ",") || tok_[sp_begin - 1].Is(kTokQuote));
    uint32_t after = mk.end;
    // "…, Kerry said." and "…, Kerry said, stressing that …".
    bool at_end =
        after >= w_.te || tok_[after].Is(kTokTerminal) ||
        (IsPunct(w_, after, ",") &&
         !lang_.Is(tok_[after + 1 < w_.te ? after + 1 : after].word, Cat::kComplementizer));
    if (before_is_comma && at_end) {
      // "…, Kerry said." — content is what came before.
      a.speaker = sp;
      a.content_tb = w_.tb;
      a.content_te = sp_begin - 1;
      w_.attributions.push_back(a);
      continue;
    }
    // "Kerry mengatakan (bahwa) X …": a content clause must follow.
    bool content_follows = false;
    if (after < w_.te) {
      const Token& t = tok_[after];
      content_follows = lang_.Is(t.word, Cat::kComplementizer) || IsPunct(w_, after, ",") ||
                        IsPunct(w_, after, ":") || t.Is(kTokQuote) || w_.MentionStart(after) >= 0 ||
                        (after + 1 < w_.te && lang_.Is(t.word, Cat::kDeterminer) &&
                         w_.MentionStart(after + 1) >= 0) ||
                        lang_.Is(t.word, Cat::kIntent) || lang_.Is(t.word, Cat::kMust) ||
                        (w_.StartsAt(after) & (Bit(Cat::kBoth) | Bit(Cat::kPronounPlural) |
                                               Bit(Cat::kPronounPerson) | Bit(Cat::kGroupRef)));
      // "mengatakan kepada Lavrov bahwa …": skip the addressee.
      if (!content_follows && lang_.Is(t.word, Cat::kDirectional)) content_follows = false;
      // Indonesian has no article: "menilai kinerja KPK memalukan", "menilai pernyataan
      // Menteri X keliru" — a noun whose owner is an actor opens the clause.
      if (!content_follows && !english && after + 1 < w_.te && t.Is(kTokWord) &&
          !t.Is(kTokCapital) && w_.MentionStart(after + 1) >= 0 &&
          !lang_.Is(t.word, Cat::kPreposition) && !lang_.Is(t.word, Cat::kLocative) &&
          !lang_.Is(t.word, Cat::kDirectional))
        content_follows = true;
    }
    // "said on Tuesday that …": a short adverbial before the complementizer.
    if (!content_follows) {
      for (uint32_t k = after + 1; k < w_.te && k <= after + 5; ++k) {
        if (tok_[k].Is(kTokPunct) && !IsPunct(w_, k, ",")) break;
        if (lang_.Is(tok_[k].word, Cat::kComplementizer)) {
          content_follows = true;
          after = k;
          break;
        }
      }
    }
    if (!content_follows) continue;
    a.speaker = sp;
    a.content_tb = after;
    a.content_te = w_.te;
    w_.attributions.push_back(a);
  }
  for (const auto& a : w_.attributions)
    for (uint32_t i = a.say_tb; i < a.say_te; ++i) w_.say_token[i - w_.tb] = true;
  // "The rebels said they will …", "Kerry said he would …": a pronoun opening the
  // reported clause is the speaker.
  for (const auto& a : w_.attributions) {
    if (a.speaker < 0 || a.content_tb < a.say_te) continue;
    uint32_t i = a.content_tb;
    if (i < w_.te && lang_.Is(tok_[i].word, Cat::kComplementizer)) ++i;
    int pm = w_.MentionStart(i);
    if (pm < 0 || pm == a.speaker) continue;
    Mention& pron = w_.mentions[pm];
    const Mention& sp = w_.mentions[a.speaker];
    bool person_speaker = sp.has_person || sp.ref == RefKind::kPerson;
    if ((pron.ref == RefKind::kPerson && person_speaker) ||
        ((pron.ref == RefKind::kPlural || pron.ref == RefKind::kIt) && !person_speaker)) {
      std::vector<std::string> codes = Codes(a.speaker);
      if (codes.empty()) continue;
      if (codes.size() > 1 && pron.ref == RefKind::kPlural) {
        pron.pair = codes;
        pron.code.clear();
      } else {
        pron.code = codes[0];
      }
    }
  }
}

const SentenceWork::Attribution* SentenceCoder::AttributionFor(uint32_t t) const {
  const SentenceWork::Attribution* best = nullptr;
  for (const auto& a : w_.attributions) {
    if (t < a.content_tb || t >= a.content_te) continue;
    if (!best || a.content_te - a.content_tb < best->content_te - best->content_tb) best = &a;
  }
  return best;
}

// Required words of a pattern: how specific it is.
int ConcreteItems(const Pattern& p) {
  int n = 0;
  for (const PatternItem& it : p.items)
    if (!it.optional && (it.kind == PatternItem::kWord || it.kind == PatternItem::kRoot ||
                         it.kind == PatternItem::kAlt))
      ++n;
  return n;
}

// Whether every slot item from `from` on captured an actor.
bool SlotsFilled(const Pattern& p, size_t from, const Match& m) {
  for (size_t i = from; i < p.items.size(); ++i) {
    const PatternItem& it = p.items[i];
    if (it.kind == PatternItem::kTarget && m.target < 0) return false;
    if (it.kind == PatternItem::kSource && m.source < 0) return false;
    if (it.kind == PatternItem::kPair && m.pair < 0) return false;
  }
  return true;
}

bool SentenceCoder::TokenMatches(const PatternItem& it, const Token& t) const {
  switch (it.kind) {
    case PatternItem::kWord:
      return t.word == it.id;
    case PatternItem::kRoot:
      return t.root == it.id || t.word == it.id;
    case PatternItem::kAlt:
      for (auto [id, root] : it.alts)
        if (t.word == id || (root && t.root == id)) return true;
      return false;
    default:
      return false;
  }
}

bool SentenceCoder::MatchFrom(const Pattern& p, size_t item, uint32_t pos, Match* m, int depth) {
  if (depth > 64) return false;
  if (item == p.items.size()) {
    m->te = pos;
    return true;
  }
  const PatternItem& it = p.items[item];
  auto hard_stop = [&](uint32_t i) {
    const Token& t = tok_[i];
    return t.Is(kTokTerminal) || IsPunct(w_, i, ";") || IsPunct(w_, i, ":") || t.Is(kTokQuote) ||
           (t.Is(kTokDash) && t.Is(kTokSpaceBefore));
  };
  switch (it.kind) {
    case PatternItem::kWord:
    case PatternItem::kRoot:
    case PatternItem::kAlt:
      // An opening quote inside a phrase does not break it: has “absolutely no place”.
      if (item > p.anchor && pos + 1 < w_.te && tok_[pos].Is(kTokQuote) &&
          TokenMatches(it, tok_[pos + 1]) && MatchFrom(p, item + 1, pos + 2, m, depth + 1))
        return true;
      if (pos < w_.te && TokenMatches(it, tok_[pos]) &&
          MatchFrom(p, item + 1, pos + 1, m, depth + 1))
        return true;
      for (const auto& seq : it.seqs) {
        bool all = pos + seq.size() <= w_.te;
        for (size_t k = 0; all && k < seq.size(); ++k) {
          const Token& t = tok_[pos + k];
          all = t.word == seq[k].first || (seq[k].second && t.root == seq[k].first);
        }
        if (all && MatchFrom(p, item + 1, pos + static_cast<uint32_t>(seq.size()), m, depth + 1))
          return true;
      }
      return it.optional && MatchFrom(p, item + 1, pos, m, depth + 1);
    case PatternItem::kGap: {
      // Shortest gap first, but an optional slot later in the pattern should be
      // filled if a longer gap reaches it ("menyediakan senjata … tentara Irak").
      Match first;
      bool have_first = false;
      const Match saved = *m;
      for (int k = 0; k <= it.max_gap; ++k) {
        uint32_t j = pos + k;
        if (j > w_.te) break;
        if (k > 0 && (hard_stop(j - 1) || IsPunct(w_, j - 1, ","))) break;
        *m = saved;
        if (!MatchFrom(p, item + 1, j, m, depth + 1)) continue;
        if (SlotsFilled(p, item + 1, *m)) return true;
        if (!have_first) {
          first = *m;
          have_first = true;
        }
      }
      *m = have_first ? first : saved;
      return have_first;
    }
    case PatternItem::kTarget:
    case PatternItem::kSource:
    case PatternItem::kPair: {
      for (uint32_t k = 0; k <= 5; ++k) {
        uint32_t j = pos + k;
        if (j >= w_.te) break;
        // Not across a comma or "and": "withdraw troops and release hostages".
        if (k > 0 && (hard_stop(j - 1) || IsPunct(w_, j - 1, ",") ||
                      lang_.Is(tok_[j - 1].word, Cat::kCoordinator)))
          break;
        // Three words, or in English five over a quantity ("killed at least eight top
        // al-Qaeda leaders") but not past another preposition.
        if (k > 3 && (lang_.iso() != "en" || lang_.Is(tok_[j - 1].word, Cat::kPreposition) ||
                      lang_.Is(tok_[j - 1].word, Cat::kLocative) ||
                      lang_.Is(tok_[j - 1].word, Cat::kDirectional) ||
                      lang_.Is(tok_[j - 1].word, Cat::kPurpose)))
          break;
        int mi = w_.MentionStart(j);
        if (mi < 0) continue;
        const Mention& men = w_.mentions[mi];
        // "fighting near Mosul", "in Iraq": where, not whom; but "fired at Israeli
        // soldiers" aims at people, and a pattern that spells the preposition ("arrived
        // in $T") asks for the place.
        bool spelled = false;
        if (item > 0) {
          const PatternItem& prev = p.items[item - 1];
          if (prev.kind == PatternItem::kWord) spelled = lang_.Is(prev.id, Cat::kLocative);
          if (prev.kind == PatternItem::kAlt)
            for (auto [id, is_root] : prev.alts)
              spelled |= !is_root && lang_.Is(id, Cat::kLocative);
        }
        if (men.locative && !spelled &&
            (men.is_place_only || (men.code.size() <= 3 && !men.has_person)))
          continue;
        if (men.code.empty() && men.pair.empty()) continue;
        if (!it.agent.empty() && men.code.find(it.agent) == std::string::npos) continue;
        // "offered its troops to Lebanon": the subject's own forces are not the target.
        if (it.kind == PatternItem::kTarget && OwnedByPronoun(mi)) continue;
        int* slot = it.kind == PatternItem::kTarget   ? &m->target
                    : it.kind == PatternItem::kSource ? &m->source
                                                      : &m->pair;
        int saved = *slot;
        *slot = mi;
        if (MatchFrom(p, item + 1, GroupEnd(mi), m, depth + 1)) return true;
        *slot = saved;
        break;  // only the first actor in reach
      }
      if (it.optional) return MatchFrom(p, item + 1, pos, m, depth + 1);
      // A passive verb's target is its subject: "Bambang ditangkap oleh Bareskrim",
      // "the minister was arrested by police".
      if (it.kind == PatternItem::kTarget && item + 1 == p.items.size() && IsPassiveAt(m->head)) {
        m->target_from_passive = true;
        m->te = pos;
        return true;
      }
      if (it.kind == PatternItem::kTarget && item + 1 == p.items.size() &&
          ObjectRelativeAntecedent(m->head) >= 0) {
        m->target_from_relative = true;
        m->te = pos;
        return true;
      }
      return false;
    }
  }
  return false;
}

// A target the pattern did not place: an actor among the match's own words ("give
// Tanzania a grant") or the first one after it in the same clause ("lifted the curfew
// in Montenegro", "withdraw its troops from neighbouring Lebanon").
int SentenceCoder::FallbackTarget(const Match& m, int src) const {
  auto usable = [&](int mi) {
    if (mi < 0 || mi == src) return false;
    const Mention& men = w_.mentions[mi];
    if (OwnedByPronoun(mi)) return false;
    // A country named as where it happened counts, and a destination ("into
    // Mordor"); a city does not.
    bool located_country = (men.locative || men.directional) && !men.is_place_only && !men.absorbed;
    if (!Eligible(mi) && !located_country) return false;
    if (men.code.empty() && men.pair.empty()) return false;
    if (src >= 0 && GroupHead(mi) == GroupHead(src)) return false;
    // "Thailand lifted the curfew in Bangkok": the source's own country is where, not whom.
    // (A bare country or place only: "a member of the Syrian parliament … to protest
    // President Assad's failure" is a domestic event between two different actors.)
    if (src >= 0 && men.code.size() == 3 && !w_.mentions[src].code.empty() &&
        men.code.compare(0, 3, w_.mentions[src].code, 0, 3) == 0)
      return false;
    if (src >= 0 && men.code == w_.mentions[src].code) return false;
    return true;
  };
  for (uint32_t k = m.head + 1; k < m.te; ++k) {
    int mi = w_.MentionStart(k);
    if (usable(mi)) return GroupHead(mi);
  }
  // Ten words, or fifteen for a verb of intent or threat whose complement names the
  // target ("agreed in principle on Saturday to provide aid for Romania").
  const std::string_view root = std::string_view(m.pattern->code).substr(0, 2);
  const uint32_t window = root == "03" || root == "13" ? 15 : 10;
  for (uint32_t k = m.te; k < w_.te && k < m.te + window; ++k) {
    const Token& t = tok_[k];
    if (t.Is(kTokTerminal) || t.Is(kTokQuote) || IsPunct(w_, k, ";") || IsPunct(w_, k, ":") ||
        IsPunct(w_, k, ",") || w_.say_token[k - w_.tb] ||
        (w_.StartsAt(k) & (Bit(Cat::kRelative) | Bit(Cat::kComplementizer) |
                           Bit(Cat::kSubordinator) | Bit(Cat::kClauseConj) | Bit(Cat::kAccording))))
      break;
    int mi = w_.MentionStart(k);
    if (mi < 0) continue;
    // A compound this far out ("antara pasukan pemerintah dan pemberontak") is the
    // phrase's own pair, not the verb's object.
    if (usable(mi) && (w_.mentions[mi].group < 0 || m.pattern->late_recip)) return mi;
    // "aid for Romania and Poland": a compound after any other preposition is the object.
    uint32_t pb = k;
    while (pb > w_.tb && lang_.Is(tok_[pb - 1].word, Cat::kDeterminer)) --pb;
    if (usable(mi) && GroupHead(mi) == mi && pb > w_.tb) {
      std::string_view before = TokenText(doc_->text, tok_[pb - 1]);
      if ((lang_.Is(tok_[pb - 1].word, Cat::kPreposition) ||
           lang_.Is(tok_[pb - 1].word, Cat::kDirectional)) &&
          before != "between" && before != "among" && before != "antara")
        return mi;
    }
    break;  // the first actor after the verb is its object or nothing
  }
  return -1;
}

// "its troops", "their forces", "pasukannya": a bare agent owned by a pronoun belongs
// to someone already named.
bool SentenceCoder::OwnedByPronoun(int mi) const {
  const Mention& m = w_.mentions[mi];
  if (!m.bare_agent) return false;
  if (m.tb > w_.tb && lang_.Is(tok_[m.tb - 1].word, Cat::kPossessive)) return true;
  std::string_view last = TokenText(doc_->text, tok_[m.te - 1]);
  return lang_.iso() == "id" && last.size() > 3 && last.substr(last.size() - 3) == "nya";
}

// Indonesian di- verbs; English participles after "was", "were", "been".
bool SentenceCoder::IsPassiveAt(uint32_t verb) const {
  const Token& head = tok_[verb];
  if (lang_.iso() != "en") return (head.affixes & kPrefixDi) != 0;
  if (!(head.affixes & kParticiple)) return false;
  for (uint32_t j = verb; j > w_.tb && j + 3 > verb; --j)
    if (lang_.Is(tok_[j - 1].word, Cat::kPassiveAux)) return true;
  return false;
}

// "militants, whom the U.S. and its allies are fighting": the verb at `verb` has its
// subject right before it (auxiliaries between) and a relative pronoun before that;
// the pronoun stands for the object, the actor before it.
int SentenceCoder::ObjectRelativeAntecedent(uint32_t verb) const {
  uint32_t j = verb;
  for (int aux = 0; aux < 3 && j > w_.tb && w_.MentionEnd(j) < 0; ++aux) {
    const Token& t = tok_[j - 1];
    if (t.Is(kTokPunct) ||
        !(lang_.Is(t.word, Cat::kAuxiliary) || lang_.Is(t.word, Cat::kPassiveAux) ||
          lang_.Is(t.word, Cat::kIntent) || lang_.Is(t.word, Cat::kMust)))
      break;
    --j;
  }
  int e = w_.MentionEnd(j);
  // "the U.S. and its allies are fighting": a coordinated non-actor after the subject.
  for (uint32_t k = j; e < 0 && k > w_.tb && k + 3 > j; --k) {
    if (tok_[k - 1].Is(kTokPunct)) break;
    if (lang_.Is(tok_[k - 1].word, Cat::kCoordinator)) e = w_.MentionEnd(k - 1);
  }
  if (e < 0 || !Eligible(e)) return -1;
  uint32_t b = w_.mentions[GroupHead(e)].tb;
  while (b > w_.tb && lang_.Is(tok_[b - 1].word, Cat::kDeterminer)) --b;
  if (b == w_.tb || !(w_.StartsAt(b - 1) & Bit(Cat::kRelative))) return -1;
  int ante = NearestMentionBefore(b - 1);
  return ante >= 0 && ante != GroupHead(e) ? ante : -1;
}

void SentenceCoder::FindMatches(std::vector<Match>* matches) {
  std::vector<uint32_t> cands;
  for (uint32_t i = w_.tb; i < w_.te; ++i) {
    // The second half of a hyphenated compound ("its long-threatened invasion", "a
    // UN-brokered deal", "the cease-fire") is a modifier or a noun, not the verb.
    // (Indonesian reduplication, "tembak-menembak", is a verb form and stays.) A past
    // participle after an article or a possessive is an adjective too: "the occupied
    // West Bank", "the besieged town", "its armed struggle".
    if (lang_.iso() == "en" && i > w_.tb && (tok_[i].affixes & kPast) &&
        lang_.Is(tok_[i - 1].word, Cat::kDeterminer))
      continue;
    // So is a present participle between a possessive and a name: "Jordan's visiting
    // King Abdullah", "the visiting Chinese premier".
    if (lang_.iso() == "en" && i > w_.tb && (tok_[i].affixes & kGerund) &&
        (lang_.Is(tok_[i - 1].word, Cat::kDeterminer) ||
         TokenText(doc_->text, tok_[i - 1]) == "'s" ||
         TokenText(doc_->text, tok_[i - 1]) == "’s") &&
        w_.MentionStart(i + 1) >= 0)
      continue;
    // Between two actors a compound of support is a relation of its own: "the
    // country's Moscow-backed leader" (Moscow supports the leader).
    bool compound_half = false, between_actors = false;
    if (lang_.iso() == "en" && i >= w_.tb + 2 && !tok_[i].Is(kTokSpaceBefore) &&
        tok_[i - 1].Is(kTokDash) && !tok_[i - 1].Is(kTokSpaceBefore) && tok_[i - 2].Is(kTokWord)) {
      compound_half = true;
      between_actors =
          w_.MentionEnd(i - 1) >= 0 && ((i + 1 < w_.te && w_.MentionStart(i + 1) >= 0) ||
                                        (i + 2 < w_.te && w_.MentionStart(i + 2) >= 0));
      if (!between_actors) continue;
    }
    cands.clear();
    patterns_.Candidates(tok_[i].word, tok_[i].root, &cands);
    for (uint32_t pi : cands) {
      const Pattern& p = patterns_.patterns()[pi];
      if (compound_half && p.code.compare(0, 2, "05") != 0) continue;
      Match m;
      m.pattern = &p;
      m.head = i;
      m.tb = i;
      if (p.leading_source) {
        // The source ends right before the anchor (allowing one adverb).
        int src = -1;
        int free_words = 0;  // one adverb may stand between; auxiliaries do not count
        for (uint32_t back = 0; back <= 6 && i - back > w_.tb; ++back) {
          if (back > 0) {
            const uint32_t t = i - back;
            if (!(w_.CoversAt(t) & (Bit(Cat::kAuxiliary) | Bit(Cat::kPassiveAux))) &&
                ++free_words > 1)
              break;
          }
          int e = w_.MentionEnd(i - back);
          if (e >= 0 && Eligible(e)) {
            const std::string& need = p.items[0].agent;
            if (need.empty() || w_.mentions[e].code.find(need) != std::string::npos)
              src = GroupHead(e);
            break;
          }
        }
        if (src < 0) continue;
        m.source = src;
        m.tb = w_.mentions[src].tb;
      }
      if (!MatchFrom(p, p.anchor, i, &m, 0)) continue;
      matches->push_back(m);
    }
  }
  // A match inside a longer one is part of it ("kerja sama" in "berjanji … kerja sama").
  std::vector<Match> kept;
  for (const Match& a : *matches) {
    bool inside = false;
    for (const Match& b : *matches) {
      if (&a == &b) continue;
      if (b.pattern->fallback && !a.pattern->fallback) continue;  // defaults never evict
      // "an easing of Western sanctions against Russia": a phrase with its own source
      // is its own event inside a longer one.
      if (a.source >= 0 && b.source < 0) continue;
      if (b.tb <= a.head && a.te <= b.te && (b.te - b.tb) > (a.te - a.tb) &&
          b.pattern->items.size() > a.pattern->items.size())
        inside = true;
      // "must halt the attacks": a trigger that is another match's words (its object)
      // is part of that event, not one of its own.
      if (!b.pattern->fallback && b.head < a.head && a.head < b.te &&
          (a.te <= b.te || ConcreteItems(*a.pattern) < ConcreteItems(*b.pattern)) &&
          ((b.target < 0 && b.pair < 0) || b.pattern == a.pattern))
        inside = true;
    }
    if (!inside) kept.push_back(a);
  }
  matches->swap(kept);
  // English coordinated verb phrases share the first one's subject and modals: "Russia
  // must stop the violence, withdraw troops and release hostages". A verb right after
  // "," or "and" continues the nearest earlier match of the same clause.
  if (lang_.iso() != "en") return;
  for (Match& m : *matches) {
    if (m.source >= 0 || m.pair >= 0 || m.tb == w_.tb) continue;
    uint32_t before = m.tb - 1;
    if (!(IsPunct(w_, before, ",") || lang_.Is(tok_[before].word, Cat::kCoordinator))) continue;
    const Match* prev = nullptr;
    for (const Match& o : *matches)
      if (o.te <= m.tb && (!prev || o.tb > prev->tb)) prev = &o;
    if (!prev || prev->source >= 0) continue;
    bool same_clause = true;
    for (uint32_t k = prev->te; k < m.tb; ++k)
      if (w_.say_token[k - w_.tb] || tok_[k].Is(kTokTerminal) || IsPunct(w_, k, ";") ||
          (w_.StartsAt(k) & Bit(Cat::kClauseConj)))
        same_clause = false;
    if (same_clause)
      m.continues = prev->continues >= 0 ? prev->continues : static_cast<int>(prev->tb);
  }
}

// A fallback pattern gives way to any specific one in the same clause (same
// attribution, no sentence-internal clause break between them).
void SentenceCoder::DropSupersededFallbacks(std::vector<Match>* matches) const {
  std::vector<Match> kept;
  for (const Match& a : *matches) {
    bool superseded = false;
    if (a.pattern->fallback) {
      for (const Match& b : *matches) {
        if (&a == &b || b.pattern->fallback) continue;
        if (AttributionFor(a.head) != AttributionFor(b.head)) continue;
        uint32_t lo = std::min(a.head, b.head), hi = std::max(a.head, b.head);
        bool broken = false;
        for (uint32_t k = lo; k < hi && !broken; ++k)
          // A relative or subordinate clause is another clause: "will release the
          // prime minister, whom they had taken hostage".
          broken = IsPunct(w_, k, ";") ||
                   (w_.StartsAt(k) &
                    (Bit(Cat::kClauseConj) | Bit(Cat::kRelative) | Bit(Cat::kSubordinator)));
        if (!broken) superseded = true;
      }
    }
    if (!superseded) kept.push_back(a);
  }
  matches->swap(kept);
}

// Verbs that report a speech act about another action — appeal, intend, demand,
// accuse, reject, threaten — take that action as their content: "demanded that Sudan
// end curbs on the press", "threatened to halt talks", "accused the U.S. of violating
// rights". The inner action is not asserted; only the speech act is an event. Matches
// whose anchor lies in such a complement are dropped (a coordinated verb phrase, "and
// announced sanctions", is a new act and stays).
void SentenceCoder::DropComplementActions(std::vector<Match>* matches) const {
  auto takes_complement = [](const Match& m) {
    std::string_view root = std::string_view(m.pattern->code).substr(0, 2);
    return root == "02" || root == "03" || root == "10" || root == "11" || root == "12" ||
           root == "13";
  };
  std::vector<Match> kept;
  for (const Match& a : *matches) {
    bool inner = false;
    for (const Match& b : *matches) {
      // A verb's default reading does not swallow a specific pattern inside its
      // complement: "offered to mediate" is an offer of mediation (045 with intent).
      if (&a == &b || !takes_complement(b) || b.head >= a.head || a.continues >= 0) continue;
      // ("offered to", "threatened to" are intent markers; "complained about the air
      // raids" has none, and the raids are what was complained about).
      if (b.pattern->fallback && !a.pattern->fallback) {
        bool modal = false;
        for (uint32_t k = b.head; k < a.head && !modal; ++k)
          modal = (w_.StartsAt(k) & (Bit(Cat::kIntent) | Bit(Cat::kRefuse) | Bit(Cat::kMust))) != 0;
        if (modal) continue;
      }
      if (AttributionFor(a.head) != AttributionFor(b.head)) continue;
      bool broken = false;
      for (uint32_t k = b.te; k < a.head && !broken; ++k)
        broken = tok_[k].Is(kTokTerminal) || IsPunct(w_, k, ";") ||
                 (w_.StartsAt(k) & Bit(Cat::kClauseConj)) || w_.say_token[k - w_.tb];
      if (!broken) inner = true;
    }
    if (!inner) kept.push_back(a);
  }
  matches->swap(kept);
}

int SentenceCoder::AgentAfter(uint32_t from, bool english) const {
  // "oleh X" / "by X" within a few words, or (Indonesian) an actor right after the verb.
  // English may put the agent after the charge: "has been accused of misusing public
  // funds, much of it embezzled, by current government officials".
  const uint32_t reach = english ? 20 : 5;
  for (uint32_t j = from; j < w_.te && j < from + reach; ++j) {
    if (tok_[j].Is(kTokTerminal) || IsPunct(w_, j, ";")) break;
    // "dinonaktifkan setelah ditetapkan … oleh KPK": the agent of the next clause's
    // verb, not this one's.
    if (w_.StartsAt(j) & (Bit(Cat::kSubordinator) | Bit(Cat::kClauseConj) | Bit(Cat::kRelative)))
      break;
    if (j >= from + 5 && (w_.say_token[j - w_.tb] ||
                          (w_.StartsAt(j) & (Bit(Cat::kComplementizer) | Bit(Cat::kAccording)))))
      break;
    if (lang_.Is(tok_[j].word, Cat::kPassiveBy)) {
      for (uint32_t k = j + 1; k < w_.te && k <= j + 2; ++k) {
        int mi = w_.MentionStart(k);
        if (mi >= 0 && Eligible(mi)) return mi;
      }
      return -1;
    }
  }
  if (!english) {
    int mi = w_.MentionStart(from);
    if (mi >= 0 && Eligible(mi)) return mi;
  }
  return -1;
}

int SentenceCoder::NearestMentionBefore(uint32_t pos) const {
  for (uint32_t j = pos; j > w_.tb && j + 4 > pos; --j) {
    int e = w_.MentionEnd(j);
    if (e >= 0 && Eligible(e)) return GroupHead(e);
    const Token& t = tok_[j - 1];
    if (!(t.Is(kTokPunct) || lang_.Is(t.word, Cat::kDeterminer))) {
      // allow a closing bracket of "Negara Islam (ISIS)"
      if (!t.Is(kTokCloseBracket)) break;
    }
  }
  return -1;
}

void SentenceCoder::CodeMatch(const Match& m, std::vector<RawEvent>* out) {
  const Pattern& p = *m.pattern;
  const bool english = lang_.iso() == "en";
  const Token& head = tok_[m.head];
  // Voice.
  bool passive = false;
  if (english) {
    if (head.affixes & kParticiple) {
      for (uint32_t j = m.head; j > w_.tb && j + 3 > m.head; --j)
        if (lang_.Is(tok_[j - 1].word, Cat::kPassiveAux)) passive = true;
    }
  } else {
    passive = (head.affixes & kPrefixDi) != 0 ||
              ((head.affixes & kPrefixTer) && AgentAfter(m.te, false) >= 0 &&
               lang_.Is(tok_[m.te].word, Cat::kPassiveBy));
  }
  if (m.source >= 0 || m.pair >= 0) passive = false;
  // Scan left from the match for the clause subject, collecting modal markers.
  uint64_t seen = 0;
  int subject = -1;
  enum class Stop {
    kNone,
    kStart,
    kComplement,
    kSay,
    kRelative,
    kSubordinate,
    kBoundary
  } stop = Stop::kNone;
  uint32_t stop_at = w_.tb;
  bool crossed_comma = false;
  uint32_t j = m.continues >= 0 ? static_cast<uint32_t>(m.continues) : m.tb;
  // Markers inside the match itself count too ("berjanji untuk …", "akan mulai …" is
  // before; "tidak" inside a pattern is part of the idiom and does not).
  for (uint32_t k = m.tb; k < m.te; ++k) {
    bool consumed = false;
    for (const PatternItem& it : p.items) {
      if (it.kind == PatternItem::kWord && it.id == tok_[k].word) consumed = true;
      if (it.kind == PatternItem::kAlt)
        for (auto [id, is_root] : it.alts)
          if (id == tok_[k].word && !is_root) consumed = true;
    }
    if (!consumed) seen |= w_.StartsAt(k) & ~(Bit(Cat::kNegator));
  }
  // "the sites of the heaviest fighting": a noun trigger inside a prepositional phrase
  // has no clause subject; only its own slots, "by X" or a speaker can give a source.
  // Indonesian nouns take no article: "dari perundingan hari Selasa".
  bool in_phrase = false;
  auto is_preposition = [&](uint32_t i) {
    return lang_.Is(tok_[i].word, Cat::kPreposition) || lang_.Is(tok_[i].word, Cat::kLocative);
  };
  if (m.source < 0 && m.pair < 0) {
    // A coordinated verb phrase is in a phrase when the one it continues is.
    uint32_t k = m.continues >= 0 ? static_cast<uint32_t>(m.continues) : m.tb;
    std::string_view anchor_text = TokenText(doc_->text, tok_[k]);
    bool gerund = anchor_text.size() > 4 && anchor_text.substr(anchor_text.size() - 3) == "ing";
    if (english && gerund && k > w_.tb && is_preposition(k - 1)) {
      // "any assessment of lifting the sanctions": a gerund after a preposition.
      in_phrase = true, k -= 1;
    } else if (english && gerund && k > w_.tb + 1 && is_preposition(k - 2) &&
               tok_[k - 1].Is(kTokWord) && !tok_[k - 1].Is(kTokCapital) && w_.MentionEnd(k) < 0) {
      // "after fierce fighting with guerrillas": one adjective between.
      in_phrase = true, k -= 2;
    } else if (english && !(tok_[k].affixes & kPast)) {
      // (A past tense is a verb, not a noun in a phrase: "Washington with its allies
      // demanded".)
      for (int words = 0;
           words < 3 && k > w_.tb && !tok_[k - 1].Is(kTokPunct) && w_.MentionEnd(k) < 0; ++words) {
        if (lang_.Is(tok_[k - 1].word, Cat::kDeterminer)) {
          if (k - 1 > w_.tb && is_preposition(k - 2)) in_phrase = true, k -= 2;
          break;
        }
        --k;
      }
    } else if (k > w_.tb && is_preposition(k - 1) &&
               !(tok_[m.tb].affixes & (kPrefixMe | kPrefixDi | kPrefixBer))) {
      in_phrase = true, k -= 1;
    }
    if (in_phrase) {
      j = w_.tb;
      stop_at = k;
      // "In talks with Lavrov on Tuesday, Kerry said …": a fronted phrase belongs to
      // the main clause and its subject.
      stop = k == w_.tb ? Stop::kSubordinate : Stop::kBoundary;
    }
  }
  for (; j > w_.tb; --j) {
    uint32_t i = j - 1;
    int e = w_.MentionEnd(j);
    if (e >= 0 && Eligible(e)) {
      int h = GroupHead(e);
      // "pemimpin Ukraina yang didukung Moskow menarik diri": an actor right after a
      // passive verb of a relative clause is that clause's agent; the subject is the
      // relative clause's head noun.
      uint32_t b = w_.mentions[h].tb;
      if (b >= w_.tb + 2 && (tok_[b - 1].affixes & kPrefixDi) &&
          (w_.StartsAt(b - 2) & Bit(Cat::kRelative))) {
        int ante = NearestMentionBefore(b - 2);
        if (ante >= 0) {
          subject = ante;
          break;
        }
        // "istilah yang diciptakan Obama … untuk memperkuat hubungan": the agent of
        // the passive verb is who acts in its purpose clause.
        if (seen & Bit(Cat::kPurpose)) {
          subject = h;
          break;
        }
        j = b - 1;
        continue;
      }
      // "menarik pasukan dan senjata serta melepaskan sandera": a bare agent right
      // after an active verb is that verb's object, not the subject.
      if (!english && w_.mentions[h].bare_agent && b > w_.tb && (tok_[b - 1].affixes & kPrefixMe)) {
        j = b;
        continue;
      }
      // "Jawara will visit Mauritania and Senegal to mediate": after a verb of motion
      // the place visited is no subject of the purpose clause; whoever goes is.
      if (english && GroupEnd(h) < w_.te && GroupEnd(h) + 1 == m.tb &&
          lang_.Is(tok_[GroupEnd(h)].word, Cat::kPurpose)) {
        uint32_t v = b;
        while (v > w_.tb && lang_.Is(tok_[v - 1].word, Cat::kDeterminer)) --v;
        if (v > w_.tb && (w_.CoversAt(v - 1) & Bit(Cat::kMotion))) {
          j = v;
          continue;
        }
      }
      subject = h;
      // "Russian aircraft including helicopter gunships killed": the examples after
      // "including" / "such as" belong to the subject named before them.
      if (english && b > w_.tb + 1) {
        uint32_t k = b;
        while (k > w_.tb && lang_.Is(tok_[k - 1].word, Cat::kDeterminer)) --k;
        std::string_view w1 = k > w_.tb ? TokenText(doc_->text, tok_[k - 1]) : "";
        std::string_view w2 = k > w_.tb + 1 ? TokenText(doc_->text, tok_[k - 2]) : "";
        uint32_t before = w1 == "including" ? k - 1 : (w1 == "as" && w2 == "such") ? k - 2 : 0;
        if (before > w_.tb) {
          if (IsPunct(w_, before - 1, ",")) --before;
          int e0 = w_.MentionEnd(before);
          if (e0 >= 0 && Eligible(e0)) {
            subject = GroupHead(e0);
            break;
          }
        }
      }
      // "Pakistan, a key U.S. ally in the war on terror, has refused": an actor inside an
      // apposition set off by commas describes the subject named before it.
      if (english && crossed_comma) {
        uint32_t k = b;
        for (int words = 0; words < 4 && k > w_.tb && !tok_[k - 1].Is(kTokPunct); ++words) --k;
        if (k > w_.tb && IsPunct(w_, k - 1, ",") && k < b &&
            lang_.Is(tok_[k].word, Cat::kDeterminer)) {
          int e0 = w_.MentionEnd(k - 1);
          if (e0 >= 0 && Eligible(e0)) {
            subject = GroupHead(e0);
            break;
          }
        }
      }
      // "The Turkish and Greek sides of the island of Cyprus agreed": an actor inside
      // a prepositional phrase modifies the subject; the head comes before it.
      if (english) {
        uint32_t pb = b;
        while (pb > w_.tb && lang_.Is(tok_[pb - 1].word, Cat::kDeterminer)) --pb;
        if (pb > w_.tb && (lang_.Is(tok_[pb - 1].word, Cat::kPreposition) ||
                           lang_.Is(tok_[pb - 1].word, Cat::kLocative))) {
          for (uint32_t k = pb - 1; k > w_.tb && k + 8 > pb; --k) {
            if (tok_[k - 1].Is(kTokPunct) || w_.say_token[k - 1 - w_.tb] ||
                (w_.StartsAt(k - 1) & (Bit(Cat::kComplementizer) | Bit(Cat::kRelative) |
                                       Bit(Cat::kSubordinator) | Bit(Cat::kClauseConj))))
              break;
            int e2 = w_.MentionEnd(k);
            if (e2 >= 0 && Eligible(e2)) {
              subject = GroupHead(e2);
              break;
            }
          }
        }
      }
      break;
    }
    if (w_.say_token[i - w_.tb]) {
      stop = Stop::kSay;
      stop_at = i;
      break;
    }
    uint64_t st = w_.StartsAt(i);
    seen |= st;
    const Token& t = tok_[i];
    if (st & Bit(Cat::kComplementizer)) {
      // English "that" is also a relative pronoun: right after an actor it is one.
      if (english && (st & Bit(Cat::kRelative)) && NearestMentionBefore(i) >= 0) {
        stop = Stop::kRelative;
        stop_at = i;
        break;
      }
      stop = Stop::kComplement;
      stop_at = i;
      break;
    }
    if (st & Bit(Cat::kRelative)) {
      if (!crossed_comma) {
        stop = Stop::kRelative;
        stop_at = i;
        break;
      }
      continue;
    }
    if (st & (Bit(Cat::kClauseConj))) {
      stop = Stop::kBoundary;
      stop_at = i;
      break;
    }
    if (st & Bit(Cat::kSubordinator)) {
      stop = Stop::kSubordinate;
      stop_at = i;
      break;
    }
    if (IsPunct(w_, i, ";") || IsPunct(w_, i, ":") || (t.Is(kTokDash) && t.Is(kTokSpaceBefore))) {
      stop = Stop::kBoundary;
      stop_at = i;
      break;
    }
    if (IsPunct(w_, i, ",")) crossed_comma = true;
  }
  if (j == w_.tb && subject < 0 && stop == Stop::kNone) stop = Stop::kStart;
  // A "where" clause describes the place or situation named before it ("in Serbia,
  // where 24 people were killed last March", "the areas where they agree"): background,
  // not the news of the sentence.
  if (english) {
    uint32_t opener = stop == Stop::kRelative ? stop_at : w_.te;
    if (subject >= 0 && stop == Stop::kNone) {
      uint32_t b = w_.mentions[subject].tb;
      while (b > w_.tb && lang_.Is(tok_[b - 1].word, Cat::kDeterminer)) --b;
      if (b > w_.tb) opener = b - 1;
    }
    if (opener < w_.te && TokenText(doc_->text, tok_[opener]) == "where") return;
  }
  // A trailing adverbial clause ("…, as the opposition threatened to storm his
  // residence", "one day after a Serbian jet shot down a helicopter") gives the
  // circumstances of the main clause's event; when the main clause has an event of its
  // own, the circumstance is not coded as news again.
  {
    uint32_t sub_at = w_.te;
    if (stop == Stop::kSubordinate) sub_at = stop_at;
    if (subject >= 0 && stop == Stop::kNone) {
      uint32_t b = w_.mentions[subject].tb;
      while (b > w_.tb && lang_.Is(tok_[b - 1].word, Cat::kDeterminer)) --b;
      if (b > w_.tb && (w_.StartsAt(b - 1) & Bit(Cat::kSubordinator))) sub_at = b - 1;
    }
    // (Indonesian reports often put the news in that clause: "…, kata JK, sesaat
    // sebelum bertemu Surya Paloh".)
    if (english && sub_at < w_.te && sub_at > w_.tb + 1 && m.continues < 0) {
      for (uint32_t h : w_.match_heads)
        if (h < sub_at && h != m.head) return;
    }
  }
  const SentenceWork::Attribution* attr = AttributionFor(m.head);
  bool negated = (seen & (Bit(Cat::kNegator) | Bit(Cat::kDeny))) != 0;
  // "denied that Iran had sent troops": the subject of the content clause stopped the
  // scan; the clause opener is right before it.
  if (subject >= 0 && stop == Stop::kNone) {
    uint32_t b = w_.mentions[subject].tb;
    while (b > w_.tb && lang_.Is(tok_[b - 1].word, Cat::kDeterminer)) --b;
    if (b > w_.tb && (w_.StartsAt(b - 1) & Bit(Cat::kComplementizer))) {
      stop = Stop::kComplement;
      stop_at = b - 1;
    }
  }
  // "denied that …", "membantah bahwa …": the content is not asserted.
  if ((stop == Stop::kComplement || stop == Stop::kSay) && stop_at > w_.tb) {
    for (uint32_t k = stop_at; k > w_.tb && k + 4 > stop_at; --k)
      if (w_.CoversAt(k - 1) & (Bit(Cat::kDeny) | Bit(Cat::kNegator))) negated = true;
  }
  if (attr) {
    // "did not say that …" negates; in "…, tidak etis, kata X" the words before the
    // verb are the content's own end.
    const bool content_after = attr->content_tb >= attr->say_te;
    for (uint32_t k = attr->say_tb; content_after && k > w_.tb && k + 3 > attr->say_tb; --k)
      if (w_.CoversAt(k - 1) & (Bit(Cat::kDeny) | Bit(Cat::kNegator))) negated = true;
    if (w_.CoversAt(attr->say_tb) & Bit(Cat::kDeny)) negated = true;
  }
  bool intent = (seen & Bit(Cat::kIntent)) != 0;
  bool must = (seen & Bit(Cat::kMust)) != 0;
  // A pattern anchored on the modal itself ("Sudan must …, Russia said") is the demand.
  if (w_.StartsAt(m.head) & Bit(Cat::kMust)) must = true;
  bool refuse = (seen & Bit(Cat::kRefuse)) != 0;
  // "menuju ke Milan untuk melakukan pembicaraan": going somewhere to do it = intent.
  if (!intent && m.tb > w_.tb && (w_.CoversAt(m.tb - 1) & Bit(Cat::kPurpose))) {
    for (uint32_t k = w_.tb; k < m.tb; ++k)
      if (w_.StartsAt(k) & Bit(Cat::kMotion)) intent = true;
  }

  // Who acted on whom.
  int src = m.source, tgt = m.target;
  std::vector<std::string> sources, targets;
  uint32_t src_tb = 0, src_te = 0, tgt_tb = 0, tgt_te = 0;
  auto relative_antecedent = [&]() { return NearestMentionBefore(stop_at); };
  if (m.pair >= 0) {
    std::vector<std::string> both = Codes(m.pair);
    if (both.size() < 2) return;
    src = tgt = m.pair;
    sources = both;
    targets = both;
  } else if (p.statement) {
    // "X tidak memiliki tempat …" said by someone: X is the target, the speaker (or
    // the subject of the verb that introduces the clause) the source.
    tgt = subject >= 0 ? subject : (stop == Stop::kRelative ? relative_antecedent() : -1);
    if (attr && attr->speaker >= 0) {
      src = attr->speaker;
    } else if (stop == Stop::kComplement || stop == Stop::kSay) {
      for (uint32_t k = stop_at; k > w_.tb && k + 6 > stop_at; --k) {
        int e = w_.MentionEnd(k);
        if (e >= 0 && Eligible(e)) {
          src = GroupHead(e);
          break;
        }
      }
    }
    if (src < 0 && tgt >= 0 && subject >= 0) {
      // No speaker: the subject states it about the target slot instead.
      src = -1;
    }
    // A judgement said of no one named ("pelaku melanggar hukum, kata polisi") is no
    // event between actors; a pattern that names its own source ("drew condemnation
    // from X") keeps it.
    if (tgt < 0 && m.source < 0) return;
  } else if (passive) {
    tgt = subject >= 0 ? subject : (stop == Stop::kRelative ? relative_antecedent() : -1);
    // "was thrown out by the Supreme Court": a target slot after "by" caught the agent.
    bool slot_is_agent = false;
    bool slot_in_next_clause = false;
    if (m.target >= 0) {
      uint32_t b = w_.mentions[m.target].tb;
      while (b > w_.tb && lang_.Is(tok_[b - 1].word, Cat::kDeterminer)) --b;
      slot_is_agent = b > w_.tb && lang_.Is(tok_[b - 1].word, Cat::kPassiveBy);
      // "dinonaktifkan setelah diperiksa oleh Polri": that "oleh" is the next verb's.
      for (uint32_t k = m.head + 1; k < b && slot_is_agent; ++k)
        slot_in_next_clause |=
            (w_.StartsAt(k) & (Bit(Cat::kSubordinator) | Bit(Cat::kClauseConj))) != 0;
    }
    if (slot_in_next_clause) return;  // the verb's own agent is not named
    if (m.target >= 0 && tgt < 0 && !slot_is_agent) tgt = m.target;
    src = slot_is_agent ? m.target : AgentAfter(m.te, english);
    if (src < 0 && m.target >= 0 && m.target != tgt) src = m.target;
  } else {
    if (src < 0) src = subject;
    if (src < 0 && stop == Stop::kRelative) src = relative_antecedent();
    if (src < 0 && stop == Stop::kSubordinate) {
      // "Setelah bertemu …, Kerry mengatakan": the main clause's subject.
      for (uint32_t k = m.te; k < w_.te; ++k) {
        if (IsPunct(w_, k, ",")) {
          int mi = w_.MentionStart(k + 1);
          if (mi < 0 && k + 2 < w_.te) mi = w_.MentionStart(k + 2);
          if (mi >= 0 && Eligible(mi)) src = GroupHead(mi);
          break;
        }
      }
    }
    if (src < 0 && attr && attr->speaker >= 0 && !must && !in_phrase) src = attr->speaker;
    if (m.target_from_relative && tgt < 0) tgt = ObjectRelativeAntecedent(m.head);
    // "whom the U.S. … are fighting": the relative pronoun is the object.
    if (tgt < 0 && subject >= 0) {
      uint32_t b = w_.mentions[subject].tb;
      while (b > w_.tb && lang_.Is(tok_[b - 1].word, Cat::kDeterminer)) --b;
      if (b > w_.tb && (w_.StartsAt(b - 1) & Bit(Cat::kRelative)) &&
          !(w_.StartsAt(b - 1) & Bit(Cat::kComplementizer) && !english)) {
        int ante = NearestMentionBefore(b - 1);
        if (ante >= 0 && ante != subject) tgt = ante;
      }
    }
  }
  if ((m.target_from_relative || m.target_from_passive) && tgt < 0) return;
  if (tgt < 0 && m.pair < 0 && !p.statement &&
      (p.late_recip || !(p.recip && src >= 0 && Codes(src).size() > 1)))
    tgt = FallbackTarget(m, src);
  std::string code = p.code;
  std::vector<std::string> modality;
  if (must) {
    // An obligation is only an event as someone's demand: "…harus…, kata Kerry", or
    // the subject of the verb whose "that" clause it is ("Chirac issued a reminder to
    // Iraq that it must cooperate", "the minister reiterated that Libya must …").
    int demander = attr ? attr->speaker : -1;
    if (demander < 0 && stop == Stop::kComplement && english) {
      for (uint32_t k = stop_at; k > w_.tb && k + 12 > stop_at; --k) {
        if (IsPunct(w_, k - 1, ";") || (w_.StartsAt(k - 1) & Bit(Cat::kComplementizer))) break;
        int e = w_.MentionEnd(k);
        if (e >= 0 && Eligible(e)) demander = GroupHead(e);
      }
    }
    if (demander < 0 || p.nomodal) return;
    tgt = src >= 0 ? src : tgt;
    src = demander;
    // "both sides must recognise …": an obligation the speaker shares is no demand
    // on another (only the bare modal pattern; a named action stays a demand).
    if ((w_.StartsAt(m.head) & Bit(Cat::kMust)) && tgt >= 0 &&
        w_.mentions[tgt].ref == RefKind::kBoth)
      return;
    code = codes_.Transform(code, Modal::kDemand);
    modality.push_back("demand");
  } else if (refuse && !p.nomodal) {
    code = codes_.Transform(code, Modal::kReject);
    modality.push_back("refusal");
  } else if (intent && !p.nomodal) {
    std::string root = code.substr(0, 2);
    if (root != "01" && root != "02" && root != "03" && root != "10" && root != "11" &&
        root != "12" && root != "13")
      code = codes_.Transform(code, Modal::kIntent);
    modality.push_back("intent");
  }
  if (attr) modality.push_back("reported");
  // "threatened to hold a general strike unless Israel rescinded the annexation": who
  // must give way is the one threatened.
  if (tgt < 0 && m.pair < 0 && english && code.compare(0, 2, "13") == 0) {
    for (uint32_t k = m.te; k + 1 < w_.te; ++k) {
      if (tok_[k].Is(kTokTerminal) || IsPunct(w_, k, ";") || w_.say_token[k - w_.tb]) break;
      std::string_view word = TokenText(doc_->text, tok_[k]);
      if (word != "unless" && word != "if") continue;
      uint32_t a = k + 1;
      while (a < w_.te && lang_.Is(tok_[a].word, Cat::kDeterminer)) ++a;
      int mi = w_.MentionStart(a);
      if (mi >= 0 && Eligible(mi) && mi != src) tgt = GroupHead(mi);
      break;
    }
  }

  // Date: the time expression nearest the trigger, else the story's date.
  CivilDate date = doc_->story_date;
  {
    int best = 1 << 30;
    // An explicit calendar date beats a weekday next to it ("Kamis (25/9/2014)").
    bool have_explicit = false;
    for (const TimeRef& t : w_.times) have_explicit |= !t.relative_day && t.date.day > 0;
    for (const TimeRef& t : w_.times) {
      if (have_explicit && t.relative_day) continue;
      int d = t.tb > m.head ? static_cast<int>(t.tb - m.head) : static_cast<int>(m.head - t.te);
      if (d < best) {
        best = d;
        date = t.date;
      }
    }
  }
  // Place: a place named after a locative preposition, nearest to the trigger;
  // a territory target ("semenanjung Krimea") is also the place.
  int place = -1, place_mention = -1;
  {
    int best = 1 << 30;
    for (const Mention& men : w_.mentions) {
      if (men.place < 0) continue;
      bool territory = men.is_place_only;
      if (!men.locative && !men.directional && !territory) continue;
      // "ke Milan, Italia": the city, not the country that names where it is.
      if (men.group >= 0 && !men.is_place_only) {
        bool finer = false;
        for (const Mention& o : w_.mentions)
          finer |= &o != &men && o.group == men.group && o.is_place_only && o.place >= 0 &&
                   dict_.place(o.place).iso3 == dict_.place(men.place).iso3;
        if (finer) continue;
      }
      int d = men.tb > m.head ? static_cast<int>(men.tb - m.head)
                              : static_cast<int>(m.head - men.te) + 2;
      if (d < best) {
        best = d;
        place = men.place;
        place_mention = static_cast<int>(&men - w_.mentions.data());
      }
    }
    if (place < 0 && index_ == 0 && doc_->dateline_place >= 0) place = doc_->dateline_place;
  }
  const std::string root = code.substr(0, 2);
  const bool violent = root == "18" || root == "19" || root == "20";
  // Unattributed violence: "three soldiers were killed by a roadside bomb near Basra",
  // "a car bomb killed a journalist in Beirut" name no perpetrator. CAMEO's reading is
  // unidentified armed forces (UAF) of the country where it happened, else of the
  // victims' country; the event says so in its modality.
  // Only a clause's own verb ("were killed", "a bomb killed"): a noun or a verb inside a
  // relative, conditional or complement clause ("if it is attacked", "where 28 people
  // were killed") reports no attack of its own.
  const bool clause_verb = english ? (head.affixes & (kPast | kParticiple)) != 0 : passive;
  bool subordinate_subject = false;  // "if it is attacked", "where soldiers were killed"
  if (subject >= 0) {
    uint32_t b = w_.mentions[subject].tb;
    while (b > w_.tb && lang_.Is(tok_[b - 1].word, Cat::kDeterminer)) --b;
    // ("where" is a relative word of the lexicon.)
    subordinate_subject =
        b > w_.tb && (w_.StartsAt(b - 1) &
                      (Bit(Cat::kSubordinator) | Bit(Cat::kRelative) | Bit(Cat::kComplementizer)));
  }
  if (src < 0 && sources.empty() && violent && tgt >= 0 && !p.statement && clause_verb &&
      !in_phrase && !subordinate_subject && stop != Stop::kRelative && stop != Stop::kSubordinate &&
      stop != Stop::kComplement) {
    std::string country;
    if (place >= 0) country = dict_.place(place).iso3;
    if (dict_.CountryPlace(country) < 0) {
      std::vector<std::string> victims = Codes(tgt);
      country = victims.empty() ? "" : victims[0].substr(0, 3);
    }
    if (country.size() == 3 && dict_.CountryPlace(country) >= 0) {
      sources.push_back(country + "UAF");
      modality.push_back("unattributed");
    }
  }
  // "A missionary was arrested in Lebanon", "a US national has been put under
  // investigation in Italy": an arrest or an investigation with no agent named is the
  // act of the authorities of the country where it happened.
  if (src < 0 && sources.empty() && (root == "17" || root == "09") && passive && tgt >= 0 &&
      place_mention >= 0 && !in_phrase && !subordinate_subject && stop != Stop::kRelative &&
      stop != Stop::kSubordinate && stop != Stop::kComplement) {
    const std::string& country = dict_.place(place).iso3;
    if (country.size() == 3 && dict_.CountryPlace(country) >= 0) {
      sources.push_back(country);
      modality.push_back("unattributed");
    }
  }

  if (sources.empty() && src >= 0) sources = Codes(src);
  if (src >= 0) {
    src_tb = w_.mentions[src].tb;
    src_te = GroupEnd(src);
  }
  if (targets.empty() && tgt >= 0) {
    targets = Codes(tgt);
    tgt_tb = w_.mentions[tgt].tb;
    tgt_te = GroupEnd(tgt);
  } else if (tgt >= 0) {
    tgt_tb = w_.mentions[tgt].tb;
    tgt_te = GroupEnd(tgt);
  }
  if (sources.empty()) return;
  bool reciprocal = targets.empty() && sources.size() > 1 && p.recip;
  if (reciprocal || m.pair >= 0) {
    targets = sources;
    tgt_tb = src_tb;
    tgt_te = src_te;
  }
  // An act on a place: a curfew, a protest or shelling "in Kirkuk" (or the threat of
  // one) with no one named as its object falls on that country (its people or its
  // government). Acts between
  // parties (talks, accusations, aid) do not: where they happen is no party to them.
  if (targets.empty() && !reciprocal && m.pair < 0 && place_mention >= 0 &&
      (violent || root == "13" || root == "14" || root == "15" || root == "17" ||
       code.compare(0, 3, "081") == 0)) {
    const std::string& country = dict_.place(place).iso3;
    // "Thousands of Thais rallied in Bangkok": a country acting in itself has no target.
    bool self = std::find(sources.begin(), sources.end(), country) != sources.end();
    if (country.size() == 3 && dict_.CountryPlace(country) >= 0 && !self) {
      targets.push_back(country);
      tgt_tb = w_.mentions[place_mention].tb;
      tgt_te = w_.mentions[place_mention].te;
    }
  }

  // Meetings: where they happened decides visit (042), host (043) or third place (044).
  if (p.meet && place >= 0 && code.substr(0, 2) == "04") {
    const std::string& where = dict_.place(place).iso3;
    bool src_home = false, tgt_home = false;
    for (const auto& s : sources) src_home |= s.substr(0, 3) == where;
    for (const auto& t : targets) tgt_home |= t.substr(0, 3) == where;
    if (!targets.empty()) code = src_home ? "043" : tgt_home ? "042" : "044";
  }

  const bool group_target = tgt >= 0 && w_.mentions[tgt].group >= 0 && !reciprocal && m.pair < 0;
  bool mixed_target = false;
  for (const std::string& t : targets)
    for (const std::string& t2 : targets) mixed_target |= t.compare(0, 3, t2, 0, 3) != 0;
  for (const std::string& s : sources) {
    std::vector<std::string> tlist;
    for (const std::string& t : targets)
      // "hubungan antara AS dan Rusia" by Obama: not Obama → USA. A domestic group
      // ("Menteri … dan Tedjo", all IDN) stays whole.
      if (!(group_target && t.compare(0, 3, s, 0, 3) == 0 && mixed_target)) tlist.push_back(t);
    if (tlist.empty()) tlist.push_back("");
    for (std::string t : tlist) {
      // An actor acting on itself is no event; two people of one government are two
      // actors ("Presiden Joko Widodo menegur Menteri Tedjo": IDNGOV → IDNGOV).
      if (!t.empty() && t == s &&
          (reciprocal || m.pair >= 0 || src == tgt || src < 0 || tgt < 0 ||
           GroupHead(src) == GroupHead(tgt) ||
           (!w_.mentions[src].has_person && !w_.mentions[tgt].has_person))) {
        // "Thais protested in Bangkok": where it happened is no target.
        if (tgt >= 0 && w_.mentions[tgt].locative && !reciprocal && m.pair < 0 && tlist.size() == 1)
          t.clear();
        else
          continue;
      }
      // "Rusia dan pasukan Rusia" acting on each other is one actor; "Pemerintah
      // Filipina dan MILF" (PHLGOV, PHLSEPMLF) are two.
      if (!t.empty() && (reciprocal || m.pair >= 0) &&
          (t.compare(0, s.size(), s) == 0 || s.compare(0, t.size(), t) == 0))
        continue;
      RawEvent ev;
      ev.source = {s, src_tb, src_te};
      if (!t.empty()) {
        ev.has_target = true;
        ev.target = {t, tgt_tb, tgt_te};
      }
      ev.code = code;
      // Killing by an army is conventional military force (19), not the unconventional
      // violence of root 18 ("Serb forces killed three villagers", "British aircraft
      // killed four Iraqis").
      if (code == "1823" && s.size() >= 6 && s.compare(3, 3, "MIL") == 0) ev.code = "190";
      ev.pattern = &p;
      ev.negated = negated;
      ev.modality = modality;
      ev.date = date;
      ev.place = place;
      ev.sentence = index_;
      ev.trigger_tb = m.head;
      ev.trigger_te = m.te;
      out->push_back(std::move(ev));
    }
  }
  // Remember the clause subject for "mereka"/"they" later.
  if (!passive && src >= 0 && !(attr && must) && !w_.mentions[src].bare_agent)
    doc_->last_subject = sources;
}

void SentenceCoder::Run(std::vector<RawEvent>* out) {
  Prepare();
  ResolveReferences();
  FindAttributions();
  std::vector<Match> matches;
  // Sport, like PETRARCH's discard list: "menyerang pertahanan Malaysia" in a match
  // report is no attack.
  bool discard = false;
  for (uint32_t i = w_.tb; i < w_.te && !discard; ++i)
    discard = (w_.StartsAt(i) & Bit(Cat::kDiscard)) != 0;
  if (!discard) FindMatches(&matches);
  DropComplementActions(&matches);
  DropSupersededFallbacks(&matches);
  // "menyerukan bahwa …", "recognized that …": a verb that is part of a multi-word
  // attribution phrase introduces what is said; it is no act of its own.
  matches.erase(std::remove_if(matches.begin(), matches.end(),
                               [&](const Match& m) {
                                 for (const Marker& mk : w_.markers)
                                   if (mk.cat == Cat::kSay && mk.end - mk.begin >= 2 &&
                                       mk.begin <= m.head && m.head < mk.end)
                                     return true;
                                 return false;
                               }),
                matches.end());
  // WARTA_TRACE=1 prints what the coder saw: roots, actors, attributions, matches.
  static const bool trace = std::getenv("WARTA_TRACE") != nullptr;
  if (trace) {
    std::string line = "sentence " + std::to_string(index_) + ":";
    for (uint32_t i = w_.tb; i < w_.te; ++i) {
      line += " " + std::string(TokenText(doc_->text, tok_[i]));
      if (tok_[i].root && tok_[i].root != tok_[i].word)
        line += "{" + std::string(lang_.lexicon().Word(tok_[i].root)) + "}";
    }
    std::fprintf(stderr, "%s\n", line.c_str());
    for (const Mention& m : w_.mentions)
      std::fprintf(stderr, "  actor [%u,%u) %s%s%s%s group=%d\n", m.tb - w_.tb, m.te - w_.tb,
                   m.code.c_str(), m.locative ? " locative" : "",
                   m.directional ? " directional" : "", m.bare_agent ? " bare" : "", m.group);
    for (const auto& a : w_.attributions)
      std::fprintf(stderr, "  says: speaker=%d content=[%u,%u)\n", a.speaker, a.content_tb - w_.tb,
                   a.content_te - w_.tb);
    for (const Match& m : matches)
      std::fprintf(stderr, "  match %s at %u..%u target=%d continues=%d\n", m.pattern->rule.c_str(),
                   m.tb - w_.tb, m.te - w_.tb, m.target,
                   m.continues < 0 ? -1 : m.continues - static_cast<int>(w_.tb));
  }
  size_t first = out->size();
  w_.match_heads.clear();
  for (const Match& m : matches) w_.match_heads.push_back(m.head);
  for (const Match& m : matches) CodeMatch(m, out);
  // One happening in one sentence: one event per (source, target, code).
  // One happening in one sentence: one event per (source, target, code); and where two
  // patterns read the same trigger for the same pair, a code and its refinement ("081"
  // and "0812"), the refinement stands.
  std::map<std::tuple<std::string, std::string, std::string>, size_t> seen;
  std::vector<RawEvent> unique;
  auto refined_by = [&](const RawEvent& general, const RawEvent& other) {
    return &general != &other && general.trigger_tb == other.trigger_tb &&
           general.source.code == other.source.code && general.has_target == other.has_target &&
           general.target.code == other.target.code && other.code.size() > general.code.size() &&
           other.code.compare(0, general.code.size(), general.code) == 0;
  };
  // One trigger word read by two patterns for the same pair ("welcomed" as hosting and
  // as praise, "accused … of violating rights" as two kinds of accusation) is one event:
  // the pattern with more required words wins, the earlier one on a tie.
  std::vector<bool> refined(out->size(), false);
  for (size_t k = first; k < out->size(); ++k)
    for (size_t o = first; o < out->size() && !refined[k]; ++o)
      refined[k] = refined_by((*out)[k], (*out)[o]);
  auto outranked = [&](size_t k) {
    const RawEvent& e = (*out)[k];
    for (size_t o = first; o < out->size(); ++o) {
      const RawEvent& x = (*out)[o];
      if (o == k || refined[o] || x.trigger_tb != e.trigger_tb || x.source.code != e.source.code ||
          x.has_target != e.has_target || x.target.code != e.target.code || x.code == e.code ||
          !x.pattern || !e.pattern)
        continue;
      int cx = ConcreteItems(*x.pattern), ce = ConcreteItems(*e.pattern);
      if (cx > ce || (cx == ce && o < k)) return true;
    }
    return false;
  };
  for (size_t k = first; k < out->size(); ++k) {
    RawEvent& e = (*out)[k];
    if (refined[k] || outranked(k)) continue;
    auto key = std::make_tuple(e.source.code, e.has_target ? e.target.code : "", e.code);
    auto it = seen.find(key);
    if (it == seen.end()) {
      seen.emplace(key, unique.size());
      unique.push_back(std::move(e));
    } else if (e.pattern && unique[it->second].pattern &&
               e.pattern->items.size() > unique[it->second].pattern->items.size()) {
      unique[it->second] = std::move(e);  // the more specific pattern explains it
    }
  }
  out->resize(first);
  for (auto& e : unique) out->push_back(std::move(e));
  // Sentences without events still move the discourse on: a sentence's first actor
  // subject is what "mereka" refers to next.
  if (out->size() == first) {
    for (size_t k = 0; k < w_.mentions.size(); ++k) {
      if (!Eligible(static_cast<int>(k)) || w_.mentions[k].bare_agent) continue;
      std::vector<std::string> c = Codes(GroupHead(static_cast<int>(k)));
      if (!c.empty()) doc_->last_subject = c;
      break;
    }
  }
}

}  // namespace

void EventExtractor::ProcessSentence(DocState* doc, uint32_t sentence_index,
                                     std::vector<RawEvent>* out) const {
  SentenceCoder coder(lang_, dict_, patterns_, codes_, doc, sentence_index);
  coder.Run(out);
}

}  // namespace warta
