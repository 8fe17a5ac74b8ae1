//! "Did you mean …?" for misspelt names: the known name closest in edit distance.

/// The candidate closest to `word`, if it is close enough to be a plausible typo: at most a
/// third of the word's length in edits (and at least one), so `replica` finds `replicas`
/// but `colour` does not find `notes`. Failing that, the shortest candidate the word
/// abbreviates (`vm_boot` → `vm_boot_seconds`), since long ids get shortened.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str> + Clone) -> Option<&'a str> {
    let word = word.to_lowercase();
    let limit = (word.chars().count() / 3).max(1);
    let typo = candidates
        .clone()
        .into_iter()
        .map(|candidate| (distance(&word, candidate), candidate))
        .filter(|(distance, _)| *distance <= limit)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate);
    let abbreviated = || {
        let long_enough = word.chars().count() >= 3;
        candidates.into_iter().filter(|candidate| long_enough && candidate.starts_with(&word)).min_by_key(|c| c.len())
    };
    typo.or_else(abbreviated)
}

/// Levenshtein distance over chars (insertions, deletions and substitutions cost one).
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(distance("replica", "replicas"), 1);
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("same", "same"), 0);
    }

    #[test]
    fn suggests_only_plausible_typos() {
        let names = ["replicas", "services", "notes", "weights"];
        assert_eq!(closest("replica", names), Some("replicas"));
        assert_eq!(closest("Servcies", names), Some("services"));
        assert_eq!(closest("wieghts", names), Some("weights"));
        assert_eq!(closest("colour", names), None);
        assert_eq!(closest("x", names), None);
        assert_eq!(closest("vm_boot", ["vm_boot_seconds", "vm_guest_os_memory_mib"]), Some("vm_boot_seconds"));
        assert_eq!(closest("re", names), None);
    }
}
