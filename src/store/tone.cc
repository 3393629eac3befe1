#include "store/tone.h"

#include <filesystem>

#include "util/tsv.h"
#include "util/utf8.h"

namespace warta::store {

Status ToneLexicon::Load(const std::string& data_dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path dir = fs::path(data_dir) / "tone";
  if (!fs::is_directory(dir, ec)) return Status::Ok();
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().extension() != ".tsv") continue;
    std::string lang = entry.path().stem().string();
    auto file = ReadDataFile(entry.path().string());
    if (!file.ok()) return file.status();
    for (const DataLine& line : file->lines) {
      if (line.fields.size() < 2 || (line.fields[1] != "+1" && line.fields[1] != "-1")) {
        return Status::DataError(file->Where(line) + ": expected word<TAB>+1 or -1");
      }
      Add(lang, line.fields[0], line.fields[1] == "+1" ? 1 : -1);
    }
  }
  return Status::Ok();
}

void ToneLexicon::Add(const std::string& lang, std::string_view word, int polarity) {
  std::string w = utf8::Lower(word);
  words_[lang][w] = polarity;
  words_[""][w] = polarity;
}

ToneScore ToneLexicon::Score(std::string_view text, const std::string& lang) const {
  ToneScore s;
  auto it = words_.find(lang);
  if (it == words_.end()) it = words_.find("");
  const std::unordered_map<std::string, int>* list = it == words_.end() ? nullptr : &it->second;
  int64_t pos = 0, neg = 0;
  std::string word, lower;
  auto flush = [&] {
    if (word.empty()) return;
    ++s.words;
    if (list) {
      lower.clear();
      utf8::AppendLower(word, &lower);
      auto w = list->find(lower);
      if (w != list->end()) (w->second > 0 ? pos : neg)++;
    }
    word.clear();
  };
  size_t i = 0;
  while (i < text.size()) {
    size_t start = i;
    char32_t cp = utf8::Next(text, &i);
    // Hyphens join Indonesian reduplications ("negara-negara") into one word.
    if (utf8::IsWordChar(cp) || (cp == '-' && !word.empty())) {
      word.append(text.substr(start, i - start));
    } else {
      flush();
    }
  }
  flush();
  if (s.words > 0) {
    s.positive = 100.0 * static_cast<double>(pos) / static_cast<double>(s.words);
    s.negative = 100.0 * static_cast<double>(neg) / static_cast<double>(s.words);
    s.tone = s.positive - s.negative;
  }
  return s;
}

}  // namespace warta::store
