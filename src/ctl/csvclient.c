/* Clients to and from CSV: see include/cartera/csvclient.h. This file holds the columns and their
 * values, checking a header and a row, and the export; csvclient_import.c reads a whole file all
 * or nothing (src/ctl/csvclient_int.h between them). */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ctl/ctl_int.h"
#include "cartera/csv.h"
#include "cartera/ctl_clients.h"
#include "csvclient_int.h"
#include "cartera/i18n.h"
#include "cartera/outfile.h"

/* One list: the column, its name in the export's header, what it is called in messages, and the
 * header names an import takes for it (normalized: lower case, no accents, '_' between words). */
#define CLIENT_COLUMNS(X)                                                                       \
	X(ID,       "id",            N_("id"),            "id|codigo|code|numero|number|client_id|"    \
	                                               "id_cliente")                                 \
	X(NAME,     "name",          N_("name"),          "name|nombre|razon_social|"                  \
	                                               "nombre_o_razon_social|nombre_razon_social|" \
	                                               "cliente|client|business_name")               \
	X(TAX_ID,   "tax_id",        N_("tax id"),        "tax_id|taxid|tax_number|ruc|nit|rfc|cedula|" \
	                                               "dni|identificacion|numero_de_identificacion|" \
	                                               "numero_identificacion|documento|id_fiscal")  \
	X(DV,       "dv",            N_("DV"),            "dv|digito_de_verificacion|"                 \
	                                               "digito_verificacion|check_digit")           \
	X(TAXPAYER, "taxpayer_type", N_("taxpayer type"), "taxpayer_type|taxpayer|"                    \
	                                               "tipo_de_contribuyente|tipo_contribuyente|"  \
	                                               "tipo_de_persona|tipo_persona|persona")       \
	X(RECEIVER, "receiver_type", N_("receiver type"), "receiver_type|receiver|tipo_de_receptor|"   \
	                                               "tipo_receptor")                              \
	X(EMAIL,    "email",         N_("e-mail"),        "email|e_mail|mail|emails|correo|"           \
	                                               "correo_electronico")                         \
	X(PHONE,    "phone",         N_("phone"),         "phone|telefono|tel|telefono_fijo")           \
	X(MOBILE,   "mobile",        N_("mobile"),        "mobile|celular|movil|cel|cell")              \
	X(ADDRESS,  "address",       N_("address"),       "address|direccion|domicilio")                \
	X(LOCATION, "location",      N_("location"),      "location|ubicacion|localidad|ciudad|"       \
	                                               "municipio|distrito|corregimiento|provincia") \
	X(TERMS,    "terms_days",    N_("payment terms"), "terms_days|terms|payment_terms|plazo|"      \
	                                               "plazo_dias|dias|dias_de_credito|"           \
	                                               "dias_credito|dias_plazo")                    \
	X(LIMIT,    "credit_limit",  N_("credit limit"),  "credit_limit|limit|cupo|cupo_de_credito|"   \
	                                               "limite|limite_de_credito|limite_credito|"   \
	                                               "credito")                                    \
	X(CHARGE,   "charge_mode",   N_("charge mode"),   "charge_mode|modo_de_cobro|cobro")            \
	X(ACTIVE,   "active",        N_("active"),        "active|activo|estado|status")                \
	X(NOTES,    "notes",         N_("notes"),         "notes|notas|nota|observaciones|comentarios") \
	X(CURP,     "curp",          N_("CURP"),          "curp")

enum column {
#define X(id, header, label, aliases) COL_##id,
	CLIENT_COLUMNS(X)
#undef X
	NCOLS,
	COL_BLANK = -1      /* a header cell left empty: its values must be empty too */
};

static const struct column_info {
	const char *header, *label, *aliases;
} columns[NCOLS] = {
#define X(id, header, label, aliases) { header, label, aliases },
	CLIENT_COLUMNS(X)
#undef X
};

