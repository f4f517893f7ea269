// Replays the fuzzer's seed corpus (src/rules/fuzz/corpus) in every test run, including the
// sanitizer build: no input may crash; files named valid_* must compile, invalid_* must not.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "rules/rules.h"
#include "rules/rules_testing.h"

namespace ansinh::rules {
namespace {

TEST(RulesCorpusTest, EveryFileParsesOrFailsCleanly) {
  const Catalogue catalogue = testing::CoreCatalogue();
  int files = 0, valid = 0, invalid = 0;
  for (const auto& entry : std::filesystem::directory_iterator(ANSINH_RULES_CORPUS)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    const std::string name = entry.path().filename().string();
    Result<Rule> rule =
        CompileRule(text.str(), SourceRef{name, {}}, catalogue, CheckOptions{.all_contexts = true});
    ++files;
    if (name.starts_with("valid_")) {
      ++valid;
      EXPECT_TRUE(rule.ok()) << name << ": " << rule.status().ToString();
    } else if (name.starts_with("invalid_")) {
      ++invalid;
      EXPECT_FALSE(rule.ok()) << name;
      if (!rule.ok()) {
        const ErrorCode code = rule.status().code();
        EXPECT_TRUE(code == ErrorCode::kParseError || code == ErrorCode::kTypeError ||
                    code == ErrorCode::kInvalidArgument)
            << name << ": " << rule.status().ToString();
        EXPECT_GT(rule.status().location().row, 0) << name;
      }
    }
  }
  EXPECT_GE(files, 30);
  EXPECT_GT(valid, 10);
  EXPECT_GT(invalid, 10);
}

}  // namespace
}  // namespace ansinh::rules
