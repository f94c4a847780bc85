//! Turning a file's bytes into text: byte-order marks, UTF-8, UTF-16 (with a BOM or, found by
//! its NUL bytes, without), GB18030, the common encoding of Chinese government files, and Big5
//! (see the private `sniff` module), and refusing what is not text at all.
//!
//! The order of the checks matters. A BOM is trusted first. Then UTF-8, which almost never
//! validates by accident. A file that is UTF-8 but for a few damaged bytes is kept as UTF-8 (the
//! damage replaced by U+FFFD and reported), since reading it as GB18030 would garble every
//! character. Only then GB18030, which must decode without a single error. NUL bytes outside
//! UTF-16, or a decoded text full of control characters, mean a binary file.

mod sniff;

use encoding_rs::{Encoding, GB18030, UTF_8};

/// Text decoded from a file's bytes.
#[derive(Debug)]
pub struct Decoded {
    /// The text, BOM removed; line ends are left as they were.
    pub text: String,
    /// The name of the encoding it was read as (`UTF-8`, `UTF-16LE`, `UTF-16BE`, `GB18030`).
    pub encoding: &'static str,
    /// Damaged byte sequences replaced by U+FFFD, with the 1-based line of the first; 0 when the
    /// file was clean.
    pub replaced: usize,
    /// The 1-based line of the first replaced sequence (meaningful when `replaced > 0`).
    pub first_damage_line: usize,
    /// Lines the source marks as headings (a Word file's heading styles and bold paragraphs);
    /// empty for plain text, whose headings are known only by how they read.
    pub headings: Vec<super::outline::HeadingHint>,
}

/// Why bytes could not be read as text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// Zero bytes, or nothing but whitespace.
    #[error("empty file")]
    Empty,
    /// NUL bytes or control characters: not a text file.
    #[error("binary file, not text ({0})")]
    Binary(String),
    /// Text in no supported encoding.
    #[error(
        "not text in a supported encoding (UTF-8, UTF-16, GB18030, Big5): invalid byte 0x{byte:02X} at offset {offset}"
    )]
    Undecodable {
        /// The first byte that fits no encoding.
        byte: u8,
        /// Its offset in the file.
        offset: usize,
    },
}

/// At most one damaged sequence per this many bytes is UTF-8 with a few bad bytes, whatever else
/// the bytes might decode as.
const BARELY_DAMAGED: usize = 1000;
/// How many characters are sampled for control characters.
const SAMPLE_CHARS: usize = 1024;
/// At most one damaged sequence per this many bytes is still UTF-8 when GB18030 fails too.
const MOSTLY_UTF8: usize = 8;

/// Decode `bytes`, taking ownership so that valid UTF-8 (the common case) is not copied.
pub fn decode(mut bytes: Vec<u8>) -> Result<Decoded, DecodeError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(DecodeError::Empty);
    }
    match Encoding::for_bom(&bytes) {
        Some((encoding, bom_len)) if encoding == UTF_8 => {
            bytes.drain(..bom_len);
            decode_unmarked(bytes)
        }
        Some((encoding, bom_len)) => decode_with_bom(&bytes, encoding, bom_len),
        None => decode_unmarked(bytes),
    }
}

/// Bytes without a BOM: UTF-8, damaged UTF-8, GB18030, or nothing.
fn decode_unmarked(bytes: Vec<u8>) -> Result<Decoded, DecodeError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(DecodeError::Empty);
    }
    if let Some(at) = memchr::memchr(0, &bytes) {
        if let Some((text, encoding)) = sniff::utf16_unmarked(&bytes) {
            return checked(text, encoding, 0, 0);
        }
        return Err(DecodeError::Binary(format!("NUL byte at offset {at}")));
    }
    let bytes = match utf8_string(bytes) {
        Ok(text) => return checked(text, "UTF-8", 0, 0),
        Err(bytes) => bytes,
    };
    // Counting damage costs a pass per sequence, so count only as far as each question needs:
    // first whether the damage is slight, and only if GB18030 fails too whether it is moderate.
    let (mut damaged, mut first) = utf8_damage(&bytes, bytes.len() / BARELY_DAMAGED);
    let barely_damaged = damaged * BARELY_DAMAGED <= bytes.len();
    let gb18030 = if barely_damaged {
        None
    } else {
        GB18030.decode_without_bom_handling_and_without_replacement(&bytes)
    };
    if !barely_damaged && gb18030.is_none() {
        (damaged, first) = utf8_damage(&bytes, bytes.len() / MOSTLY_UTF8);
    }
    if barely_damaged || (gb18030.is_none() && damaged * MOSTLY_UTF8 <= bytes.len()) {
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let line = 1 + memchr::memchr_iter(b'\n', &bytes[..first]).count();
        return checked(text, "UTF-8", damaged, line);
    }
    match gb18030 {
        Some(text) => match sniff::big5(&bytes) {
            Some(big5) => checked(big5, "Big5", 0, 0),
            None => checked(text.into_owned(), "GB18030", 0, 0),
        },
        None => match sniff::big5(&bytes) {
            Some(big5) => checked(big5, "Big5", 0, 0),
            None => Err(undecodable(&bytes)),
        },
    }
}

