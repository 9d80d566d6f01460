-- cartera schema: what printed documents carry (SPEC D9, issue 16). The company's letterhead
-- (address, phone, e-mail, an optional PNG or JPEG logo file) and the name its tax id is printed
-- under when it differs from the country's (RUC, NIT, RFC; '' = the country's).
ALTER TABLE company ADD COLUMN address     TEXT NOT NULL DEFAULT '';
ALTER TABLE company ADD COLUMN phone       TEXT NOT NULL DEFAULT '';
ALTER TABLE company ADD COLUMN email       TEXT NOT NULL DEFAULT '';
ALTER TABLE company ADD COLUMN logo        TEXT NOT NULL DEFAULT '';
ALTER TABLE company ADD COLUMN tax_id_name TEXT NOT NULL DEFAULT '';
