/* The ledger's invariants over its four big tables in one read of each (issue 17: `cartera check`
 * near the floor). Done in SQL they were joins and GROUP BYs over the entries and the allocations,
 * several times over (6 s of CPU on the benchmark ledger), and PRAGMA foreign_key_check looked
 * every reference up in its parent table, row by row (4.7-7.2 s). Here the documents, entries,
 * instalments and allocations are each read once, in rowid order or through a covering index,
 * into arrays indexed by id (ids are dense: INTEGER PRIMARY KEY from 1):
 *   - every reference of those tables to its parent (a present[] array per parent table; the
 *     rarely set ones, voids, amendments and reversals, through their partial indexes in SQL);
 *   - each entry and instalment keeps what its allocations leave open;
 *   - an invoice's instalments add up to it (amount, open and count);
 *   - an allocation pairs a credit with a charge of the same client and currency;
 *   - an entry belongs to its document's client;
 *   - per client and currency, the kept balances (schema 018) are the entries' sums, and (as of
 *     now) open charges less open credits are the ledger balance.
 * The messages are those the SQL checks gave. The other tables' references are left to
 * PRAGMA foreign_key_check, table by table (ledger_check.c). */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ledger_int.h"

#define NCUR 4          /* currencies told apart per client (a company has two); more is left
                         * to SQL */

typedef struct scan {
	ledger *l;
	const char *asof;
	int now;
	void (*say)(void *k, const char *msg);
	void *k;
	cart_err *e;
	char curs[256][4];      /* past the 255th currency, compared as one (as before) */
	int ncur, too_many;     /* too_many: past NCUR, the balances are left to SQL */
	/* clients */
	int64_t nclient;        /* ids 0 .. nclient-1 */
	unsigned char *client_ok;
	/* documents */
	int64_t ndoc;
	unsigned char *doc_ok;
	int64_t *doc_client;
	/* entries */
	int64_t nent;
	struct ent {                    /* together, 16 bytes: an allocation reads two at random */
		int64_t taken;          /* amount - open - allocations (0 when right) */
		int32_t who;            /* client; -1 none of the clients (reported as such) */
		unsigned char side;     /* 0: no such entry */
		unsigned char cur;
	} *ent;
	unsigned char *ent_ok;
	int64_t *inst_amt, *inst_open;  /* the instalments' sums less the entry's */
	int32_t *inst_n;
	/* instalments */
	int64_t ninst;
	unsigned char *inst_ok;
	int64_t *inst_taken;
	/* per client and currency: charges, credits, open charges, open credits, the balance as
	 * of the date, and whether it has entries; one cell read at random per entry */
	int64_t bad_ranges;     /* rows with an amount out of range */
	struct { char type[16]; int64_t n; } types[64];        /* documents by type */
	int ntypes;
	struct cell {
		int64_t ch, cr, och, ocr, bal;
		unsigned char any, seen;
	} *cell;
	int ovf;
} scan;

