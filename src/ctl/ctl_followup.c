/* Payment follow-up controllers, part one (SPEC F1, F2, F6): levels and their defaults, which
 * level each client needs today, a clerk's changes to a client's follow-up, activities and
 * promises to pay. Processing is in ctl_followup_run.c. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "cartera/ctl_followup.h"
#include "cartera/i18n.h"
#include "model/ledger_dash.h"
#include "ctl_int.h"
#include "ctl_followup_int.h"
#include "model/ledger_followup.h"

void fu_stamp(char at[24])
{
	char today[DATE_LEN];
	time_t now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	date_format(date_today(), today);
	snprintf(at, 24, "%.10sT%02d:%02d:%02dZ", today, tm.tm_hour % 24, tm.tm_min % 60, tm.tm_sec % 61);
}

/* ---- levels ---- */

static void level_default(fu_level *lv, const char *name, int days, int email, int letter,
                          const char *subject, const char *body)
{
	memset(lv, 0, sizeof *lv);
	snprintf(lv->name, sizeof lv->name, "%s", name);
	lv->days = days;
	lv->email = email;
	lv->letter = letter;
	lv->autom = 1;
	lv->attach = email;
	snprintf(lv->subject, sizeof lv->subject, "%s", subject);
	snprintf(lv->body, sizeof lv->body, "%s", body);
}

/* The default levels, in the clerk's language. */
static int defaults(fu_level d[4])
{
	level_default(&d[0], _("Courtesy reminder"), -3, 1, 0,
	              _("{company}: invoices falling due"),
	              _("Dear {client}: this is a courtesy reminder that {amount} falls due on "
	                "{due}. If you have already paid, please disregard this message."));
	level_default(&d[1], _("First reminder"), 15, 1, 0,
	              _("{company}: overdue invoices"),
	              _("Dear {client}: our records show {amount} overdue for {days} days. Please "
	                "arrange the payment or tell us when it will be made."));
	level_default(&d[2], _("Second reminder"), 30, 1, 0,
	              _("{company}: second reminder, overdue invoices"),
	              _("Dear {client}: despite our earlier reminder, {amount} is still overdue "
	                "after {days} days. Please pay it within the next few days."));
	level_default(&d[3], _("Final notice"), 60, 1, 1,
	              _("{company}: final notice before collection"),
	              _("Dear {client}: {amount} has been overdue for {days} days. Unless it is paid "
	                "within seven days we will suspend credit and pursue collection."));
	snprintf(d[3].act_type, sizeof d[3].act_type, "call");
	snprintf(d[3].act_summary, sizeof d[3].act_summary, "%s",
	         _("Call the client about the final notice"));
	d[3].act_days = 2;
	d[3].autom = 0;
	return 4;
}

int ctl_fu_levels_ensure(ctl *c, cart_err *e)
{
	fu_level d[4];
	int added;

	defaults(d);
	return ledger_fu_levels_seed(c->l, d, 4, &added, e);
}

int fu_levels_load(ctl *c, fu_level *lv, int *n, cart_err *e)
{
	int rc = ledger_fu_levels(c->l, lv, FU_MAX_LEVELS, n, e);

	/* a company with no levels yet: the defaults, unsaved (a look or a dry run writes nothing) */
	if (rc == CART_OK && *n == 0) {
		*n = defaults(lv);
		for (int i = 0; i < *n; i++)
			lv[i].id = -(i + 1);
	}
	return rc;
}

int ctl_fu_levels(ctl *c, fu_level *out, int max, int *n, cart_err *e)
{
	return ledger_fu_levels(c->l, out, max, n, e);
}

