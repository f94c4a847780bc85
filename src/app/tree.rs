//! The section tree's state: which nodes are expanded, the rows that are visible because of it
//! (recomputed only when that changes, never per frame), the cursor and the scroll offset.

use std::collections::{HashMap, HashSet};

use crate::corpus::Report;
use crate::figures::Figure;

/// A node: a report's root (`section: None`) or one of its sections.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TreeNode {
    /// Index of the report in the corpus.
    pub report: usize,
    /// Index in [`Report::sections`], `None` for the report itself.
    pub section: Option<usize>,
}

/// One visible row of the tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TreeRow {
    /// The node shown.
    pub node: TreeNode,
    /// Indentation level: 0 for reports.
    pub depth: u8,
    /// Whether it has children to expand.
    pub has_children: bool,
    /// Whether it is expanded.
    pub expanded: bool,
}

/// The tree pane's state.
#[derive(Debug, Clone, Default)]
pub struct TreeView {
    /// Expanded nodes.
    pub expanded: HashSet<TreeNode>,
    /// Visible rows, in order.
    pub rows: Vec<TreeRow>,
    /// The row under the cursor.
    pub cursor: usize,
    /// The first row shown.
    pub top: usize,
    /// Each report's name in the tree: its label, told apart from another report's same
    /// label by its file's extension or name (the same report as `.txt` and `.docx`).
    pub titles: Vec<String>,
}

/// Reports' labels, with ` · docx` (or ` · file name`, when the extensions do not tell them
/// apart) after a label two reports share.
pub fn distinct_titles(reports: &[Report]) -> Vec<String> {
    let labels: Vec<String> = reports.iter().map(Report::label).collect();
    let mut sharing: HashMap<&str, Vec<usize>> = HashMap::new();
    for (index, label) in labels.iter().enumerate() {
        sharing.entry(label).or_default().push(index);
    }
    let extension = |index: usize| {
        std::path::Path::new(&reports[index].file)
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
    };
    labels
        .iter()
        .enumerate()
        .map(|(index, label)| {
            let group = &sharing[label.as_str()];
            if group.len() == 1 {
                return label.clone();
            }
            let extensions: HashSet<Option<String>> = group.iter().map(|&i| extension(i)).collect();
            match extension(index) {
                Some(ext) if extensions.len() == group.len() => format!("{label} · {ext}"),
                _ => format!("{label} · {}", reports[index].file),
            }
        })
        .collect()
}

/// Above this many reports the tree starts with every report but the first folded: a long
/// corpus reads as a list of reports, and the go-to (`o`) or `l` opens the rest.
pub const EXPANDED_UP_TO: usize = 20;

/// Whether report `index` of `total` (when known) starts unfolded.
pub fn starts_expanded(index: usize, total: Option<usize>) -> bool {
    index == 0 || total.is_none_or(|total| total <= EXPANDED_UP_TO)
}

impl TreeView {
    /// A tree with the reports expanded to their chapters (only the first, when there are
    /// many: see [`starts_expanded`]).
    pub fn new(reports: &[Report]) -> TreeView {
        let expanded = (0..reports.len())
            .filter(|&report| starts_expanded(report, Some(reports.len())))
            .map(|report| TreeNode {
                report,
                section: None,
            })
            .collect();
        let mut view = TreeView {
            expanded,
            ..TreeView::default()
        };
        view.rebuild(reports);
        view
    }

    /// Recompute the visible rows after the expanded set changed, keeping the cursor's node.
    pub fn rebuild(&mut self, reports: &[Report]) {
        let keep = self.rows.get(self.cursor).map(|row| row.node);
        if self.titles.len() != reports.len() {
            self.titles = distinct_titles(reports);
        }
        self.rows.clear();
        for (index, report) in reports.iter().enumerate() {
            let root = TreeNode {
                report: index,
                section: None,
            };
            let open = self.expanded.contains(&root);
            self.rows.push(TreeRow {
                node: root,
                depth: 0,
                has_children: !report.sections.is_empty(),
                expanded: open,
            });
            if open {
                let children = children_of(report);
                self.push_children(&children, index, None, 1);
            }
        }
        if let Some(node) = keep {
            self.cursor = self.row_of(node).unwrap_or(self.cursor);
        }
        self.cursor = self.cursor.min(self.rows.len().saturating_sub(1));
    }

    fn push_children(
        &mut self,
        children: &[Vec<usize>],
        index: usize,
        parent: Option<usize>,
        depth: u8,
    ) {
        let slot = parent.map_or(0, |p| p + 1);
        for &child in children.get(slot).map_or(&[][..], Vec::as_slice) {
            let node = TreeNode {
                report: index,
                section: Some(child),
            };
            let has_children = children.get(child + 1).is_some_and(|c| !c.is_empty());
            let open = has_children && self.expanded.contains(&node);
            self.rows.push(TreeRow {
                node,
                depth,
                has_children,
                expanded: open,
            });
            if open {
                self.push_children(children, index, Some(child), depth.saturating_add(1));
            }
        }
    }

    /// The row showing `node`, if it is visible.
    pub fn row_of(&self, node: TreeNode) -> Option<usize> {
        self.rows.iter().position(|row| row.node == node)
    }

    /// The row of `node` or of its nearest visible ancestor.
    pub fn visible_row_of(&self, reports: &[Report], node: TreeNode) -> Option<usize> {
        let mut current = node.section;
        loop {
            let candidate = TreeNode {
                report: node.report,
                section: current,
            };
            if let Some(row) = self.row_of(candidate) {
                return Some(row);
            }
            let section = current?;
            current = reports
                .get(node.report)
                .and_then(|r| r.sections.get(section))
                .and_then(|s| s.parent)
                .filter(|&parent| parent < section);
        }
    }
}

