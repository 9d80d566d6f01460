/* The open items as of any date, in C (issue 17: as-of reports near the floor). The same rows as
 * LG_ITEMS_CTE, which the aging's reference SQL still uses: what is open now is kept on each entry
 * and instalment (read from their partial indexes), and whatever the allocations dated after the
 * date took is given back. The CTE joined the allocations dated after the date to their entries
 * in SQL (a random row read for each, then the entries closed since looked up one by one through
 * correlated subqueries): 33x the scan floor 180 days back on the benchmark ledger. Here the
 * allocations dated after the date are read once through a covering index, added up by id in an
 * array indexed by id, and the entries and instalments closed since are read in id order. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ledger_int.h"

/* What the allocations dated after the date took, by id: ids are dense (INTEGER PRIMARY KEY
 * from 1), so an array indexed by id adds them up with no sort and no search. amt[id] is the
 * amount given back; used[id] is set when the stream of what is open now met the id. */
typedef struct backs {
	int64_t *amt;
	unsigned char *used;
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
	b->used = calloc((size_t)b->n, 1);
	return b->amt && b->used ? 0 : -1;
}

static void backs_free(backs *b)
{
	free(b->amt);
	free(b->used);
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

/* What the allocations dated after asof took: by entry (a charge without instalments, and every
 * credit) and by instalment. */
static int read_backs(ledger *l, const char *asof, backs *be, backs *bi, cart_err *e)
{
	static const char sql[] =
		"SELECT charge_id, instalment_id, credit_id, amount FROM allocations WHERE date > ?1";
	sqlite3_stmt *s;
	int rc = lg_prepare(l, sql, &s), bad = 0;

	if (rc != SQLITE_OK)
		return lg_dberr(l, rc, _("preparing the open items"), e);
	lg_bind_text(s, 1, asof);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && !bad) {
		int64_t amount = sqlite3_column_int64(s, 3);

		if (sqlite3_column_type(s, 1) == SQLITE_NULL)
			bad |= backs_add(be, sqlite3_column_int64(s, 0), amount);
		else
			bad |= backs_add(bi, sqlite3_column_int64(s, 1), amount);
		bad |= backs_add(be, sqlite3_column_int64(s, 2), amount);
	}
	lg_finalize(l, s);
	if (bad)
		return corrupt(l, e);
	if (rc != SQLITE_DONE)
		return lg_dberr(l, rc, _("reading the open items"), e);
	return CART_OK;
}

/* One stream of what is open now (entries or instalments), with what was taken since given back;
 * marks the ids it met. Columns: id, client_id, currency, side, due_date, open. */
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
			b->used[id] = 1;
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

/* The rows closed since asof that the stream did not meet, in one statement: their ids go in
 * as a JSON array, in order, and SQLite seeks each in turn (a statement run per id cost three
 * times as much: 0.75 s for 550,000 rows of the benchmark ledger). Such a row counts when it is
 * closed now (open = 0; one still open but not met is dated after asof, or has instalments, or
 * is another client's), dated on or before asof, and of the clients asked for. Columns of sql:
 * id, client_id, currency, side, due_date; parameters: ?1 the ids, ?2 asof, ?3..?4 clients. */
