//! The polltally binary: subcommands for the command line.

fn main() -> std::process::ExitCode {
    polltally::cli::run()
}
