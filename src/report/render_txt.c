/* Plain text for 80- and 132-column printers (issue 16). Every text line is exactly the printer's
 * width in display columns (UTF-8 aware, like src/base/output.c), and in a one-byte code page
 * exactly that many bytes.
 *
 * A table is kept until its last row, so its columns are as wide as what they hold (an amount
 * column as its widest amount, never cut; a header wraps over two or three lines rather than
 * widening its column), and a row is one line: when the table is wider than the paper, text
 * columns are cut towards their minimum. When even that does not fit, the columns the report
 * marked as droppable (report_col_drop: on a statement, the order reference, then the status,
 * then the due date) are left out one by one, in their order, until the row fits; that happens
 * on 80-column paper only, where a readable description matters more (the open documents below
 * the movements still give each open charge's due date and days overdue), and never to an
 * amount. In such a table, when nothing more may go, text is cut below its minimum (to FLOOR);
 * only when even that does not fit does a row go on over further, indented lines. An
 * amount wider than its column prints as '#' (never a cut number).
 *
 * A report is kept until its end too, so with a page length (continuous forms) every page can
 * start with a line naming the client (or the report) and "page N of M"; pages are parted by a
 * form feed, with none before the first page of the file nor after the last. A table going on
 * to a new page repeats its column header, and a client's rows going on repeat the client's
 * heading ("… (cont.)"); a table's title and header stay with its first rows, a total stays
 * with the row above it (a page never opens with a total) and the closing notes with the
 * report's last lines (a page never holds only them).
 *
 * The character set is UTF-8, CP850 or ISO-8859-1 (iconv). For a code page, what it lacks is
 * replaced before the line is measured ("—" by "-", "…" by "...", curly quotes by straight
 * ones, "€" by "EUR"), so widths stay exact; anything else it lacks prints as '?' and is counted
 * (rnd_close's *replaced), never dropped silently. CSV and JSON are in render_data.c. */
#include "config.h"

#include <errno.h>
#include <iconv.h>
#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cartera/bigmem.h"
#include "cartera/i18n.h"
#include "cartera/money.h"
#include "cartera/output.h"
#include "render_int.h"

#define INDENT 4
#define MAXW 132
#define FLOOR 8         /* text is cut below its column's minimum to this, rather than wrap */
#define HEAD_LINES 3    /* a column's header wraps over at most this many lines */

typedef struct tline {
	char *s;
	int table;              /* the table whose rows this line holds, -1 none */
	unsigned glue : 1;      /* keep with the line above: no page break before it */
	unsigned head : 1;      /* the table's column header or its rule: repeated on a new page */
	unsigned blank : 1;     /* dropped at the top of a page */
	unsigned section : 1;   /* a section's heading (a client's name): repeated, "(cont.)", on
	                         * a page its rows go on to */
} tline;

/* Text kept for a table (its cells) or for the report (its lines): blocks freed at once, not a
 * malloc per cell and per line (issue 17: the follow-up of 50,000 clients is 375,000 lines). */
typedef struct tblock {
	struct tblock *next;
	size_t used, size;
	max_align_t data[];
} tblock;

#define TBLOCK (256 * 1024)

/* n bytes aligned to align (a power of two no larger than max_align_t's): text is 1, so the
 * cells of 375,000 rows are not each rounded up to 16 bytes */
static void *t_alloc_a(tblock **head, size_t n, size_t align)
{
	tblock *b = *head;
	void *p;

	if (b)
		b->used = (b->used + align - 1) & ~(align - 1);
	if (!b || b->size < b->used || b->size - b->used < n) {
		size_t size = n > TBLOCK ? n : TBLOCK;

		if (!(b = malloc(sizeof *b + size)))
			return NULL;
		b->size = size;
		b->used = 0;
		b->next = *head;
		*head = b;
	}
	p = (char *)b->data + b->used;
	b->used += n;
	return p;
}

static void *t_alloc(tblock **head, size_t n)
{
	return t_alloc_a(head, n, sizeof(max_align_t));
}

