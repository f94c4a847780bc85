//! Each label rule on the phrases it was written for, and on the figures it must leave.

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
    assert!(figures("实施“登高、升规、晋位、上市”四个工程").is_empty());
    assert_eq!(figures("建成三个网格"), ["三个"]);
    assert_eq!(figures("建成两个中医特色优势专科"), ["两个"]);
    assert!(figures("智能网联配套服务三条主线").is_empty());
    assert!(figures("降低事故造成损失两个工作维度").is_empty());
    assert_eq!(figures("新建两个重点实验室"), ["两个"]);
    assert!(figures("从创新、协调、绿色、开放、共享、安全6个维度设置").is_empty());
}

#[test]
fn numeral_in_word() {
    assert!(figures("联动济源、三门峡加快豫西转型发展").is_empty());
    assert!(figures("办好铁人三项世界杯").is_empty());
    assert!(figures("提高残疾人两项补贴标准").is_empty());
    assert!(figures("坚持迈开两条腿").is_empty());
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

#[test]
fn populace() {
    assert!(figures("7100万江淮儿女倍感温暖").is_empty());
    assert_eq!(
        figures("其中入境游客111万、增长115.6%"),
        ["111万", "115.6%"]
    );
}

#[test]
fn policy_articles() {
    assert!(figures("出台促进民营经济发展壮大20条措施，").is_empty());
    assert!(figures("出台稳经济30项举措").is_empty());
    assert!(figures("省级层面发布45条融合举措").is_empty());
    assert!(figures("出台促进高质量充分就业18条政策举措").is_empty());
    assert!(figures("相继出台43条、16条具体举措。").is_empty());
    assert!(figures("办好20项重点民生实事，").is_empty());
    assert!(figures("扎实办好十件民生实事").is_empty());
    assert!(figures("12类45件民生实事").is_empty());
    // A tally of measures, and counts of other things, stay.
    assert_eq!(figures("落实130多条重点配套措施"), ["130多条"]);
    assert_eq!(figures("梳理明确164条县域重点产业链"), ["164条"]);
    assert_eq!(figures("推动30余项试点任务全部落地"), ["30余项"]);
    assert_eq!(figures("352项重要改革举措稳步实施"), ["352项"]);
}

#[test]
fn scopes_of_rates_visits_and_indicator_lists() {
    assert_eq!(figures("每10万人口拥有博物馆2.1个"), ["2.1个"]);
    assert!(figures("3次亲临云南考察、4次回信、2次致贺信").is_empty());
    assert!(figures("设置五大类24个主要指标").is_empty());
    assert!(figures("16个预期性指标，以及碳排放强度等8个约束性指标。").is_empty());
    assert_eq!(
        figures("5项预期性指标、1项约束性指标未能如期完成"),
        ["5项", "1项"]
    );
    assert_eq!(figures("生态环境9项约束性指标全部完成"), ["9项"]);
    assert_eq!(figures("新增就业10万人"), ["10万人"]);
}

#[test]
fn specifications_reaches_and_team_sizes() {
    assert!(figures("推出全球首款9兆瓦时储能系统").is_empty());
    assert!(figures("中心城区1小时通达，").is_empty());
    assert!(figures("举办3人制篮球联赛").is_empty());
    assert_eq!(figures("建成9兆瓦时储能电站"), ["9兆瓦时"]);
}
