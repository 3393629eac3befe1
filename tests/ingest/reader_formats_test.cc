// DocumentReader formats: HTML files, gzip and zstd variants of every format,
// recursive directories, WARC and WARC.gz, and what happens to bad input: each bad
// record is reported with its file and line or record, and nothing else is lost.
#include <gtest/gtest.h>

#include "ingest/byte_source.h"
#include "ingest/reader.h"
#include "ingest/test_util.h"

namespace warta {
namespace {

using namespace testing_util;  // NOLINT: test helpers

bool Has(const std::string& text, const std::string& what) {
  return text.find(what) != std::string::npos;
}

std::string JsonLines(int n, const std::string& prefix) {
  std::string out;
  for (int i = 0; i < n; ++i)
    out += "{\"id\": \"" + prefix + std::to_string(i) +
           "\", \"date\": \"2014-10-15\", \"text\": \"Ukraina menuduh Rusia. Nomor " +
           std::to_string(i) + ".\"}\n";
  return out;
}

TEST(ReaderFormatsTest, HtmlFileBecomesOneDocument) {
  ReaderOptions opts;
  opts.default_date = "2000-01-01";
  auto c = ReadPaths({Fixture("article_en.html")}, opts);
  ASSERT_EQ(c.errors.size(), 0u) << c.errors[0];
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].id, "article_en");
  EXPECT_EQ(c.docs[0].date, "2014-10-15");  // the page's date wins over the default
  EXPECT_EQ(c.docs[0].title, "Russia and Ukraine trade accusations over border shelling");
  EXPECT_EQ(c.docs[0].url, "https://news.example.com/world/russia-ukraine-border");
  EXPECT_TRUE(Has(c.docs[0].text, "Ukraine on Tuesday accused Russia"));
  EXPECT_FALSE(Has(c.docs[0].text, "Toto SGP"));
}

TEST(ReaderFormatsTest, CompressedVariantsOfEveryFormat) {
  std::string dir = FreshDir("compressed");
  std::string jsonl = JsonLines(3, "j");
  std::string html = ReadFileBytes(Fixture("article_id.html"));
  std::string text = "Indonesia memanggil duta besar Australia.";
  WriteFileBytes(dir + "/a.jsonl.gz", Gzip(jsonl));
  WriteFileBytes(dir + "/b.jsonl.zst", Zstd(jsonl));
  WriteFileBytes(dir + "/c.html.gz", Gzip(html));
  WriteFileBytes(dir + "/d.htm.zst", Zstd(html));
  WriteFileBytes(dir + "/e.txt.gz", Gzip(text));
  WriteFileBytes(dir + "/f.txt.zst", Zstd(text));
  // Compressed but named without a suffix: detected by magic bytes and sniffed.
  WriteFileBytes(dir + "/g.data", Gzip(jsonl));
  // Two gzip members back to back (as `cat a.gz b.gz` makes) are one stream.
  WriteFileBytes(dir + "/h.jsonl.gz", Gzip(JsonLines(2, "h1-")) + Gzip(JsonLines(2, "h2-")));
  ReaderOptions opts;
  opts.default_date = "2020-01-01";
  auto c = ReadPaths({dir}, opts);
  ASSERT_EQ(c.errors.size(), 0u) << c.errors[0];
  std::vector<std::string> ids;
  for (const auto& d : c.docs) ids.push_back(d.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"j0", "j1", "j2", "j0", "j1", "j2", "c", "d", "e", "f",
                                           "j0", "j1", "j2", "h1-0", "h1-1", "h2-0", "h2-1"}));
  EXPECT_EQ(c.docs[6].date, "2014-10-15");
  EXPECT_TRUE(Has(c.docs[6].text, "Amerika Serikat dan Rusia"));
  EXPECT_EQ(c.docs[8].text, text);
  EXPECT_EQ(c.docs[8].origin, dir + "/e.txt.gz");
  EXPECT_EQ(c.docs[8].date, "2020-01-01");
}

TEST(ReaderFormatsTest, RecursiveDirectoriesInNameOrderSkippingHiddenFiles) {
  std::string dir = FreshDir("recursive");
  WriteFileBytes(dir + "/2014/10/b.jsonl", JsonLines(1, "b"));
  WriteFileBytes(dir + "/2014/09/a.txt", "Jepang mengecam Korea Utara.");
  WriteFileBytes(dir + "/2015/c.jsonl.gz", Gzip(JsonLines(1, "c")));
  WriteFileBytes(dir + "/.cache/x.jsonl", JsonLines(1, "hidden"));
  WriteFileBytes(dir + "/.DS_Store", std::string("\0\1\2", 3));
  auto c = ReadPaths({dir});
  ASSERT_EQ(c.errors.size(), 0u) << c.errors[0];
  ASSERT_EQ(c.docs.size(), 3u);
  EXPECT_EQ(c.docs[0].id, "a");
  EXPECT_EQ(c.docs[1].id, "b0");
  EXPECT_EQ(c.docs[2].id, "c0");
}

