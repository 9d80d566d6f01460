/* Bulk loading: demo data, the benchmark ledger, imports. One transaction for the whole load.
 * The secondary indexes and the allocation triggers are dropped for its length (rebuilding them
 * afterwards is several times faster than keeping them up to date row by row); the posting
 * functions still validate every document, against open amounts kept here in memory; and before
 * the load commits, the kept open amounts are recomputed from the allocations by set-based SQL
 * (the CHECK constraints refuse any over-allocation), every allocation is verified as the
 * triggers would have, every reference is checked (foreign keys are off during the load), and
 * the opening-date rule is checked. A load that fails anywhere leaves
 * the ledger as it was. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ledger_int.h"
#include "cartera/i18n.h"

/* What the load knows of each entry it created. */
typedef struct bentry {
	int64_t client_id;
	int64_t open;
	int64_t first_inst;
	date_t date;
	uint16_t n_inst;
	char side;
	char cur[4];
} bentry;

/* The load's charges and credits per client and currency, for the kept balances (schema 018):
 * an open-addressing table, grown at half full. */
typedef struct bsum {
	int64_t client_id;    /* 0: free */
	int64_t charges, credits;
	char cur[4];
} bsum;

/* What the postings need of a client, kept once read: the load posts many documents for each
 * client, and a lookup per document was a fifth of the posting time. */
typedef struct bclient {
	char *name;                   /* NULL: not read yet */
	int terms_days, charge_mode;
	char active;
	char opening[DATE_LEN];
} bclient;

struct bulk {
	char **sql;                   /* definitions of the dropped indexes and triggers */
	int nsql;
	int64_t ebase, ibase, abase;  /* first entry / instalment / allocation id of the load */
	bentry *e;
	size_t ne, cape;
	int64_t *iopen;
	size_t ni, capi;
	char prefix[DOC_NTYPES][8];
	int64_t next[DOC_NTYPES];
	int64_t docs;
	int failed;
	int left_wal;                 /* switched to a rollback journal for the load */
	bsum *sums;
	size_t nsums, capsums;        /* capsums: a power of two */
	bclient *cl;                  /* by client id */
	size_t capcl;
};

/* Everything that would slow a load: the non-unique indexes of the big tables and the triggers
 * that check and move each allocation. */
static const char dropped_sql[] =
	"SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL"
	" AND ((type = 'index' AND tbl_name IN ('entries', 'instalments', 'allocations', 'documents')"
	"       AND sql NOT LIKE 'CREATE UNIQUE%')"
	"   OR (type = 'trigger' AND name IN ('allocations_check', 'allocations_move_open',"
	"                                     'entries_after_opening', 'entries_balances',"
	"                                     'entries_month_flows', 'instalments_month_flows',"
	"                                     'allocations_month_flows', 'entries_day_flows',"
	"                                     'entries_due_open', 'instalments_due_open',"
	"                                     'allocations_due_open', 'entries_open_n',"
	"                                     'entries_open_n_moved', 'entries_due_min',"
	"                                     'instalments_due_min')))";

static void bulk_free(ledger *l)
{
	struct bulk *b = l->b;

	if (!b)
		return;
	for (int i = 0; i < b->nsql; i++)
		free(b->sql[i]);
	free(b->sql);
	free(b->e);
	free(b->iopen);
	free(b->sums);
	for (size_t i = 0; i < b->capcl; i++)
		free(b->cl[i].name);
	free(b->cl);
	free(b);
	l->b = NULL;
	l->bulk = 0;
}

/* In WAL mode a load is written twice, to the log and then to the file. When no other clerk has
 * the ledger open, the load uses a rollback journal instead (as safe, and the pages of a new file
 * have nothing to journal); with others connected it stays in WAL. */
static void leave_wal(ledger *l)
{
	sqlite3_stmt *s;

	if (sqlite3_prepare_v2(l->db, "PRAGMA journal_mode = TRUNCATE", -1, &s, NULL) != SQLITE_OK)
		return;
	if (sqlite3_step(s) == SQLITE_ROW &&
	    !strcmp((const char *)sqlite3_column_text(s, 0), "truncate"))
		l->b->left_wal = 1;
	sqlite3_finalize(s);
}

