/* The open items as of any date, in C (issue 17: as-of reports near the floor). The same rows as
 * LG_ITEMS_CTE, which the aging's reference SQL still uses: what is open now is kept on each entry
 * and instalment (read from their partial indexes), and whatever the allocations dated after the
 * date took is given back. The CTE joined the allocations dated after the date to their entries
 * in SQL (a random row read for each, then the entries closed since looked up one by one through
 * correlated subqueries): 33x the scan floor 180 days back on the benchmark ledger. Here the
 * allocations dated after the date are read once through a covering index and added up in an
 * array indexed by id; the entries and instalments closed now but allocated after the date are
 * read in one range of the partial indexes on their latest allocation date (022_last_alloc.sql),
 * which carry the columns asked for. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ledger_int.h"

/* What the allocations dated after the date took, by id: ids are dense (INTEGER PRIMARY KEY
 * from 1), so an array indexed by id adds them up with no sort and no search. amt[id] is the
 * amount given back. */
typedef struct backs {
	int64_t *amt;
	int64_t n;      /* ids 0..n-1 */
	int any;
} backs;

static int backs_init(ledger *l, backs *b, const char *sql)
{
	sqlite3_stmt *s;
	int64_t max = 0;

	if (lg_prepare(l, sql, &s) != SQLITE_OK)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		max = sqlite3_column_int64(s, 0);
	lg_finalize(l, s);
	if (max < 0 || (uint64_t)max > SIZE_MAX / 16)
		return -1;
	b->n = max + 1;
	b->amt = calloc((size_t)b->n, sizeof *b->amt);
	return b->amt ? 0 : -1;
}

static void backs_free(backs *b)
{
	free(b->amt);
}

/* 0, or -1 when id is out of the array (a row added since it was sized: read in one snapshot,
 * so only a hand-edited ledger) or the sum overflows */
static int backs_add(backs *b, int64_t id, int64_t amount)
{
	if (id < 0 || id >= b->n || __builtin_add_overflow(b->amt[id], amount, &b->amt[id]))
		return -1;
	b->any = 1;
	return 0;
}

static int corrupt(ledger *l, cart_err *e)
{
	return cart_fail(e, CART_CORRUPT, _("the ledger %s holds amounts too large to add up:"
	                 " it was edited by hand; run 'cartera check'"), l->path);
}

/* The SQL function cartera_back(charge_id, instalment_id, credit_id, amount, arrays) adds one
 * allocation to the arrays, inside the scan: stepping the 426,161 rows 180 days back on the
 * benchmark ledger out to C one by one cost 0.14 s of CPU, in the scan 0.10 s. The arrays come
 * as a bound pointer (sqlite3_bind_pointer), so the function is registered once per connection
 * and never replaced while other statements run. */
typedef struct back_pair {
	backs *be, *bi;
	int bad;
} back_pair;

static const char back_type[] = "cartera_back_pair";

static void back_fn(sqlite3_context *c, int argc, sqlite3_value **v)
{
	back_pair *p = sqlite3_value_pointer(v[4], back_type);
	int64_t amount = sqlite3_value_int64(v[3]);

	(void)argc;
	if (!p) {
		sqlite3_result_error(c, "cartera_back: no arrays", -1);
		return;
	}
	if (sqlite3_value_type(v[1]) == SQLITE_NULL)
		p->bad |= backs_add(p->be, sqlite3_value_int64(v[0]), amount);
	else
		p->bad |= backs_add(p->bi, sqlite3_value_int64(v[1]), amount);
	p->bad |= backs_add(p->be, sqlite3_value_int64(v[2]), amount);
	sqlite3_result_int(c, 0);
}

/* What the allocations dated after asof took: by entry (a charge without instalments, and every
 * credit) and by instalment. */
