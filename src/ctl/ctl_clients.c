/* The client list's view-model. The ledger lists clients by name, a page at a time, one row per
 * client and currency; here those rows are merged into one per client and turned into text.
 * Descending by name reads the mirrored page and reverses it. Tax id and phone orders have no
 * paged query in the ledger yet, so the matching clients are read once per query and sorted in
 * memory: fine for thousands, to be replaced by a sorted page query in the model. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctl/ctl_int.h"
#include "cartera/date.h"
#include "cartera/ctl_clients.h"
#include "cartera/text.h"
#include "cartera/i18n.h"

void ctl_clients_init(ctl_clients *v, ctl *c)
{
	memset(v, 0, sizeof *v);
	v->c = c;
}

static void tax_text(const client *cl, char *buf, size_t size)
{
	if (cl->dv[0])
		snprintf(buf, size, "%s-%s", cl->tax_id, cl->dv);
	else
		snprintf(buf, size, "%s", cl->tax_id);
}

/* Amount in the company format; another currency's amount carries its code. */
static void money_text(ctl *c, const char *cur, int64_t v, char *buf, size_t size)
{
	char m[48];

	ctl_money(c, v, m, sizeof m);
	if (cur[0] && strcmp(cur, c->co.currency) != 0)
		snprintf(buf, size, "%s %s", cur, m);
	else
		snprintf(buf, size, "%s", m);
}

/* Collects a page of rows, one per client (a client with balances in two currencies arrives in
 * two calls, merged into one row here). */
typedef struct collect {
	ctl *c;
	ctlc_row *rows;
	long n, cap;
} collect;

static int collect_row(const client_row *r, void *ud)
{
	collect *k = ud;
	ctlc_row *o;
	char m[64];

	if (k->n > 0 && k->rows[k->n - 1].id == r->c->id) {
		/* the same client in a second currency */
		o = &k->rows[k->n - 1];
		money_text(k->c, r->currency, r->balance, m, sizeof m);
		if (strlen(o->balance) + strlen(m) + 3 < sizeof o->balance) {
			strcat(o->balance, " + ");
			strcat(o->balance, m);
		}
		return 0;
	}
	if (k->n == k->cap)
		return 1;
	o = &k->rows[k->n++];
	memset(o, 0, sizeof *o);
	o->id = r->c->id;
	snprintf(o->name, sizeof o->name, "%s", r->c->name);
	tax_text(r->c, o->tax_id, sizeof o->tax_id);
	snprintf(o->phone, sizeof o->phone, "%s", r->c->phone);
	money_text(k->c, r->currency, r->balance, o->balance, sizeof o->balance);
	return 0;
}

int ctl_clients_query(ctl_clients *v, const char *filter, int sort, int desc, cart_err *e)
{
	int64_t n = 0;
	int rc;

	snprintf(v->filter, sizeof v->filter, "%s", filter ? filter : "");
	v->sort = sort;
	v->desc = desc;
	if ((rc = ledger_client_count(v->c->l, v->filter, &n, e)) != CART_OK)
		return rc;
	v->count = (long)n;
	return CART_OK;
}

int ctl_clients_page(ctl_clients *v, long offset, int n, ctlc_row *out, int *got, cart_err *e)
{
	collect k = { v->c, out, 0, n };
	int rc;

	*got = 0;
	if (offset < 0 || n <= 0 || offset >= v->count)
		return CART_OK;
	rc = ledger_client_list_sorted(v->c->l, v->filter, v->sort, v->desc, (int)offset, n,
	                               collect_row, &k, e);
	if (rc != CART_OK)
		return rc;
	*got = (int)k.n;
	return CART_OK;
}

int ctl_clients_detail(ctl_clients *v, int64_t id, ctlc_detail *out, cart_err *e)
{
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = ledger_client_get(v->c->l, id, &out->cl, e)) != CART_OK)
		return rc;
	tax_text(&out->cl, out->tax_id, sizeof out->tax_id);
	if (out->cl.credit_limit)
		ctl_money(v->c, out->cl.credit_limit, out->credit_limit, sizeof out->credit_limit);
	else
		snprintf(out->credit_limit, sizeof out->credit_limit, _("none"));
	if ((rc = ctl_dashboard_load(v->c, id, NULL, &out->d, e)) != CART_OK)
		return rc;
	for (int i = 0; i < out->d.n; i++) {
		ctl_money(v->c, out->d.t[i].due, out->due[i], sizeof out->due[i]);
		ctl_money(v->c, out->d.t[i].overdue, out->overdue[i], sizeof out->overdue[i]);
		ctl_money(v->c, out->d.t[i].credits, out->credits[i], sizeof out->credits[i]);
		ctl_money(v->c, out->d.t[i].net, out->net[i], sizeof out->net[i]);
	}
	return CART_OK;
}

