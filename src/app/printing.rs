//! Printing the forms. On Linux and other Unix systems the PDFs are given to
//! a print command (`lp`). Windows has no such command: each PDF is handed
//! to the system's "print" verb (the program registered to print PDFs), and
//! when that fails (no program registers a print verb, as with a browser as
//! the PDF viewer) the forms are opened in the default viewer to be printed
//! from there. Every way it can fail is said on screen, with where the forms
//! were saved.

use crate::app::{Notice, text_arg};
use crate::domain::message::{Arg, Message, P};
use crate::i18n::T;
use std::ffi::OsString;
use std::path::PathBuf;

/// How the app prints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Printer {
    /// A command given the PDF files as its arguments (`lp`).
    Command(OsString),
    /// The system's print verb, through PowerShell (Windows).
    ShellVerb,
}

impl Printer {
    /// This system's way of printing.
    pub fn system() -> Printer {
        if cfg!(windows) {
            Printer::ShellVerb
        } else {
            Printer::Command("lp".into())
        }
    }
}

impl From<&str> for Printer {
    fn from(command: &str) -> Printer {
        Printer::Command(command.into())
    }
}

/// The program that runs the shell-verb scripts.
const POWERSHELL: &str = "powershell.exe";

/// `text` as a PowerShell single-quoted literal: a quote is doubled,
/// including the typographic single quotes PowerShell also takes as quotes.
fn powershell_literal(text: &str) -> String {
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('\'');
    for c in text.chars() {
        if matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}') {
            quoted.push(c);
        }
        quoted.push(c);
    }
    quoted.push('\'');
    quoted
}

/// A PowerShell script that hands each file to the Windows shell with
/// `verb` ("print", or "open" for the default viewer), stopping at the
/// first failure with a non-zero exit. The files go through .NET's
/// `ProcessStartInfo`, which takes a path as it is (`Start-Process` would
/// read `[` and `]` in it as wildcards).
pub fn shell_verb_script(verb: &str, files: &[PathBuf]) -> String {
    let list = files
        .iter()
        .map(|f| powershell_literal(&f.to_string_lossy()))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "$ErrorActionPreference = 'Stop'; \
         foreach ($file in @({list})) {{ \
         $start = New-Object System.Diagnostics.ProcessStartInfo; \
         $start.FileName = $file; \
         $start.Verb = {verb}; \
         $start.UseShellExecute = $true; \
         [void][System.Diagnostics.Process]::Start($start) }}; \
         Write-Output {done}",
        verb = powershell_literal(verb),
        done = powershell_literal(HANDED_OVER)
    )
}

/// What the script writes when every file was handed over: a PowerShell
/// that exits 0 without running the script (wine's) is not taken for one
/// that printed.
const HANDED_OVER: &str = "polltally: handed over";

/// What running a program gave: Ok when it ran and succeeded, else the
/// reason (its standard error, or why it could not run).
enum Ran {
    Done,
    /// Why, in words of the translation table or the program's own.
    Failed(Arg),
    NotFound,
}

/// Runs `program` with `args`; with `said`, it must also write that line on
/// its standard output to have succeeded.
fn run(program: &std::ffi::OsStr, args: &[OsString], said: Option<&str>) -> Ran {
    let mut command = std::process::Command::new(program);
    command.args(args);
    #[cfg(windows)]
    {
        // No console window flashing up over the app for PowerShell.
        use std::os::windows::process::CommandExt;
        const CREATE_NO_WINDOW: u32 = 0x0800_0000;
        command.creation_flags(CREATE_NO_WINDOW);
    }
    match command.output() {
        Ok(out)
            if out.status.success()
                && said.is_none_or(|line| {
                    String::from_utf8_lossy(&out.stdout)
                        .lines()
                        .any(|l| l.trim() == line)
                }) =>
        {
            Ran::Done
        }
        Ok(out) if out.status.success() => Ran::Failed(Arg::Message(Box::new(
            Message::new(P::NotHandedOver).text("program", program.to_string_lossy()),
        ))),
        Ok(out) => {
            let stderr = String::from_utf8_lossy(&out.stderr).trim().to_string();
            let stdout = String::from_utf8_lossy(&out.stdout).trim().to_string();
            Ran::Failed(match (stderr.is_empty(), stdout.is_empty()) {
                (false, _) => text_arg(stderr),
                (true, false) => text_arg(stdout),
                (true, true) => Arg::Message(Box::new(
                    Message::new(P::ProgramStatus)
                        .text("program", program.to_string_lossy())
                        .text("status", out.status),
                )),
            })
        }
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ran::NotFound,
        Err(err) => Ran::Failed(text_arg(err)),
    }
}

fn shell_verb(verb: &str, files: &[PathBuf]) -> Ran {
    let args: Vec<OsString> = ["-NoProfile", "-NonInteractive", "-Command"]
        .into_iter()
        .map(OsString::from)
        .chain([OsString::from(shell_verb_script(verb, files))])
        .collect();
    run(POWERSHELL.as_ref(), &args, Some(HANDED_OVER))
}

