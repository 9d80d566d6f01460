# tests/cli/lib.sh: TAP helpers for the command-line tests of cartera.  -*- sh -*-
#
# Sourced (bash) by tests/cli/*.sh, which automake's TAP driver runs as `$(SHELL) X.sh`.
# It gives each script:
#   - a private temporary directory $T (removed on exit), HOME=$T/home, no CARTERA_DB,
#     today fixed at $TODAY (2026-06-30) through CARTERA_TODAY and --today;
#   - TAP output: `ok N - desc` / `not ok N - desc` lines, diagnostics as `# ...`, and the plan
#     line "1..N" printed last by done_testing;
#   - run CMD...           runs CMD, keeping stdout in $OUT, stderr in $ERR, exit status in $RC;
#   - cart ARGS...         run "$CARTERA_BIN" --db "$DB" --today "$TODAY" ARGS...
#   - assert_status N desc / assert_eq EXPECTED ACTUAL desc / assert_contains TEXT NEEDLE desc /
#     assert_not_contains / assert_match TEXT ERE desc;
#   - db_dump FILE         the canonical dump of a ledger (`sqlite3 FILE .dump`, nothing left out);
#     file_sha FILE        the sha256 of the file's bytes (for files SQLite cannot read);
#     dump_save FILE NAME / assert_dump_same FILE NAME desc: before/after comparisons;
#   - check_ok [WHAT]      `cartera check` on $DB prints 0 problems and exits 0;
#   - squeeze / line_of / open_items_of: column listings compared by value, blanks squeezed;
#   - json_valid / json_eval / csv_field: CSV and JSON read back with python3 ($HAVE_PYTHON);
#   - bg_start CMD...      a background helper, killed at exit if still running;
#   - wait_until SECS CMD...  poll CMD until it succeeds, up to a generous deadline (for waits on
#     another process: never a fixed sleep, which a loaded machine outruns).
# Nothing here uses the real clock, the user's HOME or a CARTERA_DB from outside.
#
# Environment from the Makefile: CARTERA_BIN (absolute path of the built binary), CARTERA_SRCDIR.

if [ -z "${BASH_VERSION:-}" ]; then
	echo "Bail out! tests/cli/lib.sh needs bash"
	exit 1
fi

TESTS_CLI_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
: "${CARTERA_SRCDIR:=$(cd "$TESTS_CLI_DIR/../.." && pwd)}"
if [ -z "${CARTERA_BIN:-}" ]; then
	CARTERA_BIN="$(cd "$(dirname "$0")/../.." && pwd)/cartera"
