//! Word files and web pages read as their text is: the 23 provinces' 2025 reports as published
//! in Word against the text made from them one line per paragraph, and pages built from those
//! texts in the markup government sites use (UTF-8, and GB2312 declared in a `<meta>`), each
//! compared by metadata and section tree (titles, levels, nesting).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use baogao::corpus::{Metadata, Report, load_paths};

fn corpus_dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/corpus")
        .join(name)
}

/// A section tree as titles, levels and children.
#[derive(Debug, PartialEq)]
struct Node {
    title: String,
    level: u8,
    children: Vec<Node>,
}

fn tree(report: &Report, parent: Option<usize>) -> Vec<Node> {
    report
        .sections
        .iter()
        .enumerate()
        .filter(|(_, s)| s.parent == parent)
        .map(|(i, s)| Node {
            title: s.title.clone(),
            level: s.level,
            children: tree(report, Some(i)),
        })
        .collect()
}

/// What must be the same whatever format a report came in.
fn outline(report: &Report) -> (Metadata, Vec<Node>) {
    (report.meta.clone(), tree(report, None))
}

/// The reports under `dir`, none failing, keyed by the place in their file name.
fn by_place(dir: &Path, place: impl Fn(&str) -> String) -> BTreeMap<String, Report> {
    let corpus = load_paths(&[dir.to_path_buf()]);
    assert!(corpus.errors.is_empty(), "{:?}", corpus.errors);
    corpus
        .reports
        .into_iter()
        .map(|r| (place(&r.file), r))
        .collect()
}

/// `江苏省_2025.txt` → `江苏省`.
fn text_place(file: &str) -> String {
    file.split('_').next().unwrap().to_string()
}

fn texts() -> BTreeMap<String, Report> {
    let texts = by_place(&corpus_dir("provinces-2025"), text_place);
    assert_eq!(texts.len(), 23);
    texts
}

/// The lines of a report's text, trailing blank lines aside.
fn lines(report: &Report) -> Vec<&str> {
    let mut lines: Vec<&str> = report.text.lines().collect();
    while lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
    }
    lines
}

#[test]
fn each_word_file_reads_as_its_text() {
    let texts = texts();
    let words = by_place(&corpus_dir("provinces-2025-docx"), |file| {
        file.trim_start_matches("2025年")
            .trim_end_matches("政府工作报告.docx")
            .to_string()
    });
    assert_eq!(
        words.keys().collect::<Vec<_>>(),
        texts.keys().collect::<Vec<_>>()
    );
    for (place, word) in &words {
        let text = &texts[place];
        assert!(word.file.ends_with(".docx"), "{}", word.file);
        assert_eq!(word.encoding, "DOCX");
        assert_eq!(lines(word), lines(text), "{place}: the lines differ");
        assert_eq!(outline(word), outline(text), "{place}: the outlines differ");
        assert!(text.sections.len() > 5, "{place}: a real outline");
    }
}

/// The reading text of a report: its readable lines' content.
fn readable(report: &Report) -> String {
    report
        .lines
        .iter()
        .filter(|line| line.kind.is_readable())
        .map(|line| &report.text[line.content.clone()])
        .collect::<Vec<_>>()
        .join("\n")
}

/// Text as HTML text.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A line wrapped in the page source after its 40th character, as editors wrap long
/// paragraphs (a browser joins the two halves without a space between Chinese characters).
fn source_wrapped(line: &str) -> String {
    let ideograph = |c: Option<char>| c.is_some_and(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c));
    match line.char_indices().nth(40) {
        Some((at, after))
            if ideograph(line[..at].chars().next_back()) && ideograph(Some(after)) =>
        {
            format!("{}\n      {}", escape(&line[..at]), escape(&line[at..]))
        }
        _ => escape(line),
    }
}

fn is_heading(line: &str) -> bool {
    let numbered = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        .iter()
        .any(|n| line.starts_with(&format!("{n}、")) || line.starts_with(&format!("（{n}")));
    numbered && line.chars().count() < 40
}