/* Values of the enumerations: what the export writes first, then what an import also takes. */
static const char *const taxpayer_values[] = {
	[TAXPAYER_NATURAL] = "natural|persona_natural|fisica|persona_fisica",
	[TAXPAYER_LEGAL] = "legal|juridica|persona_juridica|moral|persona_moral",
};
static const char *const receiver_values[] = {
	[RECEIVER_TAXPAYER] = "taxpayer|contribuyente",
	[RECEIVER_FINAL] = "final|final_consumer|consumidor_final|consumidor",
	[RECEIVER_GOVERNMENT] = "government|gobierno|gubernamental|entidad_gubernamental",
	[RECEIVER_FOREIGN] = "foreign|extranjero|exterior",
};
static const char *const charge_values[] = {
	[CHARGE_INVOICE] = "invoice|factura",
	[CHARGE_EXPENSES] = "expenses|gastos",
	[CHARGE_BOTH] = "both|ambos",
	[CHARGE_NONE] = "none|ninguno|nada",
};
static const char *const active_values[] = {
	[0] = "no|n|false|0|inactive|inactivo",
	[1] = "yes|y|si|s|true|1|active|activo",
};

/* The first word of a value list, as the export writes it. */
static void first_word(const char *list, char *buf, size_t size)
{
	size_t n = strcspn(list, "|");

	snprintf(buf, size, "%.*s", (int)n, list);
}

/* ---- text ---- */

/* Header names and enumeration values as compared: ASCII lower case, the accents of Spanish,
 * Portuguese and French letters dropped, every run of other characters one '_'. "Razón Social"
 * and "razon-social" both give "razon_social". */
static void fold(const char *in, char *out, size_t size)
{
	/* Latin-1 letters U+00E0..U+00FF (and their capitals, 0x20 lower) without accents; '_'
	 * where there is no plain letter. */
	static const char latin[] = "aaaaaa_ceeeeiiii" "_nooooo_ouuuuy_y";
	const unsigned char *p = (const unsigned char *)in;
	size_t j = 0;
	int gap = 0;

	if (!size)
		return;
	while (*p && j + 2 < size) {
		char ch = '_';

		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')) {
			ch = (char)*p++;
		} else if (*p >= 'A' && *p <= 'Z') {
			ch = (char)(*p++ - 'A' + 'a');
		} else if (*p == 0xC3 && p[1] >= 0x80 && p[1] <= 0xBF) {
			unsigned char b = p[1] | 0x20;

			ch = b >= 0xA0 ? latin[b - 0xA0] : '_';
			p += 2;
		} else {
			/* skip one whole character */
			p++;
			while ((*p & 0xC0) == 0x80)
				p++;
		}
		if (ch == '_') {
			gap = j > 0;
			continue;
		}
		if (gap)
			out[j++] = '_';
		gap = 0;
		out[j++] = ch;
	}
	out[j] = '\0';
}

void csvclient_fold(const char *in, char *out, size_t size)
{
	fold(in, out, size);
}

/* Is word one of the '|'-separated words of list? */
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

/* The index of the value list that holds text, or -1. */
static int pick(const char *text, const char *const *lists, int n)
{
	char w[64];

	fold(text, w, sizeof w);
	for (int i = 0; i < n; i++)
		if (in_list(w, lists[i]))
			return i;
	return -1;
}

