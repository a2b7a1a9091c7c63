//! The public display's table: the texts of the second window that faces
//! the room (its other texts, the markings and the ruled count, are the
//! counting screen's, from [`super::T`]).

texts! {
    /// A key of the public display's table.
    PublicText;
    WindowTitle => "polltally - public display", "polltally - អេក្រង់សាធារណៈ";
    Show => "F11 Public display", "F11 អេក្រង់សាធារណៈ";
    Hide => "F11 Hide the public display", "F11 បិទអេក្រង់សាធារណៈ";
    BallotJustRuled => "Ballot {ballot}", "សន្លឹកឆ្នោតទី {ballot}";
    NoBallotYet => "No ballot ruled yet", "មិនទាន់មានសន្លឹកឆ្នោតត្រូវបានសម្រេចនៅឡើយទេ";
    ValidFor => "Valid: party {party}", "សន្លឹកឆ្នោតបានការ៖ គណបក្សលេខ {party}";
    Invalid => "Invalid: {code}", "សន្លឹកឆ្នោតមិនបានការ៖ {code}";
    DisputedBy => "Disputed by party {parties}", "ជំទាស់ដោយគណបក្សលេខ {parties}";
    DisputedByMany => "Disputed by parties {parties}", "ជំទាស់ដោយគណបក្សលេខ {parties}";
    VotesHeading => "Votes per party", "សំឡេងតាមគណបក្ស";
    InvalidHeading => "Invalid ballots per criterion", "សន្លឹកឆ្នោតមិនបានការ តាមលក្ខណៈវិនិច្ឆ័យ";
    PartyVotes => "Party {party} {name}: {n} votes", "គណបក្សលេខ {party} {name}៖ {n} សំឡេង";
    CriterionCount => "Invalid {code} {title}: {n}", "សន្លឹកឆ្នោតមិនបានការ {code} {title}៖ {n}";
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Bilingual, placeholders};

    #[test]
    fn both_languages_fill_the_same_placeholders() {
        for key in PublicText::ALL {
            assert!(!key.en().trim().is_empty(), "{key:?}");
            assert!(
                key.km()
                    .chars()
                    .any(|c| ('\u{1780}'..='\u{17ff}').contains(&c)),
                "{key:?} is not Khmer"
            );
            assert_eq!(placeholders(key.en()), placeholders(key.km()), "{key:?}");
        }
    }
}
