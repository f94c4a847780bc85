//! Within a layer, files that use each other in a circle: the modules of one folder must be
//! orderable so that each uses only those before it, as the layers are. A module may use its
//! parent (where the state it works on is declared) and its children; what is checked is every
//! pair of siblings (`app::marks` and `app::note`, `corpus::load` and `corpus::listing`), with a
//! use of anything inside a sibling counted as a use of the sibling.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use regex::Regex;

/// A module's path below the crate root (`["corpus", "load"]`); the root is empty.
type ModulePath = Vec<String>;

/// Every source file of the crate but unit tests and test fixtures, by module path.
fn modules() -> BTreeMap<ModulePath, PathBuf> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = BTreeMap::new();
    let mut folders = vec![src.clone()];
    while let Some(folder) = folders.pop() {
        for path in std::fs::read_dir(&folder)
            .unwrap()
            .flatten()
            .map(|e| e.path())
        {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if path.is_dir() {
                if name != "tests" {
                    folders.push(path);
                }
                continue;
            }
            let Some(stem) = name.strip_suffix(".rs") else {
                continue;
            };
            if matches!(stem, "tests" | "fixture") {
                continue;
            }
            let relative = path.parent().unwrap().strip_prefix(&src).unwrap();
            let mut module: ModulePath = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if !matches!(stem, "mod" | "lib" | "main") {
                module.push(stem.to_string());
            }
            found.insert(module, path);
        }
    }
    found
}

/// The paths a file's code names through `crate::`, `super::` or `self::`, a `use` tree's
/// braces spread out (`use super::{a, b::c}` → `super::a`, `super::b::c`).
fn named_paths(code: &str) -> Vec<String> {
    static USE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\buse\s+([^;]+);").unwrap());
    static INLINE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\b(?:crate|super|self)(?:::\w+)+").unwrap());
    let mut paths = Vec::new();
    for tree in USE.captures_iter(code) {
        let tree: String = tree[1].split_whitespace().collect::<Vec<_>>().join(" ");
        spread(&tree, "", &mut paths);
    }
    paths.extend(INLINE.find_iter(code).map(|m| m.as_str().to_string()));
    paths
}

/// Spread the `use` tree `tree` (whitespace squeezed) below `prefix` into `paths`.
fn spread(tree: &str, prefix: &str, paths: &mut Vec<String>) {
    let tree = tree.trim();
    let join = |rest: &str| match (prefix, rest) {
        ("", rest) => rest.to_string(),
        (prefix, "") => prefix.to_string(),
        (prefix, rest) => format!("{prefix}::{rest}"),
    };
    let Some(open) = tree.find('{') else {
        let path = tree.split(" as ").next().unwrap_or(tree).trim();
        paths.push(join(path));
        return;
    };
    let head = join(tree[..open].trim().trim_end_matches("::"));
    let inner = tree[open + 1..]
        .strip_suffix('}')
        .unwrap_or(&tree[open + 1..]);
    let (mut depth, mut start) = (0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                spread(&inner[start..i], &head, paths);
                start = i + 1;
            }
            _ => {}
        }
    }
    spread(&inner[start..], &head, paths);
}

/// The module `path`, named in module `from`, refers to: the longest known module it starts
/// with. `None` for paths outside the crate (`std::…`, a crate's).
fn resolve(
    from: &ModulePath,
    path: &str,
    known: &BTreeMap<ModulePath, PathBuf>,
) -> Option<ModulePath> {
    let mut segments = path.split("::").filter(|s| !s.is_empty()).peekable();
    let mut full: ModulePath = match segments.peek().copied() {
        Some("crate") => Vec::new(),
        Some("super" | "self") => from.clone(),
        _ => return None,
    };
    for segment in segments {
        match segment {
            "crate" => {}
            "self" => {}
            "super" => drop(full.pop()),
            name => full.push(name.to_string()),
        }
    }
    (0..=full.len())
        .rev()
        .map(|n| full[..n].to_vec())
        .find(|prefix| known.contains_key(prefix))
}

/// The sibling modules that `from` and `to` lie in, when neither holds the other.
fn siblings(from: &ModulePath, to: &ModulePath) -> Option<(ModulePath, ModulePath)> {
    let shared = from.iter().zip(to).take_while(|(a, b)| a == b).count();
    (shared < from.len() && shared < to.len())
        .then(|| (from[..=shared].to_vec(), to[..=shared].to_vec()))
}

