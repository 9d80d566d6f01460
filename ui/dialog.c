/* The dialogs' state and keys: pure code, no curses, no ledger (see dialog.h). */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "actions.h"
#include "dialog.h"
#include "keys.h"

/* The pick dialog's columns: what the client list shows, in less room. */
static const lv_col pick_cols[] = {
	{ N_("Name"), 20, 0, 1, 0 },
	{ N_("Tax id"), 15, 0, 0, 0 },
	{ N_("Phone"), 14, 0, 0, 0 },
};

/* A fresh dialog of this kind, keeping the memory d already holds. */
static void start(dialog *d, int kind, int tag, const char *title, const char *text)
{
	ctlc_row *page = d->page;
	int cap = d->page_cap;

	free(d->msg);
	memset(d, 0, sizeof *d);
	d->page = page;
	d->page_cap = cap;
	d->kind = kind;
	d->tag = tag;
	snprintf(d->title, sizeof d->title, "%s", title ? title : "");
	snprintf(d->text, sizeof d->text, "%s", text ? text : "");
}

void dialog_confirm(dialog *d, int tag, const char *title, const char *question)
{
	start(d, DLG_CONFIRM, tag, title, question);
}

void dialog_choose(dialog *d, int tag, const char *title, const char *text,
                   const char *const *options, int n, int sel)
{
	start(d, DLG_CHOOSE, tag, title, text);
	d->many = n > DLG_MAX_OPTIONS ? options : NULL;
	d->opt_top = 0;
	for (int i = 0; i < n && i < DLG_MAX_OPTIONS; i++)
		d->options[i] = options[i];
	d->nopt = n;
	d->sel = sel >= 0 && sel < n ? sel : 0;
}

void dialog_prompt(dialog *d, int tag, const char *title, const char *text, const char *label,
                   int maxlen, const char *value)
{
	start(d, DLG_PROMPT, tag, title, text);
	form_init(&d->fm, NULL);
	form_add(&d->fm, label, FT_TEXT, maxlen, 0, NULL);
	d->fm.f[0].width = 40;
	form_set_value(&d->fm, 0, value);
}

void dialog_pick_init(dialog *d, int tag, const char *title, const char *text)
{
	start(d, DLG_PICK, tag, title, text);
	listview_init(&d->lv, pick_cols, (int)(sizeof pick_cols / sizeof pick_cols[0]), 0);
	d->picked = 0;
}

void dialog_message(dialog *d, int tag, const char *title, const char *text)
{
	start(d, DLG_MESSAGE, tag, title, NULL);
	d->msg = strdup(text ? text : "");
	d->nlines = 1;
	for (const char *p = d->msg ? d->msg : ""; *p; p++)
		if (*p == '\n' && p[1])
			d->nlines++;
	d->height = 1;
}

void dialog_free(dialog *d)
{
	free(d->msg);
	free(d->page);
	d->msg = NULL;
	d->page = NULL;
	d->page_cap = 0;
	d->kind = DLG_NONE;
}

void dialog_answer_text(const dialog *d, char *out, size_t size)
{
	const char *s = d->fm.f[0].value;
	size_t n;

	while (*s == ' ')
		s++;
	n = strlen(s);
	while (n > 0 && s[n - 1] == ' ')
		n--;
	snprintf(out, size, "%.*s", (int)n, s);
}

static int done(dialog *d, int how)
{
	d->kind = DLG_NONE;
	return how;
}

/* The next option (after the highlighted one, wrapping) whose name starts with key. */
static void jump(dialog *d, int key)
{
	for (int k = 1; k <= d->nopt; k++) {
		int i = (d->sel + k) % d->nopt, cp;

		if (uk_utf8_decode(dialog_option(d, i), &cp) > 0 &&
		    towlower((wint_t)cp) == towlower((wint_t)key)) {
			d->sel = i;
			return;
		}
	}
}

