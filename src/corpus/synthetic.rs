//! Large synthetic corpora for benchmarks and scale tests, derived from the bundled reports.
//!
//! A year of county reports is thousands of files; the bundled five are 200 KB. This makes as
//! many varied reports as needed: each is a bundled report with its place renamed, its years
//! shifted and its figures perturbed, and some are re-encoded the way real files come (GB18030,
//! CRLF line ends), so loading, decoding and extraction are measured on realistic input.
//! Deterministic for a given seed.

use super::embedded;

/// County names to rename places to; any two-character stem works with 县.
const PLACES: &[&str] = &[
    "兰考", "杞县", "睢县", "宁陵", "柘城", "虞城", "夏邑", "永城", "通许", "尉氏", "新安", "栾川",
    "嵩县", "汝阳", "宜阳", "洛宁", "伊川", "宝丰", "叶县", "鲁山", "郏县", "舞钢", "汝州", "安阳",
    "汤阴", "内黄", "淇县", "获嘉", "原阳", "延津", "封丘", "长垣", "修武", "博爱", "武陟", "温县",
    "清丰", "南乐", "范县", "台前", "鄢陵", "襄城", "舞阳", "临颍", "渑池", "卢氏", "南召", "方城",
];

/// The place stems of the bundled reports, which get renamed.
const BUNDLED_PLACES: &[&str] = &["民权", "西平", "浚县", "濮阳"];

/// A small deterministic generator (xorshift64*): reproducible corpora without a dependency.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from `seed` (any value; zero is remapped).
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    /// The next pseudo-random number.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number below `n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}

/// One generated report: a file name (with a sub-directory per place) and its bytes.
#[derive(Debug, Clone)]
pub struct SyntheticReport {
    /// Relative path, e.g. `兰考/兰考-2019-0007.txt`.
    pub name: String,
    /// The file's bytes, in the encoding it was given.
    pub bytes: Vec<u8>,
}

/// Generate reports until their total size reaches `total_bytes`.
pub fn generate(total_bytes: usize, seed: u64) -> Vec<SyntheticReport> {
    let mut rng = Rng::new(seed);
    let mut out = Vec::new();
    let mut size = 0;
    while size < total_bytes {
        let report = one(&mut rng, out.len());
        size += report.bytes.len();
        out.push(report);
    }
    out
}

/// The `index`-th report of a corpus.
fn one(rng: &mut Rng, index: usize) -> SyntheticReport {
    let (base_name, base) = embedded::REPORTS[rng.below(embedded::REPORTS.len())];
    let text = String::from_utf8_lossy(base);
    let place = PLACES[rng.below(PLACES.len())];
    let year_shift = rng.below(12) as i32 - 8;
    let mut text = rename_places(&text, place);
    text = perturb(&text, year_shift, rng);
    let stem = base_name.trim_end_matches(".txt");
    let year = stem
        .rsplit('-')
        .next()
        .and_then(|y| y.parse::<i32>().ok())
        .map_or(2023, |y| y + year_shift);
    let name = format!("{place}/{place}-{year}-{index:05}.txt");
    let bytes = match index % 10 {
        // Real collections mix encodings and line ends.
        3 => encoding_rs::GB18030.encode(&text).0.into_owned(),
        7 => text.replace('\n', "\r\n").into_bytes(),
        _ => text.into_bytes(),
    };
    SyntheticReport { name, bytes }
}

fn rename_places(text: &str, place: &str) -> String {
    let mut text = text.to_string();
    for stem in BUNDLED_PLACES {
        let replacement = if stem.ends_with('县') {
            format!("{place}县")
        } else {
            place.to_string()
        };
        text = text.replace(stem, &replacement);
    }
    text
}

/// Shift four-digit years by `year_shift` and nudge the last digit of other numbers, so every
/// report states different figures.
fn perturb(text: &str, year_shift: i32, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(text.len());
    let mut digits = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() {
            digits.push(c);
            if chars.peek().is_some_and(char::is_ascii_digit) {
                continue;
            }
            let is_year =
                digits.len() == 4 && chars.peek() == Some(&'年') && digits.starts_with(['1', '2']);
            if is_year {
                let year: i32 = digits.parse().unwrap_or(2000);
                out.push_str(&(year + year_shift).to_string());
            } else {
                out.push_str(&digits[..digits.len() - 1]);
                out.push(char::from(b'0' + rng.below(10) as u8));
            }
            digits.clear();
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reaches_the_requested_size_deterministically() {
        let a = generate(2_000_000, 7);
        let total: usize = a.iter().map(|r| r.bytes.len()).sum();
        assert!(total >= 2_000_000);
        let b = generate(2_000_000, 7);
        assert_eq!(a.len(), b.len());
        assert!(
            a.iter()
                .zip(&b)
                .all(|(x, y)| x.name == y.name && x.bytes == y.bytes)
        );
        assert_ne!(generate(2_000_000, 8)[0].bytes, a[0].bytes);
    }

    #[test]
    fn places_are_renamed_and_years_shifted() {
        let text = "民权县2022年生产总值283.1亿元，浚县增长5.2%";
        let renamed = rename_places(text, "兰考");
        assert_eq!(renamed, "兰考县2022年生产总值283.1亿元，兰考县增长5.2%");
        let mut rng = Rng::new(1);
        let perturbed = perturb(&renamed, -3, &mut rng);
        assert!(
            perturbed.starts_with("兰考县2019年生产总值28"),
            "{perturbed}"
        );
        assert!(perturbed.contains("亿元，兰考县增长"), "{perturbed}");
        let shape = |s: &str| -> String {
            s.chars()
                .map(|c| if c.is_ascii_digit() { '9' } else { c })
                .collect()
        };
        assert_eq!(
            shape(&perturbed),
            shape("兰考县2019年生产总值283.1亿元，兰考县增长5.2%")
        );
    }

    #[test]
    fn some_files_come_as_gb18030_and_crlf() {
        let corpus = generate(1_000_000, 3);
        assert!(
            corpus
                .iter()
                .any(|r| std::str::from_utf8(&r.bytes).is_err())
        );
        assert!(
            corpus
                .iter()
                .any(|r| r.bytes.windows(2).any(|w| w == b"\r\n"))
        );
    }
}
