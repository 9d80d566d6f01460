/* The mail controller: queueing, delivering, the outbox, settings and templates (drafting is in
 * ctl_mail_draft.c). See cartera/ctl_mail.h. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cartera/ctl_mail.h"
#include "cartera/i18n.h"
#include "model/ledger_mail.h"
#include "ctl_int.h"
#include "ctl_mail_int.h"

/* ---- queueing ---- */

/* "Company S.A. <cobros@empresa.pe>" from the settings: the company's name, unless mail-from
 * already carries one. */
static int sender(ctl *c, char *buf, size_t size, cart_err *e)
{
	char from[300];
	int rc;

	if ((rc = ledger_mail_setting(c->l, "mail-from", from, sizeof from, e)) != CART_OK)
		return rc;
	if (!from[0])
		return cart_fail(e, CART_INVALID, _("no sender address is set: run 'cartera company set"
		                 " mail-from ADDRESS'"));
	if (strchr(from, '<') || !c->co.name[0]) {
		snprintf(buf, size, "%s", from);
	} else {
		char name[200];
		size_t j = 0;

		for (const char *p = c->co.name; *p && j + 1 < sizeof name; p++)
			if (*p != '"')
				name[j++] = *p;
		name[j] = '\0';
		snprintf(buf, size, "\"%s\" <%s>", name, from);
	}
	return CART_OK;
}

/* Append src to a ", " list in dst. */
static void list_add(char *dst, size_t size, const char *src)
{
	size_t n = strlen(dst);

	if (src && *src && n + 1 < size)
		snprintf(dst + n, size - n, "%s%s", n ? ", " : "", src);
}

typedef struct addr_join {
	char *buf;
	size_t size;
} addr_join;

static int join_addr(void *ud, const char *name, const char *addr)
{
	addr_join *j = ud;

	(void)name;
	list_add(j->buf, j->size, addr);
	return CART_OK;
}

int ctl_mail_queue(ctl *c, const ctl_mail *m, int64_t *id, cart_err *e)
{
	char from[560], reply[300], names[512] = "";
	const char *bcc = NULL;
	mail_msg msg;
	mail_row row;
	addr_join j;
	char *raw = NULL;
	size_t len = 0;
	client cl;
	int nto = 0, rc;

	if ((rc = ledger_client_get(c->l, m->client_id, &cl, e)) != CART_OK)
		return rc;
	if ((rc = mail_addr_check(m->to, _("To"), &nto, e)) != CART_OK ||
	    (rc = mail_addr_check(m->cc, _("Cc"), NULL, e)) != CART_OK)
		return rc;
	if (!nto)
		return cart_fail(e, CART_INVALID, _("%s has no e-mail address: add one to the client or"
		                 " to a person who receives its notices, or give the address (To)"),
		                 cl.name);
	if (m->copy_me) {
		if (!m->self[0])
			return cart_fail(e, CART_INVALID, _("a copy to you needs your address: set"
			                 " CARTERA_MAIL_SELF or run 'cartera mail self ADDRESS'"));
		if ((rc = mail_addr_check(m->self, _("your own address"), NULL, e)) != CART_OK)
			return rc;
		bcc = m->self;
	}
	if (!m->subject[0])
		return cart_fail(e, CART_INVALID, _("the message has no subject"));
	if (strpbrk(m->subject, "\r\n"))
		return cart_fail(e, CART_INVALID, _("the subject is one line"));
	if ((rc = sender(c, from, sizeof from, e)) != CART_OK ||
	    (rc = ledger_mail_setting(c->l, "reply-to", reply, sizeof reply, e)) != CART_OK)
		return rc;

	memset(&msg, 0, sizeof msg);
	msg.from = from;
	msg.reply_to = reply;
	msg.to = m->to;
	msg.cc = m->cc;
	msg.bcc = bcc;
	msg.subject = m->subject;
	msg.body = m->body ? m->body : "";
	msg.parts = m->att;
	msg.nparts = m->n_att;
	if ((rc = mail_build(&msg, &raw, &len, e)) != CART_OK)
		return rc;

	memset(&row, 0, sizeof row);
	row.client_id = m->client_id;
	row.doc_id = m->doc_id;
	snprintf(row.kind, sizeof row.kind, "%s", m->kind[0] ? m->kind : "other");
	j.buf = row.recipients;
	j.size = sizeof row.recipients;
	mail_addr_each(m->to, join_addr, &j, "", CART_IGNORED);
	mail_addr_each(m->cc, join_addr, &j, "", CART_IGNORED);
	mail_addr_each(bcc, join_addr, &j, "", CART_IGNORED);
	snprintf(row.subject, sizeof row.subject, "%s", m->subject);
	for (int i = 0; i < m->n_att; i++)
		if (!m->att[i].off)
			list_add(names, sizeof names, m->att[i].filename);
	snprintf(row.attachments, sizeof row.attachments, "%s", names);
	rc = ledger_mail_queue(c->l, &row, raw, len, e);
	free(raw);
	if (rc == CART_OK && id)
		*id = row.id;
	return rc;
}

