#!/usr/bin/env python3
"""Generate rules/gazetteer/places_iso.tsv and rules/gazetteer/demonyms.tsv.

Source data: Debian package `iso-codes` (LGPL-2.1-or-later),
  /usr/share/iso-codes/json/iso_3166-1.json  (countries)
  /usr/share/iso-codes/json/iso_3166-2.json  (subdivisions)
plus the hand-written tables below (project's own).

Python 3 standard library only.  Deterministic and idempotent: the output
depends only on the iso-codes JSON, the tables in this file and the
hand-curated gazetteers in rules/gazetteer/ (whose names are "reserved": a
generated subdivision name that equals a hand-curated name, e.g. the city
Baghdad vs. the governorate Baghdād, is dropped from the subdivision).

Collision policy (all reported on stderr):
  * country beats subdivision and hand-curated names beat subdivisions;
  * a name shared by two or more subdivisions is dropped from all of them,
    unless the hand table below assigns it to one of them explicitly or
    exactly one of them lies in the most prominent country among them
    (MAJOR_COUNTRIES: Florida is the US state, not the Uruguayan department);
  * outside MAJOR_COUNTRIES, a subdivision name that is also a given name
    (rules/gazetteer/given_names.tsv: Mary, Turkmenistan) is dropped;
  * a subdivision whose canonical name had to be dropped gets a
    disambiguated canonical "Name (type, Country)", which never matches text
    by accident, and keeps its other names;
  * subdivision names that are common English words are dropped.

Usage:  python3 rules/sources/build_places.py [--iso-dir DIR] [--out-dir DIR]
Then:   python3 rules/sources/check_gazetteers.py
"""
import argparse
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.normpath(os.path.join(HERE, "..", "gazetteer"))
DEFAULT_ISO = "/usr/share/iso-codes/json"
GENERATED = ("places_iso.tsv", "demonyms.tsv")
HEADER = "#id\ttype\tcanonical\taliases\tsubtype\texternal_id\tpriority\tflags"

# ---------------------------------------------------------------------------
# Countries: canonical overrides and extra aliases (English short forms).
# ---------------------------------------------------------------------------
COUNTRY_CANONICAL = {
    "RU": "Russia", "CZ": "Czech Republic", "TR": "Turkey",
    "CD": "Democratic Republic of the Congo", "CG": "Republic of the Congo",
    "PS": "Palestine", "VA": "Vatican City", "FK": "Falkland Islands",
    "CI": "Ivory Coast", "CV": "Cape Verde", "BN": "Brunei",
    "MF": "Saint Martin", "SX": "Sint Maarten", "CC": "Cocos Islands",
    "VG": "British Virgin Islands", "VI": "U.S. Virgin Islands",
    "MK": "North Macedonia", "FM": "Micronesia", "KR": "South Korea",
    "KP": "North Korea", "SH": "Saint Helena",
}
COUNTRY_ALIASES = {
    "US": ["US", "U.S.", "USA", "U.S.A.", "America", "United States of America",
           "U.S.A"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain",
           "United Kingdom of Great Britain and Northern Ireland"],
    "RU": ["Russian Federation", "Rossiya", "Rossiyskaya Federatsiya"],
    "SY": ["Syrian Arab Republic"],
    "IR": ["Islamic Republic of Iran", "Persia"],
    "KR": ["Republic of Korea", "ROK", "S. Korea"],
    "KP": ["DPRK", "N. Korea"],
    "VN": ["Viet Nam", "Vietnam"],
    "BO": ["Bolivia"], "TZ": ["Tanzania"], "VE": ["Venezuela"],
    "MD": ["Moldova", "Republic of Moldova", "Moldavia"],
    "LA": ["Laos", "Lao PDR"],
    "CZ": ["Czechia"],
    "TR": ["Türkiye", "Republic of Turkey"],
    "CD": ["DR Congo", "DRC", "D.R. Congo", "Congo-Kinshasa",
           "Democratic Republic of Congo"],
    "CG": ["Congo-Brazzaville", "Republic of Congo", "Congo"],
    "PS": ["State of Palestine", "Palestinian Territories",
           "Occupied Palestinian Territories", "Palestinian territories"],
    "VA": ["Vatican", "Holy See"],
    "FK": ["Falklands", "Malvinas", "Falkland Islands (Malvinas)"],
    "CI": ["Côte d'Ivoire"], "CV": ["Cabo Verde"],
    "SZ": ["Swaziland"], "MM": ["Burma"], "TL": ["East Timor"],
    "NL": ["Holland", "Kingdom of the Netherlands"],
    "MK": ["Macedonia", "Former Yugoslav Republic of Macedonia", "FYROM"],
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "BA": ["Bosnia", "Bosnia-Herzegovina"],
    "CN": ["PRC", "People's Republic of China", "Mainland China"],
    "TW": ["Republic of China"],
    "KG": ["Kirghizia", "Kyrgyz Republic", "Kirgizia"],
    "BY": ["Byelorussia", "Belorussia"],
    "KZ": ["Kazakstan"],
    "TM": ["Turkmenia"],
    "TJ": ["Tadjikistan"],
    "DE": ["Federal Republic of Germany"],
    "SA": ["Kingdom of Saudi Arabia", "KSA"],
    "VI": ["US Virgin Islands", "Virgin Islands, U.S."],
    "VG": ["Virgin Islands, British"],
    "MO": ["Macau"],
    "HK": ["Hong Kong SAR"],
    "SS": ["Republic of South Sudan"],
    "GE": ["Republic of Georgia", "Sakartvelo"],
    "IE": ["Republic of Ireland", "Eire"],
    "LY": ["Libyan Arab Jamahiriya"],
    "BS": ["Bahamas"], "GM": ["Gambia"],
    "PH": ["Philippines"],
    "MV": ["Maldives"],
    "CH": ["Swiss Confederation"],
    "DO": ["Dominican Republic"],
}
# Names never used as a country alias (ambiguous between two countries).
COUNTRY_NO_ALIAS = {"Korea", "Virgin Islands"}
# Aliases deliberately NOT given although common: "Korea" (North or South?),
# "CAR" (Central African Republic; a word in caps).  "Georgia" is the country
# only (the US state gets a qualified canonical).