static void say(scan *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void say(scan *s, const char *fmt, ...)
{
	char buf[600];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	s->say(s->k, buf);
}

static void add(scan *s, int64_t *to, int64_t v)
{
	if (__builtin_add_overflow(*to, v, to))
		s->ovf = 1;
}

#define AMOUNT_MAX 1000000000000000LL      /* as lg_check_safety */

static void out_of_range(scan *s, const char *table, int64_t id)
{
	s->bad_ranges++;
	say(s, _("row %lld of %s holds an amount out of range (edited by hand?)"), (long long)id,
	    table);
}

static int64_t max_id(ledger *l, const char *table)
{
	char sql[128];
	sqlite3_stmt *st;
	int64_t max = 0;

	snprintf(sql, sizeof sql, "SELECT max(rowid) FROM %s", table);
	if (sqlite3_prepare_v2(l->db, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		max = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	/* ids are dense; a huge one (typed by hand) would make the arrays impossibly large */
	return max < 0 || max >= INT32_MAX ? -1 : max;
}

static void *zalloc(scan *s, int64_t n, size_t size)
{
	void *p = calloc((size_t)n, size);

	if (!p && s->e->code == CART_OK)
		cart_fail(s->e, CART_NOMEM, _("out of memory"));
	return p;
}

static int run(scan *s, const char *sql, sqlite3_stmt **st)
{
	int rc = sqlite3_prepare_v2(s->l->db, sql, -1, st, NULL);

	if (rc != SQLITE_OK)
		return lg_dberr(s->l, rc, _("preparing a check"), s->e);
	return CART_OK;
}

static int done(scan *s, sqlite3_stmt *st, int rc)
{
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? CART_OK : lg_dberr(s->l, rc, _("running a check"), s->e);
}

/* A reference in column i of row id of table to parent: NULL is none; anything else must be an
 * integer id present in ok[0..n-1]. */
static int ref_ok(sqlite3_stmt *st, int i, const unsigned char *ok, int64_t n, int64_t *v)
{
	sqlite3_value *x = sqlite3_column_value(st, i);     /* one call, no conversion */
	int type = sqlite3_value_type(x);

	*v = 0;
	if (type == SQLITE_NULL)
		return 1;
	if (type != SQLITE_INTEGER)
		return 0;
	*v = sqlite3_value_int64(x);
	return *v >= 0 && *v < n && ok[*v];
}

static void missing(scan *s, const char *table, int64_t id, const char *parent)
{
	say(s, _("row %lld of %s points to a missing %s"), (long long)id, table, parent);
}

static int cur_index(scan *s, const char *c)
{
	int i;

	for (i = 0; i < s->ncur && strcmp(s->curs[i], c); i++)
		;
	if (i == s->ncur && s->ncur < 255)
		snprintf(s->curs[s->ncur++], 4, "%s", c);
	if (i >= NCUR)
		s->too_many = 1;
	return i;
}

/* the (client, currency) cell, or -1 when the client is out of the arrays */
static int64_t cell(scan *s, int64_t cid, int cur)
{
	return cid >= 0 && cid < s->nclient && cur < NCUR ? cid * NCUR + cur : -1;
}

static int read_clients(scan *s)
{
	sqlite3_stmt *st;
	int rc;

	if ((s->nclient = max_id(s->l, "clients")) < 0)
		return CART_NOTFOUND;
	s->nclient++;
	if (!(s->client_ok = zalloc(s, s->nclient, 1)) ||
	    !(s->cell = zalloc(s, s->nclient * NCUR, sizeof *s->cell)))
		return s->e->code;
	if ((rc = run(s, "SELECT id FROM clients", &st)) != CART_OK)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);

		if (id >= 0 && id < s->nclient)
			s->client_ok[id] = 1;
	}
	return done(s, st, rc);
}

/* documents by type, for the numbering */
static void count_type(scan *s, const char *t)
{
	int i;

	if (!t)
		t = "";
	for (i = 0; i < s->ntypes && strcmp(s->types[i].type, t); i++)
		;
	if (i == s->ntypes) {
		if (s->ntypes == 64)
			return;         /* the CHECK constraint allows ten types */
		snprintf(s->types[s->ntypes++].type, sizeof s->types[0].type, "%s", t);
	}
	s->types[i].n++;
}

/* each series' next number follows the documents of its type */
static int series(scan *s)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = run(s, "SELECT doc_type, next_number FROM series", &st)) != CART_OK)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);
		int64_t next = sqlite3_column_int64(st, 1), n = 0;

		for (int i = 0; i < s->ntypes; i++)
			if (t && !strcmp(s->types[i].type, t))
				n = s->types[i].n;
		if (n != next - 1)
			say(s, _("the %s series has %lld documents but its next number is %lld"),
			    t ? t : "", (long long)n, (long long)next);
	}
	return done(s, st, rc);
}

/* documents: present, and their client */
static int read_documents(scan *s)
{
	sqlite3_stmt *st;
	int rc;

	if ((s->ndoc = max_id(s->l, "documents")) < 0)
		return CART_NOTFOUND;
	s->ndoc++;
	if (!(s->doc_ok = zalloc(s, s->ndoc, 1)) ||
	    !(s->doc_client = zalloc(s, s->ndoc, sizeof *s->doc_client)))
		return s->e->code;
	/* the table itself, in rowid order: every page of it read (a damaged one is reported) */
	if ((rc = run(s, "SELECT id, client_id, total, type FROM documents NOT INDEXED", &st)) !=
	    CART_OK)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0), c;

		if (id < 0 || id >= s->ndoc)
			continue;
		s->doc_ok[id] = 1;
		count_type(s, (const char *)sqlite3_column_text(st, 3));
		c = sqlite3_column_int64(st, 2);
		if (c > AMOUNT_MAX || c < -AMOUNT_MAX)
			out_of_range(s, "documents", id);
		if (!ref_ok(st, 1, s->client_ok, s->nclient, &c))
			missing(s, "documents", id, "clients");
		s->doc_client[id] = sqlite3_column_int64(st, 1);
	}
	return done(s, st, rc);
}

