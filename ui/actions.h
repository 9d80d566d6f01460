/* Every action of the screens in ONE list: its key-bar label (NULL: not on the bar), up to three
 * default keys, the screens it works on, its precondition and its help text. The enum, the key
 * lookup, the key bar and the help screen all come from these lines, so they never drift.
 * Pure code (no curses): the list view and its tests use it too. */
#ifndef CARTERA_UI_ACTIONS_H
#define CARTERA_UI_ACTIONS_H

#include "keys.h"

#include "cartera/i18n.h"

#include <stdint.h>

/* The screens an action works on: one bit each (UI_IN_*). 64 bits, so a new screen takes the
 * next free bit above 31 with UI_BIT(n). */
typedef uint64_t ui_where;
#define UI_BIT(n) (UINT64_C(1) << (n))

/* Where an action works. UI_IN_LIST and UI_IN_DASH are the lists a clerk searches: there every
 * printable character types into the filter, so their commands are F-keys, Enter, arrows and Alt
 * keys (UI_SEARCHED). Elsewhere, with nothing to type into, a letter alone also starts the action
 * of its Alt key, and Alt and a letter the action of the letter: one rule, Alt always works. */
enum { UI_IN_LIST = 1, UI_IN_HELP = 2, UI_IN_DETAIL = 4, UI_IN_FORM = 8, UI_IN_CONFIRM = 16,
       UI_IN_ALL = 31 };
/* What must hold for it to work, checked centrally (ui_action_ok) before any handler runs. */
enum { UI_NEEDS_ROW = 1, UI_NEEDS_FILTER = 2,
       UI_NEEDS_ROOT = 4,     /* the bottom screen: Esc / q / F10 leave cartera */
       UI_NEEDS_NESTED = 8,   /* a screen over another: they go back to it */
       UI_NEEDS_ITEM = 16,    /* the selected row is an open charge (due or overdue) */
       UI_NEEDS_CREDIT = 32, /* the selected row is a credit in favour */
       UI_NEEDS_QUOTE = 64 }; /* the selected row is a quote */
/* Dialogs (dialog.h), tab rows (tabs.h) and message windows. */
enum { UI_IN_DIALOG = 32, UI_IN_TABS = 64, UI_IN_MESSAGE = 128 };
/* The lines of a document (grid.h). */
enum { UI_IN_GRID = 256 };
/* The dashboard (scr_dash.c). */
enum { UI_IN_DASH = 512 };
/* The persons of a client (scr_persons.c): their list and the form of one person. High bits,
 * clear of the screens other branches add (32 upwards). */
enum { UI_IN_PERSONS = 1 << 12, UI_IN_PERSON = 1 << 13 };
/* The receipt form and applying a credit (scr_receipt.c), the small box where one means of
 * payment or withholding is typed, and the credit note and opening balance forms
 * (scr_credit_note.c, scr_opening.c). */
enum { UI_IN_RECEIPT = 1 << 16, UI_IN_ENTRY = 1 << 17, UI_IN_DOCFORM = 1 << 18,
       UI_IN_CNOTE = 1 << 19, UI_IN_OPENING = 1 << 20 };
/* What the receipt form has: it receives money (not applying a credit); means of payment are
 * listed. */
enum { UI_NEEDS_RECEIVING = 1 << 16, UI_NEEDS_MEANS = 1 << 17 };
/* The invoice and quote entry screen (scr_invoice.c) and its instalments window. */
enum { UI_IN_INVOICE = 1 << 14, UI_IN_QUOTE = 1 << 15, UI_IN_INST = 1 << 21 };
/* The statement of a client (scr_statement.c) and its filter form. */
enum { UI_IN_STMT = 1 << 22, UI_IN_STMTF = 1 << 23 };
/* The aging and follow-up reports (scr_reports.c); they share the statement's keys for moving,
 * saving and printing. */
enum { UI_IN_REPORTS = 1 << 24 };
/* One document on that screen (D on the dashboard): only the keys that serve a document. */
enum { UI_IN_RDOC = 1 << 25 };
/* Mail (scr_mail.c): the "Send by mail" screen, its plain body editor, the outbox. */
enum { UI_IN_MAIL = 1 << 26, UI_IN_MBODY = 1 << 27, UI_IN_OUTBOX = 1 << 28 };
/* The mail templates (scr_mail_tpl.c): their list and the form of one. */
enum { UI_IN_MTPL = 1 << 29, UI_IN_MTPLF = 1 << 30 };
/* What the report screen shows: a report over the clients (aging, follow-up), not one document. */
enum { UI_NEEDS_SPAN = 1 << 18 };
/* The follow-up screens (scr_followup.c "Seguimiento", scr_today.c "Hoy"): bits 10 and 11, the
 * last free ones below 32; screens added after them take UI_BIT(32) upwards. */
enum { UI_IN_FOLLOW = 1 << 10, UI_IN_TODAY = 1 << 11 };
/* The bank lines (scr_bank.c): the bank helper's range of screen bits. */
#define UI_IN_BANK UI_BIT(42)
/* What the selected row of "Hoy" is: an activity. */
enum { UI_NEEDS_ACTIVITY = 1 << 19 };
/* The dashboard's selected row is a posted document (the Transactions tab): it may be voided
 * (bits 20-22 are the screens branch's). */
enum { UI_NEEDS_DOC = 1 << 20 };

#define UI_SEARCHED ((ui_where)(UI_IN_LIST | UI_IN_DASH))

/* ---- Per-screen action tables ----
 * Each screen (and each shared widget: the list view, the tabs, the dialogs, the document grid)
 * declares its own table next to its code: per action the key-bar label, up to three keys, the
 * precondition, the help line and the handler. One small generic part (actions.c) looks a key
 * up in the CURRENT table, checks the precondition and calls the handler; the key bar and the
 * help screen are drawn from the same table (ui_keys_bar, ui_keys_help in ui_int.h), so they
 * never drift from what the keys do. */
