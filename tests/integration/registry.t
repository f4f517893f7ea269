The household registry by hand: add, show, list, edit, remove, with members and yearly surveys.

  $ ansinh init --db x.db --province 95 > /dev/null
  $ ansinh household add --db x.db --commune 31846 --hamlet "Ấp Ninh Thạnh" --address "Số 12"
  1
  $ ansinh household add --db x.db --commune 31813 --hamlet "Khóm 1" --code BL-0002
  2
  $ ansinh person add --db x.db --household 1 --name "Nguyễn Văn An" --sex M --birth-date 1980-05-17 --relation head
  1
  $ ansinh person add --db x.db --household 1 --name "Trần Thị Bích" --sex nữ --birth-date 1983 --relation "vợ"
  2
  $ ansinh person add --db x.db --household BL-0002 --name "Thạch Sa Rết" --sex M --birth-date 1950-01-01 --relation "Chủ hộ" --ethnicity Khmer --id-number 095050001234
  3
  $ ansinh survey household --db x.db --household 1 --year 2024 --income-month 4500000 --housing-quality semi_permanent --housing-area 42 --clean-water 1 --hygienic-latrine 0 --telecom 1 --info-assets có
  $ ansinh survey person --db x.db --person 1 --year 2024 --health-insurance 1 --education-grade 9 --employed 1
  $ ansinh household show --db x.db 1
  Hộ / household 1  mã / code 31846-1
    Xã / commune:   31846 Xã Ninh Quới (nông thôn / rural)
    Ấp / hamlet:    Ấp Ninh Thạnh
    Địa chỉ / address: Số 12
  Thành viên / members (2):
    1  Nguyễn Văn An  M  17/05/1980  head  Kinh
    2  Trần Thị Bích  F  1983  spouse  Kinh
  Khảo sát / surveys (1):
    2024  thu nhập / income 4.500.000 đ/tháng  nhà / housing semi_permanent 42 m²  nước / water 1  nhà tiêu / latrine 0  viễn thông / telecom 1  tài sản thông tin / info assets 1
  Phân loại / classifications (0):

A survey year already on record keeps the answers that are not given again.

  $ ansinh survey household --db x.db --household 1 --year 2024 --income-month 5000000
  $ ansinh household show --db x.db 1 --json | python3 -c 'import json,sys; s=json.load(sys.stdin)["surveys"][0]; print(s["income_month"], s["housing_quality"], s["telecom"], s["members"][0]["education_grade"])'
  5000000 semi_permanent True 9

  $ ansinh household list --db x.db
  1  31846-1  31846  Ấp Ninh Thạnh  Số 12
  2  BL-0002  31813  Khóm 1
  $ ansinh household list --db x.db --unit 954
  2  BL-0002  31813  Khóm 1
  $ ansinh household list --db x.db --unit 31846 --json
  [
    {
      "address": "Số 12",
      "commune_code": "31846",
      "hamlet": "Ấp Ninh Thạnh",
      "hamlet_id": 1,
      "household_id": "31846-1",
      "id": 1
    }
  ]
  $ ansinh units --db x.db | grep -E '^(95|  954|    31813) '
  95  Tỉnh Bạc Liêu  (2 hộ/households, 3 nhân khẩu/persons)
    954  Thành phố Bạc Liêu  (1 hộ/households, 1 nhân khẩu/persons)
      31813  Phường 2  (1 hộ/households, 1 nhân khẩu/persons)

  $ ansinh household edit --db x.db 1 --hamlet "Ấp Cù Lao" --address "Số 14"
  $ ansinh person edit --db x.db 2 --name "Trần Thị Bích Ngọc" --birth-date 1983-02-01
  $ ansinh household show --db x.db 1 | sed -n '3,4p;7p'
    Ấp / hamlet:    Ấp Cù Lao
    Địa chỉ / address: Số 14
    2  Trần Thị Bích Ngọc  F  01/02/1983  spouse  Kinh

Removing a member, then a household with its members and surveys.

  $ ansinh person remove --db x.db 2
  $ ansinh household remove --db x.db 1
  $ ansinh household show --db x.db 1
  ansinh: not_found: .* (re)
  [1]
  $ ansinh summary --db x.db | tail -2
  Hộ / households:        1
  Nhân khẩu / persons:    1
