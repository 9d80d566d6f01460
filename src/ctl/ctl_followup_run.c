/* Payment follow-up controllers, part two (SPEC F3, F8): what a client would get at a level, and
 * processing the clients that need action. Each client is processed in ONE transaction that
 * re-reads what it owes, records the level reached as (client, level, cycle) — unique, so a
 * second run, a run at the same time or a run after a kill -9 finds it and skips — and writes
 * everything the level does: the history, the e-mail, the letter and SMS waiting to go, the
 * activity, the journal charge. Letters are written and SMS sent after the clients, from what
 * waits in the ledger, so an interrupted run leaves them waiting instead of lost. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cartera/ctl_followup.h"
#include "cartera/ctl_mail.h"
#include "cartera/i18n.h"
#include "model/ledger_dash.h"
#include "cartera/lp.h"
#include "cartera/render.h"
#include "cartera/reports.h"
#include "cartera/rpt_letter.h"
#include "ctl_int.h"
#include "ctl_followup_int.h"
#include "model/ledger_followup.h"

extern char **environ;

/* ---- texts ---- */

static void amounts_text(ctl *c, const fu_eval *v, char *buf, size_t size)
{
	size_t n = 0;
	int any_overdue = 0;

	buf[0] = '\0';
	for (int i = 0; i < v->ncur; i++)
		any_overdue |= v->cur[i].overdue > 0;
	for (int i = 0; i < v->ncur && n < size; i++) {
		int64_t amt = any_overdue ? v->cur[i].overdue : v->cur[i].open;
		char m[48];

		if (amt <= 0)
			continue;
		ctl_money(c, amt, m, sizeof m);
		n += (size_t)snprintf(buf + n, size - n, "%s%s %s", n ? " + " : "", m, v->cur[i].cur);
	}
}

/* Fill a level's template: {client} {amount} {days} {due} {company} {date} {level}. */
static void fill(ctl *c, const char *tpl, const fu_eval *v, const fu_level *lv, char *out,
                 size_t size)
{
	char amount[200], days[16], today[DATE_LEN];
	size_t n = 0;

	amounts_text(c, v, amount, sizeof amount);
	snprintf(days, sizeof days, "%d", v->days);
	date_format(date_today(), today);
	out[0] = '\0';
	for (const char *p = tpl; *p && n + 1 < size;) {
		static const char *const keys[] = { "{client}", "{amount}", "{days}", "{due}", "{company}",
		                                    "{date}", "{level}" };
		const char *vals[] = { v->client, amount, days, v->oldest_due, c->co.name, today,
		                       lv->name };
		int hit = 0;

		for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
			size_t kl = strlen(keys[k]);

			if (!strncmp(p, keys[k], kl)) {
				n += (size_t)snprintf(out + n, size - n, "%s", vals[k]);
				p += kl;
				hit = 1;
				break;
			}
		}
		if (!hit)
			out[n++] = *p++;
		if (n >= size)
			n = size - 1;
		out[n] = '\0';
	}
}

/* The documents a level's message lists: overdue ones, or (a level before the due date) those
 * falling due by then. */
static int listed(const fu_level *lv, const fu_item *it)
{
	return it->uncovered > 0 && it->days >= (lv->days < 1 ? lv->days : 1);
}

/* Fee (company currency) plus interest per currency on what is overdue, rounded to the cent. */
static void charges(ctl *c, const fu_level *lv, const fu_eval *v, const fu_items *its,
                    fu_preview *p)
{
	p->ncharge = 0;
	for (int k = 0; k < v->ncur; k++) {
		__int128 interest = 0;
		int64_t amt;

		for (int i = 0; i < its->n; i++) {
			const fu_item *it = &its->items[i];

			if (strcmp(it->cur, v->cur[k].cur) || it->days <= 0 || it->uncovered <= 0)
				continue;
			interest += (__int128)it->uncovered * lv->rate_bp * it->days;
		}
		amt = (int64_t)((interest + 10000 * 365 / 2) / (10000 * 365));
		if (!strcmp(v->cur[k].cur, c->co.currency) && v->cur[k].overdue > 0)
			amt += lv->fee;
		if (amt > 0 && p->ncharge < FU_MAX_CUR) {
			snprintf(p->charge_cur[p->ncharge], 4, "%s", v->cur[k].cur);
			p->charge[p->ncharge++] = amt;
		}
	}
}

