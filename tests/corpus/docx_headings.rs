//! Word files whose headings carry no number (`一、`), only Word's marks: a heading style, an
//! outline level, or bold. Each is a real `.docx` written to disk here (a zip holding
//! `word/document.xml` and `word/styles.xml`) and read by the real binary's `outline --format
//! json`, which must find its chapters by those marks, and must not take a bold sentence inside
//! a paragraph, or a long bold paragraph, for a heading.

use std::io::Write;
use std::path::Path;

use crate::sections::{owned, sections};

use zip::write::SimpleFileOptions;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// A Word file holding `document.xml` with `body`, and `styles`.
fn word_file(path: &Path, body: &str, styles: &str) {
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}"><w:body>{body}<w:sectPr/></w:body></w:document>"#
    );
    let styles = format!(r#"<w:styles xmlns:w="{W}">{styles}</w:styles>"#);
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let options = SimpleFileOptions::default();
    for (name, content) in [("word/document.xml", document), ("word/styles.xml", styles)] {
        zip.start_file(name, options).unwrap();
        zip.write_all(content.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
}

/// A paragraph of plain runs.
fn p(text: &str) -> String {
    format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
}

/// A paragraph in style `style`.
fn styled(style: &str, text: &str) -> String {
    format!("<w:p><w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>")
}

/// A run set in bold.
fn bold_run(text: &str) -> String {
    format!("<w:r><w:rPr><w:b/><w:sz w:val=\"32\"/></w:rPr><w:t>{text}</w:t></w:r>")
}

/// A paragraph whose runs are all bold: its first character in a run of its own, as Word
/// splits runs.
fn bold(text: &str) -> String {
    let first = text.chars().next().map_or(0, char::len_utf8);
    format!(
        "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>{}{}</w:p>",
        bold_run(&text[..first]),
        bold_run(&text[first..])
    )
}

/// The front of a report: title, session line, speaker, salutation.
fn front() -> String {
    [
        bold("某县政府工作报告"),
        p("——2025年1月10日在某县第十八届人民代表大会第四次会议上"),
        p("县长 张三"),
        p("各位代表："),
        p("现在，我代表县人民政府，向大会报告工作，请予审议。"),
    ]
    .concat()
}

#[test]
fn unnumbered_headings_in_heading_styles_are_chapters_and_sections() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("styled.docx");
    // Word's own ids and names (a Chinese Word names them 标题 1, 标题 2), and a style that
    // sets an outline level by itself.
    let styles = r#"<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:keepNext/></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="2"><w:name w:val="标题 2"/><w:basedOn w:val="a"/></w:style>
        <w:style w:type="paragraph" w:styleId="a"><w:name w:val="Normal"/></w:style>
        <w:style w:type="paragraph" w:styleId="Lead"><w:name w:val="Lead"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>"#;
    let body = [
        front(),
        styled("1", "过去一年的工作"),
        p("一年来，全县生产总值增长5.2%，经济运行稳中有进。"),
        styled("2", "稳住经济大盘"),
        p("固定资产投资增长8%，社会消费品零售总额增长6%。"),
        styled("2", "深化改革开放"),
        p("营商环境持续优化，新增市场主体3000户。"),
        "<w:p><w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr><w:r><w:t>今年的主要任务</w:t></w:r></w:p>"
            .to_string(),
        p("今年经济社会发展的主要预期目标是：生产总值增长5.5%左右。"),
        styled("2", "扩大有效需求"),
        p("实施重点项目120个，完成投资300亿元。"),
        // A section that names a part, as a chapter would: one section, not two headings.
        styled("2", "加强政府自身建设"),
        p("坚持依法行政。"),
        styled("Lead", "建设人民满意的政府"),
        p("坚持依法行政，自觉接受监督。"),
    ]
    .concat();
    word_file(&path, &body, styles);
    assert_eq!(
        sections(&path),
        owned(&[
            (1, "过去一年的工作"),
            (2, "稳住经济大盘"),
            (2, "深化改革开放"),
            (1, "今年的主要任务"),
            (2, "扩大有效需求"),
            (2, "加强政府自身建设"),
            (1, "建设人民满意的政府"),
        ])
    );
}

#[test]
fn unnumbered_bold_headings_are_chapters_and_bold_inside_prose_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bold.docx");
    let mixed = format!(
        "<w:p>{}<w:r><w:t>全年空气质量优良天数达到290天，PM2.5平均浓度下降到35微克/立方米。</w:t></w:r></w:p>",
        bold_run("持续防治环境污染。")
    );
    let long_bold = bold(
        "全年新建改建农村公路120公里，完成农村户厕改造4713户，新增城镇就业5000人，城乡居民收入稳步增长。",
    );
    // A paragraph whose style is bold, and one whose bold run is turned off again.
    let styles = r#"<w:style w:type="paragraph" w:styleId="Strong"><w:name w:val="Strong Para"/><w:rPr><w:b/></w:rPr></w:style>"#;
    let unbolded = "<w:p><w:pPr><w:pStyle w:val=\"Strong\"/></w:pPr><w:r><w:rPr><w:b w:val=\"0\"/></w:rPr><w:t>这一段不加粗</w:t></w:r></w:p>";
    let body = [
        front(),
        bold("回首过去"),
        p("一年来，全县生产总值增长5.2%。"),
        mixed,
        long_bold,
        bold("千方百计稳增长"),
        p("固定资产投资增长8%。"),
        styled("Strong", "展望未来"),
        p("今年生产总值增长5.5%左右。"),
        unbolded.to_string(),
        p("坚持依法行政。"),
    ]
    .concat();
    word_file(&path, &body, styles);
    assert_eq!(
        sections(&path),
        owned(&[(1, "回首过去"), (1, "千方百计稳增长"), (1, "展望未来")])
    );
}

