#!/bin/bash
# tests/cli/agree.sh: every output of cartera tells the same figures (issue 11). One hand-built
# ledger with credits in favour and two currencies (COP, the company's, and USD); every report
# (aging, statement, follow-up, document) in every renderer: the report's JSON is the reference,
# and its CSV, its plain text (80 and 132 columns), its XLSX (read back with openpyxl), its PDF
# (through pdftotext), the `aging` and `show` commands and the aging, follow-up, statement and
# document screens (a screen dump at 200x60) must show the same amounts in the same order. The
# footers' arithmetic is checked on the printed figures of every renderer (open charges less
# credits in favour = net = the ledger balance), credits in favour are positive everywhere, and
# balance, dashboard and client show agree with the aging. Today is 2026-06-30.
#
# The ledger, worked out by hand (terms 30 days):
#   Ana Álvarez SAS   COP FAC-000001 1.000,00 2026-03-01 (due 03-31: 91 days, over 90)
#                     COP FAC-000002 2.500,50 2026-05-15 (due 06-14: 16 days, 1-30), 200,00 paid
#                         by RC-000001 -> 2.300,50 open
#                     COP ANT-000001 advance 150,00 -> a credit in favour of 150,00
#                     USD FAC-000003 250,00 2026-06-20 (due 07-20: not due)
#   Beto Bravo Ltda   COP ANT-000002 advance 300,00 -> 300,00 in favour, net -300,00
#                     USD FAC-000004 100,00 2026-04-01 (due 05-01: 60 days, 31-60)
#                     USD ANT-000003 advance 40,00 -> 40,00 in favour
#   Carla Cruz        COP FAC-000005 750,25 2026-04-01 (due 05-01: 60 days, 31-60); RC-000002
#                         of 750,25 paid it and was voided (ANU-000001): 750,25 open again
# COP: open charges 1.000,00 + 2.300,50 + 750,25 = 4.050,75; credits 150,00 + 300,00 = 450,00;
#      net 3.600,75. USD: open charges 350,00; credits 40,00; net 310,00.
if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi
# shellcheck source=tests/screen/lib.sh
. "$(dirname "$0")/../screen/lib.sh"

PY=${PYTHON:-/usr/bin/python3}
HAVE_XL=0
[ "$HAVE_PYTHON" = 1 ] && $PY -c 'import openpyxl' 2>/dev/null && HAVE_XL=1
HAVE_PDF=0
command -v pdftotext >/dev/null 2>&1 && HAVE_PDF=1

cart init --name "Comercial Andina SAS" --country CO --currency COP --currency2 USD --decimals 2 \
	--decimal-sep , --thousands-sep .
assert_status 0 "init: COP with USD as the second currency"
cart client add "Ana Álvarez SAS" --tax-id 890903938 --terms 30
cart client add "Beto Bravo Ltda" --tax-id 899999068 --terms 30
cart client add "Carla Cruz" --receiver final --terms 30
cart invoice post --override prueba 1 1.000,00 --date 2026-03-01
cart invoice post --override prueba 1 2.500,50 --date 2026-05-15
cart payment post 1 200,00 --to FAC-000002 --date 2026-06-01
cart payment post 1 150,00 --advance --date 2026-06-05
cart invoice post --override prueba 1 250,00 --currency USD --date 2026-06-20
cart payment post 2 300,00 --advance --date 2026-06-02
cart invoice post --override prueba 2 100,00 --currency USD --date 2026-04-01
cart payment post 2 40,00 --advance --currency USD --date 2026-06-03
cart invoice post --override prueba 3 750,25 --date 2026-04-01
cart payment post 3 750,25 --to FAC-000005 --date 2026-06-10
cart void RC-000002 --reason "cheque devuelto" --date 2026-06-12
assert_status 0 "the ledger is built"
check_ok "the hand-built ledger"

if [ "$HAVE_PYTHON" != 1 ]; then
	skip "the outputs read back" "no python3"
	done_testing
	exit 0
fi

# ---- the figures of each output, read back ----
cat >"$T/figs.py" <<'EOF'
import csv, decimal, io, json, re, sys
D = decimal.Decimal
CENT = D("0.01")
# an amount as people read it: 1.234,56 or -50,00 (the company's format)
AMT = re.compile(r"(?<![\d.,])-?\d{1,3}(?:\.\d{3})*,\d{2}(?!\d)")

