#!/bin/bash
# Issue 14: a search on the Transactions tab is counted only up to 1.000 documents. A filter that
# finds more shows "1.000+" on its tab and "of more than 1.000" beside the filter, in English and
# in Spanish, with the first page of what it finds in the tab's order; End counts them all once
# and goes to the real last row, the same as the command line's exact list.
. "$(dirname "$0")/lib.sh"
START=dashboard

cart demo --clients 40 --seed 5 --quiet
assert_status 0 "demo ledger with 40 clients"
# "a" is in every client's name: every document, 1.485 of them (the command line counts exactly)
cart dashboard --tab transactions --filter a --limit 1
assert_match "$OUT" '— 1485 rows' "the command line's count is exact"
cart dashboard --tab transactions --filter a --offset 1484 --limit 1
LAST=$(sed -n 4p <<<"$OUT" | awk '{print $2}')
cart dashboard --tab transactions --filter a --limit 1
FIRST=$(sed -n 4p <<<"$OUT" | awk '{print $2}')
assert_eq "SI-000001" "$LAST" "the oldest document is the list's last"

# the clerk's language, as tests/screen/language.sh sets it
REAL_BIN=$CARTERA_BIN
for lang in en es; do
	{
		echo '#!/bin/sh'
		printf 'exec env -u LC_ALL -u LC_MESSAGES -u LANGUAGE -u LANG LANG=%s' \
			"$([ "$lang" = es ] && echo es_CO.UTF-8 || echo en_US.UTF-8)"
		printf ' %q' "$REAL_BIN"
		echo ' "$@"'
	} >"$T/cartera-$lang"
	chmod +x "$T/cartera-$lang"
done

CARTERA_BIN=$T/cartera-en
screen '<S-Tab><S-Tab>a<dump><End><dump>'
assert_status 0 "English: the screens run"
S=$(text 1)
assert_eq " Clients   Transactions 1.000+   Due   Overdue   Credits   Quotes" \
	"$(row "$S" 4 | sed 's/ *$//')" "English: the tab's count stopped at 1.000"
assert_match "$(row "$S" 5)" '^Filter: a .* 1–16 of more than 1\.000$' \
	"English: the rows shown of more than 1.000"
assert_match "$(row "$S" 7)" "^2026-06-30 $FIRST " "English: the newest document first"
S=$(text 2)
assert_eq " Clients   Transactions 1.485   Due   Overdue   Credits   Quotes" \
	"$(row "$S" 4 | sed 's/ *$//')" "English: End counted them all"
assert_match "$(row "$S" 5)" ' 1\.470–1\.485 of 1\.485$' "English: End shows the last rows"
assert_match "$(row "$S" 22)" "^2024-07-25 $LAST " "English: the last row is the oldest document"

CARTERA_BIN=$T/cartera-es
screen '<S-Tab><S-Tab>a<dump><End><dump>'
assert_status 0 "Spanish: the screens run"
S=$(text 1)
assert_match "$(row "$S" 4)" '^ Clientes   Transacciones 1\.000\+   Por vencer   Vencidas   Créditos ' \
	"Spanish: the tab's count stopped at 1.000 (the tab row cuts the last name at 80)"
assert_match "$(row "$S" 5)" '^Filtro: a .* 1–16 de más de 1\.000$' \
	"Spanish: the rows shown of more than 1.000"
S=$(text 2)
assert_match "$(row "$S" 4)" 'Transacciones 1\.485 ' "Spanish: End counted them all"
assert_match "$(row "$S" 5)" ' 1\.470–1\.485 de 1\.485$' "Spanish: End shows the last rows"
assert_match "$(row "$S" 22)" "^2024-07-25 $LAST " "Spanish: the last row is the oldest document"

# fewer than the bound: the count is exact
CARTERA_BIN=$T/cartera-en
screen '<S-Tab><S-Tab>NC-<dump>'
S=$(text 1)
assert_match "$(row "$S" 4)" 'Transactions 25 ' "a filter that finds 25 credit notes: exact"
assert_match "$(row "$S" 5)" ' 1–16 of 25$' "the count beside the filter: exact"
done_testing
