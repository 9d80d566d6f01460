/* Inside the ledger model: the connection, its cache of prepared statements, and nested
 * transactions. Shared by src/ledger_*.c only. */
#ifndef CARTERA_LEDGER_INT_H
#define CARTERA_LEDGER_INT_H

#include <sqlite3.h>

#include "ledger.h"

struct ledger {
	sqlite3 *db;
	char path[1024];
	char clerk[64];
	int readonly;
	int not_writable;    /* opened for writing, but this process may not write the file */
	int depth;          /* transaction nesting: 0 none, 1 BEGIN IMMEDIATE, >1 savepoints */
	int bulk;           /* inside ledger_bulk_begin/end */
	struct bulk *b;     /* the bulk load's state (ledger_bulk.c) */
	struct lg_cached {      /* lg_prepare's statements, keyed by their (static) SQL text */
		const char *sql;
		sqlite3_stmt *s;
		int busy;
		uint64_t used;  /* l->ticks when last handed out: the least recent goes first */
	} cache[64];
	uint64_t ticks;
	char posted_at[32]; /* a bulk load stamps all its documents with its start; else "" */
	company co;         /* cached company settings */
	int have_co;
	char key[204];      /* the idempotency key of the next posting ("" = none), ledger_safety.c */
	int key_done;       /* the key was recorded in this transaction */
	int64_t commits;    /* transactions committed through this connection */
	struct lg_memo *memo;   /* the last past date's open items (ledger_asof.c), for one reuse */
	int back_fn;            /* cartera_back() is registered on db (ledger_asof.c) */
	struct lgd_memo *dash_memo; /* what the dashboard's Clients tab keeps (ledger_dash_memo.c) */
};

/* What a promise to pay (followup_promises p) has brought: the receipts and advances of its
 * client and currency dated from the day it was made to its date, unless voided. One
 * definition for the follow-up's promises and for Hoy. */
#define LG_PROMISE_PAID \
	"(SELECT coalesce(sum(x.amount), 0) FROM entries x" \
	"   WHERE x.client_id = p.client_id AND x.currency = p.currency AND x.side = 'C'" \
	"     AND x.code IN ('APF', 'AA') AND x.reverses_id IS NULL" \
	"     AND x.date BETWEEN p.made_on AND p.date" \
	"     AND NOT EXISTS (SELECT 1 FROM documents v WHERE v.voids_id = x.document_id))"

/* lg_prepare with the failure reported in *e (NULL then); give it back with lg_finalize. */
sqlite3_stmt *lg_get(ledger *l, const char *sql, cart_err *e);
/* Shared by the posting modules. */
extern const char lg_inst_of_entry_sql[];
extern const char lg_client_set_opening_sql[];
/* Prepare a query whose text is a static string, reusing the statement prepared last time when
 * it is not in use (so a callback may run the same query: it gets its own). lg_finalize gives it
 * back, reset; statements that did not fit the cache are finalized. Same results as
 * sqlite3_prepare_v2 / sqlite3_finalize. */
int lg_prepare(ledger *l, const char *sql, sqlite3_stmt **s);
void lg_finalize(ledger *l, sqlite3_stmt *s);
/* The "fetch one row" every getter shares: step s once; on a row hand it to read (when not
 * NULL) with out; give s back in every case. CART_OK with a row; CART_NOTFOUND with none, e
 * left untouched so the caller says what was missing; else the database error while doing. */
typedef void lg_reader(sqlite3_stmt *s, void *out);
int lg_row(ledger *l, sqlite3_stmt *s, lg_reader *read, void *out, const char *doing, cart_err *e);
/* lg_row of a statement whose first column is an integer: *out is it, or dflt when no row. */
int lg_row_int(ledger *l, sqlite3_stmt *s, int64_t *out, int64_t dflt, const char *doing,
               cart_err *e);
/* Run SQL without results; a failure is reported as while doing. */
int lg_exec(ledger *l, const char *sql, const char *doing, cart_err *e);
/* cartera_name_key(name), the SQL face of ledger_name_key (ledger_namekey.c), on a new
 * connection: the migration that adds the keys fills them with it. */
