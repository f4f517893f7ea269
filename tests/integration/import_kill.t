A killed import leaves the database as it was before: the import is one transaction, and
SQLite's write-ahead log drops what was not committed. The test kills `ansinh import` with
SIGKILL at twelve moments spread over its run (reading, checking, writing, committing) and
checks each time that the database is intact and holds what it held before (or, when the kill
came after the commit, the whole import).

  $ ansinh init --db k.db --province 96 > /dev/null
  $ ansinh generate --csv big --province 96 --households 6000 --years 2015-2016 > /dev/null
  $ sqlite3 k.db .dump > before.sql
  $ cp k.db pristine.db

How long one whole import takes here (this tree may be built with sanitizers; the faster of two
runs, so that the kills below land before the end):

  $ total_ms=999999
  $ for run in 1 2; do
  >   cp pristine.db scratch.db; rm -f scratch.db-wal scratch.db-shm
  >   start=$(date +%s%N); ansinh import --db scratch.db big --accept-valid > /dev/null 2>&1 || echo failed
  >   ms=$(( ($(date +%s%N) - start) / 1000000 )); if [ "$ms" -lt "$total_ms" ]; then total_ms=$ms; fi
  > done

A database is as it was before (its dump is the same), or, for a kill that lands after the
commit, holds the whole import (the same rows as a whole run); anything else is half an import.

  $ counts() { sqlite3 "$1" "SELECT (SELECT COUNT(*) FROM hamlets), (SELECT COUNT(*) FROM households), (SELECT COUNT(*) FROM persons), (SELECT COUNT(*) FROM household_years), (SELECT COUNT(*) FROM person_years), (SELECT COUNT(*) FROM audit_log)"; }
  $ killed=0; intact=0
  $ for k in 1 2 3 4 5 6 7 8 9 10 11 12; do
  >   ansinh import --db k.db big --accept-valid > /dev/null 2>&1 &
  >   pid=$!
  >   sleep "$(awk -v t="$total_ms" -v k="$k" 'BEGIN { printf "%.3f", t * k / 16 / 1000 }')"
  >   if kill -9 "$pid" 2> /dev/null; then
  >     killed=$((killed + 1)); wait "$pid" 2> /dev/null
  >     if [ "$(sqlite3 k.db 'PRAGMA integrity_check')" != ok ]; then echo "kill $k: not intact"
  >     elif sqlite3 k.db .dump | cmp -s - before.sql; then intact=$((intact + 1))
  >     elif [ "$(counts k.db)" = "$(counts scratch.db)" ]; then intact=$((intact + 1))  # killed after its commit
  >     else echo "kill $k: half an import is in the database: $(counts k.db)"
  >     fi
  >   else
  >     wait "$pid" 2> /dev/null  # it ended before the kill: not a kill; start again from before
  >   fi
  >   rm -f k.db-wal k.db-shm; cp pristine.db k.db
  > done
  $ [ "$killed" -ge 6 ] && echo "killed $killed times mid-import" || echo "only $killed kills landed"
  killed [0-9]+ times mid-import (re)
  $ [ "$intact" -eq "$killed" ] && echo "intact after every kill" || echo "intact $intact of $killed"
  intact after every kill

After all that, the import runs whole and gives what it gives on a fresh database.

  $ ansinh import --db k.db big --accept-valid > /dev/null 2>&1; echo $?
  0
  $ for db in k.db scratch.db; do sqlite3 $db "SELECT COUNT(*), SUM(income_month) FROM household_years"; done | uniq | wc -l
  1
