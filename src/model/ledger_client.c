/* Clients in the ledger: add, fetch, find by reference, list with balances. */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cartera/contact.h"
#include "ledger_int.h"
#include "cartera/text.h"
#include "cartera/i18n.h"

void client_defaults(client *c)
{
	memset(c, 0, sizeof *c);
	c->receiver_type = RECEIVER_TAXPAYER;
	c->taxpayer_type = 0;
	c->terms_days = 30;
	c->charge_mode = CHARGE_INVOICE;
	c->active = 1;
}

static void client_from_row(sqlite3_stmt *s, int col, client *c)
{
	memset(c, 0, sizeof *c);
	c->id = sqlite3_column_int64(s, col + 0);
	c->receiver_type = sqlite3_column_int(s, col + 1);
	c->taxpayer_type = sqlite3_column_int(s, col + 2);
	lg_copy(c->tax_id, sizeof c->tax_id, sqlite3_column_text(s, col + 3));
	lg_copy(c->dv, sizeof c->dv, sqlite3_column_text(s, col + 4));
	lg_copy(c->name, sizeof c->name, sqlite3_column_text(s, col + 5));
	lg_copy(c->location, sizeof c->location, sqlite3_column_text(s, col + 6));
	lg_copy(c->address, sizeof c->address, sqlite3_column_text(s, col + 7));
	lg_copy(c->email, sizeof c->email, sqlite3_column_text(s, col + 8));
	lg_copy(c->phone, sizeof c->phone, sqlite3_column_text(s, col + 9));
	lg_copy(c->mobile, sizeof c->mobile, sqlite3_column_text(s, col + 10));
	c->terms_days = sqlite3_column_int(s, col + 11);
	c->credit_limit = sqlite3_column_int64(s, col + 12);
	c->charge_mode = sqlite3_column_int(s, col + 13);
	lg_copy(c->notes, sizeof c->notes, sqlite3_column_text(s, col + 14));
	c->active = sqlite3_column_int(s, col + 15);
	lg_copy(c->opening_date, sizeof c->opening_date, sqlite3_column_text(s, col + 16));
	lg_copy(c->curp, sizeof c->curp, sqlite3_column_text(s, col + 17));
}

static void client_read(sqlite3_stmt *s, void *c)
{
	client_from_row(s, 0, c);
}

#define CLIENT_COLS \
	"c.id, c.receiver_type, c.taxpayer_type, c.tax_id, c.dv, c.name, c.location, c.address," \
	" c.email, c.phone, c.mobile, c.terms_days, c.credit_limit, c.charge_mode, c.notes," \
	" c.active, coalesce(c.opening_date, ''), c.curp"

static const char client_get_sql[] =
		"SELECT id, receiver_type, taxpayer_type, tax_id, dv, name, location, address, email,"
		" phone, mobile, terms_days, credit_limit, charge_mode, notes, active,"
		" coalesce(opening_date, ''), curp FROM clients WHERE id = ?1";

int ledger_client_get(ledger *l, int64_t id, client *c, cart_err *e)
{
	sqlite3_stmt *s = lg_get(l, client_get_sql, e);
	int rc;

	if (!s)
		return e->code;
	lg_bind_int(s, 1, id);
	if ((rc = lg_row(l, s, client_read, c, _("reading a client"), e)) == CART_NOTFOUND)
		return cart_fail(e, CART_NOTFOUND, _("there is no client number %lld"), (long long)id);
	return rc;
}

/* Every address in an e-mail field, split at commas, semicolons and blanks as the recipients are
 * (ledger_client_recipients), has the shape of one. Looser than the form, which also refuses a
 * dangling separator, so files written by earlier versions stay readable and editable. */
static int emails_ok(const char *s)
{
	char one[256];

	for (;;) {
		size_t n;

		s += strspn(s, ",; \t");
		if (!*s)
			return 1;
		n = strcspn(s, ",; \t");
		if (n >= sizeof one)
			return 0;
		memcpy(one, s, n);
		one[n] = '\0';
		if (!contact_email_valid(one))
			return 0;
		s += n;
	}
}