static void compose(ctl *c, const fu_level *lv, const fu_eval *v, const fu_items *its,
                    fu_preview *p)
{
	size_t n;

	/* a level keyed without texts still says something */
	const char *subject = lv->subject[0] ? lv->subject : _("{company}: {level}");
	const char *body = lv->body[0] ? lv->body
	                   : _("Dear {client}: our records show {amount} overdue for {days} days. "
	                       "Please arrange the payment.");

	memset(p, 0, sizeof *p);
	fill(c, subject, v, lv, p->subject, sizeof p->subject);
	fill(c, body, v, lv, p->text, sizeof p->text);
	fill(c, lv->sms_text[0] ? lv->sms_text : subject, v, lv, p->sms, sizeof p->sms);
	charges(c, lv, v, its, p);
	n = strlen(p->text);
	n += (size_t)snprintf(p->text + n, sizeof p->text - n, "\n\n%-16s %-10s %6s %16s\n",
	                      _("Document"), _("Due"), _("Days"), _("Open"));
	for (int i = 0; i < its->n && n < sizeof p->text; i++) {
		const open_item *d = &its->docs[i];
		char num[48], m[48];

		if (!listed(lv, &its->items[i]))
			continue;
		if (d->instalment_no)
			snprintf(num, sizeof num, "%s/%d", d->number, d->instalment_no);
		else
			snprintf(num, sizeof num, "%s", d->number);
		ctl_money(c, d->open, m, sizeof m);
		n += (size_t)snprintf(p->text + n, sizeof p->text - n, "%-16s %-10s %6d %12s %s\n", num,
		                      d->due_date, its->items[i].days, m, d->currency);
	}
	for (int k = 0; k < v->ncur && n < sizeof p->text; k++) {
		char m[48];
		int64_t sum = 0;

		for (int i = 0; i < its->n; i++)
			if (listed(lv, &its->items[i]) && !strcmp(its->items[i].cur, v->cur[k].cur))
				sum += its->docs[i].open;
		if (!sum)
			continue;
		ctl_money(c, sum, m, sizeof m);
		n += (size_t)snprintf(p->text + n, sizeof p->text - n, "%-35s %12s %s\n", _("Total"), m,
		                      v->cur[k].cur);
	}
	for (int k = 0; k < p->ncharge && n < sizeof p->text; k++) {
		char m[48];

		ctl_money(c, p->charge[k], m, sizeof m);
		n += (size_t)snprintf(p->text + n, sizeof p->text - n, "%-35s %12s %s\n",
		                      _("Late-payment charges"), m, p->charge_cur[k]);
	}
}

static void items_free(fu_items *its)
{
	free(its->items);
	free(its->docs);
	memset(its, 0, sizeof *its);
}

int ctl_fu_preview(ctl *c, int64_t client_id, int64_t level_id, fu_preview *p, cart_err *e)
{
	fu_level lv[FU_MAX_LEVELS];
	fu_items its;
	fu_eval v;
	int nl, rc, k = -1;

	if ((rc = fu_levels_load(c, lv, &nl, e)) != CART_OK ||
	    (rc = fu_client_eval(c, lv, nl, client_id, &v, &its, e)) != CART_OK)
		return rc;
	for (int i = 0; i < nl; i++)
		if (lv[i].id == (level_id ? level_id : v.need_id))
			k = i;
	if (k < 0) {
		items_free(&its);
		return cart_fail(e, CART_NOTFOUND, _("%s needs no follow-up level today"), v.client);
	}
	compose(c, &lv[k], &v, &its, p);
	items_free(&its);
	return CART_OK;
}

