-- cartera schema: documents brought from other systems (SPEC I1, I2). The legal number of a
-- document (series-number F001-00001234, a Colombian CUFE, a Mexican CFDI's UUID) is its
-- identity outside cartera: an import that meets a legal number already in the ledger posts
-- nothing for it. The key is the issuer's tax id ('' = this company's own old system, a CSV
-- import), the kind of document in the issuer's scheme (invoice, credit-note, debit-note,
-- payment) and the number; one source document may post several cartera documents (a CFDI
-- payment with two payments in it), numbered by part.
CREATE TABLE legal_numbers (
	id          INTEGER PRIMARY KEY,
	document_id INTEGER NOT NULL REFERENCES documents(id),
	issuer      TEXT NOT NULL DEFAULT '',
	kind        TEXT NOT NULL CHECK (length(kind) > 0),
	number      TEXT NOT NULL CHECK (length(trim(number)) > 0),
	part        INTEGER NOT NULL DEFAULT 1 CHECK (part >= 1),
	-- a second identifier: a CFDI's Serie-Folio, a Colombian document's CUFE / CUDE
	alt         TEXT NOT NULL DEFAULT '',
	-- what the source said (currency, total, date, client) to tell a second import of the same
	-- document from a different document carrying the same number (a conflict)
	digest      TEXT NOT NULL DEFAULT '',
	source      TEXT NOT NULL DEFAULT '',
	UNIQUE (issuer, kind, number, part)
);
CREATE INDEX legal_numbers_number ON legal_numbers(number);
CREATE INDEX legal_numbers_alt ON legal_numbers(alt) WHERE alt <> '';
CREATE INDEX legal_numbers_document ON legal_numbers(document_id);

CREATE TRIGGER legal_numbers_no_update BEFORE UPDATE ON legal_numbers
BEGIN SELECT RAISE(ABORT, 'a document''s legal number is never changed'); END;
CREATE TRIGGER legal_numbers_no_delete BEFORE DELETE ON legal_numbers
BEGIN SELECT RAISE(ABORT, 'a document''s legal number is never deleted'); END;

-- Company settings of the imports: whether an electronic invoice for a tax id the ledger does
-- not know creates the client from the document's party data (else the file is refused).
CREATE TABLE import_settings (
	id             INTEGER PRIMARY KEY CHECK (id = 1),
	create_clients INTEGER NOT NULL DEFAULT 0 CHECK (create_clients = 0 OR create_clients = 1)
);
INSERT INTO import_settings (id, create_clients) VALUES (1, 0);
