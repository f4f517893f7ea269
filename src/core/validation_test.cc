#include "core/validation.h"

#include <gtest/gtest.h>

#include <limits>

namespace ansinh {
namespace {

// 2024-06-15T00:00:00Z: 07:00 on 15 June 2024 in Vietnam.
constexpr std::int64_t kJune15 = 1718409600;

Household GoodHousehold() {
  Household h;
  h.commune_code = "32014";
  h.hamlet_name = "Ấp Ninh Thạnh";
  h.address = "Số 12";
  return h;
}

Person GoodPerson() {
  Person p;
  p.household_id = 1;
  p.full_name = "Nguyễn Văn A";
  p.sex = Sex::kMale;
  p.birth_date = "1980-02-29";
  p.relation = Relation::kHead;
  return p;
}

HouseholdYear GoodHouseholdYear() {
  HouseholdYear y;
  y.household_id = 1;
  y.year = 2024;
  y.income_month = 3'000'000;
  y.housing_area_m2 = 45.5;
  return y;
}

void ExpectInvalid(const Status& s, const std::string& field) {
  EXPECT_EQ(s.code(), ErrorCode::kInvalidArgument) << s.ToString();
  EXPECT_EQ(s.field(), field) << s.ToString();
  EXPECT_FALSE(s.message_vi().empty());
  EXPECT_FALSE(s.message_en().empty());
}

TEST(ValidateHousehold, AcceptsAGoodHousehold) {
  EXPECT_TRUE(ValidateHousehold(GoodHousehold()).ok());
}

TEST(ValidateHousehold, NamesTheBadField) {
  Household h = GoodHousehold();
  h.commune_code = "3201";
  ExpectInvalid(ValidateHousehold(h), "commune");
  h = GoodHousehold();
  h.hamlet_name = "  ";
  ExpectInvalid(ValidateHousehold(h), "hamlet");
  h = GoodHousehold();
  h.code = std::string(65, 'x');
  ExpectInvalid(ValidateHousehold(h), "code");
  h = GoodHousehold();
  h.address = "bad\xff";
  ExpectInvalid(ValidateHousehold(h), "address");
}

TEST(ValidatePerson, AcceptsGoodPersonsAndYearOnlyBirths) {
  FixedClock clock(kJune15);
  EXPECT_TRUE(ValidatePerson(GoodPerson(), clock).ok());
  Person p = GoodPerson();
  p.birth_date = "2024";  // this year, day unknown
  EXPECT_TRUE(ValidatePerson(p, clock).ok());
  p.birth_date = "2024-06-15";  // born today
  EXPECT_TRUE(ValidatePerson(p, clock).ok());
  p.id_number = "123456789";
  EXPECT_TRUE(ValidatePerson(p, clock).ok());
  p.id_number = "096123456789";
  EXPECT_TRUE(ValidatePerson(p, clock).ok());
}

TEST(ValidatePerson, RejectsEmptyOrDecomposedNames) {
  FixedClock clock(kJune15);
  Person p = GoodPerson();
  p.full_name = "";
  ExpectInvalid(ValidatePerson(p, clock), "full_name");
  p.full_name = "Nguye\xcc\x82\xcc\x83n";  // e + combining circumflex + combining tilde (NFD)
  ExpectInvalid(ValidatePerson(p, clock), "full_name");
}

TEST(ValidatePerson, RejectsBadOrFutureBirthDates) {
  FixedClock clock(kJune15);
  Person p = GoodPerson();
  for (const char* bad : {"", "1980-02-30", "15/06/1980", "2024-06-16", "2025"}) {
    p.birth_date = bad;
    ExpectInvalid(ValidatePerson(p, clock), "birth_date");
  }
}

TEST(ValidatePerson, RejectsBadIdNumbers) {
  FixedClock clock(kJune15);
  Person p = GoodPerson();
  for (const char* bad : {"12345678", "1234567890", "12345678a", "0961234567890"}) {
    p.id_number = bad;
    ExpectInvalid(ValidatePerson(p, clock), "id_number");
  }
}

TEST(ValidatePerson, RejectsEmptyEthnicity) {
  FixedClock clock(kJune15);
  Person p = GoodPerson();
  p.ethnicity = "";
  ExpectInvalid(ValidatePerson(p, clock), "ethnicity");
}

TEST(ValidateHouseholdYear, ChecksYearIncomeAndArea) {
  EXPECT_TRUE(ValidateHouseholdYear(GoodHouseholdYear()).ok());
  HouseholdYear y = GoodHouseholdYear();
  y.year = 1989;
  ExpectInvalid(ValidateHouseholdYear(y), "year");
  y.year = 2101;
  ExpectInvalid(ValidateHouseholdYear(y), "year");
  y = GoodHouseholdYear();
  y.income_month = -1;
  ExpectInvalid(ValidateHouseholdYear(y), "income_month");
  y = GoodHouseholdYear();
  y.income_month = 0;
  EXPECT_TRUE(ValidateHouseholdYear(y).ok());
  for (double bad : {0.0, -3.0, 10000.0, std::numeric_limits<double>::quiet_NaN()}) {
    y.housing_area_m2 = bad;
    ExpectInvalid(ValidateHouseholdYear(y), "housing_area_m2");
  }
}

TEST(ValidatePersonYear, ChecksGradeAndDisability) {
  PersonYear y;
  y.person_id = 1;
  y.year = 2024;
  y.education_grade = 12;
  EXPECT_TRUE(ValidatePersonYear(y).ok());
  y.education_grade = 13;
  ExpectInvalid(ValidatePersonYear(y), "education_grade");
  y.education_grade = -1;
  ExpectInvalid(ValidatePersonYear(y), "education_grade");
  y.education_grade = 0;
  y.disability = -1;
  ExpectInvalid(ValidatePersonYear(y), "disability");
  y.disability = 2;
  y.year = 3000;
  ExpectInvalid(ValidatePersonYear(y), "year");
}

}  // namespace
}  // namespace ansinh
