#include "rules/frame.h"

#include <gtest/gtest.h>

#include "rules/frame_builder.h"
#include "rules/rules_testing.h"

namespace ansinh::rules {
namespace {

MemberRecord Member(const char* birth, Relation relation, bool insured) {
  MemberRecord m;
  m.person.birth_date = birth;
  m.person.relation = relation;
  m.person.ethnicity = "Khmer";
  m.year.health_insurance = insured;
  return m;
}

TEST(RulesFrameTest, BuildsColumnsFromCoreStructs) {
  Catalogue catalogue = testing::CoreCatalogue();
  std::vector<HouseholdRecord> records(2);
  records[0].survey.year = 2018;
  records[0].survey.income_month = 3'000'000;
  records[0].survey.housing_area_m2 = 30;
  records[0].urban = true;
  records[0].line_poor = 900'000;
  records[0].members = {Member("1980-05-01", Relation::kHead, true),
                        Member("2012", Relation::kChild, false)};
  records[1].survey.year = 2018;
  records[1].line_poor = 700'000;
  const Result<Frame> frame = BuildFrame(catalogue, records);
  ASSERT_TRUE(frame.ok()) << frame.status().ToString();
  EXPECT_EQ(frame->households(), 2u);
  EXPECT_EQ(frame->member_rows(), 2u);
  EXPECT_EQ(frame->member_offsets()[1], 2u);
  EXPECT_EQ(frame->member_offsets()[2], 2u);
  auto column = [&](Scope scope, const char* name) {
    return frame->column(catalogue.Find(scope, name));
  };
  EXPECT_EQ(column(Scope::kHousehold, "members")->int32s()[0], 2);
  EXPECT_EQ(column(Scope::kHousehold, "members")->int32s()[1], 0);
  EXPECT_EQ(column(Scope::kHousehold, "housing_area_pc")->decimals()[0], 15.0);
  EXPECT_EQ(column(Scope::kHousehold, "housing_area_pc")->decimals()[1], 0.0);
  EXPECT_EQ(column(Scope::kHousehold, "line.poor")->int64s()[1], 700'000);
  EXPECT_EQ(column(Scope::kHousehold, "line.near_poor"), nullptr);  // no household has it
  const Dictionary& dict = frame->dictionary();
  EXPECT_EQ(dict.text(column(Scope::kHousehold, "area")->int32s()[0]), "urban");
  EXPECT_EQ(dict.text(column(Scope::kHousehold, "area")->int32s()[1]), "rural");
  EXPECT_EQ(column(Scope::kMember, "age")->int32s()[0], 38);
  EXPECT_EQ(column(Scope::kMember, "age")->int32s()[1], 6);
  EXPECT_EQ(dict.text(column(Scope::kMember, "relation")->int32s()[1]), "child");
  EXPECT_EQ(dict.text(column(Scope::kMember, "ethnicity")->int32s()[1]), "Khmer");
  EXPECT_EQ(column(Scope::kMember, "health_insurance")->bools()[0], 1);
  // Every string column shares the one dictionary: equal text, equal code.
  EXPECT_EQ(dict.Find("Khmer"), column(Scope::kMember, "ethnicity")->int32s()[0]);
}

TEST(RulesFrameTest, RefusesInconsistentInput) {
  Catalogue catalogue = testing::CoreCatalogue();
  std::vector<HouseholdRecord> records(2);
  records[0].line_poor = 1;
  EXPECT_EQ(BuildFrame(catalogue, records).status().code(), ErrorCode::kInvalidArgument);
  records[1].line_poor = 1;
  records[1].members = {Member("19x0", Relation::kHead, true)};
  const Status s = BuildFrame(catalogue, records).status();
  EXPECT_EQ(s.code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(s.field(), "birth_date");

  Frame frame(catalogue);
  EXPECT_FALSE(frame.SetMemberOffsets({1, 2}).ok());
  EXPECT_FALSE(frame.SetMemberOffsets({0, 3, 2}).ok());
  EXPECT_FALSE(frame.SetMemberOffsets({}).ok());
  ASSERT_TRUE(frame.SetMemberOffsets({0, 3, 3}).ok());
  EXPECT_EQ(frame.MutableColumn(Scope::kMember, "age").value()->rows(), 3u);
  EXPECT_EQ(frame.MutableColumn(Scope::kHousehold, "urban").value()->rows(), 2u);
  EXPECT_EQ(frame.MutableColumn(Scope::kHousehold, "income_pc").status().code(),
            ErrorCode::kNotFound);
  EXPECT_EQ(frame.MutableColumn(Scope::kHousehold, "nope").status().code(), ErrorCode::kNotFound);
}

TEST(RulesCatalogueTest, IsARegistryFilledByExplicitCalls) {
  Catalogue catalogue;
  EXPECT_EQ(catalogue.size(), 0);
  ASSERT_TRUE(RegisterCoreFields(catalogue).ok());
  EXPECT_GE(catalogue.Find(Scope::kHousehold, "income_pc"), 0);
  EXPECT_GE(catalogue.Find(Scope::kMember, "age"), 0);
  EXPECT_LT(catalogue.Find(Scope::kHousehold, "age"), 0);
  // Later subsystems add fields; a name taken in its scope is refused.
  FieldDef d_water{.name = "d_water", .type = Type::kBool, .storage = Storage::kBool};
  EXPECT_TRUE(catalogue.Add(d_water).ok());
  EXPECT_EQ(catalogue.Add(d_water).status().code(), ErrorCode::kAlreadyExists);
  EXPECT_FALSE(RegisterCoreFields(catalogue).ok());
  FieldDef bad{.name = "x", .type = Type::kBool, .storage = Storage::kInt64};
  EXPECT_FALSE(catalogue.Add(bad).ok());
}

}  // namespace
}  // namespace ansinh::rules
