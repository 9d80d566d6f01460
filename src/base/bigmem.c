/* Large blocks mapped on their own, 2 MiB aligned and advised MADV_HUGEPAGE, so a block of 36 MiB
 * is faulted in 18 times instead of 9,000, and freed blocks kept for the next (see
 * include/cartera/bigmem.h). A header before each block keeps its mapping; elsewhere, plain
 * malloc/realloc behind the same header. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#ifdef __linux__
#include <sys/mman.h>
#endif

#include "cartera/bigmem.h"

#define HUGE_SZ ((size_t)2 << 20)

typedef struct big_head {
	void *base;            /* the mapping (NULL: from malloc) */
	size_t len;            /* its length */
	size_t size;           /* the bytes asked for */
	max_align_t pad[];
} big_head;

#if defined(__linux__) && defined(MADV_HUGEPAGE)
#define BIG_MAPPED 1

/* Freed mappings kept for reuse: a few, up to KEEP_MAX bytes in all. */
#define KEEP 8
#define KEEP_MAX ((size_t)256 << 20)
static struct {
	void *base;
	size_t len;
} kept[KEEP];
static size_t nkept, kept_bytes;

static void *map_block(size_t n)
{
	size_t want = sizeof(big_head) + n, len, lead, best = KEEP;
	char *raw, *start;
	big_head *h;

	if (want < n || want > SIZE_MAX - HUGE_SZ * 2)
		return NULL;
	len = (want + HUGE_SZ - 1) & ~(HUGE_SZ - 1);
	/* the smallest kept mapping it fits, if not more than twice what it needs */
	for (size_t i = 0; i < nkept; i++)
		if (kept[i].len >= len && kept[i].len / 2 <= len &&
		    (best == KEEP || kept[i].len < kept[best].len))
			best = i;
	if (best < KEEP) {
		start = kept[best].base;
		len = kept[best].len;
		kept_bytes -= len;
		kept[best] = kept[--nkept];
	} else {
		raw = mmap(NULL, len + HUGE_SZ, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
		           -1, 0);
		if (raw == MAP_FAILED)
			return NULL;
		/* keep the 2 MiB-aligned part: only whole aligned 2 MiB ranges get huge pages */
		start = (char *)(((uintptr_t)raw + HUGE_SZ - 1) & ~(uintptr_t)(HUGE_SZ - 1));
		lead = (size_t)(start - raw);
		if (lead)
			munmap(raw, lead);
		if (HUGE_SZ - lead)
			munmap(start + len, HUGE_SZ - lead);
		madvise(start, len, MADV_HUGEPAGE);
	}
	h = (big_head *)start;
	h->base = start;
	h->len = len;
	h->size = n;
	return h + 1;
}

static void unmap_block(big_head *h)
{
	if (nkept < KEEP && kept_bytes + h->len <= KEEP_MAX) {
		kept[nkept].base = h->base;
		kept[nkept++].len = h->len;
		kept_bytes += h->len;
		return;
	}
	munmap(h->base, h->len);
}
#else
#define BIG_MAPPED 0
#endif

void *big_alloc(size_t n)
{
	big_head *h;

#if BIG_MAPPED
	void *p;

	/* below a huge page the mapping would gain nothing */
	if (n >= HUGE_SZ && (p = map_block(n)))
		return p;
#endif
	if (n > SIZE_MAX - sizeof *h || !(h = malloc(sizeof *h + n)))
		return NULL;
	h->base = NULL;
	h->len = 0;
	h->size = n;
	return h + 1;
}

void *big_realloc(void *p, size_t n)
{
	big_head *h;
	void *q;

	if (!p)
		return big_alloc(n);
	h = (big_head *)p - 1;
	if (!h->base && n < HUGE_SZ) {
		big_head *nh;

		if (n > SIZE_MAX - sizeof *h || !(nh = realloc(h, sizeof *h + n)))
			return NULL;
		nh->size = n;
		return nh + 1;
	}
	if (h->base && sizeof *h + n <= h->len) {
		h->size = n;
		return p;
	}
	if (!(q = big_alloc(n)))
		return NULL;
	memcpy(q, p, h->size < n ? h->size : n);
	big_free(p);
	return q;
}

void big_free(void *p)
{
	big_head *h;

	if (!p)
		return;
	h = (big_head *)p - 1;
#if BIG_MAPPED
	if (h->base) {
		unmap_block(h);
		return;
	}
#endif
	free(h);
}
