//! The marks file on disk: round trips, recovery, compatibility and two writers.
use super::*;
use crate::corpus::load_embedded;

fn some_marks() -> Marks {
    let corpus = load_embedded();
    let mut marks = Marks::default();
    marks.add(&corpus.reports[0], 100..160);
    let id = marks.add(&corpus.reports[1], 400..460);
    marks.set_note(id, "对比2021年\n第二行");
    marks
}

#[test]
fn save_then_load_gives_the_same_marks() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deep/er/marks.json");
    let marks = some_marks();
    save(&path, &marks).unwrap();
    let loaded = load(&path).unwrap();
    assert_eq!(loaded.marks, marks);
    assert!(loaded.notice.is_none());
    let left: Vec<_> = fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        left.iter()
            .all(|n| n == "marks.json" || n == "marks.json.lock"),
        "no temp file left: {left:?}"
    );
}

#[test]
fn a_missing_file_is_an_empty_set() {
    let dir = tempfile::tempdir().unwrap();
    let loaded = load(&dir.path().join("marks.json")).unwrap();
    assert!(loaded.marks.items.is_empty());
    assert!(loaded.notice.is_none());
}

#[test]
fn a_corrupt_file_is_moved_aside_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("marks.json");
    fs::write(&path, b"{\"version\": 1, \"marks\": [tor").unwrap();
    let loaded = load(&path).unwrap();
    assert!(loaded.marks.items.is_empty());
    let notice = loaded.notice.unwrap();
    assert!(notice.contains("moved to"), "{notice}");
    let aside: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.ends_with(".lock"))
        .collect();
    assert_eq!(aside.len(), 1);
    assert!(aside[0].starts_with("marks.json.bad-"), "{aside:?}");
    let kept = fs::read(dir.path().join(&aside[0])).unwrap();
    assert_eq!(kept, b"{\"version\": 1, \"marks\": [tor");
    assert!(notice.contains(&aside[0]));
}

#[test]
fn a_stale_temporary_file_from_an_interrupted_save_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("marks.json");
    let marks = some_marks();
    save(&path, &marks).unwrap();
    // A save killed after writing half its temporary file, before the rename.
    let stale = atomic::temp_name(&path);
    fs::write(&stale, b"{\"version\": 1, \"ma").unwrap();
    assert_eq!(load(&path).unwrap().marks, marks);
    assert!(!stale.exists(), "cleaned on start");
    let mut more = marks.clone();
    more.set_note(1, "after the crash");
    save(&path, &more).unwrap();
    assert_eq!(load(&path).unwrap().marks, more);
}

#[test]
fn a_failed_save_reports_the_path_and_keeps_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("not-a-dir");
    fs::write(&blocker, b"").unwrap();
    let path = blocker.join("marks.json");
    let error = save(&path, &some_marks()).unwrap_err();
    assert!(error.to_string().contains("not-a-dir"), "{error}");
}

#[test]
fn a_complete_temporary_file_recovers_a_missing_marks_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("marks.json");
    let marks = some_marks();
    save(&path, &marks).unwrap();
    fs::rename(&path, atomic::temp_name(&path)).unwrap();
    let loaded = load(&path).unwrap();
    assert_eq!(loaded.marks, marks);
    assert!(loaded.notice.unwrap().contains("recovered"));
    assert_eq!(parse(&fs::read(&path).unwrap()).unwrap(), marks);
}

#[test]
fn a_bom_is_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("marks.json");
    let marks = some_marks();
    save(&path, &marks).unwrap();
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(fs::read(&path).unwrap());
    fs::write(&path, bytes).unwrap();
    let loaded = load(&path).unwrap();
    assert_eq!(loaded.marks, marks);
    assert!(loaded.notice.is_none());
}

#[test]
fn a_newer_file_is_read_and_never_written_and_unknown_fields_survive() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("marks.json");
    save(&path, &some_marks()).unwrap();
    let mut json: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    json["version"] = 2.into();
    json["tags"] = serde_json::json!(["kept"]);
    json["marks"][0]["colour"] = "red".into();
    fs::write(&path, serde_json::to_vec(&json).unwrap()).unwrap();
    let before = fs::read(&path).unwrap();
    let loaded = load(&path).unwrap();
    assert!(loaded.read_only.unwrap().contains("newer"));
    assert_eq!(loaded.marks.items.len(), 2);
    let base = loaded.marks.clone();
    let mut ours = base.clone();
    ours.items.pop();
    assert!(matches!(
        save_merged(&path, &base, &ours),
        Err(MarksError::ReadOnly { .. })
    ));
    assert_eq!(fs::read(&path).unwrap(), before);

    // A version-1 file with unknown fields keeps them through a save.
    json["version"] = 1.into();
    fs::write(&path, serde_json::to_vec(&json).unwrap()).unwrap();
    let loaded = load(&path).unwrap();
    let mut ours = loaded.marks.clone();
    let first = ours.items[0].id;
    ours.set_note(first, "edited");
    save_merged(&path, &loaded.marks, &ours).unwrap();
    let written: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    assert_eq!(written["tags"], serde_json::json!(["kept"]));
    assert_eq!(written["marks"][0]["colour"], "red");
    assert_eq!(written["marks"][0]["note"], "edited");
}

#[test]
fn a_read_only_file_is_respected() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("marks.json");
    save(&path, &some_marks()).unwrap();
    let mut permissions = fs::metadata(&path).unwrap().permissions();
    permissions.set_readonly(true);
    fs::set_permissions(&path, permissions).unwrap();
    let loaded = load(&path).unwrap();
    assert!(loaded.read_only.is_some());
    let before = fs::read(&path).unwrap();
    let result = save_merged(&path, &loaded.marks, &Marks::default());
    assert!(
        matches!(result, Err(MarksError::ReadOnly { .. })),
        "{result:?}"
    );
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[test]
fn two_instances_saving_keep_both_marks_and_the_second_is_told() {
    let corpus = load_embedded();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("marks.json");
    let base = load(&path).unwrap().marks;
    let mut one = base.clone();
    let mut two = base.clone();
    let a = one.add(&corpus.reports[0], 100..130);
    let b = two.add(&corpus.reports[0], 200..230);
    let saved = save_merged(&path, &base, &one).unwrap();
    assert!(!saved.others_changed);
    let saved = save_merged(&path, &base, &two).unwrap();
    assert!(saved.others_changed);
    let on_disk = load(&path).unwrap().marks;
    assert!(on_disk.get(a).is_some() && on_disk.get(b).is_some());
    assert_eq!(saved.marks, on_disk);
}

#[test]
fn explicit_path_wins_over_the_environment() {
    let explicit = Path::new("/tmp/x/marks.json");
    assert_eq!(resolve_path(Some(explicit)).unwrap(), explicit);
}
