#include "bench/analytics/csv_folder.h"

#include <algorithm>
#include <charconv>
#include <functional>
#include <map>
#include <string_view>
#include <utility>
#include <vector>

#include "analytics/year_builder.h"
#include "core/household.h"
#include "io/csv_reader.h"

namespace ansinh::bench {
namespace {

std::uint64_t Hash(std::string_view text) { return std::hash<std::string_view>{}(text); }

Status OutOfOrder(std::string_view file, std::string_view value) {
  return Status::Invalid(std::string(file), std::string(value),
                         "dòng không theo thứ tự của tệp hộ / nhân khẩu",
                         "row out of the order of households.csv / persons.csv");
}

// Column positions of one file, resolved on its first row: CsvRow::Get returns a view of the
// field itself, so its address names the position (the reader gives no header accessor).
class Columns {
 public:
  explicit Columns(std::vector<std::string> names) : names_(std::move(names)) {}
  void Resolve(const io::CsvRow& row) {
    if (!index_.empty()) return;
    for (const std::string& name : names_) {
      const std::string_view v = row.Get(name);
      std::size_t at = kAbsent;
      for (std::size_t i = 0; i < row.size(); ++i) {
        if (v.data() == row.field(i).data()) at = i;
      }
      index_.push_back(at);
    }
  }
  std::string_view operator()(const io::CsvRow& row, std::size_t k) const {
    const std::size_t i = index_[k];
    return i < row.size() ? std::string_view(row.field(i)) : std::string_view();
  }
  const std::vector<std::string>& names() const { return names_; }

