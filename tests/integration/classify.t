Classification under a poverty standard. First the flat-file command, with no database: a header
row, one household a row, the standard's d_* columns (extra columns are ignored).

  $ cat > h.csv <<'CSV'
  > household_id,area,members,income_month,d_health_access,d_health_insurance,d_adult_education,d_child_schooling,d_housing_quality,d_housing_area,d_water,d_sanitation,d_telecom,d_info_assets,note
  > h1,rural,3,2100000,0,1,0,0,0,0,1,0,0,0,on the poverty line
  > h2,rural,3,2100001,0,1,0,0,0,0,1,0,0,0,one dong above
  > h3,urban,4,3600004,1,1,1,0,0,0,0,0,0,0,near-poor income and 3 deprivations
  > h4,urban,1,1950000,0,0,0,0,0,0,0,0,0,0,on the urban middle line
  > h5,rural,2,4000000,0,0,0,0,0,0,0,0,0,0,
  > CSV
  $ ansinh classify --standard vn-2016-2020 --input h.csv --output r.csv
  $ cat r.csv
  household_id,category,income_per_capita,deprivation_count,explanation
  h1,poor,700000,2,"hộ nghèo: thu nhập bình quân 700.000 đ/người/tháng, từ chuẩn nghèo 700.000 đ trở xuống (nông thôn); thiếu hụt 2/10: Bảo hiểm y tế, Nguồn nước sinh hoạt"
  h2,near_poor,700000,2,"hộ cận nghèo: thu nhập bình quân 700.000 đ/người/tháng, từ chuẩn cận nghèo 1.000.000 đ trở xuống (nông thôn); thiếu hụt 2/10: Bảo hiểm y tế, Nguồn nước sinh hoạt"
  h3,poor,900001,3,"hộ nghèo: thu nhập bình quân 900.001 đ/người/tháng, từ chuẩn cận nghèo 1.300.000 đ trở xuống (thành thị); thiếu hụt 3/10: Tiếp cận các dịch vụ y tế, Bảo hiểm y tế, Trình độ giáo dục của người lớn"
  h4,middle,1950000,0,"hộ có mức sống trung bình: thu nhập bình quân 1.950.000 đ/người/tháng, từ chuẩn mức sống trung bình 1.950.000 đ trở xuống (thành thị); thiếu hụt 0/10"
  h5,other,2000000,0,"hộ khác: thu nhập bình quân 2.000.000 đ/người/tháng, trên chuẩn mức sống trung bình 1.500.000 đ (nông thôn); thiếu hụt 0/10"

An income-only standard needs no d_* column; the explanation may be in English.

  $ ansinh classify --standard vn-2011-2015 --input h.csv --output r.csv --lang en
  $ cut -d, -f1-4 r.csv | head -3
  household_id,category,income_per_capita,deprivation_count
  h1,other,700000,0
  h2,other,700000,0

A standard may be named by its file, e.g. a province's file outside config/standards/.

  $ cp "$ANSINH_HOME/config/standards/dong-nai-2022-2025.toml" my-province.toml
  $ ansinh classify --standard ./my-province.toml --input "$ANSINH_HOME/tests/standards/dong-nai-2022-2025.csv" --output dn.csv
  $ head -2 dn.csv | cut -d, -f1-4
  household_id,category,income_per_capita,deprivation_count
  c001-poor-rural-m1-on-d1,near_poor,2000000,1

