//! The glossary: one Khmer word per English term, as the National Election
//! Committee (NEC) and commune officials write it. Every table of the app
//! (interface texts [`super::T`], problems [`crate::domain::message::P`],
//! help [`super::help::H`]) and the default criteria are held to it by a
//! test: a Khmer text may not use another rendering of a term, and a text
//! whose English names a term must use the term's Khmer.

/// One term of the glossary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term {
    /// The English forms that name the term (whole words, any case).
    pub en: &'static [&'static str],
    /// The one Khmer rendering.
    pub km: &'static str,
    /// The NEC's own abbreviation of it, which a text may use instead where
    /// space is short (`គ.ជ.ប`).
    pub short: Option<&'static str>,
    /// Other renderings a Khmer text may not use for it. Each is looked for
    /// after the Khmer term itself is taken out of the text, so a wrong
    /// variant may be a part of the right one (`ច្បាប់` of `ច្បាប់ចម្លង`).
    pub wrong: &'static [&'static str],
    /// Where the rendering comes from, and how sure it is.
    pub source: &'static str,
}

const NEC_RESULTS_2017: &str = "NEC official results of the 2017 commune elections as reported: \
     cnv.org.kh 2017-06-29 and freshnewsasia.com localnews/58162 (\"សំឡេងឆ្នោត\", \"តារាងសំឡេង\")";
const NEC_ID_2018: &str = "NEC press release 2018-04-10 on the documents allowed for voting \
     (freshnewsasia.com localnews/83718) and NEC instruction 2017 (kh.cnv.org.kh): \
     \"ឯកសារបញ្ជាក់អត្តសញ្ញាណ បម្រើឲ្យការបោះឆ្នោត (ឯ.អ)\", issued by the \"គឃ.សប\"";
const NEC_BODIES: &str = "NEC notices as reported by freshnewsasia.com (localnews/114566, 2019: \
     \"គណៈកម្មការរាជធានី-ខេត្ត រៀបចំការបោះឆ្នោត (គធ.ខប)\"; localnews/292500, 2023: \
     \"គណៈកម្មការឃុំ សង្កាត់ រៀបចំការបោះឆ្នោត\", \"ក្រុង ស្រុក ខណ្ឌ\"); \
     cambodialawstudent.blogspot.com 2014 (\"គឃ/សប\")";
const REVIEWER: &str = "reviewer (issue), not confirmed in an NEC document";