static char *t_strdup(tblock **head, const char *s, size_t n)
{
	char *p = t_alloc_a(head, n + 1, 1);

	if (p) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

static void t_free(tblock **head)
{
	while (*head) {
		tblock *b = *head;

		*head = b->next;
		free(b);
	}
}

typedef struct ttab {
	int hfirst, hcount;     /* its header lines in lines[] */
} ttab;

typedef struct trow {
	int style;
	int ncells;
	char **cells;           /* cleaned text of each cell */
	unsigned char *amount;  /* an amount: never cut */
	const int *width;       /* each cell's display width, when measured (else NULL) */
} trow;

/* The text of a report written without pages, kept until its end (a report failing half way
 * writes nothing, as when its lines were kept) in large blocks rather than as lines. */
typedef struct tout {
	struct tout *next;
	size_t used, size;
	char data[];
} tout;

#define TOUT (8 * 1024 * 1024 - 64)

typedef struct txt {
	FILE *fp;
	int own;
	int width;
	int page_lines;         /* >0 pages, <0 none, 0 the report's (the company's) */
	char enc_set[12];       /* the encoding asked for, "" = the report's */
	int enc;                /* ENC_* of the report being written */
	iconv_t cd;             /* UTF-8 to the code page; (iconv_t)-1 for UTF-8 */
	long replaced;
	int written;            /* a page has gone out: the next starts with a form feed */
	int failed;
	/* the report being kept */
	const report *r;
	tline *lines;
	int nlines, caplines;
	tblock *line_text;      /* the lines' text */
	ttab *tabs;
	int ntabs, captabs;
	int glue_next;
	/* the table being kept */
	const rpt_table *tb;
	trow *rows;
	int nrows, caprows;
	tblock *row_text;       /* the rows' cells */
	int kept[RPT_MAX_COLS]; /* the widest cell of each column outside section headings */
	/* its layout */
	int w[RPT_MAX_COLS], x[RPT_MAX_COLS], line[RPT_MAX_COLS];
	unsigned char gone[RPT_MAX_COLS];   /* left out: the paper is too narrow */
	int ncols, nplines;
	/* the rows its picture draws (SPEC R7): each one's name, figures and their text */
	struct {
		char cat[128];
		int has[RPT_CHART_SERIES];
		int64_t v[RPT_CHART_SERIES];
		char fig[RPT_CHART_SERIES][64];
	} ch[RPT_CHART_ROWS];
	int nch;
	/* a report without pages: its lines go out as they come, none kept; to out, or straight to
	 * the file when nothing can fail after the first row (report_no_late_failure) */
	int stream_lines, direct;
	char *stage;            /* direct: the lines gathered for one write */
	size_t nstage;
	tout *out, *out_tail;
	tline scratch;          /* what keep_n hands back then: flags set on it go nowhere */
	/* a table laid out from the widths the report declared (report_col_widths): each row is
	 * written as it comes, none kept */
	int stream_rows;
	int s_last, s_data;     /* the style of the row before, the data rows so far */
	int too_wide;           /* a cell wider than declared */
} txt;

/* Append n bytes to the text kept for the end of the report. */
static void out_add(txt *t, const char *s, size_t n)
{
	while (n) {
		tout *b = t->out_tail;
		size_t k;

		if (!b || b->used == b->size) {
			if (!(b = big_alloc(sizeof *b + TOUT))) {
				t->failed = 1;
				return;
			}
			b->size = TOUT;
			b->used = 0;
			b->next = NULL;
			if (t->out_tail)
				t->out_tail->next = b;
			else
				t->out = b;
			t->out_tail = b;
		}
		k = b->size - b->used < n ? b->size - b->used : n;
		memcpy(b->data + b->used, s, k);
		b->used += k;
		s += k;
		n -= k;
	}
}

static void out_free(txt *t)
{
	while (t->out) {
		tout *b = t->out;

		t->out = b->next;
		big_free(b);
	}
	t->out_tail = NULL;
}

#define STAGE (64 * 1024)

static void stage_flush(txt *t)
{
	if (t->nstage)
		fwrite(t->stage, 1, t->nstage, t->fp);
	t->nstage = 0;
}

enum { ENC_UTF8 = 0, ENC_CP850, ENC_LATIN1 };

static const char *const enc_names[] = { "UTF-8", "CP850", "ISO-8859-1" };

int rnd_encoding_parse(const char *name)
{
	if (!name)
		return -1;
	if (!strcasecmp(name, "UTF-8") || !strcasecmp(name, "utf8"))
		return ENC_UTF8;
	if (!strcasecmp(name, "CP850") || !strcasecmp(name, "850") || !strcasecmp(name, "IBM850"))
		return ENC_CP850;
	if (!strcasecmp(name, "ISO-8859-1") || !strcasecmp(name, "latin1") ||
	    !strcasecmp(name, "ISO8859-1") || !strcasecmp(name, "latin-1"))
		return ENC_LATIN1;
	return -1;
}

const char *rnd_encoding_name(int enc)
{
	return enc >= 0 && enc <= ENC_LATIN1 ? enc_names[enc] : enc_names[0];
}

/* ---- the character set ---- */

/* What a code page lacks, written with what it has. Looked up only for characters iconv
 * refuses, so "«" stays "«" in CP850 and ISO-8859-1, which have it. */
static const struct { long cp; const char *with; } stand_ins[] = {
	{ 0x2010, "-" }, { 0x2011, "-" }, { 0x2012, "-" }, { 0x2013, "-" }, { 0x2014, "-" },
	{ 0x2015, "-" }, { 0x2212, "-" }, { 0x2026, "..." }, { 0x2018, "'" }, { 0x2019, "'" },
	{ 0x201A, "'" }, { 0x201B, "'" }, { 0x2032, "'" }, { 0x201C, "\"" }, { 0x201D, "\"" },
	{ 0x201E, "\"" }, { 0x201F, "\"" }, { 0x2033, "\"" }, { 0x2039, "<" }, { 0x203A, ">" },
	{ 0x20AC, "EUR" }, { 0x2022, "*" }, { 0x2023, "*" }, { 0x2122, "TM" }, { 0x2030, "o/oo" },
	{ 0x2264, "<=" }, { 0x2265, ">=" }, { 0x2260, "<>" }, { 0x2248, "~" }, { 0x00A0, " " },
	{ 0x2002, " " }, { 0x2003, " " }, { 0x2009, " " }, { 0x202F, " " }, { 0x2192, "->" },
	{ 0x2190, "<-" }, { 0x2116, "No." }, { 0x0152, "OE" }, { 0x0153, "oe" }, { 0x0160, "S" },
	{ 0x0161, "s" }, { 0x017D, "Z" }, { 0x017E, "z" }, { 0x0178, "Y" }, { 0x0192, "f" },
	{ 0x0141, "L" }, { 0x0142, "l" }, { 0x0179, "Z" }, { 0x017A, "z" }, { 0x017B, "Z" },
	{ 0x017C, "z" }, { 0x0106, "C" }, { 0x0107, "c" }, { 0x010C, "C" }, { 0x010D, "c" },
	{ 0x0143, "N" }, { 0x0144, "n" }, { 0x015A, "S" }, { 0x015B, "s" }, { 0x0104, "A" },
	{ 0x0105, "a" }, { 0x0118, "E" }, { 0x0119, "e" }, { 0x011B, "e" }, { 0x0158, "R" },
	{ 0x0159, "r" }, { 0x016E, "U" }, { 0x016F, "u" }, { 0x0150, "O" }, { 0x0151, "o" },
	{ 0x0170, "U" }, { 0x0171, "u" }, { 0x02C6, "^" }, { 0x02DC, "~" },
};

static int representable(txt *t, const char *ch, size_t len)
{
	char in[8], out[16], *ip = in, *op = out;
	size_t il = len, ol = sizeof out;

	memcpy(in, ch, len);
	iconv(t->cd, NULL, NULL, NULL, NULL);
	return iconv(t->cd, &ip, &il, &op, &ol) != (size_t)-1 && il == 0;
}

/* s as the printer can take it, still UTF-8: every character either one the code page has or
 * a stand-in; '?' (counted) for the rest. */
static void clean(txt *t, const char *s, char *out, size_t size)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = 0;

	if (t->enc == ENC_UTF8) {
		n = strlen(s);
		if (size) {
			if (n >= size)
				n = size - 1;
			memcpy(out, s, n);
			out[n] = '\0';
		}
		return;
	}
	while (*p && n + 5 < size) {
		long cp;
		int len = utf8_decode(p, &cp);
		const char *with = NULL;

		if (cp >= 0 && cp < 0x80) {
			out[n++] = (char)*p;
			p += len;
			continue;
		}
		if (cp >= 0 && representable(t, (const char *)p, (size_t)len)) {
			memcpy(out + n, p, (size_t)len);
			n += (size_t)len;
			p += len;
			continue;
		}
		for (size_t i = 0; cp >= 0 && i < sizeof stand_ins / sizeof stand_ins[0]; i++)
			if (stand_ins[i].cp == cp)
				with = stand_ins[i].with;
		if (!with) {
			with = "?";
			t->replaced++;
		}
		if (n + strlen(with) + 1 >= size)
			break;
		memcpy(out + n, with, strlen(with));
		n += strlen(with);
		p += len;
	}
	out[n] = '\0';
}

