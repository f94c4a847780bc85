//! Numbers that name rather than measure: classes (`千亿级`, `千亿县`), list headings (`八个方面`),
//! rules and programmes (`中央八项规定`, `百亿斤粮食产能提升工程`), meeting numbers
//! (`十五届四次、五次、六次全会`). Each rule reads the words right around a span the scanner
//! found, once per span: none is per-character work.

use super::{Kind, Span, is_han};
use crate::figures::lexicon::{by_first, by_last};
use crate::figures::words::Affixes;

/// A named rule that tells a label: its name (for `--explain`) and its test.
pub struct LabelRule {
    /// The rule's name.
    pub name: &'static str,
    /// Whether the span of `line` is a label by this rule.
    pub test: fn(line: &str, span: &Span) -> bool,
}

/// The label rules, in the order they are tried.
pub const RULES: &[LabelRule] = &[
    LabelRule {
        name: "class_grade",
        test: class_grade,
    },
    LabelRule {
        name: "class_noun",
        test: class_noun,
    },
    LabelRule {
        name: "label_head",
        test: label_head,
    },
    LabelRule {
        name: "class_kind",
        test: class_kind,
    },
    LabelRule {
        name: "count_of_amounts",
        test: count_of_amounts,
    },
    LabelRule {
        name: "meeting_number",
        test: meeting_number,
    },
    LabelRule {
        name: "programme_name",
        test: programme_name,
    },
    LabelRule {
        name: "lone_zero",
        test: lone_zero,
    },
    LabelRule {
        name: "one_for_one",
        test: one_for_one,
    },
    LabelRule {
        name: "age",
        test: age,
    },
    LabelRule {
        name: "bar_of_group",
        test: bar_of_group,
    },
    LabelRule {
        name: "regime_of_hours",
        test: regime_of_hours,
    },
    LabelRule {
        name: "bar_in_count",
        test: bar_in_count,
    },
    LabelRule {
        name: "set_phrase",
        test: set_phrase,
    },
    LabelRule {
        name: "name_of_numeral_yuan",
        test: name_of_numeral_yuan,
    },
    LabelRule {
        name: "streak",
        test: streak,
    },
    LabelRule {
        name: "list_summary",
        test: list_summary,
    },
    LabelRule {
        name: "numeral_in_word",
        test: numeral_in_word,
    },
    LabelRule {
        name: "round_amount_class",
        test: round_amount_class,
    },
];

/// The first rule that makes the span a label, if one does.
pub fn label_rule(line: &str, span: &Span) -> Option<&'static str> {
    RULES
        .iter()
        .find(|rule| (rule.test)(line, span))
        .map(|rule| rule.name)
}

fn after<'a>(line: &'a str, span: &Span) -> &'a str {
    line.get(span.end..).unwrap_or("")
}

fn before<'a>(line: &'a str, span: &Span) -> &'a str {
    line.get(..span.start).unwrap_or("")
}

fn surface<'a>(line: &'a str, span: &Span) -> &'a str {
    line.get(span.start..span.end).unwrap_or("")
}

/// `培育千亿级产业集群`, `两万亿级`, `30万千瓦级煤电机组`: an amount graded with `级` names a
/// class.
fn class_grade(line: &str, span: &Span) -> bool {
    // `30万千瓦级煤电机组`, `26兆瓦级海上风电机组`: a size graded so names the class too.
    let graded_size = span.kind == Kind::Quantity && after(line, span).starts_with('级');
    span.inner_qualifier == Some("级") || graded_size
}

/// Whether `text` starts with one of `words` that ends a phrase there (`县。`, not `县级`).
fn starts_with_word(text: &str, words: &Affixes) -> bool {
    words.prefixes_of(text).any(|w| {
        text[w.len()..]
            .chars()
            .next()
            .is_none_or(|c| !is_han(c) || c == '和')
    })
}

