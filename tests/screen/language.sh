#!/bin/bash
# The language follows the locale (SPEC P4): the same screens in Spanish (LANG=es_CO.UTF-8) and
# English (LANG=en_US.UTF-8) at 80x24 and 120x40 — the dashboard's totals, tabs and key bar, the
# client list, the client form with a wrong NIT refused in Spanish, the help screen, the receipt form — checked by
# their exact texts, every row within the screen's width; the command line's errors in both
# languages with exit status 2; every command's --help in Spanish within 80 columns (and in English
# under LANGUAGE=en); LANGUAGE=en over an es_ locale; an es_ locale the machine has not generated
# still speaking Spanish.
. "$(dirname "$0")/lib.sh"

# The catalogue is the build tree's (the Makefile sets CARTERA_LOCALEDIR).
if [ ! -f "${CARTERA_LOCALEDIR:-}/es/LC_MESSAGES/cartera.mo" ]; then
	echo "Bail out! no Spanish catalogue under CARTERA_LOCALEDIR=${CARTERA_LOCALEDIR:-} (make)"
	exit 1
fi

# The clerk's environment, one wrapper per case (lib.sh exports LC_ALL=C.UTF-8, which would win
# over LANG; and this shell keeps its own locale, so bash never sees a locale it lacks):
# spanish / english make the runs that follow go through $T/cartera-es / $T/cartera-en.
REAL_BIN=$CARTERA_BIN
wrapper()   # wrapper NAME VAR=VALUE...: $T/cartera-NAME runs cartera with only those locale variables
{
	local name=$1
	shift
	{
		echo '#!/bin/sh'
		printf 'exec env -u LC_ALL -u LC_MESSAGES -u LANGUAGE -u LANG'
		printf ' %q' "$@" "$REAL_BIN"
		echo ' "$@"'
	} >"$T/cartera-$name"
	chmod +x "$T/cartera-$name"
}
wrapper es LANG=es_CO.UTF-8
wrapper en LANG=en_US.UTF-8
wrapper es-language-en LANG=es_CO.UTF-8 LANGUAGE=en
wrapper es-lcall-en LANG=es_CO.UTF-8 LC_ALL=en_US.UTF-8
wrapper lcall-pe LANG=en_US.UTF-8 LC_ALL=es_PE.UTF-8
spanish() { CARTERA_BIN=$T/cartera-es; }
english() { CARTERA_BIN=$T/cartera-en; }
# fits TEXT WIDTH DESC: no row of the dump is wider than the screen (display width = characters
# here: the texts checked hold no double-width characters).
fits()
{
	local line wide=0
	while IFS= read -r line; do
		[ "${#line}" -le "$2" ] || wide=$((wide + 1))
	done <<<"$1"
	ok "$wide" "$3"
}

START=dashboard
cart init --name "Comercial Andina SAS" --country CO --currency COP --decimals 2 \
	--decimal-sep , --thousands-sep .
cart client add "Grupo Uno SA" --tax-id 890903938 --terms 30
cart client add "Cuotas Ltda" --tax-id 899999068 --terms 30
cart invoice post --override "prueba" 1 1.000,00 --date 2026-03-01      # 91 days overdue on 2026-06-30
cart invoice post --override "prueba" 2 300,00 --date 2026-06-01        # due 2026-07-01
cart payment post 2 250,00 --advance --date 2026-06-21
assert_status 0 "the ledger is built"

# ---- the machine: es_CO.UTF-8 is not a generated locale here ----
if locale -a 2>/dev/null | grep -qi '^es_CO'; then
	skip "es_CO.UTF-8 is not generated on this machine" "this machine has es_CO: the fallback is not exercised below"
else
	pass "es_CO.UTF-8 is not generated on this machine: every Spanish run below goes through the fallback (C.UTF-8 and the Spanish catalogue)"
fi

# ---- the dashboard, Spanish, 80x24 ----
spanish
screen '<dump>'
assert_status 0 "the dashboard runs in Spanish"
S=$(text 1)
assert_match "$(row "$S" 1)" '^ cartera — Comercial Andina SAS +Tablero al 30/06/2026$' "es 80: title"
assert_match "$(row "$S" 2)" '^1 Por vencer +1 2 Vencidas +1 3 Saldos a favor +1 4 Saldo neto +3$' \
	"es 80: the four totals' labels, whole"