/* utf8_fit of cleaned text; a code page has no "…", so a cut ends in '.' there ("Nota cr.").
 * Returns its length in bytes. */
static int fit(txt *t, const char *s, int width, int right, char *buf)
{
	char *dots;
	int n = utf8_fit(s, width, right, buf);

	if (t->enc == ENC_UTF8)
		return n;
	while ((dots = strstr(buf, "\xE2\x80\xA6")))
		memmove(dots + 1, dots + 3, strlen(dots + 3) + 1), *dots = '.';
	return (int)strlen(buf);
}

/* ---- open and close ---- */

static int txt_open(const char *path, FILE *fp, int width, void **impl, cart_err *e)
{
	txt *t = calloc(1, sizeof *t);

	if (!t)
		return cart_fail(e, CART_NOMEM, _("out of memory"));
	t->width = width;
	t->cd = (iconv_t)-1;
	if (path) {
		if (!(t->fp = fopen(path, "w"))) {
			int err = errno;

			free(t);
			return cart_fail(e, CART_IO, _("cannot write %s: %s"), path, strerror(err));
		}
		t->own = 1;
	} else {
		t->fp = fp ? fp : stdout;
	}
	*impl = t;
	return CART_OK;
}

static void drop_rows(txt *t)
{
	t_free(&t->row_text);
	t->nrows = 0;
	memset(t->kept, 0, sizeof t->kept);
}

static void drop_lines(txt *t)
{
	t_free(&t->line_text);
	t->nlines = 0;
	t->ntabs = 0;
	out_free(t);
}

static int txt_close(void *impl, int abort, long *replaced, cart_err *e)
{
	txt *t = impl;
	int bad;

	stage_flush(t);
	free(t->stage);
	bad = ferror(t->fp) || t->failed;
	*replaced = t->replaced;
	if (t->own)
		bad |= fclose(t->fp) != 0;
	else
		bad |= fflush(t->fp) != 0;
	drop_rows(t);
	drop_lines(t);
	free(t->rows);
	free(t->lines);
	free(t->tabs);
	if (t->cd != (iconv_t)-1)
		iconv_close(t->cd);
	free(t);
	if (bad && !abort)
		return cart_fail(e, CART_IO, _("writing the text report failed"));
	return CART_OK;
}

/* ---- lines kept for the report ---- */

/* Bytes of the report's text: to the file, or kept for the end of a report without pages. */
static void put_bytes(txt *t, const char *s, size_t n)
{
	if (t->stream_lines && !t->direct) {
		out_add(t, s, n);
	} else if (t->direct && (t->stage || (t->stage = malloc(STAGE)))) {
		/* a line at a time through stdio had been a lock and a call each */
		if (t->nstage + n > STAGE)
			stage_flush(t);
		if (n > STAGE) {
			fwrite(s, 1, n, t->fp);
			return;
		}
		memcpy(t->stage + t->nstage, s, n);
		t->nstage += n;
	} else {
		fwrite(s, 1, n, t->fp);
	}
}

static void write_line_n(txt *t, const char *s, size_t n)
{
	if (t->enc == ENC_UTF8) {
		char line[4 * MAXW + 16];

		/* straight into the gathered lines when there is room */
		if (t->direct && t->stage && t->nstage + n + 1 <= STAGE) {
			memcpy(t->stage + t->nstage, s, n);
			t->stage[t->nstage + n] = '\n';
			t->nstage += n + 1;
			return;
		}
		/* the line and its newline in one go */
		if (n < sizeof line) {
			memcpy(line, s, n);
			line[n] = '\n';
			put_bytes(t, line, n + 1);
			return;
		}
		put_bytes(t, s, n);
	} else {
		char out[4 * MAXW + 8], *ip = (char *)s, *op = out;
		size_t il = n, ol = sizeof out - 1;

		iconv(t->cd, NULL, NULL, NULL, NULL);
		while (il && iconv(t->cd, &ip, &il, &op, &ol) == (size_t)-1) {
			long cp;
			int len = utf8_decode((const unsigned char *)ip, &cp);

			/* clean() let nothing through that the code page lacks; be safe anyway */
			if (errno == E2BIG || !ol)
				break;
			*op++ = '?';
			ol--;
			ip += len;
			il -= (size_t)len < il ? (size_t)len : il;
			t->replaced++;
		}
		*op = '\0';
		put_bytes(t, out, strlen(out));
	}
	put_bytes(t, "\n", 1);
}

static void write_line(txt *t, const char *s)
{
	write_line_n(t, s, strlen(s));
}


/* Keep a line that is already exactly the width. */
static tline *keep_n(txt *t, const char *s, size_t len)
{
	tline *l;

	if (t->stream_lines) {
		/* no pages: the line goes out now; its flags (for pages) go nowhere */
		write_line_n(t, s, len);
		memset(&t->scratch, 0, sizeof t->scratch);
		t->glue_next = 0;
		return &t->scratch;
	}
	if (t->nlines == t->caplines) {
		int cap = t->caplines ? 2 * t->caplines : 256;
		tline *n = realloc(t->lines, (size_t)cap * sizeof *n);

		if (!n) {
			t->failed = 1;
			return NULL;
		}
		t->lines = n;
		t->caplines = cap;
	}
	l = &t->lines[t->nlines];
	memset(l, 0, sizeof *l);
	if (!(l->s = t_strdup(&t->line_text, s, len))) {
		t->failed = 1;
		return NULL;
	}
	l->table = -1;
	l->glue = t->glue_next;
	t->glue_next = 0;
	t->nlines++;
	return l;
}

static tline *keep(txt *t, const char *s)
{
	return keep_n(t, s, strlen(s));
}

/* One line of text fitted to exactly the width. */
/* put_fit of text clean() has seen already (it changes nothing the second time) */
static tline *put_fit_clean(txt *t, const char *c)
{
	char buf[4 * MAXW + 8];
	int n = fit(t, c, t->width, 0, buf);
	tline *l = keep_n(t, buf, (size_t)n);

	if (l && !*c)
		l->blank = 1;
	return l;
}

static tline *put_fit(txt *t, const char *s)
{
	char c[1024];

	clean(t, s, c, sizeof c);
	return put_fit_clean(t, c);
}

