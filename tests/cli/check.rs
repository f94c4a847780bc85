//! `baogao check`, run as a built binary: silent about the real reports whose metadata and
//! chapters the gold pins (tests/corpus/real_reports.rs), and one line for each thing it could not work
//! out in reports written to be broken.

use std::path::Path;

use crate::run::outcome as baogao;

#[test]
fn the_real_reports_need_no_look_at_their_metadata_or_chapters() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/corpus");
    let (ok, stdout, stderr) = baogao(&["check", dir.to_str().unwrap()]);
    assert!(ok, "{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    let summary = lines.last().unwrap();
    assert!(summary.contains("report(s) checked"), "{summary}");
    // 52 texts and the 23 Word files of provinces-2025-docx.
    assert!(summary.starts_with("75 "), "{summary}");
    // What the figure reader makes of plan chapters is its own business (the line says which
    // chapter to look at); everything the corpus model reads must be right.
    let about_the_model: Vec<&&str> = lines[..lines.len() - 1]
        .iter()
        .filter(|l| !l.contains(" is a plan, but "))
        .collect();
    assert!(about_the_model.is_empty(), "{about_the_model:#?}");
}

#[test]
fn broken_reports_get_one_line_per_problem_and_a_summary() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bare.txt"),
        "各位代表：\n今年的工作做得很好。\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("elsewhere.txt"),
        "政府工作报告\n——2021年3月12日在臺中縣第十五屆人民代表大會第六次會議上\n臺中縣人民政府縣長 陳明\n各位代表：\n一、工作回顧\n正文。\n三、明年工作\n正文。\n",
    )
    .unwrap();
    let mut plan = String::from(
        "政府工作报告\n——2025年1月20日在民权县第十六届人民代表大会第三次会议上\n民权县人民政府县长 王静娴\n各位代表：\n一、2024年工作回顾\n正文。\n二、2025年工作安排\n",
    );
    for i in 1..=12 {
        plan.push_str(&format!(
            "2024年，全县生产总值完成{i}83.1亿元，同比增长{i}.2%，已经实现。\n"
        ));
    }
    std::fs::write(dir.path().join("plan.txt"), plan).unwrap();
    let (ok, stdout, stderr) = baogao(&["check", dir.path().to_str().unwrap()]);
    assert!(ok, "{stderr}");
    let bare = dir.path().join("bare.txt");
    let bare = bare.display();
    for problem in [
        "no region",
        "no year",
        "no date",
        "no speaker",
        "no session",
        "no chapters",
    ] {
        assert!(
            stdout.contains(&format!("{bare}: {problem}\n")),
            "{problem}: {stdout}"
        );
    }
    assert!(
        stdout.contains("elsewhere.txt: region 臺中縣 is not in the divisions table"),
        "{stdout}"
    );
    assert!(stdout.contains("elsewhere.txt: chapter numbering jumps from 1 to 3"));
    assert!(
        stdout.contains("plan.txt: chapter 二、2025年工作安排 is a plan, but "),
        "{stdout}"
    );
    assert!(
        stdout.ends_with("3 report(s) checked, 3 need a look (9 problem(s))\n"),
        "{stdout}"
    );
}
