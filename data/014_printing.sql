-- cartera schema: how the company's clerks read dates and what their printers take (issues 14
-- and 16). date_order: 'ymd' (ISO, what ledgers made before kept) or 'dmy' (DD/MM/YYYY, the
-- order of Peru, Colombia, Panama, Ecuador and Mexico). print_encoding: the plain-text
-- reports' character set for dot-matrix printers. print_page_lines: pages of that many lines
-- for continuous forms, 0 for none.
ALTER TABLE company ADD COLUMN date_order TEXT NOT NULL DEFAULT 'ymd'
	CHECK (date_order IN ('ymd', 'dmy'));
ALTER TABLE company ADD COLUMN print_encoding TEXT NOT NULL DEFAULT 'UTF-8'
	CHECK (print_encoding IN ('UTF-8', 'CP850', 'ISO-8859-1'));
ALTER TABLE company ADD COLUMN print_page_lines INTEGER NOT NULL DEFAULT 0
	CHECK (print_page_lines = 0 OR print_page_lines BETWEEN 12 AND 1000);
