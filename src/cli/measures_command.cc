// ansinh measures --input FILE.csv --income COL [--weight COL] [--where COL=VALUE]...
//                 [--line Z | --relative-line 0.6*median] [--poor-if le|lt] [--format table|json]
// Poverty and inequality measures of any survey file, for analysts: no database. The file is read
// through io's CSV reader, cleaned as analytics::Sample says (missing and negative incomes are
// dropped and counted), and measured by analytics::Measure; formulas and conventions are in
// docs/measures.md.
#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>
#include <memory>
#include <nlohmann/json.hpp>
#include <ostream>
#include <utility>
#include <vector>

#include "analytics/measures.h"
#include "cli/cli.h"
#include "io/csv_reader.h"

namespace ansinh::cli {
namespace measures_command {

using Json = nlohmann::ordered_json;

struct MeasuresOptions {
  std::string input, income, weight, line, relative_line, poor_if = "le", format = "table";
  std::vector<std::string> where;
};

struct Filter {
  std::string column, value;
};

// What was read: the cleaned sample and the rows --where left out.
struct ReadResult {
  analytics::Sample sample;
  std::int64_t excluded = 0;
};

Result<std::vector<Filter>> ParseFilters(const std::vector<std::string>& where) {
  std::vector<Filter> filters;
  for (const std::string& w : where) {
    const auto eq = w.find('=');
    if (eq == std::string::npos || eq == 0) {
      return Status::Invalid("where", w, "viết dạng CỘT=GIÁ_TRỊ", "write it as COLUMN=VALUE");
    }
    filters.push_back({w.substr(0, eq), w.substr(eq + 1)});
  }
  return filters;
}

// A number of the file: NaN when the cell is missing (empty, NA, or Stata's "."); an error naming
// the column and the value when it is not a finite number.
Result<double> ParseNumber(std::string_view text, const std::string& column) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text.empty() || text == "NA" || text == ".") return std::numeric_limits<double>::quiet_NaN();
  double x = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), x);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(x)) {
    return Status::Invalid(column, std::string(text),
                           "không phải là số (dấu chấm thập phân, không phân cách hàng nghìn)",
                           "not a number (use a decimal point and no thousands separator)");
  }
  return x;
}

Result<ReadResult> ReadSample(const MeasuresOptions& o, const std::vector<Filter>& filters) {
  std::vector<std::string> required = {o.income};
  if (!o.weight.empty()) required.push_back(o.weight);
  for (const Filter& f : filters) required.push_back(f.column);
  ReadResult read;
  Status s = io::ReadCsvFile(o.input, required, [&](const io::CsvRow& row) -> Status {
    for (const Filter& f : filters) {
      if (row.Get(f.column) != f.value) {
        ++read.excluded;
        return Status::Ok();
      }
    }
    ANSINH_ASSIGN_OR_RETURN(double y, ParseNumber(row.Get(o.income), o.income));
    double w = 1;
    if (!o.weight.empty()) {
      ANSINH_ASSIGN_OR_RETURN(w, ParseNumber(row.Get(o.weight), o.weight));
      if (w < 0) {
        return Status::Invalid(o.weight, std::string(row.Get(o.weight)), "trọng số phải ≥ 0",
                               "a weight must be ≥ 0");
      }
    }
    return read.sample.Add(y, w);  // finite, and w ≥ 0: it only drops and counts
  });
  if (!s.ok()) return s;
  if (read.sample.income.empty()) {
    return Status::Invalid("income", o.income,
                           "không còn dòng nào có thu nhập để tính (" +
                               std::to_string(read.sample.rows) + " dòng sau --where)",
                           "no row with an income is left to measure (" +
                               std::to_string(read.sample.rows) + " rows after --where)");
  }
  return read;
}

Result<std::optional<double>> ChooseLine(const MeasuresOptions& o, const analytics::Sample& s) {
  if (!o.line.empty()) {
    ANSINH_ASSIGN_OR_RETURN(double line, ParseNumber(o.line, "line"));
    if (!(line > 0)) {
      return Status::Invalid("line", o.line, "đường nghèo phải là số dương",
                             "the poverty line must be a positive number");
    }
    return std::optional<double>(line);
  }
  if (o.relative_line.empty()) return std::optional<double>();
  ANSINH_ASSIGN_OR_RETURN(analytics::RelativeLineSpec spec,
                          analytics::ParseRelativeLine(o.relative_line));
  ANSINH_ASSIGN_OR_RETURN(double line, analytics::RelativeLine(s.income, s.weight, spec));
  return std::optional<double>(line);
}

