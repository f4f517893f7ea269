#include "rules/catalogue.h"

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

FieldDef Household(std::string name, Type type, Storage storage, std::string doc) {
  FieldDef f;
  f.name = std::move(name);
  f.type = type;
  f.storage = storage;
  f.doc = std::move(doc);
  return f;
}

FieldDef Member(std::string name, Type type, Storage storage, std::string doc) {
  FieldDef f = Household(std::move(name), type, storage, std::move(doc));
  f.scope = Scope::kMember;
  return f;
}

FieldDef WithValues(FieldDef f, std::vector<std::string> values) {
  f.values = std::move(values);
  return f;
}

FieldDef WithContext(FieldDef f, std::string_view context) {
  f.context = std::string(context);
  return f;
}

std::vector<FieldDef> HouseholdFields() {
  using enum Type;
  FieldDef income_pc = Household("income_pc", kMoneyPc, Storage::kVirtual,
                                 "income per capita, the exact quotient income_month / members");
  income_pc.numerator = "income_month";
  income_pc.denominator = "members";
  return {
      Household("year", kInt, Storage::kInt32, "survey year"),
      WithValues(Household("area", kString, Storage::kCode, "\"rural\" or \"urban\""),
                 {"rural", "urban"}),
      Household("urban", kBool, Storage::kBool, "area = \"urban\""),
      Household("members", kInt, Storage::kInt32, "members surveyed that year"),
      Household("income_month", kInt, Storage::kInt64, "household income, VND per month"),
      std::move(income_pc),
      WithValues(Household("housing_quality", kString, Storage::kCode, "grade of the dwelling"),
                 {"permanent", "semi_permanent", "less_permanent", "temporary"}),
      Household("housing_area_m2", kDecimal, Storage::kFloat64, "floor area, m2"),
      Household("housing_area_pc", kDecimal, Storage::kFloat64, "floor area per member, m2"),
      Household("clean_water", kBool, Storage::kBool, "hygienic drinking water"),
      Household("hygienic_latrine", kBool, Storage::kBool, "hygienic latrine"),
      Household("telecom", kBool, Storage::kBool, "uses telephone or internet"),
      Household("info_assets", kBool, Storage::kBool, "has TV, radio, computer, ..."),
      WithContext(Household("deprivation_count", kInt, Storage::kInt32,
                            "number of the standard's deprivations met"),
                  kContextClassification),
      WithContext(Household("line.poor", kInt, Storage::kInt64, "poverty line, VND/person/month"),
                  kContextLinePoor),
      WithContext(Household("line.near_poor", kInt, Storage::kInt64, "near-poverty line"),
                  kContextLineNearPoor),
      WithContext(Household("line.middle", kInt, Storage::kInt64, "middle-living-standard line"),
                  kContextLineMiddle),
      Household("score_a", kInt, Storage::kInt32, "income-proxy score (form B1 / A)"),
      Household("score_b", kInt, Storage::kInt32, "deprivation score (form B2 / B)"),
  };
}

std::vector<FieldDef> MemberFields() {
  using enum Type;
  return {
      Member("age", kInt, Storage::kInt32, "survey year - birth year"),
      WithValues(Member("sex", kString, Storage::kCode, "\"M\" or \"F\""), {"M", "F"}),
      WithValues(Member("relation", kString, Storage::kCode, "relation to the head"),
                 {"head", "spouse", "child", "parent", "grandchild", "sibling", "other"}),
      Member("ethnicity", kString, Storage::kCode, "ethnic group (open set: \"Kinh\", ...)"),
      Member("health_insurance", kBool, Storage::kBool, "has health insurance"),
      Member("in_school", kBool, Storage::kBool, "attends school"),
      Member("trained", kBool, Storage::kBool, "trained worker"),
      Member("vocational_trained", kBool, Storage::kBool, "vocationally trained"),
      Member("employed", kBool, Storage::kBool, "employed"),
      Member("education_grade", kInt, Storage::kInt32, "highest grade completed, 0..12"),
      Member("disability", kInt, Storage::kInt32, "0 none, otherwise the degree"),
      Member("sick_untreated", kBool, Storage::kBool, "ill in the past 12 months, no care"),
      Member("malnourished", kBool, Storage::kBool, "child stunted or underweight"),
      Member("wage_no_contract", kBool, Storage::kBool, "wage work without a contract"),
      Member("social_allowance", kBool, Storage::kBool, "receives a social allowance"),
  };
}

}  // namespace

Status RegisterCoreFields(Catalogue& catalogue) {
  for (FieldDef& f : HouseholdFields()) {
    ANSINH_ASSIGN_OR_RETURN(FieldId id, catalogue.Add(std::move(f)));
    (void)id;
  }
  for (FieldDef& f : MemberFields()) {
    ANSINH_ASSIGN_OR_RETURN(FieldId id, catalogue.Add(std::move(f)));
    (void)id;
  }
  return Status::Ok();
}

}  // namespace ansinh::rules
