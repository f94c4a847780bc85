//! Units: the words that follow a number and make it a figure, with the kind of quantity each
//! names and the base unit the value is given in (`度` is a kilowatt-hour; `万` and `亿` are
//! magnitudes applied to the number, never part of the unit).

use std::sync::LazyLock;

use super::Kind;
use super::char_table::CharTable;

/// A unit as written after a number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Unit {
    /// The surface (`个百分点`, `千瓦时`, `美元`).
    pub surface: &'static str,
    /// The kind of figure it makes.
    pub kind: Kind,
    /// The unit reported for the figure (`度` → `千瓦时`).
    pub base: &'static str,
}

const fn unit(surface: &'static str, kind: Kind, base: &'static str) -> Unit {
    Unit {
        surface,
        kind,
        base,
    }
}

/// Measure words that make a number a count, from `assets/lexicon/count-words.txt`.
static COUNT_WORDS: LazyLock<&'static [&'static str]> =
    LazyLock::new(|| super::lexicon::list!("count-words"));

/// Every unit, each with its kind and base unit.
static UNITS: LazyLock<Vec<Unit>> = LazyLock::new(|| {
    use Kind::*;
    let mut units = vec![
        unit("元", Money, "元"),
        unit("圆", Money, "元"),
        unit("美元", Money, "美元"),
        unit("欧元", Money, "欧元"),
        unit("港元", Money, "港元"),
        unit("日元", Money, "日元"),
        unit("英镑", Money, "英镑"),
        unit("%", Percent, "%"),
        unit("％", Percent, "%"),
        unit("个百分点", PercentagePoint, "个百分点"),
        unit("個百分點", PercentagePoint, "个百分点"),
        unit("百分点", PercentagePoint, "个百分点"),
        unit("倍", Multiple, "倍"),
        unit("个位次", Rank, ""),
        unit("位次", Rank, ""),
        unit("吨", Quantity, "吨"),
        unit("噸", Quantity, "吨"),
        unit("吨标准煤", Quantity, "吨标准煤"),
        unit("公斤", Quantity, "公斤"),
        unit("千克", Quantity, "千克"),
        unit("克", Quantity, "克"),
        unit("斤", Quantity, "斤"),
        unit("亩", Quantity, "亩"),
        // Area worked, counted each time (`完成飞防作业60万亩次`).
        unit("亩次", Quantity, "亩次"),
        unit("畝", Quantity, "亩"),
        unit("公顷", Quantity, "公顷"),
        unit("公頃", Quantity, "公顷"),
        unit("平方米", Quantity, "平方米"),
        unit("平方公里", Quantity, "平方公里"),
        unit("平方千米", Quantity, "平方公里"),
        unit("立方米", Quantity, "立方米"),
        unit("公里", Quantity, "公里"),
        unit("千米", Quantity, "公里"),
        unit("米", Quantity, "米"),
        unit("延米", Quantity, "米"),
        unit("千瓦时", Quantity, "千瓦时"),
        unit("度", Quantity, "千瓦时"),
        unit("千瓦", Quantity, "千瓦"),
        unit("兆瓦", Quantity, "兆瓦"),
        unit("兆瓦时", Quantity, "兆瓦时"),
        unit("吉瓦", Quantity, "吉瓦"),
        unit("吉瓦时", Quantity, "吉瓦时"),
        unit("千伏安", Quantity, "千伏安"),
        unit("千伏", Quantity, "千伏"),
        unit("升", Quantity, "升"),
        unit("标准箱", Quantity, "标准箱"),
        unit("标箱", Quantity, "标准箱"),
        unit("標準箱", Quantity, "标准箱"),
        unit("標箱", Quantity, "标准箱"),
        unit("千瓦時", Quantity, "千瓦时"),
        unit("微克/立方米", Quantity, "微克/立方米"),
        unit("微克每立方米", Quantity, "微克/立方米"),
        unit("毫克每立方米", Quantity, "毫克/立方米"),
        // An age: a figure only as a life expectancy (see the `age` label rule).
        unit("岁", Quantity, "岁"),
        unit("歲", Quantity, "岁"),
        unit("毫克/立方米", Quantity, "毫克/立方米"),
        unit("毫克/升", Quantity, "毫克/升"),
        // Computing power: `智能算力达1.6万P`, `总算力突破7000PF` (petaflops), `15EFlops`.
        unit("P", Quantity, "P"),
        unit("PF", Quantity, "P"),
        unit("EFlops", Quantity, "EFlops"),
        unit("EFLOPS", Quantity, "EFlops"),
        // Operations a second: `算力总规模达到10.36百亿亿次/秒`.
        unit("次/秒", Quantity, "次/秒"),
    ];
    // The list holds each word and its traditional form: a traditional form is reported as
    // the simplified word.
    let simplified: Vec<&'static str> = COUNT_WORDS
        .iter()
        .copied()
        .filter(|w| {
            COUNT_WORDS
                .iter()
                .all(|other| other == w || super::lexicon::traditional(other) != *w)
        })
        .collect();
    for &w in &simplified {
        units.push(unit(w, Count, w));
        let traditional = super::lexicon::traditional(w);
        if let Some(&t) = COUNT_WORDS.iter().find(|t| **t == traditional && **t != w) {
            units.push(unit(t, Count, w));
        }
    }
    units
});