assert_match "$(row "$S" 3)" '^ +300,00 +1\.000,00 +250,00 +1\.050,00$' "es 80: the totals' amounts"
assert_eq " Clientes   Transacciones   Por vencer   Vencidas 1   Créditos   Cotizaciones" \
	"$(row "$S" 4 | sed 's/ *$//')" "es 80: the tabs"
# at 80 columns the item tabs leave out the invoice's own date (120 shows it); the overdue tab
# sorts by days, most overdue first
assert_match "$(row "$S" 6)" '^Cliente +Número +Vence +Días ▼ +Importe +Pendiente$' \
	"es 80: the Vencidas tab's column titles (Días ▼ whole, as Days ▼ is)"
assert_match "$(row "$S" 7)" '^Grupo Uno SA +FAC-000001 +31/03/2026 +91 +1\.000,00 +1\.000,00$' \
	"es 80: the overdue invoice"
assert_eq "F1 Ayuda F6 Orden F10 Salir Enter Cliente F3 Clientes F5 Cobrar F7 Recordar" \
	"$(row "$S" 24 | sed 's/ *$//')" "es 80: the key bar in Spanish"
fits "$S" 80 "es 80: no row of the dashboard is wider than 80 columns"

# ---- the dashboard, Spanish, 120x40: the same words, and room for the Tab key ----
screen '<dump>' --size 120x40
S=$(text 1)
assert_match "$(row "$S" 1)" '^ cartera — Comercial Andina SAS +Tablero al 30/06/2026$' "es 120: title"
assert_match "$(row "$S" 2)" '^1 Por vencer +1 2 Vencidas +1 3 Saldos a favor +1 4 Saldo neto +3$' \
	"es 120: the four totals' labels"
assert_match "$(row "$S" 6)" '^Cliente +Número +Fecha +Vence +Días ▼ +Importe +Pendiente$' \
	"es 120: the column titles, with the invoice's own date"
assert_match "$(row "$S" 7)" '^Grupo Uno SA +FAC-000001 +01/03/2026 31/03/2026 +91 +1\.000,00 +1\.000,00$' \
	"es 120: the overdue invoice, both dates"
# the Spanish bar is too wide for two blanks between entries at 120: one blank, every key shown
assert_eq "F1 Ayuda F6 Orden F10 Salir Enter Cliente F3 Clientes F5 Cobrar F7 Recordar F11 Factura F12 Cotización Tab Pestaña" \
	"$(row "$S" 40 | sed 's/ *$//')" "es 120: the key bar, with F11 Factura, F12 Cotización and Tab Pestaña"
fits "$S" 120 "es 120: no row wider than 120 columns"

# ---- the dashboard, English ----
english
screen '<dump>'
S=$(text 1)
assert_match "$(row "$S" 1)" '^ cartera — Comercial Andina SAS +Dashboard as of 30/06/2026$' "en 80: title"
assert_match "$(row "$S" 2)" '^1 Due +1 2 Overdue +1 3 Credits in fav… 1 4 Net balance +3$' \
	"en 80: the four totals' labels"
assert_eq " Clients   Transactions   Due   Overdue 1   Credits   Quotes" \
	"$(row "$S" 4 | sed 's/ *$//')" "en 80: the tabs"
assert_match "$(row "$S" 6)" '^Client +Number +Due +Days ▼ +Amount +Open$' "en 80: column titles"
assert_match "$(row "$S" 24)" '^F1 Help F6 Sort F10 Quit Enter Client F3 Clients F5 Pay F7 Remind' \
	"en 80: the key bar in English"
fits "$S" 80 "en 80: no row wider than 80 columns"
screen '<dump>' --size 120x40
S=$(text 1)
assert_match "$(row "$S" 2)" '^1 Due +1 2 Overdue +1 3 Credits in favour +1 4 Net balance +3$' \
	"en 120: the four totals' labels, whole"
