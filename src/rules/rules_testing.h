// Test-only helpers shared by the rules tests, the fuzzer and the benchmark: the core catalogue,
// random households, random well-typed rules. Not part of the library.
//
// Must stay true: everything here is deterministic given the generator's seed, so a failing
// property test can be replayed.
#pragma once

#include <random>
#include <string>
#include <vector>

#include "rules/catalogue.h"
#include "rules/frame_builder.h"

namespace ansinh::rules::testing {

// A catalogue with RegisterCoreFields (asserts it succeeds).
Catalogue CoreCatalogue();

// `count` households with 0..7 members (mostly 1..6), incomes on and around their lines, all
// three lines, random survey answers and members' answers.
std::vector<HouseholdRecord> RandomHouseholds(std::mt19937_64& rng, int count);

// A random well-typed rule of type `type` (kBool, kInt, kDecimal or kString), at most `depth`
// levels deep, using only the core fields.
std::string RandomRule(std::mt19937_64& rng, Type type, int depth);

// "" when the two frames hold the same rows in every column of the catalogue (present in both or
// neither; dictionary codes compared by their texts), else the first difference in words.
// `compared`, when given, receives the number of columns compared.
std::string FrameDifference(const Frame& want, const Frame& got, int* compared = nullptr);

}  // namespace ansinh::rules::testing
