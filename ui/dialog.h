/* Dialogs drawn over any screen: confirm (yes / no), choose (one of a few named options), prompt
 * (a line of text, UTF-8 edited), pick a client (filter as you type over the client list's
 * view-model) and a message window (scrollable lines: an import's bad lines). A dialog is a state
 * of the screen that opened it, not a nested input loop: the screen's loop reads every key with
 * ui_key() and hands it to dialog_key() while the dialog is up, and draws the dialog over its own
 * full redraw (ncdu style). The tag says what the answer is for.
 * dialog_handle_key() is pure (no curses, no ledger; unit-tested); dialog_key(), the client query
 * of the pick dialog and dialog_draw() are in dialog_draw.c. */
#ifndef CARTERA_UI_DIALOG_H
#define CARTERA_UI_DIALOG_H

#include "form.h"
#include "listview.h"

#include "cartera/csvclient.h"
#include "cartera/ctl_clients.h"

enum dlg_kind { DLG_NONE, DLG_CONFIRM, DLG_CHOOSE, DLG_PROMPT, DLG_PICK, DLG_MESSAGE };

/* What a key did. DLG_OPEN: the dialog is still up (redraw). DLG_OK: answered yes / chosen /
 * text given / client picked; DLG_CANCEL: no or Esc. Either way the dialog is closed
 * (kind DLG_NONE) with its answer kept. DLG_REQUERY (with DLG_OPEN): the pick dialog's filter
 * changed, so its clients must be counted again. */
enum { DLG_OPEN = 0, DLG_OK = 1, DLG_CANCEL = 2, DLG_REQUERY = 4 };

#define DLG_MAX_OPTIONS 9

typedef struct dialog {
	int kind;
	int tag;                    /* the owner's: what the answer is for */
	char title[128];
	char text[600];             /* the question, or the line above the prompt / the list */
	/* choose: the option names (first letters jump); the answer is sel */
	const char *options[DLG_MAX_OPTIONS];
	int nopt, sel;
	const char *const *many;    /* more than DLG_MAX_OPTIONS: the caller's array, scrolled */
	int opt_top, opt_height;    /* the first option shown, how many fit (set when drawn) */
	/* prompt: one text field; the answer is fm.f[0].value */
	form fm;
	/* pick: the list (its filter is what the clerk typed) over its own client query */
	listview lv;
	ctl_clients v;
	ctlc_row *page;
	int page_cap;
	int64_t picked;             /* the answer: the chosen client's id */
	/* message: lines separated by '\n' (owned), scrolled by top */
	char *msg;
	int nlines, top, height;
} dialog;

/* Open one kind of dialog in d: zeroed before its first use, then it may hold a closed one
 * (its memory is reused); dialog_free() when the screen ends. */
void dialog_confirm(dialog *d, int tag, const char *title, const char *question);
/* options (N_() strings, translated where drawn; they must outlive the dialog) are shown in
 * order, numbered: 1..9 choose at once, first letters and arrows move, Enter takes sel. More
 * than DLG_MAX_OPTIONS: the array itself must outlive the dialog too; the list scrolls (arrows,
 * PgUp/PgDn, Home/End), is not numbered, and letters jump. */
void dialog_choose(dialog *d, int tag, const char *title, const char *text,
                   const char *const *options, int n, int sel);
void dialog_prompt(dialog *d, int tag, const char *title, const char *text, const char *label,
                   int maxlen, const char *value);
/* The pure half of the pick dialog: its list, empty filter. dialog_pick() opens it for real. */
void dialog_pick_init(dialog *d, int tag, const char *title, const char *text);
/* text is copied; lines separated by '\n'. */
void dialog_message(dialog *d, int tag, const char *title, const char *text);

/* The dialogs' keys: choose, prompt and pick (OK, Cancel); a question (yes, no); a message
 * window (close); the pick dialog's list. */
extern const ui_keymap dialog_keys, dialog_confirm_keys, dialog_message_keys, dialog_pick_keys;
/* The entries of dialog_confirm_keys, for a question asked without a dialog. */
enum { DLGK_YES, DLGK_NO };

int dialog_handle_key(dialog *d, int key);
/* The choose dialog's option i (of the few kept, or of the caller's long array). */
const char *dialog_option(const dialog *d, int i);
/* The prompt's text, without blanks at either end, into out. */
void dialog_answer_text(const dialog *d, char *out, size_t size);
/* Building a message window's text: append a printf line to *buf (grown, *len its length), and
 * a CSV import's messages, one per line ("line N: reason"). */
void dialog_text_add(char **buf, size_t *len, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void dialog_text_list(char **buf, size_t *len, const csvclient_list *l);
/* Close d and free what it holds (safe on a closed or zeroed dialog). */
void dialog_free(dialog *d);

/* ---- dialog_draw.c: curses and the client list's controller ---- */
/* Open the pick dialog over ctl c's clients (the first page is counted at once). */
int dialog_pick(dialog *d, int tag, ctl *c, const char *title, const char *text, cart_err *e);
/* One key: dialog_handle_key, then the pick dialog's query and its chosen client's id. */
int dialog_key(dialog *d, int key);
/* Draw d over the screen below, with its key bar (nothing when it is closed). */
void dialog_draw(dialog *d);

#endif
