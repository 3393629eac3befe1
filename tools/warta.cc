// warta — the command-line tool over the warta library.
//
//   warta code [--format jsonl|tsv] [--lang auto|en|id] [--date YYYY-MM-DD] [--dict F]... FILE...
//   warta eval GOLD EVENTS [--level country|full] [--show-misses]
//   warta actors lookup NAME [--date D] [--lang L]
//   warta actors check
//   warta patterns check          (every pattern codes its example sentences)
//   warta lang FILE...            (language identification)
//
// Exit codes: 0 all input coded; 1 usage or setup error (no data directory, bad
// dictionary); 2 some records were skipped (each reported on stderr with file:line).
#include <fmt/format.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>

#include "actors/actor_dictionary.h"
#include "cli_output.h"
#include "cmd_serve.h"
#include "cmd_store.h"
#include "eval/scorer.h"
#include "ingest/pipeline.h"
#include "ingest/reader.h"
#include "lang/language_pack.h"
#include "output/event_writer.h"
#include "util/date.h"
#include "util/json_writer.h"
#include "util/strings.h"
#include "util/utf8.h"
#include "warta/coder.h"

namespace {

using warta::cli::Error;
using warta::cli::Output;

// PETRARCH/TABARI dictionaries given with --dict (shared by the commands that code).
std::vector<std::string> g_dict_files;
bool g_dict_replace = false;
// Worker threads for `warta code` (-j); 0: all cores.
int g_jobs = 0;

int RunCode(const std::vector<std::string>& files, const std::string& format,
            const std::string& lang, const std::string& date, const std::string& data_dir) {
  if (!date.empty() && !warta::ParseIsoDate(date)) {
    Error("--date must be YYYY-MM-DD, got \"" + date + "\"");
    return 1;
  }
  if (lang != "auto" && lang != "en" && lang != "id") {
    Error("--lang must be auto, en or id");
    return 1;
  }
  warta::CoderOptions opts;
  opts.data_dir = data_dir;
  opts.default_lang = lang;
  opts.default_date = date;
  opts.dict_files = g_dict_files;
  opts.dict_replace = g_dict_replace;
  auto coder = warta::Coder::Open(opts);
  if (!coder.ok()) {
    Error(coder.status().ToString());
    return 1;
  }
  Output out;
  if (format == "tsv") out.buf() += warta::TsvHeader() + "\n";
  uint64_t errors = 0;
  warta::ReaderOptions ropts;
  ropts.default_date = date;
  ropts.default_lang = lang;
  // Coding runs on a worker pool (-j); output keeps the input order and streams.
  warta::PipelineOptions popts;
  popts.threads = g_jobs;
  popts.format = format;
  popts.progress = isatty(STDERR_FILENO);
  warta::CodePipeline pipeline(
      **coder, popts,
      [&](std::string_view chunk) {
        out.buf().append(chunk);
        out.MaybeFlush();
      },
      [&](const warta::Status& st) { Error(st.message()); });
  warta::DocumentReader reader(
      ropts, [&](warta::Document&& doc) { pipeline.Add(std::move(doc)); },
      [&](const warta::Status& st) {
        ++errors;
        pipeline.CountExternalError();
        Error(st.message());
      });
  for (const std::string& f : files) {
    warta::Status st = reader.ReadPath(f);
    if (!st.ok()) {
      ++errors;
      pipeline.CountExternalError();
      Error(st.message());
    }
  }
  pipeline.Finish();
  uint64_t docs = pipeline.stats().docs, events = pipeline.stats().events;
  errors += pipeline.stats().errors;
  out.Flush();
  if (isatty(STDERR_FILENO))
    fmt::print(stderr, "warta: {} documents, {} events, {} errors\n", docs, events, errors);
  return errors ? 2 : 0;
}

// `warta mentions`: the actors and places the coder recognises, one JSON line each, so
// users can see how names code in context (and tests can measure place recognition).
int RunMentions(const std::vector<std::string>& files, const std::string& lang,
                const std::string& data_dir) {
  warta::CoderOptions opts;
  opts.data_dir = data_dir;
  opts.default_lang = lang;
  auto coder = warta::Coder::Open(opts);
  if (!coder.ok()) {
    Error(coder.status().ToString());
    return 1;
  }
  uint64_t errors = 0;
  Output out;
  warta::ReaderOptions ropts;
  ropts.default_lang = lang;
  warta::DocumentReader reader(
      ropts,
      [&](warta::Document&& doc) {
        std::vector<warta::ActorMention> mentions;
        warta::Status st = (*coder)->Mentions(doc, &mentions);
        if (!st.ok()) {
          ++errors;
          Error(st.message());
          return;
        }
        for (const auto& m : mentions) {
          std::string& b = out.buf();
          b += "{\"doc_id\":" + warta::json::Quote(doc.id) +
               ",\"sentence\":" + std::to_string(m.sentence) +
               ",\"text\":" + warta::json::Quote(m.text) +
               ",\"code\":" + warta::json::Quote(m.code) + ",\"span\":[" +
               std::to_string(m.span.begin) + "," + std::to_string(m.span.end) + "]";
          if (m.is_place) {
            b += ",\"place\":{\"name\":" + warta::json::Quote(m.location.name) +
                 ",\"country\":" + warta::json::Quote(m.location.country3) + ",\"lat\":";
            warta::json::AppendNumber(m.location.lat, &b);
            b += ",\"lon\":";
            warta::json::AppendNumber(m.location.lon, &b);
            b += "}";
          }
          b += "}\n";
        }
        out.MaybeFlush();
      },
      [&](const warta::Status& st) {
        ++errors;
        Error(st.message());
      });
  for (const std::string& f : files) {
    warta::Status st = reader.ReadPath(f);
    if (!st.ok()) {
      ++errors;
      Error(st.message());
    }
  }
  out.Flush();
  return errors ? 2 : 0;
}

int RunEval(const std::string& gold, const std::string& events, const std::string& level,
            bool show_misses, double min_f1) {
  auto r = warta::ScoreFiles(gold, events, level);
  if (!r.ok()) {
    Error(r.status().ToString());
    return 1;
  }
  if (show_misses)
    for (const auto& m : r->misses) fmt::print("{}\n", m);
  fmt::print("{}\n", r->ToString());
  return (min_f1 >= 0 && r->f1 < min_f1) ? 1 : 0;
}

int RunLang(const std::vector<std::string>& files, const std::string& data_dir) {
  warta::CoderOptions opts;
  opts.data_dir = data_dir;
  auto coder = warta::Coder::Open(opts);
  if (!coder.ok()) {
    Error(coder.status().ToString());
    return 1;
  }
  int errors = 0;
  warta::DocumentReader reader(
      {},
      [&](warta::Document&& doc) {
        fmt::print("{}\t{}\n", doc.id, (*coder)->DetectLanguage(doc.text));
      },
      [&](const warta::Status& st) {
        ++errors;
        Error(st.message());
      });
  for (const auto& f : files) {
    warta::Status st = reader.ReadPath(f);
    if (!st.ok()) {
      ++errors;
      Error(st.message());
    }
  }
  return errors ? 2 : 0;
}

const char* KindName(warta::ActorKind k) {
  switch (k) {
    case warta::ActorKind::kCountry:
      return "country";
    case warta::ActorKind::kDemonym:
      return "demonym";
    case warta::ActorKind::kCapital:
      return "capital";
    case warta::ActorKind::kSeat:
      return "seat of power";
    case warta::ActorKind::kOrg:
      return "organisation";
    case warta::ActorKind::kPerson:
      return "person";
    case warta::ActorKind::kAgent:
      return "agent";
    case warta::ActorKind::kPlace:
      return "place";
  }
  return "?";
}

int RunActors(const std::string& action, const std::string& name, const std::string& date,
              const std::string& lang, const std::string& data_dir) {
  std::string dir = data_dir.empty() ? warta::DefaultDataDir() : data_dir;
  warta::Lexicon lexicon;
  std::vector<std::string> langs = {"en", "id"};
  auto dict = warta::ActorDictionary::Load(dir, langs, &lexicon);
  if (!dict.ok()) {
    Error(dict.status().ToString());
    return 1;
  }
  if (action == "check") {
    for (const auto& w : (*dict)->warnings()) fmt::print("{}\n", w);
    fmt::print("{} names checked, {} problems\n", (*dict)->name_count(),
               (*dict)->warnings().size());
    return (*dict)->warnings().empty() ? 0 : 2;
  }
  int64_t day = 0;
  if (!date.empty()) {
    auto d = warta::ParseIsoDate(date);
    if (!d) {
      Error("--date must be YYYY-MM-DD");
      return 1;
    }
    day = warta::DaysFromCivil(d->year, d->month ? d->month : 1, d->day ? d->day : 1);
  } else {
    time_t now = time(nullptr);
    day = now / 86400;
  }
  std::vector<warta::WordId> words = warta::LanguagePack::InternPhrase(name, &lexicon);
  int found = 0;
  for (size_t i = 0; i < (*dict)->name_count(); ++i) {
    const auto& n = (*dict)->name(static_cast<uint32_t>(i));
    if (n.words != words) continue;
    for (uint32_t e : n.entries) {
      const auto& ent = (*dict)->entry(e);
      if (!lang.empty() && !ent.lang.empty() && ent.lang != lang) continue;
      ++found;
      std::string code = ent.code;
      std::string why;
      if (ent.kind == warta::ActorKind::kPerson) {
        code = (*dict)->PersonCode(ent.person, day);
        for (const auto& r : (*dict)->person(ent.person).roles) {
          why += fmt::format(
              "\n    role {} {} .. {} {}", r.code,
              r.from == INT64_MIN ? "-" : warta::FormatDate(warta::CivilFromDays(r.from)),
              r.to == INT64_MAX ? "-" : warta::FormatDate(warta::CivilFromDays(r.to)), r.note);
        }
      }
      bool valid = day >= ent.from && day < ent.to;
      fmt::print("{}\t{}\t{}{}\t{}{}\n", code, KindName(ent.kind),
                 ent.lang.empty() ? "*" : ent.lang, valid ? "" : "\t(not valid on that date)",
                 ent.source, n.case_sensitive ? "\t(capitals only)" : "");
      if (!why.empty())
        fmt::print("  {}{}\n",
                   ent.kind == warta::ActorKind::kPerson ? (*dict)->person(ent.person).name : "",
                   why);
    }
  }
  if (!found) {
    fmt::print("\"{}\" is not in the dictionaries\n", name);
    return 2;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{
      "warta: political event coding of English and Indonesian news (CAMEO, PLOVER, Goldstein)"};
  app.require_subcommand(1);
  std::string data_dir;
  app.add_option("--data", data_dir, "data directory (dictionaries and language packs)");

  auto* code = app.add_subcommand("code", "code documents and print events");
  std::vector<std::string> files;
  std::string format = "jsonl", lang = "auto", date;
  code->add_option("files", files, "JSON-lines, .txt files, directories, or - for standard input")
      ->required();
  code->add_option("--format", format, "jsonl (event JSON contract) or tsv")
      ->check(CLI::IsMember({"jsonl", "tsv"}));
  code->add_option("--lang", lang, "auto, en or id: language of documents that do not say");
  code->add_option("--date", date, "YYYY-MM-DD: date of documents that do not say");
  code->add_option("-j,--jobs", g_jobs,
                   "coding threads, the one that prints included (default: all cores)")
      ->check(CLI::NonNegativeNumber);
  code->add_option(
          "--dict", g_dict_files,
          "a PETRARCH/TABARI dictionary (verbs, actors, agents or discards) to add; repeatable")
      ->check(CLI::ExistingFile);
  code->add_flag(
      "--dict-replace", g_dict_replace,
      "user verb dictionaries replace the built-in English patterns instead of adding to them");

  auto* eval =
      app.add_subcommand("eval", "score events against a gold file (as ../shared/eval/score.py)");
  std::string gold, events, level = "country";
  bool show = false;
  double min_f1 = -1;
  eval->add_option("gold", gold, "gold JSON lines")->required();
  eval->add_option("events", events, "events JSON lines, as `warta code` prints them")->required();
  eval->add_option("--level", level, "country or full")->check(CLI::IsMember({"country", "full"}));
  eval->add_flag("--show-misses", show, "list missed gold events and extra events");
  eval->add_option("--min-f1", min_f1, "exit 1 when F1 is below this");

  auto* actors = app.add_subcommand("actors", "inspect the actor dictionaries");
  actors->require_subcommand(1);
  auto* lookup = actors->add_subcommand("lookup", "show how a name codes and why");
  std::string name, adate, alang;
  lookup->add_option("name", name, "the name, e.g. \"Kerry\" or \"Amerika Serikat\"")->required();
  lookup->add_option("--date", adate, "the date roles are taken at (default: today)");
  lookup->add_option("--lang", alang, "en or id");
  auto* check =
      actors->add_subcommand("check", "report duplicate, conflicting and dangling entries");

  auto* patterns = app.add_subcommand("patterns", "check the event patterns");
  patterns->require_subcommand(1);
  auto* pcheck = patterns->add_subcommand(
      "check", "code every pattern's example sentences and report those that do not code");

  auto* langcmd = app.add_subcommand("lang", "identify the language of documents");
  std::vector<std::string> lfiles;
  langcmd->add_option("files", lfiles, "documents")->required();

  auto* mentions =
      app.add_subcommand("mentions", "list the actors and places recognised in documents");
  std::vector<std::string> mfiles;
  std::string mlang = "auto";
  mentions
      ->add_option("files", mfiles, "JSON-lines, .txt files, directories, or - for standard input")
      ->required();
  mentions->add_option("--lang", mlang, "auto, en or id: language of documents that do not say");

  warta::RegisterStoreCommands(&app, &data_dir);  // ingest, query, dyad, export
  warta::RegisterServeCommand(&app, &data_dir);   // HTTP API and dashboard

  CLI11_PARSE(app, argc, argv);
  if (code->parsed()) return RunCode(files, format, lang, date, data_dir);
  if (eval->parsed()) return RunEval(gold, events, level, show, min_f1);
  if (lookup->parsed()) return RunActors("lookup", name, adate, alang, data_dir);
  if (check->parsed()) return RunActors("check", "", "", "", data_dir);
  if (langcmd->parsed()) return RunLang(lfiles, data_dir);
  if (mentions->parsed()) return RunMentions(mfiles, mlang, data_dir);
  if (pcheck->parsed()) {
    warta::CoderOptions opts;
    opts.data_dir = data_dir;
    auto coder = warta::Coder::Open(opts);
    if (!coder.ok()) {
      Error(coder.status().ToString());
      return 1;
    }
    std::vector<std::string> failures;
    int tried = (*coder)->CheckPatternExamples(&failures);
    for (const auto& f : failures) fmt::print("{}\n", f);
    fmt::print("{} examples, {} problems\n", tried, failures.size());
    return failures.empty() ? 0 : 1;
  }
  return 1;
}
