/* The proposal for one bank line: which client sent the money and which documents it pays, how
 * sure that is and why. The client comes from a tax id or a document number found in the line's
 * text, else from an open amount equal to the line's that only one document in the ledger has,
 * else from a client's name in the text. The documents: the ones the text names, or the charge or
 * instalment whose open amount equals the line's, else oldest first; what is left over stays a
 * credit in favour. Every lookup is an indexed query, so 20,000 lines take seconds at most. */
#include "config.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ledger_bank.h"
#include "ledger_bank_int.h"
#include "ledger_query.h"
#include "cartera/country.h"
#include "cartera/i18n.h"
#include "cartera/money.h"

enum { BY_NONE = 0, BY_DOC, BY_TAXID, BY_AMOUNT, BY_NAME };
enum { MAX_NAMED = 8, MAX_TOKENS = 32 };

typedef struct match {
	ledger *l;
	const company *co;
	int64_t client_id;
	int by;
	char found[128];         /* the tax id, number or name found */
	const char *where;       /* the field it was found in */
	int64_t named[MAX_NAMED];
	char named_no[MAX_NAMED][32];
	int n_named;
	int64_t amount_entry, amount_inst;   /* BY_AMOUNT: the one document with that open amount */
	char why[400];
} match;

static void why_add(match *m, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void why_add(match *m, const char *fmt, ...)
{
	size_t k = strlen(m->why);
	va_list ap;

	if (k && k + 2 < sizeof m->why) {
		memcpy(m->why + k, "; ", 3);
		k += 2;
	}
	va_start(ap, fmt);
	vsnprintf(m->why + k, sizeof m->why - k, fmt, ap);
	va_end(ap);
}

static void money_txt(const match *m, int64_t v, char *buf, size_t size)
{
	money_format(v, &m->co->fmt, buf, size);
}

/* ---- clients and documents named in the text ---- */

static int client_by_taxid(match *m, const char *id, int64_t *who, cart_err *e)
{
	static const char sql[] = "SELECT id FROM clients WHERE tax_id = ?1";
	sqlite3_stmt *s = lg_get(m->l, sql, e);
	int rc;

	*who = 0;
	if (!s)
		return e->code;
	lg_bind_text(s, 1, id);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW)
		*who = sqlite3_column_int64(s, 0);
	lg_finalize(m->l, s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CART_OK
		: lg_dberr(m->l, rc, _("looking up a tax id"), e);
}

static int doc_by_number(match *m, const char *number, int64_t *doc, int64_t *who,
                         char out[32], cart_err *e)
{
	static const char sql[] =
		"SELECT d.id, d.client_id, d.number FROM documents d WHERE d.number = ?1 AND d.type IN"
		" ('invoice', 'opening', 'journal') UNION ALL SELECT d.id, d.client_id, d.number FROM"
		" legal_numbers k JOIN documents d ON d.id = k.document_id WHERE k.number = ?1 AND d.type"
		" IN ('invoice', 'opening', 'journal') LIMIT 1";
	sqlite3_stmt *s = lg_get(m->l, sql, e);
	int rc;

	*doc = *who = 0;
	if (!s)
		return e->code;
	lg_bind_text(s, 1, number);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		*doc = sqlite3_column_int64(s, 0);
		*who = sqlite3_column_int64(s, 1);
		lg_copy(out, 32, sqlite3_column_text(s, 2));
	}
	lg_finalize(m->l, s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? CART_OK
		: lg_dberr(m->l, rc, _("looking up a document number"), e);
}

static void upper(char *dst, size_t size, const char *src)
{
	size_t k = 0;

	for (; *src && k + 1 < size; src++)
		dst[k++] = (char)toupper((unsigned char)*src);
	dst[k] = '\0';
}

static int is_tok(int c)
{
	return isalnum((unsigned char)c) || c == '-' || c == '.' || c == '/' || c == '_';
}

/* A tax id in a word: its digits (6 to 15 of them, dots and dashes aside), and without the last
 * digit when a dash sets it apart (a Colombian NIT's check digit); or a Mexican RFC as written. */
static int try_taxid(match *m, const char *w, int64_t *who, char found[64], cart_err *e)
{
	char digits[32], cand[2][32];
	size_t nd = 0, len = strlen(w);
	int letters = 0, other = 0, dash_dv = 0, nc = 0, rc;

	for (size_t i = 0; i < len; i++) {
		if (isdigit((unsigned char)w[i])) {
			if (nd + 1 < sizeof digits)
				digits[nd++] = w[i];
		} else if (isalpha((unsigned char)w[i])) {
			letters++;
		} else if (w[i] != '.' && w[i] != '-') {
			other++;
		}
	}
	digits[nd] = '\0';
	*who = 0;
	if (letters == 0 && !other && nd >= 6 && nd <= 15) {
		snprintf(cand[nc++], sizeof cand[0], "%s", digits);
		dash_dv = len >= 2 && w[len - 2] == '-' && isdigit((unsigned char)w[len - 1]);
		if (dash_dv)
			snprintf(cand[nc++], sizeof cand[0], "%.*s", (int)nd - 1, digits);
	} else if (letters >= 3 && letters <= 4 && !other && len >= 12 && len <= 13 && nd >= 6) {
		snprintf(cand[nc++], sizeof cand[0], "%.31s", w);    /* RFC */
	}
	for (int i = 0; i < nc; i++) {
		if ((rc = client_by_taxid(m, cand[i], who, e)) != CART_OK)
			return rc;
		if (*who) {
			snprintf(found, 64, "%s", cand[i]);
			return CART_OK;
		}
	}
	return CART_OK;
}

/* A document number in a word: as written (FAC-000812, a legal number F001-00001234), or letters
 * and digits in the series' shape (FAC812, FAC 812 -> FAC-000812). */
static int try_doc(match *m, const char *w, const char *next, int64_t *doc, int64_t *who,
                   char number[32], cart_err *e)
{
	char cand[3][48];
	int nc = 0, rc, nl = 0, nd = 0;
	size_t len = strlen(w);

	*doc = *who = 0;
	for (size_t i = 0; i < len; i++) {
		if (isalpha((unsigned char)w[i]))
			nl++;
		else if (isdigit((unsigned char)w[i]))
			nd++;
	}
	if (nl && nd && len < 32)
		snprintf(cand[nc++], sizeof cand[0], "%.47s", w);
	if (nl && nl <= 5 && isalpha((unsigned char)w[0])) {
		const char *p = w + nl;
		long v;

		if (nd == 0 && next && *next && strspn(next, "0123456789") == strlen(next) &&
		    strlen(next) <= 9)
			p = next;
		else if (*p == '-' || *p == '_')
			p++;
		if (strspn(w, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == (size_t)nl && *p &&
		    strspn(p, "0123456789") == strlen(p) && strlen(p) <= 9) {
			v = strtol(p, NULL, 10);
			snprintf(cand[nc++], sizeof cand[0], "%.*s-%06ld", nl, w, v);
		}
	}
	for (int i = 0; i < nc; i++) {
		if ((rc = doc_by_number(m, cand[i], doc, who, number, e)) != CART_OK)
			return rc;
		if (*doc)
			return CART_OK;
	}
	return CART_OK;
}

static int scan_field(match *m, const char *text, const char *where, int64_t *taxid_client,
                      char taxid_found[64], const char **taxid_where, cart_err *e)
{
	char up[512], words[MAX_TOKENS][64];
	int nw = 0, rc;

	upper(up, sizeof up, text);
	for (const char *p = up; *p && nw < MAX_TOKENS;) {
		size_t n;

		while (*p && !is_tok(*p))
			p++;
		n = 0;
		while (p[n] && is_tok(p[n]))
			n++;
		if (n) {
			/* trailing dots and dashes are punctuation, not part of the word */
			size_t k = n;

			while (k > 1 && (p[k - 1] == '.' || p[k - 1] == '-'))
				k--;
			snprintf(words[nw++], sizeof words[0], "%.*s", (int)(k < 63 ? k : 63), p);
		}
		p += n;
	}
	for (int i = 0; i < nw; i++) {
		int64_t doc, who;
		char number[32], found[64];

		if (!*taxid_client) {
			if ((rc = try_taxid(m, words[i], &who, found, e)) != CART_OK)
				return rc;
			if (who) {
				*taxid_client = who;
				snprintf(taxid_found, 64, "%s", found);
				*taxid_where = where;
				continue;
			}
		}
		if (m->n_named < MAX_NAMED) {
			if ((rc = try_doc(m, words[i], i + 1 < nw ? words[i + 1] : NULL, &doc, &who,
			                  number, e)) != CART_OK)
				return rc;
			if (doc) {
				int seen = 0;

				for (int j = 0; j < m->n_named; j++)
					seen |= m->named[j] == doc;
				if (seen)
					continue;
				if (!m->client_id) {
					m->client_id = who;
					m->by = BY_DOC;
					snprintf(m->found, sizeof m->found, "%s", number);
					m->where = where;
				}
				if (who == m->client_id || !m->client_id) {
					m->named[m->n_named] = doc;
					snprintf(m->named_no[m->n_named++], 32, "%s", number);
				}
			}
		}
	}
	return CART_OK;
}

/* ---- an open amount only one document has ---- */

static int by_amount(match *m, int64_t amount, const char *currency, cart_err *e)
{
	static const char charges[] = "SELECT e.id, e.client_id FROM entries e WHERE e.open = ?1"
		" AND e.currency = ?2 AND e.side = 'D' AND e.open > 0 AND e.n_inst = 0 LIMIT 2";
	static const char insts[] = "SELECT i.entry_id, i.client_id, i.id FROM instalments i WHERE"
		" i.open = ?1 AND i.currency = ?2 AND i.open > 0 LIMIT 2";
	const char *sql[2] = { charges, insts };
	int64_t entry = 0, who = 0, inst = 0;
	int n = 0, rc;

	for (int q = 0; q < 2 && n < 2; q++) {
		sqlite3_stmt *s = lg_get(m->l, sql[q], e);

		if (!s)
			return e->code;
		lg_bind_int(s, 1, amount);
		lg_bind_text(s, 2, currency);
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			n++;
			entry = sqlite3_column_int64(s, 0);
			who = sqlite3_column_int64(s, 1);
			inst = q ? sqlite3_column_int64(s, 2) : 0;
		}
		lg_finalize(m->l, s);
		if (rc != SQLITE_DONE)
			return lg_dberr(m->l, rc, _("looking up open amounts"), e);
	}
	if (n == 1) {
		m->client_id = who;
		m->by = BY_AMOUNT;
		m->amount_entry = entry;
		m->amount_inst = inst;
	}
	return CART_OK;
}

/* ---- a who's name in the text ---- */

/* Lower-case words of the name's key, one blank between them, the company-form words at the end
 * (S.A.S., Ltda., S.A. de C.V.) left out. */
static void name_core(const char *name, char *out, size_t size)
{
	static const char *const forms[] = { "sa", "sas", "s", "a", "ltda", "sac", "saa", "srl",
		"eirl", "cia", "de", "cv", "rl", "eu", "ltd", "inc", "llc", "y", "c", "v", NULL };
	char key[600];
	size_t k = 0;

	ledger_name_key(name, key, sizeof key);
	for (const char *p = key; *p && k + 1 < size; p++) {
		unsigned char ch = (unsigned char)*p;

		if (ch < 0x7f && !isalnum(ch)) {       /* 0x7f: the key's mark after an ñ */
			if (k && out[k - 1] != ' ')
				out[k++] = ' ';
		} else {
			out[k++] = (char)ch;
		}
	}
	while (k && out[k - 1] == ' ')
		k--;
	out[k] = '\0';
	for (;;) {
		char *last = strrchr(out, ' ');
		const char *w = last ? last + 1 : out;
		int form = 0;

		for (int i = 0; forms[i]; i++)
			form |= !strcmp(w, forms[i]);
		if (!form || !last)
			break;
		*last = '\0';
	}
}

/* The bank's own words, which start no client's name: no lookup for them. */
static int stop_word(const char *w, size_t n)
{
	static const char *const words[] = { "pago", "pagos", "abono", "transferencia", "transf",
		"consignacion", "deposito", "recibida", "recibido", "credito", "nit", "rut", "ruc",
		"rfc", "factura", "facturas", "fact", "ref", "referencia", "cliente", "dep", "trf",
		"ted", "doc", "en", "de", "del", "la", "el", "por", "para", "con", "cuenta", "ach",
		"spei", "pse", "nro", "num", "cuota", "saldo", "total", NULL };

	if (strspn(w, "0123456789") >= n)
		return 1;       /* a number */
	for (int i = 0; words[i]; i++)
		if (strlen(words[i]) == n && !strncmp(w, words[i], n))
			return 1;
	return 0;
}

static int by_name(match *m, const char *text, cart_err *e)
{
	static const char sql[] = "SELECT id, name FROM clients WHERE name_key >= ?1 AND name_key < ?2"
		" AND active = 1 ORDER BY name_key LIMIT 24";
	char hay[600], low[80], high[80];
	size_t best = 0;
	int rc;

	name_core(text, hay + 1, sizeof hay - 2);
	hay[0] = ' ';
	strcat(hay, " ");
	for (const char *p = hay + 1; *p; ) {
		const char *w2 = strchr(p, ' '), *end;
		size_t n;

		if (!w2 || !w2[1])
			break;
		end = strchr(w2 + 1, ' ');
		/* the first two words of the rest (one word when it is the last) */
		n = (size_t)((end ? end : w2) - p);
		if ((size_t)(w2 - p) >= 3 && n < sizeof low - 2 && !stop_word(p, (size_t)(w2 - p))) {
			sqlite3_stmt *s = lg_get(m->l, sql, e);

			snprintf(low, sizeof low, "%.*s", (int)n, p);
			snprintf(high, sizeof high, "%s", low);
			high[n - 1]++;
			if (!s)
				return e->code;
			lg_bind_text(s, 1, low);
			lg_bind_text(s, 2, high);
			while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
				char core[300], needle[304];
				const char *name = (const char *)sqlite3_column_text(s, 1);

				name_core(name, core, sizeof core);
				snprintf(needle, sizeof needle, " %s ", core);
				if (strlen(core) >= 4 && strlen(core) > best && strstr(hay, needle)) {
					best = strlen(core);
					m->client_id = sqlite3_column_int64(s, 0);
					m->by = BY_NAME;
					snprintf(m->found, sizeof m->found, "%s", name);
				}
			}
			lg_finalize(m->l, s);
			if (rc != SQLITE_DONE)
				return lg_dberr(m->l, rc, _("looking up client names"), e);
		}
		p = w2 + 1;
	}
	return CART_OK;
}

