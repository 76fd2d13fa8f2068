#!/usr/bin/env bash
# `bilat extract` on bad input: binary junk and a missing file are refused
# with a message naming the file (exit 3) while the good file still goes
# through; an empty file gives an empty result (exit 0).
# Usage: bad_input_test.sh BILAT OUT_DIR
set -uo pipefail
bilat="$1"; out="$2"
rm -rf "$out"; mkdir -p "$out/in"
head -c 65536 /dev/urandom >"$out/in/junk.txt"
: >"$out/in/empty.txt"
printf 'URL: https://example.org/2024/01/22/a\nTokayev visited China in May 2023.\n' >"$out/in/good.txt"

"$bilat" extract "$out/in/junk.txt" "$out/in/good.txt" "$out/in/missing.txt" --format gold --out "$out/gold" \
  >"$out/stdout" 2>"$out/stderr"
rc=$?
fail() { echo "FAIL: $*"; cat "$out/stderr"; exit 1; }
[ "$rc" -eq 3 ] || fail "exit code $rc, expected 3"
grep -q "junk.txt: binary data" "$out/stderr" || fail "no binary-data message"
grep -q "missing.txt: cannot read" "$out/stderr" || fail "no missing-file message"
[ -s "$out/gold/good.json" ] || fail "good file not extracted"
grep -q '"host_country": "CHN"' "$out/gold/good.json" || fail "good file lost its visit"

"$bilat" extract "$out/in/empty.txt" --format gold --out "$out/gold" >/dev/null 2>"$out/stderr" || fail "empty file failed"
grep -q '"visits": \[\]' "$out/gold/empty.json" || fail "empty file did not give an empty result"
echo "ok"
