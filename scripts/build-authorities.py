#!/usr/bin/env python3
"""Build Assumptions/authorities.csv, the 339 councils of England and Wales, from shared data.

Usage (from the repository root):

    python3 scripts/build-authorities.py [SOURCE_CSV] [--population CSV] [--spot-check CSV] [--out OUTPUT_CSV]

SOURCE_CSV defaults to ../shared/data/local_authorities_england_wales.csv (names, tiers, regions,
counties, police force areas); the populations come from population_mid2024_ons.csv (ONS mid-2024
estimates for all 339 councils) in the same folder, and are spot-checked against the 32 mid-2024
figures printed by PA Media in population_mid2023_mid2024_partial_pa.csv (see
../shared/data/PROVENANCE.md for where each file comes from). The output is plain RFC 4180 CSV (header line first, no comment lines,
LF line ends) so that Excel opens it; sources and licences live in the sidecar
Assumptions/authorities.SOURCES.md.

The script only reshapes and checks: it renames columns, maps the mySociety tier names to the
toolkit's, takes every population from one ONS release (mid-2024: one year for every row, so
shares between councils never mix years), labels each figure with how sure it is, and refuses to
write anything if the counts the model relies on (339 rows, 7 tiers, 43 police force areas,
counties equal to the sum of their districts, the ONS England and Wales total) do not hold. Python 3 standard library only.
"""

import argparse
import collections
import csv
import io
import os
import re
import sys

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_SOURCE = os.path.join(REPO_ROOT, "..", "shared", "data", "local_authorities_england_wales.csv")
DEFAULT_POPULATION_NAME = "population_mid2024_ons.csv"
DEFAULT_SPOT_CHECK_NAME = "population_mid2023_mid2024_partial_pa.csv"
DEFAULT_OUT = os.path.join(REPO_ROOT, "Assumptions", "authorities.csv")

# mySociety-derived tier names in the source file -> the toolkit's AuthorityTier raw values.
TIER_MAP = {
    "county": "county",
    "district": "district",
    "unitary": "unitary",
    "metropolitan_borough": "metropolitan_borough",
    "london_borough": "london_borough",
    "city_corporation": "city_of_london",
    "welsh_principal": "welsh_principal",
}

# The counts the model and its tests rely on (PROVENANCE.md, local_authorities_england_wales.csv).
EXPECTED_TIERS = {
    "county": 21,
    "district": 164,
    "unitary": 63,
    "metropolitan_borough": 36,
    "london_borough": 32,
    "city_of_london": 1,
    "welsh_principal": 22,
}
EXPECTED_POLICE_FORCE_AREAS = 43

REGIONS = {
    "North East", "North West", "Yorkshire and The Humber", "East Midlands", "West Midlands",
    "East of England", "London", "South East", "South West", "Wales",
}

POPULATION_YEAR = 2024
POPULATION_COLUMN = f"population_mid{POPULATION_YEAR}"
# England and Wales residents at mid-2024, the total printed in the ONS bulletin "Population
# estimates for England and Wales: mid-2024" (30 July 2025): the sum over every council but the
# counties must equal it.
ONS_ENGLAND_AND_WALES_MID2024 = 61_806_682

OUTPUT_COLUMNS = [
    "code", "name", "official_name", "tier", "nation", "region",
    "county_code", "county", "police_force_area_code", "police_force_area",
    POPULATION_COLUMN, "population_status", "has_msc",
]

GSS_CODE = re.compile(r"^[EW]\d{8}$")


def fail(message):
    sys.exit("build-authorities: " + message)


def name_key(name):
    """Name as compared across sources: lower case, '&' spelled 'and', single spaces."""
    text = name.lower().replace("&", " and ")
    return " ".join(text.split())


def read_csv(path):
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            return list(csv.DictReader(handle))
    except OSError as error:
        fail(f"cannot read {path}: {error.strerror}")