/// `新增4个千亿县`, `3个过三千亿元城市`, `迈向万亿目标`, `百亿企业`: money right before a class
/// noun names the class.
fn class_noun(line: &str, span: &Span) -> bool {
    if span.kind != Kind::Money {
        return false;
    }
    let rest = after(line, span);
    let bare = !surface(line, span).ends_with('元');
    starts_with_word(rest, by_first!("class-nouns"))
        || (bare && starts_with_word(rest, by_first!("class-nouns-bare")))
}

/// `八个方面`, `中央八项规定`, `办好20件民生实事`, `做好以下9项工作`, `提出6项指标，`: a count
/// heading a list or part of a name.
fn label_head(line: &str, span: &Span) -> bool {
    span.kind == Kind::Count
        && (by_first!("label-heads")
            .longest_prefix(after(line, span))
            .is_some()
            || starts_with_word(after(line, span), by_first!("label-heads-alone"))
            || before(line, span).ends_with("以下"))
}

/// `10类重点就业群体`, `四类村庄`, `1类创新药`, `12类45件民生实事`: a class, not a count.
fn class_kind(line: &str, span: &Span) -> bool {
    span.unit == "类"
        && after(line, span)
            .chars()
            .next()
            .is_some_and(|c| is_han(c) || c.is_ascii_digit())
}

/// `60岁以上老年人`, `3岁以下婴幼儿`: an age names a group of people; only a life expectancy
/// (`人均预期寿命达81.2岁`) measures something.
fn age(line: &str, span: &Span) -> bool {
    if span.unit != "岁" {
        return false;
    }
    // The clause before the age, at most 20 characters.
    let before = before(line, span);
    let clause = before
        .rfind(['，', '。', '；', '：', '！', '？', '、', ',', ';'])
        .map_or(before, |i| &before[i..]);
    let near = clause
        .char_indices()
        .rev()
        .nth(19)
        .map_or(clause, |(i, _)| &clause[i..]);
    !(near.contains("寿命") || near.contains("壽命"))
}

/// `为100所海拔1500米以上农村中小学`: a bar on an attribute (assets/lexicon/label-attributes.txt)
/// names a group of things, it measures nothing.
fn bar_of_group(line: &str, span: &Span) -> bool {
    let rest = after(line, span);
    (rest.starts_with("以上") || rest.starts_with("以下"))
        && by_last!("label-attributes")
            .longest_suffix(before(line, span))
            .is_some()
}

/// `公园24小时开放`, `240小时过境免签政策`, `1小时通勤圈`: hours that name a regime or a reach
/// (assets/lexicon/label-after-durations.txt), not a time measured.
fn regime_of_hours(line: &str, span: &Span) -> bool {
    span.unit == "小时"
        && by_first!("label-after-durations")
            .longest_prefix(after(line, span))
            .is_some()
}

/// `64个预增产值过10亿元、2334个过2000万元的工业新增长点`: an amount the things counted pass,
/// written between the count and the things, tells which things are counted; it measures
/// nothing.
fn bar_in_count(line: &str, span: &Span) -> bool {
    if span.kind != Kind::Money {
        return false;
    }
    let rest = after(line, span);
    let rest = rest.strip_prefix("以上").unwrap_or(rest);
    let head = before(line, span);
    let Some(head) = head.strip_suffix('过').or_else(|| head.strip_suffix('超')) else {
        return false;
    };
    if !rest.starts_with(['的', '、']) {
        return false;
    }
    // The words since the count: its measure word (`个`), then a few Han characters.
    let words = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_han(c))
        .last()
        .map_or(head.len(), |(i, _)| i);
    let (number, words) = head.split_at(words);
    let counted = words.chars().next().is_some_and(|c| {
        by_first!("count-words")
            .words(c)
            .iter()
            .any(|w| words.starts_with(w))
    });
    counted && words.chars().nth(8).is_none() && number.ends_with(|c: char| c.is_ascii_digit())
}

