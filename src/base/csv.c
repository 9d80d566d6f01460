/* CSV reading and writing (RFC 4180): see include/cartera/csv.h. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cartera/csv.h"
#include "cartera/text.h"
#include "cartera/i18n.h"

#define CSV_EOF (-1)
#define CSV_BUF 65536

/* Why the bytes of a record cannot be taken as text. */
enum { TEXT_OK = 0, TEXT_BAD_UTF8, TEXT_NUL };

struct csv_reader {
	FILE *fp;
	const unsigned char *win;   /* bytes not yet read: the memory, or buf for a stream */
	size_t n, pos;
	int eof;                    /* a stream has nothing more to give */
	int ioerr;
	int done;                   /* a fault nothing sensible can follow: the next call says end */
	int started;                /* the first byte was read (a byte-order mark is looked for) */
	unsigned char *buf;

	/* where the next byte is, and where the last one read was */
	long line, col;
	long at_line, at_col;

	/* UTF-8 decoding of every byte read, so that a bad one is named where it is */
	int need;                   /* continuation bytes still expected */
	unsigned char lo, hi;       /* allowed range of the next continuation byte */
	long seq_line, seq_col;     /* where the character being decoded started */
	int text_fault;             /* TEXT_*: the first fault of the record being read */
	long fault_line, fault_col;

	/* the record: fields one after the other, each NUL-terminated */
	char *data;
	size_t dlen, dcap;
	size_t *off, *len;
	char **ptr;
	int nf, fcap;

	csv_error err;
};

static csv_reader *reader_new(void)
{
	csv_reader *r = calloc(1, sizeof *r);

	if (!r)
		return NULL;
	r->line = 1;
	r->col = 1;
	return r;
}

csv_reader *csv_open_file(FILE *fp)
{
	csv_reader *r = reader_new();

	if (!r)
		return NULL;
	r->buf = malloc(CSV_BUF);
	if (!r->buf) {
		free(r);
		return NULL;
	}
	r->fp = fp;
	r->win = r->buf;
	return r;
}

csv_reader *csv_open_mem(const char *buf, size_t len)
{
	csv_reader *r = reader_new();

	if (!r)
		return NULL;
	r->win = (const unsigned char *)buf;
	r->n = len;
	r->eof = 1;
	return r;
}

void csv_close(csv_reader *r)
{
	if (!r)
		return;
	free(r->buf);
	free(r->data);
	free(r->off);
	free(r->len);
	free(r->ptr);
	free(r);
}

const csv_error *csv_last_error(const csv_reader *r)
{
	return &r->err;
}

/* ---- bytes ---- */

static int refill(csv_reader *r)
{
	size_t got;

	if (r->eof)
		return 0;
	got = fread(r->buf, 1, CSV_BUF, r->fp);
	if (got < CSV_BUF) {
		r->eof = 1;
		if (ferror(r->fp))
			r->ioerr = errno ? errno : EIO;
	}
	r->n = got;
	r->pos = 0;
	return got > 0;
}

/* The byte-order mark some spreadsheets write first is not part of the text. A stream's first
 * window holds the whole file or CSV_BUF bytes, so the mark is all in it. */
static void skip_bom(csv_reader *r)
{
	r->started = 1;
	if (r->n - r->pos >= 3 && r->win[r->pos] == 0xEF && r->win[r->pos + 1] == 0xBB &&
	    r->win[r->pos + 2] == 0xBF)
		r->pos += 3;
}

static int peekb(csv_reader *r)
{
	if (r->pos >= r->n && !refill(r))
		return CSV_EOF;
	if (!r->started) {
		skip_bom(r);
		return peekb(r);
	}
	return r->win[r->pos];
}

static void text_fault(csv_reader *r, int what, long line, long col)
{
	if (r->text_fault)
		return;
	r->text_fault = what;
	r->fault_line = line;
	r->fault_col = col;
}

/* Check one byte as part of UTF-8 text (RFC 3629: no overlong forms, no surrogates, nothing
 * above U+10FFFF) and count it into the line and column. */
