#!/usr/bin/env bash
# Query commands on a read-only workspace (a colleague's share, a snapshot):
# report, trade, events, index, site and top-events work and change nothing
# (the database's bytes are the same, no -wal or -shm file appears); an
# ingest is refused with a message that says the workspace is read-only.
# As root (CI), permissions do not bind, so the commands run as 'nobody'
# through setpriv.
# Usage: read_only_workspace_test.sh BILAT OUT_DIR
set -euo pipefail
bilat="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"; out="$2"
here="$(cd "$(dirname "$0")/../.." && pwd)"
rm -rf "$out"; mkdir -p "$out"
ws="$out/ws"
"$here/scripts/example_workspace.sh" "$bilat" "$ws" >/dev/null
as_reader=()
if [ "$(id -u)" -eq 0 ]; then
  as_reader=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
  chmod -R a+rX "$out"
  # nobody must reach the binary and the data it reads
  for d in "$(dirname "$bilat")" "$here"; do
    p="$d"; while [ "$p" != "/" ]; do chmod o+x "$p" 2>/dev/null || true; p="$(dirname "$p")"; done
  done
fi
chmod -R a-w "$ws"
before="$(sha256sum "$ws/bilat.db")"
reports="$out/reports"; mkdir -p "$reports"; chmod 777 "$reports"
fail() { echo "FAIL: $*" >&2; exit 1; }
run() {  # a query command as the reader; must succeed
  if ! "${as_reader[@]}" "$bilat" "$@" >"$out/last.out" 2>"$out/last.err"; then
    cat "$out/last.err" >&2; fail "bilat $* failed on a read-only workspace"
  fi
}
run report CHN KAZ -w "$ws" --out "$reports" --format json,md
[ -s "$reports/CHN-KAZ.json" ] || fail "no report written"
run trade CHN KAZ -w "$ws"
run events CHN KAZ -w "$ws"
run top-events CHN KAZ -w "$ws"
run index CHN -w "$ws"
run site CHN -w "$ws" --out "$reports/site"
[ -s "$reports/site/index.html" ] || fail "no site written"
[ "$(sha256sum "$ws/bilat.db")" = "$before" ] || fail "the database changed"
[ ! -e "$ws/bilat.db-wal" ] && [ ! -e "$ws/bilat.db-shm" ] || fail "a -wal or -shm file appeared"
# A write is refused, saying why, with exit code 1 (not a crash).
set +e
"${as_reader[@]}" "$bilat" ingest wdi "$here/examples/chn-kaz/macro/"*.csv -w "$ws" >"$out/ingest.out" 2>"$out/ingest.err"
rc=$?
set -e
[ "$rc" -eq 1 ] || { cat "$out/ingest.err" >&2; fail "ingest on a read-only workspace: exit $rc, expected 1"; }
grep -q "read-only" "$out/ingest.err" || { cat "$out/ingest.err" >&2; fail "the refusal does not say read-only"; }
[ "$(sha256sum "$ws/bilat.db")" = "$before" ] || fail "the database changed"
chmod -R u+w "$ws"
echo "read-only workspace: 6 query commands worked, database unchanged, ingest refused (exit 1)"
