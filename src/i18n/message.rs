//! Rendering the core's language-free messages ([`Message`]: a problem key
//! and its arguments) in a language, and the English `Display` of every
//! error type of the core that carries one.

use super::{Lang, Names, T, Tr};
use crate::domain::count::{CountError, SealingGap};
use crate::domain::message::{Arg, Label, Message};
use crate::domain::results::ResultsError;
use crate::domain::ruling::RulingError;
use crate::domain::station::StationError;
use crate::domain::tabulation::TabulationError;
use crate::journal::replay::{ChainError, EventError};
use std::fmt;

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&Tr::new(Lang::En).message(self))
    }
}

impl std::error::Error for Message {}

/// Gives an [`Explain`] type its English `Display` and makes it an error.
macro_rules! explained_error {
    ($($t:ty),* $(,)?) => {$(
        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                let message = $crate::domain::message::Explain::message(self);
                std::fmt::Display::fmt(&message, f)
            }
        }
        impl std::error::Error for $t {}
    )*};
}
pub(crate) use explained_error;

explained_error!(
    StationError,
    CountError,
    SealingGap,
    RulingError,
    ResultsError,
    TabulationError,
    EventError,
    ChainError,
);

impl Tr {
    /// A message in this language and these numerals.
    pub fn message(self, message: &Message) -> String {
        match message {
            Message::Text { key, args } => self.filled(self.t(*key), args),
            Message::At {
                field,
                label,
                problem,
            } => match (self.names, label) {
                (Names::Labels, Some(label)) => self.f(
                    T::FieldProblem,
                    &[
                        ("field", &self.label(label)),
                        ("problem", &self.message(problem)),
                    ],
                ),
                (Names::Labels | Names::Keys, _) => format!("{field}: {}", self.message(problem)),
            },
            Message::Verbatim(text) => text.clone(),
        }
    }

