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

/* The filter: a client whose name or tax id holds ?7, or a document whose number starts with ?8
 * (upper case), or whose sequence is ?9 (digits, zero-padded). Unfiltered queries are separate
 * texts without it: a term such as "?7 IS NULL OR ..." would keep the planner off the indexes. */
#define FILTER(client, doc) \
	"(" client " IN (SELECT id FROM clients" \
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
static char *item_sqls[2][DCOL_N][2][Q_N];
static char *doc_sqls[2][2][2][DCOL_N][2][Q_N];

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

static const char *item_sql(int filtered, int col, int desc, int q)
{
	char **slot = &item_sqls[filtered][col][desc][q];
	const char *key, *dir, *cmp, *f, *fq;
	int flip;

	if (*slot)
		return *slot;
	key = item_key(col, &flip);
	dir = (desc ^ flip) ? " DESC" : "";
	cmp = (desc ^ flip) ? ">" : "<";
	f = filtered ? FILTER("client_id", "doc") : "1";
	fq = filtered ? FILTER("it.client_id", "it.doc") : "1";
	switch (q) {
	case Q_PAGE:
		*slot = build(ITEMS_CTE " SELECT client_id, eid, iid, seq, side, date, due_date, currency,"
		              " amount, open, doc FROM it WHERE %s"
		              " ORDER BY %s%s, eid%s, iid%s LIMIT ?10 OFFSET ?11", f, key, dir, dir, dir);
		break;
	case Q_COUNT:
		*slot = build(ITEMS_CTE " SELECT count(*) FROM it WHERE %s", f);
		break;
	case Q_HAS:
		*slot = build(ITEMS_CTE " SELECT client_id, 0 FROM it WHERE %s AND eid = ?10 AND iid = ?11",
		              f);
		break;
	case Q_POS:
		/* (key, eid, iid) of the row, compared as a row value: rows before it */
		*slot = build(ITEMS_CTE ", me AS MATERIALIZED (SELECT %s AS k, eid, iid FROM it"
		              "  WHERE eid = ?10 AND iid = ?11)"
		              " SELECT count(*) FROM it, me WHERE %s AND (%s, it.eid, it.iid) %s"
		              " (me.k, me.eid, me.iid)", key, fq, key, cmp);
		break;
	}
	return *slot;
}

/* ---- the item tabs when nothing is dated after the as-of date ----
 * The kept open amounts answer: two index ranges (charges and credits without instalments, and
 * instalments), the filter applied inside each so it can use the clients' and documents'
 * indexes. The client order is led by the clients' name index, joined to each client's open
 * items, so a page reads only its clients. The number order is the series (from the entry code:
 * a credit note's NC, an opening's CSI/ASI, a journal's CPD/APD, a receipt's APF, an invoice's
 * CF/CGC and instalments; only an AA credit needs its document's type to tell a receipt from an
 * advance) and then the posting order, which within a series is the order of the numbers. */

#define ARM_E(sel, from, filt) \
	"SELECT e.client_id AS client_id, e.id AS eid, 0 AS iid, 0 AS seq, e.side AS side," \
	"  e.date AS date, e.due_date AS due_date, e.currency AS currency, e.amount AS amount," \
	"  e.open AS open, e.document_id AS doc, e.code AS code" sel from WHERE_E filt
#define WHERE_E \
	" WHERE e.open <> 0 AND e.n_inst = 0 AND e.date <= ?1 AND +e.client_id BETWEEN ?2 AND ?3" \
	"  AND e.side = ?4 AND e.due_date BETWEEN ?5 AND ?6 AND "
/* Only invoices are posted in instalments: their code is CF. The client range is written +col so
 * that the planner cannot carry it over to the clients' rowid in the name order (it would then
 * walk the clients by id and sort everything). */
#define ARM_I(sel, from, filt) \
	"SELECT i.client_id, i.entry_id, i.id, i.seq, 'D', i.date, i.due_date, i.currency, i.amount," \
	"  i.open, 0, 'CF'" sel from WHERE_I filt
#define WHERE_I \
	" WHERE i.open <> 0 AND i.date <= ?1 AND ?4 = 'D' AND +i.client_id BETWEEN ?2 AND ?3" \
	"  AND i.due_date BETWEEN ?5 AND ?6 AND "
#define NUMBER_DOCS \
	"SELECT id FROM documents WHERE number >= ?8 AND number < ?8 || char(127)" \
	" UNION ALL SELECT d.id FROM series s JOIN documents d ON d.number = s.prefix || '-' || ?9"
#define FILTER_CLIENTS \
	"(SELECT id FROM clients WHERE instr(lower(name), lower(?7)) OR instr(tax_id, ?7))"
