//! Sealing: the chief closes the count, with the names of those who signed
//! the result and those who refused (and why). After the seal, nothing can be
//! added to the count.

use crate::domain::free_text::FreeText;
use crate::domain::message::{Label, Message, P};
use crate::domain::person::Role;
use crate::domain::time::Timestamp;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The role a signer signs in: one of the [`Role`]s, written in files as its
/// key (`chief`), or the words typed for someone outside them (`agent of
/// party 3`). Either way the file holds one string, as ever.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum SignerRole {
    /// One of the roles at the count.
    Known(Role),
    /// Words typed for a role that is none of them.
    Written(FreeText),
}

impl SignerRole {
    /// A role as typed after `NAME:`: a role key is that role, any other
    /// text is kept as written; errors name `field`.
    pub fn parse(field: &str, typed: &str) -> Result<SignerRole, Message> {
        match Role::parse(typed) {
            Ok(role) => Ok(SignerRole::Known(role)),
            Err(_) => FreeText::parse(field, typed).map(SignerRole::Written),
        }
    }
}

impl fmt::Display for SignerRole {
    /// The key of a known role, else the words as written.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SignerRole::Known(role) => f.write_str(role.key()),
            SignerRole::Written(text) => f.write_str(text),
        }
    }
}

/// Someone who signed the result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signature {
    pub name: FreeText,
    pub role: SignerRole,
}

/// Someone who refused to sign, and the reason they gave.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RefusalToSign {
    pub name: FreeText,
    pub role: SignerRole,
    pub reason: FreeText,
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

/// A name or role holds no `:` (the command line separates with it).
fn check_part(field: &str, i: usize, what: &str, text: &str) -> Result<(), Message> {
    if text.contains(':') {
        return Err(Message::new(P::NoColon)
            .quoted("value", text)
            .at(format!("{field}[{i}].{what}")));
    }
    Ok(())
}

/// A part of `NAME:ROLE[:REASON]` as typed, trimmed, at `field[i].what`.
fn typed_part(field: &str, i: usize, what: &str, text: &str) -> Result<FreeText, Message> {
    FreeText::parse(&format!("{field}[{i}].{what}"), text.trim())
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

    /// Checks the names: at least one signature; names and roles without
    /// `:`; no one both signing and refusing.
    pub fn check(&self) -> Result<(), Message> {
        if self.signed.is_empty() {
            return Err(Message::new(P::ChiefSigns)
                .at("signed")
                .labelled(Label::Signatures));
        }
        for (i, s) in self.signed.iter().enumerate() {
            check_part("signed", i, "name", &s.name)?;
            check_part("signed", i, "role", &s.role.to_string())?;
        }
        for (i, r) in self.refused.iter().enumerate() {
            check_part("refused", i, "name", &r.name)?;
            check_part("refused", i, "role", &r.role.to_string())?;
            if self.signed.iter().any(|s| s.name == r.name) {
                return Err(Message::new(P::AlsoSigned)
                    .quoted("value", r.name.as_str())
                    .at(format!("refused[{i}].name")));
            }
        }
        Ok(())
    }
}

/// Parses the `i`-th `NAME:ROLE` as typed on the command line; errors name
/// `signed`, or the part at `signed[i]`.
pub fn parse_signature(i: usize, text: &str) -> Result<Signature, Message> {
    match text.split_once(':') {
        Some((name, role)) if !role.contains(':') => Ok(Signature {
            name: typed_part("signed", i, "name", name)?,
            role: SignerRole::parse(&format!("signed[{i}].role"), role.trim())?,
        }),
        _ => Err(Message::new(P::NotNameRole)
            .quoted("value", text)
            .at("signed")),
    }
}

/// Parses the `i`-th `NAME:ROLE:REASON` as typed on the command line; errors
/// name `refused`, or the part at `refused[i]`.
pub fn parse_refusal(i: usize, text: &str) -> Result<RefusalToSign, Message> {
    let mut parts = text.splitn(3, ':');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(name), Some(role), Some(reason)) => Ok(RefusalToSign {
            name: typed_part("refused", i, "name", name)?,
            role: SignerRole::parse(&format!("refused[{i}].role"), role.trim())?,
            reason: typed_part("refused", i, "reason", reason)?,
        }),
        _ => Err(Message::new(P::NotNameRoleReason)
            .quoted("value", text)
            .at("refused")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seal(signed: &[&str], refused: &[&str]) -> Seal {
        Seal {
            at: Timestamp::from_unix_seconds(0),
            app_version: "test".into(),
            signed: signed
                .iter()
                .enumerate()
                .map(|(i, s)| parse_signature(i, s).unwrap())
                .collect(),
            refused: refused
                .iter()
                .enumerate()
                .map(|(i, r)| parse_refusal(i, r).unwrap())
                .collect(),
        }
    }

    #[test]
    fn parses_the_command_line_forms() {
        assert_eq!(
            parse_signature(0, "Chan Sophea:chief")
                .unwrap()
                .role
                .to_string(),
            "chief"
        );
        assert!(parse_signature(0, "Chan Sophea").is_err());
        assert!(parse_signature(0, "a:b:c").is_err());
        let r = parse_refusal(
            0,
            "Keo Rith:party agent 3:the I4 rulings were wrong: see seq 12",
        )
        .unwrap();
        assert_eq!(r.reason.as_str(), "the I4 rulings were wrong: see seq 12");
        assert!(parse_refusal(0, "Keo Rith:agent").is_err());
    }

    #[test]
    fn a_seal_needs_a_signature_and_real_names() {
        assert!(seal(&["Chan Sophea:chief"], &[]).check().is_ok());
        assert_eq!(
            seal(&[], &[]).check().unwrap_err().to_string(),
            "signed: at least the chief signs the result"
        );
        assert_eq!(
            parse_signature(0, " :chief").unwrap_err().to_string(),
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

    #[test]
    fn signer_roles_are_roles_when_they_are_one_and_keep_their_words() {
        for (json, known) in [
            (r#""chief""#, Some(Role::Chief)),
            (r#""party_agent""#, Some(Role::PartyAgent)),
            (r#""agent of party 3""#, None),
            (r#""Chief""#, None),
        ] {
            let role: SignerRole = serde_json::from_str(json).unwrap();
            let as_role = match &role {
                SignerRole::Known(role) => Some(*role),
                SignerRole::Written(_) => None,
            };
            assert_eq!(as_role, known, "{json}");
            assert_eq!(serde_json::to_string(&role).unwrap(), json);
        }
        assert!(serde_json::from_str::<SignerRole>(r#"" ""#).is_err());
        assert_eq!(
            SignerRole::parse("signed[0].role", "secretary"),
            Ok(SignerRole::Known(Role::Secretary))
        );
    }
}
