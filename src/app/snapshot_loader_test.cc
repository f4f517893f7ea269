// The store's column-by-column read into the snapshot against the record path it replaced: a
// generated registry, plus a household whose head was entered after a child, read both ways, gives
// the same rows in every column of every year; and the session computes from it.
#include "app/snapshot_loader.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "app/analytics_session.h"
#include "core/clock.h"
#include "rules/frame_builder.h"
#include "rules/rules_testing.h"
#include "store/store.h"
#include "synth/synth_testing.h"

namespace ansinh::app {
namespace {

const std::string kHome = ANSINH_SOURCE_DIR;

class SnapshotLoaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "ansinh-app-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    const synth::GenerateOptions options = synth::testing::CaMauOptions(kHome, 600, 2014, 2016);
    auto db = synth::testing::GenerateIntoNewStore((dir_ / "t.db").string(), clock_, options);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(*db);
  }

  void TearDown() override {
    db_.reset();
    std::filesystem::remove_all(dir_);
  }

  // A household entered child first, surveyed in 2015 only: the head must still come first.
  void AddHeadAfterChild() {
    Household h;
    h.commune_code = "32002";
    h.hamlet_name = "Ấp Thử";
    auto household = db_->households().Add(h, {"test"});
    ASSERT_TRUE(household.ok()) << household.status().ToString();
    std::vector<std::int64_t> ids;
    for (Relation relation : {Relation::kChild, Relation::kHead}) {
      Person p;
      p.household_id = household->id;
      p.full_name = relation == Relation::kHead ? "Thạch Sa Rây" : "Thạch Bé";
      p.relation = relation;
      p.birth_date = relation == Relation::kHead ? "1970-03-02" : "2008";
      p.ethnicity = "Khmer";
      auto added = db_->households().AddPerson(p, {"test"});
      ASSERT_TRUE(added.ok()) << added.status().ToString();
      ids.push_back(added->id);
    }
    HouseholdYear y;
    y.household_id = household->id;
    y.year = 2015;
    y.income_month = 1'000'000;
    y.housing_area_m2 = 20;
    ASSERT_TRUE(db_->surveys().PutHouseholdYear(y, {"test"}).ok());
    for (std::int64_t id : ids) {
      PersonYear py;
      py.person_id = id;
      py.year = 2015;
      py.health_insurance = true;
      ASSERT_TRUE(db_->surveys().PutPersonYear(py, {"test"}).ok());
    }
  }

  SystemClock clock_;
  std::filesystem::path dir_;
  std::unique_ptr<store::Store> db_;
};

// Years read on 1 thread or on 3 (one connection each) are the same, and progress is reported.
class SnapshotLoaderThreadsTest : public SnapshotLoaderTest,
                                  public ::testing::WithParamInterface<int> {};

