/* Unit tests for mail (SPEC F4, F5): messages built by src/mail parsed back with GMime (headers,
 * RFC 2047 names, the quoted-printable body, attachments that decode to the very bytes of the
 * PDF written directly), addresses and templates checked, the outbox's claim, failure, retry and
 * cancel (src/model/ledger_mail.c), and the controller's refusals that leave nothing queued. Each
 * test runs on a fresh ledger; the teardown checks the ledger's invariants. */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gmime/gmime.h>

#include "cartera/ctl.h"
#include "cartera/ctl_mail.h"
#include "cartera/ledger_dash.h"
#include "cartera/mail.h"
#include "cartera/render.h"
#include "cartera/reports.h"
#include "../../src/model/ledger_mail.h"
#include "testlib.h"

typedef struct fx {
	tl *t;
	ctl c;
	int64_t jose;
	posted inv;
} fx;

static int setup(void **state)
{
	fx *f = calloc(1, sizeof *f);
	cart_err e = { 0 };
	client cl;
	person p;

	assert_non_null(f);
	tl_setup((void **)&f->t);
	f->c.l = f->t->l;
	TL_OK(ledger_company_get(f->t->l, &f->c.co, &e), &e);
	snprintf(f->c.co.name, sizeof f->c.co.name, "Ñandú Comercial S.A.C.");
	TL_OK(ledger_company_set(f->t->l, &f->c.co, &e), &e);
	f->c.have_company = 1;
	f->jose = tl_client(f->t, "José Ñañez Güémez", 30);
	TL_OK(ledger_client_get(f->t->l, f->jose, &cl, &e), &e);
	snprintf(cl.email, sizeof cl.email, "jose@example.pe");
	TL_OK(ledger_client_update(f->t->l, &cl, &e), &e);
	person_defaults(&p);
	p.client_id = f->jose;
	snprintf(p.name, sizeof p.name, "Güémez, Ana");
	snprintf(p.email, sizeof p.email, "ana@example.pe");
	TL_OK(ledger_person_add(f->t->l, &p, &e), &e);
	f->inv = tl_invoice(f->t->l, f->jose, "2026-04-01", NULL, 100000);
	tl_invoice(f->t->l, f->jose, "2026-06-20", NULL, 25050);
	TL_OK(ctl_mail_setting_set(&f->c, "mail-from", "cobros@nandu.pe", &e), &e);
	unsetenv("CARTERA_MAIL_SELF");
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fx *f = *state;
	void *t = f->t;

	free(f);
	return tl_teardown(&t);
}

static int count_cb(const mail_row *m, void *ud)
{
	(void)m;
	++*(int *)ud;
	return 0;
}

static int n_messages(fx *f)
{
	cart_err e = { 0 };
	int n = 0;

	TL_OK(ctl_mail_list(&f->c, NULL, 0, count_cb, &n, &e), &e);
	return n;
}

/* The bytes of the client's statement PDF written directly to a file. */
static unsigned char *statement_pdf(fx *f, size_t *len)
{
	char path[200];
	stmt_filter sf;
	report r;
	rnd *x;
	cart_err e = { 0 };
	long replaced = 0, size;
	unsigned char *buf;
	FILE *fp;

	snprintf(path, sizeof path, "%s/direct.pdf", f->t->dir);
	stmt_filter_init(&sf);
	snprintf(sf.asof, sizeof sf.asof, "%s", TL_TODAY);
	TL_OK(rnd_open(RND_PDF, path, NULL, &x, &e), &e);
	report_init(&r, &f->c.co);
	report_stream(&r, rnd_sink(x), rnd_ud(x));
	TL_OK(rpt_statement(&f->c, f->jose, &sf, &r, &e), &e);
	report_free(&r);
	TL_OK(rnd_close(x, &replaced, &e), &e);
	fp = fopen(path, "rb");
	assert_non_null(fp);
	fseek(fp, 0, SEEK_END);
	size = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	buf = malloc((size_t)size);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)size, fp), (size_t)size);
	fclose(fp);
	unlink(path);
	*len = (size_t)size;
	return buf;
}

static GMimeMessage *parse(const char *raw, size_t len)
{
	GMimeStream *st = g_mime_stream_mem_new_with_buffer(raw, len);
	GMimeParser *p = g_mime_parser_new_with_stream(st);
	GMimeMessage *m = g_mime_parser_construct_message(p, NULL);

	g_object_unref(p);
	g_object_unref(st);
	assert_non_null(m);
	return m;
}

