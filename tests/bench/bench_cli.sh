#!/bin/bash
# Whole-process figures (issue 17): each command as a user runs it, beside the SQLite floor
# (`sqlite3 FILE 'SELECT sum(amount) FROM entries'`) measured in the same round. Medians of
# --repeat rounds, wall and CPU (user + system) time, and the ratio to the floor of each.
#   tests/bench/bench_cli.sh [--quick] [--db PATH] [--repeat N] [--cartera PATH] [--no-check]
#                            [--only REGEX]
# --quick: a ledger of 5,000 clients (100,000 invoices, 75,000 receipts) for CI-like checks;
# default: the benchmark ledger, 50,000 clients, 1 M invoices, 750,000 receipts. A missing file
# is generated with `cartera demo` (timed: the bulk load's entries per second, whole process).
# --only: just the commands whose label matches REGEX (grep -E). The screens are opened from a
# key script (no terminal): the dashboard alone, then Seguimiento (W) and Hoy (H) over it.
set -u
export LC_ALL=C
quick=0 db= repeat=5 cartera=./cartera today=2026-06-30 nocheck=0 only=
while [ $# -gt 0 ]; do
	case $1 in
	--quick) quick=1 ;;
	--db) db=$2; shift ;;
	--repeat) repeat=$2; shift ;;
	--cartera) cartera=$2; shift ;;
	--no-check) nocheck=1 ;;
	--only) only=$2; shift ;;
	-h|--help) sed -n '2,11p' "$0"; exit 0 ;;
	*) echo "bench_cli: unknown option $1" >&2; exit 2 ;;
	esac
	shift
done
if [ "$quick" = 1 ]; then
	clients=5000 invoices=100000 receipts=75000
	: "${db:=/tmp/cartera-bench-quick.db}"
else
	clients=50000 invoices=1000000 receipts=750000
	: "${db:=/tmp/cartera-bench-cli.db}"
fi
command -v sqlite3 >/dev/null || { echo "bench_cli: needs the sqlite3 shell" >&2; exit 2; }
export CARTERA_TODAY=$today
tmp=$(mktemp -d /tmp/cartera-bench-cli.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')," \
     "$(grep MemTotal /proc/meminfo | tr -s ' '), SQLite $(sqlite3 --version | cut -d' ' -f1)"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg); today $today; medians of $repeat"

# run LABEL CMD...: wall and CPU seconds of one run into $w $c
run1() {
	/usr/bin/time -f '%e %U %S' -o "$tmp/t" "$@" >"$tmp/out" 2>"$tmp/err"
	local rc=$?
	read -r w u s < <(tail -1 "$tmp/t")
	c=$(echo "$u + $s" | bc)
	return $rc
}
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

if [ ! -s "$db" ]; then
	rm -f "$db" "$db-wal" "$db-shm"
	echo "generating $clients clients, $invoices invoices, $receipts receipts into $db ..."
	run1 "$cartera" demo --quiet --db "$db" --clients $clients --invoices $invoices \
		--receipts $receipts || { cat "$tmp/err" >&2; exit 1; }
	n=$(sqlite3 "$db" 'SELECT count(*) FROM entries')
	printf 'bulk load (cartera demo, whole process): %s entries in %.1f s wall, %.1f s CPU:' \
		"$n" "$w" "$c"
	printf ' %.0f entries/s wall, %.0f entries/s CPU\n' "$(echo "$n / $w" | bc -l)" \
		"$(echo "$n / $c" | bc -l)"
	"$cartera" --db "$db" balance >/dev/null	# a ledger from an older cartera is upgraded here
fi
asof_past=$(date -d "$today - 180 days" +%F)
client=$(sqlite3 "$db" 'SELECT client_id FROM entries GROUP BY client_id ORDER BY count(*) DESC LIMIT 1')

names=() ; cmds=()
add() { names+=("$1"); shift; cmds+=("$*"); }
add "balance (all)"              "$cartera --db $db balance"
add "client list"                "$cartera --db $db client list"
add "aging (text)"               "$cartera --db $db aging"
add "aging (csv)"                "$cartera --db $db --format csv aging"
add "aging --asof $asof_past"    "$cartera --db $db aging --asof $asof_past"
add "aging --asof (csv)"           "$cartera --db $db --format csv aging --asof $asof_past"
add "report aging xlsx"          "$cartera --db $db report aging --format xlsx --force --output $tmp/a.xlsx"
add "report followup"            "$cartera --db $db report followup"
add "report trend (12 month-ends)" "$cartera --db $db report trend --format csv"
add "followup run --dry-run"     "$cartera --db $db followup run --dry-run"
add "balance CLIENT (busiest)"   "$cartera --db $db balance $client"
printf '<dump>' >"$tmp/k-dash"; printf '<A-W><dump>' >"$tmp/k-follow"; printf '<A-H><dump>' >"$tmp/k-today"
screen="$cartera --db $db --screen dashboard --size 80x24 --dump $tmp/dump --keys $tmp/k"
add "screen: dashboard alone"     "$screen-dash"
add "screen: dashboard, Seguimiento" "$screen-follow"
add "screen: dashboard, Hoy"      "$screen-today"
[ "$nocheck" = 1 ] || add "check"  "$cartera --db $db check"
[ "$nocheck" = 1 ] || add "check --full"  "$cartera --db $db check --full"

if [ -n "$only" ]; then
	keep_n=() keep_c=()
	for ((i = 0; i < ${#names[@]}; i++)); do
		if grep -Eq -- "$only" <<<"${names[$i]}"; then keep_n+=("${names[$i]}"); keep_c+=("${cmds[$i]}"); fi
	done
	names=("${keep_n[@]}") cmds=("${keep_c[@]}")
fi
declare -A W C FW FC
for ((r = 0; r < repeat; r++)); do
	for ((i = 0; i < ${#names[@]}; i++)); do
		# the check costs minutes at full size: three rounds at most
		case ${names[$i]} in check*) [ $r -ge 3 ] && continue ;; esac
		run1 sqlite3 "$db" 'SELECT sum(amount) FROM entries'
		fw=$w fc=$c
		# shellcheck disable=SC2086
		if ! run1 ${cmds[$i]}; then
			echo "bench_cli: ${names[$i]} failed:" >&2; head -5 "$tmp/err" >&2
		fi
		W[$i]+="$w "; C[$i]+="$c "; FW[$i]+="$fw "; FC[$i]+="$fc "
	done
done
printf '%-30s %9s %9s %9s %9s %8s %8s\n' command wall cpu "floor w" "floor c" "x wall" "x cpu"
for ((i = 0; i < ${#names[@]}; i++)); do
	w=$(echo ${W[$i]} | tr ' ' '\n' | median); c=$(echo ${C[$i]} | tr ' ' '\n' | median)
	fw=$(echo ${FW[$i]} | tr ' ' '\n' | median); fc=$(echo ${FC[$i]} | tr ' ' '\n' | median)
	printf '%-30s %8.2fs %8.2fs %8.2fs %8.2fs %7.1fx %7.1fx\n' "${names[$i]}" "$w" "$c" "$fw" "$fc" \
		"$(echo "$w / $fw" | bc -l)" "$(echo "$c / ($fc + 0.001)" | bc -l)"
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