static int read_backs(ledger *l, const char *asof, backs *be, backs *bi, cart_err *e)
{
	static const char sql[] =
		"SELECT count(*) FROM allocations"
		" WHERE date > ?1 AND cartera_back(charge_id, instalment_id, credit_id, amount, ?2)";
	back_pair p = { be, bi, 0 };
	sqlite3_stmt *s;
	int rc = SQLITE_OK;

	if (!l->back_fn &&
	    (rc = sqlite3_create_function(l->db, "cartera_back", 5,
	                                  SQLITE_UTF8 | SQLITE_DIRECTONLY, NULL, back_fn, NULL,
	                                  NULL)) == SQLITE_OK)
		l->back_fn = 1;
	if (rc == SQLITE_OK)
		rc = lg_prepare(l, sql, &s);
	if (rc != SQLITE_OK)
		return lg_dberr(l, rc, _("preparing the open items"), e);
	lg_bind_text(s, 1, asof);
	sqlite3_bind_pointer(s, 2, &p, back_type, NULL);
	rc = sqlite3_step(s);
	lg_finalize(l, s);
	if (p.bad)
		return corrupt(l, e);
	if (rc != SQLITE_ROW)
		return lg_dberr(l, rc, _("reading the open items"), e);
	return CART_OK;
}

/* One stream of what is open now (entries or instalments), with what was taken since given back.
 * Columns: id, client_id, currency, side, due_date, open. */
static int stream_now(ledger *l, const char *sql, const char *asof, int64_t lo, int64_t hi,
                      backs *b, lg_item_cb cb, void *ud, int *stop, cart_err *e)
{
	sqlite3_stmt *s;
	int rc = lg_prepare(l, sql, &s);

	if (rc != SQLITE_OK)
		return lg_dberr(l, rc, _("preparing the open items"), e);
	lg_bind_text(s, 1, asof);
	lg_bind_int(s, 2, lo);
	lg_bind_int(s, 3, hi);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int64_t open = sqlite3_column_int64(s, 5), id = sqlite3_column_int64(s, 0);

		if (b->any && id >= 0 && id < b->n) {
			if (__builtin_add_overflow(open, b->amt[id], &open)) {
				lg_finalize(l, s);
				return corrupt(l, e);
			}
		}
		if (open && cb(sqlite3_column_int64(s, 1), (const char *)sqlite3_column_text(s, 2),
		               (char)sqlite3_column_text(s, 3)[0],
		               (const char *)sqlite3_column_text(s, 4), open, ud)) {
			*stop = 1;
			rc = SQLITE_DONE;
			break;
		}
	}
	lg_finalize(l, s);
	return rc == SQLITE_DONE ? CART_OK : lg_dberr(l, rc, _("reading the open items"), e);
}

/* The rows closed now (open = 0) but allocated after asof: what those allocations took was open
 * at asof, if the row is dated on or before it. For all clients one range of the partial index
 * on the latest allocation date (95,787 rows 180 days back on the benchmark ledger, against
 * 550,000 seeks by id before that index); for one client, its own closed rows through its
 * index. Columns of sql: id, client_id, currency, side, due_date; parameters: ?1 asof, ?2..?3
 * the clients. */
static int stream_closed(ledger *l, const char *sql, const char *asof, int64_t lo, int64_t hi,
                         backs *b, lg_item_cb cb, void *ud, int *stop, cart_err *e)
{
	sqlite3_stmt *s;
	int rc;

	if (!b->any)
		return CART_OK;
	if ((rc = lg_prepare(l, sql, &s)) != SQLITE_OK)
		return lg_dberr(l, rc, _("preparing the open items"), e);
	lg_bind_text(s, 1, asof);
	lg_bind_int(s, 2, lo);
	lg_bind_int(s, 3, hi);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(s, 0);

		if (id < 0 || id >= b->n || !b->amt[id])
			continue;
		if (cb(sqlite3_column_int64(s, 1), (const char *)sqlite3_column_text(s, 2),
		       (char)sqlite3_column_text(s, 3)[0], (const char *)sqlite3_column_text(s, 4),
		       b->amt[id], ud)) {
			*stop = 1;
			rc = SQLITE_DONE;
			break;
		}
	}
	lg_finalize(l, s);
	return rc == SQLITE_DONE ? CART_OK : lg_dberr(l, rc, _("reading the open items"), e);
}

