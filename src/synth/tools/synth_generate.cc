// synth_generate: runs the generator without the CLI (for timing, profiling and refitting checks,
// with only the synth library built; the report classifies 2016 on under the standard in force).
// Usage:
//   synth_generate HOME PROVINCE|national OUT_DIR|FILE.db|- [HOUSEHOLDS] [FIRST-LAST] [THREADS]
// OUT_DIR: CSV files; FILE.db: a database made by `ansinh init` for the province, loaded through
// the store sink; "-" writes nothing. The calibration report goes to stdout for a province.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/clock.h"
#include "synth/report.h"
#include "synth/store_sink.h"
#include "synth/synth.h"

int main(int argc, char** argv) {
  using namespace ansinh::synth;
  if (argc < 4) {
    std::fprintf(stderr,
                 "usage: synth_generate HOME PROVINCE|national OUT_DIR|- [N] [Y1-Y2] [T]\n");
    return 2;
  }
  GenerateOptions o;
  o.home = argv[1];
  o.national = std::string(argv[2]) == "national";
  o.province_code = argv[2];
  const std::string out = argv[3];
  if (argc > 4) o.households = std::atoll(argv[4]);
  if (argc > 5) std::sscanf(argv[5], "%d-%d", &o.first_year, &o.last_year);
  if (argc > 6) o.threads = std::atoi(argv[6]);
  ReportSink report;
  std::vector<Sink*> sinks;
  std::unique_ptr<Sink> csv;
  ansinh::SystemClock clock;
  std::unique_ptr<ansinh::store::Store> db;  // outlives the sink that writes into it
  if (out.size() > 3 && out.ends_with(".db")) {
    ansinh::store::OpenOptions options;
    options.create_if_missing = false;
    auto opened = ansinh::store::Store::Open(out, clock, options);
    if (!opened.ok()) {
      std::fprintf(stderr, "%s\n", opened.status().ToString().c_str());
      return 1;
    }
    db = std::move(*opened);
    auto sink = OpenStoreSink(*db, {"synth_generate"});
    if (!sink.ok()) return 1;
    csv = std::move(*sink);
    sinks.push_back(csv.get());
  } else if (out != "-") {
    auto opened = OpenCsvSink(out);
    if (!opened.ok()) {
      std::fprintf(stderr, "%s\n", opened.status().ToString().c_str());
      return 1;
    }
    csv = std::move(*opened);
    sinks.push_back(csv.get());
  }
  if (!o.national) {
    // From 2016 the report also classifies under the national standard in force (rules engine).
    if (o.last_year >= 2016) {
      const ansinh::Status classify = report.ClassifyFrom(o.home);
      if (!classify.ok()) {
        std::fprintf(stderr, "synth_generate: %s\n", classify.ToString().c_str());
        return 1;
      }
    }
    sinks.push_back(&report);
  }
  TeeSink tee(sinks);
  const auto status = Generate(o, tee);
  if (!status.ok()) {
    std::fprintf(stderr, "%s\n", status.ToString().c_str());
    return 1;
  }
  if (!o.national) {
    auto reports = report.Compute(o.home);
    if (!reports.ok()) return 1;
    for (const auto& r : *reports) std::fputs(FormatReport(r).c_str(), stdout);
  }
  return 0;
}