int ctl_fu_level_ref(ctl *c, const char *ref, fu_level *out, cart_err *e)
{
	fu_level lv[FU_MAX_LEVELS];
	int n, rc, digits = ref && *ref;

	for (const char *p = ref; p && *p; p++)
		if (*p < '0' || *p > '9')
			digits = 0;
	if ((rc = fu_levels_load(c, lv, &n, e)) != CART_OK)
		return rc;
	for (int i = 0; i < n; i++) {
		char dn[16];

		snprintf(dn, sizeof dn, "d%d", lv[i].days);
		if ((digits && lv[i].id == atoll(ref)) || !strcasecmp(lv[i].name, ref ? ref : "") ||
		    !strcmp(dn, ref ? ref : "")) {
			*out = lv[i];
			return CART_OK;
		}
	}
	return cart_fail(e, CART_NOTFOUND, _("no follow-up level \"%s\" (give its number, its name or "
	                 "d<days>)"), ref ? ref : "");
}

static int yes_no(const char *text, const char *what, int *out, cart_err *e)
{
	if (!strcmp(text, "yes") || !strcmp(text, "1") || !strcmp(text, "si") || !strcmp(text, "sí"))
		*out = 1;
	else if (!strcmp(text, "no") || !strcmp(text, "0"))
		*out = 0;
	else
		return cart_fail(e, CART_INVALID, _("%s \"%s\": use yes or no"), what, text);
	return CART_OK;
}

/* A yearly percentage with up to two decimals, in hundredths of a percent. */
static int parse_rate(const char *text, int *bp, cart_err *e)
{
	long whole = 0, frac = 0;
	int nd = 0;
	const char *p = text;

	if (!*p)
		return cart_fail(e, CART_INVALID, "%s", _("the interest rate is empty"));
	for (; *p >= '0' && *p <= '9' && whole < 100000; p++)
		whole = whole * 10 + (*p - '0');
	if (*p == '.' || *p == ',')
		for (p++; *p >= '0' && *p <= '9' && nd < 2; p++, nd++)
			frac = frac * 10 + (*p - '0');
	if (*p == '%')
		p++;
	if (*p || whole > 1000)
		return cart_fail(e, CART_INVALID, _("interest rate \"%s\": give a yearly percentage, "
		                 "such as 24 or 1,5"), text);
	*bp = (int)(whole * 100 + (nd == 1 ? frac * 10 : frac));
	return CART_OK;
}

