/* Statements of many clients at once (SPEC R1, R5): one file per client in a folder, or all of
 * them in one file, each statement streamed to its renderer as it is built, so ten thousand
 * statements need no more memory than one. The command line (`cartera report statements`) and
 * the report screens (scr_reports.c) both write them through here. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "ctl/ctl_int.h"
#include "cartera/i18n.h"
#include "cartera/render.h"
#include "cartera/reports.h"

void rpt_statement_file(const char *dir, int64_t client_id, const char *name, int format,
                        char *buf, size_t size)
{
	char slug[64], word[32];

	rpt_slug(name, slug, sizeof slug);
	/* in the report's language and zero-padded, so a folder lists the clients in order */
	rpt_slug(_("statement"), word, sizeof word);
	snprintf(buf, size, "%s/%s-%06lld-%s%s", dir, word, (long long)client_id, slug,
	         rnd_format_ext(format));
}

int rpt_statements_write(ctl *c, const int64_t *ids, int n, const rpt_many *m, long *replaced,
                         cart_err *e)
{
	rnd *all = NULL;
	long rep;
	int rc = CART_OK;

	*replaced = 0;
	if (!!m->dir == !!m->output)
		return cart_fail(e, CART_INVALID, "%s", _("give a folder (one file per client) or one file"));
	if (m->dir && mkdir(m->dir, 0777) != 0 && errno != EEXIST)
		return cart_fail(e, CART_IO, _("cannot create the folder %s: %s"), m->dir, strerror(errno));
	if (m->output) {
		if ((rc = rnd_open_file(m->format, m->output, m->force, NULL, &all, e)) != CART_OK)
			return rc;
		rnd_page_lines(all, m->page_lines);
		if (m->encoding && (rc = rnd_text_encoding(all, m->encoding, e)) != CART_OK) {
			rnd_abort(all);
			return rc;
		}
	}
	for (int i = 0; i < n && rc == CART_OK; i++) {
		char path[4200];
		client cl;
		report r;
		rnd *one = all;

		if ((rc = ledger_client_get(c->l, ids[i], &cl, e)) != CART_OK)
			break;
		if (m->dir) {
			rpt_statement_file(m->dir, cl.id, cl.name, m->format, path, sizeof path);
			if ((rc = rnd_open_file(m->format, path, m->force, NULL, &one, e)) != CART_OK)
				break;
			rnd_page_lines(one, m->page_lines);
			if (m->encoding && (rc = rnd_text_encoding(one, m->encoding, e)) != CART_OK) {
				rnd_abort(one);
				break;
			}
		}
		report_init(&r, &c->co);
		report_stream(&r, rnd_sink(one), rnd_ud(one));
		rc = rpt_statement(c, ids[i], &m->f, &r, e);
		report_free(&r);
		if (m->dir) {
			if (rc != CART_OK)
				rnd_abort(one);
			else if ((rc = rnd_close(one, &rep, e)) == CART_OK)
				*replaced += rep;
		}
		if (rc == CART_OK && m->progress)
			m->progress(m->progress_ud, i + 1, n);
	}
	if (all) {
		if (rc != CART_OK)
			rnd_abort(all);
		else if ((rc = rnd_close(all, &rep, e)) == CART_OK)
			*replaced += rep;
	}
	return rc;
}