/* ---- the documents ---- */

typedef struct items {
	open_item *it;
	int64_t *take;           /* what the line pays of it[i] */
	int n, cap;
	const char *currency;
	const char *upto;        /* documents dated up to the line's date */
} items;

static int item_add(items *x, const open_item *it)
{
	for (int i = 0; i < x->n; i++)
		if (x->it[i].entry_id == it->entry_id && x->it[i].instalment_id == it->instalment_id)
			return i;
	if (x->n == x->cap) {
		int cap = x->cap ? x->cap * 2 : 16;
		open_item *p = realloc(x->it, sizeof *p * (size_t)cap);
		int64_t *t;

		if (!p)
			return -1;
		x->it = p;
		if (!(t = realloc(x->take, sizeof *t * (size_t)cap)))
			return -1;
		x->take = t;
		x->cap = cap;
	}
	x->it[x->n] = *it;
	x->take[x->n] = 0;
	return x->n++;
}

/* The open charges (not in instalments) and instalments of a client in the line's currency,
 * invoiced by the line's date, open now (the kept open amounts, through the open items'
 * indexes), oldest due first; %s: the extra condition. */
#define CHARGES_SQL(cond) \
	"SELECT e.id, 0, e.document_id, d.number, e.date, e.due_date, e.open, 0 FROM entries e" \
	" JOIN documents d ON d.id = e.document_id WHERE e.client_id = ?1 AND e.currency = ?2" \
	" AND e.side = 'D' AND e.open > 0 AND e.n_inst = 0 AND e.date <= ?3" cond \
	" ORDER BY e.due_date, e.date, e.id"
