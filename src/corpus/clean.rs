//! Telling residue from reading text, line by line, without changing the line numbering.
//!
//! Reports reach us copied out of web pages, newspapers and word processors, and bring their
//! chrome along. The rules here are for kinds of residue, not for exact strings:
//!
//! - **web chrome**: short lines made of menu and page words (`会员菜单加载中`, `WAP手机版`,
//!   `返回顶部`, `上一篇`…), navigation trails (`首页 > 新闻 > 公告`, `当前位置：`), URLs and
//!   site contacts (`QQ:`, `ICP备`);
//! - **bylines and page metadata**: two or more `label:` fields of the kind pages print above an
//!   article (`时间:… 作者:… 来源:… 阅读:…`), or one such field alone on a short line
//!   (`来源：濮阳日报`, `责任编辑：…`), and the page's summary (`内容摘要:…`, `导读：`);
//! - **copyright footers**: `版权所有`, `Copyright`, `©`;
//! - **newspaper notes**: continuation notes (`（上接第二版）`, `（下转第三版）`), end marks
//!   (`（完）`), reporter lines (`本报记者 …`, `（记者 … 摄）`), photo captions (`图为…`, `▲…`);
//! - **page furniture**: page numbers (`- 3 -`, `第3页 共10页`);
//! - **word-processor markers**: `[bookmark: _GoBack]`, `[comment: …]`, `{#_Toc123 .anchor}`,
//!   whole lines of them, or glued to the start or end of a line (where they are cut off the
//!   line's content).

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};

use super::markers;

/// What cleaning makes of one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cleaned {
    /// Nothing but whitespace.
    Blank,
    /// Wholly residue.
    Residue,
    /// Reading content: this byte range of the line, trimmed and with glued markers cut off.
    Content(Range<usize>),
}

/// Lines longer than this (in characters) are never chrome, only possibly a summary or a
/// footer recognised by how they start.
const SHORT: usize = 60;

/// Words that only web pages print on a short line.
const WEB_WORDS: &[&str] = &[
    "加载中",
    "手机版",
    "WAP",
    "登录",
    "注册",
    "菜单",
    "导航",
    "返回顶部",
    "回到顶部",
    "返回首页",
    "返回列表",
    "分享到",
    "打印本页",
    "打印此页",
    "关闭窗口",
    "【打印】",
    "【关闭】",
    "扫一扫",
    "二维码",
    "上一篇",
    "下一篇",
    "相关阅读",
    "相关文章",
    "相关新闻",
    "相关链接",
    "网站地图",
    "联系我们",
    "设为首页",
    "加入收藏",
    "收藏本站",
    "微信公众号",
    "无障碍",
    "简体版",
    "繁体版",
    "繁體版",
    "字号：",
    "字号:",
    "【大】",
    "【中】",
    "【小】",
];

/// Labels of the fields pages print above or below an article.
const FIELD_LABELS: &[&str] = &[
    "时间",
    "日期",
    "作者",
    "来源",
    "阅读",
    "评论",
    "点击",
    "浏览",
    "编辑",
    "责任编辑",
    "发布",
    "发布时间",
    "发布日期",
    "更新时间",
    "访问量",
    "浏览次数",
    "阅读次数",
    "字体",
    "字号",
    "分享",
    "稿源",
    "出处",
    "文章来源",
    "信息来源",
    "供稿",
    "审核",
    "校对",
];

/// How a line starts when the rest of it is page metadata, however long.
const PAGE_PREFIXES: &[&str] = &[
    "内容摘要",
    "摘要:",
    "摘要：",
    "导读:",
    "导读：",
    "编者按",
    "版权所有",
    "Copyright",
    "copyright",
    "COPYRIGHT",
    "©",
    "(C)",
    "当前位置",
    "您的位置",
    "你的位置",
    "您现在的位置",
    "你现在的位置",
    "本报记者",
    "本报讯",
    "图为",
    "▲",
    "△",
    "http://",
    "https://",
    "www.",
];

/// Words of site footers and contacts.
const FOOTER_WORDS: &[&str] = &[
    "ICP备",
    "ICP证",
    "公网安备",
    "QQ:",
    "QQ：",
    "E-mail",
    "邮箱:",
    "邮箱：",
    "主办单位",
    "承办单位",
    "技术支持",
    "电话:",
    "电话：",
];

/// Web and footer words, searched for in one pass. Built as a contiguous NFA, not the DFA
/// aho-corasick picks for so few words: it is searched on short lines only, and building the DFA
/// took most of the time of reading the first report (3.4M of 3.7M instructions), which the
/// browser waits for before its first frame.
static CHROME_WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(WEB_WORDS.iter().chain(FOOTER_WORDS))
        .expect("literal patterns")
});

