#!/usr/bin/env bash
# Measures loading a large gazetteer: generates a rule layer of N (default one
# million) plausible synthetic entries -- people named from a list of given
# names x family names made from ISO 3166-2 subdivision names (Debian
# iso-codes), and agencies named after those places -- then reports, for the
# TSV directory and for its compiled .ngr form, the time extract takes to
# load the rules and its peak memory (max RSS).
#
#   tools/bench_rules.sh [N] [WORKDIR]     (default 1000000 /tmp/bench_rules)
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-1000000}"
W="${2:-/tmp/bench_rules}"
tools/setup.sh
bazel build -c opt //extract:extract >&2
X="$PWD/bazel-bin/extract/extract"
mkdir -p "$W/big"
python3 - "$N" "$W/big" <<'PY'
import json, random, re, sys, unicodedata
n, out = int(sys.argv[1]), sys.argv[2]
subs = json.load(open("/usr/share/iso-codes/json/iso_3166-2.json"))["3166-2"]
def ascii_word(s):
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return s
places = sorted({ascii_word(x["name"]) for x in subs})
families = sorted({w for p in places for w in re.findall(r"[A-Z][a-z]{3,}", p)})
given = ("Anna Boris Carla Dmitri Elena Farid Greta Hassan Irina Jonas Karin Luis "
         "Maria Nikolai Olga Pavel Quentin Rosa Sergei Tatiana Umar Vera Walter "
         "Xenia Yusuf Zofia Ahmed Bianca Chen Daria Emil Fatima Georg Hana Ivan "
         "Julia Kenji Lena Mikhail Nadia Oskar Petra Rashid Sofia Timur Ursula "
         "Viktor Wanda Yara Zoltan Alina Bruno Celine Denis Eva Filip Galina Hugo "
         "Ines Jakub Katya Leon Mila Nils Oleg Paula Roman Sara Tomas Ulla Vadim").split()
kinds = ["Regional Council", "Police Department", "Water Authority",
         "Chamber of Commerce", "Health Agency", "Election Commission",
         "Border Service", "University", "Party", "Gazette"]
random.seed(5)
with open(out + "/MANIFEST", "w") as m:
    m.write("gazetteer\tbig.tsv\n")
with open(out + "/big.tsv", "w") as f:
    f.write("#id\ttype\tcanonical\taliases\tsubtype\texternal_id\tpriority\tflags\n")
    i = 0
    # People: 80%, given x family, with an initial form as alias.
    people = int(n * 0.8)
    for fam in families:
        for g in given:
            if i >= people: break
            f.write(f"person.gen.{i}\tPERSON\t{g} {fam}\t{g[0]}. {fam}\t\t\t\t\n")
            i += 1
        if i >= people: break
    # Agencies: place x kind, with an acronym alias.
    j = 0
    while i < n:
        p = places[j % len(places)]
        k = kinds[(j // len(places)) % len(kinds)]
        suffix = "" if j < len(places) * len(kinds) else f" {j // (len(places) * len(kinds)) + 1}"
        name = f"{p} {k}{suffix}"
        acro = "".join(w[0] for w in re.findall(r"[A-Za-z]+", name)).upper()
        f.write(f"agency.gen.{i}\tAGENCY\t{name}\t{acro}{i}\t\t\t\t\n")
        i += 1; j += 1
print(f"generated {i} entries in {out}/big.tsv", file=sys.stderr)
PY
echo "Anna Vienna met officials of the Bavaria Regional Council." > "$W/doc.txt"
measure() {  # label, rules
  /usr/bin/time -f "%e %U %M" -o "$W/time.txt" \
    "$X" --rules="$2" --input="$W/doc.txt" --output=/dev/null 2> "$W/summary.txt"
  read -r wall user rss_kb < "$W/time.txt"
  load=$(grep -o "rules: loaded in [0-9.]* s" "$W/summary.txt" | grep -o "[0-9.]*" | head -1)
  # User CPU time is the fairer number on a shared machine.
  printf "%-10s rules load %6.3f s wall   process %6.2f s wall, %6.2f s user CPU   max RSS %6.0f MB\n" \
    "$1" "$load" "$wall" "$user" "$((rss_kb / 1024))"
}
"$X" --rules="$W/big" --compile_rules="$W/big.ngr" 2>&1 | tail -1
for f in "$W/big/big.tsv" "$W/big.ngr"; do
  echo "$f: $(( $(stat -c %s "$f") / 1000000 )) MB"
done
for i in 1 2; do
  measure "tsv" "$W/big"
  measure "compiled" "$W/big.ngr"
done
