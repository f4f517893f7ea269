// Vietnamese full names from frequency tables (data/synth/*_names.csv), with diacritics, in NFC
// (the tables are NFC and names are joined with ASCII spaces only), and CCCD numbers.
#pragma once

#include <cstdint>
#include <string>

#include "core/household.h"
#include "synth/model.h"
#include "synth/rng.h"

namespace ansinh::synth {

// A family name of the group, by frequency.
const std::string& DrawFamilyName(const NameTables& names, NameGroup group, Rng& rng);

// "<family> <middle> <given>" (no middle name when the draw gives none). People born from 1990
// on carry Văn/Thị half as often, as naming fashions moved on.
std::string DrawFullName(const NameTables& names, NameGroup group, Sex sex,
                         const std::string& family, int birth_year, Rng& rng);

// A 12-digit CCCD: 0 + 2-digit GSO province code of birth, the sex-and-century digit (0/1 male/
// female born 1900-1999, 2/3 born 2000-2099), the last two digits of the birth year, and six
// random digits.
std::string MakeCitizenId(const std::string& birth_province, Sex sex, int birth_year, Rng& rng);

}  // namespace ansinh::synth
