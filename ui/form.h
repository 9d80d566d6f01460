/* A form of typed fields (text, amount, integer, choice, yes/no, date), htop style: the state below,
 * form_handle_key() with no curses (unit-tested) and form_draw() in form_draw.c. Values are UTF-8
 * edited by characters; a field's validator runs as the clerk leaves it and on form_check_all(),
 * and its message is drawn beside the field. The owner reads the values back and saves. */
#ifndef CARTERA_UI_FORM_H
#define CARTERA_UI_FORM_H

#include <stddef.h>
#include "cartera/date.h"

#include "actions.h"

#define FORM_MAX_FIELDS 24
#define FORM_VALUE_MAX 400      /* bytes, with the NUL */
#define FORM_ERROR_MAX 240

enum form_type { FT_TEXT, FT_AMOUNT, FT_INTEGER, FT_CHOICE, FT_YESNO,
	/* YYYY-MM-DD, checked by date.c as the field is left; on a valid date + and - add and take
	 * a day, t or = put today (date_today(): --today fixes it) */
	FT_DATE };

struct form;
/* Check field i as the clerk leaves it: write the message for the clerk into err (left "" when
 * the value is fine). The validator may change other fields' values (a computed check digit). */
typedef void (*form_validate_fn)(struct form *f, int i, char *err, size_t size, void *ud);

typedef struct form_field {
	const char *label;
	int type;
	int maxlen;                 /* characters the value may hold */
	int width;                  /* display columns of the value box */
	int required;               /* empty is refused with "required" (the owner may change it) */
	const char *const *choices; /* FT_CHOICE: the names, in order */
	int nchoices;
	form_validate_fn validate;  /* NULL: only the required check */
	char value[FORM_VALUE_MAX]; /* text, or the chosen name for a choice / "yes" "no" */
	int choice;                 /* FT_CHOICE and FT_YESNO (1 = yes) */
	int cursor;                 /* in characters */
	int edited;                 /* the clerk changed it since it was set */
	char error[FORM_ERROR_MAX]; /* shown beside the field once it was left */
	char warning[FORM_ERROR_MAX]; /* accepted, but worth a look: shown when there is no error */
} form_field;

typedef struct form {
	form_field f[FORM_MAX_FIELDS];
	int n;
	int cur;
	int dirty;                  /* anything typed since form_init or form_clean */
	int top;                    /* first field drawn when the form scrolls */
	void *ud;                   /* for the validators */
} form;

/* What handle_key did, for the owner's loop (handlers never draw). */
enum {
	FORM_IGNORED = 0,
	FORM_REDRAW = 1,   /* value or cursor changed */
	FORM_MOVED = 2,    /* the current field changed (the one left was validated) */
	FORM_CHOSEN = 4,   /* a choice changed: the owner may change what is required */
	FORM_SETTLED = 8,  /* typing fixed the field's message: the owner clears what it said */
};

void form_init(form *f, void *ud);
/* Add a field; returns its index (-1 when full). */
int form_add(form *f, const char *label, int type, int maxlen, int required,
             form_validate_fn validate);
void form_set_choices(form *f, int i, const char *const *choices, int n);
/* Set a value (the cursor goes to its end; not a change by the clerk: dirty is left alone). */
/* A date field's value (FT_DATE) is shown in the clerks' order (date.h): an ISO value given
 * here shows as DD/MM/YYYY where the company reads dates day first. */
void form_set_value(form *f, int i, const char *value);
/* A date field's value as ISO for comparing with the model's dates; -1 (out: the text) when it
 * is not a date. */
int form_date_iso(const form *f, int i, char out[DATE_LEN]);
void form_set_choice(form *f, int i, int choice);
/* The form's keys (moving between fields, the fields' editing), for screens to list (UI_USE). */
enum { FMA_NEXT, FMA_PREV, FMA_CYCLE, FMA_EMPTY, FMA_COUNT };
extern const ui_act form_acts[FMA_COUNT];
extern const ui_keymap form_keys;
int form_handle_key(form *f, int key);
/* Validate field i now (required check, then its validator); returns 0 when it is fine. */
/* A field's error without its own name in front: a controller's message that starts with the
 * field's label ("Importe: ...") is shown after that label once, not twice. */
const char *form_error_text(const form_field *fl);
int form_check(form *f, int i);
/* Validate every field (on save); returns the first field in error (made current) or -1. */
int form_check_all(form *f);
/* A warning beside field i ("" clears it): drawn apart from errors, it does not block a save. */
void form_set_warning(form *f, int i, const char *msg);
/* Put a message beside field i (an error the save found) and make it current. */
void form_set_error(form *f, int i, const char *msg);
/* Number of characters in a UTF-8 string. */
int form_chars(const char *s);
/* Keep the current field within h rows. */
void form_scroll(form *f, int h);

/* Draw the fields in the rectangle (y, x, h, w): label (with " *" when required), value box (the
 * cursor cell in reverse on the current field), the error or warning beside it. Choice names
 * are N_() strings translated here. Scrolls when h is less than the fields. */
void form_draw(form *f, int y, int x, int h, int w);

#endif
