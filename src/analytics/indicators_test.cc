// Indicators on hand-made households: counts and rates, roll-up, FGT against a direct
// computation, transitions over three years, thread-count independence, and the loader's errors.
#include "analytics/indicators.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "rules/rules_testing.h"
#include "rules/standard.h"

namespace ansinh::analytics {
namespace {

class FixedStandard : public StandardChooser {
 public:
  explicit FixedStandard(const rules::Standard* s) : s_(s) {}
  Result<const rules::Standard*> For(int) const override { return s_; }

 private:
  const rules::Standard* s_;
};

AdminUnit Unit(std::string code, UnitLevel level, std::string parent, bool urban = false) {
  AdminUnit u;
  u.code = code;
  u.name = "Đơn vị " + code;
  u.level = level;
  u.parent_code = std::move(parent);
  u.urban = urban;
  return u;
}

// Province 96; district 964 with communes 32001 (urban) and 32002; district 966 with 32003.
UnitTree Tree() {
  auto tree = UnitTree::Build({Unit("32003", UnitLevel::kCommune, "966"),
                               Unit("96", UnitLevel::kProvince, ""),
                               Unit("964", UnitLevel::kDistrict, "96"),
                               Unit("32001", UnitLevel::kCommune, "964", true),
                               Unit("32002", UnitLevel::kCommune, "964"),
                               Unit("966", UnitLevel::kDistrict, "96")});
  EXPECT_TRUE(tree.ok()) << tree.status().ToString();
  return std::move(tree).value();
}

struct Member {
  Sex sex = Sex::kMale;
  int birth_year = 1980;
  Relation relation = Relation::kChild;
  std::string ethnicity = "Kinh";
  bool insured = false;
  bool trained = false;
};

rules::HouseholdRecord Record(int year, Vnd income, bool urban, std::vector<Member> members) {
  rules::HouseholdRecord r;
  r.survey.year = year;
  r.survey.income_month = income;
  r.urban = urban;
  for (const Member& m : members) {
    rules::MemberRecord mr;
    mr.person.sex = m.sex;
    mr.person.birth_date = std::to_string(m.birth_year);
    mr.person.relation = m.relation;
    mr.person.ethnicity = m.ethnicity;
    mr.year.year = year;
    mr.year.health_insurance = m.insured;
    mr.year.trained = m.trained;
    r.members.push_back(mr);
  }
  return r;
}

std::vector<Member> People(int n) {
  std::vector<Member> out(static_cast<std::size_t>(n));
  out[0].relation = Relation::kHead;
  return out;
}

class IndicatorsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto registry = rules::StandardRegistry::Create(ANSINH_SOURCE_DIR);
    ASSERT_TRUE(registry.ok());
    registry_ = std::move(registry).value();
    auto s = registry_->Resolve("vn-2011-2015");
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    standard_ = *s;
    auto set = IndicatorSet::LoadDir(std::string(ANSINH_SOURCE_DIR) + "/config/indicators",
                                     registry_->catalogue());
    ASSERT_TRUE(set.ok()) << set.status().ToString();
    set_ = std::move(set).value();
  }

  // Adds a year: rows of (id, commune code, record).
  void AddYear(Snapshot& snapshot, int year,
               std::vector<std::tuple<std::int64_t, std::string, rules::HouseholdRecord>> rows) {
    std::vector<std::int64_t> ids;
    std::vector<UnitIndex> communes;
    std::vector<rules::HouseholdRecord> records;
    for (auto& [id, commune, record] : rows) {
      ids.push_back(id);
      communes.push_back(snapshot.units().Find(commune));
      record.survey.year = year;
      records.push_back(record);
    }
    Status s = snapshot.AddYear(year, ids, communes, records);
    ASSERT_TRUE(s.ok()) << s.ToString();
  }

  double Get(const IndicatorResults& r, int year, std::string_view id, std::string_view unit) {
    IndicatorValue v = r.Value(year, set_.Find(id), r.units().Find(unit));
    EXPECT_TRUE(v.value.has_value()) << id << " " << unit;
    return v.value.value_or(-1);
  }