static int client_validate(const client *c, cart_err *e)
{
	const char *p = c->name;

	while (*p && isspace((unsigned char)*p))
		p++;
	if (!*p)
		return cart_fail(e, CART_INVALID, _("the client's name is empty"));
	if (text_check(c->name, TEXT_LIMIT(c->name), _("the client's name"), e) ||
	    text_check(c->tax_id, TEXT_LIMIT(c->tax_id), _("the tax id"), e) ||
	    text_check(c->location, TEXT_LIMIT(c->location), _("the location"), e) ||
	    text_check_lines(c->address, TEXT_LIMIT(c->address), _("the address"), e) ||
	    text_check(c->email, TEXT_LIMIT(c->email), _("the e-mail"), e) ||
	    text_check(c->phone, TEXT_LIMIT(c->phone), _("the phone"), e) ||
	    text_check(c->mobile, TEXT_LIMIT(c->mobile), _("the mobile"), e) ||
	    text_check(c->curp, TEXT_LIMIT(c->curp), _("the CURP"), e) ||
	    text_check_lines(c->notes, TEXT_LIMIT(c->notes), _("the notes"), e))
		return e->code;
	if (c->receiver_type < 0 || c->receiver_type > RECEIVER_FOREIGN)
		return cart_fail(e, CART_INVALID, _("receiver type %d is unknown"), c->receiver_type);
	if (c->taxpayer_type != 0 && c->taxpayer_type != 1)
		return cart_fail(e, CART_INVALID, _("taxpayer type %d is unknown"), c->taxpayer_type);
	if (c->terms_days < 0 || c->terms_days > 3650)
		return cart_fail(e, CART_INVALID, _("payment terms of %d days are out of range (0 to"
		                 " 3650)"), c->terms_days);
	if (c->credit_limit < 0 || c->credit_limit > MONEY_MAX)
		return cart_fail(e, CART_INVALID, _("the credit limit cannot be negative"));
	if (c->charge_mode < CHARGE_INVOICE || c->charge_mode > CHARGE_NONE)
		return cart_fail(e, CART_INVALID, _("charge mode %d is unknown"), c->charge_mode);
	/* The controllers check these first, with the same words; this is the rule itself. */
	if (!emails_ok(c->email))
		return cart_fail(e, CART_INVALID, _("the e-mail \"%s\" is not an e-mail address"
		                 " (name@domain.com)"), c->email);
	if (!contact_phone_valid(c->phone))
		return cart_fail(e, CART_INVALID, _("the phone \"%s\": digits, spaces and + - ( ) only"),
		                 c->phone);
	if (!contact_phone_valid(c->mobile))
		return cart_fail(e, CART_INVALID, _("the phone \"%s\": digits, spaces and + - ( ) only"),
		                 c->mobile);
	return CART_OK;
}

/* Refuse a tax id another client (not except_id) already has, naming that client. */
static int tax_id_free(ledger *l, const char *tax_id, int64_t except_id, cart_err *e)
{
	static const char sql[] =
		"SELECT id FROM clients WHERE tax_id = ?1 AND tax_id <> '' AND id <> ?2";
	sqlite3_stmt *s;
	client other;
	int64_t id = 0;
	int rc;

	if (!tax_id[0])
		return CART_OK;
	if ((rc = lg_prepare(l, sql, &s)) != SQLITE_OK)
		return lg_dberr(l, rc, _("checking the tax id"), e);
	lg_bind_text(s, 1, tax_id);
	lg_bind_int(s, 2, except_id);
	if (sqlite3_step(s) == SQLITE_ROW)
		id = sqlite3_column_int64(s, 0);
	lg_finalize(l, s);
	if (id && ledger_client_get(l, id, &other, CART_IGNORED) == CART_OK)
		return cart_fail(e, CART_CONFLICT, _("tax id %s already belongs to client %lld, %s"),
		                 tax_id, (long long)other.id, other.name);
	return CART_OK;
}

