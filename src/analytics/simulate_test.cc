// What-if on hand-made households: the national 2011–2015 lines against the Cà Mau example (the
// same lines + 20%), households and persons that change category per commune and district, the
// state's health-insurance cost worked out by hand, the roll-up, 1 vs 3 threads; the figures of
// config/health-insurance.toml for one year by hand; the loader's errors; the rounding.
#include "analytics/simulate.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "rules/rules_testing.h"
#include "rules/standard.h"

namespace ansinh::analytics {
namespace {

// Hand-made figures: base salary 1,000,000 all of 2012, 4.5 %, poor 100 %, near-poor 70 %: a
// person costs 12 × 45,000 = 540,000 VND a year if poor, 12 × 31,500 = 378,000 if near-poor.
constexpr char kSimpleInsurance[] = R"(
[[premium_rate]]
from = 2012-01-01
percent = 4.5
source = "test"

[[base_salary]]
from = 2012-01-01
vnd_per_month = 1000000
source = "test"

[[state_share]]
category = "poor"
from = 2012-01-01
percent = 100
source = "test"

[[state_share]]
category = "near_poor"
from = 2012-01-01
percent = 70
source = "test"
)";

AdminUnit WhatIfUnit(std::string code, UnitLevel level, std::string parent, bool urban = false) {
  AdminUnit u;
  u.code = code;
  u.name = "Đơn vị " + code;
  u.level = level;
  u.parent_code = std::move(parent);
  u.urban = urban;
  return u;
}

// Province 96; district 964 with communes 32001 (urban) and 32002; district 966 with 32003.
UnitTree WhatIfTree() {
  auto tree = UnitTree::Build({WhatIfUnit("96", UnitLevel::kProvince, ""),
                               WhatIfUnit("964", UnitLevel::kDistrict, "96"),
                               WhatIfUnit("966", UnitLevel::kDistrict, "96"),
                               WhatIfUnit("32001", UnitLevel::kCommune, "964", true),
                               WhatIfUnit("32002", UnitLevel::kCommune, "964"),
                               WhatIfUnit("32003", UnitLevel::kCommune, "966")});
  EXPECT_TRUE(tree.ok()) << tree.status().ToString();
  return std::move(tree).value();
}

// A household of `members` persons with `per_capita` VND each a month.
rules::HouseholdRecord WhatIfHousehold(int year, int members, Vnd per_capita, bool urban) {
  rules::HouseholdRecord r;
  r.survey.year = year;
  r.survey.income_month = per_capita * members;
  r.urban = urban;
  for (int i = 0; i < members; ++i) {
    rules::MemberRecord m;
    m.person.sex = Sex::kMale;
    m.person.birth_date = "1980";
    m.person.relation = i == 0 ? Relation::kHead : Relation::kChild;
    m.person.ethnicity = "Kinh";
    m.year.year = year;
    r.members.push_back(m);
  }
  return r;
}

class SimulateTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto registry = rules::StandardRegistry::Create(ANSINH_SOURCE_DIR);
    ASSERT_TRUE(registry.ok());
    registry_ = std::move(registry).value();
    auto national = registry_->Resolve("vn-2011-2015");
    ASSERT_TRUE(national.ok()) << national.status().ToString();
    national_ = *national;
    auto ca_mau = registry_->Resolve("ca-mau-2011-2015-example");
    ASSERT_TRUE(ca_mau.ok()) << ca_mau.status().ToString();
    ca_mau_ = *ca_mau;
    auto costs = HealthInsuranceCosts::LoadText(kSimpleInsurance, "simple.toml");
    ASSERT_TRUE(costs.ok()) << costs.status().ToString();
    simple_ = std::move(costs).value();
  }

  std::unique_ptr<rules::StandardRegistry> registry_;
  const rules::Standard* national_ = nullptr;
  const rules::Standard* ca_mau_ = nullptr;
  HealthInsuranceCosts simple_;
};