static const char *addr_name(GMimeMessage *m, GMimeAddressType type, int i, const char **addr)
{
	InternetAddressList *l = g_mime_message_get_addresses(m, type);
	InternetAddress *a;

	assert_true(internet_address_list_length(l) > i);
	a = internet_address_list_get_address(l, i);
	*addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(a));
	return internet_address_get_name(a);
}

/* A statement queued and read back: headers, encoded names, body, the PDF byte for byte. */
static void test_statement_message(void **state)
{
	fx *f = *state;
	cart_err e = { 0 };
	ctl_mail_req r;
	ctl_mail m;
	mail_row row;
	int64_t id = 0;
	char *raw, *hdr_end;
	size_t len, pdf_len;
	unsigned char *pdf = statement_pdf(f, &pdf_len);
	const char *addr, *name;
	GMimeMessage *msg;
	GMimeMultipart *mp;
	GMimeTextPart *text;
	GMimePart *att;
	GMimeStream *out;
	GByteArray *ba;
	char *body;

	setenv("CARTERA_MAIL_SELF", "yo@nandu.pe", 1);
	ctl_mail_req_init(&r);
	r.client_id = f->jose;
	TL_OK(ctl_mail_draft(&f->c, &r, &m, &e), &e);
	assert_string_equal(m.to, "José Ñañez Güémez <jose@example.pe>, "
	                          "\"Güémez, Ana\" <ana@example.pe>");
	assert_string_equal(m.self, "yo@nandu.pe");
	assert_string_equal(m.subject, "Estado de cuenta de José Ñañez Güémez al 30/06/2026");
	assert_int_equal(m.n_att, 1);
	snprintf(m.cc, sizeof m.cc, "Pérez <perez@example.com>");
	m.copy_me = 1;
	TL_OK(ctl_mail_queue(&f->c, &m, &id, &e), &e);
	ctl_mail_free(&m);
	assert_true(id > 0);

	TL_OK(ctl_mail_get(&f->c, id, &row, &raw, &len, &e), &e);
	assert_int_equal(row.status, MAIL_PENDING);
	assert_string_equal(row.recipients, "jose@example.pe, ana@example.pe, perez@example.com, "
	                                    "yo@nandu.pe");
	assert_string_equal(row.attachments, "estado-de-cuenta-jose-nanez-guemez.pdf");
	assert_true(row.history_id > 0);

	/* the headers are ASCII: names and subject encoded (RFC 2047, UTF-8) */
	hdr_end = strstr(raw, "\n\n");
	assert_non_null(hdr_end);
	for (const char *p = raw; p < hdr_end; p++)
		assert_true((unsigned char)*p < 0x80);
	assert_non_null(strstr(raw, "=?UTF-8?"));
	assert_non_null(strstr(raw, "\nMessage-Id: <"));
	assert_true(!strncmp(raw, "Date: ", 6) || strstr(raw, "\nDate: "));

	msg = parse(raw, len);
	assert_string_equal(g_mime_message_get_subject(msg),
	                    "Estado de cuenta de José Ñañez Güémez al 30/06/2026");
	name = addr_name(msg, GMIME_ADDRESS_TYPE_FROM, 0, &addr);
	assert_string_equal(name, "Ñandú Comercial S.A.C.");
	assert_string_equal(addr, "cobros@nandu.pe");
	name = addr_name(msg, GMIME_ADDRESS_TYPE_TO, 0, &addr);
	assert_string_equal(name, "José Ñañez Güémez");
	assert_string_equal(addr, "jose@example.pe");
	name = addr_name(msg, GMIME_ADDRESS_TYPE_TO, 1, &addr);
	assert_string_equal(name, "Güémez, Ana");
	name = addr_name(msg, GMIME_ADDRESS_TYPE_CC, 0, &addr);
	assert_string_equal(name, "Pérez");
	name = addr_name(msg, GMIME_ADDRESS_TYPE_BCC, 0, &addr);
	assert_string_equal(addr, "yo@nandu.pe");
	assert_non_null(g_mime_message_get_message_id(msg));
	assert_non_null(g_mime_message_get_date(msg));

	mp = GMIME_MULTIPART(g_mime_message_get_mime_part(msg));
	assert_true(GMIME_IS_MULTIPART(mp));
	assert_int_equal(g_mime_multipart_get_count(mp), 2);
	text = GMIME_TEXT_PART(g_mime_multipart_get_part(mp, 0));
	assert_int_equal(g_mime_part_get_content_encoding(GMIME_PART(text)),
	                 GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);
	assert_string_equal(g_mime_text_part_get_charset(text), "utf-8");
	body = g_mime_text_part_get_text(text);
	assert_non_null(strstr(body, "Estimado(a) José Ñañez Güémez:"));
	assert_non_null(strstr(body, "FAC-000001       01/05/2026    60"));
	assert_non_null(strstr(body, "Vencido:     COP 1.000,00"));
	assert_non_null(strstr(body, "31-60 días"));
	assert_non_null(strstr(body, "\ntester\nÑandú Comercial S.A.C.\n"));
	g_free(body);

	att = GMIME_PART(g_mime_multipart_get_part(mp, 1));
	assert_string_equal(g_mime_part_get_filename(att), "estado-de-cuenta-jose-nanez-guemez.pdf");
	assert_int_equal(g_mime_part_get_content_encoding(att), GMIME_CONTENT_ENCODING_BASE64);
	out = g_mime_stream_mem_new();
	g_mime_data_wrapper_write_to_stream(g_mime_part_get_content(att), out);
	ba = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(out));
	assert_int_equal(ba->len, pdf_len);
	assert_memory_equal(ba->data, pdf, pdf_len);
	g_object_unref(out);
	g_object_unref(msg);
	free(raw);
	free(pdf);
	unsetenv("CARTERA_MAIL_SELF");
}

