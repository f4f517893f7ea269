#include "rules/catalogue.h"

#include <span>
#include <utility>

namespace ansinh::rules {

std::string_view TypeName(Type type) {
  switch (type) {
    case Type::kBool:
      return "bool";
    case Type::kInt:
      return "int";
    case Type::kDecimal:
      return "decimal";
    case Type::kString:
      return "string";
    case Type::kMoneyPc:
      return "money per capita";
  }
  return "?";
}

namespace {

bool StorageFits(Type type, Storage storage) {
  switch (type) {
    case Type::kBool:
      return storage == Storage::kBool;
    case Type::kInt:
      return storage == Storage::kInt32 || storage == Storage::kInt64;
    case Type::kDecimal:
      return storage == Storage::kFloat64;
    case Type::kString:
      return storage == Storage::kCode;
    case Type::kMoneyPc:
      return storage == Storage::kVirtual;
  }
  return false;
}

}  // namespace

Result<FieldId> Catalogue::Add(FieldDef field) {
  if (field.name.empty()) return Status::Internal("a catalogue field needs a name");
  if (Find(field.scope, field.name) >= 0) {
    return Status::Error(ErrorCode::kAlreadyExists, "trường đã có trong danh mục: " + field.name,
                         "field already in the catalogue: " + field.name);
  }
  if (!StorageFits(field.type, field.storage)) {
    return Status::Internal("field " + field.name + ": storage does not fit its type");
  }
  if (field.type == Type::kMoneyPc) {
    // The quotient's parts must be household integer fields that are already registered.
    for (const std::string* part : {&field.numerator, &field.denominator}) {
      FieldId id = Find(Scope::kHousehold, *part);
      if (id < 0 || fields_[static_cast<std::size_t>(id)].type != Type::kInt ||
          field.scope != Scope::kHousehold) {
        return Status::Internal("field " + field.name + ": bad quotient part '" + *part + "'");
      }
    }
  }
  fields_.push_back(std::move(field));
  return static_cast<FieldId>(fields_.size() - 1);
}

FieldId Catalogue::Find(Scope scope, std::string_view name) const {
  for (std::size_t i = 0; i < fields_.size(); ++i) {
    if (fields_[i].scope == scope && fields_[i].name == name) return static_cast<FieldId>(i);
  }
  return -1;
}

namespace {

// One core field: what a FieldDef says, as constants. The order of the tables is the order of
// the field ids.
struct CoreField {
  std::string_view name;
  Type type;
  Storage storage;
  std::string_view doc;
  std::span<const std::string_view> values = {};  // a closed string field's allowed values
  std::string_view context = {};                  // the check option that enables it
  std::string_view numerator = {};                // kMoneyPc: the quotient's parts
  std::string_view denominator = {};
};

std::span<const CoreField> HouseholdFields() {
  using enum Type;
  static constexpr std::string_view kAreas[] = {"rural", "urban"};
  static constexpr std::string_view kHousingQualities[] = {"permanent", "semi_permanent",
                                                           "less_permanent", "temporary"};
  static constexpr CoreField kFields[] = {
      {"year", kInt, Storage::kInt32, "survey year"},
      {"area", kString, Storage::kCode, "\"rural\" or \"urban\"", kAreas},
      {"urban", kBool, Storage::kBool, "area = \"urban\""},
      {"members", kInt, Storage::kInt32, "members surveyed that year"},
      {"income_month", kInt, Storage::kInt64, "household income, VND per month"},
      {.name = "income_pc",
       .type = kMoneyPc,
       .storage = Storage::kVirtual,
       .doc = "income per capita, the exact quotient income_month / members",
       .numerator = "income_month",
       .denominator = "members"},
      {"housing_quality", kString, Storage::kCode, "grade of the dwelling", kHousingQualities},
      {"housing_area_m2", kDecimal, Storage::kFloat64, "floor area, m2"},
      {"housing_area_pc", kDecimal, Storage::kFloat64, "floor area per member, m2"},
      {"clean_water", kBool, Storage::kBool, "hygienic drinking water"},
      {"hygienic_latrine", kBool, Storage::kBool, "hygienic latrine"},
      {"telecom", kBool, Storage::kBool, "uses telephone or internet"},
      {"info_assets", kBool, Storage::kBool, "has TV, radio, computer, ..."},
      {.name = "deprivation_count",
       .type = kInt,
       .storage = Storage::kInt32,
       .doc = "number of the standard's deprivations met",
       .context = kContextClassification},
      {.name = "line.poor",
       .type = kInt,
       .storage = Storage::kInt64,
       .doc = "poverty line, VND/person/month",
       .context = kContextLinePoor},
      {.name = "line.near_poor",
       .type = kInt,
       .storage = Storage::kInt64,
       .doc = "near-poverty line",
       .context = kContextLineNearPoor},
      {.name = "line.middle",
       .type = kInt,
       .storage = Storage::kInt64,
       .doc = "middle-living-standard line",
       .context = kContextLineMiddle},
      {"score_a", kInt, Storage::kInt32, "income-proxy score (form B1 / A)"},
      {"score_b", kInt, Storage::kInt32, "deprivation score (form B2 / B)"},
  };
  return kFields;
}

std::span<const CoreField> MemberFields() {
  using enum Type;
  static constexpr std::string_view kSexes[] = {"M", "F"};
  static constexpr std::string_view kRelations[] = {"head",       "spouse",  "child", "parent",
                                                    "grandchild", "sibling", "other"};
  static constexpr CoreField kFields[] = {
      {"age", kInt, Storage::kInt32, "survey year - birth year"},
      {"sex", kString, Storage::kCode, "\"M\" or \"F\"", kSexes},
      {"relation", kString, Storage::kCode, "relation to the head", kRelations},
      {"ethnicity", kString, Storage::kCode, "ethnic group (open set: \"Kinh\", ...)"},
      {"health_insurance", kBool, Storage::kBool, "has health insurance"},
      {"in_school", kBool, Storage::kBool, "attends school"},
      {"trained", kBool, Storage::kBool, "trained worker"},
      {"vocational_trained", kBool, Storage::kBool, "vocationally trained"},
      {"employed", kBool, Storage::kBool, "employed"},
      {"education_grade", kInt, Storage::kInt32, "highest grade completed, 0..12"},
      {"disability", kInt, Storage::kInt32, "0 none, otherwise the degree"},
      {"sick_untreated", kBool, Storage::kBool, "ill in the past 12 months, no care"},
      {"malnourished", kBool, Storage::kBool, "child stunted or underweight"},
      {"wage_no_contract", kBool, Storage::kBool, "wage work without a contract"},
      {"social_allowance", kBool, Storage::kBool, "receives a social allowance"},
  };
  return kFields;
}

Status AddAll(Catalogue& catalogue, Scope scope, std::span<const CoreField> fields) {
  for (const CoreField& c : fields) {
    FieldDef f;
    f.name = std::string(c.name);
    f.type = c.type;
    f.scope = scope;
    f.storage = c.storage;
    f.context = std::string(c.context);
    f.values.assign(c.values.begin(), c.values.end());
    f.numerator = std::string(c.numerator);
    f.denominator = std::string(c.denominator);
    f.doc = std::string(c.doc);
    ANSINH_ASSIGN_OR_RETURN(FieldId id, catalogue.Add(std::move(f)));
    (void)id;
  }
  return Status::Ok();
}

}  // namespace

Status RegisterCoreFields(Catalogue& catalogue) {
  ANSINH_RETURN_IF_ERROR(AddAll(catalogue, Scope::kHousehold, HouseholdFields()));
  return AddAll(catalogue, Scope::kMember, MemberFields());
}

}  // namespace ansinh::rules
