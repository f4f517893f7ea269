// The data-driven boundary cases of every shipped standard: for each tests/standards/<id>.csv,
// classify its households under config/standards/<id>.toml (deprivations given as 0/1 columns,
// as `ansinh classify --input` does) and compare with expected_category row by row.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "rules/classify.h"
#include "rules/standard.h"

namespace ansinh::rules {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> Split(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream in(line);
  std::string field;
  while (std::getline(in, field, ',')) out.push_back(field);
  return out;
}

struct Case {
  std::string id;
  std::string expected;
};

// Reads a case file (plain CSV: no quoted fields) into flat households.
void ReadCases(const fs::path& file, const Standard& standard, FlatHouseholds& flat,
               std::vector<Case>& cases) {
  std::ifstream in(file);
  std::string line;
  ASSERT_TRUE(std::getline(in, line));
  const std::vector<std::string> header = Split(line);
  auto column = [&](const std::string& name) {
    for (std::size_t i = 0; i < header.size(); ++i) {
      if (header[i] == name) return i;
    }
    ADD_FAILURE() << file << " has no column " << name;
    return std::size_t{0};
  };
  const std::size_t id = column("household_id"), area = column("area"), members = column("members"),
                    income = column("income_month"), expected = column("expected_category");
  std::vector<std::size_t> d_columns;
  for (const Deprivation& d : standard.deprivations) d_columns.push_back(column(d.id));
  flat.deprivations.assign(standard.deprivations.size(), {});
  while (std::getline(in, line)) {
    const std::vector<std::string> f = Split(line);
    ASSERT_EQ(f.size(), header.size()) << line;
    flat.urban.push_back(f[area] == "urban" ? 1 : 0);
    flat.members.push_back(std::stoi(f[members]));
    flat.income_month.push_back(std::stoll(f[income]));
    for (std::size_t d = 0; d < d_columns.size(); ++d) {
      flat.deprivations[d].push_back(f[d_columns[d]] == "1" ? 1 : 0);
    }
    cases.push_back({f[id], f[expected]});
  }
}

TEST(StandardCases, EveryShippedStandardAtEveryBoundary) {
  auto registry = StandardRegistry::Create(ANSINH_SOURCE_DIR).value();
  ASSERT_TRUE(registry->LoadAll().ok());
  int files = 0;
  for (const auto& entry :
       fs::directory_iterator(fs::path(ANSINH_SOURCE_DIR) / "tests/standards")) {
    if (entry.path().extension() != ".csv") continue;
    ++files;
    const std::string id = entry.path().stem().string();
    SCOPED_TRACE(id);
    Result<const Standard*> standard = registry->Resolve(id);
    ASSERT_TRUE(standard.ok()) << standard.status().ToString();
    FlatHouseholds flat;
    std::vector<Case> cases;
    ReadCases(entry.path(), **standard, flat, cases);
    ASSERT_GT(cases.size(), 10u);
    Result<Frame> frame = BuildFlatFrame(registry->catalogue(), flat);
    ASSERT_TRUE(frame.ok());
    ClassifyOptions options;
    for (const auto& d : flat.deprivations) options.given_deprivations.emplace_back(d);
    Result<ClassifyResult> result = Classify(**standard, *frame, options);
    ASSERT_TRUE(result.ok()) << result.status().ToString();
    for (std::size_t h = 0; h < cases.size(); ++h) {
      EXPECT_EQ(CategoryCode(result->category[h]), cases[h].expected) << cases[h].id;
    }
  }
  EXPECT_EQ(files, 6);
}

}  // namespace
}  // namespace ansinh::rules
