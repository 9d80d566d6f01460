#!/bin/bash
# The client's history as a screen (issue 13, SPEC F2; ui/scr_history.c), in Spanish at 80x24:
# Ctrl-Y on the dashboard's row opens it with every line newest first — the note, the call, the
# promise to pay, the follow-up e-mail and its reminder — each with its clerk and the local time
# (TZ=America/Bogota, five hours behind the UTC kept; the dates follow --today). n writes a
# note that shows at the top, c logs a call; Enter on the e-mail line shows the message as the
# outbox keeps it. Reached too from the client list, Seguimiento and Hoy. The dashboard's
# Clients tab shows the client's level and next action. TAP output.
. "$(dirname "$0")/lib.sh"
START=dashboard
q() { sqlite3 -batch "$DB" "$1"; }
CLERK=$(id -un)

if [ ! -f "${CARTERA_LOCALEDIR:-}/es/LC_MESSAGES/cartera.mo" ]; then
	echo "Bail out! no Spanish catalogue under CARTERA_LOCALEDIR=${CARTERA_LOCALEDIR:-} (make)"
	exit 1
fi

cart init --name "Comercial Andina SAS" --country CO --currency COP --decimals 2 \
	--decimal-sep , --thousands-sep .
cart company set mail-from cobros@andina.co
cart client add "Zeta Ñandú" --tax-id 800197268 --email zeta@example.com
cart invoice post --override p 1 800,00 --date 2026-05-11 --due 2026-06-10   # 20 days overdue
cart followup run --client 1
assert_status 0 "the follow-up e-mail is queued"
cart promise add 1 250,00 2026-07-10 --by "el gerente"
assert_status 0 "a promise to pay"
cart activity add 1 --due 2026-06-30 --summary "Llamar por la factura"
cart activity done 1 --note "dijo que paga el 10"
assert_status 0 "a call done"
cart client history 1 --note "Pidió copia de la factura"
assert_status 0 "client history --note writes a note"
assert_match "$OUT" "^note [0-9]+ recorded for Zeta Ñandú$" "it says so"
cart client history 1 --call "   "
assert_status 2 "an empty call is refused"
assert_contains "$ERR" "the text is empty" "saying why"

# the lines as kept, newest first: at (UTC) and kind
mapfile -t AT < <(q "SELECT at FROM client_history WHERE client_id = 1 ORDER BY at DESC, id DESC")
mapfile -t KIND < <(q "SELECT kind FROM client_history WHERE client_id = 1 ORDER BY at DESC, id DESC")
assert_eq "note call note mail reminder" "${KIND[*]}" "five lines: note, call, promise, e-mail, reminder"
assert_match "${AT[0]}" "^2026-06-30T" "the dates follow --today"
local_of() { TZ=America/Bogota date -d "$1" '+%Y-%m-%d %H:%M'; }

wrapper()   # $T/cartera-es: cartera with only LANG=es_CO.UTF-8 (lib.sh's LC_ALL would win)
{
	printf '#!/bin/sh\nexec env -u LC_ALL -u LC_MESSAGES -u LANGUAGE -u LANG LANG=es_CO.UTF-8 %q "$@"\n' \
		"$CARTERA_BIN" >"$T/cartera-es"
	chmod +x "$T/cartera-es"
}
wrapper
EN_BIN=$CARTERA_BIN
CARTERA_BIN=$T/cartera-es

# ---- from the dashboard: the lines, a note added, the e-mail shown ----
scr '<C-y><dump>nLe<Space>enviamos<Space>el<Space>extracto<Enter><dump><End><Up><dump><Enter><dump><Esc><Esc><dump>' \
	80x24 TZ=America/Bogota
