/* What the dashboard's Clients tab keeps between keys (issue 14): the clients with something
 * open in name order, and the last list in another order. Both are read again once the ledger
 * changes (its data version, this connection's commits included) or the question does.
 *
 * In name order a page, a count or a position is then a walk of an array in memory: a filter of
 * one or two letters (no trigram for the index clients_find) is tested against each client's
 * search key there (as LG_FIND_CLIENTS tests it row by row in SQL), one of three or more asks
 * the trigram index for its clients; PgDn deep into the list walks the array, not the ledger.
 * Reading the pairs and the names once costs a little more than counting the tab did (about 45
 * against 27-37 ms of CPU at 50,000 clients), after which each key reads only its page.
 * Part of the model (ledger_dash_int.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ledger_dash_int.h"
#include "ledger_watch.h"

/* A client and one currency it has something open in, as the name order lists them. */
typedef struct mpair {
	int64_t client_id;
	char currency[4];
	uint32_t key;           /* the client's search key in the memo's text; its tax id follows */
} mpair;

struct lgd_memo {
	/* the clients with something open, in name order */
	int64_t version;
	char asof[DATE_LEN];
	mpair *p;
	size_t n;
	char *text;
	size_t ntext;
	/* the last list in another order (ledger_dash_clients.c) */
	int64_t rows_version;
	lgd_rows_key rows_key;
	void *rows;
	size_t nrows;
};

void lgd_forget(ledger *l)
{
	if (l->dash_memo) {
		free(l->dash_memo->p);
		free(l->dash_memo->text);
		free(l->dash_memo->rows);
		free(l->dash_memo);
		l->dash_memo = NULL;
	}
}

static struct lgd_memo *memo_of(ledger *l, cart_err *e)
{
	if (!l->dash_memo && !(l->dash_memo = calloc(1, sizeof *l->dash_memo)))
		cart_fail(e, CART_NOMEM, "out of memory keeping the clients");
	return l->dash_memo;
}

/* ---- the last list in another order ---- */

void *lgd_rows_kept(ledger *l, const lgd_rows_key *k, size_t *n)
{
	struct lgd_memo *m = l->dash_memo;
	cart_err e;
	int64_t v;

	/* a version that cannot be read keeps nothing: the rows are read again */
	if (!m || !m->rows || memcmp(&m->rows_key, k, sizeof *k) ||
	    ledger_data_version(l, &v, &e) != CART_OK || v != m->rows_version)
		return NULL;
	*n = m->nrows;
	return m->rows;
}

int lgd_rows_keep(ledger *l, const lgd_rows_key *k, void *rows, size_t n, cart_err *e)
{
	struct lgd_memo *m = memo_of(l, e);
	int64_t v;

	if (!m || ledger_data_version(l, &v, e) != CART_OK) {
		free(rows);
		return e->code;
	}
	free(m->rows);
	m->rows_key = *k;
	m->rows_version = v;
	m->rows = rows;
	m->nrows = n;
	return CART_OK;
}

/* ---- the clients with something open, in name order ---- */

/* The pairs with an open entry, as the balances count them (schema 023): nothing is dated after
 * the date the memo answers for, so every open entry counts (26 ms of CPU through the entries'
 * index at 50,000 clients; the balances are one row a pair). */
static const char pairs_sql[] =
	"SELECT client_id, currency FROM balances WHERE open_n > 0 ORDER BY 1, 2";
static const char names_sql[] =
	"SELECT id, search_key, tax_id FROM clients INDEXED BY clients_key_order"
	" ORDER BY name_key, id";

typedef struct idcur {
	int64_t id;
	char cur[4];
} idcur;

static int idcur_cmp(const void *k, const void *m)
{
	int64_t a = *(const int64_t *)k, b = ((const idcur *)m)->id;

	return (a > b) - (a < b);
}

static int grow(void **p, size_t *cap, size_t need, size_t size)
{
	size_t c = *cap ? *cap : 1024;
	void *m;

	if (need <= *cap)
		return 0;
	while (c < need)
		c *= 2;
	if (!(m = realloc(*p, c * size)))
		return -1;
	*p = m;
	*cap = c;
	return 0;
}

