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


def read_varint(data: bytes, pos: int) -> tuple:
    """A base-128 varint at `pos`: (value, position after it)."""
    value, shift = 0, 0
    while True:
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, pos


def snappy_block_decode(data: bytes) -> bytes:
    """Decodes one raw snappy block (the remote-write body framing)."""
    length, pos = read_varint(data, 0)
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
        # one-byte tag (fields 1 and 3 of WriteRequest), then the length
        length, pos = read_varint(message, pos + 1)
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


def read(path: str) -> str:
    with open(os.path.join(ROOT, path), encoding="utf-8") as source:
        return source.read()


def swift_blocks(path: str) -> list:
    """The multi-line string literals of a Swift file, indentation removed."""
    blocks = []
    for match in re.finditer(r'"""\n(.*?)\n([ \t]*)"""', read(path), re.S):
        indent = match.group(2)
        lines = [line[len(indent):] if line.startswith(indent) else line.lstrip() for line in match.group(1).split("\n")]
        blocks.append("\n".join(lines) + "\n")
    return blocks


SWIFT_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", '"': '"', "'": "'", "\\": "\\"}


def swift_strings(path: str, pattern: str) -> list:
    """The first capture of `pattern` in a Swift file, with simple escapes undone."""
    return [re.sub(r"\\([ntr0\"'\\])", lambda m: SWIFT_ESCAPES[m.group(1)], text)
            for text in re.findall(pattern, read(path))]


def write_all(target: str, prefix: str, inputs, limit: int = 60) -> None:
    unique = list(dict.fromkeys(inputs))
    for number, text in enumerate(unique[:limit]):
        write(target, "%s-%03d" % (prefix, number), text)


def promql() -> None:
    raw = swift_strings("Tests/PromQLTests/Support/PrometheusParseCorpus.swift", r'\(#"(.*?)"#,')
    write_all("FuzzPromQL", "parse-corpus", raw, limit=120)
    expressions = []
    for path in sorted(glob.glob(os.path.join(ROOT, "dashboards", "*.json"))):
        expressions += re.findall(r'"expr":\s*"((?:[^"\\]|\\.)*)"', read(path))
    write_all("FuzzPromQL", "dashboard", [e.encode().decode("unicode_escape") for e in expressions], limit=40)


def label_selector() -> None:
    selectors = swift_strings("Tests/KubeMetricsAPITests/LabelSelectorParserTests.swift", r'\("((?:[^"\\]|\\.)*)",')
    write_all("FuzzLabelSelector", "parser-tests", selectors)


def kube_request() -> None:
    routes = re.findall(r'route\("([^"]*)"(?:, "([^"]*)")?', read("Tests/KubeMetricsAPITests/RoutingTests.swift"))
    write_all("FuzzKubeRequest", "routing-tests", [path + ("\n" + query if query else "") for path, query in routes])


def exposition() -> None:
    tests = "Tests/ExpositionTests/TextFormatParserTests.swift"
    write_all("FuzzExposition", "parser-tests", swift_blocks(tests) + swift_blocks("Tests/ExpositionTests/Support/Fixtures.swift")
              + swift_strings(tests, r'\("((?:[^"\\]|\\.)*)", "line'))


def config() -> None:
    write("FuzzConfig", "default", swift_blocks("Sources/Agent360Server/Config/DefaultConfig.swift")[0])
    inputs = []
    for path in ["Tests/Agent360ServerTests/ConfigTests.swift", "Tests/Agent360ServerTests/ScalingConfigTests.swift"]:
        inputs += swift_blocks(path) + swift_strings(path, r'parse\(yaml: "((?:[^"\\]|\\.)*)"')
    write_all("FuzzConfig", "config-tests", inputs)


def scaling() -> None:
    for path in ["examples/guide-hpa.yaml", "manifests/hpa-example.yaml"]:
        write("FuzzHPA", os.path.basename(path), read(path))
    write_all("FuzzHPA", "parsing-tests", swift_blocks("Tests/ScalingTests/HPAParsingTests.swift"))
    lines = read("examples/load-ramp.csv").split("\n")
    write("FuzzSeriesCSV", "load-ramp", "\n".join(lines[:40]) + "\n")
    write_all("FuzzSeriesCSV", "csv-tests", swift_blocks("Tests/ScalingTests/MetricSeriesCSVTests.swift"))


if __name__ == "__main__":
    remote_write()
    promql()
    label_selector()
    kube_request()
    exposition()
    config()
    scaling()