  std::unique_ptr<rules::StandardRegistry> registry_;
  const rules::Standard* standard_ = nullptr;
  IndicatorSet set_;
};

TEST_F(IndicatorsTest, CountsRatesAndRollUp) {
  Snapshot snapshot(registry_->catalogue(), Tree());
  // Rural poor line 400,000 and near-poor 520,000; urban 500,000 and 650,000 (per person).
  AddYear(snapshot, 2012,
          {{1, "32001", Record(0, 2 * 500000, true, People(2))},      // urban, exactly poor
           {2, "32001", Record(0, 2 * 500001, true, People(2))},      // urban, near-poor
           {3, "32002", Record(0, 3 * 400000 - 1, false, People(3))}, // rural poor
           {4, "32002", Record(0, 4 * 600000, false, People(4))},     // rural other
           {5, "32003", Record(0, 1 * 520000, false, People(1))},     // rural near-poor
           {6, "32003", Record(0, 5 * 100000, false, People(5))}});   // rural poor
  FixedStandard chooser(standard_);
  auto r = ComputeIndicators(snapshot, set_, chooser);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(Get(*r, 2012, "households", "32001"), 2);
  EXPECT_EQ(Get(*r, 2012, "poor_households", "32001"), 1);
  EXPECT_EQ(Get(*r, 2012, "near_poor_households", "32001"), 1);
  EXPECT_EQ(Get(*r, 2012, "poor_households", "964"), 2);
  EXPECT_EQ(Get(*r, 2012, "poor_households", "966"), 1);
  EXPECT_EQ(Get(*r, 2012, "poor_households", "96"), 3);
  EXPECT_EQ(Get(*r, 2012, "persons", "96"), 17);
  EXPECT_EQ(Get(*r, 2012, "poor_persons", "96"), 2 + 3 + 5);
  EXPECT_DOUBLE_EQ(Get(*r, 2012, "poverty_rate_households", "96"), 50.0);
  EXPECT_DOUBLE_EQ(Get(*r, 2012, "poverty_rate_persons", "96"), 100.0 * 10 / 17);
  EXPECT_DOUBLE_EQ(Get(*r, 2012, "poverty_rate_urban", "96"), 50.0);
  EXPECT_DOUBLE_EQ(Get(*r, 2012, "poverty_rate_rural", "96"), 50.0);
  IndicatorValue rate = r->Value(2012, set_.Find("poverty_rate_households"), r->units().Find("966"));
  EXPECT_EQ(rate.numerator, 1.0);
  EXPECT_EQ(rate.denominator, 2.0);
  // The 2011–2015 standard has no middle band: no value rather than zero.
  EXPECT_FALSE(r->Value(2012, set_.Find("middle_households"), 0).value.has_value());
  EXPECT_FALSE(r->Value(2012, set_.Find("middle_rate_households"), 0).value.has_value());
  // The first year on record has no transitions and no change.
  EXPECT_FALSE(r->Value(2012, set_.Find("escaped_households"), 0).value.has_value());
  EXPECT_FALSE(r->Value(2012, set_.Find("poverty_rate_change"), 0).value.has_value());
  // A year not computed has no value.
  EXPECT_FALSE(r->Value(2013, set_.Find("households"), 0).value.has_value());
}

