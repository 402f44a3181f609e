//! External links in a text (第八条二: what a post links to must be checked like what it
//! uploads). Every link is listed with its domain so the reviewer can see where the post sends
//! readers; plain http and URL shorteners, which hide the destination, are warned about.

use regex::Regex;
use serde::{Deserialize, Serialize};

use super::error::{BuildFailure, ScreeningError};
use super::normalize::Normalized;

/// Known URL shorteners. A short link hides its destination from the reviewer, so the real
/// address should be published instead.
pub const LINK_SHORTENERS: &[&str] = &[
    "t.cn",
    "url.cn",
    "dwz.cn",
    "suo.im",
    "suo.nz",
    "mrw.so",
    "rrd.me",
    "985.so",
    "sina.lt",
    "tb.cn",
    "3.cn",
    "u.jd.com",
    "dwz.date",
    "bit.ly",
    "tinyurl.com",
    "goo.gl",
    "ow.ly",
    "is.gd",
    "v.gd",
    "t.co",
    "buff.ly",
    "rebrand.ly",
    "cutt.ly",
    "shorturl.at",
    "tiny.cc",
    "j.mp",
    "s.id",
];

/// 第八条二: a short link hides where it leads, so the reviewer cannot check it; it is warned
/// about. Whether `domain` (lower case) is a URL shortener or one of its subdomains.
pub fn is_link_shortener(domain: &str) -> bool {
    LINK_SHORTENERS.iter().any(|s| {
        domain == *s
            || domain
                .strip_suffix(s)
                .is_some_and(|rest| rest.ends_with('.'))
    })
}

/// How a link is reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkScheme {
    Https,
    Http,
    /// Written as `www.…` without a scheme.
    Unspecified,
}

/// One external link, with character and byte ranges into the original text like a finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExternalLink {
    /// The link as written in the text.
    pub url: String,
    /// Lower-case host name, without user info or port.
    pub domain: String,
    pub scheme: LinkScheme,
    pub shortener: bool,
    pub start: usize,
    pub end: usize,
    pub byte_start: usize,
    pub byte_end: usize,
}

/// A link found in the folded text, before it is mapped back to the original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LinkHit {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) domain: String,
    pub(crate) scheme: LinkScheme,
}

/// The compiled link finder; built once with the `Screener`.
#[derive(Debug, Clone)]
pub(crate) struct LinkDetector {
    regex: Regex,
}

impl LinkDetector {
    pub(crate) fn new() -> Result<Self, ScreeningError> {
        // The folded text is lower case and full-width forms are half-width, so ｈｔｔｐ：／／ is
        // found too. Only URL characters are taken: a link ends where Chinese text begins.
        let regex = Regex::new(r"(?:https?://|www\.)[a-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+")
            .map_err(|_| ScreeningError::Build(BuildFailure::LinkPattern))?;
        Ok(Self { regex })
    }

    pub(crate) fn find(&self, folded: &Normalized) -> Vec<LinkHit> {
        let mut hits = Vec::new();
        for m in self.regex.find_iter(&folded.text) {
            let mut link = m.as_str();
            // Sentence punctuation after a link is not part of it.
            while let Some(trimmed) =
                link.strip_suffix(['.', ',', ';', ':', '!', '?', ')', ']', '\''])
            {
                link = trimmed;
            }
            let (scheme, rest) = if let Some(rest) = link.strip_prefix("https://") {
                (LinkScheme::Https, rest)
            } else if let Some(rest) = link.strip_prefix("http://") {
                (LinkScheme::Http, rest)
            } else {
                (LinkScheme::Unspecified, link)
            };
            let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
            let host_port = authority.rsplit('@').next().unwrap_or_default();
            let domain = host_port.split(':').next().unwrap_or_default();
            let domain = domain.trim_end_matches('.');
            if domain.is_empty() || domain == "www" {
                continue;
            }
            hits.push(LinkHit {
                start: m.start(),
                end: m.start() + link.len(),
                domain: domain.to_owned(),
                scheme,
            });
        }
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str) -> Vec<(String, String, LinkScheme)> {
        let folded = Normalized::folded(text);
        LinkDetector::new()
            .unwrap()
            .find(&folded)
            .into_iter()
            .map(|h| (folded.text[h.start..h.end].to_owned(), h.domain, h.scheme))
            .collect()
    }

    #[test]
    fn links_are_found_with_their_domains() {
        let cases = [
            (
                "详见https://www.sias.edu.cn/news/1.html。",
                vec![(
                    "https://www.sias.edu.cn/news/1.html",
                    "www.sias.edu.cn",
                    LinkScheme::Https,
                )],
            ),
            (
                "旧站 http://user@old.example.com:8080/a?b=1, 请更新",
                vec![(
                    "http://user@old.example.com:8080/a?b=1",
                    "old.example.com",
                    LinkScheme::Http,
                )],
            ),
            (
                "访问www.example.org.",
                vec![(
                    "www.example.org",
                    "www.example.org",
                    LinkScheme::Unspecified,
                )],
            ),
            (
                "ＨＴＴＰＳ：／／Ｔ．ＣＮ／abc",
                vec![("https://t.cn/abc", "t.cn", LinkScheme::Https)],
            ),
            ("没有链接，只有 http:// 和 www.", vec![]),
        ];
        for (text, expected) in cases {
            let expected: Vec<(String, String, LinkScheme)> = expected
                .into_iter()
                .map(|(u, d, s)| (u.to_owned(), d.to_owned(), s))
                .collect();
            assert_eq!(find(text), expected, "{text}");
        }
    }

    #[test]
    fn shorteners_are_recognised_with_subdomains_only() {
        let cases = [
            ("t.cn", true),
            ("url.cn", true),
            ("w.url.cn", true),
            ("dwz.cn", true),
            ("bit.ly", true),
            ("tinyurl.com", true),
            ("suo.im", true),
            ("sias.edu.cn", false),
            ("mt.cn", false),
            ("notbit.ly", false),
        ];
        for (domain, expected) in cases {
            assert_eq!(is_link_shortener(domain), expected, "{domain}");
        }
    }
}