fi
case $CARTERA_BIN in
/*) ;;
*) CARTERA_BIN="$(pwd)/$CARTERA_BIN" ;;
esac
export CARTERA_BIN CARTERA_SRCDIR

if [ ! -x "$CARTERA_BIN" ]; then
	echo "Bail out! the cartera binary $CARTERA_BIN is missing or not executable (make cartera)"
	exit 1
fi
if ! command -v sqlite3 >/dev/null 2>&1; then
	echo "Bail out! the sqlite3 command-line shell is needed (Debian package sqlite3)"
	exit 1
fi

# ---- a private, reproducible environment ----
T=$(mktemp -d "${TMPDIR:-/tmp}/cartera-cli.XXXXXXXX") || {
	echo "Bail out! mktemp -d failed"
	exit 1
}
LIB_BG_PIDS=
lib_cleanup()
{
	local p
	for p in $LIB_BG_PIDS; do
		kill "$p" 2>/dev/null
	done
	rm -rf "$T"
}
trap lib_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP

export HOME="$T/home"
mkdir -p "$HOME"
unset CARTERA_DB CARTERA_BUSY_TIMEOUT LANGUAGE
export LC_ALL=C.UTF-8 LANG=C.UTF-8
TODAY=2026-06-30
export CARTERA_TODAY=$TODAY
export TZ=UTC
DB="$T/ledger.db"

# Commands are killed after this many seconds, so a hang fails a test instead of the run.
CMD_TIMEOUT=${CMD_TIMEOUT:-60}
if command -v timeout >/dev/null 2>&1; then
	LIB_TIMEOUT=(timeout -k 5 "$CMD_TIMEOUT")
else
	LIB_TIMEOUT=()
fi

# ---- TAP ----
TAP_N=0
TAP_FAILED=0

tap_diag()
{
	# every line of every argument as a TAP comment
	printf '%s\n' "$@" | sed 's/^/#   /'
}

pass()
{
	TAP_N=$((TAP_N + 1))
	echo "ok $TAP_N - $1"
}

fail()
{
	TAP_N=$((TAP_N + 1))
	TAP_FAILED=$((TAP_FAILED + 1))
	echo "not ok $TAP_N - $1"
	shift
	[ $# -gt 0 ] && tap_diag "$@"
	return 0
}

skip()
{
	TAP_N=$((TAP_N + 1))
	echo "ok $TAP_N - $1 # SKIP ${2:-}"
}

# ok CONDITION-EXIT-STATUS DESC: `ok $? "desc"` or `cond; ok $? desc`.
ok()
{
	if [ "$1" -eq 0 ]; then pass "$2"; else fail "$2"; fi
}

done_testing()
{
	echo "1..$TAP_N"
	[ "$TAP_FAILED" -eq 0 ] || echo "# $TAP_FAILED of $TAP_N failed"
	exit 0
}

# ---- running commands ----
OUT=
ERR=
RC=
LAST_CMD=

run()
{
	LAST_CMD="$*"
	"${LIB_TIMEOUT[@]}" "$@" >"$T/.out" 2>"$T/.err" </dev/null
	RC=$?
	OUT=$(cat "$T/.out")
	ERR=$(cat "$T/.err")
	return 0
}

# cart ARGS...: the binary on $DB with today fixed.
cart()
{
	run "$CARTERA_BIN" --db "$DB" --today "$TODAY" "$@"
}

# The last command, its status and (shortened) output, for a failed test's diagnostics.
last_diag()
{
	local sig=
	if [ "${RC:-0}" -ge 124 ] 2>/dev/null; then
		case $RC in
		124) sig=" (timed out after ${CMD_TIMEOUT}s)" ;;
		129 | 1[3-9][0-9]) sig=" (killed by signal $((RC - 128)))" ;;
		esac
	fi
	printf 'command: %s\nexit status: %s%s\nstdout:\n%s\nstderr:\n%s\n' "$LAST_CMD" "$RC" "$sig" \
		"$(printf '%s\n' "$OUT" | head -n 25)" "$(printf '%s\n' "$ERR" | head -n 10)"
}

# ---- assertions ----
assert_status()
{
	if [ "$RC" = "$1" ]; then
		pass "$2"
	else
		fail "$2" "expected exit status $1" "$(last_diag)"
	fi
}

assert_eq()
{
	if [ "$1" == "$2" ]; then
		pass "$3"
	else
		fail "$3" "expected: [$1]" "got:      [$2]"
	fi
}

assert_contains()
{
	if [[ $1 == *"$2"* ]]; then
		pass "$3"
	else
		fail "$3" "expected to find: [$2]" "in:" "$(printf '%s\n' "$1" | head -n 30)"
	fi
}

assert_not_contains()
{
	if [[ $1 != *"$2"* ]]; then
		pass "$3"
	else
		fail "$3" "did not expect: [$2]" "in:" "$(printf '%s\n' "$1" | head -n 30)"
	fi
}

# assert_match TEXT ERE DESC (grep -E on each line)
assert_match()
{
	if printf '%s\n' "$1" | grep -Eq -- "$2"; then
		pass "$3"
	else
		fail "$3" "expected a line matching: /$2/" "in:" "$(printf '%s\n' "$1" | head -n 30)"
	fi
}

# assert_refused STATUS NEEDLE DESC: two tests, the exit status and that stderr names NEEDLE.
assert_refused()
{
	assert_status "$1" "$3: exit status $1"
	assert_contains "$ERR" "$2" "$3: stderr names it ($2)"
}

# ---- output helpers ----
# squeeze TEXT: runs of blanks to one space, lines trimmed (column layouts compared by value).
squeeze()
{
	printf '%s\n' "$1" | sed -e 's/[[:blank:]][[:blank:]]*/ /g' -e 's/^ //' -e 's/ $//'
}

