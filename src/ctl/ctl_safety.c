/* Safety for both faces; see include/cartera/ctl_safety.h. */
#include "config.h"

#include <errno.h>
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cartera/ctl_safety.h"
#include "cartera/i18n.h"
#include "model/ledger_safety.h"
#include "ctl_int.h"

int ctl_busy_timeout_env(cart_err *e)
{
	const char *v = getenv("CARTERA_BUSY_TIMEOUT");
	char *end;
	long ms;

	if (!v || !*v) {
		ledger_default_busy_timeout(5000);
		return CART_OK;
	}
	errno = 0;
	ms = strtol(v, &end, 10);
	if (errno || *end || ms < 0 || ms > 3600000)
		return cart_fail(e, CART_INVALID, _("CARTERA_BUSY_TIMEOUT \"%s\" is not a number of"
		                 " milliseconds from 0 to 3600000"), v);
	ledger_default_busy_timeout((int)ms);
	return CART_OK;
}

int ctl_set_key(ctl *c, const char *key, cart_err *e)
{
	return ledger_set_key(c->l, key, e);
}

int ctl_key_replay(ctl *c, int type, posted *out)
{
	cart_err e;

	if (ledger_key_lookup(c->l, type, out, &e) != CART_OK || !out->replayed)
		return 0;
	ctl_posted(c, CART_OK, out); /* the summary of the document posted the first time */
	return 1;
}

int ctl_wrote(const ctl *c)
{
	return c->l && ledger_wrote(c->l);
}

int ctl_share_group(ctl *c, const char *group, cart_err *e)
{
	static const char *const suffix[] = { "", "-wal", "-shm" };
	struct group *gr;
	int rc;

	if (!group || !*group)
		return cart_fail(e, CART_INVALID, _("give the Unix group that shares the ledger"));
	if (!(gr = getgrnam(group)))
		return cart_fail(e, CART_NOTFOUND, _("there is no Unix group \"%s\" (create it with"
		                 " 'addgroup %s' and add the clerks with 'adduser CLERK %s')"), group,
		                 group, group);
	for (size_t i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
		char p[1100];

		snprintf(p, sizeof p, "%s%s", c->path, suffix[i]);
		if (i && access(p, F_OK) != 0)
			continue;
		if (chown(p, (uid_t)-1, gr->gr_gid) != 0 || chmod(p, 0660) != 0)
			return cart_fail(e, CART_IO, _("cannot give %s to the group %s: %s (the owner of"
			                 " the file, in that group, or root must do it)"), p, group,
			                 strerror(errno));
	}
	if ((rc = ledger_setting_set(c->l, "group", group, e)) != CART_OK)
		return rc;
	return CART_OK;
}

int ctl_set_supervisors(ctl *c, const char *group, cart_err *e)
{
	if (group && *group && !getgrnam(group))
		return cart_fail(e, CART_NOTFOUND, _("there is no Unix group \"%s\""), group);
	if (ctl_need_supervisor(c, _("change who the supervisors are"), e))
		return e->code;
	return ledger_setting_set(c->l, "supervisors", group ? group : "", e);
}

int ctl_supervisors(ctl *c, char *buf, size_t size, cart_err *e)
{
	return ledger_setting_get(c->l, "supervisors", buf, size, e);
}

static int member_of(gid_t gid)
{
	gid_t groups[256];
	int n = getgroups(256, groups);

	if (getegid() == gid || getgid() == gid)
		return 1;
	for (int i = 0; i < n; i++)
		if (groups[i] == gid)
			return 1;
	return 0;
}

int ctl_need_supervisor(ctl *c, const char *what, cart_err *e)
{
	char group[200];
	struct group *gr;

	if (ledger_setting_get(c->l, "supervisors", group, sizeof group, e) != CART_OK)
		return e->code;
	if (!group[0])
		return CART_OK;
	gr = getgrnam(group);
	if (gr && member_of(gr->gr_gid))
		return CART_OK;
	return cart_fail(e, CART_REFUSED, _("only a supervisor (a member of the Unix group %s) may"
	                 " %s; ask one, or the administrator (adduser CLERK %s)"), group, what,
	                 group);
}

int ctl_backup(ctl *c, const char *dest, int force, cart_err *e)
{
	return ledger_backup(c->l, dest, force, e);
}

int ctl_restore(const char *path, const char *src, int force, cart_err *e)
{
	return ledger_restore(path, src, force, e);
}

typedef struct audit_pass {
	ctl_audit_cb cb;
	void *ud;
} audit_pass;

static int pass_row(const audit_row *r, void *ud)
{
	audit_pass *p = ud;
	ctl_audit_line l;

	memset(&l, 0, sizeof l);
	l.id = (long long)r->id;
	l.client_id = (long long)r->client_id;
	snprintf(l.at, sizeof l.at, "%s", r->at);
	snprintf(l.clerk, sizeof l.clerk, "%s", r->clerk);
	snprintf(l.action, sizeof l.action, "%s", r->action);
	snprintf(l.number, sizeof l.number, "%s", r->number);
	snprintf(l.detail, sizeof l.detail, "%s", r->detail);
	return p->cb(&l, p->ud);
}

int ctl_audit_read(ctl *c, const char *who, const char *clerk, const char *from,
                   const char *to, ctl_audit_cb cb, void *ud, cart_err *e)
{
	audit_filter f;
	audit_pass p = { cb, ud };
	int rc;

	memset(&f, 0, sizeof f);
	if (who && *who) {
		struct client cl;

		if ((rc = ctl_client_ref(c, who, &cl, e)) != CART_OK)
			return rc;
		f.client_id = cl.id;
	}
	snprintf(f.clerk, sizeof f.clerk, "%s", clerk ? clerk : "");
	if (from && *from && (rc = ctl_date(from, "--from", f.from, e)) != CART_OK)
		return rc;
	if (to && *to && (rc = ctl_date(to, "--to", f.to, e)) != CART_OK)
		return rc;
	return ledger_audit_list(c->l, &f, pass_row, &p, e);
}
