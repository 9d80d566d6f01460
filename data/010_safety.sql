-- Safety (issue 15): settings kept by name, idempotency keys of postings, and the audit's hash
-- chain (each row's SHA-256 over its fields and the previous row's hash, set by cartera when the
-- row is written; `cartera check` verifies the chain).

-- Settings that are not the company's letterhead: the Unix group that shares the ledger
-- ("group") and the group whose members may void, override, refund and write off
-- ("supervisors"; none = everyone may).
CREATE TABLE settings (
	name  TEXT PRIMARY KEY,
	value TEXT NOT NULL
) WITHOUT ROWID;

-- A posting given --key TEXT: a retry with the same key and document type posts nothing.
CREATE TABLE doc_keys (
	doc_type    TEXT NOT NULL,
	key         TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
	document_id INTEGER NOT NULL REFERENCES documents(id),
	PRIMARY KEY (doc_type, key)
) WITHOUT ROWID;

ALTER TABLE audit ADD COLUMN hash TEXT NOT NULL DEFAULT '';

-- A row's hash is written once (cartera inserts the row, then sets its hash in the same
-- transaction); nothing else in a row ever changes.
DROP TRIGGER audit_no_update;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
WHEN OLD.hash <> '' OR NEW.id IS NOT OLD.id OR NEW.at IS NOT OLD.at OR NEW.clerk IS NOT OLD.clerk
  OR NEW.action IS NOT OLD.action OR NEW.document_id IS NOT OLD.document_id
  OR NEW.client_id IS NOT OLD.client_id OR NEW.detail IS NOT OLD.detail
BEGIN SELECT RAISE(ABORT, 'the audit log is never changed'); END;
CREATE INDEX audit_clerk ON audit(clerk, at);
CREATE INDEX audit_client ON audit(client_id) WHERE client_id IS NOT NULL;
