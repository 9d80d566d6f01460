/* Tables for the command line in text, CSV or JSON. See include/cartera/output.h.
 * Display widths come from our own small table, not wcwidth(): wcwidth follows the process
 * locale, and a report must line up the same under LANG=C in cron as in the clerk's terminal. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cartera/output.h"
#include "cartera/text.h"

/* Blank columns between text columns. */
#define OUT_GAP 2
/* Text columns are clamped to this display width so a cell always fits a stack buffer; no
 * terminal report needs a wider column. */
#define OUT_MAX_WIDTH 256

static const char ellipsis[] = "\xe2\x80\xa6";	/* U+2026 */

int out_format_parse(const char *name)
{
	if (!name)
		return -1;
	if (strcmp(name, "text") == 0)
		return OUT_TEXT;
	if (strcmp(name, "csv") == 0)
		return OUT_CSV;
	if (strcmp(name, "json") == 0)
		return OUT_JSON;
	return -1;
}

int utf8_decode(const unsigned char *s, long *cp)
{
	unsigned char c = s[0];
	long v, min;
	int n, i;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		n = 2;
		v = c & 0x1f;
		min = 0x80;
	} else if ((c & 0xf0) == 0xe0) {
		n = 3;
		v = c & 0x0f;
		min = 0x800;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4;
		v = c & 0x07;
		min = 0x10000;
	} else {
		*cp = -1;
		return 1;
	}
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80) {
			*cp = -1;
			return 1;
		}
		v = v << 6 | (s[i] & 0x3f);
	}
	if (v < min || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) {
		*cp = -1;
		return 1;
	}
	*cp = v;
	return n;
}

/* East Asian wide and fullwidth ranges, after Markus Kuhn's wcwidth. */
static const struct {
	long lo, hi;
} wide[] = {
	{ 0x1100, 0x115f },	/* Hangul Jamo initials */
	{ 0x2329, 0x232a },	/* angle brackets */
	{ 0x2e80, 0x303e },	/* CJK radicals .. CJK symbols */
	{ 0x3040, 0xa4cf },	/* kana .. CJK ideographs .. Yi */
	{ 0xac00, 0xd7a3 },	/* Hangul syllables */
	{ 0xf900, 0xfaff },	/* CJK compatibility ideographs */
	{ 0xfe10, 0xfe19 },	/* vertical forms */
	{ 0xfe30, 0xfe6f },	/* CJK compatibility forms */
	{ 0xff00, 0xff60 },	/* fullwidth forms */
	{ 0xffe0, 0xffe6 },
	{ 0x1f300, 0x1f64f },	/* pictographs, emoticons */
	{ 0x1f900, 0x1f9ff },
	{ 0x20000, 0x2fffd },	/* CJK extension planes */
	{ 0x30000, 0x3fffd },
};

/* Width of one decoded character; invalid bytes are shown as one "?" and so count 1. */
static int cp_width(long cp)
{
	size_t i;

	if (cp < 0x300)         /* Latin: every table of 50,000 rows is mostly this */
		return 1;
	if (cp <= 0x36f)
		return 0;
	for (i = 0; i < sizeof wide / sizeof wide[0]; i++) {
		if (cp >= wide[i].lo && cp <= wide[i].hi)
			return 2;
	}
	return 1;
}

int utf8_width(const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	int w = 0;
	long cp;

	while (*p) {
		if (*p < 0x80) {        /* ASCII, one column each (a control byte is shown as one) */
			p++;
			w++;
			continue;
		}
		p += utf8_decode(p, &cp);
		w += cp_width(cp);
	}
	return w;
}

const char *utf8_skip(const char *s, int cols)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	int w = 0;
	long cp;

	while (*p && w < cols) {
		p += utf8_decode(p, &cp);
		w += cp_width(cp);
	}
	/* the accents of the last letter skipped go with it */
	while (*p) {
		int len = utf8_decode(p, &cp);

		if (cp_width(cp) != 0 || cp < 0x300)
			break;
		p += len;
	}
	return (const char *)p;
}

