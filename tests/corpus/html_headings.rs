//! Saved web pages whose headings carry no number (`一、`), only the page's marks: a heading
//! element (`<h2>`), or a block all in bold (`<strong>`, `<b>`, `font-weight:bold`). Each is a
//! real page written to disk here, in UTF-8 and in GB2312 as older government sites save them,
//! and read by the real binary's `outline --format json`, which must find its chapters by those
//! marks, and must not take a bold phrase inside a paragraph, or a long bold paragraph, for a
//! heading.

use std::path::Path;

use crate::sections::{owned, sections};

/// A page around `body`, saved once as UTF-8 (`.html`) and once as GB2312 (`.htm`, declared
/// in a `<meta>`): the two paths.
fn write_both(dir: &Path, name: &str, body: &str) -> [std::path::PathBuf; 2] {
    let page = |charset: &str| {
        format!(
            r#"<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}"><title>政府工作报告</title></head>
<body><div class="nav"><a>首页</a><a>政务公开</a></div>
<div class="article"><h1>政府工作报告</h1>
<p align="center">——2025年1月10日在某县第十八届人民代表大会第四次会议上</p>
<p align="center">县长&nbsp;&nbsp;张三</p>
<p>各位代表：</p>
<p>现在，我代表县人民政府，向大会报告工作，请予审议。</p>
{body}</div><div class="footer">主办单位：某县人民政府办公室</div></body></html>"#
        )
    };
    let utf8 = dir.join(format!("{name}.html"));
    std::fs::write(&utf8, page("utf-8")).unwrap();
    let gb = dir.join(format!("{name}-gb.htm"));
    let gb_page = page("gb2312");
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(&gb_page);
    assert!(!unmappable);
    std::fs::write(&gb, bytes).unwrap();
    [utf8, gb]
}

#[test]
fn unnumbered_heading_elements_are_chapters_and_sections() {
    let dir = tempfile::tempdir().unwrap();
    let body = "<h2>过去一年的工作</h2>
<p>一年来，全县生产总值增长5.2%，经济运行稳中有进。</p>
<h3>稳住经济大盘</h3><p>固定资产投资增长8%，社会消费品零售总额增长6%。</p>
<h3><span>深化</span>改革开放</h3><p>营商环境持续优化，新增市场主体3000户。</p>
<h2>今年的主要任务</h2><p>今年经济社会发展的主要预期目标是：生产总值增长5.5%左右。</p>
<h3>扩大有效需求</h3><p>实施重点项目120个，完成投资300亿元。</p>
<h2>建设人民满意的政府</h2><p>坚持依法行政，自觉接受监督。</p>";
    for path in write_both(dir.path(), "elements", body) {
        assert_eq!(
            sections(&path),
            owned(&[
                (1, "过去一年的工作"),
                (2, "稳住经济大盘"),
                (2, "深化改革开放"),
                (1, "今年的主要任务"),
                (2, "扩大有效需求"),
                (1, "建设人民满意的政府"),
            ]),
            "{}",
            path.display()
        );
    }
}

#[test]
fn unnumbered_bold_blocks_are_chapters_and_bold_inside_prose_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let body = r#"<p align="center"><strong>回首过去</strong></p>
<p>一年来，全县生产总值增长5.2%。</p>
<p><strong>持续防治环境污染。</strong>全年空气质量优良天数达到290天，PM2.5平均浓度下降到35微克/立方米。</p>
<p>我们<b>千方百计</b>稳增长，固定资产投资增长8%。</p>
<p><b>全年新建改建农村公路120公里，完成农村户厕改造4713户，新增城镇就业5000人，城乡居民收入稳步增长。</b></p>
<p style="text-align:center"><b>千方百计</b>&nbsp;<b>稳增长</b></p>
<p>固定资产投资增长8%。</p>
<div style="font-weight:bold;text-align:center">展望未来</div>
<p>今年生产总值增长5.5%左右。</p>
<p><span style="font-weight:normal">这一段不加粗</span></p>
<p>坚持依法行政。</p>"#;
    for path in write_both(dir.path(), "bold", body) {
        assert_eq!(
            sections(&path),
            owned(&[(1, "回首过去"), (1, "千方百计 稳增长"), (1, "展望未来")]),
            "{}",
            path.display()
        );
    }
}

#[test]
fn bold_and_heading_marks_leave_a_numbered_outline_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let body = "<p><strong>一、2024年工作回顾</strong></p>
<p>一年来，全县生产总值增长5.2%。</p>
<p><strong>重点做好以下工作</strong></p>
<h3>（一）稳增长</h3>
<p><strong>坚持创新驱动。</strong>固定资产投资增长8%。</p>
<h2>二、2025年工作安排</h2>
<p>今年生产总值增长5.5%左右。</p>
<p><b>扎实推进</b></p>
<p>实施重点项目120个。</p>";
    for path in write_both(dir.path(), "numbered", body) {
        assert_eq!(
            sections(&path),
            owned(&[
                (1, "一、2024年工作回顾"),
                (2, "（一）稳增长"),
                (1, "二、2025年工作安排"),
            ]),
            "{}",
            path.display()
        );
    }
}

#[test]
fn bold_lines_around_numbered_chapters_are_no_chapters() {
    let dir = tempfile::tempdir().unwrap();
    let body = "<p><b>奋力谱写高质量发展新篇章</b></p>
<p>过去一年，我们顶住压力、迎难而上。</p>
<p><strong>一、2024年工作回顾</strong></p>
<p><b>坚持创新驱动。</b>全年研发投入增长10%。</p>
<p><b>坚持创新驱动</b></p>
<p>全年研发投入增长10%。</p>
<p><strong>1.稳增长。</strong>固定资产投资增长8%。</p>
<p><strong>2.促改革。</strong>新增市场主体3000户。</p>
<h2>二、2025年工作安排</h2>
<p style=\"font-weight:bold\">扎实推进重点项目</p>
<p>今年生产总值增长5.5%左右。</p>";
    for path in write_both(dir.path(), "slogans", body) {
        assert_eq!(
            sections(&path),
            owned(&[
                (1, "一、2024年工作回顾"),
                (3, "1.稳增长"),
                (3, "2.促改革"),
                (1, "二、2025年工作安排"),
            ]),
            "{}",
            path.display()
        );
    }
}
