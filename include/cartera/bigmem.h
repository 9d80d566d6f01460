/* Large working arrays (tens of MiB: every open charge of 50,000 clients, the text of a report
 * of 375,000 lines) in memory the kernel may back with huge pages. On the virtual machines
 * cartera was measured on, each 4 KiB page touched for the first time cost ~10 us: a 36 MiB
 * buffer 0.1 s of CPU in faults, against nothing with 2 MiB pages (issue 17). */
#ifndef CARTERA_BIGMEM_H
#define CARTERA_BIGMEM_H

#include <stddef.h>

/* n bytes, zero-filled; NULL when out of memory. Falls back to calloc where huge pages are not
 * available. */
void *big_alloc(size_t n);
/* A block of big_alloc's grown (or shrunk) to n bytes, its contents kept; NULL (the block still
 * valid) when out of memory. */
void *big_realloc(void *p, size_t n);
void big_free(void *p);

#endif
