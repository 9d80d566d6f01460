#!/bin/bash
# The layers hold by the build and by this test (issue 11): curses only in ui/, SQLite only in
# src/model/, the model's headers and the controllers' insides never in ui/ or src/cli/, no model
# calls from the faces, nothing of the upper layers in src/base/. The checker runs on the tree
# (clean), then on a copy with one violation of each kind planted, which it must name.
. "$(dirname "$0")/lib.sh"

# check ROOT: print one line per violation, "file: rule".
check()
{
	local root=$1 f
	(
		cd "$root" || exit 1
		for f in $(find src ui -name '*.[ch]' ! -name migrations.c | sort); do
			case $f in
			ui/*) ;;
			*) grep -qE '^#include <(n?curses|ncursesw/)' "$f" && echo "$f: curses outside ui/" ;;
			esac
			case $f in
			src/model/*) ;;
			*) grep -qE '^#include <sqlite3\.h>|\bsqlite3_[a-z_]+\(' "$f" &&
				echo "$f: SQLite outside src/model/" ;;
			esac
			case $f in
			ui/* | src/cli/*)
				grep -qE '^#include "([.]{2}/)*(src/)?(model|ctl)/|^#include "(ledger[a-z_]*|ctl_int)\.h"' "$f" &&
					echo "$f: the model's or the controllers' insides included by a face"
				grep -qE '\bledger_[a-z_]+\(' "$f" && echo "$f: calls the model directly"
				grep -qE '\b[a-z_]+(->|\.)c(->|\.)(l|co|have_company|path)\b' "$f" &&
					echo "$f: reaches into the controller's fields"
				;;
			src/base/*)
				grep -qE '^#include "(cartera/(ctl|report|reports|render|demo|csvclient|csvopening)[a-z_]*\.h|model/|ctl/)' "$f" &&
					echo "$f: base depends on an upper layer"
				;;
			src/model/*)
				grep -qE '^#include "(cartera/(ctl|report|reports|render)[a-z_]*\.h|ctl/)' "$f" &&
					echo "$f: the model depends on the controllers or reports"
				;;
			esac
		done
	)
}

OUT=$(check "$CARTERA_SRCDIR")
assert_eq "" "$OUT" "the tree keeps its layers"

# A copy with one violation of each kind.
mkdir -p "$T/tree"
cp -r "$CARTERA_SRCDIR/src" "$CARTERA_SRCDIR/ui" "$T/tree/"
printf '#include <curses.h>\n' >> "$T/tree/src/ctl/ctl_dash.c"
printf 'static void x(void) { sqlite3_exec(0, 0, 0, 0, 0); }\n' >> "$T/tree/src/report/report.c"
printf '#include "model/ledger.h"\n' >> "$T/tree/ui/scr_dash.c"
printf 'static int y(ctl *c) { return ledger_check(c, 0, 0, 0, 0, 0); }\n' >> "$T/tree/src/cli/cli_show.c"
printf 'static int z(cli *g) { return g->c->l != 0; }\n' >> "$T/tree/src/cli/cli_client.c"
printf '#include "cartera/ctl.h"\n' >> "$T/tree/src/base/money.c"
printf '#include "cartera/reports.h"\n' >> "$T/tree/src/model/ledger_query.c"
OUT=$(check "$T/tree")
assert_contains "$OUT" "src/ctl/ctl_dash.c: curses outside ui/" "curses in a controller is named"
assert_contains "$OUT" "src/report/report.c: SQLite outside src/model/" "SQL in a report is named"
assert_contains "$OUT" "ui/scr_dash.c: the model's or the controllers' insides included by a face" \
	"the model's header in a screen is named"
assert_contains "$OUT" "src/cli/cli_show.c: calls the model directly" "a model call from the command line is named"
assert_contains "$OUT" "src/cli/cli_client.c: reaches into the controller's fields" \
	"the command line holding the ledger is named"
assert_contains "$OUT" "src/base/money.c: base depends on an upper layer" "base using a controller is named"
assert_contains "$OUT" "src/model/ledger_query.c: the model depends on the controllers or reports" \
	"the model using the reports is named"
assert_eq 7 "$(printf '%s\n' "$OUT" | grep -c .)" "and nothing else"

# The build itself refuses: a screen or a command compiled the way the Makefile compiles them
# (no src/ on the include path) cannot reach the model's headers.
if command -v "${CC:-cc}" >/dev/null 2>&1; then
	printf '#include "model/ledger.h"\nint main(void) { return 0; }\n' > "$T/face.c"
	run "${CC:-cc}" -fsyntax-only -I"$CARTERA_SRCDIR/include" "$T/face.c"
	assert_status 1 "a face including the model does not compile without src/ on its path"
	run "${CC:-cc}" -fsyntax-only -I"$CARTERA_SRCDIR/include" -I"$CARTERA_SRCDIR/src" \
		-I"$(dirname "$CARTERA_BIN")" "$T/face.c"
	assert_status 0 "while a controller (with src/ on its path) may"
fi
# The Makefile gives src/ on the path only to the layers below the faces.
run grep -nE '^cartera_CPPFLAGS|^cartera_CFLAGS' "$CARTERA_SRCDIR/Makefile.am"
assert_not_contains "$OUT" "top_srcdir)/src" "the program's own sources (ui/, src/cli/) get no src/ include path"

# The error argument is never NULL: a call passing NULL where a cart_err * goes is named, so no
# failure is lost by accident (CART_IGNORED says so where the message is of no use).
run python3 "$CARTERA_SRCDIR/build-aux/null-err.py" "$CARTERA_SRCDIR/src" "$CARTERA_SRCDIR/ui"
assert_status 0 "no call passes NULL for the error"
printf 'static void w(void) { date_parse("2026-01-01", 0, NULL); }\n' >> "$T/tree/src/ctl/ctl_dash.c"
run python3 "$CARTERA_SRCDIR/build-aux/null-err.py" "$T/tree/src" "$T/tree/ui"
assert_status 1 "a NULL error planted in a copy fails the check"
assert_contains "$OUT" 'src/ctl/ctl_dash.c:' "and the call is named with its file"

done_testing