/* Trim blanks around a field in place. */
char *csvc_trim(char *s)
{
	char *end;

	while (*s == ' ' || *s == '\t')
		s++;
	end = s + strlen(s);
	while (end > s && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r' || end[-1] == '\n'))
		end--;
	*end = '\0';
	while (*s == '\r' || *s == '\n')
		s++;
	return s;
}

/* ---- what is wrong with a row ---- */

void csvc_say(problems *p, const char *fmt, ...)
{
	size_t used = strlen(p->text);
	va_list ap;

	if (used + 3 >= sizeof p->text)
		return;
	if (p->n++)
		used += (size_t)snprintf(p->text + used, sizeof p->text - used, "; ");
	va_start(ap, fmt);
	vsnprintf(p->text + used, sizeof p->text - used, fmt, ap);
	va_end(ap);
}

/* ---- the header ---- */

/* Map each header cell to its column (COL_BLANK for an empty cell); problems go to p. */
void csvc_read_header(const csv_record *h, int *map, problems *p)
{
	int where[NCOLS];
	char unknown[200] = "";
	int n_unknown = 0;

	for (int k = 0; k < NCOLS; k++)
		where[k] = -1;
	for (int i = 0; i < h->n; i++) {
		char w[64];
		int col = COL_BLANK;

		fold(h->field[i], w, sizeof w);
		if (w[0]) {
			for (col = 0; col < NCOLS; col++)
				if (in_list(w, columns[col].aliases))
					break;
		}
		map[i] = col;
		if (col == NCOLS) {
			size_t used = strlen(unknown);

			if (used < sizeof unknown - 4)
				snprintf(unknown + used, sizeof unknown - used, "%s\"%.60s\"",
				         n_unknown ? ", " : "", csvc_trim(h->field[i]));
			n_unknown++;
		} else if (col >= 0 && where[col] >= 0) {
			csvc_say(p, _("columns %d and %d both give the %s"), where[col] + 1, i + 1,
			         _(columns[col].label));
		} else if (col >= 0) {
			where[col] = i;
		}
	}
	if (h->n == 1 && strchr(h->field[0], ';'))
		csvc_say(p, _("the columns are separated by ';': save the file as CSV with commas"
		         " (\"CSV UTF-8\")"));
	else if (n_unknown)
		csvc_say(p, P_("unknown column %s (use: id, name, tax_id, dv, taxpayer_type,"
		               " receiver_type, email, phone, mobile, address, location, terms_days,"
		               " credit_limit, charge_mode, active, notes)",
		               _("unknown columns %s (use: id, name, tax_id, dv, taxpayer_type,"
		               " receiver_type, email, phone, mobile, address, location, terms_days,"
		               " credit_limit, charge_mode, active, notes)"), (unsigned long)n_unknown),
		         unknown);
	if (where[COL_NAME] < 0 && !(h->n == 1 && strchr(h->field[0], ';')))
		csvc_say(p, _("there is no name column (name, nombre or razon social)"));
}

/* ---- one row ---- */

/* Fields kept to one line: a line break or control character there is a mistake. */
char *csvc_client_str(client *cl, int i, size_t *size)
{
	switch (i) {
	case S_TAX: *size = sizeof cl->tax_id; return cl->tax_id;
	case S_DV: *size = sizeof cl->dv; return cl->dv;
	case S_NAME: *size = sizeof cl->name; return cl->name;
	case S_LOCATION: *size = sizeof cl->location; return cl->location;
	case S_ADDRESS: *size = sizeof cl->address; return cl->address;
	case S_EMAIL: *size = sizeof cl->email; return cl->email;
	case S_PHONE: *size = sizeof cl->phone; return cl->phone;
	case S_MOBILE: *size = sizeof cl->mobile; return cl->mobile;
	case S_CURP: *size = sizeof cl->curp; return cl->curp;
	default: *size = sizeof cl->notes; return cl->notes;
	}
}

static int one_line(int col)
{
	return col != COL_ADDRESS && col != COL_NOTES;
}

static int has_control(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7F)
			return 1;
	return 0;
}

static void set_text(client *cl, int col, const char *v, problems *p)
{
	static const int slot[NCOLS] = {
		[COL_ID] = -1, [COL_NAME] = S_NAME, [COL_TAX_ID] = S_TAX, [COL_DV] = S_DV,
		[COL_TAXPAYER] = -1, [COL_RECEIVER] = -1, [COL_EMAIL] = S_EMAIL,
		[COL_PHONE] = S_PHONE, [COL_MOBILE] = S_MOBILE, [COL_ADDRESS] = S_ADDRESS,
		[COL_LOCATION] = S_LOCATION, [COL_TERMS] = -1, [COL_LIMIT] = -1, [COL_CHARGE] = -1,
		[COL_ACTIVE] = -1, [COL_NOTES] = S_NOTES, [COL_CURP] = S_CURP,
	};
	size_t size, n = strlen(v);
	char *dst = csvc_client_str(cl, slot[col], &size);

	if (n >= size) {
		csvc_say(p, _("the %s is too long (%zu bytes, at most %zu)"), _(columns[col].label), n,
		         size - 1);
		return;
	}
	if (one_line(col) && has_control(v)) {
		csvc_say(p, _("the %s holds a line break or a control character"), _(columns[col].label));
		return;
	}
	if (col == COL_EMAIL || col == COL_PHONE || col == COL_MOBILE) {
		cart_err e;

		if (ctl_client_contact_check(col == COL_EMAIL ? CF_EMAIL : CF_PHONE, v, &e)) {
			csvc_say(p, "%s", e.msg);
			return;
		}
	}
	memcpy(dst, v, n + 1);
}

