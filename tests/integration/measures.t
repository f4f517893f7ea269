ansinh measures: poverty and inequality measures of any survey file, no database. Formulas and
conventions: docs/measures.md.

Four persons, incomes 10, 2, 10, 10 and the line 8 (worked by hand): one poor of four, gap
(8 − 2)/8 = 0.75, so FGT0 0.25, FGT1 0.75/4 = 0.1875, FGT2 0.5625/4 = 0.140625, Watts
ln(8/2)/4 = 0.3465735903; one poor person means a Gini of 0 among the poor, so Sen = FGT1; the
gaps 0, 0, 0, 0.75 have a Gini of 0.75, so SST = 0.1875 × 1.75 = 0.328125; the Gini of the
incomes is 48/(2·16·8) = 0.1875; mean 8, Theil L = (ln 4 + 3 ln 0.8)/4 = 0.1792159268, Theil T =
(0.25 ln 0.25 + 3.75 ln 1.25)/4 = 0.1225536818.

  $ cat > s.csv <<'CSV'
  > id,area,income,w
  > 1,rural,10,2
  > 2,urban,2,1
  > 3,rural,10,1
  > 4,urban,10,1
  > CSV
  $ ansinh measures --input s.csv --income income --line 8
  Tệp / file: s.csv, thu nhập / income: income, trọng số / weight: -
  Dòng / rows: 4 đọc / read, 4 dùng / used; loại / dropped: 0 --where, 0 thiếu thu nhập / missing income, 0 thiếu trọng số / missing weight, 0 thu nhập âm / negative income
  Tổng trọng số / total weight: 4, bình quân / mean: 8, thu nhập bằng 0 / zero incomes: 0
  Đường nghèo / line: 8 (given), nghèo nếu / poor if: y <= z
    fgt0     0.25          Tỷ lệ nghèo / headcount ratio
    fgt1     0.1875        Chỉ số khoảng cách nghèo / poverty gap index
    fgt2     0.140625      Chỉ số mức độ nghèo / poverty severity (squared gap)
    watts    0.3465735903  Chỉ số Watts / Watts index
    sen      0.1875        Chỉ số Sen / Sen index
    sst      0.328125      Chỉ số Sen–Shorrocks–Thon / Sen–Shorrocks–Thon index
    gini     0.1875        Hệ số Gini / Gini coefficient
    theil_l  0.1792159268  Theil L (độ lệch log trung bình) / Theil L (mean log deviation)
    theil_t  0.1225536818  Theil T / Theil T

JSON is one object with the same keys.

  $ ansinh measures --input s.csv --income income --line 8 --format json > s.json
  $ python3 -c "
  > import json; d = json.load(open('s.json'))
  > print(sorted(k for k in d if k in ('fgt0','fgt1','fgt2','watts','sen','sst','gini','theil_l','theil_t','line')))
  > print(d['fgt0'], d['fgt1'], d['fgt2'], d['sst'], d['gini'], d['line'], d['poor_if'], d['rows']['used'], d['notes'])"
  ['fgt0', 'fgt1', 'fgt2', 'gini', 'line', 'sen', 'sst', 'theil_l', 'theil_t', 'watts']
  0.25 0.1875 0.140625 0.328125 0.1875 8.0 le 4 {}

Without a line, the inequality measures only.

  $ ansinh measures --input s.csv --income income --format json | python3 -c "
  > import json, sys; d = json.load(sys.stdin); print(d['line'], 'fgt0' in d, d['gini'])"
  None False 0.1875

--where keeps the rows whose column holds the value (repeated: all must hold): the two rural rows,
both with income 10, have no inequality and, at the line 8, no poverty.

  $ ansinh measures --input s.csv --income income --line 8 --where area=rural --format json | python3 -c "
  > import json, sys; d = json.load(sys.stdin); print(d['rows'], d['fgt0'], d['gini'], d['theil_t'])"
  {'read': 4, 'excluded_by_where': 2, 'missing_income': 0, 'missing_weight': 0, 'negative_income': 0, 'used': 2} 0.0 0.0 0.0
  $ ansinh measures --input s.csv --income income --line 8 --where area=urban --where id=2 --format json | python3 -c "
  > import json, sys; d = json.load(sys.stdin); print(d['rows']['used'], d['fgt0'], d['fgt1'])"
  1 1.0 0.75