TEST_F(IndicatorsTest, GroupsAndServices) {
  Snapshot snapshot(registry_->catalogue(), Tree());
  std::vector<Member> khmer = People(3);
  khmer[0].ethnicity = "Khmer";
  khmer[0].insured = true;
  khmer[1].insured = true;
  khmer[1].sex = Sex::kFemale;
  khmer[1].birth_year = 2012 - 56;  // a woman of 56: not of working age
  khmer[1].trained = true;
  khmer[2].birth_year = 2012 - 10;  // a child
  std::vector<Member> kinh = People(2);
  kinh[0].trained = true;
  kinh[1].sex = Sex::kFemale;
  kinh[1].birth_year = 2012 - 55;  // a woman of 55: of working age
  kinh[1].insured = true;
  rules::HouseholdRecord shack = Record(0, 2 * 300000, false, kinh);
  shack.survey.housing_quality = HousingQuality::kTemporary;
  AddYear(snapshot, 2012,
          {{1, "32002", Record(0, 3 * 300000, false, khmer)},  // poor Khmer
           {2, "32003", shack}});                               // poor, temporary house
  FixedStandard chooser(standard_);
  auto r = ComputeIndicators(snapshot, set_, chooser);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(Get(*r, 2012, "khmer_households", "96"), 1);
  EXPECT_DOUBLE_EQ(Get(*r, 2012, "poverty_rate_khmer", "96"), 100.0);
  EXPECT_EQ(Get(*r, 2012, "poor_temporary_housing", "96"), 1);
  EXPECT_EQ(Get(*r, 2012, "poor_temporary_housing", "964"), 0);
  EXPECT_EQ(Get(*r, 2012, "poor_near_poor_persons", "96"), 5);
  EXPECT_DOUBLE_EQ(Get(*r, 2012, "health_insurance_poor_near_poor", "96"), 100.0 * 3 / 5);
  // Working age: the Khmer head (32, man), the Kinh head (32, man) and the Kinh woman of 55.
  EXPECT_EQ(Get(*r, 2012, "working_age_persons", "96"), 3);
  EXPECT_EQ(Get(*r, 2012, "working_age_trained", "96"), 1);  // the trained woman of 56 is out
}

// FGT computed here straight from the records, in doubles, as the issue defines it.
double DirectFgt(const std::vector<rules::HouseholdRecord>& records, int alpha) {
  double sum = 0, persons = 0;
  for (const auto& h : records) {
    const double m = static_cast<double>(h.members.size());
    persons += m;
    const double z = h.urban ? 500000.0 : 400000.0;
    const double y = static_cast<double>(h.survey.income_month) / m;
    if (y <= z) sum += m * std::pow((z - y) / z, alpha);
  }
  return sum / persons;
}

TEST_F(IndicatorsTest, FgtMatchesADirectComputation) {
  std::mt19937_64 rng(7);
  std::uniform_int_distribution<int> size(1, 7), income(0, 900000);
  std::bernoulli_distribution urban(0.3);
  Snapshot snapshot(registry_->catalogue(), Tree());
  std::vector<std::tuple<std::int64_t, std::string, rules::HouseholdRecord>> rows;
  std::vector<rules::HouseholdRecord> records;
  const char* communes[] = {"32001", "32002", "32003"};
  for (int i = 0; i < 3000; ++i) {
    int m = size(rng);
    rules::HouseholdRecord h = Record(2013, static_cast<Vnd>(income(rng)) * m, urban(rng), People(m));
    records.push_back(h);
    rows.emplace_back(i + 1, communes[i % 3], h);
  }
  AddYear(snapshot, 2013, rows);
  FixedStandard chooser(standard_);
  auto r = ComputeIndicators(snapshot, set_, chooser);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  for (int alpha : {0, 1, 2}) {
    const std::string id = "fgt" + std::to_string(alpha);
    EXPECT_NEAR(Get(*r, 2013, id, "96"), DirectFgt(records, alpha), 1e-9) << id;
  }
  EXPECT_DOUBLE_EQ(Get(*r, 2013, "fgt0", "96") * 100, Get(*r, 2013, "poverty_rate_persons", "96"));
  EXPECT_GT(Get(*r, 2013, "fgt0", "96"), Get(*r, 2013, "fgt1", "96"));
  EXPECT_GT(Get(*r, 2013, "fgt1", "96"), Get(*r, 2013, "fgt2", "96"));
}

