/* rs-failmalloc.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A failing allocator, loaded into a child process with LD_PRELOAD:
 *
 *   RS_FAILMALLOC_AT=N       the N-th allocation fails (NULL, errno ENOMEM);
 *   RS_FAILMALLOC_STICKY=1   and so does every one after it;
 *   RS_FAILMALLOC_REPORT=F   at exit, F gets "<allocations> <failures>\n".
 *
 * Counting starts in this module's constructor, before main (): allocations the
 * dynamic linker and the constructors that ran earlier made are not counted and
 * never fail, and a run of the same program with the same arguments counts the
 * same allocations in the same order (as long as it starts no thread that
 * allocates). A test first runs the program with RS_FAILMALLOC_REPORT alone to
 * learn how many allocations a clean run makes, then fails each N it wants.
 *
 * The allocations are glibc's own, called under their exported __libc_* names:
 * no dlsym (which allocates itself) and no bootstrap buffer. free () and
 * malloc_usable_size () stay glibc's, which is right for memory glibc gave.
 * Nothing here allocates, takes a lock or writes to stderr (the test reads the
 * child's stderr): the counter is one atomic add, safe in any thread and no less
 * async-signal-safe than glibc's malloc itself.
 *
 * STICKY models memory that stays exhausted, but then GLib cannot report it
 * either: g_vasprintf () reports its own failure with g_error (), which formats
 * the message with g_vasprintf () again, until the stack overflows (SIGSEGV,
 * nothing on stderr). test-failing-malloc therefore fails one allocation a run.
 *
 * Only for builds without sanitizers: AddressSanitizer replaces malloc too. */

#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

extern void *__libc_malloc   (size_t size);
extern void *__libc_calloc   (size_t n_members,
                              size_t size);
extern void *__libc_realloc  (void  *ptr,
                              size_t size);
extern void *__libc_memalign (size_t alignment,
                              size_t size);
extern void *__libc_valloc   (size_t size);
extern void *__libc_pvalloc  (size_t size);

static atomic_bool armed;
static atomic_ulong n_allocations;
static atomic_ulong n_failures;
static unsigned long fail_at;  /* 0: never */
static int sticky;
static const char *report_path;

/* Parses a decimal number without strtoul (no locale, nothing that might allocate). */
static unsigned long
parse_count (const char *text)
{
  unsigned long value = 0;

  if (text == NULL)
    return 0;
  for (; *text >= '0' && *text <= '9'; text++)
    value = value * 10 + (unsigned long)(*text - '0');
  return value;
}

static char *
format_count (char          *end,
              unsigned long  value)
{
  do
    {
      *--end = (char)('0' + value % 10);
      value /= 10;
    }
  while (value > 0);
  return end;
}

static void
write_report (void)
{
  char buffer[64];
  char *end = buffer + sizeof buffer;
  char *start;
  int fd;

  if (report_path == NULL)
    return;

  *--end = '\n';
  start = format_count (end, atomic_load (&n_failures));
  *--start = ' ';
  start = format_count (start, atomic_load (&n_allocations));

  fd = open (report_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0)
    return;
  while (start < buffer + sizeof buffer)
    {
      ssize_t n = write (fd, start, (size_t)(buffer + sizeof buffer - start));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      start += n;
    }
  close (fd);
}

__attribute__((constructor)) static void
failmalloc_init (void)
{
  const char *value = getenv ("RS_FAILMALLOC_STICKY");

  fail_at = parse_count (getenv ("RS_FAILMALLOC_AT"));
  sticky = value != NULL && value[0] == '1';
  report_path = getenv ("RS_FAILMALLOC_REPORT");
  if (report_path != NULL && report_path[0] == '\0')
    report_path = NULL;
  /* Exit handlers run in reverse order: this one after those the program
   * registers, so the report counts their allocations. Library destructors run
   * after it and are not counted. */
  if (report_path != NULL)
    atexit (write_report);
  atomic_store (&armed, 1);
}

/* Counts one allocation and says whether it must fail. */
static int
should_fail (void)
{
  unsigned long n;

  if (!atomic_load_explicit (&armed, memory_order_relaxed))
    return 0;
  n = atomic_fetch_add_explicit (&n_allocations, 1, memory_order_relaxed) + 1;
  if (fail_at == 0 || n < fail_at || (n > fail_at && !sticky))
    return 0;
  atomic_fetch_add_explicit (&n_failures, 1, memory_order_relaxed);
  return 1;
}

static void *
fail (void)
{
  errno = ENOMEM;
  return NULL;
}

void *
malloc (size_t size)
{
  return should_fail () ? fail () : __libc_malloc (size);
}

void *
calloc (size_t n_members,
        size_t size)
{
  return should_fail () ? fail () : __libc_calloc (n_members, size);
}

void *
realloc (void   *ptr,
         size_t  size)
{
  /* realloc (p, 0) frees p: nothing is allocated, nothing can fail. A failed
   * realloc leaves p as it was, as a real one does. */
  if (ptr != NULL && size == 0)
    return __libc_realloc (ptr, size);
  return should_fail () ? fail () : __libc_realloc (ptr, size);
}

/* glibc's reallocarray calls its internal realloc, which this module does not see. */
void *
reallocarray (void   *ptr,
              size_t  n_members,
              size_t  size)
{
  if (size != 0 && n_members > SIZE_MAX / size)
    return fail ();
  return realloc (ptr, n_members * size);
}

void *
memalign (size_t alignment,
          size_t size)
{
  return should_fail () ? fail () : __libc_memalign (alignment, size);
}

void *
aligned_alloc (size_t alignment,
               size_t size)
{
  return memalign (alignment, size);
}

int
posix_memalign (void   **result,
                size_t   alignment,
                size_t   size)
{
  void *memory;

  if (alignment % sizeof (void *) != 0 || (alignment & (alignment - 1)) != 0 || alignment == 0)
    return EINVAL;
  if (should_fail ())
    return ENOMEM;
  memory = __libc_memalign (alignment, size);
  if (memory == NULL)
    return ENOMEM;
  *result = memory;
  return 0;
}

void *
valloc (size_t size)
{
  return should_fail () ? fail () : __libc_valloc (size);
}

void *
pvalloc (size_t size)
{
  return should_fail () ? fail () : __libc_pvalloc (size);
}
