use super::*;

/// The surfaces found in `line`.
fn surfaces(line: &str) -> Vec<&str> {
    scan(line)
        .into_iter()
        .map(|s| &line[s.start..s.end])
        .collect()
}

/// The one figure in `line`.
fn one(line: &str) -> Span {
    let mut found = scan(line);
    assert_eq!(found.len(), 1, "{line}: {found:?}");
    found.remove(0)
}

fn number(line: &str) -> f64 {
    match one(line).value {
        Some(Value::Number(v)) => v,
        other => panic!("{line}: {other:?}"),
    }
}

fn kind(line: &str) -> Kind {
    one(line).kind
}

#[test]
fn money_with_magnitudes() {
    assert_eq!(
        surfaces("全县生产总值完成283.1亿元，同比增长"),
        ["283.1亿元"]
    );
    assert!((number("完成283.1亿元") - 283.1e8).abs() < 1.0);
    assert_eq!(number("利用境外资金4285万美元"), 42_850_000.0);
    assert_eq!(one("利用境外资金4285万美元").unit, "美元");
    assert_eq!(number("达3万亿元"), 3e12);
    assert_eq!(number("收入32175 元，"), 32175.0);
    assert!((number("完成 292.1 亿元") - 292.1e8).abs() < 1.0);
    assert_eq!(kind("完成 292.1 亿元"), Kind::Money);
}

#[test]
fn traditional_characters_and_ten_thousand_yuan() {
    assert_eq!(number("生產總值完成283億元"), 283e8);
    assert_eq!(number("收入12.5萬元"), 125_000.0);
    assert_eq!(number("投资4560万元"), 45_600_000.0);
    assert_eq!(number("新增就業1.2萬人"), 12_000.0);
    assert_eq!(one("消除省級貧困村38個，").unit, "个");
    assert_eq!(number("吞吐量完成1112萬標箱，"), 11_120_000.0);
}

#[test]
fn full_width_digits() {
    assert_eq!(number("增长７.５％"), 7.5);
    assert_eq!(number("同比增长107％"), 107.0);
    assert_eq!(kind("同比增长107％"), Kind::Percent);
}

#[test]
fn every_kind() {
    assert_eq!(kind("增长5.2%"), Kind::Percent);
    assert_eq!(kind("提高1.5个百分点"), Kind::PercentagePoint);
    assert_eq!(kind("项目13个"), Kind::Count);
    assert_eq!(kind("企业28家"), Kind::Count);
    assert_eq!(kind("粮食产量87.1万吨"), Kind::Quantity);
    assert_eq!(kind("用电量13.83亿千瓦时"), Kind::Quantity);
    assert_eq!(kind("浓度70 微克/立方米"), Kind::Quantity);
    assert_eq!(kind("是省定任务的3.4倍"), Kind::Multiple);
    assert_eq!(kind("增速居全市第1位"), Kind::Rank);
    assert_eq!(kind("三次产业比优化为 24:34.6:41.4；"), Kind::Ratio);
    assert_eq!(kind("投资1320亿元"), Kind::Money);
}

#[test]
fn magnitudes_and_units_split_right() {
    assert_eq!(number("用电量13.83亿千瓦时"), 13.83e8);
    assert_eq!(one("用电量13.83亿千瓦时").unit, "千瓦时");
    assert_eq!(number("首次突破10亿度，"), 1e9);
    assert_eq!(one("首次突破10亿度，").unit, "千瓦时");
    assert_eq!(number("面积100万平方米。"), 1e6);
    assert_eq!(one("面积100万平方米。").unit, "平方米");
    assert_eq!(number("投资5千万元"), 5e7);
}

#[test]
fn computing_power_in_latin_units() {
    assert_eq!(number("智能算力达1.6万P，"), 1.6e4);
    assert_eq!(one("总算力突破7000PF、").unit, "P");
    assert_eq!(one("算力总规模达到15EFlops，").unit, "EFlops");
    // Codes glued to letters stay codes.
    assert!(scan("型号H100P出货").is_empty());
    assert!(scan("建成5G基站").is_empty());
    assert!(scan("7000PFS型").is_empty());
}

