//! The compare view driven by keys over the bundled reports and their real figures.

use std::path::Path;

use super::super::export_dialog::{self, Subject, active};
use super::super::fixture::{bundled_app, press};
use super::super::{Effect, Mode, Pane};
use super::{ChartKind, CompareFocus, row_figure};
use crate::compare::Verdict;
use crate::export::Format;

#[test]
fn c_opens_the_view_over_every_indicator_most_cited_first() {
    let mut app = bundled_app(160, 45);
    press(&mut app, "c");
    assert_eq!(app.mode, Mode::Compare);
    let view = &app.compare;
    assert_eq!(view.matches.len(), view.index.entries.len());
    assert!(view.index.entries.len() > 100);
    assert_eq!(view.entry().unwrap().name, view.index.entries[0].name);
    assert!(
        !view.rows.is_empty(),
        "the first indicator's rows are shown"
    );
    press(&mut app, "<Esc>");
    assert_eq!(app.mode, Mode::Normal);
}

#[test]
fn typing_filters_fuzzily_and_q_is_typed_not_quit() {
    let mut app = bundled_app(160, 45);
    press(&mut app, "c生产总值");
    assert_eq!(app.compare.query(), "生产总值");
    assert_eq!(app.compare.entry().unwrap().name, "生产总值");
    let periods: Vec<(String, Option<String>)> = app
        .compare
        .rows
        .iter()
        .map(|r| (r.region.clone(), r.period.clone()))
        .collect();
    for (region, period) in [("民权县", "2020"), ("民权县", "2022"), ("西平县", "2022")] {
        assert!(
            periods.contains(&(region.into(), Some(period.into()))),
            "{region} {period} in {periods:?}"
        );
    }
    let minquan_2021 = app
        .compare
        .rows
        .iter()
        .find(|r| r.region == "民权县" && r.period.as_deref() == Some("2021"))
        .unwrap();
    assert_eq!(minquan_2021.verdict, Verdict::NoResultYet);
    press(&mut app, "<BS><BS><BS><BS>零售");
    assert_eq!(app.compare.entry().unwrap().name, "社会消费品零售总额");
    press(&mut app, "qqq");
    assert_eq!(app.mode, Mode::Compare);
    assert!(app.compare.entry().is_none(), "nothing matches 零售qqq");
    assert!(app.compare.rows.is_empty());
    press(&mut app, "<Down><Enter><Tab><Down><Enter><C-t>");
    assert_eq!(app.mode, Mode::Compare, "no row, nothing to jump to");
}

#[test]
fn arrows_pick_an_indicator_then_a_row() {
    let mut app = bundled_app(160, 45);
    press(&mut app, "c");
    let second = app.compare.index.entries[1].name.clone();
    press(&mut app, "<Down>");
    assert_eq!(app.compare.entry().unwrap().name, second);
    press(&mut app, "<Up><Up>");
    assert_eq!(app.compare.pick, 0, "no moving above the first");
    press(&mut app, "<Enter>");
    assert_eq!(app.compare.focus, CompareFocus::Rows);
    press(&mut app, "<Down>");
    assert_eq!(app.compare.row, 1.min(app.compare.rows.len() - 1));
    assert_eq!(app.compare.pick, 0, "rows move, the indicator stays");
    press(&mut app, "<Tab>");
    assert_eq!(app.compare.focus, CompareFocus::Indicators);
    press(&mut app, "<C-t>");
    assert_eq!(app.compare.chart, ChartKind::Growth);
    press(&mut app, "<C-t>");
    assert_eq!(app.compare.chart, ChartKind::Levels);
}

#[test]
fn enter_on_a_row_jumps_to_its_figure_in_its_report() {
    let mut app = bundled_app(160, 45);
    press(&mut app, "c生产总值<Enter>");
    let wanted = app
        .compare
        .rows
        .iter()
        .position(|r| r.region == "西平县" && r.period.as_deref() == Some("2022"))
        .unwrap();
    for _ in 0..wanted {
        press(&mut app, "<Down>");
    }
    let at = row_figure(&app.compare.rows[wanted]).unwrap();
    press(&mut app, "<Enter>");
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(app.focus, Pane::Text);
    assert_eq!(app.corpus.reports[app.report].file, "xiping-2023.txt");
    assert_eq!(app.report, at.report);
    assert_eq!(app.text.selected_figure, Some(at.figure));
    let figure = &app.figures[at.report][at.figure];
    assert_eq!(&*figure.text, "292.1 亿元");
    let layout = app.layout().unwrap();
    let row = layout.row_of(figure.span.start);
    let height = app.panes.inner_height(Pane::Text);
    assert!(
        row >= app.text.top && row < app.text.top + height,
        "on screen"
    );
}

