#!/usr/bin/env python3
"""Writes the fuzz targets' seed inputs into Fuzz/Corpus/<target>/seed-*.

Seeds come from the repository's fixtures (captured remote-write requests,
PromQL corpora, examples, manifests) plus a few hand-built inputs for
features the fixtures lack. Run it again after adding fixtures; libFuzzer's
own finds and crash regressions live beside the seeds under other names.
Usage: scripts/fuzz-seeds.py [repository root]
"""
import glob
import os
import re
import struct
import sys

ROOT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), ".."))
CORPUS = os.path.join(ROOT, "Fuzz", "Corpus")
MAX_SEED = 4096  # bytes; longer inputs are cut (libFuzzer's -max_len default)


def snappy_block_decode(data: bytes) -> bytes:
    """Decodes one raw snappy block (the remote-write body framing)."""
    pos, length, shift = 0, 0, 0
    while True:
        byte = data[pos]
        pos += 1
        length |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            break
    out = bytearray()
    while pos < len(data):
        tag = data[pos]
        pos += 1
        kind = tag & 3
        if kind == 0:
            size = tag >> 2
            if size >= 60:
                extra = size - 59
                size = int.from_bytes(data[pos:pos + extra], "little")
                pos += extra
            size += 1
            out += data[pos:pos + size]
            pos += size
            continue
        if kind == 1:
            size = 4 + ((tag >> 2) & 7)
            offset = ((tag >> 5) << 8) | data[pos]
            pos += 1
        elif kind == 2:
            size = 1 + (tag >> 2)
            offset = int.from_bytes(data[pos:pos + 2], "little")
            pos += 2
        else:
            size = 1 + (tag >> 2)
            offset = int.from_bytes(data[pos:pos + 4], "little")
            pos += 4
        for _ in range(size):
            out.append(out[-offset])
    assert len(out) == length, "snappy length mismatch"
    return bytes(out)


def varint(value: int) -> bytes:
    value &= (1 << 64) - 1
    out = bytearray()
    while value >= 0x80:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)


def zigzag(value: int) -> int:
    return (value << 1) ^ (value >> 63)


def field(number: int, payload) -> bytes:
    """A protobuf field: int -> varint, float -> fixed64, bytes/str -> length-delimited."""
    if isinstance(payload, float):
        return varint(number << 3 | 1) + struct.pack("<d", payload)
    if isinstance(payload, int):
        return varint(number << 3) + varint(payload)
    if isinstance(payload, str):
        payload = payload.encode()
    return varint(number << 3 | 2) + varint(len(payload)) + payload


def whole_fields(message: bytes, limit: int) -> bytes:
    """The longest prefix of length-delimited top-level fields within `limit`
    bytes: a long request cut to seed size that still decodes."""
    pos = 0
    while pos < len(message):
        start = pos
        pos += 1  # one-byte tag (fields 1 and 3 of WriteRequest)
        length, shift = 0, 0
        while True:
            byte = message[pos]
            pos += 1
            length |= (byte & 0x7F) << shift
            shift += 7
            if byte < 0x80:
                break
        pos += length
        if pos > limit:
            return message[:start]
    return message


def label(name: str, value: str) -> bytes:
    return field(1, field(1, name) + field(2, value))


def built_request() -> bytes:
    """Series with samples, an exemplar, a native histogram and metadata."""
    histogram = (field(1, 4) + field(3, 2.0) + field(4, zigzag(3)) + field(6, 1)
                 + field(11, field(1, zigzag(-2)) + field(2, 2)) + field(11, field(1, zigzag(1)) + field(2, 1))
                 + field(12, varint(zigzag(1)) + varint(zigzag(-1)) + varint(zigzag(2))) + field(15, 5))
    exemplar = label("trace_id", "0af7651916cd43dd") + field(2, 0.5) + field(3, 3)
    rich = (label("__name__", "http_requests_total") + label("code", "200") + label("job", "api")
            + field(2, field(1, 1.0) + field(2, 1)) + field(2, field(1, float("nan")) + field(2, 2))
            + field(3, exemplar) + field(4, histogram))
    up = label("__name__", "up") + label("instance", "a:1") + field(2, field(1, 1.0) + field(2, 10))
    metadata = field(1, 2) + field(2, "up") + field(4, "Up.") + field(5, "")
    return field(1, rich) + field(1, up) + field(3, metadata)


def write(target: str, name: str, data) -> None:
    directory = os.path.join(CORPUS, target)
    os.makedirs(directory, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    with open(os.path.join(directory, "seed-" + name), "wb") as out:
        out.write(data[:MAX_SEED])


def remote_write() -> None:
    for path in sorted(glob.glob(os.path.join(ROOT, "Tests/RemoteWriteTests/Fixtures/*.snappy"))):
        name = os.path.basename(path).replace(".snappy", "")
        with open(path, "rb") as body:
            write("FuzzRemoteWrite", name, whole_fields(snappy_block_decode(body.read()), MAX_SEED))
    write("FuzzRemoteWrite", "built", built_request())


if __name__ == "__main__":
    remote_write()