/// `统筹国内国际两个市场、两种资源`: a count opening half of a set phrase
/// (assets/lexicon/set-phrase-pairs.txt) names a policy, it counts nothing.
fn set_phrase(line: &str, span: &Span) -> bool {
    let (here, head) = (&line[span.start.min(line.len())..], before(line, span));
    // The pairs split at `|` once, not per span.
    static PAIRS: std::sync::LazyLock<Vec<(&'static str, &'static str)>> =
        std::sync::LazyLock::new(|| {
            crate::figures::lexicon::list!("set-phrase-pairs")
                .iter()
                .filter_map(|pair| pair.split_once('|'))
                .collect()
        });
    // A span opens a half only with the half's first character: most spans open none.
    // (`None` if a half is empty, which any span opens.)
    static OPENINGS: std::sync::LazyLock<Option<Vec<char>>> = std::sync::LazyLock::new(|| {
        PAIRS
            .iter()
            .flat_map(|(first, second)| [first.chars().next(), second.chars().next()])
            .collect()
    });
    if let Some(openings) = &*OPENINGS
        && !here.chars().next().is_some_and(|c| openings.contains(&c))
    {
        return false;
    }
    PAIRS.iter().any(|&(first, second)| {
        let next = |rest: &str| {
            let rest = rest.strip_prefix('、').unwrap_or(rest);
            rest.starts_with(second)
        };
        let opens_first = here.strip_prefix(first).is_some_and(next);
        let head = head.strip_suffix('、').unwrap_or(head);
        opens_first || (here.starts_with(second) && head.ends_with(first))
    })
}

/// `扶持三元、麦福劳等农牧业`, `三元乳业`: money of one Chinese numeral glued in a name (a
/// company's) is no amount; money that it is runs on to a word money takes (`三元钱`,
/// assets/lexicon/numeral-money-names.txt) or ends the phrase. Money in digits (`3元`) is left.
fn name_of_numeral_yuan(line: &str, span: &Span) -> bool {
    let mut chars = surface(line, span).chars();
    let one_numeral = matches!(
        (chars.next(), chars.next(), chars.next()),
        (
            Some('一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '两' | '兩'),
            Some('元'),
            None
        )
    );
    if span.kind != Kind::Money || !one_numeral {
        return false;
    }
    let rest = after(line, span);
    let Some(next) = rest.chars().next() else {
        return false;
    };
    let money_word = by_first!("numeral-money-names")
        .words(next)
        .iter()
        .any(|w| rest.starts_with(w));
    next == '、' || (is_han(next) && !money_word)
}

/// `连续61个月未发生重大事故`, `连续五次荣获`, `连续10个季度超过全国`: the length of a streak, as
/// `连续3年`, says how long something held; it measures nothing.
fn streak(line: &str, span: &Span) -> bool {
    span.kind == Kind::Count && before(line, span).ends_with("连续")
}

/// `养老、医疗、失业、工伤四项保险扩面增效`, `抓住消费、投资两个关键`, `守好两条底线`: a count in
/// words that groups what it counts under one name (one of assets/lexicon/list-summary-heads.txt;
/// after a list of as many items, also any count by `项`) measures nothing. Things made are
/// counted (`玛尔挡、羊曲两座水电站`), and so is anything in digits (`佛山、茂名高州2个实验区`).
fn list_summary(line: &str, span: &Span) -> bool {
    if span.kind != Kind::Count {
        return false;
    }
    let in_words = surface(line, span)
        .starts_with(['两', '二', '三', '四', '五', '六', '七', '八', '九', '十']);
    let Some(crate::figures::Value::Number(count)) = span.value else {
        return false;
    };
    if span.kind != Kind::Count || !in_words {
        return false;
    }
    let head = before(line, span);
    let from = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !is_han(c) && c != '、')
        .map_or(0, |(i, c)| i + c.len_utf8());
    let mut items: Vec<&str> = head[from..].split('、').collect();
    // `A和B两个`: the last two joined by a conjunction.
    if let Some(last) = items.pop() {
        items.extend(last.splitn(2, ['和', '及']));
    }
    // The first item runs on from the clause's start (`抓住消费`): only the others are read.
    let short = items[1..]
        .iter()
        .all(|item| (1..=6).contains(&item.chars().count()));
    let listed = items.len() >= 2 && short && items.len() as f64 == count;
    // What is grouped: a name (assets/lexicon/list-summary-heads.txt) within the few words
    // after the count, or, for a list, anything counted by `项`.
    let rest = after(line, span);
    let words = rest
        .char_indices()
        .take_while(|&(i, c)| i < 18 && is_han(c))
        .last()
        .map_or("", |(i, c)| &rest[..i + c.len_utf8()]);
    let heads = by_first!("list-summary-heads");
    let head = words
        .char_indices()
        .enumerate()
        .find_map(|(n, (i, _))| heads.longest_prefix(&words[i..]).map(|h| (n, h)));
    // Without a list, only a name of two characters or more opening the words or after one
    // modifier (`两条底线`, `三个现实需求`), not `网` of `三个网格` nor a word inside a longer
    // noun (`两个中医特色优势专科`).
    let alone = head.is_some_and(|(n, h)| n <= 2 && h.chars().nth(1).is_some());
    (listed && (span.unit == "项" || head.is_some())) || alone
}

