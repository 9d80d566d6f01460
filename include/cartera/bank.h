/* Bank statements (SPEC I3): the lines of a statement as the bank gives it — CSV read through a
 * column profile saved per account, OFX through libofx, ISO 20022 camt.053 through libxml2 — and
 * the shapes the model keeps them in (a line, its proposal, the documents it would pay). The
 * readers keep credits only (money in), each with its identity in the bank's terms, so a second
 * import of an overlapping statement is recognised line by line. No SQL and no curses here. */
#ifndef CARTERA_BANK_H
#define CARTERA_BANK_H

#include <stddef.h>
#include <stdint.h>

#include "cartera/date.h"
#include "cartera/err.h"

/* Which column holds what (1 = first, 0 = none), as saved for an account. */
typedef struct bank_profile {
	char delimiter;          /* ',', ';', '|' or '\t' */
	int header;              /* lines to skip before the first record (a header row: 1) */
	int date_col, desc_col, ref_col, amount_col, debit_col, credit_col;
	char dec_sep;            /* '.' or ',' (the other one, blanks and ' are grouping) */
	char date_format[12];    /* dd/mm/yyyy, mm/dd/yyyy, yyyy-mm-dd, dd-mm-yyyy, dd.mm.yyyy,
	                          * yyyymmdd */
} bank_profile;

/* "date=1,description=2,reference=3,amount=4" (or debit=/credit= for two columns; a column by its
 * number or by its header's text, given the header row), plus separator, decimal and date format
 * set beforehand in p. CART_INVALID naming the part that is wrong. */
int bank_profile_columns(bank_profile *p, const char *spec, const char *const *header, int n_header,
                         cart_err *e);
/* Is p complete and sane? CART_INVALID saying what is missing. */
int bank_profile_check(const bank_profile *p, cart_err *e);
/* The profile as the --columns text that gives it back. */
void bank_profile_text(const bank_profile *p, char *buf, size_t size);

/* One credit line of a statement. amount is text with '.' as decimal separator and no sign
 * ("1234.5"), turned into minor units by the controller in the company's decimals. */
typedef struct bank_stmt_line {
	char identity[96];       /* FITID, camt AcctSvcrRef (#n for each payment of a batch), or
	                          * csv:HASH#k */
	char account[64];        /* the account as the file names it ("" for CSV) */
	char currency[4];        /* "" = the account's */
	char date[DATE_LEN];
	char amount[32];
	char description[256];
	char reference[128];
	char payer[128];
} bank_stmt_line;

typedef struct bank_stmt {
	bank_stmt_line *lines;
	int n, cap;
	int debits;              /* money out, left aside */
	int entries;             /* every entry of the statement, credits and debits */
	char account[64];        /* the first account the file names */
	char currency[4];
} bank_stmt;

void bank_stmt_free(bank_stmt *s);
/* Room for one more line (zeroed); NULL when out of memory. */
bank_stmt_line *bank_stmt_add(bank_stmt *s);

enum bank_format { BANK_CSV = 0, BANK_OFX, BANK_CAMT };
/* The format a file's first bytes show: "<?xml"/"<Document" camt, "OFXHEADER"/"<OFX" OFX,
 * else CSV. */
int bank_format_sniff(const char *buf, size_t len);

/* Read a CSV statement with the profile; the identity of a line is a hash of account, date,
 * amount and reference (#2, #3... for the same line again within one file). Bad lines are named
 * by their line number. */
int bank_read_csv(const char *buf, size_t len, const bank_profile *p, const char *account,
                  bank_stmt *out, cart_err *e);
/* Split the first record of buf (for the on-screen mapping and column names). Returns the count
 * of fields, up to max; each copied into fields[i] (size bytes). */
int bank_csv_first_record(const char *buf, size_t len, char delimiter, int skip, char fields[][64],
                          int max);
/* Guess the separator of a CSV: the one of ; , | TAB that splits the first line most. */
char bank_csv_guess_delimiter(const char *buf, size_t len);
int bank_read_ofx(const char *path, bank_stmt *out, cart_err *e);
int bank_read_camt(const char *buf, size_t len, bank_stmt *out, cart_err *e);

/* ---- what the model keeps ---- */
enum bank_state { BANK_PROPOSED = 0, BANK_ACCEPTED, BANK_LATER, BANK_NOT_CLIENT };
/* "proposed", "accepted", "later", "not-client" */
const char *bank_state_name(int state);
int bank_state_parse(const char *name);

typedef struct bank_line {
	int64_t id;
	char account[64];
	char identity[96];
	char date[DATE_LEN];
	int64_t amount;
	char currency[4];
	char description[256];
	char reference[128];
	char payer[128];
	int state;
	int64_t client_id;       /* 0: no client proposed */
	char client_name[128];
	char client_tax_id[32];
	int confidence;          /* 0..100 */
	int certain;             /* client and invoice both certain (--auto-exact posts it) */
	char why[400];
	char receipt[32];        /* the receipt it became, when accepted */
	int n_docs;
	int64_t allocated;       /* what the proposed documents take */
} bank_line;

typedef struct bank_alloc {
	int64_t entry_id;
	int64_t instalment_id;
	int instalment_no;
	char number[32];
	int64_t amount;
} bank_alloc;

#endif