TEST_P(SnapshotLoaderThreadsTest, EveryYearEqualsTheRecordPath) {
  AddHeadAfterChild();
  const rules::Catalogue catalogue = rules::testing::CoreCatalogue();
  std::vector<std::pair<int, int>> progress;
  SnapshotRequest request;
  request.threads = GetParam();
  request.on_year = [&](int done, int total) { progress.emplace_back(done, total); };
  auto snapshot = LoadSnapshot(*db_, catalogue, request);
  ASSERT_TRUE(snapshot.ok()) << snapshot.status().ToString();
  ASSERT_EQ((*snapshot)->years().size(), 3u);
  if (GetParam() == 1) {
    EXPECT_EQ(progress, (std::vector<std::pair<int, int>>{{0, 3}, {1, 3}, {2, 3}, {3, 3}}));
  } else {
    ASSERT_GE(progress.size(), 2u);
    EXPECT_EQ(progress.front(), std::make_pair(0, 3));
    EXPECT_EQ(progress.back(), std::make_pair(3, 3));
    EXPECT_TRUE(std::is_sorted(progress.begin(), progress.end()));
  }
  for (const analytics::SurveyYear& year : (*snapshot)->years()) {
    auto rows = db_->surveys().YearSnapshot(year.year);
    ASSERT_TRUE(rows.ok());
    std::vector<rules::HouseholdRecord> records;
    std::vector<std::int64_t> ids;
    for (store::SurveyedHousehold& row : *rows) {
      rules::HouseholdRecord r;
      r.survey = row.survey;
      r.urban = row.urban;
      for (store::SurveyMember& m : row.members) r.members.push_back({m.person, m.year});
      records.push_back(std::move(r));
      ids.push_back(row.household.id);
      EXPECT_EQ(year.commune[ids.size() - 1],
                (*snapshot)->units().Find(row.household.commune_code));
    }
    EXPECT_EQ(year.household_id, ids);
    auto want = rules::BuildFrame(catalogue, records);
    ASSERT_TRUE(want.ok()) << want.status().ToString();
    int compared = 0;
    EXPECT_EQ(rules::testing::FrameDifference(*want, year.frame, &compared), "")
        << "year " << year.year;
    EXPECT_GE(compared, 30);
    EXPECT_GT(year.frame.households(), 500u);
  }
  // The added household is in 2015 only, with its head as the first member row.
  const analytics::SurveyYear* y2015 = (*snapshot)->Year(2015);
  ASSERT_NE(y2015, nullptr);
  const std::size_t last = y2015->frame.households() - 1;
  const rules::FieldId relation = catalogue.Find(rules::Scope::kMember, "relation");
  ASSERT_GE(relation, 0);
  const rules::Column* relations = y2015->frame.column(relation);
  ASSERT_NE(relations, nullptr);
  const auto first_member = y2015->frame.member_offsets()[last];
  EXPECT_EQ(y2015->frame.dictionary().text(relations->int32s()[first_member]), "head");
  EXPECT_EQ((*snapshot)->Year(2016)->frame.households() + 1, y2015->frame.households());
}

INSTANTIATE_TEST_SUITE_P(Threads, SnapshotLoaderThreadsTest, ::testing::Values(1, 3));

TEST_F(SnapshotLoaderTest, YearsUpToTheLastAskedAndAMissingYear) {
  const rules::Catalogue catalogue = rules::testing::CoreCatalogue();
  SnapshotRequest request;
  request.last_year = 2015;
  auto two = LoadSnapshot(*db_, catalogue, request);
  ASSERT_TRUE(two.ok()) << two.status().ToString();
  EXPECT_EQ((*two)->years().size(), 2u);
  EXPECT_EQ((*two)->years().back().year, 2015);
  request.last_year = 2019;
  auto none = LoadSnapshot(*db_, catalogue, request);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(none.status().field(), "year");
}

TEST_F(SnapshotLoaderTest, SessionCountsThePoorItClassified) {
  SessionOptions options;
  options.home = kHome;
  options.threads = 2;
  auto session = OpenAnalytics(*db_, options);
  ASSERT_TRUE(session.ok()) << session.status().ToString();
  const analytics::IndicatorResults& results = *(*session)->results;
  EXPECT_EQ((*session)->province_code, "96");
  EXPECT_EQ(results.years(), (std::vector<int>{2014, 2015, 2016}));
  const int poor = results.set().Find("poor_households");
  ASSERT_GE(poor, 0);
  const analytics::UnitIndex province = results.units().Find("96");
  for (int year : results.years()) {
    std::int64_t counted = 0;
    for (Category c : results.categories(year)) counted += c == Category::kPoor ? 1 : 0;
    const analytics::IndicatorValue value = results.Value(year, poor, province);
    ASSERT_TRUE(value.value.has_value());
    EXPECT_EQ(*value.value, static_cast<double>(counted)) << year;
    EXPECT_GT(counted, 0) << year;
  }
}

}  // namespace
}  // namespace ansinh::app
