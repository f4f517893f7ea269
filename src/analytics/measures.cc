#include "analytics/measures.h"

#include <algorithm>
#include <cassert>
#include <charconv>
#include <cmath>
#include <string>
#include <utility>

namespace ansinh::analytics {
// Helpers in a named namespace: the sanitizer tree builds the analytics library as one unity
// translation unit, where anonymous-namespace names of different files would collide.
namespace measures_detail {

struct Obs {
  double y;
  double w;
};

double WeightAt(std::span<const double> weight, std::size_t i) {
  return weight.empty() ? 1.0 : weight[i];
}

Status CheckSample(std::span<const double> income, std::span<const double> weight) {
  if (!weight.empty() && weight.size() != income.size()) {
    return Status::Invalid("weight", std::to_string(weight.size()),
                           "số trọng số khác số thu nhập (" + std::to_string(income.size()) + ")",
                           "weights and incomes differ in number (" +
                               std::to_string(income.size()) + " incomes)");
  }
  if (income.empty()) {
    return Status::Invalid("income", "", "không có quan sát nào", "there is no observation");
  }
  double total = 0;
  for (std::size_t i = 0; i < income.size(); ++i) {
    if (!std::isfinite(income[i]) || income[i] < 0) {
      return Status::Invalid("income", std::to_string(income[i]),
                             "thu nhập phải là số hữu hạn ≥ 0 (hãy làm sạch mẫu trước)",
                             "an income must be finite and ≥ 0 (clean the sample first)");
    }
    const double w = WeightAt(weight, i);
    if (!std::isfinite(w) || w < 0) {
      return Status::Invalid("weight", std::to_string(w), "trọng số phải là số hữu hạn ≥ 0",
                             "a weight must be finite and ≥ 0");
    }
    total += w;
  }
  if (total <= 0) {
    return Status::Invalid("weight", "0", "tổng trọng số bằng 0", "the weights sum to zero");
  }
  return Status::Ok();
}

std::vector<Obs> SortedObs(std::span<const double> income, std::span<const double> weight) {
  std::vector<Obs> s(income.size());
  for (std::size_t i = 0; i < income.size(); ++i) s[i] = {income[i], WeightAt(weight, i)};
  std::sort(s.begin(), s.end(), [](const Obs& a, const Obs& b) { return a.y < b.y; });
  return s;
}

// Trapezoid (laeken/PIP) Gini of observations sorted by ascending value: Σ w y (2C − w)/(V T) − 1.
// Round-off can take a perfectly equal sample a hair below zero; the Gini of values ≥ 0 is not.
double GiniOfSorted(std::span<const Obs> s) {
  double v = 0, t = 0, acc = 0;
  for (const Obs& o : s) {
    v += o.w;
    acc += o.w * o.y * (2 * v - o.w);
    t += o.w * o.y;
  }
  if (v <= 0 || t <= 0) return 0;  // all incomes zero: perfectly equal
  return std::max(0.0, acc / (v * t) - 1);
}

// The number of poor observations: a prefix of the ascending order.
std::size_t PoorCount(std::span<const Obs> s, double line, PoorIf poor_if) {
  std::size_t q = 0;
  while (q < s.size() && IsPoor(s[q].y, line, poor_if)) ++q;
  return q;
}

void SetPoverty(PovertyMeasures& m, const Estimate& e) {
  m.fgt0 = m.fgt1 = m.fgt2 = m.watts = m.sen = m.sst = e;
}

// FGT, Watts, Sen and SST of sorted observations with total weight `v`.
void PovertyOfSorted(std::span<const Obs> s, double v, double line, PoorIf poor_if,
                     PovertyMeasures& m) {
  const std::size_t q = PoorCount(s, line, poor_if);
  if (q == 0) {  // nobody poor: every sum is empty
    SetPoverty(m, Estimate::Of(0));
    return;
  }
  if (line <= 0) {
    SetPoverty(m, Estimate::Undefined(
                      "đường nghèo bằng 0 mà có thu nhập bằng 0: khoảng cách (z − y)/z không xác định",
                      "the line is zero and some incomes are zero: the gap (z − y)/z is undefined"));
    return;
  }
  FgtSums sums;
  double watts = 0;
  std::vector<Obs> gaps;  // the gap ratios in ascending order: the non-poor (0), then the poor
  gaps.reserve(q + 1);
  double poor_weight = 0;
  for (std::size_t i = 0; i < q; ++i) poor_weight += s[i].w;
  if (v - poor_weight > 0) gaps.push_back({0, v - poor_weight});
  for (std::size_t i = q; i-- > 0;) {
    sums.Add(s[i].y, s[i].w, line, poor_if);
    if (s[i].y > 0) watts += s[i].w * std::log(line / s[i].y);  // PIP: zero incomes add nothing
    gaps.push_back({(line - s[i].y) / line, s[i].w});
  }
  const double p0 = sums.fgt0 / v, p1 = sums.fgt1 / v, p2 = sums.fgt2 / v;
  const double gini_poor = GiniOfSorted(s.first(q));
  m.fgt0 = Estimate::Of(p0);
  m.fgt1 = Estimate::Of(p1);
  m.fgt2 = Estimate::Of(p2);
  m.watts = Estimate::Of(watts / v);
  m.sen = Estimate::Of(p0 * gini_poor + p1 * (1 - gini_poor));
  m.sst = Estimate::Of(p1 * (1 + GiniOfSorted(gaps)));
}

// Theil L (PIP: a zero income enters the log as 1) and Theil T (0·ln 0 = 0, the limit).
void TheilOfSorted(std::span<const Obs> s, double v, double mean, PovertyMeasures& m) {
  if (mean <= 0) {
    const Estimate none = Estimate::Undefined("mọi thu nhập đều bằng 0: chỉ số Theil không xác định",
                                              "every income is zero: the Theil indices are undefined");
    m.theil_l = m.theil_t = none;
    return;
  }
  double l = 0, t = 0;
  for (const Obs& o : s) {
    l += o.w * std::log(mean / (o.y > 0 ? o.y : 1.0));
    if (o.y > 0) t += o.w * (o.y / mean) * std::log(o.y / mean);
  }
  m.theil_l = Estimate::Of(l / v);
  m.theil_t = Estimate::Of(t / v);
}

double TotalWeight(std::span<const double> income, std::span<const double> weight) {
  if (weight.empty()) return static_cast<double>(income.size());
  double v = 0;
  for (double w : weight) v += w;
  return v;
}

Result<double> ParsePositive(std::string_view text, std::string_view field) {
  double x = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), x);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(x) || x <= 0) {
    return Status::Invalid(std::string(field), std::string(text), "phải là số dương",
                           "must be a positive number");
  }
  return x;
}

}  // namespace measures_detail

