// The measures on hand-made vectors whose values are worked out by hand in the comments, the
// conventions for zero incomes and undefined values, and weights as replicated rows. The peers'
// published values are checked in measures_reference_test.cc.
#include "analytics/measures.h"

#include <cmath>
#include <limits>
#include <vector>

#include <gtest/gtest.h>

namespace ansinh::analytics {
namespace measures_unit_test {

constexpr double kTight = 1e-12;
const double kNa = std::numeric_limits<double>::quiet_NaN();

PovertyMeasures MeasureOk(const std::vector<double>& y, const std::vector<double>& w,
                          std::optional<double> line, PoorIf poor_if = PoorIf::kAtOrBelow) {
  Result<PovertyMeasures> r = Measure(y, w, line, poor_if);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *r : PovertyMeasures{};
}

TEST(MeasuresTest, EqualIncomesHaveNoInequalityAndNoPoverty) {
  const PovertyMeasures m = MeasureOk({7, 7, 7, 7}, {}, 5.0);
  EXPECT_NEAR(*m.gini.value, 0, kTight);
  EXPECT_NEAR(*m.theil_l.value, 0, kTight);
  EXPECT_NEAR(*m.theil_t.value, 0, kTight);
  for (const Estimate* e : {&m.fgt0, &m.fgt1, &m.fgt2, &m.watts, &m.sen, &m.sst}) {
    EXPECT_EQ(*e->value, 0);
  }
  EXPECT_EQ(m.observations, 4);
  EXPECT_EQ(m.mean, 7);
}

TEST(MeasuresTest, OnePoorPersonByHand) {
  // Incomes 2, 10, 10, 10, line 8: one poor of four, gap (8 − 2)/8 = 0.75.
  const PovertyMeasures m = MeasureOk({10, 2, 10, 10}, {}, 8.0);
  EXPECT_DOUBLE_EQ(*m.fgt0.value, 0.25);
  EXPECT_DOUBLE_EQ(*m.fgt1.value, 0.75 / 4);
  EXPECT_DOUBLE_EQ(*m.fgt2.value, 0.5625 / 4);
  EXPECT_DOUBLE_EQ(*m.watts.value, std::log(4.0) / 4);
  // One poor person: the Gini among the poor is 0, so Sen = P1.
  EXPECT_DOUBLE_EQ(*m.sen.value, 0.75 / 4);
  // Gaps over everyone: 0, 0, 0, 0.75. Their Gini (n = 4) is 2·4·0.75/(4·0.75) − 5/4 = 0.75,
  // so SST = P1 (1 + 0.75).
  EXPECT_DOUBLE_EQ(*m.sst.value, 0.75 / 4 * 1.75);
  // Gini of 2, 10, 10, 10: Σ|yi − yj| over ordered pairs = 6·8 = 48; 48 / (2·16·8) = 0.1875.
  EXPECT_DOUBLE_EQ(*m.gini.value, 0.1875);
  EXPECT_EQ(*m.line, 8.0);
}

TEST(MeasuresTest, TwoPoorPersonsSenAndSstByHand) {
  // Incomes 1, 3, 6, 10, line 4 (≤): poor 1 and 3, gaps 0.75 and 0.25.
  const PovertyMeasures m = MeasureOk({1, 3, 6, 10}, {}, 4.0);
  EXPECT_DOUBLE_EQ(*m.fgt0.value, 0.5);
  EXPECT_DOUBLE_EQ(*m.fgt1.value, 1.0 / 4);
  EXPECT_DOUBLE_EQ(*m.fgt2.value, (0.5625 + 0.0625) / 4);
  EXPECT_DOUBLE_EQ(*m.watts.value, (std::log(4.0) + std::log(4.0 / 3)) / 4);
  // Gini of the poor {1, 3}: |1 − 3|·2 / (2·4·2) = 0.25. Sen = P0·G + P1·(1 − G).
  EXPECT_DOUBLE_EQ(*m.sen.value, 0.5 * 0.25 + 0.25 * 0.75);
  // Gaps {0, 0, 0.25, 0.75}: Σ|gi − gj| ordered = 2(0.25 + 0.75 + 0.25 + 0.75 + 0.5) = 5;
  // Gini = 5 / (2·16·0.25) = 0.625; SST = P1 (1 + 0.625).
  EXPECT_DOUBLE_EQ(*m.sst.value, 0.25 * 1.625);
}

TEST(MeasuresTest, PoorIfDecidesAnIncomeOnTheLine) {
  const std::vector<double> y = {4, 4, 8, 12};
  EXPECT_DOUBLE_EQ(*MeasureOk(y, {}, 4.0, PoorIf::kAtOrBelow).fgt0.value, 0.5);
  EXPECT_DOUBLE_EQ(*MeasureOk(y, {}, 4.0, PoorIf::kBelow).fgt0.value, 0);
  // On the line the gap is 0: FGT(1) is 0 either way.
  EXPECT_DOUBLE_EQ(*MeasureOk(y, {}, 4.0, PoorIf::kAtOrBelow).fgt1.value, 0);
}

TEST(MeasuresTest, TheilByHand) {
  // Incomes 1 and 3, mean 2: L = (ln 2 + ln(2/3))/2; T = (0.5 ln 0.5 + 1.5 ln 1.5)/2.
  const PovertyMeasures m = MeasureOk({1, 3}, {}, std::nullopt);
  EXPECT_DOUBLE_EQ(*m.theil_l.value, (std::log(2.0) + std::log(2.0 / 3)) / 2);
  EXPECT_DOUBLE_EQ(*m.theil_t.value, (0.5 * std::log(0.5) + 1.5 * std::log(1.5)) / 2);
  EXPECT_DOUBLE_EQ(*m.gini.value, 0.25);
  // No line: no poverty measure, and no reason either (none was asked for).
  EXPECT_FALSE(m.line.has_value());
  EXPECT_FALSE(m.fgt0.value.has_value());
  EXPECT_TRUE(m.fgt0.why_en.empty());
}

TEST(MeasuresTest, ZeroIncomesFollowPip) {
  // Incomes 0, 2, 4, 10, line 5: mean 4. The zero is poor with gap 1 in FGT, adds nothing to the
  // Watts sum but counts in its denominator, and enters Theil L's log as 1: ln(4/1).
  const PovertyMeasures m = MeasureOk({0, 2, 4, 10}, {}, 5.0);
  EXPECT_EQ(m.zero_incomes, 1);
  EXPECT_DOUBLE_EQ(*m.fgt0.value, 0.75);
  EXPECT_DOUBLE_EQ(*m.fgt1.value, (1 + 0.6 + 0.2) / 4);
  EXPECT_DOUBLE_EQ(*m.watts.value, (std::log(2.5) + std::log(1.25)) / 4);
  EXPECT_DOUBLE_EQ(*m.theil_l.value,
                   (std::log(4.0) + std::log(2.0) + std::log(1.0) + std::log(0.4)) / 4);
  // Theil T: 0·ln 0 is taken as its limit, 0.
  EXPECT_DOUBLE_EQ(*m.theil_t.value,
                   (0.5 * std::log(0.5) + 1 * std::log(1.0) + 2.5 * std::log(2.5)) / 4);
  for (const Estimate* e : {&m.fgt0, &m.fgt1, &m.fgt2, &m.watts, &m.sen, &m.sst, &m.gini,
                            &m.theil_l, &m.theil_t}) {
    ASSERT_TRUE(e->value.has_value());
    EXPECT_TRUE(std::isfinite(*e->value));
  }
}

TEST(MeasuresTest, AllIncomesZeroGiveReasonsNotNaN) {
  const PovertyMeasures m = MeasureOk({0, 0, 0}, {}, 5.0);
  EXPECT_EQ(*m.gini.value, 0);  // perfectly equal
  EXPECT_FALSE(m.theil_l.value.has_value());
  EXPECT_FALSE(m.theil_t.value.has_value());
  EXPECT_FALSE(m.theil_l.why_vi.empty());
  EXPECT_FALSE(m.theil_l.why_en.empty());
  EXPECT_EQ(*m.fgt0.value, 1);
  EXPECT_EQ(*m.fgt1.value, 1);
  EXPECT_EQ(*m.watts.value, 0);  // PIP: no positive poor income, nothing to sum
  EXPECT_EQ(*m.sen.value, 1);    // G_p = 0 (equal), Sen = P1
}

TEST(MeasuresTest, ZeroLineWithZeroIncomesIsUndefinedNotNaN) {
  // A relative line of 0 (median 0): with ≤ the zero incomes are poor with gap 0/0.
  const PovertyMeasures le = MeasureOk({0, 0, 0, 5}, {}, 0.0, PoorIf::kAtOrBelow);
  EXPECT_FALSE(le.fgt0.value.has_value());
  EXPECT_FALSE(le.sst.value.has_value());
  EXPECT_FALSE(le.fgt1.why_en.empty());
  // With < nobody is poor: every poverty measure is an empty sum, 0 (Stata's y4).
  const PovertyMeasures lt = MeasureOk({0, 0, 0, 5}, {}, 0.0, PoorIf::kBelow);
  EXPECT_EQ(*lt.fgt0.value, 0);
  EXPECT_EQ(*lt.watts.value, 0);
}

TEST(MeasuresTest, WeightsEqualReplicatedRows) {
  const std::vector<double> y = {3, 1, 7, 2, 9};
  const std::vector<double> w = {2, 1, 3, 1, 2};
  std::vector<double> replicated;
  for (std::size_t i = 0; i < y.size(); ++i) {
    for (int k = 0; k < static_cast<int>(w[i]); ++k) replicated.push_back(y[i]);
  }
  for (PoorIf p : {PoorIf::kAtOrBelow, PoorIf::kBelow}) {
    const PovertyMeasures a = MeasureOk(y, w, 3.0, p);
    const PovertyMeasures b = MeasureOk(replicated, {}, 3.0, p);
    EXPECT_DOUBLE_EQ(a.weight_total, 9);
    EXPECT_DOUBLE_EQ(a.mean, b.mean);
    for (auto field : {&PovertyMeasures::fgt0, &PovertyMeasures::fgt1, &PovertyMeasures::fgt2,
                       &PovertyMeasures::watts, &PovertyMeasures::sen, &PovertyMeasures::sst,
                       &PovertyMeasures::gini, &PovertyMeasures::theil_l,
                       &PovertyMeasures::theil_t}) {
      EXPECT_NEAR(*(a.*field).value, *(b.*field).value, kTight);
    }
    EXPECT_GT(*a.sst.value, 0);
  }
  EXPECT_DOUBLE_EQ(*WeightedQuantile(y, w, 0.5), *WeightedQuantile(replicated, {}, 0.5));
  EXPECT_NEAR(Atkinson(y, w, 0.5), Atkinson(replicated, {}, 0.5), kTight);
  EXPECT_NEAR(CoefficientOfVariation(y, w), CoefficientOfVariation(replicated, {}), kTight);
}

TEST(MeasuresTest, ZeroWeightRowsChangeNothing) {
  const PovertyMeasures a = MeasureOk({1, 5, 100, 9}, {1, 1, 0, 2}, 6.0);
  const PovertyMeasures b = MeasureOk({1, 5, 9}, {1, 1, 2}, 6.0);
  EXPECT_NEAR(*a.gini.value, *b.gini.value, kTight);
  EXPECT_NEAR(*a.sen.value, *b.sen.value, kTight);
  EXPECT_NEAR(*a.theil_t.value, *b.theil_t.value, kTight);
  EXPECT_DOUBLE_EQ(*WeightedQuantile(std::vector<double>{1, 5, 100, 9}, std::vector<double>{1, 1, 0, 2}, 0.5), 7);
}

TEST(MeasuresTest, FgtSumsAreAdditive) {
  // Two units with their own lines; merged sums equal one pass over both.
  FgtSums unit_a, unit_b, all;
  const double ya[] = {100, 250, 600}, wa[] = {3, 4, 2};
  const double yb[] = {0, 450, 800}, wb[] = {5, 1, 1};
  for (int i = 0; i < 3; ++i) {
    unit_a.Add(ya[i], wa[i], 400, PoorIf::kAtOrBelow);
    all.Add(ya[i], wa[i], 400, PoorIf::kAtOrBelow);
    unit_b.Add(yb[i], wb[i], 500, PoorIf::kAtOrBelow);
    all.Add(yb[i], wb[i], 500, PoorIf::kAtOrBelow);
  }
  FgtSums merged = unit_a;
  merged.Merge(unit_b);
  for (int alpha = 0; alpha <= 2; ++alpha) {
    EXPECT_DOUBLE_EQ(*merged.Ratio(alpha), *all.Ratio(alpha));
  }
  // By hand: poor weights 3 + 4 + 5 + 1 = 13 of 16; gaps 0.75·3 + 0.375·4 + 1·5 + 0.1·1.
  EXPECT_DOUBLE_EQ(*all.Ratio(0), 13.0 / 16);
  EXPECT_DOUBLE_EQ(*all.Ratio(1), (2.25 + 1.5 + 5 + 0.1) / 16);
  EXPECT_FALSE(FgtSums{}.Ratio(0).has_value());
  EXPECT_DOUBLE_EQ(FgtTerm(250, 400, 2, PoorIf::kBelow), 0.375 * 0.375);
  EXPECT_EQ(FgtTerm(400, 400, 0, PoorIf::kBelow), 0);
  EXPECT_EQ(FgtTerm(400, 400, 0, PoorIf::kAtOrBelow), 1);
}

TEST(MeasuresTest, QuantilesAndRelativeLines) {
  const std::vector<double> even = {4, 1, 3, 2};
  EXPECT_DOUBLE_EQ(*WeightedQuantile(even, {}, 0.5), 2.5);  // the mean of the two middle values
  EXPECT_DOUBLE_EQ(*WeightedQuantile(std::vector<double>{5, 1, 3}, {}, 0.5), 3);
  EXPECT_DOUBLE_EQ(*WeightedQuantile(even, {}, 0.2), 1);
  // Weighted: cumulative shares 0.1, 0.3, 1.0 → the median is the third value.
  EXPECT_DOUBLE_EQ(*WeightedQuantile(std::vector<double>{1, 2, 3}, std::vector<double>{1, 2, 7}, 0.5), 3);
  Result<RelativeLineSpec> spec = ParseRelativeLine("0.6*median");
  ASSERT_TRUE(spec.ok());
  EXPECT_DOUBLE_EQ(spec->factor, 0.6);
  EXPECT_DOUBLE_EQ(*RelativeLine(even, {}, *spec), 1.5);
  spec = ParseRelativeLine("0.5*mean");
  ASSERT_TRUE(spec.ok());
  EXPECT_DOUBLE_EQ(*RelativeLine(even, {}, *spec), 1.25);
  for (const char* bad : {"0.6", "median", "*median", "-1*median", "0.6*mode", "x*mean", "0*mean"}) {
    EXPECT_EQ(ParseRelativeLine(bad).status().code(), ErrorCode::kInvalidArgument) << bad;
  }
  EXPECT_EQ(WeightedQuantile(even, {}, 1.0).status().code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(*ParsePoorIf("lt"), PoorIf::kBelow);
  EXPECT_EQ(PoorIfName(*ParsePoorIf("le")), "le");
  EXPECT_EQ(ParsePoorIf("<=").status().code(), ErrorCode::kInvalidArgument);
}

TEST(MeasuresTest, SampleDropsAndCountsAsPipCleans) {
  Sample s;
  ASSERT_TRUE(s.Add(5, 1).ok());
  ASSERT_TRUE(s.Add(kNa, 1).ok());
  ASSERT_TRUE(s.Add(3, kNa).ok());
  ASSERT_TRUE(s.Add(-2, 1).ok());
  ASSERT_TRUE(s.Add(0, 2).ok());
  EXPECT_EQ(s.rows, 5);
  EXPECT_EQ(s.missing_income, 1);
  EXPECT_EQ(s.missing_weight, 1);
  EXPECT_EQ(s.negative_income, 1);
  EXPECT_EQ(s.income, (std::vector<double>{5, 0}));
  EXPECT_EQ(s.weight, (std::vector<double>{1, 2}));
  EXPECT_EQ(s.Add(1, -1).code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(s.Add(std::numeric_limits<double>::infinity(), 1).field(), "income");
}

TEST(MeasuresTest, BadInputIsAnErrorValue) {
  const std::vector<double> none;
  EXPECT_EQ(Measure(none, {}, 1.0, PoorIf::kBelow).status().code(), ErrorCode::kInvalidArgument);
  const std::vector<double> y = {1, 2};
  EXPECT_EQ(Measure(y, std::vector<double>{1}, 1.0, PoorIf::kBelow).status().field(), "weight");
  EXPECT_EQ(Measure(y, std::vector<double>{0, 0}, 1.0, PoorIf::kBelow).status().field(), "weight");
  EXPECT_EQ(Measure(y, std::vector<double>{1, -1}, 1.0, PoorIf::kBelow).status().field(), "weight");
  EXPECT_EQ(Measure(std::vector<double>{1, -2}, {}, 1.0, PoorIf::kBelow).status().field(), "income");
  EXPECT_EQ(Measure(std::vector<double>{1, kNa}, {}, 1.0, PoorIf::kBelow).status().field(),
            "income");
}

TEST(MeasuresTest, PeerFormsByHand) {
  // Incomes 1..4, line 3 (<): poor 1, 2; gaps 2/3, 1/3.
  const std::vector<double> y = {4, 2, 3, 1};
  EXPECT_DOUBLE_EQ(Fgt(y, {}, 3, 1.5, PoorIf::kBelow),
                   (std::pow(2.0 / 3, 1.5) + std::pow(1.0 / 3, 1.5)) / 4);
  // CHU(0.5): (1/(0.5·4)) [(1 − √(1/3)) + (1 − √(2/3))].
  EXPECT_DOUBLE_EQ(Chu(y, {}, 3, 0.5, PoorIf::kBelow),
                   ((1 - std::sqrt(1.0 / 3)) + (1 - std::sqrt(2.0 / 3))) / 2);
  // Thon: 2/(4·5·3) [4·(3 − 1) + 3·(3 − 2)] = 22/60.
  EXPECT_DOUBLE_EQ(Thon(y, 3, PoorIf::kBelow), 22.0 / 60);
  // Sen finite: P0 = 0.5, I = 0.5, G_p of {1, 2} = 1/6, q/(q+1) = 2/3.
  EXPECT_DOUBLE_EQ(SenFinite(y, 3, PoorIf::kBelow), 0.5 * (0.5 + 0.5 * (1.0 / 6) * 2 / 3));
  // Takayama: the Gini of 1, 2, 3, 3.
  EXPECT_DOUBLE_EQ(Takayama(y, {}, 3), Gini(std::vector<double>{1, 2, 3, 3}, {}));
  // Atkinson(1) of 1 and 4: 1 − √4 / 2.5; GE(2) of 1, 3: ((0.25 + 2.25)/2 − 1)/2.
  EXPECT_DOUBLE_EQ(Atkinson(std::vector<double>{1, 4}, {}, 1), 1 - 2 / 2.5);
  EXPECT_DOUBLE_EQ(Atkinson(std::vector<double>{0, 4}, {}, 2), 1);
  EXPECT_DOUBLE_EQ(GeneralisedEntropy2(std::vector<double>{1, 3}, {}), 0.125);
  EXPECT_DOUBLE_EQ(CoefficientOfVariation(std::vector<double>{1, 3}, {}), 0.5);
}

}  // namespace measures_unit_test
}  // namespace ansinh::analytics
