#include "synth/model.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>

#include "io/csv_reader.h"
#include "synth/gso.h"

namespace ansinh::synth {
namespace {

Status ParseError(const std::string& file, const std::string& what) {
  return Status::Error(ErrorCode::kParseError, "dữ liệu mô hình sai (" + file + "): " + what,
                       "bad generator data (" + file + "): " + what);
}

Result<double> ToDouble(std::string_view text, const std::string& file) {
  double v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size()) {
    return ParseError(file, "not a number: \"" + std::string(text) + "\"");
  }
  return v;
}

int GroupIndex(std::string_view group) {
  if (group == "khmer") return static_cast<int>(NameGroup::kKhmer);
  if (group == "hoa") return static_cast<int>(NameGroup::kHoa);
  return static_cast<int>(NameGroup::kViet);
}

// "Hoàng|Huỳnh": the northern spelling, then the southern one.
std::string RegionalSpelling(std::string_view name, bool south) {
  const auto bar = name.find('|');
  if (bar == std::string_view::npos) return std::string(name);
  return std::string(south ? name.substr(bar + 1) : name.substr(0, bar));
}

Status LoadNames(const std::string& dir, bool south, NameTables& names) {
  ANSINH_RETURN_IF_ERROR(io::ReadCsvFile(
      dir + "/family_names.csv", {"group", "name", "weight"}, [&](const io::CsvRow& row) {
        ANSINH_ASSIGN_OR_RETURN(double w, ToDouble(row.Get("weight"), "family_names.csv"));
        names.family[GroupIndex(row.Get("group"))].push_back(
            {RegionalSpelling(row.Get("name"), south), w});
        return Status::Ok();
      }));
  for (const char* file : {"middle_names.csv", "given_names.csv"}) {
    const bool middle = std::string_view(file) == "middle_names.csv";
    ANSINH_RETURN_IF_ERROR(io::ReadCsvFile(
        dir + "/" + file, {"group", "sex", "name", "weight"}, [&](const io::CsvRow& row) {
          ANSINH_ASSIGN_OR_RETURN(double w, ToDouble(row.Get("weight"), file));
          const int g = GroupIndex(row.Get("group"));
          const int s = row.Get("sex") == "F" ? 1 : 0;
          (middle ? names.middle : names.given)[g][s].push_back({std::string(row.Get("name")), w});
          return Status::Ok();
        }));
  }
  // Hoa given names follow the Kinh list (most Hoa in Viet Nam use Sino-Vietnamese given names).
  names.given[static_cast<int>(NameGroup::kHoa)] = names.given[0];
  for (const auto& g : names.family) {
    if (g.empty()) return ParseError("family_names.csv", "a name group is empty");
  }
  return Status::Ok();
}

// Tilts a distribution of household sizes (index 0 = 1 member) exponentially, w_k e^(theta k),
// to the mean `target`: the least change of shape (in relative entropy) that moves the mean.
void TiltToMean(std::vector<double>& weights, double target) {
  auto mean_at = [&](double theta) {
    double n = 0, sum = 0;
    for (std::size_t k = 0; k < weights.size(); ++k) {
      const double w = weights[k] * std::exp(theta * static_cast<double>(k));
      n += w;
      sum += w * static_cast<double>(k + 1);
    }
    return sum / n;
  };
  double lo = -3, hi = 3;  // the mean rises with theta
  for (int i = 0; i < 100; ++i) {
    const double mid = (lo + hi) / 2;
    (mean_at(mid) < target ? lo : hi) = mid;
  }
  const double theta = (lo + hi) / 2;
  for (std::size_t k = 0; k < weights.size(); ++k) {
    weights[k] *= std::exp(theta * static_cast<double>(k));
  }
}

Status LoadProvinceRow(const std::string& dir, const std::string& code, ProvinceModel& p) {
  ANSINH_RETURN_IF_ERROR(io::ReadCsvFile(
      dir + "/provinces.csv", {"province_code", "gso_name", "region", "households_2010"},
      [&](const io::CsvRow& row) {
        if (row.Get("province_code") != code) return Status::Ok();
        p.code = code;
        p.gso_name = row.Get("gso_name");
        p.region = row.Get("region");
        if (!row.Get("households_2010").empty()) {
          ANSINH_ASSIGN_OR_RETURN(double h, ToDouble(row.Get("households_2010"), "provinces.csv"));
          p.households_2010 = static_cast<std::int64_t>(h);
        }
        return Status::Ok();
      }));
  if (p.code.empty()) {
    return Status::NotFound("province", code, "không có tỉnh này trong data/synth/provinces.csv",
                            "no such province in data/synth/provinces.csv");
  }
  double mean_size = 3.8;
  ANSINH_RETURN_IF_ERROR(io::ReadCsvFile(
      dir + "/regions.csv", {"region", "gso_name", "mean_household_size", "hamlet_rural"},
      [&](const io::CsvRow& row) {
        if (row.Get("region") != p.region) return Status::Ok();
        p.region_gso_name = row.Get("gso_name");
        p.hamlet_rural = row.Get("hamlet_rural");
        p.hamlet_urban = row.Get("hamlet_urban");
        ANSINH_ASSIGN_OR_RETURN(mean_size, ToDouble(row.Get("mean_household_size"), "regions"));
        return Status::Ok();
      }));
  p.south = p.region == "SE" || p.region == "MRD";
  ANSINH_ASSIGN_OR_RETURN(GsoTable pop,
                          GsoTable::Read(dir + "/gso/average_population_by_province.csv"));
  const auto total = pop.Get(p.gso_name, "Total 2010");
  const auto urban = pop.Get(p.gso_name, "Urban 2010");
  if (!total || !urban || *total <= 0) {
    return ParseError("gso/average_population_by_province.csv", "no 2010 row for " + p.gso_name);
  }
  p.urban_share_2010 = *urban / *total;
  const bool own_count = p.households_2010 > 0;
  if (!own_count) {
    p.households_2010 = static_cast<std::int64_t>(std::llround(*total * 1000 / mean_size));
  }
  ANSINH_RETURN_IF_ERROR(io::ReadCsvFile(
      dir + "/household_size.csv", {"region", "size", "weight"}, [&](const io::CsvRow& row) {
        if (row.Get("region") != p.region) return Status::Ok();
        ANSINH_ASSIGN_OR_RETURN(double w, ToDouble(row.Get("weight"), "size"));
        p.size_weights.push_back(w);
        return Status::Ok();
      }));
  // A province with its own household count (provinces.csv) gets the mean size that count and
  // GSO's 2010 population imply, so that it has its real number of people too (Cà Mau:
  // 1,208,500 / 281,252 = 4.30, against the delta's 3.9).
  if (own_count && !p.size_weights.empty()) {
    TiltToMean(p.size_weights, *total * 1000 / static_cast<double>(p.households_2010));
  }
  return Status::Ok();
}

Status LoadEthnicity(const std::string& dir, ProvinceModel& p) {
  std::vector<EthnicShare> own, fallback;
  auto add = [](std::vector<EthnicShare>& to, const io::CsvRow& row) -> Status {
    ANSINH_ASSIGN_OR_RETURN(double pct, ToDouble(row.Get("share_pct"), "ethnicity"));
    to.push_back({std::string(row.Get("ethnicity")), pct / 100});
    return Status::Ok();
  };
  ANSINH_RETURN_IF_ERROR(io::ReadCsvFile(dir + "/ethnicity_by_province.csv",
                                         {"province_code", "ethnicity", "share_pct"},
                                         [&](const io::CsvRow& row) {
                                           if (row.Get("province_code") == p.code)
                                             return add(own, row);
                                           if (row.Get("province_code") == "*")
                                             return add(fallback, row);
                                           return Status::Ok();
                                         }));
  if (own.empty()) {
    ANSINH_RETURN_IF_ERROR(
        io::ReadCsvFile(dir + "/ethnicity_by_region.csv", {"region", "ethnicity", "share_pct"},
                        [&](const io::CsvRow& row) {
                          return row.Get("region") == p.region ? add(fallback, row) : Status::Ok();
                        }));
  }
  p.ethnic = own.empty() ? fallback : own;
  return Status::Ok();
}

Status LoadIncome(const std::string& dir, ProvinceModel& p) {
  const std::string file = "income_knots.csv";
  ANSINH_RETURN_IF_ERROR(
      io::ReadCsvFile(dir + "/" + file, {"province_code", "year", "knot", "z", "log_income"},
                      [&](const io::CsvRow& row) {
                        if (row.Get("province_code") != p.code) return Status::Ok();
                        ANSINH_ASSIGN_OR_RETURN(double year, ToDouble(row.Get("year"), file));
                        ANSINH_ASSIGN_OR_RETURN(double z, ToDouble(row.Get("z"), file));
                        ANSINH_ASSIGN_OR_RETURN(double v, ToDouble(row.Get("log_income"), file));
                        if (p.income.empty() || p.income.back().year != static_cast<int>(year)) {
                          p.income.push_back({static_cast<int>(year), {}, {}});
                        }
                        IncomeCurve& c = p.income.back();
                        if (!c.z.empty() && z <= c.z.back())
                          return ParseError(file, "knots not ascending");
                        c.z.push_back(z);
                        c.log_income.push_back(v);
                        return Status::Ok();
                      }));
  for (const IncomeCurve& c : p.income) {
    if (c.z.size() < 2) return ParseError(file, "a curve needs two knots or more");
  }
  return Status::Ok();
}

}  // namespace

