#include "io/import_selection.h"

#include <map>
#include <unordered_map>

namespace ansinh::io {

ImportSelection SelectValidHouseholds(const Dataset& dataset,
                                      const std::vector<ImportProblem>& problems) {
  ImportSelection selection;
  if (problems.empty()) return selection;
  // The household of each row, per table, by the row number problems use.
  std::map<std::string, std::unordered_map<std::int64_t, std::string>> household_of_row;
  std::unordered_map<std::string, std::string> household_of_person;
  std::set<std::string> households;
  for (const HouseholdRow& r : dataset.households) {
    household_of_row[dataset.sources.households][r.row] = r.household.code;
    households.insert(r.household.code);
  }
  for (const PersonRow& r : dataset.persons) {
    household_of_row[dataset.sources.persons][r.row] = r.household_code;
    household_of_person.emplace(r.person.code, r.household_code);
  }
  for (const HouseholdYearRow& r : dataset.household_years) {
    household_of_row[dataset.sources.household_years][r.row] = r.household_code;
  }
  for (const PersonYearRow& r : dataset.person_years) {
    auto person = household_of_person.find(r.person_code);
    household_of_row[dataset.sources.person_years][r.row] =
        person == household_of_person.end() ? std::string() : person->second;
  }

  for (const ImportProblem& p : problems) {
    if (p.warning) continue;
    if (p.row == 0) {
      selection.whole_dataset_rejected = true;
      continue;
    }
    auto table = household_of_row.find(p.file);
    if (table == household_of_row.end()) {
      selection.whole_dataset_rejected = true;  // a problem we cannot place: trust nothing
      continue;
    }
    auto row = table->second.find(p.row);
    if (row == table->second.end()) {
      selection.whole_dataset_rejected = true;
      continue;
    }
    if (households.contains(row->second)) {
      selection.rejected_households.insert(row->second);
    } else {
      ++selection.orphan_rows;  // its household is not in the file: the writer skips it anyway
    }
  }
  return selection;
}

}  // namespace ansinh::io
