//! Sealing: the chief closes the count, with the names of those who signed
//! the result and those who refused (and why). After the seal, nothing can be
//! added to the count.
//!
//! Who may sign is checked when a seal is made ([`check_signers`]): the chief
//! signs, and every signer and refuser is someone recorded present, in the
//! role and (for a party agent) the party of that record. Roles are written
//! as their keys. Records sealed before these rules (a role in words, a
//! signer never recorded present) are kept as they were sealed: the journal
//! is append-only, so they replay and verify under the rules they were
//! sealed by, and polltally never writes such a seal again.

use crate::domain::free_text::FreeText;
use crate::domain::message::{Label, Message, P};
use crate::domain::party::PartyNumber;
use crate::domain::person::{Person, Role};
use crate::domain::time::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::fmt;

/// The role a signer signs in, as a record holds it: one of the [`Role`]s,
/// written as its key (`chief`). Records sealed by earlier versions may
/// hold words typed for the role instead (`agent of party 3`); they are
/// read as [`SignerRole::Written`], never written again. Either way the file
/// holds one string.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum SignerRole {
    /// One of the roles at the count.
    Known(Role),
    /// Words typed for a role, in a record sealed before roles were keys.
    Written(FreeText),
}

impl SignerRole {
    /// The role, when it is one of the [`Role`]s.
    pub fn role(&self) -> Option<Role> {
        match self {
            SignerRole::Known(role) => Some(*role),
            SignerRole::Written(_) => None,
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

/// A person as named for the seal: a name and the role they were recorded
/// present in (`NAME:ROLE` on the command line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signer {
    pub name: FreeText,
    pub role: Role,
}

/// Someone who signed the result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signature {
    pub name: FreeText,
    pub role: SignerRole,
    /// The party of a party agent, from their presence record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<PartyNumber>,
}

/// Someone who refused to sign, and the reason they gave.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RefusalToSign {
    pub name: FreeText,
    pub role: SignerRole,
    /// The party of a party agent, from their presence record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<PartyNumber>,
    pub reason: FreeText,
}

impl Signature {
    /// The signature of a person recorded present, in their role and party.
    pub fn of(person: &Person) -> Signature {
        Signature {
            name: person.name.clone(),
            role: SignerRole::Known(person.role),
            party: person.party,
        }
    }
}

impl RefusalToSign {
    /// The refusal of a person recorded present, with the reason they gave.
    pub fn of(person: &Person, reason: FreeText) -> RefusalToSign {
        RefusalToSign {
            name: person.name.clone(),
            role: SignerRole::Known(person.role),
            party: person.party,
            reason,
        }
    }
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
    /// Whether the results list everyone present with their arrival and
    /// departure, and the complaints lodged: true in every seal polltally
    /// makes now, absent in a seal made before, whose results stay the
    /// bytes they were.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub lists_presence: bool,
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
            lists_presence: true,
        }
    }

    /// Whether every signer's and refuser's role is a role key, as in every
    /// seal polltally makes now. A seal made before, with a role in words,
    /// is held to the rules it was made under.
    pub fn roles_are_keys(&self) -> bool {
        let key = |role: &SignerRole| role.role().is_some();
        self.signed.iter().all(|s| key(&s.role)) && self.refused.iter().all(|r| key(&r.role))
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
        let signed: BTreeSet<&str> = self.signed.iter().map(|s| s.name.as_str()).collect();
        for (i, r) in self.refused.iter().enumerate() {
            check_part("refused", i, "name", &r.name)?;
            check_part("refused", i, "role", &r.role.to_string())?;
            if signed.contains(r.name.as_str()) {
                return Err(Message::new(P::AlsoSigned)
                    .quoted("value", r.name.as_str())
                    .at(format!("refused[{i}].name")));
            }
        }
        Ok(())
    }
}

/// A role as typed after `NAME:`: one of the role keys; errors name `field`.
fn typed_role(field: &str, text: &str) -> Result<Role, Message> {
    Role::parse(text.trim()).map_err(|problem| problem.at(field))
}

