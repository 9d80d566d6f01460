/* Tables for the command line: aligned text, CSV (RFC 4180) or JSON, written a row at a time so a
 * listing of 50,000 clients never sits in memory. Text columns have fixed display widths (UTF-8
 * aware); longer text is cut with an ellipsis. */
#ifndef CARTERA_OUTPUT_H
#define CARTERA_OUTPUT_H

#include <stdio.h>

enum out_format { OUT_TEXT = 0, OUT_CSV = 1, OUT_JSON = 2 };

typedef struct out_col {
	const char *name;   /* header in text, key in JSON, header row in CSV */
	int width;          /* text display width */
	int right;          /* right-align (amounts) */
	int number;         /* JSON: emit unquoted (value must be a number literal) */
} out_col;

typedef struct out_table {
	FILE *fp;
	int format;
	const out_col *cols;
	int ncols;
	long rows;
} out_table;

/* "text", "csv" or "json"; -1 when unknown. */
int out_format_parse(const char *name);
void out_begin(out_table *t, FILE *fp, int format, const out_col *cols, int ncols);
void out_row(out_table *t, const char *const *values);
void out_end(out_table *t);

/* s as a JSON string, quoted and escaped (bad UTF-8 becomes U+FFFD). */
void out_json_string(FILE *fp, const char *s);
/* One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. */
void out_csv_field(FILE *fp, const char *s);

/* Decode one UTF-8 sequence; return its length in bytes and set *cp. A byte that does not start
 * a well-formed sequence (overlong forms, surrogates and truncated sequences included) gives
 * length 1 and *cp = -1. Never reads past a NUL. */
int utf8_decode(const unsigned char *s, long *cp);
/* Display width of UTF-8 text (combining marks 0, wide CJK 2, others 1). */
int utf8_width(const char *s);
/* Copy s into buf fitting width display columns (cut with "…" when longer), padded with spaces
 * on the right or left; returns bytes written. buf must hold 4 * width + 1 bytes. */
int utf8_fit(const char *s, int width, int right, char *buf);
/* s past its first cols display columns, with the combining accents of the last letter skipped
 * (a wide character straddling the edge is skipped whole: the rest starts one column later). */
const char *utf8_skip(const char *s, int cols);

#endif
