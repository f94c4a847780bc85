//! Who delivered a report and with what office, read from a header line or the speaker line
//! under it: `[place[人民政府]]office name` (`甘肃省省长 任振鹤`, `呼伦贝尔市海拉尔区人民政府代区长
//! 萨国文`, `自治区主席 艾尔肯·吐尼亚孜`), `name office` (`龚正市长`), the speaker part of a glued
//! header (`…会议上省长叶建春作政府工作报告。`), a bare name whose office only a photo caption
//! gives (`省长毛伟明作政府工作报告`). Lines come compacted, so spaced names arrive joined.

use std::sync::LazyLock;

use regex::Regex;

use super::Header;

/// An office that delivers a report: `省长`, `代区长`, `自治区主席`, `代理主席`, `行政长官`…
const OFFICE: &str = r"(?:代理|代)?(?:自治区|自治州|自治县|自治旗|特别行政区|省|市|县|縣|区|區|州|旗|盟)?(?:长|長|主席|行政长官|行政長官)";
/// A person's name: two or more Chinese characters, `·` between the parts of some.
const NAME: &str = r"[\p{Han}·•]{2,12}?";
/// `[place[人民政府]]office name[同志][作…|在…|代表…]`: a speaker line, or the speaker part of
/// a glued header.
static OFFICE_THEN_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(\p{{Han}}{{0,16}}?)(?:人民政府)?({OFFICE})[：:]?({NAME})(?:同志)?(?:作|在|代表|向|的|各位|$)"
    ))
    .unwrap()
});
/// `…office name` at the end of a short line.
static OFFICE_AND_NAME_AT_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"({OFFICE})[：:]?([\p{{Han}}·•]{{2,12}})$")).unwrap());
/// `name office在…` (`龚正市长在上海市…`).
static NAME_THEN_OFFICE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^({NAME})(?:同志)?({OFFICE})$")).unwrap());
/// `…office name作政府工作报告` anywhere: a photo caption.
static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"({OFFICE})([\p{{Han}}·•]{{2,12}}?)(?:同志)?(?:作|代表|在|向)"
    ))
    .unwrap()
});

pub(super) fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Read a speaker from one part of a glued header, or a line: `office name…` or `name office`.
pub(super) fn speaker_from(header: &mut Header, part: &str) -> bool {
    let part = part.trim_matches(|c: char| !is_han(c) && c != '·');
    let part = part
        .strip_suffix("作政府工作报告")
        .or_else(|| part.strip_suffix("的政府工作报告"))
        .or_else(|| part.strip_suffix("的讲话"))
        .unwrap_or(part);
    if let Some(c) = OFFICE_THEN_NAME.captures(part) {
        let place = &c[1];
        if !place.is_empty() {
            header.speaker_place = Some(place.to_string());
        }
        header.office = Some(c[2].to_string());
        header.speaker = Some(c[3].trim_matches('·').to_string());
        return true;
    }
    if let Some(c) = NAME_THEN_OFFICE.captures(part) {
        header.speaker = Some(c[1].to_string());
        header.office = Some(c[2].to_string());
        return true;
    }
    false
}

/// Find the speaker on the lines from `from`: a line that is `[place]office name`, else a bare
/// name on the first line after the header (its office from a caption such as
/// `省长毛伟明作政府工作报告`).
pub(super) fn speaker_from_lines(header: &mut Header, lines: &[&str], from: usize) {
    let near = &lines[from.min(lines.len())..];
    if near.iter().take(8).any(|line| speaker_line(header, line)) {
        return;
    }
    let Some(name) = near.iter().take(4).find(|l| is_bare_name(l)) else {
        return;
    };
    header.speaker = Some(name.to_string());
    header.office = lines.iter().find_map(|line| {
        CAPTION
            .captures_iter(line)
            .find(|c| &c[2] == *name)
            .map(|c| c[1].to_string())
    });
}

/// Read `line` as a speaker line: `[place[人民政府]]office name`, the whole line, or a short line
/// ending in office and name (`中共某县委副书记、县长张三`).
pub(super) fn speaker_line(header: &mut Header, line: &str) -> bool {
    let whole_line = line.trim_matches(|c: char| !is_han(c) && c != '·');
    let whole = OFFICE_THEN_NAME
        .captures(whole_line)
        .is_some_and(|c| c.get(0).is_some_and(|m| m.end() == whole_line.len()));
    if whole && speaker_from(header, whole_line) {
        return true;
    }
    if whole_line.chars().count() > 30 || whole_line.contains(['。', '，']) {
        return false;
    }
    let Some(c) = OFFICE_AND_NAME_AT_END.captures(whole_line) else {
        return false;
    };
    header.office = Some(c[1].to_string());
    header.speaker = Some(c[2].to_string());
    true
}

/// A line that can only be a name: two to four Chinese characters (or a name with `·`), none of
/// the words a title or salutation has.
fn is_bare_name(line: &str) -> bool {
    let count = line.chars().count();
    let name_like = line.chars().all(|c| is_han(c) || c == '·');
    let words = ["政府", "报告", "代表", "会议", "工作", "日报", "来源"];
    let long_enough = (2..=4).contains(&count) || (line.contains('·') && count <= 16);
    name_like && long_enough && !words.iter().any(|w| line.contains(w))
}
