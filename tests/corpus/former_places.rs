//! Reports by divisions that no longer exist under their name (襄樊市 before it became 襄阳市,
//! 萧山市 before it became a district of 杭州, 巢湖市's 居巢区 before the prefecture was split
//! up), and by Hong Kong, Macao and Taiwan: each report is a real file written here with the
//! header lines real reports have, and the real binary's `outline --format json` must give it
//! its region as named then, its level, code and parents.

/// `(region, level, code, parents)` that `baogao outline` reads from a report whose header is
/// `header`, written to a file on disk.
fn place_of(header: &str) -> (String, String, String, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("政府工作报告.txt");
    let text = format!(
        "{header}\n各位代表：\n一、过去一年的工作回顾\n全年经济平稳增长。\n二、今年的主要任务\n稳增长。\n"
    );
    std::fs::write(&path, text).unwrap();
    let out = crate::run::stdout(&["outline", "--format", "json", path.to_str().unwrap()]);
    let reports: serde_json::Value = serde_json::from_str(&out).unwrap();
    let report = &reports[0];
    let text = |key: &str| report[key].as_str().unwrap_or_default().to_string();
    let parents = report["parents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap().to_string())
        .collect();
    (text("region"), text("level"), text("code"), parents)
}

fn expected(
    region: &str,
    level: &str,
    code: &str,
    parents: &[&str],
) -> (String, String, String, Vec<String>) {
    let parents = parents.iter().map(|p| p.to_string()).collect();
    (region.into(), level.into(), code.into(), parents)
}

#[test]
fn a_prefecture_renamed_in_2010_reports_under_its_old_name() {
    let header = "政府工作报告\n——2009年2月20日在襄樊市第十五届人民代表大会第四次会议上\n襄樊市人民政府市长  张三";
    assert_eq!(
        place_of(header),
        expected("襄樊市", "prefecture", "420600", &["湖北省"])
    );
}

#[test]
fn a_district_of_a_former_prefecture_has_it_as_parent() {
    let header =
        "居巢区人民政府工作报告\n——2010年1月12日在居巢区第二届人民代表大会第五次会议上\n区长  李四";
    assert_eq!(
        place_of(header),
        expected("居巢区", "county", "341402", &["巢湖市", "安徽省"])
    );
    let header = "政府工作报告\n——2009年3月1日在襄樊市襄阳区第十六届人民代表大会第三次会议上";
    assert_eq!(
        place_of(header),
        expected("襄阳区", "county", "420607", &["襄樊市", "湖北省"])
    );
}

#[test]
fn a_county_level_city_that_became_a_district() {
    let header = "萧山市政府工作报告\n——2000年3月8日在萧山市第十二届人民代表大会第四次会议上\n萧山市人民政府市长  王五";
    assert_eq!(
        place_of(header),
        expected("萧山市", "county", "330181", &["杭州市", "浙江省"])
    );
    let header = "政府工作报告\n——1996年2月在通县第十二届人民代表大会第五次会议上";
    assert_eq!(
        place_of(header),
        expected("通县", "county", "110223", &["北京市"])
    );
}

#[test]
fn the_special_administrative_regions_and_taiwan_are_provincial() {
    let header = "香港特别行政区政府工作报告\n——2025年1月在立法会上";
    assert_eq!(
        place_of(header),
        expected("香港特别行政区", "province", "810000", &[])
    );
    let header = "澳门特别行政区政府工作报告\n——2025年4月14日在立法会上";
    assert_eq!(
        place_of(header),
        expected("澳门特别行政区", "province", "820000", &[])
    );
    let header = "台湾省政府工作报告\n——1997年";
    assert_eq!(
        place_of(header),
        expected("台湾省", "province", "710000", &[])
    );
}

#[test]
fn a_name_two_divisions_bore_is_the_one_of_the_reports_year() {
    // 巢湖市 was a prefecture until 2011 and is a county-level city of 合肥 since.
    let header = "政府工作报告\n——2009年1月8日在巢湖市第三届人民代表大会第四次会议上\n巢湖市人民政府市长  赵六";
    assert_eq!(
        place_of(header),
        expected("巢湖市", "prefecture", "341400", &["安徽省"])
    );
    let header = "巢湖市2011年政府工作报告";
    assert_eq!(
        place_of(header),
        expected("巢湖市", "prefecture", "341400", &["安徽省"])
    );
    let header = "巢湖市2012年政府工作报告";
    assert_eq!(
        place_of(header),
        expected("巢湖市", "county", "340181", &["合肥市", "安徽省"])
    );
    let header = "政府工作报告\n——2024年1月10日在巢湖市第二届人民代表大会第四次会议上\n巢湖市人民政府市长  赵六";
    assert_eq!(
        place_of(header),
        expected("巢湖市", "county", "340181", &["合肥市", "安徽省"])
    );
}
