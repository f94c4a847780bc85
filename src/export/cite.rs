//! Citing a marked passage as the field does: issuing government, speaker and office, title,
//! date delivered and session, then the section; the file and line only as a locator. One
//! builder serves the Markdown export, the clipboard (`y`), and the GB/T 7714 line.

use super::Record;

/// The issuing government of a report delivered for `region`: `民权县人民政府`.
pub fn issuer(region: &str) -> String {
    format!("{region}人民政府")
}

/// Where in the file the passage is: `minquan-2023.txt:8`, or `minquan-2023.txt:7–8`.
pub fn locator(r: &Record) -> String {
    if r.line_start == r.line_end {
        format!("{}:{}", r.file, r.line_start)
    } else {
        format!("{}:{}–{}", r.file, r.line_start, r.line_end)
    }
}

/// The date delivered, or the year when only that is known.
fn when(r: &Record) -> Option<String> {
    r.date
        .clone()
        .or_else(|| r.year.map(|year| year.to_string()))
}

/// The source of a record as a reader cites it in prose:
/// `— 民权县人民政府县长王静娴《政府工作报告》（2023-06-26，民权县第十六届人民代表大会第三次会议），一、2022年工作回顾 [minquan-2023.txt:8]`.
/// Fields that could not be worked out are left out; with no issuer or speaker known, the
/// report's label stands in for them.
pub fn citation(r: &Record) -> String {
    let mut who = r.issuer.clone().unwrap_or_default();
    if let Some(speaker) = &r.speaker {
        who.push_str(r.office.as_deref().unwrap_or(""));
        who.push_str(speaker);
    }
    let title = r.title.as_deref().unwrap_or("政府工作报告");
    let mut out = if who.is_empty() {
        format!("— {}", r.report)
    } else {
        format!("— {who}《{title}》")
    };
    let details: Vec<String> = when(r).into_iter().chain(r.session.clone()).collect();
    if !details.is_empty() {
        out.push_str(&format!("（{}）", details.join("，")));
    }
    if !r.section.is_empty() {
        out.push_str(&format!("，{}", r.section));
    }
    out.push_str(&format!(" [{}]", locator(r)));
    if r.orphaned {
        out.push_str(" — passage no longer found in the report");
    }
    out
}

/// The reference in GB/T 7714 style, as a report (`[R]`):
/// `王静娴. 政府工作报告[R]. 民权县第十六届人民代表大会第三次会议, 2023-06-26.` The speaker
/// is the responsible author, else the issuing government; with neither, the report's label
/// is the title.
pub fn gbt7714(r: &Record) -> String {
    let author = r.speaker.clone().or_else(|| r.issuer.clone());
    let title = r.title.as_deref().unwrap_or("政府工作报告");
    let mut out = match &author {
        Some(author) => format!("{author}. {title}[R]"),
        None => format!("{}[R]", r.report),
    };
    let place: Vec<String> = r.session.clone().into_iter().chain(when(r)).collect();
    if !place.is_empty() {
        out.push_str(&format!(". {}", place.join(", ")));
    }
    out.push('.');
    out
}

/// `text` set inside Chinese double quotes, its own quotes turned one level in as Chinese
/// usage has it: “…” becomes ‘…’ and ‘…’ becomes “…”.
pub fn quoted(text: &str) -> String {
    let inner: String = text
        .chars()
        .map(|c| match c {
            '“' => '‘',
            '”' => '’',
            '‘' => '“',
            '’' => '”',
            c => c,
        })
        .collect();
    format!("“{inner}”")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record() -> Record {
        Record {
            report: "民权县 2023 政府工作报告".into(),
            file: "minquan-2023.txt".into(),
            section: "一、2022年工作回顾".into(),
            line_start: 8,
            line_end: 8,
            issuer: Some("民权县人民政府".into()),
            title: Some("政府工作报告".into()),
            speaker: Some("王静娴".into()),
            office: Some("县长".into()),
            date: Some("2023-06-26".into()),
            year: Some(2023),
            session: Some("民权县第十六届人民代表大会第三次会议".into()),
            ..Record::default()
        }
    }

    #[test]
    fn a_full_citation_names_government_speaker_title_date_and_session() {
        assert_eq!(
            citation(&record()),
            "— 民权县人民政府县长王静娴《政府工作报告》（2023-06-26，民权县第十六届人民代表大会第三次会议），一、2022年工作回顾 [minquan-2023.txt:8]"
        );
        assert_eq!(
            gbt7714(&record()),
            "王静娴. 政府工作报告[R]. 民权县第十六届人民代表大会第三次会议, 2023-06-26."
        );
    }

    #[test]
    fn missing_fields_are_left_out_and_the_label_stands_in() {
        let mut r = record();
        r.speaker = None;
        r.session = None;
        r.date = None;
        assert_eq!(gbt7714(&r), "民权县人民政府. 政府工作报告[R]. 2023.");
        r.issuer = None;
        r.year = None;
        r.line_end = 9;
        assert_eq!(
            citation(&r),
            "— 民权县 2023 政府工作报告，一、2022年工作回顾 [minquan-2023.txt:8–9]"
        );
        assert_eq!(gbt7714(&r), "民权县 2023 政府工作报告[R].");
    }

    #[test]
    fn nested_quotes_turn_single_inside_double() {
        assert_eq!(
            quoted("开局“十四五”，落实‘双减’"),
            "“开局‘十四五’，落实“双减””"
        );
    }
}
