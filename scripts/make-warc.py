#!/usr/bin/env python3
"""Builds a CC-NEWS style WARC.gz (one gzip member a record: a warcinfo record, then an HTTP
response per page) from the HTML extraction benchmark pages, for the corpus benchmark.

usage: make-warc.py PAGES_DIR EVALDATA_JSON OUT.warc.gz [COPIES]
"""
import gzip
import json
import sys
import uuid
from pathlib import Path


def record(headers, block):
    head = "WARC/1.0\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers)
    head += f"Content-Length: {len(block)}\r\n\r\n"
    return gzip.compress(head.encode() + block + b"\r\n\r\n", compresslevel=6)


def main():
    pages, evaldata, out = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    copies = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    entries = json.loads(evaldata.read_text())
    with out.open("wb") as f:
        info = b"software: sayso bench\r\nformat: WARC File Format 1.0\r\n"
        f.write(record([("WARC-Type", "warcinfo"), ("Content-Type", "application/warc-fields")], info))
        for copy in range(copies):
            for url, item in entries.items():
                body = (pages / item["file"]).read_bytes()
                http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
                rid = uuid.uuid5(uuid.NAMESPACE_URL, f"{copy}:{url}")
                f.write(record([
                    ("WARC-Type", "response"),
                    ("WARC-Target-URI", url),
                    ("WARC-Date", "2024-01-01T00:00:00Z"),
                    ("WARC-Record-ID", f"<urn:uuid:{rid}>"),
                    ("Content-Type", "application/http; msgtype=response"),
                ], http))


if __name__ == "__main__":
    main()
