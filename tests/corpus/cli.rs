//! `baogao outline`, run as a built binary: the readable tree, and the JSON contract (field
//! names, nesting, 1-based lines, nulls for what is unknown).

use crate::run::outcome as baogao;

#[test]
fn json_outline_of_the_bundled_reports_keeps_the_contract() {
    let (ok, stdout, stderr) = baogao(&["outline", "--format", "json"]);
    assert!(ok, "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
    let reports: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let reports = reports.as_array().unwrap();
    assert_eq!(reports.len(), 5);
    for report in reports {
        let object = report.as_object().unwrap();
        for key in [
            "file", "title", "region", "level", "parents", "code", "year", "date", "speaker",
            "sections", "glossary", "warnings",
        ] {
            assert!(
                object.contains_key(key),
                "{key} missing in {}",
                report["file"]
            );
        }
        for chapter in report["sections"].as_array().unwrap() {
            assert_eq!(chapter["level"], 1);
            for key in ["title", "level", "line", "children"] {
                assert!(chapter.get(key).is_some(), "{key} missing");
            }
            for child in chapter["children"].as_array().unwrap() {
                assert_eq!(child["level"], 2);
                assert!(child["line"].as_u64().unwrap() > chapter["line"].as_u64().unwrap());
            }
        }
    }
    let minquan = &reports[1];
    assert_eq!(minquan["file"], "minquan-2023.txt");
    assert_eq!(minquan["title"], "政府工作报告");
    assert_eq!(minquan["region"], "民权县");
    assert_eq!(minquan["level"], "county");
    assert_eq!(minquan["parents"], serde_json::json!(["商丘市", "河南省"]));
    assert_eq!(minquan["code"], "411421");
    assert_eq!(minquan["year"], 2023);
    assert_eq!(minquan["date"], "2023-06-26");
    assert_eq!(minquan["speaker"], "王静娴");
    assert_eq!(minquan["sections"][1]["title"], "二、2023年工作安排");
    assert_eq!(minquan["sections"][1]["line"], 21);
    assert_eq!(
        minquan["sections"][1]["children"][3]["title"],
        "（四）精心打造韧性宜居城"
    );
    let puyang = &reports[2];
    assert_eq!(puyang["date"], serde_json::Value::Null);
    assert_eq!(puyang["speaker"], serde_json::Value::Null);
    assert!(
        puyang["warnings"][0]
            .as_str()
            .unwrap()
            .contains("starts mid-way")
    );
    let xiping = &reports[3];
    let glossary = xiping["glossary"].as_array().unwrap();
    assert_eq!(glossary.len(), 37);
    assert_eq!(glossary[0]["term"], "一办五部");
    assert_eq!(glossary[0]["line"], 117);
    assert!(
        glossary[0]["definition"]
            .as_str()
            .unwrap()
            .starts_with("指县疫情防控")
    );
}

#[test]
fn text_outline_is_an_indented_tree_with_lines() {
    let (ok, stdout, _) = baogao(&["outline"]);
    assert!(ok);
    assert!(stdout.contains("民权县 2023 政府工作报告  [minquan-2023.txt]\n  date: 2023-06-26\n"));
    assert!(
        stdout.contains(
            "\n  二、2023年工作安排  (line 21)\n    （一）拼抢发展确保全年红  (line 26)\n"
        )
    );
    assert!(
        stdout
            .contains("\n  二、“十四五”时期经济社会发展主要目标任务及2035年远景目标  (line 68)\n")
    );
    assert!(
        stdout.contains(
            "\n      10.清淤治理河道43公里，新建桥梁30座、溢流坝（闸）48座  (line 201)\n"
        )
    );
    assert!(stdout.contains("  glossary: 37 terms\n"));
    assert!(stdout.contains("  warning: starts mid-way at chapter 三、"));
}

#[test]
fn an_unknown_format_is_refused() {
    let (ok, _, stderr) = baogao(&["outline", "--format", "yaml"]);
    assert!(!ok);
    assert!(stderr.contains("yaml"), "{stderr}");
}

#[test]
fn outline_of_a_file_given_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("报告.txt");
    std::fs::write(
        &path,
        "政府工作报告\n——2024年1月5日在某市第三届人民代表大会第四次会议上\n某市人民政府市长  李四\n各位代表：\n一、回顾\n（一）稳增长。正文。\n",
    )
    .unwrap();
    let (ok, stdout, stderr) = baogao(&["outline", "--format", "json", path.to_str().unwrap()]);
    assert!(ok, "{stderr}");
    let reports: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let report = &reports[0];
    assert_eq!(report["file"], "报告.txt");
    assert_eq!(report["region"], "某市");
    assert_eq!(report["date"], "2024-01-05");
    assert_eq!(report["speaker"], "李四");
    assert_eq!(
        report["sections"][0]["children"][0]["title"],
        "（一）稳增长"
    );
    assert_eq!(report["sections"][0]["children"][0]["line"], 6);
}
