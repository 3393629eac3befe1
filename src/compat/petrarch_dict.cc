// Reader for PETRARCH / TABARI dictionaries; see petrarch_dict.h for the formats.
#include "compat/petrarch_dict.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <iterator>
#include <map>
#include <set>
#include <string_view>
#include <utility>

namespace warta {
namespace {

// ---------------------------------------------------------------------------------------
// Lexical helpers.

struct SrcLine {
  int number = 0;
  std::string text;  // comments removed, not trimmed (leading blanks matter for actors)
};

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

std::string_view TrimView(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && IsSpace(s[b])) ++b;
  while (e > b && IsSpace(s[e - 1])) --e;
  return s.substr(b, e - b);
}

std::string Trim(std::string_view s) { return std::string(TrimView(s)); }

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::vector<std::string> SplitWs(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && IsSpace(s[i])) ++i;
    size_t j = i;
    while (j < s.size() && !IsSpace(s[j])) ++j;
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

std::string Join(const std::vector<std::string>& words, const char* sep = " ") {
  std::string out;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i) out += sep;
    out += words[i];
  }
  return out;
}

std::string Err(int line, const std::string& what) {
  return "line " + std::to_string(line) + ": " + what;
}

void AddErr(std::vector<std::string>* errors, int line, const std::string& what) {
  if (errors) errors->push_back(Err(line, what));
}

// Splits the text into lines, removing `<!-- -->` comments (also multi-line), lines
// starting with '#' or '<!', and everything after the first '#' or ';'.
std::vector<SrcLine> CleanLines(const std::string& text) {
  std::vector<SrcLine> out;
  std::string_view all(text);
  if (all.size() >= 3 && all.substr(0, 3) == "\xEF\xBB\xBF") all.remove_prefix(3);
  bool in_comment = false;
  int number = 0;
  size_t pos = 0;
  while (pos <= all.size()) {
    size_t nl = all.find('\n', pos);
    if (nl == std::string_view::npos) nl = all.size();
    std::string line(all.substr(pos, nl - pos));
    ++number;
    pos = nl + 1;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::string kept;
    size_t i = 0;
    // PETRARCH skips lines starting with '#' and with '<!' (e.g. a broken "<! --").
    if (!in_comment && !line.empty() &&
        (line[0] == '#' || (line.rfind("<!", 0) == 0 && line.rfind("<!--", 0) != 0)))
      line.clear();
    while (i < line.size()) {
      if (in_comment) {
        size_t end = line.find("-->", i);
        if (end == std::string::npos) {
          i = line.size();
          break;
        }
        in_comment = false;
        i = end + 3;
        continue;
      }
      size_t open = line.find("<!--", i);
      size_t hash = line.find('#', i);
      hash = std::min(hash, line.find(';', i));
      if (hash != std::string::npos && (open == std::string::npos || hash < open)) {
        kept.append(line, i, hash - i);
        break;
      }
      if (open == std::string::npos) {
        kept.append(line, i, std::string::npos);
        break;
      }
      kept.append(line, i, open - i);
      in_comment = true;
      i = open + 4;
    }
    if (!TrimView(kept).empty()) out.push_back({number, std::move(kept)});
    if (nl == all.size()) break;
  }
  return out;
}

// A word is acceptable in a phrase if it has no structural characters.
bool PlainWord(std::string_view w) {
  if (w.empty()) return false;
  for (char c : w) {
    if (c == '[' || c == ']' || c == '{' || c == '}' || c == '*' || c == '!' || c == '~' ||
        c == '&' || c == '$' || c == '%')
      return false;
  }
  return true;
}

// "A_B  C_" -> {"A","B","C"} (upper case); trailing '_' flags whole_word via *trailing.
std::vector<std::string> PhraseWords(std::string_view s, bool* trailing_underscore = nullptr) {
  std::string t = Trim(s);
  if (trailing_underscore) *trailing_underscore = !t.empty() && t.back() == '_';
  for (char& c : t)
    if (c == '_') c = ' ';
  std::vector<std::string> words = SplitWs(t);
  for (auto& w : words) w = Upper(w);
  return words;
}

