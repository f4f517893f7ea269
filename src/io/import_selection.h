// What an import may write when the officer accepts the valid part of a file with problems
// (ansinh import --accept-valid): every household none of whose rows has a problem.
//
// Owns: tracing each problem back to the household its row belongs to (a person's row to the
// person's household, a person_years row to the person's), so that a household is written whole
// or not at all. Pure: reads the dataset and its problems, decides, writes nothing.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "io/dataset.h"

namespace ansinh::io {

struct ImportSelection {
  // A problem of a whole file (malformed CSV, a missing column): nothing can be trusted.
  bool whole_dataset_rejected = false;
  // Codes of the households left out, because one of their rows has a problem.
  std::set<std::string> rejected_households;
  // Rows that belong to no household of the file (an orphan person, a survey of an unknown
  // household): they are left out too, and counted here.
  std::int64_t orphan_rows = 0;

  bool Accepts(const std::string& household_code) const {
    return !whole_dataset_rejected && !rejected_households.contains(household_code);
  }
};

ImportSelection SelectValidHouseholds(const Dataset& dataset,
                                      const std::vector<ImportProblem>& problems);

}  // namespace ansinh::io
