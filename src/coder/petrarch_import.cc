#include "coder/petrarch_import.h"

#include <cctype>
#include <cstdint>
#include <map>

#include "compat/petrarch_dict.h"
#include "util/date.h"
#include "util/strings.h"
#include "util/tsv.h"
#include "util/utf8.h"

namespace warta {
namespace {

std::string Lower(const std::string& s) { return utf8::Lower(s); }

// "~" + root, built by append (GCC 12 warns falsely on `"~" + std::string`).
std::string RootItem(const std::string& word) {
  std::string item = "~";
  item.append(Lower(word));
  return item;
}

std::string Join(const std::vector<std::string>& parts, const char* sep) {
  std::string out;
  for (const std::string& p : parts) {
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

// A word as a pattern item: letters only in the item syntax (no '|', '?', '$', '~'
// inside), so "N'T" stays a word and punctuation-only tokens are dropped.
bool UsableWord(const std::string& w) {
  if (w.empty() || w == "." || w == ",") return false;
  for (char c : w)
    if (c == '|' || c == '?' || c == '$' || c == '~' || c == ' ') return false;
  return true;
}

// The ways the verb of a block can be written, each as a sequence of pattern items:
// the single-word verbs as one alternative ("~give|~grant|gave"), each multi-word verb
// as its own sequence ("~break down").
std::vector<std::vector<std::string>> VerbSpecs(const PetrVerbEntry& entry) {
  std::vector<std::vector<std::string>> specs;
  if (entry.words.size() == 1) {
    std::vector<std::string> alts = {RootItem(entry.words[0])};
    for (const auto& form : entry.irregular)
      if (form.size() == 1 && UsableWord(form[0])) alts.push_back(Lower(form[0]));
    specs.push_back({Join(alts, "|")});
    return specs;
  }
  std::vector<std::string> seq;
  for (size_t i = 0; i < entry.words.size(); ++i) {
    std::string w = entry.words[i];
    if (!w.empty() && w[0] == '+') w = w.substr(1);
    if (!UsableWord(w)) return {};
    seq.push_back(i == entry.head ? RootItem(w) : Lower(w));
  }
  specs.push_back(seq);
  return specs;
}

// The alternatives of a synset as one item, from its single-word members and plurals;
// empty when it has none.
std::string SynsetItem(const PetrSynset& syn) {
  std::vector<std::string> alts;
  auto add = [&](const std::vector<std::string>& member) {
    if (member.size() == 1 && UsableWord(member[0])) alts.push_back(Lower(member[0]));
  };
  for (const auto& m : syn.members) add(m);
  for (const auto& m : syn.plurals) add(m);
  return Join(alts, "|");
}

// One pattern line over one way of writing the verb, in warta's pattern language, or ""
// when it cannot be expressed.
std::string TranslatePattern(const PetrPattern& pat, const std::vector<std::string>& verb,
                             const std::map<std::string, std::string>& synsets) {
  std::vector<std::string> tokens = pat.before;
  tokens.push_back("*");
  tokens.insert(tokens.end(), pat.after.begin(), pat.after.end());
  std::vector<std::string> items;
  bool adjacent = false;
  bool last_is_slot = true;  // no gap needed before the first element
  for (const std::string& tok : tokens) {
    if (tok == "_") {
      adjacent = true;
      continue;
    }
    if (tok == "(" || tok == ")" || tok == "{" || tok == "}") continue;
    std::vector<std::string> element;
    bool slot = false;
    if (tok == "*") {
      element = verb;
    } else if (tok == "$") {
      element = {"$S"};
      slot = true;
    } else if (tok == "+" || tok == "%") {
      element = {"$T"};
      slot = true;
    } else if (tok == "^") {
      items.push_back("...");
      last_is_slot = true;
      adjacent = false;
      continue;
    } else if (tok[0] == '&') {
      auto it = synsets.find(tok);
      if (it == synsets.end() || it->second.empty()) return "";
      element = {it->second};
    } else {
      if (!UsableWord(tok)) continue;
      element = {Lower(tok)};
    }
    // Words PETRARCH allows apart (no '_') may have words between them here: a noun
    // phrase after the verb ("signed an 800 million ducat trade protocol"), a few words
    // elsewhere.
    if (!items.empty() && !adjacent && !slot && !last_is_slot)
      items.push_back(items.back() == verb.back() ? "..." : "..");
    items.insert(items.end(), element.begin(), element.end());
    last_is_slot = slot;
    adjacent = false;
  }
  // warta patterns start with a word (or a leading source): a target before the verb
  // ("+ * BY $") is left to the coder's own role finding.
  while (!items.empty() &&
         (items.front() == "$T" || items.front() == ".." || items.front() == "..."))
    items.erase(items.begin());
  while (!items.empty() && (items.back() == ".." || items.back() == "...")) items.pop_back();
  if (items.empty()) return "";
  if (items.front() == "$S" && items.size() == 1) return "";
  return Join(items, " ");
}

bool UsableCode(const std::string& code) { return !code.empty() && code != "---"; }

Status ImportVerbs(const std::string& text, const std::string& path, bool replace,
                   LanguagePack* english, PatternSet* patterns, Lexicon* lexicon,
                   PetrarchImportStats* stats) {
  PetrVerbDictionary d = ParsePetrVerbDictionary(text);
  for (const std::string& e : d.errors) stats->warnings.push_back(path + ": " + e);
  std::map<std::string, std::string> synsets;
  for (const PetrSynset& s : d.synsets) synsets[s.name] = SynsetItem(s);
  if (replace) patterns->Clear();
  int serial = 0;
  auto add = [&](const std::string& code, const std::string& pattern, const std::string& options,
                 int line) {
    std::string where = path + ":" + std::to_string(line);
    Status st = patterns->AddPattern(code, "petr-" + std::to_string(++serial), pattern, options,
                                     where, english, lexicon);
    if (st.ok()) {
      ++stats->patterns;
    } else {
      stats->warnings.push_back(st.ToString());
    }
  };
  for (const PetrVerb& v : d.verbs) {
    for (const PetrVerbEntry& entry : v.entries) {
      for (const auto& spec : VerbSpecs(entry)) {
        // The verb's own code: only when none of the block's phrases fits (PETRARCH).
        if (UsableCode(entry.code))
          add(entry.code, Join(spec, " ") + " $T?", "fallback,nomodal,late_recip", entry.line);
        for (const PetrPattern& pat : v.patterns) {
          if (!UsableCode(pat.code)) continue;
          std::string p = TranslatePattern(pat, spec, synsets);
          if (p.empty()) {
            stats->warnings.push_back(path + ":" + std::to_string(pat.line) +
                                      ": pattern not expressible in warta's language");
            continue;
          }
          add(pat.code, p, "nomodal,late_recip", pat.line);
        }
      }
    }
  }
  return Status::Ok();
}

int64_t Day(const std::string& iso, int64_t open) {
  if (iso.empty()) return open;
  auto d = ParseIsoDate(iso);
  if (!d || !d->day) return open;
  return DaysFromCivil(d->year, d->month, d->day);
}

}  // namespace

Status ImportPetrarchDictionary(const std::string& path, bool replace_patterns,
                                LanguagePack* english, PatternSet* patterns, ActorDictionary* dict,
                                Lexicon* lexicon, PetrarchImportStats* stats) {
  std::string text;
  Status st = ReadFileToString(path, &text);
  if (!st.ok()) return st;
  std::vector<std::string> errors;
  switch (DetectPetrDictKind(text)) {
    case PetrDictKind::kVerbs:
      return ImportVerbs(text, path, replace_patterns, english, patterns, lexicon, stats);
    case PetrDictKind::kActors: {
      std::vector<PetrActor> actors;
      ParsePetrActors(text, &actors, &errors);
      for (const PetrActor& a : actors) {
        std::string where = path + ":" + std::to_string(a.line);
        for (const std::string& name : a.names) {
          for (const PetrActor::Code& c : a.codes) {
            std::string code = c.code;
            for (char& ch : code)
              ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
            Status s = dict->AddUserActor(name, code, Day(c.from, INT64_MIN),
                                          c.to.empty() ? INT64_MAX : Day(c.to, INT64_MAX) + 1,
                                          where, lexicon);
            if (!s.ok()) stats->warnings.push_back(s.ToString());
          }
        }
        ++stats->actors;
      }
      break;
    }
    case PetrDictKind::kAgents: {
      std::vector<PetrAgent> agents;
      ParsePetrAgents(text, &agents, &errors);
      for (const PetrAgent& a : agents) {
        std::string where = path + ":" + std::to_string(a.line);
        for (const std::string& name : a.names) {
          Status s = dict->AddUserAgent(name, a.code, "en", where, lexicon);
          if (!s.ok()) stats->warnings.push_back(s.ToString());
        }
        ++stats->agents;
      }
      break;
    }
    case PetrDictKind::kDiscards: {
      std::vector<PetrDiscard> discards;
      ParsePetrDiscards(text, &discards, &errors);
      for (const PetrDiscard& d : discards) {
        english->AddPhrase(Lower(d.phrase), Cat::kDiscard, lexicon);
        ++stats->discards;
      }
      break;
    }
    case PetrDictKind::kUnknown:
      return Status::DataError(path +
                               ": not a PETRARCH/TABARI verb, actor, agent or discard dictionary");
  }
  for (const std::string& e : errors) stats->warnings.push_back(path + ": " + e);
  return Status::Ok();
}

}  // namespace warta
