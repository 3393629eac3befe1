#include "resolve/dates.h"

#include <cstdlib>

namespace warta {
namespace {

int NumberValue(std::string_view s) {
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
    if (v > 100000) return -1;
  }
  return s.empty() ? -1 : v;
}

}  // namespace

void FindTimeRefs(const SentenceView& s, const LanguagePack& lang, const CivilDate& doc,
                  std::vector<TimeRef>* out) {
  const auto& tok = *s.tokens;
  const bool have_doc = doc.year > 0 && doc.month > 0 && doc.day > 0;
  const int64_t doc_day = have_doc ? DaysFromCivil(doc.year, doc.month, doc.day) : 0;
  std::vector<bool> used(s.te - s.tb, false);
  auto mark = [&](uint32_t b, uint32_t e) {
    for (uint32_t i = b; i < e; ++i) used[i - s.tb] = true;
  };
  // Month names with day and/or year around them.
  for (const Marker& m : *s.markers) {
    if (m.cat != Cat::kMonth) continue;
    // "may" is also a modal: require a number next to it in English.
    int day = 0, year = 0;
    uint32_t b = m.begin, e = m.end;
    if (e < s.te && tok[e].Is(kTokTerminal) && tok[e].begin == tok[e - 1].end) ++e;  // "Oct."
    if (b > s.tb) {
      int v = NumberValue(TokenText(s.text, tok[b - 1]));
      if (v >= 1 && v <= 31) { day = v; --b; }
    }
    if (e < s.te) {
      int v = NumberValue(TokenText(s.text, tok[e]));
      if (!day && v >= 1 && v <= 31) {
        day = v;
        ++e;
        if (e + 1 < s.te && TokenText(s.text, tok[e]) == ",") {
          int y = NumberValue(TokenText(s.text, tok[e + 1]));
          if (y >= 1900 && y <= 2100) { year = y; e += 2; }
        }
      } else if (v >= 1900 && v <= 2100) {
        year = v;
        ++e;
      }
    }
    if (!day && !year) {
      if (lang.iso() == "en" && m.value == 5) continue;  // "may"
      if (!tok[m.begin].Is(kTokCapital)) continue;
    }
    TimeRef r;
    r.tb = b;
    r.te = e;
    r.date.month = m.value;
    r.date.day = day;
    if (year) {
      r.date.year = year;
    } else if (have_doc) {
      r.date.year = (m.value > doc.month || (m.value == doc.month && day > doc.day)) ? doc.year - 1 : doc.year;
    } else {
      continue;
    }
    if (day && !IsValidDate(r.date.year, r.date.month, day)) r.date.day = 0;
    mark(b, e);
    out->push_back(r);
  }
  for (const Marker& m : *s.markers) {
    TimeRef r;
    r.tb = m.begin;
    r.te = m.end;
    bool ok = true;
    switch (m.cat) {
      case Cat::kWeekday: {
        if (!have_doc || !tok[m.begin].Is(kTokCapital)) { ok = false; break; }
        int wd = m.value - 1;  // 0 = Monday
        int diff = (Weekday(doc_day) - wd + 7) % 7;
        r.date = CivilFromDays(doc_day - diff);
        r.relative_day = true;
        break;
      }
      case Cat::kToday:
        if (!have_doc) { ok = false; break; }
        r.date = doc;
        r.relative_day = true;
        break;
      case Cat::kYesterday:
        if (!have_doc) { ok = false; break; }
        r.date = CivilFromDays(doc_day - 1);
        r.relative_day = true;
        break;
      case Cat::kLastWeek: {
        if (!have_doc) { ok = false; break; }
        CivilDate d = CivilFromDays(doc_day - 7);
        r.date = {d.year, d.month, 0};
        break;
      }
      case Cat::kLastMonth:
        if (!doc.year || !doc.month) { ok = false; break; }
        r.date = {doc.month == 1 ? doc.year - 1 : doc.year, doc.month == 1 ? 12 : doc.month - 1, 0};
        break;
      case Cat::kLastYear:
        if (!doc.year) { ok = false; break; }
        r.date = {doc.year - 1, 0, 0};
        break;
      case Cat::kThisYear:
        if (!doc.year) { ok = false; break; }
        r.date = {doc.year, 0, 0};
        break;
      default:
        ok = false;
    }
    if (!ok || used[m.begin - s.tb]) continue;
    mark(m.begin, m.end);
    out->push_back(r);
  }
  // d/m/y dates "(25/9/2014)" and bare years "2008".
  for (uint32_t i = s.tb; i < s.te; ++i) {
    if (used[i - s.tb] || !tok[i].Is(kTokNumber)) continue;
    std::string_view t = TokenText(s.text, tok[i]);
    int v = NumberValue(t);
    if (i + 4 < s.te && TokenText(s.text, tok[i + 1]) == "/" && TokenText(s.text, tok[i + 3]) == "/") {
      int mo = NumberValue(TokenText(s.text, tok[i + 2]));
      int y = NumberValue(TokenText(s.text, tok[i + 4]));
      if (v >= 1 && v <= 31 && mo >= 1 && mo <= 12 && y >= 1900 && y <= 2100 && IsValidDate(y, mo, v)) {
        TimeRef r{i, i + 5, {y, mo, v}, false};
        mark(i, i + 5);
        out->push_back(r);
        continue;
      }
    }
    if (v >= 1900 && v <= 2100 && t.size() == 4) {
      // Not a count: "2008 tentara" is rare next to a year marker; accept plain years.
      TimeRef r{i, i + 1, {v, 0, 0}, false};
      if (i > s.tb && lang.Is(tok[i - 1].word, Cat::kYearMarker)) r.tb = i - 1;
      mark(i, i + 1);
      out->push_back(r);
    }
  }
}

}  // namespace warta
