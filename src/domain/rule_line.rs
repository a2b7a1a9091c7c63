//! The line format of `polltally rule --stdin` and of the review screen:
//! `3`, `3 V3`, `I2`, each optionally followed by `dispute=5,7`.

use crate::domain::message::{Message, P};
use crate::domain::ruling::{RulingChoice, RulingRequest};

/// Parses one line; `Ok(None)` for a blank line.
pub fn parse_rule_line(line: &str) -> Result<Option<RulingRequest>, Message> {
    let mut tokens: Vec<&str> = line.split_whitespace().collect();
    if tokens.is_empty() {
        return Ok(None);
    }
    let mut disputed_by = Vec::new();
    if let Some(list) = tokens.last().and_then(|t| t.strip_prefix("dispute=")) {
        for part in list.split(',') {
            let party = parse_number(part).ok_or_else(|| {
                Message::new(P::NotPartyNumberAt)
                    .quoted("value", part)
                    .at("dispute")
            })?;
            disputed_by.push(party);
        }
        tokens.pop();
    }
    let choice = match tokens.as_slice() {
        [first] => match parse_number(first) {
            Some(party) => RulingChoice::Party {
                party,
                criterion: None,
            },
            None if looks_like_number(first) => {
                return Err(Message::new(P::NotPartyNumberAt).quoted("value", first));
            }
            None => RulingChoice::Invalid {
                code: first.to_string(),
            },
        },
        [first, code] => {
            let party = parse_number(first)
                .ok_or_else(|| Message::new(P::PartyFirst).quoted("value", first))?;
            RulingChoice::Party {
                party,
                criterion: Some(code.to_string()),
            }
        }
        [] => return Err(Message::new(P::DisputeAlone)),
        _ => return Err(Message::new(P::TooManyWords)),
    };
    Ok(Some(RulingRequest {
        choice,
        disputed_by,
        note: None,
    }))
}

fn looks_like_number(token: &str) -> bool {
    token.starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '+')
}

fn parse_number(token: &str) -> Option<u32> {
    if token.is_empty() || !token.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    token.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choice(line: &str) -> RulingChoice {
        parse_rule_line(line).unwrap().unwrap().choice
    }

    #[test]
    fn the_three_forms() {
        assert_eq!(
            choice("3"),
            RulingChoice::Party {
                party: 3,
                criterion: None
            }
        );
        assert_eq!(
            choice(" 3  V3 "),
            RulingChoice::Party {
                party: 3,
                criterion: Some("V3".into())
            }
        );
        assert_eq!(choice("I2"), RulingChoice::Invalid { code: "I2".into() });
    }

    #[test]
    fn disputes_follow_the_ruling() {
        let r = parse_rule_line("I4 dispute=5,7").unwrap().unwrap();
        assert_eq!(r.disputed_by, vec![5, 7]);
        assert!(
            parse_rule_line("dispute=5")
                .unwrap_err()
                .to_string()
                .contains("needs a ruling")
        );
        assert!(
            parse_rule_line("3 dispute=5,x")
                .unwrap_err()
                .to_string()
                .contains("\"x\" is not a party number")
        );
        assert!(
            parse_rule_line("3 dispute=")
                .unwrap_err()
                .to_string()
                .contains("\"\" is not a party number")
        );
    }

    #[test]
    fn blank_lines_are_skipped_and_junk_refused() {
        assert_eq!(parse_rule_line("   ").unwrap(), None);
        assert!(
            parse_rule_line("-3")
                .unwrap_err()
                .to_string()
                .contains("not a party number")
        );
        assert!(
            parse_rule_line("V3 3")
                .unwrap_err()
                .to_string()
                .contains("write the party first")
        );
        assert!(
            parse_rule_line("3 V3 I2")
                .unwrap_err()
                .to_string()
                .contains("too many words")
        );
        assert!(
            parse_rule_line("99999999999")
                .unwrap_err()
                .to_string()
                .contains("not a party number")
        );
    }
}
