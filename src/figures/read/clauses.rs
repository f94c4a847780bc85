//! Reading the clause before a figure: moves between two levels, lists, asides, and where
//! clauses, sentence parts and sentences stop.

use super::*;
use crate::figures::words::{CharPairs, trim};

/// A name owned, so it may outlive the text it was read from.
pub(super) fn owned(name: Name<'_>) -> Name<'static> {
    match name {
        Name::Named(n) => Name::Named(Cow::Owned(n.into_owned())),
        Name::Aspect(a) => Name::Aspect(a),
        Name::Nothing => Name::Nothing,
    }
}

/// The clause before a figure with a parenthesised aside taken out, when the clause starts
/// right after the aside closes: `建成综合能源(加氢)站` → `建成综合能源站`.
pub(super) fn across_aside(content: &str, clause_start: usize, end: usize) -> Option<String> {
    let head = &content[..clause_start];
    let close = head
        .chars()
        .next_back()
        .filter(|c| matches!(c, ')' | '）'))?;
    let opener = if close == ')' { '(' } else { '（' };
    let open = head.rfind(opener)?;
    let before = &content[..open];
    let start = before
        .rfind(is_boundary)
        .map_or(0, |i| after_char(content, i));
    (open - start <= 60)
        .then(|| format!("{}{}", &content[start..open], &content[clause_start..end]))
}

/// `s` split before a closing year (`…2015年`, `…2020年底`, `…2020年末`), with the year.
pub(super) fn split_closing_year(s: &str) -> Option<(&str, i32)> {
    let head = s
        .strip_suffix("年底")
        .or_else(|| s.strip_suffix("年末"))
        .or_else(|| s.strip_suffix('年'))?;
    let digits = head.bytes().rev().take_while(u8::is_ascii_digit).count();
    if digits != 4 {
        return None;
    }
    let (before, year) = head.split_at(head.len() - 4);
    Some((before, year.parse().ok()?))
}

/// Whether `s` is a year alone (`2015年`, `2020年底`).
pub(super) fn is_year(s: &str) -> bool {
    split_closing_year(s).is_some_and(|(before, _)| before.is_empty())
}

/// The year a clause points its figure at, as the start or end of a move between two levels:
/// `由2015年的186.5亿元`, `增加到2020年底的302.4亿元` give 2015 and 2020 (`是2012年的1.5倍` does
/// not: that year is the base of the multiple).
pub(super) fn pointed_year(clause: &str) -> Option<i32> {
    let (before, year) = split_closing_year(clause.strip_suffix('的')?)?;
    let moves = ['由', '从', '從', '到', '至', '为', '為'];
    before.ends_with(moves).then_some(year)
}

/// Where the clause before a figure opens its starting point (`全市地区生产总值由2015年的`):
/// the byte offset of `由`/`从`, when only a year (or `上年`) and `的` follow it.
pub(super) fn starting_point(clause: &str) -> Option<usize> {
    // The last `由`/`从`/`從`, found by a pass forward that decodes only the characters ending
    // in the bytes these end in.
    static FROM: LazyLock<CharPairs> = LazyLock::new(|| CharPairs::new(['由', '从', '從']));
    let (at, from) = FROM
        .positions(clause)
        .filter(|&(_, c)| matches!(c, '由' | '从' | '從'))
        .last()?;
    let rest = &clause[at + from.len_utf8()..];
    let rest = rest.strip_suffix('的').unwrap_or(rest);
    let when =
        rest.is_empty() || ["上年", "去年", "上年末", "上年底"].contains(&rest) || is_year(rest);
    (at > 0 && when).then_some(at)
}

/// Whether a clause only moves the level before it to a new one (`增加到2020年的`, `下降到`),
/// naming nothing of its own.
pub(super) fn only_moves(clause: &str) -> bool {
    static MOVES: LazyLock<&'static [&'static str]> =
        LazyLock::new(|| crate::figures::lexicon::list!("moves"));
    static MOVES_BY_FIRST: LazyLock<Affixes> =
        LazyLock::new(|| Affixes::new(*MOVES, |w| w.chars().next()));
    let c = trim(clause);
    MOVES_BY_FIRST.prefixes_of(c).any(|m| {
        let rest = &c[m.len()..];
        let rest = rest.strip_suffix('的').unwrap_or(rest);
        rest.is_empty() || is_year(rest)
    })
}

/// Whether the text between two figures joins them in a list: `、`, `和`, `及`.
pub(super) fn is_list_separator(between: &str) -> bool {
    matches!(trim(between), "、" | "和" | "及" | "与" | "以及" | "與")
}

/// Whether a clause only hopes for more (`力争达到`), naming nothing of its own.
pub(super) fn only_hopes(clause: &str) -> bool {
    let c = trim(clause);
    crate::figures::lexicon::list!("hopes").iter().any(|h| {
        c.strip_prefix(h)
            .is_some_and(|rest| matches!(rest, "" | "达到" | "达" | "達到" | "实现" | "突破"))
    })
}