static int parse_terms(const char *v, int *out)
{
	long n = 0;

	if (!*v)
		return 0;
	for (const char *s = v; *s; s++) {
		if (*s < '0' || *s > '9' || n > 3650)
			return 0;
		n = n * 10 + (*s - '0');
	}
	if (n > 3650)
		return 0;
	*out = (int)n;
	return 1;
}

/* Plain amounts (1500000.00) as the export writes them, else the company's own format. */
static int parse_limit(const ctl *c, const char *v, int64_t *out)
{
	money_fmt plain = { c->co.fmt.decimals, '.', '\0' };

	return money_parse(v, &plain, out, CART_IGNORED) == CART_OK ||
	       money_parse(v, &c->co.fmt, out, CART_IGNORED) == CART_OK;
}

/* Check one data row and turn it into a client; problems say what is wrong. */
void csvc_read_row(ctl *c, const csv_record *rec, const int *map, client *cl, problems *p,
                   taxid_check *tc)
{
	const char *val[NCOLS];
	int k;

	client_defaults(cl);
	/* legal with a tax id, natural without: as `client add` (a legal person is registered) */
	cl->taxpayer_type = -2;
	memset(tc, 0, sizeof *tc);
	for (k = 0; k < NCOLS; k++)
		val[k] = "";
	for (int i = 0; i < rec->n; i++) {
		char *v = csvc_trim(rec->field[i]);

		if (map[i] >= 0)
			val[map[i]] = v;
		else if (*v)
			csvc_say(p, _("column %d has a value but no name in the header"), i + 1);
	}
	for (k = 0; k < NCOLS; k++) {
		switch (k) {
		case COL_ID:
			break;
		case COL_TAXPAYER:
			if (*val[k] && (cl->taxpayer_type = pick(val[k], taxpayer_values, 2)) < 0)
				csvc_say(p, _("taxpayer type \"%.40s\" is not natural or legal"), val[k]);
			break;
		case COL_RECEIVER:
			if (*val[k] && (cl->receiver_type = pick(val[k], receiver_values, 4)) < 0)
				csvc_say(p, _("receiver type \"%.40s\" is not taxpayer, final, government or"
				         " foreign"), val[k]);
			break;
		case COL_CHARGE:
			if (*val[k] && (cl->charge_mode = pick(val[k], charge_values, 4)) < 0)
				csvc_say(p, _("charge mode \"%.40s\" is not invoice, expenses, both or none"),
				         val[k]);
			break;
		case COL_ACTIVE:
			if (*val[k] && (cl->active = pick(val[k], active_values, 2)) < 0)
				csvc_say(p, _("active \"%.40s\" is not yes or no"), val[k]);
			break;
		case COL_TERMS:
			if (*val[k] && !parse_terms(val[k], &cl->terms_days))
				csvc_say(p, _("payment terms \"%.40s\" are not a whole number of days from 0 to"
				         " 3650"), val[k]);
			break;
		case COL_LIMIT:
			if (!*val[k])
				break;
			if (!parse_limit(c, val[k], &cl->credit_limit))
				csvc_say(p, _("credit limit \"%.40s\" is not an amount (write it like"
				         " 1500000.00)"), val[k]);
			else if (cl->credit_limit < 0)
				csvc_say(p, _("credit limit \"%.40s\" is negative"), val[k]);
			break;
		default:
			set_text(cl, k, val[k], p);
		}
	}
	if (cl->taxpayer_type == -2)
		cl->taxpayer_type = cl->tax_id[0] ? TAXPAYER_LEGAL : TAXPAYER_NATURAL;
	if (!*val[COL_NAME])
		csvc_say(p, _("the name is missing"));
	if (cl->taxpayer_type < 0 || cl->receiver_type < 0)
		return;
	if (!cl->tax_id[0]) {
		if (cl->dv[0])
			csvc_say(p, _("a DV without a tax id"));
		else if (cl->receiver_type == RECEIVER_TAXPAYER)
			csvc_say(p, _("a taxpayer client needs a tax id (or make it a final consumer)"));
		return;
	}
	if (taxid_validate(c->co.country, cl->taxpayer_type, cl->receiver_type == RECEIVER_FOREIGN,
	                   cl->tax_id, cl->dv, tc) != CART_OK) {
		csvc_say(p, _("%s"), tc->message);
		cl->tax_id[0] = '\0';
		return;
	}
	snprintf(cl->tax_id, sizeof cl->tax_id, "%s", tc->normalized);
	snprintf(cl->dv, sizeof cl->dv, "%s", tc->dv);
}

