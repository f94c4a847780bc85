//! Which government delivered a report: the place its session and its speaker's office name
//! (`在海拉尔区第十五届…`, `呼伦贝尔市海拉尔区人民政府区长`), else its title or file name, looked up
//! in the divisions table ([`super::places`]) for its level, parents and code. A place the text
//! merely mentions is never the region; a word that is not a place (`社区`, `中心`) never is.

use std::sync::LazyLock;

use regex::Regex;

use super::header::Header;
use super::places::{Mention, NameKind, places};

/// The region read from a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Region {
    /// The official name (`宁夏回族自治区` for a report that says `宁夏`), or the name as written
    /// when the divisions table does not have it.
    pub name: String,
    /// Index in the divisions table, `None` for a place it does not have (`臺中縣`).
    pub place: Option<usize>,
}

/// Where a candidate name comes from; earlier sources are trusted more.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    /// The place before `第…届` in the session, or before the speaker's office: the region
    /// must be the whole end of it.
    Header,
    /// The title or the file name: the last place in it (`呼伦贝尔市海拉尔区2019年政府工作报告`).
    Label,
}

static BRACKETED_PLACE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[（(](\p{Han}{2})[）)]").unwrap());

/// Read the region of a report of `year` from its header, title and file name; `text` is only
/// looked at to choose between places of the same name (`朝阳区`) and, when nothing else names
/// a place, for the place the report keeps naming in brackets (`（濮阳）`). The year chooses
/// between a former and a current division of one name (`巢湖市`).
pub fn read(
    header: &Header,
    title: Option<&str>,
    file: &str,
    text: &str,
    year: Option<i32>,
) -> Option<Region> {
    let table = places();
    let strip = |s: &str| s.replace("人民政府", "").replace("政府工作报告", "");
    let mut candidates: Vec<(String, Source)> = Vec::new();
    for s in [&header.session_place, &header.speaker_place]
        .into_iter()
        .flatten()
        .chain(&header.other_places)
    {
        candidates.push((strip(s), Source::Header));
    }
    for s in title.into_iter().chain([file]) {
        candidates.push((strip(s), Source::Label));
    }
    let found: Vec<(Vec<Mention>, Source)> = candidates
        .iter()
        .map(|(s, source)| (table.mentions(s), *source))
        .collect();
    let context: Vec<usize> = found
        .iter()
        .flat_map(|(mentions, _)| mentions)
        .flat_map(|m| m.places.iter().map(|&(i, _)| i))
        .collect();
    // A header that says only `县` or `自治区` still says what kind of place it is: a title or
    // file name that names another kind (a province in a county's file name) is no help.
    let relative: Vec<&str> = relative_places(header).collect();
    for ((text_of, source), (mentions, _)) in candidates.iter().zip(&found) {
        let mention = match source {
            Source::Header => mentions.last().filter(|m| m.range.end == text_of.len()),
            Source::Label => mentions.last(),
        };
        let Some(mention) = mention else {
            continue;
        };
        let fits = |&(i, _): &(usize, NameKind)| {
            *source == Source::Header
                || relative.is_empty()
                || relative.iter().any(|w| table.get(i).name.ends_with(w))
        };
        let places: Vec<(usize, NameKind)> = mention.places.iter().copied().filter(fits).collect();
        if places.is_empty() {
            continue;
        }
        if let Some(place) = table
            .choose(&places, &context, year)
            .or_else(|| by_parents_named(&places, text))
        {
            return Some(Region {
                name: table.get(place).name.to_string(),
                place: Some(place),
            });
        }
        // Two places of this name and nothing to tell them apart: the name, without a place.
        return Some(Region {
            name: text_of[mention.range.clone()].to_string(),
            place: None,
        });
    }
    // A place the table does not have, as the header writes it.
    if let Some((name, _)) = candidates
        .iter()
        .find(|(s, source)| *source == Source::Header && looks_like_a_place(s))
    {
        return Some(Region {
            name: name.clone(),
            place: None,
        });
    }
    relative_places(header)
        .find_map(|word| most_mentioned(text, word, year))
        .or_else(|| most_named_place(text, year))
}

/// How far into a report to look for the place a relative header (`县第十六届…`,
/// `自治区主席`) means.
const HEAD_BYTES: usize = 30_000;