/* ---- the e-mail of a level ---- */

/* Queue the level's e-mail in the outbox (ctl_mail.h), inside the client's transaction: it
 * writes its own line in the client's history. A message that cannot go (no address, no sender
 * set) does not stop the level: the history says why, and the clerk sees it. */
static int queue_mail(ctl *c, const client *cl, const fu_preview *p, int attach, int64_t *msg_id,
                      char *what, size_t size, cart_err *e)
{
	ctl_mail_req rq;
	ctl_mail m;
	cart_err me;
	hist_entry h;
	int rc;

	*msg_id = 0;
	ctl_mail_req_init(&rq);
	rq.kind = "reminder";
	rq.client_id = cl->id;
	rq.attach_pdf = 0;
	rq.attach_overdue = attach;
	ctl_mail_init(&m);
	rc = ctl_mail_draft(c, &rq, &m, &me);
	if (rc == CART_OK) {
		snprintf(m.subject, sizeof m.subject, "%s", p->subject);
		rc = ctl_mail_set_body(&m, p->text, &me);
	}
	if (rc == CART_OK)
		rc = ctl_mail_queue(c, &m, msg_id, &me);
	if (rc == CART_OK)
		snprintf(what, size, _("e-mail %lld to %s queued"), (long long)*msg_id, m.to);
	ctl_mail_free(&m);
	if (rc == CART_OK)
		return CART_OK;
	if (rc != CART_INVALID && rc != CART_NOTFOUND) {
		*e = me;
		return rc;
	}
	memset(&h, 0, sizeof h);
	h.client_id = cl->id;
	h.kind = HIST_MAIL;
	fu_stamp(h.at);
	snprintf(h.text, sizeof h.text, _("Follow-up e-mail not queued: %s"), me.msg);
	snprintf(what, size, _("e-mail not queued: %s"), me.msg);
	return ledger_history_add(c->l, &h, e);
}

/* ---- processing one client ---- */

#define SAY(o, ...) do { size_t l_ = strlen((o)->what); \
	if (l_ < sizeof (o)->what) snprintf((o)->what + l_, sizeof (o)->what - l_, __VA_ARGS__); \
} while (0)