bool IsVowel(char c) { return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U'; }

bool EndsWith(std::string_view s, std::string_view suf) {
  return s.size() >= suf.size() && s.substr(s.size() - suf.size()) == suf;
}

// Splits `[a:b]` content into active and passive codes.
void SplitCode(std::string_view raw, std::string* code, std::string* passive) {
  std::string c = Trim(raw);
  size_t colon = c.find(':');
  if (colon == std::string::npos) {
    *code = c;
    passive->clear();
  } else {
    *code = Trim(std::string_view(c).substr(0, colon));
    *passive = Trim(std::string_view(c).substr(colon + 1));
  }
}

// ---------------------------------------------------------------------------------------
// Verb dictionary.

struct RawSynset {
  PetrSynset set;
  struct Member {
    std::vector<std::string> words;  // or {"&NAME"} for a nested set
    bool no_plural = false;
    int line = 0;
  };
  std::vector<Member> raw;
};

// Tokenises one side of a pattern (see PetrPattern).
bool TokenizePatternSide(std::string_view side, std::vector<std::string>* out, std::string* what) {
  std::vector<char> stack;
  for (const std::string& chunk : SplitWs(side)) {
    // Split the chunk on '_' keeping "_" tokens, and peel brackets off words.
    size_t i = 0;
    std::string cur;
    auto flush = [&]() {
      if (!cur.empty()) out->push_back(Upper(cur));
      cur.clear();
    };
    while (i < chunk.size()) {
      char c = chunk[i];
      if (c == '_') {
        flush();
        if (out->empty() || out->back() != "_") out->push_back("_");
      } else if (c == '(' || c == '{') {
        flush();
        if (c == '(' && !stack.empty()) {
          *what = "nested '(' in pattern";
          return false;
        }
        if (c == '{' && !stack.empty() && stack.back() == '{') {
          *what = "nested '{' in pattern";
          return false;
        }
        stack.push_back(c);
        out->push_back(std::string(1, c));
      } else if (c == ')' || c == '}') {
        flush();
        char open = c == ')' ? '(' : '{';
        if (stack.empty() || stack.back() != open) {
          *what = std::string("unbalanced '") + c + "' in pattern";
          return false;
        }
        stack.pop_back();
        out->push_back(std::string(1, c));
      } else if (c == '[' || c == ']') {
        *what = "stray bracket in pattern";
        return false;
      } else {
        cur += c;
      }
      ++i;
    }
    flush();
  }
  if (!stack.empty()) {
    *what = std::string("unclosed '") + stack.back() + "' in pattern";
    return false;
  }
  for (const std::string& t : *out) {
    if (t == "_" || t == "$" || t == "+" || t == "%" || t == "^" || t == "(" || t == ")" ||
        t == "{" || t == "}")
      continue;
    if (t[0] == '&') {
      if (t.size() < 2) {
        *what = "empty synset reference '&'";
        return false;
      }
      continue;
    }
    for (char ch : t) {
      if (ch == '$' || ch == '%' || ch == '&' || ch == '*' || ch == '~' || ch == '!') {
        *what = "bad token '" + t + "' in pattern";
        return false;
      }
    }
  }
  return true;
}

// Parses a verb word or phrase with an optional '+' head marker.
bool ParseVerbPhrase(std::string_view s, std::vector<std::string>* words, size_t* head, bool* multi,
                     std::string* what) {
  words->clear();
  *head = 0;
  int plus = 0;
  std::string t = Trim(s);
  *multi =
      t.find('_') != std::string::npos || t.find('+') != std::string::npos || SplitWs(t).size() > 1;
  for (char& c : t)
    if (c == '_') c = ' ';
  for (std::string w : SplitWs(t)) {
    if (w[0] == '+') {
      ++plus;
      *head = words->size();
      w.erase(0, 1);
    }
    if (!PlainWord(w) || w.find('+') != std::string::npos) {
      *what = "bad verb word '" + w + "'";
      return false;
    }
    words->push_back(Upper(w));
  }
  if (words->empty()) {
    *what = "empty verb";
    return false;
  }
  if (plus > 1) {
    *what = "more than one '+' in multi-word verb '" + Trim(s) + "'";
    return false;
  }
  if (plus == 0 && Trim(s).find('_') != std::string::npos && words->size() > 1) {
    *what = "multi-word verb '" + Trim(s) + "' needs a '+' before the verb word";
    return false;
  }
  return true;
}

std::vector<std::string> MarkHead(const std::vector<std::string>& words, size_t head) {
  std::vector<std::string> out = words;
  if (head < out.size()) out[head] = "+" + out[head];
  return out;
}

}  // namespace

std::string PetrNounPlural(const std::string& noun) {
  if (noun.empty()) return noun;
  if (EndsWith(noun, "S") || EndsWith(noun, "X") || EndsWith(noun, "Z") || EndsWith(noun, "CH") ||
      EndsWith(noun, "SH"))
    return noun + "ES";
  if (noun.back() == 'Y' && noun.size() > 1 && !IsVowel(noun[noun.size() - 2]))
    return noun.substr(0, noun.size() - 1) + "IES";
  return noun + "S";
}

