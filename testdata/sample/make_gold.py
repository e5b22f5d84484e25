#!/usr/bin/env python3
"""Build the sample corpus and its gold annotations from annotated sources.

Reads   testdata/sample/src/*.md      (articles with inline markup, see testdata/README.md)
Writes  testdata/sample/corpus/*.txt  (plain UTF-8 text, markup stripped, ends with "\\n")
        testdata/sample/gold.jsonl    (one document per line, format of GUIDELINES.md)

Usage:
    python3 make_gold.py            regenerate the outputs
    python3 make_gold.py --check    validate and fail if the checked-in outputs are stale
    python3 make_gold.py --strict   also fail on lint warnings (unannotated repeats
                                    of an annotated surface form)

Python 3 standard library only; the output is deterministic.
Exit status: 0 on success, 1 on any validation error (or stale output with --check).
"""

import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SRC_DIR = os.path.join(HERE, "src")
CORPUS_DIR = os.path.join(HERE, "corpus")
GOLD_PATH = os.path.join(HERE, "gold.jsonl")

ENTITY_TYPES = ("PERSON", "AGENCY", "PLACE")
RELATIONS_MARKER = "---relations---"
EVIDENCE_JOINER = " \u2026 "  # " … " joins several verbatim fragments

ANY = set(ENTITY_TYPES)
# relation type -> (allowed head types, allowed tail types, symmetric)
RELATION_TYPES = {
    "AFFILIATION": ({"PERSON"}, ANY, False),
    "FAMILY": ({"PERSON"}, {"PERSON"}, True),
    "MEETING": (ANY, ANY, True),
    # the tail may be a building-agency (Kremlin, White House, Pentagon)
    "LOCATED_IN": ({"PERSON", "AGENCY"}, {"PLACE", "AGENCY"}, False),
    "ORIGIN": ({"PERSON"}, {"PLACE"}, False),
    "PART_OF": ({"PLACE"}, {"PLACE"}, False),
    "COOPERATION": (ANY, ANY, True),
    "WARNING": (ANY, ANY, False),
    "CRITICISM": (ANY, ANY, False),
    "STATEMENT_TO": ({"PERSON", "AGENCY"}, {"PERSON", "AGENCY"}, False),
}
BUILDING_AGENCIES = {"Kremlin", "White House", "Pentagon"}

# [[TYPE:Canonical name|surface text]]  or  [[TYPE:Name]]  (surface == canonical)
MARKUP_RE = re.compile(
    r"\[\[(?P<type>[A-Z_]+):(?P<canon>[^\[\]|\n]+?)(?:\|(?P<surface>[^\[\]|\n]+))?\]\]"
)


class GoldError(Exception):
    pass


def parse_body(body, where):
    """Strip markup from body. Returns (text, mentions) with UTF-8 byte offsets."""
    out = []          # pieces of plain text
    nbytes = 0        # byte length of "".join(out)
    mentions = []     # dicts: type, canonical, begin, end, text
    pos = 0
    for m in MARKUP_RE.finditer(body):
        plain = body[pos:m.start()]
        if "[[" in plain or "]]" in plain:
            raise GoldError("%s: malformed markup near %r" % (where, plain[-60:]))
        out.append(plain)
        nbytes += len(plain.encode("utf-8"))
        etype, canon = m.group("type"), m.group("canon")
        surface = m.group("surface") if m.group("surface") is not None else canon
        line = body.count("\n", 0, m.start()) + 1
        loc = "%s line %d: %s" % (where, line, m.group(0))
        if etype not in ENTITY_TYPES:
            raise GoldError("%s: unknown entity type %r" % (loc, etype))
        if canon != canon.strip() or not canon.strip():
            raise GoldError("%s: canonical name has surrounding whitespace or is empty" % loc)
        if surface != surface.strip() or not surface.strip():
            raise GoldError("%s: surface text has surrounding whitespace or is empty" % loc)
        if surface.endswith(("'s", "\u2019s")):
            raise GoldError("%s: possessive 's must stay outside the span" % loc)
        if surface.startswith(("the ", "The ")):
            raise GoldError("%s: leading 'the' must stay outside the span" % loc)
        begin = nbytes
        out.append(surface)
        nbytes += len(surface.encode("utf-8"))
        mentions.append({"type": etype, "canonical": canon,
                         "begin": begin, "end": nbytes, "text": surface})
        pos = m.end()
    rest = body[pos:]
    if "[[" in rest or "]]" in rest:
        raise GoldError("%s: malformed markup near %r" % (where, rest[:60]))
    out.append(rest)
    text = "".join(out).rstrip() + "\n"
    return text, mentions


