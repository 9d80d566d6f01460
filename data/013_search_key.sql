-- Search as a clerk types (issue 14): case and accents aside, ñ as n, so "gomez" finds Gómez and
-- "nandu" Ñandú. Each client keeps its name so folded (src/model/ledger_namekey.c, the only code
-- that writes it; cartera_search_key() is that function, registered by cartera on its
-- connections), and a filter is folded the same way before it is looked for.
ALTER TABLE clients ADD COLUMN search_key TEXT NOT NULL DEFAULT '';
UPDATE clients SET search_key = cartera_search_key(name);
-- the list in name order with what a filter reads beside the key: a filtered page and its count
-- read this index alone, never the clients' rows
CREATE INDEX clients_search ON clients(name_key, search_key, tax_id, phone);
