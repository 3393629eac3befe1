#include "events/pattern.h"

#include <algorithm>

#include "util/strings.h"
#include "util/tsv.h"
#include "util/utf8.h"

namespace warta {

Status PatternSet::AddPattern(const std::string& code, const std::string& name,
                              const std::string& text, const std::string& options,
                              const std::string& where, LanguagePack* lang, Lexicon* lexicon) {
  Pattern p;
  p.code = code;
  p.name = name;
  p.rule = lang->iso() + "/" + code.substr(0, 2) + "/" + name;
  p.text = text;
  p.where = where;
  for (std::string_view opt : Split(options, ',')) {
    opt = Trim(opt);
    if (opt.empty()) continue;
    if (opt == "recip")
      p.recip = true;
    else if (opt == "meet")
      p.meet = true;
    else if (opt == "statement")
      p.statement = true;
    else if (opt == "nomodal")
      p.nomodal = true;
    else if (opt == "fallback")
      p.fallback = true;
    else if (opt == "late_recip")
      p.recip = p.late_recip = true;
    else
      return Status::DataError(where + ": unknown option \"" + std::string(opt) + "\"");
  }
  auto word_id = [&](std::string_view w, bool root) {
    std::string lower = utf8::Lower(w);
    WordId id = lexicon->Intern(lower);
    if (root) lang->mutable_morphology()->AddRoot(id);
    return id;
  };
  for (std::string_view tok : SplitWords(text)) {
    PatternItem item;
    if (tok.size() > 1 && tok.back() == '?') {
      item.optional = true;
      tok.remove_suffix(1);
    }
    if (tok == "..") {
      item.kind = PatternItem::kGap;
      item.max_gap = 3;
    } else if (tok == "...") {
      item.kind = PatternItem::kGap;
      item.max_gap = 8;
    } else if (tok[0] == '$') {
      std::string_view slot = tok.substr(1);
      size_t colon = slot.find(':');
      if (colon != std::string_view::npos) {
        item.agent = std::string(slot.substr(colon + 1));
        slot = slot.substr(0, colon);
      }
      if (slot == "T")
        item.kind = PatternItem::kTarget;
      else if (slot == "S")
        item.kind = PatternItem::kSource;
      else if (slot == "P")
        item.kind = PatternItem::kPair;
      else
        return Status::DataError(where + ": unknown slot \"" + std::string(tok) + "\"");
    } else if (tok.find('|') != std::string_view::npos) {
      item.kind = PatternItem::kAlt;
      for (std::string_view alt : Split(tok, '|')) {
        if (alt.empty())
          return Status::DataError(where + ": empty alternative in \"" + std::string(tok) + "\"");
        bool root = alt[0] == '~';
        if (root) alt.remove_prefix(1);
        // Several words: "walk_out", "cease-fire" (the tokenizer splits the hyphen).
        std::string spaced(alt);
        for (char& c : spaced)
          if (c == '_') c = ' ';
        std::vector<WordId> words = LanguagePack::InternPhrase(spaced, lexicon);
        if (words.size() > 1) {
          std::vector<std::pair<WordId, bool>> seq;
          for (size_t k = 0; k < words.size(); ++k) {
            bool r = root && k == 0;
            if (r) lang->mutable_morphology()->AddRoot(words[k]);
            seq.emplace_back(words[k], r);
          }
          item.seqs.push_back(std::move(seq));
          continue;
        }
        item.alts.emplace_back(word_id(alt, root), root);
      }
    } else if (tok[0] == '~') {
      item.kind = PatternItem::kRoot;
      item.id = word_id(tok.substr(1), true);
    } else {
      // A literal may itself tokenise into several words ("n't", "U.S."): keep as one
      // when it is one token, else split into consecutive literals.
      std::vector<WordId> ids = LanguagePack::InternPhrase(tok, lexicon);
      if (ids.size() != 1) {
        for (WordId id : ids) {
          PatternItem w;
          w.kind = PatternItem::kWord;
          w.id = id;
          w.optional = item.optional;
          p.items.push_back(w);
        }
        continue;
      }
      item.kind = PatternItem::kWord;
      item.id = ids[0];
    }
    p.items.push_back(std::move(item));
  }
  if (p.items.empty()) return Status::DataError(where + ": empty pattern");
  size_t a = 0;
  if (p.items[0].kind == PatternItem::kSource) {
    p.leading_source = true;
    a = 1;
  }
  if (a >= p.items.size() || p.items[a].optional ||
      !(p.items[a].kind == PatternItem::kWord || p.items[a].kind == PatternItem::kRoot ||
        p.items[a].kind == PatternItem::kAlt)) {
    return Status::DataError(where +
                             ": a pattern must start with a word, a ~root or alternatives (after "
                             "an optional leading $S)");
  }
  p.anchor = a;
  uint32_t idx = static_cast<uint32_t>(patterns_.size());
  const PatternItem& anchor = p.items[a];
  if (anchor.kind == PatternItem::kWord) by_word_[anchor.id].push_back(idx);
  if (anchor.kind == PatternItem::kRoot) by_root_[anchor.id].push_back(idx);
  if (anchor.kind == PatternItem::kAlt)
    for (auto [id, root] : anchor.alts) (root ? by_root_ : by_word_)[id].push_back(idx);
  for (const auto& seq : anchor.seqs)
    (seq[0].second ? by_root_ : by_word_)[seq[0].first].push_back(idx);
  patterns_.push_back(std::move(p));
  return Status::Ok();
}

Status PatternSet::Load(const std::string& path, LanguagePack* lang, Lexicon* lexicon,
                        const std::function<bool(const std::string&)>& code_ok) {
  iso_ = lang->iso();
  std::string content;
  Status st = ReadFileToString(path, &content);
  if (!st.ok()) return st;
  int number = 0;
  for (std::string_view raw : Split(content, '\n')) {
    ++number;
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    std::string_view t = Trim(raw);
    if (t.empty() || t[0] == '#') continue;
    std::string where = path + ":" + std::to_string(number);
    if (t[0] == '>') {
      if (patterns_.empty()) return Status::DataError(where + ": example before any pattern");
      patterns_.back().examples.emplace_back(Trim(t.substr(1)));
      continue;
    }
    if (t[0] == '!') {
      if (patterns_.empty())
        return Status::DataError(where + ": counter-example before any pattern");
      patterns_.back().counter_examples.emplace_back(Trim(t.substr(1)));
      continue;
    }
    std::vector<std::string_view> f = Split(raw, '\t');
    std::vector<std::string> fields;
    for (auto x : f)
      if (!Trim(x).empty()) fields.emplace_back(Trim(x));
    if (fields.size() < 3)
      return Status::DataError(where + ": expected CODE<TAB>NAME<TAB>PATTERN[<TAB>OPTIONS]");
    if (!code_ok(fields[0])) return Status::DataError(where + ": unknown CAMEO code " + fields[0]);
    st = AddPattern(fields[0], fields[1], fields[2], fields.size() > 3 ? fields[3] : "", where,
                    lang, lexicon);
    if (!st.ok()) return st;
  }
  return Status::Ok();
}

void PatternSet::Candidates(WordId word, WordId root, std::vector<uint32_t>* out) const {
  if (word != kNoWord) {
    auto it = by_word_.find(word);
    if (it != by_word_.end()) out->insert(out->end(), it->second.begin(), it->second.end());
    auto jt = by_root_.find(word);
    if (jt != by_root_.end()) out->insert(out->end(), jt->second.begin(), jt->second.end());
  }
  if (root != kNoWord && root != word) {
    auto it = by_root_.find(root);
    if (it != by_root_.end()) out->insert(out->end(), it->second.begin(), it->second.end());
  }
  std::sort(out->begin(), out->end());
  out->erase(std::unique(out->begin(), out->end()), out->end());
}

}  // namespace warta
