//! The 1990 United States census's lists of frequently occurring names (`dist.male.first`,
//! `dist.female.first`, `dist.all.last`; public domain, shipped in the PyPI package `names`
//! 0.3.0, which `scripts/fetch-census-names.sh` unpacks): each name in capitals with the share
//! of people who bear it, in percent. A resource the entity stage's first-name lexicon is built
//! from, read only by `sayso train`.

use crate::error::{read_text_file, ReadError};
use std::collections::HashMap;
use std::path::Path;

/// Each name of one list ("JAMES") with the percentage of the people it covers who bear it.
pub type NameShares = HashMap<String, f64>;

/// The three lists of a census names folder.
pub struct CensusNames {
    pub male_first: NameShares,
    pub female_first: NameShares,
    pub last: NameShares,
}

/// Reads `dist.male.first`, `dist.female.first` and `dist.all.last` from `dir`.
pub fn read_census_names(dir: &Path) -> Result<CensusNames, ReadError> {
    let list = |name: &str| {
        let (origin, text) = read_text_file(&dir.join(name))?;
        parse_name_shares(&text, &origin)
    };
    Ok(CensusNames {
        male_first: list("dist.male.first")?,
        female_first: list("dist.female.first")?,
        last: list("dist.all.last")?,
    })
}

/// Parses a census list's text: "NAME share cumulative-share rank" a line.
pub fn parse_name_shares(text: &str, origin: &str) -> Result<NameShares, ReadError> {
    let mut shares = NameShares::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let mut fields = line.split_whitespace();
        let name = fields.next().unwrap_or_default();
        let share = fields.next().and_then(|f| f.parse::<f64>().ok());
        match share {
            Some(share) if name.chars().all(|c| c.is_ascii_uppercase()) && share >= 0.0 => {
                shares.insert(name.to_string(), share);
            }
            _ => {
                return Err(ReadError::Annotation {
                    origin: format!("{origin}:{}", i + 1),
                    message:
                        "not a census name line: a name in capitals, then its share in percent"
                            .to_string(),
                })
            }
        }
    }
    Ok(shares)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_is_a_name_and_its_share() {
        let shares = parse_name_shares("JAMES          3.318  3.318      1\n\n", "m").unwrap();
        assert_eq!(shares.get("JAMES"), Some(&3.318));
    }

    #[test]
    fn a_bad_line_names_its_file_and_line() {
        let err = parse_name_shares("JAMES 3.318 3.318 1\nJohn x\n", "dist.male.first")
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("dist.male.first:2: not a census name line"),
            "{err}"
        );
    }
}
