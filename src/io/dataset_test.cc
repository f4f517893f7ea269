#include "io/dataset.h"

#include <gtest/gtest.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/clock.h"
#include "io/dataset_pipe.h"
#include "io/dataset_writer.h"
#include "io/import_validation.h"
#include "io/xlsx_reader.h"
#include "synth/synth.h"
#include "synth/synth_testing.h"

namespace ansinh::io {
namespace {

namespace fs = std::filesystem;

class DatasetTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("ansinh_dataset_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  void Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
  }

  // A clean dataset of two households in Cà Mau, headers in Vietnamese for households/persons.
  void WriteClean() {
    Write("households.csv",
          "Mã hộ,Mã xã,Ấp,Ghi chú\n"
          "H1,32002,Ấp 1,gần chợ\n"
          "H2,32014,Ấp Tân Lợi,\n");
    Write("persons.csv",
          "mã nhân khẩu,mã hộ,họ và tên,giới tính,ngày sinh,quan hệ với chủ hộ,dân tộc\n"
          "P1,H1,Nguyễn Văn An,nam,1970-05-01,chủ hộ,Kinh\n"
          "P2,H1,Trần Thị Bình,nữ,1975,spouse,Kinh\n"
          "P3,H2,Danh Sơn,M,1980-01-01,head,Khmer\n");
    Write("household_years.csv",
          "household_id,year,income_month,housing_quality,housing_area_m2,clean_water,"
          "hygienic_latrine,telecom,info_assets\n"
          "H1,2024,3500000,permanent,45.5,1,1,1,1\n"
          "H2,2024,1200000,temporary,20,0,0,1,0\n");
    Write("person_years.csv",
          "person_id,năm,health_insurance,in_school,education_grade,trained,vocational_trained,"
          "employed,disability\n"
          "P1,2024,1,0,9,0,0,1,0\n"
          "P2,2024,1,0,7,0,0,1,0\n"
          "P3,2024,0,0,5,0,0,1,0\n");
  }

  std::vector<ImportProblem> Validate() {
    Result<Dataset> d = ReadDatasetFolder(dir_.string());
    EXPECT_TRUE(d.ok()) << d.status().ToString();
    if (!d.ok()) return {};
    return ValidateDataset(*d, communes_, clock_);
  }

  static bool Has(const std::vector<ImportProblem>& problems, const std::string& file,
                  const std::string& column, const std::string& value) {
    for (const ImportProblem& p : problems) {
      if (p.file == file && p.column == column && p.value == value) return true;
    }
    return false;
  }

  // WriteClean()'s tables as a workbook written cell by cell with libxlsxwriter, the way Excel
  // holds them: numbers as number cells, a birth date as a date cell, Vietnamese sheet names for
  // two tables and English for the others.
  std::string WriteCleanWorkbook() {
    const std::string path = (dir_ / "survey.xlsx").string();
    lxw_workbook* book = workbook_new(path.c_str());
    auto sheet = [&](const char* name, const std::vector<std::vector<std::string>>& rows) {
      lxw_worksheet* s = workbook_add_worksheet(book, name);
      for (std::size_t r = 0; r < rows.size(); ++r) {
        for (std::size_t c = 0; c < rows[r].size(); ++c) {
          const std::string& v = rows[r][c];
          const auto row = static_cast<lxw_row_t>(r);
          const auto col = static_cast<lxw_col_t>(c);
          const bool number = r > 0 && !v.empty() && v.find_first_not_of("0123456789.") ==
                                                         std::string::npos && v[0] != '0';
          if (number) worksheet_write_number(s, row, col, std::stod(v), nullptr);
          else if (!v.empty()) worksheet_write_string(s, row, col, v.c_str(), nullptr);
        }
      }
      return s;
    };
    sheet("Hộ gia đình", {{"Mã hộ", "Mã xã", "Ấp", "Ghi chú"},
                          {"H1", "32002", "Ấp 1", "gần chợ"},
                          {"H2", "32014", "Ấp Tân Lợi", ""}});
    lxw_worksheet* persons =
        sheet("nhan khau", {{"mã nhân khẩu", "mã hộ", "họ và tên", "giới tính", "ngày sinh",
                             "quan hệ với chủ hộ", "dân tộc"},
                            {"P1", "H1", "Nguyễn Văn An", "nam", "", "chủ hộ", "Kinh"},
                            {"P2", "H1", "Trần Thị Bình", "nữ", "1975", "spouse", "Kinh"},
                            {"P3", "H2", "Danh Sơn", "M", "1980-01-01", "head", "Khmer"}});
    lxw_datetime born = {1970, 5, 1, 0, 0, 0};
    lxw_format* date = workbook_add_format(book);
    format_set_num_format(date, "dd/mm/yyyy");
    worksheet_write_datetime(persons, 1, 4, &born, date);
    sheet("household_years",
          {{"household_id", "year", "income_month", "housing_quality", "housing_area_m2",
            "clean_water", "hygienic_latrine", "telecom", "info_assets"},
           {"H1", "2024", "3500000", "permanent", "45.5", "1", "1", "1", "1"},
           {"H2", "2024", "1200000", "temporary", "20", "0", "0", "1", "0"}});
    sheet("Person_Years", {{"person_id", "năm", "health_insurance", "in_school",
                            "education_grade", "trained", "vocational_trained", "employed",
                            "disability"},
                           {"P1", "2024", "1", "0", "9", "0", "0", "1", "0"},
                           {},
                           {"P2", "2024", "1", "0", "7", "0", "0", "1", "0"},
                           {"P3", "2024", "0", "0", "5", "0", "0", "1", "0"}});
    EXPECT_EQ(workbook_close(book), LXW_NO_ERROR);
    return path;
  }