static int read_entries(scan *s)
{
	/* as of now every entry is dated on or before the date (lg_asof_is_now): no date read */
	static const char sql[] =
		"SELECT id, document_id, client_id, side, currency, amount, open, n_inst, date"
		" FROM entries";
	static const char now_sql[] =
		"SELECT id, document_id, client_id, side, currency, amount, open, n_inst"
		" FROM entries";
	sqlite3_stmt *st;
	int rc;

	if ((s->nent = max_id(s->l, "entries")) < 0)
		return CART_NOTFOUND;
	s->nent++;
	if (!(s->ent = zalloc(s, s->nent, sizeof *s->ent)) ||
	    !(s->ent_ok = zalloc(s, s->nent, 1)) ||
	    !(s->inst_amt = zalloc(s, s->nent, sizeof *s->inst_amt)) ||
	    !(s->inst_open = zalloc(s, s->nent, sizeof *s->inst_open)) ||
	    !(s->inst_n = zalloc(s, s->nent, sizeof *s->inst_n)))
		return s->e->code;
	if ((rc = run(s, s->now ? now_sql : sql, &st)) != CART_OK)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0), doc, cid;
		const char *sd = (const char *)sqlite3_column_text(st, 3);
		const char *c = (const char *)sqlite3_column_text(st, 4);
		const char *date = s->now ? NULL : (const char *)sqlite3_column_text(st, 8);
		int64_t amount = sqlite3_column_int64(st, 5), open = sqlite3_column_int64(st, 6);
		int64_t n_inst = sqlite3_column_int64(st, 7), x;
		struct ent *e;
		int ci, doc_ok;

		if (id < 0 || id >= s->nent)
			continue;
		if (amount <= 0 || amount > AMOUNT_MAX || open < 0 || open > amount)
			out_of_range(s, "entries", id);
		doc_ok = ref_ok(st, 1, s->doc_ok, s->ndoc, &doc);
		if (!doc_ok)
			missing(s, "entries", id, "documents");
		if (!ref_ok(st, 2, s->client_ok, s->nclient, &cid))
			missing(s, "entries", id, "clients");
		cid = sqlite3_column_int64(st, 2);
		if (doc_ok && doc && s->doc_client[doc] != cid) {
			const char *number = "";
			sqlite3_stmt *n;

			if (sqlite3_prepare_v2(s->l->db, "SELECT number FROM documents WHERE id = ?1",
			                       -1, &n, NULL) == SQLITE_OK) {
				char num[64] = "";

				sqlite3_bind_int64(n, 1, doc);
				if (sqlite3_step(n) == SQLITE_ROW)
					lg_copy(num, sizeof num, sqlite3_column_text(n, 0));
				number = num;
				say(s, _("entry %lld belongs to another client than its document %s"),
				    (long long)id, number);
				sqlite3_finalize(n);
			}
		}
		ci = cur_index(s, c ? c : "");
		e = &s->ent[id];
		e->side = (unsigned char)(sd && sd[0] ? sd[0] : '?');
		e->cur = (unsigned char)ci;
		e->who = cid >= 0 && cid < s->nclient ? (int32_t)cid : -1;
		s->ent_ok[id] = 1;
		if (__builtin_sub_overflow(amount, open, &x))
			s->ovf = 1;
		e->taken = x;
		if (n_inst) {
			s->inst_amt[id] = -amount;
			s->inst_open[id] = -open;
			s->inst_n[id] = (int32_t)-n_inst;
		}
		if ((x = cell(s, cid, ci)) >= 0) {
			struct cell *k = &s->cell[x];

			k->any = 1;
			add(s, e->side == 'D' ? &k->ch : &k->cr, amount);
			if (s->now || (date && strcmp(date, s->asof) <= 0)) {
				add(s, &k->bal, e->side == 'D' ? amount : -amount);
				if (!n_inst && open)
					add(s, e->side == 'D' ? &k->och : &k->ocr, open);
			}
		}
	}
	return done(s, st, rc);
}