#define FILT_E "(e.client_id IN " FILTER_CLIENTS " OR e.document_id IN (" NUMBER_DOCS "))"
#define FILT_I \
	"(i.client_id IN " FILTER_CLIENTS " OR i.entry_id IN (SELECT x.id FROM entries x" \
	"  WHERE x.document_id IN (" NUMBER_DOCS ")))"

/* An AA credit is an advance's when its document is one: looked up in the small 'advance' part
 * of the documents' type index (an entry carries its document's date), not in the table. */
#define SERIES_E \
	"CASE e.code WHEN 'CSI' THEN 'SI' WHEN 'ASI' THEN 'SI' WHEN 'CPD' THEN 'PD'" \
	" WHEN 'APD' THEN 'PD' WHEN 'NC' THEN 'NC' WHEN 'APF' THEN 'RC'" \
	" WHEN 'AA' THEN CASE WHEN EXISTS (SELECT 1 FROM documents a INDEXED BY documents_type" \
	"  WHERE a.type = 'advance'" \
	"  AND a.date = e.date AND a.id = e.document_id) THEN 'ANT' ELSE 'RC' END ELSE 'FAC' END"

/* The sort key of a column in the two arms (entries, instalments) and over their union. */
static void now_key(int col, int *flip, const char **ke, const char **ki, const char **k)
{
	*flip = 0;
	switch (col) {
	case DCOL_NUMBER: *ke = SERIES_E; *ki = "'FAC'"; *k = "it.sk"; break;
	case DCOL_DATE: *ke = "e.date"; *ki = "i.date"; *k = "it.date"; break;
	case DCOL_AMOUNT: *ke = "e.amount"; *ki = "i.amount"; *k = "it.amount"; break;
	case DCOL_OPEN: *ke = "e.open"; *ki = "i.open"; *k = "it.open"; break;
	case DCOL_DAYS: *flip = 1; /* fall through */
	default: *ke = "e.due_date"; *ki = "i.due_date"; *k = "it.due_date"; break;
	}
}

static char *now_sqls[2][DCOL_N][2][Q_N];

