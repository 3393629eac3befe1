#include "output/event_writer.h"

#include <fmt/format.h>

#include "util/json_writer.h"

namespace warta {

namespace {

void AppendActor(const ActorRef& a, std::string* out) {
  out->append("{\"code\": ");
  json::AppendString(a.code, out);
  out->append(", \"text\": ");
  json::AppendString(a.text, out);
  fmt::format_to(std::back_inserter(*out), ", \"span\": [{}, {}]}}", a.span.begin, a.span.end);
}

std::string TsvField(const std::string& s) {
  std::string out;
  for (char c : s) out.push_back(c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
  return out;
}

}  // namespace

void AppendEventJson(const Event& ev, std::string* out) {
  out->append("{\"doc_id\": ");
  json::AppendString(ev.doc_id, out);
  out->append(", \"event_id\": ");
  json::AppendString(ev.event_id, out);
  out->append(", \"date\": ");
  json::AppendString(ev.date, out);
  out->append(", \"source\": ");
  AppendActor(ev.source, out);
  out->append(", \"target\": ");
  if (ev.target) AppendActor(*ev.target, out);
  else out->append("null");
  out->append(", \"code\": ");
  json::AppendString(ev.code, out);
  out->append(", \"root\": ");
  json::AppendString(ev.root, out);
  fmt::format_to(std::back_inserter(*out), ", \"quad_class\": {}, \"goldstein\": {}", ev.quad_class,
                 ev.goldstein);
  out->append(", \"plover\": ");
  if (ev.plover.empty()) out->append("null");
  else json::AppendString(ev.plover, out);
  out->append(ev.negated ? ", \"negated\": true" : ", \"negated\": false");
  // Modality as an object of flags ({"intent": true, "reported": true}): the readers
  // of the contract (score.py, crossling.py) look flags up by name.
  out->append(", \"modality\": {");
  for (size_t i = 0; i < ev.modality.size(); ++i) {
    if (i) out->append(", ");
    json::AppendString(ev.modality[i], out);
    out->append(": true");
  }
  fmt::format_to(std::back_inserter(*out), "}}, \"sentence\": {{\"index\": {}, \"text\": ",
                 ev.sentence_index);
  json::AppendString(ev.sentence_text, out);
  fmt::format_to(std::back_inserter(*out), ", \"span\": [{}, {}]}}", ev.sentence_span.begin,
                 ev.sentence_span.end);
  fmt::format_to(std::back_inserter(*out), ", \"trigger\": {{\"span\": [{}, {}]}}",
                 ev.trigger_span.begin, ev.trigger_span.end);
  out->append(", \"location\": ");
  if (ev.location) {
    out->append("{\"name\": ");
    json::AppendString(ev.location->name, out);
    out->append(", \"country\": ");
    json::AppendString(ev.location->country, out);
    fmt::format_to(std::back_inserter(*out), ", \"lat\": {}, \"lon\": {}}}", ev.location->lat,
                   ev.location->lon);
  } else {
    out->append("null");
  }
  out->append(", \"rule\": ");
  json::AppendString(ev.rule, out);
  out->append("}");
}

std::string TsvHeader() {
  return "doc_id\tevent_id\tdate\tsource\tsource_text\ttarget\ttarget_text\tcode\troot\tquad_class\t"
         "goldstein\tplover\tnegated\tmodality\tsentence_index\tlocation\tcountry\tlat\tlon\trule\t"
         "sentence";
}

void AppendEventTsv(const Event& ev, std::string* out) {
  std::string modality;
  for (size_t i = 0; i < ev.modality.size(); ++i) modality += (i ? "," : "") + ev.modality[i];
  fmt::format_to(std::back_inserter(*out), "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t",
                 TsvField(ev.doc_id), ev.event_id, ev.date, ev.source.code, TsvField(ev.source.text),
                 ev.target ? ev.target->code : "", ev.target ? TsvField(ev.target->text) : "",
                 ev.code, ev.root, ev.quad_class, ev.goldstein, ev.plover, ev.negated ? 1 : 0,
                 modality, ev.sentence_index);
  if (ev.location)
    fmt::format_to(std::back_inserter(*out), "{}\t{}\t{}\t{}\t", TsvField(ev.location->name),
                   ev.location->country, ev.location->lat, ev.location->lon);
  else
    out->append("\t\t\t\t");
  fmt::format_to(std::back_inserter(*out), "{}\t{}", ev.rule, TsvField(ev.sentence_text));
}

}  // namespace warta
