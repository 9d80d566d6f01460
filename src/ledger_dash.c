/* The dashboard's tabs (SPEC B2) and the client history (F2), asked of the ledger.
 *
 * Item tabs (due, overdue, credits) read the open items through two partial covering indexes
 * (data/005_dashboard.sql): the side and the due-date range bound the scan, every sort column
 * but the client's name and the document's number is in the index, and a page is read with a
 * top-N sort, so a count or a page never reads the entries table; the page's own rows are then
 * completed (client, document) by point lookups. As of a past date, the items carry what
 * allocations dated after it took (as LG_ITEMS_CTE does), in the same statement: when nothing
 * is dated after the date those parts are empty.
 *
 * The clients tab is the aging by client (ledger_aging), filtered and sorted in memory: one
 * small row per client with something open. Transactions and quotes page the documents table
 * through an index per sort column.
 *
 * The SQL texts differ only by their ORDER BY, chosen from fixed fragments (never from input),
 * and are built once per process so lg_prepare can cache them by address. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cartera/ledger_dash.h"
#include "ledger_int.h"

/* ---- columns ---- */

static const unsigned col_mask[DASH_NTABS] = {
	[DASH_CLIENTS] = 1u << DCOL_CLIENT | 1u << DCOL_BALANCE | 1u << DCOL_OVERDUE |
	                 1u << DCOL_CREDITS | 1u << DCOL_DAYS | 1u << DCOL_STATUS | 1u << DCOL_DUE,
	[DASH_TRANSACTIONS] = 1u << DCOL_CLIENT | 1u << DCOL_NUMBER | 1u << DCOL_DATE |
	                      1u << DCOL_TYPE | 1u << DCOL_AMOUNT,
	[DASH_DUE] = 1u << DCOL_CLIENT | 1u << DCOL_NUMBER | 1u << DCOL_DATE | 1u << DCOL_DUE |
	             1u << DCOL_DAYS | 1u << DCOL_AMOUNT | 1u << DCOL_OPEN,
	[DASH_OVERDUE] = 1u << DCOL_CLIENT | 1u << DCOL_NUMBER | 1u << DCOL_DATE | 1u << DCOL_DUE |
	                 1u << DCOL_DAYS | 1u << DCOL_AMOUNT | 1u << DCOL_OPEN,
	[DASH_CREDITS] = 1u << DCOL_CLIENT | 1u << DCOL_NUMBER | 1u << DCOL_DATE |
	                 1u << DCOL_AMOUNT | 1u << DCOL_OPEN,
	[DASH_QUOTES] = 1u << DCOL_CLIENT | 1u << DCOL_NUMBER | 1u << DCOL_DATE | 1u << DCOL_DUE |
	                1u << DCOL_AMOUNT,
};

int dash_col_allowed(int tab, int col)
{
	return tab >= 0 && tab < DASH_NTABS && col >= 0 && col < DCOL_N && (col_mask[tab] >> col & 1);
}

/* ---- the item tabs ---- */

/* Open items as of ?1 of clients ?2..?3 on side ?4 due between ?5 and ?6, as rows
 * (client_id, eid, iid, seq, side, date, due_date, currency, amount, open, doc). An instalment's
 * document is its charge's (looked up only when a filter or the number order needs it). */
#define ITEMS_CTE \
	"WITH later AS MATERIALIZED (" \
	"  SELECT charge_id, credit_id, instalment_id, amount FROM allocations WHERE date > ?1)," \
	" later_e AS MATERIALIZED (" \
	"  SELECT charge_id AS eid, sum(amount) AS amt FROM later" \
	"   WHERE instalment_id IS NULL GROUP BY charge_id" \
	"  UNION ALL SELECT credit_id, sum(amount) FROM later GROUP BY credit_id)," \
	" later_i AS MATERIALIZED (" \
	"  SELECT instalment_id AS iid, sum(amount) AS amt FROM later" \
	"   WHERE instalment_id IS NOT NULL GROUP BY instalment_id)," \
	" it(client_id, eid, iid, seq, side, date, due_date, currency, amount, open, doc) AS (" \
	"  SELECT e.client_id, e.id, 0, 0, e.side, e.date, e.due_date, e.currency, e.amount," \
	"         e.open + coalesce((SELECT amt FROM later_e WHERE eid = e.id), 0), e.document_id" \
	"    FROM entries e WHERE e.open <> 0 AND e.n_inst = 0 AND e.date <= ?1" \
	"     AND e.client_id BETWEEN ?2 AND ?3 AND e.side = ?4 AND e.due_date BETWEEN ?5 AND ?6" \
	"  UNION ALL SELECT e.client_id, e.id, 0, 0, e.side, e.date, e.due_date, e.currency, e.amount," \
	"         l.amt, e.document_id" \
	"    FROM later_e l JOIN entries e ON e.id = l.eid" \
	"   WHERE e.open = 0 AND e.n_inst = 0 AND e.date <= ?1 AND e.client_id BETWEEN ?2 AND ?3" \
	"     AND e.side = ?4 AND e.due_date BETWEEN ?5 AND ?6" \
	"  UNION ALL SELECT i.client_id, i.entry_id, i.id, i.seq, 'D', i.date, i.due_date, i.currency," \
	"         i.amount, i.open + coalesce((SELECT amt FROM later_i WHERE iid = i.id), 0)," \
	"         (SELECT document_id FROM entries WHERE id = i.entry_id)" \
	"    FROM instalments i WHERE i.open <> 0 AND i.date <= ?1 AND ?4 = 'D'" \
	"     AND i.client_id BETWEEN ?2 AND ?3 AND i.due_date BETWEEN ?5 AND ?6" \
	"  UNION ALL SELECT i.client_id, i.entry_id, i.id, i.seq, 'D', i.date, i.due_date, i.currency," \
	"         i.amount, l.amt, (SELECT document_id FROM entries WHERE id = i.entry_id)" \
	"    FROM later_i l JOIN instalments i ON i.id = l.iid" \
	"   WHERE i.open = 0 AND i.date <= ?1 AND ?4 = 'D' AND i.client_id BETWEEN ?2 AND ?3" \
	"     AND i.due_date BETWEEN ?5 AND ?6)"

