// Tests of the .xlsx reader on workbooks written by libxlsxwriter (shared strings, inline strings
// in its constant-memory mode, rich text, formulas, dates, several sheets) and on hand-made
// packages zipped with minizip (namespace prefixes, escapes, phonetic runs, malformed XML).
#include "io/xlsx_reader.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <filesystem>
#include <fstream>
#include <map>

namespace ansinh::io {
namespace {

using Rows = std::map<std::int64_t, std::vector<std::string>>;

class XlsxReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/ansinh-xlsx-XXXXXX";
    dir_ = mkdtemp(tmpl);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  // The survey workbook: households (shared strings), persons, and a sheet left empty.
  std::string WriteSurvey(bool constant_memory) {
    const std::string path = dir_ + (constant_memory ? "/inline.xlsx" : "/shared.xlsx");
    lxw_workbook_options options = {};
    options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
    options.tmpdir = dir_.data();
    lxw_workbook* book = workbook_new_opt(path.c_str(), &options);
    lxw_worksheet* households = workbook_add_worksheet(book, "households");
    lxw_worksheet* persons = workbook_add_worksheet(book, "Thành viên");
    workbook_add_worksheet(book, "empty");
    lxw_format* bold = workbook_add_format(book);
    format_set_bold(bold);

    worksheet_write_string(households, 0, 0, "household_id", nullptr);
    worksheet_write_string(households, 0, 1, "commune_code", nullptr);
    worksheet_write_string(households, 0, 2, "hamlet", nullptr);
    worksheet_write_string(households, 0, 3, "income_month", nullptr);
    worksheet_write_string(households, 0, 4, "area_m2", nullptr);
    worksheet_write_string(households, 1, 0, "HH001", nullptr);
    worksheet_write_string(households, 1, 1, "32002", nullptr);
    worksheet_write_string(households, 1, 2, "Ấp Cái Keo", nullptr);
    worksheet_write_number(households, 1, 3, 1500000, nullptr);
    worksheet_write_number(households, 1, 4, 12.5, nullptr);
    // Row 3 is left out; row 4 has a gap in column C and a formula with its cached value.
    worksheet_write_string(households, 3, 0, "HH002", nullptr);
    worksheet_write_string(households, 3, 1, "32002", nullptr);
    worksheet_write_formula_num(households, 3, 3, "=D2*2", nullptr, 3000000);
    worksheet_write_boolean(households, 3, 5, 1, nullptr);

    worksheet_write_string(persons, 0, 0, "full_name", nullptr);
    worksheet_write_string(persons, 0, 1, "birth_date", nullptr);
    worksheet_write_string(persons, 1, 0, "Nguyễn Văn Anh", nullptr);
    lxw_datetime date = {2024, 1, 1, 0, 0, 0};
    lxw_format* date_format = workbook_add_format(book);
    format_set_num_format(date_format, "dd/mm/yyyy");
    worksheet_write_datetime(persons, 1, 1, &date, date_format);
    lxw_rich_string_tuple first = {bold, const_cast<char*>("Thạch Thị ")};
    lxw_rich_string_tuple second = {nullptr, const_cast<char*>("Sa Rết")};
    lxw_rich_string_tuple* rich[] = {&first, &second, nullptr};
    worksheet_write_rich_string(persons, 2, 0, rich, nullptr);
    worksheet_write_string(persons, 2, 1, "1985-07-15", nullptr);
    EXPECT_EQ(workbook_close(book), LXW_NO_ERROR);
    return path;
  }

  // A package zipped by hand from (part, XML) pairs.
  std::string WriteZip(const std::string& name,
                       const std::vector<std::pair<std::string, std::string>>& parts) {
    const std::string path = dir_ + "/" + name;
    zipFile zip = zipOpen64(path.c_str(), 0);
    EXPECT_NE(zip, nullptr);
    for (const auto& [part, text] : parts) {
      zip_fileinfo info = {};
      EXPECT_EQ(zipOpenNewFileInZip64(zip, part.c_str(), &info, nullptr, 0, nullptr, 0, nullptr,
                                      Z_DEFLATED, Z_DEFAULT_COMPRESSION, 0),
                ZIP_OK);
      EXPECT_EQ(zipWriteInFileInZip(zip, text.data(), static_cast<unsigned>(text.size())), ZIP_OK);
      EXPECT_EQ(zipCloseFileInZip(zip), ZIP_OK);
    }
    EXPECT_EQ(zipClose(zip, nullptr), ZIP_OK);
    return path;
  }

