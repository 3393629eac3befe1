#include "ingest/html_extract.h"

#include <gumbo.h>
#include <simdjson.h>

#include <algorithm>
#include <cstring>
#include <unordered_map>
#include <vector>

#include "util/strings.h"
#include "util/utf8.h"

namespace warta {

namespace {

char LowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string LowerStr(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = LowerAscii(c);
  return out;
}

bool IsNameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Case-insensitive search for `needle` (lowercase) from `from`.
size_t FindCi(std::string_view hay, std::string_view needle, size_t from) {
  if (needle.empty()) return from;
  for (size_t i = from; i + needle.size() <= hay.size(); ++i) {
    char first = needle[0];
    char upper = (first >= 'a' && first <= 'z') ? static_cast<char>(first - 'a' + 'A') : first;
    i = hay.find_first_of(std::string{first, upper}, i);
    if (i == std::string_view::npos || i + needle.size() > hay.size()) break;
    size_t k = 1;
    while (k < needle.size() && LowerAscii(hay[i + k]) == needle[k]) ++k;
    if (k == needle.size()) return i;
  }
  return std::string_view::npos;
}

bool IsVoid(std::string_view n) {
  static const char* const kVoid[] = {"area",  "base",   "br",    "col",  "embed",
                                      "hr",    "img",    "input", "link", "meta",
                                      "param", "source", "track", "wbr",  "keygen"};
  for (const char* v : kVoid)
    if (n == v) return true;
  return false;
}

// Elements a parser closes implicitly (a new <p> ends the last): not nesting.
bool IsImpliedClose(std::string_view n) {
  static const char* const kImplied[] = {
      "p",     "li",    "dt", "dd", "option", "optgroup", "tr",   "td",   "th",       "tbody",
      "thead", "tfoot", "rb", "rt", "rp",     "html",     "head", "body", "colgroup", "caption"};
  for (const char* v : kImplied)
    if (n == v) return true;
  return false;
}

bool IsRawText(std::string_view n) {
  return n == "script" || n == "style" || n == "textarea" || n == "title" || n == "xmp" ||
         n == "noscript" || n == "iframe";
}

}  // namespace

int EstimateHtmlDepth(std::string_view html, int limit) {
  std::vector<std::string> stack;
  std::unordered_map<std::string, int> open;
  int max_depth = 0;
  size_t i = 0;
  std::string name;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    if (html.compare(i, 4, "<!--") == 0) {
      size_t e = html.find("-->", i + 4);
      if (e == std::string_view::npos) break;
      i = e + 3;
      continue;
    }
    bool close = i + 1 < html.size() && html[i + 1] == '/';
    size_t j = i + 1 + (close ? 1 : 0);
    if (j >= html.size() ||
        !((html[j] >= 'a' && html[j] <= 'z') || (html[j] >= 'A' && html[j] <= 'Z'))) {
      ++i;
      continue;
    }
    name.clear();
    while (j < html.size() && IsNameChar(html[j])) name.push_back(LowerAscii(html[j++]));
    size_t k = html.find('>', j);
    if (k == std::string_view::npos) break;
    bool self_closing = html[k - 1] == '/';
    i = k + 1;
    if (close) {
      auto it = open.find(name);
      if (it == open.end() || it->second == 0) continue;  // stray end tag: ignored
      while (!stack.empty()) {
        std::string top = std::move(stack.back());
        stack.pop_back();
        --open[top];
        if (top == name) break;
      }
      continue;
    }
    if (IsRawText(name)) {
      size_t e = FindCi(html, "</" + name, i);
      if (e == std::string_view::npos) break;
      i = e;
      continue;
    }
    if (self_closing || IsVoid(name) || IsImpliedClose(name)) continue;
    stack.push_back(name);
    ++open[name];
    max_depth = std::max(max_depth, static_cast<int>(stack.size()));
    if (max_depth > limit) return max_depth;
  }
  return max_depth;
}

