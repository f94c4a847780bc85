//! Numerals: Arabic (ASCII and full-width), Chinese (`一千二百三十四`, `两`, `十万`, `零`,
//! traditional `萬`/`億`), magnitudes (`1.2万`, `283.1亿`) and `百分之八`.
//!
//! These are the small pure functions the span finder builds on; each takes a `&str` or a
//! `char` and allocates nothing.

mod scaled;
pub use scaled::scaled;

/// The value of an Arabic digit, ASCII (`7`) or full-width (`７`).
pub fn arabic_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// The value of a Chinese digit (`零 〇 一 二 两 三 … 九`, and the financial `壹 贰 …`).
pub fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '兩' | '贰' | '貳' => 2,
        '三' | '叁' | '參' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// The factor of a magnitude character: `十` 10, `百` 100, `千` 1000, `万`/`萬` 1e4,
/// `亿`/`億` 1e8.
pub fn magnitude(c: char) -> Option<f64> {
    Some(match c {
        '十' | '拾' => 10.0,
        '百' | '佰' => 100.0,
        '千' | '仟' => 1e3,
        '万' | '萬' => 1e4,
        '亿' | '億' => 1e8,
        _ => return None,
    })
}

/// Whether `c` is a financial (大写) form, written in sums so they cannot be altered: alone,
/// such a character is rather part of a name (陆家嘴, 伍家岗).
pub fn is_financial(c: char) -> bool {
    matches!(
        c,
        '壹' | '贰'
            | '貳'
            | '叁'
            | '參'
            | '肆'
            | '伍'
            | '陆'
            | '陸'
            | '柒'
            | '捌'
            | '玖'
            | '拾'
            | '佰'
            | '仟'
    )
}

/// Whether `c` can be part of a Chinese numeral (a digit or a magnitude).
pub fn is_chinese_numeral(c: char) -> bool {
    chinese_digit(c).is_some() || magnitude(c).is_some()
}

/// An Arabic number: digits with an optional decimal point (`.` or `．`); spaces inside, as in
/// the badly typeset `35. 8`, are ignored. `None` if it is not one.
pub fn parse_arabic(s: &str) -> Option<f64> {
    // The digits as an integer and the count of decimals: one correctly rounded division at
    // the end gives the double nearest the decimal written (`3.85`, not 3.8499999999999996).
    let mut mantissa: u64 = 0;
    let mut decimals: i32 = 0;
    let mut point = false;
    let mut digits = 0;
    let mut exact = true;
    let mut value = 0.0f64;
    for c in s.chars() {
        if let Some(d) = arabic_digit(c) {
            digits += 1;
            match mantissa
                .checked_mul(10)
                .and_then(|m| m.checked_add(u64::from(d)))
            {
                Some(m) if m < 1 << 53 => mantissa = m,
                _ => exact = false,
            }
            if point {
                decimals += 1;
            }
            if !exact && !point {
                value = value * 10.0 + f64::from(d);
            }
        } else if (c == '.' || c == '．') && !point && digits > 0 {
            point = true;
        } else if !c.is_whitespace() {
            return None;
        }
    }
    if digits == 0 {
        return None;
    }
    if exact {
        return Some(mantissa as f64 / 10f64.powi(decimals));
    }
    // More digits than a double holds: read the written form.
    let written: String = s
        .chars()
        .filter_map(|c| match c {
            '．' => Some('.'),
            c if c.is_whitespace() => None,
            c => arabic_digit(c)
                .and_then(|d| char::from_digit(d, 10))
                .or(Some(c)),
        })
        .collect();
    written.parse().ok().or(Some(value))
}

/// A Chinese numeral: `一千二百三十四` 1234, `十二` 12, `两` 2, `十万` 1e5, `百亿` 1e10,
/// `一万零五百` 10500, `二〇二二` 2022 (digit by digit when written with `〇`). `None` for
/// strings that are not a numeral, such as the list `一二三` or the empty string.
pub fn parse_chinese(s: &str) -> Option<f64> {
    if s.is_empty() {
        return None;
    }
    if s.contains('〇') {
        return digit_string(s);
    }
    let mut total = 0.0f64; // everything up to the last 万/亿
    let mut section = 0.0f64; // below 万
    let mut number: Option<f64> = None; // the pending digit
    let mut last_was_digit = false;
    let mut last_small_unit = f64::INFINITY;
    for c in s.chars() {
        if let Some(d) = chinese_digit(c) {
            // Two digits in a row (`一二三`) are a list, not a numeral; `零` only fills a gap.
            if last_was_digit && number != Some(0.0) && d != 0 {
                return None;
            }
            number = Some(f64::from(d));
            last_was_digit = true;
            continue;
        }
        let factor = magnitude(c)?;
        last_was_digit = false;
        if factor < 1e4 {
            if factor >= last_small_unit {
                return None; // `百百`, `十百`
            }
            last_small_unit = factor;
            section += number.unwrap_or(1.0) * factor;
        } else if factor == 1e4 {
            let part = section + number.unwrap_or(0.0);
            total += if part == 0.0 { 1.0 } else { part } * factor;
            section = 0.0;
            last_small_unit = f64::INFINITY;
        } else {
            let part = total + section + number.unwrap_or(0.0);
            total = if part == 0.0 { 1.0 } else { part } * factor;
            section = 0.0;
            last_small_unit = f64::INFINITY;
        }
        number = None;
    }
    Some(total + section + number.unwrap_or(0.0))
}