/* The filter: ?7 NULL (none), else a client whose name or tax id holds it, or a document whose
 * number starts with ?8 (upper case), or whose sequence is ?9 (digits, zero-padded). */
#define FILTER(client, doc) \
	"(?7 IS NULL OR " client " IN (SELECT id FROM clients" \
	"   WHERE instr(lower(name), lower(?7)) OR instr(tax_id, ?7))" \
	" OR " doc " IN (SELECT id FROM documents WHERE number >= ?8 AND number < ?8 || char(127))" \
	" OR " doc " IN (SELECT d.id FROM series s JOIN documents d ON d.number = s.prefix || '-' || ?9))"

#define CLIENT_NAME(col) "(SELECT name FROM clients WHERE id = " col ")"
#define DOC_NUMBER(col) "(SELECT number FROM documents WHERE id = " col ")"

/* Sort key of each column for the item tabs; days overdue run against the due date. */
static const char *item_key(int col, int *flip)
{
	*flip = 0;
	switch (col) {
	case DCOL_CLIENT: return CLIENT_NAME("client_id") " COLLATE NOCASE";
	case DCOL_NUMBER: return DOC_NUMBER("doc");
	case DCOL_DATE: return "date";
	case DCOL_DAYS: *flip = 1; return "due_date";
	case DCOL_AMOUNT: return "amount";
	case DCOL_OPEN: return "open";
	default: return "due_date";
	}
}

enum { Q_PAGE, Q_COUNT, Q_POS, Q_HAS, Q_N };

/* Built SQL texts, kept for the life of the process (lg_prepare caches by address). */
static char *item_sqls[DCOL_N][2][Q_N];
static char *doc_sqls[2][DCOL_N][2][Q_N];

