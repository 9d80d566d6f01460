# tests/screen/lib.sh: helpers of the screen tests (sourced after tests/cli/lib.sh's TAP helpers).
# The screens run from a key script with no terminal; each <dump> in the script appends the screen
# (its text rows, then its attribute map) to $T/dump.
# shellcheck source=tests/cli/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/../cli/lib.sh"

export TERM=xterm-256color
unset NO_COLOR

# screen KEYS [ARGS...]: run the screens on $DB with the key script KEYS; dumps in $T/dump. The
# first screen is $START: the client list unless a test sets START=dashboard.
screen()
{
	local keys=$1
	shift
	printf '%s' "$keys" >"$T/keys"
	rm -f "$T/dump"
	run "$CARTERA_BIN" --db "$DB" --today "$TODAY" --screen "${START:-clients}" \
		--keys "$T/keys" --dump "$T/dump" "$@"
}
# scr KEYS SIZE [VAR=VALUE...]: the screens from the dashboard with an environment of their own
# (PATH without lp, with a fake lp...), in the current directory.
scr()
{
	local keys=$1 size=$2
	shift 2
	printf '%s' "$keys" >"$T/keys"
	rm -f "$T/dump"
	run env HOME="$T/home" "$@" "$CARTERA_BIN" --db "$DB" --today "$TODAY" --screen dashboard \
		--keys "$T/keys" --dump "$T/dump" --size "$size"
}
# text N / attrs N: the text rows / the attribute map of dump N.
text()
{
	awk -v n="$1" '/^---- dump /{d++; on = (d == n); next} /^---- attributes/{on = 0} on' "$T/dump"
}
attrs()
{
	awk -v n="$1" '/^---- dump /{d++; a = 0; next} /^---- attributes/{a = (d == n); next} a' \
		"$T/dump"
}
row() { sed -n "$2p" <<<"$1"; }   # row TEXT N: line N (1-based) of TEXT
# a whole 80-column row of the selected-row attribute
R80=$(printf 'R%.0s' {1..80})

# ---- cartera at a real terminal: a detached tmux session "cartera" on a private server ----
# A test sets TM=(tmux -L NAME -f /dev/null) and starts the session; then:
#   pane                    the pane's text now, in $PANE;
#   wait_for NEEDLE         poll until the pane shows NEEDLE (status 1 after $WAIT_SECS s);
#   wait_pane CMD...        poll until CMD, which reads $PANE, succeeds (a screen that must show
#                           one thing AND no longer show another).
# The pane is polled, never slept on: a screen redraws late on a loaded machine, not wrongly.
pane()
{
	PANE=$("${TM[@]}" capture-pane -p -t cartera 2>/dev/null)
}
pane_then()
{
	pane
	"$@"
}
pane_has()
{
	[[ $PANE == *"$1"* ]]
}
wait_for()
{
	wait_until "$WAIT_SECS" pane_then pane_has "$1"
}
wait_pane()
{
	wait_until "$WAIT_SECS" pane_then "$@"
}