std::string SniffHtmlCharset(std::string_view html) {
  std::string_view head = html.substr(0, 4096);
  size_t p = FindCi(head, "charset", 0);
  while (p != std::string_view::npos) {
    size_t q = p + 7;
    while (q < head.size() &&
           (head[q] == ' ' || head[q] == '=' || head[q] == '"' || head[q] == '\''))
      ++q;
    size_t e = q;
    while (e < head.size() && (IsNameChar(head[e]) || head[e] == '-' || head[e] == '_')) ++e;
    if (e > q) return LowerStr(head.substr(q, e - q));
    p = FindCi(head, "charset", p + 7);
  }
  return "";
}

Status ToUtf8(std::string_view data, std::string_view charset, std::string* out) {
  std::string cs = LowerStr(charset);
  if (cs.empty() || cs == "utf-8" || cs == "utf8" || cs == "us-ascii" || cs == "ascii") {
    size_t bad = utf8::FindInvalid(data);
    if (bad != std::string_view::npos)
      return Status::InvalidArgument("invalid UTF-8 at byte " + std::to_string(bad + 1) +
                                     (cs.empty() ? " (no charset declared)" : ""));
    out->assign(data);
    return Status::Ok();
  }
  if (cs == "iso-8859-1" || cs == "latin1" || cs == "latin-1" || cs == "windows-1252" ||
      cs == "cp1252" || cs == "iso8859-1" || cs == "l1") {
    // As browsers do, ISO-8859-1 is read as its superset windows-1252.
    static const char16_t k80[32] = {
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};
    out->clear();
    out->reserve(data.size() + data.size() / 8);
    for (unsigned char c : data) {
      if (c < 0x80)
        out->push_back(static_cast<char>(c));
      else
        utf8::Append(c < 0xA0 ? k80[c - 0x80] : c, out);
    }
    return Status::Ok();
  }
  return Status::InvalidArgument("unsupported charset \"" + cs + "\"");
}

std::string NormalizeDate(std::string_view s) {
  s = Trim(s);
  auto digits = [&](size_t pos, size_t n) {
    if (pos + n > s.size()) return -1;
    int v = 0;
    for (size_t i = pos; i < pos + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return -1;
      v = v * 10 + (s[i] - '0');
    }
    return v;
  };
  int y = digits(0, 4), m = -1, d = -1;
  if (y < 0) return "";
  if (s.size() >= 10 && (s[4] == '-' || s[4] == '/' || s[4] == '.') && s[7] == s[4]) {
    m = digits(5, 2);
    d = digits(8, 2);
  } else if (s.size() >= 8) {
    m = digits(4, 2);
    d = digits(6, 2);
  }
  if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return "";
  char buf[16];
  snprintf(buf, sizeof(buf), "%04d-%02d-%02d", y, m, d);
  return buf;
}

namespace {

const char* Attr(const GumboElement& el, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&el.attributes, name);
  return a ? a->value : nullptr;
}

bool DroppedTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
      return true;
    default:
      return false;
  }
}

bool IsBlock(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_BODY:
      return true;
    default:
      return false;
  }
}

// A class or id that names page furniture: "share-buttons", "site-footer",
// "related-posts", "baca-juga". "has-sidebar" / "with-comments" describe the page
// around the article, not the element, and do not count.
bool FurnitureName(std::string_view names) {
  static const char* const kWords[] = {
      "nav",       "navbar",        "navigation",  "menu",       "breadcrumb", "breadcrumbs",
      "share",     "sharing",       "sharer",      "social",     "sosmed",     "related",
      "terkait",   "recommended",   "rekomendasi", "comment",    "comments",   "komentar",
      "sidebar",   "footer",        "header",      "masthead",   "ad",         "ads",
      "advert",    "advertisement", "iklan",       "banner",     "promo",      "newsletter",
      "subscribe", "subscription",  "cookie",      "cookies",    "popup",      "modal",
      "widget",    "tags",          "topik",       "trending",   "popular",    "terpopuler",
      "bacajuga",  "baca",          "outbrain",    "taboola",    "disqus",     "paywall",
      "byline",    "author",        "copyright",   "pagination", "toolbar",    "skip"};
  for (std::string_view cls : SplitWords(names)) {
    std::string lower = LowerStr(cls);
    std::vector<std::string_view> segs;
    size_t b = 0;
    for (size_t i = 0; i <= lower.size(); ++i) {
      if (i == lower.size() || !IsNameChar(lower[i])) {
        if (i > b) segs.push_back(std::string_view(lower).substr(b, i - b));
        b = i + 1;
      }
    }
    if (segs.empty()) continue;
    if (segs[0] == "has" || segs[0] == "with" || segs[0] == "no" || segs[0] == "is" ||
        segs[0] == "show" || segs[0] == "enable" || segs[0] == "single" || segs[0] == "page")
      continue;
    for (std::string_view s : segs)
      for (const char* w : kWords)
        if (s == w) return true;
  }
  return false;
}

