#!/usr/bin/env bash
# Rebuilds every bundled model and lexicon from ../shared with `sayso train` into a scratch
# folder and fails unless each file is byte for byte the committed one: a model the code no
# longer makes (trained by older code, or over an older tagger) is caught here, not rounds later.
# Five to ten minutes on two cores (the attribution model and the content-end ranker take most of it).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/require-shared.sh
require_shared "model check" ../shared/data/ud ../shared/data/polnear
cargo build --release -q --bin sayso
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# Each model and the folder its files are committed in. Each is trained over the committed models
# it reads (the tagger's tags, the parser's trees, the person-name lexicon), so a stale one
# shows up as its own file.
models="cues:crates/sayso-attribution/src/cues
tagger:crates/sayso-annotate/src/tagger
parser:crates/sayso-annotate/src/parser
attribution:crates/sayso-attribution/src/roles
content-ends:crates/sayso-attribution/src/roles/ends
person-nouns:crates/sayso-entities/src/nominals
name-kinds:crates/sayso-entities/src/kinds
they-persons:crates/sayso-entities/src/they"
# Four lexicons are built from WordNet 3.0 (Debian's wordnet-base, which .ci/run installs), and
# one from the 1990 US census's name lists with WordNet, not from ../shared.
if [ -f /usr/share/wordnet/index.noun ]; then
    models="$models
wordnet-person-nouns:crates/sayso-entities/src/nominals
wordnet-first-names:crates/sayso-entities/src/nominals
wordnet-proper-names:crates/sayso-entities/src/kinds
wordnet-word-classes:crates/sayso-attribution/src/roles/word_classes"
    # The census first names are filtered by WordNet too; their lists come from PyPI.
    if bash scripts/fetch-census-names.sh; then
        models="$models
census-first-names:crates/sayso-entities/src/nominals"
    elif [ -n "${CI:-}" ]; then
        echo "model check: the census name lists could not be fetched in CI" >&2
        exit 1
    else
        echo "model check: the census first-name lexicon not checked: its name lists could not be fetched from PyPI"
    fi
elif [ -n "${CI:-}" ]; then
    echo "model check: WordNet (/usr/share/wordnet) is missing in CI" >&2
    exit 1
else
    echo "model check: the WordNet lexicons (person-nouns, person-first-names, proper-names, word-classes) not checked: WordNet is missing (apt-get install wordnet-base)"
fi
stale=0
while IFS=: read -r model dir; do
    ./target/release/sayso train "$model" --output "$scratch/$model" 2>"$scratch/$model.log" ||
        { cat "$scratch/$model.log" >&2; exit 1; }
    for built in "$scratch/$model"/*; do
        committed="$dir/$(basename "$built")"
        if cmp -s "$built" "$committed"; then
            echo "model check: $committed rebuilt byte for byte"
        else
            echo "model check: $committed is not what 'sayso train $model' makes now" >&2
            stale=1
        fi
    done
done <<< "$models"
exit "$stale"