fn decode_with_bom(
    bytes: &[u8],
    encoding: &'static Encoding,
    bom_len: usize,
) -> Result<Decoded, DecodeError> {
    let body = &bytes[bom_len..];
    match encoding.decode_without_bom_handling_and_without_replacement(body) {
        Some(text) if text.trim().is_empty() => Err(DecodeError::Empty),
        Some(text) => checked(text.into_owned(), encoding.name(), 0, 0),
        None if body.len() % 2 == 1 => Err(DecodeError::Binary(format!(
            "{} BOM but an odd number of bytes",
            encoding.name()
        ))),
        None => Err(DecodeError::Binary(format!(
            "{} BOM but unpaired surrogates",
            encoding.name()
        ))),
    }
}

/// `bytes` as a `String` when they are valid UTF-8, without copying them. Validation is the
/// largest single cost of loading (a full pass over every byte), so it uses `simdutf8`, several
/// times faster than the standard library's on Chinese text.
pub fn utf8_string(bytes: Vec<u8>) -> Result<String, Vec<u8>> {
    if simdutf8::basic::from_utf8(&bytes).is_err() {
        return Err(bytes);
    }
    // SAFETY: simdutf8 has just validated every byte as UTF-8.
    #[allow(unsafe_code)]
    Ok(unsafe { String::from_utf8_unchecked(bytes) })
}

/// Refuse decoded text that is mostly control characters (a binary file that happened to decode).
fn checked(
    text: String,
    encoding: &'static str,
    replaced: usize,
    first_damage_line: usize,
) -> Result<Decoded, DecodeError> {
    let (chars, controls) = count_controls(&text);
    if controls * 20 > chars {
        return Err(DecodeError::Binary(format!(
            "{controls} control characters in the first {chars} characters"
        )));
    }
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    let mut text = text;
    if text.capacity() > text.len() + text.len() / 8 {
        text.shrink_to_fit();
    }
    Ok(Decoded {
        text,
        encoding,
        replaced,
        first_damage_line,
        headings: Vec::new(),
    })
}

/// How many control characters other than line ends, tabs and form feeds the first
/// [`SAMPLE_CHARS`] characters of `text` hold, and (when there is one) how many characters
/// those are. Read byte by byte (every file goes through this): a C0 control or DEL is one
/// byte, a C1 control (U+0080–U+009F) is `0xC2` and a byte below `0xA0`, and every character
/// starts with a byte that is not a continuation byte.
fn count_controls(text: &str) -> (usize, usize) {
    let bytes = text.as_bytes();
    // The sample's characters lie in its first 4 bytes a character; most files have no byte
    // there that could start a control character.
    let sample = &bytes[..bytes.len().min(SAMPLE_CHARS * 4)];
    // Branch-free, so that it runs many bytes at a time.
    let suspicious = sample.iter().fold(false, |any, &byte| {
        let c0 =
            (byte < 0x20) & (byte != b'\n') & (byte != b'\r') & (byte != b'\t') & (byte != 0x0C);
        any | c0 | (byte == 0x7F) | (byte == 0xC2)
    });
    if !suspicious {
        // No control character: how many characters there are does not matter.
        return (0, 0);
    }
    let (mut chars, mut controls) = (0usize, 0usize);
    for (at, &byte) in bytes.iter().enumerate() {
        if byte & 0xC0 == 0x80 {
            continue;
        }
        if chars == SAMPLE_CHARS {
            break;
        }
        chars += 1;
        let c0 = (byte < 0x20 && !matches!(byte, b'\n' | b'\r' | b'\t' | 0x0C)) || byte == 0x7F;
        let c1 = byte == 0xC2 && bytes.get(at + 1).is_some_and(|&next| next < 0xA0);
        controls += usize::from(c0 || c1);
    }
    (chars, controls)
}

