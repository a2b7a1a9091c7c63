//! Ballot validity criteria: every ruling names exactly one. The default set
//! is DESIGN.md's; a station file may replace it.

use crate::domain::message::{Message, P};
use crate::domain::text::LocalizedText;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A criterion's code (`V1`, `I3`, ...): an uppercase letter followed by up
/// to seven uppercase letters or digits, so it can never be read as a party
/// number.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CriterionCode(String);

impl CriterionCode {
    /// Parses a code as written in a station file.
    pub fn parse(text: &str) -> Result<CriterionCode, Message> {
        let mut chars = text.chars();
        let first_ok = chars.next().is_some_and(|c| c.is_ascii_uppercase());
        let rest_ok = chars.all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
        if first_ok && rest_ok && text.len() <= 8 {
            Ok(CriterionCode(text.to_string()))
        } else {
            Err(Message::new(P::NotCriterionCode).quoted("value", text))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for CriterionCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Whether a criterion makes a ballot count for a party or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Validity {
    Valid,
    Invalid,
}

/// One named rule a ballot is judged by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Criterion {
    pub code: CriterionCode,
    pub validity: Validity,
    pub title: LocalizedText,
    pub rule: LocalizedText,
    pub example: Option<LocalizedText>,
}

/// The criteria in force for a count, in the order they are listed. Holds at
/// least one valid and one invalid criterion, with unique codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CriteriaSet {
    criteria: Vec<Criterion>,
}

impl CriteriaSet {
    /// Builds a set, checking the invariants. Errors name the index.
    pub fn new(criteria: Vec<Criterion>) -> Result<CriteriaSet, (Option<usize>, Message)> {
        for (i, c) in criteria.iter().enumerate() {
            if let Some(j) = criteria[..i].iter().position(|o| o.code == c.code) {
                return Err((
                    Some(i),
                    Message::new(P::CriterionCodeTwice)
                        .text("code", &c.code)
                        .text("j", j),
                ));
            }
        }
        for (validity, missing) in [
            (Validity::Valid, P::NoValidCriterion),
            (Validity::Invalid, P::NoInvalidCriterion),
        ] {
            if !criteria.iter().any(|c| c.validity == validity) {
                return Err((None, Message::new(missing)));
            }
        }
        Ok(CriteriaSet { criteria })
    }

    /// The default set of DESIGN.md ("Ballot validity criteria").
    pub fn default_set() -> CriteriaSet {
        CriteriaSet {
            criteria: DEFAULT_CRITERIA
                .iter()
                .map(|d| Criterion {
                    code: CriterionCode(d.code.to_string()),
                    validity: d.validity,
                    title: LocalizedText::from_pairs(&[("en", d.title[0]), ("km", d.title[1])]),
                    rule: LocalizedText::from_pairs(&[("en", d.rule[0]), ("km", d.rule[1])]),
                    example: Some(LocalizedText::from_pairs(&[
                        ("en", d.example[0]),
                        ("km", d.example[1]),
                    ])),
                })
                .collect(),
        }
    }

    pub fn iter(&self) -> impl Iterator<Item = &Criterion> {
        self.criteria.iter()
    }

    pub fn get(&self, code: &CriterionCode) -> Option<&Criterion> {
        self.criteria.iter().find(|c| &c.code == code)
    }

    /// Looks a code up as a user typed it (any case).
    pub fn find(&self, typed: &str) -> Option<&Criterion> {
        self.criteria
            .iter()
            .find(|c| c.code.as_str().eq_ignore_ascii_case(typed))
    }

    /// The criteria of one validity, in listed order.
    pub fn of(&self, validity: Validity) -> impl Iterator<Item = &Criterion> {
        self.criteria.iter().filter(move |c| c.validity == validity)
    }

    /// The criterion a valid ruling names when none is given: the first valid
    /// one (V1 in the default set).
    pub fn default_valid(&self) -> &Criterion {
        // `new` and `default_set` guarantee a valid criterion exists.
        self.of(Validity::Valid).next().unwrap_or(&self.criteria[0])
    }

