// Building one survey year of the snapshot column by column, a household at a time: the way to
// fill a snapshot from a stream (the generator's CSV folder in the national benchmark, a reader
// of the store) without first holding every household as a rules::HouseholdRecord.
//
// Owns: the growing column vectors of one year (household columns, member columns, the CSR
// offsets, registry ids and communes) until Finish hands them to a SurveyYear without a copy
// (rules::Frame::AdoptColumn).
// Must stay true: the rows Finish yields equal, column for column, what rules::BuildFrame makes
// of the same households (dictionary codes may be numbered differently; their texts are equal):
// members = the member rows added after the household; age = the survey's year - birth year;
// housing_area_pc = housing_area_m2 / members (0 without members); the lines, scores and
// deprivation count are not survey data and start at 0 (classification writes them). Nothing per
// row is a std::string: a member costs its column bytes only. Ids must ascend and communes be
// communes of the snapshot's tree; Snapshot::AddYear checks both.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analytics/snapshot.h"
#include "analytics/unit_tree.h"
#include "core/household.h"
#include "core/status.h"
#include "rules/catalogue.h"

namespace ansinh::analytics {

// A member as the frame needs it: no name, code or id number.
struct MemberInput {
  int birth_year = 0;
  Sex sex = Sex::kMale;
  Relation relation = Relation::kOther;
  std::string_view ethnicity = "Kinh";  // read during the call only
  PersonYear year;                      // person_id and year are not used
};

class YearBuilder {
 public:
  // `catalogue` (RegisterCoreFields at least) must outlive the builder and the year it yields.
  YearBuilder(const rules::Catalogue& catalogue, int year);

  // Room for this many rows, so that the vectors do not grow by doubling (optional).
  void Reserve(std::size_t households, std::size_t members);

  // Starts the next household row; its members follow before the next household.
  void AddHousehold(std::int64_t id, UnitIndex commune, const HouseholdYear& survey, bool urban);
  // A member of the last household added (there must be one: asserts).
  void AddMember(const MemberInput& member);
  // The same from the domain structs; kInvalidArgument when the birth date has no year.
  Status AddMember(const Person& person, const PersonYear& year);

  std::size_t households() const { return household_id_.size(); }
  std::size_t member_rows() const { return age_.size(); }

  // The year, ready for Snapshot::AddYear; the builder is left empty. kInternal when the members
  // do not fit the frame's 32-bit offsets.
  Result<SurveyYear> Finish();

 private:
  std::int32_t Code(std::string_view text) { return out_.frame.dictionary().Intern(text); }
  void Clear();

  const rules::Catalogue* catalogue_;
  int year_;
  SurveyYear out_;  // its frame's dictionary codes the strings while rows come in
  // Codes of the enums' texts, interned on first use (-1: not yet), as BuildFrame would.
  std::array<std::int32_t, 2> sex_codes_{-1, -1};
  std::array<std::int32_t, 7> relation_codes_{-1, -1, -1, -1, -1, -1, -1};
  std::array<std::int32_t, 4> quality_codes_{-1, -1, -1, -1};
  std::array<std::int32_t, 2> area_codes_{-1, -1};  // rural, urban
  std::string last_ethnicity_;  // the last ethnicity seen and its code: most members repeat it
  std::int32_t last_ethnicity_code_ = -1;

  // Household rows.
  std::vector<std::int64_t> household_id_;
  std::vector<UnitIndex> commune_;
  std::vector<std::uint64_t> offsets_{0};  // 64-bit while growing; checked at Finish
  std::vector<std::int32_t> survey_year_, area_, members_, quality_;
  std::vector<std::int64_t> income_;
  std::vector<double> area_m2_;
  std::vector<std::uint8_t> urban_, water_, latrine_, telecom_, info_;
  // Member rows.
  std::vector<std::int32_t> age_, sex_, relation_, ethnicity_, grade_, disability_;
  std::vector<std::uint8_t> insurance_, in_school_, trained_, vocational_, employed_, sick_,
      malnourished_, no_contract_, allowance_;
};

}  // namespace ansinh::analytics
