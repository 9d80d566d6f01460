/* Documents from another system as CSV (SPEC I1): see include/cartera/import.h.
 *
 * Three passes. Reading checks each row by itself (every bad line is listed); checking resolves
 * what the rows name (clients, the invoices notes and receipts affect, in the file or in the
 * ledger) and plays the allocations against open amounts kept here, so that a receipt paying
 * more than an invoice has open is named by its line before anything is posted; posting goes
 * through the model's posting functions in one transaction (the bulk path for a large history),
 * charges first and then what credits them, so a receipt may come before its invoice in the
 * file. Any posting the model refuses refuses the whole file, naming the line. */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cartera/csv.h"
#include "cartera/ctl_docs.h"
#include "cartera/i18n.h"
#include "cartera/import.h"
#include "../model/ledger_import.h"

enum { T_INVOICE, T_CREDIT, T_DEBIT, T_RECEIPT, T_ADVANCE, T_LINE, NTYPES };

static const char *const type_words[NTYPES] = {
	"invoice|factura|fac|fc|fv",
	"credit_note|creditnote|nota_credito|nota_de_credito|nc",
	"debit_note|debitnote|nota_debito|nota_de_debito|nd",
	"receipt|recibo|pago|payment|rc|cobro",
	"advance|anticipo|ant",
	"line|linea|item",
};
/* The kind kept with a legal number (ledger_import.h). */
static const char *const kind_names[NTYPES] = {
	"invoice", "credit-note", "debit-note", "receipt", "advance", "line",
};

enum {
	C_TYPE, C_NUMBER, C_CLIENT, C_DATE, C_DUE, C_CURRENCY, C_AMOUNT, C_LEGAL, C_INST, C_APPLIES,
	C_MEMO, C_METHOD, C_DESC, C_QTY, C_PRICE, C_TAX, NCOLS
};

static const char *const col_names[NCOLS] = {
	"type|tipo|document_type|tipo_documento",
	"number|numero|old_number|numero_anterior|document|documento|folio",
	"client|cliente|customer|tax_id|nit|ruc|rfc",
	"date|fecha",
	"due|due_date|vencimiento|fecha_vencimiento",
	"currency|moneda",
	"amount|total|importe|monto|valor",
	"legal_number|numero_legal|legal|cufe|uuid",
	"instalments|installments|cuotas",
	"applies_to|aplica_a|affects|afecta|allocations|imputaciones",
	"memo|concepto|glosa|notes|notas|reason|motivo",
	"method|medio|medio_pago|forma_pago",
	"description|descripcion|detalle",
	"quantity|qty|cantidad",
	"price|precio|precio_unitario|unit_price",
	"tax|impuesto|tax_rate|tasa",
};

#define ROW_GHOST 2           /* a document already in the ledger that rows refer to */

typedef struct irow {
	long line;
	int type;
	int skip;                 /* 1: its legal number is in the ledger; ROW_GHOST: a ledger doc */
	uint32_t number, legal, memo, method;   /* offsets in the string arena, 0 = "" */
	int64_t client_id;
	char date[DATE_LEN], due[DATE_LEN], cur[4];
	int64_t amount;
	int inst0, ninst, line0, nlines, alloc0, nalloc;
	int ref;                  /* notes: the row of the invoice they affect, -1 none */
	int64_t doc_id;           /* posted (or ghost) document */
	int64_t entry;            /* its charge entry */
	int64_t open;             /* charges: what is still open as the check plays the file */
	int has_amount;
} irow;

typedef struct iinst {
	char due[DATE_LEN];
	int64_t amount, open;
	int given;
} iinst;

typedef struct ialloc {
	uint32_t target;          /* the number named (arena) */
	int row;                  /* the charge's row */
	int seq;                  /* instalment, 0 = spread */
	int64_t amount;           /* 0 as given = all it has open (resolved by the check) */
} ialloc;

/* A string hash: key (arena offset) -> value. */
typedef struct smap {
	uint32_t *key;
	int64_t *val;
	size_t cap, n;
} smap;

typedef struct imp {
	ctl *c;
	import_result *r;
	const char *name;
	ctl_taxes taxes;
	int map[64], nfields, have[NCOLS];
	char *arena;
	size_t alen, acap;
	irow *rows;
	size_t n, cap;
	iinst *inst;
	size_t ni, capi;
	doc_line *lines;
	size_t nl, capl;
	ialloc *alloc;
	size_t na, capa;
	smap numbers;             /* old number -> row */
	smap clients;             /* client as written -> client id (CLIENT_NAME set: by name) */
	long client_misses;       /* lookups that went to the ledger */
	int preloaded, preload_pass;
	smap legals;              /* kind + legal number -> row (duplicates in the file) */
	long bad;
	int nomem;
	int cur_invoice;          /* the row line rows attach to, -1 */
} imp;

/* ---- small helpers ---- */

static void add_to(imp *im, csvclient_list *l, long line, const char *text)
{
	csvclient_msg *m;

	if (l->n >= CSVCLIENT_MAX_MSGS) {
		l->n_more++;
		return;
	}
	if (l->n % 64 == 0) {
		m = realloc(l->msg, sizeof *m * (size_t)(l->n + 64));
		if (!m) {
			im->nomem = 1;
			return;
		}
		l->msg = m;
	}
	m = &l->msg[l->n++];
	m->line = line;
	snprintf(m->text, sizeof m->text, "%s", text);
}

static void bad(imp *im, long line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void bad(imp *im, long line, const char *fmt, ...)
{
	char text[300];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	im->bad++;
	add_to(im, &im->r->errors, line, text);
}

static int grow(void **p, size_t *cap, size_t need, size_t size)
{
	size_t c = *cap ? *cap : 256;
	void *n;

	if (need <= *cap)
		return 0;
	while (c < need)
		c *= 2;
	if (!(n = realloc(*p, c * size)))
		return -1;
	*p = n;
	*cap = c;
	return 0;
}

static uint32_t str_add(imp *im, const char *s)
{
	size_t len = strlen(s) + 1;
	uint32_t at;

	if (len == 1)
		return 0;
	if (im->alen + len > UINT32_MAX || grow((void **)&im->arena, &im->acap, im->alen + len, 1)) {
		im->nomem = 1;
		return 0;
	}
	at = (uint32_t)im->alen;
	memcpy(im->arena + at, s, len);
	im->alen += len;
	return at;
}

static const char *str(const imp *im, uint32_t at)
{
	return at ? im->arena + at : "";
}

static uint64_t hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}

