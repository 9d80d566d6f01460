/* CSV as RFC 4180 writes it, read and written a record at a time: quoted fields holding commas,
 * quotes and line breaks, CRLF or LF line ends, UTF-8 with or without a byte-order mark. The
 * reader says on which line each record starts and names the line (and column) of anything
 * malformed, then carries on with the next line so an import can list every bad line at once.
 * No SQL and no curses here: clients' import and export (csvclient.h) are built on it. */
#ifndef CARTERA_CSV_H
#define CARTERA_CSV_H

#include <stddef.h>
#include <stdio.h>

#include "cartera/err.h"

/* A broken file (a quote never closed) must not eat the memory: longer fields, or records with
 * more fields, are refused and end the reading. */
#define CSV_MAX_FIELD (1024 * 1024)
#define CSV_MAX_FIELDS 4096

typedef struct csv_reader csv_reader;

/* One record, valid until the next csv_next() or csv_close(). Fields are NUL-terminated (a NUL
 * byte in the input is an error, so none hides inside a field). */
typedef struct csv_record {
	long line;           /* the line on which the record starts (1 = first line of the input) */
	int n;               /* number of fields, at least 1 */
	char **field;
	size_t *len;
} csv_record;

/* What was wrong with the last record csv_next() refused. */
typedef struct csv_error {
	long line;           /* where the fault is: the line of the bad byte, or of an unclosed quote */
	long column;         /* characters from the start of that line, from 1; 0 when not meaningful */
	char reason[200];    /* without the position: "not valid UTF-8" */
} csv_error;

/* Read from a stream (not closed by csv_close) or from len bytes of memory (not copied: buf must
 * outlive the reader). NULL when out of memory. */
csv_reader *csv_open_file(FILE *fp);
csv_reader *csv_open_mem(const char *buf, size_t len);
void csv_close(csv_reader *r);

/* The next record: 1 when *rec holds one, 0 at the end of the input, -1 when the record was
 * malformed: *e says "line N: ..." or "line N, column C: ...", csv_last_error() gives the parts,
 * and the next call resumes after the bad line (or returns 0 when nothing sensible can follow:
 * a quote left open to the end, a field over CSV_MAX_FIELD, a read error). Empty lines are
 * skipped; a last line without its line end is a record like any other. */
int csv_next(csv_reader *r, csv_record *rec, cart_err *e);
const csv_error *csv_last_error(const csv_reader *r);

/* Write one record: fields holding a comma, a quote, CR or LF, or starting or ending with a blank,
 * are quoted with their quotes doubled; the record ends with CRLF. CART_IO when the stream
 * reports an error. */
int csv_write_record(FILE *fp, const char *const *fields, int n, cart_err *e);
/* The same field by field: sep != 0 writes a comma before it. */
void csv_write_field(FILE *fp, const char *s, int sep);
int csv_end_record(FILE *fp, cart_err *e);

#endif