int lg_name_key_register(sqlite3 *db);
/* The earliest due date of the open charges of balance row b (its client and currency): charges
 * without instalments and instalments, through their indexes by client; NULL when none. What
 * balances.due_min keeps (schema 023, whose triggers spell the same query): the bulk load sets it
 * from this, `check --full` proves it against this. */
#define LG_DUE_MIN(b) \
	"(SELECT min(d) FROM (SELECT min(due_date) AS d FROM entries e" \
	"   WHERE e.client_id = " b ".client_id AND e.currency = " b ".currency AND e.side = 'D'" \
	"     AND e.open <> 0 AND e.n_inst = 0" \
	"  UNION ALL SELECT min(due_date) FROM instalments i" \
	"   WHERE i.client_id = " b ".client_id AND i.currency = " b ".currency AND i.open <> 0))"

/* The ids of the clients a filter in parameter p finds in their name (folded as
 * cartera_search_key folds it: "nandu" finds Ñandú) or tax id, with _PHONE in their phone too
 * (issue 14). Three letters or more are looked up in the trigram index clients_find (schema
 * 018), never by reading every client; one or two letters make no trigram and are looked for in
 * the covering index clients_key_order, client by client (such a filter matches most clients).
 * Only one arm reads anything (so UNION ALL): the other's test on the bound filter is false
 * before its loop. */
#define LG_FIND_CLIENTS_(p, phone, cols) \
	"SELECT id FROM clients WHERE length(cartera_search_key(" p ")) < 3" \
	"  AND (instr(search_key, cartera_search_key(" p ")) OR instr(tax_id, " p ")" phone ")" \
	" UNION ALL SELECT rowid FROM clients_find" \
	"  WHERE clients_find MATCH cartera_find_query(" p ", " cols ")" \
	"  AND length(cartera_search_key(" p ")) >= 3"
#define LG_FIND_CLIENTS(p) LG_FIND_CLIENTS_(p, "", "2")
#define LG_FIND_CLIENTS_PHONE(p) LG_FIND_CLIENTS_(p, " OR instr(phone, " p ")", "3")
/* Translate a SQLite failure into a cart_code with a message naming what was being done. */
int lg_dberr(ledger *l, int rc, const char *doing, cart_err *e);

/* Nested transactions: the outermost is BEGIN IMMEDIATE, inner ones are savepoints. Inside a bulk
 * load there are no savepoints: a posting that fails there fails the whole load. */
int lg_begin(ledger *l, cart_err *e);
int lg_commit(ledger *l, cart_err *e);
void lg_rollback(ledger *l);

/* Bind helpers: text may be NULL (binds NULL). */
void lg_bind_text(sqlite3_stmt *s, int i, const char *v);
void lg_bind_int(sqlite3_stmt *s, int i, int64_t v);
void lg_copy(char *dst, size_t size, const unsigned char *src);

/* Every client's open charges as of asof when nothing is dated after it (ledger_charges.c):
 * ledger_open_charges' rows, read from the kept open amounts. */
int lg_open_charges_now(ledger *l, const char *asof, open_charge_cb cb, void *ud, cart_err *e);

/* The invariants of the documents, entries, instalments and allocations, and their references,
 * in one read of each table (ledger_check_scan.c); each problem goes to problem(k, message).
 * *done_here says what was checked: LG_SCAN_ROWS (references of those four tables, open
 * amounts, instalments, allocation pairs, entries against their documents' clients, the
 * numbering of each series) and
 * LG_SCAN_BALANCES (kept balances; as of now, now != 0, open items against the balance); what
 * is not done (a ledger edited by hand beyond what arrays by id can hold) is left to SQL.
 * With LG_SCAN_ROWS, amounts out of range were checked too (lg_check_safety's), and counted in
 * *out_of_range. */
enum { LG_SCAN_ROWS = 1, LG_SCAN_BALANCES = 2 };
int lg_check_scan(ledger *l, const char *asof, int now, void (*problem)(void *k, const char *msg),
                  void *k, int *done_here, int *out_of_range, cart_err *e);