static int lookup_client(ledger *l, const char *sql, const char *asof, int64_t client_id,
                         backs *b, lg_item_cb cb, void *ud, int *stop, cart_err *e)
{
	sqlite3_stmt *s;
	int rc = lg_prepare(l, sql, &s);

	if (rc != SQLITE_OK)
		return lg_dberr(l, rc, _("preparing the open items"), e);
	lg_bind_text(s, 2, asof);
	lg_bind_int(s, 3, client_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(s, 0);

		if (id < 0 || id >= b->n || b->used[id] || !b->amt[id])
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

/* ",id" (or "id" first) at p, without printf: 550,000 of them 180 days back on the benchmark
 * ledger. Returns the bytes written (at most 21). */
static size_t put_id(char *p, int64_t id, int comma)
{
	char digits[20];
	size_t n = 0, k = 0;
	uint64_t v = (uint64_t)id;

	do
		digits[n++] = (char)('0' + v % 10);
	while ((v /= 10) && n < sizeof digits);
	if (comma)
		p[k++] = ',';
	while (n)
		p[k++] = digits[--n];
	return k;
}

static int lookup_closed(ledger *l, const char *sql, const char *client_sql, const char *asof,
                         int64_t lo, int64_t hi, backs *b, lg_item_cb cb, void *ud, int *stop,
                         cart_err *e)
{
	sqlite3_stmt *s;
	char *ids;
	size_t len = 0, cap = 4096;
	int rc;

	if (!b->any)
		return CART_OK;
	/* one client: its own rows closed since, through its index, rather than every id */
	if (lo == hi)
		return lookup_client(l, client_sql, asof, lo, b, cb, ud, stop, e);
	if (!(ids = malloc(cap)))
		return cart_fail(e, CART_NOMEM, _("out of memory"));
	ids[len++] = '[';
	for (int64_t id = 0; id < b->n; id++) {
		if (b->used[id] || !b->amt[id])
			continue;
		if (cap - len < 24) {
			char *m = realloc(ids, cap *= 2);

			if (!m) {
				free(ids);
				return cart_fail(e, CART_NOMEM, _("out of memory"));
			}
			ids = m;
		}
		len += put_id(ids + len, id, len > 1);
	}
	ids[len++] = ']';
	if ((rc = lg_prepare(l, sql, &s)) != SQLITE_OK) {
		free(ids);
		return lg_dberr(l, rc, _("preparing the open items"), e);
	}
	sqlite3_bind_text(s, 1, ids, (int)len, SQLITE_STATIC);
	lg_bind_text(s, 2, asof);
	lg_bind_int(s, 3, lo);
	lg_bind_int(s, 4, hi);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(s, 0);

		if (id < 0 || id >= b->n)
			continue;
		if (cb(sqlite3_column_int64(s, 1), (const char *)sqlite3_column_text(s, 2),
		       (char)sqlite3_column_text(s, 3)[0], (const char *)sqlite3_column_text(s, 4),
		       b->amt[id], ud)) {
			*stop = 1;
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_clear_bindings(s);
	lg_finalize(l, s);
	free(ids);
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

int lg_items_asof(ledger *l, const char *asof, int64_t client_id, lg_item_cb cb, void *ud,
                  cart_err *e)
{
	static const char entries_now_sql[] =
		"SELECT id, client_id, currency, side, due_date, open FROM entries"
		" WHERE open <> 0 AND n_inst = 0 AND date <= ?1 AND client_id BETWEEN ?2 AND ?3";
	static const char inst_now_sql[] =
		"SELECT id, client_id, currency, 'D', due_date, open FROM instalments"
		" WHERE open <> 0 AND date <= ?1 AND client_id BETWEEN ?2 AND ?3";
	static const char entry_sql[] =
		"SELECT e.id, e.client_id, e.currency, e.side, e.due_date"
		" FROM json_each(?1) j CROSS JOIN entries e ON e.id = j.value"
		" WHERE e.open = 0 AND e.n_inst = 0 AND e.date <= ?2 AND e.client_id BETWEEN ?3 AND ?4";
	static const char inst_sql[] =
		"SELECT i.id, i.client_id, i.currency, 'D', i.due_date"
		" FROM json_each(?1) j CROSS JOIN instalments i ON i.id = j.value"
		" WHERE i.open = 0 AND i.date <= ?2 AND i.client_id BETWEEN ?3 AND ?4";
	static const char entry_client_sql[] =
		"SELECT id, client_id, currency, side, due_date FROM entries"
		" WHERE client_id = ?3 AND open = 0 AND n_inst = 0 AND date <= ?2";
	static const char inst_client_sql[] =
		"SELECT id, client_id, currency, 'D', due_date FROM instalments"
		" WHERE client_id = ?3 AND open = 0 AND date <= ?2";
	backs be = { 0 }, bi = { 0 };
	int64_t lo = client_id ? client_id : 0, hi = client_id ? client_id : INT64_MAX;
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
	if (backs_init(l, &be, "SELECT max(id) FROM entries") ||
	    backs_init(l, &bi, "SELECT max(id) FROM instalments")) {
		rc = cart_fail(e, CART_NOMEM, _("out of memory"));
		goto out;
	}
	if ((rc = read_backs(l, asof, &be, &bi, e)) != CART_OK)
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
	    (rc = lookup_closed(l, entry_sql, entry_client_sql, asof, lo, hi, &be, cb, ud, &stop, e)) == CART_OK &&
	    !stop)
		rc = lookup_closed(l, inst_sql, inst_client_sql, asof, lo, hi, &bi, cb, ud, &stop, e);
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
