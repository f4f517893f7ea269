// The year builder against rules::BuildFrame: the same random households built both ways give
// the same rows in every column (codes compared by their texts), and the year goes into a
// snapshot like one made from records.
#include "analytics/year_builder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "rules/frame_builder.h"
#include "rules/rules_testing.h"

namespace ansinh::analytics {
namespace {

// Province 96, district 964, communes 32001 (urban) and 32002.
UnitTree BuilderTree() {
  auto unit = [](std::string code, UnitLevel level, std::string parent) {
    AdminUnit u;
    u.code = std::move(code);
    u.level = level;
    u.parent_code = std::move(parent);
    return u;
  };
  auto tree = UnitTree::Build({unit("96", UnitLevel::kProvince, ""),
                               unit("964", UnitLevel::kDistrict, "96"),
                               unit("32001", UnitLevel::kCommune, "964"),
                               unit("32002", UnitLevel::kCommune, "964")});
  EXPECT_TRUE(tree.ok()) << tree.status().ToString();
  return std::move(tree).value();
}

// RandomHouseholds with what the builder does not take (the classification's lines, scores and
// deprivation count) set to what a survey carries: none.
std::vector<rules::HouseholdRecord> SurveyOnly(std::uint64_t seed, int count) {
  std::mt19937_64 rng(seed);
  std::vector<rules::HouseholdRecord> records = rules::testing::RandomHouseholds(rng, count);
  for (rules::HouseholdRecord& r : records) {
    r.line_poor.reset();
    r.line_near_poor.reset();
    r.line_middle.reset();
    r.score_a = r.score_b = r.deprivation_count = 0;
  }
  return records;
}

Result<SurveyYear> Build(const rules::Catalogue& catalogue,
                         const std::vector<rules::HouseholdRecord>& records,
                         const std::vector<UnitIndex>& communes, bool reserve) {
  YearBuilder builder(catalogue, 2014);
  if (reserve) builder.Reserve(records.size(), 4 * records.size());
  for (std::size_t i = 0; i < records.size(); ++i) {
    builder.AddHousehold(static_cast<std::int64_t>(10 * i + 1), communes[i], records[i].survey,
                         records[i].urban);
    for (const rules::MemberRecord& m : records[i].members) {
      Status s = builder.AddMember(m.person, m.year);
      if (!s.ok()) return s;
    }
  }
  return builder.Finish();
}

// Every column of the catalogue: present in both or neither, equal row for row.
void ExpectSameFrame(const rules::Frame& want, const rules::Frame& got) {
  int compared = 0;
  EXPECT_EQ(rules::testing::FrameDifference(want, got, &compared), "");
  EXPECT_GE(compared, 30);  // 15 household and 15 member columns at least
}

TEST(YearBuilder, EqualsBuildFrameColumnByColumn) {
  const rules::Catalogue catalogue = rules::testing::CoreCatalogue();
  for (std::uint64_t seed : {1u, 2u, 3u}) {
    for (bool reserve : {false, true}) {
      std::vector<rules::HouseholdRecord> records = SurveyOnly(seed, 700);
      std::vector<UnitIndex> communes(records.size(), 2);
      auto want = rules::BuildFrame(catalogue, records);
      ASSERT_TRUE(want.ok()) << want.status().ToString();
      auto got = Build(catalogue, records, communes, reserve);
      ASSERT_TRUE(got.ok()) << got.status().ToString();
      EXPECT_EQ(got->year, 2014);
      ASSERT_EQ(got->household_id.size(), records.size());
      EXPECT_EQ(got->household_id[3], 31);
      EXPECT_EQ(got->commune, communes);
      ExpectSameFrame(*want, got->frame);
    }
  }
}

TEST(YearBuilder, EmptyHouseholdsFirstAndLast) {
  const rules::Catalogue catalogue = rules::testing::CoreCatalogue();
  std::vector<rules::HouseholdRecord> records = SurveyOnly(7, 5);
  records.front().members.clear();
  records.back().members.clear();
  auto want = rules::BuildFrame(catalogue, records);
  ASSERT_TRUE(want.ok());
  auto got = Build(catalogue, records, std::vector<UnitIndex>(5, 3), false);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  ExpectSameFrame(*want, got->frame);
}

TEST(YearBuilder, NoHouseholds) {
  const rules::Catalogue catalogue = rules::testing::CoreCatalogue();
  YearBuilder builder(catalogue, 2014);
  auto year = builder.Finish();
  ASSERT_TRUE(year.ok()) << year.status().ToString();
  EXPECT_EQ(year->frame.households(), 0u);
  EXPECT_EQ(year->frame.member_rows(), 0u);
}

TEST(YearBuilder, BadBirthDateIsRefused) {
  const rules::Catalogue catalogue = rules::testing::CoreCatalogue();
  YearBuilder builder(catalogue, 2014);
  HouseholdYear survey;
  survey.year = 2014;
  builder.AddHousehold(1, 2, survey, false);
  Person p;
  p.birth_date = "19x5";
  EXPECT_EQ(builder.AddMember(p, PersonYear{}).code(), ErrorCode::kInvalidArgument);
  p.birth_date = "1975";
  EXPECT_TRUE(builder.AddMember(p, PersonYear{}).ok());
  auto year = builder.Finish();
  ASSERT_TRUE(year.ok());
  EXPECT_EQ(year->frame.member_rows(), 1u);
}

// A built year goes into a snapshot, takes the same memory as the records' year, and the builder
// can start the next year afresh.
TEST(YearBuilder, IntoSnapshotLikeRecords) {
  const rules::Catalogue catalogue = rules::testing::CoreCatalogue();
  std::vector<rules::HouseholdRecord> records = SurveyOnly(11, 300);
  std::vector<UnitIndex> communes(records.size());
  std::vector<std::int64_t> ids(records.size());
  for (std::size_t i = 0; i < records.size(); ++i) {
    communes[i] = i % 2 == 0 ? 2 : 3;
    ids[i] = static_cast<std::int64_t>(10 * i + 1);
  }
  Snapshot from_records(catalogue, BuilderTree());
  ASSERT_TRUE(from_records.AddYear(2014, ids, communes, records).ok());

  Snapshot built(catalogue, BuilderTree());
  auto year = Build(catalogue, records, communes, true);
  ASSERT_TRUE(year.ok());
  ASSERT_TRUE(built.AddYear(std::move(year).value()).ok());
  const Snapshot::Memory a = from_records.MemoryUse();
  const Snapshot::Memory b = built.MemoryUse();
  EXPECT_EQ(a.household_rows, b.household_rows);
  EXPECT_EQ(a.member_rows, b.member_rows);
  EXPECT_EQ(a.household_bytes, b.household_bytes);
  EXPECT_EQ(a.member_bytes, b.member_bytes);
  ExpectSameFrame(from_records.Year(2014)->frame, built.Year(2014)->frame);

  // The same builder again: a fresh year, and a commune outside the tree is the snapshot's
  // error, not the builder's.
  YearBuilder builder(catalogue, 2015);
  builder.AddHousehold(1, 0, HouseholdYear{}, false);  // 0 is the province
  auto bad = builder.Finish();
  ASSERT_TRUE(bad.ok());
  EXPECT_EQ(built.AddYear(std::move(bad).value()).code(), ErrorCode::kInvalidArgument);
}

TEST(FrameAdoptColumn, RefusesWrongStorageOrLength) {
  const rules::Catalogue catalogue = rules::testing::CoreCatalogue();
  rules::Frame frame(catalogue);
  ASSERT_TRUE(frame.SetMemberOffsets({0, 2, 3}).ok());
  const rules::FieldId income = catalogue.Find(rules::Scope::kHousehold, "income_month");
  const rules::FieldId age = catalogue.Find(rules::Scope::kMember, "age");
  EXPECT_EQ(frame.AdoptColumn(income, rules::Column(std::vector<std::int64_t>{1, 2, 3})).code(),
            ErrorCode::kInvalidArgument);  // 3 rows for 2 households
  EXPECT_EQ(frame.AdoptColumn(income, rules::Column(std::vector<double>{1, 2})).code(),
            ErrorCode::kInvalidArgument);  // decimals for an int64 field
  EXPECT_EQ(frame.column(income), nullptr);
  ASSERT_TRUE(frame.AdoptColumn(income, rules::Column(std::vector<std::int64_t>{5, 7})).ok());
  EXPECT_EQ(frame.column(income)->int64s()[1], 7);
  ASSERT_TRUE(frame
                  .AdoptColumn(age, rules::Column(rules::Storage::kInt32,
                                                  std::vector<std::int32_t>{30, 31, 32}))
                  .ok());
  EXPECT_EQ(frame.column(age)->int32s()[2], 32);
}

}  // namespace
}  // namespace ansinh::analytics