/* The record's fields, bound from parameter first on, in the order of CLIENT_FIELDS. */
#define CLIENT_FIELDS \
	"receiver_type, taxpayer_type, tax_id, dv, name, location, address, email, phone, mobile," \
	" terms_days, credit_limit, charge_mode, notes, active, name_key, search_key, curp"

static void bind_client(sqlite3_stmt *s, int first, const client *c)
{
	lg_bind_int(s, first + 0, c->receiver_type);
	lg_bind_int(s, first + 1, c->taxpayer_type);
	lg_bind_text(s, first + 2, c->tax_id);
	lg_bind_text(s, first + 3, c->dv);
	lg_bind_text(s, first + 4, c->name);
	lg_bind_text(s, first + 5, c->location);
	lg_bind_text(s, first + 6, c->address);
	lg_bind_text(s, first + 7, c->email);
	lg_bind_text(s, first + 8, c->phone);
	lg_bind_text(s, first + 9, c->mobile);
	lg_bind_int(s, first + 10, c->terms_days);
	lg_bind_int(s, first + 11, c->credit_limit);
	lg_bind_int(s, first + 12, c->charge_mode);
	lg_bind_text(s, first + 13, c->notes);
	lg_bind_int(s, first + 14, c->active ? 1 : 0);
	{
		char key[sizeof c->name];

		/* copied: the key is gone when the statement runs */
		ledger_name_key(c->name, key, sizeof key);
		sqlite3_bind_text(s, first + 15, key, -1, SQLITE_TRANSIENT);
		ledger_search_key(c->name, key, sizeof key);
		sqlite3_bind_text(s, first + 16, key, -1, SQLITE_TRANSIENT);
	}
	lg_bind_text(s, first + 17, c->curp);
}

int ledger_client_add(ledger *l, client *c, cart_err *e)
{
	static const char sql[] =
		"INSERT INTO clients (" CLIENT_FIELDS ")"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)";
	sqlite3_stmt *s;
	int rc;

	if ((rc = client_validate(c, e)) != CART_OK)
		return rc;
	if ((rc = lg_begin(l, e)) != CART_OK)
		return rc;
	if ((rc = tax_id_free(l, c->tax_id, 0, e)) != CART_OK) {
		lg_rollback(l);
		return rc;
	}
	if ((rc = lg_prepare(l, sql, &s)) != SQLITE_OK) {
		lg_dberr(l, rc, _("adding a client"), e);
		lg_rollback(l);
		return e->code;
	}
	bind_client(s, 1, c);
	rc = sqlite3_step(s);
	lg_finalize(l, s);
	if (rc != SQLITE_DONE) {
		lg_dberr(l, rc, _("adding a client"), e);
		lg_rollback(l);
		return e->code;
	}
	c->id = sqlite3_last_insert_rowid(l->db);
	c->opening_date[0] = '\0';
	if ((rc = lg_audit(l, "client add", 0, c->id, c->name, e)) != CART_OK) {
		lg_rollback(l);
		return rc;
	}
	return lg_commit(l, e);
}

static int all_digits(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return 0;
	return 1;
}