static int level_apply(ctl *c, const ctl_fu_level_args *a, fu_level *lv, cart_err *e)
{
	int rc;

#define COPY(field, arg) if (a->arg) snprintf(lv->field, sizeof lv->field, "%s", a->arg)
	COPY(name, name);
	COPY(subject, subject);
	COPY(body, body);
	COPY(sms_text, sms_text);
	COPY(act_summary, summary);
#undef COPY
	if (a->days) {
		char *end;
		long v = strtol(a->days, &end, 10);

		if (!*a->days || *end || v < -365 || v > 3650)
			return cart_fail(e, CART_INVALID, _("days \"%s\": give a whole number from -365 "
			                 "(before the due date) to 3650"), a->days);
		lv->days = (int)v;
	}
	if (a->actions) {
		const char *p = a->actions;

		lv->email = lv->letter = lv->sms = lv->manual_action = 0;
		while (*p && strcmp(a->actions, "none")) {
			size_t n = strcspn(p, ",");

			if (n == 5 && !strncmp(p, "email", 5))
				lv->email = 1;
			else if (n == 6 && !strncmp(p, "letter", 6))
				lv->letter = 1;
			else if (n == 3 && !strncmp(p, "sms", 3))
				lv->sms = 1;
			else if (n == 6 && !strncmp(p, "manual", 6))
				lv->manual_action = 1;
			else
				return cart_fail(e, CART_INVALID, _("action \"%.*s\": use email, letter, sms, "
				                 "manual or none"), (int)n, p);
			p += n;
			if (*p == ',')
				p++;
		}
	}
	if (a->mode) {
		if (!strcmp(a->mode, "auto"))
			lv->autom = 1;
		else if (!strcmp(a->mode, "manual"))
			lv->autom = 0;
		else
			return cart_fail(e, CART_INVALID, _("mode \"%s\": use auto or manual"), a->mode);
	}
	if (a->attach && (rc = yes_no(a->attach, _("attach"), &lv->attach, e)) != CART_OK)
		return rc;
	if (a->post && (rc = yes_no(a->post, _("post the charge"), &lv->post_charge, e)) != CART_OK)
		return rc;
	if (a->activity) {
		char buf[200], *days, *clerk;

		snprintf(buf, sizeof buf, "%s", a->activity);
		lv->act_type[0] = lv->act_clerk[0] = '\0';
		lv->act_days = 0;
		if (strcmp(buf, "none")) {
			if ((days = strchr(buf, ':')))
				*days++ = '\0';
			if (days && (clerk = strchr(days, ':'))) {
				*clerk++ = '\0';
				snprintf(lv->act_clerk, sizeof lv->act_clerk, "%s", clerk);
			}
			if (strcmp(buf, "call") && strcmp(buf, "visit") && strcmp(buf, "email") &&
			    strcmp(buf, "other"))
				return cart_fail(e, CART_INVALID, _("activity \"%s\": use call, visit, email, "
				                 "other or none, then :DAYS and :CLERK"), a->activity);
			snprintf(lv->act_type, sizeof lv->act_type, "%.7s", buf);
			if (days && *days) {
				char *end;
				long v = strtol(days, &end, 10);

				if (*end || v < 0 || v > 365)
					return cart_fail(e, CART_INVALID, _("activity days \"%s\": 0 to 365"), days);
				lv->act_days = (int)v;
			}
		}
	}
	if (a->fee) {
		if ((rc = ctl_amount(c, a->fee, _("the dunning fee"), &lv->fee, e)) != CART_OK)
			return rc;
		if (lv->fee < 0)
			return cart_fail(e, CART_INVALID, _("the dunning fee \"%s\" is negative"), a->fee);
	}
	if (a->rate && (rc = parse_rate(a->rate, &lv->rate_bp, e)) != CART_OK)
		return rc;
	return CART_OK;
}

int ctl_fu_level_add(ctl *c, const ctl_fu_level_args *a, fu_level *out, cart_err *e)
{
	int rc;

	memset(out, 0, sizeof *out);
	out->autom = 1;
	if (!a->name || !*a->name || !a->days)
		return cart_fail(e, CART_INVALID, "%s", _("a new level needs --name and --days"));
	if ((rc = ctl_fu_levels_ensure(c, e)) != CART_OK)
		return rc;
	if ((rc = level_apply(c, a, out, e)) != CART_OK)
		return rc;
	return ledger_fu_level_add(c->l, out, e);
}

int ctl_fu_level_edit(ctl *c, const char *ref, const ctl_fu_level_args *a, fu_level *out,
                      cart_err *e)
{
	int rc;

	if ((rc = ctl_fu_levels_ensure(c, e)) != CART_OK ||
	    (rc = ctl_fu_level_ref(c, ref, out, e)) != CART_OK ||
	    (rc = level_apply(c, a, out, e)) != CART_OK)
		return rc;
	return ledger_fu_level_update(c->l, out, e);
}

int ctl_fu_level_remove(ctl *c, const char *ref, fu_level *out, cart_err *e)
{
	int rc;

	if ((rc = ctl_fu_level_ref(c, ref, out, e)) != CART_OK)
		return rc;
	return ledger_fu_level_remove(c->l, out->id, e);
}

void ctl_fu_actions_text(const fu_level *lv, char *buf, size_t size)
{
	size_t n = 0;

	buf[0] = '\0';
#define ADD(flag, word) \
	if (flag && n < size) n += (size_t)snprintf(buf + n, size - n, "%s%s", n ? ", " : "", word)
	ADD(lv->email, _("e-mail"));
	ADD(lv->letter, _("letter"));
	ADD(lv->sms, "SMS");
	ADD(lv->manual_action, _("manual action"));
	ADD(lv->act_type[0], lv->act_type);
#undef ADD
	if (!buf[0])
		snprintf(buf, size, "%s", _("none"));
}

