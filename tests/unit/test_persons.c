/* Unit tests for the persons associated with a client (SPEC C2): the model (src/model/ledger_person.c:
 * add, update, delete, the client's order, replace in one transaction, the mail recipients), the
 * controller's checks (src/ctl/ctl_persons.c) and the client form's save of a client with its
 * persons, all or nothing (src/ctl/ctl_clients.c). Each test runs on a fresh ledger of a Colombian
 * company with "Acme SAS" as client 1. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "ctl/ctl_int.h"
#include "cartera/ctl.h"
#include "cartera/ctl_clients.h"
#include "cartera/ctl_persons.h"
#include "cartera/demo.h"
#include "testlib.h"

static person mk(int64_t client_id, const char *name, const char *role, const char *email,
                 int notify)
{
	person p;

	person_defaults(&p);
	p.client_id = client_id;
	snprintf(p.name, sizeof p.name, "%s", name);
	snprintf(p.role, sizeof p.role, "%s", role);
	snprintf(p.email, sizeof p.email, "%s", email);
	p.notify = notify;
	return p;
}

static int64_t add(tl *t, int64_t client_id, const char *name, const char *role,
                   const char *email, int notify)
{
	person p = mk(client_id, name, role, email, notify);
	cart_err e = { 0 };

	TL_OK(ledger_person_add(t->l, &p, &e), &e);
	assert_true(p.id > 0);
	return p.id;
}

/* The client's persons' names in order, joined by "|". */
static const char *names(tl *t, int64_t client_id)
{
	static char buf[2048];
	person ps[LEDGER_MAX_PERSONS];
	cart_err e = { 0 };
	int n = -1;

	TL_OK(ledger_person_list(t->l, client_id, ps, LEDGER_MAX_PERSONS, &n, &e), &e);
	buf[0] = '\0';
	for (int i = 0; i < n; i++) {
		if (i)
			strcat(buf, "|");
		strcat(buf, ps[i].name);
	}
	return buf;
}

static int64_t count_clients(tl *t)
{
	int64_t n = -1;
	cart_err e = { 0 };

	TL_OK(ledger_client_count(t->l, NULL, &n, &e), &e);
	return n;
}

/* How many audit lines the ledger has for action (read through a second, read-only connection:
 * the model has no query for the audit log). */
static int audit_lines(tl *t, const char *action)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	int n = -1;

	assert_int_equal(sqlite3_open_v2(t->path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*) FROM audit WHERE action = ?1", -1,
	                                    &s, NULL), SQLITE_OK);
	sqlite3_bind_text(s, 1, action, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return n;
}

/* ---- the model ---- */

static void test_add_list_order(void **state)
{
	tl *t = *state;
	int64_t other = tl_client(t, "Beta Ltda", 30);
	int64_t a, b, c, d;
	person ps[LEDGER_MAX_PERSONS], p;
	cart_err e = { 0 };
	int n = 0;

	a = add(t, t->c1, "Ana Gómez", "Contadora", "ana@acme.co", 1);
	b = add(t, t->c1, "Luis Peña", "Gerente de compras", "luis@acme.co", 0);
	c = add(t, t->c1, "Marta Ruiz", "Tesorera", "", 1);
	add(t, other, "Pedro Soto", "Gerente", "pedro@beta.co", 1);
	assert_int_equal(audit_lines(t, "person add"), 4);
	TL_OK(ledger_person_list(t->l, t->c1, ps, LEDGER_MAX_PERSONS, &n, &e), &e);
	assert_int_equal(n, 3);
	assert_string_equal(ps[0].name, "Ana Gómez");
	assert_string_equal(ps[0].role, "Contadora");
	assert_string_equal(ps[0].email, "ana@acme.co");
	assert_int_equal(ps[0].notify, 1);
	assert_int_equal(ps[1].id, b);
	assert_int_equal(ps[1].notify, 0);
	assert_int_equal(ps[2].id, c);
	assert_int_equal(ps[0].position, 0);
	assert_int_equal(ps[2].position, 2);
	assert_string_equal(names(t, other), "Pedro Soto");

	/* a change keeps the person's place */
	TL_OK(ledger_person_get(t->l, a, &p, &e), &e);
	snprintf(p.role, sizeof p.role, "Contadora general");
	snprintf(p.phone, sizeof p.phone, "+57 604 555 1234");
	TL_OK(ledger_person_update(t->l, &p, &e), &e);
	TL_OK(ledger_person_get(t->l, a, &p, &e), &e);
	assert_string_equal(p.role, "Contadora general");
	assert_string_equal(p.phone, "+57 604 555 1234");
	assert_string_equal(names(t, t->c1), "Ana Gómez|Luis Peña|Marta Ruiz");

	/* delete the middle one; a new one goes last */
	TL_OK(ledger_person_delete(t->l, t->c1, b, &e), &e);
	assert_string_equal(names(t, t->c1), "Ana Gómez|Marta Ruiz");
	assert_int_equal(audit_lines(t, "person delete"), 1);
	assert_int_equal(audit_lines(t, "person edit"), 1);
	d = add(t, t->c1, "Zoe Abad", "", "", 1);
	TL_OK(ledger_person_get(t->l, d, &p, &e), &e);
	assert_int_equal(p.position, 3);
	assert_string_equal(names(t, t->c1), "Ana Gómez|Marta Ruiz|Zoe Abad");
	assert_int_equal(ledger_person_get(t->l, b, &p, &e), CART_NOTFOUND);
}