#define INSTS_SQL(cond) \
	"SELECT e.id, i.id, e.document_id, d.number, e.date, i.due_date, i.open, i.seq FROM" \
	" instalments i JOIN entries e ON e.id = i.entry_id JOIN documents d ON" \
	" d.id = e.document_id WHERE i.client_id = ?1 AND i.currency = ?2 AND i.open > 0" \
	" AND i.date <= ?3" cond " ORDER BY i.due_date, e.date, e.id, i.seq"
static const char *const walk_sql[2] = { CHARGES_SQL(""), INSTS_SQL("") };
static const char *const doc_sql[2] = { CHARGES_SQL(" AND e.document_id = ?4"),
	INSTS_SQL(" AND e.document_id = ?4") };
/* by the open amount first (bank_*_open_amount): a client with thousands of open documents
 * has few with the line's amount */
static const char *const exact_sql[2] = {
	"SELECT e.id, 0, e.document_id, d.number, e.date, e.due_date, e.open, 0 FROM entries e"
	" INDEXED BY bank_entries_open_amount JOIN documents d ON d.id = e.document_id"
	" WHERE e.open = ?4 AND e.currency = ?2 AND e.side = 'D' AND e.open > 0 AND"
	" e.client_id = ?1 AND e.n_inst = 0 AND e.date <= ?3 ORDER BY e.due_date, e.date, e.id",
	"SELECT e.id, i.id, e.document_id, d.number, e.date, i.due_date, i.open, i.seq FROM"
	" instalments i INDEXED BY bank_instalments_open_amount JOIN entries e ON"
	" e.id = i.entry_id JOIN documents d ON d.id = e.document_id WHERE i.open = ?4 AND"
	" i.currency = ?2 AND i.open > 0 AND i.client_id = ?1 AND i.date <= ?3"
	" ORDER BY i.due_date, e.date, e.id, i.seq" };