TEST_F(IndicatorsTest, TransitionsOverThreeYears) {
  Snapshot snapshot(registry_->catalogue(), Tree());
  auto poor = [](int m) { return Record(0, 100000 * m, false, People(m)); };
  auto rich = [](int m) { return Record(0, 900000 * m, false, People(m)); };
  // 1: poor, rich, poor (re-poor in 2014)   2: rich, poor, poor (newly poor in 2013)
  // 3: poor, poor, rich (escaped in 2014)   4: absent, poor, rich (newly poor in 2013, escaped)
  // 5: poor, absent, poor (not poor in 2013 means not surveyed: re-poor in 2014)
  AddYear(snapshot, 2012, {{1, "32002", poor(2)}, {2, "32002", rich(2)}, {3, "32003", poor(3)},
                           {5, "32003", poor(1)}});
  AddYear(snapshot, 2014, {{1, "32002", poor(2)}, {2, "32002", poor(2)}, {3, "32003", rich(3)},
                           {4, "32003", rich(1)}, {5, "32003", poor(1)}});
  AddYear(snapshot, 2013, {{1, "32002", rich(2)}, {2, "32002", poor(2)}, {3, "32003", poor(3)},
                           {4, "32003", poor(1)}});
  EXPECT_EQ(snapshot.households(), 5u);
  FixedStandard chooser(standard_);
  auto r = ComputeIndicators(snapshot, set_, chooser);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(Get(*r, 2013, "escaped_households", "96"), 1);   // 1
  EXPECT_EQ(Get(*r, 2013, "newly_poor_households", "96"), 2);  // 2, 4
  EXPECT_EQ(Get(*r, 2013, "repoor_households", "96"), 0);
  EXPECT_EQ(Get(*r, 2014, "escaped_households", "96"), 2);   // 3, 4
  EXPECT_EQ(Get(*r, 2014, "newly_poor_households", "96"), 0);
  EXPECT_EQ(Get(*r, 2014, "repoor_households", "96"), 2);   // 1, 5
  EXPECT_EQ(Get(*r, 2014, "repoor_households", "964"), 1);
  EXPECT_DOUBLE_EQ(Get(*r, 2014, "repoverty_rate", "96"), 100.0 * 2 / 3);
  // Rates: 2012 3/4, 2013 3/4, 2014 3/5.
  EXPECT_DOUBLE_EQ(Get(*r, 2014, "poverty_rate_change", "96"), 60.0 - 75.0);
  EXPECT_DOUBLE_EQ(Get(*r, 2013, "poverty_rate_change", "96"), 0.0);
}

TEST_F(IndicatorsTest, RollUpIsTheSumOfTheLeavesAndThreadsDoNotMatter) {
  std::mt19937_64 rng(11);
  auto records = rules::testing::RandomHouseholds(rng, 20000);  // two chunks of 16,384 rows
  std::vector<std::int64_t> ids;
  std::vector<UnitIndex> communes;
  Snapshot one(registry_->catalogue(), Tree());
  Snapshot many(registry_->catalogue(), Tree());
  const char* codes[] = {"32001", "32002", "32003"};
  for (std::size_t i = 0; i < records.size(); ++i) {
    records[i].survey.year = 2014;
    for (auto& m : records[i].members) m.year.year = 2014;
    ids.push_back(static_cast<std::int64_t>(i) * 3 + 1);
    communes.push_back(one.units().Find(codes[(i * 7) % 3]));
  }
  ASSERT_TRUE(one.AddYear(2014, ids, communes, records).ok());
  ASSERT_TRUE(many.AddYear(2014, ids, communes, records).ok());
  FixedStandard chooser(standard_);
  auto r1 = ComputeIndicators(one, set_, chooser);
  rules::ThreadPool pool(3);
  auto r3 = ComputeIndicators(many, set_, chooser, {.pool = &pool});
  ASSERT_TRUE(r1.ok()) << r1.status().ToString();
  ASSERT_TRUE(r3.ok()) << r3.status().ToString();
  const UnitTree& units = r1->units();
  int additive_checked = 0;
  for (int i = 0; i < static_cast<int>(set_.indicators().size()); ++i) {
    for (UnitIndex u = 0; u < units.size(); ++u) {
      IndicatorValue a = r1->Value(2014, i, u), b = r3->Value(2014, i, u);
      EXPECT_EQ(a.value, b.value) << set_.indicators()[i].id << " " << units.unit(u).code;
      EXPECT_EQ(a.numerator, b.numerator);
    }
    IndicatorKind kind = set_.indicators()[i].kind;
    if (kind != IndicatorKind::kCount) continue;
    if (!r1->Value(2014, i, 0).value) continue;
    // Every parent's count is the sum of its children's.
    for (UnitIndex p = 0; p < units.size(); ++p) {
      double children = 0;
      bool any = false;
      for (UnitIndex c = 0; c < units.size(); ++c) {
        if (units.parent(c) != p) continue;
        children += *r1->Value(2014, i, c).value;
        any = true;
      }
      if (any) {
        EXPECT_EQ(*r1->Value(2014, i, p).value, children) << set_.indicators()[i].id;
      }
    }
    ++additive_checked;
  }
  EXPECT_GE(additive_checked, 15);
  EXPECT_EQ(Get(*r1, 2014, "households", "96"), 20000);
}

