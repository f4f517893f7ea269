// Indicators as data: config/indicators/*.toml, written with the rule language
// (docs/indicators.md), computed for every administrative unit and survey year in one pass.
//
// Owns: the indicator definitions (IndicatorSet) and their loader; the additive counters a year
// needs, accumulated per commune over row chunks on a thread pool and rolled up the unit tree;
// the values derived from counters (ratios, FGT, year-on-year change).
// Must stay true: every counter is an integer sum (counts; FGT terms in fixed point, 2^-32 of a
// person), so the totals do not depend on the number of threads or the order of the chunks, and
// the value of a district or province is computed from the sums of its communes, never averaged.
// An indicator may refer only to indicators defined before it (no cycles). A value that cannot be
// computed (a ratio over zero, a change without the year before, a category the year's standard
// does not have) is absent, never NaN.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "analytics/snapshot.h"
#include "core/household.h"
#include "core/status.h"
#include "rules/rules.h"
#include "rules/standard.h"
#include "rules/thread_pool.h"

namespace ansinh::analytics {

enum class IndicatorKind : std::uint8_t {
  kCount,       // Σ over selected households of an int rule (default 1)
  kTransition,  // households that escaped, became newly poor or fell back into poverty
  kFgt,         // FGT(alpha) over persons against the poor line of the household's area
  kRatio,       // scale × numerator / denominator (two other indicators)
  kChange,      // value(t) − value(t−1) of another indicator
};

enum class Transition : std::uint8_t {
  kEscaped,    // poor in t−1, not poor in t
  kNewlyPoor,  // poor in t, not poor in t−1, never poor in an earlier year on record
  kRepoor,     // poor in t, not poor in t−1, poor in some earlier year on record (tái nghèo)
};

struct Indicator {
  std::string id, name_vi, name_en, unit, definition, source, file;
  IndicatorKind kind = IndicatorKind::kCount;
  // kCount: categories selected (empty: all), a filter and the summed value.
  std::vector<Category> categories;
  std::optional<rules::Rule> where;  // bool rule; absent: every household
  std::optional<rules::Rule> value;  // int rule; absent: 1 per household
  Transition transition = Transition::kEscaped;
  int alpha = 0;  // kFgt
  // kRatio: numerator and denominator; kFgt: denominator (persons); kChange: numerator (of).
  int numerator = -1, denominator = -1;
  double scale = 1;  // kRatio
};

class IndicatorSet {
 public:
  // Every *.toml of `dir` in file-name order; indicators keep the order of the files.
  static Result<IndicatorSet> LoadDir(const std::string& dir, const rules::Catalogue& catalogue);
  static Result<IndicatorSet> LoadText(std::string_view text, const std::string& path,
                                       const rules::Catalogue& catalogue,
                                       IndicatorSet base = {});

  const std::vector<Indicator>& indicators() const { return indicators_; }
  int Find(std::string_view id) const;  // -1 when absent

 private:
  std::vector<Indicator> indicators_;
};

// The value of one indicator for one unit and year; numerator and denominator where it is a
// ratio (FGT: the weighted sum and the persons).
struct IndicatorValue {
  std::optional<double> value;
  std::optional<double> numerator, denominator;
};

// Which standard classifies a year: a fixed one, or the national standard in force that year.
class StandardChooser {
 public:
  virtual ~StandardChooser() = default;
  virtual Result<const rules::Standard*> For(int year) const = 0;
};

struct ComputeOptions {
  rules::ThreadPool* pool = nullptr;  // nullptr: the calling thread only
  int province = 0;                   // for the score path's points table (unused on income)
};

// Counters and categories of every year of a snapshot.
class IndicatorResults {
 public:
  const IndicatorSet& set() const { return *set_; }
  const UnitTree& units() const { return *units_; }
  std::vector<int> years() const;
  const rules::Standard* standard(int year) const;  // the standard that classified the year

  // Absent (no value) for a year not computed.
  IndicatorValue Value(int year, int indicator, UnitIndex unit) const;
  // Each row's category in a computed year (the rows of the snapshot's SurveyYear); empty for a
  // year not computed.
  std::span<const Category> categories(int year) const;

 private:
  friend Result<IndicatorResults> ComputeIndicators(Snapshot&, const IndicatorSet&,
                                                    const StandardChooser&,
                                                    const ComputeOptions&);
  struct YearCounters {
    const rules::Standard* standard = nullptr;
    std::vector<std::vector<std::int64_t>> counters;  // [indicator][unit]; empty if not additive
    std::vector<Category> categories;                 // per row of the year
  };
  IndicatorValue ValueIn(int year, const YearCounters& counters, int indicator,
                         std::size_t unit) const;
  const IndicatorSet* set_ = nullptr;
  const UnitTree* units_ = nullptr;
  std::map<int, YearCounters> years_;
};

// Classifies every year of the snapshot (ascending, so transitions see the years before) and
// accumulates every indicator for every unit. The set and the snapshot must outlive the results.
Result<IndicatorResults> ComputeIndicators(Snapshot& snapshot, const IndicatorSet& set,
                                           const StandardChooser& chooser,
                                           const ComputeOptions& options = {});

// The fixed-point scale of FGT counters (a person's full gap is 2^32).
inline constexpr double kFgtScale = 4294967296.0;

}  // namespace ansinh::analytics