 private:
  static constexpr std::size_t kAbsent = static_cast<std::size_t>(-1);
  std::vector<std::string> names_;
  std::vector<std::size_t> index_;
};

template <typename T>
Result<T> Number(std::string_view text, std::string_view field) {
  T value{};
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) {
    return Status::Invalid(std::string(field), std::string(text), "không phải số",
                           "not a number");
  }
  return value;
}

// What the reader keeps of a person until its household's year row comes: 9 answers as bits,
// the education grade and disability, and whether the person has a row for the year.
constexpr std::uint32_t kHasYear = 1u << 31;
constexpr int kGradeShift = 9, kDisabilityShift = 13;

struct PersonKeep {
  std::vector<std::uint64_t> code_hash;  // dropped once person_years is read
  std::vector<std::int16_t> birth_year;
  std::vector<std::uint8_t> sex, relation, ethnicity;  // ethnicity: index into `ethnicities`
  std::vector<std::uint32_t> answers;
  std::vector<std::string> ethnicities;
};

struct HouseholdKeep {
  std::vector<std::uint64_t> code_hash;
  std::vector<analytics::UnitIndex> commune;
  std::vector<std::uint32_t> first_person;  // CSR over PersonKeep, households + 1
};

Status ReadHouseholds(const std::string& dir, const analytics::UnitTree& units,
                      HouseholdKeep& out) {
  Columns col({"household_id", "commune_code"});
  std::string last_code;
  analytics::UnitIndex last = analytics::kNoUnit;
  return io::ReadCsvFile(dir + "/households.csv", col.names(), [&](const io::CsvRow& row) {
    col.Resolve(row);
    const std::string_view commune = col(row, 1);
    if (last == analytics::kNoUnit || commune != last_code) {
      last_code.assign(commune);
      last = units.Find(commune);
      if (last == analytics::kNoUnit || units.unit(last).level != UnitLevel::kCommune) {
        return Status::Invalid("commune_code", last_code, "không có xã này", "no such commune");
      }
    }
    out.code_hash.push_back(Hash(col(row, 0)));
    out.commune.push_back(last);
    return Status::Ok();
  });
}

Status ReadPersons(const std::string& dir, HouseholdKeep& hh, PersonKeep& out) {
  Columns col({"person_id", "household_id", "sex", "birth_date", "relation", "ethnicity"});
  std::vector<std::uint32_t> count(hh.code_hash.size(), 0);
  std::size_t h = 0;
  std::map<std::string, std::uint8_t, std::less<>> ethnicity_index;
  Status s = io::ReadCsvFile(dir + "/persons.csv", col.names(), [&](const io::CsvRow& row) {
    col.Resolve(row);
    const std::uint64_t household = Hash(col(row, 1));
    while (h < hh.code_hash.size() && hh.code_hash[h] != household) ++h;
    if (h == hh.code_hash.size()) return OutOfOrder("household_id", col(row, 1));
    ++count[h];
    ANSINH_ASSIGN_OR_RETURN(Sex sex, ParseSex(col(row, 2), "sex"));
    ANSINH_ASSIGN_OR_RETURN(Relation relation, ParseRelation(col(row, 4), "relation"));
    const std::string_view birth = col(row, 3);
    ANSINH_ASSIGN_OR_RETURN(int birth_year,
                            Number<int>(birth.substr(0, std::min<std::size_t>(4, birth.size())),
                                        "birth_date"));
    const std::string_view ethnicity = col(row, 5);
    auto it = ethnicity_index.find(ethnicity);
    if (it == ethnicity_index.end()) {
      if (out.ethnicities.size() == 255) return Status::Internal("more than 255 ethnicities");
      it = ethnicity_index
               .emplace(std::string(ethnicity), static_cast<std::uint8_t>(out.ethnicities.size()))
               .first;
      out.ethnicities.emplace_back(ethnicity);
    }
    out.code_hash.push_back(Hash(col(row, 0)));
    out.birth_year.push_back(static_cast<std::int16_t>(birth_year));
    out.sex.push_back(static_cast<std::uint8_t>(sex));
    out.relation.push_back(static_cast<std::uint8_t>(relation));
    out.ethnicity.push_back(it->second);
    return Status::Ok();
  });
  ANSINH_RETURN_IF_ERROR(s);
  hh.first_person.assign(count.size() + 1, 0);
  for (std::size_t i = 0; i < count.size(); ++i) {
    hh.first_person[i + 1] = hh.first_person[i] + count[i];
  }
  out.answers.assign(out.code_hash.size(), 0);
  return Status::Ok();
}

Status ReadPersonYears(const std::string& dir, int year, PersonKeep& persons,
                       std::int64_t& rows_of_year) {
  // The nine answers in bit order, then grade and disability.
  Columns col({"person_id", "year", "health_insurance", "in_school", "trained",
               "vocational_trained", "employed", "sick_untreated", "malnourished",
               "wage_no_contract", "social_allowance", "education_grade", "disability"});
  std::size_t p = 0;
  const std::vector<std::string> required(col.names().begin(), col.names().begin() + 7);
  return io::ReadCsvFile(dir + "/person_years.csv", required, [&](const io::CsvRow& row) {
    col.Resolve(row);
    const std::uint64_t person = Hash(col(row, 0));
    while (p < persons.code_hash.size() && persons.code_hash[p] != person) ++p;
    if (p == persons.code_hash.size()) return OutOfOrder("person_id", col(row, 0));
    ANSINH_ASSIGN_OR_RETURN(int row_year, Number<int>(col(row, 1), "year"));
    if (row_year != year) return Status::Ok();
    ++rows_of_year;
    std::uint32_t word = kHasYear;
    for (std::size_t k = 2; k <= 10; ++k) {
      const std::string_view text = col(row, k);
      if (text.empty()) continue;  // an optional answer not surveyed: false
      ANSINH_ASSIGN_OR_RETURN(bool flag, ParseFlag(text, col.names()[k]));
      if (flag) word |= 1u << (k - 2);
    }
    ANSINH_ASSIGN_OR_RETURN(int grade, Number<int>(col(row, 11), "education_grade"));
    ANSINH_ASSIGN_OR_RETURN(int disability, Number<int>(col(row, 12), "disability"));
    if (grade < 0 || grade > 15 || disability < 0 || disability > 255) {
      return Status::Invalid("education_grade", std::to_string(grade), "ngoài khoảng",
                             "out of range");
    }
    word |= static_cast<std::uint32_t>(grade) << kGradeShift;
    word |= static_cast<std::uint32_t>(disability) << kDisabilityShift;
    persons.answers[p] = word;
    return Status::Ok();
  });
}

analytics::MemberInput Member(const PersonKeep& persons, std::size_t p) {
  analytics::MemberInput m;
  m.birth_year = persons.birth_year[p];
  m.sex = static_cast<Sex>(persons.sex[p]);
  m.relation = static_cast<Relation>(persons.relation[p]);
  m.ethnicity = persons.ethnicities[persons.ethnicity[p]];
  const std::uint32_t w = persons.answers[p];
  auto bit = [w](int k) { return ((w >> k) & 1u) != 0; };
  PersonYear& y = m.year;
  y.health_insurance = bit(0);
  y.in_school = bit(1);
  y.trained = bit(2);
  y.vocational_trained = bit(3);
  y.employed = bit(4);
  y.sick_untreated = bit(5);
  y.malnourished = bit(6);
  y.wage_no_contract = bit(7);
  y.social_allowance = bit(8);
  y.education_grade = static_cast<int>((w >> kGradeShift) & 0xF);
  y.disability = static_cast<int>((w >> kDisabilityShift) & 0xFF);
  return m;
}

Status ReadHouseholdYears(const std::string& dir, int year, const analytics::UnitTree& units,
                          const HouseholdKeep& hh, const PersonKeep& persons,
                          analytics::YearBuilder& builder, std::int64_t& rows_of_year) {
  Columns col({"household_id", "year", "income_month", "housing_quality", "housing_area_m2",
               "clean_water", "hygienic_latrine", "telecom", "info_assets"});
  std::size_t h = 0;
  return io::ReadCsvFile(dir + "/household_years.csv", col.names(), [&](const io::CsvRow& row) {
    col.Resolve(row);
    const std::uint64_t household = Hash(col(row, 0));
    while (h < hh.code_hash.size() && hh.code_hash[h] != household) ++h;
    if (h == hh.code_hash.size()) return OutOfOrder("household_id", col(row, 0));
    ANSINH_ASSIGN_OR_RETURN(int row_year, Number<int>(col(row, 1), "year"));
    if (row_year != year) return Status::Ok();
    ++rows_of_year;
    HouseholdYear survey;
    survey.year = row_year;
    ANSINH_ASSIGN_OR_RETURN(survey.income_month, Number<Vnd>(col(row, 2), "income_month"));
    ANSINH_ASSIGN_OR_RETURN(survey.housing_quality,
                            ParseHousingQuality(col(row, 3), "housing_quality"));
    std::string area(col(row, 4));
    for (char& c : area) c = c == ',' ? '.' : c;  // the format accepts a decimal comma
    ANSINH_ASSIGN_OR_RETURN(survey.housing_area_m2, Number<double>(area, "housing_area_m2"));
    ANSINH_ASSIGN_OR_RETURN(survey.clean_water, ParseFlag(col(row, 5), "clean_water"));
    ANSINH_ASSIGN_OR_RETURN(survey.hygienic_latrine, ParseFlag(col(row, 6), "hygienic_latrine"));
    ANSINH_ASSIGN_OR_RETURN(survey.telecom, ParseFlag(col(row, 7), "telecom"));
    ANSINH_ASSIGN_OR_RETURN(survey.info_assets, ParseFlag(col(row, 8), "info_assets"));
    const analytics::UnitIndex commune = hh.commune[h];
    builder.AddHousehold(static_cast<std::int64_t>(h) + 1, commune, survey,
                         units.unit(commune).urban);
    for (std::size_t p = hh.first_person[h]; p < hh.first_person[h + 1]; ++p) {
      if ((persons.answers[p] & kHasYear) != 0) builder.AddMember(Member(persons, p));
    }
    return Status::Ok();
  });
}

}  // namespace

