-- Keys a clerk presses at 50,000 clients (issue 14).
--
-- Lists in name order are ordered by (name_key, id); the indexes on name_key carried the name
-- (or the search key) between the two, so SQLite read every client and sorted them through a
-- temporary B-tree for each page (56 ms a cursor move on the dashboard's Clients tab). This one
-- is in the lists' own order, with the name (the aging reads the names in this order) and what a
-- filter reads beside it; it replaces clients_search.
DROP INDEX IF EXISTS clients_search;
CREATE INDEX clients_key_order ON clients(name_key, id, name, search_key, tax_id, phone);

-- Search for a part of a name, tax id or phone through an index: the folded search key (as
-- cartera_search_key folds: case and accents aside, ñ as n), the tax id and the phone cut in
-- trigrams (SQLite's FTS5 trigram tokenizer), so "nandu" finds "Ferretería Ñandú" by looking up
-- three trigrams instead of reading every client. The clients table holds the text (external
-- content); these triggers keep the index with it.
CREATE VIRTUAL TABLE clients_find USING fts5(search_key, tax_id, phone, content = 'clients',
	content_rowid = 'id', tokenize = 'trigram');
CREATE TRIGGER clients_find_insert AFTER INSERT ON clients BEGIN
	INSERT INTO clients_find(rowid, search_key, tax_id, phone)
	VALUES (new.id, new.search_key, new.tax_id, new.phone);
END;
CREATE TRIGGER clients_find_delete AFTER DELETE ON clients BEGIN
	INSERT INTO clients_find(clients_find, rowid, search_key, tax_id, phone)
	VALUES ('delete', old.id, old.search_key, old.tax_id, old.phone);
END;
CREATE TRIGGER clients_find_update AFTER UPDATE OF search_key, tax_id, phone ON clients BEGIN
	INSERT INTO clients_find(clients_find, rowid, search_key, tax_id, phone)
	VALUES ('delete', old.id, old.search_key, old.tax_id, old.phone);
	INSERT INTO clients_find(rowid, search_key, tax_id, phone)
	VALUES (new.id, new.search_key, new.tax_id, new.phone);
END;
INSERT INTO clients_find(clients_find) VALUES ('rebuild');
