/* fuzz-bundle.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "rs-bundle.h"
#include "rs-case-store.h"
#include "rs-core.h"
#include "rs-export-stix.h"
#include "rs-fuzz.h"

/* The case bundle reader (JSON from colleagues), the way File → Import and
 * `redstring-cli import` use it: the input's bytes imported into a new case.
 * Invariants: a refused bundle says why and leaves the case untouched; an
 * accepted one exports, and that export imports into another new case and
 * exports again to the same bytes (a fresh case keeps the bundle's ids), what the
 * case file keeps of STIX (external references, STIX ids, markings, kept objects)
 * included. */

static guint n_cases;

static RsCaseStore *
new_case (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("case-%u.redstring", n_cases++ % 2);
  g_autofree char *path = g_build_filename (rs_fuzz_scratch_dir (), name, NULL);
  RsCaseStore *store;

  rs_case_store_remove_case_file (path, NULL);
  store = rs_case_store_open (path, RS_CASE_STORE_OPEN_CREATE, &error);
  if (store == NULL)
    {
      fprintf (stderr, "fuzz-bundle: cannot make a case: %s\n", error->message);
      abort ();
    }
  return store;
}

/* The bundle with schema 8's members, as File → Export Case Bundle writes it. */
static GBytes *
export_case (RsCaseStore  *store,
             GError      **error)
{
  g_autoptr(RsStixSnapshot) stix = rs_stix_snapshot_new (store, error);

  if (stix == NULL)
    return NULL;
  return rs_bundle_export_with_stix (rs_case_store_get_case (store), stix, error);
}

static gboolean
is_empty (RsCaseStore *store)
{
  RsCase *kase = rs_case_store_get_case (store);

  return g_list_model_get_n_items (rs_case_get_documents (kase)) == 0 &&
         g_list_model_get_n_items (rs_case_get_entities (kase)) == 0 &&
         g_list_model_get_n_items (rs_case_get_relations (kase)) == 0 &&
         g_list_model_get_n_items (rs_case_get_events (kase)) == 0 &&
         g_list_model_get_n_items (rs_case_get_notes (kase)) == 0;
}

/* Most inputs are refused before anything is written: the same empty case
 * serves until one is accepted. */
static RsCaseStore *empty_case;

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
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(RsCaseStore) store = NULL;
  g_autoptr(RsCaseStore) copy = NULL;
  g_autoptr(GBytes) exported = NULL;
  g_autoptr(GBytes) exported_again = NULL;

  if (empty_case == NULL)
    empty_case = new_case ();

  if (!rs_bundle_import_bytes (empty_case, bytes, &error))
    {
      rs_fuzz_check_error (error);
      if (!is_empty (empty_case))
        {
          fprintf (stderr, "fuzz-bundle: a refused bundle left records behind\n");
          abort ();
        }
      return 0;
    }

  store = g_steal_pointer (&empty_case);
  exported = export_case (store, &error);
  if (exported == NULL)
    {
      fprintf (stderr, "fuzz-bundle: an imported case does not export: %s\n", error->message);
      abort ();
    }

  copy = new_case ();
  if (!rs_bundle_import_bytes (copy, exported, &error))
    {
      fprintf (stderr, "fuzz-bundle: an export does not import again: %s\n", error->message);
      abort ();
    }
  exported_again = export_case (copy, &error);
  if (exported_again == NULL || !g_bytes_equal (exported, exported_again))
    {
      fprintf (stderr, "fuzz-bundle: export, import, export changed the bundle\n");
      abort ();
    }
  return 0;
}
