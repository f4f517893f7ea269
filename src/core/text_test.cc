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

TEST(TextTest, Utf8Validation) {
  EXPECT_TRUE(IsValidUtf8("Cà Mau"));
  EXPECT_FALSE(IsValidUtf8("\xC3"));
  EXPECT_FALSE(IsValidUtf8("\xFF\xFE"));
}

}  // namespace
}  // namespace ansinh
