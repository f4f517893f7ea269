ansinh import reads a survey (a folder of the four CSV tables, or an .xlsx workbook), checks it
whole, and writes it in one transaction: all of it, or nothing.

  $ ansinh init --db a.db --province 96 > /dev/null
  $ ansinh import --db a.db "$TESTDIR/../../data/samples" | sed 's/ in .* s$//; s#[^ ]*/data/samples#SAMPLES#'
  Đã nhập / imported SAMPLES
    bảng / table        mới / new   sửa / updated   giữ / unchanged
    households                  5               0                 0
    persons                    10               0                 0
    household_years             5               0                 0
    person_years               10               0                 0
    ấp, khóm mới / new hamlets (5): 32002 Khóm 1, 32002 Khóm 3, 32014 Ấp Bà Điều, 32014 Ấp Cái Nhúc, 32014 Ấp Tân Hiệp
  $ sqlite3 a.db "SELECT full_name FROM persons ORDER BY id LIMIT 2"
  Nguyễn Văn Hùng
  Trần Thị Lan

Importing the same file again changes nothing, and the audit log says nothing new.

  $ sqlite3 a.db "SELECT COUNT(*) FROM audit_log" > audit-before
  $ ansinh import --db a.db "$TESTDIR/../../data/samples" | head -1 | sed 's#[^ ]*/data/samples#SAMPLES#'
  Không có gì thay đổi / nothing changed: SAMPLES
  $ sqlite3 a.db "SELECT COUNT(*) FROM audit_log" | diff - audit-before

A changed income is an update, audited with the value before and after.

  $ cp -r "$TESTDIR/../../data/samples" s2
  $ sed -i 's/^32002-00001,2024,9500000,/32002-00001,2024,9700000,/' s2/household_years.csv
  $ ansinh import --db a.db s2 | grep household_years
    household_years             0               1                 4
  $ ansinh audit --db a.db --table household_year --json | python3 -c 'import json,sys; e=json.load(sys.stdin)[0]; print(e["action"], e["before"]["income_month"], e["after"]["income_month"])'
  update 9500000 9700000

A file with planted problems: an unclosed quote, an unknown commune, an orphan person, two
heads, a birth date in the future. Each problem is one line naming the file, row, column and the
value; nothing is written, and the database is byte for byte as it was.

  $ ansinh init --db b.db --province 96 > /dev/null
  $ mkdir bad
  $ printf 'household_id,commune_code,hamlet\nH1,32014,Ấp 1\nH2,99999,Ấp 2\nH3,32014,Ấp 3\n' > bad/households.csv
  $ printf 'person_id,household_id,full_name,sex,birth_date,relation,ethnicity\nP1,H1,Lê Văn A,M,1970,head,Kinh\nP2,H1,Lê Văn B,M,1972,head,Kinh\nP3,H9,Trần C,F,1980,head,Kinh\nP4,H3,Đỗ D,F,2999-01-01,head,Kinh\n' > bad/persons.csv
  $ printf 'household_id,year,income_month,housing_quality,housing_area_m2,clean_water,hygienic_latrine,telecom,info_assets\nH1,2024,1000000,permanent,30,1,1,1,1\n' > bad/household_years.csv
  $ printf 'person_id,year,health_insurance,in_school,education_grade,trained,vocational_trained,employed,disability\nP1,2024,1,0,5,0,0,1,0\n' > bad/person_years.csv
  $ sha256sum b.db > before.sha
  $ ansinh import --db b.db bad --error-report report.csv
  households.csv:2: commune_code = 99999: mã xã không có trong tỉnh / unknown commune code
  persons.csv:3: household_id = H9: mã hộ không có trong households.csv / household id not in households.csv
  persons.csv:4: birth_date = 2999-01-01: ngày sinh ở tương lai / the birth date is in the future
  households.csv:1: household_id = H1: hộ phải có đúng một chủ hộ, có 2 / a household needs exactly one head, found 2
  households.csv:2: household_id = H2: hộ phải có đúng một chủ hộ, có 0 / a household needs exactly one head, found 0
  ansinh: invalid_argument: path="bad": không nhập gì: tệp có 5 lỗi; sửa rồi nhập lại, hoặc dùng --accept-valid / nothing imported: the file has 5 problem(s); fix and re-import, or use --accept-valid
  [1]
  $ sha256sum -c before.sha
  b.db: OK
  $ head -2 report.csv
  file,row,column,value,reason_vi,reason_en
  households.csv,2,commune_code,99999,mã xã không có trong tỉnh,unknown commune code

An unclosed quote is a problem of its file.

  $ cp -r bad bad2 && printf 'H4,32014,"Ấp 4\n' >> bad2/households.csv
  $ ansinh import --db b.db bad2 2>&1 | grep -c 'households.csv'
  [0-9]+ (re)
  $ sha256sum -c before.sha
  b.db: OK

--accept-valid writes the households that have no problem, whole: here none (H1 has two heads,
H2 an unknown commune and no head, H3 a member born in the future). Once H1 and H3 are fixed,
those two are written and H2 is still left out.

  $ ansinh import --db b.db bad --accept-valid 2>/dev/null | tail -1
    bỏ qua / left out: 3 hộ có lỗi / households with problems, 9 dòng / rows
  $ cp -r bad good && sed -i 's/^P2,H1,Lê Văn B,M,1972,head/P2,H1,Lê Văn B,M,1972,child/; s/2999-01-01/1999-01-01/' good/persons.csv
  $ ansinh import --db b.db good --accept-valid 2>/dev/null | grep -E '^  (households|persons) '
    households                  2               0                 0
    persons                     3               0                 0

--dry-run checks and counts, and writes nothing.

  $ sha256sum b.db > before.sha
  $ ansinh import --db b.db "$TESTDIR/../../data/samples" --dry-run | head -3 | sed 's#[^ ]*/data/samples#SAMPLES#'
  Thử, không ghi gì / dry run, nothing written: SAMPLES
    bảng / table        mới / new   sửa / updated   giữ / unchanged
    households                  5               0                 0
  $ sha256sum -c before.sha
  b.db: OK

Names typed in TCVN3 (.VnTime fonts) are stored in Unicode, and the import says what it converted.

  $ ansinh init --db c.db --province 96 > /dev/null
  $ cp -r "$TESTDIR/../../data/samples" legacy
  $ printf 'P9,32002-00002,Nguy\xd4n V\xa8n Anh,M,1990,child,Kinh,\n' >> legacy/persons.csv
  $ ansinh import --db c.db legacy | grep -c TCVN3
  [1-9] (re)
  $ sqlite3 c.db "SELECT full_name FROM persons WHERE code = 'P9'"
  Nguyễn Văn Anh

Bad usage: a missing folder, a database not made by ansinh init.

  $ ansinh import --db a.db nowhere
  ansinh: .* (re)
  [1]
  $ ansinh import --db none.db "$TESTDIR/../../data/samples"
  ansinh: .* (re)
  [1]
