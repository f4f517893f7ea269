Bad input gets one clear line naming the field, the value and the reason, a non-zero exit, and
leaves the database byte for byte as it was.

  $ ansinh init --db x.db --province 96 > /dev/null
  $ ansinh household add --db x.db --commune 32002 --hamlet "Khóm 1"
  1
  $ ansinh person add --db x.db --household 1 --name "Lê Văn Tư" --sex M --birth-date 1970 --relation head
  1
  $ ansinh survey household --db x.db --household 1 --year 2015 --income-month 1200000 --housing-quality temporary --housing-area 18
  $ sha256sum x.db > before

  $ ansinh household add --db x.db --commune 99999 --hamlet "Ấp 1"
  ansinh: not_found: commune="99999": mã xã không có trong tỉnh / unknown commune code
  [1]
  $ ansinh household add --db x.db --commune 31846 --hamlet "Ấp 1"
  ansinh: not_found: commune="31846": mã xã không có trong tỉnh / unknown commune code
  [1]
  $ ansinh survey household --db x.db --household 1 --year 2016 --income-month -5 --housing-quality permanent --housing-area 40
  ansinh: invalid_argument: income_month="-5": số tiền không được âm / the amount must not be negative
  [1]
  $ ansinh survey household --db x.db --household 1 --year 2015 --income-month 12.5
  ansinh: invalid_argument: income_month="12.5": số tiền phải là số nguyên đồng / the amount must be whole đồng
  [1]
  $ ansinh survey household --db x.db --household 1 --year 2015 --clean-water 2
  ansinh: invalid_argument: clean_water="2": giá trị không hợp lệ, cần một trong: 0, 1 / not a valid value; expected one of: 0, 1
  [1]
  $ ansinh survey household --db x.db --household 1 --year 2015 --housing-area 0
  ansinh: invalid_argument: housing_area_m2=.* (re)
  [1]
  $ ansinh survey household --db x.db --household 1 --year 2016 --income-month 100
  ansinh: invalid_argument: housing_quality="": năm khảo sát mới cần giá trị này / a new survey year needs this value
  [1]
  $ ansinh person add --db x.db --household 7 --name "Lê Thị Hoa" --sex F --birth-date 1990 --relation child
  ansinh: not_found: household="7": không có hộ này / no such household
  [1]
  $ ansinh person add --db x.db --household 1 --name "Lê Thị Hoa" --sex F --birth-date 1990-02-30 --relation child
  ansinh: invalid_argument: birth_date="1990-02-30": ngày không có trong tháng / no such day in that month
  [1]
  $ ansinh person add --db x.db --household 1 --name "Lê Thị Hoa" --sex F --birth-date 17/05/1990 --relation child
  ansinh: invalid_argument: birth_date="17/05/1990": ngày phải có dạng YYYY-MM-DD hoặc YYYY / a date must be YYYY-MM-DD or YYYY
  [1]
  $ ansinh person add --db x.db --household 1 --name "Lê Thị Hoa" --sex F --birth-date 2999-01-01 --relation child
  ansinh: invalid_argument: birth_date="2999-01-01": .* (re)
  [1]
  $ ansinh person add --db x.db --household 1 --name "Lê Thị Hoa" --sex X --birth-date 1990 --relation child
  ansinh: invalid_argument: sex="X": giá trị không hợp lệ, cần một trong: M, F (nam, nữ) / not a valid value; expected one of: M, F (nam, nữ)
  [1]
  $ ansinh person add --db x.db --household 1 --name "  " --sex F --birth-date 1990 --relation child
  ansinh: invalid_argument: full_name=.* (re)
  [1]
  $ ansinh person edit --db x.db 1 --relation boss
  ansinh: invalid_argument: relation="boss": .* (re)
  [1]
  $ ansinh person remove --db x.db abc
  ansinh: invalid_argument: person="abc": số thứ tự phải là số nguyên dương / an id must be a positive whole number
  [1]
  $ ansinh household remove --db x.db 42
  ansinh: not_found: .* (re)
  [1]

Wrong usage is exit code 2, and changes nothing either.

  $ ansinh household add --db x.db --commune 32002 > /dev/null 2>&1
  [2]
  $ ansinh household frobnicate --db x.db > /dev/null 2>&1
  [2]

  $ sha256sum -c before
  x.db: OK
  $ ansinh audit --db x.db --table household | grep -c insert
  1