/* Company settings, cached per connection. */
const company *lg_company(ledger *l, cart_err *e);
/* "" means the company's currency; otherwise it must be one of the company's two. */
int lg_currency(ledger *l, const char *in, char out[4], cart_err *e);

/* Run a read-only statement with a single integer result (e.g. count) */
int lg_scalar_int(ledger *l, const char *sql, int64_t arg, int64_t *out, cart_err *e);

/* Append an audit line (skipped inside a bulk load, which writes one line for the whole load). */
int lg_audit(ledger *l, const char *action, int64_t doc_id, int64_t client_id, const char *detail,
             cart_err *e);

/* ---- safety (ledger_safety.c) ---- */
/* Create a missing ledger file private (0600) so its -wal and -shm are too. */
int lg_create_file(const char *path, cart_err *e);
/* When the clerk may not read (or write) path: a message naming the group to join. */
int lg_open_denied(const char *path, int write, cart_err *e);
/* After lg_begin in a posting of type: when the idempotency key already holds a document of that
 * type, fill *out with it and set out->replayed (the caller rolls back and returns CART_OK). */
int lg_key_replay(ledger *l, int type, posted *out, cart_err *e);
/* Keep the key with the first document of the transaction (lg_insert_doc). */
int lg_key_record(ledger *l, int type, int64_t doc_id, cart_err *e);
/* Set the hash of audit row id, chained to the row before (lg_audit); chain the rows of a ledger
 * that had no hashes (after the upgrade). */
int lg_audit_seal(ledger *l, int64_t id, cart_err *e);
int lg_audit_chain_fill(ledger *l, cart_err *e);
/* What ledger_check adds: the audit chain, the settings and values in range, reported to
 * problem(k, message); with out_of_range NULL, the values are left to the caller. */
int lg_check_safety(ledger *l, void (*problem)(void *k, const char *msg), void *k,
                    int *out_of_range, cart_err *e);
/* Its values in range alone: each row out of range reported and counted in *out_of_range. */
int lg_check_ranges(ledger *l, void (*problem)(void *k, const char *msg), void *k,
                    int *out_of_range, cart_err *e);

/* Validate an ISO date argument, naming the field in the message. */
int lg_date(const char *text, const char *what, cart_err *e);

/* Shared by the posting modules (ledger_post.c, ledger_alloc.c, ledger_void.c). */
typedef struct entry_info {
	int64_t id, doc_id, client_id;
	char code[4];
	char side;
	char date[DATE_LEN], due_date[DATE_LEN], currency[4];
	int64_t amount, open;
	int n_inst;
	char number[32];
	int reversal;
} entry_info;

int lg_entry_get(ledger *l, int64_t id, entry_info *x, cart_err *e);

typedef struct doc_row {
	int type;
	int64_t client_id;
	const char *date, *due_date, *currency;
	int64_t total;
	const char *reference, *memo, *method;
	int64_t voids_id;
	int64_t amends_id;    /* a debit note: the invoice it amends */
} doc_row;

/* Number a document from its series and insert it; fills out->doc_id and out->number. */
int lg_insert_doc(ledger *l, const doc_row *d, posted *out, cart_err *e);
int lg_insert_entry(ledger *l, int64_t doc, int64_t client_id, int code, char side,
                    const char *date, const char *due, const char *cur, int64_t amount,
                    int n_inst, int64_t reverses, int64_t *id, cart_err *e);
int lg_insert_alloc(ledger *l, int64_t doc, int64_t credit, int64_t charge, int64_t inst,
                    const char *date, int64_t amount, int64_t reverses, cart_err *e);
/* Refused (CART_REFUSED, naming it) while a debit note not voided amends invoice doc_id. */
int lg_debit_note_live(ledger *l, int64_t doc_id, const char *number, cart_err *e);
/* End a posting: audit and commit when rc is CART_OK, else roll back; returns the outcome. */
int lg_finish(ledger *l, int rc, const char *action, const posted *out, int64_t client_id,
              const char *detail, cart_err *e);
