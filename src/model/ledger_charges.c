/* Every client's open charges as of now, client after client in name order (the follow-up of
 * every client, issue 17). One SQL query had joined each open charge to its document and its
 * client and sorted 195,000 wide rows by client name through SQLite's sorter (temporary file
 * included): 1.1 s of CPU on the benchmark ledger, 9x the scan floor. Here the open charges are
 * read from the two covering partial indexes of what is open, the instalments' invoices and the
 * document numbers looked up in id order (each page read once, in file order), each client's
 * put in order in C, and the clients walked in name order through their covering index. The
 * whole set is kept (charge_set) so that a report can size its columns before its first row. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cartera/bigmem.h"
#include "ledger_int.h"

typedef struct charge {
	int64_t client_id;
	int32_t due, day;       /* due date and date as YYYYMMDD, for sorting */
	uint32_t num;           /* its number: an offset in the pool (read_numbers) */
	int found;              /* an instalment's invoice entry was found */
	charge_item it;         /* it.number set once the pool stops moving */
} charge;

/* The charges as read, in chunks of 8 MiB (freed, they are the memory the report's text is
 * then written into: see bigmem.h), never moved once read. */
#define PER_CHUNK (BIG_CHUNK / sizeof(charge))

typedef struct charges {
	charge **chunk;
	size_t nchunks, cap;
	size_t n;
} charges;

static charge *at(const charges *c, size_t i)
{
	return &c->chunk[i / PER_CHUNK][i % PER_CHUNK];
}

static void charges_free(charges *c)
{
	for (size_t i = 0; i < c->nchunks; i++)
		big_free(c->chunk[i]);
	free(c->chunk);
	memset(c, 0, sizeof *c);
}

/* Text kept for the set (numbers, names), addressed by offset while it grows. */
typedef struct pool {
	char *s;
	size_t n, cap;
} pool;

/* What a charge_set holds. */
typedef struct set_mem {
	charge_item *items;
	charge_group *groups;
	char *text;
} set_mem;

static charge *charge_new(charges *c)
{
	if (c->n == c->nchunks * PER_CHUNK) {
		if (c->nchunks == c->cap) {
			size_t cap = c->cap ? c->cap * 2 : 16;
			charge **v = realloc(c->chunk, cap * sizeof *v);

			if (!v)
				return NULL;
			c->chunk = v;
			c->cap = cap;
		}
		if (!(c->chunk[c->nchunks] = big_alloc(PER_CHUNK * sizeof(charge))))
			return NULL;
		c->nchunks++;
	}
	return at(c, c->n++);
}

/* Keep n bytes of s and a NUL; its offset in *off. */
static int pool_add(pool *p, const char *s, size_t n, uint32_t *off)
{
	if (p->cap - p->n < n + 1) {
		/* reserved large at first: a mapping's pages cost nothing until written, and the
		 * copies of a doubling pool would each be written afresh */
		size_t cap = p->cap ? p->cap * 2 : (size_t)32 << 20;
		char *v;

		while (cap - p->n < n + 1)
			cap *= 2;
		if (cap > UINT32_MAX || !(v = big_realloc(p->s, cap)))
			return -1;
		p->s = v;
		p->cap = cap;
	}
	memcpy(p->s + p->n, s, n);
	p->s[p->n + n] = '\0';
	*off = (uint32_t)p->n;
	p->n += n + 1;
	return 0;
}

/* A text column kept in the pool, cut to max bytes as a fixed buffer of max + 1 would cut it. */
static int pool_col(pool *p, sqlite3_stmt *s, int i, size_t max, uint32_t *off)
{
	const unsigned char *t = sqlite3_column_text(s, i);
	size_t n = t ? (size_t)sqlite3_column_bytes(s, i) : 0;

	if (n > max)
		n = max;
	return pool_add(p, t ? (const char *)t : "", n, off);
}

