//! The word automaton, split into shards for long lists: compiling an Aho–Corasick automaton
//! is the slow part of building a screener (about 2 µs per word), so a list of tens of
//! thousands of words is compiled on several cores at once, while searching a long article with
//! a few automata instead of one still takes well under a millisecond.

use aho_corasick::{AhoCorasick, MatchKind};

use super::error::{BuildFailure, ScreeningError};

/// Lists at least this long are compiled in parallel shards, one per core (at most
/// [`MAX_SHARDS`]): compiling is the slow part (about 2 µs per word), while searching a long
/// article with a few automata instead of one still takes well under a millisecond.
pub(crate) const SHARD_THRESHOLD: usize = 20_000;
const MAX_SHARDS: usize = 4;

/// One automaton over the contiguous run of patterns that starts at `first_pattern`.
#[derive(Debug, Clone)]
pub(crate) struct Shard {
    automaton: AhoCorasick,
    first_pattern: usize,
}

fn build_automaton(patterns: &[&str]) -> Result<AhoCorasick, ScreeningError> {
    AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .build(patterns)
        .map_err(|_| ScreeningError::Build(BuildFailure::TooManyWords))
}

pub(crate) fn build_shards(patterns: &[&str]) -> Result<Vec<Shard>, ScreeningError> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let shards = if patterns.len() >= SHARD_THRESHOLD {
        cores.clamp(1, MAX_SHARDS)
    } else {
        1
    };
    if shards == 1 {
        return Ok(vec![Shard {
            automaton: build_automaton(patterns)?,
            first_pattern: 0,
        }]);
    }
    let chunk = patterns.len().div_ceil(shards);
    std::thread::scope(|scope| {
        let workers: Vec<_> = patterns
            .chunks(chunk)
            .enumerate()
            .map(|(i, part)| (i * chunk, scope.spawn(move || build_automaton(part))))
            .collect();
        workers
            .into_iter()
            .map(|(first_pattern, worker)| {
                let automaton = worker
                    .join()
                    .map_err(|_| ScreeningError::Build(BuildFailure::ThreadPanicked))??;
                Ok(Shard {
                    automaton,
                    first_pattern,
                })
            })
            .collect()
    })
}

/// Every (overlapping) match in all shards as (pattern index, start byte, end byte), the
/// pattern index counted over the whole list.
pub(crate) fn find_all<'a>(
    shards: &'a [Shard],
    text: &'a str,
) -> impl Iterator<Item = (usize, usize, usize)> + 'a {
    shards.iter().flat_map(move |shard| {
        shard.automaton.find_overlapping_iter(text).map(move |m| {
            (
                shard.first_pattern + m.pattern().as_usize(),
                m.start(),
                m.end(),
            )
        })
    })
}
