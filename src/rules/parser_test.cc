#include "rules/parser.h"

#include <gtest/gtest.h>

#include <string>

namespace ansinh::rules {
namespace {

std::string Parse(std::string_view text) {
  Result<std::unique_ptr<Node>> tree = ParseExpression(text, SourceRef{"t.rule", {}});
  if (!tree.ok()) return "error: " + tree.status().ToString();
  return PrintTree(**tree);
}

Status ParseError(std::string_view text, SourceRef source = {"t.rule", {}}) {
  Result<std::unique_ptr<Node>> tree = ParseExpression(text, source);
  EXPECT_FALSE(tree.ok()) << text;
  return tree.ok() ? Status::Ok() : tree.status();
}

TEST(RulesParserTest, PrecedenceAndAssociativity) {
  EXPECT_EQ(Parse("1 + 2 * 3 - 4"), "((1 + (2 * 3)) - 4)");
  EXPECT_EQ(Parse("a or b and not c"), "(a or (b and (not c)))");
  EXPECT_EQ(Parse("not a = b"), "(not (a = b))");
  EXPECT_EQ(Parse("- - 2 / 3"), "((- (- 2)) / 3)");
  EXPECT_EQ(
      Parse("income_pc <= line.poor or (income_pc <= line.near_poor and deprivation_count >= 3)"),
      "((income_pc <= line.poor) or ((income_pc <= line.near_poor) and "
      "(deprivation_count >= 3)))");
}

TEST(RulesParserTest, LiteralsCallsAndComments) {
  EXPECT_EQ(Parse("count(members, age >= 6 and not health_insurance) > 0 # a comment"),
            "(count(members, ((age >= 6) and (not health_insurance))) > 0)");
  EXPECT_EQ(Parse("if(urban, 1.5, 2)"), "if(urban, 1.500000, 2)");
  EXPECT_EQ(Parse("ethnicity = \"Kh\\\"mer\""), "(ethnicity = \"Kh\"mer\")");
  EXPECT_EQ(Parse("true != false"), "(true != false)");
  EXPECT_EQ(Parse("f()"), "f()");
  EXPECT_EQ(Parse("9223372036854775807"), "9223372036854775807");
}

TEST(RulesParserTest, ErrorsCarryPositionAndWhatWasExpected) {
  Status s = ParseError("income_pc <=");
  EXPECT_EQ(s.code(), ErrorCode::kParseError);
  EXPECT_EQ(s.location().file, "t.rule");
  EXPECT_EQ(s.location().row, 1);
  EXPECT_EQ(s.location().column, 13);
  EXPECT_NE(s.message_en().find("expected an expression"), std::string::npos) << s.ToString();

  s = ParseError("a and\n   (b or c");
  EXPECT_EQ(s.location().row, 2);
  EXPECT_EQ(s.location().column, 11);
  EXPECT_NE(s.message_en().find("expected ')'"), std::string::npos) << s.ToString();

  s = ParseError("count(members age)");
  EXPECT_NE(s.message_en().find("expected ',' or ')'"), std::string::npos) << s.ToString();
  EXPECT_EQ(s.location().column, 15);
}

TEST(RulesParserTest, PositionsCountCharactersAndStartWhereTheRuleStarts) {
  // "Chăm" has a 2-byte letter: the column after it counts characters, not bytes.
  Status s = ParseError("ethnicity = \"Chăm\" )", SourceRef{"std.toml", {12, 9}});
  EXPECT_EQ(s.location().file, "std.toml");
  EXPECT_EQ(s.location().row, 12);
  EXPECT_EQ(s.location().column, 9 + 19);
}

TEST(RulesParserTest, HelpfulMessagesForCommonSlips) {
  EXPECT_NE(ParseError("a == b").message_en().find("use '='"), std::string::npos);
  EXPECT_NE(ParseError("a <> b").message_en().find("'!='"), std::string::npos);
  EXPECT_NE(ParseError("!a").message_en().find("'not'"), std::string::npos);
  EXPECT_NE(ParseError("a < b < c").message_en().find("do not chain"), std::string::npos);
  EXPECT_NE(ParseError("\"open").message_en().find("unterminated"), std::string::npos);
  EXPECT_NE(ParseError("99999999999999999999").message_en().find("too large"), std::string::npos);
  EXPECT_NE(ParseError("1.").message_en().find("digit after '.'"), std::string::npos);
  EXPECT_NE(ParseError("12abc").message_en().find("runs into"), std::string::npos);
  EXPECT_NE(ParseError("a @ b").message_en().find("unexpected character"), std::string::npos);
  EXPECT_NE(ParseError("").message_en().find("found end of rule"), std::string::npos);
  EXPECT_NE(ParseError("a b").message_en().find("expected an operator"), std::string::npos);
}

TEST(RulesParserTest, DeepInputIsAnErrorNotACrash) {
  EXPECT_EQ(ParseError(std::string(5000, '(') + "1").code(), ErrorCode::kParseError);
  EXPECT_EQ(ParseError(std::string(5000, '-') + "1").code(), ErrorCode::kParseError);
  std::string nots;
  for (int i = 0; i < 3000; ++i) nots += "not ";
  EXPECT_EQ(ParseError(nots + "true").code(), ErrorCode::kParseError);
  std::string chain = "1";
  for (int i = 0; i < 3000; ++i) chain += " + 1";
  EXPECT_EQ(ParseError(chain).code(), ErrorCode::kParseError);
  std::string calls;
  for (int i = 0; i < 3000; ++i) calls += "f(";
  EXPECT_EQ(ParseError(calls).code(), ErrorCode::kParseError);
  // Just under the limit parses.
  EXPECT_EQ(Parse(std::string(100, '(') + "1" + std::string(100, ')')), "1");
}

}  // namespace
}  // namespace ansinh::rules
