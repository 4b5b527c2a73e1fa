#!/usr/bin/env python3
"""Checks that DuckDB reads sayso's Parquet tables: extracts the bundled example to Parquet and
queries both tables. usage: check-parquet.py SAYSO_BINARY"""
import subprocess
import sys
import tempfile

import duckdb

with tempfile.TemporaryDirectory() as out:
    subprocess.run([sys.argv[1], "extract", "examples/sample-article.txt", "--format", "parquet",
                    "-o", out], check=True)
    rows = duckdb.sql(f"select speaker, source, cue, kind, content_start, content_end, addressee "
                      f"from '{out}/attributions/*.parquet'").fetchall()
    docs = duckdb.sql(f"select document_id, date, attributions from '{out}/documents/*.parquet'").fetchall()
    assert docs == [("sample-article", "2026-03-14", len(rows))], docs
    assert ("Mayor Ana Ruiz", "told") in [(r[1], r[2]) for r in rows], rows
    assert ("Ana Ruiz", "reporters") in [(r[0], r[6]) for r in rows], rows
    assert all(0 <= r[4] < r[5] for r in rows), rows
    print(f"duckdb read {len(rows)} attributions and {len(docs)} document from the Parquet tables")
