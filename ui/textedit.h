/* One line of UTF-8 text edited by characters, shared by the form's fields, the grid's cells
 * and the prompt dialog: the cursor moves by characters, Backspace and Delete remove whole
 * characters, C-u empties the line as in a shell, and a field's type says what may be typed.
 * Pure code: no curses. */
#ifndef CARTERA_UI_TEXTEDIT_H
#define CARTERA_UI_TEXTEDIT_H

#include <stddef.h>

/* What te_key did. */
enum { TE_IGNORED = 0, TE_MOVED = 1, TE_CHANGED = 2 };

/* Whether key types into a field of this type (form.h's FT_TEXT, FT_AMOUNT, FT_INTEGER,
 * FT_DATE). */
int te_accepts(int type, int key);
/* Apply key to buf (size bytes, at most maxlen characters) at *cursor (in characters). A key
 * that would overfill the line is taken (TE_MOVED) and types nothing. */
int te_key(char *buf, size_t size, int maxlen, int type, int *cursor, int key);

#endif
