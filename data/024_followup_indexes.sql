-- cartera schema: two narrow indexes for the follow-up of every client (issue 17), which reads
-- every open charge's document number and each open instalment's invoice in id order. Looked up
-- in their tables, the 147,000 numbers of the benchmark ledger's open charges touched nearly all
-- of the documents' 50,500 pages (a quarter of the report's CPU), the 22,000 invoices of its
-- 70,000 open instalments some 15,000 of the entries' 32,500; these indexes hold the same in
-- 10,400 and 600 pages.
CREATE INDEX documents_numbers ON documents(id, number);
CREATE INDEX entries_instalments ON entries(id, document_id, code, date) WHERE n_inst > 0;
