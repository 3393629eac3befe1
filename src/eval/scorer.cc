#include "eval/scorer.h"

#include <simdjson.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <fmt/format.h>
#include <fstream>
#include <map>
#include <set>

#include "util/strings.h"
#include "util/utf8.h"

namespace warta {
namespace {

std::string Norm(std::string_view text) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  std::string s(text);
  if (U_SUCCESS(err)) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
    icu::UnicodeString n = nfc->normalize(u, err);
    if (U_SUCCESS(err)) {
      s.clear();
      n.toUTF8String(s);
    }
  }
  std::string mapped;
  size_t i = 0;
  while (i < s.size()) {
    char32_t c = utf8::Next(s, &i);
    switch (c) {
      case 0x201C: case 0x201D: c = '"'; break;
      case 0x2018: case 0x2019: c = '\''; break;
      case 0x2013: case 0x2014: c = '-'; break;
      case 0xA0: c = ' '; break;
      default: break;
    }
    utf8::Append(c, &mapped);
  }
  // Python's str.lower() on the scripts we see; then collapse whitespace.
  std::string lower = utf8::Lower(mapped);
  std::string out;
  bool space = false;
  size_t j = 0;
  while (j < lower.size()) {
    size_t k = j;
    char32_t c = utf8::Next(lower, &k);
    if (utf8::IsSpace(c)) {
      space = true;
    } else {
      if (space && !out.empty()) out.push_back(' ');
      space = false;
      out.append(lower, j, k - j);
    }
    j = k;
  }
  return out;
}

std::vector<std::string> Chunks(const std::string& code) {
  std::string c;
  for (char ch : Trim(code)) c.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(ch))));
  std::vector<std::string> out;
  for (size_t i = 0; i < c.size(); i += 3) out.push_back(c.substr(i, 3));
  return out;
}

std::string Field(simdjson::dom::element ev, const char* name) {
  simdjson::dom::element v;
  if (ev[name].get(v)) return "";
  if (v.is_object()) {
    std::string_view s;
    simdjson::dom::element c;
    if (!v["code"].get(c) && !c.get_string().get(s) && !s.empty()) return std::string(s);
    if (!v["text"].get(c) && !c.get_string().get(s)) return std::string(s);
    return "";
  }
  std::string_view s;
  if (!v.get_string().get(s)) return std::string(s);
  return "";
}

bool Truthy(simdjson::dom::element ev, const char* name) {
  simdjson::dom::element v;
  if (ev[name].get(v)) return false;
  bool b;
  if (!v.get_bool().get(b)) return b;
  return false;
}

Status LoadLines(const std::string& path, simdjson::dom::parser* parser,
                 std::vector<simdjson::padded_string>* store) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": cannot open");
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    std::string_view t = Trim(line);
    if (t.empty()) continue;
    simdjson::dom::element e;
    simdjson::padded_string ps(t);
    if (parser->parse(ps).get(e)) return Status::InvalidArgument(path + ":" + std::to_string(n) + ": not JSON");
    store->push_back(std::move(ps));
  }
  return Status::Ok();
}

}  // namespace

bool ActorMatches(const std::string& spec, const std::string& produced, const std::string& level) {
  if (spec.empty() || spec == "*") return true;
  std::vector<std::string_view> alts = Split(spec, '|');
  for (auto a : alts)
    if (a == "*") return true;
  std::vector<std::string> pc = Chunks(produced);
  if (pc.empty()) return false;
  static const std::set<std::string> kGroups = {"IMG", "IGO", "NGO", "NGM", "MNC"};
  for (auto alt : alts) {
    std::vector<std::string> gc = Chunks(std::string(alt));
    if (level == "country") {
      if (!gc.empty() &&
          (gc[0] == pc[0] ||
           (kGroups.count(gc[0]) && std::find(pc.begin(), pc.end(), gc[0]) != pc.end()) ||
           (gc.size() == 1 && std::find(pc.begin(), pc.end(), gc[0]) != pc.end())))
        return true;
      continue;
    }
    size_t pos = 0;
    bool all = true;
    for (const auto& c : gc) {
      while (pos < pc.size() && pc[pos] != c) ++pos;
      if (pos == pc.size()) {
        all = false;
        break;
      }
      ++pos;
    }
    if (all) return true;
  }
  return false;
}

std::string ScoreResult::ToString() const {
  return fmt::format(
      "level={} docs={} required={} produced={} matched_required={} matched_optional={} "
      "false_positives={} forbidden_hits={} forbidden_sentences={}/{} precision={:.4f} "
      "recall={:.4f} f1={:.4f} code_exact={}/{} date_ok={}/{}",
      level, docs, required, produced, matched_required, matched_optional, false_positives,
      forbidden_hits, forbidden_sentences, forbidden_total, precision, recall, f1, code_exact,
      code_total, date_ok, date_total);
}

