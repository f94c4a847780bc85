//! Where a target's clause starts and ends on its line: at `，；。：` and their ASCII forms
//! (`、` chains items of one clause and does not cut it).

/// Whether `c` ends a clause.
pub(super) fn cuts(c: char) -> bool {
    matches!(
        c,
        '，' | ',' | '；' | ';' | '。' | '：' | ':' | '！' | '!' | '？' | '?'
    )
}

/// The byte range of the clause of `content` around `at..end` (byte offsets in `content`).
pub(super) fn around(content: &str, at: usize, end: usize) -> std::ops::Range<usize> {
    let start = content[..at]
        .char_indices()
        .rev()
        .find(|&(_, c)| cuts(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let stop = content[end..]
        .char_indices()
        .find(|&(_, c)| cuts(c))
        .map_or(content.len(), |(i, _)| end + i);
    start..stop
}

/// The clause that follows the one ending at `end` (`end` is where the cutter stands).
pub(super) fn next(content: &str, end: usize) -> Option<std::ops::Range<usize>> {
    let cutter = content[end..].chars().next()?;
    // A sentence end closes the target's say.
    if matches!(cutter, '。' | '；' | ';' | '：' | ':') {
        return None;
    }
    let start = end + cutter.len_utf8();
    (start < content.len()).then(|| around(content, start, start))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clauses_cut_at_commas_not_at_enumeration_commas() {
        let line =
            "主要预期目标是：地区生产总值增长5%左右、努力争取更好结果，城镇新增就业120万人。";
        let at = line.find("5%").unwrap();
        let clause = around(line, at, at + 2);
        assert_eq!(
            &line[clause.clone()],
            "地区生产总值增长5%左右、努力争取更好结果"
        );
        let next = next(line, clause.end).unwrap();
        assert_eq!(&line[next], "城镇新增就业120万人");
    }
}
