//! Identifiers issued by the election commissions: the election id, the
//! station code and the commune code. Each is checked once where it enters
//! (a station file, a results file, a journal entry) and is then its own
//! type, so a station code can never be passed where a commune code belongs.
//! In files they are the same JSON strings as ever.

use crate::domain::message::{Message, P};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The rule for identifiers (election id, codes, book names): 1-64
/// characters of printable ASCII without spaces (letters, digits, `-`, `_`,
/// `.`, `/`), so they survive file names, forms and typing.
pub fn check_identifier(value: &str) -> Result<(), Message> {
    let ok = !value.is_empty()
        && value.len() <= 64
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_./".contains(&b));
    if ok {
        Ok(())
    } else {
        Err(Message::new(P::NotIdentifier).quoted("value", value))
    }
}

macro_rules! identifier {
    ($(#[$doc:meta])* $name:ident, $field:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// Where a station file gives it; errors reading a file name it.
            pub const FIELD: &'static str = $field;

            /// Checks `value` by [`check_identifier`].
            pub fn parse(value: &str) -> Result<$name, Message> {
                check_identifier(value)?;
                Ok($name(value.to_string()))
            }

            /// The identifier as written.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl std::str::FromStr for $name {
            type Err = Message;

            fn from_str(value: &str) -> Result<$name, Message> {
                $name::parse(value)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<$name, D::Error> {
                let value = String::deserialize(deserializer)?;
                $name::parse(&value)
                    .map_err(|message| serde::de::Error::custom(message.at($name::FIELD)))
            }
        }
    };
}

identifier!(
    /// The election a station belongs to, as the national commission names it.
    ElectionId,
    "election.id"
);

identifier!(
    /// A polling station's code, unique within its commune.
    StationCode,
    "station.code"
);

identifier!(
    /// The commune a station belongs to, whose commission tabulates it.
    CommuneCode,
    "station.commune_code"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_read_and_write_as_the_same_strings() {
        let code: StationCode = serde_json::from_str(r#""0412-03""#).unwrap();
        assert_eq!(code.as_str(), "0412-03");
        assert_eq!(serde_json::to_string(&code).unwrap(), r#""0412-03""#);
        assert_eq!(code.to_string(), "0412-03");
    }

    #[test]
    fn a_bad_identifier_is_refused_naming_its_field_and_value() {
        let err = serde_json::from_str::<StationCode>(r#""04 12""#).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("station.code: \"04 12\" is not an identifier"),
            "{err}"
        );
        let err = serde_json::from_str::<CommuneCode>(r#""""#).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("station.commune_code: \"\" is not an identifier"),
            "{err}"
        );
        assert!(ElectionId::parse(&"x".repeat(65)).is_err());
        assert!(ElectionId::parse("NEC/2027-commune").is_ok());
    }
}
