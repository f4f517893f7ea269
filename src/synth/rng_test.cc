#include "synth/rng.h"

#include <gtest/gtest.h>

#include <cmath>

namespace ansinh::synth {
namespace {

TEST(RngTest, SameKeySameStreamAndKnownValues) {
  Rng a(StreamKey({1, 2, 3})), b(StreamKey({1, 2, 3})), c(StreamKey({1, 2, 4}));
  for (int i = 0; i < 100; ++i) {
    const auto x = a.Next();
    EXPECT_EQ(x, b.Next());
    EXPECT_NE(x, c.Next());
  }
  // Pinned: a change here changes every generated dataset.
  EXPECT_EQ(Mix64(0), 0xE220A8397B1DCDAFULL);
}

TEST(RngTest, UniformIsOpenAndNormalHasUnitMoments) {
  Rng rng(42);
  double sum = 0, sum2 = 0;
  const int n = 200000;
  for (int i = 0; i < n; ++i) {
    const double u = rng.Uniform();
    ASSERT_GT(u, 0.0);
    ASSERT_LT(u, 1.0);
    const double z = rng.Normal();
    sum += z;
    sum2 += z * z;
  }
  EXPECT_NEAR(sum / n, 0, 0.01);
  EXPECT_NEAR(sum2 / n, 1, 0.01);
}

TEST(RngTest, QuantileInvertsCdf) {
  for (double p : {1e-6, 0.01, 0.2, 0.5, 0.8, 0.99, 1 - 1e-6}) {
    EXPECT_NEAR(NormalCdf(NormalQuantile(p)), p, 1e-8 + p * 1e-6);
  }
}

TEST(RngTest, CategoricalFollowsWeights) {
  Rng rng(7);
  const double w[] = {1, 3, 0, 6};
  int counts[4] = {};
  for (int i = 0; i < 100000; ++i) ++counts[rng.Categorical(w)];
  EXPECT_EQ(counts[2], 0);
  EXPECT_NEAR(counts[0] / 1e5, 0.1, 0.01);
  EXPECT_NEAR(counts[3] / 1e5, 0.6, 0.01);
}

}  // namespace
}  // namespace ansinh::synth