static const char *item_now_sql(int filtered, int col, int desc, int q)
{
	char **slot = &now_sqls[filtered][col][desc][q];
	const char *key, *ke, *ki, *dir, *cmp, *arms, *fe, *fi;
	int flip;

	if (*slot)
		return *slot;
	now_key(col, &flip, &ke, &ki, &key);
	dir = (desc ^ flip) ? " DESC" : "";
	cmp = (desc ^ flip) ? ">" : "<";
	fe = filtered ? FILT_E : "1";
	fi = filtered ? FILT_I : "1";
	switch (q) {
	case Q_PAGE:
		/* a compound at the top, ordered by result columns: each arm is read in the order
		 * of its index where one serves (due date, client name) and the two are merged */
		if (col == DCOL_CLIENT)
			*slot = build(ARM_E(", c.name", " FROM clients c CROSS JOIN entries e"
			                    " ON e.client_id = c.id", "%s")
			              " UNION ALL "
			              ARM_I(", c.name", " FROM clients c CROSS JOIN instalments i"
			                    " ON i.client_id = c.id", "%s")
			              " ORDER BY 13 COLLATE NOCASE%s, 1%s, 2%s, 3%s LIMIT ?10 OFFSET ?11",
			              fe, fi, dir, dir, dir, dir);
		else
			*slot = build(ARM_E(", %s", " FROM entries e", "%s") " UNION ALL "
			              ARM_I(", %s", " FROM instalments i", "%s")
			              " ORDER BY 13%s, 2%s, 3%s LIMIT ?10 OFFSET ?11",
			              ke, fe, ki, fi, dir, dir, dir);
		break;
	case Q_COUNT:
		*slot = build("SELECT (SELECT count(*) FROM entries e" WHERE_E "%s) +"
		              " (SELECT count(*) FROM instalments i" WHERE_I "%s)", fe, fi);
		break;
	case Q_HAS:
		arms = filtered ? "(" ARM_E(", " SERIES_E " AS sk", " FROM entries e", FILT_E)
		                  " UNION ALL " ARM_I(", 'FAC'", " FROM instalments i", FILT_I) ") AS it"
		                : "(" ARM_E(", " SERIES_E " AS sk", " FROM entries e", "1")
		                  " UNION ALL " ARM_I(", 'FAC'", " FROM instalments i", "1") ") AS it";
		*slot = build("SELECT it.client_id, %s FROM %s WHERE it.eid = ?10 AND it.iid = ?11",
		              col == DCOL_CLIENT ? "0" : key, arms);
		break;
	case Q_POS:
		arms = filtered ? "(" ARM_E(", " SERIES_E " AS sk", " FROM entries e", FILT_E)
		                  " UNION ALL " ARM_I(", 'FAC'", " FROM instalments i", FILT_I) ") AS it"
		                : "(" ARM_E(", " SERIES_E " AS sk", " FROM entries e", "1")
		                  " UNION ALL " ARM_I(", 'FAC'", " FROM instalments i", "1") ") AS it";
		if (col == DCOL_CLIENT)
			/* the items of the clients before the row's client, and the row's client's
			 * items before it (?12: that client) */
			*slot = build("SELECT count(*) FROM %s WHERE it.client_id IN (SELECT id FROM"
			              " clients WHERE (name COLLATE NOCASE, id) %s (SELECT name COLLATE"
			              " NOCASE, id FROM clients WHERE id = ?12))"
			              " OR (it.client_id = ?12 AND (it.eid, it.iid) %s (?10, ?11))",
			              arms, cmp, cmp);
		else
			/* ?13: the row's key. The first count pushes "key before it" into both index
			 * ranges, which for the due-date orders reads only the rows before it */
			*slot = build("SELECT (SELECT count(*) FROM %s WHERE %s %s ?13)"
			              " + (SELECT count(*) FROM %s WHERE %s = ?13 AND (it.eid, it.iid) %s"
			              " (?10, ?11))", arms, key, cmp, arms, key, cmp);
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
	int now;                /* nothing is dated after the as-of date */
} bounds;

/* The due-date range of a query: its tab's side of today, narrowed by the days bounds. */
static int query_bounds(ledger *l, const dash_query *q, bounds *b, cart_err *e)
{
	date_t today;
	char d[DATE_LEN];
	size_t n, i;
	int digits = 1;

	memset(b, 0, sizeof *b);
	if (lg_date(q->asof, "the as-of date", e) != CART_OK)
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
	if (lg_asof_is_now(l, q->asof, &b->now, e) != CART_OK)
		return e->code;
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
		return cart_fail(e, CART_INVALID, "no such dashboard tab (%d)", q->tab);
	if (!dash_col_allowed(q->tab, q->sort))
		return cart_fail(e, CART_INVALID, "this tab cannot be sorted by that column");
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
	return rc == SQLITE_ROW ? CART_OK : lg_dberr(l, rc, "reading a client", e);
}

static int item_page(ledger *l, const dash_query *q, const bounds *b, int64_t offset, int limit,
                     dash_cb cb, void *ud, cart_err *e)
{
	sqlite3_stmt *s, *d;
	date_t today, due;
	dash_row r;
	int rc, fail = CART_OK;

	s = lg_get(l, b->now ? item_now_sql(b->has_filter, q->sort, q->desc, Q_PAGE) :
	              item_sql(b->has_filter, q->sort, q->desc, Q_PAGE), e);
	if (!s)
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
	return rc == SQLITE_DONE ? CART_OK : lg_dberr(l, rc, "reading the dashboard", e);
}

/* ---- transactions and quotes ---- */

/* All clients have no client term at all: a range on d.client_id would let the planner walk the
 * clients and each one's documents, sorting everything, instead of reading one index in order.
 * CROSS JOIN fixes which table leads: the clients (by name) for the client order, else the
 * documents through the index of the sort column. */
#define DOC_WHERE " WHERE d.date <= ?1 AND %s AND %s AND %s"
#define DOC_LEAD_DOCS " FROM documents d CROSS JOIN clients c ON c.id = d.client_id"
#define DOC_LEAD_CLIENTS " FROM clients c CROSS JOIN documents d ON d.client_id = c.id"

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

static const char *doc_sql(int quotes, int one, int filtered, int col, int desc, int q)
{
	char **slot = &doc_sqls[quotes][one][filtered][col][desc][q];
	const char *key, *tie, *dir, *cmp, *which, *who = one ? "d.client_id = ?2" : "1";
	const char *from = col == DCOL_CLIENT ? DOC_LEAD_CLIENTS : DOC_LEAD_DOCS;
	const char *f = filtered ? FILTER("d.client_id", "d.id") : "1";
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
		              " d.total, c.name, c.tax_id, c.dv%s" DOC_WHERE " ORDER BY %s"
		              " LIMIT ?10 OFFSET ?11", from, who, which, f, order);
		break;
	case Q_COUNT:
		*slot = build("SELECT count(*) FROM documents d" DOC_WHERE, who, which, f);
		break;
	case Q_HAS:
		*slot = build("SELECT count(*) FROM documents d" DOC_WHERE " AND d.id = ?10", who, which, f);
		break;
	case Q_POS:
		*slot = build("SELECT count(*)%s" DOC_WHERE " AND (%s%s) %s (SELECT %s%s FROM documents d"
		              " JOIN clients c ON c.id = d.client_id WHERE d.id = ?10)",
		              from, who, which, f, key, tie, cmp, key, tie);
		break;
	}
	return *slot;
}

static void bind_docs(sqlite3_stmt *s, const dash_query *q, const bounds *b)
{
	lg_bind_text(s, 1, q->asof);
	lg_bind_int(s, 2, q->client_id);
	bind_filter(s, b);
}

