/* Inside the CSV import of documents (import_docs.c reads the rows, import_check.c checks the
 * file as a whole and posts it): the rows as read, and the helpers both halves use. */
#ifndef CARTERA_IMPORT_INT_H
#define CARTERA_IMPORT_INT_H

#include <stdint.h>

#include "cartera/ctl_docs.h"
#include "cartera/import.h"

enum { T_INVOICE, T_CREDIT, T_DEBIT, T_RECEIPT, T_ADVANCE, T_LINE, T_APPLY, NTYPES };

enum {
	C_TYPE, C_NUMBER, C_CLIENT, C_DATE, C_DUE, C_CURRENCY, C_AMOUNT, C_LEGAL, C_INST, C_APPLIES,
	C_MEMO, C_METHOD, C_DESC, C_QTY, C_PRICE, C_TAX, C_CREDIT, NCOLS
};

#define ROW_GHOST 2           /* a document already in the ledger that rows refer to */

typedef struct irow {
	long line;
	int type;
	int skip;                 /* 1: its legal number is in the ledger; ROW_GHOST: a ledger doc */
	uint32_t number, legal, memo, method;   /* offsets in the string arena, 0 = "" */
	int64_t client_id;
	char date[DATE_LEN], due[DATE_LEN], cur[4];
	int64_t amount;
	int inst0, ninst, line0, nlines, alloc0, nalloc;
	int ref;                  /* notes: the row of the invoice they affect; applies: the row
	                           * of the credit they apply; -1 none */
	uint32_t credit;          /* applies: the credit's number as written */
	int64_t doc_id;           /* posted (or ghost) document */
	int64_t entry;            /* its charge entry */
	int64_t open;             /* what is still open as the check plays the file (charges, and
	                           * the credits in favour receipts, advances and notes leave) */
	int has_amount;
} irow;

typedef struct iinst {
	char due[DATE_LEN];
	int64_t amount, open;
	int given;
} iinst;

typedef struct ialloc {
	uint32_t target;          /* the number named (arena) */
	int row;                  /* the charge's row */
	int seq;                  /* instalment, 0 = spread */
	int64_t amount;           /* 0 as given = all it has open (resolved by the check) */
} ialloc;

/* A string hash: key (arena offset) -> value. */
typedef struct smap {
	uint32_t *key;
	int64_t *val;
	size_t cap, n;
} smap;

typedef struct imp {
	ctl *c;
	import_result *r;
	const char *name;
	ctl_taxes taxes;
	int map[64], nfields, have[NCOLS];
	char *arena;
	size_t alen, acap;
	irow *rows;
	size_t n, cap;
	iinst *inst;
	size_t ni, capi;
	doc_line *lines;
	size_t nl, capl;
	ialloc *alloc;
	size_t na, capa;
	smap numbers;             /* old number -> row */
	smap clients;             /* client as written -> client id (CLIENT_NAME set: by name) */
	long client_misses;       /* lookups that went to the ledger */
	int preloaded, preload_pass;
	smap legals;              /* kind + legal number -> row (duplicates in the file) */
	long bad;
	int nomem;
	int cur_invoice;          /* the row line rows attach to, -1 */
} imp;

extern const char *const imp_kind_names[NTYPES];

void imp_add_to(imp *im, csvclient_list *l, long line, const char *text);
/* A bad line: listed, and the file refused. */
void imp_bad(imp *im, long line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int imp_grow(void **p, size_t *cap, size_t need, size_t size);
/* Strings kept in one arena, named by offset (0 = ""). */
uint32_t imp_str_add(imp *im, const char *s);
const char *imp_str(const imp *im, uint32_t at);
int imp_smap_get(const imp *im, const smap *m, const char *text, int64_t *val);
int imp_smap_put(imp *im, smap *m, uint32_t key, int64_t val);
void imp_money(const imp *im, int64_t v, char *buf, size_t size);

/* import_check.c: resolve and play the file against open amounts; post it. */
void imp_check_file(imp *im, import_progress_fn progress, void *ud);
int imp_post_all(imp *im, int bulk, import_progress_fn progress, void *ud, cart_err *e);

#endif
