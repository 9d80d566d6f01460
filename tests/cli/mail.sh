#!/bin/bash
# tests/cli/mail.sh: mail from the command line (SPEC F4, F5): statements and invoices queued in
# the outbox with their line in the client's history; a real delivery through msmtp to a local
# SMTP server (python3-aiosmtpd on a free loopback port) received exactly once with its PDF
# intact; a failing sendmail stand-in that leaves the message failed with its error until it is
# retried and then delivers it once; two `mail send` at once over 200 messages, each delivered
# exactly once; bad input refused with nothing queued. TAP output.
if [ -z "${BASH_VERSION:-}" ]; then exec bash "$0" "$@"; fi
# shellcheck source=tests/cli/lib.sh
. "$(dirname "$0")/lib.sh"

unset CARTERA_SENDMAIL CARTERA_MAIL_SELF

# refused STATUS NEEDLE DESC CARTERA-ARGS...: refused, saying why, the ledger unchanged.
refused()
{
	local status=$1 needle=$2 desc=$3
	shift 3
	dump_save "$DB" refused
	cart "$@"
	assert_status "$status" "$desc: exit status $status"
	assert_contains "$ERR" "$needle" "$desc: stderr says what was wrong ($needle)"
	assert_dump_same "$DB" refused "$desc: the ledger is unchanged"
}

# status_of ID: the outbox status of a message
status_of()
{
	sqlite3 "$DB" "SELECT status FROM mail_outbox WHERE id = $1"
}

# mime PY-EXPR FILE: evaluate a python expression over the message m parsed from FILE
mime()
{
	python3 - "$2" "$1" <<'PY'
import email, email.policy, hashlib, sys
m = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=email.policy.default)
def att(name):
    for p in m.iter_attachments():
        if p.get_filename() == name:
            return p.get_payload(decode=True)
    return b""
def sha(b):
    return hashlib.sha256(b).hexdigest()
print(eval(sys.argv[2]))
PY
}

cart init --name "Ñandú Comercial S.A.C." --country PE --tax-id 20100070970 --decimal-sep , --thousands-sep .
assert_status 0 "init"
cart client add "José Ñañez Güémez" --receiver final --email jose@example.pe
assert_status 0 "client 1"
cart client person add 1 --name "Güémez, Ana" --role Contadora --email ana@example.pe
assert_status 0 "a person who receives notices"
cart client add "Sin Correo SAC" --receiver final
assert_status 0 "client 2, no e-mail"
cart invoice post 1 1000 --date 2026-04-01
assert_status 0 "an overdue invoice"
cart invoice post 1 250,50 --date 2026-06-20 --override "cliente al día según gerencia"
assert_status 0 "an invoice not yet due"

# ---- refused before anything is queued ----
refused 2 "mail-from" "no sender set" mail statement 1
cart company set mail-from cobros@nandu.pe
assert_status 0 "company set mail-from"
cart company set reply-to cartera@nandu.pe
assert_status 0 "company set reply-to"
refused 2 "\"cobros\" is not an e-mail address" "a sender that is not an address" company set mail-from "cobros"
refused 2 "Sin Correo SAC has no e-mail address" "a client with no e-mail" mail statement 2
refused 2 "\"pagos@@x.pe\" is not an e-mail address" "a bad extra address" \
	mail statement 1 --to "pagos@@x.pe"
refused 2 "CARTERA_MAIL_SELF" "a copy to me with no address of mine" mail statement 1 --copy-me
refused 2 "unknown placeholder {saldo}" "a template with an unknown placeholder" \
	mail template set statement --lang es --subject "Saldo {saldo}"
refused 2 "attach-statement \"maybe\"" "attach-statement takes yes or no" \
	company set attach-statement maybe
assert_eq "0" "$(sqlite3 "$DB" 'SELECT count(*) FROM mail_outbox')" "nothing was queued"

# ---- a statement queued: outbox and history ----
cart mail self yo@nandu.pe
assert_status 0 "mail self: my own address"
cart mail statement 1 --to "Pagos <pagos@example.pe>" --copy-me --attach-xlsx
assert_status 0 "mail statement with an extra address, a copy to me and the XLSX"
assert_contains "$OUT" "message 1 queued to jose@example.pe, ana@example.pe, pagos@example.pe, yo@nandu.pe" \
	"it says to whom"
assert_contains "$OUT" "attached: estado-de-cuenta-jose-nanez-guemez.pdf, estado-de-cuenta-jose-nanez-guemez.xlsx" \
	"it says what is attached"
