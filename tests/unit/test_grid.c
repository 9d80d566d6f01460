/* The document-lines grid's keys, with no terminal: keying a line and moving on with Enter
 * (a new line after the last cell, leaving on an empty last line), read-only cells skipped,
 * typed cells refusing what does not belong, UTF-8 editing, choices cycling, validation as a
 * cell is left and on grid_check_all, inserting and deleting lines, and the edges. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../ui/grid.h"
#include "../../ui/keys.h"

static const char *const rates[] = { "19%", "5%", "0%" };

enum { C_DESC, C_QTY, C_PRICE, C_TAX, C_TOTAL };

static int calls;

/* A quantity must not be zero; a description must not start with a blank. */
static void check_cell(grid *g, int row, int col, char *err, size_t size, void *ud)
{
	(void)ud;
	calls++;
	if (col == C_QTY && atoi(g->cell[row][col]) == 0)
		snprintf(err, size, "line %d: the quantity cannot be zero", row + 1);
	if (col == C_DESC && g->cell[row][col][0] == ' ')
		snprintf(err, size, "line %d: the description starts with a blank", row + 1);
}

static grid *fresh(void)
{
	grid *g = malloc(sizeof *g);

	assert_non_null(g);
	grid_init(g, check_cell, NULL);
	assert_int_equal(grid_add_col(g, "Description", FT_TEXT, 0, 60), C_DESC);
	assert_int_equal(grid_add_col(g, "Qty", FT_INTEGER, 5, 5), C_QTY);
	assert_int_equal(grid_add_col(g, "Price", FT_AMOUNT, 12, 14), C_PRICE);
	assert_int_equal(grid_add_col(g, "Tax", FT_CHOICE, 4, 4), C_TAX);
	grid_set_choices(g, C_TAX, rates, 3);
	assert_int_equal(grid_add_col(g, "Total", FT_AMOUNT, 12, 14), C_TOTAL);
	grid_set_readonly(g, C_TOTAL, 1);
	calls = 0;
	return g;
}

/* Type s; returns the flags of the last key. */
static int type(grid *g, const char *s)
{
	int cp, n, rc = 0;

	while ((n = uk_utf8_decode(s, &cp)) > 0) {
		rc = grid_handle_key(g, cp);
		s += n;
	}
	return rc;
}

static void test_keying_lines(void **state)
{
	grid *g = fresh();
	int rc;

	(void)state;
	assert_string_equal(g->cell[0][C_TAX], "19%");   /* a new line takes the first rate */
	assert_int_equal(type(g, "Caña de azúcar") & GRID_EDITED, GRID_EDITED);
	assert_int_equal(g->dirty, 1);
	rc = grid_handle_key(g, UK_ENTER);
	assert_int_equal(rc & GRID_MOVED, GRID_MOVED);
	assert_int_equal(g->col, C_QTY);
	type(g, "3");
	grid_handle_key(g, UK_TAB);
	type(g, "1.250,50");
	grid_handle_key(g, UK_ENTER);
	assert_int_equal(g->col, C_TAX);
	assert_int_equal(grid_handle_key(g, ' ') & GRID_EDITED, GRID_EDITED);
	assert_string_equal(g->cell[0][C_TAX], "5%");
	/* the read-only total is skipped: Enter on the last editable cell opens line 2 */
	rc = grid_handle_key(g, UK_ENTER);
	assert_int_equal(rc & (GRID_ROWS | GRID_MOVED), GRID_ROWS | GRID_MOVED);
	assert_int_equal(g->nrows, 2);
	assert_int_equal(g->row, 1);
	assert_int_equal(g->col, C_DESC);
	assert_string_equal(g->cell[1][C_TAX], "19%");
	assert_string_equal(g->cell[0][C_DESC], "Caña de azúcar");
	assert_string_equal(g->cell[0][C_QTY], "3");
	assert_string_equal(g->cell[0][C_PRICE], "1.250,50");
	/* the owner fills the computed cell */
	grid_set(g, 0, C_TOTAL, "3.751,50");
	assert_string_equal(g->cell[0][C_TOTAL], "3.751,50");
	/* Enter on the empty last line hands over and adds no line */
	rc = grid_handle_key(g, UK_ENTER);
	assert_int_equal(rc & GRID_LEAVE, GRID_LEAVE);
	assert_int_equal(g->nrows, 2);
	assert_true(grid_row_blank(g, 1));
	assert_false(grid_row_blank(g, 0));
	free(g);
}

