//! The third blind gold set on real reports (`tests/data/figures-real3.jsonl`, conventions in
//! `tests/data/figures-real/README.md`, how it was made in `tests/data/figures-real3/README.md`):
//! 494 figures and 375 non-figures in 9 reports that no earlier gold covers (上海, 广东, 安徽,
//! 河北, 福建, 陕西, 内蒙古 in 2026; 海南 2025; 海拉尔区 2014), weighted towards the five-year
//! reviews of the 2026 reports (239 figures) and towards numbers that are labels, written
//! without reading the rules or running the reader. It measures the rules on reports they were
//! not written against; no rule is to be fitted to its rows.
//!
//! First score, taken on the rules as they stood when the set was written (5ad2dee), before any
//! rule was changed with the set in view: recall 0.960 (474/494), value 0.994, kind 1.000,
//! measure 0.992, indicator 0.943 (447/474, a name right when it and a gold name contain one
//! another; 0.753 exactly one of the names written), status 0.985, qualifier 0.985, period
//! 0.738, basis 0.959, precision on the annotated lines 0.963 (474 of 492), and 9 of 375
//! non-figures reported. The floors sit just under it, so that a rule change that loses ground
//! on reports it was not written for fails here.
//!
//! Not blind any more for labels: three kinds of label its README lists as conventions (policy
//! packages named by their articles, `N次回信`-type visits and letters, the counts describing a
//! plan's list of indicators) were made rules after that README was read, and the non-figures
//! reported fell from 9 to 3 of 375. Its rows were not read, but for two misses printed by
//! accident with another set's (上海 2026 #52: `前五位`, `42万元/人`); no rule was written for
//! them.

use crate::real::{hold_floors, measured};
use crate::score::ratio;

const FILE: &str = "figures-real3.jsonl";

#[test]
fn third_real_figures() {
    let (s, precision) = measured(FILE, 860);
    let recall = s.found as f64 / s.figures as f64;
    let floors = [
        ("recall", recall, 0.975),
        ("precision", precision, 0.96),
        ("value", ratio(s.value), 0.99),
        ("kind", ratio(s.kind), 0.99),
        ("measure", ratio(s.measure), 0.99),
        ("indicator", ratio(s.indicator), 0.94),
        ("status", ratio(s.status), 0.98),
        ("qualifier", ratio(s.qualifier), 0.98),
        ("period", ratio(s.period), 0.73),
        ("basis", ratio(s.basis), 0.95),
    ];
    hold_floors(FILE, &floors);
}
