//! Clap's parse errors in Chinese (issue 15, item 7). Clap writes "error: unexpected argument
//! '--x' found"; a department secretary reads 「错误：不认识参数「--x」。」 with the usage line
//! and a pointer to `--help`. The Chinese is built from the error's kind and context (which
//! argument, which value, what clap suggests), so every message names the argument. `--help`
//! and `--version` are not errors to a person and stay exactly as clap prints them.
//!
//! Also here: a closed pipe on output (`mediadesk words list | head -1`) is the reader's
//! choice, not a failure, and ends the program quietly with exit code 0.

use std::error::Error as StdError;
use std::io;
use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::domain::identity::terminal_safe_line;
use crate::text::hardening as text;

/// The exit code clap uses for a usage error; kept, so scripts see the same code.
pub const USAGE_ERROR_CODE: u8 = 2;

/// The whole Chinese message for a parse error (several lines: what is wrong, a suggestion,
/// the usage line, where to find help), or `None` for `--help` and `--version`, which clap
/// prints itself.
pub fn chinese_message(error: &clap::Error) -> Option<String> {
    let main = main_line(error)?;
    let mut lines = vec![format!("{}{main}", text::CLI_ERROR_PREFIX)];
    lines.extend(suggestions(error));
    if let Some(usage) = usage_line(error) {
        lines.push(usage);
    }
    lines.push(text::CLI_MORE_HELP.to_owned());
    Some(lines.join("\n"))
}

/// Parses the command line; on a parse error prints the Chinese message to standard error and
/// exits with code 2. `--help` and `--version` print and exit as clap does.
pub fn parse<P: clap::Parser>() -> P {
    match P::try_parse() {
        Ok(parsed) => parsed,
        Err(error) => exit_with(error),
    }
}

/// Prints `error` in Chinese (or as clap does for help and version) and exits.
pub fn exit_with(error: clap::Error) -> ! {
    match chinese_message(&error) {
        Some(message) => {
            eprintln!("{message}");
            std::process::exit(i32::from(USAGE_ERROR_CODE))
        }
        None => error.exit(),
    }
}

fn main_line(error: &clap::Error) -> Option<String> {
    let arg = string(error, ContextKind::InvalidArg);
    let value = string(error, ContextKind::InvalidValue);
    let subcommand = string(error, ContextKind::InvalidSubcommand);
    let (arg, value, subcommand) = (arg.as_deref(), value.as_deref(), subcommand.as_deref());
    let line = match error.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
        | ErrorKind::DisplayVersion => return None,
        ErrorKind::UnknownArgument => text::cli_unknown_argument(arg.unwrap_or_default()),
        ErrorKind::InvalidSubcommand => {
            text::cli_unknown_subcommand(subcommand.unwrap_or_default())
        }
        ErrorKind::MissingRequiredArgument => {
            text::cli_missing_arguments(&strings(error, ContextKind::InvalidArg))
        }
        ErrorKind::MissingSubcommand => text::cli_missing_subcommand(
            subcommand.unwrap_or_default(),
            &strings(error, ContextKind::ValidSubcommand),
        ),
        ErrorKind::InvalidValue => match (arg, value) {
            (Some(arg), Some("")) => text::cli_missing_value(arg),
            (Some(arg), Some(value)) => {
                with_possible_values(error, text::cli_invalid_value(arg, value))
            }
            _ => text::CLI_BAD_ARGUMENTS.to_owned(),
        },
        ErrorKind::ValueValidation => {
            let mut line =
                text::cli_invalid_value(arg.unwrap_or_default(), value.unwrap_or_default());
            if let Some(why) = why_value_failed(error) {
                line.push_str(why);
            }
            line
        }
        ErrorKind::ArgumentConflict => {
            let prior = match error.get(ContextKind::PriorArg) {
                Some(ContextValue::String(prior)) => Some(prior.clone()),
                Some(ContextValue::Strings(prior)) => {
                    Some(prior.join(crate::text::ui_common::LIST_SEPARATOR))
                }
                _ => None,
            };
            let arg = arg.or(subcommand).unwrap_or_default();
            text::cli_conflict(arg, prior.as_deref())
        }
        ErrorKind::TooManyValues => {
            text::cli_too_many_values(arg.unwrap_or_default(), value.unwrap_or_default())
        }
        ErrorKind::WrongNumberOfValues => text::cli_wrong_number_of_values(
            arg.unwrap_or_default(),
            number(error, ContextKind::ExpectedNumValues),
            number(error, ContextKind::ActualNumValues),
        ),
        ErrorKind::TooFewValues => text::cli_too_few_values(
            arg.unwrap_or_default(),
            number(error, ContextKind::MinValues),
            number(error, ContextKind::ActualNumValues),
        ),
        ErrorKind::NoEquals => text::cli_needs_equals(arg.unwrap_or_default()),
        ErrorKind::InvalidUtf8 => text::CLI_NOT_UTF8.to_owned(),
        _ => text::CLI_BAD_ARGUMENTS.to_owned(),
    };
    Some(line)
}