/* a short text column copied as it is ("" for NULL) */
static void col_copy(char *dst, size_t size, sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);
	size_t n = t ? (size_t)sqlite3_column_bytes(s, i) : 0;

	if (n >= size)
		n = size - 1;
	if (n)
		memcpy(dst, t, n);
	dst[n] = '\0';
}

/* "YYYY-MM-DD" as YYYYMMDD (dates in the ledger are checked ISO dates) */
static int32_t ymd(const char *d)
{
	int32_t v = 0;

	for (int i = 0; d[i]; i++)
		if (d[i] >= '0' && d[i] <= '9')
			v = v * 10 + (d[i] - '0');
	return v;
}

/* Rows of sql ("SELECT id, ... WHERE id >= ?1 ORDER BY id") for n wanted ids in ascending order
 * (repeats allowed), each handed to fn with the statement on the row of that id (not called for
 * an id that has none). One cursor steps on when the next id wanted is a few rows ahead, and
 * seeks (reset, bind) only past a wider gap: ids are dense, a step costs a fraction of a seek. */
#define LOOKUP_STEPS 8

typedef int64_t (*want_fn)(void *ctx, size_t i);
typedef int (*row_fn)(void *ctx, size_t i, sqlite3_stmt *s);

static int lookup_ids(ledger *l, const char *sql, size_t n, want_fn want_of, row_fn fn, void *ctx,
                      cart_err *e)
{
	sqlite3_stmt *s;
	int rc = lg_prepare(l, sql, &s), row = 0;
	int64_t cur = 0;

	if (rc != SQLITE_OK)
		return lg_dberr(l, rc, _("preparing the open items"), e);
	rc = SQLITE_OK;
	for (size_t i = 0; i < n; i++) {
		int64_t want = want_of(ctx, i);

		if (row && cur <= want && want - cur <= LOOKUP_STEPS) {
			while (row && cur < want) {
				if ((rc = sqlite3_step(s)) == SQLITE_ROW)
					cur = sqlite3_column_int64(s, 0);
				else
					row = 0;
			}
		} else if (!row || cur != want) {
			sqlite3_reset(s);
			sqlite3_bind_int64(s, 1, want);
			if ((rc = sqlite3_step(s)) == SQLITE_ROW)
				cur = sqlite3_column_int64(s, 0);
			row = rc == SQLITE_ROW;
		}
		if (!row && rc != SQLITE_DONE)
			break;
		rc = SQLITE_OK;
		if (row && cur == want && fn(ctx, i, s)) {
			rc = SQLITE_NOMEM;
			break;
		}
	}
	lg_finalize(l, s);
	if (rc == SQLITE_NOMEM)
		return cart_fail(e, CART_NOMEM, _("out of memory"));
	return rc == SQLITE_OK ? CART_OK : lg_dberr(l, rc, _("reading the open items"), e);
}

/* Sort p[0..n-1] by the key each has (entry or document id): a radix sort of (key, pointer)
 * pairs, 11 bits a pass, as many passes as the largest key needs (two for the benchmark
 * ledger's 1.8 M ids); qsort through a comparison had been 5% of the follow-up. Stable, as the
 * lookups need nothing more. Negative keys (no row has one) sort first. */
typedef struct keyed {
	uint64_t key;
	charge *c;
} keyed;

enum { KEY_ENTRY, KEY_DOC };

