// What-if: one survey year classified under two poverty standards (say the national lines and a
// provincial line 20% higher), the households and persons that change category in every unit, and
// the state's yearly cost of health insurance (bảo hiểm y tế) for the poor and near-poor this adds.
//
// Owns: the health-insurance figures of config/health-insurance.toml (premium rate, base salary —
// lương cơ sở — and the state's share per category, each dated) and their loader; the yearly cost
// of one person per category; the (category under A → category under B) matrices of households
// and persons, counted per commune on a thread pool and rolled up the unit tree; the costs derived
// from them.
// Must stay true: every counter is an integer sum, so results do not depend on the number of
// threads, and a district's matrices are the sums of its communes', the province's of its
// districts'. Money is integer VND: a person's yearly cost is kept exactly (in units of
// 1/kCostScale VND) and a unit's cost is rounded once, half away from zero, from the exact sum —
// never summed from rounded parts. A month is priced with the entries in force on its first day; a
// month no entry covers is an error, never a guess.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analytics/snapshot.h"
#include "analytics/unit_tree.h"
#include "core/household.h"
#include "core/money.h"
#include "core/status.h"
#include "rules/standard.h"
#include "rules/thread_pool.h"

namespace ansinh::analytics {

// A day of the calendar, as TOML writes it (2013-07-01).
struct CalendarDay {
  int year = 0, month = 0, day = 0;
  auto operator<=>(const CalendarDay&) const = default;
};

// One dated figure of config/health-insurance.toml. Rates and shares are in basis points
// (hundredths of a percent: 4,5 % = 450), amounts in VND per month.
struct HealthInsuranceEntry {
  CalendarDay from;
  std::int64_t value = 0;
  Category category = Category::kPoor;  // state_share only
  std::string source, note;
  bool confirmed = true;
  int line = 0;  // where it was read, for messages
};

// A person's yearly cost is exact in units of 1/kCostScale VND (basis points × basis points).
inline constexpr std::int64_t kCostScale = 100'000'000;

// The figures of one year.
struct YearHealthInsurance {
  int year = 0;
  std::int64_t premium_scaled = 0;  // Σ over 12 months of base salary × rate, 1/kCostScale VND
  // The state's yearly cost of one poor / near-poor person, 1/kCostScale VND.
  std::int64_t poor_scaled = 0, near_poor_scaled = 0;
  // The entries marked confirmed = false that priced a month of the year, e.g.
  // "base_salary từ/from 2017-07-01"; each once.
  std::vector<std::string> unconfirmed;
  std::int64_t StateCostScaled(Category c) const;  // 0 for middle and other
};

class HealthInsuranceCosts {
 public:
  static Result<HealthInsuranceCosts> LoadFile(const std::string& path);
  // `path` names the text in errors.
  static Result<HealthInsuranceCosts> LoadText(std::string_view text, const std::string& path);

  const std::vector<HealthInsuranceEntry>& premium_rates() const { return premium_rates_; }
  const std::vector<HealthInsuranceEntry>& base_salaries() const { return base_salaries_; }
  const std::vector<HealthInsuranceEntry>& state_shares() const { return state_shares_; }

  // The figures of `year`: kNotFound ("year") naming the first month no entry covers.
  Result<YearHealthInsurance> ForYear(int year) const;

 private:
  std::string path_;
  std::vector<HealthInsuranceEntry> premium_rates_;  // ascending `from`
  std::vector<HealthInsuranceEntry> base_salaries_;  // ascending `from`
  std::vector<HealthInsuranceEntry> state_shares_;   // ascending `from` within a category
};

// Σ count_i × scaled_i / kCostScale, rounded once, half away from zero (counts may be negative).
// Exact (no 64-bit overflow) for two or three terms with |count| up to 10^10 and scaled costs up
// to 1.2 × 10^16, which the loader's bound on the base salary guarantees.
Vnd RoundScaledCost(std::span<const std::int64_t> counts, std::span<const std::int64_t> scaled);

inline constexpr int kCategoryCount = 4;  // poor, near-poor, middle, other (core/household.h)
// [category under A][category under B].
using CategoryMatrix = std::array<std::array<std::int64_t, kCategoryCount>, kCategoryCount>;

// What a unit's matrices say, and what the change costs the state a year.
struct WhatIfSummary {
  std::int64_t households = 0, persons = 0;
  std::int64_t changed_households = 0, changed_persons = 0;  // category under A != under B
  std::int64_t added_poor_households = 0, added_poor_persons = 0;  // poor under B, not under A
  std::int64_t added_near_poor_households = 0, added_near_poor_persons = 0;  // likewise near-poor
  std::int64_t removed_poor_households = 0, removed_poor_persons = 0;  // poor under A, not under B
  std::int64_t removed_near_poor_households = 0, removed_near_poor_persons = 0;
  // The state's yearly health-insurance cost of the added poor persons (at the poor share) and of
  // the added near-poor persons (at the near-poor share), and of both (rounded once).
  Vnd cost_added_poor = 0, cost_added_near_poor = 0, cost_added = 0;
  // The state's yearly cost of all poor and near-poor persons under A and under B, and B − A
  // (which nets out the share the state already paid for a near-poor person who becomes poor,
  // and the persons removed).
  Vnd cost_a = 0, cost_b = 0, cost_change = 0;
};

struct WhatIfOptions {
  rules::ThreadPool* pool = nullptr;  // nullptr: the calling thread only
  int province = 0;                   // for a score path's points table (unused on income)
};

class WhatIfResult {
 public:
  int year() const { return year_; }
  const rules::Standard& standard_a() const { return *a_; }
  const rules::Standard& standard_b() const { return *b_; }
  const UnitTree& units() const { return *units_; }
  const YearHealthInsurance& health_insurance() const { return costs_; }

  const CategoryMatrix& households(UnitIndex u) const { return households_[Index(u)]; }
  const CategoryMatrix& persons(UnitIndex u) const { return persons_[Index(u)]; }
  WhatIfSummary Summary(UnitIndex u) const;

 private:
  friend Result<WhatIfResult> SimulateStandards(SurveyYear&, const UnitTree&,
                                                const rules::Standard&, const rules::Standard&,
                                                const HealthInsuranceCosts&,
                                                const WhatIfOptions&);
  static std::size_t Index(UnitIndex u) { return static_cast<std::size_t>(u); }

  int year_ = 0;
  const rules::Standard* a_ = nullptr;
  const rules::Standard* b_ = nullptr;
  const UnitTree* units_ = nullptr;
  YearHealthInsurance costs_;
  std::vector<CategoryMatrix> households_, persons_;  // by unit, rolled up
};

// Classifies `year` under `a`, then under `b` (on the income path), and counts every household
// and its persons by (category under a, category under b) in its commune, rolled up `units`. The
// year's costs come from `costs` (checked before any classification). On return the frame holds
// b's line columns. The standards and the tree must outlive the result.
Result<WhatIfResult> SimulateStandards(SurveyYear& year, const UnitTree& units,
                                       const rules::Standard& a, const rules::Standard& b,
                                       const HealthInsuranceCosts& costs,
                                       const WhatIfOptions& options = {});

}  // namespace ansinh::analytics
