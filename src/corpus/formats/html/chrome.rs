//! Site chrome told by name: the words of a class or id (`BreadcrumbNav`, `bdsharebuttonbox`)
//! that mark menus, breadcrumbs, share buttons, related links, headers and footers, listed in
//! `assets/html-chrome.txt`.

use std::sync::LazyLock;

/// Words in a class or id that mark site chrome.
static CHROME: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    include_str!("../../../../assets/html-chrome.txt")
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .collect()
});

/// Whether a class or id attribute names site chrome; `in_article` spares the article's own
/// header and footer.
pub fn is_chrome(names: &str, in_article: bool) -> bool {
    words(names).any(|word| {
        CHROME.iter().any(|&chrome| {
            let matches = word == chrome
                || (chrome.len() >= 3 && (word.starts_with(chrome) || word.ends_with(chrome)));
            matches && !(in_article && matches!(chrome, "header" | "footer"))
        })
    })
}

/// The lowercase words of a class or id: cut at every character that is not a letter or
/// digit, and where a lowercase letter meets an uppercase one.
fn words(names: &str) -> impl Iterator<Item = String> + '_ {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut previous_lower = false;
    for c in names.chars() {
        let boundary = !c.is_ascii_alphanumeric() || (previous_lower && c.is_ascii_uppercase());
        if boundary && !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        if c.is_ascii_alphanumeric() {
            word.push(c.to_ascii_lowercase());
        }
        previous_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
    }
    if !word.is_empty() {
        words.push(word);
    }
    words.into_iter()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_of_class_names() {
        let words: Vec<String> = words("BreadcrumbNav top-nav2 xglj_box").collect();
        assert_eq!(words, ["breadcrumb", "nav", "top", "nav2", "xglj", "box"]);
        assert!(is_chrome("bdsharebuttonbox", false));
        assert!(is_chrome("article-header", false));
        assert!(!is_chrome("article-header", true));
        assert!(!is_chrome("TRS_Editor pages_content", false));
        assert!(!is_chrome("canvas dhx", false));
    }
}