def build_entities(mentions, where):
    entities = []
    by_key = {}
    for mn in mentions:  # mentions are in text order -> ids by first mention
        key = (mn["type"], mn["canonical"])
        if key not in by_key:
            ent = {"id": "E%d" % (len(entities) + 1), "type": mn["type"],
                   "canonical": mn["canonical"], "mentions": []}
            by_key[key] = ent
            entities.append(ent)
        by_key[key]["mentions"].append(
            {"begin": mn["begin"], "end": mn["end"], "text": mn["text"]})
    # the same canonical name under two types would make relation lines ambiguous
    seen = {}
    for (etype, canon) in by_key:
        if canon in seen:
            sys.stderr.write("%s: note: canonical %r used for types %s and %s; "
                             "relations must write TYPE:name\n"
                             % (where, canon, seen[canon], etype))
        seen[canon] = etype
    return entities, by_key


def resolve(arg, by_key, where):
    if ":" in arg and arg.split(":", 1)[0] in ENTITY_TYPES:
        etype, canon = arg.split(":", 1)
        ent = by_key.get((etype, canon))
        if ent is None:
            raise GoldError("%s: no entity %s:%r" % (where, etype, canon))
        return ent
    hits = [e for (t, c), e in by_key.items() if c == arg]
    if not hits:
        raise GoldError("%s: no entity with canonical name %r" % (where, arg))
    if len(hits) > 1:
        raise GoldError("%s: canonical name %r is ambiguous, write TYPE:name" % (where, arg))
    return hits[0]


def check_evidence(evidence, text, where):
    if not evidence:
        raise GoldError("%s: empty evidence" % where)
    if evidence in text:
        return
    for frag in evidence.split(EVIDENCE_JOINER):
        if not frag or frag not in text:
            raise GoldError("%s: evidence fragment not found verbatim in text: %r"
                            % (where, frag))


def parse_relations(lines, first_line_no, by_key, text, where):
    relations = []
    seen = set()
    for i, line in enumerate(lines):
        loc = "%s line %d" % (where, first_line_no + i)
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 5:
            raise GoldError("%s: expected 5 TAB-separated fields "
                            "(TYPE, head, tail, role, evidence), got %d" % (loc, len(fields)))
        rtype, head_s, tail_s, role, evidence = fields
        if rtype not in RELATION_TYPES:
            raise GoldError("%s: unknown relation type %r" % (loc, rtype))
        head = resolve(head_s, by_key, loc)
        tail = resolve(tail_s, by_key, loc)
        if head is tail:
            raise GoldError("%s: head and tail are the same entity" % loc)
        htypes, ttypes, symmetric = RELATION_TYPES[rtype]
        if head["type"] not in htypes:
            raise GoldError("%s: %s head must be %s, not %s"
                            % (loc, rtype, "/".join(sorted(htypes)), head["type"]))
        if tail["type"] not in ttypes:
            raise GoldError("%s: %s tail must be %s, not %s"
                            % (loc, rtype, "/".join(sorted(ttypes)), tail["type"]))
        if (rtype == "LOCATED_IN" and tail["type"] == "AGENCY"
                and tail["canonical"] not in BUILDING_AGENCIES):
            raise GoldError("%s: LOCATED_IN tail agency must be one of %s"
                            % (loc, ", ".join(sorted(BUILDING_AGENCIES))))
        key = (rtype, head["id"], tail["id"])
        if symmetric:
            key = (rtype,) + tuple(sorted((head["id"], tail["id"])))
        if key in seen:
            raise GoldError("%s: duplicate relation %s" % (loc, key))
        seen.add(key)
        check_evidence(evidence, text, loc)
        rel = {"type": rtype, "head": head["id"], "tail": tail["id"]}
        if role.strip():
            rel["role"] = role.strip()
        rel["evidence"] = evidence
        relations.append(rel)
    return relations


def verify(doc, text):
    data = text.encode("utf-8")
    spans = []
    for ent in doc["entities"]:
        for mn in ent["mentions"]:
            got = data[mn["begin"]:mn["end"]].decode("utf-8", errors="replace")
            if got != mn["text"]:
                raise GoldError("%s: %s mention [%d,%d) is %r, expected %r"
                                % (doc["doc"], ent["id"], mn["begin"], mn["end"],
                                   got, mn["text"]))
            spans.append((mn["begin"], mn["end"], ent["id"]))
    spans.sort()
    for a, b in zip(spans, spans[1:]):
        if b[0] < a[1]:
            raise GoldError("%s: overlapping mentions %s and %s" % (doc["doc"], a, b))