/// Where the last clause, sentence part and sentence of a stretch of text end.
#[derive(Debug, PartialEq)]
pub(super) struct Stops {
    /// The offset after the last clause boundary ([`is_boundary`]).
    pub(super) clause: Option<usize>,
    /// Whether a sentence part ends in it ([`is_part_boundary`]).
    pub(super) part: bool,
    /// The offset after the last sentence end.
    pub(super) sentence: Option<usize>,
}

impl Stops {
    /// The stops of `text`, read backwards once: every sentence end is a part boundary and
    /// every part boundary a clause boundary, so the reading stops at the last sentence end.
    pub(super) fn before(text: &str) -> Stops {
        let mut stops = Stops {
            clause: None,
            part: false,
            sentence: None,
        };
        let bytes = text.as_bytes();
        let mut end = bytes.len();
        while end > 0 {
            // Four three-byte characters at once, while none is led by `E3` or `EF`: most of
            // the text between two figures is such runs of Chinese characters.
            while let Some(&[a, _, _, b, _, _, c, _, _, d, _, _]) =
                end.checked_sub(12).map(|from| &bytes[from..end])
            {
                let plain = |lead: u8| lead & 0xF0 == 0xE0 && lead != 0xE3 && lead != 0xEF;
                if !(plain(d) && plain(c) && plain(b) && plain(a)) {
                    break;
                }
                end -= 12;
            }
            if end == 0 {
                break;
            }
            // The character ending at `end`: a boundary is ASCII or three bytes led by `E3`
            // (`。`, `、`) or `EF` (the full-width forms), so the others are stepped over
            // undecoded. A lead byte three back can only be the character's own.
            let last = bytes[end - 1];
            let (i, c) = if last < 0x80 {
                (end - 1, char::from(last))
            } else if end >= 3 && bytes[end - 3] & 0xF0 == 0xE0 {
                if !matches!(bytes[end - 3], 0xE3 | 0xEF) {
                    end -= 3;
                    continue;
                }
                match text[end - 3..end].chars().next() {
                    Some(c) => (end - 3, c),
                    None => break,
                }
            } else {
                match text[..end].char_indices().next_back() {
                    Some(found) => found,
                    None => break,
                }
            };
            end = i;
            if !is_boundary(c) {
                continue;
            }
            let after = i + c.len_utf8();
            stops.clause.get_or_insert(after);
            if is_part_boundary(c) {
                stops.part = true;
                if SENTENCE_END.contains(&c) {
                    stops.sentence = Some(after);
                    break;
                }
            }
        }
        stops
    }
}

pub(super) use crate::figures::words::after_char;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stops_are_found_where_reading_characters_finds_them() {
        let marks: String = ('\0'..='\u{ffff}').filter(|&c| is_boundary(c)).collect();
        let filler = "全县生产总值完成二百八十三亿元".repeat(8);
        let text = format!("生产总值{marks}增长5.2%，其中{filler}（一）工业、农业;好!Ａ{filler}");
        for (from, _) in text.char_indices() {
            let part = &text[from..];
            let by_chars = part
                .char_indices()
                .rev()
                .find(|&(_, c)| is_boundary(c))
                .map(|(i, c)| i + c.len_utf8());
            let sentence = part
                .char_indices()
                .rev()
                .find(|&(_, c)| SENTENCE_END.contains(&c))
                .map(|(i, c)| i + c.len_utf8());
            let stops = Stops::before(part);
            assert_eq!(stops.clause, by_chars, "{part}");
            assert_eq!(stops.part, part.contains(is_part_boundary), "{part}");
            assert_eq!(stops.sentence, sentence, "{part}");
        }
    }

    #[test]
    fn stops_are_read_back_to_the_last_sentence_end() {
        let text = "增长5%。工业；农业，服务业";
        let stops = Stops::before(text);
        assert_eq!(stops.clause, text.find('，').map(|i| i + 3));
        assert!(stops.part);
        assert_eq!(stops.sentence, text.find('。').map(|i| i + 3));
        let only_clauses = Stops::before("工业、农业，服务业");
        assert_eq!(only_clauses.clause, Some("工业、农业，".len()));
        assert!(!only_clauses.part);
        assert_eq!(only_clauses.sentence, None);
        assert_eq!(
            Stops::before("；"),
            Stops {
                clause: Some(3),
                part: true,
                sentence: None
            }
        );
    }

    #[test]
    fn moves_between_two_levels_are_read_at_both_ends() {
        assert_eq!(pointed_year("由2015年的"), Some(2015));
        assert_eq!(pointed_year("增加到2020年底的"), Some(2020));
        assert_eq!(pointed_year("是2012年的"), None, "the base of a multiple");
        assert_eq!(pointed_year("由上年的"), None);
        let clause = "全市地区生产总值由2015年的";
        assert_eq!(starting_point(clause), clause.find('由'));
        assert_eq!(starting_point("贫困发生率由"), Some("贫困发生率".len()));
        assert_eq!(starting_point("收入由上年末的"), Some("收入".len()));
        assert_eq!(
            starting_point("由2015年的"),
            None,
            "nothing named before it"
        );
        assert_eq!(starting_point("由政府投资"), None);
        assert!(only_moves("增加到2020年的"));
        assert!(only_moves("下降到"));
        assert!(!only_moves("增加到全市"));
    }
}