std::vector<std::string> PetrRegularVerbForms(const std::string& base) {
  if (base.empty()) return {};
  const size_t n = base.size();
  const char last = base.back();
  const bool cons_y = last == 'Y' && n > 1 && !IsVowel(base[n - 2]);
  std::string s3, past, ing;
  if (last == 'S' || last == 'X' || last == 'Z' || EndsWith(base, "CH") || EndsWith(base, "SH"))
    s3 = base + "ES";
  else if (cons_y)
    s3 = base.substr(0, n - 1) + "IES";
  else
    s3 = base + "S";
  if (last == 'E')
    past = base + "D";
  else if (cons_y)
    past = base.substr(0, n - 1) + "IED";
  else
    past = base + "ED";
  if (last == 'E' && n > 1 && !IsVowel(base[n - 2]))
    ing = base.substr(0, n - 1) + "ING";
  else
    ing = base + "ING";
  return {s3, past, ing};
}

const char* PetrDictKindName(PetrDictKind kind) {
  switch (kind) {
    case PetrDictKind::kVerbs:
      return "verbs";
    case PetrDictKind::kActors:
      return "actors";
    case PetrDictKind::kAgents:
      return "agents";
    case PetrDictKind::kDiscards:
      return "discards";
    case PetrDictKind::kUnknown:
      break;
  }
  return "unknown";
}