TEST_F(SimulateTest, NationalAgainstTwentyPercentHigher) {
  // National lines (VND per person a month): poor 400,000 rural / 500,000 urban, near-poor
  // 520,000 / 650,000. Cà Mau example: poor 480,000 / 600,000, near-poor 624,000 / 780,000.
  Snapshot snapshot(registry_->catalogue(), WhatIfTree());
  const std::vector<std::pair<std::string, rules::HouseholdRecord>> rows = {
      {"32002", WhatIfHousehold(2012, 4, 450000, false)},  // near-poor -> poor
      {"32002", WhatIfHousehold(2012, 3, 500000, false)},  // near-poor -> near-poor
      {"32002", WhatIfHousehold(2012, 2, 600000, false)},  // other -> near-poor
      {"32001", WhatIfHousehold(2012, 5, 550000, true)},   // urban near-poor -> poor
      {"32001", WhatIfHousehold(2012, 1, 300000, true)},   // poor -> poor
      {"32003", WhatIfHousehold(2012, 6, 700000, false)},  // other -> other
      {"32003", WhatIfHousehold(2012, 2, 410000, false)},  // near-poor -> poor
      {"32003", WhatIfHousehold(2012, 3, 400000, false)},  // poor -> poor (the line itself)
      {"32003", WhatIfHousehold(2012, 4, 520001, false)},  // other -> near-poor
  };
  std::vector<std::int64_t> ids;
  std::vector<UnitIndex> communes;
  std::vector<rules::HouseholdRecord> records;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    ids.push_back(static_cast<std::int64_t>(i) + 1);
    communes.push_back(snapshot.units().Find(rows[i].first));
    records.push_back(rows[i].second);
  }
  ASSERT_TRUE(snapshot.AddYear(2012, ids, communes, records).ok());
  auto r = SimulateStandards(*snapshot.Year(2012), snapshot.units(), *national_, *ca_mau_, simple_);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const UnitTree& units = snapshot.units();
  constexpr auto kPoor = static_cast<std::size_t>(Category::kPoor);
  constexpr auto kNear = static_cast<std::size_t>(Category::kNearPoor);
  constexpr auto kOther = static_cast<std::size_t>(Category::kOther);

  const CategoryMatrix& commune = r->persons(units.Find("32002"));
  EXPECT_EQ(commune[kNear][kPoor], 4);
  EXPECT_EQ(commune[kNear][kNear], 3);
  EXPECT_EQ(commune[kOther][kNear], 2);

  WhatIfSummary d964 = r->Summary(units.Find("964"));
  EXPECT_EQ(d964.households, 5);
  EXPECT_EQ(d964.persons, 15);
  EXPECT_EQ(d964.changed_households, 3);
  EXPECT_EQ(d964.changed_persons, 4 + 2 + 5);
  EXPECT_EQ(d964.added_poor_households, 2);
  EXPECT_EQ(d964.added_poor_persons, 4 + 5);
  EXPECT_EQ(d964.added_near_poor_households, 1);
  EXPECT_EQ(d964.added_near_poor_persons, 2);
  EXPECT_EQ(d964.removed_poor_households, 0);
  EXPECT_EQ(d964.removed_near_poor_households, 2);  // they became poor
  EXPECT_EQ(d964.removed_near_poor_persons, 9);

  WhatIfSummary d966 = r->Summary(units.Find("966"));
  EXPECT_EQ(d966.changed_households, 2);
  EXPECT_EQ(d966.changed_persons, 2 + 4);
  EXPECT_EQ(d966.added_poor_persons, 2);
  EXPECT_EQ(d966.added_near_poor_persons, 4);

  WhatIfSummary province = r->Summary(units.Find("96"));
  EXPECT_EQ(province.households, 9);
  EXPECT_EQ(province.persons, 30);
  EXPECT_EQ(province.changed_households, 5);
  EXPECT_EQ(province.added_poor_households, 3);
  EXPECT_EQ(province.added_poor_persons, 11);
  EXPECT_EQ(province.added_near_poor_households, 2);
  EXPECT_EQ(province.added_near_poor_persons, 6);
  // By hand: 11 added poor × 540,000 and 6 added near-poor × 378,000.
  EXPECT_EQ(province.cost_added_poor, 5940000);
  EXPECT_EQ(province.cost_added_near_poor, 2268000);
  EXPECT_EQ(province.cost_added, 8208000);
  // Under A: 4 poor persons, 14 near-poor; under B: 15 poor, 9 near-poor.
  EXPECT_EQ(province.cost_a, 4 * 540000 + 14 * 378000);
  EXPECT_EQ(province.cost_b, 15 * 540000 + 9 * 378000);
  // The 11 near-poor who become poor cost only the difference of shares (162,000 each).
  EXPECT_EQ(province.cost_change, 11 * 162000 + 6 * 378000);
  EXPECT_EQ(province.cost_change, province.cost_b - province.cost_a);
  EXPECT_EQ(d964.cost_added + d966.cost_added, province.cost_added);
}