bool Hidden(const GumboElement& el) {
  if (Attr(el, "hidden")) return true;
  const char* aria = Attr(el, "aria-hidden");
  if (aria && strcmp(aria, "true") == 0) return true;
  const char* style = Attr(el, "style");
  if (style) {
    std::string s = LowerStr(style);
    s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
    if (s.find("display:none") != std::string::npos ||
        s.find("visibility:hidden") != std::string::npos)
      return true;
  }
  return false;
}

bool DroppedElement(const GumboNode* node) {
  const GumboElement& el = node->v.element;
  if (DroppedTag(el.tag)) return true;
  if (Hidden(el)) return true;
  const char* role = Attr(el, "role");
  if (role && (strcmp(role, "navigation") == 0 || strcmp(role, "banner") == 0 ||
               strcmp(role, "contentinfo") == 0 || strcmp(role, "complementary") == 0 ||
               strcmp(role, "search") == 0 || strcmp(role, "dialog") == 0))
    return true;
  // The article container itself is never dropped by its class.
  if (el.tag == GUMBO_TAG_ARTICLE || el.tag == GUMBO_TAG_MAIN || el.tag == GUMBO_TAG_BODY ||
      el.tag == GUMBO_TAG_HTML)
    return false;
  const char* itemprop = Attr(el, "itemprop");
  if (itemprop && strcmp(itemprop, "articleBody") == 0) return false;
  const char* cls = Attr(el, "class");
  const char* id = Attr(el, "id");
  return (cls && FurnitureName(cls)) || (id && FurnitureName(id));
}

struct Block {
  std::string text;
  size_t link_bytes = 0;
  GumboTag tag = GUMBO_TAG_UNKNOWN;
};

// Collects the text blocks under `root`, skipping furniture. Iterative: the DOM may
// be as deep as the depth limit allows, and recursion is not needed to walk it.
class BlockCollector {
 public:
  void Run(const GumboNode* root) {
    struct Frame {
      const GumboNode* node;
      unsigned child;
    };
    std::vector<Frame> stack;
    Enter(root, &stack);
    while (!stack.empty()) {
      Frame& f = stack.back();
      const GumboVector& children = f.node->v.element.children;
      if (f.child < children.length) {
        const GumboNode* c = static_cast<const GumboNode*>(children.data[f.child++]);
        if (c->type == GUMBO_NODE_ELEMENT || c->type == GUMBO_NODE_TEMPLATE) {
          Enter(c, &stack);
        } else if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_WHITESPACE ||
                   c->type == GUMBO_NODE_CDATA) {
          AddText(c->v.text.text);
        }
        continue;
      }
      const GumboNode* done = f.node;
      stack.pop_back();
      Leave(done);
    }
    Flush(GUMBO_TAG_UNKNOWN);
  }
  std::vector<Block>& blocks() { return blocks_; }
  size_t total_bytes() const { return total_; }

 private:
  template <typename Stack>
  void Enter(const GumboNode* node, Stack* stack) {
    if (DroppedElement(node)) return;
    GumboTag t = node->v.element.tag;
    if (t == GUMBO_TAG_BR) {
      if (!cur_.text.empty() && cur_.text.back() != '\n') {
        if (cur_.text.back() == ' ') cur_.text.pop_back();
        cur_.text.push_back('\n');
      }
      return;
    }
    if (IsBlock(t)) Flush(t);
    if (t == GUMBO_TAG_A) ++in_link_;
    if (t >= GUMBO_TAG_H1 && t <= GUMBO_TAG_H6) cur_.tag = t;
    stack->push_back({node, 0});
  }
  void Leave(const GumboNode* node) {
    GumboTag t = node->v.element.tag;
    if (t == GUMBO_TAG_A) --in_link_;
    if (IsBlock(t)) Flush(GUMBO_TAG_UNKNOWN);
  }
  void AddText(const char* s) {
    size_t before = cur_.text.size();
    for (const char* p = s; *p; ++p) {
      unsigned char c = static_cast<unsigned char>(*p);
      bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
      if (c == 0xC2 && static_cast<unsigned char>(p[1]) == 0xA0) {  // no-break space
        space = true;
        ++p;
      }
      if (space) {
        if (!cur_.text.empty() && cur_.text.back() != ' ' && cur_.text.back() != '\n')
          cur_.text.push_back(' ');
      } else {
        cur_.text.push_back(static_cast<char>(c));
      }
    }
    if (in_link_ > 0) cur_.link_bytes += cur_.text.size() - before;
  }
  void Flush(GumboTag next) {
    while (!cur_.text.empty() && (cur_.text.back() == ' ' || cur_.text.back() == '\n'))
      cur_.text.pop_back();
    if (!cur_.text.empty()) {
      total_ += cur_.text.size();
      blocks_.push_back(std::move(cur_));
    }
    cur_ = Block();
    cur_.tag = next >= GUMBO_TAG_H1 && next <= GUMBO_TAG_H6 ? next : GUMBO_TAG_UNKNOWN;
  }

  std::vector<Block> blocks_;
  Block cur_;
  int in_link_ = 0;
  size_t total_ = 0;
};

