//! The README's table of who may do what is the one the rules produce: generated from
//! `domain::permissions` (`mediadesk permissions` prints it), never edited by hand.
#![allow(clippy::unwrap_used)]

#[test]
fn the_readme_table_of_who_may_do_what_is_current() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = "<!-- permissions:start -->\n";
    let end = "<!-- permissions:end -->";
    let from = readme.find(start).expect("the README marks the table") + start.len();
    let to = readme[from..].find(end).unwrap() + from;
    assert_eq!(
        &readme[from..to],
        mediadesk::text::permissions::permission_table(),
        "regenerate the README's table with `mediadesk permissions`"
    );
}