WORD = r"(?<![\w.-]){}(?![\w-])"


def lint(doc, text, where):
    """Warn about unannotated occurrences of an annotated surface form."""
    data = text.encode("utf-8")
    covered = []
    forms = set()
    for ent in doc["entities"]:
        for mn in ent["mentions"]:
            covered.append((mn["begin"], mn["end"]))
            forms.add(mn["text"])
        forms.add(ent["canonical"])
    warnings = []
    for form in sorted(forms):
        for m in re.finditer(WORD.format(re.escape(form)), text):
            b = len(text[:m.start()].encode("utf-8"))
            e = b + len(form.encode("utf-8"))
            if not any(cb < e and b < ce for cb, ce in covered):
                line = data[:b].count(b"\n") + 1
                warnings.append("%s: line %d: %r not annotated here" % (where, line, form))
    return warnings


def build_doc(path):
    name = os.path.splitext(os.path.basename(path))[0]
    where = os.path.relpath(path, HERE)
    with open(path, "rb") as f:
        raw = f.read()
    try:
        src = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise GoldError("%s: not valid UTF-8: %s" % (where, e))
    if "\r" in src:
        raise GoldError("%s: carriage return found; sources use LF line endings" % where)
    if src.startswith("\ufeff"):
        raise GoldError("%s: byte order mark found" % where)
    lines = src.split("\n")
    markers = [i for i, l in enumerate(lines) if l == RELATIONS_MARKER]
    if len(markers) != 1:
        raise GoldError("%s: expected exactly one line %r, found %d"
                        % (where, RELATIONS_MARKER, len(markers)))
    k = markers[0]
    body = "\n".join(lines[:k])
    text, mentions = parse_body(body, where)
    if "\t" in text:
        raise GoldError("%s: TAB character in article text" % where)
    entities, by_key = build_entities(mentions, where)
    relations = parse_relations(lines[k + 1:], k + 2, by_key, text, where)
    doc = {"doc": name + ".txt", "entities": entities, "relations": relations}
    verify(doc, text)
    return name, text, doc, lint(doc, text, where)


def main(argv):
    check = "--check" in argv
    strict = "--strict" in argv
    unknown = [a for a in argv if a not in ("--check", "--strict")]
    if unknown:
        sys.stderr.write(__doc__)
        return 2
    sources = sorted(f for f in os.listdir(SRC_DIR) if f.endswith(".md"))
    if not sources:
        sys.stderr.write("error: no src/*.md files in %s\n" % SRC_DIR)
        return 1
    outputs = {}   # path -> bytes
    gold_lines = []
    all_warnings = []
    try:
        for fname in sources:
            name, text, doc, warnings = build_doc(os.path.join(SRC_DIR, fname))
            all_warnings.extend(warnings)
            outputs[os.path.join(CORPUS_DIR, name + ".txt")] = text.encode("utf-8")
            gold_lines.append(json.dumps(doc, ensure_ascii=False))
    except GoldError as e:
        sys.stderr.write("error: %s\n" % e)
        return 1
    outputs[GOLD_PATH] = ("\n".join(gold_lines) + "\n").encode("utf-8")
    for w in all_warnings:
        sys.stderr.write("warning: %s\n" % w)
    if strict and all_warnings:
        sys.stderr.write("error: %d lint warning(s) with --strict\n" % len(all_warnings))
        return 1

    expected_txt = {p for p in outputs if p.endswith(".txt")}
    stale_txt = sorted(os.path.join(CORPUS_DIR, f) for f in os.listdir(CORPUS_DIR)
                       if f.endswith(".txt")) if os.path.isdir(CORPUS_DIR) else []
    extra = [p for p in stale_txt if p not in expected_txt]
    if check:
        bad = []
        for p, data in sorted(outputs.items()):
            try:
                with open(p, "rb") as f:
                    if f.read() != data:
                        bad.append(p)
            except OSError:
                bad.append(p)
        bad.extend(extra)
        if bad:
            for p in bad:
                sys.stderr.write("stale: %s\n" % os.path.relpath(p, HERE))
            sys.stderr.write("error: outputs out of date; run python3 make_gold.py\n")
            return 1
        print("ok: %d documents, outputs up to date" % len(sources))
        return 0
    os.makedirs(CORPUS_DIR, exist_ok=True)
    for p in extra:
        os.remove(p)
    for p, data in sorted(outputs.items()):
        with open(p, "wb") as f:
            f.write(data)
    print("wrote %d documents to %s and %s" % (
        len(sources), os.path.relpath(CORPUS_DIR, HERE), os.path.relpath(GOLD_PATH, HERE)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