static int process_one(ctl *c, const fu_level *lv, int nl, int64_t client_id, const ctl_fu_opts *a,
                       fu_outcome *o, fu_result *r, cart_err *e)
{
	char today[DATE_LEN], what[300];
	fu_items its = { 0 };
	const fu_level *L = NULL;
	fu_preview p;
	fu_state st;
	hist_entry h;
	client cl;
	posted jp;
	char acts[120];
	int64_t done_id = 0, hist_id = 0, charge_doc = 0;
	int rc;

	memset(o, 0, sizeof *o);
	date_format(date_today(), today);
	if ((rc = ledger_begin(c->l, e)) != CART_OK)
		return rc;
	if ((rc = fu_client_eval(c, lv, nl, client_id, &o->v, &its, e)) != CART_OK ||
	    (rc = ledger_client_get(c->l, client_id, &cl, e)) != CART_OK)
		goto fail;
	st = o->v.st;
	if (o->v.action == FU_BACK || o->v.action == FU_RESET) {
		/* paid or credited since: the level goes back, and a new cycle starts */
		st.level_id = o->v.action == FU_BACK ? o->v.need_id : 0;
		st.cycle++;
		st.next_date[0] = '\0';
		memset(&h, 0, sizeof h);
		h.client_id = client_id;
		h.kind = HIST_NOTE;
		fu_stamp(h.at);
		snprintf(h.text, sizeof h.text, _("Follow-up: level back from %s to %s (paid or credited)"),
		         o->v.level, o->v.action == FU_BACK ? o->v.need : _("none"));
		if ((rc = ledger_fu_state_put(c->l, &st, e)) != CART_OK ||
		    (rc = ledger_history_add(c->l, &h, e)) != CART_OK)
			goto fail;
		snprintf(o->what, sizeof o->what, "%s", h.text + strlen(_("Follow-up: ")));
		r->back++;
		items_free(&its);
		return ledger_commit(c->l, e);
	}
	if ((o->v.action != FU_DUE &&
	     !(o->v.action == FU_MANUAL && (a->manual || a->client_id || a->only))) ||
	    (a->level_id && o->v.need_id != a->level_id)) {
		snprintf(o->what, sizeof o->what, _("skipped: %s"), ctl_fu_action_text(o->v.action));
		r->skipped++;
		items_free(&its);
		return ledger_commit(c->l, e);
	}
	for (int i = 0; i < nl; i++)
		if (lv[i].id == o->v.need_id)
			L = &lv[i];
	compose(c, L, &o->v, &its, &p);
	ctl_fu_actions_text(L, acts, sizeof acts);
	/* the reminder itself */
	memset(&h, 0, sizeof h);
	h.client_id = client_id;
	h.kind = HIST_REMINDER;
	fu_stamp(h.at);
	{
		char amount[200];

		amounts_text(c, &o->v, amount, sizeof amount);
		snprintf(h.text, sizeof h.text, _("Follow-up level %s (%s): %s, %d days"), L->name, acts,
		         amount, o->v.days);
	}
	if ((rc = ledger_history_add(c->l, &h, e)) != CART_OK)
		goto fail;
	hist_id = h.id;
	snprintf(o->what, sizeof o->what, _("level %s: "), L->name);
	/* fee and interest, posted as a journal charge tied to the reminder */
	if (p.ncharge && (L->post_charge || a->post_charges)) {
		for (int k = 0; k < p.ncharge; k++) {
			journal_in j;

			memset(&j, 0, sizeof j);
			j.client_id = client_id;
			memcpy(j.date, today, DATE_LEN);
			memcpy(j.due_date, today, DATE_LEN);
			snprintf(j.currency, sizeof j.currency, "%s", p.charge_cur[k]);
			j.side = 'D';
			j.amount = p.charge[k];
			snprintf(j.memo, sizeof j.memo, _("Late-payment charges, follow-up level %s (reminder %lld)"),
			         L->name, (long long)hist_id);
			if ((rc = ledger_journal_post(c->l, &j, &jp, e)) != CART_OK)
				goto fail;
			if (!charge_doc)
				charge_doc = jp.doc_id;
			memset(&h, 0, sizeof h);
			h.client_id = client_id;
			h.kind = HIST_NOTE;
			fu_stamp(h.at);
			h.doc_id = jp.doc_id;
			snprintf(h.text, sizeof h.text, _("Late-payment charges posted: %s"), jp.number);
			if ((rc = ledger_history_add(c->l, &h, e)) != CART_OK)
				goto fail;
			SAY(o, _("charge %s; "), jp.number);
			r->charges++;
		}
	}
	/* never the same level twice in a cycle: another run that got here first wins */
	rc = ledger_fu_done_add(c->l, client_id, L->id, st.cycle, today, hist_id, charge_doc, &done_id, e);
	if (rc == CART_CONFLICT) {
		ledger_rollback(c->l);
		items_free(&its);
		snprintf(o->what, sizeof o->what, "%s", _("skipped: already reached this level"));
		r->skipped++;
		return CART_OK;
	}
	if (rc != CART_OK)
		goto fail;
	if (L->email) {
		int64_t msg = 0;

		if ((rc = queue_mail(c, &cl, &p, L->attach, &msg, what, sizeof what, e)) != CART_OK)
			goto fail;
		SAY(o, "%.200s; ", what);
		if (msg)
			r->mails++;
	}
	if (L->letter) {
		if ((rc = ledger_fu_letter_add(c->l, done_id, client_id, NULL, e)) != CART_OK)
			goto fail;
		SAY(o, "%s; ", _("letter"));
		r->letters++;
	}
	if (L->sms) {
		const char *num = cl.mobile[0] ? cl.mobile : cl.phone;

		if (num[0]) {
			if ((rc = ledger_fu_sms_add(c->l, done_id, client_id, num, p.sms, e)) != CART_OK)
				goto fail;
			SAY(o, _("SMS to %s; "), num);
			r->sms++;
		} else {
			SAY(o, "%s; ", _("no mobile number for the SMS"));
		}
	}
	if (L->act_type[0]) {
		fu_activity act;
		date_t due = date_add_days(date_today(), L->act_days);

		memset(&act, 0, sizeof act);
		act.client_id = client_id;
		snprintf(act.type, sizeof act.type, "%s", L->act_type);
		snprintf(act.clerk, sizeof act.clerk, "%s", L->act_clerk[0] ? L->act_clerk : st.responsible);
		snprintf(act.summary, sizeof act.summary, "%s",
		         L->act_summary[0] ? L->act_summary : L->name);
		date_format(due, act.due_date);
		act.done_id = done_id;
		if ((rc = ledger_fu_activity_add(c->l, &act, e)) != CART_OK)
			goto fail;
		SAY(o, _("%s for %s on %s; "), act.type, act.clerk, act.due_date);
		r->activities++;
	}
	if (L->manual_action)
		SAY(o, "%s; ", _("manual action"));
	st.level_id = L->id;
	memcpy(st.last_date, today, DATE_LEN);
	st.next_date[0] = '\0';
	if ((rc = ledger_fu_state_put(c->l, &st, e)) != CART_OK)
		goto fail;
	if ((rc = ledger_commit(c->l, e)) != CART_OK)
		goto fail_done;
	{
		size_t n = strlen(o->what);

		if (n >= 2 && o->what[n - 2] == ';')
			o->what[n - 2] = '\0';
	}
	o->done = 1;
	o->v.st = st;
	r->processed++;
	items_free(&its);
	return CART_OK;
fail:
	ledger_rollback(c->l);
fail_done:
	items_free(&its);
	return rc;
}