int CountWords(std::string_view s) { return static_cast<int>(SplitWords(s).size()); }

bool EndsSentence(std::string_view s) {
  static const char* const kEnds[] = {
      ".", "!", "?", "\"", "'", ")", "\xE2\x80\x9D", "\xE2\x80\x99", "\xE2\x80\xA6", ":"};
  for (const char* e : kEnds)
    if (EndsWith(s, e)) return true;
  return false;
}

bool StartsWithCi(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (LowerAscii(s[i]) != prefix[i]) return false;
  return true;
}

// "Baca juga: …", "Read more: …", "ADVERTISEMENT", credit lines.
bool FurnitureLine(std::string_view s, int words) {
  static const char* const kPrefixes[] = {"baca juga",      "baca:",
                                          "lihat juga",     "simak juga",
                                          "simak video",    "artikel terkait",
                                          "berita terkait", "read more",
                                          "read also",      "also read",
                                          "related:",       "see also",
                                          "advertisement",  "scroll to continue",
                                          "iklan",          "copyright",
                                          "\xC2\xA9",       "hak cipta",
                                          "editor:",        "penulis:",
                                          "reporter:",      "sumber:",
                                          "follow us",      "ikuti kami",
                                          "share this",     "bagikan",
                                          "tags:",          "tag:",
                                          "topik:"};
  if (words > 30) return false;
  for (const char* p : kPrefixes)
    if (StartsWithCi(s, p)) return true;
  return false;
}

std::string NormalizeTitleKey(std::string_view s) {
  std::string out;
  for (char c : s)
    if (IsNameChar(c) || static_cast<unsigned char>(c) >= 0x80) out.push_back(LowerAscii(c));
  return out;
}

void FindJsonLd(simdjson::dom::element el, int depth, std::string* date, std::string* headline) {
  if (depth > 16) return;
  if (el.is_array()) {
    for (simdjson::dom::element c : el.get_array()) FindJsonLd(c, depth + 1, date, headline);
    return;
  }
  if (!el.is_object()) return;
  for (auto field : el.get_object()) {
    std::string_view v;
    if (field.key == "datePublished" && date->empty() && !field.value.get_string().get(v))
      *date = NormalizeDate(v);
    else if (field.key == "headline" && headline->empty() && !field.value.get_string().get(v))
      *headline = std::string(v);
    else if (field.value.is_object() || field.value.is_array())
      FindJsonLd(field.value, depth + 1, date, headline);
  }
}

struct PageMeta {
  std::string og_title, title_tag, ld_headline, h1;
  std::string url;
  // Date candidates by preference: 0 published meta, 1 JSON-LD, 2 <time>, 3 modified.
  std::string date[4];
  std::vector<const GumboNode*> roots[3];  // articleBody, article, main
};