/// The glossary, checked against every table by the test below.
pub const GLOSSARY: &[Term] = &[
    Term {
        en: &["vote", "votes"],
        km: "សំឡេង",
        short: None,
        wrong: &["សម្លេង"],
        source: NEC_RESULTS_2017,
    },
    Term {
        en: &["invalid"],
        km: "មិនបានការ",
        short: None,
        wrong: &["មិនត្រឹមត្រូវ"],
        source: "NEC figures of invalid ballots, 2023, as reported (writternews.com 2023/08: \
                 \"សន្លឹកឆ្នោតមិនបានការដែល គ.ជ.ប ប្រកាស\"); reviewer (issue)",
    },
    Term {
        en: &["valid"],
        km: "បានការ",
        short: None,
        wrong: &[],
        source: "the NEC's invalid term \"មិនបានការ\" (above) without its negation; reviewer \
                 (issue); the positive form itself was not found in an NEC document",
    },
    Term {
        en: &["criterion", "criteria"],
        km: "លក្ខណៈវិនិច្ឆ័យ",
        short: None,
        wrong: &["លក្ខខណ្ឌ"],
        source: REVIEWER,
    },
    Term {
        en: &["form", "forms"],
        km: "ទម្រង់",
        short: None,
        wrong: &["សន្លឹកលទ្ធផល"],
        source: "NEC form 1102 (\"ទម្រង់\" as the NEC's notices write \"ទម្រង់បែបបទកំណត់ដោយ គ.ជ.ប\", \
                 freshnewsasia.com localnews/292500); reviewer (issue)",
    },
    Term {
        en: &["reconciliation"],
        km: "ផ្គូផ្គងតួលេខ",
        short: None,
        wrong: &["ផ្ទៀងផ្ទាត់តួលេខ", "តួលេខផ្ទៀងផ្ទាត់"],
        source: "reviewer (issue: Reconciliation and Verify must differ); the word ផ្គូផ្គង \
                 (match) is polltally's choice, not confirmed in an NEC document",
    },
    Term {
        en: &["verify", "verified", "verifying", "verification"],
        km: "ផ្ទៀងផ្ទាត់",
        short: None,
        wrong: &[],
        source: REVIEWER,
    },
    Term {
        en: &["tally"],
        km: "ចំនួនរាប់បាន",
        short: None,
        wrong: &[],
        source: "reviewer (issue: tally and count must differ); the wording is polltally's \
                 choice, not confirmed in an NEC document",
    },
    Term {
        en: &["head"],
        km: "ហាសចុងក្រោយ",
        short: None,
        wrong: &["ក្បាលបញ្ជី", "ហាសក្បាល", "ក្បាល"],
        source: "reviewer (issue: one name for the journal head); polltally's choice",
    },
    Term {
        en: &["definition hash", "definition"],
        km: "ហាសឯកសារការិយាល័យ",
        short: None,
        wrong: &["ហាសឯកសារ"],
        source: "reviewer (issue: one name for the definition hash); polltally's choice",
    },
    Term {
        en: &["tabulate", "tabulation", "tabulating", "tabulated"],
        km: "សរុបលទ្ធផល",
        short: None,
        wrong: &["បូកលទ្ធផល", "បូកឯកសារ"],
        source: "reviewer (issue: tabulate is សរុប and បូក); polltally's choice",
    },
    Term {
        en: &["copy", "copies"],
        km: "ច្បាប់ចម្លង",
        short: None,
        wrong: &["ច្បាប់ A", "ច្បាប់ B", "ច្បាប់ C"],
        source: "reviewer (issue: ច្បាប់ alone reads as \"law\")",
    },
    Term {
        en: &["commune election commission"],
        km: "គណៈកម្មការឃុំ សង្កាត់រៀបចំការបោះឆ្នោត",
        short: Some("គឃ.សប"),
        wrong: &["គណៈកម្មការឃុំ សង្កាត់"],
        source: NEC_BODIES,
    },
    Term {
        en: &["provincial election commission"],
        km: "គណៈកម្មការរាជធានី ខេត្តរៀបចំការបោះឆ្នោត",
        short: Some("គធ.ខប"),
        wrong: &["គណៈកម្មការខេត្ត"],
        source: NEC_BODIES,
    },
    Term {
        en: &["national election committee"],
        km: "គណៈកម្មាធិការជាតិរៀបចំការបោះឆ្នោត",
        short: Some("គ.ជ.ប"),
        wrong: &[],
        source: "NEC's own name in its notices (freshnewsasia.com localnews/37161, 2016)",
    },
    Term {
        en: &["province"],
        km: "រាជធានី ខេត្ត",
        short: None,
        wrong: &["ខេត្ត រាជធានី"],
        source: "laws and NEC notices name the capital first (\"ក្រុមប្រឹក្សារាជធានី \
                 ក្រុមប្រឹក្សាខេត្ត\"; \"រាជធានី-ខេត្ត\", cnv.org.kh 2017-06-29)",
    },
    Term {
        en: &["district"],
        km: "ក្រុង ស្រុក ខណ្ឌ",
        short: None,
        wrong: &["ស្រុក ខណ្ឌ"],
        source: NEC_BODIES,
    },
    Term {
        en: &[
            "temporary identity document",
            "temporary identity documents",
        ],
        km: "ឯកសារបញ្ជាក់អត្តសញ្ញាណបម្រើឲ្យការបោះឆ្នោត",
        short: Some("ឯ.អ"),
        wrong: &[
            "ឯកសារអត្តសញ្ញាណបណ្ដោះអាសន្ន",
            "លិខិតបញ្ជាក់អត្តសញ្ញាណបណ្ដោះអាសន្ន",
            "ឯកសារបញ្ជាក់អត្តសញ្ញាណសម្រាប់ការបោះឆ្នោត",
        ],
        source: NEC_ID_2018,
    },
    Term {
        en: &["journal"],
        km: "បញ្ជីកត់ត្រា",
        short: None,
        wrong: &["កំណត់ហេតុ"],
        source: "reviewer (issue: កំណត់ហេតុ reads as the official minutes; unsure); \
                 polltally's choice, not confirmed",
    },
    Term {
        en: &["entry", "entries"],
        km: "ការកត់ត្រា",
        short: None,
        wrong: &["ធាតុ"],
        source: "reviewer (issue: ធាតុ is jargon; unsure); polltally's choice, not confirmed",
    },
    Term {
        en: &["seat", "seats"],
        km: "អាសនៈ",
        short: None,
        wrong: &[],
        source: NEC_RESULTS_2017,
    },
    Term {
        en: &["spoiled"],
        km: "ខូច",
        short: None,
        wrong: &[],
        source: "reviewer (issue: S is the NEC's សន្លឹកឆ្នោតខូច)",
    },
    Term {
        en: &["party agent", "party agents"],
        km: "ភ្នាក់ងារគណបក្ស",
        short: None,
        wrong: &[],
        source: "NEC notice 2023 (freshnewsasia.com localnews/292500: \"ភ្នាក់ងារគណបក្សនយោបាយ\")",
    },
];

