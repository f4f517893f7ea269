// The `ansinh` command line: one thin file per sub-command (init_command.cc, units_command.cc,
// ...), each registering itself on the CLI11 app by an explicit call from main.cc. A sub-command
// parses its flags, calls one function of a subsystem and formats the answer; the logic lives
// below, once.
//
// Exit codes: 0 done; 1 refused (bad input, unknown key, a rule that does not hold: the data is
// unchanged); 2 wrong usage (an unknown flag, a missing argument); 3 system failure (a file or the
// database could not be read or written, or a bug).
#pragma once

#include <initializer_list>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

#include "core/clock.h"
#include "core/status.h"
#include "store/store.h"

namespace ansinh::cli {

// What every sub-command shares: the clock, the output streams, where data/ and config/ are, and
// the exit code the chosen sub-command leaves for main to return.
struct CliContext {
  const Clock* clock = nullptr;
  std::ostream* out = nullptr;
  std::ostream* err = nullptr;
  std::string home;  // the folder holding data/ and config/
  int exit_code = 0;
};

constexpr int kExitRefused = 1;
constexpr int kExitUsage = 2;
constexpr int kExitSystem = 3;

int ExitCodeFor(ErrorCode code);

// Prints "ansinh: <status>" on the error stream and records the matching exit code.
void ReportError(CliContext& ctx, const Status& status);

// Opens an existing database (kNotFound, with a hint to run `ansinh init`, when it is missing).
Result<std::unique_ptr<store::Store>> OpenExistingStore(const CliContext& ctx,
                                                        const std::string& db_path);

// The actor the command line writes into the audit log.
store::Actor CliActor();

// Ok when `value` is one of `allowed`; else kInvalidArgument naming the option and listing the
// choices ("phải là table hoặc json" / "must be table or json").
Status CheckChoice(std::string_view field, const std::string& value,
                   std::initializer_list<std::string_view> allowed);

// Adds `--db FILE` (default ansinh.db) to a sub-command.
void AddDbOption(CLI::App* command, std::string* db_path);

// Adds a sub-command to `parent` whose options live in `options` (a struct with a `db` member,
// offered as --db) and whose action is `run`; an error it returns is reported by ReportError.
template <typename Options>
CLI::App* AddCommand(CLI::App* parent, CliContext& ctx, std::shared_ptr<Options> options,
                     const char* name, const char* help,
                     Status (*run)(CliContext&, const Options&)) {
  CLI::App* cmd = parent->add_subcommand(name, help);
  AddDbOption(cmd, &options->db);
  cmd->callback([&ctx, options, run] {
    Status s = run(ctx, *options);
    if (!s.ok()) ReportError(ctx, s);
  });
  return cmd;
}

// Sub-commands, one file each.
void RegisterInitCommand(CLI::App& app, CliContext& ctx);
void RegisterSummaryCommand(CLI::App& app, CliContext& ctx);
void RegisterUnitsCommand(CLI::App& app, CliContext& ctx);
void RegisterHouseholdCommand(CLI::App& app, CliContext& ctx);
void RegisterPersonCommand(CLI::App& app, CliContext& ctx);
void RegisterSurveyCommand(CLI::App& app, CliContext& ctx);
void RegisterAuditCommand(CLI::App& app, CliContext& ctx);
void RegisterClassifyCommand(CLI::App& app, CliContext& ctx);
void RegisterStandardsCommand(CLI::App& app, CliContext& ctx);
void RegisterGenerateCommand(CLI::App& app, CliContext& ctx);
void RegisterImportCommand(CLI::App& app, CliContext& ctx);
void RegisterExportCommand(CLI::App& app, CliContext& ctx);
void RegisterMeasuresCommand(CLI::App& app, CliContext& ctx);
void RegisterIndicatorsCommand(CLI::App& app, CliContext& ctx);
void RegisterTargetsCommand(CLI::App& app, CliContext& ctx);
void RegisterTransitionsCommand(CLI::App& app, CliContext& ctx);
void RegisterSimulateCommand(CLI::App& app, CliContext& ctx);
void RegisterReportCommand(CLI::App& app, CliContext& ctx);
void RegisterServeCommand(CLI::App& app, CliContext& ctx);
void RegisterUserCommand(CLI::App& app, CliContext& ctx);

}  // namespace ansinh::cli

namespace ansinh::cli {
// A household named by its registry id (all digits) or its household code.
Result<Household> ResolveHousehold(store::Store& db, const std::string& ref);
// Parses a registry id given on the command line; `field` names it in the error.
Result<std::int64_t> ParseId(const std::string& text, std::string_view field);
}  // namespace ansinh::cli
