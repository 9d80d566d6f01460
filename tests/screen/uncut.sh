#!/bin/bash
# Nothing cut (issue 14): at 80 columns an amount keeps every digit on the dashboard's tabs (the
# text columns give way), and every currency's totals are shown whole at 80 and 132 columns.
. "$(dirname "$0")/lib.sh"
START=dashboard

cart init --name "Comercial Andina SAS" --country CO --currency COP --currency2 USD --decimals 2 \
	--decimal-sep , --thousands-sep .
cart client add "Ferretería Ñandú y Compañía de Herramientas SAS" --tax-id 890903938 --terms 30
cart client add "Distribuciones del Pacífico Limitada" --tax-id 899999068 --terms 30
cart invoice post --override prueba 1 58.845.494,21 --date 2026-03-01
cart invoice post --override prueba 1 11.660.386,13 --date 2026-06-20
cart invoice post --override prueba 2 20.193.334,55 --date 2026-04-01
cart invoice post --override prueba 2 1.250,00 --currency USD --date 2026-04-01
cart payment post 2 40,00 --advance --currency USD --date 2026-06-03
assert_status 0 "the ledger is built: two clients, big amounts, a second currency"

# ---- the Clients tab at 80x24: every amount whole ----
screen '<A-4><dump><A-2><dump>' --size 80x24
S=$(text 1)
assert_match "$(row "$S" 7)" "Balance" "the Clients tab is shown (below two lines of totals)"
assert_not_contains "$(sed -n '7,22p' <<<"$S" | grep -E '[0-9],…|[0-9]…')" "…" \
	"no amount cell ends in … at 80 columns"
assert_contains "$S" "70.505.880,34" "the first client's balance, every digit"
assert_contains "$S" "20.193.334,55" "the second client's balance, every digit"
assert_match "$S" 'Ferret' "the client's name stays (shortened)"
S=$(text 2)
assert_contains "$S" "58.845.494,21" "Overdue tab: the amount whole"
assert_not_contains "$(sed -n '7,22p' <<<"$S" | grep -E '[0-9]…')" "…" \
	"no amount ends in … on the Overdue tab"

# ---- two currencies: each total has a line per currency, whole ----
for size in 80x24 132x24; do
	screen '<dump>' --size "$size"
	S=$(text 1)
	assert_contains "$S" "90.699.214,89" "$size: the COP overdue total, whole"
	assert_contains "$S" "USD 1.250,00" "$size: the USD overdue total, whole"
	assert_contains "$S" "USD 40,00" "$size: the USD credit, whole"
	assert_contains "$S" "USD 1.210,00" "$size: the USD net, whole"
	assert_not_contains "$(sed -n '1,4p' <<<"$S")" "+…" "$size: no total cut to +…"
done

done_testing