# ---------------------------------------------------------------------------
# Subdivisions: English canonical overrides (code -> (canonical, [aliases])).
# The ISO name itself is kept as an alias.  A name given here wins over an
# identical name of another subdivision.
# ---------------------------------------------------------------------------
def _oblast(stem, *extra, kind="Oblast"):
    forms = [f"{stem} {kind}", f"{stem} {kind.lower()}", f"{stem} region",
             f"{stem} Region"]
    if kind == "Krai":
        forms += [f"{stem} Territory", f"{stem} Kray"]
    return (f"{stem} {kind}", forms[1:] + list(extra))


SUBDIV_EN = {
    # --- Russia -----------------------------------------------------------
    "RU-AD": ("Adygea", ["Adygeya", "Republic of Adygea", "Adygeya Republic"]),
    "RU-AL": ("Altai Republic", ["Altay Republic", "Gorno-Altai"]),
    "RU-ALT": _oblast("Altai", "Altay Krai", kind="Krai"),
    "RU-AMU": _oblast("Amur"),
    "RU-ARK": _oblast("Arkhangelsk"),
    "RU-AST": _oblast("Astrakhan"),
    "RU-BA": ("Bashkortostan", ["Bashkiria", "Republic of Bashkortostan"]),
    "RU-BEL": _oblast("Belgorod"),
    "RU-BRY": _oblast("Bryansk"),
    "RU-BU": ("Buryatia", ["Buryatiya", "Republic of Buryatia"]),
    "RU-CE": ("Chechnya", ["Chechen Republic", "Chechnia", "Chechenia",
                           "Republic of Chechnya", "Chechen Republic of Ichkeria",
                           "Ichkeria"]),
    "RU-CHE": _oblast("Chelyabinsk"),
    "RU-CHU": ("Chukotka", ["Chukotka Autonomous Okrug", "Chukotka region"]),
    "RU-CU": ("Chuvashia", ["Chuvash Republic", "Chuvashiya"]),
    "RU-DA": ("Dagestan", ["Daghestan", "Republic of Dagestan",
                           "Dagestan Republic", "Dagestan republic"]),
    "RU-IN": ("Ingushetia", ["Ingushetiya", "Republic of Ingushetia",
                             "Ingushetia Republic"]),
    "RU-IRK": _oblast("Irkutsk"),
    "RU-IVA": _oblast("Ivanovo"),
    "RU-KAM": _oblast("Kamchatka", "Kamchatka", kind="Krai"),
    "RU-KB": ("Kabardino-Balkaria", ["Kabardino-Balkarian Republic",
                                     "Kabardino-Balkariya", "Kabardino Balkaria"]),
    "RU-KC": ("Karachay-Cherkessia", ["Karachayevo-Cherkessia",
                                      "Karachai-Cherkessia",
                                      "Karachay-Cherkess Republic"]),
    "RU-KDA": _oblast("Krasnodar", "Kuban", kind="Krai"),
    "RU-KEM": _oblast("Kemerovo", "Kuzbass"),
    "RU-KGD": _oblast("Kaliningrad"),
    "RU-KGN": _oblast("Kurgan"),
    "RU-KHA": _oblast("Khabarovsk", kind="Krai"),
    "RU-KHM": ("Khanty-Mansi Autonomous Okrug", ["Khanty-Mansiysk Autonomous Okrug",
                                                 "Yugra", "Ugra"]),
    "RU-KIR": _oblast("Kirov"),
    "RU-KK": ("Khakassia", ["Khakasia", "Republic of Khakassia"]),
    "RU-KL": ("Kalmykia", ["Kalmykiya", "Republic of Kalmykia"]),
    "RU-KLU": _oblast("Kaluga"),
    "RU-KO": ("Komi Republic", ["Komi"]),
    "RU-KOS": _oblast("Kostroma"),
    "RU-KR": ("Karelia", ["Republic of Karelia", "Kareliya"]),
    "RU-KRS": _oblast("Kursk"),
    "RU-KYA": _oblast("Krasnoyarsk", kind="Krai"),
    "RU-LEN": _oblast("Leningrad"),
    "RU-LIP": _oblast("Lipetsk"),
    "RU-MAG": _oblast("Magadan"),
    "RU-ME": ("Mari El", ["Mari El Republic", "Republic of Mari El"]),
    "RU-MO": ("Mordovia", ["Mordoviya", "Republic of Mordovia"]),
    "RU-MOS": _oblast("Moscow", "Moscow Province", "Podmoskovye"),
    "RU-MOW": ("Moscow", ["Moskva"]),
    "RU-MUR": _oblast("Murmansk"),
    "RU-NEN": ("Nenets Autonomous Okrug", ["Nenetsia"]),
    "RU-NGR": _oblast("Novgorod"),
    "RU-NIZ": _oblast("Nizhny Novgorod"),
    "RU-NVS": _oblast("Novosibirsk"),
    "RU-OMS": _oblast("Omsk"),
    "RU-ORE": _oblast("Orenburg"),
    "RU-ORL": _oblast("Oryol", "Orel Oblast", "Orel region"),
    "RU-PER": _oblast("Perm", kind="Krai"),
    "RU-PNZ": _oblast("Penza"),
    "RU-PRI": _oblast("Primorsky", "Primorye", "Primorsky Territory", kind="Krai"),
    "RU-PSK": _oblast("Pskov"),
    "RU-ROS": _oblast("Rostov"),
    "RU-RYA": _oblast("Ryazan"),
    "RU-SA": ("Sakha Republic", ["Yakutia", "Sakha", "Yakutiya",
                                 "Republic of Sakha"]),
    "RU-SAK": _oblast("Sakhalin"),
    "RU-SAM": _oblast("Samara"),
    "RU-SAR": _oblast("Saratov"),
    "RU-SE": ("North Ossetia", ["North Ossetia-Alania", "North Ossetia–Alania",
                                "Republic of North Ossetia-Alania",
                                "Northern Ossetia"]),
    "RU-SMO": _oblast("Smolensk"),
    "RU-SPE": ("St. Petersburg", ["Saint Petersburg", "St Petersburg",
                                  "Sankt-Peterburg", "St.Petersburg",
                                  "Petersburg", "Leningrad"]),
    "RU-STA": _oblast("Stavropol", kind="Krai"),
    "RU-SVE": _oblast("Sverdlovsk"),
    "RU-TA": ("Tatarstan", ["Republic of Tatarstan", "Tatarstan Republic"]),
    "RU-TAM": _oblast("Tambov"),
    "RU-TOM": _oblast("Tomsk"),
    "RU-TUL": _oblast("Tula"),
    "RU-TVE": _oblast("Tver"),
    "RU-TY": ("Tuva", ["Tyva", "Tuva Republic", "Republic of Tuva"]),
    "RU-TYU": _oblast("Tyumen"),
    "RU-UD": ("Udmurtia", ["Udmurt Republic", "Udmurtiya"]),
    "RU-ULY": _oblast("Ulyanovsk"),
    "RU-VGG": _oblast("Volgograd"),
    "RU-VLA": _oblast("Vladimir"),
    "RU-VLG": _oblast("Vologda"),
    "RU-VOR": _oblast("Voronezh"),
    "RU-YAN": ("Yamalo-Nenets Autonomous Okrug", ["Yamal-Nenets Autonomous Okrug",
                                                  "Yamalo-Nenets", "Yamal"]),
    "RU-YAR": _oblast("Yaroslavl"),
    "RU-YEV": ("Jewish Autonomous Oblast", ["Jewish Autonomous Region", "Birobidzhan region"]),
    "RU-ZAB": _oblast("Zabaykalsky", "Transbaikalia", "Trans-Baikal Territory",
                      kind="Krai"),
    # --- Ukraine ----------------------------------------------------------
    "UA-30": ("Kyiv", ["Kiev"]),
    "UA-40": ("Sevastopol", ["Sebastopol", "Sevastopol'"]),
    "UA-43": ("Crimea", ["Autonomous Republic of Crimea", "Crimean Peninsula",
                         "Republic of Crimea", "Krym"]),
    "UA-05": _oblast("Vinnytsia", "Vinnitsa region"),
    "UA-07": _oblast("Volyn"),
    "UA-09": _oblast("Luhansk", "Lugansk region", "Lugansk Oblast"),
    "UA-12": _oblast("Dnipropetrovsk", "Dnepropetrovsk region"),
    "UA-14": _oblast("Donetsk"),
    "UA-18": _oblast("Zhytomyr", "Zhitomir region"),
    "UA-21": _oblast("Zakarpattia", "Transcarpathia", "Zakarpattia region"),
    "UA-23": _oblast("Zaporizhzhia", "Zaporozhye region"),
    "UA-26": _oblast("Ivano-Frankivsk"),
    "UA-32": _oblast("Kyiv", "Kiev region", "Kiev Oblast"),
    "UA-35": _oblast("Kirovohrad"),
    "UA-46": _oblast("Lviv", "Lvov region"),
    "UA-48": _oblast("Mykolaiv", "Nikolaev region"),
    "UA-51": _oblast("Odesa", "Odessa region", "Odessa Oblast"),
    "UA-53": _oblast("Poltava"),
    "UA-56": _oblast("Rivne"),
    "UA-59": _oblast("Sumy"),
    "UA-61": _oblast("Ternopil"),
    "UA-63": _oblast("Kharkiv", "Kharkov region"),
    "UA-65": _oblast("Kherson"),
    "UA-68": _oblast("Khmelnytskyi"),
    "UA-71": _oblast("Cherkasy"),
    "UA-74": _oblast("Chernihiv"),
    "UA-77": _oblast("Chernivtsi"),
    # --- Caucasus / Central Asia / Belarus / Moldova -----------------------
    "GE-AB": ("Abkhazia", ["Abkhaziya", "Republic of Abkhazia"]),
    "GE-AJ": ("Adjara", ["Ajaria", "Adjaria"]),
    "GE-KA": ("Kakheti", []),
    "AZ-NX": ("Nakhchivan", ["Nakhchivan Autonomous Republic", "Nakhichevan"]),
    "MD-GA": ("Gagauzia", ["Gagauz Autonomous Territorial Unit"]),
    "MD-SN": ("Transnistria (ISO territorial unit)", []),
    "KZ-VOS": ("East Kazakhstan Region", ["East Kazakhstan"]),
    "KZ-SEV": ("North Kazakhstan Region", ["North Kazakhstan"]),
    "KZ-ZAP": ("West Kazakhstan Region", ["West Kazakhstan"]),
    "UZ-QR": ("Karakalpakstan", ["Republic of Karakalpakstan"]),
    "TJ-GB": ("Gorno-Badakhshan", ["Gorno-Badakhshan Autonomous Region"]),
    "KG-C": ("Chuy Region", ["Chui Region", "Chuy region"]),
    "KG-J": ("Jalal-Abad Region", ["Jalal-Abad region"]),
    "KG-Y": ("Issyk-Kul Region", ["Issyk-Kul region"]),
    # --- China ------------------------------------------------------------
    "CN-XZ": ("Tibet", ["Tibet Autonomous Region", "Xizang"]),
    "CN-XJ": ("Xinjiang", ["Xinjiang Uyghur Autonomous Region",
                           "Xinjiang Uighur Autonomous Region"]),
    "CN-NM": ("Inner Mongolia", ["Nei Mongol"]),
    "CN-GX": ("Guangxi", []), "CN-NX": ("Ningxia", []),
    # --- Middle East / South Asia -------------------------------------------
    "IQ-AN": ("Anbar", ["Anbar Province", "Anbar province", "Al Anbar"]),
    "IQ-SD": ("Salahuddin", ["Salahuddin Province", "Salah ad-Din",
                             "Salahuddin province", "Salah al-Din"]),
    "IQ-NI": ("Nineveh", ["Nineveh Province", "Nineveh province", "Ninawa"]),
    "IQ-DI": ("Diyala", ["Diyala Province", "Diyala province"]),
    "SY-RD": ("Rif Dimashq", ["Damascus countryside", "Rural Damascus",
                              "Rif Dimashq Governorate"]),
    "SY-DY": ("Deir ez-Zor Governorate", ["Deir ez-Zor province",
                                          "Deir al-Zor province"]),
    "SY-HA": ("Hasakah", ["Hasakah Governorate", "Hasakah province", "Hasaka"]),
    "PK-KP": ("Khyber Pakhtunkhwa", ["Khyber-Pakhtunkhwa",
                                     "North-West Frontier Province", "NWFP"]),
    "PK-BA": ("Balochistan", ["Baluchistan"]),
    "PK-GB": ("Gilgit-Baltistan", []),
    "IN-JK": ("Jammu and Kashmir", []),
    "AF-HEL": ("Helmand", ["Helmand Province", "Helmand province"]),
    "AF-KAN": ("Kandahar Province", ["Kandahar province"]),
    # --- Europe -----------------------------------------------------------
    "GB-WLS": ("Wales", ["Cymru"]),
    "DE-BY": ("Bavaria", ["Bayern"]), "DE-NI": ("Lower Saxony", ["Niedersachsen"]),
    "DE-NW": ("North Rhine-Westphalia", ["Nordrhein-Westfalen"]),
    "DE-HE": ("Hesse", ["Hessen"]), "DE-SN": ("Saxony", ["Sachsen"]),
    "DE-TH": ("Thuringia", ["Thüringen"]), "DE-ST": ("Saxony-Anhalt", []),
    "DE-RP": ("Rhineland-Palatinate", []),
    "DE-MV": ("Mecklenburg-Western Pomerania", ["Mecklenburg-Vorpommern"]),
    "FR-20R": ("Corsica", ["Corse"]), "FR-BRE": ("Brittany", ["Bretagne"]),
    "FR-NOR": ("Normandy", ["Normandie"]), "FR-IDF": ("Île-de-France", []),
    "FR-NC": ("New Caledonia", ["Nouvelle-Calédonie"]),
    "FR-PF": ("French Polynesia (collectivity)", []),
    "IT-82": ("Sicily", ["Sicilia"]), "IT-88": ("Sardinia", ["Sardegna"]),
    "IT-25": ("Lombardy", ["Lombardia"]), "IT-52": ("Tuscany", ["Toscana"]),
    "IT-21": ("Piedmont", ["Piemonte"]),
    "ES-CT": ("Catalonia", ["Catalunya", "Cataluña"]),
    "ES-AN": ("Andalusia", ["Andalucía"]),
    "ES-PV": ("Basque Country", ["País Vasco", "Euskadi"]),
    "BE-BRU": ("Brussels-Capital Region", ["Brussels Capital Region"]),
    "BE-VLG": ("Flanders", ["Vlaams Gewest"]), "BE-WAL": ("Wallonia", []),
    # --- United States ---------------------------------------------------
    "US-WA": ("Washington (state, United States)", ["Washington State",
                                                    "Washington state"]),
    "US-NY": ("New York (state, United States)", ["New York State",
                                                  "New York state"]),
    "US-GA": ("Georgia (U.S. state)", []),
    "US-DC": ("District of Columbia", []),
    # --- generic-looking but well-known names kept on purpose -------------
    "AU-NT": ("Northern Territory", []),
    "CA-NT": ("Northwest Territories", []),
    "PK-PB": ("Punjab", ["Punjab province"]),
    "IN-PB": ("Punjab (state, India)", ["Indian Punjab"]),
}