/// The level words a header uses instead of a name (`县`, `自治区`, `省`).
fn relative_places(header: &Header) -> impl Iterator<Item = &str> {
    const WORDS: [&str; 9] = ["自治区", "自治州", "省", "市", "县", "区", "州", "旗", "盟"];
    [&header.session_place, &header.speaker_place]
        .into_iter()
        .flatten()
        .filter_map(|p| WORDS.into_iter().find(|w| p == w))
}

/// The place of the kind `word` names (`县` → a 县) that the head of the report names most
/// often, at least three times and more than any other.
fn most_mentioned(text: &str, word: &str, year: Option<i32>) -> Option<Region> {
    let table = places();
    let mut end = text.len().min(HEAD_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut counts: std::collections::HashMap<usize, usize> = Default::default();
    for mention in table.mentions(&text[..end]) {
        let of_kind: Vec<(usize, NameKind)> = mention
            .places
            .iter()
            .copied()
            .filter(|&(i, _)| table.get(i).name.ends_with(word))
            .collect();
        if let Some(place) = table.choose(&of_kind, &[], year) {
            *counts.entry(place).or_default() += 1;
        }
    }
    let mut ranked: Vec<(usize, usize)> = counts.into_iter().map(|(p, n)| (n, p)).collect();
    ranked.sort_unstable_by(|a, b| b.cmp(a));
    match ranked.as_slice() {
        [(n, place), rest @ ..] if *n >= 3 && rest.first().is_none_or(|r| r.0 < *n) => {
            Some(Region {
                name: table.get(*place).name.to_string(),
                place: Some(*place),
            })
        }
        _ => None,
    }
}

/// `臺中縣` is a place name; `县`, `自治区`, `省` alone are not.
fn looks_like_a_place(name: &str) -> bool {
    let relative = [
        "省",
        "市",
        "县",
        "縣",
        "区",
        "區",
        "州",
        "旗",
        "盟",
        "自治区",
        "自治州",
    ];
    name.chars().count() >= 2
        && !relative.contains(&name)
        && name.ends_with(['省', '市', '县', '縣', '区', '區', '州', '旗', '盟'])
}

/// Of places of one name, the one whose parents the report names most (`朝阳区` in a report
/// that says `北京` often).
fn by_parents_named(candidates: &[(usize, NameKind)], text: &str) -> Option<usize> {
    let table = places();
    let count = |word: &str| memchr::memmem::find_iter(text.as_bytes(), word).count();
    let mut scored: Vec<(usize, usize)> = candidates
        .iter()
        .map(|&(i, _)| {
            let score = table
                .parents(i)
                .iter()
                .map(|&p| {
                    let name = table.get(p).name;
                    let stem = name.trim_end_matches(['省', '市']);
                    count(if stem.chars().count() >= 2 {
                        stem
                    } else {
                        name
                    })
                })
                .sum();
            (score, i)
        })
        .collect();
    scored.sort_unstable_by(|a, b| b.cmp(a));
    match scored.as_slice() {
        [(best, i), rest @ ..] if *best > 0 && rest.first().is_none_or(|r| r.0 < *best) => Some(*i),
        _ => None,
    }
}

/// The last resort: the place a report keeps naming in brackets (`（濮阳）` … `濮阳` × 13),
/// when the divisions table knows it.
fn most_named_place(text: &str, year: Option<i32>) -> Option<Region> {
    let table = places();
    let mut stems: Vec<&str> = Vec::new();
    for found in BRACKETED_PLACE.captures_iter(text) {
        let stem = found.get(1).map_or("", |m| m.as_str());
        if !stems.contains(&stem) {
            stems.push(stem);
            if stems.len() == 8 {
                break;
            }
        }
    }
    let count_of = |word: &str| memchr::memmem::find_iter(text.as_bytes(), word).count();
    let (count, stem) = stems
        .iter()
        .filter(|stem| !table.named(stem).is_empty())
        .map(|stem| (count_of(stem), *stem))
        .max()?;
    if count < 5 {
        return None;
    }
    let named = table.named(stem);
    let place = table
        .choose(&named, &[], year)
        .or_else(|| by_parents_named(&named, text))?;
    Some(Region {
        name: table.get(place).name.to_string(),
        place: Some(place),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn region(header: Header, title: Option<&str>, file: &str, text: &str) -> Option<String> {
        read(&header, title, file, text, None).map(|r| r.name)
    }

    #[test]
    fn the_session_and_the_office_name_the_region() {
        let header = Header {
            session_place: Some("海拉尔区".into()),
            speaker_place: Some("呼伦贝尔市海拉尔区".into()),
            ..Header::default()
        };
        let r = read(&header, None, "a.txt", "", None).unwrap();
        assert_eq!(r.name, "海拉尔区");
        assert_eq!(places().get(r.place.unwrap()).code, "150702");
        // Relative words name no place: the title does.
        let header = Header {
            speaker_place: Some("自治区".into()),
            ..Header::default()
        };
        assert_eq!(
            region(header, Some("2025年宁夏政府工作报告"), "x.txt", ""),
            Some("宁夏回族自治区".into())
        );
    }

    #[test]
    fn the_file_name_and_unknown_places() {
        assert_eq!(
            region(
                Header::default(),
                Some("呼伦贝尔市海拉尔区2019年政府工作报告"),
                "a.txt",
                ""
            ),
            Some("海拉尔区".into())
        );
        assert_eq!(
            region(Header::default(), Some("政府工作报告"), "海南_2026.txt", ""),
            Some("海南省".into())
        );
        let header = Header {
            speaker_place: Some("臺中縣".into()),
            ..Header::default()
        };
        assert_eq!(region(header, None, "t.txt", ""), Some("臺中縣".into()));
        let header = Header {
            speaker_place: Some("省".into()),
            ..Header::default()
        };
        assert_eq!(region(header, None, "t.txt", ""), None);
    }

    #[test]
    fn words_in_brackets_are_places_only_when_they_are() {
        let text = "（社区）社区社区社区社区社区（中心）中心中心中心中心中心";
        assert_eq!(region(Header::default(), None, "a.txt", text), None);
        let text = "（濮阳）濮阳濮阳濮阳濮阳濮阳";
        assert_eq!(
            region(Header::default(), None, "a.txt", text),
            Some("濮阳市".into())
        );
    }

    #[test]
    fn a_repeated_name_is_told_apart_by_its_parents() {
        let header = Header {
            session_place: Some("朝阳区".into()),
            ..Header::default()
        };
        let text = "北京 北京 首都 北京";
        let r = read(&header, None, "a.txt", text, None).unwrap();
        assert_eq!(places().get(r.place.unwrap()).code, "110105");
        let r = read(&header, None, "a.txt", "", None).unwrap();
        assert_eq!((r.name.as_str(), r.place), ("朝阳区", None));
    }

    #[test]
    fn a_label_names_the_parent_of_a_repeated_name() {
        let text = "政府工作报告\n——2020年1月8日在朝阳区第十五届人民代表大会第五次会议上\n北京市朝阳区人民政府区长 张三\n各位代表：\n一、工作回顾\n";
        let report = crate::corpus::parse_report("a.txt", None, text);
        assert_eq!(report.meta.code.as_deref(), Some("110105"));
        assert_eq!(report.label(), "北京市朝阳区 2020 政府工作报告");
        let text = "政府工作报告\n——2020年1月8日在民权县第十五届人民代表大会第五次会议上\n";
        let report = crate::corpus::parse_report("a.txt", None, text);
        assert_eq!(report.label(), "民权县 2020 政府工作报告");
    }

    #[test]
    fn a_relative_header_means_the_place_the_report_names_most() {
        let header = Header {
            speaker_place: Some("自治区".into()),
            session_place: Some("自治区".into()),
            ..Header::default()
        };
        let text = "各位代表：广西经济稳中有进。广西壮族自治区成立七十周年。全区…广西北部湾。云南";
        assert_eq!(
            region(header.clone(), Some("政府工作报告"), "a.txt", text),
            Some("广西壮族自治区".into())
        );
        // A file name that names a place of another kind is no help.
        let county = Header {
            session_place: Some("县".into()),
            ..Header::default()
        };
        assert_eq!(region(county, None, "河南省_2023.txt", ""), None);
        // Named too rarely: no region rather than a guess.
        assert_eq!(region(header, None, "a.txt", "广西和云南。"), None);
    }
}
