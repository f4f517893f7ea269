"""SQLite (python3's sqlite3 module, an in-memory database) as a peer of the national analytics
benchmark.

(a) loads the households of one year and the GSO unit list into tables, (b) classifies by the
2011-2015 lines and counts households, poor and near-poor households and their rates by commune,
district and province, fastest of RUNS runs. SQLite runs a query on one thread.

    python3 sqlite_peer.py HOUSEHOLDS.csv UNITS.csv OUT_PROVINCES.csv RUNS

Prints `key value` lines (load_s, compute_s, rss_peak_mib, rows) and writes the province counts
for the check against An Sinh's.
"""
import csv
import resource
import sqlite3
import sys
import time

# One pass grouping by commune, then the communes roll up to districts and provinces.
QUERY = """
WITH c AS MATERIALIZED (
  SELECT u.commune_code, u.district_code, u.province_code,
         count(*) AS households,
         sum(h.income_month <= (CASE WHEN u.urban THEN 500000 ELSE 400000 END) * h.members) AS poor,
         sum(h.income_month > (CASE WHEN u.urban THEN 500000 ELSE 400000 END) * h.members
             AND h.income_month <= (CASE WHEN u.urban THEN 650000 ELSE 520000 END) * h.members)
           AS near_poor
  FROM hh h JOIN units u ON h.commune_code = u.commune_code
  GROUP BY u.commune_code)
SELECT 'commune', commune_code, households, poor, near_poor,
       100.0 * poor / households, 100.0 * near_poor / households
FROM c
UNION ALL
SELECT 'district', district_code, sum(households), sum(poor), sum(near_poor),
       100.0 * sum(poor) / sum(households), 100.0 * sum(near_poor) / sum(households)
FROM c GROUP BY district_code
UNION ALL
SELECT 'province', province_code, sum(households), sum(poor), sum(near_poor),
       100.0 * sum(poor) / sum(households), 100.0 * sum(near_poor) / sum(households)
FROM c GROUP BY province_code
"""


def main():
    hh_path, units_path, out_path = sys.argv[1:4]
    runs = int(sys.argv[4]) if len(sys.argv) > 4 else 3
    db = sqlite3.connect(":memory:")
    start = time.perf_counter()
    db.execute("CREATE TABLE hh (household_id INTEGER, year INTEGER, commune_code TEXT,"
               " income_month INTEGER, members INTEGER)")
    db.execute("CREATE TABLE units (commune_code TEXT PRIMARY KEY, district_code TEXT,"
               " province_code TEXT, urban INTEGER)")
    with open(hh_path, newline="", encoding="utf-8") as f:
        rows = csv.reader(f)
        next(rows)
        db.executemany("INSERT INTO hh VALUES (?, ?, ?, ?, ?)",
                       ((int(r[0]), int(r[1]), r[2], int(r[3]), int(r[4])) for r in rows))
    with open(units_path, newline="", encoding="utf-8") as f:
        rows = csv.DictReader(f)
        db.executemany("INSERT INTO units VALUES (?, ?, ?, ?)",
                       ((r["commune_code"], r["district_code"], r["province_code"],
                         int(r["commune_type"] in ("Phường", "Thị trấn")))
                        for r in rows if r["commune_code"]))
    db.commit()
    load_s = time.perf_counter() - start

    best = float("inf")
    result = []
    for _ in range(runs):
        start = time.perf_counter()
        result = db.execute(QUERY).fetchall()
        best = min(best, time.perf_counter() - start)

    provinces = sorted(r for r in result if r[0] == "province")
    with open(out_path, "w", encoding="utf-8") as out:
        out.write("province_code,households,poor,near_poor\n")
        for r in provinces:
            out.write(f"{r[1]},{r[2]},{r[3]},{r[4]}\n")
    print(f"load_s {load_s:.3f}")
    print(f"compute_s {best:.3f}")
    print(f"rss_peak_mib {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}")
    print(f"rows {len(result)}")


if __name__ == "__main__":
    main()