#[test]
fn chinese_numerals_as_figures() {
    assert_eq!(number("较2015年提高近百亿元；"), 1e10);
    assert_eq!(number("首次突破百万吨。"), 1e6);
    assert_eq!(number("整车出口突破百万辆、"), 1e6);
    assert_eq!(number("接待游客超千万人次。"), 1e7);
    assert!(scan("走进千家万户").is_empty());
    assert!(scan("惠及百万人口").is_empty());
    assert_eq!(number("引进两家企业"), 2.0);
    assert_eq!(number("建成十二所学校"), 12.0);
    // `千亿级` grades a class of cluster (see `labels`).
    assert!(scan("培育千亿级产业集群").is_empty());
    assert_eq!(number("达到百分之八。"), 8.0);
    assert_eq!(kind("达到百分之八。"), Kind::Percent);
    assert_eq!(number("增长百分之三点五，"), 3.5);
    assert_eq!(surfaces("增长百分之三点五，"), ["百分之三点五"]);
}

#[test]
fn about_inside_the_surface() {
    let span = one("发放价值990余万元的消费券");
    assert_eq!(
        &"发放价值990余万元的消费券"[span.start..span.end],
        "990余万元"
    );
    assert_eq!(span.value, Some(Value::Number(9_900_000.0)));
    assert_eq!(span.inner_qualifier, Some("余"));
    assert_eq!(number("为120多家企业提供贷款"), 120.0);
    assert_eq!(number("转移就业3万余人"), 30_000.0);
}

#[test]
fn bare_hundred_millions_are_money() {
    assert_eq!(number("率先突破10亿大关"), 1e9);
    assert_eq!(kind("率先突破10亿大关"), Kind::Money);
    assert_eq!(number("新落地亿元以上项目"), 1e8);
}

#[test]
fn ranges() {
    assert_eq!(one("工作1-2项进入").value, Some(Value::Range(1.0, 2.0)));
    assert_eq!(one("企业1—2家。").value, Some(Value::Range(1.0, 2.0)));
    assert_eq!(one("新建3至5个").value, Some(Value::Range(3.0, 5.0)));
    assert_eq!(one("投资1-2亿元").value, Some(Value::Range(1e8, 2e8)));
}

#[test]
fn ratios_with_any_colon() {
    for line in [
        "结构调整为12.8:51.9:35.3,",
        "结构调整为12.8：51.9：35.3，",
        "结构调整为12.8∶51.9∶35.3，",
    ] {
        assert_eq!(
            one(line).value,
            Some(Value::Ratio(vec![12.8, 51.9, 35.3].into())),
            "{line}"
        );
    }
    assert_eq!(
        one("城乡收入比为2.1:1").value,
        Some(Value::Ratio(vec![2.1, 1.0].into()))
    );
    assert_eq!(
        one("城乡居民收入比缩小到3.15:1。").value,
        Some(Value::Ratio(vec![3.15, 1.0].into()))
    );
    assert_eq!(surfaces("城乡收入比由2.5∶1缩小"), ["2.5∶1"]);
    assert!(scan("上午9:30开会").is_empty());
    assert!(scan("同比9:30").is_empty());
}

#[test]
fn multiples() {
    assert_eq!(number("是省定任务的3.4倍，"), 3.4);
    assert_eq!(surfaces("贷款余额较2015年将近翻了一番。"), ["翻了一番"]);
    assert_eq!(number("贷款余额较2015年将近翻了一番。"), 2.0);
    assert_eq!(number("收入翻两番"), 4.0);
}

#[test]
fn a_list_of_rates_shares_its_unit() {
    assert_eq!(surfaces("分别增长5.1、6.2%。"), ["5.1", "6.2%"]);
    assert_eq!(scan("分别增长5.1、6.2%。")[0].kind, Kind::Percent);
    assert_eq!(
        surfaces("分别快于全国3.4个、1个百分点"),
        ["3.4个", "1个百分点"]
    );
    assert_eq!(
        scan("分别快于全国3.4个、1个百分点")[0].kind,
        Kind::PercentagePoint
    );
    assert_eq!(surfaces("分别为3、4.5、6%"), ["3", "4.5", "6%"]);
    assert_eq!(surfaces("新建5个、改造8个公园"), ["5个", "8个"]);
    assert_eq!(scan("新建5个、8个公园")[0].kind, Kind::Count);
    assert!(scan("1、2025年").is_empty());
}

