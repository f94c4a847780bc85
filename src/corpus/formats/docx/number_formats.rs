//! Word's number formats (`w:numFmt`): how a list writes its numbers, from `1` and `iv` to
//! `一`, `壹`, `甲` and `①`.

/// `n` written in Word's number format `format`.
pub fn number(n: u32, format: &str) -> String {
    let from = |first: char, count: u32| {
        (1..=count)
            .contains(&n)
            .then(|| char::from_u32(first as u32 + n - 1).map(String::from))
            .flatten()
    };
    let listed = |items: &str| {
        items
            .chars()
            .nth((n as usize).wrapping_sub(1))
            .map(String::from)
    };
    let written = match format {
        "none" | "bullet" => Some(String::new()),
        "decimalZero" => Some(format!("{n:02}")),
        "upperRoman" => Some(roman(n)),
        "lowerRoman" => Some(roman(n).to_lowercase()),
        "upperLetter" | "lowerLetter" if n > 0 => {
            let letter = char::from(b'A' + ((n - 1) % 26) as u8);
            let letters = letter.to_string().repeat((n as usize - 1) / 26 + 1);
            Some(match format {
                "lowerLetter" => letters.to_lowercase(),
                _ => letters,
            })
        }
        "chineseCounting"
        | "chineseCountingThousand"
        | "japaneseCounting"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand" => chinese(n, "零一二三四五六七八九", "十百千"),
        "chineseLegalSimplified" => chinese(n, "零壹贰叁肆伍陆柒捌玖", "拾佰仟"),
        "ideographDigital" | "taiwaneseDigital" => Some(
            n.to_string()
                .chars()
                .map(|d| {
                    "〇一二三四五六七八九"
                        .chars()
                        .nth(d as usize - '0' as usize)
                        .unwrap_or(d)
                })
                .collect(),
        ),
        "ideographTraditional" => listed("甲乙丙丁戊己庚辛壬癸"),
        "ideographZodiac" => listed("子丑寅卯辰巳午未申酉戌亥"),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => from('①', 20),
        "decimalEnclosedParen" => from('⑴', 20),
        "decimalEnclosedFullstop" => from('⒈', 20),
        "decimalFullWidth" | "decimalFullWidth2" => Some(
            n.to_string()
                .chars()
                .map(|d| char::from_u32(d as u32 - '0' as u32 + '０' as u32).unwrap_or(d))
                .collect(),
        ),
        _ => None,
    };
    written.unwrap_or_else(|| n.to_string())
}

/// `n` (1–9999) in Chinese numerals: `digits` for 0–9, `units` for ten, hundred, thousand;
/// `十一` rather than `一十一`.
fn chinese(n: u32, digits: &str, units: &str) -> Option<String> {
    if !(1..10_000).contains(&n) {
        return None;
    }
    let digit = |d: u32| digits.chars().nth(d as usize).unwrap_or('?');
    let units: Vec<char> = units.chars().collect();
    let places = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
    let mut out = String::new();
    let mut gap = false;
    for (i, &d) in places.iter().enumerate() {
        let unit = (i < 3).then(|| units[2 - i]);
        if d == 0 {
            gap = !out.is_empty();
            continue;
        }
        if gap {
            out.push(digit(0));
            gap = false;
        }
        // `十二`, not `一十二`, when ten is the highest place.
        if !(out.is_empty() && d == 1 && i == 2) {
            out.push(digit(d));
        }
        out.extend(unit);
    }
    Some(out)
}

fn roman(mut n: u32) -> String {
    const NUMERALS: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, numeral) in NUMERALS {
        while n >= value {
            out.push_str(numeral);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_formats() {
        let written: Vec<String> = [1, 10, 11, 20, 21, 100, 101, 110, 1005]
            .iter()
            .map(|&n| number(n, "chineseCounting"))
            .collect();
        assert_eq!(
            written,
            [
                "一",
                "十",
                "十一",
                "二十",
                "二十一",
                "一百",
                "一百零一",
                "一百一十",
                "一千零五"
            ]
        );
        assert_eq!(number(3, "ideographTraditional"), "丙");
        assert_eq!(number(11, "ideographTraditional"), "11");
        assert_eq!(number(2, "decimalEnclosedCircle"), "②");
        assert_eq!(number(14, "lowerRoman"), "xiv");
        assert_eq!(number(28, "upperLetter"), "BB");
        assert_eq!(number(12, "decimalFullWidth"), "１２");
        assert_eq!(number(3, "chineseLegalSimplified"), "叁");
        assert_eq!(number(7, "somethingNew"), "7");
    }
}