/// Parses the `i`-th `NAME:ROLE` as typed on the command line; errors name
/// `signed`, or the part at `signed[i]`.
pub fn parse_signature(i: usize, text: &str) -> Result<Signer, Message> {
    match text.split_once(':') {
        Some((name, role)) if !role.contains(':') => Ok(Signer {
            name: typed_part("signed", i, "name", name)?,
            role: typed_role(&format!("signed[{i}].role"), role)?,
        }),
        _ => Err(Message::new(P::NotNameRole)
            .quoted("value", text)
            .at("signed")),
    }
}

/// Parses the `i`-th `NAME:ROLE:REASON` as typed on the command line; errors
/// name `refused`, or the part at `refused[i]`.
pub fn parse_refusal(i: usize, text: &str) -> Result<(Signer, FreeText), Message> {
    let mut parts = text.splitn(3, ':');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(name), Some(role), Some(reason)) => Ok((
            Signer {
                name: typed_part("refused", i, "name", name)?,
                role: typed_role(&format!("refused[{i}].role"), role)?,
            },
            typed_part("refused", i, "reason", reason)?,
        )),
        _ => Err(Message::new(P::NotNameRoleReason)
            .quoted("value", text)
            .at("refused")),
    }
}

/// A signer in words: `"Keo Rith" as party_agent of party 3`.
fn named(name: &str, role: &SignerRole, party: Option<PartyNumber>) -> Message {
    let message = match party {
        Some(party) => Message::new(P::AgentAs).num("party", party.0),
        None => Message::new(P::PersonAs),
    }
    .quoted("name", name);
    match role {
        SignerRole::Known(role) => message.role("role", *role),
        SignerRole::Written(words) => message.quoted("role", words),
    }
}

/// `who` is not among the people `present`, at `field`; the message lists
/// who is.
fn not_present(field: String, who: Message, present: &[&Person]) -> Message {
    let message = Message::new(P::NotPresent).message("who", who);
    let message = if present.is_empty() {
        message.message("present", Message::new(P::NoOnePresent))
    } else {
        message.list(
            "present",
            present
                .iter()
                .map(|p| named(&p.name, &SignerRole::Known(p.role), p.party))
                .collect(),
        )
    };
    message.at(field)
}

/// The person recorded present whom `signer` names (the same name and
/// role), if any, for the entry at `field` of a seal. Two party agents of
/// the same name for different parties cannot be told apart by `NAME:ROLE`.
pub fn present_as<'a>(
    present: &[&'a Person],
    field: &str,
    signer: &Signer,
) -> Result<Option<&'a Person>, Message> {
    let mut matching = present
        .iter()
        .copied()
        .filter(|p| p.name.trim() == signer.name.trim() && p.role == signer.role);
    let Some(person) = matching.next() else {
        return Ok(None);
    };
    let parties: BTreeSet<PartyNumber> = std::iter::once(person)
        .chain(matching)
        .filter_map(|p| p.party)
        .collect();
    if parties.len() > 1 {
        let parties: Vec<String> = parties.iter().map(ToString::to_string).collect();
        return Err(Message::new(P::PresentForParties)
            .message(
                "who",
                named(&signer.name, &SignerRole::Known(signer.role), None),
            )
            .text("parties", parties.join(", "))
            .at(field));
    }
    Ok(Some(person))
}

