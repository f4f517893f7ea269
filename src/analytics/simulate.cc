#include "analytics/simulate.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <optional>
#include <sstream>
#include <utility>

#include <toml++/toml.h>

#include "rules/classify.h"
#include "rules/toml_reader.h"

namespace ansinh::analytics {

using rules::internal::TomlReader;

namespace {

std::string DayText(const CalendarDay& d) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buffer;
}

Result<CalendarDay> ReadInsuranceDay(const TomlReader& reader, const toml::table& t) {
  const toml::node* node = t.get("from");
  if (node == nullptr) {
    return reader.Error(t, "thiếu khóa bắt buộc 'from'", "missing required key 'from'")
        .WithField("from");
  }
  const auto* date = node->as_date();
  if (date == nullptr) {
    return reader.Error(*node, "'from' phải là một ngày TOML, ví dụ 2013-07-01",
                        "'from' must be a TOML date, e.g. 2013-07-01")
        .WithField("from");
  }
  const toml::date d = date->get();
  return CalendarDay{d.year, d.month, d.day};
}

// A percentage in (0, 100] with at most two decimals, as basis points (4.5 -> 450).
Result<std::int64_t> ReadInsurancePercent(const TomlReader& reader, const toml::table& t) {
  ANSINH_ASSIGN_OR_RETURN(std::optional<double> percent, reader.OptionalNumber(t, "percent"));
  if (!percent) {
    return reader.Error(t, "thiếu khóa bắt buộc 'percent'", "missing required key 'percent'")
        .WithField("percent");
  }
  const double basis_points = *percent * 100;
  const double whole = std::round(basis_points);
  if (std::fabs(basis_points - whole) > 1e-6 || whole <= 0 || whole > 10000) {
    return reader.Error(*t.get("percent"),
                        "'percent' phải lớn hơn 0, không quá 100, tối đa hai chữ số thập phân",
                        "'percent' must be above 0 and at most 100, with at most two decimals")
        .WithField("percent");
  }
  return static_cast<std::int64_t>(whole);
}

// The keys every entry has besides its value: from, source, confirmed, note.
Status ReadInsuranceEntryCommon(const TomlReader& reader, const toml::table& t,
                                HealthInsuranceEntry& out) {
  ANSINH_ASSIGN_OR_RETURN(out.from, ReadInsuranceDay(reader, t));
  ANSINH_ASSIGN_OR_RETURN(out.source, reader.String(t, "source"));
  ANSINH_ASSIGN_OR_RETURN(out.confirmed, reader.OptionalBool(t, "confirmed", true));
  ANSINH_ASSIGN_OR_RETURN(out.note, reader.OptionalString(t, "note"));
  out.line = static_cast<int>(t.source().begin.line);
  return Status::Ok();
}

// Entries of one list (one category) must start on strictly later days.
Status CheckInsuranceOrder(const TomlReader& reader, const toml::table& t,
                           const std::optional<CalendarDay>& previous,
                           const HealthInsuranceEntry& entry) {
  if (previous && !(*previous < entry.from)) {
    return reader.Error(*t.get("from"),
                        "'from' phải sau ngày của mục trước (" + DayText(*previous) + ")",
                        "'from' must come after the previous entry's (" + DayText(*previous) + ")")
        .WithField("from");
  }
  return Status::Ok();
}

// The entry of `list` (ascending) in force on `day`, restricted to `category` for state shares;
// nullptr before the first.
const HealthInsuranceEntry* InsuranceEntryOn(const std::vector<HealthInsuranceEntry>& list,
                                             const CalendarDay& day, const Category* category) {
  const HealthInsuranceEntry* found = nullptr;
  for (const HealthInsuranceEntry& e : list) {
    if (category != nullptr && e.category != *category) continue;
    if (day < e.from) break;
    found = &e;
  }
  return found;
}

}  // namespace

std::int64_t YearHealthInsurance::StateCostScaled(Category c) const {
  if (c == Category::kPoor) return poor_scaled;
  if (c == Category::kNearPoor) return near_poor_scaled;
  return 0;
}

