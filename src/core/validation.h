// Checks on the registry's values before they are written: pure functions, no storage, no
// global clock. The store runs them before every write and the importers before every row, so an
// officer gets the same answer from a form, a command and a CSV file.
//
// Each failure is Status::Invalid naming the field exactly as the CLI flag and the CSV column name
// it ("commune", "hamlet", "full_name", "birth_date", "income_month", ...), with the offending
// value and the reason in Vietnamese and English. The first failing field is reported.
#pragma once

#include "core/clock.h"
#include "core/household.h"
#include "core/status.h"

namespace ansinh {

// Survey years the registry accepts.
inline constexpr int kMinSurveyYear = 1990;
inline constexpr int kMaxSurveyYear = 2100;

// commune: 5 digits; hamlet: a non-empty name; code (when given) and address: printable text of
// bounded length. Text must be well-formed UTF-8 in NFC.
Status ValidateHousehold(const Household& household);

// full_name: non-empty NFC; birth_date: ISO date or year, not after today (per `clock`);
// id_number (when given): 9 (CMND) or 12 (CCCD) digits; ethnicity non-empty; code printable.
Status ValidatePerson(const Person& person, const Clock& clock);

// year: 1990..2100; income_month >= 0; housing_area_m2 in (0, 10000).
Status ValidateHouseholdYear(const HouseholdYear& survey);

// year: 1990..2100; education_grade 0..12; disability >= 0.
Status ValidatePersonYear(const PersonYear& survey);

// year within the survey years (the field is "year").
Status ValidateSurveyYear(int year);

}  // namespace ansinh
