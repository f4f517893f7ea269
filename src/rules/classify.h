// Classification of households under a poverty standard, with explanations.
//
// Owns: the classification of a whole frame (every deprivation rule, the deprivation count, the
// category rules in order — first match wins, none = other), on the income path or the score
// path; the per-household explanation (structured, as JSON, and one line of text in Vietnamese and
// in English) built for the households that need one; the review outcome code.
// Must stay true: Classify writes into the frame only the columns the standard supplies (line.*,
// deprivation_count, and on the score path score_a and score_b) and reads the rest; the result of
// a household depends on that household alone, so it is the same for any number of threads and
// any split into ranges. The hot path is column programs only; Explain walks the rules' trees for
// one household (the row evaluator) and is meant for output, not for bulk work.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/household.h"
#include "core/money.h"
#include "core/status.h"
#include "rules/frame.h"
#include "rules/standard.h"
#include "rules/thread_pool.h"

namespace ansinh::rules {

enum class ClassifyPath : std::uint8_t {
  kIncome,  // [[categories]] over income_pc and deprivation_count
  kScores,  // [[score_path.categories]] over score_a (points table) and score_b
};

struct ClassifyOptions {
  ClassifyPath path = ClassifyPath::kIncome;
  ThreadPool* pool = nullptr;  // nullptr: the calling thread only
  // Deprivations already known (the 0/1 columns of `ansinh classify`): one span per deprivation
  // of the standard, in its order, each with one entry per household. Empty: the deprivation
  // rules are evaluated on the frame.
  std::vector<std::span<const std::uint8_t>> given_deprivations = {};
  int province = 0;  // score path: the GSO province code that picks the points table's region
};

// Column results, one entry per household of the frame.
struct ClassifyResult {
  std::vector<Category> category;
  std::vector<std::int8_t> decided_by;  // index of the category rule that held; -1 = none
  std::vector<Vnd> income_per_capita;   // floor(income_month / members); display only
  std::vector<std::int32_t> deprivation_count;
  std::vector<std::vector<std::uint8_t>> deprivations;  // [deprivation][household], 0/1
  std::vector<std::int64_t> score_a, score_b;           // score path only
  std::size_t households() const { return category.size(); }
};

// Classifies every household of `frame` (built over the standard's catalogue; it needs the
// columns the standard's rules read, plus urban, members and income_month).
Result<ClassifyResult> Classify(const Standard& standard, Frame& frame,
                                const ClassifyOptions& options = {});

// Households known only by their area, size, income and deprivation flags (the input of
// `ansinh classify --input`): one entry per household in each vector.
struct FlatHouseholds {
  std::vector<std::uint8_t> urban;
  std::vector<std::int32_t> members;
  std::vector<Vnd> income_month;
  std::vector<std::vector<std::uint8_t>> deprivations;  // [deprivation][household], 0/1
};
// A frame with no member rows and the columns area, urban, members and income_month; classify it
// with given_deprivations = the flat deprivations.
Result<Frame> BuildFlatFrame(const Catalogue& catalogue, const FlatHouseholds& households);

// The category rules a classification used.
const std::vector<CategoryRule>& CategoryRules(const Standard& standard, ClassifyPath path);

// One member who makes a member-level deprivation hold ("member Nguyễn Văn A, 34, has no health
// insurance").
struct MemberCause {
  std::size_t member = 0;  // index among the household's members (0-based)
  std::string name;        // empty when the caller has no names
  int age = -1;            // -1 when the frame has no age column
};

struct DeprivationMet {
  int index = 0;  // in standard.deprivations
  std::vector<MemberCause> members;
};

struct LineComparison {
  LineKind kind = LineKind::kPoor;
  Vnd amount = 0;  // the line for the household's area
  bool at_or_under = false;
};

struct Explanation {
  Category category = Category::kOther;
  int decided_by = -1;
  ClassifyPath path = ClassifyPath::kIncome;
  bool urban = false;
  Vnd income_month = 0;
  std::int64_t members = 0;
  Vnd income_per_capita = 0;
  std::vector<LineComparison> lines;        // every line of the standard, poor first
  std::optional<LineComparison> line_used;  // the lowest line at or above the income, else the top
  int deprivation_count = 0;
  std::vector<DeprivationMet> deprivations;  // those met, in the standard's order
  std::int64_t score_a = 0, score_b = 0;
};

// Explains household `h` of a classified frame. `member_names` (optional) holds one name per
// member row of the frame. Member causes are found by evaluating the aggregate's condition for
// each member (row evaluator); with given deprivations there are none.
Explanation Explain(const Standard& standard, const Frame& frame, const ClassifyResult& result,
                    std::size_t h, std::span<const std::string> member_names = {});

// The explanation as a JSON object (stored in the classifications table) and as one line of text.
std::string ExplanationJson(const Standard& standard, const Explanation& e);
std::string ExplanationText(const Standard& standard, const Explanation& e, std::string_view lang);

// The review outcome code (biểu rà soát) of a household classified `now` whose category last
// year was `last_year`: "old_poor" (was poor), "old_near_poor" (was near-poor), "new" (poor or
// near-poor now and neither before), "" when last year is unknown or none of these applies.
std::string_view ReviewOutcome(Category now, std::optional<Category> last_year);

}  // namespace ansinh::rules
