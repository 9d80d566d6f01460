-- cartera schema: narrow indexes for the follow-up of every client (issue 17), which reads every
-- open charge's document number and each open instalment's invoice in id order, and every
-- client's credits in favour. Looked up in their tables, the 147,000 numbers of the benchmark
-- ledger's open charges touched nearly all of the documents' 50,500 pages (a quarter of the
-- report's CPU), the 22,000 invoices of its 70,000 open instalments some 15,000 of the entries'
-- 32,500; these indexes hold the same in 10,400 and 600 pages. The 55,000 open credits were
-- summed from the 2,260 pages of every open entry (entries_open); they have 441 of their own.
-- The clients' check digits (not in their name index) were read from the 3,300 pages of the
-- clients table; they have 156 of their own.
CREATE INDEX documents_numbers ON documents(id, number);
CREATE INDEX entries_instalments ON entries(id, document_id, code, date) WHERE n_inst > 0;
CREATE INDEX entries_credits ON entries(client_id, currency, open, date, side)
	WHERE side = 'C' AND open <> 0;
CREATE INDEX clients_dv ON clients(id, dv) WHERE dv <> '';
