//! How the window starts when told more than the database: `--as USER` (signed in with the
//! password from `MEDIADESK_PASSWORD`, or the sign-in page with the login filled), `--page`
//! (the page to open on), `--window-size WxH`. With `--screenshot` these make the README's
//! pictures of any page at any size from the app itself.

use super::action::{Action, Page, Secret};
use super::app::{MediaDeskApp, Workspace};
use crate::text::{self, ui_window as wording};

/// Where the window opens: a page, or a new post's form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartPage {
    Page(Page),
    NewPost,
}

/// `--page`: the navigation's Chinese names (平台台账, 备案, …) or their English keys.
pub fn parse_page(name: &str) -> Result<StartPage, String> {
    let name = name.trim();
    if name == "new-post" || name == text::NEW_POST {
        return Ok(StartPage::NewPost);
    }
    let pages = [
        ("todo", text::ui_todo::NAV_TODO, Page::Todo),
        (
            "supervision",
            text::ui_supervision::NAV_SUPERVISION,
            Page::Supervision,
        ),
        ("registry", text::NAV_REGISTRY, Page::Registry),
        ("filings", text::NAV_FILINGS, Page::Filings),
        ("posts", text::NAV_POSTS, Page::Posts),
        ("units", text::NAV_UNITS, Page::Units),
        ("audit", text::NAV_AUDIT, Page::Audit),
        ("users", text::NAV_USERS, Page::Users),
        ("settings", text::NAV_SETTINGS, Page::Settings),
    ];
    pages
        .iter()
        .find(|(key, label, _)| name == *key || name == *label)
        .map(|(_, _, page)| StartPage::Page(*page))
        .ok_or_else(|| wording::unknown_page(name))
}

/// `--window-size 1024x640`.
pub fn parse_size(text: &str) -> Result<[f32; 2], String> {
    let parsed = text
        .trim()
        .split_once(['x', 'X', '×'])
        .and_then(|(w, h)| Some([w.trim().parse::<u16>().ok()?, h.trim().parse::<u16>().ok()?]));
    match parsed {
        Some([w, h]) if (640..=7680).contains(&w) && (480..=4320).contains(&h) => {
            Ok([f32::from(w), f32::from(h)])
        }
        _ => Err(wording::bad_window_size(text)),
    }
}

impl MediaDeskApp {
    /// Signs `login` in (with `password`; without one the sign-in page shows with the login
    /// filled) and opens `page`; a refusal is shown on the sign-in page as any other.
    pub fn start_as(
        mut self,
        login: Option<(String, Option<String>)>,
        page: Option<StartPage>,
    ) -> Self {
        if let Some(w) = self.workspace_mut() {
            w.start_as(login, page);
        }
        self
    }
}

impl Workspace {
    fn start_as(&mut self, login: Option<(String, Option<String>)>, page: Option<StartPage>) {
        if let Some((login, password)) = login {
            match password {
                Some(password) => self.apply(Action::SignIn {
                    login,
                    password: Secret(password),
                }),
                None => {
                    if let Some(gate) = &mut self.gate {
                        gate.fill_login(login);
                    }
                }
            }
        }
        if self.store.session().is_none() {
            return;
        }
        match page {
            Some(StartPage::Page(page)) => self.apply(Action::Navigate(page)),
            Some(StartPage::NewPost) => {
                self.apply(Action::Navigate(Page::Posts));
                self.apply(Action::NewPost);
            }
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_and_sizes_parse_and_bad_ones_say_why() {
        for (name, page) in [
            ("备案", StartPage::Page(Page::Filings)),
            ("待办", StartPage::Page(Page::Todo)),
            ("registry", StartPage::Page(Page::Registry)),
            ("新建信息", StartPage::NewPost),
            (" 督查 ", StartPage::Page(Page::Supervision)),
        ] {
            assert_eq!(parse_page(name), Ok(page));
        }
        assert!(parse_page("首页").unwrap_err().contains("首页"));
        assert_eq!(parse_size("1024x640"), Ok([1024.0, 640.0]));
        assert_eq!(parse_size("1366×768"), Ok([1366.0, 768.0]));
        for bad in [
            "",
            "1024",
            "0x0",
            "1024x",
            "99999x640",
            "１０２４x640",
            "1024x640x2",
        ] {
            assert!(parse_size(bad).is_err(), "{bad}");
        }
    }
}