# line_of TEXT PREFIX: the first squeezed line that starts with PREFIX.
line_of()
{
	squeeze "$1" | awk -v p="$2" 'index($0, p) == 1 { print; exit }'
}

# open_items_of TEXT DOC: the squeezed open-item line(s) of DOC, one a line.
open_items_of()
{
	squeeze "$1" | awk -v p="$2 " 'index($0, p) == 1'
}

# python3 parses the CSV and JSON output; the system's one starts fastest (a pyenv shim can take
# most of a second per call).
HAVE_PYTHON=0
if [ -z "${PYTHON:-}" ]; then
	if [ -x /usr/bin/python3 ]; then PYTHON=/usr/bin/python3; else PYTHON=$(command -v python3); fi
fi
[ -n "$PYTHON" ] && "$PYTHON" -c 'import csv, decimal, json' 2>/dev/null && HAVE_PYTHON=1
export HAVE_PYTHON PYTHON

# json_valid TEXT: status 0 when TEXT parses as JSON.
json_valid()
{
	printf '%s' "$1" | "$PYTHON" -c 'import json,sys; json.load(sys.stdin)' 2>/dev/null
}

# json_eval TEXT EXPR: prints the Python expression EXPR over d = the parsed JSON; numbers are
# decimals exactly as written (2500.50 stays 2500.50).
json_eval()
{
	printf '%s' "$1" | "$PYTHON" -c '
import decimal, json, sys
d = json.load(sys.stdin, parse_float=decimal.Decimal)
r = eval(sys.argv[1])
print(r if not isinstance(r, (list, dict)) else json.dumps(r, default=str))
' "$2" 2>&1
}

# csv_field TEXT ROW COL: a field of a CSV text, parsed by Python's csv module (RFC 4180).
csv_field()
{
	printf '%s\n' "$1" | "$PYTHON" -c '
import csv, sys
rows = list(csv.reader(sys.stdin))
print(rows[int(sys.argv[1])][int(sys.argv[2])])
' "$2" "$3" 2>&1
}

# ---- ledger files ----
db_dump()
{
	sqlite3 -batch "$1" .dump 2>&1
}

file_sha()
{
	sha256sum <"$1" | cut -d' ' -f1
}

# dump_save FILE NAME: keep FILE's dump as NAME for a later assert_dump_same.
dump_save()
{
	db_dump "$1" >"$T/.dump.$2"
}

# assert_dump_same FILE NAME DESC: FILE's dump is still byte for byte the one saved as NAME.
assert_dump_same()
{
	db_dump "$1" >"$T/.dump.$2.after"
	if cmp -s "$T/.dump.$2" "$T/.dump.$2.after"; then
		pass "$3"
	else
		fail "$3" "the ledger changed:" "$(diff "$T/.dump.$2" "$T/.dump.$2.after" | head -n 20)"
	fi
}

# check_ok [DESC]: `cartera check` on $DB finds 0 problems and exits 0.
check_ok()
{
	cart check
	if [ "$RC" = 0 ] && [[ $OUT == *" 0 problems"* ]]; then
		pass "check: 0 problems${1:+ after $1}"
	else
		fail "check: 0 problems${1:+ after $1}" "$(last_diag)"
	fi
}

# bg_start CMD...: a background process, killed at exit if still running; its pid in $BG_PID.
bg_start()
{
	"$@" &
	BG_PID=$!
	LIB_BG_PIDS="$LIB_BG_PIDS $BG_PID"
}

# wait_until SECS CMD...: run CMD every 0.05 s until it exits 0 (status 0) or SECS seconds have
# passed (status 1). A test waits on the condition it needs, never for a fixed time: on a quiet
# machine this returns at once, on one loaded by other builds it keeps waiting. Give SECS as
# $WAIT_SECS (60 unless set) unless the wait itself is what is tested.
WAIT_SECS=${WAIT_SECS:-60}
wait_until()
{
	local end=$((SECONDS + $1))
	shift
	until "$@"; do
		[ "$SECONDS" -lt "$end" ] || return 1
		sleep 0.05
	done
	return 0
}
