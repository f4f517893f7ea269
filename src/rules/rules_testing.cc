#include "rules/rules_testing.h"

#include <cassert>
#include <cstdint>
#include <limits>

namespace ansinh::rules::testing {

Catalogue CoreCatalogue() {
  Catalogue catalogue;
  const Status status = RegisterCoreFields(catalogue);
  assert(status.ok());
  (void)status;
  return catalogue;
}

namespace {

int Uniform(std::mt19937_64& rng, int lo, int hi) {
  return std::uniform_int_distribution<int>(lo, hi)(rng);
}
bool Coin(std::mt19937_64& rng, int percent = 50) { return Uniform(rng, 0, 99) < percent; }

template <typename T>
const T& Pick(std::mt19937_64& rng, const std::vector<T>& items) {
  return items[static_cast<std::size_t>(Uniform(rng, 0, static_cast<int>(items.size()) - 1))];
}

MemberRecord RandomMember(std::mt19937_64& rng, int year) {
  MemberRecord m;
  m.person.sex = Coin(rng) ? Sex::kMale : Sex::kFemale;
  m.person.relation = static_cast<Relation>(Uniform(rng, 0, 6));
  m.person.ethnicity = Pick(rng, std::vector<std::string>{"Kinh", "Khmer", "Hoa", "Chăm"});
  m.person.birth_date = std::to_string(year - Uniform(rng, 0, 95)) + "-01-01";
  m.year.year = year;
  m.year.health_insurance = Coin(rng, 70);
  m.year.in_school = Coin(rng, 30);
  m.year.education_grade = Uniform(rng, 0, 12);
  m.year.trained = Coin(rng, 20);
  m.year.vocational_trained = Coin(rng, 10);
  m.year.employed = Coin(rng, 60);
  m.year.disability = Coin(rng, 90) ? 0 : Uniform(rng, 1, 3);
  m.year.sick_untreated = Coin(rng, 10);
  m.year.malnourished = Coin(rng, 5);
  m.year.wage_no_contract = Coin(rng, 15);
  m.year.social_allowance = Coin(rng, 10);
  return m;
}

}  // namespace

std::vector<HouseholdRecord> RandomHouseholds(std::mt19937_64& rng, int count) {
  std::vector<HouseholdRecord> out(static_cast<std::size_t>(count));
  for (HouseholdRecord& h : out) {
    h.survey.year = Uniform(rng, 2010, 2025);
    h.urban = Coin(rng, 30);
    const Vnd poor = Uniform(rng, 40, 200) * 10'000;
    h.line_poor = poor;
    h.line_near_poor = poor * 13 / 10;
    h.line_middle = poor * 2;
    const int n = Coin(rng, 3) ? 0 : Uniform(rng, 1, 7);
    for (int i = 0; i < n; ++i) h.members.push_back(RandomMember(rng, h.survey.year));
    // Most incomes sit exactly on a line or one đồng beside it: the boundaries are the point.
    const Vnd line = Pick(rng, std::vector<Vnd>{poor, *h.line_near_poor, *h.line_middle});
    h.survey.income_month = line * n + Uniform(rng, -1, 1);
    if (Coin(rng, 20)) h.survey.income_month = Uniform(rng, 0, 40'000'000);
    if (Coin(rng, 1)) h.survey.income_month = std::numeric_limits<Vnd>::max() - Uniform(rng, 0, 1);
    h.survey.housing_quality = static_cast<HousingQuality>(Uniform(rng, 0, 3));
    h.survey.housing_area_m2 = Uniform(rng, 0, 2000) / 10.0;
    h.survey.clean_water = Coin(rng, 80);
    h.survey.hygienic_latrine = Coin(rng, 70);
    h.survey.telecom = Coin(rng, 85);
    h.survey.info_assets = Coin(rng, 75);
    h.score_a = Uniform(rng, 60, 220);
    h.score_b = Uniform(rng, 0, 10) * 10;
    h.deprivation_count = Uniform(rng, 0, 6);
  }
  return out;
}

namespace {

class RuleGenerator {
 public:
  explicit RuleGenerator(std::mt19937_64& rng) : rng_(rng) {}

  std::string Gen(Type type, int depth) {
    if (depth <= 0) return Leaf(type);
    switch (type) {
      case Type::kBool:
        return Bool(depth);
      case Type::kInt:
        return Int(depth);
      case Type::kDecimal:
        return Decimal(depth);
      default:
        return String(depth);
    }
  }