static void test_typed_cells(void **state)
{
	grid *g = fresh();

	(void)state;
	grid_handle_key(g, UK_TAB);
	assert_int_equal(type(g, "x"), GRID_IGNORED);      /* a letter in a quantity */
	type(g, "12345678");                                /* at most 5 characters */
	assert_string_equal(g->cell[0][C_QTY], "12345");
	grid_handle_key(g, UK_TAB);
	assert_int_equal(type(g, "a"), GRID_IGNORED);
	type(g, "-1.000,5");
	assert_string_equal(g->cell[0][C_PRICE], "-1.000,5");
	/* UTF-8 editing in the description: characters, not bytes */
	grid_handle_key(g, UK_BTAB);
	grid_handle_key(g, UK_BTAB);
	assert_int_equal(g->col, C_DESC);
	type(g, "Ñandú");
	grid_handle_key(g, UK_LEFT);
	grid_handle_key(g, UK_BACKSPACE);                   /* removes the 'd' */
	assert_string_equal(g->cell[0][C_DESC], "Ñanú");
	grid_handle_key(g, UK_HOME);
	grid_handle_key(g, UK_DELETE);                      /* removes the 'Ñ' whole */
	assert_string_equal(g->cell[0][C_DESC], "anú");
	assert_int_equal(g->cursor, 0);
	grid_handle_key(g, UK_END);
	assert_int_equal(g->cursor, 3);
	/* a choice cycles both ways and wraps */
	grid_handle_key(g, UK_TAB);
	grid_handle_key(g, UK_TAB);
	grid_handle_key(g, UK_TAB);
	assert_int_equal(g->col, C_TAX);
	grid_handle_key(g, UK_LEFT);
	assert_string_equal(g->cell[0][C_TAX], "0%");
	grid_handle_key(g, UK_RIGHT);
	assert_string_equal(g->cell[0][C_TAX], "19%");
	/* a typed character: the next choice with a word beginning with it, wrapping */
	assert_int_equal(grid_handle_key(g, '5'), GRID_EDITED | GRID_REDRAW);
	assert_string_equal(g->cell[0][C_TAX], "5%");
	grid_handle_key(g, '1');
	assert_string_equal(g->cell[0][C_TAX], "19%");
	grid_handle_key(g, '0');
	assert_string_equal(g->cell[0][C_TAX], "0%");
	assert_int_equal(grid_handle_key(g, 'x'), GRID_IGNORED);   /* no choice has it */
	assert_string_equal(g->cell[0][C_TAX], "0%");
	free(g);
}

static void test_validation(void **state)
{
	grid *g = fresh();

	(void)state;
	type(g, "Tornillos");
	grid_handle_key(g, UK_TAB);
	type(g, "0");
	grid_handle_key(g, UK_TAB);                         /* leaving the zero quantity */
	assert_string_equal(g->error, "line 1: the quantity cannot be zero");
	assert_int_equal(g->err_row, 0);
	assert_int_equal(g->err_col, C_QTY);
	/* leaving another, good cell keeps the message of the bad one */
	type(g, "10");
	grid_handle_key(g, UK_TAB);
	assert_string_equal(g->error, "line 1: the quantity cannot be zero");
	/* fixing it clears it */
	grid_handle_key(g, UK_BTAB);
	grid_handle_key(g, UK_BTAB);
	assert_int_equal(g->col, C_QTY);
	grid_handle_key(g, UK_BACKSPACE);
	type(g, "4");
	grid_handle_key(g, UK_TAB);
	assert_string_equal(g->error, "");
	assert_int_equal(g->err_row, -1);
	/* on save: blank lines are skipped, the first bad cell becomes current */
	grid_append(g);
	grid_append(g);
	grid_set(g, 2, C_DESC, " Arandelas");
	grid_set(g, 2, C_QTY, "5");
	calls = 0;
	assert_int_equal(grid_check_all(g), 2);
	assert_int_equal(g->row, 2);
	assert_int_equal(g->col, C_DESC);
	assert_string_equal(g->error, "line 3: the description starts with a blank");
	assert_true(calls > 0);
	grid_set(g, 2, C_DESC, "Arandelas");
	assert_int_equal(grid_check_all(g), -1);
	free(g);
}

