-- cartera schema: the allocations' date index covers what an as-of question reads of them (issue
-- 17: as-of reports near the floor). Open amounts as of a past date are the kept ones plus what
-- the allocations dated after it took; reading those allocations through an index of the date
-- alone cost a random row read each (426,161 rows 180 days back on the benchmark ledger: 0.59 s
-- of CPU, 4 s wall, against 0.05 s from this index).
DROP INDEX allocations_date;
CREATE INDEX allocations_date ON allocations(date, charge_id, instalment_id, credit_id, amount);
