//! The naming of figures: names before and after a figure, lists, thresholds.

use super::*;

fn named(clause: &str) -> Option<String> {
    match name_before(clause) {
        Name::Named(n) => Some(n.into_owned()),
        _ => None,
    }
}

#[test]
fn shared_heads_runs_of_years_and_target_years() {
    assert_eq!(
        with_shared_head("一产、二产、三产增加值", 1, "二产"),
        "二产增加值"
    );
    assert_eq!(
        with_shared_head("城镇、农村居民人均可支配收入", 0, "城镇"),
        "城镇居民人均可支配收入"
    );
    assert_eq!(with_shared_head("PM10、PM2.5平均浓度", 0, "PM10"), "PM10");
    // Items of unlike lengths share the measure the last ends with.
    assert_eq!(
        with_shared_head("高速公路、水利、电网投资", 0, "高速公路"),
        "高速公路投资"
    );
    assert_eq!(
        with_shared_head("苹果、食用菌、中药材产量", 1, "食用菌"),
        "食用菌产量"
    );
    // Not when an item has a measure of its own.
    assert_eq!(
        with_shared_head("粮食产量、油料、蔬菜产值", 1, "油料"),
        "油料"
    );
    assert_eq!(with_shared_head("工业、农业", 0, "工业"), "工业");
    assert_eq!(named("粮食总产量连续9年稳定在"), Some("粮食总产量".into()));
    assert_eq!(
        named("到2030年人均地区生产总值达到"),
        Some("人均地区生产总值".into())
    );
    assert_eq!(named("殡葬基本服务费由平均"), Some("殡葬基本服务费".into()));
    assert!(wants_name_after("引进留用", &name_before("引进留用")));
    assert_eq!(
        named("全社会研发投入强度预计达到"),
        Some("全社会研发投入强度".into())
    );
    assert_eq!(named("将财政科技资金"), Some("财政科技资金".into()));
}

#[test]
fn gaps_times_and_generic_heads() {
    assert!(matches!(name_before("高于全国"), Name::Aspect("增速")));
    assert!(matches!(name_before("三季度增长"), Name::Nothing));
    assert!(matches!(name_before("总数达到"), Name::Nothing));
    assert!(matches!(name_before("规模升至全国"), Name::Aspect("规模")));
    assert_eq!(named("城镇新增就业每年"), Some("城镇新增就业".into()));
    assert_eq!(named("最低工资标准每月提高"), Some("最低工资标准".into()));
    assert_eq!(quoted_before("开办公益“爱心托管班”"), Some("爱心托管班"));
    assert_eq!(quoted_before("开办公益托管班"), None);
    assert!(wants_name_after("壮大", &name_before("壮大")));
}

#[test]
fn verbs_and_fillers_come_off() {
    assert_eq!(named("全县生产总值完成").as_deref(), Some("生产总值"));
    // The whole area a report speaks of comes off, but not where it makes the name.
    assert_eq!(named("累计建成高标准农田").as_deref(), Some("高标准农田"));
    assert_eq!(
        named("新建和改造提升高标准农田").as_deref(),
        Some("高标准农田")
    );
    assert_eq!(named("城镇化率提升至").as_deref(), Some("城镇化率"));
    assert_eq!(named("和美乡村").as_deref(), Some("和美乡村"));
    // A generic head after 完成 keeps whose it is, but not a verb's; investment completed is
    // named as statisticians do.
    assert_eq!(
        named("省重点项目完成投资").as_deref(),
        Some("省重点项目完成投资")
    );
    assert_eq!(named("工业企业实现产值").as_deref(), Some("工业企业产值"));
    assert_eq!(named("力争完成投资").as_deref(), Some("投资"));
    assert_eq!(
        named("建成区绿化覆盖率").as_deref(),
        Some("建成区绿化覆盖率")
    );
    assert_eq!(
        named("全市性督查检查考核事项").as_deref(),
        Some("全市性督查检查考核事项")
    );
    assert_eq!(
        named("规模以上工业增加值同比增长").as_deref(),
        Some("规模以上工业增加值")
    );
    assert_eq!(
        named("全社会用电量首次突破").as_deref(),
        Some("全社会用电量")
    );
    assert_eq!(
        named("确保粮食种植面积稳定在").as_deref(),
        Some("粮食种植面积")
    );
    assert_eq!(named("三次产业比优化为").as_deref(), Some("三次产业比"));
    assert_eq!(
        named("全县生产总值较2015年提高近").as_deref(),
        Some("生产总值")
    );
    assert_eq!(
        named("一般公共预算收入在全市各县率先突破").as_deref(),
        Some("一般公共预算收入")
    );
    assert_eq!(named("7. 完成两癌筛查").as_deref(), Some("两癌筛查"));
    assert_eq!(
        named("新签约上海民禾冷储集散中心等项目").as_deref(),
        Some("项目")
    );
    assert_eq!(named("PM2. 5 平均浓度").as_deref(), Some("PM2.5平均浓度"));
    assert_eq!(named("PM10").as_deref(), Some("PM10"));
    assert_eq!(
        named("盘活“两停一闲”要素资源").as_deref(),
        Some("盘活两停一闲要素资源")
    );
    assert_eq!(
        named("民权保税物流中心封关运行首年实现进出口额").as_deref(),
        Some("进出口额")
    );
}

