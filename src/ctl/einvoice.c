/* Electronic invoices into the ledger: see include/cartera/einvoice.h. A file is read (libxml2,
 * no network), checked by its reader (einvoice_cfdi.c, einvoice_ubl.c), then posted in one
 * transaction: the customer matched by tax id (or created when allowed), the legal number looked
 * up first (already there: nothing posted; a different document with that number: a conflict),
 * and the document posted through the model's posting functions with its legal number kept. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/parser.h>

#include "cartera/i18n.h"
#include "ctl_int.h"
#include "einvoice_int.h"
#include "model/ledger_debit.h"
#include "model/ledger_import.h"

static const char *const kind_key[EK_N] = { "invoice", "debit-note", "credit-note", "payment" };

static const char *kind_label(int kind)
{
	switch (kind) {
	case EK_INVOICE: return _("invoice");
	case EK_DEBIT: return _("debit note");
	case EK_CREDIT: return _("credit note");
	default: return _("payment");
	}
}

void einv_doc_free(einv_doc *d)
{
	free(d->parts);
	free(d->allocs);
	d->parts = NULL;
	d->allocs = NULL;
}

/* ---- one file ---- */

typedef struct job {
	char *path;
	einv_doc d;
	int read_rc;              /* CART_OK: d is good; else msg says why */
	char msg[600];
} job;

static void read_file(job *j)
{
	xmlDocPtr x;
	xmlNode *root;
	cart_err e;

	memset(&j->d, 0, sizeof j->d);
	j->d.file = j->path;
	x = xmlReadFile(j->path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
	                XML_PARSE_HUGE);
	if (!x) {
		const xmlError *xe = xmlGetLastError();

		j->read_rc = CART_INVALID;
		snprintf(j->msg, sizeof j->msg, _("not well-formed XML: %s"),
		         xe && xe->message ? xe->message : _("unreadable"));
		j->msg[strcspn(j->msg, "\n")] = '\0';
		return;
	}
	root = xmlDocGetRootElement(x);
	if (root && !strcmp((const char *)root->name, "Comprobante"))
		j->read_rc = einv_read_cfdi(root, &j->d, &e);
	else if (root && (!strcmp((const char *)root->name, "Invoice") ||
	                  !strcmp((const char *)root->name, "CreditNote") ||
	                  !strcmp((const char *)root->name, "DebitNote")))
		j->read_rc = einv_read_ubl(root, &j->d, &e);
	else
		j->read_rc = cart_fail(&e, CART_INVALID, _("<%s> is neither a CFDI nor a UBL invoice or"
		                       " note"), root ? (const char *)root->name : "?");
	if (j->read_rc != CART_OK)
		snprintf(j->msg, sizeof j->msg, "%s", e.msg);
	xmlFreeDoc(x);
}

/* Millionths into the company's minor units, rounded half away from zero. */
static int64_t minor(const ctl *c, int64_t micro)
{
	int64_t div = 1;

	for (int i = c->co.fmt.decimals; i < 6; i++)
		div *= 10;
	return micro < 0 ? -((-micro + div / 2) / div) : (micro + div / 2) / div;
}

static void fmt_money(const ctl *c, int64_t minor_units, const char *cur, char *buf, size_t size)
{
	char a[40];

	ctl_money(c, minor_units, a, sizeof a);
	snprintf(buf, size, "%s %s", a, cur);
}

/* Tax ids compared as printed: case, dashes and blanks aside; a trailing check digit too. */
static int same_tax_id(const char *a, const char *b)
{
	char x[40], y[40];
	size_t n = 0, m = 0, lx, ly;

	for (; *a && n < sizeof x - 1; a++)
		if ((*a >= '0' && *a <= '9') || (*a >= 'A' && *a <= 'Z') || (*a >= 'a' && *a <= 'z'))
			x[n++] = (char)(*a >= 'a' && *a <= 'z' ? *a - 32 : *a);
	for (; *b && m < sizeof y - 1; b++)
		if ((*b >= '0' && *b <= '9') || (*b >= 'A' && *b <= 'Z') || (*b >= 'a' && *b <= 'z'))
			y[m++] = (char)(*b >= 'a' && *b <= 'z' ? *b - 32 : *b);
	x[n] = y[m] = '\0';
	lx = n;
	ly = m;
	if (lx == ly)
		return !strcmp(x, y);
	if (lx == ly + 1)
		return !strncmp(x, y, ly);
	if (ly == lx + 1)
		return !strncmp(x, y, lx);
	return 0;
}

