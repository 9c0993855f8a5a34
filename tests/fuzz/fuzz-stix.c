/* fuzz-stix.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rs-case-store-stix.h"
#include "rs-core.h"
#include "rs-document.h"
#include "rs-entity.h"
#include "rs-error.h"
#include "rs-fuzz.h"
#include "rs-quote.h"
#include "rs-stix-import.h"

/* The STIX 2.1 importer, as `redstring-cli import-stix` and File → Import use it: the
 * input read, matched with a case and written into it, then undone. Invariants: a
 * refused bundle gets RS_ERROR_INVALID_INPUT and the same readable sentence twice,
 * and leaves the case untouched; an accepted one's counts add up to its objects;
 * writing it adds what the plan said (entities of known kinds, quotes whose text is
 * their document's span); undoing it gives the case back as it was. */

static RsCaseStore *store;

static void
die (const char *message)
{
  fprintf (stderr, "fuzz-stix: %s\n", message);
  abort ();
}

static guint
n_items (GListModel *model)
{
  return g_list_model_get_n_items (model);
}

static void
check_case (RsCase *kase)
{
  GListModel *entities = rs_case_get_entities (kase);
  GListModel *quotes = rs_case_get_quotes (kase);

  for (guint i = 0; i < n_items (entities); i++)
    {
      g_autoptr(RsEntity) entity = g_list_model_get_item (entities, i);

      if ((guint)rs_entity_get_kind (entity) >= RS_ENTITY_KIND_LAST ||
          !g_utf8_validate (rs_entity_get_name (entity), -1, NULL) ||
          *rs_entity_get_name (entity) == '\0')
        die ("an entity of no kind or without a name");
    }
  for (guint i = 0; i < n_items (quotes); i++)
    {
      g_autoptr(RsQuote) quote = g_list_model_get_item (quotes, i);
      RsDocument *document = rs_case_lookup_document (kase, rs_quote_get_document_id (quote));
      g_autofree char *span = NULL;

      if (document == NULL)
        die ("a quote of no document");
      span = g_utf8_substring (rs_document_get_text (document), rs_quote_get_start (quote),
                               rs_quote_get_end (quote));
      if (g_strcmp0 (span, rs_quote_get_text (quote)) != 0)
        die ("a quote that is not its document's span");
    }
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  rs_core_init ();
  path = g_build_filename (rs_fuzz_scratch_dir (), "stix.redstring", NULL);
  rs_case_store_remove_case_file (path, NULL);
  if (!(store = rs_case_store_open (path, RS_CASE_STORE_OPEN_CREATE, &error)))
    die (error->message);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) again_error = NULL;
  g_autoptr(RsStixBundle) again = NULL;
  g_autoptr(RsStixPlan) plan = NULL;
  g_autoptr(RsChange) change = NULL;
  g_autofree char *summary = NULL;
  RsCase *kase = rs_case_store_get_case (store);
  RsStixBundle *bundle;
  guint n_objects, total = 0, n_entities = n_items (rs_case_get_entities (kase));

  bundle = rs_stix_bundle_read_bytes (bytes, "fuzz.json", &error);
  again = rs_stix_bundle_read_bytes (bytes, "fuzz.json", &again_error);
  if ((bundle == NULL) != (again == NULL))
    die ("the same bytes read twice, once accepted and once refused");
  if (bundle == NULL)
    {
      rs_fuzz_check_error (error);
      if (!g_error_matches (error, RS_ERROR, RS_ERROR_INVALID_INPUT) ||
          g_strcmp0 (error->message, again_error->message) != 0)
        die ("a refusal that is not INVALID_INPUT, or two reasons for one file");
      return 0;
    }

  n_objects = rs_stix_bundle_get_n_objects (bundle);
  if (!(plan = rs_stix_plan_new (bundle, store, &error)))
    {
      rs_fuzz_check_error (error);
      if (!g_error_matches (error, RS_ERROR, RS_ERROR_INVALID_INPUT))
        die ("a plan refused with an error that is not INVALID_INPUT");
      return 0;
    }
  for (int o = 0; o < RS_STIX_N_OUTCOMES; o++)
    total += rs_stix_plan_get_total (plan, o);
  if (total != n_objects)
    die ("the summary does not count every object once");
  summary = rs_stix_plan_dup_summary (plan);
  if (!g_utf8_validate (summary, -1, NULL))
    die ("a summary that is not UTF-8");

  if (!(change = rs_case_edit_import_stix (store, plan, "fuzz.json", &error)))
    {
      /* What the store refuses (text it will not hold) leaves the case as it was. */
      rs_fuzz_check_error (error);
      if (n_items (rs_case_get_entities (kase)) != n_entities)
        die ("a failed import left entities behind");
      return 0;
    }
  /* Whatever is added and is not a relation, a report, a sighting or a note (a Redstring
   * export's, rs-stix-extension.c) is an entity. */
  if (n_items (rs_case_get_entities (kase)) !=
      n_entities + rs_stix_plan_get_total (plan, RS_STIX_ADDED) -
      rs_stix_plan_get_count (plan, "relationship", RS_STIX_ADDED) -
      rs_stix_plan_get_count (plan, "report", RS_STIX_ADDED) -
      rs_stix_plan_get_count (plan, "sighting", RS_STIX_ADDED) -
      rs_stix_plan_get_count (plan, "note", RS_STIX_ADDED))
    die ("the import did not add the entities its plan counted");
  check_case (kase);

  if (!rs_case_store_undo_change (store, change, &error))
    die (error->message);
  if (n_items (rs_case_get_entities (kase)) != n_entities ||
      n_items (rs_case_get_quotes (kase)) != 0 || n_items (rs_case_get_documents (kase)) != 0)
    die ("undoing the import did not give the case back");
  return 0;
}