/// The circles among sibling modules, each as the modules it passes through.
fn circles(uses: &BTreeSet<(ModulePath, ModulePath)>) -> Vec<Vec<ModulePath>> {
    let mut next: BTreeMap<&ModulePath, Vec<&ModulePath>> = BTreeMap::new();
    for (from, to) in uses {
        next.entry(from).or_default().push(to);
    }
    let mut found: Vec<Vec<ModulePath>> = Vec::new();
    for (from, to) in uses {
        // A way back from `to` to `from` closes a circle.
        let mut came_from: BTreeMap<&ModulePath, &ModulePath> = BTreeMap::new();
        let mut queue = vec![to];
        while let Some(at) = queue.pop() {
            if at == from {
                let mut circle = vec![from.clone()];
                let mut step = from;
                while step != to {
                    step = came_from[step];
                    circle.push(step.clone());
                }
                circle.reverse();
                circle.rotate_right(1);
                if !found.iter().any(|c| same_circle(c, &circle)) {
                    found.push(circle);
                }
                break;
            }
            for &then in next.get(at).into_iter().flatten() {
                if then != to && !came_from.contains_key(then) {
                    came_from.insert(then, at);
                    queue.push(then);
                }
            }
        }
    }
    found
}

/// Whether two circles pass through the same modules.
fn same_circle(a: &[ModulePath], b: &[ModulePath]) -> bool {
    a.len() == b.len() && a.iter().all(|m| b.contains(m))
}

/// Every use of one sibling module by another in the crate's code (unit tests left out).
fn sibling_uses() -> BTreeSet<(ModulePath, ModulePath)> {
    let known = modules();
    let mut uses = BTreeSet::new();
    for (module, file) in &known {
        let text = std::fs::read_to_string(file).unwrap();
        let code: Vec<&str> = super::code_lines(&text).map(|(_, line)| line).collect();
        for path in named_paths(&code.join("\n")) {
            let Some(used) = resolve(module, &path, &known) else {
                continue;
            };
            if let Some(pair) = siblings(module, &used) {
                uses.insert(pair);
            }
        }
    }
    uses
}

#[test]
fn no_module_uses_a_sibling_that_uses_it_back() {
    let uses = sibling_uses();
    assert!(
        uses.len() > 100,
        "only {} uses between siblings",
        uses.len()
    );
    let shown: Vec<String> = circles(&uses)
        .iter()
        .map(|circle| {
            let names: Vec<String> = circle.iter().map(|m| m.join("::")).collect();
            format!("{} → {}", names.join(" → "), names[0])
        })
        .collect();
    assert!(
        shown.is_empty(),
        "modules that use each other:\n{}",
        shown.join("\n")
    );
}

#[test]
fn a_circle_through_nested_uses_is_found() {
    let known: BTreeMap<ModulePath, PathBuf> = ["", "a", "a::b", "a::c", "a::c::d"]
        .iter()
        .map(|m| {
            let path = m.split("::").filter(|s| !s.is_empty()).map(String::from);
            (path.collect(), PathBuf::new())
        })
        .collect();
    let module = |m: &str| -> ModulePath { m.split("::").map(String::from).collect() };
    let code = "use super::{b::X, c::{d::Y, Z as W}};\nfn f() { crate::a::b::g(); }";
    let named = named_paths(code);
    assert_eq!(
        named,
        [
            "super::b::X",
            "super::c::d::Y",
            "super::c::Z",
            "crate::a::b::g"
        ]
    );
    let from_d = module("a::c::d");
    assert_eq!(
        resolve(&from_d, "super::super::b::X", &known),
        Some(module("a::b"))
    );
    assert_eq!(resolve(&from_d, "super::Y", &known), Some(module("a::c")));
    assert_eq!(resolve(&from_d, "std::io", &known), None);
    // `a::c::d` using `a::b` is `a::c` using `a::b`; `a::b` using its parent is no sibling use.
    let mut uses = BTreeSet::new();
    uses.extend(siblings(&from_d, &module("a::b")));
    assert!(siblings(&module("a::b"), &module("a")).is_none());
    assert!(circles(&uses).is_empty());
    uses.extend(siblings(&module("a::b"), &module("a::c::d")));
    assert_eq!(circles(&uses), [vec![module("a::b"), module("a::c")]]);
}