/* Find key text in m: its slot; *found says whether it is there. */
static size_t smap_slot(const imp *im, const smap *m, const char *text, int *found)
{
	size_t i = (size_t)hash_str(text) & (m->cap - 1);

	for (;; i = (i + 1) & (m->cap - 1)) {
		if (!m->key[i]) {
			*found = 0;
			return i;
		}
		if (!strcmp(str(im, m->key[i]), text)) {
			*found = 1;
			return i;
		}
	}
}

static int smap_get(const imp *im, const smap *m, const char *text, int64_t *val)
{
	int found;
	size_t i;

	if (!m->cap)
		return 0;
	i = smap_slot(im, m, text, &found);
	if (found)
		*val = m->val[i];
	return found;
}

/* Add key (an arena offset) -> val; 0 when it was there already (val unchanged). */
static int smap_put(imp *im, smap *m, uint32_t key, int64_t val)
{
	int found;
	size_t i;

	if ((m->n + 1) * 2 > m->cap) {
		smap old = *m;
		size_t cap = old.cap ? old.cap * 2 : 1024;

		m->key = calloc(cap, sizeof *m->key);
		m->val = calloc(cap, sizeof *m->val);
		if (!m->key || !m->val) {
			free(m->key);
			free(m->val);
			*m = old;
			im->nomem = 1;
			return 0;
		}
		m->cap = cap;
		m->n = 0;
		for (size_t k = 0; k < old.cap; k++)
			if (old.key[k]) {
				i = smap_slot(im, m, str(im, old.key[k]), &found);
				m->key[i] = old.key[k];
				m->val[i] = old.val[k];
				m->n++;
			}
		free(old.key);
		free(old.val);
	}
	i = smap_slot(im, m, str(im, key), &found);
	if (found)
		return 0;
	m->key[i] = key;
	m->val[i] = val;
	m->n++;
	return 1;
}

static void smap_free(smap *m)
{
	free(m->key);
	free(m->val);
}

static int in_list(const char *word, const char *list)
{
	size_t n = strlen(word);

	while (*list) {
		size_t m = strcspn(list, "|");

		if (m == n && !strncmp(word, list, n))
			return 1;
		list += m;
		if (*list == '|')
			list++;
	}
	return 0;
}

/* Plain "1234.56" or the company's format. */
static int parse_amount(const imp *im, const char *text, int64_t *v)
{
	money_fmt plain = { im->c->co.fmt.decimals, '.', '\0' };

	return money_parse(text, &plain, v, NULL) == CART_OK ||
	       money_parse(text, &im->c->co.fmt, v, NULL) == CART_OK;
}

static void money(const imp *im, int64_t v, char *buf, size_t size)
{
	ctl_money(im->c, v, buf, size);
}

/* ---- reading ---- */

static int read_header(imp *im, const csv_record *h)
{
	char w[64];

	if (h->n > 64) {
		bad(im, h->line, "%s", _("the header has more than 64 columns"));
		return -1;
	}
	im->nfields = h->n;
	for (int i = 0; i < h->n; i++) {
		int k;

		csvclient_fold(h->field[i], w, sizeof w);
		for (k = 0; k < NCOLS && !in_list(w, col_names[k]); k++)
			;
		if (k == NCOLS) {
			bad(im, h->line, _("column \"%s\" is not one cartera reads (type, number, client,"
			    " date, due, currency, amount, legal_number, instalments, applies_to, memo,"
			    " method, description, quantity, price, tax)"), h->field[i]);
			return -1;
		}
		if (im->have[k]) {
			bad(im, h->line, _("column \"%s\" is given twice"), h->field[i]);
			return -1;
		}
		im->have[k] = 1;
		im->map[i] = k;
	}
	if (!im->have[C_TYPE] || !im->have[C_NUMBER] || !im->have[C_CLIENT] || !im->have[C_DATE] ||
	    !im->have[C_AMOUNT]) {
		bad(im, h->line, "%s", _("the header must name the columns type, number, client, date"
		    " and amount"));
		return -1;
	}
	return 0;
}