--weight weighs each row: weights 2, 1, 1, 1 give what the file with the first row repeated gives.

  $ (cat s.csv; echo 1b,rural,10,1) > replicated.csv
  $ ansinh measures --input s.csv --income income --weight w --line 8 --format json > weighted.json
  $ ansinh measures --input replicated.csv --income income --line 8 --format json > replicated.json
  $ python3 -c "
  > import json
  > a, b = json.load(open('weighted.json')), json.load(open('replicated.json'))
  > keys = ['fgt0','fgt1','fgt2','watts','sen','sst','gini','theil_l','theil_t','mean','weight_total']
  > print(a['weight'], a['fgt0'], [k for k in keys if abs(a[k] - b[k]) > 1e-12])"
  w 0.2 []

A relative line: 0.6 × the median (10) = 6; the one poor person's gap is 4/6.

  $ ansinh measures --input s.csv --income income --relative-line 0.6*median | sed -n '4,6p'
  Đường nghèo / line: 6 (0.6*median), nghèo nếu / poor if: y <= z
    fgt0     0.25          Tỷ lệ nghèo / headcount ratio
    fgt1     0.1666666667  Chỉ số khoảng cách nghèo / poverty gap index
  $ ansinh measures --input s.csv --income income --relative-line 0.5*mean --format json | python3 -c "
  > import json, sys; d = json.load(sys.stdin); print(d['line'], d['line_rule'], d['fgt0'])"
  4.0 0.5*mean 0.25

