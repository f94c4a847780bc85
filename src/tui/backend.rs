//! A backend that does not move the cursor after every Chinese character.
//!
//! ratatui's crossterm backend (0.1.2) moves the cursor before any cell that does not follow
//! the cell before it by one column; after a double-width character the next cell is two
//! columns on, so every ideograph of a frame was followed by a cursor move (`ESC[3;83H`, seven
//! or eight bytes for a three-byte character): a first frame of Chinese text at 160×45 took
//! 18 KB. The terminal's cursor is already there, as ratatui upstream now also assumes
//! (ratatui#2721). [`WideAware`] hands the backend an empty cell in the covered column, in the
//! wide character's style, so it sees the next cell as adjacent and writes nothing for the
//! empty one. Only characters every terminal draws two columns wide are treated so (CJK
//! ideographs, punctuation and full-width forms, kana, Hangul); after anything else the cursor
//! is moved as before.

use std::borrow::Cow;

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};

/// A backend passing everything to `B`, drawing wide characters without a cursor move after
/// each.
#[derive(Debug)]
pub struct WideAware<B>(pub B);

/// Whether `symbol` is one character that all terminals draw two columns wide.
fn surely_wide(symbol: &str) -> bool {
    let mut chars = symbol.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return false;
    };
    matches!(
        u32::from(c),
        0x2E80..=0x303E
            | 0x3041..=0x33FF
            | 0x3400..=0x4DBF
            | 0x4E00..=0x9FFF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF01..=0xFF60
            | 0xFFE0..=0xFFE6
            | 0x20000..=0x3FFFD
    )
}

/// The cells to draw: `content`, with an empty cell after each surely wide character that the
/// next cell follows directly.
fn with_covered_cells<'a>(
    content: impl Iterator<Item = (u16, u16, &'a Cell)>,
) -> Vec<(u16, u16, Cow<'a, Cell>)> {
    let mut cells: Vec<(u16, u16, Cow<'a, Cell>)> = Vec::new();
    for (x, y, cell) in content {
        if let Some((last_x, last_y, last)) = cells.last()
            && *last_y == y
            && x == last_x.saturating_add(2)
            && surely_wide(last.symbol())
        {
            let mut covered = last.as_ref().clone();
            covered.set_symbol("");
            cells.push((x - 1, y, Cow::Owned(covered)));
        }
        cells.push((x, y, Cow::Borrowed(cell)));
    }
    cells
}

impl<B: Backend> Backend for WideAware<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let cells = with_covered_cells(content);
        self.0
            .draw(cells.iter().map(|(x, y, cell)| (*x, *y, cell.as_ref())))
    }

    fn append_lines(&mut self, n: u16) -> Result<(), Self::Error> {
        self.0.append_lines(n)
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.0.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.0.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.0.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.0.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.0.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.0.clear_region(clear_type)
    }

    fn size(&self) -> Result<Size, Self::Error> {
        self.0.size()
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.0.window_size()
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.0.flush()
    }
}

/// Bytes written straight to the terminal (the clipboard's escape sequence) pass through.
impl<B: std::io::Write> std::io::Write for WideAware<B> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.write(bytes)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        std::io::Write::flush(&mut self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::Terminal;
    use ratatui::backend::CrosstermBackend;
    use ratatui::style::{Color, Style};
    use ratatui::text::{Line, Span};

    const COLS: u16 = 40;
    const ROWS: u16 = 6;

    /// Lines mixing ideographs, punctuation, ASCII, styles, an emoji and a combining mark.
    fn sample() -> Vec<Line<'static>> {
        vec![
            Line::from("一、2024年工作回顾：地区生产总值增长5.2%"),
            Line::from(vec![
                Span::raw("全年"),
                Span::styled("完成投资1200亿元", Style::new().fg(Color::Yellow)),
                Span::raw("，同比增长"),
                Span::styled("8%", Style::new().bg(Color::Blue)),
            ]),
            Line::from("ｅｍｏｊｉ 😀 next, e\u{301}, ＡＢＣ。。"),
            Line::from("（一）坚持稳中求进"),
        ]
    }

    /// The bytes a terminal receives for drawing `lines` over `before` (a frame drawn first).
    fn frame_bytes(wide_aware: bool, before: &[Line<'static>], lines: &[Line<'static>]) -> Vec<u8> {
        fn draw<B: Backend>(terminal: &mut Terminal<B>, lines: &[Line<'static>]) {
            terminal
                .draw(|frame| {
                    for (row, line) in lines.iter().enumerate() {
                        let area = frame.area();
                        frame.buffer_mut().set_line(0, row as u16, line, area.width);
                    }
                })
                .expect("drawn");
        }
        let mut out = Vec::new();
        let backend = CrosstermBackend::new(&mut out);
        let viewport = ratatui::TerminalOptions {
            viewport: ratatui::Viewport::Fixed(ratatui::layout::Rect::new(0, 0, COLS, ROWS)),
        };
        if wide_aware {
            let mut terminal = Terminal::with_options(WideAware(backend), viewport).unwrap();
            draw(&mut terminal, before);
            draw(&mut terminal, lines);
        } else {
            let mut terminal = Terminal::with_options(backend, viewport).unwrap();
            draw(&mut terminal, before);
            draw(&mut terminal, lines);
        }
        out
    }

    fn screen(bytes: &[u8]) -> vt100::Parser {
        let mut parser = vt100::Parser::new(ROWS, COLS, 0);
        parser.process(bytes);
        parser
    }

    #[test]
    fn the_screen_is_the_same_and_the_bytes_fewer() {
        let plain = frame_bytes(false, &[], &sample());
        let aware = frame_bytes(true, &[], &sample());
        assert_eq!(
            screen(&aware).screen().contents_formatted(),
            screen(&plain).screen().contents_formatted()
        );
        assert!(
            aware.len() * 3 < plain.len() * 2,
            "{} bytes against {}",
            aware.len(),
            plain.len()
        );
    }

    #[test]
    fn a_frame_drawn_over_another_is_the_same_too() {
        // Only some cells change: runs of changed wide characters among unchanged ones.
        let before = sample();
        let mut after = sample();
        after[0] = Line::from("一、2025年工作回顾：地区生产总值增长5.4%");
        after[3] = Line::from("（二）坚持稳中求进");
        let plain = frame_bytes(false, &before, &after);
        let aware = frame_bytes(true, &before, &after);
        assert_eq!(
            screen(&aware).screen().contents_formatted(),
            screen(&plain).screen().contents_formatted()
        );
        assert!(
            screen(&aware)
                .screen()
                .contents()
                .contains("2025年工作回顾")
        );
    }

    #[test]
    fn ideographs_follow_each_other_without_a_cursor_move() {
        let bytes = frame_bytes(true, &[], &[Line::from("坚持稳中求进")]);
        let text = String::from_utf8(bytes).unwrap();
        assert!(text.contains("坚持稳中求进"), "{text:?}");
    }

    #[test]
    fn only_characters_every_terminal_draws_wide_count() {
        assert!(surely_wide("中"));
        assert!(surely_wide("，"));
        assert!(surely_wide("、"));
        assert!(!surely_wide("😀"));
        assert!(!surely_wide("a"));
        assert!(!surely_wide("“"));
        assert!(!surely_wide("e\u{301}"));
    }
}