Every boundary case of every shipped standard, through the command line.

  $ for f in "$ANSINH_HOME"/tests/standards/*.csv; do
  >   id=$(basename "$f" .csv)
  >   ansinh classify --standard "$id" --input "$f" --output "$id.out.csv" || echo "FAILED $id"
  >   python3 - "$f" "$id.out.csv" <<'PY'
  > import csv, sys
  > cases = list(csv.DictReader(open(sys.argv[1])))
  > out = list(csv.DictReader(open(sys.argv[2])))
  > bad = [c["household_id"] for c, o in zip(cases, out)
  >        if (c["household_id"], c["expected_category"]) != (o["household_id"], o["category"])]
  > print(sys.argv[2], len(out), "rows", "ok" if len(out) == len(cases) and not bad else bad)
  > PY
  > done
  ca-mau-2011-2015-example.out.csv 34 rows ok
  dong-nai-2022-2025.out.csv 66 rows ok
  vn-2006-2010.out.csv 34 rows ok
  vn-2011-2015.out.csv 34 rows ok
  vn-2016-2020.out.csv 94 rows ok
  vn-2022-2025.out.csv 66 rows ok

A bad value is an error naming the row and the column; no output file is left behind.

  $ sed 's/^h3,urban,4,/h3,urban,0,/' h.csv > bad.csv
  $ ansinh classify --standard vn-2016-2020 --input bad.csv --output bad-out.csv
  ansinh: bad.csv:3: invalid_argument: members="0": số nhân khẩu phải là số nguyên ≥ 1 / members must be a whole number ≥ 1
  [1]
  $ sed 's/^h2,rural,3,2100001,0,1,/h2,rural,3,2100001,0,yes,/' h.csv > bad.csv
  $ ansinh classify --standard vn-2016-2020 --input bad.csv --output bad-out.csv
  ansinh: bad.csv:2: invalid_argument: d_health_insurance="yes": phải là 0 hoặc 1 / must be 0 or 1
  [1]
  $ cut -d, -f1-6 h.csv > short.csv
  $ ansinh classify --standard vn-2016-2020 --input short.csv --output bad-out.csv
  ansinh: short.csv: invalid_argument: d_adult_education="": thiếu cột bắt buộc / a required column is missing
  [1]
  $ ls bad-out.csv*
  ls: cannot access 'bad-out.csv*': No such file or directory
  [2]
  $ ansinh classify --standard vn-1999 --input h.csv --output bad-out.csv
  ansinh: not_found: standard="vn-1999": .* (re)
  [1]

The standards.

  $ ansinh standards
  Chuẩn nghèo / poverty standards (đ/người/tháng, nông thôn / thành thị; VND per person per month, rural / urban):
  ca-mau-2011-2015-example  2011-2015  provincial  poor 480.000 / 600.000  near_poor 624.000 / 780.000
  dong-nai-2022-2025        2022-2025  provincial  poor 2.000.000 / 2.500.000  middle 3.000.000 / 3.750.000
  vn-2006-2010              2006-2010  national    poor 200.000 / 260.000  near_poor 260.000 / 338.000
  vn-2011-2015              2011-2015  national    poor 400.000 / 500.000  near_poor 520.000 / 650.000
  vn-2016-2020              2016-2021  national    poor 700.000 / 900.000  near_poor 1.000.000 / 1.300.000  middle 1.500.000 / 1.950.000
  vn-2022-2025              2022-2026  national    poor 1.500.000 / 2.000.000  middle 2.250.000 / 3.000.000
  $ ansinh standards --json | python3 -c 'import json,sys; print([(s["id"], s["deprivations"]) for s in json.load(sys.stdin)][-2:])'
  [('vn-2016-2020', 10), ('vn-2022-2025', 12)]
  $ ansinh standards show vn-2011-2015
  vn-2011-2015: Chuẩn hộ nghèo, hộ cận nghèo giai đoạn 2011–2015 / National poor and near-poor household standard 2011–2015
    Năm / years: 2011-2015  phạm vi / scope: national  (chưa xác nhận / unconfirmed)
    Nguồn / source: Quyết định 09/2011/QĐ-TTg ngày 30/01/2011 của Thủ tướng Chính phủ về việc ban hành chuẩn hộ nghèo, hộ cận nghèo áp dụng cho giai đoạn 2011–2015 (áp dụng từ 01/01/2011) [S2 https://tailieuchung.com/vn/tlID22960_quyet-dinh-ve-ban-hanh-chuan-ho-ngheo-ho-can-ngheo-2011-2015.html]
    Chuẩn / lines (đ/người/tháng, nông thôn / thành thị; VND per person per month, rural / urban):
      poor: 400.000 / 500.000  (chưa xác nhận / unconfirmed)
      near_poor: 520.000 / 650.000  (chưa xác nhận / unconfirmed)
    Chỉ số thiếu hụt / deprivations (0):
    Phân loại / categories (quy tắc đầu tiên đúng; không quy tắc nào: other / first match wins; none: other):
      1. poor: income_pc <= line.poor
      2. near_poor: income_pc > line.poor and income_pc <= line.near_poor
  $ ansinh standards show vn-2022-2025 --json | python3 -c 'import json,sys; s=json.load(sys.stdin); print(s["years"], list(s["lines"]), s["deprivations"][3]["rule"])'
  [2022, 2026] ['poor', 'middle'] any(members, age >= 6 and not health_insurance)

A broken standard file is refused with the place of the error in the file.

  $ sed 's/rule = "any(members, age >= 6 and not health_insurance)"/rule = "any(members, age >= 6 and not health_insurence)"/' "$ANSINH_HOME/config/standards/vn-2022-2025.toml" > broken.toml
  $ ansinh standards show ./broken.toml
  ansinh: ./broken.toml:78:39: type_error: .*'health_insurence'.* (re)
  [1]

With a database: households, members and surveys entered by hand, classified under the national
standard in force in the survey year, stored with their explanation, shown by household show.

  $ ansinh init --db x.db --province 95 > /dev/null
  $ ansinh household add --db x.db --commune 31846 --hamlet "Ấp Ninh Thạnh"
  1
  $ ansinh household add --db x.db --commune 31813 --hamlet "Khóm 1"
  2
  $ ansinh person add --db x.db --household 1 --name "Nguyễn Văn An" --sex M --birth-date 1990-05-17 --relation head
  1
  $ ansinh person add --db x.db --household 1 --name "Trần Thị Bích" --sex F --birth-date 1992 --relation spouse
  2
  $ ansinh person add --db x.db --household 2 --name "Lê Văn Cường" --sex M --birth-date 1970 --relation head
  3
  $ ansinh survey household --db x.db --household 1 --year 2024 --income-month 3000000 --housing-quality temporary --housing-area 20 --clean-water 0 --hygienic-latrine 1 --telecom 1 --info-assets 1
  $ ansinh survey person --db x.db --person 1 --year 2024 --health-insurance 0 --education-grade 12 --employed 1
  $ ansinh survey person --db x.db --person 2 --year 2024 --health-insurance 1 --education-grade 12 --employed 1
  $ ansinh survey household --db x.db --household 2 --year 2024 --income-month 2000000 --housing-quality permanent --housing-area 80 --clean-water 1 --hygienic-latrine 1 --telecom 1 --info-assets 1
  $ ansinh survey person --db x.db --person 3 --year 2024 --health-insurance 1 --education-grade 12 --employed 1
  $ ansinh classify --db x.db --year 2024
  Năm / year 2024, chuẩn / standard vn-2022-2025: 2 hộ / households
    hộ nghèo / poor: 1
    hộ cận nghèo / near_poor: 1
    hộ có mức sống trung bình / middle: 0
    hộ khác / other: 0
  $ ansinh household show --db x.db 1 | sed -n '/^Phân loại/,$p'
  Phân loại / classifications (1):
    2024  vn-2022-2025  hộ nghèo / poor  thu nhập bình quân / per capita 1.500.000  thiếu hụt / deprivations 3
      Lý do: hộ nghèo: thu nhập bình quân 1.500.000 đ/người/tháng, từ chuẩn nghèo 1.500.000 đ trở xuống (nông thôn); thiếu hụt 3/12: Bảo hiểm y tế (Nguyễn Văn An, 34 tuổi), Chất lượng nhà ở, Nguồn nước sinh hoạt
      Why: poor: income per capita 1,500,000 VND/person/month, at or under the poverty line 1,500,000 (rural); 3 of 12 deprivations: Health insurance (Nguyễn Văn An, 34), Housing quality, Domestic water source
  $ ansinh household show --db x.db 1 --json | python3 -c 'import json,sys; e=json.load(sys.stdin)["classifications"][0]["explanation"]; print(e["line"], e["deprivations"][0]["id"], e["deprivations"][0]["members"])'
  {'amount': 1500000, 'at_or_under': True, 'name': 'poor'} d_health_insurance [{'age': 34, 'index': 0, 'name': 'Nguyễn Văn An'}]

Classifying again with the same answers changes nothing; the next year's review records where
each household came from.

  $ ansinh audit --db x.db | grep -c 'insert  classification'
  2
  $ ansinh classify --db x.db --year 2024 > /dev/null
  $ ansinh audit --db x.db | grep -c 'classification'
  2
  $ ansinh survey household --db x.db --household 1 --year 2025 --income-month 3000000 --housing-quality temporary --housing-area 20 --clean-water 1 --hygienic-latrine 1 --telecom 1 --info-assets 1
  $ ansinh survey person --db x.db --person 1 --year 2025 --health-insurance 1 --education-grade 12 --employed 1
  $ ansinh survey person --db x.db --person 2 --year 2025 --health-insurance 1 --education-grade 12 --employed 1
  $ ansinh classify --db x.db --year 2025 | head -1
  Năm / year 2025, chuẩn / standard vn-2022-2025: 1 hộ / households
  $ ansinh household show --db x.db 1 | grep '^  2025  vn-'
    2025  vn-2022-2025  hộ cận nghèo / near_poor  thu nhập bình quân / per capita 1.500.000  thiếu hụt / deprivations 1  rà soát / review old_poor