TEST(ReaderFormatsTest, TruncatedGzipReportsWhereAndKeepsWhatCameBefore) {
  std::string dir = FreshDir("truncated");
  std::string gz = Gzip(JsonLines(2000, "t"));
  WriteFileBytes(dir + "/cut.jsonl.gz", gz.substr(0, gz.size() / 2));
  WriteFileBytes(dir + "/next.jsonl", JsonLines(1, "after"));
  auto c = ReadPaths({dir + "/cut.jsonl.gz", dir + "/next.jsonl"});
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_TRUE(Has(c.errors[0], dir + "/cut.jsonl.gz:")) << c.errors[0];
  EXPECT_TRUE(Has(c.errors[0], "truncated gzip")) << c.errors[0];
  // Every whole line before the cut is coded, none twice, no partial one; the next
  // file is read in full.
  ASSERT_GT(c.docs.size(), 100u);
  ASSERT_LT(c.docs.size(), 2001u);
  for (size_t i = 0; i + 1 < c.docs.size(); ++i) EXPECT_EQ(c.docs[i].id, "t" + std::to_string(i));
  EXPECT_EQ(c.docs.back().id, "after0");
  // The error names the line where the data stopped.
  EXPECT_TRUE(Has(c.errors[0], "cut.jsonl.gz:" + std::to_string(c.docs.size()))) << c.errors[0];
}

TEST(ReaderFormatsTest, CorruptAndTruncatedZstd) {
  std::string dir = FreshDir("zstd_bad");
  std::string z = Zstd(JsonLines(500, "z"));
  WriteFileBytes(dir + "/cut.jsonl.zst", z.substr(0, z.size() - 7));
  std::string corrupt = z;
  for (size_t i = 20; i < 60; ++i) corrupt[i] = static_cast<char>(corrupt[i] ^ 0x5a);
  WriteFileBytes(dir + "/bad.jsonl.zst", corrupt);
  auto c = ReadPaths({dir + "/cut.jsonl.zst"});
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_TRUE(Has(c.errors[0], "truncated zstd")) << c.errors[0];
  c = ReadPaths({dir + "/bad.jsonl.zst"});
  ASSERT_GE(c.errors.size(), 1u);
  EXPECT_TRUE(Has(c.errors.back(), "bad.jsonl.zst")) << c.errors.back();
  EXPECT_TRUE(Has(c.errors.back(), "zstd")) << c.errors.back();
}

TEST(ReaderFormatsTest, JsonRecordWithHtmlField) {
  std::string line =
      "{\"id\": \"h\", \"html\": \"<html><body><nav>Home</nav><p>Iran and the United "
      "States negotiated a nuclear deal in Geneva.</p></body></html>\", \"date\": "
      "\"2015-04-02\"}\n";
  std::istringstream in(line);
  Collected c;
  DocumentReader reader(
      {}, [&](Document&& d) { c.docs.push_back(std::move(d)); },
      [&](const Status& st) { c.errors.push_back(st.message()); });
  reader.ReadJsonLines(in, "h.jsonl");
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].text, "Iran and the United States negotiated a nuclear deal in Geneva.");
  EXPECT_EQ(c.docs[0].date, "2015-04-02");
}

TEST(ReaderFormatsTest, OverlongLineIsReportedAndSkippedWithoutStoppingTheFile) {
  std::string dir = FreshDir("overlong");
  std::string big = "{\"id\": \"big\", \"text\": \"" + std::string(3 << 20, 'a') + "\"}\n";
  WriteFileBytes(dir + "/x.jsonl.gz", Gzip(JsonLines(1, "a") + big + JsonLines(1, "b")));
  ReaderOptions opts;
  opts.max_record_bytes = 1 << 20;
  auto c = ReadPaths({dir + "/x.jsonl.gz"}, opts);
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[0].id, "a0");
  EXPECT_EQ(c.docs[1].id, "b0");
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_TRUE(Has(c.errors[0], "x.jsonl.gz:2: record of")) << c.errors[0];
}