/// `南港百万吨乙烯`, `延长千万吨炼化`, `万亿立柱、千亿提升`, `千亿县扩容`: a round amount without
/// digits right before a word names a class or a project by its size, unless the word is what
/// it measures (assets/lexicon/bare-amount-measures.txt: `迈上万亿元台阶`, `新增千万吨产能`).
fn round_amount_class(line: &str, span: &Span) -> bool {
    if !matches!(span.kind, Kind::Money | Kind::Quantity) {
        return false;
    }
    let round = surface(line, span)
        .chars()
        .take_while(|c| matches!(c, '百' | '千' | '万' | '亿' | '億' | '萬'))
        .count();
    let rest = after(line, span);
    let word_follows = rest.starts_with(is_han)
        && !rest.starts_with(['、', '，', '。', '；', '的', '和', '及', '与']);
    round > 0
        && word_follows
        && matches!(span.kind, Kind::Money | Kind::Quantity)
        && by_first!("bare-amount-measures")
            .longest_prefix(rest)
            .is_none()
}

/// `三门峡`, `七台河`, `铁人三项`, `三人篮球`: a numeral inside a place's name of three
/// characters or more (assets/divisions.tsv) or a set word (assets/lexicon/numeral-words.txt)
/// counts nothing.
fn numeral_in_word(line: &str, span: &Span) -> bool {
    // Only a count in Chinese numerals can be part of such a word (`三门`, `三项`, `三人`).
    let in_words = surface(line, span).starts_with(|c: char| !c.is_ascii_digit() && is_han(c));
    if span.kind != Kind::Count || !in_words {
        return false;
    }
    // Every stretch of the line over the span reaching at most three characters either side.
    let starts: Vec<usize> = before(line, span)
        .char_indices()
        .rev()
        .take(3)
        .map(|(i, _)| i)
        .chain([span.start])
        .collect();
    let rest = after(line, span);
    let ends: Vec<usize> = std::iter::once(span.end)
        .chain(
            rest.char_indices()
                .take(3)
                .map(|(i, c)| span.end + i + c.len_utf8()),
        )
        .collect();
    let words = crate::figures::lexicon::list!("numeral-words");
    let places = crate::corpus::places::places();
    starts.iter().any(|&from| {
        ends.iter().any(|&to| {
            let word = &line[from..to];
            word.chars().nth(2).is_some()
                && word.chars().all(is_han)
                && (words.contains(&word) || !places.named(word).is_empty())
        })
    })
}

