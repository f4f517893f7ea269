// Reading one survey year of the registry whole, for `ansinh export` (issue 4): the households
// surveyed that year, all their members, that year's household and member surveys, and the custom
// attributes an import kept for each of those rows (table custom_attributes, schema v3).
//
// It reads through the store's own connection (a friend of Store): the year's snapshot
// (SurveyRepository::YearSnapshot) and a few ordered scans. It returns store/core values: src/store
// does not depend on src/io, so turning the year into the import format is the caller's business.
//
// Must stay true: every person, household_year and person_year returned belongs to a household
// returned, so the year exports as a dataset whose references all resolve.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/household.h"
#include "core/status.h"
#include "store/store.h"

namespace ansinh::store {

class Database;

// Custom attributes of a row: name → value, as an import kept them.
using RowAttributes = std::map<std::string, std::string>;

struct RegistryHousehold {
  Household household;  // hamlet_name filled
  RowAttributes attributes;
};
struct RegistryPerson {
  Person person;
  RowAttributes attributes;
};
struct RegistryHouseholdYear {
  HouseholdYear survey;
  RowAttributes attributes;
};
struct RegistryPersonYear {
  PersonYear survey;
  RowAttributes attributes;
};

// One survey year of the registry. Households and household_years are ordered by household id,
// persons and person_years by person id.
struct RegistryYear {
  int year = 0;
  std::vector<RegistryHousehold> households;  // those with a household_years row in `year`
  std::vector<RegistryPerson> persons;        // every member of those households
  std::vector<RegistryHouseholdYear> household_years;
  std::vector<RegistryPersonYear> person_years;  // of those members, in `year`
};

class RegistryReader {
 public:
  explicit RegistryReader(Store& store);

  // The years with at least one household survey, ascending.
  Result<std::vector<int>> SurveyYears();

  // The year `year`, held whole in memory. kNotFound ("year") when no household was surveyed
  // that year.
  Result<RegistryYear> ReadYear(int year);

 private:
  Status ReadHamletNames(RegistryYear& out);
  Status ReadMembers(std::unordered_map<std::int64_t, Person>& surveyed, RegistryYear& out);

  Store* store_;
  Database* db_;
};

}  // namespace ansinh::store
