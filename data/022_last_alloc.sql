-- cartera schema: each entry and instalment keeps the latest date of its allocations (issue 17:
-- the aging as of a past date near the floor). Open amounts as of a past date are the kept ones
-- plus what the allocations dated after it took; a charge or credit closed since the date is not
-- among the open ones, and was looked up by id among every entry an allocation after the date
-- named (550,000 seeks 180 days back on the benchmark ledger, 0.17 s of CPU). Only one allocated
-- after the date can have been open at it, and the partial indexes below hold exactly the closed
-- ones by that date, with the columns the aging reads: 95,787 of them, read in one range.
-- Allocations are only ever added (a reversal is another row), so the trigger keeps the later of
-- the kept date and the new one; a bulk load sets it at its end with the open amounts, and
-- `cartera check --full` proves it against the allocations.
ALTER TABLE entries ADD COLUMN last_alloc TEXT;
ALTER TABLE instalments ADD COLUMN last_alloc TEXT;

UPDATE entries SET last_alloc = a.d
  FROM (SELECT id, max(d) AS d FROM (SELECT charge_id AS id, date AS d FROM allocations
                                     UNION ALL SELECT credit_id, date FROM allocations)
        GROUP BY id) AS a
 WHERE a.id = entries.id;
UPDATE instalments SET last_alloc = a.d
  FROM (SELECT instalment_id AS id, max(date) AS d FROM allocations
        WHERE instalment_id IS NOT NULL GROUP BY instalment_id) AS a
 WHERE a.id = instalments.id;

CREATE INDEX entries_closed ON entries(last_alloc, client_id, currency, side, due_date, date)
  WHERE open = 0 AND n_inst = 0;
CREATE INDEX instalments_closed ON instalments(last_alloc, client_id, currency, due_date, date)
  WHERE open = 0;

DROP TRIGGER allocations_move_open;
CREATE TRIGGER allocations_move_open AFTER INSERT ON allocations
BEGIN
	UPDATE entries SET open = open - NEW.amount,
	       last_alloc = CASE WHEN last_alloc >= NEW.date THEN last_alloc ELSE NEW.date END
	 WHERE id = NEW.credit_id;
	UPDATE entries SET open = open - NEW.amount,
	       last_alloc = CASE WHEN last_alloc >= NEW.date THEN last_alloc ELSE NEW.date END
	 WHERE id = NEW.charge_id;
	UPDATE instalments SET open = open - NEW.amount,
	       last_alloc = CASE WHEN last_alloc >= NEW.date THEN last_alloc ELSE NEW.date END
	 WHERE id = NEW.instalment_id;
END;