/* A report as of a past date asks twice (its totals, then its rows): the second time replays
 * the first answer, if nothing was written in between (this connection's changes and the file's
 * data version unchanged). Kept for that one reuse only. */
typedef struct memo_item {
	int64_t client_id, open;
	char currency[4];
	char side;
	char due_date[DATE_LEN];
} memo_item;

struct lg_memo {
	char asof[DATE_LEN];
	int64_t client_id, changes, version;
	memo_item *v;
	size_t n, cap;
	int nomem;
};

typedef struct recorder {
	struct lg_memo *m;
	lg_item_cb cb;
	void *ud;
} recorder;

/* A short string (a currency, a date) into its field, cut to fit; "" for NULL. */
static void copy_short(char *dst, size_t size, const char *src)
{
	size_t n = 0;

	while (src && src[n] && n + 1 < size) {
		dst[n] = src[n];
		n++;
	}
	dst[n] = '\0';
}

static int record(int64_t cid, const char *cur, char side, const char *due, int64_t open,
                  void *ud)
{
	recorder *r = ud;
	struct lg_memo *m = r->m;

	if (!m->nomem && m->n == m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 4096;
		memo_item *v = realloc(m->v, sizeof *v * cap);

		if (v) {
			m->v = v;
			m->cap = cap;
		} else {
			m->nomem = 1;
		}
	}
	if (!m->nomem) {
		memo_item *it = &m->v[m->n++];

		it->client_id = cid;
		it->open = open;
		copy_short(it->currency, sizeof it->currency, cur);
		it->side = side;
		copy_short(it->due_date, sizeof it->due_date, due);
	}
	return r->cb(cid, cur, side, due, open, r->ud);
}

void lg_items_forget(ledger *l)
{
	if (l->memo) {
		free(l->memo->v);
		free(l->memo);
		l->memo = NULL;
	}
}

static int64_t data_version(ledger *l)
{
	sqlite3_stmt *s;
	int64_t v = -1;

	if (lg_prepare(l, "PRAGMA data_version", &s) != SQLITE_OK)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	lg_finalize(l, s);
	return v;
}

