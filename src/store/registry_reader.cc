// RegistryReader (see registry_reader.h): the year's snapshot (SurveyRepository::YearSnapshot)
// gives the surveyed households with their surveys and surveyed members; one scan adds the other
// members, one the hamlet names, and one per entity the custom attributes.
#include "store/registry_reader.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "store/internal.h"

namespace ansinh::store {
namespace {

// The ids of every member of the households surveyed in ?1, whatever their own surveys.
constexpr std::string_view kYearMembers =
    "SELECT p.id FROM persons p JOIN household_years y ON y.household_id = p.household_id "
    "AND y.year = ?1 ORDER BY p.id";

// The attributes of one entity and year (0 for households and persons), by row then name.
constexpr std::string_view kAttributes =
    "SELECT entity_id, name, value FROM custom_attributes WHERE entity = ?1 AND year = ?2 "
    "ORDER BY entity_id, name";

// Fills the attributes of `rows` (found by `id_of`) from the entity's stored attributes; rows of
// other years' households are not in `rows` and are passed over.
template <typename Row, typename IdOf>
Status AttachAttributes(Database& db, std::string_view entity, int year, std::vector<Row>& rows,
                        IdOf id_of) {
  std::unordered_map<std::int64_t, std::size_t> index;
  index.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) index.emplace(id_of(rows[i]), i);
  ANSINH_ASSIGN_OR_RETURN(Statement s, db.Prepare(kAttributes, {entity, year}));
  for (;;) {
    ANSINH_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    const auto it = index.find(s.ColumnInt(0));
    if (it != index.end()) rows[it->second].attributes[s.ColumnText(1)] = s.ColumnText(2);
  }
  return Status::Ok();
}

}  // namespace

RegistryReader::RegistryReader(Store& store) : store_(&store), db_(store.database()) {}

Result<std::vector<int>> RegistryReader::SurveyYears() {
  ANSINH_ASSIGN_OR_RETURN(Statement s,
                          db_->Prepare("SELECT DISTINCT year FROM household_years ORDER BY year"));
  std::vector<int> years;
  for (;;) {
    ANSINH_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    years.push_back(static_cast<int>(s.ColumnInt(0)));
  }
  return years;
}

Result<RegistryYear> RegistryReader::ReadYear(int year) {
  ANSINH_ASSIGN_OR_RETURN(std::vector<SurveyedHousehold> snapshot,
                          store_->surveys().YearSnapshot(year));
  if (snapshot.empty()) {
    return Status::NotFound("year", std::to_string(year), "không có hộ nào được khảo sát năm này",
                            "no household was surveyed that year");
  }
  RegistryYear out;
  out.year = year;
  out.households.reserve(snapshot.size());
  out.household_years.reserve(snapshot.size());
  std::unordered_map<std::int64_t, Person> surveyed;  // members with a survey in `year`
  for (SurveyedHousehold& h : snapshot) {
    out.households.push_back({std::move(h.household), {}});
    out.household_years.push_back({h.survey, {}});
    for (SurveyMember& m : h.members) {
      out.person_years.push_back({m.year, {}});
      surveyed.emplace(m.person.id, std::move(m.person));
    }
  }
  std::vector<SurveyedHousehold>().swap(snapshot);  // its memory back before the next scans
  std::sort(out.person_years.begin(), out.person_years.end(),
            [](const auto& a, const auto& b) { return a.survey.person_id < b.survey.person_id; });
  ANSINH_RETURN_IF_ERROR(ReadHamletNames(out));
  ANSINH_RETURN_IF_ERROR(ReadMembers(surveyed, out));
  surveyed = {};

  ANSINH_RETURN_IF_ERROR(AttachAttributes(*db_, "household", 0, out.households,
                                          [](const auto& r) { return r.household.id; }));
  ANSINH_RETURN_IF_ERROR(
      AttachAttributes(*db_, "person", 0, out.persons, [](const auto& r) { return r.person.id; }));
  ANSINH_RETURN_IF_ERROR(AttachAttributes(*db_, "household_year", year, out.household_years,
                                          [](const auto& r) { return r.survey.household_id; }));
  ANSINH_RETURN_IF_ERROR(AttachAttributes(*db_, "person_year", year, out.person_years,
                                          [](const auto& r) { return r.survey.person_id; }));
  return out;
}

Status RegistryReader::ReadHamletNames(RegistryYear& out) {
  std::unordered_map<std::int64_t, std::string> names;
  ANSINH_ASSIGN_OR_RETURN(Statement s, db_->Prepare("SELECT id, name FROM hamlets"));
  for (;;) {
    ANSINH_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    names.emplace(s.ColumnInt(0), s.ColumnText(1));
  }
  for (RegistryHousehold& h : out.households) {
    const auto it = names.find(h.household.hamlet_id);
    if (it != names.end()) h.household.hamlet_name = it->second;
  }
  return Status::Ok();
}

// The snapshot holds the members surveyed that year; the others (a newborn, a member away) are
// read one by one, as they are few.
Status RegistryReader::ReadMembers(std::unordered_map<std::int64_t, Person>& surveyed,
                                   RegistryYear& out) {
  ANSINH_ASSIGN_OR_RETURN(Statement s, db_->Prepare(kYearMembers, {out.year}));
  for (;;) {
    ANSINH_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    const std::int64_t id = s.ColumnInt(0);
    if (auto it = surveyed.find(id); it != surveyed.end()) {
      out.persons.push_back({std::move(it->second), {}});
    } else {
      ANSINH_ASSIGN_OR_RETURN(Person p, store_->households().GetPerson(id));
      out.persons.push_back({std::move(p), {}});
    }
  }
  return Status::Ok();
}

}  // namespace ansinh::store