/// A provincial site of today: header, menu, breadcrumbs, the report in a TRS editor's
/// `<p style="text-indent:2em">`s with bold headings, share buttons, related links, footer.
fn modern_page(text: &str) -> String {
    let mut body = String::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            body.push_str("<p>&nbsp;</p>\n");
        } else if i == 0 {
            body.push_str(&format!(
                "<p align=\"center\"><strong>{}</strong></p>\n",
                escape(line)
            ));
        } else if is_heading(line) {
            body.push_str(&format!(
                "<p style=\"text-indent:2em;\"><strong><span style=\"font-family:黑体\">{}</span></strong></p>\n",
                escape(line)
            ));
        } else {
            body.push_str(&format!(
                "<p style=\"text-indent: 2em;\">{}</p>\n",
                source_wrapped(line)
            ));
        }
    }
    format!(
        r##"<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>政府工作报告_省人民政府</title>
<link rel="stylesheet" href="/images/common.css">
<script src="/js/jquery.min.js"></script>
<script>var _hmt = _hmt || []; document.write("一、不是正文");</script>
<style>.TRS_Editor p {{ line-height: 2; }}</style>
</head><body>
<div class="header"><div class="top-bar"><a href="/">网站首页</a> | <a href="#">无障碍</a> | <a href="#">长者模式</a></div>
<div class="logo"><img src="/images/logo.png" alt="省人民政府"></div>
<div class="search-box"><form action="/search"><input type="text" value="请输入关键字"><button>搜索</button></form></div></div>
<div class="main-nav"><ul><li><a href="/">首页</a></li><li><a href="#">要闻动态</a></li><li><a href="#">政务公开</a></li><li><a href="#">政务服务</a></li><li><a href="#">互动交流</a></li></ul></div>
<div class="container">
<div class="BreadcrumbNav">当前位置：<a href="/">首页</a> &gt; <a href="#">政务公开</a> &gt; <a href="#">政府工作报告</a></div>
<div class="article">
<div class="article-info"><span>字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a></span></div>
<div class="article-content" id="zoom"><div class="TRS_Editor"><style type="text/css">.TRS_Editor P{{margin-top:5px;}}</style>
{body}</div></div>
<div class="bdsharebuttonbox"><a class="bds_weixin">分享到微信</a><a class="bds_tsina">微博</a></div>
<div class="print-close"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
<div class="xglj"><h3>相关链接</h3><ul><li><a href="#">国务院政府工作报告</a></li><li><a href="#">2024年政府工作报告</a></li></ul></div>
</div></div>
<div class="footer"><p>主办单位：省人民政府办公厅　承办单位：省大数据管理中心</p><p>网站标识码：3200000063　ICP备05006179号</p></div>
<script>(function() {{ var bp = document.createElement('script'); }})();</script>
</body></html>
"##
    )
}

/// An older site, saved in GB2312: a layout table, the report in one `<font>` whose paragraphs
/// are `<br>`-separated and indented with ideographic spaces, headings in `<b>`.
fn table_page(text: &str) -> String {
    let mut body = String::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if is_heading(line) {
            body.push_str(&format!("<b>{}</b><br>\n", escape(line)));
        } else {
            body.push_str(&format!("　　{}<br><br>\n", source_wrapped(line)));
        }
    }
    format!(
        r##"<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>政府工作报告</title>
<script language="javascript">function openwin() {{ window.open("x.htm"); }}</script>
</head><body topmargin="0">
<table width="980" border="0" align="center"><tr><td class="daohang"><a href="/">首页</a>　<a href="#">机构设置</a>　<a href="#">政务公开</a></td></tr>
<tr><td class="position">您现在的位置：首页 &gt;&gt; 政务公开</td></tr>
<tr><td><div id="zoom"><font style="font-size:16px" face="宋体">
{body}</font></div></td></tr>
<tr><td class="copyright">版权所有：省人民政府办公厅　技术支持：省信息中心</td></tr></table>
</body></html>
"##
    )
}

/// The central government's site: the first line as the page's `<h1>`, a date and source line
/// with font-size links, the rest in `pages_content`, an editor's line, sharing and related
/// articles after it; declared in an `http-equiv` `<meta>`.
fn central_page(text: &str) -> String {
    let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
    let title = escape(lines.next().unwrap_or_default());
    let body: String = lines
        .map(|line| {
            format!(
                "<p style=\"text-indent: 2em; font-family: 宋体;\">{}</p>\n",
                source_wrapped(line)
            )
        })
        .collect();
    format!(
        r##"<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<meta name="ArticleTitle" content="{title}"><title>{title}_政府信息公开</title></head><body>
<div class="header"><div class="nav"><a href="#">首页</a><a href="#">新闻</a><a href="#">政策</a><a href="#">互动</a><a href="#">服务</a><a href="#">数据</a></div></div>
<div class="main"><div class="BreadcrumbNav"><a href="#">首页</a> &gt; <a href="#">政策</a> &gt; <a href="#">政府工作报告</a></div>
<div class="article oneColumn pub_border"><h1>{title}</h1>
<div class="pages-date">2025-01-21 09:08 来源：新华社<span class="font">【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】<a href="#" class="print">打印</a></span></div>
<div class="pages_content" id="UCAP-CONTENT">
{body}</div>
<div class="editor">责任编辑：王某</div>
<div class="share"><span>分享到：</span><a class="wx">微信</a></div>
<div class="related"><h3>相关稿件</h3><ul><li><a href="#">政府工作报告全文</a></li></ul></div>
</div></div>
<div class="footer"><div class="foot-links"><a href="#">网站说明</a><a href="#">联系我们</a></div><p>版权所有：中国政府网 | 中文域名：中国政府网.政务</p></div>
</body></html>
"##
    )
}

