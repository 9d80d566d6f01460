/* The words of the demo ledger: business and person names, Colombian places, addresses, e-mails
 * and phones, built combinatorially from word lists so that tens of thousands of distinct clients
 * come out of a few hundred words. Every function is pure: the same arguments give the same text. */
#ifndef CARTERA_DEMO_NAMES_H
#define CARTERA_DEMO_NAMES_H

#include <stddef.h>
#include <stdint.h>

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
