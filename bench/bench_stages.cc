// bench_stages: times each stage of the pipeline over a JSON-lines corpus (as
// bench/gen_corpus.py writes it) on one thread and prints sentences/s, MB/s and peak
// memory (getrusage ru_maxrss).
//
//   build/bench/bench_stages CORPUS.jsonl [--repeat N] [--data DIR]
//
// Stages are cumulative, as the coder runs them, so each row costs what the rows above
// it cost plus its own work:
//   read          JSON-lines parsing (DocumentReader)
//   tokenise      + tokens, lexicon/morphology lookups, sentence split
//   actors        + actor mentions in every sentence (FindMentions)
//   code          Coder::Code: + boilerplate, dateline, events, roles, dates, places
//   code+json     + the event JSON lines `warta code` prints
// The documents are read into memory first; reading is timed on its own.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "actors/actor_dictionary.h"
#include "actors/actor_matcher.h"
#include "events/event_codes.h"
#include "events/pattern.h"
#include "ingest/reader.h"
#include "lang/language_pack.h"
#include "lang/lexicon.h"
#include "output/event_writer.h"
#include "text/token.h"
#include "util/strings.h"
#include "util/utf8.h"
#include "warta/coder.h"

namespace {

using Clock = std::chrono::steady_clock;

double PeakMb() {
  rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss / 1024.0;
}

void Row(const char* stage, double secs, uint64_t sentences, uint64_t bytes, uint64_t extra,
         const char* extra_name) {
  std::printf("%-10s %9.3f s %12.0f sent/s %9.2f MB/s %10llu %-7s peak %.0f MB\n", stage, secs,
              sentences / secs, bytes / secs / 1e6, static_cast<unsigned long long>(extra),
              extra_name, PeakMb());
  std::fflush(stdout);
}

// The dictionaries, loaded as the Coder loads them, for the stages before Code().
struct Models {
  warta::Lexicon lexicon;
  std::vector<std::unique_ptr<warta::LanguagePack>> packs;
  std::unique_ptr<warta::ActorDictionary> dict;
  std::vector<warta::PatternSet> patterns;

  bool Load(const std::string& dir) {
    auto codes = warta::EventCodes::Load(dir);
    if (!codes.ok()) return Fail(codes.status());
    std::vector<std::string> langs = {"en", "id"};
    for (const auto& iso : langs) {
      auto pack = warta::LanguagePack::Load(dir, iso, &lexicon);
      if (!pack.ok()) return Fail(pack.status());
      packs.push_back(std::move(pack.value()));
    }
    auto d = warta::ActorDictionary::Load(dir, langs, &lexicon);
    if (!d.ok()) return Fail(d.status());
    dict = std::move(d.value());
    patterns.resize(packs.size());
    auto code_ok = [&](const std::string& c) { return codes->Find(c) != nullptr; };
    for (size_t i = 0; i < packs.size(); ++i) {
      std::vector<std::string> files;
      std::error_code ec;
      for (const auto& f :
           std::filesystem::directory_iterator(dir + "/lang/" + packs[i]->iso(), ec)) {
        std::string name = f.path().filename().string();
        if (warta::StartsWith(name, "events") && warta::EndsWith(name, ".txt"))
          files.push_back(f.path().string());
      }
      std::sort(files.begin(), files.end());
      for (const auto& f : files) {
        warta::Status st = patterns[i].Load(f, packs[i].get(), &lexicon, code_ok);
        if (!st.ok()) return Fail(st);
      }
      packs[i]->Finalize();
    }
    return true;
  }
  const warta::LanguagePack* Pack(const std::string& iso) const {
    for (const auto& p : packs)
      if (p->iso() == iso) return p.get();
    return packs[0].get();
  }
  static bool Fail(const warta::Status& st) {
    std::fprintf(stderr, "bench_stages: %s\n", st.ToString().c_str());
    return false;
  }
};

// Tokens with lexicon ids and roots, then sentences: what Coder::Code does first.
void Tokenise(const warta::LanguagePack& lang, const warta::Lexicon& lexicon, std::string_view text,
              std::vector<warta::Token>* tokens, std::vector<warta::Sentence>* sentences,
              std::string* lower) {
  tokens->clear();
  sentences->clear();
  warta::Tokenize(text, tokens);
  for (warta::Token& t : *tokens) {
    if (!t.Is(warta::kTokWord) && !t.Is(warta::kTokPunct)) continue;
    lower->clear();
    warta::utf8::AppendLower(warta::TokenText(text, t), lower);
    t.word = lexicon.Find(*lower);
    if (t.Is(warta::kTokWord) && !t.Is(warta::kTokNumber)) {
      warta::Analysis a = lang.morphology().Analyze(*lower);
      t.root = a.root;
      t.affixes = a.affixes;
    } else {
      t.root = t.word;
    }
  }
  auto is_abbrev = [&](uint32_t i) {
    const warta::Token& t = (*tokens)[i];
    return t.word != warta::kNoWord && lang.Is(t.word, warta::Cat::kAbbreviation);
  };
  warta::SplitSentences(text, *tokens, is_abbrev, sentences);
}

}  // namespace

