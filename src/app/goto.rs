//! The go-to (`o`): type a few letters of a place, a year, a report's file name or a heading,
//! pick from the best matches, `Enter` opens it. With hundreds of reports this is how a reader
//! gets anywhere in a few keys (`郑州25` finds 郑州市 2025). The entries are listed when the
//! go-to first opens and again only once more reports have loaded; matching is fuzzy
//! (nucleo, as in the compare view) and runs on each key, over names, never over text. A
//! place is also found by its pinyin (`gd26` finds 广东省 2026), for keyboards without an
//! input method.

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};
use tui_textarea::TextArea;

use super::navigate::open_at;
use super::{Action, App, Mode, Pane};
use crate::corpus::Report;

/// One place the go-to can open: a report (at its top) or one of its headings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoToEntry {
    /// What is matched and shown: `民权县 2023 政府工作报告 · minquan-2023.txt`, or
    /// `民权县 2023 › 二、2023年工作安排` for a heading.
    pub label: String,
    /// What the query is matched against besides the label: the label with its place spelt
    /// in pinyin, once per spelling (`gds 2026 政府工作报告 · …`).
    pub spelt: Vec<String>,
    /// The report's index.
    pub report: usize,
    /// The section's index, for a heading.
    pub section: Option<usize>,
}

/// How many matches are kept for the list (the list shows what fits).
const MAX_MATCHES: usize = 200;

/// The go-to's state.
#[derive(Debug, Default)]
pub struct GoToView {
    /// Every report and heading of the loaded reports.
    pub entries: Vec<GoToEntry>,
    /// How many reports `entries` was listed from.
    listed_for: usize,
    /// The query line.
    pub input: TextArea<'static>,
    /// Positions in `entries` matching the query, best first.
    pub matches: Vec<usize>,
    /// The match under the cursor (a position in `matches`).
    pub cursor: usize,
}

impl GoToView {
    /// The entry under the cursor, if any matches.
    pub fn picked(&self) -> Option<&GoToEntry> {
        self.matches
            .get(self.cursor)
            .and_then(|&i| self.entries.get(i))
    }

    /// The query typed.
    pub fn query(&self) -> String {
        self.input.lines().join("")
    }

    /// List the entries again the next time the go-to opens: a report's label changed (its
    /// metadata came in after its text).
    pub fn relist(&mut self) {
        self.listed_for = usize::MAX;
    }
}

/// A report's entry and one per heading.
fn entries_of(index: usize, report: &Report) -> impl Iterator<Item = GoToEntry> + '_ {
    let short = match (&report.meta.region, report.meta.year) {
        (Some(region), Some(year)) => format!("{region} {year}"),
        (Some(region), None) => region.clone(),
        _ => report.file.clone(),
    };
    let region = report.meta.region.clone().unwrap_or_default();
    let spellings = crate::text::pinyin::spellings(&region);
    let entry = move |label: String, section| GoToEntry {
        spelt: spellings
            .iter()
            .map(|spelling| match label.contains(region.as_str()) {
                true => label.replacen(region.as_str(), spelling, 1),
                false => format!("{spelling} {label}"),
            })
            .collect(),
        label,
        report: index,
        section,
    };
    let whole = entry(format!("{} · {}", report.label(), report.file), None);
    let headings = report
        .sections
        .iter()
        .enumerate()
        .map(move |(section, s)| entry(format!("{short} › {}", s.title), Some(section)));
    std::iter::once(whole).chain(headings)
}

/// `o`: open the go-to, listing the reports and headings if more reports loaded since.
pub(super) fn open(app: &mut App) {
    let view = &mut app.goto;
    if view.listed_for != app.corpus.reports.len() || view.entries.is_empty() {
        view.entries = app
            .corpus
            .reports
            .iter()
            .enumerate()
            .flat_map(|(i, report)| entries_of(i, report))
            .collect();
        view.listed_for = app.corpus.reports.len();
    }
    view.input = TextArea::default();
    view.input
        .set_placeholder_text("a place, a year, a file or a heading");
    app.mode = Mode::GoTo;
    refilter(view);
}

/// Apply an action while the go-to is open.
pub(super) fn handle(app: &mut App, action: Action) {
    let view = &mut app.goto;
    match action {
        Action::GoToInput(key) if super::text_input::type_key(&mut view.input, key) => {
            refilter(view)
        }
        Action::MoveDown => view.cursor = (view.cursor + 1).min(view.matches.len().max(1) - 1),
        Action::MoveUp => view.cursor = view.cursor.saturating_sub(1),
        Action::CloseGoTo => app.mode = Mode::Normal,
        Action::Activate => go(app),
        _ => {}
    }
}

/// Match the query again; the cursor goes to the best match.
fn refilter(view: &mut GoToView) {
    let query = view.query();
    view.cursor = 0;
    if query.trim().is_empty() {
        // Reports first, in order: the corpus at a glance.
        let reports = view.entries.iter().enumerate();
        view.matches = reports
            .filter(|(_, e)| e.section.is_none())
            .map(|(i, _)| i)
            .take(MAX_MATCHES)
            .collect();
        return;
    }
    let pattern = Pattern::parse(&query, CaseMatching::Ignore, Normalization::Smart);
    let mut matcher = Matcher::new(Config::DEFAULT);
    let mut buffer = Vec::new();
    let mut scored: Vec<(u32, usize)> = view
        .entries
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            let score = std::iter::once(&e.label)
                .chain(&e.spelt)
                .filter_map(|key| pattern.score(Utf32Str::new(key, &mut buffer), &mut matcher))
                .max()?;
            Some((score, i))
        })
        .collect();
    // Best first; among equals, reports before their headings and in corpus order.
    scored.sort_by_key(|&(score, i)| (std::cmp::Reverse(score), i));
    view.matches = scored
        .into_iter()
        .take(MAX_MATCHES)
        .map(|(_, i)| i)
        .collect();
}

