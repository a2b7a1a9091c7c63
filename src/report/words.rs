//! Numbers in words, printed beside the digits on the forms so that a figure
//! cannot be changed by adding a stroke.

const ONES: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 10] = [
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];
const SCALES: [(u64, &str); 4] = [
    (1_000_000_000_000, "trillion"),
    (1_000_000_000, "billion"),
    (1_000_000, "million"),
    (1_000, "thousand"),
];

fn below_thousand(n: u64, out: &mut Vec<String>) {
    let hundreds = n / 100;
    let rest = n % 100;
    if hundreds > 0 {
        out.push(format!("{} hundred", ONES[hundreds as usize]));
    }
    if rest > 0 {
        if rest < 20 {
            out.push(ONES[rest as usize].to_string());
        } else if rest.is_multiple_of(10) {
            out.push(TENS[(rest / 10) as usize].to_string());
        } else {
            out.push(format!(
                "{}-{}",
                TENS[(rest / 10) as usize],
                ONES[(rest % 10) as usize]
            ));
        }
    }
}

/// `n` in English words: `1204` -> `one thousand two hundred four`.
pub fn english(n: u64) -> String {
    if n == 0 {
        return ONES[0].to_string();
    }
    let mut parts = Vec::new();
    let mut rest = n;
    for (scale, name) in SCALES {
        if rest >= scale {
            let (count, remainder) = (rest / scale, rest % scale);
            if count >= 1000 {
                parts.push(english(count));
            } else {
                below_thousand(count, &mut parts);
            }
            parts.push(name.to_string());
            rest = remainder;
        }
    }
    below_thousand(rest, &mut parts);
    parts.join(" ")
}

const KHMER_ONES: [&str; 10] = [
    "សូន្យ",
    "មួយ",
    "ពីរ",
    "បី",
    "បួន",
    "ប្រាំ",
    "ប្រាំមួយ",
    "ប្រាំពីរ",
    "ប្រាំបី",
    "ប្រាំបួន",
];
const KHMER_TENS: [&str; 10] = [
    "",
    "ដប់",
    "ម្ភៃ",
    "សាមសិប",
    "សែសិប",
    "ហាសិប",
    "ហុកសិប",
    "ចិតសិប",
    "ប៉ែតសិប",
    "កៅសិប",
];
/// Khmer counts by ten thousand (ម៉ឺន) and hundred thousand (សែន) below a
/// million (លាន).
const KHMER_SCALES: [(u64, &str); 5] = [
    (1_000_000, "លាន"),
    (100_000, "សែន"),
    (10_000, "ម៉ឺន"),
    (1_000, "ពាន់"),
    (100, "រយ"),
];

/// `n` in Khmer words: `608` -> `ប្រាំមួយរយប្រាំបី`.
pub fn khmer(n: u64) -> String {
    if n == 0 {
        return KHMER_ONES[0].to_string();
    }
    let mut out = String::new();
    let mut rest = n;
    for (scale, name) in KHMER_SCALES {
        if rest >= scale {
            let count = rest / scale;
            rest %= scale;
            if scale == 1_000_000 {
                out.push_str(&khmer(count));
            } else {
                out.push_str(KHMER_ONES[count as usize]);
            }
            out.push_str(name);
        }
    }
    if rest >= 10 {
        out.push_str(KHMER_TENS[(rest / 10) as usize]);
        rest %= 10;
    }
    if rest > 0 {
        out.push_str(KHMER_ONES[rest as usize]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{english, khmer};

    #[test]
    fn numbers_read_as_khmer_words() {
        let cases = [
            (0, "សូន្យ"),
            (7, "ប្រាំពីរ"),
            (10, "ដប់"),
            (13, "ដប់បី"),
            (40, "សែសិប"),
            (98, "កៅសិបប្រាំបី"),
            (100, "មួយរយ"),
            (608, "ប្រាំមួយរយប្រាំបី"),
            (771, "ប្រាំពីររយចិតសិបមួយ"),
            (1_204, "មួយពាន់ពីររយបួន"),
            (12_019, "មួយម៉ឺនពីរពាន់ដប់ប្រាំបួន"),
            (250_000, "ពីរសែនប្រាំម៉ឺន"),
            (3_000_001, "បីលានមួយ"),
        ];
        for (n, words) in cases {
            assert_eq!(khmer(n), words, "{n}");
        }
    }

    #[test]
    fn numbers_read_as_words() {
        let cases = [
            (0, "zero"),
            (7, "seven"),
            (13, "thirteen"),
            (40, "forty"),
            (98, "ninety-eight"),
            (100, "one hundred"),
            (608, "six hundred eight"),
            (771, "seven hundred seventy-one"),
            (1_000, "one thousand"),
            (12_019, "twelve thousand nineteen"),
            (1_000_001, "one million one"),
        ];
        for (n, words) in cases {
            assert_eq!(english(n), words);
        }
    }
}
