#include "analytics/indicators.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include <toml++/toml.h>

#include "rules/classify.h"
#include "rules/program.h"
#include "rules/rules.h"
#include "rules/toml_reader.h"

namespace ansinh::analytics {

using rules::internal::TomlReader;

namespace {

Result<IndicatorKind> ParseKind(const TomlReader& reader, const toml::table& t,
                                const std::string& text) {
  if (text == "count") return IndicatorKind::kCount;
  if (text == "transition") return IndicatorKind::kTransition;
  if (text == "fgt") return IndicatorKind::kFgt;
  if (text == "ratio") return IndicatorKind::kRatio;
  if (text == "change") return IndicatorKind::kChange;
  return reader.Error(*t.get("kind"), "kind phải là count, transition, fgt, ratio hoặc change",
                      "kind must be count, transition, fgt, ratio or change")
      .WithField("kind");
}

Result<Transition> ParseTransition(const TomlReader& reader, const toml::table& t,
                                   const std::string& text) {
  if (text == "escaped") return Transition::kEscaped;
  if (text == "newly_poor") return Transition::kNewlyPoor;
  if (text == "repoor") return Transition::kRepoor;
  return reader.Error(*t.get("transition"),
                      "transition phải là escaped, newly_poor hoặc repoor",
                      "transition must be escaped, newly_poor or repoor")
      .WithField("transition");
}

Result<std::vector<Category>> ParseCategories(const TomlReader& reader, const toml::table& t) {
  std::vector<Category> out;
  const toml::node* node = t.get("categories");
  if (node == nullptr) return out;
  const toml::array* list = node->as_array();
  if (list == nullptr) {
    return reader.Error(*node, "categories phải là danh sách chuỗi",
                        "categories must be a list of strings")
        .WithField("categories");
  }
  for (const toml::node& item : *list) {
    const auto* s = item.as_string();
    std::optional<Result<Category>> c;
    if (s != nullptr) c.emplace(ParseCategory(s->get(), "categories"));
    if (!c || !c->ok()) {
      return reader.Error(item, "loại hộ không hợp lệ (poor, near_poor, middle, other)",
                          "not a category (poor, near_poor, middle, other)")
          .WithField("categories");
    }
    out.push_back(**c);
  }
  return out;
}

// The index of an indicator defined earlier in `set`, named at t[key].
Result<int> Reference(const TomlReader& reader, const toml::table& t, std::string_view key,
                      const IndicatorSet& set, int before) {
  ANSINH_ASSIGN_OR_RETURN(std::string id, reader.String(t, key));
  int i = set.Find(id);
  if (i < 0 || i >= before) {
    return reader.Error(*t.get(key),
                        "'" + id + "' không phải chỉ tiêu được định nghĩa trước đó",
                        "'" + id + "' is not an indicator defined before this one")
        .WithField(std::string(key));
  }
  return i;
}

Status ReadIndicator(const TomlReader& reader, const toml::table& t,
                     const rules::Catalogue& catalogue, IndicatorSet& set,
                     std::vector<Indicator>& out) {
  ANSINH_RETURN_IF_ERROR(reader.OnlyKeys(
      t, {"id", "kind", "name_vi", "name_en", "unit", "definition", "source", "categories",
          "where", "value", "transition", "alpha", "numerator", "denominator", "scale", "of"}));
  Indicator ind;
  ind.file = reader.path();
  ANSINH_ASSIGN_OR_RETURN(ind.id, reader.String(t, "id"));
  if (set.Find(ind.id) >= 0) {
    return reader.Error(*t.get("id"), "mã chỉ tiêu '" + ind.id + "' bị trùng",
                        "indicator id '" + ind.id + "' appears twice")
        .WithField("id");
  }
  ANSINH_ASSIGN_OR_RETURN(std::string kind, reader.String(t, "kind"));
  ANSINH_ASSIGN_OR_RETURN(ind.kind, ParseKind(reader, t, kind));
  ANSINH_ASSIGN_OR_RETURN(ind.name_vi, reader.String(t, "name_vi"));
  ANSINH_ASSIGN_OR_RETURN(ind.name_en, reader.String(t, "name_en"));
  ANSINH_ASSIGN_OR_RETURN(ind.unit, reader.String(t, "unit"));
  ANSINH_ASSIGN_OR_RETURN(ind.definition, reader.String(t, "definition"));
  ANSINH_ASSIGN_OR_RETURN(ind.source, reader.OptionalString(t, "source"));
  ANSINH_ASSIGN_OR_RETURN(ind.categories, ParseCategories(reader, t));
  rules::CheckOptions options;
  options.contexts = {std::string(rules::kContextClassification)};
  if (t.contains("where")) {
    options.result = rules::Type::kBool;
    ANSINH_ASSIGN_OR_RETURN(rules::Rule where, reader.CompileAt(t, "where", catalogue, options));
    ind.where = std::move(where);
  }
  if (t.contains("value")) {
    options.result = rules::Type::kInt;
    ANSINH_ASSIGN_OR_RETURN(rules::Rule value, reader.CompileAt(t, "value", catalogue, options));
    if (value.type() != rules::Type::kInt) {
      return reader.Error(*t.get("value"), "value phải cho số nguyên",
                          "value must produce an int")
          .WithField("value");
    }
    ind.value = std::move(value);
  }
  const int before = static_cast<int>(set.indicators().size());
  switch (ind.kind) {
    case IndicatorKind::kCount:
      break;
    case IndicatorKind::kTransition: {
      ANSINH_ASSIGN_OR_RETURN(std::string tr, reader.String(t, "transition"));
      ANSINH_ASSIGN_OR_RETURN(ind.transition, ParseTransition(reader, t, tr));
      break;
    }
    case IndicatorKind::kFgt: {
      ANSINH_ASSIGN_OR_RETURN(std::int64_t alpha, reader.Int(t, "alpha"));
      if (alpha < 0 || alpha > 2) {
        return reader.Error(*t.get("alpha"), "alpha phải là 0, 1 hoặc 2", "alpha must be 0, 1 or 2")
            .WithField("alpha");
      }
      ind.alpha = static_cast<int>(alpha);
      ANSINH_ASSIGN_OR_RETURN(ind.denominator, Reference(reader, t, "denominator", set, before));
      break;
    }
    case IndicatorKind::kRatio: {
      ANSINH_ASSIGN_OR_RETURN(ind.numerator, Reference(reader, t, "numerator", set, before));
      ANSINH_ASSIGN_OR_RETURN(ind.denominator, Reference(reader, t, "denominator", set, before));
      ANSINH_ASSIGN_OR_RETURN(std::optional<double> scale, reader.OptionalNumber(t, "scale"));
      ind.scale = scale.value_or(1.0);
      break;
    }
    case IndicatorKind::kChange:
      ANSINH_ASSIGN_OR_RETURN(ind.numerator, Reference(reader, t, "of", set, before));
      break;
  }
  const bool additive = ind.kind == IndicatorKind::kCount ||
                        ind.kind == IndicatorKind::kTransition || ind.kind == IndicatorKind::kFgt;
  if (!additive && (ind.where || ind.value || !ind.categories.empty())) {
    return reader.Error(t, "where, value và categories chỉ dùng cho count, transition và fgt",
                        "where, value and categories apply to count, transition and fgt only")
        .WithField("kind");
  }
  out.push_back(std::move(ind));
  return Status::Ok();
}

}  // namespace

int IndicatorSet::Find(std::string_view id) const {
  for (std::size_t i = 0; i < indicators_.size(); ++i) {
    if (indicators_[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

Result<IndicatorSet> IndicatorSet::LoadText(std::string_view text, const std::string& path,
                                            const rules::Catalogue& catalogue, IndicatorSet base) {
  TomlReader reader(text, path);
  ANSINH_ASSIGN_OR_RETURN(toml::table root, reader.Parse());
  ANSINH_RETURN_IF_ERROR(reader.OnlyKeys(root, {"indicator"}));
  ANSINH_ASSIGN_OR_RETURN(auto tables, reader.Tables(root, "indicator"));
  for (const toml::table* t : tables) {
    std::vector<Indicator> one;
    ANSINH_RETURN_IF_ERROR(ReadIndicator(reader, *t, catalogue, base, one));
    base.indicators_.push_back(std::move(one.front()));
  }
  return base;
}

Result<IndicatorSet> IndicatorSet::LoadDir(const std::string& dir,
                                           const rules::Catalogue& catalogue) {
  ANSINH_ASSIGN_OR_RETURN(auto files, rules::internal::ReadTomlFolder(dir, "chỉ tiêu", "indicators"));
  IndicatorSet set;
  for (const auto& file : files) {
    ANSINH_ASSIGN_OR_RETURN(set, LoadText(file.text, file.path, catalogue, std::move(set)));
  }
  if (set.indicators_.empty()) {
    return Status::NotFound("dir", dir, "không có tệp chỉ tiêu .toml", "no indicator .toml file");
  }
  return set;
}

// ---------------------------------------------------------------------------------------------
// Computation.

namespace {

constexpr std::size_t kChunkRows = 16384;
constexpr std::int8_t kNotSurveyed = -1;

bool Additive(IndicatorKind kind) {
  return kind == IndicatorKind::kCount || kind == IndicatorKind::kTransition ||
         kind == IndicatorKind::kFgt;
}

// Whether the standard has a category rule for `c` (kOther is what no rule decides).
bool StandardHas(const rules::Standard& s, Category c) {
  if (c == Category::kOther) return true;
  for (const rules::CategoryRule& r : s.categories) {
    if (r.category == c) return true;
  }
  return false;
}

std::uint8_t CategoryMask(const std::vector<Category>& categories) {
  if (categories.empty()) return 0x0F;
  std::uint8_t mask = 0;
  for (Category c : categories) mask |= static_cast<std::uint8_t>(1u << static_cast<int>(c));
  return mask;
}

// What one year's pass needs besides the frame.
struct YearInput {
  const SurveyYear* year = nullptr;
  const rules::ClassifyResult* classes = nullptr;
  const std::vector<std::int8_t>* previous = nullptr;  // category in t−1 by dense index
  const std::vector<std::uint8_t>* poor_earlier = nullptr;  // poor in a year before t−1
  std::span<const std::int64_t> income, line;
  std::span<const std::int32_t> members;
};

// The where and value rules of the indicators a year computes, as one program: fields are loaded
// once per chunk and work the indicators share (the working-age test, the Khmer head) is done
// once. slot[i] is the result index of indicator i's where (first) and value (second), or -1.
struct FusedRules {
  rules::Program program;
  std::vector<std::pair<int, int>> slot;
};

Result<FusedRules> FuseRules(const IndicatorSet& set, const std::vector<bool>& applicable,
                             const rules::Catalogue& catalogue) {
  FusedRules fused;
  std::vector<const rules::Rule*> list;
  fused.slot.assign(set.indicators().size(), {-1, -1});
  for (std::size_t i = 0; i < set.indicators().size(); ++i) {
    const Indicator& ind = set.indicators()[i];
    if (!Additive(ind.kind) || !applicable[i]) continue;
    if (ind.where) {
      fused.slot[i].first = static_cast<int>(list.size());
      list.push_back(&*ind.where);
    }
    if (ind.value) {
      fused.slot[i].second = static_cast<int>(list.size());
      list.push_back(&*ind.value);
    }
  }
  ANSINH_ASSIGN_OR_RETURN(fused.program, rules::CompileRuleSet(list, catalogue));
  return fused;
}

// A stretch of a chunk's rows in one commune: rows are stored commune by commune (the registry's
// order), so counters are summed over a run in a register and added to the commune once.
struct CommuneRun {
  std::size_t begin, end;  // rows of the chunk, relative to its first
  std::size_t commune;
};

class YearPass {
 public:
  YearPass(const IndicatorSet& set, const UnitTree& units, const YearInput& in,
           const std::vector<bool>& applicable, const FusedRules& fused, int threads)
      : set_(set), units_(units), in_(in), applicable_(applicable), fused_(fused) {
    per_worker_.assign(static_cast<std::size_t>(threads),
                       std::vector<std::vector<std::int64_t>>(set.indicators().size()));
    for (auto& worker : per_worker_) {
      for (std::size_t i = 0; i < set.indicators().size(); ++i) {
        if (Additive(set.indicators()[i].kind) && applicable_[i]) {
          worker[i].assign(static_cast<std::size_t>(units.size()), 0);
        }
      }
    }
    const rules::Program& program = fused.program;
    const bool fgt = std::any_of(set.indicators().begin(), set.indicators().end(),
                                 [](const Indicator& ind) { return ind.kind == IndicatorKind::kFgt; });
    workers_.resize(static_cast<std::size_t>(threads));
    for (Worker& w : workers_) {
      w.bools.assign(program.results(), std::vector<std::uint8_t>());
      w.ints.assign(program.results(), std::vector<std::int64_t>());
      w.outputs.resize(program.results());
      for (std::size_t r = 0; r < program.results(); ++r) {
        if (program.result_type(r) == rules::Type::kBool) {
          w.bools[r].resize(kChunkRows);
        } else {
          w.ints[r].resize(kChunkRows);
        }
      }
      w.category_bit.resize(kChunkRows);
      if (fgt) {
        for (auto& terms : w.fgt) terms.resize(kChunkRows);
      }
    }
  }

  Status Chunk(std::size_t chunk, int worker) {
    const std::size_t begin = chunk * kChunkRows;
    const std::size_t end = std::min(begin + kChunkRows, in_.year->frame.households());
    const std::size_t n = end - begin;
    Worker& w = workers_[static_cast<std::size_t>(worker)];
    for (std::size_t r = 0; r < w.outputs.size(); ++r) {
      w.outputs[r] = {};
      if (fused_.program.result_type(r) == rules::Type::kBool) {
        w.outputs[r].bools = std::span<std::uint8_t>(w.bools[r].data(), n);
      } else {
        w.outputs[r].ints = std::span<std::int64_t>(w.ints[r].data(), n);
      }
    }
    if (!w.outputs.empty()) {
      ANSINH_RETURN_IF_ERROR(rules::RunProgram(fused_.program, in_.year->frame, w.scratch, begin,
                                               end, w.outputs));
    }
    // Each row's category as a bit, for the categories' masks; and the chunk's commune runs.
    const auto& category = in_.classes->category;
    for (std::size_t k = 0; k < n; ++k) {
      w.category_bit[k] = static_cast<std::uint8_t>(1u << static_cast<int>(category[begin + k]));
    }
    w.runs.clear();
    for (std::size_t k = 0; k < n;) {
      const UnitIndex commune = in_.year->commune[begin + k];
      std::size_t e = k + 1;
      while (e < n && in_.year->commune[begin + e] == commune) ++e;
      w.runs.push_back({k, e, static_cast<std::size_t>(commune)});
      k = e;
    }
    bool fgt_ready = false;
    for (std::size_t i = 0; i < set_.indicators().size(); ++i) {
      const Indicator& ind = set_.indicators()[i];
      if (!Additive(ind.kind) || !applicable_[i]) continue;
      const auto [where_slot, value_slot] = fused_.slot[i];
      const std::uint8_t* where =
          where_slot < 0 ? nullptr : w.bools[static_cast<std::size_t>(where_slot)].data();
      const std::int64_t* value =
          value_slot < 0 ? nullptr : w.ints[static_cast<std::size_t>(value_slot)].data();
      std::vector<std::int64_t>& counter = per_worker_[static_cast<std::size_t>(worker)][i];
      switch (ind.kind) {
        case IndicatorKind::kCount:
          Count(CategoryMask(ind.categories), w, where, value, counter);
          break;
        case IndicatorKind::kTransition:
          Transitions(ind.transition, begin, w, where, counter);
          break;
        case IndicatorKind::kFgt:
          if (!fgt_ready) {
            FgtTerms(begin, n, w);
            fgt_ready = true;
          }
          Fgt(ind.alpha, w, where, counter);
          break;
        default:
          break;
      }
    }
    return Status::Ok();
  }

  // Sums the workers' counters and rolls them up the tree: [indicator][unit].
  std::vector<std::vector<std::int64_t>> Totals() {
    std::vector<std::vector<std::int64_t>> total = std::move(per_worker_.front());
    for (std::size_t w = 1; w < per_worker_.size(); ++w) {
      for (std::size_t i = 0; i < total.size(); ++i) {
        for (std::size_t u = 0; u < total[i].size(); ++u) total[i][u] += per_worker_[w][i][u];
      }
    }
    for (auto& counter : total) {
      if (counter.empty()) continue;
      for (UnitIndex u = units_.size() - 1; u >= 0; --u) {
        UnitIndex p = units_.parent(u);
        if (p != kNoUnit) counter[static_cast<std::size_t>(p)] += counter[static_cast<std::size_t>(u)];
      }
    }
    return total;
  }

 private:
  // One thread's buffers: the fused program's results for a chunk, and the chunk's rows prepared.
  struct Worker {
    rules::Scratch scratch;
    std::vector<std::vector<std::uint8_t>> bools;  // per result of a bool rule
    std::vector<std::vector<std::int64_t>> ints;   // per result of an int rule
    std::vector<rules::Output> outputs;
    std::vector<std::uint8_t> category_bit;
    std::vector<CommuneRun> runs;
    std::vector<std::int64_t> fgt[3];  // FgtTerms: per row of the chunk, for alpha 0, 1, 2
  };

  // Σ over rows in a selected category (and where) of value (or 1). Branch-free per row, so the
  // compiler can vectorise the loop over a run.
  static void Count(std::uint8_t mask, const Worker& w, const std::uint8_t* where,
                    const std::int64_t* value, std::vector<std::int64_t>& counter) {
    const std::uint8_t* bit = w.category_bit.data();
    for (const CommuneRun& run : w.runs) {
      std::int64_t sum = 0;
      if (value != nullptr) {
        for (std::size_t k = run.begin; k < run.end; ++k) {
          std::int64_t take = (bit[k] & mask) != 0;
          if (where != nullptr) take &= where[k];
          sum += value[k] & -take;
        }
      } else {
        for (std::size_t k = run.begin; k < run.end; ++k) {
          std::int64_t take = (bit[k] & mask) != 0;
          if (where != nullptr) take &= where[k];
          sum += take;
        }
      }
      counter[run.commune] += sum;
    }
  }

  void Transitions(Transition t, std::size_t begin, const Worker& w, const std::uint8_t* where,
                   std::vector<std::int64_t>& counter) const {
    for (const CommuneRun& run : w.runs) {
      std::int64_t sum = 0;
      for (std::size_t k = run.begin; k < run.end; ++k) {
        if (where != nullptr && where[k] == 0) continue;
        sum += TransitionHolds(t, begin + k);
      }
      counter[run.commune] += sum;
    }
  }

  // Each row's fixed-point FGT terms for alpha 0, 1 and 2 at once (the three indicators share
  // the test against the line and the gap): members × ((z − y) / z)^alpha × 2^32 where
  // y = income / members (exact: income is compared with z × members), or 0 when y > z.
  void FgtTerms(std::size_t begin, std::size_t n, Worker& w) const {
    for (std::size_t k = 0; k < n; ++k) {
      const std::size_t row = begin + k;
      const std::int64_t income = in_.income[row], line = in_.line[row];
      const std::int32_t members = in_.members[row];
      const std::int64_t threshold = line * members;  // z × m
      if (members <= 0 || income > threshold) {
        w.fgt[0][k] = w.fgt[1][k] = w.fgt[2][k] = 0;
        continue;
      }
      const double m = members;
      w.fgt[0][k] = std::llround(m * kFgtScale);
      if (threshold > 0) {
        const double gap = static_cast<double>(threshold - income) / static_cast<double>(threshold);
        w.fgt[1][k] = std::llround(m * gap * kFgtScale);
        w.fgt[2][k] = std::llround(m * (gap * gap) * kFgtScale);
      } else {
        w.fgt[1][k] = w.fgt[2][k] = w.fgt[0][k];
      }
    }
  }

  static void Fgt(int alpha, const Worker& w, const std::uint8_t* where,
                  std::vector<std::int64_t>& counter) {
    const std::int64_t* terms = w.fgt[static_cast<std::size_t>(alpha)].data();
    for (const CommuneRun& run : w.runs) {
      std::int64_t sum = 0;
      for (std::size_t k = run.begin; k < run.end; ++k) {
        if (where == nullptr || where[k] != 0) sum += terms[k];
      }
      counter[run.commune] += sum;
    }
  }

  bool TransitionHolds(Transition t, std::size_t row) const {
    const std::uint32_t d = in_.year->dense[row];
    const bool poor_now = in_.classes->category[row] == Category::kPoor;
    const std::int8_t before = (*in_.previous)[d];
    const bool poor_before = before == static_cast<std::int8_t>(Category::kPoor);
    switch (t) {
      case Transition::kEscaped:
        return poor_before && !poor_now;
      case Transition::kNewlyPoor:
        return poor_now && !poor_before && (*in_.poor_earlier)[d] == 0;
      case Transition::kRepoor:
        return poor_now && !poor_before && (*in_.poor_earlier)[d] != 0;
    }
    return false;
  }

  const IndicatorSet& set_;
  const UnitTree& units_;
  const YearInput& in_;
  const std::vector<bool>& applicable_;
  const FusedRules& fused_;
  std::vector<std::vector<std::vector<std::int64_t>>> per_worker_;  // [worker][indicator][unit]
  std::vector<Worker> workers_;
};

// f(begin, end) over [0, n) in slices, on the pool when there is one.
template <typename F>
void RunSlices(rules::ThreadPool* pool, std::size_t n, F f) {
  constexpr std::size_t kSlice = 1 << 20;
  const std::size_t slices = (n + kSlice - 1) / kSlice;
  auto run = [&](std::size_t s, int) { f(s * kSlice, std::min(n, (s + 1) * kSlice)); };
  if (pool != nullptr && slices > 1) {
    pool->ParallelFor(slices, run);
  } else {
    for (std::size_t s = 0; s < slices; ++s) run(s, 0);
  }
}

template <typename T>
std::span<const T> HouseholdColumn(const rules::Frame& frame, std::string_view name) {
  rules::FieldId id = frame.catalogue().Find(rules::Scope::kHousehold, name);
  const rules::Column* c = id < 0 ? nullptr : frame.column(id);
  if (c == nullptr) return {};
  if constexpr (std::is_same_v<T, std::int64_t>) {
    return c->int64s();
  } else {
    return c->int32s();
  }
}

}  // namespace

Result<IndicatorResults> ComputeIndicators(Snapshot& snapshot, const IndicatorSet& set,
                                           const StandardChooser& chooser,
                                           const ComputeOptions& options) {
  IndicatorResults results;
  results.set_ = &set;
  results.units_ = &snapshot.units();
  const int threads = options.pool == nullptr ? 1 : options.pool->threads();
  std::vector<std::int8_t> previous(snapshot.households(), kNotSurveyed);
  std::vector<std::uint8_t> poor_earlier(snapshot.households(), 0);
  int previous_year = 0;
  for (SurveyYear& year : snapshot.years()) {
    ANSINH_ASSIGN_OR_RETURN(const rules::Standard* standard, chooser.For(year.year));
    rules::ClassifyOptions classify;
    classify.pool = options.pool;
    classify.province = options.province;
    ANSINH_ASSIGN_OR_RETURN(rules::ClassifyResult classes,
                            rules::Classify(*standard, year.frame, classify));
    const bool consecutive = previous_year != 0 && previous_year == year.year - 1;
    std::vector<bool> applicable(set.indicators().size(), true);
    for (std::size_t i = 0; i < set.indicators().size(); ++i) {
      const Indicator& ind = set.indicators()[i];
      if (ind.kind == IndicatorKind::kTransition) applicable[i] = consecutive;
      if (ind.kind == IndicatorKind::kCount && !ind.categories.empty()) {
        applicable[i] = std::any_of(ind.categories.begin(), ind.categories.end(),
                                    [&](Category c) { return StandardHas(*standard, c); });
      }
    }
    YearInput in;
    in.year = &year;
    in.classes = &classes;
    in.previous = &previous;
    in.poor_earlier = &poor_earlier;
    in.income = HouseholdColumn<std::int64_t>(year.frame, "income_month");
    in.line = HouseholdColumn<std::int64_t>(year.frame, "line.poor");
    in.members = HouseholdColumn<std::int32_t>(year.frame, "members");
    if (year.frame.households() > 0 && (in.income.empty() || in.line.empty() || in.members.empty())) {
      return Status::Internal("ComputeIndicators: the classified frame lacks income, members or line.poor");
    }
    ANSINH_ASSIGN_OR_RETURN(FusedRules fused,
                            FuseRules(set, applicable, snapshot.catalogue()));
    YearPass pass(set, snapshot.units(), in, applicable, fused, threads);
    const std::size_t chunks = (year.frame.households() + kChunkRows - 1) / kChunkRows;
    std::vector<Status> failures(chunks);
    auto run = [&](std::size_t chunk, int worker) { failures[chunk] = pass.Chunk(chunk, worker); };
    if (options.pool != nullptr) {
      options.pool->ParallelFor(chunks, run);
    } else {
      for (std::size_t c = 0; c < chunks; ++c) run(c, 0);
    }
    for (const Status& s : failures) ANSINH_RETURN_IF_ERROR(s);
    IndicatorResults::YearCounters counters;
    counters.standard = standard;
    counters.counters = pass.Totals();
    // History for the next year's transitions, in slices on the pool (each slice writes only its
    // own households: dense indexes are distinct within a year).
    RunSlices(options.pool, previous.size(), [&](std::size_t b, std::size_t e) {
      for (std::size_t d = b; d < e; ++d) {
        if (previous[d] == static_cast<std::int8_t>(Category::kPoor)) poor_earlier[d] = 1;
        previous[d] = kNotSurveyed;
      }
    });
    RunSlices(options.pool, year.dense.size(), [&](std::size_t b, std::size_t e) {
      for (std::size_t row = b; row < e; ++row) {
        previous[year.dense[row]] = static_cast<std::int8_t>(classes.category[row]);
      }
    });
    counters.categories = std::move(classes.category);
    previous_year = year.year;
    results.years_[year.year] = std::move(counters);
  }
  return results;
}

std::vector<int> IndicatorResults::years() const {
  std::vector<int> out;
  for (const auto& [year, counters] : years_) out.push_back(year);
  return out;
}

std::span<const Category> IndicatorResults::categories(int year) const {
  auto it = years_.find(year);
  if (it == years_.end()) return {};
  return it->second.categories;
}

const rules::Standard* IndicatorResults::standard(int year) const {
  auto it = years_.find(year);
  return it == years_.end() ? nullptr : it->second.standard;
}

IndicatorValue IndicatorResults::Value(int year, int indicator, UnitIndex unit) const {
  auto it = years_.find(year);
  if (it == years_.end() || indicator < 0 || unit < 0 || unit >= units_->size()) return {};
  return ValueIn(year, it->second, indicator, static_cast<std::size_t>(unit));
}

// Value for a year already found: ratios and FGT look up their parts in the same year's counters
// (the whole table is read per unit and indicator, so the year is found once, not per part).
IndicatorValue IndicatorResults::ValueIn(int year, const YearCounters& counters, int indicator,
                                         std::size_t unit) const {
  const Indicator& ind = set_->indicators()[static_cast<std::size_t>(indicator)];
  const auto& counter = counters.counters[static_cast<std::size_t>(indicator)];
  IndicatorValue out;
  switch (ind.kind) {
    case IndicatorKind::kCount:
    case IndicatorKind::kTransition:
      if (!counter.empty()) out.value = static_cast<double>(counter[unit]);
      break;
    case IndicatorKind::kFgt: {
      if (counter.empty()) break;
      IndicatorValue persons = ValueIn(year, counters, ind.denominator, unit);
      out.numerator = static_cast<double>(counter[unit]) / kFgtScale;
      out.denominator = persons.value;
      if (persons.value && *persons.value > 0) out.value = *out.numerator / *persons.value;
      break;
    }
    case IndicatorKind::kRatio: {
      IndicatorValue n = ValueIn(year, counters, ind.numerator, unit);
      IndicatorValue d = ValueIn(year, counters, ind.denominator, unit);
      out.numerator = n.value;
      out.denominator = d.value;
      if (n.value && d.value && *d.value != 0) out.value = ind.scale * *n.value / *d.value;
      break;
    }
    case IndicatorKind::kChange: {
      IndicatorValue now = ValueIn(year, counters, ind.numerator, unit);
      IndicatorValue before = Value(year - 1, ind.numerator, static_cast<UnitIndex>(unit));
      if (now.value && before.value) out.value = *now.value - *before.value;
      break;
    }
  }
  return out;
}

}  // namespace ansinh::analytics