static void test_add_refused(void **state)
{
	tl *t = *state;
	int64_t other = tl_client(t, "Beta Ltda", 30);
	int64_t pid = add(t, other, "Pedro Soto", "Gerente", "pedro@beta.co", 1);
	person p;
	cart_err e = { 0 };

	p = mk(t->c1, "   ", "", "", 1);
	assert_int_equal(ledger_person_add(t->l, &p, &e), CART_INVALID);
	tl_assert_msg_names(&e, "name");
	assert_int_equal(p.id, 0);

	p = mk(999, "Ana", "", "", 1);
	assert_int_equal(ledger_person_add(t->l, &p, &e), CART_NOTFOUND);
	tl_assert_msg_names(&e, "999");

	/* what the controller checks, the schema refuses too */
	p = mk(t->c1, "Ana", "", "ana at acme", 1);
	assert_int_equal(ledger_person_add(t->l, &p, &e), CART_REFUSED);
	p = mk(t->c1, "Ana", "", "", 2);
	assert_int_equal(ledger_person_add(t->l, &p, &e), CART_INVALID);
	assert_string_equal(names(t, t->c1), "");

	/* at most LEDGER_MAX_PERSONS a client */
	for (int i = 0; i < LEDGER_MAX_PERSONS; i++) {
		char name[32];

		snprintf(name, sizeof name, "Persona %02d", i + 1);
		add(t, t->c1, name, "", "", 1);
	}
	p = mk(t->c1, "Una más", "", "", 1);
	assert_int_equal(ledger_person_add(t->l, &p, &e), CART_REFUSED);
	tl_assert_msg_names(&e, "20");

	/* another client's person is neither changed nor deleted through this one */
	TL_OK(ledger_person_get(t->l, pid, &p, &e), &e);
	p.client_id = t->c1;
	snprintf(p.name, sizeof p.name, "Cambiado");
	assert_int_equal(ledger_person_update(t->l, &p, &e), CART_NOTFOUND);
	assert_int_equal(ledger_person_delete(t->l, t->c1, pid, &e), CART_NOTFOUND);
	tl_assert_msg_names(&e, "person number");
	assert_string_equal(names(t, other), "Pedro Soto");
}