PetrVerbDictionary ParsePetrVerbDictionary(const std::string& text) {
  PetrVerbDictionary dict;
  std::vector<RawSynset> raw_sets;
  std::map<std::string, size_t> set_index;
  RawSynset* cur_set = nullptr;  // while reading '+' members
  PetrVerb* cur_verb = nullptr;
  // Synset references of each stored pattern: (verb index, pattern index, line).
  struct PatRef {
    size_t verb, pat;
  };
  std::vector<PatRef> pattern_refs;
  auto& errors = dict.errors;

  for (const SrcLine& sl : CleanLines(text)) {
    const std::string line = Trim(sl.text);
    const int ln = sl.number;

    if (line[0] == '+' && cur_set != nullptr) {  // synset member
      std::string body = Trim(std::string_view(line).substr(1));
      RawSynset::Member m;
      m.line = ln;
      if (!body.empty() && body[0] == '&') {
        std::string ref = Upper(body);
        while (!ref.empty() && ref.back() == '_') ref.pop_back();
        if (ref.size() < 2 || SplitWs(ref).size() != 1) {
          AddErr(&errors, ln, "bad nested synset reference '" + body + "'");
          continue;
        }
        m.words = {ref};
      } else {
        bool trailing = false;
        m.words = PhraseWords(body, &trailing);
        m.no_plural = trailing;
        bool ok = !m.words.empty();
        for (const auto& w : m.words) ok = ok && PlainWord(w) && w.find('+') == std::string::npos;
        if (!ok) {
          AddErr(&errors, ln, "bad synset member '" + body + "'");
          continue;
        }
      }
      cur_set->raw.push_back(std::move(m));
      continue;
    }
    cur_set = nullptr;

    if (line[0] == '&') {  // synset header
      std::string name = Upper(line);
      bool no_plural = false;
      while (!name.empty() && name.back() == '_') {
        name.pop_back();
        no_plural = true;
      }
      if (name.size() < 2 || SplitWs(name).size() != 1 || !PlainWord(name.substr(1))) {
        AddErr(&errors, ln, "bad synset name '" + line + "'");
        continue;
      }
      if (set_index.count(name)) {
        AddErr(&errors, ln, "synset " + name + " defined again; later members are added");
        cur_set = &raw_sets[set_index[name]];
        continue;
      }
      set_index[name] = raw_sets.size();
      raw_sets.emplace_back();
      cur_set = &raw_sets.back();
      cur_set->set.name = name;
      cur_set->set.no_plural = no_plural;
      cur_set->set.line = ln;
      continue;
    }

    if (line.rfind("---", 0) == 0) {  // block header
      std::string body = line;
      size_t b = 0, e = body.size();
      while (b < e && body[b] == '-') ++b;
      while (e > b && body[e - 1] == '-') --e;
      body = body.substr(b, e - b);
      std::string name = body, code = "---", passive;
      size_t open = body.find('[');
      if (open != std::string::npos) {
        size_t close = body.find(']', open);
        if (close == std::string::npos) {
          AddErr(&errors, ln, "block header without ']'");
        } else {
          SplitCode(std::string_view(body).substr(open + 1, close - open - 1), &code, &passive);
          if (code.empty() && passive.empty()) code = "---";
        }
        name = body.substr(0, open);
      }
      name = Join(PhraseWords(name));
      if (name.empty()) AddErr(&errors, ln, "block header without a name");
      dict.verbs.emplace_back();
      cur_verb = &dict.verbs.back();
      cur_verb->block = name;
      cur_verb->code = code;
      cur_verb->passive_code = passive;
      cur_verb->line = ln;
      continue;
    }

    if (line[0] == '~') {  // transformation
      dict.transformations.push_back({Trim(std::string_view(line).substr(1)), ln});
      continue;
    }

    if (line[0] == '-') {  // pattern
      if (cur_verb == nullptr) {
        AddErr(&errors, ln, "pattern before any '--- NAME [code] ---' block");
        continue;
      }
      std::string body = Trim(std::string_view(line).substr(1));
      size_t open = body.rfind('[');
      size_t close = open == std::string::npos ? open : body.find(']', open);
      if (open == std::string::npos || close == std::string::npos) {
        AddErr(&errors, ln, "pattern without [code]");
        continue;
      }
      if (!TrimView(std::string_view(body).substr(close + 1)).empty()) {
        AddErr(&errors, ln, "text after the pattern's [code]");
        continue;
      }
      PetrPattern pat;
      pat.line = ln;
      SplitCode(std::string_view(body).substr(open + 1, close - open - 1), &pat.code,
                &pat.passive_code);
      if (pat.code.empty() && pat.passive_code.empty()) {
        AddErr(&errors, ln, "empty pattern code");
        continue;
      }
      std::string words = Trim(std::string_view(body).substr(0, open));
      // TABARI legacy: "WORD_ " is an open match, and a final '_' means nothing.
      for (size_t p; (p = words.find("_ ")) != std::string::npos;) words.erase(p, 1);
      for (size_t p; (p = words.find("_\t")) != std::string::npos;) words.erase(p, 1);
      while (!words.empty() && words.back() == '_') words.pop_back();
      size_t star = words.find('*');
      if (star == std::string::npos) {
        AddErr(&errors, ln, "pattern without the verb '*'");
        continue;
      }
      if (words.find('*', star + 1) != std::string::npos) {
        AddErr(&errors, ln, "pattern with more than one '*'");
        continue;
      }
      std::string what;
      if (!TokenizePatternSide(std::string_view(words).substr(0, star), &pat.before, &what) ||
          !TokenizePatternSide(std::string_view(words).substr(star + 1), &pat.after, &what)) {
        AddErr(&errors, ln, what);
        continue;
      }
      cur_verb->patterns.push_back(std::move(pat));
      pattern_refs.push_back(
          {static_cast<size_t>(cur_verb - dict.verbs.data()), cur_verb->patterns.size() - 1});
      continue;
    }

    // Otherwise a verb line (including '+MULTI_WORD' forms outside a synset).
    if (cur_verb == nullptr) {
      AddErr(&errors, ln, "verb '" + line + "' before any '--- NAME [code] ---' block");
      continue;
    }
    std::string body = line;
    PetrVerbEntry entry;
    entry.line = ln;
    entry.code = cur_verb->code;
    entry.passive_code = cur_verb->passive_code;
    size_t lb = body.find('[');
    if (lb != std::string::npos) {
      size_t rb = body.find(']', lb);
      if (rb == std::string::npos) {
        AddErr(&errors, ln, "verb code without ']'");
        continue;
      }
      SplitCode(std::string_view(body).substr(lb + 1, rb - lb - 1), &entry.code,
                &entry.passive_code);
      if (entry.code.empty() && entry.passive_code.empty()) {
        AddErr(&errors, ln, "empty verb code");
        continue;
      }
      entry.own_code = true;
      body = body.substr(0, lb);
    }
    std::string irregular_text;
    size_t ob = body.find('{');
    if (ob != std::string::npos) {
      size_t cb = body.find('}', ob);
      if (cb == std::string::npos) {
        AddErr(&errors, ln, "irregular forms without '}'");
        continue;
      }
      if (!TrimView(std::string_view(body).substr(cb + 1)).empty()) {
        AddErr(&errors, ln, "text after the irregular forms '{...}'");
        continue;
      }
      entry.irregular_given = true;
      irregular_text = body.substr(ob + 1, cb - ob - 1);
      body = body.substr(0, ob);
    } else if (body.find('}') != std::string::npos) {
      AddErr(&errors, ln, "'}' without '{'");
      continue;
    }
    bool multi = false;
    std::string what;
    if (!ParseVerbPhrase(body, &entry.words, &entry.head, &multi, &what)) {
      AddErr(&errors, ln, what);
      continue;
    }
    bool bad = false;
    for (const std::string& form : SplitWs(irregular_text)) {
      std::vector<std::string> fw;
      size_t fh = 0;
      bool fmulti = false;
      if (!ParseVerbPhrase(form, &fw, &fh, &fmulti, &what)) {
        AddErr(&errors, ln, what);
        bad = true;
        break;
      }
      if (multi && fw.size() > 1 && form.find('+') == std::string::npos) {
        AddErr(&errors, ln, "irregular form '" + form + "' of a multi-word verb needs a '+'");
        bad = true;
        break;
      }
      entry.irregular.push_back(std::move(fw));
      entry.irregular_head.push_back(fh);
    }
    if (bad) continue;
    if (multi) {
      cur_verb->multiword.push_back(MarkHead(entry.words, entry.head));
      for (size_t k = 0; k < entry.irregular.size(); ++k)
        cur_verb->multiword.push_back(MarkHead(entry.irregular[k], entry.irregular_head[k]));
    } else {
      cur_verb->forms.push_back(entry.words[0]);
      for (const auto& f : entry.irregular) {
        if (f.size() == 1)
          cur_verb->forms.push_back(f[0]);
        else
          cur_verb->multiword.push_back(f);
      }
    }
    cur_verb->entries.push_back(std::move(entry));
  }

  // Expand nested synsets (defined anywhere in the file) and generate plurals.
  std::vector<int> state(raw_sets.size(), 0);  // 0 new, 1 in progress, 2 done
  std::function<void(size_t)> expand = [&](size_t i) {
    if (state[i] == 2) return;
    state[i] = 1;
    RawSynset& rs = raw_sets[i];
    std::set<std::vector<std::string>> seen_m, seen_p;
    for (const auto& m : rs.raw) {
      if (m.words.size() == 1 && m.words[0][0] == '&') {
        auto it = set_index.find(m.words[0]);
        if (it == set_index.end()) {
          AddErr(&errors, m.line, "undefined synset " + m.words[0] + " in " + rs.set.name);
          continue;
        }
        if (state[it->second] == 1) {
          AddErr(&errors, m.line, "synset " + rs.set.name + " includes itself via " + m.words[0]);
          continue;
        }
        expand(it->second);
        const PetrSynset& sub = raw_sets[it->second].set;
        for (const auto& w : sub.members)
          if (seen_m.insert(w).second) rs.set.members.push_back(w);
        if (!rs.set.no_plural)
          for (const auto& w : sub.plurals)
            if (seen_p.insert(w).second) rs.set.plurals.push_back(w);
        continue;
      }
      if (seen_m.insert(m.words).second) rs.set.members.push_back(m.words);
      if (!rs.set.no_plural && !m.no_plural) {
        std::vector<std::string> pl = m.words;
        pl.back() = PetrNounPlural(pl.back());
        if (seen_p.insert(pl).second) rs.set.plurals.push_back(std::move(pl));
      }
    }
    state[i] = 2;
  };
  for (size_t i = 0; i < raw_sets.size(); ++i) expand(i);
  for (auto& rs : raw_sets) {
    if (rs.set.members.empty())
      AddErr(&errors, rs.set.line, "synset " + rs.set.name + " has no members");
    dict.synsets.push_back(std::move(rs.set));
  }

  // Drop patterns that use undefined synsets (PETRARCH skips them).
  std::set<std::pair<size_t, size_t>> drop;
  for (const PatRef& r : pattern_refs) {
    const PetrPattern& p = dict.verbs[r.verb].patterns[r.pat];
    for (const auto* side : {&p.before, &p.after}) {
      for (const std::string& t : *side) {
        if (t[0] == '&' && !set_index.count(t)) {
          AddErr(&errors, p.line, "undefined synset " + t + "; pattern skipped");
          drop.insert({r.verb, r.pat});
          break;
        }
      }
      if (drop.count({r.verb, r.pat})) break;
    }
  }
  for (auto it = drop.rbegin(); it != drop.rend(); ++it) {
    auto& pats = dict.verbs[it->first].patterns;
    pats.erase(pats.begin() + static_cast<std::ptrdiff_t>(it->second));
  }
  // Errors were appended in two passes; keep them in line order.
  std::stable_sort(errors.begin(), errors.end(), [](const std::string& a, const std::string& b) {
    return std::atoi(a.c_str() + 5) < std::atoi(b.c_str() + 5);
  });
  return dict;
}