int ledger_client_find(ledger *l, const char *ref, client *c, cart_err *e)
{
	static const char by_tax[] =
		"SELECT id FROM clients WHERE tax_id = ?1 AND tax_id <> ''";
	static const char by_name[] =
		"SELECT id FROM clients WHERE name = ?1 COLLATE NOCASE LIMIT 2";
	static const char by_prefix[] =
		"SELECT id, name FROM clients WHERE name LIKE ?1 ESCAPE '\\' ORDER BY name LIMIT 4";
	sqlite3_stmt *s;
	int64_t ids[4];
	char names[3][64];
	char pattern[420];
	int n = 0, rc;
	size_t j = 0;

	if (!ref || !*ref)
		return cart_fail(e, CART_INVALID, _("no client given"));
	if (all_digits(ref) && strlen(ref) <= 12) {
		rc = ledger_client_get(l, strtoll(ref, NULL, 10), c, CART_IGNORED);
		if (rc == CART_OK)
			return CART_OK;
	}
	/* "890903938-8": a tax id with its DV, as lists print it */
	{
		const char *dash = strrchr(ref, '-');

		if (dash && dash > ref && dash[1] && strlen(dash + 1) <= 3) {
			static const char by_dv[] =
				"SELECT id FROM clients WHERE tax_id = ?1 AND dv = ?2 AND tax_id <> ''";
			char tax[64];

			snprintf(tax, sizeof tax, "%.*s", (int)(dash - ref), ref);
			rc = lg_prepare(l, by_dv, &s);
			if (rc != SQLITE_OK)
				return lg_dberr(l, rc, _("finding a client"), e);
			lg_bind_text(s, 1, tax);
			lg_bind_text(s, 2, dash + 1);
			if (sqlite3_step(s) == SQLITE_ROW)
				ids[n++] = sqlite3_column_int64(s, 0);
			lg_finalize(l, s);
		}
	}
	for (int pass = 0; pass < 3 && n == 0; pass++) {
		const char *sql = pass == 0 ? by_tax : pass == 1 ? by_name : by_prefix;

		rc = lg_prepare(l, sql, &s);
		if (rc != SQLITE_OK)
			return lg_dberr(l, rc, _("finding a client"), e);
		if (pass < 2) {
			lg_bind_text(s, 1, ref);
		} else {
			for (const char *p = ref; *p && j < sizeof pattern - 3; p++) {
				if (*p == '%' || *p == '_' || *p == '\\')
					pattern[j++] = '\\';
				pattern[j++] = *p;
			}
			pattern[j++] = '%';
			pattern[j] = '\0';
			lg_bind_text(s, 1, pattern);
		}
		while (n < 4 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
			if (n < 3 && pass == 2)
				snprintf(names[n], sizeof names[n], "%s", sqlite3_column_text(s, 1));
			ids[n++] = sqlite3_column_int64(s, 0);
		}
		lg_finalize(l, s);
		if (pass < 2 && n > 1)
			break;
	}
	if (n == 0)
		return cart_fail(e, CART_NOTFOUND, _("no client matches \"%s\" (give its number, tax id"
		                 " or name)"), ref);
	if (n > 1) {
		if (j)
			return cart_fail(e, CART_INVALID, _("\"%s\" matches several clients (%s; %s%s%s);"
			                 " give more of the name, the tax id or the number"), ref,
			                 names[0], names[1], n > 2 ? "; " : "", n > 2 ? names[2] : "");
		return cart_fail(e, CART_INVALID, _("\"%s\" matches several clients; give the tax id"
		                 " or the number"), ref);
	}
	return ledger_client_get(l, ids[0], c, e);
}

/* Clients filtered by a substring of name, tax id or phone, a page at a time. Each client's
 * balance comes from the covering index on entries, so a page costs the same however long the
 * list is. */
#define FOUND(x) x ".id IN (" LG_FIND_CLIENTS_PHONE("?1") ")"
/* one or two letters: tested on each row of the name index as it is walked (a page of such a
 * filter, which most clients match, is found near the start; no set of their ids is built) */
#define SHORT(x) "(instr(" x ".search_key, cartera_search_key(?1)) OR instr(" x ".tax_id, ?1)" \
	" OR instr(" x ".phone, ?1))"
#define SHORT_C SHORT("c")
#define PAGE_SQL(filt, order) \
	"SELECT " CLIENT_COLS " FROM clients c WHERE " filt \
	" ORDER BY " order " LIMIT ?2 OFFSET ?3"
