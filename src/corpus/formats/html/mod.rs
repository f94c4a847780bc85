//! Web pages saved from a browser (`.html`, `.htm`): the page is decoded (the `charset` module),
//! parsed as a browser parses it (html5ever, through `scraper`), and its text taken one line
//! per block (`<p>`, `<div>`, a heading, a list item, a table cell) or `<br>`. What is never
//! the report is dropped: the `<head>`, scripts and styles, forms, `<nav>`, `<aside>`, page
//! `<header>`s and `<footer>`s, hidden elements, and elements whose class or id names site
//! chrome (`assets/html-chrome.txt`: menus, breadcrumbs, share buttons, related links).
//! Whatever residue is left (a 来源 line, a caption) the cleaning rules handle as in any
//! text scraped from a page.
//!
//! A line that is a heading element (`<h1>`–`<h6>`) or whose whole text is bold is passed on as
//! a heading candidate ([`HeadingHint`]), as a Word file's heading styles and bold paragraphs
//! are: a bold phrase inside a paragraph is not one.

use ego_tree::iter::Edge;
use scraper::{Html, Node};

mod chrome;
mod emphasis;
mod lines;
mod space;

use chrome::is_chrome;
use emphasis::{heading_level, is_bold};
use lines::Lines;

use crate::corpus::outline::HeadingHint;

use super::charset::{CharsetError, decode_page};
use super::nesting;

/// A page's text, ready to parse.
pub struct Page {
    /// One line per block of text, `\n`-separated.
    pub text: String,
    /// The encoding the page was read as.
    pub encoding: &'static str,
    /// A note on a doubtful reading (an unknown or contradicted charset, replaced bytes).
    pub warning: Option<String>,
    /// The heading candidates, by line of `text`, in order: a heading element's line (its
    /// level, `h1` = 0), or a line all in bold (no level).
    pub headings: Vec<HeadingHint>,
}

/// Why a page could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HtmlError {
    /// The bytes are not text.
    #[error("web page not readable: {0}")]
    Charset(#[from] CharsetError),
    /// Elements nest deeper than any real page ([`MAX_DEPTH`]): damaged, or made to stall a
    /// parser.
    #[error(
        "web page nested more than {MAX_DEPTH} elements deep (damaged, or made to stall a parser); not read"
    )]
    TooDeep,
    /// Nothing is left once scripts, styles and menus are dropped.
    #[error("web page with no text (nothing but markup, scripts, styles or menus)")]
    Empty,
}

/// How deep a page's elements may nest: real pages nest a few dozen deep, and parsing time
/// grows with the square of the depth.
pub const MAX_DEPTH: usize = 1000;

/// Elements whose content is never the report.
const DROPPED: &[&str] = &[
    "head", "script", "style", "noscript", "template", "nav", "aside", "form", "select", "button",
    "iframe", "object", "embed", "svg", "math", "canvas", "audio", "video", "map", "input",
    "textarea", "menu", "dialog", "frameset",
];

/// Elements that start and end a line (and `br`, which ends one).
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// The text of a saved web page.
pub fn to_text(bytes: Vec<u8>) -> Result<Page, HtmlError> {
    let decoded = decode_page(bytes)?;
    if nesting::deeper_than(&decoded.text, MAX_DEPTH) {
        return Err(HtmlError::TooDeep);
    }
    let document = Html::parse_document(&decoded.text);
    let with_chrome_rules = extract(&document, true);
    // Class names are a guess: when they would drop most of the text (a wrapper called
    // `has-sidebar`), they named the page, not its chrome.
    let without_chrome_rules = extract(&document, false);
    let (text, headings) = if chars(&with_chrome_rules.0) * 2 >= chars(&without_chrome_rules.0) {
        with_chrome_rules
    } else {
        without_chrome_rules
    };
    if text.trim().is_empty() {
        return Err(HtmlError::Empty);
    }
    Ok(Page {
        text,
        encoding: decoded.encoding,
        warning: decoded.warning,
        headings,
    })
}

fn chars(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
}