/* Append a problem to a row's list, "; " between them. */
static void say(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void say(char *buf, size_t size, const char *fmt, ...)
{
	size_t used = strlen(buf);
	va_list ap;

	if (used >= size - 1)
		return;
	if (used && used + 2 < size) {
		memcpy(buf + used, "; ", 3);
		used += 2;
	}
	va_start(ap, fmt);
	vsnprintf(buf + used, size - used, fmt, ap);
	va_end(ap);
}

static void read_line_row(imp *im, const csv_record *rec, const char **v, char *pb, size_t ps)
{
	doc_line ln;
	irow *inv;
	cart_err e;

	if (im->cur_invoice < 0 || strcmp(str(im, im->rows[im->cur_invoice].number), v[C_NUMBER])) {
		say(pb, ps, _("a line row follows its invoice (number \"%s\")"), v[C_NUMBER]);
		return;
	}
	inv = &im->rows[im->cur_invoice];
	memset(&ln, 0, sizeof ln);
	if (!*v[C_DESC])
		say(pb, ps, "%s", _("the line's description is empty"));
	else if (strlen(v[C_DESC]) >= sizeof ln.description)
		say(pb, ps, "%s", _("the line's description is too long"));
	snprintf(ln.description, sizeof ln.description, "%s", v[C_DESC]);
	ln.qty = 1000;
	if (*v[C_QTY] && ctl_quantity(im->c, v[C_QTY], _("the quantity"), &ln.qty, &e) != CART_OK)
		say(pb, ps, "%s", e.msg);
	if (!*v[C_PRICE] || !parse_amount(im, v[C_PRICE], &ln.price))
		say(pb, ps, _("the price \"%s\" is not an amount"), v[C_PRICE]);
	if (ctl_tax_pick(im->c, &im->taxes, v[C_TAX], &ln.tax_rate_id, &ln.tax_rate, &e) != CART_OK)
		say(pb, ps, "%s", e.msg);
	if (inv->nlines >= DOC_MAX_LINES)
		say(pb, ps, _("an invoice has at most %d lines"), DOC_MAX_LINES);
	(void)rec;
	if (pb[0])
		return;
	if (grow((void **)&im->lines, &im->capl, im->nl + 1, sizeof *im->lines)) {
		im->nomem = 1;
		return;
	}
	if (!inv->nlines)
		inv->line0 = (int)im->nl;
	im->lines[im->nl++] = ln;
	inv->nlines++;
}

/* "DATE=AMOUNT;DATE=AMOUNT" or "DATE;DATE". */
static void read_instalments(imp *im, irow *row, const char *text, char *pb, size_t ps)
{
	const char *p = text;
	char part[80], *eq;
	cart_err e;

	row->inst0 = (int)im->ni;
	while (*p) {
		size_t m = strcspn(p, ";");
		iinst in;

		memset(&in, 0, sizeof in);
		snprintf(part, sizeof part, "%.*s", (int)(m < sizeof part ? m : sizeof part - 1), p);
		p += m;
		if (*p == ';')
			p++;
		if ((eq = strchr(part, '='))) {
			*eq++ = '\0';
			if (!parse_amount(im, eq, &in.amount) || in.amount <= 0) {
				say(pb, ps, _("instalment %d: \"%s\" is not an amount over zero"),
				    row->ninst + 1, eq);
				return;
			}
			in.given = 1;
		}
		if (ctl_date(part, _("an instalment's due date"), in.due, &e) != CART_OK) {
			say(pb, ps, _("instalment %d: %s"), row->ninst + 1, e.msg);
			return;
		}
		if (grow((void **)&im->inst, &im->capi, im->ni + 1, sizeof *im->inst)) {
			im->nomem = 1;
			return;
		}
		im->inst[im->ni++] = in;
		row->ninst++;
	}
	if (row->ninst == 1 || row->ninst > 360)
		say(pb, ps, "%s", _("an invoice has from 2 to 360 instalments"));
}

/* "NUMBER[#INSTALMENT][=AMOUNT];..." */
static void read_allocs(imp *im, irow *row, const char *text, char *pb, size_t ps)
{
	const char *p = text;
	char part[200], *eq, *hash;

	row->alloc0 = (int)im->na;
	while (*p) {
		size_t m = strcspn(p, ";");
		ialloc a;

		memset(&a, 0, sizeof a);
		snprintf(part, sizeof part, "%.*s", (int)(m < sizeof part ? m : sizeof part - 1), p);
		p += m;
		if (*p == ';')
			p++;
		if ((eq = strchr(part, '='))) {
			*eq++ = '\0';
			if (!parse_amount(im, eq, &a.amount) || a.amount <= 0) {
				say(pb, ps, _("applies_to \"%s\": \"%s\" is not an amount over zero"), part,
				    eq);
				return;
			}
		}
		if ((hash = strchr(part, '#'))) {
			char *end;
			long s;

			*hash++ = '\0';
			s = strtol(hash, &end, 10);
			if (*end || s < 1 || s > 360) {
				say(pb, ps, _("applies_to \"%s\": \"%s\" is not an instalment number"), part,
				    hash);
				return;
			}
			a.seq = (int)s;
		}
		if (!part[0]) {
			say(pb, ps, "%s", _("applies_to names an empty document"));
			return;
		}
		a.target = str_add(im, part);
		a.row = -1;
		if (grow((void **)&im->alloc, &im->capa, im->na + 1, sizeof *im->alloc)) {
			im->nomem = 1;
			return;
		}
		im->alloc[im->na++] = a;
		row->nalloc++;
	}
}

/* A name held by two clients resolves through the ledger (which says it is ambiguous). */
#define CLIENT_NAME (INT64_C(1) << 62)
#define CLIENT_AMBIGUOUS INT64_C(-1)
/* After this many clients looked up one by one, every client is read at once. */
#define CLIENT_PRELOAD 256

static int preload_one(int64_t id, const char *tax_id, const char *name, void *ud)
{
	imp *im = ud;
	char num[24];
	int64_t old;
	uint32_t k;

	/* the order ledger_client_find looks in: an id, a tax id, a name */
	if (im->preload_pass == 0) {
		snprintf(num, sizeof num, "%lld", (long long)id);
		if ((k = str_add(im, num)))
			smap_put(im, &im->clients, k, id);
	} else if (im->preload_pass == 1) {
		if (tax_id && *tax_id && !smap_get(im, &im->clients, tax_id, &old) &&
		    (k = str_add(im, tax_id)))
			smap_put(im, &im->clients, k, id);
	} else if (name && *name) {
		if (!smap_get(im, &im->clients, name, &old)) {
			if ((k = str_add(im, name)))
				smap_put(im, &im->clients, k, id | CLIENT_NAME);
		} else if ((old & CLIENT_NAME) && (old & ~CLIENT_NAME) != id) {
			int found;

			im->clients.val[smap_slot(im, &im->clients, name, &found)] = CLIENT_AMBIGUOUS;
		}
	}
	return im->nomem;
}

static int client_id_of(imp *im, const char *text, int64_t *id, cart_err *e)
{
	client cl;
	uint32_t k;

	if (!im->preloaded && ++im->client_misses > CLIENT_PRELOAD) {
		im->preloaded = 1;
		for (im->preload_pass = 0; im->preload_pass < 3; im->preload_pass++)
			if (ledger_client_keys(im->c->l, preload_one, im, e) != CART_OK)
				return e->code;
	}
	if (smap_get(im, &im->clients, text, id) && *id != CLIENT_AMBIGUOUS) {
		*id &= ~CLIENT_NAME;
		return CART_OK;
	}
	if (ctl_client_ref(im->c, text, &cl, e) != CART_OK)
		return e->code;
	*id = cl.id;
	if (!im->preloaded && (k = str_add(im, text)))
		smap_put(im, &im->clients, k, cl.id);
	return CART_OK;
}

static void read_row(imp *im, const csv_record *rec)
{
	const char *v[NCOLS];
	char pb[300] = "", w[64];
	irow row;
	cart_err e;
	int type;

	for (int i = 0; i < NCOLS; i++)
		v[i] = "";
	if (rec->n != im->nfields) {
		bad(im, rec->line, P_("%d field where the header has %d",
		                      "%d fields where the header has %d", (unsigned long)rec->n),
		    rec->n, im->nfields);
		return;
	}
	for (int i = 0; i < rec->n; i++)
		v[im->map[i]] = rec->field[i];
	csvclient_fold(v[C_TYPE], w, sizeof w);
	for (type = 0; type < NTYPES && !in_list(w, type_words[type]); type++)
		;
	if (type == NTYPES) {
		bad(im, rec->line, _("the type \"%s\" is not one of invoice, credit-note, debit-note,"
		    " receipt, advance, line"), v[C_TYPE]);
		return;
	}
	if (!*v[C_NUMBER]) {
		bad(im, rec->line, "%s", _("the number is empty"));
		return;
	}
	if (type == T_LINE) {
		read_line_row(im, rec, v, pb, sizeof pb);
		if (pb[0])
			bad(im, rec->line, "%s", pb);
		return;
	}
	im->cur_invoice = -1;
	memset(&row, 0, sizeof row);
	row.line = rec->line;
	row.type = type;
	row.ref = -1;
	if (strlen(v[C_NUMBER]) >= 64)
		say(pb, sizeof pb, "%s", _("the number is longer than 63 characters"));
	row.number = str_add(im, v[C_NUMBER]);
	if (!*v[C_CLIENT])
		say(pb, sizeof pb, "%s", _("the client is empty"));
	else if (client_id_of(im, v[C_CLIENT], &row.client_id, &e) != CART_OK)
		say(pb, sizeof pb, "%s", e.msg);
	if (ctl_date(v[C_DATE], _("the date"), row.date, &e) != CART_OK)
		say(pb, sizeof pb, "%s", e.msg);
	if (*v[C_DUE]) {
		if (type != T_INVOICE && type != T_DEBIT)
			say(pb, sizeof pb, "%s", _("only invoices and debit notes have a due date"));
		else if (ctl_date(v[C_DUE], _("the due date"), row.due, &e) != CART_OK)
			say(pb, sizeof pb, "%s", e.msg);
		else if (row.date[0] && strcmp(row.due, row.date) < 0)
			say(pb, sizeof pb, _("the due date %s is before the date %s"), row.due, row.date);
	}
	if (!*v[C_CURRENCY])
		snprintf(row.cur, sizeof row.cur, "%s", im->c->co.currency);
	else if (strcmp(v[C_CURRENCY], im->c->co.currency) &&
	         (!im->c->co.currency2[0] || strcmp(v[C_CURRENCY], im->c->co.currency2)))
		say(pb, sizeof pb, _("the currency \"%s\" is not one of the company's"), v[C_CURRENCY]);
	else
		snprintf(row.cur, sizeof row.cur, "%s", v[C_CURRENCY]);
	if (*v[C_AMOUNT]) {
		if (!parse_amount(im, v[C_AMOUNT], &row.amount) || row.amount <= 0)
			say(pb, sizeof pb, _("the amount \"%s\" is not an amount over zero"), v[C_AMOUNT]);
		row.has_amount = 1;
	} else if (type != T_INVOICE) {
		say(pb, sizeof pb, "%s", _("the amount is empty"));
	}
	if (strlen(v[C_LEGAL]) >= 128)
		say(pb, sizeof pb, "%s", _("the legal number is longer than 127 characters"));
	row.legal = str_add(im, v[C_LEGAL]);
	if (*v[C_INST]) {
		if (type != T_INVOICE)
			say(pb, sizeof pb, "%s", _("only invoices have instalments"));
		else
			read_instalments(im, &row, v[C_INST], pb, sizeof pb);
	}
	if (*v[C_APPLIES]) {
		if (type == T_INVOICE || type == T_ADVANCE)
			say(pb, sizeof pb, "%s", type == T_INVOICE
			    ? _("an invoice applies to nothing: leave applies_to empty")
			    : _("an advance is not allocated to invoices: leave applies_to empty"));
		else
			read_allocs(im, &row, v[C_APPLIES], pb, sizeof pb);
		if ((type == T_CREDIT || type == T_DEBIT) && row.nalloc > 1)
			say(pb, sizeof pb, "%s", _("a note affects one invoice"));
		if ((type == T_CREDIT || type == T_DEBIT) && row.nalloc == 1 &&
		    (im->alloc[row.alloc0].amount || im->alloc[row.alloc0].seq))
			say(pb, sizeof pb, "%s", _("a note's applies_to is the invoice's number alone"));
	} else if (type == T_RECEIPT || type == T_DEBIT) {
		say(pb, sizeof pb, "%s", type == T_RECEIPT
		    ? _("a receipt names what it pays in applies_to (a payment that pays nothing is an"
		        " advance)")
		    : _("a debit note names the invoice it amends in applies_to"));
	}
	if (strlen(v[C_MEMO]) >= 160)
		say(pb, sizeof pb, "%s", _("the memo is longer than 159 characters"));
	row.memo = str_add(im, v[C_MEMO]);
	if (*v[C_METHOD] && type != T_RECEIPT && type != T_ADVANCE)
		say(pb, sizeof pb, "%s", _("only receipts and advances have a method of payment"));
	if (strlen(v[C_METHOD]) >= 24)
		say(pb, sizeof pb, "%s", _("the method is longer than 23 characters"));
	row.method = str_add(im, v[C_METHOD]);
	if (*v[C_DESC] || *v[C_QTY] || *v[C_PRICE] || *v[C_TAX])
		say(pb, sizeof pb, "%s", _("description, quantity, price and tax belong to line rows"));
	if (!pb[0] && !smap_put(im, &im->numbers, row.number, (int64_t)im->n))
		say(pb, sizeof pb, _("the number %s is given twice in the file"), v[C_NUMBER]);
	if (!pb[0] && row.legal) {
		char key[200];
		uint32_t k;

		snprintf(key, sizeof key, "%s %s", kind_names[type], v[C_LEGAL]);
		k = str_add(im, key);
		if (k && !smap_put(im, &im->legals, k, (int64_t)im->n))
			say(pb, sizeof pb, _("the legal number %s is given twice in the file"), v[C_LEGAL]);
	}
	if (pb[0]) {
		bad(im, rec->line, "%s", pb);
		return;
	}
	if (grow((void **)&im->rows, &im->cap, im->n + 1, sizeof *im->rows)) {
		im->nomem = 1;
		return;
	}
	if (type == T_INVOICE)
		im->cur_invoice = (int)im->n;
	im->rows[im->n++] = row;
}

/* ---- checking the file as a whole ---- */

/* An invoice's total from its lines, its instalments' amounts. */
static void check_invoice(imp *im, irow *row)
{
	char a[40], b[40];

	if (row->nlines) {
		doc_line *copy = malloc(sizeof *copy * (size_t)row->nlines);
		doc_totals t;
		cart_err e;

		if (!copy) {
			im->nomem = 1;
			return;
		}
		memcpy(copy, im->lines + row->line0, sizeof *copy * (size_t)row->nlines);
		if (doc_totals_compute(copy, row->nlines, &t, &e) != CART_OK) {
			bad(im, row->line, "%s", e.msg);
		} else if (row->has_amount && t.total != row->amount) {
			money(im, t.total, a, sizeof a);
			money(im, row->amount, b, sizeof b);
			bad(im, row->line, _("the lines add up to %s, not the amount %s given"), a, b);
		} else if (t.total <= 0) {
			bad(im, row->line, "%s", _("the lines add up to nothing"));
		} else {
			row->amount = t.total;
			row->has_amount = 1;
		}
		free(copy);
	} else if (!row->has_amount) {
		bad(im, row->line, "%s", _("the amount is empty and the invoice has no lines"));
	}
	if (row->ninst && row->has_amount) {
		iinst *in = im->inst + row->inst0;
		int64_t sum = 0;
		int given = 0;

		for (int i = 0; i < row->ninst; i++) {
			given += in[i].given;
			sum += in[i].amount;
			if (strcmp(in[i].due, row->date) < 0)
				bad(im, row->line, _("instalment %d is due %s, before the date %s"), i + 1,
				    in[i].due, row->date);
		}
		if (given == 0) {
			for (int i = 0; i < row->ninst; i++)
				in[i].amount = row->amount / row->ninst +
				               (i < row->amount % row->ninst ? 1 : 0);
		} else if (given != row->ninst) {
			bad(im, row->line, "%s", _("give every instalment an amount, or none"));
		} else if (sum != row->amount) {
			money(im, sum, a, sizeof a);
			money(im, row->amount, b, sizeof b);
			bad(im, row->line, _("the instalments add up to %s, not the amount %s"), a, b);
		}
		for (int i = 0; i < row->ninst; i++)
			in[i].open = in[i].amount;
	}
	row->open = row->amount;
}

/* A number named by a note or a receipt that is not in the file: the ledger's document with
 * that legal number or cartera number, as a ghost row. -1 when not found (said on line). */
static int ghost_row(imp *im, const char *number, int64_t doc_id, long line)
{
	legal_row k[2];
	doc_entry ent[8];
	doc_info d;
	cart_err e;
	irow g;
	int n = 0, nent = 0;
	uint32_t key;

	if (doc_id) {
		k[0].doc_id = doc_id;
		n = 1;
	} else if (ledger_legal_find(im->c->l, LEGAL_ANY, NULL, NULL, number, k, 2, &n, &e)
	           != CART_OK) {
		bad(im, line, "%s", e.msg);
		return -1;
	}
	if (n > 1) {
		bad(im, line, _("%s is ambiguous: the ledger has %s and %s with that legal number"),
		    number, k[0].doc_number, k[1].doc_number);
		return -1;
	}
	if (n == 1 ? ledger_document_get(im->c->l, k[0].doc_id, &d, &e) != CART_OK
	           : ctl_doc_ref(im->c, number, &d, &e) != CART_OK) {
		bad(im, line, _("%s is neither in the file nor in the ledger"), number);
		return -1;
	}
	if (ledger_document_entries(im->c->l, d.id, ent, 8, &nent, &e) != CART_OK) {
		bad(im, line, "%s", e.msg);
		return -1;
	}
	memset(&g, 0, sizeof g);
	g.skip = ROW_GHOST;
	g.type = d.type == DOC_INVOICE ? T_INVOICE : T_DEBIT;
	g.line = line;
	g.client_id = d.client_id;
	g.doc_id = d.id;
	g.ref = -1;
	snprintf(g.date, sizeof g.date, "%s", d.date);
	snprintf(g.cur, sizeof g.cur, "%s", d.currency);
	for (int i = 0; i < nent; i++)
		if (ent[i].side == 'D') {
			g.entry = ent[i].entry_id;
			g.open = ent[i].open;
			g.amount = ent[i].amount;
			break;
		}
	if (!g.entry) {
		bad(im, line, _("%s (%s) has no charge to credit or pay"), number, d.number);
		return -1;
	}
	if (d.voided_by[0]) {
		bad(im, line, _("%s (%s) was voided by %s"), number, d.number, d.voided_by);
		return -1;
	}
	g.number = key = str_add(im, number);
	if (grow((void **)&im->rows, &im->cap, im->n + 1, sizeof *im->rows)) {
		im->nomem = 1;
		return -1;
	}
	im->rows[im->n] = g;
	smap_put(im, &im->numbers, key, (int64_t)im->n);
	return (int)im->n++;
}

/* The row of the charge a note or receipt names; -1 when none (said). */
static int target_row(imp *im, const irow *row, const char *number)
{
	int64_t j;
	int t;

	if (smap_get(im, &im->numbers, number, &j)) {
		const irow *x = &im->rows[j];

		if (x->type != T_INVOICE && x->type != T_DEBIT) {
			bad(im, row->line, _("%s is not an invoice or a debit note"), number);
			return -1;
		}
		if (x->skip == 1)   /* already in the ledger: its document there */
			return x->ref;
		return (int)j;
	}
	t = ghost_row(im, number, 0, row->line);
	return t;
}

static int same_party(imp *im, const irow *row, const irow *t, const char *number)
{
	if (t->client_id != row->client_id) {
		bad(im, row->line, _("%s belongs to another client"), number);
		return 0;
	}
	if (strcmp(t->cur, row->cur)) {
		bad(im, row->line, _("%s is in %s, not %s"), number, t->cur, row->cur);
		return 0;
	}
	if (strcmp(t->date, row->date) > 0) {
		bad(im, row->line, _("%s is dated %s, after this document's date %s"), number, t->date,
		    row->date);
		return 0;
	}
	return 1;
}

/* Rows are found by index: a ghost row appended meanwhile may move the array. */
static void check_credit_note(imp *im, size_t i)
{
	const char *number;
	char a[40], b[40];
	irow *row = &im->rows[i], *t;
	int ref;

	if (!row->nalloc)
		return;   /* on account */
	number = str(im, im->alloc[row->alloc0].target);
	ref = target_row(im, row, number);
	row = &im->rows[i];
	if ((row->ref = ref) < 0)
		return;
	t = &im->rows[row->ref];
	if (!same_party(im, row, t, number))
		return;
	if (row->amount > t->open) {
		money(im, row->amount, a, sizeof a);
		money(im, t->open, b, sizeof b);
		bad(im, row->line, _("the credit note is %s but %s has %s open"), a, number, b);
		return;
	}
	t->open -= row->amount;
	if (t->ninst) {   /* the model spreads a credit over instalments in their order */
		int64_t left = row->amount;

		for (int s = 0; s < t->ninst && left; s++) {
			iinst *in = &im->inst[t->inst0 + s];
			int64_t take = in->open < left ? in->open : left;

			in->open -= take;
			left -= take;
		}
	}
}

static void check_receipt(imp *im, size_t i)
{
	int64_t left = im->rows[i].amount;
	char a[40], b[40];

	for (int k = 0; k < im->rows[i].nalloc; k++) {
		irow *row = &im->rows[i];
		ialloc *al = &im->alloc[row->alloc0 + k];
		const char *number = str(im, al->target);
		int64_t open;
		irow *t;
		int ref = target_row(im, row, number);

		row = &im->rows[i];
		if ((al->row = ref) < 0)
			return;
		t = &im->rows[al->row];
		if (!same_party(im, row, t, number))
			return;
		open = t->open;
		if (al->seq) {
			if (t->skip == ROW_GHOST) {
				/* the model checks the instalment of a ledger document */
			} else if (al->seq > t->ninst) {
				bad(im, row->line, _("%s has no instalment %d"), number, al->seq);
				return;
			} else {
				open = im->inst[t->inst0 + al->seq - 1].open;
			}
		}
		if (!al->amount)
			al->amount = open < left ? open : left;
		if (al->amount <= 0) {
			bad(im, row->line, _("%s has nothing open to pay"), number);
			return;
		}
		if (al->amount > open) {
			money(im, al->amount, a, sizeof a);
			money(im, open, b, sizeof b);
			bad(im, row->line, _("pays %s of %s, which has %s open"), a, number, b);
			return;
		}
		if (al->amount > left) {
			money(im, row->amount, a, sizeof a);
			bad(im, row->line, _("the allocations add up to more than the receipt's %s"), a);
			return;
		}
		left -= al->amount;
		t->open -= al->amount;
		if (t->ninst && t->skip != ROW_GHOST) {
			int64_t rest = al->amount;

			if (al->seq)
				im->inst[t->inst0 + al->seq - 1].open -= rest;
			for (int s = 0; !al->seq && s < t->ninst && rest; s++) {
				iinst *in = &im->inst[t->inst0 + s];
				int64_t take = in->open < rest ? in->open : rest;

				in->open -= take;
				rest -= take;
			}
		}
	}
}

/* The legal numbers already in the ledger: those rows post nothing. */
static void check_legal(imp *im, size_t i)
{
	irow *row = &im->rows[i];
	legal_row k;
	int ref;
	cart_err e;
	char text[300];
	int n = 0;

	if (!row->legal)
		return;
	if (ledger_legal_find(im->c->l, LEGAL_EXACT, "", kind_names[row->type], str(im, row->legal),
	                      &k, 1, &n, &e) != CART_OK) {
		bad(im, row->line, "%s", e.msg);
		return;
	}
	if (!n)
		return;
	row->skip = 1;
	im->r->skipped++;
	snprintf(text, sizeof text, _("%s %s (legal number %s) is already in the ledger as %s;"
	         " nothing posted for it"), kind_names[row->type], str(im, row->number),
	         str(im, row->legal), k.doc_number);
	add_to(im, &im->r->notes, row->line, text);
	/* rows naming it affect the ledger's document */
	if (row->type == T_INVOICE || row->type == T_DEBIT) {
		ref = ghost_row(im, str(im, row->legal), k.doc_id, row->line);
		im->rows[i].ref = ref;
	}
}

static void check_file(imp *im, import_progress_fn progress, void *ud)
{
	size_t n = im->n;   /* ghost rows are appended past it */

	for (size_t i = 0; i < n && !im->nomem; i++) {
		check_legal(im, i);
		if (im->rows[i].type == T_INVOICE && !im->rows[i].skip)
			check_invoice(im, &im->rows[i]);
		else if (im->rows[i].type == T_DEBIT)
			im->rows[i].open = im->rows[i].amount;
	}
	/* charges are posted first: what credits them is played against them in file order */
	for (size_t i = 0; i < n && !im->nomem; i++) {
		irow *row = &im->rows[i];

		if (progress && i % 16384 == 0)
			progress(_("checking"), (long)i, (long)n, ud);
		if (row->skip)
			continue;
		if (row->type == T_CREDIT)
			check_credit_note(im, i);
		else if (row->type == T_RECEIPT)
			check_receipt(im, i);
		else if (row->type == T_DEBIT) {
			const char *number = str(im, im->alloc[row->alloc0].target);
			int ref = target_row(im, row, number);

			row = &im->rows[i];
			if ((row->ref = ref) >= 0)
				same_party(im, row, &im->rows[row->ref], number);
		}
	}
}

/* ---- posting ---- */

static int post_row(imp *im, irow *row, cart_err *e)
{
	ctl *c = im->c;
	posted p;
	int rc = CART_OK;

	if (row->type == T_INVOICE) {
		instalment_in inst[360];
		invoice_in in;

		memset(&in, 0, sizeof in);
		in.client_id = row->client_id;
		memcpy(in.date, row->date, DATE_LEN);
		memcpy(in.due_date, row->due, DATE_LEN);
		memcpy(in.currency, row->cur, 4);
		if (row->nlines) {
			in.lines = im->lines + row->line0;
			in.n_lines = row->nlines;
		} else {
			in.total = row->amount;
		}
		for (int i = 0; i < row->ninst; i++) {
			memcpy(inst[i].due_date, im->inst[row->inst0 + i].due, DATE_LEN);
			inst[i].amount = im->inst[row->inst0 + i].amount;
		}
		in.inst = row->ninst ? inst : NULL;
		in.n_inst = row->ninst;
		snprintf(in.reference, sizeof in.reference, "%s", str(im, row->number));
		snprintf(in.memo, sizeof in.memo, "%s", str(im, row->memo));
		rc = ledger_invoice_post(c->l, &in, &p, e);
		if (rc == CART_OK)
			im->r->entries++;
	} else if (row->type == T_DEBIT) {
		journal_in in;
		const irow *t = &im->rows[row->ref];

		memset(&in, 0, sizeof in);
		in.client_id = row->client_id;
		memcpy(in.date, row->date, DATE_LEN);
		memcpy(in.due_date, row->due, DATE_LEN);
		memcpy(in.currency, row->cur, 4);
		in.side = 'D';
		in.amount = row->amount;
		snprintf(in.memo, sizeof in.memo, _("debit note %s on invoice %s%s%s"),
		         str(im, row->number), str(im, t->number), row->memo ? ": " : "",
		         str(im, row->memo));
		rc = ledger_journal_post(c->l, &in, &p, e);
		if (rc == CART_OK)
			im->r->entries++;
	} else if (row->type == T_CREDIT) {
		credit_note_in in;

		memset(&in, 0, sizeof in);
		in.client_id = row->client_id;
		memcpy(in.date, row->date, DATE_LEN);
		memcpy(in.currency, row->cur, 4);
		in.amount = row->amount;
		in.against_entry_id = row->ref >= 0 ? im->rows[row->ref].entry : 0;
		snprintf(in.reason, sizeof in.reason, "%s%s%s", str(im, row->number),
		         row->memo ? ": " : "", str(im, row->memo));
		rc = ledger_credit_note_post(c->l, &in, &p, e);
		if (rc == CART_OK) {
			im->r->entries++;
			im->r->allocations += in.against_entry_id != 0;
		}
	} else {
		alloc_in al[64], *alp = al;
		receipt_in in;
		int64_t sum = 0;

		if (row->nalloc > 64 && !(alp = malloc(sizeof *alp * (size_t)row->nalloc)))
			return cart_fail(e, CART_NOMEM, _("out of memory"));
		memset(&in, 0, sizeof in);
		in.client_id = row->client_id;
		memcpy(in.date, row->date, DATE_LEN);
		memcpy(in.currency, row->cur, 4);
		in.amount = row->amount;
		snprintf(in.method, sizeof in.method, "%s", str(im, row->method));
		snprintf(in.reference, sizeof in.reference, "%s", str(im, row->number));
		for (int k = 0; rc == CART_OK && k < row->nalloc; k++) {
			const ialloc *a = &im->alloc[row->alloc0 + k];
			const irow *t = &im->rows[a->row];

			alp[k].charge_entry_id = t->entry;
			alp[k].amount = a->amount;
			alp[k].instalment_id = 0;
			sum += a->amount;
			if (a->seq)
				rc = ledger_instalment_id(c->l, t->entry, a->seq, &alp[k].instalment_id, e);
		}
		in.allocs = row->nalloc ? alp : NULL;
		in.n_allocs = row->nalloc;
		in.no_auto = 1;
		in.leftover = LEFTOVER_CREDIT;
		if (rc == CART_OK)
			rc = ledger_receipt_post(c->l, &in, &p, e);
		if (rc == CART_OK) {
			im->r->entries += (sum > 0) + (row->amount > sum);
			im->r->allocations += row->nalloc;
		}
		if (alp != al)
			free(alp);
	}
	if (rc != CART_OK)
		return rc;
	row->doc_id = p.doc_id;
	row->entry = p.entry_id;
	im->r->documents++;
	if (row->legal) {
		legal_row k;

		memset(&k, 0, sizeof k);
		snprintf(k.kind, sizeof k.kind, "%s", kind_names[row->type]);
		snprintf(k.number, sizeof k.number, "%s", str(im, row->legal));
		k.part = 1;
		snprintf(k.digest, sizeof k.digest, "%s %lld %s", row->cur, (long long)row->amount,
		         row->date);
		snprintf(k.source, sizeof k.source, "%s:%ld", im->name, row->line);
		rc = ledger_legal_add(c->l, p.doc_id, &k, e);
	}
	return rc;
}

static int post_all(imp *im, int bulk, import_progress_fn progress, void *ud, cart_err *e)
{
	ledger *l = im->c->l;
	long done = 0, total = 0;
	int rc;

	for (size_t i = 0; i < im->n; i++)
		total += !im->rows[i].skip;
	rc = bulk ? ledger_bulk_begin(l, e) : ledger_begin(l, e);
	if (rc != CART_OK)
		return rc;
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < im->n; i++) {
			irow *row = &im->rows[i];
			int charge = row->type == T_INVOICE || row->type == T_DEBIT;

			if (row->skip || charge != (pass == 0))
				continue;
			if ((rc = post_row(im, row, e)) != CART_OK) {
				char why[sizeof e->msg];

				snprintf(why, sizeof why, "%s", e->msg);
				if (bulk)
					ledger_bulk_abort(l);
				else
					ledger_rollback(l);
				bad(im, row->line, "%s", why);
				im->r->documents = im->r->entries = im->r->allocations = 0;
				return cart_fail(e, rc == CART_NOMEM || rc == CART_DB || rc == CART_IO ||
				                 rc == CART_BUSY ? rc : CART_INVALID,
				                 _("%s: line %ld: %s; nothing was imported"), im->name,
				                 row->line, why);
			}
			if (progress && ++done % 8192 == 0)
				progress(_("posting"), done, total, ud);
		}
	if (progress)
		progress(bulk ? _("indexing") : _("posting"), done, total, ud);
	rc = bulk ? ledger_bulk_end(l, e) : ledger_commit(l, e);
	if (rc != CART_OK) {
		if (!bulk)
			ledger_rollback(l);
		im->r->documents = im->r->entries = im->r->allocations = 0;
	}
	return rc;
}

