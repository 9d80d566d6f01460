#!/bin/bash
# tests/cli/page_rules.sh: the page-layout rules of issue 16 in PDF and printer text, and the
# follow-up report's credits in favour and contact (issue 16).
#   - a page never opens with a total (a total keeps at least the row above it), and the
#     closing notes never stand alone on a page;
#   - a client's rows going on to the next page repeat the client's heading, "… (cont.)";
#   - one orientation per report (statement, aging, follow-up, many statements, trend).
# Checked by sweeping page lengths (text) and statement lengths (PDF, as of successive dates),
# so a total falls at every place of a page at least once.
if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

PY=/usr/bin/python3

cart init --name "Comercial Lima S.A.C." --tax-id 20100070970 --country PE --date-order ymd
assert_status 0 "init"
# 24 clients with three overdue invoices and one not yet due; client 1 with 70 more, one a day
n=0
for i in $(seq 1 24); do
	cart client add "$(printf 'Cliente %02d Comercial del Norte S.A.C.' "$i")" --receiver final \
		--phone "01 555-00$i" --email "$(printf 'cobranza%02d@norte.pe' "$i")"
	[ "$RC" = 0 ] && n=$((n + 1))
done
assert_eq 24 "$n" "24 clients added"
{
	echo "type,number,client,date,due,amount"
	k=0
	for i in $(seq 1 24); do
		c=$(printf 'Cliente %02d Comercial del Norte S.A.C.' "$i")
		for d in 01 02 03; do
			k=$((k + 1))
			echo "invoice,X-$k,$c,2026-03-$d,2026-04-$d,$((100 * i + 7)).50"
		done
		k=$((k + 1))
		echo "invoice,X-$k,$c,2026-06-20,2026-07-20,$((10 * i)).00"
	done
	for j in $(seq 0 69); do
		k=$((k + 1))
		echo "invoice,X-$k,Cliente 01 Comercial del Norte S.A.C.,$(date -d "2026-01-01 + $j days" +%F),2026-12-31,$((j + 1)).00"
	done
	# client 25: one invoice a day from 2025-01-01, and nothing else
	for j in $(seq 0 49); do
		k=$((k + 1))
		echo "invoice,X-$k,Cliente 25 Comercial del Norte S.A.C.,$(date -d "2025-01-01 + $j days" +%F),2026-12-31,$((j + 1)).00"
	done
} >"$T/docs.csv"
cart client add "Cliente 25 Comercial del Norte S.A.C." --receiver final
assert_status 0 "client 25 added"
cart import documents "$T/docs.csv"
assert_status 0 "216 invoices imported"
cart client person add 2 --name "Rosa Quispe" --role Tesorera --email rosa@norte.pe --phone "01 611-5000"
assert_status 0 "a contact person for client 2"
cart payment post 3 5000.00 --date 2026-06-25
assert_status 0 "client 3 overpays: a credit in favour"
cart invoice post --override t 3 100.00 --date 2026-06-28 --due 2026-07-28
assert_status 0 "and is invoiced again"

# ---- text: a page never opens with a total; a client going on says "(cont.)" ----
# pages of a text file: the lines of each page below its head and repeated column header
text_rules()
{
	$PY - "$1" "$2" <<'EOF'
import sys
sections = sys.argv[2] == "sections"
data = open(sys.argv[1], encoding="utf-8").read()
pages = data.split("\f")
bad = []
conts = 0
last_head = None
totals = ("Total", "Overdue", "Falls due later", "Credits in favour")
for n, p in enumerate(pages):
    lines = [l.rstrip() for l in p.split("\n")]
    body = lines[2:]                       # "who ... page N of M" and a blank line
    # the repeated column header: up to its rule of dashes
    if n > 0 and any(set(l) == {"-"} for l in body[:4]):
        k = next(i for i, l in enumerate(body) if set(l) == {"-"})
        body = body[k + 1:]
    body = [l for l in body if l]
    if n > 0 and body:
        first = body[0].lstrip()
        if first.startswith(totals) or set(first) == {"-"}:
            bad.append("page %d opens with %r" % (n + 1, first))
        if first.endswith("(cont.)"):
            conts += 1
            if last_head is None or first[:-len(" (cont.)")] != last_head:
                bad.append("page %d: %r does not repeat %r" % (n + 1, first, last_head))
        elif sections and first.startswith("X-"):
            if last_head is not None:
                bad.append("page %d: a client's rows go on without its name" % (n + 1))
        if all(l.startswith(("Balance as of", "Nothing is open", "PEN:")) for l in body):
            bad.append("page %d holds only closing notes" % (n + 1))
    for l in body:
        if l.startswith("Cliente "):
            last_head = l.rstrip()
            if last_head.endswith("(cont.)"):
                last_head = last_head[:-len(" (cont.)")]
print("%d %d %s" % (len(pages), conts, "; ".join(bad) if bad else "ok"))
EOF
}
fails=""
conts=0
for pl in $(seq 14 41); do
	cart report followup --format txt --page-lines "$pl" --output "$T/fu$pl.txt"
	set -- $(text_rules "$T/fu$pl.txt" sections)
	conts=$((conts + $2))
	shift 2
	[ "$*" = ok ] || fails="$fails [follow-up $pl lines: $*]"