/* A client's own language wins over the company's; --lang over both. */
static void test_client_lang(void **state)
{
	fx *f = *state;
	cart_err e = { 0 };
	ctl_mail_req r;
	ctl_mail m;
	char lang[3];

	TL_OK(ctl_mail_client_lang_set(&f->c, f->jose, "en", &e), &e);
	TL_OK(ctl_mail_client_lang(&f->c, f->jose, lang, &e), &e);
	assert_string_equal(lang, "en");
	ctl_mail_req_init(&r);
	r.client_id = f->jose;
	TL_OK(ctl_mail_draft(&f->c, &r, &m, &e), &e);
	assert_string_equal(m.subject, "Statement of account of José Ñañez Güémez as of 30/06/2026");
	assert_string_equal(m.att[0].filename, "statement-jose-nanez-guemez.pdf");
	assert_non_null(strstr(m.body, "  Over 90 days"));
	assert_non_null(strstr(m.body, "  Document         Due         Days                 Open"));
	ctl_mail_free(&m);
	r.lang = "es";
	TL_OK(ctl_mail_draft(&f->c, &r, &m, &e), &e);
	assert_string_equal(m.lang, "es");
	ctl_mail_free(&m);
	assert_int_equal(ctl_mail_client_lang_set(&f->c, f->jose, "fr", &e), CART_INVALID);
	TL_OK(ctl_mail_client_lang_set(&f->c, f->jose, "", &e), &e);
	TL_OK(ctl_mail_client_lang(&f->c, f->jose, lang, &e), &e);
	assert_string_equal(lang, "es");
}

/* An invoice by e-mail: its PDF, and the statement too when the company says so. */
static void test_document_message(void **state)
{
	fx *f = *state;
	cart_err e = { 0 };
	ctl_mail_req r;
	ctl_mail m;

	ctl_mail_req_init(&r);
	r.kind = "document";
	r.doc_id = f->inv.doc_id;
	TL_OK(ctl_mail_draft(&f->c, &r, &m, &e), &e);
	assert_int_equal(m.client_id, f->jose);
	assert_int_equal(m.n_att, 1);
	assert_string_equal(m.att[0].filename, "FAC-000001.pdf");
	assert_string_equal(m.subject, "Factura FAC-000001 de Ñandú Comercial S.A.C.");
	assert_non_null(strstr(m.body, "por COP 1.000,00"));
	ctl_mail_free(&m);

	TL_OK(ctl_mail_setting_set(&f->c, "attach-statement", "yes", &e), &e);
	r.lang = "en";
	TL_OK(ctl_mail_draft(&f->c, &r, &m, &e), &e);
	assert_int_equal(m.n_att, 2);
	assert_string_equal(m.att[1].filename, "statement-jose-nanez-guemez.pdf");
	assert_string_equal(m.subject, "Invoice FAC-000001 from Ñandú Comercial S.A.C.");
	/* the clerk unticks it for this one message */
	m.att[1].off = 1;
	TL_OK(ctl_mail_queue(&f->c, &m, NULL, &e), &e);
	ctl_mail_free(&m);
	assert_int_equal(n_messages(f), 1);
	{
		mail_row row;

		TL_OK(ledger_mail_get(f->t->l, 1, &row, NULL, NULL, &e), &e);
		assert_string_equal(row.attachments, "FAC-000001.pdf");
		assert_string_equal(row.number, "FAC-000001");
		assert_string_equal(row.kind, "document");
	}
}

