//! Numbers inside names, lists and set phrases: list heads (`八个方面`), counts grouping what
//! they list (`两条底线`), set phrases (`两个市场、两种资源`), streaks (`连续61个月`), numerals
//! inside words and place names (`三门峡`, `铁人三项`), meeting numbers, programme names and
//! sayings.

use super::*;

/// `八个方面`, `中央八项规定`, `办好20件民生实事`, `做好以下9项工作`, `提出6项指标，`: a count
/// heading a list or part of a name.
pub(super) fn label_head(line: &str, span: &Span) -> bool {
    span.kind == Kind::Count
        && (by_first!("label-heads")
            .longest_prefix(after(line, span))
            .is_some()
            || starts_with_word(after(line, span), by_first!("label-heads-alone"))
            || before(line, span).ends_with("以下"))
}

/// `出台促进民营经济发展壮大20条措施`, `稳经济30项举措`, `发布45条融合举措`: a policy package
/// named by its number of articles (assets/lexicon/policy-article-heads.txt within four
/// characters after `N条`/`N项`, or after a list of them: `43条、16条具体举措`), and a year's
/// list of services promised (`办好20项重点民生实事`, `十件民生实事`). A tally with a bound
/// (`130多条重点配套措施`) or of more than sixty (`352项重要改革举措`, `1066项惠企政策`) is a
/// figure.
pub(super) fn policy_articles(line: &str, span: &Span) -> bool {
    let text = surface(line, span);
    let few = matches!(span.value, Some(crate::figures::Value::Number(n)) if n <= 60.0);
    if span.kind != Kind::Count
        || !few
        || !text.ends_with(['条', '项', '件'])
        || text.contains(['多', '余', '餘'])
    {
        return false;
    }
    // `相继出台43条、16条具体举措`: the articles of several packages, listed.
    let mut rest = after(line, span);
    while let Some(next) = rest.strip_prefix('、') {
        let digits = next.len() - next.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        match next[digits..].chars().next() {
            Some(c @ ('条' | '项' | '件')) if digits > 0 => {
                rest = &next[digits + c.len_utf8()..]
            }
            _ => break,
        }
    }
    let heads = by_first!("policy-article-heads");
    rest.char_indices()
        .take(5)
        .take_while(|&(_, c)| is_han(c))
        .any(|(i, _)| heads.longest_prefix(&rest[i..]).is_some())
}

/// `设置五大类24个主要指标`, `16个预期性指标，以及…8个约束性指标`: the counts of a plan's list
/// of indicators describe the list. How many were met or missed is a figure
/// (`9项约束性指标全部完成`, `5项预期性指标未能如期完成`).
pub(super) fn indicator_list(line: &str, span: &Span) -> bool {
    if span.kind != Kind::Count {
        return false;
    }
    let rest = after(line, span);
    let Some(head) = ["主要指标", "约束性指标", "预期性指标", "主要目标指标"]
        .iter()
        .find(|w| rest.starts_with(*w))
    else {
        return false;
    };
    // The rest of the clause, where a list's own verb would stand.
    let next = &rest[head.len()..];
    let next = &next[..next.find(['，', '。', '；', '：']).unwrap_or(next.len())];
    !["完成", "达标", "未能", "实现", "达到"]
        .iter()
        .any(|w| next.contains(w))
}

