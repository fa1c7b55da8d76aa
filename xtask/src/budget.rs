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
    let budgets = budgets(&cargo_toml)?;
    let dist = repo_root().join("dist");
    let mut over = Vec::new();
    for (part, rows) in measured_parts(&dist)? {
        let budget = budget_of(&budgets, part.budget_key)?;
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

/// Cargo.toml's `[workspace.metadata.budget]` table (empty when there is none).
fn budgets(cargo_toml: &str) -> Result<toml::Table> {
    let manifest: toml::Table =
        toml::from_str(cargo_toml).map_err(|e| format!("budget: cannot parse Cargo.toml: {e}"))?;
    let budget = ["workspace", "metadata", "budget"]
        .iter()
        .try_fold(&manifest, |table, key| table.get(*key)?.as_table());
    Ok(budget.cloned().unwrap_or_default())
}

/// The `key = N` value (bytes) of the budget table.
fn budget_of(budgets: &toml::Table, key: &str) -> Result<u64> {
    let value = budgets.get(key).ok_or_else(|| {
        format!("budget: Cargo.toml has no `{key} = N` under [workspace.metadata.budget]")
    })?;
    value
        .as_integer()
        .and_then(|bytes| u64::try_from(bytes).ok())
        .ok_or_else(|| format!("budget: `{key}` is not a whole number of bytes"))
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

    fn budget_in(cargo_toml: &str, key: &str) -> Result<u64> {
        budget_of(&budgets(cargo_toml)?, key)
    }

    #[test]
    fn reads_the_budget_from_its_section_only() {
        let toml = "[package]\nfirst-view-brotli = 1\n\n[workspace.metadata.budget]\n# bytes\nfirst-view-brotli = 122_880 # 120 KiB\napp-brotli = 262_144\n";
        assert_eq!(budget_in(toml, "first-view-brotli"), Ok(122_880));
        assert_eq!(budget_in(toml, "app-brotli"), Ok(262_144));
        assert!(budget_in(toml, "other-brotli").is_err());
        assert!(budget_in("[package]\nfirst-view-brotli = 1\n", "first-view-brotli").is_err());
        for value in ["\"lots\"", "1.5", "-1"] {
            let toml = format!("[workspace.metadata.budget]\nfirst-view-brotli = {value}\n");
            assert_eq!(
                budget_in(&toml, "first-view-brotli"),
                Err("budget: `first-view-brotli` is not a whole number of bytes".to_string())
            );
        }
        assert!(budget_in(
            "[workspace.metadata.budget]\nfirst-view-brotli = lots\n",
            "x"
        )
        .is_err());
    }

    #[test]
    fn this_repositorys_budgets_are_there() {
        let cargo_toml = read_file(&repo_root().join("Cargo.toml")).unwrap();
        assert!(budget_in(&cargo_toml, "first-view-brotli").unwrap() > 0);
        assert!(budget_in(&cargo_toml, "app-brotli").unwrap() > 0);
    }

    #[test]
    fn the_verdict_says_over_or_within() {
        assert!(budget_verdict("app", 101, 100).starts_with("✗ app 101 B"));
        assert!(budget_verdict("first view", 100, 100).starts_with("✓ first view"));
        assert!(budget_verdict("app", 99, 100).contains("1 B to spare"));
    }
}
