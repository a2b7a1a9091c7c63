//! A ruling on one ballot: valid for one party under a valid criterion, or
//! invalid under one invalid criterion, optionally disputed by party agents.

use crate::domain::criteria::{CriterionCode, Validity};
use crate::domain::free_text::FreeText;
use crate::domain::message::{Explain, Label, Message, P};
use crate::domain::party::PartyNumber;
use crate::domain::station::StationDefinition;
use serde::{Deserialize, Serialize};
use std::fmt;

/// What the commission decided about a ballot.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Verdict {
    /// Counts for `party`, under a valid criterion.
    Valid {
        party: PartyNumber,
        criterion: CriterionCode,
    },
    /// Counts for no party, under an invalid criterion.
    Invalid { criterion: CriterionCode },
}

impl Verdict {
    pub fn criterion(&self) -> &CriterionCode {
        match self {
            Verdict::Valid { criterion, .. } | Verdict::Invalid { criterion } => criterion,
        }
    }

    /// The party a valid verdict counts for; none for an invalid one.
    pub fn party(&self) -> Option<PartyNumber> {
        match self {
            Verdict::Valid { party, .. } => Some(*party),
            Verdict::Invalid { .. } => None,
        }
    }
}

impl fmt::Display for Verdict {
    /// `party 3 (V1)` or `invalid I2`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Verdict::Valid { party, criterion } => write!(f, "party {party} ({criterion})"),
            Verdict::Invalid { criterion } => write!(f, "invalid {criterion}"),
        }
    }
}

/// A ruling as recorded in the journal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ruling {
    pub verdict: Verdict,
    /// The parties whose agents disputed the ruling, in the order given.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disputed_by: Vec<PartyNumber>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<FreeText>,
}

/// Why a ruling cannot be recorded. Each message names the field and value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RulingError {
    UnknownParty {
        party: u32,
        known: String,
    },
    UnknownCriterion {
        code: String,
        valid: String,
        invalid: String,
    },
    NotValid {
        code: String,
        valid: String,
    },
    NotInvalid {
        code: String,
        invalid: String,
    },
    UnknownDisputant {
        party: u32,
        known: String,
    },
    DisputantTwice {
        party: u32,
    },
}

/// `{party} is not on this station's ballot (parties {known})`.
pub fn not_on_ballot(party: u32, known: &str) -> Message {
    Message::new(P::NotOnBallot)
        .num("party", party)
        .text("known", known)
}

impl Explain for RulingError {
    fn message(&self) -> Message {
        match self {
            RulingError::UnknownParty { party, known } => not_on_ballot(*party, known)
                .at("party")
                .labelled(Label::Party),
            RulingError::UnknownCriterion {
                code,
                valid,
                invalid,
            } => Message::new(P::UnknownCriterion)
                .text("code", code)
                .text("valid", valid)
                .text("invalid", invalid)
                .at("criterion")
                .labelled(Label::Criterion),
            RulingError::NotValid { code, valid } => Message::new(P::NotValidCriterion)
                .text("code", code)
                .text("valid", valid)
                .at("criterion")
                .labelled(Label::Criterion),
            RulingError::NotInvalid { code, invalid } => Message::new(P::NotInvalidCriterion)
                .text("code", code)
                .text("invalid", invalid)
                .at("invalid")
                .labelled(Label::Criterion),
            RulingError::UnknownDisputant { party, known } => not_on_ballot(*party, known)
                .at("disputed_by")
                .labelled(Label::Disputants),
            RulingError::DisputantTwice { party } => Message::new(P::PartyNamedTwice)
                .num("party", *party)
                .at("disputed_by")
                .labelled(Label::Disputants),
        }
    }
}

/// A ruling as a user asks for it (CLI flags, a line of `rule --stdin`, a
/// key on the counting screen), before it is checked against the station.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RulingRequest {
    pub choice: RulingChoice,
    pub disputed_by: Vec<u32>,
    pub note: Option<FreeText>,
}

/// The two kinds of request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RulingChoice {
    /// For a party; `criterion` defaults to the first valid criterion (V1).
    Party {
        party: u32,
        criterion: Option<String>,
    },
    /// Invalid under the typed criterion code.
    Invalid { code: String },
}

impl RulingRequest {
    /// Turns the request into a ruling of this station, or says what is wrong.
    pub fn resolve(&self, def: &StationDefinition) -> Result<Ruling, RulingError> {
        let criteria = &def.criteria;
        let lookup = |typed: &str| {
            criteria
                .find(typed)
                .ok_or_else(|| RulingError::UnknownCriterion {
                    code: typed.to_string(),
                    valid: criteria.codes_text(Validity::Valid),
                    invalid: criteria.codes_text(Validity::Invalid),
                })
        };
        let verdict = match &self.choice {
            RulingChoice::Party { party, criterion } => {
                let criterion = match criterion {
                    Some(typed) => lookup(typed)?,
                    None => criteria.default_valid(),
                };
                Verdict::Valid {
                    party: PartyNumber(*party),
                    criterion: criterion.code.clone(),
                }
            }
            RulingChoice::Invalid { code } => Verdict::Invalid {
                criterion: lookup(code)?.code.clone(),
            },
        };
        let ruling = Ruling {
            verdict,
            disputed_by: self.disputed_by.iter().copied().map(PartyNumber).collect(),
            note: self.note.clone(),
        };
        ruling.check(def)?;
        Ok(ruling)
    }
}

