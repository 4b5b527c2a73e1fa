#!/usr/bin/env bash
# Runs the PolNeAR dev evaluation and fails when the article-level attribution F1 falls more
# than the recorded tolerance below the figure in quality/polnear-dev-gate.json (quotations, the
# default) or quality/polnear-dev-reported-gate.json (with --reported). Also prints the
# reference scorer's report on the default predictions.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared/data/polnear
if [ ! -f "$shared/jsonl/dev.jsonl" ]; then
    if [ -n "${CI:-}" ]; then
        echo "quality gate: $shared/jsonl/dev.jsonl is missing in CI" >&2
        exit 1
    fi
    echo "quality gate SKIPPED: $shared is missing next to the checkout"
    exit 0
fi
cargo build --release -q --bin sayso
pred=$(mktemp --suffix=.jsonl)
trap 'rm -f "$pred"' EXIT
./target/release/sayso eval --gold "$shared/jsonl/dev.jsonl" --write-pred "$pred" --gate quality/polnear-dev-gate.json
echo
./target/release/sayso eval --gold "$shared/jsonl/dev.jsonl" --reported --gate quality/polnear-dev-reported-gate.json | sed -n '3p'
if command -v python3 >/dev/null 2>&1; then
    echo
    echo "reference scorer on the same predictions:"
    python3 ../shared/eval/score.py --pred "$pred" --gold "$shared/jsonl/dev.jsonl" --cofenet "$shared/cofenet_dev.txt" | sed -n '/primary_annotator/,$p'
fi