static int read_instalments(scan *s)
{
	static const char sql[] =
		"SELECT id, entry_id, client_id, currency, amount, open, date FROM instalments";
	sqlite3_stmt *st;
	int rc;

	if ((s->ninst = max_id(s->l, "instalments")) < 0)
		return CART_NOTFOUND;
	s->ninst++;
	if (!(s->inst_ok = zalloc(s, s->ninst, 1)) ||
	    !(s->inst_taken = zalloc(s, s->ninst, sizeof *s->inst_taken)))
		return s->e->code;
	if ((rc = run(s, sql, &st)) != CART_OK)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0), entry, cid, x;
		int64_t amount = sqlite3_column_int64(st, 4), open = sqlite3_column_int64(st, 5);
		const char *c = (const char *)sqlite3_column_text(st, 3);
		const char *date = (const char *)sqlite3_column_text(st, 6);

		if (id < 0 || id >= s->ninst)
			continue;
		if (amount <= 0 || amount > AMOUNT_MAX || open < 0 || open > amount)
			out_of_range(s, "instalments", id);
		s->inst_ok[id] = 1;
		if (!ref_ok(st, 1, s->ent_ok, s->nent, &entry))
			missing(s, "instalments", id, "entries");
		else if (entry) {
			add(s, &s->inst_amt[entry], amount);
			add(s, &s->inst_open[entry], open);
			s->inst_n[entry]++;
		}
		if (!ref_ok(st, 2, s->client_ok, s->nclient, &cid))
			missing(s, "instalments", id, "clients");
		if (__builtin_sub_overflow(amount, open, &x))
			s->ovf = 1;
		s->inst_taken[id] = x;
		cid = sqlite3_column_int64(st, 2);
		if (open && date && strcmp(date, s->asof) <= 0 &&
		    (x = cell(s, cid, cur_index(s, c ? c : ""))) >= 0)
			add(s, &s->cell[x].och, open);
	}
	return done(s, st, rc);
}

static int read_allocations(scan *s)
{
	static const char sql[] =
		"SELECT id, document_id, credit_id, charge_id, instalment_id, amount FROM allocations";
	sqlite3_stmt *st;
	int rc;

	if ((rc = run(s, sql, &st)) != CART_OK)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0), v, c, d, i;
		int64_t amount = sqlite3_column_int64(st, 5);
		int c_ok, d_ok;
		const char *why;

		if (amount > AMOUNT_MAX || amount < -AMOUNT_MAX)
			out_of_range(s, "allocations", id);
		if (!ref_ok(st, 1, s->doc_ok, s->ndoc, &v))
			missing(s, "allocations", id, "documents");
		if (!(c_ok = ref_ok(st, 2, s->ent_ok, s->nent, &c)))
			missing(s, "allocations", id, "entries");
		if (!(d_ok = ref_ok(st, 3, s->ent_ok, s->nent, &d)))
			missing(s, "allocations", id, "entries");
		if (!ref_ok(st, 4, s->inst_ok, s->ninst, &i))
			missing(s, "allocations", id, "instalments");
		else if (i)
			add(s, &s->inst_taken[i], -amount);
		if (c_ok && c)
			add(s, &s->ent[c].taken, -amount);
		if (d_ok && d)
			add(s, &s->ent[d].taken, -amount);
		if (!c_ok || !d_ok || !c || !d)
			continue;
		why = s->ent[c].side != 'C' ? "its credit is a charge" :
		      s->ent[d].side != 'D' ? "its charge is a credit" :
		      s->ent[c].who != s->ent[d].who ? "two clients" :
		      s->ent[c].cur != s->ent[d].cur ? "two currencies" : NULL;
		if (why)
			say(s, _("allocation %lld pairs entries that do not match: %s"), (long long)id, why);
	}
	return done(s, st, rc);
}

/* The rarely set references, through their partial indexes. */
static int sparse_refs(scan *s)
{
	static const struct { const char *table, *col, *parent; } refs[] = {
		{ "documents", "voids_id", "documents" },
		{ "documents", "amends_id", "documents" },
		{ "entries", "reverses_id", "entries" },
		{ "allocations", "reverses_id", "allocations" },
	};

	for (size_t r = 0; r < sizeof refs / sizeof refs[0]; r++) {
		char sql[300];
		sqlite3_stmt *st;
		int rc;

		snprintf(sql, sizeof sql, "SELECT t.rowid FROM %s t WHERE t.%s IS NOT NULL AND NOT EXISTS"
		         " (SELECT 1 FROM %s p WHERE p.id = t.%s)", refs[r].table, refs[r].col,
		         refs[r].parent, refs[r].col);
		if ((rc = run(s, sql, &st)) != CART_OK)
			return rc;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW)
			missing(s, refs[r].table, sqlite3_column_int64(st, 0), refs[r].parent);
		if ((rc = done(s, st, rc)) != CART_OK)
			return rc;
	}
	return CART_OK;
}

