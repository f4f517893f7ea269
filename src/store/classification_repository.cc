// ClassificationRepository: a household's category in a year under a standard, with the
// explanation the rules produced. Re-classifying with the same result keeps the old row (and its
// classified_at), so the audit log records only real changes of category or explanation.
#include <nlohmann/json.hpp>

#include "core/validation.h"
#include "store/internal.h"

namespace ansinh::store {
namespace {

using internal::Json;

constexpr std::string_view kSelectRow =
    "SELECT * FROM classifications WHERE household_id = ?1 AND year = ?2 AND standard_id = ?3";

Status Validate(const Classification& c) {
  ANSINH_RETURN_IF_ERROR(ValidateSurveyYear(c.year));
  if (c.standard_id.empty()) {
    return Status::Invalid("standard", "", "cần mã chuẩn nghèo", "a standard id is required");
  }
  if (c.income_per_capita < 0) {
    return Status::Invalid("income_per_capita", std::to_string(c.income_per_capita),
                           "thu nhập không được âm", "income must not be negative");
  }
  if (c.deprivation_count < 0) {
    return Status::Invalid("deprivation_count", std::to_string(c.deprivation_count),
                           "số chỉ số thiếu hụt không được âm",
                           "the deprivation count must not be negative");
  }
  if (!c.explanation_json.empty() &&
      Json::parse(c.explanation_json, nullptr, /*allow_exceptions=*/false).is_discarded()) {
    return Status::Invalid("explanation", c.explanation_json, "giải thích không phải JSON hợp lệ",
                           "the explanation is not valid JSON");
  }
  return Status::Ok();
}

// The row without its timestamp: what decides whether a Put changed anything.
std::optional<Json> WithoutTimestamp(std::optional<Json> row) {
  if (row) row->erase("classified_at");
  return row;
}

}  // namespace

namespace {

// Writes one classification inside the caller's transaction; audits it when it changed.
Status PutInTransaction(Database& db, const Clock& clock, const Classification& c,
                        const Actor& actor) {
  ANSINH_RETURN_IF_ERROR(Validate(c));
  ANSINH_ASSIGN_OR_RETURN(
      auto household,
      internal::LoadRow(db, "SELECT 1 FROM households WHERE id = ?1", {c.household_id}));
  if (!household) {
    return internal::NotFound("household", std::to_string(c.household_id), "không có hộ này",
                              "no such household");
  }
  ANSINH_ASSIGN_OR_RETURN(
      auto before, internal::LoadRow(db, kSelectRow, {c.household_id, c.year, c.standard_id}));
  // Re-classifying with the same result keeps the old row and its timestamp.
  if (before) {
    Json same = *before;
    same["category"] = CategoryCode(c.category);
    same["income_per_capita"] = c.income_per_capita;
    same["deprivation_count"] = c.deprivation_count;
    same["outcome"] = c.outcome;
    if (same == *before &&
        (*before)["explanation"] ==
            (c.explanation_json.empty() ? Json(nullptr) : Json(c.explanation_json))) {
      return Status::Ok();
    }
  }
  ANSINH_RETURN_IF_ERROR(db.Execute(
      "INSERT OR REPLACE INTO classifications (household_id, year, standard_id, category, "
      "income_per_capita, deprivation_count, outcome, explanation, classified_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
      {c.household_id, c.year, c.standard_id, CategoryCode(c.category), c.income_per_capita,
       c.deprivation_count, c.outcome, SqlValue::TextOrNull(c.explanation_json), clock.NowIso()}));
  ANSINH_ASSIGN_OR_RETURN(
      auto after, internal::LoadRow(db, kSelectRow, {c.household_id, c.year, c.standard_id}));
  if (WithoutTimestamp(before) == WithoutTimestamp(after)) return Status::Ok();
  const std::string key =
      std::to_string(c.household_id) + "/" + std::to_string(c.year) + "/" + c.standard_id;
  return internal::RecordChange(db, clock, actor, "classification", key, before, after).status();
}

}  // namespace

Status ClassificationRepository::Put(const Classification& c, const Actor& actor) {
  return PutAll({c}, actor);
}

Status ClassificationRepository::PutAll(const std::vector<Classification>& list,
                                        const Actor& actor) {
  ANSINH_ASSIGN_OR_RETURN(Transaction tx, Transaction::Begin(db_));
  for (const Classification& c : list) {
    ANSINH_RETURN_IF_ERROR(PutInTransaction(*db_, *clock_, c, actor));
  }
  return tx.Commit();
}

namespace {

constexpr std::string_view kSelectClassification =
    "SELECT household_id, year, standard_id, category, income_per_capita, deprivation_count, "
    "outcome, explanation, classified_at FROM classifications ";

Result<std::vector<Classification>> ReadClassifications(Statement& stmt) {
  std::vector<Classification> list;
  for (;;) {
    ANSINH_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) return list;
    Classification c;
    c.household_id = stmt.ColumnInt(0);
    c.year = static_cast<int>(stmt.ColumnInt(1));
    c.standard_id = stmt.ColumnText(2);
    ANSINH_ASSIGN_OR_RETURN(c.category, ParseCategory(stmt.ColumnText(3), "category"));
    c.income_per_capita = stmt.ColumnInt(4);
    c.deprivation_count = static_cast<int>(stmt.ColumnInt(5));
    c.outcome = stmt.ColumnText(6);
    c.explanation_json = stmt.ColumnText(7);
    c.classified_at = stmt.ColumnText(8);
    list.push_back(std::move(c));
  }
}

}  // namespace

Result<std::vector<Classification>> ClassificationRepository::ForHousehold(
    std::int64_t household_id) {
  ANSINH_ASSIGN_OR_RETURN(Statement stmt,
                          db_->Prepare(std::string(kSelectClassification) +
                                           "WHERE household_id = ?1 ORDER BY year, standard_id",
                                       {household_id}));
  return ReadClassifications(stmt);
}

Result<std::vector<Classification>> ClassificationRepository::ForYear(int year) {
  ANSINH_ASSIGN_OR_RETURN(Statement stmt,
                          db_->Prepare(std::string(kSelectClassification) +
                                           "WHERE year = ?1 ORDER BY household_id, standard_id",
                                       {year}));
  return ReadClassifications(stmt);
}

}  // namespace ansinh::store
