#!/usr/bin/env bash
# Unpacks the 1990 United States census's name lists (public domain) into target/census-names,
# from the sdist of the PyPI package `names` 0.3.0, which ships them; checked by its hash.
# `sayso train census-first-names` reads them.
set -euo pipefail
cd "$(dirname "$0")/.."
dest=target/census-names
if [ -f "$dest/dist.male.first" ]; then
    exit 0
fi
sha256=726e46254f2ed03f1ffb5d941dae3bc67c35123941c29becd02d48d0caa2a671
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
python3 -m pip download -q --no-deps --no-binary :all: --dest "$scratch" names==0.3.0
echo "$sha256  $scratch/names-0.3.0.tar.gz" | sha256sum -c --quiet -
tar -xzf "$scratch/names-0.3.0.tar.gz" -C "$scratch"
mkdir -p "$dest"
cp "$scratch"/names-0.3.0/names/dist.{male.first,female.first,all.last} "$dest/"
echo "census name lists in $dest"
