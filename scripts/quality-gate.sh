#!/usr/bin/env bash
# Quality gates: PolNeAR dev article-level attribution F1 (quotations, quality/polnear-dev-gate.json;
# with --reported, quality/polnear-dev-reported-gate.json) and HTML main-text F1
# (quality/html-extraction-gate.json), each failing more than its tolerance below the recorded
# figure; DuckDB reads the Parquet output. Also prints the reference scorer's report.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared/data/polnear
source scripts/require-shared.sh
require_shared "quality gate" "$shared/jsonl/dev.jsonl"
cargo build --release -q --bin sayso
pred=$(mktemp --suffix=.jsonl)
trap 'rm -f "$pred"' EXIT
./target/release/sayso eval --gold "$shared/jsonl/dev.jsonl" --write-pred "$pred" --gate quality/polnear-dev-gate.json
echo
./target/release/sayso eval --gold "$shared/jsonl/dev.jsonl" --reported --cofenet "$shared/cofenet_dev.txt" \
    --speakers quality/polnear-dev-speakers.tsv --gate quality/polnear-dev-reported-gate.json |
    sed -n '3p;/primary annotator/,/all annotators/p;/resolved speakers/p'
echo
./target/release/sayso eval-html --data ../shared/data/html-extraction --gate quality/html-extraction-gate.json
if python3 -c "import duckdb" >/dev/null 2>&1; then
    python3 scripts/check-parquet.py ./target/release/sayso
elif [ -n "${CI:-}" ]; then
    echo "quality gate: python3 cannot import duckdb in CI (.ci/run installs it)" >&2
    exit 1
else
    echo "note: duckdb (pip install duckdb) is missing: the Parquet output was not read by DuckDB"
fi
if command -v python3 >/dev/null 2>&1; then
    echo
    echo "reference scorer on the same predictions:"
    python3 ../shared/eval/score.py --pred "$pred" --gold "$shared/jsonl/dev.jsonl" --cofenet "$shared/cofenet_dev.txt" | sed -n '/primary_annotator/,$p'
fi
