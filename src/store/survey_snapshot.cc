// SurveyRepository::YearSnapshot: every household surveyed in a year with its members' surveys,
// read in two ordered scans (households, then members) and merged, for classification.
#include "store/internal.h"

namespace ansinh::store {
namespace {

constexpr std::string_view kHouseholds =
    "SELECT h.id, h.code, h.commune_code, h.hamlet_id, h.address, y.income_month, "
    "y.housing_quality, y.housing_area_m2, y.clean_water, y.hygienic_latrine, y.telecom, "
    "y.info_assets, u.urban FROM household_years y JOIN households h ON h.id = y.household_id "
    "JOIN admin_units u ON u.code = h.commune_code WHERE y.year = ?1 ORDER BY h.id";

constexpr std::string_view kMembers =
    "SELECT p.id, p.household_id, p.code, p.full_name, p.sex, p.birth_date, p.relation, "
    "p.ethnicity, p.id_number, y.health_insurance, y.in_school, y.education_grade, y.trained, "
    "y.vocational_trained, y.employed, y.disability, y.sick_untreated, y.malnourished, "
    "y.wage_no_contract, y.social_allowance FROM person_years y JOIN persons p ON p.id = "
    "y.person_id WHERE y.year = ?1 ORDER BY p.household_id, p.relation <> 'head', p.id";

// The same rows for one household, found by its keys (household_years and person_years by
// primary key, persons through persons_by_household).
constexpr std::string_view kOneHousehold =
    "SELECT h.id, h.code, h.commune_code, h.hamlet_id, h.address, y.income_month, "
    "y.housing_quality, y.housing_area_m2, y.clean_water, y.hygienic_latrine, y.telecom, "
    "y.info_assets, u.urban FROM households h JOIN household_years y ON y.household_id = h.id "
    "AND y.year = ?1 JOIN admin_units u ON u.code = h.commune_code WHERE h.id = ?2";

constexpr std::string_view kOneHouseholdMembers =
    "SELECT p.id, p.household_id, p.code, p.full_name, p.sex, p.birth_date, p.relation, "
    "p.ethnicity, p.id_number, y.health_insurance, y.in_school, y.education_grade, y.trained, "
    "y.vocational_trained, y.employed, y.disability, y.sick_untreated, y.malnourished, "
    "y.wage_no_contract, y.social_allowance FROM persons p CROSS JOIN person_years y ON "
    "y.person_id = p.id AND y.year = ?1 WHERE p.household_id = ?2 "
    "ORDER BY p.relation <> 'head', p.id";

// Columns 0-4 the household, 5-11 its answers, 12 the commune's urban flag.
Result<SurveyedHousehold> ReadHousehold(const Statement& s, int year) {
  SurveyedHousehold h;
  h.household.id = s.ColumnInt(0);
  h.household.code = s.ColumnText(1);
  h.household.commune_code = s.ColumnText(2);
  h.household.hamlet_id = s.ColumnInt(3);
  h.household.address = s.ColumnText(4);
  h.survey.household_id = h.household.id;
  h.survey.year = year;
  ANSINH_RETURN_IF_ERROR(internal::ReadHouseholdAnswers(s, 5, h.survey));
  h.urban = s.ColumnInt(12) != 0;
  return h;
}

// Columns 0-8 the person, 9-19 their answers.
Result<SurveyMember> ReadMember(const Statement& s, int year) {
  SurveyMember m;
  ANSINH_ASSIGN_OR_RETURN(m.person, internal::ReadPerson(s, 0));
  m.year.person_id = m.person.id;
  m.year.year = year;
  internal::ReadPersonAnswers(s, 9, m.year);
  return m;
}

// ScanYear's reads: only what a frame holds. CROSS JOIN keeps SQLite's loop order — households
// and persons in id order (persons through persons_by_household), each year's row found by its
// primary key — so neither read sorts (a temporary B-tree took half the time of the read).
constexpr std::string_view kScanHouseholds =
    "SELECT h.id, h.commune_code, u.urban, y.income_month, y.housing_quality, "
    "y.housing_area_m2, y.clean_water, y.hygienic_latrine, y.telecom, y.info_assets "
    "FROM households h CROSS JOIN household_years y ON y.household_id = h.id AND y.year = ?1 "
    "JOIN admin_units u ON u.code = h.commune_code ORDER BY h.id";

constexpr std::string_view kScanMembers =
    "SELECT p.household_id, p.id, p.sex, p.birth_date, p.relation, p.ethnicity, "
    "y.health_insurance, y.in_school, y.education_grade, y.trained, y.vocational_trained, "
    "y.employed, y.disability, y.sick_untreated, y.malnourished, y.wage_no_contract, "
    "y.social_allowance FROM persons p CROSS JOIN person_years y ON y.person_id = p.id "
    "AND y.year = ?1 ORDER BY p.household_id, p.id";

// The members of one household as they are read (by person id), handed on head first. The texts
// are copied: the row they point into is gone when the next one is read. Slots are reused, so
// after the first large household nothing is allocated.
class MemberBuffer {
 public:
  Status Add(const Statement& s, int year) {
    if (size_ == slots_.size()) slots_.emplace_back();
    Slot& slot = slots_[size_++];
    ScannedMember& m = slot.member;
    m.person_id = s.ColumnInt(1);
    ANSINH_ASSIGN_OR_RETURN(m.sex, ParseSex(s.ColumnView(2), "sex"));
    slot.birth_date.assign(s.ColumnView(3));
    ANSINH_ASSIGN_OR_RETURN(m.relation, ParseRelation(s.ColumnView(4), "relation"));
    slot.ethnicity.assign(s.ColumnView(5));
    m.year.person_id = m.person_id;
    m.year.year = year;
    internal::ReadPersonAnswers(s, 6, m.year);
    return Status::Ok();
  }

