//! The indicator alias table: which names reports use for the same indicator.
//!
//! Reports name one indicator many ways (`生产总值`, `地区生产总值`, `全县生产总值`, `GDP`). The
//! table is data, `assets/indicators.txt`, so it can be extended without touching code.

use std::collections::HashMap;
use std::sync::LazyLock;

/// The alias table bundled with baogao.
pub static BUNDLED: LazyLock<AliasTable> = LazyLock::new(|| {
    AliasTable::parse(include_str!("../../assets/indicators.txt"))
        .expect("the bundled alias table parses")
});

/// Place words that open an indicator name without changing what it measures.
const PLACE_PREFIXES: &[&str] = &[
    "全县", "全市", "全省", "全区", "全镇", "全乡", "我县", "我市", "我区", "本县", "本市",
];

/// Words that close an indicator name when the figure is its growth or the rank of its growth
/// (`固定资产投资增速`): the indicator is the same.
const GROWTH_SUFFIXES: &[&str] = &["增速", "增幅"];

/// Canonical indicator names and the aliases that map to them.
#[derive(Debug, Clone, Default)]
pub struct AliasTable {
    canonical_of: HashMap<String, String>,
    canonical: Vec<String>,
}

/// A line of the alias table that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("alias table line {line}: {reason}")]
pub struct AliasError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong with it.
    pub reason: String,
}

impl AliasTable {
    /// Read a table: `canonical = alias, alias…` per line, `#` comments, blank lines ignored.
    pub fn parse(text: &str) -> Result<AliasTable, AliasError> {
        let mut table = AliasTable::default();
        for (index, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let error = |reason: &str| AliasError {
                line: index + 1,
                reason: reason.to_string(),
            };
            let (canonical, aliases) = line
                .split_once('=')
                .ok_or_else(|| error("expected `canonical = alias, alias…`"))?;
            let canonical = canonical.trim();
            if canonical.is_empty() {
                return Err(error("empty canonical name"));
            }
            if table.canonical.iter().any(|c| c == canonical) {
                return Err(error(&format!("{canonical} is listed twice")));
            }
            table.canonical.push(canonical.to_string());
            table
                .canonical_of
                .insert(canonical.to_string(), canonical.to_string());
            for alias in aliases.split([',', '，']).map(str::trim) {
                if alias.is_empty() {
                    continue;
                }
                if let Some(other) = table.canonical_of.get(alias)
                    && other != canonical
                {
                    return Err(error(&format!("{alias} already means {other}")));
                }
                table
                    .canonical_of
                    .insert(alias.to_string(), canonical.to_string());
            }
        }
        Ok(table)
    }

    /// The canonical name of an indicator as a report names it: place words and a closing
    /// 增速 dropped, spaces removed, aliases resolved. Names the table does not know are returned
    /// cleaned.
    pub fn canonical(&self, name: &str) -> String {
        let cleaned: String = name.chars().filter(|c| !c.is_whitespace()).collect();
        let mut stripped = cleaned.as_str();
        while let Some(rest) = PLACE_PREFIXES
            .iter()
            .find_map(|prefix| stripped.strip_prefix(prefix))
            .filter(|rest| !rest.is_empty())
        {
            stripped = rest;
        }
        let bare = GROWTH_SUFFIXES
            .iter()
            .find_map(|suffix| stripped.strip_suffix(suffix))
            .filter(|rest| !rest.is_empty())
            .unwrap_or(stripped);
        for candidate in [cleaned.as_str(), stripped, bare] {
            if let Some(canonical) = self.canonical_of.get(candidate) {
                return canonical.clone();
            }
        }
        bare.to_string()
    }

    /// Every canonical name, in table order.
    pub fn names(&self) -> &[String] {
        &self.canonical
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_table_unifies_the_common_names() {
        let table = &*BUNDLED;
        for name in [
            "生产总值",
            "地区生产总值",
            "全县生产总值",
            "GDP",
            "全市地区生产总值",
        ] {
            assert_eq!(table.canonical(name), "生产总值", "{name}");
        }
        assert_eq!(table.canonical("规上工业增加值"), "规模以上工业增加值");
        assert_eq!(table.canonical("地方一般公共预算收入"), "一般公共预算收入");
        assert_eq!(table.canonical("城镇化率"), "常住人口城镇化率");
        assert_eq!(table.canonical("全县生产总值增速"), "生产总值");
        assert_eq!(table.canonical("规上工业增加值增速"), "规模以上工业增加值");
    }

    #[test]
    fn unknown_names_come_back_cleaned() {
        assert_eq!(BUNDLED.canonical("全县 粮食种植面积"), "粮食种植面积");
        assert_eq!(BUNDLED.canonical("全县"), "全县");
        assert_eq!(BUNDLED.canonical("粮食产值增速"), "粮食产值");
        assert_eq!(BUNDLED.canonical("增速"), "增速");
    }

    #[test]
    fn bad_lines_are_reported_with_their_number() {
        let error = AliasTable::parse("# c\n甲 = 乙\n丙 乙\n").unwrap_err();
        assert_eq!(error.line, 3);
        let error = AliasTable::parse("甲 = 乙\n丙 = 乙\n").unwrap_err();
        assert!(error.reason.contains("already means 甲"), "{error}");
    }

    #[test]
    fn full_width_commas_separate_aliases() {
        let table = AliasTable::parse("甲 = 乙，丙").unwrap();
        assert_eq!(table.canonical("丙"), "甲");
        assert_eq!(table.names(), ["甲"]);
    }
}
