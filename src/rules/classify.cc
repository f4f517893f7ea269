// The hot path of classification: column programs over ranges of households, on a thread pool.
#include "rules/classify.h"

#include <algorithm>
#include <memory>

#include "core/vector_loops.h"

namespace ansinh::rules {
namespace {

// Households per task: a multiple of the program chunk, large enough that a task's per-run setup
// (constants, scratch) is noise, small enough to balance two cores on a commune-sized frame.
constexpr std::size_t kTaskRows = 16 * kChunkRows;

struct Columns {
  const std::uint8_t* urban = nullptr;
  const std::int32_t* members = nullptr;
  const std::int64_t* income = nullptr;
  std::int64_t* lines[kLineKinds] = {nullptr, nullptr, nullptr};
  std::int32_t* deprivation_count = nullptr;
  std::int32_t* score_a = nullptr;
  std::int32_t* score_b = nullptr;
};

Status Missing(std::string_view name) {
  return Status::Error(ErrorCode::kFailedPrecondition, "thiếu cột dữ liệu: " + std::string(name),
                       "the frame has no column for " + std::string(name))
      .WithField(std::string(name));
}

// Finds the columns the classification reads and creates those it writes (before any thread
// starts: creating a column is not thread-safe).
Result<Columns> PrepareColumns(const Standard& s, Frame& frame, ClassifyPath path) {
  const Catalogue& cat = frame.catalogue();
  auto input = [&](const char* name) -> const Column* {
    const FieldId id = cat.Find(Scope::kHousehold, name);
    return id < 0 ? nullptr : frame.column(id);
  };
  const Column* urban = input("urban");
  const Column* members = input("members");
  const Column* income = input("income_month");
  if (!urban) return Missing("urban");
  if (!members) return Missing("members");
  if (!income) return Missing("income_month");
  Columns c;
  c.urban = urban->bools().data();
  c.members = members->int32s().data();
  c.income = income->int64s().data();
  const char* line_names[kLineKinds] = {"line.poor", "line.near_poor", "line.middle"};
  for (int k = 0; k < kLineKinds; ++k) {
    if (!s.lines[k]) continue;
    ANSINH_ASSIGN_OR_RETURN(Column * col, frame.MutableColumn(Scope::kHousehold, line_names[k]));
    c.lines[k] = col->int64s().data();
  }
  ANSINH_ASSIGN_OR_RETURN(Column * count,
                          frame.MutableColumn(Scope::kHousehold, "deprivation_count"));
  c.deprivation_count = count->int32s().data();
  if (path == ClassifyPath::kScores) {
    ANSINH_ASSIGN_OR_RETURN(Column * a, frame.MutableColumn(Scope::kHousehold, "score_a"));
    ANSINH_ASSIGN_OR_RETURN(Column * b, frame.MutableColumn(Scope::kHousehold, "score_b"));
    c.score_a = a->int32s().data();
    c.score_b = b->int32s().data();
  }
  return c;
}

// Runs `rule` on an empty range: reports a missing column before any work is split.
Status CheckRunnable(const Rule& rule, const Frame& frame) {
  Scratch scratch;
  return RunProgram(rule.program(), frame, scratch, 0, 0, Output{});
}

// income / members rounded toward zero, 0 without members. A 64-bit integer division takes tens of
// cycles; for the usual case (0 <= income < 2^52) the quotient is taken in double precision and
// then corrected by at most one, which gives the exact integer quotient.
ANSINH_LOOP_INLINE std::int64_t IncomePerCapita(std::int64_t income, std::int32_t members) {
  if (members <= 0) return 0;
  constexpr std::int64_t kExact = std::int64_t{1} << 52;
  if (income < 0 || income >= kExact) return income / members;
  auto q = static_cast<std::int64_t>(static_cast<double>(income) / members);
  if (q * members > income) --q;
  if ((q + 1) * members <= income) ++q;
  return q;
}

// The state of one classification run, shared by the tasks; each task writes only its range.
class Run {
 public:
  Run(const Standard& s, Frame& frame, const ClassifyOptions& o, Columns c, ClassifyResult& r,
      const PointsRegion* region)
      : s_(s), frame_(frame), o_(o), c_(c), r_(r), region_(region) {}

  Status Range(std::size_t b, std::size_t e, Scratch& scratch, std::vector<std::uint8_t>& tmp);

 private:
  void Lines(std::size_t b, std::size_t e);
  Status Deprivations(std::size_t b, std::size_t e, Scratch& scratch);
  Status Scores(std::size_t b, std::size_t e, Scratch& scratch, std::vector<std::uint8_t>& tmp);
  Status Categories(std::size_t b, std::size_t e, Scratch& scratch, std::vector<std::uint8_t>& tmp);

