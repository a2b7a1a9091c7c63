//! The one canonical encoding of everything polltally hashes: the JSON
//! Canonicalization Scheme (RFC 8785), through `serde_jcs`. Object members
//! are sorted by UTF-16 code units, strings escaped minimally, numbers in
//! ECMAScript form; every integer polltally writes is below 2^53.

use crate::domain::message::{Message, P};
use serde::Serialize;

/// The canonical bytes of `value`. Encoding fails only for values JSON cannot
/// hold (a non-finite number, a map with non-string keys); the error says so
/// rather than letting anything hash empty bytes.
pub fn to_canonical<T: Serialize>(value: &T) -> Result<Vec<u8>, Message> {
    serde_jcs::to_vec(value).map_err(|err| Message::new(P::NotEncodable).text("detail", err))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn canon(json: &str) -> String {
        let value: Value = serde_json::from_str(json).unwrap();
        String::from_utf8(to_canonical(&value).unwrap()).unwrap()
    }

    // RFC 8785, section 3.2.2 (sample input and its canonical output).
    #[test]
    fn rfc8785_sample() {
        let input = r#"{
          "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
          "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
          "literals": [null, true, false]
        }"#;
        let expected = concat!(
            r#"{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"#,
            r#""string":"€$\u000f\nA'B\"\\\\\"/"}"#
        );
        assert_eq!(canon(input), expected);
    }

    // RFC 8785, section 3.2.3: sorting by UTF-16 code units.
    #[test]
    fn rfc8785_sorting() {
        let input = r#"{
          "\u20ac": "Euro Sign",
          "\r": "Carriage Return",
          "\ufb33": "Hebrew Letter Dalet With Dagesh",
          "1": "One",
          "\ud83d\ude00": "Emoji: Grinning Face",
          "\u0080": "Control",
          "\u00f6": "Latin Small Letter O With Diaeresis"
        }"#;
        let value: Value = serde_json::from_str(input).unwrap();
        let out = String::from_utf8(to_canonical(&value).unwrap()).unwrap();
        let order: Vec<&str> = [
            "\r",
            "1",
            "\u{80}",
            "\u{f6}",
            "\u{20ac}",
            "\u{1f600}",
            "\u{fb33}",
        ]
        .to_vec();
        let positions: Vec<usize> = order
            .iter()
            .map(|k| {
                out.find(&format!(
                    "{}\":",
                    serde_json::to_string(k).unwrap().trim_end_matches('"')
                ))
                .unwrap()
            })
            .collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "{out}");
    }

    // RFC 8785, appendix B: IEEE 754 number serialization.
    #[test]
    fn rfc8785_numbers() {
        for (input, expected) in [
            ("0", "0"),
            ("-0", "0"),
            ("9007199254740991", "9007199254740991"),
            ("1e21", "1e+21"),
            ("1e20", "100000000000000000000"),
            ("0.000001", "0.000001"),
            ("1e-7", "1e-7"),
            ("295147905179352830000", "295147905179352830000"),
        ] {
            assert_eq!(canon(input), expected, "{input}");
        }
    }

    #[test]
    fn a_value_json_cannot_hold_is_an_error_not_empty_bytes() {
        let err = to_canonical(&f64::NAN).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("cannot be written as canonical JSON"),
            "{err}"
        );
        let mut map = std::collections::BTreeMap::new();
        map.insert((1, 2), "tuple keys");
        assert!(to_canonical(&map).is_err());
    }

    #[test]
    fn khmer_text_is_kept_as_utf8() {
        assert_eq!(canon(r#"{"b":"ខ្មែរ","a":1}"#), r#"{"a":1,"b":"ខ្មែរ"}"#);
    }
}