/* ---- letters ---- */

static void letters_dir_default(ctl *c, char *buf, size_t size)
{
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	cart_err ignore;

	if (ledger_fu_setting_get(c->l, "letters_dir", buf, size, &ignore) == CART_OK && buf[0])
		return;
	if (xdg && *xdg)
		snprintf(buf, size, "%s/cartera/letters", xdg);
	else
		snprintf(buf, size, "%s/.local/share/cartera/letters", home ? home : ".");
}

typedef struct lt_list {
	fu_letter *v;
	size_t n, cap;
} lt_list;

static int take_letter(const fu_letter *lt, void *ud)
{
	lt_list *x = ud;

	if (x->n == x->cap) {
		size_t cap = x->cap ? x->cap * 2 : 16;
		fu_letter *n = realloc(x->v, cap * sizeof *n);

		if (!n)
			return 1;
		x->v = n;
		x->cap = cap;
	}
	x->v[x->n++] = *lt;
	return 0;
}

/* One letter into a renderer: the client as it stands now, the level's text and charges. */
static int letter_render(ctl *c, const fu_letter *lt, rnd *x, cart_err *e)
{
	fu_level lv[FU_MAX_LEVELS];
	const fu_level *L = NULL;
	fu_items its = { 0 };
	open_item *docs = NULL;
	fu_preview p;
	fu_eval v;
	client cl;
	doc_info charge;
	report r;
	char text[4096];
	int nl, n = 0, rc;

	if ((rc = ledger_fu_levels(c->l, lv, FU_MAX_LEVELS, &nl, e)) != CART_OK ||
	    (rc = ledger_client_get(c->l, lt->client_id, &cl, e)) != CART_OK ||
	    (rc = fu_client_eval(c, lv, nl, lt->client_id, &v, &its, e)) != CART_OK)
		return rc;
	for (int i = 0; i < nl; i++)
		if (lv[i].id == lt->level_id)
			L = &lv[i];
	if (!L) {
		items_free(&its);
		return cart_fail(e, CART_NOTFOUND, _("the level of letter %lld is gone"), (long long)lt->id);
	}
	compose(c, L, &v, &its, &p);
	/* the letter's text is the message's, without the table the letter draws itself */
	snprintf(text, sizeof text, "%s", p.text);
	if (strstr(text, "\n\n"))
		*strstr(text, "\n\n") = '\0';
	docs = malloc(((size_t)its.n + 1) * sizeof *docs);
	if (!docs) {
		items_free(&its);
		return cart_fail(e, CART_NOMEM, "%s", _("out of memory"));
	}
	for (int i = 0; i < its.n; i++)
		if (listed(L, &its.items[i])) {
			docs[n] = its.docs[i];
			docs[n].days_overdue = its.items[i].days > 0 ? its.items[i].days : 0;
			n++;
		}
	charge.number[0] = '\0';
	if (lt->charge_doc && ledger_document_get(c->l, lt->charge_doc, &charge, e) != CART_OK)
		charge.number[0] = '\0';
	report_init(&r, &c->co);
	report_stream(&r, rnd_sink(x), rnd_ud(x));
	rc = rpt_fu_letter(&(rpt_letter_in){ .co = &c->co, .cl = &cl, .lv = L, .date = lt->date,
	                                     .text = text, .docs = docs, .n = n,
	                                     .ncharge = p.ncharge, .charge = p.charge,
	                                     .charge_cur = (const char (*)[4])p.charge_cur,
	                                     .charge_doc = charge.number }, &r, e);
	report_free(&r);
	free(docs);
	items_free(&its);
	return rc;
}