#[test]
fn words_are_found_at_character_boundaries() {
    assert_eq!(find_word("增速分别增长", "分别"), Some(6));
    assert_eq!(find_word("分别", "分别"), Some(0));
    assert_eq!(find_word("分", "分别"), None);
    assert_eq!(find_word("", "分别"), None);
    assert_eq!(find_word("a、b", "、"), Some(1));
    assert_eq!(find_word("abc", "c"), Some(2));
    assert_eq!(find_word("abc", ""), None);
    assert_eq!(rfind_word("的的", "的"), Some(3));
    assert_eq!(rfind_word("实现了实现", "实现"), Some(9));
    assert_eq!(rfind_word("x", "实现"), None);
}

#[test]
fn affixes_find_every_word_and_only_those() {
    let by_last = Affixes::new(*TRAILING, |w| w.chars().next_back());
    for w in TRAILING.iter() {
        let found = by_last.longest_suffix(&format!("生产总值{w}"));
        assert!(found.is_some_and(|f| f.len() >= w.len()), "{w}");
    }
    assert_eq!(by_last.longest_suffix("生产总值"), None);
    assert_eq!(by_last.longest_suffix(""), None);
    assert_eq!(by_last.longest_suffix("同比增长"), Some("同比增长"));
}

#[test]
fn every_cut_passes_the_gate() {
    for w in CUTS.iter() {
        assert!(cuts_may_start(w.chars().next().unwrap()), "{w}");
    }
}

#[test]
fn a_bare_verb_names_nothing() {
    assert_eq!(name_before("比上年提高"), Name::Nothing);
    assert_eq!(name_before("较2015年增长"), Name::Nothing);
    assert_eq!(name_before("较“十二五”期间增长"), Name::Nothing);
    assert_eq!(name_before("两年平均增长"), Name::Nothing);
    assert_eq!(name_before("净增"), Name::Nothing);
    assert_eq!(name_before("力争达到"), Name::Nothing);
    assert_eq!(named("其中民生支出占").as_deref(), Some("民生支出"));
    assert_eq!(name_before("同比增长"), Name::Nothing);
    assert_eq!(name_before("增长 "), Name::Nothing);
    assert_eq!(name_before(""), Name::Nothing);
}

