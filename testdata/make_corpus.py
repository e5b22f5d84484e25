#!/usr/bin/env python3
"""Writes a large JSONL corpus made of the sample articles, for batch tests.

  make_corpus.py CORPUS_DIR OUT.jsonl SIZE_BYTES

Repeats the *.txt articles of CORPUS_DIR (in name order) under new ids
("gen-0000042-<article>") until OUT.jsonl holds at least SIZE_BYTES. Each
copy starts with its own sentence ("Report 42 from the desk."), so no two
documents are the same. Deterministic: the same arguments give the same file.
"""
import json
import os
import sys


def main():
    src, out, target = sys.argv[1], sys.argv[2], int(sys.argv[3])
    texts = []
    for name in sorted(os.listdir(src)):
        if name.endswith(".txt"):
            with open(os.path.join(src, name), encoding="utf-8") as f:
                texts.append((name[:-4], f.read()))
    if not texts:
        sys.exit("no .txt files in " + src)
    size = 0
    i = 0
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        while size < target:
            name, text = texts[i % len(texts)]
            line = json.dumps({"id": "gen-%07d-%s" % (i, name),
                               "text": "Report %d from the desk. %s" % (i, text)})
            f.write(line + "\n")
            size += len(line.encode("utf-8")) + 1
            i += 1


if __name__ == "__main__":
    main()