#[test]
fn the_index_is_built_once_and_again_only_for_new_reports() {
    let mut app = bundled_app(160, 45);
    press(&mut app, "c<Esc>");
    let built = app.compare.index.entries.len();
    app.compare.index.entries.clear();
    press(&mut app, "c");
    assert!(
        app.compare.index.entries.is_empty(),
        "not rebuilt on reopening"
    );
    press(&mut app, "<Esc>");
    app.figures[0].pop();
    press(&mut app, "c");
    assert!(
        app.compare.index.entries.len() >= built - 1,
        "rebuilt for new figures"
    );
}

#[test]
fn a_name_means_the_same_indicator_here_as_in_the_command_line() {
    let mut app = bundled_app(160, 45);
    press(&mut app, "cGDP");
    let picked = app.compare.entry().unwrap().name.clone();
    let index = &app.compare.index;
    let resolved = index.resolve("GDP", &crate::compare::BUNDLED).unwrap();
    assert_eq!(picked, resolved.name);
    assert_eq!(picked, "生产总值", "GDP is 生产总值, not 万元GDP能耗");
}

#[test]
fn the_targets_table_filters_by_period_sorts_by_gap_and_jumps_to_the_source() {
    let mut app = bundled_app(160, 45);
    press(&mut app, "c生产总值<C-g>");
    let table = &app.compare.targets;
    assert!(table.shown);
    assert!(
        !table.rows.is_empty(),
        "the bundled reports set GDP targets"
    );
    for &i in &table.rows {
        assert_eq!(table.all[i].target.indicator.as_deref(), Some("生产总值"));
    }
    assert!(table.periods.len() >= 2, "{:?}", table.periods);
    press(&mut app, "<C-y>");
    let table = &app.compare.targets;
    let first = table.periods[0].clone();
    assert_eq!(table.period_shown(), Some(first.as_str()));
    for &i in &table.rows {
        assert_eq!(table.all[i].target.period.unwrap().to_string(), first);
    }
    let cycles = table.periods.len();
    for _ in 0..cycles {
        press(&mut app, "<C-y>");
    }
    assert_eq!(
        app.compare.targets.period_shown(),
        None,
        "back to all periods"
    );
    press(&mut app, "<C-o>");
    let table = &app.compare.targets;
    assert!(table.by_gap);
    let gaps: Vec<Option<f64>> = table.rows.iter().map(|&i| table.all[i].gap).collect();
    let known = gaps.iter().take_while(|g| g.is_some()).count();
    assert!(
        gaps[known..].iter().all(Option::is_none),
        "no gap last: {gaps:?}"
    );
    assert!(
        gaps[..known].windows(2).all(|w| w[0] <= w[1]),
        "most missed first: {gaps:?}"
    );
    press(&mut app, "<Tab><Down>");
    let target = app.compare.targets.current().unwrap().target.clone();
    press(&mut app, "<Enter>");
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(app.focus, Pane::Text);
    assert_eq!(app.report, target.report);
    assert_eq!(app.text.selected_figure, target.figure);
    press(&mut app, "c");
    assert!(
        app.compare.targets.shown,
        "the view opens again as it was left"
    );
    press(&mut app, "<C-g>");
    assert!(!app.compare.targets.shown, "Ctrl-g again shows the rows");
}

#[test]
fn by_gap_the_most_missed_gdp_target_of_the_provinces_comes_first() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/corpus");
    let corpus =
        crate::corpus::load_paths(&[root.join("provinces-2025"), root.join("provinces-2026")]);
    let mut app = crate::app::App::new(corpus, 160, 45);
    press(&mut app, "c生产总值<C-g>");
    while app.compare.targets.period_shown() != Some("2025") {
        press(&mut app, "<C-y>");
    }
    press(&mut app, "<C-o>");
    let table = &app.compare.targets;
    let gaps: Vec<f64> = table
        .rows
        .iter()
        .filter_map(|&i| table.all[i].gap)
        .collect();
    assert!(
        gaps.len() >= 23,
        "every province's 2025 GDP target has a gap: {gaps:?}"
    );
    assert!(gaps.windows(2).all(|w| w[0] <= w[1]), "{gaps:?}");
    let first = table.current().unwrap();
    assert_eq!(first.verdict, crate::targets::Verdict::Missed);
    assert_eq!(first.gap, Some(gaps[0]));
}

/// The one effect of `effects`, an export: (path, content, count, overwrite).
fn export_of(effects: &[Effect]) -> (String, String, usize, bool) {
    match effects {
        [
            Effect::Export {
                path,
                content,
                count,
                overwrite,
            },
        ] => (
            path.display().to_string(),
            content.clone(),
            *count,
            *overwrite,
        ),
        other => panic!("not one export: {other:?}"),
    }
}

