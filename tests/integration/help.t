The command line describes itself.

  $ ansinh --help | grep -E '^  [a-z]+ ' | awk '{print $1}'
  init
  summary
  units
  household
  person
  survey
  classify
  standards
  audit
  generate
  import
  export
  measures
  indicators
  targets
  transitions
  simulate
  report
  serve
  user
  $ ansinh user --help | grep -E '^  [a-z]+ ' | awk '{print $1}'
  add
  passwd
  list
  $ ansinh household --help | grep -E '^  [a-z]+ ' | awk '{print $1}'
  add
  show
  list
  edit
  remove
  $ ansinh
  A subcommand is required
  Run with --help for more information.
  [2]
