// The measures against the peers' published values: every row of
// ../shared/data/reference/expected_values.csv (Stata `poverty` and R `ineq` on apode's income.csv,
// World Bank PIP on its weighted synthetic microdata) is recomputed from its data file and compared
// with the row's own tolerance. A row whose measure this library does not compute is listed as
// skipped, and the list is asserted, so a new peer row cannot pass silently.
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "analytics/measures.h"
#include "io/csv_reader.h"

namespace ansinh::analytics {
namespace measures_reference_test {

const std::string kReference = std::string(ANSINH_SHARED_DIR) + "/data/reference/";

// An empty cell, R's NA, or Stata's "." is a missing value.
double CellValue(std::string_view text) {
  if (text.empty() || text == "NA" || text == ".") return std::nan("");
  return std::strtod(std::string(text).c_str(), nullptr);
}

struct Columns {
  std::map<std::string, std::vector<double>> income;  // apode: y1..y6
  std::map<int, Sample> pip;                          // PIP: by data set, cleaned as PIP does
};

Columns LoadData() {
  Columns data;
  Status s = io::ReadCsvFile(kReference + "apode-stata-ineq/income.csv", {"y1"},
                             [&](const io::CsvRow& row) -> Status {
                               for (const char* c : {"y1", "y2", "y3", "y4", "y5", "y6"}) {
                                 data.income[c].push_back(CellValue(row.Get(c)));
                               }
                               return Status::Ok();
                             });
  EXPECT_TRUE(s.ok()) << s.ToString();
  s = io::ReadCsvFile(kReference + "pip-synthetic/microdata.csv", {"dataset", "weight", "welfare"},
                      [&](const io::CsvRow& row) -> Status {
                        const int ds = std::atoi(std::string(row.Get("dataset")).c_str());
                        return data.pip[ds].Add(CellValue(row.Get("welfare")),
                                                CellValue(row.Get("weight")));
                      });
  EXPECT_TRUE(s.ok()) << s.ToString();
  return data;
}

struct Case {
  std::string id, data_file, subset, welfare, weight, measure, parameters, unit;
  double expected = 0, tolerance = 0;
};

std::vector<Case> LoadCases() {
  std::vector<Case> cases;
  const Status s = io::ReadCsvFile(
      kReference + "expected_values.csv",
      {"case_id", "data_file", "subset", "welfare", "weight", "measure", "parameters", "expected",
       "unit", "abs_tol"},
      [&](const io::CsvRow& row) -> Status {
        Case c{std::string(row.Get("case_id")),   std::string(row.Get("data_file")),
               std::string(row.Get("subset")),    std::string(row.Get("welfare")),
               std::string(row.Get("weight")),    std::string(row.Get("measure")),
               std::string(row.Get("parameters")), std::string(row.Get("unit"))};
        c.expected = std::stod(std::string(row.Get("expected")));
        c.tolerance = std::stod(std::string(row.Get("abs_tol")));
        cases.push_back(std::move(c));
        return Status::Ok();
      });
  EXPECT_TRUE(s.ok()) << s.ToString();
  return cases;
}

// The incomes and weights a case names.
struct Data {
  std::vector<double> income, weight;
};

Data DataOf(const Columns& columns, const Case& c) {
  if (c.data_file == "apode-stata-ineq/income.csv") {
    EXPECT_EQ(c.weight, "(none)");
    return {columns.income.at(c.welfare), {}};
  }
  EXPECT_EQ(c.data_file, "pip-synthetic/microdata.csv");
  EXPECT_EQ(c.welfare, "welfare");
  EXPECT_EQ(c.weight, "weight");
  const int ds = std::atoi(c.subset.substr(c.subset.find("dataset=") + 8).c_str());
  const Sample& s = columns.pip.at(ds);
  return {s.income, s.weight};
}

// The line the case's parameters name: Stata's default 0.5 × median, or PIP's test line, the
// unweighted mean of the data set. Both peers count as poor only y < z (Stata's y4 shows it: its
// line is 0 and 99 incomes equal it, yet its headcount is 0).
std::optional<double> LineOf(const Case& c, const Data& d) {
  if (c.parameters.starts_with("z=0.5*median")) {
    const Result<RelativeLineSpec> spec = ParseRelativeLine("0.5*median");
    EXPECT_TRUE(spec.ok());
    const Result<double> z = RelativeLine(d.income, {}, *spec);
    EXPECT_TRUE(z.ok()) << z.status().ToString();
    return z.ok() ? std::optional<double>(*z) : std::nullopt;
  }
  if (c.parameters.starts_with("z=unweighted mean of welfare=")) {
    EXPECT_NE(c.parameters.find("poor if y<z"), std::string::npos);
    const double stated = std::stod(c.parameters.substr(c.parameters.find("welfare=") + 8));
    const double z = WeightedMean(d.income, {});
    EXPECT_NEAR(z, stated, 1e-9 * stated) << c.id;
    return z;
  }
  EXPECT_EQ(c.parameters, "") << c.id << ": a line this test does not know";
  return std::nullopt;
}

std::optional<double> ValueOf(const Estimate& e) { return e.value; }

// The library's value for a case, or nothing when the library does not compute that measure.
std::optional<double> Compute(const Case& c, const Data& d) {
  const std::optional<double> z = LineOf(c, d);
  const PoorIf lt = PoorIf::kBelow;
  const Result<PovertyMeasures> r = Measure(d.income, d.weight, z, lt);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  if (!r.ok()) return std::nullopt;
  const PovertyMeasures& m = *r;
  const std::string& k = c.measure;
  if (k == "FGT0") return ValueOf(m.fgt0);
  if (k == "FGT1") return ValueOf(m.fgt1);
  if (k == "FGT2") return ValueOf(m.fgt2);
  if (k.starts_with("Watts")) return ValueOf(m.watts);
  if (k.starts_with("Gini")) return ValueOf(m.gini);
  if (k == "GE(0)=MLD" || k.starts_with("MLD (PIP")) return ValueOf(m.theil_l);
  if (k == "GE(1)=Theil T") return ValueOf(m.theil_t);
  if (k == "weighted mean") return m.mean;
  if (k.starts_with("obs after cleaning")) return static_cast<double>(m.observations);
  if (z) {
    if (k == "FGT1.5") return Fgt(d.income, d.weight, *z, 1.5, lt);
    if (k == "CHU(0.1)") return Chu(d.income, d.weight, *z, 0.1, lt);
    if (k == "CHU(0.5)") return Chu(d.income, d.weight, *z, 0.5, lt);
    if (k == "Takayama") return Takayama(d.income, d.weight, *z);
    if (d.weight.empty() && k == "Sen (finite q/(q+1) form)") return SenFinite(d.income, *z, lt);
    if (d.weight.empty() && k == "Thon (1979)") return Thon(d.income, *z, lt);
  }
  if (k == "Atkinson e=0.5") return Atkinson(d.income, d.weight, 0.5);
  if (k == "Atkinson e=1") return Atkinson(d.income, d.weight, 1);
  if (k == "Atkinson e=2") return Atkinson(d.income, d.weight, 2);
  if (k == "GE(2)") return GeneralisedEntropy2(d.income, d.weight);
  if (k == "CV (population sd)") return CoefficientOfVariation(d.income, d.weight);
  return std::nullopt;
}

TEST(MeasuresReferenceTest, EveryPeerValueThatWeComputeAgrees) {
  const std::vector<Case> cases = LoadCases();
  ASSERT_EQ(cases.size(), 127u) << "expected_values.csv changed: review the new rows";
  const Columns columns = LoadData();
  std::map<std::string, int> checked, skipped;  // by source: stata, rineq, pip
  std::set<std::string> skipped_ids;
  for (const Case& c : cases) {
    SCOPED_TRACE(c.id + " (" + c.measure + ")");
    const std::string source = c.id.substr(0, c.id.find('-'));
    const Data d = DataOf(columns, c);
    const std::optional<double> value = Compute(c, d);
    if (!value) {
      ++skipped[source];
      skipped_ids.insert(c.id);
      std::cout << "skipped (not implemented): " << c.id << " " << c.measure << "\n";
      continue;
    }
    ++checked[source];
    const double actual = c.unit == "percent" ? 100 * *value : *value;
    ASSERT_TRUE(std::isfinite(actual));
    // The weighted means' tolerance is relative (README of the reference data), the rest absolute.
    const double tolerance =
        c.id.ends_with("mean_weighted_measure") ? c.tolerance * std::abs(c.expected) : c.tolerance;
    EXPECT_NEAR(actual, c.expected, tolerance);
  }
  for (const auto& [source, n] : checked) {
    std::cout << source << ": " << n << " peer values checked, " << skipped[source]
              << " skipped\n";
  }
  EXPECT_EQ(checked["stata"], 57);
  EXPECT_EQ(checked["rineq"], 46);
  EXPECT_EQ(checked["pip"], 24);
  EXPECT_EQ(skipped_ids, std::set<std::string>{});
}

}  // namespace measures_reference_test
}  // namespace ansinh::analytics
