//! The front matter and what a report says about itself: title, region, year, date, session,
//! speaker and office, inferred from the lines above the first chapter; and the sidecar
//! `NAME.meta.json` that may override any of them.

use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;

use super::clean::{compact, is_spaced};
use super::numbering::numbering;
use super::parts::is_part_heading;
use super::places::{Level, places};
use super::{Line, LineKind, Metadata, Section, header, region};

/// How far down web chrome above a byline may reach.
pub const CHROME_LINES: usize = 15;

/// Mark the front matter: web chrome above a page's byline becomes residue, the title line
/// [`LineKind::Title`], and the short lines above the salutation or first heading
/// [`LineKind::Front`]. Returns the index of the first body line.
pub fn mark_front(text: &str, lines: &mut [Line]) -> usize {
    mark_chrome(text, lines);
    // An unnumbered chapter (`2024年工作回顾`) ends the front matter too, once the title or the
    // header is behind.
    let mut headed = false;
    let end = lines
        .iter()
        .position(|line| {
            line.kind == LineKind::Body && {
                let content = &text[line.content.clone()];
                let ends = numbering(content).is_some_and(|n| n.level < 3)
                    || content.starts_with("各位代表")
                    || content.chars().nth(60).is_some()
                    || headed && is_part_heading(content);
                let compacted = compact(content);
                headed = headed || is_title(&compacted) || is_header(&compacted);
                ends
            }
        })
        .unwrap_or(lines.len());
    let title = title_line(text, &lines[..end]);
    for (index, line) in lines[..end].iter_mut().enumerate() {
        if line.kind == LineKind::Body {
            line.kind = if Some(index) == title {
                LineKind::Title
            } else {
                LineKind::Front
            };
        }
    }
    end
}

/// A page's title and breadcrumbs above its byline (`时间:… 作者:…`) are chrome too: short
/// body lines among the first [`CHROME_LINES`] lines, above the last residue line there and
/// above the report's title.
pub fn mark_chrome(text: &str, lines: &mut [Line]) {
    let head = lines.len().min(CHROME_LINES);
    let Some(last_residue) = (0..head)
        .rev()
        .find(|&i| lines[i].kind == LineKind::Residue)
    else {
        return;
    };
    for line in &mut lines[..last_residue] {
        let content = &text[line.content.clone()];
        // From the header on (`——2026年1月27日在…`) come the speaker and the report, however
        // short their lines.
        if line.kind == LineKind::Body && is_header(&compact(content)) {
            break;
        }
        if line.kind == LineKind::Body
            && content.chars().nth(30).is_none()
            && !content.contains('。')
            && !is_spaced(content)
            && !compact(content).starts_with("政府工作")
        {
            line.kind = LineKind::Residue;
            line.content = line.content.start..line.content.start;
        }
    }
}

/// Whether a compacted line reads as a report's title (`2026年某省政府工作报告`).
fn is_title(compacted: &str) -> bool {
    compacted.chars().count() <= 30
        && (compacted.ends_with("工作报告") || compacted.ends_with("工作報告"))
}

/// Whether a compacted line is a report's header: a date, then `在` the session.
fn is_header(compacted: &str) -> bool {
    header::find_date(compacted).is_some_and(|(range, _)| compacted[range.end..].starts_with('在'))
}

/// The title: the line that reads `政府工作报告` once spaces are removed, else the first short line
/// ending in `工作报告`.
fn title_line(text: &str, lines: &[Line]) -> Option<usize> {
    let candidates = || {
        lines
            .iter()
            .enumerate()
            .filter(|(_, l)| l.kind == LineKind::Body && l.content.len() <= 200)
            .map(|(i, l)| (i, compact(&text[l.content.clone()])))
            .filter(|(_, c)| c.chars().count() <= 30)
    };
    candidates()
        .find(|(_, c)| c == "政府工作报告" || c == "政府工作報告")
        .or_else(|| candidates().find(|(_, c)| c.ends_with("工作报告") || c.ends_with("工作報告")))
        .map(|(i, _)| i)
}

