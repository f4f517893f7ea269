// Classification: explanations name the members who cause a deprivation; results do not depend
// on the number of threads; the column path agrees with the row evaluator; the score path; the
// review outcome codes.
#include "rules/classify.h"

#include <gtest/gtest.h>

#include <random>

#include "rules/frame_builder.h"
#include "rules/row_eval.h"
#include "rules/rules_testing.h"

namespace ansinh::rules {
namespace {

const StandardRegistry& Registry() {
  static const auto* registry = [] {
    auto r = StandardRegistry::Create(ANSINH_SOURCE_DIR).value().release();
    EXPECT_TRUE(r->LoadAll().ok());
    return r;
  }();
  return *registry;
}

const Standard& Get(const char* id) {
  for (const auto& s : Registry().standards()) {
    if (s->id == id) return *s;
  }
  ADD_FAILURE() << "no standard " << id;
  std::abort();
}

MemberRecord Member(const char* name, int birth_year, bool insured) {
  MemberRecord m;
  m.person.full_name = name;
  m.person.birth_date = std::to_string(birth_year) + "-03-01";
  m.year.year = 2018;
  m.year.health_insurance = insured;
  m.year.in_school = false;
  m.year.education_grade = 12;
  m.year.employed = true;
  return m;
}

// A rural household of 3 in 2018 on the 2016-2020 poverty line, one adult without insurance.
HouseholdRecord PoorHousehold() {
  HouseholdRecord h;
  h.survey.year = 2018;
  h.survey.income_month = 2'100'000;
  h.survey.housing_quality = HousingQuality::kPermanent;
  h.survey.housing_area_m2 = 60;
  h.survey.clean_water = false;
  h.survey.hygienic_latrine = true;
  h.survey.telecom = true;
  h.survey.info_assets = true;
  h.members = {Member("Trần Thị B", 1986, true), Member("Nguyễn Văn A", 1984, false),
               Member("Nguyễn Văn C", 2015, false)};  // aged 3: under 6, not a cause
  return h;
}

TEST(ClassifyExplain, NamesTheMemberWhoCausesADeprivation) {
  const Standard& s = Get("vn-2016-2020");
  std::vector<HouseholdRecord> households = {PoorHousehold()};
  Frame frame = BuildFrame(Registry().catalogue(), households).value();
  ClassifyResult r = Classify(s, frame).value();
  EXPECT_EQ(r.category[0], Category::kPoor);
  EXPECT_EQ(r.decided_by[0], 0);
  EXPECT_EQ(r.income_per_capita[0], 700'000);
  EXPECT_EQ(r.deprivation_count[0], 2);  // health insurance, water
  std::vector<std::string> names;
  for (const auto& m : households[0].members) names.push_back(m.person.full_name);
  Explanation e = Explain(s, frame, r, 0, names);
  ASSERT_EQ(e.deprivations.size(), 2u);
  EXPECT_EQ(s.deprivations[static_cast<std::size_t>(e.deprivations[0].index)].id,
            "d_health_insurance");
  ASSERT_EQ(e.deprivations[0].members.size(), 1u);
  EXPECT_EQ(e.deprivations[0].members[0].name, "Nguyễn Văn A");
  EXPECT_EQ(e.deprivations[0].members[0].age, 34);
  ASSERT_TRUE(e.line_used.has_value());
  EXPECT_EQ(e.line_used->kind, LineKind::kPoor);
  EXPECT_TRUE(e.line_used->at_or_under);
  EXPECT_EQ(ExplanationText(s, e, "en"),
            "poor: income per capita 700,000 VND/person/month, at or under the poverty line "
            "700,000 (rural); 2 of 10 deprivations: Health insurance (Nguyễn Văn A, 34), "
            "Drinking water source");
  EXPECT_EQ(ExplanationText(s, e, "vi"),
            "hộ nghèo: thu nhập bình quân 700.000 đ/người/tháng, từ chuẩn nghèo 700.000 đ trở "
            "xuống (nông thôn); thiếu hụt 2/10: Bảo hiểm y tế (Nguyễn Văn A, 34 tuổi), Nguồn "
            "nước sinh hoạt");
  const std::string json = ExplanationJson(s, e);
  EXPECT_NE(json.find("\"name\":\"Nguyễn Văn A\",\"age\":34"), std::string::npos) << json;
  EXPECT_NE(json.find("\"line\":{\"name\":\"poor\",\"amount\":700000,\"at_or_under\":true}"),
            std::string::npos)
      << json;
}

TEST(ClassifyExplain, OneDongAboveTheLineIsNearPoor) {
  const Standard& s = Get("vn-2016-2020");
  std::vector<HouseholdRecord> households = {PoorHousehold()};
  households[0].survey.income_month = 2'100'001;  // per capita still rounds down to 700.000
  Frame frame = BuildFrame(Registry().catalogue(), households).value();
  ClassifyResult r = Classify(s, frame).value();
  EXPECT_EQ(r.category[0], Category::kNearPoor);
  EXPECT_EQ(r.income_per_capita[0], 700'000);
  Explanation e = Explain(s, frame, r, 0);
  EXPECT_EQ(e.line_used->kind, LineKind::kNearPoor);
  EXPECT_NE(ExplanationText(s, e, "en").find("(member 2, 34)"), std::string::npos);
}

// Classifies `frame` with `threads` threads (0: no pool). Classify rewrites only the columns
// the standard supplies, the same way every time, so one frame serves every run.
ClassifyResult RunWith(const Standard& s, Frame& frame, int threads,
                       ClassifyPath path = ClassifyPath::kIncome) {
  ClassifyOptions options;
  options.path = path;
  options.province = 96;
  std::unique_ptr<ThreadPool> pool;
  if (threads > 0) {
    pool = std::make_unique<ThreadPool>(threads);
    options.pool = pool.get();
  }
  Result<ClassifyResult> r = Classify(s, frame, options);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return std::move(r).value();
}

void ExpectSame(const ClassifyResult& a, const ClassifyResult& b) {
  EXPECT_EQ(a.category, b.category);
  EXPECT_EQ(a.decided_by, b.decided_by);
  EXPECT_EQ(a.deprivation_count, b.deprivation_count);
  EXPECT_EQ(a.deprivations, b.deprivations);
  EXPECT_EQ(a.income_per_capita, b.income_per_capita);
  EXPECT_EQ(a.score_a, b.score_a);
}

// The per-capita income is the integer quotient, rounded toward zero, for every income: exact
// multiples and one VND either side of them, zero and negative incomes, and incomes past the
// range where the quotient is taken in double precision.
TEST(ClassifyIncome, PerCapitaIsTheIntegerQuotient) {
  std::mt19937_64 rng(4);
  std::vector<HouseholdRecord> households = testing::RandomHouseholds(rng, 6'000);
  const std::int64_t big = std::int64_t{1} << 52;
  for (std::size_t i = 0; i < households.size(); ++i) {
    HouseholdRecord& h = households[i];
    const auto n = static_cast<std::int64_t>(h.members.size());
    const std::int64_t base = static_cast<std::int64_t>(rng() % 50'000'000) * std::max<std::int64_t>(n, 1);
    switch (i % 6) {
      case 0: h.survey.income_month = base; break;
      case 1: h.survey.income_month = base - 1; break;
      case 2: h.survey.income_month = base + 1; break;
      case 3: h.survey.income_month = -static_cast<std::int64_t>(rng() % 3'000'000); break;
      case 4: h.survey.income_month = big - 1 - static_cast<std::int64_t>(rng() % 100); break;
      default: h.survey.income_month = big + static_cast<std::int64_t>(rng() % 1'000'000'000); break;
    }
  }
  Result<Frame> frame = BuildFrame(Registry().catalogue(), households);
  ASSERT_TRUE(frame.ok()) << frame.status().ToString();
  const ClassifyResult r = RunWith(Get("vn-2011-2015"), *frame, 0);
  for (std::size_t i = 0; i < households.size(); ++i) {
    const auto n = static_cast<std::int64_t>(households[i].members.size());
    const std::int64_t want = n > 0 ? households[i].survey.income_month / n : 0;
    ASSERT_EQ(r.income_per_capita[i], want) << "household " << i << ", income "
                                             << households[i].survey.income_month << ", " << n;
  }
}

TEST(ClassifyThreads, SameResultForOneAndManyThreads) {
  std::mt19937_64 rng(59);
  // More households than one task holds, so the work is really split.
  std::vector<HouseholdRecord> households = testing::RandomHouseholds(rng, 80'000);
  Frame frame = BuildFrame(Registry().catalogue(), households).value();
  for (const char* id : {"vn-2016-2020", "vn-2022-2025"}) {
    SCOPED_TRACE(id);
    const ClassifyResult one = RunWith(Get(id), frame, 0);
    ExpectSame(one, RunWith(Get(id), frame, 1));
    ExpectSame(one, RunWith(Get(id), frame, 2));
    ExpectSame(one, RunWith(Get(id), frame, 5));
    ExpectSame(RunWith(Get(id), frame, 0, ClassifyPath::kScores),
               RunWith(Get(id), frame, 3, ClassifyPath::kScores));
  }
}

TEST(ClassifyRows, ColumnPathAgreesWithTheRowEvaluator) {
  const Standard& s = Get("vn-2022-2025");
  std::mt19937_64 rng(7);
  std::vector<HouseholdRecord> households = testing::RandomHouseholds(rng, 3000);
  Frame frame = BuildFrame(Registry().catalogue(), households).value();
  ClassifyResult r = Classify(s, frame).value();
  for (std::size_t h = 0; h < households.size(); ++h) {
    int count = 0;
    for (std::size_t d = 0; d < s.deprivations.size(); ++d) {
      const bool met = EvaluateRow(s.deprivations[d].rule.tree(), frame, h).i != 0;
      ASSERT_EQ(met, r.deprivations[d][h] != 0) << "household " << h << " " << s.deprivations[d].id;
      count += met;
    }
    ASSERT_EQ(count, r.deprivation_count[h]);
    Category expected = Category::kOther;
    for (const CategoryRule& c : s.categories) {
      if (EvaluateRow(c.when.tree(), frame, h).i) {
        expected = c.category;
        break;
      }
    }
    ASSERT_EQ(expected, r.category[h]) << "household " << h;
  }
}

TEST(ClassifyScores, ScoreAIsBasePlusFirstLevelOfEachItem) {
  const Standard& s = Get("vn-2016-2020");
  std::mt19937_64 rng(14);
  std::vector<HouseholdRecord> households = testing::RandomHouseholds(rng, 500);
  Frame frame = BuildFrame(Registry().catalogue(), households).value();
  ClassifyResult r = Classify(s, frame, {.path = ClassifyPath::kScores, .province = 96}).value();
  const PointsRegion& region = *s.score_path->points_table->RegionFor(96);
  for (std::size_t h = 0; h < households.size(); ++h) {
    std::int64_t expected = region.base;
    for (const PointsItem& item : region.items) {
      for (const PointsLevel& level : item.levels) {
        if (EvaluateRow(level.when.tree(), frame, h).i) {
          expected += level.points;
          break;
        }
      }
    }
    ASSERT_EQ(r.score_a[h], expected) << h;
    ASSERT_EQ(r.score_b[h], 10 * r.deprivation_count[h]) << h;
  }
  // A province outside the table's regions is refused.
  EXPECT_EQ(Classify(s, frame, {.path = ClassifyPath::kScores, .province = 1}).status().code(),
            ErrorCode::kNotFound);
}

TEST(ClassifyReview, OutcomeCodes) {
  EXPECT_EQ(ReviewOutcome(Category::kPoor, std::nullopt), "");
  EXPECT_EQ(ReviewOutcome(Category::kPoor, Category::kPoor), "old_poor");
  EXPECT_EQ(ReviewOutcome(Category::kPoor, Category::kNearPoor), "old_near_poor");
  EXPECT_EQ(ReviewOutcome(Category::kNearPoor, Category::kOther), "new");
  EXPECT_EQ(ReviewOutcome(Category::kOther, Category::kPoor), "old_poor");
  EXPECT_EQ(ReviewOutcome(Category::kMiddle, Category::kMiddle), "");
}

}  // namespace
}  // namespace ansinh::rules