fn with_possible_values(error: &clap::Error, mut line: String) -> String {
    let values = strings(error, ContextKind::ValidValue);
    if !values.is_empty() {
        line.push_str(&text::cli_possible_values(&values));
    }
    line
}

/// Clap's own suggestions ("did you mean", "put -- before a value that starts with -").
fn suggestions(error: &clap::Error) -> Vec<String> {
    let mut lines = Vec::new();
    for kind in [
        ContextKind::SuggestedArg,
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedValue,
    ] {
        for suggestion in strings(error, kind) {
            lines.push(text::cli_did_you_mean(&suggestion));
        }
    }
    if let Some(ContextValue::Bool(true)) = error.get(ContextKind::TrailingArg)
        && let Some(arg) = string(error, ContextKind::InvalidArg)
    {
        lines.push(text::cli_value_after_double_dash(&arg));
    }
    lines
}

/// 「用法：mediadesk platforms add <JSON>」 from clap's "Usage: …".
fn usage_line(error: &clap::Error) -> Option<String> {
    let Some(ContextValue::StyledStr(usage)) = error.get(ContextKind::Usage) else {
        return None;
    };
    let usage = usage.to_string();
    let usage = usage.trim();
    let usage = usage.strip_prefix("Usage:").unwrap_or(usage).trim();
    (!usage.is_empty()).then(|| format!("{}{usage}", text::CLI_USAGE))
}

/// The value parsers MediaDesk's commands use fail with these errors; their English is
/// replaced by a hint in Chinese. Anything else says only which value was wrong.
fn why_value_failed(error: &clap::Error) -> Option<&'static str> {
    let source = StdError::source(error)?;
    if source.is::<std::num::ParseIntError>() {
        Some(text::CLI_EXPECTED_INTEGER)
    } else if source.is::<std::num::ParseFloatError>() {
        Some(text::CLI_EXPECTED_NUMBER)
    } else if source.is::<chrono::ParseError>() {
        Some(text::CLI_EXPECTED_DATE)
    } else if source.is::<std::str::ParseBoolError>() {
        Some(text::CLI_EXPECTED_BOOL)
    } else {
        None
    }
}

/// A context string, with control characters escaped: what was typed goes back to the
/// terminal, and `--\x1b[2J` must not clear it.
fn string(error: &clap::Error, kind: ContextKind) -> Option<String> {
    match error.get(kind) {
        Some(ContextValue::String(value)) => Some(terminal_safe_line(value).into_owned()),
        _ => None,
    }
}

fn strings(error: &clap::Error, kind: ContextKind) -> Vec<String> {
    let values: Vec<String> = match error.get(kind) {
        Some(ContextValue::String(value)) => vec![value.clone()],
        Some(ContextValue::Strings(values)) => values.clone(),
        Some(ContextValue::StyledStr(value)) => vec![value.to_string()],
        Some(ContextValue::StyledStrs(values)) => values.iter().map(ToString::to_string).collect(),
        _ => Vec::new(),
    };
    values
        .iter()
        .map(|value| terminal_safe_line(value).into_owned())
        .collect()
}

fn number(error: &clap::Error, kind: ContextKind) -> isize {
    match error.get(kind) {
        Some(ContextValue::Number(n)) => *n,
        _ => 0,
    }
}

