#include "core/validation.h"

#include <string>
#include <string_view>

#include "core/admin_unit.h"
#include "core/date.h"
#include "core/text.h"

namespace ansinh {
namespace {

constexpr std::size_t kMaxCodeBytes = 64;
constexpr std::size_t kMaxTextBytes = 500;

bool AllDigits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

bool HasControlCharacter(std::string_view s) {
  for (unsigned char c : s) {
    if (c < 0x20 || c == 0x7f) return true;
  }
  return false;
}

// Well-formed UTF-8, NFC, no control characters, at most `max_bytes`; empty when !required.
Status CheckText(std::string_view field, std::string_view value, bool required,
                 std::size_t max_bytes) {
  auto invalid = [&](const char* vi, const char* en) {
    return Status::Invalid(std::string(field), std::string(value), vi, en);
  };
  if (value.empty() || Trim(value).empty()) {
    if (required) return invalid("không được để trống", "must not be empty");
    if (value.empty()) return Status::Ok();
  }
  if (!IsValidUtf8(value))
    return invalid("văn bản không phải UTF-8 hợp lệ", "text is not valid UTF-8");
  if (HasControlCharacter(value)) {
    return invalid("văn bản chứa ký tự điều khiển", "text contains control characters");
  }
  if (NormalizeNfc(value) != value) {
    return invalid("văn bản chưa chuẩn hóa Unicode NFC", "text is not in Unicode NFC");
  }
  if (value.size() > max_bytes) {
    return Status::Invalid(std::string(field), std::string(value),
                           "quá dài (tối đa " + std::to_string(max_bytes) + " byte)",
                           "too long (at most " + std::to_string(max_bytes) + " bytes)");
  }
  return Status::Ok();
}

Status CheckBirthDate(std::string_view text, const Clock& clock) {
  if (text.empty()) {
    return Status::Invalid("birth_date", "", "cần ngày sinh (YYYY-MM-DD hoặc YYYY)",
                           "a birth date is required (YYYY-MM-DD or YYYY)");
  }
  Result<Date> birth = ParseIsoDate(text, "birth_date");
  if (!birth.ok()) return birth.status();
  const Date today = clock.Today();
  // A year-only date is in the future only when its whole year is.
  const bool future = birth->year_only() ? birth->year > today.year : *birth > today;
  if (future) {
    return Status::Invalid("birth_date", std::string(text), "ngày sinh ở tương lai",
                           "the birth date is in the future");
  }
  return Status::Ok();
}

Status CheckIdNumber(std::string_view id_number) {
  if (id_number.empty()) return Status::Ok();
  if (!AllDigits(id_number) || (id_number.size() != 9 && id_number.size() != 12)) {
    return Status::Invalid("id_number", std::string(id_number),
                           "số CMND có 9 chữ số, số CCCD có 12 chữ số",
                           "an ID number has 9 (CMND) or 12 (CCCD) digits");
  }
  return Status::Ok();
}

}  // namespace

Status ValidateSurveyYear(int year) {
  if (year < kMinSurveyYear || year > kMaxSurveyYear) {
    return Status::Invalid("year", std::to_string(year), "năm khảo sát phải từ 1990 đến 2100",
                           "the survey year must be between 1990 and 2100");
  }
  return Status::Ok();
}

Status ValidateHousehold(const Household& household) {
  ANSINH_RETURN_IF_ERROR(ValidateUnitCode(household.commune_code, UnitLevel::kCommune, "commune"));
  ANSINH_RETURN_IF_ERROR(CheckText("hamlet", household.hamlet_name, true, kMaxTextBytes));
  ANSINH_RETURN_IF_ERROR(CheckText("code", household.code, false, kMaxCodeBytes));
  return CheckText("address", household.address, false, kMaxTextBytes);
}

Status ValidatePerson(const Person& person, const Clock& clock) {
  ANSINH_RETURN_IF_ERROR(CheckText("full_name", person.full_name, true, kMaxTextBytes));
  ANSINH_RETURN_IF_ERROR(CheckBirthDate(person.birth_date, clock));
  ANSINH_RETURN_IF_ERROR(CheckIdNumber(person.id_number));
  ANSINH_RETURN_IF_ERROR(CheckText("ethnicity", person.ethnicity, true, kMaxCodeBytes));
  return CheckText("code", person.code, false, kMaxCodeBytes);
}

Status ValidateHouseholdYear(const HouseholdYear& survey) {
  ANSINH_RETURN_IF_ERROR(ValidateSurveyYear(survey.year));
  if (survey.income_month < 0) {
    return Status::Invalid("income_month", std::to_string(survey.income_month),
                           "thu nhập không được âm", "income must not be negative");
  }
  // NaN fails both comparisons and is rejected with the rest.
  if (!(survey.housing_area_m2 > 0 && survey.housing_area_m2 < 10000)) {
    return Status::Invalid("housing_area_m2", std::to_string(survey.housing_area_m2),
                           "diện tích nhà phải lớn hơn 0 và nhỏ hơn 10.000 m²",
                           "the floor area must be above 0 and below 10,000 m²");
  }
  return Status::Ok();
}

Status ValidatePersonYear(const PersonYear& survey) {
  ANSINH_RETURN_IF_ERROR(ValidateSurveyYear(survey.year));
  if (survey.education_grade < 0 || survey.education_grade > 12) {
    return Status::Invalid("education_grade", std::to_string(survey.education_grade),
                           "lớp cao nhất phải từ 0 đến 12", "the highest grade must be 0 to 12");
  }
  if (survey.disability < 0) {
    return Status::Invalid("disability", std::to_string(survey.disability),
                           "mức độ khuyết tật không được âm",
                           "the disability degree must not be negative");
  }
  return Status::Ok();
}

}  // namespace ansinh
