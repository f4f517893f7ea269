// Calibration against GSO (issue 5): with default settings, the income-only household poverty
// rate of 2010-2015 within 1.5 points of GSO's, person quintile means of income per capita
// within 15% (2010, 2012, 2014, 2016), the rural share within 3 points, and near-poor
// households in a published proportion to the poor every year 2010-2020; 20,000 households
// each.
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

// Near-poor households against the poor ones, by the standard in force (2010-2015: income only,
// near-poor above 400,000 / 500,000 VND and at most 520,000 / 650,000, QĐ 09/2011; 2016-2020:
// vn-2016-2020 as the rules engine classifies). The published ratios of near-poor to poor
// households that ../shared and the project's search hold:
//   0.53  the country at the end of 2015 under the 2016-2020 standard, 5.22 % against 9.88 %
//         (QĐ 1095/QĐ-LĐTBXH of 22/8/2016);
//   0.76  Cà Mau at the end of 2014 under the 2011-2015 standard, 3.71 % against 4.90 % (the
//         province's labour department, 11,042 near-poor and 14,600 poor households);
//   2.11  Trà Vinh at the end of 2019, 6.80 % against 3.22 % (research/poverty-measures.md [V5]).
// Every year's ratio must lie in [0.5, 2.2] (the published range, rounded outwards), except in
// the cells where GSO's own figures leave no room (docs/generator.md, "Known gaps"):
//   - short: GSO's poverty rate and first-quintile mean together leave too few households just
//     above the line. scripts/fit-synth fits the near-poor band towards the range but only as
//     far as every quintile mean stays within 12.5 % of GSO's (its log: "target moved ... by
//     GSO's quintiles"): Bạc Liêu 2011-2014, Sóc Trăng 2011-2020 (2016 onward, its 2016 first
//     quintile, 829,000 VND, above Cà Mau's and Bạc Liêu's, sits far above the 700,000 line while
//     14.85 % of households are to be poor);
//   - above: Cà Mau 2017-2020, whose 2016 first quintile (725,000 VND) puts a fifth of the
//     persons just above the 700,000 line (2016's ratio is 2.1) and whose poor then leave
//     faster than its near-poor.
// There only a collapse or a flood fails: a ratio under 0.08 (the 0.02 for Sóc Trăng
// 2016, 0.06-0.07 for Bạc Liêu 2012-2014) or over 4.5.
constexpr double kNearPoorRatioLow = 0.5, kNearPoorRatioHigh = 2.2;
constexpr double kNearPoorGapLow = 0.08, kNearPoorGapHigh = 4.5;

bool NearPoorGap(const std::string& province, int year) {
  if (province == "95") return year >= 2011 && year <= 2014;
  if (province == "94") return year >= 2011;
  if (province == "96") return year >= 2017;
  return false;
}

void ExpectNearPoorBand(const std::string& province, const YearFigures& f) {
  const double poor = f.year >= 2016 ? f.standard_poor_rate.value_or(0) : f.poor_rate;
  const double near =
      f.year >= 2016 ? f.standard_near_poor_rate.value_or(0) : f.near_poor_band_rate;
  ASSERT_GT(poor, 0) << f.year;
  const double ratio = near / poor;
  const bool gap = NearPoorGap(province, f.year);
  EXPECT_GE(ratio, gap ? kNearPoorGapLow : kNearPoorRatioLow)
      << f.year << ": near-poor " << near << " % against poor " << poor << " %";
  EXPECT_LE(ratio, gap ? kNearPoorGapHigh : kNearPoorRatioHigh)
      << f.year << ": near-poor " << near << " % against poor " << poor << " %";
}