void ParsePetrVerbs(const std::string& text, std::vector<PetrVerb>* verbs,
                    std::vector<PetrSynset>* synsets, std::vector<std::string>* errors) {
  PetrVerbDictionary d = ParsePetrVerbDictionary(text);
  if (verbs) std::move(d.verbs.begin(), d.verbs.end(), std::back_inserter(*verbs));
  if (synsets) std::move(d.synsets.begin(), d.synsets.end(), std::back_inserter(*synsets));
  if (errors) std::move(d.errors.begin(), d.errors.end(), std::back_inserter(*errors));
}

// ---------------------------------------------------------------------------------------
// Actors.

namespace {

bool DaysOk(int y, int m, int d) {
  if (m < 1 || m > 12 || d < 1) return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int max = kDays[m - 1];
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) max = 29;
  return d <= max;
}

// YYYYMMDD or YYMMDD -> YYYY-MM-DD; empty on error.
std::string PetrDate(std::string_view s) {
  std::string t = Trim(s);
  if (t.size() != 6 && t.size() != 8) return "";
  for (char c : t)
    if (!std::isdigit(static_cast<unsigned char>(c))) return "";
  int y, m, d;
  if (t.size() == 8) {
    y = std::stoi(t.substr(0, 4));
    m = std::stoi(t.substr(4, 2));
    d = std::stoi(t.substr(6, 2));
  } else {
    y = std::stoi(t.substr(0, 2));
    y += y <= 30 ? 2000 : 1900;
    m = std::stoi(t.substr(2, 2));
    d = std::stoi(t.substr(4, 2));
  }
  if (!DaysOk(y, m, d)) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

// Parses the inside of one `[...]` of an actor dictionary.
bool ParseActorCode(std::string_view inside, PetrActor::Code* out, std::string* what) {
  std::string s = Trim(inside);
  size_t i = 0;
  while (i < s.size() && !IsSpace(s[i]) && s[i] != '<' && s[i] != '>') ++i;
  out->code = s.substr(0, i);
  out->from.clear();
  out->to.clear();
  if (out->code.empty()) {
    *what = "empty actor code";
    return false;
  }
  if (out->code.find('-') != std::string::npos &&
      out->code.find_first_not_of('-') != std::string::npos) {
    *what = "malformed actor code '" + out->code + "'";
    return false;
  }
  std::string rest = Trim(std::string_view(s).substr(i));
  if (rest.empty()) return true;
  if (rest[0] == '<' || rest[0] == '>') {
    std::string d = PetrDate(std::string_view(rest).substr(1));
    if (d.empty()) {
      *what = "bad date in '[" + s + "]'";
      return false;
    }
    (rest[0] == '<' ? out->to : out->from) = d;
    return true;
  }
  size_t dash = rest.find('-');
  if (dash == std::string::npos) {
    *what = "bad date restriction in '[" + s + "]'";
    return false;
  }
  out->from = PetrDate(std::string_view(rest).substr(0, dash));
  out->to = PetrDate(std::string_view(rest).substr(dash + 1));
  if (out->from.empty() || out->to.empty()) {
    *what = "bad date in '[" + s + "]'";
    return false;
  }
  if (out->to < out->from) {
    *what = "end date before start date in '[" + s + "]'";
    return false;
  }
  return true;
}

// Reads all `[...]` groups of `s` from `pos`; false if anything else is there.
bool ParseCodeGroups(std::string_view s, std::vector<PetrActor::Code>* codes, std::string* what) {
  size_t i = 0;
  while (true) {
    while (i < s.size() && IsSpace(s[i])) ++i;
    if (i >= s.size()) return true;
    if (s[i] != '[') {
      *what = "unexpected text '" + Trim(s.substr(i)) + "' after actor code";
      return false;
    }
    size_t close = s.find(']', i);
    if (close == std::string_view::npos) {
      *what = "actor code without ']'";
      return false;
    }
    PetrActor::Code c;
    if (!ParseActorCode(s.substr(i + 1, close - i - 1), &c, what)) return false;
    codes->push_back(std::move(c));
    i = close + 1;
  }
}

bool NameOk(const std::vector<std::string>& words, const char* forbidden) {
  if (words.empty()) return false;
  for (const auto& w : words)
    if (w.find_first_of(forbidden) != std::string::npos) return false;
  return true;
}

}  // namespace

