/* The screens' actions: each screen (and each shared widget: the list view, the tabs, the form,
 * the dialogs, the document grid, the report view) declares its own table next to its code (NeoMutt's
 * per-menu tables): per action the key-bar label, up to three keys, the precondition, the help
 * line and the handler. This small generic part looks a key up in the CURRENT table, checks the
 * precondition and calls the handler; the key bar and the help screen are drawn from the same
 * table (ui_keys_bar, ui_keys_help in ui_int.h), so they never drift from what the keys do.
 * Every table is listed in keymaps.h, where tests/unit/test_keys holds them to the rules.
 * Pure code (no curses): the widgets and their tests use it too. */
#ifndef CARTERA_UI_ACTIONS_H
#define CARTERA_UI_ACTIONS_H

#include "keys.h"

#include "cartera/i18n.h"

/* What must hold for an action to work, checked centrally (ui_keys_run) before its handler
 * runs; the key bar shows only the actions whose needs hold. */
enum { UI_NEEDS_ROW = 1, UI_NEEDS_FILTER = 2,
       UI_NEEDS_ROOT = 4,     /* the bottom screen: Esc / q / F10 leave cartera */
       UI_NEEDS_NESTED = 8,   /* a screen over another: they go back to it */
       UI_NEEDS_ITEM = 16,    /* the selected row is an open charge (due or overdue) */
       UI_NEEDS_CREDIT = 32, /* the selected row is a credit in favour */
       UI_NEEDS_QUOTE = 64 }; /* the selected row is a quote */
/* What the receipt form has: it receives money (not applying a credit); means of payment are
 * listed. */
enum { UI_NEEDS_RECEIVING = 1 << 16, UI_NEEDS_MEANS = 1 << 17 };
/* What the report screen shows: a report over the clients (aging, follow-up), not one document. */
enum { UI_NEEDS_SPAN = 1 << 18 };
/* What the selected row of "Hoy" is: an activity. */
enum { UI_NEEDS_ACTIVITY = 1 << 19 };
/* The dashboard's selected row is a posted document (the Transactions tab): it may be voided. */
enum { UI_NEEDS_DOC = 1 << 20 };
/* The report screen shows the aging (it can be ordered otherwise): keys3's bit 24. */
enum { UI_NEEDS_AGING = 1 << 24 };
/* The document view (scr_reports.c) shows one document, which may be voided (the audit trail,
 * on the same keys, is not one). */
enum { UI_NEEDS_ONEDOC = 1 << 21 };

typedef struct ui_act ui_act;
struct ui_act {
	const char *label;      /* N_(): its entry on the key bar; NULL: only in the help */
	int keys[3];            /* 0: none; the key bar shows the first */
	int needs;              /* UI_NEEDS_*: all must hold, checked before run */
	const char *help;       /* N_(): its line in the help */
	/* The handler: self is the table's owner (the screen or widget); what it returns is the
	 * owner's (SCR_* for a screen, LV_* for the list view...), never negative. NULL: the key
	 * goes on to a widget (a UI_USE line), or to the fields' own editing (a form's arrows). */
	int (*run)(void *self, int key);
	/* A widget's action listed on this screen (its keys, label, help and needs, in this
	 * place of the help and key bar): run is NULL and the key goes on to the widget. */
	const ui_act *same;
};
#define UI_ACT(label, k1, k2, k3, needs, help, run) { label, { k1, k2, k3 }, needs, help, run, NULL }
/* A widget's action on a screen's table; needs adds a precondition of the screen's. */
#define UI_USE(act) { NULL, { 0, 0, 0 }, 0, NULL, NULL, &(act) }
#define UI_USE_IF(act, needs) { NULL, { 0, 0, 0 }, needs, NULL, NULL, &(act) }

/* What kind of table it is. SEARCHED: a list the clerk searches, where every printable
 * character types into the filter, so its keys are F-keys, Enter, arrows, Ctrl and Alt keys
 * (tests/unit/test_keys holds every such table to it). FORM: a form (its help says letters
 * type into the field). TABS: it has tabs (digits 1 to 9 go to one). CONFIRM: a question,
 * whose y and n are the language's yes and no keys. */
enum { UI_KM_SEARCHED = 1, UI_KM_FORM = 2, UI_KM_TABS = 4, UI_KM_CONFIRM = 8 };
typedef struct ui_keymap {
	const char *name;       /* for the tests' messages */
	const ui_act *acts;
	int n;
	int flags;
	/* The needs that say which screen this is rather than what is selected (leaving cartera
	 * on the first screen, going back on the others; an invoice, not a quote): the help lists
	 * an action only when they hold. */
	int modes;
} ui_keymap;
#define UI_NEEDS_MODES (UI_NEEDS_ROOT | UI_NEEDS_NESTED)
#define UI_KEYMAP(name, flags, table) \
	{ name, table, (int)(sizeof table / sizeof table[0]), flags, UI_NEEDS_MODES }
#define UI_KEYMAP_MODES(name, flags, table, modes) \
	{ name, table, (int)(sizeof table / sizeof table[0]), flags, UI_NEEDS_MODES | (modes) }
/* Needs of one screen's own, n from 0 to 4: bits 16-20, which mean something else on each
 * table (the older UI_NEEDS_RECEIVING, _MEANS, _SPAN, _ACTIVITY and _DOC are such bits, each of
 * one screen's). A table never mixes two flags of one bit. */
#define UI_NEEDS_LOCAL(n) (1 << (16 + (n)))

/* The keys, label, help and needs of an entry (a widget's, for a UI_USE line). */
const ui_act *ui_act_real(const ui_act *a);
int ui_act_needs(const ui_act *a);
/* The entry key starts in m, or NULL. `have` is the UI_NEEDS_* the screen has now: of two
 * entries sharing a key (Quit and Back), the one whose needs hold. A printable key starts
 * nothing when `typing` or on a SEARCHED table; elsewhere a letter is also its Alt key and Alt
 * and a character the character's action (one rule: Alt always works). */
const ui_act *ui_keys_find(const ui_keymap *m, int key, int have, int typing);
/* What ui_keys_run returns when no handler ran. */
enum { UI_NOKEY = -1,           /* no action has the key here */
       UI_REFUSED = -2,         /* the action's precondition does not hold: nothing done */
       UI_WIDGET = -3 };        /* no handler (run NULL): hand the key to the widget */
/* Look key up in m, check its precondition against `have` and run its handler on self. */
int ui_keys_run(const ui_keymap *m, void *self, int key, int have, int typing);
/* Whether entry a of m holds given `have`. */
int ui_act_ok(const ui_act *a, int have);
/* The help screen's keys: scrolling it, closing it (what a screen showing its help asks). */
extern const ui_keymap ui_help_keys;
int ui_help_closes(int key);

/* The keys that answer a question yes and no in the clerk's language (y/n, s/n in Spanish); a
 * UI_KM_CONFIRM table takes them in either case besides y and n. */
int ui_yes_key(void);
int ui_no_key(void);

#endif
