// Ingest: bad records are reported with file:line and skipped; the rest goes on.
#include "ingest/reader.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace warta {
namespace {

struct Collected {
  std::vector<Document> docs;
  std::vector<std::string> errors;
};

Collected ReadString(const std::string& content) {
  Collected c;
  DocumentReader reader(
      {}, [&](Document&& d) { c.docs.push_back(std::move(d)); },
      [&](const Status& st) { c.errors.push_back(st.message()); });
  std::istringstream in(content);
  reader.ReadJsonLines(in, "input.jsonl");
  return c;
}

TEST(ReaderTest, ValidRecord) {
  auto c = ReadString(R"({"id": "a", "date": "2014-10-15", "lang": "id", "text": "Halo"})"
                      "\n");
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].id, "a");
  EXPECT_EQ(c.docs[0].lang, "id");
  EXPECT_EQ(c.docs[0].origin, "input.jsonl:1");
}

TEST(ReaderTest, BadRecordsAreSkippedWithFileAndLine) {
  std::string content =
      "{\"id\": \"a\", \"text\": \"one\"}\n"
      "{\"id\": \"b\", \"text\": \"unterminated\n"
      "{\"id\": \"c\"}\n"
      "{\"id\": \"d\", \"text\": \"bad \xff\xfe bytes\"}\n"
      "[1, 2]\n"
      "{\"id\": \"e\", \"date\": \"yesterday\", \"text\": \"x\"}\n"
      "{\"id\": \"f\", \"text\": \"five\"}\n";
  auto c = ReadString(content);
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[0].id, "a");
  EXPECT_EQ(c.docs[1].id, "f");
  ASSERT_EQ(c.errors.size(), 5u);
  EXPECT_NE(c.errors[0].find("input.jsonl:2"), std::string::npos) << c.errors[0];
  EXPECT_NE(c.errors[1].find("missing \"text\""), std::string::npos) << c.errors[1];
  EXPECT_NE(c.errors[2].find("invalid UTF-8"), std::string::npos) << c.errors[2];
  EXPECT_NE(c.errors[4].find("not YYYY-MM-DD"), std::string::npos) << c.errors[4];
}

TEST(ReaderTest, HugeLineIsCodedNotDropped) {
  std::string text(10 << 20, 'a');
  for (size_t i = 0; i < text.size(); i += 100) text[i] = ' ';
  auto c = ReadString("{\"id\": \"big\", \"text\": \"" + text + "\"}\n");
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].text.size(), text.size());
}

TEST(ReaderTest, PlainTextAndBinaryFiles) {
  std::string dir = ::testing::TempDir();
  {
    std::ofstream(dir + "/story.txt") << "Ukraina menuduh Rusia.";
    std::ofstream bin(dir + "/blob.txt", std::ios::binary);
    bin.write("ab\0\0cd", 6);
  }
  Collected c;
  ReaderOptions opts;
  opts.default_date = "2014-10-15";
  DocumentReader reader(
      opts, [&](Document&& d) { c.docs.push_back(std::move(d)); },
      [&](const Status& st) { c.errors.push_back(st.message()); });
  EXPECT_TRUE(reader.ReadPath(dir + "/story.txt").ok());
  EXPECT_TRUE(reader.ReadPath(dir + "/blob.txt").ok());
  EXPECT_FALSE(reader.ReadPath(dir + "/missing.txt").ok());
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].id, "story");
  EXPECT_EQ(c.docs[0].date, "2014-10-15");
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_NE(c.errors[0].find("binary"), std::string::npos);
}

}  // namespace
}  // namespace warta
