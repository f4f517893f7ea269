#include "rules/frame.h"

#include <cassert>
#include <utility>

namespace ansinh::rules {

std::int32_t Dictionary::Intern(std::string_view text) {
  auto it = codes_.find(std::string(text));
  if (it != codes_.end()) return it->second;
  const auto code = static_cast<std::int32_t>(texts_.size());
  texts_.emplace_back(text);
  codes_.emplace(std::string(text), code);
  return code;
}

std::int32_t Dictionary::Find(std::string_view text) const {
  auto it = codes_.find(std::string(text));
  return it == codes_.end() ? -1 : it->second;
}

Column::Column(Storage storage, std::size_t rows) : storage_(storage), rows_(rows) {
  switch (storage) {
    case Storage::kInt64:
      i64_.assign(rows, 0);
      break;
    case Storage::kInt32:
    case Storage::kCode:
      i32_.assign(rows, 0);
      break;
    case Storage::kBool:
      u8_.assign(rows, 0);
      break;
    case Storage::kFloat64:
      f64_.assign(rows, 0.0);
      break;
    case Storage::kVirtual:
      break;
  }
}

Column::Column(std::vector<std::int64_t> values)
    : storage_(Storage::kInt64), rows_(values.size()), i64_(std::move(values)) {}

Column::Column(Storage storage, std::vector<std::int32_t> values)
    : storage_(storage), rows_(values.size()), i32_(std::move(values)) {
  assert(storage == Storage::kInt32 || storage == Storage::kCode);
}

Column::Column(std::vector<std::uint8_t> values)
    : storage_(Storage::kBool), rows_(values.size()), u8_(std::move(values)) {}

Column::Column(std::vector<double> values)
    : storage_(Storage::kFloat64), rows_(values.size()), f64_(std::move(values)) {}

Frame::Frame(const Catalogue& catalogue) : catalogue_(&catalogue) {}

Status Frame::SetMemberOffsets(std::vector<std::uint32_t> offsets) {
  if (offsets.empty() || offsets.front() != 0) {
    return Status::Invalid("member_offsets", "", "danh sách vị trí thành viên phải bắt đầu bằng 0",
                           "member offsets must start at 0");
  }
  for (std::size_t i = 1; i < offsets.size(); ++i) {
    if (offsets[i] < offsets[i - 1]) {
      return Status::Invalid("member_offsets", std::to_string(i),
                             "vị trí thành viên không được giảm",
                             "member offsets must not decrease");
    }
  }
  offsets_ = std::move(offsets);
  columns_.clear();
  return Status::Ok();
}

Column& Frame::MutableColumn(FieldId id) {
  assert(id >= 0 && id < catalogue_->size());
  const auto index = static_cast<std::size_t>(id);
  if (columns_.size() <= index) columns_.resize(index + 1);
  if (!columns_[index]) {
    const FieldDef& field = catalogue_->field(id);
    assert(field.storage != Storage::kVirtual);
    const std::size_t rows = field.scope == Scope::kHousehold ? households() : member_rows();
    columns_[index] = std::make_unique<Column>(field.storage, rows);
  }
  return *columns_[index];
}

Result<Column*> Frame::MutableColumn(Scope scope, std::string_view name) {
  const FieldId id = catalogue_->Find(scope, name);
  if (id < 0 || catalogue_->field(id).storage == Storage::kVirtual) {
    return Status::NotFound("field", std::string(name), "không có cột cho trường này",
                            "no column for this field");
  }
  return &MutableColumn(id);
}

Status Frame::AdoptColumn(FieldId id, Column column) {
  if (id < 0 || id >= catalogue_->size()) return Status::Internal("AdoptColumn: no such field");
  const FieldDef& field = catalogue_->field(id);
  const std::size_t rows = field.scope == Scope::kHousehold ? households() : member_rows();
  if (column.storage() != field.storage || column.rows() != rows) {
    return Status::Invalid(field.name, std::to_string(column.rows()),
                           "cột không đúng kiểu hoặc số dòng của trường",
                           "the column's storage or length is not the field's");
  }
  const auto index = static_cast<std::size_t>(id);
  if (columns_.size() <= index) columns_.resize(index + 1);
  columns_[index] = std::make_unique<Column>(std::move(column));
  return Status::Ok();
}

const Column* Frame::column(FieldId id) const {
  const auto index = static_cast<std::size_t>(id);
  return id >= 0 && index < columns_.size() ? columns_[index].get() : nullptr;
}

}  // namespace ansinh::rules
