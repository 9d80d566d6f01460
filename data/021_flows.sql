-- cartera schema: what moved each month, kept per currency (issue 19: the trend of 12 month-ends
-- near the floor). The trend of all clients read every entry, instalment and allocation of the
-- ledger (1.5 s of CPU, 11x the scan floor on the benchmark ledger) to add up four figures per
-- month. Since every allocation is dated on or after its charge, the charges open at a month's end
-- are the charges dated up to it less what allocations dated up to it took, and the overdue ones
-- those of them whose due date is before the month's end: sums by month of the date and month of
-- the day after the due date, which this table keeps, moved by triggers as entries, instalments
-- and allocations are posted (nothing is ever updated or deleted). A bulk load drops the triggers
-- and adds its own rows up at its end; `cartera check` proves the table against the rows.
--   month: 'YYYY-MM' of the date an amount counts from (an allocation: the later of its date and
--          its charge's); due_month: 'YYYY-MM' of the day after the charge's due date, from whose
--          month's end on it is overdue ('9999-13' when there is no such day).
--   charged: charges without instalments (side D) and instalments; paid: allocations to them;
--   sales: invoices (CF) less their voids; collected: payments and advances (APF, AA) less theirs.
CREATE TABLE month_flows (
	currency  TEXT NOT NULL,
	month     TEXT NOT NULL,
	due_month TEXT NOT NULL,
	charged   INTEGER NOT NULL DEFAULT 0,
	paid      INTEGER NOT NULL DEFAULT 0,
	sales     INTEGER NOT NULL DEFAULT 0,
	collected INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (currency, month, due_month)
) WITHOUT ROWID;

-- Each row's share, from the rows themselves: kind 'e' entries, 'i' instalments, 'a' allocations,
-- by id (a bulk load adds up its own rows: WHERE kind = ... AND id >= its first id).
CREATE VIEW month_flows_rows (kind, id, currency, month, due_month, charged, paid, sales, collected) AS
SELECT 'e', id, currency, substr(date, 1, 7),
       coalesce(substr(date(due_date, '+1 day'), 1, 7), '9999-13'),
       CASE WHEN side = 'D' AND n_inst = 0 THEN amount ELSE 0 END, 0,
       CASE WHEN code <> 'CF' THEN 0 WHEN side = 'D' THEN amount ELSE -amount END,
       CASE WHEN code NOT IN ('APF', 'AA') THEN 0 WHEN side = 'C' THEN amount ELSE -amount END
  FROM entries WHERE (side = 'D' AND n_inst = 0) OR code IN ('CF', 'APF', 'AA')
UNION ALL
SELECT 'i', id, currency, substr(date, 1, 7),
       coalesce(substr(date(due_date, '+1 day'), 1, 7), '9999-13'), amount, 0, 0, 0
  FROM instalments
UNION ALL
SELECT 'a', a.id, c.currency, substr(max(a.date, c.date), 1, 7),
       coalesce(substr(date(c.due_date, '+1 day'), 1, 7), '9999-13'), 0, a.amount, 0, 0
  FROM allocations a JOIN entries c ON c.id = a.charge_id
 WHERE a.instalment_id IS NULL AND c.side = 'D'
UNION ALL
SELECT 'a', a.id, i.currency, substr(max(a.date, i.date), 1, 7),
       coalesce(substr(date(i.due_date, '+1 day'), 1, 7), '9999-13'), 0, a.amount, 0, 0
  FROM allocations a JOIN instalments i ON i.id = a.instalment_id;

INSERT INTO month_flows (currency, month, due_month, charged, paid, sales, collected)
SELECT currency, month, due_month, sum(charged), sum(paid), sum(sales), sum(collected)
  FROM month_flows_rows GROUP BY currency, month, due_month;

CREATE TRIGGER entries_month_flows AFTER INSERT ON entries
WHEN (NEW.side = 'D' AND NEW.n_inst = 0) OR NEW.code IN ('CF', 'APF', 'AA')
BEGIN
	INSERT INTO month_flows (currency, month, due_month, charged, sales, collected)
	SELECT currency, month, due_month, charged, sales, collected FROM month_flows_rows
	 WHERE kind = 'e' AND id = NEW.id
	ON CONFLICT (currency, month, due_month) DO UPDATE
	   SET charged = charged + excluded.charged, sales = sales + excluded.sales,
	       collected = collected + excluded.collected;
END;

CREATE TRIGGER instalments_month_flows AFTER INSERT ON instalments
BEGIN
	INSERT INTO month_flows (currency, month, due_month, charged)
	SELECT currency, month, due_month, charged FROM month_flows_rows
	 WHERE kind = 'i' AND id = NEW.id
	ON CONFLICT (currency, month, due_month) DO UPDATE SET charged = charged + excluded.charged;
END;

CREATE TRIGGER allocations_month_flows AFTER INSERT ON allocations
BEGIN
	INSERT INTO month_flows (currency, month, due_month, paid)
	SELECT currency, month, due_month, paid FROM month_flows_rows
	 WHERE kind = 'a' AND id = NEW.id
	ON CONFLICT (currency, month, due_month) DO UPDATE SET paid = paid + excluded.paid;
END;

-- What was posted each day, per currency: debits and credits of every entry (issue 17: as-of
-- reports near the floor). The ledger balance as of a past date (the aging's check table,
-- `balance --asof`) added up every entry dated up to it, through a skip-scan of the client index
-- (0.26 s of CPU for one currency on the benchmark ledger, 2.5x the floor); these sums answer it
-- from a row per day. Moved by a trigger; a bulk load adds its own entries up at its end;
-- `cartera check --full` proves it against the entries.
CREATE TABLE day_flows (
	currency TEXT NOT NULL,
	date     TEXT NOT NULL,
	debits   INTEGER NOT NULL DEFAULT 0,
	credits  INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (currency, date)
) WITHOUT ROWID;

INSERT INTO day_flows (currency, date, debits, credits)
SELECT currency, date, sum(CASE side WHEN 'D' THEN amount ELSE 0 END),
       sum(CASE side WHEN 'C' THEN amount ELSE 0 END)
  FROM entries GROUP BY currency, date;

CREATE TRIGGER entries_day_flows AFTER INSERT ON entries
BEGIN
	INSERT INTO day_flows (currency, date, debits, credits)
	VALUES (NEW.currency, NEW.date, CASE NEW.side WHEN 'D' THEN NEW.amount ELSE 0 END,
	        CASE NEW.side WHEN 'C' THEN NEW.amount ELSE 0 END)
	ON CONFLICT (currency, date) DO UPDATE
	   SET debits = debits + excluded.debits, credits = credits + excluded.credits;
END;
