// The resolution's targets as data (config/targets/*.toml) and where each unit stands against
// them in a year: value, target, status and the year the trend reaches it.
//
// Owns: the target definitions and their loader; the evaluation of a target for a unit and a
// year (status met / on_track / off_track / no_data, forecast year by a least-squares trend).
// Must stay true: a target reads only indicator values (IndicatorResults) or, for the provincial
// line, the standards it is given — never the snapshot; a target without data says no_data and
// why, never a made-up value. Targets are evaluated only in the years of their period.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analytics/indicators.h"
#include "core/status.h"
#include "rules/standard.h"

namespace ansinh::analytics {

enum class TargetKind : std::uint8_t {
  kAtLeast,           // value >= target
  kAtMost,            // value <= target (strictly below with `strict`)
  kRange,             // min <= value <= max (a yearly amount)
  kAverageReduction,  // (value(base) − value(t)) / (t − base) >= target, points a year
  kZero,              // value == 0
  kProvincialLine,    // an adopted provincial standard's lines above the national standard's
};

enum class TargetStatus : std::uint8_t { kMet, kOnTrack, kOffTrack, kNoData };
std::string_view TargetStatusCode(TargetStatus s);    // "met", "on_track", "off_track", "no_data"
std::string_view TargetStatusNameVi(TargetStatus s);  // "đạt", "đúng tiến độ", ...

struct Target {
  std::string id, name_vi, name_en, source, note, file;
  std::string indicator;  // the indicator id; empty when the store holds no such data yet
  int indicator_index = -1;
  TargetKind kind = TargetKind::kAtLeast;
  double value = 0;          // kAtLeast, kAtMost, kAverageReduction
  double min = 0, max = 0;   // kRange
  bool strict = false;       // kAtMost: "below" (<) rather than "at most" (<=)
  int first_year = 0, last_year = 0;  // the period; the deadline is last_year
  int base_year = 0;                  // kAverageReduction: counted from (default first_year − 1)
  std::string no_data_vi, no_data_en;  // why a target without indicator has no data
};

class TargetSet {
 public:
  // Every *.toml of `dir`; indicators are looked up in `indicators` (an unknown id is an error).
  static Result<TargetSet> LoadDir(const std::string& dir, const IndicatorSet& indicators);
  static Result<TargetSet> LoadText(std::string_view text, const std::string& path,
                                    const IndicatorSet& indicators, TargetSet base = {});
  const std::vector<Target>& targets() const { return targets_; }

 private:
  std::vector<Target> targets_;
};

struct TargetEvaluation {
  const Target* target = nullptr;
  int year = 0;
  std::optional<double> value;       // what is compared (kAverageReduction: the average so far)
  std::string target_text;           // "≥ 100", "< 10", "32.000–35.000", "≥ 2/năm", "0"
  TargetStatus status = TargetStatus::kNoData;
  std::optional<int> forecast_year;  // when the trend reaches the target (met: this year)
  std::string note_vi, note_en;
};

// Every target whose period contains `year`, for `unit`. `standards`: the loaded standards (for
// kProvincialLine; may be empty).
std::vector<TargetEvaluation> EvaluateTargets(const TargetSet& targets,
                                              const IndicatorResults& results, int year,
                                              UnitIndex unit,
                                              std::span<const rules::Standard* const> standards);

}  // namespace ansinh::analytics
