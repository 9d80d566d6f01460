-- cartera schema: a Mexican natural person's CURP (issue 16), optional beside the RFC kept in
-- tax_id; '' when none. Checked by the controllers (RENAPO's check digit) before it is stored.
ALTER TABLE clients ADD COLUMN curp TEXT NOT NULL DEFAULT '';