impl Seal {
    /// The chief's seal at `at`, naming each signer and refuser as the
    /// person recorded present under that name and role (see
    /// [`present_as`]): a party agent signs for the party recorded. Someone
    /// not present is named as typed, for [`check_signers`] to refuse with
    /// the count's other reasons; errors name the entry (`signed[1]`).
    pub fn of_present(
        at: Timestamp,
        signed: &[Signer],
        refused: &[(Signer, FreeText)],
        present: &[&Person],
    ) -> Result<Seal, Message> {
        let as_typed = |s: &Signer| Signature {
            name: s.name.clone(),
            role: SignerRole::Known(s.role),
            party: None,
        };
        let signed = signed
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let person = present_as(present, &format!("signed[{i}]"), s)?;
                Ok(person.map_or_else(|| as_typed(s), Signature::of))
            })
            .collect::<Result<Vec<_>, Message>>()?;
        let refused = refused
            .iter()
            .enumerate()
            .map(|(i, (s, reason))| {
                let person = present_as(present, &format!("refused[{i}]"), s)?;
                Ok(match person {
                    Some(person) => RefusalToSign::of(person, reason.clone()),
                    None => {
                        let Signature { name, role, party } = as_typed(s);
                        RefusalToSign {
                            name,
                            role,
                            party,
                            reason: reason.clone(),
                        }
                    }
                })
            })
            .collect::<Result<Vec<_>, Message>>()?;
        Ok(Seal::new(at, signed, refused))
    }
}

/// The rules for who signs a new seal: every signer and refuser is in a
/// role (a key, never words) and was recorded `present` with that name,
/// role and party; no one is named twice; and someone signs in each of the
/// `required` roles (the chief, always). Errors name the entry and the
/// value.
pub fn check_signers(seal: &Seal, present: &[&Person], required: &[Role]) -> Result<(), Message> {
    let signed = seal
        .signed
        .iter()
        .enumerate()
        .map(|(i, s)| (format!("signed[{i}]"), &s.name, &s.role, s.party));
    let refused = seal
        .refused
        .iter()
        .enumerate()
        .map(|(i, r)| (format!("refused[{i}]"), &r.name, &r.role, r.party));
    let entries: Vec<_> = signed.chain(refused).collect();
    for (k, (field, name, role, party)) in entries.iter().enumerate() {
        let Some(known) = role.role() else {
            return Err(Message::new(P::NotRole)
                .quoted("value", &role.to_string())
                .at(format!("{field}.role")));
        };
        let who = || named(name, role, *party);
        if !present
            .iter()
            .any(|p| p.name == **name && p.role == known && p.party == *party)
        {
            return Err(not_present(field.clone(), who(), present));
        }
        if let Some((other, ..)) = entries[..k]
            .iter()
            .find(|(_, n, r, p)| n == name && r == role && p == party)
        {
            return Err(Message::new(P::NamedTwice)
                .message("who", who())
                .text("other", other)
                .at(field.clone()));
        }
    }
    check_required_signers(seal, required)
}