/// Each section's children in order: entry 0 lists the chapters, entry `i + 1` section `i`'s.
fn children_of(report: &Report) -> Vec<Vec<usize>> {
    let mut children = vec![Vec::new(); report.sections.len() + 1];
    for (index, section) in report.sections.iter().enumerate() {
        // A parent always comes before its children; anything else would loop.
        let slot = section.parent.filter(|&p| p < index).map_or(0, |p| p + 1);
        if let Some(list) = children.get_mut(slot) {
            list.push(index);
        }
    }
    children
}

/// Figures per section, each counting its subsections' too; the last entry is the report's total.
pub fn figure_counts(report: &Report, figures: &[Figure]) -> Vec<usize> {
    let mut counts = vec![0; report.sections.len() + 1];
    for figure in figures {
        count_in(&mut counts, report, figure.section);
    }
    counts
}

/// Count one thing found in `section` (`None`: before the first) in `counts` — one entry per
/// section of `report`, then its total: in the section, each section above it, and the total.
pub fn count_in(counts: &mut [usize], report: &Report, section: Option<usize>) {
    let mut current = section.filter(|&s| s < report.sections.len());
    while let Some(section) = current {
        counts[section] += 1;
        current = report.sections[section].parent.filter(|&p| p < section);
    }
    if let Some(total) = counts.last_mut() {
        *total += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::fixture;
    use crate::corpus::LineKind;

    fn reports() -> Vec<Report> {
        let a = fixture::report(
            "a.txt",
            &[
                ("一、甲", LineKind::Heading(1)),
                ("（一）子", LineKind::Heading(2)),
                ("正文", LineKind::Body),
                ("二、乙", LineKind::Heading(1)),
                ("正文", LineKind::Body),
            ],
        );
        assert_eq!(a.sections[1].parent, Some(0));
        vec![a, fixture::report("b.txt", &[("正文", LineKind::Body)])]
    }

    #[test]
    fn rows_follow_the_expanded_set() {
        let reports = reports();
        let mut tree = TreeView::new(&reports);
        let shown: Vec<_> = tree
            .rows
            .iter()
            .map(|r| (r.node.report, r.node.section))
            .collect();
        assert_eq!(shown, [(0, None), (0, Some(0)), (0, Some(2)), (1, None)]);
        assert!(tree.rows[1].has_children && !tree.rows[1].expanded);
        assert!(!tree.rows[3].has_children);
        tree.expanded.insert(tree.rows[1].node);
        tree.rebuild(&reports);
        assert_eq!(tree.rows[2].node.section, Some(1));
        assert_eq!(tree.rows[2].depth, 2);
    }

    #[test]
    fn hidden_nodes_resolve_to_their_visible_ancestor() {
        let reports = reports();
        let tree = TreeView::new(&reports);
        let hidden = TreeNode {
            report: 0,
            section: Some(1),
        };
        assert_eq!(tree.visible_row_of(&reports, hidden), Some(1));
        let collapsed = TreeView {
            expanded: HashSet::new(),
            ..TreeView::default()
        };
        let mut collapsed = collapsed;
        collapsed.rebuild(&reports);
        assert_eq!(collapsed.visible_row_of(&reports, hidden), Some(0));
    }

    #[test]
    fn a_parent_that_does_not_come_first_cannot_loop() {
        let mut reports = reports();
        reports[0].sections[1].parent = Some(1);
        reports[0].sections[0].parent = Some(2);
        let mut tree = TreeView::new(&reports);
        tree.expanded
            .extend(tree.rows.iter().map(|r| r.node).collect::<Vec<_>>());
        tree.rebuild(&reports);
        assert_eq!(tree.rows.iter().filter(|r| r.node.report == 0).count(), 4);
        let node = TreeNode {
            report: 0,
            section: Some(1),
        };
        assert!(tree.visible_row_of(&reports, node).is_some());
        let figure = crate::figures::Figure {
            section: Some(1),
            ..crate::app::layout::tests::figure(&reports[0], "正文")
        };
        assert_eq!(figure_counts(&reports[0], &[figure]), [0, 1, 0, 1]);
    }

    #[test]
    fn a_label_two_reports_share_is_told_apart_by_extension_or_file() {
        let text =
            "政府工作报告\n——2023年1月10日在民权县第十五届人民代表大会第三次会议上\n一、工作回顾\n";
        let reports: Vec<Report> = [
            "民权-2023.txt",
            "民权-2023.docx",
            "copy/民权-2023.txt",
            "b.txt",
        ]
        .iter()
        .map(|file| crate::corpus::parse_report(file, None, text))
        .collect();
        let titles = distinct_titles(&reports[..2]);
        assert_eq!(
            titles,
            [
                "民权县 2023 政府工作报告 · txt",
                "民权县 2023 政府工作报告 · docx"
            ]
        );
        let titles = distinct_titles(&reports[..3]);
        assert_eq!(titles[2], "民权县 2023 政府工作报告 · copy/民权-2023.txt");
        assert_eq!(titles[0], "民权县 2023 政府工作报告 · 民权-2023.txt");
        // A label of its own stays as it is, and the tree keeps the titles of what it shows.
        let alone = distinct_titles(&reports[..1]);
        assert_eq!(alone, [reports[0].label()]);
        let tree = TreeView::new(&reports[..2]);
        assert_eq!(tree.titles.len(), 2);
    }
}
