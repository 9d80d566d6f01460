-- cartera schema: each client's ledger balance kept per currency (issue 17: reports near the
-- floor). `balance` of all clients and `client list` added up every entry (1.84 M at the
-- benchmark's size; `client list` one query per client) to answer what this table holds: the
-- charges and credits of each client and currency, over every entry, moved by a trigger as
-- each entry is posted. Entries are never updated or deleted, so nothing else moves it; a bulk
-- load drops the trigger and adds its entries up once at its end; `cartera check` proves the
-- table against the entries themselves.
CREATE TABLE balances (
	client_id INTEGER NOT NULL REFERENCES clients(id),
	currency  TEXT NOT NULL,
	charges   INTEGER NOT NULL DEFAULT 0,
	credits   INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (client_id, currency)
) WITHOUT ROWID;

INSERT INTO balances (client_id, currency, charges, credits)
SELECT client_id, currency, sum(CASE side WHEN 'D' THEN amount ELSE 0 END),
       sum(CASE side WHEN 'C' THEN amount ELSE 0 END)
  FROM entries GROUP BY client_id, currency;

CREATE TRIGGER entries_balances AFTER INSERT ON entries
BEGIN
	INSERT OR IGNORE INTO balances (client_id, currency) VALUES (NEW.client_id, NEW.currency);
	UPDATE balances SET charges = charges + (CASE NEW.side WHEN 'D' THEN NEW.amount ELSE 0 END),
	                    credits = credits + (CASE NEW.side WHEN 'C' THEN NEW.amount ELSE 0 END)
	 WHERE client_id = NEW.client_id AND currency = NEW.currency;
END;
