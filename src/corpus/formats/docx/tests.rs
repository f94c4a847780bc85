use std::io::Write;

use zip::write::SimpleFileOptions;

use super::*;

const NAMESPACES: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml""#;

/// A Word file holding `parts` (name, content), deflated as Word writes them (at the fastest
/// level: a zip bomb is 64 MB).
fn zipped(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_level(Some(1));
    for (name, content) in parts {
        zip.start_file(*name, options).unwrap();
        zip.write_all(content).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

fn document(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NAMESPACES}><w:body>{body}<w:sectPr><w:pgSz w:w="11906"/></w:sectPr></w:body></w:document>"#
    )
}

fn p(text: &str) -> String {
    format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>")
}

fn text_of(body: &str) -> String {
    to_text(&zipped(&[("word/document.xml", document(body).as_bytes())])).unwrap()
}

#[test]
fn one_line_per_paragraph_in_order() {
    let body = format!(
        "{}<w:p/>{}<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"420\"/></w:tabs></w:pPr>\
         <w:r><w:t xml:space=\"preserve\">1.</w:t></w:r><w:r><w:tab/><w:t>A &amp; B&#12290;</w:t></w:r></w:p>\
         <w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t><w:br w:type=\"page\"/></w:r></w:p>",
        p("政府工作报告"),
        p("一、2024年工作回顾")
    );
    assert_eq!(
        text_of(&body),
        "政府工作报告\n\n一、2024年工作回顾\n1.\tA & B。\n第一行\n第二行\n"
    );
}

#[test]
fn a_table_row_is_a_line_of_cells() {
    let cell = |parts: &[&str]| {
        format!(
            "<w:tc><w:tcPr/>{}</w:tc>",
            parts.iter().map(|t| p(t)).collect::<String>()
        )
    };
    let body = format!(
        "{}<w:tbl><w:tblPr/><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>{}",
        p("前"),
        cell(&["指标"]),
        cell(&["目标"]),
        cell(&["地区生产总值", "（亿元）"]),
        cell(&["增长5%左右"]),
        p("后")
    );
    assert_eq!(
        text_of(&body),
        "前\n指标\t目标\n地区生产总值 （亿元）\t增长5%左右\n后\n"
    );
}

#[test]
fn a_text_box_follows_its_paragraph_once() {
    let textbox = format!(
        "<w:txbxContent>{}{}</w:txbxContent>",
        p("框内一"),
        p("框内二")
    );
    let body = format!(
        "<w:p><w:r><w:t>正文</w:t></w:r><w:r><mc:AlternateContent>\
         <mc:Choice Requires=\"wps\"><w:drawing><wps:wsp><wps:txbx>{textbox}</wps:txbx></wps:wsp></w:drawing></mc:Choice>\
         <mc:Fallback><w:pict><v:shape><v:textbox>{textbox}</v:textbox></v:shape></w:pict></mc:Fallback>\
         </mc:AlternateContent></w:r><w:r><w:t>继续。</w:t></w:r></w:p>{}",
        p("下一段")
    );
    assert_eq!(text_of(&body), "正文继续。\n框内一\n框内二\n下一段\n");
}

#[test]
fn deleted_hidden_and_field_code_text_is_left_out() {
    let body = "<w:p><w:ins><w:r><w:t>新增</w:t></w:r></w:ins>\
        <w:del><w:r><w:delText>删除</w:delText></w:r></w:del>\
        <w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>\
        <w:r><w:rPr><w:vanish w:val=\"0\"/></w:rPr><w:t>可见</w:t></w:r>\
        <w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>\
        <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>3</w:t></w:r>\
        <w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>\
        <w:p><w:pPr><w:rPr><w:vanish/></w:rPr><w:pPrChange><w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:pPrChange></w:pPr><w:r><w:t>段落</w:t></w:r></w:p>";
    assert_eq!(text_of(body), "新增可见3\n段落\n");
}

#[test]
fn word_list_numbers_are_written_out() {
    let numbering = format!(
        r#"<w:numbering {NAMESPACES}><w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
        </w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#
    );
    let numbered = |level: u8, text: &str| {
        format!(
            "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"
        )
    };
    let body = [
        numbered(0, "2024年工作回顾"),
        numbered(1, "稳增长"),
        p("正文。"),
        numbered(1, "促改革"),
        numbered(0, "2025年工作安排"),
        numbered(1, "扩内需"),
    ]
    .concat();
    let file = zipped(&[
        ("word/document.xml", document(&body).as_bytes()),
        ("word/numbering.xml", numbering.as_bytes()),
    ]);
    assert_eq!(
        to_text(&file).unwrap(),
        "一、2024年工作回顾\n（一）稳增长\n正文。\n（二）促改革\n二、2025年工作安排\n（一）扩内需\n"
    );
}

