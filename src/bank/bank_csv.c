/* A bank's CSV statement read through the account's column profile: separator, which column is
 * the date, the description, the reference and the amount (or debit and credit), the decimal
 * separator and the date's order. Credits only are kept; each line's identity is a hash of
 * account, date, amount and reference, numbered when the same line comes again in one file. */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cartera/bank.h"
#include "cartera/i18n.h"
#include "bank/bank_int.h"

enum { MAX_COLS = 64 };

/* Split one line (quotes allowed, "" inside them a quote) into fields, in place. */
static int split(char *line, char sep, char **field, int max)
{
	int n = 0;
	char *p = line;

	while (n < max) {
		char *out = p;

		field[n++] = p;
		if (*p == '"') {
			char *r = p + 1;

			for (;;) {
				if (!*r)
					break;
				if (*r == '"' && r[1] == '"') {
					*out++ = '"';
					r += 2;
				} else if (*r == '"') {
					r++;
					break;
				} else {
					*out++ = *r++;
				}
			}
			while (*r && *r != sep)
				*out++ = *r++;
			p = r;
		} else {
			while (*p && *p != sep)
				out++, p++;
		}
		if (!*p) {
			*out = '\0';
			break;
		}
		*out = '\0';
		p++;
	}
	return n;
}

/* The next line of buf (CR LF or LF), NUL-terminated in a copy; NULL at the end. */
static char *next_line(const char *buf, size_t len, size_t *pos, char **line, size_t *cap)
{
	size_t start = *pos, end;

	if (start >= len)
		return NULL;
	end = start;
	while (end < len && buf[end] != '\n')
		end++;
	*pos = end < len ? end + 1 : end;
	if (end > start && buf[end - 1] == '\r')
		end--;
	if (end - start + 1 > *cap) {
		char *p = realloc(*line, end - start + 1);

		if (!p)
			return NULL;
		*line = p;
		*cap = end - start + 1;
	}
	memcpy(*line, buf + start, end - start);
	(*line)[end - start] = '\0';
	return *line;
}

char bank_csv_guess_delimiter(const char *buf, size_t len)
{
	static const char cand[] = ";,|\t";
	int best = 0;
	char pick = ',';

	for (const char *c = cand; *c; c++) {
		int n = 0, quoted = 0;

		for (size_t i = 0; i < len && buf[i] != '\n'; i++) {
			if (buf[i] == '"')
				quoted = !quoted;
			else if (!quoted && buf[i] == *c)
				n++;
		}
		if (n > best) {
			best = n;
			pick = *c;
		}
	}
	return pick;
}

int bank_csv_first_record(const char *buf, size_t len, char delimiter, int skip, char fields[][64],
                          int max)
{
	char *line = NULL, *f[MAX_COLS];
	size_t cap = 0, pos = 0;
	int n = 0;

	for (int i = 0; i <= skip; i++)
		if (!next_line(buf, len, &pos, &line, &cap)) {
			free(line);
			return 0;
		}
	n = split(line, delimiter, f, max < MAX_COLS ? max : MAX_COLS);
	for (int i = 0; i < n; i++)
		bank_trim_copy(fields[i], 64, f[i]);
	free(line);
	return n;
}

/* "1.234,56" with ',' decimal -> "1234.56"; sign in *neg. 0 when it is no amount; *empty when
 * the cell is blank. */
static int amount_text(const char *in, char dec, char out[32], int *neg, int *empty)
{
	size_t k = 0;
	int digits = 0, seen_dec = 0;
	const char *p = in;

	*neg = 0;
	*empty = 1;
	while (*p && isspace((unsigned char)*p))
		p++;
	if (!*p)
		return 1;
	*empty = 0;
	if (*p == '(') {
		*neg = 1;
		p++;
	}
	for (; *p; p++) {
		unsigned char c = (unsigned char)*p;

		if (isdigit(c)) {
			if (k + 2 >= 32)
				return 0;
			out[k++] = (char)c;
			digits++;
		} else if (c == (unsigned char)dec) {
			if (seen_dec++)
				return 0;
			out[k++] = '.';
		} else if (c == '-') {
			*neg = 1;
		} else if (c == '+' || c == ' ' || c == '\'' || c == ')' || c == '$' ||
		           (c == '.' && dec == ',') || (c == ',' && dec == '.')) {
			continue;
		} else if (c >= 0x80 || isalpha(c)) {   /* a currency sign or code */
			continue;
		} else {
			return 0;
		}
	}
	out[k] = '\0';
	if (k && out[k - 1] == '.')
		out[--k] = '\0';
	return digits > 0;
}

static int date_text(const char *in, const char *fmt, char out[DATE_LEN])
{
	int y = 0, m = 0, d = 0, n = 0;
	char c1, c2;
	date_t t;
	char buf[40];

	bank_trim_copy(buf, sizeof buf, in);
	if (!strcmp(fmt, "yyyymmdd"))
		n = sscanf(buf, "%4d%2d%2d", &y, &m, &d) == 3 && strlen(buf) >= 8;
	else if (!strcmp(fmt, "yyyy-mm-dd"))
		n = sscanf(buf, "%d%c%d%c%d", &y, &c1, &m, &c2, &d) == 5;
	else if (!strcmp(fmt, "mm/dd/yyyy"))
		n = sscanf(buf, "%d%c%d%c%d", &m, &c1, &d, &c2, &y) == 5;
	else
		n = sscanf(buf, "%d%c%d%c%d", &d, &c1, &m, &c2, &y) == 5;
	if (!n)
		return 0;
	if (y < 100)
		y += 2000;
	if (date_from_ymd(y, m, d, &t, CART_IGNORED) != CART_OK)
		return 0;
	date_format(t, out);
	return 1;
}

