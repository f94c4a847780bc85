//! Aligned plain-text tables for the headless commands, padded by display width so Chinese
//! text (two columns a character) lines up.

use std::borrow::Cow;

use unicode_truncate::UnicodeTruncateStr;
use unicode_width::UnicodeWidthStr;

/// The narrowest a column is cut to when fitting a table into a width.
pub const NARROWEST: usize = 6;

/// `cell` in at most `width` display columns, cut with `…` when wider.
fn fitted(cell: &str, width: usize) -> Cow<'_, str> {
    if cell.width() <= width {
        return Cow::Borrowed(cell);
    }
    let (cut, _) = cell.unicode_truncate(width.saturating_sub(1));
    Cow::Owned(format!("{cut}…"))
}

/// The width a table printed to standard output fits in: `width` when given (0: no limit),
/// else the terminal's width, else 80 (piped or redirected).
pub fn output_width(width: Option<usize>) -> usize {
    use std::io::IsTerminal;
    width.unwrap_or_else(|| match std::io::stdout().is_terminal() {
        true => crossterm::terminal::size().map_or(80, |(columns, _)| usize::from(columns)),
        false => 80,
    })
}

/// A table of text cells with a header row.
#[derive(Debug, Clone, Default)]
pub struct Table {
    rows: Vec<Vec<String>>,
}

impl Table {
    /// A table with these column headers.
    pub fn new<const N: usize>(headers: [&str; N]) -> Table {
        Table {
            rows: vec![headers.iter().map(|h| h.to_string()).collect()],
        }
    }

    /// Add a row.
    pub fn push<const N: usize>(&mut self, row: [String; N]) {
        self.rows.push(row.to_vec());
    }

    /// The natural width of each column: its widest cell.
    fn widths(&self) -> Vec<usize> {
        let columns = self.rows.iter().map(Vec::len).max().unwrap_or(0);
        (0..columns)
            .map(|c| {
                self.rows
                    .iter()
                    .filter_map(|r| r.get(c))
                    .map(|cell| cell.width())
                    .max()
                    .unwrap_or(0)
            })
            .collect()
    }

    /// The width nineteen in twenty of each column's cells (the header included) fit in.
    fn usual_widths(&self) -> Vec<usize> {
        let columns = self.rows.iter().map(Vec::len).max().unwrap_or(0);
        (0..columns)
            .map(|c| {
                let mut widths: Vec<usize> = self
                    .rows
                    .iter()
                    .filter_map(|r| r.get(c))
                    .map(|cell| cell.width())
                    .collect();
                widths.sort_unstable();
                widths.get(widths.len() * 19 / 20).copied().unwrap_or(0)
            })
            .collect()
    }

    /// The table in at most `max` display columns: as [`Table::columns_within`] fits it, or,
    /// when even that is too wide, each row as a block of `header  cell` lines
    /// ([`Table::render_records`]), so a narrow terminal gets every cell rather than a table
    /// wider than it. `max` 0 means no limit.
    pub fn render_within(&self, max: usize, drop: &[usize], keep: &[usize]) -> String {
        self.columns_within(max, drop, keep)
            .unwrap_or_else(|| self.render_records(max, keep))
    }

    /// The table in at most `max` display columns, or `None` when it cannot be: columns with
    /// nothing in them left out (but for a table with no rows, whose header is its content),
    /// then the columns in `drop` (in that order) until it fits, then the widest columns not in
    /// `keep` cut with `…`, down to [`NARROWEST`] each. `max` 0 means no limit.
    pub fn columns_within(&self, max: usize, drop: &[usize], keep: &[usize]) -> Option<String> {
        let mut widths = self.widths();
        if max == 0 {
            return Some(self.render_columns(&widths));
        }
        let total = |widths: &[usize]| -> usize {
            let shown: Vec<usize> = widths.iter().copied().filter(|w| *w > 0).collect();
            shown.iter().sum::<usize>() + 2 * shown.len().saturating_sub(1)
        };
        // Width 0 hides a column (an empty one has width 0 already).
        for (column, width) in widths.iter_mut().enumerate() {
            let empty = self
                .rows
                .iter()
                .skip(1)
                .all(|r| r.get(column).is_none_or(|c| c.is_empty()));
            if empty && self.rows.len() > 1 {
                *width = 0;
            }
        }
        for &column in drop {
            if total(&widths) <= max {
                break;
            }
            if let Some(width) = widths.get_mut(column) {
                *width = 0;
            }
        }
        // First cut the rare long cells: each column down toward the width nineteen cells in twenty
        // fit in, the one furthest over first.
        let usual = self.usual_widths();
        while total(&widths) > max {
            let over = (0..widths.len())
                .filter(|c| !keep.contains(c) && widths[*c] > NARROWEST.max(usual[*c]))
                .max_by_key(|c| (widths[*c] - usual[*c], std::cmp::Reverse(*c)));
            match over {
                Some(column) => widths[column] -= 1,
                None => break,
            }
        }
        while total(&widths) > max {
            let widest = (0..widths.len())
                .filter(|c| !keep.contains(c) && widths[*c] > NARROWEST)
                .max_by_key(|c| (widths[*c], std::cmp::Reverse(*c)));
            match widest {
                Some(column) => widths[column] -= 1,
                None => break,
            }
        }
        (total(&widths) <= max).then(|| self.render_columns(&widths))
    }

