use crate::corpus::parse_report;
use crate::figures::extract_explained;

/// The name and naming rule of each figure of `line` read as a one-line report.
fn named(line: &str) -> Vec<(String, Option<String>, &'static str)> {
    let text = format!("一、2022年工作回顾\n过去一年，我们做了以下工作。\n{line}\n");
    let report = parse_report("rules-2023.txt", None, &text);
    extract_explained(&report)
        .into_iter()
        .filter(|e| e.label.is_none())
        .filter_map(|e| {
            let rule = e.named_by?;
            Some((
                e.figure.text.to_string(),
                e.figure.indicator.as_deref().map(String::from),
                rule,
            ))
        })
        .collect()
}

fn rule_of(line: &str, text: &str) -> (Option<String>, &'static str) {
    let found = named(line);
    let (_, name, rule) = found
        .into_iter()
        .find(|(t, _, _)| t == text)
        .unwrap_or_else(|| panic!("{text} in {line}"));
    (name, rule)
}

#[test]
fn respectively() {
    assert_eq!(
        rule_of("城镇、农村居民人均可支配收入分别增长4.4%、5.6%。", "5.6%"),
        (Some("农村居民人均可支配收入".into()), "respectively")
    );
}

#[test]
fn threshold_after() {
    assert_eq!(
        rule_of("新开工5000万元以上项目46个。", "5000万元"),
        (Some("项目投资门槛".into()), "threshold_after")
    );
}

#[test]
fn quoted_before() {
    assert_eq!(
        rule_of("开办公益“爱心托管班”1.9万个。", "1.9万个"),
        (Some("爱心托管班".into()), "quoted_before")
    );
}

#[test]
fn threshold_before() {
    assert_eq!(
        rule_of("引进超50亿元项目4个。", "50亿元").1,
        "threshold_before"
    );
}

#[test]
fn moved_level() {
    assert_eq!(
        rule_of(
            "地区生产总值由2015年的186.5亿元增加到2020年的302.4亿元。",
            "302.4亿元"
        ),
        (Some("地区生产总值".into()), "moved_level")
    );
}

#[test]
fn multiple_or_share_of_before() {
    assert_eq!(
        rule_of("进出口额完成12亿元，是省定任务的3.4倍。", "3.4倍"),
        (Some("进出口额".into()), "multiple_or_share_of_before")
    );
}

#[test]
fn named_after() {
    assert_eq!(
        rule_of("新建成207个重点项目。", "207个"),
        (Some("重点项目".into()), "named_after")
    );
}

#[test]
fn named_after_a_verb_of_building_or_keeping() {
    for (line, text, name) in [
        ("建好18个省级临床医学中心。", "18个", "省级临床医学中心"),
        ("打通20条断头路。", "20条", "断头路"),
        ("巩固368个经济薄弱村。", "368个", "经济薄弱村"),
        ("改建2000张认知障碍照护床位。", "2000张", "认知障碍照护床位"),
    ] {
        assert_eq!(
            rule_of(line, text),
            (Some(name.into()), "named_after"),
            "{line}"
        );
    }
    // A share it covers keeps the name before.
    assert_ne!(
        rule_of("规模化供水工程覆盖94%农村人口。", "94%").0,
        Some("农村人口".into())
    );
}

#[test]
fn the_people_a_measure_reaches() {
    assert_eq!(
        rule_of("提高城乡居民基础养老金、惠及549万人。", "549万人"),
        (None, "named_after"),
        "the people reached are not said"
    );
    assert_eq!(
        rule_of("配置教学仪器，惠及3万名学生。", "3万名").0,
        Some("学生".into())
    );
}

#[test]
fn object_of_bare_verb() {
    let line = "引进工业项目12个，启动90个。";
    let (carried, rule) = rule_of(line, "90个");
    assert_eq!(rule, "object_of_bare_verb");
    assert_eq!(
        carried,
        rule_of(line, "12个").0,
        "the name carried from before"
    );
    assert!(carried.is_some());
}

#[test]
fn named_before() {
    assert_eq!(
        rule_of("全县生产总值完成283.1亿元。", "283.1亿元"),
        (Some("生产总值".into()), "named_before")
    );
}

#[test]
fn counted_after_a_list_of_places_or_a_verb_of_sending() {
    // Places listed before the count name members; the noun after names the things.
    assert_eq!(
        rule_of("加快建设南山口、哇让、同德、德令哈4个抽水蓄能电站。", "4个"),
        (Some("抽水蓄能电站".into()), "named_after")
    );
    assert_eq!(
        rule_of("选派1200名以上科技特派员。", "1200名"),
        (Some("科技特派员".into()), "named_after")
    );
    assert_eq!(
        rule_of("围绕降低成本，提出130多条具体措施。", "130多条"),
        (Some("具体措施".into()), "named_after")
    );
    // Two items are a pair, not a list: the name before stands.
    assert_eq!(
        rule_of("城镇、农村新增就业5万人。", "5万人").1,
        "named_before"
    );
}

