// A progress indicator for long commands (an import, an export): on a terminal a bar redrawn in
// place with rows per second and the time left; otherwise (a log, a pipe) a plain line now and
// then. Short work shows nothing: the first report waits until the work has run for a while.
//
// Owns: when to report and how a report reads. The caller counts rows with Advance, which is
// cheap enough to call once per row.
#pragma once

#include <cstdint>
#include <functional>
#include <ostream>
#include <string>

namespace ansinh::cli {

struct ProgressOptions {
  bool terminal = false;        // redraw one line in place (true) or print plain lines
  double first_report_s = 2.0;  // nothing is shown for work shorter than this
  double interval_s = 0.2;      // between redraws on a terminal
  double plain_interval_s = 5;  // between plain lines
};

class Progress {
 public:
  // `now_s` is a monotonic clock in seconds (steady_clock by default; tests pass their own).
  Progress(std::ostream& out, std::string label, std::int64_t total, ProgressOptions options,
           std::function<double()> now_s = {});
  ~Progress();  // finishes the line it drew, if any

  void Advance(std::int64_t rows = 1) {
    done_ += rows;
    if (++calls_ % 1024 == 0) Tick();
  }
  // Reports now if a report is due; called by Advance every 1,024 calls.
  void Tick();
  // Ends the bar (on a terminal: the final state and a newline). Idempotent.
  void Finish();

  // One report, e.g. "ghi / writing  [##########..........]  50%  1.000.000/2.000.000 dòng/rows
  // 250.000 dòng/s/rows/s  còn/left 00:04" (numbers with Vietnamese grouping dots).
  static std::string Format(const std::string& label, std::int64_t done, std::int64_t total,
                            double elapsed_s, bool bar);

 private:
  std::ostream& out_;
  std::string label_;
  std::int64_t total_;
  ProgressOptions options_;
  std::function<double()> now_s_;
  double start_s_;
  double last_report_s_ = -1;
  std::int64_t done_ = 0;
  std::int64_t calls_ = 0;
  bool drew_ = false;
  bool finished_ = false;
};

// Whether `stream` is the process's standard error or output and that is a terminal.
bool IsTerminal(const std::ostream& stream);

}  // namespace ansinh::cli
