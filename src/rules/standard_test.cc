// The standard loader and registry: every shipped file loads; errors are located at
// file:line:column of the TOML file.
#include "rules/standard.h"

#include <gtest/gtest.h>

#include <string>

#include "rules/rules_testing.h"

namespace ansinh::rules {
namespace {

std::unique_ptr<StandardRegistry> Shipped() {
  auto registry = StandardRegistry::Create(ANSINH_SOURCE_DIR).value();
  Status s = registry->LoadAll();
  EXPECT_TRUE(s.ok()) << s.ToString();
  return registry;
}

TEST(StandardLoader, EveryShippedStandardLoads) {
  auto registry = Shipped();
  ASSERT_EQ(registry->standards().size(), 6u);
  const Standard* s2016 = registry->Resolve("vn-2016-2020").value();
  EXPECT_EQ(s2016->deprivations.size(), 10u);
  EXPECT_EQ(s2016->categories.size(), 3u);
  EXPECT_EQ(s2016->line(LineKind::kPoor)->rural, 700000);
  EXPECT_EQ(s2016->line(LineKind::kNearPoor)->urban, 1300000);
  ASSERT_TRUE(s2016->score_path.has_value());
  ASSERT_TRUE(s2016->score_path->points_table.has_value());
  EXPECT_NE(s2016->score_path->points_table->RegionFor(96), nullptr);
  const Standard* s2022 = registry->Resolve("vn-2022-2025").value();
  EXPECT_EQ(s2022->deprivations.size(), 12u);
  EXPECT_FALSE(s2022->line(LineKind::kNearPoor).has_value());
  EXPECT_EQ(registry->Resolve("vn-2006-2010").value()->deprivations.size(), 0u);
}

TEST(StandardRegistry, NationalStandardInForce) {
  auto registry = Shipped();
  EXPECT_EQ(registry->NationalInForce(2008).value()->id, "vn-2006-2010");
  EXPECT_EQ(registry->NationalInForce(2013).value()->id, "vn-2011-2015");  // not the Cà Mau one
  EXPECT_EQ(registry->NationalInForce(2021).value()->id, "vn-2016-2020");
  EXPECT_EQ(registry->NationalInForce(2022).value()->id, "vn-2022-2025");
  EXPECT_EQ(registry->NationalInForce(2005).status().code(), ErrorCode::kNotFound);
}

TEST(StandardRegistry, ResolvesIdsAndFiles) {
  auto registry = StandardRegistry::Create(ANSINH_SOURCE_DIR).value();
  EXPECT_EQ(registry->Resolve("vn-2011-2015").value()->id, "vn-2011-2015");
  const std::string file =
      std::string(ANSINH_SOURCE_DIR) + "/config/standards/dong-nai-2022-2025.toml";
  EXPECT_EQ(registry->Resolve(file).value()->id, "dong-nai-2022-2025");
  Result<const Standard*> missing = registry->Resolve("vn-1999");
  EXPECT_EQ(missing.status().code(), ErrorCode::kNotFound);
  EXPECT_NE(missing.status().message_en().find("vn-2016-2020"), std::string::npos);
}

// A small valid standard; tests splice a bad piece in.
std::string Text(const std::string& deprivation_rule, const std::string& category_when) {
  return "id = \"t\"\n"                                                          // 1
         "name_vi = \"T\"\nname_en = \"T\"\nsource = \"s\"\n"                    // 2-4
         "scope = \"provincial\"\nyears = [2020, 2021]\n"                        // 5-6
         "[lines.poor]\nrural = 700000\nurban = 900000\nsource = \"s\"\n"        // 7-10
         "[[deprivations]]\nid = \"d_water\"\nservice = \"water_sanitation\"\n"  // 11-13
         "name_vi = \"N\"\nname_en = \"W\"\n"                                    // 14-15
         "rule = \"" +
         deprivation_rule +
         "\"\n"                                                      // 16
         "explain_vi = \"x\"\nexplain_en = \"x\"\nsource = \"s\"\n"  // 17-19
         "[[categories]]\ncategory = \"poor\"\n"                     // 20-21
         "when = '" +
         category_when +
         "'\n"  // 22
         "source = \"s\"\n";
}

Result<Standard> Load(const std::string& text) {
  static const Catalogue catalogue = testing::CoreCatalogue();
  return LoadStandardText(text, "prov/t.toml", catalogue);
}

TEST(StandardLoader, ValidSmallStandard) {
  Result<Standard> s = Load(Text("not clean_water", "income_pc <= line.poor"));
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->deprivations[0].rule.source().first.line, 16);
  EXPECT_EQ(s->deprivations[0].rule.source().first.column, 9);
}

TEST(StandardLoader, TypeErrorInARuleIsLocatedInTheFile) {
  // "clean_water and incme > 0": the unknown name starts 16 characters into the rule, which
  // starts at column 9 of line 16 (after `rule = "`).
  Result<Standard> s = Load(Text("clean_water and incme > 0", "income_pc <= line.poor"));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), ErrorCode::kTypeError);
  EXPECT_EQ(s.status().location().file, "prov/t.toml");
  EXPECT_EQ(s.status().location().row, 16);
  EXPECT_EQ(s.status().location().column, 25);
  EXPECT_EQ(s.status().ToString().rfind("prov/t.toml:16:25: type_error", 0), 0u)
      << s.status().ToString();
}

TEST(StandardLoader, ParseErrorInARuleIsLocatedInTheFile) {
  Result<Standard> s = Load(Text("not clean_water", "income_pc <= line.poor and"));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), ErrorCode::kParseError);
  EXPECT_EQ(s.status().location().row, 22);
  // The end of the rule: its 26 characters start at column 9 (after `when = '`).
  EXPECT_EQ(s.status().location().column, 9 + 26);
}

TEST(StandardLoader, OnlyTheLinesTheStandardDefines) {
  Result<Standard> s = Load(Text("not clean_water", "income_pc <= line.middle"));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), ErrorCode::kTypeError);
  EXPECT_NE(s.status().message_en().find("line.middle"), std::string::npos);
  EXPECT_EQ(s.status().location().row, 22);
}

TEST(StandardLoader, DeprivationCountOnlyInCategories) {
  Result<Standard> s = Load(Text("deprivation_count > 0", "income_pc <= line.poor"));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), ErrorCode::kTypeError);
  EXPECT_EQ(s.status().location().row, 16);
}

TEST(StandardLoader, BadTomlIsAParseErrorWithItsLine) {
  Result<Standard> s = Load("id = \"t\"\nname_vi = \n");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), ErrorCode::kParseError);
  EXPECT_EQ(s.status().location().file, "prov/t.toml");
  EXPECT_EQ(s.status().location().row, 2);
}

TEST(StandardLoader, SchemaErrors) {
  std::string text = Text("not clean_water", "income_pc <= line.poor");
  // An unknown key, located at its line.
  Result<Standard> s = Load(text + "whne = \"x\"\n");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(s.status().location().row, 24);
  // A missing required key.
  std::string no_source = text;
  no_source.replace(no_source.find("source = \"s\"\n[[categories]]"), 13, "");
  s = Load(no_source);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().field(), "source");
  // A missing poverty line.
  s = Load(
      "id = \"t\"\nname_vi = \"T\"\nname_en = \"T\"\nsource = \"s\"\nscope = \"national\"\n"
      "years = [2020, 2021]\n");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message_en().find("lines.poor"), std::string::npos);
}

}  // namespace
}  // namespace ansinh::rules