typedef struct ui_act ui_act;
struct ui_act {
	const char *label;      /* N_(): its entry on the key bar; NULL: only in the help */
	int keys[3];            /* 0: none; the key bar shows the first */
	int needs;              /* UI_NEEDS_*: all must hold, checked before run */
	const char *help;       /* N_(): its line in the help */
	/* The handler: self is the table's owner (the screen or widget); what it returns is the
	 * owner's (SCR_* for a screen, LV_* for the list view...), never negative. */
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
       UI_WIDGET = -3 };        /* a widget's action (UI_USE): hand the key to the widget */
/* Look key up in m, check its precondition against `have` and run its handler on self. */
int ui_keys_run(const ui_keymap *m, void *self, int key, int have, int typing);
/* Whether entry a of m holds given `have`. */
int ui_act_ok(const ui_act *a, int have);
/* The help screen's keys: scrolling it, closing it (what a screen showing its help asks). */
extern const ui_keymap ui_help_keys;
int ui_help_closes(int key);

/* The trend screen "Tendencia" (scr_trend.c, issue 19): screen bit 46 of the pictures' range. */
#define UI_IN_TREND UI_BIT(46)
#define UI_TREND_ACTIONS(X)                                                                      \
	X(TREND_SCR, NULL,      UK_CTRL('t'), 0,        0,      UI_IN_DASH,   0,                     \
	  N_("Ctrl-T: Tendencia, the trend of the last 12 month-ends (this client's on one client's dashboard)")) \
	X(TR_HELP, N_("Help"),  UK_F(1),   '?',         0,      UI_IN_TREND,  0,                     \
	  N_("this help: every key of the screen"))                                                  \
	X(TR_MEASURE, N_("Measure"), UK_TAB, UK_BTAB,   0,      UI_IN_TREND,  0,                     \
	  N_("the next measure the bars show: open, overdue, % overdue, DSO, collections (Shift-Tab: back)")) \
	X(TR_PDF,  N_("PDF"),   UK_F(5),   'd',         0,      UI_IN_TREND,  0,                     \
	  N_("save the trend as a PDF file (the table and its bars)"))                               \
	X(TR_XLSX, N_("XLSX"),  UK_F(6),   'x',         0,      UI_IN_TREND,  0,                     \
	  N_("save the trend as a spreadsheet with its charts"))                                     \
	X(TR_TEXT, N_("Text"),  UK_F(7),   't',         0,      UI_IN_TREND,  0,                     \
	  N_("save the trend as plain text"))                                                        \
	X(TR_BACK, N_("Back"),  UK_F(10),  'q',         UK_ESC, UI_IN_TREND,  0,                     \
	  N_("back to the screen before"))