/* One row's figures for a message about it. */
static void figures(scan *s, const char *sql, int64_t id, int64_t out[2], char *number, size_t n)
{
	sqlite3_stmt *st;

	out[0] = out[1] = 0;
	if (number)
		number[0] = '\0';
	if (sqlite3_prepare_v2(s->l->db, sql, -1, &st, NULL) != SQLITE_OK)
		return;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		out[0] = sqlite3_column_int64(st, 0);
		out[1] = sqlite3_column_int64(st, 1);
		if (number)
			lg_copy(number, n, sqlite3_column_text(st, 2));
	}
	sqlite3_finalize(st);
}

static void open_amounts(scan *s)
{
	static const char entry_sql[] =
		"SELECT e.open, e.amount, d.number FROM entries e"
		" LEFT JOIN documents d ON d.id = e.document_id WHERE e.id = ?1";
	static const char inst_sql[] = "SELECT open, amount FROM instalments WHERE id = ?1";

	for (int64_t id = 0; id < s->nent; id++) {
		int64_t f[2], left;
		char number[64];

		if (!s->ent_ok[id] || !s->ent[id].taken)
			continue;
		/* taken = amount - open - allocations, so the allocations are amount - open - taken */
		figures(s, entry_sql, id, f, number, sizeof number);
		left = f[1] - (f[1] - f[0] - s->ent[id].taken);
		say(s, _("entry %lld of %s keeps %lld open, but its amount %lld less its allocations"
		    " leaves %lld"), (long long)id, number, (long long)f[0], (long long)f[1],
		    (long long)left);
	}
	for (int64_t id = 0; id < s->ninst; id++) {
		int64_t f[2];

		if (!s->inst_ok[id] || !s->inst_taken[id])
			continue;
		figures(s, inst_sql, id, f, NULL, 0);
		say(s, _("instalment %lld keeps %lld open, but its amount %lld less its allocations"
		    " leaves %lld"), (long long)id, (long long)f[0], (long long)f[1],
		    (long long)(f[1] - (f[1] - f[0] - s->inst_taken[id])));
	}
}

static void instalment_sums(scan *s)
{
	static const char sql[] =
		"SELECT e.amount, e.open, d.number, e.n_inst FROM entries e"
		" LEFT JOIN documents d ON d.id = e.document_id WHERE e.id = ?1";

	for (int64_t id = 0; id < s->nent; id++) {
		int64_t f[2], n_inst = 0;
		char number[64] = "";
		sqlite3_stmt *st;

		if (!s->ent_ok[id] || (!s->inst_amt[id] && !s->inst_open[id] && !s->inst_n[id]))
			continue;
		f[0] = f[1] = 0;
		if (sqlite3_prepare_v2(s->l->db, sql, -1, &st, NULL) == SQLITE_OK) {
			sqlite3_bind_int64(st, 1, id);
			if (sqlite3_step(st) == SQLITE_ROW) {
				f[0] = sqlite3_column_int64(st, 0);
				f[1] = sqlite3_column_int64(st, 1);
				lg_copy(number, sizeof number, sqlite3_column_text(st, 2));
				n_inst = sqlite3_column_int64(st, 3);
			}
			sqlite3_finalize(st);
		}
		(void)n_inst;
		say(s, _("the instalments of entry %lld (%s) do not add up to it: %lld of %lld, open"
		    " %lld of %lld"), (long long)id, number, (long long)(f[0] + s->inst_amt[id]),
		    (long long)f[0], (long long)(f[1] + s->inst_open[id]), (long long)f[1]);
	}
}

