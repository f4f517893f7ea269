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
    const std::vector<std::string>& communes, const std::string& text, int limit, bool later_words) {
  const std::string raw(Trim(text));
  const std::string key = SearchKey(text);
  // The kinds of match in order of rank: a household code, an ID number, a name that starts
  // with the key (each through an index), then a later word of a name (a scan of the search
  // keys' index, not of the persons). Each kind is its own query, run only while the kinds before
  // it leave room under the limit: one statement over all four made SQLite gather every match of
  // every kind (two seconds for "nguyen" in a province) before the limit applied. char(1114111)
  // sorts after every UTF-8 text, so `x >= k AND x < k || char(1114111)` is "x starts with k".
  struct Kind {
    const char* matches;  // (hid, matched) rows
    const std::string& argument;
  };
  const Kind kinds[] = {
      {"SELECT id AS hid, '' AS matched FROM households WHERE code >= ?2 AND code < ?2 || char(1114111)",
       raw},
      {"SELECT household_id AS hid, full_name AS matched FROM persons WHERE id_number = ?2", raw},
      {"SELECT household_id AS hid, full_name AS matched FROM persons "
       "WHERE search_key >= ?2 AND search_key < ?2 || char(1114111)",
       key},
      {"SELECT household_id AS hid, full_name AS matched FROM persons WHERE id IN ("
       "SELECT id FROM persons INDEXED BY persons_by_search_key WHERE instr(search_key, ' ' || ?2) > 0)",
       key},
  };
  std::vector<HouseholdRow> rows;
  std::set<std::pair<std::int64_t, std::string>> seen;
  for (const Kind& kind : kinds) {
    if (kind.argument.empty() || static_cast<int>(rows.size()) >= limit) continue;
    if (&kind == &kinds[3] && !later_words) continue;
    // CROSS JOIN keeps the matches the outer loop: the planner would otherwise walk every
    // household of the communes and look for matches among their members.
    const std::string sql = "SELECT h.id, " + std::string(kRowColumns) + ", m.matched FROM (" +
                            kind.matches +
                            ") m CROSS JOIN households h ON h.id = m.hid JOIN hamlets hm ON hm.id = h.hamlet_id "
                            "WHERE h.commune_code IN (SELECT value FROM json_each(?1)) LIMIT ?3";
    // A household found twice (by code and by its head's name) is shown once per match kind;
    // the limit is over distinct rows, so ask for more than needed.
    ANSINH_ASSIGN_OR_RETURN(
        Statement stmt, store_.database()->Prepare(sql, {CommuneArray(communes), kind.argument,
                                                         static_cast<std::int64_t>(limit) * 4}));
    while (static_cast<int>(rows.size()) < limit) {
      ANSINH_ASSIGN_OR_RETURN(bool has_row, stmt.Step());
      if (!has_row) break;
      HouseholdRow row = ReadDirectoryRow(stmt);
      row.matched_person = stmt.ColumnText(6);
      if (seen.emplace(row.id, row.matched_person).second) rows.push_back(std::move(row));
    }
  }
  return rows;
}

Status HouseholdDirectory::ForEachPersonKey(
    const std::function<void(std::int64_t id, std::int64_t household_id, std::string_view key)>& on_person) {
  ANSINH_ASSIGN_OR_RETURN(Statement stmt, store_.database()->Prepare(
                                              "SELECT id, household_id, search_key FROM persons ORDER BY id"));
  for (;;) {
    ANSINH_ASSIGN_OR_RETURN(bool has_row, stmt.Step());
    if (!has_row) return Status::Ok();
    on_person(stmt.ColumnInt(0), stmt.ColumnInt(1), stmt.ColumnText(2));
  }
}

Result<std::string> HouseholdDirectory::PersonName(std::int64_t id) {
  ANSINH_ASSIGN_OR_RETURN(Statement stmt,
                          store_.database()->Prepare("SELECT full_name FROM persons WHERE id = ?1", {id}));
  ANSINH_ASSIGN_OR_RETURN(bool has_row, stmt.Step());
  return has_row ? stmt.ColumnText(0) : std::string();
}

Result<std::vector<std::string>> HouseholdDirectory::PersonNames(const std::vector<std::int64_t>& ids) {
  std::vector<std::string> names(ids.size());
  if (ids.empty()) return names;
  nlohmann::json array = nlohmann::json::array();
  for (std::int64_t id : ids) array.push_back(id);
  ANSINH_ASSIGN_OR_RETURN(Statement stmt,
                          store_.database()->Prepare("SELECT j.key, p.full_name FROM json_each(?1) j "
                                                     "JOIN persons p ON p.id = j.value",
                                                     {array.dump()}));
  for (;;) {
    ANSINH_ASSIGN_OR_RETURN(bool has_row, stmt.Step());
    if (!has_row) return names;
    names[static_cast<std::size_t>(stmt.ColumnInt(0))] = stmt.ColumnText(1);
  }
}

Result<std::vector<HouseholdDirectory::IdNumberMatch>> HouseholdDirectory::PersonsWithIdNumber(
    const std::string& id_number) {
  std::vector<IdNumberMatch> out;
  ANSINH_ASSIGN_OR_RETURN(
      Statement stmt, store_.database()->Prepare(
                          "SELECT id, household_id, full_name FROM persons WHERE id_number = ?1 ORDER BY id",
                          {id_number}));
  for (;;) {
    ANSINH_ASSIGN_OR_RETURN(bool has_row, stmt.Step());
    if (!has_row) return out;
    out.push_back({stmt.ColumnInt(0), stmt.ColumnInt(1), stmt.ColumnText(2)});
  }
}

}  // namespace ansinh::store
