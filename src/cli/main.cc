// ansinh: the An Sinh command line. Sub-commands are registered here, explicitly, in the order
// `ansinh --help` lists them.
#include <cstdlib>
#include <iostream>

#include "cli/cli.h"

#ifndef ANSINH_DEFAULT_HOME
#define ANSINH_DEFAULT_HOME "."
#endif

int main(int argc, char** argv) {
  using namespace ansinh::cli;
  ansinh::SystemClock clock;
  CliContext ctx;
  ctx.clock = &clock;
  ctx.out = &std::cout;
  ctx.err = &std::cerr;
  const char* env_home = std::getenv("ANSINH_HOME");
  ctx.home = env_home && *env_home ? env_home : ANSINH_DEFAULT_HOME;

  CLI::App app{
      "An Sinh — hệ thống thông tin an sinh xã hội và giảm nghèo bền vững.\n"
      "An Sinh — social security and sustainable poverty reduction information system."};
  app.name("ansinh");
  app.require_subcommand(1);
  app.add_option("--home", ctx.home,
                 "Thư mục chứa data/ và config/ / folder holding data/ and config/ "
                 "(env ANSINH_HOME)")
      ->capture_default_str();

  RegisterInitCommand(app, ctx);
  RegisterSummaryCommand(app, ctx);
  RegisterUnitsCommand(app, ctx);
  RegisterHouseholdCommand(app, ctx);
  RegisterPersonCommand(app, ctx);
  RegisterSurveyCommand(app, ctx);
  RegisterClassifyCommand(app, ctx);
  RegisterStandardsCommand(app, ctx);
  RegisterAuditCommand(app, ctx);
  RegisterGenerateCommand(app, ctx);
  RegisterImportCommand(app, ctx);
  RegisterExportCommand(app, ctx);
  RegisterMeasuresCommand(app, ctx);
  RegisterIndicatorsCommand(app, ctx);
  RegisterTargetsCommand(app, ctx);
  RegisterTransitionsCommand(app, ctx);
  RegisterSimulateCommand(app, ctx);
  RegisterReportCommand(app, ctx);
  RegisterServeCommand(app, ctx);
  RegisterUserCommand(app, ctx);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : kExitUsage;
  }
  return ctx.exit_code;
}
