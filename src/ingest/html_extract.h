// HTML main-text extraction (Gumbo): from a news page to the article's title,
// publication date and body text.
//
// The body is the <article> (or itemprop=articleBody, <main>, role=main) with the most
// text, else <body>; inside it, page furniture is dropped — <nav>, <header>, <footer>,
// <aside>, <form>, scripts and styles, and elements whose class or id names a menu,
// share widget, related-links box, comments, ads or a newsletter box — as are blocks
// made mostly of links, "Baca juga:"/"Read more:" lines and a short unpunctuated last
// line (the "Toto SGP" spam trailer). Each block becomes one paragraph ("\n\n").
// The date comes from meta tags (article:published_time, og:*, datePublished,
// pubdate, DC.date), JSON-LD's datePublished, or the first <time datetime>.
//
// Hostile input is refused before Gumbo sees it (Gumbo is quadratic in nesting depth
// and can exhaust memory on a few MB of nested formatting tags): pages larger than
// max_bytes or nested deeper than max_depth come back as an error.
// Thread-safety: pure functions.
#ifndef WARTA_INGEST_HTML_EXTRACT_H_
#define WARTA_INGEST_HTML_EXTRACT_H_

#include <string>
#include <string_view>

#include "warta/status.h"

namespace warta {

struct HtmlOptions {
  size_t max_bytes = 16u << 20;
  int max_depth = 2000;
};

struct HtmlContent {
  std::string title;
  std::string date;  // YYYY-MM-DD, or empty
  std::string url;   // og:url or the canonical link, or empty
  std::string text;  // the article text, paragraphs separated by blank lines
};

// `html` must be UTF-8 (see ToUtf8 below). Errors name no file: the caller adds it.
Status ExtractHtml(std::string_view html, const HtmlOptions& options, HtmlContent* out);

// Estimated element nesting depth as a parser would build it (void and implicitly
// closed elements do not count; a stray end tag closes nothing). Stops counting
// once the depth passes `limit`.
int EstimateHtmlDepth(std::string_view html, int limit);

// The charset an HTML page declares in a <meta> in its first 4 KB, lowercased; empty
// when none.
std::string SniffHtmlCharset(std::string_view html);

// Converts a page in `charset` (utf-8, iso-8859-1/latin1, windows-1252/cp1252, ascii)
// to UTF-8 in *out. Unknown charsets and invalid UTF-8 are errors.
Status ToUtf8(std::string_view data, std::string_view charset, std::string* out);

// "2014-10-15T08:00:00+07:00", "2014/10/15", "20141015" → "2014-10-15"; else "".
std::string NormalizeDate(std::string_view s);

}  // namespace warta

#endif  // WARTA_INGEST_HTML_EXTRACT_H_