using measures_detail::Obs;

std::string_view PoorIfName(PoorIf poor_if) { return poor_if == PoorIf::kBelow ? "lt" : "le"; }

Result<PoorIf> ParsePoorIf(std::string_view text) {
  if (text == "le") return PoorIf::kAtOrBelow;
  if (text == "lt") return PoorIf::kBelow;
  return Status::Invalid("poor-if", std::string(text),
                         "phải là le (từ chuẩn trở xuống) hoặc lt (dưới chuẩn)",
                         "must be le (at or below the line) or lt (below it)");
}

double FgtTerm(double income, double line, double alpha, PoorIf poor_if) {
  if (!IsPoor(income, line, poor_if)) return 0;
  assert(line > 0);
  if (alpha == 0) return 1;
  return std::pow((line - income) / line, alpha);
}

void FgtSums::Add(double income, double w, double line, PoorIf poor_if) {
  weight += w;
  if (!IsPoor(income, line, poor_if)) return;
  assert(line > 0);
  const double gap = (line - income) / line;
  fgt0 += w;
  fgt1 += w * gap;
  fgt2 += w * gap * gap;
}

void FgtSums::Merge(const FgtSums& other) {
  weight += other.weight;
  fgt0 += other.fgt0;
  fgt1 += other.fgt1;
  fgt2 += other.fgt2;
}

std::optional<double> FgtSums::Ratio(int alpha) const {
  assert(alpha >= 0 && alpha <= 2);
  if (weight <= 0) return std::nullopt;
  return (alpha == 0 ? fgt0 : alpha == 1 ? fgt1 : fgt2) / weight;
}