static PLAN_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d{4})\s*年\s*(?:工作安排|重点工作|主要任务|工作建议|工作目标|工作部署|主要工作)")
        .unwrap()
});
static TITLE_YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"((?:19|20)\d{2})年").unwrap());
static FILE_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|\D)((?:19|20)\d{2})(?:\D|$)").unwrap());

/// Residue lines shorter than this are menus and bylines; longer ones may hold a header glued
/// behind `来源：`.
const GLUED_HEADER: usize = 20;

/// Infer the metadata from the header (`lines` already marked: every line above the first
/// heading or body line), the chapter headings and the file name.
pub fn infer(text: &str, lines: &[Line], sections: &[Section], file: &str) -> Metadata {
    let top: Vec<&Line> = lines
        .iter()
        .take_while(|l| !matches!(l.kind, LineKind::Heading(_) | LineKind::Body))
        .collect();
    // The header as the reading lines give it; behind a `来源：` or in a page's summary only
    // where those leave something out.
    let read_header = |with_residue: bool| {
        let lines: Vec<String> = top
            .iter()
            .filter(|l| match l.kind {
                LineKind::Front | LineKind::Title => true,
                LineKind::Residue => {
                    with_residue && text[l.range.clone()].chars().count() >= GLUED_HEADER
                }
                _ => false,
            })
            .map(|l| header::normalise(&text[l.range.clone()]))
            .collect();
        header::read(&lines.iter().map(String::as_str).collect::<Vec<_>>())
    };
    let known = |h: &header::Header| {
        [h.date.is_some(), h.session.is_some(), h.speaker.is_some()]
            .iter()
            .filter(|&&k| k)
            .count()
    };
    let mut header = read_header(false);
    if known(&header) < 3 {
        let loose = read_header(true);
        if known(&loose) > known(&header) {
            header = loose;
        }
    }
    let mut meta = Metadata::default();
    let title = top
        .iter()
        .find(|l| l.kind == LineKind::Title)
        .map(|l| compact(&text[l.content.clone()]));
    if let Some(title) = &title {
        let bare = ["政府工作报告", "政府工作報告"]
            .into_iter()
            .find(|bare| title.ends_with(bare));
        meta.title = Some(bare.map_or_else(|| title.clone(), str::to_string));
    }
    if let Some((y, m, d)) = header.date {
        meta.date = Some(format!("{y:04}-{m:02}-{d:02}"));
        meta.year = Some(y);
    }
    meta.speaker = header.speaker.clone();
    meta.session = header.session.clone();
    meta.year = meta
        .year
        .or_else(|| {
            title
                .as_deref()
                .and_then(|t| TITLE_YEAR.captures(t))
                .and_then(|c| c[1].parse().ok())
        })
        .or_else(|| {
            sections
                .iter()
                .filter(|s| s.level == 1)
                .find_map(|s| PLAN_YEAR.captures(&s.title).and_then(|c| c[1].parse().ok()))
        })
        .or_else(|| FILE_YEAR.captures(file).and_then(|c| c[1].parse().ok()));
    let file_stem = file.rsplit_once('.').map_or(file, |(stem, _)| stem);
    if let Some(found) = region::read(&header, title.as_deref(), file_stem, text, meta.year) {
        meta.region = Some(found.name);
        if let Some(index) = found.place {
            let table = places();
            let place = table.get(index);
            meta.level = Some(place.level);
            meta.code = Some(place.code.to_string());
            meta.parents = table
                .parents(index)
                .into_iter()
                .map(|p| table.get(p).name.to_string())
                .collect();
        }
    }
    meta.office = header
        .office
        .as_deref()
        .map(|office| full_office(office, header.speaker_place.as_deref(), &meta));
    if let (Some(region), Some(session)) = (&meta.region, &meta.session) {
        meta.session = Some(with_region(session, region));
    }
    meta
}

/// An autonomous region's chairman is `自治区主席` however the header words it (`主席`,
/// `自治区人民政府主席`); other offices stay as written (`省长`, `代区长`).
fn full_office(office: &str, speaker_place: Option<&str>, meta: &Metadata) -> String {
    let autonomous = speaker_place.is_some_and(|p| p.ends_with("自治区"))
        || meta.level == Some(Level::Province)
            && meta
                .region
                .as_deref()
                .is_some_and(|r| r.ends_with("自治区"));
    if autonomous && office.ends_with("主席") && !office.contains("自治区") {
        format!("自治区{office}")
    } else {
        office.to_string()
    }
}

