#!/bin/bash
# tests/cli/manpage.sh: cartera(1), English and Spanish, is the program's own help: every command
# of `cartera --help` is in the page with its summary and the first line of its own --help, every
# option of the global --help is there, and the page renders without a troff warning (groff).
if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

BUILD=$(dirname "$CARTERA_BIN")
for lang in en es; do
	if [ $lang = en ]; then PAGE="$BUILD/cartera.1"; else PAGE="$BUILD/man/es/cartera.1"; fi
	[ -f "$PAGE" ]
	ok $? "$lang: the page is built ($PAGE)"
	[ -f "$PAGE" ] || continue
	# the page's text without troff's escapes, as a reader sees it
	TXT=$(sed -e 's/\\-/-/g' -e 's/\\e/\\/g' -e 's/^\\&//' "$PAGE")
	run env LANGUAGE=$lang CARTERA_LOCALEDIR="${CARTERA_LOCALEDIR:-}" "$CARTERA_BIN" --help
	HELP=$OUT
	cmds=$(printf '%s\n' "$HELP" | awk '/^$/ { b++; next } b == 2 && /^  [a-z]/ { print $1 }')
	[ "$(printf '%s\n' "$cmds" | wc -l)" -ge 20 ]
	ok $? "$lang: --help lists the commands ($(printf '%s ' $cmds))"
	missing=
	for c in $cmds; do
		summary=$(printf '%s\n' "$HELP" | awk -v c="$c" '$1 == c { sub(/^ *[^ ]+ +/, ""); print; exit }')
		first=$(LANGUAGE=$lang CARTERA_LOCALEDIR="${CARTERA_LOCALEDIR:-}" "$CARTERA_BIN" "$c" --help 2>/dev/null | head -1)
		grep -qxF ".B $c" <<<"$TXT" || missing="$missing $c"
		grep -qxF "$summary" <<<"$TXT" || missing="$missing $c(summary)"
		[ -z "$first" ] || grep -qxF "$first" <<<"$TXT" || missing="$missing $c(--help)"
	done
	assert_eq "" "$missing" "$lang: every command of --help is in the page, with its summary and its own --help"
	missing=
	for o in $(printf '%s\n' "$HELP" | grep -oE '^  --[a-z]+'); do
		grep -q -- "^ *$o" <<<"$TXT" || missing="$missing $o"
	done
	assert_eq "" "$missing" "$lang: every global option of --help is in the page"
	if command -v groff >/dev/null 2>&1; then
		W=$(groff -k -man -Tutf8 -ww -z "$PAGE" 2>&1)
		assert_eq "" "$W" "$lang: groff renders the page without a warning"
	else
		skip "$lang: the page renders" "no groff"
	fi
done
assert_contains "$(cat "$BUILD/man/es/cartera.1" 2>/dev/null)" ".SH ÓRDENES" "es: the page's headings in Spanish"
assert_contains "$(cat "$BUILD/man/es/cartera.1" 2>/dev/null)" "Uso: cartera init" "es: the commands' help in Spanish"
if command -v man >/dev/null 2>&1; then
	run env MANWIDTH=80 man -l "$BUILD/cartera.1"
	assert_status 0 "man -l ./cartera.1 works in the build tree"
	assert_contains "$OUT" "accounts receivable at the terminal" "and shows the page"
else
	skip "man -l ./cartera.1" "no man"
fi
done_testing
