"""A small PNG made without any imaging library, for drafts the tests write."""

from __future__ import annotations

import struct
import zlib


def chart_png(width: int = 90, height: int = 45) -> bytes:
    """Three grey bars."""
    rows = []
    for y in range(height):
        row = bytearray([0])
        for x in range(width):
            top = height - (15, 27, 40)[x // 30]
            row += bytes([100] * 3) if y >= top and x % 30 > 5 else b"\xff\xff\xff"
        rows.append(bytes(row))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"".join(rows))) + \
        chunk(b"IEND", b"")
