//! What a figure measures: its indicator, read from the clause before it, the words after it,
//! a `分别` list, or the figure before it.

use super::*;

impl<'a> LineContext<'a> {
    /// The indicator of the figure before a `分别` list that pairs with its `order`-th member:
    /// the list starts at span `first` and the figures before it, as many as the list has
    /// members and in the same sentence, name its members in order.
    pub(super) fn paired_figure(
        &self,
        first: usize,
        order: usize,
        earlier: &[Figure],
        state: &State,
    ) -> Option<String> {
        let members = 1
            + (first + 1..self.spans.len())
                .take_while(|&j| {
                    is_list_separator(&self.content[self.spans[j - 1].end..self.spans[j].start])
                })
                .count();
        let start = first.checked_sub(members)?;
        let in_sentence = self.spans[start].start >= state.sentence_start;
        if order >= members || !in_sentence || earlier.len() < first {
            return None;
        }
        earlier[start + order]
            .indicator
            .as_deref()
            .map(String::from)
    }

    /// What figure `k` measures; updates the indicator carried to the next figure.
    pub(super) fn indicator(
        &self,
        k: usize,
        clause: &'a str,
        after: &str,
        state: &mut State<'a>,
        earlier: &[Figure],
    ) -> Option<Cow<'a, str>> {
        let span = &self.spans[k];
        let content = self.content;
        // `A、B分别增长9.8%、12.5%`: the items pair with the figures in order. The line's
        // `分别` words were found with its other words: most figures have none before them.
        let mut window = span.start.saturating_sub(600);
        while !content.is_char_boundary(window) {
            window -= 1;
        }
        let respectively = |from: usize| {
            self.respectively
                .iter()
                .copied()
                .find(|&at| at >= from && at + "分别".len() <= span.start)
        };
        if respectively(window).is_some() {
            let major_start = content[window..span.start]
                .rfind(|c| is_boundary(c) && !matches!(c, '、' | '（' | '）' | '(' | ')'))
                .map_or(window, |i| after_char(content, window + i));
            let major = &content[major_start..span.start];
            if let Some(p) = respectively(major_start).map(|at| at - major_start) {
                let subject = &major[..p];
                let order = k - self.spans[..k].partition_point(|s| s.start <= major_start + p);
                match indicator::name_before(indicator::paired_item(subject, order)) {
                    Name::Named(name) => {
                        return Some(indicator::expand_contraction(&name, order).into());
                    }
                    // `A 38656元、B 20115元，分别增长8.9%和10.7%`: the figures before name the items.
                    _ => {
                        if let Some(name) = self.paired_figure(k - order, order, earlier, state) {
                            return Some(name.into());
                        }
                    }
                }
            }
        }
        // `5000万元以上项目`: a threshold for the things after it.
        if span.kind == Kind::Money
            && let Some(rest) = after.strip_prefix("以上").or(after.strip_prefix("以下"))
            && let Some(things) = indicator::name_after(rest)
        {
            return Some(indicator::threshold(&things).into());
        }
        // `开办公益“爱心托管班”1.9万个`: a quoted name right before the figure.
        if let Some(name) = indicator::quoted_before(clause) {
            state.indicator = Some(Cow::Borrowed(name));
            return Some(Cow::Borrowed(name));
        }
        // `超50亿元项目4个`: the same threshold, written before.
        if span.kind == Kind::Money
            && (clause.ends_with('超') || clause.ends_with("超过"))
            && let Some(things) = indicator::name_after(after)
            && things.ends_with("项目")
        {
            return Some(indicator::threshold(&things).into());
        }
        // `地区生产总值由2015年的186.5亿元增加到2020年的302.4亿元`: the start is named before
        // `由`, and the end is a level of the same.
        if only_moves(clause)
            && let Some(base) = &state.indicator
        {
            return Some(base.clone());
        }
        // `增速居鸡西市第二`: the rank of what comes before the place.
        let among_places = (span.kind == Kind::Rank)
            .then(|| indicator::rank_among_places(clause))
            .flatten();
        let named_part = among_places.map_or(clause, |at| &clause[..at]);
        let start_of_move = starting_point(named_part);
        let named_part = start_of_move.map_or(named_part, |at| &named_part[..at]);
        let mut name = indicator::name_before(named_part);
        let clause_start = clause.as_ptr() as usize - content.as_ptr() as usize;
        // `亿元以上项目5个`: the things counted are those over the threshold before.
        if k > 0
            && span.kind == Kind::Count
            && self.spans[k - 1].kind == Kind::Money
            && clause_start == self.spans[k - 1].end
            && (clause.starts_with("以上") || clause.starts_with("以下"))
        {
            name = owned(indicator::name_before(
                &content[self.spans[k - 1].start..span.start],
            ));
        }
        // `民生支出占一般公共预算支出的比重达到80.2%`: the part is named before `占`.
        if let Name::Named(n) = &name
            && matches!(n.as_ref(), "比重" | "比例" | "份额")
            && let Some(at) = clause.rfind('占')
        {
            name = indicator::name_before(&clause[..at]);
        }
        // `综合能源(加氢)站4座`, `智能工厂（智能车间）5家`: the name runs on across the aside.
        if !matches!(name, Name::Named(_))
            && let Some(joined) = across_aside(content, clause_start, span.start)
        {
            name = owned(indicator::name_before(&joined));
        }
        // `经济增长7.5%左右`: the economy's growth is that of its output.
        if let Name::Named(n) = &name
            && indicator::is_economy(n)
            && (clause.contains("增长") || clause.contains("增長") || clause.contains("增速"))
        {
            name = Name::Named(Cow::Borrowed("生产总值"));
        }
        let trimmed = clause.trim();
        // `是省定任务的3.4倍`, `占生产总值的比重15.9%`: a multiple or share of the indicator before.
        if (trimmed.starts_with('是') && trimmed.ends_with('的')) || trimmed.starts_with('占') {
            return state.indicator.clone();
        }
        let counted = matches!(
            span.kind,
            Kind::Count | Kind::Percent | Kind::Money | Kind::Quantity
        );
        if counted
            && start_of_move.is_none()
            && after
                .trim_start()
                .chars()
                .next()
                .is_some_and(|c| c > '\u{4dff}' || c == '“')
            && indicator::wants_name_after(clause, &name)
            && let Some(name) = indicator::name_after(after)
        {
            return Some(name.into());
        }
        // `启动90个`, `实施“三大改造”80家`: a verb alone names nothing; its quoted object does.
        if let Name::Named(n) = &name
            && indicator::is_bare_verb(n)
        {
            return indicator::quoted(clause)
                .map_or_else(|| state.indicator.clone(), |q| Some(Cow::Borrowed(q)));
        }
        match name {
            Name::Named(name) => {
                state.indicator = Some(name.clone());
                Some(name)
            }
            Name::Aspect(aspect) => state
                .indicator
                .as_ref()
                .map(|base| format!("{base}{aspect}").into()),
            Name::Nothing => state.indicator.clone(),
        }
    }
}
