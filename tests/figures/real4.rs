//! The fourth blind gold set on real reports (`tests/data/figures-real4.jsonl`, conventions in
//! `tests/data/figures-real/README.md` and its successors, how it was made in
//! `tests/data/figures-real4/README.md`): 442 figures (224 targets) and 408 non-figures in 11
//! reports that no earlier gold covers (云南, 北京, 吉林, 山东, 海南, 湖南, 辽宁, 青海 in 2026;
//! 四川, 湖北 in 2025; 海拉尔区 2012), weighted towards plan paragraphs and numbers that are
//! labels, written without reading the rules or running the reader. It measures the rules on
//! reports they were not written against; no rule is to be fitted to its rows, and its misses
//! are not to be read.
//!
//! First score, taken on the rules as they stood when the set was merged (063bd7a), before any
//! rule was changed with the set in view: recall 0.982 (434/442), value 1.000, kind 0.998,
//! measure 0.986, indicator 0.965 (419/434, a name right when it and a gold name contain one
//! another; 0.813 exactly one of the names written), status 1.000, qualifier 0.984, period
//! 0.956, basis 0.917, precision on the annotated lines 0.980 (434 of 443), and 8 of 408
//! non-figures reported. The floors sit just under it.
//!
//! What has been seen of it since: its annotator's closing report, which names two of its
//! conventions (the totals of a 民生实事 list are labels; `首位` is a rank), and one row read
//! by accident in a search for `首位` (北京 2026 #35). Both conventions were already those of
//! `figures-real3`; no other row was read. The reader's output on 北京 2026 #43 was seen when an
//! older CLI test of that line failed; the test was brought to the plan-dating convention and
//! no rule was changed for it.

use crate::real::{hold_floors, measured};
use crate::score::ratio;

const FILE: &str = "figures-real4.jsonl";

#[test]
fn fourth_real_figures() {
    let (s, precision) = measured(FILE, 850);
    let recall = s.found as f64 / s.figures as f64;
    let floors = [
        ("recall", recall, 0.975),
        ("precision", precision, 0.975),
        ("value", ratio(s.value), 0.995),
        ("kind", ratio(s.kind), 0.99),
        ("measure", ratio(s.measure), 0.98),
        ("indicator", ratio(s.indicator), 0.96),
        ("status", ratio(s.status), 0.995),
        ("qualifier", ratio(s.qualifier), 0.98),
        ("period", ratio(s.period), 0.95),
        ("basis", ratio(s.basis), 0.91),
    ];
    hold_floors(FILE, &floors);
}