assert_eq "pending" "$(status_of 1)" "the message waits in the outbox"
cart client history 1 --format csv
assert_contains "$OUT" "mail #1; To: jose@example.pe" "the client's history has the message"
cart mail document FAC-000001 --statement
assert_status 0 "mail document with the statement"
assert_contains "$OUT" "attached: FAC-000001.pdf, estado-de-cuenta-jose-nanez-guemez.pdf" \
	"the invoice and the statement attached"
cart mail list --format csv
assert_eq "3" "$(printf '%s\n' "$OUT" | wc -l)" "mail list: two messages"
cart mail show 1
assert_contains "$OUT" "Subject: Estado de cuenta de =?UTF-8?" "mail show prints the raw message"
printf '%s\n' "$OUT" > "$T/stored-1.eml"
cart report statement 1 --output "$T/direct.pdf"
assert_status 0 "the statement written directly"

cart mail lang 1 en
assert_contains "$OUT" "José Ñañez Güémez: mail in en" "mail lang: the client's language"
cart mail reminder 1 --no-pdf --only --to x@example.pe
assert_contains "$OUT" "Payment reminder: José Ñañez Güémez" "the client's mail in English"
cart mail cancel 3
cart mail lang 1 company
assert_contains "$OUT" "mail in es" "back to the company's language"
refused 2 "use es or en" "a language cartera has no templates for" mail lang 1 fr

# ---- a real delivery: msmtp to a local SMTP server ----
SINK_PY=
for py in /usr/bin/python3 python3; do
	if "$py" -c 'import aiosmtpd' 2>/dev/null; then SINK_PY=$py; break; fi
done
if [ -n "$SINK_PY" ] && command -v msmtp >/dev/null 2>&1; then
	mkdir -p "$T/smtp"
	bg_start "$SINK_PY" "$CARTERA_SRCDIR/tests/cli/smtp_sink.py" "$T/smtp"
	wait_until "$WAIT_SECS" test -s "$T/smtp/port"
	PORT=$(cat "$T/smtp/port" 2>/dev/null)
	cat > "$T/msmtprc" <<EOF
