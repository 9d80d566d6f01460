/* The mail controller's drafting: the message a client's statement, document or reminder
 * makes (recipients, the template in the client's language filled with its figures, the
 * attachments rendered by the report renderers through a private temporary file). The words put
 * into a client's message (aging ranges, the overdue table's headings) follow the template's
 * language, not the clerk's. See cartera/ctl_mail.h. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cartera/ctl_mail.h"
#include "cartera/i18n.h"
#include "cartera/papers.h"
#include "cartera/render.h"
#include "cartera/reports.h"
#include "model/ledger_mail.h"
#include "ctl_int.h"
#include "ctl_mail_int.h"

void ctl_mail_init(ctl_mail *m)
{
	memset(m, 0, sizeof *m);
	snprintf(m->kind, sizeof m->kind, "other");
}

void ctl_mail_free(ctl_mail *m)
{
	free(m->body);
	m->body = NULL;
	for (int i = 0; i < m->n_att; i++)
		free(m->att[i].data);
	m->n_att = 0;
}

int ctl_mail_set_body(ctl_mail *m, const char *text, cart_err *e)
{
	char *b = strdup(text ? text : "");

	if (!b)
		return cart_fail(e, CART_NOMEM, _("out of memory"));
	free(m->body);
	m->body = b;
	return CART_OK;
}

void ctl_mail_req_init(ctl_mail_req *r)
{
	memset(r, 0, sizeof *r);
	r->kind = "statement";
	r->attach_pdf = 1;
	r->attach_statement = -1;
}

int ctl_mail_attach(ctl_mail *m, const char *filename, const char *type, const void *data,
                    size_t len, cart_err *e)
{
	mail_part *p;

	if (m->n_att >= CTL_MAIL_MAX_ATT)
		return cart_fail(e, CART_INVALID, _("a message takes at most %d attachments"),
		                 CTL_MAIL_MAX_ATT);
	p = &m->att[m->n_att];
	memset(p, 0, sizeof *p);
	if (!(p->data = malloc(len ? len : 1)))
		return cart_fail(e, CART_NOMEM, _("out of memory"));
	if (len)
		memcpy(p->data, data, len);
	p->len = len;
	snprintf(p->filename, sizeof p->filename, "%s", filename);
	snprintf(p->type, sizeof p->type, "%s", type);
	m->n_att++;
	return CART_OK;
}

int ctl_mail_because(cart_err *e, int rc, const char *what)
{
	char why[sizeof e->msg];

	snprintf(why, sizeof why, "%s", e->msg);
	return cart_fail(e, rc, "%s: %s", what, why);
}

/* ---- words in the client's language ---- */

enum { W_NOTDUE, W_OVER, W_RANGE, W_DOC, W_DUE, W_DAYS, W_OPEN, W_NONE, W_STATEMENT, W_NW };
static const char *const words_es[W_NW] = {
	"Por vencer", "Más de", "días", "Documento", "Vence", "Días", "Saldo",
	"(ninguno)", "estado-de-cuenta",
};
static const char *const words_en[W_NW] = {
	"Not yet due", "Over", "days", "Document", "Due", "Days", "Open",
	"(none)", "statement",
};

static const char *word(const char *lang, int w)
{
	return (!strcmp(lang, "en") ? words_en : words_es)[w];
}

static const char *doc_word(const char *lang, int type)
{
	static const char *const es[DOC_NTYPES] = {
		"Factura", "Nota de crédito", "Recibo", "Anticipo", "Saldo inicial", "Nota contable",
		"Cotización", "Aplicación", "Anulación", "Nota de débito",
	};
	static const char *const en[DOC_NTYPES] = {
		"Invoice", "Credit note", "Receipt", "Advance", "Opening balance", "Journal entry",
		"Quote", "Application", "Void", "Debit note",
	};

	if (type < 0 || type >= DOC_NTYPES)
		return "";
	return (!strcmp(lang, "en") ? en : es)[type];
}

