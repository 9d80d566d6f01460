/* Every action of the screens in ONE list: its key-bar label (NULL: not on the bar), up to three
 * default keys, the screens it works on, its precondition and its help text. The enum, the key
 * lookup, the key bar and the help screen all come from these lines, so they never drift.
 * Pure code (no curses): the list view and its tests use it too. */
#ifndef CARTERA_UI_ACTIONS_H
#define CARTERA_UI_ACTIONS_H

#include "keys.h"

/* Where an action works. */
enum { UI_IN_LIST = 1, UI_IN_HELP = 2, UI_IN_DETAIL = 4, UI_IN_FORM = 8, UI_IN_CONFIRM = 16,
       UI_IN_GRID = 32, UI_IN_ALL = 63 };
/* What must hold for it to work, checked centrally (ui_action_ok) before any handler runs. */
enum { UI_NEEDS_ROW = 1, UI_NEEDS_FILTER = 2 };
/* The persons of a client (scr_persons.c): their list and the form of one person. High bits,
 * clear of the screens other branches add (32 upwards). */
enum { UI_IN_PERSONS = 1 << 12, UI_IN_PERSON = 1 << 13 };

#define UI_ACTIONS(X)                                                                            \
	X(HELP,   "Help",  UK_F(1),  '?',          0,      UI_IN_LIST | UI_IN_DETAIL | UI_IN_FORM, 0, \
	  "this help: every key of the screen")                                                    \
	X(OPEN,   "Open",  UK_ENTER, 0,            0,      UI_IN_LIST,   UI_NEEDS_ROW,                \
	  "show the selected client: its record and its totals")                                   \
	/* New and Edit stay off the list's key bar for now: the bar is full at 80 columns */       \
	X(NEW,    "New",   UK_F(2),  'n',          0,      UI_IN_LIST,   0,                           \
	  "new client: the client form, empty")                                                    \
	X(EDIT,   "Edit",  UK_F(4),  'e',          0,      UI_IN_LIST,   UI_NEEDS_ROW,                \
	  "edit the selected client in the client form")                                           \
	X(SORT,   "Sort",  UK_F(6),  UK_CTRL('o'), 0,      UI_IN_LIST,   0,                           \
	  "sort by name, tax id or phone, up then down (cycles)")                                  \
	X(CLEAR,  "Clear", UK_F(8),  UK_CTRL('u'), 0,      UI_IN_LIST,   UI_NEEDS_FILTER,             \
	  "clear the filter")                                                                      \
	X(QUIT,   "Quit",  UK_F(10), 'q',          UK_ESC, UI_IN_LIST,   0,                           \
	  "leave cartera (q only while the filter is empty)")                                      \
	X(CLOSE,  "Close", UK_ESC,   'q',          UK_F(10), UI_IN_HELP | UI_IN_DETAIL, 0,            \
	  "close this window")                                                                     \
	X(UP,     NULL,    UK_UP,    UK_CTRL('p'), 0,      UI_IN_LIST,   0, "previous row")          \
	X(DOWN,   NULL,    UK_DOWN,  UK_CTRL('n'), 0,      UI_IN_LIST,   0, "next row")              \
	X(PGUP,   NULL,    UK_PGUP,  0,            0,      UI_IN_LIST,   0, "previous page")         \
	X(PGDN,   NULL,    UK_PGDN,  0,            0,      UI_IN_LIST,   0, "next page")             \
	X(HOME,   NULL,    UK_HOME,  0,            0,      UI_IN_LIST,   0, "first row")             \
	X(END,    NULL,    UK_END,   0,            0,      UI_IN_LIST,   0, "last row")              \
	X(SAVE,   "Save",  UK_F(9),  UK_CTRL('s'), 0,      UI_IN_FORM,   0,                           \
	  "check every field and save the client")                                                 \
	X(CANCEL, "Cancel", UK_ESC,  UK_F(10),     0,      UI_IN_FORM,   0,                           \
	  "close the form; asks first when something was typed")                                   \
	X(NEXT,   NULL,    UK_TAB,   UK_ENTER,     UK_DOWN, UI_IN_FORM,  0,                           \
	  "next field (the field left is checked)")                                                \
	X(PREV,   NULL,    UK_BTAB,  UK_UP,        0,      UI_IN_FORM,   0,                           \
	  "previous field (the field left is checked)")                                            \
	X(CYCLE,  NULL,    UK_LEFT,  UK_RIGHT,     ' ',    UI_IN_FORM,   0,                           \
	  "on a choice: the previous / next choice; in text: move the cursor")                    \
	X(YES,    "Yes",   'y',      'Y',          0,      UI_IN_CONFIRM, 0,                          \
	  "yes: discard the changes")                                                              \
	X(NO,     "No",    'n',      'N',          UK_ESC, UI_IN_CONFIRM, 0,                          \
	  "no: back to the form")                                                                  \
	X(PERSONS, "Persons", UK_F(5), UK_CTRL('p'), 0,    UI_IN_FORM,   0,                           \
	  "the client's associated persons: who receives its statements and reminders")            \
	X(PHELP,  "Help",  UK_F(1),  '?',          0,      UI_IN_PERSONS | UI_IN_PERSON, 0,          \
	  "this help: every key of the screen")                                                    \
	X(PADD,   "Add",   UK_F(2),  'a',          0,      UI_IN_PERSONS, 0,                          \
	  "add a person: an empty person form")                                                    \
	X(PEDIT,  "Edit",  UK_F(4),  'e',          UK_ENTER, UI_IN_PERSONS, UI_NEEDS_ROW,             \
	  "edit the selected person")                                                              \
	X(PDEL,   "Delete", UK_F(8), 'd',          UK_DELETE, UI_IN_PERSONS, UI_NEEDS_ROW,            \
	  "delete the selected person (asks first)")                                               \
	X(PBACK,  "Back",  UK_ESC,   'q',          UK_F(10), UI_IN_PERSONS, 0,                        \
	  "back to the client form (F9 there saves the client with its persons)")                  \
	X(PUP,    NULL,    UK_UP,    UK_CTRL('p'), 'k',    UI_IN_PERSONS, 0, "previous person")      \
	X(PDOWN,  NULL,    UK_DOWN,  UK_CTRL('n'), 'j',    UI_IN_PERSONS, 0, "next person")          \
	X(POK,    "OK",    UK_F(9),  UK_CTRL('s'), 0,      UI_IN_PERSON, 0,                           \
	  "check the person and put it in the client's list")                                      \
	X(PCANCEL, "Cancel", UK_ESC, UK_F(10),     0,      UI_IN_PERSON, 0,                           \
	  "close the person's form; asks first when something was typed")                          \
	X(PFIELD, NULL,    UK_TAB,   UK_BTAB,      UK_ENTER, UI_IN_PERSON, 0,                         \
	  "next / previous field (Up and Down too; the field left is checked)")                    \
	X(PMAIL,  NULL,    UK_LEFT,  UK_RIGHT,     ' ',    UI_IN_PERSON, 0,                           \
	  "on Receives mail: no / yes (y and n too); in text: move the cursor")                    \
	X(ERASE,  NULL,    UK_BACKSPACE, 0,        0,      UI_IN_LIST,   UI_NEEDS_FILTER,             \
	  "delete the last character of the filter")                                              \
	/* the lines of a document (ui/grid.h) */                                                  \
	X(CELL_NEXT, NULL, UK_TAB,   UK_ENTER,     0,      UI_IN_GRID,   0,                           \
	  "next cell; after a line's last cell, a new line; on an empty last line, what follows")   \
	X(CELL_PREV, NULL, UK_BTAB,  0,            0,      UI_IN_GRID,   0, "previous cell")         \
	X(LINE_UP,   NULL, UK_UP,    0,            0,      UI_IN_GRID,   0, "the line above")        \
	X(LINE_DOWN, NULL, UK_DOWN,  0,            0,      UI_IN_GRID,   0, "the line below")        \
	X(LINE_INSERT, "Ins line", UK_F(7), UK_CTRL('o'), 0, UI_IN_GRID, 0,                           \
	  "insert an empty line above this one")                                                   \
	X(LINE_DELETE, "Del line", UK_F(8), UK_CTRL('k'), 0, UI_IN_GRID, 0, "delete this line")

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
	int where, needs;
	const char *help;
} ui_action_info;

const ui_action_info *ui_action_get(int action);
/* The action key starts on screen `where`, or UA_NONE. Keys that type text (q, ?) act only when
 * `typing` is 0: once the clerk has begun typing a filter, they type too. */
int ui_action_of(int key, int where, int typing);
/* Whether the precondition holds, given the UI_NEEDS_* flags the screen has now. */
int ui_action_ok(int action, int have);

#endif