/* What a document keeps open now (charges minus credits of its own entries), whether a void
 * reversed it, and the earliest due date of what it still has open (instalments included). */
static const char doc_state_sql[] =
	"SELECT coalesce(sum(CASE side WHEN 'D' THEN open ELSE -open END), 0),"
	"  (SELECT count(*) FROM documents v WHERE v.voids_id = ?1),"
	"  min(coalesce(min(CASE WHEN side = 'D' AND open <> 0 AND n_inst = 0 THEN due_date END),"
	"               '9999-99-99'),"
	"      coalesce((SELECT min(i.due_date) FROM instalments i JOIN entries x ON x.id = i.entry_id"
	"                WHERE x.document_id = ?1 AND i.open <> 0), '9999-99-99'))"
	" FROM entries WHERE document_id = ?1 AND reverses_id IS NULL";

static int doc_page(ledger *l, const dash_query *q, const bounds *b, int64_t offset, int limit,
                    dash_cb cb, void *ud, cart_err *e)
{
	int quotes = q->tab == DASH_QUOTES;
	sqlite3_stmt *s, *d;
	dash_row r;
	int rc, fail = CART_OK;

	s = lg_get(l, doc_sql(quotes, q->client_id != 0, b->has_filter, q->sort, q->desc, Q_PAGE), e);
	if (!s)
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
			if (sqlite3_column_type(d, 2) != SQLITE_NULL)
				lg_copy(r.open_due, sizeof r.open_due, sqlite3_column_text(d, 2));
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
	return rc == SQLITE_DONE ? CART_OK : lg_dberr(l, rc, "reading the documents", e);
}

/* ---- clients ---- */

typedef struct crow {
	int64_t client_id;
	char currency[4];
	int64_t due, overdue, credits, net;
	int oldest;
	int64_t rank;           /* position in name order */
	char reminder[24];
	char oldest_due[DATE_LEN];
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

/* ---- the clients tab's figures when nothing is dated after the as-of date ----
 * Every client's open items added up from the two partial indexes read in client order (as the
 * totals are), with no walk of the clients by name: orders other than the name's tie by client
 * id. Rows are passed to crow_cb in client id order. */
static const char cl_entries_sql[] =
	"SELECT client_id, currency, side, due_date, open FROM entries"
	" WHERE open <> 0 AND n_inst = 0 AND date <= ?1 AND client_id BETWEEN ?2 AND ?3"
	" ORDER BY client_id, currency";
static const char cl_inst_sql[] =
	"SELECT client_id, currency, 'D', due_date, open FROM instalments"
	" WHERE open <> 0 AND date <= ?1 AND client_id BETWEEN ?2 AND ?3"
	" ORDER BY client_id, currency";

static int crow_key_cmp(const crow *a, int64_t client_id, const char *cur)
{
	if (a->client_id != client_id)
		return a->client_id < client_id ? -1 : 1;
	return strcmp(a->currency, cur);
}

static int crow_order_cmp(const void *pa, const void *pb)
{
	const crow *b = pb;

	return crow_key_cmp(pa, b->client_id, b->currency);
}

/* Rows are added up in place in k->r: the first stream arrives in client order, the second is
 * merged into it by a cursor (both are in client order), what it adds is appended and the whole
 * sorted once. The filters then compact the array. */
static int client_aggregate_now(ledger *l, const dash_query *q, cset *k, cart_err *e)
{
	size_t n1 = 0, cur = 0, out = 0;
	date_t today, old;
	int rc = CART_OK, appended = 0;

	date_parse(q->asof, &today, NULL);
	for (int pass = 0; pass < 2 && rc == CART_OK; pass++) {
		sqlite3_stmt *s = lg_get(l, pass ? cl_inst_sql : cl_entries_sql, e);

		if (!s) {
			rc = e->code;
			break;
		}
		lg_bind_text(s, 1, q->asof);
		lg_bind_int(s, 2, q->client_id ? q->client_id : 0);
		lg_bind_int(s, 3, q->client_id ? q->client_id : INT64_MAX);
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			int64_t cid = sqlite3_column_int64(s, 0);
			const char *ccy = (const char *)sqlite3_column_text(s, 1);
			const char *due = (const char *)sqlite3_column_text(s, 3);
			int64_t open = sqlite3_column_int64(s, 4);
			crow *r = NULL;

			if (pass == 0) {
				if (k->n && !crow_key_cmp(&k->r[k->n - 1], cid, ccy))
					r = &k->r[k->n - 1];
			} else {
				while (cur < n1 && crow_key_cmp(&k->r[cur], cid, ccy) < 0)
					cur++;
				if (cur < n1 && !crow_key_cmp(&k->r[cur], cid, ccy))
					r = &k->r[cur];
				else if (k->n > n1 && !crow_key_cmp(&k->r[k->n - 1], cid, ccy))
					r = &k->r[k->n - 1];
			}
			if (!r) {
				if (k->n == k->cap) {
					size_t cap = k->cap ? k->cap * 2 : 4096;
					crow *m = realloc(k->r, cap * sizeof *m);

					if (!m) {
						rc = SQLITE_NOMEM;
						break;
					}
					k->r = m;
					k->cap = cap;
				}
				r = &k->r[k->n++];
				memset(r, 0, sizeof *r);
				r->client_id = cid;
				memcpy(r->currency, ccy, strlen(ccy) < 4 ? strlen(ccy) + 1 : 4);
				appended |= pass;
			}
			if (sqlite3_column_text(s, 2)[0] == 'C')
				r->credits += open;
			else if (strcmp(due, q->asof) >= 0)
				r->due += open;
			else {
				r->overdue += open;
				if (!r->oldest_due[0] || strcmp(due, r->oldest_due) < 0)
					memcpy(r->oldest_due, due, DATE_LEN);
			}
		}
		lg_finalize(l, s);
		rc = rc == SQLITE_DONE ? CART_OK : lg_dberr(l, rc, "adding up the clients", e);
		if (pass == 0)
			n1 = k->n;
	}
	if (rc != CART_OK)
		return rc;
	if (appended)
		qsort(k->r, k->n, sizeof *k->r, crow_order_cmp);
	for (size_t i = 0; i < k->n; i++) {
		crow *r = &k->r[i];

		r->net = r->due + r->overdue - r->credits;
		r->oldest = r->oldest_due[0] && date_parse(r->oldest_due, &old, NULL) == CART_OK ?
		            (int)(today - old) : 0;
		if (k->keep && !bsearch(&r->client_id, k->keep, k->nkeep, sizeof *k->keep, id_cmp))
			continue;
		if ((q->has_min && r->oldest < q->days_min) || (q->has_max && r->oldest > q->days_max))
			continue;
		r->rank = (int64_t)out;
		if (out != i)
			k->r[out] = *r;
		out++;
	}
	k->n = out;
	return CART_OK;
}

