-- cartera schema: debit notes (SPEC D8, issue 16). A debit note (ND-000001) is a charge that
-- amends one invoice: its own document type and series, an ND entry on the charge side, and
-- the invoice it amends kept in documents.amends_id.
--
-- The type and code lists of 001 are CHECK constraints, which SQLite cannot alter. Widening
-- one is the change SQLite documents for editing the schema text in place (ALTER TABLE, "other
-- kinds of table schema changes"): no row can break a constraint that only admits more, so
-- the tables are not rebuilt (1.8 M documents on the benchmark ledger). RESET turns
-- writable_schema off and reloads this connection's schema; the DDL after it moves the schema
-- cookie, so other connections reload theirs. The guard fails the migration, leaving the
-- ledger as it was, if the text of 001 was not found.
PRAGMA writable_schema = ON;
UPDATE sqlite_master SET sql = replace(sql, 'OR type = ''void'')',
                                       'OR type = ''void'' OR type = ''debit-note'')')
 WHERE type = 'table' AND name = 'documents';
UPDATE sqlite_master SET sql = replace(sql, 'code = ''CGC''', 'code = ''CGC'' OR code = ''ND''')
 WHERE type = 'table' AND name = 'entries';
PRAGMA writable_schema = RESET;

CREATE TEMP TABLE schema_guard (ok INTEGER NOT NULL CHECK (ok = 1));
INSERT INTO schema_guard SELECT instr(sql, 'OR type = ''debit-note'')') > 0
  FROM sqlite_master WHERE type = 'table' AND name = 'documents';
INSERT INTO schema_guard SELECT length(sql) - length(replace(sql, 'OR code = ''ND''', '')) 
       = 2 * length('OR code = ''ND''')
  FROM sqlite_master WHERE type = 'table' AND name = 'entries';
DROP TABLE schema_guard;

INSERT INTO series (doc_type, prefix, next_number) VALUES ('debit-note', 'ND', 1);

-- The invoice a debit note amends: an invoice (or an open item carried over from the old
-- system) of the same client and currency, dated no later than the note. Only a debit note
-- names one.
ALTER TABLE documents ADD COLUMN amends_id INTEGER REFERENCES documents(id);
CREATE INDEX documents_amends ON documents(amends_id) WHERE amends_id IS NOT NULL;

CREATE TRIGGER documents_debit_note BEFORE INSERT ON documents
WHEN NEW.type = 'debit-note' OR NEW.amends_id IS NOT NULL
BEGIN
	SELECT RAISE(ABORT, 'a debit note amends one invoice, and only a debit note amends one')
	WHERE NEW.type IS NOT 'debit-note' OR NEW.amends_id IS NULL;
	SELECT RAISE(ABORT, 'a debit note amends an invoice of the same client and currency, dated no later than the note')
	WHERE NOT EXISTS (SELECT 1 FROM documents i WHERE i.id = NEW.amends_id
	                    AND (i.type = 'invoice' OR (i.type = 'opening' AND i.method = 'item'))
	                    AND i.client_id = NEW.client_id AND i.currency = NEW.currency
	                    AND i.date <= NEW.date);
END;