Status LoadModelTables(const std::string& dir, const std::string& code, bool need_income,
                       Model& model) {
  ANSINH_RETURN_IF_ERROR(LoadProvinceRow(dir, code, model.province));
  ANSINH_RETURN_IF_ERROR(LoadEthnicity(dir, model.province));
  ANSINH_RETURN_IF_ERROR(LoadNames(dir, model.province.south, model.names));
  ANSINH_RETURN_IF_ERROR(
      io::ReadCsvFile(dir + "/hamlet_words.csv", {"word"}, [&](const io::CsvRow& row) {
        model.hamlet_words.emplace_back(row.Get("word"));
        return Status::Ok();
      }));
  ANSINH_RETURN_IF_ERROR(
      io::ReadCsvFile(dir + "/provinces.csv", {"province_code"}, [&](const io::CsvRow& row) {
        model.province_codes.emplace_back(row.Get("province_code"));
        return Status::Ok();
      }));
  if (std::filesystem::exists(dir + "/income_knots.csv")) {
    ANSINH_RETURN_IF_ERROR(LoadIncome(dir, model.province));
  }
  if (std::filesystem::exists(dir + "/conditions_shift.csv")) {
    const std::string file = "conditions_shift.csv";
    ANSINH_RETURN_IF_ERROR(io::ReadCsvFile(
        dir + "/" + file, {"province_code", "shift"}, [&](const io::CsvRow& row) {
          if (row.Get("province_code") != code) return Status::Ok();
          ANSINH_ASSIGN_OR_RETURN(model.province.conditions_shift, ToDouble(row.Get("shift"), file));
          return Status::Ok();
        }));
  }
  if (need_income && model.province.income.empty()) {
    return Status::Error(ErrorCode::kFailedPrecondition,
                         "chưa có đường thu nhập đã hiệu chỉnh cho tỉnh " + code,
                         "no fitted income curve for province " + code +
                             " in data/synth/income_knots.csv (run scripts/fit-synth)");
  }
  return Status::Ok();
}

