//! The `baogao` binary: everything lives in the library; see [`baogao::cli`].

fn main() -> std::process::ExitCode {
    baogao::cli::main()
}