static const bank_stmt *sort_stmt;

static int by_identity(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	int c = strcmp(sort_stmt->lines[x].identity, sort_stmt->lines[y].identity);

	return c ? c : x - y;
}

/* The same line twice in one file is two payments: "#1", "#2" in file order. */
static int number_repeats(bank_stmt *out)
{
	int *ix = malloc(sizeof *ix * (size_t)(out->n + 1)), k = 0;

	if (!ix)
		return CART_NOMEM;
	for (int i = 0; i < out->n; i++)
		ix[i] = i;
	sort_stmt = out;
	qsort(ix, (size_t)out->n, sizeof *ix, by_identity);
	for (int i = 0; i < out->n; i++) {
		bank_stmt_line *ln = &out->lines[ix[i]];

		k = i && !strncmp(out->lines[ix[i - 1]].identity, ln->identity, 20) ? k + 1 : 1;
		snprintf(ln->identity + 20, sizeof ln->identity - 20, "#%d", k);
	}
	free(ix);
	return CART_OK;
}

int bank_read_csv(const char *raw, size_t raw_len, const bank_profile *p, const char *account,
                  bank_stmt *out, cart_err *e)
{
	char *buf, *line = NULL, *f[MAX_COLS];
	size_t len, cap = 0, pos = 0;
	long lineno = 0;
	int rc;

	if ((rc = bank_profile_check(p, e)) != CART_OK)
		return rc;
	if (!(buf = bank_to_utf8(raw, raw_len, &len)))
		return cart_fail(e, CART_NOMEM, _("out of memory"));
	while (next_line(buf, len, &pos, &line, &cap)) {
		char amt[32], date[DATE_LEN];
		int n, neg, empty, need;
		bank_stmt_line *ln;
		uint64_t h;

		if (++lineno <= p->header)
			continue;
		if (!line[strspn(line, " \t;,|")])
			continue;               /* a blank line */
		n = split(line, p->delimiter, f, MAX_COLS);
		need = p->date_col;
		if (p->amount_col > need)
			need = p->amount_col;
		if (p->credit_col > need)
			need = p->credit_col;
		if (n < need) {
			rc = cart_fail(e, CART_INVALID, _("line %ld: %d columns, the profile needs %d"),
			               lineno, n, need);
			break;
		}
		out->entries++;
		if (p->amount_col) {
			if (!amount_text(f[p->amount_col - 1], p->dec_sep, amt, &neg, &empty) || empty) {
				rc = cart_fail(e, CART_INVALID, _("line %ld, column %d: \"%s\" is not an"
				               " amount"), lineno, p->amount_col, f[p->amount_col - 1]);
				break;
			}
		} else {
			const char *c = f[p->credit_col - 1];

			if (!amount_text(c, p->dec_sep, amt, &neg, &empty) && !empty) {
				rc = cart_fail(e, CART_INVALID, _("line %ld, column %d: \"%s\" is not an"
				               " amount"), lineno, p->credit_col, c);
				break;
			}
			if (empty || strspn(amt, "0.") == strlen(amt)) {
				out->debits++;          /* nothing in the credit column: money out */
				continue;
			}
		}
		if (neg || strspn(amt, "0.") == strlen(amt)) {
			out->debits++;
			continue;
		}
		if (!date_text(f[p->date_col - 1], p->date_format, date)) {
			rc = cart_fail(e, CART_INVALID, _("line %ld, column %d: \"%s\" is not a date as"
			               " %s"), lineno, p->date_col, f[p->date_col - 1], p->date_format);
			break;
		}
		if (!(ln = bank_stmt_add(out))) {
			rc = cart_fail(e, CART_NOMEM, _("out of memory"));
			break;
		}
		snprintf(ln->amount, sizeof ln->amount, "%s", amt);
		snprintf(ln->date, sizeof ln->date, "%s", date);
		if (p->desc_col && p->desc_col <= n)
			bank_trim_copy(ln->description, sizeof ln->description, f[p->desc_col - 1]);
		if (p->ref_col && p->ref_col <= n)
			bank_trim_copy(ln->reference, sizeof ln->reference, f[p->ref_col - 1]);
		h = bank_hash(account ? account : "", 0);
		h = bank_hash(ln->date, h);
		h = bank_hash(ln->amount, h);
		h = bank_hash(ln->reference[0] ? ln->reference : ln->description, h);
		snprintf(ln->identity, sizeof ln->identity, "csv:%016llx", (unsigned long long)h);
	}
	if (rc == CART_OK && number_repeats(out) != CART_OK)
		rc = cart_fail(e, CART_NOMEM, _("out of memory"));
	free(line);
	free(buf);
	return rc;
}
