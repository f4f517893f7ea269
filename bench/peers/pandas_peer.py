"""pandas (Debian python3-pandas, in memory) as a peer of the national analytics benchmark.

(a) loads the households of one year and the GSO unit list into data frames, (b) classifies by the
2011-2015 lines and counts households, poor and near-poor households and their rates by commune,
district and province, fastest of RUNS runs. pandas runs on one thread.

    python3 pandas_peer.py HOUSEHOLDS.csv UNITS.csv OUT_PROVINCES.csv RUNS

Prints `key value` lines (load_s, compute_s, rss_peak_mib, rows) and writes the province counts
for the check against An Sinh's.
"""
import resource
import sys
import time

import numpy as np
import pandas as pd


def compute(hh, units):
    # The commune's area and its parents, per household (codes are categories: an index lookup).
    urban = units["urban"].reindex(hh["commune_code"].cat.categories).to_numpy()
    is_urban = urban[hh["commune_code"].cat.codes.to_numpy()]
    income = hh["income_month"].to_numpy()
    members = hh["members"].to_numpy()
    poor_line = np.where(is_urban, 500000, 400000) * members
    near_line = np.where(is_urban, 650000, 520000) * members
    poor = income <= poor_line
    near = (income > poor_line) & (income <= near_line)
    by_commune = (
        pd.DataFrame({"commune_code": hh["commune_code"], "poor": poor, "near_poor": near})
        .groupby("commune_code", observed=True)
        .agg(households=("poor", "size"), poor=("poor", "sum"), near_poor=("near_poor", "sum"))
    )
    by_commune = by_commune.join(units[["district_code", "province_code"]])
    levels = {"commune": by_commune[["households", "poor", "near_poor"]].copy()}
    for level, key in (("district", "district_code"), ("province", "province_code")):
        levels[level] = by_commune.groupby(key)[["households", "poor", "near_poor"]].sum()
    for table in levels.values():
        table["poverty_rate"] = 100.0 * table["poor"] / table["households"]
        table["near_poverty_rate"] = 100.0 * table["near_poor"] / table["households"]
    return levels


def main():
    hh_path, units_path, out_path = sys.argv[1:4]
    runs = int(sys.argv[4]) if len(sys.argv) > 4 else 3
    start = time.perf_counter()
    hh = pd.read_csv(
        hh_path,
        dtype={"household_id": np.int64, "year": np.int32, "commune_code": "category",
               "income_month": np.int64, "members": np.int32},
    )
    units = pd.read_csv(
        units_path, dtype=str, keep_default_na=False,
        usecols=["commune_code", "district_code", "province_code", "commune_type"],
    )
    units = units[units["commune_code"] != ""].set_index("commune_code")
    units["urban"] = units["commune_type"].isin(["Phường", "Thị trấn"])
    load_s = time.perf_counter() - start

    best = float("inf")
    levels = None
    for _ in range(runs):
        start = time.perf_counter()
        levels = compute(hh, units)
        best = min(best, time.perf_counter() - start)

    provinces = levels["province"].sort_index()
    with open(out_path, "w", encoding="utf-8") as out:
        out.write("province_code,households,poor,near_poor\n")
        for code, row in provinces.iterrows():
            out.write(f"{code},{int(row['households'])},{int(row['poor'])},{int(row['near_poor'])}\n")
    print(f"load_s {load_s:.3f}")
    print(f"compute_s {best:.3f}")
    print(f"rss_peak_mib {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}")
    print(f"rows {sum(len(t) for t in levels.values())}")


if __name__ == "__main__":
    main()
