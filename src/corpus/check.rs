//! What the model could not work out about a report, so that someone loading thousands of
//! reports knows which few need a look: no region (or one the divisions table does not know,
//! or cannot tell apart), no year, date, speaker, office or session, an office that does not fit
//! the region, no chapters, odd chapter numbering.
//! The checks that need figures live with the `check` subcommand.

use super::Report;
use super::places::places;

/// Everything about `report`'s metadata and outline that looks wrong or missing, one short
/// sentence each; empty when all is well.
pub fn problems(report: &Report) -> Vec<String> {
    let meta = &report.meta;
    let mut out = Vec::new();
    match (&meta.region, &meta.code) {
        (None, _) => out.push("no region".to_string()),
        (Some(region), None) => {
            let named = places().named(region);
            out.push(if named.len() > 1 {
                format!(
                    "region {region}: {} places have this name, none chosen",
                    named.len()
                )
            } else {
                format!("region {region} is not in the divisions table")
            });
        }
        _ => {}
    }
    let missing = [
        ("year", meta.year.is_none()),
        ("date", meta.date.is_none()),
        ("speaker", meta.speaker.is_none()),
        ("session", meta.session.is_none()),
    ];
    for (field, is_missing) in missing {
        if is_missing {
            out.push(format!("no {field}"));
        }
    }
    if let (Some(year), Some(date)) = (meta.year, &meta.date)
        && !date.starts_with(&year.to_string())
    {
        out.push(format!("year {year} but delivered on {date}"));
    }
    if meta.speaker.is_some() && meta.office.is_none() {
        out.push("no office for the speaker".to_string());
    }
    if let (Some(office), Some(region)) = (&meta.office, &meta.region)
        && let Some(word) = office_place_word(office)
        && !region.ends_with(word)
    {
        out.push(format!("office {office} does not fit region {region}"));
    }
    if !report.sections.iter().any(|s| s.level == 1) {
        out.push("no chapters".to_string());
    }
    out.extend(
        report
            .warnings
            .iter()
            .filter(|w| !w.starts_with("no chapter"))
            .cloned(),
    );
    out
}

/// The kind of place an office governs (`县长` → `县`, `自治区主席` → `自治区`), when it says.
fn office_place_word(office: &str) -> Option<&'static str> {
    let office = office.trim_start_matches("代理").trim_start_matches('代');
    let words = [
        ("自治区", "自治区"),
        ("自治州", "州"),
        ("自治县", "县"),
        ("自治旗", "旗"),
        ("省", "省"),
        ("市", "市"),
        ("县", "县"),
        ("縣", "縣"),
        ("区", "区"),
        ("區", "區"),
        ("州", "州"),
        ("旗", "旗"),
        ("盟", "盟"),
    ];
    words
        .into_iter()
        .find(|(start, _)| office.starts_with(start))
        .map(|(_, word)| word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::parse_report;

    #[test]
    fn a_complete_report_has_no_problems() {
        let text = "政府工作报告\n——2024年1月20日在民权县第十六届人民代表大会第三次会议上\n民权县人民政府县长 王静娴\n各位代表：\n一、2023年工作回顾\n正文。\n二、2024年工作安排\n正文。\n";
        let report = parse_report("a.txt", None, text);
        assert_eq!(problems(&report), Vec::<String>::new());
        assert_eq!(report.meta.parents, ["商丘市", "河南省"]);
        assert_eq!(office_place_word("自治区代理主席"), Some("自治区"));
        assert_eq!(office_place_word("代区长"), Some("区"));
        assert_eq!(office_place_word("主席"), None);
    }

    #[test]
    fn what_is_missing_is_named() {
        let report = parse_report("a.txt", None, "各位代表：\n正文。\n");
        assert_eq!(
            problems(&report),
            [
                "no region",
                "no year",
                "no date",
                "no speaker",
                "no session",
                "no chapters"
            ]
        );
        let text = "政府工作报告\n——2021年3月12日在臺中縣第十五屆人民代表大會第六次會議上\n臺中縣人民政府縣長 陳明\n一、甲\n三、乙\n";
        let report = parse_report("t.txt", None, text);
        assert_eq!(
            problems(&report),
            [
                "region 臺中縣 is not in the divisions table",
                "chapter numbering jumps from 1 to 3 at line 5"
            ]
        );
    }

    #[test]
    fn an_office_that_does_not_fit_the_region_is_named() {
        let text =
            "2024年河南省政府工作报告\n——2024年1月20日\n县长 王静娴\n各位代表：\n一、工作回顾\n";
        let report = parse_report("a.txt", None, text);
        assert_eq!(
            problems(&report),
            ["no session", "office 县长 does not fit region 河南省"]
        );
        let text = "政府工作报告\n——2024年1月20日在民权县第十六届人民代表大会第三次会议上\n王静娴\n各位代表：\n一、工作回顾\n";
        let report = parse_report("a.txt", None, text);
        assert_eq!(problems(&report), ["no office for the speaker"]);
    }
}