#[test]
fn respectively_with_and_with_a_verb_before_the_list() {
    let names = |line: &str| -> Vec<Option<String>> {
        named(line).into_iter().map(|(_, name, _)| name).collect()
    };
    assert_eq!(
        names("城镇和农村居民人均可支配收入分别增长5%和6%。"),
        [
            Some("城镇居民人均可支配收入".into()),
            Some("农村居民人均可支配收入".into())
        ]
    );
    assert_eq!(
        names("确保肉、奶产量分别稳定在310万吨和750万吨。"),
        [Some("肉产量".into()), Some("奶产量".into())]
    );
    assert_eq!(
        names("石化、医药等产业增加值分别增长11.5%、17.4%。"),
        [Some("石化产业增加值".into()), Some("医药产业增加值".into())]
    );
    // Unlike parts keep their own words, the first taking the measure the last ends with.
    assert_eq!(
        names("设备购置和企业技术改造投资分别增长7.1%、87.7%。"),
        [Some("设备购置投资".into()), Some("企业技术改造投资".into())]
    );
}

#[test]
fn counts_in_a_list_of_grades_share_the_last_head() {
    let names = |line: &str| -> Vec<Option<String>> {
        named(line).into_iter().map(|(_, name, _)| name).collect()
    };
    assert_eq!(
        names("新建8个国家级、36个省级临床重点专科。"),
        [
            Some("国家级临床重点专科".into()),
            Some("省级临床重点专科".into())
        ]
    );
    // Alone, a grade is what there is.
    assert_eq!(names("建成5个国家级。"), [Some("国家级".into())]);
}

#[test]
fn a_class_noun_after_an_aside_takes_the_words_before_it() {
    assert_eq!(
        rule_of("力争新增规上（限上）企业270家。", "270家").0,
        Some("新增规上企业".into())
    );
}

#[test]
fn a_rate_per_head_moved_after_an_aside() {
    let line = "散居孤儿（含艾滋病病毒感染儿童）从每人每月1484元提高到1536元。";
    assert_eq!(rule_of(line, "1484元").0, Some("散居孤儿".into()));
    assert_eq!(rule_of(line, "1536元").0, Some("散居孤儿".into()));
}

#[test]
fn a_measure_in_a_list_takes_the_thing_before() {
    let line = "全年粮食播种面积1.1亿亩、产量825亿斤以上。";
    assert_eq!(rule_of(line, "825亿斤").0, Some("粮食产量".into()));
    let line = "今年力争交通、水利分别完成投资2500亿元、800亿元。";
    assert_eq!(rule_of(line, "2500亿元").0, Some("交通投资".into()));
    assert_eq!(rule_of(line, "800亿元").0, Some("水利投资".into()));
}

#[test]
fn a_thing_in_a_list_takes_the_measure_before() {
    let line = "勘探新增石油地质储量3000万吨、天然气200亿立方米。";
    assert_eq!(
        rule_of(line, "200亿立方米").0,
        Some("天然气地质储量".into())
    );
    // Not after a figure of another kind.
    let line = "完成投资20亿元、新开工48个。";
    assert_ne!(rule_of(line, "48个").0, Some("新开工投资".into()));
}

#[test]
fn money_put_into_the_things_around_it() {
    for (line, text, name) in [
        (
            "投资3500万元的二三级供水管网改造。",
            "3500万元",
            "二三级供水管网改造投资",
        ),
        (
            "投资6.6亿元,实施两河圣山文化旅游景区。",
            "6.6亿元",
            "两河圣山文化旅游景区投资",
        ),
        ("投入125亿元办好40件民生实事。", "125亿元", "民生实事投入"),
        // Listed sectors sharing one sum: the total of all of them.
        (
            "工业技改投资增长5.3%。交通、能源、水利完成投资5400多亿元。",
            "5400多亿元",
            "交通、能源、水利完成投资",
        ),
        (
            "促进居民消费，工业投资、民间投资年均增长6％左右。",
            "6％",
            "工业投资、民间投资",
        ),
        (
            "推进2000个省级重点项目、完成投资9800亿元以上。",
            "9800亿元",
            "省级重点项目完成投资",
        ),
        // The projects the count just before names.
        (
            "全年实施重点项目2000多个、完成投资1800多亿元。",
            "1800多亿元",
            "重点项目完成投资",
        ),
        (
            "签约项目近500个、总投资超2600亿元。",
            "2600亿元",
            "签约项目总投资",
        ),
        // Things after `的` too long for a name read after a figure, up to what money builds.
        (
            "投资3.4亿元的自治区冰上运动训练中心项目成功落地。",
            "3.4亿元",
            "自治区冰上运动训练中心项目投资",
        ),
        (
            "投资1.4亿元的西出口道路工程进展顺利。",
            "1.4亿元",
            "西出口道路工程投资",
        ),
        ("启动投资2亿元的智慧城市项目。", "2亿元", "智慧城市项目投资"),
    ] {
        assert_eq!(rule_of(line, text).0, Some(name.into()), "{line}");
    }
    // Two counts of projects before: whose the money is, is not said.
    assert_eq!(
        rule_of("新开工项目254个,竣工项目207个,完成投资217亿元。", "217亿元").0,
        Some("投资".into())
    );
    // No object found: the name stands.
    assert_eq!(
        rule_of("投资5亿元，增长8%。", "5亿元").0,
        Some("投资".into())
    );
}

