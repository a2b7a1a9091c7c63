//! Messages that explain a problem, kept free of any one language: a key of
//! the problem table and its arguments. The core returns them inside its
//! error types; the app and the CLI render them in the chosen language, and
//! an error's `Display` is its English rendering.

use super::problems::P;
use super::{Lang, Tr};
use std::fmt;

/// A value filling a placeholder of a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// Shown as is: names, codes, quoted values, hashes, paths.
    Text(String),
    /// A number, shown in the chosen numerals.
    Num(u64),
    /// A nested message, rendered in the same language.
    Message(Box<Message>),
    /// Several messages, joined by "; ".
    List(Vec<Message>),
}

/// A problem, named by key, with its arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// A template of the problem table.
    Text {
        key: P,
        args: Vec<(&'static str, Arg)>,
    },
    /// A problem with a field (`parties[3].number: ...`). Field names are
    /// the file's or the command line's, the same in every language.
    At {
        field: String,
        problem: Box<Message>,
    },
    /// Text from outside polltally (the JSON parser, SQLite, the operating
    /// system) that has no translation; shown as it came.
    Verbatim(String),
}

impl Message {
    pub fn new(key: P) -> Message {
        Message::Text {
            key,
            args: Vec::new(),
        }
    }

    /// Adds a text argument.
    pub fn text(self, name: &'static str, value: impl fmt::Display) -> Message {
        self.with(name, Arg::Text(value.to_string()))
    }

    /// Adds a quoted text argument (`"abc"`), for values the user typed.
    pub fn quoted(self, name: &'static str, value: &str) -> Message {
        self.with(name, Arg::Text(format!("{value:?}")))
    }

    /// Adds a number argument.
    pub fn num(self, name: &'static str, value: impl Into<u64>) -> Message {
        self.with(name, Arg::Num(value.into()))
    }

    /// Adds a nested message argument.
    pub fn message(self, name: &'static str, value: Message) -> Message {
        self.with(name, Arg::Message(Box::new(value)))
    }

    /// Adds a list of messages, shown joined by "; ".
    pub fn list(self, name: &'static str, items: Vec<Message>) -> Message {
        self.with(name, Arg::List(items))
    }

    fn with(self, name: &'static str, arg: Arg) -> Message {
        match self {
            Message::Text { key, mut args } => {
                args.push((name, arg));
                Message::Text { key, args }
            }
            other => other,
        }
    }

    /// This message as the problem of `field`.
    pub fn at(self, field: impl Into<String>) -> Message {
        Message::At {
            field: field.into(),
            problem: Box::new(self),
        }
    }

    pub fn verbatim(text: impl fmt::Display) -> Message {
        Message::Verbatim(text.to_string())
    }
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&Tr::new(Lang::En).message(self))
    }
}

impl std::error::Error for Message {}

/// An error that can say what is wrong as a [`Message`].
pub trait Explain {
    fn message(&self) -> Message;
}

impl Explain for Message {
    fn message(&self) -> Message {
        self.clone()
    }
}

/// Gives an [`Explain`] type its English `Display` and makes it an error.
#[macro_export]
macro_rules! explained_error {
    ($($t:ty),* $(,)?) => {$(
        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                let message = $crate::i18n::message::Explain::message(self);
                std::fmt::Display::fmt(&message, f)
            }
        }
        impl std::error::Error for $t {}
    )*};
}

impl Tr {
    /// A message in this language and these numerals.
    pub fn message(self, message: &Message) -> String {
        match message {
            Message::Text { key, args } => fill(self.problem(*key), |name| {
                args.iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, arg)| match arg {
                        Arg::Text(text) => text.clone(),
                        Arg::Num(n) => self.num(n),
                        Arg::Message(inner) => self.message(inner),
                        Arg::List(items) => items
                            .iter()
                            .map(|m| self.message(m))
                            .collect::<Vec<_>>()
                            .join("; "),
                    })
            }),
            Message::At { field, problem } => format!("{field}: {}", self.message(problem)),
            Message::Verbatim(text) => text.clone(),
        }
    }

    /// An error of the shells (anyhow) in this language: each cause of the
    /// chain that polltally can explain is rendered from the table, others as
    /// they are; causes are joined by ": " like `{:#}`.
    pub fn error(self, err: &anyhow::Error) -> String {
        err.chain()
            .map(|cause| match super::problems::explain(cause) {
                Some(message) => self.message(&message),
                None => cause.to_string(),
            })
            .collect::<Vec<_>>()
            .join(": ")
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
    fn a_value_containing_braces_is_not_filled_again() {
        let m = Message::new(P::NotPartyNumber).text("n", "{n}");
        assert_eq!(m.to_string(), "{n} is not a party number (1-999)");
    }
}