/* ---- which level a client needs ---- */

const char *ctl_fu_action_text(int action)
{
	static const char *const texts[] = {
#define X(id, text) text,
		FU_ACTIONS(X)
#undef X
	};
	return action >= 0 && action < FU_NACTIONS ? _(texts[action]) : "?";
}

static int cur_slot(fu_eval *v, const char *cur)
{
	for (int i = 0; i < v->ncur; i++)
		if (!strcmp(v->cur[i].cur, cur))
			return i;
	if (v->ncur == FU_MAX_CUR)
		return FU_MAX_CUR - 1;
	memset(&v->cur[v->ncur], 0, sizeof v->cur[0]);
	snprintf(v->cur[v->ncur].cur, 4, "%s", cur);
	return v->ncur++;
}

void fu_evaluate(const fu_level *lv, int nl, const fu_state *st, fu_item *items, int n,
                 const fu_credit *cr, int ncr, date_t today, fu_eval *v)
{
	int64_t pool[FU_MAX_CUR] = { 0 };
	char pool_cur[FU_MAX_CUR][4];
	int npool = 0, need = -1, at = -1;
	date_t oldest = 0, next = 0;

	v->st = *st;
	v->ncur = 0;
	v->has_open = 0;
	v->days = 0;
	v->need_id = 0;
	v->need[0] = v->level[0] = v->oldest_due[0] = v->next_date[0] = '\0';
	for (int i = 0; i < ncr && npool < FU_MAX_CUR; i++) {
		snprintf(pool_cur[npool], 4, "%s", cr[i].cur);
		pool[npool++] = cr[i].open;
	}
	/* credits in favour pay the oldest charges first: what they cover needs no reminder */
	for (int i = 0; i < n; i++) {
		fu_item *it = &items[i];
		int64_t cover = 0;
		int k;

		for (int j = 0; j < npool; j++)
			if (!strcmp(pool_cur[j], it->cur)) {
				cover = pool[j] < it->open ? pool[j] : it->open;
				pool[j] -= cover;
			}
		it->uncovered = it->open - cover;
		it->days = today - it->due;
		k = cur_slot(v, it->cur);
		v->cur[k].open += it->uncovered;
		if (it->days > 0)
			v->cur[k].overdue += it->uncovered;
		if (it->uncovered > 0 && (!v->has_open || it->due < oldest)) {
			oldest = it->due;
			v->has_open = 1;
		}
	}
	if (v->has_open) {
		v->days = today - oldest;
		date_format(oldest, v->oldest_due);
		for (int i = 0; i < nl; i++)
			if (lv[i].days <= v->days)
				need = i;
	}
	for (int i = 0; i < nl; i++)
		if (lv[i].id == st->level_id)
			at = i;
	if (at >= 0)
		snprintf(v->level, sizeof v->level, "%s", lv[at].name);
	if (need >= 0) {
		v->need_id = lv[need].id;
		snprintf(v->need, sizeof v->need, "%s", lv[need].name);
	}
	if (need < 0)
		v->action = at >= 0 ? FU_RESET : FU_NONE;
	else if (need < at)
		v->action = FU_BACK;
	else if (st->hold[0])
		v->action = FU_HOLD;
	else if (need == at)
		v->action = FU_NONE;
	else {
		date_t over;

		if (st->next_date[0] && date_parse(st->next_date, &over, CART_IGNORED) == CART_OK && today < over)
			v->action = FU_WAIT;
		else if (st->manual || !lv[need].autom)
			v->action = FU_MANUAL;
		else
			v->action = FU_DUE;
	}
	/* the next action: when the level called for falls due, or the next one after it */
	if (v->action == FU_DUE || v->action == FU_MANUAL)
		next = oldest + lv[need].days;
	else if (v->has_open) {
		int after = (v->action == FU_BACK ? need : at) + 1;

		if (after < nl)
			next = oldest + lv[after].days;
	}
	if (st->next_date[0] && v->action != FU_RESET) {
		date_t over;

		if (date_parse(st->next_date, &over, CART_IGNORED) == CART_OK && (!next || over > next))
			next = over;
	}
	if (next)
		date_format(next, v->next_date);
}

