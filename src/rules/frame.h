// The column batch a compiled rule runs over: household columns and member columns as structs of
// arrays, members in CSR layout, strings as codes of one dictionary.
//
// Owns: the Frame (shape, columns by catalogue field id, the string dictionary) and Column.
// Must stay true: member_offsets has households() + 1 entries, starts at 0 and never decreases;
// the members of household h are member rows [offsets[h], offsets[h + 1]). A household column has
// households() rows and a member column member_rows() rows: columns are sized when created and
// only their contents can be changed, so a frame is always well-formed. Every string column of a
// frame uses the frame's one dictionary, so string = string is a comparison of codes. A frame is
// filled once (by the analytics snapshot, `ansinh classify`, or BuildFrame) and then only read;
// reading it from many threads at once is safe.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "rules/catalogue.h"

namespace ansinh::rules {

class Dictionary {
 public:
  std::int32_t Intern(std::string_view text);      // the code of text, added when new
  std::int32_t Find(std::string_view text) const;  // -1 when absent
  const std::string& text(std::int32_t code) const {
    return texts_[static_cast<std::size_t>(code)];
  }
  std::int32_t size() const { return static_cast<std::int32_t>(texts_.size()); }

 private:
  std::vector<std::string> texts_;
  std::unordered_map<std::string, std::int32_t> codes_;
};

class Column {
 public:
  Column(Storage storage, std::size_t rows);
  // A column that takes over values filled elsewhere, without a copy (a builder that grows
  // vectors row by row, analytics/year_builder.h): kInt64; kInt32 or kCode; kBool; kFloat64.
  explicit Column(std::vector<std::int64_t> values);
  Column(Storage storage, std::vector<std::int32_t> values);  // kInt32 or kCode (asserts)
  explicit Column(std::vector<std::uint8_t> values);  // kBool, each 0 or 1
  explicit Column(std::vector<double> values);
  Storage storage() const { return storage_; }
  std::size_t rows() const { return rows_; }

  // The values, by storage: kInt64; kInt32 and kCode (dictionary codes); kBool (0 or 1); kFloat64.
  std::span<std::int64_t> int64s() { return i64_; }
  std::span<const std::int64_t> int64s() const { return i64_; }
  std::span<std::int32_t> int32s() { return i32_; }
  std::span<const std::int32_t> int32s() const { return i32_; }
  std::span<std::uint8_t> bools() { return u8_; }
  std::span<const std::uint8_t> bools() const { return u8_; }
  std::span<double> decimals() { return f64_; }
  std::span<const double> decimals() const { return f64_; }

 private:
  Storage storage_;
  std::size_t rows_;
  std::vector<std::int64_t> i64_;
  std::vector<std::int32_t> i32_;
  std::vector<std::uint8_t> u8_;
  std::vector<double> f64_;
};

class Frame {
 public:
  // An empty frame (no households). The catalogue must outlive the frame.
  explicit Frame(const Catalogue& catalogue);

  const Catalogue& catalogue() const { return *catalogue_; }

  // Fixes the shape and drops every column. Offsets must start at 0 and never decrease.
  Status SetMemberOffsets(std::vector<std::uint32_t> offsets);
  std::size_t households() const { return offsets_.size() - 1; }
  std::size_t member_rows() const { return offsets_.back(); }
  std::span<const std::uint32_t> member_offsets() const { return offsets_; }

  // The column of a field, created zero-filled (right storage and length) on first use.
  // A virtual field (income_pc) has no column: that is a bug of the caller (asserts).
  Column& MutableColumn(FieldId id);
  // By name; an unknown name is kNotFound.
  Result<Column*> MutableColumn(Scope scope, std::string_view name);
  // nullptr when the column was never created.
  const Column* column(FieldId id) const;
  // Sets the column of a field to `column` (built from filled values): kInvalidArgument, and the
  // frame unchanged, unless its storage is the field's and its length the field's scope's.
  Status AdoptColumn(FieldId id, Column column);

  Dictionary& dictionary() { return dictionary_; }
  const Dictionary& dictionary() const { return dictionary_; }

 private:
  const Catalogue* catalogue_;
  std::vector<std::uint32_t> offsets_{0};
  std::vector<std::unique_ptr<Column>> columns_;  // by FieldId
  Dictionary dictionary_;
};

}  // namespace ansinh::rules