/// `跨过两个万亿元大关`, `实现两个翻番`: a count of amounts, and the amount it counts.
fn count_of_amounts(line: &str, span: &Span) -> bool {
    let rest = after(line, span);
    let magnitudes = rest
        .char_indices()
        .find(|&(_, c)| !matches!(c, '万' | '千' | '百' | '亿'))
        .map_or(rest.len(), |(i, _)| i);
    // `1.22万个亿元以上项目`: a count of things over a threshold is a figure.
    let threshold = |t: &str| t.starts_with("以上") || t.starts_with("以下");
    let counts_amounts = span.kind == Kind::Count
        && span.unit == "个"
        && ((magnitudes > 0
            && rest[magnitudes..]
                .strip_prefix('元')
                .is_some_and(|t| !threshold(t)))
            || rest.starts_with("翻"));
    let counted = span.kind == Kind::Money
        && before(line, span).ends_with('个')
        && !threshold(rest)
        && !surface(line, span).contains(|c: char| c.is_ascii_digit());
    counts_amounts || counted
}

/// `十五届四次、五次、六次全会`, `三次全体会议`: a meeting's number.
fn meeting_number(line: &str, span: &Span) -> bool {
    if span.unit != "次" {
        return false;
    }
    let mut rest = after(line, span);
    // Skip the rest of a list of numbers: `、五次、六次`.
    while let Some(next) = rest.strip_prefix('、') {
        let numeral = next
            .char_indices()
            .find(|&(_, c)| !crate::figures::numerals::is_chinese_numeral(c))
            .map_or(next.len(), |(i, _)| i);
        match next[numeral..].strip_prefix('次') {
            Some(r) if numeral > 0 => rest = r,
            _ => break,
        }
    }
    let meeting = by_first!("meetings").longest_prefix(rest).is_some();
    meeting || before(line, span).ends_with('届')
}

/// `实施百亿斤粮食产能提升工程`, `千亿斤粮食产能提升行动`: a round numeral in a programme's name.
fn programme_name(line: &str, span: &Span) -> bool {
    if !surface(line, span).starts_with(['百', '千', '万', '亿']) {
        return false;
    }
    let rest = after(line, span);
    let name_end = rest
        .char_indices()
        .find(|&(_, c)| !is_han(c))
        .map_or(rest.len(), |(i, _)| i);
    let name = &rest[..name_end];
    name.chars().count() <= 16 && by_last!("programmes").longest_suffix(name).is_some()
}

/// `汽车零部件`: `零` alone is no amount.
fn lone_zero(line: &str, span: &Span) -> bool {
    let text = surface(line, span);
    text.starts_with(['零', '〇'])
        && !text
            .chars()
            .nth(1)
            .is_some_and(crate::figures::numerals::is_chinese_numeral)
}

/// `建一亩成一亩`, `种一棵活一棵`: `一` and its unit said twice is a saying, not an amount.
fn one_for_one(line: &str, span: &Span) -> bool {
    let text = surface(line, span);
    if !text.starts_with('一') {
        return false;
    }
    let near = |s: &str| s.chars().count() <= 3 && !s.is_empty();
    let rest = after(line, span);
    let head = before(line, span);
    rest.find(text).is_some_and(|at| near(&rest[..at]))
        || head
            .rfind(text)
            .is_some_and(|at| near(&head[at + text.len()..]))
}

#[cfg(test)]
mod tests {
    use super::super::scan;

    /// The surfaces `scan` still reports in `line`.
    fn figures(line: &str) -> Vec<String> {
        scan(line)
            .iter()
            .map(|s| line[s.start..s.end].to_string())
            .collect()
    }

