#include "analytics/targets.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include <toml++/toml.h>

#include "core/money.h"
#include "rules/toml_reader.h"

namespace ansinh::analytics {

using rules::internal::TomlReader;

std::string_view TargetStatusCode(TargetStatus s) {
  switch (s) {
    case TargetStatus::kMet: return "met";
    case TargetStatus::kOnTrack: return "on_track";
    case TargetStatus::kOffTrack: return "off_track";
    case TargetStatus::kNoData: return "no_data";
  }
  return "no_data";
}

std::string_view TargetStatusNameVi(TargetStatus s) {
  switch (s) {
    case TargetStatus::kMet: return "đạt";
    case TargetStatus::kOnTrack: return "đúng tiến độ";
    case TargetStatus::kOffTrack: return "chậm tiến độ";
    case TargetStatus::kNoData: return "chưa có số liệu";
  }
  return "chưa có số liệu";
}

namespace {

Result<TargetKind> ParseTargetKind(const TomlReader& reader, const toml::table& t,
                                   const std::string& text) {
  if (text == "at_least") return TargetKind::kAtLeast;
  if (text == "at_most") return TargetKind::kAtMost;
  if (text == "range") return TargetKind::kRange;
  if (text == "average_reduction") return TargetKind::kAverageReduction;
  if (text == "zero") return TargetKind::kZero;
  if (text == "provincial_line") return TargetKind::kProvincialLine;
  return reader.Error(*t.get("kind"),
                      "kind phải là at_least, at_most, range, average_reduction, zero hoặc "
                      "provincial_line",
                      "kind must be at_least, at_most, range, average_reduction, zero or "
                      "provincial_line")
      .WithField("kind");
}

Result<double> RequiredNumber(const TomlReader& reader, const toml::table& t, std::string_view key) {
  ANSINH_ASSIGN_OR_RETURN(std::optional<double> v, reader.OptionalNumber(t, key));
  if (!v) {
    return reader.Error(t, "thiếu khóa bắt buộc '" + std::string(key) + "'",
                        "missing required key '" + std::string(key) + "'")
        .WithField(std::string(key));
  }
  return *v;
}

Status ReadTarget(const TomlReader& reader, const toml::table& t, const IndicatorSet& indicators,
                  Target& out) {
  ANSINH_RETURN_IF_ERROR(reader.OnlyKeys(
      t, {"id", "name_vi", "name_en", "source", "note", "indicator", "kind", "value", "min", "max",
          "strict", "years", "base_year", "no_data_vi", "no_data_en"}));
  out.file = reader.path();
  ANSINH_ASSIGN_OR_RETURN(out.id, reader.String(t, "id"));
  ANSINH_ASSIGN_OR_RETURN(out.name_vi, reader.String(t, "name_vi"));
  ANSINH_ASSIGN_OR_RETURN(out.name_en, reader.String(t, "name_en"));
  ANSINH_ASSIGN_OR_RETURN(out.source, reader.String(t, "source"));
  ANSINH_ASSIGN_OR_RETURN(out.note, reader.OptionalString(t, "note"));
  ANSINH_ASSIGN_OR_RETURN(std::string kind, reader.String(t, "kind"));
  ANSINH_ASSIGN_OR_RETURN(out.kind, ParseTargetKind(reader, t, kind));
  ANSINH_ASSIGN_OR_RETURN(out.indicator, reader.OptionalString(t, "indicator"));
  ANSINH_ASSIGN_OR_RETURN(out.no_data_vi, reader.OptionalString(t, "no_data_vi"));
  ANSINH_ASSIGN_OR_RETURN(out.no_data_en, reader.OptionalString(t, "no_data_en"));
  ANSINH_ASSIGN_OR_RETURN(out.strict, reader.OptionalBool(t, "strict", false));
  if (!out.indicator.empty()) {
    out.indicator_index = indicators.Find(out.indicator);
    if (out.indicator_index < 0) {
      return reader.Error(*t.get("indicator"), "không có chỉ tiêu '" + out.indicator + "'",
                          "no indicator '" + out.indicator + "'")
          .WithField("indicator");
    }
  } else if (out.kind != TargetKind::kProvincialLine && out.no_data_vi.empty()) {
    return reader.Error(t, "cần indicator, hoặc no_data_vi/no_data_en nói vì sao chưa có số liệu",
                        "give an indicator, or no_data_vi/no_data_en saying why there is no data")
        .WithField("indicator");
  }
  switch (out.kind) {
    case TargetKind::kRange: {
      ANSINH_ASSIGN_OR_RETURN(out.min, RequiredNumber(reader, t, "min"));
      ANSINH_ASSIGN_OR_RETURN(out.max, RequiredNumber(reader, t, "max"));
      if (out.min > out.max) {
        return reader.Error(t, "min lớn hơn max", "min is greater than max").WithField("min");
      }
      break;
    }
    case TargetKind::kAtLeast:
    case TargetKind::kAtMost:
    case TargetKind::kAverageReduction: {
      ANSINH_ASSIGN_OR_RETURN(out.value, RequiredNumber(reader, t, "value"));
      break;
    }
    case TargetKind::kZero:
    case TargetKind::kProvincialLine:
      break;
  }
  const toml::node* years = t.get("years");
  const toml::array* span = years == nullptr ? nullptr : years->as_array();
  if (span == nullptr || span->size() != 2 || !(*span)[0].is_integer() ||
      !(*span)[1].is_integer()) {
    return reader.Error(years == nullptr ? static_cast<const toml::node&>(t) : *years,
                        "years phải là [năm đầu, năm cuối]", "years must be [first, last]")
        .WithField("years");
  }
  out.first_year = static_cast<int>(*(*span)[0].value<std::int64_t>());
  out.last_year = static_cast<int>(*(*span)[1].value<std::int64_t>());
  if (out.first_year > out.last_year) {
    return reader.Error(*years, "năm đầu sau năm cuối", "the first year is after the last")
        .WithField("years");
  }
  ANSINH_ASSIGN_OR_RETURN(std::optional<double> base, reader.OptionalNumber(t, "base_year"));
  out.base_year = base ? static_cast<int>(*base) : out.first_year - 1;
  return Status::Ok();
}

std::string Number(double v) {
  if (v == std::floor(v)) return FormatVnd(static_cast<std::int64_t>(v));
  std::ostringstream s;
  s << v;
  std::string text = s.str();
  std::replace(text.begin(), text.end(), '.', ',');
  return text;
}

std::string TargetText(const Target& t) {
  switch (t.kind) {
    case TargetKind::kAtLeast: return "≥ " + Number(t.value);
    case TargetKind::kAtMost: return (t.strict ? "< " : "≤ ") + Number(t.value);
    case TargetKind::kRange: return Number(t.min) + "–" + Number(t.max);
    case TargetKind::kAverageReduction: return "≥ " + Number(t.value) + "/năm/year";
    case TargetKind::kZero: return "0";
    case TargetKind::kProvincialLine: return "> 1 × chuẩn quốc gia/national";
  }
  return "";
}

bool Holds(const Target& t, double v) {
  switch (t.kind) {
    case TargetKind::kAtLeast: return v >= t.value;
    case TargetKind::kAtMost: return t.strict ? v < t.value : v <= t.value;
    case TargetKind::kRange: return v >= t.min && v <= t.max;
    case TargetKind::kAverageReduction: return v >= t.value;
    case TargetKind::kZero: return v == 0;
    case TargetKind::kProvincialLine: return v > 1;
  }
  return false;
}

// The year a least-squares line through (year, value) first satisfies the target, from `from`
// on; nullopt when it moves away or never gets there within 50 years.
std::optional<int> TrendYear(const Target& t, const std::vector<std::pair<int, double>>& points,
                             int from) {
  if (points.size() < 2) return std::nullopt;
  double sx = 0, sy = 0, sxx = 0, sxy = 0;
  const double n = static_cast<double>(points.size());
  for (auto [x, y] : points) {
    sx += x;
    sy += y;
    sxx += static_cast<double>(x) * x;
    sxy += x * y;
  }
  const double denominator = n * sxx - sx * sx;
  if (denominator == 0) return std::nullopt;
  const double slope = (n * sxy - sx * sy) / denominator;
  const double intercept = (sy - slope * sx) / n;
  for (int y = from; y <= from + 50; ++y) {
    if (Holds(t, slope * y + intercept)) return y;
  }
  return std::nullopt;
}

// The provincial standards' lines against the national standard classifying the year: the
// smallest ratio over the lines both define (poor, near-poor; rural, urban).
std::optional<double> ProvincialLineRatio(const rules::Standard& national, int year,
                                          std::span<const rules::Standard* const> standards,
                                          bool* only_examples) {
  std::optional<double> best;
  *only_examples = false;
  for (const rules::Standard* s : standards) {
    if (s->scope != "provincial" || s->based_on != national.id || !s->InForce(year)) continue;
    if (s->example) {
      *only_examples = true;
      continue;
    }
    double ratio = 1e9;
    for (int k = 0; k < rules::kLineKinds; ++k) {
      const auto& p = s->lines[k];
      const auto& n = national.lines[k];
      if (!p || !n || n->rural == 0 || n->urban == 0) continue;
      ratio = std::min({ratio, static_cast<double>(p->rural) / static_cast<double>(n->rural),
                        static_cast<double>(p->urban) / static_cast<double>(n->urban)});
    }
    if (ratio < 1e9 && (!best || ratio > *best)) best = ratio;
  }
  if (best) *only_examples = false;
  return best;
}

}  // namespace

Result<TargetSet> TargetSet::LoadText(std::string_view text, const std::string& path,
                                      const IndicatorSet& indicators, TargetSet base) {
  TomlReader reader(text, path);
  ANSINH_ASSIGN_OR_RETURN(toml::table root, reader.Parse());
  ANSINH_RETURN_IF_ERROR(reader.OnlyKeys(root, {"target"}));
  ANSINH_ASSIGN_OR_RETURN(auto tables, reader.Tables(root, "target"));
  for (const toml::table* t : tables) {
    Target target;
    ANSINH_RETURN_IF_ERROR(ReadTarget(reader, *t, indicators, target));
    for (const Target& other : base.targets_) {
      if (other.id == target.id) {
        return reader.Error(*t->get("id"), "mã mục tiêu '" + target.id + "' bị trùng",
                            "target id '" + target.id + "' appears twice")
            .WithField("id");
      }
    }
    base.targets_.push_back(std::move(target));
  }
  return base;
}

Result<TargetSet> TargetSet::LoadDir(const std::string& dir, const IndicatorSet& indicators) {
  ANSINH_ASSIGN_OR_RETURN(auto files, rules::internal::ReadTomlFolder(dir, "mục tiêu", "targets"));
  TargetSet set;
  for (const auto& file : files) {
    ANSINH_ASSIGN_OR_RETURN(set, LoadText(file.text, file.path, indicators, std::move(set)));
  }
  return set;
}

std::vector<TargetEvaluation> EvaluateTargets(const TargetSet& targets,
                                              const IndicatorResults& results, int year,
                                              UnitIndex unit,
                                              std::span<const rules::Standard* const> standards) {
  std::vector<TargetEvaluation> out;
  for (const Target& t : targets.targets()) {
    if (year < t.first_year || year > t.last_year) continue;
    TargetEvaluation e;
    e.target = &t;
    e.year = year;
    e.target_text = TargetText(t);
    if (t.kind == TargetKind::kProvincialLine) {
      const rules::Standard* national = results.standard(year);
      bool only_examples = false;
      if (national != nullptr) {
        e.value = ProvincialLineRatio(*national, year, standards, &only_examples);
      }
      if (!e.value) {
        e.status = TargetStatus::kNoData;
        // Read by officers on the dashboard: what is missing, not where an administrator puts it.
        e.note_vi = only_examples ? "chỉ có chuẩn tỉnh mẫu (example), chưa ban hành"
                                  : "tỉnh chưa ban hành chuẩn nghèo riêng cho giai đoạn này";
        e.note_en = only_examples ? "only an example provincial standard, not adopted"
                                  : "the province has adopted no poverty standard of its own for this period";
      } else {
        e.status = Holds(t, *e.value) ? TargetStatus::kMet : TargetStatus::kOffTrack;
      }
      out.push_back(std::move(e));
      continue;
    }
    if (t.indicator_index < 0) {
      e.status = TargetStatus::kNoData;
      e.note_vi = t.no_data_vi;
      e.note_en = t.no_data_en;
      out.push_back(std::move(e));
      continue;
    }
    auto value_in = [&](int y) { return results.Value(y, t.indicator_index, unit).value; };
    if (t.kind == TargetKind::kAverageReduction) {
      std::optional<double> base = value_in(t.base_year), now = value_in(year);
      if (!base || !now || year <= t.base_year) {
        e.status = TargetStatus::kNoData;
        e.note_vi = "cần số liệu năm gốc " + std::to_string(t.base_year) + " và năm này";
        e.note_en = "needs the base year " + std::to_string(t.base_year) + " and this year";
        out.push_back(std::move(e));
        continue;
      }
      const double pace = (*base - *now) / (year - t.base_year);
      e.value = pace;
      e.status = Holds(t, pace) ? TargetStatus::kMet : TargetStatus::kOffTrack;
      // At this pace, the year the period's whole reduction is reached.
      if (pace > 0) {
        const double whole = t.value * (t.last_year - t.base_year);
        e.forecast_year = t.base_year + static_cast<int>(std::ceil(whole / pace - 1e-9));
      }
      out.push_back(std::move(e));
      continue;
    }
    e.value = value_in(year);
    if (!e.value) {
      e.status = TargetStatus::kNoData;
      e.note_vi = "chưa có giá trị của chỉ tiêu " + t.indicator + " năm này";
      e.note_en = "no value of " + t.indicator + " in this year";
      out.push_back(std::move(e));
      continue;
    }
    if (Holds(t, *e.value)) {
      e.status = TargetStatus::kMet;
      e.forecast_year = year;
    } else {
      std::vector<std::pair<int, double>> points;
      for (int y = t.first_year - 1; y <= year; ++y) {
        if (auto v = value_in(y)) points.emplace_back(y, *v);
      }
      e.forecast_year = TrendYear(t, points, year + 1);
      e.status = e.forecast_year && *e.forecast_year <= t.last_year ? TargetStatus::kOnTrack
                                                                   : TargetStatus::kOffTrack;
    }
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace ansinh::analytics