/* One client's charges and credits from its open items. */
typedef struct one {
	fu_item *items;
	int n, cap;
	fu_credit cr[FU_MAX_CUR];
	int ncr;
	open_item *keep;          /* the open charges themselves, for letters and e-mails */
} one;

static int take_item(const open_item *it, void *ud)
{
	one *o = ud;
	date_t due;

	if (it->side == 'C') {
		int k;

		for (k = 0; k < o->ncr; k++)
			if (!strcmp(o->cr[k].cur, it->currency))
				break;
		if (k == o->ncr) {
			if (o->ncr == FU_MAX_CUR)
				return 0;
			snprintf(o->cr[o->ncr++].cur, 4, "%s", it->currency);
		}
		o->cr[k].open += it->open;
		return 0;
	}
	if (o->n == o->cap) {
		int cap = o->cap ? o->cap * 2 : 32;
		fu_item *n = realloc(o->items, (size_t)cap * sizeof *n);
		open_item *k = realloc(o->keep, (size_t)cap * sizeof *k);

		if (n)
			o->items = n;
		if (k)
			o->keep = k;
		if (!n || !k)
			return 1;
		o->cap = cap;
	}
	if (date_parse(it->due_date, &due, CART_IGNORED) != CART_OK)
		return 0;
	memset(&o->items[o->n], 0, sizeof o->items[0]);
	o->items[o->n].due = due;
	o->items[o->n].open = it->open;
	snprintf(o->items[o->n].cur, 4, "%s", it->currency);
	o->keep[o->n] = *it;
	o->n++;
	return 0;
}

int fu_client_eval(ctl *c, const fu_level *lv, int nl, int64_t client_id, fu_eval *v,
                   fu_items *out, cart_err *e)
{
	char today[DATE_LEN];
	client cl;
	fu_state st;
	one o;
	int rc;

	memset(&o, 0, sizeof o);
	memset(v, 0, sizeof *v);
	date_format(date_today(), today);
	if ((rc = ledger_client_get(c->l, client_id, &cl, e)) != CART_OK ||
	    (rc = ledger_fu_state_get(c->l, client_id, &st, e)) != CART_OK)
		return rc;
	if ((rc = ledger_open_items(c->l, client_id, today, take_item, &o, e)) != CART_OK) {
		free(o.items);
		free(o.keep);
		return rc;
	}
	for (int i = 0; i < o.ncr; i++)
		o.cr[i].client_id = client_id;
	v->client_id = client_id;
	snprintf(v->client, sizeof v->client, "%s", cl.name);
	fu_evaluate(lv, nl, &st, o.items, o.n, o.cr, o.ncr, date_today(), v);
	if (out) {
		out->items = o.items;
		out->docs = o.keep;
		out->n = o.n;
	} else {
		free(o.items);
		free(o.keep);
	}
	return CART_OK;
}

int ctl_fu_status(ctl *c, int64_t client_id, int only_action, fu_eval_cb cb, void *ud,
                  cart_err *e)
{
	fu_level lv[FU_MAX_LEVELS];
	fu_eval v;
	int nl, rc;

	if (!client_id)
		return fu_status_all(c, only_action, cb, ud, e);
	if ((rc = fu_levels_load(c, lv, &nl, e)) != CART_OK ||
	    (rc = fu_client_eval(c, lv, nl, client_id, &v, NULL, e)) != CART_OK)
		return rc;
	if (!only_action || v.action == FU_DUE || v.action == FU_MANUAL)
		cb(&v, ud);
	return CART_OK;
}

/* ---- a clerk's changes ---- */

