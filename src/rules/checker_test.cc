#include "rules/checker.h"

#include <gtest/gtest.h>

#include "rules/rules.h"
#include "rules/rules_testing.h"

namespace ansinh::rules {
namespace {

class RulesCheckerTest : public ::testing::Test {
 protected:
  Status Check(std::string_view text, CheckOptions options = {.all_contexts = true}) {
    Result<Rule> rule = CompileRule(text, SourceRef{"t.rule", {}}, catalogue_, options);
    return rule.ok() ? Status::Ok() : rule.status();
  }
  void ExpectTypeError(std::string_view text, std::string_view needle,
                       CheckOptions options = {.all_contexts = true}) {
    Status s = Check(text, options);
    EXPECT_EQ(s.code(), ErrorCode::kTypeError) << text << ": " << s.ToString();
    EXPECT_NE(s.message_en().find(needle), std::string::npos) << s.ToString();
    EXPECT_EQ(s.location().file, "t.rule");
    EXPECT_GT(s.location().column, 0);
  }
  Catalogue catalogue_ = testing::CoreCatalogue();
};

TEST_F(RulesCheckerTest, AcceptsTheRulesStandardsAreWrittenIn) {
  for (const char* text : {
           "income_pc <= line.poor",
           "line.poor >= income_pc",
           "income_pc <= line.poor or (income_pc <= line.near_poor and deprivation_count >= 3)",
           "count(members, age >= 6 and not health_insurance) > 0",
           "any(members, age >= 16 and age <= 30 and education_grade < 9 and not in_school)",
           "housing_quality = \"temporary\" or housing_quality = \"less_permanent\"",
           "housing_area_pc < 8",
           "not clean_water",
           "score_a <= if(urban, 140, 120) and score_b >= 30",
           "sum(members, if(employed, 1, 0)) * 2 < members",
           "all(members, ethnicity = \"Khmer\" or ethnicity = \"Kinh\")",
           "count(members, income_pc <= line.poor and age < 16) >= 1",
           "sum(members, 1.5) > housing_area_m2 / 2",
           "(area = \"urban\") = urban",
       }) {
    EXPECT_TRUE(Check(text).ok()) << text << ": " << Check(text).ToString();
  }
}

TEST_F(RulesCheckerTest, NamesUnknownNamesAndSuggests) {
  ExpectTypeError("incme_pc <= line.poor", "unknown name 'incme_pc'; did you mean 'income_pc'?");
  ExpectTypeError("line.rich > 0", "unknown name 'line.rich'");
  ExpectTypeError("foo(members, true)", "unknown function 'foo'");
}

TEST_F(RulesCheckerTest, RefusesMixedTypes) {
  ExpectTypeError("area = 1", "cannot compare string = int");
  ExpectTypeError("urban + 1", "needs two numbers");
  ExpectTypeError("urban < true", "compare only with '=' or '!='");
  ExpectTypeError("area < \"urban\"", "compare only with '=' or '!='");
  ExpectTypeError("members and urban", "needs two bools");
  ExpectTypeError("not members", "'not' needs a bool");
  ExpectTypeError("-urban", "'-' needs a number");
  ExpectTypeError("if(members, 1, 2) > 0", "condition of if");
  ExpectTypeError("if(urban, 1, \"a\") = 1", "branches of if differ");
  ExpectTypeError("area", "must produce a bool, int or decimal");
}

TEST_F(RulesCheckerTest, ClosedStringFieldsKnowTheirValues) {
  ExpectTypeError("area = \"rurl\"",
                  "area has no value \"rurl\"; it is one of \"rural\", \"urban\"");
  ExpectTypeError("any(members, \"wife\" = relation)", "relation has no value \"wife\"");
  EXPECT_TRUE(Check("any(members, ethnicity = \"Tày\")").ok());  // open set
}

TEST_F(RulesCheckerTest, IncomePerCapitaIsComparedOnlyWithWholeAmounts) {
  ExpectTypeError("income_pc + 1 > 0", "can only be compared with a whole VND amount");
  ExpectTypeError("income_pc <= 1.5", "can only be compared with a whole VND amount");
  ExpectTypeError("income_pc = income_pc", "can only be compared");
  ExpectTypeError("income_pc", "must produce a bool, int or decimal");
  ExpectTypeError("if(urban, income_pc, 0) > 1", "can only be compared");
}

TEST_F(RulesCheckerTest, MemberFieldsOnlyInsideAggregatesWhichDoNotNest) {
  ExpectTypeError("age > 5", "member field 'age' is only visible inside");
  ExpectTypeError("count(members, any(members, employed)) > 0", "aggregates do not nest");
  ExpectTypeError("count(people, true) > 0", "count takes the form count(members, ...)");
  ExpectTypeError("count(members) > 0", "count takes the form");
  ExpectTypeError("sum(members, employed) > 0", "sum needs a number");
  ExpectTypeError("count(members, age) > 0", "count needs a bool condition");
}

TEST_F(RulesCheckerTest, ContextsHideFieldsAStandardDoesNotHave) {
  CheckOptions no_middle{.contexts = {"line.poor", "line.near_poor"}};
  EXPECT_TRUE(Check("income_pc <= line.near_poor", no_middle).ok());
  ExpectTypeError("income_pc <= line.middle", "'line.middle' is not available", no_middle);
  ExpectTypeError("deprivation_count >= 3", "'deprivation_count' is not available", no_middle);
  EXPECT_TRUE(Check("deprivation_count >= 3", CheckOptions{.contexts = {"classification"}}).ok());
}

TEST_F(RulesCheckerTest, ResultTypeCanBeRequired) {
  ExpectTypeError("members + 1", "must produce bool",
                  CheckOptions{.all_contexts = true, .result = Type::kBool});
  EXPECT_TRUE(
      Check("members + 1", CheckOptions{.all_contexts = true, .result = Type::kDecimal}).ok());
}

TEST_F(RulesCheckerTest, ErrorPointsAtTheOffendingNode) {
  Status s = Check("urban and\n  incme > 0");
  EXPECT_EQ(s.location().row, 2);
  EXPECT_EQ(s.location().column, 3);
}

}  // namespace
}  // namespace ansinh::rules
