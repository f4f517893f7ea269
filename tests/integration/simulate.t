ansinh simulate classifies one survey year under two standards and prints, by district and for the
province, who changes category and what the added poor and near-poor cost the state a year in
health insurance (config/health-insurance.toml).

  $ ansinh init --db a.db --province 96 > /dev/null
  $ ansinh generate --db a.db --province 96 --households 2000 --years 2012-2012 > /dev/null
  $ cp a.db before.db

The national 2011–2015 lines against the Cà Mau example (the same lines + 20%).

  $ ansinh simulate --db a.db --year 2012 --standard vn-2011-2015 --alt ca-mau-2011-2015-example --format json > sim.json 2> /dev/null
  $ ansinh indicators --db a.db --year 2012 --unit 96 --standard vn-2011-2015 --format json > a.json 2> /dev/null
  $ ansinh indicators --db a.db --year 2012 --unit 96 --standard ca-mau-2011-2015-example --format json > b.json 2> /dev/null

One object per district, then the province; the province is the sum of its districts.

  $ python3 - <<'PY'
  > import json
  > rows = json.load(open("sim.json"))
  > districts = [r for r in rows if r["level"] == "district"]
  > province = rows[-1]
  > print(province["unit_code"], province["level"], len(districts) == len(rows) - 1 > 5)
  > print(all(r["year"] == 2012 and r["standard_a"] == "vn-2011-2015" and r["standard_b"] == "ca-mau-2011-2015-example" for r in rows))
  > counts = [k for k, v in province.items() if isinstance(v, int) and k not in ("year", "state_cost_per_poor_person", "state_cost_per_near_poor_person")]
  > print(len(counts), all(province[k] == sum(d[k] for d in districts) for k in counts))
  > PY
  96 province True
  True
  18 True

