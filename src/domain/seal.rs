//! Sealing: the chief closes the count, with the names of those who signed
//! the result and those who refused (and why). After the seal, nothing can be
//! added to the count.

use crate::domain::message::{Message, P};
use crate::domain::ruling::check_free_text;
use crate::domain::time::Timestamp;
use serde::{Deserialize, Serialize};

/// Someone who signed the result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signature {
    pub name: String,
    pub role: String,
}

/// Someone who refused to sign, and the reason they gave.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RefusalToSign {
    pub name: String,
    pub role: String,
    pub reason: String,
}

/// The seal of a count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Seal {
    /// When the chief sealed the count (from the clock passed in).
    pub at: Timestamp,
    /// The polltally version that sealed the count (printed in the results,
    /// so that the results of a record never change with a later version).
    pub app_version: String,
    pub signed: Vec<Signature>,
    #[serde(default)]
    pub refused: Vec<RefusalToSign>,
}

fn check_part(field: &str, i: usize, what: &str, text: &str) -> Result<(), Message> {
    let at = format!("{field}[{i}].{what}");
    check_free_text(text).map_err(|e| e.at(at.as_str()))?;
    if text.contains(':') && what != "reason" {
        return Err(Message::new(P::NoColon).quoted("value", text).at(at));
    }
    Ok(())
}

impl Seal {
    /// The chief's seal at `at`, made by this version of polltally.
    pub fn new(at: Timestamp, signed: Vec<Signature>, refused: Vec<RefusalToSign>) -> Seal {
        Seal {
            at,
            app_version: crate::domain::APP_VERSION.into(),
            signed,
            refused,
        }
    }

    /// Checks the names: at least one signature; every name, role and reason
    /// a real text; no one both signing and refusing.
    pub fn check(&self) -> Result<(), Message> {
        if self.signed.is_empty() {
            return Err(Message::new(P::ChiefSigns).at("signed"));
        }
        for (i, s) in self.signed.iter().enumerate() {
            check_part("signed", i, "name", &s.name)?;
            check_part("signed", i, "role", &s.role)?;
        }
        for (i, r) in self.refused.iter().enumerate() {
            check_part("refused", i, "name", &r.name)?;
            check_part("refused", i, "role", &r.role)?;
            check_part("refused", i, "reason", &r.reason)?;
            if self.signed.iter().any(|s| s.name == r.name) {
                return Err(Message::new(P::AlsoSigned)
                    .quoted("value", &r.name)
                    .at(format!("refused[{i}].name")));
            }
        }
        Ok(())
    }
}

/// Parses `NAME:ROLE` as typed on the command line.
pub fn parse_signature(text: &str) -> Result<Signature, Message> {
    match text.split_once(':') {
        Some((name, role)) if !role.contains(':') => Ok(Signature {
            name: name.trim().to_string(),
            role: role.trim().to_string(),
        }),
        _ => Err(Message::new(P::NotNameRole).quoted("value", text)),
    }
}

/// Parses `NAME:ROLE:REASON` as typed on the command line.
pub fn parse_refusal(text: &str) -> Result<RefusalToSign, Message> {
    let mut parts = text.splitn(3, ':');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(name), Some(role), Some(reason)) => Ok(RefusalToSign {
            name: name.trim().to_string(),
            role: role.trim().to_string(),
            reason: reason.trim().to_string(),
        }),
        _ => Err(Message::new(P::NotNameRoleReason).quoted("value", text)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seal(signed: &[&str], refused: &[&str]) -> Seal {
        Seal {
            at: Timestamp::from_unix_seconds(0),
            app_version: "test".into(),
            signed: signed.iter().map(|s| parse_signature(s).unwrap()).collect(),
            refused: refused.iter().map(|r| parse_refusal(r).unwrap()).collect(),
        }
    }

    #[test]
    fn parses_the_command_line_forms() {
        assert_eq!(parse_signature("Chan Sophea:chief").unwrap().role, "chief");
        assert!(parse_signature("Chan Sophea").is_err());
        assert!(parse_signature("a:b:c").is_err());
        let r =
            parse_refusal("Keo Rith:party agent 3:the I4 rulings were wrong: see seq 12").unwrap();
        assert_eq!(r.reason, "the I4 rulings were wrong: see seq 12");
        assert!(parse_refusal("Keo Rith:agent").is_err());
    }

    #[test]
    fn a_seal_needs_a_signature_and_real_names() {
        assert!(seal(&["Chan Sophea:chief"], &[]).check().is_ok());
        assert_eq!(
            seal(&[], &[]).check().unwrap_err().to_string(),
            "signed: at least the chief signs the result"
        );
        assert_eq!(
            seal(&[" :chief"], &[]).check().unwrap_err().to_string(),
            "signed[0].name: must not be empty"
        );
        assert_eq!(
            seal(&["Chan Sophea:chief"], &["Chan Sophea:chief:no"])
                .check()
                .unwrap_err()
                .to_string(),
            "refused[0].name: \"Chan Sophea\" also signed"
        );
    }
}
