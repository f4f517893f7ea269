ansinh serve over a small generated province, asked with curl: health, sign-in with the cookie's
flags, area scope, the analytics once loaded, and a graceful stop on SIGTERM.

  $ ansinh init --db s.db --province 96 > /dev/null
  $ ansinh generate --db s.db --province 96 --households 600 --years 2013-2014 > /dev/null 2>&1
  $ printf 'mat-khau-tinh' > pw
  $ ansinh user add --db s.db --username tinh --role province --unit 96 --password-file pw --fast-hash > /dev/null
  $ C1=$(sqlite3 s.db "SELECT commune_code FROM households ORDER BY id LIMIT 1")
  $ H2=$(sqlite3 s.db "SELECT code FROM households WHERE commune_code <> '$C1' ORDER BY id LIMIT 1")
  $ ansinh user add --db s.db --username xa --role commune --unit $C1 --password-file pw --fast-hash > /dev/null
  $ ansinh serve --db s.db --listen 127.0.0.1:0 --web nowhere --reload-check 1 > out.txt 2> log.txt &
  $ SERVER=$!
  $ for i in $(seq 100); do grep -q http out.txt && break; sleep 0.1; done
  $ URL=$(sed -n 's/^An Sinh: //p' out.txt | head -1)
  $ curl -s ${URL}api/v1/health | grep -c '"status":"ok"'
  1
  $ curl -s -o /dev/null -w '%{http_code}\n' ${URL}api/v1/me
  401
  $ curl -s -o /dev/null -w '%{http_code}\n' -X POST -d '{"username":"tinh","password":"wrong-one"}' ${URL}api/v1/login
  401
  $ curl -s -D headers.txt -c tinh.jar -X POST -d '{"username":"tinh","password":"mat-khau-tinh"}' ${URL}api/v1/login > login.json
  $ grep -i '^set-cookie' headers.txt | sed 's/ansinh_session=[0-9a-f]*/ansinh_session=TOKEN/' | tr -d '\r'
  Set-Cookie: ansinh_session=TOKEN; Path=/; HttpOnly; SameSite=Strict; Max-Age=43200
  $ python3 -c "import json; d=json.load(open('login.json')); print(d['user']['username'], d['user']['role'], d['user']['unit']['code'], len(d['csrf_token']))"
  tinh province 96 64
  $ curl -s -c xa.jar -X POST -d '{"username":"xa","password":"mat-khau-tinh"}' ${URL}api/v1/login > /dev/null
  $ curl -s -b xa.jar -o /dev/null -w '%{http_code}\n' ${URL}api/v1/households/$H2
  403
  $ curl -s -b tinh.jar -o /dev/null -w '%{http_code}\n' ${URL}api/v1/households/$H2
  200

Once the analytics are loaded, the province's indicators agree with ansinh indicators.

  $ for i in $(seq 300); do curl -s ${URL}api/v1/health | grep -q '"ready":true' && break; sleep 0.1; done
  $ curl -s -b tinh.jar "${URL}api/v1/units/96/indicators?year=2014" > api.json
  $ ansinh indicators --db s.db --year 2014 --unit 96 --format json 2> /dev/null > cli.json
  $ python3 - <<'PY'
  > import json
  > api = {i["id"]: i["value"] for i in json.load(open("api.json"))["indicators"]}
  > cli = {r["indicator"]: r["value"] for r in json.load(open("cli.json"))}
  > same = all(abs((api[k] or 0) - (cli[k] or 0)) < 1e-6 and (api[k] is None) == (cli[k] is None) for k in cli)
  > print(api["households"], api["poor_households"] == cli["poor_households"], set(api) == set(cli), same)
  > PY
  600.0 True True True
  $ curl -s -b xa.jar -o /dev/null -w '%{http_code}\n' "${URL}api/v1/units/96/indicators?year=2014"
  403
  $ curl -s -b tinh.jar "${URL}api/v1/units/96/transitions?from=2013&to=2014" | python3 -c "import json,sys; d=json.load(sys.stdin); print(d['from_states'], sum(map(sum, d['matrix'])) >= 600)"
  ['poor', 'near_poor', 'middle', 'other', 'new'] True

A household surveyed while the server runs (here by the CLI, another connection) is counted
once the registry watch (--reload-check 1) has seen it in the audit log and reloaded the
analytics; nothing needs a restart.

  $ ansinh household add --db s.db --commune $C1 --hamlet "Ấp Mới" --code MOI-1 > /dev/null
  $ ansinh survey household --db s.db --household MOI-1 --year 2014 --income-month 900000 --housing-quality temporary --housing-area 30 --clean-water 0 --hygienic-latrine 0 --telecom 1 --info-assets 0 > /dev/null
  $ households() { curl -s -b tinh.jar "${URL}api/v1/units/96/indicators?year=2014" | python3 -c "import json,sys; print(int({i['id']: i['value'] for i in json.load(sys.stdin)['indicators']}['households']))"; }
  $ for i in $(seq 150); do [ "$(households)" = 601 ] && break; sleep 0.2; done
  $ households
  601
  $ grep -c 'registry changed: reloading' log.txt
  1

The listen queue is the system's (cpp-httplib's own is 5: clients connecting at once waited a
second), and a second server cannot take the port of a running one.

  $ PORT=$(echo $URL | sed 's/.*:\([0-9]*\)\/$/\1/')
  $ ss -ltnH "sport = :$PORT" | awk '{ print ($3 >= 128) }'
  1
  $ ansinh serve --db s.db --listen 127.0.0.1:$PORT --web nowhere > second.txt 2>&1
  [3]
  $ sed "s/$PORT/PORT/g" second.txt
  ansinh: io_error: không mở được cổng 127.0.0.1:PORT / cannot listen on 127.0.0.1:PORT

SIGTERM stops the server: it says so and exits 0; the request log has one JSON line per request.

  $ kill -TERM $SERVER
  $ wait $SERVER
  $ cat out.txt | tail -1
  An Sinh: đã dừng / stopped
  $ grep -c '"path":"/api/v1/login","status":200' log.txt
  2
  $ grep '"path":"/api/v1/households/' log.txt | sed 's/.*"status":\([0-9]*\).*"user":"\([a-z]*\)".*/\1 \2/'
  403 xa
  200 tinh