Status Sample::Add(double y, double w) {
  if (std::isinf(w) || w < 0) {
    return Status::Invalid("weight", std::to_string(w), "trọng số phải là số hữu hạn ≥ 0",
                           "a weight must be finite and ≥ 0");
  }
  if (std::isinf(y)) {
    return Status::Invalid("income", std::to_string(y), "thu nhập phải là số hữu hạn",
                           "an income must be finite");
  }
  ++rows;
  if (std::isnan(y)) {
    ++missing_income;
  } else if (std::isnan(w)) {
    ++missing_weight;
  } else if (y < 0) {
    ++negative_income;
  } else {
    income.push_back(y);
    weight.push_back(w);
  }
  return Status::Ok();
}

Result<PovertyMeasures> Measure(std::span<const double> income, std::span<const double> weight,
                                std::optional<double> line, PoorIf poor_if) {
  ANSINH_RETURN_IF_ERROR(measures_detail::CheckSample(income, weight));
  const std::vector<Obs> s = measures_detail::SortedObs(income, weight);
  PovertyMeasures m;
  m.observations = static_cast<std::int64_t>(s.size());
  m.line = line;
  m.poor_if = poor_if;
  double total = 0;
  for (const Obs& o : s) {
    m.weight_total += o.w;
    total += o.w * o.y;
    if (o.y == 0) ++m.zero_incomes;
  }
  m.mean = total / m.weight_total;
  m.gini = Estimate::Of(measures_detail::GiniOfSorted(s));
  measures_detail::TheilOfSorted(s, m.weight_total, m.mean, m);
  if (line) measures_detail::PovertyOfSorted(s, m.weight_total, *line, poor_if, m);
  return m;
}

double WeightedMean(std::span<const double> income, std::span<const double> weight) {
  double total = 0;
  for (std::size_t i = 0; i < income.size(); ++i) {
    total += measures_detail::WeightAt(weight, i) * income[i];
  }
  return total / measures_detail::TotalWeight(income, weight);
}

Result<double> WeightedQuantile(std::span<const double> income, std::span<const double> weight,
                                double p) {
  if (!(p > 0 && p < 1)) {
    return Status::Invalid("p", std::to_string(p), "phải nằm giữa 0 và 1", "must lie between 0 and 1");
  }
  ANSINH_RETURN_IF_ERROR(measures_detail::CheckSample(income, weight));
  std::vector<Obs> s = measures_detail::SortedObs(income, weight);
  std::erase_if(s, [](const Obs& o) { return o.w == 0; });  // they represent nobody
  double v = 0;
  for (const Obs& o : s) v += o.w;
  const double target = p * v;
  const double tie = 1e-12 * v;  // a cumulative share equal to p up to round-off
  double c = 0;
  for (std::size_t k = 0; k < s.size(); ++k) {
    c += s[k].w;
    if (c < target - tie) continue;
    if (c <= target + tie && k + 1 < s.size()) return (s[k].y + s[k + 1].y) / 2;
    return s[k].y;
  }
  return s.back().y;
}

double Gini(std::span<const double> income, std::span<const double> weight) {
  return measures_detail::GiniOfSorted(measures_detail::SortedObs(income, weight));
}

Result<RelativeLineSpec> ParseRelativeLine(std::string_view text) {
  const auto star = text.find('*');
  const std::string_view base = star == std::string_view::npos ? "" : text.substr(star + 1);
  if (star == std::string_view::npos || (base != "median" && base != "mean")) {
    return Status::Invalid("relative-line", std::string(text),
                           "viết dạng HỆ_SỐ*median hoặc HỆ_SỐ*mean, ví dụ 0.6*median",
                           "write it as FACTOR*median or FACTOR*mean, e.g. 0.6*median");
  }
  ANSINH_ASSIGN_OR_RETURN(double factor,
                          measures_detail::ParsePositive(text.substr(0, star), "relative-line"));
  return RelativeLineSpec{factor, base == "median" ? RelativeBase::kMedian : RelativeBase::kMean};
}