/* ---- the detail window's open items ---- */

void ctl_clients_items_free(ctlc_items *it)
{
	for (int k = 0; k < CTLC_KINDS; k++) {
		free(it->item[k]);
		it->item[k] = NULL;
		it->n[k] = 0;
	}
}

typedef struct items_collect {
	ctl *c;
	ctlc_items *out;
	long cap[CTLC_KINDS];
	int nomem;
} items_collect;

static int collect_item(const open_item *it, void *ud)
{
	items_collect *k = ud;
	int kind = it->side == 'C' ? CTLC_CREDITS : it->days_overdue > 0 ? CTLC_OVERDUE : CTLC_DUE;
	ctlc_item *o;

	if (k->out->n[kind] == k->cap[kind]) {
		long cap = k->cap[kind] ? 2 * k->cap[kind] : 32;
		ctlc_item *p = realloc(k->out->item[kind], (size_t)cap * sizeof *p);

		if (!p) {
			k->nomem = 1;
			return 1;
		}
		k->out->item[kind] = p;
		k->cap[kind] = cap;
	}
	o = &k->out->item[kind][k->out->n[kind]++];
	memset(o, 0, sizeof *o);
	o->doc_id = it->doc_id;
	if (it->instalment_no > 0)
		snprintf(o->number, sizeof o->number, "%s #%d", it->number, it->instalment_no);
	else
		snprintf(o->number, sizeof o->number, "%s", it->number);
	/* the client's detail is a screen's: dates as the clerk reads them */
	date_show(it->date, o->date, sizeof o->date);
	date_show(it->due_date, o->due, sizeof o->due);
	if (kind == CTLC_OVERDUE)
		snprintf(o->days, sizeof o->days, "%d", it->days_overdue);
	money_text(k->c, it->currency, it->amount, o->amount, sizeof o->amount);
	money_text(k->c, it->currency, it->open, o->open, sizeof o->open);
	return 0;
}

int ctl_clients_items(ctl_clients *v, int64_t id, const char *asof, ctlc_items *out, cart_err *e)
{
	items_collect k;
	int rc;

	ctl_clients_items_free(out);
	memset(&k, 0, sizeof k);
	k.c = v->c;
	k.out = out;
	rc = ledger_open_items(v->c->l, id, asof, collect_item, &k, e);
	if (rc == CART_OK && k.nomem)
		rc = cart_fail(e, CART_NOMEM, _("out of memory reading the open items"));
	if (rc != CART_OK)
		ctl_clients_items_free(out);
	return rc;
}

/* ---- the client form ---- */

void ctl_clients_form_new(ctl_clients *v, ctlc_form *f)
{
	client cl;

	(void)v;
	client_defaults(&cl);
	memset(f, 0, sizeof *f);
	f->receiver = cl.receiver_type;
	f->taxpayer = cl.taxpayer_type;
	f->active = cl.active;
	f->charge_mode = cl.charge_mode;
	snprintf(f->text[CF_TERMS], sizeof f->text[CF_TERMS], "%d", cl.terms_days);
}

int ctl_clients_form_load(ctl_clients *v, int64_t id, ctlc_form *f, cart_err *e)
{
	client cl;
	int rc;

	if ((rc = ledger_client_get(v->c->l, id, &cl, e)) != CART_OK)
		return rc;
	memset(f, 0, sizeof *f);
	f->id = cl.id;
	f->receiver = cl.receiver_type;
	f->taxpayer = cl.taxpayer_type;
	f->active = cl.active;
	f->charge_mode = cl.charge_mode;
	f->dv_typed = 0;
#define T(field, src) snprintf(f->text[field], sizeof f->text[field], "%s", src)
	T(CF_TAXID, cl.tax_id);
	T(CF_DV, cl.dv);
	T(CF_NAME, cl.name);
	T(CF_LOCATION, cl.location);
	T(CF_ADDRESS, cl.address);
	T(CF_EMAIL, cl.email);
	T(CF_PHONE, cl.phone);
	T(CF_MOBILE, cl.mobile);
	T(CF_NOTES, cl.notes);
	T(CF_CURP, cl.curp);
#undef T
	snprintf(f->text[CF_TERMS], sizeof f->text[CF_TERMS], "%d", cl.terms_days);
	if (cl.credit_limit)
		ctl_money(v->c, cl.credit_limit, f->text[CF_LIMIT], sizeof f->text[CF_LIMIT]);
	return ledger_person_list(v->c->l, cl.id, f->persons, LEDGER_MAX_PERSONS, &f->n_persons, e);
}