int main(int argc, char** argv) {
  std::string corpus, data_dir;
  int repeat = 1;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--repeat") && i + 1 < argc)
      repeat = std::max(1, std::atoi(argv[++i]));
    else if (!std::strcmp(argv[i], "--data") && i + 1 < argc)
      data_dir = argv[++i];
    else
      corpus = argv[i];
  }
  if (corpus.empty()) {
    std::fprintf(stderr, "usage: bench_stages CORPUS.jsonl [--repeat N] [--data DIR]\n");
    return 1;
  }
  warta::CoderOptions copts;
  copts.data_dir = data_dir;
  auto t0 = Clock::now();
  auto coder = warta::Coder::Open(copts);
  if (!coder.ok()) return Models::Fail(coder.status()) ? 0 : 1;
  Models models;
  if (!models.Load((*coder)->DataDir())) return 1;
  std::printf("setup: dictionaries loaded twice (coder + stage models) in %.2f s\n",
              std::chrono::duration<double>(Clock::now() - t0).count());

  // read
  std::vector<warta::Document> docs;
  uint64_t bytes = 0;
  auto start = Clock::now();
  warta::DocumentReader reader(
      {}, [&](warta::Document&& d) { docs.push_back(std::move(d)); },
      [&](const warta::Status& st) { std::fprintf(stderr, "%s\n", st.message().c_str()); });
  if (!reader.ReadPath(corpus).ok()) return 1;
  double read_secs = std::chrono::duration<double>(Clock::now() - start).count();
  for (auto& d : docs) {
    bytes += d.text.size();
    if (d.lang.empty()) d.lang = (*coder)->DetectLanguage(d.text);  // stages need a pack
  }
  // Sentence count from the tokeniser, used for every row.
  std::vector<warta::Token> tokens;
  std::vector<warta::Sentence> sentences;
  std::string lower;
  uint64_t total_sentences = 0;
  for (const auto& d : docs) {
    Tokenise(*models.Pack(d.lang), models.lexicon, d.text, &tokens, &sentences, &lower);
    total_sentences += sentences.size();
  }
  std::printf("corpus: %zu documents, %llu sentences, %.1f MB of text, repeat %d\n", docs.size(),
              static_cast<unsigned long long>(total_sentences), bytes / 1e6, repeat);
  Row("read", read_secs, total_sentences, reader.stats().bytes, docs.size(), "docs");
  uint64_t sent = total_sentences * repeat, text_bytes = bytes * repeat;

  // tokenise
  start = Clock::now();
  uint64_t ntokens = 0;
  for (int r = 0; r < repeat; ++r)
    for (const auto& d : docs) {
      Tokenise(*models.Pack(d.lang), models.lexicon, d.text, &tokens, &sentences, &lower);
      ntokens += tokens.size();
    }
  Row("tokenise", std::chrono::duration<double>(Clock::now() - start).count(), sent, text_bytes,
      ntokens, "tokens");

  // actors
  start = Clock::now();
  uint64_t nmentions = 0;
  std::vector<warta::Mention> mentions;
  std::vector<warta::Marker> markers;
  std::vector<warta::WordId> words;
  for (int r = 0; r < repeat; ++r)
    for (const auto& d : docs) {
      const warta::LanguagePack& lang = *models.Pack(d.lang);
      Tokenise(lang, models.lexicon, d.text, &tokens, &sentences, &lower);
      for (const warta::Sentence& s : sentences) {
        words.clear();
        markers.clear();
        for (uint32_t i = s.token_begin; i < s.token_end; ++i) words.push_back(tokens[i].word);
        lang.FindMarkers(words.data(), words.size(), &markers);
        for (warta::Marker& m : markers) {
          m.begin += s.token_begin;
          m.end += s.token_begin;
        }
        warta::SentenceView view{d.text, &tokens, s.token_begin, s.token_end, &markers};
        mentions.clear();
        warta::FindMentions(view, lang, *models.dict, 0, &mentions);
        nmentions += mentions.size();
      }
    }
  Row("actors", std::chrono::duration<double>(Clock::now() - start).count(), sent, text_bytes,
      nmentions, "actors");

  // code, code+json
  std::vector<warta::Event> events;
  std::string out;
  for (bool json : {false, true}) {
    start = Clock::now();
    uint64_t nevents = 0, errors = 0;
    for (int r = 0; r < repeat; ++r)
      for (const auto& d : docs) {
        events.clear();
        if (!(*coder)->Code(d, &events).ok()) ++errors;
        nevents += events.size();
        if (json) {
          out.clear();
          for (const auto& ev : events) {
            warta::AppendEventJson(ev, &out);
            out.push_back('\n');
          }
        }
      }
    Row(json ? "code+json" : "code", std::chrono::duration<double>(Clock::now() - start).count(),
        sent, text_bytes, nevents, "events");
    if (errors)
      std::printf("  (%llu documents refused)\n", static_cast<unsigned long long>(errors));
  }
  return 0;
}
