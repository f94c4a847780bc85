//! Telling apart encodings that decode without error as something else: UTF-16 without a BOM
//! (which has NUL bytes, so would be called binary) and Big5 (which GB18030 accepts, garbling
//! every character).

use encoding_rs::{BIG5, UTF_16BE, UTF_16LE};

/// The share of double-byte characters whose second byte is in `0x40..=0x7E` above which
/// GB18030-valid bytes are Big5: Big5 puts about two fifths of common characters there, while
/// GB18030's common characters (GB2312's) never do.
const BIG5_LOW_TRAILS: f64 = 0.2;

/// `bytes` as UTF-16 without a BOM: even in length, with NUL bytes (the high byte of ASCII,
/// and of a few CJK characters), decoding without error to plausible text in one byte order —
/// the one with more NULs in second place (little-endian) tried first. The text and encoding's
/// name.
pub fn utf16_unmarked(bytes: &[u8]) -> Option<(String, &'static str)> {
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in bytes.chunks_exact(2) {
        even += usize::from(pair[0] == 0);
        odd += usize::from(pair[1] == 0);
    }
    let order = if odd >= even {
        [UTF_16LE, UTF_16BE]
    } else {
        [UTF_16BE, UTF_16LE]
    };
    order.into_iter().find_map(|encoding| {
        let text = encoding.decode_without_bom_handling_and_without_replacement(bytes)?;
        plausible(&text).then(|| (text.into_owned(), encoding.name()))
    })
}

/// Whether text decoded from a guess reads as text: nearly every character is ASCII text,
/// Latin-1, general punctuation and symbols, or CJK (characters, punctuation, full-width forms).
fn plausible(text: &str) -> bool {
    let (mut chars, mut readable) = (0usize, 0usize);
    for c in text.chars().take(4096) {
        chars += 1;
        readable += usize::from(
            c.is_ascii_graphic()
                || c.is_whitespace()
                || matches!(
                    c,
                    '\u{00A0}'..='\u{00FF}'
                        | '\u{2000}'..='\u{27BF}'
                        | '\u{2E80}'..='\u{9FFF}'
                        | '\u{F900}'..='\u{FAFF}'
                        | '\u{FE30}'..='\u{FE4F}'
                        | '\u{FF00}'..='\u{FFEF}'
                ),
        );
    }
    chars > 0 && readable * 10 >= chars * 9
}

/// `bytes`, which GB18030 decodes, as Big5 when they look like it: decoding without error,
/// with many double-byte characters whose second byte GB2312 never uses.
pub fn big5(bytes: &[u8]) -> Option<String> {
    let (mut pairs, mut low) = (0usize, 0usize);
    let mut at = 0;
    while at < bytes.len() {
        let byte = bytes[at];
        if byte < 0x80 {
            at += 1;
            continue;
        }
        match bytes.get(at + 1) {
            // A GB18030 four-byte sequence: not Big5.
            Some(next) if next.is_ascii_digit() => return None,
            Some(&next) => {
                pairs += 1;
                low += usize::from((0x40..=0x7E).contains(&next));
                at += 2;
            }
            None => break,
        }
    }
    if pairs == 0 || (low as f64) < BIG5_LOW_TRAILS * pairs as f64 {
        return None;
    }
    let text = BIG5.decode_without_bom_handling_and_without_replacement(bytes)?;
    plausible(&text).then(|| text.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRADITIONAL: &str = "政府工作報告\n一、過去一年工作回顧\n全縣生產總值完成283.1億元，同比增長5.2%。\
        堅持穩中求進工作總基調，經濟運行總體平穩，民生福祉持續增進。\n";
    const SIMPLIFIED: &str = "政府工作报告\n一、过去一年工作回顾\n全县生产总值完成283.1亿元，同比增长5.2%。\
        坚持稳中求进工作总基调，经济运行总体平稳，民生福祉持续增进。\n";

    #[test]
    fn big5_is_told_from_gb18030() {
        let (bytes, _, errors) = BIG5.encode(TRADITIONAL);
        assert!(!errors);
        assert_eq!(big5(&bytes).as_deref(), Some(TRADITIONAL));
        let (gb, _, _) = encoding_rs::GB18030.encode(SIMPLIFIED);
        assert_eq!(big5(&gb), None);
        let (gb_traditional, _, _) = encoding_rs::GB18030.encode(TRADITIONAL);
        assert_eq!(big5(&gb_traditional), None);
    }

    #[test]
    fn utf16_without_a_bom_is_found_by_its_nul_bytes() {
        let le: Vec<u8> = SIMPLIFIED
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let be: Vec<u8> = SIMPLIFIED
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(
            utf16_unmarked(&le),
            Some((SIMPLIFIED.to_string(), "UTF-16LE"))
        );
        assert_eq!(
            utf16_unmarked(&be),
            Some((SIMPLIFIED.to_string(), "UTF-16BE"))
        );
        assert_eq!(utf16_unmarked(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), None);
    }
}
