/* The report controllers: statement of one client (SPEC R1), aging of all clients (R2),
 * follow-up (R3) and document PDFs (D6), each built as a report model (cartera/report.h) from
 * the ledger's queries, as of any date (L6). No SQL, no drawing: a renderer or a screen takes
 * the report. When the report streams (report_stream), rows go to the renderer as they come. */
#ifndef CARTERA_REPORTS_H
#define CARTERA_REPORTS_H

#include "cartera/ctl.h"
#include "cartera/report.h"

/* A statement line's or open document's status. Overdue: something open past its due date;
 * partly paid: something paid and the rest open, not yet due; open: nothing paid, not yet due. */
enum { STMT_PAID = 1, STMT_PARTLY = 2, STMT_OPEN = 4, STMT_OVERDUE = 8 };

typedef struct stmt_filter {
	char asof[DATE_LEN];          /* "" = today */
	int doc_type;                 /* enum doc_type, -1 = every type */
	char number[32];              /* the document number contains this, "" = any */
	char from[DATE_LEN], to[DATE_LEN];         /* the entry's date, "" = no bound */
	char due_from[DATE_LEN], due_to[DATE_LEN]; /* the due date, "" = no bound */
	int min_days, max_days;       /* days overdue, -1 = no bound */
	int status;                   /* STMT_* bits, 0 = any */
	int range;                    /* aging range: -1 any, 0 not due, 1..n+1 the company's */
	int summary_first;            /* the screen's order: the balance, the open documents and
	                               * the aging before the movements (seed 000) */
} stmt_filter;

void stmt_filter_init(stmt_filter *f);
/* Parse "paid,partly,open,overdue" into STMT_* bits. */
int stmt_status_parse(const char *text, int *bits, cart_err *e);
/* Parse an aging-range key: "notdue", "1-30", "31-60", ..., "over90" (the company's ranges),
 * or a number 0..n+1. */
int stmt_range_parse(const company *co, const char *text, int *range, cart_err *e);
/* The heading of aging range k (0 = "Not due", n+1 = "Over 90"). */
void rpt_range_name(const company *co, int k, char *buf, size_t size);
/* Its key for programs (CSV, JSON), never translated: "not_due", "1-30", ..., "over_90". */
void rpt_range_key(const company *co, int k, char *buf, size_t size);

/* The width a column needs for amounts up to largest (in absolute value, with a sign), and at
 * least min: renderers never cut an amount, so columns are sized from the totals beforehand. */
int rpt_amount_width(const company *co, int64_t largest, int min);

/* What an entry code is, for people ("CF" -> "Invoice"). */
const char *rpt_code_text(const char *code);

/* Statement of one client: every entry with its running balance (one table per currency), the
 * open documents with days overdue and instalments, and the client's aging. */
int rpt_statement(ctl *c, int64_t client_id, const stmt_filter *f, report *r, cart_err *e);
/* Aging of all clients as of asof: a row per client and currency, a column per range, a total
 * per currency, and a check table proving the ranges add up to the open balance and the ledger. */
int rpt_aging(ctl *c, const char *asof, report *r, cart_err *e);
/* The same with its rows in another order (issue 14): by name (rpt_aging's), by largest debt
 * (the net, largest first) or by oldest overdue (most days overdue first); ties by name. */
enum { RPT_AGING_BY_NAME, RPT_AGING_BY_DEBT, RPT_AGING_BY_OLDEST, RPT_AGING_NORDERS };
int rpt_aging_sorted(ctl *c, const char *asof, int order, report *r, cart_err *e);
/* An order's name for people ("by largest debt"), translated. */
const char *rpt_aging_order_name(int order);
/* The aging of every client as of now read a page at a time (issue 14: a screen shows twenty of
 * 45,000 rows). rpt_aging_page_open builds into r everything rpt_aging_sorted would but the
 * aging table's client rows -- its totals from the sums the ledger keeps -- and says how many
 * rows there are; rpt_aging_page_rows gives rows [from, from + n) in the order asked, figures as
 * rpt_aging_sorted's, into a fresh report (initialised there: the same table, those rows). When
 * something is dated after asof (a past date), *pg is NULL and r untouched: build the whole
 * report with rpt_aging_sorted then. */
typedef struct rpt_aging_pager rpt_aging_pager;
int rpt_aging_page_open(ctl *c, const char *asof, int order, report *r, rpt_aging_pager **pg,
                        long *rows, cart_err *e);
int rpt_aging_page_rows(rpt_aging_pager *pg, long from, int n, report *into, cart_err *e);
/* Has anything been written to the ledger since the report was opened (here or by another
 * clerk)? Then its totals and count are old: open it again. */
int rpt_aging_page_stale(rpt_aging_pager *pg, int *stale, cart_err *e);
/* The whole report, as rpt_aging_sorted builds it (to save or print). */
int rpt_aging_page_whole(rpt_aging_pager *pg, report *r, cart_err *e);
void rpt_aging_page_free(rpt_aging_pager *pg);
/* Follow-up: per client (client_id 0 = every client with something open; overdue_only = only
 * those with something overdue), the overdue documents apart from those that fall due later. */
int rpt_followup(ctl *c, const char *asof, int64_t client_id, int overdue_only, report *r,
                 cart_err *e);
/* One document: invoice, credit note, receipt, quote, ... with its entries. */
int rpt_document(ctl *c, int64_t doc_id, report *r, cart_err *e);

/* The clients many statements are for, in name order: every client with a balance as of asof,
 * or only those with something overdue. *ids is malloc'd. */
int rpt_pick_clients(ctl *c, const char *asof, int overdue_only, int64_t **ids, int *n,
                     cart_err *e);

/* Statements of the clients ids[0..n-1] with filter f: one file per client in dir (made when
 * missing), named by rpt_statement_file, or all in the one file output (exactly one of the two).
 * format: RND_*; page_lines and encoding: plain text's (rnd_page_lines, rnd_text_encoding;
 * 0 and NULL: the company's). progress, when set, is called after
 * each statement written. *replaced counts the characters the PDF's font lacked. On a failure the
 * file being written is removed (a folder keeps the statements written before it). */
typedef struct rpt_many {
	stmt_filter f;
	int format;
	int page_lines;
	const char *encoding;
	const char *dir, *output;
	int force;            /* replace existing files (else refused: see outfile.h) */
	void (*progress)(void *ud, int done, int total);
	void *progress_ud;
} rpt_many;
int rpt_statements_write(ctl *c, const int64_t *ids, int n, const rpt_many *m, long *replaced,
                         cart_err *e);
/* The path of client_id's statement in dir: "DIR/statement-ID-name-slug.EXT". */
void rpt_statement_file(const char *dir, int64_t client_id, const char *name, int format,
                        char *buf, size_t size);

/* A file name from a client's name (statements saved or printed, one per client): letters with
 * their accents dropped and digits, the rest one '-', at most 40 characters. */
void rpt_slug(const char *name, char *buf, size_t size);

#endif