#define PAGE_SQLS(filt) { \
	{ PAGE_SQL(filt, "c.name_key, c.id"), \
	  PAGE_SQL(filt, "c.name_key DESC, c.id DESC") }, \
	{ PAGE_SQL(filt, "c.tax_id, c.name_key, c.id"), \
	  PAGE_SQL(filt, "c.tax_id DESC, c.name_key DESC, c.id DESC") }, \
	{ PAGE_SQL(filt, "c.phone, c.name_key, c.id"), \
	  PAGE_SQL(filt, "c.phone DESC, c.name_key DESC, c.id DESC") } }

/* [filtered][order][desc]: a filter is looked up in the trigram index (LG_FIND_CLIENTS), and an
 * unfiltered list has no filter term at all, so its order is the index's */
static const char *const page_sqls[3][3][2] = { PAGE_SQLS("1"), PAGE_SQLS(FOUND("c")),
                                                PAGE_SQLS(SHORT_C) };

/* 0 no filter, 1 three letters or more (the trigram index), 2 fewer (row by row) */
static int filter_kind(const char *filter)
{
	char key[4 * 256 + 8];
	int n = 0;

	if (!filter || !*filter)
		return 0;
	ledger_search_key(filter, key, sizeof key);
	for (const unsigned char *p = (const unsigned char *)key; *p; p++)
		n += (*p & 0xc0) != 0x80;
	return n >= 3 ? 1 : 2;
}

/* each client's balance over all its entries, per currency: the kept balances (schema 018), one
 * primary-key range per client instead of its entries added up */
static const char bal_sql[] =
	"SELECT currency, charges - credits FROM balances WHERE client_id = ?1 ORDER BY currency";

int ledger_client_list(ledger *l, const char *filter, int offset, int limit, client_cb cb, void *ud,
                       cart_err *e)
{
	return ledger_client_list_sorted(l, filter, CLIENT_BY_NAME, 0, offset, limit, cb, ud, e);
}

/* Every client's kept balances at once, for a whole list: one read of the table in client
 * order instead of a lookup per client (issue 17). rows[first[id] .. first[id + 1]) are client
 * id's, in currency order. */
typedef struct all_bal {
	struct { char currency[4]; int64_t balance; } *rows;
	size_t n, cap;
	size_t *first;
	int64_t max;            /* clients 0 .. max */
} all_bal;

static int all_bal_read(ledger *l, all_bal *a)
{
	static const char sql[] =
		"SELECT client_id, currency, charges - credits FROM balances"
		" ORDER BY client_id, currency";
	sqlite3_stmt *s;
	int64_t *cid = NULL;
	int rc;

	memset(a, 0, sizeof *a);
	if (lg_prepare(l, sql, &s) != SQLITE_OK)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(s, 0);

		if (a->n == a->cap) {
			size_t cap = a->cap ? a->cap * 2 : 4096;
			void *r = realloc(a->rows, cap * sizeof *a->rows), *k;

			if (r)
				a->rows = r;
			if (!r || !(k = realloc(cid, cap * sizeof *cid))) {
				rc = SQLITE_NOMEM;
				break;
			}
			cid = k;
			a->cap = cap;
		}
		if (id < 0 || (a->n && id < cid[a->n - 1])) {
			rc = SQLITE_MISUSE;     /* not in client order: looked up one by one */
			break;
		}
		cid[a->n] = id;
		lg_copy(a->rows[a->n].currency, sizeof a->rows[0].currency, sqlite3_column_text(s, 1));
		a->rows[a->n++].balance = sqlite3_column_int64(s, 2);
	}
	lg_finalize(l, s);
	a->max = a->n ? cid[a->n - 1] : 0;
	if (rc == SQLITE_DONE && (uint64_t)a->max < SIZE_MAX / sizeof *a->first - 2 &&
	    (a->first = calloc((size_t)a->max + 2, sizeof *a->first))) {
		for (size_t i = 0, id = 0; id <= (size_t)a->max + 1; id++) {
			while (i < a->n && cid[i] < (int64_t)id)
				i++;
			a->first[id] = i;
		}
	}
	free(cid);
	if (!a->first) {
		free(a->rows);
		memset(a, 0, sizeof *a);
		return -1;
	}
	return 0;
}

