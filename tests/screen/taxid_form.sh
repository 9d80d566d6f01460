#!/bin/bash
# Tax ids on the client form (issue 16). A Colombian person's digits alone whose last one may be
# the DV: the form asks, in the clerk's language (y/n; s/n in Spanish), and stores the answer;
# Esc leaves the question open. A Panamanian RUC longer than the old 20-character box is typed
# and edited whole, never cut. A Mexican person's CURP: its own field, checked as it is left.
# The cedula 79.308.960-7 is from python-stdnum's list.
. "$(dirname "$0")/lib.sh"

cart init --name "Compañía Ñandú S.A.S." --tax-id 800197268-4 --country CO
assert_status 0 "a Colombian ledger"

# ---- yes: the last digit is the DV ----
screen '<F2><Tab><Tab>793089607<Tab><dump>y<dump><Tab>Pedro<Space>Pérez<F9><dump>'
S=$(text 1)
assert_contains "$S" "Is the last digit, 7, the DV? Yes: 79308960-7, no: 793089607-0 (y/n)" \
	"leaving digits alone asks whether the last one is the DV"
assert_eq "y Yes  n No" "$(row "$S" 24)" "the question's key bar"
S=$(text 2)
assert_eq " Tax id *        79308960" "$(row "$S" 5)" "y: the number without its last digit"
assert_eq " DV              7" "$(row "$S" 6)" "y: the last digit is the DV"
assert_contains "$(row "$S" 23)" "Tax id 79308960, DV 7." "the status line says what was stored"
cart client show "Pedro Pérez"
assert_contains "$OUT" "79308960-7" "saved as 79308960-7"

# ---- no question when the last digit is no DV of the others ----
screen '<F2><Tab><Tab>1118534248<Tab><dump><Tab>Ana<Space>Gómez<F9><dump>'
assert_not_contains "$(text 1)" "Is the last digit" "1118534248: nothing to ask"
cart client show "Ana Gómez"
assert_contains "$OUT" "1118534248-0" "saved with the DV of all ten digits (published 1118534248-0)"

# ---- no: every digit is the number's ----
screen '<F2><Tab><Tab>793089607<Tab>n<Tab>Otro<F9><dump>'
cart client show "Otro"
assert_contains "$OUT" "793089607-0" "n: 793089607 with its own DV 0"

# ---- Esc: not answered, the tax id stays refused and nothing is saved ----
screen '<F2><Tab><Tab>793089607<Tab><Esc><dump><Tab>Nadie<F9><dump>'
S=$(text 1)
assert_match "$(row "$S" 5)" '^ Tax id \* +793089607 +NIT "793089607": is its last di' \
	"Esc: the question's message stays beside the field"
S=$(text 2)
assert_contains "$S" "Is the last digit, 7, the DV?" "F9 asks again"
cart client list
assert_not_contains "$OUT" "Nadie" "nothing saved without an answer"

# ---- Spanish: s answers yes ----
wrapper() { printf '#!/bin/sh\nexec env -u LC_ALL -u LC_MESSAGES -u LANGUAGE LANG=es_CO.UTF-8 %q "$@"\n' \
	"$CARTERA_BIN" >"$T/cartera-es"; chmod +x "$T/cartera-es"; }
wrapper
REAL=$CARTERA_BIN
CARTERA_BIN=$T/cartera-es
screen '<F2><Tab><Tab>523.456.783<Tab><dump>s<dump><Tab>Pedro<Space>Ruiz<F9>'
CARTERA_BIN=$REAL
S=$(text 1)
assert_contains "$S" "¿Es el último dígito, 3, el DV? Sí: 52345678-3, no: 523456783-3 (s/n)" \
	"in Spanish: the question with s/n"
assert_match "$(row "$(text 2)" 6)" '^ DV +3$' "s answers yes: DV 3"
cart client show "Pedro Ruiz"
assert_contains "$OUT" "52345678-3" "saved as 52345678-3"

# ---- Panama: a RUC longer than 20 characters typed and edited whole ----
DB=$T/pa.db
cart init --name "Panamá Cobros S.A." --tax-id "155596713-2-2015 DV 59" --country PA
screen '<F2><Tab><Right><Tab>155596713-0002-002015<Tab><Tab>Larga<Space>SA<F9><dump>'
cart client show "Larga SA"
assert_contains "$OUT" "155596713-0002-002015-59" "a 21-character RUC stored whole"
screen 'Larga<F4><dump>'
assert_match "$(row "$(text 1)" 5)" '^ Tax id \* +155596713-0002-002015$' "and shown whole when edited"

# ---- Mexico: the CURP field ----
DB=$T/mx.db
cart init --name "Comercializadora del Bajío" --tax-id CFE370814QI0 --country MX
screen '<F2><Up>BOXW310820HNERXN08<Tab><dump>'
assert_match "$(text 1 | grep '^ CURP')" '^ CURP +BOXW310820HNERXN08 +CURP "BOXW310820HNERXN08" has check' \
	"a wrong CURP check digit refused beside the field"
screen '<F2><Up>boxw310820hnerxn09<Tab><Tab><Tab>AAAA791128D63<Tab><Tab>Waldo<F9><dump>'
cart client show "Waldo"
assert_contains "$OUT" "CURP:       BOXW310820HNERXN09" "the CURP saved from the form"
done_testing