static void decode(csv_reader *r, unsigned char b)
{
	if (r->need) {
		if (b >= r->lo && b <= r->hi) {
			r->lo = 0x80;
			r->hi = 0xBF;
			r->need--;
			return;
		}
		/* the character was cut short: this byte starts another */
		text_fault(r, TEXT_BAD_UTF8, r->seq_line, r->seq_col);
		r->need = 0;
	}
	r->at_line = r->line;
	r->at_col = r->col;
	r->seq_line = r->line;
	r->seq_col = r->col;
	r->lo = 0x80;
	r->hi = 0xBF;
	if (b == '\n') {
		r->line++;
		r->col = 1;
		return;
	}
	if (b == '\r') {
		/* CR LF is one line end, counted at the LF; a lone CR ends a line too */
		if (peekb(r) != '\n') {
			r->line++;
			r->col = 1;
		}
		return;
	}
	r->col++;
	if (b == 0) {
		text_fault(r, TEXT_NUL, r->at_line, r->at_col);
	} else if (b >= 0xC2 && b <= 0xDF) {
		r->need = 1;
	} else if (b >= 0xE0 && b <= 0xEF) {
		r->need = 2;
		if (b == 0xE0)
			r->lo = 0xA0;	/* else overlong */
		else if (b == 0xED)
			r->hi = 0x9F;	/* else a surrogate */
	} else if (b >= 0xF0 && b <= 0xF4) {
		r->need = 3;
		if (b == 0xF0)
			r->lo = 0x90;	/* else overlong */
		else if (b == 0xF4)
			r->hi = 0x8F;	/* else above U+10FFFF */
	} else if (b >= 0x80) {
		text_fault(r, TEXT_BAD_UTF8, r->at_line, r->at_col);
	}
}

static int getb(csv_reader *r)
{
	unsigned char b;

	if (r->pos >= r->n && !refill(r)) {
		if (r->need) {
			text_fault(r, TEXT_BAD_UTF8, r->seq_line, r->seq_col);
			r->need = 0;
		}
		return CSV_EOF;
	}
	if (!r->started) {
		skip_bom(r);
		return getb(r);
	}
	b = r->win[r->pos++];
	decode(r, b);
	return b;
}

/* ---- the record being read ---- */

static int fail_at(csv_reader *r, cart_err *e, long line, long col, int fatal, const char *reason)
{
	r->err.line = line;
	r->err.column = col;
	snprintf(r->err.reason, sizeof r->err.reason, "%s", reason);
	if (fatal)
		r->done = 1;
	if (col > 0)
		cart_fail(e, CART_INVALID, _("line %ld, column %ld: %s"), line, col, reason);
	else
		cart_fail(e, CART_INVALID, _("line %ld: %s"), line, reason);
	return -1;
}

/* A fault in the text takes precedence: it came first in the record, and a quote out of place
 * is often the next symptom of a file in the wrong encoding. */
static int text_failure(csv_reader *r, cart_err *e)
{
	if (r->text_fault == TEXT_NUL)
		return fail_at(r, e, r->fault_line, r->fault_col, 0, _("contains a NUL byte (is the"
		               " file UTF-16? save it as CSV UTF-8)"));
	return fail_at(r, e, r->fault_line, r->fault_col, 0, _("not valid UTF-8 (save the file as"
	               " CSV UTF-8)"));
}

static int grow_data(csv_reader *r, size_t more)
{
	size_t cap;
	char *d;

	if (r->dlen + more <= r->dcap)
		return 1;
	cap = r->dcap ? r->dcap : 256;
	while (cap < r->dlen + more)
		cap *= 2;
	d = realloc(r->data, cap);
	if (!d)
		return 0;
	r->data = d;
	r->dcap = cap;
	return 1;
}

/* Close the field begun at start; returns 0 when out of room. */
static int end_field(csv_reader *r, size_t start)
{
	if (r->nf == r->fcap) {
		int cap = r->fcap ? r->fcap * 2 : 32;
		size_t *o = realloc(r->off, sizeof *o * (size_t)cap);
		size_t *l;
		char **p;

		if (!o)
			return 0;
		r->off = o;
		l = realloc(r->len, sizeof *l * (size_t)cap);
		if (!l)
			return 0;
		r->len = l;
		p = realloc(r->ptr, sizeof *p * (size_t)cap);
		if (!p)
			return 0;
		r->ptr = p;
		r->fcap = cap;
	}
	if (!grow_data(r, 1))
		return 0;
	r->off[r->nf] = start;
	r->len[r->nf] = r->dlen - start;
	r->data[r->dlen++] = '\0';
	r->nf++;
	return 1;
}

/* Skip what is left of a line that cannot be read, so the next record starts on the next one. */
static void skip_line(csv_reader *r)
{
	int c;

	while ((c = getb(r)) != CSV_EOF && c != '\n') {
		if (c == '\r') {
			if (peekb(r) == '\n')
				getb(r);
			return;
		}
	}
}

