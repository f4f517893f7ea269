ansinh init creates a database holding one province's tree from the GSO list, and ansinh units
prints it with the real GSO codes and names.

  $ ansinh init --db x.db --province 95
  Đã tạo / created x.db: Tỉnh Bạc Liêu (95), 7 huyện / districts, 64 xã / communes
  $ ansinh units --db x.db | head -4
  95  Tỉnh Bạc Liêu  (0 hộ/households, 0 nhân khẩu/persons)
    954  Thành phố Bạc Liêu  (0 hộ/households, 0 nhân khẩu/persons)
      31813  Phường 2  (0 hộ/households, 0 nhân khẩu/persons)
      31816  Phường 3  (0 hộ/households, 0 nhân khẩu/persons)
  $ ansinh units --db x.db | grep -c '^  [0-9][0-9][0-9] '
  7
  $ ansinh units --db x.db | grep -c '^    [0-9][0-9][0-9][0-9][0-9] '
  64
  $ ansinh units --db x.db | grep -E '^  9(56|61) '
    956  Huyện Hồng Dân  (0 hộ/households, 0 nhân khẩu/persons)
    961  Huyện Hoà Bình  (0 hộ/households, 0 nhân khẩu/persons)

The tree agrees with the GSO list the tests may read (../shared/data):

  $ awk -F, '$1=="95" {print $7}' "$ANSINH_SHARED/data/vn-admin-units.csv" | sort > gso.txt
  $ ansinh units --db x.db --json | python3 -c 'import json,sys; [print(u["code"]) for u in json.load(sys.stdin) if u["level"]=="commune"]' | sort > ours.txt
  $ diff gso.txt ours.txt && wc -l < ours.txt
  64

Another province, Cà Mau (the demo): 9 districts, 101 communes, 19 of them urban.

  $ ansinh init --db cm.db --province 96
  Đã tạo / created cm.db: Tỉnh Cà Mau (96), 9 huyện / districts, 101 xã / communes
  $ ansinh units --db cm.db --json | python3 -c 'import json,sys; print(sum(1 for u in json.load(sys.stdin) if u["urban"]))'
  19

A province that does not exist, or a database that already holds one, is refused and nothing is
left behind or changed.

  $ ansinh init --db bad.db --province 99
  ansinh: not_found: province="99": danh mục hành chính không có tỉnh này / no such province in the administrative list
  [1]
  $ ls bad.db
  ls: cannot access 'bad.db': No such file or directory
  [2]
  $ ansinh init --db bad.db --province 9x
  ansinh: invalid_argument: province="9x": mã đơn vị hành chính phải có 2 chữ số / an administrative code of this level has 2 digits
  [1]
  $ sha256sum x.db > before
  $ ansinh init --db x.db --province 96
  ansinh: already_exists: .* (re)
  [1]
  $ sha256sum -c before
  x.db: OK

Commands on a database that does not exist say how to create it.

  $ ansinh summary --db none.db
  ansinh: not_found: db="none.db": chưa có cơ sở dữ liệu; hãy chạy: ansinh init --db none.db / no such database; create it with: ansinh init --db none.db
  [1]
  $ ansinh summary --db x.db
  An Sinh — x.db (schema 5)
  Tỉnh / province:        Tỉnh Bạc Liêu (95)
  Huyện / districts:      7
  Xã / communes:          64
  Ấp, khóm / hamlets:     0
  Hộ / households:        0
  Nhân khẩu / persons:    0