int ctl_fu_letters_write(ctl *c, const ctl_fu_opts *a, fu_result *r, cart_err *e)
{
	lt_list list = { 0 };
	char dir[1024], path[1400], tmp[1400], probe[1100];
	rnd *all = NULL;
	long rep;
	int rc;

	if ((rc = ledger_fu_letters_pending(c->l, 0, take_letter, &list, e)) != CART_OK)
		return rc;
	if (!list.n)
		return CART_OK;
	if (a->letters_file) {
		snprintf(r->letters_where, sizeof r->letters_where, "%s", a->letters_file);
		if ((rc = rnd_open(RND_PDF, a->letters_file, NULL, &all, e)) != CART_OK)
			goto out;
	} else {
		if (a->letters_dir)
			snprintf(dir, sizeof dir, "%s", a->letters_dir);
		else
			letters_dir_default(c, dir, sizeof dir);
		snprintf(r->letters_where, sizeof r->letters_where, "%s", dir);
		snprintf(probe, sizeof probe, "%s/x", dir);
		if ((rc = ctl_make_parent(probe, e)) != CART_OK)
			goto out;
	}
	for (size_t i = 0; i < list.n && rc == CART_OK; i++) {
		rnd *one = all;
		client cl;

		if ((rc = ledger_client_get(c->l, list.v[i].client_id, &cl, e)) != CART_OK)
			break;
		if (!all) {
			char slug[64];

			rpt_slug(cl.name, slug, sizeof slug);
			/* named by the letter: writing it again replaces it, never a second letter */
			snprintf(path, sizeof path, "%s/letter-%06lld-%s.pdf", dir, (long long)list.v[i].id, slug);
			/* written aside and renamed: two runs writing the same letter leave one whole file */
			snprintf(tmp, sizeof tmp, "%s/.letter-%06lld.%ld.tmp", dir, (long long)list.v[i].id,
			         (long)getpid());
			if ((rc = rnd_open(RND_PDF, tmp, NULL, &one, e)) != CART_OK)
				break;
		}
		rc = letter_render(c, &list.v[i], one, e);
		if (!all) {
			if (rc != CART_OK) {
				rnd_abort(one);
				break;
			}
			if ((rc = rnd_close(one, &rep, e)) != CART_OK)
				break;
			if (rename(tmp, path) != 0) {
				rc = cart_fail(e, CART_IO, _("cannot write the letter %s: %s"), path, strerror(errno));
				unlink(tmp);
				break;
			}
			if (a->print) {
				cart_err pe;

				if (lp_print(path, a->printer, &pe) != CART_OK)
					snprintf(r->print_note, sizeof r->print_note, _("%s (the letters are kept in %s)"),
					         pe.msg, dir);
			}
			if ((rc = ledger_fu_letter_written(c->l, list.v[i].id, path, e)) != CART_OK)
				break;
		}
	}
	if (all) {
		if (rc != CART_OK) {
			rnd_abort(all);
		} else if ((rc = rnd_close(all, &rep, e)) == CART_OK) {
			if (a->print) {
				cart_err pe;

				if (lp_print(a->letters_file, a->printer, &pe) != CART_OK)
					snprintf(r->print_note, sizeof r->print_note, _("%s (the letters are kept in %s)"),
					         pe.msg, a->letters_file);
			}
			for (size_t i = 0; i < list.n && rc == CART_OK; i++)
				rc = ledger_fu_letter_written(c->l, list.v[i].id, a->letters_file, e);
		}
	}
out:
	free(list.v);
	return rc;
}

