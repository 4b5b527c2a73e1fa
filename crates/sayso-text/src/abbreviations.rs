//! Abbreviations of news English that keep their period.

/// Abbreviations that stand before a name or a number and so never end a sentence
/// (a paragraph break still ends one).
const INNER: &[&str] = &[
    "mr", "mrs", "ms", "messrs", "dr", "prof", "sen", "sens", "rep", "reps", "gov", "lt", "gen",
    "col", "maj", "capt", "cpt", "sgt", "cpl", "pvt", "adm", "cmdr", "cmdt", "rev", "hon", "pres",
    "supt", "insp", "atty", "amb", "sec", "secs", "gens", "brig", "pfc", "ret", "fr", "sr", "st",
    "mt", "ft", "no", "nos", "vs", "v", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "e.g", "i.e", "cf", "approx", "ca", "vol", "fig", "pp", "ch",
    "art", "op", "ph.d", "u.s.a",
];

/// The ones written in lower case ("etc.", "p.m."); other abbreviations must be capitalized, so
/// that "ill." or "miss." at the end of a sentence stay words.
const LOWER_CASE: &[&str] = &[
    "vs", "v", "e.g", "i.e", "cf", "approx", "ca", "vol", "fig", "pp", "ch", "op", "etc", "a.m",
    "p.m", "est", "min", "max", "lb", "lbs", "oz", "ft", "mln", "bln",
];

/// Abbreviations that may end a sentence ("... in the U.S. The next ...").
const FINAL: &[&str] = &[
    "u.s", "u.k", "u.n", "e.u", "d.c", "l.a", "n.y", "n.j", "s.c", "n.c", "n.h", "n.d", "s.d",
    "w.va", "r.i", "inc", "corp", "co", "ltd", "llc", "bros", "jr", "esq", "etc", "a.m", "p.m",
    "al", "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan",
    "kans", "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla",
    "ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo", "ave", "blvd", "rd", "dept",
    "univ", "assn", "govt", "mln", "bln", "oz", "lb", "lbs", "min", "max", "est",
];

fn lower_no_trailing_dot(word: &str) -> String {
    word.trim_end_matches('.').to_lowercase()
}

/// Whether `word` (without its final period) is an abbreviation that takes one.
pub fn is_abbreviation(word: &str) -> bool {
    let w = lower_no_trailing_dot(word);
    let capitalized = word.chars().next().is_some_and(char::is_uppercase);
    if capitalized && (INNER.contains(&w.as_str()) || FINAL.contains(&w.as_str())) {
        return true;
    }
    if !capitalized && LOWER_CASE.contains(&w.as_str()) {
        return true;
    }
    // Initials and dotted acronyms: "J", "U.S", "R.I.P", "p.m".
    let mut chars = word.trim_end_matches('.').chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => c.is_alphabetic(),
        _ => {
            let body = word.trim_end_matches('.');
            body.contains('.')
                && body.split('.').all(|part| {
                    !part.is_empty()
                        && part.chars().count() <= 2
                        && part.chars().all(char::is_alphabetic)
                })
        }
    }
}

/// Whether an abbreviation (with its period) cannot end a sentence.
pub fn is_inner_abbreviation(word: &str) -> bool {
    INNER.contains(&lower_no_trailing_dot(word).as_str())
}

/// Whether `word` is a lone capital initial ("J." of "John J. Smith").
pub fn is_initial(word: &str) -> bool {
    let mut c = word.chars();
    matches!((c.next(), c.next(), c.next()), (Some(a), Some('.'), None) if a.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_and_shaped() {
        for w in [
            "Mr.", "Sen.", "U.S.", "Jan.", "p.m.", "J.", "Calif.", "R.I.P.",
        ] {
            assert!(is_abbreviation(w), "{w}");
        }
        for w in ["said.", "Trump.", "it.", "ill.", "co."] {
            assert!(!is_abbreviation(w), "{w}");
        }
        assert!(is_inner_abbreviation("Gen."));
        assert!(!is_inner_abbreviation("U.S."));
        assert!(is_initial("J."));
    }
}
