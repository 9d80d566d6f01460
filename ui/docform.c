/* What the posting forms share (docform.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docform.h"
#include "ui_int.h"

#include "cartera/ctl_docs.h"
#include "cartera/date.h"
#include "cartera/i18n.h"

int docform_act_help(void *self, int key)
{
	docform *d = self;

	(void)key;
	d->help = 1;
	return SCR_STAY;
}

int docform_act_post(void *self, int key)
{
	docform *d = self;

	(void)key;
	return d->post(d);
}

int docform_act_cancel(void *self, int key)
{
	docform *d = self;

	(void)key;
	if (!d->fm.dirty) {
		ui_status(0, "%s", "");
		return SCR_CLOSE;
	}
	dialog_confirm(&d->dlg, DF_ASK_DISCARD, _("Unposted work"),
	               _("Close without posting? What was typed is lost. (y/n)"));
	return SCR_STAY;
}

int docform_key_first(docform *d, int key, void (*answered)(docform *d, int tag), int *r)
{
	if (d->dlg.kind != DLG_NONE) {
		int tag = d->dlg.tag;

		*r = SCR_STAY;
		if (dialog_key(&d->dlg, key) != DLG_OK)
			return 1;
		if (tag == DF_ASK_DISCARD) {
			ui_status(0, "%s", _("Nothing posted."));
			*r = SCR_CLOSE;
		} else {
			answered(d, tag);
		}
		return 1;
	}
	if (d->help) {
		if (!ui_help_key(key) && ui_help_closes(key))
			d->help = 0;
		*r = SCR_STAY;
		return 1;
	}
	return 0;
}

int docform_key_form(docform *d, int key)
{
	int left = d->fm.cur, r = form_handle_key(&d->fm, key);

	if (r & FORM_SETTLED)
		ui_status(0, "%s", "");
	if (r & FORM_MOVED) {
		if (d->fm.f[left].error[0])
			ui_status(1, "%s: %s", d->fm.f[left].label, form_error_text(&d->fm.f[left]));
		else
			ui_status(0, "%s", "");
	}
	return r;
}

void docform_client_ref(const docform *d, char *buf, size_t size)
{
	if (d->client_id && !strcmp(d->fm.f[d->client_field].value, d->client_name))
		snprintf(buf, size, "%lld", (long long)d->client_id);
	else
		snprintf(buf, size, "%s", d->fm.f[d->client_field].value);
}

int docform_needs_pick(const docform *d)
{
	const char *v = d->fm.f[d->client_field].value;

	return v[0] && (!d->client_id || strcmp(v, d->client_name));
}

/* The same matching as every client picker: any part of the name, accents and case set aside. */
int docform_ask_client(docform *d, int tag, const char *title, const char *typed)
{
	const char *p = typed;
	int cp, n;
	cart_err e;

	if (dialog_pick(&d->dlg, tag, d->c, title,
	                _("Type a few letters of the name, tax id or phone; Enter chooses."),
	                &e) != CART_OK) {
		ui_status(1, "%s", e.msg);
		return 0;
	}
	while ((n = uk_utf8_decode(p, &cp)) > 0) {
		dialog_key(&d->dlg, cp);
		p += n;
	}
	return typed[0] && d->dlg.lv.rows == 1 && dialog_key(&d->dlg, UK_ENTER) == DLG_OK;
}

void docform_client_set(docform *d, int64_t id, int next)
{
	client cl;
	char ref[32];
	cart_err e;

	snprintf(ref, sizeof ref, "%lld", (long long)id);
	if (ctl_client_ref(d->c, ref, &cl, &e) != CART_OK) {
		ui_status(1, "%s", e.msg);
		return;
	}
	d->client_id = cl.id;
	snprintf(d->client_name, sizeof d->client_name, "%s", cl.name);
	form_set_value(&d->fm, d->client_field, cl.name);
	d->fm.f[d->client_field].error[0] = '\0';
	d->fm.dirty = 1;
	d->fm.cur = next;
}

static void pick_free(docform *d)
{
	free(d->pick_num);
	free(d->pick_opt);
	free(d->pick_doc);
	d->pick_num = NULL;
	d->pick_opt = NULL;
	d->pick_doc = NULL;
	d->npick = 0;
}

void docform_ask_invoice(docform *d, int tag, const char *date, const char *title,
                         const char *none)
{
	ctl_receipt_form f;
	char ref[FORM_VALUE_MAX], a[48], day[DATE_LEN];
	cart_err e;

	docform_client_ref(d, ref, sizeof ref);
	if (!ref[0]) {
		ui_status(1, "%s", _("the client first (F2 picks one)"));
		return;
	}
	if (ctl_rform_load(d->c, &f, ref, date[0] ? date : NULL, "", &e) != CART_OK) {
		ui_status(1, "%s", e.msg);
		return;
	}
	pick_free(d);
	if (f.n > 0) {
		d->pick_num = malloc(sizeof *d->pick_num * (size_t)f.n);
		d->pick_opt = malloc(sizeof *d->pick_opt * (size_t)f.n);
		d->pick_doc = malloc(sizeof *d->pick_doc * (size_t)f.n);
		if (!d->pick_num || !d->pick_opt || !d->pick_doc) {
			pick_free(d);
			ctl_rform_free(&f);
			ui_status(1, "%s", _("out of memory"));
			return;
		}
	}
	for (int i = 0; i < f.n; i++) {
		int64_t open = 0;
		int seen = 0;

		for (int k = 0; k < d->npick; k++)
			seen |= !strcmp(d->pick_doc[k], f.rows[i].it.number);
		if (seen)
			continue;
		for (int j = i; j < f.n; j++)
			if (!strcmp(f.rows[j].it.number, f.rows[i].it.number))
				open += f.rows[j].it.open;
		ctl_money(d->c, open, a, sizeof a);
		snprintf(d->pick_doc[d->npick], sizeof d->pick_doc[0], "%s", f.rows[i].it.number);
		date_show(f.rows[i].it.date, day, sizeof day);
		snprintf(d->pick_num[d->npick], sizeof d->pick_num[0], "%s  %s  %s", f.rows[i].it.number,
		         day, a);
		d->pick_opt[d->npick] = d->pick_num[d->npick];
		d->npick++;
	}
	ctl_rform_free(&f);
	if (!d->npick) {
		ui_status(1, "%s", none);
		return;
	}
	dialog_choose(&d->dlg, tag, title, _("Its open invoices, oldest first:"), d->pick_opt,
	              d->npick, 0);
}

void docform_free(docform *d)
{
	dialog_free(&d->dlg);
	pick_free(d);
}
