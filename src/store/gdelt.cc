#include "store/gdelt.h"

#include <fmt/format.h>

#include <array>

#include "util/date.h"

namespace warta::store {
namespace {

constexpr std::array<std::string_view, 40> kTypeCodes = {
    "AGR", "BUS", "COP", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "GOV",
    "HLH", "HRI", "IGO", "IMG", "INS", "JUD", "LAB", "LEG", "MED", "MIL",
    "MNC", "MOD", "NGM", "NGO", "OPP", "PTY", "RAD", "REB", "REF", "REL",
    "SEP", "SPY", "UAF", "UIS", "USR", "SET", "CHR", "MOS", "BUD", "JEW"};

bool IsTypeCode(std::string_view c) {
  for (auto t : kTypeCodes)
    if (t == c) return true;
  return false;
}

// Tabs and newlines would break the row.
void Field(std::string_view s, std::string* out) {
  for (char c : s) out->push_back(c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
}

void Tab(std::string* out) { out->push_back('\t'); }

void Actor(const std::string& code, const std::string& name, std::string* out) {
  ActorParts p = SplitActorCode(code);
  Field(code, out);
  Tab(out);
  Field(name, out);
  Tab(out);
  Field(p.country, out);
  Tab(out);
  // KnownGroup, Ethnic, Religion1, Religion2: not coded by warta.
  out->append("\t\t\t\t");
  for (int i = 0; i < 3; ++i) {
    Field(p.types[i], out);
    Tab(out);
  }
}

CivilDate EventDate(const StoredEvent& ev) {
  if (ev.day) return CivilFromDays(*ev.day);
  return {};
}

}  // namespace

ActorParts SplitActorCode(std::string_view code) {
  ActorParts p;
  size_t i = 0;
  if (code.size() >= 3 && !IsTypeCode(code.substr(0, 3))) {
    p.country = std::string(code.substr(0, 3));
    i = 3;
  }
  int n = 0;
  for (; i + 3 <= code.size() && n < 3; i += 3) {
    std::string_view chunk = code.substr(i, 3);
    if (IsTypeCode(chunk)) p.types[n++] = std::string(chunk);
  }
  return p;
}

std::string GdeltEventHeader() {
  std::string h = "GLOBALEVENTID\tSQLDATE\tMonthYear\tYear\tFractionDate";
  for (const char* a : {"Actor1", "Actor2"}) {
    for (const char* f : {"Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
                          "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code"})
      h += fmt::format("\t{}{}", a, f);
  }
  h += "\tIsRootEvent\tEventCode\tEventBaseCode\tEventRootCode\tQuadClass\tGoldsteinScale"
       "\tNumMentions\tNumSources\tNumArticles\tAvgTone";
  for (const char* g : {"Actor1Geo", "Actor2Geo", "ActionGeo"}) {
    for (const char* f :
         {"Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"})
      h += fmt::format("\t{}_{}", g, f);
  }
  h += "\tDATEADDED\tSOURCEURL";
  return h;
}

std::string GdeltMentionHeader() {
  return "GLOBALEVENTID\tEventTimeDate\tMentionTimeDate\tMentionType\tMentionSourceName"
         "\tMentionIdentifier\tSentenceID\tActor1CharOffset\tActor2CharOffset\tActionCharOffset"
         "\tInRawText\tConfidence\tMentionDocLen\tMentionDocTone\tMentionDocTranslationInfo"
         "\tExtras";
}

void AppendGdeltEvent(const StoredEvent& ev, std::string* out) {
  CivilDate d = EventDate(ev);
  // 1-5: id and dates. A date known only to the month or year is written as its first
  // day, as GDELT has no partial dates.
  out->append(fmt::format("{}\t", ev.id));
  if (ev.day) {
    out->append(fmt::format("{:04}{:02}{:02}\t{:04}{:02}\t{:04}\t{:.4f}\t", d.year, d.month, d.day,
                            d.year, d.month, d.year, d.year + (d.month * 30 + d.day) / 365.0));
  } else {
    out->append("\t\t\t\t");
  }
  // 6-25: actors.
  Actor(ev.source, ev.source_name, out);
  Actor(ev.target, ev.target_name, out);
  // 26-35: the event.
  std::string base = ev.code.substr(0, std::min<size_t>(3, ev.code.size()));
  out->append(fmt::format("{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{:.6g}\t", ev.is_root ? 1 : 0,
                          ev.code, base, ev.root, ev.quad_class, ev.goldstein, ev.num_mentions,
                          ev.num_sources, ev.num_articles, ev.avg_tone));
  // 36-51: actor geography, not coded.
  out->append(std::string(16, '\t'));
  // 52-59: action geography. Type 3 = US city, 4 = world city. The country is the ISO
  // alpha-2 code (GDELT writes FIPS 10-4; they agree for most countries).
  if (ev.has_place) {
    out->append(ev.country == "US" ? "3\t" : "4\t");
    Field(ev.place, out);
    out->append(fmt::format("\t{}\t\t\t{:.4f}\t{:.4f}\t\t", ev.country, ev.lat, ev.lon));
  } else {
    out->append(std::string(8, '\t'));
  }
  // 60-61.
  Field(ev.date_added, out);
  Tab(out);
  Field(ev.source_url, out);
}

void AppendGdeltMention(const StoredEvent& ev, const StoredMention& m, std::string* out) {
  std::string mention_time;
  if (auto d = ParseIsoDate(m.doc_date); d && d->month && d->day)
    mention_time = fmt::format("{:04}{:02}{:02}000000", d->year, d->month, d->day);
  else
    mention_time = m.coded_at;
  out->append(fmt::format("{}\t", m.event_id));
  Field(ev.date_added, out);
  Tab(out);
  Field(mention_time, out);
  out->append("\t1\t");  // MentionType 1: web
  Field(m.doc_source, out);
  Tab(out);
  Field(m.doc_url.empty() ? m.doc_id : m.doc_url, out);
  // GDELT numbers sentences from 1.
  out->append(fmt::format("\t{}\t{}\t{}\t{}\t1\t{}\t{}\t{:.6g}\t\t", m.sentence_index + 1,
                          m.source_offset, m.target_offset, m.action_offset, m.confidence,
                          m.doc_length, m.doc_tone));
}

}  // namespace warta::store
