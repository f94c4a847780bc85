//! Reading a report's header: the day it was delivered, the session it was delivered to, who
//! delivered it and with what office, and which places the header names — in any of the shapes
//! real reports take: the header on its own line or glued onto one with the speaker (before or
//! after the session, `同志`, `的讲话`), wrapped over two lines, in brackets, after `来源：`; dates
//! in Arabic or Chinese numerals (`二〇二六年一月二十七日`); sessions with or without `第`;
//! speakers with any office (`省长`, `代区长`, `自治区人民政府主席`), spaced names, names
//! with `·`, a bare name whose office only a photo caption gives.
//!
//! Lines come in compacted (whitespace removed), in file order, from the top of the report to
//! its first heading or salutation.

mod speaker;

use std::sync::LazyLock;

use regex::Regex;

use super::numbering::chinese_number;
use speaker::{is_han, speaker_from, speaker_from_lines, speaker_line};

/// What a header says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Header {
    /// The day delivered: year, month, day.
    pub date: Option<(i32, u32, u32)>,
    /// Index of the line the date was read from.
    pub date_line: Option<usize>,
    /// The session as written (`甘肃省十四届人民代表大会第四次会议`, `县第十六届…`).
    pub session: Option<String>,
    /// The place the session names before its `第…届` (`海拉尔区`; `县` when relative).
    pub session_place: Option<String>,
    /// The speaker's name, spaces removed.
    pub speaker: Option<String>,
    /// The office as written, place words left out (`省长`, `代区长`, `主席`).
    pub office: Option<String>,
    /// The place written before the office (`呼伦贝尔市海拉尔区`, `自治区`, `省`).
    pub speaker_place: Option<String>,
    /// Other strings of the header that may name the delivering government (`江西省人民政府`
    /// before a glued header).
    pub other_places: Vec<String>,
}

static ARABIC_DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日").unwrap());
static CHINESE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([〇零○一二三四五六七八九]{4})年(元|[一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")
        .unwrap()
});
/// `在…会议` after a date: the session, ending at its first `会议` (else `大会`).
static SESSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"在([^在。，；：]{0,30}?(?:人民代表大[会會]|人大|代表大[会會])[^在。，；：]{0,16}?(?:会议|會議))|在([^在。，；：]{0,30}?(?:人民代表大会|代表大会|人民代表大會))")
        .unwrap()
});
static SESSION_PLACE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\p{Han}*?)第?[一二三四五六七八九十]+[届屆]").unwrap());
/// Read the header from `lines` (compacted, in order).
pub fn read(lines: &[&str]) -> Header {
    let mut header = Header::default();
    let Some(at) = date_line(lines) else {
        // No date: the session alone, and the speaker under it.
        let session = lines
            .iter()
            .enumerate()
            .find_map(|(i, l)| SESSION.captures(l).map(|c| (i, c)));
        let from = session.map_or(0, |(i, c)| {
            set_session(&mut header, &c);
            i + 1
        });
        speaker_from_lines(&mut header, lines, from);
        return header;
    };
    header.date_line = Some(at);
    let mut line = lines[at].to_string();
    if !line.contains("会议")
        && !line.contains("會議")
        && let Some(next) = lines.get(at + 1)
        && (next.contains("会议") || next.contains("會議"))
    {
        line.push_str(next);
    }
    let Some((date_range, date)) = find_date(&line) else {
        return header;
    };
    header.date = Some(date);
    let before = line[..date_range.start].trim_start_matches(|c: char| !is_han(c));
    let before = before.trim_start_matches(['来', '源', '：', ':']);
    if before.chars().count() >= 2 {
        header.other_places.push(before.to_string());
    }
    let rest = &line[date_range.end..];
    let session = SESSION.captures(rest);
    let (between, after) = match &session {
        Some(c) => {
            let whole = c.get(0).expect("a match");
            set_session(&mut header, c);
            (&rest[..whole.start()], &rest[whole.end()..])
        }
        None => {
            // The session before the date (`——在某县第十六届…会议上（2024年1月20日）`), on its
            // line or one above.
            let before_date = &line[..date_range.start];
            if let Some(c) = std::iter::once(&before_date)
                .chain(lines[..at].iter().rev().take(3))
                .find_map(|l| SESSION.captures(l))
            {
                set_session(&mut header, &c);
            }
            (rest, "")
        }
    };
    let after = after.trim_start_matches(['上', '的']);
    for part in [between, after] {
        if header.speaker.is_none() && !part.is_empty() {
            speaker_from(&mut header, part);
        }
    }
    if header.speaker.is_none() {
        let skip = if line.len() > lines[at].len() { 2 } else { 1 };
        speaker_from_lines(&mut header, lines, at + skip);
    }
    if header.speaker.is_none() {
        // A speaker line above the date, below the title.
        let title = lines[..at]
            .iter()
            .rposition(|l| l.contains("工作报告"))
            .map_or(0, |t| t + 1);
        for line in &lines[title..at] {
            if speaker_line(&mut header, line) {
                break;
            }
        }
    }
    header
}