void ParsePetrActors(const std::string& text, std::vector<PetrActor>* actors,
                     std::vector<std::string>* errors) {
  std::vector<PetrActor> out;
  PetrActor cur;
  bool have = false;
  std::vector<std::string> pending_names;  // code-less primaries waiting for codes
  int pending_line = 0;
  auto finish = [&]() {
    if (!have) return;
    if (cur.codes.empty()) {
      // No code at all yet: PETRARCH gives these names the next actor's codes.
      if (pending_names.empty()) pending_line = cur.line;
      pending_names.insert(pending_names.end(), cur.names.begin(), cur.names.end());
    } else {
      if (!pending_names.empty()) {
        cur.names.insert(cur.names.begin(), pending_names.begin(), pending_names.end());
        cur.line = pending_line;
        pending_names.clear();
      }
      out.push_back(std::move(cur));
    }
    cur = PetrActor();
    have = false;
  };

  for (const SrcLine& sl : CleanLines(text)) {
    const int ln = sl.number;
    const std::string line = Trim(sl.text);
    if (line.find("---STOP---") != std::string::npos) break;
    std::string what;
    if (line[0] == '[') {  // code line (normally indented)
      if (!have) {
        AddErr(errors, ln, "code line without an actor");
        continue;
      }
      std::vector<PetrActor::Code> codes;
      if (!ParseCodeGroups(line, &codes, &what)) {
        AddErr(errors, ln, what);
        continue;
      }
      cur.codes.insert(cur.codes.end(), codes.begin(), codes.end());
      continue;
    }
    bool alias = line[0] == '+';
    std::string_view body = std::string_view(line).substr(alias ? 1 : 0);
    size_t lb = body.find('[');
    std::vector<std::string> words =
        PhraseWords(lb == std::string_view::npos ? body : body.substr(0, lb));
    std::vector<PetrActor::Code> codes;
    if (!NameOk(words, "[]{}")) {
      AddErr(errors, ln, "bad actor name '" + Trim(body.substr(0, lb)) + "'");
      if (!alias) finish();  // do not attach what follows to the previous actor
      continue;
    }
    if (lb != std::string_view::npos && !ParseCodeGroups(body.substr(lb), &codes, &what)) {
      // Keep the name with the codes read so far only if the rest is trailing text.
      if (codes.empty() || what.rfind("unexpected text", 0) != 0) {
        AddErr(errors, ln, what);
        if (!alias) finish();
        continue;
      }
      AddErr(errors, ln, what + "; ignored");
    }
    if (alias) {
      if (!have) {
        AddErr(errors, ln, "synonym '+' line without an actor");
        continue;
      }
    } else {
      finish();
      have = true;
      cur.line = ln;
    }
    cur.names.push_back(Join(words));
    cur.codes.insert(cur.codes.end(), codes.begin(), codes.end());
  }
  finish();
  if (!pending_names.empty())
    AddErr(errors, pending_line, "actor '" + pending_names[0] + "' has no code");
  if (actors) std::move(out.begin(), out.end(), std::back_inserter(*actors));
}