static int first_hist(const hist_entry *h, void *ud)
{
	hist_entry *out = ud;

	if (!out->id)
		*out = *h;
	return 0;
}

/* The message and its history line go together; the line names the message. */
static void test_history_line(void **state)
{
	fx *f = *state;
	cart_err e = { 0 };
	ctl_mail_req r;
	ctl_mail m;
	hist_entry h;
	int64_t id = 0, back = 0;

	ctl_mail_req_init(&r);
	r.kind = "reminder";
	r.client_id = f->jose;
	r.attach_pdf = 0;
	r.attach_overdue = 1;
	TL_OK(ctl_mail_draft(&f->c, &r, &m, &e), &e);
	assert_int_equal(m.n_att, 1);
	assert_string_equal(m.att[0].filename, "FAC-000001.pdf");
	TL_OK(ctl_mail_queue(&f->c, &m, &id, &e), &e);
	ctl_mail_free(&m);
	memset(&h, 0, sizeof h);
	TL_OK(ledger_history_list(f->t->l, f->jose, first_hist, &h, &e), &e);
	assert_int_equal(h.kind, HIST_MAIL);
	assert_string_equal(h.clerk, "tester");
	assert_non_null(strstr(h.text, "mail #1; To: jose@example.pe, ana@example.pe; Subject: "
	                       "Recordatorio de pago: José Ñañez Güémez; Attached: FAC-000001.pdf"));
	TL_OK(ctl_mail_of_history(&f->c, h.id, &back, &e), &e);
	assert_int_equal(back, id);
}

/* No address, a bad address, no subject, a copy with no own address: refused, nothing queued. */
static void test_refusals(void **state)
{
	fx *f = *state;
	cart_err e = { 0 };
	ctl_mail_req r;
	ctl_mail m;
	int64_t bare = tl_client(f->t, "Sin Correo SAC", 30);

	ctl_mail_req_init(&r);
	r.client_id = bare;
	TL_OK(ctl_mail_draft(&f->c, &r, &m, &e), &e);
	assert_string_equal(m.to, "");
	assert_int_equal(ctl_mail_queue(&f->c, &m, NULL, &e), CART_INVALID);
	assert_non_null(strstr(e.msg, "Sin Correo SAC has no e-mail address"));
	snprintf(m.to, sizeof m.to, "cobranza@@example.pe");
	assert_int_equal(ctl_mail_queue(&f->c, &m, NULL, &e), CART_INVALID);
	assert_non_null(strstr(e.msg, "\"cobranza@@example.pe\" is not an e-mail address"));
	snprintf(m.to, sizeof m.to, "ok@example.pe");
	snprintf(m.cc, sizeof m.cc, "Juan <juan at example.pe>");
	assert_int_equal(ctl_mail_queue(&f->c, &m, NULL, &e), CART_INVALID);
	assert_non_null(strstr(e.msg, "Cc"));
	m.cc[0] = '\0';
	m.copy_me = 1;
	assert_int_equal(ctl_mail_queue(&f->c, &m, NULL, &e), CART_INVALID);
	assert_non_null(strstr(e.msg, "CARTERA_MAIL_SELF"));
	m.copy_me = 0;
	snprintf(m.subject, sizeof m.subject, "Hola\nBcc: todos@example.pe");
	assert_int_equal(ctl_mail_queue(&f->c, &m, NULL, &e), CART_INVALID);
	assert_string_equal(e.msg, "the subject is one line");
	m.subject[0] = '\0';
	assert_int_equal(ctl_mail_queue(&f->c, &m, NULL, &e), CART_INVALID);
	ctl_mail_free(&m);
	TL_OK(ctl_mail_setting_set(&f->c, "mail-from", "", &e), &e);
	ctl_mail_req_init(&r);
	r.client_id = f->jose;
	TL_OK(ctl_mail_draft(&f->c, &r, &m, &e), &e);
	assert_int_equal(ctl_mail_queue(&f->c, &m, NULL, &e), CART_INVALID);
	assert_non_null(strstr(e.msg, "mail-from"));
	ctl_mail_free(&m);
	assert_int_equal(n_messages(f), 0);
	/* a statement that cannot be built: a client that does not exist */
	r.client_id = 999;
	assert_int_not_equal(ctl_mail_draft(&f->c, &r, &m, &e), CART_OK);
	assert_int_equal(n_messages(f), 0);
}

