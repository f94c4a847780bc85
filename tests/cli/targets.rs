//! `baogao targets` run as a user runs it: the real binary over the 23 provinces' 2025 and
//! 2026 reports (every 2025 GDP target with its result and verdict, as tidy CSV), and over a
//! province, city and county chain written for the test (escalation).

use std::collections::HashMap;

use crate::run::{baogao, stdout};
use serde_json::Value;

const PROVINCES: [&str; 2] = [
    "tests/data/corpus/provinces-2025",
    "tests/data/corpus/provinces-2026",
];
const CHAIN: &str = "tests/data/targets/escalation";

/// The CSV's rows as header → cell maps.
fn csv_rows(text: &str) -> Vec<HashMap<String, String>> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().unwrap().clone();
    reader
        .records()
        .map(|r| {
            let r = r.expect("a well-formed CSV record");
            headers
                .iter()
                .zip(r.iter())
                .map(|(h, c)| (h.to_string(), c.to_string()))
                .collect()
        })
        .collect()
}

const NUMERIC: [&str; 9] = [
    "report_year",
    "value",
    "value_high",
    "line",
    "result_value",
    "result_line",
    "gap",
    "parent_value",
    "above_parent",
];

#[test]
fn every_2025_gdp_target_of_the_provinces_is_judged_in_tidy_csv() {
    let mut args = vec![
        "targets",
        "--indicator",
        "GDP",
        "--period",
        "2025",
        "-f",
        "csv",
    ];
    args.extend(PROVINCES);
    let rows = csv_rows(&stdout(&args));
    for row in &rows {
        for column in NUMERIC {
            let cell = &row[column];
            assert!(
                cell.is_empty() || cell.parse::<f64>().is_ok(),
                "{column} is numeric or empty: {cell:?}"
            );
        }
        assert_eq!(row["indicator"], "生产总值");
        assert_eq!(row["period"], "2025");
    }
    let gold: Vec<Value> =
        serde_json::from_str(include_str!("../data/targets/gdp-2025.json")).unwrap();
    for g in &gold {
        let file = g["target_file"]
            .as_str()
            .unwrap()
            .rsplit('/')
            .next()
            .unwrap();
        let line = g["target_line"].to_string();
        let row = rows
            .iter()
            .find(|r| r["file"] == file && r["line"] == line)
            .unwrap_or_else(|| panic!("no row for {file}:{line}"));
        assert_eq!(row["verdict"], g["verdict"].as_str().unwrap(), "{file}");
        assert_eq!(row["bound"], g["bound"].as_str().unwrap(), "{file}");
        let result: f64 = row["result_value"].parse().unwrap();
        assert!(
            (result - g["result_value"].as_f64().unwrap()).abs() < 1e-9,
            "{file}"
        );
        let gap: f64 = row["gap"].parse().unwrap();
        let value: f64 = row["value"].parse().unwrap();
        assert!(
            (gap - (result - value)).abs() < 1e-9,
            "{file}: gap is result less target"
        );
        assert!(row["result_file"].ends_with("_2026.txt"), "{file}");
    }
}

#[test]
fn a_county_raises_its_city_and_province_bar() {
    let json: Vec<Value> =
        serde_json::from_str(&stdout(&["targets", "-i", "生产总值", "-f", "json", CHAIN])).unwrap();
    let county = json
        .iter()
        .find(|r| r["region"] == "民权县" && r["period"] == "2023")
        .expect("民权县's 2023 target");
    assert_eq!(county["value"], 8.0);
    assert_eq!(county["level"], "county");
    assert_eq!(county["parents"], "商丘市;河南省");
    assert_eq!(county["parent_region"], "商丘市");
    assert_eq!(county["parent_value"], 7.5);
    assert_eq!(county["above_parent"], 0.5);
    let chain: Vec<(String, f64)> = county["parent_targets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["region"].as_str().unwrap().to_string(),
                p["difference"].as_f64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        chain,
        [("商丘市".to_string(), 0.5), ("河南省".to_string(), 2.0)]
    );
    // Its 2024 report states 2023's growth: 7.6% against 8%左右 is met within half a point.
    assert_eq!(county["result_value"], 7.6);
    assert_eq!(county["verdict"], "met");
    let province = json.iter().find(|r| r["region"] == "河南省").unwrap();
    assert_eq!(province["parent_targets"], Value::Array(vec![]));

    let summary = csv_rows(&stdout(&["targets", "--escalation", "-f", "csv", CHAIN]));
    let gdp = summary
        .iter()
        .find(|r| r["indicator"] == "生产总值" && r["period"] == "2023")
        .expect("a summary row for 生产总值 2023");
    assert_eq!(gdp["pairs"], "2", "the county and the city");
    assert_eq!(gdp["above"], "2");
    assert_eq!(gdp["mean_difference"].parse::<f64>().unwrap(), 1.0);
    assert_eq!(gdp["max_difference"].parse::<f64>().unwrap(), 1.5);
    assert!(
        !summary.iter().any(|r| r["indicator"] == "城镇新增就业"),
        "amounts are not compared across levels"
    );
}