/// `县第十六届…` said in 民权县 is `民权县第十六届…`.
fn with_region(session: &str, region: &str) -> String {
    if session.starts_with('第') {
        return format!("{region}{session}");
    }
    let mut chars = session.chars();
    match (chars.next(), region.chars().last()) {
        (Some(level), Some(last)) if level == last && chars.as_str().starts_with('第') => {
            format!("{region}{}", chars.as_str())
        }
        _ => session.to_string(),
    }
}

/// Why a sidecar `NAME.meta.json` was ignored.
#[derive(Debug, thiserror::Error)]
pub enum SidecarError {
    /// It is there but could not be read.
    #[error("{}: {source}", path.display())]
    Read {
        /// The sidecar.
        path: std::path::PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// It is not the metadata JSON it should be.
    #[error("{}: not valid metadata JSON: {source}", path.display())]
    Invalid {
        /// The sidecar.
        path: std::path::PathBuf,
        /// What the JSON reader said.
        source: serde_json::Error,
    },
}

/// Overlay the fields a sidecar `NAME.meta.json` beside `path` sets. `Ok(false)` when there
/// is none.
pub fn apply_sidecar(meta: &mut Metadata, path: &Path) -> Result<bool, SidecarError> {
    let sidecar = path.with_extension("meta.json");
    let bytes = match std::fs::read(&sidecar) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(source) => {
            return Err(SidecarError::Read {
                path: sidecar,
                source,
            });
        }
    };
    let sidecar_meta: Metadata =
        serde_json::from_slice(&bytes).map_err(|source| SidecarError::Invalid {
            path: sidecar.clone(),
            source,
        })?;
    let Metadata {
        title,
        region,
        year,
        date,
        session,
        speaker,
        office,
        level,
        parents,
        code,
    } = sidecar_meta;
    meta.title = title.or(meta.title.take());
    let region_set = region.is_some();
    meta.region = region.or(meta.region.take());
    meta.year = year.or(meta.year);
    meta.date = date.or(meta.date.take());
    meta.session = session.or(meta.session.take());
    meta.speaker = speaker.or(meta.speaker.take());
    meta.office = office.or(meta.office.take());
    if region_set && code.is_none() {
        // A region set by hand takes its level, parents and code from the divisions table.
        let name = meta.region.as_deref().unwrap_or_default();
        let table = places();
        let found = table.choose(&table.named(name), &[], meta.year);
        meta.level = found.map(|i| table.get(i).level);
        meta.code = found.map(|i| table.get(i).code.to_string());
        meta.parents = found.map_or_else(Vec::new, |i| {
            table
                .parents(i)
                .into_iter()
                .map(|p| table.get(p).name.to_string())
                .collect()
        });
    }
    meta.level = level.or(meta.level);
    meta.code = code.or(meta.code.take());
    if !parents.is_empty() {
        meta.parents = parents;
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sessions_get_their_region() {
        assert_eq!(
            with_region("县第十六届人民代表大会第三次会议", "民权县"),
            "民权县第十六届人民代表大会第三次会议"
        );
        assert_eq!(
            with_region("浚县第十五届人民代表大会第六次会议", "浚县"),
            "浚县第十五届人民代表大会第六次会议"
        );
    }

    #[test]
    fn a_region_set_in_a_sidecar_takes_its_place_from_the_table() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(dir.path().join("a.meta.json"), r#"{"region": "民权县"}"#).unwrap();
        let mut meta = Metadata {
            region: Some("某县".into()),
            ..Metadata::default()
        };
        assert!(apply_sidecar(&mut meta, &path).unwrap());
        assert_eq!(meta.region.as_deref(), Some("民权县"));
        assert_eq!(meta.level, Some(Level::County));
        assert_eq!(meta.code.as_deref(), Some("411421"));
        assert_eq!(meta.parents, ["商丘市", "河南省"]);
    }
}
