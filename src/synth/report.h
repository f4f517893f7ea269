// The calibration report (`ansinh generate --report`): for each generated year, the household
// poverty rate by income alone, the share of households in the near-poor income band above it,
// and the person quintile means of income per capita, beside GSO's published figures for the
// province (data/synth/gso/), and the rural share of the population.
//
// The income-only rate is computed here: a household is poor when income_month <= line x
// members (exact integers), with the 2011-2015 lines (400,000 VND rural, 500,000 urban; also
// applied to 2010, as GSO's 2010 figure is) and, from 2016, the income lines of QĐ 59/2015
// (700,000 / 900,000), which understate the multidimensional rate. With ClassifyFrom, years from
// 2016 are also classified by the rules engine under the national standard in force
// (vn-2016-2020: income, or income under the near-poor line with 3 deprivations or more).
#pragma once

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "synth/synth.h"

namespace ansinh::rules {
class StandardRegistry;
}

namespace ansinh::synth {

struct YearFigures {
  int year = 0;
  std::int64_t households = 0, persons = 0;
  double poor_rate = 0;                    // percent of households, income only
  // Percent of households above the income poverty line and at or under NearPoorLineVnd: the
  // near-poor of the 2011-2015 standard up to 2015 (income only); from 2016 the band in which
  // QĐ 59/2015's deprivations decide between poor and near-poor.
  double near_poor_band_rate = 0;
  std::optional<double> gso_poor_rate;     // 2011 interpolated from 2010 and 2012
  std::array<double, 5> quintile_means{};  // thousand VND per person per month
  std::optional<std::array<double, 5>> gso_quintile_means;
  double rural_share = 0;  // percent of persons
  std::optional<double> gso_rural_share;
  // Under the national standard in force (ClassifyFrom; years from 2016): percent of households.
  std::string standard_id;
  std::optional<double> standard_poor_rate, standard_near_poor_rate;
};

struct Report {
  std::string province_code;
  std::string gso_name;
  std::vector<YearFigures> years;
};

// Collects what the report needs from every batch (a few bytes per household and year).
class ReportSink : public Sink {
 public:
  ReportSink();
  ~ReportSink() override;
  // Classifies every household-year from 2016 on under the national standard in force, read
  // from home/config/standards/ (the rules engine), as batches come.
  Status ClassifyFrom(const std::string& home);
  Status Consume(const Batch& batch) override;
  // One report per province seen, in code order; GSO figures read from home/data/synth.
  Result<std::vector<Report>> Compute(const std::string& home) const;

 private:
  struct Row {
    double income_pc = 0;  // thousand VND per person per month
    std::int32_t members = 0;
    bool poor = false;
    bool near_poor_band = false;
    bool urban = false;
  };
  struct Classified {
    std::string standard_id;
    std::int64_t households = 0, poor = 0, near_poor = 0;
  };
  Status Classify(const Batch& batch);

  // province -> year -> rows
  std::map<std::string, std::map<int, std::vector<Row>>> rows_;
  std::unique_ptr<rules::StandardRegistry> standards_;  // null: no classification
  std::map<std::string, std::map<int, Classified>> classified_;
};

// Household-weighted poverty rate (percent) and person quintile means of `rows`' kind, exposed
// for tests: incomes per person and members, in any order.
std::array<double, 5> PersonQuintileMeans(std::vector<std::pair<double, int>> income_members);

// The 2016 household poverty rate (percent) under vn-2016-2020 that the calibration aims at for
// a province: GSO's preliminary 2016 rate (its region's when the province has none) scaled by the
// national multidimensional baseline over GSO's national figure, 9.9 / 5.8. GSO publishes no
// province rates under the new standard; its 2016 column ranks the provinces, and MOLISA's
// review at the end of 2015 gives the country's level (docs/generator.md).
inline constexpr double kMultidimensionalNational2016 = 9.9;
inline constexpr double kMultidimensionalNational2020 = 4.8;
Result<double> MultidimensionalTarget2016(const std::string& home,
                                          const std::string& province_code);

// A plain-text table: year, households, persons, poor % (GSO), quintile means (GSO), rural %.
std::string FormatReport(const Report& report);

}  // namespace ansinh::synth