typedef struct poster {
	ctl *c;
	int create_clients;
	const job *j;
	const einv_doc *d;
	char note[400];           /* what else the report says (client created, held amounts) */
} poster;

static void note(poster *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void note(poster *p, const char *fmt, ...)
{
	size_t used = strlen(p->note);
	va_list ap;

	if (used + 3 >= sizeof p->note)
		return;
	if (used) {
		memcpy(p->note + used, "; ", 3);
		used += 2;
	}
	va_start(ap, fmt);
	vsnprintf(p->note + used, sizeof p->note - used, fmt, ap);
	va_end(ap);
}

static int currency_ok(const ctl *c, const char *cur)
{
	return !strcmp(cur, c->co.currency) || (c->co.currency2[0] && !strcmp(cur, c->co.currency2));
}

static int the_client(poster *p, client *cl, cart_err *e)
{
	const einv_doc *d = p->d;
	taxid_check tc;
	int rc = ledger_client_by_tax_id(p->c->l, d->receiver, cl, e);

	if (rc != CART_NOTFOUND)
		return rc;
	if (!p->create_clients)
		return cart_fail(e, CART_REFUSED, _("the customer %s, tax id %s, is not a client (add it,"
		                 " or let imports create clients: cartera company set"
		                 " --import-creates-clients yes)"), d->receiver_name, d->receiver);
	client_defaults(cl);
	snprintf(cl->name, sizeof cl->name, "%s", d->receiver_name[0] ? d->receiver_name : d->receiver);
	snprintf(cl->tax_id, sizeof cl->tax_id, "%s", d->receiver);
	cl->taxpayer_type = d->receiver_natural ? TAXPAYER_NATURAL : TAXPAYER_LEGAL;
	if ((rc = ctl_client_add(p->c, cl, &tc, e)) != CART_OK) {
		char why[sizeof e->msg];

		snprintf(why, sizeof why, "%s", e->msg);
		return cart_fail(e, CART_REFUSED, _("the customer %s cannot be added as a client: %s"),
		                 cl->name, why);
	}
	note(p, _("client %lld, %s, added"), (long long)cl->id, cl->name);
	return CART_OK;
}

/* The legal number of the document as kept. */
static void identity(const einv_doc *d, legal_row *k)
{
	memset(k, 0, sizeof *k);
	snprintf(k->issuer, sizeof k->issuer, "%s", d->issuer);
	snprintf(k->kind, sizeof k->kind, "%s", kind_key[d->kind]);
	if (d->country[0] == 'M') {
		/* a stamped CFDI is its UUID; an unstamped one its Serie-Folio, or its date */
		snprintf(k->number, sizeof k->number, "%s", d->uuid[0] ? d->uuid : d->number[0]
		         ? d->number : d->date);
		snprintf(k->alt, sizeof k->alt, "%s", d->number);
	} else {
		snprintf(k->number, sizeof k->number, "%s", d->number);
		snprintf(k->alt, sizeof k->alt, "%s", d->uuid);
	}
	{
		char total[32];

		ex_format(d->total, total, sizeof total);
		snprintf(k->digest, sizeof k->digest, "%s %s %s %s", d->currency, total, d->date,
		         d->receiver);
	}
	k->part = 1;
	snprintf(k->source, sizeof k->source, "%s", d->file);
}

/* Already there (EINV_ALREADY), a conflict (EINV_REFUSED), or new (-1). */
static int seen(poster *p, const legal_row *k, char *msg, size_t size, cart_err *e)
{
	legal_row r[8];
	int n = 0;

	if (ledger_legal_find(p->c->l, LEGAL_EXACT, k->issuer, k->kind, k->number, r, 8, &n, e))
		return -2;
	for (int i = 0; i < n; i++)
		if (r[i].part == 1) {
			if (!strcmp(r[i].digest, k->digest)) {
				snprintf(msg, size, _("already in the ledger: %s %s of %s as %s; nothing"
				         " posted"), kind_label(p->d->kind), k->number, k->issuer,
				         r[i].doc_number);
				return EINV_ALREADY;
			}
			snprintf(msg, size, _("conflict: %s %s of %s is already in the ledger as %s, from %s,"
			         " with other figures (%s, not %s); nothing posted"), kind_label(p->d->kind),
			         k->number, k->issuer, r[i].doc_number, r[i].source, r[i].digest, k->digest);
			return EINV_REFUSED;
		}
	/* Serie-Folio is not unique among stamped CFDIs, but an unstamped one keyed by it must not
	 * meet another document carrying it */
	if (p->d->country[0] == 'M' && k->alt[0]) {
		if (ledger_legal_find(p->c->l, LEGAL_ALT, k->issuer, k->kind, k->alt, r, 8, &n, e))
			return -2;
		for (int i = 0; i < n; i++) {
			int theirs_stamped = strcmp(r[i].number, r[i].alt) != 0;

			if (!strcmp(r[i].number, k->number) || (theirs_stamped && p->d->uuid[0]))
				continue;
			snprintf(msg, size, _("conflict: Serie-Folio %s of %s is already in the ledger as %s,"
			         " from %s, a different %s (%s, not %s); nothing posted"), k->alt, k->issuer,
			         r[i].doc_number, r[i].source, kind_label(p->d->kind), r[i].digest,
			         k->digest);
			return EINV_REFUSED;
		}
	}
	return -1;
}

/* The invoice a note or a payment names: by legal number of the same issuer, of the company's
 * own CSV imports, then by UUID or CUFE alone. *doc 0 when none; >1 found: ambiguous. */
static int find_invoice(poster *p, const char *number, const char *uuid, legal_row *found,
                        int *n, cart_err *e)
{
	const char *issuers[2] = { p->d->issuer, "" };
	int rc;

	*n = 0;
	for (int i = 0; i < 2 && !*n && number[0]; i++)
		if ((rc = ledger_legal_find(p->c->l, LEGAL_EXACT, issuers[i], "invoice", number, found, 4,
		                            n, e)))
			return rc;
	if (!*n && uuid && uuid[0] &&
	    (rc = ledger_legal_find(p->c->l, LEGAL_ANY, NULL, NULL, uuid, found, 4, n, e)))
		return rc;
	return CART_OK;
}

/* The invoice's charge entry and what it has open. */
static int charge_of(poster *p, int64_t doc_id, doc_info *di, int64_t *entry, int64_t *open,
                     cart_err *e)
{
	doc_entry ent[8];
	int n = 0, rc;

	*entry = *open = 0;
	if ((rc = ledger_document_get(p->c->l, doc_id, di, e)) ||
	    (rc = ledger_document_entries(p->c->l, doc_id, ent, 8, &n, e)))
		return rc;
	for (int i = 0; i < n; i++)
		if (ent[i].side == 'D') {
			*entry = ent[i].entry_id;
			*open = ent[i].open;
			return CART_OK;
		}
	return CART_OK;
}

static int post_invoice(poster *p, const client *cl, posted *out, cart_err *e)
{
	const einv_doc *d = p->d;
	instalment_in inst[EINV_MAX_INST];
	invoice_in in;

	memset(&in, 0, sizeof in);
	in.client_id = cl->id;
	memcpy(in.date, d->date, DATE_LEN);
	memcpy(in.currency, d->currency, 4);
	in.total = minor(p->c, d->total);
	if (d->due[0])
		memcpy(in.due_date, d->due, DATE_LEN);
	else if (d->cash)
		memcpy(in.due_date, d->date, DATE_LEN);
	if (d->n_inst == 1) {
		memcpy(in.due_date, d->inst_due[0], DATE_LEN);
	} else if (d->n_inst > 1) {
		int64_t sum = 0;

		for (int i = 0; i < d->n_inst; i++) {
			memcpy(inst[i].due_date, d->inst_due[i], DATE_LEN);
			inst[i].amount = minor(p->c, d->inst_amount[i]);
			sum += inst[i].amount;
		}
		inst[d->n_inst - 1].amount += in.total - sum;   /* rounding cents, checked by the reader */
		in.inst = inst;
		in.n_inst = d->n_inst;
		in.due_date[0] = '\0';
	}
	snprintf(in.reference, sizeof in.reference, "%.63s", d->number[0] ? d->number : d->uuid);
	snprintf(in.memo, sizeof in.memo, "%.23s %.60s%s%.110s", d->format, d->uuid[0] ? d->uuid : d->number,
	         d->detail[0] ? "; " : "", d->detail);
	return ledger_invoice_post(p->c->l, &in, out, e);
}

/* A note: HELD (msg says why) when its invoice is not there, is ambiguous, or does not fit. */
static int post_note(poster *p, const client *cl, posted *out, int *held, char *msg, size_t size,
                     cart_err *e)
{
	const einv_doc *d = p->d;
	legal_row k[4];
	doc_info di;
	int64_t entry, open, amount = minor(p->c, d->total);
	char a[48], b[48];
	int n = 0, rc;

	*held = 0;
	if (d->n_refs > 1) {
		*held = 1;
		snprintf(msg, size, _("the %s names %d invoices"), kind_label(d->kind),
		         d->n_refs);
		return CART_OK;
	}
	if ((rc = find_invoice(p, d->country[0] == 'M' ? d->ref_uuid : d->ref_number, d->ref_uuid, k,
	                       &n, e)))
		return rc;
	if (n != 1) {
		*held = 1;
		if (n > 1)
			snprintf(msg, size, _("invoice %s is ambiguous (%s and %s carry"
			         " it)"), d->ref_number[0] ? d->ref_number : d->ref_uuid, k[0].doc_number,
			         k[1].doc_number);
		else
			snprintf(msg, size, _("invoice %s is not in the ledger; import it first, then"
			         " this file again"), d->ref_number[0] ? d->ref_number
			         : d->ref_uuid);
		return CART_OK;
	}
	if ((rc = charge_of(p, k[0].doc_id, &di, &entry, &open, e)))
		return rc;
	if (di.client_id != cl->id || strcmp(di.currency, d->currency) || !entry || di.voided_by[0]) {
		*held = 1;
		fmt_money(p->c, di.total, di.currency, a, sizeof a);
		fmt_money(p->c, amount, d->currency, b, sizeof b);
		snprintf(msg, size, _("the %s of %s on invoice %s does not fit %s (%s%s%s)"), kind_label(d->kind), b, k[0].number, di.number, a,
		         di.client_id != cl->id ? _(", another client") : "",
		         di.voided_by[0] ? _(", voided") : "");
		return CART_OK;
	}
	if (d->kind == EK_CREDIT) {
		credit_note_in in;

		if (amount > open) {
			*held = 1;
			fmt_money(p->c, amount, d->currency, a, sizeof a);
			fmt_money(p->c, open, d->currency, b, sizeof b);
			snprintf(msg, size, _("the credit note is %s but invoice %s (%s) has %s open"), a, k[0].number, di.number, b);
			return CART_OK;
		}
		memset(&in, 0, sizeof in);
		in.client_id = cl->id;
		memcpy(in.date, d->date, DATE_LEN);
		memcpy(in.currency, d->currency, 4);
		in.amount = amount;
		in.against_entry_id = entry;
		snprintf(in.reason, sizeof in.reason, _("%s credit note %s on invoice %s%s%s"), d->format,
		         d->number, k[0].number, d->detail[0] ? "; " : "", d->detail);
		rc = ledger_credit_note_post(p->c->l, &in, out, e);
	} else {
		debit_note_in in;

		/* a debit note (ND) amending the invoice, not a journal charge */
		memset(&in, 0, sizeof in);
		in.invoice_id = k[0].doc_id;
		memcpy(in.date, d->date, DATE_LEN);
		memcpy(in.due_date, d->due[0] ? d->due : d->date, DATE_LEN);
		in.amount = amount;
		snprintf(in.reason, sizeof in.reason, _("%s debit note %s on invoice %s%s%s"), d->format,
		         d->number, k[0].number, d->detail[0] ? "; " : "", d->detail);
		snprintf(in.reference, sizeof in.reference, "%s", d->number);
		rc = ledger_debit_note_post(p->c->l, &in, out, e);
	}
	if (rc == CART_OK)
		note(p, _("on invoice %s (%s)"), k[0].number, di.number);
	return rc;
}

/* A payment complement: one receipt per Pago and currency, allocated to the invoices it names
 * that the ledger has; what names an invoice the ledger lacks stays a credit in favour. */
static int post_payment(poster *p, const client *cl, const legal_row *key, char *posted_list,
                        size_t size, cart_err *e)
{
	const einv_doc *d = p->d;
	size_t used = 0;
	int rc = CART_OK;

	posted_list[0] = '\0';
	for (int pi = 0; pi < d->n_parts && rc == CART_OK; pi++) {
		const einv_part *pt = &d->parts[pi];
		alloc_in al[64];
		receipt_in in;
		posted out;
		legal_row k = *key;
		int na = 0;

		if (!currency_ok(p->c, pt->currency))
			return cart_fail(e, CART_REFUSED, _("the payment of %s pays invoices in %s, not a"
			                 " currency of the company"), pt->date, pt->currency);
		for (int i = 0; i < d->n_allocs; i++) {
			const einv_alloc *x = &d->allocs[i];
			legal_row f[4];
			doc_info di;
			int64_t entry, open, want = minor(p->c, x->amount);
			char a[48];
			int n = 0;

			if (x->part != pi)
				continue;
			if ((rc = find_invoice(p, x->uuid, x->uuid, f, &n, e)))
				return rc;
			fmt_money(p->c, want, x->currency, a, sizeof a);
			if (n != 1) {
				note(p, n ? _("%s for invoice %s held as a credit in favour: ambiguous")
				          : _("%s for invoice %s held as a credit in favour: not in the ledger"),
				     a, x->uuid);
				continue;
			}
			if ((rc = charge_of(p, f[0].doc_id, &di, &entry, &open, e)))
				return rc;
			if (di.client_id != cl->id || strcmp(di.currency, x->currency) || !entry ||
			    open <= 0 || na >= 64) {
				note(p, _("%s for invoice %s (%s) held as a credit in favour: %s"), a, x->uuid,
				     di.number, di.client_id != cl->id ? _("another client's")
				     : open <= 0 ? _("nothing open") : _("another currency"));
				continue;
			}
			if (want > open) {
				char b[48];

				fmt_money(p->c, want - open, x->currency, b, sizeof b);
				note(p, _("%s beyond what invoice %s had open held as a credit in favour"), b,
				     di.number);
				want = open;
			}
			al[na].charge_entry_id = entry;
			al[na].instalment_id = 0;
			al[na].amount = want;
			na++;
		}
		memset(&in, 0, sizeof in);
		in.client_id = cl->id;
		memcpy(in.date, pt->date, DATE_LEN);
		memcpy(in.currency, pt->currency, 4);
		in.amount = minor(p->c, pt->amount);
		in.allocs = na ? al : NULL;
		in.n_allocs = na;
		in.no_auto = 1;
		in.leftover = LEFTOVER_CREDIT;
		snprintf(in.reference, sizeof in.reference, "%.63s", key->number);
		snprintf(in.method, sizeof in.method, "%s", "transfer");
		if ((rc = ledger_receipt_post(p->c->l, &in, &out, e)))
			return rc;
		k.part = pi + 1;
		if ((rc = ledger_legal_add(p->c->l, out.doc_id, &k, e)))
			return rc;
		{
			char a[48];

			fmt_money(p->c, in.amount, in.currency, a, sizeof a);
			if (used < size)
				used += (size_t)snprintf(posted_list + used, size - used, "%s%s %s", used ? ", " : "",
				                         a, out.number);
		}
	}
	return rc;
}

static int post_job(ctl *c, int create_clients, job *j, einv_report *r)
{
	const einv_doc *d = &j->d;
	poster p;
	legal_row key;
	client cl;
	posted out;
	cart_err e;
	char what[300], money[48], posted_list[300] = "";
	int rc, held = 0, s;

	memset(&p, 0, sizeof p);
	p.c = c;
	p.create_clients = create_clients;
	p.j = j;
	p.d = d;
	snprintf(what, sizeof what, "%s %s %s", d->format, kind_label(d->kind),
	         d->uuid[0] && d->country[0] == 'M' ? d->uuid : d->number[0] ? d->number : d->date);
	if (strcmp(d->country, c->co.country)) {
		snprintf(r->text, sizeof r->text, _("refused: %s: a document of %s, but the company is in"
		         " %s"), what, d->country, c->co.country);
		return EINV_REFUSED;
	}
	if (c->co.tax_id[0] && !same_tax_id(c->co.tax_id, d->issuer)) {
		snprintf(r->text, sizeof r->text, _("refused: %s: issued by %s, %s, not by this company"
		         " (%s)"), what, d->issuer, d->issuer_name, c->co.tax_id);
		return EINV_REFUSED;
	}
	if (d->kind != EK_PAYMENT && !currency_ok(c, d->currency)) {
		snprintf(r->text, sizeof r->text, _("refused: %s: in %s, not a currency of the company"),
		         what, d->currency);
		return EINV_REFUSED;
	}
	identity(d, &key);
	s = seen(&p, &key, r->text, sizeof r->text, &e);
	if (s == -2) {
		snprintf(r->text, sizeof r->text, "%.250s: %.500s", what, e.msg);
		return EINV_REFUSED;
	}
	if (s >= 0) {
		char why[sizeof r->text];

		snprintf(why, sizeof why, "%s", r->text);
		if (s == EINV_REFUSED)
			snprintf(r->text, sizeof r->text, _("refused: %s"), why);
		return s;
	}
	if ((rc = ledger_begin(c->l, &e)) != CART_OK) {
		snprintf(r->text, sizeof r->text, _("refused: %s: %s"), what, e.msg);
		return EINV_REFUSED;
	}
	rc = the_client(&p, &cl, &e);
	if (rc == CART_OK) {
		memset(&out, 0, sizeof out);
		if (d->kind == EK_INVOICE)
			rc = post_invoice(&p, &cl, &out, &e);
		else if (d->kind == EK_PAYMENT)
			rc = post_payment(&p, &cl, &key, posted_list, sizeof posted_list, &e);
		else
			rc = post_note(&p, &cl, &out, &held, r->text, sizeof r->text, &e);
	}
	if (rc == CART_OK && !held && d->kind != EK_PAYMENT) {
		rc = ledger_legal_add(c->l, out.doc_id, &key, &e);
		snprintf(posted_list, sizeof posted_list, "%s", out.number);
	}
	if (rc == CART_OK && !held)
		rc = ledger_commit(c->l, &e);
	if (rc != CART_OK || held) {
		ledger_rollback(c->l);
		if (held) {
			char why[sizeof r->text];

			snprintf(why, sizeof why, "%s", r->text);
			snprintf(r->text, sizeof r->text, _("held: %s: %s; nothing posted"), what, why);
			return EINV_HELD;
		}
		snprintf(r->text, sizeof r->text, _("refused: %s: %s; nothing posted"), what, e.msg);
		return EINV_REFUSED;
	}
	fmt_money(c, minor(c, d->kind == EK_PAYMENT ? 0 : d->total), d->currency, money, sizeof money);
	if (d->kind == EK_PAYMENT)
		snprintf(r->text, sizeof r->text, _("imported: %s for %s: %s%s%s"), what,
		         d->receiver_name[0] ? d->receiver_name : d->receiver, posted_list,
		         p.note[0] ? "; " : "", p.note);
	else
		snprintf(r->text, sizeof r->text, _("imported: %s for %s: %s posted as %s%s%s"), what,
		         d->receiver_name[0] ? d->receiver_name : d->receiver, money, posted_list,
		         p.note[0] ? "; " : "", p.note);
	return EINV_IMPORTED;
}

/* ---- files and directories ---- */

typedef struct jobs {
	job *v;
	size_t n, cap;
} jobs;

static int add_path(jobs *js, const char *path)
{
	if (js->n == js->cap) {
		size_t cap = js->cap ? js->cap * 2 : 64;
		job *v = realloc(js->v, sizeof *v * cap);

		if (!v)
			return -1;
		js->v = v;
		js->cap = cap;
	}
	memset(&js->v[js->n], 0, sizeof js->v[js->n]);
	if (!(js->v[js->n].path = strdup(path)))
		return -1;
	js->n++;
	return 0;
}

static int has_xml_ext(const char *name)
{
	size_t n = strlen(name);

	return n > 4 && !strcasecmp(name + n - 4, ".xml");
}

static int walk(jobs *js, const char *dir, int depth, cart_err *e)
{
	struct dirent **list;
	int n = scandir(dir, &list, NULL, alphasort), rc = CART_OK;

	if (n < 0)
		return cart_fail(e, CART_IO, _("cannot read the folder %s: %s"), dir, strerror(errno));
	for (int i = 0; i < n; i++) {
		char path[4096];
		struct stat st;

		if (rc == CART_OK && list[i]->d_name[0] != '.') {
			snprintf(path, sizeof path, "%s/%s", dir, list[i]->d_name);
			if (stat(path, &st) == 0 && S_ISDIR(st.st_mode) && depth < 8)
				rc = walk(js, path, depth + 1, e);
			else if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && has_xml_ext(path) &&
			         add_path(js, path))
				rc = cart_fail(e, CART_NOMEM, "%s", _("out of memory"));
		}
		free(list[i]);
	}
	free(list);
	return rc;
}