static void test_replace(void **state)
{
	tl *t = *state;
	int64_t other = tl_client(t, "Beta Ltda", 30);
	int64_t a = add(t, t->c1, "Ana", "Contadora", "ana@acme.co", 1);
	int64_t b = add(t, t->c1, "Beto", "", "", 1);
	int64_t c = add(t, t->c1, "Carla", "", "", 1);
	int64_t pid = add(t, other, "Pedro", "", "", 1);
	person ps[4], p;
	cart_err e = { 0 };

	/* Carla changed and first, Dora new, Ana last; Beto left out */
	TL_OK(ledger_person_get(t->l, c, &ps[0], &e), &e);
	snprintf(ps[0].role, sizeof ps[0].role, "Tesorera");
	ps[1] = mk(0, "Dora", "Asistente", "dora@acme.co", 0);
	TL_OK(ledger_person_get(t->l, a, &ps[2], &e), &e);
	TL_OK(ledger_persons_replace(t->l, t->c1, ps, 3, &e), &e);
	assert_string_equal(names(t, t->c1), "Carla|Dora|Ana");
	assert_true(ps[1].id > 0);
	assert_int_equal(ps[1].client_id, t->c1);
	assert_int_equal(ps[0].id, c);
	TL_OK(ledger_person_get(t->l, c, &p, &e), &e);
	assert_string_equal(p.role, "Tesorera");
	assert_int_equal(p.position, 0);
	TL_OK(ledger_person_get(t->l, ps[1].id, &p, &e), &e);
	assert_int_equal(p.notify, 0);
	assert_int_equal(ledger_person_get(t->l, b, &p, &e), CART_NOTFOUND);
	assert_int_equal(audit_lines(t, "persons set"), 1);

	/* the same list again changes nothing, and says nothing in the audit log */
	TL_OK(ledger_persons_replace(t->l, t->c1, ps, 3, &e), &e);
	assert_string_equal(names(t, t->c1), "Carla|Dora|Ana");
	assert_int_equal(audit_lines(t, "persons set"), 1);
	/* a new order alone is a change */
	p = ps[0];
	ps[0] = ps[2];
	ps[2] = p;
	TL_OK(ledger_persons_replace(t->l, t->c1, ps, 3, &e), &e);
	assert_string_equal(names(t, t->c1), "Ana|Dora|Carla");
	assert_int_equal(audit_lines(t, "persons set"), 2);
	p = ps[0];
	ps[0] = ps[2];
	ps[2] = p;
	TL_OK(ledger_persons_replace(t->l, t->c1, ps, 3, &e), &e);
	assert_string_equal(names(t, t->c1), "Carla|Dora|Ana");

	/* another client's person in the list: refused, nothing changed, the array as it was */
	ps[3] = mk(0, "Eva", "", "", 1);
	ps[2].id = pid;
	snprintf(ps[0].name, sizeof ps[0].name, "Carla Cambiada");
	assert_int_equal(ledger_persons_replace(t->l, t->c1, &ps[0], 4, &e), CART_NOTFOUND);
	tl_assert_msg_names(&e, "person 3");
	assert_string_equal(names(t, t->c1), "Carla|Dora|Ana");
	assert_string_equal(names(t, other), "Pedro");
	assert_int_equal(ps[3].id, 0);

	/* a blank name anywhere: nothing written */
	ps[2].id = a;
	snprintf(ps[3].name, sizeof ps[3].name, " ");
	assert_int_equal(ledger_persons_replace(t->l, t->c1, ps, 4, &e), CART_INVALID);
	tl_assert_msg_names(&e, "person 4");
	assert_string_equal(names(t, t->c1), "Carla|Dora|Ana");

	/* the same person twice */
	ps[3] = ps[0];
	assert_int_equal(ledger_persons_replace(t->l, t->c1, ps, 4, &e), CART_INVALID);
	assert_string_equal(names(t, t->c1), "Carla|Dora|Ana");

	/* an empty list deletes them all */
	TL_OK(ledger_persons_replace(t->l, t->c1, ps, 0, &e), &e);
	assert_string_equal(names(t, t->c1), "");
	assert_string_equal(names(t, other), "Pedro");
}

