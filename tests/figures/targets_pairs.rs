//! Targets paired with results of the same kind, over the real corpus (the provinces' 2025 and
//! 2026 reports and 海拉尔区's): a flow (`新建5G基站2.3万个`) never judged by a stock (`5G基站增至
//! 18.8万个`), a one-year target never by a total over five years dated to one, never by the
//! level a result moves from, and a target naming no one indicator (`投资`, `企业`) by nothing.
//!
//! The pairs below were read by hand among the 254 met and missed rows of the text reports
//! (docx copies aside) before the rules that fix them: 35 wrong. 17 judged by a bare name (投资
//! 15, 企业 2); 4 a flow judged by a stock (新建5G基站 by 增至, 建设/新增 farmland by 达到, 新增
//! 地方国企 by the 7 there are); 9 one year judged by a total over five years the figure reader
//! dates to 2025 (in a review chapter after `这五年`, before `刚刚过去的2025年`); 1 by the level a
//! result moved from (`从26.7%提高到52.1%`). 4 are left to the figure reader's names (a mine's
//! 700万吨, 24小时开放, 50米内换乘, 天然气 reserves named as output). After: those 31 gone, 220 met
//! or missed.

use std::path::Path;
use std::sync::LazyLock;

use baogao::compare::BUNDLED;
use baogao::corpus::{Report, load_paths};
use baogao::figures::{Figure, extract};
use baogao::targets::{self, Paired, Verdict};

struct Loaded {
    reports: Vec<Report>,
    figures: Vec<Vec<Figure>>,
    paired: Vec<Paired>,
}

static LOADED: LazyLock<Loaded> = LazyLock::new(|| {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/corpus");
    let corpus = load_paths(&[
        root.join("provinces-2025"),
        root.join("provinces-2026"),
        root.join("hailaer"),
    ]);
    assert!(corpus.errors.is_empty(), "{:?}", corpus.errors);
    let figures: Vec<Vec<Figure>> = corpus.reports.iter().map(extract).collect();
    let paired = targets::all(&corpus.reports, &figures, &BUNDLED);
    Loaded {
        reports: corpus.reports,
        figures,
        paired,
    }
});

/// The result text `p` is judged by, if any.
fn result_text(loaded: &Loaded, p: &Paired) -> Option<String> {
    p.result
        .map(|r| loaded.figures[r.report][r.figure].text.to_string())
}

/// The targets of the report `file` stated as `text`.
fn targets_at<'a>(loaded: &'a Loaded, file: &str, text: &str) -> Vec<&'a Paired> {
    let found: Vec<&Paired> = loaded
        .paired
        .iter()
        .filter(|p| loaded.reports[p.target.report].file == file && p.target.text == text)
        .collect();
    assert!(!found.is_empty(), "no target {text} in {file}");
    found
}

#[test]
fn wrong_pairs_read_in_the_real_reports_are_not_made() {
    let loaded = &*LOADED;
    // (report, target, the result it was wrongly judged by, why)
    let wrong = [
        (
            "湖北省_2025.txt",
            "2.3万个以上",
            "18.8万个",
            "新建 judged by 增至",
        ),
        (
            "湖北省_2025.txt",
            "300万亩",
            "4808万亩",
            "建设 judged by 达到",
        ),
        (
            "吉林省_2025.txt",
            "200万亩",
            "4179万亩",
            "新增 judged by 达到",
        ),
        (
            "云南省_2025.txt",
            "50万人以上",
            "261.6万人",
            "five years' jobs",
        ),
        (
            "云南省_2025.txt",
            "13.5万亩",
            "39.08万亩",
            "five years' land",
        ),
        (
            "河南省_2025.txt",
            "500万亩",
            "3167万亩",
            "five years' farmland",
        ),
        ("海南省_2025.txt", "150个", "2187个", "five years' estates"),
        (
            "山西省_2025.txt",
            "600万千瓦",
            "8211万千瓦",
            "five years' refits",
        ),
        (
            "湖北省_2025.txt",
            "500亿斤以上",
            "550亿斤",
            "five years' grain",
        ),
        (
            "云南省_2025.txt",
            "50%以上",
            "26.7%",
            "the level it moved from",
        ),
        ("湖南省_2025.txt", "10家", "14万家", "a bare 企业"),
        ("青海省_2025.txt", "4100家", "242家", "a bare 企业"),
        ("宁夏_2025.txt", "250亿元", "2400多亿元", "a bare 投资"),
        ("hailaer_2012.txt", "12.7亿元", "3500万元", "a bare 投资"),
        ("hailaer_2017.txt", "6.6亿元", "46.9亿元", "a bare 投资"),
    ];
    let mut made = Vec::new();
    for (file, text, result, why) in wrong {
        for p in targets_at(loaded, file, text) {
            if result_text(loaded, p).as_deref() == Some(result) {
                made.push(format!("{file} {text} → {result} ({why})"));
            }
        }
    }
    assert!(
        made.is_empty(),
        "{} wrong pairs made: {made:#?}",
        made.len()
    );
}