void SetOnce(std::string* slot, std::string_view v) {
  if (slot->empty()) *slot = std::string(Trim(v));
}

std::string TextOf(const GumboNode* node) {
  std::string out;
  std::vector<const GumboNode*> stack{node};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE) {
      out += n->v.text.text;
    } else if (n->type == GUMBO_NODE_ELEMENT) {
      const GumboVector& ch = n->v.element.children;
      for (unsigned i = ch.length; i-- > 0;) stack.push_back(static_cast<GumboNode*>(ch.data[i]));
    }
  }
  std::string collapsed;
  for (std::string_view w : SplitWords(out)) {
    if (!collapsed.empty()) collapsed.push_back(' ');
    collapsed.append(w);
  }
  return collapsed;
}

void CollectMeta(const GumboNode* root, PageMeta* meta) {
  simdjson::dom::parser json;
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    const GumboElement& el = n->v.element;
    switch (el.tag) {
      case GUMBO_TAG_META: {
        const char* content = Attr(el, "content");
        if (!content) break;
        const char* key = Attr(el, "property");
        if (!key) key = Attr(el, "name");
        if (!key) key = Attr(el, "itemprop");
        if (!key) break;
        std::string k = LowerStr(key);
        if (k == "og:title") {
          SetOnce(&meta->og_title, content);
        } else if (k == "og:url") {
          SetOnce(&meta->url, content);
        } else if (k == "article:published_time" || k == "og:published_time" ||
                   k == "datepublished" || k == "pubdate" || k == "publishdate" ||
                   k == "publish-date" || k == "publish_date" || k == "date" || k == "dc.date" ||
                   k == "dc.date.issued" || k == "dcterms.created" || k == "dcterms.date" ||
                   k == "sailthru.date" || k == "parsely-pub-date" ||
                   k == "content_publisheddate" || k == "article.published" ||
                   k == "og:article:published_time") {
          SetOnce(&meta->date[0], NormalizeDate(content));
        } else if (k == "article:modified_time" || k == "og:updated_time" || k == "datemodified" ||
                   k == "lastmod") {
          SetOnce(&meta->date[3], NormalizeDate(content));
        }
        break;
      }
      case GUMBO_TAG_LINK: {
        const char* rel = Attr(el, "rel");
        const char* href = Attr(el, "href");
        if (rel && href && LowerStr(rel) == "canonical") SetOnce(&meta->url, href);
        break;
      }
      case GUMBO_TAG_TITLE:
        if (meta->title_tag.empty()) meta->title_tag = TextOf(n);
        break;
      case GUMBO_TAG_H1:
        if (meta->h1.empty()) meta->h1 = TextOf(n);
        break;
      case GUMBO_TAG_TIME: {
        const char* dt = Attr(el, "datetime");
        if (dt) SetOnce(&meta->date[2], NormalizeDate(dt));
        break;
      }
      case GUMBO_TAG_SCRIPT: {
        const char* type = Attr(el, "type");
        if (!type || LowerStr(type) != "application/ld+json" || el.children.length == 0) break;
        const GumboNode* t = static_cast<const GumboNode*>(el.children.data[0]);
        if (t->type != GUMBO_NODE_TEXT) break;
        simdjson::dom::element doc;
        std::string_view js(t->v.text.text);
        if (js.size() > (1 << 20)) break;
        if (!json.parse(js.data(), js.size()).get(doc)) {
          std::string date;
          FindJsonLd(doc, 0, &date, &meta->ld_headline);
          SetOnce(&meta->date[1], date);
        }
        break;
      }
      default:
        break;
    }
    if (el.tag == GUMBO_TAG_ARTICLE) meta->roots[1].push_back(n);
    if (el.tag == GUMBO_TAG_MAIN) meta->roots[2].push_back(n);
    const char* itemprop = Attr(el, "itemprop");
    if (itemprop && strcmp(itemprop, "articleBody") == 0) meta->roots[0].push_back(n);
    const char* role = Attr(el, "role");
    if (role && strcmp(role, "main") == 0) meta->roots[2].push_back(n);
    const GumboVector& ch = el.children;
    for (unsigned i = ch.length; i-- > 0;) stack.push_back(static_cast<GumboNode*>(ch.data[i]));
  }
}

