/* The form's state and keys: pure code, no curses (see form.h). */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "actions.h"
#include "form.h"
#include "keys.h"
#include "textedit.h"

#include "cartera/date.h"
#include "cartera/i18n.h"

/* Choice names stay in English in the widget; form_draw translates them. */
static const char *const yesno[] = { N_("no"), N_("yes") };

void form_init(form *f, void *ud)
{
	memset(f, 0, sizeof *f);
	f->ud = ud;
}

int form_add(form *f, const char *label, int type, int maxlen, int required,
             form_validate_fn validate)
{
	form_field *fl;

	if (f->n >= FORM_MAX_FIELDS)
		return -1;
	fl = &f->f[f->n];
	memset(fl, 0, sizeof *fl);
	fl->label = label;
	fl->type = type;
	fl->maxlen = maxlen > 0 && maxlen < FORM_VALUE_MAX / 4 ? maxlen : FORM_VALUE_MAX / 4 - 1;
	if (type == FT_DATE)
		fl->maxlen = DATE_LEN - 1;
	fl->width = fl->maxlen < 30 ? fl->maxlen + 1 : 30;
	fl->required = required;
	fl->validate = validate;
	if (type == FT_YESNO) {
		fl->choices = yesno;
		fl->nchoices = 2;
		form_set_choice(f, f->n, 1);
	}
	return f->n++;
}

void form_set_choices(form *f, int i, const char *const *choices, int n)
{
	form_field *fl = &f->f[i];
	int w = 0;

	fl->choices = choices;
	fl->nchoices = n;
	for (int k = 0; k < n; k++)
		if (form_chars(choices[k]) > w)
			w = form_chars(choices[k]);
	fl->width = w + 4;     /* "‹ name ›" */
	form_set_choice(f, i, 0);
}

int form_chars(const char *s)
{
	int n = 0, cp, len;

	while ((len = uk_utf8_decode(s, &cp)) > 0) {
		s += len;
		n++;
	}
	return n;
}

void form_set_value(form *f, int i, const char *value)
{
	form_field *fl = &f->f[i];

	if (fl->type == FT_DATE)   /* an ISO date shown in the clerks' order (date.h) */
		date_show(value, fl->value, sizeof fl->value);
	else
		snprintf(fl->value, sizeof fl->value, "%s", value ? value : "");
	fl->value[uk_utf8_offset(fl->value, fl->maxlen)] = '\0';
	fl->cursor = form_chars(fl->value);
	fl->edited = 0;
}

void form_set_choice(form *f, int i, int choice)
{
	form_field *fl = &f->f[i];

	if (fl->nchoices <= 0)
		return;
	fl->choice = (choice % fl->nchoices + fl->nchoices) % fl->nchoices;
	snprintf(fl->value, sizeof fl->value, "%s", fl->choices[fl->choice]);
	fl->cursor = 0;
}

/* src into dst, cut at a character boundary when it does not fit. */
static void copy_cut(char *dst, size_t size, const char *src)
{
	size_t n = strlen(src);

	if (n >= size) {
		n = size - 1;
		while (n > 0 && ((unsigned char)src[n] & 0xc0) == 0x80)
			n--;
	}
	memcpy(dst, src, n);
	dst[n] = '\0';
}

const char *form_error_text(const form_field *fl)
{
	size_t n = strlen(fl->label);

	if (n && !strncasecmp(fl->error, fl->label, n) && fl->error[n] == ':')
		return fl->error[n + 1] == ' ' ? fl->error + n + 2 : fl->error + n + 1;
	return fl->error;
}

int form_check(form *f, int i)
{
	form_field *fl = &f->f[i];
	const char *p = fl->value;

	fl->error[0] = '\0';
	while (*p == ' ')
		p++;
	if (fl->required && !*p) {
		snprintf(fl->error, sizeof fl->error, "%s", _("required"));
	} else if (fl->type == FT_DATE && *p) {
		cart_err e;
		date_t d;

		if (date_parse_order(p, date_order(), &d, &e) != CART_OK)
			copy_cut(fl->error, sizeof fl->error, e.msg);
		else if (fl->validate)
			fl->validate(f, i, fl->error, sizeof fl->error, f->ud);
	} else if (fl->validate)
		fl->validate(f, i, fl->error, sizeof fl->error, f->ud);
	return fl->error[0] != '\0';
}

int form_check_all(form *f)
{
	int first = -1;

	for (int i = 0; i < f->n; i++)
		if (form_check(f, i) && first < 0)
			first = i;
	if (first >= 0)
		f->cur = first;
	return first;
}

void form_set_warning(form *f, int i, const char *msg)
{
	snprintf(f->f[i].warning, sizeof f->f[i].warning, "%s", msg ? msg : "");
}

void form_set_error(form *f, int i, const char *msg)
{
	snprintf(f->f[i].error, sizeof f->f[i].error, "%s", msg);
	f->cur = i;
}

void form_scroll(form *f, int h)
{
	if (h < 1)
		h = 1;
	if (f->cur < f->top)
		f->top = f->cur;
	if (f->cur >= f->top + h)
		f->top = f->cur - h + 1;
	if (f->top > f->n - h)
		f->top = f->n - h > 0 ? f->n - h : 0;
}