/* ---- SMS through the company's command ---- */

typedef struct sms_list {
	fu_sms *v;
	size_t n, cap;
} sms_list;

static int take_sms(const fu_sms *m, void *ud)
{
	sms_list *x = ud;

	if (x->n == x->cap) {
		size_t cap = x->cap ? x->cap * 2 : 16;
		fu_sms *n = realloc(x->v, cap * sizeof *n);

		if (!n)
			return 1;
		x->v = n;
		x->cap = cap;
	}
	x->v[x->n++] = *m;
	return 0;
}

/* Run "sh -c 'COMMAND "$@"' sh NUMBER TEXT": the command gets the number and the text. */
static int sms_send(const char *cmd, const fu_sms *m, char *err, size_t size)
{
	char script[1200];
	char *args[] = { "sh", "-c", script, "sh", (char *)m->number, (char *)m->text, NULL };
	posix_spawn_file_actions_t fa;
	int status = 0, rc;
	pid_t pid;

	snprintf(script, sizeof script, "%s \"$@\"", cmd);
	if (posix_spawn_file_actions_init(&fa) != 0) {
		snprintf(err, size, "%s", _("out of memory"));
		return -1;
	}
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	rc = posix_spawnp(&pid, "sh", &fa, NULL, args, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (rc) {
		snprintf(err, size, _("starting the SMS command failed (%s)"), strerror(rc));
		return -1;
	}
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR) {
			snprintf(err, size, "%s", strerror(errno));
			return -1;
		}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		snprintf(err, size, _("the SMS command failed (status %d)"),
		         WIFEXITED(status) ? WEXITSTATUS(status) : -1);
		return -1;
	}
	return 0;
}

static int sms_flush(ctl *c, fu_result *r, cart_err *e)
{
	sms_list list = { 0 };
	char cmd[1000];
	int rc;

	if ((rc = ledger_fu_sms_pending(c->l, take_sms, &list, e)) != CART_OK)
		return rc;
	if (!list.n)
		goto out;
	if ((rc = ledger_fu_setting_get(c->l, "sms_command", cmd, sizeof cmd, e)) != CART_OK)
		goto out;
	if (!cmd[0]) {
		r->sms_waiting = (int)list.n;
		snprintf(r->sms_note, sizeof r->sms_note, "%s", _("no SMS command is set (cartera ships "
		         "none): set one with `cartera followup config --sms-command CMD`"));
		goto out;
	}
	for (size_t i = 0; i < list.n && rc == CART_OK; i++) {
		char err[300] = "";

		if (sms_send(cmd, &list.v[i], err, sizeof err) != 0) {
			r->sms_waiting++;
			snprintf(r->sms_note, sizeof r->sms_note, "%s", err);
		}
		rc = ledger_fu_sms_sent(c->l, list.v[i].id, err, e);
	}
out:
	free(list.v);
	return rc;
}

/* ---- the run ---- */

