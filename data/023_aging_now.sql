-- cartera schema: what is open now per currency, side and due date, and how many open entries
-- each client has per currency (issue 14: opening the aging took 625 ms of CPU on the benchmark
-- ledger, where every key must take under 16 ms). The aging screen showed twenty rows of the
-- whole aging, which read every open item (about 250,000) to add up its totals and count its
-- rows. The totals of every range are sums of open amounts by due date, which due_open keeps
-- (a few thousand rows: one per currency, side and due date with something open), and the
-- aging's rows are the (client, currency) pairs with an open entry, which balances.open_n
-- counts: the count is one small table, a page a walk of the name index from the last row shown.
--   due_open: the open amounts of the open items the aging reads (charges without instalments and
--             credits by their entry's due date, instalments by theirs), as the entries' and
--             instalments' kept open columns hold them. Rows that reach zero are deleted.
--   open_n:   the entries of the client and currency whose open amount is not zero (any side,
--             with or without instalments: an invoice in instalments is open while any of its
--             instalments is).
--   due_min:  the earliest due date among the open charges of the client and currency (charges
--             without instalments and instalments), NULL when none: the oldest overdue when it is
--             before the as-of date, for the aging sorted by oldest overdue.
-- The aging sorted by name reads the clients in name order: clients_key holds only the key (and
-- the id), a quarter of the pages of the covering clients_key_order.
-- Moved by triggers as entries, instalments and allocations are posted (a void is a reversing
-- document with allocations, some of them negative: they give back what was taken). A bulk load
-- drops the triggers and recomputes both at its end; `cartera check --full` proves them against
-- the rows.
CREATE TABLE due_open (
	currency TEXT NOT NULL,
	side     TEXT NOT NULL,
	due      TEXT NOT NULL,
	open     INTEGER NOT NULL,
	PRIMARY KEY (currency, side, due)
) WITHOUT ROWID;

INSERT INTO due_open (currency, side, due, open)
SELECT currency, side, due_date, sum(open)
  FROM (SELECT currency, side, due_date, open FROM entries WHERE open <> 0 AND n_inst = 0
        UNION ALL SELECT currency, 'D', due_date, open FROM instalments WHERE open <> 0)
 GROUP BY currency, side, due_date;

ALTER TABLE balances ADD COLUMN open_n INTEGER NOT NULL DEFAULT 0;

UPDATE balances SET open_n = x.n
  FROM (SELECT client_id, currency, count(*) AS n FROM entries WHERE open <> 0
        GROUP BY client_id, currency) AS x
 WHERE x.client_id = balances.client_id AND x.currency = balances.currency;

ALTER TABLE balances ADD COLUMN due_min TEXT;

UPDATE balances SET due_min = (SELECT min(d) FROM (
	SELECT min(due_date) AS d FROM entries e
	 WHERE e.client_id = balances.client_id AND e.currency = balances.currency AND e.side = 'D'
	   AND e.open <> 0 AND e.n_inst = 0
	UNION ALL SELECT min(due_date) FROM instalments i
	 WHERE i.client_id = balances.client_id AND i.currency = balances.currency AND i.open <> 0))
 WHERE open_n > 0;

CREATE INDEX clients_key ON clients(name_key);

CREATE TRIGGER entries_due_open AFTER INSERT ON entries
WHEN NEW.n_inst = 0 AND NEW.open <> 0
BEGIN
	INSERT INTO due_open (currency, side, due, open)
	VALUES (NEW.currency, NEW.side, NEW.due_date, NEW.open)
	ON CONFLICT (currency, side, due) DO UPDATE SET open = open + excluded.open;
END;

CREATE TRIGGER instalments_due_open AFTER INSERT ON instalments
WHEN NEW.open <> 0
BEGIN
	INSERT INTO due_open (currency, side, due, open)
	VALUES (NEW.currency, 'D', NEW.due_date, NEW.open)
	ON CONFLICT (currency, side, due) DO UPDATE SET open = open + excluded.open;
	UPDATE balances SET due_min = NEW.due_date
	 WHERE client_id = NEW.client_id AND currency = NEW.currency
	   AND (due_min IS NULL OR due_min > NEW.due_date);
END;

-- What an allocation takes (a reversal: gives back) comes off its charge's row (the
-- instalment's due date when it pays one) and its credit's row.
CREATE TRIGGER allocations_due_open AFTER INSERT ON allocations
BEGIN
	INSERT INTO due_open (currency, side, due, open)
	SELECT c.currency, 'D', coalesce(i.due_date, c.due_date), -NEW.amount
	  FROM entries c LEFT JOIN instalments i ON i.id = NEW.instalment_id
	 WHERE c.id = NEW.charge_id
	ON CONFLICT (currency, side, due) DO UPDATE SET open = open + excluded.open;
	INSERT INTO due_open (currency, side, due, open)
	SELECT currency, 'C', due_date, -NEW.amount FROM entries WHERE id = NEW.credit_id
	ON CONFLICT (currency, side, due) DO UPDATE SET open = open + excluded.open;
	DELETE FROM due_open
	 WHERE currency = (SELECT currency FROM entries WHERE id = NEW.charge_id) AND side = 'D'
	   AND due = coalesce((SELECT due_date FROM instalments WHERE id = NEW.instalment_id),
	                      (SELECT due_date FROM entries WHERE id = NEW.charge_id))
	   AND open = 0;
	DELETE FROM due_open
	 WHERE currency = (SELECT currency FROM entries WHERE id = NEW.credit_id) AND side = 'C'
	   AND due = (SELECT due_date FROM entries WHERE id = NEW.credit_id) AND open = 0;
END;

CREATE TRIGGER entries_open_n AFTER INSERT ON entries
WHEN NEW.open <> 0
BEGIN
	INSERT INTO balances (client_id, currency, open_n) VALUES (NEW.client_id, NEW.currency, 1)
	ON CONFLICT (client_id, currency) DO UPDATE SET open_n = open_n + 1;
	UPDATE balances SET due_min = NEW.due_date
	 WHERE client_id = NEW.client_id AND currency = NEW.currency
	   AND NEW.side = 'D' AND NEW.n_inst = 0 AND (due_min IS NULL OR due_min > NEW.due_date);
END;

CREATE TRIGGER entries_open_n_moved AFTER UPDATE OF open ON entries
WHEN (OLD.open <> 0) <> (NEW.open <> 0)
BEGIN
	UPDATE balances SET open_n = open_n + CASE WHEN NEW.open <> 0 THEN 1 ELSE -1 END
	 WHERE client_id = NEW.client_id AND currency = NEW.currency;
END;

-- A charge or instalment that opens again (a void gives back what was paid) may be the earliest;
-- one that closes and was the earliest: the next is looked up (the open items' indexes by client).
CREATE TRIGGER entries_due_min AFTER UPDATE OF open ON entries
WHEN (OLD.open <> 0) <> (NEW.open <> 0) AND NEW.side = 'D' AND NEW.n_inst = 0
BEGIN
	UPDATE balances SET due_min = NEW.due_date
	 WHERE client_id = NEW.client_id AND currency = NEW.currency AND NEW.open <> 0
	   AND (due_min IS NULL OR due_min > NEW.due_date);
	UPDATE balances SET due_min = (SELECT min(d) FROM (
		SELECT min(due_date) AS d FROM entries e
		 WHERE e.client_id = NEW.client_id AND e.currency = NEW.currency AND e.side = 'D'
		   AND e.open <> 0 AND e.n_inst = 0
		UNION ALL SELECT min(due_date) FROM instalments i
		 WHERE i.client_id = NEW.client_id AND i.currency = NEW.currency AND i.open <> 0))
	 WHERE client_id = NEW.client_id AND currency = NEW.currency AND NEW.open = 0
	   AND due_min = NEW.due_date;
END;

CREATE TRIGGER instalments_due_min AFTER UPDATE OF open ON instalments
WHEN (OLD.open <> 0) <> (NEW.open <> 0)
BEGIN
	UPDATE balances SET due_min = NEW.due_date
	 WHERE client_id = NEW.client_id AND currency = NEW.currency AND NEW.open <> 0
	   AND (due_min IS NULL OR due_min > NEW.due_date);
	UPDATE balances SET due_min = (SELECT min(d) FROM (
		SELECT min(due_date) AS d FROM entries e
		 WHERE e.client_id = NEW.client_id AND e.currency = NEW.currency AND e.side = 'D'
		   AND e.open <> 0 AND e.n_inst = 0
		UNION ALL SELECT min(due_date) FROM instalments i
		 WHERE i.client_id = NEW.client_id AND i.currency = NEW.currency AND i.open <> 0))
	 WHERE client_id = NEW.client_id AND currency = NEW.currency AND NEW.open = 0
	   AND due_min = NEW.due_date;
END;
