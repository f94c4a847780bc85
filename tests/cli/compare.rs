//! `baogao compare` run as a user runs it: the real binary over the bundled reports, and over
//! them plus a report written for the test that states 民权县's 2021 result.

use std::collections::HashMap;

use crate::run::{baogao, stdout};
use serde_json::Value;

/// The rows of `baogao compare INDICATOR --format json [PATHS]`, keyed by (region, period).
fn rows(indicator: &str, paths: &[&str]) -> HashMap<(String, String), Value> {
    let mut args = vec!["compare", indicator, "--format", "json"];
    args.extend(paths);
    let rows: Vec<Value> = serde_json::from_str(&stdout(&args)).expect("a JSON array");
    rows.into_iter()
        .map(|row| {
            let key = (
                row["region"].as_str().unwrap().to_string(),
                row["period"].as_str().unwrap_or("?").to_string(),
            );
            (key, row)
        })
        .collect()
}

fn row<'a>(rows: &'a HashMap<(String, String), Value>, region: &str, period: &str) -> &'a Value {
    rows.get(&(region.to_string(), period.to_string()))
        .unwrap_or_else(|| panic!("no row for {region} {period}: {:?}", rows.keys()))
}

fn text(cell: &Value) -> &str {
    cell["text"]
        .as_str()
        .unwrap_or_else(|| panic!("no figure in {cell}"))
}

#[test]
fn levels_and_growth_of_each_county_and_year() {
    let rows = rows("生产总值", &[]);
    let minquan_2020 = row(&rows, "民权县", "2020");
    assert_eq!(text(&minquan_2020["level"]), "275.5亿元");
    assert_eq!(minquan_2020["level"]["file"], "minquan-2021.txt");
    assert_eq!(minquan_2020["level"]["line"], 16);
    let minquan_2022 = row(&rows, "民权县", "2022");
    assert_eq!(text(&minquan_2022["level"]), "283.1亿元");
    assert_eq!(text(&minquan_2022["change"]), "↑5.2%");
    assert_eq!(minquan_2022["change"]["value"], 5.2);
    let xiping_2022 = row(&rows, "西平县", "2022");
    assert_eq!(text(&xiping_2022["level"]), "292.1 亿元");
    assert_eq!(text(&xiping_2022["change"]), "↑5.4%");
    assert_eq!(text(&xiping_2022["rank"]), "第 3");
}

#[test]
fn the_targets_set_for_2021_and_2023_with_their_sources() {
    let rows = rows("生产总值", &[]);
    for (region, period, target, file, line) in [
        ("民权县", "2021", "↑8%左右", "minquan-2021.txt", 100),
        ("民权县", "2023", "↑8%左右", "minquan-2023.txt", 24),
        ("西平县", "2023", "↑7.5%左右", "xiping-2023.txt", 59),
        ("浚县", "2021", "↑8%以上", "xunxian-2021.txt", 92),
        ("濮阳市", "2023", "↑7%以上", "puyang-2023.txt", 9),
    ] {
        let row = row(&rows, region, period);
        assert_eq!(text(&row["target"]), target, "{region} {period}");
        assert_eq!(row["target"]["file"], file, "{region} {period}");
        assert_eq!(row["target"]["line"], line, "{region} {period}");
        assert_eq!(row["verdict"], "no_result_yet", "{region} {period}");
        assert!(row["result"].is_null());
    }
}

#[test]
fn a_later_report_stating_the_result_meets_the_target() {
    let rows = rows("生产总值", &["assets/reports", "tests/data/compare/met"]);
    let minquan_2021 = row(&rows, "民权县", "2021");
    assert_eq!(minquan_2021["target"]["file"], "minquan-2021.txt");
    assert_eq!(text(&minquan_2021["result"]), "↑8.2%");
    assert_eq!(minquan_2021["result"]["file"], "minquan-2022.txt");
    assert_eq!(minquan_2021["verdict"], "met");
    // The fixture's own 2022 target (5%左右) is judged by the 2023 report's 5.2%.
    let minquan_2022 = row(&rows, "民权县", "2022");
    assert_eq!(minquan_2022["target"]["file"], "minquan-2022.txt");
    assert_eq!(minquan_2022["result"]["file"], "minquan-2023.txt");
    assert_eq!(minquan_2022["verdict"], "met");
    assert_eq!(row(&rows, "民权县", "2023")["verdict"], "no_result_yet");
}

#[test]
fn a_later_report_stating_a_shortfall_misses_the_target() {
    let rows = rows("生产总值", &["assets/reports", "tests/data/compare/missed"]);
    let minquan_2021 = row(&rows, "民权县", "2021");
    assert_eq!(text(&minquan_2021["result"]), "↑7.2%");
    assert_eq!(minquan_2021["verdict"], "missed", "7.2% is short of 8%左右");
    assert_eq!(
        row(&rows, "民权县", "2022")["verdict"],
        "missed",
        "5.2% against 7%左右"
    );
    assert_eq!(row(&rows, "浚县", "2021")["verdict"], "no_result_yet");
}