account default
host 127.0.0.1
port $PORT
from cobros@nandu.pe
auth off
tls off
EOF
	chmod 600 "$T/msmtprc"
	export CARTERA_SENDMAIL="msmtp -C $T/msmtprc -t"
	cart mail send
	assert_status 0 "mail send through msmtp"
	assert_contains "$OUT" "sent 2, failed 0" "both delivered"
	assert_eq "sent sent" "$(status_of 1) $(status_of 2)" "both marked sent"
	cart mail send
	assert_contains "$OUT" "sent 0, failed 0" "a second mail send delivers nothing again"
	got=$(ls "$T/smtp" | grep -c '\.eml$')
	assert_eq "2" "$got" "the server received exactly two messages"
	for id in 1 2; do
		mid=$(cart mail show $id; printf '%s\n' "$OUT" | grep -i '^Message-Id:' | tr -d '\r')
		n=$(grep -il "^${mid}" "$T"/smtp/*.eml 2>/dev/null | wc -l)
		assert_eq "1" "$n" "message $id received once ($mid)"
	done
	f1=$(grep -l "estado-de-cuenta-jose-nanez-guemez.xlsx" "$T"/smtp/*.eml | head -1)
	assert_eq "$(file_sha "$T/direct.pdf")" \
		"$(mime 'sha(att("estado-de-cuenta-jose-nanez-guemez.pdf"))' "$f1")" \
		"the PDF received is the statement byte for byte"
	assert_eq "José Ñañez Güémez <jose@example.pe>, \"Güémez, Ana\" <ana@example.pe>, Pagos <pagos@example.pe>" \
		"$(mime 'm["To"]' "$f1")" "To decodes to the names"
	assert_eq "Estado de cuenta de José Ñañez Güémez al 30/06/2026" "$(mime 'm["Subject"]' "$f1")" \
		"the subject decodes"
	assert_eq "cartera@nandu.pe" "$(mime 'm["Reply-To"]' "$f1")" "Reply-To from the company"
	assert_eq "None" "$(mime 'm["Bcc"]' "$f1")" "the blind copy is not in the headers received"
	assert_contains "$(cat "${f1%.eml}.rcpt")" "yo@nandu.pe" "but it went to my own address"
	assert_contains "$(mime 'm.get_body().get_content()' "$f1")" "FAC-000001       01/05/2026    60" \
		"the body lists the overdue invoice"
	xlsx=$(mime 'len(att("estado-de-cuenta-jose-nanez-guemez.xlsx")) > 1000 and att("estado-de-cuenta-jose-nanez-guemez.xlsx")[:2] == b"PK"' "$f1")
	assert_eq "True" "$xlsx" "the XLSX received is a spreadsheet"
	unset CARTERA_SENDMAIL
else
	skip "a real delivery through msmtp" "msmtp or python3-aiosmtpd is not installed"
fi

# ---- a failing sendmail: kept with its error, retried, delivered once ----
mkdir -p "$T/fake"
cat > "$T/fake-sendmail" <<EOF
#!/bin/sh
if [ -e "$T/fake/down" ]; then
	cat > /dev/null
	echo "fake-sendmail: cannot connect to mail.example.pe: Connection refused" >&2
	exit 75
fi
cat > "$T/fake/\$\$.eml"
EOF
chmod +x "$T/fake-sendmail"
touch "$T/fake/down"
export CARTERA_SENDMAIL="$T/fake-sendmail"
cart mail reminder 1 --no-pdf
assert_status 0 "a reminder queued"
cart mail send
assert_status 1 "mail send says a delivery failed"
assert_contains "$ERR" "Connection refused" "and why"
assert_eq "failed" "$(status_of 4)" "the message is kept, failed"
assert_contains "$(sqlite3 "$DB" 'SELECT last_error FROM mail_outbox WHERE id = 4')" \
	"exit status 75): fake-sendmail: cannot connect" "with the command's error"
assert_eq "1" "$(sqlite3 "$DB" 'SELECT attempts FROM mail_outbox WHERE id = 4')" "one attempt"
assert_eq "1" "$(sqlite3 "$DB" "SELECT next_try > updated_at FROM mail_outbox WHERE id = 4")" \
	"the next try is later"
cart mail list --status failed --format csv
assert_contains "$OUT" "Connection refused" "mail list --status failed shows the error"
rm "$T/fake/down"
cart mail send
assert_contains "$OUT" "sent 0, failed 0" "not retried before its time"
cart mail retry 4
assert_status 0 "mail retry"
cart mail send
assert_contains "$OUT" "sent 1, failed 0" "retried, it is delivered"
cart mail send
assert_eq "1" "$(ls "$T/fake" | wc -l)" "delivered exactly once"
assert_eq "sent" "$(status_of 4)" "and marked sent"
refused 1 "is sent" "a sent message is not retried" mail retry 4
cart mail reminder 1 --no-pdf
cart mail cancel 5
assert_status 0 "mail cancel"
cart mail send
assert_eq "1" "$(ls "$T/fake" | wc -l)" "a cancelled message is not delivered"
assert_eq "cancelled" "$(status_of 5)" "and stays, cancelled"

# ---- two senders at once over 200 messages ----
n=200
start=$(date +%s.%N)
for _ in $(seq $n); do
	"$CARTERA_BIN" --db "$DB" mail reminder 1 --no-pdf --to otro@example.pe >/dev/null || break
done
end=$(date +%s.%N)
tap_diag "queued $n reminders in $(echo "$end - $start" | bc 2>/dev/null || echo "?") s"
assert_eq "$n" "$(sqlite3 "$DB" "SELECT count(*) FROM mail_outbox WHERE status = 'pending'")" \
	"$n messages pending"
cat > "$T/slow-sendmail" <<EOF
#!/bin/sh
grep -i '^Message-Id:' >> "$T/ids.log"
sleep 0.01
EOF
chmod +x "$T/slow-sendmail"
export CARTERA_SENDMAIL="$T/slow-sendmail"
"$CARTERA_BIN" --db "$DB" mail send > "$T/s1.out" 2>&1 &
p1=$!
"$CARTERA_BIN" --db "$DB" mail send > "$T/s2.out" 2>&1 &
p2=$!
wait $p1; r1=$?
wait $p2; r2=$?
assert_eq "0 0" "$r1 $r2" "both senders finished well"
s1=$(sed -n 's/^sent \([0-9]*\),.*/\1/p' "$T/s1.out")
s2=$(sed -n 's/^sent \([0-9]*\),.*/\1/p' "$T/s2.out")
tap_diag "sender 1 sent $s1, sender 2 sent $s2"
assert_eq "$n" "$((s1 + s2))" "together they sent $n"
assert_eq "$n" "$(wc -l < "$T/ids.log")" "the command got $n messages"
assert_eq "$n" "$(sort -u "$T/ids.log" | wc -l)" "each one exactly once"
assert_eq "0" "$(sqlite3 "$DB" "SELECT count(*) FROM mail_outbox WHERE status <> 'sent' AND status <> 'cancelled'")" \
	"nothing left waiting"
unset CARTERA_SENDMAIL

check_ok "mail"
done_testing