def read_populations(path):
    """ONS mid-2024 populations keyed by GSS code, with the status the shared data gives each."""
    result = {}
    for number, row in enumerate(read_csv(path), start=2):
        code = row["code"].strip()
        value = row["population_mid2024"].strip()
        if not GSS_CODE.match(code):
            fail(f"{path}:{number}: code: expected a GSS code like E06000001, found {code!r}")
        if code in result:
            fail(f"{path}:{number}: code: duplicate code {code}")
        if not value.isdigit() or int(value) <= 0:
            fail(f"{path}:{number}: population_mid2024: expected a positive whole number, found {value!r}")
        status = row.get("status", "").strip()
        if not status:
            fail(f"{path}:{number}: status: expected how sure the figure is (see PROVENANCE.md), found nothing")
        result[code] = (int(value), status)
    return result


def spot_check(path, rows):
    """Compare the mid-2024 figures PA Media printed for 32 councils with the table; any
    difference stops the build. Returns how many were compared."""
    if not os.path.exists(path):
        print(f"build-authorities: {path} not found; spot check skipped", file=sys.stderr)
        return 0
    by_key = {name_key(r["name"]): r for r in rows}
    compared = 0
    for number, row in enumerate(read_csv(path), start=2):
        printed = row["la_name_as_printed"]
        match = by_key.get(name_key(printed))
        if match is None:
            fail(f"{path}:{number}: la_name_as_printed: no authority is named {printed!r}")
        value = row["pop_mid2024"].strip()
        if not value.isdigit() or int(value) != match[POPULATION_COLUMN]:
            fail(f"{path}:{number}: pop_mid2024: PA printed {value} for {printed}; "
                 f"the ONS file gives {match[POPULATION_COLUMN]}")
        compared += 1
    return compared


def build(source_rows, populations):
    rows = []
    seen = set()
    for number, src in enumerate(source_rows, start=2):
        code = src["gss_code"].strip()
        if not GSS_CODE.match(code):
            fail(f"line {number}: gss_code: expected a GSS code like E06000001, found {code!r}")
        if code in seen:
            fail(f"line {number}: gss_code: duplicate code {code}")
        seen.add(code)
        tier = TIER_MAP.get(src["tier"].strip())
        if tier is None:
            fail(f"line {number}: tier: unknown tier {src['tier']!r}")
        region = src["region"].strip()
        if region not in REGIONS:
            fail(f"line {number}: region: unknown region {region!r}")
        if code not in populations:
            fail(f"line {number}: {code}: no mid-{POPULATION_YEAR} population in the ONS file")
        population, status = populations[code]
        rows.append({
            "code": code,
            "name": src["name"].strip(),
            "official_name": src["official_name"].strip(),
            "tier": tier,
            "nation": src["nation"].strip(),
            "region": region,
            "county_code": src["county_gss_code"].strip() if tier == "district" else "",
            "county": src["county_name"].strip() if tier == "district" else "",
            "police_force_area_code": src["pfa_gss_code"].strip(),
            "police_force_area": src["pfa_name"].strip(),
            POPULATION_COLUMN: population,
            "population_status": f"ons_mid{POPULATION_YEAR}_{status}",
            # The report does not name the ~9 authorities with a coordinator: scenarios choose them.
            "has_msc": "false",
        })
    extra = sorted(set(populations) - seen)
    if extra:
        fail(f"the population file has codes not in the authority list: {', '.join(extra)}")

    fix_county_regions(rows)
    rows.sort(key=lambda r: r["code"])
    check(rows)
    return rows


def fix_county_regions(rows):
    """Give each county council the region of its districts.

    Two-tier counties lie wholly within one region, and the districts' regions in the source agree
    with ONS. The source gives two county rows a different region (Derbyshire: West Midlands;
    Lincolnshire: Yorkshire and The Humber), although ONS places both counties and all their
    districts in the East Midlands; the districts' region is used, and each change is reported.
    """
    regions = collections.defaultdict(set)
    for r in rows:
        if r["tier"] == "district":
            regions[r["county_code"]].add(r["region"])
    for r in rows:
        if r["tier"] != "county":
            continue
        found = regions.get(r["code"], set())
        if len(found) != 1:
            fail(f"{r['code']} {r['name']}: its districts are in regions {sorted(found)}; expected one")
        (region,) = found
        if r["region"] != region:
            print(f"build-authorities: {r['name']}: region {r['region']!r} -> {region!r} (the region of its districts)",
                  file=sys.stderr)
            r["region"] = region


