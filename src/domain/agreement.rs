//! How far a commission's members agree when each rules the same ballots:
//! Fleiss' kappa (Fleiss, 1971), overall and per category. Kappa is 1 when
//! every member rules every ballot alike, 0 when they agree no more than
//! chance would make them (given how often each category is chosen), and
//! below 0 when they agree less.

/// The agreement of `raters` members over a set of ballots.
#[derive(Debug, Clone, PartialEq)]
pub struct Agreement {
    /// Ballots rated.
    pub subjects: usize,
    /// Members who rated each ballot.
    pub raters: usize,
    /// The mean share of agreeing pairs of members per ballot (P̄).
    pub observed: f64,
    /// The share chance alone would give (P̄e).
    pub by_chance: f64,
    /// Fleiss' kappa; `None` when chance alone gives full agreement (every
    /// member chose one category for every ballot), where it is undefined.
    pub kappa: Option<f64>,
    /// Per category (in the order of the columns given): its kappa, `None`
    /// for a category nobody or everybody chose.
    pub per_category: Vec<Option<f64>>,
}

/// Why agreement cannot be computed from a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AgreementError {
    /// No ballots, or no categories.
    Empty,
    /// Fewer than two members rated each ballot.
    TooFewRaters(usize),
    /// Ballot `subject` was rated by `found` members where the first was
    /// rated by `expected`.
    UnevenRaters {
        subject: usize,
        found: usize,
        expected: usize,
    },
    /// A row with another number of categories than the first.
    UnevenCategories { subject: usize },
}

