Every change is one row of the audit log, newest first, naming the table and key, with the row
before and after; a rejected command and an edit that changes nothing add no row.

  $ ansinh init --db x.db --province 96 > /dev/null
  $ ansinh household add --db x.db --commune 32002 --hamlet "Khóm 1"
  1
  $ ansinh household edit --db x.db 1 --address "Số 5"
  $ ansinh household edit --db x.db 1 --address "Số 5"
  $ ansinh household add --db x.db --commune 99999 --hamlet "Khóm 1" 2> /dev/null
  [1]
  $ ansinh audit --db x.db --limit 3 | sed -E 's/^[0-9]+  [^ ]+  [^ ]+  //; s/"created_at":"[^"]*"/"created_at":T/'
  update  household 1
      trước / before: {"id":1,"code":"32002-1","commune_code":"32002","hamlet_id":1,"address":"","created_at":T}
      sau / after:    {"id":1,"code":"32002-1","commune_code":"32002","hamlet_id":1,"address":"Số 5","created_at":T}
  insert  household 1
      sau / after:    {"id":1,"code":"32002-1","commune_code":"32002","hamlet_id":1,"address":"","created_at":T}
  insert  hamlet 1
      sau / after:    {"id":1,"commune_code":"32002","name":"Khóm 1"}
  $ ansinh audit --db x.db --limit 3 --json | python3 -c 'import json,sys; [print(e["action"], e["table"], e["key"], e["actor"].startswith("cli:")) for e in json.load(sys.stdin)]'
  update household 1 True
  insert household 1 True
  insert hamlet 1 True

The province's units are logged when the database is created: 1 province, 9 districts, 101 communes.

  $ ansinh audit --db x.db --table admin_unit --limit 1000 --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))'
  111

Removing a household logs the removal of each of its rows.

  $ ansinh person add --db x.db --household 1 --name "Lê Văn Tư" --sex M --birth-date 1970 --relation head
  1
  $ ansinh household remove --db x.db 1
  $ ansinh audit --db x.db --limit 2 --json | python3 -c 'import json,sys; [print(e["action"], e["table"], e["key"], e["after"]) for e in json.load(sys.stdin)]'
  delete household 1 None
  delete person 1 None
