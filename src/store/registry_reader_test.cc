// RegistryReader on a store filled through the repositories: one survey year whole (households
// with hamlet names, every member, that year's surveys, custom attributes), in id order.
#include "store/registry_reader.h"

#include <gtest/gtest.h>

#include "store/sqlite.h"
#include "store/test_util.h"

namespace ansinh::store {
namespace {

class RegistryReaderTest : public testing::StoreTest {
 protected:
  void Survey(std::int64_t household_id, int year, Vnd income) {
    HouseholdYear y;
    y.household_id = household_id;
    y.year = year;
    y.income_month = income;
    y.housing_quality = HousingQuality::kLessPermanent;
    y.housing_area_m2 = 32.5;
    y.telecom = true;
    ASSERT_TRUE(store_->surveys().PutHouseholdYear(y, actor_).ok());
  }
  void Survey(const Person& p, int year, int grade) {
    PersonYear y;
    y.person_id = p.id;
    y.year = year;
    y.education_grade = grade;
    y.health_insurance = true;
    y.malnourished = true;
    ASSERT_TRUE(store_->surveys().PutPersonYear(y, actor_).ok());
  }
  Person Member(std::int64_t household_id, const std::string& name, Relation relation) {
    Person p;
    p.household_id = household_id;
    p.full_name = name;
    p.birth_date = "2010";
    p.sex = Sex::kFemale;
    p.relation = relation;
    auto added = store_->households().AddPerson(p, actor_);
    EXPECT_TRUE(added.ok()) << added.status().ToString();
    return added.ok() ? added.value() : Person{};
  }
  // Custom attributes are written by the import; here straight into the table.
  void Attribute(const char* entity, std::int64_t id, int year, const char* name,
                 const char* value) {
    auto db = Database::Open(path_, {});
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)
                    ->Execute("INSERT INTO custom_attributes VALUES (?1, ?2, ?3, ?4, ?5)",
                              {entity, id, year, name, value})
                    .ok());
  }
};

TEST_F(RegistryReaderTest, ReadsOneYearWhole) {
  const Household a = NewHousehold("Ấp Ninh Thạnh");
  const Household b = NewHousehold("Ấp Tân Lợi");
  const Household c = NewHousehold();  // surveyed in another year only
  const Person a1 = NewPerson(a.id, "Nguyễn Văn A");
  const Person b1 = NewPerson(b.id, "Trần Văn B");
  const Person a2 = Member(a.id, "Nguyễn Thị Út", Relation::kChild);  // not surveyed in 2024
  const Person b2 = Member(b.id, "Trần Thị C", Relation::kSpouse);
  const Person c1 = NewPerson(c.id, "Lê Văn D");
  Survey(b.id, 2024, 2000000);
  Survey(a.id, 2024, 1500000);
  Survey(a.id, 2023, 1000000);
  Survey(c.id, 2023, 900000);
  Survey(b2, 2024, 7);
  Survey(a1, 2024, 9);
  Survey(b1, 2024, 12);
  Survey(a1, 2023, 8);
  Survey(c1, 2023, 5);
  Attribute("household", a.id, 0, "ghi chú", "gần chợ");
  Attribute("household", c.id, 0, "ghi chú", "not in 2024");
  Attribute("person", a2.id, 0, "nghề nghiệp", "học sinh");
  Attribute("household_year", b.id, 2024, "health_access", "1");
  Attribute("household_year", b.id, 2023, "health_access", "0");
  Attribute("person_year", b2.id, 2024, "nutrition", "stunted");
  Attribute("person_year", b2.id, 2024, "bmi", "17");

  RegistryReader reader(*store_);
  Result<RegistryYear> year = reader.ReadYear(2024);
  ASSERT_TRUE(year.ok()) << year.status().ToString();
  EXPECT_EQ(year->year, 2024);
  ASSERT_EQ(year->households.size(), 2u);
  EXPECT_EQ(year->households[0].household.id, a.id);
  EXPECT_EQ(year->households[0].household.code, a.code);
  EXPECT_EQ(year->households[0].household.hamlet_name, "Ấp Ninh Thạnh");
  EXPECT_EQ(year->households[1].household.hamlet_name, "Ấp Tân Lợi");
  EXPECT_EQ(year->households[0].attributes, (RowAttributes{{"ghi chú", "gần chợ"}}));
  EXPECT_TRUE(year->households[1].attributes.empty());

  ASSERT_EQ(year->persons.size(), 4u);  // a2 has no survey in 2024 but is a member
  EXPECT_EQ(year->persons[0].person.id, a1.id);
  EXPECT_EQ(year->persons[1].person.id, b1.id);
  EXPECT_EQ(year->persons[2].person.id, a2.id);
  EXPECT_EQ(year->persons[2].person.full_name, "Nguyễn Thị Út");
  EXPECT_EQ(year->persons[2].person.relation, Relation::kChild);
  EXPECT_EQ(year->persons[2].attributes.at("nghề nghiệp"), "học sinh");
  EXPECT_EQ(year->persons[3].person.id, b2.id);

  ASSERT_EQ(year->household_years.size(), 2u);
  EXPECT_EQ(year->household_years[0].survey.household_id, a.id);
  EXPECT_EQ(year->household_years[0].survey.income_month, 1500000);
  EXPECT_EQ(year->household_years[1].survey.housing_area_m2, 32.5);
  EXPECT_EQ(year->household_years[1].attributes, (RowAttributes{{"health_access", "1"}}));

  ASSERT_EQ(year->person_years.size(), 3u);
  EXPECT_EQ(year->person_years[0].survey.person_id, a1.id);
  EXPECT_EQ(year->person_years[0].survey.education_grade, 9);
  EXPECT_EQ(year->person_years[1].survey.person_id, b1.id);
  EXPECT_EQ(year->person_years[2].survey.person_id, b2.id);
  EXPECT_TRUE(year->person_years[2].survey.malnourished);
  EXPECT_EQ(year->person_years[2].attributes,
            (RowAttributes{{"bmi", "17"}, {"nutrition", "stunted"}}));

  Result<std::vector<int>> years = reader.SurveyYears();
  ASSERT_TRUE(years.ok());
  EXPECT_EQ(*years, (std::vector<int>{2023, 2024}));
}

TEST_F(RegistryReaderTest, AYearWithNoSurveyIsNotFound) {
  const Household a = NewHousehold();
  NewPerson(a.id);
  Survey(a.id, 2023, 1000000);
  RegistryReader reader(*store_);
  Result<RegistryYear> year = reader.ReadYear(2019);
  ASSERT_FALSE(year.ok());
  EXPECT_EQ(year.status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(year.status().field(), "year");
}

}  // namespace
}  // namespace ansinh::store