/// What each report calls the indicator, as `baogao figures` names it.
fn figure_names() -> Vec<String> {
    stdout(&["figures", "--format", "jsonl"])
        .lines()
        .map(|line| serde_json::from_str::<Value>(line).expect("JSON"))
        .filter_map(|f| f["indicator"].as_str().map(String::from))
        .collect()
}

#[test]
fn the_index_unifies_the_names_reports_use() {
    let listed: HashMap<String, usize> = stdout(&["compare", "--list"])
        .lines()
        .map(|line| {
            let (name, count) = line.split_once('\t').expect("name<TAB>count");
            (name.to_string(), count.parse().expect("a count"))
        })
        .collect();
    let names = figure_names();
    let groups: [(&str, &[&str]); 7] = [
        (
            "生产总值",
            &["生产总值", "地区生产总值", "生产总值增速", "GDP", "经济"],
        ),
        (
            "规模以上工业增加值",
            &["规模以上工业增加值", "规上工业增加值", "规上工业增加值增速"],
        ),
        (
            "一般公共预算收入",
            &[
                "一般公共预算收入",
                "地方一般公共预算收入",
                "一般公共预算收入增速",
            ],
        ),
        (
            "社会消费品零售总额",
            &["社会消费品零售总额", "社会消费品零售总额增速"],
        ),
        (
            "固定资产投资",
            &["固定资产投资", "固定资产投资增速", "全社会固定资产投资"],
        ),
        ("城镇居民人均可支配收入", &["城镇居民人均可支配收入"]),
        ("农村居民人均可支配收入", &["农村居民人均可支配收入"]),
    ];
    for (canonical, aliases) in groups {
        let named: Vec<&String> = names
            .iter()
            .filter(|n| aliases.contains(&n.as_str()))
            .collect();
        assert_eq!(listed.get(canonical), Some(&named.len()), "{canonical}");
        let mut distinct: Vec<&String> = named.clone();
        distinct.sort();
        distinct.dedup();
        if aliases.len() > 1 {
            assert!(
                distinct.len() > 1,
                "{canonical}: only {distinct:?} in the reports"
            );
        }
        for alias in aliases {
            let table = stdout(&["compare", alias]);
            assert_eq!(table.lines().next(), Some(canonical), "{alias}");
        }
    }
    assert!(!listed.contains_key("地区生产总值") && !listed.contains_key("规上工业增加值"));
}

#[test]
fn table_and_csv_carry_the_same_rows() {
    let table = stdout(&["compare", "生产总值", "--width", "0"]);
    let csv = stdout(&["compare", "生产总值", "--format", "csv"]);
    let json = rows("生产总值", &[]);
    assert_eq!(table.lines().count(), 2 + json.len(), "{table}");
    assert_eq!(csv.lines().count(), 1 + json.len(), "{csv}");
    assert!(
        csv.starts_with("region,period,level,change,rank,target,target_source,result,verdict,")
    );
    assert!(
        csv.contains("\n民权县,2021,,,,↑8%左右,minquan-2021.txt:100,,no result yet,"),
        "{csv}"
    );
    let minquan = table
        .lines()
        .find(|l| l.starts_with("民权县") && l.contains("2022"))
        .unwrap();
    assert!(
        minquan.contains("283.1亿元") && minquan.contains("↑5.2%"),
        "{minquan}"
    );
}

#[test]
fn an_unknown_indicator_is_a_clear_error() {
    let output = baogao(&["compare", "𠀀𠀀𠀀"]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("no indicator matches"), "{stderr}");
}

