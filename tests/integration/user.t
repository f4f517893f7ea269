ansinh user add|passwd|list: the accounts of the server. A password comes from a file, never
the command line; a refused change names the field, the value and the reason and leaves the
database as it was.

  $ ansinh init --db u.db --province 96 > /dev/null
  $ printf 'mat-khau-tinh\n' > pw
  $ ansinh user add --db u.db --username tinh --role province --unit 96 --password-file pw --fast-hash
  Đã thêm người dùng / added user tinh (province, 96)
  $ ansinh user add --db u.db --username admin --role administrator --password-file pw --fast-hash
  Đã thêm người dùng / added user admin (administrator, -)

Refusals: a taken name, an unknown role, a unit of the wrong level, an unknown unit, a missing
unit, a short password, a missing password file.

  $ ansinh user add --db u.db --username tinh --role province --unit 96 --password-file pw --fast-hash
  ansinh: already_exists: .*"tinh".* (re)
  [1]
  $ ansinh user add --db u.db --username a --role boss --unit 96 --password-file pw --fast-hash
  ansinh: invalid_argument: role="boss": .* (re)
  [1]
  $ ansinh user add --db u.db --username a --role commune --unit 964 --password-file pw --fast-hash
  ansinh: invalid_argument: unit="964": vai trò commune cần đơn vị cấp commune, đây là cấp district / the role commune needs a commune, this unit is a district
  [1]
  $ ansinh user add --db u.db --username a --role district --unit 999 --password-file pw --fast-hash
  ansinh: not_found: unit="999": .* (re)
  [1]
  $ ansinh user add --db u.db --username a --role district --password-file pw --fast-hash
  ansinh: invalid_argument: unit="": .* (re)
  [1]
  $ printf 'short' > short
  $ ansinh user add --db u.db --username a --role viewer --unit 96 --password-file short --fast-hash
  ansinh: invalid_argument: password="[redacted]": mật khẩu phải có ít nhất 8 ký tự / the password must have at least 8 characters
  [1]
  $ ansinh user add --db u.db --username a --role viewer --unit 96 --password-file nofile --fast-hash
  ansinh: not_found: password-file="nofile": .* (re)
  [1]
  $ ansinh user add --db u.db --username a --role viewer --unit 96 --password secret
  .* (re)
  .* (re)
  [2]
  $ ansinh user list --db u.db
  admin  administrator  -
  tinh  province  96

The stored hash is argon2id, never the password; every change is in the audit log with the hash
redacted (two inserts with their after, one change with its before and after).

  $ sqlite3 u.db "SELECT substr(password_hash, 1, 10) FROM users WHERE username = 'tinh'"
  $argon2id$
  $ sqlite3 u.db "SELECT count(*) FROM users WHERE password_hash LIKE '%mat-khau%'"
  0
  $ printf 'mat-khau-moi\n' | ansinh user passwd --db u.db --username tinh --password-file - --fast-hash
  Đã đổi mật khẩu / password changed for tinh
  $ ansinh user passwd --db u.db --username nobody --password-file pw --fast-hash
  ansinh: not_found: username="nobody": .* (re)
  [1]
  $ ansinh audit --db u.db --table user | grep -c redacted
  4
  $ ansinh user list --db u.db --json | python3 -c "import json,sys; print([(u['username'], u['role'], u['unit']) for u in json.load(sys.stdin)])"
  [('admin', 'administrator', ''), ('tinh', 'province', '96')]