int import_legal_text(ctl *c, int64_t doc_id, char *buf, size_t size, cart_err *e)
{
	legal_row k[8];
	size_t used = 0;
	int n = 0, rc;

	buf[0] = '\0';
	if ((rc = ledger_legal_of_doc(c->l, doc_id, k, 8, &n, e)) != CART_OK)
		return rc;
	for (int i = 0; i < n && used < size; i++) {
		int w;

		if (k[i].issuer[0])
			w = snprintf(buf + used, size - used, _("legal number %s (%s of %s)%s%s\n"),
			             k[i].number, k[i].kind, k[i].issuer, k[i].alt[0] ? ", " : "", k[i].alt);
		else
			w = snprintf(buf + used, size - used, _("legal number %s (%s)\n"), k[i].number,
			             k[i].kind);
		if (w < 0)
			break;
		used += (size_t)w;
	}
	return CART_OK;
}

void import_result_free(import_result *r)
{
	free(r->errors.msg);
	free(r->notes.msg);
	memset(r, 0, sizeof *r);
}

static void imp_free(imp *im)
{
	free(im->arena);
	free(im->rows);
	free(im->inst);
	free(im->lines);
	free(im->alloc);
	smap_free(&im->numbers);
	smap_free(&im->clients);
	smap_free(&im->legals);
}