/* Postings of charges (ledger_post.c) and of what pays them (ledger_alloc.c) share these. */
/* Over zero (or zero when allow_zero) and at most MONEY_MAX; the message names what. */
int lg_check_amount(int64_t v, const char *what, int allow_zero, cart_err *e);
/* The client a posting is for (only what postings need); charges need an active client. */
int lg_posting_client(ledger *l, int64_t id, int charge, client *c, cart_err *e);
/* Shared prologue: today's company, a valid currency, a valid date; NULL when one is not. */
const company *lg_posting_setup(ledger *l, const char *date, const char *what,
                                const char *cur_in, char cur[4], cart_err *e);

/* ---- bulk loading (ledger_bulk.c) ----
 * During a bulk load the allocation triggers and the secondary indexes are gone, so the posting
 * functions keep what is open in memory for the entries and instalments the load creates, number
 * documents from memory, and ledger_bulk_end recomputes and verifies everything set by set. */
int lg_bulk_number(ledger *l, int type, char number[32], cart_err *e);
/* Record a new entry / instalment (id must follow the last one). */
int lg_bulk_entry(ledger *l, int64_t id, int64_t client_id, const char *cur, char side,
                  const char *date, int64_t amount, int n_inst, cart_err *e);
int lg_bulk_instalment(ledger *l, int64_t id, int64_t entry_id, int64_t amount, cart_err *e);
/* An entry made by this load, from memory; CART_NOTFOUND when it is older than the load. */
int lg_bulk_entry_get(ledger *l, int64_t id, entry_info *x);
/* The instalments of an entry made by this load: first id and count; opens via lg_bulk_iopen. */
int lg_bulk_instalments(ledger *l, int64_t entry_id, int64_t *first, int *n);
int64_t lg_bulk_iopen(ledger *l, int64_t inst_id);
/* Move the kept open amounts of an allocation in memory. */
void lg_bulk_allocate(ledger *l, int64_t credit, int64_t charge, int64_t inst, int64_t amount);
/* The posting fields of a client (lg_posting_client) as last read in this load; CART_NOTFOUND
 * when not read yet. _keep stores them; _forget drops them when the client changes. */
int lg_bulk_client(ledger *l, int64_t id, client *c);
void lg_bulk_client_keep(ledger *l, const client *c);
void lg_bulk_client_forget(ledger *l, int64_t id);
/* A posting failed inside the load: the load can no longer commit. */
void lg_bulk_failed(ledger *l);

/* The open items (charges without instalments, instalments, credits) as of ?1, for clients ?2..?3,
 * as rows (client_id, currency, side, due_date, open). What is open now is kept on each entry and
 * instalment; as of a past date, whatever allocations dated after it took is added back, and
 * anything dated after it is left out. When nothing is dated after ?1 the "later" tables are
 * empty and this reads only the partial indexes of open items. The allocations dated after ?1
 * are picked first by their date index, so a recent as-of date never scans the allocations. */
#define LG_ITEMS_CTE \
	"later AS MATERIALIZED (" \
	"  SELECT charge_id, credit_id, instalment_id, amount FROM allocations WHERE date > ?1)," \
	" later_e AS MATERIALIZED (" \
	"  SELECT charge_id AS eid, sum(amount) AS amt FROM later" \
	"   WHERE instalment_id IS NULL GROUP BY charge_id" \
	"  UNION ALL SELECT credit_id, sum(amount) FROM later GROUP BY credit_id)," \
	" later_i AS MATERIALIZED (" \
	"  SELECT instalment_id AS iid, sum(amount) AS amt FROM later" \
	"   WHERE instalment_id IS NOT NULL GROUP BY instalment_id)," \
	" items(client_id, currency, side, due_date, open) AS (" \
	"  SELECT e.client_id, e.currency, e.side, e.due_date," \
	"         e.open + coalesce((SELECT amt FROM later_e WHERE eid = e.id), 0)" \
	"    FROM entries e WHERE e.open <> 0 AND e.n_inst = 0 AND e.date <= ?1" \
	"     AND e.client_id BETWEEN ?2 AND ?3" \
	"  UNION ALL SELECT e.client_id, e.currency, e.side, e.due_date, l.amt" \
	"    FROM later_e l JOIN entries e ON e.id = l.eid" \
	"   WHERE e.open = 0 AND e.n_inst = 0 AND e.date <= ?1 AND e.client_id BETWEEN ?2 AND ?3" \
	"  UNION ALL SELECT i.client_id, i.currency, 'D', i.due_date," \
	"         i.open + coalesce((SELECT amt FROM later_i WHERE iid = i.id), 0)" \
	"    FROM instalments i WHERE i.open <> 0 AND i.date <= ?1" \
	"     AND i.client_id BETWEEN ?2 AND ?3" \
	"  UNION ALL SELECT i.client_id, i.currency, 'D', i.due_date, l.amt" \
	"    FROM later_i l JOIN instalments i ON i.id = l.iid" \
	"   WHERE i.open = 0 AND i.date <= ?1 AND i.client_id BETWEEN ?2 AND ?3)"