    /// Each row as a block of lines, one per non-empty cell, its column's header first
    /// (`地区  民权县`), blocks parted by a blank line: cells cut with `…` to fit `max` columns,
    /// but those in `keep` (and none below [`NARROWEST`]).
    fn render_records(&self, max: usize, keep: &[usize]) -> String {
        let Some((headers, rows)) = self.rows.split_first() else {
            return String::new();
        };
        let label = headers.iter().map(|h| h.width()).max().unwrap_or(0);
        let room = max.saturating_sub(label + 2).max(NARROWEST);
        let mut out = String::new();
        for (n, row) in rows.iter().enumerate() {
            if n > 0 {
                out.push('\n');
            }
            for (column, cell) in row.iter().enumerate() {
                if cell.is_empty() {
                    continue;
                }
                let header = headers.get(column).map_or("", String::as_str);
                let cell = match keep.contains(&column) {
                    true => Cow::Borrowed(cell.as_str()),
                    false => fitted(cell, room),
                };
                let pad = label - header.width() + 2;
                out.push_str(&format!("{header}{:pad$}{cell}\n", ""));
            }
        }
        out
    }

    /// Render with these column widths, columns separated by two spaces and trailing spaces
    /// trimmed: a column of width 0 is left out, a cell wider than its column cut with `…`.
    fn render_columns(&self, widths: &[usize]) -> String {
        let mut out = String::new();
        for row in &self.rows {
            let mut line = String::new();
            for (cell, &width) in row.iter().zip(widths) {
                if width == 0 {
                    continue;
                }
                let cell = fitted(cell, width);
                line.push_str(&cell);
                line.extend(std::iter::repeat_n(' ', width - cell.width() + 2));
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_align_by_display_width() {
        let mut table = Table::new(["地区", "value"]);
        table.push(["民权县".into(), "8%".into()]);
        table.push(["x".into(), "283.1亿元".into()]);
        let rendered = table.render_within(0, &[], &[]);
        let lines: Vec<&str> = rendered.lines().collect();
        assert_eq!(lines[0], "地区    value");
        assert_eq!(lines[1], "民权县  8%");
        assert_eq!(lines[2], "x       283.1亿元");
    }

    #[test]
    fn a_table_fits_a_width_by_leaving_out_then_cutting_columns() {
        let mut table = Table::new(["where", "指标", "empty", "basis"]);
        table.push([
            "minquan-2023.txt:8:12".into(),
            "规模以上工业增加值增速".into(),
            String::new(),
            "annual_average".into(),
        ]);
        let natural = table.render_columns(&table.widths());
        assert_eq!(table.render_within(0, &[3], &[0]), natural);
        let fitted = table.render_within(34, &[3], &[0]);
        for line in fitted.lines() {
            assert!(line.width() <= 34, "{line}");
        }
        assert!(!fitted.contains("basis") && !fitted.contains("empty"));
        assert!(
            fitted.contains("minquan-2023.txt:8:12  规模以上工…"),
            "{fitted}"
        );
        // Too narrow for the columns even cut: a block per row, nothing but long cells cut
        // and the kept ones whole.
        let narrow = table.render_within(16, &[3], &[0]);
        let lines: Vec<&str> = narrow.lines().collect();
        assert_eq!(
            lines,
            [
                "where  minquan-2023.txt:8:12",
                "指标   规模以上…",
                "basis  annual_a…"
            ],
            "{narrow}"
        );
        table.push([
            "x.txt:1:1".into(),
            "GDP".into(),
            String::new(),
            String::new(),
        ]);
        let two = table.render_within(16, &[3], &[0]);
        assert!(two.ends_with("\n\nwhere  x.txt:1:1\n指标   GDP\n"), "{two}");
    }
}
