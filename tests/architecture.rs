//! The layers of the crate, held by a test instead of by convention.
//!
//! Every source file under `src/` belongs to one layer (its top-level
//! module). The test reads each file's paths into the crate (`crate::x`,
//! `$crate::x`, `use crate::{x, y}`, and `super::` chains that climb out of
//! the layer) and fails on any that the rules below do not allow. The same
//! rules are written in the README's Layout section.
//!
//! The rules:
//! - `domain`: pure types and rules; imports nothing of the crate but
//!   itself (the language-free message keys its errors carry live there).
//! - `journal`: events, canonical entries, the hash chain; only the domain.
//! - `store`: the SQLite count record; only the journal and the domain.
//! - `i18n`: the tables that render messages and names; only the domain and
//!   the journal.
//! - `fonts`, `illustration`: compiled-in fonts and criteria drawings;
//!   nothing but the domain.
//! - `report`: builds forms from values: the domain, journal entries, i18n,
//!   fonts and drawings; never the store, a shell or the app.
//! - `shell`: what the app and the command line share (files, clock,
//!   verifying, comparing, tabulating); anything below the app and the CLI.
//! - `app` and `cli`: never import each other, except the command line
//!   starting the window (`crate::app::run`).

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// The layers each layer may import (besides itself).
fn allowed(layer: &str) -> Option<&'static [&'static str]> {
    Some(match layer {
        "domain" => &[],
        "journal" => &["domain"],
        "store" => &["domain", "journal"],
        "i18n" => &["domain", "journal"],
        "fonts" => &[],
        "illustration" => &["domain"],
        "report" => &["domain", "journal", "i18n", "fonts", "illustration"],
        "shell" => &[
            "domain",
            "journal",
            "store",
            "i18n",
            "report",
            "fonts",
            "illustration",
        ],
        // The app and the command line: everything below them, not each
        // other.
        "app" | "cli" => &[
            "domain",
            "journal",
            "store",
            "i18n",
            "report",
            "fonts",
            "illustration",
            "shell",
        ],
        // The crate root and the binary wire everything together.
        "lib" | "main" => return None,
        _ => &[],
    })
}

/// The imports across the app/CLI line that are allowed: the command line
/// starts the window, with the launch settings and first screen it parsed.
const CLI_STARTS_THE_WINDOW: [&str; 3] = ["app::run", "app::Launch", "app::Screen"];

fn source_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        panic!("cannot read {}", dir.display());
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            source_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The module path of a file below `src/`: `src/domain/count.rs` is
/// `["domain", "count"]`, `src/domain/mod.rs` is `["domain"]`.
fn module_path(relative: &Path) -> Vec<String> {
    let mut parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    if let Some(last) = parts.pop() {
        let stem = last.trim_end_matches(".rs").to_string();
        if stem != "mod" {
            parts.push(stem);
        }
    }
    parts
}