int ctl_fu_client_set(ctl *c, const char *client_ref, const ctl_fu_set *a, fu_state *out,
                      cart_err *e)
{
	client cl;
	hist_entry h;
	char what[300] = "";
	size_t n = 0;
	int rc;

	if ((rc = ctl_client_ref(c, client_ref, &cl, e)) != CART_OK)
		return rc;
	if ((rc = ctl_fu_levels_ensure(c, e)) != CART_OK)
		return rc;
	if ((rc = ledger_begin(c->l, e)) != CART_OK)
		return rc;
	if ((rc = ledger_fu_state_get(c->l, cl.id, out, e)) != CART_OK)
		goto fail;
#define SAY(...) if (n < sizeof what) n += (size_t)snprintf(what + n, sizeof what - n, __VA_ARGS__)
	if (a->level) {
		fu_level lv;

		if (!strcmp(a->level, "none")) {
			out->level_id = 0;
			SAY(_("level: none; "));
		} else {
			if ((rc = ctl_fu_level_ref(c, a->level, &lv, e)) != CART_OK)
				goto fail;
			out->level_id = lv.id;
			SAY(_("level: %s; "), lv.name);
		}
	}
	if (a->next) {
		if (!strcmp(a->next, "auto")) {
			out->next_date[0] = '\0';
		} else if ((rc = ctl_date(a->next, _("the next action date"), out->next_date, e)) != CART_OK)
			goto fail;
		SAY(_("next action: %s; "), out->next_date[0] ? out->next_date : _("computed"));
	}
	if (a->responsible) {
		snprintf(out->responsible, sizeof out->responsible, "%s", a->responsible);
		SAY(_("responsible: %s; "), a->responsible);
	}
	if (a->manual >= 0) {
		out->manual = a->manual;
		SAY("%s; ", a->manual ? _("reminders by hand") : _("reminders automatic"));
	}
	if (a->hold) {
		snprintf(out->hold, sizeof out->hold, "%s", a->hold);
		if (a->hold[0]) {
			SAY(_("on hold: %s; "), a->hold);
		} else {
			SAY("%s; ", _("hold lifted"));
		}
	}
#undef SAY
	if ((rc = ledger_fu_state_put(c->l, out, e)) != CART_OK)
		goto fail;
	memset(&h, 0, sizeof h);
	h.client_id = cl.id;
	h.kind = HIST_NOTE;
	fu_stamp(h.at);
	if (n > 2)
		what[n - 2] = '\0';
	snprintf(h.text, sizeof h.text, _("Follow-up: %s"), what);
	if ((rc = ledger_history_add(c->l, &h, e)) != CART_OK)
		goto fail;
	return ledger_commit(c->l, e);
fail:
	ledger_rollback(c->l);
	return rc;
}

int ctl_fu_setting(ctl *c, const char *key, const char *value, cart_err *e)
{
	return ledger_fu_setting_set(c->l, key, value, e);
}

int ctl_fu_setting_get(ctl *c, const char *key, char *buf, size_t size, cart_err *e)
{
	return ledger_fu_setting_get(c->l, key, buf, size, e);
}

/* ---- activities ---- */

static int activity_id(const char *text, int64_t *id, cart_err *e)
{
	char *end;
	long long v = text ? strtoll(text, &end, 10) : 0;

	if (!text || !*text || *end || v <= 0)
		return cart_fail(e, CART_INVALID, _("activity \"%s\": give its number"), text ? text : "");
	*id = v;
	return CART_OK;
}

int ctl_fu_activity_add(ctl *c, const char *client_ref, const char *type, const char *due,
                        const char *clerk, const char *summary, fu_activity *out, cart_err *e)
{
	client cl;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = ctl_client_ref(c, client_ref, &cl, e)) != CART_OK)
		return rc;
	out->client_id = cl.id;
	snprintf(out->type, sizeof out->type, "%s", type && *type ? type : "call");
	if ((rc = ctl_date(due, _("the activity's due date"), out->due_date, e)) != CART_OK)
		return rc;
	snprintf(out->clerk, sizeof out->clerk, "%s", clerk ? clerk : "");
	snprintf(out->summary, sizeof out->summary, "%s", summary ? summary : "");
	return ledger_fu_activity_add(c->l, out, e);
}