static char *build(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *build(const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || !(s = malloc((size_t)n + 1)))
		return NULL;
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

static const char *item_sql(int col, int desc, int q)
{
	char **slot = &item_sqls[col][desc][q];
	const char *key, *dir, *cmp;
	int flip;

	if (*slot)
		return *slot;
	key = item_key(col, &flip);
	dir = (desc ^ flip) ? " DESC" : "";
	cmp = (desc ^ flip) ? ">" : "<";
	switch (q) {
	case Q_PAGE:
		*slot = build(ITEMS_CTE " SELECT client_id, eid, iid, seq, side, date, due_date, currency,"
		              " amount, open, doc FROM it WHERE " FILTER("client_id", "doc")
		              " ORDER BY %s%s, eid%s, iid%s LIMIT ?10 OFFSET ?11", key, dir, dir, dir);
		break;
	case Q_COUNT:
		*slot = build(ITEMS_CTE " SELECT count(*) FROM it WHERE " FILTER("client_id", "doc"));
		break;
	case Q_HAS:
		*slot = build(ITEMS_CTE " SELECT count(*) FROM it WHERE " FILTER("client_id", "doc")
		              " AND eid = ?10 AND iid = ?11");
		break;
	case Q_POS:
		/* (key, eid, iid) of the row, compared as a row value: rows before it */
		*slot = build(ITEMS_CTE ", me AS MATERIALIZED (SELECT %s AS k, eid, iid FROM it"
		              "  WHERE eid = ?10 AND iid = ?11)"
		              " SELECT count(*) FROM it, me WHERE " FILTER("it.client_id", "it.doc")
		              " AND (%s, it.eid, it.iid) %s (me.k, me.eid, me.iid)",
		              key, key, cmp);
		break;
	}
	return *slot;
}

/* ---- query bounds ---- */

typedef struct bounds {
	char due_lo[DATE_LEN], due_hi[DATE_LEN];
	int empty;
	char filter[130], prefix[130], seq[24];
	int has_filter, has_seq;
} bounds;

/* The due-date range of a query: its tab's side of today, narrowed by the days bounds. */
static int query_bounds(const dash_query *q, bounds *b, cart_err *e)
{
	date_t today;
	char d[DATE_LEN];
	size_t n, i;
	int digits = 1;

	memset(b, 0, sizeof *b);
	if (lg_date(q->asof, _("the as-of date"), e) != CART_OK)
		return e->code;
	date_parse(q->asof, &today, NULL);
	snprintf(b->due_lo, sizeof b->due_lo, "0000-00-00");
	snprintf(b->due_hi, sizeof b->due_hi, "9999-99-99");
	if (q->tab == DASH_OVERDUE) /* due before today: an invoice due today is not overdue */
		date_format(date_add_days(today, -1), b->due_hi);
	else if (q->tab == DASH_DUE)
		snprintf(b->due_lo, sizeof b->due_lo, "%s", q->asof);
	if (q->tab == DASH_OVERDUE || q->tab == DASH_DUE) {
		if (q->has_min) { /* days >= min: due <= today - min */
			date_format(date_add_days(today, -q->days_min), d);
			if (strcmp(d, b->due_hi) < 0)
				memcpy(b->due_hi, d, DATE_LEN);
		}
		if (q->has_max) {
			date_format(date_add_days(today, -q->days_max), d);
			if (strcmp(d, b->due_lo) > 0)
				memcpy(b->due_lo, d, DATE_LEN);
		}
	}
	b->empty = strcmp(b->due_lo, b->due_hi) > 0;
	n = strlen(q->filter);
	if (n) {
		b->has_filter = 1;
		snprintf(b->filter, sizeof b->filter, "%s", q->filter);
		for (i = 0; i < n && i + 1 < sizeof b->prefix; i++) {
			char ch = q->filter[i];

			b->prefix[i] = (ch >= 'a' && ch <= 'z') ? (char)(ch - 'a' + 'A') : ch;
			if (ch < '0' || ch > '9')
				digits = 0;
		}
		b->prefix[i] = '\0';
		if (digits && n <= 12) {
			snprintf(b->seq, sizeof b->seq, "%06lld", atoll(q->filter));
			b->has_seq = 1;
		}
	}
	return CART_OK;
}

static void bind_filter(sqlite3_stmt *s, const bounds *b)
{
	lg_bind_text(s, 7, b->has_filter ? b->filter : NULL);
	lg_bind_text(s, 8, b->has_filter ? b->prefix : NULL);
	lg_bind_text(s, 9, b->has_seq ? b->seq : NULL);
}

static void bind_items(sqlite3_stmt *s, const dash_query *q, const bounds *b)
{
	lg_bind_text(s, 1, q->asof);
	lg_bind_int(s, 2, q->client_id ? q->client_id : 0);
	lg_bind_int(s, 3, q->client_id ? q->client_id : INT64_MAX);
	lg_bind_text(s, 4, q->tab == DASH_CREDITS ? "C" : "D");
	lg_bind_text(s, 5, b->due_lo);
	lg_bind_text(s, 6, b->due_hi);
	bind_filter(s, b);
}

static int check_query(const dash_query *q, cart_err *e)
{
	if (q->tab < 0 || q->tab >= DASH_NTABS)
		return cart_fail(e, CART_INVALID, _("no such dashboard tab (%d)"), q->tab);
	if (!dash_col_allowed(q->tab, q->sort))
		return cart_fail(e, CART_INVALID, _("this tab cannot be sorted by that column"));
	return CART_OK;
}

static int is_item_tab(int tab)
{
	return tab == DASH_DUE || tab == DASH_OVERDUE || tab == DASH_CREDITS;
}

/* Run a statement with one integer result. */
static int step_int(ledger *l, sqlite3_stmt *s, int64_t *out, const char *doing, cart_err *e)
{
	int rc = sqlite3_step(s);

	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(s, 0);
	lg_finalize(l, s);
	return rc == SQLITE_ROW ? CART_OK : lg_dberr(l, rc, doing, e);
}

static const char client_of_sql[] = "SELECT name, tax_id, dv FROM clients WHERE id = ?1";
static const char entry_doc_sql[] =
	"SELECT e.code, e.document_id, d.number, d.type FROM entries e"
	" JOIN documents d ON d.id = e.document_id WHERE e.id = ?1";
static const char last_reminder_sql[] =
	"SELECT max(at) FROM client_history WHERE client_id = ?1 AND kind = 'reminder'";

static int fill_client(ledger *l, dash_row *r, cart_err *e)
{
	sqlite3_stmt *s = lg_get(l, client_of_sql, e);
	int rc;

	if (!s)
		return e->code;
	lg_bind_int(s, 1, r->client_id);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		lg_copy(r->client, sizeof r->client, sqlite3_column_text(s, 0));
		lg_copy(r->tax_id, sizeof r->tax_id, sqlite3_column_text(s, 1));
		lg_copy(r->dv, sizeof r->dv, sqlite3_column_text(s, 2));
	}
	lg_finalize(l, s);
	return rc == SQLITE_ROW ? CART_OK : lg_dberr(l, rc, _("reading a client"), e);
}