#[test]
fn ctrl_s_exports_the_rows_in_each_format_and_says_where() {
    let mut app = bundled_app(160, 45);
    press(&mut app, "c生产总值<C-s>");
    assert_eq!(app.mode, Mode::Export);
    let dialog = active(&app);
    assert_eq!(dialog.subject, Subject::CompareRows);
    assert_eq!(dialog.format, Format::Csv);
    assert_eq!(dialog.destination(), "./baogao-compare-生产总值.csv");
    // Tab cycles the three table formats, renaming the destination.
    let mut seen = Vec::new();
    for _ in 0..3 {
        press(&mut app, "<Tab>");
        seen.push(active(&app).destination());
    }
    assert_eq!(
        seen,
        [
            "./baogao-compare-生产总值.json",
            "./baogao-compare-生产总值.md",
            "./baogao-compare-生产总值.csv"
        ]
    );
    let rows = app.compare.rows.len();
    let (path, csv, count, overwrite) = export_of(&press(&mut app, "<Enter>"));
    assert_eq!(app.mode, Mode::Compare, "back in the view");
    assert_eq!(
        (path.as_str(), count, overwrite),
        ("./baogao-compare-生产总值.csv", rows, false)
    );
    assert!(
        csv.starts_with("region,period,level,change,rank,target,target_source,result,verdict,")
    );
    assert_eq!(csv.lines().count(), rows + 1);
    assert!(
        csv.contains("\n民权县,2021,,,,↑8%左右,minquan-2021.txt:100,,no result yet,"),
        "{csv}"
    );
    export_dialog::exported(&mut app, Path::new(&path), count, Ok(()));
    let said = app.message.clone().unwrap();
    assert!(!said.is_error);
    assert_eq!(
        said.text,
        format!("exported {rows} rows to ./baogao-compare-生产总值.csv")
    );
    assert_eq!(app.mode, Mode::Compare);
    // A failed write says why, opens the dialog again with the same choices, loses nothing.
    press(&mut app, "<C-s><Tab>");
    let (path, json, ..) = export_of(&press(&mut app, "<Enter>"));
    let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(parsed.as_array().unwrap().len(), rows);
    export_dialog::exported(
        &mut app,
        Path::new(&path),
        rows,
        Err("cannot write x: Permission denied".into()),
    );
    assert_eq!(app.mode, Mode::Export);
    let said = app.message.clone().unwrap();
    assert!(
        said.is_error && said.text.contains("Permission denied"),
        "{said:?}"
    );
    assert!(said.text.contains("the rows are untouched"), "{said:?}");
    assert_eq!(active(&app).destination(), path);
    assert_eq!(app.compare.rows.len(), rows);
    // An existing file is asked about; Enter again overwrites it.
    export_dialog::exists(&mut app, Path::new(&path));
    assert_eq!(app.mode, Mode::Export);
    let (.., overwrite) = export_of(&press(&mut app, "<Enter>"));
    assert!(overwrite);
    // Esc goes back to the view, not to the text.
    press(&mut app, "<C-s><Esc>");
    assert_eq!(app.mode, Mode::Compare);
}

#[test]
fn ctrl_s_over_the_targets_table_exports_the_targets_shown() {
    let mut app = bundled_app(160, 45);
    press(&mut app, "c生产总值<C-g><C-s>");
    assert_eq!(active(&app).subject, Subject::Targets);
    assert_eq!(active(&app).destination(), "./baogao-targets-生产总值.csv");
    press(&mut app, "<Tab>");
    let shown = app.compare.targets.rows.len();
    assert!(shown > 2);
    let (_, json, count, _) = export_of(&press(&mut app, "<Enter>"));
    assert_eq!(count, shown);
    let parsed: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    assert_eq!(parsed.len(), shown);
    for (row, &at) in parsed.iter().zip(&app.compare.targets.rows) {
        let target = &app.compare.targets.all[at].target;
        assert_eq!(row["text"], target.text.as_str());
        assert_eq!(row["line"], target.line + 1);
        assert!(
            row["bound"].is_string() && row["verdict"].is_string(),
            "{row}"
        );
    }
    assert_eq!(app.mode, Mode::Compare);
    assert!(app.compare.targets.shown, "the targets table still shows");
}

#[test]
fn nothing_to_export_is_said_and_the_marks_keep_their_own_dialog() {
    let mut app = bundled_app(160, 45);
    press(&mut app, "c生产总值qqq<C-s>");
    assert_eq!(app.mode, Mode::Compare);
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .contains("nothing to export")
    );
    press(&mut app, "<BS><BS><BS><C-s><Esc><Esc>");
    assert_eq!(app.mode, Mode::Normal);
    press(&mut app, "m");
    press(&mut app, "Me");
    assert_eq!(app.mode, Mode::Export);
    assert_eq!(active(&app).subject, Subject::Marks);
    assert_eq!(
        active(&app).destination(),
        export_dialog::DEFAULT_DESTINATION
    );
    let (_, _, count, _) = export_of(&press(&mut app, "<Enter>"));
    assert_eq!(count, 1, "the marks, not the rows");
}
