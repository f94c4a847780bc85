//! The one-way flow of `lib.rs`, checked on the sources: each module refers (`crate::…`) only
//! to itself and the modules above it, and the core, from `corpus` to `export`, uses no
//! terminal or command-line crate, so it could be a library of its own. (`text` lays lines out
//! exactly as ratatui draws them, and so uses ratatui's widths.) Inside a module, no two files
//! use each other ([`cycles`]).

mod cycles;

use std::path::{Path, PathBuf};

/// The modules in the order data flows, each with the modules it may use.
const LAYERS: &[(&str, &[&str])] = &[
    ("text", &[]),
    ("corpus", &["text"]),
    ("figures", &["text", "corpus"]),
    ("compare", &["text", "corpus", "figures"]),
    ("targets", &["text", "corpus", "figures", "compare"]),
    ("marks", &["text", "corpus", "figures"]),
    (
        "export",
        &["text", "corpus", "figures", "compare", "targets", "marks"],
    ),
    (
        "app",
        &[
            "text", "corpus", "figures", "compare", "targets", "marks", "export",
        ],
    ),
    (
        "ui",
        &[
            "text", "corpus", "figures", "compare", "targets", "marks", "export", "app",
        ],
    ),
    (
        "tui",
        &[
            "text", "corpus", "figures", "compare", "targets", "marks", "export", "app", "ui",
        ],
    ),
    (
        "cli",
        &[
            "text", "corpus", "figures", "compare", "targets", "marks", "export", "app", "ui",
            "tui",
        ],
    ),
];

/// The crates of the terminal and the command line, which the core does without.
const FRONT_END_CRATES: &[&str] = &["ratatui::", "crossterm::", "tui_textarea::", "clap::"];

/// The core modules: everything a library of reports and figures would hold.
const CORE: &[&str] = &["corpus", "figures", "compare", "targets", "marks", "export"];

/// Every `.rs` file of module `name` (`src/name.rs` and `src/name/…`), but its unit tests,
/// which may use anything.
fn sources(name: &str) -> Vec<PathBuf> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    let single = src.join(format!("{name}.rs"));
    if single.is_file() {
        files.push(single);
    }
    let mut folders = vec![src.join(name)];
    while let Some(folder) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for path in entries.flatten().map(|e| e.path()) {
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.retain(|f| !f.ends_with("tests.rs") && !f.to_string_lossy().contains("/tests/"));
    files
}

/// The lines of code in `text` before its `#[cfg(test)]` module, without comments.
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .take_while(|(_, line)| line.trim() != "#[cfg(test)]")
        .filter(|(_, line)| !line.trim_start().starts_with("//"))
        .map(|(n, line)| (n + 1, line))
}

/// Where `text`, a file of module `name`, uses a module that is neither itself nor `allowed`.
fn uses_outside(name: &str, allowed: &[&str], text: &str) -> Vec<String> {
    let mut wrong = Vec::new();
    for (number, line) in code_lines(text) {
        for used in line.split("crate::").skip(1) {
            let module: String = used
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                .collect();
            let known = LAYERS.iter().any(|(layer, _)| *layer == module);
            if known && module != name && !allowed.contains(&module.as_str()) {
                wrong.push(format!("{number}: {name} uses {module}"));
            }
        }
    }
    wrong
}

#[test]
fn every_module_uses_only_the_modules_above_it() {
    let mut wrong = Vec::new();
    let mut files = 0;
    for (name, allowed) in LAYERS {
        for file in sources(name) {
            files += 1;
            let text = std::fs::read_to_string(&file).unwrap();
            for place in uses_outside(name, allowed, &text) {
                wrong.push(format!("{}:{place}", file.display()));
            }
        }
    }
    assert!(files > 100, "only {files} source files found");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_core_uses_no_terminal_or_command_line_crate() {
    let mut wrong = Vec::new();
    for name in CORE {
        for file in sources(name) {
            let text = std::fs::read_to_string(&file).unwrap();
            for (number, line) in code_lines(&text) {
                if let Some(used) = FRONT_END_CRATES.iter().find(|c| line.contains(*c)) {
                    wrong.push(format!("{}:{number}: {used}", file.display()));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn a_use_that_points_up_is_found_but_not_in_comments_or_tests() {
    let (_, allowed) = LAYERS.iter().find(|(name, _)| *name == "app").unwrap();
    let text = "//! Drawn by `crate::ui::draw`.\nuse crate::corpus::Report;\nuse crate::app::App;\n\
                fn f() { crate::ui::draw(); }\n#[cfg(test)]\nmod tests { use crate::tui::run; }\n";
    assert_eq!(uses_outside("app", allowed, text), ["4: app uses ui"]);
}