  // A minimal package around one sheet's XML, with the given shared strings part (or none).
  std::string WriteOneSheet(const std::string& sheet_xml, const std::string& shared_xml = "") {
    std::vector<std::pair<std::string, std::string>> parts = {
        {"_rels/.rels",
         R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/xl/workbook.xml"/></Relationships>)"},
        {"xl/workbook.xml",
         R"(<?xml version="1.0"?><x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:sheets><x:sheet name="S" sheetId="1" r:id="rId7"/></x:sheets></x:workbook>)"},
        {"xl/_rels/workbook.xml.rels",
         R"(<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="sheets/../worksheets/s.xml"/><Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>)"},
        {"xl/worksheets/s.xml", sheet_xml}};
    if (!shared_xml.empty()) parts.emplace_back("xl/sharedStrings.xml", shared_xml);
    return WriteZip("one.xlsx", parts);
  }

  Rows ReadAll(const std::string& path, const std::string& sheet, Status* status) {
    Rows rows;
    *status = ReadSheet(path, sheet, [&](const std::vector<std::string>& cells, std::int64_t r) {
      rows[r] = cells;
      return Status::Ok();
    });
    return rows;
  }

  std::string dir_;
};

constexpr const char* kSheetOpen =
    R"(<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>)";
constexpr const char* kSheetClose = "</x:sheetData></x:worksheet>";

TEST_F(XlsxReaderTest, ListsSheetsInTabOrder) {
  for (bool constant_memory : {false, true}) {
    auto sheets = ListSheets(WriteSurvey(constant_memory));
    ASSERT_TRUE(sheets.ok()) << sheets.status().ToString();
    EXPECT_EQ(*sheets, (std::vector<std::string>{"households", "Thành viên", "empty"}));
  }
}

TEST_F(XlsxReaderTest, ReadsSharedAndInlineStringsNumbersGapsFormulasBooleans) {
  // libxlsxwriter writes shared strings normally and inline strings in constant-memory mode.
  for (bool constant_memory : {false, true}) {
    SCOPED_TRACE(constant_memory ? "inline strings" : "shared strings");
    Status s;
    Rows rows = ReadAll(WriteSurvey(constant_memory), "households", &s);
    ASSERT_TRUE(s.ok()) << s.ToString();
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[1], (std::vector<std::string>{"household_id", "commune_code", "hamlet",
                                                 "income_month", "area_m2"}));
    EXPECT_EQ(rows[2],
              (std::vector<std::string>{"HH001", "32002", "Ấp Cái Keo", "1500000", "12.5"}));
    EXPECT_EQ(rows.count(3), 0u);  // the empty row is skipped; row numbers are the sheet's
    EXPECT_EQ(rows[4], (std::vector<std::string>{"HH002", "32002", "", "3000000", "", "1"}));
  }
}

TEST_F(XlsxReaderTest, ReadsRichTextAndLeavesDatesAsSerialNumbers) {
  Status s;
  Rows rows = ReadAll(WriteSurvey(false), "Thành viên", &s);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(rows[2], (std::vector<std::string>{"Nguyễn Văn Anh", "45292"}));  // 2024-01-01
  EXPECT_EQ(rows[3], (std::vector<std::string>{"Thạch Thị Sa Rết", "1985-07-15"}));
  rows = ReadAll(WriteSurvey(false), "empty", &s);
  EXPECT_TRUE(s.ok());
  EXPECT_TRUE(rows.empty());
}

