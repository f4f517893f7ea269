// Calibration against GSO (issue 5): with default settings, the income-only household poverty
// rate of 2010-2015 within 1.5 points of GSO's, person quintile means of income per capita
// within 15% (2010, 2012, 2014, 2016), the rural share within 3 points; 20,000 households each.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "synth/report.h"

namespace ansinh::synth {
namespace {

// 20,000 households of `province` over the years, with the report; `classify`: also under the
// national standard in force from 2016 (the rules engine).
Report Run(const std::string& province, int first_year, int last_year, bool classify = false) {
  GenerateOptions o;
  o.home = ANSINH_SOURCE_DIR;
  o.province_code = province;
  o.households = 20000;
  o.first_year = first_year;
  o.last_year = last_year;
  ReportSink sink;
  if (classify) {
    EXPECT_TRUE(sink.ClassifyFrom(ANSINH_SOURCE_DIR).ok());
  }
  const Status s = Generate(o, sink);
  EXPECT_TRUE(s.ok()) << s.ToString();
  auto reports = sink.Compute(ANSINH_SOURCE_DIR);
  EXPECT_TRUE(reports.ok());
  EXPECT_EQ(reports->size(), 1u);
  return reports->front();
}

// GSO's poverty rates (MOLISA's annual review) and quintiles (VHLSS) come from different
// sources; in a few years they cannot both hold. Sóc Trăng 2014: 15.6% of households at or
// under 400,000 VND a person, yet a first-quintile (20% of persons) mean of 567,000, which would
// need the poorest fifth to be almost all poor households yet average far above the line. The
// rate wins there (scripts/fit-synth, pin_poverty); docs/generator.md lists these cells.
bool Inconsistent(const std::string& province, int year, int quintile) {
  return province == "94" && year == 2014 && quintile == 0;
}

void ExpectCalibrated(const std::string& province) {
  const Report r = Run(province, 2010, 2016);
  SCOPED_TRACE(FormatReport(r));
  ASSERT_EQ(r.years.size(), 7u);
  for (const YearFigures& f : r.years) {
    if (f.gso_poor_rate) {
      EXPECT_NEAR(f.poor_rate, *f.gso_poor_rate, 1.5) << f.year;
    }
    // Households stay where they are: the rural share is the 2010 one (GSO reclassified towns
    // as urban later, e.g. Sóc Trăng 77.5% rural in 2010, 69.4% in 2015).
    if (f.gso_rural_share && f.year == 2010) {
      EXPECT_NEAR(f.rural_share, *f.gso_rural_share, 3.0) << f.year;
    }
    if (!f.gso_quintile_means) continue;
    for (int q = 0; q < 5; ++q) {
      const double gso = (*f.gso_quintile_means)[q];
      if (Inconsistent(province, f.year, q)) continue;
      EXPECT_LE(std::abs(f.quintile_means[q] / gso - 1), 0.15) << f.year << " Q" << q + 1;
    }
  }
}

TEST(CalibrationTest, CaMau96) { ExpectCalibrated("96"); }
TEST(CalibrationTest, BacLieu95) { ExpectCalibrated("95"); }
TEST(CalibrationTest, SocTrang94) { ExpectCalibrated("94"); }

// 2016-2020 under the multidimensional standard (vn-2016-2020, QĐ 59/2015), classified by the
// rules engine. There is no province table of these rates: GSO's "Pre. 2016" column
// (gso/poverty_rate_by_province.csv: Cà Mau 4.0, Bạc Liêu 6.9, Sóc Trăng 8.7, the delta 5.2,
// the country 5.8) is far below the national multidimensional baseline of 9.9 % (MOLISA's
// review at the end of 2015), so it cannot count the new standard whole. The band, then:
// 2016 at or above GSO's province figure and under 1.5 times the national 9.9 %; every year
// at most the year before (plus 0.3 points of sampling noise); 2020 between a quarter and three
// quarters of 2016 (nationally 4.8 / 9.9 = 0.48). docs/generator.md has the figures.
void ExpectMultidimensionalDecline(const std::string& province, double gso_2016) {
  const Report r = Run(province, 2016, 2020, true);
  SCOPED_TRACE(FormatReport(r));
  ASSERT_EQ(r.years.size(), 5u);
  std::vector<double> rate;
  for (const YearFigures& f : r.years) {
    ASSERT_TRUE(f.standard_poor_rate) << f.year;
    EXPECT_EQ(f.standard_id, "vn-2016-2020");
    EXPECT_GE(*f.standard_poor_rate, f.poor_rate) << f.year;  // the income line is one way in
    rate.push_back(*f.standard_poor_rate);
  }
  EXPECT_GE(rate[0], gso_2016);
  EXPECT_LE(rate[0], 1.5 * 9.9);
  for (std::size_t i = 1; i < rate.size(); ++i) {
    EXPECT_LE(rate[i], rate[i - 1] + 0.3) << r.years[i].year;
  }
  EXPECT_GE(rate[4], 0.25 * rate[0]);
  EXPECT_LE(rate[4], 0.75 * rate[0]);
}

TEST(CalibrationTest, Multidimensional2016To2020CaMau96) {
  ExpectMultidimensionalDecline("96", 4.0);
}
TEST(CalibrationTest, Multidimensional2016To2020BacLieu95) {
  ExpectMultidimensionalDecline("95", 6.9);
}
TEST(CalibrationTest, Multidimensional2016To2020SocTrang94) {
  ExpectMultidimensionalDecline("94", 8.7);
}

TEST(CalibrationTest, QuintileMeansSplitHouseholdsAcrossBoundaries) {
  // Five one-person households: each is its own quintile.
  auto q = PersonQuintileMeans({{5, 1}, {1, 1}, {3, 1}, {2, 1}, {4, 1}});
  EXPECT_DOUBLE_EQ(q[0], 1);
  EXPECT_DOUBLE_EQ(q[4], 5);
  // One household of 10 at 2 and one of 10 at 4: quintiles 1-2 at 2, 3 half and half, 4-5 at 4.
  q = PersonQuintileMeans({{4, 10}, {2, 10}});
  EXPECT_DOUBLE_EQ(q[1], 2);
  EXPECT_DOUBLE_EQ(q[2], 3);
  EXPECT_DOUBLE_EQ(q[3], 4);
}

}  // namespace
}  // namespace ansinh::synth