static int crow_id_cmp(const void *pa, const void *pb)
{
	const crow *a = *(const crow *const *)pa, *b = *(const crow *const *)pb;

	return (a->client_id > b->client_id) - (a->client_id < b->client_id);
}

/* Every row of the clients tab, in the query's order (*out to be freed). */
static int client_rows(ledger *l, const dash_query *q, int now, crow **out, size_t *nout,
                       cart_err *e)
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
					return cart_fail(e, CART_NOMEM, "out of memory filtering the clients");
				}
				ids = m;
			}
			ids[nids++] = sqlite3_column_int64(s, 0);
		}
		lg_finalize(l, s);
		if (rc != SQLITE_DONE) {
			free(ids);
			return lg_dberr(l, rc, "filtering the clients", e);
		}
		k.keep = ids ? ids : &none;
		k.nkeep = nids;
	}
	if (now && q->sort != DCOL_CLIENT)
		rc = client_aggregate_now(l, q, &k, e);
	else
		rc = ledger_aging(l, q->asof, co->ranges, co->n_ranges, crow_cb, &k, e);
	free(ids);
	if (rc == CART_OK && k.fail)
		rc = cart_fail(e, CART_NOMEM, "out of memory listing the clients");
	if (rc == CART_OK && k.n && (q->sort == DCOL_STATUS)) {
		/* the last reminder of each client: a small table, read in client order */
		crow **byid = malloc(k.n * sizeof *byid);

		if (!byid)
			rc = cart_fail(e, CART_NOMEM, "out of memory listing the clients");
		else if (!(s = lg_get(l, reminders_sql, e))) {
			rc = e->code;
		} else {
			size_t j = 0;

			for (size_t i = 0; i < k.n; i++)
				byid[i] = &k.r[i];
			qsort(byid, k.n, sizeof *byid, crow_id_cmp);
			while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
				int64_t cid = sqlite3_column_int64(s, 0);

				while (j < k.n && byid[j]->client_id < cid)
					j++;
				for (size_t m = j; m < k.n && byid[m]->client_id == cid; m++)
					lg_copy(byid[m]->reminder, sizeof byid[m]->reminder, sqlite3_column_text(s, 1));
			}
			lg_finalize(l, s);
			rc = rc == SQLITE_DONE ? CART_OK : lg_dberr(l, rc, "reading the reminders", e);
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

/* The clients tab in name order, when nothing is dated after the as-of date and no days bound
 * applies: the clients' name index leads, joined to each client's open entries, so a page reads
 * only its own clients; each row's figures are then added up from that client's open items. */
#define CLIENT_FILTER(c) "(instr(lower(" c ".name), lower(?7)) OR instr(" c ".tax_id, ?7))"
#define CLIENT_PAGE(filt, dir) \
	"SELECT DISTINCT c.name COLLATE NOCASE, c.id, e.currency FROM clients c" \
	" CROSS JOIN entries e INDEXED BY entries_open ON e.client_id = c.id" \
	" WHERE e.open <> 0 AND e.date <= ?1 AND +c.id BETWEEN ?2 AND ?3 AND " filt \
	" ORDER BY 1" dir ", 2" dir ", 3" dir " LIMIT ?10 OFFSET ?11"
#define CLIENT_PAIRS(filt) \
	"SELECT DISTINCT e.client_id, e.currency FROM entries e INDEXED BY entries_open" \
	" WHERE e.open <> 0 AND e.date <= ?1 AND e.client_id BETWEEN ?2 AND ?3 AND " filt
#define CLIENT_IN " e.client_id IN (SELECT id FROM clients c WHERE " CLIENT_FILTER("c") ")"
#define CLIENT_POS(filt, cmp) \
	"SELECT count(*) FROM (" CLIENT_PAIRS(filt) " AND (e.client_id IN (SELECT id FROM clients" \
	"  WHERE (name COLLATE NOCASE, id) " cmp " (SELECT name COLLATE NOCASE, id FROM clients" \
	"  WHERE id = ?12)) OR (e.client_id = ?12 AND e.currency " cmp " ?13)))"

static const char *const client_page_sqls[2][2] = {
	{ CLIENT_PAGE("1", ""), CLIENT_PAGE("1", " DESC") },
	{ CLIENT_PAGE(CLIENT_FILTER("c"), ""), CLIENT_PAGE(CLIENT_FILTER("c"), " DESC") },
};
static const char *const client_count_sqls[2] = {
	"SELECT count(*) FROM (" CLIENT_PAIRS("1") ")",
	"SELECT count(*) FROM (" CLIENT_PAIRS(CLIENT_IN) ")",
};
static const char *const client_has_sqls[2] = {
	"SELECT count(*) FROM (" CLIENT_PAIRS("1") " AND e.client_id = ?12 AND e.currency = ?13)",
	"SELECT count(*) FROM (" CLIENT_PAIRS(CLIENT_IN) " AND e.client_id = ?12"
	" AND e.currency = ?13)",
};
static const char *const client_pos_sqls[2][2] = {
	{ CLIENT_POS("1", "<"), CLIENT_POS("1", ">") },
	{ CLIENT_POS(CLIENT_IN, "<"), CLIENT_POS(CLIENT_IN, ">") },
};
static const char client_items_sql[] =
	"SELECT side, due_date, open FROM entries WHERE client_id = ?1 AND currency = ?2"
	"  AND open <> 0 AND n_inst = 0 AND date <= ?3"
	" UNION ALL SELECT 'D', due_date, open FROM instalments WHERE client_id = ?1"
	"  AND currency = ?2 AND open <> 0 AND date <= ?3";

static int client_fast(const dash_query *q, const bounds *b)
{
	return b->now && q->sort == DCOL_CLIENT && !q->has_min && !q->has_max;
}

static void bind_clients(sqlite3_stmt *s, const dash_query *q, const bounds *b)
{
	lg_bind_text(s, 1, q->asof);
	lg_bind_int(s, 2, q->client_id ? q->client_id : 0);
	lg_bind_int(s, 3, q->client_id ? q->client_id : INT64_MAX);
	if (b->has_filter)
		lg_bind_text(s, 7, b->filter);
}

/* One client's figures in one currency as of q->asof. */
static int client_sums(ledger *l, const dash_query *q, dash_row *r, cart_err *e)
{
	sqlite3_stmt *s = lg_get(l, client_items_sql, e);
	char oldest[DATE_LEN] = "";
	date_t today, old;
	int rc;

	if (!s)
		return e->code;
	lg_bind_int(s, 1, r->client_id);
	lg_bind_text(s, 2, r->currency);
	lg_bind_text(s, 3, q->asof);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *due = (const char *)sqlite3_column_text(s, 1);
		int64_t open = sqlite3_column_int64(s, 2);

		if (sqlite3_column_text(s, 0)[0] == 'C')
			r->credits += open;
		else if (strcmp(due, q->asof) >= 0)
			r->due += open;
		else {
			r->overdue += open;
			if (!oldest[0] || strcmp(due, oldest) < 0)
				snprintf(oldest, sizeof oldest, "%s", due);
		}
	}
	lg_finalize(l, s);
	if (rc != SQLITE_DONE)
		return lg_dberr(l, rc, "adding up a client's open items", e);
	r->balance = r->due + r->overdue - r->credits;
	if (oldest[0] && date_parse(oldest, &old, NULL) == CART_OK &&
	    date_parse(q->asof, &today, NULL) == CART_OK)
		r->oldest_days = (int)(today - old);
	return CART_OK;
}

