/* Who the demo ledger's clients are: business and person names, Colombian places, addresses,
 * e-mails, phones, payment terms and habits, built combinatorially from word lists so that tens of
 * thousands of distinct clients come out of a few hundred words. src/demo*.c decide what they do.
 * Everything is a function of its arguments and of the seeded generator below: no clock, no rand(). */
#ifndef CARTERA_DEMO_NAMES_H
#define CARTERA_DEMO_NAMES_H

#include <stddef.h>
#include <stdint.h>

#include "cartera/types.h"

/* ---- splitmix64: one stream per demo, seeded from its options ---- */

typedef struct dn_rng {
	uint64_t s;
} dn_rng;

static inline uint64_t dn_rnd(dn_rng *r)
{
	uint64_t z = (r->s += UINT64_C(0x9E3779B97F4A7C15));

	z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
	return z ^ (z >> 31);
}

/* 0 .. n-1 (Lemire's multiply-shift; the bias is far below anything a demo can show). */
static inline uint32_t dn_below(dn_rng *r, uint32_t n)
{
	return (uint32_t)(((dn_rnd(r) >> 32) * (uint64_t)n) >> 32);
}

static inline int dn_chance(dn_rng *r, int per_mille)
{
	return (int)dn_below(r, 1000) < per_mille;
}

/* lo .. hi inclusive */
static inline int64_t dn_between(dn_rng *r, int64_t lo, int64_t hi)
{
	return lo + (int64_t)(dn_rnd(r) % (uint64_t)(hi - lo + 1));
}

/* A well-mixed function of two numbers, for seeds derived from the demo's seed. */
static inline uint64_t dn_mix(uint64_t a, uint64_t b)
{
	dn_rng r = { a ^ (b * UINT64_C(0xD6E8FEB86659FD93)) };

	return dn_rnd(&r);
}

/* ---- clients ---- */

enum dn_kind { DN_PERSON, DN_COMPANY, DN_SHOP };  /* "María Gómez", "X S.A.S.", "Panadería X" */

/* Fill everything of a client but its tax id, DV and active flag: the k-th name of its kind,
 * taxpayer and receiver type, a place, address, e-mail, phones, payment terms, a credit limit in
 * multiples of median (a typical invoice, minor units) rounded to round, and sometimes a note. */
void dn_client(dn_rng *r, int kind, uint64_t k, int64_t median, int64_t round, client *c);
/* A receipt's method ("transfer", "cheque", "cash", "card") and the bank reference that goes
 * with it. */
void dn_payment_method(dn_rng *r, char method[24], char reference[64]);

/* How many distinct names each builder gives before it starts numbering branches. */
uint64_t dn_business_capacity(int legal);
uint64_t dn_person_capacity(void);

/* The k-th business name: "Ferretería El Progreso S.A.S." when legal, else a natural person's
 * establishment without a legal form ("Panadería Doña Inés"). Distinct k give distinct names. */
void dn_business(uint64_t k, int legal, char *buf, size_t size);
/* The k-th person name, "María José Peñalosa Gómez". Distinct k give distinct names. */
void dn_person(uint64_t k, char *buf, size_t size);

typedef struct dn_place {
	const char *city;
	const char *dept;
	int area;          /* the fixed-line area code: 601 Bogotá, 604 Antioquia, ... */
	int weight;        /* share of the clients that live there */
} dn_place;

/* A place picked by weight from the random number r. */
const dn_place *dn_place_pick(uint64_t r);
/* "Carrera 43A # 14-109, Oficina 302" from the random number r. */
void dn_address(uint64_t r, char *buf, size_t size);
/* An address a client of that name would use: "cartera@ferreteriaelprogreso.com.co" for a
 * business, "maria.penalosa27@gmail.com" for a person. */
void dn_email(const char *name, int business, uint64_t r, char *buf, size_t size);
/* "604 444 1234" with the place's area code, and "310 555 1234". */
void dn_phone(int area, uint64_t r, char *buf, size_t size);
void dn_mobile(uint64_t r, char *buf, size_t size);
/* A clerk's note about a client, or "" (most clients have none). */
const char *dn_note(uint64_t r);
/* Why a credit note was issued; why a document was voided. */
const char *dn_credit_reason(uint64_t r);
const char *dn_void_reason(int invoice, uint64_t r);

/* Lower-case ASCII letters and digits of UTF-8 text, accents folded (á -> a, ñ -> n), everything
 * else dropped, at most size - 1 bytes. Returns the length written. */
size_t dn_fold_ascii(const char *in, char *out, size_t size);

#endif