static void test_recipients(void **state)
{
	tl *t = *state;
	mail_to to[LEDGER_MAX_RECIPIENTS];
	client c;
	cart_err e = { 0 };
	int n = -1;
	int64_t ana;

	/* no e-mail anywhere: nobody */
	TL_OK(ledger_client_recipients(t->l, t->c1, to, LEDGER_MAX_RECIPIENTS, &n, &e), &e);
	assert_int_equal(n, 0);

	TL_OK(ledger_client_get(t->l, t->c1, &c, &e), &e);
	snprintf(c.email, sizeof c.email, " pagos@acme.co;Cartera@acme.co ,");
	TL_OK(ledger_client_update(t->l, &c, &e), &e);
	ana = add(t, t->c1, "Ana Gómez", "Contadora", "ana@acme.co", 1);
	add(t, t->c1, "Luis Peña", "Gerente", "luis@acme.co", 0);       /* notify off */
	add(t, t->c1, "Marta Ruiz", "Tesorera", "", 1);                /* no e-mail */
	add(t, t->c1, "Pedro Soto", "Auxiliar", "CARTERA@ACME.CO", 1); /* already listed */
	add(t, t->c1, "Zoe Abad", "Auxiliar", "zoe@acme.co", 1);
	TL_OK(ledger_client_recipients(t->l, t->c1, to, LEDGER_MAX_RECIPIENTS, &n, &e), &e);
	assert_int_equal(n, 4);
	assert_string_equal(to[0].email, "pagos@acme.co");
	assert_string_equal(to[0].name, "Acme SAS");
	assert_int_equal(to[0].person_id, 0);
	assert_string_equal(to[1].email, "Cartera@acme.co");
	assert_string_equal(to[2].email, "ana@acme.co");
	assert_string_equal(to[2].name, "Ana Gómez");
	assert_int_equal(to[2].person_id, ana);
	assert_string_equal(to[3].email, "zoe@acme.co");

	/* max caps the list */
	TL_OK(ledger_client_recipients(t->l, t->c1, to, 2, &n, &e), &e);
	assert_int_equal(n, 2);
	assert_int_equal(ledger_client_recipients(t->l, 999, to, 2, &n, &e), CART_NOTFOUND);
}

/* ---- the controller ---- */

static void check_msg(int field, const char *text, const char *want)
{
	char err[256];

	ctl_person_check(field, text, err, sizeof err);
	if (strcmp(err, want) != 0)
		fail_msg("field %d \"%s\": \"%s\", expected \"%s\"", field, text, err, want);
}

static void test_checks(void **state)
{
	static const char bad_mail[] = "not an e-mail address (name@domain.com)";
	static const char bad_phone[] = "digits, spaces and + - ( ) only";

	(void)state;
	check_msg(PF_NAME, "", "required");
	check_msg(PF_NAME, "   ", "required");
	check_msg(PF_NAME, "Ana Gómez", "");
	check_msg(PF_ROLE, "", "");
	check_msg(PF_EMAIL, "", "");
	check_msg(PF_EMAIL, "ana@acme.co", "");
	check_msg(PF_EMAIL, "ana.gomez+cartera@mail.acme.com.co", "");
	check_msg(PF_EMAIL, "marta@x", bad_mail);
	check_msg(PF_EMAIL, "@acme.co", bad_mail);
	check_msg(PF_EMAIL, "ana@.co", bad_mail);
	check_msg(PF_EMAIL, "ana@acme..co", bad_mail);
	check_msg(PF_EMAIL, "ana@acme.co.", bad_mail);
	check_msg(PF_EMAIL, "ana gomez@acme.co", bad_mail);
	check_msg(PF_EMAIL, "ana@acme.co, luis@acme.co", bad_mail);
	check_msg(PF_EMAIL, "ana@@acme.co", bad_mail);
	check_msg(PF_PHONE, "+57 (604) 555-1234", "");
	check_msg(PF_PHONE, "555-CALL", bad_phone);
	check_msg(PF_MOBILE, "300 123 4567", "");
	check_msg(PF_MOBILE, "300/123", bad_phone);
	assert_string_equal(ctl_person_field_name(PF_EMAIL), "e-mail");

	/* a client's own e-mail field may hold several */
	assert_true(contact_email_list_valid("pagos@acme.co"));
	assert_true(contact_email_list_valid("pagos@acme.co; cartera@acme.co"));
	assert_true(contact_email_list_valid(" pagos@acme.co ,cartera@acme.co "));
	assert_false(contact_email_list_valid(""));
	assert_false(contact_email_list_valid("pagos@acme.co;"));
	assert_false(contact_email_list_valid("pagos@acme.co;; cartera@acme.co"));
	assert_false(contact_email_list_valid("pagos@acme.co cartera@acme.co"));
	assert_false(contact_email_list_valid("pagos@acme.co, cartera@acme"));
}

