//! Judging a result against its target.
//!
//! Targets are qualified: `8%左右` (about), `7%以上` (at least), `3%以内` (at most). A target
//! "about" a rate is met within half a percentage point below it (`8%左右` by 7.6%), and "about"
//! an amount within 1% below it; a ceiling is met at or under it; anything else at or above it.

use crate::figures::{Figure, Kind, Value};

/// How a target fared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The result reached the target.
    Met,
    /// The result fell short.
    Missed,
    /// A target was set but no loaded report states the result yet.
    NoResultYet,
    /// No target was set for this period.
    NoTarget,
}

impl Verdict {
    /// A short label for tables.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Met => "met",
            Verdict::Missed => "missed",
            Verdict::NoResultYet => "no result yet",
            Verdict::NoTarget => "",
        }
    }
}

/// Whether `result` meets `target`.
pub fn judge(target: &Figure, result: Option<&Figure>) -> Verdict {
    let Some(result) = result else {
        return Verdict::NoResultYet;
    };
    let (Some(Value::Number(goal)), Some(Value::Number(got))) = (&target.value, &result.value)
    else {
        return Verdict::NoResultYet;
    };
    let qualifier = target.qualifier.unwrap_or("");
    let met = if ["以内", "以下", "控制在", "不超过", "低于"]
        .iter()
        .any(|q| qualifier.contains(q))
    {
        got <= goal
    } else if qualifier.contains("左右") {
        let slack = match target.kind {
            Kind::Percent | Kind::PercentagePoint => 0.5,
            _ => goal.abs() * 0.01,
        };
        *got >= goal - slack
    } else {
        got >= goal
    };
    if met { Verdict::Met } else { Verdict::Missed }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figures::{Measure, Status};

    fn growth(value: f64, qualifier: Option<&'static str>, status: Status) -> Figure {
        Figure {
            span: 0..0,
            line: 0,
            col: 1,
            text: format!("{value}%").into(),
            kind: Kind::Percent,
            value: Some(Value::Number(value)),
            unit: "%",
            measure: Measure::Change,
            indicator: Some("生产总值".into()),
            status,
            qualifier,
            period: crate::figures::Period::parse("2021"),
            basis: None,
            base_year: None,
            comparable_prices: false,
            section: None,
        }
    }

    #[test]
    fn at_least_targets_need_the_full_value() {
        let target = growth(8.0, Some("以上"), Status::Target);
        assert_eq!(
            judge(&target, Some(&growth(8.0, None, Status::Actual))),
            Verdict::Met
        );
        assert_eq!(
            judge(&target, Some(&growth(7.9, None, Status::Actual))),
            Verdict::Missed
        );
        let plain = growth(8.0, None, Status::Target);
        assert_eq!(
            judge(&plain, Some(&growth(7.9, None, Status::Actual))),
            Verdict::Missed
        );
    }

    #[test]
    fn about_targets_allow_half_a_point() {
        let target = growth(8.0, Some("左右"), Status::Target);
        assert_eq!(
            judge(&target, Some(&growth(7.5, None, Status::Actual))),
            Verdict::Met
        );
        assert_eq!(
            judge(&target, Some(&growth(7.4, None, Status::Actual))),
            Verdict::Missed
        );
    }

    #[test]
    fn ceilings_are_met_under_them() {
        let target = growth(3.0, Some("以内"), Status::Target);
        assert_eq!(
            judge(&target, Some(&growth(2.1, None, Status::Actual))),
            Verdict::Met
        );
        assert_eq!(
            judge(&target, Some(&growth(3.2, None, Status::Actual))),
            Verdict::Missed
        );
    }

    #[test]
    fn no_result_or_no_number_is_not_judged() {
        let target = growth(8.0, Some("左右"), Status::Target);
        assert_eq!(judge(&target, None), Verdict::NoResultYet);
        let mut vague = growth(8.0, None, Status::Actual);
        vague.value = None;
        assert_eq!(judge(&target, Some(&vague)), Verdict::NoResultYet);
    }
}