#[test]
fn a_rank_moved_from_a_scope_is_named_before_the_move() {
    // 安徽_2026
    assert_eq!(
        rule_of("“两化”融合发展水平从全国第15位升至第5位。", "第15位").0,
        Some("两化融合发展水平".into())
    );
}

#[test]
fn a_plan_period_is_no_part_of_the_name() {
    // 贵州_2026
    assert_eq!(
        rule_of(
            "“十四五”时期全省生产安全事故起数和死亡人数分别较“十三五”时期下降67.5%、63.5%。",
            "67.5%"
        )
        .0,
        Some("生产安全事故起数".into())
    );
    // 山西_2026
    assert_eq!(
        rule_of("累计使用外资比“十三五”时期增长71%。", "71%").0,
        Some("使用外资".into())
    );
}

#[test]
fn a_count_is_named_past_a_bar_on_an_attribute() {
    // 贵州_2026
    // The things counted open the name, past the bar (the verb phrase after them still runs
    // on: 农村中小学幼儿园建设供暖设施).
    let name = rule_of(
        "为100所海拔1500米以上农村中小学幼儿园建设供暖设施。",
        "100所",
    )
    .0
    .unwrap_or_default();
    assert!(name.starts_with("农村中小学幼儿园"), "{name}");
}

#[test]
fn counts_are_named_past_the_bar_the_things_pass() {
    // 湖北_2025
    let line = "盯紧抓实64个预增产值过10亿元、2334个过2000万元的工业新增长点，规上工业增加值增长7.5％左右。";
    assert_eq!(rule_of(line, "64个").0, Some("工业新增长点".into()));
    assert_eq!(rule_of(line, "2334个").0, Some("工业新增长点".into()));
    assert_eq!(
        rule_of("82个预增产值过10亿元的重大增长点稳定发力。", "82个").0,
        Some("重大增长点".into())
    );
}

#[test]
fn a_count_takes_no_name_from_an_amount_of_another_kind() {
    let line = "城乡居民收入比缩小至2.31:1，17个区获评全国百强区。";
    assert_eq!(rule_of(line, "2.31:1").0, Some("城乡居民收入比".into()));
    assert_eq!(rule_of(line, "17个").0, None);
    let line = "全年投资90.07亿元，完成1.8万户。";
    assert_eq!(rule_of(line, "1.8万户").0, None);
    // From a change it is carried: the level after a growth rate.
    let line = "汽车产量增长40%以上、达357万辆。";
    assert_eq!(rule_of(line, "357万辆").0, Some("汽车产量".into()));
}

#[test]
fn a_sum_converted_keeps_the_name_of_what_it_converts() {
    let line = "实际使用外资达到160.6亿美元、折合1148亿元人民币。";
    assert_eq!(rule_of(line, "1148亿元").0, Some("实际使用外资".into()));
}

#[test]
fn a_multiple_is_of_what_is_named_before_wei() {
    let line = "省国资委监管企业利润总额为“十三五”时期的2.2倍。";
    assert_eq!(
        rule_of(line, "2.2倍").0,
        Some("省国资委监管企业利润总额".into())
    );
}

#[test]
fn a_capacity_is_named_by_the_works_it_belongs_to() {
    for (line, text, name) in [
        (
            "大唐700万吨露天煤矿、400万吨褐煤提质项目进展顺利。",
            "700万吨",
            "露天煤矿",
        ),
        (
            "大唐700万吨露天煤矿、400万吨褐煤提质项目进展顺利。",
            "400万吨",
            "褐煤提质项目",
        ),
        ("关停晨鸣公司3.5万吨造纸生产线。", "3.5万吨", "造纸生产线"),
        (
            "加快麦多利10万吨大麦芽二期等项目的推进。",
            "10万吨",
            "大麦芽二期",
        ),
        (
            "紧盯鑫洋集团年产6万吨酸辣粉及玉米浆、中石油油库等在谈项目。",
            "6万吨",
            "酸辣粉",
        ),
    ] {
        assert_eq!(
            rule_of(line, text),
            (Some(name.into()), "capacity_of_works"),
            "{line}"
        );
    }
    // A level measured, or works joined to others, keep the name before.
    assert_ne!(
        rule_of("粮食产量1300万吨以上。", "1300万吨").1,
        "capacity_of_works"
    );
    let line = "推进大唐2×66万千瓦发电和东海拉尔发电厂前期工作。";
    assert_ne!(rule_of(line, "66万千瓦").1, "capacity_of_works");
}

#[test]
fn a_level_reached_above_an_amount_is_no_bar() {
    let line = "城市经济规模进入了5万亿元以上的新阶段。";
    assert_eq!(rule_of(line, "5万亿元").0, Some("城市经济规模".into()));
    // A bar for the things after it stays one.
    let line = "新签约5000万元以上项目30个。";
    assert_eq!(rule_of(line, "5000万元").0, Some("项目投资门槛".into()));
}