/* Is any allocation dated after asof? (one step of the date index) */
static int any_later(ledger *l, const char *asof, int64_t *later, cart_err *e)
{
	static const char sql[] = "SELECT 1 FROM allocations WHERE date > ?1 LIMIT 1";
	sqlite3_stmt *s;
	int rc = lg_prepare(l, sql, &s);

	if (rc != SQLITE_OK)
		return lg_dberr(l, rc, _("preparing the open items"), e);
	lg_bind_text(s, 1, asof);
	rc = sqlite3_step(s);
	*later = rc == SQLITE_ROW;
	lg_finalize(l, s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CART_OK
	                                             : lg_dberr(l, rc, _("reading the open items"), e);
}

int lg_items_asof(ledger *l, const char *asof, int64_t client_id, lg_item_cb cb, void *ud,
                  cart_err *e)
{
	static const char entries_now_sql[] =
		"SELECT id, client_id, currency, side, due_date, open FROM entries"
		" WHERE open <> 0 AND n_inst = 0 AND date <= ?1 AND client_id BETWEEN ?2 AND ?3";
	static const char inst_now_sql[] =
		"SELECT id, client_id, currency, 'D', due_date, open FROM instalments"
		" WHERE open <> 0 AND date <= ?1 AND client_id BETWEEN ?2 AND ?3";
	/* "+client_id": the range of the latest allocation date, not of the client index */
	static const char entry_sql[] =
		"SELECT id, client_id, currency, side, due_date FROM entries"
		" WHERE open = 0 AND n_inst = 0 AND last_alloc > ?1 AND date <= ?1"
		" AND +client_id BETWEEN ?2 AND ?3";
	static const char inst_sql[] =
		"SELECT id, client_id, currency, 'D', due_date FROM instalments"
		" WHERE open = 0 AND last_alloc > ?1 AND date <= ?1 AND +client_id BETWEEN ?2 AND ?3";
	static const char entry_client_sql[] =
		"SELECT id, client_id, currency, side, due_date FROM entries"
		" WHERE client_id = ?2 AND ?2 = ?3 AND open = 0 AND n_inst = 0 AND date <= ?1"
		" AND last_alloc > ?1";
	static const char inst_client_sql[] =
		"SELECT id, client_id, currency, 'D', due_date FROM instalments"
		" WHERE client_id = ?2 AND ?2 = ?3 AND open = 0 AND date <= ?1 AND last_alloc > ?1";
	backs be = { 0 }, bi = { 0 };
	int64_t lo = client_id ? client_id : 0, hi = client_id ? client_id : INT64_MAX, later = 0;
	int rc, stop = 0;
	/* several statements, one snapshot: a clerk posting meanwhile is not half seen */
	int txn = sqlite3_get_autocommit(l->db);
	int64_t changes = sqlite3_total_changes64(l->db), version = data_version(l);
	struct lg_memo *m = l->memo;
	recorder rec = { NULL, cb, ud };

	if (m && !strcmp(m->asof, asof) && m->client_id == client_id && m->changes == changes &&
	    m->version == version && version >= 0) {
		for (size_t i = 0; i < m->n; i++)
			if (cb(m->v[i].client_id, m->v[i].currency, m->v[i].side, m->v[i].due_date,
			       m->v[i].open, ud))
				break;
		lg_items_forget(l);
		return CART_OK;
	}
	lg_items_forget(l);
	if (txn && (rc = lg_exec(l, "BEGIN", _("reading the ledger"), e)) != CART_OK)
		return rc;
	/* as of now nothing is given back: no arrays (zeroing them, sized by the largest ids, was
	 * nine tenths of one client's aging on the benchmark ledger: 0.4 ms) */
	if ((rc = any_later(l, asof, &later, e)) != CART_OK)
		goto out;
	if (later && (backs_init(l, &be, "SELECT max(id) FROM entries") ||
	              backs_init(l, &bi, "SELECT max(id) FROM instalments"))) {
		rc = cart_fail(e, CART_NOMEM, _("out of memory"));
		goto out;
	}
	if (later && (rc = read_backs(l, asof, &be, &bi, e)) != CART_OK)
		goto out;
	/* as of a past date, keep the answer for the next question */
	if ((be.any || bi.any) && (rec.m = calloc(1, sizeof *rec.m)) != NULL) {
		snprintf(rec.m->asof, sizeof rec.m->asof, "%s", asof);
		rec.m->client_id = client_id;
		rec.m->changes = changes;
		rec.m->version = version;
		cb = record;
		ud = &rec;
	}
	if ((rc = stream_now(l, entries_now_sql, asof, lo, hi, &be, cb, ud, &stop, e)) == CART_OK &&
	    !stop &&
	    (rc = stream_now(l, inst_now_sql, asof, lo, hi, &bi, cb, ud, &stop, e)) == CART_OK &&
	    !stop &&
	    (rc = stream_closed(l, client_id ? entry_client_sql : entry_sql, asof, lo, hi, &be, cb,
	                        ud, &stop, e)) == CART_OK && !stop)
		rc = stream_closed(l, client_id ? inst_client_sql : inst_sql, asof, lo, hi, &bi, cb, ud,
		                   &stop, e);
	if (rec.m && rc == CART_OK && !stop && !rec.m->nomem) {
		l->memo = rec.m;
		rec.m = NULL;
	}
out:
	if (rec.m) {
		free(rec.m->v);
		free(rec.m);
	}
	backs_free(&be);
	backs_free(&bi);
	if (txn)
		lg_exec(l, "COMMIT", _("reading the ledger"), CART_IGNORED);
	return rc;
}
