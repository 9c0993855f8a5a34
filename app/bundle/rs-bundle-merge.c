/* rs-bundle-merge.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-bundle"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rs-bundle.h"
#include "rs-bundle-merge.h"

gboolean
rs_bundle_import_merges (RsCaseStore *store)
{
  RsCase *kase;

  g_return_val_if_fail (RS_IS_CASE_STORE (store), FALSE);

  /* The test rs_bundle_import_file() makes to keep a bundle's ids. */
  kase = rs_case_store_get_case (store);
  return g_list_model_get_n_items (rs_case_get_documents (kase)) > 0 ||
         g_list_model_get_n_items (rs_case_get_entities (kase)) > 0;
}

RsExchangePlan *
rs_bundle_plan_import (RsCaseStore  *mine,
                       const char   *path,
                       GError      **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *scratch = NULL;
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;
  RsExchangePlan *plan = NULL;
  RsCaseStore *theirs;

  g_return_val_if_fail (RS_IS_CASE_STORE (mine), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* A fresh scratch case keeps the bundle's ids as uids, so records exported from
   * this very case match by uid; it goes as soon as the plan is made (the plan
   * holds everything it needs). */
  if (!(dir = g_dir_make_tmp ("redstring-import-XXXXXX", error)))
    return NULL;
  scratch = g_build_filename (dir, "bundle.redstring", NULL);
  if ((theirs = rs_case_store_open (scratch, RS_CASE_STORE_OPEN_CREATE, error)) != NULL)
    {
      if (rs_bundle_import_file (theirs, path, error))
        {
          name = g_filename_display_basename (path);
          /* TRANSLATORS: the change's label, as Undo shows it: Import “s1.json” */
          label = g_strdup_printf (_("Import “%s”"), name);
          plan = rs_exchange_plan_new_merge_store (mine, theirs, name, label, error);
        }
      g_object_unref (theirs);
    }
  rs_case_store_remove_case_file (scratch, NULL);
  g_rmdir (dir);
  return plan;
}

typedef struct
{
  RsCaseStore *store;
  char        *path;
} PlanData;

static void
plan_data_free (PlanData *data)
{
  g_clear_object (&data->store);
  g_free (data->path);
  g_free (data);
}

static void
plan_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  PlanData *data = task_data;
  GError *error = NULL;
  RsExchangePlan *plan = rs_bundle_plan_import (data->store, data->path, &error);

  /* Let go here, before the result reaches the main thread, which may free the task
   * on this one (the plan holds its own reference to the store). */
  g_clear_object (&data->store);
  if (plan == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, plan, g_object_unref);
}

void
rs_bundle_plan_import_async (RsCaseStore         *mine,
                             const char          *path,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  PlanData *data;

  g_return_if_fail (RS_IS_CASE_STORE (mine));
  g_return_if_fail (path != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rs_bundle_plan_import_async);
  data = g_new0 (PlanData, 1);
  data->store = g_object_ref (mine);
  data->path = g_strdup (path);
  g_task_set_task_data (task, data, (GDestroyNotify)plan_data_free);
  g_task_set_return_on_cancel (task, TRUE);
  g_task_run_in_thread (task, plan_in_thread);
}

RsExchangePlan *
rs_bundle_plan_import_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rs_bundle_plan_import_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