(The costs add up exactly too because, with the 2012 figures, every person's yearly cost is a whole
number of đồng; a unit's cost is rounded once from its own exact sum.)

The added poor are what the higher line adds to the poor counts of ansinh indicators: nobody poor
under the national line stops being poor under a line 20% higher.

  $ python3 - <<'PY'
  > import json
  > p = json.load(open("sim.json"))[-1]
  > a = {r["indicator"]: r["value"] for r in json.load(open("a.json"))}
  > b = {r["indicator"]: r["value"] for r in json.load(open("b.json"))}
  > print(p["households"] == a["households"] == b["households"], p["persons"] == a["persons"])
  > print(p["added_poor_households"] > 0, p["removed_poor_households"] == 0)
  > print(p["added_poor_households"] == b["poor_households"] - a["poor_households"])
  > print(p["added_poor_persons"] == b["poor_persons"] - a["poor_persons"])
  > print(p["added_near_poor_households"] - p["removed_near_poor_households"] == b["near_poor_households"] - a["near_poor_households"])
  > print(p["added_near_poor_persons"] - p["removed_near_poor_persons"] == b["near_poor_persons"] - a["near_poor_persons"])
  > print(p["changed_households"] >= max(p["added_poor_households"], p["added_near_poor_households"]))
  > PY
  True True
  True True
  True
  True
  True
  True
  True

A person's yearly cost, by hand from config/health-insurance.toml: base salary 830.000 đ in
January–April 2012 and 1.050.000 đ from May, 4,5 % of it, so 4 × 37.350 + 8 × 47.250 = 527.400 đ,
all of it for the poor; the near-poor get 50 % until June and 70 % from July:
4 × 18.675 + 2 × 23.625 + 6 × 33.075 = 320.400 đ. The costs are persons × these.

  $ python3 - <<'PY'
  > import json
  > a = {r["indicator"]: r["value"] for r in json.load(open("a.json"))}
  > for p in json.load(open("sim.json")):
  >     poor, near = p["state_cost_per_poor_person"], p["state_cost_per_near_poor_person"]
  >     ok = (poor, near) == (527400, 320400)
  >     ok &= p["cost_added_poor"] == p["added_poor_persons"] * poor
  >     ok &= p["cost_added_near_poor"] == p["added_near_poor_persons"] * near
  >     ok &= p["cost_added"] == p["cost_added_poor"] + p["cost_added_near_poor"]
  >     ok &= p["cost_change"] == p["cost_b"] - p["cost_a"]
  >     if not ok: print("wrong", p["unit_code"])
  > p = json.load(open("sim.json"))[-1]
  > print(p["cost_a"] == a["poor_persons"] * 527400 + a["near_poor_persons"] * 320400)
  > print(0 < p["cost_change"] < p["cost_added"])
  > PY
  True
  True

The same standard twice changes nothing; the thread count changes nothing.

  $ ansinh simulate --db a.db --year 2012 --standard vn-2011-2015 --alt vn-2011-2015 --format json 2> /dev/null | python3 -c 'import json,sys; p = json.load(sys.stdin)[-1]; print(p["changed_households"], p["added_poor_persons"], p["cost_added"], p["cost_change"])'
  0 0 0 0
  $ ansinh simulate --db a.db --year 2012 --standard vn-2011-2015 --alt ca-mau-2011-2015-example --format json --threads 1 > one.json 2> /dev/null
  $ ansinh simulate --db a.db --year 2012 --standard vn-2011-2015 --alt ca-mau-2011-2015-example --format json --threads 3 > three.json 2> /dev/null
  $ cmp one.json three.json && cmp one.json sim.json && echo same
  same

The table: Vietnamese first, then English; a row per district and the province total, with
Vietnamese digit grouping.

  $ ansinh simulate --db a.db --year 2012 --standard vn-2011-2015 --alt ca-mau-2011-2015-example > table.txt 2> /dev/null
  $ head -3 table.txt
  Mô phỏng chuẩn nghèo / what-if — năm / year 2012
    A: vn-2011-2015 — Chuẩn hộ nghèo, hộ cận nghèo giai đoạn 2011–2015
    B: ca-mau-2011-2015-example — VÍ DỤ: Chuẩn hộ nghèo, hộ cận nghèo của tỉnh giai đoạn 2011–2015 (cao hơn chuẩn quốc gia 20%)
  $ grep -c "527.400 đ, hộ cận nghèo / near-poor 320.400 đ" table.txt
  1
  $ grep -E "^  (Mã|code) " table.txt | sed -E 's/^  ([^ ]+) .*  ([^ ].*)$/\1 \2/'
  Mã Đơn vị
  code unit
  $ python3 - <<'PY'
  > import json, re
  > rows = json.load(open("sim.json"))
  > lines = [l for l in open("table.txt", encoding="utf-8") if re.match(r"^  \d+ ", l)]
  > print(len(lines) == len(rows), lines[-1].rstrip().endswith("(tổng / total)"))
  > p = rows[-1]
  > cost = "{:,}".format(p["cost_added"]).replace(",", ".")
  > print(lines[-1].split()[0] == "96", cost in lines[-1].split())
  > PY
  True True
  True True

Refusals: exit code 1 with the field, the value and the reason; nothing is written.

  $ ansinh simulate --db a.db --year 2012 --standard vn-2011-2015 --alt nope
  ansinh: not_found: alt="nope": .* / no such standard; there are: .*vn-2011-2015.* (re)
  [1]
  $ ansinh simulate --db a.db --year 2012 --standard nope --alt vn-2011-2015
  ansinh: not_found: standard="nope": .* / no such standard; there are: .*vn-2011-2015.* (re)
  [1]
  $ ansinh simulate --db a.db --year 2013 --standard vn-2011-2015 --alt ca-mau-2011-2015-example
  ansinh: not_found: year="2013": không có hộ nào được khảo sát năm này / no household was surveyed in this year
  [1]
  $ ansinh simulate --db a.db --year 2005 --standard vn-2006-2010 --alt vn-2011-2015
  ansinh: .*/config/health-insurance.toml: not_found: year="2005": .* (re)
  [1]
  $ ansinh simulate --db a.db --year 2005 --standard vn-2006-2010 --alt vn-2011-2015 2>&1 | sed 's/.* \/ //'
  no premium_rate in force on 2005-01-01
  $ ansinh simulate --db a.db --year 2012 --standard vn-2011-2015 --alt vn-2011-2015 --format csv
  ansinh: invalid_argument: format="csv": phải là table hoặc json / must be table or json
  [1]
  $ ansinh simulate --db a.db --year 2012 --standard vn-2011-2015
  --alt is required
  Run with --help for more information.
  [2]
  $ ansinh simulate --db missing.db --year 2012 --standard vn-2011-2015 --alt vn-2011-2015
  ansinh: .* (re)
  [1]
  $ cmp a.db before.db && echo unchanged
  unchanged