  // Heads first, the others in the order read; then empty.
  Status Flush(YearScanSink& sink) {
    for (bool heads : {true, false}) {
      for (std::size_t i = 0; i < size_; ++i) {
        Slot& slot = slots_[i];
        if ((slot.member.relation == Relation::kHead) != heads) continue;
        slot.member.birth_date = slot.birth_date;
        slot.member.ethnicity = slot.ethnicity;
        ANSINH_RETURN_IF_ERROR(sink.Member(slot.member));
      }
    }
    size_ = 0;
    return Status::Ok();
  }

 private:
  struct Slot {
    ScannedMember member;
    std::string birth_date, ethnicity;
  };
  std::vector<Slot> slots_;
  std::size_t size_ = 0;
};

}  // namespace

Status SurveyRepository::ScanYear(int year, YearScanSink& sink) {
  ANSINH_ASSIGN_OR_RETURN(Statement hs, db_->Prepare(kScanHouseholds, {year}));
  ANSINH_ASSIGN_OR_RETURN(Statement ms, db_->Prepare(kScanMembers, {year}));
  ScannedHousehold h;
  h.survey.year = year;
  MemberBuffer members;
  std::int64_t current = -1;  // the household whose members are coming
  // Hands the members read so far and the households' current row to the sink, then steps.
  auto next_household = [&]() -> Result<bool> {
    ANSINH_RETURN_IF_ERROR(members.Flush(sink));
    h.id = hs.ColumnInt(0);
    h.commune_code = hs.ColumnView(1);
    h.urban = hs.ColumnInt(2) != 0;
    h.survey.household_id = h.id;
    ANSINH_RETURN_IF_ERROR(internal::ReadHouseholdAnswers(hs, 3, h.survey));
    ANSINH_RETURN_IF_ERROR(sink.Household(h));
    current = h.id;
    return hs.Step();
  };
  // Both reads are in household-id order: the households' runs ahead of the members'.
  ANSINH_ASSIGN_OR_RETURN(bool more, hs.Step());
  for (;;) {
    ANSINH_ASSIGN_OR_RETURN(bool row, ms.Step());
    if (!row) break;
    const std::int64_t household = ms.ColumnInt(0);
    while (more && hs.ColumnInt(0) <= household) {
      ANSINH_ASSIGN_OR_RETURN(more, next_household());
    }
    if (household != current) continue;  // its household has no survey that year
    ANSINH_RETURN_IF_ERROR(members.Add(ms, year));
  }
  ANSINH_RETURN_IF_ERROR(members.Flush(sink));
  while (more) {
    ANSINH_ASSIGN_OR_RETURN(more, next_household());
  }
  return members.Flush(sink);
}

Result<std::vector<SurveyedHousehold>> SurveyRepository::YearSnapshot(int year) {
  std::vector<SurveyedHousehold> households;
  ANSINH_ASSIGN_OR_RETURN(Statement hs, db_->Prepare(kHouseholds, {year}));
  for (;;) {
    ANSINH_ASSIGN_OR_RETURN(bool row, hs.Step());
    if (!row) break;
    ANSINH_ASSIGN_OR_RETURN(SurveyedHousehold h, ReadHousehold(hs, year));
    households.push_back(std::move(h));
  }
  // Both scans are in household-id order: merge. A member whose household has no survey that
  // year is not part of the snapshot.
  ANSINH_ASSIGN_OR_RETURN(Statement ms, db_->Prepare(kMembers, {year}));
  std::size_t at = 0;
  for (;;) {
    ANSINH_ASSIGN_OR_RETURN(bool row, ms.Step());
    if (!row) break;
    ANSINH_ASSIGN_OR_RETURN(SurveyMember m, ReadMember(ms, year));
    while (at < households.size() && households[at].household.id < m.person.household_id) ++at;
    if (at < households.size() && households[at].household.id == m.person.household_id) {
      households[at].members.push_back(std::move(m));
    }
  }
  return households;
}

Result<std::optional<SurveyedHousehold>> SurveyRepository::HouseholdSnapshot(
    std::int64_t household_id, int year) {
  ANSINH_ASSIGN_OR_RETURN(Statement hs, db_->Prepare(kOneHousehold, {year, household_id}));
  ANSINH_ASSIGN_OR_RETURN(bool found, hs.Step());
  if (!found) return std::optional<SurveyedHousehold>();
  ANSINH_ASSIGN_OR_RETURN(SurveyedHousehold h, ReadHousehold(hs, year));
  ANSINH_ASSIGN_OR_RETURN(Statement ms, db_->Prepare(kOneHouseholdMembers, {year, household_id}));
  for (;;) {
    ANSINH_ASSIGN_OR_RETURN(bool row, ms.Step());
    if (!row) break;
    ANSINH_ASSIGN_OR_RETURN(SurveyMember m, ReadMember(ms, year));
    h.members.push_back(std::move(m));
  }
  return std::optional<SurveyedHousehold>(std::move(h));
}

}  // namespace ansinh::store
