// The CSV sink: the import interchange format (issue 4, docs/import-format.md), one file per
// table, UTF-8 without BOM, LF line ends, fields quoted per RFC 4180 only when they hold a comma,
// quote or line break. Each batch is formatted into one buffer per file and written at once.
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <memory>

#include "synth/synth.h"

namespace ansinh::synth {
namespace {

void Field(std::string& out, std::string_view v) {
  if (v.find_first_of(",\"\r\n") == std::string_view::npos) {
    out.append(v);
    return;
  }
  out.push_back('"');
  for (char ch : v) {
    if (ch == '"') out.push_back('"');
    out.push_back(ch);
  }
  out.push_back('"');
}

void Int(std::string& out, std::int64_t v) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, end);
}

void Flag(std::string& out, bool v) {
  out.push_back(',');
  out.push_back(v ? '1' : '0');
}

class CsvFile {
 public:
  ~CsvFile() {
    if (file_ != nullptr) std::fclose(file_);
  }
  Status Open(const std::string& path, std::string_view header) {
    path_ = path;
    file_ = std::fopen(path.c_str(), "wb");
    if (file_ == nullptr) return IoError();
    std::setvbuf(file_, nullptr, _IOFBF, 1 << 20);
    return Write(header);
  }
  Status Write(std::string_view text) {
    if (std::fwrite(text.data(), 1, text.size(), file_) != text.size()) return IoError();
    return Status::Ok();
  }
  Status Close() {
    const int rc = std::fclose(file_);
    file_ = nullptr;
    return rc == 0 ? Status::Ok() : IoError();
  }

 private:
  Status IoError() const {
    return Status::Error(ErrorCode::kIoError, "không ghi được tệp " + path_,
                         "cannot write file " + path_);
  }
  std::string path_;
  std::FILE* file_ = nullptr;
};

class CsvSink : public Sink {
 public:
  explicit CsvSink(std::string dir) : dir_(std::move(dir)) {}

  Status Begin(const GenerateOptions&) override {
    ANSINH_RETURN_IF_ERROR(
        households_.Open(dir_ + "/households.csv", "household_id,commune_code,hamlet,address\n"));
    ANSINH_RETURN_IF_ERROR(persons_.Open(
        dir_ + "/persons.csv",
        "person_id,household_id,full_name,sex,birth_date,relation,ethnicity,id_number\n"));
    ANSINH_RETURN_IF_ERROR(household_years_.Open(
        dir_ + "/household_years.csv",
        "household_id,year,income_month,housing_quality,housing_area_m2,clean_water,"
        "hygienic_latrine,telecom,info_assets\n"));
    return person_years_.Open(
        dir_ + "/person_years.csv",
        "person_id,year,health_insurance,in_school,education_grade,trained,vocational_trained,"
        "employed,disability,sick_untreated,malnourished,wage_no_contract,social_allowance\n");
  }

  Status Consume(const Batch& b) override {
    if (b.households.empty()) return Status::Ok();
    const std::int64_t first_id = b.households.front().id;
    auto code_of = [&](std::int64_t household_id) -> const std::string& {
      return b.households[static_cast<std::size_t>(household_id - first_id)].code;
    };
    buf_.clear();
    for (const Household& h : b.households) {
      Field(buf_, h.code);
      buf_ += ',' + h.commune_code + ',';
      Field(buf_, h.hamlet_name);
      buf_.push_back(',');
      Field(buf_, h.address);
      buf_.push_back('\n');
    }
    ANSINH_RETURN_IF_ERROR(households_.Write(buf_));
    buf_.clear();
    for (const Person& p : b.persons) {
      Field(buf_, p.code);
      buf_.push_back(',');
      Field(buf_, code_of(p.household_id));
      buf_.push_back(',');
      Field(buf_, p.full_name);
      buf_ += ',' + std::string(SexCode(p.sex)) + ',' + p.birth_date + ',' +
              std::string(RelationCode(p.relation)) + ',';
      Field(buf_, p.ethnicity);
      buf_ += ',' + p.id_number + '\n';
    }
    ANSINH_RETURN_IF_ERROR(persons_.Write(buf_));
    buf_.clear();
    for (const HouseholdYear& y : b.household_years) {
      Field(buf_, code_of(y.household_id));
      buf_.push_back(',');
      Int(buf_, y.year);
      buf_.push_back(',');
      Int(buf_, y.income_month);
      buf_ += ',' + std::string(HousingQualityCode(y.housing_quality)) + ',';
      Int(buf_, static_cast<std::int64_t>(y.housing_area_m2));
      Flag(buf_, y.clean_water);
      Flag(buf_, y.hygienic_latrine);
      Flag(buf_, y.telecom);
      Flag(buf_, y.info_assets);
      buf_.push_back('\n');
    }
    ANSINH_RETURN_IF_ERROR(household_years_.Write(buf_));
    return WritePersonYears(b, code_of);
  }

  Status Finish() override {
    ANSINH_RETURN_IF_ERROR(households_.Close());
    ANSINH_RETURN_IF_ERROR(persons_.Close());
    ANSINH_RETURN_IF_ERROR(household_years_.Close());
    return person_years_.Close();
  }

 private:
  template <typename CodeOf>
  Status WritePersonYears(const Batch& b, const CodeOf& code_of) {
    buf_.clear();
    for (const PersonYear& y : b.person_years) {
      // Person ids are household id * 100 + k; the code is the household's with "-kk".
      const std::int64_t k = y.person_id % 100;
      Field(buf_, code_of(y.person_id / 100));
      buf_.push_back('-');
      buf_.push_back(static_cast<char>('0' + k / 10));
      buf_.push_back(static_cast<char>('0' + k % 10));
      buf_.push_back(',');
      Int(buf_, y.year);
      Flag(buf_, y.health_insurance);
      Flag(buf_, y.in_school);
      buf_.push_back(',');
      Int(buf_, y.education_grade);
      Flag(buf_, y.trained);
      Flag(buf_, y.vocational_trained);
      Flag(buf_, y.employed);
      buf_.push_back(',');
      Int(buf_, y.disability);
      Flag(buf_, y.sick_untreated);
      Flag(buf_, y.malnourished);
      Flag(buf_, y.wage_no_contract);
      Flag(buf_, y.social_allowance);
      buf_.push_back('\n');
    }
    return person_years_.Write(buf_);
  }

  std::string dir_;
  std::string buf_;
  CsvFile households_, persons_, household_years_, person_years_;
};

}  // namespace

Result<std::unique_ptr<Sink>> OpenCsvSink(const std::string& dir) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    return Status::Error(ErrorCode::kIoError, "không tạo được thư mục " + dir,
                         "cannot create folder " + dir + ": " + ec.message());
  }
  return std::unique_ptr<Sink>(std::make_unique<CsvSink>(dir));
}

}  // namespace ansinh::synth
