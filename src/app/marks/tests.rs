//! Marking, unmarking, selections, notes, the marks list, undo, export and copy, driven through
//! `update` by keys as a reader types them, over the bundled reports.

use super::super::fixture::{bundled_app, press};
use super::*;
use crate::app::{Pane, cursor, export_dialog};
use crate::corpus::load_embedded;
use crate::marks::store;

fn saves(effects: &[Effect]) -> usize {
    effects.iter().filter(|e| **e == Effect::SaveMarks).count()
}

/// Put the cursor on the sentence holding `needle` in the report shown.
fn cursor_to(app: &mut App, needle: &str) {
    let offset = app.current_report().unwrap().text.find(needle).unwrap();
    app.text.cursor = offset;
}

#[test]
fn m_marks_the_sentence_under_the_cursor_and_m_again_unmarks_it() {
    let mut app = bundled_app(160, 45);
    press(&mut app, "jjjjjj");
    let sentence = cursor::sentence(&app).unwrap();
    let effects = press(&mut app, "m");
    assert_eq!(saves(&effects), 1, "a mark is saved at once");
    let mark = &app.marks.all.items[0];
    assert_eq!(mark.span(), sentence);
    assert_eq!(mark.file, app.current_report().unwrap().file);
    assert_eq!(app.marks.at(app.report, sentence.start), Some(mark.id));
    assert_eq!(app.marks.count(app.report, None), 1);
    let effects = press(&mut app, "m");
    assert_eq!(saves(&effects), 1);
    assert!(app.marks.all.items.is_empty());
    assert_eq!(app.marks.count(app.report, None), 0);
    press(&mut app, "u");
    assert_eq!(
        app.marks.all.items.len(),
        1,
        "u brings the unmarked mark back"
    );
}

#[test]
fn a_selection_marks_several_sentences_across_paragraphs_in_one_mark() {
    let mut app = bundled_app(160, 45);
    cursor_to(&mut app, "一年来，主要做了以下工作");
    let first = cursor::sentence(&app).unwrap();
    press(&mut app, "vjjj");
    assert_eq!(app.mode, Mode::Visual);
    let effects = press(&mut app, "m");
    assert_eq!(saves(&effects), 1);
    assert_eq!(app.mode, Mode::Normal);
    let mark = &app.marks.all.items[0];
    assert_eq!(mark.start, first.start);
    assert!(mark.text.starts_with("一年来，主要做了以下工作"));
    assert!(
        mark.text.contains('\n'),
        "spans paragraphs: {:?}",
        mark.text
    );
    assert!(mark.line_end > mark.line_start);
    assert_eq!(
        mark.section.first().map(String::as_str),
        Some("一、2020年及“十三五”工作回顾")
    );
    // The tree counts it in its chapter and in the report.
    let chapter = app.corpus.reports[0].section_at(mark.start);
    assert!(chapter.is_some());
    assert_eq!(app.marks.count(0, chapter), 1);
    assert_eq!(app.marks.count(0, None), 1);
}

#[test]
fn escape_leaves_a_selection_without_marking() {
    let mut app = bundled_app(160, 45);
    let effects = press(&mut app, "vjj<Esc>");
    assert_eq!(app.mode, Mode::Normal);
    assert!(effects.is_empty());
    assert!(app.marks.all.items.is_empty());
}

#[test]
fn a_note_is_typed_saved_with_ctrl_s_and_shown_in_the_list() {
    let mut app = bundled_app(160, 45);
    cursor_to(&mut app, "2020年，全县生产总值完成");
    // `a` on an unmarked sentence marks it first.
    let effects = press(&mut app, "a");
    assert_eq!(saves(&effects), 1);
    assert_eq!(app.mode, Mode::Note);
    let effects = press(&mut app, "check<Enter>vs 2019<C-s>");
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(saves(&effects), 1);
    assert_eq!(app.marks.all.items[0].note, "check\nvs 2019");
    // Editing it again from the list, Esc also saves; q and m are typed, not commands.
    press(&mut app, "M");
    assert_eq!(app.mode, Mode::Marks);
    press(&mut app, "a");
    assert_eq!(app.mode, Mode::Note);
    press(&mut app, " qm<Esc>");
    assert_eq!(app.mode, Mode::Marks, "back to the list it came from");
    assert_eq!(app.marks.all.items[0].note, "check\nvs 2019 qm");
}

