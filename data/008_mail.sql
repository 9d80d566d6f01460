-- cartera schema: mail (SPEC F4, F5). The outbox keeps every message whole, as it will be handed
-- to the sendmail command, from the moment a clerk sends it: stored in the same transaction as the
-- line in the client's history, so a message is never lost, never delivered without a trace, and
-- can be shown again byte for byte. Messages are never deleted: a cancelled one stays cancelled.
--
-- status: pending (waiting for `cartera mail send`), sending (claimed by one `mail send`, in the
-- hands of the sendmail command), sent, failed (the command failed: last_error says why; retried
-- from next_try on, with a growing delay, until attempts reaches the limit), cancelled.
CREATE TABLE mail_outbox (
	id          INTEGER PRIMARY KEY,
	client_id   INTEGER NOT NULL REFERENCES clients(id),
	document_id INTEGER REFERENCES documents(id),
	history_id  INTEGER REFERENCES client_history(id),
	created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	clerk       TEXT NOT NULL,
	kind        TEXT NOT NULL CHECK (kind = 'statement' OR kind = 'document' OR kind = 'reminder'
	                                 OR kind = 'other'),
	recipients  TEXT NOT NULL CHECK (length(recipients) > 0),
	subject     TEXT NOT NULL,
	attachments TEXT NOT NULL DEFAULT '',
	message     BLOB NOT NULL CHECK (length(message) > 0),
	status      TEXT NOT NULL DEFAULT 'pending' CHECK (status = 'pending' OR status = 'sending'
	                 OR status = 'sent' OR status = 'failed' OR status = 'cancelled'),
	attempts    INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
	last_error  TEXT NOT NULL DEFAULT '',
	next_try    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	claimed_by  TEXT NOT NULL DEFAULT '',
	updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	sent_at     TEXT
);
-- what `mail send` picks: the waiting messages in the order they were queued
CREATE INDEX mail_outbox_waiting ON mail_outbox(status, next_try, id)
	WHERE status = 'pending' OR status = 'failed';
CREATE INDEX mail_outbox_client ON mail_outbox(client_id, id);
CREATE INDEX mail_outbox_history ON mail_outbox(history_id) WHERE history_id IS NOT NULL;

CREATE TRIGGER mail_outbox_no_delete BEFORE DELETE ON mail_outbox
BEGIN SELECT RAISE(ABORT, 'a message in the outbox is never deleted (cancel it)'); END;
CREATE TRIGGER mail_outbox_message_kept BEFORE UPDATE OF message, client_id, recipients, subject
	ON mail_outbox
BEGIN SELECT RAISE(ABORT, 'a message in the outbox is never changed'); END;
CREATE TRIGGER mail_outbox_cancelled BEFORE UPDATE OF status ON mail_outbox
WHEN OLD.status = 'cancelled' OR OLD.status = 'sent'
BEGIN SELECT RAISE(ABORT, 'a message sent or cancelled stays so'); END;

-- The company's templates, one per name and language. Placeholders in braces ({client}); the
-- model refuses a template that names one it does not know. Names: statement, document,
-- reminder (and any the company adds).
CREATE TABLE mail_templates (
	name       TEXT NOT NULL CHECK (length(name) > 0),
	lang       TEXT NOT NULL CHECK (length(lang) = 2),
	subject    TEXT NOT NULL CHECK (length(subject) > 0),
	body       TEXT NOT NULL,
	updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	PRIMARY KEY (name, lang)
);

-- Mail settings: the company's (sendmail, mail-from, reply-to, attach-statement, lang) and each
-- clerk's own address ("self:LOGIN").
CREATE TABLE mail_settings (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);
INSERT INTO mail_settings (key, value) VALUES
	('sendmail', '/usr/sbin/sendmail -t -oi'),
	('attach-statement', 'no'),
	('lang', 'es');

INSERT INTO mail_templates (name, lang, subject, body) VALUES
('statement', 'es', 'Estado de cuenta de {client} al {date}',
'Estimado(a) {client}:

Le enviamos adjunto su estado de cuenta al {date}.

Saldo neto:  {net}
Por vencer:  {due}
Vencido:     {overdue}
A su favor:  {credits}

{aging}

Documentos vencidos:
{overdue_table}

Si ya realizó el pago, por favor no tome en cuenta este mensaje.

Atentamente,
{clerk}
{company}
'),
('statement', 'en', 'Statement of account of {client} as of {date}',
'Dear {client},

Please find attached your statement of account as of {date}.

Net balance:   {net}
Not yet due:   {due}
Overdue:       {overdue}
In your favour: {credits}

{aging}

Overdue documents:
{overdue_table}

If you have already paid, please disregard this message.

Kind regards,
{clerk}
{company}
'),
('document', 'es', '{document_type} {document} de {company}',
'Estimado(a) {client}:

Le enviamos adjunto el documento {document} del {document_date} por {document_total},
con vencimiento el {document_due}.

Atentamente,
{clerk}
{company}
'),
('document', 'en', '{document_type} {document} from {company}',
'Dear {client},

Please find attached document {document} of {document_date} for {document_total},
due on {document_due}.

Kind regards,
{clerk}
{company}
'),
('reminder', 'es', 'Recordatorio de pago: {client}',
'Estimado(a) {client}:

Según nuestros registros, al {date} tiene documentos vencidos por {overdue}:

{overdue_table}

Le agradeceremos realizar el pago a la brevedad. Si ya lo hizo, por favor no tome en cuenta
este mensaje.

Atentamente,
{clerk}
{company}
'),
('reminder', 'en', 'Payment reminder: {client}',
'Dear {client},

According to our records, as of {date} you have overdue documents for {overdue}:

{overdue_table}

We would appreciate your payment at your earliest convenience. If you have already paid,
please disregard this message.

Kind regards,
{clerk}
{company}
');
