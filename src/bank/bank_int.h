/* Inside the statement readers. */
#ifndef CARTERA_BANK_INT_H
#define CARTERA_BANK_INT_H

#include <stddef.h>
#include <stdint.h>

/* FNV-1a over s and a separator, continuing h (0 to start). */
uint64_t bank_hash(const char *s, uint64_t h);
int bank_utf8_valid(const char *s, size_t len);
/* A NUL-terminated UTF-8 copy of buf (a byte-order mark dropped; bytes that are not UTF-8 read
 * as Windows-1252, what banks in the region write); NULL when out of memory. */
char *bank_to_utf8(const char *buf, size_t len, size_t *out_len);
/* Copy without blanks around and with inner runs of blanks as one. */
void bank_trim_copy(char *dst, size_t size, const char *src);

#endif
