/* Importing clients from CSV (SPEC C5): read the whole file, check every row (csvclient.c) and
 * the tax ids against each other and the ledger's, list every bad line, and add the clients in
 * one transaction only when every row is good. Part of include/cartera/csvclient.h. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctl/ctl_int.h"
#include "cartera/csv.h"
#include "csvclient_int.h"
#include "cartera/i18n.h"

/* ---- messages ---- */

int csvclient_list_add(csvclient_list *l, long line, const char *text)
{
	csvclient_msg *m;

	if (l->n >= CSVCLIENT_MAX_MSGS) {
		l->n_more++;
		return CART_OK;
	}
	if (l->n % 64 == 0) {
		m = realloc(l->msg, sizeof *m * (size_t)(l->n + 64));
		if (!m)
			return CART_NOMEM;
		l->msg = m;
	}
	m = &l->msg[l->n++];
	m->line = line;
	snprintf(m->text, sizeof m->text, "%s", text);
	return CART_OK;
}

void csvclient_result_free(csvclient_result *r)
{
	if (!r)
		return;
	free(r->errors.msg);
	free(r->warnings.msg);
	memset(r, 0, sizeof *r);
}

/* ---- tax ids seen: the ledger's clients (line 0) and the rows of the file ---- */

typedef struct seen_entry {
	char *key;
	long line;          /* the row that has it, 0 for a client of the ledger */
	int64_t id;         /* that client */
} seen_entry;

typedef struct seen {
	seen_entry *slot;
	size_t cap, n;
} seen;

static uint64_t hash(const char *s)
{
	uint64_t h = UINT64_C(1469598103934665603);

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * UINT64_C(1099511628211);
	return h;
}

static seen_entry *seen_find(seen *t, const char *key)
{
	size_t i;

	if (!t->cap)
		return NULL;
	for (i = hash(key) & (t->cap - 1); t->slot[i].key; i = (i + 1) & (t->cap - 1))
		if (!strcmp(t->slot[i].key, key))
			return &t->slot[i];
	return &t->slot[i];
}

/* Add key unless present; returns the entry (the earlier one when present), NULL on no memory. */
static seen_entry *seen_add(seen *t, const char *key, long line, int64_t id)
{
	seen_entry *s;

	if ((t->n + 1) * 10 > t->cap * 7) {
		size_t cap = t->cap ? t->cap * 2 : 1024;
		seen_entry *old = t->slot, *slot = calloc(cap, sizeof *slot);
		size_t oldcap = t->cap;

		if (!slot)
			return NULL;
		t->slot = slot;
		t->cap = cap;
		for (size_t i = 0; i < oldcap; i++)
			if (old[i].key)
				*seen_find(t, old[i].key) = old[i];
		free(old);
	}
	s = seen_find(t, key);
	if (s->key)
		return s;
	s->key = strdup(key);
	if (!s->key)
		return NULL;
	s->line = line;
	s->id = id;
	t->n++;
	return s;
}

static void seen_free(seen *t)
{
	for (size_t i = 0; i < t->cap; i++)
		free(t->slot[i].key);
	free(t->slot);
	memset(t, 0, sizeof *t);
}

typedef struct load_ctx {
	seen *t;
	int64_t last;
	int nomem;
} load_ctx;

static int load_row(const client_row *cr, void *ud)
{
	load_ctx *x = ud;

	if (cr->c->id == x->last || !cr->c->tax_id[0])
		return 0;
	x->last = cr->c->id;
	if (!seen_add(x->t, cr->c->tax_id, 0, cr->c->id)) {
		x->nomem = 1;
		return 1;
	}
	return 0;
}

/* ---- the rows to add, kept small: a client struct is mostly empty room ---- */

typedef struct row {
	long line;
	int receiver, taxpayer, charge, active, terms;
	int64_t limit;
	char *text;         /* the S_N strings one after the other */
} row;

typedef struct rows {
	row *r;
	size_t n, cap;
} rows;