/* The candidates: kept for a real run (processed after the walk, which must not write while it
 * reads), said as they come in a dry run (nothing kept: 50,000 clients cost no memory). */
typedef struct cand {
	fu_eval *v;
	size_t n, cap;
	const ctl_fu_opts *a;
	const fu_level *lv;
	int nl;
	fu_outcome_cb cb;
	void *ud;
	fu_result *r;
} cand;

/* What a dry run would do to one client. */
static void dry_outcome(const cand *x, const fu_eval *v, fu_outcome *o)
{
	memset(o, 0, sizeof *o);
	o->v = *v;
	if (v->action == FU_BACK || v->action == FU_RESET) {
		snprintf(o->what, sizeof o->what, _("would move the level back from %s to %s"),
		         v->level, v->action == FU_BACK ? v->need : _("none"));
		x->r->back++;
	} else {
		char acts[120] = "";

		for (int k = 0; k < x->nl; k++)
			if (x->lv[k].id == v->need_id)
				ctl_fu_actions_text(&x->lv[k], acts, sizeof acts);
		snprintf(o->what, sizeof o->what, _("would process level %s: %s"), v->need, acts);
		x->r->processed++;
	}
}

static int take_cand(const fu_eval *v, void *ud)
{
	cand *x = ud;
	int want = v->action == FU_DUE || v->action == FU_BACK || v->action == FU_RESET ||
	           (v->action == FU_MANUAL && (x->a->manual || x->a->client_id || x->a->only));

	if (x->a->only) {
		int in = 0;

		for (int i = 0; i < x->a->n_only; i++)
			in |= x->a->only[i] == v->client_id;
		want &= in;
	}
	if (x->a->level_id && v->action != FU_BACK && v->action != FU_RESET &&
	    v->need_id != x->a->level_id)
		want = 0;
	if (!want)
		return 0;
	if (x->a->dry_run) {
		fu_outcome o;

		dry_outcome(x, v, &o);
		return x->cb ? x->cb(&o, x->ud) : 0;
	}
	if (x->n == x->cap) {
		size_t cap = x->cap ? x->cap * 2 : 64;
		fu_eval *n = realloc(x->v, cap * sizeof *n);

		if (!n)
			return 1;
		x->v = n;
		x->cap = cap;
	}
	x->v[x->n++] = *v;
	return 0;
}

int ctl_fu_run(ctl *c, const ctl_fu_opts *a, fu_outcome_cb cb, void *ud, fu_result *r,
               cart_err *e)
{
	fu_level lv[FU_MAX_LEVELS];
	cand x = { NULL, 0, 0, a, lv, 0, cb, ud, r };
	int nl, rc;

	memset(r, 0, sizeof *r);
	/* a dry run writes nothing, not even the default levels */
	if ((!a->dry_run && (rc = ctl_fu_levels_ensure(c, e)) != CART_OK) ||
	    (rc = fu_levels_load(c, lv, &nl, e)) != CART_OK)
		return rc;
	x.nl = nl;
	if ((rc = ctl_fu_status(c, a->client_id, !a->client_id, take_cand, &x, e)) != CART_OK)
		goto out;
	for (size_t i = 0; i < x.n && rc == CART_OK; i++) {
		fu_outcome o;

		if ((rc = process_one(c, lv, nl, x.v[i].client_id, a, &o, r, e)) != CART_OK) {
			/* one client's failure (an inactive client's charge refused, a busy ledger) stops
			 * neither cron nor the others: it is said, and the next run tries it again */
			memset(&o, 0, sizeof o);
			o.v = x.v[i];
			snprintf(o.what, sizeof o.what, _("failed: %s"), e->msg);
			r->failed++;
			rc = CART_OK;
		}
		if (cb && cb(&o, ud))
			break;
	}
	if (rc == CART_OK && !a->dry_run) {
		if ((rc = ctl_fu_letters_write(c, a, r, e)) == CART_OK)
			rc = sms_flush(c, r, e);
	}
out:
	free(x.v);
	return rc;
}