static void restore_pragmas(ledger *l)
{
	if (l->b && l->b->left_wal)
		lg_exec(l, "PRAGMA journal_mode = WAL", _("returning to WAL"), CART_IGNORED);
	lg_exec(l, "PRAGMA cache_size = -2000", _("restoring the cache"), CART_IGNORED);
	lg_exec(l, "PRAGMA temp_store = DEFAULT", _("restoring temp storage"), CART_IGNORED);
	lg_exec(l, "PRAGMA synchronous = FULL", _("restoring durability"), CART_IGNORED);
	lg_exec(l, "PRAGMA foreign_keys = ON", _("enabling foreign keys"), CART_IGNORED);
}

int ledger_bulk_begin(ledger *l, cart_err *e)
{
	struct bulk *b;
	sqlite3_stmt *s;
	char drop[300];
	int rc;

	if (l->depth || l->bulk)
		return cart_fail(e, CART_DB, _("a bulk load cannot start inside a transaction"));
	if (!lg_company(l, e))
		return e->code;
	if (!(b = calloc(1, sizeof *b)))
		return cart_fail(e, CART_NOMEM, _("out of memory starting a bulk load"));
	l->b = b;
	leave_wal(l);
	lg_exec(l, "PRAGMA cache_size = -1048576", _("raising the cache"), CART_IGNORED);
	lg_exec(l, "PRAGMA temp_store = MEMORY", _("keeping temporary data in memory"), CART_IGNORED);
	if (!b->left_wal)
		lg_exec(l, "PRAGMA synchronous = NORMAL", _("relaxing durability"), CART_IGNORED);
	/* Each row's references are checked once for the whole load at its end (a cursor opened on
	 * every parent table for every row inserted cost more than the rows themselves). */
	lg_exec(l, "PRAGMA foreign_keys = OFF", _("starting a bulk load"), CART_IGNORED);
	if ((rc = lg_begin(l, e)) != CART_OK)
		goto fail;

	/* Read every definition first: SQLite will not drop while the schema is being read. */
	rc = sqlite3_prepare_v2(l->db, dropped_sql, -1, &s, NULL);
	while (rc == SQLITE_OK || rc == SQLITE_ROW) {
		char **n;

		if ((rc = sqlite3_step(s)) != SQLITE_ROW)
			break;
		n = realloc(b->sql, sizeof *n * (size_t)(b->nsql + 2));

		if (!n) {
			sqlite3_finalize(s);
			rc = cart_fail(e, CART_NOMEM, _("out of memory starting a bulk load"));
			goto fail;
		}
		b->sql = n;
		b->sql[b->nsql++] = strdup((const char *)sqlite3_column_text(s, 2));
		snprintf(drop, sizeof drop, "DROP %s \"%s\"", sqlite3_column_text(s, 0),
		         sqlite3_column_text(s, 1));
		b->sql[b->nsql++] = strdup(drop);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		rc = lg_dberr(l, rc, _("starting a bulk load"), e);
		goto fail;
	}
	for (int i = 1; i < b->nsql; i += 2)
		if ((rc = lg_exec(l, b->sql[i], _("starting a bulk load"), e)) != CART_OK)
			goto fail;

	/* Numbers continue each series; ids continue each table. */
	rc = sqlite3_prepare_v2(l->db, "SELECT doc_type, prefix, next_number FROM series", -1, &s,
	                        NULL);
	while (rc == SQLITE_OK || rc == SQLITE_ROW) {
		int t;

		if ((rc = sqlite3_step(s)) != SQLITE_ROW)
			break;
		t = doc_type_parse((const char *)sqlite3_column_text(s, 0));

		if (t < 0)
			continue;
		snprintf(b->prefix[t], sizeof b->prefix[t], "%s", sqlite3_column_text(s, 1));
		b->next[t] = sqlite3_column_int64(s, 2);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		rc = lg_dberr(l, rc, _("starting a bulk load"), e);
		goto fail;
	}
	if ((rc = lg_scalar_int(l, "SELECT coalesce(max(id), 0) + 1 FROM entries", 0, &b->ebase, e)) ||
	    (rc = lg_scalar_int(l, "SELECT coalesce(max(id), 0) + 1 FROM instalments", 0, &b->ibase,
	                        e)) ||
	    (rc = lg_scalar_int(l, "SELECT coalesce(max(id), 0) + 1 FROM allocations", 0, &b->abase,
	                        e)))
		goto fail;
	{
		sqlite3_stmt *t;

		if (sqlite3_prepare_v2(l->db, "SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now')", -1, &t,
		                       NULL) == SQLITE_OK && sqlite3_step(t) == SQLITE_ROW)
			lg_copy(l->posted_at, sizeof l->posted_at, sqlite3_column_text(t, 0));
		sqlite3_finalize(t);
	}
	l->bulk = 1;
	return CART_OK;
fail:
	ledger_bulk_abort(l);
	return rc ? rc : CART_DB;
}