/// Units grouped by first character, longest surface first within a group, so a match is the
/// longest.
static BY_FIRST_CHAR: LazyLock<CharTable<Vec<Unit>>> = LazyLock::new(|| {
    let mut map: Vec<(char, Vec<Unit>)> = Vec::new();
    for u in UNITS.iter() {
        let first = u.surface.chars().next().expect("units are not empty");
        match map.iter_mut().find(|(c, _)| *c == first) {
            Some((_, list)) => list.push(*u),
            None => map.push((first, vec![*u])),
        }
    }
    for (_, list) in &mut map {
        list.sort_by_key(|u| std::cmp::Reverse(u.surface.len()));
    }
    CharTable::new(map)
});

fn units_starting_with(c: char) -> &'static [Unit] {
    BY_FIRST_CHAR.get(c).map_or(&[], Vec::as_slice)
}

/// Whether some unit starts with `c`.
pub fn starts_unit(c: char) -> bool {
    !units_starting_with(c).is_empty()
}

/// The longest unit `s` starts with, if any.
pub fn match_unit(s: &str) -> Option<Unit> {
    let first = s.chars().next()?;
    units_starting_with(first)
        .iter()
        .find(|u| s.starts_with(u.surface))
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_longest_unit_wins() {
        assert_eq!(
            match_unit("个百分点左右").unwrap().kind,
            Kind::PercentagePoint
        );
        assert_eq!(match_unit("个，").unwrap().kind, Kind::Count);
        assert_eq!(match_unit("千瓦时").unwrap().surface, "千瓦时");
        assert_eq!(match_unit("平方米").unwrap().surface, "平方米");
        assert_eq!(match_unit("个位次").unwrap().kind, Kind::Rank);
    }

    #[test]
    fn every_kind_has_units() {
        for (s, kind) in [
            ("元", Kind::Money),
            ("美元", Kind::Money),
            ("%", Kind::Percent),
            ("％", Kind::Percent),
            ("百分点", Kind::PercentagePoint),
            ("倍", Kind::Multiple),
            ("吨", Kind::Quantity),
            ("微克/立方米", Kind::Quantity),
            ("家", Kind::Count),
            ("人次", Kind::Count),
            ("亩次", Kind::Quantity),
            ("次/秒", Kind::Quantity),
        ] {
            assert_eq!(match_unit(s).map(|u| u.kind), Some(kind), "{s}");
        }
    }

    #[test]
    fn traditional_units_are_reported_simplified() {
        for (s, base) in [
            ("個", "个"),
            ("標箱", "标准箱"),
            ("千瓦時", "千瓦时"),
            ("項", "项"),
        ] {
            assert_eq!(match_unit(s).map(|u| u.base), Some(base), "{s}");
        }
        assert_eq!(
            match_unit("個百分點").map(|u| u.kind),
            Some(Kind::PercentagePoint)
        );
    }

    #[test]
    fn kilowatt_hours_by_their_common_name() {
        assert_eq!(match_unit("度").unwrap().base, "千瓦时");
    }

    #[test]
    fn words_that_are_not_units() {
        for s in ["年", "月", "日", "级", "届", "大", "产业", ""] {
            assert_eq!(match_unit(s), None, "{s}");
        }
    }
}
