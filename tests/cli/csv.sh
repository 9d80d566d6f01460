#!/bin/bash
# tests/cli/csv.sh: client import and export as CSV (SPEC C5) through the built binary: a good
# file, a bad one rejected whole with every bad line named and the ledger untouched, Spanish
# headers from a spreadsheet, standard input, export to stdout and to files (never over an
# existing one without --force), and a round trip into a fresh ledger. TAP output.
if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

# cart_in FILE ARGS...: cart with standard input read from FILE.
cart_in()
{
	local in=$1
	shift
	LAST_CMD="cartera $* < $in"
	"${LIB_TIMEOUT[@]}" "$CARTERA_BIN" --db "$DB" --today "$TODAY" "$@" <"$in" >"$T/.out" 2>"$T/.err"
	RC=$?
	OUT=$(cat "$T/.out")
	ERR=$(cat "$T/.err")
}

# csv_no_id TEXT: the CSV again without its first column (ids differ between ledgers).
csv_no_id()
{
	printf '%s' "$1" | "$PYTHON" -c '
import csv, sys
w = csv.writer(sys.stdout, lineterminator="\n")
for r in csv.reader(sys.stdin):
    w.writerow(r[1:])'
}

# ---- help ----
for c in import export; do
	cart client "$c" --help
	assert_status 0 "client $c --help exits 0"
	assert_match "$OUT" "^Usage: cartera client $c" "client $c --help prints its usage line"
done
cart client --help
assert_contains "$OUT" "cartera client import FILE" "client --help lists import"
assert_contains "$OUT" "cartera client export [FILE]" "client --help lists export"
[ ! -e "$DB" ]
ok $? "--help created no ledger"

cart init --name "Comercial Andina SAS" --tax-id 900123456
assert_status 0 "init exits 0"

cart client bogus
assert_status 2 "an unknown client action exits 2"
assert_contains "$ERR" "import or export" "the usage error lists import and export"
cart client import
assert_status 2 "client import without a file exits 2"
cart client import "$T/missing.csv"
assert_status 1 "client import of a missing file exits 1"
assert_contains "$ERR" "cannot read $T/missing.csv" "the missing file is named"

# ---- a good file ----
cat >"$T/good.csv" <<'EOF'
name,tax_id,dv,taxpayer_type,receiver_type,email,phone,terms_days,credit_limit,active,notes
Grupo Uno SA,890.903.938,8,legal,taxpayer,cobros@uno.co,604 4440000,45,1500000.00,yes,
"Peñalosa, José",,,natural,final,,,0,,no,"Paga los ""viernes""
llamar antes"
Dos Servicios SAS,899999068-1,,,,,,,,,
EOF
dump_save "$DB" before_good
cart client import "$T/good.csv"
assert_status 0 "client import of a good file exits 0"
assert_eq "3 clients imported from $T/good.csv" "$OUT" "client import says how many it added, from where"
assert_eq "" "$ERR" "a good file prints nothing on stderr"
check_ok "an import"

cart client show 890903938
assert_status 0 "the imported NIT finds its client"
assert_contains "$OUT" "890903938-8 (legal person, taxpayer)" "the NIT is stored normalized with its DV"
assert_contains "$OUT" "Terms:      45 days   Credit limit: 1.500.000,00" \
	"terms and credit limit come from the file"
cart client show 899999068-1
assert_contains "$OUT" "Client 3: Dos Servicios SAS" "a NIT with its DV attached is split"
cart client show "Peñalosa"
assert_contains "$OUT" "Peñalosa, José (inactive)" "the name keeps its comma and accents; active=no"
assert_contains "$OUT" "(natural person, final consumer)" "taxpayer and receiver types come from the file"

# ---- a bad file: every bad line, nothing imported ----
cat >"$T/bad.csv" <<'EOF'
nombre,nit,dv,plazo
Bueno SAS,860002964,,30
Mal DV SAS,800197268,3,30
,900.555.123,,30
Otro Bueno SAS,830.053.800,,30
Copia SAS,860002964,,30
Plazo SAS,900999999,,muchos
Grupo Repetido,890903938,,30
EOF
dump_save "$DB" before_bad
cart client import "$T/bad.csv"
assert_status 1 "a file with bad rows exits 1"
assert_match "$ERR" "^$T/bad.csv:3: NIT \"800197268\" has DV 3, expected 4" "line 3: the wrong DV"
assert_match "$ERR" "^$T/bad.csv:4: the name is missing" "line 4: the missing name"
assert_match "$ERR" "^$T/bad.csv:6: tax id 860002964 is also on line 2" "line 6: the duplicate names both lines"
assert_match "$ERR" "^$T/bad.csv:7: .*payment terms \"muchos\"" "line 7: terms that are no number"
assert_match "$ERR" "^$T/bad.csv:8: tax id 890903938 already belongs to client 1, Grupo Uno SA" \
	"line 8: the tax id of an existing client names it"
assert_eq 6 "$(printf '%s\n' "$ERR" | wc -l)" "five bad lines and the summary, nothing else"
assert_contains "$ERR" "5 bad lines; nothing was imported" "the summary says nothing was imported"
assert_not_contains "$ERR" "bad.csv:2:" "the good lines are not reported"
assert_eq "" "$OUT" "nothing on stdout for a rejected file"
assert_dump_same "$DB" before_bad "a rejected file leaves the ledger unchanged"

