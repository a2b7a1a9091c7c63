//! The command line's help in the chosen language. clap builds the help from
//! the doc comments of `args.rs` (English); for another language each text
//! is looked up in the help table by its English wording and replaced, and
//! the headings are renamed. A test walks every subcommand and argument and
//! fails if a text has no entry, so the table cannot fall behind.

use crate::i18n::help::H;
use crate::i18n::{Lang, T, Tr};
use clap::{Arg, ArgAction, Command};

/// `cmd` with its help texts and headings in `lang`.
pub fn localize(cmd: Command, lang: Lang) -> Command {
    if lang == Lang::En {
        return cmd;
    }
    let tr = Tr::new(lang);
    let version = cmd.get_version().is_some();
    let cmd = translate(cmd, tr);
    if version {
        cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help(tr.t(T::HelpVersion)),
        )
    } else {
        cmd
    }
}

fn text(tr: Tr, english: &str) -> String {
    match H::find(english) {
        Some(key) => tr.t(key).to_string(),
        None => english.to_string(),
    }
}

fn translate(mut cmd: Command, tr: Tr) -> Command {
    if let Some(about) = cmd.get_about().map(|a| a.to_string()) {
        cmd = cmd.about(text(tr, &about));
    }
    if let Some(long) = cmd.get_long_about().map(|a| a.to_string()) {
        cmd = cmd.long_about(text(tr, &long));
    }
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        cmd = cmd.mut_arg(id, |arg| {
            let arg = arg.help_heading(tr.t(T::HelpOptions));
            match arg.get_help().map(|h| h.to_string()) {
                Some(help) => arg.help(text(tr, &help)),
                None => arg,
            }
        });
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(name, |sub| translate(sub, tr));
    }
    cmd.subcommand_help_heading(tr.t(T::HelpCommands))
        .help_template(format!(
            "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
            tr.t(T::HelpUsage)
        ))
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help(tr.t(T::HelpHelp))
                .help_heading(tr.t(T::HelpOptions)),
        )
        .disable_help_subcommand(true)
}

/// Every about and help text of `cmd` and its subcommands, in English.
pub fn help_texts(cmd: &Command) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(about) = cmd.get_about() {
        out.push(about.to_string());
    }
    if let Some(long) = cmd.get_long_about() {
        out.push(long.to_string());
    }
    for arg in cmd.get_arguments() {
        if let Some(help) = arg.get_help() {
            out.push(help.to_string());
        }
    }
    for sub in cmd.get_subcommands() {
        out.extend(help_texts(sub));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::args::Cli;
    use clap::CommandFactory;

    #[test]
    fn every_help_text_has_a_translation() {
        let missing: Vec<String> = help_texts(&Cli::command())
            .into_iter()
            .filter(|t| H::find(t).is_none())
            .collect();
        assert!(missing.is_empty(), "no translation for: {missing:#?}");
    }

    #[test]
    fn the_khmer_help_is_khmer() {
        let mut cmd = localize(Cli::command(), Lang::Km);
        let help = cmd.render_help().to_string();
        assert!(help.contains("ពាក្យបញ្ជា"), "{help}");
        let sub = cmd.find_subcommand_mut("recount").unwrap();
        let help = sub.render_help().to_string();
        assert!(help.contains("--authority"), "{help}");
        assert!(!help.contains("Who ordered the recount"), "{help}");
    }
}