#[test]
fn quitting_with_the_note_editor_open_keeps_the_note() {
    let mut app = bundled_app(160, 45);
    press(&mut app, "a");
    let effects = press(&mut app, "half-typed<C-c>");
    assert_eq!(effects.last(), Some(&Effect::Quit));
    assert!(saves(&effects) >= 1);
    assert_eq!(app.marks.all.items[0].note, "half-typed");
}

#[test]
fn the_list_jumps_deletes_and_undoes_in_reading_order() {
    let mut app = bundled_app(160, 45);
    // Three marks, made out of reading order, in two reports.
    cursor_to(&mut app, "2020年，全县生产总值完成");
    press(&mut app, "m");
    press(&mut app, "g");
    press(&mut app, "jjm");
    let second_report = app.corpus.reports[1]
        .text
        .find("2022年，全县生产总值")
        .unwrap();
    update_to(&mut app, 1, second_report);
    press(&mut app, "m");
    let rows: Vec<(String, usize)> = app
        .marks
        .list
        .rows
        .iter()
        .map(|&id| {
            let m = app.marks.all.get(id).unwrap();
            (m.file.clone(), m.start)
        })
        .collect();
    let mut sorted = rows.clone();
    sorted.sort_by_key(|(file, start)| {
        let report = app.corpus.reports.iter().position(|r| &r.file == file);
        (report, *start)
    });
    assert_eq!(rows, sorted, "the list is in reading order");
    // Jump to the first row: the first report, its passage under the cursor.
    press(&mut app, "Mg<Enter>");
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(app.report, 0);
    assert_eq!(app.focus, Pane::Text);
    let first = app.marks.all.get(app.marks.list.rows[0]).unwrap().clone();
    assert_eq!(cursor::sentence(&app).map(|s| s.start), Some(first.start));
    // Delete the second row, undo, delete again.
    let effects = press(&mut app, "Mjd");
    assert_eq!(saves(&effects), 1);
    assert_eq!(app.marks.all.items.len(), 2);
    press(&mut app, "u");
    assert_eq!(app.marks.all.items.len(), 3);
    press(&mut app, "dd");
    assert_eq!(app.marks.all.items.len(), 1);
    press(&mut app, "uu");
    assert_eq!(app.marks.all.items.len(), 3, "undo goes back step by step");
    press(&mut app, "<Esc>");
    assert_eq!(app.mode, Mode::Normal);
}

fn update_to(app: &mut App, report: usize, offset: usize) {
    super::super::navigate::open_at(app, report, offset, true);
    app.sync();
}

#[test]
fn tab_cycles_every_export_format_and_its_extension() {
    let mut app = bundled_app(160, 45);
    cursor_to(&mut app, "2020年，全县生产总值完成");
    press(&mut app, "m");
    press(&mut app, "e");
    let mut seen = Vec::new();
    for _ in 0..crate::export::Format::ALL.len() {
        press(&mut app, "<Tab>");
        seen.push(app.export.destination());
    }
    assert_eq!(
        seen,
        [
            "./baogao-marks.json",
            "./baogao-marks.csv",
            "./baogao-marks.bib",
            "./baogao-marks.csl.json",
            "./baogao-marks.md",
        ]
    );
    // Each format renders the mark with its citation.
    for format in crate::export::Format::ALL {
        let records = crate::export::records(&app.marks.all, &app.corpus.reports, &app.figures);
        let content = crate::export::render(format, &records);
        assert!(
            content.contains("王静娴") || content.contains("人民政府"),
            "{format}: {content}"
        );
    }
}