/// `二〇二二` → 2022: every character a digit.
fn digit_string(s: &str) -> Option<f64> {
    let mut value = 0.0;
    for c in s.chars() {
        value = value * 10.0 + f64::from(chinese_digit(c)?);
    }
    Some(value)
}

/// The product of the magnitude characters in `s` (`万` 1e4, `亿` 1e8, `万亿` 1e12, `千万`
/// 1e7); `None` if `s` holds anything else.
pub fn magnitudes(s: &str) -> Option<f64> {
    s.chars()
        .try_fold(1.0, |acc, c| magnitude(c).map(|m| acc * m))
}

/// Any number as written in a report: Arabic with magnitudes (`1.2万`, `283.1亿`, `２０２２`),
/// Chinese (`一千二百三十四`), or a percentage in words (`百分之八` → 8).
pub fn parse_number(s: &str) -> Option<f64> {
    let s = s.trim();
    if let Some(rest) = s.strip_prefix("百分之") {
        return parse_number(rest);
    }
    let split = s
        .char_indices()
        .find(|&(_, c)| !(arabic_digit(c).is_some() || c == '.' || c == '．' || c == ' '))
        .map_or(s.len(), |(i, _)| i);
    if split == 0 {
        return parse_chinese(s);
    }
    let number = parse_arabic(&s[..split])?;
    Some(number * magnitudes(&s[split..])?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_exact_as_written() {
        assert_eq!(parse_arabic("3.85"), Some(3.85));
        assert_eq!(parse_arabic("283.1"), Some(283.1));
        assert_eq!(scaled(283.1, 1e8), 28310000000.0);
        assert_eq!(scaled(3.85, 1e8), 385000000.0);
        assert_eq!(scaled(0.07, 1e4), 700.0);
        assert_eq!(scaled(10.36, 1e18), 1.036e19);
        assert_eq!(scaled(1.5, 2.0), 3.0);
        assert_eq!(scaled(12.0, 1.0), 12.0);
        assert_eq!(
            parse_arabic("12345678901234567890"),
            Some(12345678901234567890.0)
        );
    }

    #[test]
    fn arabic_ascii_full_width_and_spaced_decimals() {
        assert_eq!(parse_arabic("283.1"), Some(283.1));
        assert_eq!(parse_arabic("２０２２"), Some(2022.0));
        assert_eq!(parse_arabic("１２．５"), Some(12.5));
        assert_eq!(parse_arabic("35. 8"), Some(35.8));
        assert_eq!(parse_arabic("1.2.3"), None);
        assert_eq!(parse_arabic(""), None);
        assert_eq!(parse_arabic("12a"), None);
    }

    #[test]
    fn chinese_positional_numerals() {
        assert_eq!(parse_chinese("一千二百三十四"), Some(1234.0));
        assert_eq!(parse_chinese("十二"), Some(12.0));
        assert_eq!(parse_chinese("二十六"), Some(26.0));
        assert_eq!(parse_chinese("十"), Some(10.0));
        assert_eq!(parse_chinese("十万"), Some(1e5));
        assert_eq!(parse_chinese("两"), Some(2.0));
        assert_eq!(parse_chinese("零"), Some(0.0));
        assert_eq!(parse_chinese("一万零五百"), Some(10500.0));
        assert_eq!(parse_chinese("三千零五"), Some(3005.0));
        assert_eq!(parse_chinese("一亿二千万"), Some(1.2e8));
        assert_eq!(parse_chinese("百"), Some(100.0));
        assert_eq!(parse_chinese("百万"), Some(1e6));
        assert_eq!(parse_chinese("百亿"), Some(1e10));
        assert_eq!(parse_chinese("千亿"), Some(1e11));
        assert_eq!(parse_chinese("万亿"), Some(1e12));
        assert_eq!(parse_chinese("八"), Some(8.0));
    }

    #[test]
    fn traditional_and_financial_forms() {
        assert_eq!(parse_chinese("三萬"), Some(3e4));
        assert_eq!(parse_chinese("五億"), Some(5e8));
        assert_eq!(parse_chinese("兩"), Some(2.0));
        assert_eq!(parse_chinese("壹佰贰拾"), Some(120.0));
        assert_eq!(parse_number("1.5萬"), Some(15000.0));
        assert_eq!(parse_number("2.5億"), Some(2.5e8));
    }

    #[test]
    fn digit_strings_with_ling() {
        assert_eq!(parse_chinese("二〇二二"), Some(2022.0));
    }

    #[test]
    fn lists_and_junk_are_not_numerals() {
        assert_eq!(parse_chinese("一二三"), None);
        assert_eq!(parse_chinese("二三"), None);
        assert_eq!(parse_chinese("百百"), None);
        assert_eq!(parse_chinese("十百"), None);
        assert_eq!(parse_chinese(""), None);
        assert_eq!(parse_chinese("个"), None);
    }

    #[test]
    fn mixed_arabic_with_magnitudes() {
        assert_eq!(parse_number("1.2万"), Some(12000.0));
        assert_eq!(parse_number("283.1亿"), Some(283.1 * 1e8));
        assert_eq!(parse_number("3万亿"), Some(3e12));
        assert_eq!(parse_number("5千万"), Some(5e7));
        assert_eq!(parse_number("２０２２"), Some(2022.0));
        assert_eq!(parse_number("12x"), None);
    }

    #[test]
    fn percent_in_words() {
        assert_eq!(parse_number("百分之八"), Some(8.0));
        assert_eq!(parse_number("百分之十五"), Some(15.0));
        assert_eq!(parse_number("百分之12.5"), Some(12.5));
        assert_eq!(parse_number("百分之百"), Some(100.0));
    }
}
