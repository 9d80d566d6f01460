/* What each renderer (src/render_*.c) gives the dispatcher in src/report/render.c. */
#ifndef CARTERA_RENDER_INT_H
#define CARTERA_RENDER_INT_H

#include "cartera/render.h"

typedef struct rnd_ops {
	const rpt_sink *sink;
	int (*open)(const char *path, FILE *fp, int width, void **impl, cart_err *e);
	/* abort: drop the output; otherwise write it and report failure */
	int (*close)(void *impl, int abort, long *replaced, cart_err *e);
	void (*page_lines)(void *impl, int n);   /* NULL: the format has its own pages or none */
} rnd_ops;

/* The plain text's character set (rnd_text_encoding); the other formats have their own. */
int rnd_txt_encoding(void *impl, const char *name, cart_err *e);

extern const rnd_ops rnd_pdf_ops, rnd_xlsx_ops, rnd_txt_ops, rnd_csv_ops, rnd_json_ops;

#endif