#[test]
fn export_renders_every_mark_for_the_destination_typed() {
    let mut app = bundled_app(160, 45);
    press(&mut app, "e");
    assert_eq!(app.mode, Mode::Normal, "nothing to export yet");
    cursor_to(&mut app, "2020年，全县生产总值完成");
    press(&mut app, "m");
    press(&mut app, "e");
    assert_eq!(app.mode, Mode::Export);
    assert_eq!(app.export.destination(), export_dialog::DEFAULT_DESTINATION);
    press(&mut app, "<Tab>");
    assert_eq!(app.export.destination(), "./baogao-marks.json");
    let effects = press(&mut app, "<Enter>");
    let [
        Effect::Export {
            path,
            content,
            count,
            overwrite: false,
        },
    ] = effects.as_slice()
    else {
        panic!("{effects:?}");
    };
    assert_eq!(path.to_str(), Some("./baogao-marks.json"));
    assert_eq!(*count, 1);
    let json: serde_json::Value = serde_json::from_str(content).unwrap();
    assert!(json[0]["text"].as_str().unwrap().contains("275.5亿元"));
    assert!(
        json[0]["figures"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["text"] == "275.5亿元")
    );
    // A failed write opens the dialog again, says why, and keeps the marks.
    export_dialog::exported(
        &mut app,
        path,
        1,
        Err("cannot write ./baogao-marks.json: Permission denied".into()),
    );
    assert_eq!(app.mode, Mode::Export);
    assert!(app.message.as_ref().unwrap().is_error);
    assert_eq!(app.marks.all.items.len(), 1);
    // An existing destination is asked about; Enter again overwrites it, editing asks anew.
    export_dialog::exists(&mut app, path);
    assert!(app.message.as_ref().unwrap().text.contains("exists"));
    let effects = press(&mut app, "<Enter>");
    assert!(
        matches!(
            effects.as_slice(),
            [Effect::Export {
                overwrite: true,
                ..
            }]
        ),
        "{effects:?}"
    );
    press(&mut app, "e");
    let effects = press(&mut app, "<Enter>");
    assert!(matches!(
        effects.as_slice(),
        [Effect::Export {
            overwrite: false,
            ..
        }]
    ));
}

#[test]
fn y_copies_the_mark_under_the_cursor_with_its_citation() {
    let mut app = bundled_app(160, 45);
    cursor_to(&mut app, "2020年，全县生产总值完成");
    press(&mut app, "vjm");
    // Back on the first sentence of the two-sentence mark: the whole mark is copied.
    cursor_to(&mut app, "2020年，全县生产总值完成");
    let effects = press(&mut app, "y");
    let [Effect::Copy(text)] = effects.as_slice() else {
        panic!("{effects:?}");
    };
    let mark = &app.marks.all.items[0];
    let last_words: String = mark.text.trim_end().chars().rev().take(6).collect();
    let last_words: String = last_words.chars().rev().collect();
    assert!(text.contains(&last_words), "{text}");
    assert!(text.contains("minquan-2021.txt"), "{text}");
    assert!(text.contains("《政府工作报告》"), "{text}");
}

#[test]
fn a_failed_save_is_shown_and_the_marks_are_kept() {
    let mut app = bundled_app(160, 45);
    press(&mut app, "m");
    saved(
        &mut app,
        Err("/nowhere/marks.json: No such file or directory".into()),
    );
    let message = app.message.clone().unwrap();
    assert!(message.is_error);
    assert!(message.text.contains("NOT saved"), "{}", message.text);
    assert_eq!(app.marks.all.items.len(), 1);
    assert!(app.marks.save_error.is_some());
    saved(&mut app, Ok(()));
    assert!(app.marks.save_error.is_none());
}

#[test]
fn marks_from_the_file_are_anchored_and_orphans_kept() {
    let corpus = load_embedded();
    let report = &corpus.reports[0];
    let mut marks = crate::marks::Marks::default();
    let start = report.text.find("2020年，全县生产总值").unwrap();
    marks.add(report, start..start + 30);
    let gone = marks.add(report, start..start + 30);
    marks.items[1].text = "这段文字已经不在报告里了".into();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("marks.json");
    store::save(&path, &marks).unwrap();
    let loaded = store::load(&path).unwrap().marks;
    let mut app = App::new(corpus, 160, 45);
    let (message, changed) = attach(&mut app, loaded, Some(path));
    let message = message.unwrap();
    assert!(message.text.contains("1 orphaned"), "{}", message.text);
    assert!(changed, "an orphaned flag is worth saving");
    assert_eq!(app.marks.all.items.len(), 2, "the orphan is kept");
    assert!(app.marks.all.get(gone).unwrap().orphaned);
    assert_eq!(app.marks.count(0, None), 1, "only the found mark is drawn");
    assert_eq!(app.marks.list.rows.last(), Some(&gone), "orphans list last");
}