    #[test]
    fn streak() {
        assert_eq!(
            figures("制造业投资增长13.3%、连续48个月保持两位数增长"),
            ["13.3%"]
        );
        assert!(figures("连续五次荣获“全国科技进步考核先进县”").is_empty());
        assert!(figures("连续3个季度实行“无会月”").is_empty());
        // A count the streak does not measure stays.
        assert_eq!(figures("连续实施3个项目"), ["3个"]);
    }

    #[test]
    fn list_summary() {
        assert!(figures("养老、医疗、失业、工伤四项保险扩面增效").is_empty());
        assert!(figures("抓住消费和投资两个关键").is_empty());
        // Counted things, in digits or not as many as the items.
        assert_eq!(figures("启动建设佛山、茂名高州2个改革创新实验区"), ["2个"]);
        assert_eq!(figures("新建东区、西区三所学校"), ["三所"]);
        assert_eq!(figures("玛尔挡、羊曲两座水电站全容量投产"), ["两座"]);
        assert!(figures("守好发展和生态两条底线").is_empty());
        assert!(figures("聚焦解决四个问题，").is_empty());
        assert!(figures("统筹国内国际两个大局").is_empty());
        assert_eq!(figures("建成三个网格"), ["三个"]);
        assert_eq!(figures("建成两个中医特色优势专科"), ["两个"]);
    }

    #[test]
    fn numeral_in_word() {
        assert!(figures("联动济源、三门峡加快豫西转型发展").is_empty());
        assert!(figures("办好铁人三项世界杯").is_empty());
        assert!(figures("做靓村歌、村超、三人篮球").is_empty());
        assert_eq!(figures("新建三门峡两个公园"), ["两个"]);
    }

    #[test]
    fn round_amount_class() {
        assert!(figures("南港百万吨乙烯及产业集群项目").is_empty());
        assert!(figures("推动形成万亿立柱、千亿提升、百亿成势").is_empty());
        assert_eq!(figures("经济总量迈上万亿元台阶"), ["万亿元"]);
        assert_eq!(figures("新增千万吨产能"), ["千万吨"]);
        assert_eq!(figures("旅游收入超万亿元，"), ["万亿元"]);
        assert_eq!(figures("新增100万吨乙烯产能"), ["100万吨"]);
    }

    #[test]
    fn regime_of_hours() {
        assert!(
            figures("849座公园实现24小时开放")
                .iter()
                .all(|f| f != "24小时")
        );
        assert!(figures("落实240小时过境免签政策").is_empty());
        assert_eq!(figures("进口货物出关时间缩短1.5小时"), ["1.5小时"]);
    }

    #[test]
    fn bar_in_count() {
        // 湖北_2025
        assert_eq!(
            figures("盯紧抓实64个预增产值过10亿元、2334个过2000万元的工业新增长点"),
            ["64个", "2334个"]
        );
        assert_eq!(figures("营业收入超过6万亿元"), ["6万亿元"]);
        assert_eq!(figures("推进3个50亿元以上项目"), ["3个", "50亿元"]);
    }

    #[test]
    fn set_phrase() {
        // 海南_2025, 河北_2026
        assert!(figures("必须用好用足两个市场、两种资源").is_empty());
        assert!(figures("统筹国内国际两个市场两种资源").is_empty());
        assert_eq!(figures("新建两个市场"), ["两个"]);
    }

    #[test]
    fn name_of_numeral_yuan() {
        // hailaer_2012, hailaer_2016
        assert!(figures("积极扶持三元、麦福劳等农牧业").is_empty());
        assert!(figures("华润雪花、三元乳业等重点企业").is_empty());
        assert_eq!(figures("票价降至三元。"), ["三元"]);
        assert_eq!(figures("每张补贴三元钱"), ["三元"]);
        assert_eq!(figures("扶持3元、"), ["3元"]);
    }

    #[test]
    fn bar_of_group() {
        assert_eq!(
            figures("为100所海拔1500米以上农村中小学幼儿园配备设施"),
            ["100所"]
        );
        assert_eq!(figures("海拔上升1500米"), ["1500米"]);
    }