int ctl_clients_form_required(const ctlc_form *f, int field)
{
	switch (field) {
	case CF_NAME:
	case CF_TERMS:
		return 1;
	case CF_TAXID:
		/* seed 002: what is required varies with the receiver and the taxpayer type.
		 * Taxpayers and public entities are identified; a final consumer or a foreign client
		 * may have no local tax id, unless it is a legal person, which is always registered
		 * (a foreign company's id is not a local one: never required) */
		return f->receiver == RECEIVER_TAXPAYER || f->receiver == RECEIVER_GOVERNMENT ||
		       (f->taxpayer == TAXPAYER_LEGAL && f->receiver != RECEIVER_FOREIGN);
	default:
		return 0;
	}
}

static int blank(const char *s)
{
	while (*s == ' ')
		s++;
	return !*s;
}

/* The tax id by the company's country, the DV typed compared when there is one. */
static int check_taxid(ctl_clients *v, const ctlc_form *f, taxid_check *tc)
{
	const char *dv = f->dv_typed ? f->text[CF_DV] : "";
	const char *cc = v->c->have_company ? v->c->co.country : "";
	taxid_check again;
	int rc = taxid_validate(cc, f->taxpayer, f->receiver == RECEIVER_FOREIGN, f->text[CF_TAXID],
	                        dv, tc);

	/* a person's digits alone whose last may be the DV: the DV field, when it holds one (the
	 * client's own, being edited), answers the question; else the question stands */
	if (rc != CART_OK && tc->ask_dv && !blank(f->text[CF_DV]) &&
	    taxid_validate(cc, f->taxpayer, f->receiver == RECEIVER_FOREIGN, f->text[CF_TAXID],
	                   f->text[CF_DV], &again) == CART_OK) {
		*tc = again;
		return CART_OK;
	}
	return rc;
}

int ctl_clients_form_dv_question(ctl_clients *v, const ctlc_form *f, char *q, size_t size)
{
	taxid_check tc;
	size_t n;

	q[0] = '\0';
	if (blank(f->text[CF_TAXID]) || check_taxid(v, f, &tc) == CART_OK || !tc.ask_dv)
		return 0;
	n = strlen(tc.normalized);
	/* short enough for one line of the dialog at 80 columns, in either language */
	snprintf(q, size, _("Is the last digit, %c, the DV? Yes: %.*s-%c, no: %s-%s (y/n)"),
	         tc.normalized[n - 1], (int)(n - 1), tc.normalized, tc.normalized[n - 1],
	         tc.normalized, tc.dv);
	return 1;
}

void ctl_clients_form_dv_answer(ctl_clients *v, ctlc_form *f, int last_is_dv)
{
	taxid_check tc;
	size_t n;

	if (blank(f->text[CF_TAXID]) || check_taxid(v, f, &tc) == CART_OK || !tc.ask_dv)
		return;
	n = strlen(tc.normalized);
	if (last_is_dv) {
		snprintf(f->text[CF_DV], sizeof f->text[CF_DV], "%c", tc.normalized[n - 1]);
		tc.normalized[n - 1] = '\0';
		snprintf(f->text[CF_TAXID], sizeof f->text[CF_TAXID], "%s", tc.normalized);
	} else {
		snprintf(f->text[CF_TAXID], sizeof f->text[CF_TAXID], "%s", tc.normalized);
		snprintf(f->text[CF_DV], sizeof f->text[CF_DV], "%s", tc.dv);
	}
	f->dv_typed = 1;
}

/* A text field into dst, refused, never cut, when it is longer than the ledger keeps (in
 * ctl_text's words); the address and the notes may have several lines, as the model allows. */