void ledger_bulk_abort(ledger *l)
{
	l->bulk = 0;
	while (l->depth > 0)
		lg_rollback(l);
	restore_pragmas(l);
	bulk_free(l);
	l->have_co = 0;
}

void lg_bulk_failed(ledger *l)
{
	if (l->b)
		l->b->failed = 1;
}

int lg_bulk_number(ledger *l, int type, char number[32], cart_err *e)
{
	struct bulk *b = l->b;

	if (!b->prefix[type][0])
		return cart_fail(e, CART_DB, _("no number series for %s"), doc_type_name(type));
	snprintf(number, 32, "%s-%06lld", b->prefix[type], (long long)b->next[type]++);
	b->docs++;
	return CART_OK;
}

/* Client ids beyond this are looked up each time (ids are dense: a ledger's clients' rowids). */
#define BULK_MAX_CLIENT_ID ((int64_t)1 << 24)

int lg_bulk_client(ledger *l, int64_t id, client *c)
{
	struct bulk *b = l->b;
	const bclient *x;

	if (!b || id <= 0 || (size_t)id >= b->capcl || !b->cl[id].name)
		return CART_NOTFOUND;
	x = &b->cl[id];
	memset(c, 0, sizeof *c);
	c->id = id;
	lg_copy(c->name, sizeof c->name, (const unsigned char *)x->name);
	c->active = x->active;
	c->terms_days = x->terms_days;
	c->charge_mode = x->charge_mode;
	memcpy(c->opening_date, x->opening, sizeof c->opening_date);
	return CART_OK;
}

void lg_bulk_client_keep(ledger *l, const client *c)
{
	struct bulk *b = l->b;
	bclient *x;

	if (!b || c->id <= 0 || c->id >= BULK_MAX_CLIENT_ID)
		return;
	if ((size_t)c->id >= b->capcl) {
		size_t cap = b->capcl ? b->capcl : 1024;
		bclient *n;

		while (cap <= (size_t)c->id)
			cap *= 2;
		if (!(n = realloc(b->cl, sizeof *n * cap)))
			return;
		memset(n + b->capcl, 0, sizeof *n * (cap - b->capcl));
		b->cl = n;
		b->capcl = cap;
	}
	x = &b->cl[c->id];
	free(x->name);
	if (!(x->name = strdup(c->name)))
		return;
	x->active = (char)c->active;
	x->terms_days = c->terms_days;
	x->charge_mode = c->charge_mode;
	memcpy(x->opening, c->opening_date, sizeof x->opening);
}

void lg_bulk_client_forget(ledger *l, int64_t id)
{
	struct bulk *b = l->b;

	if (b && id > 0 && (size_t)id < b->capcl) {
		free(b->cl[id].name);
		b->cl[id].name = NULL;
	}
}

static bsum *bsum_slot(bsum *t, size_t cap, int64_t client_id, const char *cur)
{
	uint64_t k = (uint64_t)client_id * 0x9e3779b97f4a7c15u;
	size_t h;

	for (int i = 0; i < 3 && cur[i]; i++)
		k ^= (uint64_t)(unsigned char)cur[i] << (8 * i);
	h = (size_t)(k ^ k >> 29) & (cap - 1);

	while (t[h].client_id && (t[h].client_id != client_id || strcmp(t[h].cur, cur)))
		h = (h + 1) & (cap - 1);
	return &t[h];
}