/// `Enter`: open the entry under the cursor.
fn go(app: &mut App) {
    let Some(entry) = app.goto.picked().cloned() else {
        return;
    };
    let offset = entry
        .section
        .and_then(|s| app.corpus.reports.get(entry.report)?.sections.get(s))
        .map_or(0, |s| s.heading.start);
    app.mode = Mode::Normal;
    app.focus = Pane::Text;
    open_at(app, entry.report, offset, false);
}

#[cfg(test)]
mod tests {
    use crate::app::fixture::{bundled_app, press};
    use crate::app::{App, Mode};
    use crate::corpus::{Corpus, parse_report};

    /// 300 reports: fifty counties, six years each, named by file as users name them.
    fn three_hundred_reports() -> App {
        let counties = [
            "民权县",
            "睢县",
            "宁陵县",
            "柘城县",
            "虞城县",
            "夏邑县",
            "永城市",
            "兰考县",
            "杞县",
            "通许县",
            "尉氏县",
            "延津县",
            "原阳县",
            "封丘县",
            "长垣市",
            "滑县",
            "内黄县",
            "汤阴县",
            "林州市",
            "淇县",
            "浚县",
            "修武县",
            "博爱县",
            "武陟县",
            "温县",
            "孟州市",
            "沁阳市",
            "济源市",
            "偃师区",
            "孟津区",
            "新安县",
            "栾川县",
            "嵩县",
            "汝阳县",
            "宜阳县",
            "洛宁县",
            "伊川县",
            "鲁山县",
            "郏县",
            "宝丰县",
            "叶县",
            "舞钢市",
            "汝州市",
            "襄城县",
            "鄢陵县",
            "长葛市",
            "禹州市",
            "临颍县",
            "舞阳县",
            "西平县",
        ];
        let reports = counties
            .iter()
            .flat_map(|county| (2015..2021).map(move |year| (county, year)))
            .map(|(county, year)| {
                let text = format!(
                    "政府工作报告\n——{year}年1月10日在{county}第十五届人民代表大会第三次会议上\n\
                     一、{}年工作回顾\n过去一年，生产总值增长5%。\n二、{year}年工作安排\n今年要稳中求进。\n",
                    year - 1
                );
                parse_report(&format!("{county}-{year}.txt"), None, &text)
            })
            .collect();
        App::new(
            Corpus {
                reports,
                errors: Vec::new(),
            },
            120,
            40,
        )
    }

    #[test]
    fn o_finds_one_of_300_reports_by_three_characters_of_its_place_and_year() {
        let mut app = three_hundred_reports();
        // So many reports start folded, but for the first.
        assert_eq!(app.tree.rows.len(), 300 + 2);
        press(&mut app, "o");
        assert_eq!(app.mode, Mode::GoTo);
        assert_eq!(
            app.goto.entries.len(),
            300 * 3,
            "reports and their headings"
        );
        press(&mut app, "伊川9<Enter>");
        assert_eq!(app.mode, Mode::Normal);
        assert_eq!(app.current_report().unwrap().file, "伊川县-2019.txt");
        press(&mut app, "o禹州<Enter>");
        assert!(app.current_report().unwrap().file.starts_with("禹州市-"));
    }

    #[test]
    fn a_place_is_found_by_its_pinyin_in_any_reading() {
        let mut app = three_hundred_reports();
        press(&mut app, "oyichuan19<Enter>");
        assert_eq!(app.current_report().unwrap().file, "伊川县-2019.txt");
        // 长垣 by its initials, though 长 is read zhang as often as chang.
        press(&mut app, "ocy16<Enter>");
        assert_eq!(app.current_report().unwrap().file, "长垣市-2016.txt");
        press(&mut app, "ozhangyuan17<Enter>");
        assert_eq!(app.current_report().unwrap().file, "长垣市-2017.txt");
        // What is shown stays the label: the pinyin is only matched.
        press(&mut app, "oxp");
        assert_eq!(
            app.goto.picked().unwrap().label,
            "西平县 2015 政府工作报告 · 西平县-2015.txt"
        );
    }

    #[test]
    fn a_heading_opens_at_the_heading_and_esc_leaves_the_text_as_it_was() {
        let mut app = bundled_app(120, 40);
        let before = (app.report, app.text.top);
        press(&mut app, "o濮阳<Esc>");
        assert_eq!(app.mode, Mode::Normal);
        assert_eq!((app.report, app.text.top), before);
        press(&mut app, "o濮阳工作安排<Enter>");
        let report = app.current_report().unwrap();
        assert!(report.label().contains("濮阳"), "{}", report.label());
        let section = report.section_at(app.text.cursor).unwrap();
        assert!(report.sections[section].title.contains("工作安排"));
        // The cursor moves through the matches.
        press(&mut app, "o<Down><Down>");
        assert_eq!(app.goto.cursor, 2);
        press(&mut app, "<Up>");
        assert_eq!(app.goto.cursor, 1);
    }
}