TEST_F(SimulateTest, SameStandardChangesNothing) {
  Snapshot snapshot(registry_->catalogue(), WhatIfTree());
  const std::int64_t ids[] = {1, 2};
  const UnitIndex communes[] = {snapshot.units().Find("32001"), snapshot.units().Find("32003")};
  const rules::HouseholdRecord records[] = {WhatIfHousehold(2012, 3, 100000, true),
                                            WhatIfHousehold(2012, 2, 500000, false)};
  ASSERT_TRUE(snapshot.AddYear(2012, ids, communes, records).ok());
  auto r = SimulateStandards(*snapshot.Year(2012), snapshot.units(), *national_, *national_, simple_);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  WhatIfSummary s = r->Summary(snapshot.units().Find("96"));
  EXPECT_EQ(s.households, 2);
  EXPECT_EQ(s.changed_households, 0);
  EXPECT_EQ(s.added_poor_persons + s.added_near_poor_persons, 0);
  EXPECT_EQ(s.cost_added, 0);
  EXPECT_EQ(s.cost_change, 0);
  EXPECT_EQ(s.cost_a, 3 * 540000 + 2 * 378000);
}

TEST_F(SimulateTest, RollUpIsTheSumOfTheCommunesAndThreadsDoNotMatter) {
  std::mt19937_64 rng(23);
  auto records = rules::testing::RandomHouseholds(rng, 33000);  // three chunks of 16,384 rows
  std::vector<std::int64_t> ids;
  std::vector<UnitIndex> communes;
  Snapshot one(registry_->catalogue(), WhatIfTree());
  Snapshot many(registry_->catalogue(), WhatIfTree());
  const char* codes[] = {"32001", "32002", "32003"};
  for (std::size_t i = 0; i < records.size(); ++i) {
    records[i].survey.year = 2012;
    for (auto& m : records[i].members) m.year.year = 2012;
    ids.push_back(static_cast<std::int64_t>(i) * 2 + 5);
    communes.push_back(one.units().Find(codes[(i * 5) % 3]));
  }
  ASSERT_TRUE(one.AddYear(2012, ids, communes, records).ok());
  ASSERT_TRUE(many.AddYear(2012, ids, communes, records).ok());
  auto r1 = SimulateStandards(*one.Year(2012), one.units(), *national_, *ca_mau_, simple_);
  rules::ThreadPool pool(3);
  auto r3 = SimulateStandards(*many.Year(2012), many.units(), *national_, *ca_mau_, simple_,
                              {.pool = &pool});
  ASSERT_TRUE(r1.ok()) << r1.status().ToString();
  ASSERT_TRUE(r3.ok()) << r3.status().ToString();
  const UnitTree& units = one.units();
  for (UnitIndex u = 0; u < units.size(); ++u) {
    EXPECT_EQ(r1->households(u), r3->households(u)) << units.unit(u).code;
    EXPECT_EQ(r1->persons(u), r3->persons(u)) << units.unit(u).code;
  }
  // Every parent's matrices are the sums of its children's, and cover every household.
  for (UnitIndex p = 0; p < units.size(); ++p) {
    if (units.unit(p).level == UnitLevel::kCommune) continue;
    CategoryMatrix households{}, persons{};
    for (UnitIndex c = 0; c < units.size(); ++c) {
      if (units.parent(c) != p) continue;
      for (int a = 0; a < kCategoryCount; ++a) {
        for (int b = 0; b < kCategoryCount; ++b) {
          households[a][b] += r1->households(c)[a][b];
          persons[a][b] += r1->persons(c)[a][b];
        }
      }
    }
    EXPECT_EQ(households, r1->households(p)) << units.unit(p).code;
    EXPECT_EQ(persons, r1->persons(p)) << units.unit(p).code;
  }
  WhatIfSummary s = r1->Summary(units.Find("96"));
  EXPECT_EQ(s.households, 33000);
  EXPECT_GT(s.added_poor_households, 0);  // incomes sit on and around the lines
  // The line is 20 % higher everywhere: nobody poor under the national lines stops being poor.
  EXPECT_EQ(s.removed_poor_households, 0);
}

