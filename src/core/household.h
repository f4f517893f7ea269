// The registry's domain: households (hộ gia đình), their members (nhân khẩu), and what the annual
// survey records about each in a year. These are plain values; the store persists them, the rules
// read them, the analytics load them into columns.
//
// Codes are the interchange format's (docs/import-format.md): English ASCII words, with the
// Vietnamese words officers type accepted on input.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/money.h"
#include "core/status.h"

namespace ansinh {

enum class Sex : std::uint8_t { kMale, kFemale };
// Relation to the head of household (quan hệ với chủ hộ).
enum class Relation : std::uint8_t {
  kHead, kSpouse, kChild, kParent, kGrandchild, kSibling, kOther
};
// Housing quality as the survey grades it: kiên cố, bán kiên cố, thiếu kiên cố, đơn sơ (nhà tạm).
enum class HousingQuality : std::uint8_t {
  kPermanent, kSemiPermanent, kLessPermanent, kTemporary
};
// The result of classification under a standard.
enum class Category : std::uint8_t {
  kPoor,      // hộ nghèo
  kNearPoor,  // hộ cận nghèo
  kMiddle,    // hộ có mức sống trung bình (where the standard defines it)
  kOther,     // none of the above
};

std::string_view SexCode(Sex v);                        // "M", "F"
std::string_view RelationCode(Relation v);              // "head", "spouse", ...
std::string_view HousingQualityCode(HousingQuality v);  // "permanent", ...
std::string_view CategoryCode(Category v);              // "poor", "near_poor", "middle", "other"
std::string_view CategoryNameVi(Category v);            // "hộ nghèo", ...

// Parsers accept the code or its Vietnamese words, in any case; `field` names the input.
Result<Sex> ParseSex(std::string_view text, std::string_view field);
Result<Relation> ParseRelation(std::string_view text, std::string_view field);
Result<HousingQuality> ParseHousingQuality(std::string_view text, std::string_view field);
Result<Category> ParseCategory(std::string_view text, std::string_view field);
// "0"/"1" (also "có"/"không", "yes"/"no", "true"/"false").
Result<bool> ParseFlag(std::string_view text, std::string_view field);

struct Household {
  std::int64_t id = 0;       // registry id, assigned by the store
  std::string code;          // the household code officers use (mã hộ); unique; may be imported
  std::string commune_code;  // 5-digit GSO code
  std::int64_t hamlet_id = 0;
  std::string hamlet_name;   // filled on read
  std::string address;       // house number, street; free text
};

struct Person {
  std::int64_t id = 0;
  std::int64_t household_id = 0;
  std::string code;          // person code (mã nhân khẩu); unique; may be imported
  std::string full_name;     // NFC
  Sex sex = Sex::kMale;
  std::string birth_date;    // ISO "YYYY-MM-DD" or "YYYY"
  Relation relation = Relation::kOther;
  std::string ethnicity = "Kinh";
  std::string id_number;     // CCCD/CMND; may be empty
};

// What the annual survey records about a household in one year (phiếu B1/B2).
struct HouseholdYear {
  std::int64_t household_id = 0;
  int year = 0;
  Vnd income_month = 0;  // total household income per month
  HousingQuality housing_quality = HousingQuality::kPermanent;
  double housing_area_m2 = 0;  // floor area of the dwelling
  bool clean_water = false;       // nước sinh hoạt hợp vệ sinh
  bool hygienic_latrine = false;  // hố xí/nhà tiêu hợp vệ sinh
  bool telecom = false;           // uses telephone or internet
  bool info_assets = false;       // has TV, radio, computer, ... to get information
};

// What the annual survey records about a member in one year.
struct PersonYear {
  std::int64_t person_id = 0;
  int year = 0;
  bool health_insurance = false;
  bool in_school = false;
  int education_grade = 0;  // highest grade completed, 0..12
  bool trained = false;            // lao động qua đào tạo
  bool vocational_trained = false; // qua đào tạo nghề
  bool employed = false;
  int disability = 0;  // 0 none; otherwise the degree (1 = disabled)
  // Answers that only some standards' deprivation indicators need; false when not surveyed.
  bool sick_untreated = false;    // ill in the past 12 months and got no care (2016–2020 health)
  bool malnourished = false;      // child stunted or underweight (2022–2025 nutrition)
  bool wage_no_contract = false;  // works for wages without a labour contract (2022–2025)
  bool social_allowance = false;  // receives a monthly social-assistance allowance
};

}  // namespace ansinh
