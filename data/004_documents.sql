-- cartera schema: documents keyed at the terminal (SPEC D1-D5). The company's tax rates, the lines
-- and tax of invoices and quotes, the state of quotes, and the means of payment and withholdings
-- of receipts. Numbered 004 so that it follows 003 from another branch once merged.
--
-- Refunds and write-offs of a credit in favour need no new document type: each is a journal
-- document (PD, method 'refund' or 'writeoff') whose CPD charge is allocated against the credit
-- it consumes, so the entries' CHECKs of 001 stay as they are.

-- ---- tax rates ----
-- rate in hundredths of a percent: 1900 = 19%. An exempt rate is 0 and says so on the invoice.
CREATE TABLE tax_rates (
	id     INTEGER PRIMARY KEY,
	name   TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
	rate   INTEGER NOT NULL CHECK (rate BETWEEN 0 AND 10000),
	exempt INTEGER NOT NULL DEFAULT 0 CHECK ((exempt = 0 OR exempt = 1) AND (exempt = 0 OR rate = 0)),
	active INTEGER NOT NULL DEFAULT 1 CHECK (active = 0 OR active = 1)
);

-- The defaults a new company starts with, by country ('' = any other country). The one list:
-- `cartera init` copies the rows of its country when the company has no rates yet, and so does
-- this migration for a ledger that already has a company.
CREATE TABLE tax_defaults (
	country TEXT NOT NULL,
	seq     INTEGER NOT NULL,
	name    TEXT NOT NULL,
	rate    INTEGER NOT NULL,
	exempt  INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (country, seq)
);
INSERT INTO tax_defaults (country, seq, name, rate, exempt) VALUES
	('CO', 1, 'IVA 19%', 1900, 0), ('CO', 2, 'IVA 5%', 500, 0), ('CO', 3, 'Exento', 0, 1),
	('PE', 1, 'IGV 18%', 1800, 0), ('PE', 2, 'Exonerado', 0, 1),
	('PA', 1, 'ITBMS 7%', 700, 0), ('PA', 2, 'ITBMS 10%', 1000, 0),
	('PA', 3, 'ITBMS 15%', 1500, 0), ('PA', 4, 'Exento', 0, 1),
	('MX', 1, 'IVA 16%', 1600, 0), ('MX', 2, 'IVA 8%', 800, 0), ('MX', 3, 'IVA 0%', 0, 0),
	('MX', 4, 'Exento', 0, 1),
	('EC', 1, 'IVA 15%', 1500, 0), ('EC', 2, 'IVA 0%', 0, 0), ('EC', 3, 'Exento', 0, 1),
	('', 1, 'Exempt', 0, 1);

INSERT INTO tax_rates (name, rate, exempt)
SELECT d.name, d.rate, d.exempt FROM tax_defaults d, company c
 WHERE d.country = (SELECT CASE WHEN EXISTS (SELECT 1 FROM tax_defaults x WHERE x.country = c.country)
                                THEN c.country ELSE '' END)
 ORDER BY d.seq;

-- ---- lines of invoices and quotes ----
-- qty in thousandths (1500 = 1.5), price in minor units per unit; net = qty * price / 1000
-- rounded half away from zero; tax_rate is the rate as it was when posted.
CREATE TABLE doc_lines (
	id          INTEGER PRIMARY KEY,
	document_id INTEGER NOT NULL REFERENCES documents(id),
	seq         INTEGER NOT NULL CHECK (seq >= 1),
	description TEXT NOT NULL,
	qty         INTEGER NOT NULL CHECK (qty > 0),
	price       INTEGER NOT NULL,
	tax_rate_id INTEGER REFERENCES tax_rates(id),
	tax_rate    INTEGER NOT NULL DEFAULT 0 CHECK (tax_rate BETWEEN 0 AND 10000),
	expense     INTEGER NOT NULL DEFAULT 0 CHECK (expense = 0 OR expense = 1),
	net         INTEGER NOT NULL,
	UNIQUE (document_id, seq)
);

-- The tax of a document per rate: base is the sum of that rate's line nets.
CREATE TABLE doc_taxes (
	document_id INTEGER NOT NULL REFERENCES documents(id),
	tax_rate_id INTEGER REFERENCES tax_rates(id),
	rate        INTEGER NOT NULL,
	base        INTEGER NOT NULL,
	tax         INTEGER NOT NULL
);
CREATE INDEX doc_taxes_document ON doc_taxes(document_id);