/* ---- export ---- */

typedef struct export_ctx {
	ctl *c;
	FILE *out;
	int64_t last;
	cart_err *e;
	int rc;
} export_ctx;

static int export_row(const client_row *cr, void *ud)
{
	export_ctx *x = ud;
	const client *cl = cr->c;
	char id[24], terms[16], limit[40], taxpayer[16], receiver[16], charge[16], active[8];
	const char *v[NCOLS];

	/* one row per client and currency: the client once */
	if (cl->id == x->last)
		return 0;
	x->last = cl->id;
	snprintf(id, sizeof id, "%lld", (long long)cl->id);
	snprintf(terms, sizeof terms, "%d", cl->terms_days);
	ctl_money_plain(x->c, cl->credit_limit, limit, sizeof limit);
	first_word(taxpayer_values[cl->taxpayer_type ? 1 : 0], taxpayer, sizeof taxpayer);
	first_word(receiver_values[cl->receiver_type >= 0 && cl->receiver_type <= 3 ?
	                           cl->receiver_type : 0], receiver, sizeof receiver);
	first_word(charge_values[cl->charge_mode >= 0 && cl->charge_mode <= 3 ? cl->charge_mode : 0],
	           charge, sizeof charge);
	first_word(active_values[cl->active ? 1 : 0], active, sizeof active);
	v[COL_ID] = id;
	v[COL_NAME] = cl->name;
	v[COL_TAX_ID] = cl->tax_id;
	v[COL_DV] = cl->dv;
	v[COL_TAXPAYER] = taxpayer;
	v[COL_RECEIVER] = receiver;
	v[COL_EMAIL] = cl->email;
	v[COL_PHONE] = cl->phone;
	v[COL_MOBILE] = cl->mobile;
	v[COL_ADDRESS] = cl->address;
	v[COL_LOCATION] = cl->location;
	v[COL_TERMS] = terms;
	v[COL_LIMIT] = limit;
	v[COL_CHARGE] = charge;
	v[COL_ACTIVE] = active;
	v[COL_NOTES] = cl->notes;
	v[COL_CURP] = cl->curp;
	x->rc = csv_write_record(x->out, v, NCOLS, x->e);
	return x->rc != CART_OK;
}

int csvclient_export(ctl *c, FILE *out, cart_err *e)
{
	export_ctx x = { c, out, -1, e, CART_OK };
	const char *head[NCOLS];
	int rc;

	for (int k = 0; k < NCOLS; k++)
		head[k] = columns[k].header;
	if ((rc = csv_write_record(out, head, NCOLS, e)) != CART_OK)
		return rc;
	rc = ledger_client_list(c->l, NULL, 0, 0, export_row, &x, e);
	if (rc != CART_OK)
		return rc;
	if (x.rc != CART_OK)
		return x.rc;
	if (fflush(out) != 0 || ferror(out))
		return cart_fail(e, CART_IO, _("cannot write the clients' CSV"));
	return CART_OK;
}

/* Through a private temporary file renamed into place (outfile.h), as every output is. */
int csvclient_export_file(ctl *c, const char *path, int replace, long *n, cart_err *e)
{
	outfile of;
	FILE *out;
	int rc;
	int64_t count = 0;

	if (n)
		*n = 0;
	if ((rc = outfile_begin(&of, path, replace ? OUTFILE_FORCE : 0, e)) != CART_OK)
		return rc;
	if (!(out = outfile_fopen(&of))) {
		rc = cart_fail(e, CART_IO, _("cannot write %s: %s"), path, strerror(errno));
		outfile_abort(&of);
		return rc;
	}
	rc = csvclient_export(c, out, e);
	if (fclose(out) != 0 && rc == CART_OK)
		rc = cart_fail(e, CART_IO, _("cannot write %s: %s"), path, strerror(errno));
	if (rc == CART_OK)
		rc = outfile_commit(&of, e);
	else
		outfile_abort(&of);
	if (rc == CART_OK && n && ledger_client_count(c->l, "", &count, e) == CART_OK)
		*n = (long)count;
	return rc;
}