static int field_text(int field, char *dst, size_t size, const char *t, cart_err *e)
{
	const char *name = ctl_clients_field_name(field);
	int rc = field == CF_ADDRESS || field == CF_NOTES ? text_check_lines(t, size - 2, name, e)
	                                                  : text_check(t, size - 2, name, e);

	if (rc == CART_OK)
		snprintf(dst, size, "%s", t);
	return rc;
}

static void text_fits(int field, const char *t, char *err, size_t size)
{
	static const size_t room[CF_COUNT] = {
		[CF_NAME] = sizeof ((client *)0)->name, [CF_LOCATION] = sizeof ((client *)0)->location,
		[CF_ADDRESS] = sizeof ((client *)0)->address, [CF_EMAIL] = sizeof ((client *)0)->email,
		[CF_PHONE] = sizeof ((client *)0)->phone, [CF_MOBILE] = sizeof ((client *)0)->mobile,
		[CF_NOTES] = sizeof ((client *)0)->notes,
	};
	char tmp[CTLC_TEXT];
	cart_err e;

	if (room[field] && field_text(field, tmp, room[field] < sizeof tmp ? room[field] : sizeof tmp,
	                              t, &e) != CART_OK)
		snprintf(err, size, "%s", e.msg);
}

void ctl_clients_form_check(ctl_clients *v, ctlc_form *f, int field, char *err, size_t size)
{
	taxid_check tc;
	const char *t = f->text[field];
	cart_err e;

	err[0] = '\0';
	if (blank(t)) {
		if (ctl_clients_form_required(f, field))
			snprintf(err, size, _("required"));
		else if (field == CF_DV)
			f->dv_typed = 0;
		if (field == CF_DV && !blank(f->text[CF_TAXID]) &&
		    check_taxid(v, f, &tc) == CART_OK)
			snprintf(f->text[CF_DV], sizeof f->text[CF_DV], "%s", tc.dv);
		return;
	}
	switch (field) {
	case CF_TAXID:
	case CF_DV:
		if (blank(f->text[CF_TAXID]))
			break;
		if (check_taxid(v, f, &tc) != CART_OK) {
			snprintf(err, size, "%s", tc.message);
			break;
		}
		if (!f->dv_typed)
			snprintf(f->text[CF_DV], sizeof f->text[CF_DV], "%s", tc.dv);
		break;
	case CF_EMAIL:
	case CF_PHONE:
	case CF_MOBILE:
		/* the one check of a contact (the import's and the persons' too), in the short words
		 * that fit beside the field */
		if (ctl_client_contact_check(field, t, &e) != CART_OK)
			snprintf(err, size, "%s", field == CF_EMAIL && contact_email_list_valid(t) == 0 ?
			         _("not an e-mail address (name@domain.com)") :
			         field != CF_EMAIL && !contact_phone_valid(t) ?
			         _("digits, spaces and + - ( ) only") : e.msg);
		else
			text_fits(field, t, err, size);
		break;
	case CF_NAME:
	case CF_LOCATION:
	case CF_ADDRESS:
	case CF_NOTES:
		text_fits(field, t, err, size);
		break;
	case CF_CURP:
		/* a person's CURP, beside the RFC; a company has none */
		if (f->taxpayer == TAXPAYER_LEGAL)
			snprintf(err, size, "%s", _("a CURP is a natural person's; a legal person has "
			         "none"));
		else if (taxid_curp_validate(t, &tc) != CART_OK)
			snprintf(err, size, "%s", tc.message);
		break;
	case CF_TERMS: {
		char *end;
		long d = strtol(t, &end, 10);

		if (*end || d < 0 || d > 3650)
			snprintf(err, size, _("days from 0 (cash) to 3650"));
		break;
	}
	case CF_LIMIT: {
		int64_t m;

		if (ctl_amount(v->c, t, _("the credit limit"), &m, &e) != CART_OK)
			snprintf(err, size, "%s", e.msg);
		else if (m < 0)
			snprintf(err, size, _("the credit limit cannot be negative"));
		break;
	}
	default:
		break;
	}
}

/* The client and its persons in one transaction: the client's id is known to the persons only
 * once it is added, and a person refused then undoes the client too. */