def people(text):
    return [D(a.replace(".", "").replace(",", ".")) for a in AMT.findall(text)]

def load_json(path):
    return json.load(open(path, encoding="utf-8"), parse_float=D)

def json_amounts(doc, ints=False):
    """Every amount of the tables in order (Decimal); with ints, integers too (days, inst.)."""
    out = []
    for t in doc["tables"]:
        for r in t["rows"]:
            for k in t["columns"]:
                v = r.get(k)
                if isinstance(v, D) or (ints and isinstance(v, int) and not isinstance(v, bool)):
                    out.append(D(v).quantize(CENT))
    return out

def json_people(doc):
    """What a reader of the text sees: the tables' amounts, then those the notes quote."""
    return json_amounts(doc) + people("\n".join(doc["notes"]))

def csv_amounts(path):
    out = []
    for row in csv.reader(open(path, encoding="utf-8", newline="")):
        if not row or row[0] == "row":
            continue
        out += [D(c) for c in row[1:] if re.fullmatch(r"-?\d+\.\d{2}", c)]
    return out

def xlsx_numbers(path):
    import openpyxl
    wb = openpyxl.load_workbook(path, data_only=True)
    out = []
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            for v in row:
                if isinstance(v, (int, float)) and not isinstance(v, bool):
                    out.append(D(repr(v)).quantize(CENT))
    return out

def same(name, want, got):
    if want == got:
        print("ok")
        return
    n = next((i for i, (a, b) in enumerate(zip(want, got)) if a != b), min(len(want), len(got)))
    print("%s: %d figures wanted, %d got; first difference at %d: wanted %s, got %s"
          % (name, len(want), len(got), n, want[n:n + 4], got[n:n + 4]))

def footers(text):
    """Each 'CUR: N client(s); open charges X less credits in favour Y = net Z.' note of a text
    output: the sum checked on the printed figures; returns 'CUR X Y Z' lines."""
    flat = " ".join(text.split())
    res = []
    for cur, x, y, z in re.findall(r"([A-Z]{3}): \d+ clients?; open charges (\S+) less credits in "
                                   r"favour (\S+) = net (\S+?)\.(?:\s|$)", flat):
        x, y, z = (people(v)[0] for v in (x, y, z))
        res.append("%s %s %s %s %s" % (cur, x, y, z, "adds-up" if x - y == z else "WRONG"))
    return "\n".join(res)

cmd = sys.argv[1]
if cmd == "same":                   # same KIND REF.json FILE: FILE tells the JSON's figures
    kind, ref, path = sys.argv[2:5]
    doc = load_json(ref)
    if kind == "csv":
        same(kind, json_amounts(doc), csv_amounts(path))
    elif kind == "xlsx":
        same(kind, json_amounts(doc, ints=True), xlsx_numbers(path))
    elif kind == "unordered":       # the same figures, the tables in another order
        same(kind, sorted(json_people(doc)), sorted(people(open(path, encoding="utf-8").read())))
    else:                           # text, pdf text, screen dump, a command's listing
        same(kind, json_people(doc), people(open(path, encoding="utf-8").read()))
elif cmd == "footers":              # footers FILE
    print(footers(open(sys.argv[2], encoding="utf-8").read()))
elif cmd == "eval":                 # eval REF.json EXPR (d is the document)
    d = load_json(sys.argv[2])
    rows = lambda title: [r for t in d["tables"] if t["title"] == title for r in t["rows"]]
    print(eval(sys.argv[3]))
EOF
figs() { "$PY" "$T/figs.py" "$@" 2>&1; }
# agree NAME KIND FILE: FILE shows the figures of $T/$NAME.json
agree() { assert_eq ok "$(figs same "$2" "$T/$1.json" "$3")" "$1: the $2 tells the same figures as the JSON"; }

