ansinh indicators and ansinh targets compute over a database: every indicator of config/indicators
for every unit, and where the province stands against the resolution's targets.

  $ ansinh init --db a.db --province 96 > /dev/null
  $ ansinh generate --db a.db --province 96 --households 3000 --years 2010-2013 > /dev/null

The poor and near-poor counts agree with ansinh classify, which classifies the same year by
another path (the store's year snapshot, one frame, no roll-up).

  $ ansinh classify --db a.db --year 2012 2> /dev/null | sed -n 's/.*\/ \(poor\|near_poor\): \([0-9]*\)$/\1 \2/p' > classify.txt
  $ ansinh indicators --db a.db --year 2012 --unit 96 --format json > province.json 2> /dev/null
  $ python3 - <<'PY' > indicators.txt
  > import json
  > rows = {r["indicator"]: r for r in json.load(open("province.json"))}
  > print("poor", int(rows["poor_households"]["value"]))
  > print("near_poor", int(rows["near_poor_households"]["value"]))
  > PY
  $ diff classify.txt indicators.txt && echo same
  same

Every indicator is there for the province, named in both languages; ratios carry their numerator
and denominator, and the rate is 100 × poor / households.

  $ python3 - <<'PY'
  > import json
  > rows = json.load(open("province.json"))
  > ids = [r["indicator"] for r in rows]
  > need = ["households", "persons", "poor_households", "near_poor_households", "poverty_rate_households",
  >         "poverty_rate_urban", "poverty_rate_rural", "poverty_rate_khmer", "escaped_households",
  >         "newly_poor_households", "repoor_households", "repoverty_rate", "poverty_rate_change",
  >         "fgt0", "fgt1", "fgt2", "health_insurance_poor_near_poor", "poor_temporary_housing",
  >         "trained_share", "vocational_share", "assistance_share"]
  > print(all(i in ids for i in need), len(ids) == len(set(ids)))
  > r = {x["indicator"]: x for x in rows}
  > rate = r["poverty_rate_households"]
  > print(rate["numerator"] == r["poor_households"]["value"], rate["denominator"] == r["households"]["value"])
  > print(abs(rate["value"] - 100 * rate["numerator"] / rate["denominator"]) < 1e-9)
  > print(all(x["name_vi"] and x["name_en"] and x["unit_code"] == "96" and x["level"] == "province" for x in rows))
  > print(r["fgt0"]["value"] >= r["fgt1"]["value"] >= r["fgt2"]["value"] >= 0)
  > print(r["middle_households"]["value"] is None)  # the 2011-2015 standard has no middle band
  > PY
  True True
  True True
  True
  True
  True
  True

A district's counts are the sums of its communes', the province's the sum of its districts'.

  $ ansinh indicators --db a.db --year 2012 --format csv > all.csv 2> /dev/null
  $ python3 - <<'PY'
  > import csv, collections
  > rows = list(csv.DictReader(open("all.csv", encoding="utf-8")))
  > value = {(r["unit_code"], r["indicator"]): r["value"] for r in rows}
  > levels = collections.Counter(r["level"] for r in rows if r["indicator"] == "households")
  > print(levels["province"], levels["district"] > 5, levels["commune"] > 80)
  > ok = True
  > for ind in ["households", "persons", "poor_households", "escaped_households", "repoor_households"]:
  >     prov = int(value[("96", ind)])
  >     districts = [r for r in rows if r["level"] == "district" and r["indicator"] == ind]
  >     communes = [r for r in rows if r["level"] == "commune" and r["indicator"] == ind]
  >     ok &= prov == sum(int(r["value"]) for r in districts) == sum(int(r["value"]) for r in communes)
  > print(ok, value[("96", "households")])
  > PY
  1 True True
  True 3000

--level and --unit narrow the list; a table is for people, in Vietnamese number format.

  $ ansinh indicators --db a.db --year 2012 --unit 964 --level commune --format csv 2> /dev/null | cut -d, -f3 | sort | uniq -c | sed 's/^ *//'
  .* commune (re)
  1 level
  $ ansinh indicators --db a.db --year 2012 --unit 96 2> /dev/null | grep -E "^96|Tỷ lệ hộ nghèo /" | sed 's/: [0-9][0-9]*,[0-9][0-9] %$/: N,NN %/'
  96  Tỉnh Cà Mau — năm / year 2012, chuẩn / standard vn-2011-2015
    Tỷ lệ hộ nghèo / Household poverty rate: N,NN %

Transitions exist from the second year on; 2010 is classified under the 2011–2015 lines (the
review calendar, config/review-standards.toml).

  $ ansinh indicators --db a.db --year 2010 --unit 96 --format csv 2> /dev/null | grep -E ",(escaped_households|poverty_rate_households)," | cut -d, -f5,6,10 | sed 's/,[0-9.][0-9.]*$/,N/'
  vn-2011-2015,poverty_rate_households,N
  vn-2011-2015,escaped_households,
  $ ansinh indicators --db a.db --year 2011 --unit 96 --format csv 2> /dev/null | grep -c ",escaped_households,[^,]*,[^,]*,[^,]*,[0-9]"
  1

ansinh targets: every target of the resolution whose period holds the year, with value, target,
status and forecast; targets that need program records say so.

  $ ansinh targets --db a.db --year 2012 --format json > targets.json 2> /dev/null
  $ python3 - <<'PY'
  > import json
  > t = {x["id"]: x for x in json.load(open("targets.json"))}
  > print(len(t), sorted(set(x["status"] for x in t.values()) - {"met", "on_track", "off_track", "no_data"}))
  > print(t["jobs_2015"]["status"], t["jobs_2015"]["value"], "program" in t["jobs_2015"]["note"])
  > r = t["poverty_reduction_2015"]
  > print(r["status"] in ("met", "off_track"), isinstance(r["value"], float), r["target"] == 2)
  > print(all(x["year"] == 2012 and x["name_vi"] and x["name_en"] and "forecast_year" in x for x in t.values()))
  > PY
  9 []
  no_data None True
  True True True
  True
  $ ansinh targets --db a.db 2> /dev/null | grep -c "năm / year"
  3
  $ ansinh targets --db a.db --year 2013 2> /dev/null | grep -A1 "Giảm tỷ lệ hộ nghèo bình quân" | sed 's/value -*[0-9][0-9]*,[0-9][0-9] /value N,NN /; s/  [^ ]* [^ ]* [^ ]* \/ \(met\|off_track\)/  STATUS/; s/forecast [0-9]*/forecast YYYY/'
    Giảm tỷ lệ hộ nghèo bình quân 2%/năm / Cut the household poverty rate by 2 points a year on average
      giá trị/value N,NN điểm/pp  mục tiêu/target ≥ 2/năm/year (2015)  STATUS  dự báo/forecast YYYY

Bad input is refused with the field, the value and the reason, and exit code 1 or 2.

  $ ansinh indicators --db a.db --year 2012 --format xml
  ansinh: invalid_argument: format="xml": phải là table, csv hoặc json / must be table, csv or json
  [1]
  $ ansinh indicators --db a.db --year 2012 --level hamlet
  ansinh: invalid_argument: level="hamlet": phải là province, district hoặc commune / must be province, district or commune
  [1]
  $ ansinh indicators --db a.db --year 2012 --unit 99999
  ansinh: not_found: unit="99999": không có đơn vị hành chính này trong cơ sở dữ liệu / no such administrative unit in the database
  [1]
  $ ansinh indicators --db a.db --year 1999
  ansinh: not_found: year="1999": không có hộ nào được khảo sát năm này / no household was surveyed in this year
  [1]
  $ ansinh indicators --db a.db
  --year is required
  Run with --help for more information.
  [2]
  $ ansinh targets --db a.db --format csv
  ansinh: invalid_argument: format="csv": phải là table hoặc json / must be table or json
  [1]
  $ ansinh targets --db missing.db
  ansinh: .* (re)
  [1]

ansinh transitions: the matrix between two years. Its poor row's moves out of poverty are the
escaped households of the indicators, every household of either year is in one cell, and a cell
lists the households behind it.

  $ ansinh transitions --db a.db --from 2011 --to 2012 --format json > moves.json 2> /dev/null
  $ ansinh transitions --db a.db --from 2011 --to 2012 --cell poor:other 2> /dev/null | wc -l > cell.txt
  $ python3 - <<'PY'
  > import json
  > cells = {(c["from_state"], c["to_state"]): c["households"] for c in json.load(open("moves.json"))}
  > ind = {r["indicator"]: r["value"] for r in json.load(open("province.json"))}
  > escaped = sum(cells[("poor", b)] for b in ("near_poor", "middle", "other"))
  > print(escaped == ind["escaped_households"], sum(cells.values()) == ind["households"])
  > print(int(open("cell.txt").read()) == cells[("poor", "other")] > 0)
  > PY
  True True
  True
  $ ansinh transitions --db a.db --from 2011 --to 2012 2> /dev/null | head -3 | sed 's/[0-9][0-9]*/N/g' | tr -s ' '
  N Tỉnh Cà Mau — N → N (hàng: năm đầu, cột: năm sau / rows: first year, columns: second)
   poor near_poor middle other left total
   poor N N N N N N
  $ ansinh transitions --db a.db --from 2012 --to 2011
  ansinh: invalid_argument: to="2011": cần --from Y1 --to Y2 với Y1 < Y2 / give --from Y1 --to Y2 with Y1 < Y2
  [1]
  $ ansinh transitions --db a.db --from 2011 --to 2012 --cell left:poor
  ansinh: invalid_argument: cell="left:poor": 'new' chỉ ở năm đầu, 'left' chỉ ở năm sau / 'new' is a first-year state and 'left' a second-year one
  [1]

ansinh report: the workbook for officials. An independent reader (openpyxl) finds the four
sheets with frozen headers and number formats, and the same numbers as ansinh indicators.

  $ ansinh report --db a.db --year 2012 --out report.xlsx 2> /dev/null
  Đã ghi báo cáo / wrote report.xlsx
  $ python3 - <<'PY'
  > import json, openpyxl
  > wb = openpyxl.load_workbook("report.xlsx")
  > print(wb.sheetnames)
  > print(all(ws.freeze_panes == "B5" for ws in wb))
  > ind = {r["indicator"]: r["value"] for r in json.load(open("province.json"))}
  > ws = wb["Theo huyện"]
  > header = [c.value for c in ws[4]]
  > total = [c.value for c in ws[ws.max_row]]
  > col = header.index("Tỷ lệ hộ nghèo (%)")
  > print(total[header.index("Số hộ nghèo")] == ind["poor_households"], abs(total[col] * 100 - ind["poverty_rate_households"]) < 1e-9)
  > print(ws.cell(5, col + 1).number_format, ws.cell(5, 3).number_format, ws.column_dimensions["B"].width > 20)
  > print(len(list(wb["Mục tiêu"].iter_rows(min_row=5))) == 9, wb["Theo xã"].max_row - 5 > 80)
  > PY
  ['Mục tiêu', 'Theo huyện', 'Theo xã', 'Chuyển dịch']
  True
  True True
  0.00% #,##0 True
  True True

A district's workbook: its targets, its communes with the district's total, its transitions.

  $ D=$(sqlite3 a.db "SELECT code FROM admin_units WHERE level = 2 ORDER BY code LIMIT 1")
  $ ansinh report --db a.db --year 2012 --unit $D --out district.xlsx 2> /dev/null
  Đã ghi báo cáo / wrote district.xlsx
  $ python3 -c "import openpyxl; wb = openpyxl.load_workbook('district.xlsx'); print(wb.sheetnames, wb['Theo xã'].cell(wb['Theo xã'].max_row, 2).value.startswith('Toàn huyện: '))"
  ['Mục tiêu', 'Theo xã', 'Chuyển dịch'] True
  $ rm district.xlsx

An existing file is kept unless --force says otherwise; a wrong extension is refused.

  $ ansinh report --db a.db --year 2012 --out report.xlsx
  ansinh: already_exists: tệp report.xlsx đã có; dùng --force để ghi đè / file report.xlsx exists; use --force to overwrite
  [1]
  $ ansinh report --db a.db --year 2012 --out report.csv
  ansinh: invalid_argument: out="report.csv": tệp báo cáo phải có đuôi .xlsx / the report file must end in .xlsx
  [1]
  $ ansinh report --db a.db --year 2012 --out report.xlsx --force 2> /dev/null
  Đã ghi báo cáo / wrote report.xlsx
  $ ls report.*
  report.xlsx