// ---------------------------------------------------------------------------------------
// Agents.

void ParsePetrAgents(const std::string& text, std::vector<PetrAgent>* agents,
                     std::vector<std::string>* errors) {
  std::map<std::string, std::vector<std::string>> subst;
  for (const SrcLine& sl : CleanLines(text)) {
    const int ln = sl.number;
    const std::string line = Trim(sl.text);
    if (line.find('!') != std::string::npos && line.find('=') != std::string::npos &&
        line.find('[') == std::string::npos) {  // !MARK! = A, B
      size_t a = line.find('!');
      size_t b = line.find('!', a + 1);
      size_t eq = line.find('=');
      if (b == std::string::npos || eq < b || a != 0) {
        AddErr(errors, ln, "bad substitution set definition");
        continue;
      }
      std::string mark = Upper(line.substr(a + 1, b - a - 1));
      std::vector<std::string> items;
      std::string_view list = std::string_view(line).substr(eq + 1);
      size_t p = 0;
      while (p <= list.size()) {
        size_t c = list.find(',', p);
        if (c == std::string_view::npos) c = list.size();
        std::string item = Join(PhraseWords(list.substr(p, c - p)));
        if (!item.empty()) items.push_back(item);
        p = c + 1;
      }
      if (mark.empty() || items.empty()) {
        AddErr(errors, ln, "empty substitution set");
        continue;
      }
      subst[mark] = std::move(items);
      continue;
    }
    size_t lb = line.find('[');
    if (lb == std::string::npos) {
      AddErr(errors, ln, "agent without [code]");
      continue;
    }
    size_t rb = line.find(']', lb);
    if (rb == std::string::npos) {
      AddErr(errors, ln, "agent code without ']'");
      continue;
    }
    if (!TrimView(std::string_view(line).substr(rb + 1)).empty()) {
      AddErr(errors, ln, "text after the agent code");
      continue;
    }
    PetrAgent agent;
    agent.line = ln;
    std::string code = Trim(std::string_view(line).substr(lb + 1, rb - lb - 1));
    for (char& c : code)
      if (IsSpace(c)) c = ' ';
    code.erase(std::remove(code.begin(), code.end(), ' '), code.end());
    if (!code.empty() && code[0] == '~') {
      agent.suffix = true;
      code.erase(0, 1);
    } else if (!code.empty() && code.back() == '~') {
      agent.suffix = false;
      code.pop_back();
    }
    if (code.empty() || code.find('~') != std::string::npos) {
      AddErr(errors, ln, "bad agent code '" + line.substr(lb, rb - lb + 1) + "'");
      continue;
    }
    agent.code = code;
    std::string name_part = line.substr(0, lb);
    std::vector<std::string> plurals;
    bool braces = false;
    size_t ob = name_part.find('{');
    if (ob != std::string::npos) {
      size_t cb = name_part.find('}', ob);
      if (cb == std::string::npos) {
        AddErr(errors, ln, "missing '}'");
        continue;
      }
      braces = true;
      std::string inside = name_part.substr(ob + 1, cb - ob - 1);
      for (const std::string& p : SplitWs(inside)) plurals.push_back(p);
      name_part = name_part.substr(0, ob) + " " + name_part.substr(cb + 1);
    } else if (name_part.find('}') != std::string::npos) {
      AddErr(errors, ln, "'}' without '{'");
      continue;
    }
    // Expands !MARK! substitutions (several markers allowed) in one raw phrase.
    std::string serr;
    std::function<void(const std::string&, std::vector<std::string>*)> expand =
        [&](const std::string& s, std::vector<std::string>* outv) {
          size_t a = s.find('!');
          if (a == std::string::npos) {
            outv->push_back(s);
            return;
          }
          size_t b = s.find('!', a + 1);
          if (b == std::string::npos) {
            serr = "substitution marker without closing '!'";
            return;
          }
          std::string mark = Upper(s.substr(a + 1, b - a - 1));
          auto it = subst.find(mark);
          if (it == subst.end()) {
            serr = "undefined substitution marker !" + mark + "!";
            return;
          }
          for (const std::string& item : it->second)
            expand(s.substr(0, a) + item + s.substr(b + 1), outv);
        };
    const bool has_marker = name_part.find('!') != std::string::npos;
    std::vector<std::string> raw;
    expand(Trim(name_part), &raw);
    for (const std::string& p : plurals) expand(p, &raw);
    if (!serr.empty()) {
      AddErr(errors, ln, serr);
      continue;
    }
    bool bad = false;
    for (const std::string& r : raw) {
      std::vector<std::string> words = PhraseWords(r);
      if (!NameOk(words, "[]{}*~!")) {
        bad = true;
        break;
      }
      agent.names.push_back(Join(words));
      if (!braces && !has_marker) {
        words.back() = PetrNounPlural(words.back());
        agent.names.push_back(Join(words));
      }
    }
    if (bad || agent.names.empty()) {
      AddErr(errors, ln, "bad agent name '" + Trim(name_part) + "'");
      continue;
    }
    if (agents) agents->push_back(std::move(agent));
  }
}

