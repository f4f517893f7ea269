// HouseholdDirectory: the list and search queries behind the server's household pages.
#include "store/household_directory.h"

#include <nlohmann/json.hpp>
#include <set>
#include <utility>

#include "core/text.h"
#include "store/sqlite.h"

namespace ansinh::store {
namespace {

// The communes as a JSON array, which json_each() turns back into rows inside the query: one
// parameter for any number of communes.
std::string CommuneArray(const std::vector<std::string>& communes) {
  return nlohmann::json(communes).dump();
}

// The columns every directory row reads, after the household id (column 0 of the caller).
constexpr std::string_view kRowColumns =
    "h.code, h.commune_code, hm.name, "
    "(SELECT full_name FROM persons p WHERE p.household_id = h.id AND p.relation = 'head' "
    " ORDER BY p.id LIMIT 1), "
    "(SELECT COUNT(*) FROM persons p WHERE p.household_id = h.id)";

HouseholdRow ReadDirectoryRow(const Statement& s) {
  HouseholdRow row;
  row.id = s.ColumnInt(0);
  row.code = s.ColumnText(1);
  row.commune_code = s.ColumnText(2);
  row.hamlet = s.ColumnText(3);
  row.head_name = s.ColumnText(4);
  row.members = s.ColumnInt(5);
  return row;
}

}  // namespace

Result<std::vector<HouseholdRow>> HouseholdDirectory::List(const std::vector<std::string>& communes,
                                                          int year) {
  const std::string sql =
      "SELECT h.id, " + std::string(kRowColumns) +
      ", hy.income_month FROM households h JOIN hamlets hm ON hm.id = h.hamlet_id "
      "LEFT JOIN household_years hy ON hy.household_id = h.id AND hy.year = ?2 "
      "WHERE h.commune_code IN (SELECT value FROM json_each(?1)) ORDER BY h.id";
  ANSINH_ASSIGN_OR_RETURN(Statement stmt,
                          store_.database()->Prepare(sql, {CommuneArray(communes), year}));
  std::vector<HouseholdRow> rows;
  for (;;) {
    ANSINH_ASSIGN_OR_RETURN(bool has_row, stmt.Step());
    if (!has_row) return rows;
    HouseholdRow row = ReadDirectoryRow(stmt);
    if (!stmt.ColumnIsNull(6)) row.income_month = stmt.ColumnInt(6);
    rows.push_back(std::move(row));
  }
}

Result<std::vector<int>> HouseholdDirectory::SurveyYears() {
  // One index probe per year (the recursive step seeks past the year found), not a scan of
  // every survey row.
  ANSINH_ASSIGN_OR_RETURN(
      Statement stmt,
      store_.database()->Prepare(
          "WITH RECURSIVE y(year) AS (SELECT MIN(year) FROM household_years "
          "UNION ALL SELECT (SELECT MIN(year) FROM household_years WHERE year > y.year) FROM y "
          "WHERE y.year IS NOT NULL) SELECT year FROM y WHERE year IS NOT NULL"));
  std::vector<int> years;
  for (;;) {
    ANSINH_ASSIGN_OR_RETURN(bool has_row, stmt.Step());
    if (!has_row) return years;
    years.push_back(static_cast<int>(stmt.ColumnInt(0)));
  }
}

Result<std::vector<HouseholdRow>> HouseholdDirectory::Search(
    const std::vector<std::string>& communes, const std::string& text, int limit) {
  const std::string raw(Trim(text));
  const std::string key = SearchKey(text);
  // Matches in order of rank: a household code, an ID number, a name that starts with the
  // key (both through an index), then a later word of a name (a scan, reached only when the
  // first kinds leave room under the limit). char(1114111) sorts after every UTF-8 text, so
  // `x >= k AND x < k || char(1114111)` is "x starts with k" on an index.
  const std::string sql =
      "SELECT h.id, " + std::string(kRowColumns) +
      ", m.matched FROM ("
      "  SELECT id AS hid, '' AS matched FROM households "
      "    WHERE ?2 <> '' AND code >= ?2 AND code < ?2 || char(1114111) "
      "  UNION ALL SELECT household_id, full_name FROM persons WHERE ?2 <> '' AND id_number = ?2 "
      "  UNION ALL SELECT household_id, full_name FROM persons "
      "    WHERE ?3 <> '' AND search_key >= ?3 AND search_key < ?3 || char(1114111) "
      "  UNION ALL SELECT household_id, full_name FROM persons "
      "    WHERE ?3 <> '' AND instr(search_key, ' ' || ?3) > 0"
      ") m JOIN households h ON h.id = m.hid JOIN hamlets hm ON hm.id = h.hamlet_id "
      "WHERE h.commune_code IN (SELECT value FROM json_each(?1)) LIMIT ?4";
  // A household found twice (by code and by its head's name) is shown once per match kind;
  // the limit is over distinct rows, so ask for more than needed.
  ANSINH_ASSIGN_OR_RETURN(
      Statement stmt, store_.database()->Prepare(sql, {CommuneArray(communes), raw, key,
                                                       static_cast<std::int64_t>(limit) * 4}));
  std::vector<HouseholdRow> rows;
  std::set<std::pair<std::int64_t, std::string>> seen;
  while (static_cast<int>(rows.size()) < limit) {
    ANSINH_ASSIGN_OR_RETURN(bool has_row, stmt.Step());
    if (!has_row) break;
    HouseholdRow row = ReadDirectoryRow(stmt);
    row.matched_person = stmt.ColumnText(6);
    if (seen.emplace(row.id, row.matched_person).second) rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace ansinh::store
