#include "core/text.h"

#include <gtest/gtest.h>

namespace ansinh {
namespace {

TEST(TextTest, NormalizesDecomposedToNfc) {
  // "Nguyễn" written as e + circumflex + tilde combining marks.
  const std::string decomposed = "Nguye\xCC\x82\xCC\x83n";
  EXPECT_EQ(NormalizeNfc(decomposed), "Nguyễn");
}

TEST(TextTest, FoldCaseTrimsAndLowers) {
  EXPECT_EQ(FoldCase("  NỮ "), "nữ");
  EXPECT_EQ(FoldCase("Chủ   Hộ"), "chủ hộ");
}

TEST(TextTest, SearchKeyIgnoresDiacriticsAndTonePlacement) {
  EXPECT_EQ(SearchKey("Nguyễn Văn A"), "nguyen van a");
  EXPECT_EQ(SearchKey("Đầm Dơi"), "dam doi");
  EXPECT_EQ(SearchKey("Hoà Bình"), SearchKey("Hòa Bình"));
}

// ASCII text skips ICU (text.cc): every ASCII character, in a text that ICU folds because of its
// "é", folds the same as alone; and ASCII stays as it is in NFC.
TEST(TextTest, AsciiFastPathsAgreeWithIcu) {
  for (int c = 0x20; c < 0x7F; ++c) {
    const std::string ascii = std::string("x") + static_cast<char>(c) + "Y";
    EXPECT_EQ(FoldCase(ascii + "é"), FoldCase(ascii) + "é") << c;
    EXPECT_EQ(SearchKey(ascii + "é"), SearchKey(ascii) + "e") << c;
    EXPECT_EQ(NormalizeNfc(ascii), ascii) << c;
  }
  EXPECT_EQ(FoldCase("  H-4   NGUYEN "), "h-4 nguyen");
  EXPECT_EQ(SearchKey("96-32014\t A"), "96-32014 a");  // a tab is a space
}

TEST(TextTest, Utf8Validation) {
  EXPECT_TRUE(IsValidUtf8("Cà Mau"));
  EXPECT_FALSE(IsValidUtf8("\xC3"));
  EXPECT_FALSE(IsValidUtf8("\xFF\xFE"));
}

}  // namespace
}  // namespace ansinh