/* Leave the current field for field to: the one left is validated. */
static int go(form *f, int to)
{
	form_check(f, f->cur);
	f->cur = (to + f->n) % f->n;
	return FORM_MOVED | FORM_REDRAW;
}

/* A message goes when its cause does: a field marked wrong is checked again as it is typed into,
 * and its message cleared once it is right ("required" as soon as something is typed). While it
 * is still wrong the message stays as it was, so it does not change at every key. */
static int settle_error(form *f, form_field *fl)
{
	char was[sizeof fl->error];
	int required = 0;

	if (!fl->error[0])
		return 0;
	memcpy(was, fl->error, sizeof was);
	required = !strcmp(was, _("required"));
	if (!form_check(f, (int)(fl - f->f)))
		return FORM_SETTLED;
	if (required && strcmp(fl->error, _("required"))) {
		fl->error[0] = '\0';   /* filled: its own check comes when the field is left */
		return FORM_SETTLED;
	}
	memcpy(fl->error, was, sizeof was);
	return 0;
}

static int edit_key(form *f, form_field *fl, int key)
{
	int r = te_key(fl->value, sizeof fl->value, fl->maxlen, fl->type, &fl->cursor, key);

	if (r == TE_IGNORED)
		return FORM_IGNORED;
	if (r & TE_CHANGED) {
		fl->edited = 1;
		f->dirty = 1;
		return FORM_REDRAW | settle_error(f, fl);
	}
	return FORM_REDRAW;
}

static int choice_key(form *f, form_field *fl, int key)
{
	int to;

	if (key == UK_LEFT)
		to = fl->choice - 1;
	else if (key == UK_RIGHT || key == ' ')
		to = fl->choice + 1;
	else if (fl->type == FT_YESNO && (key == 'y' || key == 'Y' || key == 's' || key == 'S'))
		to = 1;
	else if (fl->type == FT_YESNO && (key == 'n' || key == 'N'))
		to = 0;
	else
		return FORM_IGNORED;
	if (to == fl->choice)
		return FORM_REDRAW;
	form_set_choice(f, (int)(fl - f->f), to);
	fl->edited = 1;
	f->dirty = 1;
	return FORM_REDRAW | FORM_CHOSEN;
}

/* A date field's own keys: a day more or less on a valid date, today. FORM_IGNORED when the key
 * is not one of them (then it types: '-' into a date not yet complete). */
static int date_key(form *f, form_field *fl, int key)
{
	char buf[DATE_LEN];
	date_t d;

	if (key == 't' || key == 'T' || key == '=') {
		d = date_today();
	} else if (key == '+' || key == '-') {
		cart_err e;

		if (date_parse_order(fl->value, date_order(), &d, &e) != CART_OK)
			return key == '+' ? FORM_REDRAW : FORM_IGNORED;
		d = date_add_days(d, key == '+' ? 1 : -1);
	} else {
		return FORM_IGNORED;
	}
	date_format_order(d, date_order(), buf);
	form_set_value(f, (int)(fl - f->f), buf);
	fl->error[0] = '\0';
	fl->edited = 1;
	f->dirty = 1;
	return FORM_REDRAW;
}

static int field_next(void *self, int key)
{
	form *f = self;

	(void)key;
	return go(f, f->cur + 1);
}

static int field_prev(void *self, int key)
{
	form *f = self;

	(void)key;
	return go(f, f->cur - 1);
}

/* The form's keys; the last two are its fields' own editing (run NULL: the field takes them). */
const ui_act form_acts[FMA_COUNT] = {
	[FMA_NEXT] = UI_ACT(NULL, UK_TAB, UK_ENTER, UK_DOWN, 0,
	                    N_("next field (the field left is checked)"), field_next),
	[FMA_PREV] = UI_ACT(NULL, UK_BTAB, UK_UP, 0, 0,
	                    N_("previous field (the field left is checked)"), field_prev),
	[FMA_CYCLE] = UI_ACT(NULL, UK_LEFT, UK_RIGHT, ' ', 0,
	                     N_("on a choice: the previous / next choice; in text: move the cursor"), NULL),
	[FMA_EMPTY] = UI_ACT(NULL, UK_CTRL('u'), 0, 0, 0, N_("empty the field (text, amounts, dates)"),
	                     NULL),
};
const ui_keymap form_keys = UI_KEYMAP("form", UI_KM_FORM, form_acts);

int form_handle_key(form *f, int key)
{
	form_field *fl;
	int r;

	if (f->n == 0)
		return FORM_IGNORED;
	fl = &f->f[f->cur];
	if ((r = ui_keys_run(&form_keys, f, key, 0, 1)) >= 0)
		return r;
	if (fl->type == FT_CHOICE || fl->type == FT_YESNO)
		return choice_key(f, fl, key);
	if (fl->type == FT_DATE && (r = date_key(f, fl, key)) != FORM_IGNORED)
		return r;
	return edit_key(f, fl, key);
}

int form_date_iso(const form *f, int i, char out[DATE_LEN])
{
	date_t d;

	if (date_parse_order(f->f[i].value, date_order(), &d, CART_IGNORED) != CART_OK) {
		snprintf(out, DATE_LEN, "%.10s", f->f[i].value);
		return -1;
	}
	date_format(d, out);
	return 0;
}