static int item_page(ledger *l, const dash_query *q, const bounds *b, int64_t offset, int limit,
                     dash_cb cb, void *ud, cart_err *e)
{
	sqlite3_stmt *s, *d;
	date_t today, due;
	dash_row r;
	int rc, fail = CART_OK;

	if (!(s = lg_get(l, item_sql(q->sort, q->desc, Q_PAGE), e)))
		return e->code;
	date_parse(q->asof, &today, NULL);
	bind_items(s, q, b);
	lg_bind_int(s, 10, limit);
	lg_bind_int(s, 11, offset);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&r, 0, sizeof r);
		r.client_id = sqlite3_column_int64(s, 0);
		r.entry_id = sqlite3_column_int64(s, 1);
		r.instalment_id = sqlite3_column_int64(s, 2);
		r.instalment_no = sqlite3_column_int(s, 3);
		lg_copy(r.date, sizeof r.date, sqlite3_column_text(s, 5));
		lg_copy(r.due_date, sizeof r.due_date, sqlite3_column_text(s, 6));
		lg_copy(r.currency, sizeof r.currency, sqlite3_column_text(s, 7));
		r.amount = sqlite3_column_int64(s, 8);
		r.open = sqlite3_column_int64(s, 9);
		if (date_parse(r.due_date, &due, NULL) == CART_OK && sqlite3_column_text(s, 4)[0] == 'D')
			r.days = (int)(today - due);
		if ((fail = fill_client(l, &r, e)) != CART_OK)
			break;
		if (!(d = lg_get(l, entry_doc_sql, e))) {
			fail = e->code;
			break;
		}
		lg_bind_int(d, 1, r.entry_id);
		if (sqlite3_step(d) == SQLITE_ROW) {
			lg_copy(r.code, sizeof r.code, sqlite3_column_text(d, 0));
			r.doc_id = sqlite3_column_int64(d, 1);
			lg_copy(r.number, sizeof r.number, sqlite3_column_text(d, 2));
			r.doc_type = doc_type_parse((const char *)sqlite3_column_text(d, 3));
		}
		lg_finalize(l, d);
		if (cb(&r, ud)) {
			rc = SQLITE_DONE;
			break;
		}
	}
	lg_finalize(l, s);
	if (fail != CART_OK)
		return fail;
	return rc == SQLITE_DONE ? CART_OK : lg_dberr(l, rc, _("reading the dashboard"), e);
}

/* ---- transactions and quotes ---- */

#define DOC_FROM \
	" FROM documents d JOIN clients c ON c.id = d.client_id" \
	" WHERE d.date <= ?1 AND d.client_id BETWEEN ?2 AND ?3 AND %s AND " FILTER("d.client_id", "d.id")

static void doc_key(int col, const char **key, const char **tie)
{
	*tie = ", d.id";
	switch (col) {
	case DCOL_CLIENT: *key = "c.name COLLATE NOCASE"; *tie = ", c.id, d.date, d.id"; break;
	case DCOL_NUMBER: *key = "d.number"; *tie = ""; break;
	case DCOL_TYPE: *key = "d.type"; *tie = ", d.date, d.id"; break;
	case DCOL_AMOUNT: *key = "d.total"; break;
	case DCOL_DUE: *key = "d.due_date"; break;
	default: *key = "d.date"; break;
	}
}

static const char *doc_sql(int quotes, int col, int desc, int q)
{
	char **slot = &doc_sqls[quotes][col][desc][q];
	const char *key, *tie, *dir, *cmp, *which;
	char order[160];

	if (*slot)
		return *slot;
	doc_key(col, &key, &tie);
	dir = desc ? " DESC" : "";
	cmp = desc ? ">" : "<";
	which = quotes ? "d.type = 'quote'" : "d.type <> 'quote'";
	/* every term of the order in the same direction, so one index serves it */
	snprintf(order, sizeof order, "%s%s", key, dir);
	if (*tie) {
		char t[64], *p, *save = NULL;

		snprintf(t, sizeof t, "%s", tie + 2);
		for (p = strtok_r(t, ", ", &save); p; p = strtok_r(NULL, ", ", &save)) {
			size_t len = strlen(order);

			snprintf(order + len, sizeof order - len, ", %s%s", p, dir);
		}
	}
	switch (q) {
	case Q_PAGE:
		*slot = build("SELECT d.id, d.client_id, d.type, d.number, d.date, d.due_date, d.currency,"
		              " d.total, c.name, c.tax_id, c.dv" DOC_FROM " ORDER BY %s LIMIT ?10 OFFSET ?11",
		              which, order);
		break;
	case Q_COUNT:
		*slot = build("SELECT count(*)" DOC_FROM, which);
		break;
	case Q_HAS:
		*slot = build("SELECT count(*)" DOC_FROM " AND d.id = ?10", which);
		break;
	case Q_POS:
		*slot = build("SELECT count(*)" DOC_FROM " AND (%s%s) %s (SELECT %s%s FROM documents d"
		              " JOIN clients c ON c.id = d.client_id WHERE d.id = ?10)",
		              which, key, tie, cmp, key, tie);
		break;
	}
	return *slot;
}