impl Ruling {
    /// Checks the ruling against the station: the party is on the ballot,
    /// the criterion exists and has the right validity, disputants are
    /// parties named once. A note is a [`FreeText`], checked where typed.
    pub fn check(&self, def: &StationDefinition) -> Result<(), RulingError> {
        let criteria = &def.criteria;
        let code = self.verdict.criterion();
        let Some(criterion) = criteria.get(code) else {
            return Err(RulingError::UnknownCriterion {
                code: code.to_string(),
                valid: criteria.codes_text(Validity::Valid),
                invalid: criteria.codes_text(Validity::Invalid),
            });
        };
        match (&self.verdict, criterion.validity) {
            (Verdict::Valid { party, .. }, Validity::Valid) => {
                if def.party(*party).is_none() {
                    return Err(RulingError::UnknownParty {
                        party: party.0,
                        known: def.party_numbers_text(),
                    });
                }
            }
            (Verdict::Valid { .. }, Validity::Invalid) => {
                return Err(RulingError::NotValid {
                    code: code.to_string(),
                    valid: criteria.codes_text(Validity::Valid),
                });
            }
            (Verdict::Invalid { .. }, Validity::Valid) => {
                return Err(RulingError::NotInvalid {
                    code: code.to_string(),
                    invalid: criteria.codes_text(Validity::Invalid),
                });
            }
            (Verdict::Invalid { .. }, Validity::Invalid) => {}
        }
        for (i, party) in self.disputed_by.iter().enumerate() {
            if def.party(*party).is_none() {
                return Err(RulingError::UnknownDisputant {
                    party: party.0,
                    known: def.party_numbers_text(),
                });
            }
            if self.disputed_by[..i].contains(party) {
                return Err(RulingError::DisputantTwice { party: party.0 });
            }
        }
        Ok(())
    }

    pub fn is_disputed(&self) -> bool {
        !self.disputed_by.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::limits::MAX_TEXT_CHARS;
    use crate::domain::station::StationFile;

    fn sample() -> StationDefinition {
        let bytes = include_bytes!("../../assets/sample-station.json").to_vec();
        StationFile::parse(bytes).unwrap().definition().clone()
    }

    fn request(choice: RulingChoice) -> RulingRequest {
        RulingRequest {
            choice,
            disputed_by: vec![],
            note: None,
        }
    }

    #[test]
    fn a_party_ruling_defaults_to_the_first_valid_criterion() {
        let r = request(RulingChoice::Party {
            party: 3,
            criterion: None,
        })
        .resolve(&sample())
        .unwrap();
        assert_eq!(r.verdict.to_string(), "party 3 (V1)");
    }

    #[test]
    fn typed_codes_are_case_insensitive() {
        let r = request(RulingChoice::Invalid { code: "i2".into() })
            .resolve(&sample())
            .unwrap();
        assert_eq!(r.verdict.to_string(), "invalid I2");
    }

    #[test]
    fn each_refusal_names_field_and_value() {
        let def = sample();
        let cases = [
            (
                RulingChoice::Party {
                    party: 13,
                    criterion: None,
                },
                "party: 13 is not on this station's ballot (parties 1-12)",
            ),
            (
                RulingChoice::Party {
                    party: 0,
                    criterion: None,
                },
                "party: 0 is not",
            ),
            (
                RulingChoice::Party {
                    party: 2,
                    criterion: Some("I3".into()),
                },
                "criterion: I3 is an invalid criterion",
            ),
            (
                RulingChoice::Party {
                    party: 2,
                    criterion: Some("V9".into()),
                },
                "criterion: V9 is not a criterion",
            ),
            (
                RulingChoice::Invalid { code: "V2".into() },
                "invalid: V2 is a valid criterion",
            ),
        ];
        for (choice, expected) in cases {
            let err = request(choice).resolve(&def).unwrap_err().to_string();
            assert!(err.starts_with(expected), "{err}");
        }
    }

    #[test]
    fn disputes_must_name_parties_once() {
        let def = sample();
        let mut r = request(RulingChoice::Party {
            party: 1,
            criterion: None,
        });
        r.disputed_by = vec![5, 7];
        assert_eq!(
            r.resolve(&def).unwrap().disputed_by,
            vec![PartyNumber(5), PartyNumber(7)]
        );
        r.disputed_by = vec![5, 5];
        assert_eq!(
            r.resolve(&def).unwrap_err().to_string(),
            "disputed_by: party 5 is named twice"
        );
        r.disputed_by = vec![40];
        assert!(
            r.resolve(&def)
                .unwrap_err()
                .to_string()
                .starts_with("disputed_by: 40 is not")
        );
    }

    #[test]
    fn notes_must_be_real_text() {
        let def = sample();
        let note = |text: &str| FreeText::parse("note", text);
        assert_eq!(
            note("  ").unwrap_err().to_string(),
            "note: must not be empty"
        );
        assert!(
            note(&"x".repeat(MAX_TEXT_CHARS + 1))
                .unwrap_err()
                .to_string()
                .contains("too long")
        );
        let mut r = request(RulingChoice::Invalid { code: "I5".into() });
        r.note = Some(note("name written on the back").unwrap());
        assert!(r.resolve(&def).is_ok());
    }

    #[test]
    fn verdicts_serialize_with_a_kind_tag() {
        let v = Verdict::Valid {
            party: PartyNumber(3),
            criterion: CriterionCode::parse("V3").unwrap(),
        };
        assert_eq!(
            serde_json::to_string(&v).unwrap(),
            r#"{"kind":"valid","party":3,"criterion":"V3"}"#
        );
        let back: Verdict = serde_json::from_str(r#"{"kind":"invalid","criterion":"I2"}"#).unwrap();
        assert_eq!(back.to_string(), "invalid I2");
        assert!(
            serde_json::from_str::<Verdict>(r#"{"kind":"invalid","criterion":"I2","party":1}"#)
                .is_err()
        );
    }
}
