//! China's administrative divisions (province › prefecture › county), bundled as data
//! (`assets/divisions.tsv`, GB/T 2260 codes from the NBS and, for former ones, the MCA; see
//! `assets/README.md`), with their short names (`广西`, `呼伦贝尔`) and former names, so a report's
//! region can be checked against real places and given its level, parents and code.
//!
//! The table is read once, on first use, into a hash map of every name (about 2 ms; an
//! Aho–Corasick automaton over the 6,700 names took 25 ms to build, paid by every start of the
//! browser). Places are found in a string by probing, at each character, the longest name that
//! fits first: a few microseconds for the short header strings a report's region is read from.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use std::collections::HashMap;

const DIVISIONS: &str = include_str!("../../assets/divisions.tsv");
const OTHER_NAMES: &str = include_str!("../../assets/place-names.txt");
const ETHNIC_GROUPS: &str = include_str!("../../assets/ethnic-groups.txt");

/// The tier of a division.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// 省, 自治区, 直辖市.
    Province,
    /// 地级市, 地区, 自治州, 盟.
    Prefecture,
    /// 县, 县级市, 市辖区, 旗, 自治县…
    County,
}

impl Level {
    /// The word `outline --format json` prints (`province`, `prefecture`, `county`).
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Province => "province",
            Level::Prefecture => "prefecture",
            Level::County => "county",
        }
    }
}

/// One division.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The six-digit code (`150702`).
    pub code: &'static str,
    /// The official name (`海拉尔区`).
    pub name: &'static str,
    /// Index of the division it belongs to, `None` for a province.
    pub parent: Option<usize>,
    /// Its tier.
    pub level: Level,
    /// For a division that no longer exists under this name, the year of the last release
    /// that lists it; `None` for a current one.
    pub until: Option<u16>,
    /// The year of the first release that lists it under this name (the oldest year the table
    /// reads, 1995, for one that existed then or before).
    pub since: Option<u16>,
}

impl Place {
    /// Whether the division existed under this name when a report of `year` was delivered
    /// (early in the year: as the lists stood at the end of the one before).
    pub fn existed_for(&self, year: i32) -> bool {
        let before = year - 1;
        self.since.is_none_or(|since| i32::from(since) <= before)
            && self.until.is_none_or(|until| i32::from(until) >= before)
    }
}

/// How a name refers to a place: its official name, or a short or other name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum NameKind {
    /// The name in the table (`呼伦贝尔市`).
    Official,
    /// A short or other name (`呼伦贝尔`, `新疆`).
    Other,
}

/// A place name found in a string: where, and every place it may be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Byte range in the string searched.
    pub range: std::ops::Range<usize>,
    /// The places so named, with how the name refers to each.
    pub places: Vec<(usize, NameKind)>,
}

/// The divisions table with its names.
pub struct Places {
    places: Vec<Place>,
    /// Every official, short and other name, with the places it names.
    names: HashMap<&'static str, Vec<(usize, NameKind)>>,
    /// The longest name, in characters.
    longest: usize,
}

/// The table, read on first use.
pub fn places() -> &'static Places {
    static PLACES: OnceLock<Places> = OnceLock::new();
    PLACES.get_or_init(Places::bundled)
}

