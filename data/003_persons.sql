-- cartera schema, version 3: the persons associated with a client (SPEC C2, seed 002 "Personas
-- asociadas"): people at a client company who receive its statements and reminders by e-mail.
-- They are master data, not ledger entries: the clerk may change and delete them.
--
-- The e-mail's full shape is the controller's to check; here only what no e-mail can be (blanks,
-- no '@' with something on each side and a dot after it) is refused.
CREATE TABLE client_persons (
	id        INTEGER PRIMARY KEY,
	client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
	name      TEXT NOT NULL CHECK (length(trim(name)) > 0),
	role      TEXT NOT NULL DEFAULT '',
	email     TEXT NOT NULL DEFAULT ''
	          CHECK (email = '' OR (email GLOB '?*@?*.?*' AND email NOT GLOB '*[ 	]*')),
	phone     TEXT NOT NULL DEFAULT '',
	mobile    TEXT NOT NULL DEFAULT '',
	-- 1: receives the client's statements and reminders
	notify    INTEGER NOT NULL DEFAULT 1 CHECK (notify = 0 OR notify = 1),
	-- the order the clerk gave them (a statement's recipients follow it)
	position  INTEGER NOT NULL DEFAULT 0 CHECK (position >= 0)
);
CREATE INDEX client_persons_client ON client_persons(client_id, position);