fits "$S" 120 "en 120: no row wider than 120 columns"

# ---- the client list ----
START=clients
spanish
screen '<dump>'
S=$(text 1)
assert_match "$(row "$S" 1)" '^ cartera — Comercial Andina SAS +Clientes$' "es 80: the client list's title"
assert_match "$(row "$S" 2)" '^Filtro: +1–2 de 2$' "es 80: filter and count"
assert_match "$(row "$S" 3)" '^Nombre ▲ +Id\. fiscal +Teléfono +Saldo$' "es 80: column titles"
assert_match "$(row "$S" 4)" '^Cuotas Ltda +899999068-1 +50,00$' "es 80: a client and its balance"
assert_eq "F1 Ayuda Enter Ver F2 Nuevo F4 Editar F6 Orden F10 Salir F3 Buscar F5 Importar" \
	"$(row "$S" 24 | sed 's/ *$//')" "es 80: the client list's key bar (F7 Exportar needs more room)"
fits "$S" 80 "es 80: no row of the client list wider than 80 columns"
screen '<dump>' --size 120x40
S=$(text 1)
assert_match "$(row "$S" 3)" '^Nombre ▲ +Id\. fiscal +Teléfono +Saldo$' "es 120: column titles"
assert_eq "F1 Ayuda  Enter Ver  F2 Nuevo  F4 Editar  F6 Orden  F10 Salir  F3 Buscar  F5 Importar  F7 Exportar  F9 Estado" \
	"$(row "$S" 40 | sed 's/ *$//')" "es 120: the whole key bar"
fits "$S" 120 "es 120: no row wider than 120 columns"
english
screen '<dump>'
S=$(text 1)
assert_match "$(row "$S" 3)" '^Name ▲ +Tax id +Phone +Balance$' "en 80: column titles"
assert_eq "F1 Help Enter Open F2 New F4 Edit F6 Sort F10 Quit F3 Find F5 Import F7 Export" \
	"$(row "$S" 24 | sed 's/ *$//')" "en 80: the client list's key bar"

# ---- the client form, with a wrong NIT ----
spanish
screen '<F2><Tab><Tab>8909039381234<Tab><dump>'
S=$(text 1)
assert_match "$(row "$S" 1)" '^ cartera — Comercial Andina SAS +Cliente nuevo$' "es 80: the form's title"
expected=" Tipo receptor   <contribuyente>
 Tipo de persona <persona natural>"
assert_eq "$expected" "$(sed -n '3,4p' <<<"$S" | sed 's/ *$//')" "es 80: the choices, labels and values"
expected=" DV
 Nombre *
 Ubicación
 Dirección
 Correo
 Teléfono
 Celular
 Plazo (días) *  30
 Límite crédito
 Notas
 Activo          <sí>"
assert_eq "$expected" "$(sed -n '6,16p' <<<"$S" | sed 's/ *$//')" \
	"es 80: every field's label fits its column, required ones starred"
assert_match "$(row "$S" 5)" '^ Id\. fiscal \* +8909039381234 +El NIT "8909039381234" tiene 13 dígitos;' \
	"es 80: the wrong NIT refused beside the field, in Spanish"
assert_match "$(row "$S" 23)" '^Id\. fiscal: El NIT "8909039381234" tiene 13 dígitos; la cédula o el NIT' \
	"es 80: the message on the status line names the field"
assert_eq "F1 Ayuda  F9 Guardar  Esc Cancelar  F5 Personas" "$(row "$S" 24 | sed 's/ *$//')" \
	"es 80: the form's key bar"
fits "$S" 80 "es 80: no row of the form wider than 80 columns"
screen '<F2><Tab><Tab>8909039381234<Tab><dump>' --size 120x40
S=$(text 1)
assert_match "$(row "$S" 39)" '^Id\. fiscal: El NIT "8909039381234" tiene 13 dígitos; la cédula o el NIT de una persona tiene de 6 a 10' \
	"es 120: the whole message on the status line"