done
assert_eq "" "$fails" "follow-up, 14 to 41 lines a page: no page opens with a total or a client's rows without its name"
[ "$conts" -gt 10 ]
ok $? "follow-up: clients going on to a new page say (cont.) ($conts times)"
fails=""
for pl in $(seq 14 41); do
	cart report statement 1 --format txt132 --page-lines "$pl" --output "$T/st$pl.txt"
	set -- $(text_rules "$T/st$pl.txt" none)
	shift 2
	[ "$*" = ok ] || fails="$fails [statement $pl lines: $*]"
done
assert_eq "" "$fails" "statement, 14 to 41 lines a page: no page opens with a total or holds only the notes"

# ---- PDF: the same, over statements as of 70 successive dates ----
pdf_rules()
{
	pdftotext -layout "$1" - | $PY -c '
import sys
pages = sys.stdin.read().split("\f")
bad = []
last_head = None
conts = 0
totals = ("Total", "Overdue", "Falls due later", "Credits in favour")
for n, p in enumerate(pages):
    lines = [l.strip() for l in p.split("\n") if l.strip()]
    heads = [i for i, l in enumerate(lines) if l.startswith(("Date ", "Document "))]
    if n > 0 and heads:
        first = lines[heads[0] + 1] if heads[0] + 1 < len(lines) else ""
        if first.startswith(totals):
            bad.append("page %d opens with %r" % (n + 1, first))
        if first.endswith("(cont.)"):
            conts += 1
            if first[:-len(" (cont.)")] != last_head:
                bad.append("page %d: %r does not repeat %r" % (n + 1, first, last_head))
        elif first.startswith("X-") and last_head is not None:
            bad.append("page %d: rows go on without the client" % (n + 1))
    # a page of closing notes alone: nothing but its head, the notes and its foot
    body = lines[1:-1]
    if n > 0 and body and all(l.startswith("Balance as of") for l in body):
        bad.append("page %d holds only the closing notes" % (n + 1))
    for l in lines:
        if l.startswith("Cliente "):
            last_head = l[:-len(" (cont.)")] if l.endswith("(cont.)") else l
print(len(pages) - (1 if pages[-1].strip() == "" else 0), conts, "; ".join(bad) if bad else "ok")
'
}
if command -v pdftotext >/dev/null; then
	fails=""
	multi=0
	for j in $(seq 30 69) $(seq 100 149); do
		if [ "$j" -ge 100 ]; then
			c=25 d=$(date -d "2025-01-01 + $((j - 100)) days" +%F)
		else
			c=1 d=$(date -d "2026-01-01 + $j days" +%F)
		fi
		cart report statement "$c" --asof "$d" --output "$T/st-$j.pdf"
		set -- $(pdf_rules "$T/st-$j.pdf")
		[ "$1" -gt 1 ] && multi=$((multi + 1))
		shift 2
		[ "$*" = ok ] || fails="$fails [client $c as of $d: $*]"
		[ "$(pdfinfo -f 1 -l 99 "$T/st-$j.pdf" | grep -E "^Page +[0-9]+ size:" | sed 's/.*size: *//' | sort -u | wc -l)" = 1 ] ||
			fails="$fails [as of $d: pages of two orientations]"
	done
	assert_eq "" "$fails" "statement PDFs of 31 to 70 and 1 to 50 movements: no page opens with a total or holds only the notes"
	[ "$multi" -gt 5 ]
	ok $? "and several of them go over a page ($multi)"
	cart report followup --output "$T/fu.pdf"
	assert_status 0 "follow-up PDF"
	set -- $(pdf_rules "$T/fu.pdf")
	[ "$1" -gt 1 ]
	ok $? "the follow-up PDF has several pages ($1)"
	[ "$2" -ge 1 ]
	ok $? "a client going on to a new page says (cont.) in the PDF ($2)"
	shift 2
	assert_eq ok "$*" "follow-up PDF: no page opens with a total; a client's rows go on under its name"
	# one orientation per report
	cart report aging --output "$T/ag.pdf"
	cart report statements --all --output "$T/all.pdf"
	cart report trend --months 4 --output "$T/tr.pdf"
	for f in st-69 fu ag all tr; do
		sizes=$(pdfinfo -f 1 -l 999 "$T/$f.pdf" | grep -E "^Page +[0-9]+ size:" | sed 's/.*size: *//; s/ pts.*//' | sort -u | wc -l)
		assert_eq 1 "$sizes" "$f.pdf: one orientation on every page"
	done
