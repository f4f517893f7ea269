#include "analytics/snapshot.h"

#include <algorithm>
#include <iterator>
#include <string>
#include <utility>

namespace ansinh::analytics {

Snapshot::Snapshot(const rules::Catalogue& catalogue, UnitTree units)
    : catalogue_(&catalogue), units_(std::move(units)) {}

Status Snapshot::CheckRows(int year, std::span<const std::int64_t> ids,
                           std::span<const UnitIndex> communes) const {
  if (Year(year) != nullptr) {
    return Status::Error(ErrorCode::kAlreadyExists,
                         "năm " + std::to_string(year) + " đã có trong bảng tổng hợp",
                         "year " + std::to_string(year) + " is already in the snapshot");
  }
  if (ids.size() != communes.size()) {
    return Status::Internal("Snapshot::AddYear: ids and communes differ in length");
  }
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i > 0 && ids[i] <= ids[i - 1]) {
      return Status::Invalid("household_id", std::to_string(ids[i]),
                             "mã hộ không tăng dần hoặc bị trùng",
                             "household ids are not ascending or appear twice");
    }
    UnitIndex c = communes[i];
    if (c < 0 || c >= units_.size() || units_.unit(c).level != UnitLevel::kCommune) {
      return Status::Invalid("commune", std::to_string(c), "không phải một xã của cây đơn vị",
                             "not a commune of the unit tree");
    }
  }
  return Status::Ok();
}

Status Snapshot::AddYear(int year, std::span<const std::int64_t> ids,
                         std::span<const UnitIndex> communes,
                         std::span<const rules::HouseholdRecord> records) {
  ANSINH_RETURN_IF_ERROR(CheckRows(year, ids, communes));
  if (ids.size() != records.size()) {
    return Status::Internal("Snapshot::AddYear: ids and records differ in length");
  }
  ANSINH_ASSIGN_OR_RETURN(rules::Frame frame, rules::BuildFrame(*catalogue_, records));
  SurveyYear added(*catalogue_);
  added.year = year;
  added.frame = std::move(frame);
  added.household_id.assign(ids.begin(), ids.end());
  added.commune.assign(communes.begin(), communes.end());
  return AddYear(std::move(added));
}

Status Snapshot::AddYear(SurveyYear added) {
  if (&added.frame.catalogue() != catalogue_) {
    return Status::Internal("Snapshot::AddYear: the frame is over another catalogue");
  }
  if (added.frame.households() != added.household_id.size()) {
    return Status::Internal("Snapshot::AddYear: the frame and the ids differ in length");
  }
  // A year built by AddYear(records) was checked already; checking twice is cheap.
  ANSINH_RETURN_IF_ERROR(CheckRows(added.year, added.household_id, added.commune));
  const int year = added.year;
  auto at = std::lower_bound(years_.begin(), years_.end(), year,
                             [](const SurveyYear& y, int v) { return y.year < v; });
  years_.insert(at, std::move(added));
  Reindex();
  return Status::Ok();
}

// The union of ids changes with every year added, and with it every dense index.
void Snapshot::Reindex() {
  std::vector<std::int64_t> all;
  for (const SurveyYear& y : years_) {
    std::vector<std::int64_t> merged;
    merged.reserve(all.size() + y.household_id.size());
    std::set_union(all.begin(), all.end(), y.household_id.begin(), y.household_id.end(),
                   std::back_inserter(merged));
    all = std::move(merged);
  }
  all_ids_ = std::move(all);
  for (SurveyYear& y : years_) {
    y.dense.resize(y.household_id.size());
    // Both sequences ascend: one forward walk.
    std::size_t j = 0;
    for (std::size_t i = 0; i < y.household_id.size(); ++i) {
      while (all_ids_[j] < y.household_id[i]) ++j;
      y.dense[i] = static_cast<std::uint32_t>(j);
    }
  }
}

SurveyYear* Snapshot::Year(int year) {
  for (SurveyYear& y : years_) {
    if (y.year == year) return &y;
  }
  return nullptr;
}

const SurveyYear* Snapshot::Year(int year) const {
  for (const SurveyYear& y : years_) {
    if (y.year == year) return &y;
  }
  return nullptr;
}

namespace {

std::size_t ColumnBytes(const rules::Column& c) {
  switch (c.storage()) {
    case rules::Storage::kInt64: return c.rows() * sizeof(std::int64_t);
    case rules::Storage::kInt32:
    case rules::Storage::kCode: return c.rows() * sizeof(std::int32_t);
    case rules::Storage::kBool: return c.rows();
    case rules::Storage::kFloat64: return c.rows() * sizeof(double);
    case rules::Storage::kVirtual: return 0;
  }
  return 0;
}

}  // namespace

Snapshot::Memory Snapshot::MemoryUse() const {
  Memory m;
  for (const SurveyYear& y : years_) {
    m.household_rows += y.frame.households();
    m.member_rows += y.frame.member_rows();
    m.household_bytes += y.household_id.size() * sizeof(std::int64_t) +
                         y.commune.size() * sizeof(UnitIndex) +
                         y.dense.size() * sizeof(std::uint32_t);
    m.member_bytes += y.frame.member_offsets().size() * sizeof(std::uint32_t);
    for (int f = 0; f < catalogue_->size(); ++f) {
      const rules::Column* c = y.frame.column(f);
      if (c == nullptr) continue;
      std::size_t bytes = ColumnBytes(*c);
      if (catalogue_->field(f).scope == rules::Scope::kHousehold) {
        m.household_bytes += bytes;
      } else {
        m.member_bytes += bytes;
      }
    }
  }
  m.household_bytes += all_ids_.size() * sizeof(std::int64_t);
  return m;
}

}  // namespace ansinh::analytics
