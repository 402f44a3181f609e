//! The SQL the store writes is SQLite's, kept to what PostgreSQL also understands; this is
//! the short list of spellings that differ, rewritten for the server: `?N` placeholders
//! become `$N`, `instr(a, b)` becomes `strpos(a, b)`, and `CROSS JOIN … ON` (SQLite's way to
//! fix the join order for its planner) becomes a plain `JOIN … ON`; SQLite's index hints
//! (`INDEXED BY name`) are dropped, the server's planner chooses for itself. String literals and quoted names
//! are copied untouched.

/// `sql` as PostgreSQL spells it.
pub(super) fn postgres(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 8);
    let chars: Vec<char> = sql.chars().collect();
    let mut i = 0;
    let mut next_bare = 1;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\'' | '"' => {
                // Copy the quoted part, doubled quotes included.
                out.push(c);
                i += 1;
                while i < chars.len() {
                    out.push(chars[i]);
                    if chars[i] == c {
                        if chars.get(i + 1) == Some(&c) {
                            out.push(c);
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    i += 1;
                }
                i += 1;
            }
            '?' => {
                let start = i + 1;
                let mut end = start;
                while end < chars.len() && chars[end].is_ascii_digit() {
                    end += 1;
                }
                out.push('$');
                if end > start {
                    out.extend(&chars[start..end]);
                    let n: usize = chars[start..end]
                        .iter()
                        .collect::<String>()
                        .parse()
                        .unwrap_or(0);
                    next_bare = next_bare.max(n + 1);
                } else {
                    out.push_str(&next_bare.to_string());
                    next_bare += 1;
                }
                i = end;
            }
            _ if starts_word(&chars, i, "cross join ") => {
                out.push_str("JOIN ");
                i += "cross join ".len();
            }
            _ if starts_word(&chars, i, "indexed by ") => {
                i += "indexed by ".len();
                while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                    i += 1;
                }
            }
            _ if starts_word(&chars, i, "instr(") => {
                out.push_str("strpos(");
                i += "instr(".len();
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

fn starts_word(chars: &[char], i: usize, word: &str) -> bool {
    let before_ok = i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
    before_ok
        && word
            .chars()
            .enumerate()
            .all(|(k, w)| chars.get(i + k).is_some_and(|c| c.eq_ignore_ascii_case(&w)))
}

#[cfg(test)]
mod tests {
    use super::postgres;

    #[test]
    fn placeholders_and_functions_are_rewritten_outside_literals() {
        let cases = [
            ("SELECT 1", "SELECT 1"),
            ("WHERE a = ?1 AND b = ?12", "WHERE a = $1 AND b = $12"),
            ("VALUES (?, ?, ?)", "VALUES ($1, $2, $3)"),
            ("WHERE a = ?2 AND b = ?", "WHERE a = $2 AND b = $3"),
            (
                "SELECT '?1', \"a?\" FROM t WHERE x = ?1",
                "SELECT '?1', \"a?\" FROM t WHERE x = $1",
            ),
            ("SELECT 'it''s ?' , ?1", "SELECT 'it''s ?' , $1"),
            ("AND instr(actor, ?) > 0", "AND strpos(actor, $1) > 0"),
            ("AND INSTR(p.title, ?3)", "AND strpos(p.title, $3)"),
            (
                "SELECT 'instr(' || reinstr(x)",
                "SELECT 'instr(' || reinstr(x)",
            ),
            ("SELECT '未闭合", "SELECT '未闭合"),
            ("中文 ?1", "中文 $1"),
            (
                "FROM posts INDEXED BY posts_published_platform WHERE",
                "FROM posts  WHERE",
            ),
            (
                "FROM platforms pl CROSS JOIN posts p ON p.platform_id = pl.id",
                "FROM platforms pl JOIN posts p ON p.platform_id = pl.id",
            ),
        ];
        for (sqlite, pg) in cases {
            assert_eq!(postgres(sqlite), pg, "{sqlite}");
        }
    }
}
