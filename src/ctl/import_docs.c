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
#include "model/ledger_import.h"
#include "ctl_int.h"
#include "import_int.h"

static const char *const type_words[NTYPES] = {
	"invoice|factura|fac|fc|fv",
	"credit_note|creditnote|nota_credito|nota_de_credito|nc",
	"debit_note|debitnote|nota_debito|nota_de_debito|nd",
	"receipt|recibo|pago|payment|rc|cobro",
	"advance|anticipo|ant",
	"line|linea|item",
	"apply|aplicacion|apl",
};
/* The kind kept with a legal number (ledger_import.h). */
const char *const imp_kind_names[NTYPES] = {
	"invoice", "credit-note", "debit-note", "receipt", "advance", "line", "apply",
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
	"credit|credito|credit_document|documento_credito",
};

/* ---- small helpers ---- */

void imp_add_to(imp *im, csvclient_list *l, long line, const char *text)
{
	if (csvclient_list_add(l, line, text) != CART_OK)
		im->nomem = 1;
}

void imp_bad(imp *im, long line, const char *fmt, ...)
{
	char text[300];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	im->bad++;
	imp_add_to(im, &im->r->errors, line, text);
}

int imp_grow(void **p, size_t *cap, size_t need, size_t size)
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

uint32_t imp_str_add(imp *im, const char *s)
{
	size_t len = strlen(s) + 1;
	uint32_t at;

	if (len == 1)
		return 0;
	if (im->alen + len > UINT32_MAX || imp_grow((void **)&im->arena, &im->acap, im->alen + len, 1)) {
		im->nomem = 1;
		return 0;
	}
	at = (uint32_t)im->alen;
	memcpy(im->arena + at, s, len);
	im->alen += len;
	return at;
}

const char *imp_str(const imp *im, uint32_t at)
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
		if (!strcmp(imp_str(im, m->key[i]), text)) {
			*found = 1;
			return i;
		}
	}
}

int imp_smap_get(const imp *im, const smap *m, const char *text, int64_t *val)
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
int imp_smap_put(imp *im, smap *m, uint32_t key, int64_t val)
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
				i = smap_slot(im, m, imp_str(im, old.key[k]), &found);
				m->key[i] = old.key[k];
				m->val[i] = old.val[k];
				m->n++;
			}
		free(old.key);
		free(old.val);
	}
	i = smap_slot(im, m, imp_str(im, key), &found);
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

	return money_parse(text, &plain, v, CART_IGNORED) == CART_OK ||
	       money_parse(text, &im->c->co.fmt, v, CART_IGNORED) == CART_OK;
}

void imp_money(const imp *im, int64_t v, char *buf, size_t size)
{
	ctl_money(im->c, v, buf, size);
}

/* ---- reading ---- */