/// Lines of a bundled list: trimmed, without blank lines and `#` comments.
fn data_lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl Places {
    /// Read the bundled table. The assets are checked by the tests; a malformed row is skipped.
    fn bundled() -> Places {
        let mut places = Vec::new();
        let mut parents = Vec::new();
        for line in DIVISIONS.lines().filter(|l| !l.starts_with('#')) {
            let fields: Vec<&'static str> = line.split('\t').collect();
            let [code, name, parent, level, until, since] = fields[..] else {
                continue;
            };
            let level = match level {
                "province" => Level::Province,
                "prefecture" => Level::Prefecture,
                "county" => Level::County,
                _ => continue,
            };
            places.push(Place {
                code,
                name,
                parent: None,
                level,
                until: until.parse().ok(),
                since: since.parse().ok(),
            });
            parents.push(parent);
        }
        // A parent is looked up by code: for a current division, the current one; for a former
        // one, the division of that code as it was then (襄阳区 of 2009 › 襄樊市, not 襄阳市).
        let mut by_code: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, place) in places.iter().enumerate() {
            by_code.entry(place.code).or_default().push(i);
        }
        let resolved: Vec<Option<usize>> = places
            .iter()
            .zip(&parents)
            .map(|(place, parent)| {
                let rows = by_code.get(parent)?;
                let alive_then = |&&i: &&usize| {
                    let until = places[i].until;
                    until.is_none_or(|end| place.until.is_some_and(|year| end >= year))
                };
                let until = |&&i: &&usize| places[i].until.unwrap_or(u16::MAX);
                rows.iter()
                    .filter(alive_then)
                    .min_by_key(until)
                    .or_else(|| rows.iter().max_by_key(until))
                    .copied()
            })
            .collect();
        for (place, parent) in places.iter_mut().zip(resolved) {
            place.parent = parent;
        }
        let ethnic: Vec<&str> = data_lines(ETHNIC_GROUPS).collect();
        let mut names: HashMap<&'static str, Vec<(usize, NameKind)>> =
            HashMap::with_capacity(places.len() * 2);
        for (i, place) in places.iter().enumerate() {
            names
                .entry(place.name)
                .or_default()
                .push((i, NameKind::Official));
            if let Some(short) = short_name(place.name, &ethnic) {
                names.entry(short).or_default().push((i, NameKind::Other));
            }
        }
        for line in data_lines(OTHER_NAMES) {
            let Some((other, official)) = line.split_once('\t') else {
                continue;
            };
            let (other, official) = (other.trim(), official.trim());
            for (i, _) in places
                .iter()
                .enumerate()
                .filter(|(_, p)| p.name == official)
            {
                names.entry(other).or_default().push((i, NameKind::Other));
            }
        }
        let longest = names.keys().map(|n| n.chars().count()).max().unwrap_or(0);
        Places {
            places,
            names,
            longest,
        }
    }

    /// The place at `index`.
    pub fn get(&self, index: usize) -> &Place {
        &self.places[index]
    }

    /// The places `index` belongs to, nearest first (`海拉尔区` → 呼伦贝尔市, 内蒙古自治区).
    pub fn parents(&self, index: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut current = self.places[index].parent;
        while let Some(p) = current {
            if out.contains(&p) || out.len() > 3 {
                break;
            }
            out.push(p);
            current = self.places[p].parent;
        }
        out
    }

    /// Whether `ancestor` is `index` or one of its parents.
    pub fn is_within(&self, index: usize, ancestor: usize) -> bool {
        index == ancestor || self.parents(index).contains(&ancestor)
    }

    /// Every place name in `text`, leftmost-longest, in order.
    pub fn mentions(&self, text: &str) -> Vec<Mention> {
        let starts: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        let chars = starts.len() - 1;
        let mut out = Vec::new();
        let mut at = 0;
        while at < chars {
            let longest = self.longest.min(chars - at);
            let found = (2..=longest).rev().find_map(|len| {
                let range = starts[at]..starts[at + len];
                self.names
                    .get(&text[range.clone()])
                    .map(|places| (len, range, places))
            });
            match found {
                Some((len, range, places)) => {
                    out.push(Mention {
                        range,
                        places: places.clone(),
                    });
                    at += len;
                }
                None => at += 1,
            }
        }
        out
    }

    /// The places whose official or other name is exactly `name`.
    pub fn named(&self, name: &str) -> Vec<(usize, NameKind)> {
        self.names.get(name).cloned().unwrap_or_default()
    }

    /// Whether several divisions go by `name` (`朝阳区`), so that a label needs the parent: the
    /// current ones, or when none is current, the former ones. A county whose code changed
    /// (民权县 of 1996 and of today) is still one place.
    pub fn is_shared(&self, name: &str) -> bool {
        let named = self.named(name);
        let current = named
            .iter()
            .filter(|&&(i, _)| self.places[i].until.is_none())
            .count();
        if current > 0 {
            current > 1
        } else {
            named.len() > 1
        }
    }

    /// The best of `candidates` for a report of `year`: one inside a place in `context` (other
    /// places the header names, `呼伦贝尔市` for `海拉尔区`), else one that existed in that year
    /// before one that did not (the prefecture `巢湖市` for 2009, the county-level city since
    /// 2011), a current division before a former one, an official name before a short one, and
    /// a higher tier before a lower one. `None` when that still leaves two divisions alike.
    pub fn choose(
        &self,
        candidates: &[(usize, NameKind)],
        context: &[usize],
        year: Option<i32>,
    ) -> Option<usize> {
        let within: Vec<(usize, NameKind)> = candidates
            .iter()
            .copied()
            .filter(|&(i, _)| context.iter().any(|&c| c != i && self.is_within(i, c)))
            .collect();
        let pool = if within.is_empty() {
            candidates
        } else {
            &within[..]
        };
        let rank = |&(i, kind): &(usize, NameKind)| {
            let place = &self.places[i];
            let gone = year.is_some_and(|year| !place.existed_for(year));
            (gone, place.until.is_some(), kind, place.level)
        };
        let best = pool.iter().min_by_key(|c| rank(c))?;
        let tied = pool
            .iter()
            .filter(|c| rank(c) == rank(best) && c.0 != best.0)
            .count();
        (tied == 0).then_some(best.0)
    }
}