  // A dataset's rows in the format's canonical text (the writer's), for comparing two reads.
  std::string Canonical(const Dataset& d, const std::string& name) {
    const fs::path out = dir_ / name;
    EXPECT_TRUE(WriteDatasetFolder(d, out.string()).ok());
    std::string text;
    for (const char* file :
         {"households.csv", "persons.csv", "household_years.csv", "person_years.csv"}) {
      std::ifstream in(out / file, std::ios::binary);
      text += std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    return text;
  }

  fs::path dir_;
  std::set<std::string> communes_{"32002", "32014"};
  FixedClock clock_{1767225600};  // 2026-01-01
};

TEST_F(DatasetTest, ReadsVietnameseHeadersAndKeepsExtraColumns) {
  WriteClean();
  Result<Dataset> d = ReadDatasetFolder(dir_.string());
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  ASSERT_EQ(d->households.size(), 2u);
  EXPECT_EQ(d->households[1].household.hamlet_name, "Ấp Tân Lợi");
  EXPECT_EQ(d->households[0].attributes.at("ghi chú"), "gần chợ");
  ASSERT_EQ(d->persons.size(), 3u);
  EXPECT_EQ(d->persons[0].person.relation, Relation::kHead);
  EXPECT_EQ(d->persons[1].person.sex, Sex::kFemale);
  EXPECT_EQ(d->household_years[0].survey.housing_area_m2, 45.5);
  EXPECT_EQ(d->person_years[2].survey.year, 2024);
  EXPECT_TRUE(ValidateDataset(*d, communes_, clock_).empty());
}

TEST_F(DatasetTest, MappingFileRenamesColumns) {
  WriteClean();
  Write("households.csv", "HH,Xa,Hamlet\nH1,32002,Ấp 1\nH2,32014,Ấp 2\n");
  Write("map.csv", "from,to\nHH,household_id\nXa,commune_code\n");
  Result<ColumnMapping> mapping = ReadColumnMapping((dir_ / "map.csv").string());
  ASSERT_TRUE(mapping.ok());
  Result<Dataset> d = ReadDatasetFolder(dir_.string(), *mapping);
  ASSERT_TRUE(d.ok());
  EXPECT_TRUE(d->problems.empty());
  EXPECT_EQ(d->households[0].household.commune_code, "32002");
}

TEST_F(DatasetTest, Tcvn3NameImportsAsUnicode) {
  WriteClean();
  Write("persons.csv",
        "person_id,household_id,full_name,sex,birth_date,relation,ethnicity\n"
        "P1,H1,Nguy\xD4n V\xA8n An,M,1970,head,Kinh\n"
        "P3,H2,Danh S\xAAn,M,1980,head,Khmer\n");
  Result<Dataset> d = ReadDatasetFolder(dir_.string());
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->persons[0].person.full_name, "Nguyễn Văn An");
  EXPECT_GE(d->encoding.tcvn3, 1);
}

TEST_F(DatasetTest, PlantedErrorsAreAllReported) {
  WriteClean();
  Write("households.csv",
        "household_id,commune_code,hamlet\n"
        "H1,32002,Ấp 1\n"
        "H2,99999,Ấp 2\n");
  Write("persons.csv",
        "person_id,household_id,full_name,sex,birth_date,relation,ethnicity,id_number\n"
        "P1,H1,Nguyễn Văn An,M,1970-05-01,head,Kinh,\n"
        "P2,H1,Trần Thị Bình,F,1975,head,Kinh,\n"
        "P3,H2,Danh Sơn,M,2030-01-01,head,Khmer,\n"
        "P4,H9,Lê Văn Cường,M,1990,head,Kinh,\n"
        "P5,H2,Nguyen Van An,M,1970-05-01,child,Kinh,\n");
  const std::vector<ImportProblem> problems = Validate();
  EXPECT_TRUE(Has(problems, "households.csv", "commune_code", "99999"));
  EXPECT_TRUE(Has(problems, "persons.csv", "household_id", "H9"));
  EXPECT_TRUE(Has(problems, "households.csv", "household_id", "H1"));  // two heads
  EXPECT_TRUE(Has(problems, "persons.csv", "birth_date", "2030-01-01"));
  EXPECT_TRUE(Has(problems, "persons.csv", "full_name", "Nguyen Van An"));  // likely duplicate
  std::ostringstream report;
  WriteErrorReport(problems, report);
  EXPECT_EQ(report.str().rfind("file,row,column,value,reason_vi,reason_en\n", 0), 0u);
  EXPECT_NE(report.str().find("persons.csv,4,household_id,H9,"), std::string::npos);
}

// What the old whole-dataset check reported is what the streaming check reports: the held
// reading (ReadDatasetFolder + ValidateDataset) and the two-pass reading (StreamDataset into a
// DatasetChecker) give the same problems, field for field, in the same order.
TEST_F(DatasetTest, StreamingCheckGivesTheSameProblemsAsTheHeldDataset) {
  WriteClean();
  Write("households.csv",
        "household_id,commune_code,hamlet\n"
        "H1,32002,Ấp 1\n"
        "H2,99999,Ấp 2\n"
        "H3,32014,Ấp 3\n"
        "H1,32014,Ấp 4\n");
  Write("persons.csv",
        "person_id,household_id,full_name,sex,birth_date,relation,ethnicity,id_number\n"
        "P1,H1,Nguyễn Văn An,M,1970-05-01,head,Kinh,012345678\n"
        "P2,H1,Trần Thị Bình,X,1975,head,Kinh,\n"
        "P3,H2,Danh Sơn,M,2030-01-01,child,Khmer,012345678\n"
        "P4,H9,Lê Văn Cường,M,1990,head,Kinh,\n"
        "P1,H3,Nguyen Van An,M,1970-05-01,head,Kinh,\n");
  Write("person_years.csv",
        "person_id,year,health_insurance,in_school,education_grade,trained,vocational_trained,"
        "employed,disability\n"
        "P1,2024,1,0,9,0,0,1,0\n"
        "P1,2024,1,0,9,0,0,1,0\n"
        "P7,2024,1,0,13,0,0,1,0\n");
  const std::vector<ImportProblem> held = Validate();
  DatasetChecker checker(communes_, clock_);
  ASSERT_TRUE(StreamDataset(dir_.string(), {}, checker).ok());
  const std::vector<ImportProblem> streamed = checker.Problems();
  ASSERT_EQ(streamed.size(), held.size());
  ASSERT_GE(held.size(), 10u);
  for (std::size_t i = 0; i < held.size(); ++i) {
    EXPECT_EQ(streamed[i].file, held[i].file) << i;
    EXPECT_EQ(streamed[i].row, held[i].row) << i;
    EXPECT_EQ(streamed[i].column, held[i].column) << i;
    EXPECT_EQ(streamed[i].value, held[i].value) << i;
    EXPECT_EQ(streamed[i].reason_en, held[i].reason_en) << i;
    EXPECT_EQ(streamed[i].warning, held[i].warning) << i;
  }
  // Each kind planted is there once.
  EXPECT_TRUE(Has(held, "households.csv", "household_id", "H1"));  // duplicate, and two heads
  EXPECT_TRUE(Has(held, "persons.csv", "sex", "X"));
  EXPECT_TRUE(Has(held, "persons.csv", "person_id", "P1"));  // duplicate
  EXPECT_TRUE(Has(held, "persons.csv", "id_number", "012345678"));
  EXPECT_TRUE(Has(held, "person_years.csv", "year", "2024"));  // P1 twice in 2024
  EXPECT_TRUE(Has(held, "person_years.csv", "person_id", "P7"));
  EXPECT_TRUE(Has(held, "person_years.csv", "education_grade", "13"));
}

TEST_F(DatasetTest, HeadsAreReportedInTheHouseholdsRowOrder) {
  WriteClean();
  Write("persons.csv",
        "person_id,household_id,full_name,sex,birth_date,relation,ethnicity\n"
        "P3,H2,Danh Sơn,M,1980-01-01,child,Khmer\n"
        "P1,H1,Nguyễn Văn An,M,1970,child,Kinh\n");
  std::vector<std::int64_t> rows;
  for (const ImportProblem& p : Validate()) {
    if (p.column == "household_id" && p.file == "households.csv") rows.push_back(p.row);
  }
  EXPECT_EQ(rows, (std::vector<std::int64_t>{1, 2}));
}

// A sink sees one row at a time and the reader keeps none: a sink that stops at the first row
// stops the reading of a large file there.
TEST_F(DatasetTest, StreamingHandsOverOneRowAtATime) {
  WriteClean();
  std::string households = "household_id,commune_code,hamlet\n";
  for (int i = 0; i < 50000; ++i) households += "H" + std::to_string(i) + ",32002,Ấp 1\n";
  Write("households.csv", households);
  class StopAtFirst : public DatasetSink {
   public:
    Status Household(const HouseholdRow& row) override {
      ++rows;
      last_code = row.household.code;
      return Status::Error(ErrorCode::kFailedPrecondition, "dừng", "stop");
    }
    Status Person(const PersonRow&) override { return Status::Ok(); }
    Status HouseholdYear(const HouseholdYearRow&) override { return Status::Ok(); }
    Status PersonYear(const PersonYearRow&) override { return Status::Ok(); }
    void Problem(const ImportProblem&) override {}
    int rows = 0;
    std::string last_code;
  } sink;
  const Status status = StreamDataset(dir_.string(), {}, sink);
  EXPECT_EQ(status.code(), ErrorCode::kFailedPrecondition);
  EXPECT_EQ(sink.rows, 1);
  EXPECT_EQ(sink.last_code, "H0");
}

// The check pass keeps keys, not rows: under 250 bytes a person for a generated commune
// (codes, ID numbers, name keys and counts, with the slack of growing tables), where the held
// rows of the whole dataset took about 800 (3.5 GB for 4.3 million persons).
TEST_F(DatasetTest, CheckerMemoryIsBoundedByTheKeys) {
  const synth::GenerateOptions o = synth::testing::CaMauOptions(ANSINH_SOURCE_DIR, 5000, 2024, 2024);
  Result<std::unique_ptr<synth::Sink>> sink = synth::OpenCsvSink(dir_.string());
  ASSERT_TRUE(sink.ok()) << sink.status().ToString();
  ASSERT_TRUE(synth::Generate(o, **sink).ok());
  sink->reset();
  std::set<std::string> communes;
  for (const char* c : {"31999", "32002", "32005", "32008", "32011", "32014"}) communes.insert(c);
  DatasetChecker checker(communes, clock_);
  ASSERT_TRUE(StreamDataset(dir_.string(), {}, checker).ok());
  ASSERT_GT(checker.persons(), 15000u);
  EXPECT_LT(checker.MemoryBytes() / checker.persons(), 250u) << checker.MemoryBytes();
}

// Keeps what a sink is given, as ReadDataset does.
class Collect : public DatasetSink {
 public:
  explicit Collect(Dataset* d) : d_(d) {}
  Status Household(const HouseholdRow& r) override { return Keep(d_->households, r); }
  Status Person(const PersonRow& r) override { return Keep(d_->persons, r); }
  Status HouseholdYear(const HouseholdYearRow& r) override {
    return Keep(d_->household_years, r);
  }
  Status PersonYear(const PersonYearRow& r) override { return Keep(d_->person_years, r); }
  void Problem(const ImportProblem& p) override { d_->problems.push_back(p); }
  void EndTable(Table) override { ++tables; }
  int tables = 0;