/// Clean one line (without its line end).
pub fn clean_line(line: &str) -> Cleaned {
    let start = line.len() - line.trim_start().len();
    let end = line.trim_end().len();
    if start >= end {
        return Cleaned::Blank;
    }
    let (start, end) = markers::cut(line, start, end);
    if start >= end {
        return Cleaned::Residue;
    }
    let (start, end) = match super::bold::inside_bold(&line[start..end]) {
        Some(inner) => (start + inner.start, start + inner.end),
        None => (start, end),
    };
    let content = &line[start..end];
    if is_residue(content) {
        Cleaned::Residue
    } else {
        Cleaned::Content(start..end)
    }
}

/// Whether a trimmed line is wholly residue.
pub fn is_residue(content: &str) -> bool {
    // A line starts with a prefix only if it starts with the prefix's first character: one
    // look among those characters spares most lines the comparisons.
    static FIRSTS: LazyLock<Vec<char>> = LazyLock::new(|| {
        PAGE_PREFIXES
            .iter()
            .filter_map(|p| p.chars().next())
            .collect()
    });
    let may_open = content.chars().next().is_some_and(|c| FIRSTS.contains(&c));
    if may_open && PAGE_PREFIXES.iter().any(|p| content.starts_with(p)) {
        return true;
    }
    // Long lines are reading text: every check below is for short lines, so a paragraph costs
    // one bounded character count.
    let short = match content.len() {
        // A character is at most 4 bytes: a paragraph needs no counting.
        n if n > SHORT * 4 => false,
        n if n <= SHORT => true,
        _ => content.chars().take(SHORT + 1).count() <= SHORT,
    };
    if !short {
        return false;
    }
    CHROME_WORDS.is_match(content)
        || is_byline(content)
        || is_newspaper_note(content)
        || is_navigation_trail(content)
        || is_page_number(content)
}

/// Two `label:` fields anywhere, or one at the start of a short line.
fn is_byline(content: &str) -> bool {
    // Most short lines hold no colon: two byte searches say so without decoding the line.
    let bytes = content.as_bytes();
    static FULL_WIDTH_COLON: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("："));
    if memchr::memchr(b':', bytes).is_none() && FULL_WIDTH_COLON.find(bytes).is_none() {
        return false;
    }
    let mut fields = 0;
    for (at, _) in content.match_indices([':', '：']) {
        let before = content[..at].trim_end();
        if FIELD_LABELS.iter().any(|label| before.ends_with(label)) {
            let at_start = FIELD_LABELS.contains(&before);
            if at_start && content.chars().count() <= 40 {
                return true;
            }
            fields += 1;
        }
    }
    fields >= 2
}

/// Continuation notes, end marks, reporter credits and photo credits, in brackets.
fn is_newspaper_note(content: &str) -> bool {
    let inner = strip_brackets(content);
    let Some(inner) = inner else {
        return content.starts_with("记者") && content.chars().count() <= 30
            || content.starts_with("通讯员") && content.chars().count() <= 30;
    };
    let continuation = inner.contains('版')
        && ["上接", "下转", "转第", "接第", "紧接", "续第", "转至"]
            .iter()
            .any(|w| inner.contains(w));
    continuation
        || ["完", "全文完", "未完待续", "待续", "本文完"].contains(&inner)
        || inner.contains('摄')
        || inner.contains("供图")
        || inner.starts_with("记者")
        || inner.starts_with("图")
        || inner.starts_with("通讯员")
}

fn strip_brackets(content: &str) -> Option<&str> {
    const PAIRS: &[(&str, &str)] = &[("（", "）"), ("(", ")"), ("【", "】"), ("[", "]")];
    PAIRS.iter().find_map(|(open, close)| {
        content
            .strip_prefix(open)
            .and_then(|rest| rest.strip_suffix(close))
            .map(str::trim)
    })
}

/// `首页 > 新闻中心 > 通知公告`, `首页 » 政务公开`.
fn is_navigation_trail(content: &str) -> bool {
    // Every separator is `>` or led by `C2` (`»`) or `E2` (`›`, `→`): a line with none of
    // these bytes has none, found without decoding it.
    if memchr::memchr3(b'>', 0xC2, 0xE2, content.as_bytes()).is_none() {
        return false;
    }
    let separators = content.matches(['>', '»', '›', '→']).count();
    separators >= 2
        || separators >= 1 && (content.starts_with("首页") || content.starts_with("主页"))
}

