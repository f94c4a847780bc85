//! Everything the command line prints passes through here, so no text from a report can drive
//! the terminal (see [`crate::text::escape`]): [`stdout`] escapes as it writes, [`warn`] prints
//! one escaped line on stderr.

use std::fmt::Display;
use std::io::{self, BufWriter, StdoutLock, Write};

use crate::text::escape::{escaped, is_unsafe};

/// How unsafe characters are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// `\u{1b}`, for text, tables and CSV.
    Text,
    /// `\u001b`, valid inside a JSON string (the only place JSON can hold such a character).
    Json,
}

/// A writer that escapes every unsafe character of the UTF-8 text written through it, and
/// every byte that is not UTF-8, before it reaches `inner`.
pub struct SafeWriter<W: Write> {
    inner: W,
    style: Style,
    /// The start of a character split across two writes.
    pending: Vec<u8>,
}

impl<W: Write> SafeWriter<W> {
    /// Escape what is written to `inner` in `style`.
    pub fn new(inner: W, style: Style) -> SafeWriter<W> {
        SafeWriter {
            inner,
            style,
            pending: Vec::new(),
        }
    }

    /// Write `code` unescaped: only for the colour codes this program makes itself (never for
    /// text from a report or a file name).
    pub fn raw(&mut self, code: &str) -> io::Result<()> {
        self.inner.write_all(code.as_bytes())
    }

    fn write_str(&mut self, text: &str) -> io::Result<()> {
        match self.style {
            Style::Text => self.inner.write_all(escaped(text).as_bytes()),
            Style::Json if !text.chars().any(is_unsafe) => self.inner.write_all(text.as_bytes()),
            Style::Json => {
                let mut out = String::with_capacity(text.len() + 16);
                for c in text.chars() {
                    if is_unsafe(c) {
                        out.push_str(&format!("\\u{:04x}", u32::from(c)));
                    } else {
                        out.push(c);
                    }
                }
                self.inner.write_all(out.as_bytes())
            }
        }
    }
}

impl<W: Write> Write for SafeWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let joined;
        let mut bytes: &[u8] = if self.pending.is_empty() {
            buf
        } else {
            self.pending.extend_from_slice(buf);
            joined = std::mem::take(&mut self.pending);
            &joined
        };
        loop {
            match std::str::from_utf8(bytes) {
                Ok(text) => {
                    self.write_str(text)?;
                    return Ok(buf.len());
                }
                Err(error) => {
                    let (valid, rest) = bytes.split_at(error.valid_up_to());
                    // Valid up to here, so this cannot fail (and costs a pass only on bad bytes).
                    self.write_str(std::str::from_utf8(valid).unwrap_or_default())?;
                    match error.error_len() {
                        None => {
                            self.pending = rest.to_vec();
                            return Ok(buf.len());
                        }
                        Some(len) => {
                            for byte in &rest[..len] {
                                write!(self.inner, "\\x{byte:02x}")?;
                            }
                            bytes = &rest[len..];
                        }
                    }
                }
            }
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Standard output, buffered, escaping in `style`.
pub fn stdout(style: Style) -> SafeWriter<BufWriter<StdoutLock<'static>>> {
    SafeWriter::new(BufWriter::new(io::stdout().lock()), style)
}

/// Print `baogao: MESSAGE` on stderr, escaped (messages name files and quote reports).
pub fn warn(message: impl Display) {
    eprintln!("baogao: {}", escaped(&message.to_string()));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn through(style: Style, pieces: &[&[u8]]) -> String {
        let mut writer = SafeWriter::new(Vec::new(), style);
        for piece in pieces {
            writer.write_all(piece).unwrap();
        }
        String::from_utf8(writer.inner).unwrap()
    }

    #[test]
    fn controls_are_escaped_even_when_split_across_writes() {
        let hostile = "增长\u{1b}]52;c;SGk=\u{7}\u{202e}".as_bytes();
        let (a, b) = hostile.split_at(2);
        let text = through(Style::Text, &[a, b]);
        assert_eq!(text, "增长\\u{1b}]52;c;SGk=\\u{7}\\u{202e}");
        let json = through(Style::Json, &[b"\"", hostile, b"\""]);
        let back: String = serde_json::from_str(&json).unwrap();
        assert_eq!(back.as_bytes(), hostile);
        assert!(!json.contains('\u{202e}'));
        assert_eq!(through(Style::Text, &[b"a\x9bb"]), "a\\x9bb");
    }
}
