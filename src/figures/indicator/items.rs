//! The items of a `分别` list: which item a figure pairs with, and the name each item takes.

use super::find_word;

/// The item of a list subject (`绿色食品、智能家居产业增加值`) that the `order`-th figure after
/// `分别` measures; the whole subject when it is not a list of that many.
pub fn paired_item(subject: &str, order: usize) -> &str {
    let items = subject.split('、').count();
    if items > 1 && order < items {
        subject.split('、').nth(order).unwrap_or(subject)
    } else {
        subject
    }
}

/// The name of the `order`-th item of a `分别` list subject whose items share the head written
/// only on the last (`一产、二产、三产增加值` → 一产增加值, 二产增加值; `城镇、农村居民人均可支配收入`
/// → 城镇居民人均可支配收入): `name`, read from the item, with that head.
pub fn with_shared_head(subject: &str, order: usize, name: &str) -> String {
    let items: Vec<&str> = subject.split('、').collect();
    let Some((last, heads)) = items.split_last() else {
        return name.to_string();
    };
    let Some(item) = heads.get(order) else {
        return name.to_string();
    };
    let n = item.chars().count();
    let han = |t: &str| t.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let alike = heads.iter().all(|i| i.chars().count() == n && han(i))
        && han(&last.chars().take(n).collect::<String>());
    if !alike || n > 4 || last.chars().count() <= n + 1 || !name.ends_with(item) {
        return name.to_string();
    }
    let head: String = last.chars().skip(n).collect();
    format!("{name}{head}")
}

/// Contracted pairs a `分别` list may name in one word: `存贷款余额分别…` is 存款余额 then
/// 贷款余额.
pub fn expand_contraction(name: &str, order: usize) -> String {
    const PAIRS: &[(&str, [&str; 2])] = &[
        ("存贷款", ["存款", "贷款"]),
        ("进出口", ["进口", "出口"]),
        ("城乡居民", ["城镇居民", "农村居民"]),
    ];
    for (short, [first, second]) in PAIRS {
        if find_word(name, short).is_some() && order < 2 {
            return name.replace(short, if order == 0 { first } else { second });
        }
    }
    name.to_string()
}