Result<double> RelativeLine(std::span<const double> income, std::span<const double> weight,
                            const RelativeLineSpec& spec) {
  if (spec.base == RelativeBase::kMean) {
    ANSINH_RETURN_IF_ERROR(measures_detail::CheckSample(income, weight));
    return spec.factor * WeightedMean(income, weight);
  }
  ANSINH_ASSIGN_OR_RETURN(double median, WeightedQuantile(income, weight, 0.5));
  return spec.factor * median;
}

double Fgt(std::span<const double> income, std::span<const double> weight, double line,
           double alpha, PoorIf poor_if) {
  double sum = 0;
  for (std::size_t i = 0; i < income.size(); ++i) {
    sum += measures_detail::WeightAt(weight, i) * FgtTerm(income[i], line, alpha, poor_if);
  }
  return sum / measures_detail::TotalWeight(income, weight);
}

double Chu(std::span<const double> income, std::span<const double> weight, double line, double c,
           PoorIf poor_if) {
  double sum = 0;
  for (std::size_t i = 0; i < income.size(); ++i) {
    if (!IsPoor(income[i], line, poor_if)) continue;
    sum += measures_detail::WeightAt(weight, i) * (1 - std::pow(income[i] / line, c));
  }
  return sum / (c * measures_detail::TotalWeight(income, weight));
}

double Takayama(std::span<const double> income, std::span<const double> weight, double line) {
  std::vector<double> censored(income.begin(), income.end());
  for (double& y : censored) y = std::min(y, line);
  return Gini(censored, weight);
}

double SenFinite(std::span<const double> income, double line, PoorIf poor_if) {
  const std::vector<Obs> s = measures_detail::SortedObs(income, {});
  const std::size_t q = measures_detail::PoorCount(s, line, poor_if);
  if (q == 0) return 0;
  double gaps = 0;
  for (std::size_t i = 0; i < q; ++i) gaps += (line - s[i].y) / line;
  const double n = static_cast<double>(s.size()), qd = static_cast<double>(q);
  const double p0 = qd / n, income_gap = gaps / qd;
  const double gini_poor = measures_detail::GiniOfSorted(std::span(s).first(q));
  return p0 * (income_gap + (1 - income_gap) * gini_poor * qd / (qd + 1));
}

double Thon(std::span<const double> income, double line, PoorIf poor_if) {
  const std::vector<Obs> s = measures_detail::SortedObs(income, {});
  const std::size_t q = measures_detail::PoorCount(s, line, poor_if);
  const double n = static_cast<double>(s.size());
  double sum = 0;
  for (std::size_t i = 0; i < q; ++i) sum += (n - static_cast<double>(i)) * (line - s[i].y);
  return 2 * sum / (n * (n + 1) * line);
}

double Atkinson(std::span<const double> income, std::span<const double> weight, double epsilon) {
  const double mean = WeightedMean(income, weight);
  const double v = measures_detail::TotalWeight(income, weight);
  double sum = 0;
  for (std::size_t i = 0; i < income.size(); ++i) {
    const double w = measures_detail::WeightAt(weight, i);
    if (epsilon >= 1 && income[i] == 0 && w > 0) return 1;  // the limit: the poorest has nothing
    sum += w * (epsilon == 1 ? std::log(income[i]) : std::pow(income[i] / mean, 1 - epsilon));
  }
  if (epsilon == 1) return 1 - std::exp(sum / v) / mean;
  return 1 - std::pow(sum / v, 1 / (1 - epsilon));
}

double GeneralisedEntropy2(std::span<const double> income, std::span<const double> weight) {
  const double mean = WeightedMean(income, weight);
  double sum = 0;
  for (std::size_t i = 0; i < income.size(); ++i) {
    const double r = income[i] / mean;
    sum += measures_detail::WeightAt(weight, i) * r * r;
  }
  return (sum / measures_detail::TotalWeight(income, weight) - 1) / 2;
}

double CoefficientOfVariation(std::span<const double> income, std::span<const double> weight) {
  const double mean = WeightedMean(income, weight);
  double sum = 0;
  for (std::size_t i = 0; i < income.size(); ++i) {
    const double d = income[i] - mean;
    sum += measures_detail::WeightAt(weight, i) * d * d;
  }
  return std::sqrt(sum / measures_detail::TotalWeight(income, weight)) / mean;
}

}  // namespace ansinh::analytics