void ExpectCalibrated(const std::string& province) {
  const Report r = Run(province, 2010, 2020, true);
  SCOPED_TRACE(FormatReport(r));
  ASSERT_EQ(r.years.size(), 11u);
  for (const YearFigures& f : r.years) {
    ExpectNearPoorBand(province, f);
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
// rules engine. GSO has no province table of these rates; the calibration aims 2016 at
// MultidimensionalTarget2016 (GSO's preliminary 2016 rate x 9.9 / 5.8, report.h), through the
// fitted 2016 income curve and conditions shift. The bands: 2016 within a fifth of the target
// (sampling, and the few provinces where even the worst conditions fall short); every year at
// most the year before (plus 0.3 points of sampling noise); 2020 between 0.2
// and 0.75 of 2016 (nationally 4.8 / 9.9 = 0.48; rich provinces fall faster in relative terms,
// Hà Nội's rate ending near zero, poor ones slower).
std::vector<double> ExpectMultidimensionalDecline(const std::string& province) {
  const Report r = Run(province, 2016, 2020, true);
  SCOPED_TRACE(FormatReport(r));
  const auto target = MultidimensionalTarget2016(ANSINH_SOURCE_DIR, province);
  EXPECT_TRUE(target.ok());
  std::vector<double> rate;
  if (r.years.size() != 5u || !target.ok()) {
    ADD_FAILURE() << "five years and a target expected";
    return rate;
  }
  for (const YearFigures& f : r.years) {
    EXPECT_TRUE(f.standard_poor_rate) << f.year;
    EXPECT_EQ(f.standard_id, "vn-2016-2020");
    EXPECT_GE(f.standard_poor_rate.value_or(0), f.poor_rate) << f.year;  // income is one way in
    rate.push_back(f.standard_poor_rate.value_or(0));
  }
  EXPECT_NEAR(rate[0], *target, 0.2 * *target) << "2016 against the target";
  for (std::size_t i = 1; i < rate.size(); ++i) {
    EXPECT_LE(rate[i], rate[i - 1] + 0.3) << r.years[i].year;
  }
  EXPECT_GE(rate[4], 0.2 * rate[0]) << "2020 against 2016";
  EXPECT_LE(rate[4], 0.75 * rate[0]) << "2020 against 2016";
  return rate;
}

// A rich province (01 Hà Nội, GSO 2016 1.3 %), the demo (96 Cà Mau, 4.0 %), a Khmer province of
// the delta (94 Sóc Trăng, 8.7 %) and a northern mountain one (02 Hà Giang, 20.8 %): each
// declines at a plausible pace, and the poorer by GSO stays poorer every year. (Sóc Trăng's
// pace was not checked while its near-poor band was empty: its 2016 rate rested on deprivations
// at the worst conditions shift and fell to only 0.78 of 2016 by 2020; MOLISA's review has
// 17.89 % to 2.66 %, research/poverty-measures.md [V3].)
TEST(CalibrationTest, Multidimensional2016To2020KeepsTheOrderOfProvinces) {
  const std::vector<std::string> by_gso_rate = {"01", "96", "94", "02"};
  std::vector<std::vector<double>> rates;
  for (const std::string& p : by_gso_rate) {
    SCOPED_TRACE(p);
    rates.push_back(ExpectMultidimensionalDecline(p));
  }
  for (std::size_t k = 1; k < rates.size(); ++k) {
    ASSERT_EQ(rates[k].size(), 5u);
    ASSERT_EQ(rates[k - 1].size(), 5u);
    for (int y = 0; y < 5; ++y) {
      EXPECT_LT(rates[k - 1][y], rates[k][y]) << by_gso_rate[k - 1] << " vs " << by_gso_rate[k]
                                              << " in " << 2016 + y;
    }
  }
}

// The whole country, 63 provinces in proportion to their households (60,000 in all), weighted
// by households: 9.9 % in 2016 and 4.8 % in 2020, within 1.5 points.
TEST(CalibrationTest, MultidimensionalNationalLevels) {
  GenerateOptions o;
  o.home = ANSINH_SOURCE_DIR;
  o.national = true;
  o.households = 60000;
  o.first_year = 2016;
  o.last_year = 2020;
  ReportSink sink;
  ASSERT_TRUE(sink.ClassifyFrom(ANSINH_SOURCE_DIR).ok());
  ASSERT_TRUE(Generate(o, sink).ok());
  auto reports = sink.Compute(ANSINH_SOURCE_DIR);
  ASSERT_TRUE(reports.ok());
  ASSERT_EQ(reports->size(), 63u);
  std::vector<double> poor(5), households(5);
  for (const Report& r : *reports) {
    ASSERT_EQ(r.years.size(), 5u);
    for (int y = 0; y < 5; ++y) {
      const auto n = static_cast<double>(r.years[y].households);
      poor[y] += n * r.years[y].standard_poor_rate.value_or(0);
      households[y] += n;
    }
  }
  std::string rates;
  for (int y = 0; y < 5; ++y) rates += " " + std::to_string(poor[y] / households[y]);
  SCOPED_TRACE("national 2016-2020:" + rates);
  EXPECT_NEAR(poor[0] / households[0], kMultidimensionalNational2016, 1.5);
  EXPECT_NEAR(poor[4] / households[4], kMultidimensionalNational2020, 1.5);
  for (int y = 1; y < 5; ++y) EXPECT_LT(poor[y], poor[y - 1]) << 2016 + y;
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