/// Whole words of `text`, lowercase, between single spaces, for matching
/// English forms: ` ballots in the box `. Placeholders (`{head}`), code
/// spans (`` `polltally tabulate` ``), flags (`--invalid`) and keys with an
/// underscore (`definition_hash`) are names, not words of the sentence.
fn words(text: &str) -> String {
    let mut prose = String::new();
    let mut skip_until = None;
    for c in text.chars() {
        match skip_until {
            Some(end) if c == end => skip_until = None,
            Some(_) => {}
            None if c == '{' => skip_until = Some('}'),
            None if c == '`' => skip_until = Some('`'),
            None => prose.push(c),
        }
    }
    let mut out = String::from(" ");
    for token in prose.split_whitespace() {
        if token.starts_with("--") || token.contains('_') {
            continue;
        }
        for c in token.chars() {
            if c.is_alphanumeric() {
                out.extend(c.to_lowercase());
            } else if !out.ends_with(' ') {
                out.push(' ');
            }
        }
        if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out
}

/// Whether `english` names `term` with one of its English forms.
pub fn names(english: &str, term: &Term) -> bool {
    let text = words(english);
    term.en.iter().any(|form| text.contains(&words(form)))
}

/// The wrong renderings of `term` found in `khmer`, once the right one is
/// taken out.
pub fn wrong_renderings(khmer: &str, term: &Term) -> Vec<&'static str> {
    let mut rest = khmer.replace(term.km, " ");
    if let Some(short) = term.short {
        rest = rest.replace(short, " ");
    }
    term.wrong
        .iter()
        .copied()
        .filter(|wrong| rest.contains(wrong))
        .collect()
}