Result<HealthInsuranceCosts> HealthInsuranceCosts::LoadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::Error(ErrorCode::kIoError, "không đọc được tệp bảo hiểm y tế " + path,
                         "cannot read the health-insurance file " + path);
  }
  std::stringstream text;
  text << in.rdbuf();
  return LoadText(text.str(), path);
}

Result<HealthInsuranceCosts> HealthInsuranceCosts::LoadText(std::string_view text,
                                                            const std::string& path) {
  TomlReader reader(text, path);
  ANSINH_ASSIGN_OR_RETURN(toml::table root, reader.Parse());
  ANSINH_RETURN_IF_ERROR(reader.OnlyKeys(root, {"premium_rate", "base_salary", "state_share"}));
  HealthInsuranceCosts out;
  out.path_ = path;
  ANSINH_ASSIGN_OR_RETURN(auto rates, reader.Tables(root, "premium_rate"));
  for (const toml::table* t : rates) {
    ANSINH_RETURN_IF_ERROR(reader.OnlyKeys(*t, {"from", "percent", "source", "confirmed", "note"}));
    HealthInsuranceEntry e;
    ANSINH_RETURN_IF_ERROR(ReadInsuranceEntryCommon(reader, *t, e));
    ANSINH_ASSIGN_OR_RETURN(e.value, ReadInsurancePercent(reader, *t));
    ANSINH_RETURN_IF_ERROR(CheckInsuranceOrder(
        reader, *t,
        out.premium_rates_.empty() ? std::nullopt : std::optional(out.premium_rates_.back().from),
        e));
    out.premium_rates_.push_back(std::move(e));
  }
  ANSINH_ASSIGN_OR_RETURN(auto salaries, reader.Tables(root, "base_salary"));
  for (const toml::table* t : salaries) {
    ANSINH_RETURN_IF_ERROR(
        reader.OnlyKeys(*t, {"from", "vnd_per_month", "source", "confirmed", "note"}));
    HealthInsuranceEntry e;
    ANSINH_RETURN_IF_ERROR(ReadInsuranceEntryCommon(reader, *t, e));
    ANSINH_ASSIGN_OR_RETURN(e.value, reader.Int(*t, "vnd_per_month"));
    // At most 10^7 VND a month keeps a person's yearly cost below 1.2 × 10^16 (1/kCostScale
    // VND), the range RoundScaledCost is exact in.
    if (e.value <= 0 || e.value > 10'000'000) {
      return reader.Error(*t->get("vnd_per_month"),
                          "'vnd_per_month' phải là số đồng dương, không quá 10.000.000",
                          "'vnd_per_month' must be a positive amount of VND, at most 10,000,000")
          .WithField("vnd_per_month");
    }
    ANSINH_RETURN_IF_ERROR(CheckInsuranceOrder(
        reader, *t,
        out.base_salaries_.empty() ? std::nullopt : std::optional(out.base_salaries_.back().from),
        e));
    out.base_salaries_.push_back(std::move(e));
  }
  ANSINH_ASSIGN_OR_RETURN(auto shares, reader.Tables(root, "state_share"));
  std::optional<CalendarDay> last_of[kCategoryCount];  // the last `from` read, by category
  for (const toml::table* t : shares) {
    ANSINH_RETURN_IF_ERROR(
        reader.OnlyKeys(*t, {"category", "from", "percent", "source", "confirmed", "note"}));
    HealthInsuranceEntry e;
    ANSINH_ASSIGN_OR_RETURN(std::string category, reader.String(*t, "category"));
    if (category == "poor") {
      e.category = Category::kPoor;
    } else if (category == "near_poor") {
      e.category = Category::kNearPoor;
    } else {
      return reader.Error(*t->get("category"), "'category' phải là poor hoặc near_poor",
                          "'category' must be poor or near_poor")
          .WithField("category");
    }
    ANSINH_RETURN_IF_ERROR(ReadInsuranceEntryCommon(reader, *t, e));
    ANSINH_ASSIGN_OR_RETURN(e.value, ReadInsurancePercent(reader, *t));
    const auto c = static_cast<std::size_t>(e.category);
    ANSINH_RETURN_IF_ERROR(CheckInsuranceOrder(reader, *t, last_of[c], e));
    last_of[c] = e.from;
    out.state_shares_.push_back(std::move(e));
  }
  struct Needed {
    bool present;
    const char* key;
    const char* vi;
    const char* en;
  };
  const bool poor = last_of[static_cast<std::size_t>(Category::kPoor)].has_value();
  const bool near = last_of[static_cast<std::size_t>(Category::kNearPoor)].has_value();
  for (const Needed& n :
       {Needed{!out.premium_rates_.empty(), "premium_rate", "thiếu [[premium_rate]]",
               "no [[premium_rate]]"},
        Needed{!out.base_salaries_.empty(), "base_salary", "thiếu [[base_salary]]",
               "no [[base_salary]]"},
        Needed{poor, "state_share", "thiếu [[state_share]] cho category = \"poor\"",
               "no [[state_share]] with category = \"poor\""},
        Needed{near, "state_share", "thiếu [[state_share]] cho category = \"near_poor\"",
               "no [[state_share]] with category = \"near_poor\""}}) {
    if (!n.present) return reader.Error(root, n.vi, n.en).WithField(n.key);
  }
  // state_shares_ ascending within a category; sort stably by day so InsuranceEntryOn can stop.
  std::stable_sort(out.state_shares_.begin(), out.state_shares_.end(),
                   [](const HealthInsuranceEntry& x, const HealthInsuranceEntry& y) {
                     return x.from < y.from;
                   });
  return out;
}