static void item_row(sqlite3_stmt *s, const items *x, open_item *it)
{
	memset(it, 0, sizeof *it);
	it->entry_id = sqlite3_column_int64(s, 0);
	it->instalment_id = sqlite3_column_int64(s, 1);
	it->doc_id = sqlite3_column_int64(s, 2);
	lg_copy(it->number, sizeof it->number, sqlite3_column_text(s, 3));
	lg_copy(it->date, sizeof it->date, sqlite3_column_text(s, 4));
	lg_copy(it->due_date, sizeof it->due_date, sqlite3_column_text(s, 5));
	it->open = it->amount = sqlite3_column_int64(s, 6);
	it->instalment_no = sqlite3_column_int(s, 7);
	it->side = 'D';
	snprintf(it->currency, sizeof it->currency, "%s", x->currency);
}

static int oldest_first(const void *a, const void *b)
{
	const open_item *x = a, *y = b;
	int c = strcmp(x->due_date, y->due_date);

	if (!c)
		c = strcmp(x->date, y->date);
	if (!c)
		c = x->entry_id < y->entry_id ? -1 : x->entry_id > y->entry_id;
	if (!c)
		c = x->instalment_no - y->instalment_no;
	return c;
}

/* Every row of the two queries (with arg ?4; at most max of each) added to x. */
static int load_rows(ledger *l, const char *const sql[2], int64_t client_id, int64_t arg, int max,
                     items *x, cart_err *e)
{
	for (int q = 0; q < 2; q++) {
		sqlite3_stmt *s = lg_get(l, sql[q], e);
		int rc, n = 0;

		if (!s)
			return e->code;
		lg_bind_int(s, 1, client_id);
		lg_bind_text(s, 2, x->currency);
		lg_bind_text(s, 3, x->upto);
		lg_bind_int(s, 4, arg);
		while (n < max && (rc = sqlite3_step(s)) == SQLITE_ROW) {
			open_item it;

			item_row(s, x, &it);
			n++;
			if (item_add(x, &it) < 0) {
				lg_finalize(l, s);
				return cart_fail(e, CART_NOMEM, _("out of memory"));
			}
		}
		lg_finalize(l, s);
		if (n < max && rc != SQLITE_DONE)
			return lg_dberr(l, rc, _("reading the open items"), e);
	}
	return CART_OK;
}

