//! The front matter and what a report says about itself: title, region, year, date, session,
//! speaker and office, inferred from the lines above the first chapter; and the sidecar
//! `NAME.meta.json` that may override any of them.

use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;

use super::clean::{compact, is_spaced};
use super::numbering::numbering;
use super::{Line, LineKind, Metadata, Section};

/// How far down web chrome above a byline may reach.
pub const CHROME_LINES: usize = 15;

/// Mark the front matter: web chrome above a page's byline becomes residue, the title line
/// [`LineKind::Title`], and the short lines above the salutation or first heading
/// [`LineKind::Front`]. Returns the index of the first body line.
pub fn mark_front(text: &str, lines: &mut [Line]) -> usize {
    mark_chrome(text, lines);
    let end = lines
        .iter()
        .position(|line| {
            line.kind == LineKind::Body && {
                let content = &text[line.content.clone()];
                numbering(content).is_some_and(|n| n.level < 3)
                    || content.starts_with("各位代表")
                    || content.chars().nth(60).is_some()
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
/// body lines among the first [`CHROME_LINES`] lines, above the last residue line there.
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

static DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d{4})年(\d{1,2})月(\d{1,2})日").unwrap());
static SESSION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"日在(.+?(?:会议|會議|大会|大會))上?$").unwrap());
static SPEAKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(\p{Han}{1,8}?)人民政府)?((?:代理|代)?(?:省|市|县|縣|区|區|州|旗|盟|自治州|自治县)?(?:长|長|主席))(\p{Han}{2,4})$",
    )
    .unwrap()
});
static PLACE_BEFORE_SESSION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\p{Han}{1,7}?[省市县縣区區州旗])第").unwrap());
static PLACE_BEFORE_CONGRESS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\p{Han}{1,7}?[市县縣区區旗])第?[一二三四五六七八九十]+[届屆]").unwrap()
});
static PLACE_BEFORE_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\p{Han}{1,7}?[市县縣区區旗])\d{4}年").unwrap());
static PLAN_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d{4})\s*年\s*(?:工作安排|重点工作|主要任务|工作建议|工作目标|工作部署|主要工作)")
        .unwrap()
});
static FILE_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|\D)((?:19|20)\d{2})(?:\D|$)").unwrap());
static BRACKETED_PLACE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[（(](\p{Han}{2})[）)]").unwrap());

/// Infer the metadata from the front matter (`lines` already marked), the chapter headings and
/// the file name.
pub fn infer(text: &str, lines: &[Line], sections: &[Section], file: &str) -> Metadata {
    let front: Vec<(LineKind, String)> = lines
        .iter()
        .take_while(|l| !matches!(l.kind, LineKind::Heading(_) | LineKind::Body))
        .filter(|l| matches!(l.kind, LineKind::Front | LineKind::Title))
        .map(|l| (l.kind, compact(&text[l.content.clone()])))
        .collect();
    let mut meta = Metadata::default();
    if let Some((_, title)) = front.iter().find(|(kind, _)| *kind == LineKind::Title) {
        let bare = ["政府工作报告", "政府工作報告"]
            .into_iter()
            .find(|bare| title.ends_with(bare));
        meta.title = Some(bare.map_or_else(|| title.clone(), str::to_string));
    }
    let mut session_region = None;
    if let Some(at) = front.iter().position(|(_, l)| DATE.is_match(l)) {
        let mut line = front[at].1.clone();
        if !line.contains("会议")
            && let Some((LineKind::Front, next)) = front.get(at + 1)
        {
            line.push_str(next);
        }
        if let Some(c) = DATE.captures(&line) {
            let (y, m, d) = (&c[1], c[2].parse::<u32>(), c[3].parse::<u32>());
            if let (Ok(m), Ok(d)) = (m, d)
                && (1..=12).contains(&m)
                && (1..=31).contains(&d)
            {
                meta.date = Some(format!("{y}-{m:02}-{d:02}"));
            }
            meta.year = y.parse().ok();
        }
        if let Some(c) = SESSION.captures(&line) {
            meta.session = Some(c[1].to_string());
            session_region = PLACE_BEFORE_SESSION
                .captures(&c[1])
                .map(|c| c[1].to_string());
        }
    }
    for (_, line) in &front {
        if let Some(c) = SPEAKER.captures(line) {
            meta.office = Some(c[2].to_string());
            meta.speaker = Some(c[3].to_string());
            meta.region = c.get(1).map(|r| r.as_str().to_string());
            break;
        }
    }
    meta.region = meta
        .region
        .or(session_region)
        .or_else(|| first_capture(&PLACE_BEFORE_CONGRESS, &front))
        .or_else(|| first_capture(&PLACE_BEFORE_YEAR, &front))
        .or_else(|| most_named_place(text));
    if let (Some(region), Some(session)) = (&meta.region, &meta.session) {
        meta.session = Some(with_region(session, region));
    }
    meta.year = meta
        .year
        .or_else(|| {
            sections
                .iter()
                .filter(|s| s.level == 1)
                .find_map(|s| PLAN_YEAR.captures(&s.title).and_then(|c| c[1].parse().ok()))
        })
        .or_else(|| FILE_YEAR.captures(file).and_then(|c| c[1].parse().ok()));
    meta
}