static int sort_by(charge **p, size_t n, int which)
{
	keyed *a, *b;
	uint64_t max = 0;
	size_t count[1 << 11];

	if (n < 2)
		return 0;
	if (!(a = malloc(n * sizeof *a)) || !(b = malloc(n * sizeof *b))) {
		free(a);
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		int64_t k = which == KEY_ENTRY ? p[i]->it.entry_id : p[i]->it.doc_id;

		/* the sign bit flipped: negative keys below the others, in order */
		a[i].key = (uint64_t)k ^ ((uint64_t)1 << 63);
		a[i].c = p[i];
		if ((a[i].key ^ ((uint64_t)1 << 63)) > max)
			max = a[i].key ^ ((uint64_t)1 << 63);
	}
	/* any negative key: every bit counts */
	for (size_t i = 0; i < n; i++)
		if (!(a[i].key >> 63))
			max = UINT64_MAX;
	for (int shift = 0; shift < 64 && (shift == 0 || (max >> shift)); shift += 11) {
		keyed *t;

		memset(count, 0, sizeof count);
		for (size_t i = 0; i < n; i++)
			count[(a[i].key >> shift) & 2047]++;
		for (size_t d = 0, sum = 0; d < 2048; d++) {
			size_t c = count[d];

			count[d] = sum;
			sum += c;
		}
		for (size_t i = 0; i < n; i++)
			b[count[(a[i].key >> shift) & 2047]++] = a[i];
		t = a;
		a = b;
		b = t;
	}
	for (size_t i = 0; i < n; i++)
		p[i] = a[i].c;
	free(a);
	free(b);
	return 0;
}

static int64_t want_entry(void *ctx, size_t i)
{
	return (*(charge ***)ctx)[i]->it.entry_id;
}

/* an instalment's invoice: its document, code and date, as the join of the entries gave them */
static int got_entry(void *ctx, size_t i, sqlite3_stmt *s)
{
	charge *c = (*(charge ***)ctx)[i];

	c->it.doc_id = sqlite3_column_int64(s, 1);
	col_copy(c->it.code, sizeof c->it.code, s, 2);
	col_copy(c->it.date, sizeof c->it.date, s, 3);
	c->day = ymd(c->it.date);
	c->found = 1;
	return 0;
}

typedef struct num_ctx {
	charge **p;
	pool *pl;
} num_ctx;

static int64_t want_doc(void *ctx, size_t i)
{
	return ((num_ctx *)ctx)->p[i]->it.doc_id;
}

static int got_number(void *ctx, size_t i, sqlite3_stmt *s)
{
	num_ctx *x = ctx;

	/* the same document's charges (an invoice's instalments) share its number */
	if (i && x->p[i - 1]->it.doc_id == x->p[i]->it.doc_id) {
		x->p[i]->num = x->p[i - 1]->num;
		return 0;
	}
	return pool_col(x->pl, s, 1, 31, &x->p[i]->num);
}

/* Charges without instalments from entries_dash; instalments from instalments_dash, their
 * invoice's document, code and date then looked up in entry order (a join had looked up each
 * instalment's entry in due date order: a page of the entries read for nearly each). */
