#!/usr/bin/env bash
# Corpus benchmark of the whole `sayso extract` run (read, HTML to text, tokenize, tag, parse,
# attribute, write JSONL): articles/s and MB/s with 1 and 2 workers and with the whole process
# held to one CPU (taskset, util-linux), peak RSS, and the ratio to a bare read-and-tokenize pass
# (`--until tokens`) over the same input. Inputs:
#   - PolNeAR dev as JSONL (full pipeline with --reported);
#   - a CC-NEWS style WARC.gz built from the 840 HTML benchmark pages (scripts/make-warc.py),
#     most of them not English (the English models leave those out), and a WARC of its English
#     pages only (four copies, so a run lasts seconds);
#   - a corpus of >= 1 GB (PolNeAR dev repeated, default pipeline) to show that memory stays flat.
# Each row is the fastest of REPEAT runs (3; the 1 GB corpus runs once). Needs ../shared;
# prints a Markdown table. Usage: [REPEAT=N] bash scripts/bench-corpus.sh [--no-big]
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared/data
if [ ! -d "$shared/polnear" ] || [ ! -d "$shared/html-extraction" ]; then
    echo "bench: $shared (PolNeAR, html-extraction) is missing next to the checkout" >&2
    exit 1
fi
cargo build --release -q --bin sayso
work=${BENCH_DIR:-$(mktemp -d)}
mkdir -p "$work"
dev="$shared/polnear/jsonl/dev.jsonl"
warc="$work/pages.warc.gz"
pages=("$shared/html-extraction/pages" "$shared/html-extraction/evaldata.json")
[ -f "$warc" ] || python3 scripts/make-warc.py "${pages[@]}" "$warc"
english="$work/english-pages.warc.gz"
if [ ! -f "$english" ]; then
    # (sayso exits 1 for the pages without main text; they are not English pages anyway.)
    { ./target/release/sayso text --format jsonl "$warc" 2>/dev/null || true; } |
        python3 -c 'import json, sys; [print(r["id"]) for r in map(json.loads, sys.stdin) if r.get("language") == "eng"]' \
            > "$work/english-ids.txt"
    python3 scripts/make-warc.py "${pages[@]}" "$english" --copies 4 --only-ids "$work/english-ids.txt"
fi

# run LABEL INPUT JOBS ARGS...: the fastest of $REPEAT timed runs (3 by default; this machine's
# timings move 10-15% between runs, and the fastest is the one least disturbed) and the largest
# peak RSS among them; prints a row. With PIN set, the whole process (input reader and writer
# threads too, which otherwise take a second core) runs on one CPU.
run() {
    local label=$1 input=$2 jobs=$3
    shift 3
    local out="$work/out.jsonl" stats="$work/time.txt" seconds="" kb="" s k pin=()
    [ -z "${PIN:-}" ] || pin=(taskset -c 0)
    for _ in $(seq 1 "${REPEAT:-3}"); do
        /usr/bin/time -f "%e %M" -o "$stats" "${pin[@]}" ./target/release/sayso extract "$input" --jobs "$jobs" --quiet \
            -o "$out" --errors "$work/errors.jsonl" "$@" 2>/dev/null || true
        # The last line: GNU time puts "Command exited with non-zero status" before it when
        # pages had no main text (listed in errors.jsonl).
        read -r s k < <(tail -n 1 "$stats")
        if [ -z "$seconds" ] || awk -v a="$s" -v b="$seconds" 'BEGIN { exit !(a < b) }'; then
            seconds=$s
        fi
        # Peak RSS: the largest of the runs.
        if [ -z "$kb" ] || [ "$k" -gt "$kb" ]; then
            kb=$k
        fi
    done
    local docs mb
    docs=$(wc -l < "$out")
    mb=$(du -m --apparent-size "$input" | cut -f1)
    awk -v l="$label" -v j="$jobs" -v d="$docs" -v s="$seconds" -v m="$mb" -v k="$kb" -v base="${BASE:-}" \
        'BEGIN { r = d / s; printf "| %s | %d | %d | %.1f | %.0f | %.1f | %.0f | %s |\n", l, j, d, s, r, m / s, k / 1024, (base == "" ? "1 (base)" : (base > 0 ? sprintf("%.2f", base / s) : "-")) }'
    echo "$seconds" > "$work/last-seconds"
}

echo "| input and pass | cores | documents | seconds | articles/s | MB/s of input file | peak RSS MB | speed vs read+tokenize |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
# PolNeAR dev repeated 20 times so a run lasts seconds, not milliseconds.
devx="$work/dev-x20.jsonl"
[ -f "$devx" ] || python3 -c "
import json, sys
lines = open('$dev').read().splitlines()
with open('$devx', 'w') as f:
    for k in range(20):
        for line in lines:
            r = json.loads(line); r['id'] = f\"{r.get('id', '')}#{k}\"; f.write(json.dumps(r) + '\n')
"
# passes NAME BASE_PASS INPUT: the bare pass, then the default and --reported pipelines, on 1
# and 2 cores; and --reported with the whole process held to one CPU.
passes() {
    local name=$1 base_pass=$2 input=$3 jobs base
    for jobs in 1 2; do
        BASE= run "$name, $base_pass" "$input" "$jobs" --until tokens
        base=$(cat "$work/last-seconds")
        BASE=$base run "$name, default pipeline (quotations)" "$input" "$jobs"
        BASE=$base run "$name, full with --reported" "$input" "$jobs" --reported
    done
    BASE=0 PIN=1 run "$name, full with --reported, all threads on one CPU" "$input" 1 --reported
}
passes "PolNeAR dev x20" "read + tokenize" "$devx"
passes "HTML pages WARC.gz" "read + HTML + tokenize" "$warc"
passes "English pages WARC.gz" "read + HTML + tokenize" "$english"
if [ "${1:-}" != "--no-big" ]; then
    big="$work/big.jsonl"
    if [ ! -f "$big" ]; then
        for _ in $(seq 1 60); do cat "$devx"; done > "$big"
    fi
    BASE=0 REPEAT=1 run "$(du -h --apparent-size "$big" | cut -f1) corpus (dev repeated), default pipeline" "$big" 2
fi
[ -n "${BENCH_DIR:-}" ] || rm -rf "$work"
