//! Copying a passage with its citation to the system clipboard through the terminal: the OSC 52
//! escape sequence, which terminals (and tmux, with `set-clipboard on`) pass to the clipboard,
//! so copying works over SSH and needs no X or Wayland library.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

use super::Record;
use super::cite::{citation, quoted};

/// The passage of `record` quoted, followed by its citation — what `y` copies:
///
/// ```text
/// “2022年，全县生产总值完成283.1亿元，同比增长5.2%；”
/// — 民权县人民政府县长王静娴《政府工作报告》（2023-06-26，…），一、2022年工作回顾 [minquan-2023.txt:8]
/// ```
///
/// Quotes inside the passage turn one level in (“十四五” becomes ‘十四五’).
pub fn cited_text(record: &Record) -> String {
    let passage: Vec<&str> = record
        .text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    format!("{}\n{}", quoted(&passage.join("\n")), citation(record))
}

/// The OSC 52 sequence that puts `text` on the system clipboard when written to the terminal.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", STANDARD.encode(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record() -> Record {
        Record {
            report: "民权县 2023 政府工作报告".into(),
            file: "minquan-2023.txt".into(),
            section: "一、2022年工作回顾".into(),
            line_start: 7,
            line_end: 8,
            text: "全县“生产总值”完成283.1亿元，\n  同比增长5.2%；".into(),
            issuer: Some("民权县人民政府".into()),
            speaker: Some("王静娴".into()),
            office: Some("县长".into()),
            ..Record::default()
        }
    }

    #[test]
    fn the_copied_text_quotes_the_passage_and_cites_its_source() {
        let text = cited_text(&record());
        assert_eq!(
            text,
            "“全县‘生产总值’完成283.1亿元，\n同比增长5.2%；”\n— 民权县人民政府县长王静娴《政府工作报告》，一、2022年工作回顾 [minquan-2023.txt:7–8]"
        );
    }

    #[test]
    fn osc52_wraps_the_base64_of_the_utf8_text() {
        let sequence = osc52("生产总值");
        let payload = sequence
            .strip_prefix("\x1b]52;c;")
            .and_then(|s| s.strip_suffix('\x07'))
            .expect("an OSC 52 sequence");
        let decoded = STANDARD.decode(payload).unwrap();
        assert_eq!(String::from_utf8(decoded).unwrap(), "生产总值");
    }
}
