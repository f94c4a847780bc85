//! Running the real `baogao` binary from the integration tests, written once: started in the
//! crate root (so relative paths name files in the repository) and without the user's marks
//! file in its environment, so no test reads or writes real marks.

#![allow(dead_code)]

use std::process::{Command, Output};

/// The `baogao` binary built for these tests, as a command ready for arguments.
pub fn command() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_baogao"));
    command
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("BAOGAO_MARKS");
    command
}

/// Runs `baogao args` to the end and returns what it printed and its status.
pub fn baogao(args: &[&str]) -> Output {
    command()
        .args(args)
        .output()
        .expect("the baogao binary runs")
}

/// The standard output of `baogao args`, which must succeed and print UTF-8.
pub fn stdout(args: &[&str]) -> String {
    let output = baogao(args);
    assert!(output.status.success(), "{args:?}: {output:?}");
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

/// Runs `baogao args` to the end: whether it succeeded, and its output and errors as UTF-8.
pub fn outcome(args: &[&str]) -> (bool, String, String) {
    let output = baogao(args);
    (
        output.status.success(),
        String::from_utf8(output.stdout).expect("UTF-8 output"),
        String::from_utf8(output.stderr).expect("UTF-8 errors"),
    )
}
