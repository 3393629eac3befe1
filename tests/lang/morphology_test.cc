// Indonesian and English morphology over the pack's root lists, and language id.
#include <gtest/gtest.h>

#include "lang/language_pack.h"
#include "warta/coder.h"

namespace warta {
namespace {

class MorphologyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto id = LanguagePack::Load(DefaultDataDir(), "id", &lexicon_);
    ASSERT_TRUE(id.ok()) << id.status().ToString();
    id_ = std::move(id.value());
    auto en = LanguagePack::Load(DefaultDataDir(), "en", &lexicon_);
    ASSERT_TRUE(en.ok()) << en.status().ToString();
    en_ = std::move(en.value());
    id_->Finalize();
    en_->Finalize();
  }
  std::string RootId(const char* w) { return std::string(lexicon_.Word(id_->morphology().Analyze(w).root)); }
  std::string RootEn(const char* w) { return std::string(lexicon_.Word(en_->morphology().Analyze(w).root)); }
  Lexicon lexicon_;
  std::unique_ptr<LanguagePack> id_, en_;
};

TEST_F(MorphologyTest, IndonesianAffixesStripToKnownRoots) {
  EXPECT_EQ(RootId("memperbarui"), "baru");
  EXPECT_EQ(RootId("dilawan"), "lawan");
  EXPECT_EQ(RootId("menghentikan"), "henti");
  EXPECT_EQ(RootId("mencaplok"), "caplok");
  EXPECT_EQ(RootId("mengatakan"), "kata");  // libstemmer gives "ata"
  EXPECT_EQ(RootId("menuduh"), "tuduh");
  EXPECT_EQ(RootId("meninggalkan"), "tinggal");
  EXPECT_EQ(RootId("menyediakan"), "sedia");
  EXPECT_EQ(RootId("berjanji"), "janji");
  EXPECT_EQ(RootId("pembagian"), "bagi");
  EXPECT_EQ(RootId("memerintahkan"), "perintah");
}

TEST_F(MorphologyTest, RootWordsAreNotStripped) {
  EXPECT_EQ(RootId("pemerintah"), "pemerintah");
  EXPECT_EQ(RootId("perang"), "perang");
}

TEST_F(MorphologyTest, PassivePrefixIsMarked) {
  EXPECT_TRUE(id_->morphology().Analyze("dilawan").affixes & kPrefixDi);
  EXPECT_TRUE(id_->morphology().Analyze("melawan").affixes & kPrefixMe);
}

TEST_F(MorphologyTest, EnglishInflection) {
  EXPECT_EQ(RootEn("met"), "meet");
  EXPECT_EQ(RootEn("seized"), "seize");
  EXPECT_EQ(RootEn("accuses"), "accuse");
  EXPECT_EQ(RootEn("fighting"), "fight");
  EXPECT_EQ(RootEn("pledged"), "pledge");
  EXPECT_TRUE(en_->morphology().Analyze("met").affixes & kParticiple);
}

TEST(LanguageIdTest, TellsEnglishFromIndonesian) {
  auto coder = Coder::Open({});
  ASSERT_TRUE(coder.ok()) << coder.status().ToString();
  EXPECT_EQ((*coder)->DetectLanguage("Rusia tidak pernah mengaku mengirim pasukan ke Ukraina."), "id");
  EXPECT_EQ((*coder)->DetectLanguage("Russia has never admitted sending troops to Ukraine."), "en");
}

}  // namespace
}  // namespace warta

namespace warta {
namespace {

// A morphology's per-thread cache must not outlive it: a new morphology built at the
// same address (a dictionary reload) must not see the old one's analyses.
TEST(MorphologyCacheTest, NewMorphologyAtTheSameAddressStartsAfresh) {
  Lexicon lexicon;
  WordId tahan = lexicon.Intern("tahan");
  lexicon.Intern("pertahanan");
  auto first = MakeIndonesianMorphology(&lexicon);
  first->AddRoot(tahan);
  const void* where = first.get();
  EXPECT_EQ(first->Analyze("pertahanan").root, tahan);
  first.reset();
  auto second = MakeIndonesianMorphology(&lexicon);  // no roots at all
  if (second.get() != where) GTEST_SKIP() << "the allocator did not reuse the address";
  EXPECT_NE(second->Analyze("pertahanan").root, tahan);
}

}  // namespace
}  // namespace warta
