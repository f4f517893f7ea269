// Poverty and inequality measures over a list of incomes with weights (an analyst's survey file,
// or the persons of an administrative unit): FGT(α), Watts, Sen, Shorrocks–Sen–Thon, Gini,
// Theil L (mean log deviation), Theil T, and the peers' forms used to check them (Stata `poverty`,
// R `ineq`, World Bank PIP). Formulas, conventions and the peer each value was checked against:
// docs/measures.md.
//
// What must stay true:
// - No measure is ever NaN or infinite. A value that is undefined for the data (e.g. Theil T when
//   every income is zero) is an empty Estimate carrying the reason in Vietnamese and English.
// - Incomes are ≥ 0 and finite, weights ≥ 0 and finite: Sample applies the cleaning convention
//   (PIP's: a row with a missing income or weight, or a negative income, is dropped and counted)
//   and Measure refuses anything else as an error value. An empty weight span means unit weights.
// - Weighted results equal the unweighted results of the data with each row repeated `weight`
//   times (integer weights): the weighted Gini is the trapezoid (laeken/PIP) estimator.
// - Incomes of zero follow PIP: they are poor with a gap of 1 in FGT, add nothing to the Watts sum
//   (its log is undefined) but count in its denominator, and enter the log of Theil L as 1.
// - FgtSums is additive: summing it over the rows of each unit and merging the units' sums gives
//   the same ratios as one pass over all rows (the roll-up of the indicators relies on it).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace ansinh::analytics {

// Who is poor: at or below the line (Vietnam's standards, "từ … trở xuống"; convey), or strictly
// below it (Stata `poverty`, World Bank PIP).
enum class PoorIf { kAtOrBelow, kBelow };

std::string_view PoorIfName(PoorIf poor_if);  // "le", "lt"
Result<PoorIf> ParsePoorIf(std::string_view text);

inline bool IsPoor(double income, double line, PoorIf poor_if) {
  return poor_if == PoorIf::kAtOrBelow ? income <= line : income < line;
}

// One observation's FGT term 1[poor]·((z − y)/z)^α; the line must be positive when y is poor.
double FgtTerm(double income, double line, double alpha, PoorIf poor_if);

// Additive sums of FGT(0), FGT(1), FGT(2): Σw, Σw·1[poor], Σw·gap, Σw·gap² over the poor, where
// gap = (z − y)/z. Add one observation at a time (each with its own line if lines differ by area),
// Merge partial sums, and divide at the end.
struct FgtSums {
  double weight = 0;
  double fgt0 = 0;
  double fgt1 = 0;
  double fgt2 = 0;

  // `line` must be positive when `income` is poor, and `income` ≥ 0 (a negative income would give
  // a gap above 1).
  void Add(double income, double w, double line, PoorIf poor_if);
  void Merge(const FgtSums& other);
  // FGT(α) = sum / weight for α = 0, 1, 2; empty when no weight was added.
  std::optional<double> Ratio(int alpha) const;
};

// A measure's value, or why the data leave it undefined (in both languages).
struct Estimate {
  std::optional<double> value;
  std::string why_vi;
  std::string why_en;

  static Estimate Of(double v) { return {v, {}, {}}; }
  static Estimate Undefined(std::string vi, std::string en) {
    return {std::nullopt, std::move(vi), std::move(en)};
  }
};

// Rows of a survey file, cleaned as PIP's md_clean_data does: a row whose income or weight is
// missing (NaN) is dropped, a negative income is dropped; each drop is counted so the output can
// say how many rows the measures rest on.
struct Sample {
  std::vector<double> income;
  std::vector<double> weight;
  std::int64_t rows = 0;  // every row offered to Add
  std::int64_t missing_income = 0;
  std::int64_t missing_weight = 0;
  std::int64_t negative_income = 0;

  // NaN marks a missing value. An infinite income, or a weight that is infinite or negative, is an
  // error (field "income" or "weight"; the caller names the column and the row).
  Status Add(double income, double w);
};

