/* fuzz-changeset.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rs-bundle.h"
#include "rs-case-store.h"
#include "rs-core.h"
#include "rs-exchange.h"
#include "rs-fuzz.h"

/* The changeset reader (Apply Changes…, `redstring-cli apply`): the header, then
 * every change of the SQLite changeset blob. Invariants: never a crash, a refused
 * file gets a readable sentence, and the same bytes are judged the same way twice.
 * An accepted file is then planned against the sample case (its "case:" line made
 * the sample's, so that hostile rows reach the matching), every conflict taken
 * theirs, applied, and undone: the writer must refuse bad values with an error,
 * and undo must always succeed. Seeds: changesets written by test-exchange
 * (RS_TEST_KEEP_CHANGES) between two copies of the sample. */

static RsCaseStore *store;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  rs_core_init ();
  path = g_build_filename (rs_fuzz_scratch_dir (), "mine.redstring", NULL);
  store = rs_case_store_open (path, RS_CASE_STORE_OPEN_CREATE, &error);
  if (store == NULL || !rs_bundle_import_sample (store, &error))
    {
      fprintf (stderr, "fuzz-changeset: %s\n", error ? error->message : "no case");
      abort ();
    }
  return 0;
}

/* The input with its "case:" header line saying the sample's uid. */
static GBytes *
as_mine (const uint8_t *data,
         size_t         size)
{
  const char *text = (const char *)data;
  const char *line = g_strstr_len (text, MIN (size, 4096), "\ncase: ");
  const char *end;
  g_autoptr(GByteArray) out = NULL;
  const char *uid = rs_case_get_uid (rs_case_store_get_case (store));

  if (line == NULL)
    return g_bytes_new (data, size);
  line += strlen ("\ncase: ");
  end = memchr (line, '\n', size - (line - text));
  if (end == NULL)
    return g_bytes_new (data, size);
  out = g_byte_array_new ();
  g_byte_array_append (out, data, line - text);
  g_byte_array_append (out, (const guint8 *)uid, strlen (uid));
  g_byte_array_append (out, (const guint8 *)end, size - (end - text));
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GBytes) mine = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) again = NULL;
  g_autoptr(RsExchangePlan) plan = NULL;
  g_autoptr(RsChange) change = NULL;
  g_autofree char *path = NULL;
  g_autofree char *json = NULL;
  gboolean ok = rs_exchange_check_changes (bytes, &error);
  GListModel *items;

  if (ok != rs_exchange_check_changes (bytes, &again))
    {
      fprintf (stderr, "fuzz-changeset: the same bytes judged twice differently\n");
      abort ();
    }
  if (!ok)
    {
      rs_fuzz_check_error (error);
      return 0;
    }

  mine = as_mine (data, size);
  path = g_build_filename (rs_fuzz_scratch_dir (), "input.changes", NULL);
  if (!g_file_set_contents (path, g_bytes_get_data (mine, NULL), g_bytes_get_size (mine), &error))
    {
      fprintf (stderr, "fuzz-changeset: %s\n", error->message);
      abort ();
    }
  plan = rs_exchange_plan_new_apply (store, path, &error);
  if (plan == NULL)
    {
      rs_fuzz_check_error (error);
      return 0;
    }
  json = rs_exchange_plan_to_json (plan);
  if (json == NULL || !g_utf8_validate (json, -1, NULL))
    {
      fprintf (stderr, "fuzz-changeset: the plan's report is not UTF-8\n");
      abort ();
    }

  items = rs_exchange_plan_get_items (plan);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(RsExchangeItem) item = g_list_model_get_item (items, i);

      if (rs_exchange_item_get_kind (item) == RS_EXCHANGE_ITEM_CONFLICT)
        rs_exchange_item_set_resolution (item, RS_EXCHANGE_RESOLUTION_TAKE_THEIRS);
    }
  change = rs_exchange_plan_apply (plan, store, &error);
  if (change == NULL)
    {
      rs_fuzz_check_error (error);
      return 0;
    }
  if (!rs_case_store_undo_change (store, change, &error))
    {
      fprintf (stderr, "fuzz-changeset: undo of an applied changeset failed: %s\n", error->message);
      abort ();
    }
  return 0;
}
