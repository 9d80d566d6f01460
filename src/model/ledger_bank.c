/* Bank accounts, CSV profiles, bank lines and their states: see ledger_bank.h. The proposals are
 * worked out in ledger_bank_match.c. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "ledger_bank.h"
#include "ledger_bank_int.h"
#include "cartera/i18n.h"

static int step_done(ledger *l, sqlite3_stmt *s, const char *doing, cart_err *e)
{
	int rc = sqlite3_step(s);

	lg_finalize(l, s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return lg_dberr(l, rc, doing, e);
	return CART_OK;
}

int ledger_bank_account(ledger *l, const char *name, const char *number, const char *currency,
                        int create, int64_t *id, char name_out[64], cart_err *e)
{
	static const char by_name[] = "SELECT id, name FROM bank_accounts WHERE name = ?1";
	static const char by_number[] = "SELECT id, name FROM bank_accounts WHERE number = ?1"
		" ORDER BY id LIMIT 1";
	static const char insert_sql[] = "INSERT INTO bank_accounts (name, number, currency)"
		" VALUES (?1, ?2, ?3)";
	sqlite3_stmt *s;
	int rc, by_num = !name || !*name;
	const char *key = by_num ? (number ? number : "") : name;

	*id = 0;
	if (!*key)
		return cart_fail(e, CART_INVALID, _("say which bank account the statement is of"
		                 " (--account NAME)"));
	if (!(s = lg_get(l, by_num ? by_number : by_name, e)))
		return e->code;
	lg_bind_text(s, 1, key);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(s, 0);
		if (name_out)
			lg_copy(name_out, 64, sqlite3_column_text(s, 1));
	}
	lg_finalize(l, s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return lg_dberr(l, rc, _("looking up a bank account"), e);
	if (*id)
		return CART_OK;
	if (!create)
		return cart_fail(e, CART_NOTFOUND, _("there is no bank account \"%s\""), key);
	if ((rc = lg_begin(l, e)) != CART_OK)
		return rc;
	if (!(s = lg_get(l, insert_sql, e))) {
		lg_rollback(l);
		return e->code;
	}
	lg_bind_text(s, 1, key);
	lg_bind_text(s, 2, number ? number : "");
	lg_bind_text(s, 3, currency ? currency : "");
	if ((rc = step_done(l, s, _("adding a bank account"), e)) != CART_OK) {
		lg_rollback(l);
		return rc;
	}
	*id = sqlite3_last_insert_rowid(l->db);
	if (name_out)
		snprintf(name_out, 64, "%s", key);
	if ((rc = lg_audit(l, "bank account", 0, 0, key, e)) != CART_OK) {
		lg_rollback(l);
		return rc;
	}
	return lg_commit(l, e);
}

static void profile_read(sqlite3_stmt *s, void *out)
{
	bank_profile *p = out;
	const char *d = (const char *)sqlite3_column_text(s, 0);
	const char *ds = (const char *)sqlite3_column_text(s, 8);

	p->delimiter = d ? d[0] : ',';
	p->header = sqlite3_column_int(s, 1);
	p->date_col = sqlite3_column_int(s, 2);
	p->desc_col = sqlite3_column_int(s, 3);
	p->ref_col = sqlite3_column_int(s, 4);
	p->amount_col = sqlite3_column_int(s, 5);
	p->debit_col = sqlite3_column_int(s, 6);
	p->credit_col = sqlite3_column_int(s, 7);
	p->dec_sep = ds ? ds[0] : '.';
	lg_copy(p->date_format, sizeof p->date_format, sqlite3_column_text(s, 9));
}

int ledger_bank_profile_get(ledger *l, int64_t account_id, bank_profile *p, int *found, cart_err *e)
{
	static const char sql[] = "SELECT delimiter, header, date_col, desc_col, ref_col, amount_col,"
		" debit_col, credit_col, dec_sep, date_format FROM bank_csv_profiles WHERE account_id = ?1";
	sqlite3_stmt *s;
	int rc;

	memset(p, 0, sizeof *p);
	*found = 0;
	if (!(s = lg_get(l, sql, e)))
		return e->code;
	lg_bind_int(s, 1, account_id);
	rc = lg_row(l, s, profile_read, p, _("reading a bank account's CSV profile"), e);
	*found = rc == CART_OK;
	return rc == CART_NOTFOUND ? CART_OK : rc;
}

int ledger_bank_profile_set(ledger *l, int64_t account_id, const bank_profile *p, cart_err *e)
{
	static const char sql[] = "INSERT INTO bank_csv_profiles (account_id, delimiter, header,"
		" date_col, desc_col, ref_col, amount_col, debit_col, credit_col, dec_sep, date_format)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) ON CONFLICT (account_id) DO UPDATE"
		" SET delimiter = excluded.delimiter, header = excluded.header, date_col ="
		" excluded.date_col, desc_col = excluded.desc_col, ref_col = excluded.ref_col, amount_col"
		" = excluded.amount_col, debit_col = excluded.debit_col, credit_col = excluded.credit_col,"
		" dec_sep = excluded.dec_sep, date_format = excluded.date_format";
	sqlite3_stmt *s;
	char d[2] = { p->delimiter, 0 }, ds[2] = { p->dec_sep, 0 };
	int rc;

	if ((rc = bank_profile_check(p, e)) != CART_OK || (rc = lg_begin(l, e)) != CART_OK)
		return rc;
	if (!(s = lg_get(l, sql, e))) {
		lg_rollback(l);
		return e->code;
	}
	lg_bind_int(s, 1, account_id);
	lg_bind_text(s, 2, d);
	lg_bind_int(s, 3, p->header);
	lg_bind_int(s, 4, p->date_col);
	lg_bind_int(s, 5, p->desc_col);
	lg_bind_int(s, 6, p->ref_col);
	lg_bind_int(s, 7, p->amount_col);
	lg_bind_int(s, 8, p->debit_col);
	lg_bind_int(s, 9, p->credit_col);
	lg_bind_text(s, 10, ds);
	lg_bind_text(s, 11, p->date_format);
	if ((rc = step_done(l, s, _("saving a bank account's CSV profile"), e)) != CART_OK) {
		lg_rollback(l);
		return rc;
	}
	return lg_commit(l, e);
}

static int bank_add(ledger *l, int64_t account_id, const bank_line_in *in, int n,
                    const char *source, int *added, int64_t *first_id, int *proposed,
                    int *certain, cart_err *e);

int ledger_bank_add(ledger *l, int64_t account_id, const bank_line_in *in, int n, const char *source,
                    int *added, int64_t *first_id, int *proposed, int *certain, cart_err *e)
{
	int rc;

	int64_t cache = 0;

	*added = *proposed = *certain = 0;
	*first_id = 0;
	/* a statement's lookups go all over the ledger: a page cache of 64 MiB for them (SQLite's
	 * 2 MiB default rereads the same index pages from the file), put back after */
	if (n > 1000 && lg_scalar_int(l, "PRAGMA cache_size", 0, &cache, e) == CART_OK &&
	    cache > -65536 && cache < 65536)
		lg_exec(l, "PRAGMA cache_size = -65536; PRAGMA mmap_size = 1073741824",
		        _("sizing the page cache"), CART_IGNORED);
	else
		cache = 0;
	rc = bank_add(l, account_id, in, n, source, added, first_id, proposed, certain, e);
	if (cache) {
		char sql[64];

		snprintf(sql, sizeof sql, "PRAGMA cache_size = %lld; PRAGMA mmap_size = 0",
		         (long long)cache);
		lg_exec(l, sql, _("sizing the page cache"), CART_IGNORED);
	}
	return rc;
}

