//! The text pane's layout of the five bundled reports, with their real figures, at the widths a
//! reader uses: no screen line over the width, none starting with closing punctuation or ending
//! with opening punctuation, no figure split across lines, and every readable character shown
//! exactly once, in order.

use baogao::app::layout::{Role, TextLayout};
use baogao::corpus::{self, Report};
use baogao::figures::{self, Figure};
use baogao::text::wrap::display_width;

const WIDTHS: [u16; 4] = [20, 40, 60, 100];
const CLOSING: &str = "，。、；：？！）」』”’》〉】…,.;:?!)%";
const OPENING: &str = "（「『“‘《〈【(";

fn reports() -> Vec<(Report, Vec<Figure>)> {
    let corpus = corpus::load_embedded();
    assert_eq!(corpus.reports.len(), 5, "{:?}", corpus.errors);
    corpus
        .reports
        .into_iter()
        .map(|report| {
            let found = figures::extract(&report);
            (report, found)
        })
        .collect()
}

/// The figure surfaces we check: the widest one must fit the narrowest width, or the rule
/// "never split" could not hold for it.
fn checked_figures(found: &[Figure], width: u16) -> impl Iterator<Item = &Figure> {
    found
        .iter()
        .filter(move |f| display_width(&f.text) <= usize::from(width))
}

#[test]
fn no_line_is_wider_than_the_pane() {
    for (report, found) in reports() {
        for width in WIDTHS {
            let layout = TextLayout::build(&report, &found, width);
            for row in &layout.lines {
                let text = &report.text[row.range.clone()];
                let row_width = display_width(text);
                // A centred title is padded by the renderer, never wider than the pane.
                assert!(
                    row_width <= usize::from(width),
                    "{} at width {width}: {row_width} columns: {text:?}",
                    report.file
                );
            }
        }
    }
}

#[test]
fn punctuation_never_starts_or_ends_a_line_the_wrong_way() {
    for (report, found) in reports() {
        for width in WIDTHS {
            let layout = TextLayout::build(&report, &found, width);
            // Only continuation rows: the first row of a paragraph starts where the author did.
            for pair in layout.lines.windows(2) {
                let (above, below) = (&pair[0], &pair[1]);
                if below.role == Role::Gap || above.role == Role::Gap || above.line != below.line {
                    continue;
                }
                let last = report.text[above.range.clone()].chars().last();
                let first = report.text[below.range.clone()].chars().next();
                assert!(
                    !first.is_some_and(|c| CLOSING.contains(c)),
                    "{} at width {width}: line {} continues with {first:?}",
                    report.file,
                    below.line + 1
                );
                assert!(
                    !last.is_some_and(|c| OPENING.contains(c)),
                    "{} at width {width}: line {} breaks after {last:?}",
                    report.file,
                    above.line + 1
                );
            }
        }
    }
}

#[test]
fn no_figure_is_split_across_lines() {
    for (report, found) in reports() {
        assert!(!found.is_empty(), "{} has figures", report.file);
        for width in WIDTHS {
            let layout = TextLayout::build(&report, &found, width);
            for figure in checked_figures(&found, width) {
                let row = layout.row_of(figure.span.start);
                let range = &layout.lines[row].range;
                assert!(
                    range.start <= figure.span.start && figure.span.end <= range.end,
                    "{} at width {width}: {} (line {}) is split: row holds {:?}",
                    report.file,
                    figure.text,
                    figure.line + 1,
                    &report.text[range.clone()]
                );
            }
        }
    }
}

#[test]
fn every_readable_character_is_shown_once_in_order() {
    for (report, found) in reports() {
        let expected: String = report
            .lines
            .iter()
            .filter(|line| line.kind.is_readable())
            .flat_map(|line| report.text[line.content.clone()].chars())
            .filter(|c| !c.is_whitespace())
            .collect();
        for width in WIDTHS {
            let layout = TextLayout::build(&report, &found, width);
            let shown: String = layout
                .lines
                .iter()
                .flat_map(|row| report.text[row.range.clone()].chars())
                .filter(|c| !c.is_whitespace())
                .collect();
            assert_eq!(shown, expected, "{} at width {width}", report.file);
        }
    }
}