int ledger_client_list_sorted(ledger *l, const char *filter, int order, int desc, int offset,
                              int limit, client_cb cb, void *ud, cart_err *e)
{
	sqlite3_stmt *s = NULL, *b = NULL;
	client c;
	client_row row;
	all_bal all = { 0 };
	int rc, stop = 0, have_all = 0;

	if (order < CLIENT_BY_NAME || order > CLIENT_BY_PHONE)
		return cart_fail(e, CART_INVALID, _("unknown client order %d"), order);
	rc = lg_prepare(l, page_sqls[filter_kind(filter)][order][desc ? 1 : 0], &s);
	if (rc == SQLITE_OK)
		rc = lg_prepare(l, bal_sql, &b);
	if (rc != SQLITE_OK) {
		lg_dberr(l, rc, _("listing clients"), e);
		goto out;
	}
	if (filter && *filter)
		lg_bind_text(s, 1, filter);
	lg_bind_int(s, 2, limit > 0 ? limit : -1);
	lg_bind_int(s, 3, offset > 0 ? offset : 0);
	/* the whole list reads every client row in name order, all over the table: mapped, not
	 * paged through the small cache (`client list` of 50,000 clients: 1.07 s -> see RESULTS) */
	if (limit <= 0) {
		lg_exec(l, "PRAGMA mmap_size = 1073741824", _("mapping the ledger"), CART_IGNORED);
		have_all = all_bal_read(l, &all) == 0;
	}
	while (!stop && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		int any = 0;

		client_from_row(s, 0, &c);
		row.c = &c;
		if (have_all) {
			if (c.id >= 0 && c.id <= all.max)
				for (size_t i = all.first[c.id]; i < all.first[c.id + 1] && !stop; i++) {
					memcpy(row.currency, all.rows[i].currency, sizeof row.currency);
					row.balance = all.rows[i].balance;
					any = 1;
					stop = cb(&row, ud);
				}
			if (!any && !stop) {
				row.currency[0] = '\0';
				row.balance = 0;
				stop = cb(&row, ud);
			}
			continue;
		}
		sqlite3_reset(b);
		lg_bind_int(b, 1, c.id);
		while (!stop && (rc = sqlite3_step(b)) == SQLITE_ROW) {
			lg_copy(row.currency, sizeof row.currency, sqlite3_column_text(b, 0));
			row.balance = sqlite3_column_int64(b, 1);
			any = 1;
			stop = cb(&row, ud);
		}
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			break;
		if (!any && !stop) {
			row.currency[0] = '\0';
			row.balance = 0;
			stop = cb(&row, ud);
		}
	}
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		lg_dberr(l, rc, _("listing clients"), e);
	else
		rc = SQLITE_OK;
out:
	lg_finalize(l, s);
	lg_finalize(l, b);
	free(all.rows);
	free(all.first);
	if (limit <= 0)
		lg_exec(l, "PRAGMA mmap_size = 0", _("unmapping the ledger"), CART_IGNORED);
	return rc == SQLITE_OK ? CART_OK : e->code;
}

/* "c comes before t" in each order of page_sqls: by the key, then the name, then the number. */
#define BEFORE_NAME(op) \
	"(c.name_key " op " t.name_key" \
	" OR (c.name_key = t.name_key AND c.id " op " t.id))"
#define BEFORE_KEY(key, op) \
	"(c." key " " op " t." key " OR (c." key " = t." key " AND " BEFORE_NAME(op) "))"
#define POSITION_SQL(filt, before) \
	"SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM clients t WHERE t.id = ?2 AND " filt("t") ")" \
	" THEN -1 ELSE (SELECT count(*) FROM clients c, clients t" \
	"  WHERE t.id = ?2 AND " filt("c") " AND " before ") END"
