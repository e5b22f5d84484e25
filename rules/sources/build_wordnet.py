#!/usr/bin/env python3
"""Generate rules/gazetteer/{people,places,agencies}_wordnet.tsv from WordNet.

Source data: Princeton WordNet 3.0, Debian package `wordnet-base`
(/usr/share/wordnet/data.noun; licence "WordNet 3.0", see the notice written
into each generated file). WordNet marks named things as *instances* of a
class ("Einstein" is an instance of "physicist", "Danube" of "river"). The
script follows each instance's class up the hypernym tree and keeps:

  * people_wordnet.tsv: instances of person (n. 00007846), mostly famous
    people of history, science and the arts (PERSON, subtype `famous`);
  * places_wordnet.tsv: instances of location, land, body of water,
    watercourse, geological formation, thoroughfare or bridge (cities,
    regions, islands, rivers, canals, mountains, streets, ...) that no
    other gazetteer already has (PLACE, subtype from the WordNet class);
  * agencies_wordnet.tsv: instances of organization, terrorist organization
    or university (armed groups, universities, agencies, bands; AGENCY).

A synset's names are its capitalised lemmas. Left out, so that ordinary
words and other entities are not taken:
  * a lemma whose words are not all capitalised (particles such as `of`,
    `de`, `van` aside), or with digits;
  * a one-word lemma that is a lower-case English word (Debian `wamerican`:
    "Temple", "Bell"), a weekday or month ("Sunday") or a given name (rules/gazetteer/given_names.tsv);
  * an acronym of three letters or fewer ("ELA", "OV");
  * a lemma that starts with a title ("President Lincoln", "Saint Peter":
    the pattern rules take the name after a title);
  * a lemma that names several synsets kept here ("Kennedy");
  * a lemma that another gazetteer file already has: a synset with a lemma
    that a gazetteer entry of the same type has is that entry and is left out
    whole ("Moscow"); a lemma of another type is dropped from the synset
    ("Lincoln", a city, stays out of Abraham Lincoln's names).
A synset needs a name of two words or more, or a one-word name of at least
four letters, to be written. The canonical name is the longest lemma.

Python 3 standard library; deterministic. Run it after every other
generator (it reads all the other gazetteer files):

    apt-get install wordnet-base wamerican
    python3 rules/sources/build_wordnet.py
    python3 rules/sources/check_gazetteers.py
"""
import argparse
import collections
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import build_places  # noqa: E402  (norm)

OUT_DIR = os.path.normpath(os.path.join(HERE, "..", "gazetteer"))
DATA_NOUN = "/usr/share/wordnet/data.noun"
WORDS = "/usr/share/dict/words"
OUT_FILES = {"PERSON": "people_wordnet.tsv", "PLACE": "places_wordnet.tsv",
             "AGENCY": "agencies_wordnet.tsv"}
ID_PREFIX = {"PERSON": "person.wn.", "PLACE": "place.wn.",
             "AGENCY": "agency.wn."}

# Root synsets (WordNet 3.0 offsets) of the classes kept, by type.
ROOTS = {
    "PERSON": {"00007846"},                 # person, individual
    "PLACE": {"00027167",                   # location
              "09334396",                   # land (islands, peninsulas)
              "09225146",                   # body of water
              "04559275",                   # watercourse (canals)
              "09287968",                   # geological formation
              "04426618",                   # thoroughfare (streets)
              "02898711"},                  # bridge
    "AGENCY": {"08008335",                  # organization
               "08392137",                  # terrorist organization
               "08286163",                  # university (the body)
               "04511002"},                 # university (the establishment)
}
# Classes under those roots that are not places or organisations of the
# guidelines: celestial bodies, the Earth's imaginary lines, ...
EXCLUDED_CLASSES = {
    "09239740",  # celestial body
    "09252970",  # constellation
    "08593262",  # line (the Equator, a boundary line)
}

TITLES = {"President", "King", "Queen", "Saint", "St.", "St", "Sir", "Lord",
          "Lady", "Pope", "Emperor", "Empress", "Prince", "Princess",
          "General", "Admiral", "Captain", "Czar", "Tsar", "Dr.", "Mrs.",
          "Mr.", "Senator", "Cardinal", "Bishop", "Archbishop"}
PARTICLES = {"of", "the", "and", "de", "del", "della", "der", "den", "des",
             "di", "da", "do", "dos", "du", "van", "von", "la", "le", "les",
             "al", "el", "bin", "ibn", "y", "e", "am", "an", "on", "upon",
             "in", "for", "&"}
# Capitalised words that are not names in running text although WordNet
# has a person or place of that name ("Sunday", the evangelist).
NOT_NAMES = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
             "Saturday", "Sunday", "January", "February", "March", "April",
             "May", "June", "July", "August", "September", "October",
             "November", "December", "Centre", "Christmas", "Easter",
             # Begin place names ("Santa Elena").
             "Santa", "Santo", "San", "Monte", "Rio"}
HEADER = """\
# {what}
# GENERATED by rules/sources/build_wordnet.py -- do not edit by hand.
# Source: Princeton WordNet 3.0 (Debian package wordnet-base), noun instances of {root}.
# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.
# THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO
# REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT
# LIMITATION, PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF
# MERCHANT-ABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE USE OF THE
# LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY
# PATENTS, COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS. (Full licence:
# /usr/share/doc/wordnet-base/copyright, licence "WordNet3.0".)
#id\ttype\tcanonical\taliases\tsubtype\texternal_id\tpriority
"""
WHAT = {"PERSON": "Famous people (PERSON) from WordNet.",
        "PLACE": "Named places (PLACE) from WordNet that no other gazetteer has.",
        "AGENCY": "Named organisations (AGENCY) from WordNet."}