fn paths(files: &[PathBuf]) -> Arg {
    text_arg(
        files
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(", "),
    )
}

/// Prints `forms` (saved in `dir`) and says what happened.
pub fn print(printer: &Printer, forms: &[PathBuf], dir: Arg) -> Notice {
    match printer {
        Printer::Command(command) => {
            let args: Vec<OsString> = forms.iter().map(|f| f.clone().into_os_string()).collect();
            match run(command, &args, None) {
                Ran::Done => Notice::info(T::Printed, vec![("paths", paths(forms))]),
                Ran::Failed(error) => {
                    Notice::refusal(T::NoPrinter, vec![("error", error), ("dir", dir)])
                }
                Ran::NotFound => Notice::refusal(
                    T::NoPrintCommand,
                    vec![
                        ("command", text_arg(command.to_string_lossy())),
                        ("dir", dir),
                    ],
                ),
            }
        }
        Printer::ShellVerb => match shell_verb("print", forms) {
            Ran::Done => Notice::info(T::Printed, vec![("paths", paths(forms))]),
            Ran::NotFound => Notice::refusal(
                T::NoPrintCommand,
                vec![("command", text_arg(POWERSHELL)), ("dir", dir)],
            ),
            Ran::Failed(error) => match shell_verb("open", forms) {
                Ran::Done => {
                    Notice::refusal(T::OpenedToPrint, vec![("error", error), ("dir", dir)])
                }
                Ran::Failed(_) | Ran::NotFound => {
                    Notice::refusal(T::NoPrinter, vec![("error", error), ("dir", dir)])
                }
            },
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quote_in_a_path_is_doubled_in_the_script() {
        let script = shell_verb_script(
            "print",
            &[
                PathBuf::from(r"C:\Users\Sok's\count-copy-A.pdf"),
                PathBuf::from("C:\\Users\\x\u{2019}y\\[B].pdf"),
            ],
        );
        assert!(
            script.contains(
                "@('C:\\Users\\Sok''s\\count-copy-A.pdf', 'C:\\Users\\x\u{2019}\u{2019}y\\[B].pdf')"
            ),
            "{script}"
        );
        assert!(script.contains("$start.Verb = 'print'"), "{script}");
        assert!(script.starts_with("$ErrorActionPreference = 'Stop';"));
        assert!(
            script.ends_with("Write-Output 'polltally: handed over'"),
            "{script}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_program_that_succeeds_without_saying_it_handed_over_has_failed() {
        // `true` exits 0 and writes nothing, as a PowerShell that runs no
        // script does.
        let ran = run("true".as_ref(), &[], Some(HANDED_OVER));
        assert!(matches!(ran, Ran::Failed(_)));
        let ran = run("true".as_ref(), &[], None);
        assert!(matches!(ran, Ran::Done));
        // The reason is worded in the language shown.
        let Ran::Failed(why) = run("true".as_ref(), &[], Some(HANDED_OVER)) else {
            unreachable!()
        };
        let notice = Notice::refusal(T::NoPrinter, vec![("error", why), ("dir", text_arg("d"))]);
        let km = notice.text(crate::i18n::Tr::new(crate::i18n::Lang::Km));
        assert!(km.contains("true បានបញ្ចប់ដោយមិនបានបញ្ជូនឯកសារទេ"), "{km}");
        let said = [OsString::from(HANDED_OVER)];
        assert!(matches!(
            run("echo".as_ref(), &said, Some(HANDED_OVER)),
            Ran::Done
        ));
    }

    #[test]
    fn every_form_is_in_the_script_in_order() {
        let forms: Vec<PathBuf> = ["a.pdf", "b.pdf", "c.pdf"].map(PathBuf::from).into();
        let script = shell_verb_script("open", &forms);
        let a = script.find("'a.pdf'");
        let b = script.find("'b.pdf'");
        let c = script.find("'c.pdf'");
        assert!(a < b && b < c && a.is_some(), "{script}");
    }

    #[test]
    fn the_system_printer_is_lp_off_windows() {
        if cfg!(windows) {
            assert_eq!(Printer::system(), Printer::ShellVerb);
        } else {
            assert_eq!(Printer::system(), Printer::Command("lp".into()));
        }
    }

    #[test]
    fn a_missing_print_command_is_named_with_the_folder() {
        let notice = print(
            &Printer::from("polltally-test-no-such-printer"),
            &[PathBuf::from("a.pdf")],
            text_arg("/tmp/forms"),
        );
        let text = notice.text(crate::i18n::Tr::new(crate::i18n::Lang::En));
        assert!(text.contains("polltally-test-no-such-printer"), "{text}");
        assert!(text.contains("/tmp/forms"), "{text}");
    }
}
