//! `baogao figures --format jsonl`, written by hand: the same bytes `serde_json` writes for a
//! [`Row`](super::Row), but what a report's rows share (its file, its label, each section's
//! path of titles, which make up most of every line) is escaped once per report, not once per
//! figure.

use crate::corpus::Report;
use crate::figures::Figure;

/// A report's figures as JSON lines.
pub struct JsonLines {
    /// `{"file":"…","line":`.
    head: Vec<u8>,
    /// `,"report":"…","section":`.
    report: Vec<u8>,
    /// Each section's path as a JSON array of titles, by section index.
    sections: Vec<Vec<u8>>,
}

impl JsonLines {
    /// Escape what every line of `report` shares.
    pub fn new(report: &Report) -> JsonLines {
        let mut head = b"{\"file\":".to_vec();
        json(&mut head, &report.file);
        head.extend_from_slice(b",\"line\":");
        let mut tail = b",\"report\":".to_vec();
        json(&mut tail, &report.label());
        tail.extend_from_slice(b",\"section\":");
        let sections = (0..report.sections.len())
            .map(|index| {
                let mut path = Vec::new();
                json(&mut path, &report.section_path(index));
                path
            })
            .collect();
        JsonLines {
            head,
            report: tail,
            sections,
        }
    }

    /// About how long a line is, to size the buffer for a report's lines at once instead of
    /// growing (and copying) it: what every line shares, its report's longest section path and
    /// room for the figure's own fields.
    pub fn typical_len(&self) -> usize {
        let longest_path = self.sections.iter().map(Vec::len).max().unwrap_or(2);
        self.head.len() + self.report.len() + longest_path + 200
    }

    /// Append `figure`'s line (with its line end) to `out`.
    pub fn write(&self, out: &mut Vec<u8>, figure: &Figure) {
        out.extend_from_slice(&self.head);
        let mut digits = itoa::Buffer::new();
        out.extend_from_slice(digits.format(figure.line as usize + 1).as_bytes());
        out.extend_from_slice(b",\"col\":");
        out.extend_from_slice(digits.format(figure.col).as_bytes());
        out.extend_from_slice(b",\"text\":");
        string(out, &figure.text);
        word(out, "kind", figure.kind.as_str());
        out.extend_from_slice(b",\"value\":");
        json(out, &figure.value);
        out.extend_from_slice(b",\"unit\":");
        optional(out, Some(figure.unit).filter(|unit| !unit.is_empty()));
        word(out, "measure", figure.measure.as_str());
        out.extend_from_slice(b",\"indicator\":");
        optional(out, figure.indicator.as_deref());
        word(out, "status", figure.status.as_str());
        out.extend_from_slice(b",\"qualifier\":");
        optional(out, figure.qualifier);
        out.extend_from_slice(b",\"period\":");
        // As `Period`'s `Display` writes it (`2022`, `2021-2025`), without going through fmt.
        match figure.period {
            Some(p) => {
                out.push(b'"');
                out.extend_from_slice(digits.format(p.from).as_bytes());
                if p.to != p.from {
                    out.push(b'-');
                    out.extend_from_slice(digits.format(p.to).as_bytes());
                }
                out.push(b'"');
            }
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b",\"basis\":");
        optional(out, figure.basis.map(crate::figures::Basis::as_str));
        out.extend_from_slice(b",\"base_year\":");
        match figure.base_year {
            Some(year) => out.extend_from_slice(digits.format(year).as_bytes()),
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(if figure.comparable_prices {
            b",\"comparable_prices\":true"
        } else {
            b",\"comparable_prices\":false"
        });
        out.extend_from_slice(&self.report);
        match figure.section.and_then(|s| self.sections.get(s)) {
            Some(path) => out.extend_from_slice(path),
            None => out.extend_from_slice(b"[]"),
        }
        out.extend_from_slice(b"}\n");
    }
}

/// `value` as JSON, appended to `out`.
fn json(out: &mut Vec<u8>, value: &(impl serde::Serialize + ?Sized)) {
    // Serialising these types (strings, numbers, options, arrays) to a Vec cannot fail.
    let _ = serde_json::to_writer(out, value);
}

/// `s` as a JSON string: copied between quotes when nothing in it needs escaping (most
/// figures' text and names), else as `serde_json` escapes it.
fn string(out: &mut Vec<u8>, s: &str) {
    // Every byte is looked at (no early exit), which the compiler turns into vector code.
    let plain = !s.bytes().fold(false, |escape, b| {
        escape | (b < 0x20) | (b == b'"') | (b == b'\\')
    });
    if plain {
        out.push(b'"');
        out.extend_from_slice(s.as_bytes());
        out.push(b'"');
    } else {
        json(out, s);
    }
}

/// `s` as a JSON string, or `null`.
fn optional(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => string(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

/// `,"key":"word"` for a word of lower-case ASCII letters and `_`, which needs no escaping.
fn word(out: &mut Vec<u8>, key: &str, word: &str) {
    debug_assert!(word.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'));
    for part in [",\"", key, "\":\"", word, "\""] {
        out.extend_from_slice(part.as_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_written_as_serde_json_writes_them() {
        for s in [
            "283.1亿元",
            "",
            "say \"1345\"",
            "back\\slash",
            "tab\there",
            "line\nend",
            "\u{7f}\u{1f}",
            "“三个一批”",
        ] {
            let mut written = Vec::new();
            string(&mut written, s);
            assert_eq!(written, serde_json::to_vec(s).unwrap(), "{s:?}");
        }
    }
}
