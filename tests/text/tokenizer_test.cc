// Tokenizer and sentence splitter: abbreviations, numbers, quotes, dashes, datelines.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/token.h"

namespace warta {
namespace {

std::vector<std::string> Words(std::string_view text) {
  std::vector<Token> tokens;
  Tokenize(text, &tokens);
  std::vector<std::string> out;
  for (const Token& t : tokens) out.emplace_back(TokenText(text, t));
  return out;
}

std::vector<std::string> Sentences(std::string_view text, std::vector<std::string> abbrevs) {
  std::vector<Token> tokens;
  Tokenize(text, &tokens);
  std::vector<Sentence> sents;
  auto is_abbrev = [&](uint32_t i) {
    std::string w(TokenText(text, tokens[i]));
    for (auto& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const auto& a : abbrevs)
      if (a == w) return true;
    return false;
  };
  SplitSentences(text, tokens, is_abbrev, &sents);
  std::vector<std::string> out;
  for (const Sentence& s : sents) out.emplace_back(text.substr(s.byte_begin, s.byte_end - s.byte_begin));
  return out;
}

TEST(TokenizerTest, NumbersStayWhole) {
  EXPECT_EQ(Words("sekitar 17.600 tentara, 2,5 persen dan 2.5 km"),
            (std::vector<std::string>{"sekitar", "17.600", "tentara", ",", "2,5", "persen", "dan", "2.5", "km"}));
}

TEST(TokenizerTest, AcronymsWithPeriodsAreOneToken) {
  EXPECT_EQ(Words("the U.S. and Russia"), (std::vector<std::string>{"the", "U.S.", "and", "Russia"}));
}

TEST(TokenizerTest, ClitizsSplitOff) {
  EXPECT_EQ(Words("Russia's troops didn't leave"),
            (std::vector<std::string>{"Russia", "'s", "troops", "did", "n't", "leave"}));
  EXPECT_EQ(Words("Ma'ruf Amin"), (std::vector<std::string>{"Ma'ruf", "Amin"}));
}

TEST(TokenizerTest, QuotesAndDashesAreTokens) {
  EXPECT_EQ(Words("PARIS – “reset” AS-Rusia"),
            (std::vector<std::string>{"PARIS", "–", "“", "reset", "”", "AS", "-", "Rusia"}));
}

TEST(TokenizerTest, TokensAreByteRangesOfTheText) {
  std::string text = "Kerry bertemu Lavrov di Paris.";
  std::vector<Token> tokens;
  Tokenize(text, &tokens);
  ASSERT_EQ(tokens.size(), 6u);
  EXPECT_EQ(tokens[2].begin, 14u);
  EXPECT_EQ(tokens[2].end, 20u);
  EXPECT_TRUE(tokens[0].Is(kTokCapital));
  EXPECT_TRUE(tokens[5].Is(kTokTerminal));
}

TEST(SentenceTest, AbbreviationsDoNotEndSentences) {
  auto s = Sentences("Dr. Andi tinggal di Jl. Sudirman No. 5. Ia datang kemarin.", {"dr", "jl", "no"});
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0], "Dr. Andi tinggal di Jl. Sudirman No. 5.");
}

TEST(SentenceTest, AcronymAndInitials) {
  auto s = Sentences("The U.S. Army arrived. J. Kerry spoke. Then he left.", {});
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0], "The U.S. Army arrived.");
  EXPECT_EQ(s[1], "J. Kerry spoke.");
}

TEST(SentenceTest, ClosingQuoteStaysWithSentence) {
  auto s = Sentences("He said it was “over.” Then he left.", {});
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0], "He said it was “over.”");
}

TEST(SentenceTest, BlankLineEndsSentenceAndDatelineStays) {
  auto s = Sentences("PARIS – Kerry met Lavrov\n\nToto SGP", {});
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0], "PARIS – Kerry met Lavrov");
  EXPECT_EQ(s[1], "Toto SGP");
}

TEST(SentenceTest, DecimalNumberIsNotABoundary) {
  auto s = Sentences("Inflasi naik 2.5 persen. Harga naik.", {});
  ASSERT_EQ(s.size(), 2u);
}

TEST(SentenceTest, VeryLongRunIsCut) {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "kata ";
  auto s = Sentences(text, {});
  EXPECT_GE(s.size(), 2u);
}

}  // namespace
}  // namespace warta
