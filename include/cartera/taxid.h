/* Tax identifiers of the countries cartera serves: validation and check digits (DV).
 * Peru (RUC, DNI), Panama (RUC with its two-digit DV by the DGI algorithm), Colombia (NIT with DV),
 * Mexico (RFC; a wrong check digit only warns; generic RFCs accepted) and Ecuador (cedula, RUC).
 * The company's country chooses the rules; foreign clients accept any id. */
#ifndef CARTERA_TAXID_H
#define CARTERA_TAXID_H

#include <stdint.h>

enum taxpayer_type { TAXPAYER_NATURAL = 0, TAXPAYER_LEGAL = 1 };

typedef struct taxid_check {
	int warning;          /* accepted, but the clerk should look (Mexican RFC check digit) */
	char normalized[32];  /* the id as it is stored: upper case, canonical separators */
	char dv[4];           /* computed check digit(s) where the country keeps a separate DV, else "" */
	char kind[16];        /* "RUC", "DNI", "NIT", "RFC", "CEDULA", "FOREIGN" */
	char message[200];    /* why the id was refused, or the warning; "" when clean */
	int ask_dv;           /* refused as ambiguous: digits alone whose last one may be the DV
	                       * (a Colombian person); a form asks, and asks again with it split
	                       * off ("-D") or kept (the DV of all of them given); dv then
	                       * holds the DV all the digits would have */
} taxid_check;

/* Validate id for a client of country (ISO 3166 alpha-2 of the company: "PE", "PA", "CO", "MX",
 * "EC"; any other country, or foreign != 0, accepts any non-empty id). dv is the check digit the
 * clerk typed, or NULL/"" to have it computed; when given it must match. Returns CART_OK (possibly
 * with out->warning set) or CART_INVALID with out->message saying what is wrong. */
int taxid_validate(const char *country, int taxpayer, int foreign, const char *id, const char *dv,
                   taxid_check *out);

/* A Mexican person's CURP (optional beside the RFC): 18 characters, their parts and RENAPO's
 * check digit. CART_OK with out->normalized and kind "CURP", or CART_INVALID with a message. */
int taxid_curp_validate(const char *curp, taxid_check *out);

/* Make a valid id (and its DV) for demo data, deterministically from seed. */
int taxid_generate(const char *country, int taxpayer, uint64_t seed, char id[32], char dv[4]);

#endif
