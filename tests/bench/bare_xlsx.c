/* The floor of `cartera report aging --format xlsx` (issue 17): a bare libxlsxwriter program
 * writing the same cells as cartera does, in the same constant-memory mode: the header block, a
 * header row frozen and filtered, per row the client, its currency and the eight amounts as
 * numbers in the currency's format, a SUMIF total per currency with its value, the stacked chart
 * of the totals, and the check sheet of formulas on the totals.
 *
 *   tests/bench/bare_xlsx AGING.csv OUT.xlsx
 *
 * AGING.csv is cartera's own aging as CSV (`cartera report aging --format csv`): the cells are
 * read and parsed into memory first, then written; the program prints the CPU time (user +
 * system, ms) of the writing alone and of the whole process, and the rows written. Run by
 * tests/bench/bench_xlsx.sh beside cartera. No cartera code: only libxlsxwriter and libc. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include <xlsxwriter.h>

#define NAMT 8

typedef struct arow {
	char *name;
	char cur[4];
	int64_t v[NAMT];   /* minor units */
} arow;

static double cpu_ms(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
	       (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
}

/* "1234.56" -> 123456 */
static int64_t minor(const char *s)
{
	int64_t v = 0;
	int neg = *s == '-', dec = -1;

	for (s += neg; *s && *s != ','; s++) {
		if (*s == '.') {
			dec = 0;
			continue;
		}
		v = v * 10 + (*s - '0');
		if (dec >= 0)
			dec++;
	}
	for (; dec >= 0 && dec < 2; dec++)
		v *= 10;
	return neg ? -v : v;
}

/* A CSV field (cartera quotes names with commas or quotes); returns the next field's start. */
static char *field(char *p, char **out)
{
	if (*p == '"') {
		char *w = ++p;

		*out = w;
		for (; *p; p++) {
			if (*p == '"' && p[1] == '"')
				*w++ = *p++;
			else if (*p == '"')
				break;
			else
				*w++ = *p;
		}
		*w = '\0';
		p++;
	} else {
		*out = p;
		p += strcspn(p, ",\n");
	}
	if (*p == ',' || *p == '\n')
		*p++ = '\0';
	return p;
}

static void col_letter(int c, char *b)
{
	b[0] = (char)('A' + c);
	b[1] = '\0';
}

int main(int argc, char **argv)
{
	static const char *const hdrs[] = { "Client", "Cur.", "Not due", "1-30", "31-60", "61-90",
	                                    "Over 90", "Open charges", "Credits in favour", "Net" };
	lxw_workbook_options opt = { 0 };
	lxw_workbook *wb;
	lxw_worksheet *ws;
	lxw_format *bold, *title, *hdr, *money, *moneyb;
	FILE *fp;
	arow *rows = NULL;
	long n = 0, cap = 0;
	char line[4096], curs[8][4], f[256], a[4], b[4];
	int ncur = 0;
	int64_t tot[8][NAMT] = { { 0 } };
	lxw_row_t r = 0, first, totrow[8];
	double t0;

	if (argc != 3) {
		fprintf(stderr, "usage: bare_xlsx AGING.csv OUT.xlsx\n");
		return 2;
	}
	if (!(fp = fopen(argv[1], "r"))) {
		perror(argv[1]);
		return 1;
	}
	while (fgets(line, sizeof line, fp)) {
		char *p = line, *kind, *name, *cur, *v;

		if (line[0] == '\n')
			break;   /* the check table follows: the aging's rows are all read */
		p = field(p, &kind);
		if (strcmp(kind, "data"))
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 4096;
			rows = realloc(rows, sizeof *rows * (size_t)cap);
		}
		p = field(p, &name);
		p = field(p, &cur);
		rows[n].name = strdup(name);
		snprintf(rows[n].cur, sizeof rows[n].cur, "%s", cur);
		for (int k = 0; k < NAMT; k++) {
			p = field(p, &v);
			rows[n].v[k] = minor(v);
		}
		n++;
	}
	fclose(fp);

	t0 = cpu_ms();
	opt.constant_memory = LXW_TRUE;
	wb = workbook_new_opt(argv[2], &opt);
	ws = workbook_add_worksheet(wb, "Aging");
	bold = workbook_add_format(wb);
	format_set_bold(bold);
	title = workbook_add_format(wb);
	format_set_bold(title);
	format_set_font_size(title, 14);
	hdr = workbook_add_format(wb);
	format_set_bold(hdr);
	format_set_bottom(hdr, LXW_BORDER_THIN);
	money = workbook_add_format(wb);
	format_set_num_format(money, "[$$-240A] #,##0.00");
	moneyb = workbook_add_format(wb);
	format_set_num_format(moneyb, "[$$-240A] #,##0.00");
	format_set_bold(moneyb);
	format_set_top(moneyb, LXW_BORDER_THIN);
	worksheet_write_string(ws, r++, 0, "Distribuidora Andina del Caribe S.A.S.", bold);
	worksheet_write_string(ws, r++, 0, "NIT 900.123.456-7", NULL);
	worksheet_write_string(ws, r++, 0, "Aging of receivables", title);
	worksheet_write_string(ws, r++, 0, "As of 2026-06-30", NULL);
	worksheet_write_string(ws, r++, 0, "Aging", bold);
	r++;
	for (int c = 0; c < 10; c++)
		worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, c == 0 ? 32 : c == 1 ? 6 : 20, NULL);
	worksheet_freeze_panes(ws, r + 1, 0);
	worksheet_set_paper(ws, 9);
	worksheet_set_landscape(ws);
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_repeat_rows(ws, r, r);
	worksheet_set_footer(ws, "&Rpage &P of &N");
	for (int c = 0; c < 10; c++)
		worksheet_write_string(ws, r, (lxw_col_t)c, hdrs[c], hdr);
	first = ++r;
	for (long i = 0; i < n; i++, r++) {
		int k;

		for (k = 0; k < ncur && strcmp(curs[k], rows[i].cur); k++)
			;
		if (k == ncur && ncur < 8)
			snprintf(curs[ncur++], 4, "%s", rows[i].cur);
		worksheet_write_string(ws, r, 0, rows[i].name, NULL);
		worksheet_write_string(ws, r, 1, rows[i].cur, NULL);
		for (int j = 0; j < NAMT; j++) {
			worksheet_write_number(ws, r, (lxw_col_t)(2 + j), (double)rows[i].v[j] / 100, money);
			if (k < 8)
				tot[k][j] += rows[i].v[j];
		}
	}
	worksheet_autofilter(ws, first - 1, 0, r - 1, 9);
	for (int k = 0; k < ncur; k++, r++) {
		snprintf(line, sizeof line, "Total %s", curs[k]);
		worksheet_write_string(ws, r, 0, line, bold);
		worksheet_write_string(ws, r, 1, curs[k], bold);
		for (int j = 0; j < NAMT; j++) {
			col_letter(2 + j, a);
			snprintf(f, sizeof f, "=SUMIF(B%u:B%u,\"%s\",%s%u:%s%u)", (unsigned)first + 1,
			         (unsigned)(first + (lxw_row_t)n), curs[k], a, (unsigned)first + 1, a,
			         (unsigned)(first + (lxw_row_t)n));
			worksheet_write_formula_num(ws, r, (lxw_col_t)(2 + j), f, moneyb,
			                            (double)tot[k][j] / 100);
		}
		totrow[k] = r;
	}
	{
		lxw_chart *ch = workbook_add_chart(wb, LXW_CHART_COLUMN_STACKED);

		for (int j = 0; j < 5; j++) {
			lxw_chart_series *s = chart_add_series(ch, NULL, NULL);

			chart_series_set_categories(s, "Aging", totrow[0], 0, totrow[ncur - 1], 0);
			chart_series_set_values(s, "Aging", totrow[0], (lxw_col_t)(2 + j), totrow[ncur - 1],
			                        (lxw_col_t)(2 + j));
			chart_series_set_name_range(s, "Aging", first - 1, (lxw_col_t)(2 + j));
		}
		chart_title_set_name(ch, "Aging by range");
		worksheet_insert_chart(ws, first - 1, 11, ch);
	}
	/* the check sheet: formulas on the totals */
	ws = workbook_add_worksheet(wb, "Check");
	r = 0;
	worksheet_write_string(ws, r++, 0, "Distribuidora Andina del Caribe S.A.S.", bold);
	worksheet_write_string(ws, r++, 0, "NIT 900.123.456-7", NULL);
	worksheet_write_string(ws, r++, 0, "Aging of receivables", title);
	worksheet_write_string(ws, r++, 0, "As of 2026-06-30", NULL);
	worksheet_write_string(ws, r++, 0, "Check", bold);
	r++;
	worksheet_write_string(ws, r++, 0, "Cur.", hdr);
	for (int k = 0; k < ncur; k++, r++) {
		int64_t sum = 0;

		for (int j = 0; j < 5; j++)
			sum += tot[k][j];
		worksheet_write_string(ws, r, 0, curs[k], NULL);
		snprintf(f, sizeof f, "=SUM(Aging!C%u:G%u)", (unsigned)totrow[k] + 1,
		         (unsigned)totrow[k] + 1);
		worksheet_write_formula_num(ws, r, 1, f, money, (double)sum / 100);
		for (int j = 5; j < 8; j++) {
			col_letter(2 + j, b);
			snprintf(f, sizeof f, "=Aging!%s%u", b, (unsigned)totrow[k] + 1);
			worksheet_write_formula_num(ws, r, (lxw_col_t)(j - 3), f, money,
			                            (double)tot[k][j] / 100);
		}
		worksheet_write_number(ws, r, 5, (double)tot[k][7] / 100, money);
	}
	if (workbook_close(wb) != LXW_NO_ERROR) {
		fprintf(stderr, "bare_xlsx: cannot write %s\n", argv[2]);
		return 1;
	}
	printf("%.1f %.1f %ld\n", cpu_ms() - t0, cpu_ms(), n);
	for (long i = 0; i < n; i++)
		free(rows[i].name);
	free(rows);
	return 0;
}