int ctl_fu_activity_done(ctl *c, const char *id_text, const char *note, fu_activity *out,
                         cart_err *e)
{
	char today[DATE_LEN], text[400];
	int64_t id;
	int rc;

	if ((rc = activity_id(id_text, &id, e)) != CART_OK ||
	    (rc = ledger_fu_activity_get(c->l, id, out, e)) != CART_OK)
		return rc;
	date_format(date_today(), today);
	snprintf(text, sizeof text, _("%s done: %s%s%s"), out->type, out->summary,
	         note && *note ? " — " : "", note ? note : "");
	if ((rc = ledger_fu_activity_done(c->l, id, today, note, text, e)) != CART_OK)
		return rc;
	return ledger_fu_activity_get(c->l, id, out, e);
}

int ctl_fu_activity_reschedule(ctl *c, const char *id_text, const char *due, fu_activity *out,
                               cart_err *e)
{
	char d[DATE_LEN];
	int64_t id;
	int rc;

	if ((rc = activity_id(id_text, &id, e)) != CART_OK ||
	    (rc = ctl_date(due, _("the new due date"), d, e)) != CART_OK ||
	    (rc = ledger_fu_activity_reschedule(c->l, id, d, e)) != CART_OK)
		return rc;
	return ledger_fu_activity_get(c->l, id, out, e);
}

int ctl_fu_activities(ctl *c, const char *clerk, const char *due, int all, fu_activity_cb2 cb,
                      void *ud, cart_err *e)
{
	char d[DATE_LEN] = "";
	int rc;

	if (due && *due && (rc = ctl_date(due, _("--due"), d, e)) != CART_OK)
		return rc;
	return ledger_fu_activities(c->l, clerk ? clerk : "", d, 0, all, cb, ud, e);
}

/* ---- promises ---- */

const char *ctl_fu_promise_status_text(int status)
{
	switch (status) {
	case FU_PROMISE_KEPT: return _("kept");
	case FU_PROMISE_BROKEN: return _("broken");
	default: return _("pending");
	}
}

int ctl_fu_promise_status(const fu_promise *p)
{
	char today[DATE_LEN];

	if (p->paid >= p->amount)
		return FU_PROMISE_KEPT;
	date_format(date_today(), today);
	return strcmp(today, p->date) > 0 ? FU_PROMISE_BROKEN : FU_PROMISE_PENDING;
}

int ctl_fu_promise_add(ctl *c, const char *client_ref, const char *amount, const char *date,
                       const char *by_whom, const char *currency, fu_promise *out, cart_err *e)
{
	char text[400], money[48];
	client cl;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = ctl_client_ref(c, client_ref, &cl, e)) != CART_OK)
		return rc;
	out->client_id = cl.id;
	if ((rc = ctl_amount(c, amount, _("the promised amount"), &out->amount, e)) != CART_OK)
		return rc;
	if (out->amount <= 0)
		return cart_fail(e, CART_INVALID, _("the promised amount \"%s\" must be more than zero"),
		                 amount);
	if ((rc = ctl_date(date, _("the promised date"), out->date, e)) != CART_OK)
		return rc;
	date_format(date_today(), out->made_on);
	snprintf(out->by_whom, sizeof out->by_whom, "%s", by_whom ? by_whom : "");
	snprintf(out->currency, sizeof out->currency, "%s", currency ? currency : "");
	ctl_money(c, out->amount, money, sizeof money);
	snprintf(text, sizeof text, _("Promise to pay %s %s by %s%s%s"), money,
	         out->currency[0] ? out->currency : c->co.currency, out->date,
	         out->by_whom[0] ? _(", made by ") : "", out->by_whom);
	return ledger_fu_promise_add(c->l, out, text, e);
}

