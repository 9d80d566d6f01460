/* The dashboard's view-model (SPEC B1-B3, seed 001 "Gestión de Clientes"): the four totals and the
 * six tabs as of the controller's today, for all clients or one. A screen (or the command line)
 * only draws what it gets: the totals as text, each tab's columns, its count and a page of rows
 * as ready-to-print cells with the ids a row's action needs. Filter, sort, days and aging-range
 * settings are kept per tab. No curses and no SQL here. */
#ifndef CARTERA_CTL_DASH_H
#define CARTERA_CTL_DASH_H

#include "cartera/ctl.h"
#include "cartera/dash_types.h"

enum ctld_total { CTLD_DUE, CTLD_OVERDUE, CTLD_CREDITS, CTLD_NET, CTLD_NTOTALS };

#define CTLD_MAXCOLS 8

typedef struct ctld_col {
	const char *key;      /* stable name: csv/json headers, --sort */
	const char *title;    /* for people: pass through _() (N_ in the table) */
	int width;            /* display width in text */
	int right;            /* right-aligned (amounts, counts) */
	int sort;             /* enum dash_col it sorts by, -1 when it does not sort */
	int number;           /* a plain number in json when the controller is plain */
} ctld_col;

typedef struct ctld_row {
	int64_t client_id, entry_id, instalment_id, doc_id;
	char currency[4];
	char cell[CTLD_MAXCOLS][208];
} ctld_row;

/* Per tab: what the clerk set. range: -1 none, 0 not yet due, 1..n the company's aging ranges
 * (1 = 1..30 with 30/60/90), n+1 over the last. */
typedef struct ctld_tabset {
	char filter[128];
	int sort, desc;       /* enum dash_col */
	int has_min, has_max, days_min, days_max;
	int range;
} ctld_tabset;

typedef struct ctl_dash {
	ctl *c;
	int64_t client_id;            /* 0: all clients */
	char client_name[200];
	char today[DATE_LEN];
	int plain;                    /* amounts for programs (no grouping, '.' decimals) */
	int people;                   /* dates as the clerk reads them (the screens); else ISO */
	ctl_dashboard d;              /* the totals, per currency */
	char total_text[CTLD_NTOTALS][160]; /* "1.234,50 (3)", currencies joined by " + " */
	int tab;                      /* enum dash_tab on show */
	ctld_tabset set[DASH_NTABS];
	int64_t count;                /* rows of the tab on show */
	/* issue 14: the screens count a filtered Transactions or Quotes tab only up to bound
	 * (CTLD_COUNT_BOUND; 0, the default: exactly); more says the count stopped there (shown
	 * "1.000+"), until ctl_dash_count_all. all: count exactly until the question changes;
	 * walk: pages walk the tab's order (the filter finds more than the bound). */
	int64_t bound;
	int more, all, walk;
	int64_t seen;                 /* the ledger's change counter when the totals were read */
} ctl_dash;

/* Open on the Overdue tab as of asof, NULL for the controller's today (date_today: --today,
 * CARTERA_TODAY). */
int ctl_dash_open(ctl_dash *v, ctl *c, int64_t client_id, const char *asof, cart_err *e);
/* Reload the totals and recount the tab (after any posting). */
int ctl_dash_refresh(ctl_dash *v, cart_err *e);
/* One currency's part of a total (i < v->d.n; the company's currency when there are none):
 * its amount as shown ("USD 1.234,50" for another currency) and its count. */
void ctl_dash_total_part(const ctl_dash *v, int total, int i, char *amount, size_t size,
                         int64_t *count);
/* Rows re-read: when another clerk (another connection) has written to the ledger since the
 * totals were read, read them and the tab's count again; *changed is 1 then. Cheap (one
 * PRAGMA), so a screen calls it whenever it re-reads its rows. */
int ctl_dash_sync(ctl_dash *v, int *changed, cart_err *e);
/* Labels of the totals and tabs, translated. */
const char *ctl_dash_total_label(int total);
const char *ctl_dash_tab_label(int tab);
/* A document type (DOC_*) as the clerk reads it, translated ("invoice", "credit note"...). */
const char *ctl_dash_type_label(int type);
const char *ctl_dash_tab_key(int tab);     /* "overdue", "due", ... (-1 from parse when unknown) */
int ctl_dash_tab_parse(const char *name);
/* The tab a total opens (due -> Due, overdue -> Overdue, credits -> Credits, net -> Clients);
 * and the number keys '1'..'4' naming the totals in order (-1 for any other key). */
int ctl_dash_total_tab(int total);
int ctl_dash_key_total(int key);
/* The count a filtered Transactions or Quotes tab is counted up to on screen. */
#define CTLD_COUNT_BOUND 1000
/* Count the tab on show exactly when its count stopped at the bound (End, the last row): once,
 * until the tab, filter or days change. */
int ctl_dash_count_all(ctl_dash *v, cart_err *e);
/* Show a tab; recounts. */
int ctl_dash_tab(ctl_dash *v, int tab, cart_err *e);
/* The tab's columns: *n of them. */
const ctld_col *ctl_dash_columns(int tab, int *n);
/* Settings of the tab on show; each recounts. */
int ctl_dash_filter(ctl_dash *v, const char *text, cart_err *e);
/* Sort by the column with this key ("client", "days", ...): CART_INVALID naming it when the tab
 * has no such column or cannot sort by it. */
int ctl_dash_sort(ctl_dash *v, const char *key, int desc, cart_err *e);
/* Days overdue and aging ranges apply to Due, Overdue and Clients (the oldest overdue item);
 * elsewhere they are refused (CART_INVALID). */
int ctl_dash_days(ctl_dash *v, int has_min, int min, int has_max, int max, cart_err *e);
int ctl_dash_range(ctl_dash *v, int range, cart_err *e);
/* Rows offset..offset+n-1 of the tab on show; *got says how many. */
int ctl_dash_page(ctl_dash *v, int64_t offset, int n, ctld_row *out, int *got, cart_err *e);
/* Where a row (by its ids) now stands in the tab on show, -1 when it left it. */
int ctl_dash_row_of(ctl_dash *v, const ctld_row *r, int64_t *row, cart_err *e);
/* Send a reminder for a row: recorded in the client's history (about the row's document, if
 * any) with the note; then the totals and the tab are refreshed. */
int ctl_dash_remind(ctl_dash *v, const ctld_row *r, const char *note, hist_entry *out, cart_err *e);

/* A reminder from the command line: ref is a document number ("FAC-000012") or a client
 * reference (id, tax id, name). */
int ctl_remind(ctl *c, const char *ref, const char *note, hist_entry *out, cart_err *e);
/* A client's history, newest first: the lines kept and the client's voids (who, when, why). */
int ctl_history_list(ctl *c, int64_t client_id, hist_cb cb, void *ud, cart_err *e);


#endif