static int read_header(imp *im, const csv_record *h)
{
	char w[64];

	if (h->n > 64) {
		imp_bad(im, h->line, "%s", _("the header has more than 64 columns"));
		return -1;
	}
	im->nfields = h->n;
	for (int i = 0; i < h->n; i++) {
		int k;

		csvclient_fold(h->field[i], w, sizeof w);
		for (k = 0; k < NCOLS && !in_list(w, col_names[k]); k++)
			;
		if (k == NCOLS) {
			imp_bad(im, h->line, _("column \"%s\" is not one cartera reads (type, number, client,"
			    " date, due, currency, amount, legal_number, instalments, applies_to, memo,"
			    " method, description, quantity, price, tax, credit)"), h->field[i]);
			return -1;
		}
		if (im->have[k]) {
			imp_bad(im, h->line, _("column \"%s\" is given twice"), h->field[i]);
			return -1;
		}
		im->have[k] = 1;
		im->map[i] = k;
	}
	if (!im->have[C_TYPE] || !im->have[C_NUMBER] || !im->have[C_CLIENT] || !im->have[C_DATE] ||
	    !im->have[C_AMOUNT]) {
		imp_bad(im, h->line, "%s", _("the header must name the columns type, number, client, date"
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

	if (im->cur_invoice < 0 || strcmp(imp_str(im, im->rows[im->cur_invoice].number), v[C_NUMBER])) {
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
	if (imp_grow((void **)&im->lines, &im->capl, im->nl + 1, sizeof *im->lines)) {
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
		if (imp_grow((void **)&im->inst, &im->capi, im->ni + 1, sizeof *im->inst)) {
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
		a.target = imp_str_add(im, part);
		a.row = -1;
		if (imp_grow((void **)&im->alloc, &im->capa, im->na + 1, sizeof *im->alloc)) {
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
		if ((k = imp_str_add(im, num)))
			imp_smap_put(im, &im->clients, k, id);
	} else if (im->preload_pass == 1) {
		if (tax_id && *tax_id && !imp_smap_get(im, &im->clients, tax_id, &old) &&
		    (k = imp_str_add(im, tax_id)))
			imp_smap_put(im, &im->clients, k, id);
	} else if (name && *name) {
		if (!imp_smap_get(im, &im->clients, name, &old)) {
			if ((k = imp_str_add(im, name)))
				imp_smap_put(im, &im->clients, k, id | CLIENT_NAME);
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
	if (imp_smap_get(im, &im->clients, text, id) && *id != CLIENT_AMBIGUOUS) {
		*id &= ~CLIENT_NAME;
		return CART_OK;
	}
	if (ctl_client_ref(im->c, text, &cl, e) != CART_OK)
		return e->code;
	*id = cl.id;
	if (!im->preloaded && (k = imp_str_add(im, text)))
		imp_smap_put(im, &im->clients, k, cl.id);
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
		imp_bad(im, rec->line, P_("%d field where the header has %d",
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
		imp_bad(im, rec->line, _("the type \"%s\" is not one of invoice, credit-note,"
		    " debit-note, receipt, advance, apply, line"), v[C_TYPE]);
		return;
	}
	if (!*v[C_NUMBER]) {
		imp_bad(im, rec->line, "%s", _("the number is empty"));
		return;
	}
	if (type == T_LINE) {
		read_line_row(im, rec, v, pb, sizeof pb);
		if (pb[0])
			imp_bad(im, rec->line, "%s", pb);
		return;
	}
	im->cur_invoice = -1;
	memset(&row, 0, sizeof row);
	row.line = rec->line;
	row.type = type;
	row.ref = -1;
	if (strlen(v[C_NUMBER]) >= 64)
		say(pb, sizeof pb, "%s", _("the number is longer than 63 characters"));
	row.number = imp_str_add(im, v[C_NUMBER]);
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
	} else if (type != T_INVOICE && type != T_APPLY) {
		say(pb, sizeof pb, "%s", _("the amount is empty"));
	}
	if (type == T_APPLY) {
		if (!*v[C_CREDIT])
			say(pb, sizeof pb, "%s", _("an apply row names the credit it applies in the column"
			    " credit"));
		row.credit = imp_str_add(im, v[C_CREDIT]);
	} else if (*v[C_CREDIT]) {
		say(pb, sizeof pb, "%s", _("only apply rows name a credit"));
	}
	if (strlen(v[C_LEGAL]) >= 128)
		say(pb, sizeof pb, "%s", _("the legal number is longer than 127 characters"));
	row.legal = imp_str_add(im, v[C_LEGAL]);
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
	} else if (type == T_APPLY) {
		say(pb, sizeof pb, "%s", _("an apply row names the invoices it pays in applies_to"));
	} else if (type == T_RECEIPT || type == T_DEBIT) {
		say(pb, sizeof pb, "%s", type == T_RECEIPT
		    ? _("a receipt names what it pays in applies_to (a payment that pays nothing is an"
		        " advance)")
		    : _("a debit note names the invoice it amends in applies_to"));
	}
	if (strlen(v[C_MEMO]) >= 160)
		say(pb, sizeof pb, "%s", _("the memo is longer than 159 characters"));
	row.memo = imp_str_add(im, v[C_MEMO]);
	if (*v[C_METHOD] && type != T_RECEIPT && type != T_ADVANCE)
		say(pb, sizeof pb, "%s", _("only receipts and advances have a method of payment"));
	if (strlen(v[C_METHOD]) >= 24)
		say(pb, sizeof pb, "%s", _("the method is longer than 23 characters"));
	row.method = imp_str_add(im, v[C_METHOD]);
	if (*v[C_DESC] || *v[C_QTY] || *v[C_PRICE] || *v[C_TAX])
		say(pb, sizeof pb, "%s", _("description, quantity, price and tax belong to line rows"));
	if (!pb[0] && !imp_smap_put(im, &im->numbers, row.number, (int64_t)im->n))
		say(pb, sizeof pb, _("the number %s is given twice in the file"), v[C_NUMBER]);
	if (!pb[0] && row.legal) {
		char key[200];
		uint32_t k;

		snprintf(key, sizeof key, "%s %s", imp_kind_names[type], v[C_LEGAL]);
		k = imp_str_add(im, key);
		if (k && !imp_smap_put(im, &im->legals, k, (int64_t)im->n))
			say(pb, sizeof pb, _("the legal number %s is given twice in the file"), v[C_LEGAL]);
	}
	if (pb[0]) {
		imp_bad(im, rec->line, "%s", pb);
		return;
	}
	if (imp_grow((void **)&im->rows, &im->cap, im->n + 1, sizeof *im->rows)) {
		im->nomem = 1;
		return;
	}
	if (type == T_INVOICE)
		im->cur_invoice = (int)im->n;
	im->rows[im->n++] = row;
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

			imp_bad(&im, ce->line, "%s", ce->reason);
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
		imp_check_file(&im, progress, ud);
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
		int applies = 0;

		for (size_t i = 0; i < im.n; i++)
			applies += im.rows[i].type == T_APPLY;
		/* an apply row looks its credit up by document, which the bulk path's dropped
		 * indexes would make a scan each */
		bulk = !ghosts && !applies && (!has_docs || im.n >= 50000);
		r->bulk = bulk;
		rc = imp_post_all(&im, bulk, progress, ud, e);
	}
	if (r->errors.n > 1)
		qsort(r->errors.msg, (size_t)r->errors.n, sizeof *r->errors.msg, by_line);
	imp_free(&im);
	return rc;
}