/// The short name a division goes by (`河南省` → `河南`, `广西壮族自治区` → `广西`,
/// `呼伦贝尔市` → `呼伦贝尔`, `黔东南苗族侗族自治州` → `黔东南`), when one follows by rule and
/// leaves at least two characters.
pub fn short_name<'a>(name: &'a str, ethnic_groups: &[&str]) -> Option<&'a str> {
    const SUFFIXES: [&str; 11] = [
        "特别行政区",
        "自治区",
        "自治州",
        "自治县",
        "自治旗",
        "地区",
        "省",
        "市",
        "盟",
        "县",
        "旗",
    ];
    let suffix = SUFFIXES
        .iter()
        .find(|s| name.ends_with(**s))
        .or_else(|| name.ends_with('区').then_some(&"区"))?;
    let mut short = &name[..name.len() - suffix.len()];
    if suffix.starts_with("自治") {
        while let Some(group) = short.strip_suffix('族').and_then(|rest| {
            ethnic_groups
                .iter()
                .filter(|g| rest.ends_with(**g))
                .max_by_key(|g| g.len())
        }) {
            short = &short[..short.len() - group.len() - '族'.len_utf8()];
        }
    }
    (short.chars().count() >= 2 && short != name).then_some(short)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The one current division named `name` (a former one of that name may exist too).
    fn index(name: &str) -> usize {
        let t = places();
        let named = t.named(name);
        let current: Vec<_> = named
            .iter()
            .filter(|(i, _)| t.get(*i).until.is_none())
            .collect();
        assert_eq!(current.len(), 1, "{name}: {named:?}");
        current[0].0
    }

    #[test]
    fn short_names_by_rule() {
        let ethnic: Vec<&str> = data_lines(ETHNIC_GROUPS).collect();
        let short = |n| short_name(n, &ethnic);
        assert_eq!(short("河南省"), Some("河南"));
        assert_eq!(short("广西壮族自治区"), Some("广西"));
        assert_eq!(short("宁夏回族自治区"), Some("宁夏"));
        assert_eq!(short("内蒙古自治区"), Some("内蒙古"));
        assert_eq!(short("黔东南苗族侗族自治州"), Some("黔东南"));
        assert_eq!(short("呼伦贝尔市"), Some("呼伦贝尔"));
        assert_eq!(short("锡林郭勒盟"), Some("锡林郭勒"));
        assert_eq!(short("鄂温克族自治旗"), None);
        assert_eq!(short("浚县"), None);
        assert_eq!(short("城区"), None);
    }

    #[test]
    fn the_table_knows_levels_parents_and_codes() {
        let t = places();
        let hailaer = index("海拉尔区");
        assert_eq!(t.get(hailaer).code, "150702");
        assert_eq!(t.get(hailaer).level, Level::County);
        let parents: Vec<&str> = t.parents(hailaer).iter().map(|&p| t.get(p).name).collect();
        assert_eq!(parents, ["呼伦贝尔市", "内蒙古自治区"]);
        let minquan = index("民权县");
        let parents: Vec<&str> = t.parents(minquan).iter().map(|&p| t.get(p).name).collect();
        assert_eq!(parents, ["商丘市", "河南省"]);
        // A district of a municipality belongs to the municipality itself.
        let districts = t.named("东城区");
        assert!(districts.iter().any(|&(i, _)| {
            t.parents(i)
                .iter()
                .map(|&p| t.get(p).name)
                .collect::<Vec<_>>()
                == ["北京市"]
        }));
        assert!(t.get(index("北京市")).parent.is_none());
    }

    #[test]
    fn short_and_other_names_find_their_place() {
        let t = places();
        for (name, official) in [
            ("广西", "广西壮族自治区"),
            ("新疆", "新疆维吾尔自治区"),
            ("宁夏", "宁夏回族自治区"),
        ] {
            let chosen = t.choose(&t.named(name), &[], None).unwrap();
            assert_eq!(t.get(chosen).name, official, "{name}");
        }
        // 吉林 is a province and a prefecture: the province, unless the context says otherwise.
        let jilin = t.named("吉林");
        assert_eq!(t.get(t.choose(&jilin, &[], None).unwrap()).name, "吉林省");
        assert!(t.named("社区").is_empty() && t.named("中心").is_empty());
    }

    /// `(name, code, level, until)` of a place and the names of its parents.
    fn described(
        i: usize,
    ) -> (
        &'static str,
        &'static str,
        Level,
        Option<u16>,
        Vec<&'static str>,
    ) {
        let t = places();
        let place = t.get(i);
        let parents = t.parents(i).iter().map(|&p| t.get(p).name).collect();
        (place.name, place.code, place.level, place.until, parents)
    }

    #[test]
    fn former_divisions_keep_their_name_code_and_parents_of_the_time() {
        let t = places();
        let chosen = |name: &str| t.choose(&t.named(name), &[], None).unwrap();
        assert_eq!(
            described(chosen("襄樊市")),
            (
                "襄樊市",
                "420600",
                Level::Prefecture,
                Some(2009),
                vec!["湖北省"]
            )
        );
        assert_eq!(
            described(chosen("襄樊")).0,
            "襄樊市",
            "the short name of a former prefecture"
        );
        assert_eq!(
            described(chosen("襄阳区")),
            (
                "襄阳区",
                "420607",
                Level::County,
                Some(2009),
                vec!["襄樊市", "湖北省"]
            )
        );
        assert_eq!(
            described(chosen("居巢区")),
            (
                "居巢区",
                "341402",
                Level::County,
                Some(2010),
                vec!["巢湖市", "安徽省"]
            )
        );
        assert_eq!(described(chosen("思茅市")).1, "530800");
        assert_eq!(
            described(chosen("萧山市")),
            (
                "萧山市",
                "330181",
                Level::County,
                Some(2000),
                vec!["杭州市", "浙江省"]
            )
        );
        assert_eq!(
            described(chosen("通县")),
            ("通县", "110223", Level::County, Some(1996), vec!["北京市"])
        );
        // A current division goes before a former one of the same name (巢湖市 the county-level
        // city of today, not the prefecture until 2011), and the current 襄阳市 has its own code.
        assert_eq!(described(chosen("巢湖市")).3, None);
        assert_eq!(described(chosen("襄阳市")).3, None);
    }

    #[test]
    fn the_year_of_a_report_chooses_between_divisions_of_one_name() {
        let t = places();
        let chaohu = t.named("巢湖市");
        let level_in = |year| t.get(t.choose(&chaohu, &[], Some(year)).unwrap()).level;
        assert_eq!(level_in(2009), Level::Prefecture);
        assert_eq!(level_in(2011), Level::Prefecture);
        assert_eq!(level_in(2012), Level::County);
        assert_eq!(level_in(2025), Level::County);
        let minquan = t.named("民权县");
        let code_in = |year| t.get(t.choose(&minquan, &[], Some(year)).unwrap()).code;
        assert_eq!(code_in(1996), "412323");
        assert_eq!(code_in(2023), "411421");
        // A name only one division bore is that division in any year.
        let xiangfan = t.named("襄樊市");
        assert_eq!(
            t.get(t.choose(&xiangfan, &[], Some(2020)).unwrap()).code,
            "420600"
        );
    }

    #[test]
    fn hong_kong_macao_and_taiwan_are_provincial() {
        let t = places();
        for (name, short, code) in [
            ("香港特别行政区", "香港", "810000"),
            ("澳门特别行政区", "澳门", "820000"),
            ("台湾省", "台湾", "710000"),
        ] {
            for named in [name, short] {
                let i = t.choose(&t.named(named), &[], None).unwrap();
                assert_eq!(described(i), (name, code, Level::Province, None, vec![]));
            }
        }
    }

    #[test]
    fn repeated_names_need_their_parent() {
        let t = places();
        let chaoyang = t.named("朝阳区");
        assert!(chaoyang.len() >= 2);
        assert_eq!(t.choose(&chaoyang, &[], None), None);
        let beijing = index("北京市");
        let chosen = t.choose(&chaoyang, &[beijing], None).unwrap();
        assert_eq!(t.get(chosen).code, "110105");
    }

    #[test]
    fn mentions_are_leftmost_longest() {
        let t = places();
        let text = "呼伦贝尔市海拉尔区第十五届";
        let found: Vec<&str> = t
            .mentions(text)
            .iter()
            .map(|m| &text[m.range.clone()])
            .collect();
        assert_eq!(found, ["呼伦贝尔市", "海拉尔区"]);
    }
}