const char *dialog_option(const dialog *d, int i)
{
	return d->many ? d->many[i] : d->options[i];
}

/* Keep a long list's selection among the options shown. */
static void choose_scroll(dialog *d)
{
	int h = d->opt_height > 0 ? d->opt_height : DLG_MAX_OPTIONS;

	if (d->sel < d->opt_top)
		d->opt_top = d->sel;
	if (d->sel >= d->opt_top + h)
		d->opt_top = d->sel - h + 1;
}

static int choose_key(dialog *d, int key)
{
	int page = d->opt_height > 1 ? d->opt_height - 1 : 1;

	switch (key) {
	case UK_PGUP:
		d->sel = d->sel > page ? d->sel - page : 0;
		break;
	case UK_PGDN:
		d->sel = d->sel + page < d->nopt ? d->sel + page : d->nopt - 1;
		break;
	case UK_UP: case UK_LEFT: case UK_BTAB:
		d->sel = (d->sel + d->nopt - 1) % d->nopt;
		break;
	case UK_DOWN: case UK_RIGHT: case UK_TAB:
		d->sel = (d->sel + 1) % d->nopt;
		break;
	case UK_HOME:
		d->sel = 0;
		break;
	case UK_END:
		d->sel = d->nopt - 1;
		break;
	default:
		/* the numbers drawn beside the options choose at once */
		if (!d->many && key >= '1' && key < '1' + d->nopt) {
			d->sel = key - '1';
			return done(d, DLG_OK);
		}
		if (uk_is_text(key) && key != ' ')
			jump(d, key);
		break;
	}
	choose_scroll(d);
	return DLG_OPEN;
}

static int dlg_ok(void *self, int key)
{
	dialog *d = self;

	(void)key;
	if (d->kind == DLG_PICK && d->lv.rows <= 0)
		return DLG_OPEN;     /* nothing to pick: keep typing */
	return done(d, DLG_OK);
}

static int dlg_cancel(void *self, int key)
{
	(void)key;
	return done(self, DLG_CANCEL);
}

static int dlg_close(void *self, int key)
{
	(void)key;
	return done(self, DLG_OK);
}

/* choose, prompt and pick */
static const ui_act dialog_acts[] = {
	UI_ACT(N_("OK"), UK_ENTER, 0, 0, 0,
	       N_("accept: the highlighted choice, the typed text or the selected client"), dlg_ok),
	UI_ACT(N_("Cancel"), UK_ESC, UK_F(10), 0, 0, N_("close the dialog, nothing done"), dlg_cancel),
};
const ui_keymap dialog_keys = UI_KEYMAP("dialog", 0, dialog_acts);

static const ui_act confirm_acts[] = {
	UI_ACT(N_("Yes"), 'y', 'Y', 0, 0, N_("yes: go ahead (discard the changes, replace the file...)"),
	       dlg_close),
	UI_ACT(N_("No"), 'n', 'N', UK_ESC, 0, N_("no: back to where you were, nothing done"),
	       dlg_cancel),
};
const ui_keymap dialog_confirm_keys = UI_KEYMAP("confirm", UI_KM_CONFIRM, confirm_acts);

static const ui_act message_acts[] = {
	UI_ACT(N_("Close"), UK_ESC, 'q', UK_F(10), 0, N_("close this window"), dlg_close),
	UI_ACT(NULL, UK_ENTER, 0, 0, 0, N_("close this window"), dlg_close),
};
const ui_keymap dialog_message_keys = UI_KEYMAP("message", 0, message_acts);

/* the pick dialog's list: every letter types (q and ? too), these keys move and edit */
static const ui_act pick_acts[] = {
	UI_USE(listview_acts[LVA_UP]), UI_USE(listview_acts[LVA_DOWN]),
	UI_USE(listview_acts[LVA_PGUP]), UI_USE(listview_acts[LVA_PGDN]),
	UI_USE(listview_acts[LVA_HOME]), UI_USE(listview_acts[LVA_END]),
	UI_USE(listview_acts[LVA_ERASE]), UI_USE(listview_acts[LVA_CLEAR]),
};
const ui_keymap dialog_pick_keys = UI_KEYMAP("pick", UI_KM_SEARCHED, pick_acts);