static int rows_add(rows *rs, long line, client *cl)
{
	size_t total = 0, size;
	row *r;
	char *p;

	if (rs->n == rs->cap) {
		size_t cap = rs->cap ? rs->cap * 2 : 256;
		row *m = realloc(rs->r, sizeof *m * cap);

		if (!m)
			return CART_NOMEM;
		rs->r = m;
		rs->cap = cap;
	}
	for (int i = 0; i < S_N; i++)
		total += strlen(csvc_client_str(cl, i, &size)) + 1;
	p = malloc(total);
	if (!p)
		return CART_NOMEM;
	r = &rs->r[rs->n++];
	r->line = line;
	r->receiver = cl->receiver_type;
	r->taxpayer = cl->taxpayer_type;
	r->charge = cl->charge_mode;
	r->active = cl->active;
	r->terms = cl->terms_days;
	r->limit = cl->credit_limit;
	r->text = p;
	for (int i = 0; i < S_N; i++) {
		const char *s = csvc_client_str(cl, i, &size);
		size_t n = strlen(s) + 1;

		memcpy(p, s, n);
		p += n;
	}
	return CART_OK;
}

static void row_client(const row *r, client *cl)
{
	const char *p = r->text;
	size_t size;

	client_defaults(cl);
	cl->receiver_type = r->receiver;
	cl->taxpayer_type = r->taxpayer;
	cl->charge_mode = r->charge;
	cl->active = r->active;
	cl->terms_days = r->terms;
	cl->credit_limit = r->limit;
	for (int i = 0; i < S_N; i++) {
		char *dst = csvc_client_str(cl, i, &size);

		snprintf(dst, size, "%s", p);
		p += strlen(p) + 1;
	}
}

static void rows_free(rows *rs)
{
	for (size_t i = 0; i < rs->n; i++)
		free(rs->r[i].text);
	free(rs->r);
	memset(rs, 0, sizeof *rs);
}

/* ---- import ---- */

typedef struct import {
	ctl *c;
	const char *name;
	csvclient_result *r;
	seen taxes;
	rows good;
	long bad_lines;
	int nomem;
} import;

static void bad_line(import *im, long line, const char *text)
{
	im->bad_lines++;
	if (csvclient_list_add(&im->r->errors, line, text) != CART_OK)
		im->nomem = 1;
	/* nothing will be added: the rows kept so far are of no use */
	rows_free(&im->good);
}

static void check_row(import *im, const csv_record *rec, const int *map, int nfields)
{
	client cl;
	taxid_check tc;
	problems p = { "", 0 };
	int blank = 1;

	/* a spreadsheet's empty rows come out as ",,,": no client, no error */
	for (int i = 0; i < rec->n && blank; i++)
		blank = !*csvc_trim(rec->field[i]);
	if (blank)
		return;
	im->r->rows++;
	if (rec->n != nfields) {
		snprintf(p.text, sizeof p.text,
		         P_("%d field where the header has %d", "%d fields where the header has %d",
		            (unsigned long)rec->n), rec->n, nfields);
		bad_line(im, rec->line, p.text);
		return;
	}
	csvc_read_row(im->c, rec, map, &cl, &p, &tc);
	if (cl.tax_id[0]) {
		seen_entry *s = seen_add(&im->taxes, cl.tax_id, rec->line, 0);

		if (!s) {
			im->nomem = 1;
		} else if (s->line == 0) {
			client other;
			cart_err tmp;

			if (ledger_client_get(im->c->l, s->id, &other, &tmp) == CART_OK)
				csvc_say(&p, _("tax id %s already belongs to client %lld, %s"), cl.tax_id,
				         (long long)other.id, other.name);
			else
				csvc_say(&p, _("tax id %s already belongs to client %lld"), cl.tax_id,
				         (long long)s->id);
		} else if (s->line != rec->line) {
			csvc_say(&p, _("tax id %s is also on line %ld"), cl.tax_id, s->line);
		}
	}
	if (p.n) {
		bad_line(im, rec->line, p.text);
		return;
	}
	if (tc.warning && csvclient_list_add(&im->r->warnings, rec->line, tc.message) != CART_OK)
		im->nomem = 1;
	if (im->bad_lines == 0 && rows_add(&im->good, rec->line, &cl) != CART_OK)
		im->nomem = 1;
}