static void item_name(const open_item *it, char *buf, size_t size)
{
	if (it->instalment_no)
		snprintf(buf, size, "%s/%d", it->number, it->instalment_no);
	else
		snprintf(buf, size, "%s", it->number);
}

static int is_named(const match *m, const open_item *it)
{
	for (int j = 0; j < m->n_named; j++)
		if (m->named[j] == it->doc_id)
			return 1;
	return 0;
}

/* Pay oldest first from *left: the two queries walked side by side, stopping when it is
 * spent (a client with thousands of open invoices reads only the ones it pays). */
static int walk(match *m, int64_t client_id, items *x, int64_t *left, cart_err *e)
{
	sqlite3_stmt *s[2];
	open_item cur[2];
	int has[2], rc = CART_OK;

	for (int q = 0; q < 2; q++) {
		if (!(s[q] = lg_get(m->l, walk_sql[q], e))) {
			if (q)
				lg_finalize(m->l, s[0]);
			return e->code;
		}
		lg_bind_int(s[q], 1, client_id);
		lg_bind_text(s[q], 2, x->currency);
		lg_bind_text(s[q], 3, x->upto);
		has[q] = sqlite3_step(s[q]) == SQLITE_ROW;
		if (has[q])
			item_row(s[q], x, &cur[q]);
	}
	while (*left > 0 && (has[0] || has[1])) {
		int q = !has[0] ? 1 : !has[1] ? 0 : oldest_first(&cur[0], &cur[1]) <= 0 ? 0 : 1, i;

		if (!is_named(m, &cur[q])) {
			if ((i = item_add(x, &cur[q])) < 0) {
				rc = cart_fail(e, CART_NOMEM, _("out of memory"));
				break;
			}
			x->take[i] = cur[q].open < *left ? cur[q].open : *left;
			*left -= x->take[i];
		}
		has[q] = sqlite3_step(s[q]) == SQLITE_ROW;
		if (has[q])
			item_row(s[q], x, &cur[q]);
	}
	lg_finalize(m->l, s[0]);
	lg_finalize(m->l, s[1]);
	return rc;
}

