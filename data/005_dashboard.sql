-- cartera schema: the client-management dashboard (SPEC B1-B3) and the client history (F2).
--
-- The dashboard's item tabs (due, overdue, credits) read open items in due-date order, filtered
-- by side and due-date range, and sort them by columns that all sit in these two partial indexes,
-- so a count or a page never reads the entries table itself (the documents and clients of a page
-- are looked up for its rows alone). n_inst is always 0 there, but SQLite reads the table for a
-- column the query names unless the index holds it. The ids follow the due date so that the
-- tabs' usual order (by due date, then posting order) is the indexes' own: the first page of
-- Overdue or Due is read in order, without sorting every open item.
CREATE INDEX entries_dash ON entries(side, due_date, id, client_id, currency, open, amount, code,
	date, document_id, n_inst) WHERE open <> 0 AND n_inst = 0;
CREATE INDEX instalments_dash ON instalments(due_date, entry_id, id, client_id, currency, open,
	amount, seq, date) WHERE open <> 0;
-- Transactions, newest first or by total; quotes by type.
CREATE INDEX documents_date ON documents(date);
CREATE INDEX documents_type ON documents(type, date);
CREATE INDEX documents_total ON documents(total);

-- Everything said or sent to a client: reminders, notes, mails, calls; optionally about one of
-- its documents. Append-only, like the ledger.
CREATE TABLE client_history (
	id          INTEGER PRIMARY KEY,
	client_id   INTEGER NOT NULL REFERENCES clients(id),
	at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	clerk       TEXT NOT NULL,
	kind        TEXT NOT NULL CHECK (kind = 'reminder' OR kind = 'note' OR kind = 'mail'
	                                 OR kind = 'call'),
	document_id INTEGER REFERENCES documents(id),
	text        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX client_history_client ON client_history(client_id, kind, at);

CREATE TRIGGER client_history_no_update BEFORE UPDATE ON client_history
BEGIN SELECT RAISE(ABORT, 'the client history is never changed'); END;
CREATE TRIGGER client_history_no_delete BEFORE DELETE ON client_history
BEGIN SELECT RAISE(ABORT, 'the client history is never changed'); END;
CREATE TRIGGER client_history_document BEFORE INSERT ON client_history
WHEN NEW.document_id IS NOT NULL
  AND (SELECT client_id FROM documents WHERE id = NEW.document_id) IS NOT NEW.client_id
BEGIN SELECT RAISE(ABORT, 'a history line names a document of its own client'); END;
