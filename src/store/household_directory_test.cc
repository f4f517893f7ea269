#include "store/household_directory.h"

#include <gtest/gtest.h>

#include "store/test_util.h"

namespace ansinh::store {
namespace {

class HouseholdDirectoryTest : public testing::StoreTest {
 protected:
  Household InCommune(const std::string& commune, const std::string& code) {
    Household h;
    h.code = code;
    h.commune_code = commune;
    h.hamlet_name = "Ấp 1";
    auto added = store_->households().Add(h, actor_);
    EXPECT_TRUE(added.ok()) << added.status().ToString();
    return added.ok() ? *added : Household{};
  }
  void Member(std::int64_t household, const std::string& name, Relation relation,
              const std::string& id_number = "") {
    Person p;
    p.household_id = household;
    p.full_name = name;
    p.birth_date = "1980-05-01";
    p.relation = relation;
    p.id_number = id_number;
    ASSERT_TRUE(store_->households().AddPerson(p, actor_).ok());
  }
};

TEST_F(HouseholdDirectoryTest, ListsTheCommunesAskedForWithHeadMembersAndIncome) {
  Household a = InCommune("32014", "A-1");
  Household b = InCommune("32200", "B-1");
  Member(a.id, "Trần Thị Bé", Relation::kSpouse);
  Member(a.id, "Nguyễn Văn An", Relation::kHead);
  Member(b.id, "Lê Văn Cường", Relation::kHead);
  HouseholdYear y;
  y.household_id = a.id;
  y.year = 2014;
  y.income_month = 3'000'000;
  y.housing_area_m2 = 30;
  ASSERT_TRUE(store_->surveys().PutHouseholdYear(y, actor_).ok());

  HouseholdDirectory dir(*store_);
  auto rows = dir.List({"32014"}, 2014);
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0].code, "A-1");
  EXPECT_EQ((*rows)[0].head_name, "Nguyễn Văn An");
  EXPECT_EQ((*rows)[0].members, 2);
  EXPECT_EQ((*rows)[0].hamlet, "Ấp 1");
  EXPECT_EQ((*rows)[0].income_month, 3'000'000);
  auto years = dir.SurveyYears();
  ASSERT_TRUE(years.ok());
  EXPECT_EQ(*years, std::vector<int>{2014});
  auto other_year = dir.List({"32014", "32200"}, 2015);
  ASSERT_TRUE(other_year.ok());
  ASSERT_EQ(other_year->size(), 2u);
  EXPECT_FALSE((*other_year)[0].income_month.has_value());
}

TEST_F(HouseholdDirectoryTest, SearchIgnoresDiacriticsAndStaysInTheArea) {
  Household a = InCommune("32014", "A-1");
  Household b = InCommune("32200", "B-1");
  Member(a.id, "Nguyễn Văn An", Relation::kHead, "095080001234");
  Member(a.id, "Phạm Thị Hoà", Relation::kSpouse);
  Member(b.id, "Nguyễn Văn Anh", Relation::kHead);
  HouseholdDirectory dir(*store_);

  auto by_name = dir.Search({"32014", "32200"}, "nguyen van an", 10);
  ASSERT_TRUE(by_name.ok()) << by_name.status().ToString();
  ASSERT_EQ(by_name->size(), 2u);  // "An" and "Anh" both start with "an"
  auto scoped = dir.Search({"32014"}, "nguyen van an", 10);
  ASSERT_TRUE(scoped.ok());
  ASSERT_EQ(scoped->size(), 1u);
  EXPECT_EQ((*scoped)[0].code, "A-1");
  EXPECT_EQ((*scoped)[0].matched_person, "Nguyễn Văn An");

  // A later word of the name, with the other tone placement ("Hòa" for "Hoà").
  auto word = dir.Search({"32014"}, "Hòa", 10);
  ASSERT_TRUE(word.ok());
  ASSERT_EQ(word->size(), 1u);
  EXPECT_EQ((*word)[0].matched_person, "Phạm Thị Hoà");

  auto id = dir.Search({"32014"}, "095080001234", 10);
  ASSERT_TRUE(id.ok());
  ASSERT_EQ(id->size(), 1u);
  EXPECT_EQ((*id)[0].matched_person, "Nguyễn Văn An");

  auto code = dir.Search({"32014", "32200"}, "B-", 10);
  ASSERT_TRUE(code.ok());
  ASSERT_EQ(code->size(), 1u);
  EXPECT_EQ((*code)[0].code, "B-1");
  EXPECT_EQ((*code)[0].matched_person, "");

  auto none = dir.Search({"32014"}, "Lê", 10);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

}  // namespace
}  // namespace ansinh::store