static int bsum_add(struct bulk *b, int64_t client_id, const char *cur, char side, int64_t amount)
{
	bsum *x;

	if (2 * (b->nsums + 1) > b->capsums) {
		size_t cap = b->capsums ? b->capsums * 2 : 4096;
		bsum *t = calloc(cap, sizeof *t);

		if (!t)
			return -1;
		for (size_t i = 0; i < b->capsums; i++)
			if (b->sums[i].client_id)
				*bsum_slot(t, cap, b->sums[i].client_id, b->sums[i].cur) = b->sums[i];
		free(b->sums);
		b->sums = t;
		b->capsums = cap;
	}
	x = bsum_slot(b->sums, b->capsums, client_id, cur);
	if (!x->client_id) {
		x->client_id = client_id;
		snprintf(x->cur, sizeof x->cur, "%s", cur);
		b->nsums++;
	}
	if (side == 'D')
		x->charges += amount;
	else
		x->credits += amount;
	return 0;
}

int lg_bulk_entry(ledger *l, int64_t id, int64_t client_id, const char *cur, char side,
                  const char *date, int64_t amount, int n_inst, cart_err *e)
{
	struct bulk *b = l->b;
	bentry *x;

	if (id != b->ebase + (int64_t)b->ne)
		return cart_fail(e, CART_DB, _("entry %lld out of sequence in a bulk load"), (long long)id);
	if (b->ne == b->cape) {
		size_t cap = b->cape ? b->cape * 2 : 4096;
		bentry *n = realloc(b->e, sizeof *n * cap);

		if (!n)
			return cart_fail(e, CART_NOMEM, _("out of memory in a bulk load"));
		b->e = n;
		b->cape = cap;
	}
	if (client_id <= 0)
		return cart_fail(e, CART_DB, _("entry %lld has no client in a bulk load"), (long long)id);
	if (bsum_add(b, client_id, cur, side, amount))
		return cart_fail(e, CART_NOMEM, _("out of memory in a bulk load"));
	x = &b->e[b->ne++];
	x->client_id = client_id;
	x->open = amount;
	x->first_inst = 0;
	date_parse(date, &x->date, CART_IGNORED);
	x->n_inst = (uint16_t)n_inst;
	x->side = side;
	memcpy(x->cur, cur, 4);
	return CART_OK;
}

int lg_bulk_instalment(ledger *l, int64_t id, int64_t entry_id, int64_t amount, cart_err *e)
{
	struct bulk *b = l->b;
	bentry *x;

	if (id != b->ibase + (int64_t)b->ni || entry_id < b->ebase ||
	    entry_id >= b->ebase + (int64_t)b->ne)
		return cart_fail(e, CART_DB, _("instalment %lld out of sequence in a bulk load"),
		                 (long long)id);
	if (b->ni == b->capi) {
		size_t cap = b->capi ? b->capi * 2 : 4096;
		int64_t *n = realloc(b->iopen, sizeof *n * cap);

		if (!n)
			return cart_fail(e, CART_NOMEM, _("out of memory in a bulk load"));
		b->iopen = n;
		b->capi = cap;
	}
	b->iopen[b->ni++] = amount;
	x = &b->e[entry_id - b->ebase];
	if (!x->first_inst)
		x->first_inst = id;
	return CART_OK;
}

static bentry *bentry_of(ledger *l, int64_t id)
{
	struct bulk *b = l->b;

	if (!b || id < b->ebase || id >= b->ebase + (int64_t)b->ne)
		return NULL;
	return &b->e[id - b->ebase];
}

int lg_bulk_entry_get(ledger *l, int64_t id, entry_info *x)
{
	bentry *be = bentry_of(l, id);

	if (!be)
		return CART_NOTFOUND;
	memset(x, 0, sizeof *x);
	x->id = id;
	x->client_id = be->client_id;
	x->side = be->side;
	date_format(be->date, x->date);
	memcpy(x->currency, be->cur, 4);
	x->open = be->open;
	x->n_inst = be->n_inst;
	snprintf(x->number, sizeof x->number, "entry %lld", (long long)id);
	return CART_OK;
}

