#!/usr/bin/env python3
"""Writes a JSONL benchmark corpus of real news text, outside the repository.

Reads every .txt file under the given source directories (e.g.
../shared/corpus and ../shared/benchmarks), and writes them as documents
{"id": ..., "text": ...}, cycling through the files as many times as needed
until the output holds at least --mb megabytes of text. Each repetition gets
its own document ids, so every document is distinct for the pipeline.

Usage: make_corpus.py --out FILE --mb 50 SRC_DIR [SRC_DIR ...]
"""
import argparse
import json
import os
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--mb", type=float, default=50.0)
    ap.add_argument("sources", nargs="+")
    args = ap.parse_args()
    texts = []
    for src in args.sources:
        for root, _, files in sorted(os.walk(src)):
            for name in sorted(files):
                if name.endswith(".txt"):
                    with open(os.path.join(root, name), encoding="utf-8",
                              errors="replace") as f:
                        texts.append((name[:-4], f.read()))
    if not texts:
        sys.exit("make_corpus: no .txt files under " + " ".join(args.sources))
    target = int(args.mb * 1e6)
    written = docs = rep = 0
    tmp = args.out + ".tmp"
    with open(tmp, "w", encoding="utf-8") as out:
        while written < target:
            for name, text in texts:
                out.write(json.dumps({"id": f"{name}#{rep}", "text": text},
                                     ensure_ascii=False))
                out.write("\n")
                written += len(text.encode("utf-8"))
                docs += 1
                if written >= target:
                    break
            rep += 1
    os.replace(tmp, args.out)
    print(f"make_corpus: {docs} documents, {written / 1e6:.1f} MB of text "
          f"from {len(texts)} files -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