/* The same items as LG_ITEMS_CTE, from C (ledger_asof.c): every charge without instalments,
 * instalment and credit dated on or before asof with something open as of it, of one client
 * (client_id) or all (0), given to cb in no particular order; cb returns nonzero to stop. */
typedef int (*lg_item_cb)(int64_t client_id, const char *currency, char side,
                          const char *due_date, int64_t open, void *ud);
int lg_items_asof(ledger *l, const char *asof, int64_t client_id, lg_item_cb cb, void *ud,
                  cart_err *e);
/* Free what lg_items_asof keeps of its last answer. */
void lg_items_forget(ledger *l);
/* Free what the dashboard's Clients tab keeps (ledger_dash_memo.c). */
void lgd_forget(ledger *l);

/* ---- documents keyed at the terminal (ledger_docs.c) ---- */
/* Copy a document's lines, fill each line's rate from the company's tax rates (a line's rate must
 * be one of them, active) and compute the totals; *out is malloc'd. */
int lg_lines_prepare(ledger *l, const doc_line *in, int n, doc_line **out, doc_totals *t,
                     cart_err *e);
/* Keep the lines and the tax per rate with a document. */
int lg_lines_save(ledger *l, int64_t doc_id, const doc_line *v, int n, const doc_totals *t,
                  cart_err *e);
/* A receipt's means and withholdings: checked (their sum in *sum) and kept. */
int lg_receipt_check_detail(const receipt_in *in, const char *date, int64_t *sum, cart_err *e);
int lg_receipt_save_detail(ledger *l, int64_t doc_id, const receipt_in *in, cart_err *e);
/* The country's default tax rates, when the company has none yet. */
int lg_tax_seed(ledger *l, const char *country, cart_err *e);

/* Is nothing (entry or allocation) dated after asof? Then kept open amounts are the answer. */
int lg_asof_is_now(ledger *l, const char *asof, int *now, cart_err *e);

/* The aging's bucketing, one code for ledger_aging and the kept sums (ledger_aging_now.c):
 * lg_aging_bounds checks the ranges (1 to LEDGER_MAX_RANGES increasing day counts) and sets
 * bounds[k] to asof less ranges[k] days ("" past n_ranges); lg_aging_bucket gives the bucket
 * of a charge due on due: -1 not due (due on or after asof), else the range 0..n_ranges (the
 * last, n_ranges, everything older than the last bound). */
int lg_aging_bounds(const char *asof, const int *ranges, int n_ranges,
                    char bounds[LEDGER_MAX_RANGES][DATE_LEN], cart_err *e);
int lg_aging_bucket(const char *due, const char *asof, char (*bounds)[DATE_LEN], int n_ranges);
/* ledger_aging of one client (client_id > 0): its rows, in currency order. */
int lg_aging_client(ledger *l, int64_t client_id, const char *asof, const int *ranges,
                    int n_ranges, aging_cb cb, void *ud, cart_err *e);

/* ledger_aging through its general SQL (every item's bucket summed in SQL, rows sorted by name),
 * whatever the as-of date: the reference the tests hold the faster paths to. */
int lg_aging_by_sql(ledger *l, const char *asof, const int *ranges, int n_ranges, aging_cb cb,
                    void *ud, cart_err *e);

#endif