/* What the line pays: x->take. *how: 2 when the amount is exactly the open amount of the named
 * documents or of one document, 1 when it pays whole documents oldest first, 0 otherwise; -1
 * when a client found by an amount has that document dated after the line (not what it pays). */
static int allocate(match *m, items *x, int64_t amount, int *how, cart_err *e)
{
	int64_t named_open = 0, left = amount;
	int exact = -1, rc;
	char a[40], b[40], name[48];

	*how = 0;
	for (int j = 0; j < m->n_named; j++)
		if ((rc = load_rows(m->l, doc_sql, m->client_id, m->named[j], 10000, x, e)) != CART_OK)
			return rc;
	qsort(x->it, (size_t)x->n, sizeof x->it[0], oldest_first);
	for (int i = 0; i < x->n; i++)
		named_open += x->it[i].open;
	if (x->n && named_open == amount) {
		char list[200] = "";

		for (int i = 0; i < x->n; i++)
			x->take[i] = x->it[i].open;
		for (int j = 0; j < m->n_named; j++)
			snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", j ? ", " : "",
			         m->named_no[j]);
		if (m->n_named == 1)
			why_add(m, _("amount equals %s's open amount"), list);
		else
			why_add(m, _("amount equals the open amounts of %s together"), list);
		*how = 2;
		return CART_OK;
	}
	for (int i = 0; i < x->n && exact < 0; i++)
		if (x->it[i].open == amount)
			exact = i;
	if (exact < 0) {
		int n0 = x->n;

		/* one charge or instalment of the client with exactly that open amount */
		if ((rc = load_rows(m->l, exact_sql, m->client_id, amount, 4, x, e)) != CART_OK)
			return rc;
		for (int i = n0; i < x->n; i++)
			if (m->by == BY_AMOUNT && x->it[i].entry_id == m->amount_entry &&
			    x->it[i].instalment_id == m->amount_inst)
				exact = i;
		if (exact < 0)
			for (int i = n0; i < x->n; i++)
				if (exact < 0 || oldest_first(&x->it[i], &x->it[exact]) < 0)
					exact = i;
		if (m->by == BY_AMOUNT && (exact < 0 || x->it[exact].entry_id != m->amount_entry ||
		                           x->it[exact].instalment_id != m->amount_inst)) {
			*how = -1;
			return CART_OK;
		}
	}
	if (exact >= 0) {
		for (int i = 0; i < x->n; i++)
			x->take[i] = i == exact ? amount : 0;
		item_name(&x->it[exact], name, sizeof name);
		if (m->by == BY_AMOUNT)
			why_add(m, _("amount equals %s's open amount, and no other open document's"), name);
		else
			why_add(m, _("amount equals %s's open amount"), name);
		*how = 2;
		return CART_OK;
	}
	/* the documents named first, then the others, oldest first */
	for (int i = 0; i < x->n; i++)
		x->take[i] = 0;
	for (int i = 0; i < x->n && left > 0; i++)
		if (is_named(m, &x->it[i])) {
			x->take[i] = x->it[i].open < left ? x->it[i].open : left;
			left -= x->take[i];
		}
	if (left > 0 && (rc = walk(m, m->client_id, x, &left, e)) != CART_OK)
		return rc;
	for (int i = 0; i < x->n; i++)
		if (x->take[i] && x->take[i] < x->it[i].open) {
			item_name(&x->it[i], name, sizeof name);
			money_txt(m, x->take[i], a, sizeof a);
			money_txt(m, x->it[i].open, b, sizeof b);
			why_add(m, _("pays part of %s (%s of %s open)"), name, a, b);
		}
	if (left > 0) {
		int any = 0;

		for (int i = 0; i < x->n; i++)
			any |= x->take[i] > 0;
		money_txt(m, left, a, sizeof a);
		if (any)
			why_add(m, _("%s left as a credit in favour"), a);
		else
			why_add(m, _("nothing open: all %s a credit in favour"), a);
		return CART_OK;
	}
	for (int i = 0; i < x->n; i++)
		if (x->take[i] && x->take[i] < x->it[i].open)
			return CART_OK;
	why_add(m, _("pays whole documents, oldest first"));
	*how = 1;
	return CART_OK;
}