static int bank_add(ledger *l, int64_t account_id, const bank_line_in *in, int n,
                    const char *source, int *added, int64_t *first_id, int *proposed,
                    int *certain, cart_err *e)
{
	static const char sql[] = "INSERT INTO bank_lines (account_id, identity, date, amount, currency,"
		" description, reference, payer, source) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
		" ON CONFLICT (account_id, identity) DO NOTHING";
	char detail[300];
	int rc, kind;

	if ((rc = lg_begin(l, e)) != CART_OK)
		return rc;
	for (int i = 0; i < n; i++) {
		sqlite3_stmt *s = lg_get(l, sql, e);
		int64_t id;

		if (!s) {
			lg_rollback(l);
			return e->code;
		}
		lg_bind_int(s, 1, account_id);
		lg_bind_text(s, 2, in[i].ln->identity);
		lg_bind_text(s, 3, in[i].ln->date);
		lg_bind_int(s, 4, in[i].amount);
		lg_bind_text(s, 5, in[i].currency);
		lg_bind_text(s, 6, in[i].ln->description);
		lg_bind_text(s, 7, in[i].ln->reference);
		lg_bind_text(s, 8, in[i].ln->payer);
		lg_bind_text(s, 9, source ? source : "");
		if ((rc = step_done(l, s, _("adding a bank line"), e)) != CART_OK) {
			lg_rollback(l);
			return rc;
		}
		if (sqlite3_changes(l->db) == 0)
			continue;
		id = sqlite3_last_insert_rowid(l->db);
		if (!*first_id)
			*first_id = id;
		(*added)++;
		kind = 0;
		if ((rc = lg_bank_propose_one(l, id, &kind, e)) != CART_OK) {
			lg_rollback(l);
			return rc;
		}
		*proposed += kind > 0;
		*certain += kind == 2;
	}
	snprintf(detail, sizeof detail, "%d of %d lines from %s", *added, n, source ? source : "");
	if ((rc = lg_audit(l, "bank import", 0, 0, detail, e)) != CART_OK) {
		lg_rollback(l);
		return rc;
	}
	return lg_commit(l, e);
}