static void bind_docs(sqlite3_stmt *s, const dash_query *q, const bounds *b)
{
	lg_bind_text(s, 1, q->asof);
	lg_bind_int(s, 2, q->client_id ? q->client_id : 0);
	lg_bind_int(s, 3, q->client_id ? q->client_id : INT64_MAX);
	bind_filter(s, b);
}

/* What a document keeps open now (charges minus credits of its own entries) and its void. */
static const char doc_state_sql[] =
	"SELECT coalesce(sum(CASE side WHEN 'D' THEN open ELSE -open END), 0),"
	"  (SELECT count(*) FROM documents v WHERE v.voids_id = ?1)"
	" FROM entries WHERE document_id = ?1 AND reverses_id IS NULL";

static int doc_page(ledger *l, const dash_query *q, const bounds *b, int64_t offset, int limit,
                    dash_cb cb, void *ud, cart_err *e)
{
	int quotes = q->tab == DASH_QUOTES;
	sqlite3_stmt *s, *d;
	dash_row r;
	int rc, fail = CART_OK;

	if (!(s = lg_get(l, doc_sql(quotes, q->sort, q->desc, Q_PAGE), e)))
		return e->code;
	bind_docs(s, q, b);
	lg_bind_int(s, 10, limit);
	lg_bind_int(s, 11, offset);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&r, 0, sizeof r);
		r.doc_id = sqlite3_column_int64(s, 0);
		r.client_id = sqlite3_column_int64(s, 1);
		r.doc_type = doc_type_parse((const char *)sqlite3_column_text(s, 2));
		r.is_void = r.doc_type == DOC_VOID;
		lg_copy(r.number, sizeof r.number, sqlite3_column_text(s, 3));
		lg_copy(r.date, sizeof r.date, sqlite3_column_text(s, 4));
		lg_copy(r.due_date, sizeof r.due_date, sqlite3_column_text(s, 5));
		lg_copy(r.currency, sizeof r.currency, sqlite3_column_text(s, 6));
		r.amount = sqlite3_column_int64(s, 7);
		lg_copy(r.client, sizeof r.client, sqlite3_column_text(s, 8));
		lg_copy(r.tax_id, sizeof r.tax_id, sqlite3_column_text(s, 9));
		lg_copy(r.dv, sizeof r.dv, sqlite3_column_text(s, 10));
		if (!(d = lg_get(l, doc_state_sql, e))) {
			fail = e->code;
			break;
		}
		lg_bind_int(d, 1, r.doc_id);
		if (sqlite3_step(d) == SQLITE_ROW) {
			r.open = sqlite3_column_int64(d, 0);
			r.voided = sqlite3_column_int(d, 1) > 0;
		}
		lg_finalize(l, d);
		if (cb(&r, ud)) {
			rc = SQLITE_DONE;
			break;
		}
	}
	lg_finalize(l, s);
	if (fail != CART_OK)
		return fail;
	return rc == SQLITE_DONE ? CART_OK : lg_dberr(l, rc, _("reading the documents"), e);
}

/* ---- clients ---- */

typedef struct crow {
	int64_t client_id;
	char currency[4];
	int64_t due, overdue, credits, net;
	int oldest;
	int64_t rank;           /* position in name order */
	char reminder[24];
} crow;

typedef struct cset {
	crow *r;
	size_t n, cap;
	const int64_t *keep;    /* the filter's clients, sorted; NULL: all */
	size_t nkeep;
	const dash_query *q;
	int fail;
} cset;