Result<std::vector<std::string>> ListProvinces(const std::string& home) {
  std::vector<std::string> codes;
  ANSINH_RETURN_IF_ERROR(io::ReadCsvFile(home + "/data/synth/provinces.csv", {"province_code"},
                                         [&](const io::CsvRow& row) {
                                           codes.emplace_back(row.Get("province_code"));
                                           return Status::Ok();
                                         }));
  return codes;
}

double LogIncomeAt(const ProvinceModel& p, double growth_after, double growth_before, int year,
                   double z) {
  const IncomeCurve* curve = &p.income.front();
  double shift = 0;
  if (year < p.income.front().year) {
    shift = -growth_before * (p.income.front().year - year);
  } else if (year > p.income.back().year) {
    curve = &p.income.back();
    shift = growth_after * (year - curve->year);
  } else {
    for (const auto& c : p.income) {
      if (c.year == year) curve = &c;
    }
  }
  const auto& zs = curve->z;
  const auto& ys = curve->log_income;
  const auto it = std::upper_bound(zs.begin(), zs.end(), z);
  std::size_t i = it == zs.begin() ? 0 : static_cast<std::size_t>(it - zs.begin()) - 1;
  i = std::min(i, zs.size() - 2);
  const double t = (z - zs[i]) / (zs[i + 1] - zs[i]);
  return shift + ys[i] + t * (ys[i + 1] - ys[i]);
}

}  // namespace ansinh::synth