-- ---- quotes ----
-- Expired is not stored: an open quote past its validity date (documents.due_date) is expired.
-- A quote turned into an invoice is accepted and names it, once.
CREATE TABLE quotes (
	document_id INTEGER PRIMARY KEY REFERENCES documents(id),
	status      TEXT NOT NULL DEFAULT 'open'
	            CHECK (status = 'open' OR status = 'accepted' OR status = 'rejected'),
	invoice_id  INTEGER UNIQUE REFERENCES documents(id),
	CHECK (invoice_id IS NULL OR status = 'accepted')
);
CREATE TRIGGER quotes_invoiced BEFORE UPDATE ON quotes
WHEN OLD.invoice_id IS NOT NULL OR OLD.status = 'rejected'
BEGIN SELECT RAISE(ABORT, 'an invoiced or rejected quote does not change'); END;
CREATE TRIGGER quotes_no_delete BEFORE DELETE ON quotes
BEGIN SELECT RAISE(ABORT, 'quotes are never deleted; reject them instead'); END;

-- ---- receipts: means of payment and withholdings ----
CREATE TABLE receipt_means (
	id          INTEGER PRIMARY KEY,
	document_id INTEGER NOT NULL REFERENCES documents(id),
	seq         INTEGER NOT NULL CHECK (seq >= 1),
	kind        TEXT NOT NULL CHECK (kind = 'cash' OR kind = 'transfer' OR kind = 'card'
	                                 OR kind = 'cheque' OR kind = 'postdated'),
	amount      INTEGER NOT NULL CHECK (amount > 0),
	bank        TEXT NOT NULL DEFAULT '',
	number      TEXT NOT NULL DEFAULT '',
	cash_date   TEXT,  -- a post-dated cheque: the day it can be cashed
	CHECK ((kind = 'postdated') = (cash_date IS NOT NULL)),
	CHECK ((kind <> 'cheque' AND kind <> 'postdated') OR (bank <> '' AND number <> '')),
	UNIQUE (document_id, seq)
);
CREATE TABLE receipt_withholdings (
	id          INTEGER PRIMARY KEY,
	document_id INTEGER NOT NULL REFERENCES documents(id),
	seq         INTEGER NOT NULL CHECK (seq >= 1),
	kind        TEXT NOT NULL CHECK (length(trim(kind)) > 0),
	certificate TEXT NOT NULL DEFAULT '',
	amount      INTEGER NOT NULL CHECK (amount > 0),
	UNIQUE (document_id, seq)
);

-- What was posted with a document is never changed or deleted.
CREATE TRIGGER doc_lines_no_update BEFORE UPDATE ON doc_lines
BEGIN SELECT RAISE(ABORT, 'posted lines are never changed'); END;
CREATE TRIGGER doc_lines_no_delete BEFORE DELETE ON doc_lines
BEGIN SELECT RAISE(ABORT, 'posted lines are never deleted'); END;
CREATE TRIGGER doc_taxes_no_update BEFORE UPDATE ON doc_taxes
BEGIN SELECT RAISE(ABORT, 'posted taxes are never changed'); END;
CREATE TRIGGER doc_taxes_no_delete BEFORE DELETE ON doc_taxes
BEGIN SELECT RAISE(ABORT, 'posted taxes are never deleted'); END;
CREATE TRIGGER receipt_means_no_update BEFORE UPDATE ON receipt_means
BEGIN SELECT RAISE(ABORT, 'a receipt''s means of payment are never changed'); END;
CREATE TRIGGER receipt_means_no_delete BEFORE DELETE ON receipt_means
BEGIN SELECT RAISE(ABORT, 'a receipt''s means of payment are never deleted'); END;
CREATE TRIGGER receipt_withholdings_no_update BEFORE UPDATE ON receipt_withholdings
BEGIN SELECT RAISE(ABORT, 'a receipt''s withholdings are never changed'); END;
CREATE TRIGGER receipt_withholdings_no_delete BEFORE DELETE ON receipt_withholdings
BEGIN SELECT RAISE(ABORT, 'a receipt''s withholdings are never deleted'); END;