#[test]
fn ranges_of_rates() {
    assert_eq!(surfaces("增长4.5%—5%，"), ["4.5%—5%"]);
    assert_eq!(surfaces("增长4%～5%。"), ["4%～5%"]);
    assert_eq!(surfaces("2.5%到3%"), ["2.5%到3%"]);
    assert_eq!(surfaces("增长5%、6%"), ["5%", "6%"]);
    assert_eq!(surfaces("由3%到5%"), ["3%", "5%"]);
}

#[test]
fn proportions_named_so_are_ratios() {
    assert_eq!(kind("开工备案项目比例达到1∶3.4，"), Kind::Ratio);
    assert!(scan("会议于10:30开始").is_empty());
}

#[test]
fn bare_income_ratios() {
    assert_eq!(number("城乡居民收入比缩小至2.12，"), 2.12);
    assert_eq!(kind("收入比2.54。"), Kind::Ratio);
    assert!(scan("收入比上年增长2.5").is_empty());
}

#[test]
fn fractions() {
    assert_eq!(surfaces("产业规模占全国1/3。"), ["1/3"]);
    assert_eq!(number("占全国增量的1/4。"), 0.25);
    assert_eq!(kind("稳定在全国1/10以上"), Kind::Ratio);
    let rate = scan("人均42万元/人");
    assert!(!rate.is_empty() && rate.iter().all(|s| s.kind == Kind::Money));
    assert!(scan("2025/1/3").is_empty());
    assert!(scan("比例为3/2").is_empty());
}

#[test]
fn ranks() {
    assert_eq!(surfaces("增速居全市第1位；"), ["第1位"]);
    assert_eq!(number("增速居全市第1位；"), 1.0);
    assert_eq!(surfaces("增速全市第 3，三次产业"), ["第 3"]);
    assert_eq!(number("综合排序居全省第八位，"), 8.0);
    assert_eq!(surfaces("增速全市第一。"), ["第一"]);
    assert_eq!(number("居全省第3，"), 3.0);
    assert_eq!(number("排名第五。"), 5.0);
    assert_eq!(kind("全省综合排序较2015年前进24个位次。"), Kind::Rank);
    assert_eq!(number("全省综合排序较2015年前进24个位次。"), 24.0);
    assert_eq!(surfaces("粮食产量连续21年居全国首位，"), ["首位"]);
    assert_eq!(number("粮食产量连续21年居全国首位，"), 1.0);
    assert_eq!(surfaces("外币贷款连续4年保持全国首位"), ["首位"]);
    assert_eq!(surfaces("达431人次、居全球城市首位"), ["431人次", "首位"]);
    assert!(scan("坚持把政治建设摆在首位，").is_empty());
    assert!(scan("做大做强首位产业").is_empty());
    assert!(scan("居全省首位度").is_empty());
}

#[test]
fn years_and_dates_are_not_figures() {
    assert!(scan("2022年，全县").is_empty());
    assert!(scan("——2023年6月26日在县").is_empty());
    assert!(scan("展望 2023 年").is_empty());
    assert!(scan("2021-2025年").is_empty());
    assert!(scan("二〇二二年").is_empty());
    assert!(scan("一、2022年工作回顾").is_empty());
}

#[test]
fn ordinals_are_not_figures() {
    assert!(scan("在县第十六届人民代表大会第三次会议上").is_empty());
    assert!(scan("西平县十六届人大三次会议文件十三").is_empty());
    assert!(scan("第十四个五年规划").is_empty());
    assert!(scan("第一方阵").is_empty());
}

