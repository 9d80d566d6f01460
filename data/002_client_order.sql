-- cartera schema, version 2: the client list sorts by tax id or phone as well as by name, a
-- page at a time, for tens of thousands of clients (SPEC C3). These indexes let such a page be
-- read in order instead of sorting every client for each page.
CREATE INDEX clients_tax_order ON clients(tax_id, name COLLATE NOCASE);
CREATE INDEX clients_phone_order ON clients(phone, name COLLATE NOCASE);