std::string SampleWarc() {
  std::string page = ReadFileBytes(Fixture("article_en.html"));
  std::string nodate =
      "<html><head><title>Talks</title></head><body><p>Japan and China agreed to hold "
      "talks.</p></body></html>";
  std::string latin1 =
      "<html><head><meta charset=\"iso-8859-1\"></head><body><p>France "
      "condemned the attack on the caf\xe9.</p></body></html>";
  std::string warc;
  warc += WarcRecord("warcinfo", "", "2014-10-16T00:00:00Z", "urn:uuid:info", "software: test\r\n",
                     "application/warc-fields");
  warc += WarcRecord("request", "https://news.example.com/a", "2014-10-16T01:00:00Z",
                     "urn:uuid:req1", "GET /a HTTP/1.1\r\nHost: news.example.com\r\n\r\n",
                     "application/http; msgtype=request");
  warc += WarcRecord("response", "https://news.example.com/a", "2014-10-16T01:00:00Z",
                     "urn:uuid:resp1", HttpResponse(page));
  warc += WarcRecord("response", "https://news.example.com/logo.png", "2014-10-16T01:00:01Z",
                     "urn:uuid:img", HttpResponse("\x89PNG....", "image/png"));
  warc += WarcRecord("response", "https://news.example.com/gone", "2014-10-16T01:00:02Z",
                     "urn:uuid:404", HttpResponse("<p>not found</p>", "text/html", 404));
  warc +=
      WarcRecord("response", "https://news.example.com/b", "2014-10-17T02:00:00Z", "urn:uuid:resp2",
                 HttpResponse(Gzip(nodate), "text/html", 200, "Content-Encoding: gzip\r\n"));
  warc += WarcRecord("response", "https://news.example.com/c", "2014-10-18T02:00:00Z",
                     "urn:uuid:resp3", HttpResponse(latin1, "text/html; charset=ISO-8859-1"));
  return warc;
}

void ExpectSampleWarcDocs(const Collected& c) {
  ASSERT_EQ(c.errors.size(), 0u) << c.errors[0];
  ASSERT_EQ(c.docs.size(), 3u);
  EXPECT_EQ(c.docs[0].id, "urn:uuid:resp1");
  EXPECT_EQ(c.docs[0].url, "https://news.example.com/a");
  EXPECT_EQ(c.docs[0].date, "2014-10-15");  // the page's publication date
  EXPECT_EQ(c.docs[0].title, "Russia and Ukraine trade accusations over border shelling");
  EXPECT_TRUE(Has(c.docs[0].text, "Ukraine on Tuesday accused Russia"));
  EXPECT_TRUE(Has(c.docs[0].origin, ":record 3 (https://news.example.com/a)")) << c.docs[0].origin;
  EXPECT_EQ(c.docs[1].url, "https://news.example.com/b");
  EXPECT_EQ(c.docs[1].date, "2014-10-17");  // no date in the page: the WARC-Date
  EXPECT_EQ(c.docs[1].text, "Japan and China agreed to hold talks.");
  EXPECT_EQ(c.docs[2].text, "France condemned the attack on the caf\xC3\xA9.");
}

TEST(ReaderFormatsTest, WarcResponseRecordsWithHtml) {
  std::string dir = FreshDir("warc");
  WriteFileBytes(dir + "/crawl.warc", SampleWarc());
  ExpectSampleWarcDocs(ReadPaths({dir + "/crawl.warc"}));
}

TEST(ReaderFormatsTest, WarcGzOneMemberPerRecordAndZstd) {
  std::string dir = FreshDir("warcgz");
  // As WARC writers do: each record is its own gzip member.
  std::string warc = SampleWarc(), gz;
  size_t pos = 0;
  while (pos < warc.size()) {
    size_t next = warc.find("WARC/1.0\r\n", pos + 1);
    if (next == std::string::npos) next = warc.size();
    gz += Gzip(warc.substr(pos, next - pos));
    pos = next;
  }
  WriteFileBytes(dir + "/crawl.warc.gz", gz);
  ExpectSampleWarcDocs(ReadPaths({dir + "/crawl.warc.gz"}));
  WriteFileBytes(dir + "/crawl2.warc.zst", Zstd(warc));
  ExpectSampleWarcDocs(ReadPaths({dir + "/crawl2.warc.zst"}));
}