/* Characters (not bytes) in UTF-8 text. */
static size_t utf8_width(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* Pad s with blanks to width characters. */
static void pad(char *s, size_t size, size_t width)
{
	size_t w = utf8_width(s), n = strlen(s);

	while (w < width && n + 1 < size) {
		s[n++] = ' ';
		w++;
	}
	s[n] = '\0';
}

/* DD/MM/YYYY from an ISO date. */
static void show_date(const char *iso, char *buf, size_t size)
{
	if (iso && strlen(iso) == 10)
		snprintf(buf, size, "%.2s/%.2s/%.4s", iso + 8, iso + 5, iso);
	else
		snprintf(buf, size, "%s", iso ? iso : "");
}

/* "PEN 1.234,56" */
static void show_amount(const ctl *c, const char *cur, int64_t v, char *buf, size_t size)
{
	char num[64];

	ctl_money(c, v, num, sizeof num);
	snprintf(buf, size, "%s %s", cur, num);
}

/* ---- the figures a template may name ---- */

typedef struct figures {
	char *v[MAIL_NPH];        /* each malloc'd or NULL */
	const company *co;
	ctl *c;
	const char *lang;
	/* aging and overdue documents, per currency (the company's two at most, kept small) */
	char cur[LEDGER_MAX_CURRENCIES][4];
	int64_t bucket[LEDGER_MAX_CURRENCIES][LEDGER_MAX_RANGES + 2];
	int ncur;
	char *table;
	size_t tlen, tcap;
	int overdue_rows;
} figures;

static void fig_free(figures *f)
{
	for (int i = 0; i < MAIL_NPH; i++)
		free(f->v[i]);
	free(f->table);
}

static int fig_set(figures *f, int ph, const char *text, cart_err *e)
{
	free(f->v[ph]);
	if (!(f->v[ph] = strdup(text ? text : "")))
		return cart_fail(e, CART_NOMEM, _("out of memory"));
	return CART_OK;
}

static int table_add(figures *f, const char *line)
{
	size_t n = strlen(line);

	if (f->tlen + n + 2 > f->tcap) {
		size_t cap = f->tcap * 2 + n + 256;
		char *t = realloc(f->table, cap);

		if (!t)
			return -1;
		f->table = t;
		f->tcap = cap;
	}
	memcpy(f->table + f->tlen, line, n);
	f->tlen += n;
	f->table[f->tlen++] = '\n';
	f->table[f->tlen] = '\0';
	return 0;
}

static int bucket_of(const company *co, int days)
{
	if (days <= 0)
		return 0;
	for (int k = 0; k < co->n_ranges; k++)
		if (days <= co->ranges[k])
			return k + 1;
	return co->n_ranges + 1;
}

static int collect_open(const open_item *it, void *ud)
{
	figures *f = ud;
	int k;

	if (it->side != 'D' || it->open <= 0)
		return 0;
	for (k = 0; k < f->ncur && strcmp(f->cur[k], it->currency); k++)
		;
	if (k == f->ncur) {
		if (f->ncur == LEDGER_MAX_CURRENCIES)
			return 0;
		snprintf(f->cur[f->ncur++], 4, "%s", it->currency);
	}
	f->bucket[k][bucket_of(f->co, it->days_overdue)] += it->open;
	if (it->days_overdue > 0) {
		char line[200], due[16], amt[80], num[40];

		show_date(it->due_date, due, sizeof due);
		show_amount(f->c, it->currency, it->open, amt, sizeof amt);
		if (it->instalment_no)
			snprintf(num, sizeof num, "%s/%d", it->number, it->instalment_no);
		else
			snprintf(num, sizeof num, "%s", it->number);
		snprintf(line, sizeof line, "  %-16s %-10s %5d %20s", num, due, it->days_overdue, amt);
		if (table_add(f, line))
			return 1;
		f->overdue_rows++;
	}
	return 0;
}

/* Join per-currency amounts: "PEN 1.234,56; USD 10,00". */
static void join_amounts(const ctl *c, const totals *t, int n, size_t off, char *buf, size_t size)
{
	size_t k = 0;

	buf[0] = '\0';
	for (int i = 0; i < n && k < size; i++) {
		char one[96];

		show_amount(c, t[i].currency, *(const int64_t *)((const char *)&t[i] + off), one,
		            sizeof one);
		k += (size_t)snprintf(buf + k, size - k, "%s%s", i ? "; " : "", one);
	}
	if (!n)
		show_amount(c, c->co.currency, 0, buf, size);
}

static int fill_figures(ctl *c, int64_t client_id, const char *asof, const char *lang, figures *f,
                        cart_err *e)
{
	totals t[LEDGER_MAX_CURRENCIES];
	char buf[1024], head[200];
	client cl;
	int n = 0, rc;

	f->co = &c->co;
	f->c = c;
	f->lang = lang;
	if ((rc = ledger_client_get(c->l, client_id, &cl, e)) != CART_OK ||
	    (rc = ledger_totals(c->l, client_id, asof, t, &n, e)) != CART_OK)
		return rc;
	fig_set(f, MAIL_PH_client, cl.name, e);
	taxid_display(c->co.country, cl.tax_id, cl.dv, buf, sizeof buf);
	fig_set(f, MAIL_PH_tax_id, buf, e);
	show_date(asof, buf, sizeof buf);
	fig_set(f, MAIL_PH_date, buf, e);
	join_amounts(c, t, n, offsetof(totals, due), buf, sizeof buf);
	fig_set(f, MAIL_PH_due, buf, e);
	join_amounts(c, t, n, offsetof(totals, overdue), buf, sizeof buf);
	fig_set(f, MAIL_PH_overdue, buf, e);
	join_amounts(c, t, n, offsetof(totals, credits), buf, sizeof buf);
	fig_set(f, MAIL_PH_credits, buf, e);
	join_amounts(c, t, n, offsetof(totals, net), buf, sizeof buf);
	fig_set(f, MAIL_PH_net, buf, e);
	fig_set(f, MAIL_PH_clerk, ledger_clerk(c->l), e);
	fig_set(f, MAIL_PH_company, c->co.name, e);

	{
		char w1[40], w2[40], w3[40];

		snprintf(w1, sizeof w1, "%s", word(lang, W_DOC));
		snprintf(w2, sizeof w2, "%s", word(lang, W_DUE));
		snprintf(w3, sizeof w3, "%*s%s", 5 - (int)utf8_width(word(lang, W_DAYS)), "",
		         word(lang, W_DAYS));
		pad(w1, sizeof w1, 16);
		pad(w2, sizeof w2, 10);
		snprintf(head, sizeof head, "  %s %s %s %20s", w1, w2, w3, word(lang, W_OPEN));
	}
	if (table_add(f, head))
		return cart_fail(e, CART_NOMEM, _("out of memory"));
	if ((rc = ledger_open_items(c->l, client_id, asof, collect_open, f, e)) != CART_OK)
		return rc;
	if (!f->overdue_rows && table_add(f, word(lang, W_NONE)))
		return cart_fail(e, CART_NOMEM, _("out of memory"));
	if (f->overdue_rows)
		f->table[--f->tlen] = '\0';  /* the template ends the line */
	else
		snprintf(f->table, f->tcap, "  %s", word(lang, W_NONE));
	fig_set(f, MAIL_PH_overdue_table, f->table, e);

	/* the aging: one line per range, per currency */
	buf[0] = '\0';
	for (int k = 0; k < f->ncur; k++)
		for (int b = 0; b <= c->co.n_ranges + 1; b++) {
			char name[64], amt[96];
			size_t len = strlen(buf);

			if (b == 0)
				snprintf(name, sizeof name, "%s", word(lang, W_NOTDUE));
			else if (b == c->co.n_ranges + 1)
				snprintf(name, sizeof name, "%s %d %s", word(lang, W_OVER),
				         c->co.ranges[b - 2], word(lang, W_RANGE));
			else
				snprintf(name, sizeof name, "%d-%d %s", b == 1 ? 1 : c->co.ranges[b - 2] + 1,
				         c->co.ranges[b - 1], word(lang, W_RANGE));
			show_amount(c, f->cur[k], f->bucket[k][b], amt, sizeof amt);
			pad(name, sizeof name, 16);
			snprintf(buf + len, sizeof buf - len, "%s  %s %20s", len ? "\n" : "", name, amt);
		}
	return fig_set(f, MAIL_PH_aging, buf, e);
}

static int fill_document(ctl *c, const doc_info *d, const char *lang, figures *f, cart_err *e)
{
	char buf[128];

	fig_set(f, MAIL_PH_document, d->number, e);
	fig_set(f, MAIL_PH_document_type, doc_word(lang, d->type), e);
	show_date(d->date, buf, sizeof buf);
	fig_set(f, MAIL_PH_document_date, buf, e);
	show_date(d->due_date[0] ? d->due_date : d->date, buf, sizeof buf);
	fig_set(f, MAIL_PH_document_due, buf, e);
	show_amount(c, d->currency, d->total, buf, sizeof buf);
	return fig_set(f, MAIL_PH_document_total, buf, e);
}

/* ---- attachments from the report renderers ---- */

/* Render a report into a private temporary file and read it back. */
typedef int (*build_fn)(ctl *c, int64_t id, const char *asof, report *r, cart_err *e);

static int build_statement(ctl *c, int64_t id, const char *asof, report *r, cart_err *e)
{
	stmt_filter f;

	stmt_filter_init(&f);
	if (asof)
		snprintf(f.asof, sizeof f.asof, "%s", asof);
	return rpt_statement(c, id, &f, r, e);
}

static int build_document(ctl *c, int64_t id, const char *asof, report *r, cart_err *e)
{
	(void)asof;
	return rpt_document(c, id, r, e);
}

static int render_to_memory(ctl *c, build_fn build, int64_t id, const char *asof, int format,
                            unsigned char **data, size_t *len, cart_err *e)
{
	const char *tmp = getenv("TMPDIR");
	char dir[1024], path[1100];
	report r;
	rnd *x;
	FILE *fp;
	long replaced = 0, size;
	int rc;

	*data = NULL;
	*len = 0;
	snprintf(dir, sizeof dir, "%s/cartera-mail-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir))
		return cart_fail(e, CART_IO, _("cannot make a temporary folder for the attachment in"
		                 " %s: %s"), tmp && *tmp ? tmp : "/tmp", strerror(errno));
	snprintf(path, sizeof path, "%s/part%s", dir, rnd_format_ext(format));
	if ((rc = rnd_open(format, path, NULL, &x, e)) != CART_OK) {
		rmdir(dir);
		return rc;
	}
	report_init(&r, &c->co);
	report_stream(&r, rnd_sink(x), rnd_ud(x));
	rc = build(c, id, asof, &r, e);
	report_free(&r);
	if (rc != CART_OK) {
		rnd_abort(x);
		rmdir(dir);
		return rc;
	}
	if ((rc = rnd_close(x, &replaced, e)) != CART_OK) {
		rmdir(dir);
		return rc;
	}
	rc = CART_OK;
	if (!(fp = fopen(path, "rb")) || fseek(fp, 0, SEEK_END) != 0 || (size = ftell(fp)) < 0 ||
	    fseek(fp, 0, SEEK_SET) != 0)
		rc = cart_fail(e, CART_IO, _("cannot read the attachment back from %s: %s"), path,
		               strerror(errno));
	else if (!(*data = malloc((size_t)size + 1)))
		rc = cart_fail(e, CART_NOMEM, _("out of memory"));
	else if (fread(*data, 1, (size_t)size, fp) != (size_t)size)
		rc = cart_fail(e, CART_IO, _("cannot read the attachment back from %s"), path);
	else
		*len = (size_t)size;
	if (fp)
		fclose(fp);
	unlink(path);
	rmdir(dir);
	if (rc != CART_OK) {
		free(*data);
		*data = NULL;
	}
	return rc;
}

static int attach_rendered(ctl *c, ctl_mail *m, build_fn build, int64_t id, const char *asof,
                           int format, const char *name, cart_err *e)
{
	unsigned char *data;
	size_t len;
	mail_part *p;
	int rc;

	if (m->n_att >= CTL_MAIL_MAX_ATT)
		return cart_fail(e, CART_INVALID, _("a message takes at most %d attachments"),
		                 CTL_MAIL_MAX_ATT);
	if ((rc = render_to_memory(c, build, id, asof, format, &data, &len, e)) != CART_OK)
		return rc;
	p = &m->att[m->n_att++];
	memset(p, 0, sizeof *p);
	p->data = data;
	p->len = len;
	snprintf(p->filename, sizeof p->filename, "%s%s", name, rnd_format_ext(format));
	snprintf(p->type, sizeof p->type, "%s", format == RND_PDF ? "application/pdf" :
	         format == RND_XLSX ?
	         "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" :
	         "text/plain");
	return CART_OK;
}

int ctl_mail_attach_statement(ctl *c, ctl_mail *m, const char *asof, int format, cart_err *e)
{
	char name[120], slug[64];
	client cl;
	int rc;

	if ((rc = ledger_client_get(c->l, m->client_id, &cl, e)) != CART_OK)
		return rc;
	rpt_slug(cl.name, slug, sizeof slug);
	snprintf(name, sizeof name, "%s-%s", word(m->lang[0] ? m->lang : "es", W_STATEMENT), slug);
	if ((rc = attach_rendered(c, m, build_statement, m->client_id, asof, format, name, e))) {
		char what[300];

		snprintf(what, sizeof what, _("the statement of %s could not be attached"), cl.name);
		return ctl_mail_because(e, rc, what);
	}
	return CART_OK;
}

int ctl_mail_attach_document(ctl *c, ctl_mail *m, int64_t doc_id, cart_err *e)
{
	doc_info d;
	int rc;

	if ((rc = ledger_document_get(c->l, doc_id, &d, e)) != CART_OK)
		return rc;
	if ((rc = attach_rendered(c, m, build_document, doc_id, NULL, RND_PDF, d.number, e))) {
		char what[100];

		snprintf(what, sizeof what, _("document %s could not be attached"), d.number);
		return ctl_mail_because(e, rc, what);
	}
	return CART_OK;
}

/* The overdue charges' documents, each once, in the order the ledger gives them. */
typedef struct overdue_docs {
	int64_t ids[CTL_MAIL_MAX_ATT];
	int n;
} overdue_docs;

static int collect_overdue_doc(const open_item *it, void *ud)
{
	overdue_docs *o = ud;

	if (it->side != 'D' || it->open <= 0 || it->days_overdue <= 0 || !it->doc_id)
		return 0;
	for (int i = 0; i < o->n; i++)
		if (o->ids[i] == it->doc_id)
			return 0;
	if (o->n < CTL_MAIL_MAX_ATT)
		o->ids[o->n++] = it->doc_id;
	return 0;
}

static int attach_overdue(ctl *c, ctl_mail *m, const char *asof, cart_err *e)
{
	overdue_docs o = { { 0 }, 0 };
	int rc;

	if ((rc = ledger_open_items(c->l, m->client_id, asof, collect_overdue_doc, &o, e)))
		return rc;
	for (int i = 0; i < o.n; i++) {
		if (m->n_att >= CTL_MAIL_MAX_ATT)
			return cart_fail(e, CART_INVALID, _("too many overdue documents to attach (at"
			                 " most %d attachments)"), CTL_MAIL_MAX_ATT);
		if ((rc = ctl_mail_attach_document(c, m, o.ids[i], e)) != CART_OK)
			return rc;
	}
	return CART_OK;
}

/* ---- drafting ---- */

static int recipients(ctl *c, int64_t client_id, char *buf, size_t size, cart_err *e)
{
	mail_to to[LEDGER_MAX_RECIPIENTS];
	size_t k = 0;
	int n = 0, rc;

	buf[0] = '\0';
	if ((rc = ledger_client_recipients(c->l, client_id, to, LEDGER_MAX_RECIPIENTS, &n, e)))
		return rc;
	for (int i = 0; i < n && k < size; i++) {
		int quote = strpbrk(to[i].name, ",;<>\"@()") != NULL;
		char name[220];
		size_t j = 0;

		/* a name with a comma is quoted; its own quotes are dropped */
		for (const char *p = to[i].name; *p && j + 1 < sizeof name; p++)
			if (*p != '"')
				name[j++] = *p;
		name[j] = '\0';
		k += (size_t)snprintf(buf + k, size - k, "%s%s%s%s%s<%s>", k ? ", " : "",
		                      quote ? "\"" : "", name, quote ? "\"" : "", name[0] ? " " : "",
		                      to[i].email);
	}
	if (k >= size)
		return cart_fail(e, CART_INVALID, _("the client's addresses do not fit in one message"));
	return CART_OK;
}

int ctl_mail_lang_of(ctl *c, const char *want, int64_t client_id, char out[3], cart_err *e)
{
	char buf[16] = "", key[40];
	int rc;

	if (want && *want) {
		snprintf(buf, sizeof buf, "%s", want);
	} else {
		snprintf(key, sizeof key, "lang:%lld", (long long)client_id);
		if (client_id && (rc = ledger_mail_setting(c->l, key, buf, sizeof buf, e)) != CART_OK)
			return rc;
		if (!buf[0] && (rc = ledger_mail_setting(c->l, "lang", buf, sizeof buf, e)) != CART_OK)
			return rc;
	}
	if (!buf[0])
		snprintf(buf, sizeof buf, "es");
	if (strcmp(buf, "es") && strcmp(buf, "en"))
		return cart_fail(e, CART_INVALID, _("language \"%s\": use es or en"), buf);
	out[0] = buf[0];
	out[1] = buf[1];
	out[2] = '\0';
	return CART_OK;
}

static int setting_yes(ctl *c, const char *key, int *yes, cart_err *e)
{
	char buf[16];
	int rc = ledger_mail_setting(c->l, key, buf, sizeof buf, e);

	*yes = !strcmp(buf, "yes");
	return rc;
}

int ctl_mail_draft(ctl *c, const ctl_mail_req *r, ctl_mail *m, cart_err *e)
{
	const char *kind = r->kind && *r->kind ? r->kind : "statement";
	char asof[DATE_LEN];
	mail_template t;
	figures f;
	doc_info d;
	int rc, is_doc = !strcmp(kind, "document");

	ctl_mail_init(m);
	memset(&f, 0, sizeof f);
	if (strcmp(kind, "statement") && strcmp(kind, "reminder") && !is_doc)
		return cart_fail(e, CART_INVALID, _("kind of message \"%s\": use statement, document or"
		                 " reminder"), kind);
	snprintf(m->kind, sizeof m->kind, "%s", kind);
	if ((rc = ctl_date(r->asof, _("as of"), asof, e)) != CART_OK)
		return rc;
	if (is_doc) {
		if ((rc = ledger_document_get(c->l, r->doc_id, &d, e)) != CART_OK)
			return rc;
		m->doc_id = d.id;
		m->client_id = d.client_id;
	} else {
		m->client_id = r->client_id;
	}
	if ((rc = ctl_mail_lang_of(c, r->lang, m->client_id, m->lang, e)) != CART_OK ||
	    (rc = recipients(c, m->client_id, m->to, sizeof m->to, e)) != CART_OK ||
	    (rc = ctl_mail_self(c, m->self, sizeof m->self, e)) != CART_OK)
		goto fail;
	if ((rc = ledger_mail_template_get(c->l, r->tmpl && *r->tmpl ? r->tmpl : kind, m->lang, &t,
	                                   e)) != CART_OK)
		goto fail;
	rc = fill_figures(c, m->client_id, asof, m->lang, &f, e);
	if (rc == CART_OK && is_doc)
		rc = fill_document(c, &d, m->lang, &f, e);
	if (rc == CART_OK) {
		char *subject = NULL;

		rc = mail_tpl_expand(t.subject, (const char *const *)f.v, &subject, e);
		if (rc == CART_OK)
			rc = mail_tpl_expand(t.body, (const char *const *)f.v, &m->body, e);
		if (rc == CART_OK) {
			/* a subject is one line */
			for (char *p = subject; *p; p++)
				if (*p == '\n' || *p == '\r')
					*p = ' ';
			snprintf(m->subject, sizeof m->subject, "%s", subject);
		} else {
			char what[100];

			snprintf(what, sizeof what, _("template \"%s\" (%s) failed"), t.name, t.lang);
			rc = ctl_mail_because(e, rc, what);
		}
		free(subject);
	}
	free(t.body);
	fig_free(&f);
	if (rc != CART_OK)
		goto fail;

	/* attachments */
	if (is_doc) {
		int with_stmt = r->attach_statement;

		if (with_stmt < 0 && (rc = setting_yes(c, "attach-statement", &with_stmt, e)))
			goto fail;
		if ((rc = ctl_mail_attach_document(c, m, m->doc_id, e)) != CART_OK ||
		    (with_stmt && (rc = ctl_mail_attach_statement(c, m, asof, RND_PDF, e))))
			goto fail;
	} else {
		if (r->attach_pdf || !strcmp(kind, "statement"))
			if ((rc = ctl_mail_attach_statement(c, m, asof, RND_PDF, e)) != CART_OK)
				goto fail;
		if (r->attach_xlsx &&
		    (rc = ctl_mail_attach_statement(c, m, asof, RND_XLSX, e)) != CART_OK)
			goto fail;
	}
	if (r->attach_overdue && (rc = attach_overdue(c, m, asof, e)) != CART_OK)
		goto fail;
	return CART_OK;
fail:
	ctl_mail_free(m);
	return rc;
}