/// Whether `error`, or any error it wraps, is a closed pipe (`EPIPE`): the program reading
/// our output has stopped reading, as `head -1` does after one line.
pub fn is_broken_pipe(error: &(dyn StdError + 'static)) -> bool {
    let mut current = Some(error);
    while let Some(error) = current {
        if error
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
        {
            return true;
        }
        current = error.source();
    }
    false
}

/// A command's result with a closed output pipe turned into success: nothing to print,
/// exit code 0. Every other error is passed on unchanged.
pub fn quiet_broken_pipe<E: StdError + 'static>(result: Result<(), E>) -> Result<(), E> {
    match result {
        Err(error) if is_broken_pipe(&error) => Ok(()),
        other => other,
    }
}

/// The exit code for a command that failed with `error`: `Some(0)` (say nothing, exit 0)
/// when the output pipe was closed, `None` when the error is to be reported as usual.
pub fn exit_code_for_closed_pipe(error: &(dyn StdError + 'static)) -> Option<ExitCode> {
    is_broken_pipe(error).then_some(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use clap::{Arg, ArgAction, Command, value_parser};

    use super::*;

    fn command() -> Command {
        Command::new("mediadesk")
            .version("0.1.0")
            .subcommand_required(true)
            .arg(
                Arg::new("db")
                    .long("db")
                    .global(true)
                    .value_name("PATH")
                    .value_parser(value_parser!(PathBuf)),
            )
            .subcommand(
                Command::new("demo")
                    .arg(
                        Arg::new("scale")
                            .long("scale")
                            .value_parser(value_parser!(usize)),
                    )
                    .arg(Arg::new("posts").long("posts").requires("scale")),
            )
            .subcommand(
                Command::new("platforms")
                    .subcommand_required(true)
                    .subcommand(
                        Command::new("add")
                            .arg(Arg::new("json").required(true).value_name("JSON"))
                            .arg(Arg::new("dry").long("dry-run").action(ArgAction::SetTrue)),
                    )
                    .subcommand(
                        Command::new("list").arg(
                            Arg::new("status")
                                .long("status")
                                .value_parser(["unfiled", "filed", "closed"]),
                        ),
                    ),
            )
            .subcommand(
                Command::new("check")
                    .arg(Arg::new("file").conflicts_with("text"))
                    .arg(Arg::new("text").long("text")),
            )
            .subcommand(
                Command::new("publish").arg(Arg::new("at").long("at").value_parser(|s: &str| {
                    chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M")
                })),
            )
    }

    fn message(args: &[&str]) -> (ErrorKind, Option<String>) {
        let error = command()
            .try_get_matches_from(args)
            .expect_err("these arguments are refused");
        (error.kind(), chinese_message(&error))
    }

    #[test]
    fn parse_errors_become_chinese_naming_the_argument() {
        let cases: &[(&[&str], ErrorKind, &[&str])] = &[
            (
                &["mediadesk", "demo", "--sc\u{1b}[2J"],
                ErrorKind::UnknownArgument,
                &["不认识参数「--sc\\u{001B}[2J」"],
            ),
            (
                &["mediadesk", "demo", "--scael", "10"],
                ErrorKind::UnknownArgument,
                &["不认识参数「--scael」", "您是不是想输入「--scale」？"],
            ),
            (
                &["mediadesk", "platfroms"],
                ErrorKind::InvalidSubcommand,
                &["没有「platfroms」这个命令", "「platforms」"],
            ),
            (
                &["mediadesk", "platforms", "add"],
                ErrorKind::MissingRequiredArgument,
                &[
                    "缺少必填的参数：「<JSON>」",
                    "用法：mediadesk platforms add",
                ],
            ),
            (
                &["mediadesk", "demo", "--scale", "many"],
                ErrorKind::ValueValidation,
                &[
                    "参数「--scale <scale>」的值「many」不正确",
                    "应填写一个整数",
                ],
            ),
            (
                &["mediadesk", "platforms", "list", "--status", "open"],
                ErrorKind::InvalidValue,
                &[
                    "「open」不正确",
                    "可以填写：「unfiled」、「filed」、「closed」",
                ],
            ),
            (
                &["mediadesk", "platforms", "list", "--status"],
                ErrorKind::InvalidValue,
                &["参数「--status <status>」需要一个值"],
            ),
            (
                &["mediadesk", "check", "a.txt", "--text", "x"],
                ErrorKind::ArgumentConflict,
                &["不能和", "同时使用"],
            ),
            (
                &["mediadesk", "demo", "--posts", "5"],
                ErrorKind::MissingRequiredArgument,
                &["缺少必填的参数：「--scale <scale>」"],
            ),
            (
                &["mediadesk", "publish", "--at", "2099-12-31"],
                ErrorKind::ValueValidation,
                &["「2099-12-31」不正确", "2026-11-26 09:30"],
            ),
            (
                &[
                    "mediadesk",
                    "platforms",
                    "add",
                    "x.json",
                    "--dry-run",
                    "--dry-run",
                ],
                ErrorKind::ArgumentConflict,
                &["只能给一次"],
            ),
            (
                &["mediadesk"],
                ErrorKind::MissingSubcommand,
                &["「mediadesk」后面还需要一个子命令", "「demo」"],
            ),
        ];
        for (args, kind, expected) in cases {
            let (actual_kind, message) = message(args);
            let message = message.expect("a parse error has a Chinese message");
            assert_eq!(actual_kind, *kind, "{args:?}: {message}");
            assert!(message.starts_with("错误："), "{message}");
            assert!(message.ends_with(text::CLI_MORE_HELP), "{message}");
            for part in *expected {
                assert!(
                    message.contains(part),
                    "{args:?}: {part:?} not in\n{message}"
                );
            }
            assert!(!message.contains('\u{1b}'), "{message}");
            for english in ["error:", "Usage:", "unexpected", "found", "tip:", "invalid"] {
                assert!(
                    !message.contains(english),
                    "{args:?}: English in\n{message}"
                );
            }
        }
    }

    #[test]
    fn help_and_version_stay_as_clap_prints_them() {
        for args in [
            &["mediadesk", "--help"][..],
            &["mediadesk", "--version"],
            &["mediadesk", "platforms", "add", "--help"],
            &["mediadesk", "help", "demo"],
        ] {
            let error = command().try_get_matches_from(args).unwrap_err();
            assert!(
                matches!(
                    error.kind(),
                    ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
                ),
                "{args:?}: {:?}",
                error.kind()
            );
            assert_eq!(chinese_message(&error), None, "{args:?}");
        }
    }

    #[test]
    fn the_derive_parser_s_errors_too() {
        use clap::Parser;
        let error = crate::cli::Cli::try_parse_from(["mediadesk", "--no-such-flag"]).unwrap_err();
        let message = chinese_message(&error).unwrap();
        assert!(message.contains("「--no-such-flag」"), "{message}");
    }

    #[derive(Debug, thiserror::Error)]
    enum Wrapped {
        #[error("output")]
        Io(#[from] io::Error),
        #[error("other")]
        Other,
    }

    #[test]
    fn a_closed_pipe_is_a_quiet_success() {
        let pipe = || io::Error::from(io::ErrorKind::BrokenPipe);
        assert!(is_broken_pipe(&pipe()));
        assert!(is_broken_pipe(&Wrapped::Io(pipe())));
        assert!(!is_broken_pipe(&Wrapped::Other));
        assert!(!is_broken_pipe(&io::Error::from(
            io::ErrorKind::PermissionDenied
        )));
        assert!(quiet_broken_pipe::<Wrapped>(Err(Wrapped::Io(pipe()))).is_ok());
        assert!(quiet_broken_pipe::<Wrapped>(Err(Wrapped::Other)).is_err());
        assert_eq!(exit_code_for_closed_pipe(&pipe()), Some(ExitCode::SUCCESS));
        assert_eq!(exit_code_for_closed_pipe(&Wrapped::Other), None);
    }

    #[cfg(unix)]
    #[test]
    fn writing_into_a_closed_pipe_is_recognised() {
        use std::io::Write;
        use std::process::{Command, Stdio};
        // `head -c 1` reads one byte and exits, closing the pipe as `| head -1` does.
        let mut child = Command::new("head")
            .args(["-c", "1"])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(b"x").unwrap();
        stdin.flush().unwrap();
        child.wait().unwrap();
        let line = vec![b'x'; 64 * 1024];
        let result = (0..64).try_for_each(|_| stdin.write_all(&line));
        let error = result.expect_err("the reader is gone");
        assert!(is_broken_pipe(&error), "{error:?}");
        assert!(quiet_broken_pipe(Err(error)).is_ok());
    }
}