struct Row {
  const char* key;
  const char* name;  // Vietnamese / English
  const analytics::Estimate* estimate;
};

std::vector<Row> Rows(const analytics::PovertyMeasures& m) {
  std::vector<Row> rows;
  if (m.line) {
    rows = {{"fgt0", "Tỷ lệ nghèo / headcount ratio", &m.fgt0},
            {"fgt1", "Chỉ số khoảng cách nghèo / poverty gap index", &m.fgt1},
            {"fgt2", "Chỉ số mức độ nghèo / poverty severity (squared gap)", &m.fgt2},
            {"watts", "Chỉ số Watts / Watts index", &m.watts},
            {"sen", "Chỉ số Sen / Sen index", &m.sen},
            {"sst", "Chỉ số Sen–Shorrocks–Thon / Sen–Shorrocks–Thon index", &m.sst}};
  }
  rows.push_back({"gini", "Hệ số Gini / Gini coefficient", &m.gini});
  rows.push_back({"theil_l", "Theil L (độ lệch log trung bình) / Theil L (mean log deviation)",
                  &m.theil_l});
  rows.push_back({"theil_t", "Theil T / Theil T", &m.theil_t});
  return rows;
}

// Notes on values that follow a convention (zero incomes) or are undefined, by measure key.
std::vector<std::pair<std::string, std::pair<std::string, std::string>>> Notes(
    const analytics::PovertyMeasures& m) {
  std::vector<std::pair<std::string, std::pair<std::string, std::string>>> notes;
  const std::string zeros = std::to_string(m.zero_incomes);
  for (const Row& r : Rows(m)) {
    const analytics::Estimate& e = *r.estimate;
    if (!e.value) {
      notes.push_back({r.key, {e.why_vi, e.why_en}});
    } else if (m.zero_incomes > 0 && std::string_view(r.key) == "watts") {
      notes.push_back({r.key,
                       {zeros + " thu nhập bằng 0 không cộng vào tổng Watts (quy ước PIP)",
                        zeros + " zero incomes add nothing to the Watts sum (PIP's convention)"}});
    } else if (m.zero_incomes > 0 && std::string_view(r.key) == "theil_l") {
      notes.push_back({r.key,
                       {zeros + " thu nhập bằng 0 được tính là 1 trong logarit (quy ước PIP)",
                        zeros + " zero incomes enter the log as 1 (PIP's convention)"}});
    }
  }
  return notes;
}

std::string Number(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", x);
  return buf;
}

std::string LineRule(const MeasuresOptions& o) {
  return o.line.empty() ? o.relative_line : "given";
}

Json ToJson(const MeasuresOptions& o, const ReadResult& read, const analytics::PovertyMeasures& m) {
  const analytics::Sample& s = read.sample;
  Json out;
  out["input"] = o.input;
  out["income"] = o.income;
  out["weight"] = o.weight.empty() ? Json() : Json(o.weight);
  out["rows"] = Json{{"read", s.rows + read.excluded},
                     {"excluded_by_where", read.excluded},
                     {"missing_income", s.missing_income},
                     {"missing_weight", s.missing_weight},
                     {"negative_income", s.negative_income},
                     {"used", m.observations}};
  out["weight_total"] = m.weight_total;
  out["mean"] = m.mean;
  out["zero_incomes"] = m.zero_incomes;
  out["line"] = m.line ? Json(*m.line) : Json();
  out["line_rule"] = m.line ? Json(LineRule(o)) : Json();
  out["poor_if"] = std::string(analytics::PoorIfName(m.poor_if));
  for (const Row& r : Rows(m)) {
    out[r.key] = r.estimate->value ? Json(*r.estimate->value) : Json();
  }
  Json notes = Json::object();
  for (const auto& [key, text] : Notes(m)) notes[key] = Json{{"vi", text.first}, {"en", text.second}};
  out["notes"] = notes;
  return out;
}