#[test]
fn growth_rank_is_an_aspect() {
    assert_eq!(name_before("增速居全市"), Name::Aspect("增速"));
    assert_eq!(name_before("增速全市"), Name::Aspect("增速"));
    assert_eq!(named("综合排序居全省").as_deref(), Some("综合排序"));
    assert_eq!(
        named("居民人均可支配收入提前一年实现比2010年").as_deref(),
        Some("居民人均可支配收入")
    );
    assert_eq!(name_before("增速位列全省"), Name::Aspect("增速"));
    assert_eq!(name_before("增速排名全区"), Name::Aspect("增速"));
    assert_eq!(name_before("总量跃居全区"), Name::Aspect("总量"));
    assert_eq!(name_before("居全國"), Name::Nothing);
    assert_eq!(rank_among_places("增速居鸡西市"), Some("增速".len()));
    assert_eq!(rank_among_places("增速排名保山市"), Some("增速".len()));
    assert_eq!(rank_among_places("增速位居全省"), None, "a whole area");
    assert_eq!(
        rank_among_places("居鸡西市"),
        Some(0),
        "ranked is named before"
    );
    assert_eq!(
        rank_among_places("独角兽企业数量均居全国各城市"),
        Some("独角兽企业数量均".len())
    );
    assert_eq!(
        rank_among_places("湖北碳市场成交额稳居全国试点省份"),
        Some("湖北碳市场成交额".len())
    );
    assert_eq!(rank_among_places("城乡居民收入居民生"), None, "no scope");
    assert_eq!(name_before("按可比价格计算"), Name::Nothing);
    assert_eq!(name_before("同口径"), Name::Nothing);
}

#[test]
fn counted_things_follow_the_number() {
    assert!(wants_name_after("全年确定的", &name_before("全年确定的")));
    assert!(wants_name_after("充分发挥", &name_before("充分发挥")));
    assert!(!wants_name_after("新建桥梁", &name_before("新建桥梁")));
    assert!(wants_name_after("实施好", &name_before("实施好")));
    assert_eq!(
        name_after("重点项目完成年度投资").as_deref(),
        Some("重点项目")
    );
    assert_eq!(
        name_after("输入型病例全部治愈").as_deref(),
        Some("输入型病例")
    );
    assert_eq!(name_after("，").as_deref(), None);
    assert_eq!(name_after("“口袋公园”，").as_deref(), Some("口袋公园"));
    assert_eq!(name_after("的中小学校达到").as_deref(), Some("中小学校"));
    assert_eq!(
        name_after("超五百亿级的市域特色链、").as_deref(),
        Some("市域特色链")
    );
    assert_eq!(quoted("实施“三大改造”"), Some("三大改造"));
    assert!(is_bare_verb("启动") && is_bare_verb("实施") && !is_bare_verb("新建桥梁"));
    assert!(is_economy("经济") && is_economy("全县经济") && !is_economy("数字经济"));
    assert_eq!(threshold("项目"), "项目投资门槛");
    assert_eq!(
        name_after("医疗机构和529个村卫生室").as_deref(),
        Some("医疗机构")
    );
}

#[test]
fn a_list_of_three_short_names_ends_a_clause() {
    assert!(ends_with_enumeration("加快建设南山口、哇让、同德、德令哈"));
    assert!(ends_with_enumeration("推动呼和浩特、鄂尔多斯、满洲里"));
    assert!(ends_with_enumeration(
        "争取茨哈峡、尔多等水电站纳入国家规划。加快建设南山口、哇让、同德、德令哈"
    ));
    assert!(!ends_with_enumeration("城镇、农村"));
    assert!(!ends_with_enumeration("新建6个国家级、"));
    assert!(!ends_with_enumeration(
        "粮食、油料、棉花产量分别比上年增长了百分之"
    ));
    assert!(!ends_with_enumeration("增长5%、6%、7%"));
}

#[test]
fn re_employment_is_not_employment() {
    assert_eq!(named("再就业"), Some("再就业".into()));
    assert_eq!(
        named("失业人员实现再就业"),
        Some("失业人员再就业".into()),
        "whose re-employment it is"
    );
}

#[test]
fn quoted_words_that_open_a_name_are_kept() {
    assert_eq!(
        named("培育“独角兽”“瞪羚”企业"),
        Some("独角兽瞪羚企业".into())
    );
    assert_eq!(named("“三城”建设资金"), Some("三城建设资金".into()));
    // Glued inside a name, quoted words stay (a verb before them is the name's concern).
    assert_eq!(
        named("盘活“两停一闲”要素资源"),
        Some("盘活两停一闲要素资源".into())
    );
    assert_eq!(name_after("“蒙”字标好产品，"), Some("蒙字标好产品".into()));
    assert_eq!(name_after("“两重”项目开工建设"), Some("两重项目".into()));
    assert_eq!(name_after("“口袋公园”，"), Some("口袋公园".into()));
}

