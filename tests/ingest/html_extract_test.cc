// HTML main-text extraction: article text kept, furniture and spam dropped, title and
// publication date taken from the meta tags, hostile pages refused quickly.
#include "ingest/html_extract.h"

#include <gtest/gtest.h>

#include <chrono>

#include "ingest/test_util.h"

namespace warta {
namespace {

using testing_util::Fixture;
using testing_util::ReadFileBytes;

bool Has(const std::string& text, const std::string& what) {
  return text.find(what) != std::string::npos;
}

TEST(HtmlExtractTest, EnglishArticleKeepsTextTitleAndDate) {
  HtmlContent page;
  Status st = ExtractHtml(ReadFileBytes(Fixture("article_en.html")), {}, &page);
  ASSERT_TRUE(st.ok()) << st.ToString();
  EXPECT_EQ(page.title, "Russia and Ukraine trade accusations over border shelling");
  EXPECT_EQ(page.date, "2014-10-15");  // published, not modified
  EXPECT_EQ(page.url, "https://news.example.com/world/russia-ukraine-border");
  // The article, paragraph by paragraph, entities decoded.
  EXPECT_EQ(page.text,
            "KIEV \xE2\x80\x93 Ukraine on Tuesday accused Russia of shelling villages near the "
            "border, the foreign ministry said.\n\n"
            "Moscow denied the claim and said its troops had not crossed into Ukrainian "
            "territory.\n\n"
            "The European Union expressed concern about the violence in eastern Ukraine.");
}

TEST(HtmlExtractTest, EnglishArticleDropsFurniture) {
  HtmlContent page;
  ASSERT_TRUE(ExtractHtml(ReadFileBytes(Fixture("article_en.html")), {}, &page).ok());
  for (const char* furniture :
       {"Home", "Sport", "Share on Facebook", "Tweet", "Photo:", "Read more", "Markets fall",
        "Toto SGP", "Write a comment", "Most read", "Copyright", "China invaded", "dataLayer",
        "font-family", "By A. Reporter", "The Daily Example"}) {
    EXPECT_FALSE(Has(page.text, furniture)) << furniture << " in:\n" << page.text;
  }
}

TEST(HtmlExtractTest, IndonesianArticleJsonLdDateAndSpam) {
  HtmlContent page;
  Status st = ExtractHtml(ReadFileBytes(Fixture("article_id.html")), {}, &page);
  ASSERT_TRUE(st.ok()) << st.ToString();
  EXPECT_EQ(page.title, "AS dan Rusia berjanji perbarui kerja sama");
  EXPECT_EQ(page.date, "2014-10-15");
  EXPECT_TRUE(Has(page.text, "Amerika Serikat dan Rusia pada Selasa berjanji")) << page.text;
  EXPECT_TRUE(Has(page.text, "Sergey Lavrov di Paris.")) << page.text;
  for (const char* furniture :
       {"Beranda", "Olahraga", "Baca juga", "Harga cabai", "WhatsApp", "Toto SGP", "Hak cipta"})
    EXPECT_FALSE(Has(page.text, furniture)) << furniture << " in:\n" << page.text;
  // The headline is the title, not a paragraph of the body.
  EXPECT_EQ(page.text.rfind("PARIS", 0), 0u) << page.text;
}

TEST(HtmlExtractTest, LoneSpamLineIsDroppedButAShortSentenceIsKept) {
  HtmlContent page;
  ASSERT_TRUE(ExtractHtml("<html><body><p>Indonesia dan Malaysia sepakat memperluas kerja "
                          "sama maritim.</p><p>Ini kabar baik.</p><p>Togel Hongkong</p></body>"
                          "</html>",
                          {}, &page)
                  .ok());
  EXPECT_EQ(page.text,
            "Indonesia dan Malaysia sepakat memperluas kerja sama maritim.\n\nIni kabar baik.");
}

TEST(HtmlExtractTest, PageWithoutArticleTextIsAnError) {
  HtmlContent page;
  Status st = ExtractHtml("<html><body><nav><a href=/>Home</a></nav></body></html>", {}, &page);
  EXPECT_FALSE(st.ok());
  EXPECT_TRUE(Has(st.message(), "no article text")) << st.message();
}

TEST(HtmlExtractTest, DeepNestingIsRefusedQuickly) {
  std::string html = "<html><body>";
  for (int i = 0; i < 200000; ++i) html += "<div>";
  html += "Ukraine accused Russia.</body></html>";
  HtmlContent page;
  auto start = std::chrono::steady_clock::now();
  Status st = ExtractHtml(html, {}, &page);
  EXPECT_FALSE(st.ok());
  EXPECT_TRUE(Has(st.message(), "nested deeper")) << st.message();
  // Not a timing assertion on speed, only a guard against Gumbo's quadratic case
  // (minutes): the refusal happens before parsing.
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(30));
}

TEST(HtmlExtractTest, NestedFormattingTagsAreRefused) {
  std::string html;
  for (int i = 0; i < 100000; ++i) html += "<b>";
  HtmlContent page;
  Status st = ExtractHtml(html + "x", {}, &page);
  EXPECT_FALSE(st.ok());
  EXPECT_TRUE(Has(st.message(), "nested deeper")) << st.message();
}

TEST(HtmlExtractTest, StrayEndTagsDoNotHideNesting) {
  std::string html;
  for (int i = 0; i < 5000; ++i) html += "<div></span>";
  EXPECT_GT(EstimateHtmlDepth(html, 2000), 2000);
  // Ordinary pages are shallow: unclosed <p>/<li> and void tags do not nest.
  std::string page = "<html><body><ul>";
  for (int i = 0; i < 5000; ++i) page += "<li><p>item<br><img src=x>";
  EXPECT_LT(EstimateHtmlDepth(page + "</ul></body></html>", 2000), 10);
}

TEST(HtmlExtractTest, HugeAttributeIsHandled) {
  std::string html = "<html><body><div data-x=\"" + std::string(4 << 20, 'a') +
                     "\"><p>Japan and China agreed to hold talks.</p></div></body></html>";
  HtmlContent page;
  Status st = ExtractHtml(html, {}, &page);
  ASSERT_TRUE(st.ok()) << st.ToString();
  EXPECT_EQ(page.text, "Japan and China agreed to hold talks.");
  HtmlOptions small;
  small.max_bytes = 1 << 20;
  st = ExtractHtml(html, small, &page);
  EXPECT_FALSE(st.ok());
  EXPECT_TRUE(Has(st.message(), "exceeds the limit")) << st.message();
}

TEST(HtmlExtractTest, InvalidUtf8AndBinaryAreErrors) {
  HtmlContent page;
  Status st = ExtractHtml("<p>caf\xe9 au lait</p>", {}, &page);
  EXPECT_FALSE(st.ok());
  EXPECT_TRUE(Has(st.message(), "invalid UTF-8")) << st.message();
  st = ExtractHtml(std::string("<p>a\0b</p>", 10), {}, &page);
  EXPECT_FALSE(st.ok());
  EXPECT_TRUE(Has(st.message(), "binary")) << st.message();
}

TEST(HtmlExtractTest, CharsetConversion) {
  std::string out;
  ASSERT_TRUE(ToUtf8("caf\xe9 \x93quoted\x94", "iso-8859-1", &out).ok());
  EXPECT_EQ(out, "caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D");
  EXPECT_FALSE(ToUtf8("x", "koi8-r", &out).ok());
  EXPECT_EQ(SniffHtmlCharset("<meta http-equiv=\"Content-Type\" content=\"text/html; "
                             "charset=ISO-8859-1\">"),
            "iso-8859-1");
  EXPECT_EQ(SniffHtmlCharset("<meta charset='utf-8'>"), "utf-8");
}

TEST(HtmlExtractTest, NormalizeDate) {
  EXPECT_EQ(NormalizeDate("2014-10-15T08:30:00+07:00"), "2014-10-15");
  EXPECT_EQ(NormalizeDate(" 2014/10/15 "), "2014-10-15");
  EXPECT_EQ(NormalizeDate("20141015"), "2014-10-15");
  EXPECT_EQ(NormalizeDate("2014-13-01"), "");
  EXPECT_EQ(NormalizeDate("yesterday"), "");
}

}  // namespace
}  // namespace warta