int ledger_bank_propose(ledger *l, int64_t line_id, cart_err *e)
{
	static const char waiting[] = "SELECT id FROM bank_lines WHERE state IN ('proposed', 'later')"
		" AND id > ?1 ORDER BY id LIMIT 1";
	int64_t last = 0;
	int rc;

	if ((rc = lg_begin(l, e)) != CART_OK)
		return rc;
	if (line_id) {
		rc = lg_bank_propose_one(l, line_id, NULL, e);
	} else {
		for (;;) {
			int64_t id = 0;

			if ((rc = lg_scalar_int(l, waiting, last, &id, e)) != CART_OK || !id)
				break;
			if ((rc = lg_bank_propose_one(l, id, NULL, e)) != CART_OK)
				break;
			last = id;
		}
	}
	if (rc != CART_OK) {
		lg_rollback(l);
		return rc;
	}
	return lg_commit(l, e);
}

#define LINE_COLS \
	"SELECT b.id, a.name, b.identity, b.date, b.amount, b.currency, b.description, b.reference," \
	" b.payer, b.state, coalesce(b.client_id, 0), coalesce(c.name, ''), coalesce(c.tax_id, '')," \
	" b.confidence, b.certain, b.why, coalesce(d.number, ''), (SELECT count(*) FROM" \
	" bank_line_docs x WHERE x.line_id = b.id), (SELECT coalesce(sum(x.amount), 0) FROM" \
	" bank_line_docs x WHERE x.line_id = b.id) FROM bank_lines b JOIN bank_accounts a ON" \
	" a.id = b.account_id LEFT JOIN clients c ON c.id = b.client_id LEFT JOIN documents d ON" \
	" d.id = b.receipt_id"

