/* The persons associated with a client (SPEC C2): add, change, delete, list, replace them all at
 * once for the client form, and the addresses a client's statements and reminders go to. */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "cartera/i18n.h"
#include "cartera/contact.h"
#include "ledger_int.h"
#include "cartera/text.h"

void person_defaults(person *p)
{
	memset(p, 0, sizeof *p);
	p->notify = 1;
}

#define PERSON_COLS "id, client_id, name, role, email, phone, mobile, notify, position"

static void person_from_row(sqlite3_stmt *s, person *p)
{
	memset(p, 0, sizeof *p);
	p->id = sqlite3_column_int64(s, 0);
	p->client_id = sqlite3_column_int64(s, 1);
	lg_copy(p->name, sizeof p->name, sqlite3_column_text(s, 2));
	lg_copy(p->role, sizeof p->role, sqlite3_column_text(s, 3));
	lg_copy(p->email, sizeof p->email, sqlite3_column_text(s, 4));
	lg_copy(p->phone, sizeof p->phone, sqlite3_column_text(s, 5));
	lg_copy(p->mobile, sizeof p->mobile, sqlite3_column_text(s, 6));
	p->notify = sqlite3_column_int(s, 7);
	p->position = sqlite3_column_int(s, 8);
}

static void person_read(sqlite3_stmt *s, void *p)
{
	person_from_row(s, p);
}

/* What the schema would refuse, said in the clerk's words first. */
static int person_validate(const person *p, cart_err *e)
{
	const char *s = p->name;

	while (*s && isspace((unsigned char)*s))
		s++;
	if (!*s)
		return cart_fail(e, CART_INVALID, _("the person's name is empty"));
	if (text_check(p->name, TEXT_LIMIT(p->name), _("the person's name"), e) ||
	    text_check(p->role, TEXT_LIMIT(p->role), _("the person's role"), e) ||
	    text_check(p->email, TEXT_LIMIT(p->email), _("the person's e-mail"), e) ||
	    text_check(p->phone, TEXT_LIMIT(p->phone), _("the person's phone"), e) ||
	    text_check(p->mobile, TEXT_LIMIT(p->mobile), _("the person's mobile"), e))
		return e->code;
	if (p->notify != 0 && p->notify != 1)
		return cart_fail(e, CART_INVALID, _("notify must be 0 or 1, not %d"), p->notify);
	if (!contact_phone_valid(p->phone) || !contact_phone_valid(p->mobile))
		return cart_fail(e, CART_INVALID, _("the phone \"%s\": digits, spaces and + - ( ) only"),
		                 contact_phone_valid(p->phone) ? p->mobile : p->phone);
	return CART_OK;
}

int ledger_person_get(ledger *l, int64_t id, person *p, cart_err *e)
{
	static const char sql[] = "SELECT " PERSON_COLS " FROM client_persons WHERE id = ?1";
	sqlite3_stmt *s = lg_get(l, sql, e);
	int rc;

	if (!s)
		return e->code;
	lg_bind_int(s, 1, id);
	if ((rc = lg_row(l, s, person_read, p, _("reading a person"), e)) == CART_NOTFOUND)
		return cart_fail(e, CART_NOTFOUND, _("there is no person number %lld"), (long long)id);
	return rc;
}