Result<YearHealthInsurance> HealthInsuranceCosts::ForYear(int year) const {
  YearHealthInsurance out;
  out.year = year;
  auto note_unconfirmed = [&out](const char* list, const HealthInsuranceEntry& e) {
    if (e.confirmed) return;
    std::string text = std::string(list) + " từ/from " + DayText(e.from);
    if (std::find(out.unconfirmed.begin(), out.unconfirmed.end(), text) == out.unconfirmed.end()) {
      out.unconfirmed.push_back(std::move(text));
    }
  };
  const Category poor = Category::kPoor, near = Category::kNearPoor;
  for (int month = 1; month <= 12; ++month) {
    const CalendarDay day{year, month, 1};
    const HealthInsuranceEntry* rate = InsuranceEntryOn(premium_rates_, day, nullptr);
    const HealthInsuranceEntry* salary = InsuranceEntryOn(base_salaries_, day, nullptr);
    const HealthInsuranceEntry* share_poor = InsuranceEntryOn(state_shares_, day, &poor);
    const HealthInsuranceEntry* share_near = InsuranceEntryOn(state_shares_, day, &near);
    const char* missing = rate == nullptr         ? "premium_rate"
                          : salary == nullptr     ? "base_salary"
                          : share_poor == nullptr ? "state_share (poor)"
                          : share_near == nullptr ? "state_share (near_poor)"
                                                  : nullptr;
    if (missing != nullptr) {
      const std::string when = DayText(day);
      return Status::NotFound(
                 "year", std::to_string(year),
                 "không có " + std::string(missing) + " áp dụng ngày " + when,
                 "no " + std::string(missing) + " in force on " + when)
          .WithLocation({path_, 0, 0});
    }
    // base (VND) × rate (basis points) × share (basis points): exact in 1/kCostScale VND.
    const std::int64_t premium = salary->value * rate->value;
    out.premium_scaled += premium * 10000;
    out.poor_scaled += premium * share_poor->value;
    out.near_poor_scaled += premium * share_near->value;
    note_unconfirmed("premium_rate", *rate);
    note_unconfirmed("base_salary", *salary);
    note_unconfirmed("state_share poor", *share_poor);
    note_unconfirmed("state_share near_poor", *share_near);
  }
  return out;
}