fits "$S" 120 "es 120: no row of the form wider than 120 columns"
english
screen '<F2><Tab><Tab>8909039381234<Tab><dump>'
S=$(text 1)
assert_match "$(row "$S" 5)" '^ Tax id \* +8909039381234 +NIT "8909039381234" has 13 digits' \
	"en 80: the same NIT refused in English"
assert_eq "F1 Help  F9 Save  Esc Cancel  F5 Persons" "$(row "$S" 24 | sed 's/ *$//')" "en 80: the form's key bar"

# ---- the help screen ----
spanish
screen '<F1><dump>'
S=$(text 1)
assert_match "$(row "$S" 1)" '^ cartera — Comercial Andina SAS +Ayuda: Clientes$' "es 80: the help's title"
assert_eq "Letras y dígitos van al filtro; las órdenes son teclas F y Alt-letra:" "$(row "$S" 2 | sed 's/ *$//')" \
	"es 80: the help's heading"
assert_contains "$S" " F2 Alt-n         cliente nuevo: la ficha del cliente, vacía" "es 80: a key and its help"
assert_contains "$S" " F6 C-o           ordenar por nombre, id. fiscal o teléfono, asc. y desc. (rota)" \
	"es 80: a long help line, whole within 80 columns"
assert_eq 0 "$(grep -c '…$' <<<"$S")" "es 80: no help line is cut"
assert_eq "Esc Cerrar" "$(row "$S" 24 | sed 's/ *$//')" "es 80: the help's key bar"
fits "$S" 80 "es 80: no row of the help wider than 80 columns"
START=dashboard screen '<F1><dump>' --size 120x40
S=$(text 1)
assert_match "$(row "$S" 1)" 'Ayuda: Tablero$' "es 120: the dashboard's help"
assert_contains "$S" " F5 Alt-p         cobrar el documento seleccionado: el recibo, con el documento ya marcado" \
	"es 120: the Cobrar key's help"
assert_eq 0 "$(grep -c '…$' <<<"$S")" "es 120: no help line is cut"
fits "$S" 120 "es 120: no row of the help wider than 120 columns"

# ---- the receipt form from the dashboard's Pay, Spanish, 80x24 ----
START=dashboard screen '<F5><dump>'
S=$(text 1)
assert_match "$(row "$S" 7)" '^    Documento +Fecha +Vence +Días +Pendiente +Paga$' \
	"es 80: the receipt's column titles (the mark column blank, Vence and Pendiente as on the dashboard)"
assert_match "$(row "$S" 8)" '^\[x\] FAC-000001 +01/03/2026 31/03/2026 +91 +1\.000,00 +1\.000,00$' \
	"es 80: the paid invoice marked, paying all it has open"
assert_eq "F1 Ayuda F2 Efectivo F3 Medio F4 Retención k AA o Castigo f Reemb. F9 Registrar" \
	"$(row "$S" 24 | sed 's/ *$//')" "es 80: the receipt's key bar, F9 Registrar within 80 columns"
fits "$S" 80 "es 80: no row of the receipt wider than 80 columns"
english
screen '<F1><dump>'
S=$(text 1)
assert_match "$(row "$S" 1)" 'Help: Clients$' "en 80: the help's title"
assert_contains "$S" " F2 Alt-n         new client: the client form, empty" "en 80: a key and its help"

# ---- the command line: a bad date, exit status 2, in both languages ----
spanish
cart --today 2026-02-30 dashboard
assert_status 2 "es: a date that does not exist is bad input (exit 2)"
assert_eq 'cartera: --today: la fecha "2026-02-30" no existe
Pruebe '"'"'cartera --help'"'"'.' "$ERR" "es: the error in Spanish"
cart invoice post --override "prueba" 1 abc
assert_status 2 "es: a bad amount is bad input (exit 2)"
assert_match "$ERR" '^cartera: el total de la factura: ' "es: the field named in Spanish"
english
cart --today 2026-02-30 dashboard
assert_status 2 "en: the same bad date, exit 2"
assert_eq 'cartera: --today: date "2026-02-30" does not exist
Try '"'"'cartera --help'"'"'.' "$ERR" "en: the error in English"