// ---------------------------------------------------------------------------------------
// Discards.

void ParsePetrDiscards(const std::string& text, std::vector<PetrDiscard>* discards,
                       std::vector<std::string>* errors) {
  for (const SrcLine& sl : CleanLines(text)) {
    std::string line = Trim(sl.text);
    PetrDiscard d;
    d.line = sl.number;
    if (line[0] == '+') {
      d.story_level = true;
      line = Trim(std::string_view(line).substr(1));
    }
    std::vector<std::string> words = PhraseWords(line, &d.whole_word);
    if (words.empty() || line.find_first_of("[]{}") != std::string::npos) {
      AddErr(errors, sl.number, "bad discard phrase '" + Trim(sl.text) + "'");
      continue;
    }
    d.phrase = Join(words);
    if (discards) discards->push_back(std::move(d));
  }
}

// ---------------------------------------------------------------------------------------
// Kind detection.

PetrDictKind DetectPetrDictKind(const std::string& text) {
  int headers = 0, patterns = 0, tilde = 0, bracket = 0, plain = 0, markers = 0;
  for (const SrcLine& sl : CleanLines(text)) {
    const std::string line = Trim(sl.text);
    size_t lb = line.find('[');
    if (line.rfind("---", 0) == 0 && lb != std::string::npos && EndsWith(line, "---")) {
      ++headers;
    } else if (line[0] == '-' && line.find('*') != std::string::npos && lb != std::string::npos) {
      ++patterns;
    } else if (line[0] == '!' && line.find('=') != std::string::npos) {
      ++markers;
    } else if (lb != std::string::npos) {
      ++bracket;
      size_t rb = line.find(']', lb);
      std::string_view in =
          std::string_view(line).substr(lb, rb == std::string::npos ? rb : rb - lb);
      if (in.find('~') != std::string_view::npos) ++tilde;
    } else {
      ++plain;
    }
  }
  if (headers > 0 && headers + patterns >= (bracket + 9) / 10) return PetrDictKind::kVerbs;
  if (bracket > 0 || markers > 0) {
    if (2 * tilde > bracket || (markers > 0 && 2 * tilde >= bracket)) return PetrDictKind::kAgents;
    return PetrDictKind::kActors;
  }
  if (plain > 0) return PetrDictKind::kDiscards;
  return PetrDictKind::kUnknown;
}

}  // namespace warta