int lg_bulk_instalments(ledger *l, int64_t entry_id, int64_t *first, int *n)
{
	bentry *be = bentry_of(l, entry_id);

	if (!be)
		return CART_NOTFOUND;
	*first = be->first_inst;
	*n = be->n_inst;
	return CART_OK;
}

int64_t lg_bulk_iopen(ledger *l, int64_t inst_id)
{
	struct bulk *b = l->b;

	if (!b || inst_id < b->ibase || inst_id >= b->ibase + (int64_t)b->ni)
		return -1;
	return b->iopen[inst_id - b->ibase];
}

void lg_bulk_allocate(ledger *l, int64_t credit, int64_t charge, int64_t inst, int64_t amount)
{
	struct bulk *b = l->b;
	bentry *x;

	if ((x = bentry_of(l, credit)))
		x->open -= amount;
	if ((x = bentry_of(l, charge)))
		x->open -= amount;
	if (inst >= b->ibase && inst < b->ibase + (int64_t)b->ni)
		b->iopen[inst - b->ibase] -= amount;
}

/* ---- the end of a load: recompute, verify, rebuild, commit ---- */

/* The kept open amounts and latest allocation dates (022_last_alloc.sql), from the allocations;
 * only rows that differ are written, and the CHECK (open BETWEEN 0 AND amount) refuses any
 * over-allocation. */
static const char reopen_entries_sql[] =
	"UPDATE entries SET open = entries.amount - a.s, last_alloc = a.d"
	" FROM (SELECT id, sum(amt) AS s, max(d) AS d FROM (SELECT charge_id AS id, amount AS amt,"
	"         date AS d FROM allocations UNION ALL SELECT credit_id, amount, date FROM allocations)"
	"       GROUP BY id) AS a"
	" WHERE a.id = entries.id"
	"   AND (entries.open <> entries.amount - a.s OR entries.last_alloc IS NOT a.d)";

static const char reopen_inst_sql[] =
	"UPDATE instalments SET open = instalments.amount - a.s, last_alloc = a.d"
	" FROM (SELECT instalment_id AS id, sum(amount) AS s, max(date) AS d FROM allocations"
	"       WHERE instalment_id IS NOT NULL GROUP BY instalment_id) AS a"
	" WHERE a.id = instalments.id"
	"   AND (instalments.open <> instalments.amount - a.s OR instalments.last_alloc IS NOT a.d)";

/* What the allocation trigger checks, for every allocation at once; the first offender. */
static const char verify_alloc_sql[] =
	"SELECT a.id FROM allocations a"
	" LEFT JOIN entries c ON c.id = a.credit_id LEFT JOIN entries d ON d.id = a.charge_id"
	" LEFT JOIN instalments i ON i.id = a.instalment_id"
	" WHERE c.side IS NOT 'C' OR d.side IS NOT 'D' OR c.client_id <> d.client_id"
	"    OR c.currency <> d.currency OR a.date < c.date OR a.date < d.date"
	"    OR (d.n_inst > 0) <> (a.instalment_id IS NOT NULL)"
	"    OR (a.instalment_id IS NOT NULL AND i.entry_id IS NOT a.charge_id)"
	"    OR (a.reverses_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM allocations o"
	"        WHERE o.id = a.reverses_id AND o.amount = -a.amount AND o.credit_id = a.credit_id"
	"          AND o.charge_id = a.charge_id AND o.instalment_id IS a.instalment_id))"
	" LIMIT 1";

/* The kept balances (schema 018), which the dropped trigger moves entry by entry: the load's
 * entries as added up while they were posted (lg_bulk_entry), one row per client and currency.
 * `cartera check` proves them against the entries. */
static const char balances_sql[] =
	"INSERT INTO balances (client_id, currency, charges, credits) VALUES (?1, ?2, ?3, ?4)"
	" ON CONFLICT (client_id, currency) DO UPDATE SET charges = charges + excluded.charges,"
	"   credits = credits + excluded.credits";

/* The sums kept by month (schema 021), which the dropped triggers move row by row: the load's
 * own entries, instalments and allocations, each kind from its first id, added up once. */