static int by_line(const void *a, const void *b)
{
	const csvclient_msg *x = a, *y = b;

	return (x->line > y->line) - (x->line < y->line);
}

int import_documents(ctl *c, FILE *in, const char *name_for_messages, import_progress_fn progress,
                     void *ud, import_result *r, cart_err *e)
{
	imp im;
	csv_reader *rd;
	csv_record rec;
	cart_err tmp;
	int got, header = 0, rc = CART_OK, bulk, has_docs = 1, ghosts = 0;

	memset(r, 0, sizeof *r);
	memset(&im, 0, sizeof im);
	im.c = c;
	im.r = r;
	im.cur_invoice = -1;
	im.name = name_for_messages && *name_for_messages ? name_for_messages : _("the file");
	if (!c->have_company)
		return cart_fail(e, CART_NOTFOUND, _("the ledger %s has no company settings yet: run"
		                 " 'cartera init' first"), c->path);
	if ((rc = ctl_taxes_load(c, &im.taxes, e)) != CART_OK)
		return rc;
	if (!(im.arena = malloc(1 << 16)))
		return cart_fail(e, CART_NOMEM, _("out of memory"));
	im.acap = 1 << 16;
	im.arena[0] = '\0';
	im.alen = 1;
	if (!(rd = csv_open_file(in))) {
		imp_free(&im);
		return cart_fail(e, CART_NOMEM, _("out of memory"));
	}
	while (!im.nomem && (got = csv_next(rd, &rec, &tmp)) != 0) {
		if (got < 0) {
			const csv_error *ce = csv_last_error(rd);

			bad(&im, ce->line, "%s", ce->reason);
			if (!header)
				break;
			continue;
		}
		if (!header) {
			header = 1;
			if (read_header(&im, &rec) < 0)
				break;
			continue;
		}
		r->rows++;
		if (progress && r->rows % 16384 == 0)
			progress(_("reading"), r->rows, 0, ud);
		read_row(&im, &rec);
	}
	csv_close(rd);
	if (!im.nomem && header && !im.bad)
		check_file(&im, progress, ud);
	for (size_t i = 0; i < im.n; i++)
		ghosts += im.rows[i].skip == ROW_GHOST;
	if (im.nomem)
		rc = cart_fail(e, CART_NOMEM, _("%s: out of memory reading the file"), im.name);
	else if (im.bad)
		rc = cart_fail(e, CART_INVALID, P_("%s: %ld bad line; nothing was imported",
		                                   "%s: %ld bad lines; nothing was imported",
		                                   (unsigned long)im.bad), im.name, im.bad);
	else if (!header)
		rc = cart_fail(e, CART_INVALID, _("%s is empty: the first line must name the columns"
		               " (type, number, client, date, amount)"), im.name);
	else if (ledger_has_documents(c->l, &has_docs, e) != CART_OK)
		rc = e->code;
	if (rc == CART_OK && r->skipped < (long)(im.n - (size_t)ghosts)) {
		/* The bulk path allocates only to what it posts, and rebuilds every index at its end:
		 * it serves a history loaded into an empty ledger, or a large one. */
		bulk = !ghosts && (!has_docs || im.n >= 50000);
		r->bulk = bulk;
		rc = post_all(&im, bulk, progress, ud, e);
	}
	if (r->errors.n > 1)
		qsort(r->errors.msg, (size_t)r->errors.n, sizeof *r->errors.msg, by_line);
	imp_free(&im);
	return rc;
}