/* What the proposal reads of a line (ledger_bank_line_get reads its proposal too). */
static int line_read(ledger *l, int64_t id, bank_line *o, cart_err *e)
{
	static const char sql[] = "SELECT date, amount, currency, description, reference, payer,"
		" state FROM bank_lines WHERE id = ?1";
	sqlite3_stmt *s = lg_get(l, sql, e);
	int rc;

	if (!s)
		return e->code;
	memset(o, 0, sizeof *o);
	lg_bind_int(s, 1, id);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		o->id = id;
		lg_copy(o->date, sizeof o->date, sqlite3_column_text(s, 0));
		o->amount = sqlite3_column_int64(s, 1);
		lg_copy(o->currency, sizeof o->currency, sqlite3_column_text(s, 2));
		lg_copy(o->description, sizeof o->description, sqlite3_column_text(s, 3));
		lg_copy(o->reference, sizeof o->reference, sqlite3_column_text(s, 4));
		lg_copy(o->payer, sizeof o->payer, sqlite3_column_text(s, 5));
		o->state = bank_state_parse((const char *)sqlite3_column_text(s, 6));
	}
	lg_finalize(l, s);
	if (rc == SQLITE_DONE)
		return cart_fail(e, CART_NOTFOUND, _("there is no bank line %lld"), (long long)id);
	return rc == SQLITE_ROW ? CART_OK : lg_dberr(l, rc, _("reading a bank line"), e);
}