static tline *put_rule(txt *t, char ch)
{
	char rule[MAXW + 1];

	memset(rule, ch, (size_t)t->width);
	rule[t->width] = '\0';
	return keep(t, rule);
}

/* Words wrapped to the width (notes can be long). */
static void put_wrapped(txt *t, const char *text)
{
	char c[2048], line[4 * MAXW + 8], word[512];
	const char *s = c;
	size_t len, ll = 0;
	int lw = 0;

	clean(t, text, c, sizeof c);
	len = strlen(c);
	/* the usual heading, words parted by one space that fit on one line: as it is (issue 17:
	 * 50,000 client headings in the follow-up, each otherwise taken apart word by word) */
	if (c[0] != ' ' && (!c[0] || c[len - 1] != ' ') && len < sizeof word &&
	    !strstr(c, "  ") && utf8_width(c) <= t->width) {
		put_fit_clean(t, c);
		return;
	}
	line[0] = '\0';
	while (*s) {
		size_t n = strcspn(s, " ");
		int ww;

		if (n >= sizeof word)
			n = sizeof word - 1;
		memcpy(word, s, n);
		word[n] = '\0';
		s += n;
		while (*s == ' ')
			s++;
		ww = utf8_width(word);
		if (lw && lw + 1 + ww > t->width) {
			put_fit_clean(t, line);
			line[0] = '\0';
			ll = 0;
			lw = 0;
		}
		/* ll is strlen(line) */
		if (ll + n + 2 < sizeof line) {
			if (lw)
				line[ll++] = ' ';
			memcpy(line + ll, word, n + 1);
			ll += n;
			lw += (lw ? 1 : 0) + ww;
		}
	}
	if (lw || !line[0])
		put_fit_clean(t, line);
}

/* The report's page length: --page-lines, else the company's; 0 none. */
static int page_len(const txt *t, const report *r)
{
	int plen = t->page_lines > 0 ? t->page_lines : t->page_lines < 0 ? 0 : r->page_lines;

	if (plen && plen < RND_MIN_PAGE_LINES)
		plen = RND_MIN_PAGE_LINES;
	return plen;
}

static int txt_begin(void *ud, const report *r, cart_err *e)
{
	txt *t = ud;
	const char *want = t->enc_set[0] ? t->enc_set : r->encoding;
	char left[400];

	drop_lines(t);
	/* without pages nothing is laid out at the end: the lines go out as they come (issue 17) */
	t->stream_lines = page_len(t, r) == 0;
	t->direct = t->stream_lines && r->no_late_failure;
	/* one endless page, as paginate() writes it: a form feed after an earlier report */
	if (t->direct && t->written++)
		fputc('\f', t->fp);
	t->stream_rows = 0;
	t->too_wide = 0;
	t->r = r;
	t->tb = NULL;
	t->glue_next = 0;
	t->enc = rnd_encoding_parse(want && *want ? want : "UTF-8");
	if (t->enc < 0)
		return cart_fail(e, CART_INVALID, _("printer encoding \"%s\": UTF-8, CP850 or"
		                 " ISO-8859-1"), want);
	if (t->cd != (iconv_t)-1)
		iconv_close(t->cd);
	t->cd = (iconv_t)-1;
	if (t->enc != ENC_UTF8 && (t->cd = iconv_open(enc_names[t->enc], "UTF-8")) == (iconv_t)-1)
		return cart_fail(e, CART_INVALID, _("this system cannot convert text to %s: %s"),
		                 enc_names[t->enc], strerror(errno));
	if (r->tax_label[0])
		snprintf(left, sizeof left, "%s — %s", r->company, r->tax_label);
	else
		snprintf(left, sizeof left, "%s", r->company);
	put_fit(t, left);
	for (int i = 0; i < r->nletterhead; i++)
		put_fit(t, r->letterhead[i]);
	put_fit(t, r->title);
	for (int i = 0; i < r->nlines; i++)
		put_wrapped(t, r->lines[i]);
	if (r->nclient)
		put_fit(t, "");
	for (int i = 0; i < r->nclient; i++)
		put_fit(t, r->client[i]);
	return CART_OK;
}

/* ---- tables ---- */

/* The display width of s and its length in bytes (*len), in one look at ASCII text. */
static int measure(const char *s, size_t *len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = 0;
	int w;

	while (p[n] && p[n] < 0x80)
		n++;
	if (!p[n]) {
		*len = n;
		return (int)n;
	}
	w = (int)n + utf8_width(s + n);
	*len = n + strlen(s + n);
	return w;
}

static void layout(txt *t, const rpt_table *tb);
static int table_head(txt *t, const rpt_table *tb, cart_err *e);
static void table_row(txt *t, const rpt_table *tb, const trow *row);

static int txt_table(void *ud, const report *r, const rpt_table *tb, cart_err *e)
{
	txt *t = ud;

	(void)r;
	drop_rows(t);
	t->tb = tb;
	t->nch = 0;
	t->stream_rows = 0;
	/* the widths known before the rows (and no code page to change them): laid out now, each
	 * row written as it comes (issue 17) */
	if (tb->nknown == tb->ncols && tb->ncols && t->enc == ENC_UTF8) {
		memcpy(t->kept, tb->known, sizeof t->kept);
		layout(t, tb);
		t->stream_rows = 1;
		return table_head(t, tb, e);
	}
	return CART_OK;
}

