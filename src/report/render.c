/* The renderers' dispatcher and the text conversion the PDF needs; see include/cartera/render.h. */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cartera/i18n.h"
#include "cartera/outfile.h"
#include "render_int.h"

struct rnd {
	int format;
	const rnd_ops *ops;
	void *impl;
	outfile of;        /* a file output: written as a temporary file, renamed in on close */
	int to_file;
};

static const struct {
	const char *name, *ext;
} formats[RND_NFORMATS] = {
	[RND_PDF] = { "pdf", ".pdf" },
	[RND_XLSX] = { "xlsx", ".xlsx" },
	[RND_TXT80] = { "txt", ".txt" },
	[RND_TXT132] = { "txt132", ".txt" },
	[RND_CSV] = { "csv", ".csv" },
	[RND_JSON] = { "json", ".json" },
};

int rnd_format_parse(const char *name)
{
	if (!name)
		return -1;
	if (!strcmp(name, "text") || !strcmp(name, "txt80"))
		return RND_TXT80;
	for (int i = 0; i < RND_NFORMATS; i++)
		if (!strcmp(name, formats[i].name))
			return i;
	return -1;
}

int rnd_format_of_path(const char *path)
{
	const char *dot = path ? strrchr(path, '.') : NULL;

	if (!dot || strchr(dot, '/'))
		return -1;
	if (!strcasecmp(dot, ".pdf"))
		return RND_PDF;
	if (!strcasecmp(dot, ".xlsx"))
		return RND_XLSX;
	if (!strcasecmp(dot, ".txt"))
		return RND_TXT80;
	if (!strcasecmp(dot, ".csv"))
		return RND_CSV;
	if (!strcasecmp(dot, ".json"))
		return RND_JSON;
	return -1;
}

const char *rnd_format_ext(int format)
{
	return format >= 0 && format < RND_NFORMATS ? formats[format].ext : "";
}

static const rnd_ops *ops_of(int format)
{
	switch (format) {
	case RND_PDF: return &rnd_pdf_ops;
	case RND_XLSX: return &rnd_xlsx_ops;
	case RND_TXT80: case RND_TXT132: return &rnd_txt_ops;
	case RND_CSV: return &rnd_csv_ops;
	case RND_JSON: return &rnd_json_ops;
	default: return NULL;
	}
}

int rnd_open(int format, const char *path, FILE *fp, rnd **out, cart_err *e)
{
	return rnd_open_file(format, path, 0, fp, out, e);
}

int rnd_open_file(int format, const char *path, int force, FILE *fp, rnd **out, cart_err *e)
{
	const rnd_ops *ops = ops_of(format);
	rnd *x;
	int rc;

	*out = NULL;
	if (!ops)
		return cart_fail(e, CART_INVALID, _("unknown report format"));
	if (!path && (format == RND_PDF || format == RND_XLSX))
		return cart_fail(e, CART_INVALID, _("a %s report needs an output file (--output)"),
		                 formats[format].name);
	if (!(x = calloc(1, sizeof *x)))
		return cart_fail(e, CART_NOMEM, _("out of memory"));
	x->format = format;
	x->ops = ops;
	if (path && (rc = outfile_begin(&x->of, path, force ? OUTFILE_FORCE : 0, e)) != CART_OK) {
		free(x);
		return rc;
	}
	x->to_file = path != NULL;
	rc = ops->open(path ? x->of.tmp : NULL, fp, format == RND_TXT132 ? 132 : 80, &x->impl, e);
	if (rc != CART_OK) {
		outfile_abort(&x->of);
		free(x);
		return rc;
	}
	*out = x;
	return CART_OK;
}

void rnd_page_lines(rnd *x, int lines)
{
	if (x->ops->page_lines)
		x->ops->page_lines(x->impl, lines);
}

int rnd_text_encoding(rnd *x, const char *name, cart_err *e)
{
	if (x->ops != &rnd_txt_ops)
		return cart_fail(e, CART_INVALID, _("an encoding applies to plain text (txt, txt132)"
		                 " only"));
	return rnd_txt_encoding(x->impl, name, e);
}

const rpt_sink *rnd_sink(const rnd *x)
{
	return x->ops->sink;
}

void *rnd_ud(rnd *x)
{
	return x->impl;
}

int rnd_close(rnd *x, long *replaced, cart_err *e)
{
	long rep = 0;
	int rc = x->ops->close(x->impl, 0, &rep, e);

	if (replaced)
		*replaced = rep;
	if (x->to_file) {
		if (rc == CART_OK)
			rc = outfile_commit(&x->of, e);
		else
			outfile_abort(&x->of);
	}
	free(x);
	return rc;
}

void rnd_abort(rnd *x)
{
	long rep = 0;

	x->ops->close(x->impl, 1, &rep, NULL);
	outfile_abort(&x->of);
	free(x);
}

int rnd_report_file(const report *r, int format, const char *path, long *replaced, cart_err *e)
{
	rnd *x;
	int rc;

	/* the screens ask before replacing a file */
	if ((rc = rnd_open_file(format, path, 1, NULL, &x, e)) != CART_OK)
		return rc;
	if ((rc = report_render(r, rnd_sink(x), rnd_ud(x), e)) != CART_OK) {
		rnd_abort(x);
		return rc;
	}
	return rnd_close(x, replaced, e);
}

/* Windows-1252 0x80..0x9F; 0 where it has no character. */
static const uint16_t cp1252_hi[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

static int to_cp1252(long cp)
{
	if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF))
		return (int)cp;
	for (int i = 0; i < 32; i++)
		if (cp1252_hi[i] && cp1252_hi[i] == cp)
			return 0x80 + i;
	return -1;
}

size_t rnd_utf8_to_cp1252(const char *s, char *out, size_t size, long *replaced)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = 0;

	if (!size)
		return 0;
	while (*p && n + 1 < size) {
		long cp;
		int len, c;

		if (*p < 0x80) {
			cp = *p;
			len = 1;
		} else if ((*p & 0xE0) == 0xC0) {
			cp = *p & 0x1F;
			len = 2;
		} else if ((*p & 0xF0) == 0xE0) {
			cp = *p & 0x0F;
			len = 3;
		} else if ((*p & 0xF8) == 0xF0) {
			cp = *p & 0x07;
			len = 4;
		} else {
			cp = -1;
			len = 1;
		}
		for (int i = 1; cp >= 0 && i < len; i++) {
			if ((p[i] & 0xC0) != 0x80) {
				cp = -1;
				len = i;
				break;
			}
			cp = cp << 6 | (p[i] & 0x3F);
		}
		c = cp >= 0 ? to_cp1252(cp) : -1;
		if (c < 0) {
			c = '?';
			if (replaced)
				(*replaced)++;
		}
		out[n++] = (char)c;
		p += len;
	}
	out[n] = '\0';
	return n;
}
