#!/usr/bin/env bash
# The project's test command: formatting, lints, unit, property and end-to-end tests, then the
# PolNeAR dev quality gate and the check that every bundled model is what `sayso train` makes. Needs only the Rust toolchain and python3 (for the reference scorer
# in the agreement test); tests that read ../shared say so when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if cargo fmt --version >/dev/null 2>&1; then
    cargo fmt --all -- --check
else
    echo "note: rustfmt is not installed; formatting not checked"
fi
if cargo clippy --version >/dev/null 2>&1; then
    cargo clippy --workspace --all-targets -- -D warnings
else
    echo "note: clippy is not installed; lints not checked"
fi
if [ ! -d ../shared/data ]; then
    echo "note: ../shared/data is missing next to the checkout: the tests that read PolNeAR, UD and"
    echo "      the seed article (crates/sayso-cli/tests/shared_data.rs) check nothing and say SKIPPED"
    echo "      (visible with --nocapture), and the quality gates are skipped"
fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
cargo test --workspace 2>&1 | tee "$log"
bash scripts/quality-gate.sh
bash scripts/check-models.sh
# One closing line for the whole run: the cargo test counts plus the quality gate.
awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
     END { printf "tests: %d passed, %d failed\n", p + 1, f }' "$log"