TEST_F(XlsxReaderTest, ReadsTableWithHeader) {
  std::vector<std::pair<std::int64_t, std::string>> seen;
  Status s = ReadSheetTable(
      WriteSurvey(false), "households", {"household_id", "hamlet"}, [&](const CsvRow& row) {
        seen.emplace_back(row.row(), std::string(row.Get("household_id")) + "|" +
                                         std::string(row.Get("hamlet")) + "|" +
                                         std::string(row.Get("nope")));
        return Status::Ok();
      });
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(seen, (std::vector<std::pair<std::int64_t, std::string>>{{1, "HH001|Ấp Cái Keo|"},
                                                                     {3, "HH002||"}}));
  s = ReadSheetTable(WriteSurvey(false), "households", {"person_id"},
                     [](const CsvRow&) { return Status::Ok(); });
  EXPECT_EQ(s.code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(s.field(), "person_id");
}

TEST_F(XlsxReaderTest, HandlerErrorStopsTheReadWithItsRow) {
  int calls = 0;
  Status s = ReadSheet(WriteSurvey(false), "households",
                       [&](const std::vector<std::string>&, std::int64_t row) {
                         ++calls;
                         return row == 2 ? Status::Invalid("x", "y", "sai", "bad") : Status::Ok();
                       });
  EXPECT_EQ(s.code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(calls, 2);
  EXPECT_EQ(s.location().row, 2);
  EXPECT_NE(s.location().file.find(":households"), std::string::npos);
}

TEST_F(XlsxReaderTest, ErrorsHaveStableCodes) {
  Status s;
  ReadAll(WriteSurvey(false), "no such sheet", &s);
  EXPECT_EQ(s.code(), ErrorCode::kNotFound);
  EXPECT_EQ(ListSheets(dir_ + "/missing.xlsx").status().code(), ErrorCode::kIoError);
  std::ofstream(dir_ + "/text.xlsx") << "household_id,commune_code\nHH1,32002\n";
  EXPECT_EQ(ListSheets(dir_ + "/text.xlsx").status().code(), ErrorCode::kIoError);
  // A zip that is not a workbook.
  const std::string other = WriteZip("other.xlsx", {{"readme.txt", "hello"}});
  EXPECT_EQ(ListSheets(other).status().code(), ErrorCode::kParseError);
}

TEST_F(XlsxReaderTest, MalformedXmlNamesThePart) {
  Status s;
  ReadAll(WriteOneSheet(std::string(kSheetOpen) + "<x:row r=\"1\"><x:c r=\"A1\"><x:v>1</x:c>"), "S",
          &s);
  EXPECT_EQ(s.code(), ErrorCode::kParseError);
  EXPECT_NE(s.message_en().find("xl/worksheets/s.xml"), std::string::npos) << s.ToString();
  ReadAll(
      WriteOneSheet(std::string(kSheetOpen) +
                    R"(<x:row r="1"><x:c r="A1" t="s"><x:v>5</x:v></x:c></x:row>)" + kSheetClose),
      "S", &s);
  EXPECT_EQ(s.code(), ErrorCode::kParseError);  // shared string 5 does not exist
  ReadAll(WriteOneSheet(std::string(kSheetOpen) +
                        R"(<x:row r="1"><x:c r="7"><x:v>5</x:v></x:c></x:row>)" + kSheetClose),
          "S", &s);
  EXPECT_EQ(s.code(), ErrorCode::kParseError);  // a cell reference without a column
}

TEST_F(XlsxReaderTest, PrefixesEscapesPhoneticRunsAndMissingReferences) {
  const std::string shared =
      R"(<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
      R"(<si><t>Dòng 1_x000D__x000A_Dòng 2</t></si>)"
      R"(<si><r><t>Cà </t></r><r><rPr><b/></rPr><t xml:space="preserve">Mau</t></r><rPh><t>x</t></rPh></si>)"
      "</sst>";
  const std::string sheet =
      std::string(kSheetOpen) +
      R"(<x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c></x:row>)"
      R"(<x:row><x:c r="C2" t="inlineStr"><x:is><x:t>Đầm Dơi</x:t></x:is></x:c>)"
      R"(<x:c t="e"><x:v>#N/A</x:v></x:c><x:c t="str"><x:f>A1</x:f><x:v>ok</x:v></x:c></x:row>)" +
      kSheetClose;
  Status s;
  Rows rows = ReadAll(WriteOneSheet(sheet, shared), "S", &s);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(rows[1], (std::vector<std::string>{"Dòng 1\r\nDòng 2", "Cà Mau"}));
  EXPECT_EQ(rows[2], (std::vector<std::string>{"", "", "Đầm Dơi", "#N/A", "ok"}));
}

TEST_F(XlsxReaderTest, StreamsALargeSheet) {
  // 40,000 rows in constant-memory mode: many 64 KiB blocks, rows handed over one at a time.
  const std::string path = dir_ + "/large.xlsx";
  lxw_workbook_options options = {};
  options.constant_memory = LXW_TRUE;
  options.tmpdir = dir_.data();
  lxw_workbook* book = workbook_new_opt(path.c_str(), &options);
  lxw_worksheet* sheet = workbook_add_worksheet(book, "persons");
  constexpr int kRows = 40000;
  for (int r = 0; r < kRows; ++r) {
    worksheet_write_string(sheet, static_cast<lxw_row_t>(r), 0, ("P" + std::to_string(r)).c_str(),
                           nullptr);
    worksheet_write_string(sheet, static_cast<lxw_row_t>(r), 1, "Nguyễn Thị Hồng", nullptr);
    worksheet_write_number(sheet, static_cast<lxw_row_t>(r), 2, r * 1000.0, nullptr);
  }
  ASSERT_EQ(workbook_close(book), LXW_NO_ERROR);
  std::int64_t count = 0, last = 0;
  Status s = ReadSheet(path, "persons", [&](const std::vector<std::string>& cells, std::int64_t r) {
    ++count;
    last = r;
    if (cells.size() != 3 || cells[0] != "P" + std::to_string(r - 1) ||
        cells[2] != std::to_string((r - 1) * 1000)) {
      return Status::Invalid("row", std::to_string(r), "sai", "unexpected cells");
    }
    return Status::Ok();
  });
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(count, kRows);
  EXPECT_EQ(last, kRows);
}

}  // namespace
}  // namespace ansinh::io