#[test]
fn bold_headings_leave_a_numbered_outline_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("numbered.docx");
    let body = [
        front(),
        bold("一、2024年工作回顾"),
        p("一年来，全县生产总值增长5.2%。"),
        bold("重点做好以下工作"),
        bold("（一）稳增长"),
        p("固定资产投资增长8%。"),
        bold("二、2025年工作安排"),
        p("今年生产总值增长5.5%左右。"),
        bold("扎实推进"),
        p("实施重点项目120个。"),
    ]
    .concat();
    word_file(&path, &body, "");
    assert_eq!(
        sections(&path),
        owned(&[
            (1, "一、2024年工作回顾"),
            (2, "（一）稳增长"),
            (1, "二、2025年工作安排"),
        ])
    );
}

/// A paragraph that opens with a bold lead sentence, as Word reports set their points.
fn lead(bold_part: &str, rest: &str) -> String {
    format!(
        "<w:p>{}<w:r><w:t>{rest}</w:t></w:r></w:p>",
        bold_run(bold_part)
    )
}

#[test]
fn bold_lines_around_numbered_chapters_are_no_chapters() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("slogans.docx");
    let body = [
        front(),
        bold("奋力谱写高质量发展新篇章"),
        p("过去一年，我们顶住压力、迎难而上。"),
        bold("一、2024年工作回顾"),
        lead("坚持创新驱动。", "全年研发投入增长10%。"),
        bold("坚持创新驱动"),
        p("全年研发投入增长10%。"),
        lead("1.稳增长。", "固定资产投资增长8%。"),
        lead("2.促改革。", "新增市场主体3000户。"),
        bold("二、2025年工作安排"),
        bold("扎实推进重点项目"),
        p("今年生产总值增长5.5%左右。"),
    ]
    .concat();
    word_file(&path, &body, "");
    assert_eq!(
        sections(&path),
        owned(&[
            (1, "一、2024年工作回顾"),
            (3, "1.稳增长"),
            (3, "2.促改革"),
            (1, "二、2025年工作安排"),
        ])
    );
}

#[test]
fn bold_chapters_whose_numbering_starts_again_under_each_stay_chapters() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("parts.docx");
    let body = [
        front(),
        bold("回首过去"),
        p("一、稳增长"),
        p("固定资产投资增长8%。"),
        p("二、促改革"),
        p("新增市场主体3000户。"),
        bold("展望未来"),
        p("一、扩大有效需求"),
        p("实施重点项目120个。"),
        p("二、深化改革开放"),
        p("营商环境持续优化。"),
    ]
    .concat();
    word_file(&path, &body, "");
    assert_eq!(
        sections(&path),
        owned(&[
            (1, "回首过去"),
            (2, "一、稳增长"),
            (2, "二、促改革"),
            (1, "展望未来"),
            (2, "一、扩大有效需求"),
            (2, "二、深化改革开放"),
        ])
    );
}
