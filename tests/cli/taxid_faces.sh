#!/bin/bash
# tests/cli/taxid_faces.sh: tax ids on the command line and in an import (issue 16). Mexico: a
# person's CURP stored beside the RFC, its check digit checked, refused for a company, read from
# an import's "curp" column and written by the export; an RFC spelling one of the SAT's
# inconvenient words warned. Panama: a natural person's long asiento and zero-padded parts stored
# as the unpadded RUC with the same DV, a wrong part named. Every face: a tax id longer than the
# ledger keeps refused, never cut, and the ledger left as it was after each refusal.
# CURPs: python-stdnum's BOXW310820HNERXN09 and MAAR790213HMNRLF03 of the php validators' lists.
if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

DB0=$DB
cart init --name "Comercializadora del Bajío S.A. de C.V." --tax-id CFE370814QI0 --country MX
assert_status 0 "init (Mexico)"
cart client add "Waldo Box" --taxpayer natural --tax-id AAAA791128D63 --curp boxw310820hnerxn09
assert_status 0 "a person with RFC and CURP"
cart client show AAAA791128D63
assert_contains "$OUT" "CURP:       BOXW310820HNERXN09" "the CURP stored upper-case, shown"
dump_save "$DB" mx
cart client add "Otro" --taxpayer natural --tax-id AAAA791128D63 --curp BOXW310820HNERXN08
assert_refused 2 'CURP "BOXW310820HNERXN08" has check digit 8, expected 9' "a wrong CURP check digit"
cart client add "Empresa" --tax-id SAT970701NN3 --curp BOXW310820HNERXN09
assert_refused 2 "a CURP is a natural person's" "a CURP for a company"
assert_dump_same "$DB" mx "nothing stored for the refused CURPs"
cart client add "Pedro" --taxpayer natural --tax-id PEDO800101AB1
assert_status 0 "an RFC spelling an inconvenient word is accepted"
assert_contains "$ERR" 'begins with "PEDO", a word the SAT does not issue' "and warned"
printf 'name,tax_id,taxpayer_type,curp\nRosa Maar,MAAR790213AB1,natural,MAAR790213HMNRLF03\n' >"$T/mx.csv"
cart client import "$T/mx.csv"
assert_status 0 "an import with a curp column"
cart client show "Rosa Maar"
assert_contains "$OUT" "CURP:       MAAR790213HMNRLF03" "the imported CURP"
cart client export
assert_contains "$(printf '%s\n' "$OUT" | head -n 1)" ",notes,curp" "the export names the column"
assert_contains "$OUT" ",MAAR790213HMNRLF03" "and writes the CURP"
dump_save "$DB" mx2
printf 'name,tax_id,taxpayer_type,curp\nMal,GODE561231GR8,natural,MAAR790213HMNRLF04\n' >"$T/mx2.csv"
cart client import "$T/mx2.csv"
assert_status 1 "an import with a wrong CURP is refused"
assert_contains "$ERR" "has check digit 4, expected 3" "naming the CURP's check digit"
assert_dump_same "$DB" mx2 "nothing imported"

DB=$T/pa.db
cart init --name "Panamá Cobros S.A." --tax-id "155596713-2-2015 DV 59" --country PA
assert_status 0 "init (Panama)"
cart client add "José Rodríguez" --taxpayer natural --tax-id "2-1234-123456789"
assert_status 0 "a natural person's RUC with a nine-digit asiento"
assert_contains "$OUT" "2-1234-123456789-01" "stored with DV 01"
cart client add "Ana Pérez" --taxpayer natural --tax-id "08-0769-01080"
assert_status 0 "a RUC with zero-padded parts"
assert_contains "$OUT" "8-769-1080-56" "stored unpadded with the unpadded RUC's DV"
dump_save "$DB" pa
cart client add "Juan" --taxpayer natural --tax-id "8-12345-445"
assert_refused 2 'the folio "12345" must be 1 to 4 digits' "a wrong part is named"
cart client add "Duplicada" --taxpayer natural --tax-id "8-769-001080"
assert_refused 1 "already belongs to client 2" "the padded RUC is the same client's"
# longer than the ledger keeps (31 characters once normalized): refused, not cut
long="155596713-0002-002015-1234567890123"
cart client add "Larga" --tax-id "$long"
assert_status 2 "a tax id longer than the field: refused"
cart client list
assert_not_contains "$OUT" "Larga" "nothing stored"
printf 'name,tax_id\nLarga,%s\n' "$long" >"$T/long.csv"
cart client import "$T/long.csv"
assert_status 1 "an import with a tax id longer than the field: refused"
assert_contains "$ERR" "tax id" "the import names the tax id"
assert_dump_same "$DB" pa "nothing stored for any refusal"
DB=$DB0
done_testing