#[test]
fn right_pairs_stay_made() {
    let loaded = &*LOADED;
    let right = [
        ("上海市_2025.txt", "120座", "127座"),
        ("辽宁省_2025.txt", "476万亩", "476万亩"),
        // 山西's review opens the past year (`刚刚过去的2025年`) after five years.
        ("山西省_2025.txt", "260万亩", "341万亩"),
        // A rate in a review of five years is its last year's level.
        ("云南省_2025.txt", "50%以上", "52.1%"),
        ("湖北省_2025.txt", "突破6000亿元", "6121亿元"),
        ("吉林省_2025.txt", "21万人", "22.89万人"),
    ];
    for (file, text, result) in right {
        let made = targets_at(loaded, file, text)
            .iter()
            .any(|p| result_text(loaded, p).as_deref() == Some(result));
        assert!(made, "{file} {text} is no longer judged by {result}");
    }
}

/// Whether the clause before byte `at` of report `r`'s text, in its item, holds one of `words`.
fn item_says(loaded: &Loaded, r: usize, at: usize, words: &[&str]) -> bool {
    let text = &loaded.reports[r].text;
    let before = &text[..at];
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| matches!(c, '，' | '。' | '；' | '、' | '：' | '\n'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    words.iter().any(|w| before[start..].contains(w))
}

#[test]
fn no_flow_target_is_judged_by_a_stock_nor_a_bare_name_by_anything() {
    let loaded = &*LOADED;
    let flows = ["新增", "新建", "建设", "改造"];
    let stocks = ["累计", "增至", "达到", "总数", "保有量"];
    let mut crossed = Vec::new();
    let mut judged = 0;
    for p in &loaded.paired {
        let Some(r) = p.result else { continue };
        judged += 1;
        let Some(f) = p.target.figure else { continue };
        let target_at = loaded.figures[p.target.report][f].span.start;
        let result_at = loaded.figures[r.report][r.figure].span.start;
        let flow_t = item_says(loaded, p.target.report, target_at, &flows);
        let stock_t = item_says(loaded, p.target.report, target_at, &stocks);
        let flow_r = item_says(loaded, r.report, result_at, &flows);
        let stock_r = item_says(loaded, r.report, result_at, &stocks);
        if (flow_t && !stock_t && stock_r && !flow_r) || (stock_t && !flow_t && flow_r && !stock_r)
        {
            crossed.push(format!("{} {}", p.region, p.target.text));
        }
        let name = p.target.indicator.as_deref().unwrap_or("");
        assert!(
            !["", "投资", "企业", "项目", "产值", "产量"].contains(&name),
            "{} {} judged by its bare name {name:?}",
            p.region,
            p.target.text
        );
    }
    println!("judged: {judged}, flows crossed with stocks: {crossed:?}");
    assert!(judged > 200, "only {judged} targets judged");
    assert!(crossed.is_empty(), "{crossed:#?}");
    let unnamed: Vec<&Paired> = loaded
        .paired
        .iter()
        .filter(|p| p.verdict == Verdict::NoIndicator)
        .collect();
    // Fewer as names get better (扶持三元、麦福劳等 a label; 完成投资 after a count of projects
    // named by them): what is checked is that bare names are listed, judged by nothing.
    assert!(
        unnamed.len() > 60,
        "only {} rows without an indicator",
        unnamed.len()
    );
    assert!(
        unnamed
            .iter()
            .all(|p| p.result.is_none() && p.parents.is_empty())
    );
}
