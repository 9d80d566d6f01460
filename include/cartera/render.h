/* Renderers of the report model (include/cartera/report.h): PDF (libharu), XLSX (libxlsxwriter,
 * constant-memory mode), plain text 80 or 132 columns wide, and CSV and JSON for programs. A renderer is opened on a
 * file, takes one report (or several: a PDF of many statements, each numbered on its own) through
 * its sink, and is closed, which writes the file and reports any failure. */
#ifndef CARTERA_RENDER_H
#define CARTERA_RENDER_H

#include <stdio.h>

#include "cartera/report.h"

enum rnd_format { RND_PDF = 0, RND_XLSX, RND_TXT80, RND_TXT132, RND_CSV, RND_JSON, RND_NFORMATS };

/* "pdf", "xlsx", "txt" (80 columns), "txt132", "csv", "json"; -1 when unknown. */
int rnd_format_parse(const char *name);
/* The format a file name's extension asks for (.pdf .xlsx .txt .csv .json), -1 when none. */
int rnd_format_of_path(const char *path);
/* The usual extension of a format: ".pdf", ... */
const char *rnd_format_ext(int format);

typedef struct rnd rnd;

/* Open a renderer writing path, or fp when path is NULL (text and CSV only). The file is written
 * under a private temporary name beside path and renamed into place by rnd_close (outfile.h):
 * a symbolic link at path is refused, and an existing file unless force (rnd_open: never). */
int rnd_open(int format, const char *path, FILE *fp, rnd **out, cart_err *e);
int rnd_open_file(int format, const char *path, int force, FILE *fp, rnd **out, cart_err *e);
/* Plain text only: pages of this many lines for continuous forms (66 for 11 inches at 6 lines
 * an inch): every page starts with a line naming the client (or the report) and "page N of M",
 * pages are parted by form feeds (none after the last), a table going on repeats its header.
 * lines < 0: no pages; 0 (the default): the company's setting (report.page_lines). */
#define RND_MIN_PAGE_LINES 12
void rnd_page_lines(rnd *x, int lines);
/* Plain text only: the character set, "UTF-8", "CP850" or "ISO-8859-1" (also "latin1",
 * "850"); unset, the company's (report.encoding). What the code page lacks is replaced
 * ("—" by "-", "…" by "...", "€" by "EUR"); anything else is printed '?' and counted in
 * rnd_close's *replaced. CART_INVALID for another name or another format. */
int rnd_text_encoding(rnd *x, const char *name, cart_err *e);
/* The character set's index (0 UTF-8, 1 CP850, 2 ISO-8859-1) or -1; its canonical name. */
int rnd_encoding_parse(const char *name);
const char *rnd_encoding_name(int enc);
/* The sink and its user data for report_stream() or report_render(). */
const rpt_sink *rnd_sink(const rnd *x);
void *rnd_ud(rnd *x);
/* Write and close the file; CART_IO with a message naming it when that fails (the partial file
 * is removed). *replaced (may be NULL) counts the characters the output could not show and
 * printed as '?' (the PDF's WinAnsi fonts, a printer's code page lack them). Frees x. */
int rnd_close(rnd *x, long *replaced, cart_err *e);
/* Give up: close and remove the partial file. Frees x. */
void rnd_abort(rnd *x);

/* Render a kept report into a file in one call, replacing it (the screens ask first). */
int rnd_report_file(const report *r, int format, const char *path, long *replaced, cart_err *e);

/* UTF-8 to Windows-1252 (WinAnsi), for the PDF's standard fonts: characters it lacks, and bad
 * UTF-8, become '?', counted in *replaced. Writes at most size bytes with the NUL. */
size_t rnd_utf8_to_cp1252(const char *s, char *out, size_t size, long *replaced);

#endif