static void test_from_text(void **state)
{
	const char *text[PF_COUNT] = { "  Ana Gómez ", " Contadora", "ana@acme.co ", "604 555",
	                               "", "" };
	char longname[400];
	person p;
	cart_err e = { 0 };
	int field = 99;

	(void)state;
	person_defaults(&p);
	p.id = 7;
	p.client_id = 3;
	TL_OK(ctl_person_from_text(text, 0, &p, &field, &e), &e);
	assert_int_equal(field, -1);
	assert_string_equal(p.name, "Ana Gómez");
	assert_string_equal(p.role, "Contadora");
	assert_string_equal(p.email, "ana@acme.co");
	assert_string_equal(p.phone, "604 555");
	assert_int_equal(p.notify, 0);
	assert_int_equal(p.id, 7);
	assert_int_equal(p.client_id, 3);

	text[PF_EMAIL] = "ana@acme";
	assert_int_equal(ctl_person_from_text(text, 1, &p, &field, &e), CART_INVALID);
	assert_int_equal(field, PF_EMAIL);
	assert_string_equal(e.msg, "the person's e-mail \"ana@acme\": not an e-mail address"
	                    " (name@domain.com)");
	assert_string_equal(p.email, "ana@acme.co");   /* *out untouched on an error */

	text[PF_EMAIL] = "";
	text[PF_MOBILE] = "3OO";
	assert_int_equal(ctl_person_from_text(text, 1, &p, &field, &e), CART_INVALID);
	assert_int_equal(field, PF_MOBILE);
	assert_string_equal(e.msg, "the person's mobile \"3OO\": digits, spaces and + - ( ) only");

	text[PF_MOBILE] = "";
	text[PF_NAME] = " ";
	assert_int_equal(ctl_person_from_text(text, 1, &p, &field, &e), CART_INVALID);
	assert_int_equal(field, PF_NAME);
	assert_string_equal(e.msg, "the person's name is required");

	memset(longname, 'a', sizeof longname - 1);
	longname[sizeof longname - 1] = '\0';
	text[PF_NAME] = longname;
	assert_int_equal(ctl_person_from_text(text, 1, &p, &field, &e), CART_INVALID);
	assert_int_equal(field, PF_NAME);
	assert_string_equal(e.msg, "the person's name is too long (at most 159 bytes)");
}

/* ---- the client form: client and persons saved together ---- */

static void form_setup(tl *t, ctl *c, ctl_clients *v)
{
	cart_err e = { 0 };

	memset(c, 0, sizeof *c);
	c->l = t->l;
	TL_OK(ledger_company_get(t->l, &c->co, &e), &e);
	c->have_company = 1;
	snprintf(c->path, sizeof c->path, "%s", t->path);
	ctl_clients_init(v, c);
}

/* The client form refuses a field longer than the record holds, naming it, where it cut the text
 * (at a character boundary) before: a name typed past 198 bytes is not stored shortened. */
static void test_form_refuses_long_text(void **state)
{
	tl *t = *state;
	int64_t before = count_clients(t);
	static ctlc_form f;
	ctl_clients v;
	ctl c;
	cart_err e = { 0 };
	int field;

	form_setup(t, &c, &v);
	ctl_clients_form_new(&v, &f);
	snprintf(f.text[CF_TAXID], sizeof f.text[CF_TAXID], "900123456");
	for (int i = 0; i < 120; i++)
		memcpy(f.text[CF_NAME] + 2 * i, "ñ", 2);   /* 240 bytes, 120 letters */
	f.text[CF_NAME][240] = '\0';
	assert_int_equal(ctl_clients_form_save(&v, &f, &field, &e), CART_INVALID);
	assert_int_equal(field, CF_NAME);
	tl_assert_msg_names(&e, "the name is too long: 240 bytes, at most 198");
	assert_int_equal(f.id, 0);
	assert_int_equal(count_clients(t), before);
	snprintf(f.text[CF_NAME], sizeof f.text[CF_NAME], "Ñandú SAS");
	TL_OK(ctl_clients_form_save(&v, &f, &field, &e), &e);
	assert_int_equal(count_clients(t), before + 1);
}