static int id_cmp(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

static int crow_cb(const aging_row *a, void *ud)
{
	cset *k = ud;
	const dash_query *q = k->q;
	crow *r;

	if (q->client_id && a->client_id != q->client_id)
		return 0;
	if (k->keep && !bsearch(&a->client_id, k->keep, k->nkeep, sizeof *k->keep, id_cmp))
		return 0;
	if ((q->has_min && a->oldest_days < q->days_min) || (q->has_max && a->oldest_days > q->days_max))
		return 0;
	if (k->n == k->cap) {
		size_t cap = k->cap ? k->cap * 2 : 256;
		crow *m = realloc(k->r, cap * sizeof *m);

		if (!m) {
			k->fail = 1;
			return 1;
		}
		k->r = m;
		k->cap = cap;
	}
	r = &k->r[k->n];
	memset(r, 0, sizeof *r);
	r->client_id = a->client_id;
	memcpy(r->currency, a->currency, 4);
	r->due = a->not_due;
	r->overdue = a->open_charges - a->not_due;
	r->credits = a->credits;
	r->net = a->net;
	r->oldest = a->oldest_days;
	r->rank = (int64_t)k->n;
	k->n++;
	return 0;
}

static int sort_col, sort_desc;

static int crow_cmp(const void *pa, const void *pb)
{
	const crow *a = pa, *b = pb;
	int c = 0;

	switch (sort_col) {
	case DCOL_BALANCE: c = (a->net > b->net) - (a->net < b->net); break;
	case DCOL_OVERDUE: c = (a->overdue > b->overdue) - (a->overdue < b->overdue); break;
	case DCOL_DUE: c = (a->due > b->due) - (a->due < b->due); break;
	case DCOL_CREDITS: c = (a->credits > b->credits) - (a->credits < b->credits); break;
	case DCOL_DAYS: c = (a->oldest > b->oldest) - (a->oldest < b->oldest); break;
	case DCOL_STATUS: c = strcmp(a->reminder, b->reminder); break;
	default: break;
	}
	if (!c)
		c = (a->rank > b->rank) - (a->rank < b->rank);
	return sort_desc ? -c : c;
}

static const char filter_clients_sql[] =
	"SELECT id FROM clients WHERE instr(lower(name), lower(?1)) OR instr(tax_id, ?1) ORDER BY id";
static const char reminders_sql[] =
	"SELECT client_id, max(at) FROM client_history WHERE kind = 'reminder' GROUP BY client_id"
	" ORDER BY client_id";

/* Every row of the clients tab, in the query's order (*out to be freed). */
static int client_rows(ledger *l, const dash_query *q, crow **out, size_t *nout, cart_err *e)
{
	static const int64_t none = 0;
	cset k = { .q = q };
	int64_t *ids = NULL;
	size_t nids = 0, cap = 0;
	const company *co = lg_company(l, e);
	sqlite3_stmt *s;
	int rc = CART_OK;

	*out = NULL;
	*nout = 0;
	if (!co)
		return e->code;
	if (q->filter[0]) {
		if (!(s = lg_get(l, filter_clients_sql, e)))
			return e->code;
		lg_bind_text(s, 1, q->filter);
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			if (nids == cap) {
				int64_t *m = realloc(ids, (cap = cap ? cap * 2 : 256) * sizeof *m);

				if (!m) {
					lg_finalize(l, s);
					free(ids);
					return cart_fail(e, CART_NOMEM, _("out of memory filtering the clients"));
				}
				ids = m;
			}
			ids[nids++] = sqlite3_column_int64(s, 0);
		}
		lg_finalize(l, s);
		if (rc != SQLITE_DONE) {
			free(ids);
			return lg_dberr(l, rc, _("filtering the clients"), e);
		}
		k.keep = ids ? ids : &none;
		k.nkeep = nids;
	}
	rc = ledger_aging(l, q->asof, co->ranges, co->n_ranges, crow_cb, &k, e);
	free(ids);
	if (rc == CART_OK && k.fail)
		rc = cart_fail(e, CART_NOMEM, _("out of memory listing the clients"));
	if (rc == CART_OK && k.n && (q->sort == DCOL_STATUS)) {
		/* the last reminder of each client: a small table, read in client order */
		crow **byid = malloc(k.n * sizeof *byid);

		if (!byid)
			rc = cart_fail(e, CART_NOMEM, _("out of memory listing the clients"));
		else if (!(s = lg_get(l, reminders_sql, e))) {
			rc = e->code;
		} else {
			size_t j = 0;

			for (size_t i = 0; i < k.n; i++)
				byid[i] = &k.r[i];
			for (size_t i = 1; i < k.n; i++) /* insertion by id keeps it simple and stable */
				for (size_t m = i; m > 0 && byid[m - 1]->client_id > byid[m]->client_id; m--) {
					crow *t = byid[m];

					byid[m] = byid[m - 1];
					byid[m - 1] = t;
				}
			while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
				int64_t cid = sqlite3_column_int64(s, 0);

				while (j < k.n && byid[j]->client_id < cid)
					j++;
				for (size_t m = j; m < k.n && byid[m]->client_id == cid; m++)
					lg_copy(byid[m]->reminder, sizeof byid[m]->reminder, sqlite3_column_text(s, 1));
			}
			lg_finalize(l, s);
			rc = rc == SQLITE_DONE ? CART_OK : lg_dberr(l, rc, _("reading the reminders"), e);
		}
		free(byid);
	}
	if (rc != CART_OK) {
		free(k.r);
		return rc;
	}
	sort_col = q->sort;
	sort_desc = q->desc;
	if (k.n > 1 && (q->sort != DCOL_CLIENT || q->desc))
		qsort(k.r, k.n, sizeof *k.r, crow_cmp);
	*out = k.r;
	*nout = k.n;
	return CART_OK;
}