static void line_row(sqlite3_stmt *s, bank_line *o)
{
	memset(o, 0, sizeof *o);
	o->id = sqlite3_column_int64(s, 0);
	lg_copy(o->account, sizeof o->account, sqlite3_column_text(s, 1));
	lg_copy(o->identity, sizeof o->identity, sqlite3_column_text(s, 2));
	lg_copy(o->date, sizeof o->date, sqlite3_column_text(s, 3));
	o->amount = sqlite3_column_int64(s, 4);
	lg_copy(o->currency, sizeof o->currency, sqlite3_column_text(s, 5));
	lg_copy(o->description, sizeof o->description, sqlite3_column_text(s, 6));
	lg_copy(o->reference, sizeof o->reference, sqlite3_column_text(s, 7));
	lg_copy(o->payer, sizeof o->payer, sqlite3_column_text(s, 8));
	o->state = bank_state_parse((const char *)sqlite3_column_text(s, 9));
	o->client_id = sqlite3_column_int64(s, 10);
	lg_copy(o->client_name, sizeof o->client_name, sqlite3_column_text(s, 11));
	lg_copy(o->client_tax_id, sizeof o->client_tax_id, sqlite3_column_text(s, 12));
	o->confidence = sqlite3_column_int(s, 13);
	o->certain = sqlite3_column_int(s, 14);
	lg_copy(o->why, sizeof o->why, sqlite3_column_text(s, 15));
	lg_copy(o->receipt, sizeof o->receipt, sqlite3_column_text(s, 16));
	o->n_docs = sqlite3_column_int(s, 17);
	o->allocated = sqlite3_column_int64(s, 18);
}

static void line_read(sqlite3_stmt *s, void *out)
{
	line_row(s, out);
}

int ledger_bank_lines(ledger *l, int state, int only_unmatched, int64_t from_id, bank_line_cb cb,
                      void *ud, cart_err *e)
{
	static const char sql[] = LINE_COLS
		" WHERE (?1 IS NULL AND b.state IN ('proposed', 'later') OR b.state = ?1)"
		" AND (?2 = 0 OR b.client_id IS NULL) AND b.id >= ?3 ORDER BY b.date, b.id";
	sqlite3_stmt *s;
	int rc;

	if (!(s = lg_get(l, sql, e)))
		return e->code;
	lg_bind_text(s, 1, state < 0 ? NULL : bank_state_name(state));
	lg_bind_int(s, 2, only_unmatched);
	lg_bind_int(s, 3, from_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		bank_line ln;

		line_row(s, &ln);
		if (cb(&ln, ud)) {
			rc = SQLITE_DONE;
			break;
		}
	}
	lg_finalize(l, s);
	if (rc != SQLITE_DONE)
		return lg_dberr(l, rc, _("reading the bank lines"), e);
	return CART_OK;
}

int ledger_bank_line_get(ledger *l, int64_t id, bank_line *out, cart_err *e)
{
	static const char sql[] = LINE_COLS " WHERE b.id = ?1";
	sqlite3_stmt *s;
	int rc;

	if (!(s = lg_get(l, sql, e)))
		return e->code;
	lg_bind_int(s, 1, id);
	if ((rc = lg_row(l, s, line_read, out, _("reading a bank line"), e)) == CART_NOTFOUND)
		return cart_fail(e, CART_NOTFOUND, _("there is no bank line %lld"), (long long)id);
	return rc;
}