#[test]
fn slogan_codes_in_quotes_are_not_figures() {
    assert!(scan("坚持“1345”发展思路").is_empty());
    assert!(scan("认真落实“17110”工作制度").is_empty());
    assert!(scan("聚焦“593460”发力方向").is_empty());
    assert!(scan("实施“三个一批”").is_empty());
    assert!(scan("锚定“两个确保”").is_empty());
    assert!(scan("做好“六稳”“六保”工作").is_empty());
    assert!(scan("制定援企稳岗“二十六条”").is_empty());
    assert!(scan("与“十四五”控制目标").is_empty());
    assert!(scan("《关于印发3项措施的通知》").is_empty());
}

#[test]
fn the_parts_a_speech_announces_are_not_figures() {
    // `重点抓好六个方面的工作` heads a list: a label, not a count (see `labels`).
    assert!(scan("重点抓好六个方面的工作：").is_empty());
}

#[test]
fn fixed_phrases_are_not_figures() {
    assert!(scan("实施三个一批").is_empty());
    assert!(scan("锚定两个确保").is_empty());
    assert!(scan("六稳六保").is_empty());
    assert!(scan("十四五").is_empty());
    assert!(scan("三次产业结构调整为").is_empty());
    assert!(scan("一二三产业融合").is_empty());
    assert!(scan("二三产业比重").is_empty());
    assert!(scan("晋升为三星级产业集聚区").is_empty());
    assert!(scan("县镇村三级便民服务体系").is_empty());
    assert!(scan("二分之一工作法").is_empty());
    assert!(scan("双百万头生猪").is_empty());
    assert!(scan("完成两癌筛查").is_empty());
    assert!(scan("培育一批企业").is_empty());
    assert!(scan("千家万户").is_empty());
    assert!(scan("万人助万企").is_empty());
}

#[test]
fn ten_thousand_yuan_of_output_is_not_a_figure() {
    assert!(scan("万元生产总值能耗与").is_empty());
    assert!(scan("万元GDP能耗下降").is_empty());
    assert_eq!(surfaces("万元GDP能耗下降18%,"), ["18%"]);
}

#[test]
fn list_labels_and_codes_are_not_figures() {
    assert!(scan("2.开工建设").is_empty());
    assert!(scan("10.清淤治理").is_empty());
    assert!(scan("7. 完成").is_empty());
    assert!(scan("PM10、PM2. 5 平均浓度").is_empty());
    assert!(scan("建设5G基站").is_empty());
    assert!(scan("创建4A级景区").is_empty());
    assert!(scan("2 + 20 + N").is_empty());
    assert!(scan("达到或优于Ⅲ类水质").is_empty());
    assert_eq!(surfaces("2.开工建设安置小区3个，"), ["3个"]);
}

#[test]
fn voltage_classes_are_not_figures() {
    assert_eq!(surfaces("建成110千伏变电站 2座，"), ["2座"]);
}

#[test]
fn nothing_panics_on_odd_input() {
    for line in [
        "",
        "第",
        "翻",
        "百分之",
        "1.",
        "1-",
        "1:",
        "：1",
        "第 ",
        "１",
        "万",
        "亿元",
    ] {
        let _ = scan(line);
    }
}

#[test]
fn ordinal_er_phases_and_sessions_are_not_counts() {
    assert!(scan("启动保税物流中心二期项目建设").is_empty());
    assert!(scan("二次创业稳步推进").is_empty());
    assert!(scan("优化二套房认定标准").is_empty());
    assert!(scan("清水佳苑三期").is_empty());
    assert!(scan("落实县十三次党代会部署").is_empty());
    assert_eq!(number("牵头的两个医疗服务集团"), 2.0);
    assert_eq!(number("完成二十项改革任务"), 20.0);
}

#[test]
fn numerals_in_long_quotes_belong_to_slogans() {
    assert!(scan("基本建成“三个强县、一个家园、两个示范区”").is_empty());
    assert!(scan("两个“一百年”奋斗目标").is_empty());
}

#[test]
fn a_decimal_to_one_is_a_ratio_and_a_number_of_digits_no_count() {
    let spans = scan("城乡居民收入比由上年的2.39：1缩小到2.32：1");
    let kinds: Vec<_> = spans.iter().map(|s| s.kind).collect();
    assert_eq!(kinds, vec![Kind::Ratio, Kind::Ratio]);
    assert!(scan("会议于8:1开始").is_empty(), "no decimal, no ratio");
    assert!(scan("保持两位数增长").is_empty());
    assert_eq!(scan("慰问两位老人").len(), 1);
}