static int txt_row(void *ud, const report *r, const rpt_table *tb, const rpt_row *row, cart_err *e)
{
	txt *t = ud;
	trow *w, one;
	char cell[512], c[1024], *cells[RPT_MAX_COLS];
	char text[RPT_MAX_COLS][512];
	unsigned char amount[RPT_MAX_COLS];
	int widths[RPT_MAX_COLS];
	int n = row->style == RPT_ROW_SECTION ? (row->ncells ? 1 : 0) : tb->ncols;

	(void)e;
	if (t->stream_rows) {
		w = &one;
		w->cells = cells;
		w->amount = amount;
		w->width = widths;
	} else {
		if (t->nrows == t->caprows) {
			int cap = t->caprows ? 2 * t->caprows : 64;
			trow *nr = realloc(t->rows, (size_t)cap * sizeof *nr);

			if (!nr)
				return cart_fail(e, CART_NOMEM, _("out of memory"));
			t->rows = nr;
			t->caprows = cap;
		}
		w = &t->rows[t->nrows];
		w->cells = t_alloc(&t->row_text, (size_t)(n ? n : 1) * sizeof *w->cells);
		w->amount = t_alloc(&t->row_text, (size_t)(n ? n : 1));
		w->width = NULL;
		if (!w->cells || !w->amount)
			return cart_fail(e, CART_NOMEM, _("out of memory"));
		t->nrows++;
	}
	w->style = row->style;
	w->ncells = n;
	for (int i = 0; i < n; i++) {
		char *raw = t->stream_rows ? text[i] : cell;
		const char *v = c;
		size_t len;
		int cw;

		/* a text cell holds less than cell could (rpt_text keeps 255 bytes) */
		_Static_assert(sizeof r->cur_text[0] <= sizeof cell, "text cells fit cell");
		if (t->stream_rows && i < row->ncells && row->cells[i].kind == RPT_TEXT &&
		    t->enc == ENC_UTF8) {
			/* text written now, while the row's own copy lasts: as it is */
			v = row->cells[i].s;
		} else {
			if (i < row->ncells)
				rpt_cell_text(r, &row->cells[i], raw, sizeof cell);
			else
				raw[0] = '\0';
			if (t->enc == ENC_UTF8)
				v = raw;        /* clean() would copy it as it is */
			else
				clean(t, raw, c, sizeof c);
		}
		w->amount[i] = i < row->ncells && row->cells[i].kind == RPT_AMOUNT;
		/* each column's widest cell as the rows come (issue 17: not a second look at the
		 * 2.6 M cells of the follow-up of 50,000 clients when the table ends) */
		cw = measure(v, &len);
		if (t->stream_rows) {
			/* laid out already: a wider cell than the report said is its bug */
			if (row->style != RPT_ROW_SECTION && cw > t->kept[i])
				t->too_wide = 1;
			w->cells[i] = (char *)v;
			widths[i] = cw;
			continue;
		}
		if (row->style != RPT_ROW_SECTION && cw > t->kept[i])
			t->kept[i] = cw;
		if (!(w->cells[i] = t_strdup(&t->row_text, v, len))) {
			w->ncells = i;
			return cart_fail(e, CART_NOMEM, _("out of memory"));
		}
	}
	if (tb->chart.kind && row->style == tb->chart.rows && t->nch < RPT_CHART_ROWS) {
		const rpt_chart *ch = &tb->chart;
		int k = t->nch++;

		memset(&t->ch[k], 0, sizeof t->ch[k]);
		if (ch->cat_col < n)
			snprintf(t->ch[k].cat, sizeof t->ch[k].cat, "%s", w->cells[ch->cat_col]);
		for (int i = 0; i < ch->nseries; i++) {
			const rpt_cell *cl;

			if (ch->series[i] >= row->ncells)
				continue;
			cl = &row->cells[ch->series[i]];
			t->ch[k].has[i] = cl->kind == RPT_AMOUNT || cl->kind == RPT_INT;
			t->ch[k].v[i] = cl->v;
			rpt_cell_text(r, cl, cell, sizeof cell);
			clean(t, cell, t->ch[k].fig[i], sizeof t->ch[k].fig[i]);
		}
	}
	if (t->stream_rows)
		table_row(t, tb, w);
	return CART_OK;
}

/* The longest word of a header: the narrowest its column can be without cutting a word. */
static int longest_word(const char *s)
{
	char word[256];
	int best = 0;

	while (*s) {
		size_t n = strcspn(s, " ");

		if (n >= sizeof word)
			n = sizeof word - 1;
		memcpy(word, s, n);
		word[n] = '\0';
		if (utf8_width(word) > best)
			best = utf8_width(word);
		s += n;
		while (*s == ' ')
			s++;
	}
	return best;
}

/* A header wrapped into at most HEAD_LINES lines of width w; returns how many. */
static int wrap_head(const char *s, int w, char out[HEAD_LINES][512])
{
	int n = 0;

	out[0][0] = '\0';
	while (*s) {
		size_t len = strcspn(s, " ");
		char word[256];

		if (len >= sizeof word)
			len = sizeof word - 1;
		memcpy(word, s, len);
		word[len] = '\0';
		s += len;
		while (*s == ' ')
			s++;
		if (out[n][0] && utf8_width(out[n]) + 1 + utf8_width(word) > w) {
			if (n + 1 < HEAD_LINES)
				out[++n][0] = '\0';
		}
		if (strlen(out[n]) + len + 2 < 512) {
			if (out[n][0])
				strcat(out[n], " ");
			strcat(out[n], word);
		}
	}
	return n + 1;
}

/* Widths and places: see the comment at the top. */
static void layout(txt *t, const rpt_table *tb)
{
	int n = tb->ncols, total = 0, x = 0, line = 0, want[RPT_MAX_COLS], least[RPT_MAX_COLS];
	int droppable = 0;

	t->ncols = n;
	for (int i = 0; i < n; i++) {
		int kept = t->kept[i], head = longest_word(tb->cols[i].name);

		want[i] = kept > head ? kept : head;
		if (want[i] < 1)
			want[i] = 1;
		/* text gives way down to its minimum; amounts, dates and numbers never */
		least[i] = tb->cols[i].kind == RPT_TEXT && tb->cols[i].min < want[i] ?
		           tb->cols[i].min : want[i];
		if (least[i] < 1)
			least[i] = 1;
		t->w[i] = want[i];
		t->gone[i] = 0;
		total += t->w[i] + (i ? 1 : 0);
	}
	for (int i = 0; i < n; i++)
		droppable |= tb->cols[i].drop > 0;
	/* too wide even with the text at its narrowest: leave out what the report lets go */
	for (;;) {
		int narrowest = 0, next = -1;

		for (int i = 0, k = 0; i < n; i++)
			if (!t->gone[i])
				narrowest += least[i] + (k++ ? 1 : 0);
		if (narrowest <= t->width)
			break;
		for (int i = 0; i < n; i++)
			if (!t->gone[i] && tb->cols[i].drop > 0 &&
			    (next < 0 || tb->cols[i].drop < tb->cols[next].drop))
				next = i;
		if (next < 0)
			break;
		t->gone[next] = 1;
		total -= t->w[next] + 1;
	}
	while (total > t->width) {
		int best = -1, cut;

		for (int i = 0; i < n; i++)
			if (!t->gone[i] && t->w[i] > least[i] &&
			    (best < 0 || t->w[i] - least[i] > t->w[best] - least[best]))
				best = i;
		if (best < 0)
			break;
		cut = t->w[best] - least[best];
		if (cut > total - t->width)
			cut = total - t->width;
		t->w[best] -= cut;
		total -= cut;
	}
	/* a table that lets columns go wants its rows on one line (the statement's movements): when
	 * nothing more may go, its text goes below its minimum, to FLOOR, before a row wraps */
	while (total > t->width && droppable) {
		int best = -1, cut;

		for (int i = 0; i < n; i++)
			if (!t->gone[i] && tb->cols[i].kind == RPT_TEXT && t->w[i] > FLOOR &&
			    (best < 0 || t->w[i] > t->w[best]))
				best = i;
		if (best < 0)
			break;
		cut = t->w[best] - FLOOR;
		if (cut > total - t->width)
			cut = total - t->width;
		t->w[best] -= cut;
		total -= cut;
	}
	/* rows go on over several lines anyway: let the text have its room back */
	if (total > t->width)
		for (int i = 0; i < n; i++)
			t->w[i] = want[i];
	/* room to spare: a header on one line rather than wrapped */
	for (int i = 0; total < t->width && i < n; i++) {
		int hw = utf8_width(tb->cols[i].name);

		if (!t->gone[i] && hw > t->w[i] && hw - t->w[i] <= t->width - total) {
			total += hw - t->w[i];
			t->w[i] = hw;
		}
	}
	for (int i = 0; i < n; i++) {
		if (t->gone[i]) {
			t->line[i] = -1;
			continue;
		}
		if (t->w[i] > t->width - INDENT)
			t->w[i] = t->width - INDENT;
		if (x > (line ? INDENT : 0) && x + 1 + t->w[i] > t->width) {
			line++;
			x = INDENT;
		} else if (x > (line ? INDENT : 0)) {
			x++;
		}
		t->x[i] = x;
		t->line[i] = line;
		x += t->w[i];
	}
	t->nplines = line + 1;
}