/// `养老、医疗、失业、工伤四项保险扩面增效`, `抓住消费、投资两个关键`, `守好两条底线`: a count in
/// words that groups what it counts under one name (one of assets/lexicon/list-summary-heads.txt;
/// after a list of as many items, also any count by `项`, or any count of a list in quotes:
/// `“暖心、护航、清风”三项工程`) measures nothing. Things made are
/// counted (`玛尔挡、羊曲两座水电站`), and so is anything in digits (`佛山、茂名高州2个实验区`) but
/// a list summed up under one of the names (`创新、协调、绿色、开放、共享、安全6个维度`).
pub(super) fn list_summary(line: &str, span: &Span) -> bool {
    if span.kind != Kind::Count {
        return false;
    }
    let in_words = surface(line, span)
        .starts_with(['两', '二', '三', '四', '五', '六', '七', '八', '九', '十']);
    let Some(crate::figures::Value::Number(count)) = span.value else {
        return false;
    };
    // What is grouped: a name (assets/lexicon/list-summary-heads.txt) within the few words
    // after the count, or, for a list, anything counted by `项`.
    let rest = after(line, span);
    let words = rest
        .char_indices()
        .take_while(|&(i, c)| i < 18 && is_han(c))
        .last()
        .map_or("", |(i, c)| &rest[..i + c.len_utf8()]);
    let heads = by_first!("list-summary-heads");
    let name = words
        .char_indices()
        .enumerate()
        .find_map(|(n, (i, _))| heads.longest_prefix(&words[i..]).map(|h| (n, h)));
    // In digits, only a list summed up under one of the names (`创新、协调、绿色、开放、共享、
    // 安全6个维度`) is a label: things counted are written so (`佛山、茂名高州2个实验区`).
    if !in_words && name.is_none() {
        return false;
    }
    // `“登高、升规、晋位、上市”四个工程`: a list in quotes is read inside them.
    let head = before(line, span);
    let quoted = head.ends_with('”');
    let head = match head.strip_suffix('”') {
        Some(quoted) => quoted
            .rfind('“')
            .map_or(quoted, |at| &quoted[at + '“'.len_utf8()..]),
        None => head,
    };
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
    if !in_words {
        return listed;
    }
    // Without a list, only a name of two characters or more opening the words or after one
    // modifier (`两条底线`, `三个现实需求`), not `网` of `三个网格` nor a word inside a longer
    // noun (`两个中医特色优势专科`).
    let alone = name.is_some_and(|(n, h)| n <= 2 && h.chars().nth(1).is_some());
    (listed && (span.unit == "项" || name.is_some() || quoted)) || alone
}

/// `统筹国内国际两个市场、两种资源`: a count opening half of a set phrase
/// (assets/lexicon/set-phrase-pairs.txt) names a policy, it counts nothing.
pub(super) fn set_phrase(line: &str, span: &Span) -> bool {
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
pub(super) fn name_of_numeral_yuan(line: &str, span: &Span) -> bool {
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
pub(super) fn streak(line: &str, span: &Span) -> bool {
    span.kind == Kind::Count && before(line, span).ends_with("连续")
}

/// `三门峡`, `七台河`, `铁人三项`, `三人篮球`: a numeral inside a place's name of three
/// characters or more (assets/divisions.tsv) or a set word (assets/lexicon/numeral-words.txt)
/// counts nothing.
pub(super) fn numeral_in_word(line: &str, span: &Span) -> bool {
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

/// `十五届四次、五次、六次全会`, `三次全体会议`: a meeting's number.
pub(super) fn meeting_number(line: &str, span: &Span) -> bool {
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
pub(super) fn programme_name(line: &str, span: &Span) -> bool {
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
pub(super) fn lone_zero(line: &str, span: &Span) -> bool {
    let text = surface(line, span);
    text.starts_with(['零', '〇'])
        && !text
            .chars()
            .nth(1)
            .is_some_and(crate::figures::numerals::is_chinese_numeral)
}

/// `建一亩成一亩`, `种一棵活一棵`: `一` and its unit said twice is a saying, not an amount.
pub(super) fn one_for_one(line: &str, span: &Span) -> bool {
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

/// `7100万江淮儿女倍感温暖`, `6100万湖北人民备受鼓舞`: a people (assets/lexicon/populace-words.txt)
/// counted in ten thousands with no unit is the population named, not a figure.
pub(super) fn populace(line: &str, span: &Span) -> bool {
    if span.kind != Kind::Count || !span.unit.is_empty() {
        return false;
    }
    let rest = after(line, span);
    let people = by_first!("populace-words");
    rest.char_indices()
        .take(5)
        .any(|(i, _)| people.longest_prefix(&rest[i..]).is_some())
}
