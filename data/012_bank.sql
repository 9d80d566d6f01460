-- cartera schema: bank statements (SPEC I3). A bank account, its CSV column profile, and the
-- credit lines of its statements. Each line keeps its identity in the bank's terms (an OFX FITID,
-- a camt.053 entry reference, or a hash of account, date, amount and reference for CSV): a second
-- import of the same or an overlapping statement adds only the lines it has not seen. A line
-- carries the model's proposal (client, documents, confidence and why) until the clerk accepts it
-- (then it names the receipt it became), leaves it for later or says it is no client's payment.
CREATE TABLE bank_accounts (
	id       INTEGER PRIMARY KEY,
	name     TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
	number   TEXT NOT NULL DEFAULT '',
	currency TEXT NOT NULL DEFAULT ''
);
CREATE INDEX bank_accounts_number ON bank_accounts(number) WHERE number <> '';

-- Which column of the bank's CSV holds what (1 = first column, 0 = none).
CREATE TABLE bank_csv_profiles (
	account_id  INTEGER PRIMARY KEY REFERENCES bank_accounts(id),
	delimiter   TEXT NOT NULL CHECK (delimiter IN (',', ';', '|', '	')),
	header      INTEGER NOT NULL DEFAULT 1 CHECK (header >= 0),
	date_col    INTEGER NOT NULL CHECK (date_col >= 1),
	desc_col    INTEGER NOT NULL DEFAULT 0 CHECK (desc_col >= 0),
	ref_col     INTEGER NOT NULL DEFAULT 0 CHECK (ref_col >= 0),
	amount_col  INTEGER NOT NULL DEFAULT 0 CHECK (amount_col >= 0),
	debit_col   INTEGER NOT NULL DEFAULT 0 CHECK (debit_col >= 0),
	credit_col  INTEGER NOT NULL DEFAULT 0 CHECK (credit_col >= 0),
	dec_sep     TEXT NOT NULL CHECK (dec_sep IN ('.', ',')),
	date_format TEXT NOT NULL CHECK (date_format IN ('dd/mm/yyyy', 'mm/dd/yyyy', 'yyyy-mm-dd',
	                                                 'dd-mm-yyyy', 'dd.mm.yyyy', 'yyyymmdd')),
	CHECK (amount_col > 0 OR credit_col > 0)
);

CREATE TABLE bank_lines (
	id          INTEGER PRIMARY KEY,
	account_id  INTEGER NOT NULL REFERENCES bank_accounts(id),
	identity    TEXT NOT NULL CHECK (length(identity) > 0),
	date        TEXT NOT NULL CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	amount      INTEGER NOT NULL CHECK (amount > 0),
	currency    TEXT NOT NULL CHECK (length(currency) = 3),
	description TEXT NOT NULL DEFAULT '',
	reference   TEXT NOT NULL DEFAULT '',
	payer       TEXT NOT NULL DEFAULT '',
	source      TEXT NOT NULL DEFAULT '',
	imported_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	state       TEXT NOT NULL DEFAULT 'proposed'
	            CHECK (state IN ('proposed', 'accepted', 'later', 'not-client')),
	-- the proposal (client NULL: unmatched)
	client_id   INTEGER REFERENCES clients(id),
	confidence  INTEGER NOT NULL DEFAULT 0 CHECK (confidence BETWEEN 0 AND 100),
	certain     INTEGER NOT NULL DEFAULT 0 CHECK (certain IN (0, 1)),
	why         TEXT NOT NULL DEFAULT '',
	receipt_id  INTEGER REFERENCES documents(id),
	CHECK ((state = 'accepted') = (receipt_id IS NOT NULL)),
	UNIQUE (account_id, identity)
);
CREATE INDEX bank_lines_state ON bank_lines(state, date, id);
CREATE INDEX bank_lines_client ON bank_lines(client_id) WHERE client_id IS NOT NULL;
CREATE UNIQUE INDEX bank_lines_receipt ON bank_lines(receipt_id) WHERE receipt_id IS NOT NULL;

-- The documents a proposal pays, in order (a charge, or one of its instalments).
CREATE TABLE bank_line_docs (
	line_id       INTEGER NOT NULL REFERENCES bank_lines(id),
	seq           INTEGER NOT NULL CHECK (seq >= 1),
	entry_id      INTEGER NOT NULL REFERENCES entries(id),
	instalment_id INTEGER REFERENCES instalments(id),
	amount        INTEGER NOT NULL CHECK (amount > 0),
	PRIMARY KEY (line_id, seq)
);

-- An accepted line is history: it keeps its receipt.
CREATE TRIGGER bank_lines_accepted_kept BEFORE UPDATE ON bank_lines
WHEN OLD.state = 'accepted'
BEGIN SELECT RAISE(ABORT, 'an accepted bank line is never changed'); END;
CREATE TRIGGER bank_lines_no_delete BEFORE DELETE ON bank_lines
BEGIN SELECT RAISE(ABORT, 'a bank line is never deleted'); END;

-- Matching by an exact open amount across the ledger: the charges and instalments still open.
CREATE INDEX bank_entries_open_amount ON entries(open, currency) WHERE side = 'D' AND open > 0;
CREATE INDEX bank_instalments_open_amount ON instalments(open, currency) WHERE open > 0;