# write NAME ARGS...: one report in every renderer: NAME.json .csv .txt .txt132 .xlsx .pdf
write()
{
	local name=$1 f
	shift
	for f in json csv txt txt132 xlsx pdf; do
		cart report "$@" --format "$f" --output "$T/$name.$f"
		assert_status 0 "report $* --format $f exits 0"
	done
	[ $HAVE_PDF = 1 ] && pdftotext -layout "$T/$name.pdf" "$T/$name.pdf.txt"
	# the picture's legend repeats a total row's figures beside its bar (issue 19): not a table
	[ $HAVE_PDF = 1 ] && sed -i -E '/^ +[^ ].* [0-9][0-9.,]* +[0-9]+ ?%$/d' "$T/$name.pdf.txt"
	# so does the plain text's (a line per range, padded to the paper's width)
	sed -i -E '/^ +[^ ].* [0-9][0-9.,]* +[0-9]+ ?% *$/d' "$T/$name.txt" "$T/$name.txt132"
	json_valid "$(cat "$T/$name.json")"
	ok $? "$name: the JSON is valid"
	agree "$name" csv "$T/$name.csv"
	agree "$name" text "$T/$name.txt"
	agree "$name" text "$T/$name.txt132"
	if [ $HAVE_XL = 1 ]; then agree "$name" xlsx "$T/$name.xlsx"; else skip "the XLSX read back" "no openpyxl"; fi
	if [ $HAVE_PDF = 1 ]; then agree "$name" text "$T/$name.pdf.txt"; else skip "the PDF read back" "no pdftotext"; fi
}

# ---- the aging ----
write aging aging
assert_eq "Aging|Total COP|COP|4050.75|450.00|3600.75" \
	"$(figs eval "$T/aging.json" '"|".join(str(x) for r in rows("Aging") if r["row"] == "total" and r["currency"] == "COP" for x in ("Aging", r["client"], r["currency"], r["open_charges"], r["credits"], r["net"]))')" \
	"aging: the COP total worked out by hand, credits in favour positive"
assert_eq "350.00|40.00|310.00" \
	"$(figs eval "$T/aging.json" '"|".join(str(r[k]) for r in rows("Aging") if r["row"] == "total" and r["currency"] == "USD" for k in ("open_charges", "credits", "net"))')" \
	"aging: the USD total worked out by hand"
assert_eq "True" "$(figs eval "$T/aging.json" 'all(r["open_charges"] - r["credits"] == r["net"] and sum(r[k] for k in ("not_due", "1-30", "31-60", "61-90", "over_90")) == r["open_charges"] for r in rows("Aging"))')" \
	"aging JSON: on every row the ranges add up to the open charges, less the credits the net"
assert_eq "True" "$(figs eval "$T/aging.json" 'all(r["sum_of_ranges"] == r["open_charges"] and r["open_charges"] - r["credits"] == r["net"] == r["ledger_balance"] for r in rows("Check"))')" \
	"aging JSON: the check table's arithmetic holds on its figures"
assert_eq "True" "$(figs eval "$T/aging.json" 'min(r["credits"] for r in rows("Aging")) >= 0')" \
	"aging JSON: no credit in favour is negative"
assert_eq "Beto Bravo Ltda COP 300.00 -300.00" \
	"$(figs eval "$T/aging.json" '" ".join(str(x) for r in rows("Aging") if r.get("ref") == 2 and r["currency"] == "COP" for x in (r["client"], r["currency"], r["credits"], r["net"]))')" \
	"aging: a client with only a credit in favour: credits 300,00, net -300,00"
FOOT="COP 4050.75 450.00 3600.75 adds-up
USD 350.00 40.00 310.00 adds-up"
for f in txt txt132 pdf.txt; do
	[ $f = pdf.txt ] && [ $HAVE_PDF = 0 ] && { skip "the PDF read back" "no pdftotext"; continue; }
	assert_eq "$FOOT" "$(figs footers "$T/aging.$f")" \
		"aging $f: the footer's open charges less credits in favour = net, on its printed figures"
done
if [ $HAVE_XL = 1 ]; then
	assert_eq "$FOOT" "$($PY -c '
import openpyxl, sys
wb = openpyxl.load_workbook(sys.argv[1])
print("\n".join(str(c) for ws in wb.worksheets for r in ws.iter_rows(values_only=True) for c in r if isinstance(c, str)))' \
		"$T/aging.xlsx" >"$T/aging.xlsx.txt"; figs footers "$T/aging.xlsx.txt")" \
		"aging xlsx: the footer's sum holds on its printed figures"
else
	skip "the XLSX read back" "no openpyxl"
fi