# Ordinary English words (and generic compass/administrative words) that
# appear as ISO subdivision names.  Checked case-insensitively on the whole
# name after diacritics are stripped.  Derived once by hand from a word list;
# kept here so the script needs nothing but iso-codes.
COMMON_WORDS = {
    "encamp", "cascades", "cascade", "est", "ruse", "littoral", "mono",
    "plateau", "plateaux", "acre", "central", "southern", "northern",
    "eastern", "western", "pool", "east", "north", "west", "south", "meta",
    "most", "mascara", "lot", "var", "bury", "harrow", "reading", "slough",
    "highland", "nip", "pest", "saga", "canaries", "bar", "lib", "chin",
    "male", "delta", "rivers", "gulf", "antique", "ascension", "grad",
    "bay", "lakes", "unity", "van", "coast", "lira", "midlands", "pita",
    "bong", "bled", "derby", "savannah", "centre", "center", "capital",
    "islands", "island", "river", "lake", "mountain", "valley", "upper",
    "lower", "mid", "far", "interior", "atlantic", "pacific", "orange",
    "nord", "sud", "ouest", "norte", "sur", "oriental", "occidental",
    "centro", "ash", "liberty", "union", "victoria", "hope", "grace",
    "may", "page", "bath", "wells", "hull",
}
# Names made only of these tokens are generic ("North East", "Upper West").
GENERIC_TOKENS = {
    "north", "south", "east", "west", "northern", "southern", "eastern",
    "western", "central", "upper", "lower", "middle", "mid", "far", "capital",
    "national", "region", "province", "district", "coast", "river", "bank",
    "highlands", "islands", "island", "territory", "territories", "northwest",
    "northeast", "southwest", "southeast", "mountain", "lakes", "plateau",
    "city", "and", "of", "the", "area", "municipality", "lake", "sea", "red",
    "new", "black", "grand", "port", "saint", "st.", "bay", "point", "town",
}