#[test]
fn hard_targets_and_targets_without_a_number() {
    let rows = csv_rows(&stdout(&["targets", "-f", "csv", CHAIN]));
    let jobs = rows
        .iter()
        .find(|r| r["indicator"] == "城镇新增就业" && r["region"] == "民权县")
        .unwrap();
    assert_eq!(jobs["text"], "不低于6000人");
    assert_eq!(jobs["bound"], "at_least");
    assert_eq!(jobs["firmness"], "hard");
    assert_eq!(jobs["firmness_words"], "确保 不低于");
    assert_eq!(jobs["verdict"], "no_result");
    let mut args = vec!["targets", "-f", "csv", "--period", "2025"];
    args.extend(PROVINCES);
    let rows = csv_rows(&stdout(&args));
    let unnumbered: Vec<_> = rows.iter().filter(|r| r["bound"] == "none").collect();
    assert!(unnumbered.len() >= 5, "{}", unnumbered.len());
    for row in unnumbered {
        assert!(row["value"].is_empty() && row["gap"].is_empty());
        assert_eq!(row["verdict"], "not_judged");
    }
}

#[test]
fn the_table_reads_and_bad_input_is_told() {
    let table = stdout(&["targets", CHAIN, "--width", "0"]);
    assert!(table.starts_with("地区"), "{table}");
    assert!(table.contains("商丘市 7.5 (+0.5)"), "{table}");
    let missing = baogao(&["targets", "no/such/dir"]);
    assert!(!missing.status.success());
    let err = String::from_utf8_lossy(&missing.stderr);
    assert!(err.contains("no/such/dir"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    let empty = stdout(&["targets", "-i", "没有这个指标", "-f", "csv", CHAIN]);
    assert!(empty.starts_with("region,level,parents"), "{empty}");
}

#[test]
fn the_provinces_targets_have_their_plans_periods_and_one_years_results() {
    let mut args = vec!["targets", "-f", "csv"];
    args.extend(PROVINCES);
    let rows = csv_rows(&stdout(&args));
    let at = |file: &str, line: &str| -> Vec<&HashMap<String, String>> {
        rows.iter()
            .filter(|r| r["file"] == file && r["line"] == line)
            .collect()
    };
    // 十五五 indicators in a chapter that reviews 十四五 first: of 2026-2030, the range whole.
    let beijing = at("北京市_2026.txt", "43");
    let range = beijing
        .iter()
        .find(|r| r["text"] == "4.5%-5%")
        .expect("北京's 4.5%-5% is a target");
    assert_eq!(
        (range["bound"].as_str(), range["value_high"].as_str()),
        ("range", "5.0")
    );
    // Its rates and flows are of every year of the plan, its levels of the plan's last year.
    for row in &beijing {
        assert!(
            ["2026-2030", "2030"].contains(&row["period"].as_str()),
            "{row:?}"
        );
    }
    assert_eq!(range["period"], "2026-2030");
    // The 民生实事 listed after the report's end are the year's targets.
    let guangdong = at("广东省_2025.txt", "103");
    assert!(
        guangdong
            .iter()
            .any(|r| r["text"] == "不低于当地最低生活保障标准的1.6倍" && r["period"] == "2025"),
        "{guangdong:?}"
    );
    // A chapter whose lead states the year's goals plans, whatever its title says.
    assert!(
        at("福建省_2025.txt", "60")
            .iter()
            .any(|r| r["text"] == "突破30%" && r["bound"] == "at_least")
    );
    // 贵州 sets one 2025 GDP target: the 7% of its 分别 list is the secondary industry's.
    let guizhou_gdp = rows
        .iter()
        .filter(|r| {
            r["file"] == "贵州省_2025.txt" && r["indicator"] == "生产总值" && r["period"] == "2025"
        })
        .count();
    assert_eq!(guizhou_gdp, 1);
    // Five years' totals are no one year's result: 106万 over 2021-2025 does not meet 18万.
    let jobs = at("内蒙古自治区_2025.txt", "16")
        .into_iter()
        .find(|r| r["indicator"] == "城镇新增就业")
        .expect("内蒙古's 2025 jobs target");
    assert_ne!(jobs["result_value"], "1060000.0", "{jobs:?}");
}

#[test]
fn the_tables_fit_a_narrow_terminal_without_losing_a_number() {
    use unicode_width::UnicodeWidthStr;
    let all = stdout(&[
        "targets",
        PROVINCES[0],
        "--indicator",
        "生产总值",
        "--width",
        "0",
    ]);
    assert!(
        all.lines().any(|l| l.width() > 80),
        "the whole table is wide"
    );
    let piped = stdout(&["targets", PROVINCES[0], "--indicator", "生产总值"]);
    for line in piped.lines() {
        assert!(line.width() <= 80, "{} columns: {line}", line.width());
    }
    let csv = csv_rows(&stdout(&[
        "targets",
        PROVINCES[0],
        "--indicator",
        "生产总值",
        "--format",
        "csv",
    ]));
    assert!(csv.len() > 20, "{} targets", csv.len());
    for width in ["80", "40"] {
        let args = [
            "targets",
            PROVINCES[0],
            "--indicator",
            "生产总值",
            "--width",
            width,
        ];
        let narrow = stdout(&args);
        let most: usize = width.parse().unwrap();
        for line in narrow.lines() {
            assert!(line.width() <= most, "{} columns: {line}", line.width());
        }
        // Every target's place and goal is there whole.
        for row in &csv {
            let (region, goal) = (&row["region"], &row["text"]);
            assert!(
                narrow.lines().any(|l| l.contains(region.as_str())),
                "{region} at {width}"
            );
            assert!(narrow.contains(goal.as_str()), "{goal} at {width}");
        }
    }
    // The compare table too: at 40 columns a block per place, the values whole.
    let compare = stdout(&["compare", "生产总值", PROVINCES[0], "--width", "40"]);
    for line in compare.lines() {
        assert!(line.width() <= 40, "{} columns: {line}", line.width());
    }
    assert!(compare.contains("8%"), "{compare}");
}

#[test]
fn a_target_naming_no_one_indicator_is_listed_but_judged_by_nothing() {
    let rows = csv_rows(&stdout(&[
        "targets",
        "-f",
        "csv",
        "tests/data/corpus/hailaer",
    ]));
    // 海拉尔区 plans 投资 for a dozen unrelated projects, half of them named by what the money
    // goes into; its reviews state 投资 for others.
    let bare: Vec<_> = rows.iter().filter(|r| r["indicator"] == "投资").collect();
    assert!(bare.len() >= 5, "{}", bare.len());
    for row in &bare {
        assert_eq!(row["verdict"], "no_indicator", "{row:?}");
        assert!(row["result_text"].is_empty() && row["gap"].is_empty());
    }
    // Named targets are still judged.
    let gdp = rows
        .iter()
        .find(|r| r["indicator"] == "生产总值" && r["period"] == "2012" && r["unit"] == "元")
        .expect("the 2012 GDP target");
    assert_eq!(gdp["verdict"], "missed");
    assert_eq!(gdp["result_text"], "235.2亿元");
}

#[test]
fn a_result_that_fell_says_so_beside_its_target() {
    let rows = csv_rows(&stdout(&[
        "targets",
        "--indicator",
        "固定资产投资",
        "--format",
        "csv",
        "tests/data/corpus/provinces-2025/福建省_2025.txt",
        "tests/data/corpus/provinces-2026/福建省_2026.txt",
    ]));
    let judged = rows
        .iter()
        .find(|r| r["period"] == "2025" && !r["result_value"].is_empty())
        .expect("福建's 2025 investment target judged");
    assert_eq!(judged["result_value"], "-3.3");
    assert_eq!(judged["result_text"], "↓3.3%");
    assert_eq!(judged["verdict"], "missed");
}
