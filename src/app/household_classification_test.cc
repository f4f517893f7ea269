// One household classified alone — what the household page explains when the store holds no
// classification — gets the category the whole year's analytics gave it, with an explanation
// whose figures are the household's own.
#include "app/household_classification.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <stdlib.h>

#include <filesystem>
#include <string>

#include "app/analytics_session.h"
#include "core/clock.h"
#include "synth/synth_testing.h"

namespace ansinh::app {
namespace {

const std::string kSourceTree = ANSINH_SOURCE_DIR;

TEST(HouseholdClassificationTest, AloneAsInTheWholeYear) {
  std::string pattern = (std::filesystem::temp_directory_path() / "ansinh-hc-XXXXXX").string();
  ASSERT_NE(mkdtemp(pattern.data()), nullptr);
  const std::filesystem::path dir = pattern;
  SystemClock clock;
  // 2015 under the income standard of 2011-2015, 2016 under the multidimensional one
  const synth::GenerateOptions options = synth::testing::CaMauOptions(kSourceTree, 300, 2015, 2016);
  auto db = synth::testing::GenerateIntoNewStore((dir / "h.db").string(), clock, options);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  SessionOptions session_options;
  session_options.home = kSourceTree;
  session_options.threads = 1;
  auto session = OpenAnalytics(**db, session_options);
  ASSERT_TRUE(session.ok()) << session.status().ToString();
  const analytics::IndicatorResults& results = *(*session)->results;

  int poor = 0, deprived = 0;
  for (int year : results.years()) {
    const rules::Standard* standard = results.standard(year);
    ASSERT_NE(standard, nullptr);
    const analytics::SurveyYear* surveyed = (*session)->snapshot->Year(year);
    ASSERT_NE(surveyed, nullptr);
    const auto categories = results.categories(year);
    ASSERT_EQ(categories.size(), surveyed->household_id.size());
    for (std::size_t row = 0; row < categories.size(); ++row) {
      const std::int64_t id = surveyed->household_id[row];
      auto surveyed = (*db)->surveys().HouseholdSnapshot(id, year);
      ASSERT_TRUE(surveyed.ok() && surveyed->has_value()) << id;
      auto alone = ClassifySurveyedHousehold(**surveyed, *(*session)->registry, *standard);
      ASSERT_TRUE(alone.ok()) << alone.status().ToString();
      const store::Classification& c = *alone;
      EXPECT_EQ(c.category, categories[row]) << "household " << id << " in " << year;
      EXPECT_EQ(c.standard_id, standard->id);
      const auto why = nlohmann::json::parse(c.explanation_json);
      EXPECT_EQ(why["category"], std::string(CategoryCode(c.category)));
      EXPECT_EQ(why["income_per_capita"], c.income_per_capita);
      EXPECT_EQ(why["deprivations"].size(), static_cast<std::size_t>(c.deprivation_count));
      EXPECT_FALSE(why["text_vi"].get<std::string>().empty());
      poor += c.category == Category::kPoor ? 1 : 0;
      deprived += c.deprivation_count > 0 ? 1 : 0;
    }
  }
  EXPECT_GT(poor, 0);
  EXPECT_GT(deprived, 0);

  // The review outcome follows the category the year before.
  const analytics::SurveyYear* y2016 = (*session)->snapshot->Year(2016);
  const auto categories = results.categories(2016);
  for (std::size_t row = 0; row < categories.size(); ++row) {
    if (categories[row] != Category::kPoor) continue;
    auto surveyed = (*db)->surveys().HouseholdSnapshot(y2016->household_id[row], 2016);
    ASSERT_TRUE(surveyed.ok() && surveyed->has_value());
    auto again = ClassifySurveyedHousehold(**surveyed, *(*session)->registry, *results.standard(2016),
                                           Category::kPoor);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->outcome, "old_poor");
    break;
  }
  db->reset();
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace ansinh::app
