#!/bin/bash
# tests/cli/taxid_clerks.sh: tax ids as Colombian clerks write them (issue 16), on the command
# line: the DV after an en dash or a blank; "79.308.960.7" (the cedula 79.308.960-7 with its DV
# after a dot) refused instead of stored as the NIT 793089607; a person's digits alone whose last
# one may be the DV refused with a message saying to write the DV after a hyphen. Ids: DIAN
# 800.197.268-4, Bancolombia 890.903.938-8 (published NITs); the cedula from python-stdnum's list.
if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

cart init --name "Compañía Ñandú S.A.S." --tax-id 800197268-4 --country CO
assert_status 0 "init"
cart client add "DIAN" --tax-id "800.197.268–4"
assert_status 0 "the DV after an en dash"
assert_contains "$OUT" "800197268-4" "stored as 800197268-4"
cart client add "Bancolombia" --tax-id "890.903.938 8"
assert_status 0 "the DV after a blank"
assert_contains "$OUT" "890903938-8" "stored as 890903938-8"
dump_save "$DB" before
cart client add "Pedro Pérez" --taxpayer natural --tax-id "79.308.960.7"
assert_refused 2 "after a hyphen" "the DV after a dot"
assert_dump_same "$DB" before "nothing stored for the DV after a dot"
cart client add "Pedro Pérez" --taxpayer natural --tax-id "793089607"
assert_refused 2 "79308960-7" "a person's digits alone whose last may be the DV"
assert_dump_same "$DB" before "nothing stored for the digits alone"
cart client add "Pedro Pérez" --taxpayer natural --tax-id "79308960-7"
assert_status 0 "the cedula with its DV after a hyphen"
assert_contains "$OUT" "79308960-7" "stored as 79308960-7"
done_testing