Result<ScoreResult> ScoreFiles(const std::string& gold_path, const std::string& events_path,
                               const std::string& level) {
  simdjson::dom::parser parser;
  std::vector<simdjson::padded_string> gold_lines, event_lines;
  Status st = LoadLines(gold_path, &parser, &gold_lines);
  if (!st.ok()) return st;
  st = LoadLines(events_path, &parser, &event_lines);
  if (!st.ok()) return st;
  struct Gold {
    std::string doc, anchor, source, target, root, code, date;
    bool required = false, forbid = false;
    size_t order = 0;
  };
  std::vector<Gold> gold;
  std::set<std::string> docs;
  for (auto& ps : gold_lines) {
    simdjson::dom::element e = parser.parse(ps);
    Gold g;
    g.doc = Field(e, "doc_id");
    g.anchor = Norm(Field(e, "anchor"));
    g.source = Field(e, "source");
    g.target = Field(e, "target");
    g.root = Field(e, "root");
    g.code = Field(e, "code");
    g.date = Field(e, "date");
    g.required = Truthy(e, "required");
    g.forbid = Truthy(e, "forbid");
    g.order = gold.size();
    docs.insert(g.doc);
    gold.push_back(g);
  }
  struct Produced {
    std::string sent, src, tgt, code, date;
    bool used = false;
  };
  std::map<std::string, std::vector<Produced>> produced;
  std::set<std::tuple<std::string, std::string, std::string, std::string, std::string>> seen;
  ScoreResult r;
  r.level = level;
  for (auto& ps : event_lines) {
    simdjson::dom::element e = parser.parse(ps);
    std::string doc = Field(e, "doc_id");
    if (!docs.count(doc)) continue;
    bool neg = Truthy(e, "negated");
    simdjson::dom::element mod;
    if (!e["modality"].get(mod) && mod.is_object()) neg |= Truthy(mod, "negated");
    if (neg) continue;
    Produced p;
    p.sent = Norm(Field(e, "sentence"));
    p.src = Field(e, "source");
    p.tgt = Field(e, "target");
    p.code = Field(e, "code");
    p.date = Field(e, "date");
    auto key = std::make_tuple(doc, p.sent, p.src, p.tgt, p.code);
    if (!seen.insert(key).second) continue;
    produced[doc].push_back(p);
    ++r.produced;
  }
  std::stable_sort(gold.begin(), gold.end(),
                   [](const Gold& a, const Gold& b) { return a.required > b.required; });
  for (const Gold& g : gold) {
    auto& cands = produced[g.doc];
    if (g.forbid) {
      ++r.forbidden_total;
      int hits = 0;
      for (auto& p : cands)
        if (!p.used && p.sent.find(g.anchor) != std::string::npos) ++hits;
      r.forbidden_hits += hits;
      r.forbidden_sentences += hits > 0;
      continue;
    }
    if (g.required) ++r.required;
    std::vector<std::string_view> roots = Split(g.root, '|');
    Produced* hit = nullptr;
    for (auto& p : cands) {
      if (p.used || p.sent.find(g.anchor) == std::string::npos) continue;
      if (std::find(roots.begin(), roots.end(), std::string_view(p.code).substr(0, 2)) == roots.end()) continue;
      if (ActorMatches(g.source, p.src, level) && ActorMatches(g.target, p.tgt, level)) {
        hit = &p;
        break;
      }
    }
    if (!hit) {
      if (g.required)
        r.misses.push_back(fmt::format("MISS {} {} {} {} | {}", g.doc, g.source, g.target, g.root, g.anchor));
      continue;
    }
    hit->used = true;
    if (g.required) ++r.matched_required;
    else ++r.matched_optional;
    if (!g.code.empty()) {
      ++r.code_total;
      r.code_exact += hit->code == g.code;
    }
    if (!g.date.empty()) {
      ++r.date_total;
      r.date_ok += hit->date.compare(0, g.date.size(), g.date) == 0;
    }
  }
  r.docs = static_cast<int>(docs.size());
  int tp = r.matched_required + r.matched_optional;
  r.precision = r.produced ? static_cast<double>(tp) / r.produced : 0.0;
  r.recall = r.required ? static_cast<double>(r.matched_required) / r.required : 0.0;
  r.f1 = r.precision + r.recall > 0 ? 2 * r.precision * r.recall / (r.precision + r.recall) : 0.0;
  for (auto& [doc, list] : produced)
    for (auto& p : list)
      if (!p.used) {
        ++r.false_positives;
        r.misses.push_back(fmt::format("EXTRA {} {} {} | {}", p.src, p.tgt, p.code, p.sent.substr(0, 100)));
      }
  return r;
}

}  // namespace warta
