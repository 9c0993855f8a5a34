/* fuzz-case-file.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "rs-bundle.h"
#include "rs-case-store.h"
#include "rs-core.h"
#include "rs-fuzz.h"

/* The case-file loader: the input's bytes written as a case file a colleague
 * sent, and opened through the store as File → Open does, so hostile SQLite
 * files are explored as well as hostile rows. A file the store accepts is read
 * whole (exported as a bundle) and written to once; a refused one says why.
 * Seeds: real case files in tests/data/fuzz/case-file/seeds (a small page size
 * keeps them short enough to mutate). */

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  rs_core_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *path = g_build_filename (rs_fuzz_scratch_dir (), "input.redstring", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(RsCaseStore) store = NULL;
  g_autoptr(GBytes) exported = NULL;

  rs_case_store_remove_case_file (path, NULL);
  if (!g_file_set_contents (path, (const char *) data, size, &error))
    {
      fprintf (stderr, "fuzz-case-file: %s\n", error->message);
      abort ();
    }

  store = rs_case_store_open (path, RS_CASE_STORE_OPEN_NONE, &error);
  if (store == NULL)
    {
      rs_fuzz_check_error (error);
      return 0;
    }

  exported = rs_bundle_export (rs_case_store_get_case (store), &error);
  if (exported == NULL)
    rs_fuzz_check_error (error);
  g_clear_error (&error);

  /* One write through the checks the store made on opening. */
  if (!rs_case_store_set_info (store, "Fuzzed", "A case file as the fuzzer wrote it", &error))
    rs_fuzz_check_error (error);

  g_clear_object (&store);
  rs_case_store_remove_case_file (path, NULL);
  return 0;
}