 private:
  template <typename Row>
  Status Keep(std::vector<Row>& rows, const Row& r) {
    rows.push_back(r);
    return Status::Ok();
  }
  Dataset* d_;
};

// Reading on a second thread gives the sink what reading on its own thread gives, in order, over
// more batches than are held at once; a sink's error stops the reading thread.
TEST_F(DatasetTest, ReadingAheadGivesTheSameRowsAndProblems) {
  WriteClean();
  std::string persons =
      "person_id,household_id,full_name,sex,birth_date,relation,ethnicity\n"
      "P1,H1,Nguyễn Văn An,nam,1970-05-01,chủ hộ,Kinh\n"
      "P3,H2,Danh Sơn,M,1980-01-01,head,Khmer\n";
  const std::size_t many = kBatchEvents * (kBatchesAhead + 3);
  for (std::size_t i = 0; i < many; ++i) {
    persons += "Q" + std::to_string(i) + ",H1,Trần Thị " + std::to_string(i) + "," +
               (i % 500 == 7 ? "?" : "F") + ",1975,child,Kinh\n";
  }
  Write("persons.csv", persons);
  Result<Dataset> held = ReadDatasetFolder(dir_.string());
  ASSERT_TRUE(held.ok());
  Dataset ahead;
  Collect collect(&ahead);
  ASSERT_TRUE(StreamDatasetAhead(dir_.string(), {}, collect, &ahead.encoding).ok());
  EXPECT_EQ(collect.tables, 4);
  EXPECT_EQ(Canonical(ahead, "ahead"), Canonical(*held, "held"));
  ASSERT_EQ(ahead.persons.size(), many + 2);
  EXPECT_EQ(ahead.persons.back().row, static_cast<std::int64_t>(many + 2));
  ASSERT_EQ(ahead.problems.size(), held->problems.size());
  ASSERT_FALSE(ahead.problems.empty());
  for (std::size_t i = 0; i < held->problems.size(); ++i) {
    EXPECT_EQ(ahead.problems[i].row, held->problems[i].row);
    EXPECT_EQ(ahead.problems[i].value, "?");
  }
  EXPECT_EQ(ahead.encoding.unchanged, held->encoding.unchanged);

  class StopAtPersons : public DatasetSink {
   public:
    Status Household(const HouseholdRow&) override { return Status::Ok(); }
    Status Person(const PersonRow&) override {
      return Status::Error(ErrorCode::kFailedPrecondition, "dừng", "stop");
    }
    Status HouseholdYear(const HouseholdYearRow&) override { return Status::Ok(); }
    Status PersonYear(const PersonYearRow&) override { return Status::Ok(); }
    void Problem(const ImportProblem&) override {}
  } stop;
  EXPECT_EQ(StreamDatasetAhead(dir_.string(), {}, stop).code(), ErrorCode::kFailedPrecondition);
}

// --accept-valid's choice, made by the checker: each problem rejects the household of its row; a
// problem no row carries (malformed CSV) rejects everything.
TEST_F(DatasetTest, SelectionRejectsTheHouseholdsOfProblemRows) {
  WriteClean();
  Write("households.csv",
        "household_id,commune_code,hamlet\n"
        "H1,32002,Ấp 1\n"
        "H2,32014,Ấp 2\n"
        "H3,32014,Ấp 3\n");
  Write("persons.csv",
        "person_id,household_id,full_name,sex,birth_date,relation,ethnicity\n"
        "P1,H1,Nguyễn Văn An,M,1970,head,Kinh\n"
        "P2,H2,Trần Thị Bình,X,1975,head,Kinh\n"
        "P3,H3,Danh Sơn,M,1980,head,Khmer\n");
  Write("person_years.csv",
        "person_id,year,health_insurance,in_school,education_grade,trained,vocational_trained,"
        "employed,disability\n"
        "P1,2024,1,0,9,0,0,1,0\n"
        "P3,2024,1,0,99,0,0,1,0\n");
  DatasetChecker checker(communes_, clock_);
  ASSERT_TRUE(StreamDataset(dir_.string(), {}, checker).ok());
  const ImportSelection selection = checker.Selection();
  EXPECT_FALSE(selection.whole_dataset_rejected);
  EXPECT_EQ(selection.rejected_households, 2);
  EXPECT_TRUE(selection.Accepts(checker.HouseholdOf("H1")));
  EXPECT_FALSE(selection.Accepts(checker.HouseholdOf("H2")));  // a member's sex
  EXPECT_FALSE(selection.Accepts(checker.HouseholdOf("H3")));  // a member's survey
  EXPECT_EQ(checker.HouseholdOfPerson(checker.PersonOf("P3")), checker.HouseholdOf("H3"));
  EXPECT_EQ(checker.SearchKeyOf(checker.PersonOf("P1")), "nguyen van an");

  Write("households.csv", "household_id,commune_code,hamlet\nH1,32002,\"Ấp 1\nH2,32014,Ấp 2\n");
  DatasetChecker malformed(communes_, clock_);
  ASSERT_TRUE(StreamDataset(dir_.string(), {}, malformed).ok());
  EXPECT_TRUE(malformed.Selection().whole_dataset_rejected);
}

TEST_F(DatasetTest, MalformedQuotesAreAProblemOfTheFile) {
  WriteClean();
  Write("households.csv", "household_id,commune_code,hamlet\nH1,32002,\"Ấp 1\nH2,32014,Ấp 2\n");
  Result<Dataset> d = ReadDatasetFolder(dir_.string());
  ASSERT_TRUE(d.ok());
  bool found = false;
  for (const ImportProblem& p : ValidateDataset(*d, communes_, clock_)) {
    found = found || p.file == "households.csv";
  }
  EXPECT_TRUE(found);
}

TEST_F(DatasetTest, SampleFolderValidatesClean) {
  Result<Dataset> d = ReadDatasetFolder(std::string(ANSINH_SOURCE_DIR) + "/data/samples");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->households.size(), 5u);
  EXPECT_EQ(d->persons.size(), 10u);
  for (const ImportProblem& p : ValidateDataset(*d, communes_, clock_)) {
    ADD_FAILURE() << p.file << ":" << p.row << " " << p.column << "=" << p.value << " "
                  << p.reason_en;
  }
}

