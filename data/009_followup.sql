-- cartera schema: payment follow-up (SPEC F1-F3, F6, F8; seed 004, Odoo's "Seguimiento").
--
-- Levels say what to do how many days after the oldest open charge fell due (negative: before).
-- Each client carries its follow-up state; every level reached is one row of followup_done, keyed
-- by (client, level, cycle) and written in the same transaction as the actions it took, so an
-- interrupted run, a second run, or two runs at once reach each client once per level. A cycle
-- ends when what made the level is paid or credited: the level goes back and a new cycle starts.

CREATE TABLE followup_levels (
	id          INTEGER PRIMARY KEY,
	name        TEXT NOT NULL CHECK (length(name) > 0),
	days        INTEGER NOT NULL UNIQUE CHECK (days BETWEEN -365 AND 3650),
	email       INTEGER NOT NULL DEFAULT 0 CHECK (email IN (0, 1)),
	letter      INTEGER NOT NULL DEFAULT 0 CHECK (letter IN (0, 1)),
	sms         INTEGER NOT NULL DEFAULT 0 CHECK (sms IN (0, 1)),
	manual      INTEGER NOT NULL DEFAULT 0 CHECK (manual IN (0, 1)),  -- a manual action only
	auto        INTEGER NOT NULL DEFAULT 1 CHECK (auto IN (0, 1)),    -- cron may process it
	attach      INTEGER NOT NULL DEFAULT 0 CHECK (attach IN (0, 1)),  -- attach the overdue invoices
	subject     TEXT NOT NULL DEFAULT '',
	body        TEXT NOT NULL DEFAULT '',   -- e-mail and letter text, with {client} {amount} ...
	sms_text    TEXT NOT NULL DEFAULT '',
	act_type    TEXT NOT NULL DEFAULT '' CHECK (act_type IN ('', 'call', 'visit', 'email', 'other')),
	act_clerk   TEXT NOT NULL DEFAULT '',   -- '' = the client's responsible clerk
	act_summary TEXT NOT NULL DEFAULT '',
	act_days    INTEGER NOT NULL DEFAULT 0 CHECK (act_days BETWEEN 0 AND 365),
	fee         INTEGER NOT NULL DEFAULT 0 CHECK (fee >= 0),          -- minor units, company currency
	rate_bp     INTEGER NOT NULL DEFAULT 0 CHECK (rate_bp BETWEEN 0 AND 100000), -- yearly, 1/100 %
	post_charge INTEGER NOT NULL DEFAULT 0 CHECK (post_charge IN (0, 1))
);

-- One row per client that was ever followed up or whose settings a clerk changed.
CREATE TABLE followup_clients (
	client_id   INTEGER PRIMARY KEY REFERENCES clients(id),
	level_id    INTEGER REFERENCES followup_levels(id),  -- the last level reached in this cycle
	cycle       INTEGER NOT NULL DEFAULT 1 CHECK (cycle >= 1),
	last_date   TEXT NOT NULL DEFAULT '',
	next_date   TEXT NOT NULL DEFAULT '',   -- set by a clerk: no action before it ('' computed)
	responsible TEXT NOT NULL DEFAULT '',
	manual      INTEGER NOT NULL DEFAULT 0 CHECK (manual IN (0, 1)),
	hold        TEXT NOT NULL DEFAULT ''    -- '' none, else why the client is not chased
);

CREATE TABLE followup_done (
	id         INTEGER PRIMARY KEY,
	client_id  INTEGER NOT NULL REFERENCES clients(id),
	level_id   INTEGER NOT NULL REFERENCES followup_levels(id),
	cycle      INTEGER NOT NULL,
	date       TEXT NOT NULL,
	at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
	clerk      TEXT NOT NULL,
	history_id INTEGER REFERENCES client_history(id),
	charge_id  INTEGER REFERENCES documents(id),        -- the dunning fee / interest charge
	UNIQUE (client_id, level_id, cycle)
);

-- Letters wait here until written; a letter's file is named by its id, so writing it again
-- after an interruption replaces the same file instead of making a second letter.
CREATE TABLE followup_letters (
	id         INTEGER PRIMARY KEY,
	done_id    INTEGER NOT NULL UNIQUE REFERENCES followup_done(id),
	client_id  INTEGER NOT NULL REFERENCES clients(id),
	written_at TEXT NOT NULL DEFAULT '',
	path       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX followup_letters_pending ON followup_letters(written_at, id);

-- SMS wait here until the company's SMS command took them.
CREATE TABLE followup_sms (
	id        INTEGER PRIMARY KEY,
	done_id   INTEGER NOT NULL UNIQUE REFERENCES followup_done(id),
	client_id INTEGER NOT NULL REFERENCES clients(id),
	number    TEXT NOT NULL,
	text      TEXT NOT NULL,
	sent_at   TEXT NOT NULL DEFAULT '',
	error     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX followup_sms_pending ON followup_sms(sent_at, id);

CREATE TABLE followup_activities (
	id         INTEGER PRIMARY KEY,
	client_id  INTEGER NOT NULL REFERENCES clients(id),
	type       TEXT NOT NULL CHECK (type IN ('call', 'visit', 'email', 'other')),
	clerk      TEXT NOT NULL,
	summary    TEXT NOT NULL DEFAULT '',
	due_date   TEXT NOT NULL CHECK (due_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
	done_id    INTEGER REFERENCES followup_done(id),   -- the level that scheduled it
	done_date  TEXT NOT NULL DEFAULT '',
	done_note  TEXT NOT NULL DEFAULT '',
	rescheduled INTEGER NOT NULL DEFAULT 0,
	created_by TEXT NOT NULL,
	created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX followup_activities_due ON followup_activities(done_date, due_date, clerk);

CREATE TABLE followup_promises (
	id        INTEGER PRIMARY KEY,
	client_id INTEGER NOT NULL REFERENCES clients(id),
	currency  TEXT NOT NULL CHECK (length(currency) = 3),
	amount    INTEGER NOT NULL CHECK (amount > 0),
	date      TEXT NOT NULL,                 -- the day it will be paid by
	made_on   TEXT NOT NULL CHECK (made_on <= date),
	by_whom   TEXT NOT NULL DEFAULT '',
	clerk     TEXT NOT NULL,
	CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]')
);
CREATE INDEX followup_promises_client ON followup_promises(client_id, date);

-- Company-wide follow-up settings: sms_command, letters_dir, printer.
CREATE TABLE followup_settings (
	key   TEXT PRIMARY KEY CHECK (key IN ('sms_command', 'letters_dir', 'printer')),
	value TEXT NOT NULL
);
