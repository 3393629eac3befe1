// The C++ scorer matches actors as score.py does.
#include <gtest/gtest.h>

#include <fstream>

#include "eval/scorer.h"

namespace warta {
namespace {

TEST(ScorerTest, ActorSpecs) {
  EXPECT_TRUE(ActorMatches("USA", "USAGOV", "country"));
  EXPECT_TRUE(ActorMatches("USAGOV", "USAGOV", "full"));
  EXPECT_FALSE(ActorMatches("USAGOV", "USA", "full"));
  EXPECT_TRUE(ActorMatches("IMG|ISI|ISL", "IMGMUSISI", "country"));
  EXPECT_TRUE(ActorMatches("EUR|IGO", "IGOEUREEC", "country"));
  EXPECT_TRUE(ActorMatches("EUR|IGO", "IGOEUREEC", "full"));
  EXPECT_TRUE(ActorMatches("*", "", "country"));
  EXPECT_FALSE(ActorMatches("RUS", "", "country"));
}

TEST(ScorerTest, PrecisionRecallAndForbidden) {
  std::string dir = ::testing::TempDir();
  std::ofstream(dir + "/gold.jsonl")
      << R"({"doc_id": "d", "anchor": "menuduh", "source": "UKR", "target": "RUS", "root": "11", "code": "112", "date": "2014-10-14", "required": true})" "\n"
      << R"({"doc_id": "d", "anchor": "bertemu", "source": "USA", "target": "RUS", "root": "04", "required": true})" "\n"
      << R"({"doc_id": "d", "anchor": "tidak", "forbid": true})" "\n";
  std::ofstream(dir + "/events.jsonl")
      << R"({"doc_id": "d", "source": {"code": "UKRGOV"}, "target": {"code": "RUS"}, "code": "112", "date": "2014-10-14", "sentence": {"text": "Ukraina menuduh Rusia."}, "negated": false})" "\n"
      << R"({"doc_id": "d", "source": {"code": "RUS"}, "target": null, "code": "190", "sentence": {"text": "Rusia tidak menyerang."}, "negated": false})" "\n"
      << R"({"doc_id": "d", "source": {"code": "RUS"}, "target": null, "code": "190", "sentence": {"text": "Rusia tidak menyerang."}, "negated": true})" "\n";
  auto r = ScoreFiles(dir + "/gold.jsonl", dir + "/events.jsonl", "country");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->produced, 2);
  EXPECT_EQ(r->matched_required, 1);
  EXPECT_EQ(r->forbidden_sentences, 1);
  EXPECT_NEAR(r->precision, 0.5, 1e-9);
  EXPECT_NEAR(r->recall, 0.5, 1e-9);
  EXPECT_EQ(r->date_ok, 1);
}

}  // namespace
}  // namespace warta
