#!/bin/bash
# `cartera report aging --format xlsx` against its floor (issue 17: target <= 1.5x): a bare
# libxlsxwriter program (tests/bench/bare_xlsx.c) writing the same cells in the same
# constant-memory mode, given them ready-made (cartera's own aging as CSV, read before its
# clock starts). Rounds alternate the two; medians of --repeat rounds of CPU time (user +
# system), the whole cartera process against the bare program's writing alone and its whole
# process, and the SQLite floor (SELECT sum(amount) FROM entries) of the same round.
#   tests/bench/bench_xlsx.sh [--db PATH] [--repeat N] [--cartera PATH] [--bare PATH]
# --db: a ledger (default the benchmark ledger of bench_cli.sh, /tmp/cartera-bench-cli.db,
# generated as it does when missing); opened in place (the schema may be upgraded): give a copy.
set -u
export LC_ALL=C
db=/tmp/cartera-bench-cli.db repeat=5 cartera=./cartera bare=tests/bench/bare_xlsx today=2026-06-30
while [ $# -gt 0 ]; do
	case $1 in
	--db) db=$2; shift ;;
	--repeat) repeat=$2; shift ;;
	--cartera) cartera=$2; shift ;;
	--bare) bare=$2; shift ;;
	-h|--help) sed -n '2,10p' "$0"; exit 0 ;;
	*) echo "bench_xlsx: unknown option $1" >&2; exit 2 ;;
	esac
	shift
done
if [ ! -s "$db" ]; then   # as bench_cli.sh makes it
	echo "generating 50000 clients, 1000000 invoices, 750000 receipts into $db ..."
	CARTERA_TODAY=$today "$cartera" demo --quiet --db "$db" --clients 50000 --invoices 1000000 \
		--receipts 750000 || exit 1
fi
command -v sqlite3 >/dev/null || { echo "bench_xlsx: needs the sqlite3 shell" >&2; exit 2; }
tmp=$(mktemp -d /tmp/cartera-bench-xlsx.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
ratio() { echo "if ($2 > 0) $1 / $2 else 0" | bc -l; }   # 0: the divisor below the clock
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
cpu() {   # cpu CMD...: CPU seconds of the whole process into $c
	/usr/bin/time -f '%U %S' -o "$tmp/t" "$@" >"$tmp/out" 2>"$tmp/err" || { cat "$tmp/err" >&2; exit 1; }
	c=$(awk '{ print $1 + $2 }' "$tmp/t")
}

echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')," \
     "$(grep MemTotal /proc/meminfo | tr -s ' '), libxlsxwriter $(dpkg-query -W -f '${Version}' libxlsxwriter-dev 2>/dev/null)"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg); ledger $db; medians of $repeat"
"$cartera" --db "$db" --today $today report aging --format csv --force --output "$tmp/aging.csv" \
	>/dev/null || exit 1
: >"$tmp/c"; : >"$tmp/bw"; : >"$tmp/bp"; : >"$tmp/f"
for i in $(seq "$repeat"); do
	cpu sqlite3 "$db" 'SELECT sum(amount) FROM entries'
	echo "$c" >>"$tmp/f"
	cpu "$cartera" --db "$db" --today $today report aging --format xlsx --force --output "$tmp/c.xlsx"
	echo "$c" >>"$tmp/c"
	cpu "$bare" "$tmp/aging.csv" "$tmp/b.xlsx"
	echo "$c" >>"$tmp/bp"
	awk '{ print $1 / 1000 }' "$tmp/out" >>"$tmp/bw"
	rows=$(awk '{ print $3 }' "$tmp/out")
done
mc=$(median <"$tmp/c") mw=$(median <"$tmp/bw") mp=$(median <"$tmp/bp") mf=$(median <"$tmp/f")
printf 'aging to XLSX, %s rows: cartera %.3f s CPU (whole process); bare libxlsxwriter %.3f s writing, %.3f s whole process; floor %.3f s\n' \
	"$rows" "$mc" "$mw" "$mp" "$mf"
printf '  cartera / bare writing %.2fx, / bare whole process %.2fx (target <= 1.5x: %s); cartera / floor %.1fx (0: below the clock)\n' \
	"$(ratio "$mc" "$mw")" "$(ratio "$mc" "$mp")" \
	"$(echo "$mc <= 1.5 * $mp" | bc -l | sed 's/1/met/;s/0/MISSED/')" \
	"$(ratio "$mc" "$mf")"
printf '  files: cartera %s bytes, bare %s bytes; load average at the end: %s\n' \
	"$(stat -c %s "$tmp/c.xlsx")" "$(stat -c %s "$tmp/b.xlsx")" "$(cut -d' ' -f1-3 /proc/loadavg)"