TEST_F(IndicatorsTest, LoaderRefusesBadDefinitions) {
  const rules::Catalogue& cat = registry_->catalogue();
  auto bad = [&](std::string text) {
    auto set = IndicatorSet::LoadText(text, "t.toml", cat);
    EXPECT_FALSE(set.ok()) << text;
    return set.ok() ? Status::Ok() : set.status();
  };
  const std::string head =
      "[[indicator]]\nid = \"x\"\nname_vi = \"x\"\nname_en = \"x\"\nunit = \"u\"\n"
      "definition = \"d\"\n";
  EXPECT_EQ(bad(head + "kind = \"sum\"\n").field(), "kind");
  EXPECT_EQ(bad(head + "kind = \"ratio\"\nnumerator = \"x\"\ndenominator = \"x\"\n").field(),
            "numerator");
  EXPECT_EQ(bad(head + "kind = \"count\"\nwhere = \"members + 1\"\n").code(), ErrorCode::kTypeError);
  EXPECT_EQ(bad(head + "kind = \"count\"\nwhere = \"urbn\"\n").location().file, "t.toml");
  EXPECT_EQ(bad(head + "kind = \"count\"\ncategories = [\"rich\"]\n").field(), "categories");
  EXPECT_EQ(bad(head + "kind = \"fgt\"\nalpha = 3\ndenominator = \"x\"\n").field(), "alpha");
  EXPECT_EQ(bad(head + "kind = \"count\"\ncolour = 1\n").field(), "colour");
  EXPECT_EQ(bad(head + "kind = \"count\"\n" + head + "kind = \"count\"\n").field(), "id");
  auto ok = IndicatorSet::LoadText(head + "kind = \"count\"\nwhere = \"urban\"\n", "t.toml", cat);
  EXPECT_TRUE(ok.ok()) << ok.status().ToString();
}

TEST(UnitTreeTest, ParentsComeFirstAndBadTreesAreRefused) {
  UnitTree tree = Tree();
  ASSERT_EQ(tree.size(), 6);
  for (UnitIndex u = 0; u < tree.size(); ++u) EXPECT_LT(tree.parent(u), u);
  EXPECT_TRUE(tree.Within(tree.Find("32003"), tree.Find("96")));
  EXPECT_FALSE(tree.Within(tree.Find("32003"), tree.Find("964")));
  EXPECT_FALSE(UnitTree::Build({Unit("32001", UnitLevel::kCommune, "964")}).ok());
  EXPECT_FALSE(UnitTree::Build({Unit("96", UnitLevel::kProvince, ""),
                                Unit("32001", UnitLevel::kCommune, "96")}).ok());
  EXPECT_FALSE(UnitTree::Build({Unit("96", UnitLevel::kProvince, ""),
                                Unit("96", UnitLevel::kProvince, "")}).ok());
}

}  // namespace
}  // namespace ansinh::analytics
