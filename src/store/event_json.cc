#include "store/event_json.h"

#include <fmt/format.h>

#include <cmath>

#include "util/json_writer.h"
#include "util/utf8.h"

namespace warta {
namespace {

std::u32string CodePoints(std::string_view s) {
  std::u32string out;
  if (utf8::FindInvalid(s) != std::string_view::npos) return out;
  size_t i = 0;
  while (i < s.size()) out.push_back(utf8::Next(s, &i));
  return out;
}

// End of the word starting at `begin`: letters and digits, with inner dots, hyphens and
// apostrophes ("U.S.", "kota-kota", "Russia's" stops at the apostrophe's s).
int64_t WordEnd(const std::u32string& s, int64_t begin) {
  int64_t n = static_cast<int64_t>(s.size()), i = begin;
  while (i < n) {
    char32_t c = s[i];
    if (utf8::IsWordChar(c)) {
      ++i;
    } else if ((c == U'.' || c == U'-' || c == U'\'' || c == U'\u2019') && i + 1 < n &&
               utf8::IsWordChar(s[i + 1]) && i > begin) {
      ++i;
    } else {
      break;
    }
  }
  if (i == begin && i < n) ++i;  // not a word character: mark that one
  return i;
}

void AddActor(const char* role, const std::u32string& sentence, int64_t rel,
              const std::string& name, std::vector<Highlight>* out) {
  int64_t n = static_cast<int64_t>(sentence.size());
  if (rel < 0 || rel >= n) return;
  Highlight h{role, rel, 0, false};
  std::u32string want = CodePoints(name);
  if (!want.empty() && rel + static_cast<int64_t>(want.size()) <= n &&
      sentence.compare(rel, want.size(), want) == 0) {
    h.end = rel + static_cast<int64_t>(want.size());
    h.exact = true;
  } else {
    h.end = WordEnd(sentence, rel);
  }
  out->push_back(h);
}

// JSON has no NaN or infinity: those are written as null.
void AppendNumber(double v, std::string* out) {
  if (std::isfinite(v))
    json::AppendNumber(v, out);
  else
    *out += "null";
}

void AppendOffset(const char* key, int64_t offset, std::string* out) {
  *out += fmt::format(", \"{}\": ", key);
  *out += offset < 0 ? "null" : std::to_string(offset);
}

}  // namespace

std::vector<Highlight> MentionHighlights(const StoredEvent& e, const StoredMention& m) {
  std::vector<Highlight> out;
  std::u32string sentence = CodePoints(m.sentence);
  if (m.source_offset >= 0)
    AddActor("source", sentence, m.source_offset - m.sentence_begin, e.source_name, &out);
  if (m.target_offset >= 0 && !e.target.empty())
    AddActor("target", sentence, m.target_offset - m.sentence_begin, e.target_name, &out);
  int64_t rel = m.action_offset - m.sentence_begin;
  if (m.action_offset >= 0 && rel >= 0 && rel < static_cast<int64_t>(sentence.size()))
    out.push_back({"trigger", rel, WordEnd(sentence, rel), false});
  return out;
}

void AppendStoredEventJson(const StoredEvent& e, const std::vector<StoredMention>& mentions,
                           std::string* out) {
  using json::AppendString;
  *out += "{\"id\": ";
  AppendString(std::to_string(e.id), out);
  *out += ", \"date\": ";
  AppendString(e.date, out);
  *out += ", \"source\": {\"code\": ";
  AppendString(e.source, out);
  *out += ", \"text\": ";
  AppendString(e.source_name, out);
  *out += "}, \"target\": ";
  if (e.target.empty()) {
    *out += "null";
  } else {
    *out += "{\"code\": ";
    AppendString(e.target, out);
    *out += ", \"text\": ";
    AppendString(e.target_name, out);
    *out += "}";
  }
  *out += ", \"code\": ";
  AppendString(e.code, out);
  *out += ", \"root\": ";
  AppendString(e.root, out);
  *out += fmt::format(", \"quad_class\": {}, \"goldstein\": ", e.quad_class);
  AppendNumber(e.goldstein, out);
  *out += ", \"plover\": ";
  AppendString(e.plover, out);
  *out += ", \"location\": ";
  if (e.has_place) {
    *out += "{\"name\": ";
    AppendString(e.place, out);
    *out += ", \"country\": ";
    AppendString(e.country, out);
    *out += ", \"country3\": ";
    AppendString(e.country3, out);
    *out += ", \"lat\": ";
    AppendNumber(e.lat, out);
    *out += ", \"lon\": ";
    AppendNumber(e.lon, out);
    *out += "}";
  } else {
    *out += "null";
  }
  *out += fmt::format(", \"num_mentions\": {}, \"num_sources\": {}, \"num_articles\": {}",
                      e.num_mentions, e.num_sources, e.num_articles);
  *out += ", \"avg_tone\": ";
  AppendNumber(e.avg_tone, out);
  *out += fmt::format(", \"is_root\": {}, \"date_added\": ", e.is_root ? "true" : "false");
  AppendString(e.date_added, out);
  *out += ", \"source_url\": ";
  AppendString(e.source_url, out);
  *out += ", \"mentions\": [";
  for (size_t i = 0; i < mentions.size(); ++i) {
    const StoredMention& m = mentions[i];
    if (i) *out += ", ";
    *out += "{\"doc_id\": ";
    AppendString(m.doc_id, out);
    *out += ", \"doc_url\": ";
    AppendString(m.doc_url, out);
    *out += ", \"doc_date\": ";
    AppendString(m.doc_date, out);
    *out += ", \"doc_source\": ";
    AppendString(m.doc_source, out);
    *out += fmt::format(", \"sentence\": {{\"index\": {}, \"text\": ", m.sentence_index);
    AppendString(m.sentence, out);
    *out += fmt::format(", \"span\": [{}, {}]}}", m.sentence_begin, m.sentence_end);
    AppendOffset("source_offset", m.source_offset, out);
    AppendOffset("target_offset", m.target_offset, out);
    AppendOffset("trigger_offset", m.action_offset, out);
    *out += ", \"highlights\": [";
    std::vector<Highlight> hs = MentionHighlights(e, m);
    for (size_t j = 0; j < hs.size(); ++j) {
      if (j) *out += ", ";
      *out += fmt::format("{{\"role\": \"{}\", \"span\": [{}, {}], \"exact\": {}}}", hs[j].role,
                          hs[j].begin, hs[j].end, hs[j].exact ? "true" : "false");
    }
    *out += "], \"rule\": ";
    AppendString(m.rule, out);
    *out += fmt::format(", \"confidence\": {}, \"coder_event\": ", m.confidence);
    AppendString(m.coder_event, out);
    *out += "}";
  }
  *out += "]}";
}

}  // namespace warta