/// `baogao compare --format csv` as records keyed by header.
fn csv_records(args: &[&str]) -> Vec<HashMap<String, String>> {
    let csv = stdout(&[&["compare"], args, &["--format", "csv"]].concat());
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().unwrap().clone();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            headers
                .iter()
                .zip(r.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

#[test]
fn csv_has_the_numeric_value_unit_and_qualifier_the_json_has() {
    let records = csv_records(&["生产总值"]);
    let json = rows("生产总值", &[]);
    assert_eq!(records.len(), json.len());
    let mut numbers = 0;
    for record in &records {
        let period = match record["period"].as_str() {
            "" => "?".to_string(),
            period => period.to_string(),
        };
        let key = (record["region"].clone(), period);
        let row = &json[&key];
        for cell in ["level", "change", "rank", "target", "result"] {
            let value = &record[&format!("{cell}_value")];
            let expected = &row[cell]["value"];
            match expected.as_f64() {
                Some(n) => {
                    assert_eq!(value.parse::<f64>().unwrap(), n, "{key:?} {cell}");
                    numbers += 1;
                }
                None => assert!(expected.is_array() || value.is_empty(), "{key:?} {cell}"),
            }
            assert_eq!(
                record[&format!("{cell}_qualifier")],
                row[cell]["qualifier"].as_str().unwrap_or(""),
            );
            assert_eq!(
                record[&format!("{cell}_unit")],
                row[cell]["unit"].as_str().unwrap_or(""),
            );
        }
    }
    assert!(numbers > 5, "{numbers}");
    let minquan_2021 = records
        .iter()
        .find(|r| r["region"] == "民权县" && r["period"] == "2021")
        .unwrap();
    assert_eq!(minquan_2021["target"], "↑8%左右");
    assert_eq!(minquan_2021["target_value"], "8");
    assert_eq!(minquan_2021["target_unit"], "%");
    assert_eq!(minquan_2021["target_qualifier"], "左右");
}

#[test]
fn bom_begins_the_csv_for_excel() {
    let with = stdout(&["compare", "生产总值", "--format", "csv", "--bom"]);
    assert!(with.starts_with("\u{feff}region,"), "{with}");
    let without = stdout(&["compare", "生产总值", "--format", "csv"]);
    assert_eq!(with.strip_prefix('\u{feff}'), Some(without.as_str()));
    let figures = crate::run::command()
        .args(["figures", "--format", "csv", "--bom"])
        .output()
        .unwrap();
    assert!(figures.stdout.starts_with("\u{feff}".as_bytes()));
    // Not for JSON, which must stay valid.
    let json = stdout(&["compare", "生产总值", "--format", "json", "--bom"]);
    assert!(json.starts_with('['));
}

#[test]
fn the_table_fits_80_columns_when_piped_cutting_no_figure() {
    use unicode_width::UnicodeWidthStr;
    let corpus = "tests/data/corpus";
    let list = stdout(&["compare", "--list", corpus]);
    let indicators: Vec<&str> = list.lines().filter_map(|l| l.split('\t').next()).collect();
    let mut figures = 0;
    for indicator in indicators.iter().take(5) {
        let piped = stdout(&["compare", indicator, corpus]);
        for line in piped.lines() {
            assert!(
                line.width() <= 80,
                "{indicator}: {} columns: {line}",
                line.width()
            );
        }
        // Every figure the JSON has is printed whole.
        let json: Vec<Value> =
            serde_json::from_str(&stdout(&["compare", indicator, corpus, "-f", "json"])).unwrap();
        for row in &json {
            for cell in ["level", "change", "rank", "target"] {
                if let Some(text) = row[cell]["text"].as_str() {
                    assert!(piped.contains(text), "{indicator}: {text} in\n{piped}");
                    figures += 1;
                }
            }
        }
    }
    assert!(figures > 100, "{figures} figures checked");
    let gdp = stdout(&["compare", "生产总值", corpus]);
    assert!(
        gdp.lines().any(|l| l.width() > 70),
        "the 80 columns are used"
    );
    let full = stdout(&["compare", "生产总值", corpus, "--width", "0"]);
    assert!(
        full.lines().any(|l| l.width() > 80),
        "the whole table is wider than 80"
    );
    let wider = stdout(&["compare", "生产总值", corpus, "--width", "200"]);
    assert_eq!(wider.lines().count(), full.lines().count());
    assert!(
        wider.contains("目标来源"),
        "the whole table fits 200 columns"
    );
}

#[test]
fn each_change_says_what_it_is_measured_against() {
    let rows = rows("生产总值", &["tests/data/corpus/hailaer"]);
    let plan = row(&rows, "海拉尔区", "2011-2015");
    assert_eq!(plan["change"]["basis"], "annual_average");
    assert!(text(&plan["change"]).contains("年均"));
    let year = row(&rows, "海拉尔区", "2011");
    assert_eq!(year["change"]["basis"], "yoy");
    assert_eq!(year["level"]["basis"], Value::Null);
    let csv = stdout(&[
        "compare",
        "生产总值",
        "--format",
        "csv",
        "tests/data/corpus/hailaer",
    ]);
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    let at = header.iter().position(|&h| h == "change_basis").unwrap();
    let bases: Vec<&str> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(at).unwrap())
        .collect();
    assert!(
        bases.contains(&"annual_average") && bases.contains(&"yoy"),
        "{bases:?}"
    );
}

#[test]
fn the_list_reads_the_reports_it_is_given() {
    let bundled = stdout(&["compare", "--list"]);
    let hailaer = stdout(&["compare", "--list", "tests/data/corpus/hailaer"]);
    // 海拉尔区's reports name what the bundled ones do not, and the other way round.
    assert_ne!(bundled, hailaer);
    let names = |list: &str| -> Vec<String> {
        list.lines()
            .filter_map(|l| l.split('\t').next())
            .map(String::from)
            .collect()
    };
    assert!(
        names(&hailaer).iter().any(|n| n.contains("牲畜")),
        "{hailaer}"
    );
    assert!(
        !names(&bundled).iter().any(|n| n.contains("牲畜")),
        "{bundled}"
    );
}
