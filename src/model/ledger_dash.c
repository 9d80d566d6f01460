/* The dashboard's item tabs (due, overdue, credits) and its document tabs (transactions,
 * quotes), asked of the ledger (SPEC B2).
 *
 * As of today (nothing dated after the as-of date), item tabs read two partial covering indexes
 * of what is open (data/005_dashboard.sql): the side and the due-date range bound the scan, the
 * usual order (due date, then posting order) is the indexes' own so two ordered runs are merged,
 * other columns are a top-N sort over the index range, the client order is led by the clients'
 * name index, and no count or page reads the entries table; a page's own rows are then completed
 * (client, document) by point lookups. As of a past date the items carry what allocations dated
 * after it took (as LG_ITEMS_CTE does): correct, and slower.
 *
 * Transactions and quotes page the documents table with the index of the sort column leading.
 * The clients tab and the client history are in ledger_dash_clients.c.
 *
 * The SQL texts differ by their ORDER BY and by whether a filter or one client applies, chosen
 * from fixed fragments (never from input), and are built once per process so lg_prepare can
 * cache them by address. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ledger_dash.h"
#include "ledger_dash_int.h"

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
	"(" client " IN (" LG_FIND_CLIENTS("?7") ")" \
	" OR " doc " IN (SELECT id FROM documents WHERE number >= ?8 AND number < ?8 || char(127))" \
	" OR " doc " IN (SELECT d.id FROM series s JOIN documents d ON d.number = s.prefix || '-' || ?9))"

/* The same filter tested on each row of a walk in the tab's order, for a filter that finds more
 * than the count's bound: one or two letters are tested on the joined client's row c (building
 * the list of every client they find read all 50,000 clients, 20-50 ms a key), three or more
 * ask the trigram index once, a number prefix is tested on the row, and "+" keeps the planner
 * from gathering the rows of each arm through its index and sorting them all (MULTI-INDEX OR). */
#define FILTER_WALK \
	"((length(cartera_search_key(?7)) < 3" \
	"  AND (instr(c.search_key, cartera_search_key(?7)) OR instr(c.tax_id, ?7)))" \
	" OR (length(cartera_search_key(?7)) >= 3 AND +d.client_id IN" \
	"     (SELECT rowid FROM clients_find WHERE clients_find MATCH cartera_find_query(?7, 2)))" \
	" OR (d.number >= ?8 AND d.number < ?8 || char(127))" \
	" OR +d.id IN (SELECT d.id FROM series s JOIN documents d ON d.number = s.prefix || '-' || ?9))"

#define CLIENT_NAME(col) "(SELECT name FROM clients WHERE id = " col ")"
#define CLIENT_KEY(col) "(SELECT name_key FROM clients WHERE id = " col ")"
#define DOC_NUMBER(col) "(SELECT number FROM documents WHERE id = " col ")"

/* Sort key of each column for the item tabs; days overdue run against the due date. */
static const char *item_key(int col, int *flip)
{
	*flip = 0;
	switch (col) {
	case DCOL_CLIENT: return CLIENT_KEY("client_id");
	case DCOL_NUMBER: return DOC_NUMBER("doc");
	case DCOL_DATE: return "date";
	case DCOL_DAYS: *flip = 1; return "due_date";
	case DCOL_AMOUNT: return "amount";
	case DCOL_OPEN: return "open";
	default: return "due_date";
	}
}

enum { Q_PAGE, Q_COUNT, Q_POS, Q_HAS, Q_CAP, Q_N };

/* Built SQL texts, kept for the life of the process (lg_prepare caches by address). */
static char *item_sqls[2][DCOL_N][2][Q_N];
static char *doc_sqls[2][2][2][2][DCOL_N][2][Q_N];

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
#define FILTER_CLIENTS "(" LG_FIND_CLIENTS("?7") ")"
#define FILT_E "(e.client_id IN " FILTER_CLIENTS " OR e.document_id IN (" NUMBER_DOCS "))"
#define FILT_I \
	"(i.client_id IN " FILTER_CLIENTS " OR i.entry_id IN (SELECT x.id FROM entries x" \
	"  WHERE x.document_id IN (" NUMBER_DOCS ")))"

/* An AA credit is an advance's when its document is one: looked up in the small 'advance' part
 * of the documents' type index (an entry carries its document's date), not in the table. */