static void test_addresses(void **state)
{
	cart_err e = { 0 };
	int n = -1;

	(void)state;
	assert_true(mail_addr_valid("a@b.pe"));
	assert_true(mail_addr_valid("cobranza.lima+2026@sub.example-x.com.pe"));
	assert_false(mail_addr_valid("a@b"));
	assert_false(mail_addr_valid("@b.pe"));
	assert_false(mail_addr_valid("a@@b.pe"));
	assert_false(mail_addr_valid("a b@c.pe"));
	assert_false(mail_addr_valid("a..b@c.pe"));
	assert_false(mail_addr_valid("a@-b.pe"));
	assert_false(mail_addr_valid("a@b..pe"));
	assert_false(mail_addr_valid("ñ@b.pe"));
	TL_OK(mail_addr_check("\"Last, First\" <a@b.pe>; c@d.pe , Ñañez <e@f.pe>", "To", &n, &e),
	      &e);
	assert_int_equal(n, 3);
	TL_OK(mail_addr_check("  ", "To", &n, &e), &e);
	assert_int_equal(n, 0);
	assert_int_equal(mail_addr_check("a@b.pe, x", "To", &n, &e), CART_INVALID);
	assert_string_equal(e.msg, "To: \"x\" is not an e-mail address");
	assert_int_equal(mail_addr_check("Ana <a@b.pe", "Cc", &n, &e), CART_INVALID);
}

/* Templates: an unknown placeholder is refused when saved, naming it and its line. */
static void test_templates(void **state)
{
	fx *f = *state;
	cart_err e = { 0 };
	mail_template t;
	const char *vals[MAIL_NPH] = { 0 };
	char *out = NULL;

	assert_int_equal(ctl_mail_template_set(&f->c, "statement", "es", "Hola {client}",
	                                       "Línea uno\nSaldo {saldo}\n", &e), CART_INVALID);
	assert_non_null(strstr(e.msg, "body, line 2: unknown placeholder {saldo}"));
	assert_int_equal(ctl_mail_template_set(&f->c, "statement", "es", "Hola {client",
	                                       "x", &e), CART_INVALID);
	assert_non_null(strstr(e.msg, "subject, line 1"));
	assert_int_equal(ctl_mail_template_set(&f->c, "statement", "fr", "Salut", "x", &e),
	                 CART_INVALID);
	/* nothing changed */
	TL_OK(ctl_mail_template_get(&f->c, "statement", "es", &t, &e), &e);
	assert_string_equal(t.subject, "Estado de cuenta de {client} al {date}");
	free(t.body);
	TL_OK(ctl_mail_template_set(&f->c, "aviso", "es", "Aviso a {client}",
	                            "Total {{vencido}}: {overdue}\n", &e), &e);
	TL_OK(ctl_mail_template_get(&f->c, "aviso", "es", &t, &e), &e);
	vals[MAIL_PH_overdue] = "COP 5,00";
	TL_OK(mail_tpl_expand(t.body, vals, &out, &e), &e);
	assert_string_equal(out, "Total {vencido}: COP 5,00\n");
	free(out);
	free(t.body);
}