static int last_reminder(ledger *l, dash_row *r, cart_err *e)
{
	sqlite3_stmt *s = lg_get(l, last_reminder_sql, e);

	if (!s)
		return e->code;
	lg_bind_int(s, 1, r->client_id);
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_type(s, 0) != SQLITE_NULL)
		lg_copy(r->last_reminder, sizeof r->last_reminder, sqlite3_column_text(s, 0));
	lg_finalize(l, s);
	return CART_OK;
}

static int client_page_fast(ledger *l, const dash_query *q, const bounds *b, int64_t offset,
                            int limit, dash_cb cb, void *ud, cart_err *e)
{
	sqlite3_stmt *s = lg_get(l, client_page_sqls[b->has_filter][q->desc != 0], e);
	dash_row r;
	int rc, fail = CART_OK;

	if (!s)
		return e->code;
	bind_clients(s, q, b);
	lg_bind_int(s, 10, limit);
	lg_bind_int(s, 11, offset);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&r, 0, sizeof r);
		r.client_id = sqlite3_column_int64(s, 1);
		lg_copy(r.currency, sizeof r.currency, sqlite3_column_text(s, 2));
		if ((fail = fill_client(l, &r, e)) || (fail = client_sums(l, q, &r, e)) ||
		    (fail = last_reminder(l, &r, e)))
			break;
		if (cb(&r, ud)) {
			rc = SQLITE_DONE;
			break;
		}
	}
	lg_finalize(l, s);
	if (fail != CART_OK)
		return fail;
	return rc == SQLITE_DONE ? CART_OK : lg_dberr(l, rc, "listing the clients", e);
}