  const Standard& s_;
  Frame& frame_;
  const ClassifyOptions& o_;
  Columns c_;
  ClassifyResult& r_;
  const PointsRegion* region_;
};

void Run::Lines(std::size_t b, std::size_t e) {
  for (int k = 0; k < kLineKinds; ++k) {
    if (!s_.lines[k]) continue;
    const Vnd rural = s_.lines[k]->rural, urban = s_.lines[k]->urban;
    std::int64_t* out = c_.lines[k];
    for (std::size_t h = b; h < e; ++h) out[h] = c_.urban[h] ? urban : rural;
  }
  for (std::size_t h = b; h < e; ++h) {
    r_.income_per_capita[h] = IncomePerCapita(c_.income[h], c_.members[h]);
  }
}

Status Run::Deprivations(std::size_t b, std::size_t e, Scratch& scratch) {
  const std::size_t n = e - b;
  for (std::size_t d = 0; d < s_.deprivations.size(); ++d) {
    std::span<std::uint8_t> out = std::span(r_.deprivations[d]).subspan(b, n);
    if (!o_.given_deprivations.empty()) {
      std::copy_n(o_.given_deprivations[d].data() + b, n, out.data());
    } else {
      ANSINH_RETURN_IF_ERROR(RunProgram(s_.deprivations[d].rule.program(), frame_, scratch, b, e,
                                        Output{.bools = out}));
    }
  }
  std::int32_t* count = r_.deprivation_count.data();
  std::fill(count + b, count + e, 0);
  for (const auto& column : r_.deprivations) {
    const std::uint8_t* met = column.data();
    for (std::size_t h = b; h < e; ++h) count[h] += met[h];
  }
  std::copy(count + b, count + e, c_.deprivation_count + b);
  return Status::Ok();
}

Status Run::Scores(std::size_t b, std::size_t e, Scratch& scratch, std::vector<std::uint8_t>& tmp) {
  const std::size_t n = e - b;
  std::int64_t* a = r_.score_a.data();
  std::fill(a + b, a + e, region_->base);
  std::vector<std::uint8_t> done(n);
  for (const PointsItem& item : region_->items) {
    std::fill(done.begin(), done.end(), 0);
    for (const PointsLevel& level : item.levels) {
      ANSINH_RETURN_IF_ERROR(RunProgram(level.when.program(), frame_, scratch, b, e,
                                        Output{.bools = std::span(tmp).first(n)}));
      for (std::size_t i = 0; i < n; ++i) {
        const bool take = tmp[i] && !done[i];
        a[b + i] += take ? level.points : 0;
        done[i] |= tmp[i];
      }
    }
  }
  const std::int64_t per = s_.score_path->points_per_deprivation;
  for (std::size_t h = b; h < e; ++h) {
    r_.score_b[h] = per * r_.deprivation_count[h];
    c_.score_a[h] = static_cast<std::int32_t>(a[h]);
    c_.score_b[h] = static_cast<std::int32_t>(r_.score_b[h]);
  }
  return Status::Ok();
}

Status Run::Categories(std::size_t b, std::size_t e, Scratch& scratch,
                       std::vector<std::uint8_t>& tmp) {
  const std::size_t n = e - b;
  Category* category = r_.category.data() + b;
  std::int8_t* decided = r_.decided_by.data() + b;
  std::fill_n(category, n, Category::kOther);
  std::fill_n(decided, n, std::int8_t{-1});
  const std::vector<CategoryRule>& rules = CategoryRules(s_, o_.path);
  for (std::size_t i = 0; i < rules.size(); ++i) {
    ANSINH_RETURN_IF_ERROR(RunProgram(rules[i].when.program(), frame_, scratch, b, e,
                                      Output{.bools = std::span(tmp).first(n)}));
    const Category value = rules[i].category;
    const auto index = static_cast<std::int8_t>(i);
    for (std::size_t h = 0; h < n; ++h) {
      const bool take = tmp[h] && decided[h] < 0;
      category[h] = take ? value : category[h];
      decided[h] = take ? index : decided[h];
    }
  }
  return Status::Ok();
}

Status Run::Range(std::size_t b, std::size_t e, Scratch& scratch, std::vector<std::uint8_t>& tmp) {
  Lines(b, e);
  ANSINH_RETURN_IF_ERROR(Deprivations(b, e, scratch));
  if (o_.path == ClassifyPath::kScores) ANSINH_RETURN_IF_ERROR(Scores(b, e, scratch, tmp));
  return Categories(b, e, scratch, tmp);
}

Status CheckOptionsFit(const Standard& s, const Frame& frame, const ClassifyOptions& o) {
  if (!o.given_deprivations.empty()) {
    if (o.given_deprivations.size() != s.deprivations.size()) {
      return Status::Internal("given deprivations do not match the standard's");
    }
    for (const auto& column : o.given_deprivations) {
      if (column.size() != frame.households()) {
        return Status::Internal("a given deprivation column does not match the frame");
      }
    }
  }
  if (CategoryRules(s, o.path).size() > 127) {
    return Status::Invalid("categories", std::to_string(CategoryRules(s, o.path).size()),
                           "quá nhiều quy tắc phân loại", "too many category rules");
  }
  return Status::Ok();
}

Result<const PointsRegion*> ScoreRegion(const Standard& s, const ClassifyOptions& o) {
  if (o.path != ClassifyPath::kScores) return static_cast<const PointsRegion*>(nullptr);
  if (!s.score_path || !s.score_path->points_table) {
    return Status::Error(ErrorCode::kFailedPrecondition,
                         "chuẩn " + s.id + " không có đường tính điểm (score_path, bảng điểm)",
                         "standard " + s.id + " has no score path with a points table");
  }
  const PointsRegion* region = s.score_path->points_table->RegionFor(o.province);
  if (region == nullptr) {
    return Status::NotFound(
        "province", std::to_string(o.province),
        "bảng điểm " + s.score_path->points_table->id + " không có vùng cho tỉnh này",
        "points table " + s.score_path->points_table->id + " has no region for this province");
  }
  return region;
}

}  // namespace

const std::vector<CategoryRule>& CategoryRules(const Standard& standard, ClassifyPath path) {
  static const std::vector<CategoryRule> kNone;
  if (path == ClassifyPath::kScores) {
    return standard.score_path ? standard.score_path->categories : kNone;
  }
  return standard.categories;
}

Result<ClassifyResult> Classify(const Standard& standard, Frame& frame,
                                const ClassifyOptions& options) {
  ANSINH_RETURN_IF_ERROR(CheckOptionsFit(standard, frame, options));
  ANSINH_ASSIGN_OR_RETURN(const PointsRegion* region, ScoreRegion(standard, options));
  ANSINH_ASSIGN_OR_RETURN(Columns columns, PrepareColumns(standard, frame, options.path));
  if (options.given_deprivations.empty()) {
    for (const Deprivation& d : standard.deprivations) {
      ANSINH_RETURN_IF_ERROR(CheckRunnable(d.rule, frame));
    }
  }
  for (const CategoryRule& c : CategoryRules(standard, options.path)) {
    ANSINH_RETURN_IF_ERROR(CheckRunnable(c.when, frame));
  }
  const std::size_t n = frame.households();
  ClassifyResult r;
  r.category.resize(n);
  r.decided_by.resize(n);
  r.income_per_capita.resize(n);
  r.deprivation_count.resize(n);
  r.deprivations.assign(standard.deprivations.size(), std::vector<std::uint8_t>(n));
  if (region != nullptr) {
    r.score_a.resize(n);
    r.score_b.resize(n);
  }
  Run run(standard, frame, options, columns, r, region);
  const std::size_t tasks = (n + kTaskRows - 1) / kTaskRows;
  const int threads = options.pool ? options.pool->threads() : 1;
  std::vector<Scratch> scratch(static_cast<std::size_t>(threads));
  std::vector<std::vector<std::uint8_t>> tmp(static_cast<std::size_t>(threads),
                                             std::vector<std::uint8_t>(kTaskRows));
  std::vector<Status> status(tasks);
  auto task = [&](std::size_t i, int worker) {
    const std::size_t b = i * kTaskRows, e = std::min(n, b + kTaskRows);
    const auto w = static_cast<std::size_t>(worker);
    status[i] = run.Range(b, e, scratch[w], tmp[w]);
  };
  if (options.pool) {
    options.pool->ParallelFor(tasks, task);
  } else {
    for (std::size_t i = 0; i < tasks; ++i) task(i, 0);
  }
  for (const Status& s : status) ANSINH_RETURN_IF_ERROR(s);
  return r;
}

Result<Frame> BuildFlatFrame(const Catalogue& catalogue, const FlatHouseholds& in) {
  const std::size_t n = in.urban.size();
  if (in.members.size() != n || in.income_month.size() != n) {
    return Status::Internal("flat household columns of different lengths");
  }
  Frame frame(catalogue);
  ANSINH_RETURN_IF_ERROR(frame.SetMemberOffsets(std::vector<std::uint32_t>(n + 1, 0)));
  ANSINH_ASSIGN_OR_RETURN(Column * area, frame.MutableColumn(Scope::kHousehold, "area"));
  ANSINH_ASSIGN_OR_RETURN(Column * urban, frame.MutableColumn(Scope::kHousehold, "urban"));
  ANSINH_ASSIGN_OR_RETURN(Column * members, frame.MutableColumn(Scope::kHousehold, "members"));
  ANSINH_ASSIGN_OR_RETURN(Column * income, frame.MutableColumn(Scope::kHousehold, "income_month"));
  const std::int32_t codes[2] = {frame.dictionary().Intern("rural"),
                                 frame.dictionary().Intern("urban")};
  for (std::size_t h = 0; h < n; ++h) {
    area->int32s()[h] = codes[in.urban[h] ? 1 : 0];
    urban->bools()[h] = in.urban[h] ? 1 : 0;
  }
  std::copy(in.members.begin(), in.members.end(), members->int32s().begin());
  std::copy(in.income_month.begin(), in.income_month.end(), income->int64s().begin());
  return frame;
}

std::string_view ReviewOutcome(Category now, std::optional<Category> last_year) {
  if (!last_year) return "";
  if (*last_year == Category::kPoor) return "old_poor";
  if (*last_year == Category::kNearPoor) return "old_near_poor";
  if (now == Category::kPoor || now == Category::kNearPoor) return "new";
  return "";
}

}  // namespace ansinh::rules