/* ---- delivery ---- */

int ctl_mail_command(ctl *c, char *buf, size_t size, const char **source, cart_err *e)
{
	const char *env = getenv("CARTERA_SENDMAIL");
	int rc;

	if (env && *env) {
		snprintf(buf, size, "%s", env);
		*source = "CARTERA_SENDMAIL";
		return CART_OK;
	}
	*source = "company";
	if ((rc = ledger_mail_setting(c->l, "sendmail", buf, size, e)) != CART_OK)
		return rc;
	if (!buf[0])
		snprintf(buf, size, "/usr/sbin/sendmail -t -oi");
	return CART_OK;
}

int ctl_mail_send(ctl *c, int max, ctl_mail_sent *r, cart_err *e)
{
	char cmd[1024], who[300], host[256] = "";
	const char *source;
	int rc;

	memset(r, 0, sizeof *r);
	if ((rc = ctl_mail_command(c, cmd, sizeof cmd, &source, e)) != CART_OK)
		return rc;
	gethostname(host, sizeof host - 1);
	snprintf(who, sizeof who, "%s:%ld", host, (long)getpid());
	while (max <= 0 || r->sent + r->failed < max) {
		mail_row m;
		cart_err de;
		char *raw;
		size_t len;
		int got;

		if ((rc = ledger_mail_claim(c->l, who, &m, &raw, &len, &got, e)) != CART_OK)
			return rc;
		if (!got)
			break;
		rc = mail_deliver(cmd, raw, len, 120, &de);
		free(raw);
		if (rc == CART_OK) {
			r->sent++;
		} else {
			r->failed++;
			r->last_failed = m.id;
			snprintf(r->last_error, sizeof r->last_error, "%s", de.msg);
		}
		/* the outcome is recorded even when the ledger was busy a moment: try a few times */
		for (int tries = 0;; tries++) {
			rc = ledger_mail_done(c->l, m.id, rc == CART_OK, rc == CART_OK ? NULL : de.msg, e);
			if (rc != CART_BUSY || tries == 5)
				break;
			sleep(1);
		}
		if (rc != CART_OK)
			return rc;
	}
	return CART_OK;
}

int ctl_mail_send_background(ctl *c, cart_err *e)
{
	char exe[1024];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	pid_t pid;
	int status;

	if (n <= 0)
		snprintf(exe, sizeof exe, "cartera");
	else
		exe[n] = '\0';
	/* twice forked and in its own session: it outlives the screen and leaves no zombie */
	pid = fork();
	if (pid < 0)
		return cart_fail(e, CART_IO, _("cannot start the delivery of the outbox: %s"),
		                 strerror(errno));
	if (pid == 0) {
		pid_t grand;
		int fd;

		setsid();
		grand = fork();
		if (grand != 0)
			_exit(grand < 0);
		fd = open("/dev/null", O_RDWR);
		if (fd >= 0) {
			dup2(fd, 0);
			dup2(fd, 1);
			dup2(fd, 2);
			if (fd > 2)
				close(fd);
		}
		execl(exe, "cartera", "--db", c->path, "mail", "send", "--quiet", (char *)NULL);
		execlp("cartera", "cartera", "--db", c->path, "mail", "send", "--quiet", (char *)NULL);
		_exit(127);
	}
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return cart_fail(e, CART_IO, _("cannot start the delivery of the outbox"));
	return CART_OK;
}