/// The lines of `document` and its heading candidates; `chrome_rules` drops elements by class
/// and id too.
fn extract(document: &Html, chrome_rules: bool) -> (String, Vec<HeadingHint>) {
    let mut lines = Lines::default();
    // The element being dropped, by node id, and how many <article>/<main> and <pre> are open.
    let mut dropping = None;
    let (mut articles, mut preformatted) = (0usize, 0usize);
    for edge in document.tree.root().traverse() {
        match edge {
            Edge::Open(node) if dropping.is_none() => match node.value() {
                Node::Element(element) => {
                    let name = element.name();
                    let page_part = matches!(name, "header" | "footer") && articles == 0;
                    let hidden = element.attr("hidden").is_some()
                        || element.attr("style").is_some_and(hides)
                        || element.attr("aria-hidden") == Some("true");
                    let chrome = chrome_rules
                        && name != "body"
                        && name != "html"
                        && [element.attr("class"), element.id()]
                            .into_iter()
                            .flatten()
                            .any(|names| is_chrome(names, articles > 0));
                    if DROPPED.contains(&name) || page_part || hidden || chrome {
                        dropping = Some(node.id());
                        continue;
                    }
                    articles += usize::from(matches!(name, "article" | "main"));
                    preformatted += usize::from(name == "pre");
                    if BLOCKS.contains(&name) || name == "br" {
                        lines.end(preformatted > 0);
                    }
                    lines.bold += usize::from(is_bold(element));
                    lines.table_cells += usize::from(is_table_cell(node));
                    if let Some(level) = heading_level(name) {
                        lines.headings.push(level);
                    }
                }
                Node::Text(text) => lines.push(text),
                _ => {}
            },
            Edge::Close(node) => {
                if dropping == Some(node.id()) {
                    dropping = None;
                } else if dropping.is_none()
                    && let Node::Element(element) = node.value()
                {
                    let name = element.name();
                    if BLOCKS.contains(&name) {
                        lines.end(preformatted > 0);
                    }
                    lines.bold -= usize::from(is_bold(element) && lines.bold > 0);
                    lines.table_cells -= usize::from(is_table_cell(node) && lines.table_cells > 0);
                    if heading_level(name).is_some() {
                        lines.headings.pop();
                    }
                    articles -= usize::from(matches!(name, "article" | "main") && articles > 0);
                    preformatted -= usize::from(name == "pre" && preformatted > 0);
                }
            }
            Edge::Open(_) => {}
        }
    }
    lines.end(preformatted > 0);
    let mut text = lines.done.join("\n");
    text.push('\n');
    (text, lines.hints)
}

/// Whether `node` is a cell of a table row of two cells or more: a table of figures, whose
/// bold cells are no headings (a page laid out in a table has its text in a row of one cell).
fn is_table_cell(node: ego_tree::NodeRef<Node>) -> bool {
    let is_cell = |node: &ego_tree::NodeRef<Node>| {
        node.value()
            .as_element()
            .is_some_and(|e| matches!(e.name(), "td" | "th"))
    };
    is_cell(&node)
        && node
            .parent()
            .is_some_and(|row| row.children().filter(is_cell).nth(1).is_some())
}