static int save_with_persons(ctl_clients *v, ctlc_form *f, client *cl, int *field, cart_err *e)
{
	ledger *l = v->c->l;
	int was_new[LEDGER_MAX_PERSONS];
	int rc;

	for (int i = 0; i < f->n_persons && i < LEDGER_MAX_PERSONS; i++)
		was_new[i] = f->persons[i].id == 0;
	if ((rc = ledger_begin(l, e)) != CART_OK)
		return rc;
	rc = f->id ? ledger_client_update(l, cl, e) : ledger_client_add(l, cl, e);
	if (rc == CART_CONFLICT)
		*field = CF_TAXID;
	if (rc == CART_OK)
		rc = ledger_persons_replace(l, cl->id, f->persons, f->n_persons, e);
	if (rc != CART_OK) {
		ledger_rollback(l);
		return rc;
	}
	/* a failed commit rolls back: the persons replace gave them ids that no longer exist */
	if ((rc = ledger_commit(l, e)) != CART_OK) {
		for (int i = 0; i < f->n_persons; i++)
			if (was_new[i])
				f->persons[i].id = 0;
		return rc;
	}
	f->id = cl->id;
	/* the tax id as it was saved: normalised, with its DV */
	snprintf(f->text[CF_TAXID], sizeof f->text[CF_TAXID], "%s", cl->tax_id);
	snprintf(f->text[CF_DV], sizeof f->text[CF_DV], "%s", cl->dv);
	snprintf(f->text[CF_CURP], sizeof f->text[CF_CURP], "%s", cl->curp);
	return CART_OK;
}

const char *ctl_clients_field_name(int field)
{
	static const char *const names[CF_COUNT] = {
		[CF_RECEIVER] = N_("the receiver type"), [CF_TAXPAYER] = N_("the taxpayer type"),
		[CF_TAXID] = N_("the tax id"), [CF_DV] = N_("the DV"), [CF_NAME] = N_("the name"),
		[CF_LOCATION] = N_("the location"), [CF_ADDRESS] = N_("the address"),
		[CF_EMAIL] = N_("the e-mail"), [CF_PHONE] = N_("the phone"),
		[CF_MOBILE] = N_("the mobile"), [CF_TERMS] = N_("the payment terms"),
		[CF_LIMIT] = N_("the credit limit"), [CF_NOTES] = N_("the notes"),
		[CF_ACTIVE] = N_("active"), [CF_CURP] = N_("the CURP"),
	};

	return field >= 0 && field < CF_COUNT && names[field] ? _(names[field]) : "";
}

void ctl_clients_form_warning(ctl_clients *v, const ctlc_form *f, int field, char *warn,
                              size_t size)
{
	taxid_check tc;

	warn[0] = '\0';
	if ((field == CF_TAXID || field == CF_DV) && !blank(f->text[CF_TAXID]) &&
	    check_taxid(v, f, &tc) == CART_OK && tc.warning)
		snprintf(warn, size, "%s", tc.message);
}