TEST_F(DatasetTest, GeneratorOutputValidatesClean) {
  const synth::GenerateOptions o = synth::testing::CaMauOptions(ANSINH_SOURCE_DIR, 50, 2023, 2024);
  Result<std::unique_ptr<synth::Sink>> sink = synth::OpenCsvSink(dir_.string());
  ASSERT_TRUE(sink.ok()) << sink.status().ToString();
  ASSERT_TRUE(synth::Generate(o, **sink).ok());
  Result<Dataset> d = ReadDatasetFolder(dir_.string());
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->households.size(), 50u);
  std::set<std::string> communes;
  for (const HouseholdRow& h : d->households) communes.insert(h.household.commune_code);
  const std::vector<ImportProblem> problems = ValidateDataset(*d, communes, clock_);
  for (const ImportProblem& p : problems) {
    ADD_FAILURE() << p.file << ":" << p.row << " " << p.column << "=" << p.value << " "
                  << p.reason_en;
  }
}

TEST_F(DatasetTest, WorkbookReadsLikeTheSameFolder) {
  WriteClean();
  Result<Dataset> folder = ReadDatasetFolder(dir_.string());
  Result<Dataset> book = ReadDatasetWorkbook(WriteCleanWorkbook());
  ASSERT_TRUE(folder.ok()) << folder.status().ToString();
  ASSERT_TRUE(book.ok()) << book.status().ToString();
  EXPECT_TRUE(book->problems.empty());
  EXPECT_EQ(Canonical(*book, "from_book"), Canonical(*folder, "from_folder"));
  // Rows count from the header, as in a CSV file, even past an empty row of the sheet.
  ASSERT_EQ(book->person_years.size(), 3u);
  EXPECT_EQ(book->person_years[1].row, 3);
  EXPECT_EQ(book->persons[0].person.birth_date, "1970-05-01");  // a date cell
  EXPECT_EQ(book->persons[1].person.birth_date, "1975");        // a number cell: the year
  EXPECT_EQ(book->sources.households, "Hộ gia đình");
  EXPECT_EQ(book->sources.persons, "nhan khau");
  EXPECT_TRUE(ValidateDataset(*book, communes_, clock_).empty());
}