TEST(ReaderFormatsTest, DamagedWarcRecordsAreReportedAndTheRestRead) {
  std::string dir = FreshDir("warcbad");
  std::string good = HttpResponse("<p>Japan and China agreed to hold talks.</p>");
  std::string deep;
  for (int i = 0; i < 50000; ++i) deep += "<div>";
  std::string warc;
  warc += WarcRecord("response", "https://x/1", "2014-10-16T00:00:00Z", "urn:uuid:1", good);
  warc += "garbage that is not a record\r\nmore garbage\r\n\r\n";
  warc += WarcRecord("response", "https://x/2", "2014-10-16T00:00:00Z", "urn:uuid:2",
                     HttpResponse("<p>caf\xe9</p>", "text/html; charset=utf-8"));
  warc += WarcRecord("response", "https://x/3", "2014-10-16T00:00:00Z", "urn:uuid:3",
                     HttpResponse(deep + "x"));
  warc += WarcRecord("response", "https://x/4", "2014-10-16T00:00:00Z", "urn:uuid:4",
                     "not http at all");
  warc += "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: banana\r\n\r\n";
  warc += WarcRecord("response", "https://x/5", "2014-10-16T00:00:00Z", "urn:uuid:5", good);
  // The last record is cut short.
  std::string last =
      WarcRecord("response", "https://x/6", "2014-10-16T00:00:00Z", "urn:uuid:6", good);
  warc += last.substr(0, last.size() - 20);
  WriteFileBytes(dir + "/bad.warc", warc);
  auto c = ReadPaths({dir + "/bad.warc"});
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[0].id, "urn:uuid:1");
  EXPECT_EQ(c.docs[1].id, "urn:uuid:5");
  ASSERT_EQ(c.errors.size(), 6u) << c.errors[0];
  EXPECT_TRUE(Has(c.errors[0], "bad.warc: after record 1")) << c.errors[0];
  EXPECT_TRUE(Has(c.errors[0], "not a WARC record")) << c.errors[0];
  EXPECT_TRUE(Has(c.errors[1], "record 2 (https://x/2): invalid UTF-8")) << c.errors[1];
  EXPECT_TRUE(Has(c.errors[2], "record 3 (https://x/3): HTML nested deeper")) << c.errors[2];
  EXPECT_TRUE(Has(c.errors[3], "record 4 (https://x/4): not an HTTP response")) << c.errors[3];
  EXPECT_TRUE(Has(c.errors[4], "record 5 (byte")) << c.errors[4];
  EXPECT_TRUE(Has(c.errors[4], "bad Content-Length")) << c.errors[4];
  EXPECT_TRUE(Has(c.errors[5], "truncated block")) << c.errors[5];
}

TEST(ReaderFormatsTest, BinaryAndHostileHtmlFilesAreSkipped) {
  std::string dir = FreshDir("hostile");
  std::string deep = "<html><body>";
  for (int i = 0; i < 100000; ++i) deep += "<span>";
  WriteFileBytes(dir + "/1deep.html", deep);
  WriteFileBytes(dir + "/2binary.html", std::string("<html>\0\0\0\1\2", 11));
  WriteFileBytes(dir + "/3latin.html", "<html><body><p>caf\xe9</p></body></html>");
  WriteFileBytes(dir + "/4good.html", "<html><body><p>Iran accused Israel.</p></body></html>");
  auto c = ReadPaths({dir});
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].text, "Iran accused Israel.");
  ASSERT_EQ(c.errors.size(), 3u);
  EXPECT_TRUE(Has(c.errors[0], "1deep.html: HTML nested deeper")) << c.errors[0];
  EXPECT_TRUE(Has(c.errors[1], "2binary.html: binary")) << c.errors[1];
  EXPECT_TRUE(Has(c.errors[2], "3latin.html: invalid UTF-8")) << c.errors[2];
}

TEST(BufferedReaderTest, LinesAcrossRefillsAndOverlongLines) {
  std::string data = "short\r\n" + std::string(5000, 'x') + "\nlast";
  std::istringstream in(data);
  auto src = StreamByteSource(&in);
  BufferedReader r(src.get(), 64);
  std::string_view line;
  uint64_t len = 0;
  ASSERT_EQ(r.ReadLine(100, &line, &len, true), BufferedReader::LineResult::kLine);
  EXPECT_EQ(line, "short");
  ASSERT_EQ(r.ReadLine(100, &line, &len), BufferedReader::LineResult::kTooLong);
  EXPECT_EQ(len, 5000u);
  ASSERT_EQ(r.ReadLine(100, &line, &len), BufferedReader::LineResult::kLine);
  EXPECT_EQ(line, "last");
  EXPECT_EQ(r.ReadLine(100, &line, &len), BufferedReader::LineResult::kEnd);
}

}  // namespace
}  // namespace warta
