/* The invoice and quote entry screen's state, shared by its keys (scr_invoice.c) and its
 * drawing (scr_invoice_draw.c); for those two files only. */
#ifndef CARTERA_UI_SCR_INVOICE_INT_H
#define CARTERA_UI_SCR_INVOICE_INT_H

#include <stdint.h>

#include "actions.h"
#include "dialog.h"
#include "form.h"
#include "grid.h"
#include "scr_client_form.h"
#include "screen.h"

#include "cartera/ctl_clients.h"
#include "cartera/ctl_docs.h"

enum { H_CLIENT, H_DATE, H_DUE, H_REF, H_MEMO, H_COUNT };
enum { C_DESC, C_QTY, C_PRICE, C_TAX, C_TOTAL };
enum { I_N, I_EVERY, I_FIRST };
enum { M_EDIT, M_HELP, M_CFORM, M_INST };
/* What the dialog up is for. */
enum { ASK_PICK = 1, ASK_DISCARD, ASK_OVERRIDE };

#define HEADER_ROWS H_COUNT

typedef struct inv_scr {
	ui_screen base;            /* first: the screen stack holds it */
	ctl *c;
	int quote;
	int64_t fixed_client;      /* one client's dashboard: its client, every time */
	ctl_invoice_form *f;
	form hd;                   /* the header */
	grid g;                    /* the lines */
	int on_lines;              /* the focus: the lines (1) or the header (0) */
	int mode, help_from;
	int touched;               /* a client chosen or a split made: typed work */
	int mrow[GRID_MAX_ROWS];   /* grid row -> the view-model's line, -1: blank or refused */
	char rerr[GRID_MAX_ROWS][240]; /* why the view-model refused the row */
	const char *tax_opt[CTL_MAX_TAXES + 2];
	char notax[48], expense[48];  /* the tax cell's last two choices */
	dialog dlg;
	ctl_clients cv;            /* the client form's controller */
	scr_cform cf;
	/* the instalments window: how many, how often, the first due; then the split */
	form inf;
	grid ig;
	int inst_on_grid;
	char inst_applied[3][FORM_VALUE_MAX];
} inv_scr;

static inline const char *co_name(const inv_scr *s)
{
	return ctl_has_company(s->c) ? ctl_company(s->c)->name : "";
}

static inline void money_text(const inv_scr *s, int64_t v, char *buf, size_t size)
{
	ctl_money(s->c, v, buf, size);
}

/* What the invoice's keys need: the lines have the focus; an invoice, not a quote. */
enum { NEEDS_LINES = UI_NEEDS_LOCAL(0), NEEDS_INVOICE = UI_NEEDS_LOCAL(1) };
static inline int inv_have(const inv_scr *s)
{
	return (s->on_lines ? NEEDS_LINES : 0) | (s->quote ? 0 : NEEDS_INVOICE);
}

static inline int dirty(const inv_scr *s)
{
	return s->hd.dirty || s->g.dirty || s->touched;
}

/* scr_invoice_draw.c */
void invscr_draw(ui_screen *base);

#endif