static int build_pairs(ledger *l, struct lgd_memo *m, const char *asof, int64_t version,
                       cart_err *e)
{
	sqlite3_stmt *s;
	idcur *ic = NULL;
	size_t nic = 0, capic = 0, capp = 0, capt = 0;
	int rc;

	free(m->p);
	free(m->text);
	m->p = NULL;
	m->text = NULL;
	m->n = m->ntext = 0;
	m->version = -1;
	if (!(s = lg_get(l, pairs_sql, e)))
		return e->code;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (grow((void **)&ic, &capic, nic + 1, sizeof *ic)) {
			rc = SQLITE_NOMEM;
			break;
		}
		ic[nic].id = sqlite3_column_int64(s, 0);
		lg_copy(ic[nic].cur, sizeof ic[nic].cur, sqlite3_column_text(s, 1));
		nic++;
	}
	lg_finalize(l, s);
	if (rc != SQLITE_DONE) {
		free(ic);
		return lg_dberr(l, rc, "listing the clients", e);
	}
	if (!(s = lg_get(l, names_sql, e))) {
		free(ic);
		return e->code;
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(s, 0);
		idcur *f = nic ? bsearch(&id, ic, nic, sizeof *ic, idcur_cmp) : NULL;
		const char *sk = (const char *)sqlite3_column_text(s, 1);
		const char *tx = (const char *)sqlite3_column_text(s, 2);
		size_t lsk, ltx;
		uint32_t at = (uint32_t)m->ntext;

		if (!f)
			continue;
		while (f > ic && f[-1].id == id)
			f--;
		sk = sk ? sk : "";
		tx = tx ? tx : "";
		lsk = strlen(sk);
		ltx = strlen(tx);
		if (grow((void **)&m->text, &capt, m->ntext + lsk + ltx + 2, 1)) {
			rc = SQLITE_NOMEM;
			break;
		}
		memcpy(m->text + m->ntext, sk, lsk + 1);
		memcpy(m->text + m->ntext + lsk + 1, tx, ltx + 1);
		m->ntext += lsk + ltx + 2;
		for (; f < ic + nic && f->id == id; f++) {
			if (grow((void **)&m->p, &capp, m->n + 1, sizeof *m->p)) {
				rc = SQLITE_NOMEM;
				break;
			}
			m->p[m->n].client_id = id;
			memcpy(m->p[m->n].currency, f->cur, sizeof f->cur);
			m->p[m->n].key = at;
			m->n++;
		}
		if (rc == SQLITE_NOMEM)
			break;
	}
	lg_finalize(l, s);
	free(ic);
	if (rc != SQLITE_DONE)
		return lg_dberr(l, rc, "listing the clients", e);
	memcpy(m->asof, asof, DATE_LEN);
	m->version = version;
	return CART_OK;
}

