// What an import may write when the officer accepts the valid part of a file with problems
// (ansinh import --accept-valid): every household none of whose rows has a problem.
//
// Owns: the decision, household by household, that DatasetChecker (import_validation.h) makes
// while it checks — each problem is traced back to the household its row belongs to (a person's
// row to the person's household, a person_years row to the household of the person's first row),
// so that a household is written whole or not at all. Households are named by the dense ids the
// checker gave their codes. Pure: decides, writes nothing.
#pragma once

#include <cstdint>
#include <vector>

namespace ansinh::io {

struct ImportSelection {
  // A problem of a whole file (malformed CSV, a missing column): nothing can be trusted.
  bool whole_dataset_rejected = false;
  // Households left out because one of their rows has a problem, by checker id (1 = left out).
  std::vector<std::uint8_t> rejected;
  std::int64_t rejected_households = 0;

  bool Accepts(std::uint32_t household) const {
    return !whole_dataset_rejected && household < rejected.size() && rejected[household] == 0;
  }
};

}  // namespace ansinh::io