const GumboNode* FindBody(const GumboNode* root) {
  const GumboVector& ch = root->v.element.children;
  for (unsigned i = 0; i < ch.length; ++i) {
    const GumboNode* c = static_cast<const GumboNode*>(ch.data[i]);
    if (c->type == GUMBO_NODE_ELEMENT && c->v.element.tag == GUMBO_TAG_BODY) return c;
  }
  return root;
}

}  // namespace

Status ExtractHtml(std::string_view html, const HtmlOptions& options, HtmlContent* out) {
  if (html.size() > options.max_bytes)
    return Status::InvalidArgument("HTML of " + std::to_string(html.size()) +
                                   " bytes exceeds the limit of " +
                                   std::to_string(options.max_bytes));
  if (html.find('\0') != std::string_view::npos)
    return Status::InvalidArgument("binary data (NUL byte) in HTML");
  size_t bad = utf8::FindInvalid(html);
  if (bad != std::string_view::npos)
    return Status::InvalidArgument("invalid UTF-8 at byte " + std::to_string(bad + 1));
  int depth = EstimateHtmlDepth(html, options.max_depth);
  if (depth > options.max_depth)
    return Status::InvalidArgument("HTML nested deeper than " + std::to_string(options.max_depth) +
                                   " elements (hostile or broken page)");
  GumboOptions gopts = kGumboDefaultOptions;
  gopts.max_errors = 0;  // do not keep a list of parse errors nobody reads
  GumboOutput* parsed = gumbo_parse_with_options(&gopts, html.data(), html.size());
  if (!parsed) return Status::InvalidArgument("HTML parser failed");
  PageMeta meta;
  CollectMeta(parsed->root, &meta);

  // The article container: the best-ranked kind whose text is a real share of the page.
  BlockCollector body;
  body.Run(FindBody(parsed->root));
  std::vector<Block> blocks = std::move(body.blocks());
  size_t body_bytes = body.total_bytes();
  bool chosen = false;
  for (const auto& kind : meta.roots) {
    if (chosen) break;
    BlockCollector best;
    for (const GumboNode* r : kind) {
      BlockCollector c;
      c.Run(r);
      if (c.total_bytes() > best.total_bytes()) best = std::move(c);
    }
    if (best.total_bytes() >= 140 && best.total_bytes() * 10 >= body_bytes * 3) {
      blocks = std::move(best.blocks());
      chosen = true;
    }
  }
  gumbo_destroy_output(&gopts, parsed);

  out->title = !meta.og_title.empty()      ? meta.og_title
               : !meta.title_tag.empty()   ? meta.title_tag
               : !meta.ld_headline.empty() ? meta.ld_headline
                                           : meta.h1;
  out->url = meta.url;
  out->date.clear();
  for (const std::string& d : meta.date)
    if (out->date.empty()) out->date = d;

  std::string title_key = NormalizeTitleKey(out->title);
  std::vector<const Block*> kept;
  for (const Block& b : blocks) {
    int words = CountWords(b.text);
    if (b.link_bytes * 10 > b.text.size() * 6) continue;  // a menu or a list of links
    if (FurnitureLine(b.text, words)) continue;
    if (b.tag == GUMBO_TAG_H1 && !title_key.empty()) {
      std::string k = NormalizeTitleKey(b.text);
      if (!k.empty() && title_key.compare(0, k.size(), k) == 0) continue;  // the headline
    }
    kept.push_back(&b);
  }
  // Spam trailers: a short last line without sentence punctuation ("Toto SGP").
  while (kept.size() > 1) {
    const std::string& last = kept.back()->text;
    if (CountWords(last) > 4 || EndsSentence(last)) break;
    kept.pop_back();
  }
  out->text.clear();
  for (const Block* b : kept) {
    if (!out->text.empty()) out->text += "\n\n";
    out->text += b->text;
  }
  if (out->text.empty()) return Status::InvalidArgument("no article text found in the HTML");
  return Status::Ok();
}

}  // namespace warta