fn first_capture(regex: &Regex, front: &[(LineKind, String)]) -> Option<String> {
    front
        .iter()
        .find_map(|(_, line)| regex.captures(line).map(|c| c[1].to_string()))
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

/// The last resort: the place a report keeps naming (`（濮阳）` … `濮阳` × 13), called a city
/// when the report says `全市` more than `全县`.
fn most_named_place(text: &str) -> Option<String> {
    // A report names a handful of places in brackets; the first few distinct ones are plenty.
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
    let (count, stem) = stems.iter().map(|stem| (count_of(stem), *stem)).max()?;
    if count < 5 {
        return None;
    }
    let level = if count_of("全市") >= count_of("全县") {
        "市"
    } else {
        "县"
    };
    Some(format!("{stem}{level}"))
}

/// Overlay the fields a sidecar `NAME.meta.json` beside `path` sets. `Err` names the sidecar
/// and what is wrong with it; `Ok(false)` when there is none.
pub fn apply_sidecar(meta: &mut Metadata, path: &Path) -> Result<bool, String> {
    let sidecar = path.with_extension("meta.json");
    let bytes = match std::fs::read(&sidecar) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(format!("{}: {e}", sidecar.display())),
    };
    let sidecar_meta: Metadata = serde_json::from_slice(&bytes)
        .map_err(|e| format!("{}: not valid metadata JSON: {e}", sidecar.display()))?;
    let Metadata {
        title,
        region,
        year,
        date,
        session,
        speaker,
        office,
    } = sidecar_meta;
    meta.title = title.or(meta.title.take());
    meta.region = region.or(meta.region.take());
    meta.year = year.or(meta.year);
    meta.date = date.or(meta.date.take());
    meta.session = session.or(meta.session.take());
    meta.speaker = speaker.or(meta.speaker.take());
    meta.office = office.or(meta.office.take());
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
    fn speakers() {
        let c = SPEAKER.captures("浚县人民政府县长刘青").unwrap();
        assert_eq!((&c[1], &c[2], &c[3]), ("浚县", "县长", "刘青"));
        let c = SPEAKER.captures("代市长李明华").unwrap();
        assert_eq!((&c[2], &c[3]), ("代市长", "李明华"));
        let c = SPEAKER.captures("臺中縣人民政府縣長陳明").unwrap();
        assert_eq!((&c[1], &c[2], &c[3]), ("臺中縣", "縣長", "陳明"));
        assert!(SPEAKER.captures("各位代表").is_none());
    }
}