/* Claim, fail, wait, retry, send: one delivery; two claims never get one message. */
static void test_outbox_states(void **state)
{
	fx *f = *state;
	cart_err e = { 0 };
	ctl_mail_req r;
	ctl_mail m;
	mail_row row;
	int64_t id1 = 0, id2 = 0;
	char *raw;
	size_t len;
	int got, n;

	ctl_mail_req_init(&r);
	r.client_id = f->jose;
	r.attach_pdf = 0;
	r.kind = "reminder";
	TL_OK(ctl_mail_draft(&f->c, &r, &m, &e), &e);
	TL_OK(ctl_mail_queue(&f->c, &m, &id1, &e), &e);
	TL_OK(ctl_mail_queue(&f->c, &m, &id2, &e), &e);
	ctl_mail_free(&m);

	TL_OK(ledger_mail_claim(f->t->l, "a", &row, &raw, &len, &got, &e), &e);
	assert_int_equal(got, 1);
	assert_int_equal(row.id, id1);
	assert_int_equal(row.status, MAIL_SENDING);
	assert_int_equal(row.attempts, 1);
	free(raw);
	TL_OK(ledger_mail_claim(f->t->l, "b", &row, &raw, &len, &got, &e), &e);
	assert_int_equal(row.id, id2);
	free(raw);
	TL_OK(ledger_mail_claim(f->t->l, "c", &row, &raw, &len, &got, &e), &e);
	assert_int_equal(got, 0);

	TL_OK(ledger_mail_done(f->t->l, id1, 0, "exit status 75: connection refused", &e), &e);
	TL_OK(ledger_mail_done(f->t->l, id2, 1, NULL, &e), &e);
	assert_int_equal(ledger_mail_done(f->t->l, id2, 1, NULL, &e), CART_CONFLICT);
	TL_OK(ledger_mail_get(f->t->l, id1, &row, NULL, NULL, &e), &e);
	assert_int_equal(row.status, MAIL_FAILED);
	assert_string_equal(row.last_error, "exit status 75: connection refused");
	assert_true(strcmp(row.next_try, row.updated_at) > 0);
	/* not due yet: the next try is five minutes away */
	TL_OK(ledger_mail_claim(f->t->l, "a", &row, &raw, &len, &got, &e), &e);
	assert_int_equal(got, 0);
	/* a sent message is neither retried nor cancelled */
	assert_int_equal(ctl_mail_retry(&f->c, id2, &n, &e), CART_REFUSED);
	assert_int_equal(ctl_mail_cancel(&f->c, id2, &e), CART_REFUSED);
	TL_OK(ctl_mail_retry(&f->c, 0, &n, &e), &e);
	assert_int_equal(n, 1);
	TL_OK(ledger_mail_claim(f->t->l, "a", &row, &raw, &len, &got, &e), &e);
	assert_int_equal(got, 1);
	assert_int_equal(row.id, id1);
	assert_int_equal(row.attempts, 1);
	free(raw);
	TL_OK(ledger_mail_done(f->t->l, id1, 0, "again", &e), &e);
	TL_OK(ctl_mail_cancel(&f->c, id1, &e), &e);
	TL_OK(ledger_mail_get(f->t->l, id1, &row, NULL, NULL, &e), &e);
	assert_int_equal(row.status, MAIL_CANCELLED);
	assert_int_equal(ctl_mail_retry(&f->c, id1, &n, &e), CART_REFUSED);
	assert_int_equal(n_messages(f), 2);

	assert_int_equal(mail_retry_delay(1), 300);
	assert_int_equal(mail_retry_delay(2), 600);
	assert_int_equal(mail_retry_delay(3), 1200);
	assert_int_equal(mail_retry_delay(20), MAIL_RETRY_MAX);
}

/* Delivery through a command: exit status and stderr are the error. */
static void test_deliver(void **state)
{
	fx *f = *state;
	cart_err e = { 0 };
	char cmd[300], path[200];
	FILE *fp;
	char got[64] = "";

	snprintf(path, sizeof path, "%s/delivered", f->t->dir);
	snprintf(cmd, sizeof cmd, "cat > '%s'", path);
	TL_OK(mail_deliver(cmd, "Subject: x\n\nhola\n", 17, 10, &e), &e);
	fp = fopen(path, "r");
	assert_non_null(fp);
	assert_int_equal(fread(got, 1, sizeof got - 1, fp), 17);
	fclose(fp);
	unlink(path);
	assert_string_equal(got, "Subject: x\n\nhola\n");
	assert_int_equal(mail_deliver("echo 'msmtp: cannot connect' >&2; exit 69", "x", 1, 10, &e),
	                 CART_IO);
	assert_string_equal(e.msg, "the sendmail command failed (exit status 69): msmtp: cannot"
	                           " connect");
	assert_int_equal(mail_deliver("sleep 5", "x", 1, 1, &e), CART_IO);
	assert_non_null(strstr(e.msg, "did not finish within 1 seconds"));
	assert_int_equal(mail_deliver("", "x", 1, 1, &e), CART_INVALID);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_statement_message, setup, teardown),
		cmocka_unit_test_setup_teardown(test_document_message, setup, teardown),
		cmocka_unit_test_setup_teardown(test_client_lang, setup, teardown),
		cmocka_unit_test_setup_teardown(test_history_line, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refusals, setup, teardown),
		cmocka_unit_test(test_addresses),
		cmocka_unit_test_setup_teardown(test_templates, setup, teardown),
		cmocka_unit_test_setup_teardown(test_outbox_states, setup, teardown),
		cmocka_unit_test_setup_teardown(test_deliver, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