/* Keep one row (the header texts when row is NULL: wrapped, bottom-aligned). */
static void put_row(txt *t, const rpt_table *tb, const trow *row, int glue)
{
	char out[4 * MAXW + 8], cell[1024], buf[4 * MAXW + 8];
	char head[RPT_MAX_COLS][HEAD_LINES][512];
	int hl[RPT_MAX_COLS], nh = 1;

	if (!row) {
		for (int i = 0; i < t->ncols; i++) {
			char cl[500];

			hl[i] = 0;
			if (t->gone[i])
				continue;
			clean(t, tb->cols[i].name, cl, sizeof cl);
			hl[i] = t->nplines > 1 ? (snprintf(head[i][0], 512, "%s", cl), 1) :
			        wrap_head(cl, t->w[i], head[i]);
			if (hl[i] > nh)
				nh = hl[i];
		}
	}
	for (int ln = 0; ln < t->nplines; ln++) {
		for (int hk = 0; hk < nh; hk++) {
			size_t len = 0;
			int col = 0, bytes;
			const char *cv;
			tline *l;

			for (int i = 0; i < t->ncols; i++) {
				int right = tb->cols[i].align == RPT_RIGHT;

				if (t->line[i] != ln)
					continue;
				for (; col < t->x[i]; col++)
					out[len++] = ' ';
				if (!row) {
					int k = hk - (nh - hl[i]);

					cv = k >= 0 ? head[i][k] : "";
				} else {
					cv = i < row->ncells ? row->cells[i] : "";
					if (i < row->ncells && row->amount[i] &&
					    (row->width ? row->width[i] : utf8_width(cv)) > t->w[i]) {
						memset(cell, '#', (size_t)t->w[i]);
						cell[t->w[i]] = '\0';
						cv = cell;
					}
				}
				/* into the line itself when it has room for the most a cell can
				 * take (4 bytes a column and an ellipsis), else through buf */
				if (len + 4 * (size_t)t->w[i] + 8 <= sizeof out) {
					bytes = fit(t, cv, t->w[i], right, out + len);
					if (len + (size_t)bytes < sizeof out - 1)
						len += (size_t)bytes;
				} else {
					bytes = fit(t, cv, t->w[i], right, buf);
					if (len + (size_t)bytes < sizeof out - 1) {
						memcpy(out + len, buf, (size_t)bytes);
						len += (size_t)bytes;
					}
				}
				col += t->w[i];
			}
			for (; col < t->width; col++)
				out[len++] = ' ';
			out[len] = '\0';
			if ((l = keep_n(t, out, len))) {
				l->glue = glue || ln || hk;
				l->head = !row;
				l->table = t->ntabs - 1;
			}
		}
	}
}

/* ---- pictures (SPEC R7): the bars the screen and the PDF draw, of the table's own figures ---- */

/* Block characters where the text is UTF-8 and so is the locale; '#' and '=' otherwise. A
 * stacked bar's segments each have their own character (as the dashboard's bar), so it reads
 * without colour: the first is not yet due, the last over the last range. */
static const char *bar_sym(const txt *t, int i, int n)
{
	static const char *u[] = { "░", "▒", "▓", "█" }, *a[] = { "-", "=", "+", "#" };
	const char *cs = nl_langinfo(CODESET);
	int blocks = t->enc == ENC_UTF8 && cs && !strcmp(cs, "UTF-8");

	if (n < 0)
		return blocks ? "█" : "#";
	if (i == n - 1 && n > 1)
		return blocks ? "▚" : "@";
	return (blocks ? u : a)[i < 3 ? i : 3];
}

/* Append n copies of sym and pad (spaces up to display column `to`) to line. */
static void add_cells(char *line, size_t size, int *col, const char *sym, int n)
{
	size_t len = strlen(line), sl = strlen(sym);

	for (int i = 0; i < n && len + sl < size; i++, (*col)++) {
		memcpy(line + len, sym, sl);
		len += sl;
	}
	line[len] = '\0';
}

static void add_text(char *line, size_t size, int *col, const char *s, int width, int right)
{
	char buf[4 * MAXW + 8];
	size_t len = strlen(line);

	utf8_fit(s, width, right, buf);
	snprintf(line + len, size - len, "%s", buf);
	*col += width;
}

static tline *put_glued(txt *t, const char *s)
{
	tline *l = put_fit(t, s);

	if (l)
		l->glue = 1;
	return l;
}

/* STACKED: per row (a currency's total) its name, then one bar the width of the paper with a
 * segment per series in proportion to its figure (whole cells, largest remainders, so they add
 * up to the bar), then a line per series: its character, name, figure and share in whole
 * percent (rounded half up), as the PDF prints them. */
