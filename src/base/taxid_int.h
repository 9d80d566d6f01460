/* Tax ids, for src/taxid*.c only: the helpers every country shares (src/base/taxid.c) and each
 * country's validate/generate pair (src/base/taxid_pe.c, _pa, _co, _mx, _ec), which src/base/taxid.c
 * chooses by the company's country. */
#ifndef CARTERA_TAXID_INT_H
#define CARTERA_TAXID_INT_H

#include <stddef.h>
#include <stdint.h>

#include "cartera/err.h"
#include "cartera/i18n.h"
#include "cartera/taxid.h"

/* Longest input looked at; anything longer cannot normalize into the 31 bytes stored. */
#define IN_MAX 128
#define ID_MAX ((int)sizeof(((taxid_check *)0)->normalized) - 1)

/* Refuse the id with a message for the clerk (CART_INVALID), or accept it with a warning the
 * clerk should look at (CART_OK). */
int tx_refuse(taxid_check *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int tx_warn(taxid_check *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Copy src into dst of size bytes, cut short when it does not fit; a printf into dst. */
void tx_set(char *dst, size_t size, const char *src);
void tx_print_to(char *dst, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* ASCII classes (the ctype functions follow the locale, and ids must not). */
int tx_is_blank(unsigned char c);
int tx_is_digit(char c);
int tx_is_upper(char c);
int tx_all_digits(const char *s, size_t n);
/* s is 1..max digits. */
int tx_is_num(const char *s, size_t max);
/* Drop blanks and the ASCII characters in drop, upper-case ASCII letters and "ñ". */
void tx_normalize(const char *in, const char *drop, char *out, size_t size);
/* Valid UTF-8 with no control characters. */
int tx_printable(const char *s);
/* Normalize id into buf and show it in out->normalized; refuse what no country accepts. */
int tx_prepare(const char *id, const char *drop, char *buf, size_t size, taxid_check *out);
/* The DV typed in its own field, normalized like an id; "" when none was typed. */
int tx_prepare_dv(const char *dv, char *buf, size_t size, taxid_check *out);
/* For ids that carry their check character: a DV typed apart must be one of accepted. */
int tx_typed_matches(taxid_check *out, const char *what, const char *dv, const char *accepted);
/* A permutation of 0..m-1 (demo ids scattered rather than counted). */
uint64_t tx_spread(uint64_t seed, uint64_t m);

/* Each country: validate (id and typed DV already bounded) and generate a valid demo id. */
#define TAXID_COUNTRY(cc)                                                                   \
	int tx_##cc##_validate(int taxpayer, const char *raw, const char *dv, taxid_check *out); \
	void tx_##cc##_generate(int taxpayer, uint64_t seed, char id[32], char dv[4]);
TAXID_COUNTRY(pe)
TAXID_COUNTRY(pa)
TAXID_COUNTRY(co)
TAXID_COUNTRY(mx)
TAXID_COUNTRY(ec)
#undef TAXID_COUNTRY
/* Foreign clients and countries without rules: any printable id. */
int tx_any_validate(const char *raw, taxid_check *out);

#endif