#[test]
fn notes_follow_the_body_and_the_main_part_is_found_by_its_relationship() {
    let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/doc/main.xml"/></Relationships>"#;
    let footnotes = format!(
        r#"<w:footnotes {NAMESPACES}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
        <w:footnote w:id="1"><w:p><w:r><w:t>三个一批：指签约一批、开工一批、投产一批。</w:t></w:r></w:p></w:footnote></w:footnotes>"#
    );
    let body = "<w:p><w:r><w:t>实施“三个一批”</w:t></w:r><w:r><w:footnoteReference w:id=\"1\"/></w:r></w:p>";
    let file = zipped(&[
        ("_rels/.rels", rels.as_bytes()),
        ("doc/main.xml", document(body).as_bytes()),
        ("doc/footnotes.xml", footnotes.as_bytes()),
    ]);
    assert_eq!(
        to_text(&file).unwrap(),
        "实施“三个一批”\n三个一批：指签约一批、开工一批、投产一批。\n"
    );
}

#[test]
fn damaged_files_are_refused_with_a_reason() {
    let good = zipped(&[("word/document.xml", document(&p("正文")).as_bytes())]);
    assert_eq!(to_text(b"just text"), Err(DocxError::NotZip));
    assert_eq!(
        to_text(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]),
        Err(DocxError::OldWord)
    );
    assert!(matches!(
        to_text(&good[..good.len() / 2]),
        Err(DocxError::Damaged(_))
    ));
    assert_eq!(
        to_text(&zipped(&[("word/other.xml", b"<a/>")])),
        Err(DocxError::NoDocument("word/document.xml".into()))
    );
    for broken in [
        "<w:document><w:body><w:p></w:body></w:document>".to_string(),
        document(&p("正文")).replace("</w:document>", ""),
        document("<w:p><w:r><w:t>&nosuch;</w:t></w:r></w:p>"),
    ] {
        let file = zipped(&[("word/document.xml", broken.as_bytes())]);
        assert!(
            matches!(to_text(&file), Err(DocxError::BrokenXml { .. })),
            "{broken}"
        );
    }
    let empty = zipped(&[(
        "word/document.xml",
        document("<w:p/><w:p></w:p>").as_bytes(),
    )]);
    assert_eq!(to_text(&empty), Err(DocxError::Empty));
}