/// Take the session a [`SESSION`] match found, and the place it names before `第…届`.
fn set_session(header: &mut Header, found: &regex::Captures) {
    let text = found
        .get(1)
        .or_else(|| found.get(2))
        .map_or("", |m| m.as_str());
    header.session = Some(text.to_string());
    header.session_place = SESSION_PLACE
        .captures(text)
        .map(|p| p[1].to_string())
        .filter(|p| !p.is_empty());
}

/// A line as the header reader takes it: whitespace removed, full-width digits made ASCII.
pub fn normalise(line: &str) -> String {
    line.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            _ => c,
        })
        .collect()
}

/// The line the header's date is on: the first whose date is followed by a session (there or on
/// the next line), else the first line with a date.
fn date_line(lines: &[&str]) -> Option<usize> {
    let with_session = |i: usize| {
        let Some((range, _)) = find_date(lines[i]) else {
            return false;
        };
        let rest = &lines[i][range.end..];
        SESSION.is_match(rest)
            || (rest.ends_with('届') || rest.ends_with("届人民"))
                && lines.get(i + 1).is_some_and(|next| next.contains("会议"))
    };
    // A page's timestamp (`2026年02月10日07时41分`) is not the day a report was delivered.
    let not_a_timestamp = |i: usize| {
        find_date(lines[i]).is_some_and(|(range, _)| {
            !lines[i][range.end..].starts_with(|c: char| c.is_ascii_digit())
        })
    };
    (0..lines.len())
        .find(|&i| with_session(i))
        .or_else(|| (0..lines.len()).find(|&i| not_a_timestamp(i)))
}