static void draw_stacked(txt *t, const rpt_table *tb)
{
	const rpt_chart *ch = &tb->chart;
	int bw = t->width - 4, figw = 1;

	for (int k = 0; k < t->nch; k++)
		for (int i = 0; i < ch->nseries; i++)
			if (utf8_width(t->ch[k].fig[i]) > figw)
				figw = utf8_width(t->ch[k].fig[i]);
	for (int k = 0; k < t->nch; k++) {
		int64_t sum = 0, v[RPT_CHART_SERIES];
		int cells[RPT_CHART_SERIES], col = 2;
		char line[4 * 4 * MAXW + 8] = "  ";

		for (int i = 0; i < ch->nseries; i++) {
			v[i] = t->ch[k].has[i] && t->ch[k].v[i] > 0 ? t->ch[k].v[i] : 0;
			sum += v[i];
		}
		_Static_assert(RPT_CHART_SERIES <= MONEY_SHARES_MAX, "a chart's series fit the shares");
		money_apportion(v, ch->nseries, bw, cells);
		put_glued(t, t->ch[k].cat);
		for (int i = 0; i < ch->nseries && sum > 0; i++)
			add_cells(line, sizeof line, &col, bar_sym(t, i, ch->nseries), cells[i]);
		if (sum > 0)
			put_glued(t, line);
		for (int i = 0; i < ch->nseries; i++) {
			char pct[16] = "", name[500];
			int nw = t->width - 4 - 2 - figw - 1 - 5;

			if (sum > 0 && t->ch[k].has[i])
				snprintf(pct, sizeof pct, "%lld %%", (long long)(((__int128)(t->ch[k].v[i] > 0 ?
				         t->ch[k].v[i] : 0) * 100 + sum / 2) / sum));
			snprintf(line, sizeof line, "  %s ", bar_sym(t, i, ch->nseries));
			col = 4;
			clean(t, tb->cols[ch->series[i]].name, name, sizeof name);
			add_text(line, sizeof line, &col, name, nw > 20 ? 20 : nw, 0);
			add_text(line, sizeof line, &col, " ", 1, 0);
			add_text(line, sizeof line, &col, t->ch[k].has[i] ? t->ch[k].fig[i] : "", figw, 1);
			add_text(line, sizeof line, &col, " ", 1, 0);
			add_text(line, sizeof line, &col, pct, 5, 1);
			put_glued(t, line);
		}
	}
}

/* LINE: per series its name, then per row (a month) its name, a bar in proportion to the
 * largest figure of the series (whole cells, rounded half up, in integers) and the figure beside
 * the bar's end; a row without a figure has neither. */
static void draw_lines(txt *t, const rpt_table *tb)
{
	const rpt_chart *ch = &tb->chart;
	int catw = 1, figw = 1;

	for (int k = 0; k < t->nch; k++) {
		if (utf8_width(t->ch[k].cat) > catw)
			catw = utf8_width(t->ch[k].cat);
		for (int i = 0; i < ch->nseries; i++)
			if (utf8_width(t->ch[k].fig[i]) > figw)
				figw = utf8_width(t->ch[k].fig[i]);
	}
	if (catw > 20)
		catw = 20;
	for (int i = 0; i < ch->nseries; i++) {
		int64_t max = 0;
		int bw = t->width - 2 - catw - 1 - 1 - figw;

		for (int k = 0; k < t->nch; k++)
			if (t->ch[k].has[i] && t->ch[k].v[i] > max)
				max = t->ch[k].v[i];
		put_glued(t, tb->cols[ch->series[i]].name);
		for (int k = 0; k < t->nch; k++) {
			char line[4 * 4 * MAXW + 8] = "  ";
			int col = 2, n = 0;

			add_text(line, sizeof line, &col, t->ch[k].cat, catw, 0);
			add_text(line, sizeof line, &col, " ", 1, 0);
			if (t->ch[k].has[i] && max > 0 && t->ch[k].v[i] > 0 && bw > 0)
				n = (int)(((__int128)t->ch[k].v[i] * bw * 2 + max) / (2 * (__int128)max));
			add_cells(line, sizeof line, &col, bar_sym(t, 0, -1), n);
			if (t->ch[k].has[i]) {
				add_text(line, sizeof line, &col, n ? " " : "", n ? 1 : 0, 0);
				add_text(line, sizeof line, &col, t->ch[k].fig[i], utf8_width(t->ch[k].fig[i]), 0);
			}
			put_glued(t, line);
		}
	}
}

static void draw_chart(txt *t, const rpt_table *tb)
{
	tline *l;

	if (!tb->chart.kind || !t->nch)
		return;
	put_fit(t, "");
	if ((l = put_fit(t, tb->chart.title[0] ? tb->chart.title : tb->title)))
		l->glue = 0;
	if (tb->chart.kind == RPT_CHART_STACKED)
		draw_stacked(t, tb);
	else
		draw_lines(t, tb);
	t->nch = 0;
}

/* The table's title and column header, once its layout is known. */
static int table_head(txt *t, const rpt_table *tb, cart_err *e)
{
	tline *l;

	if (t->ntabs == t->captabs) {
		int cap = t->captabs ? 2 * t->captabs : 8;
		ttab *n = realloc(t->tabs, (size_t)cap * sizeof *n);

		if (!n)
			return cart_fail(e, CART_NOMEM, _("out of memory"));
		t->tabs = n;
		t->captabs = cap;
	}
	put_fit(t, "");
	if (tb->title[0])
		put_fit(t, tb->title);
	t->ntabs++;
	t->tabs[t->ntabs - 1].hfirst = t->nlines;
	/* the header stays with the title above it and the first rows below it */
	put_row(t, tb, NULL, tb->title[0] != '\0');
	if ((l = put_rule(t, '-'))) {
		l->glue = 1;
		l->head = 1;
		l->table = t->ntabs - 1;
	}
	t->tabs[t->ntabs - 1].hcount = t->nlines - t->tabs[t->ntabs - 1].hfirst;
	t->s_last = RPT_ROW_DATA;
	t->s_data = 0;
	return CART_OK;
}

/* One row's lines, under the header table_head wrote. */
static void table_row(txt *t, const rpt_table *tb, const trow *row)
{
	tline *l;

	if (row->style == RPT_ROW_SECTION) {
		int from = t->nlines;

		/* a heading (a client, its tax id and contact) is wrapped, never cut */
		put_wrapped(t, row->ncells ? row->cells[0] : "");
		for (int h = from; h < t->nlines; h++) {
			t->lines[h].table = t->ntabs - 1;
			t->lines[h].section = h == from;
			t->lines[h].glue = h > from;
			t->lines[h].blank = 0;
		}
		t->glue_next = 1;   /* a section's name stays with its first row */
	} else {
		int total = row->style == RPT_ROW_TOTAL || row->style == RPT_ROW_GROUP_TOTAL;

		/* a total stays with the row above it, never alone at the top of a page */
		if (total && t->s_last == RPT_ROW_DATA && (l = put_rule(t, '-'))) {
			l->glue = 1;
			l->table = t->ntabs - 1;
		}
		put_row(t, tb, row, total || t->s_data < 2);
		if (row->style == RPT_ROW_DATA)
			t->s_data++;
	}
	t->s_last = row->style;
}

