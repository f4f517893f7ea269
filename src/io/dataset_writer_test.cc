// Round trips of the import format: a dataset written as a folder or a workbook reads back equal,
// field by field, with its custom attributes, Vietnamese diacritics and awkward text.
#include "io/dataset_writer.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "io/xlsx_reader.h"

namespace ansinh::io {
namespace {

namespace fs = std::filesystem;

// Every field of every row, one line a row, so that a difference shows where it is.
std::string Describe(const Dataset& d) {
  std::ostringstream out;
  auto attributes = [&](const Attributes& a) {
    for (const auto& [name, value] : a) out << " [" << name << "=" << value << "]";
    out << "\n";
  };
  for (const HouseholdRow& r : d.households) {
    const Household& h = r.household;
    out << "H " << r.row << "|" << h.code << "|" << h.commune_code << "|" << h.hamlet_name << "|"
        << h.address;
    attributes(r.attributes);
  }
  for (const PersonRow& r : d.persons) {
    const Person& p = r.person;
    out << "P " << r.row << "|" << p.code << "|" << r.household_code << "|" << p.full_name << "|"
        << SexCode(p.sex) << "|" << p.birth_date << "|" << RelationCode(p.relation) << "|"
        << p.ethnicity << "|" << p.id_number;
    attributes(r.attributes);
  }
  for (const HouseholdYearRow& r : d.household_years) {
    const HouseholdYear& y = r.survey;
    out << "HY " << r.row << "|" << r.household_code << "|" << y.year << "|" << y.income_month
        << "|" << HousingQualityCode(y.housing_quality) << "|" << y.housing_area_m2 << "|"
        << y.clean_water << y.hygienic_latrine << y.telecom << y.info_assets;
    attributes(r.attributes);
  }
  for (const PersonYearRow& r : d.person_years) {
    const PersonYear& y = r.survey;
    out << "PY " << r.row << "|" << r.person_code << "|" << y.year << "|" << y.education_grade
        << "|" << y.disability << "|" << y.health_insurance << y.in_school << y.trained
        << y.vocational_trained << y.employed << y.sick_untreated << y.malnourished
        << y.wage_no_contract << y.social_allowance;
    attributes(r.attributes);
  }
  return out.str();
}

// Two households of Cà Mau with everything the format can hold.
Dataset Sample() {
  Dataset d;
  HouseholdRow h1;
  h1.row = 1;
  h1.household = {0, "H-01", "32002", 0, "Ấp Cái Keo", "Số 12, đường \"Lý Thường Kiệt\""};
  h1.attributes = {{"ghi chú", "gần chợ,\nnhà lá"}, {"điện thoại", "0912345678"}};
  HouseholdRow h2;
  h2.row = 2;
  h2.household = {0, "0042", "32014", 0, "Ấp Tân Lợi", ""};
  h2.attributes = {{"nguồn", "rà soát 2024"}};
  d.households = {h1, h2};

  PersonRow p1;
  p1.row = 1;
  p1.household_code = "H-01";
  p1.person = {0,
               0,
               "P1",
               "Nguyễn Thị \"Út\" Hường",
               Sex::kFemale,
               "1970-05-01",
               Relation::kHead,
               "Kinh",
               "095170001234"};
  p1.attributes = {{"nghề nghiệp", "nông dân"}};
  PersonRow p2;
  p2.row = 2;
  p2.household_code = "H-01";
  p2.person = {0, 0, "P2", "Lê Văn, Bé", Sex::kMale, "1999", Relation::kChild, "Kinh", ""};
  PersonRow p3;
  p3.row = 3;
  p3.household_code = "0042";
  p3.person = {0, 0, "P3", "Danh Sơn", Sex::kMale, "1980-01-01", Relation::kHead, "Khmer", ""};
  d.persons = {p1, p2, p3};

  HouseholdYearRow y1;
  y1.row = 1;
  y1.household_code = "H-01";
  y1.survey = {0, 2024, 3500000, HousingQuality::kSemiPermanent, 45.5, true, false, true, true};
  y1.attributes = {{"health_access", "1"}};
  HouseholdYearRow y2;
  y2.row = 2;
  y2.household_code = "0042";
  y2.survey = {0, 2024, 0, HousingQuality::kTemporary, 12.25, false, true, false, false};
  d.household_years = {y1, y2};

  PersonYearRow py1;
  py1.row = 1;
  py1.person_code = "P1";
  py1.survey = {0, 2024, true, false, 9, true, false, true, 0, false, false, true, false};
  PersonYearRow py2;
  py2.row = 2;
  py2.person_code = "P2";
  py2.survey = {0, 2024, false, true, 12, false, true, false, 2, true, true, false, true};
  py2.attributes = {{"nutrition", "stunted"}};
  d.person_years = {py1, py2};
  return d;
}

class DatasetWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/ansinh-writer-XXXXXX";
    dir_ = mkdtemp(tmpl);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Read(const std::string& file) {
    std::ifstream in(dir_ / file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  fs::path dir_;
};

TEST_F(DatasetWriterTest, FolderRoundTrip) {
  const Dataset d = Sample();
  const std::string out = (dir_ / "export").string();  // created by the writer
  ASSERT_TRUE(WriteDatasetFolder(d, out).ok());
  Result<Dataset> back = ReadDataset(out);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_TRUE(back->problems.empty());
  EXPECT_EQ(Describe(*back), Describe(d));
}

TEST_F(DatasetWriterTest, WorkbookRoundTrip) {
  const Dataset d = Sample();
  const std::string out = (dir_ / "export.xlsx").string();
  ASSERT_TRUE(WriteDatasetWorkbook(d, out).ok());
  Result<std::vector<std::string>> sheets = ListSheets(out);
  ASSERT_TRUE(sheets.ok());
  EXPECT_EQ(*sheets,
            (std::vector<std::string>{"households", "persons", "household_years", "person_years"}));
  Result<Dataset> back = ReadDataset(out);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_TRUE(back->problems.empty());
  EXPECT_EQ(Describe(*back), Describe(d));
}

TEST_F(DatasetWriterTest, CanonicalHeadersThenSortedAttributes) {
  ASSERT_TRUE(WriteDatasetFolder(Sample(), (dir_ / "out").string()).ok());
  const std::string households = Read("out/households.csv");
  EXPECT_EQ(households.substr(0, households.find('\n')),
            "household_id,commune_code,hamlet,address,ghi chú,nguồn,điện thoại");
  EXPECT_NE(households.find("\n0042,32014,Ấp Tân Lợi,,,rà soát 2024,\n"), std::string::npos);
  const std::string person_years = Read("out/person_years.csv");
  EXPECT_EQ(person_years.substr(0, person_years.find('\n')),
            "person_id,year,health_insurance,in_school,education_grade,trained,"
            "vocational_trained,employed,disability,sick_untreated,malnourished,wage_no_contract,"
            "social_allowance,nutrition");
  EXPECT_EQ(Read("out/household_years.csv").find("H-01,2024,3500000,semi_permanent,45.5,1,0,1,1"),
            Read("out/household_years.csv").find('\n') + 1);
}

TEST_F(DatasetWriterTest, RefusesAttributesThatWouldNotReadBack) {
  Dataset d = Sample();
  d.households[0].attributes["Mã hộ"] = "x";  // an alias of household_id
  Status s = WriteDatasetFolder(d, (dir_ / "bad").string());
  EXPECT_EQ(s.code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(s.value(), "Mã hộ");
  d = Sample();
  d.persons[0].attributes["id_number"] = "x";  // a column of the format
  EXPECT_EQ(WriteDatasetWorkbook(d, (dir_ / "bad.xlsx").string()).code(),
            ErrorCode::kInvalidArgument);
}

TEST_F(DatasetWriterTest, UnwritablePlaceIsAnIoError) {
  std::ofstream(dir_ / "file") << "x";
  EXPECT_EQ(WriteDatasetFolder(Sample(), (dir_ / "file" / "sub").string()).code(),
            ErrorCode::kIoError);
  EXPECT_EQ(WriteDatasetWorkbook(Sample(), (dir_ / "missing" / "x.xlsx").string()).code(),
            ErrorCode::kIoError);
}

}  // namespace
}  // namespace ansinh::io