Result<analytics::UnitTree> LoadNationalUnits(const std::string& csv_path) {
  std::vector<AdminUnit> units;
  std::string last_province, last_district;
  Status s = io::ReadCsvFile(
      csv_path,
      {"province_code", "province_name", "province_type", "district_code", "district_name",
       "district_type", "commune_code", "commune_name", "commune_type"},
      [&](const io::CsvRow& row) {
        const std::string province(row.Get("province_code"));
        const std::string district(row.Get("district_code"));
        if (province != last_province) {
          AdminUnit u;
          u.code = province;
          u.name = std::string(row.Get("province_name"));
          u.type = std::string(row.Get("province_type"));
          u.level = UnitLevel::kProvince;
          units.push_back(std::move(u));
          last_province = province;
        }
        if (district != last_district) {
          AdminUnit u;
          u.code = district;
          u.name = std::string(row.Get("district_name"));
          u.type = std::string(row.Get("district_type"));
          u.level = UnitLevel::kDistrict;
          u.parent_code = province;
          units.push_back(std::move(u));
          last_district = district;
        }
        if (row.Get("commune_code").empty()) return Status::Ok();  // a district without communes
        AdminUnit u;
        u.code = std::string(row.Get("commune_code"));
        u.name = std::string(row.Get("commune_name"));
        u.type = std::string(row.Get("commune_type"));
        u.level = UnitLevel::kCommune;
        u.parent_code = district;
        u.urban = IsUrbanCommuneType(u.type);
        units.push_back(std::move(u));
        return Status::Ok();
      });
  ANSINH_RETURN_IF_ERROR(s);
  return analytics::UnitTree::Build(std::move(units));
}

Result<FolderCounts> LoadCsvYear(const std::string& dir, int year, analytics::Snapshot& snapshot) {
  FolderCounts counts;
  HouseholdKeep hh;
  PersonKeep persons;
  ANSINH_RETURN_IF_ERROR(ReadHouseholds(dir, snapshot.units(), hh));
  ANSINH_RETURN_IF_ERROR(ReadPersons(dir, hh, persons));
  ANSINH_RETURN_IF_ERROR(ReadPersonYears(dir, year, persons, counts.person_years));
  counts.households = static_cast<std::int64_t>(hh.code_hash.size());
  counts.persons = static_cast<std::int64_t>(persons.code_hash.size());
  persons.code_hash = {};  // the person_years join is done
  analytics::YearBuilder builder(snapshot.catalogue(), year);
  builder.Reserve(hh.code_hash.size(), static_cast<std::size_t>(counts.person_years));
  ANSINH_RETURN_IF_ERROR(ReadHouseholdYears(dir, year, snapshot.units(), hh, persons, builder,
                                            counts.household_years));
  hh = {};
  persons = {};
  ANSINH_ASSIGN_OR_RETURN(analytics::SurveyYear built, builder.Finish());
  ANSINH_RETURN_IF_ERROR(snapshot.AddYear(std::move(built)));
  return counts;
}

}  // namespace ansinh::bench
