/* rs-clipboard-image.c
 *
 * Copyright 2026 The Redstring authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rs-clipboard-image"

#include "config.h"

#include <glib/gi18n.h>

#include "rs-clipboard-image.h"
#include "rs-export-dialog.h"

/* Copy as Image: one content provider offering both image/png (office suites, chat,
 * image editors) and image/svg+xml (Inkscape, slides that keep vectors); the pasting
 * program picks. Both come from the exporter, as a file export would. */

typedef struct
{
  GdkClipboard    *clipboard;
  RsCase          *kase;
  RsExportOptions  options;
  GBytes          *png;
  GBytes          *svg;
} CopyJob;

static void
copy_job_free (gpointer data)
{
  CopyJob *job = data;

  g_clear_object (&job->clipboard);
  g_clear_object (&job->kase);
  rs_export_options_clear (&job->options);
  g_clear_pointer (&job->png, g_bytes_unref);
  g_clear_pointer (&job->svg, g_bytes_unref);
  g_free (job);
}

static void
copy_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  CopyJob *job = task_data;
  GError *error = NULL;

  job->options.format = RS_EXPORT_FORMAT_PNG;
  if (!(job->png = rs_export_write_bytes (job->kase, &job->options, cancellable, &error)))
    {
      g_task_return_error (task, error);
      return;
    }
  job->options.format = RS_EXPORT_FORMAT_SVG;
  if (!(job->svg = rs_export_write_bytes (job->kase, &job->options, cancellable, &error)))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
on_drawn_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CopyJob *job = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;
  GdkContentProvider *providers[2];
  g_autoptr(GdkContentProvider) provider = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }
  providers[0] = gdk_content_provider_new_for_bytes ("image/png", job->png);
  providers[1] = gdk_content_provider_new_for_bytes ("image/svg+xml", job->svg);
  provider = gdk_content_provider_new_union (providers, G_N_ELEMENTS (providers));
  if (!gdk_clipboard_set_content (job->clipboard, provider))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("The clipboard did not take the picture"));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

void
rs_clipboard_image_copy_async (GdkClipboard        *clipboard,
                               RsCase              *kase,
                               RsBoardFilter       *filter,
                               RsSelection         *selection,
                               gboolean             dark,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;
  CopyJob *job;

  g_return_if_fail (GDK_IS_CLIPBOARD (clipboard));
  g_return_if_fail (RS_IS_CASE (kase));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rs_clipboard_image_copy_async);

  job = g_new0 (CopyJob, 1);
  job->clipboard = g_object_ref (clipboard);
  job->kase = g_object_ref (kase);
  rs_export_options_init (&job->options, RS_EXPORT_FORMAT_PNG);
  job->options.content = RS_EXPORT_CONTENT_BOARD;
  job->options.dark = dark;
  if (selection != NULL && rs_selection_get_n_items (selection) > 0)
    job->options.selection = rs_export_snapshot_selection (selection);
  else if (filter != NULL)
    job->options.filter = rs_export_snapshot_filter (filter);

  worker = g_task_new (NULL, cancellable, on_drawn_cb, g_steal_pointer (&task));
  g_task_set_source_tag (worker, rs_clipboard_image_copy_async);
  g_task_set_task_data (worker, job, copy_job_free);
  g_task_run_in_thread (worker, copy_thread);
}

gboolean
rs_clipboard_image_copy_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
