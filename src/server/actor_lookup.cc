#include "server/actor_lookup.h"

#include <fmt/format.h>

#include <climits>

#include "lang/language_pack.h"
#include "util/date.h"
#include "util/json_writer.h"

namespace warta::server {
namespace {

const char* KindName(ActorKind k) {
  switch (k) {
    case ActorKind::kCountry:
      return "country";
    case ActorKind::kDemonym:
      return "demonym";
    case ActorKind::kCapital:
      return "capital";
    case ActorKind::kSeat:
      return "seat of power";
    case ActorKind::kOrg:
      return "organisation";
    case ActorKind::kPerson:
      return "person";
    case ActorKind::kAgent:
      return "agent";
    case ActorKind::kPlace:
      return "place";
  }
  return "?";
}

void AppendDay(int64_t day, bool open, std::string* out) {
  if (open)
    *out += "null";
  else
    json::AppendString(FormatDate(CivilFromDays(day)), out);
}

}  // namespace

Result<std::unique_ptr<ActorLookup>> ActorLookup::Load(const std::string& data_dir) {
  std::unique_ptr<ActorLookup> l(new ActorLookup());
  auto dict = ActorDictionary::Load(data_dir, {"en", "id"}, &l->lexicon_);
  if (!dict.ok()) return dict.status();
  l->dict_ = std::move(*dict);
  return l;
}

int ActorLookup::Lookup(const std::string& name, int64_t day, const std::string& lang,
                        std::string* json) const {
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<WordId> words = LanguagePack::InternPhrase(name, &lexicon_);
  *json += "{\"name\": ";
  json::AppendString(name, json);
  *json += ", \"date\": ";
  json::AppendString(FormatDate(CivilFromDays(day)), json);
  *json += ", \"lang\": ";
  if (lang.empty())
    *json += "null";
  else
    json::AppendString(lang, json);
  *json += ", \"entries\": [";
  int found = 0;
  for (size_t i = 0; i < dict_->name_count() && !words.empty(); ++i) {
    const ActorName& n = dict_->name(static_cast<uint32_t>(i));
    if (n.words != words) continue;
    for (uint32_t e : n.entries) {
      const ActorEntry& ent = dict_->entry(e);
      if (!lang.empty() && !ent.lang.empty() && ent.lang != lang) continue;
      if (found++) *json += ", ";
      bool person = ent.kind == ActorKind::kPerson && ent.person >= 0;
      *json += "{\"code\": ";
      json::AppendString(person ? dict_->PersonCode(ent.person, day) : ent.code, json);
      *json += fmt::format(", \"kind\": \"{}\", \"lang\": ", KindName(ent.kind));
      if (ent.lang.empty())
        *json += "null";
      else
        json::AppendString(ent.lang, json);
      *json += fmt::format(", \"valid\": {}, \"capitals_only\": {}, \"as_written\": ",
                           day >= ent.from && day < ent.to ? "true" : "false",
                           n.case_sensitive ? "true" : "false");
      json::AppendString(n.surface, json);
      *json += ", \"source\": ";
      json::AppendString(ent.source, json);
      if (person) {
        const Person& p = dict_->person(ent.person);
        *json += ", \"person\": {\"name\": ";
        json::AppendString(p.name, json);
        *json += ", \"roles\": [";
        for (size_t r = 0; r < p.roles.size(); ++r) {
          if (r) *json += ", ";
          *json += "{\"code\": ";
          json::AppendString(p.roles[r].code, json);
          *json += ", \"from\": ";
          AppendDay(p.roles[r].from, p.roles[r].from == INT64_MIN, json);
          *json += ", \"to\": ";
          AppendDay(p.roles[r].to, p.roles[r].to == INT64_MAX, json);
          *json += ", \"note\": ";
          json::AppendString(p.roles[r].note, json);
          *json += "}";
        }
        *json += "]}";
      }
      *json += "}";
    }
  }
  *json += "]}";
  return found;
}

}  // namespace warta::server
