//! `mediadesk todo`: the signed-in person's 待办 — what is due and by when, most urgent first,
//! the same list as the window's first page (`domain::todo`).

use std::io::Write;

use chrono::NaiveDate;

use super::{CliError, to_json};
use crate::store::Store;
use crate::text::ui_todo as text;

pub(super) fn run_todo(
    today: Option<NaiveDate>,
    json: bool,
    store: &Store,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let Some(session) = store.session() else {
        return Err(CliError::Message(text::needs_sign_in()));
    };
    let today = today.unwrap_or_else(crate::today);
    let items = store.todo(today, crate::ops::supervision::moment_of(today))?;
    if json {
        let rows: Vec<serde_json::Value> = items
            .iter()
            .map(|i| {
                serde_json::json!({
                    "what": text::item_label(i),
                    "item": i,
                })
            })
            .collect();
        writeln!(out, "{}", to_json(&rows)?)?;
        return Ok(());
    }
    writeln!(
        out,
        "{}",
        text::cli_header(&session.display_name, today, items.len())
    )?;
    for item in &items {
        writeln!(out, "{}", text::cli_line(item, today))?;
    }
    Ok(())
}
