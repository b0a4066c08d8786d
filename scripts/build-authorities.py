#!/usr/bin/env python3
"""Build Assumptions/authorities.csv, the 339 councils of England and Wales, from shared data.

Usage (from the repository root):

    python3 scripts/build-authorities.py [SOURCE_CSV] [--mid2023 PARTIAL_CSV] [--out OUTPUT_CSV]

SOURCE_CSV defaults to ../shared/data/local_authorities_england_wales.csv and PARTIAL_CSV to
population_mid2023_mid2024_partial_pa.csv in the same folder (see ../shared/data/PROVENANCE.md for
where both come from). The output is plain RFC 4180 CSV (header line first, no comment lines,
LF line ends) so that Excel opens it; sources and licences live in the sidecar
Assumptions/authorities.SOURCES.md.

The script only reshapes and checks: it renames columns, maps the mySociety tier names to the
toolkit's, labels each population figure with how sure it is, and refuses to write anything if
the counts the model relies on (339 rows, 7 tiers, 43 police force areas, counties equal to the
sum of their districts) do not hold. Python 3 standard library only.
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
DEFAULT_MID2023_NAME = "population_mid2023_mid2024_partial_pa.csv"
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

# Unitaries created on 1 April 2023, after the mid-2020 estimate: mySociety gives them the sum of
# their predecessor districts' mid-2020 figures.
SUMMED_PREDECESSORS = {
    "E06000063",  # Cumberland
    "E06000064",  # Westmorland and Furness
    "E06000065",  # North Yorkshire
    "E06000066",  # Somerset
}

POPULATION_YEAR = 2020
STATUS_DIRECT = "ons_mid2020_via_mysociety"
STATUS_PREDECESSORS = "ons_mid2020_via_mysociety_sum_of_predecessor_districts"
STATUS_COUNTY = "derived_sum_of_districts_ons_mid2020"

OUTPUT_COLUMNS = [
    "code", "name", "official_name", "tier", "nation", "region",
    "county_code", "county", "police_force_area_code", "police_force_area",
    "population", "population_year", "population_status", "has_msc",
    "population_mid2023_where_known",
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


def read_mid2023(path, names_by_key):
    """Mid-2023 populations keyed by GSS code for the authorities the partial PA list names."""
    if not os.path.exists(path):
        print(f"build-authorities: {path} not found; population_mid2023_where_known left blank",
              file=sys.stderr)
        return {}
    result = {}
    for number, row in enumerate(read_csv(path), start=2):
        printed = row["la_name_as_printed"]
        code = names_by_key.get(name_key(printed))
        if code is None:
            fail(f"{path}:{number}: la_name_as_printed: no authority is named {printed!r}")
        value = row["pop_mid2023"].strip()
        if not value.isdigit() or int(value) <= 0:
            fail(f"{path}:{number}: pop_mid2023: expected a positive whole number, found {value!r}")
        result[code] = int(value)
    return result


def build(source_rows, mid2023_path):
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
        population = src["pop_mid2020_est"].strip()
        if not population.isdigit() or int(population) <= 0:
            fail(f"line {number}: pop_mid2020_est: expected a positive whole number, found {population!r}")
        if tier == "county":
            status = STATUS_COUNTY
        elif code in SUMMED_PREDECESSORS:
            status = STATUS_PREDECESSORS
        else:
            status = STATUS_DIRECT
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
            "population": int(population),
            "population_year": POPULATION_YEAR,
            "population_status": status,
            # The report does not name the ~9 authorities with a coordinator: scenarios choose them.
            "has_msc": "false",
            "population_mid2023_where_known": "",
        })

    fix_county_regions(rows)

    names_by_key = {name_key(r["name"]): r["code"] for r in rows}
    mid2023 = read_mid2023(mid2023_path, names_by_key)
    for row in rows:
        if row["code"] in mid2023:
            row["population_mid2023_where_known"] = mid2023[row["code"]]

    rows.sort(key=lambda r: r["code"])
    check(rows)
    return rows, len(mid2023)


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
            district_sums[r["county_code"]] += r["population"]
    for r in rows:
        if r["tier"] == "county" and district_sums[r["code"]] != r["population"]:
            fail(f"{r['name']}: county population {r['population']} is not the sum of its districts "
                 f"({district_sums[r['code']]})")


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
    parser.add_argument("--mid2023", default=None,
                        help=f"partial mid-2023 populations (default: {DEFAULT_MID2023_NAME} beside SOURCE)")
    parser.add_argument("--out", default=DEFAULT_OUT, help="output CSV (default: %(default)s)")
    args = parser.parse_args()

    mid2023_path = args.mid2023 or os.path.join(os.path.dirname(os.path.abspath(args.source)),
                                                DEFAULT_MID2023_NAME)
    rows, mid2023_count = build(read_csv(args.source), mid2023_path)
    text = render(rows)

    # Write atomically: a failed run leaves the previous table in place.
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    temporary = args.out + ".tmp"
    with open(temporary, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)
    os.replace(temporary, args.out)

    lower_tier = sum(r["population"] for r in rows if r["tier"] != "county")
    print(f"wrote {args.out}: {len(rows)} authorities, population (mid-{POPULATION_YEAR}, "
          f"excluding counties) {lower_tier:,}, mid-2023 figure known for {mid2023_count}")


if __name__ == "__main__":
    main()