static void test_form_all_or_nothing(void **state)
{
	tl *t = *state;
	int64_t other = tl_client(t, "Beta Ltda", 30);
	int64_t pid = add(t, other, "Pedro Soto", "Gerente", "pedro@beta.co", 1);
	int64_t before = count_clients(t);
	static ctlc_form f;
	ctl_clients v;
	ctl c;
	client cl;
	cart_err e = { 0 };
	int field;

	form_setup(t, &c, &v);
	ctl_clients_form_new(&v, &f);
	assert_int_equal(f.n_persons, 0);
	snprintf(f.text[CF_TAXID], sizeof f.text[CF_TAXID], "900123456");
	snprintf(f.text[CF_NAME], sizeof f.text[CF_NAME], "Nueva Empresa SAS");
	f.persons[0] = mk(0, "Ana Gómez", "Contadora", "ana@nueva.co", 1);
	f.persons[1] = mk(0, "Luis Peña", "Gerente de compras", "luis@nueva", 1);
	f.n_persons = 2;

	/* a person with a bad e-mail: refused before anything is written */
	assert_int_equal(ctl_clients_form_save(&v, &f, &field, &e), CART_INVALID);
	tl_assert_msg_names(&e, "person 2, Luis Peña");
	tl_assert_msg_names(&e, "e-mail");
	assert_int_equal(f.id, 0);
	assert_int_equal(count_clients(t), before);

	/* a person the database refuses (another client's), after the client was added: the
	 * client goes too */
	snprintf(f.persons[1].email, sizeof f.persons[1].email, "luis@nueva.co");
	f.persons[1].id = pid;
	assert_int_equal(ctl_clients_form_save(&v, &f, &field, &e), CART_NOTFOUND);
	tl_assert_msg_names(&e, "person 2");
	assert_int_equal(f.id, 0);
	assert_int_equal(f.persons[0].id, 0);
	assert_int_equal(count_clients(t), before);
	assert_int_equal(ledger_client_find(t->l, "900123456", &cl, &e), CART_NOTFOUND);
	assert_string_equal(names(t, other), "Pedro Soto");

	/* put right: client and persons saved together */
	f.persons[1].id = 0;
	TL_OK(ctl_clients_form_save(&v, &f, &field, &e), &e);
	assert_true(f.id > 0);
	assert_int_equal(count_clients(t), before + 1);
	TL_OK(ledger_client_find(t->l, "900123456", &cl, &e), &e);
	assert_int_equal(cl.id, f.id);
	assert_string_equal(names(t, f.id), "Ana Gómez|Luis Peña");
	assert_true(f.persons[0].id > 0 && f.persons[1].id > 0);

	/* edit: the persons come with the client; drop Ana, save */
	TL_OK(ctl_clients_form_load(&v, f.id, &f, &e), &e);
	assert_int_equal(f.n_persons, 2);
	assert_string_equal(f.persons[1].role, "Gerente de compras");
	f.persons[0] = f.persons[1];
	f.n_persons = 1;
	TL_OK(ctl_clients_form_save(&v, &f, &field, &e), &e);
	assert_string_equal(names(t, f.id), "Luis Peña");
	assert_int_equal(count_clients(t), before + 1);

	/* a duplicate tax id still names the field, and writes no persons */
	ctl_clients_form_new(&v, &f);
	snprintf(f.text[CF_TAXID], sizeof f.text[CF_TAXID], "900123456");
	snprintf(f.text[CF_NAME], sizeof f.text[CF_NAME], "Copia SAS");
	f.persons[0] = mk(0, "Eva", "", "eva@copia.co", 1);
	f.n_persons = 1;
	assert_int_equal(ctl_clients_form_save(&v, &f, &field, &e), CART_CONFLICT);
	assert_int_equal(field, CF_TAXID);
	assert_int_equal(count_clients(t), before + 1);
	assert_int_equal(f.persons[0].id, 0);
}

