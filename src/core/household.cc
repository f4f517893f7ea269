#include "core/household.h"

#include "core/text.h"

namespace ansinh {
namespace {

template <typename E>
struct Alias {
  const char* word;
  E value;
};

// A plain ASCII word ("1", "head", "M") lower-cased without ICU: an import parses millions of
// these; anything else (spaces, diacritics) goes through FoldCase.
bool FoldAsciiWord(std::string_view text, std::string& folded) {
  if (text.empty() || text.size() > 32) return false;
  folded.clear();
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || u <= ' ') return false;
    folded.push_back(static_cast<char>(u >= 'A' && u <= 'Z' ? u - 'A' + 'a' : u));
  }
  return true;
}

template <typename E, std::size_t N>
Result<E> Lookup(const Alias<E> (&table)[N], std::string_view text, std::string_view field,
                 const char* expected) {
  std::string folded;
  if (!FoldAsciiWord(text, folded)) folded = FoldCase(text);
  for (const auto& a : table) {
    if (folded == a.word) return a.value;
  }
  return Status::Invalid(std::string(field), std::string(text),
                         std::string("giá trị không hợp lệ, cần một trong: ") + expected,
                         std::string("not a valid value; expected one of: ") + expected);
}

constexpr Alias<Sex> kSexAliases[] = {
    {"m", Sex::kMale}, {"nam", Sex::kMale}, {"male", Sex::kMale},
    {"f", Sex::kFemale}, {"nữ", Sex::kFemale}, {"nu", Sex::kFemale}, {"female", Sex::kFemale},
};

constexpr Alias<Relation> kRelationAliases[] = {
    {"head", Relation::kHead},       {"chủ hộ", Relation::kHead},
    {"spouse", Relation::kSpouse},   {"vợ", Relation::kSpouse},
    {"chồng", Relation::kSpouse},    {"vợ/chồng", Relation::kSpouse},
    {"child", Relation::kChild},     {"con", Relation::kChild},
    {"parent", Relation::kParent},   {"cha", Relation::kParent},
    {"mẹ", Relation::kParent},       {"bố", Relation::kParent},
    {"cha/mẹ", Relation::kParent},   {"grandchild", Relation::kGrandchild},
    {"cháu", Relation::kGrandchild}, {"sibling", Relation::kSibling},
    {"anh", Relation::kSibling},     {"chị", Relation::kSibling},
    {"em", Relation::kSibling},      {"anh/chị/em", Relation::kSibling},
    {"other", Relation::kOther},     {"khác", Relation::kOther},
};

constexpr Alias<HousingQuality> kHousingAliases[] = {
    {"permanent", HousingQuality::kPermanent},
    {"kiên cố", HousingQuality::kPermanent},
    {"semi_permanent", HousingQuality::kSemiPermanent},
    {"bán kiên cố", HousingQuality::kSemiPermanent},
    {"less_permanent", HousingQuality::kLessPermanent},
    {"thiếu kiên cố", HousingQuality::kLessPermanent},
    {"temporary", HousingQuality::kTemporary},
    {"đơn sơ", HousingQuality::kTemporary},
    {"nhà tạm", HousingQuality::kTemporary},
};

constexpr Alias<Category> kCategoryAliases[] = {
    {"poor", Category::kPoor},         {"hộ nghèo", Category::kPoor},
    {"nghèo", Category::kPoor},        {"near_poor", Category::kNearPoor},
    {"hộ cận nghèo", Category::kNearPoor}, {"cận nghèo", Category::kNearPoor},
    {"middle", Category::kMiddle},     {"hộ có mức sống trung bình", Category::kMiddle},
    {"other", Category::kOther},       {"khác", Category::kOther},
};

constexpr Alias<bool> kFlagAliases[] = {
    {"1", true},  {"có", true},     {"yes", true}, {"true", true},
    {"0", false}, {"không", false}, {"no", false}, {"false", false},
};

}  // namespace

std::string_view SexCode(Sex v) { return v == Sex::kMale ? "M" : "F"; }

std::string_view RelationCode(Relation v) {
  switch (v) {
    case Relation::kHead: return "head";
    case Relation::kSpouse: return "spouse";
    case Relation::kChild: return "child";
    case Relation::kParent: return "parent";
    case Relation::kGrandchild: return "grandchild";
    case Relation::kSibling: return "sibling";
    case Relation::kOther: return "other";
  }
  return "other";
}

std::string_view HousingQualityCode(HousingQuality v) {
  switch (v) {
    case HousingQuality::kPermanent: return "permanent";
    case HousingQuality::kSemiPermanent: return "semi_permanent";
    case HousingQuality::kLessPermanent: return "less_permanent";
    case HousingQuality::kTemporary: return "temporary";
  }
  return "permanent";
}

std::string_view CategoryCode(Category v) {
  switch (v) {
    case Category::kPoor: return "poor";
    case Category::kNearPoor: return "near_poor";
    case Category::kMiddle: return "middle";
    case Category::kOther: return "other";
  }
  return "other";
}

std::string_view CategoryNameVi(Category v) {
  switch (v) {
    case Category::kPoor: return "hộ nghèo";
    case Category::kNearPoor: return "hộ cận nghèo";
    case Category::kMiddle: return "hộ có mức sống trung bình";
    case Category::kOther: return "hộ khác";
  }
  return "hộ khác";
}

Result<Sex> ParseSex(std::string_view text, std::string_view field) {
  return Lookup(kSexAliases, text, field, "M, F (nam, nữ)");
}
Result<Relation> ParseRelation(std::string_view text, std::string_view field) {
  return Lookup(kRelationAliases, text, field,
                "head, spouse, child, parent, grandchild, sibling, other");
}
Result<HousingQuality> ParseHousingQuality(std::string_view text, std::string_view field) {
  return Lookup(kHousingAliases, text, field,
                "permanent, semi_permanent, less_permanent, temporary");
}
Result<Category> ParseCategory(std::string_view text, std::string_view field) {
  return Lookup(kCategoryAliases, text, field, "poor, near_poor, middle, other");
}
Result<bool> ParseFlag(std::string_view text, std::string_view field) {
  return Lookup(kFlagAliases, text, field, "0, 1");
}

}  // namespace ansinh