/// A Word file saved as a web page (`.htm`, GB2312, attributes unquoted): `MsoNormal`
/// paragraphs with runs in `<span>`s, numbers in `lang=EN-US` spans, `<o:p>` tags, and the
/// numbers of headings in a list as Word writes them, padded with no-break spaces inside
/// `<![if !supportLists]>`.
fn word_page(text: &str) -> String {
    let mut body = String::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let label_end = ["、", "）"]
            .iter()
            .filter_map(|end| line.find(end).map(|at| at + end.len()))
            .min()
            .filter(|_| is_heading(line));
        let runs = |text: &str| {
            let mut out = String::new();
            let mut digits = String::new();
            for c in escape(text).chars() {
                if c.is_ascii_digit() || (c == '.' && !digits.is_empty()) {
                    digits.push(c);
                    continue;
                }
                if !digits.is_empty() {
                    out.push_str(&format!(
                        "<span\nlang=EN-US>{}</span>",
                        std::mem::take(&mut digits)
                    ));
                }
                out.push(c);
            }
            if !digits.is_empty() {
                out.push_str(&format!("<span lang=EN-US>{digits}</span>"));
            }
            out
        };
        match label_end {
            Some(at) => body.push_str(&format!(
                "<p class=MsoListParagraph style='margin-left:32.0pt;text-indent:-32.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span\nstyle='font-family:黑体'>{}<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]><span\nstyle='font-family:黑体'>{}<span lang=EN-US><o:p></o:p></span></span></p>\n",
                escape(&line[..at]),
                runs(&line[at..])
            )),
            None => body.push_str(&format!(
                "<p class=MsoNormal style='text-indent:32.0pt;line-height:28.0pt'><span\nstyle='font-family:仿宋_GB2312'>{}<span lang=EN-US><o:p></o:p></span></span></p>\n",
                runs(line)
            )),
        }
    }
    format!(
        r##"<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head>
<meta http-equiv=Content-Type content="text/html; charset=gb2312">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<title>政府工作报告</title>
<!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>办公厅</o:Author></o:DocumentProperties></xml><![endif]-->
<style><!-- p.MsoNormal {{margin:0cm; font-size:10.5pt; font-family:"Times New Roman";}} --></style>
</head>
<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>
<div class=WordSection1 style='layout-grid:15.6pt'>
{body}</div>
</body>
</html>
"##
    )
}

#[test]
fn each_page_built_from_a_text_reads_as_that_text() {
    let texts = texts();
    let dir = tempfile::tempdir().unwrap();
    for (place, report) in &texts {
        let modern = modern_page(&report.text);
        std::fs::write(dir.path().join(format!("{place}.html")), &modern).unwrap();
        // Characters outside GBK become character references, as a browser saves them.
        let page = table_page(&report.text);
        let (gb2312, _, _) = encoding_rs::GBK.encode(&page);
        std::fs::write(dir.path().join(format!("{place}-gb.htm")), gb2312).unwrap();
        let central = central_page(&report.text);
        std::fs::write(dir.path().join(format!("{place}-central.html")), central).unwrap();
        let page = word_page(&report.text);
        let (gb2312, _, _) = encoding_rs::GBK.encode(&page);
        std::fs::write(dir.path().join(format!("{place}-word.htm")), gb2312).unwrap();
    }
    let corpus = load_paths(&[dir.path().to_path_buf()]);
    assert!(corpus.errors.is_empty(), "{:?}", corpus.errors);
    assert_eq!(corpus.reports.len(), 92);
    for page in &corpus.reports {
        let place = page
            .file
            .trim_end_matches(".html")
            .trim_end_matches("-central")
            .trim_end_matches("-word.htm")
            .trim_end_matches("-gb.htm");
        let text = &texts[place];
        let expected = if page.file.ends_with(".htm") {
            "GBK"
        } else {
            "UTF-8"
        };
        assert_eq!(page.encoding, expected, "{}", page.file);
        assert_eq!(
            outline(page),
            outline(text),
            "{}: the outlines differ",
            page.file
        );
        // What is read holds only the text's own uses of words the chrome has too: chrome is
        // dropped with its element, or left to the cleaning rules as residue.
        for chrome in [
            "不是正文",
            "分享到",
            "相关",
            "当前位置",
            "首页",
            "版权所有",
            "责任编辑",
        ] {
            assert_eq!(
                readable(page).matches(chrome).count(),
                readable(text).matches(chrome).count(),
                "{}: {chrome}",
                page.file
            );
        }
    }
}