static int read_charges(ledger *l, const char *asof, charges *c, cart_err *e)
{
	static const char entries_sql[] =
		"SELECT client_id, id, document_id, code, date, due_date, currency, amount, open"
		" FROM entries INDEXED BY entries_dash"
		" WHERE side = 'D' AND open <> 0 AND n_inst = 0 AND date <= ?1";
	static const char inst_sql[] =
		"SELECT client_id, entry_id, due_date, currency, amount, open, id, seq"
		" FROM instalments INDEXED BY instalments_dash WHERE open <> 0 AND date <= ?1";
	static const char entry_sql[] =
		"SELECT id, document_id, code, date FROM entries INDEXED BY entries_instalments"
		" WHERE id >= ?1 AND n_inst > 0 ORDER BY id";
	size_t first_inst = 0, ni;
	charge **p;
	int rc;

	for (int q = 0; q < 2; q++) {
		sqlite3_stmt *s;

		if ((rc = lg_prepare(l, q ? inst_sql : entries_sql, &s)) != SQLITE_OK)
			return lg_dberr(l, rc, _("preparing the open items"), e);
		lg_bind_text(s, 1, asof);
		if (q)
			first_inst = c->n;
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			charge *it = charge_new(c);

			if (!it) {
				lg_finalize(l, s);
				return cart_fail(e, CART_NOMEM, _("out of memory"));
			}
			memset(it, 0, sizeof *it);
			it->client_id = sqlite3_column_int64(s, 0);
			it->it.entry_id = sqlite3_column_int64(s, 1);
			if (!q) {
				it->it.doc_id = sqlite3_column_int64(s, 2);
				col_copy(it->it.code, sizeof it->it.code, s, 3);
				col_copy(it->it.date, sizeof it->it.date, s, 4);
				col_copy(it->it.due_date, sizeof it->it.due_date, s, 5);
				col_copy(it->it.currency, sizeof it->it.currency, s, 6);
				it->it.amount = sqlite3_column_int64(s, 7);
				it->it.open = sqlite3_column_int64(s, 8);
				it->day = ymd(it->it.date);
				it->found = 1;
			} else {
				col_copy(it->it.due_date, sizeof it->it.due_date, s, 2);
				col_copy(it->it.currency, sizeof it->it.currency, s, 3);
				it->it.amount = sqlite3_column_int64(s, 4);
				it->it.open = sqlite3_column_int64(s, 5);
				it->it.instalment_id = sqlite3_column_int64(s, 6);
				it->it.instalment_no = sqlite3_column_int(s, 7);
			}
			it->due = ymd(it->it.due_date);
		}
		lg_finalize(l, s);
		if (rc != SQLITE_DONE)
			return lg_dberr(l, rc, _("reading the open items"), e);
	}
	ni = c->n - first_inst;
	if (!ni)
		return CART_OK;
	if (!(p = malloc(ni * sizeof *p)))
		return cart_fail(e, CART_NOMEM, _("out of memory"));
	for (size_t i = 0; i < ni; i++)
		p[i] = at(c, first_inst + i);
	if (sort_by(p, ni, KEY_ENTRY)) {
		free(p);
		return cart_fail(e, CART_NOMEM, _("out of memory"));
	}
	rc = lookup_ids(l, entry_sql, ni, want_entry, got_entry, &p, e);
	free(p);
	if (rc != CART_OK)
		return rc;
	/* an instalment whose entry is gone the join left out (the schema forbids it) */
	for (size_t i = first_inst, k = first_inst; i < c->n || (c->n = k, 0); i++)
		if (at(c, i)->found)
			*at(c, k++) = *at(c, i);
	return CART_OK;
}

/* The document numbers, looked up in document order. */
static int read_numbers(ledger *l, charges *c, pool *pl, cart_err *e)
{
	static const char sql[] = "SELECT id, number FROM documents INDEXED BY documents_numbers"
		" WHERE id >= ?1 ORDER BY id";
	num_ctx x = { NULL, pl };
	uint32_t empty;
	int rc;

	if (!c->n)
		return CART_OK;
	if (pool_add(pl, "", 0, &empty) || !(x.p = malloc(c->n * sizeof *x.p)))
		return cart_fail(e, CART_NOMEM, _("out of memory"));
	for (size_t i = 0; i < c->n; i++) {
		x.p[i] = at(c, i);
		x.p[i]->num = empty;    /* a document not found: no number, as before */
	}
	if (sort_by(x.p, c->n, KEY_DOC)) {
		free(x.p);
		return cart_fail(e, CART_NOMEM, _("out of memory"));
	}
	rc = lookup_ids(l, sql, c->n, want_doc, got_number, &x, e);
	free(x.p);
	return rc;
}

/* What orders a client's charges besides the item itself: due date and date as YYYYMMDD, and
 * its number's offset in the pool, kept beside the items while they are put in order. */
typedef struct item_key {
	int32_t due, day;
	uint32_t num;
} item_key;

