//! Regular English inflection, for lexicons built from lemma lists (WordNet's): the forms a
//! lemma takes by rule, irregular ones aside (those come from the lists' exceptions).

/// The regular plurals of an English noun ("juror" -> "jurors", "witness" -> "witnesses",
/// "deputy" -> "deputies"); a noun in "-man" gets both "-men" and "-mans" ("chairmen",
/// "shamans"): which one is the word's own, spelling does not tell.
pub fn regular_plurals(noun: &str) -> Vec<String> {
    if let Some(stem) = noun.strip_suffix("man") {
        return vec![format!("{stem}men"), format!("{noun}s")];
    }
    vec![third_person(noun)]
}

/// The regular inflections of an English verb: third person, past and present participle
/// ("argue" -> "argues", "argued", "arguing"; "deny" -> "denies", "denied"). A verb ending in
/// consonant, vowel, consonant gets its last letter both doubled and not ("admit" ->
/// "admitted", "visit" -> "visited"): stress decides, which spelling does not tell.
pub fn regular_verb_forms(verb: &str) -> Vec<String> {
    let mut forms = vec![third_person(verb)];
    if let Some(stem) = verb.strip_suffix('e') {
        forms.push(format!("{verb}d"));
        if !stem.ends_with(['e', 'i', 'o', 'y']) {
            forms.push(format!("{stem}ing"));
        } else {
            forms.push(format!("{verb}ing"));
        }
        return forms;
    }
    if let Some(stem) = consonant_y(verb) {
        forms.push(format!("{stem}ied"));
    } else {
        forms.push(format!("{verb}ed"));
    }
    forms.push(format!("{verb}ing"));
    let letters: Vec<char> = verb.chars().collect();
    if let [.., a, b, c] = letters[..] {
        if !is_vowel(a) && is_vowel(b) && !is_vowel(c) && !"wxy".contains(c) {
            forms.push(format!("{verb}{c}ed"));
            forms.push(format!("{verb}{c}ing"));
        }
    }
    forms
}

/// "-s", "-es" after a sibilant, "-ies" after a consonant's "y".
fn third_person(word: &str) -> String {
    if ["s", "x", "z", "ch", "sh"]
        .iter()
        .any(|e| word.ends_with(e))
    {
        format!("{word}es")
    } else if let Some(stem) = consonant_y(word) {
        format!("{stem}ies")
    } else {
        format!("{word}s")
    }
}

/// The word without its final "y" when a consonant comes before it ("deny" -> "den").
fn consonant_y(word: &str) -> Option<&str> {
    let stem = word.strip_suffix('y')?;
    stem.chars()
        .next_back()
        .filter(|&c| !is_vowel(c))
        .map(|_| stem)
}

fn is_vowel(c: char) -> bool {
    "aeiou".contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_follow_the_spelling_and_man_gets_both() {
        assert_eq!(regular_plurals("juror"), ["jurors"]);
        assert_eq!(regular_plurals("witness"), ["witnesses"]);
        assert_eq!(regular_plurals("deputy"), ["deputies"]);
        assert_eq!(regular_plurals("attorney"), ["attorneys"]);
        assert_eq!(regular_plurals("chairman"), ["chairmen", "chairmans"]);
    }

    #[test]
    fn verbs_take_s_ed_and_ing_with_their_spelling_changes() {
        assert_eq!(regular_verb_forms("argue"), ["argues", "argued", "arguing"]);
        assert_eq!(
            regular_verb_forms("agree"),
            ["agrees", "agreed", "agreeing"]
        );
        assert_eq!(regular_verb_forms("deny"), ["denies", "denied", "denying"]);
        assert_eq!(regular_verb_forms("say"), ["says", "sayed", "saying"]);
        assert_eq!(regular_verb_forms("warn"), ["warns", "warned", "warning"]);
        assert_eq!(
            regular_verb_forms("admit"),
            ["admits", "admited", "admiting", "admitted", "admitting"]
        );
        assert_eq!(regular_verb_forms("push"), ["pushes", "pushed", "pushing"]);
    }
}