/* ---- the demo ledger: some companies have persons ---- */

typedef struct demo_walk {
	ledger *l;
	int persons, with, legal_with, first_notify, at_domain, max;
	char first[3][160];  /* the first three persons' names, to compare two runs */
	int nfirst;
} demo_walk;

static int demo_client(const client_row *r, void *ud)
{
	demo_walk *w = ud;
	person ps[LEDGER_MAX_PERSONS];
	cart_err e = { 0 };
	const char *domain = strchr(r->c->email, '@');
	int n = 0;

	if (r->currency[0] && strcmp(r->currency, "COP") != 0)
		return 0;
	TL_OK(ledger_person_list(w->l, r->c->id, ps, LEDGER_MAX_PERSONS, &n, &e), &e);
	if (!n)
		return 0;
	w->with++;
	w->legal_with += r->c->taxpayer_type == TAXPAYER_LEGAL;
	w->first_notify += ps[0].notify;
	if (n > w->max)
		w->max = n;
	for (int i = 0; i < n; i++) {
		const char *at = strchr(ps[i].email, '@');

		w->persons++;
		w->at_domain += at && domain && strcmp(at, domain) == 0 && ps[i].role[0] &&
		                ps[i].mobile[0];
		if (w->nfirst < 3)
			snprintf(w->first[w->nfirst++], sizeof w->first[0], "%s", ps[i].name);
	}
	return 0;
}

static void demo_persons(demo_walk *w)
{
	char dir[64], path[128], p[160];
	demo_opts o;
	demo_stats st;
	company co;
	cart_err e = { 0 };

	snprintf(dir, sizeof dir, "/tmp/cartera-test-XXXXXX");
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/demo.db", dir);
	TL_OK(date_set_today(TL_TODAY, &e), &e);
	TL_OK(ledger_open(path, LEDGER_OPEN_CREATE, &w->l, &e), &e);
	demo_company(&co);
	TL_OK(ledger_company_set(w->l, &co, &e), &e);
	demo_defaults(&o);
	o.clients = 40;
	o.seed = 5;
	o.quiet = 1;
	TL_OK(demo_generate(w->l, &o, &st, &e), &e);
	TL_OK(ledger_client_list(w->l, NULL, 0, 0, demo_client, w, &e), &e);
	ledger_close(w->l);
	unlink(path);
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
	rmdir(dir);
	date_set_today(NULL, CART_IGNORED);
}

static void test_demo_persons(void **state)
{
	static demo_walk a, b;

	(void)state;
	demo_persons(&a);
	assert_true(a.with >= 5);                  /* a good part of the 40 clients */
	assert_int_equal(a.legal_with, a.with);    /* companies only */
	assert_int_equal(a.first_notify, a.with);  /* the first person always gets the mail */
	assert_int_equal(a.at_domain, a.persons);  /* role, mobile, e-mail at the company's domain */
	assert_in_range(a.max, 1, 2);
	assert_true(a.persons > a.with);           /* some have two */
	demo_persons(&b);
	assert_int_equal(b.persons, a.persons);    /* the same seed gives the same persons */
	for (int i = 0; i < 3; i++)
		assert_string_equal(b.first[i], a.first[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_add_list_order, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_add_refused, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_replace, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_recipients, tl_setup, tl_teardown),
		cmocka_unit_test(test_checks),
		cmocka_unit_test(test_from_text),
		cmocka_unit_test_setup_teardown(test_form_refuses_long_text, tl_setup, tl_teardown),
		cmocka_unit_test_setup_teardown(test_form_all_or_nothing, tl_setup, tl_teardown),
		cmocka_unit_test(test_demo_persons),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