# ---- the commands' --help: Spanish under es_CO, English under LANGUAGE=en ----
spanish
cart client --help
assert_status 0 "es: client --help, exit 0"
assert_eq "Uso: cartera client add NOMBRE [OPCIONES]" "$(row "$OUT" 1)" "es: client --help's usage line"
assert_contains "$OUT" "
  --terms DÍAS         plazo de pago (por omisión 30)
  --limit IMPORTE      límite de crédito (por omisión ninguno)
" "es: client --help's options, aligned as in English"
cart report --help
assert_status 0 "es: report --help, exit 0"
assert_contains "$OUT" "
Salida:
  --format F        pdf, xlsx, txt (80 columnas), txt132, csv o json (por" "es: report --help's output options"
assert_contains "$OUT" "  --status S        paid, partly, open, overdue (separados por comas)" \
	"es: report --help keeps the literal values"
cart invoice post --help
assert_contains "$OUT" "  --instalments N      N cuotas mensuales iguales desde el vencimiento" \
	"es: invoice post --help in Spanish"
cart aging --help
assert_eq "Uso: cartera aging [--asof FECHA] [--ranges 30,60,90]" "$(row "$OUT" 1)" \
	"es: aging --help (the reports' own option loop) in Spanish"
# Every command's help, each way it is printed: Spanish and within 80 columns.
wide=0 english_left=0
for c in init demo client "client import" "client export" "client history" "client person" \
	"invoice post" invoice "payment post" "credit apply" "credit-note post" "opening post" \
	"opening import" void balance aging check dashboard tax quote receipt refund write-off \
	company show remind report import "import documents" "import einvoice" bank "bank import"; do
	# shellcheck disable=SC2086 # the command and its subcommand are two words
	cart $c --help
	case $OUT in "Uso: cartera"*) ;; *) english_left=$((english_left + 1)); tap_diag "not Spanish: $c --help" ;; esac
	while IFS= read -r line; do
		[ "${#line}" -le 80 ] || { wide=$((wide + 1)); tap_diag "$c --help: ${#line} columns: $line"; }
	done <<<"$OUT"
done
assert_eq 0 "$english_left" "es: every command's --help starts 'Uso: cartera'"
assert_eq 0 "$wide" "es: no line of any command's --help is wider than 80 columns"
run "$T/cartera-es-language-en" client --help
assert_eq "Usage: cartera client add NAME [OPTIONS]" "$(row "$OUT" 1)" \
	"LANGUAGE=en over LANG=es_CO.UTF-8: client --help in English"
assert_contains "$OUT" "  --terms DAYS         payment terms (default 30)" "LANGUAGE=en: client --help's options in English"
run "$T/cartera-es-language-en" report --help
assert_contains "$OUT" "  --output FILE     write the report to FILE" "LANGUAGE=en: report --help in English"
run "$T/cartera-es-language-en" invoice post --help
assert_contains "$OUT" "  --instalments N      split into N equal monthly instalments from the due date" \
	"LANGUAGE=en: invoice post --help in English"

# ---- LANGUAGE chooses over the locale; LC_ALL over LANG; an unknown es_ locale ----
run "$T/cartera-es-language-en" --db "$DB" --today 2026-02-30 dashboard
assert_eq 'cartera: --today: date "2026-02-30" does not exist' "$(head -n 1 <<<"$ERR")" \
	"LANGUAGE=en over LANG=es_CO.UTF-8: English"
run "$T/cartera-es-lcall-en" --db "$DB" --today 2026-02-30 dashboard
assert_contains "$ERR" "does not exist" "LC_ALL=en_US.UTF-8 over LANG=es_CO.UTF-8: English"
run "$T/cartera-lcall-pe" --db "$DB" --today 2026-02-30 dashboard
assert_contains "$ERR" 'la fecha "2026-02-30" no existe' \
	"LC_ALL=es_PE.UTF-8 over LANG=en_US.UTF-8, es_PE not generated here either: Spanish"
CARTERA_BIN=$T/cartera-es-language-en START=clients screen '<dump>'
assert_match "$(text 1 | row "$(cat)" 3)" '^Name ▲ +Tax id' "LANGUAGE=en: the screens in English too"

done_testing
