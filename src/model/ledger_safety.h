/* The ledger's safety (issue 15): settings by name, idempotency keys of postings, the audit
 * trail's SHA-256 hash chain and its reading, the file's own integrity, online backup and
 * restore. Included from src/model, src/ctl and src/report only. */
#ifndef CARTERA_LEDGER_SAFETY_H
#define CARTERA_LEDGER_SAFETY_H

#include <stdint.h>

#include "ledger.h"

/* Settings kept by name: "group" (the Unix group sharing the ledger), "supervisors" (the group
 * that may void, override, refund and write off; "" = everyone). Missing = "". */
int ledger_setting_get(ledger *l, const char *name, char *buf, size_t size, cart_err *e);
int ledger_setting_set(ledger *l, const char *name, const char *value, cart_err *e);

/* alloc_in.amount for "all it has open" (up to what is left of the payment), worked out inside
 * the posting's write transaction. */
#define LEDGER_ALLOC_OPEN INT64_C(-1)

/* An idempotency key for the next posting (NULL or "" = none): a posting of a document type that
 * already holds this key posts nothing and returns the document posted then, with
 * posted.replayed set. */
int ledger_set_key(ledger *l, const char *key, cart_err *e);

/* How long a new connection waits for another clerk's write (ms): CARTERA_BUSY_TIMEOUT. */
void ledger_default_busy_timeout(int ms);

/* The document of that type already posted with the key set: *out filled and out->replayed set
 * when there is one (a controller asks before checking a retry against today's ledger). */
int ledger_key_lookup(ledger *l, int type, posted *out, cart_err *e);

/* Did this connection commit anything? (A command that did must not say "nothing written".) */
int ledger_wrote(const ledger *l);

/* The audit trail, oldest first, filtered (fields empty or 0 = any). */
typedef struct audit_row {
	int64_t id, document_id, client_id;
	char at[32], clerk[64], action[32], detail[256], number[32];
} audit_row;
typedef struct audit_filter {
	int64_t client_id;
	char clerk[64];
	char from[DATE_LEN], to[DATE_LEN];
} audit_filter;
typedef int (*audit_cb)(const audit_row *r, void *ud);
int ledger_audit_list(ledger *l, const audit_filter *f, audit_cb cb, void *ud, cart_err *e);

/* Copy the ledger into dest (a new private file) through SQLite's online backup, consistent while
 * other clerks write. */
int ledger_backup(ledger *l, const char *dest, int force, cart_err *e);
/* Check that src is a whole cartera ledger this cartera can read (integrity, schema not newer,
 * audit chain), then copy it over path (which must not be open by anyone). */
int ledger_restore(const char *path, const char *src, int force, cart_err *e);

#endif
