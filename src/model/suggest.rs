//! "Did you mean …?" for misspelt names: the known name closest in edit distance.

/// The candidate closest to `word`, if it is close enough to be a plausible typo: at most a
/// third of the word's length in edits (and at least one), so `replica` finds `replicas`
/// but `colour` does not find `notes`. Failing that, the shortest candidate the word
/// abbreviates (`vm_boot` → `vm_boot_seconds`), since long ids get shortened.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str> + Clone) -> Option<&'a str> {
    closest_few(word, candidates, 1).into_iter().next()
}

/// Up to `count` plausible candidates for `word`, best first: the typos of [`closest`] by
/// edit distance, then the candidates the word abbreviates, shortest first.
pub fn closest_few<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str> + Clone,
    count: usize,
) -> Vec<&'a str> {
    let word = word.to_lowercase();
    let limit = (word.chars().count() / 3).max(1);
    let mut typos: Vec<(usize, &str)> = candidates
        .clone()
        .into_iter()
        .map(|candidate| (distance(&word, &candidate.to_lowercase()), candidate))
        .filter(|(distance, _)| *distance <= limit)
        .collect();
    typos.sort_by_key(|(distance, _)| *distance);
    let mut abbreviated: Vec<&str> = if word.chars().count() >= 3 {
        candidates.into_iter().filter(|candidate| candidate.to_lowercase().starts_with(&word)).collect()
    } else {
        Vec::new()
    };
    abbreviated.sort_by_key(|candidate| candidate.len());
    let mut found: Vec<&str> = Vec::new();
    for candidate in typos.into_iter().map(|(_, candidate)| candidate).chain(abbreviated) {
        if found.len() < count && !found.contains(&candidate) {
            found.push(candidate);
        }
    }
    found
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

    #[test]
    fn few_lists_typos_before_abbreviations_without_repeats() {
        let ids = ["aws/m6i.large", "aws/m6i.xlarge", "aws/m7i.large", "aws/m6i.2xlarge"];
        assert_eq!(closest_few("aws/m6i.lrage", ids, 3), ["aws/m6i.large", "aws/m6i.xlarge", "aws/m7i.large"]);
        assert_eq!(closest_few("AWS/M6I", ids, 2), ["aws/m6i.large", "aws/m6i.xlarge"]);
        assert_eq!(closest_few("aws/m6i.large", ids, 1), ["aws/m6i.large"]);
        assert!(closest_few("gcp", ids, 3).is_empty());
    }
}
