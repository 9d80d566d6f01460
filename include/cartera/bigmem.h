/* Large working arrays (tens of MiB: every open charge of 50,000 clients, the text of a report
 * of 375,000 lines) in memory the kernel may back with huge pages, and that is used again once
 * freed rather than handed back. On the virtual machines cartera was measured on, memory
 * touched for the first time cost ~1 ms a MiB (a 4 KiB page fault ~10 us; zeroing a fresh
 * 2 MiB page ~2 ms), so a report that frees 22 MiB of charges before writing 36 MiB of text
 * should write it into the same pages (issue 17). Not for threads: the blocks kept are one
 * process-wide list (cartera runs one thread). */
#ifndef CARTERA_BIGMEM_H
#define CARTERA_BIGMEM_H

#include <stddef.h>

/* A block that maps to exactly 8 MiB: the size to use for chunks, so that one freed chunk is
 * the next one's memory. */
#define BIG_CHUNK (((size_t)8 << 20) - 64)

/* n bytes, not initialised (like malloc); NULL when out of memory. Falls back to malloc where
 * huge pages are not available. */
void *big_alloc(size_t n);
/* A block of big_alloc's grown (or shrunk) to n bytes, its contents kept; NULL (the block still
 * valid) when out of memory. */
void *big_realloc(void *p, size_t n);
/* Free a block: kept (up to a few) for the next big_alloc that fits it. */
void big_free(void *p);

#endif
