#!/usr/bin/env python3
"""Builds the boundary cases of tests/standards/<id>.csv (see README.md).

The lines and the rules are written out here by hand from /work/shared/research/vn-policy.md §1 and
§1.1, independently of config/standards/*.toml, so the cases test both the TOML files and the C++
classifier. `--check-config` also asserts that the lines below equal those in the TOML files.

    python3 tests/standards/make_cases.py                 # rewrite the CSVs
    python3 tests/standards/make_cases.py --check         # fail if a CSV differs from what it would write
    python3 tests/standards/make_cases.py --check-config  # fail if a TOML line differs from the ones below
"""
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
CONFIG = HERE.parent.parent / "config" / "standards"

D_2016 = ["d_health_access", "d_health_insurance", "d_adult_education", "d_child_schooling",
          "d_housing_quality", "d_housing_area", "d_water", "d_sanitation", "d_telecom",
          "d_info_assets"]
D_2022 = ["d_employment", "d_dependents", "d_nutrition", "d_health_insurance", "d_adult_education",
          "d_child_schooling", "d_housing_quality", "d_housing_area", "d_water", "d_sanitation",
          "d_telecom", "d_info_assets"]

# VND per person per month, (rural, urban). "From L down" includes L: I <= L * n.
STANDARDS = {
    "vn-2006-2010": dict(kind="income", deps=[],
                         lines={"poor": (200000, 260000), "near_poor": (260000, 338000)}),
    "vn-2011-2015": dict(kind="income", deps=[],
                         lines={"poor": (400000, 500000), "near_poor": (520000, 650000)}),
    "ca-mau-2011-2015-example": dict(kind="income", deps=[],
                                     lines={"poor": (480000, 600000), "near_poor": (624000, 780000)}),
    "vn-2016-2020": dict(kind="2016", deps=D_2016, dvalues=(2, 3),
                         lines={"poor": (700000, 900000), "near_poor": (1000000, 1300000),
                                "middle": (1500000, 1950000)}),
    "vn-2022-2025": dict(kind="2022", deps=D_2022, threshold=3, dvalues=(2, 3),
                         lines={"poor": (1500000, 2000000), "middle": (2250000, 3000000)}),
    "dong-nai-2022-2025": dict(kind="2022", deps=D_2022, threshold=2, dvalues=(1, 2),
                               lines={"poor": (2000000, 2500000), "middle": (3000000, 3750000)}),
}

AREAS = ("rural", "urban")
MEMBERS = (1, 3, 7)


def at_or_under(income, line, members):
    return income <= line * members  # exact: no division, no rounding


def expected(std, area, members, income, d):
    a = AREAS.index(area)
    line = {k: v[a] for k, v in std["lines"].items()}
    if std["kind"] == "income":  # QĐ 170/2005, QĐ 09/2011: income only
        if at_or_under(income, line["poor"], members):
            return "poor"
        if at_or_under(income, line["near_poor"], members):
            return "near_poor"
        return "other"
    if std["kind"] == "2016":  # QĐ 59/2015 Art. 2
        if at_or_under(income, line["poor"], members):
            return "poor"
        if at_or_under(income, line["near_poor"], members):
            return "poor" if d >= 3 else "near_poor"
        if at_or_under(income, line["middle"], members):
            return "middle"
        return "other"
    # NĐ 07/2021 Art. 3 (threshold 3); Đồng Nai (threshold 2)
    if at_or_under(income, line["poor"], members):
        return "poor" if d >= std["threshold"] else "near_poor"
    if at_or_under(income, line["middle"], members):
        return "middle"
    return "other"


def cases(std):
    """(household_id, area, members, income_month, deprivation count)."""
    out = []
    dvalues = std.get("dvalues", (None,))
    for name in std["lines"]:
        for area in AREAS:
            line = std["lines"][name][AREAS.index(area)]
            for members in MEMBERS:
                for d in dvalues:
                    for where, delta in (("on", 0), ("above", 1)):
                        out.append((name, area, members, line * members + delta, d, where))
                if members == 3:  # one đồng below, as a sanity anchor
                    out.append((name, area, 3, line * 3 - 1, dvalues[-1], "below"))
    extra = []
    # the other area's line, to catch rural and urban swapped
    for name in std["lines"]:
        for area in AREAS:
            other = std["lines"][name][1 - AREAS.index(area)]
            extra.append((name, area, 3, other * 3, dvalues[0], "other-area-line"))
    for area in AREAS:
        extra.append(("zero", area, 1, 0, dvalues[0], "income"))
        if std["deps"]:
            extra.append(("zero", area, 4, 0, 0, "income"))
            extra.append(("zero", area, 4, 0, len(std["deps"]), "income"))
            # every deprivation, income one đồng above the last line: never poor
            last = list(std["lines"])[-1]
            line = std["lines"][last][AREAS.index(area)]
            extra.append((last, area, 5, line * 5 + 1, len(std["deps"]), "above"))
            # no deprivation at the poverty line: poor for 2016-2020, near-poor for 2022-2025
            line = std["lines"]["poor"][AREAS.index(area)]
            extra.append(("poor", area, 2, line * 2, 0, "on"))
    rows = []
    for i, (name, area, members, income, d, where) in enumerate(out + extra, start=1):
        hid = f"c{i:03d}-{name}-{area}-m{members}-{where}"
        if d is not None:
            hid += f"-d{d}"
        rows.append((hid, area, members, income, d))
    return rows


def render(std_id):
    std = STANDARDS[std_id]
    deps = std["deps"]
    lines = [",".join(["household_id", "area", "members", "income_month"] + deps + ["expected_category"])]
    for n, (hid, area, members, income, d) in enumerate(cases(std)):
        flags = []
        if deps:
            # d deprivations, rotated so that every indicator is exercised
            flags = ["0"] * len(deps)
            for k in range(d):
                flags[(n + k) % len(deps)] = "1"
        cat = expected(std, area, members, income, d or 0)
        lines.append(",".join([hid, area, str(members), str(income)] + flags + [cat]))
    return "\n".join(lines) + "\n"


def check_config():
    import tomllib
    bad = 0
    for std_id, std in STANDARDS.items():
        with open(CONFIG / f"{std_id}.toml", "rb") as f:
            toml = tomllib.load(f)
        got = {k: (v["rural"], v["urban"]) for k, v in toml["lines"].items()}
        if got != std["lines"]:
            print(f"{std_id}: lines in TOML {got} != cases {std['lines']}")
            bad += 1
        ids = [d["id"] for d in toml.get("deprivations", [])]
        if ids != std["deps"]:
            print(f"{std_id}: deprivations in TOML {ids} != cases {std['deps']}")
            bad += 1
    return bad


def main(argv):
    if "--check-config" in argv:
        return 1 if check_config() else 0
    bad = 0
    for std_id in STANDARDS:
        path = HERE / f"{std_id}.csv"
        text = render(std_id)
        if "--check" in argv:
            if not path.exists() or path.read_text() != text:
                print(f"{path.name} differs from make_cases.py")
                bad += 1
        else:
            path.write_text(text)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