Vnd RoundScaledCost(std::span<const std::int64_t> counts, std::span<const std::int64_t> scaled) {
  assert(counts.size() == scaled.size());
  std::int64_t whole = 0, rest = 0;  // the value is whole + rest / kCostScale
  for (std::size_t i = 0; i < counts.size(); ++i) {
    assert(scaled[i] >= 0);
    whole += counts[i] * (scaled[i] / kCostScale);
    rest += counts[i] * (scaled[i] % kCostScale);
    whole += rest / kCostScale;  // keep |rest| below kCostScale
    rest %= kCostScale;
  }
  // Give rest the sign of the whole value, then round its fraction half away from zero.
  if (whole > 0 && rest < 0) {
    whole -= 1;
    rest += kCostScale;
  } else if (whole < 0 && rest > 0) {
    whole += 1;
    rest -= kCostScale;
  }
  if (2 * (rest < 0 ? -rest : rest) >= kCostScale) whole += rest < 0 ? -1 : 1;
  return whole;
}

// ---------------------------------------------------------------------------------------------
// The two classifications and the matrices.

namespace {

constexpr std::size_t kWhatIfChunkRows = 16384;
constexpr auto kPoorIndex = static_cast<std::size_t>(Category::kPoor);
constexpr auto kNearPoorIndex = static_cast<std::size_t>(Category::kNearPoor);

void AddMatrix(CategoryMatrix& into, const CategoryMatrix& from) {
  for (int a = 0; a < kCategoryCount; ++a) {
    for (int b = 0; b < kCategoryCount; ++b) into[a][b] += from[a][b];
  }
}

}  // namespace

WhatIfSummary WhatIfResult::Summary(UnitIndex u) const {
  const CategoryMatrix& h = households(u);
  const CategoryMatrix& p = persons(u);
  WhatIfSummary s;
  std::int64_t poor_a = 0, poor_b = 0, near_a = 0, near_b = 0;  // persons
  for (std::size_t a = 0; a < kCategoryCount; ++a) {
    for (std::size_t b = 0; b < kCategoryCount; ++b) {
      s.households += h[a][b];
      s.persons += p[a][b];
      if (a != b) {
        s.changed_households += h[a][b];
        s.changed_persons += p[a][b];
      }
      const bool poor_under_a = a == kPoorIndex, poor_under_b = b == kPoorIndex;
      const bool near_under_a = a == kNearPoorIndex, near_under_b = b == kNearPoorIndex;
      if (poor_under_b && !poor_under_a) {
        s.added_poor_households += h[a][b];
        s.added_poor_persons += p[a][b];
      }
      if (near_under_b && !near_under_a) {
        s.added_near_poor_households += h[a][b];
        s.added_near_poor_persons += p[a][b];
      }
      if (poor_under_a && !poor_under_b) {
        s.removed_poor_households += h[a][b];
        s.removed_poor_persons += p[a][b];
      }
      if (near_under_a && !near_under_b) {
        s.removed_near_poor_households += h[a][b];
        s.removed_near_poor_persons += p[a][b];
      }
      if (poor_under_a) poor_a += p[a][b];
      if (near_under_a) near_a += p[a][b];
      if (poor_under_b) poor_b += p[a][b];
      if (near_under_b) near_b += p[a][b];
    }
  }
  const std::int64_t poor_cost = costs_.poor_scaled, near_cost = costs_.near_poor_scaled;
  auto cost = [&](std::int64_t poor_persons, std::int64_t near_persons) {
    const std::int64_t counts[] = {poor_persons, near_persons};
    const std::int64_t scaled[] = {poor_cost, near_cost};
    return RoundScaledCost(counts, scaled);
  };
  s.cost_added_poor = cost(s.added_poor_persons, 0);
  s.cost_added_near_poor = cost(0, s.added_near_poor_persons);
  s.cost_added = cost(s.added_poor_persons, s.added_near_poor_persons);
  s.cost_a = cost(poor_a, near_a);
  s.cost_b = cost(poor_b, near_b);
  s.cost_change = cost(poor_b - poor_a, near_b - near_a);
  return s;
}

