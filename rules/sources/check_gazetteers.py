#!/usr/bin/env python3
"""Validate every rules/gazetteer/*.tsv file (Python 3 stdlib only).

Checks, per line:  column count (3..8), id unique across ALL files and ASCII
(no spaces), type in {PERSON, AGENCY, PLACE, DEMONYM, GIVEN_NAME}, canonical non-empty,
no empty alias, subtype a lowercase word, priority an integer, flags known,
no alias with a leading "the "/"The " or a trailing possessive 's, DEMONYM
external_id pointing to an existing place id.

Across all files: no surface form (canonical or alias, compared after
diacritics are stripped and apostrophes unified, as the matcher does) may
belong to two different entities (GIVEN_NAME entries, which are not
entities, are left out of this check).  A form whose ALL-CAPS version equals
another entity's form is reported as a warning only.

Exit status 1 on any error.  Usage:
    python3 rules/sources/check_gazetteers.py [--dir rules/gazetteer] [-q]
"""
import argparse
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DIR = os.path.normpath(os.path.join(HERE, "..", "gazetteer"))
TYPES = {"PERSON", "AGENCY", "PLACE", "DEMONYM", "GIVEN_NAME"}
FLAGS = {"ci"}
THE_ALLOWED = {"The Hague"}
APOS = {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u02bb": "'", "`": "'"}


def norm(s):
    s = "".join(APOS.get(c, c) for c in s)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(s.split())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", default=DEFAULT_DIR)
    ap.add_argument("-q", "--quiet", action="store_true", help="hide warnings")
    args = ap.parse_args()

    errors, warnings = [], []
    entries = []  # (file, lineno, cols)
    ids = {}
    files = sorted(f for f in os.listdir(args.dir) if f.endswith(".tsv"))
    if not files:
        print(f"no .tsv files in {args.dir}", file=sys.stderr)
        return 1
    counts = {}
    for fn in files:
        n = 0
        with open(os.path.join(args.dir, fn), encoding="utf-8") as f:
            for ln, line in enumerate(f, 1):
                line = line.rstrip("\n")
                where = f"{fn}:{ln}"
                if line.endswith("\r"):
                    errors.append(f"{where}: CR line ending")
                    line = line.rstrip("\r")
                if not line.strip() or line.startswith("#"):
                    continue
                cols = line.split("\t")
                if not 3 <= len(cols) <= 8:
                    errors.append(f"{where}: {len(cols)} columns (want 3..8)")
                    continue
                cols += [""] * (8 - len(cols))
                eid, typ, canon, aliases, subtype, ext, prio, flags = cols
                if not re.fullmatch(r"[A-Za-z0-9_.\-]+", eid):
                    errors.append(f"{where}: bad id {eid!r}")
                if eid in ids:
                    errors.append(f"{where}: duplicate id {eid} (first at {ids[eid]})")
                ids[eid] = where
                if typ not in TYPES:
                    errors.append(f"{where}: bad type {typ!r}")
                if not canon.strip():
                    errors.append(f"{where}: empty canonical")
                if subtype and not re.fullmatch(r"[a-z][a-z_]*", subtype):
                    errors.append(f"{where}: bad subtype {subtype!r}")
                if prio and not re.fullmatch(r"-?\d+", prio):
                    errors.append(f"{where}: bad priority {prio!r}")
                for fl in filter(None, flags.split(",")):
                    if fl not in FLAGS:
                        errors.append(f"{where}: unknown flag {fl!r}")
                names = [canon] + (aliases.split("|") if aliases else [])
                for a in names:
                    if a != a.strip() or not a:
                        errors.append(f"{where}: empty or padded name {a!r}")
                    if re.match(r"(?i)the\s", a) and a not in THE_ALLOWED:
                        errors.append(f"{where}: name with leading 'the': {a!r}")
                    if re.search(r"['\u2019]s$", a):
                        # legit for a few ISO names (Saint Julian's); the
                        # matcher strips a trailing 's, so flag it
                        warnings.append(f"{where}: name ends in possessive 's: {a!r}")
                seen = set()
                for a in names:
                    if norm(a) in seen:
                        warnings.append(f"{where}: {eid} lists {a!r} twice")
                    seen.add(norm(a))
                entries.append((where, cols, names))
                n += 1
        counts[fn] = n

    # DEMONYM targets
    for where, cols, _ in entries:
        if cols[1] == "DEMONYM" and cols[5] not in ids:
            errors.append(f"{where}: DEMONYM {cols[0]} -> unknown place id {cols[5]!r}")

    # cross-entity surface-form collisions
    owner = {}
    entries = [e for e in entries if e[1][1] != "GIVEN_NAME"]
    for where, cols, names in entries:
        for a in names:
            k = norm(a)
            if k in owner and owner[k][0] != cols[0]:
                errors.append(f"{where}: name {a!r} of {cols[0]} already belongs to "
                              f"{owner[k][0]} ({owner[k][1]})")
            else:
                owner.setdefault(k, (cols[0], where))
    for where, cols, names in entries:
        for a in names:
            up = norm(a).upper()
            if up != norm(a) and up in owner and owner[up][0] != cols[0]:
                warnings.append(f"{where}: ALL-CAPS form of {a!r} ({cols[0]}) equals a name "
                                f"of {owner[up][0]}")

    if not args.quiet:
        for w in warnings:
            print("WARN  " + w, file=sys.stderr)
    for e in errors:
        print("ERROR " + e, file=sys.stderr)
    for fn in files:
        print(f"{fn}: {counts[fn]} entries")
    print(f"{len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