int utf8_fit(const char *s, int width, int right, char *buf)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	int cols = 0, n = 0, avail, len, w, pad;
	long cp;

	if (width <= 0) {
		buf[0] = '\0';
		return 0;
	}
	/* the usual cell, printable ASCII that fits: copied and padded (issue 17: a report of
	 * 375,000 lines fits some two million cells) */
	for (n = 0; n <= width && p[n] >= 0x20 && p[n] < 0x7f; n++)
		;
	if (!p[n] && n <= width) {
		pad = width - n;
		if (right) {
			memset(buf, ' ', (size_t)pad);
			memcpy(buf + pad, p, (size_t)n);
		} else {
			memcpy(buf, p, (size_t)n);
			memset(buf + n, ' ', (size_t)pad);
		}
		buf[width] = '\0';
		return width;
	}
	n = 0;
	avail = utf8_width(s) > width ? width - 1 : width;
	while (*p) {
		/* printable ASCII among other text (a client's heading: "—", "·"): one column, copied
		 * without decoding, as the general case below would copy it */
		if (*p >= 0x20 && *p < 0x7f) {
			if (cols + 1 > avail)
				break;
			buf[n++] = (char)*p++;
			cols++;
			continue;
		}
		len = utf8_decode(p, &cp);
		w = cp_width(cp);
		if (cols + w > avail)
			break;
		if (cp < 0 || cp < 0x20 || cp == 0x7f) {
			/* A control byte (a newline in a name) would break the table's lines,
			 * and an invalid byte would garble the terminal: one visible column
			 * each. */
			buf[n++] = cp < 0 ? '?' : ' ';
		} else if (n + len <= 4 * (cols + w)) {
			memcpy(buf + n, p, (size_t)len);
			n += len;
		}
		/* else: a pile of combining marks on one letter; the rest of the pile is
		 * dropped so the text keeps within 4 bytes per column, the room the caller
		 * was told to give. */
		cols += w;
		p += len;
	}
	if (*p) {
		memcpy(buf + n, ellipsis, sizeof ellipsis - 1);
		n += (int)sizeof ellipsis - 1;
		cols++;
	}
	pad = width - cols;
	if (right) {
		memmove(buf + pad, buf, (size_t)n);
		memset(buf, ' ', (size_t)pad);
	} else {
		memset(buf + n, ' ', (size_t)pad);
	}
	n += pad;
	buf[n] = '\0';
	return n;
}

/* The text of cell i; values NULL stands for the header line, the columns' names. */
static const char *cell(const out_table *t, const char *const *values, int i)
{
	const char *v = values ? values[i] : t->cols[i].name;

	return v ? v : "";
}

/* ---- text ---- */

static int col_width(const out_col *c)
{
	if (c->width < 0)
		return 0;
	return c->width > OUT_MAX_WIDTH ? OUT_MAX_WIDTH : c->width;
}

/* Write s, holding back blanks until something visible follows them, so that no line ends in
 * padding: the columns line up all the same, and diffs and pasted reports stay clean. */
static void put_trimmed(FILE *fp, const char *s, int *pending)
{
	for (; *s; s++) {
		if (*s == ' ') {
			(*pending)++;
			continue;
		}
		for (; *pending > 0; (*pending)--)
			putc(' ', fp);
		putc(*s, fp);
	}
}

/* The line is built whole and written at once, its blanks at the end left out: what
 * put_trimmed does cell by cell, without a putc per character (a quarter of the text aging). */
static void text_line(out_table *t, const char *const *values)
{
	char buf[4 * OUT_MAX_WIDTH + 1], line[8192];
	size_t len = 0;
	int i, pending = 0;

	for (i = 0; i < t->ncols; i++) {
		const out_col *c = &t->cols[i];
		const char *v = cell(t, values, i);
		int width = col_width(c), n;

		if (i > 0)
			pending += OUT_GAP;
		/* A cut amount ("1,234,5…") reads as a different amount: right-aligned cells are
		 * numbers, so they overflow their column instead. Headers are cut as usual. */
		if (values && c->right && utf8_width(v) > width) {
			n = (int)strlen(v);
			memcpy(buf, v, (size_t)n + 1);
		} else {
			n = utf8_fit(v, width, c->right, buf);
		}
		if (len + (size_t)pending + (size_t)n + 2 > sizeof line) {
			/* a line longer than any table has: cell by cell */
			fwrite(line, 1, len, t->fp);
			len = 0;
			put_trimmed(t->fp, buf, &pending);
			continue;
		}
		memset(line + len, ' ', (size_t)pending);
		memcpy(line + len + (size_t)pending, buf, (size_t)n);
		len += (size_t)pending + (size_t)n;
		/* the blanks at its end wait for something visible */
		pending = 0;
		while (len > 0 && line[len - 1] == ' ') {
			len--;
			pending++;
		}
	}
	line[len++] = '\n';
	fwrite(line, 1, len, t->fp);
}