#[test]
fn the_start_of_a_move_per_head_ends_the_name() {
    assert_eq!(
        named("集中供养孤儿基本生活保障省定最低标准从每人每月"),
        Some("集中供养孤儿基本生活保障省定最低标准".into())
    );
    assert_eq!(named("从每人每月"), None, "the name is before it");
}

#[test]
fn a_count_of_like_units_is_no_part_of_the_name() {
    assert_eq!(named("东海拉尔发电厂2×"), Some("东海拉尔发电厂".into()));
    assert_eq!(named("1×"), None);
}

#[test]
fn the_start_of_a_move_from_a_rank_comes_off() {
    // 安徽_2026: `“两化”融合发展水平从全国第15位升至第5位`
    assert_eq!(
        named("“两化”融合发展水平从全国"),
        Some("两化融合发展水平".into())
    );
    assert_eq!(named("贸易自由"), Some("贸易自由".into()), "自由 is a word");
}

#[test]
fn names_after_a_figure_end_before_the_work_on_the_things() {
    let after = |s: &str| name_after(s);
    assert_eq!(
        after("高速公路项目建设，新改建"),
        Some("高速公路项目".into())
    );
    assert_eq!(after("保障性住房建设任务。"), Some("保障性住房".into()));
    assert_eq!(after("村卫生室能力建设，持续"), Some("村卫生室".into()));
    assert_eq!(after("作品获“五个一工程”奖"), Some("作品".into()));
    assert_eq!(after("医用耗材价格大幅降低。"), Some("医用耗材价格".into()));
    assert_eq!(after("道路进行提升改造；"), Some("道路".into()));
    assert_eq!(after("高职院校入选国家“双高计划”"), Some("高职院校".into()));
    // Names of up to fourteen characters are read whole.
    assert_eq!(
        after("国家级优势特色产业集群，"),
        Some("国家级优势特色产业集群".into())
    );
    assert_eq!(
        after("全域土地综合整治项目扎实推进。"),
        Some("全域土地综合整治项目".into())
    );
    assert_eq!(after("分类桶站规范化提升，"), Some("分类桶站规范化".into()));
    assert_eq!(
        after("粮食产能提升重点县和"),
        Some("粮食产能提升重点县".into())
    );
    assert_eq!(named("成为全国首个经济总量突破"), Some("经济总量".into()));
    assert_eq!(named("农民专业合作社发展到"), Some("农民专业合作社".into()));
    // A name ends before the region a rank is taken among.
    assert_eq!(named("农产品出口额保持西部"), Some("农产品出口额".into()));
    assert_eq!(
        named("储能电池出货量稳居全球"),
        Some("储能电池出货量".into())
    );
    assert_eq!(named("居中部"), None);
    // Quoted words inside a name stay in it, without their marks.
    assert_eq!(named("全省县级“三保”支出"), Some("县级三保支出".into()));
    assert_eq!(
        named("国家级专精特新“小巨人”企业达到"),
        Some("国家级专精特新小巨人企业".into())
    );
    assert_eq!(
        named("累计使用外资比“十三五”时期增长"),
        Some("使用外资".into())
    );
    assert_eq!(
        named("用地预审平均时间压缩至"),
        Some("用地预审平均时间".into())
    );
    // Inside a longer name, or at its start, the words stay.
    assert_eq!(
        after("生态文明建设示范区、"),
        Some("生态文明建设示范区".into())
    );
    assert_eq!(after("建设用地指标。"), Some("建设用地指标".into()));
}

#[test]
fn lists_written_short_are_spelled_out() {
    assert_eq!(expand_listed("一二三产增加值"), "一产、二产、三产增加值");
    assert_eq!(
        expand_listed("第一、二、三产业增加值"),
        "第一产业、第二产业、第三产业增加值"
    );
    assert_eq!(expand_listed("二、三产业投资"), "第二产业、第三产业投资");
    assert_eq!(expand_listed("城镇、农村居民收入"), "城镇、农村居民收入");
}