/* The kept balances against the entries, and (as of now) open items against the balance. */
static int balances(scan *s)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = run(s, "SELECT client_id, currency, charges, credits FROM balances", &st)) !=
	    CART_OK)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t cid = sqlite3_column_int64(st, 0), x;
		const char *c = (const char *)sqlite3_column_text(st, 1);
		int64_t kc = sqlite3_column_int64(st, 2), kr = sqlite3_column_int64(st, 3);
		int ci;

		for (ci = 0; ci < s->ncur && strcmp(s->curs[ci], c ? c : ""); ci++)
			;
		x = ci < s->ncur ? cell(s, cid, ci) : -1;
		if (x >= 0 && s->cell[x].any) {
			s->cell[x].seen = 1;
			if (kc != s->cell[x].ch || kr != s->cell[x].cr ||
			    sqlite3_column_type(st, 2) != SQLITE_INTEGER ||
			    sqlite3_column_type(st, 3) != SQLITE_INTEGER)
				say(s, _("client %lld in %s keeps charges %lld and credits %lld, but its"
				    " entries add up to %lld and %lld"), (long long)cid, c ? c : "",
				    (long long)kc, (long long)kr, (long long)s->cell[x].ch,
				    (long long)s->cell[x].cr);
		} else {
			say(s, _("client %lld in %s keeps charges %lld and credits %lld, but its entries"
			    " add up to %lld and %lld"), (long long)cid, c ? c : "", (long long)kc,
			    (long long)kr, 0LL, 0LL);
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return lg_dberr(s->l, rc, _("running a check"), s->e);
	for (int64_t x = 0; x < s->nclient * NCUR; x++) {
		const struct cell *k = &s->cell[x];
		const char *c = s->curs[x % NCUR];
		int64_t cid = x / NCUR, net;

		if (!k->any)
			continue;
		if (!k->seen)
			say(s, _("client %lld in %s keeps charges %lld and credits %lld, but its entries"
			    " add up to %lld and %lld"), (long long)cid, c, 0LL, 0LL,
			    (long long)k->ch, (long long)k->cr);
		if (!s->now)
			continue;
		if (__builtin_sub_overflow(k->och, k->ocr, &net))
			net = INT64_MIN;
		if (net != k->bal)
			say(s, _("client %lld in %s: open charges less open credits are %lld but the"
			    " ledger balance is %lld"), (long long)cid, c, (long long)net,
			    (long long)k->bal);
	}
	return CART_OK;
}

static void scan_free(scan *s)
{
	free(s->client_ok);
	free(s->doc_ok);
	free(s->doc_client);
	free(s->ent);
	free(s->ent_ok);
	free(s->inst_amt);
	free(s->inst_open);
	free(s->inst_n);
	free(s->inst_ok);
	free(s->inst_taken);
	free(s->cell);
}

int lg_check_scan(ledger *l, const char *asof, int now, void (*problem)(void *k, const char *msg),
                  void *k, int *done_here, int *bad_ranges, cart_err *e)
{
	scan s;
	int rc;

	memset(&s, 0, sizeof s);
	s.l = l;
	s.asof = asof;
	s.now = now;
	s.say = problem;
	s.k = k;
	s.e = e;
	e->code = CART_OK;
	*done_here = 0;
	rc = read_clients(&s);
	if (rc == CART_OK)
		rc = read_documents(&s);
	if (rc == CART_OK)
		rc = read_entries(&s);
	if (rc == CART_OK)
		rc = read_instalments(&s);
	if (rc == CART_OK)
		rc = read_allocations(&s);
	if (rc == CART_OK)
		rc = sparse_refs(&s);
	if (rc == CART_OK)
		rc = series(&s);
	*bad_ranges = s.bad_ranges > INT32_MAX ? INT32_MAX : (int)s.bad_ranges;
	if (rc == CART_OK && s.bad_ranges) {
		*done_here = LG_SCAN_ROWS;      /* what follows would add up amounts out of range */
	} else if (rc == CART_OK) {
		open_amounts(&s);
		instalment_sums(&s);
		*done_here = LG_SCAN_ROWS;
		/* per client and currency sums that overflowed or currencies past NCUR (a ledger
		 * edited by hand): the SQL checks of the balances say what is wrong */
		if (!s.ovf && !s.too_many && (rc = balances(&s)) == CART_OK)
			*done_here |= LG_SCAN_BALANCES;
	} else if (rc == CART_NOTFOUND && e->code == CART_OK) {
		rc = CART_OK;      /* ids too large for arrays (typed by hand): the SQL checks do it */
	}
	scan_free(&s);
	return rc;
}