Result<WhatIfResult> SimulateStandards(SurveyYear& year, const UnitTree& units,
                                       const rules::Standard& a, const rules::Standard& b,
                                       const HealthInsuranceCosts& costs,
                                       const WhatIfOptions& options) {
  WhatIfResult result;
  result.year_ = year.year;
  result.a_ = &a;
  result.b_ = &b;
  result.units_ = &units;
  ANSINH_ASSIGN_OR_RETURN(result.costs_, costs.ForYear(year.year));

  const std::size_t rows = year.frame.households();
  const auto unit_count = static_cast<std::size_t>(units.size());
  if (year.commune.size() != rows ||
      std::any_of(year.commune.begin(), year.commune.end(),
                  [&](UnitIndex c) { return c < 0 || static_cast<std::size_t>(c) >= unit_count; })) {
    return Status::Internal("SimulateStandards: the year's communes do not match the unit tree");
  }
  rules::ClassifyOptions classify;
  classify.pool = options.pool;
  classify.province = options.province;
  // Classify writes a's line columns into the frame, then b's: keep a's categories first.
  std::vector<Category> under_a;
  {
    ANSINH_ASSIGN_OR_RETURN(rules::ClassifyResult classes, rules::Classify(a, year.frame, classify));
    under_a = std::move(classes.category);
  }
  ANSINH_ASSIGN_OR_RETURN(rules::ClassifyResult under_b, rules::Classify(b, year.frame, classify));

  std::span<const std::int32_t> members;
  const rules::FieldId members_id =
      year.frame.catalogue().Find(rules::Scope::kHousehold, "members");
  const rules::Column* members_column = members_id < 0 ? nullptr : year.frame.column(members_id);
  if (members_column != nullptr) members = members_column->int32s();
  if (members.size() != rows || under_a.size() != rows || under_b.households() != rows) {
    return Status::Internal("SimulateStandards: the classified frame lacks its members column");
  }

  const int threads = options.pool == nullptr ? 1 : options.pool->threads();
  std::vector<std::vector<CategoryMatrix>> households(
      static_cast<std::size_t>(threads), std::vector<CategoryMatrix>(unit_count, CategoryMatrix{}));
  std::vector<std::vector<CategoryMatrix>> persons = households;
  auto count_chunk = [&](std::size_t chunk, int worker) {
    const std::size_t begin = chunk * kWhatIfChunkRows;
    const std::size_t end = std::min(begin + kWhatIfChunkRows, rows);
    std::vector<CategoryMatrix>& h = households[static_cast<std::size_t>(worker)];
    std::vector<CategoryMatrix>& p = persons[static_cast<std::size_t>(worker)];
    for (std::size_t row = begin; row < end; ++row) {
      const auto u = static_cast<std::size_t>(year.commune[row]);
      const auto ca = static_cast<std::size_t>(under_a[row]);
      const auto cb = static_cast<std::size_t>(under_b.category[row]);
      h[u][ca][cb] += 1;
      p[u][ca][cb] += members[row];
    }
  };
  const std::size_t chunks = (rows + kWhatIfChunkRows - 1) / kWhatIfChunkRows;
  if (options.pool != nullptr) {
    options.pool->ParallelFor(chunks, count_chunk);
  } else {
    for (std::size_t c = 0; c < chunks; ++c) count_chunk(c, 0);
  }
  result.households_ = std::move(households.front());
  result.persons_ = std::move(persons.front());
  for (std::size_t w = 1; w < households.size(); ++w) {
    for (std::size_t u = 0; u < unit_count; ++u) {
      AddMatrix(result.households_[u], households[w][u]);
      AddMatrix(result.persons_[u], persons[w][u]);
    }
  }
  // Children come after their parents in the tree's order: one backward pass rolls everything up.
  for (UnitIndex u = units.size() - 1; u >= 0; --u) {
    const UnitIndex parent = units.parent(u);
    if (parent == kNoUnit) continue;
    AddMatrix(result.households_[static_cast<std::size_t>(parent)],
              result.households_[static_cast<std::size_t>(u)]);
    AddMatrix(result.persons_[static_cast<std::size_t>(parent)],
              result.persons_[static_cast<std::size_t>(u)]);
  }
  return result;
}

}  // namespace ansinh::analytics