static int client_page(ledger *l, const dash_query *q, const bounds *b, int64_t offset, int limit,
                       dash_cb cb, void *ud, cart_err *e)
{
	crow *rows;
	size_t n;
	dash_row r;
	int rc = client_rows(l, q, b->now, &rows, &n, e);

	for (int64_t i = offset; rc == CART_OK && i >= 0 && i < (int64_t)n && i < offset + limit; i++) {
		const crow *c = &rows[i];

		memset(&r, 0, sizeof r);
		r.client_id = c->client_id;
		memcpy(r.currency, c->currency, 4);
		r.balance = c->net;
		r.due = c->due;
		r.overdue = c->overdue;
		r.credits = c->credits;
		r.oldest_days = c->oldest;
		if ((rc = fill_client(l, &r, e)) != CART_OK || (rc = last_reminder(l, &r, e)) != CART_OK)
			break;
		if (cb(&r, ud))
			break;
	}
	free(rows);
	return rc;
}

/* ---- public ---- */

/* Every document but quotes dated on or before asof. Counting them row by row reads an index of
 * 1.8 M entries; SQLite counts a whole table from its pages instead, and what is dated later or
 * is a quote is found through small index ranges. */
static const char docs_all_sql[] = "SELECT count(*) FROM documents";
static const char docs_later_sql[] =
	"SELECT (SELECT count(*) FROM documents WHERE date > ?1)"
	"  + (SELECT count(*) FROM documents WHERE type = 'quote' AND date <= ?1)";

static int count_all_docs(ledger *l, const char *asof, int64_t *n, cart_err *e)
{
	sqlite3_stmt *s;
	int64_t all = 0, later = 0;
	int rc;

	if (!(s = lg_get(l, docs_all_sql, e)))
		return e->code;
	if ((rc = step_int(l, s, &all, "counting the documents", e)) != CART_OK)
		return rc;
	if (!(s = lg_get(l, docs_later_sql, e)))
		return e->code;
	lg_bind_text(s, 1, asof);
	if ((rc = step_int(l, s, &later, "counting the documents", e)) != CART_OK)
		return rc;
	*n = all - later;
	return CART_OK;
}

int ledger_dash_count(ledger *l, const dash_query *q, int64_t *n, cart_err *e)
{
	sqlite3_stmt *s;
	bounds b;
	int rc;

	*n = 0;
	if ((rc = check_query(q, e)) || (rc = query_bounds(l, q, &b, e)))
		return rc;
	if (q->tab == DASH_CLIENTS && client_fast(q, &b)) {
		if (!(s = lg_get(l, client_count_sqls[b.has_filter], e)))
			return e->code;
		bind_clients(s, q, &b);
		return step_int(l, s, n, "counting the clients", e);
	}
	if (q->tab == DASH_CLIENTS) {
		crow *rows;
		size_t k;

		if ((rc = client_rows(l, q, b.now, &rows, &k, e)) == CART_OK)
			*n = (int64_t)k;
		free(rows);
		return rc;
	}
	if (is_item_tab(q->tab)) {
		if (b.empty)
			return CART_OK;
		s = lg_get(l, b.now ? item_now_sql(b.has_filter, DCOL_DUE, 0, Q_COUNT) :
		              item_sql(b.has_filter, DCOL_DUE, 0, Q_COUNT), e);
		if (!s)
			return e->code;
		bind_items(s, q, &b);
		return step_int(l, s, n, "counting the dashboard", e);
	}
	if (q->tab == DASH_TRANSACTIONS && !q->client_id && !b.has_filter)
		return count_all_docs(l, q->asof, n, e);
	s = lg_get(l, doc_sql(q->tab == DASH_QUOTES, q->client_id != 0, b.has_filter, DCOL_DATE, 0,
	                      Q_COUNT), e);
	if (!s)
		return e->code;
	bind_docs(s, q, &b);
	return step_int(l, s, n, "counting the documents", e);
}