/// Someone signed in each of the `required` roles.
pub fn check_required_signers(seal: &Seal, required: &[Role]) -> Result<(), Message> {
    for role in required {
        if !seal.signed.iter().any(|s| s.role.role() == Some(*role)) {
            return Err(Message::new(P::RoleSigns)
                .role("role", *role)
                .at("signed")
                .labelled(Label::Signatures));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str, role: Role, party: Option<u32>) -> Person {
        Person {
            name: FreeText::parse("name", name).unwrap(),
            role,
            party: party.map(PartyNumber),
            organisation: None,
        }
    }

    /// The chief, a secretary and the agent of party 3.
    fn present() -> Vec<Person> {
        vec![
            person("Chan Sophea", Role::Chief, None),
            person("Sok Dara", Role::Secretary, None),
            person("Keo Rith", Role::PartyAgent, Some(3)),
        ]
    }

    /// A seal as typed on the command line, naming the people present.
    fn typed(present: &[Person], signed: &[&str], refused: &[&str]) -> Result<Seal, Message> {
        let signed: Vec<Signer> = signed
            .iter()
            .enumerate()
            .map(|(i, s)| parse_signature(i, s).unwrap())
            .collect();
        let refused: Vec<(Signer, FreeText)> = refused
            .iter()
            .enumerate()
            .map(|(i, r)| parse_refusal(i, r).unwrap())
            .collect();
        let present: Vec<&Person> = present.iter().collect();
        Seal::of_present(Timestamp::from_unix_seconds(0), &signed, &refused, &present)
    }

    /// The rules for a new seal, over the people present.
    fn rules(present: &[Person], seal: &Seal) -> Result<(), String> {
        let present: Vec<&Person> = present.iter().collect();
        seal.check().map_err(|e| e.to_string())?;
        check_signers(seal, &present, &[Role::Chief]).map_err(|e| e.to_string())
    }

    #[test]
    fn parses_the_command_line_forms() {
        assert_eq!(
            parse_signature(0, "Chan Sophea:chief").unwrap().role,
            Role::Chief
        );
        assert!(parse_signature(0, "Chan Sophea").is_err());
        assert!(parse_signature(0, "a:b:c").is_err());
        let (signer, reason) = parse_refusal(
            0,
            "Keo Rith:party_agent:the I4 rulings were wrong: see seq 12",
        )
        .unwrap();
        assert_eq!(signer.role, Role::PartyAgent);
        assert_eq!(reason.as_str(), "the I4 rulings were wrong: see seq 12");
        assert!(parse_refusal(0, "Keo Rith:agent").is_err());
        assert_eq!(
            parse_signature(0, " :chief").unwrap_err().to_string(),
            "signed[0].name: must not be empty"
        );
    }

    #[test]
    fn a_role_is_typed_as_its_key_never_as_words() {
        assert_eq!(
            parse_signature(1, "Chan Sophea:Chief of the commission")
                .unwrap_err()
                .to_string(),
            "signed[1].role: \"Chief of the commission\" is not a role \
             (chief, secretary, member, party_agent, observer)"
        );
        assert_eq!(
            parse_refusal(0, "Keo Rith:agent of party 3:no")
                .unwrap_err()
                .to_string(),
            "refused[0].role: \"agent of party 3\" is not a role \
             (chief, secretary, member, party_agent, observer)"
        );
    }

    #[test]
    fn a_seal_names_the_people_present_and_a_party_agent_signs_for_the_party() {
        let seal = typed(
            &present(),
            &["Chan Sophea:chief", "Keo Rith:party_agent"],
            &["Sok Dara:secretary:the count was too fast"],
        )
        .unwrap();
        assert_eq!(seal.signed[1].party, Some(PartyNumber(3)));
        assert_eq!(seal.signed[0].party, None);
        assert_eq!(seal.refused[0].role, SignerRole::Known(Role::Secretary));
        assert_eq!(rules(&present(), &seal), Ok(()));
        // In the file: role keys, and the party of the agent.
        let json = serde_json::to_string(&seal.signed).unwrap();
        assert_eq!(
            json,
            r#"[{"name":"Chan Sophea","role":"chief"},{"name":"Keo Rith","role":"party_agent","party":3}]"#
        );
    }

    /// The rules' verdict on a seal as typed.
    fn typed_rules(present: &[Person], signed: &[&str], refused: &[&str]) -> String {
        rules(present, &typed(present, signed, refused).unwrap()).unwrap_err()
    }

    #[test]
    fn a_signer_or_refuser_not_recorded_present_is_refused() {
        assert_eq!(
            typed_rules(&present(), &["Chan Sophea:chief", "Lim Bopha:member"], &[]),
            "signed[1]: \"Lim Bopha\" as member is not recorded present (present: \
             \"Chan Sophea\" as chief; \"Sok Dara\" as secretary; \
             \"Keo Rith\" as party_agent of party 3)"
        );
        // The same name in another role is someone else.
        assert_eq!(
            typed_rules(&present(), &["Chan Sophea:chief"], &["Sok Dara:member:no"]),
            "refused[0]: \"Sok Dara\" as member is not recorded present (present: \
             \"Chan Sophea\" as chief; \"Sok Dara\" as secretary; \
             \"Keo Rith\" as party_agent of party 3)"
        );
        assert_eq!(
            typed_rules(&[], &["Chan Sophea:chief"], &[]),
            "signed[0]: \"Chan Sophea\" as chief is not recorded present (present: no one yet)"
        );
        // A seal made otherwise is held to the same rules: the party too.
        let mut seal = typed(
            &present(),
            &["Chan Sophea:chief", "Keo Rith:party_agent"],
            &[],
        )
        .unwrap();
        seal.signed[1].party = Some(PartyNumber(2));
        assert_eq!(
            rules(&present(), &seal).unwrap_err(),
            "signed[1]: \"Keo Rith\" as party_agent of party 2 is not recorded present \
             (present: \"Chan Sophea\" as chief; \"Sok Dara\" as secretary; \
             \"Keo Rith\" as party_agent of party 3)"
        );
    }

    #[test]
    fn the_chief_signs() {
        let seal = typed(&present(), &["Sok Dara:secretary"], &[]).unwrap();
        assert_eq!(
            rules(&present(), &seal).unwrap_err(),
            "signed: no one signs as chief; the result needs the signature of the chief"
        );
        // A chief who refuses does not sign.
        let seal = typed(
            &present(),
            &["Sok Dara:secretary"],
            &["Chan Sophea:chief:no"],
        )
        .unwrap();
        assert!(rules(&present(), &seal).is_err());
        // Nor does a refusal count twice as a signature.
        let seal = typed(
            &present(),
            &["Chan Sophea:chief"],
            &["Chan Sophea:chief:no"],
        )
        .unwrap();
        assert_eq!(
            rules(&present(), &seal).unwrap_err(),
            "refused[0].name: \"Chan Sophea\" also signed"
        );
    }

    #[test]
    fn no_one_signs_twice() {
        let seal = typed(
            &present(),
            &[
                "Chan Sophea:chief",
                "Sok Dara:secretary",
                "Chan Sophea:chief",
            ],
            &[],
        )
        .unwrap();
        assert_eq!(
            rules(&present(), &seal).unwrap_err(),
            "signed[2]: \"Chan Sophea\" as chief is named twice (also signed[0])"
        );
    }

    #[test]
    fn two_agents_of_one_name_for_two_parties_cannot_be_told_apart() {
        let mut people = present();
        people.push(person("Keo Rith", Role::PartyAgent, Some(1)));
        assert_eq!(
            typed(&people, &["Chan Sophea:chief", "Keo Rith:party_agent"], &[])
                .unwrap_err()
                .to_string(),
            "signed[1]: \"Keo Rith\" as party_agent is recorded present for more than one \
             party (1, 3); withdraw the wrong entry first"
        );
    }

    #[test]
    fn a_role_in_words_from_an_older_record_is_read_and_kept_but_never_made() {
        for (json, known) in [
            (r#""chief""#, Some(Role::Chief)),
            (r#""party_agent""#, Some(Role::PartyAgent)),
            (r#""agent of party 3""#, None),
            (r#""Chief""#, None),
        ] {
            let role: SignerRole = serde_json::from_str(json).unwrap();
            assert_eq!(role.role(), known, "{json}");
            assert_eq!(serde_json::to_string(&role).unwrap(), json);
        }
        assert!(serde_json::from_str::<SignerRole>(r#"" ""#).is_err());
        // An older seal: read, kept byte for byte, and it passes the rules
        // it was sealed by.
        let old = r#"{"name":"Chan Sophea","role":"Chief of the commission"}"#;
        let signature: Signature = serde_json::from_str(old).unwrap();
        assert_eq!(serde_json::to_string(&signature).unwrap(), old);
        let seal = Seal::new(Timestamp::from_unix_seconds(0), vec![signature], vec![]);
        assert_eq!(seal.check(), Ok(()));
        // A new seal never holds it.
        assert_eq!(
            rules(&present(), &seal).unwrap_err(),
            "signed[0].role: \"Chief of the commission\" is not a role \
             (chief, secretary, member, party_agent, observer)"
        );
    }

    #[test]
    fn a_seal_needs_a_signature_and_real_names() {
        let empty = Seal::new(Timestamp::from_unix_seconds(0), vec![], vec![]);
        assert_eq!(
            empty.check().unwrap_err().to_string(),
            "signed: at least the chief signs the result"
        );
    }
}