# Countries whose subdivisions news mentions most, most prominent first.
MAJOR_COUNTRIES = ["US", "GB", "CA", "AU", "IN", "RU", "CN", "DE", "FR", "IT",
                   "ES", "JP", "BR", "MX", "UA", "IE", "NZ", "ZA", "PK", "NG"]

APOS = {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u02bb": "'", "`": "'"}


def norm(s):
    """Matching key: diacritics stripped, apostrophes unified, spaces squeezed."""
    s = "".join(APOS.get(c, c) for c in s)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(s.split())


def tsv_clean(s):
    return s.replace("\t", " ").replace("\n", " ").strip()


def strip_qualifiers(name):
    """'Bolivia, Plurinational State of' -> 'Bolivia';
    'Wales [Cymru GB-CYM]' -> 'Wales'; 'Guyane (française)' -> 'Guyane'."""
    n = re.sub(r"\s*\[[^\]]*\]", "", name)
    n = re.sub(r"\s*\([^)]*\)", "", n)
    if ", " in n:
        n = n.split(", ")[0]
    return " ".join(n.split())


def slug_ascii(s):
    s = norm(s).lower()
    return re.sub(r"[^a-z0-9]+", "_", s).strip("_")


def read_reserved(out_dir):
    """Names used by hand-curated gazetteers (all *.tsv we do not generate)."""
    reserved = {}
    if not os.path.isdir(out_dir):
        return reserved
    for fn in sorted(os.listdir(out_dir)):
        if not fn.endswith(".tsv") or fn in GENERATED or fn == "given_names.tsv":
            continue
        with open(os.path.join(out_dir, fn), encoding="utf-8") as f:
            for line in f:
                line = line.rstrip("\n")
                if not line.strip() or line.startswith("#"):
                    continue
                cols = line.split("\t")
                if len(cols) < 3:
                    continue
                names = [cols[2]] + (cols[3].split("|") if len(cols) > 3 and cols[3] else [])
                for n in names:
                    if n.strip():
                        reserved.setdefault(norm(n), cols[0])
    return reserved


def uniq(seq):
    seen, out = set(), []
    for x in seq:
        x = tsv_clean(x)
        if x and norm(x) not in seen:
            seen.add(norm(x))
            out.append(x)
    return out


def log(msg):
    print(msg, file=sys.stderr)


def build_countries(iso1):
    countries = []
    for c in sorted(iso1, key=lambda x: x["alpha_2"]):
        code = c["alpha_2"]
        base = strip_qualifiers(c.get("common_name") or c["name"])
        canonical = COUNTRY_CANONICAL.get(code, base)
        names = [canonical, base, strip_qualifiers(c["name"])]
        off = c.get("official_name")
        if off:
            off = re.sub(r"^the ", "", off)
            names.append(off)
        names += COUNTRY_ALIASES.get(code, [])
        names = [n for n in uniq(names)
                 if ("," not in n or code in ("VI", "VG")) and n not in COUNTRY_NO_ALIAS]
        countries.append({"id": f"place.{code}", "code": code,
                          "names": names, "subtype": "country"})
    return countries


def subdivision_names(s, country_name):
    code = s["code"]
    iso_name = tsv_clean(s["name"])
    short = strip_qualifiers(iso_name)
    forced = []
    if code in SUBDIV_EN:
        canon, aliases = SUBDIV_EN[code]
        forced = [canon] + list(aliases)
        names = uniq(forced + [iso_name, short])
    else:
        names = uniq([iso_name, short])
    # ", Respublika" style names: also offer "Respublika X"?  No: only the
    # stem (handled by strip_qualifiers) is useful.
    names = [n for n in names if "[" not in n]
    return names, set(norm(n) for n in forced)


def is_common(name):
    key = norm(name).lower()
    if key in COMMON_WORDS:
        return True
    toks = [t for t in re.split(r"[\s\-]+", key) if t]
    return bool(toks) and all(t in GENERIC_TOKENS for t in toks)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--iso-dir", default=DEFAULT_ISO)
    ap.add_argument("--out-dir", default=DEFAULT_OUT)
    args = ap.parse_args()

    with open(os.path.join(args.iso_dir, "iso_3166-1.json"), encoding="utf-8") as f:
        iso1 = json.load(f)["3166-1"]
    with open(os.path.join(args.iso_dir, "iso_3166-2.json"), encoding="utf-8") as f:
        iso2 = json.load(f)["3166-2"]

    reserved = read_reserved(args.out_dir)
    for target, forms in DEMONYMS:
        for f_ in forms:
            reserved.setdefault(norm(f_), "demonym." + target.split(".", 1)[1])
    countries = build_countries(iso1)
    cname = {c["code"]: c["names"][0] for c in countries}

    # ---- country names registry -------------------------------------------
    owner = {}  # norm(name) -> id
    for c in countries:
        kept = []
        for n in c["names"]:
            k = norm(n)
            if k in owner and owner[k] != c["id"]:
                log(f"DROP country alias {n!r} of {c['id']}: already {owner[k]}")
                continue
            if k in reserved:
                log(f"WARN country name {n!r} of {c['id']} also in hand-curated "
                    f"{reserved[k]} (country kept; fix the hand file)")
            owner[k] = c["id"]
            kept.append(n)
        c["names"] = kept

    # ---- subdivisions -------------------------------------------------------
    subs = []
    for s in sorted(iso2, key=lambda x: x["code"]):
        code = s["code"]
        cc = code.split("-")[0]
        names, forced = subdivision_names(s, cname.get(cc, cc))
        subs.append({"id": f"place.{code}", "code": code, "cc": cc,
                     "type": s["type"], "iso_name": tsv_clean(s["name"]),
                     "names": names, "forced": forced,
                     "parent": s.get("parent")})

    # Subdivisions that duplicate an ISO 3166-1 country (US-PR = PR, CN-HK = HK,
    # FR-RE = RE ...) are dropped as a whole.
    kept_subs = []
    for s in subs:
        suffix = s["code"].split("-", 1)[1]
        dup_country = None
        for n in s["names"]:
            o = owner.get(norm(n))
            if o and (o == f"place.{suffix}" or norm(n) == norm(cname.get(suffix, "\0"))):
                dup_country = o
        if dup_country:
            log(f"DROP subdivision {s['code']} {s['iso_name']!r}: duplicates country {dup_country}")
            continue
        kept_subs.append(s)
    subs = kept_subs

    # Count names over subdivisions (explicitly assigned names win).
    count = {}
    forced_owner = {}
    for s in subs:
        for n in s["names"]:
            count.setdefault(norm(n), set()).add(s["id"])
        for k in s["forced"]:
            forced_owner.setdefault(k, s["id"])

    # Shared names go to the one subdivision in the most prominent country.
    rank = {cc: i for i, cc in enumerate(MAJOR_COUNTRIES)}
    cc_of = {s["id"]: s["cc"] for s in subs}
    top_level = {s["id"] for s in subs if not s["parent"]}
    for k, ids in count.items():
        if len(ids) < 2 or k in forced_owner:
            continue
        ranked = sorted((rank.get(cc_of[i], 999), i) for i in ids if i in top_level)
        if ranked and ranked[0][0] < 999 and (len(ranked) == 1 or ranked[1][0] > ranked[0][0]):
            forced_owner[k] = ranked[0][1]
            log(f"ASSIGN shared name {k!r} to {ranked[0][1]} (most prominent country)")

    given = set()
    given_path = os.path.join(args.out_dir, "given_names.tsv")
    if os.path.exists(given_path):
        with open(given_path, encoding="utf-8") as f:
            given = {norm(l.split("\t")[2]) for l in f if l.strip() and not l.startswith("#")}

    for s in subs:
        kept = []
        for n in s["names"]:
            k = norm(n)
            why = None
            if k in s["forced"] and forced_owner.get(k) == s["id"]:
                if k in owner:
                    why = f"is the country {owner[k]}"
                elif k in reserved:
                    why = f"is hand-curated {reserved[k]}"
            elif len(k) < 3 or re.search(r"\d", k):
                why = "too short or has digits"
            elif k in owner:
                why = f"collides with country {owner[k]}"
            elif k in reserved:
                why = f"collides with hand-curated {reserved[k]}"
            elif k in forced_owner and forced_owner[k] != s["id"]:
                why = f"assigned to {forced_owner[k]}"
            elif len(count[k]) > 1 and forced_owner.get(k) != s["id"]:
                why = "shared by " + ",".join(sorted(count[k]))
            elif k in given and s["cc"] not in rank:
                why = "is a given name"
            elif is_common(n):
                why = "common English/generic word"
            if why:
                log(f"DROP {s['id']} name {n!r}: {why}")
            else:
                kept.append(n)
        if not kept or norm(kept[0]) != norm(s["names"][0]):
            # canonical was dropped: give a qualified canonical
            qual = f"{s['names'][0]} ({s['type'].lower()}, {cname.get(s['cc'], s['cc'])})"
            if "(" in s["names"][0]:
                qual = s["names"][0]
            log(f"RENAME {s['id']} canonical -> {qual!r}")
            kept = [qual] + kept
        s["names"] = kept

    # Qualified canonicals could themselves repeat (e.g. two 'Saint John'
    # parishes in one country): append the code then.
    seen = {}
    for s in subs:
        k = norm(s["names"][0])
        if k in seen or k in owner:
            s["names"][0] = f"{s['names'][0]} [{s['code']}]"
            log(f"RENAME {s['id']} canonical -> {s['names'][0]!r} (duplicate)")
        seen[norm(s["names"][0])] = s["id"]
        for n in s["names"][1:]:
            seen.setdefault(norm(n), s["id"])

    # ---- write places_iso.tsv -------------------------------------------------
    os.makedirs(args.out_dir, exist_ok=True)
    out = os.path.join(args.out_dir, "places_iso.tsv")
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Places from ISO 3166-1 (countries) and ISO 3166-2 (subdivisions).\n")
        f.write("# GENERATED by rules/sources/build_places.py -- do not edit by hand.\n")
        f.write("# Source: Debian package iso-codes (/usr/share/iso-codes/json), "
                "licence LGPL-2.1-or-later;\n")
        f.write("# English aliases and filters: hand tables in build_places.py "
                "(project's own).\n")
        f.write(HEADER + "\n")
        for c in countries:
            f.write("\t".join([c["id"], "PLACE", c["names"][0],
                               "|".join(c["names"][1:]), "country", c["code"]]) + "\n")
        for s in subs:
            subtype = "city" if s["type"].lower() in (
                "city", "autonomous city", "capital city", "capital territory",
                "federal capital territory", "capital district") else "subdivision"
            f.write("\t".join([s["id"], "PLACE", s["names"][0],
                               "|".join(s["names"][1:]), subtype, s["code"]]) + "\n")
    log(f"wrote {out}: {len(countries)} countries, {len(subs)} subdivisions")

    # ---- demonyms --------------------------------------------------------------
    place_ids = {c["id"] for c in countries} | {s["id"] for s in subs}
    out = os.path.join(args.out_dir, "demonyms.tsv")
    n = 0
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Demonyms / nationality words -> the place they denote.\n")
        f.write("# GENERATED by rules/sources/build_places.py (hand table DEMONYMS, "
                "project's own) -- do not edit by hand.\n")
        f.write("# external_id = id of the place (ISO-based ids from places_iso.tsv, "
                "or place.region.* / place.hist.* from places_extra.tsv).\n")
        f.write(HEADER + "\n")
        used = set()
        for target, forms in DEMONYMS:
            did = "demonym." + target.split(".", 1)[1]
            if did in used:
                did = did + "." + slug_ascii(forms[0])
            used.add(did)
            if target.count(".") == 1 and target not in place_ids:
                log(f"WARN demonym {forms[0]!r} -> {target}: no such ISO place")
            f.write("\t".join([did, "DEMONYM", forms[0], "|".join(forms[1:]),
                               "nationality", target]) + "\n")
            n += 1
    log(f"wrote {out}: {n} demonyms")


# (place id, [canonical, aliases...]).  Singular adjective first.
DEMONYMS = [
    ("place.RU", ["Russian", "Russians", "Russian-born"]),
    ("place.US", ["American", "Americans", "American-born", "U.S.-born"]),
    ("place.GB", ["British", "Briton", "Britons", "Brit", "Brits"]),
    ("place.GB-ENG", ["English", "Englishman", "Englishmen", "Englishwoman"]),
    ("place.GB-SCT", ["Scottish", "Scot", "Scots", "Scotsman"]),
    ("place.GB-WLS", ["Welsh", "Welshman"]),
    ("place.IE", ["Irish", "Irishman", "Irishmen"]),
    ("place.FR", ["French", "Frenchman", "Frenchmen", "Frenchwoman"]),
    ("place.DE", ["German", "Germans"]),
    ("place.IT", ["Italian", "Italians"]),
    ("place.ES", ["Spanish", "Spaniard", "Spaniards"]),
    ("place.PT", ["Portuguese"]),
    ("place.NL", ["Dutch", "Dutchman", "Dutchmen"]),
    ("place.BE", ["Belgian", "Belgians"]),
    ("place.CH", ["Swiss"]),
    ("place.AT", ["Austrian", "Austrians"]),
    ("place.SE", ["Swedish", "Swede", "Swedes"]),
    ("place.NO", ["Norwegian", "Norwegians"]),
    ("place.DK", ["Danish", "Dane", "Danes"]),
    ("place.FI", ["Finnish", "Finn", "Finns"]),
    ("place.PL", ["Polish", "Poles"]),
    ("place.CZ", ["Czech", "Czechs"]),
    ("place.SK", ["Slovak", "Slovaks", "Slovakian"]),
    ("place.HU", ["Hungarian", "Hungarians"]),
    ("place.RO", ["Romanian", "Romanians"]),
    ("place.BG", ["Bulgarian", "Bulgarians"]),
    ("place.RS", ["Serbian", "Serb", "Serbs"]),
    ("place.HR", ["Croatian", "Croat", "Croats"]),
    ("place.BA", ["Bosnian", "Bosnians"]),
    ("place.SI", ["Slovenian", "Slovene", "Slovenians", "Slovenes"]),
    ("place.AL", ["Albanian", "Albanians"]),
    ("place.MK", ["Macedonian", "Macedonians"]),
    ("place.GR", ["Greek", "Greeks"]),
    ("place.TR", ["Turkish", "Turk", "Turks"]),
    ("place.CY", ["Cypriot", "Cypriots"]),
    ("place.UA", ["Ukrainian", "Ukrainians"]),
    ("place.BY", ["Belarusian", "Belarusians", "Belarussian", "Byelorussian"]),
    ("place.MD", ["Moldovan", "Moldovans"]),
    ("place.LT", ["Lithuanian", "Lithuanians"]),
    ("place.LV", ["Latvian", "Latvians"]),
    ("place.EE", ["Estonian", "Estonians"]),
    ("place.GE", ["Georgian", "Georgians"]),
    ("place.AM", ["Armenian", "Armenians"]),
    ("place.AZ", ["Azerbaijani", "Azerbaijanis", "Azeri", "Azeris"]),
    ("place.KZ", ["Kazakh", "Kazakhs", "Kazakhstani", "Kazakhstanis"]),
    ("place.UZ", ["Uzbek", "Uzbeks", "Uzbekistani"]),
    ("place.KG", ["Kyrgyz", "Kyrgyzstani", "Kirghiz"]),
    ("place.TJ", ["Tajik", "Tajiks", "Tajikistani"]),
    ("place.TM", ["Turkmen", "Turkmens"]),
    ("place.RU-CE", ["Chechen", "Chechens"]),
    ("place.RU-DA", ["Dagestani", "Dagestanis", "Daghestani"]),
    ("place.RU-IN", ["Ingush"]),
    ("place.RU-TA", ["Tatar", "Tatars"]),
    ("place.RU-SE", ["Ossetian", "Ossetians"]),
    ("place.RU-KB", ["Kabardian", "Kabardians", "Balkar", "Balkars"]),
    ("place.GE-AB", ["Abkhaz", "Abkhazian", "Abkhazians"]),
    ("place.UA-43", ["Crimean", "Crimeans", "Crimean Tatar", "Crimean Tatars"]),
    ("place.CN", ["Chinese"]),
    ("place.JP", ["Japanese"]),
    ("place.KR", ["South Korean", "South Koreans"]),
    ("place.KP", ["North Korean", "North Koreans"]),
    ("place.TW", ["Taiwanese"]),
    ("place.MN", ["Mongolian", "Mongolians"]),
    ("place.IN", ["Indian", "Indians"]),
    ("place.PK", ["Pakistani", "Pakistanis"]),
    ("place.AF", ["Afghan", "Afghans", "Afghani"]),
    ("place.BD", ["Bangladeshi", "Bangladeshis"]),
    ("place.LK", ["Sri Lankan", "Sri Lankans"]),
    ("place.NP", ["Nepali", "Nepalese"]),
    ("place.IR", ["Iranian", "Iranians", "Persian"]),
    ("place.IQ", ["Iraqi", "Iraqis"]),
    ("place.SY", ["Syrian", "Syrians"]),
    ("place.LB", ["Lebanese"]),
    ("place.IL", ["Israeli", "Israelis"]),
    ("place.PS", ["Palestinian", "Palestinians"]),
    ("place.JO", ["Jordanian", "Jordanians"]),
    ("place.EG", ["Egyptian", "Egyptians"]),
    ("place.LY", ["Libyan", "Libyans"]),
    ("place.TN", ["Tunisian", "Tunisians"]),
    ("place.DZ", ["Algerian", "Algerians"]),
    ("place.MA", ["Moroccan", "Moroccans"]),
    ("place.SA", ["Saudi", "Saudis", "Saudi Arabian"]),
    ("place.YE", ["Yemeni", "Yemenis"]),
    ("place.QA", ["Qatari", "Qataris"]),
    ("place.AE", ["Emirati", "Emiratis"]),
    ("place.KW", ["Kuwaiti", "Kuwaitis"]),
    ("place.BH", ["Bahraini", "Bahrainis"]),
    ("place.OM", ["Omani", "Omanis"]),
    ("place.SD", ["Sudanese"]),
    ("place.SO", ["Somali", "Somalis", "Somalian"]),
    ("place.ET", ["Ethiopian", "Ethiopians"]),
    ("place.KE", ["Kenyan", "Kenyans"]),
    ("place.NG", ["Nigerian", "Nigerians"]),
    ("place.ML", ["Malian", "Malians"]),
    ("place.ZA", ["South African", "South Africans"]),
    ("place.CA", ["Canadian", "Canadians"]),
    ("place.MX", ["Mexican", "Mexicans"]),
    ("place.BR", ["Brazilian", "Brazilians"]),
    ("place.AR", ["Argentine", "Argentinian", "Argentines", "Argentinians"]),
    ("place.CL", ["Chilean", "Chileans"]),
    ("place.CO", ["Colombian", "Colombians"]),
    ("place.VE", ["Venezuelan", "Venezuelans"]),
    ("place.CU", ["Cuban", "Cubans"]),
    ("place.PE", ["Peruvian", "Peruvians"]),
    ("place.BO", ["Bolivian", "Bolivians"]),
    ("place.EC", ["Ecuadorian", "Ecuadorians"]),
    ("place.NI", ["Nicaraguan", "Nicaraguans"]),
    ("place.AU", ["Australian", "Australians"]),
    ("place.NZ", ["New Zealander", "New Zealanders"]),
    ("place.ID", ["Indonesian", "Indonesians"]),
    ("place.MY", ["Malaysian", "Malaysians"]),
    ("place.PH", ["Filipino", "Filipinos", "Philippine"]),
    ("place.TH", ["Thai"]),
    ("place.VN", ["Vietnamese"]),
    ("place.MM", ["Burmese"]),
    ("place.SG", ["Singaporean", "Singaporeans"]),
    ("place.IS", ["Icelandic", "Icelanders"]),
    ("place.region.kurdistan", ["Kurdish", "Kurd", "Kurds"]),
    ("place.hist.soviet_union", ["Soviet", "Soviets"]),
    ("place.region.europe", ["European", "Europeans"]),
    ("place.region.west", ["Western"]),
]


if __name__ == "__main__":
    main()
