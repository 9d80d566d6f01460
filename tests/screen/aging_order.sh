#!/bin/bash
# The aging on screen in three orders (issue 14): by name, by largest debt (the net, largest
# first), by oldest overdue (most days first); F9 or r turns to the next, shown on the key bar,
# in the help and on the line under the title. At 80x24 every range, the credits and the net are
# reached sideways, the client's name kept.
. "$(dirname "$0")/lib.sh"

START=dashboard
cart init --name "Comercial Andina SAS" --country CO --currency COP --decimals 2 \
	--decimal-sep , --thousands-sep . --date-order ymd
cart client add "Química Ñandú Peñalosa SAS" --tax-id 890903938 --terms 30
cart client add "Cuotas Ltda" --tax-id 899999068 --terms 30
cart client add "Óptica Zúñiga Ltda" --tax-id 800197268 --terms 30
cart invoice post --override "prueba" 1 1.000,00 --date 2026-03-01      # due 03-31: 91 days
cart invoice post --override "prueba" 1 2.500,50 --date 2026-05-15      # due 06-14: 16 days
cart invoice post --override "prueba" 2 400,00 --date 2026-06-15        # not due
cart invoice post --override "prueba" 3 750,25 --date 2026-04-01        # due 05-01: 60 days
cart invoice post --override "prueba" 3 5.000,00 --date 2026-06-20      # not due
assert_status 0 "the ledger is built"
# net: Óptica 5.750,25 (oldest 60 days), Química 3.500,50 (91 days), Cuotas 400,00 (none)

sq() { sed -e 's/  */ /g' -e 's/^ //' -e 's/ $//'; }
# the clients' names in the order of the aging's rows on dump N
names() { text "$1" | sq | grep -E '^(Cuotas|Química|Óptica) ' | awk '{ printf "%s ", $1 }'; }

screen '<A-A><dump><F9><dump>r<dump>r<dump>' --size 120x40
assert_status 0 "the aging, then F9, r, r"
assert_eq "Cuotas Óptica Química " "$(names 1)" "by name (accents aside: Óptica among the O's)"
assert_eq "Óptica Química Cuotas " "$(names 2)" "F9: by largest debt, the net largest first"
assert_match "$(row "$(text 2)" 2)" '^Every client · a: as of · Tab: follow-up · Enter: statement · by largest debt' \
	"the line under the title says the order"
assert_contains "$(text 2)" "The aging by largest debt." "and the status line"
assert_eq "Química Óptica Cuotas " "$(names 3)" "r: by oldest overdue, most days first"
assert_eq "Cuotas Óptica Química " "$(names 4)" "r again: by name"
assert_match "$(text 1 | sq | grep '^Total COP')" '^Total COP COP 5\.400,00 2\.500,50 750,25 0,00 1\.000,00 9\.650,75 0,00 9\.650,75$' \
	"the total row whatever the order"
assert_match "$(text 2 | sq | grep '^Total COP')" '^Total COP COP 5\.400,00 2\.500,50 750,25 0,00 1\.000,00 9\.650,75 0,00 9\.650,75$' \
	"the same total by largest debt"
assert_match "$(row "$(text 1)" 40)" 'F8 Print +F9 Order +F10 Back' "the key bar shows F9 Order"

screen '<A-A><F1><dump>' --size 120x60
assert_contains "$(text 1)" "by largest debt, by oldest overdue" "the help says what F9 does"

screen '<A-A><Tab><dump>' --size 120x40
assert_not_contains "$(row "$(text 1)" 40)" "F9 Order" "the follow-up has no F9 Order"

# 80x24, by largest debt: the figures up to the open charges, then Right shows credits and net,
# the client's name kept
screen '<A-A><F9><dump><Right><Right><dump>'
S=$(text 1)
assert_match "$(text 1 | sq | grep '^Óptica')" '^Óptica Zúñiga L… COP 5\.000,00 0,00 750,25 0,00 0,00 5\.750,25 …$' \
	"80 columns by largest debt: Óptica first, every range whole"
assert_match "$(text 2 | sq | grep '^Óptica')" '^Óptica Zúñiga L… .* 5\.750,25 0,00 5\.750,25$' \
	"Right twice: its credits and net, the name kept"
assert_match "$(text 2 | sq | grep '^Química')" '^Química Ñandú P… .* 3\.500,50 0,00 3\.500,50$' \
	"and Química's"
LANGUAGE=es screen '<A-A>r<dump>' --size 120x40
assert_contains "$(text 1)" "por mayor deuda" "in Spanish: por mayor deuda"
assert_contains "$(row "$(text 1)" 40)" "F9 Orden" "F9 Orden on the key bar"
check_ok "ordering the aging changed nothing"
done_testing