/* ---- the outbox ---- */

int ctl_mail_list(ctl *c, const char *status, int64_t client_id, ctl_mail_cb cb, void *ud,
                  cart_err *e)
{
	int st = -1;

	if (status && *status && (st = mail_status_parse(status)) < 0)
		return cart_fail(e, CART_INVALID, _("status \"%s\": use pending, sending, sent, failed or"
		                 " cancelled"), status);
	return ledger_mail_list(c->l, st, client_id, cb, ud, e);
}

int ctl_mail_get(ctl *c, int64_t id, mail_row *m, char **raw, size_t *len, cart_err *e)
{
	return ledger_mail_get(c->l, id, m, raw, len, e);
}

int ctl_mail_of_history(ctl *c, int64_t history_id, int64_t *id, cart_err *e)
{
	return ledger_mail_of_history(c->l, history_id, id, e);
}

int ctl_mail_retry(ctl *c, int64_t id, int *n, cart_err *e)
{
	return ledger_mail_retry(c->l, id, n, e);
}

int ctl_mail_cancel(ctl *c, int64_t id, cart_err *e)
{
	return ledger_mail_cancel(c->l, id, e);
}

int ctl_mail_id(const char *text, int64_t *id, cart_err *e)
{
	const char *p = text ? text : "";
	char *end;
	long long v;

	if (*p == '#')
		p++;
	errno = 0;
	v = strtoll(p, &end, 10);
	if (!*p || *end || errno || v <= 0)
		return cart_fail(e, CART_INVALID, _("message number \"%s\": give the number shown by"
		                 " 'cartera mail list'"), text ? text : "");
	*id = v;
	return CART_OK;
}

/* ---- settings ---- */

static const char *const company_keys[] = {
	"sendmail", "mail-from", "reply-to", "attach-statement", "lang",
};

int ctl_mail_is_setting(const char *key)
{
	for (size_t i = 0; i < sizeof company_keys / sizeof company_keys[0]; i++)
		if (key && !strcmp(key, company_keys[i]))
			return 1;
	return 0;
}

int ctl_mail_setting(ctl *c, const char *key, char *buf, size_t size, cart_err *e)
{
	return ledger_mail_setting(c->l, key, buf, size, e);
}

/* One address, no display name wanted: what names it. */
static int one_address(const char *value, const char *what, cart_err *e)
{
	int n = 0, rc = mail_addr_check(value, what, &n, e);

	if (rc == CART_OK && n != 1)
		return cart_fail(e, CART_INVALID, _("%s: give one e-mail address"), what);
	return rc;
}

int ctl_mail_setting_set(ctl *c, const char *key, const char *value, cart_err *e)
{
	int rc;

	if (!ctl_mail_is_setting(key))
		return cart_fail(e, CART_INVALID, _("unknown mail setting \"%s\": use sendmail,"
		                 " mail-from, reply-to, attach-statement or lang"), key ? key : "");
	if (!value)
		value = "";
	if (!strcmp(key, "sendmail")) {
		const char *p = value;

		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p)
			return cart_fail(e, CART_INVALID, _("sendmail: give the command that takes a"
			                 " message on its standard input, e.g. \"/usr/sbin/sendmail -t"
			                 " -oi\""));
	} else if (!strcmp(key, "mail-from") || !strcmp(key, "reply-to")) {
		if (*value && (rc = one_address(value, key, e)) != CART_OK)
			return rc;
	} else if (!strcmp(key, "attach-statement")) {
		if (strcmp(value, "yes") && strcmp(value, "no"))
			return cart_fail(e, CART_INVALID, _("attach-statement \"%s\": give yes or no"),
			                 value);
	} else if (!strcmp(key, "lang")) {
		if (strcmp(value, "es") && strcmp(value, "en"))
			return cart_fail(e, CART_INVALID, _("lang \"%s\": give es or en"), value);
	}
	return ledger_mail_setting_set(c->l, key, value, e);
}

