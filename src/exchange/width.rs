//! How wide a column must be for its text: Excel measures in the width of a digit, and a
//! Chinese character is about two of those, so counting characters would cut 台账 text in half.

use unicode_width::UnicodeWidthChar;

/// Display width of `text` in digit widths: CJK and full-width characters count double.
pub fn display_width(text: &str) -> usize {
    text.lines()
        .map(|line| line.chars().map(|c| c.width().unwrap_or(0)).sum())
        .max()
        .unwrap_or(0)
}

/// The Excel column width for the widest text of a column: a little padding, never so narrow
/// the header is cut, never so wide one long note pushes everything off screen.
pub fn column_width(widest: usize) -> f64 {
    const MIN: usize = 6;
    const MAX: usize = 60;
    (widest + 2).clamp(MIN, MAX) as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_counts_double() {
        assert_eq!(display_width("abc"), 3);
        assert_eq!(display_width("账号名称"), 8);
        assert_eq!(display_width("微信公众号（订阅号）"), 20);
        assert_eq!(display_width("商学院 sxy"), 10);
        assert_eq!(display_width("第一行\nlonger line"), 11);
        assert_eq!(column_width(0), 6.0);
        assert_eq!(column_width(8), 10.0);
        assert_eq!(column_width(500), 60.0);
    }
}
