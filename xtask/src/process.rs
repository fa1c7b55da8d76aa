//! Running commands and finding files: the repository root, the tool PATH every command gets,
//! privileged (apt) commands, and reading and writing files with errors that name them.
//!
//! Every external command gets a PATH with `<repo>/node_modules/.bin` and `~/.cargo/bin`
//! first, so `wasm-opt` is npm's binaryen 132 (never Debian's 108, which breaks the app),
//! and `trunk` / `wasm-bindgen` are the ones `cargo install` put there.

use std::env;
use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::SystemTime;

use crate::Result;

/// The repository root: the folder above this crate.
pub fn repo_root() -> PathBuf {
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest_dir.parent().unwrap_or(manifest_dir).to_path_buf()
}

/// PATH for every command: node_modules/.bin, ~/.cargo/bin ($CARGO_HOME/bin), then the inherited PATH.
pub fn tool_path() -> OsString {
    let mut dirs = vec![repo_root().join("node_modules").join(".bin")];
    if let Some(home) = env::var_os("HOME") {
        dirs.push(PathBuf::from(home).join(".cargo").join("bin"));
    }
    if let Some(cargo_home) = env::var_os("CARGO_HOME") {
        dirs.push(PathBuf::from(cargo_home).join("bin"));
    }
    if let Some(inherited) = env::var_os("PATH") {
        dirs.extend(env::split_paths(&inherited));
    }
    let mut unique: Vec<PathBuf> = Vec::new();
    for dir in dirs {
        if !unique.contains(&dir) {
            unique.push(dir);
        }
    }
    env::join_paths(unique).unwrap_or_else(|_| env::var_os("PATH").unwrap_or_default())
}

/// A command run in the repo root with the tool PATH.
pub fn command(program: &str, args: &[&str]) -> Command {
    let mut cmd = Command::new(program);
    cmd.args(args)
        .current_dir(repo_root())
        .env("PATH", tool_path());
    cmd
}

/// A command for installing things: like `command`, plus CI=true and no standard input.
pub fn setup_command(program: &str, args: &[&str]) -> Command {
    let mut cmd = command(program, args);
    cmd.env("CI", "true").stdin(Stdio::null());
    cmd
}

/// A setup command that needs root: as is when we are root, else through `sudo -n`.
pub fn privileged(args: &[&str]) -> Command {
    let (program, rest) = args.split_first().unwrap_or((&"true", &[]));
    if is_root() {
        setup_command(program, rest)
    } else {
        let mut sudo_args = vec!["-n"];
        sudo_args.extend(args);
        setup_command("sudo", &sudo_args)
    }
}

/// Whether this process runs as root (`id -u` prints 0).
fn is_root() -> bool {
    output_of(&mut command("id", &["-u"])).is_some_and(|uid| uid.trim() == "0")
}

/// The command line, for messages.
fn describe(cmd: &Command) -> String {
    let mut parts = vec![cmd.get_program().to_string_lossy().into_owned()];
    parts.extend(cmd.get_args().map(|arg| arg.to_string_lossy().into_owned()));
    parts.join(" ")
}

/// Runs a command with inherited output; an error names the command and its exit status.
pub fn run(cmd: &mut Command) -> Result<()> {
    let line = describe(cmd);
    println!("  $ {line}");
    let status = cmd
        .status()
        .map_err(|e| format!("could not start `{line}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{line}` failed ({status})"))
    }
}

/// Stdout and stderr of a command that succeeded; None if it could not start or failed.
pub fn output_of(cmd: &mut Command) -> Option<String> {
    let output = cmd.stdin(Stdio::null()).output().ok()?;
    if !output.status.success() {
        return None;
    }
    let mut text = String::from_utf8_lossy(&output.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&output.stderr));
    Some(text)
}

/// Runs a command without echoing it; an error (with its stderr) if it fails.
pub fn run_quiet(cmd: &mut Command) -> Result<()> {
    captured_len(cmd).map(|_| ())
}

/// Byte length of a command's stdout; an error if it cannot start or fails.
pub fn captured_len(cmd: &mut Command) -> Result<u64> {
    let line = describe(cmd);
    let output = cmd
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("could not start `{line}`: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "`{line}` failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    Ok(output.stdout.len() as u64)
}

/// The first executable called `name` in the tool PATH.
pub fn find_on_path(name: &str) -> Option<PathBuf> {
    env::split_paths(&tool_path())
        .map(|dir| dir.join(name))
        .find(|candidate| is_executable(candidate))
}

/// Whether `path` is a file with an execute bit.
pub fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).is_ok_and(|meta| meta.is_file() && meta.permissions().mode() & 0o111 != 0)
}

/// Modification time of a file or folder, None if it does not exist.
pub fn modified(path: &Path) -> Option<SystemTime> {
    fs::metadata(path).and_then(|meta| meta.modified()).ok()
}

/// Reads a text file; the error names the file.
pub fn read_file(path: &Path) -> Result<String> {
    fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// Writes a text file, creating its folder; the error names the file.
pub fn write_file(path: &Path, contents: &str) -> Result<()> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    fs::write(path, contents).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tool_path_puts_npm_and_cargo_binaries_first() {
        let path = tool_path();
        let dirs: Vec<PathBuf> = env::split_paths(&path).collect();
        assert_eq!(dirs[0], repo_root().join("node_modules").join(".bin"));
        if let Some(home) = env::var_os("HOME") {
            assert_eq!(dirs[1], PathBuf::from(home).join(".cargo").join("bin"));
        }
    }

    #[test]
    fn describe_shows_the_command_line() {
        assert_eq!(describe(&command("gzip", &["-9", "-n"])), "gzip -9 -n");
    }
}
