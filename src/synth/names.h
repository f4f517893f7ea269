// Vietnamese full names from frequency tables (data/synth/*_names.csv), with diacritics, in NFC
// (the tables are NFC and names are joined with ASCII spaces only).
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


}  // namespace ansinh::synth
