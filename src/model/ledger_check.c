/* The ledger's self-check: every invariant the model and the schema promise, recomputed from the
 * raw rows. Used by `cartera check`, by the tests after every scenario, and after bulk loads. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ledger_int.h"

typedef struct checker {
	ledger *l;
	check_cb cb;
	void *ud;
	int64_t problems;
	cart_err *e;
} checker;

static void problem(checker *k, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void problem(checker *k, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	k->problems++;
	if (!k->cb)
		return;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	k->cb(buf, k->ud);
}

/* Run sql (parameter ?1 = asof when used); each row is a problem described by describe. */
typedef void (*row_fn)(checker *k, sqlite3_stmt *s);

static int each_row(checker *k, const char *sql, const char *asof, row_fn fn)
{
	sqlite3_stmt *s;
	int rc = sqlite3_prepare_v2(k->l->db, sql, -1, &s, NULL);

	if (rc != SQLITE_OK)
		return lg_dberr(k->l, rc, _("preparing a check"), k->e);
	if (asof && sqlite3_bind_parameter_count(s) >= 1)
		lg_bind_text(s, 1, asof);
	if (sqlite3_bind_parameter_count(s) >= 3) {
		lg_bind_int(s, 2, 0);
		lg_bind_int(s, 3, INT64_MAX);
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		fn(k, s);
	sqlite3_finalize(s);
	return rc == SQLITE_DONE ? CART_OK : lg_dberr(k->l, rc, _("running a check"), k->e);
}

/* Each entry's kept open amount against its amount less every allocation naming it (as charge
 * or as credit). In SQL this was a join of the entries to the allocations grouped twice, with a
 * transient index (5 s of CPU at the benchmark's size); here the allocations are added up by
 * entry id in an array in one scan, and the entries read once in id order. */
static int check_entry_open(checker *k)
{
	static const char alloc_sql[] = "SELECT charge_id, credit_id, amount FROM allocations";
	static const char entry_sql[] = "SELECT id, open, amount FROM entries";
	static const char number_sql[] =
		"SELECT d.number FROM entries e JOIN documents d ON d.id = e.document_id WHERE e.id = ?1";
	sqlite3_stmt *s;
	int64_t max = 0, *sum;
	int rc;

	if ((rc = sqlite3_prepare_v2(k->l->db, "SELECT max(id) FROM entries", -1, &s, NULL)) !=
	    SQLITE_OK)
		return lg_dberr(k->l, rc, _("preparing a check"), k->e);
	if (sqlite3_step(s) == SQLITE_ROW)
		max = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	if (max < 0 || (uint64_t)max >= SIZE_MAX / sizeof *sum ||
	    !(sum = calloc((size_t)max + 1, sizeof *sum)))
		return cart_fail(k->e, CART_NOMEM, _("out of memory"));
	if ((rc = sqlite3_prepare_v2(k->l->db, alloc_sql, -1, &s, NULL)) != SQLITE_OK) {
		free(sum);
		return lg_dberr(k->l, rc, _("preparing a check"), k->e);
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int64_t amount = sqlite3_column_int64(s, 2);

		for (int c = 0; c < 2; c++) {
			int64_t id = sqlite3_column_int64(s, c);

			/* an allocation naming no entry is the foreign key check's to report */
			if (id >= 0 && id <= max &&
			    __builtin_add_overflow(sum[id], amount, &sum[id]))
				sum[id] = INT64_MAX;
		}
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		free(sum);
		return lg_dberr(k->l, rc, _("running a check"), k->e);
	}
	if ((rc = sqlite3_prepare_v2(k->l->db, entry_sql, -1, &s, NULL)) != SQLITE_OK) {
		free(sum);
		return lg_dberr(k->l, rc, _("preparing a check"), k->e);
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(s, 0), open = sqlite3_column_int64(s, 1);
		int64_t amount = sqlite3_column_int64(s, 2), left;
		sqlite3_stmt *n;
		char number[64] = "";

		if (id < 0 || id > max || __builtin_sub_overflow(amount, sum[id], &left))
			left = INT64_MIN;
		if (open == left)
			continue;
		if (sqlite3_prepare_v2(k->l->db, number_sql, -1, &n, NULL) == SQLITE_OK) {
			sqlite3_bind_int64(n, 1, id);
			if (sqlite3_step(n) == SQLITE_ROW)
				lg_copy(number, sizeof number, sqlite3_column_text(n, 0));
			sqlite3_finalize(n);
		}
		problem(k, _("entry %lld of %s keeps %lld open, but its amount %lld less its allocations"
		        " leaves %lld"), (long long)id, number, (long long)open, (long long)amount,
		        (long long)left);
	}
	sqlite3_finalize(s);
	free(sum);
	return rc == SQLITE_DONE ? CART_OK : lg_dberr(k->l, rc, _("running a check"), k->e);
}

static void bad_inst_open(checker *k, sqlite3_stmt *s)
{
	problem(k, _("instalment %lld keeps %lld open, but its amount %lld less its allocations"
	        " leaves %lld"), (long long)sqlite3_column_int64(s, 0),
	        (long long)sqlite3_column_int64(s, 1), (long long)sqlite3_column_int64(s, 2),
	        (long long)sqlite3_column_int64(s, 3));
}

static void bad_inst_sum(checker *k, sqlite3_stmt *s)
{
	problem(k, _("the instalments of entry %lld (%s) do not add up to it: %lld of %lld, open"
	        " %lld of %lld"), (long long)sqlite3_column_int64(s, 0), sqlite3_column_text(s, 1),
	        (long long)sqlite3_column_int64(s, 2), (long long)sqlite3_column_int64(s, 3),
	        (long long)sqlite3_column_int64(s, 4), (long long)sqlite3_column_int64(s, 5));
}

/* Each allocation pairs a credit with a charge of the same client and currency. In SQL a join
 * of the allocations to the entries twice, read at random (2.4 s of CPU at the benchmark's
 * size); here the entries' side, client and currency go into arrays by id in one scan, and the
 * allocations are read once against them. An allocation naming no entry is the foreign key
 * check's to report. */
static int check_pairs(checker *k)
{
	static const char entry_sql[] = "SELECT id, side, client_id, currency FROM entries";
	static const char alloc_sql[] = "SELECT id, credit_id, charge_id FROM allocations";
	char curs[256][4];
	int ncur = 0;
	sqlite3_stmt *s;
	int64_t max = 0, *who;
	unsigned char *side, *cur;
	int rc;

	if ((rc = sqlite3_prepare_v2(k->l->db, "SELECT max(id) FROM entries", -1, &s, NULL)) !=
	    SQLITE_OK)
		return lg_dberr(k->l, rc, _("preparing a check"), k->e);
	if (sqlite3_step(s) == SQLITE_ROW)
		max = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	if (max < 0 || (uint64_t)max >= SIZE_MAX / sizeof *who)
		return cart_fail(k->e, CART_NOMEM, _("out of memory"));
	who = calloc((size_t)max + 1, sizeof *who);
	side = calloc((size_t)max + 1, 1);   /* 0: no such entry */
	cur = calloc((size_t)max + 1, 1);
	if (!who || !side || !cur) {
		rc = cart_fail(k->e, CART_NOMEM, _("out of memory"));
		goto out;
	}
	if ((rc = sqlite3_prepare_v2(k->l->db, entry_sql, -1, &s, NULL)) != SQLITE_OK) {
		rc = lg_dberr(k->l, rc, _("preparing a check"), k->e);
		goto out;
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(s, 0);
		const char *sd = (const char *)sqlite3_column_text(s, 1);
		const char *c = (const char *)sqlite3_column_text(s, 3);
		int n;

		if (id < 0 || id > max || !sd || !c)
			continue;
		for (n = 0; n < ncur && strcmp(curs[n], c); n++)
			;
		if (n == ncur && ncur < 255)
			snprintf(curs[ncur++], 4, "%s", c);
		side[id] = (unsigned char)(sd[0] ? sd[0] : '?');
		who[id] = sqlite3_column_int64(s, 2);
		cur[id] = (unsigned char)n;   /* 255: past the 255th currency, compared as one */
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		rc = lg_dberr(k->l, rc, _("running a check"), k->e);
		goto out;
	}
	if ((rc = sqlite3_prepare_v2(k->l->db, alloc_sql, -1, &s, NULL)) != SQLITE_OK) {
		rc = lg_dberr(k->l, rc, _("preparing a check"), k->e);
		goto out;
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int64_t c = sqlite3_column_int64(s, 1), d = sqlite3_column_int64(s, 2);
		const char *why;

		if (c < 0 || c > max || d < 0 || d > max || !side[c] || !side[d])
			continue;
		why = side[c] != 'C' ? "its credit is a charge" : side[d] != 'D' ? "its charge is a credit"
		    : who[c] != who[d] ? "two clients" : cur[c] != cur[d] ? "two currencies" : NULL;
		if (why)
			problem(k, _("allocation %lld pairs entries that do not match: %s"),
			        (long long)sqlite3_column_int64(s, 0), why);
	}
	sqlite3_finalize(s);
	rc = rc == SQLITE_DONE ? CART_OK : lg_dberr(k->l, rc, _("running a check"), k->e);
out:
	free(who);
	free(side);
	free(cur);
	return rc;
}

static void bad_balance(checker *k, sqlite3_stmt *s)
{
	problem(k, _("client %lld in %s: open charges less open credits are %lld but the ledger"
	        " balance is %lld"), (long long)sqlite3_column_int64(s, 0), sqlite3_column_text(s, 1),
	        (long long)sqlite3_column_int64(s, 2), (long long)sqlite3_column_int64(s, 3));
}

static void bad_mirror(checker *k, sqlite3_stmt *s)
{
	problem(k, _("entry %lld does not mirror the entry %lld it reverses"),
	        (long long)sqlite3_column_int64(s, 0), (long long)sqlite3_column_int64(s, 1));
}

static void bad_series(checker *k, sqlite3_stmt *s)
{
	problem(k, _("the %s series has %lld documents but its next number is %lld"),
	        sqlite3_column_text(s, 0), (long long)sqlite3_column_int64(s, 1),
	        (long long)sqlite3_column_int64(s, 2));
}

static void bad_doc_client(checker *k, sqlite3_stmt *s)
{
	problem(k, _("entry %lld belongs to another client than its document %s"),
	        (long long)sqlite3_column_int64(s, 0), sqlite3_column_text(s, 1));
}

static void bad_name_key(checker *k, sqlite3_stmt *s)
{
	problem(k, _("client %lld (%s) is out of its place in the lists: its sort key does not match"
	             " its name (changed outside cartera?); saving the client in cartera mends it"),
	        (long long)sqlite3_column_int64(s, 0), sqlite3_column_text(s, 1));
}

static void bad_sqlite(checker *k, sqlite3_stmt *s)
{
	const unsigned char *t = sqlite3_column_text(s, 0);

	if (t && strcmp((const char *)t, "ok"))
		problem(k, _("SQLite integrity: %s"), t);
}

static void bad_fk(checker *k, sqlite3_stmt *s)
{
	problem(k, _("row %lld of %s points to a missing %s"), (long long)sqlite3_column_int64(s, 1),
	        sqlite3_column_text(s, 0), sqlite3_column_text(s, 2));
}

/* "GROUP BY +x": a scan and a sort beat walking an index with a row lookup per allocation. */
static const char inst_open_sql[] =
	"SELECT i.id, i.open, i.amount, i.amount - coalesce(a.s, 0) FROM instalments i"
	" LEFT JOIN (SELECT instalment_id AS id, sum(amount) AS s FROM allocations"
	"            WHERE instalment_id IS NOT NULL GROUP BY instalment_id) a ON a.id = i.id"
	" WHERE i.open <> i.amount - coalesce(a.s, 0)";

static const char inst_sum_sql[] =
	"SELECT e.id, d.number, coalesce(t.amt, 0), e.amount, coalesce(t.op, 0), e.open"
	" FROM entries e JOIN documents d ON d.id = e.document_id"
	" LEFT JOIN (SELECT entry_id, sum(amount) AS amt, sum(open) AS op, count(*) AS n"
	"            FROM instalments GROUP BY entry_id) t ON t.entry_id = e.id"
	" WHERE (e.n_inst > 0 OR t.n IS NOT NULL)"
	"   AND (coalesce(t.amt, 0) <> e.amount OR coalesce(t.op, 0) <> e.open"
	"        OR coalesce(t.n, 0) <> e.n_inst)";


/* Per client and currency, as of ?1: open charges - open credits must equal the ledger balance. */
static const char balance_sql[] =
	"WITH " LG_ITEMS_CTE ","
	" ob AS (SELECT client_id, currency, sum(CASE side WHEN 'D' THEN open ELSE -open END) AS net"
	"        FROM items GROUP BY client_id, currency),"
	" lb AS (SELECT client_id, currency, sum(CASE side WHEN 'D' THEN amount ELSE -amount END)"
	"        AS bal FROM entries WHERE date <= ?1 GROUP BY client_id, currency)"
	" SELECT lb.client_id, lb.currency, coalesce(ob.net, 0), lb.bal FROM lb"
	"  LEFT JOIN ob ON ob.client_id = lb.client_id AND ob.currency = lb.currency"
	"  WHERE lb.bal <> coalesce(ob.net, 0)"
	" UNION ALL"
	" SELECT ob.client_id, ob.currency, ob.net, 0 FROM ob"
	"  LEFT JOIN lb ON ob.client_id = lb.client_id AND ob.currency = lb.currency"
	"  WHERE lb.client_id IS NULL AND ob.net <> 0";

/* The kept balances (schema 018) against the entries, client by client (the covering index's
 * order: no sort); a kept row with no entries behind it is wrong too. */
static const char kept_balance_sql[] =
	"WITH x AS MATERIALIZED (SELECT client_id, currency,"
	"   sum(CASE side WHEN 'D' THEN amount ELSE 0 END) AS ch,"
	"   sum(CASE side WHEN 'C' THEN amount ELSE 0 END) AS cr FROM entries"
	"   GROUP BY client_id, currency)"
	" SELECT x.client_id, x.currency, coalesce(k.charges, 0), coalesce(k.credits, 0), x.ch, x.cr"
	"  FROM x LEFT JOIN balances k ON k.client_id = x.client_id AND k.currency = x.currency"
	"  WHERE k.charges IS NOT x.ch OR k.credits IS NOT x.cr"
	" UNION ALL"
	" SELECT k.client_id, k.currency, k.charges, k.credits, 0, 0 FROM balances k"
	"  WHERE NOT EXISTS (SELECT 1 FROM entries e WHERE e.client_id = k.client_id"
	"                      AND e.currency = k.currency)";

static void bad_kept_balance(checker *k, sqlite3_stmt *s)
{
	problem(k, _("client %lld in %s keeps charges %lld and credits %lld, but its entries add up"
	        " to %lld and %lld"), (long long)sqlite3_column_int64(s, 0), sqlite3_column_text(s, 1),
	        (long long)sqlite3_column_int64(s, 2), (long long)sqlite3_column_int64(s, 3),
	        (long long)sqlite3_column_int64(s, 4), (long long)sqlite3_column_int64(s, 5));
}

/* The sums kept by month for the trend (schema 021) against their recomputation from the rows
 * (month_flows_rows); a kept row with nothing behind it is wrong too. A sort of every entry,
 * instalment and allocation (10 s of CPU on the benchmark ledger): with --full only. */
static const char kept_months_sql[] =
	"SELECT coalesce(x.currency, k.currency), coalesce(x.month, k.month),"
	"  coalesce(x.due_month, k.due_month), k.charged, k.paid, k.sales, k.collected,"
	"  x.c, x.p, x.s, x.o"
	" FROM (SELECT currency, month, due_month, sum(charged) AS c, sum(paid) AS p,"
	"         sum(sales) AS s, sum(collected) AS o FROM month_flows_rows"
	"       GROUP BY currency, month, due_month) x"
	" FULL JOIN month_flows k USING (currency, month, due_month)"
	" WHERE coalesce(k.charged, 0) <> coalesce(x.c, 0) OR coalesce(k.paid, 0) <> coalesce(x.p, 0)"
	"    OR coalesce(k.sales, 0) <> coalesce(x.s, 0)"
	"    OR coalesce(k.collected, 0) <> coalesce(x.o, 0)";

/* The sums kept by day (schema 021) against the entries, in the same order (no sort of the
 * kept side); a kept day with no entries behind it is wrong too. With --full only, as above. */
static const char kept_days_sql[] =
	"WITH x AS MATERIALIZED (SELECT currency, date,"
	"   sum(CASE side WHEN 'D' THEN amount ELSE 0 END) AS d,"
	"   sum(CASE side WHEN 'C' THEN amount ELSE 0 END) AS c FROM entries GROUP BY currency, date)"
	" SELECT coalesce(x.currency, k.currency), coalesce(x.date, k.date), k.debits, k.credits,"
	"  x.d, x.c FROM x FULL JOIN day_flows k USING (currency, date)"
	" WHERE coalesce(k.debits, 0) <> coalesce(x.d, 0) OR coalesce(k.credits, 0) <> coalesce(x.c, 0)";

static void bad_kept_day(checker *k, sqlite3_stmt *s)
{
	problem(k, _("the sums kept for %s on %s are debits %lld and credits %lld, but its entries"
	        " add up to %lld and %lld"), sqlite3_column_text(s, 0), sqlite3_column_text(s, 1),
	        (long long)sqlite3_column_int64(s, 2), (long long)sqlite3_column_int64(s, 3),
	        (long long)sqlite3_column_int64(s, 4), (long long)sqlite3_column_int64(s, 5));
}

/* The latest allocation date kept on each entry and instalment (schema 022) against the
 * allocations: a sort of every allocation, with --full only, as above. Columns: 'e' or 'i', id,
 * kept, recomputed (NULL: none). */
static const char kept_last_alloc_sql[] =
	"SELECT 'e', e.id, e.last_alloc, a.d FROM entries e"
	" LEFT JOIN (SELECT id, max(d) AS d FROM (SELECT charge_id AS id, date AS d FROM allocations"
	"            UNION ALL SELECT credit_id, date FROM allocations) GROUP BY id) a ON a.id = e.id"
	" WHERE e.last_alloc IS NOT a.d"
	" UNION ALL SELECT 'i', i.id, i.last_alloc, a.d FROM instalments i"
	" LEFT JOIN (SELECT instalment_id AS id, max(date) AS d FROM allocations"
	"            WHERE instalment_id IS NOT NULL GROUP BY instalment_id) a ON a.id = i.id"
	" WHERE i.last_alloc IS NOT a.d";

static void bad_last_alloc(checker *k, sqlite3_stmt *s)
{
	const char *kept = (const char *)sqlite3_column_text(s, 2);
	const char *real = (const char *)sqlite3_column_text(s, 3);

	if (*sqlite3_column_text(s, 0) == 'e')
		problem(k, _("entry %lld keeps %s as the date of its latest allocation, but its"
		        " allocations say %s"), (long long)sqlite3_column_int64(s, 1),
		        kept ? kept : _("none"), real ? real : _("none"));
	else
		problem(k, _("instalment %lld keeps %s as the date of its latest allocation, but its"
		        " allocations say %s"), (long long)sqlite3_column_int64(s, 1),
		        kept ? kept : _("none"), real ? real : _("none"));
}

/* What is kept open per currency, side and due date (schema 023) against the open items
 * themselves (the kept open amounts of the charges without instalments, the credits and the
 * instalments, each proved against its allocations above); a kept row with nothing open behind
 * it is wrong too. A read of the open items' partial indexes and a sort: with --full only, as
 * the other kept sums. Columns: currency, side, due, kept, recomputed. */
static const char kept_due_open_sql[] =
	"WITH x AS MATERIALIZED (SELECT currency, side, due_date AS due, sum(open) AS o"
	"   FROM (SELECT currency, side, due_date, open FROM entries WHERE open <> 0 AND n_inst = 0"
	"         UNION ALL SELECT currency, 'D', due_date, open FROM instalments WHERE open <> 0)"
	"   GROUP BY currency, side, due_date)"
	" SELECT coalesce(x.currency, k.currency), coalesce(x.side, k.side), coalesce(x.due, k.due),"
	"  coalesce(k.open, 0), coalesce(x.o, 0) FROM x FULL JOIN due_open k USING (currency, side, due)"
	" WHERE coalesce(k.open, 0) <> coalesce(x.o, 0)";

static void bad_due_open(checker *k, sqlite3_stmt *s)
{
	if (*sqlite3_column_text(s, 1) == 'C')
		problem(k, _("the credits kept open in %s due %s add up to %lld, but the open credits"
		        " are %lld"), sqlite3_column_text(s, 0), sqlite3_column_text(s, 2),
		        (long long)sqlite3_column_int64(s, 3), (long long)sqlite3_column_int64(s, 4));
	else
		problem(k, _("the charges kept open in %s due %s add up to %lld, but the open charges"
		        " are %lld"), sqlite3_column_text(s, 0), sqlite3_column_text(s, 2),
		        (long long)sqlite3_column_int64(s, 3), (long long)sqlite3_column_int64(s, 4));
}

/* The count of open entries kept with each balance (schema 023) against the entries; an open
 * entry with no balance row is named by the balances' own check. Columns: client, currency,
 * kept, counted. */
static const char kept_open_n_sql[] =
	"SELECT b.client_id, b.currency, b.open_n, coalesce(x.n, 0) FROM balances b"
	" LEFT JOIN (SELECT client_id, currency, count(*) AS n FROM entries WHERE open <> 0"
	"            GROUP BY client_id, currency) x"
	"   ON x.client_id = b.client_id AND x.currency = b.currency"
	" WHERE b.open_n <> coalesce(x.n, 0)";

/* The earliest due date of the open charges kept with each balance (schema 023) against the
 * open charges and instalments, looked up through their indexes by client. Columns: client,
 * currency, kept, recomputed (NULL: none). */
static const char kept_due_min_sql[] =
	"SELECT client_id, currency, due_min, d FROM (SELECT b.client_id, b.currency, b.due_min,"
	"  " LG_DUE_MIN("b") " AS d FROM balances b)"
	" WHERE due_min IS NOT d";

static void bad_due_min(checker *k, sqlite3_stmt *s)
{
	const char *kept = (const char *)sqlite3_column_text(s, 2);
	const char *real = (const char *)sqlite3_column_text(s, 3);

	problem(k, _("client %lld in %s keeps %s as the earliest due date of its open charges, but"
	        " they say %s"), (long long)sqlite3_column_int64(s, 0), sqlite3_column_text(s, 1),
	        kept ? kept : _("none"), real ? real : _("none"));
}

static void bad_open_n(checker *k, sqlite3_stmt *s)
{
	problem(k, _("client %lld in %s keeps %lld open entries, but %lld of its entries are open"),
	        (long long)sqlite3_column_int64(s, 0), sqlite3_column_text(s, 1),
	        (long long)sqlite3_column_int64(s, 2), (long long)sqlite3_column_int64(s, 3));
}

static void bad_kept_month(checker *k, sqlite3_stmt *s)
{
	problem(k, _("the sums kept for %s in %s (due %s) are charged %lld, paid %lld, sales %lld,"
	        " collected %lld, but its rows add up to %lld, %lld, %lld and %lld"),
	        sqlite3_column_text(s, 0), sqlite3_column_text(s, 1), sqlite3_column_text(s, 2),
	        (long long)sqlite3_column_int64(s, 3), (long long)sqlite3_column_int64(s, 4),
	        (long long)sqlite3_column_int64(s, 5), (long long)sqlite3_column_int64(s, 6),
	        (long long)sqlite3_column_int64(s, 7), (long long)sqlite3_column_int64(s, 8),
	        (long long)sqlite3_column_int64(s, 9), (long long)sqlite3_column_int64(s, 10));
}

static const char mirror_sql[] =
	"SELECT m.id, o.id FROM entries m JOIN entries o ON o.id = m.reverses_id"
	" WHERE m.amount <> o.amount OR m.code <> o.code OR m.side = o.side"
	"    OR m.client_id <> o.client_id OR m.currency <> o.currency";

static const char series_sql[] =
	"SELECT s.doc_type, coalesce(c.n, 0), s.next_number FROM series s"
	" LEFT JOIN (SELECT type, count(*) AS n FROM documents GROUP BY type) c"
	"   ON c.type = s.doc_type"
	" WHERE coalesce(c.n, 0) <> s.next_number - 1";

/* the key the lists sort clients by (ledger_namekey.c) is the one of the name */
static const char name_key_sql[] =
	"SELECT id, name FROM clients WHERE name_key IS NOT cartera_name_key(name)"
	" OR search_key IS NOT cartera_search_key(name) ORDER BY id";

static const char doc_client_sql[] =
	"SELECT e.id, d.number FROM entries e JOIN documents d ON d.id = e.document_id"
	" WHERE e.client_id <> d.client_id";

/* Schema 004: a document's lines and tax, and a receipt's means and withholdings, add up to its
 * total. Driven from the detail tables, so documents without them cost nothing. */
static const char detail_sql[] =
	"SELECT d.number, d.total, l.s + coalesce(t.s, 0), 'lines and tax'"
	" FROM (SELECT document_id, sum(net) AS s FROM doc_lines GROUP BY document_id) l"
	" JOIN documents d ON d.id = l.document_id"
	" LEFT JOIN (SELECT document_id, sum(tax) AS s FROM doc_taxes GROUP BY document_id) t"
	"   ON t.document_id = l.document_id"
	" WHERE d.total <> l.s + coalesce(t.s, 0)"
	" UNION ALL"
	" SELECT d.number, d.total, m.s, 'means of payment and withholdings'"
	" FROM (SELECT document_id, sum(amount) AS s FROM (SELECT document_id, amount FROM"
	"        receipt_means UNION ALL SELECT document_id, amount FROM receipt_withholdings)"
	"       GROUP BY document_id) m"
	" JOIN documents d ON d.id = m.document_id WHERE d.total <> m.s";

static void bad_detail(checker *k, sqlite3_stmt *s)
{
	problem(k, _("the %s of %s add up to %lld, but its total is %lld"), sqlite3_column_text(s, 3),
	        sqlite3_column_text(s, 0), (long long)sqlite3_column_int64(s, 2),
	        (long long)sqlite3_column_int64(s, 1));
}

static int check_rows(checker *k, const char *asof, int full, int *bad_ranges);
static void safety_problem(void *k, const char *msg)
{
	problem(k, "%s", msg);
}
static int check_sums(checker *pk, ledger *l, const char *asof, int64_t *problems, cart_err *e);

typedef struct bucket_check {
	checker *k;
	int64_t charges[LEDGER_MAX_CURRENCIES], credits[LEDGER_MAX_CURRENCIES];
	char cur[LEDGER_MAX_CURRENCIES][4];
	int ncur;
} bucket_check;

static int check_aging_row(const aging_row *r, void *ud)
{
	bucket_check *b = ud;
	int64_t sum = r->not_due;
	int i;

	for (i = 0; i <= LEDGER_MAX_RANGES; i++)
		sum += r->range[i];
	if (sum != r->open_charges)
		problem(b->k, _("client %lld in %s: not due plus the overdue ranges is %lld, but the"
		        " open charges are %lld"), (long long)r->client_id, r->currency,
		        (long long)sum, (long long)r->open_charges);
	for (i = 0; i < b->ncur && strcmp(b->cur[i], r->currency); i++)
		;
	if (i == b->ncur && b->ncur < LEDGER_MAX_CURRENCIES)
		memcpy(b->cur[b->ncur++], r->currency, 4);
	if (i < LEDGER_MAX_CURRENCIES) {
		b->charges[i] += r->open_charges;
		b->credits[i] += r->credits;
	}
	return 0;
}

int ledger_check(ledger *l, const char *asof, check_cb cb, void *ud, int64_t *problems, cart_err *e)
{
	return ledger_check_full(l, asof, 0, cb, ud, problems, e);
}

/* What the plain check reads (issue 17: a nightly check near the floor): every row of every
 * table once, in C for the four big ones (every invariant and reference of the ledger), and
 * SQLite's quick check of each small table with its indexes. A damaged page of any table makes
 * SQLite fail the read, which is reported. PRAGMA integrity_check also compares every index
 * with its table, entry by entry, over the whole file, which is most of a full check's time on
 * a big ledger (31 of 38 s CPU on the benchmark's 800 MB): only with full. */
int ledger_check_full(ledger *l, const char *asof, int full, check_cb cb, void *ud,
                      int64_t *problems, cart_err *e)
{
	checker k = { l, cb, ud, 0, e };
	int rc, bad_ranges = 0;

	*problems = 0;
	if (lg_date(asof, _("the as-of date"), e) != CART_OK)
		return e->code;
	if (!lg_company(l, e))
		return e->code;
	/* The whole file is read: map it rather than page it through the small cache. */
	lg_exec(l, "PRAGMA mmap_size = 4294967296", _("mapping the ledger"), CART_IGNORED);
	/* the audit chain and the company's settings; the amounts in range with the rows */
	rc = lg_check_safety(l, safety_problem, &k, NULL, e);
	if (rc == CART_OK)
		rc = check_rows(&k, asof, full, &bad_ranges);
	/* the sums kept by month and by day (schema 021) recomputed from the rows: ~10 s CPU at
	 * the benchmark's size, so only with full */
	if (rc == CART_OK && full)
		rc = each_row(&k, kept_months_sql, NULL, bad_kept_month);
	if (rc == CART_OK && full)
		rc = each_row(&k, kept_days_sql, NULL, bad_kept_day);
	if (rc == CART_OK && full)
		rc = each_row(&k, kept_last_alloc_sql, NULL, bad_last_alloc);
	if (rc == CART_OK && full)
		rc = each_row(&k, kept_due_open_sql, NULL, bad_due_open);
	if (rc == CART_OK && full)
		rc = each_row(&k, kept_open_n_sql, NULL, bad_open_n);
	if (rc == CART_OK && full)
		rc = each_row(&k, kept_due_min_sql, NULL, bad_due_min);
	lg_exec(l, "PRAGMA mmap_size = 0", _("unmapping the ledger"), CART_IGNORED);
	if (rc || bad_ranges) {
		*problems = k.problems;
		return rc;
	}
	return check_sums(&k, l, asof, problems, e);
}

/* The four big tables (documents, entries, instalments, allocations) are checked in C, every row
 * read once (ledger_check_scan.c); their references too, when their foreign keys are the ones
 * that code knows. Every other table's references go through PRAGMA foreign_key_check, table
 * by table. */
static const char *const big_tables[] = { "documents", "entries", "instalments", "allocations" };
static const char *const big_refs[] =     /* "table.column>parent" */
	{ "documents.client_id>clients", "documents.voids_id>documents",
	  "documents.amends_id>documents", "entries.document_id>documents",
	  "entries.client_id>clients", "entries.reverses_id>entries",
	  "instalments.entry_id>entries", "instalments.client_id>clients",
	  "allocations.document_id>documents", "allocations.credit_id>entries",
	  "allocations.charge_id>entries", "allocations.instalment_id>instalments",
	  "allocations.reverses_id>allocations" };

static int is_big(const char *t)
{
	for (size_t i = 0; i < sizeof big_tables / sizeof big_tables[0]; i++)
		if (!strcmp(t, big_tables[i]))
			return 1;
	return 0;
}

/* every foreign key of table t is one ledger_check_scan.c checks */
static int refs_known(checker *k, const char *t)
{
	sqlite3_stmt *s;
	int known = 1;

	if (sqlite3_prepare_v2(k->l->db, "SELECT \"from\", \"table\", \"to\""
	                       " FROM pragma_foreign_key_list(?1)", -1, &s, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_text(s, 1, t, -1, SQLITE_STATIC);
	while (known && sqlite3_step(s) == SQLITE_ROW) {
		char ref[400];
		const unsigned char *to = sqlite3_column_text(s, 2);
		int found = 0;

		snprintf(ref, sizeof ref, "%s.%s>%s", t, sqlite3_column_text(s, 0),
		         sqlite3_column_text(s, 1));
		for (size_t i = 0; i < sizeof big_refs / sizeof big_refs[0]; i++)
			found |= !strcmp(ref, big_refs[i]);
		known = found && (!to || !strcmp((const char *)to, "id"));
	}
	sqlite3_finalize(s);
	return known;
}

/* Each table but the four big ones (their every row is read by the scan): with quick set,
 * SQLite's quick check of the table and its indexes (every page and row of it read once);
 * then the references of every table the scan did not check. */
static int check_tables(checker *k, int quick, int scanned)
{
	static const char tables_sql[] =
		"SELECT name FROM sqlite_master WHERE type = 'table'"
		" AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY rowid";
	sqlite3_stmt *s;
	int rc = sqlite3_prepare_v2(k->l->db, tables_sql, -1, &s, NULL), step;

	if (rc != SQLITE_OK)
		return lg_dberr(k->l, rc, _("preparing a check"), k->e);
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		char t[200], sql[300];
		int big;

		lg_copy(t, sizeof t, sqlite3_column_text(s, 0));
		big = is_big(t);
		if (quick && !big) {
			snprintf(sql, sizeof sql, "PRAGMA quick_check(\"%s\")", t);
			if ((rc = each_row(k, sql, NULL, bad_sqlite)) != CART_OK)
				break;
		}
		if (big && scanned && refs_known(k, t))
			continue;
		snprintf(sql, sizeof sql, "PRAGMA foreign_key_check(\"%s\")", t);
		if ((rc = each_row(k, sql, NULL, bad_fk)) != CART_OK)
			break;
	}
	sqlite3_finalize(s);
	if (rc != CART_OK)
		return rc;
	return step == SQLITE_DONE ? CART_OK : lg_dberr(k->l, step, _("running a check"), k->e);
}

static int check_rows(checker *k, const char *asof, int full, int *bad_ranges)
{
	int rc, now = 0, done = 0;

	/* --full: SQLite's own integrity check of the whole file, every index against its table
	 * (31 s CPU on the benchmark ledger); else the scan reads every row of the big tables and
	 * each small table gets its quick check */
	if (full && (rc = each_row(k, "PRAGMA integrity_check", NULL, bad_sqlite)))
		return rc;
	if ((rc = lg_asof_is_now(k->l, asof, &now, k->e)) ||
	    (rc = lg_check_scan(k->l, asof, now, safety_problem, k, &done, bad_ranges, k->e)) ||
	    (!(done & LG_SCAN_ROWS) &&
	     (rc = lg_check_ranges(k->l, safety_problem, k, bad_ranges, k->e))) ||
	    (rc = check_tables(k, !full, done & LG_SCAN_ROWS)))
		return rc;
	/* amounts out of range (a hand-edited file) would overflow every sum: they are named, the
	 * sums left out */
	if (*bad_ranges) {
		problem(k, "%s", _("the sums were not checked: amounts out of range would overflow"
		        " them"));
		return CART_OK;
	}
	if (!(done & LG_SCAN_ROWS) &&
	    ((rc = check_entry_open(k)) ||
	     (rc = each_row(k, inst_open_sql, NULL, bad_inst_open)) ||
	     (rc = each_row(k, inst_sum_sql, NULL, bad_inst_sum)) ||
	     (rc = check_pairs(k)) ||
	     (rc = each_row(k, doc_client_sql, NULL, bad_doc_client)) ||
	     (rc = each_row(k, series_sql, NULL, bad_series))))
		return rc;
	if ((rc = each_row(k, mirror_sql, NULL, bad_mirror)) ||
	    (rc = each_row(k, name_key_sql, NULL, bad_name_key)) ||
	    (rc = each_row(k, detail_sql, NULL, bad_detail)))
		return rc;
	if ((!(done & LG_SCAN_BALANCES) || !now) &&
	    (rc = each_row(k, balance_sql, asof, bad_balance)))
		return rc;
	if (!(done & LG_SCAN_BALANCES) &&
	    (rc = each_row(k, kept_balance_sql, NULL, bad_kept_balance)))
		return rc;
	return CART_OK;
}

static int check_sums(checker *pk, ledger *l, const char *asof, int64_t *problems, cart_err *e)
{
	checker k = *pk;
	bucket_check b = { .k = &k };
	const company *co = lg_company(l, e);
	totals t[LEDGER_MAX_CURRENCIES];
	balance bal[LEDGER_MAX_CURRENCIES];
	int nt, nb, rc;

	if (!co)
		return e->code;

	/* The buckets add up, and the totals agree with aging and with the ledger. */
	if ((rc = ledger_aging(l, asof, co->ranges, co->n_ranges, check_aging_row, &b, e)))
		return rc;
	if ((rc = ledger_totals(l, 0, asof, t, &nt, e)) ||
	    (rc = ledger_balance(l, 0, asof, bal, &nb, e)))
		return rc;
	for (int i = 0; i < nt; i++) {
		int j;
		int64_t ledger_bal = 0;

		for (j = 0; j < nb; j++)
			if (!strcmp(bal[j].currency, t[i].currency))
				ledger_bal = bal[j].balance;
		if (t[i].net != ledger_bal)
			problem(&k, _("in %s the net balance is %lld but the ledger balance is %lld"),
			        t[i].currency, (long long)t[i].net, (long long)ledger_bal);
		for (j = 0; j < b.ncur; j++) {
			if (strcmp(b.cur[j], t[i].currency))
				continue;
			if (b.charges[j] != t[i].due + t[i].overdue || b.credits[j] != t[i].credits)
				problem(&k, _("in %s the aging adds up to %lld charges and %lld credits, the"
				        " totals to %lld and %lld"), t[i].currency, (long long)b.charges[j],
				        (long long)b.credits[j], (long long)(t[i].due + t[i].overdue),
				        (long long)t[i].credits);
		}
	}
	for (int j = 0; j < nb; j++) {
		int found = 0;

		for (int i = 0; i < nt; i++)
			found |= !strcmp(bal[j].currency, t[i].currency);
		if (!found && bal[j].balance != 0)
			problem(&k, _("in %s nothing is open but the ledger balance is %lld"),
			        bal[j].currency, (long long)bal[j].balance);
	}
	*problems = k.problems;
	return CART_OK;
}