printf 'name,receiver_type\nPe\xf1a,final\n"Abierta,final\n' >"$T/broken.csv"
cart client import "$T/broken.csv"
assert_status 1 "a malformed CSV exits 1"
assert_contains "$ERR" "broken.csv:2: column 3: not valid UTF-8" "invalid UTF-8 is named by line and column"
assert_contains "$ERR" "broken.csv:3: a quoted field is not closed" "an unclosed quote is named by line"
cart client import "$T/good.csv"
assert_status 1 "importing the same file twice exits 1"
assert_contains "$ERR" "good.csv:2: tax id 890903938 already belongs to client 1" \
	"the second import names the clients that exist"
assert_dump_same "$DB" before_bad "rejected files leave the ledger unchanged"

printf 'nit,telefono,color\n890903938,1,azul\n' >"$T/nohead.csv"
cart client import "$T/nohead.csv"
assert_status 1 "a file without a name column exits 1"
assert_contains "$ERR" "nohead.csv:1: unknown column \"color\"" "an unknown column is named"
assert_contains "$ERR" "there is no name column" "the missing name column is named"

# ---- a spreadsheet's file: BOM, CRLF, Spanish headers in another order; standard input ----
printf '\xef\xbb\xbfCorreo,NIT,Raz\xc3\xb3n Social,Tel\xc3\xa9fono,Cupo,Direcci\xc3\xb3n\r\n' >"$T/excel.csv"
printf 'ventas@andes.co,830.053.800,"Andes, Ltda",601 555,"2.000.000,00","Cra 7 # 1-2, of. 3"\r\n' >>"$T/excel.csv"
printf ',,,,,\r\n' >>"$T/excel.csv"
cart_in "$T/excel.csv" client import -
assert_status 0 "client import - reads standard input"
assert_eq "1 client imported from stdin" "$OUT" "standard input is named stdin"
cart client show "Andes, Ltda"
assert_status 0 "the client from the spreadsheet is there"
assert_contains "$OUT" "830053800-4" "its NIT gets its DV"
assert_contains "$OUT" "Credit limit: 2.000.000,00" "a limit in the company's format is read too"
assert_contains "$OUT" "Address:    Cra 7 # 1-2, of. 3" "the quoted address keeps its commas"
check_ok "imports"

# ---- export ----
cart client export
assert_status 0 "client export to stdout exits 0"
EXPORT=$OUT
assert_eq "id,name,tax_id,dv,taxpayer_type,receiver_type,email,phone,mobile,address,location,terms_days,credit_limit,charge_mode,active,notes,curp" \
	"$(printf '%s\n' "$EXPORT" | head -n 1 | tr -d '\r')" "the export's header row"
assert_contains "$EXPORT" "1,Grupo Uno SA,890903938,8,legal,taxpayer,cobros@uno.co,604 4440000,,,,45,1500000.00,invoice,yes," \
	"a client's row: plain amounts, words for the types"
assert_contains "$EXPORT" '"Peñalosa, José",,,natural,final' "a name with a comma is quoted"
if [ "$HAVE_PYTHON" = 1 ]; then
	assert_eq 5 "$(printf '%s\n' "$EXPORT" | "$PYTHON" -c 'import csv,sys; print(len(list(csv.reader(sys.stdin))))')" \
		"the export parses as 5 records (header and 4 clients)"
	assert_eq 'Paga los "viernes"|llamar antes' \
		"$(printf '%s\n' "$EXPORT" | "$PYTHON" -c '
import csv, sys
for r in csv.DictReader(sys.stdin):
    if r["name"].startswith("Pe"): print(r["notes"].replace("\r\n", "\n").replace("\n", "|"))')" \
		"quotes and a line break in the notes survive"
else
	skip "the export parses as 5 records" "no python3"
	skip "quotes and a line break in the notes survive" "no python3"
fi

echo "keep me" >"$T/out.csv"
cart client export "$T/out.csv"
assert_status 1 "export to an existing file exits 1"
assert_contains "$ERR" "$T/out.csv already exists: give --force" "the refusal names the file and --force"
assert_eq "keep me" "$(cat "$T/out.csv")" "the existing file is left alone"
cart client export --force "$T/out.csv"
assert_status 0 "export --force to an existing file exits 0"
assert_eq "4 clients exported to $T/out.csv" "$OUT" "export says how many it wrote, where"
assert_eq "$EXPORT" "$(cat "$T/out.csv")" "the file holds the same CSV as stdout"
cart client export "$T/new.csv"
assert_status 0 "export to a new file exits 0"
assert_eq "$EXPORT" "$(cat "$T/new.csv")" "the new file holds the export"
assert_eq 0 "$(find "$T" -maxdepth 1 -name '*.csv.*' | wc -l)" "no temporary files are left behind"
cart client export "$T/nodir/x.csv"
assert_status 1 "export into a missing folder exits 1"
cart client export a.csv b.csv
assert_status 2 "export with two files exits 2"

# ---- round trip into a fresh ledger ----
DB1=$DB
DB="$T/fresh.db"
cart init --name "Otra Empresa SAS" --tax-id 900123456
cart client import "$T/new.csv"
assert_status 0 "the export imports into a fresh ledger"
assert_eq "4 clients imported from $T/new.csv" "$OUT" "all 4 clients come back"
check_ok "the round trip"
cart client export
if [ "$HAVE_PYTHON" = 1 ]; then
	assert_eq "$(csv_no_id "$EXPORT")" "$(csv_no_id "$OUT")" \
		"exported again, every client is the same but for its number"
else
	skip "exported again, every client is the same" "no python3"
fi
cart client show "Peñalosa, José"
assert_contains "$OUT" "Client 4: Peñalosa, José (inactive)" "names with accents and commas survive the round trip"
DB=$DB1

done_testing
