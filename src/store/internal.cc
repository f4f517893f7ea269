#include "store/internal.h"

namespace ansinh::store::internal {

namespace {

// The current row's columns from `first` on, as {"column": value, ...}.
Json RowAsJson(const Statement& stmt, int first) {
  Json row = Json::object();
  for (int i = first; i < stmt.ColumnCount(); ++i) {
    Json& cell = row[stmt.ColumnName(i)];
    switch (stmt.ColumnType(i)) {
      case ColumnKind::kNull:
        cell = nullptr;
        break;
      case ColumnKind::kInteger:
        cell = stmt.ColumnInt(i);
        break;
      case ColumnKind::kReal:
        cell = stmt.ColumnDouble(i);
        break;
      case ColumnKind::kText:
        cell = stmt.ColumnText(i);
        break;
    }
  }
  return row;
}

}  // namespace

Result<std::optional<Json>> LoadRow(Database& db, std::string_view sql,
                                    std::initializer_list<SqlValue> values) {
  ANSINH_ASSIGN_OR_RETURN(Statement stmt, db.Prepare(sql, values));
  ANSINH_ASSIGN_OR_RETURN(bool found, stmt.Step());
  if (!found) return std::optional<Json>();
  return std::optional<Json>(RowAsJson(stmt, 0));
}

Result<std::vector<std::pair<std::string, Json>>> LoadKeyedRows(
    Database& db, std::string_view sql, std::initializer_list<SqlValue> values) {
  ANSINH_ASSIGN_OR_RETURN(Statement stmt, db.Prepare(sql, values));
  std::vector<std::pair<std::string, Json>> rows;
  for (;;) {
    ANSINH_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) return rows;
    rows.emplace_back(stmt.ColumnText(0), RowAsJson(stmt, 1));
  }
}

Status DeleteAudited(Database& db, const Clock& clock, const Actor& actor, std::string_view table,
                     std::string_view select_sql, std::string_view delete_sql, std::int64_t id) {
  ANSINH_ASSIGN_OR_RETURN(auto rows, LoadKeyedRows(db, select_sql, {id}));
  for (const auto& [key, row] : rows) {
    ANSINH_RETURN_IF_ERROR(RecordChange(db, clock, actor, table, key, row, std::nullopt).status());
  }
  return db.Execute(delete_sql, {id});
}

std::string DumpJson(const std::optional<Json>& row) {
  if (!row) return {};
  return row->dump(-1, ' ', false, Json::error_handler_t::replace);
}

Status AppendAudit(Database& db, const Clock& clock, const Actor& actor, std::string_view action,
                   std::string_view table, std::string_view key, std::string_view before_json,
                   std::string_view after_json) {
  return db.Execute(
      "INSERT INTO audit_log (at, actor, action, table_name, row_key, before_json, after_json) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
      {clock.NowIso(), actor.name, action, table, key, SqlValue::TextOrNull(before_json),
       SqlValue::TextOrNull(after_json)});
}

Result<bool> RecordChange(Database& db, const Clock& clock, const Actor& actor,
                          std::string_view table, std::string_view key,
                          const std::optional<Json>& before, const std::optional<Json>& after) {
  if (before == after) return false;
  const char* action = !before ? "insert" : !after ? "delete" : "update";
  ANSINH_RETURN_IF_ERROR(
      AppendAudit(db, clock, actor, action, table, key, DumpJson(before), DumpJson(after)));
  return true;
}

Status NotFound(std::string_view field, std::string_view value, std::string_view what_vi,
                std::string_view what_en) {
  return Status::NotFound(std::string(field), std::string(value), std::string(what_vi),
                          std::string(what_en));
}

Status NameConflict(Status status, std::string_view field, std::string_view value) {
  if (status.code() != ErrorCode::kAlreadyExists) return status;
  const std::string quoted = "\"" + std::string(value) + "\"";
  return Status::Error(ErrorCode::kAlreadyExists, quoted + " đã được dùng",
                       quoted + " is already taken")
      .WithField(std::string(field));
}

Result<bool> CommuneExists(Database& db, std::string_view code) {
  ANSINH_ASSIGN_OR_RETURN(
      Statement stmt,
      db.Prepare("SELECT 1 FROM admin_units WHERE code = ?1 AND level = 3", {code}));
  return stmt.Step();
}

Result<Person> ReadPerson(const Statement& s, int first) {
  Person p;
  p.id = s.ColumnInt(first);
  p.household_id = s.ColumnInt(first + 1);
  p.code = s.ColumnText(first + 2);
  p.full_name = s.ColumnText(first + 3);
  ANSINH_ASSIGN_OR_RETURN(p.sex, ParseSex(s.ColumnText(first + 4), "sex"));
  p.birth_date = s.ColumnText(first + 5);
  ANSINH_ASSIGN_OR_RETURN(p.relation, ParseRelation(s.ColumnText(first + 6), "relation"));
  p.ethnicity = s.ColumnText(first + 7);
  p.id_number = s.ColumnText(first + 8);
  return p;
}

Status ReadHouseholdAnswers(const Statement& s, int first, HouseholdYear& y) {
  y.income_month = s.ColumnInt(first);
  ANSINH_ASSIGN_OR_RETURN(y.housing_quality,
                          ParseHousingQuality(s.ColumnView(first + 1), "housing_quality"));
  y.housing_area_m2 = s.ColumnDouble(first + 2);
  y.clean_water = s.ColumnInt(first + 3) != 0;
  y.hygienic_latrine = s.ColumnInt(first + 4) != 0;
  y.telecom = s.ColumnInt(first + 5) != 0;
  y.info_assets = s.ColumnInt(first + 6) != 0;
  return Status::Ok();
}

void ReadPersonAnswers(const Statement& s, int first, PersonYear& y) {
  y.health_insurance = s.ColumnInt(first) != 0;
  y.in_school = s.ColumnInt(first + 1) != 0;
  y.education_grade = static_cast<int>(s.ColumnInt(first + 2));
  y.trained = s.ColumnInt(first + 3) != 0;
  y.vocational_trained = s.ColumnInt(first + 4) != 0;
  y.employed = s.ColumnInt(first + 5) != 0;
  y.disability = static_cast<int>(s.ColumnInt(first + 6));
  y.sick_untreated = s.ColumnInt(first + 7) != 0;
  y.malnourished = s.ColumnInt(first + 8) != 0;
  y.wage_no_contract = s.ColumnInt(first + 9) != 0;
  y.social_allowance = s.ColumnInt(first + 10) != 0;
}

}  // namespace ansinh::store::internal
