//! How a Chinese name is typed without an input method: its pinyin initials and its whole
//! pinyin, in the common reading and in the readings place names give some characters (重庆 is
//! `zq` and `cq`), so a reader on any keyboard finds 广东省 by typing `gd` or `guangdong`.

use std::collections::HashMap;
use std::sync::LazyLock;

use pinyin::ToPinyin;

/// Other readings place names give some characters (`assets/pinyin-places.txt`): 长垣 is read
/// changyuan, 厦门 xiamen, 六安 lu'an. The pinyin data's common reading is always tried first.
static PLACE_READINGS: LazyLock<HashMap<char, Vec<&'static str>>> =
    LazyLock::new(|| parse_readings(include_str!("../../assets/pinyin-places.txt")));

/// Reads `character reading…` lines; `#` starts a comment. A line that does not start with
/// one character followed by readings is a mistake in the file, and a test reads the file.
fn parse_readings(text: &str) -> HashMap<char, Vec<&str>> {
    text.lines()
        .map(|line| line.split('#').next().unwrap_or("").trim())
        .filter(|line| !line.is_empty())
        .filter_map(|line| {
            let mut words = line.split_whitespace();
            let mut head = words.next()?.chars();
            let character = head.next().filter(|_| head.next().is_none())?;
            Some((character, words.collect()))
        })
        .collect()
}

/// The ways `name` is spelt in plain pinyin: the initials, then the whole pinyin, first in
/// the common reading of each character and then in the other readings place names give it
/// (at most [`MAX_READINGS`] readings). Digits and Latin letters are kept as they are; none
/// when `name` has no Chinese character.
pub fn spellings(name: &str) -> Vec<String> {
    let mut readings: Vec<Vec<String>> = vec![Vec::new()];
    let mut chinese = false;
    for c in name.chars() {
        let mut sounds: Vec<&str> = Vec::new();
        if let Some(common) = c.to_pinyin() {
            chinese = true;
            sounds.push(common.plain());
            for other in PLACE_READINGS.get(&c).into_iter().flatten() {
                if !sounds.contains(other) {
                    sounds.push(other);
                }
            }
        } else if c.is_alphanumeric() {
            readings
                .iter_mut()
                .for_each(|r| r.push(c.to_lowercase().collect()));
            continue;
        } else {
            continue;
        }
        let mut widened = Vec::new();
        for sound in &sounds {
            for reading in &readings {
                if widened.len() == MAX_READINGS {
                    break;
                }
                let mut next = reading.clone();
                next.push((*sound).to_string());
                widened.push(next);
            }
        }
        readings = widened;
    }
    if !chinese {
        return Vec::new();
    }
    let mut out: Vec<String> = Vec::new();
    for reading in &readings {
        let initials: String = reading.iter().filter_map(|s| s.chars().next()).collect();
        for spelling in [initials, reading.concat()] {
            if !out.contains(&spelling) {
                out.push(spelling);
            }
        }
    }
    out
}

/// How many readings of a name are spelt out: enough for a place name's one or two
/// polyphonic characters, few enough that a long name stays short.
pub const MAX_READINGS: usize = 4;

#[cfg(test)]
mod tests {
    use super::spellings;

    #[test]
    fn a_province_is_spelt_by_initials_and_whole() {
        assert_eq!(spellings("广东省"), ["gds", "guangdongsheng"]);
    }

    #[test]
    fn polyphonic_characters_give_every_reading() {
        let spelt = spellings("重庆市");
        assert!(spelt.contains(&"cqs".to_string()), "{spelt:?}");
        assert!(spelt.contains(&"chongqingshi".to_string()), "{spelt:?}");
        assert!(spelt.contains(&"zqs".to_string()), "{spelt:?}");
        assert!(spellings("厦门市").contains(&"xiamenshi".to_string()));
    }

    #[test]
    fn the_readings_file_has_one_character_and_readings_per_line() {
        let text = include_str!("../../assets/pinyin-places.txt");
        let lines = text
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
            .count();
        let table = super::parse_readings(text);
        assert_eq!(table.len(), lines, "a line that is not `字 reading…`");
        assert!(
            table
                .values()
                .all(|r| !r.is_empty()
                    && r.iter().all(|s| s.chars().all(|c| c.is_ascii_lowercase())))
        );
    }

    #[test]
    fn traditional_characters_and_other_text() {
        assert_eq!(spellings("廣東省"), ["gds", "guangdongsheng"]);
        assert!(spellings("2023").is_empty());
        assert!(spellings("").is_empty());
        // A long name does not multiply out.
        let long = "长长长长长长长长";
        assert!(spellings(long).len() <= 2 * super::MAX_READINGS);
    }
}