TEST_F(SimulateTest, ShippedFiguresForOneYearByHand) {
  auto costs = HealthInsuranceCosts::LoadFile(std::string(ANSINH_SOURCE_DIR) +
                                              "/config/health-insurance.toml");
  ASSERT_TRUE(costs.ok()) << costs.status().ToString();
  auto year = costs->ForYear(2012);
  ASSERT_TRUE(year.ok()) << year.status().ToString();
  // 2012: base salary 830,000 in January–April, 1,050,000 from May (NĐ 31/2012); 4.5 % gives
  // 37,350 and 47,250 a month, so 4 × 37,350 + 8 × 47,250 = 527,400 a year, all paid for the poor.
  EXPECT_EQ(year->premium_scaled, 527400 * kCostScale);
  EXPECT_EQ(year->poor_scaled, 527400 * kCostScale);
  // Near-poor: 50 % until June, 70 % from July 2012 (the assumed day):
  // 4 × 18,675 + 2 × 23,625 + 6 × 33,075 = 320,400.
  EXPECT_EQ(year->near_poor_scaled, 320400 * kCostScale);
  EXPECT_EQ(year->StateCostScaled(Category::kMiddle), 0);
  EXPECT_NE(std::find(year->unconfirmed.begin(), year->unconfirmed.end(),
                      "state_share near_poor từ/from 2012-07-01"),
            year->unconfirmed.end());
  // Before the first base salary of the table there is nothing to price with.
  auto early = costs->ForYear(2008);
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.status().code(), ErrorCode::kNotFound);
}

TEST(SimulateRoundingTest, OnceHalfAwayFromZero) {
  const std::int64_t one[] = {1}, two[] = {2}, minus_one[] = {-1};
  const std::int64_t half[] = {540000 * kCostScale + kCostScale / 2};
  EXPECT_EQ(RoundScaledCost(one, half), 540001);
  EXPECT_EQ(RoundScaledCost(two, half), 1080001);  // rounded once, not 2 × 540,001
  EXPECT_EQ(RoundScaledCost(minus_one, half), -540001);
  const std::int64_t counts[] = {3, -1};
  const std::int64_t scaled[] = {kCostScale / 4, kCostScale};  // 0.75 − 1 = −0.25
  EXPECT_EQ(RoundScaledCost(counts, scaled), 0);
  const std::int64_t counts2[] = {2, -1};
  const std::int64_t scaled2[] = {kCostScale / 4, kCostScale};  // 0.5 − 1 = −0.5
  EXPECT_EQ(RoundScaledCost(counts2, scaled2), -1);
  // A large province: 10^8 persons at the highest yearly cost the loader allows.
  const std::int64_t many[] = {100'000'000};
  const std::int64_t dear[] = {12 * 10'000'000LL * 10000 * 10000};
  EXPECT_EQ(RoundScaledCost(many, dear), 100'000'000LL * 120'000'000);
}

