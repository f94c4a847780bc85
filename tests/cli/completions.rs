//! `baogao completions` and `baogao man`, run as a built binary: bash loads the script and
//! completes subcommands and flags from it; the man page names every subcommand.

use std::process::Command;

fn baogao(args: &[&str]) -> String {
    let output = crate::run::command().args(args).output().unwrap();
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

/// What bash offers after typing `words` (the last one being completed).
fn bash_completes(script: &str, words: &[&str]) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("baogao.bash");
    std::fs::write(&path, script).unwrap();
    let words_array = words
        .iter()
        .map(|w| format!("'{w}'"))
        .collect::<Vec<_>>()
        .join(" ");
    let program = format!(
        "source '{}'; COMP_WORDS=({words_array}); COMP_CWORD={}; COMP_LINE='{}'; \
         COMP_POINT=${{#COMP_LINE}}; _baogao baogao '{}' '{}'; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        path.display(),
        words.len() - 1,
        words.join(" "),
        words[words.len() - 1],
        words[words.len().saturating_sub(2)],
    );
    let output = Command::new("bash")
        .arg("-c")
        .arg(program)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn bash_completes_subcommands_and_their_flags() {
    let script = baogao(&["completions", "bash"]);
    assert!(script.contains("complete -F _baogao"), "{script}");
    let offered = bash_completes(&script, &["baogao", "fi"]);
    assert_eq!(offered, ["figures"]);
    let offered = bash_completes(&script, &["baogao", "figures", "--fo"]);
    assert_eq!(offered, ["--format"]);
    let offered = bash_completes(&script, &["baogao", "figures", "--format", ""]);
    for format in ["table", "jsonl", "csv"] {
        assert!(offered.iter().any(|o| o == format), "{offered:?}");
    }
}

#[test]
fn zsh_and_fish_scripts_name_the_subcommands() {
    for shell in ["zsh", "fish"] {
        let script = baogao(&["completions", shell]);
        for subcommand in ["outline", "figures", "search", "compare", "export"] {
            assert!(script.contains(subcommand), "{shell} lacks {subcommand}");
        }
    }
}

#[test]
fn the_man_page_names_every_subcommand_and_the_browser_flags() {
    let page = baogao(&["man"]);
    assert!(page.contains(".TH baogao 1"), "{page}");
    // roff writes a flag's dashes as `\-`.
    let page = page.replace("\\-", "-");
    for word in [
        "outline", "figures", "search", "compare", "glossary", "export", "--marks", "--theme",
    ] {
        assert!(page.contains(word), "the man page lacks {word}");
    }
}
