/* rs-fuzz-util.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "rs-fuzz.h"

static char *scratch;

static void
remove_scratch (void)
{
  g_autoptr(GDir) dir = g_dir_open (scratch, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (scratch, name, NULL);

      g_unlink (path);
    }
  g_rmdir (scratch);
}

const char *
rs_fuzz_scratch_dir (void)
{
  if (scratch == NULL)
    {
      /* Every input writes a file: tmpfs keeps the executions per second up. */
      const char *base = g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) ? "/dev/shm" : g_get_tmp_dir ();
      g_autofree char *template = g_build_filename (base, "redstring-fuzz-XXXXXX", NULL);

      scratch = g_mkdtemp (g_steal_pointer (&template));
      if (scratch == NULL)
        {
          perror ("redstring-fuzz: cannot make a scratch folder");
          abort ();
        }
      atexit (remove_scratch);
    }
  return scratch;
}

void
rs_fuzz_check_error (const GError *error)
{
  if (error == NULL || error->message == NULL || error->message[0] == '\0' ||
      !g_utf8_validate (error->message, -1, NULL))
    {
      g_autofree char *shown = error && error->message ? g_strescape (error->message, NULL) : NULL;

      fprintf (stderr, "redstring-fuzz: refused without a readable message: %s\n",
               shown ? shown : "(none)");
      abort ();
    }
}
