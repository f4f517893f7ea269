#include "core/household.h"

#include <gtest/gtest.h>

namespace ansinh {
namespace {

TEST(HouseholdCodesTest, AcceptsVietnameseWordsInAnyCase) {
  EXPECT_EQ(*ParseSex("Nữ", "sex"), Sex::kFemale);
  EXPECT_EQ(*ParseSex("m", "sex"), Sex::kMale);
  EXPECT_EQ(*ParseRelation("Chủ hộ", "relation"), Relation::kHead);
  EXPECT_EQ(*ParseRelation("grandchild", "relation"), Relation::kGrandchild);
  EXPECT_EQ(*ParseHousingQuality("Nhà tạm", "housing_quality"), HousingQuality::kTemporary);
  EXPECT_EQ(*ParseFlag("có", "clean_water"), true);
  EXPECT_EQ(*ParseCategory("near_poor", "category"), Category::kNearPoor);
}

TEST(HouseholdCodesTest, RejectsUnknownWordsNamingFieldAndValue) {
  auto r = ParseSex("X", "sex");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().field(), "sex");
  EXPECT_EQ(r.status().value(), "X");
  EXPECT_FALSE(ParseFlag("2", "telecom").ok());
}

TEST(HouseholdCodesTest, CodesRoundTrip) {
  for (Relation r : {Relation::kHead, Relation::kSpouse, Relation::kChild, Relation::kParent,
                     Relation::kGrandchild, Relation::kSibling, Relation::kOther}) {
    EXPECT_EQ(*ParseRelation(RelationCode(r), "relation"), r);
  }
  for (HousingQuality h : {HousingQuality::kPermanent, HousingQuality::kSemiPermanent,
                           HousingQuality::kLessPermanent, HousingQuality::kTemporary}) {
    EXPECT_EQ(*ParseHousingQuality(HousingQualityCode(h), "housing_quality"), h);
  }
}

}  // namespace
}  // namespace ansinh