/// How many invalid UTF-8 sequences `bytes` holds, and the offset of the first. Counting stops
/// once the count passes `limit` (all the caller needs to know is that it did).
fn utf8_damage(bytes: &[u8], limit: usize) -> (usize, usize) {
    let mut count = 0;
    let mut first = None;
    let mut offset = 0;
    for chunk in bytes.utf8_chunks() {
        offset += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            count += 1;
            first.get_or_insert(offset);
            if count > limit {
                break;
            }
        }
        offset += chunk.invalid().len();
    }
    (count, first.unwrap_or(0))
}

/// The first byte GB18030 cannot decode, for the error message.
fn undecodable(bytes: &[u8]) -> DecodeError {
    let mut decoder = GB18030.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(bytes.len() * 3 + 16);
    let mut offset = 0;
    loop {
        let (result, read) =
            decoder.decode_to_string_without_replacement(&bytes[offset..], &mut out, true);
        offset += read;
        match result {
            encoding_rs::DecoderResult::Malformed(len, extra) => {
                let at = offset.saturating_sub(len as usize + extra as usize);
                return DecodeError::Undecodable {
                    byte: bytes.get(at).copied().unwrap_or(0),
                    offset: at,
                };
            }
            encoding_rs::DecoderResult::OutputFull => out.reserve(bytes.len()),
            encoding_rs::DecoderResult::InputEmpty => {
                return DecodeError::Undecodable {
                    byte: 0,
                    offset: bytes.len(),
                };
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "政府工作报告\n一、2022年工作回顾\n全县生产总值完成283.1亿元。\n";

    proptest::proptest! {
        #[test]
        fn control_count_by_bytes_is_the_count_by_characters(
            text in "([\\x00-\\x{c0}]|[一-龥]|\\x{10000}|\\x{feff}){0,1200}"
        ) {
            let mut chars = 0;
            let mut controls = 0;
            for c in text.chars().take(SAMPLE_CHARS) {
                chars += 1;
                controls +=
                    usize::from(c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'));
            }
            let (counted, found) = count_controls(&text);
            proptest::prop_assert_eq!(found, controls);
            if found > 0 {
                proptest::prop_assert_eq!(counted, chars);
            }
        }
    }

    #[test]
    fn utf8_with_and_without_bom() {
        let plain = decode(SAMPLE.as_bytes().to_vec()).unwrap();
        assert_eq!((plain.text.as_str(), plain.encoding), (SAMPLE, "UTF-8"));
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(SAMPLE.as_bytes());
        assert_eq!(decode(bom).unwrap().text, SAMPLE);
    }

    #[test]
    fn gb18030_and_utf16() {
        let gb = GB18030.encode(SAMPLE).0.into_owned();
        let decoded = decode(gb).unwrap();
        assert_eq!(
            (decoded.text.as_str(), decoded.encoding),
            (SAMPLE, "GB18030")
        );
        let mut le = vec![0xFF, 0xFE];
        le.extend(SAMPLE.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(le).unwrap().encoding, "UTF-16LE");
        let mut be = vec![0xFE, 0xFF];
        be.extend(SAMPLE.encode_utf16().flat_map(u16::to_be_bytes));
        let decoded = decode(be).unwrap();
        assert_eq!(
            (decoded.text.as_str(), decoded.encoding),
            (SAMPLE, "UTF-16BE")
        );
    }

    #[test]
    fn damaged_utf8_is_kept_and_counted() {
        let mut bytes = SAMPLE.repeat(20).into_bytes();
        let line_four = SAMPLE.len();
        bytes.splice(line_four..line_four, [0xFF, 0xFE]);
        let decoded = decode(bytes).unwrap();
        assert_eq!(decoded.encoding, "UTF-8");
        assert_eq!(decoded.replaced, 2);
        assert_eq!(decoded.first_damage_line, 4);
        assert!(decoded.text.contains('\u{FFFD}'));
    }

    #[test]
    fn refusals() {
        assert_eq!(decode(Vec::new()).unwrap_err(), DecodeError::Empty);
        assert_eq!(decode(b" \n\r\n".to_vec()).unwrap_err(), DecodeError::Empty);
        assert!(matches!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec()).unwrap_err(),
            DecodeError::Binary(_)
        ));
        assert_eq!(
            decode(b"ab\xFF\xFFcd\xFF".to_vec()).unwrap_err(),
            DecodeError::Undecodable {
                byte: 0xFF,
                offset: 2
            }
        );
        assert!(matches!(
            decode(vec![0xFF, 0xFE, 0x41]).unwrap_err(),
            DecodeError::Binary(_)
        ));
        let controls: Vec<u8> = (1u8..8).cycle().take(400).collect();
        assert!(matches!(
            decode(controls).unwrap_err(),
            DecodeError::Binary(_)
        ));
    }
}