/// `3`, `- 3 -`, `— 12 —`, `第3页`, `第 3 页 共 10 页`, `3/10`.
fn is_page_number(content: &str) -> bool {
    // Nothing else can make up a page number: most lines fail at their first character.
    let possible = content.chars().all(|c| {
        c.is_ascii_digit()
            || c.is_whitespace()
            || matches!(c, '-' | '—' | '–' | '－' | '第' | '页' | '共' | '/')
    });
    if !possible {
        return false;
    }
    let core = content
        .trim_matches(|c: char| matches!(c, '-' | '—' | '–' | '－' | ' ' | '\u{3000}'))
        .trim();
    if !core.is_empty() && core.chars().all(|c| c.is_ascii_digit()) {
        return true;
    }
    let compact: String = core.chars().filter(|c| !c.is_whitespace()).collect();
    let digits_and = |allowed: &str| {
        !compact.is_empty()
            && compact
                .chars()
                .all(|c| c.is_ascii_digit() || allowed.contains(c))
            && compact.chars().any(|c| c.is_ascii_digit())
    };
    (compact.starts_with('第') && compact.contains('页') && digits_and("第页共"))
        || (compact.contains('/') && compact.len() <= 9 && digits_and("/"))
}

/// Whether `content` is a title spaced out character by character, like `政 府 工 作 报 告`.
pub fn is_spaced(content: &str) -> bool {
    let chars: Vec<char> = content.chars().collect();
    let letters = chars.iter().filter(|c| !c.is_whitespace()).count();
    let gaps = chars
        .windows(2)
        .filter(|w| !w[0].is_whitespace() && w[1].is_whitespace())
        .count();
    letters >= 3 && gaps + 1 >= letters
}

/// `content` with all whitespace removed (`政 府 工 作 报 告` → `政府工作报告`, `刘  青` → `刘青`).
pub fn compact(content: &str) -> String {
    content.chars().filter(|c| !c.is_whitespace()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn residue(line: &str) -> bool {
        clean_line(line) == Cleaned::Residue
    }

    #[test]
    fn the_bundled_reports_residue() {
        for line in [
            "• 会员菜单加载中......",
            "  • WAP手机版",
            "时间:2023-08-06   作者:中国县域   来源:政府官网   阅读:194   评论:0",
            "内容摘要:政 府 工 作 报 告——2021年3月12日在浚县第十五届人民代表大会第六次会议上",
            "版权所有:中国县域 QQ:1581746470",
            "（上接第二版）",
            "[bookmark: _GoBack]",
        ] {
            assert!(residue(line), "{line}");
        }
    }

    #[test]
    fn their_kin_on_other_sites_and_papers() {
        for line in [
            "首页 > 政务公开 > 政府工作报告",
            "当前位置：首页 >> 政府信息公开",
            "发布时间：2023-01-12 来源：县政府办",
            "来源：濮阳日报",
            "责任编辑：张三",
            "【打印本页】 【关闭窗口】",
            "上一篇：关于印发…的通知",
            "（下转第三版）",
            "(转第4版)",
            "（完）",
            "本报记者 李明",
            "（记者 王强 摄）",
            "图为新建成的安澜湖公园。",
            "▲ 县长作政府工作报告",
            "- 3 -",
            "— 12 —",
            "第 3 页 共 10 页",
            "豫ICP备12345678号",
            "https://www.example.gov.cn/art/2023/1/1.html",
            "Copyright © 2023 某县人民政府 版权所有",
            "[]{#_Toc123 .anchor}",
        ] {
            assert!(residue(line), "{line}");
        }
    }

    #[test]
    fn reading_text_is_kept() {
        for line in [
            "一、2022年工作回顾",
            "（一）万众一心、科学应对，疫情防控扎实有效。",
            "各位代表：",
            "——2023年6月26日在县第十六届人民代表大会第三次会议上",
            "民权县人民政府县长  王静娴",
            "2035年远景目标",
            "1.新建机场路、枫杨路、淮海路等道路，实施商城路升级改造。",
            "坚持狠抓落实。力戒形式主义、官僚主义，大兴调查研究之风。",
            "政 府 工 作 报 告",
            "完成农村户厕改造 4713 户。",
            "生产总值增长7%以上，发布时间表：一季度完成。这是一段很长的正文，讲的是来源多元、作者众多的工作。",
        ] {
            assert!(matches!(clean_line(line), Cleaned::Content(_)), "{line}");
        }
    }

    #[test]
    fn glued_markers_are_cut_off_the_content() {
        let line = "[bookmark: _GoBack]（四）精心打造韧性宜居城";
        let Cleaned::Content(range) = clean_line(line) else {
            panic!()
        };
        assert_eq!(&line[range], "（四）精心打造韧性宜居城");
        let line = "  三、加强政府自身建设[bookmark: _Toc1]  ";
        let Cleaned::Content(range) = clean_line(line) else {
            panic!()
        };
        assert_eq!(&line[range], "三、加强政府自身建设");
        assert_eq!(clean_line("   \u{3000} "), Cleaned::Blank);
    }

    #[test]
    fn spaced_titles() {
        assert!(is_spaced("政 府 工 作 报 告"));
        assert!(is_spaced("政  府  工  作  报  告"));
        assert!(!is_spaced("政府工作报告"));
        assert!(!is_spaced("刘 青"));
        assert_eq!(compact("刘  青"), "刘青");
    }
}
