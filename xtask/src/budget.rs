//! `cargo xtask budget`: the brotli totals of the first views and of the app against the
//! budgets in Cargo.toml's `[workspace.metadata.budget]`.

use crate::process::{read_file, repo_root};
use crate::setup::{ensure_apt_tools, COMPRESS_TOOLS};
use crate::sizes::{measured_parts, size_table, total};
use crate::Result;

/// `cargo xtask budget`: fails when the first view's or the app's brotli total is over its
/// budget.
pub fn cmd_budget(args: &[String]) -> Result<()> {
    if let Some(arg) = args.first() {
        return Err(format!("budget: unknown option `{arg}`"));
    }
    ensure_apt_tools(&COMPRESS_TOOLS)?;
    let cargo_toml = read_file(&repo_root().join("Cargo.toml"))?;
    let dist = repo_root().join("dist");
    let mut over = Vec::new();
    for (part, rows) in measured_parts(&dist)? {
        let budget = budget_of(&cargo_toml, part.budget_key)?;
        println!("\n{}", part.title);
        print!("{}", size_table(&rows));
        let total = total(&rows).brotli;
        let verdict = budget_verdict(part.name, total, budget);
        println!("{verdict}");
        if total > budget {
            over.push(verdict);
        }
    }
    if over.is_empty() {
        Ok(())
    } else {
        Err(over.join("; "))
    }
}

/// The `key = N` value (bytes) of Cargo.toml's `[workspace.metadata.budget]`.
fn budget_of(cargo_toml: &str, key: &str) -> Result<u64> {
    let mut in_section = false;
    for line in cargo_toml.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_section = line == "[workspace.metadata.budget]";
        } else if in_section {
            if let Some(value) = line
                .strip_prefix(key)
                .and_then(|rest| rest.trim_start().strip_prefix('='))
            {
                let number = value
                    .split('#')
                    .next()
                    .unwrap_or("")
                    .trim()
                    .replace('_', "");
                return number
                    .parse()
                    .map_err(|_| format!("budget: `{line}` is not a whole number of bytes"));
            }
        }
    }
    Err(format!(
        "budget: Cargo.toml has no `{key} = N` under [workspace.metadata.budget]"
    ))
}

/// One line saying how the total of `part` compares with its budget.
fn budget_verdict(part: &str, total: u64, budget: u64) -> String {
    let percent = total as f64 * 100.0 / budget as f64;
    if total > budget {
        format!(
            "✗ {part} {total} B brotli is over the budget of {budget} B by {} B ({percent:.1} %)",
            total - budget
        )
    } else {
        format!(
            "✓ {part} {total} B brotli, within the budget of {budget} B ({percent:.1} %; {} B to spare)",
            budget - total
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_budget_from_its_section_only() {
        let toml = "[package]\nfirst-view-brotli = 1\n\n[workspace.metadata.budget]\n# bytes\nfirst-view-brotli = 122_880 # 120 KiB\napp-brotli = 262_144\n";
        assert_eq!(budget_of(toml, "first-view-brotli"), Ok(122_880));
        assert_eq!(budget_of(toml, "app-brotli"), Ok(262_144));
        assert!(budget_of(toml, "other-brotli").is_err());
        assert!(budget_of("[package]\nfirst-view-brotli = 1\n", "first-view-brotli").is_err());
        assert!(budget_of(
            "[workspace.metadata.budget]\nfirst-view-brotli = lots\n",
            "first-view-brotli"
        )
        .is_err());
    }

    #[test]
    fn this_repositorys_budgets_are_there() {
        let cargo_toml = read_file(&repo_root().join("Cargo.toml")).unwrap();
        assert!(budget_of(&cargo_toml, "first-view-brotli").unwrap() > 0);
        assert!(budget_of(&cargo_toml, "app-brotli").unwrap() > 0);
    }

    #[test]
    fn the_verdict_says_over_or_within() {
        assert!(budget_verdict("app", 101, 100).starts_with("✗ app 101 B"));
        assert!(budget_verdict("first view", 100, 100).starts_with("✓ first view"));
        assert!(budget_verdict("app", 99, 100).contains("1 B to spare"));
    }
}