// The measures of one sample. Poverty measures are filled only when a line was given.
struct PovertyMeasures {
  std::int64_t observations = 0;
  std::int64_t zero_incomes = 0;  // observations with income 0 (see the Watts and Theil L rules)
  double weight_total = 0;
  double mean = 0;
  std::optional<double> line;
  PoorIf poor_if = PoorIf::kAtOrBelow;

  Estimate fgt0, fgt1, fgt2, watts, sen, sst;
  Estimate gini, theil_l, theil_t;
};

// The measures of `income` (weighted by `weight`, or unit weights when it is empty) against
// `line`. Errors: spans of different lengths, no observation, a zero total weight, an income that
// is negative or not finite, a weight that is negative or not finite.
Result<PovertyMeasures> Measure(std::span<const double> income, std::span<const double> weight,
                                std::optional<double> line, PoorIf poor_if);

// Weighted mean; the sample must be non-empty with a positive total weight.
double WeightedMean(std::span<const double> income, std::span<const double> weight);

// Weighted quantile Q(p), 0 < p < 1: y_(k) for the first k in ascending order whose cumulative
// weight share reaches p; when the share equals p exactly, the mean of y_(k) and y_(k+1)
// (Eurostat/laeken; for unit weights and even n, the median is the mean of the two middle values,
// as Stata's). Errors: an empty sample, a zero total weight, p outside (0, 1).
Result<double> WeightedQuantile(std::span<const double> income, std::span<const double> weight,
                                double p);

// Gini, trapezoid estimator (laeken `gini`, PIP `md_compute_gini`; R `ineq` for unit weights):
// G = Σ v_i y_i (2 C_i − v_i) / (V·T) − 1 with y ascending, C_i the cumulative weight. A sample
// whose incomes are all zero is perfectly equal: 0.
double Gini(std::span<const double> income, std::span<const double> weight);

// A relative line: `factor` × the weighted median or mean, written "0.6*median" or "0.5*mean".
enum class RelativeBase { kMedian, kMean };
struct RelativeLineSpec {
  double factor = 0.6;
  RelativeBase base = RelativeBase::kMedian;
};
Result<RelativeLineSpec> ParseRelativeLine(std::string_view text);
Result<double> RelativeLine(std::span<const double> income, std::span<const double> weight,
                            const RelativeLineSpec& spec);

// Further measures, in the forms of the peers they were checked against (docs/measures.md).
// Same input rules as Measure; the line must be positive.
double Fgt(std::span<const double> income, std::span<const double> weight, double line,
           double alpha, PoorIf poor_if);
// Clark–Hemming–Ulph as Stata `poverty` prints it: (1/(cV)) Σ v·1[poor]·(1 − (y/z)^c), c > 0.
double Chu(std::span<const double> income, std::span<const double> weight, double line, double c,
           PoorIf poor_if);
// Takayama: the Gini of the incomes censored at the line, min(y, z).
double Takayama(std::span<const double> income, std::span<const double> weight, double line);
// Unweighted finite-sample forms (Stata `poverty`): Sen with the factor q/(q+1), and Thon (1979)
// T = 2/(n(n+1)z) Σ_{i≤q} (n + 1 − i)(z − y_(i)).
double SenFinite(std::span<const double> income, double line, PoorIf poor_if);
double Thon(std::span<const double> income, double line, PoorIf poor_if);
// Atkinson(ε) (R `ineq`), ε ≥ 0; 1 when ε ≥ 1 and some income is zero (the limit). Needs mean > 0.
double Atkinson(std::span<const double> income, std::span<const double> weight, double epsilon);
// GE(2) = (mean (y/μ)² − 1)/2 and the coefficient of variation with the population sd (R `ineq`).
// Need mean > 0.
double GeneralisedEntropy2(std::span<const double> income, std::span<const double> weight);
double CoefficientOfVariation(std::span<const double> income, std::span<const double> weight);

}  // namespace ansinh::analytics
