//! The `baogao` subcommands run as a user runs them: the real binary on the bundled and real
//! reports, its output parsed back (one test binary, one module per subcommand).

#[path = "../common/run.rs"]
mod run;

mod check;
mod compare;
mod completions;
mod figures;
mod glossary;
mod hostile;
mod pipe;
mod search;
mod targets;