def check(rows):
    """Refuse to write a table that breaks the counts the model relies on."""
    if len(rows) != 339:
        fail(f"expected 339 authorities, found {len(rows)}")
    tiers = collections.Counter(r["tier"] for r in rows)
    if dict(tiers) != EXPECTED_TIERS:
        fail(f"tier counts {dict(tiers)} differ from {EXPECTED_TIERS}")
    forces = {}
    for r in rows:
        if not r["police_force_area"] or not r["police_force_area_code"]:
            fail(f"{r['code']} {r['name']}: no police force area")
        previous = forces.setdefault(r["police_force_area"], r["police_force_area_code"])
        if previous != r["police_force_area_code"]:
            fail(f"police force area {r['police_force_area']} has two codes")
    if len(forces) != EXPECTED_POLICE_FORCE_AREAS:
        fail(f"expected {EXPECTED_POLICE_FORCE_AREAS} police force areas, found {len(forces)}")
    by_code = {r["code"]: r for r in rows}
    district_sums = collections.Counter()
    for r in rows:
        if r["tier"] == "district":
            county = by_code.get(r["county_code"])
            if county is None or county["tier"] != "county" or county["name"] != r["county"]:
                fail(f"{r['code']} {r['name']}: county {r['county_code']} {r['county']!r} is not a county row")
            district_sums[r["county_code"]] += r[POPULATION_COLUMN]
    for r in rows:
        if r["tier"] == "county" and district_sums[r["code"]] != r[POPULATION_COLUMN]:
            fail(f"{r['name']}: county population {r[POPULATION_COLUMN]} is not the sum of its districts "
                 f"({district_sums[r['code']]})")
    residents = sum(r[POPULATION_COLUMN] for r in rows if r["tier"] != "county")
    if residents != ONS_ENGLAND_AND_WALES_MID2024:
        fail(f"the councils other than counties hold {residents:,} residents; "
             f"expected the ONS England and Wales total {ONS_ENGLAND_AND_WALES_MID2024:,}")


def render(rows):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=OUTPUT_COLUMNS, lineterminator="\n",
                            quoting=csv.QUOTE_MINIMAL)
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def main():
    parser = argparse.ArgumentParser(description="Build Assumptions/authorities.csv from shared data.")
    parser.add_argument("source", nargs="?", default=DEFAULT_SOURCE,
                        help="local_authorities_england_wales.csv (default: %(default)s)")
    parser.add_argument("--population", default=None,
                        help=f"ONS mid-{POPULATION_YEAR} populations (default: {DEFAULT_POPULATION_NAME} beside SOURCE)")
    parser.add_argument("--spot-check", default=None,
                        help=f"PA Media's printed figures (default: {DEFAULT_SPOT_CHECK_NAME} beside SOURCE)")
    parser.add_argument("--out", default=DEFAULT_OUT, help="output CSV (default: %(default)s)")
    args = parser.parse_args()

    folder = os.path.dirname(os.path.abspath(args.source))
    population_path = args.population or os.path.join(folder, DEFAULT_POPULATION_NAME)
    spot_check_path = args.spot_check or os.path.join(folder, DEFAULT_SPOT_CHECK_NAME)
    rows = build(read_csv(args.source), read_populations(population_path))
    compared = spot_check(spot_check_path, rows)
    text = render(rows)

    # Write atomically: a failed run leaves the previous table in place.
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    temporary = args.out + ".tmp"
    with open(temporary, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)
    os.replace(temporary, args.out)

    residents = sum(r[POPULATION_COLUMN] for r in rows if r["tier"] != "county")
    print(f"wrote {args.out}: {len(rows)} authorities, residents mid-{POPULATION_YEAR} "
          f"(counties not counted twice) {residents:,}; {compared} PA Media figures agree")


if __name__ == "__main__":
    main()
