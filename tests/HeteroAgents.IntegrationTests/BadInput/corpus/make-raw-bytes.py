#!/usr/bin/env python3
"""Writes raw-bytes.bin: batch lines that only raw bytes can express (one case per line, in manifest order)."""
import pathlib

def line(custom_id: str, text: bytes) -> bytes:
    return b'{"custom_id":"' + custom_id.encode() + b'","task":"summarize","input":{"text":"' + text + b'","max_words":10}}'

cases = [
    line("r-invalid-byte-ff", b"order \xff 4711"),
    line("r-overlong-slash", b"path \xc0\xaf etc"),
    line("r-utf8-surrogate", b"half \xed\xa0\x80 pair"),
    line("r-truncated-sequence", b"euro \xe2\x82"),
    line("r-latin1", b"caf\xe9 order"),
    line("r-raw-control-char", b"bell \x01 here"),
    line("r-raw-nul", b"nul \x00 here"),
    line("r-raw-tab", b"tab\there"),
    line("r-bare-cr-inside", b"x") + b"\r" + line("r-bare-cr-second", b"y"),
    b"\xef\xbb\xbf" + line("r-bom-mid-file", b"a line that starts with a byte-order mark"),
    line("r-crlf-line", b"a valid line ended by CR LF") + b"\r",
]
pathlib.Path(__file__).with_name("raw-bytes.bin").write_bytes(b"\n".join(cases) + b"\n")