# the `aging` command is the same report
cart aging
assert_status 0 "aging exits 0"
printf '%s\n' "$OUT" >"$T/aging.cmd"
agree aging "aging command" "$T/aging.cmd"
assert_eq "$FOOT" "$(figs footers "$T/aging.cmd")" "aging command: its footer adds up"
assert_match "$OUT" 'Total USD +USD ' "aging command: each total row names its currency"
assert_contains "$OUT" "USD: 2 clients;" "aging command: the clients of a currency, plural"
cart --format json aging
printf '%s\n' "$OUT" >"$T/aging.cmd.json"
assert_eq "$(figs eval "$T/aging.json" 'json_amounts(d)' 2>/dev/null; figs eval "$T/aging.json" 'd["tables"][0]["columns"]')" \
	"$(figs eval "$T/aging.cmd.json" 'json_amounts(d)' 2>/dev/null; figs eval "$T/aging.cmd.json" 'd["tables"][0]["columns"]')" \
	"aging --format json is the report's JSON"
LANG=es_CO.UTF-8 LANGUAGE=es cart --format csv aging
assert_eq "row,client,currency,not_due,1-30,31-60,61-90,over_90,open_charges,credits,net" \
	"$(printf '%s\n' "$OUT" | head -1 | tr -d '\r')" "aging CSV in Spanish: the column keys are not translated"
LANG=es_CO.UTF-8 LANGUAGE=es cart report aging --format json --output "$T/aging.es.json"
assert_eq "$(figs eval "$T/aging.json" '[t["columns"] for t in d["tables"]]')" \
	"$(figs eval "$T/aging.es.json" '[t["columns"] for t in d["tables"]]')" \
	"aging JSON in Spanish: the same keys"

# the other commands say the same: balance (the ledger), dashboard, client show
cart --format json balance
assert_eq "COP 3600.75|USD 310.00" "$(json_eval "$OUT" '"|".join("%s %s" % (r["currency"], r["balance"]) for r in d)')" \
	"balance: the ledger's balance is the aging's net in each currency"
assert_eq "COP 450.00|USD 40.00" "$(json_eval "$OUT" '"|".join("%s %s" % (r["currency"], r["credits_open"]) for r in d)')" \
	"balance: the open credits are the aging's credits in favour, positive"
cart --format json dashboard
assert_eq "COP 4050.75 450.00 3600.75|USD 350.00 40.00 310.00" \
	"$(json_eval "$OUT" '"|".join("%s %s %s %s" % (r["currency"], r["due"] + r["overdue"], r["credits"], r["net"]) for r in d)')" \
	"dashboard: due + overdue, credits and net are the aging's"
cart client show 2
assert_contains "$OUT" "in COP: due 0,00, overdue 0,00, credits 300,00, net -300,00" \
	"client show: Beto's credit in favour positive, as in the aging"
assert_contains "$OUT" "in USD: due 0,00, overdue 100,00, credits 40,00, net 60,00" \
	"client show: and in USD"
cart --format csv dashboard --tab credits
assert_eq "client,number,code,date,amount,open,currency" "$(printf '%s\n' "$OUT" | head -1 | tr -d '\r')" \
	"dashboard tab CSV: the currency is a field of its own"
assert_contains "$(printf '%s\n' "$OUT" | tr -d '\r')" "Beto Bravo Ltda,ANT-000003,AA,2026-06-03,40.00,40.00,USD" \
	"dashboard tab CSV: a USD credit as a plain number, its currency apart"

# the aging and follow-up screens: the same figures
scr '<A-A><dump><Tab><dump>' 200x60
assert_status 0 "the aging screen, then the follow-up"
text 1 >"$T/aging.screen"
agree aging "screen" "$T/aging.screen"
assert_eq "$FOOT" "$(figs footers "$T/aging.screen")" "aging screen: the footer adds up"

# ---- the follow-up ----
write followup followup
text 2 >"$T/followup.screen"
agree followup "screen" "$T/followup.screen"
assert_eq "COP: overdue 4.050,75; falls due later 0,00.
USD: overdue 100,00; falls due later 250,00." \
	"$(grep -E '^(COP|USD): overdue' "$T/followup.txt132" | sed 's/ *$//')" \
	"follow-up: overdue apart from what falls due later, per currency"
assert_eq "True" "$(figs eval "$T/followup.json" 'sum(r["open"] for r in rows("Follow-up") if r["row"] == "data" and r["currency"] == "COP") == 4050.75')" \
	"follow-up JSON: the COP items add up to the aging's open charges"