TEST_F(DatasetTest, WorkbookProblemsNameTheSheet) {
  WriteClean();
  Write("households.csv", "household_id,commune_code,hamlet\nH1,32002,Ấp 1\nH2,99999,Ấp 2\n");
  Result<Dataset> folder = ReadDatasetFolder(dir_.string());
  ASSERT_TRUE(folder.ok());
  const std::string path = (dir_ / "planted.xlsx").string();
  ASSERT_TRUE(WriteDatasetWorkbook(*folder, path).ok());
  Result<Dataset> book = ReadDataset(path);
  ASSERT_TRUE(book.ok()) << book.status().ToString();
  const std::vector<ImportProblem> problems = ValidateDataset(*book, communes_, clock_);
  EXPECT_TRUE(Has(problems, "households", "commune_code", "99999"));
}

TEST_F(DatasetTest, WorkbookWithoutATableSheetIsAnError) {
  const std::string path = (dir_ / "partial.xlsx").string();
  lxw_workbook* book = workbook_new(path.c_str());
  workbook_add_worksheet(book, "households");
  ASSERT_EQ(workbook_close(book), LXW_NO_ERROR);
  Result<Dataset> d = ReadDatasetWorkbook(path);
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(d.status().value(), "persons");
}

TEST_F(DatasetTest, ReadDatasetDispatchesOnThePath) {
  WriteClean();
  EXPECT_TRUE(ReadDataset(dir_.string()).ok());
  EXPECT_TRUE(ReadDataset(WriteCleanWorkbook()).ok());
  EXPECT_EQ(ReadDataset((dir_ / "households.csv").string()).status().code(),
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(ReadDataset((dir_ / "missing").string()).status().code(), ErrorCode::kNotFound);
}

TEST_F(DatasetTest, ErrorReportAsWorkbook) {
  const std::vector<ImportProblem> problems = {
      {"households.csv", 2, "commune_code", "99999", "mã xã không có trong tỉnh",
       "unknown commune code"},
      {"persons", 4, "household_id", "H9", "mã hộ không có", "household id, \"quoted\""}};
  const std::string path = (dir_ / "report.XLSX").string();
  ASSERT_TRUE(WriteErrorReportFile(problems, path).ok());
  std::vector<std::vector<std::string>> rows;
  ASSERT_TRUE(ReadSheet(path, "errors", [&](const std::vector<std::string>& cells, std::int64_t) {
                rows.push_back(cells);
                return Status::Ok();
              }).ok());
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"file", "row", "column", "value", "reason_vi",
                                               "reason_en"}));
  EXPECT_EQ(rows[1], (std::vector<std::string>{"households.csv", "2", "commune_code", "99999",
                                               "mã xã không có trong tỉnh",
                                               "unknown commune code"}));
  EXPECT_EQ(rows[2][5], "household id, \"quoted\"");
  // Any other ending is CSV.
  ASSERT_TRUE(WriteErrorReportFile(problems, (dir_ / "report.csv").string()).ok());
  std::ifstream csv(dir_ / "report.csv");
  std::string header;
  std::getline(csv, header);
  EXPECT_EQ(header, "file,row,column,value,reason_vi,reason_en");
}

}  // namespace
}  // namespace ansinh::io