static int client_page(ledger *l, const dash_query *q, int64_t offset, int limit, dash_cb cb,
                       void *ud, cart_err *e)
{
	crow *rows;
	size_t n;
	dash_row r;
	int rc = client_rows(l, q, &rows, &n, e);

	for (int64_t i = offset; rc == CART_OK && i >= 0 && i < (int64_t)n && i < offset + limit; i++) {
		const crow *c = &rows[i];
		sqlite3_stmt *s;

		memset(&r, 0, sizeof r);
		r.client_id = c->client_id;
		memcpy(r.currency, c->currency, 4);
		r.balance = c->net;
		r.due = c->due;
		r.overdue = c->overdue;
		r.credits = c->credits;
		r.oldest_days = c->oldest;
		if ((rc = fill_client(l, &r, e)) != CART_OK)
			break;
		if (!(s = lg_get(l, last_reminder_sql, e))) {
			rc = e->code;
			break;
		}
		lg_bind_int(s, 1, r.client_id);
		if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_type(s, 0) != SQLITE_NULL)
			lg_copy(r.last_reminder, sizeof r.last_reminder, sqlite3_column_text(s, 0));
		lg_finalize(l, s);
		if (cb(&r, ud))
			break;
	}
	free(rows);
	return rc;
}

/* ---- public ---- */

int ledger_dash_count(ledger *l, const dash_query *q, int64_t *n, cart_err *e)
{
	sqlite3_stmt *s;
	bounds b;
	int rc;

	*n = 0;
	if ((rc = check_query(q, e)) || (rc = query_bounds(q, &b, e)))
		return rc;
	if (q->tab == DASH_CLIENTS) {
		crow *rows;
		size_t k;

		if ((rc = client_rows(l, q, &rows, &k, e)) == CART_OK)
			*n = (int64_t)k;
		free(rows);
		return rc;
	}
	if (is_item_tab(q->tab)) {
		if (b.empty)
			return CART_OK;
		if (!(s = lg_get(l, item_sql(DCOL_DUE, 0, Q_COUNT), e)))
			return e->code;
		bind_items(s, q, &b);
		return step_int(l, s, n, _("counting the dashboard"), e);
	}
	if (!(s = lg_get(l, doc_sql(q->tab == DASH_QUOTES, DCOL_DATE, 0, Q_COUNT), e)))
		return e->code;
	bind_docs(s, q, &b);
	return step_int(l, s, n, _("counting the documents"), e);
}

int ledger_dash_page(ledger *l, const dash_query *q, int64_t offset, int limit, dash_cb cb,
                     void *ud, cart_err *e)
{
	bounds b;
	int rc;

	if ((rc = check_query(q, e)) || (rc = query_bounds(q, &b, e)))
		return rc;
	if (offset < 0 || limit <= 0)
		return CART_OK;
	if (q->tab == DASH_CLIENTS)
		return client_page(l, q, offset, limit, cb, ud, e);
	if (is_item_tab(q->tab))
		return b.empty ? CART_OK : item_page(l, q, &b, offset, limit, cb, ud, e);
	return doc_page(l, q, &b, offset, limit, cb, ud, e);
}

int ledger_dash_position(ledger *l, const dash_query *q, const dash_key *k, int64_t *pos,
                         cart_err *e)
{
	sqlite3_stmt *s;
	int64_t has = 0;
	bounds b;
	int rc;

	*pos = -1;
	if ((rc = check_query(q, e)) || (rc = query_bounds(q, &b, e)))
		return rc;
	if (q->tab == DASH_CLIENTS) {
		crow *rows;
		size_t n;

		if ((rc = client_rows(l, q, &rows, &n, e)) != CART_OK)
			return rc;
		for (size_t i = 0; i < n; i++)
			if (rows[i].client_id == k->id &&
			    (!k->currency[0] || !strcmp(rows[i].currency, k->currency))) {
				*pos = (int64_t)i;
				break;
			}
		free(rows);
		return CART_OK;
	}
	if (is_item_tab(q->tab)) {
		if (b.empty)
			return CART_OK;
		if (!(s = lg_get(l, item_sql(q->sort, q->desc, Q_HAS), e)))
			return e->code;
		bind_items(s, q, &b);
		lg_bind_int(s, 10, k->id);
		lg_bind_int(s, 11, k->instalment_id);
		if ((rc = step_int(l, s, &has, _("finding the row"), e)) || !has)
			return rc;
		if (!(s = lg_get(l, item_sql(q->sort, q->desc, Q_POS), e)))
			return e->code;
		bind_items(s, q, &b);
		lg_bind_int(s, 10, k->id);
		lg_bind_int(s, 11, k->instalment_id);
		return step_int(l, s, pos, _("finding the row"), e);
	}
	if (!(s = lg_get(l, doc_sql(q->tab == DASH_QUOTES, q->sort, q->desc, Q_HAS), e)))
		return e->code;
	bind_docs(s, q, &b);
	lg_bind_int(s, 10, k->id);
	if ((rc = step_int(l, s, &has, _("finding the row"), e)) || !has)
		return rc;
	if (!(s = lg_get(l, doc_sql(q->tab == DASH_QUOTES, q->sort, q->desc, Q_POS), e)))
		return e->code;
	bind_docs(s, q, &b);
	lg_bind_int(s, 10, k->id);
	return step_int(l, s, pos, _("finding the row"), e);
}

