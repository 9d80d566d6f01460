#!/bin/bash
# tests/cli/printer.sh: plain text for the printers at clerks' desks (issue 16). A COP company;
# "Ferretería Ñandú — Sucursal Norte" has 40 invoices, one with a memo full of what a code page
# lacks (“curly quotes”, an ellipsis …, an em dash —, 10 €, and 漢, which no code page here has),
# a payment, a voided invoice and a voided payment; "Ángela Núñez" one invoice.
# Checked: exact widths (characters in UTF-8, bytes in CP850 and ISO-8859-1), the text read back
# through iconv, what the code page lacks replaced and counted, rows on one line with their
# descriptions readable, pages headed "page N of M" with form feeds only between pages.
if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

PY=/usr/bin/python3

cart init --name "Compañía Ñandú S.A.S." --tax-id 800197268 --country CO --date-order ymd
assert_status 0 "init"
cart client add "Ferretería Ñandú — Sucursal Norte" --tax-id 890903938
assert_status 0 "client Ferretería added"
cart client add "Ángela Núñez" --tax-id 899999068
assert_status 0 "client Ángela added"
cart invoice post --override x "Ferretería" 1.000,00 --date 2026-05-01 \
	--memo "Pedido “urgente” … — 10 € 漢"
assert_status 0 "the invoice with the memo"
posted=0
for i in $(seq 2 40); do
	cart invoice post --override x "Ferretería" "$((100 + i)),00" --date 2026-05-02
	[ "$RC" = 0 ] && posted=$((posted + 1))
done
assert_eq 39 "$posted" "39 more invoices"
cart payment post "Ferretería" 500,00 --date 2026-05-10
assert_status 0 "a payment"
cart void FAC-000002 --reason "error de digitación"
assert_status 0 "void of an invoice"
cart void RC-000001 --reason "cheque devuelto"
assert_status 0 "void of a payment"
cart invoice post --override x "Ángela" 2.345,67 --date 2026-03-01
assert_status 0 "Ángela's invoice"

# widths: characters (UTF-8) or bytes (a one-byte code page), form feeds aside
widths()
{
	$PY -c '
import sys, unicodedata
enc = sys.argv[2]
w = set()
for line in open(sys.argv[1], "rb").read().split(b"\n")[:-1]:
    line = line.replace(b"\f", b"")
    if enc == "UTF-8":
        t = line.decode("utf-8")
        w.add(sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in t))
    else:
        w.add(len(line))
print(" ".join(str(x) for x in sorted(w)))' "$1" "$2"
}

# ---- encodings ----
for enc in UTF-8 CP850 ISO-8859-1; do
	for fmt in txt:80 txt132:132; do
		f="$T/s.$enc.${fmt%%:*}"
		cart report statement "Ferretería" --format "${fmt%%:*}" --encoding "$enc" --output "$f"
		assert_status 0 "$enc ${fmt%%:*}: exits 0"
		assert_eq "${fmt##*:}" "$(widths "$f" "$enc")" "$enc ${fmt%%:*}: every line ${fmt##*:} wide"
	done
done
assert_contains "$(cat "$T/s.UTF-8.txt132")" "Pedido “urgente” … — 10 € 漢" "UTF-8 keeps every character"
for enc in CP850 ISO-8859-1; do
	f="$T/s.$enc.txt132"
	back=$(iconv -f "$enc" -t UTF-8 "$f")
	ok $? "$enc: iconv reads the file back"
	assert_contains "$back" "Ferretería Ñandú - Sucursal Norte" "$enc: accents and Ñ kept, — as -"
	assert_contains "$back" 'Pedido "urgente" ... - 10 EUR ?' "$enc: quotes, ellipsis, dash, euro replaced; 漢 as ?"
	# the round trip: UTF-8 of the code page's text converts back byte for byte
	printf '%s\n' "$back" | iconv -f UTF-8 -t "$enc" | cmp -s - <(sed -n 'p' "$f")
	ok $? "$enc: UTF-8 -> $enc -> UTF-8 round trip is exact"
done
cart report statement "Ferretería" --format txt132 --encoding CP850 --output "$T/warn.txt"
assert_contains "$ERR" "1 character" "a character the code page lacks is counted, not dropped silently"
cart report statement "Ferretería" --encoding EBCDIC
assert_refused 2 "CP850" "an unknown encoding"
cart report statement "Ferretería" --encoding CP850 --format pdf --output "$T/x.pdf"
assert_refused 2 "plain text" "--encoding with a PDF"

# the company's setting is the default, the option wins
cart company set --print-encoding CP850
assert_status 0 "company set --print-encoding CP850"
cart report statement "Ángela" --output "$T/co.txt"
assert_eq "Ángela Núñez" "$(iconv -f CP850 -t UTF-8 "$T/co.txt" | grep -m1 "^Ángela" | sed 's/ *$//')" \
	"the company's CP850 without --encoding"
cart report statement "Ángela" --encoding UTF-8 --output "$T/co8.txt"
grep -q "^Ángela Núñez" "$T/co8.txt"
ok $? "--encoding UTF-8 wins over the company's setting"
cart company set --print-encoding UTF-8
assert_status 0 "back to UTF-8"

