//! The bundled reports, compiled into the binary so `baogao` runs anywhere with no arguments.

/// `(file name, raw bytes)` of every bundled report, sorted by file name.
pub const REPORTS: &[(&str, &[u8])] = &[
    (
        "minquan-2021.txt",
        include_bytes!("../../assets/reports/minquan-2021.txt"),
    ),
    (
        "minquan-2023.txt",
        include_bytes!("../../assets/reports/minquan-2023.txt"),
    ),
    (
        "puyang-2023.txt",
        include_bytes!("../../assets/reports/puyang-2023.txt"),
    ),
    (
        "xiping-2023.txt",
        include_bytes!("../../assets/reports/xiping-2023.txt"),
    ),
    (
        "xunxian-2021.txt",
        include_bytes!("../../assets/reports/xunxian-2021.txt"),
    ),
];

/// One bundled report by file name (`minquan-2023.txt`), loaded as the browser loads it; for
/// tests and examples that need one real report.
pub fn report(file: &str) -> Option<super::Report> {
    super::load_embedded()
        .reports
        .into_iter()
        .find(|r| r.file == file)
}
