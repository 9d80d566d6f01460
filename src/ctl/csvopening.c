/* Opening balances from CSV: see include/cartera/csvopening.h. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctl/ctl_int.h"
#include "cartera/csv.h"
#include "cartera/csvopening.h"
#include "cartera/i18n.h"

enum { COL_CLIENT, COL_DATE, COL_AMOUNT, COL_DUE, COL_NUMBER, COL_CURRENCY, NCOLS };

static const char *const col_names[NCOLS] = {
	"client|cliente|customer|nit|ruc|rfc|tax_id",
	"date|fecha",
	"amount|saldo|importe|monto|valor|balance",
	"due|due_date|vencimiento|fecha_vencimiento",
	"number|numero|factura|referencia|reference|document|documento",
	"currency|moneda",
};

typedef struct orow {
	long line;
	opening_in in;
} orow;

typedef struct oimport {
	ctl *c;
	csvclient_result *r;
	const char *name;
	int map[CSV_MAX_FIELDS > 64 ? 64 : CSV_MAX_FIELDS];
	int nfields, have[NCOLS], item;
	orow *rows;
	size_t n, cap;
	long bad;
	int nomem;
} oimport;

static void add_msg(oimport *im, long line, const char *text)
{
	im->bad++;
	if (csvclient_list_add(&im->r->errors, line, text) != CART_OK)
		im->nomem = 1;
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

static int read_header(oimport *im, const csv_record *h)
{
	char w[64], text[300];

	if (h->n > 64) {
		add_msg(im, h->line, _("the header has more than 64 columns"));
		return -1;
	}
	im->nfields = h->n;
	for (int i = 0; i < h->n; i++) {
		int k;

		csvclient_fold(h->field[i], w, sizeof w);
		for (k = 0; k < NCOLS && !in_list(w, col_names[k]); k++)
			;
		if (k == NCOLS) {
			snprintf(text, sizeof text, _("column \"%s\" is not one cartera reads (client,"
			         " date, amount, due, number, currency)"), h->field[i]);
			add_msg(im, h->line, text);
			return -1;
		}
		if (im->have[k]) {
			snprintf(text, sizeof text, _("column \"%s\" is given twice"), h->field[i]);
			add_msg(im, h->line, text);
			return -1;
		}
		im->have[k] = 1;
		im->map[i] = k;
	}
	if (!im->have[COL_CLIENT] || !im->have[COL_DATE] || !im->have[COL_AMOUNT]) {
		add_msg(im, h->line, _("the header must name the columns client, date and amount"));
		return -1;
	}
	im->item = im->have[COL_DUE] || im->have[COL_NUMBER];
	return 0;
}

/* Append a problem to a row's list, "; " between them. */
static void say(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void say(char *buf, size_t size, const char *fmt, ...)
{
	size_t used = strlen(buf);
	va_list ap;

	if (used && used + 2 < size) {
		memcpy(buf + used, "; ", 3);
		used += 2;
	}
	va_start(ap, fmt);
	vsnprintf(buf + used, size - used, fmt, ap);
	va_end(ap);
}

static void read_row(oimport *im, const csv_record *rec)
{
	const char *v[NCOLS] = { "", "", "", "", "", "" };
	money_fmt plain = { im->c->co.fmt.decimals, '.', '\0' };
	char problems[300] = "";
	orow row;
	client cl;
	cart_err e;

	if (rec->n != im->nfields) {
		char text[120];

		snprintf(text, sizeof text, P_("%d field where the header has %d",
		                               "%d fields where the header has %d", (unsigned long)rec->n),
		         rec->n, im->nfields);
		add_msg(im, rec->line, text);
		return;
	}
	for (int i = 0; i < rec->n; i++)
		v[im->map[i]] = rec->field[i];
	memset(&row, 0, sizeof row);
	row.line = rec->line;
	row.in.item = im->item;
	if (!*v[COL_CLIENT])
		say(problems, sizeof problems, "%s", _("the client is empty"));
	else if (ctl_client_ref(im->c, v[COL_CLIENT], &cl, &e) != CART_OK)
		say(problems, sizeof problems, "%s", e.msg);
	else
		row.in.client_id = cl.id;
	if (!*v[COL_DATE])
		say(problems, sizeof problems, "%s", _("the date is empty"));
	else if (ctl_date(v[COL_DATE], _("the date"), row.in.date, &e) != CART_OK)
		say(problems, sizeof problems, "%s", e.msg);
	if (money_parse(v[COL_AMOUNT], &plain, &row.in.amount, CART_IGNORED) != CART_OK &&
	    money_parse(v[COL_AMOUNT], &im->c->co.fmt, &row.in.amount, CART_IGNORED) != CART_OK)
		say(problems, sizeof problems, _("the amount \"%s\" is not an amount"), v[COL_AMOUNT]);
	else if (row.in.amount == 0)
		say(problems, sizeof problems, "%s", _("the amount is zero"));
	else if (im->item && row.in.amount < 0)
		say(problems, sizeof problems, "%s", _("an open item is a pending invoice: its amount must be more than zero"));
	if (*v[COL_DUE] && ctl_date(v[COL_DUE], _("the due date"), row.in.due_date, &e) != CART_OK)
		say(problems, sizeof problems, "%s", e.msg);
	if (strlen(v[COL_NUMBER]) >= sizeof row.in.reference)
		say(problems, sizeof problems, "%s", _("the number is too long"));
	snprintf(row.in.reference, sizeof row.in.reference, "%s", v[COL_NUMBER]);
	if (*v[COL_CURRENCY] && strlen(v[COL_CURRENCY]) != 3)
		say(problems, sizeof problems, _("the currency \"%s\" is not a three-letter code"), v[COL_CURRENCY]);
	snprintf(row.in.currency, sizeof row.in.currency, "%s", v[COL_CURRENCY]);
	if (problems[0]) {
		add_msg(im, rec->line, problems);
		return;
	}
	if (im->n == im->cap) {
		size_t cap = im->cap ? im->cap * 2 : 64;
		orow *r = realloc(im->rows, sizeof *r * cap);

		if (!r) {
			im->nomem = 1;
			return;
		}
		im->rows = r;
		im->cap = cap;
	}
	im->rows[im->n++] = row;
}

int csvopening_import(ctl *c, FILE *in, const char *name_for_messages, csvclient_result *r,
                      cart_err *e)
{
	oimport im;
	csv_reader *rd;
	csv_record rec;
	cart_err tmp;
	int got, header = 0, rc = CART_OK;

	memset(r, 0, sizeof *r);
	memset(&im, 0, sizeof im);
	im.c = c;
	im.r = r;
	im.name = name_for_messages && *name_for_messages ? name_for_messages : _("the file");
	if (!c->have_company)
		return cart_fail(e, CART_NOTFOUND, _("the ledger %s has no company settings yet: run"
		                 " 'cartera init' first"), c->path);
	if (!(rd = csv_open_file(in)))
		return cart_fail(e, CART_NOMEM, _("out of memory"));
	while (!im.nomem && (got = csv_next(rd, &rec, &tmp)) != 0) {
		if (got < 0) {
			const csv_error *ce = csv_last_error(rd);

			add_msg(&im, ce->line, ce->reason);
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
		read_row(&im, &rec);
	}
	csv_close(rd);
	if (im.nomem)
		rc = cart_fail(e, CART_NOMEM, _("%s: out of memory reading the file"), im.name);
	else if (im.bad)
		rc = cart_fail(e, CART_INVALID, P_("%s: %ld bad line; nothing was imported",
		                                   "%s: %ld bad lines; nothing was imported",
		                                   (unsigned long)im.bad), im.name, im.bad);
	else if (!header)
		rc = cart_fail(e, CART_INVALID, _("%s is empty: the first line must name the columns"
		               " (client, date, amount)"), im.name);
	if (rc != CART_OK) {
		free(im.rows);
		return rc;
	}
	if ((rc = ledger_begin(c->l, e)) != CART_OK) {
		free(im.rows);
		return rc;
	}
	for (size_t i = 0; i < im.n; i++) {
		posted p;

		if ((rc = ledger_opening_post(c->l, &im.rows[i].in, &p, e)) != CART_OK) {
			char why[sizeof e->msg];

			ledger_rollback(c->l);
			snprintf(why, sizeof why, "%s", e->msg);
			if (rc == CART_REFUSED || rc == CART_INVALID) {
				add_msg(&im, im.rows[i].line, why);
				rc = cart_fail(e, CART_INVALID, _("%s: 1 bad line; nothing was imported"),
				               im.name);
			} else {
				rc = cart_fail(e, rc, _("%s: line %ld: %s; nothing was imported"), im.name,
				               im.rows[i].line, why);
			}
			free(im.rows);
			return rc;
		}
	}
	rc = ledger_commit(c->l, e);
	if (rc != CART_OK)
		ledger_rollback(c->l);
	else
		r->imported = (long)im.n;
	free(im.rows);
	return rc;
}