static int pick_key(dialog *d, int key)
{
	int r;

	if (uk_is_text(key)) {
		/* every letter types, q and ? included: this list has no letter keys */
		char ch[4];
		int n = uk_utf8_encode(key, ch);
		size_t len = strlen(d->lv.filter);

		if (len + (size_t)n >= sizeof d->lv.filter)
			return DLG_OPEN;
		memcpy(d->lv.filter + len, ch, (size_t)n);
		d->lv.filter[len + (size_t)n] = '\0';
		d->lv.sel = d->lv.top = 0;
		return DLG_OPEN | DLG_REQUERY;
	}
	if (ui_keys_run(&dialog_pick_keys, d, key, listview_have(&d->lv), 1) != UI_WIDGET)
		return DLG_OPEN;
	r = listview_handle_key(&d->lv, key);
	return DLG_OPEN | (r & LV_REQUERY ? DLG_REQUERY : 0);
}

static int message_key(dialog *d, int key)
{
	int page = d->height > 1 ? d->height - 1 : 1, last = d->nlines - d->height;

	if (last < 0)
		last = 0;
	switch (key) {
	case UK_UP: d->top--; break;
	case UK_DOWN: d->top++; break;
	case UK_PGUP: d->top -= page; break;
	case UK_PGDN: d->top += page; break;
	case UK_HOME: d->top = 0; break;
	case UK_END: d->top = last; break;
	default: break;
	}
	if (d->top > last)
		d->top = last;
	if (d->top < 0)
		d->top = 0;
	return DLG_OPEN;
}

int dialog_handle_key(dialog *d, int key)
{
	int r;

	switch (d->kind) {
	case DLG_CONFIRM:
		r = ui_keys_run(&dialog_confirm_keys, d, key, 0, 0);
		return r >= 0 ? r : DLG_OPEN;
	case DLG_MESSAGE:
		r = ui_keys_run(&dialog_message_keys, d, key, 0, 0);
		return r >= 0 ? r : message_key(d, key);
	case DLG_CHOOSE:
	case DLG_PROMPT:
	case DLG_PICK:
		break;
	default:
		return DLG_OPEN;
	}
	if ((r = ui_keys_run(&dialog_keys, d, key, 0, 0)) >= 0)
		return r;
	if (d->kind == DLG_CHOOSE)
		return choose_key(d, key);
	if (d->kind == DLG_PICK)
		return pick_key(d, key);
	/* the prompt: the form's line editing, Enter and Esc taken above */
	form_handle_key(&d->fm, key);
	return DLG_OPEN;
}

void dialog_text_add(char **buf, size_t *len, const char *fmt, ...)
{
	char line[512];
	va_list ap;
	size_t n;
	char *b;

	va_start(ap, fmt);
	vsnprintf(line, sizeof line, fmt, ap);
	va_end(ap);
	n = strlen(line);
	if (!(b = realloc(*buf, *len + n + 2)))
		return;
	memcpy(b + *len, line, n);
	b[*len + n] = '\n';
	b[*len + n + 1] = '\0';
	*len += n + 1;
	*buf = b;
}

void dialog_text_list(char **buf, size_t *len, const csvclient_list *l)
{
	for (int i = 0; i < l->n; i++) {
		if (l->msg[i].line > 0)
			dialog_text_add(buf, len, _("line %ld: %s"), l->msg[i].line, l->msg[i].text);
		else
			dialog_text_add(buf, len, "%s", l->msg[i].text);
	}
	if (l->n_more > 0)
		dialog_text_add(buf, len, P_("... and %ld more", "... and %ld more", l->n_more),
		                l->n_more);
}