#define ALL(x) "1"
#define POSITION_SQLS(filt) { \
	{ POSITION_SQL(filt, BEFORE_NAME("<")), POSITION_SQL(filt, BEFORE_NAME(">")) }, \
	{ POSITION_SQL(filt, BEFORE_KEY("tax_id", "<")), \
	  POSITION_SQL(filt, BEFORE_KEY("tax_id", ">")) }, \
	{ POSITION_SQL(filt, BEFORE_KEY("phone", "<")), POSITION_SQL(filt, BEFORE_KEY("phone", ">")) } }

static const char *const position_sqls[3][3][2] = { POSITION_SQLS(ALL), POSITION_SQLS(FOUND),
                                                    POSITION_SQLS(SHORT) };

int ledger_client_position(ledger *l, const char *filter, int order, int desc, int64_t id,
                           int64_t *pos, cart_err *e)
{
	sqlite3_stmt *s;
	int rc;

	if (order < CLIENT_BY_NAME || order > CLIENT_BY_PHONE)
		return cart_fail(e, CART_INVALID, _("unknown client order %d"), order);
	if ((rc = lg_prepare(l, position_sqls[filter_kind(filter)][order][desc ? 1 : 0], &s)) != SQLITE_OK)
		return lg_dberr(l, rc, _("finding a client in the list"), e);
	if (filter && *filter)
		lg_bind_text(s, 1, filter);
	lg_bind_int(s, 2, id);
	rc = sqlite3_step(s);
	*pos = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : -1;
	lg_finalize(l, s);
	return rc == SQLITE_ROW ? CART_OK : lg_dberr(l, rc, _("finding a client in the list"), e);
}

int ledger_client_count(ledger *l, const char *filter, int64_t *n, cart_err *e)
{
	static const char *const sqls[3] = {
		"SELECT count(*) FROM clients",
		"SELECT count(*) FROM (" LG_FIND_CLIENTS_PHONE("?1") ")",
		"SELECT count(*) FROM clients c WHERE " SHORT_C,
	};
	sqlite3_stmt *s;
	int rc = lg_prepare(l, sqls[filter_kind(filter)], &s);

	if (rc != SQLITE_OK)
		return lg_dberr(l, rc, _("counting clients"), e);
	if (filter && *filter)
		lg_bind_text(s, 1, filter);
	rc = sqlite3_step(s);
	*n = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	lg_finalize(l, s);
	return rc == SQLITE_ROW ? CART_OK : lg_dberr(l, rc, _("counting clients"), e);
}

int ledger_client_update(ledger *l, const client *c, cart_err *e)
{
	/* opening_date is the opening balance's, never the form's: it is not in the SET list */
	static const char sql[] =
		"UPDATE clients SET (" CLIENT_FIELDS ") ="
		" (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19) WHERE id = ?1";
	sqlite3_stmt *s;
	client old;
	int rc;

	if ((rc = client_validate(c, e)) != CART_OK)
		return rc;
	if ((rc = lg_begin(l, e)) != CART_OK)
		return rc;
	if ((rc = ledger_client_get(l, c->id, &old, e)) != CART_OK ||
	    (rc = tax_id_free(l, c->tax_id, c->id, e)) != CART_OK) {
		lg_rollback(l);
		return rc;
	}
	if ((rc = lg_prepare(l, sql, &s)) != SQLITE_OK) {
		lg_dberr(l, rc, _("changing a client"), e);
		lg_rollback(l);
		return e->code;
	}
	if (l->bulk)
		lg_bulk_client_forget(l, c->id);
	lg_bind_int(s, 1, c->id);
	bind_client(s, 2, c);
	rc = sqlite3_step(s);
	lg_finalize(l, s);
	if (rc != SQLITE_DONE) {
		lg_dberr(l, rc, _("changing a client"), e);
		lg_rollback(l);
		return e->code;
	}
	if ((rc = lg_audit(l, "client edit", 0, c->id, c->name, e)) != CART_OK) {
		lg_rollback(l);
		return rc;
	}
	return lg_commit(l, e);
}
