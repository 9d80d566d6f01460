/* The list window of a list screen (listscr.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "listscr.h"
#include "screen.h"
#include "ui_int.h"

#include "cartera/i18n.h"

void listscr_init(listscr *l, const lv_col *cols, int ncols, int sort_col, size_t size,
                  listscr_cell_fn cell, listscr_read_fn read, void *ud)
{
	memset(l, 0, sizeof *l);
	listview_init(&l->lv, cols, ncols, sort_col);
	l->size = size;
	l->cell = cell;
	l->read = read;
	l->ud = ud;
}

void listscr_clear(listscr *l)
{
	l->n = 0;
	l->page_ok = 0;
}

void *listscr_add(listscr *l)
{
	void *r;

	if ((size_t)l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 32;
		char *m = realloc(l->mem, cap * l->size);

		if (!m)
			return NULL;
		l->mem = m;
		l->cap = cap;
	}
	r = l->mem + (size_t)l->n++ * l->size;
	memset(r, 0, l->size);
	return r;
}

void listscr_set_rows(listscr *l, long rows)
{
	l->page_ok = 0;
	listview_set_rows(&l->lv, l->read ? rows : l->n);
}

long listscr_rows(const listscr *l)
{
	return l->lv.rows;
}

/* Read rows offset .. offset + n - 1 onto the page (kept while the window stays). */
static int page_read(listscr *l, long offset, int n)
{
	int got;

	if (l->page_ok && l->page_at == offset && l->page_n >= n)
		return n;
	if (n > l->page_cap) {
		char *p = realloc(l->page, (size_t)n * l->size);

		if (!p)
			return -1;
		l->page = p;
		l->page_cap = n;
	}
	l->page_ok = 0;
	if ((got = l->read(l->ud, offset, n, l->page)) < 0)
		return -1;
	l->page_at = offset;
	l->page_n = got;
	l->page_ok = 1;
	return got;
}

static int fetch(void *ud, long offset, int n)
{
	listscr *l = ud;
	long left = l->lv.rows - offset;

	if (left <= 0)
		return 0;
	if (n > left)
		n = (int)left;
	if (!l->read) {
		l->page_at = offset;
		return n;
	}
	return page_read(l, offset, n);
}

static const char *cell(void *ud, int i, int col)
{
	listscr *l = ud;
	const char *row = l->read ? l->page + (size_t)i * l->size
	                          : l->mem + (size_t)(l->page_at + i) * l->size;

	return l->cell(l->ud, row, l->page_at + i, col);
}

const void *listscr_row(listscr *l, long i)
{
	if (i < 0 || i >= l->lv.rows)
		return NULL;
	if (!l->read)
		return i < l->n ? l->mem + (size_t)i * l->size : NULL;
	if (l->page_ok && i >= l->page_at && i < l->page_at + l->page_n)
		return l->page + (size_t)(i - l->page_at) * l->size;
	if (!l->one && !(l->one = malloc(l->size)))
		return NULL;
	return l->read(l->ud, i, 1, l->one) == 1 ? l->one : NULL;
}

const void *listscr_selected(listscr *l)
{
	return listscr_row(l, l->lv.sel);
}

int listscr_have(const listscr *l)
{
	return l->lv.rows > 0 && l->lv.sel >= 0 && l->lv.sel < l->lv.rows ? UI_NEEDS_ROW : 0;
}

void listscr_draw(listscr *l, int y, int h, const char *empty)
{
	const lv_source src = { fetch, cell, l };

	if (!l->lv.rows)
		ui_put(y + 1, 2, COLS - 2, empty, 0);
	else if (listview_draw(&l->lv, &src, y, 0, h, COLS) < 0)
		ui_put(y + 1, 0, COLS, _("(the rows could not be read)"), 0);
}

void listscr_free(listscr *l)
{
	free(l->mem);
	free(l->page);
	free(l->one);
	l->mem = l->page = l->one = NULL;
}

int listscr_key(listscr *l, const ui_keymap *m, void *self, int have, int *help, int key)
{
	int r;

	if (*help) {
		if (!ui_help_key(key) && ui_help_closes(key))
			*help = 0;
		return SCR_STAY;
	}
	r = ui_keys_run(m, self, key, have, 0);
	if (r != UI_NOKEY)
		return r >= 0 ? r : SCR_STAY;
	/* moving only: this list has no filter to type into */
	if (key == UK_UP || key == UK_DOWN || key == UK_PGUP || key == UK_PGDN || key == UK_HOME ||
	    key == UK_END)
		listview_handle_key(&l->lv, key);
	return SCR_STAY;
}