int csv_next(csv_reader *r, csv_record *rec, cart_err *e)
{
	long rec_line;
	int c, more;

	if (r->done)
		return 0;
	r->text_fault = TEXT_OK;
	memset(&r->err, 0, sizeof r->err);
	/* empty lines are no records */
	for (;;) {
		c = peekb(r);
		if (c == '\n' || c == '\r') {
			getb(r);
			if (c == '\r' && peekb(r) == '\n')
				getb(r);
			continue;
		}
		break;
	}
	r->text_fault = TEXT_OK;
	if (c == CSV_EOF) {
		if (r->ioerr) {
			r->done = 1;
			return fail_at(r, e, r->line, 0, 1, strerror(r->ioerr));
		}
		return 0;
	}
	rec_line = r->line;
	r->dlen = 0;
	r->nf = 0;
	do {
		size_t start = r->dlen;

		if (r->nf >= CSV_MAX_FIELDS)
			return fail_at(r, e, rec_line, 0, 1, _("more than 4096 fields in one record"));
		c = getb(r);
		if (c == '"') {
			long q_line = r->at_line;

			for (;;) {
				c = getb(r);
				if (c == CSV_EOF)
					return fail_at(r, e, q_line, 0, 1, r->ioerr ? strerror(r->ioerr)
					               : _("a quoted field is not closed"));
				if (c == '"') {
					if (peekb(r) != '"')
						break;
					getb(r);
				}
				if (r->dlen - start >= CSV_MAX_FIELD)
					return fail_at(r, e, q_line, 0, 1, _("a field is longer than 1 MB"
					               " (is a closing quote missing?)"));
				if (!grow_data(r, 1))
					return fail_at(r, e, q_line, 0, 1, _("out of memory"));
				r->data[r->dlen++] = (char)c;
			}
			c = getb(r);
			if (c != ',' && c != '\n' && c != '\r' && c != CSV_EOF) {
				long line = r->at_line, col = r->at_col;

				skip_line(r);
				if (r->text_fault)
					return text_failure(r, e);
				return fail_at(r, e, line, col, 0, _("text after the closing quote of a"
				               " quoted field (a quote inside a field is written twice)"));
			}
		} else {
			while (c != ',' && c != '\n' && c != '\r' && c != CSV_EOF) {
				if (c == '"') {
					long line = r->at_line, col = r->at_col;

					skip_line(r);
					if (r->text_fault)
						return text_failure(r, e);
					return fail_at(r, e, line, col, 0, _("a quote inside a field that"
					               " does not start with one (quote the whole field"
					               " and write the quote twice)"));
				}
				if (r->dlen - start >= CSV_MAX_FIELD)
					return fail_at(r, e, rec_line, 0, 1, _("a field is longer than 1 MB"));
				if (!grow_data(r, 1))
					return fail_at(r, e, rec_line, 0, 1, _("out of memory"));
				r->data[r->dlen++] = (char)c;
				c = getb(r);
			}
		}
		if (!end_field(r, start))
			return fail_at(r, e, rec_line, 0, 1, _("out of memory"));
		more = c == ',';
		if (c == '\r' && peekb(r) == '\n')
			getb(r);
	} while (more);
	if (r->ioerr)
		return fail_at(r, e, r->line, 0, 1, strerror(r->ioerr));
	if (r->text_fault)
		return text_failure(r, e);
	for (int i = 0; i < r->nf; i++)
		r->ptr[i] = r->data + r->off[i];
	rec->line = rec_line;
	rec->n = r->nf;
	rec->field = r->ptr;
	rec->len = r->len;
	return 1;
}

/* ---- writing ---- */

static int needs_quotes(const char *s)
{
	size_t n = strlen(s);

	if (!n)
		return 0;
	if (strpbrk(s, ",\"\r\n"))
		return 1;
	return s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' || s[n - 1] == '\t';
}

void csv_write_field(FILE *fp, const char *s, int sep)
{
	int formula;

	if (sep)
		fputc(',', fp);
	if (!s)
		return;
	formula = text_csv_formula(s);
	if (!needs_quotes(s)) {
		if (formula)
			fputc('\'', fp); /* a spreadsheet would run it (OWASP CSV injection) */
		fputs(s, fp);
		return;
	}
	fputc('"', fp);
	if (formula)
		fputc('\'', fp);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', fp);
		fputc(*s, fp);
	}
	fputc('"', fp);
}

int csv_end_record(FILE *fp, cart_err *e)
{
	fputs("\r\n", fp);
	if (ferror(fp))
		return cart_fail(e, CART_IO, _("cannot write the CSV: %s"), strerror(errno ? errno : EIO));
	return CART_OK;
}

int csv_write_record(FILE *fp, const char *const *fields, int n, cart_err *e)
{
	for (int i = 0; i < n; i++)
		csv_write_field(fp, fields[i], i > 0);
	return csv_end_record(fp, e);
}