def read_synsets(path):
    """offset -> (lemmas, hypernyms, instance hypernyms)."""
    synsets = {}
    with open(path, encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue  # licence header
            fields = line.partition(" | ")[0].split()
            offset, count = fields[0], int(fields[3], 16)
            lemmas = [fields[4 + 2 * i] for i in range(count)]
            i = 4 + 2 * count
            hyper, inst = [], []
            for _ in range(int(fields[i])):
                sym, target, pos = fields[i + 1], fields[i + 2], fields[i + 3]
                if pos == "n" and sym == "@":
                    hyper.append(target)
                elif pos == "n" and sym == "@i":
                    inst.append(target)
                i += 4
            synsets[offset] = (lemmas, hyper, inst)
    return synsets


def ancestors(synsets, offset, memo):
    if offset not in memo:
        memo[offset] = set()
        out = set()
        for h in synsets[offset][1] + synsets[offset][2]:
            out.add(h)
            out |= ancestors(synsets, h, memo)
        memo[offset] = out
    return memo[offset]


def clean(lemma):
    """WordNet lemma -> name, or None if it is not a clean proper name."""
    name = re.sub(r"\(\w+\)$", "", lemma).replace("_", " ").strip()
    if not name or any(ch.isdigit() for ch in name) or "\t" in name or "|" in name:
        return None
    words = name.split()
    if words[0] in TITLES or words[0] in PARTICLES:
        return None
    for w in words:
        if w in PARTICLES:
            continue
        if not w[0].isupper():
            return None
    if re.match(r"(?i)the\s", name) or re.search(r"['\u2019]s$", name):
        return None
    return name


def read_gazetteers(out_dir, skip):
    """norm(name) -> type, over every gazetteer file but `skip`."""
    owner, given = {}, set()
    for fn in sorted(os.listdir(out_dir)):
        if not fn.endswith(".tsv") or fn in skip:
            continue
        with open(os.path.join(out_dir, fn), encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                cols = line.rstrip("\n").split("\t")
                names = [cols[2]] + (cols[3].split("|") if len(cols) > 3 and cols[3] else [])
                for n in names:
                    if cols[1] == "GIVEN_NAME":
                        given.add(build_places.norm(n))
                    else:
                        owner.setdefault(build_places.norm(n), cols[1])
    return owner, given


def subtype_of(synsets, offset):
    cls = synsets[offset][2][0]
    return re.sub(r"[^a-z_]", "", synsets[cls][0][0].lower()) or "named"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=DATA_NOUN)
    ap.add_argument("--out-dir", default=OUT_DIR)
    args = ap.parse_args()
    if not os.path.exists(args.data):
        sys.exit(f"{args.data}: missing; apt-get install wordnet-base")
    norm = build_places.norm
    synsets = read_synsets(args.data)
    owner, given = read_gazetteers(args.out_dir, set(OUT_FILES.values()))
    with open(WORDS, encoding="utf-8") as f:
        lower_words = {w.strip() for w in f if w.strip().islower()}

    memo = {}
    kept = []  # (type, offset, names)
    for offset, (lemmas, _, inst) in sorted(synsets.items()):
        if not inst:
            continue
        anc = ancestors(synsets, offset, memo)
        if anc & EXCLUDED_CLASSES:
            continue
        types = [t for t, roots in ROOTS.items() if anc & roots]
        if len(types) != 1:
            continue
        names = []
        for lemma in lemmas:
            name = clean(lemma)
            if name and name not in names:
                names.append(name)
        kept.append((types[0], offset, names))

    uses = collections.Counter(norm(n) for _, _, names in kept for n in names)
    rows = {t: [] for t in OUT_FILES}
    dropped = collections.Counter()
    taken = set()
    for typ, offset, names in kept:
        if any(owner.get(norm(n)) == typ for n in names):
            dropped["known entity"] += 1
            continue
        good = []
        for n in names:
            k = norm(n)
            single = " " not in n and "-" not in n
            if k in owner or k.upper() in owner:
                dropped["name of another type"] += 1
            elif uses[k] > 1:
                dropped["ambiguous"] += 1
            elif single and (n.lower() in lower_words or k in given or
                             n in NOT_NAMES):
                dropped["word or given name"] += 1
            elif n.isupper() and len(n) <= 3:
                dropped["short acronym"] += 1
            elif k in taken:
                dropped["ambiguous"] += 1
            else:
                good.append(n)
        if not any(" " in n or len(n) >= 4 for n in good):
            dropped["no usable name"] += 1
            continue
        taken.update(norm(n) for n in good)
        good.sort(key=lambda n: (-len(n.split()), -len(n), n))
        slug = build_places.slug_ascii(good[0]) or offset
        rows[typ].append(
            f"{ID_PREFIX[typ]}{slug}_{offset}\t{typ}\t{good[0]}\t"
            f"{'|'.join(good[1:])}\t{subtype_of(synsets, offset)}\t"
            f"wordnet:{offset}-n\t0")
    roots = {"PERSON": "person",
             "PLACE": "location, land, water, geological formation, street, bridge",
             "AGENCY": "organization, terrorist organization, university"}
    for typ, fn in OUT_FILES.items():
        with open(os.path.join(args.out_dir, fn), "w", encoding="utf-8",
                  newline="\n") as f:
            f.write(HEADER.format(what=WHAT[typ], root=roots[typ]))
            for r in sorted(rows[typ]):
                f.write(r + "\n")
        print(f"{fn}: {len(rows[typ])} entries", file=sys.stderr)
    for why, n in sorted(dropped.items()):
        print(f"  dropped ({why}): {n}", file=sys.stderr)


if __name__ == "__main__":
    main()