/* A client's charges in ledger_open_items' order: due date, date, entry, instalment. */
static int by_item(const item_key *kx, const charge_item *x, const item_key *ky, const charge_item *y)
{
	int d;

	if (kx->due != ky->due)
		return kx->due < ky->due ? -1 : 1;
	if (kx->day != ky->day)
		return kx->day < ky->day ? -1 : 1;
	/* the same number may come from other text: the text decides, as SQL's ORDER BY did */
	if ((d = strcmp(x->due_date, y->due_date)) || (d = strcmp(x->date, y->date)))
		return d;
	if (x->entry_id != y->entry_id)
		return x->entry_id < y->entry_id ? -1 : 1;
	return (x->instalment_id > y->instalment_id) - (x->instalment_id < y->instalment_id);
}

/* The charges copied into items client by client, by counting (client ids are dense), each
 * client's few then put in order: first[id] .. first[id + 1] are client id's (ids 0 .. *max; a
 * negative id, which no client has, is left out). A sort of 195,000 pointers through a
 * comparison had been a seventh of the follow-up's CPU, each a look at two charges far apart in
 * memory; copied in client order, the charges are then walked in memory order. */
static int group_clients(const charges *c, charge_item *items, item_key *keys, size_t **firstp,
                         int64_t *max, cart_err *e)
{
	size_t *first;

	*max = 0;
	for (size_t i = 0; i < c->n; i++)
		if (at(c, i)->client_id > *max)
			*max = at(c, i)->client_id;
	if ((uint64_t)*max >= SIZE_MAX / sizeof *first / 2 ||
	    !(first = calloc((size_t)*max + 2, sizeof *first)))
		return cart_fail(e, CART_NOMEM, _("out of memory"));
	for (size_t i = 0; i < c->n; i++)
		if (at(c, i)->client_id >= 0)
			first[at(c, i)->client_id + 1]++;
	for (int64_t id = 0; id <= *max; id++)
		first[id + 1] += first[id];
	/* each placed at its client's next place: first[id] ends as the next client's start */
	for (size_t i = 0; i < c->n; i++) {
		const charge *ch = at(c, i);
		size_t k;

		if (ch->client_id < 0)
			continue;
		k = first[ch->client_id]++;
		items[k] = ch->it;
		keys[k].due = ch->due;
		keys[k].day = ch->day;
		keys[k].num = ch->num;
	}
	memmove(first + 1, first, ((size_t)*max + 1) * sizeof *first);
	first[0] = 0;
	for (int64_t id = 0; id <= *max; id++)
		for (size_t i = first[id] + 1; i < first[id + 1]; i++)
			for (size_t j = i; j > first[id] &&
			     by_item(&keys[j - 1], &items[j - 1], &keys[j], &items[j]) > 0; j--) {
				charge_item t = items[j];
				item_key tk = keys[j];

				items[j] = items[j - 1];
				items[j - 1] = t;
				keys[j] = keys[j - 1];
				keys[j - 1] = tk;
			}
	*firstp = first;
	return CART_OK;
}

/* A group's texts while the pool grows: offsets, made pointers at the end. */
typedef struct group_off {
	uint32_t name, tax_id, dv;
} group_off;

/* The clients in name order through their covering index, each that has charges made a group
 * of the set; the check digit (not in the index) from one read of its own index, rather than a
 * row looked up for each client. */
