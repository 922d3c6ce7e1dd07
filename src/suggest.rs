//! "Did you mean …?" suggestions for misspelt identifiers.

/// The candidate closest to `input`, if it is close enough to be a plausible typo.
///
/// Of equally close candidates the first one given wins, so callers pass them in a stable
/// order (the rulebook's), never a hash map's.
pub fn did_you_mean<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lowered = input.to_lowercase();
    let mut best: Option<(usize, &'a str)> = None;
    for candidate in candidates {
        if candidate.to_lowercase() == lowered {
            return Some(candidate);
        }
        let distance = strsim::damerau_levenshtein(&lowered, &candidate.to_lowercase());
        // One edit per three characters: `skin_tne` → `skin_tone`. Very short ids get no
        // fuzzy match, since one edit turns `VII` into `II` and `age` into `sex`.
        let longest = candidate.chars().count().max(input.chars().count());
        let allowed = if longest < 4 { 0 } else { longest / 3 };
        if distance <= allowed && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// `; did you mean `x`?` or nothing, for appending to a message.
pub fn hint(suggestion: Option<&str>) -> String {
    suggestion.map(|s| format!("; did you mean `{s}`?")).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::did_you_mean;

    #[test]
    fn suggests_close_names_only() {
        let ids = ["skin_tone", "scar_age", "age", "sex"];
        assert_eq!(did_you_mean("skin_tne", ids), Some("skin_tone"));
        assert_eq!(did_you_mean("scar_agee", ids), Some("scar_age"));
        assert_eq!(did_you_mean("SKIN_TONE", ids), Some("skin_tone"));
        assert_eq!(did_you_mean("hair_colour", ids), None);
        assert_eq!(did_you_mean("ag", ids), None);
        assert_eq!(did_you_mean("VII", ["I", "II", "VI"]), None);
    }

    #[test]
    fn ties_go_to_the_first_candidate_given() {
        assert_eq!(did_you_mean("scar_agx", ["scar_agf", "scar_agd"]), Some("scar_agf"));
        assert_eq!(did_you_mean("scar_agx", ["scar_agd", "scar_agf"]), Some("scar_agd"));
        assert_eq!(did_you_mean("ABCD", ["abcd", "AbCd"]), Some("abcd"));
    }
}