static void text_rule(out_table *t)
{
	char buf[OUT_MAX_WIDTH + 1];
	int i, pending = 0, width;

	for (i = 0; i < t->ncols; i++) {
		width = col_width(&t->cols[i]);
		if (i > 0)
			pending += OUT_GAP;
		memset(buf, '-', (size_t)width);
		buf[width] = '\0';
		put_trimmed(t->fp, buf, &pending);
	}
	putc('\n', t->fp);
}

/* ---- CSV (RFC 4180) ---- */

void out_csv_field(FILE *fp, const char *v)
{
	int formula = text_csv_formula(v);

	if (!strpbrk(v, ",\"\r\n")) {
		if (formula)
			putc('\'', fp); /* a spreadsheet would run it (OWASP CSV injection) */
		fputs(v, fp);
		return;
	}
	putc('"', fp);
	if (formula)
		putc('\'', fp);
	for (; *v; v++) {
		if (*v == '"')
			putc('"', fp);
		putc(*v, fp);
	}
	putc('"', fp);
}

static void csv_line(out_table *t, const char *const *values)
{
	int i;

	for (i = 0; i < t->ncols; i++) {
		if (i > 0)
			putc(',', t->fp);
		out_csv_field(t->fp, cell(t, values, i));
	}
	fputs("\r\n", t->fp);
}

/* ---- JSON ---- */

/* JSON text must be UTF-8: invalid bytes become U+FFFD rather than making the whole document
 * unreadable. Control characters are escaped as \u00XX; everything else passes through. */
void out_json_string(FILE *fp, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	int len;
	long cp;

	putc('"', fp);
	while (*p) {
		len = utf8_decode(p, &cp);
		if (cp < 0)
			fputs("\\ufffd", fp);
		else if (cp == '"' || cp == '\\')
			fprintf(fp, "\\%c", (int)cp);
		else if (cp < 0x20)
			fprintf(fp, "\\u%04lx", cp);
		else
			fwrite(p, 1, (size_t)len, fp);
		p += len;
	}
	putc('"', fp);
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Is s a JSON number literal: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
static int json_number_ok(const char *s)
{
	if (*s == '-')
		s++;
	if (*s == '0')
		s++;
	else if (is_digit(*s))
		while (is_digit(*s))
			s++;
	else
		return 0;
	if (*s == '.') {
		if (!is_digit(*++s))
			return 0;
		while (is_digit(*s))
			s++;
	}
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '+' || *s == '-')
			s++;
		if (!is_digit(*s))
			return 0;
		while (is_digit(*s))
			s++;
	}
	return *s == '\0';
}

static void json_row(out_table *t, const char *const *values)
{
	int i;

	fputs(t->rows == 0 ? "[\n  {" : ",\n  {", t->fp);
	for (i = 0; i < t->ncols; i++) {
		const out_col *c = &t->cols[i];
		const char *v = values[i];

		if (i > 0)
			fputs(", ", t->fp);
		out_json_string(t->fp, c->name ? c->name : "");
		fputs(": ", t->fp);
		if (!v || (c->number && *v == '\0'))
			fputs("null", t->fp);
		else if (c->number && json_number_ok(v))
			fputs(v, t->fp);
		else
			/* Also a "number" that is not a JSON literal ("12,50" from a comma-decimal
			 * format): quoted, it at least leaves the document valid. */
			out_json_string(t->fp, v);
	}
	putc('}', t->fp);
}

/* ---- the table ---- */

void out_begin(out_table *t, FILE *fp, int format, const out_col *cols, int ncols)
{
	t->fp = fp;
	t->format = format;
	t->cols = cols;
	t->ncols = ncols;
	t->rows = 0;

	switch (format) {
	case OUT_CSV:
		csv_line(t, NULL);
		break;
	case OUT_JSON:
		/* Nothing yet: an empty table must come out as "[]". */
		break;
	default:
		text_line(t, NULL);
		text_rule(t);
		break;
	}
}

void out_row(out_table *t, const char *const *values)
{
	switch (t->format) {
	case OUT_CSV:
		csv_line(t, values);
		break;
	case OUT_JSON:
		json_row(t, values);
		break;
	default:
		text_line(t, values);
		break;
	}
	t->rows++;
}

void out_end(out_table *t)
{
	if (t->format == OUT_JSON)
		fputs(t->rows == 0 ? "[]\n" : "\n]\n", t->fp);
	fflush(t->fp);
}