int lg_bank_propose_one(ledger *l, int64_t line_id, int *kind, cart_err *e)
{
	static const char upd[] = "UPDATE bank_lines SET client_id = ?2, confidence = ?3, certain = ?4,"
		" why = ?5 WHERE id = ?1";
	static const char del[] = "DELETE FROM bank_line_docs WHERE line_id = ?1";
	static const char ins[] = "INSERT INTO bank_line_docs (line_id, seq, entry_id, instalment_id,"
		" amount) VALUES (?1, ?2, ?3, ?4, ?5)";
	bank_line ln;
	match m;
	items x = { NULL, NULL, 0, 0, NULL, NULL };
	int64_t taxid_client = 0;
	char taxid_found[64] = "";
	const char *taxid_where = NULL;
	const country_info *ci;
	int rc, conf = 0, certain = 0, seq = 0;
	sqlite3_stmt *s;

	memset(&m, 0, sizeof m);
	m.l = l;
	if ((rc = line_read(l, line_id, &ln, e)) != CART_OK)
		return rc;
	if (ln.state == BANK_ACCEPTED)
		return CART_OK;
	if (!(m.co = lg_company(l, e)))
		return e->code;
	ci = country_find(m.co->country);
	if (!(s = lg_get(l, del, e)))
		return e->code;
	lg_bind_int(s, 1, line_id);
	rc = sqlite3_step(s);
	lg_finalize(l, s);
	if (rc != SQLITE_DONE)
		return lg_dberr(l, rc, _("proposing a match"), e);

	if (strcmp(ln.currency, m.co->currency) && strcmp(ln.currency, m.co->currency2)) {
		why_add(&m, _("currency %s is not one the company invoices in"), ln.currency);
		goto save;
	}
	if ((rc = scan_field(&m, ln.reference, _("the reference"), &taxid_client, taxid_found,
	                     &taxid_where, e)) ||
	    (rc = scan_field(&m, ln.description, _("the description"), &taxid_client, taxid_found,
	                     &taxid_where, e)) ||
	    (rc = scan_field(&m, ln.payer, _("the payer's details"), &taxid_client, taxid_found,
	                     &taxid_where, e)))
		return rc;
	if (taxid_client && taxid_client != m.client_id) {
		/* the tax id says who paid; documents of another who named in the text are not
		 * this who's */
		m.client_id = taxid_client;
		m.n_named = 0;
	}
	if (taxid_client) {
		m.by = BY_TAXID;
		why_add(&m, _("%s %s in %s"), ci && ci->tax_id ? ci->tax_id : _("tax id"), taxid_found,
		        taxid_where);
		for (int j = 0; j < m.n_named; j++)
			why_add(&m, _("%s in the text"), m.named_no[j]);
	} else if (m.by == BY_DOC) {
		why_add(&m, _("%s in %s"), m.found, m.where);
	}
	if (!m.client_id && (rc = by_amount(&m, ln.amount, ln.currency, e)) != CART_OK)
		return rc;
	if (!m.client_id || m.by == BY_AMOUNT) {
		/* a name in the text says who paid better than an amount that happens to be open */
		match n = m;
		char text[700];

		n.client_id = 0;
		snprintf(text, sizeof text, "%s %s %s", ln.description, ln.reference, ln.payer);
		if ((rc = by_name(&n, text, e)) != CART_OK)
			return rc;
		if (n.client_id && n.client_id != m.client_id) {
			m = n;
			why_add(&m, _("the name %s in the text"), m.found);
		}
	}
	if (!m.client_id) {
		why_add(&m, _("no client found: no tax id, document number, single open amount or name"
		        " matches"));
		goto save;
	}
	x.currency = ln.currency;
	x.upto = ln.date;
	{
		int how;

		if ((rc = allocate(&m, &x, ln.amount, &how, e)) != CART_OK)
			goto out;
		if (how < 0) {  /* dated after the line: not what it pays */
			m.client_id = 0;
			m.by = BY_NONE;
			x.n = 0;
			why_add(&m, _("no client found: no tax id, document number, single open amount or"
			        " name matches"));
			goto save;
		}
		conf = m.by == BY_DOC ? 70 : m.by == BY_TAXID ? 60 : m.by == BY_AMOUNT ? 50 : 40;
		conf += how == 2 ? 30 : how == 1 ? 20 : 0;
		if (conf > 100)
			conf = 100;
		certain = how == 2 && (m.by == BY_DOC || m.by == BY_TAXID);
		if (certain)
			conf = 100;
	}
	for (int i = 0; i < x.n; i++) {
		if (!x.take[i])
			continue;
		if (!(s = lg_get(l, ins, e))) {
			rc = e->code;
			goto out;
		}
		lg_bind_int(s, 1, line_id);
		lg_bind_int(s, 2, ++seq);
		lg_bind_int(s, 3, x.it[i].entry_id);
		if (x.it[i].instalment_id)
			lg_bind_int(s, 4, x.it[i].instalment_id);
		else
			lg_bind_text(s, 4, NULL);
		lg_bind_int(s, 5, x.take[i]);
		rc = sqlite3_step(s);
		lg_finalize(l, s);
		if (rc != SQLITE_DONE) {
			rc = lg_dberr(l, rc, _("proposing a match"), e);
			goto out;
		}
	}
save:
	if (!(s = lg_get(l, upd, e))) {
		rc = e->code;
		goto out;
	}
	lg_bind_int(s, 1, line_id);
	if (m.client_id)
		lg_bind_int(s, 2, m.client_id);
	else
		lg_bind_text(s, 2, NULL);
	lg_bind_int(s, 3, conf);
	lg_bind_int(s, 4, certain);
	lg_bind_text(s, 5, m.why);
	rc = sqlite3_step(s);
	lg_finalize(l, s);
	rc = rc == SQLITE_DONE ? CART_OK : lg_dberr(l, rc, _("proposing a match"), e);
	if (kind)
		*kind = !m.client_id ? 0 : certain ? 2 : 1;
out:
	free(x.it);
	free(x.take);
	return rc;
}