/// Fleiss' kappa of a table whose row `i` counts, per category `j`, the
/// members who put ballot `i` in category `j`. Every ballot must have been
/// rated by the same number of members, at least two.
pub fn fleiss(table: &[Vec<u64>]) -> Result<Agreement, AgreementError> {
    let first = table.first().ok_or(AgreementError::Empty)?;
    let categories = first.len();
    if categories == 0 {
        return Err(AgreementError::Empty);
    }
    let n: u64 = first.iter().sum();
    if n < 2 {
        return Err(AgreementError::TooFewRaters(n as usize));
    }
    for (i, row) in table.iter().enumerate() {
        if row.len() != categories {
            return Err(AgreementError::UnevenCategories { subject: i });
        }
        let found: u64 = row.iter().sum();
        if found != n {
            return Err(AgreementError::UnevenRaters {
                subject: i,
                found: found as usize,
                expected: n as usize,
            });
        }
    }
    let subjects = table.len() as f64;
    let nf = n as f64;
    let totals: Vec<f64> = (0..categories)
        .map(|j| table.iter().map(|row| row[j] as f64).sum())
        .collect();
    let shares: Vec<f64> = totals.iter().map(|t| t / (subjects * nf)).collect();
    let observed = table
        .iter()
        .map(|row| {
            let squares: f64 = row.iter().map(|&c| (c as f64) * (c as f64)).sum();
            (squares - nf) / (nf * (nf - 1.0))
        })
        .sum::<f64>()
        / subjects;
    let by_chance: f64 = shares.iter().map(|p| p * p).sum();
    let kappa = (by_chance < 1.0).then(|| (observed - by_chance) / (1.0 - by_chance));
    let per_category = (0..categories)
        .map(|j| {
            let p = shares[j];
            let spread = p * (1.0 - p);
            (spread > 0.0).then(|| {
                let disagreeing: f64 = table
                    .iter()
                    .map(|row| (row[j] as f64) * (nf - row[j] as f64))
                    .sum();
                1.0 - disagreeing / (subjects * nf * (nf - 1.0) * spread)
            })
        })
        .collect();
    Ok(Agreement {
        subjects: table.len(),
        raters: n as usize,
        observed,
        by_chance,
        kappa,
        per_category,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn close(a: f64, b: f64, within: f64) -> bool {
        (a - b).abs() <= within
    }

    /// The worked example of Fleiss' kappa: 10 subjects, 14 raters, 5
    /// categories; P̄ = 0.378, P̄e = 0.213, kappa = 0.210 (to three places).
    #[test]
    fn the_worked_example_gives_its_published_figures() {
        let table: Vec<Vec<u64>> = [
            [0, 0, 0, 0, 14],
            [0, 2, 6, 4, 2],
            [0, 0, 3, 5, 6],
            [0, 3, 9, 2, 0],
            [2, 2, 8, 1, 1],
            [7, 7, 0, 0, 0],
            [3, 2, 6, 3, 0],
            [2, 5, 3, 2, 2],
            [6, 5, 2, 1, 0],
            [0, 2, 2, 3, 7],
        ]
        .iter()
        .map(|r| r.to_vec())
        .collect();
        let a = fleiss(&table).unwrap();
        assert_eq!((a.subjects, a.raters), (10, 14));
        assert!(close(a.observed, 0.378, 0.0005), "{}", a.observed);
        assert!(close(a.by_chance, 0.213, 0.0005), "{}", a.by_chance);
        assert!(close(a.kappa.unwrap(), 0.210, 0.0005), "{:?}", a.kappa);
        // Category shares 0.143, 0.200, 0.279, 0.150, 0.229.
        let shares = [20.0, 28.0, 39.0, 21.0, 32.0].map(|t: f64| t / 140.0);
        assert!(close(
            shares.iter().map(|p| p * p).sum(),
            a.by_chance,
            1e-12
        ));
    }

    #[test]
    fn full_agreement_is_one_and_chance_agreement_is_zero() {
        // Three members agree on every ballot, over two categories.
        let perfect = vec![vec![3, 0], vec![0, 3], vec![3, 0], vec![0, 3]];
        let a = fleiss(&perfect).unwrap();
        assert!(close(a.kappa.unwrap(), 1.0, 1e-12));
        assert_eq!(a.per_category, vec![Some(1.0), Some(1.0)]);
        // Two members, two categories, every combination once: agreement
        // on half the ballots, which is what chance gives.
        let chance = vec![vec![2, 0], vec![0, 2], vec![1, 1], vec![1, 1]];
        let a = fleiss(&chance).unwrap();
        assert!(close(a.observed, 0.5, 1e-12));
        assert!(close(a.by_chance, 0.5, 1e-12));
        assert!(close(a.kappa.unwrap(), 0.0, 1e-12));
        // Always disagreeing: below zero.
        let a = fleiss(&[vec![1, 1], vec![1, 1]]).unwrap();
        assert!(close(a.kappa.unwrap(), -1.0, 1e-12));
        // Everybody always chose the same category: kappa is undefined.
        let a = fleiss(&[vec![4, 0], vec![4, 0]]).unwrap();
        assert_eq!(a.kappa, None);
        assert_eq!(a.per_category, vec![None, None]);
    }

    #[test]
    fn tables_that_do_not_make_a_rating_are_refused() {
        assert_eq!(fleiss(&[]), Err(AgreementError::Empty));
        assert_eq!(fleiss(&[vec![]]), Err(AgreementError::Empty));
        assert_eq!(fleiss(&[vec![1, 0]]), Err(AgreementError::TooFewRaters(1)));
        assert_eq!(
            fleiss(&[vec![2, 1], vec![1, 1]]),
            Err(AgreementError::UnevenRaters {
                subject: 1,
                found: 2,
                expected: 3
            })
        );
        assert_eq!(
            fleiss(&[vec![2, 1], vec![3]]),
            Err(AgreementError::UnevenCategories { subject: 1 })
        );
    }

    /// Kappa from each member's own answers, counting agreeing ordered
    /// pairs of members directly: another way to the same number.
    fn from_answers(answers: &[Vec<usize>], categories: usize) -> Option<f64> {
        let (subjects, raters) = (answers.len(), answers[0].len());
        let mut agreeing = 0usize;
        let mut chosen = vec![0usize; categories];
        for ballot in answers {
            for (a, x) in ballot.iter().enumerate() {
                chosen[*x] += 1;
                for (b, y) in ballot.iter().enumerate() {
                    if a != b && x == y {
                        agreeing += 1;
                    }
                }
            }
        }
        let observed = agreeing as f64 / (subjects * raters * (raters - 1)) as f64;
        let all = (subjects * raters) as f64;
        let chance: f64 = chosen.iter().map(|c| (*c as f64 / all).powi(2)).sum();
        (chance < 1.0).then(|| (observed - chance) / (1.0 - chance))
    }

    proptest! {
        #[test]
        fn agrees_with_counting_pairs_of_members(
            categories in 2usize..6,
            raters in 2usize..8,
            answers in proptest::collection::vec(proptest::collection::vec(0usize..6, 8), 1..30),
        ) {
            let answers: Vec<Vec<usize>> = answers
                .into_iter()
                .map(|b| b.into_iter().take(raters).map(|x| x % categories).collect())
                .collect();
            let table: Vec<Vec<u64>> = answers
                .iter()
                .map(|b| {
                    let mut row = vec![0u64; categories];
                    for x in b {
                        row[*x] += 1;
                    }
                    row
                })
                .collect();
            let a = fleiss(&table).unwrap();
            match (a.kappa, from_answers(&answers, categories)) {
                (Some(k), Some(expected)) => prop_assert!(close(k, expected, 1e-9), "{k} {expected}"),
                (None, None) => {}
                other => prop_assert!(false, "{other:?}"),
            }
            if let Some(k) = a.kappa {
                prop_assert!(k <= 1.0 + 1e-12);
            }
        }
    }
}