typedef struct prom_ctx {
	int broken_only;
	fu_promise_cb2 cb;
	void *ud;
} prom_ctx;

static int prom_row(const fu_promise *p, void *ud)
{
	prom_ctx *x = ud;
	int st = ctl_fu_promise_status(p);

	if (x->broken_only && st != FU_PROMISE_BROKEN)
		return 0;
	return x->cb(p, st, x->ud);
}

int ctl_fu_promises(ctl *c, const char *client_ref, int broken_only, fu_promise_cb2 cb, void *ud,
                    cart_err *e)
{
	prom_ctx x = { broken_only, cb, ud };
	client cl;
	int rc;

	cl.id = 0;
	if (client_ref && (rc = ctl_client_ref(c, client_ref, &cl, e)) != CART_OK)
		return rc;
	return ledger_fu_promises(c->l, cl.id, prom_row, &x, e);
}

/* ---- a client's follow-up in a few words (the follow-up report) ---- */

int ctl_fu_notes_init(ctl *c, fu_notes *n, cart_err *e)
{
	int rc;

	memset(n, 0, sizeof *n);
	if ((rc = ledger_fu_any(c->l, &n->any, e)) != CART_OK || !n->any)
		return rc;
	return ledger_fu_levels(c->l, n->lv, FU_MAX_LEVELS, &n->nl, e);
}

typedef struct note_ctx {
	ctl *c;
	char *buf;
	size_t size, len;
} note_ctx;

static int note_promise(const fu_promise *p, void *ud)
{
	note_ctx *x = ud;
	char m[48];

	if (x->len >= x->size)
		return 1;
	ctl_money(x->c, p->amount, m, sizeof m);
	x->len += (size_t)snprintf(x->buf + x->len, x->size - x->len, _(" · promise %s %s by %s (%s)"),
	                           m, p->currency, p->date,
	                           ctl_fu_promise_status_text(ctl_fu_promise_status(p)));
	return 0;
}

void ctl_fu_note(ctl *c, const fu_notes *n, int64_t client_id, char *buf, size_t size)
{
	note_ctx x = { c, buf, size, 0 };
	fu_state st;
	cart_err e;

	buf[0] = '\0';
	if (!n->any || ledger_fu_state_get(c->l, client_id, &st, &e) != CART_OK)
		return;
	for (int i = 0; i < n->nl; i++)
		if (n->lv[i].id == st.level_id)
			x.len += (size_t)snprintf(buf, size, _(" · level %s"), n->lv[i].name);
	if (st.responsible[0] && x.len < size)
		x.len += (size_t)snprintf(buf + x.len, size - x.len, _(" · resp. %s"), st.responsible);
	if (st.hold[0] && x.len < size)
		x.len += (size_t)snprintf(buf + x.len, size - x.len, _(" · on hold: %s"), st.hold);
	ledger_fu_promises(c->l, client_id, note_promise, &x, &e);
}

/* ---- the dashboard's Follow-up column ---- */

int ctl_fu_dash_text(ctl *c, int64_t client_id, char *buf, size_t size)
{
	fu_level lv[FU_MAX_LEVELS];
	fu_state st;
	fu_eval v;
	cart_err e;
	int nl;

	if (ledger_fu_state_get(c->l, client_id, &st, &e) != CART_OK)
		return 0;
	if (st.hold[0]) {
		snprintf(buf, size, _("on hold: %s"), st.hold);
		return 1;
	}
	if (!st.level_id || fu_levels_load(c, lv, &nl, &e) != CART_OK ||
	    fu_client_eval(c, lv, nl, client_id, &v, NULL, &e) != CART_OK || !v.level[0])
		return 0;
	if (v.next_date[0])
		snprintf(buf, size, "%.5s %s", v.next_date + 5, v.level);
	else
		snprintf(buf, size, "%s", v.level);
	return 1;
}
