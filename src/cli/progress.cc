#include "cli/progress.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <iostream>

#include "core/money.h"

namespace ansinh::cli {
namespace {

double SteadySeconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// 1234567 -> "1.234.567", the Vietnamese grouping the rest of the CLI uses for money.
std::string Grouped(std::int64_t n) { return FormatVnd(n); }

std::string MinutesSeconds(double seconds) {
  const auto s = static_cast<std::int64_t>(seconds + 0.5);
  char text[32];
  std::snprintf(text, sizeof text, "%02lld:%02lld", static_cast<long long>(s / 60),
                static_cast<long long>(s % 60));
  return text;
}

}  // namespace

Progress::Progress(std::ostream& out, std::string label, std::int64_t total,
                   ProgressOptions options, std::function<double()> now_s)
    : out_(out),
      label_(std::move(label)),
      total_(total),
      options_(options),
      now_s_(now_s ? std::move(now_s) : std::function<double()>(SteadySeconds)),
      start_s_(now_s_()) {}

Progress::~Progress() { Finish(); }

std::string Progress::Format(const std::string& label, std::int64_t done, std::int64_t total,
                             double elapsed_s, bool bar) {
  std::string line = label;
  const double fraction =
      total > 0 ? std::min(1.0, static_cast<double>(done) / static_cast<double>(total)) : 0.0;
  if (bar) {
    constexpr int kWidth = 24;
    const int filled = static_cast<int>(fraction * kWidth);
    line += "  [" + std::string(filled, '#') + std::string(kWidth - filled, '.') + "]";
  }
  line += "  " + std::to_string(static_cast<int>(fraction * 100)) + "%  " + Grouped(done) + "/" +
          Grouped(total) + " dòng/rows";
  if (elapsed_s > 0) {
    const double rate = static_cast<double>(done) / elapsed_s;
    line += "  " + Grouped(static_cast<std::int64_t>(rate)) + " dòng/s";
    if (rate > 0 && done < total) {
      line += "  còn/left " + MinutesSeconds(static_cast<double>(total - done) / rate);
    }
  }
  return line;
}

void Progress::Tick() {
  if (finished_) return;
  const double now = now_s_();
  const double elapsed = now - start_s_;
  if (elapsed < options_.first_report_s) return;
  const double interval = options_.terminal ? options_.interval_s : options_.plain_interval_s;
  if (last_report_s_ >= 0 && now - last_report_s_ < interval) return;
  last_report_s_ = now;
  const std::string line = Format(label_, done_, total_, elapsed, options_.terminal);
  if (options_.terminal) {
    out_ << "\r" << line << "\x1b[K" << std::flush;  // erase what a longer line left
  } else {
    out_ << line << "\n" << std::flush;
  }
  drew_ = true;
}

void Progress::Finish() {
  if (finished_) return;
  finished_ = true;
  if (!drew_) return;  // short work: nothing was shown, nothing to close
  const double elapsed = now_s_() - start_s_;
  const std::string line = Format(label_, done_, total_, elapsed, options_.terminal);
  out_ << (options_.terminal ? "\r" : "") << line << (options_.terminal ? "\x1b[K\n" : "\n")
       << std::flush;
}

bool IsTerminal(const std::ostream& stream) {
  if (&stream == &std::cerr || &stream == &std::clog) return isatty(STDERR_FILENO) != 0;
  if (&stream == &std::cout) return isatty(STDOUT_FILENO) != 0;
  return false;
}

}  // namespace ansinh::cli