#[test]
fn the_wheel_moves_through_the_marks_list() {
    let mut app = bundled_app(160, 45);
    press(&mut app, "mjjmjjm");
    press(&mut app, "Mg");
    assert_eq!(app.marks.list.cursor, 0);
    update_scroll(&mut app, 3);
    assert_eq!(app.marks.list.cursor, 2);
    update_scroll(&mut app, -3);
    assert_eq!(app.marks.list.cursor, 0);
}

fn update_scroll(app: &mut App, lines: i16) {
    crate::app::update(
        app,
        crate::app::Action::Scroll {
            column: 10,
            row: 10,
            lines,
        },
    );
}

#[test]
fn reports_of_one_name_each_keep_their_marks_and_m_unmarks() {
    let mut corpus = load_embedded();
    corpus.reports[1].file = corpus.reports[0].file.clone();
    let mut app = App::new(corpus, 160, 45);
    let offset = app.corpus.reports[1].text.find("生产总值").unwrap();
    update_to(&mut app, 1, offset);
    press(&mut app, "m");
    assert_eq!(app.marks.all.items.len(), 1);
    assert_eq!(app.marks.count(1, None), 1);
    assert_eq!(app.marks.count(0, None), 0);
    press(&mut app, "m");
    assert!(app.marks.all.items.is_empty(), "unmarked, not marked twice");
}

#[test]
fn d_deletes_the_mark_shown_when_the_file_repeats_an_id() {
    let corpus = load_embedded();
    let report = &corpus.reports[0];
    let mut marks = crate::marks::Marks::default();
    for needle in ["2020年，全县生产总值", "一般公共预算收入"] {
        let start = report.text.find(needle).unwrap();
        marks.add(report, start..start + needle.len());
    }
    for mark in &mut marks.items {
        mark.id = 5;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("marks.json");
    store::save(&path, &marks).unwrap();
    let loaded = store::load(&path).unwrap();
    assert!(loaded.notice.unwrap().contains("shared an id"));
    let mut app = App::new(corpus, 160, 45);
    attach(&mut app, loaded.marks, Some(path));
    press(&mut app, "Mg");
    let shown = app.marks.list.rows[1];
    let shown_text = app.marks.all.get(shown).unwrap().text.clone();
    press(&mut app, "jd");
    assert_eq!(app.marks.all.items.len(), 1);
    assert!(
        app.marks.all.items[0].text != shown_text,
        "the other one is left"
    );
}

#[test]
fn a_then_esc_with_no_note_leaves_no_mark_behind() {
    let mut app = bundled_app(160, 45);
    press(&mut app, "jjj");
    let effects = press(&mut app, "a<Esc>");
    assert!(app.marks.all.items.is_empty(), "no empty mark left");
    assert!(saves(&effects) >= 1, "the file loses the mark too");
    // A mark that was there before keeps itself, note or not.
    press(&mut app, "ma<Esc>");
    assert_eq!(app.marks.all.items.len(), 1);
    // And a note written keeps its new mark.
    press(&mut app, "jjja核对<Esc>");
    assert_eq!(app.marks.all.items.len(), 2);
}

#[test]
fn the_export_destination_takes_typing_at_its_end_and_ctrl_u_clears_it() {
    let mut app = bundled_app(160, 45);
    press(&mut app, "me");
    assert_eq!(app.mode, Mode::Export);
    press(&mut app, "x");
    assert_eq!(
        app.export.destination(),
        format!("{}x", export_dialog::DEFAULT_DESTINATION)
    );
    press(&mut app, "<C-u>notes.md");
    assert_eq!(app.export.destination(), "notes.md");
}