--poor-if decides an income on the line: ≤ (Vietnam's standards, the default) or < (Stata, PIP).

  $ ansinh measures --input s.csv --income income --line 10 --format json | python3 -c "
  > import json, sys; print(json.load(sys.stdin)['fgt0'])"
  1.0
  $ ansinh measures --input s.csv --income income --line 10 --poor-if lt --format json | python3 -c "
  > import json, sys; print(json.load(sys.stdin)['fgt0'])"
  0.25

The peers' published values, through the command line. Stata `poverty` on apode's y2 (percent, line
0.5 × median, poor if y < z) and R `ineq` (Gini, entropy 0 and 1):

  $ cat > near.py <<'PY'
  > import json, sys
  > d = json.load(sys.stdin)
  > scale = float(sys.argv[1]); tol = float(sys.argv[2])
  > for pair in sys.argv[3:]:
  >     key, want = pair.split('=')
  >     got = d['rows']['used'] if key == 'used' else d[key] * scale
  >     print(key, 'ok' if abs(got - float(want)) <= tol else 'got %r want %s' % (got, want))
  > PY
  $ ansinh measures --input "$ANSINH_SHARED/data/reference/apode-stata-ineq/income.csv" --income y2 \
  >   --relative-line 0.5*median --poor-if lt --format json > y2.json
  $ python3 near.py 100 2e-5 fgt0=25 fgt1=12.12871265411377 fgt2=7.923243045806886 watts=22.71704864501953 < y2.json
  fgt0 ok
  fgt1 ok
  fgt2 ok
  watts ok
  $ python3 near.py 1 1e-9 line=25.25 gini=0.33 theil_l=0.284579580725679 theil_t=0.188272596003428 < y2.json
  line ok
  gini ok
  theil_l ok
  theil_t ok

World Bank PIP's synthetic survey 1 (weighted; its test line is the unweighted mean, poor if
y < z), and survey 5, which holds missing incomes and weights (PIP drops them: 1970 rows left) and
zero incomes (PIP's conventions for Theil L):

  $ PIP="$ANSINH_SHARED/data/reference/pip-synthetic/microdata.csv"
  $ ansinh measures --input "$PIP" --where dataset=1 --income welfare --weight weight \
  >   --line 3617167.627451172 --poor-if lt --format json \
  >   | python3 near.py 1 1e-6 fgt0=0.7333513 fgt1=0.3957584 fgt2=0.2534849 watts=0.6899868
  fgt0 ok
  fgt1 ok
  fgt2 ok
  watts ok
  $ ansinh measures --input "$PIP" --where dataset=5 --income welfare --weight weight --format json \
  >   | python3 near.py 1 1e-12 used=1970 gini=0.48928331662086244 theil_l=0.4613675916366436
  used ok
  gini ok
  theil_l ok

Real files hold missing, zero and negative incomes. Missing (empty, NA or ".") and negative incomes
are dropped and counted; zero incomes are kept, with PIP's conventions said in the notes; no value
is NaN.

  $ cat > messy.csv <<'CSV'
  > income,weight
  > 0,1
  > 4,1
  > ,1
  > NA,1
  > .,1
  > -3,1
  > 8,
  > 12,1
  > CSV
  $ ansinh measures --input messy.csv --income income --weight weight --line 5 --format json > messy.json
  $ python3 -c "
  > import json; d = json.load(open('messy.json'))
  > print(d['rows'], d['zero_incomes'], round(d['fgt0'], 12), round(d['fgt1'], 12))
  > print(sorted(d['notes']), d['notes']['watts']['en'])
  > print([k for k, v in d.items() if isinstance(v, float) and v != v])"
  {'read': 8, 'excluded_by_where': 0, 'missing_income': 3, 'missing_weight': 1, 'negative_income': 1, 'used': 3} 1 0.666666666667 0.4
  ['theil_l', 'watts'] 1 zero incomes add nothing to the Watts sum (PIP's convention)
  []

When every income is zero the Theil indices are undefined: null with the reason, exit 0.

  $ printf 'income\n0\n0\n' > zeros.csv
  $ ansinh measures --input zeros.csv --income income --line 5 --format json | python3 -c "
  > import json, sys; d = json.load(sys.stdin)
  > print(d['theil_l'], d['theil_t'], d['gini'], d['fgt0'], d['notes']['theil_l']['en'])"
  None None 0.0 1.0 every income is zero: the Theil indices are undefined
  $ ansinh measures --input zeros.csv --income income | tail -3
    theil_t  -             Theil T / Theil T
    * theil_l: mọi thu nhập đều bằng 0: chỉ số Theil không xác định / every income is zero: the Theil indices are undefined
    * theil_t: mọi thu nhập đều bằng 0: chỉ số Theil không xác định / every income is zero: the Theil indices are undefined

Bad input is refused (exit 1) with the file, the row, the column, the value and the reason, in
Vietnamese then English.

  $ printf 'id,income\n1,5\n2,abc\n' > bad.csv
  $ ansinh measures --input bad.csv --income income
  ansinh: bad.csv:2: invalid_argument: income="abc": không phải là số (dấu chấm thập phân, không phân cách hàng nghìn) / not a number (use a decimal point and no thousands separator)
  [1]
  $ printf 'id,income\n1,1.500.000\n' > bad.csv
  $ ansinh measures --input bad.csv --income income
  ansinh: bad.csv:1: invalid_argument: income="1.500.000": không phải là số (dấu chấm thập phân, không phân cách hàng nghìn) / not a number (use a decimal point and no thousands separator)
  [1]
  $ printf 'income,w\n5,1\n6,-2\n' > bad.csv
  $ ansinh measures --input bad.csv --income income --weight w
  ansinh: bad.csv:2: invalid_argument: w="-2": trọng số phải ≥ 0 / a weight must be ≥ 0
  [1]
  $ ansinh measures --input s.csv --income salary
  ansinh: s.csv: invalid_argument: salary="": thiếu cột bắt buộc / a required column is missing
  [1]
  $ ansinh measures --input s.csv --income income --where region=north
  ansinh: s.csv: invalid_argument: region="": thiếu cột bắt buộc / a required column is missing
  [1]
  $ ansinh measures --input s.csv --income income --where rural
  ansinh: invalid_argument: where="rural": viết dạng CỘT=GIÁ_TRỊ / write it as COLUMN=VALUE
  [1]
  $ ansinh measures --input s.csv --income income --where area=coastal
  ansinh: invalid_argument: income="income": không còn dòng nào có thu nhập để tính (0 dòng sau --where) / no row with an income is left to measure (0 rows after --where)
  [1]
  $ ansinh measures --input s.csv --income income --line 0
  ansinh: invalid_argument: line="0": đường nghèo phải là số dương / the poverty line must be a positive number
  [1]
  $ ansinh measures --input s.csv --income income --relative-line 0.6*mode
  ansinh: invalid_argument: relative-line="0.6*mode": viết dạng HỆ_SỐ*median hoặc HỆ_SỐ*mean, ví dụ 0.6*median / write it as FACTOR*median or FACTOR*mean, e.g. 0.6*median
  [1]
  $ ansinh measures --input missing.csv --income income
  ansinh: io_error: không mở được tệp missing.csv / cannot open file missing.csv
  [3]

Wrong usage is exit 2.

  $ ansinh measures --input s.csv --income income --line 8 --relative-line 0.6*median > /dev/null 2>&1
  [2]
  $ ansinh measures --input s.csv --income income --format xml > /dev/null 2>&1
  [2]
  $ ansinh measures --input s.csv > /dev/null 2>&1
  [2]
