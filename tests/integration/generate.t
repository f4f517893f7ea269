ansinh generate fills a database made by ansinh init with a synthetic province, or writes the
import format's CSV files; the same seed gives the same data, byte for byte.

  $ ansinh init --db a.db --province 95 > /dev/null
  $ ansinh generate --db a.db --province 95 --households 300 --years 2014-2015 | sed 's/ in .* s$//'
  Đã sinh dữ liệu / generated a.db
  $ ansinh summary --db a.db | tail -3 | sed 's/^[^/]*\/ //; s/  */ /g'
  hamlets: [0-9.]+ (re)
  households: 300
  persons: [0-9.]+ (re)
  $ sqlite3 a.db "SELECT year, COUNT(*) FROM household_years GROUP BY year"
  2014|300
  2015|300
  $ sqlite3 a.db "SELECT COUNT(DISTINCT commune_code) > 30, MIN(LENGTH(code)) FROM households"
  1|11

Every household has exactly one head; persons are about four to a household.

  $ sqlite3 a.db "SELECT COUNT(*) FROM (SELECT household_id FROM persons WHERE relation = 'head' GROUP BY household_id HAVING COUNT(*) = 1)"
  300
  $ sqlite3 a.db "SELECT AVG(n) BETWEEN 3.0 AND 5.0 FROM (SELECT COUNT(*) AS n FROM persons GROUP BY household_id)"
  1

The registry's indexes, dropped during the load, are back.

  $ sqlite3 a.db "SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('households', 'persons', 'household_years', 'person_years') ORDER BY name)"
  household_years_by_year households_by_commune households_by_hamlet person_years_by_year persons_by_household persons_by_id_number persons_by_search_key

One audit row says what was loaded.

  $ ansinh audit --db a.db --table registry --json | python3 -c 'import json,sys; e=json.load(sys.stdin)[0]; print(e["action"], e["key"], e["after"]["households"])'
  bulk_load ansinh generate --province 95 --households 300 --years 2014-2015 --seed 20110130 300

The same seed gives the same registry; the CSV output holds the same households.

  $ ansinh init --db b.db --province 95 > /dev/null
  $ ansinh generate --db b.db --province 95 --households 300 --years 2014-2015 > /dev/null
  $ for t in households persons household_years person_years; do sqlite3 a.db "SELECT * FROM $t" | sed 's/|20[0-9-]*T[0-9:]*Z$//' | md5sum; done > a.sum
  $ for t in households persons household_years person_years; do sqlite3 b.db "SELECT * FROM $t" | sed 's/|20[0-9-]*T[0-9:]*Z$//' | md5sum; done > b.sum
  $ cmp a.sum b.sum && echo same
  same
  $ ansinh generate --csv out1 --province 95 --households 300 --years 2014-2015 > /dev/null
  $ ansinh generate --csv out2 --province 95 --households 300 --years 2014-2015 --threads 1 > /dev/null
  $ diff -r out1 out2 && ls out1
  household_years.csv
  households.csv
  person_years.csv
  persons.csv
  $ tail -n +2 out1/households.csv | wc -l
  300
  $ ansinh generate --csv out3 --province 95 --households 300 --years 2014-2015 --seed 7 > /dev/null
  $ cmp -s out1/persons.csv out3/persons.csv || echo differs
  differs

The report puts the rates beside GSO's; from 2016 it also classifies under the multidimensional
standard (the rules engine).

  $ ansinh generate --csv out4 --province 95 --households 300 --years 2015-2016 --report | grep -c '^2016 .*\[vn-2016-2020: poor [0-9.]*%, near-poor [0-9.]*%\]'
  1

Refused: a database of another province, one that already holds households, bad options.

  $ ansinh init --db c.db --province 96 > /dev/null
  $ ansinh generate --db c.db --province 95 --households 10
  ansinh: invalid_argument: province="95": cơ sở dữ liệu là của tỉnh 96 / the database holds province 96
  [1]
  $ ansinh generate --db a.db --province 95 --households 10
  ansinh: failed_precondition: .* (re)
  [1]
  $ ansinh generate --db c.db --province 96 --years 2015-2010
  ansinh: invalid_argument: .* (re)
  [1]
  $ ansinh generate --db c.db --province 96 --years soon
  ansinh: invalid_argument: years="soon": cần dạng YYYY-YYYY hoặc YYYY / expected YYYY-YYYY or YYYY
  [1]
  $ ansinh generate --scale national
  ansinh: invalid_argument: csv="": quy mô toàn quốc cần --csv DIR / the national scale needs --csv DIR
  [1]
  $ ansinh summary --db c.db | grep households
  Hộ / households:        0