else
	skip "pdftotext not installed: the PDF page rules"
fi

# ---- the follow-up: credits in favour and the contact, in every renderer ----
cart report followup 3 --format txt
assert_status 0 "follow-up of client 3"
assert_match "$(printf '%s\n' "$OUT" | tr -s ' ')" "Credits in favour PEN 4,047.50" \
	"text: client 3's credit in favour"
cart report followup --format txt132
FU=$(printf '%s\n' "$OUT" | tr -s ' ')
assert_contains "$FU" "Cliente 02 Comercial del Norte S.A.C. · Rosa" "text: client 2's heading"
assert_match "$FU" "Cliente 02 .*· Rosa Quispe · 01 611-5000 · rosa@norte.pe" "text 132: the contact person, phone and e-mail"
assert_match "$FU" "Cliente 05 .*· 01 555-005 · cobranza05@norte.pe" "text 132: without a person, the client's phone and e-mail"
cart report followup --format txt
assert_contains "$(printf '%s\n' "$OUT" | tr -s ' ' | tr -d '\n')" "rosa@norte.pe" \
	"text 80: the contact wrapped, never cut"
assert_eq 80 "$(printf '%s\n' "$OUT" | $PY -c 'import sys; print(" ".join(sorted({str(len(l.rstrip("\n"))) for l in sys.stdin})))')" \
	"text 80: every line 80 wide"
cart report followup --format csv
assert_contains "$OUT" "Rosa Quispe · 01 611-5000 · rosa@norte.pe" "CSV: the contact"
assert_match "$OUT" "Credits in favour,.*PEN,[0-9]" "CSV: the credit in favour"
cart report followup --format json
JS=$(printf '%s' "$OUT" | $PY -c '
import json, sys
d = json.load(sys.stdin)
s = json.dumps(d, ensure_ascii=False)
print("contact" if "rosa@norte.pe" in s else "no contact", "credit" if "Credits in favour" in s else "no credit")')
assert_eq "contact credit" "$JS" "JSON: the contact and the credit in favour"
if command -v pdftotext >/dev/null; then
	PDF=$(pdftotext -layout "$T/fu.pdf" - | tr -s ' ')
	assert_contains "$PDF" "Rosa Quispe · 01 611-5000 · rosa@norte.pe" "PDF: the contact"
	assert_match "$PDF" "Credits in favour PEN [0-9,.]+" "PDF: the credit in favour"
fi
# as of a date before the overpayment: no credit in favour then
cart report followup 3 --asof 2026-06-24 --format txt
assert_contains "$OUT" "Cliente 03" "as of before the overpayment: client 3 owes"
assert_not_contains "$OUT" "Credits in favour" "and has no credit in favour"
cart report followup 3 --asof 2026-06-29 --format txt
assert_match "$(printf '%s\n' "$OUT" | tr -s ' ')" "Credits in favour PEN 4,047.50" \
	"as of a past date after it: the credit in favour, 5,000.00 less the 952.50 it paid"
cart report followup --asof 2026-06-29 --format csv
assert_match "$OUT" "Credits in favour,.*4047.50" "every client as of a past date: the credit in favour"
check_ok "the page rules' ledger"

done_testing
