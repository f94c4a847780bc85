//! Recognising the numbering that starts a heading: `一、` (chapter), `（一）` or `(一)` (section),
//! `1.` `1、` `（1）` (item), and reading the numbers they carry.

/// The numbering found at the start of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Numbered {
    /// 1 = chapter, 2 = section, 3 = item.
    pub level: u8,
    /// The number (`三、` → 3).
    pub number: u32,
    /// Bytes of the numbering, including the mark after it and any space.
    pub len: usize,
}

/// The value of a Chinese numeral from 一 to 九十九 (`十四` → 14), or `None`.
pub fn chinese_number(numeral: &str) -> Option<u32> {
    let digit = |c: char| "〇一二三四五六七八九".chars().position(|d| d == c);
    let chars: Vec<char> = numeral.chars().collect();
    let value = match chars.as_slice() {
        [d] if *d != '十' => digit(*d)?,
        ['十'] => 10,
        ['十', d] => 10 + digit(*d)?,
        [t, '十'] => digit(*t)? * 10,
        [t, '十', d] => digit(*t)? * 10 + digit(*d)?,
        _ => return None,
    };
    (value > 0).then_some(value as u32)
}

fn is_numeral_char(c: char) -> bool {
    "〇一二三四五六七八九十".contains(c)
}

/// The numbering at the start of `content` (already trimmed), if it has one.
pub fn numbering(content: &str) -> Option<Numbered> {
    let first = content.chars().next()?;
    if is_numeral_char(first) {
        return chapter(content);
    }
    if first == '（' || first == '(' {
        return bracketed(content);
    }
    if first.is_ascii_digit() {
        return item(content);
    }
    if first == '第' {
        return part(content);
    }
    None
}

/// `第一部分 …`, `第二章 …` (some reports number their chapters so).
fn part(content: &str) -> Option<Numbered> {
    let rest = &content['第'.len_utf8()..];
    let numeral_len: usize = rest
        .chars()
        .take_while(|c| is_numeral_char(*c))
        .map(char::len_utf8)
        .sum();
    let number = chinese_number(&rest[..numeral_len])?;
    let after = &rest[numeral_len..];
    let word = ["部分", "章"].iter().find(|w| after.starts_with(**w))?;
    let after = &after[word.len()..];
    let mark = if after.starts_with('、') || after.starts_with('：') {
        3
    } else {
        0
    };
    let gap = spaces(&after[mark..]);
    // `第一部分` must stand apart from its title: `第二章程` is a word, not a heading.
    if mark == 0 && gap == 0 && !after.is_empty() {
        return None;
    }
    Some(Numbered {
        level: 1,
        number,
        len: '第'.len_utf8() + numeral_len + word.len() + mark + gap,
    })
}

/// `三、…`.
fn chapter(content: &str) -> Option<Numbered> {
    let numeral_len: usize = content
        .chars()
        .take_while(|c| is_numeral_char(*c))
        .map(char::len_utf8)
        .sum();
    let number = chinese_number(&content[..numeral_len])?;
    let rest = &content[numeral_len..];
    let mark = ["、", "，", "."]
        .iter()
        .find(|mark| rest.starts_with(**mark))?;
    // `一、` only: `一，` and `一.` are rare enough that they are more often prose.
    if *mark != "、" {
        return None;
    }
    Some(Numbered {
        level: 1,
        number,
        len: numeral_len + mark.len() + spaces(&rest[mark.len()..]),
    })
}

/// `（一）`, `(一)`, `（1）`, `(1)`.
fn bracketed(content: &str) -> Option<Numbered> {
    let open = content.chars().next()?.len_utf8();
    let close = content[open..].find(['）', ')'])? + open;
    let inner = &content[open..close];
    let close_len = content[close..].chars().next()?.len_utf8();
    let (level, number) = if inner.chars().all(is_numeral_char) {
        (2, chinese_number(inner)?)
    } else if !inner.is_empty() && inner.len() <= 2 && inner.bytes().all(|b| b.is_ascii_digit()) {
        (3, inner.parse().ok()?)
    } else {
        return None;
    };
    let after = close + close_len;
    if content[after..].trim().is_empty() {
        return None;
    }
    Some(Numbered {
        level,
        number,
        len: after + spaces(&content[after..]),
    })
}

/// `1.`, `1、`, `1．` — not `1.8%`.
fn item(content: &str) -> Option<Numbered> {
    let digits = content.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 2 {
        return None;
    }
    let rest = &content[digits..];
    let mark = ["、", "．", "."].iter().find(|m| rest.starts_with(**m))?;
    let after = &rest[mark.len()..];
    if after.starts_with(|c: char| c.is_ascii_digit()) || after.trim().is_empty() {
        return None;
    }
    Some(Numbered {
        level: 3,
        number: content[..digits].parse().ok()?,
        len: digits + mark.len() + spaces(after),
    })
}

fn spaces(text: &str) -> usize {
    text.len() - text.trim_start().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_numbers() {
        assert_eq!(chinese_number("三"), Some(3));
        assert_eq!(chinese_number("十"), Some(10));
        assert_eq!(chinese_number("十四"), Some(14));
        assert_eq!(chinese_number("二十"), Some(20));
        assert_eq!(chinese_number("三十七"), Some(37));
        assert_eq!(chinese_number("十十"), None);
        assert_eq!(chinese_number("〇"), None);
    }

    #[test]
    fn the_three_levels() {
        let n = numbering("三、2023年工作安排").unwrap();
        assert_eq!((n.level, n.number, n.len), (1, 3, 6));
        let n = numbering("（一）万众一心").unwrap();
        assert_eq!((n.level, n.number), (2, 1));
        let n = numbering("(八) 抓安全防风险保稳定").unwrap();
        assert_eq!((n.level, n.number, n.len), (2, 8, 6));
        let n = numbering("10.清淤治理河道43公里").unwrap();
        assert_eq!((n.level, n.number, n.len), (3, 10, 3));
        assert_eq!(numbering("1. 一办五部：指").unwrap().len, 3);
        assert_eq!(numbering("（3）加强监管").unwrap().level, 3);
        let n = numbering("第二部分 2023年工作安排").unwrap();
        assert_eq!((n.level, n.number, n.len), (1, 2, 13));
    }

    #[test]
    fn prose_is_not_numbered() {
        for line in [
            "一年来，主要做了以下工作：",
            "十件实事",
            "2035年远景目标",
            "1.8%的增长",
            "2022年，全县生产总值",
            "（上接第二版）",
            "(一)",
            "三保障",
            "第二章程序",
            "第一次会议",
        ] {
            assert_eq!(numbering(line), None, "{line}");
        }
    }
}
