-- As of a past date, an instalment's open amount is its amount less the allocations dated up to
-- then, and a client's instalments are all read: neither had an index, so a statement as of a
-- past date scanned the allocations once per instalment (4 s for one client of the 5,000-client
-- benchmark ledger) and the follow-up of every client ran for minutes. With them: 0.06 s and
-- 2.7 s.
CREATE INDEX allocations_instalment ON allocations(instalment_id) WHERE instalment_id IS NOT NULL;
CREATE INDEX instalments_client ON instalments(client_id, date);
