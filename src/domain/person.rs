//! The people present at the count: commission members, party agents and
//! observers. Their presence is recorded in the journal; the forms print them.

use crate::domain::free_text::FreeText;
use crate::domain::limits::MAX_NAME_CHARS;
use crate::domain::message::{Label, Message, P};
use crate::domain::party::PartyNumber;
use crate::domain::ruling::not_on_ballot;
use crate::domain::station::StationDefinition;
use serde::{Deserialize, Serialize};

/// What a person present does at the count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Chief of the counting commission.
    Chief,
    /// Secretary of the counting commission.
    Secretary,
    /// Member of the counting commission.
    Member,
    /// Agent of a party on the ballot.
    PartyAgent,
    /// Observer for an organisation.
    Observer,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Chief,
        Role::Secretary,
        Role::Member,
        Role::PartyAgent,
        Role::Observer,
    ];

    /// Whether one in this role lodges complaints with the commission: a
    /// party agent or an observer (a member of the commission does not
    /// complain to it).
    pub fn lodges_complaints(self) -> bool {
        matches!(self, Role::PartyAgent | Role::Observer)
    }

    /// The key used in files and on the command line.
    pub fn key(self) -> &'static str {
        match self {
            Role::Chief => "chief",
            Role::Secretary => "secretary",
            Role::Member => "member",
            Role::PartyAgent => "party_agent",
            Role::Observer => "observer",
        }
    }

    /// Parses a key as typed on the command line.
    pub fn parse(text: &str) -> Result<Role, Message> {
        Role::ALL
            .into_iter()
            .find(|r| r.key() == text)
            .ok_or_else(|| Message::new(P::NotRole).quoted("value", text))
    }
}

/// A person present at the count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub name: FreeText,
    pub role: Role,
    /// The party a party agent represents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub party: Option<PartyNumber>,
    /// The organisation an observer represents.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<FreeText>,
}

impl Person {
    /// Checks the entry: a name on one line; a party agent names a party of this
    /// station and nothing else; an observer names an organisation and
    /// nothing else; commission members name neither.
    pub fn check(&self, def: &StationDefinition) -> Result<(), Message> {
        let name = self.name.as_str();
        if name.chars().count() > MAX_NAME_CHARS || name.contains('\n') {
            return Err(Message::new(P::NameOneLine)
                .num("max", MAX_NAME_CHARS as u64)
                .at("name")
                .labelled(Label::Name));
        }
        match (self.role, self.party, &self.organisation) {
            (Role::PartyAgent, Some(party), None) => {
                if def.party(party).is_none() {
                    return Err(not_on_ballot(party.0, &def.party_numbers_text())
                        .at("party")
                        .labelled(Label::Party));
                }
            }
            (Role::PartyAgent, None, _) => {
                return Err(Message::new(P::AgentNamesParty)
                    .at("party")
                    .labelled(Label::Party));
            }
            (Role::Observer, None, Some(_)) => {}
            (Role::Observer, _, None) => {
                return Err(Message::new(P::ObserverNamesOrganisation)
                    .at("organisation")
                    .labelled(Label::Organisation));
            }
            (Role::Chief | Role::Secretary | Role::Member, None, None) => {}
            (role, Some(_), _) => {
                return Err(Message::new(P::OnlyAgentNamesParty)
                    .text("role", role.key())
                    .at("party")
                    .labelled(Label::Party));
            }
            (role, None, Some(_)) => {
                return Err(Message::new(P::OnlyObserverNamesOrganisation)
                    .text("role", role.key())
                    .at("organisation")
                    .labelled(Label::Organisation));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::station::StationFile;

    fn def() -> StationDefinition {
        StationFile::parse(include_bytes!("../../tests/fixtures/station-small.json").to_vec())
            .unwrap()
            .definition()
            .clone()
    }

    fn person(role: Role, party: Option<u32>, organisation: Option<&str>) -> Person {
        Person {
            name: FreeText::parse("name", "Sok Dara").unwrap(),
            role,
            party: party.map(PartyNumber),
            organisation: organisation.map(|o| FreeText::parse("organisation", o).unwrap()),
        }
    }

    #[test]
    fn each_role_names_what_it_must() {
        let def = def();
        assert!(person(Role::Chief, None, None).check(&def).is_ok());
        assert!(person(Role::PartyAgent, Some(2), None).check(&def).is_ok());
        assert!(
            person(Role::Observer, None, Some("COMFREL"))
                .check(&def)
                .is_ok()
        );
        let err = |p: Person| p.check(&def).unwrap_err().to_string();
        assert_eq!(
            err(person(Role::PartyAgent, None, None)),
            "party: a party agent names the party"
        );
        assert!(err(person(Role::PartyAgent, Some(7), None)).starts_with("party: 7 is not on"));
        assert_eq!(
            err(person(Role::Observer, None, None)),
            "organisation: an observer names the organisation"
        );
        assert_eq!(
            err(person(Role::Member, Some(1), None)),
            "party: only a party agent names a party, not a member"
        );
        assert_eq!(
            FreeText::parse("name", " ").unwrap_err().to_string(),
            "name: must not be empty"
        );
    }

    #[test]
    fn roles_parse_from_their_keys() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.key()), Ok(role));
        }
        assert!(
            Role::parse("boss")
                .unwrap_err()
                .to_string()
                .contains("not a role")
        );
    }
}
