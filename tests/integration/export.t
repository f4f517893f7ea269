ansinh export writes one survey year of the registry in the import format: a folder of four CSV
files, or an .xlsx workbook with one sheet per table. Exported from a generated database, the CSV
files are byte for byte those the generator writes for the same seed.

  $ ansinh init --db a.db --province 95 > /dev/null
  $ ansinh generate --db a.db --province 95 --households 50 --years 2012 > /dev/null
  $ ansinh generate --csv gen --province 95 --households 50 --years 2012 > /dev/null
  $ ansinh export --db a.db --year 2012 --out out | sed 's/[0-9][0-9]* nh.*$//'
  Đã xuất năm 2012 / exported 2012 to out (csv): 50 hộ / households, 
  $ ls out
  household_years.csv
  households.csv
  person_years.csv
  persons.csv
  $ head -qn 1 out/households.csv out/persons.csv out/household_years.csv out/person_years.csv
  household_id,commune_code,hamlet,address
  person_id,household_id,full_name,sex,birth_date,relation,ethnicity,id_number
  household_id,year,income_month,housing_quality,housing_area_m2,clean_water,hygienic_latrine,telecom,info_assets
  person_id,year,health_insurance,in_school,education_grade,trained,vocational_trained,employed,disability,sick_untreated,malnourished,wage_no_contract,social_allowance
  $ diff -r gen out && echo same
  same
  $ test $(tail -n +2 out/persons.csv | wc -l) -eq $(sqlite3 a.db "SELECT COUNT(*) FROM persons") && echo every person
  every person

The workbook holds the same rows: its sheets, turned back into CSV (trailing empty cells
restored), are the CSV files.

  $ ansinh export --db a.db --year 2012 --out a.xlsx > /dev/null
  $ cat > sheets.py <<'PY'
  > import csv, html, re, sys, zipfile
  > z = zipfile.ZipFile(sys.argv[1])
  > names = re.findall(r'<sheet name="([^"]+)"', z.read('xl/workbook.xml').decode())
  > print(' '.join(names))
  > for i, name in enumerate(names, 1):
  >     xml = z.read('xl/worksheets/sheet%d.xml' % i).decode()
  >     rows = []
  >     for row in re.findall(r'<row [^>]*>(.*?)</row>', xml, re.S):
  >         cells = {}
  >         for ref, body in re.findall(r'<c r="([A-Z]+)\d+"[^>]*>(.*?)</c>', row, re.S):
  >             col = 0
  >             for ch in ref:
  >                 col = col * 26 + ord(ch) - 64
  >             m = re.search(r'<t[^>]*>(.*?)</t>|<v>(.*?)</v>', body, re.S)
  >             cells[col] = html.unescape(m.group(1) if m.group(1) is not None else m.group(2))
  >         rows.append(cells)
  >     width = len(rows[0])
  >     with open('%s/%s.csv' % (sys.argv[2], name), 'w', newline='') as f:
  >         w = csv.writer(f, lineterminator='\n')
  >         for cells in rows:
  >             w.writerow([cells.get(c, '') for c in range(1, width + 1)])
  > PY
  $ mkdir book && python3 sheets.py a.xlsx book
  households persons household_years person_years
  $ diff -r out book && echo same
  same

--format overrides the ending of --out; an earlier export is not overwritten without --force.

  $ ansinh export --db a.db --year 2012 --out b --format xlsx > /dev/null && python3 sheets.py b book
  households persons household_years person_years
  $ diff -r out book && echo same
  same
  $ ansinh export --db a.db --year 2012 --out out
  ansinh: already_exists: out="out": thư mục đã có households.csv; dùng --force để ghi đè / out="out": the folder already holds households.csv; use --force to replace it
  [1]
  $ ansinh export --db a.db --year 2012 --out a.xlsx
  ansinh: already_exists: out="a.xlsx": tệp đã có; dùng --force để ghi đè / out="a.xlsx": the file exists; use --force to replace it
  [1]
  $ ansinh export --db a.db --year 2012 --out out --force > /dev/null && diff -r gen out && echo same
  same

Export, then import into a new database (ansinh import), gives the same data back: exporting
the new database gives the same files, from the folder and from the workbook, with custom
attributes (an empty cell is no attribute) and awkward text kept.

  $ ansinh init --db b.db --province 95 > /dev/null
  $ ansinh import --db b.db out > /dev/null 2>&1 && ansinh export --db b.db --year 2012 --out b1 > /dev/null
  $ diff -r out b1 && echo same
  same
  $ ansinh init --db c.db --province 95 > /dev/null
  $ ansinh import --db c.db a.xlsx > /dev/null 2>&1 && ansinh export --db c.db --year 2012 --out c1 > /dev/null
  $ diff -r out c1 && echo same
  same
  $ cp -r out attr && cat > extra.py <<'PY'
  > import csv
  > def add(table, names, value):
  >     rows = list(csv.reader(open('attr/%s.csv' % table, newline='')))
  >     rows[0] += names
  >     for i, row in enumerate(rows[1:]):
  >         row += [value(i, n) for n in range(len(names))]
  >     csv.writer(open('attr/%s.csv' % table, 'w', newline=''), lineterminator='\n').writerows(rows)
  > add('households', ['ghi chú', 'điện thoại'],
  >     lambda i, n: ('gần chợ, "nhà lá"\nấp mới' if i % 2 else '') if n == 0 else ('0912' if i % 3 == 0 else ''))
  > add('person_years', ['nutrition'], lambda i, n: 'stunted' if i % 5 == 0 else '')
  > PY
  $ python3 extra.py
  $ ansinh init --db d.db --province 95 > /dev/null
  $ ansinh import --db d.db attr > /dev/null 2>&1 && ansinh export --db d.db --year 2012 --out d1 > /dev/null
  $ diff -r attr d1 && echo same
  same
  $ sqlite3 d.db "SELECT entity, COUNT(*) FROM custom_attributes GROUP BY entity"
  household|42
  person_year|40

Refused, with nothing written: a year with no survey, a missing database, a bad format, a file
where a folder is wanted.

  $ ansinh export --db a.db --year 2019 --out none
  ansinh: not_found: year="2019": không có khảo sát năm này (các năm có: 2012) / no survey that year (surveyed: 2012)
  [1]
  $ ansinh export --db missing.db --year 2012 --out none
  ansinh: not_found: db="missing.db": chưa có cơ sở dữ liệu; hãy chạy: ansinh init --db missing.db / no such database; create it with: ansinh init --db missing.db
  [1]
  $ ansinh export --db a.db --year 2012 --out none --format pdf
  ansinh: invalid_argument: format="pdf": phải là csv hoặc xlsx / must be csv or xlsx
  [1]
  $ ansinh export --db a.db --year 2012 --out out/households.csv
  ansinh: invalid_argument: out="out/households.csv": đây là một tệp, không phải thư mục / is a file, not a folder
  [1]
  $ ls none missing.db 2>&1 | sed 's/^ls: //'
  cannot access 'none': No such file or directory
  cannot access 'missing.db': No such file or directory
  $ ansinh export --db a.db --out none
  --year is required
  Run with --help for more information.
  [2]