int ctl_mail_self(ctl *c, char *buf, size_t size, cart_err *e)
{
	const char *env = getenv("CARTERA_MAIL_SELF");
	char key[100];

	if (env && *env) {
		snprintf(buf, size, "%s", env);
		return CART_OK;
	}
	snprintf(key, sizeof key, "self:%s", ledger_clerk(c->l));
	return ledger_mail_setting(c->l, key, buf, size, e);
}

int ctl_mail_self_set(ctl *c, const char *addr, cart_err *e)
{
	char key[100];
	int rc;

	if (addr && *addr && (rc = one_address(addr, _("your own address"), e)) != CART_OK)
		return rc;
	snprintf(key, sizeof key, "self:%s", ledger_clerk(c->l));
	return ledger_mail_setting_set(c->l, key, addr ? addr : "", e);
}

int ctl_mail_client_lang(ctl *c, int64_t client_id, char out[3], cart_err *e)
{
	return ctl_mail_lang_of(c, NULL, client_id, out, e);
}

int ctl_mail_client_lang_set(ctl *c, int64_t client_id, const char *lang, cart_err *e)
{
	char key[40];
	client cl;
	int rc;

	if ((rc = ledger_client_get(c->l, client_id, &cl, e)) != CART_OK)
		return rc;
	if (lang && *lang && strcmp(lang, "es") && strcmp(lang, "en"))
		return cart_fail(e, CART_INVALID, _("language \"%s\": use es or en"), lang);
	snprintf(key, sizeof key, "lang:%lld", (long long)client_id);
	return ledger_mail_setting_set(c->l, key, lang ? lang : "", e);
}

/* ---- templates ---- */

int ctl_mail_template_list(ctl *c, ctl_mail_tpl_cb cb, void *ud, cart_err *e)
{
	return ledger_mail_template_list(c->l, cb, ud, e);
}

int ctl_mail_template_get(ctl *c, const char *name, const char *lang, mail_template *t,
                          cart_err *e)
{
	char l2[3];
	int rc;

	if ((rc = ctl_mail_lang_of(c, lang, 0, l2, e)) != CART_OK)
		return rc;
	return ledger_mail_template_get(c->l, name, l2, t, e);
}

int ctl_mail_template_set(ctl *c, const char *name, const char *lang, const char *subject,
                          const char *body, cart_err *e)
{
	mail_template t;
	int rc;

	memset(&t, 0, sizeof t);
	if (!name || !*name || strlen(name) >= sizeof t.name)
		return cart_fail(e, CART_INVALID, _("a template needs a name of 1 to %d characters"),
		                 (int)sizeof t.name - 1);
	for (const char *p = name; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-' || *p == '_'))
			return cart_fail(e, CART_INVALID, _("template name \"%s\": use lowercase letters,"
			                 " digits, - and _"), name);
	if ((rc = ctl_mail_lang_of(c, lang, 0, t.lang, e)) != CART_OK)
		return rc;
	if (!subject || !*subject)
		return cart_fail(e, CART_INVALID, _("template \"%s\": the subject is empty"), name);
	if (strlen(subject) >= sizeof t.subject)
		return cart_fail(e, CART_INVALID, _("template \"%s\": the subject is longer than %d"
		                 " bytes"), name, (int)sizeof t.subject - 1);
	if (strchr(subject, '\n'))
		return cart_fail(e, CART_INVALID, _("template \"%s\": the subject is one line"), name);
	if ((rc = mail_tpl_check(subject, _("subject"), e)) != CART_OK ||
	    (rc = mail_tpl_check(body, _("body"), e)) != CART_OK) {
		char what[100];

		snprintf(what, sizeof what, _("template \"%s\" not saved"), name);
		return ctl_mail_because(e, rc, what);
	}
	snprintf(t.name, sizeof t.name, "%s", name);
	snprintf(t.subject, sizeof t.subject, "%s", subject);
	t.body = (char *)(body ? body : "");
	return ledger_mail_template_set(c->l, &t, e);
}