/* ---- client history ---- */

static const char *const hist_names[] = {
#define X(id, name) name,
	HIST_KINDS(X)
#undef X
};

const char *hist_kind_name(int kind)
{
	return kind >= 0 && kind < HIST_NKINDS ? hist_names[kind] : "?";
}

int hist_kind_parse(const char *name)
{
	for (int i = 0; i < HIST_NKINDS; i++)
		if (name && !strcmp(name, hist_names[i]))
			return i;
	return -1;
}

static const char hist_insert_sql[] =
	"INSERT INTO client_history (client_id, at, clerk, kind, document_id, text)"
	" VALUES (?1, coalesce(?2, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), ?3, ?4, ?5, ?6)";
static const char hist_list_sql[] =
	"SELECT h.id, h.at, h.clerk, h.kind, h.document_id, coalesce(d.number, ''), h.text"
	" FROM client_history h LEFT JOIN documents d ON d.id = h.document_id"
	" WHERE h.client_id = ?1 ORDER BY h.at DESC, h.id DESC";

int ledger_history_add(ledger *l, hist_entry *h, cart_err *e)
{
	sqlite3_stmt *s;
	client c;
	int rc;

	if (h->kind < 0 || h->kind >= HIST_NKINDS)
		return cart_fail(e, CART_INVALID, _("unknown kind of history line (%d)"), h->kind);
	if ((rc = ledger_client_get(l, h->client_id, &c, e)) != CART_OK)
		return rc;
	if ((rc = lg_begin(l, e)) != CART_OK)
		return rc;
	if (!(s = lg_get(l, hist_insert_sql, e))) {
		lg_rollback(l);
		return e->code;
	}
	lg_bind_int(s, 1, h->client_id);
	lg_bind_text(s, 2, h->at[0] ? h->at : NULL);
	lg_bind_text(s, 3, l->clerk);
	lg_bind_text(s, 4, hist_kind_name(h->kind));
	if (h->doc_id)
		lg_bind_int(s, 5, h->doc_id);
	else
		sqlite3_bind_null(s, 5);
	lg_bind_text(s, 6, h->text);
	rc = sqlite3_step(s);
	lg_finalize(l, s);
	if (rc != SQLITE_DONE) {
		rc = lg_dberr(l, rc, _("recording in the client's history"), e);
		lg_rollback(l);
		return rc;
	}
	h->id = sqlite3_last_insert_rowid(l->db);
	snprintf(h->clerk, sizeof h->clerk, "%s", l->clerk);
	if ((rc = lg_audit(l, hist_kind_name(h->kind), h->doc_id, h->client_id, h->text, e))) {
		lg_rollback(l);
		return rc;
	}
	return lg_commit(l, e);
}

int ledger_history_list(ledger *l, int64_t client_id, hist_cb cb, void *ud, cart_err *e)
{
	sqlite3_stmt *s = lg_get(l, hist_list_sql, e);
	hist_entry h;
	int rc;

	if (!s)
		return e->code;
	lg_bind_int(s, 1, client_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&h, 0, sizeof h);
		h.id = sqlite3_column_int64(s, 0);
		h.client_id = client_id;
		lg_copy(h.at, sizeof h.at, sqlite3_column_text(s, 1));
		lg_copy(h.clerk, sizeof h.clerk, sqlite3_column_text(s, 2));
		h.kind = hist_kind_parse((const char *)sqlite3_column_text(s, 3));
		h.doc_id = sqlite3_column_int64(s, 4);
		lg_copy(h.number, sizeof h.number, sqlite3_column_text(s, 5));
		lg_copy(h.text, sizeof h.text, sqlite3_column_text(s, 6));
		if (cb(&h, ud))
			break;
	}
	lg_finalize(l, s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return lg_dberr(l, rc, _("reading the client's history"), e);
	return CART_OK;
}
