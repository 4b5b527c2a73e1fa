#!/usr/bin/env python3
"""Builds a CC-NEWS style WARC.gz (one gzip member a record: a warcinfo record, then an HTTP
response per page) from the HTML extraction benchmark pages, for the corpus benchmark.

usage: make-warc.py PAGES_DIR EVALDATA_JSON OUT.warc.gz [--copies N] [--only-ids FILE]

--only-ids keeps the pages whose record id (of a one-copy WARC, as `sayso text --format jsonl`
reports it) is a line of FILE: the bench uses it to build a WARC of the English pages.
"""
import argparse
import gzip
import json
import uuid
from pathlib import Path


def record(headers, block):
    head = "WARC/1.0\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers)
    head += f"Content-Length: {len(block)}\r\n\r\n"
    return gzip.compress(head.encode() + block + b"\r\n\r\n", compresslevel=6)


def record_id(copy, url):
    return uuid.uuid5(uuid.NAMESPACE_URL, f"{copy}:{url}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", type=Path)
    parser.add_argument("evaldata", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--only-ids", type=Path)
    args = parser.parse_args()
    entries = json.loads(args.evaldata.read_text())
    if args.only_ids:
        keep = set(args.only_ids.read_text().split())
        entries = {url: item for url, item in entries.items() if str(record_id(0, url)) in keep}
    with args.out.open("wb") as f:
        info = b"software: sayso bench\r\nformat: WARC File Format 1.0\r\n"
        f.write(record([("WARC-Type", "warcinfo"), ("Content-Type", "application/warc-fields")], info))
        for copy in range(args.copies):
            for url, item in entries.items():
                body = (args.pages / item["file"]).read_bytes()
                http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
                f.write(record([
                    ("WARC-Type", "response"),
                    ("WARC-Target-URI", url),
                    ("WARC-Date", "2024-01-01T00:00:00Z"),
                    ("WARC-Record-ID", f"<urn:uuid:{record_id(copy, url)}>"),
                    ("Content-Type", "application/http; msgtype=response"),
                ], http))


if __name__ == "__main__":
    main()
