/* The ledger model. The ledger file: opening it (WAL, foreign keys, migrations), the clerk, transactions, company
 * settings and bulk loading. */
#ifndef CARTERA_MODEL_LEDGER_DB_H
#define CARTERA_MODEL_LEDGER_DB_H

#include "cartera/types.h"

typedef struct ledger ledger;

/* The schema version this program writes (the number of the last data/NNN_*.sql migration). */
int ledger_schema_version(void);

enum {
	LEDGER_OPEN_CREATE = 1,   /* create the file if missing and migrate it */
	LEDGER_OPEN_READONLY = 2, /* never write (reports) */
};

/* The key that puts client names in a Spanish-speaking clerk's order when sorted byte by byte
 * (clients.name_key): case and accents set aside (Álvarez among the A's), ñ after n. buf: at
 * least strlen(name) + 1 bytes. */
void ledger_name_key(const char *name, char *buf, size_t size);
/* What search matches: the name key's letters with ñ as n ("nandu" finds Ñandú, "gomez" Gómez);
 * clients.search_key holds it, and a filter is folded the same way (cartera_search_key() in SQL). */
void ledger_search_key(const char *name, char *buf, size_t size);

/* Open a ledger file: WAL, foreign keys, busy timeout, pending migrations applied. A file written
 * by a newer cartera is refused (CART_VERSION) and left untouched; a file that is not a SQLite
 * database gives CART_CORRUPT; a missing file without LEDGER_OPEN_CREATE gives CART_NOTFOUND. */
int ledger_open(const char *path, int flags, ledger **out, cart_err *e);

void ledger_close(ledger *l);

/* The clerk recorded with every posting (default: the Unix login). */
void ledger_set_clerk(ledger *l, const char *clerk);

/* Milliseconds a writer waits for another clerk's transaction before CART_BUSY (default 5000). */
void ledger_set_busy_timeout(ledger *l, int ms);

/* Group several postings into one transaction (an import is all or nothing): every posting in
 * between joins it; ledger_rollback undoes them all. Transactions nest. */
int ledger_begin(ledger *l, cart_err *e);

int ledger_commit(ledger *l, cart_err *e);

void ledger_rollback(ledger *l);

int ledger_company_get(ledger *l, company *c, cart_err *e);

int ledger_company_set(ledger *l, const company *c, cart_err *e);

/* ---- bulk loading (demo data, benchmark, imports) ----
 * Between begin and end every posting shares one transaction, secondary indexes are dropped and
 * rebuilt at the end, and the page cache is raised. end commits; abort rolls everything back. */
int ledger_bulk_begin(ledger *l, cart_err *e);

int ledger_bulk_end(ledger *l, cart_err *e);

void ledger_bulk_abort(ledger *l);

#endif