/* The form saved; what was saved is left in cl (its id, the tax id normalised). */
static int form_save(ctl_clients *v, ctlc_form *f, int *field, client *out, cart_err *e)
{
	client cl;
	taxid_check tc;
	char err[256];
	int rc;

	*field = -1;
	if (!v->c->have_company)
		return cart_fail(e, CART_NOTFOUND, _("the ledger %s has no company settings yet: run"
		                 " 'cartera init' first"), v->c->path);
	for (int i = 0; i < CF_COUNT; i++) {
		ctl_clients_form_check(v, f, i, err, sizeof err);
		if (err[0]) {
			const char *name = ctl_clients_field_name(i);

			*field = i;
			/* "required" says which field only beside it: name it for the command line */
			if (strncmp(err, name, strlen(name)))
				return cart_fail(e, CART_INVALID, "%s: %s", name, err);
			return cart_fail(e, CART_INVALID, "%s", err);
		}
	}
	if (f->id) {
		if ((rc = ledger_client_get(v->c->l, f->id, &cl, e)) != CART_OK)
			return rc;
	} else {
		client_defaults(&cl);
	}
	cl.receiver_type = f->receiver;
	cl.taxpayer_type = f->taxpayer;
	cl.active = f->active;
	cl.charge_mode = f->charge_mode;
	cl.tax_id[0] = cl.dv[0] = '\0';
	if (!blank(f->text[CF_TAXID])) {
		if (check_taxid(v, f, &tc) != CART_OK) {
			*field = CF_TAXID;
			return cart_fail(e, CART_INVALID, "%s", tc.message);
		}
		snprintf(cl.tax_id, sizeof cl.tax_id, "%s", tc.normalized);
		snprintf(cl.dv, sizeof cl.dv, "%s", tc.dv);
	}
	/* refused, never cut, in the words `client add` and the model use */
#define T(dst, fld)                                                                \
	do {                                                                       \
		if ((rc = field_text(fld, dst, sizeof dst, f->text[fld], e))) {    \
			*field = fld;                                              \
			return rc;                                                 \
		}                                                                  \
	} while (0)
	T(cl.name, CF_NAME);
	T(cl.location, CF_LOCATION);
	T(cl.address, CF_ADDRESS);
	T(cl.email, CF_EMAIL);
	T(cl.phone, CF_PHONE);
	T(cl.mobile, CF_MOBILE);
	T(cl.notes, CF_NOTES);
#undef T
	cl.curp[0] = '\0';
	if (!blank(f->text[CF_CURP])) {
		/* checked above with every field: 18 symbols, at most 22 bytes with Ñ */
		size_t n;

		taxid_curp_validate(f->text[CF_CURP], &tc);
		n = strlen(tc.normalized);
		if (n >= sizeof cl.curp)
			return cart_fail(e, CART_INVALID, _("the CURP is too long"));
		memcpy(cl.curp, tc.normalized, n + 1);
	}
	cl.terms_days = atoi(f->text[CF_TERMS]);
	cl.credit_limit = 0;
	if (!blank(f->text[CF_LIMIT]) &&
	    (rc = ctl_amount(v->c, f->text[CF_LIMIT], _("the credit limit"), &cl.credit_limit, e))) {
		*field = CF_LIMIT;
		return rc;
	}
	for (int i = 0; i < f->n_persons; i++) {
		int pf;

		if (ctl_person_validate(&f->persons[i], &pf, e) != CART_OK) {
			cart_err why = *e;

			return cart_fail(e, CART_INVALID, _("person %d, %s: %s"), i + 1,
			                 f->persons[i].name[0] ? f->persons[i].name : "?", why.msg);
		}
	}
	if ((rc = save_with_persons(v, f, &cl, field, e)) == CART_OK && out)
		*out = cl;
	return rc;
}

int ctl_clients_form_save(ctl_clients *v, ctlc_form *f, int *field, cart_err *e)
{
	return form_save(v, f, field, NULL, e);
}

int ctl_clients_row_of(ctl_clients *v, int64_t id, long *row, cart_err *e)
{
	int64_t pos;
	int rc = ledger_client_position(v->c->l, v->filter, v->sort, v->desc, id, &pos, e);

	*row = rc == CART_OK ? (long)pos : -1;
	return rc;
}

/* A client from an import (CSV, electronic invoice) goes through the client form's save: the
 * same field checks and messages as the screen and `client add`, inside the caller's
 * transaction when it has one (the model nests it as a savepoint). */
int ctl_client_add(ctl *c, client *cl, taxid_check *tc, cart_err *e)
{
	ctl_clients v;
	ctlc_form f;
	int field, rc;

	memset(tc, 0, sizeof *tc);
	ctl_clients_init(&v, c);
	ctl_clients_form_new(&v, &f);
	f.receiver = cl->receiver_type;
	f.taxpayer = cl->taxpayer_type;
	f.active = cl->active;
	f.charge_mode = cl->charge_mode;
	f.dv_typed = cl->dv[0] != '\0';
#define T(field, src) snprintf(f.text[field], sizeof f.text[field], "%s", src)
	T(CF_TAXID, cl->tax_id);
	T(CF_DV, cl->dv);
	T(CF_NAME, cl->name);
	T(CF_LOCATION, cl->location);
	T(CF_ADDRESS, cl->address);
	T(CF_EMAIL, cl->email);
	T(CF_PHONE, cl->phone);
	T(CF_MOBILE, cl->mobile);
	T(CF_NOTES, cl->notes);
	T(CF_CURP, cl->curp);
#undef T
	snprintf(f.text[CF_TERMS], sizeof f.text[CF_TERMS], "%d", cl->terms_days);
	if (cl->credit_limit)
		ctl_money(c, cl->credit_limit, f.text[CF_LIMIT], sizeof f.text[CF_LIMIT]);
	if ((rc = form_save(&v, &f, &field, cl, e)) != CART_OK)
		return rc;
	if (cl->tax_id[0])
		check_taxid(&v, &f, tc);
	return CART_OK;
}