int ledger_person_list(ledger *l, int64_t client_id, person *out, int max, int *n, cart_err *e)
{
	static const char sql[] =
		"SELECT " PERSON_COLS " FROM client_persons WHERE client_id = ?1"
		" ORDER BY position, id";
	sqlite3_stmt *s = lg_get(l, sql, e);
	int rc;

	*n = 0;
	if (!s)
		return e->code;
	lg_bind_int(s, 1, client_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && *n < max)
		person_from_row(s, &out[(*n)++]);
	lg_finalize(l, s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return lg_dberr(l, rc, _("listing a client's persons"), e);
	return CART_OK;
}

/* The client must exist; *count is how many persons it has and *next the position after the
 * last. */
static int client_persons_count(ledger *l, int64_t client_id, int64_t *count, int64_t *next,
                                 cart_err *e)
{
	static const char sql[] =
		"SELECT (SELECT count(*) FROM clients WHERE id = ?1),"
		" count(*), coalesce(max(position) + 1, 0) FROM client_persons WHERE client_id = ?1";
	sqlite3_stmt *s = lg_get(l, sql, e);
	int64_t exists = 0;
	int rc;

	if (!s)
		return e->code;
	lg_bind_int(s, 1, client_id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		exists = sqlite3_column_int64(s, 0);
		*count = sqlite3_column_int64(s, 1);
		*next = sqlite3_column_int64(s, 2);
	}
	lg_finalize(l, s);
	if (rc != SQLITE_ROW)
		return lg_dberr(l, rc, _("counting a client's persons"), e);
	if (!exists)
		return cart_fail(e, CART_NOTFOUND, _("there is no client number %lld"),
		                 (long long)client_id);
	return CART_OK;
}

static int insert_person(ledger *l, person *p, cart_err *e)
{
	static const char sql[] =
		"INSERT INTO client_persons (client_id, name, role, email, phone, mobile, notify,"
		" position) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
	sqlite3_stmt *s = lg_get(l, sql, e);
	int rc;

	if (!s)
		return e->code;
	lg_bind_int(s, 1, p->client_id);
	lg_bind_text(s, 2, p->name);
	lg_bind_text(s, 3, p->role);
	lg_bind_text(s, 4, p->email);
	lg_bind_text(s, 5, p->phone);
	lg_bind_text(s, 6, p->mobile);
	lg_bind_int(s, 7, p->notify);
	lg_bind_int(s, 8, p->position);
	rc = sqlite3_step(s);
	lg_finalize(l, s);
	if (rc != SQLITE_DONE)
		return lg_dberr(l, rc, _("adding a person"), e);
	p->id = sqlite3_last_insert_rowid(l->db);
	return CART_OK;
}

/* Change the fields (and the position when set_position) of person p->id of client
 * p->client_id; CART_NOTFOUND when there is no such person of that client. */
static int update_person(ledger *l, const person *p, int set_position, cart_err *e)
{
	static const char sql[] =
		"UPDATE client_persons SET name = ?3, role = ?4, email = ?5, phone = ?6, mobile = ?7,"
		" notify = ?8, position = CASE WHEN ?9 THEN ?10 ELSE position END"
		" WHERE id = ?1 AND client_id = ?2";
	sqlite3_stmt *s = lg_get(l, sql, e);
	int rc;

	if (!s)
		return e->code;
	lg_bind_int(s, 1, p->id);
	lg_bind_int(s, 2, p->client_id);
	lg_bind_text(s, 3, p->name);
	lg_bind_text(s, 4, p->role);
	lg_bind_text(s, 5, p->email);
	lg_bind_text(s, 6, p->phone);
	lg_bind_text(s, 7, p->mobile);
	lg_bind_int(s, 8, p->notify);
	lg_bind_int(s, 9, set_position);
	lg_bind_int(s, 10, p->position);
	rc = sqlite3_step(s);
	lg_finalize(l, s);
	if (rc != SQLITE_DONE)
		return lg_dberr(l, rc, _("changing a person"), e);
	if (sqlite3_changes(l->db) != 1)
		return cart_fail(e, CART_NOTFOUND, _("client %lld has no person number %lld"),
		                 (long long)p->client_id, (long long)p->id);
	return CART_OK;
}

/* End a write: audit and commit when rc is CART_OK, else roll back. */
static int finish(ledger *l, int rc, const char *action, int64_t client_id, const char *detail,
                  cart_err *e)
{
	if (rc == CART_OK)
		rc = lg_audit(l, action, 0, client_id, detail, e);
	if (rc != CART_OK) {
		lg_rollback(l);
		return rc;
	}
	return lg_commit(l, e);
}

static int too_many(cart_err *e, int64_t client_id)
{
	return cart_fail(e, CART_REFUSED, _("client %lld already has %d associated persons, the"
	                 " most it may have"), (long long)client_id, LEDGER_MAX_PERSONS);
}

int ledger_person_add(ledger *l, person *p, cart_err *e)
{
	int64_t count = 0, next = 0;
	int rc;

	if ((rc = person_validate(p, e)) != CART_OK)
		return rc;
	if ((rc = lg_begin(l, e)) != CART_OK)
		return rc;
	rc = client_persons_count(l, p->client_id, &count, &next, e);
	if (rc == CART_OK && count >= LEDGER_MAX_PERSONS)
		rc = too_many(e, p->client_id);
	if (rc == CART_OK) {
		p->position = (int)next;
		rc = insert_person(l, p, e);
	}
	if (rc != CART_OK)
		p->id = 0;
	return finish(l, rc, "person add", p->client_id, p->name, e);
}

int ledger_person_update(ledger *l, const person *p, cart_err *e)
{
	int rc;

	if ((rc = person_validate(p, e)) != CART_OK)
		return rc;
	if ((rc = lg_begin(l, e)) != CART_OK)
		return rc;
	rc = update_person(l, p, 0, e);
	return finish(l, rc, "person edit", p->client_id, p->name, e);
}

static int delete_person(ledger *l, int64_t client_id, int64_t id, cart_err *e)
{
	static const char sql[] = "DELETE FROM client_persons WHERE id = ?1 AND client_id = ?2";
	sqlite3_stmt *s = lg_get(l, sql, e);
	int rc;

	if (!s)
		return e->code;
	lg_bind_int(s, 1, id);
	lg_bind_int(s, 2, client_id);
	rc = sqlite3_step(s);
	lg_finalize(l, s);
	if (rc != SQLITE_DONE)
		return lg_dberr(l, rc, _("deleting a person"), e);
	if (sqlite3_changes(l->db) != 1)
		return cart_fail(e, CART_NOTFOUND, _("client %lld has no person number %lld"),
		                 (long long)client_id, (long long)id);
	return CART_OK;
}

int ledger_person_delete(ledger *l, int64_t client_id, int64_t id, cart_err *e)
{
	person old;
	cart_err ignored;
	int rc;

	if ((rc = lg_begin(l, e)) != CART_OK)
		return rc;
	if (ledger_person_get(l, id, &old, &ignored) != CART_OK || old.client_id != client_id)
		old.name[0] = '\0';
	rc = delete_person(l, client_id, id, e);
	return finish(l, rc, "person delete", client_id, old.name, e);
}

/* The person as stored differs from p (its fields or its place). */
static int person_differs(const person *stored, const person *p)
{
	return strcmp(stored->name, p->name) || strcmp(stored->role, p->role) ||
	       strcmp(stored->email, p->email) || strcmp(stored->phone, p->phone) ||
	       strcmp(stored->mobile, p->mobile) || stored->notify != p->notify ||
	       stored->position != p->position;
}

int ledger_persons_replace(ledger *l, int64_t client_id, person *persons, int n, cart_err *e)
{
	person saved[LEDGER_MAX_PERSONS], old[LEDGER_MAX_PERSONS];
	int64_t count = 0, next = 0;
	cart_err why;
	char detail[64];
	int n_old = 0, changes = 0, rc;

	if (n < 0 || n > LEDGER_MAX_PERSONS)
		return cart_fail(e, CART_INVALID, _("a client may have at most %d associated persons,"
		                 " not %d"), LEDGER_MAX_PERSONS, n);
	for (int i = 0; i < n; i++) {
		if ((rc = person_validate(&persons[i], &why)) != CART_OK)
			return cart_fail(e, rc, _("person %d: %s"), i + 1, why.msg);
		for (int j = 0; j < i; j++)
			if (persons[i].id && persons[j].id == persons[i].id)
				return cart_fail(e, CART_INVALID, _("person number %lld is given twice"),
				                 (long long)persons[i].id);
	}
	memcpy(saved, persons, (size_t)n * sizeof *persons);
	if ((rc = lg_begin(l, e)) != CART_OK)
		return rc;
	rc = client_persons_count(l, client_id, &count, &next, e);
	if (rc == CART_OK)
		rc = ledger_person_list(l, client_id, old, LEDGER_MAX_PERSONS, &n_old, e);
	/* the ones the new list leaves out go first */
	for (int k = 0; rc == CART_OK && k < n_old; k++) {
		int kept = 0;

		for (int i = 0; i < n && !kept; i++)
			kept = persons[i].id == old[k].id;
		if (!kept) {
			rc = delete_person(l, client_id, old[k].id, e);
			changes++;
		}
	}
	/* then each one in its place: new ones added, changed ones written, the rest left alone
	 * (saving a client whose persons did not change writes nothing for them) */
	for (int i = 0; rc == CART_OK && i < n; i++) {
		const person *stored = NULL;

		persons[i].client_id = client_id;
		persons[i].position = i;
		for (int k = 0; k < n_old && !stored; k++)
			if (old[k].id == persons[i].id)
				stored = &old[k];
		if (!persons[i].id) {
			rc = insert_person(l, &persons[i], e);
		} else if (!stored) {
			rc = cart_fail(e, CART_NOTFOUND, _("person %d: number %lld is not one of client"
			               " %lld's persons"), i + 1, (long long)persons[i].id,
			               (long long)client_id);
			break;
		} else if (person_differs(stored, &persons[i])) {
			rc = update_person(l, &persons[i], 1, e);
		} else {
			continue;
		}
		changes++;
		if (rc != CART_OK && e) {
			why = *e;
			rc = cart_fail(e, rc, _("person %d (%s): %s"), i + 1, persons[i].name, why.msg);
		}
	}
	if (rc == CART_OK && changes) {
		snprintf(detail, sizeof detail, "%d persons", n);
		rc = lg_audit(l, "persons set", 0, client_id, detail, e);
	}
	if (rc == CART_OK)
		rc = lg_commit(l, e);
	else
		lg_rollback(l);
	if (rc != CART_OK)
		memcpy(persons, saved, (size_t)n * sizeof *persons);
	return rc;
}

/* Add one address to the recipients unless it is there already. */
static void add_rcpt(mail_to *out, int max, int *n, const char *name, const char *email,
                     size_t len, int64_t person_id)
{
	char addr[sizeof out->email];

	if (len == 0 || len >= sizeof addr)
		return;
	memcpy(addr, email, len);
	addr[len] = '\0';
	for (int i = 0; i < *n; i++)
		if (strcasecmp(out[i].email, addr) == 0)
			return;
	if (*n >= max)
		return;
	snprintf(out[*n].name, sizeof out[*n].name, "%s", name);
	snprintf(out[*n].email, sizeof out[*n].email, "%s", addr);
	out[*n].person_id = person_id;
	(*n)++;
}

int ledger_client_recipients(ledger *l, int64_t client_id, mail_to *out, int max, int *n,
                             cart_err *e)
{
	static const char sql[] =
		"SELECT id, name, email FROM client_persons"
		" WHERE client_id = ?1 AND notify = 1 AND email <> '' ORDER BY position, id";
	static const char seps[] = ",; \t\r\n";
	client c;
	sqlite3_stmt *s;
	const char *p;
	int rc;

	*n = 0;
	if ((rc = ledger_client_get(l, client_id, &c, e)) != CART_OK)
		return rc;
	for (p = c.email; *p;) {
		size_t len;

		p += strspn(p, seps);
		len = strcspn(p, seps);
		add_rcpt(out, max, n, c.name, p, len, 0);
		p += len;
	}
	if (!(s = lg_get(l, sql, e)))
		return e->code;
	lg_bind_int(s, 1, client_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(s, 1);
		const char *email = (const char *)sqlite3_column_text(s, 2);

		add_rcpt(out, max, n, name ? name : "", email ? email : "", email ? strlen(email) : 0,
		         sqlite3_column_int64(s, 0));
	}
	lg_finalize(l, s);
	if (rc != SQLITE_DONE)
		return lg_dberr(l, rc, _("listing a client's recipients"), e);
	return CART_OK;
}