int ledger_dash_page(ledger *l, const dash_query *q, int64_t offset, int limit, dash_cb cb,
                     void *ud, cart_err *e)
{
	bounds b;
	int rc;

	if ((rc = check_query(q, e)) || (rc = query_bounds(l, q, &b, e)))
		return rc;
	if (offset < 0 || limit <= 0)
		return CART_OK;
	if (q->tab == DASH_CLIENTS)
		return client_fast(q, &b) ? client_page_fast(l, q, &b, offset, limit, cb, ud, e)
		                          : client_page(l, q, &b, offset, limit, cb, ud, e);
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
	if ((rc = check_query(q, e)) || (rc = query_bounds(l, q, &b, e)))
		return rc;
	if (q->tab == DASH_CLIENTS && client_fast(q, &b)) {
		if (!(s = lg_get(l, client_has_sqls[b.has_filter], e)))
			return e->code;
		bind_clients(s, q, &b);
		lg_bind_int(s, 12, k->id);
		lg_bind_text(s, 13, k->currency);
		if ((rc = step_int(l, s, &has, "finding the client", e)) || !has)
			return rc;
		if (!(s = lg_get(l, client_pos_sqls[b.has_filter][q->desc != 0], e)))
			return e->code;
		bind_clients(s, q, &b);
		lg_bind_int(s, 12, k->id);
		lg_bind_text(s, 13, k->currency);
		return step_int(l, s, pos, "finding the client", e);
	}
	if (q->tab == DASH_CLIENTS) {
		crow *rows;
		size_t n;

		if ((rc = client_rows(l, q, b.now, &rows, &n, e)) != CART_OK)
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
		sqlite3_value *key = NULL;
		int64_t cid = 0;

		if (b.empty)
			return CART_OK;
		s = lg_get(l, b.now ? item_now_sql(b.has_filter, q->sort, q->desc, Q_HAS) :
		              item_sql(b.has_filter, q->sort, q->desc, Q_HAS), e);
		if (!s)
			return e->code;
		bind_items(s, q, &b);
		lg_bind_int(s, 10, k->id);
		lg_bind_int(s, 11, k->instalment_id);
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW) {
			cid = sqlite3_column_int64(s, 0);
			if (b.now && !(key = sqlite3_value_dup(sqlite3_column_value(s, 1)))) {
				lg_finalize(l, s);
				return cart_fail(e, CART_NOMEM, "out of memory finding the row");
			}
		}
		lg_finalize(l, s);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return lg_dberr(l, rc, "finding the row", e);
		if (!cid)
			return CART_OK;
		s = lg_get(l, b.now ? item_now_sql(b.has_filter, q->sort, q->desc, Q_POS) :
		              item_sql(b.has_filter, q->sort, q->desc, Q_POS), e);
		if (!s) {
			sqlite3_value_free(key);
			return e->code;
		}
		bind_items(s, q, &b);
		lg_bind_int(s, 10, k->id);
		lg_bind_int(s, 11, k->instalment_id);
		lg_bind_int(s, 12, cid);
		if (key)
			sqlite3_bind_value(s, 13, key);
		rc = step_int(l, s, pos, "finding the row", e);
		sqlite3_value_free(key);
		return rc;
	}
	s = lg_get(l, doc_sql(q->tab == DASH_QUOTES, q->client_id != 0, b.has_filter, q->sort, q->desc,
	                      Q_HAS), e);
	if (!s)
		return e->code;
	bind_docs(s, q, &b);
	lg_bind_int(s, 10, k->id);
	if ((rc = step_int(l, s, &has, "finding the row", e)) || !has)
		return rc;
	s = lg_get(l, doc_sql(q->tab == DASH_QUOTES, q->client_id != 0, b.has_filter, q->sort, q->desc,
	                      Q_POS), e);
	if (!s)
		return e->code;
	bind_docs(s, q, &b);
	lg_bind_int(s, 10, k->id);
	return step_int(l, s, pos, "finding the row", e);
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
		return cart_fail(e, CART_INVALID, "unknown kind of history line (%d)", h->kind);
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
		rc = lg_dberr(l, rc, "recording in the client's history", e);
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
		return lg_dberr(l, rc, "reading the client's history", e);
	return CART_OK;
}