    /// An interface text of the table [`T`] filled with message arguments:
    /// a text kept as its key and worded when it is shown.
    pub fn text(self, key: T, args: &[(&'static str, Arg)]) -> String {
        self.filled(self.t(key), args)
    }

    /// The label a screen shows beside a field.
    pub fn label(self, label: &Label) -> String {
        match label {
            Label::Ballot => self.t(T::ReviewSeq).into(),
            Label::Ruling => self.t(T::ReviewRuling).into(),
            Label::Party => self.t(T::PartyNumberField).into(),
            Label::Disputants => self.t(T::DisputantsField).into(),
            Label::Criterion => self.t(T::CriterionField).into(),
            Label::Name => self.t(T::PersonName).into(),
            Label::Organisation => self.t(T::OrganisationField).into(),
            Label::Signatures => self.t(T::FormSignatures).into(),
            Label::VoidReason => self.t(T::VoidReason).into(),
            Label::RefusalReason { name } => self.f(T::RefusalReason, &[("name", name)]),
            Label::Authority => self.t(T::RecountAuthority).into(),
            Label::RecountReason => self.t(T::RecountReason).into(),
            Label::Explanation(check) => {
                self.f(T::ExplanationFor, &[("check", &self.check(*check))])
            }
            Label::Figure(figure) => format!("{} {}", figure.symbol(), self.figure(*figure)),
            Label::Check(check) => self.check(*check),
            Label::Pile(party) => self.f(T::PileField, &[("party", &self.num(party))]),
            Label::RecordFile => self.t(T::RecordPath).into(),
            Label::StationFile => self.t(T::StationPath).into(),
            Label::CommuneResultsFile => self.t(T::TabOut).into(),
            Label::Complainant => self.t(T::ComplaintBy).into(),
            Label::ComplaintText => self.t(T::ComplaintTextField).into(),
        }
    }

    fn filled(self, template: &str, args: &[(&'static str, Arg)]) -> String {
        fill(template, |name| {
            args.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, arg)| self.arg(arg))
                .or_else(|| self.literal(name))
        })
    }

    fn arg(self, arg: &Arg) -> String {
        match arg {
            Arg::Text(text) => text.clone(),
            Arg::Num(n) => self.num(n),
            Arg::Signed(d) => self.difference(*d),
            Arg::Figure(figure) => match self.names {
                Names::Keys => format!("{} ({})", figure.symbol(), figure.key()),
                Names::Labels => format!("{} {}", figure.symbol(), self.figure(*figure)),
            },
            Arg::Check(check) => match self.names {
                Names::Keys => check.to_string(),
                Names::Labels => self.check(*check),
            },
            Arg::Role(role) => match self.names {
                Names::Keys => role.key().to_string(),
                Names::Labels => self.role(*role).to_string(),
            },
            Arg::Message(inner) => self.message(inner),
            Arg::List(items) => items
                .iter()
                .map(|m| self.message(m))
                .collect::<Vec<_>>()
                .join("; "),
        }
    }
}

/// Fills `{name}` placeholders in one pass; unknown names stay as written.
pub(crate) fn fill(template: &str, value: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}').and_then(|close| {
            let name = &after[..close];
            value(name).map(|v| (v, close))
        }) {
            Some((text, close)) => {
                out.push_str(&text);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::message::P;
    use crate::domain::text::Numerals;

    #[test]
    fn messages_render_in_each_language_and_numerals() {
        let m = Message::new(P::TooLarge)
            .num("value", 1_000_001u64)
            .num("max", 1_000_000u64)
            .at("received");
        assert_eq!(
            m.to_string(),
            "received: 1000001 is too large (at most 1000000)"
        );
        let km = Tr::new(Lang::Km).with_numerals(Numerals::Khmer).message(&m);
        assert!(km.starts_with("received: ១០០០០០១ "), "{km}");
    }

    #[test]
    fn figures_and_checks_are_named_by_key_on_the_command_line_and_by_name_on_screen() {
        use crate::domain::reconciliation::{CheckName, Figure};
        let figure = Message::new(P::GapFigure).figure("figure", Figure::Received);
        let check = Message::new(P::GapUnexplained)
            .check("check", CheckName::IssuedVsVoted)
            .signed("difference", 18);
        assert_eq!(figure.to_string(), "R (received) is not recorded");
        assert_eq!(
            check.to_string(),
            "issued_vs_voted differs by +18 and has no explanation"
        );
        let screen = Tr::new(Lang::En).on_screen();
        assert_eq!(
            screen.message(&figure),
            "R Ballots received is not recorded"
        );
        assert_eq!(
            screen.message(&check),
            "Issued = voters marked + supplementary differs by +18 and has no explanation"
        );
        let km = Tr::new(Lang::Km)
            .with_numerals(Numerals::Khmer)
            .on_screen()
            .message(&check);
        assert!(km.contains("+១៨"), "{km}");
        assert!(!km.contains("issued_vs_voted"), "{km}");
    }

    #[test]
    fn a_field_is_named_by_its_path_on_the_command_line_and_by_its_label_on_screen() {
        let m = Message::new(P::MustNotBeEmpty)
            .at("refused[0].reason")
            .labelled(Label::RefusalReason {
                name: "Lim Bopha".into(),
            });
        assert_eq!(m.to_string(), "refused[0].reason: must not be empty");
        assert_eq!(
            Tr::new(Lang::En).on_screen().message(&m),
            "Reason given by Lim Bopha: must not be empty"
        );
        assert_eq!(
            Tr::new(Lang::Km).on_screen().message(&m),
            "មូលហេតុដែល Lim Bopha ផ្ដល់៖ មិនត្រូវទទេទេ"
        );
        // A field without a label keeps its path on screen too.
        let plain = Message::new(P::MustNotBeEmpty).at("reason");
        assert_eq!(
            Tr::new(Lang::En).on_screen().message(&plain),
            "reason: must not be empty"
        );
        // A label on a message without a field changes nothing.
        let bare = Message::new(P::MustNotBeEmpty).labelled(Label::Party);
        assert_eq!(bare, Message::new(P::MustNotBeEmpty));
    }

    #[test]
    fn a_value_containing_braces_is_not_filled_again() {
        let m = Message::new(P::NotPartyNumber).text("n", "{n}");
        assert_eq!(m.to_string(), "{n} is not a party number (1-999)");
    }
}