static int walk_clients(ledger *l, const size_t *first, int64_t max, pool *pl, set_mem *m,
                        group_off *off, size_t *ngroups, cart_err *e)
{
	static const char sql[] =
		"SELECT id, name, tax_id FROM clients ORDER BY name_key, id";
	static const char dv_sql[] =
		"SELECT id, dv FROM clients INDEXED BY clients_dv WHERE dv <> ''";
	sqlite3_stmt *s;
	char (*dv)[4];
	size_t n = 0;
	int rc;

	if (!(dv = calloc((size_t)max + 1, sizeof *dv)))
		return cart_fail(e, CART_NOMEM, _("out of memory"));
	if ((rc = lg_prepare(l, dv_sql, &s)) != SQLITE_OK) {
		free(dv);
		return lg_dberr(l, rc, _("preparing the open items"), e);
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(s, 0);

		if (id >= 0 && id <= max)
			col_copy(dv[id], sizeof dv[id], s, 1);
	}
	lg_finalize(l, s);
	if (rc != SQLITE_DONE || (rc = lg_prepare(l, sql, &s)) != SQLITE_OK) {
		free(dv);
		return lg_dberr(l, rc, _("preparing the open items"), e);
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(s, 0);
		charge_group *gr;

		if (id < 0 || id > max || first[id] == first[id + 1])
			continue;
		gr = &m->groups[n];
		gr->id = id;
		gr->n = (int)(first[id + 1] - first[id]);
		gr->items = m->items + first[id];
		/* names as the walk's callers had them: copied to 199, 31 and 3 bytes */
		if (pool_col(pl, s, 1, 199, &off[n].name) || pool_col(pl, s, 2, 31, &off[n].tax_id) ||
		    pool_add(pl, dv[id], strlen(dv[id]), &off[n].dv)) {
			lg_finalize(l, s);
			free(dv);
			return cart_fail(e, CART_NOMEM, _("out of memory"));
		}
		n++;
	}
	lg_finalize(l, s);
	free(dv);
	*ngroups = n;
	return rc == SQLITE_DONE ? CART_OK : lg_dberr(l, rc, _("reading the open items"), e);
}

/* The charges added up by currency (at most LEDGER_MAX_CURRENCIES, as ledger_totals keeps);
 * none when a sum would overflow (ledger_totals, asked instead, says what is wrong). */
static int add_up(const charges *c, cur_sum *sums)
{
	int n = 0, ovf = 0;

	for (size_t i = 0; i < c->n && !ovf; i++) {
		const charge_item *it = &at(c, i)->it;
		int k = 0;

		while (k < n && strcmp(sums[k].currency, it->currency))
			k++;
		if (k == n) {
			if (n == LEDGER_MAX_CURRENCIES)
				continue;
			memcpy(sums[n].currency, it->currency, sizeof sums[n].currency);
			sums[n++].sum = 0;
		}
		ovf = __builtin_add_overflow(sums[k].sum, it->open, &sums[k].sum);
	}
	return ovf ? 0 : n;
}

void ledger_charge_set_free(charge_set *set)
{
	set_mem *m = set->mem;

	if (m) {
		big_free(m->items);
		big_free(m->groups);
		big_free(m->text);
		free(m);
	}
	memset(set, 0, sizeof *set);
}