/// The first date in `line`, Arabic or Chinese numerals, if it is a real day.
pub fn find_date(line: &str) -> Option<(std::ops::Range<usize>, (i32, u32, u32))> {
    let arabic = ARABIC_DATE.captures(line).and_then(|c| {
        let date = (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
        Some((c.get(0)?.range(), date))
    });
    let chinese = CHINESE_DATE.captures(line).and_then(|c| {
        let year = c[1].chars().try_fold(0i32, |year, d| {
            let digit = "〇一二三四五六七八九"
                .chars()
                .position(|x| x == d)
                .or_else(|| matches!(d, '零' | '○').then_some(0))?;
            Some(year * 10 + digit as i32)
        })?;
        // `元月` is January.
        let month = if &c[2] == "元" {
            1
        } else {
            chinese_number(&c[2])?
        };
        let date = (year, month, chinese_number(&c[3])?);
        Some((c.get(0)?.range(), date))
    });
    let found = match (arabic, chinese) {
        (Some(a), Some(c)) => Some(if a.0.start <= c.0.start { a } else { c }),
        (a, c) => a.or(c),
    }?;
    let (_, (y, m, d)) = found;
    ((1900..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d)).then_some(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(text: &str) -> Header {
        let lines: Vec<String> = text.lines().map(normalise).collect();
        let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
        read(&lines)
    }

    fn who(h: &Header) -> (Option<&str>, Option<&str>, Option<&str>) {
        (
            h.speaker.as_deref(),
            h.office.as_deref(),
            h.speaker_place.as_deref(),
        )
    }

    #[test]
    fn headers_on_their_own_lines() {
        let h = header(
            "——2024年1月20日在某某县第十六届人民代表大会第三次会议上\n某某县人民政府县长  刘  青\n",
        );
        assert_eq!(h.date, Some((2024, 1, 20)));
        assert_eq!(
            h.session.as_deref(),
            Some("某某县第十六届人民代表大会第三次会议")
        );
        assert_eq!(h.session_place.as_deref(), Some("某某县"));
        assert_eq!(who(&h), (Some("刘青"), Some("县长"), Some("某某县")));
        let h = header(
            "—2017年2月11日在甲乙区第十四届人民代表大会第六次会议上\n丙丁市甲乙区人民政府代区长 萨 国 文\n",
        );
        assert_eq!(
            who(&h),
            (Some("萨国文"), Some("代区长"), Some("丙丁市甲乙区"))
        );
        let h = header(
            "——2025年1月20日在某自治区第十届人民代表大会第三次会议上\n某自治区代理主席 艾尔肯·吐尼亚孜\n",
        );
        assert_eq!(
            who(&h),
            (Some("艾尔肯·吐尼亚孜"), Some("代理主席"), Some("某自治区"))
        );
        let h = header("——2025年1月20日在某某省第十届人民代表大会第三次会议上\n自治区主席 韦 韬\n");
        assert_eq!(who(&h), (Some("韦韬"), Some("自治区主席"), None));
        let h = header("2025年10月15日\n香港特别行政区行政长官 李家超\n");
        assert_eq!(
            who(&h),
            (Some("李家超"), Some("特别行政区行政长官"), Some("香港"))
        );
    }

    #[test]
    fn chinese_numerals_and_sessions_without_di() {
        let h =
            header("——二〇二六年一月二十七日在某某省十四届人民代表大会第四次会议上\n省长 张三\n");
        assert_eq!(h.date, Some((2026, 1, 27)));
        assert_eq!(
            h.session.as_deref(),
            Some("某某省十四届人民代表大会第四次会议")
        );
        assert_eq!(h.session_place.as_deref(), Some("某某省"));
        assert_eq!(who(&h), (Some("张三"), Some("省长"), None));
        let h = header("（二〇二五年元月十八日在某县第十七届人民代表大会第五次会议上）");
        assert_eq!(h.date, Some((2025, 1, 18)));
    }

    #[test]
    fn glued_headers() {
        let h = header(
            "来源：某某省人民政府2025年1月17日在某某省第十四届人民代表大会第三次会议上省长叶建春作政府工作报告。",
        );
        assert_eq!(h.date, Some((2025, 1, 17)));
        assert_eq!(who(&h), (Some("叶建春"), Some("省长"), None));
        assert_eq!(h.other_places, ["某某省人民政府"]);
        let h = header(
            "2025年1月14日在甲市第十六届人民代表大会第三次会议上甲市市长 殷勇同志作政府工作报告。",
        );
        assert_eq!(who(&h), (Some("殷勇"), Some("市长"), Some("甲市")));
        let h =
            header("----2025年1月15日龚正市长在甲市第十六届人民代表大会第三次会议的政府工作报告");
        assert_eq!(who(&h), (Some("龚正"), Some("市长"), None));
        assert_eq!(
            h.session.as_deref(),
            Some("甲市第十六届人民代表大会第三次会议")
        );
        let h = header(
            "——2025年1月14日自治区人民政府主席王莉霞在乙自治区第十四届人民代表大会第三次会议上的讲话",
        );
        assert_eq!(who(&h), (Some("王莉霞"), Some("主席"), Some("自治区")));
        let h = header("2026年1月27日在丙省第十四届人民代表大会第四次会议上 丙省省长 赵刚");
        assert_eq!(who(&h), (Some("赵刚"), Some("省长"), Some("丙省")));
        // A name that ends where the verb 作 starts.
        let h = header(
            "2025年1月14日在甲市第十八届人民代表大会第三次会议上甲市市长张工作政府工作报告。",
        );
        assert_eq!(h.speaker.as_deref(), Some("张工"));
    }

    #[test]
    fn wrapped_and_bracketed_headers_and_web_dates() {
        let h = header(
            "2026年02月10日07时41分\n来源:\n（2026年1月27日在某省第十四届\n人民代表大会第四次会议上）\n省长 李炳军",
        );
        assert_eq!(h.date, Some((2026, 1, 27)));
        assert_eq!(
            h.session.as_deref(),
            Some("某省第十四届人民代表大会第四次会议")
        );
        assert_eq!(h.speaker.as_deref(), Some("李炳军"));
    }

    #[test]
    fn a_bare_name_takes_its_office_from_a_caption() {
        let h = header(
            "——2026年2月3日在某省第十四届人民代表大会第四次会议上\n毛伟明\n2月3日，会议开幕。省长毛伟明作政府工作报告。记者 摄",
        );
        assert_eq!(who(&h), (Some("毛伟明"), Some("省长"), None));
        let h = header("——2026年2月3日在某省第十四届人民代表大会第四次会议上\n栗 俊 昌\n");
        assert_eq!(who(&h), (Some("栗俊昌"), None, None));
        assert_eq!(header("政府工作报告\n各位代表：").speaker, None);
    }

    #[test]
    fn speakers_and_sessions_in_other_places() {
        let h = header(
            "某县2024年政府工作报告\n——在某县第十六届人民代表大会第三次会议上\n（２０２４年１月２０日）\n县长：王静娴",
        );
        assert_eq!(h.date, Some((2024, 1, 20)));
        assert_eq!(
            h.session.as_deref(),
            Some("某县第十六届人民代表大会第三次会议")
        );
        assert_eq!(who(&h), (Some("王静娴"), Some("县长"), None));
        let h = header(
            "政府工作报告\n中共某县委副书记、县长 张三\n——2024年1月20日在县第十六届人民代表大会第三次会议上",
        );
        assert_eq!(who(&h), (Some("张三"), Some("县长"), None));
        assert_eq!(h.session_place.as_deref(), Some("县"));
        let h = header("——在某县第十六届人民代表大会第三次会议上（2024年1月20日）\n县长 王静娴");
        assert_eq!(
            h.session.as_deref(),
            Some("某县第十六届人民代表大会第三次会议")
        );
        assert_eq!(h.speaker.as_deref(), Some("王静娴"));
        let h = header("政府工作报告\n——在某县第十六届人民代表大会第三次会议上\n县长 王五");
        assert_eq!(h.date, None);
        assert_eq!(
            h.session.as_deref(),
            Some("某县第十六届人民代表大会第三次会议")
        );
        assert_eq!(h.speaker.as_deref(), Some("王五"));
        let h = header("2026年02月10日07时41分\n（2026年1月27日）\n省长 张三");
        assert_eq!(h.date, Some((2026, 1, 27)));
        // Menu words above the title are no speaker.
        let h =
            header("市长信箱\n政府工作报告\n——2024年1月20日在某市第十六届人民代表大会第三次会议上");
        assert_eq!(h.speaker, None);
    }
}
