#include "actors/actor_matcher.h"

#include <algorithm>

#include "util/utf8.h"

namespace warta {
namespace {

struct Piece {
  uint32_t tb, te;
  const ActorEntry* entry;
  std::string code;
  const ActorName* name;
};

bool CaseOk(const SentenceView& s, const ActorName& name, uint32_t tb, const ActorEntry& e) {
  const std::vector<Token>& tok = *s.tokens;
  if (name.case_sensitive) {
    // Compare the letters exactly (U.S. = U.S., AS = AS, not "as").
    std::string joined;
    for (uint32_t i = tb; i < tb + name.words.size(); ++i) joined += TokenText(s.text, tok[i]);
    std::string want;
    for (char c : name.surface)
      if (c != ' ') want += c;
    return joined == want;
  }
  // Proper names must be capitalised in the text; agent words need not be.
  if (e.kind == ActorKind::kAgent) return true;
  const Token& first = tok[tb];
  return first.Is(kTokCapital) || first.Is(kTokNumber);
}

// Picks the entry of a name that applies (language, date) with the kind preference
// person > org > country > seat > capital > demonym > place > agent.
const ActorEntry* PickEntry(const ActorDictionary& dict, const ActorName& name,
                            const std::string& lang, int64_t day) {
  static const int kRank[] = {3, 5, 4, 2, 1, 0, 7, 6};  // by ActorKind
  const ActorEntry* best = nullptr;
  for (uint32_t idx : name.entries) {
    const ActorEntry& e = dict.entry(idx);
    // Place and organisation names travel between languages ("Milan", "Amnesty
    // International" in Indonesian news); other names keep to their language.
    if (!e.lang.empty() && e.lang != lang && e.kind != ActorKind::kPlace &&
        e.kind != ActorKind::kOrg)
      continue;
    if (day < e.from || day >= e.to) continue;
    if (!best || kRank[static_cast<int>(e.kind)] < kRank[static_cast<int>(best->kind)]) best = &e;
  }
  return best;
}

bool HasMarker(const SentenceView& s, uint32_t tok, Cat cat) {
  for (const Marker& m : *s.markers)
    if (m.begin == tok && m.cat == cat) return true;
  return false;
}
const Marker* MarkerAt(const SentenceView& s, uint32_t tok, Cat cat) {
  for (const Marker& m : *s.markers)
    if (m.begin == tok && m.cat == cat) return &m;
  return nullptr;
}
// Does a marker of `cat` end right at token `end` (exclusive)?
bool MarkerEndsAt(const SentenceView& s, uint32_t end, Cat cat) {
  for (const Marker& m : *s.markers)
    if (m.end == end && m.cat == cat) return true;
  return false;
}

}  // namespace

void FindMentions(const SentenceView& s, const LanguagePack& lang, const ActorDictionary& dict,
                  int64_t day, std::vector<Mention>* out) {
  const std::vector<Token>& tok = *s.tokens;
  const std::string& iso = lang.iso();
  // 1. Dictionary pieces, longest match first.
  std::vector<Piece> pieces;
  for (uint32_t i = s.tb; i < s.te;) {
    const std::vector<uint32_t>* cands = dict.NamesStartingWith(tok[i].word);
    bool matched = false;
    if (cands && tok[i].word != kNoWord) {
      for (uint32_t ni : *cands) {
        const ActorName& name = dict.name(ni);
        size_t len = name.words.size();
        if (i + len > s.te) continue;
        bool eq = true;
        for (size_t k = 1; k < len && eq; ++k) eq = tok[i + k].word == name.words[k];
        if (!eq) continue;
        const ActorEntry* e = PickEntry(dict, name, iso, day);
        if (!e || !CaseOk(s, name, i, *e)) continue;
        Piece p{i, static_cast<uint32_t>(i + len), e, e->code, &name};
        if (e->kind == ActorKind::kPerson) p.code = dict.PersonCode(e->person, day);
        pieces.push_back(p);
        i += static_cast<uint32_t>(len);
        matched = true;
        break;
      }
    }
    if (!matched) ++i;
  }
  // A capitalised agent word inside a personal name is part of the name: "Tom King",
  // "John Bishop" (not the king, not a bishop).
  auto capital_unknown = [&](uint32_t i) {
    const Token& t = tok[i];
    if (!t.Is(kTokCapital) || t.Is(kTokNumber) || !t.Is(kTokWord)) return false;
    if (lang.Is(t.word, Cat::kWeekday) || lang.Is(t.word, Cat::kMonth) ||
        lang.Is(t.word, Cat::kStopword) || lang.Is(t.word, Cat::kHonorific) ||
        lang.Is(t.word, Cat::kPronounPerson) || lang.Is(t.word, Cat::kDeterminer) ||
        lang.Is(t.word, Cat::kNotName))
      return false;
    return true;
  };
  {
    std::vector<Piece> kept;
    for (const Piece& pc : pieces) {
      bool in_name = pc.entry->kind == ActorKind::kAgent && tok[pc.tb].Is(kTokCapital) &&
                     pc.tb > s.tb && !tok[pc.tb - 1].Is(kTokNewlineBefore) &&
                     capital_unknown(pc.tb - 1) && (kept.empty() || kept.back().te < pc.tb) &&
                     pc.tb - 1 > s.tb;
      if (!in_name) kept.push_back(pc);
    }
    pieces.swap(kept);
  }
  // 2. Compose adjacent pieces into mentions.
  size_t first_new = out->size();
  for (size_t p = 0; p < pieces.size();) {
    // "Western Cambodia", "northern Iraqi Kurdistan": an adjective of direction or of
    // a people right before a place names part of that place, not a second actor.
    if (p + 1 < pieces.size() && pieces[p].entry->kind == ActorKind::kDemonym &&
        pieces[p + 1].tb == pieces[p].te &&
        (pieces[p + 1].entry->kind == ActorKind::kCountry ||
         pieces[p + 1].entry->kind == ActorKind::kCapital ||
         pieces[p + 1].entry->kind == ActorKind::kPlace) &&
        pieces[p + 1].entry->code != pieces[p].entry->code) {
      ++p;
      continue;
    }
    Mention m;
    m.tb = pieces[p].tb;
    m.te = pieces[p].te;
    std::string country, agent, org, person_code;
    int place = -1;
    bool only_place = true;
    size_t q = p;
    auto absorb = [&](const Piece& pc) {
      const ActorEntry& e = *pc.entry;
      switch (e.kind) {
        case ActorKind::kCountry:
        case ActorKind::kDemonym:
        case ActorKind::kCapital:
          country = e.code;
          only_place = false;
          if (e.kind == ActorKind::kCapital) {
            // A capital is also a place: take its own coordinates from the gazetteer.
            for (uint32_t idx : pc.name->entries)
              if (dict.entry(idx).kind == ActorKind::kPlace && place < 0)
                place = dict.entry(idx).place;
          }
          if (e.kind != ActorKind::kDemonym && place < 0) place = dict.CountryPlace(e.code);
          break;
        case ActorKind::kSeat:
          country = e.code.substr(0, 3);
          agent = e.code.substr(3);
          only_place = false;
          break;
        case ActorKind::kOrg:
          org = e.code;
          only_place = false;
          break;
        case ActorKind::kPerson:
          person_code = pc.code;
          only_place = false;
          break;
        case ActorKind::kAgent:
          // Military beats government in "pejabat militer", "pasukan pemerintah".
          if (agent.empty() || e.code == "MIL" || agent != "MIL") agent = e.code;
          only_place = false;
          break;
        case ActorKind::kPlace:
          place = e.place;
          if (country.empty()) country = e.code;
          break;
      }
    };
    absorb(pieces[p]);
    auto is_country_kind = [](ActorKind k) {
      return k == ActorKind::kCountry || k == ActorKind::kDemonym || k == ActorKind::kCapital;
    };
    while (q + 1 < pieces.size()) {
      const Piece& cur = pieces[q];
      const Piece& nxt = pieces[q + 1];
      uint32_t gap_begin = cur.te, gap_end = nxt.tb;
      bool joinable = false;
      if (gap_begin == gap_end) {
        joinable = true;
      } else if (gap_end - gap_begin <= 2) {
        // "Ukraine's president", "president of Ukraine", "Negara Islam (ISIS)"
        std::string gap;
        for (uint32_t k = gap_begin; k < gap_end; ++k)
          gap += utf8::Lower(TokenText(s.text, tok[k])) + " ";
        joinable = gap == "'s " || gap == "’s " || gap == "of " || gap == "of the " ||
                   gap == "( " || gap == "dari ";
        // "French paper workers", "Palestinian suicide bombers": a demonym, a noun
        // modifier, an agent.
        if (!joinable && gap_end - gap_begin == 1 && cur.entry->kind == ActorKind::kDemonym &&
            nxt.entry->kind == ActorKind::kAgent && tok[gap_begin].Is(kTokWord) &&
            !tok[gap_begin].Is(kTokCapital) && !lang.Is(tok[gap_begin].word, Cat::kStopword) &&
            !lang.Is(tok[gap_begin].word, Cat::kCoordinator))
          joinable = true;
        // "Vietnamese-led forces", "Saudi-led coalition troops": the leader's forces
        // ("US-backed rebels" are not the backer's).
        if (!joinable && gap == "- led " && is_country_kind(cur.entry->kind) &&
            nxt.entry->kind == ActorKind::kAgent)
          joinable = true;
        // "Lebanon's new President", "Iraq's former prime minister": one lowercase
        // modifier after the possessive.
        if (!joinable && gap_end - gap_begin == 2 && nxt.entry->kind == ActorKind::kAgent) {
          std::string_view first = TokenText(s.text, tok[gap_begin]);
          joinable = (first == "'s" || first == "’s") && !tok[gap_begin + 1].Is(kTokCapital) &&
                     tok[gap_begin + 1].Is(kTokWord);
        }
      }
      if (!joinable) break;
      ActorKind a = cur.entry->kind, b = nxt.entry->kind;
      auto is_country = [](ActorKind k) {
        return k == ActorKind::kCountry || k == ActorKind::kDemonym || k == ActorKind::kCapital;
      };
      // Two countries are two actors ("Rusia Ukraina" does not occur as one).
      if (is_country(b) && !country.empty() && nxt.entry->code != country) break;
      // "Gubernur Riau", "governor of Kandahar": a title of a place is of its country.
      if (b == ActorKind::kPlace &&
          !(a == ActorKind::kAgent && country.empty() && org.empty() && person_code.empty()))
        break;
      if (a == ActorKind::kPlace) break;
      if (b == ActorKind::kPerson && !person_code.empty()) break;
      if (b == ActorKind::kOrg && !org.empty() && nxt.entry->code != org) break;
      if (is_country(b) && !person_code.empty()) break;  // "Kerry Rusia" is not one actor
      absorb(nxt);
      ++q;
      m.te = nxt.te;
      // Swallow the closing bracket of "Negara Islam (ISIS)".
      if (m.te < s.te && tok[m.te].Is(kTokCloseBracket) && gap_end > gap_begin) ++m.te;
    }
    // "Juba" in 2000 was Sudan's.
    if (!country.empty()) country = dict.CountryOn(country, day);
    // A title followed by a name no dictionary knows: "British Defence Secretary Tom
    // King", "President Abdelaziz Bouteflika", "juru bicara militer Ukraina Andriy
    // Lysenko". The title says what the person is; the name is absorbed.
    bool unknown_person = false;
    // An organisation followed by a name is one of its people: "Wakil Ketua KPK Bambang
    // Widjojanto".
    if (person_code.empty() && (!agent.empty() || !org.empty())) {
      uint32_t next_piece = q + 1 < pieces.size() ? pieces[q + 1].tb : s.te;
      uint32_t e = m.te;
      while (e < s.te && e < next_piece && e < m.te + 4 && capital_unknown(e)) ++e;
      if (e > m.te) {
        m.te = e;
        unknown_person = true;
      }
    }
    // "Menteri Luar Negeri Retno Marsudi" before her term: the title in the text says
    // what she is when her dated role gives only her country.
    if (person_code.size() == 3 && !agent.empty()) person_code += agent;
    // Likewise an institution of her country in the title: "Wakil Ketua DPR Priyo Budi
    // Santoso" outside his dated term is of the DPR.
    if (person_code.size() == 3 && org.size() > 3 && org.compare(0, 3, person_code) == 0)
      person_code = org;
    if (!person_code.empty()) {
      m.code = person_code;
      m.has_person = true;
      m.has_country = true;
    } else if (!org.empty()) {
      m.code = org;
    } else if (!country.empty() && m.tb >= s.tb + 2 && TokenText(s.text, tok[m.tb - 1]) == "-" &&
               (utf8::Lower(TokenText(s.text, tok[m.tb - 2])) == "pro" ||
                utf8::Lower(TokenText(s.text, tok[m.tb - 2])) == "anti")) {
      // "pro-Russian armed groups", "an anti-Syria journalist" are not that country's:
      // the agent alone.
      if (agent.empty()) {
        p = q + 1;
        continue;
      }
      m.code = agent;
      m.bare_agent = true;
    } else if (!country.empty()) {
      m.code = country + (agent.empty() ? "" : agent);
      m.has_country = true;
    } else if (!agent.empty()) {
      // "a new military offensive", "all official contact", "hostage-takers": an agent
      // word modifying another noun names no actor.
      const Token& last = tok[m.te - 1];
      bool modifier =
          m.te < s.te && !last.Is(kTokCapital) &&
          (lang.Is(tok[m.te].word, Cat::kModifiedNoun) ||
           (m.te + 1 < s.te && tok[m.te].Is(kTokDash) && !tok[m.te].Is(kTokSpaceBefore) &&
            !tok[m.te + 1].Is(kTokSpaceBefore) && tok[m.te + 1].Is(kTokWord)));
      if (modifier) {
        p = q + 1;
        continue;
      }
      m.code = agent;
      m.bare_agent = true;
    }
    if (unknown_person) m.has_person = true;
    // "the Albanians of southern Serbia": people named by a plural demonym.
    if (q == p && pieces[p].entry->kind == ActorKind::kDemonym) {
      std::string_view last = TokenText(s.text, tok[m.te - 1]);
      m.people = last.size() > 3 && (last.back() == 's' || last.back() == 'S');
    }
    m.place = place;
    m.is_place_only = only_place;
    // A place: after "di", "in", "ke", "to" (possibly with "kota", "wilayah" between).
    uint32_t before = m.tb;
    while (before > s.tb && lang.Is(tok[before - 1].word, Cat::kDeterminer)) --before;
    if (before > s.tb && MarkerEndsAt(s, before, Cat::kLocative))
      m.locative = true;
    else if (before > s.tb && MarkerEndsAt(s, before, Cat::kDirectional))
      m.directional = true;
    // "the Paris agreement", "Perjanjian Paris", "the Minsk accords": a city naming a
    // treaty or a meeting is part of that name, not an actor or a place.
    if (q == p && (pieces[p].entry->kind == ActorKind::kCapital ||
                   pieces[p].entry->kind == ActorKind::kPlace)) {
      bool names_a_treaty = (m.tb > s.tb && lang.Is(tok[m.tb - 1].word, Cat::kNameNoun)) ||
                            (m.te < s.te && lang.Is(tok[m.te].word, Cat::kNameNoun));
      if (names_a_treaty) {
        p = q + 1;
        continue;
      }
    }
    if (!m.code.empty() || m.place >= 0) out->push_back(m);
    p = q + 1;
  }
  // Tokens a dictionary name or a mention already takes (a piece left out of the
  // mentions, like "Paris" in "the Paris agreement", still counts).
  auto covered = [&](uint32_t i) {
    for (size_t k = first_new; k < out->size(); ++k)
      if ((*out)[k].tb <= i && i < (*out)[k].te) return true;
    for (const Piece& pc : pieces)
      if (pc.tb <= i && i < pc.te) return true;
    return false;
  };
  // The world gazetteer (GeoNames): a capitalised name no dictionary knows, right after
  // "in", "di", "to", "ke" ("di Sidoarjo", "to Kirkuk"), and not part of a longer
  // capitalised name ("in Casa Santa Marta" is not Marta, Italy). One-word names that
  // are ordinary words of the language ("Kota") are left alone.
  if (dict.gazetteer_size() > 0) {
    for (const Marker& mk : *s.markers) {
      if (mk.cat != Cat::kLocative && mk.cat != Cat::kDirectional) continue;
      uint32_t b = mk.end;
      while (b < s.te && lang.Is(tok[b].word, Cat::kDeterminer)) ++b;
      if (b >= s.te || !tok[b].Is(kTokCapital) || covered(b)) continue;
      uint32_t e = b;
      while (e < s.te && e < b + 4 && tok[e].Is(kTokCapital) && tok[e].Is(kTokWord) && !covered(e))
        ++e;
      if (e < s.te && tok[e].Is(kTokCapital) && tok[e].Is(kTokWord)) continue;  // longer name
      if (e == b + 1 &&
          (lang.Is(tok[b].word, Cat::kNotName) || lang.Is(tok[b].word, Cat::kStopword)))
        continue;
      std::string name;
      for (uint32_t k = b; k < e; ++k) {
        if (k > b) name += ' ';
        name += utf8::Lower(TokenText(s.text, tok[k]));
      }
      int place = dict.GazetteerPlace(name);
      if (place < 0) continue;
      Mention m;
      m.tb = b;
      m.te = e;
      m.place = place;
      m.code = dict.place(place).iso3;
      m.is_place_only = true;
      m.locative = mk.cat == Cat::kLocative;
      m.directional = mk.cat == Cat::kDirectional;
      out->push_back(m);
    }
  }
  // Names no dictionary knows. In a language with a home country (Indonesian news is
  // mostly domestic) a run of capitalised unknown words is a person of that country:
  // "KPK menetapkan Waryono sebagai tersangka". A single word opening the sentence is
  // left alone (it may be any capitalised word), as are acronyms.
  // Only where the sentence itself is about the home country (it names one of its
  // institutions, places or people): translated foreign news ("Seagal mengunjungi
  // Kamchatka") names foreigners the dictionaries do not know either.
  bool home_cue = false;
  for (size_t k = first_new; k < out->size(); ++k)
    home_cue |= (*out)[k].code.compare(0, 3, lang.home_country()) == 0 && !(*out)[k].locative;
  if (!lang.home_country().empty() && home_cue) {
    for (uint32_t i = s.tb; i < s.te;) {
      if (covered(i) || !capital_unknown(i) || tok[i].Is(kTokAllCaps)) {
        ++i;
        continue;
      }
      uint32_t e = i;
      while (e < s.te && e < i + 3 && !covered(e) && capital_unknown(e) && !tok[e].Is(kTokAllCaps))
        ++e;
      // After a lower-case word, or a title of address: "Romo Frans Magnis Suseno",
      // "Pak Hasto" (an honorific is no part of the name).
      bool after_word =
          i > s.tb && (!tok[i - 1].Is(kTokCapital) || lang.Is(tok[i - 1].word, Cat::kHonorific));
      bool opens_sentence = i == s.tb || tok[i - 1].Is(kTokQuote) || tok[i - 1].Is(kTokTerminal);
      // A single capitalised word opening the sentence is a name when a verb follows it
      // ("Tjahjo menilai …", "Freddy menegaskan, …") and it is no derived word itself.
      bool name_then_verb =
          opens_sentence && e == i + 1 && e < s.te && tok[i].root == tok[i].word &&
          !tok[i].affixes &&
          ((tok[e].affixes & (kPrefixMe | kPrefixDi)) || HasMarker(s, e, Cat::kSay));
      if ((opens_sentence && (e - i >= 2 || name_then_verb)) || (!opens_sentence && after_word)) {
        Mention m;
        m.tb = i;
        m.te = e;
        m.code = lang.home_country();
        m.has_person = true;
        m.has_country = true;
        out->push_back(m);
      }
      i = e;
    }
  }
  // 3. References and pronouns.
  for (const Marker& mk : *s.markers) {
    RefKind r = RefKind::kNone;
    switch (mk.cat) {
      case Cat::kPronounPerson:
        r = RefKind::kPerson;
        break;
      case Cat::kPronounPlural:
        r = RefKind::kPlural;
        break;
      case Cat::kGroupRef:
        r = RefKind::kGroup;
        break;
      case Cat::kCountryRef:
        r = RefKind::kCountry;
        break;
      case Cat::kBoth:
        r = RefKind::kBoth;
        break;
      case Cat::kPronounIt:
        r = RefKind::kIt;
        break;
      default:
        break;
    }
    if (r == RefKind::kNone) continue;
    // "the two ministers", "kedua menteri": the reference wins over the bare agent word
    // inside it; any other actor inside keeps its place.
    bool overlaps = false;
    for (size_t k = first_new; k < out->size(); ++k) {
      Mention& o = (*out)[k];
      if (!(o.tb < mk.end && mk.begin < o.te)) continue;
      if (r == RefKind::kBoth && o.bare_agent && mk.begin <= o.tb && o.te <= mk.end)
        o.te = o.tb;  // emptied; removed below
      else
        overlaps = true;
    }
    if (overlaps) continue;
    // "keduanya" is both a plural pronoun and "both": keep the longer / first one.
    bool dup = false;
    for (size_t k = first_new; k < out->size(); ++k)
      if ((*out)[k].tb == mk.begin && (*out)[k].ref != RefKind::kNone) dup = true;
    if (dup) continue;
    Mention m;
    m.tb = mk.begin;
    m.te = mk.end;
    m.ref = r;
    out->push_back(m);
  }
  out->erase(std::remove_if(out->begin() + first_new, out->end(),
                            [](const Mention& m) { return m.te <= m.tb; }),
             out->end());
  std::sort(out->begin() + first_new, out->end(),
            [](const Mention& a, const Mention& b) { return a.tb < b.tb; });
  // 4. Compound groups: A dan B, A, B dan C, A and B. A comma links two actors only
  // in a list that a coordinator closes ("A, B dan C"), or a place to its own country
  // ("ke Milan, Italia"); "…Lavrov, Kerry mengatakan" is two actors.
  size_t count = out->size() - first_new;
  std::vector<int> link(count, 0);  // 0 none, 1 coordinator, 2 comma
  for (size_t k = first_new; k + 1 < out->size(); ++k) {
    Mention& a = (*out)[k];
    Mention& b = (*out)[k + 1];
    if (!a.locative && b.locative) continue;  // "Rusia di Irak" is not a compound
    if (!a.directional && b.directional) continue;
    uint32_t g0 = a.te, g1 = b.tb;
    while (g0 < g1 && lang.Is(tok[g0].word, Cat::kDeterminer)) ++g0;
    while (g1 > g0 && lang.Is(tok[g1 - 1].word, Cat::kDeterminer)) --g1;
    int kind = 0;
    if (g1 - g0 == 1) {
      if (lang.Is(tok[g0].word, Cat::kCoordinator))
        kind = 1;
      else if (TokenText(s.text, tok[g0]) == ",")
        kind = 2;
    } else if (g1 - g0 == 2) {
      if (TokenText(s.text, tok[g0]) == "," && lang.Is(tok[g0 + 1].word, Cat::kCoordinator))
        kind = 1;
    }
    // "Russia and its allied forces": a coordinator, a possessive and a modifier.
    if (kind == 0 && g1 - g0 >= 2 && g1 - g0 <= 3 && lang.Is(tok[g0].word, Cat::kCoordinator) &&
        lang.Is(tok[g0 + 1].word, Cat::kPossessive) &&
        (g1 - g0 == 2 || (tok[g0 + 2].Is(kTokWord) && !tok[g0 + 2].Is(kTokCapital))))
      kind = 1;
    if (kind == 2 && (a.locative || a.directional || a.is_place_only)) {
      std::string where = a.place >= 0 ? dict.place(a.place).iso3 : a.code.substr(0, 3);
      // A country in a list of countries ("to Iran, Libya and Sudan") stays listed.
      kind = b.code == where ? 1 : (a.is_place_only || b.is_place_only ? 0 : 2);
    }
    link[k - first_new] = kind;
  }
  // "lift embargoes to Iran, Libya, North Korea, Sudan, and with strings attached,
  // Cuba": three or more actors in a comma list after a preposition are a list even
  // when its last item is set apart.
  for (size_t k = 0; k + 1 < count; ++k) {
    if (link[k] != 2 || link[k + 1] != 2 || (k > 0 && link[k - 1])) continue;
    uint32_t b = (*out)[first_new + k].tb;
    while (b > s.tb && lang.Is(tok[b - 1].word, Cat::kDeterminer)) --b;
    if (b == s.tb ||
        !(lang.Is(tok[b - 1].word, Cat::kPreposition) || lang.Is(tok[b - 1].word, Cat::kLocative) ||
          lang.Is(tok[b - 1].word, Cat::kDirectional)))
      continue;
    for (size_t j = k; j < count && link[j] == 2; ++j) link[j] = 1;
  }
  for (size_t k = count; k-- > 0;) {
    if (link[k] == 2) link[k] = (k + 1 < count && link[k + 1]) ? 1 : 0;
  }
  for (size_t k = 0; k + 1 < count; ++k) {
    if (!link[k]) continue;
    Mention& a = (*out)[first_new + k];
    Mention& b = (*out)[first_new + k + 1];
    if (a.group < 0) a.group = static_cast<int>(first_new + k);
    b.group = a.group;
    if (a.locative) b.locative = true;
    if (a.directional) b.directional = true;
  }
  (void)MarkerAt;
}

}  // namespace warta