/// Source text without comments, string and character literals, so that a
/// path written in a doc comment or a message does not count.
fn code_only(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else if c == 'r' && matches!(next, Some('#') | Some('"')) && !ident_before(&chars, i) {
            // Raw string r"..." or r#"..."#.
            let mut j = i + 1;
            let mut hashes = 0;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) == Some(&'"') {
                j += 1;
                loop {
                    match chars.get(j) {
                        None => break,
                        Some('"') if (1..=hashes).all(|k| chars.get(j + k) == Some(&'#')) => {
                            j += 1 + hashes;
                            break;
                        }
                        _ => j += 1,
                    }
                }
                out.push_str("\"\"");
                i = j;
            } else {
                out.push(c);
                i += 1;
            }
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push_str("\"\"");
        } else if c == '\'' {
            // A char literal ('a', '\n', '\u{..}'), not a lifetime ('a).
            let close = if next == Some('\\') {
                (i + 2..chars.len().min(i + 12)).find(|&j| chars[j] == '\'')
            } else if chars.get(i + 2) == Some(&'\'') {
                Some(i + 2)
            } else {
                None
            };
            match close {
                Some(j) => {
                    out.push_str("' '");
                    i = j + 1;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn ident_before(chars: &[char], i: usize) -> bool {
    i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_')
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The crate paths a piece of code names, as `layer::rest` strings (rest
/// may be empty), resolving `super::` chains against `module` and the inline
/// modules (`mod tests { ... }`) the path stands in.
fn imports(code: &str, module: &[String]) -> Vec<String> {
    let chars: Vec<char> = code.chars().collect();
    let mut found = Vec::new();
    // Inline modules open at this point, with the brace depth inside each.
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '{' => {
                depth += 1;
                i += 1;
                continue;
            }
            '}' => {
                if inline.last().is_some_and(|(_, d)| *d == depth) {
                    inline.pop();
                }
                depth = depth.saturating_sub(1);
                i += 1;
                continue;
            }
            _ => {}
        }
        if ident_before(&chars, i) {
            i += 1;
            continue;
        }
        let rest: String = chars[i..chars.len().min(i + 7)].iter().collect();
        if rest.starts_with("mod ") {
            let name: String = chars[i + 4..]
                .iter()
                .take_while(|&&c| is_ident(c))
                .collect();
            let after = i + 4 + name.chars().count();
            let brace = chars[after..].iter().position(|&c| !c.is_whitespace());
            if let Some(offset) = brace
                && chars[after + offset] == '{'
            {
                depth += 1;
                inline.push((name, depth));
                i = after + offset + 1;
                continue;
            }
            i += 4;
        } else if rest.starts_with("crate::") {
            // `crate::` and `$crate::` both name the crate root.
            found.extend(paths_after(&chars, i + "crate::".len(), &[]));
            i += "crate::".len();
        } else if rest.starts_with("super::") {
            let mut ups = 0;
            let mut j = i;
            while chars[j..].iter().take(7).collect::<String>() == "super::" {
                ups += 1;
                j += "super::".len();
            }
            let here: Vec<String> = module
                .iter()
                .cloned()
                .chain(inline.iter().map(|(name, _)| name.clone()))
                .collect();
            // `super` climbs from the module the path stands in.
            let base = here.len().saturating_sub(ups);
            found.extend(paths_after(&chars, j, &here[..base]));
            i = j;
        } else {
            i += 1;
        }
    }
    found
}

/// The paths starting at `start` (after `crate::`), prefixed by `base`:
/// one path, or each top-level item of a `{...}` group.
fn paths_after(chars: &[char], start: usize, base: &[String]) -> Vec<String> {
    let prefix = |path: String| {
        let path = path.trim_end_matches(':').to_string();
        match (base.is_empty(), path.is_empty()) {
            (true, _) => path,
            (false, true) => base.join("::"),
            (false, false) => format!("{}::{path}", base.join("::")),
        }
    };
    if chars.get(start) == Some(&'{') {
        let mut items = Vec::new();
        let mut depth = 0;
        let mut item = String::new();
        for &c in &chars[start + 1..] {
            match c {
                '{' => {
                    depth += 1;
                    item.push(c);
                }
                '}' if depth == 0 => {
                    items.push(item.clone());
                    break;
                }
                '}' => {
                    depth -= 1;
                    item.push(c);
                }
                ',' if depth == 0 => items.push(std::mem::take(&mut item)),
                _ => item.push(c),
            }
        }
        items
            .into_iter()
            .map(|s| s.split_whitespace().collect::<String>())
            .filter(|s| !s.is_empty())
            .map(|s| prefix(s.chars().take_while(|&c| is_ident(c) || c == ':').collect()))
            .collect()
    } else {
        let path: String = chars[start..]
            .iter()
            .take_while(|&&c| is_ident(c) || c == ':')
            .collect();
        let after = start + path.chars().count();
        if path.ends_with("::") && chars.get(after) == Some(&'{') {
            // `crate::app::{Launch, Screen}`: each item of the group.
            let mut inner: Vec<String> = base.to_vec();
            inner.extend(path.split("::").filter(|p| !p.is_empty()).map(String::from));
            return paths_after(chars, after, &inner);
        }
        vec![prefix(path)]
    }
}

/// Every import that breaks the rules, as `file: path (layer may not import
/// other)` lines.
fn violations(src: &Path) -> Vec<String> {
    let mut files = Vec::new();
    source_files(src, &mut files);
    let mut out = Vec::new();
    for file in files {
        let Ok(relative) = file.strip_prefix(src) else {
            continue;
        };
        let module = module_path(relative);
        let Some(layer) = module.first().cloned() else {
            continue;
        };
        let Some(allowed) = allowed(&layer) else {
            continue;
        };
        let Ok(source) = fs::read_to_string(&file) else {
            panic!("cannot read {}", file.display());
        };
        let mut seen = BTreeSet::new();
        for path in imports(&code_only(&source), &module) {
            let target = path.split("::").next().unwrap_or_default().to_string();
            let ok = target == layer
                || allowed.contains(&target.as_str())
                || (layer == "cli" && CLI_STARTS_THE_WINDOW.contains(&path.as_str()));
            if !ok && seen.insert(path.clone()) {
                out.push(format!(
                    "src/{}: crate::{path} ({layer} may not import {})",
                    relative.display(),
                    if target.is_empty() {
                        "the crate root"
                    } else {
                        &target
                    }
                ));
            }
        }
    }
    out
}

#[test]
fn every_import_follows_the_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let broken = violations(&src);
    assert!(
        broken.is_empty(),
        "{} imports break the layers:\n{}",
        broken.len(),
        broken.join("\n")
    );
}

#[test]
fn the_crate_has_only_the_known_layers() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let Ok(entries) = fs::read_dir(&src) else {
        panic!("cannot read {}", src.display());
    };
    let mut unknown: Vec<String> = entries
        .filter_map(|e| e.ok())
        .map(|e| {
            e.path()
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default()
        })
        .filter(|name| {
            !matches!(
                name.as_str(),
                "domain"
                    | "journal"
                    | "store"
                    | "i18n"
                    | "fonts"
                    | "illustration"
                    | "report"
                    | "shell"
                    | "app"
                    | "cli"
                    | "lib"
                    | "main"
            )
        })
        .collect();
    unknown.sort();
    assert!(
        unknown.is_empty(),
        "modules at the crate root outside the layers: {unknown:?}"
    );
}

#[test]
fn the_reader_sees_paths_in_code_only() {
    let code = code_only(
        "// crate::store\nlet s = \"crate::app\"; /* crate::cli */ use crate::{domain::x, \
         journal::{a, b}}; let c = '\"'; crate::report::f(); r#\"crate::shell\"#;",
    );
    let found = imports(&code, &["domain".to_string(), "count".to_string()]);
    assert_eq!(found, ["domain::x", "journal", "report::f"]);
    let nested = imports("use crate::app::{Launch, Screen};", &["cli".to_string()]);
    assert_eq!(nested, ["app::Launch", "app::Screen"]);
    let domain_a = ["domain".to_string(), "a".to_string()];
    let up = imports("use super::super::store::Record;", &domain_a);
    assert_eq!(up, ["store::Record"]);
    let sibling = imports("use super::hash::Hash;", &domain_a);
    assert_eq!(sibling, ["domain::hash::Hash"]);
    // Inside `mod tests { ... }`, `super` is the file's own module.
    let inline = imports(
        "mod tests { use super::*; use super::super::b; } use super::c;",
        &domain_a,
    );
    assert_eq!(inline, ["domain::a", "domain::b", "domain::c"]);
}

#[test]
fn a_forbidden_import_is_reported() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let domain = dir.path().join("domain");
    fs::create_dir_all(&domain).unwrap_or_else(|e| panic!("{e}"));
    fs::write(domain.join("a.rs"), "use crate::store::Record;\n").unwrap_or_else(|e| panic!("{e}"));
    fs::write(domain.join("b.rs"), "use crate::domain::a;\n").unwrap_or_else(|e| panic!("{e}"));
    let cli = dir.path().join("cli");
    fs::create_dir_all(&cli).unwrap_or_else(|e| panic!("{e}"));
    fs::write(
        cli.join("mod.rs"),
        "use crate::app::{Launch, theme};\nfn f() { crate::app::run(); }",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        violations(dir.path()),
        [
            "src/cli/mod.rs: crate::app::theme (cli may not import app)",
            "src/domain/a.rs: crate::store::Record (domain may not import store)",
        ]
    );
}

/// The core reads no clock and no system time zone: the laptop's zone is
/// read by the shells and passed in (or recorded in the journal), so that
/// the same record reads the same on every laptop.
#[test]
fn the_core_reads_no_clock_and_no_system_time_zone() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let forbidden = [
        "SystemTime",
        "Instant::now",
        "try_system",
        "TimeZone::system",
        "Zoned::now",
        "Timestamp::now",
        "jiff::tz::db",
    ];
    let mut found = Vec::new();
    for layer in ["domain", "journal", "i18n", "report"] {
        let mut files = Vec::new();
        source_files(&src.join(layer), &mut files);
        for file in files {
            let code = code_only(&fs::read_to_string(&file).unwrap_or_default());
            for word in forbidden {
                if code.contains(word) {
                    found.push(format!("{}: {word}", file.display()));
                }
            }
        }
    }
    assert!(found.is_empty(), "{found:#?}");
}