# ---- one statement: Ana Álvarez, both currencies ----
write statement statement "Ana Álvarez SAS"
assert_eq "COP 0.00 2300.50 0.00 0.00 1000.00 150.00 3150.50|USD 250.00 0.00 0.00 0.00 0.00 0.00 250.00" \
	"$(figs eval "$T/statement.json" '"|".join(" ".join(str(r[k]) for k in ("currency", "not_due", "1-30", "31-60", "61-90", "over_90", "credits", "net")) for r in rows("Aging"))')" \
	"statement's aging: credits in favour positive, net = the ranges less the credits"
assert_eq "True" "$(figs eval "$T/statement.json" 'all(sum(r[k] for k in ("not_due", "1-30", "31-60", "61-90", "over_90")) - r["credits"] == r["net"] for r in rows("Aging"))')" \
	"statement's aging: its arithmetic holds on its figures"
assert_eq "ANT-000001 150.00 150.00" \
	"$(figs eval "$T/statement.json" '" ".join(str(x) for r in rows("Credits in favour") if r["row"] == "data" for x in (r["document"], r["amount"], r["left"]))')" \
	"statement: the advance among the credits in favour, positive"
assert_eq "3150.50 250.00" \
	"$(figs eval "$T/statement.json" '" ".join(str(r["balance"]) for t in d["tables"] if t["title"].startswith("Movements") for r in t["rows"] if r["row"] == "total")')" \
	"statement: each currency's running balance ends at the aging's net"

# the statement screen: s on the dashboard's first overdue row (Ana's FAC-000001, 91 days)
scr '<A-s><dump>' 200x60
assert_status 0 "s on the dashboard opens the row's client's statement"
# the screen opens on the balance and the open documents (seed 000), the movements after them:
# the same figures in another order, and the balances once more under the title
text 1 | awk '/^Open documents/{seen = 1} seen || !/^Balance as of /' >"$T/statement.screen"
agree statement "unordered" "$T/statement.screen"

# ---- documents: an invoice, a voided receipt and its void ----
write invoice document FAC-000001
scr '<A-D><dump>' 200x60
assert_status 0 "D on the dashboard shows the row's document"
text 1 >"$T/invoice.screen"
agree invoice "screen" "$T/invoice.screen"
write receipt document RC-000002
write void document ANU-000001
assert_contains "$(cat "$T/receipt.txt132")" "VOIDED by ANU-000001: by" "report document: who voided the receipt"
assert_contains "$(cat "$T/receipt.txt132")" "reason: cheque devuelto" "report document: and why"
assert_eq "" "$(figs eval "$T/receipt.json" '" ".join(r["document"] for r in rows("Paid by") if r["row"] == "data" and r["document"].startswith("ANU"))')" \
	"report document: the void is never listed under Paid by"
cart show RC-000002
assert_match "$OUT" "voided by ANU-000001: by [^ ]+ on 2026-06-12; reason: cheque devuelto" "show: who voided it, when and why"
cart show ANU-000001
assert_match "$OUT" "voids RC-000002: by [^ ]+ on 2026-06-12; reason: cheque devuelto" "show of the void: what it voided"
cart --format json show FAC-000001
printf '%s\n' "$OUT" >"$T/invoice.show.json"
assert_eq "$(figs eval "$T/invoice.json" 'json_amounts(d)')" "$(figs eval "$T/invoice.show.json" 'json_amounts(d)')" \
	"show --format json is the document's report"
cart --format csv show FAC-000001
assert_status 0 "show --format csv exits 0"
printf '%s\n' "$OUT" >"$T/invoice.show.csv"
agree invoice csv "$T/invoice.show.csv"
cart report statement "Carla Cruz" --format txt132
assert_match "$OUT" "Void of RC-000002 by [^ ]+: cheque devuelto" "the statement names the void's clerk and reason"

cart --format csv client history "Carla Cruz"
assert_match "$(printf '%s\n' "$OUT" | tr -d '\r')" '^0,[0-9T:-]+Z,[^,]+,void,RC-000002,ANU-000001: cheque devuelto$' \
	"client history: the void, its clerk, what it voided and why"

check_ok "after every report (they never write)"
done_testing
