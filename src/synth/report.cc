#include "synth/report.h"

#include <algorithm>
#include <cstdio>

#include "rules/classify.h"
#include "rules/frame_builder.h"
#include "rules/standard.h"
#include "synth/gso.h"
#include "synth/living.h"
#include "synth/model.h"

namespace ansinh::synth {
namespace {

std::optional<double> GsoPoverty(const GsoTable& t, const std::string& name, int year) {
  if (year == 2011) {
    const auto a = t.Get(name, "2010"), b = t.Get(name, "2012");
    if (a && b) return (*a + *b) / 2;
    return std::nullopt;
  }
  if (year > 2015) return std::nullopt;  // 2016 on: the multidimensional standard
  return t.Get(name, std::to_string(year));
}

}  // namespace

Result<double> MultidimensionalTarget2016(const std::string& home,
                                          const std::string& province_code) {
  ANSINH_ASSIGN_OR_RETURN(Model model, LoadModel(home, province_code, false));
  ANSINH_ASSIGN_OR_RETURN(GsoTable poverty,
                          GsoTable::Read(home + "/data/synth/gso/poverty_rate_by_province.csv"));
  auto rate = poverty.Get(model.province.gso_name, "2016");
  if (!rate) rate = poverty.Get(model.province.region_gso_name, "2016");
  const auto national = poverty.Get("WHOLE COUNTRY", "2016");
  if (!rate || !national || *national <= 0) {
    return Status::NotFound("province", province_code, "không có tỷ lệ nghèo 2016 của GSO",
                            "no GSO 2016 poverty rate");
  }
  return *rate * kMultidimensionalNational2016 / *national;
}

namespace {

std::optional<std::array<double, 5>> GsoQuintiles(const GsoTable& t, const std::string& name,
                                                  int year) {
  std::array<double, 5> out{};
  for (int q = 0; q < 5; ++q) {
    const auto v = t.Get(name, std::to_string(year) + " Quintile " + std::to_string(q + 1));
    if (!v) return std::nullopt;
    out[q] = *v;
  }
  return out;
}

std::optional<double> GsoRural(const GsoTable& t, const std::string& name, int year) {
  const std::string y = std::to_string(std::min(year, 2016));
  const auto rural = t.Get(name, "Rural " + y), total = t.Get(name, "Total " + y);
  if (!rural || !total || *total <= 0) return std::nullopt;
  return 100 * *rural / *total;
}

std::string Num(std::optional<double> v, const char* fmt) {
  if (!v) return "-";
  char buf[32];
  std::snprintf(buf, sizeof buf, fmt, *v);
  return buf;
}

}  // namespace

ReportSink::ReportSink() = default;
ReportSink::~ReportSink() = default;

Status ReportSink::ClassifyFrom(const std::string& home) {
  ANSINH_ASSIGN_OR_RETURN(standards_, rules::StandardRegistry::Create(home));
  return standards_->LoadAll();
}

// Rows of a batch come household by household, years ascending, each household year followed
// by its members' person years (synth.h).
Status ReportSink::Classify(const Batch& batch) {
  std::map<int, std::vector<rules::HouseholdRecord>> by_year;
  std::size_t person = 0, person_year = 0;
  for (const HouseholdYear& y : batch.household_years) {
    while (person < batch.persons.size() && batch.persons[person].household_id < y.household_id) {
      ++person;
    }
    std::size_t end = person;
    while (end < batch.persons.size() && batch.persons[end].household_id == y.household_id) ++end;
    if (y.year < 2016) {
      person_year += end - person;
      continue;
    }
    rules::HouseholdRecord r;
    r.survey = y;
    r.urban = batch.commune.urban;
    for (std::size_t k = person; k < end; ++k) {
      r.members.push_back({batch.persons[k], batch.person_years[person_year++]});
    }
    by_year[y.year].push_back(std::move(r));
  }
  for (const auto& [year, records] : by_year) {
    ANSINH_ASSIGN_OR_RETURN(const rules::Standard* standard, standards_->NationalInForce(year));
    ANSINH_ASSIGN_OR_RETURN(rules::Frame frame, rules::BuildFrame(standards_->catalogue(), records));
    ANSINH_ASSIGN_OR_RETURN(rules::ClassifyResult result, rules::Classify(*standard, frame));
    Classified& c = classified_[batch.province_code][year];
    c.standard_id = standard->id;
    for (Category category : result.category) {
      ++c.households;
      c.poor += category == Category::kPoor;
      c.near_poor += category == Category::kNearPoor;
    }
  }
  return Status::Ok();
}

Status ReportSink::Consume(const Batch& batch) {
  if (standards_) ANSINH_RETURN_IF_ERROR(Classify(batch));
  auto& by_year = rows_[batch.province_code];
  // Members per household (household ids are dense within a batch).
  std::vector<std::int32_t> members(batch.households.size(), 0);
  const std::int64_t first_id = batch.households.empty() ? 0 : batch.households.front().id;
  for (const Person& p : batch.persons)
    ++members[static_cast<std::size_t>(p.household_id - first_id)];
  const bool urban = batch.commune.urban;
  for (const HouseholdYear& y : batch.household_years) {
    const std::int32_t n = members[static_cast<std::size_t>(y.household_id - first_id)];
    const std::int64_t line = IncomeLineVnd(y.year, urban);
    const bool poor = y.income_month <= line * n;
    const bool band = !poor && y.income_month <= NearPoorLineVnd(y.year, urban) * n;
    by_year[y.year].push_back(
        {static_cast<double>(y.income_month) / 1000.0 / n, n, poor, band, urban});
  }
  return Status::Ok();
}

std::array<double, 5> PersonQuintileMeans(std::vector<std::pair<double, int>> v) {
  std::sort(v.begin(), v.end());
  double total = 0;
  for (const auto& [pc, n] : v) total += n;
  std::array<double, 5> sum{}, weight{};
  double before = 0;  // persons ranked below this household
  for (const auto& [pc, n] : v) {
    // Spread the household's members over the quintiles its span of ranks covers.
    double lo = before, hi = before + n;
    for (int q = 0; q < 5 && lo < hi; ++q) {
      const double q_hi = total * (q + 1) / 5;
      if (lo >= q_hi) continue;
      const double part = std::min(hi, q_hi) - lo;
      sum[q] += part * pc;
      weight[q] += part;
      lo += part;
    }
    before = hi;
  }
  std::array<double, 5> out{};
  for (int q = 0; q < 5; ++q) out[q] = weight[q] > 0 ? sum[q] / weight[q] : 0;
  return out;
}

Result<std::vector<Report>> ReportSink::Compute(const std::string& home) const {
  const std::string dir = home + "/data/synth/gso/";
  ANSINH_ASSIGN_OR_RETURN(GsoTable poverty, GsoTable::Read(dir + "poverty_rate_by_province.csv"));
  ANSINH_ASSIGN_OR_RETURN(GsoTable income,
                          GsoTable::Read(dir + "income_per_capita_by_quintile_and_province.csv"));
  ANSINH_ASSIGN_OR_RETURN(GsoTable population,
                          GsoTable::Read(dir + "average_population_by_province.csv"));
  std::vector<Report> reports;
  for (const auto& [code, by_year] : rows_) {
    ANSINH_ASSIGN_OR_RETURN(Model model, LoadModel(home, code, false));
    Report r{code, model.province.gso_name, {}};
    for (const auto& [year, rows] : by_year) {
      YearFigures f;
      f.year = year;
      std::int64_t poor = 0, band = 0, rural_persons = 0;
      std::vector<std::pair<double, int>> pcs;
      pcs.reserve(rows.size());
      for (const Row& row : rows) {
        ++f.households;
        f.persons += row.members;
        poor += row.poor ? 1 : 0;
        band += row.near_poor_band ? 1 : 0;
        rural_persons += row.urban ? 0 : row.members;
        pcs.push_back({row.income_pc, row.members});
      }
      f.poor_rate = f.households > 0 ? 100.0 * poor / f.households : 0;
      f.near_poor_band_rate = f.households > 0 ? 100.0 * band / f.households : 0;
      f.rural_share = f.persons > 0 ? 100.0 * rural_persons / f.persons : 0;
      f.quintile_means = PersonQuintileMeans(std::move(pcs));
      f.gso_poor_rate = GsoPoverty(poverty, r.gso_name, year);
      f.gso_quintile_means = GsoQuintiles(income, r.gso_name, year);
      f.gso_rural_share = GsoRural(population, r.gso_name, year);
      const auto province = classified_.find(code);
      if (province != classified_.end()) {
        const auto c = province->second.find(year);
        if (c != province->second.end() && c->second.households > 0) {
          const double n = static_cast<double>(c->second.households);
          f.standard_id = c->second.standard_id;
          f.standard_poor_rate = 100.0 * static_cast<double>(c->second.poor) / n;
          f.standard_near_poor_rate = 100.0 * static_cast<double>(c->second.near_poor) / n;
        }
      }
      r.years.push_back(f);
    }
    reports.push_back(std::move(r));
  }
  return reports;
}

std::string FormatReport(const Report& r) {
  std::string out = "Tỉnh / province " + r.province_code + " (" + r.gso_name +
                    "): generated vs GSO (in parentheses)\n"
                    "year  households  persons   poor% (GSO)  near-poor%  rural% (GSO)   "
                    "quintile means, thousand VND/person/month (GSO)\n";
  for (const YearFigures& f : r.years) {
    char head[160];
    std::snprintf(head, sizeof head, "%d  %10lld  %8lld  %5.2f (%5s)  %5.2f       %5.1f (%5s)  ",
                  f.year, static_cast<long long>(f.households), static_cast<long long>(f.persons),
                  f.poor_rate, Num(f.gso_poor_rate, "%.2f").c_str(), f.near_poor_band_rate,
                  f.rural_share, Num(f.gso_rural_share, "%.1f").c_str());
    out += head;
    for (int q = 0; q < 5; ++q) {
      const auto gso =
          f.gso_quintile_means ? std::optional<double>((*f.gso_quintile_means)[q]) : std::nullopt;
      char cell[48];
      std::snprintf(cell, sizeof cell, "%s%.0f (%s)", q ? "  " : "", f.quintile_means[q],
                    Num(gso, "%.0f").c_str());
      out += cell;
    }
    if (f.standard_poor_rate) {
      char cell[128];
      std::snprintf(cell, sizeof cell, "  [%s: poor %.2f%%, near-poor %.2f%%]", f.standard_id.c_str(),
                    *f.standard_poor_rate, f.standard_near_poor_rate.value_or(0));
      out += cell;
    }
    out += f.year >= 2016
               ? "  [poor%, near-poor%: income only, QĐ 59/2015 lines (near-poor%: between the "
                 "two, where deprivations decide)]\n"
               : "\n";
  }
  return out;
}

}  // namespace ansinh::synth