static int ids_cmp(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

static const char find_clients_sql[] = LG_FIND_CLIENTS("?1") " ORDER BY 1";

/* What a walk tests each pair with: a short filter's folded text, or a long one's clients. */
typedef struct mfilter {
	int on;
	char key[4 * 130 + 8];
	const char *raw;
	int64_t *ids;           /* a filter of three letters or more: its clients, sorted */
	size_t nids;
} mfilter;

/* Characters, as SQLite's length() counts them. */
static size_t utf8_chars(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

static int filter_init(ledger *l, const bounds *b, mfilter *f, cart_err *e)
{
	sqlite3_stmt *s;
	size_t cap = 0;
	int rc;

	memset(f, 0, sizeof *f);
	if (!b->has_filter)
		return CART_OK;
	f->on = 1;
	f->raw = b->filter;
	ledger_search_key(b->filter, f->key, sizeof f->key);
	if (utf8_chars(f->key) < 3)
		return CART_OK;
	/* three letters or more: the trigram index (LG_FIND_CLIENTS) */
	if (!(s = lg_get(l, find_clients_sql, e)))
		return e->code;
	lg_bind_text(s, 1, b->filter);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (grow((void **)&f->ids, &cap, f->nids + 1, sizeof *f->ids)) {
			rc = SQLITE_NOMEM;
			break;
		}
		f->ids[f->nids++] = sqlite3_column_int64(s, 0);
	}
	lg_finalize(l, s);
	if (rc != SQLITE_DONE) {
		free(f->ids);
		f->ids = NULL;
		return lg_dberr(l, rc, "filtering the clients", e);
	}
	/* a non-empty key of fewer characters than bytes still says where to look: the ids */
	f->on = 2;
	return CART_OK;
}

static int filter_has(const struct lgd_memo *m, const mfilter *f, const mpair *p)
{
	const char *sk;

	if (!f->on)
		return 1;
	if (f->on == 2)
		return f->nids && bsearch(&p->client_id, f->ids, f->nids, sizeof *f->ids, ids_cmp);
	sk = m->text + p->key;
	return strstr(sk, f->key) || strstr(sk + strlen(sk) + 1, f->raw);
}

/* One client's dashboard: its own currencies, read at each call (a few index entries), and the
 * filter tested on its own search key and tax id, as for the kept pairs. */
static const char one_pairs_sql[] =
	"SELECT DISTINCT e.currency, c.search_key, c.tax_id FROM clients c"
	" CROSS JOIN entries e INDEXED BY entries_open ON e.client_id = c.id"
	" WHERE c.id = ?1 AND e.open <> 0 AND e.date <= ?2 ORDER BY 1";

static int one_client_walk(ledger *l, const dash_query *q, const bounds *b, int desc,
                           lgd_pair_cb cb, void *ud, cart_err *e)
{
	struct lgd_memo one;
	mpair p[LEDGER_MAX_CURRENCIES];
	char text[2 * 1100];
	sqlite3_stmt *s = lg_get(l, one_pairs_sql, e);
	mfilter f;
	int n = 0, rc;

	if (!s)
		return e->code;
	memset(&one, 0, sizeof one);
	one.text = text;
	lg_bind_int(s, 1, q->client_id);
	lg_bind_text(s, 2, q->asof);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && n < LEDGER_MAX_CURRENCIES) {
		p[n].client_id = q->client_id;
		lg_copy(p[n].currency, sizeof p[n].currency, sqlite3_column_text(s, 0));
		p[n].key = 0;
		if (!n) {
			lg_copy(text, sizeof text / 2, sqlite3_column_text(s, 1));
			lg_copy(text + strlen(text) + 1, sizeof text / 2, sqlite3_column_text(s, 2));
		}
		n++;
	}
	lg_finalize(l, s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return lg_dberr(l, rc, "listing the client's currencies", e);
	if ((rc = filter_init(l, b, &f, e)) != CART_OK)
		return rc;
	for (int i = 0; i < n; i++) {
		const mpair *x = &p[desc ? n - 1 - i : i];

		if (filter_has(&one, &f, x) && cb(x->client_id, x->currency, ud))
			break;
	}
	free(f.ids);
	return CART_OK;
}

int lgd_pairs_walk(ledger *l, const dash_query *q, const bounds *b, int desc, lgd_pair_cb cb,
                   void *ud, cart_err *e)
{
	struct lgd_memo *m;
	mfilter f;
	int64_t v;
	int rc;

	if (q->client_id)
		return one_client_walk(l, q, b, desc, cb, ud, e);
	if (!(m = memo_of(l, e)))
		return e->code;
	if ((rc = ledger_data_version(l, &v, e)) != CART_OK)
		return rc;
	if (v != m->version || strcmp(m->asof, q->asof))
		if ((rc = build_pairs(l, m, q->asof, v, e)) != CART_OK)
			return rc;
	if ((rc = filter_init(l, b, &f, e)) != CART_OK)
		return rc;
	for (size_t i = 0; i < m->n; i++) {
		const mpair *p = &m->p[desc ? m->n - 1 - i : i];

		if (filter_has(m, &f, p) && cb(p->client_id, p->currency, ud))
			break;
	}
	free(f.ids);
	return CART_OK;
}