void PrintTable(std::ostream& out, const MeasuresOptions& o, const ReadResult& read,
                const analytics::PovertyMeasures& m) {
  const analytics::Sample& s = read.sample;
  out << "Tệp / file: " << o.input << ", thu nhập / income: " << o.income
      << ", trọng số / weight: " << (o.weight.empty() ? "-" : o.weight) << "\n";
  out << "Dòng / rows: " << s.rows + read.excluded << " đọc / read, " << m.observations
      << " dùng / used; loại / dropped: " << read.excluded << " --where, " << s.missing_income
      << " thiếu thu nhập / missing income, " << s.missing_weight
      << " thiếu trọng số / missing weight, " << s.negative_income
      << " thu nhập âm / negative income\n";
  out << "Tổng trọng số / total weight: " << Number(m.weight_total)
      << ", bình quân / mean: " << Number(m.mean) << ", thu nhập bằng 0 / zero incomes: "
      << m.zero_incomes << "\n";
  if (m.line) {
    out << "Đường nghèo / line: " << Number(*m.line) << " (" << LineRule(o)
        << "), nghèo nếu / poor if: y " << (m.poor_if == analytics::PoorIf::kBelow ? "<" : "<=")
        << " z\n";
  } else {
    out << "Không có đường nghèo: chỉ đo bất bình đẳng / no line: inequality measures only\n";
  }
  for (const Row& r : Rows(m)) {
    std::string key = r.key;
    std::string value = r.estimate->value ? Number(*r.estimate->value) : "-";
    key.resize(9, ' ');
    value.resize(14, ' ');
    out << "  " << key << value << r.name << "\n";
  }
  for (const auto& [key, text] : Notes(m)) {
    out << "  * " << key << ": " << text.first << " / " << text.second << "\n";
  }
}

Status RunMeasures(CliContext& ctx, const MeasuresOptions& o) {
  ANSINH_ASSIGN_OR_RETURN(std::vector<Filter> filters, ParseFilters(o.where));
  ANSINH_ASSIGN_OR_RETURN(ReadResult read, ReadSample(o, filters));
  ANSINH_ASSIGN_OR_RETURN(std::optional<double> line, ChooseLine(o, read.sample));
  const analytics::PoorIf poor_if =
      o.poor_if == "lt" ? analytics::PoorIf::kBelow : analytics::PoorIf::kAtOrBelow;
  ANSINH_ASSIGN_OR_RETURN(
      analytics::PovertyMeasures m,
      analytics::Measure(read.sample.income, read.sample.weight, line, poor_if));
  if (o.format == "json") {
    *ctx.out << ToJson(o, read, m).dump(2) << "\n";
  } else {
    PrintTable(*ctx.out, o, read, m);
  }
  return Status::Ok();
}

}  // namespace measures_command

void RegisterMeasuresCommand(CLI::App& app, CliContext& ctx) {
  using measures_command::MeasuresOptions;
  auto o = std::make_shared<MeasuresOptions>();
  CLI::App* cmd = app.add_subcommand(
      "measures",
      "Chỉ số nghèo và bất bình đẳng của một tệp khảo sát (FGT, Watts, Sen, SST, Gini, Theil) / "
      "poverty and inequality measures of a survey file");
  cmd->add_option("--input", o->input, "Tệp CSV, một dòng một quan sát / CSV file, one row an "
                                       "observation")
      ->required();
  cmd->add_option("--income", o->income, "Cột thu nhập (hoặc chi tiêu) / income (or consumption) "
                                         "column")
      ->required();
  cmd->add_option("--weight", o->weight,
                  "Cột trọng số (mặc định mỗi dòng 1) / weight column (default 1 per row)");
  cmd->add_option("--where", o->where,
                  "Chỉ lấy dòng có CỘT=GIÁ_TRỊ (lặp lại được) / keep rows with COLUMN=VALUE "
                  "(repeatable)");
  CLI::Option* line = cmd->add_option("--line", o->line, "Đường nghèo z / poverty line z");
  CLI::Option* relative = cmd->add_option(
      "--relative-line", o->relative_line,
      "Đường nghèo tương đối, ví dụ 0.6*median hoặc 0.5*mean / relative line, e.g. "
      "0.6*median or 0.5*mean");
  line->excludes(relative);
  cmd->add_option("--poor-if", o->poor_if,
                  "le: nghèo nếu y <= z (chuẩn Việt Nam); lt: y < z (Stata, PIP) / le: poor if "
                  "y <= z (Vietnam's standards); lt: y < z (Stata, PIP)")
      ->check(CLI::IsMember({"le", "lt"}))
      ->capture_default_str();
  cmd->add_option("--format", o->format, "table hoặc json / table or json")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();
  cmd->callback([&ctx, o] {
    Status s = measures_command::RunMeasures(ctx, *o);
    if (!s.ok()) ReportError(ctx, s);
  });
}

}  // namespace ansinh::cli