TEST(SimulateLoaderTest, ErrorsSayWhereAndWhy) {
  struct Case {
    std::string text;
    ErrorCode code;
    std::int64_t line;
    std::string field;
  };
  const std::string rate = "[[premium_rate]]\nfrom = 2012-01-01\npercent = 4.5\nsource = \"s\"\n";
  const std::string salary =
      "[[base_salary]]\nfrom = 2012-01-01\nvnd_per_month = 1000000\nsource = \"s\"\n";
  const std::string poor =
      "[[state_share]]\ncategory = \"poor\"\nfrom = 2012-01-01\npercent = 100\nsource = \"s\"\n";
  const std::string near =
      "[[state_share]]\ncategory = \"near_poor\"\nfrom = 2012-01-01\npercent = 70\nsource = \"s\"\n";
  const std::vector<Case> cases = {
      {rate + salary + poor + near + "colour = 1\n", ErrorCode::kInvalidArgument, 0, ""},
      {rate + salary + poor, ErrorCode::kInvalidArgument, 0, "state_share"},
      {"[[premium_rate]]\nfrom = \"2012-01-01\"\npercent = 4.5\nsource = \"s\"\n" + salary + poor +
           near,
       ErrorCode::kInvalidArgument, 2, "from"},
      {"[[premium_rate]]\nfrom = 2012-01-01\npercent = 4.555\nsource = \"s\"\n" + salary + poor +
           near,
       ErrorCode::kInvalidArgument, 3, "percent"},
      {rate + salary + poor + near +
           "[[state_share]]\ncategory = \"near_poor\"\nfrom = 2011-01-01\npercent = 70\nsource = "
           "\"s\"\n",
       ErrorCode::kInvalidArgument, 0, "from"},
      {rate + salary + poor + near +
           "[[state_share]]\ncategory = \"middle\"\nfrom = 2013-01-01\npercent = 30\nsource = "
           "\"s\"\n",
       ErrorCode::kInvalidArgument, 0, "category"},
      {rate + "[[base_salary]]\nfrom = 2012-01-01\nvnd_per_month = -5\nsource = \"s\"\n" + poor +
           near,
       ErrorCode::kInvalidArgument, 7, "vnd_per_month"},
      {rate + "[[base_salary]]\nfrom = 2012-01-01\nsource = \"s\"\n" + poor + near,
       ErrorCode::kInvalidArgument, 0, "vnd_per_month"},
      {"[[premium_rate]\n", ErrorCode::kParseError, 1, ""},
  };
  for (const Case& c : cases) {
    auto loaded = HealthInsuranceCosts::LoadText(c.text, "hi.toml");
    ASSERT_FALSE(loaded.ok()) << c.text;
    EXPECT_EQ(loaded.status().code(), c.code) << loaded.status().ToString();
    EXPECT_EQ(loaded.status().location().file, "hi.toml");
    EXPECT_GT(loaded.status().location().row, 0) << loaded.status().ToString();
    if (c.line > 0) {
      EXPECT_EQ(loaded.status().location().row, c.line) << loaded.status().ToString();
    }
    if (!c.field.empty()) {
      EXPECT_EQ(loaded.status().field(), c.field) << loaded.status().ToString();
    }
    EXPECT_FALSE(loaded.status().message_vi().empty());
    EXPECT_FALSE(loaded.status().message_en().empty());
  }
  EXPECT_EQ(HealthInsuranceCosts::LoadFile("/nonexistent/hi.toml").status().code(),
            ErrorCode::kIoError);
}

}  // namespace
}  // namespace ansinh::analytics