assert_status 0 "the history screen runs"
S=$(text 1)
assert_match "$(row "$S" 1)" "^ cartera — Comercial Andina SAS +Historial de Zeta Ñandú$" "its title"
assert_match "$(row "$S" 2)" "^5 líneas, lo más reciente primero" "five lines"
assert_match "$(row "$S" 3)" "^Cuándo +Usuario +Qué +Documento +Detalle" "its columns"
assert_match "$(row "$S" 4)" "^$(local_of "${AT[0]}") $CLERK +Nota +Pidió copia de la factura" \
	"1: the note, local time and clerk"
assert_match "$(row "$S" 5)" "^$(local_of "${AT[1]}") $CLERK +Llamada +call done: Llamar por la" \
	"2: the call"
assert_match "$(row "$S" 6)" "^$(local_of "${AT[2]}") $CLERK +Nota +Promise to pay 250,00 COP" \
	"3: the promise to pay"
assert_match "$(row "$S" 7)" "^$(local_of "${AT[3]}") $CLERK +Correo +mail #1" "4: the e-mail"
assert_match "$(row "$S" 8)" "^$(local_of "${AT[4]}") $CLERK +Recordatorio +Follow-up level" \
	"5: the reminder of the level"
assert_match "$(row "$S" 24)" "^F1 Ayuda +F2 Nota +F3 Llamada +F10 Volver" "its key bar (no message on a note)"
S=$(text 2)
assert_contains "$S" "Nota registrada en el historial de Zeta Ñandú." "n records a note"
assert_match "$(row "$S" 2)" "^6 líneas" "six lines now"
assert_match "$(row "$S" 4)" "^2026-06-[23][09] [0-9:]{5} $CLERK +Nota +Le enviamos el extracto" \
	"the note added is at the top"
assert_eq "Le enviamos el extracto" "$(q "SELECT text FROM client_history ORDER BY id DESC LIMIT 1")" \
	"kept in the ledger"
S=$(text 3)
assert_match "$(row "$S" 24)" "^F1 Ayuda +F2 Nota +F3 Llamada +Enter Mensaje +F10 Volver" \
	"on the e-mail line Enter shows the message"
S=$(text 4)
assert_contains "$S" "Mensaje 1" "Enter: the message of the outbox"
assert_contains "$S" "<zeta@example.com>" "its recipient"
assert_contains "$S" "Subject:" "its subject"
assert_not_contains "$(text 5)" "Historial de" "Esc closes the message, Esc again the history"

# ---- the dashboard's Clients tab: the client's level and its next action (F6) ----
scr '<A-4><dump>' 80x24
assert_match "$(row "$(text 1)" 6)" "Seguimiento$" "the Clients tab has the follow-up column"
assert_match "$(row "$(text 1)" 7)" "^Zeta Ñandú +800197268-4 +800,00 +800,00 +0,00 +20 07-10 First remin" \
	"Zeta: next action on 07-10, level First reminder"

# ---- c logs a call ----
scr '<C-y>chabló<Space>con<Space>tesorería<Enter><dump>' 80x24
S=$(text 1)
assert_contains "$S" "Llamada registrada en el historial de Zeta Ñandú." "c logs a call"
assert_match "$(row "$S" 4)" " +Llamada +habló con tesorería" "the call at the top"
assert_eq "call|habló con tesorería" "$(q "SELECT kind, text FROM client_history ORDER BY id DESC LIMIT 1")" \
	"kept as a call"

# ---- from the client list, Hoy and Seguimiento ----
scr '<F3><C-y><dump>' 80x24
assert_match "$(row "$(text 1)" 1)" "Historial de Zeta Ñandú$" "Ctrl-Y on the client list"
CARTERA_BIN=$EN_BIN cart activity add 1 --due 2026-06-30 --summary "Visitar"
scr '<A-H><C-y><dump>' 80x24
assert_match "$(row "$(text 1)" 1)" "Historial de Zeta Ñandú$" "Ctrl-Y on Hoy"
CARTERA_BIN=$EN_BIN cart followup set 1 --level none
scr '<A-W><C-y><dump>' 80x24
assert_match "$(row "$(text 1)" 1)" "Historial de Zeta Ñandú$" "Ctrl-Y on Seguimiento"

done_testing