static int txt_table_end(void *ud, const report *r, const rpt_table *tb, cart_err *e)
{
	txt *t = ud;
	int rc;

	(void)r;
	if (!t->stream_rows) {
		layout(t, tb);
		if ((rc = table_head(t, tb, e)) != CART_OK)
			return rc;
		for (int k = 0; k < t->nrows; k++)
			table_row(t, tb, &t->rows[k]);
	}
	t->stream_rows = 0;
	draw_chart(t, tb);
	drop_rows(t);
	t->tb = NULL;
	return t->failed ? cart_fail(e, CART_NOMEM, _("out of memory")) : CART_OK;
}

/* ---- pages and the file ---- */

static void page_head(txt *t, int page, int pages)
{
	char num[64], who[400], c[1024], left[4 * MAXW + 8], line[8 * MAXW + 16];
	int nw;

	snprintf(num, sizeof num, _("page %d of %d"), page, pages);
	nw = utf8_width(num);
	if (t->r->nclient)
		snprintf(who, sizeof who, "%s", t->r->client[0]);
	else
		snprintf(who, sizeof who, "%s — %s", t->r->company, t->r->title);
	clean(t, who, c, sizeof c);
	fit(t, c, t->width - nw - 1, 0, left);
	snprintf(line, sizeof line, "%s %s", left, num);
	write_line(t, line);
	memset(line, ' ', (size_t)t->width);
	line[t->width] = '\0';
	write_line(t, line);
}

/* Lay the kept lines out on pages of plen lines (0: one endless page); write them when out,
 * else only count. Returns the number of pages. */
static int paginate(txt *t, int plen, int pages, int out)
{
	int i = 0, page = 0;

	while (i < t->nlines || (!page && !t->nlines)) {
		int used = 0, j, repeat = -1, cont = -1;

		page++;
		if (out && t->written++)
			fputc('\f', t->fp);
		if (plen) {
			if (out)
				page_head(t, page, pages);
			used = 2;
			if (page > 1)
				while (i < t->nlines && t->lines[i].blank)
					i++;
			if (page > 1 && i < t->nlines && t->lines[i].table >= 0 && !t->lines[i].head) {
				repeat = t->lines[i].table;
				used += t->tabs[repeat].hcount;
				/* the heading of the section going on, unless one starts the page */
				for (int k = i - 1; !t->lines[i].section && k >= 0 &&
				     t->lines[k].table == repeat && !t->lines[k].head; k--)
					if (t->lines[k].section) {
						cont = k;
						used++;
						break;
					}
			}
		}
		j = i;
		while (j < t->nlines && (!plen || used < plen)) {
			used++;
			j++;
		}
		if (plen && j < t->nlines) {
			int b = j;

			while (b > i && t->lines[b].glue)
				b--;
			if (b > i)
				j = b;
		}
		if (j == i && i < t->nlines)
			j = i + 1;   /* a page shorter than what must stay together: move on */
		if (out) {
			if (repeat >= 0)
				for (int k = 0; k < t->tabs[repeat].hcount; k++)
					write_line(t, t->lines[t->tabs[repeat].hfirst + k].s);
			if (cont >= 0) {
				char name[4 * MAXW + 8], text[4 * MAXW + 32], buf[4 * MAXW + 8];
				int n = (int)strlen(t->lines[cont].s);

				/* the kept heading without its padding, then "(cont.)" */
				while (n > 0 && t->lines[cont].s[n - 1] == ' ')
					n--;
				snprintf(name, sizeof name, "%.*s", n, t->lines[cont].s);
				snprintf(text, sizeof text, _("%s (cont.)"), name);
				fit(t, text, t->width, 0, buf);
				write_line(t, buf);
			}
			for (int k = i; k < j; k++)
				write_line(t, t->lines[k].s);
		}
		i = j;
		if (!t->nlines)
			break;
	}
	return page;
}

static int txt_end(void *ud, const report *r, cart_err *e)
{
	txt *t = ud;
	int plen = page_len(t, r);

	if (r->nnotes) {
		tline *l = put_fit(t, "");

		if (l)
			l->glue = 1;
	}
	for (int i = 0; i < r->nnotes; i++) {
		/* the closing notes stay with the report's last line: never a page of them alone */
		t->glue_next = 1;
		put_wrapped(t, r->notes[i]);
	}
	if (t->too_wide)
		return cart_fail(e, CART_INVALID, _("a cell of the report is wider than its column was"
		                 " declared (a bug in the report)"));
	if (t->failed)
		return cart_fail(e, CART_NOMEM, _("out of memory"));
	if (t->stream_lines) {
		/* one endless page, as paginate() writes it: a form feed after an earlier report */
		if (!t->direct && t->written++)
			fputc('\f', t->fp);
		for (tout *b = t->out; b; b = b->next)
			fwrite(b->data, 1, b->used, t->fp);
		stage_flush(t);
		t->stream_lines = t->direct = 0;
	} else {
		paginate(t, plen, plen ? paginate(t, plen, 0, 0) : 1, 1);
	}
	drop_lines(t);
	return ferror(t->fp) ? cart_fail(e, CART_IO, _("writing the text report failed")) : CART_OK;
}

static void txt_page_lines(void *impl, int n)
{
	((txt *)impl)->page_lines = n;
}

int rnd_txt_encoding(void *impl, const char *name, cart_err *e)
{
	txt *t = impl;
	int enc = rnd_encoding_parse(name);

	if (enc < 0)
		return cart_fail(e, CART_INVALID, _("printer encoding \"%s\": UTF-8, CP850 or"
		                 " ISO-8859-1"), name ? name : "");
	snprintf(t->enc_set, sizeof t->enc_set, "%s", enc_names[enc]);
	return CART_OK;
}

static const rpt_sink txt_sink = { txt_begin, txt_table, txt_row, txt_table_end, txt_end };
const rnd_ops rnd_txt_ops = { &txt_sink, txt_open, txt_close, txt_page_lines };