static const char month_flows_sql[] =
	"INSERT INTO month_flows (currency, month, due_month, charged, paid, sales, collected)"
	" SELECT currency, month, due_month, sum(charged), sum(paid), sum(sales), sum(collected)"
	"  FROM month_flows_rows WHERE kind = ?1 AND id >= ?2 GROUP BY currency, month, due_month"
	" ON CONFLICT (currency, month, due_month) DO UPDATE SET charged = charged + excluded.charged,"
	"   paid = paid + excluded.paid, sales = sales + excluded.sales,"
	"   collected = collected + excluded.collected";

/* The sums kept by day (schema 021): the load's entries, added up once. */
static const char day_flows_sql[] =
	"INSERT INTO day_flows (currency, date, debits, credits)"
	" SELECT currency, date, sum(CASE side WHEN 'D' THEN amount ELSE 0 END),"
	"   sum(CASE side WHEN 'C' THEN amount ELSE 0 END) FROM entries WHERE id >= ?1"
	"  GROUP BY currency, date"
	" ON CONFLICT (currency, date) DO UPDATE SET debits = debits + excluded.debits,"
	"   credits = credits + excluded.credits";

/* What is open per currency, side and due date, how many open entries each client has and the
 * earliest due date of its open charges (schema 023), which the dropped triggers move row by
 * row: recomputed whole from the open items
 * (their partial indexes, rebuilt by then, read in the order of each GROUP BY: no sort), since
 * the load's allocations may have paid older entries too. */
static const char due_open_sql[] =
	"DELETE FROM due_open;"
	"INSERT INTO due_open (currency, side, due, open)"
	" SELECT currency, side, due_date, sum(open) FROM entries WHERE open <> 0 AND n_inst = 0"
	"  GROUP BY side, due_date, currency;"
	"INSERT INTO due_open (currency, side, due, open)"
	" SELECT currency, 'D', due_date, sum(open) FROM instalments WHERE open <> 0"
	"  GROUP BY due_date, currency"
	" ON CONFLICT (currency, side, due) DO UPDATE SET open = open + excluded.open;"
	"UPDATE balances SET open_n = x.n"
	" FROM (SELECT b.client_id AS cid, b.currency AS cur, (SELECT count(*) FROM entries e"
	"        WHERE e.client_id = b.client_id AND e.currency = b.currency AND e.open <> 0) AS n"
	"       FROM balances b) AS x"
	" WHERE x.cid = balances.client_id AND x.cur = balances.currency AND balances.open_n <> x.n;"
	"UPDATE balances SET due_min = " LG_DUE_MIN("balances");

static const char verify_opening_sql[] =
	"SELECT d.number FROM clients c JOIN entries e ON e.client_id = c.id"
	" JOIN documents d ON d.id = e.document_id"
	" WHERE c.opening_date IS NOT NULL AND e.code IN ('CF', 'CGC') AND e.reverses_id IS NULL"
	"   AND e.date < c.opening_date LIMIT 1";

