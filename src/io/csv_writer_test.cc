#include "io/csv_writer.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "io/csv_reader.h"

namespace ansinh::io {
namespace {

TEST(CsvWriter, QuotesOnlyWhatNeedsIt) {
  EXPECT_EQ(CsvField("plain"), "plain");
  EXPECT_EQ(CsvField(""), "");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(CsvField(" padded"), "\" padded\"");
  EXPECT_EQ(CsvField("hộ nghèo; thiếu hụt"), "hộ nghèo; thiếu hụt");
}

TEST(CsvWriter, ReadsBackFieldForField) {
  const std::vector<std::vector<std::string>> rows = {
      {"id", "text"}, {"1", "a,b"}, {"2", "quote \" and\r\nnewline"}, {"3", ""}};
  const std::string path =
      (std::filesystem::temp_directory_path() / "ansinh_csv_writer_test.csv").string();
  {
    std::ofstream out(path, std::ios::binary);
    CsvWriter writer(out);
    for (const auto& r : rows) writer.Row(r);
  }
  std::vector<std::vector<std::string>> read;
  ASSERT_TRUE(ReadCsvFile(path, {"id", "text"}, [&](const CsvRow& row) {
                read.push_back({row.field(0), row.size() > 1 ? row.field(1) : ""});
                return Status::Ok();
              }).ok());
  std::remove(path.c_str());
  ASSERT_EQ(read.size(), 3u);
  EXPECT_EQ(read[0][1], "a,b");
  EXPECT_EQ(read[1][1], "quote \" and\r\nnewline");
  EXPECT_EQ(read[2][1], "");
}

}  // namespace
}  // namespace ansinh::io