/* Post order: unreadable files first (their reports), then invoices, debit and credit notes,
 * payments; stamped CFDIs before unstamped ones; each group in name order. */
static int job_rank(const job *j)
{
	/* a stamped CFDI (with its UUID) is the legal document; an unstamped one with the same
	 * Serie-Folio comes after it, and meets it as a conflict */
	return j->read_rc != CART_OK ? -1 : j->d.kind * 2 + (j->d.country[0] == 'M' && !j->d.uuid[0]);
}

static int by_rank(const void *a, const void *b)
{
	const job *x = a, *y = b;
	int rx = job_rank(x), ry = job_rank(y);

	if (rx != ry)
		return rx - ry;
	return strcmp(x->path, y->path);
}

int einvoice_import(ctl *c, const char *path, int create_clients, einv_report_fn fn, void *ud,
                    einv_summary *s, cart_err *e)
{
	jobs js = { 0 };
	struct stat st;
	int rc = CART_OK;

	memset(s, 0, sizeof *s);
	if (!c->have_company)
		return cart_fail(e, CART_NOTFOUND, _("the ledger %s has no company settings yet: run"
		                 " 'cartera init' first"), c->path);
	if (create_clients < 0 && (rc = ledger_import_settings_get(c->l, &create_clients, e)))
		return rc;
	if (stat(path, &st) != 0)
		return cart_fail(e, CART_IO, _("cannot read %s: %s"), path, strerror(errno));
	if (S_ISDIR(st.st_mode))
		rc = walk(&js, path, 0, e);
	else if (add_path(&js, path))
		rc = cart_fail(e, CART_NOMEM, "%s", _("out of memory"));
	if (rc == CART_OK && js.n == 0 && S_ISDIR(st.st_mode))
		rc = cart_fail(e, CART_NOTFOUND, _("no .xml file in %s"), path);
	for (size_t i = 0; rc == CART_OK && i < js.n; i++)
		read_file(&js.v[i]);
	if (rc == CART_OK)
		qsort(js.v, js.n, sizeof *js.v, by_rank);
	for (size_t i = 0; rc == CART_OK && i < js.n; i++) {
		job *j = &js.v[i];
		einv_report r;

		memset(&r, 0, sizeof r);
		r.file = j->path;
		if (j->read_rc != CART_OK) {
			r.outcome = EINV_REFUSED;
			snprintf(r.text, sizeof r.text, _("refused: %s; nothing posted"), j->msg);
		} else {
			r.outcome = post_job(c, create_clients, j, &r);
		}
		s->files++;
		switch (r.outcome) {
		case EINV_IMPORTED: s->imported++; break;
		case EINV_ALREADY: s->already++; break;
		case EINV_HELD: s->held++; break;
		default: s->refused++; break;
		}
		if (fn)
			fn(&r, ud);
	}
	for (size_t i = 0; i < js.n; i++) {
		einv_doc_free(&js.v[i].d);
		free(js.v[i].path);
	}
	free(js.v);
	if (rc == CART_OK && (s->refused || s->held))
		rc = cart_fail(e, CART_REFUSED, _("%d of %d files refused or held"), s->refused + s->held,
		               s->files);
	return rc;
}

int einvoice_setting_set(ctl *c, int create_clients, cart_err *e)
{
	return ledger_import_settings_set(c->l, create_clients, e);
}

int einvoice_setting_get(ctl *c, int *create_clients, cart_err *e)
{
	return ledger_import_settings_get(c->l, create_clients, e);
}
