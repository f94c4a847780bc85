//! The CSL-JSON export: one `report` item per mark, the format Zotero, pandoc and citeproc
//! read (<https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html>).

use serde_json::{Value, json};

use super::Record;
use super::bibtex::keys;
use super::cite::locator;

/// The `issued` date parts of a record: `[[2023, 6, 26]]` from its date, else `[[2023]]`.
fn issued(r: &Record) -> Option<Value> {
    let parts: Option<Vec<i64>> = r
        .date
        .as_deref()
        .map(|d| {
            d.split('-')
                .map(str::parse)
                .collect::<Result<Vec<i64>, _>>()
        })
        .and_then(Result::ok)
        .or_else(|| r.year.map(|y| vec![i64::from(y)]));
    parts.map(|p| json!({ "date-parts": [p] }))
}

/// One CSL-JSON item.
fn item(r: &Record, id: String) -> Value {
    let mut item = serde_json::Map::new();
    let mut put = |name: &str, value: Value| {
        item.insert(name.to_string(), value);
    };
    put("id", id.into());
    put("type", "report".into());
    put("genre", "政府工作报告".into());
    let author = r.speaker.as_ref().or(r.issuer.as_ref());
    let title = match author {
        Some(_) => r.title.as_deref().unwrap_or("政府工作报告"),
        None => r.report.as_str(),
    };
    put("title", title.into());
    if let Some(author) = author {
        put("author", json!([{ "literal": author }]));
    }
    if let Some(issuer) = &r.issuer {
        put("publisher", issuer.as_str().into());
    }
    if let Some(session) = &r.session {
        put("event-title", session.as_str().into());
    }
    if let Some(issued) = issued(r) {
        put("issued", issued);
    }
    if !r.section.is_empty() {
        put("section", r.section.as_str().into());
    }
    let mut note = locator(r);
    if !r.note.is_empty() {
        note.push('\n');
        note.push_str(&r.note);
    }
    put("note", note.into());
    put("abstract", r.text.trim().into());
    put("language", "zh-CN".into());
    Value::Object(item)
}

/// Render `records` as a pretty CSL-JSON array, without the final line feed.
pub fn render(records: &[Record]) -> String {
    let items: Vec<Value> = records
        .iter()
        .zip(keys(records))
        .map(|(r, id)| item(r, id))
        .collect();
    serde_json::to_string_pretty(&items).expect("JSON values serialise")
}
