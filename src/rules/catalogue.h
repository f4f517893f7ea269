// The field catalogue: every name a rule may use, its type, and where its values live.
//
// Owns: the value types of the rule language, the household and member fields, and the fixed set
// of names that standards in config/standards/*.toml are written against (RegisterCoreFields).
// Must stay true: a field's id is its index and never changes once added; names are unique per
// scope; a string field lists its allowed values unless it is open (ethnicity); a money-per-capita
// field is virtual and names the two integer household fields it is the exact quotient of. The
// catalogue is filled by explicit calls (no static initialisers) so later subsystems can add
// fields.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace ansinh::rules {

// The types of the rule language. kMoneyPc is money per capita: the exact rational
// numerator / denominator (income_month / members), only ever compared with whole VND.
enum class Type : std::uint8_t { kBool, kInt, kDecimal, kString, kMoneyPc };
std::string_view TypeName(Type type);  // "bool", "int", "decimal", "string", "money per capita"

// Household fields have one value per household; member fields one per member and are only
// visible inside count/any/all/sum(members, ...).
enum class Scope : std::uint8_t { kHousehold, kMember };

// How a frame stores a field's column. kVirtual fields have no column (income_pc).
enum class Storage : std::uint8_t { kInt64, kInt32, kBool, kCode, kFloat64, kVirtual };

using FieldId = int;

struct FieldDef {
  std::string name = {};  // "income_month", "line.poor", "age"
  Type type = Type::kInt;
  Scope scope = Scope::kHousehold;
  Storage storage = Storage::kInt32;
  // Empty when always available; otherwise a rule sees the field only when its check options
  // enable this context ("classification" for deprivation_count, "line.poor" for that line).
  std::string context = {};
  std::vector<std::string> values = {};  // string fields: allowed values; empty = open set
  std::string numerator = {};            // kMoneyPc only: household int fields of the quotient
  std::string denominator = {};
  std::string doc = {};  // one line, English, for docs and `ansinh standards fields`
};

class Catalogue {
 public:
  Catalogue() = default;

  // Adds a field; a duplicate name in the same scope or an inconsistent definition is an error.
  Result<FieldId> Add(FieldDef field);

  // The field of that name in that scope, or -1.
  FieldId Find(Scope scope, std::string_view name) const;
  const FieldDef& field(FieldId id) const { return fields_[static_cast<std::size_t>(id)]; }
  int size() const { return static_cast<int>(fields_.size()); }

 private:
  std::vector<FieldDef> fields_;
};

// Registers the fixed fields of issue 3 (household: year, area, urban, members, income_month,
// income_pc, housing_*, clean_water, hygienic_latrine, telecom, info_assets, deprivation_count,
// line.poor/near_poor/middle, score_a, score_b; member: age, sex, relation, ethnicity, ...).
Status RegisterCoreFields(Catalogue& catalogue);

// Contexts named by RegisterCoreFields.
inline constexpr std::string_view kContextClassification = "classification";
inline constexpr std::string_view kContextLinePoor = "line.poor";
inline constexpr std::string_view kContextLineNearPoor = "line.near_poor";
inline constexpr std::string_view kContextLineMiddle = "line.middle";

}  // namespace ansinh::rules