 private:
  std::string Paren(const std::string& s) { return "(" + s + ")"; }

  std::string Leaf(Type type) {
    const bool member = in_aggregate_ && Coin(rng_, 60);
    switch (type) {
      case Type::kBool:
        if (Coin(rng_, 15)) return Coin(rng_) ? "true" : "false";
        return member ? Pick(rng_, kMemberBools) : Pick(rng_, kHouseholdBools);
      case Type::kInt:
        if (Coin(rng_, 30)) return IntLiteral();
        return member ? Pick(rng_, kMemberInts) : Pick(rng_, kHouseholdInts);
      case Type::kDecimal:
        if (Coin(rng_, 30))
          return std::to_string(Uniform(rng_, 0, 999)) + "." + std::to_string(Uniform(rng_, 0, 99));
        return Pick(rng_, std::vector<std::string>{"housing_area_m2", "housing_area_pc"});
      default:
        if (Coin(rng_, 30)) return "\"" + Pick(rng_, kStringLiterals) + "\"";
        return member ? Pick(rng_, kMemberStrings) : Pick(rng_, kHouseholdStrings);
    }
  }

  std::string IntLiteral() {
    if (Coin(rng_, 5)) return "9223372036854775807";
    if (Coin(rng_, 20)) return std::to_string(Uniform(rng_, 40, 200) * 10'000);
    return std::to_string(Uniform(rng_, 0, 20));
  }

  std::string Comparison(int depth) {
    static const std::vector<std::string> kOps = {"=", "!=", "<", "<=", ">", ">="};
    const int pick = Uniform(rng_, 0, 4);
    if (pick == 0) {  // the exact per-capita comparison, either way round
      const std::string x = Gen(Type::kInt, depth - 1);
      return Coin(rng_) ? "income_pc " + Pick(rng_, kOps) + " " + Paren(x)
                        : Paren(x) + " " + Pick(rng_, kOps) + " income_pc";
    }
    if (pick == 1) {
      // Strings: = and != only; a closed field only against its own values.
      if (Coin(rng_))
        return Gen(Type::kString, depth - 1) + (Coin(rng_) ? " = " : " != ") +
               Gen(Type::kString, depth - 1);
      return Paren(Gen(Type::kBool, depth - 1)) + " = " + Paren(Gen(Type::kBool, depth - 1));
    }
    const Type t = pick == 2 ? Type::kDecimal : Type::kInt;
    return Paren(Gen(t, depth - 1)) + " " + Pick(rng_, kOps) + " " +
           Paren(Gen(Coin(rng_) ? t : Type::kInt, depth - 1));
  }

  std::string Aggregate(const char* name, Type body, int depth) {
    in_aggregate_ = true;
    std::string out = std::string(name) + "(members, " + Gen(body, depth - 1) + ")";
    in_aggregate_ = false;
    return out;
  }

  std::string Bool(int depth) {
    switch (Uniform(rng_, 0, 6)) {
      case 0:
        return Paren(Gen(Type::kBool, depth - 1)) + (Coin(rng_) ? " and " : " or ") +
               Paren(Gen(Type::kBool, depth - 1));
      case 1:
        return "not " + Paren(Gen(Type::kBool, depth - 1));
      case 2:
        return If(Type::kBool, depth);
      case 3:
        if (!in_aggregate_) return Aggregate(Coin(rng_) ? "any" : "all", Type::kBool, depth);
        return Leaf(Type::kBool);
      default:
        return Comparison(depth);
    }
  }

  std::string Int(int depth) {
    static const std::vector<std::string> kOps = {"+", "-", "*", "/"};
    switch (Uniform(rng_, 0, 4)) {
      case 0:
      case 1:
        return Paren(Gen(Type::kInt, depth - 1)) + " " + Pick(rng_, kOps) + " " +
               Paren(Gen(Type::kInt, depth - 1));
      case 2:
        return "-" + Paren(Gen(Type::kInt, depth - 1));
      case 3:
        return If(Type::kInt, depth);
      default:
        if (in_aggregate_) return Leaf(Type::kInt);
        return Coin(rng_) ? Aggregate("count", Type::kBool, depth)
                          : Aggregate("sum", Type::kInt, depth);
    }
  }

  std::string Decimal(int depth) {
    static const std::vector<std::string> kOps = {"+", "-", "*", "/"};
    switch (Uniform(rng_, 0, 3)) {
      case 0:
        return Paren(Gen(Type::kDecimal, depth - 1)) + " " + Pick(rng_, kOps) + " " +
               Paren(Gen(Coin(rng_) ? Type::kDecimal : Type::kInt, depth - 1));
      case 1:
        return If(Type::kDecimal, depth);
      case 2:
        if (!in_aggregate_) return Aggregate("sum", Type::kDecimal, depth);
        return Leaf(Type::kDecimal);
      default:
        return "-" + Paren(Gen(Type::kDecimal, depth - 1));
    }
  }

  std::string String(int depth) {
    if (Coin(rng_, 30)) return If(Type::kString, depth);
    return Leaf(Type::kString);
  }

  std::string If(Type type, int depth) {
    return "if(" + Gen(Type::kBool, depth - 1) + ", " + Gen(type, depth - 1) + ", " +
           Gen(type, depth - 1) + ")";
  }

  // Strings generated compare fields with open values, literals and other strings freely: only
  // ethnicity is open, so closed fields appear here only via if() or field = field.
  const std::vector<std::string> kHouseholdBools = {"urban", "clean_water", "hygienic_latrine",
                                                    "telecom", "info_assets"};
  const std::vector<std::string> kMemberBools = {
      "health_insurance", "in_school",    "trained",          "vocational_trained", "employed",
      "sick_untreated",   "malnourished", "wage_no_contract", "social_allowance"};
  const std::vector<std::string> kHouseholdInts = {
      "year",        "members", "income_month", "deprivation_count", "line.poor", "line.near_poor",
      "line.middle", "score_a", "score_b"};
  const std::vector<std::string> kMemberInts = {"age", "education_grade", "disability"};
  const std::vector<std::string> kHouseholdStrings = {"area", "housing_quality"};
  const std::vector<std::string> kMemberStrings = {"ethnicity", "sex", "relation"};
  const std::vector<std::string> kStringLiterals = {"Kinh",  "Khmer", "Chăm",      "Tày", "rural",
                                                    "urban", "M",     "temporary", "head"};

  std::mt19937_64& rng_;
  bool in_aggregate_ = false;
};

}  // namespace

std::string RandomRule(std::mt19937_64& rng, Type type, int depth) {
  RuleGenerator generator(rng);
  return generator.Gen(type, depth);
}

std::string FrameDifference(const Frame& want, const Frame& got, int* compared) {
  if (compared != nullptr) *compared = 0;
  if (want.households() != got.households() || want.member_rows() != got.member_rows()) {
    return "rows: " + std::to_string(want.households()) + " households and " +
           std::to_string(want.member_rows()) + " members, got " +
           std::to_string(got.households()) + " and " + std::to_string(got.member_rows());
  }
  const auto want_offsets = want.member_offsets();
  const auto got_offsets = got.member_offsets();
  for (std::size_t i = 0; i < want_offsets.size(); ++i) {
    if (want_offsets[i] != got_offsets[i]) return "member offset " + std::to_string(i);
  }
  const Catalogue& catalogue = want.catalogue();
  for (FieldId f = 0; f < catalogue.size(); ++f) {
    const std::string& name = catalogue.field(f).name;
    const Column* a = want.column(f);
    const Column* b = got.column(f);
    if ((a == nullptr) != (b == nullptr)) return name + ": present in one frame only";
    if (a == nullptr) continue;
    if (a->storage() != b->storage() || a->rows() != b->rows()) return name + ": storage or rows";
    if (compared != nullptr) ++*compared;
    for (std::size_t r = 0; r < a->rows(); ++r) {
      bool same = true;
      switch (a->storage()) {
        case Storage::kInt64: same = a->int64s()[r] == b->int64s()[r]; break;
        case Storage::kInt32: same = a->int32s()[r] == b->int32s()[r]; break;
        case Storage::kCode:  // codes are per frame; their texts must agree
          same = want.dictionary().text(a->int32s()[r]) == got.dictionary().text(b->int32s()[r]);
          break;
        case Storage::kBool: same = a->bools()[r] == b->bools()[r]; break;
        case Storage::kFloat64: same = a->decimals()[r] == b->decimals()[r]; break;
        case Storage::kVirtual: break;
      }
      if (!same) return name + ": row " + std::to_string(r) + " differs";
    }
  }
  return "";
}

}  // namespace ansinh::rules::testing