    #[test]
    fn indicators_a_plan_sets() {
        assert!(figures("一是围绕经济发展，提出6项指标，其中").is_empty());
        assert_eq!(figures("5项指标，三项"), ["三项"]);
        assert!(figures("5项指标居全国前列").contains(&"5项".to_string()));
    }

    #[test]
    fn age() {
        assert_eq!(figures("力争人均预期寿命达81.2岁。"), ["81.2岁"]);
        assert_eq!(figures("人均预期寿命提高1.5岁"), ["1.5岁"]);
        assert!(
            figures("寿命达81岁。为60岁以上老年人发放补贴")
                .iter()
                .all(|f| f != "60岁")
        );
        assert!(figures("5岁以下儿童死亡率下降").is_empty());
        assert_eq!(figures("不超过35微克每立方米"), ["35微克每立方米"]);
    }

    #[test]
    fn class_grade() {
        assert!(
            figures("培育形成3个万亿级优势产业")
                .iter()
                .all(|f| f != "万亿级")
        );
        assert!(figures("两万亿级城市").is_empty());
    }

    #[test]
    fn class_noun() {
        assert_eq!(figures("新增仙桃、潜江4个千亿县。"), ["4个"]);
        assert_eq!(figures("3个过三千亿元城市，"), ["3个"]);
        assert!(figures("正加快迈向万亿目标；").is_empty());
        assert_eq!(figures("旅游业总收入迈上万亿新台阶"), ["万亿"]);
        assert_eq!(figures("安排10亿元县级财政资金"), ["10亿元"]);
    }

    #[test]
    fn label_head() {
        assert!(figures("重点抓好八个方面工作：").is_empty());
        assert!(figures("严格落实中央八项规定精神").is_empty());
        assert!(figures("办好20件民生实事。").is_empty());
        assert_eq!(figures("新增就业20件"), ["20件"]);
        assert!(figures("重点做好以下9项工作：").is_empty());
        assert!(figures("习近平总书记两次莅临陕西").is_empty());
        assert!(figures("抓住消费、投资两个关键，精准施策").is_empty());
        assert_eq!(figures("突破5个关键核心技术"), ["5个"]);
        assert_eq!(figures("连续迈上4万亿、5万亿两个台阶"), ["4万亿", "5万亿"]);
    }

    #[test]
    fn class_kind() {
        assert!(figures("对10类重点就业群体发放贷款").is_empty());
        assert!(figures("完成四类村庄认定").is_empty());
        assert!(figures("办好12类45件民生实事").is_empty());
        assert_eq!(figures("耗材6类，"), ["6类"]);
    }

    #[test]
    fn count_of_amounts() {
        assert_eq!(figures("跨过两个万亿元大关、超过6万亿元"), ["6万亿元"]);
        assert_eq!(figures("实现两个翻番"), ["翻番"]);
        assert_eq!(figures("推进3个50亿元以上项目"), ["3个", "50亿元"]);
        assert_eq!(figures("1.22万个亿元以上项目"), ["1.22万个", "亿元"]);
    }

    #[test]
    fn meeting_number() {
        assert!(figures("省委十五届四次、五次、六次全会").is_empty());
        assert!(figures("召开三次全体会议").is_empty());
        assert_eq!(figures("开展督查三次，"), ["三次"]);
    }

    #[test]
    fn programme_name() {
        assert!(figures("实施百亿斤粮食产能提升工程，").is_empty());
        assert_eq!(figures("新建一万亩高标准农田"), ["一万亩"]);
    }

    #[test]
    fn one_for_one() {
        assert!(figures("确保建一亩成一亩。").is_empty());
        assert_eq!(figures("新建一万亩高标准农田"), ["一万亩"]);
    }

    #[test]
    fn lone_zero() {
        assert!(figures("汽车零部件").is_empty());
    }
}