# ---- 80 columns: a row is one line and says what it is ----
cart report statement "Ferretería" --format txt --output "$T/s80.txt"
S80=$(cat "$T/s80.txt")
assert_match "$S80" "ANU-000001 +Void of FAC-000002" "80 columns: a voided invoice names the invoice"
assert_match "$S80" "ANU-000002 +Void of RC-000001" "80 columns: a voided payment names the payment"
rows=$(awk '/^Movements/ { on = 1; next } on && /^-+$/ { n++; next } on && n == 1 { c++ } n == 2 { print c; exit }' "$T/s80.txt")
assert_eq 43 "$rows" "80 columns: 43 movements, one line each (40 invoices, a payment, 2 voids)"
assert_match "$S80" "^COP( +[0-9.]+,[0-9]{2}){7} *\$" \
	"80 columns: the aging's row is one line, every range on it"
assert_not_contains "$S80" "#" "80 columns: no amount printed as ###"

# Spanish: "Nota crédito", "Saldo a favor" and voids read whole
mkdir -p "$T/locale/es/LC_MESSAGES"
msgfmt -o "$T/locale/es/LC_MESSAGES/cartera.mo" "$CARTERA_SRCDIR/po/es.po"
run env CARTERA_LOCALEDIR="$T/locale" LC_ALL=es_CO.UTF-8 LANG=es_CO.UTF-8 LANGUAGE=es \
	"$CARTERA_BIN" --db "$DB" --today "$TODAY" report statement "Ferretería" --format txt
assert_status 0 "Spanish statement in 80 columns"
assert_eq 80 "$(printf '%s\n' "$OUT" >"$T/es.txt"; widths "$T/es.txt" UTF-8)" "Spanish: every line 80 wide"
assert_match "$OUT" "ANU-000002 .*RC-000001" "Spanish: the voided payment named"
assert_match "$OUT" "ANU-000001 .*FAC-000002" "Spanish: the voided invoice named"

# ---- pages ----
cart report statement "Ferretería" --page-lines 20 --output "$T/p.txt"
assert_status 0 "--page-lines 20"
PAGES=$($PY -c '
import sys, re
data = open(sys.argv[1], encoding="utf-8").read()
pages = data.split("\f")
m = len(pages)
heads = [re.search(r"page (\d+) of (\d+)$", p.split("\n")[0].rstrip()) for p in pages]
seq = all(h and int(h.group(1)) == i + 1 and int(h.group(2)) == m for i, h in enumerate(heads))
named = all(p.split("\n")[0].startswith("Ferretería Ñandú - Sucursal Norte") or
            p.split("\n")[0].startswith("Ferretería Ñandú — Sucursal Norte") for p in pages)
longest = max(len(p.rstrip("\n").split("\n")) for p in pages)
p2 = pages[1].split("\n")
print(m, data.count("\f"), longest, seq, named, data.endswith("\f") or data.endswith("\f\n"),
      p2[2].split()[:3] == ["Date", "Document", "Description"])
' "$T/p.txt")
set -- $PAGES
[ "$1" -ge 3 ]
ok $? "--page-lines 20: several pages ($1)"
assert_eq "$(($1 - 1))" "$2" "a form feed between pages only: $(($1 - 1)) for $1 pages"
[ "$3" -le 20 ]
ok $? "no page longer than 20 lines ($3)"
assert_eq True "$4" "every page says page N of $1, in order"
assert_eq True "$5" "every page names the client"
assert_eq False "$6" "no form feed at the end"
assert_eq True "$7" "a table going on repeats its header"
assert_eq 80 "$(widths "$T/p.txt" UTF-8)" "pages: still 80 columns"

# two clients in one file: each numbered on its own, one form feed between pages
cart report statements --all --format txt --page-lines 20 --output "$T/all.txt"
assert_status 0 "statements of all clients in one text file"
ALL=$($PY -c '
import sys, re
data = open(sys.argv[1], encoding="utf-8").read()
pages = data.split("\f")
firsts = [p.split("\n")[0] for p in pages]
ones = sum(1 for f in firsts if re.search(r"page 1 of \d+$", f.rstrip()))
print(len(pages), data.count("\f"), ones, data.endswith("\f"))
' "$T/all.txt")
set -- $ALL
assert_eq "$(($1 - 1))" "$2" "all clients: form feeds only between pages"
assert_eq 2 "$3" "all clients: each statement starts at page 1"
assert_eq False "$4" "all clients: no form feed at the end"
cart report statement "Ángela" --page-lines 0 --output "$T/np.txt"
assert_eq 0 "$(tr -cd '\f' <"$T/np.txt" | wc -c)" "--page-lines 0: no pages"
cart company set --page-lines 20
cart report statement "Ferretería" --output "$T/cp.txt"
[ "$(tr -cd '\f' <"$T/cp.txt" | wc -c)" -ge 2 ]
ok $? "the company's page length is the default"

done_testing
