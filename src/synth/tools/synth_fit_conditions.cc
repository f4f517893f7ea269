// synth_fit_conditions: fits each province's conditions_shift (data/synth/conditions_shift.csv)
// so that its 2016 household poverty rate under vn-2016-2020, as the rules engine classifies the
// generated households, is MultidimensionalTarget2016 (synth/report.h). Run it after
// scripts/fit-synth, whose 2016 income curve makes most of that rate poor by income alone; the
// shift moves the deprivations that make up the rest. The rate rises as the shift falls, so
// the shift is found by bisection on [kLowest, kHighest] (a province whose target lies beyond
// stays at the bound; the log says so). The range is wider upwards: in rich provinces the
// deprivations the shift does not move (schooling, adult education) already add a few points.
// Usage: synth_fit_conditions HOME [PROVINCES,...] [HOUSEHOLDS]
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "synth/model.h"
#include "synth/report.h"
#include "synth/synth.h"

namespace {

using namespace ansinh;
using namespace ansinh::synth;

constexpr double kLowest = -1.5, kHighest = 3.5;

Result<double> Rate2016(const std::string& home, const std::string& code,
                        std::int64_t households, double shift) {
  GenerateOptions o;
  o.home = home;
  o.province_code = code;
  o.households = households;
  o.first_year = o.last_year = 2016;
  o.conditions_shift = shift;
  ReportSink sink;
  ANSINH_RETURN_IF_ERROR(sink.ClassifyFrom(home));
  ANSINH_RETURN_IF_ERROR(Generate(o, sink));
  ANSINH_ASSIGN_OR_RETURN(auto reports, sink.Compute(home));
  return reports.at(0).years.at(0).standard_poor_rate.value_or(0);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: synth_fit_conditions HOME [PROVINCES,...] [HOUSEHOLDS]\n");
    return 2;
  }
  const std::string home = argv[1];
  const std::string only = argc > 2 ? argv[2] : "";
  const std::int64_t households = argc > 3 ? std::atoll(argv[3]) : 8000;
  const std::string path = home + "/data/synth/conditions_shift.csv";
  std::map<std::string, std::string> shifts;  // code -> "shift" text, kept for other provinces
  {
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line)) {
      const auto comma = line.find(',');
      if (comma != std::string::npos) shifts[line.substr(0, comma)] = line.substr(comma + 1);
    }
  }
  auto codes = ListProvinces(home);
  if (!codes.ok()) return 1;
  for (const std::string& code : *codes) {
    if (!only.empty() && ("," + only + ",").find("," + code + ",") == std::string::npos) continue;
    auto target = MultidimensionalTarget2016(home, code);
    if (!target.ok()) {
      std::fprintf(stderr, "%s: %s\n", code.c_str(), target.status().ToString().c_str());
      return 1;
    }
    double lo = kLowest, hi = kHighest, rate = 0;
    for (int i = 0; i < 9; ++i) {
      const double mid = (lo + hi) / 2;
      auto r = Rate2016(home, code, households, mid);
      if (!r.ok()) {
        std::fprintf(stderr, "%s: %s\n", code.c_str(), r.status().ToString().c_str());
        return 1;
      }
      rate = *r;
      (rate > *target ? lo : hi) = mid;  // too poor: better conditions
    }
    const double shift = (lo + hi) / 2;
    std::fprintf(stderr, "%s 2016 vn-2016-2020 poor %.2f%% (target %.2f%%) shift %+.3f%s\n",
                 code.c_str(), rate, *target, shift,
                 shift <= kLowest + 0.01 || shift >= kHighest - 0.01 ? "  (at the bound)" : "");
    char text[32];
    std::snprintf(text, sizeof text, "%.3f", shift);
    shifts[code] = text;
  }
  std::ofstream out(path);
  out << "province_code,shift\n";
  for (const auto& [code, shift] : shifts) out << code << ',' << shift << '\n';
  return out ? 0 : 1;
}