#define UI_ACTIONS(X)                                                                            \
	X(HELP,   N_("Help"),  UK_F(1),  '?',          0,      UI_IN_LIST | UI_IN_DASH | UI_IN_DETAIL | UI_IN_FORM, 0, \
	  N_("this help: every key of the screen"))                                                 \
	X(OPEN,   N_("Open"),  UK_ENTER, 0,            0,      UI_IN_LIST,   UI_NEEDS_ROW,          \
	  N_("show the selected client: its record and its totals"))                                \
	X(NEW,    N_("New"),   UK_F(2),  UK_ALT('n'),          0,      UI_IN_LIST,   0,                     \
	  N_("new client: the client form, empty"))                                                 \
	X(EDIT,   N_("Edit"),  UK_F(4),  UK_ALT('e'),          0,      UI_IN_LIST,   UI_NEEDS_ROW,          \
	  N_("edit the selected client in the client form"))                                        \
	X(SORT,   N_("Sort"),  UK_F(6),  UK_CTRL('o'), 0,      UI_IN_LIST | UI_IN_DASH,   0,                     \
	  N_("sort by name, tax id or phone, up then down (cycles)"))                               \
	X(CLEAR,  N_("Clear"), UK_F(8),  UK_CTRL('u'), 0,      UI_IN_LIST | UI_IN_DASH,   UI_NEEDS_FILTER,       \
	  N_("clear the filter"))                                                                   \
	X(QUIT,   N_("Quit"),  UK_F(10), UK_ESC,       0,      UI_IN_LIST | UI_IN_DASH, UI_NEEDS_ROOT, \
	  N_("leave cartera (asks first; Esc clears a typed filter first)"))                                   \
	X(BACK,   N_("Back"),  UK_F(10), UK_ESC,       0,      UI_IN_LIST | UI_IN_DASH, UI_NEEDS_NESTED, \
	  N_("back to the screen before (Esc clears a typed filter first)"))                         \
	/* the dashboard (scr_dash.c) */                                                             \
	X(DASH_CLIENT, N_("Client"), UK_ENTER, 0,      0,      UI_IN_DASH,   UI_NEEDS_ROW,          \
	  N_("the dashboard of the selected row's client alone"))                                    \
	X(CLIENTS, N_("Clients"), UK_F(3), UK_ALT('c'),        0,      UI_IN_DASH,   0,                     \
	  N_("the client list: find, add and correct clients, import and export them"))              \
	X(APPLY,  N_("Apply"), UK_F(4),  UK_ALT('a'),          0,      UI_IN_DASH,   UI_NEEDS_CREDIT,       \
	  N_("apply the selected credit in favour to the client's oldest open invoices"))            \
	X(PAY,    N_("Pay"),   UK_F(5),  UK_ALT('p'),          0,      UI_IN_DASH,   UI_NEEDS_ITEM,         \
	  N_("receive a payment for the selected document: the receipt form, it marked"))             \
	X(REMIND, N_("Remind"), UK_F(7), UK_ALT('r'),          0,      UI_IN_DASH,   UI_NEEDS_ROW,          \
	  N_("record a reminder to the selected row's client in the client's history"))             \
	/* the dashboard's Quotes tab */                                                           \
	X(QINVOICE, N_("Invoice it"), UK_ALT('v'),  0,         0,      UI_IN_DASH,   UI_NEEDS_QUOTE,        \
	  N_("make an invoice of the selected quote in one step (asks first; the credit check applies)")) \
	X(QACCEPT, NULL,        UK_ALT('k'),      0,           0,      UI_IN_DASH,   UI_NEEDS_QUOTE,        \
	  N_("mark the selected quote accepted by the client"))                                      \
	X(QREJECT, NULL,        UK_ALT('x'),      0,           0,      UI_IN_DASH,   UI_NEEDS_QUOTE,        \
	  N_("mark the selected quote rejected by the client"))                                      \
	X(DAYS,   NULL,    UK_F(9),  UK_ALT('d'),          0,      UI_IN_DASH,   0,                         \
	  N_("filter by days overdue: 1-30, 90- or -15"))                                           \
	X(RANGE,  NULL,    UK_F(2),  UK_ALT('g'),          0,      UI_IN_DASH,   0,                         \
	  N_("show one aging range: not yet due, 1-30, 31-60... (the company's ranges)"))           \
	X(TOTAL_KEYS, NULL, UK_ALT('1'), UK_ALT('2'), UK_ALT('3'),    UI_IN_DASH,   0,                         \
	  N_("Alt-1 to Alt-4: the tab of a total (due, overdue, credits, net: the clients)"))              \
	/* the dashboard's new documents (scr_invoice.c) */                                         \
	X(DASH_INVOICE, N_("Invoice"), UK_F(11), UK_ALT('i'),   0,      UI_IN_DASH,   0,                    \
	  N_("a new invoice (this client's, on one client's dashboard)"))                           \
	X(DASH_QUOTE, N_("Quote"), UK_F(12), UK_ALT('o'),       0,      UI_IN_DASH,   0,                    \
	  N_("a new quote (this client's, on one client's dashboard)"))                             \
	X(HELP_SCROLL, NULL,   UK_PGDN,  UK_PGUP,      ' ',    UI_IN_HELP,   0,                     \
	  N_("scroll this help when it is longer than the screen (Up, Down, Home, End too)"))         \
	X(CLOSE,  N_("Close"), UK_ESC,   'q',          UK_F(10), UI_IN_HELP | UI_IN_DETAIL | UI_IN_MESSAGE, 0, \
	  N_("close this window"))                                                                  \
	X(UP,     NULL,    UK_UP,    UK_CTRL('p'), 0,      UI_IN_LIST | UI_IN_DASH | UI_IN_TABS, 0, N_("previous row"))     \
	X(DOWN,   NULL,    UK_DOWN,  UK_CTRL('n'), 0,      UI_IN_LIST | UI_IN_DASH | UI_IN_TABS, 0, N_("next row"))         \
	X(PGUP,   NULL,    UK_PGUP,  0,            0,      UI_IN_LIST | UI_IN_DASH | UI_IN_TABS, 0, N_("previous page"))    \
	X(PGDN,   NULL,    UK_PGDN,  0,            0,      UI_IN_LIST | UI_IN_DASH | UI_IN_TABS, 0, N_("next page"))        \
	X(HOME,   NULL,    UK_HOME,  0,            0,      UI_IN_LIST | UI_IN_DASH | UI_IN_TABS, 0, N_("first row"))        \
	X(END,    NULL,    UK_END,   0,            0,      UI_IN_LIST | UI_IN_DASH | UI_IN_TABS, 0, N_("last row"))         \
	X(SAVE,   N_("Save"),  UK_F(9),  UK_CTRL('s'), 0,      UI_IN_FORM,   0,                     \
	  N_("check every field and save the client"))                                              \
	X(CANCEL, N_("Cancel"), UK_ESC,  UK_F(10),     0,      UI_IN_FORM,   0,                     \
	  N_("close the form; asks first when something was typed"))                                \
	X(NEXT,   NULL,    UK_TAB,   UK_ENTER,     UK_DOWN, UI_IN_FORM,  0,                         \
	  N_("next field (the field left is checked)"))                                             \
	X(PREV,   NULL,    UK_BTAB,  UK_UP,        0,      UI_IN_FORM,   0,                         \
	  N_("previous field (the field left is checked)"))                                         \
	X(CYCLE,  NULL,    UK_LEFT,  UK_RIGHT,     ' ',    UI_IN_FORM,   0,                         \
	  N_("on a choice: the previous / next choice; in text: move the cursor"))                  \
	X(YES,    N_("Yes"),   'y',      'Y',          0,      UI_IN_CONFIRM, 0,                    \
	  N_("yes: go ahead (discard the changes, replace the file...)"))                           \
	X(NO,     N_("No"),    'n',      'N',          UK_ESC, UI_IN_CONFIRM, 0,                    \
	  N_("no: back to where you were, nothing done"))                                           \
	X(ERASE,  NULL,    UK_BACKSPACE, 0,        0,      UI_IN_LIST | UI_IN_DASH,   UI_NEEDS_FILTER,           \
	  N_("delete the last character of the filter"))                                            \
	X(GOTO,   N_("Find"),  UK_F(3),  UK_ALT('g'),          0,      UI_IN_LIST,   0,                     \
	  N_("find a client by a few letters of its name, tax id or phone and go to it"))           \
	X(IMPORT, N_("Import"), UK_F(5), UK_ALT('i'),          0,      UI_IN_LIST,   0,                     \
	  N_("import clients from a CSV file (a file with a bad line imports nothing)"))            \
	X(EXPORT, N_("Export"), UK_F(7), UK_ALT('x'),          0,      UI_IN_LIST,   0,                     \
	  N_("export every client to a CSV file"))                                                  \
	X(OK,     N_("OK"),    UK_ENTER, 0,            0,      UI_IN_DIALOG, 0,                     \
	  N_("accept: the highlighted choice, the typed text or the selected client"))              \
	X(DISMISS, N_("Cancel"), UK_ESC, UK_F(10),     0,      UI_IN_DIALOG, 0,                     \
	  N_("close the dialog, nothing done"))                                                     \
	X(TABNEXT, N_("Next tab"), UK_TAB, ']',        UK_RIGHT, UI_IN_TABS, 0,                     \
	  N_("the next tab (1 to 9 go straight to a tab)"))                                         \
	X(TABPREV, NULL,   UK_BTAB,  '[',          UK_LEFT, UI_IN_TABS,  0,                         \
	  N_("the previous tab"))                                                                   \
	X(EMPTY,  NULL,    UK_CTRL('u'), 0,        0,      UI_IN_FORM,   0,                           \
	  N_("empty the field (text, amounts, dates)"))                                                 \
	X(PERSONS, N_("Persons"), UK_F(5), UK_CTRL('p'), 0,    UI_IN_FORM,   0,                           \
	  N_("the client's associated persons: who receives its statements and reminders"))            \
	X(PHELP,  N_("Help"),  UK_F(1),  '?',          0,      UI_IN_PERSONS | UI_IN_PERSON, 0,          \
	  N_("this help: every key of the screen"))                                                    \
	X(PADD,   N_("Add"),   UK_F(2),  'a',          0,      UI_IN_PERSONS, 0,                          \
	  N_("add a person: an empty person form"))                                                    \
	X(PEDIT,  N_("Edit"),  UK_F(4),  'e',          UK_ENTER, UI_IN_PERSONS, UI_NEEDS_ROW,             \
	  N_("edit the selected person"))                                                              \
	X(PDEL,   N_("Delete"), UK_F(8), 'd',          UK_DELETE, UI_IN_PERSONS, UI_NEEDS_ROW,            \
	  N_("delete the selected person (asks first)"))                                               \
	X(PBACK,  N_("Back"),  UK_ESC,   'q',          UK_F(10), UI_IN_PERSONS, 0,                        \
	  N_("back to the client form (F9 there saves the client with its persons)"))                  \
	X(PUP,    NULL,    UK_UP,    UK_CTRL('p'), 'k',    UI_IN_PERSONS, 0, N_("previous person"))      \
	X(PDOWN,  NULL,    UK_DOWN,  UK_CTRL('n'), 'j',    UI_IN_PERSONS, 0, N_("next person"))          \
	X(POK,    N_("OK"),    UK_F(9),  UK_CTRL('s'), 0,      UI_IN_PERSON, 0,                           \
	  N_("check the person and put it in the client's list"))                                      \
	X(PCANCEL, N_("Cancel"), UK_ESC, UK_F(10),     0,      UI_IN_PERSON, 0,                           \
	  N_("close the person's form; asks first when something was typed"))                          \
	X(PFIELD, NULL,    UK_TAB,   UK_BTAB,      UK_ENTER, UI_IN_PERSON, 0,                         \
	  N_("next / previous field (Up and Down too; the field left is checked)"))                    \
	X(PMAIL,  NULL,    UK_LEFT,  UK_RIGHT,     ' ',    UI_IN_PERSON, 0,                           \
	  N_("on Receives mail: no / yes (y and n too); in text: move the cursor"))                    \
	/* the statement of one client (scr_statement.c) and its keys on the dashboard */           \
	X(STATEMENT, N_("Statement"), UK_ALT('s'),      0,     0,      UI_IN_DASH,   UI_NEEDS_ROW,             \
	  N_("the statement of the selected row's client: filter it, save it as PDF or XLSX, print it")) \
	X(PRINTDOC, N_("Print"), UK_ALT('P'),      0,          0,      UI_IN_DASH,   UI_NEEDS_ROW,             \
	  N_("print the selected row's document (its PDF, through the spooler lp)"))                  \
	X(SHOWDOC, NULL,        UK_ALT('D'),      0,           0,      UI_IN_DASH,   UI_NEEDS_ROW,             \
	  N_("the selected row's document on screen: save it as PDF, XLSX or text, print it"))        \
	X(CSTATEMENT, N_("Statement"), UK_F(9), UK_ALT('s'),   0,      UI_IN_LIST,   UI_NEEDS_ROW,             \
	  N_("the selected client's statement: filter it, save it as PDF or XLSX, print it"))         \
	X(SHELP,  N_("Help"),  UK_F(1),  '?',          0,      UI_IN_STMT | UI_IN_REPORTS | UI_IN_RDOC, 0,         \
	  N_("this help: every key of the screen"))                                                    \
	X(SFILTER, N_("Filter"), UK_F(4), 'f',         0,      UI_IN_STMT,   0,                         \
	  N_("filter the statement: as-of date, type, number, dates, due dates, days, status, range"))  \
	X(RASOF,  N_("As of"), UK_F(2),  'a',          0,      UI_IN_REPORTS, UI_NEEDS_SPAN,            \
	  N_("the report as of another date (the ledger at the end of that day)"))         \
	X(RSWITCH, NULL,   UK_TAB,   0,            0,      UI_IN_REPORTS, UI_NEEDS_SPAN,            \
	  N_("switch between the aging and the follow-up, same date"))                 \
	X(ROVERDUE, NULL,  UK_F(4),  'o',          0,      UI_IN_REPORTS, UI_NEEDS_SPAN,            \
	  N_("follow-up: only the clients with something overdue, or all")) \
	X(RMANY,  N_("Statements"), UK_F(3), 'S',      0,      UI_IN_REPORTS, UI_NEEDS_SPAN,            \
	  N_("its clients' statements: a PDF each, all in one PDF, or printed"))                     \
	X(RSTMT,  NULL,    UK_ENTER, 's',          0,      UI_IN_REPORTS | UI_IN_RDOC, UI_NEEDS_ROW,             \
	  N_("the statement of the line's client, as of the report's date"))                  \
	X(SPDF,   N_("PDF"),   UK_F(5),  'd',          0,      UI_IN_STMT | UI_IN_REPORTS | UI_IN_RDOC, 0,         \
	  N_("save the report as a PDF file (asks for the file name)"))                                \
	X(SXLSX,  N_("XLSX"),  UK_F(6),  'x',          0,      UI_IN_STMT | UI_IN_REPORTS | UI_IN_RDOC, 0,         \
	  N_("save the report as a spreadsheet, XLSX (asks for the file name)"))                       \
	X(STEXT,  N_("Text"),  UK_F(7),  't',          0,      UI_IN_STMT | UI_IN_REPORTS | UI_IN_RDOC, 0,         \
	  N_("save the report as plain text, 80 columns (asks for the file name)"))                    \
	X(SPRINT, N_("Print"), UK_F(8),  'p',          0,      UI_IN_STMT | UI_IN_REPORTS | UI_IN_RDOC, 0,         \
	  N_("print the report (its PDF, through the spooler lp; the file is kept)"))                  \
	X(SRANGES, NULL,   '1',      '2',          '0',    UI_IN_STMT,   0,                             \
	  N_("1 not yet due, 2 3 4 5 the company's aging ranges (1-30, 31-60...), 0 every range"))    \
	X(AGING,  NULL,    UK_ALT('A'),      0,            0,      UI_IN_STMT | UI_IN_DASH, 0,              \
	  N_("the aging report: every client, a column per range, the proof"))             \
	X(FOLLOWUP, NULL,  UK_ALT('F'),      0,            0,      UI_IN_STMT | UI_IN_DASH, 0,              \
	  N_("the follow-up report (of this client on a client's screen)")) \
	X(AUDIT,  NULL,    UK_ALT('U'),      0,            0,      UI_IN_DASH,   0,                         \
	  N_("the audit trail: who did what, when (of this client on a client's screen)")) \
	X(SMOVE,  NULL,    UK_DOWN,  UK_UP,        UK_PGDN, UI_IN_STMT | UI_IN_REPORTS | UI_IN_RDOC, 0,            \
	  N_("scroll the report (PgUp, PgDn, Home and End too)"))                                     \
	X(SSIDE,  NULL,    UK_RIGHT, UK_LEFT,      0,      UI_IN_STMT | UI_IN_REPORTS | UI_IN_RDOC, 0,            \
	  N_("the columns beyond the screen's edge, when lines are wider"))       \
	X(SBACK,  N_("Back"),  UK_F(10), 'q',          UK_ESC, UI_IN_STMT | UI_IN_REPORTS | UI_IN_RDOC, 0,         \
	  N_("back to the screen before"))                                                             \
	X(SAPPLY, N_("Apply"), UK_F(9),  UK_CTRL('s'), 0,      UI_IN_STMTF,  0,                         \
	  N_("apply the filter to the statement"))                                                     \
	X(SCANCEL, N_("Cancel"), UK_ESC, UK_F(10),     0,      UI_IN_STMTF,  0,                         \
	  N_("close the filter, the statement as it was"))                                             \
	/* the lines of a document (ui/grid.h) */                                                  \
	X(CELL_NEXT, NULL, UK_TAB,   UK_ENTER,     0,      UI_IN_GRID,   0,                           \
	  N_("next cell; after a line's last cell, a new line; on an empty last line, what follows"))   \
	X(CELL_PREV, NULL, UK_BTAB,  0,            0,      UI_IN_GRID,   0, N_("previous cell"))         \
	X(LINE_UP,   NULL, UK_UP,    0,            0,      UI_IN_GRID,   0, N_("the line above"))        \
	X(LINE_DOWN, NULL, UK_DOWN,  0,            0,      UI_IN_GRID,   0, N_("the line below"))        \
	X(LINE_INSERT, N_("Ins line"), UK_F(7), UK_CTRL('o'), 0, UI_IN_GRID, 0,                           \
	  N_("insert an empty line above this one"))                                                   \
	X(LINE_DELETE, N_("Del line"), UK_F(8), UK_CTRL('k'), 0, UI_IN_GRID, 0, N_("delete this line")) \
	/* the receipt form and applying a credit (scr_receipt.c) */                                 \
	X(R_HELP,  N_("Help"),  UK_F(1),  '?',         0,      UI_IN_RECEIPT | UI_IN_DOCFORM, 0,     \
	  N_("this help: every key of the screen"))                                                    \
	X(R_AMOUNT, N_("Cash"), UK_F(2), '$',          0,      UI_IN_RECEIPT, UI_NEEDS_RECEIVING,    \
	  N_("the amount received, all in cash (in place of the means typed so far)"))                \
	X(R_MEANS, N_("Means"), UK_F(3),  'm',         0,      UI_IN_RECEIPT, UI_NEEDS_RECEIVING,    \
	  N_("add a means of payment: cash, transfer, card, cheque (bank, number), post-dated"))      \
	X(R_WH,    N_("Withheld"), UK_F(4), 'w',       0,      UI_IN_RECEIPT, UI_NEEDS_RECEIVING,    \
	  N_("add a withholding the client deducted: its kind, certificate and amount"))              \
	X(R_UNMEANS, NULL,      UK_F(8),  'x',         0,      UI_IN_RECEIPT, UI_NEEDS_RECEIVING | UI_NEEDS_MEANS, \
	  N_("remove the last means of payment"))                                                     \
	X(R_CLIENT, NULL,       UK_F(6),  'c',         0,      UI_IN_RECEIPT, UI_NEEDS_RECEIVING,    \
	  N_("the client: pick it from the client list"))                                             \
	X(R_DATE,  NULL,        UK_F(7),  'd',         0,      UI_IN_RECEIPT, UI_NEEDS_RECEIVING,    \
	  N_("the receipt date (the open invoices as of that date)"))                                 \
	X(R_MARK,  NULL,        ' ',      0,           0,      UI_IN_RECEIPT, UI_NEEDS_ROW,          \
	  N_("Space: mark or unmark the invoice; marked ones take the amount, oldest first"))       \
	X(R_ROW,   NULL,        UK_ENTER, '=',         0,      UI_IN_RECEIPT, UI_NEEDS_ROW,          \
	  N_("type what the selected invoice takes (empty: back to oldest first)"))                   \
	X(R_KEEP,  N_("AA"),    'k',      0,           0,      UI_IN_RECEIPT, 0,                     \
	  N_("the leftover: keep it as a credit in favour (AA)"))                                     \
	X(R_WRITEOFF, N_("Writeoff"), 'o',  0,         0,      UI_IN_RECEIPT, 0,                     \
	  N_("the leftover: write it off (asks the reason)"))                                         \
	X(R_REFUND, N_("Refund"), 'f',    0,           0,      UI_IN_RECEIPT, 0,                     \
	  N_("the leftover: refund it in cash (when the company allows refunds)"))                    \
	X(R_POST,  N_("Post"),  UK_F(9),  UK_CTRL('s'), 0,     UI_IN_RECEIPT | UI_IN_DOCFORM, 0,     \
	  N_("post the document; its number is shown"))                                               \
	X(R_CANCEL, N_("Cancel"), UK_ESC, UK_F(10),    0,      UI_IN_RECEIPT | UI_IN_DOCFORM, 0,     \
	  N_("close the form; asks first when something was typed"))                                  \
	X(R_UP,    NULL,        UK_UP,    UK_CTRL('p'), 0,     UI_IN_RECEIPT, 0, N_("previous invoice")) \
	X(R_DOWN,  NULL,        UK_DOWN,  UK_CTRL('n'), 0,     UI_IN_RECEIPT, 0, N_("next invoice"))     \
	X(R_PGUP,  NULL,        UK_PGUP,  UK_HOME,     0,      UI_IN_RECEIPT, 0, N_("previous page, first invoice")) \
	X(R_PGDN,  NULL,        UK_PGDN,  UK_END,      0,      UI_IN_RECEIPT, 0, N_("next page, last invoice")) \
	/* the box of one means of payment or withholding */                                        \
	X(E_OK,    N_("OK"),    UK_F(9),  UK_CTRL('s'), 0,     UI_IN_ENTRY,  0,                      \
	  N_("add it to the receipt (Enter on the last field too)"))                                 \
	X(E_CANCEL, N_("Cancel"), UK_ESC, UK_F(10),    0,      UI_IN_ENTRY,  0,                      \
	  N_("close the box, nothing added"))                                                         \
	/* the credit note and opening balance forms (scr_credit_note.c, scr_opening.c) */          \
	X(D_CLIENT, N_("Client"), UK_F(2), UK_CTRL('f'), 0,    UI_IN_DOCFORM, 0,                     \
	  N_("pick the client from the client list"))                                                 \
	X(D_INVOICE, N_("Invoice"), UK_F(3), UK_CTRL('v'), 0,  UI_IN_CNOTE,   0,                     \
	  N_("pick one of the client's open invoices (empty: a credit note on account)"))            \
	X(D_IMPORT, N_("Import"), UK_F(5), UK_CTRL('r'), 0,    UI_IN_OPENING, 0,                     \
	  N_("import opening balances or open items from a CSV file (all or nothing)"))              \
	/* the dashboard's documents (scr_receipt.c, scr_credit_note.c, scr_opening.c) */           \
	X(RECEIPT, NULL,        UK_ALT('R'),      0,           0,      UI_IN_DASH,   0,                      \
	  N_("a new receipt: pick the client, then mark what it pays"))                               \
	X(CNOTE,   NULL,        UK_ALT('N'),      0,           0,      UI_IN_DASH,   0,                      \
	  N_("a credit note against one open invoice, or on account"))                                \
	X(OPENING, NULL,        UK_ALT('O'),      0,           0,      UI_IN_DASH,   0,                      \
	  N_("opening balances: one balance per client, or its open items; CSV import"))                \
	/* the invoice and quote entry screen (scr_invoice.c) */                                    \
	X(INV_HELP, N_("Help"), UK_F(1),   UK_CTRL('g'), 0,      UI_IN_INVOICE | UI_IN_QUOTE | UI_IN_INST, 0, \
	  N_("this help: every key of the screen"))                                                 \
	X(INV_POST, N_("Post"), UK_F(9),   UK_CTRL('s'), 0,     UI_IN_INVOICE | UI_IN_QUOTE, 0,     \
	  N_("post, then a fresh form; asks why when the credit check fails"))                      \
	X(INV_BACK, N_("Back"), UK_ESC,    UK_F(10),    0,      UI_IN_INVOICE | UI_IN_QUOTE, 0,     \
	  N_("back to the dashboard; asks first when something was typed"))                         \
	X(INV_CLIENT, N_("Client"), UK_F(2), UK_CTRL('f'), 0,   UI_IN_INVOICE | UI_IN_QUOTE, 0,     \
	  N_("choose the client (or type a few letters or a tax id, Enter)"))                       \
	X(INV_NEWCLIENT, N_("New client"), UK_F(3), UK_CTRL('n'), 0, UI_IN_INVOICE | UI_IN_QUOTE, 0, \
	  N_("create the client in the client form; what is typed stays"))                          \
	X(INV_LINES, N_("Lines"), UK_F(4), UK_CTRL('l'), 0,     UI_IN_INVOICE | UI_IN_QUOTE, 0,     \
	  N_("go to the lines, or from the lines back to the header"))                              \
	X(INV_INST, N_("Instalments"), UK_F(6), UK_CTRL('t'), 0, UI_IN_INVOICE, 0,                  \
	  N_("split into instalments: how many, how often, the first due"))                         \
	X(INST_DONE, N_("Done"), UK_F(9),  UK_CTRL('s'), UK_ESC, UI_IN_INST, 0,                     \
	  N_("back to the invoice with this split (0 or 1 instalments: none)"))                     \
	X(INST_FIELD, NULL,     UK_TAB,    UK_ENTER,    UK_BTAB, UI_IN_INST, 0,                     \
	  N_("next / previous field; typed amounts show what is left"))                             \
	/* mail (scr_mail.c) */                                                                     \
	X(MAIL,    N_("Mail"),  'm',       0,           0,      UI_IN_STMT | UI_IN_REPORTS | UI_IN_RDOC, 0, \
	  N_("send it by e-mail: the statement, the selected client's, or the document"))           \
	X(DMAIL,   NULL,        UK_ALT('m'),       0,           0,      UI_IN_DASH,   UI_NEEDS_ROW,          \
	  N_("e-mail the selected row: its document, or the client's statement"))                   \
	X(OUTBOX,  NULL,        UK_ALT('M'),       0,           0,      UI_IN_DASH,   0,                     \
	  N_("the outbox: messages waiting, failed (with the error) and sent"))                     \
	X(M_HELP,  N_("Help"),  UK_F(1),   UK_CTRL('g'), 0,     UI_IN_MAIL | UI_IN_MBODY | UI_IN_MTPLF, 0, \
	  N_("this help: every key of the screen"))                                                 \
	X(M_SEND,  N_("Send"),  UK_F(9),   UK_CTRL('s'), 0,     UI_IN_MAIL,   0,                     \
	  N_("put the message in the outbox and start its delivery; you never wait"))               \
	X(M_BODY,  N_("Body"),  UK_F(4),   UK_CTRL('e'), 0,     UI_IN_MAIL,   0,                     \
	  N_("edit the body in $VISUAL or $EDITOR, or here when neither is set"))                   \
	X(M_CANCEL, N_("Cancel"), UK_ESC,  UK_F(10),    0,      UI_IN_MAIL,   0,                     \
	  N_("close, nothing sent"))                                                                \
	X(M_DONE,  N_("Done"),  UK_F(9),   UK_ESC,      UK_CTRL('s'), UI_IN_MBODY, 0,                \
	  N_("back to the message with this body (arrows, Enter, Backspace edit it)"))              \
	X(O_HELP,  N_("Help"),  UK_F(1),   '?',         0,      UI_IN_OUTBOX, 0,                     \
	  N_("this help: every key of the screen"))                                                 \
	X(O_SHOW,  N_("Show"),  UK_ENTER,  0,           0,      UI_IN_OUTBOX, UI_NEEDS_ROW,          \
	  N_("the selected message as it is sent, headers and all"))                                \
	X(O_RETRY, N_("Retry"), 'r',       0,           0,      UI_IN_OUTBOX, UI_NEEDS_ROW,          \
	  N_("send the selected failed message again now"))                                         \
	X(O_RETRYALL, NULL,     'R',       0,           0,      UI_IN_OUTBOX, 0,                     \
	  N_("send every failed message again now"))                                                \
	X(O_CANCEL, N_("Cancel msg"), 'c', UK_DELETE,   0,      UI_IN_OUTBOX, UI_NEEDS_ROW,          \
	  N_("cancel the selected pending or failed message: it stays, never sent"))                \
	X(O_SEND,  N_("Deliver"), 's',     0,           0,      UI_IN_OUTBOX, 0,                     \
	  N_("deliver what is waiting now, in the background"))                                     \
	X(O_FILTER, N_("Status"), UK_TAB,  'f',         0,      UI_IN_OUTBOX, 0,                     \
	  N_("show every message, or only pending, failed, sent, cancelled (cycles)"))              \
	X(O_RELOAD, NULL,       UK_F(5),   UK_CTRL('l'), 0,     UI_IN_OUTBOX, 0,                     \
	  N_("read the outbox again"))                                                              \
	X(O_BACK,  N_("Back"),  UK_ESC,    'q',         UK_F(10), UI_IN_OUTBOX, 0,                   \
	  N_("back to the screen before"))                                                          \
	X(MTPLS,   NULL,        UK_ALT('T'),       0,           0,      UI_IN_DASH,   0,                     \
	  N_("the company's mail templates: subject and body per language"))                        \
	X(O_TPL,   N_("Templates"), 't',   0,           0,      UI_IN_OUTBOX, 0,                     \
	  N_("the company's mail templates: subject and body per language"))                        \
	X(T_HELP,  N_("Help"),  UK_F(1),   '?',         0,      UI_IN_MTPL,   0,                     \
	  N_("this help: every key of the screen"))                                                 \
	X(T_EDIT,  N_("Edit"),  UK_ENTER,  0,           0,      UI_IN_MTPL,   UI_NEEDS_ROW,          \
	  N_("edit the selected template's subject and body"))                                      \
	X(T_NEW,   N_("New"),   'n',       0,           0,      UI_IN_MTPL,   0,                     \
	  N_("a new template: its name, language, subject and body"))                               \
	X(T_BACK,  N_("Back"),  UK_ESC,    'q',         UK_F(10), UI_IN_MTPL, 0,                     \
	  N_("back to the screen before"))                                                          \
	X(T_SAVE,  N_("Save"),  UK_F(9),   UK_CTRL('s'), 0,     UI_IN_MTPLF,  0,                     \
	  N_("save the template; an unknown placeholder is refused, naming its line"))              \
	X(T_BODY,  N_("Body"),  UK_F(4),   UK_CTRL('e'), 0,     UI_IN_MTPLF,  0,                     \
	  N_("edit the body in $VISUAL or $EDITOR, or here when neither is set"))                   \
	X(T_CANCEL, N_("Cancel"), UK_ESC,  UK_F(10),    0,      UI_IN_MTPLF,  0,                     \
	  N_("close the template, as it was")) \
	/* the follow-up screens (scr_followup.c, scr_today.c) and their keys on the dashboard */  \
	X(FINDDOC, NULL,        UK_ALT('b'), 0,         0,      UI_IN_DASH | UI_IN_LIST, 0,          \
	  N_("find a document by its number (FAC-000123, or its legal number) and show it"))        \
	X(FOLLOW_SCR, NULL,     UK_ALT('W'),       0,           0,      UI_IN_DASH,   0,                     \
	  N_("Seguimiento: the clients whose follow-up is due today; preview and process them"))    \
	X(TODAY_SCR, NULL,      UK_ALT('H'),       0,           0,      UI_IN_DASH,   0,                     \
	  N_("Hoy: today's calls and visits, promises to pay falling due and broken"))             \
	X(FU_HELP, N_("Help"),  UK_F(1),   '?',         0,      UI_IN_FOLLOW | UI_IN_TODAY, 0,      \
	  N_("this help: every key of the screen"))                                                 \
	X(FU_TICK, N_("Tick"),  UK_F(2),   ' ',       0,      UI_IN_FOLLOW, UI_NEEDS_ROW,          \
	  N_("Space: tick or untick the client (only ticked clients are processed)"))               \
	X(FU_ALL,  NULL,        't',       0,           0,      UI_IN_FOLLOW, UI_NEEDS_ROW,          \
	  N_("tick every client, or none when all are ticked"))                                     \
	X(FU_PREVIEW, N_("Preview"), UK_ENTER, 'v',     0,      UI_IN_FOLLOW, UI_NEEDS_ROW,          \
	  N_("what the client would get: the e-mail or letter as it would go out"))                 \
	X(FU_PROCESS, N_("Process"), UK_F(9), UK_CTRL('s'), 0,  UI_IN_FOLLOW, UI_NEEDS_ROW,          \
	  N_("process the ticked clients: e-mails queued, letters written, history, next level"))   \
	X(TD_DONE, N_("Done"),  UK_F(5),   'd',         0,      UI_IN_TODAY,  UI_NEEDS_ACTIVITY,     \
	  N_("mark the selected activity done, with a note (kept in the client's history)"))       \
	X(TD_RESCHED, N_("Move"), UK_F(6), 'r',         0,      UI_IN_TODAY,  UI_NEEDS_ACTIVITY,     \
	  N_("reschedule the selected activity to another day"))                                    \
	X(TD_PROMISE, N_("Promise"), UK_F(7), 'p',      0,      UI_IN_TODAY,  UI_NEEDS_ROW,          \
	  N_("record the client's promise to pay: amount, date, by whom"))                          \
	X(TD_OPEN, N_("Client"), UK_ENTER, 0,           0,      UI_IN_TODAY,  UI_NEEDS_ROW,          \
	  N_("the dashboard of the selected row's client"))                                         \
	X(FU_BACK, N_("Back"),  UK_F(10),  'q',         UK_ESC, UI_IN_FOLLOW | UI_IN_TODAY, 0,      \
	  N_("back to the screen before"))                                                          \
	/* the bank lines (scr_bank.c) and their key on the dashboard */                            \
	X(BANK_SCR, NULL,       UK_ALT('B'), 0,           0,      UI_IN_DASH,   0,                     \
	  N_("Banco: the bank statement's lines, matched to clients; accept them as receipts"))     \
	X(BK_HELP, N_("Help"),  UK_F(1),   '?',          0,      UI_IN_BANK,   0,                     \
	  N_("this help: every key of the screen"))                                                 \
	X(BK_IMPORT, N_("Import"), UK_F(2), UK_CTRL('o'), 0,      UI_IN_BANK,   0,                     \
	  N_("import a bank statement: CSV (its columns asked the first time), OFX or camt.053"))   \
	X(BK_ACCEPT, N_("Accept"), UK_ENTER, 0,         0,      UI_IN_BANK,   UI_NEEDS_ROW,          \
	  N_("accept the proposal: the receipt posts (no client proposed: the receipt form)"))      \
	X(BK_CHANGE, N_("Change"), UK_F(4), UK_CTRL('e'), 0,      UI_IN_BANK,   UI_NEEDS_ROW,          \
	  N_("change the client or the documents: the receipt form, filled in from the line"))     \
	X(BK_LATER, N_("Later"), UK_F(5),  UK_CTRL('d'), 0,      UI_IN_BANK,   UI_NEEDS_ROW,          \
	  N_("leave the line for later; it stays in the list"))                                     \
	X(BK_UNMATCHED, N_("Unmatched"), UK_F(6), UK_CTRL('f'), 0,      UI_IN_BANK,   0,                     \
	  N_("only the lines nobody matched, or every line waiting"))                               \
	X(BK_IGNORE, N_("Not client"), UK_F(8), UK_CTRL('x'), 0,      UI_IN_BANK,   UI_NEEDS_ROW,          \
	  N_("mark the line as not a client payment (a transfer of your own, interest...)"))       \
	X(BK_BACK, N_("Back"),  UK_F(10),  UK_ESC,      0,      UI_IN_BANK,   0,                     \
	  N_("back to the screen before"))                                                          \
	/* issue 14's actions on the dashboard's rows (scr_dash.c): Ctrl keys, so typing in the  \
	 * filter never fires them */                                                               \
	X(VOIDDOC, N_("Void"),  UK_CTRL('x'), 0,        0,      UI_IN_DASH,   UI_NEEDS_DOC,          \
	  N_("void the selected document: what it reverses first, then the reason; both stay"))    \
	X(HISTORY, NULL,        UK_CTRL('y'), 0,        0,      UI_IN_DASH,   UI_NEEDS_ROW,          \
	  N_("the selected row's client's history: reminders, e-mails, letters, promises, calls")) \
	X(APPLY_ITEM, NULL,     UK_CTRL('a'), 0,        0,      UI_IN_DASH,   UI_NEEDS_ITEM,         \
	  N_("pay the selected document with the client's credits in favour, oldest first"))                        \
	UI_TREND_ACTIONS(X)

enum ui_action {
	UA_NONE = 0,
#define X(id, label, k1, k2, k3, where, needs, help) UA_##id,
	UI_ACTIONS(X)
#undef X
	UA_COUNT
};

typedef struct ui_action_info {
	const char *label;
	int keys[3];
	ui_where where;
	int needs;
	const char *help;
} ui_action_info;

/* The label and help are N_() strings: translate them with _() where they are shown. */
const ui_action_info *ui_action_get(int action);
/* The action key starts on screen `where`, or UA_NONE. Keys that type text (letters, digits, ?)
 * act only when `typing` is 0 and `where` is not a searched list (UI_SEARCHED): there they type. */
int ui_action_of(int key, ui_where where, int typing);
/* The keys that answer a question yes and no in the clerk's language (y/n, s/n in Spanish);
 * ui_action_of(UI_IN_CONFIRM) takes them in either case besides y and n. */
int ui_yes_key(void);
int ui_no_key(void);
/* Whether the precondition holds, given the UI_NEEDS_* flags the screen has now. */
int ui_action_ok(int action, int have);

#endif