/// What a text breaks of the glossary, one sentence a fault, each naming the
/// table, the key, the term and the rendering found.
pub fn faults(table: &str, key: &str, english: &str, khmer: &str) -> Vec<String> {
    let mut found = Vec::new();
    for term in GLOSSARY {
        for wrong in wrong_renderings(khmer, term) {
            found.push(format!(
                "{table}::{key}: uses \"{wrong}\" for \"{en}\", the glossary says \"{km}\": \"{khmer}\"",
                en = term.en[0],
                km = term.km,
            ));
        }
        let rendered = khmer.contains(term.km) || term.short.is_some_and(|s| khmer.contains(s));
        if names(english, term) && !rendered {
            found.push(format!(
                "{table}::{key}: the English names \"{en}\" but the Khmer has no \"{km}\": \"{english}\" / \"{khmer}\"",
                en = term.en[0],
                km = term.km,
            ));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::criteria::CriteriaSet;
    use crate::domain::message::P;
    use crate::i18n::help::H;
    use crate::i18n::{Bilingual, T};

    /// Every text of every table: (table, key, English, Khmer).
    fn every_text() -> Vec<(String, String, String, String)> {
        fn table<K: Bilingual + std::fmt::Debug>(
            name: &str,
            keys: &[K],
        ) -> Vec<(String, String, String, String)> {
            keys.iter()
                .map(|k| (name.into(), format!("{k:?}"), k.en().into(), k.km().into()))
                .collect()
        }
        let mut all = table("T", T::ALL);
        all.extend(table("P", P::ALL));
        all.extend(table("H", H::ALL));
        all.extend(table(
            "PublicText",
            crate::i18n::public_display::PublicText::ALL,
        ));
        for c in CriteriaSet::default_set().iter() {
            let parts = [("title", Some(&c.title)), ("rule", Some(&c.rule))];
            let example = [("example", c.example.as_ref())];
            for (part, text) in parts.into_iter().chain(example) {
                let Some(text) = text else { continue };
                all.push((
                    "criteria".into(),
                    format!("{}.{part}", c.code.as_str()),
                    text.get("en").into(),
                    text.get("km").into(),
                ));
            }
        }
        all
    }

    /// Texts whose English uses a glossary word as a name the command line
    /// or a file spells (a screen's key, a JSON field), not as the term.
    const OTHER_SENSE: &[(&str, &str, &str)] = &[
        ("P", "NotScreen", "reconciliation"),
        ("P", "NotScreen", "verify"),
        ("P", "NotScreen", "tabulate"),
        ("H", "OpenScreen", "reconciliation"),
        ("H", "OpenScreen", "verify"),
        ("H", "OpenScreen", "tabulate"),
        ("P", "ValidIs", "valid"),
        ("P", "CriterionCodeTwice", "criterion"),
    ];

    #[test]
    fn every_table_uses_the_glossary_terms() {
        let faults: Vec<String> = every_text()
            .iter()
            .flat_map(|(table, key, en, km)| {
                faults(table, key, en, km).into_iter().filter(|fault| {
                    !OTHER_SENSE.iter().any(|(t, k, term)| {
                        fault.starts_with(&format!("{t}::{k}:"))
                            && fault.contains(&format!("names \"{term}\""))
                    })
                })
            })
            .collect();
        assert!(
            faults.is_empty(),
            "{} texts break the glossary:\n{}",
            faults.len(),
            faults.join("\n")
        );
    }

    #[test]
    fn khmer_texts_write_no_figures_of_their_own() {
        // A figure in a template is a placeholder (`{n}`, or `{#64}` for a
        // fixed one), so that it follows the numerals chosen; the default
        // criteria write theirs as `{#3}` too.
        let with_digits: Vec<String> = every_text()
            .iter()
            .filter(|(.., km)| km.chars().any(|c| ('\u{17e0}'..='\u{17e9}').contains(&c)))
            .map(|(table, key, _, km)| format!("{table}::{key}: \"{km}\""))
            .collect();
        assert!(
            with_digits.is_empty(),
            "Khmer digits written into texts:\n{}",
            with_digits.join("\n")
        );
    }

    #[test]
    fn a_wrong_rendering_is_caught_and_the_right_one_is_not() {
        let votes = &GLOSSARY[0];
        assert_eq!(wrong_renderings("សម្លេងឆ្នោត", votes), ["សម្លេង"]);
        assert!(wrong_renderings("សំឡេងឆ្នោត", votes).is_empty());
        let copy = GLOSSARY.iter().find(|t| t.km == "ច្បាប់ចម្លង").unwrap();
        assert_eq!(wrong_renderings("ច្បាប់ A", copy), ["ច្បាប់ A"]);
        assert!(wrong_renderings("ច្បាប់ចម្លង A", copy).is_empty());
        let fault = faults("T", "TabVotes", "votes", "សម្លេង");
        assert!(fault[0].contains("T::TabVotes"), "{fault:?}");
        assert!(fault[0].contains("\"សម្លេង\""), "{fault:?}");
        assert!(fault[0].contains("\"vote\""), "{fault:?}");
    }

    #[test]
    fn english_forms_match_whole_words_only() {
        let valid = GLOSSARY.iter().find(|t| t.km == "បានការ").unwrap();
        assert!(names("Valid votes", valid));
        assert!(!names("Invalid ballots", valid));
        let vote = &GLOSSARY[0];
        assert!(!names("Voters marked", vote));
    }
}