int ledger_bank_line_docs(ledger *l, int64_t id, bank_alloc *out, int max, int *n, cart_err *e)
{
	static const char sql[] = "SELECT x.entry_id, coalesce(x.instalment_id, 0),"
		" coalesce(i.seq, 0), d.number, x.amount FROM bank_line_docs x JOIN entries en ON"
		" en.id = x.entry_id JOIN documents d ON d.id = en.document_id LEFT JOIN instalments i"
		" ON i.id = x.instalment_id WHERE x.line_id = ?1 ORDER BY x.seq";
	sqlite3_stmt *s;
	int rc;

	*n = 0;
	if (!(s = lg_get(l, sql, e)))
		return e->code;
	lg_bind_int(s, 1, id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && *n < max) {
		bank_alloc *a = &out[(*n)++];

		memset(a, 0, sizeof *a);
		a->entry_id = sqlite3_column_int64(s, 0);
		a->instalment_id = sqlite3_column_int64(s, 1);
		a->instalment_no = sqlite3_column_int(s, 2);
		lg_copy(a->number, sizeof a->number, sqlite3_column_text(s, 3));
		a->amount = sqlite3_column_int64(s, 4);
	}
	lg_finalize(l, s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return lg_dberr(l, rc, _("reading a bank line's documents"), e);
	return CART_OK;
}

static int line_state(ledger *l, int64_t id, int *state, cart_err *e)
{
	bank_line ln;
	int rc = ledger_bank_line_get(l, id, &ln, e);

	*state = ln.state;
	if (rc == CART_OK && ln.state == BANK_ACCEPTED)
		return cart_fail(e, CART_REFUSED, _("bank line %lld was already accepted as %s"),
		                 (long long)id, ln.receipt);
	return rc;
}

int ledger_bank_set_state(ledger *l, int64_t id, int state, cart_err *e)
{
	static const char sql[] = "UPDATE bank_lines SET state = ?2 WHERE id = ?1";
	sqlite3_stmt *s;
	int rc, old;
	char detail[64];

	if (state == BANK_ACCEPTED || state < 0)
		return cart_fail(e, CART_INVALID, _("a bank line is accepted by posting its receipt"));
	if ((rc = lg_begin(l, e)) != CART_OK)
		return rc;
	if ((rc = line_state(l, id, &old, e)) != CART_OK || !(s = lg_get(l, sql, e))) {
		lg_rollback(l);
		return rc ? rc : e->code;
	}
	lg_bind_int(s, 1, id);
	lg_bind_text(s, 2, bank_state_name(state));
	if ((rc = step_done(l, s, _("changing a bank line"), e)) != CART_OK) {
		lg_rollback(l);
		return rc;
	}
	snprintf(detail, sizeof detail, "line %lld: %s", (long long)id, bank_state_name(state));
	if ((rc = lg_audit(l, "bank line", 0, 0, detail, e)) != CART_OK) {
		lg_rollback(l);
		return rc;
	}
	return lg_commit(l, e);
}

int ledger_bank_accepted(ledger *l, int64_t id, int64_t receipt_doc_id, cart_err *e)
{
	static const char sql[] = "UPDATE bank_lines SET state = 'accepted', receipt_id = ?2"
		" WHERE id = ?1";
	static const char again_sql[] = "SELECT id FROM bank_lines WHERE state IN ('proposed',"
		" 'later') AND id > ?2 AND client_id = (SELECT d.client_id FROM documents d WHERE d.id = ?1)"
		" ORDER BY id LIMIT 1";
	sqlite3_stmt *s;
	int64_t last = 0;
	int rc, old;
	char detail[64];

	if ((rc = lg_begin(l, e)) != CART_OK)
		return rc;
	if ((rc = line_state(l, id, &old, e)) != CART_OK || !(s = lg_get(l, sql, e))) {
		lg_rollback(l);
		return rc ? rc : e->code;
	}
	lg_bind_int(s, 1, id);
	lg_bind_int(s, 2, receipt_doc_id);
	if ((rc = step_done(l, s, _("accepting a bank line"), e)) != CART_OK) {
		lg_rollback(l);
		return rc;
	}
	for (;;) {
		int64_t other = 0;

		if (!(s = lg_get(l, again_sql, e))) {
			rc = e->code;
			break;
		}
		lg_bind_int(s, 1, receipt_doc_id);
		lg_bind_int(s, 2, last);
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW)
			other = sqlite3_column_int64(s, 0);
		lg_finalize(l, s);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
			rc = lg_dberr(l, rc, _("reading the bank lines"), e);
			break;
		}
		rc = CART_OK;
		if (!other || (rc = lg_bank_propose_one(l, other, NULL, e)) != CART_OK)
			break;
		last = other;
	}
	if (rc == CART_OK) {
		snprintf(detail, sizeof detail, "line %lld: accepted", (long long)id);
		rc = lg_audit(l, "bank line", receipt_doc_id, 0, detail, e);
	}
	if (rc != CART_OK) {
		lg_rollback(l);
		return rc;
	}
	return lg_commit(l, e);
}
