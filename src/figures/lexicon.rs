//! Word lists as data: plain files under `assets/lexicon/`, one word a line, `#` comments and
//! blank lines ignored, compiled into the binary and read once. Each file holds simplified
//! forms only; the traditional forms are derived from one simplified↔traditional table
//! (`assets/lexicon/traditional.txt`), so a list is written once.

use std::collections::HashMap;
use std::sync::LazyLock;

/// A fault in a word list, with its file and 1-based line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {reason}")]
pub struct LexiconError {
    /// The list's file name under `assets/lexicon/`.
    pub file: String,
    /// The 1-based line.
    pub line: usize,
    /// What is wrong there.
    pub reason: String,
}

/// The words of a list file's `text`, in order: one a line, `#` starts a comment. A line with
/// inner whitespace, or a word listed twice, is an error at its line.
pub fn parse(file: &str, text: &str) -> Result<Vec<String>, LexiconError> {
    let mut words: Vec<String> = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let error = |reason: String| LexiconError {
            file: file.to_string(),
            line: index + 1,
            reason,
        };
        let word = line.split('#').next().unwrap_or("").trim();
        if word.is_empty() {
            continue;
        }
        if word.contains(char::is_whitespace) {
            return Err(error(format!("one word a line, found `{word}`")));
        }
        if words.iter().any(|w| w == word) {
            return Err(error(format!("{word} is listed twice")));
        }
        words.push(word.to_string());
    }
    Ok(words)
}

/// Simplified → traditional, one pair a line (`实 實`), from `assets/lexicon/traditional.txt`.
static TRADITIONAL: LazyLock<HashMap<char, char>> = LazyLock::new(|| {
    let text = include_str!("../../assets/lexicon/traditional.txt");
    let mut table = HashMap::new();
    for (index, line) in text.lines().enumerate() {
        let pair = line.split('#').next().unwrap_or("").trim();
        if pair.is_empty() {
            continue;
        }
        let chars: Vec<char> = pair.chars().filter(|c| !c.is_whitespace()).collect();
        match chars[..] {
            [simplified, traditional] => {
                table.insert(simplified, traditional);
            }
            _ => panic!("traditional.txt:{}: expected `简 繁`", index + 1),
        }
    }
    table
});

/// `word` in traditional characters (the same string when no character differs).
pub fn traditional(word: &str) -> String {
    word.chars()
        .map(|c| TRADITIONAL.get(&c).copied().unwrap_or(c))
        .collect()
}

/// The words of a compiled-in list, each with its traditional form when that differs. A list
/// is part of the program: a fault in it is a bug, caught by the tests that load every list.
pub fn load(file: &str, text: &str) -> Vec<&'static str> {
    let words = parse(file, text).unwrap_or_else(|e| panic!("{e}"));
    let mut out: Vec<&'static str> = Vec::new();
    for word in words {
        let traditional = traditional(&word);
        if traditional != word && !out.contains(&traditional.as_str()) {
            out.push(Box::leak(traditional.into_boxed_str()));
        }
        out.push(Box::leak(word.into_boxed_str()));
    }
    out
}

/// The simplified form, in `list` (as [`load`] gives it), of `word`: the word itself when it is
/// simplified, the simplified word whose traditional form it is otherwise; `None` when the list
/// holds neither.
pub fn simplified(list: &[&'static str], word: &str) -> Option<&'static str> {
    list.iter()
        .copied()
        .find(|&w| w != word && traditional(w) == word)
        .or_else(|| list.iter().copied().find(|&w| w == word))
}

/// Every word of `lists` (as [`load`] gives them) with its simplified form, built once so that
/// finding a word's simplified form is a look-up, not a conversion of the list's every word.
pub fn simplified_forms(lists: &[&[&'static str]]) -> HashMap<&'static str, &'static str> {
    let mut forms = HashMap::new();
    for &word in lists.iter().flat_map(|list| list.iter()) {
        forms.entry(word).or_insert(word);
    }
    for &word in lists.iter().flat_map(|list| list.iter()) {
        let traditional = traditional(word);
        if traditional != word
            && let Some((&written, _)) = forms.get_key_value(traditional.as_str())
        {
            forms.insert(written, word);
        }
    }
    forms
}

/// A list of `assets/lexicon/NAME.txt`, loaded once.
macro_rules! list {
    ($name:literal) => {{
        static WORDS: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
            $crate::figures::lexicon::load(
                concat!($name, ".txt"),
                include_str!(concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/assets/lexicon/",
                    $name,
                    ".txt"
                )),
            )
        });
        WORDS.as_slice()
    }};
}
pub(crate) use list;

/// A list of `assets/lexicon/NAME.txt` grouped by its words' first character
/// ([`Affixes`](super::words::Affixes)), built once: whether a text starts with one of the
/// words costs a look-up and a comparison or two, not a pass over the list.
macro_rules! by_first {
    ($name:literal) => {{
        static TABLE: std::sync::LazyLock<$crate::figures::words::Affixes> =
            std::sync::LazyLock::new(|| {
                $crate::figures::words::Affixes::new($crate::figures::lexicon::list!($name), |w| {
                    w.chars().next()
                })
            });
        &*TABLE
    }};
}
pub(crate) use by_first;

/// A list of `assets/lexicon/NAME.txt` grouped by its words' last character
/// ([`Affixes`](super::words::Affixes)), built once: whether a text ends with one of the words,
/// or is one, costs a look-up and a comparison or two.
macro_rules! by_last {
    ($name:literal) => {{
        static TABLE: std::sync::LazyLock<$crate::figures::words::Affixes> =
            std::sync::LazyLock::new(|| {
                $crate::figures::words::Affixes::new($crate::figures::lexicon::list!($name), |w| {
                    w.chars().next_back()
                })
            });
        &*TABLE
    }};
}
pub(crate) use by_last;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_one_a_line_with_comments() {
        let text = "# a list\n县\n\n城市  # a class of city\n";
        assert_eq!(parse("t.txt", text).unwrap(), ["县", "城市"]);
    }

    #[test]
    fn faults_are_told_by_line() {
        let err = parse("t.txt", "县\n县\n").unwrap_err();
        assert_eq!(err.line, 2);
        assert_eq!(err.to_string(), "t.txt:2: 县 is listed twice");
        assert_eq!(parse("t.txt", "# x\n两 个\n").unwrap_err().line, 2);
    }

    #[test]
    fn every_list_on_disk_parses() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/lexicon");
        let mut lists = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if name == "traditional.txt" {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let words = parse(&name, &text).unwrap_or_else(|e| panic!("{e}"));
            assert!(!words.is_empty(), "{name} lists words");
            lists += 1;
        }
        assert!(lists >= 5);
        assert!(TRADITIONAL.len() > 100);
    }

    #[test]
    fn traditional_forms_are_derived() {
        assert_eq!(traditional("民生实事"), "民生實事");
        let words = load("t.txt", "实事\n县\n");
        assert_eq!(words, ["實事", "实事", "縣", "县"]);
        assert_eq!(simplified(&words, "實事"), Some("实事"));
        assert_eq!(simplified(&words, "县"), Some("县"));
        assert_eq!(simplified(&words, "市"), None);
    }
}