#[test]
fn a_zip_bomb_stops_at_the_cap() {
    let mut bomb = document("").into_bytes();
    bomb.extend(std::iter::repeat_n(b' ', MAX_UNZIPPED as usize));
    let file = zipped(&[("word/document.xml", &bomb)]);
    assert!(
        file.len() < bomb.len() / 100,
        "the bomb is small: {}",
        file.len()
    );
    assert_eq!(
        to_text(&file),
        Err(DocxError::TooLarge {
            part: "word/document.xml".into()
        })
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// Whatever the bytes, an answer and no panic; a cut or flipped Word file included.
    #[test]
    fn any_bytes_are_read_or_refused(cut in 0usize..4000, flip in 0usize..4000, byte: u8) {
        let body = format!("{}{}", p("一、总体要求"), p("正文。"));
        let mut file = zipped(&[("word/document.xml", document(&body).as_bytes())]);
        if let Some(b) = file.get_mut(flip) {
            *b = byte;
        }
        file.truncate(cut.max(1));
        let _ = to_text(&file);
    }
}

#[test]
fn heading_styles_number_their_paragraphs() {
    let numbering = format!(
        r#"<w:numbering {NAMESPACES}><w:abstractNum w:abstractNumId="7">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="1"/><w:lvlText w:val="%1、"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="2"/><w:lvlText w:val="（%2）"/></w:lvl>
        </w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num></w:numbering>"#
    );
    let styles = format!(
        r#"<w:styles {NAMESPACES}>
        <w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
        <w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/><w:basedOn w:val="1"/></w:style>
        </w:styles>"#
    );
    let styled = |style: &str, text: &str| {
        format!(
            "<w:p><w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"
        )
    };
    let body = [
        styled("1", "2024年工作回顾"),
        styled("2", "稳增长"),
        styled("2", "促改革"),
        "<w:p><w:pPr><w:pStyle w:val=\"1\"/><w:numPr><w:numId w:val=\"0\"/></w:numPr></w:pPr><w:r><w:t>附件</w:t></w:r></w:p>".to_string(),
        styled("1", "2025年工作安排"),
        styled("Normal", "正文。"),
    ]
    .concat();
    let file = zipped(&[
        ("word/document.xml", document(&body).as_bytes()),
        ("word/numbering.xml", numbering.as_bytes()),
        ("word/styles.xml", styles.as_bytes()),
    ]);
    assert_eq!(
        to_text(&file).unwrap(),
        "一、2024年工作回顾\n（一）稳增长\n（二）促改革\n附件\n二、2025年工作安排\n正文。\n"
    );
}

#[test]
fn a_table_of_contents_is_left_out() {
    let run = |inner: &str| format!("<w:r>{inner}</w:r>");
    let entry = |title: &str, page: u8| {
        format!(
            "<w:p><w:pPr><w:pStyle w:val=\"TOC1\"/></w:pPr><w:hyperlink w:anchor=\"_Toc1\">{}{}{}{}{}{}</w:hyperlink></w:p>",
            run(&format!("<w:t>{title}</w:t>")),
            run("<w:tab/>"),
            run("<w:fldChar w:fldCharType=\"begin\"/>"),
            run("<w:instrText xml:space=\"preserve\"> PAGEREF _Toc1 \\h </w:instrText>"),
            run("<w:fldChar w:fldCharType=\"separate\"/>"),
            run(&format!(
                "<w:t>{page}</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/>"
            ))
        )
    };
    let body = format!(
        "{}<w:p>{}{}{}</w:p>{}{}<w:p>{}</w:p>{}{}<w:p><w:fldSimple w:instr=\" PAGE \"><w:r><w:t>3</w:t></w:r></w:fldSimple></w:p>",
        p("目录"),
        run("<w:fldChar w:fldCharType=\"begin\"/>"),
        run("<w:instrText xml:space=\"preserve\"> TOC \\o \"1-3\" \\h \\z \\u </w:instrText>"),
        run("<w:fldChar w:fldCharType=\"separate\"/>"),
        entry("一、2024年工作回顾", 1),
        entry("二、2025年工作安排", 5),
        run("<w:fldChar w:fldCharType=\"end\"/>"),
        p("一、2024年工作回顾"),
        p("二、2025年工作安排"),
    );
    assert_eq!(
        text_of(&body),
        "目录\n一、2024年工作回顾\n二、2025年工作安排\n3\n"
    );
}

#[test]
fn a_table_of_contents_that_never_ends_is_kept() {
    let body = format!(
        "<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>TOC \\o</w:instrText></w:r></w:p>{}{}",
        p("一、总体要求"),
        p("正文。")
    );
    assert_eq!(text_of(&body), "\n一、总体要求\n正文。\n");
}

#[test]
fn a_byte_order_mark_and_another_prefix_are_read() {
    let body = document(&p("一、总体要求"))
        .replace("w:", "ns0:")
        .replace("xmlns:w=", "xmlns:ns0=");
    let with_bom = format!("\u{feff}{body}");
    let file = zipped(&[("word/document.xml", with_bom.as_bytes())]);
    assert_eq!(to_text(&file).unwrap(), "一、总体要求\n");
}

#[test]
fn headings_are_noted_by_their_line_in_the_text() {
    let bold = |text: &str| format!("<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>{text}</w:t></w:r></w:p>");
    let body = [
        bold("标题"),
        "<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>".to_string(),
        "<w:p><w:pPr><w:outlineLvl w:val=\"1\"/></w:pPr><w:r><w:t>二级</w:t></w:r></w:p>"
            .to_string(),
        // In a table, mixed with plain text, broken over two lines, or set to body level: none.
        format!("<w:tbl><w:tr><w:tc>{}</w:tc></w:tr></w:tbl>", bold("表内")),
        format!(
            "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>加粗</w:t></w:r>{}</w:p>",
            "<w:r><w:t>正文。</w:t></w:r>"
        ),
        "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>上</w:t><w:br/><w:t>下</w:t></w:r></w:p>".to_string(),
        "<w:p><w:pPr><w:outlineLvl w:val=\"9\"/></w:pPr><w:r><w:t>正文级</w:t></w:r></w:p>"
            .to_string(),
        bold("末"),
    ]
    .concat();
    let file = zipped(&[("word/document.xml", document(&body).as_bytes())]);
    let converted = read(&file).unwrap();
    assert_eq!(
        converted.text,
        "标题\n第一行\n第二行\n二级\n表内\n加粗正文。\n上\n下\n正文级\n末\n"
    );
    let hint = |line, level| HeadingHint { line, level };
    assert_eq!(
        converted.headings,
        [hint(0, None), hint(3, Some(1)), hint(9, None)]
    );
}
