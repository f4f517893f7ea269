// CCCD numbers (căn cước công dân, 12 digits) of generated persons, unique by construction.
//
// A CCCD is 0 + the 2-digit GSO code of the province of birth, one digit for sex and century
// (0/1 male/female born 1900-1999, 2/3 born 2000-2099), the last two digits of the birth year,
// and a 6-digit serial. MakeHousehold writes the first six digits (CitizenIdPrefix); the serial
// is added by CitizenIdSerials in the run's order (commune by commune, person by person), the
// one order that does not depend on the worker threads. What must stay true:
// - within one run, no two persons share a number: the serial is a bijection of the count of
//   numbers already given under the same prefix, so a prefix repeats a serial only after 10^6
//   numbers, which Complete refuses;
// - the same seed and options give the same numbers; another seed scrambles them differently.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/household.h"
#include "core/status.h"

namespace ansinh::synth {

// "0PPsYY": the first six digits of the CCCD of a person born in `birth_province` (2 digits).
std::string CitizenIdPrefix(const std::string& birth_province, Sex sex, int birth_year);

class CitizenIdSerials {
 public:
  explicit CitizenIdSerials(std::uint64_t seed) : seed_(seed) {}
  // Appends a serial to each 6-digit id_number of `persons`, in order; empty ones stay empty.
  // kFailedPrecondition when a prefix has given all 10^6 serials; kInternal for an id_number
  // that is not a prefix.
  Status Complete(std::vector<Person>& persons);

 private:
  std::uint64_t seed_;
  std::map<std::string, std::uint32_t> given_;  // prefix -> serials given so far
};

}  // namespace ansinh::synth
