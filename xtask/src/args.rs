//! The options of each command, read with lexopt; the messages stay ours
//! (`<command>: unknown option `--x``).

use std::ffi::OsStr;

use lexopt::{Arg, Parser};

use crate::Result;

/// A parser over the arguments after the command's name.
pub fn parser(args: &[String]) -> Parser {
    Parser::from_args(args)
}

/// The next argument of `command`, with lexopt's errors in our words.
pub fn next<'a>(command: &str, parser: &'a mut Parser) -> Result<Option<Arg<'a>>> {
    // No command takes short options or positional arguments: lexopt would split `-abc` into
    // -a, -b, -c and take `--` as the end of the options (`test --` would then run every
    // step), so both are unknown options, named whole.
    if let Some(raw) = parser.try_raw_args() {
        if let Some(typed) = raw.peek().and_then(OsStr::to_str) {
            if typed == "--" || (typed.starts_with('-') && !typed.starts_with("--")) {
                return Err(format!("{command}: unknown option `{typed}`"));
            }
        }
    }
    parser.next().map_err(|error| match error {
        // `--flag=value` for a flag that takes no value.
        lexopt::Error::UnexpectedValue { option, value } => format!(
            "{command}: unknown option `{option}={}`",
            value.to_string_lossy()
        ),
        other => format!("{command}: {other}"),
    })
}

/// The value of the option just read, or `missing` as the error.
pub fn value(parser: &mut Parser, missing: &str) -> Result<String> {
    let value = parser.value().map_err(|_| missing.to_string())?;
    value
        .into_string()
        .map_err(|value| format!("{missing}: `{}` is not UTF-8", value.to_string_lossy()))
}

/// `<command>: unknown option `<the argument as typed>``.
pub fn unknown(command: &str, arg: Arg) -> String {
    let typed = match arg {
        Arg::Short(letter) => format!("-{letter}"),
        Arg::Long(name) => format!("--{name}"),
        Arg::Value(value) => value.to_string_lossy().into_owned(),
    };
    format!("{command}: unknown option `{typed}`")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|arg| arg.to_string()).collect()
    }

    /// The error for the first argument.
    fn first_error(args: &[&str]) -> String {
        let mut parser = parser(&strings(args));
        match next("setup", &mut parser) {
            Ok(Some(arg)) => unknown("setup", arg),
            Ok(None) => "none".to_string(),
            Err(message) => message,
        }
    }

    #[test]
    fn unknown_options_read_as_typed() {
        assert_eq!(first_error(&["--x"]), "setup: unknown option `--x`");
        assert_eq!(first_error(&["-x"]), "setup: unknown option `-x`");
        assert_eq!(first_error(&["extra"]), "setup: unknown option `extra`");
        assert_eq!(first_error(&["-abc"]), "setup: unknown option `-abc`");
        assert_eq!(first_error(&["-"]), "setup: unknown option `-`");
        assert_eq!(first_error(&["--"]), "setup: unknown option `--`");
        assert_eq!(first_error(&["--", "--x"]), "setup: unknown option `--`");
        assert_eq!(first_error(&[]), "none");
    }

    #[test]
    fn a_value_for_a_flag_is_an_unknown_option() {
        let mut parser = parser(&strings(&["--browser=yes"]));
        assert!(matches!(
            next("setup", &mut parser),
            Ok(Some(Arg::Long("browser")))
        ));
        assert_eq!(
            next("setup", &mut parser).err().as_deref(),
            Some("setup: unknown option `--browser=yes`")
        );
    }
}
