/* The follow-up report's extras: see ledger_fuextra.h. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ledger_fuextra.h"
#include "ledger_int.h"

typedef struct credit_sum {
	int64_t client_id;
	char currency[4];
	int64_t open;
} credit_sum;

typedef struct credit_acc {
	credit_sum *v;
	size_t n, cap;
	int nomem;
} credit_acc;

static int acc_item(int64_t client_id, const char *currency, char side, const char *due_date,
                    int64_t open, void *ud)
{
	credit_acc *a = ud;

	(void)due_date;
	if (side != 'C' || open == 0)
		return 0;
	if (a->n == a->cap) {
		size_t cap = a->cap ? a->cap * 2 : 256;
		credit_sum *v = realloc(a->v, sizeof *v * cap);

		if (!v) {
			a->nomem = 1;
			return 1;
		}
		a->v = v;
		a->cap = cap;
	}
	a->v[a->n].client_id = client_id;
	snprintf(a->v[a->n].currency, sizeof a->v[a->n].currency, "%s", currency ? currency : "");
	a->v[a->n].open = open;
	a->n++;
	return 0;
}

static int cmp_credit(const void *x, const void *y)
{
	const credit_sum *a = x, *b = y;

	if (a->client_id != b->client_id)
		return (a->client_id > b->client_id) - (a->client_id < b->client_id);
	return strcmp(a->currency, b->currency);
}

int ledger_client_credits(ledger *l, const char *asof, int64_t client_id, client_credit_cb cb,
                          void *ud, cart_err *e)
{
	static const char now_sql[] =
		"SELECT client_id, currency, sum(open) FROM entries INDEXED BY entries_credits"
		" WHERE side = 'C' AND open <> 0 AND date <= ?1 AND client_id BETWEEN ?2 AND ?3"
		" GROUP BY client_id, currency ORDER BY client_id, currency";
	credit_acc a = { NULL, 0, 0, 0 };
	sqlite3_stmt *s;
	int rc, now;

	if (lg_date(asof, _("the as-of date"), e) != CART_OK)
		return e->code;
	if ((rc = lg_asof_is_now(l, asof, &now, e)) != CART_OK)
		return rc;
	if (now) {
		if ((rc = lg_prepare(l, now_sql, &s)) != SQLITE_OK)
			return lg_dberr(l, rc, _("reading the credits in favour"), e);
		lg_bind_text(s, 1, asof);
		lg_bind_int(s, 2, client_id ? client_id : 0);
		lg_bind_int(s, 3, client_id ? client_id : INT64_MAX);
		while ((rc = sqlite3_step(s)) == SQLITE_ROW)
			if (cb(sqlite3_column_int64(s, 0), (const char *)sqlite3_column_text(s, 1),
			       sqlite3_column_int64(s, 2), ud))
				break;
		lg_finalize(l, s);
		if (rc != SQLITE_DONE && rc != SQLITE_ROW)
			return lg_dberr(l, rc, _("reading the credits in favour"), e);
		return CART_OK;
	}
	/* as of a past date: the open items then, the credits among them summed */
	rc = lg_items_asof(l, asof, client_id, acc_item, &a, e);
	if (rc == CART_OK && a.nomem)
		rc = cart_fail(e, CART_NOMEM, _("out of memory"));
	if (rc == CART_OK && a.n) {
		size_t k = 0;

		qsort(a.v, a.n, sizeof *a.v, cmp_credit);
		for (size_t i = 1; i < a.n; i++) {
			if (!cmp_credit(&a.v[k], &a.v[i]))
				a.v[k].open += a.v[i].open;
			else
				a.v[++k] = a.v[i];
		}
		for (size_t i = 0; i <= k; i++)
			if (cb(a.v[i].client_id, a.v[i].currency, a.v[i].open, ud))
				break;
	}
	free(a.v);
	return rc;
}

/* The clients in id order beside their persons in (client, position, id) order, merged here: a
 * query looking up each client's first person (a correlated subquery, 50,000 index searches)
 * had cost twice the two scans (issue 17). What each gives is the SQL's
 *   who = p.name, phone = coalesce(nullif(p.phone, ''), nullif(p.mobile, ''),
 *   nullif(c.phone, ''), c.mobile), email = coalesce(nullif(p.email, ''), c.email)
 * of the client c and its first person p (NULL when none); every column is NOT NULL. */
int ledger_client_contacts(ledger *l, int64_t client_id, client_contact_cb cb, void *ud,
                           cart_err *e)
{
	static const char clients_sql[] =
		"SELECT id, phone, mobile, email FROM clients WHERE id BETWEEN ?1 AND ?2 ORDER BY id";
	static const char persons_sql[] =
		"SELECT client_id, name, phone, mobile, email FROM client_persons"
		" WHERE client_id BETWEEN ?1 AND ?2 ORDER BY client_id, position, id";
	sqlite3_stmt *c, *p;
	int rc, prc, stop = 0;
	int64_t pid = -1;

	if ((rc = lg_prepare(l, clients_sql, &c)) != SQLITE_OK)
		return lg_dberr(l, rc, _("reading the clients' contacts"), e);
	if ((rc = lg_prepare(l, persons_sql, &p)) != SQLITE_OK) {
		lg_finalize(l, c);
		return lg_dberr(l, rc, _("reading the clients' contacts"), e);
	}
	lg_bind_int(c, 1, client_id ? client_id : 0);
	lg_bind_int(c, 2, client_id ? client_id : INT64_MAX);
	lg_bind_int(p, 1, client_id ? client_id : 0);
	lg_bind_int(p, 2, client_id ? client_id : INT64_MAX);
	prc = sqlite3_step(p);
	if (prc == SQLITE_ROW)
		pid = sqlite3_column_int64(p, 0);
	while (!stop && (rc = sqlite3_step(c)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(c, 0);
		const char *who = NULL, *phone, *email, *v;
		int has;

		/* the persons of clients before this one (none, the schema keeps them) */
		while (prc == SQLITE_ROW && pid < id)
			if ((prc = sqlite3_step(p)) == SQLITE_ROW)
				pid = sqlite3_column_int64(p, 0);
		has = prc == SQLITE_ROW && pid == id;
		phone = email = NULL;
		if (has) {
			who = (const char *)sqlite3_column_text(p, 1);
			if ((v = (const char *)sqlite3_column_text(p, 2)) && *v)
				phone = v;
			else if ((v = (const char *)sqlite3_column_text(p, 3)) && *v)
				phone = v;
			if ((v = (const char *)sqlite3_column_text(p, 4)) && *v)
				email = v;
		}
		if (!phone && (v = (const char *)sqlite3_column_text(c, 1)) && *v)
			phone = v;
		if (!phone)
			phone = (const char *)sqlite3_column_text(c, 2);
		if (!email)
			email = (const char *)sqlite3_column_text(c, 3);
		if (has || (phone && *phone) || (email && *email) ||
		    ((v = (const char *)sqlite3_column_text(c, 1)) && *v))
			stop = cb(id, who ? who : "", phone, email, ud);
		/* the rest of this client's persons */
		while (prc == SQLITE_ROW && pid == id)
			if ((prc = sqlite3_step(p)) == SQLITE_ROW)
				pid = sqlite3_column_int64(p, 0);
	}
	lg_finalize(l, c);
	lg_finalize(l, p);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return lg_dberr(l, rc, _("reading the clients' contacts"), e);
	if (prc != SQLITE_DONE && prc != SQLITE_ROW)
		return lg_dberr(l, prc, _("reading the clients' contacts"), e);
	return CART_OK;
}