/// Whether an inline style hides the element.
fn hides(style: &str) -> bool {
    let style: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    style.contains("display:none") || style.contains("visibility:hidden")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page laid out as provincial government sites lay out a report.
    const PAGE: &str = r#"<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府工作报告_省政府</title>
<script>var menu = "一、不是正文";</script><style>.TRS_Editor p { text-indent: 2em }</style></head>
<body><div class="header"><a href="/">首页</a> | <a>无障碍</a></div>
<div class="nav"><ul><li>首页</li><li>政务公开</li></ul></div>
<div class="BreadcrumbNav">当前位置：首页 &gt; 政务公开</div>
<div class="article"><h1>政府工作报告</h1>
<div id="zoom"><div class="TRS_Editor">
<p align="center"><strong>一、2024年工作回顾</strong></p>
<p style="text-indent:2em">全省生产总值增长5.8%，
  高质量发展扎实推进。</p><p>&nbsp;</p>
<p style="text-indent:2em">A&amp;B  两个   空格<br>换行后<br/><br/>再换行</p>
<div style="display:none">隐藏的</div>
<table><tr><td>指标</td><td>目标</td></tr></table>
<pre>  保留
  格式</pre>
</div></div>
<div class="bdsharebuttonbox"><a>分享到微信</a></div>
<div class="xglj"><h3>相关链接</h3><a>国务院政府工作报告</a></div></div>
<div class="footer">主办单位：省人民政府办公厅</div></body></html>"#;

    #[test]
    fn a_government_page_keeps_its_paragraphs_and_drops_its_chrome() {
        let page = to_text(PAGE.as_bytes().to_vec()).unwrap();
        assert_eq!(page.encoding, "UTF-8");
        assert!(page.warning.is_none());
        let lines: Vec<&str> = page.text.lines().collect();
        assert_eq!(
            lines,
            [
                "政府工作报告",
                "一、2024年工作回顾",
                "全省生产总值增长5.8%，高质量发展扎实推进。",
                "A&B 两个 空格",
                "换行后",
                "再换行",
                "指标",
                "目标",
                "  保留",
                "  格式",
            ]
        );
    }

    #[test]
    fn heading_elements_and_lines_all_in_bold_are_heading_candidates() {
        let page = "<body><h1>政府工作报告</h1><p>各位代表：</p>\
                    <h2><span>过去一年</span>的工作</h2>\
                    <p><b>全面</b><strong style=\"color:red\">深化改革</strong>&nbsp;</p>\
                    <p><strong>坚持创新驱动。</strong>我们着力推进科技创新。</p>\
                    <div style=\"font-weight: 700\">今年的工作安排</div>\
                    <p style=\"font-weight:normal\">正文。<br><b>加粗的一行</b></p>\
                    <table><tr><td><b>指标</b></td><td><b>目标</b></td></tr></table>\
                    <table><tr><td><p><b>版面表格里的标题</b></p></td></tr></table></body>";
        let page = to_text(page.as_bytes().to_vec()).unwrap();
        let lines: Vec<&str> = page.text.lines().collect();
        let hints: Vec<(&str, Option<u8>)> = page
            .headings
            .iter()
            .map(|hint| (lines[hint.line], hint.level))
            .collect();
        assert_eq!(
            hints,
            [
                ("政府工作报告", Some(0)),
                ("过去一年的工作", Some(1)),
                ("全面深化改革", None),
                ("今年的工作安排", None),
                ("加粗的一行", None),
                ("版面表格里的标题", None),
            ]
        );
    }

    #[test]
    fn class_names_that_would_drop_the_report_are_ignored() {
        let page = "<body><div class=\"page has-sidebar\"><p>一、总体要求</p><p>正文很长很长。</p></div>\
                    <div class=\"sidebar\">短</div></body>";
        let text = to_text(page.as_bytes().to_vec()).unwrap().text;
        assert_eq!(text, "一、总体要求\n正文很长很长。\n短\n");
    }

    #[test]
    fn a_page_of_nothing_but_chrome_is_refused() {
        let page = "<html><head><title>报告</title><script>x()</script></head><body><nav>首页</nav></body></html>";
        assert_eq!(
            to_text(page.as_bytes().to_vec()).err(),
            Some(HtmlError::Empty)
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

        /// Any soup of tags, text and entities is read or refused, never a panic; what is read
        /// has no blank line.
        #[test]
        fn any_markup_is_read_or_refused(
            page in "(<(p|div|br|script|style|nav|table|td|tr|pre|a|b|font|header|article|span class=\"(nav|TRS_Editor|share)\"|meta charset=\"(gbk|utf-8|x-y)\")>|</(p|div|script|pre|table|article|span)>|[一二、（）。a-z &;#0-9<>\"=\n\u{a0}\u{3000}]){0,120}"
        ) {
            if let Ok(read) = to_text(page.into_bytes()) {
                for line in read.text.lines() {
                    proptest::prop_assert!(!line.trim().is_empty());
                }
            }
        }

        #[test]
        fn any_bytes_are_read_or_refused(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..400)) {
            let _ = to_text(bytes);
        }
    }
}
