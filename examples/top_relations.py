#!/usr/bin/python3
"""Prints the most frequent relations of a newsgraph binary output stream.

    bazel-bin/extract/extract --input=testdata/sample/corpus --format=binary \
        --output=out/sample.bin
    /usr/bin/python3 examples/top_relations.py out/sample.bin --top 10

The stream is what `extract --format=binary` writes: DocumentGraph messages,
each preceded by its size as a base-128 varint (see proto/README.md). The
Python classes come from proto/graph.proto: the script imports `graph_pb2`
if it is on the path (protoc --python_out=DIR proto/graph.proto, then
PYTHONPATH=DIR), and otherwise runs protoc into a temporary directory itself.
Needs Debian's python3-protobuf and protobuf-compiler (so run it with
Debian's /usr/bin/python3, which sees python3-protobuf).

Output: one line "documents: D, relations: R, distinct: K" (R counts the
relations of every document, K the distinct (type, head, tail) triples by
canonical name), then the top K lines "COUNT<TAB>TYPE<TAB>HEAD -> TAIL",
COUNT being the number of documents that state it.
"""
import argparse
import atexit
import collections
import importlib
import os
import shutil
import subprocess
import sys
import tempfile

SYMMETRIC = {"FAMILY", "MEETING", "COOPERATION"}


def load_graph_pb2(proto_path):
    """Imports graph_pb2, generating it with protoc when it is missing."""
    try:
        return importlib.import_module("graph_pb2")
    except ImportError:
        pass
    out_dir = tempfile.mkdtemp(prefix="graph_pb2_")
    atexit.register(shutil.rmtree, out_dir, ignore_errors=True)
    proto_dir, proto_file = os.path.split(os.path.abspath(proto_path))
    subprocess.run(["protoc", "--proto_path=" + proto_dir,
                    "--python_out=" + out_dir, proto_file], check=True)
    sys.path.insert(0, out_dir)
    return importlib.import_module("graph_pb2")


def read_varint(data, pos):
    """Decodes a base-128 varint at data[pos:]; returns (value, next pos)."""
    value = shift = 0
    while True:
        if pos >= len(data) or shift > 63:
            raise ValueError("truncated or corrupt length prefix")
        byte = data[pos]
        value |= (byte & 0x7F) << shift
        pos += 1
        shift += 7
        if not byte & 0x80:
            return value, pos


def read_delimited(data, message_class):
    """Yields the length-delimited messages of `data` (bytes)."""
    pos = 0
    while pos < len(data):
        size, pos = read_varint(data, pos)
        if pos + size > len(data):
            raise ValueError("truncated record at byte %d" % pos)
        message = message_class()
        message.ParseFromString(data[pos:pos + size])
        pos += size
        yield message


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("stream", help="binary DocumentGraph stream, or -")
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--proto", default=os.path.join(here, "..", "proto",
                                                         "graph.proto"),
                        help="graph.proto, when graph_pb2 is not importable")
    args = parser.parse_args()
    pb2 = load_graph_pb2(args.proto)

    if args.stream == "-":
        data = sys.stdin.buffer.read()
    else:
        with open(args.stream, "rb") as f:
            data = f.read()

    documents = relations = 0
    counts = collections.Counter()
    try:
        for graph in read_delimited(data, pb2.DocumentGraph):
            documents += 1
            names = {e.id: e.canonical_name or e.canonical_id
                     for e in graph.entities}
            seen = set()  # count each triple once per document
            for r in graph.relations:
                relations += 1
                rtype = pb2.RelationType.Name(r.type) if r.type in \
                    pb2.RelationType.values() else "TYPE_%d" % r.type
                head, tail = names.get(r.head, r.head), names.get(r.tail, r.tail)
                if rtype in SYMMETRIC and tail < head:
                    head, tail = tail, head
                seen.add((rtype, head, tail))
            counts.update(seen)
    except ValueError as e:
        sys.exit("top_relations: %s: %s" % (args.stream, e))

    print("documents: %d, relations: %d, distinct: %d"
          % (documents, relations, len(counts)))
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    for (rtype, head, tail), count in ranked[:args.top]:
        print("%d\t%s\t%s -> %s" % (count, rtype, head, tail))


if __name__ == "__main__":
    main()
