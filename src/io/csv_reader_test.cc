#include "io/csv_reader.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>

namespace ansinh::io {
namespace {

class CsvReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/ansinh-csv-XXXXXX";
    dir_ = mkdtemp(tmpl);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string Write(const std::string& bytes) {
    std::string path = dir_ + "/f.csv";
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }
  std::vector<std::vector<std::string>> ReadAll(const std::string& path, Status* status) {
    std::vector<std::vector<std::string>> rows;
    *status = ReadCsvFile(path, {"a", "b"}, [&](const CsvRow& row) {
      rows.push_back({std::string(row.Get("a")), std::string(row.Get("b"))});
      return Status::Ok();
    });
    return rows;
  }
  std::string dir_;
};

TEST_F(CsvReaderTest, ReadsQuotedFieldsNewlinesCrlfAndBom) {
  Status s;
  auto rows = ReadAll(Write("\xEF\xBB\xBF" "a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",Cà Mau\r\n"), &s);
  ASSERT_TRUE(s.ok()) << s.ToString();
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0][0], "x, y");
  EXPECT_EQ(rows[0][1], "say \"hi\"");
  EXPECT_EQ(rows[1][0], "two\nlines");
  EXPECT_EQ(rows[1][1], "Cà Mau");
}

TEST_F(CsvReaderTest, ColumnOrderIsFree) {
  Status s;
  auto rows = ReadAll(Write("b,a\n2,1\n"), &s);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(rows[0][0], "1");
  EXPECT_EQ(rows[0][1], "2");
}

TEST_F(CsvReaderTest, MissingColumnIsNamed) {
  Status s;
  ReadAll(Write("a,c\n1,2\n"), &s);
  EXPECT_EQ(s.code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(s.field(), "b");
}

TEST_F(CsvReaderTest, MalformedQuotesGiveTheRow) {
  Status s;
  ReadAll(Write("a,b\n1,2\n3,\"4\"x\n"), &s);
  EXPECT_EQ(s.code(), ErrorCode::kParseError);
  EXPECT_EQ(s.location().row, 2);
}

TEST_F(CsvReaderTest, HandlerErrorStopsAndGetsLocation) {
  const std::string path = Write("a,b\n1,2\n3,4\n5,6\n");
  int seen = 0;
  Status s = ReadCsvFile(path, {"a"}, [&](const CsvRow& row) {
    ++seen;
    if (row.Get("a") == "3") return Status::Invalid("a", "3", "sai", "bad");
    return Status::Ok();
  });
  EXPECT_EQ(seen, 2);
  EXPECT_EQ(s.location().row, 2);
  EXPECT_EQ(s.location().file, path);
}

TEST_F(CsvReaderTest, MissingFileIsIoError) {
  Status s = ReadCsvFile(dir_ + "/none.csv", {}, [](const CsvRow&) { return Status::Ok(); });
  EXPECT_EQ(s.code(), ErrorCode::kIoError);
}

}  // namespace
}  // namespace ansinh::io