int ledger_bulk_end(ledger *l, cart_err *e)
{
	struct bulk *b = l->b;
	sqlite3_stmt *s, *s2;
	char detail[64];
	int64_t bad = 0;
	int rc = CART_OK;

	if (!l->bulk || !b)
		return cart_fail(e, CART_DB, _("no bulk load is running"));
	if (b->failed) {
		ledger_bulk_abort(l);
		return cart_fail(e, CART_REFUSED, _("a posting failed during the bulk load; nothing"
		                 " was written"));
	}
	l->bulk = 0;
	/* 1. the number series continue where the load left them */
	rc = sqlite3_prepare_v2(l->db, "UPDATE series SET next_number = ?2 WHERE doc_type = ?1",
	                        -1, &s, NULL);
	for (int t = 0; rc == SQLITE_OK && t < DOC_NTYPES; t++) {
		if (!b->prefix[t][0])
			continue;
		sqlite3_reset(s);
		lg_bind_text(s, 1, doc_type_name(t));
		lg_bind_int(s, 2, b->next[t]);
		rc = sqlite3_step(s) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(l->db);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_OK) {
		rc = lg_dberr(l, rc, _("saving the number series"), e);
		goto fail;
	}
	if ((rc = lg_exec(l, reopen_entries_sql, _("recomputing open amounts"), e)) ||
	    (rc = lg_exec(l, reopen_inst_sql, _("recomputing open instalments"), e)))
		goto fail;
	if ((rc = lg_scalar_int(l, verify_alloc_sql, 0, &bad, e)))
		goto fail;
	if (bad) {
		rc = cart_fail(e, CART_REFUSED, _("allocation %lld of the bulk load breaks the ledger's"
		               " rules; nothing was written"), (long long)bad);
		goto fail;
	}
	/* 3. every reference names a row that exists */
	rc = sqlite3_prepare_v2(l->db, "PRAGMA foreign_key_check", -1, &s, NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW)
		cart_fail(e, CART_REFUSED, _("row %lld of %s in the bulk load refers to a missing row"
		          " of %s; nothing was written"), (long long)sqlite3_column_int64(s, 1),
		          sqlite3_column_text(s, 0), sqlite3_column_text(s, 2));
	sqlite3_finalize(s);
	if (rc == SQLITE_ROW) {
		rc = CART_REFUSED;
		goto fail;
	}
	if (rc != SQLITE_DONE) {
		rc = lg_dberr(l, rc, _("checking references"), e);
		goto fail;
	}
	/* 4. the indexes and triggers come back */
	for (int i = 0; i < b->nsql; i += 2)
		if ((rc = lg_exec(l, b->sql[i], _("rebuilding an index"), e)))
			goto fail;
	/* 5. the kept balances take the load's entries */
	rc = sqlite3_prepare_v2(l->db, balances_sql, -1, &s, NULL);
	for (size_t i = 0; rc == SQLITE_OK && i < b->capsums; i++) {
		const bsum *x = &b->sums[i];

		if (!x->client_id)
			continue;
		sqlite3_reset(s);
		lg_bind_int(s, 1, x->client_id);
		lg_bind_text(s, 2, x->cur);
		lg_bind_int(s, 3, x->charges);
		lg_bind_int(s, 4, x->credits);
		rc = sqlite3_step(s) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(l->db);
	}
	if (rc == SQLITE_OK)
		rc = SQLITE_DONE;
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		rc = lg_dberr(l, rc, _("adding up the balances"), e);
		goto fail;
	}
	rc = sqlite3_prepare_v2(l->db, month_flows_sql, -1, &s, NULL);
	for (int k = 0; rc == SQLITE_OK && k < 3; k++) {
		sqlite3_reset(s);
		lg_bind_text(s, 1, k == 0 ? "e" : k == 1 ? "i" : "a");
		lg_bind_int(s, 2, k == 0 ? b->ebase : k == 1 ? b->ibase : b->abase);
		rc = sqlite3_step(s) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(l->db);
	}
	if (rc == SQLITE_OK &&
	    (rc = sqlite3_prepare_v2(l->db, day_flows_sql, -1, &s2, NULL)) == SQLITE_OK) {
		lg_bind_int(s2, 1, b->ebase);
		rc = sqlite3_step(s2) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(l->db);
		sqlite3_finalize(s2);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_OK) {
		rc = lg_dberr(l, rc, _("adding up the months"), e);
		goto fail;
	}
	if ((rc = lg_exec(l, due_open_sql, _("adding up what is open"), e)))
		goto fail;
	/* 6. no invoice before its client's opening balance (SPEC L3) */
	rc = sqlite3_prepare_v2(l->db, verify_opening_sql, -1, &s, NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW)
		cart_fail(e, CART_REFUSED, _("invoice %s of the bulk load is dated before its client's"
		          " opening balance; nothing was written"), sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	if (rc == SQLITE_ROW) {
		rc = CART_REFUSED;
		goto fail;
	}
	if (rc != SQLITE_DONE) {
		rc = lg_dberr(l, rc, _("checking opening dates"), e);
		goto fail;
	}
	snprintf(detail, sizeof detail, "%lld documents", (long long)b->docs);
	if ((rc = lg_audit(l, "bulk load", 0, 0, detail, e)) || (rc = lg_commit(l, e)))
		goto fail;
	restore_pragmas(l);
	bulk_free(l);
	lg_exec(l, "PRAGMA analysis_limit = 1000; ANALYZE", _("updating statistics"), CART_IGNORED);
	return CART_OK;
fail:
	ledger_bulk_abort(l);
	return rc;
}
