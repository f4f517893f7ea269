// What the repositories share, private to src/store: reading a row as a JSON object keyed by
// column name (the audit log's before and after), reading persons and survey answers into their
// structs, appending to the audit log inside the caller's transaction, and the errors every
// repository returns.
#pragma once

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "core/household.h"
#include "core/status.h"
#include "store/sqlite.h"
#include "store/store.h"

namespace ansinh::store::internal {

// Ordered, so that an audit row lists the columns in table order.
using Json = nlohmann::ordered_json;

// The first row of `sql` (bound to `values`) as {"column": value, ...}; nullopt when none.
Result<std::optional<Json>> LoadRow(Database& db, std::string_view sql,
                                    std::initializer_list<SqlValue> values);

// Every row of `sql`: column 0 is the row's audit key, the others the row itself.
Result<std::vector<std::pair<std::string, Json>>> LoadKeyedRows(
    Database& db, std::string_view sql, std::initializer_list<SqlValue> values);

// Deletes the rows `delete_sql` removes, auditing each as selected by `select_sql` (its column
// 0 the audit key); both take `id` as ?1.
Status DeleteAudited(Database& db, const Clock& clock, const Actor& actor, std::string_view table,
                     std::string_view select_sql, std::string_view delete_sql, std::int64_t id);

// Serialises for the audit log: "" for nullopt; invalid UTF-8 replaced, never thrown.
std::string DumpJson(const std::optional<Json>& row);

// Appends one audit row. Call inside the transaction that made the change.
Status AppendAudit(Database& db, const Clock& clock, const Actor& actor, std::string_view action,
                   std::string_view table, std::string_view key, std::string_view before_json,
                   std::string_view after_json);

// Audits a row change from `before` to `after` (nullopt: the row does not exist on that side):
// insert, update or delete. Returns false, writing nothing, when the two are equal.
Result<bool> RecordChange(Database& db, const Clock& clock, const Actor& actor,
                          std::string_view table, std::string_view key,
                          const std::optional<Json>& before, const std::optional<Json>& after);

// Row readers: each reads consecutive columns of the current row from `first` on, in the order
// of the table's own columns, so that a repository's query and the year snapshot's join read
// through the same code.
//   ReadPerson: persons' id, household_id, code, full_name, sex, birth_date, relation,
//     ethnicity, id_number (9 columns).
//   ReadHouseholdAnswers: household_years' income_month, housing_quality, housing_area_m2,
//     clean_water, hygienic_latrine, telecom, info_assets (7 columns; not the key).
//   ReadPersonAnswers: person_years' health_insurance, in_school, education_grade, trained,
//     vocational_trained, employed, disability, sick_untreated, malnourished, wage_no_contract,
//     social_allowance (11 columns; not the key).
Result<Person> ReadPerson(const Statement& s, int first);
Status ReadHouseholdAnswers(const Statement& s, int first, HouseholdYear& y);
void ReadPersonAnswers(const Statement& s, int first, PersonYear& y);

// kNotFound naming `field` (the CLI flag / CSV column) and the missing value.
Status NotFound(std::string_view field, std::string_view value, std::string_view what_vi,
                std::string_view what_en);

// Gives a constraint error the field it is about: kAlreadyExists from a UNIQUE index becomes
// "`field`=`value` is already taken"; other errors pass through unchanged.
Status NameConflict(Status status, std::string_view field, std::string_view value);

// True when the unit `code` exists at commune level.
Result<bool> CommuneExists(Database& db, std::string_view code);

}  // namespace ansinh::store::internal