/* The set as of now (asof is today). */
static int charges_now(ledger *l, const char *asof, charge_set *set, cart_err *e)
{
	size_t *first = NULL, ngroups = 0, nitems = 0;
	int64_t max = 0;
	charges c = { NULL, 0, 0, 0 };
	pool pl = { NULL, 0, 0 };
	group_off *off = NULL;
	item_key *keys = NULL;
	set_mem *m;
	date_t today;
	/* the charges and their numbers in one snapshot, and one read transaction rather than one
	 * per number looked up (locking the file each time was a fifth of the lookups) */
	int txn = sqlite3_get_autocommit(l->db), rc;

	memset(set, 0, sizeof *set);
	if (!(m = calloc(1, sizeof *m)))
		return cart_fail(e, CART_NOMEM, _("out of memory"));
	set->mem = m;
	/* reads all over the file: mapped, not paged through the small cache */
	lg_exec(l, "PRAGMA mmap_size = 1073741824", _("mapping the ledger"), CART_IGNORED);
	if (txn && (rc = lg_exec(l, "BEGIN", _("reading the ledger"), e)) != CART_OK)
		goto done;
	rc = read_charges(l, asof, &c, e);
	if (rc == CART_OK)
		rc = read_numbers(l, &c, &pl, e);
	if (rc == CART_OK && (!(m->items = big_alloc((c.n ? c.n : 1) * sizeof *m->items)) ||
	                      !(keys = big_alloc((c.n ? c.n : 1) * sizeof *keys))))
		rc = cart_fail(e, CART_NOMEM, _("out of memory"));
	if (rc == CART_OK)
		rc = group_clients(&c, m->items, keys, &first, &max, e);
	if (rc == CART_OK) {
		set->nsums = add_up(&c, set->sums);
		nitems = first[max + 1];
		charges_free(&c);
		if (!(m->groups = big_alloc(((size_t)max + 1) * sizeof *m->groups)) ||
		    !(off = malloc(((size_t)max + 1) * sizeof *off)))
			rc = cart_fail(e, CART_NOMEM, _("out of memory"));
	}
	if (rc == CART_OK)
		rc = walk_clients(l, first, max, &pl, m, off, &ngroups, e);
	if (txn)
		lg_exec(l, "COMMIT", _("reading the ledger"), CART_IGNORED);
	if (rc != CART_OK)
		goto done;
	/* the pool moves no more: offsets become pointers; days overdue as ledger_open_items
	 * counts them */
	for (size_t k = 0; k < ngroups; k++) {
		charge_group *gr = &m->groups[k];

		gr->name = pl.s + off[k].name;
		gr->tax_id = pl.s + off[k].tax_id;
		gr->dv = pl.s + off[k].dv;
	}
	date_parse(asof, &today, CART_IGNORED);
	for (size_t k = 0; k < nitems; k++) {
		charge_item *it = &m->items[k];
		date_t due;

		it->number = pl.s + keys[k].num;
		it->days_overdue = date_parse(it->due_date, &due, CART_IGNORED) == CART_OK &&
		                   due < today ? (int)(today - due) : 0;
	}
	m->text = pl.s;
	pl.s = NULL;
	set->clients = m->groups;
	set->nclients = ngroups;
done:
	lg_exec(l, "PRAGMA mmap_size = 0", _("unmapping the ledger"), CART_IGNORED);
	free(off);
	big_free(keys);
	free(first);
	charges_free(&c);
	big_free(pl.s);
	if (rc != CART_OK)
		ledger_charge_set_free(set);
	return rc;
}

int ledger_open_charges_set(ledger *l, const char *asof, charge_set *set, int *now, cart_err *e)
{
	int rc;

	memset(set, 0, sizeof *set);
	*now = 0;
	if (lg_date(asof, _("the as-of date"), e) != CART_OK)
		return e->code;
	if ((rc = lg_asof_is_now(l, asof, now, e)) != CART_OK || !*now)
		return rc;
	return charges_now(l, asof, set, e);
}

/* ledger_open_charges as of now: the set, handed over item by item. */
int lg_open_charges_now(ledger *l, const char *asof, open_charge_cb cb, void *ud, cart_err *e)
{
	charge_set set;
	int rc = charges_now(l, asof, &set, e), stop = 0;

	for (size_t k = 0; rc == CART_OK && k < set.nclients && !stop; k++) {
		const charge_group *gr = &set.clients[k];
		charge_client cc = { gr->id, gr->name, gr->tax_id, gr->dv,
		                     set.nsums ? set.sums : NULL, set.nsums };

		for (int i = 0; i < gr->n && !stop; i++) {
			const charge_item *c = &gr->items[i];
			open_item it;

			memset(&it, 0, sizeof it);
			it.entry_id = c->entry_id;
			it.instalment_id = c->instalment_id;
			it.instalment_no = c->instalment_no;
			it.doc_id = c->doc_id;
			snprintf(it.number, sizeof it.number, "%s", c->number);
			memcpy(it.code, c->code, sizeof it.code);
			it.side = 'D';
			memcpy(it.date, c->date, sizeof it.date);
			memcpy(it.due_date, c->due_date, sizeof it.due_date);
			memcpy(it.currency, c->currency, sizeof it.currency);
			it.amount = c->amount;
			it.open = c->open;
			it.days_overdue = c->days_overdue;
			stop = cb(&cc, &it, ud);
		}
	}
	ledger_charge_set_free(&set);
	return rc;
}
