#!/bin/bash
# Mail on screen (SPEC F4): from a client's statement, m opens "Send by mail" with To from the
# client and its person who receives notices, the template's subject and body and the statement
# PDF ticked; the clerk adds an address, asks for a copy, writes in the body with the plain
# editor ($EDITOR unset) and sends: the message is in the outbox and in the client's history at
# once, and `mail send` started in the background delivers it once through a sendmail stand-in.
# A bad extra address is refused on screen, nothing queued. M on the dashboard: the outbox.
. "$(dirname "$0")/lib.sh"
START=dashboard
unset VISUAL EDITOR CARTERA_MAIL_SELF

cart init --name "Comercial Andina SAS" --country CO --currency COP --decimals 2 \
	--decimal-sep , --thousands-sep .
cart client add "Química Ñandú Peñalosa SAS" --tax-id 890903938 --terms 30 \
	--email pagos@nandu.co
cart client person add 1 --name "Ana Güémez" --role Contadora --email ana@nandu.co
cart invoice post --override "prueba" 1 1.000,00 --date 2026-03-01
cart company set mail-from cobros@andina.co
cart mail self yo@andina.co
assert_status 0 "the ledger is built"

cat > "$T/sendmail" <<EOF
#!/bin/sh
cat > "$T/sent.\$\$.eml"
EOF
chmod +x "$T/sendmail"
export CARTERA_SENDMAIL="$T/sendmail"

# ---- a bad extra address: refused on screen, nothing queued ----
screen '<A-s>m<Tab>pagos@@x<F9><dump><Esc><Esc>'
assert_status 0 "the screens ran"
S=$(text 1)
assert_contains "$S" 'is not an e-mail address' "the bad address is named on screen"
assert_eq "0" "$(sqlite3 "$DB" 'SELECT count(*) FROM mail_outbox')" "nothing was queued"

# ---- s on the overdue row, m: send the statement ----
screen '<A-s>m<dump><Tab>extra@nandu.co<Tab><Tab><Space><F4>Gracias<Space>por<Space>su<Space>pago.<Enter><dump><F9><F9><dump><Esc><A-M><dump>'
assert_status 0 "the screens ran"
S=$(text 1)
assert_contains "$(row "$S" 1)" 'Send by mail — Química Ñandú Peñalosa SAS' "the mail screen's title"
assert_contains "$(row "$S" 2)" 'Copy to me goes to yo@andina.co.' "the clerk's own address"
assert_match "$(row "$S" 3)" 'To +Química Ñandú Peñalosa SAS <pagos@nandu.co>, Ana Güémez <ana' \
	"To: the client and the person who receives notices"
assert_match "$S" 'Subject \* +Estado de cuenta de Química Ñandú Peñalosa SAS al 30/06/2026' \
	"the subject from the template"
assert_match "$S" 'Attach +<yes> +estado-de-cuenta-quimica-nandu-penalosa-sas.pdf' "the statement PDF ticked"
assert_contains "$S" 'Estimado(a) Química Ñandú Peñalosa SAS:' "the body from the template"
S=$(text 2)
assert_contains "$S" 'Body (editing' "the plain editor is on"
assert_match "$S" 'Also to +extra@nandu.co' "the extra address typed"
assert_match "$S" 'Copy to me +<yes>' "a copy to me asked"
assert_eq " Gracias por su pago." "$(row "$S" 11)" "typed at the start of the body"
assert_match "$(row "$S" 12)" '^ Estimado\(a\) Química' "the template's text after it"
S=$(text 3)
assert_contains "$S" 'Message 1 is in the outbox' "sending says where the message is"
assert_contains "$(row "$S" 1)" 'Statement of Química Ñandú Peñalosa SAS' "back on the statement"
S=$(text 4)
assert_contains "$(row "$S" 1)" 'Outbox: every message (1)' "M: the outbox"
assert_match "$(row "$S" 3)" '^ +1  (pending|sending|sent) .*Química Ñandú Peñ.*Estado de cuenta' \
	"the message in the outbox"
assert_contains "$S" 'To: pagos@nandu.co, ana@nandu.co, extra@nandu.co, yo@andina.co' \
	"its recipients, the copy to me among them"

# ---- in the history, and delivered once in the background ----
cart client history 1 --format csv
assert_contains "$OUT" 'mail #1; To: pagos@nandu.co, ana@nandu.co, extra@nandu.co, yo@andina.co; Subject: Estado de cuenta' \
	"the client's history has the message"
sent_1() { [ "$(sqlite3 "$DB" 'SELECT status FROM mail_outbox WHERE id = 1')" = sent ]; }
wait_until "$WAIT_SECS" sent_1
assert_eq "sent" "$(sqlite3 "$DB" 'SELECT status FROM mail_outbox WHERE id = 1')" \
	"the background mail send delivered it"
assert_eq "1" "$(ls "$T"/sent.*.eml 2>/dev/null | wc -l)" "exactly once"
f=$(ls "$T"/sent.*.eml | head -1)
assert_eq "Gracias por su pago." \
	"$(python3 -c 'import email,email.policy,sys; m=email.message_from_binary_file(open(sys.argv[1],"rb"),policy=email.policy.default); print(m.get_body().get_content().splitlines()[0])' "$f")" \
	"the body as edited"
assert_eq "estado-de-cuenta-quimica-nandu-penalosa-sas.pdf" \
	"$(python3 -c 'import email,email.policy,sys; m=email.message_from_binary_file(open(sys.argv[1],"rb"),policy=email.policy.default); print(",".join(p.get_filename() for p in m.iter_attachments()))' "$f")" \
	"the statement attached"

# ---- the outbox: show the message, cancel refused for a sent one ----
screen '<A-M><Enter><dump><Esc>c<dump>'
S=$(text 1)
assert_contains "$S" 'Message 1' "Enter shows the message"
assert_contains "$S" 'Subject: Estado de cuenta de' "its raw headers"
S=$(text 2)
assert_contains "$S" 'message 1 is sent: only a pending or failed message can be cancelled' \
	"a sent message cannot be cancelled"
# ---- the templates: T on the dashboard; an unknown placeholder refused, then saved ----
screen '<A-T><dump><Down><Down><Down><Down><Down><Enter><C-u>Cuenta<Space>{saldo}<F9><dump><C-u>Su<Space>cuenta,<Space>{client}<F4><End><Enter>Saldo:<Space>{net}<F9><F9><dump>'
S=$(text 1)
assert_contains "$(row "$S" 1)" 'Mail templates' "T: the templates"
assert_match "$(row "$S" 8)" '^statement +es +Estado de cuenta de \{client\} al \{date\}' \
	"the Spanish statement template listed"
S=$(text 2)
assert_contains "$S" 'template "statement" not saved: subject, line 1: unknown placeholder {saldo}' \
	"an unknown placeholder is refused, naming it"
assert_contains "$S" 'Placeholders: {client} {tax_id}' "the placeholders are listed"
S=$(text 3)
assert_contains "$S" 'Template statement (es) saved.' "saved once right"
cart mail template show statement --lang es
assert_eq "Subject: Su cuenta, {client}" "$(row "$OUT" 1)" "the subject as typed"
assert_eq "Saldo: {net}" "$(row "$OUT" 4)" "the line typed after the body's first"
cart mail statement 1 --no-pdf
assert_contains "$OUT" "Su cuenta, Química Ñandú Peñalosa SAS" "the next statement uses it"
check_ok "mail on screen"
done_testing
