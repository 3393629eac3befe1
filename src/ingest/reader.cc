#include "ingest/reader.h"

#include <simdjson.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "util/date.h"
#include "util/strings.h"
#include "util/utf8.h"

namespace warta {

struct DocumentReader::Impl {
  simdjson::dom::parser parser;
  simdjson::padded_string buffer;
};

DocumentReader::DocumentReader(ReaderOptions options, DocumentFn on_document, ErrorFn on_error)
    : options_(std::move(options)),
      on_document_(std::move(on_document)),
      on_error_(std::move(on_error)),
      impl_(std::make_shared<Impl>()) {}

void DocumentReader::Emit(Document&& doc) {
  ++stats_.records;
  on_document_(std::move(doc));
}

void DocumentReader::Fail(const Status& st) {
  ++stats_.errors;
  on_error_(st);
}

namespace {

std::string FileId(const std::string& path) {
  std::filesystem::path p(path);
  return p.stem().string();
}

bool LooksBinary(std::string_view head) {
  return head.find('\0') != std::string_view::npos;
}

}  // namespace

Status DocumentReader::ParseJsonRecord(std::string_view line, const std::string& origin,
                                       Document* doc) {
  if (line.size() > options_.max_record_bytes) {
    return Status::InvalidArgument(origin + ": record of " + std::to_string(line.size()) +
                                   " bytes exceeds the limit of " +
                                   std::to_string(options_.max_record_bytes));
  }
  if (LooksBinary(line)) return Status::InvalidArgument(origin + ": binary data (NUL byte)");
  size_t bad = utf8::FindInvalid(line);
  if (bad != std::string_view::npos) {
    return Status::InvalidArgument(origin + ": invalid UTF-8 at byte " + std::to_string(bad + 1));
  }
  impl_->buffer = simdjson::padded_string(line);
  simdjson::dom::element root;
  auto err = impl_->parser.parse(impl_->buffer).get(root);
  if (err) {
    return Status::InvalidArgument(origin + ": not valid JSON (" +
                                   std::string(simdjson::error_message(err)) + ")");
  }
  if (!root.is_object()) return Status::InvalidArgument(origin + ": a record must be a JSON object");
  auto get = [&](const char* key, std::string* out, bool* wrong_type) -> bool {
    simdjson::dom::element v;
    if (root[key].get(v)) return false;
    if (v.is_null()) return false;
    std::string_view sv;
    if (v.get_string().get(sv)) {
      if (v.is_int64() || v.is_uint64()) {
        *out = std::to_string(v.is_int64() ? int64_t(v) : int64_t(uint64_t(v)));
        return true;
      }
      *wrong_type = true;
      return false;
    }
    *out = std::string(sv);
    return true;
  };
  bool wrong = false;
  doc->origin = origin;
  if (!get("id", &doc->id, &wrong) || doc->id.empty()) {
    if (wrong) return Status::InvalidArgument(origin + ": field \"id\" must be a string or number");
    doc->id = origin;  // still codeable; the id says where it came from
  }
  wrong = false;
  bool has_text = get("text", &doc->text, &wrong);
  if (wrong) return Status::InvalidArgument(origin + " (id " + doc->id + "): field \"text\" must be a string");
  if (!has_text) {
    return Status::InvalidArgument(origin + " (id " + doc->id + "): missing \"text\" field");
  }
  get("date", &doc->date, &wrong);
  get("lang", &doc->lang, &wrong);
  get("title", &doc->title, &wrong);
  get("url", &doc->url, &wrong);
  if (!doc->date.empty()) {
    auto d = ParseIsoDate(doc->date);
    if (!d) {
      return Status::InvalidArgument(origin + " (id " + doc->id + "): date \"" + doc->date +
                                     "\" is not YYYY-MM-DD");
    }
    if (doc->date.size() > 10) doc->date.resize(10);
  } else {
    doc->date = options_.default_date;
  }
  if (doc->lang.empty() || doc->lang == "auto") doc->lang = options_.default_lang;
  if (doc->lang == "auto") doc->lang.clear();
  return Status::Ok();
}

void DocumentReader::ReadJsonLines(std::istream& in, const std::string& name) {
  std::string line;
  uint64_t number = 0, records = 0;
  while (std::getline(in, line)) {
    ++number;
    stats_.bytes += line.size() + 1;
    std::string_view t = Trim(line);
    if (t.empty()) continue;
    ++records;
    Document doc;
    Status st = ParseJsonRecord(t, name + ":" + std::to_string(number), &doc);
    if (!st.ok()) {
      Fail(st);
      continue;
    }
    Emit(std::move(doc));
  }
  if (records == 0) Fail(Status::InvalidArgument(name + ": empty file, nothing to code"));
}

Status DocumentReader::ReadTextFile(const std::string& path, std::istream& in) {
  std::ostringstream ss;
  ss << in.rdbuf();
  Document doc;
  doc.text = ss.str();
  stats_.bytes += doc.text.size();
  doc.origin = path;
  doc.id = path == "-" ? "stdin" : FileId(path);
  doc.date = options_.default_date;
  doc.lang = options_.default_lang == "auto" ? "" : options_.default_lang;
  if (doc.text.size() > options_.max_record_bytes) {
    Fail(Status::InvalidArgument(path + ": file of " + std::to_string(doc.text.size()) +
                                 " bytes exceeds the limit of " +
                                 std::to_string(options_.max_record_bytes)));
    return Status::Ok();
  }
  if (LooksBinary(std::string_view(doc.text).substr(0, 1 << 16))) {
    Fail(Status::InvalidArgument(path + ": binary file (NUL bytes), skipped"));
    return Status::Ok();
  }
  size_t bad = utf8::FindInvalid(doc.text);
  if (bad != std::string::npos) {
    int line = 1;
    for (size_t i = 0; i < bad; ++i) line += doc.text[i] == '\n';
    Fail(Status::InvalidArgument(path + ":" + std::to_string(line) + ": invalid UTF-8 at byte " +
                                 std::to_string(bad + 1) + ", file skipped"));
    return Status::Ok();
  }
  Emit(std::move(doc));
  return Status::Ok();
}

Status DocumentReader::ReadPath(const std::string& path) {
  if (path == "-") {
    int first = std::cin.peek();
    while (first == ' ' || first == '\n' || first == '\r' || first == '\t') {
      std::cin.get();
      first = std::cin.peek();
    }
    if (first == '{') {
      ReadJsonLines(std::cin, "<stdin>");
      return Status::Ok();
    }
    if (first == EOF) return Status::Ok();
    return ReadTextFile("-", std::cin);
  }
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    std::vector<std::string> files;
    for (auto it = std::filesystem::recursive_directory_iterator(path, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file()) files.push_back(it->path().string());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      Status st = ReadPath(f);
      if (!st.ok()) Fail(st);
    }
    return Status::Ok();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": cannot open");
  if (EndsWith(path, ".jsonl") || EndsWith(path, ".json") || EndsWith(path, ".ndjson")) {
    ReadJsonLines(in, path);
    return Status::Ok();
  }
  // Anything else: sniff. A file whose first non-blank byte is '{' is JSON lines.
  int c = in.peek();
  while (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
    in.get();
    c = in.peek();
  }
  if (c == EOF) {
    Fail(Status::InvalidArgument(path + ": empty file, nothing to code"));
    return Status::Ok();
  }
  in.clear();
  in.seekg(0);
  if (c == '{') {
    ReadJsonLines(in, path);
    return Status::Ok();
  }
  return ReadTextFile(path, in);
}

}  // namespace warta