#define SERIES_E \
	"CASE e.code WHEN 'CSI' THEN 'SI' WHEN 'ASI' THEN 'SI' WHEN 'CPD' THEN 'PD'" \
	" WHEN 'APD' THEN 'PD' WHEN 'NC' THEN 'NC' WHEN 'APF' THEN 'RC' WHEN 'ND' THEN 'ND'" \
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
			/* by client: each client's open items from entries_open, in name order (left
			 * to itself the planner may read every overdue entry for each client instead:
			 * 160 ms against 6 on the benchmark ledger) */
			*slot = build(ARM_E(", c.name_key", " FROM clients c CROSS JOIN entries e"
			                    " INDEXED BY entries_open ON e.client_id = c.id", "%s")
			              " UNION ALL "
			              ARM_I(", c.name_key", " FROM clients c CROSS JOIN instalments i"
			                    " ON i.client_id = c.id", "%s")
			              " ORDER BY 13%s, 1%s, 2%s, 3%s LIMIT ?10 OFFSET ?11",
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
			              " clients WHERE (name_key, id) %s (SELECT name_key, id"
			              " FROM clients WHERE id = ?12))"
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


/* The due-date range of a query: its tab's side of today, narrowed by the days bounds. */
int lgd_query_bounds(ledger *l, const dash_query *q, bounds *b, cart_err *e)
{
	date_t today;
	char d[DATE_LEN];
	size_t n, i;
	int digits = 1;

	memset(b, 0, sizeof *b);
	if (lg_date(q->asof, _("the as-of date"), e) != CART_OK)
		return e->code;
	date_parse(q->asof, &today, CART_IGNORED);
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

void lgd_bind_filter(sqlite3_stmt *s, const bounds *b)
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
	lgd_bind_filter(s, b);
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
int lgd_step_int(ledger *l, sqlite3_stmt *s, int64_t *out, const char *doing, cart_err *e)
{
	return lg_row_int(l, s, out, 0, doing, e);
}

static const char client_of_sql[] = "SELECT name, tax_id, dv FROM clients WHERE id = ?1";
static const char entry_doc_sql[] =
	"SELECT e.code, e.document_id, d.number, d.type FROM entries e"
	" JOIN documents d ON d.id = e.document_id WHERE e.id = ?1";

int lgd_fill_client(ledger *l, dash_row *r, cart_err *e)
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

	s = lg_get(l, b->now ? item_now_sql(b->has_filter, q->sort, q->desc, Q_PAGE) :
	              item_sql(b->has_filter, q->sort, q->desc, Q_PAGE), e);
	if (!s)
		return e->code;
	date_parse(q->asof, &today, CART_IGNORED);
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
		if (date_parse(r.due_date, &due, CART_IGNORED) == CART_OK && sqlite3_column_text(s, 4)[0] == 'D')
			r.days = (int)(today - due);
		if ((fail = lgd_fill_client(l, &r, e)) != CART_OK)
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

/* All clients have no client term at all: a range on d.client_id would let the planner walk the
 * clients and each one's documents, sorting everything, instead of reading one index in order.
 * CROSS JOIN fixes which table leads: the clients (by name) for the client order, else the
 * documents through the index of the sort column. */
#define DOC_WHERE " WHERE d.date <= ?1 AND %s AND %s AND %s"
#define DOC_LEAD_DOCS " FROM documents d CROSS JOIN clients c ON c.id = d.client_id"
#define DOC_LEAD_CLIENTS " FROM clients c CROSS JOIN documents d ON d.client_id = c.id"
/* Filtered in date order (issue 14), the documents the filter can find: those of the clients it
 * finds (LG_FIND_CLIENTS), their dates read from the clients' document index alone, the quotes
 * left out by their part of the type index, and those whose number it starts. They are sorted by
 * date (no table read) and only the page's rows are read: walking every document in date order
 * to test each against the filter took 270 ms a key at 1.87 M documents, the count as long. %s
 * is "1" or the one client's term on x and n. */
#define DOC_FOUND(who_x, who_n) \
	" (SELECT x.id, x.date FROM documents x WHERE x.date <= ?1 AND " who_x \
	"   AND x.client_id IN (" LG_FIND_CLIENTS("?7") ")" \
	"   AND x.id NOT IN (SELECT q.id FROM documents q INDEXED BY documents_type" \
	"                    WHERE q.type = 'quote')" \
	"  UNION ALL SELECT n.id, n.date FROM documents n WHERE n.id IN (" NUMBER_DOCS ")" \
	"   AND n.date <= ?1 AND " who_n " AND n.type <> 'quote'" \
	"   AND n.client_id NOT IN (" LG_FIND_CLIENTS("?7") ")) f"

static void doc_key(int col, const char **key, const char **tie)
{
	*tie = ", d.id";
	switch (col) {
	case DCOL_CLIENT: *key = "c.name_key"; *tie = ", c.id, d.date, d.id"; break;
	case DCOL_NUMBER: *key = "d.number"; *tie = ""; break;
	case DCOL_TYPE: *key = "d.type"; *tie = ", d.date, d.id"; break;
	case DCOL_AMOUNT: *key = "d.total"; break;
	case DCOL_DUE: *key = "d.due_date"; break;
	default: *key = "d.date"; break;
	}
}

static const char *doc_sql(int quotes, int one, int filtered, int walk, int col, int desc, int q)
{
	char **slot = &doc_sqls[quotes][one][filtered][walk][col][desc][q];
	const char *key, *tie, *dir, *cmp, *which, *who = one ? "d.client_id = ?2" : "1";
	const char *from = col == DCOL_CLIENT ? DOC_LEAD_CLIENTS : DOC_LEAD_DOCS;
	const char *f = !filtered ? "1" : walk ? FILTER_WALK : FILTER("d.client_id", "d.id");
	const char *found = one ? DOC_FOUND("x.client_id = ?2", "n.client_id = ?2") :
	                    DOC_FOUND("1", "1");
	int lead = filtered && !quotes && col == DCOL_DATE && !walk;
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
		if (lead) {
			/* the page cut from the ids and dates before any row is read */
			*slot = build("SELECT d.id, d.client_id, d.type, d.number, d.date, d.due_date,"
			              " d.currency, d.total, c.name, c.tax_id, c.dv FROM (SELECT f.id, f.date"
			              " FROM%s ORDER BY f.date%s, f.id%s LIMIT ?10 OFFSET ?11) p"
			              " CROSS JOIN documents d ON d.id = p.id"
			              " CROSS JOIN clients c ON c.id = d.client_id"
			              " ORDER BY p.date%s, p.id%s", found, dir, dir, dir, dir);
			break;
		}
		*slot = build("SELECT d.id, d.client_id, d.type, d.number, d.date, d.due_date, d.currency,"
		              " d.total, c.name, c.tax_id, c.dv%s" DOC_WHERE " ORDER BY %s"
		              " LIMIT ?10 OFFSET ?11", from, who, which, f, order);
		break;
	case Q_COUNT:
		/* every document less the quotes: a test of the type would read the table for each
		 * document, while the rest is answered from the indexes (quotes are few, read through
		 * their part of the type index) */
		if (filtered && !quotes)
			*slot = build("SELECT count(*) FROM%s", found);
		else if (quotes)
			*slot = build("SELECT count(*) FROM documents d INDEXED BY documents_type"
			              DOC_WHERE, who, which, f);
		else
			*slot = build("SELECT (SELECT count(*) FROM documents d" DOC_WHERE ")"
			              " - (SELECT count(*) FROM documents d INDEXED BY documents_type"
			              DOC_WHERE ")", who, "1", f, who, "d.type = 'quote'", f);
		break;
	case Q_CAP:
		/* counting stops at ?12 rows: what the filter finds is streamed, never sorted */
		if (quotes)
			*slot = build("SELECT count(*) FROM (SELECT 1 FROM documents d INDEXED BY"
			              " documents_type" DOC_WHERE " LIMIT ?12)", who, which, f);
		else if (walk) /* one or two letters: dense, each document tested in date order */
			*slot = build("SELECT count(*) FROM (SELECT 1" DOC_LEAD_DOCS DOC_WHERE
			              " ORDER BY d.date DESC, d.id DESC LIMIT ?12)", who, which, f);
		else
			*slot = build("SELECT count(*) FROM (SELECT 1 FROM%s LIMIT ?12)", found);
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
	lgd_bind_filter(s, b);
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

	s = lg_get(l, doc_sql(quotes, q->client_id != 0, b->has_filter, b->has_filter && q->walk,
	                      q->sort, q->desc, Q_PAGE), e);
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
	return rc == SQLITE_DONE ? CART_OK : lg_dberr(l, rc, _("reading the documents"), e);
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
	if ((rc = lgd_step_int(l, s, &all, "counting the documents", e)) != CART_OK)
		return rc;
	if (!(s = lg_get(l, docs_later_sql, e)))
		return e->code;
	lg_bind_text(s, 1, asof);
	if ((rc = lgd_step_int(l, s, &later, "counting the documents", e)) != CART_OK)
		return rc;
	*n = all - later;
	return CART_OK;
}

/* Whether a filter folds to fewer than three letters (no trigram: LG_FIND_CLIENTS would read
 * every client for it), counted as SQLite's length() counts characters. */
static int short_filter(const char *filter)
{
	char key[256];
	int n = 0;

	ledger_search_key(filter, key, sizeof key);
	for (const unsigned char *p = (const unsigned char *)key; *p; p++)
		n += (*p & 0xC0) != 0x80;
	return n < 3;
}

int ledger_dash_count(ledger *l, const dash_query *q, int64_t *n, int *more, cart_err *e)
{
	sqlite3_stmt *s;
	bounds b;
	int rc;

	*n = 0;
	*more = 0;
	if ((rc = check_query(q, e)) || (rc = lgd_query_bounds(l, q, &b, e)))
		return rc;
	if (q->tab == DASH_CLIENTS)
		return lgd_clients_count(l, q, &b, n, e);
	if (is_item_tab(q->tab)) {
		if (b.empty)
			return CART_OK;
		s = lg_get(l, b.now ? item_now_sql(b.has_filter, DCOL_DUE, 0, Q_COUNT) :
		              item_sql(b.has_filter, DCOL_DUE, 0, Q_COUNT), e);
		if (!s)
			return e->code;
		bind_items(s, q, &b);
		return lgd_step_int(l, s, n, "counting the dashboard", e);
	}
	if (q->tab == DASH_TRANSACTIONS && !q->client_id && !b.has_filter)
		return count_all_docs(l, q->asof, n, e);
	if (b.has_filter && q->bound > 0) {
		/* issue 14: a filter that finds tens of thousands of documents is counted up to the
		 * bound only (counting them all took 600 ms a key) */
		s = lg_get(l, doc_sql(q->tab == DASH_QUOTES, q->client_id != 0, 1,
		                      q->tab != DASH_QUOTES && short_filter(q->filter), DCOL_DATE, 0,
		                      Q_CAP), e);
		if (!s)
			return e->code;
		bind_docs(s, q, &b);
		lg_bind_int(s, 12, q->bound + 1);
		if ((rc = lgd_step_int(l, s, n, "counting the documents", e)) != CART_OK)
			return rc;
		if (*n > q->bound) {
			*n = q->bound;
			*more = 1;
		}
		return CART_OK;
	}
	s = lg_get(l, doc_sql(q->tab == DASH_QUOTES, q->client_id != 0, b.has_filter, 0, DCOL_DATE, 0,
	                      Q_COUNT), e);
	if (!s)
		return e->code;
	bind_docs(s, q, &b);
	return lgd_step_int(l, s, n, "counting the documents", e);
}

int ledger_dash_page(ledger *l, const dash_query *q, int64_t offset, int limit, dash_cb cb,
                     void *ud, cart_err *e)
{
	bounds b;
	int rc;

	if ((rc = check_query(q, e)) || (rc = lgd_query_bounds(l, q, &b, e)))
		return rc;
	if (offset < 0 || limit <= 0)
		return CART_OK;
	if (q->tab == DASH_CLIENTS)
		return lgd_clients_page(l, q, &b, offset, limit, cb, ud, e);
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
	if ((rc = check_query(q, e)) || (rc = lgd_query_bounds(l, q, &b, e)))
		return rc;
	if (q->tab == DASH_CLIENTS)
		return lgd_clients_position(l, q, &b, k, pos, e);
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
		rc = lgd_step_int(l, s, pos, "finding the row", e);
		sqlite3_value_free(key);
		return rc;
	}
	s = lg_get(l, doc_sql(q->tab == DASH_QUOTES, q->client_id != 0, b.has_filter, 0, q->sort,
	                      q->desc, Q_HAS), e);
	if (!s)
		return e->code;
	bind_docs(s, q, &b);
	lg_bind_int(s, 10, k->id);
	if ((rc = lgd_step_int(l, s, &has, "finding the row", e)) || !has)
		return rc;
	s = lg_get(l, doc_sql(q->tab == DASH_QUOTES, q->client_id != 0, b.has_filter, 0, q->sort,
	                      q->desc, Q_POS), e);
	if (!s)
		return e->code;
	bind_docs(s, q, &b);
	lg_bind_int(s, 10, k->id);
	return lgd_step_int(l, s, pos, "finding the row", e);
}

