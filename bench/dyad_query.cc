// Benchmark (not a test): fills a store with synthetic events through
// Store::WriteDocument and times a dyad-by-month query.
//
//   bench/dyad_query [--db FILE|postgresql://...] [--events N] [--per-doc K]
//
// Default: 1,000,000 events in a temporary SQLite file, 100 events per document, one
// event in ten between IDN and MYS (the dyad timed) and the rest among 40 other
// countries, over ten years. A store that already holds the events is reused. Target:
// the dyad query answers in under 200 ms.
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "warta/store.h"

namespace {

using Clock = std::chrono::steady_clock;
double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

const char* kCountries[] = {"USA", "RUS", "CHN", "GBR", "FRA", "DEU", "JPN", "IND", "BRA", "ZAF",
                            "AUS", "CAN", "MEX", "ARG", "EGY", "NGA", "KEN", "TUR", "IRN", "IRQ",
                            "SAU", "ISR", "PSE", "UKR", "POL", "ITA", "ESP", "NLD", "SWE", "NOR",
                            "THA", "VNM", "PHL", "SGP", "KOR", "PRK", "PAK", "AFG", "BGD", "MMR"};
const char* kCodes[] = {"010", "020", "036", "040", "043", "046", "051", "057", "061",
                        "111", "112", "120", "130", "138", "141", "163", "173", "190"};
const double kGold[] = {0, 3, 4, 1, 2.8, 7, 3.4, 8, 6.4, -2, -2, -4, -4.4, -7, -6.5, -8, -5, -10};
const char* kTypes[] = {"", "GOV", "MIL", "GOV", ""};

}  // namespace

int main(int argc, char** argv) {
  std::string db;
  int64_t total = 1000000;
  int per_doc = 100;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--db")
      db = argv[i + 1];
    else if (a == "--events")
      total = std::atoll(argv[i + 1]);
    else if (a == "--per-doc")
      per_doc = std::atoi(argv[i + 1]);
  }
  bool temp = db.empty();
  if (temp)
    db = (std::filesystem::temp_directory_path() / fmt::format("warta_bench_{}.db", getpid()))
             .string();
  auto store = warta::Store::Open(db);
  if (!store.ok()) {
    fmt::print(stderr, "dyad_query: {}\n", store.status().ToString());
    return 1;
  }
  auto counts = (*store)->Counts();
  if (!counts.ok()) {
    fmt::print(stderr, "dyad_query: {}\n", counts.status().ToString());
    return 1;
  }
  if (counts->events < total) {
    std::mt19937_64 rng(42);
    auto t0 = Clock::now();
    int64_t written = counts->events, doc = counts->documents;
    std::vector<warta::Event> evs;
    while (written < total) {
      warta::Document d;
      d.id = fmt::format("bench-{}", doc++);
      d.lang = "en";
      d.url = fmt::format("https://site{}.example/{}", doc % 50, doc);
      d.text = fmt::format("Synthetic article {} for the dyad benchmark.", doc);
      evs.clear();
      for (int k = 0; k < per_doc; ++k) {
        warta::Event ev;
        std::string s, t;
        if (rng() % 10 == 0) {
          s = "IDN", t = "MYS";
          if (rng() % 2) std::swap(s, t);
        } else {
          s = kCountries[rng() % std::size(kCountries)];
          do t = kCountries[rng() % std::size(kCountries)];
          while (t == s);
        }
        ev.source.code = s + kTypes[rng() % std::size(kTypes)];
        ev.source.text = s;
        ev.target = warta::ActorRef{t + kTypes[rng() % std::size(kTypes)], t, {0, 3}};
        size_t c = rng() % std::size(kCodes);
        ev.code = kCodes[c];
        ev.root = ev.code.substr(0, 2);
        ev.goldstein = kGold[c];
        ev.quad_class = kGold[c] >= 0 ? 1 : 4;
        int64_t day = 16436 + static_cast<int64_t>(rng() % 3650);  // 2015-01-01 + 10 years
        int y = 1970, m = 1, dd = 1;
        {  // civil from days (Hinnant)
          int64_t z = day + 719468, era = z / 146097, doe = z - era * 146097;
          int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
          int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153;
          dd = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
          m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
          y = static_cast<int>(yoe + era * 400 + (m <= 2));
        }
        ev.date = fmt::format("{:04}-{:02}-{:02}", y, m, dd);
        ev.sentence_index = k;
        ev.sentence_text = "Synthetic sentence.";
        ev.rule = "bench";
        evs.push_back(std::move(ev));
      }
      auto w = (*store)->WriteDocument(d, evs);
      if (!w.ok()) {
        fmt::print(stderr, "dyad_query: {}\n", w.status().ToString());
        return 1;
      }
      written += w->events_new;  // a synthetic repeat is merged, not a new event
    }
    double ms = Ms(Clock::now() - t0);
    fmt::print("filled {} events in {:.1f} s ({:.0f} events/s)\n", written, ms / 1000,
               static_cast<double>(written) / (ms / 1000));
    counts = (*store)->Counts();
  }
  fmt::print("store: {} ({}), {} documents, {} events, {} mentions\n", db, (*store)->backend(),
             counts->documents, counts->events, counts->mentions);

  std::vector<double> times;
  size_t periods = 0;
  int64_t n = 0;
  for (int run = 0; run < 6; ++run) {
    auto t0 = Clock::now();
    auto rows = (*store)->Dyad("IDN", "MYS", warta::Period::kMonth);
    times.push_back(Ms(Clock::now() - t0));
    if (!rows.ok()) {
      fmt::print(stderr, "dyad_query: {}\n", rows.status().ToString());
      return 1;
    }
    periods = rows->size();
    n = 0;
    for (const auto& r : *rows) n += r.ab_count + r.ba_count;
  }
  double first = times[0];
  std::sort(times.begin() + 1, times.end());
  double median = times[1 + (times.size() - 1) / 2];
  fmt::print(
      "dyad IDN MYS --by month: {} months, {} events; first run {:.1f} ms, median of 5 more "
      "{:.1f} ms (target < 200 ms): {}\n",
      periods, n, first, median, median < 200 ? "OK" : "SLOW");
  if (temp) {
    store->reset();
    for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(db + ext);
  }
  return 0;
}
