#include "ingest/reader.h"

#include <simdjson.h>

#include <algorithm>
#include <filesystem>
#include <vector>

#include "ingest/byte_source.h"
#include "ingest/warc.h"
#include "util/date.h"
#include "util/strings.h"
#include "util/utf8.h"

namespace warta {

struct DocumentReader::Impl {
  simdjson::dom::parser parser;
  simdjson::padded_string buffer;
  std::string scratch;
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

// "dir/a.html.gz" → "a".
std::string FileId(const std::string& path) {
  std::filesystem::path p{std::string(StripCompressionSuffix(path))};
  return p.stem().string();
}

bool LooksBinary(std::string_view head) { return head.find('\0') != std::string_view::npos; }

bool HasExtension(std::string_view path, std::initializer_list<std::string_view> exts) {
  for (std::string_view e : exts) {
    if (path.size() < e.size()) continue;
    std::string_view tail = path.substr(path.size() - e.size());
    bool same = true;
    for (size_t i = 0; i < e.size() && same; ++i) {
      char c = tail[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      same = c == e[i];
    }
    if (same) return true;
  }
  return false;
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
  if (!root.is_object())
    return Status::InvalidArgument(origin + ": a record must be a JSON object");
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
  if (wrong)
    return Status::InvalidArgument(origin + " (id " + doc->id +
                                   "): field \"text\" must be a string");
  get("date", &doc->date, &wrong);
  get("lang", &doc->lang, &wrong);
  get("title", &doc->title, &wrong);
  get("url", &doc->url, &wrong);
  if (!has_text) {
    std::string html;
    wrong = false;
    if (!get("html", &html, &wrong) || wrong) {
      return Status::InvalidArgument(origin + " (id " + doc->id + "): missing \"text\" field");
    }
    HtmlContent page;
    Status st = ExtractHtml(html, options_.html, &page);
    if (!st.ok()) return Status::InvalidArgument(origin + " (id " + doc->id + "): " + st.message());
    doc->text = std::move(page.text);
    if (doc->title.empty()) doc->title = std::move(page.title);
    if (doc->url.empty()) doc->url = std::move(page.url);
    if (doc->date.empty()) doc->date = std::move(page.date);
  }
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
  auto source = StreamByteSource(&in);
  BufferedReader reader(source.get());
  ReadJsonLines(&reader, name);
}

void DocumentReader::CheckSource(BufferedReader* in, const std::string& where) {
  const Status& st = in->source()->status();
  if (!st.ok())
    Fail(Status(
        st.code() == Status::Code::kIoError
            ? Status::IoError(where + ": " + st.message())
            : Status::Corruption(where + ": " + st.message() + "; the rest of the file is lost")));
}

void DocumentReader::ReadJsonLines(BufferedReader* in, const std::string& name) {
  std::string_view line;
  uint64_t number = 0, records = 0, length = 0;
  for (;;) {
    auto res = in->ReadLine(options_.max_record_bytes, &line, &length);
    if (res == BufferedReader::LineResult::kEnd) break;
    ++number;
    stats_.bytes += length + 1;
    if (res == BufferedReader::LineResult::kTooLong) {
      ++records;
      Fail(Status::InvalidArgument(name + ":" + std::to_string(number) + ": record of " +
                                   std::to_string(length) + " bytes exceeds the limit of " +
                                   std::to_string(options_.max_record_bytes)));
      continue;
    }
    // A truncated stream ends with a partial line: report the stream, not the line.
    if (!in->source()->status().ok() && in->Peek() < 0) {
      --number;
      break;
    }
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
  if (!in->source()->status().ok()) {
    CheckSource(in, name + ":" + std::to_string(number + 1));
    return;
  }
  if (records == 0) Fail(Status::InvalidArgument(name + ": empty file, nothing to code"));
}

bool DocumentReader::ReadWhole(BufferedReader* in, const std::string& name, std::string* out) {
  out->clear();
  std::string_view chunk;
  for (;;) {
    chunk = in->PeekBytes(1 << 16);
    if (chunk.empty()) break;
    if (out->size() + chunk.size() > options_.max_record_bytes) {
      uint64_t total = out->size();
      while (!(chunk = in->PeekBytes(1 << 16)).empty()) {
        total += chunk.size();
        in->Skip(chunk.size());
      }
      stats_.bytes += total;
      Fail(Status::InvalidArgument(name + ": file of " + std::to_string(total) +
                                   " bytes exceeds the limit of " +
                                   std::to_string(options_.max_record_bytes) + ", skipped"));
      return false;
    }
    out->append(chunk);
    in->Skip(chunk.size());
  }
  stats_.bytes += out->size();
  if (!in->source()->status().ok()) {
    CheckSource(in, name);
    return false;
  }
  return true;
}

void DocumentReader::ReadText(BufferedReader* in, const std::string& name, const std::string& id) {
  Document doc;
  if (!ReadWhole(in, name, &doc.text)) return;
  doc.origin = name;
  doc.id = id;
  doc.date = options_.default_date;
  doc.lang = options_.default_lang == "auto" ? "" : options_.default_lang;
  if (Trim(doc.text).empty()) {
    Fail(Status::InvalidArgument(name + ": empty file, nothing to code"));
    return;
  }
  if (LooksBinary(std::string_view(doc.text).substr(0, 1 << 16))) {
    Fail(Status::InvalidArgument(name + ": binary file (NUL bytes), skipped"));
    return;
  }
  size_t bad = utf8::FindInvalid(doc.text);
  if (bad != std::string::npos) {
    int line = 1;
    for (size_t i = 0; i < bad; ++i) line += doc.text[i] == '\n';
    Fail(Status::InvalidArgument(name + ":" + std::to_string(line) + ": invalid UTF-8 at byte " +
                                 std::to_string(bad + 1) + ", file skipped"));
    return;
  }
  Emit(std::move(doc));
}

Status DocumentReader::ParseHtml(std::string_view html, std::string_view charset,
                                 const std::string& origin, Document* doc) {
  if (LooksBinary(html.substr(0, 1 << 16)))
    return Status::InvalidArgument(origin + ": binary data (NUL bytes), not HTML");
  std::string declared = charset.empty() ? SniffHtmlCharset(html) : std::string(charset);
  std::string& utf8_html = impl_->scratch;
  Status st = ToUtf8(html, declared, &utf8_html);
  if (!st.ok()) return Status::InvalidArgument(origin + ": " + st.message());
  HtmlContent page;
  st = ExtractHtml(utf8_html, options_.html, &page);
  if (!st.ok()) return Status::InvalidArgument(origin + ": " + st.message());
  doc->origin = origin;
  doc->text = std::move(page.text);
  doc->title = std::move(page.title);
  if (doc->url.empty()) doc->url = std::move(page.url);
  if (!page.date.empty()) doc->date = std::move(page.date);
  if (doc->date.empty()) doc->date = options_.default_date;
  doc->lang = options_.default_lang == "auto" ? "" : options_.default_lang;
  return Status::Ok();
}

void DocumentReader::ReadHtmlFile(BufferedReader* in, const std::string& name,
                                  const std::string& id) {
  std::string html;
  if (!ReadWhole(in, name, &html)) return;
  Document doc;
  doc.id = id;
  Status st = ParseHtml(html, "", name, &doc);
  if (!st.ok()) {
    Fail(st);
    return;
  }
  Emit(std::move(doc));
}

namespace {

// "text/html; charset=ISO-8859-1" → "iso-8859-1".
std::string CharsetParam(std::string_view content_type) {
  size_t p = content_type.find("charset=");
  if (p == std::string_view::npos) return "";
  std::string_view v = content_type.substr(p + 8);
  v = v.substr(0, v.find_first_of("; "));
  if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'')) v = v.substr(1, v.size() - 2);
  return std::string(v);
}

}  // namespace

void DocumentReader::ReadWarc(BufferedReader* in, const std::string& name) {
  WarcReader warc(in, options_.max_record_bytes);
  WarcRecord rec;
  uint64_t last = 0;
  for (;;) {
    Status err;
    auto next = warc.Read(&rec, &err);
    stats_.bytes += in->offset() - last;
    last = in->offset();
    if (next == WarcReader::Next::kEnd) break;
    if (next == WarcReader::Next::kError) {
      Fail(Status::Corruption(name + ": " + err.message()));
      continue;
    }
    if (next == WarcReader::Next::kOther) {
      if (!err.ok())
        Fail(Status::InvalidArgument(name + ": " + err.message()));
      else
        ++stats_.skipped;
      continue;
    }
    std::string origin = name + ":record " + std::to_string(rec.number);
    if (!rec.target_uri.empty()) origin += " (" + rec.target_uri + ")";
    HttpResponse http;
    Status st = ParseHttpResponse(rec.block, options_.max_record_bytes, &http);
    if (!st.ok()) {
      Fail(Status::InvalidArgument(origin + ": " + st.message()));
      continue;
    }
    bool html = http.content_type.empty() || StartsWith(http.content_type, "text/html") ||
                StartsWith(http.content_type, "application/xhtml");
    if (http.status < 200 || http.status >= 300 || !html) {
      ++stats_.skipped;  // redirects, errors, images, scripts: not articles
      continue;
    }
    rec.block.clear();
    Document doc;
    doc.id = !rec.record_id.empty() ? rec.record_id : origin;
    doc.url = rec.target_uri;
    doc.date = NormalizeDate(rec.date);
    st = ParseHtml(http.body, CharsetParam(http.content_type), origin, &doc);
    if (!st.ok()) {
      Fail(st);
      continue;
    }
    Emit(std::move(doc));
  }
  if (!in->source()->status().ok())
    CheckSource(in, name + ":record " + std::to_string(rec.number + 1));
}

void DocumentReader::ReadFormat(Format format, BufferedReader* in, const std::string& name,
                                const std::string& id) {
  switch (format) {
    case Format::kJsonLines:
      return ReadJsonLines(in, name);
    case Format::kHtml:
      return ReadHtmlFile(in, name, id);
    case Format::kWarc:
      return ReadWarc(in, name);
    case Format::kText:
      return ReadText(in, name, id);
  }
}

Status DocumentReader::ReadFile(const std::string& path) {
  auto source = OpenByteSource(path);
  if (!source.ok()) return source.status();
  BufferedReader in(source->get());
  std::string name = path == "-" ? "<stdin>" : path;
  std::string id = path == "-" ? "stdin" : FileId(path);
  std::string_view base = StripCompressionSuffix(path);
  if (HasExtension(base, {".jsonl", ".json", ".ndjson"})) {
    ReadFormat(Format::kJsonLines, &in, name, id);
  } else if (HasExtension(base, {".html", ".htm", ".xhtml"})) {
    ReadFormat(Format::kHtml, &in, name, id);
  } else if (HasExtension(base, {".warc"})) {
    ReadFormat(Format::kWarc, &in, name, id);
  } else {
    // Anything else: sniff the first non-blank bytes.
    std::string_view head = in.PeekBytes(4096);
    size_t first = head.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) {
      if (!in.source()->status().ok()) {
        CheckSource(&in, name);
      } else if (path != "-") {
        Fail(Status::InvalidArgument(name + ": empty file, nothing to code"));
      }
      return Status::Ok();
    }
    head = head.substr(first);
    std::string lower(head.substr(0, 512));
    for (char& c : lower)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    Format format = Format::kText;
    if (head[0] == '{')
      format = Format::kJsonLines;
    else if (StartsWith(head, "WARC/"))
      format = Format::kWarc;
    else if (head[0] == '<' && (lower.find("<html") != std::string::npos ||
                                lower.find("<!doctype html") != std::string::npos))
      format = Format::kHtml;
    ReadFormat(format, &in, name, id);
  }
  return Status::Ok();
}

Status DocumentReader::ReadPath(const std::string& path) {
  std::error_code ec;
  if (path != "-" && std::filesystem::is_directory(path, ec)) {
    std::vector<std::string> files;
    for (auto it = std::filesystem::recursive_directory_iterator(path, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
      std::string fname = it->path().filename().string();
      if (!fname.empty() && fname[0] == '.') {  // .git, .DS_Store: not input
        if (it->is_directory()) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file()) files.push_back(it->path().string());
    }
    if (ec) Fail(Status::IoError(path + ": " + ec.message()));
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      Status st = ReadFile(f);
      if (!st.ok()) Fail(st);
    }
    return Status::Ok();
  }
  return ReadFile(path);
}

}  // namespace warta
