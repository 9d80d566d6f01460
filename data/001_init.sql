-- cartera schema, version 1: company, clients, documents, ledger entries, instalments,
-- allocations, number series and the audit log. Migrations are append-only: a mistake here is
-- undone by a new numbered file, never by editing this one.
--
-- CHECK constraints compare with = and OR, not IN (...): SQLite builds a small table for an IN
-- list every time such a CHECK runs, which made each insert several times slower.
--
-- The rules that SQLite can enforce are enforced here, so that a bug in the program cannot break
-- them: posted documents, entries, instalments and allocations are never updated (except the
-- kept open amounts, which allocations move) or deleted; an open amount never goes below zero or
-- above its amount (so no allocation can exceed what is open on either side); an allocation pairs
-- a credit with a charge of the same client and currency; no invoice is dated before the client's
-- opening balance date.

CREATE TABLE company (
	id                INTEGER PRIMARY KEY CHECK (id = 1),
	name              TEXT NOT NULL CHECK (length(trim(name)) > 0),
	tax_id            TEXT NOT NULL DEFAULT '',
	country           TEXT NOT NULL CHECK (length(country) = 2),
	currency          TEXT NOT NULL CHECK (length(currency) = 3),
	currency2         TEXT NOT NULL DEFAULT '' CHECK (currency2 = '' OR length(currency2) = 3),
	decimals          INTEGER NOT NULL CHECK (decimals BETWEEN 0 AND 4),
	dec_sep           TEXT NOT NULL CHECK (dec_sep IN ('.', ',')),
	thou_sep          TEXT NOT NULL CHECK (thou_sep IN ('', '.', ',', ' ', '''') AND thou_sep <> dec_sep),
	allow_cash_refund INTEGER NOT NULL DEFAULT 0 CHECK (allow_cash_refund IN (0, 1)),
	aging_ranges      TEXT NOT NULL DEFAULT '30,60,90'
);

CREATE TABLE clients (
	id            INTEGER PRIMARY KEY,
	receiver_type INTEGER NOT NULL DEFAULT 0 CHECK (receiver_type BETWEEN 0 AND 3),
	taxpayer_type INTEGER NOT NULL DEFAULT 0 CHECK (taxpayer_type IN (0, 1)),
	tax_id        TEXT NOT NULL DEFAULT '',
	dv            TEXT NOT NULL DEFAULT '',
	name          TEXT NOT NULL CHECK (length(trim(name)) > 0),
	location      TEXT NOT NULL DEFAULT '',
	address       TEXT NOT NULL DEFAULT '',
	email         TEXT NOT NULL DEFAULT '',
	phone         TEXT NOT NULL DEFAULT '',
	mobile        TEXT NOT NULL DEFAULT '',
	terms_days    INTEGER NOT NULL DEFAULT 30 CHECK (terms_days BETWEEN 0 AND 3650),
	credit_limit  INTEGER NOT NULL DEFAULT 0 CHECK (credit_limit >= 0),
	charge_mode   INTEGER NOT NULL DEFAULT 0 CHECK (charge_mode BETWEEN 0 AND 3),
	notes         TEXT NOT NULL DEFAULT '',
	active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
	-- the date of the client's opening balance; kept by the model when one is posted or voided
	opening_date  TEXT,
	created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE UNIQUE INDEX clients_tax_id ON clients(tax_id) WHERE tax_id <> '';
CREATE INDEX clients_name ON clients(name COLLATE NOCASE);

-- Gapless numbering: the next number is taken inside the posting's transaction.
CREATE TABLE series (
	doc_type    TEXT PRIMARY KEY,
	prefix      TEXT NOT NULL,
	next_number INTEGER NOT NULL CHECK (next_number >= 1)
);
INSERT INTO series (doc_type, prefix, next_number) VALUES
	('invoice', 'FAC', 1), ('credit-note', 'NC', 1), ('receipt', 'RC', 1),
	('advance', 'ANT', 1), ('opening', 'SI', 1), ('journal', 'PD', 1),
	('quote', 'COT', 1), ('apply', 'APL', 1), ('void', 'ANU', 1);

CREATE TABLE documents (
	id         INTEGER PRIMARY KEY,
	type       TEXT NOT NULL CHECK (type = 'invoice' OR type = 'credit-note' OR type = 'receipt'
	                                OR type = 'advance' OR type = 'opening' OR type = 'journal'
	                                OR type = 'quote' OR type = 'apply' OR type = 'void'),
	number     TEXT NOT NULL UNIQUE,
	client_id  INTEGER NOT NULL REFERENCES clients(id),
	date       TEXT NOT NULL CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	due_date   TEXT NOT NULL CHECK (due_date >= date),
	currency   TEXT NOT NULL CHECK (length(currency) = 3),
	total      INTEGER NOT NULL CHECK (total >= 0),
	reference  TEXT NOT NULL DEFAULT '',
	memo       TEXT NOT NULL DEFAULT '',
	method     TEXT NOT NULL DEFAULT '',  -- receipts: means of payment; openings: balance or item
	voids_id   INTEGER REFERENCES documents(id),
	clerk      TEXT NOT NULL,
	posted_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	CHECK ((type = 'void') = (voids_id IS NOT NULL))
);

CREATE TABLE entries (
	id          INTEGER PRIMARY KEY,
	document_id INTEGER NOT NULL REFERENCES documents(id),
	client_id   INTEGER NOT NULL REFERENCES clients(id),
	code        TEXT NOT NULL CHECK (code = 'CSI' OR code = 'CF' OR code = 'CPD' OR code = 'CGC'
	                                 OR code = 'ASI' OR code = 'AA' OR code = 'APF'
	                                 OR code = 'APD' OR code = 'NC'),
	side        TEXT NOT NULL CHECK (side = 'D' OR side = 'C'),
	date        TEXT NOT NULL,
	due_date    TEXT NOT NULL CHECK (due_date >= date),
	currency    TEXT NOT NULL CHECK (length(currency) = 3),
	amount      INTEGER NOT NULL CHECK (amount > 0),
	-- kept up to date by the allocation triggers: amount minus every allocation against it
	open        INTEGER NOT NULL CHECK (open BETWEEN 0 AND amount),
	n_inst      INTEGER NOT NULL DEFAULT 0 CHECK (n_inst >= 0),
	-- a void's mirror entry names the entry it reverses and sits on the other side
	reverses_id INTEGER REFERENCES entries(id),
	CHECK ((reverses_id IS NULL) =
	       (side = CASE WHEN code = 'CSI' OR code = 'CF' OR code = 'CPD' OR code = 'CGC'
	                    THEN 'D' ELSE 'C' END))
);

CREATE TABLE instalments (
	id        INTEGER PRIMARY KEY,
	entry_id  INTEGER NOT NULL REFERENCES entries(id),
	seq       INTEGER NOT NULL CHECK (seq >= 1),
	client_id INTEGER NOT NULL REFERENCES clients(id),
	currency  TEXT NOT NULL,
	date      TEXT NOT NULL,  -- the invoice's date, kept here so aging reads one index
	due_date  TEXT NOT NULL CHECK (due_date >= date),
	amount    INTEGER NOT NULL CHECK (amount > 0),
	open      INTEGER NOT NULL CHECK (open BETWEEN 0 AND amount),
	UNIQUE (entry_id, seq)
);

CREATE TABLE allocations (
	id            INTEGER PRIMARY KEY,
	document_id   INTEGER NOT NULL REFERENCES documents(id),
	credit_id     INTEGER NOT NULL REFERENCES entries(id),
	charge_id     INTEGER NOT NULL REFERENCES entries(id),
	instalment_id INTEGER REFERENCES instalments(id),
	date          TEXT NOT NULL,
	amount        INTEGER NOT NULL CHECK (amount <> 0),
	-- a reversal (from a void) gives back exactly what one allocation took
	reverses_id   INTEGER REFERENCES allocations(id),
	CHECK ((reverses_id IS NULL) = (amount > 0))
);

CREATE TABLE audit (
	id          INTEGER PRIMARY KEY,
	at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
	clerk       TEXT NOT NULL,
	action      TEXT NOT NULL,
	document_id INTEGER REFERENCES documents(id),
	client_id   INTEGER REFERENCES clients(id),
	detail      TEXT NOT NULL DEFAULT ''
);

-- A document is voided once, an entry mirrored once, an allocation reversed once. Partial
-- indexes: the ordinary rows, with no reversal, cost nothing here.
CREATE UNIQUE INDEX documents_voids ON documents(voids_id) WHERE voids_id IS NOT NULL;
CREATE UNIQUE INDEX entries_reverses ON entries(reverses_id) WHERE reverses_id IS NOT NULL;
CREATE UNIQUE INDEX allocations_reverses ON allocations(reverses_id) WHERE reverses_id IS NOT NULL;

-- Secondary indexes. The model drops the non-unique ones during a bulk load and rebuilds them.
CREATE INDEX entries_client ON entries(client_id, currency, date, side, amount);
CREATE INDEX entries_open ON entries(client_id, currency, side, due_date, open, n_inst, date)
	WHERE open <> 0;
CREATE INDEX entries_document ON entries(document_id);
CREATE INDEX entries_date ON entries(date);
CREATE INDEX instalments_open ON instalments(client_id, currency, due_date, open, date)
	WHERE open <> 0;
CREATE INDEX allocations_credit ON allocations(credit_id);
CREATE INDEX allocations_charge ON allocations(charge_id);
CREATE INDEX allocations_document ON allocations(document_id);
CREATE INDEX allocations_date ON allocations(date);
CREATE INDEX documents_client ON documents(client_id, date);

-- ---- posted records are never changed or deleted ----
CREATE TRIGGER documents_no_update BEFORE UPDATE ON documents
BEGIN SELECT RAISE(ABORT, 'posted documents are never changed; void them instead'); END;
CREATE TRIGGER documents_no_delete BEFORE DELETE ON documents
BEGIN SELECT RAISE(ABORT, 'posted documents are never deleted; void them instead'); END;

CREATE TRIGGER entries_no_update BEFORE UPDATE ON entries
WHEN NEW.id IS NOT OLD.id OR NEW.document_id IS NOT OLD.document_id
  OR NEW.client_id IS NOT OLD.client_id OR NEW.code IS NOT OLD.code OR NEW.side IS NOT OLD.side
  OR NEW.date IS NOT OLD.date OR NEW.due_date IS NOT OLD.due_date
  OR NEW.currency IS NOT OLD.currency OR NEW.amount IS NOT OLD.amount
  OR NEW.n_inst IS NOT OLD.n_inst OR NEW.reverses_id IS NOT OLD.reverses_id
BEGIN SELECT RAISE(ABORT, 'posted ledger entries are never changed; void them instead'); END;
CREATE TRIGGER entries_no_delete BEFORE DELETE ON entries
BEGIN SELECT RAISE(ABORT, 'posted ledger entries are never deleted; void them instead'); END;

CREATE TRIGGER instalments_no_update BEFORE UPDATE ON instalments
WHEN NEW.id IS NOT OLD.id OR NEW.entry_id IS NOT OLD.entry_id OR NEW.seq IS NOT OLD.seq
  OR NEW.client_id IS NOT OLD.client_id OR NEW.currency IS NOT OLD.currency
  OR NEW.date IS NOT OLD.date OR NEW.due_date IS NOT OLD.due_date OR NEW.amount IS NOT OLD.amount
BEGIN SELECT RAISE(ABORT, 'posted instalments are never changed'); END;
CREATE TRIGGER instalments_no_delete BEFORE DELETE ON instalments
BEGIN SELECT RAISE(ABORT, 'posted instalments are never deleted'); END;

CREATE TRIGGER allocations_no_update BEFORE UPDATE ON allocations
BEGIN SELECT RAISE(ABORT, 'allocations are never changed; void the document instead'); END;
CREATE TRIGGER allocations_no_delete BEFORE DELETE ON allocations
BEGIN SELECT RAISE(ABORT, 'allocations are never deleted; void the document instead'); END;

CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is never changed'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is never changed'); END;

-- ---- the opening balance date (SPEC L3) ----
CREATE TRIGGER entries_after_opening BEFORE INSERT ON entries
WHEN NEW.reverses_id IS NULL AND NEW.code IN ('CF', 'CGC')
  AND NEW.date < (SELECT opening_date FROM clients WHERE id = NEW.client_id)
BEGIN SELECT RAISE(ABORT, 'no invoice may be dated before the client''s opening balance date'); END;

-- ---- allocations: what they pair, and the open amounts they move ----
CREATE TRIGGER allocations_check BEFORE INSERT ON allocations
BEGIN
	SELECT RAISE(ABORT, 'an allocation must take a credit entry')
	WHERE (SELECT side FROM entries WHERE id = NEW.credit_id) IS NOT 'C';
	SELECT RAISE(ABORT, 'an allocation must pay a charge entry')
	WHERE (SELECT side FROM entries WHERE id = NEW.charge_id) IS NOT 'D';
	SELECT RAISE(ABORT, 'an allocation must pair entries of the same client and currency')
	WHERE NOT EXISTS (SELECT 1 FROM entries c, entries d
	                  WHERE c.id = NEW.credit_id AND d.id = NEW.charge_id
	                    AND c.client_id = d.client_id AND c.currency = d.currency);
	SELECT RAISE(ABORT, 'an allocation cannot be dated before the entries it pairs')
	WHERE NEW.date < (SELECT date FROM entries WHERE id = NEW.credit_id)
	   OR NEW.date < (SELECT date FROM entries WHERE id = NEW.charge_id);
	SELECT RAISE(ABORT, 'a charge in instalments is paid instalment by instalment')
	WHERE (SELECT n_inst FROM entries WHERE id = NEW.charge_id) > 0 AND NEW.instalment_id IS NULL;
	SELECT RAISE(ABORT, 'the instalment does not belong to the charge')
	WHERE NEW.instalment_id IS NOT NULL
	  AND (SELECT entry_id FROM instalments WHERE id = NEW.instalment_id) IS NOT NEW.charge_id;
	SELECT RAISE(ABORT, 'a reversal must give back exactly one allocation')
	WHERE NEW.reverses_id IS NOT NULL
	  AND NOT EXISTS (SELECT 1 FROM allocations o WHERE o.id = NEW.reverses_id
	                    AND o.amount = -NEW.amount AND o.credit_id = NEW.credit_id
	                    AND o.charge_id = NEW.charge_id
	                    AND o.instalment_id IS NEW.instalment_id AND o.date <= NEW.date);
END;

CREATE TRIGGER allocations_move_open AFTER INSERT ON allocations
BEGIN
	UPDATE entries SET open = open - NEW.amount WHERE id = NEW.credit_id;
	UPDATE entries SET open = open - NEW.amount WHERE id = NEW.charge_id;
	UPDATE instalments SET open = open - NEW.amount WHERE id = NEW.instalment_id;
END;