/// Where [`next_candidate`] should stop, read character by character.
fn next_candidate_by_chars(line: &str, from: usize) -> usize {
    line[from..]
        .char_indices()
        .find(|&(_, c)| stops_scan(c))
        .map_or(line.len(), |(i, _)| from + i)
}

#[test]
fn the_skip_stops_where_reading_characters_stops() {
    let lines = [
        "",
        "1",
        "一",
        "a一",
        "ab一",
        "abc一",
        "增长",
        "增长5",
        "增长５",
        "é第",
        "🎉翻番",
        "全县生产总值完成283.1亿元，同比增长5.2%；百分之八十",
        "ab",
        "é",
        "是",
        "是é",
        "éa",
        "𠀀𠀀一",
    ];
    for line in lines {
        for (from, _) in line.char_indices().chain([(line.len(), ' ')]) {
            assert_eq!(
                next_candidate(line.as_bytes(), from, &STARTS),
                next_candidate_by_chars(line, from),
                "{line:?} from {from}"
            );
        }
    }
}

proptest::proptest! {
    #[test]
    fn the_skip_agrees_with_reading_characters_on_any_text(line in "\\PC{0,40}") {
        for (from, _) in line.char_indices() {
            proptest::prop_assert_eq!(
                next_candidate(line.as_bytes(), from, &STARTS),
                next_candidate_by_chars(&line, from)
            );
        }
    }

    #[test]
    fn the_skip_agrees_on_text_dense_with_starts(
        line in "[0-9a-z一二两三十百千万亿第翻é增长市帀𠀀０-９，。]{0,30}"
    ) {
        for (from, _) in line.char_indices() {
            proptest::prop_assert_eq!(
                next_candidate(line.as_bytes(), from, &STARTS),
                next_candidate_by_chars(&line, from)
            );
        }
    }
}

#[test]
fn tenths_and_new_measure_words() {
    assert_eq!(number("群众满意度八成以上"), 80.0);
    assert_eq!(kind("群众满意度八成以上"), Kind::Percent);
    assert_eq!(surfaces("占比超过两成，"), ["两成"]);
    assert!(scan("一成不变").is_empty());
    assert!(scan("三成员单位").is_empty());
    assert_eq!(surfaces("财政支出近八成投向民生领域"), ["八成"]);
    assert_eq!(surfaces("有效应对14轮强降雨，"), ["14轮"]);
    assert!(scan("开展新一轮深化改革").is_empty());
    assert!(scan("推进第二轮土地承包到期后再延长").is_empty());
    assert_eq!(number("上线1207款"), 1207.0);
    assert_eq!(kind("发射117颗卫星"), Kind::Count);
    assert_eq!(surfaces("存栏14万头只"), ["14万头只"]);
}

#[test]
fn places_among_the_first_and_doublings_as_verbs() {
    assert_eq!(
        surfaces("分别居全国第二、第七、第九。"),
        ["第二", "第七", "第九"]
    );
    assert_eq!(surfaces("增速居全国前六（含并列）"), ["前六"]);
    assert_eq!(one("降幅居全国前5位，").inner_qualifier, Some("前"));
    assert_eq!(number("降幅居全国前5位，"), 5.0);
    assert!(scan("目前已完成").is_empty());
    assert!(
        surfaces("比上年前进3位")
            .iter()
            .all(|s| !s.starts_with('前'))
    );
    assert_eq!(surfaces("均实现倍增。"), ["倍增"]);
    assert!(scan("实施重点产业链倍增计划").is_empty());
}

#[test]
fn a_lone_financial_numeral_is_part_of_a_name() {
    // 陆 and 伍 are the financial forms of 6 and 5, and common in place names.
    assert!(scan("推进南京东路、陆家嘴、徐家汇等重点商圈改造").is_empty());
    assert!(scan("伍家岗区新建学校").is_empty());
    // Written out as a sum they still read.
    assert_eq!(number("合同金额人民币壹佰万元"), 1_000_000.0);
}