static void test_insert_delete(void **state)
{
	grid *g = fresh();

	(void)state;
	for (int i = 0; i < 3; i++) {
		char d[16];

		snprintf(d, sizeof d, "item %d", i + 1);
		grid_set(g, g->row, C_DESC, d);
		grid_set(g, g->row, C_QTY, "1");
		if (i < 2)
			grid_append(g), g->row++;
	}
	assert_int_equal(g->nrows, 3);
	g->row = 1;
	/* F7 inserts an empty line above line 2 */
	assert_int_equal(grid_handle_key(g, UK_F(7)) & GRID_ROWS, GRID_ROWS);
	assert_int_equal(g->nrows, 4);
	assert_string_equal(g->cell[0][C_DESC], "item 1");
	assert_string_equal(g->cell[1][C_DESC], "");
	assert_string_equal(g->cell[1][C_TAX], "19%");
	assert_string_equal(g->cell[2][C_DESC], "item 2");
	assert_string_equal(g->cell[3][C_DESC], "item 3");
	assert_int_equal(g->row, 1);
	/* Ctrl-K deletes it again, Ctrl-O is the letter key for insert */
	grid_handle_key(g, UK_CTRL('k'));
	assert_int_equal(g->nrows, 3);
	assert_string_equal(g->cell[1][C_DESC], "item 2");
	grid_handle_key(g, UK_CTRL('o'));
	assert_int_equal(g->nrows, 4);
	grid_handle_key(g, UK_F(8));
	/* deleting the last line moves up */
	g->row = 2;
	grid_handle_key(g, UK_F(8));
	assert_int_equal(g->nrows, 2);
	assert_int_equal(g->row, 1);
	assert_string_equal(g->cell[1][C_DESC], "item 2");
	/* the only line left is cleared, not removed */
	grid_handle_key(g, UK_F(8));
	grid_handle_key(g, UK_F(8));
	assert_int_equal(g->nrows, 1);
	assert_true(grid_row_blank(g, 0));
	assert_string_equal(g->cell[0][C_TAX], "19%");
	free(g);
}

static void test_edges(void **state)
{
	grid *g = fresh();

	(void)state;
	assert_int_equal(grid_handle_key(g, UK_BTAB) & GRID_LEAVE_BACK, GRID_LEAVE_BACK);
	assert_int_equal(grid_handle_key(g, UK_UP) & GRID_LEAVE_BACK, GRID_LEAVE_BACK);
	assert_int_equal(grid_handle_key(g, UK_DOWN) & GRID_LEAVE, GRID_LEAVE);
	/* Up and Down keep the column */
	grid_append(g);
	grid_handle_key(g, UK_TAB);
	grid_handle_key(g, UK_DOWN);
	assert_int_equal(g->row, 1);
	assert_int_equal(g->col, C_QTY);
	grid_handle_key(g, UK_UP);
	assert_int_equal(g->row, 0);
	/* Shift-Tab from a line's first cell goes to the previous line's last editable cell */
	grid_handle_key(g, UK_DOWN);
	grid_handle_key(g, UK_BTAB);
	grid_handle_key(g, UK_BTAB);
	assert_int_equal(g->row, 0);
	assert_int_equal(g->col, C_TAX);
	/* a full grid: Enter past the last cell leaves instead of adding */
	while (grid_append(g) >= 0)
		;
	assert_int_equal(g->nrows, GRID_MAX_ROWS);
	g->row = GRID_MAX_ROWS - 1;
	g->col = C_TAX;
	grid_set(g, g->row, C_DESC, "last");
	assert_int_equal(grid_handle_key(g, UK_ENTER) & GRID_LEAVE, GRID_LEAVE);
	assert_int_equal(g->nrows, GRID_MAX_ROWS);
	assert_int_equal(grid_handle_key(g, UK_F(7)), GRID_REDRAW);
	free(g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keying_lines),
		cmocka_unit_test(test_typed_cells),
		cmocka_unit_test(test_validation),
		cmocka_unit_test(test_insert_delete),
		cmocka_unit_test(test_edges),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
