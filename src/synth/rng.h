// Randomness of the generator: a counter-based stream per (seed, what, where) and the
// distributions it needs, written here on the raw 64-bit words so that a seed gives the same
// numbers with every standard library (std::*_distribution is implementation-defined).
//
// A stream is keyed by a hash of integers (the seed, a purpose tag, the commune, the household,
// the year), so any household can be generated alone, in any order, on any thread, and a change
// to one part of the model (say, the number of years) leaves the other streams untouched.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <span>

namespace ansinh::synth {

// SplitMix64's finaliser: a bijective mix of 64 bits.
std::uint64_t Mix64(std::uint64_t x);

// A key for Rng from a list of integers; order matters.
std::uint64_t StreamKey(std::initializer_list<std::uint64_t> parts);

// Purpose tags of the streams, so that two uses of one (seed, place) never share numbers.
enum class Stream : std::uint64_t {
  kProvince = 1,
  kCommune = 2,
  kHousehold = 3,
  kNames = 4,
  kYear = 5,
  kPerson = 6,
  kLatent = 7,
  kCitizenId = 8,
};

// SplitMix64 from a key: fast, 2^64 period, passes BigCrush; one per household and purpose.
class Rng {
 public:
  explicit Rng(std::uint64_t key) : state_(Mix64(key)) {}

  std::uint64_t Next();
  // Uniform on the open interval (0, 1), 53 bits.
  double Uniform();
  // Standard normal by the inverse CDF (one uniform per draw; Acklam's rational approximation).
  double Normal();
  // exp(mu + sigma * N(0,1)).
  double LogNormal(double mu, double sigma);
  // Index i with probability weights[i] / sum(weights); weights need not be normalised.
  int Categorical(std::span<const double> weights);
  // An integer in [lo, hi].
  int UniformInt(int lo, int hi);
  bool Bernoulli(double p) { return Uniform() < p; }

 private:
  std::uint64_t state_;
};

// Standard normal quantile and CDF on plain doubles.
double NormalQuantile(double p);
double NormalCdf(double x);
double Logistic(double x);

}  // namespace ansinh::synth
