-- Client names in the order a Spanish-speaking clerk reads them: NOCASE put Álvarez and Óscar
-- after Z. Each client keeps a key that sorts byte by byte in that order (case and accents set
-- aside, ñ after n: src/ledger_namekey.c, the only code that writes it; cartera_name_key() is
-- that function, registered by cartera on its connections), and the lists' indexes follow it.
ALTER TABLE clients ADD COLUMN name_key TEXT NOT NULL DEFAULT '';
UPDATE clients SET name_key = cartera_name_key(name);
-- with the name beside the key, the lists in name order read the index alone, as with NOCASE
DROP INDEX clients_name;
CREATE INDEX clients_name ON clients(name_key, name);
DROP INDEX clients_tax_order;
CREATE INDEX clients_tax_order ON clients(tax_id, name_key);
DROP INDEX clients_phone_order;
CREATE INDEX clients_phone_order ON clients(phone, name_key);