    /// The codes of one validity, space-separated, for error messages.
    pub fn codes_text(&self, validity: Validity) -> String {
        self.of(validity)
            .map(|c| c.code.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

struct DefaultCriterion {
    code: &'static str,
    validity: Validity,
    title: [&'static str; 2],
    rule: [&'static str; 2],
    example: [&'static str; 2],
}

const DEFAULT_CRITERIA: &[DefaultCriterion] = &[
    DefaultCriterion {
        code: "V1",
        validity: Validity::Valid,
        title: ["Prescribed mark", "សញ្ញាតាមការកំណត់"],
        rule: [
            "The prescribed tick inside one party's box.",
            "សញ្ញាធីកតាមការកំណត់ ក្នុងប្រអប់របស់គណបក្សតែមួយ។",
        ],
        example: [
            "A tick in the box of party 3 only.",
            "សញ្ញាធីកក្នុងប្រអប់គណបក្សលេខ {#3} តែប៉ុណ្ណោះ។",
        ],
    },
    DefaultCriterion {
        code: "V2",
        validity: Validity::Valid,
        title: ["Other mark", "សញ្ញាផ្សេងទៀត"],
        rule: [
            "Another mark (X, V, U, O, inverted U, parentheses, ~) inside one box.",
            "សញ្ញាផ្សេង (X, V, U, O, U បញ្ច្រាស, វង់ក្រចក, ~) ក្នុងប្រអប់តែមួយ។",
        ],
        example: [
            "An X in the box of party 5 only.",
            "សញ្ញា X ក្នុងប្រអប់គណបក្សលេខ {#5} តែប៉ុណ្ណោះ។",
        ],
    },
    DefaultCriterion {
        code: "V3",
        validity: Validity::Valid,
        title: ["Beside the box", "ក្បែរប្រអប់"],
        rule: [
            "One mark outside the box but clearly tied to one party only (on its logo or name row), no mark for any other party.",
            "សញ្ញាមួយនៅក្រៅប្រអប់ ប៉ុន្តែនៅលើជួរនិមិត្តសញ្ញា ឬឈ្មោះ របស់គណបក្សតែមួយ ហើយគ្មានសញ្ញាសម្រាប់គណបក្សផ្សេង។",
        ],
        example: [
            "A tick on party 2's logo, next to its box; nothing else.",
            "សញ្ញាធីកលើនិមិត្តសញ្ញាគណបក្សលេខ {#2} ក្បែរប្រអប់ គ្មានសញ្ញាផ្សេង។",
        ],
    },
    DefaultCriterion {
        code: "V4",
        validity: Validity::Valid,
        title: ["Faint or partial mark", "សញ្ញាស្រាល ឬមិនពេញ"],
        rule: [
            "A faint or partial mark whose intention is clear, for one party only.",
            "សញ្ញាស្រាល ឬមិនពេញ តែចេតនាច្បាស់ សម្រាប់គណបក្សតែមួយ។",
        ],
        example: [
            "A light, broken tick in the box of party 7.",
            "សញ្ញាធីកស្រាល ដាច់ៗ ក្នុងប្រអប់គណបក្សលេខ {#7}។",
        ],
    },
    DefaultCriterion {
        code: "I1",
        validity: Validity::Invalid,
        title: ["Not an official ballot", "មិនមែនសន្លឹកឆ្នោតផ្លូវការ"],
        rule: [
            "No official stamp or seal, not from this station's books, or a photocopy.",
            "គ្មានត្រាផ្លូវការ មិនមែនពីសៀវភៅសន្លឹកឆ្នោតរបស់ការិយាល័យនេះ ឬជាការថតចម្លង។",
        ],
        example: [
            "A ballot without the station's stamp on the back.",
            "សន្លឹកឆ្នោតគ្មានត្រារបស់ការិយាល័យនៅខាងក្រោយ។",
        ],
    },
    DefaultCriterion {
        code: "I2",
        validity: Validity::Invalid,
        title: ["Blank", "សន្លឹកឆ្នោតទទេ"],
        rule: ["No mark at all.", "គ្មានសញ្ញាអ្វីទាំងអស់។"],
        example: [
            "A ballot folded and put in the box with no mark.",
            "សន្លឹកឆ្នោតបត់ដាក់ក្នុងហិបដោយគ្មានសញ្ញា។",
        ],
    },
    DefaultCriterion {
        code: "I3",
        validity: Validity::Invalid,
        title: ["More than one party", "ច្រើនជាងមួយគណបក្ស"],
        rule: [
            "Marks for two or more parties.",
            "មានសញ្ញាសម្រាប់គណបក្សពីរ ឬច្រើន។",
        ],
        example: [
            "Ticks in the boxes of parties 1 and 4.",
            "សញ្ញាធីកក្នុងប្រអប់គណបក្សលេខ {#1} និង {#4}។",
        ],
    },
    DefaultCriterion {
        code: "I4",
        validity: Validity::Invalid,
        title: ["Intention unclear", "ចេតនាមិនច្បាស់"],
        rule: [
            "A mark that cannot be tied to one party, such as one straddling two rows.",
            "សញ្ញាដែលមិនអាចភ្ជាប់ទៅគណបក្សតែមួយបាន ដូចជាសញ្ញាជាន់លើជួរពីរ។",
        ],
        example: [
            "One cross on the line between parties 6 and 7.",
            "សញ្ញាខ្វែងមួយនៅលើបន្ទាត់រវាងគណបក្សលេខ {#6} និង {#7}។",
        ],
    },
    DefaultCriterion {
        code: "I5",
        validity: Validity::Invalid,
        title: ["Identifying mark", "សញ្ញាសម្គាល់អត្តសញ្ញាណ"],
        rule: [
            "A name, signature, number, written words, sticker or fingerprint that could identify the voter.",
            "ឈ្មោះ ហត្ថលេខា លេខ ពាក្យសរសេរ ស្ទីគ័រ ឬស្នាមម្រាមដៃ ដែលអាចបង្ហាញអត្តសញ្ញាណអ្នកបោះឆ្នោត។",
        ],
        example: [
            "A tick for party 2 with the voter's name written below.",
            "សញ្ញាធីកសម្រាប់គណបក្សលេខ {#2} ហើយមានឈ្មោះអ្នកបោះឆ្នោតសរសេរខាងក្រោម។",
        ],
    },
    DefaultCriterion {
        code: "I6",
        validity: Validity::Invalid,
        title: ["Damaged", "រហែក ឬប្រឡាក់"],
        rule: [
            "Torn or defaced so that the intention cannot be determined.",
            "រហែក ឬប្រឡាក់ ដែលមិនអាចកំណត់ចេតនាបាន។",
        ],
        example: [
            "Half the ballot torn away where the mark was.",
            "សន្លឹកឆ្នោតរហែកពាក់កណ្ដាលត្រង់កន្លែងសញ្ញា។",
        ],
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_set_matches_the_design() {
        let set = CriteriaSet::default_set();
        assert_eq!(set.codes_text(Validity::Valid), "V1 V2 V3 V4");
        assert_eq!(set.codes_text(Validity::Invalid), "I1 I2 I3 I4 I5 I6");
        assert_eq!(set.default_valid().code.as_str(), "V1");
        for c in set.iter() {
            for text in [&c.title, &c.rule] {
                assert!(
                    text.exactly("en").is_some() && text.exactly("km").is_some(),
                    "{}",
                    c.code
                );
            }
        }
        // The default set passes the same checks as a station file's set.
        assert!(CriteriaSet::new(set.criteria.clone()).is_ok());
    }

    #[test]
    fn codes_cannot_look_like_party_numbers() {
        assert!(CriterionCode::parse("3").is_err());
        assert!(CriterionCode::parse("v1").is_err());
        assert!(CriterionCode::parse("").is_err());
        assert!(CriterionCode::parse("ABCDEFGHI").is_err());
        assert!(CriterionCode::parse("X12").is_ok());
    }

    #[test]
    fn typed_codes_match_in_any_case() {
        let set = CriteriaSet::default_set();
        assert_eq!(set.find("i2").map(|c| c.code.as_str()), Some("I2"));
        assert!(set.find("I9").is_none());
    }

    #[test]
    fn a_set_needs_both_validities_and_unique_codes() {
        let mut list: Vec<Criterion> = CriteriaSet::default_set().criteria;
        let dup = list[0].clone();
        list.push(dup);
        let (at, msg) = CriteriaSet::new(list.clone()).unwrap_err();
        assert_eq!(at, Some(10));
        assert!(msg.to_string().contains("V1 is used twice"), "{msg}");
        list.retain(|c| c.validity == Validity::Valid);
        list.pop();
        assert!(
            CriteriaSet::new(list)
                .unwrap_err()
                .1
                .to_string()
                .contains("invalid criterion")
        );
    }
}