/* Read and check the whole file; CART_OK when every row is good. */
static int import_read(import *im, FILE *in, cart_err *e)
{
	csv_reader *rd = csv_open_file(in);
	csv_record rec;
	cart_err tmp;
	int *map = NULL, nfields = 0, got, rc = CART_OK;

	if (!rd)
		return cart_fail(e, CART_NOMEM, _("out of memory"));
	while (!im->nomem && (got = csv_next(rd, &rec, &tmp)) != 0) {
		if (got < 0) {
			const csv_error *ce = csv_last_error(rd);
			char text[260];

			if (ce->column > 0)
				snprintf(text, sizeof text, _("column %ld: %s"), ce->column, ce->reason);
			else
				snprintf(text, sizeof text, "%s", ce->reason);
			bad_line(im, ce->line, text);
			if (!map) /* the header itself: the rows cannot be read without it */
				break;
			continue;
		}
		if (!map) {
			problems p = { "", 0 };

			map = malloc(sizeof *map * (size_t)rec.n);
			if (!map) {
				im->nomem = 1;
				break;
			}
			nfields = rec.n;
			csvc_read_header(&rec, map, &p);
			if (p.n) {
				bad_line(im, rec.line, p.text);
				break;
			}
			continue;
		}
		check_row(im, &rec, map, nfields);
	}
	csv_close(rd);
	free(map);
	if (im->nomem)
		rc = cart_fail(e, CART_NOMEM, _("%s: out of memory reading the file"), im->name);
	else if (im->bad_lines)
		rc = cart_fail(e, CART_INVALID, P_("%s: %ld bad line; nothing was imported",
		                                     "%s: %ld bad lines; nothing was imported",
		                                     (unsigned long)im->bad_lines),
		               im->name, im->bad_lines);
	else if (!nfields && !im->r->errors.n)
		rc = cart_fail(e, CART_INVALID, _("%s is empty: the first line must name the columns"
		               " (name, tax_id, ...)"), im->name);
	return rc;
}

int csvclient_import(ctl *c, FILE *in, const char *name_for_messages, csvclient_result *r,
                     cart_err *e)
{
	import im;
	load_ctx lx;
	int rc;

	memset(r, 0, sizeof *r);
	memset(&im, 0, sizeof im);
	im.c = c;
	im.r = r;
	im.name = name_for_messages && *name_for_messages ? name_for_messages : _("the file");
	if (!c->have_company)
		return cart_fail(e, CART_NOTFOUND, _("the ledger %s has no company settings yet: run"
		                 " 'cartera init' first"), c->path);
	/* The ledger's tax ids first, so each row can be told which client already has its id. */
	memset(&lx, 0, sizeof lx);
	lx.t = &im.taxes;
	lx.last = -1;
	rc = ledger_client_list(c->l, NULL, 0, 0, load_row, &lx, e);
	if (rc == CART_OK && lx.nomem)
		rc = cart_fail(e, CART_NOMEM, _("out of memory"));
	if (rc == CART_OK)
		rc = import_read(&im, in, e);
	seen_free(&im.taxes);
	if (rc != CART_OK) {
		rows_free(&im.good);
		return rc;
	}
	/* All or nothing: one transaction, rolled back at the first refusal (another clerk may
	 * have added one of these tax ids since they were checked). */
	if ((rc = ledger_begin(c->l, e)) != CART_OK) {
		rows_free(&im.good);
		return rc;
	}
	for (size_t i = 0; i < im.good.n; i++) {
		client cl;
		taxid_check tc;

		row_client(&im.good.r[i], &cl);
		if ((rc = ctl_client_add(c, &cl, &tc, e)) != CART_OK) {
			char why[sizeof e->msg];

			ledger_rollback(c->l);
			snprintf(why, sizeof why, "%s", e->msg);
			if (rc == CART_CONFLICT || rc == CART_INVALID) {
				csvclient_list_add(&r->errors, im.good.r[i].line, why);
				cart_fail(e, CART_INVALID, _("%s: 1 bad line; nothing was imported"),
				          im.name);
			} else {
				cart_fail(e, rc, _("%s: line %ld: %s; nothing was imported"), im.name,
				          im.good.r[i].line, why);
			}
			rows_free(&im.good);
			return e->code;
		}
	}
	rc = ledger_commit(c->l, e);
	if (rc != CART_OK)
		ledger_rollback(c->l);
	else
		r->imported = (long)im.good.n;
	rows_free(&im.good);
	return rc;
}
